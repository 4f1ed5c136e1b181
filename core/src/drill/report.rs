//! One drill's report, as an auditor keeps it: what ran, on what, by whom, how it ended, the
//! measured recovery time against the objective, the launch record this browser kept, the
//! findings and every step on one time axis. The page draws it; [`Report::markdown`] and
//! [`Report::json`] are the same facts as files.

use super::findings::{findings, Finding};
use super::ledger::{row_of, Drill, ObjectiveVerdict};
use super::timeline::Timeline;
use super::words;
use crate::i18n::{fill, text, Lang, Text};
use crate::precheck::objectives::Objective;
use crate::present::subtask_status;
use crate::task::eta::{rto_of_task, History, Rto};
use crate::task::launch_record::{describe, LaunchRecord, LaunchRecords};
use crate::time::{human, parse_ms, Instant, Offset};
use crate::wire::TaskInstance;
use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub drill: Drill,
    pub rto: Option<Rto>,
    pub finished_ms: Option<i64>,
    pub launch: Option<LaunchRecord>,
    pub timeline: Timeline,
    pub findings: Vec<Finding>,
    /// Earlier successful runs the step times were compared with (0: none).
    pub history_runs: usize,
}

impl Report {
    /// The report of `task` (its detail, with steps); `None` when it has no id.
    pub fn of(
        task: &TaskInstance,
        ocp: Offset,
        now_ms: i64,
        objectives: &[Objective],
        records: &LaunchRecords,
        history: Option<&History>,
    ) -> Option<Report> {
        let drill = row_of(task, ocp, objectives, records)?;
        let timeline = Timeline::of(task, ocp, now_ms);
        let history = history.filter(|h| h.runs() > 0);
        let findings = findings(&timeline, drill.outcome, drill.objective, history);
        Some(Report {
            launch: records.of_task(drill.id).cloned(),
            rto: rto_of_task(task, ocp),
            finished_ms: task.finish_time.as_deref().and_then(|t| parse_ms(t, ocp)),
            history_runs: history.map(History::runs).unwrap_or(0),
            drill,
            timeline,
            findings,
        })
    }

    /// The facts' rows (label, value) as the page and the Markdown show them.
    pub fn facts(&self, lang: Lang, ocp: Offset) -> Vec<(String, String)> {
        let d = &self.drill;
        let when = |ms: Option<i64>| {
            ms.map(|m| Instant::from_epoch_ms(m).to_ocp(ocp))
                .unwrap_or_else(|| "—".to_string())
        };
        let dur = |ms: Option<i64>| {
            ms.map(|m| human::duration(m, lang))
                .unwrap_or_else(|| "—".to_string())
        };
        let t = |k: Text| text(lang, k).to_string();
        let mut rows = vec![
            (t(Text::ReportTask), format!("{} #{}", d.task_name, d.id)),
            (t(Text::DrillColKind), words::kind(d.kind, lang).to_string()),
            (t(Text::DrillColTarget), d.target.clone()),
            (t(Text::ColCluster), d.cluster.clone()),
            (t(Text::DrillColLaunched), when(d.launched_ms)),
            (t(Text::ColFinished), when(self.finished_ms)),
            (
                t(Text::ColCreator),
                d.creator.clone().unwrap_or_else(|| "—".to_string()),
            ),
            (
                t(Text::DrillColResult),
                words::outcome(d.outcome, lang).to_string(),
            ),
        ];
        if let Some(r) = &self.rto {
            if let (Some(p), Some(step)) = (r.to_promotion_ms, &r.promotion_step) {
                rows.push((fill(lang, Text::ReportRtoPromotion, &[step]), dur(Some(p))));
            }
        }
        rows.push((
            t(Text::ReportRtoEnd),
            dur(self.rto.as_ref().and_then(|r| r.to_end_ms)),
        ));
        rows.push((
            t(Text::DrillColObjective),
            words::objective(d.objective, lang),
        ));
        rows.push((
            t(Text::ReportRpoAtLaunch),
            words::rpo(d.rpo, d.rpo_check, lang),
        ));
        rows
    }

    /// The report as Markdown: headings, a facts table, the launch record, the findings, the
    /// steps as a table in timeline order (Markdown has no Gantt).
    pub fn markdown(&self, lang: Lang, ocp: Offset, local: Offset, now_ms: i64) -> String {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let d = |ms: Option<i64>| {
            ms.map(|m| human::duration(m, lang))
                .unwrap_or_else(|| "—".to_string())
        };
        let mut md = format!(
            "# {}\n\n{}\n\n## {}\n\n| | |\n|---|---|\n",
            fill(lang, Text::ReportTitle, &[&self.drill.target]),
            fill(
                lang,
                Text::ReportGenerated,
                &[&Instant::from_epoch_ms(now_ms).to_ocp(ocp)]
            ),
            text(lang, Text::ReportFacts),
        );
        for (k, v) in self.facts(lang, ocp) {
            md.push_str(&format!("| {} | {} |\n", cell(&k), cell(&v)));
        }
        md.push_str(&format!(
            "\n## {}\n\n",
            text(lang, Text::ReportLaunchRecord)
        ));
        match &self.launch {
            Some(r) => md.push_str(&format!("{}\n", describe(r, now_ms, local, lang))),
            None => md.push_str(&format!("{}\n", text(lang, Text::ReportNoLaunchRecord))),
        }
        md.push_str(&format!("\n## {}\n\n", text(lang, Text::ReportFindings)));
        if self.findings.is_empty() {
            md.push_str(&format!("{}\n", text(lang, Text::ReportNoFindings)));
        }
        for f in &self.findings {
            md.push_str(&format!("- {}\n", f.words(lang)));
        }
        md.push_str(&format!("\n## {}\n\n", text(lang, Text::ReportTimeline)));
        md.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
            text(lang, Text::ColLayer),
            text(lang, Text::ReportColStep),
            text(lang, Text::ReportColStart),
            text(lang, Text::ReportColTook),
            text(lang, Text::ReportColWait),
            text(lang, Text::ReportColState),
        ));
        let tl = &self.timeline;
        for b in &tl.bars {
            let mut state = text(lang, subtask_status(b.status.as_ref()).text).to_string();
            if let Some(m) = b.mark {
                state.push_str(&format!(", {}", words::mark(m, lang)));
            }
            if b.critical {
                state.push_str(&format!(", {}", text(lang, Text::ReportCritical)));
            }
            md.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                b.layer + 1,
                cell(&b.name),
                b.start_ms
                    .map(|s| format!("+{}", human::duration(s - tl.origin_ms, lang)))
                    .unwrap_or_else(|| text(lang, Text::ReportNotStarted).to_string()),
                d(b.duration_ms()),
                d(b.wait_ms()),
                cell(&state),
            ));
        }
        md
    }

    /// The report as JSON (English keys and words; times at OCP's offset; ms as numbers).
    pub fn json(&self, ocp: Offset, now_ms: i64) -> String {
        let iso = |ms: Option<i64>| ms.map(|m| Instant::from_epoch_ms(m).to_ocp(ocp));
        let tl = &self.timeline;
        let doc = json!({
            "generatedAt": iso(Some(now_ms)),
            "drill": super::export::drill_json(&self.drill, ocp),
            "finishedAt": iso(self.finished_ms),
            "rto": self.rto.as_ref().map(|r| json!({
                "toPromotionMs": r.to_promotion_ms,
                "promotionStep": r.promotion_step,
                "toEndMs": r.to_end_ms,
            })),
            "launchRecord": self.launch.as_ref().map(|r| serde_json::to_value(r).unwrap_or(Value::Null)),
            "findings": self.findings.iter().map(|f| f.words(Lang::En)).collect::<Vec<_>>(),
            "historyRuns": self.history_runs,
            "timeline": {
                "origin": iso(Some(tl.origin_ms)),
                "end": iso(Some(tl.end_ms)),
                "graphRead": !tl.no_graph,
                "steps": tl.bars.iter().map(|b| json!({
                    "id": b.id,
                    "name": b.name,
                    "layer": b.layer,
                    "status": b.status.as_ref().map(|s| s.as_wire()),
                    "start": iso(b.start_ms),
                    "end": iso(b.end_ms),
                    "readyAt": iso(b.ready_ms),
                    "durationMs": b.duration_ms(),
                    "waitMs": b.wait_ms(),
                    "mark": b.mark.map(|m| words::mark(m, Lang::En)),
                    "critical": b.critical,
                })).collect::<Vec<_>>(),
            },
        });
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    }

    /// Whether the report has anything that reads as a miss (for its heading's colour).
    pub fn missed(&self) -> bool {
        matches!(self.drill.objective, ObjectiveVerdict::Missed { .. })
    }

    /// `drill-report-{id}.{ext}`.
    pub fn file_name(&self, ext: &str) -> String {
        format!("drill-report-{}.{ext}", self.drill.id)
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
