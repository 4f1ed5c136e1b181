//! The ledger's rows as a download: CSV (headers in the page's language, cells as the task
//! list's CSV guards them) and JSON (stable English keys and words, for tooling). Times are
//! ISO 8601 at OCP's offset; durations whole seconds; what is unknown is empty or `null`,
//! never 0.

use super::ledger::{Drill, ObjectiveVerdict, RpoAtLaunch};
use crate::i18n::{text, Lang, Text};
use crate::task::list::line;
use crate::time::{Instant, Offset};
use serde_json::{json, Value};

fn iso(ms: Option<i64>, ocp: Offset) -> Option<String> {
    ms.map(|m| Instant::from_epoch_ms(m).to_ocp(ocp))
}

fn verdict_word(v: ObjectiveVerdict) -> &'static str {
    match v {
        ObjectiveVerdict::Met { .. } => "met",
        ObjectiveVerdict::Missed { .. } => "missed",
        ObjectiveVerdict::NotMeasured { .. } => "not-measured",
        ObjectiveVerdict::NoObjective => "no-objective",
    }
}

fn rto_objective(v: ObjectiveVerdict) -> Option<i64> {
    match v {
        ObjectiveVerdict::Met { rto_secs }
        | ObjectiveVerdict::Missed { rto_secs, .. }
        | ObjectiveVerdict::NotMeasured { rto_secs } => Some(rto_secs),
        ObjectiveVerdict::NoObjective => None,
    }
}

fn rpo_secs(r: RpoAtLaunch) -> Option<i64> {
    match r {
        RpoAtLaunch::Recorded(l) => l,
        RpoAtLaunch::NotRecorded => None,
    }
}

/// The CSV of `rows`, a UTF-8 BOM first so spreadsheets read Chinese names.
pub fn csv(rows: &[Drill], lang: Lang, ocp: Offset) -> String {
    let header = [
        Text::ColId,
        Text::DrillColKind,
        Text::DrillColTarget,
        Text::ColCluster,
        Text::DrillColLaunched,
        Text::ColCreator,
        Text::DrillColResult,
        Text::DrillColIntervened,
        Text::DrillColRtoSecs,
        Text::DrillColRpoSecs,
        Text::DrillColRtoObjectiveSecs,
        Text::DrillColObjective,
    ]
    .map(|t| text(lang, t).to_string());
    let mut out = String::from("\u{feff}");
    line(&mut out, &header);
    let n = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    for d in rows {
        let cells = [
            d.id.to_string(),
            d.kind.as_str().to_string(),
            d.target.clone(),
            d.cluster.clone(),
            iso(d.launched_ms, ocp).unwrap_or_default(),
            d.creator.clone().unwrap_or_default(),
            d.outcome.as_str().to_string(),
            if d.intervened { "yes" } else { "no" }.to_string(),
            n(d.rto_ms.map(|m| m / 1000)),
            match d.rpo {
                RpoAtLaunch::Recorded(l) => n(l),
                RpoAtLaunch::NotRecorded => "not recorded".to_string(),
            },
            n(rto_objective(d.objective)),
            verdict_word(d.objective).to_string(),
        ];
        line(&mut out, &cells);
    }
    out
}

/// One row as JSON.
pub fn drill_json(d: &Drill, ocp: Offset) -> Value {
    json!({
        "taskId": d.id,
        "task": d.task_name,
        "kind": d.kind.as_str(),
        "target": d.target,
        "tenant": d.tenant,
        "cluster": d.cluster,
        "launchedAt": iso(d.launched_ms, ocp),
        "creator": d.creator,
        "result": d.outcome.as_str(),
        "intervened": d.intervened,
        "rtoSecs": d.rto_ms.map(|m| m as f64 / 1000.0),
        "rpoAtLaunch": {
            "recorded": matches!(d.rpo, RpoAtLaunch::Recorded(_)),
            "lagSecs": rpo_secs(d.rpo),
            "objectiveSecs": d.rpo_objective_secs,
        },
        "rtoObjective": {
            "secs": rto_objective(d.objective),
            "verdict": verdict_word(d.objective),
            "overBySecs": match d.objective {
                ObjectiveVerdict::Missed { by_ms, .. } => Some(by_ms as f64 / 1000.0),
                _ => None,
            },
        },
    })
}

/// The rows shown, with what filtered them, as one JSON document.
pub fn json(rows: &[Drill], filter_query: &str, generated_ms: i64, ocp: Offset) -> String {
    let doc = json!({
        "generatedAt": iso(Some(generated_ms), ocp),
        "filter": filter_query,
        "drills": rows.iter().map(|d| drill_json(d, ocp)).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// `drills-YYYY-MM-DD-HHMM.{ext}` on the clock at `zone`.
pub fn file_name(now: Instant, zone: Offset, ext: &str) -> String {
    let c = now.civil(zone);
    format!(
        "drills-{:04}-{:02}-{:02}-{:02}{:02}.{ext}",
        c.year, c.month, c.day, c.hour, c.minute
    )
}
