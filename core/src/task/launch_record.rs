//! What the console keeps about a launch it sent: with the new task's id, the precheck summary
//! that was on screen (verdict, blocking codes, the warnings accepted, the lag then), the
//! operator and the reason typed. Sent nowhere: OCP has no field for it, so it lives in this
//! browser's storage, per OCP address, and the task page shows it.
//!
//! Storage may hold what another version of the console (or a person) wrote: it is read one
//! record at a time, a record that cannot be read costs only itself, and a task without a
//! record shows none: a record is never made up.

use crate::i18n::{fill, Lang, Text};
use crate::precheck::readiness::{Kept, Record};
use crate::time::{human, Instant, Offset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Records kept per OCP address (the newest launches).
pub const KEEP: usize = 200;

/// A reason longer than this is cut (storage is small and shared).
pub const REASON_MAX_CHARS: usize = 500;

/// The storage key of one OCP address's records: separate OCPs never mix.
pub fn storage_key(api_base: &str) -> String {
    format!(
        "fc.launch-records:{}",
        api_base.trim().trim_end_matches('/')
    )
}

/// One launch as kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LaunchRecord {
    pub task_id: i64,
    /// When OCP answered the launch, ms since the epoch (the browser's clock).
    pub at_ms: i64,
    pub operator: String,
    #[serde(default)]
    pub reason: Option<String>,
    /// The precheck on screen at launch (its own time, verdict, codes, lag then); `None` when
    /// the launch had none for this task (never guessed from another's).
    #[serde(default)]
    pub precheck: Option<Record>,
}

/// What the operator confirmed, before OCP named the tasks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub operator: String,
    pub reason: Option<String>,
    /// The precheck of each standby launched: its tenant id (`None` for a tenant or cluster
    /// launch that makes one task) and the result on screen.
    pub prechecks: Vec<(Option<i64>, Record)>,
}

/// The reason as kept: trimmed, `None` when blank, at most [`REASON_MAX_CHARS`] characters.
pub fn clean_reason(typed: &str) -> Option<String> {
    let t = typed.trim();
    (!t.is_empty()).then(|| t.chars().take(REASON_MAX_CHARS).collect())
}

impl Draft {
    /// One record per task OCP created (`(task id, its tenant id)`), answered at `at_ms`. A task
    /// gets the precheck of its own tenant; when the launch had a single precheck without a
    /// tenant (a tenant or cluster launch), that one. A task matching none gets no summary.
    pub fn records(&self, tasks: &[(i64, Option<i64>)], at_ms: i64) -> Vec<LaunchRecord> {
        tasks
            .iter()
            .map(|&(task_id, tenant)| {
                let own = tenant.and_then(|t| {
                    self.prechecks
                        .iter()
                        .find(|(id, _)| *id == Some(t))
                        .map(|(_, r)| r.clone())
                });
                let single = match self.prechecks.as_slice() {
                    [(None, r)] => Some(r.clone()),
                    _ => None,
                };
                LaunchRecord {
                    task_id,
                    at_ms,
                    operator: self.operator.clone(),
                    reason: self.reason.clone(),
                    precheck: own.or(single),
                }
            })
            .collect()
    }
}

/// Every kept record of one OCP address, oldest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LaunchRecords {
    list: Vec<LaunchRecord>,
    /// Entries that could not be read and were dropped (shown nowhere, counted for tests).
    pub dropped: usize,
}

impl LaunchRecords {
    /// Reads what storage held: anything but a JSON array is no records; each entry is read on
    /// its own, and only the newest [`KEEP`] are kept.
    pub fn read(text: Option<&str>) -> LaunchRecords {
        let mut out = LaunchRecords::default();
        let Some(Value::Array(items)) = text.and_then(|t| serde_json::from_str::<Value>(t).ok())
        else {
            return out;
        };
        for item in items {
            match serde_json::from_value::<LaunchRecord>(item) {
                Ok(r) => out.push(r),
                Err(_) => out.dropped += 1,
            }
        }
        out
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.list).unwrap_or_else(|_| "[]".into())
    }

    /// Keeps a record; one for the same task replaces the earlier; the oldest beyond [`KEEP`]
    /// are dropped.
    pub fn push(&mut self, r: LaunchRecord) {
        self.list.retain(|x| x.task_id != r.task_id);
        let at = self.list.partition_point(|x| x.at_ms <= r.at_ms);
        self.list.insert(at, r);
        let skip = self.list.len().saturating_sub(KEEP);
        self.list.drain(..skip);
    }

    pub fn of_task(&self, task_id: i64) -> Option<&LaunchRecord> {
        self.list.iter().find(|r| r.task_id == task_id)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// The record in one sentence, as the task page shows it: "Launched by admin at 13:52:17 today
/// (UTC+8) after precheck: 0 blocking, 1 warning accepted (OBE26120), 45 s behind. Reason: …".
/// `offset` is the operator's zone at the launch time.
pub fn describe(r: &LaunchRecord, now_ms: i64, offset: Offset, lang: Lang) -> String {
    let at = human::when_zoned(
        Instant::from_epoch_ms(r.at_ms),
        Instant::from_epoch_ms(now_ms),
        offset,
        lang,
    );
    let mut out = match &r.precheck {
        Some(p) => fill(
            lang,
            Text::LaunchRecordAfter,
            &[&r.operator, &at, &precheck_words(p, lang)],
        ),
        None => fill(lang, Text::LaunchRecordNoPrecheck, &[&r.operator, &at]),
    };
    if let Some(reason) = &r.reason {
        if lang == Lang::En {
            out.push(' ');
        }
        out.push_str(&fill(lang, Text::LaunchRecordReason, &[reason]));
    }
    out
}

/// "0 blocking, 1 warning accepted (OBE26120), 45 s behind"; a verdict other than a pass is
/// named first (a launch is only offered on a pass, but the record says what it saw).
fn precheck_words(p: &Record, lang: Lang) -> String {
    let blocking = p.blocking.len().to_string();
    let mut parts = Vec::new();
    match p.verdict {
        Kept::Pass => {}
        Kept::Blocked => parts.push(fill(lang, Text::LaunchRecordVerdictBlocked, &[])),
        Kept::NoVerdict => parts.push(fill(lang, Text::LaunchRecordVerdictNone, &[])),
    }
    parts.push(match p.warnings.len() {
        0 => fill(lang, Text::LaunchRecordNoWarnings, &[&blocking]),
        1 => fill(
            lang,
            Text::LaunchRecordOneWarning,
            &[&blocking, &p.warnings.join(", ")],
        ),
        n => fill(
            lang,
            Text::LaunchRecordWarnings,
            &[&blocking, &n.to_string(), &p.warnings.join(", ")],
        ),
    });
    if let Some(lag) = p.lag_secs {
        parts.push(fill(
            lang,
            Text::LagSeconds,
            &[&human::duration(lag * 1000, lang)],
        ));
    }
    let sep = match lang {
        Lang::En => ", ",
        Lang::Zh => "，",
    };
    parts.join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pre(warnings: &[&str], lag: Option<i64>) -> Record {
        Record {
            at_ms: 1_000,
            verdict: Kept::Pass,
            blocking: Vec::new(),
            warnings: warnings.iter().map(|s| s.to_string()).collect(),
            lag_secs: lag,
        }
    }

    fn rec(task_id: i64, at_ms: i64) -> LaunchRecord {
        LaunchRecord {
            task_id,
            at_ms,
            operator: "admin".into(),
            reason: Some("drill".into()),
            precheck: Some(pre(&["OBE26120"], Some(45))),
        }
    }

    #[test]
    fn round_trips_through_storage_text() {
        let mut all = LaunchRecords::default();
        all.push(rec(7, 2_000));
        all.push(rec(8, 1_000));
        let back = LaunchRecords::read(Some(&all.to_json()));
        assert_eq!(back, all);
        assert_eq!(back.of_task(7), Some(&rec(7, 2_000)));
        assert_eq!(back.of_task(9), None);
    }

    #[test]
    fn garbage_costs_only_itself() {
        for junk in [
            None,
            Some(""),
            Some("{"),
            Some("{}"),
            Some("42"),
            Some("null"),
        ] {
            assert!(LaunchRecords::read(junk).is_empty(), "{junk:?}");
        }
        let good = serde_json::to_value(rec(5, 10)).unwrap();
        let text = serde_json::json!([
            1,
            {"taskId": "x"},
            good,
            {"taskId": 6, "atMs": 11, "operator": "ops", "precheck": {"verdict": "maybe"}},
            {"taskId": 7, "atMs": 12, "operator": "ops"}
        ])
        .to_string();
        let r = LaunchRecords::read(Some(&text));
        assert_eq!(r.len(), 2);
        assert_eq!(r.dropped, 3);
        assert_eq!(r.of_task(5), Some(&rec(5, 10)));
        // Optional parts missing: kept as missing, not invented.
        let bare = r.of_task(7).unwrap();
        assert_eq!(
            (bare.reason.as_deref(), bare.precheck.is_none()),
            (None, true)
        );
    }

    #[test]
    fn keeps_the_newest_two_hundred_and_one_per_task() {
        let mut all = LaunchRecords::default();
        for i in (0..250).rev() {
            all.push(rec(i, i));
        }
        assert_eq!(all.len(), KEEP);
        assert!(all.of_task(49).is_none());
        assert!(all.of_task(50).is_some());
        all.push(rec(249, 999));
        assert_eq!(all.len(), KEEP);
        assert_eq!(all.of_task(249).map(|r| r.at_ms), Some(999));
        // Storage written by a bigger build is trimmed on reading too.
        let mut big: Vec<Value> = Vec::new();
        for i in 0..300 {
            big.push(serde_json::to_value(rec(i, i)).unwrap());
        }
        let r = LaunchRecords::read(Some(&Value::Array(big).to_string()));
        assert_eq!(r.len(), KEEP);
        assert!(r.of_task(299).is_some() && r.of_task(99).is_none());
    }

    #[test]
    fn each_task_of_a_batch_gets_its_own_precheck() {
        let draft = Draft {
            operator: "admin".into(),
            reason: None,
            prechecks: vec![
                (Some(1), pre(&[], Some(2))),
                (Some(2), pre(&["OBE26120"], Some(60))),
            ],
        };
        let r = draft.records(&[(100, Some(2)), (101, Some(1)), (102, Some(3))], 5);
        assert_eq!(r[0].precheck, Some(pre(&["OBE26120"], Some(60))));
        assert_eq!(r[1].precheck, Some(pre(&[], Some(2))));
        // A task OCP made for a tenant nobody prechecked gets no summary, not another's.
        assert_eq!(r[2].precheck, None);
        assert!(r.iter().all(|x| x.at_ms == 5 && x.operator == "admin"));
        // A single launch: its one precheck, whatever tenant id the task carries.
        let one = Draft {
            prechecks: vec![(None, pre(&[], None))],
            ..draft
        };
        assert_eq!(
            one.records(&[(200, Some(9))], 6)[0].precheck,
            Some(pre(&[], None))
        );
    }

    #[test]
    fn reasons_are_trimmed_and_bounded() {
        assert_eq!(clean_reason("  \n "), None);
        assert_eq!(clean_reason(" drill 12 ").as_deref(), Some("drill 12"));
        let long = "原".repeat(REASON_MAX_CHARS + 10);
        assert_eq!(
            clean_reason(&long).map(|s| s.chars().count()),
            Some(REASON_MAX_CHARS)
        );
    }

    #[test]
    fn describes_in_both_languages() {
        // 13:52:17 UTC on 23 Nov 2026, read at 14:00 the same day, at UTC+8.
        let at = 1_795_441_937_000;
        let now = at + 8 * 60_000;
        let r = LaunchRecord {
            at_ms: at,
            ..rec(1, 0)
        };
        let z = Offset::from_minutes(480).unwrap();
        assert_eq!(
            describe(&r, now, z, Lang::En),
            "Launched by admin at 21:52:17 today (UTC+8) after precheck: 0 blocking, \
             1 warning accepted (OBE26120), 45 s behind. Reason: drill"
        );
        assert_eq!(
            describe(&r, now, z, Lang::Zh),
            "由 admin 于 今天 21:52:17 (UTC+8) 发起，发起前预检查：0 个阻断项，已接受 1 个警告\
             （OBE26120），落后 45 秒。原因：drill"
        );
        let bare = LaunchRecord {
            reason: None,
            precheck: None,
            ..r.clone()
        };
        assert_eq!(
            describe(&bare, now, Offset::UTC, Lang::En),
            "Launched by admin at 13:52:17 today (UTC)."
        );
        let two = LaunchRecord {
            precheck: Some(pre(&["A1", "B2"], None)),
            ..bare
        };
        assert_eq!(
            describe(&two, now, Offset::UTC, Lang::En),
            "Launched by admin at 13:52:17 today (UTC) after precheck: 0 blocking, \
             2 warnings accepted (A1, B2)."
        );
    }
}
