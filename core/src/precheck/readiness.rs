//! Readiness before an outage: the precheck results the browser keeps per standby, what changed
//! between any two of them, and which standby to recommend for each primary.
//!
//! The history lives in the browser's storage, which another version of the console (or a
//! person) may have written: it is read one record at a time, and a record that cannot be read
//! costs only itself.

use crate::precheck::verdict::{changes, Changes, Finding, Summary, Verdict};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Results kept per standby (the newest).
pub const HISTORY_LEN: usize = 20;

/// The storage key of one OCP address's history: separate OCPs never mix.
pub fn storage_key(api_base: &str) -> String {
    format!("fc.precheck-history:{}", api_base.trim_end_matches('/'))
}

/// Which standby a record belongs to.
pub fn tenant_key(cluster_id: i64, tenant_id: i64) -> String {
    format!("tenant:{cluster_id}:{tenant_id}")
}

pub fn cluster_key(cluster_id: i64) -> String {
    format!("cluster:{cluster_id}")
}

/// One precheck result as kept: enough to show the verdict, its age and codes, and to compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    /// When the reply arrived, ms since the epoch (the browser's clock).
    pub at_ms: i64,
    pub verdict: Kept,
    #[serde(default)]
    pub blocking: Vec<String>,
    #[serde(default)]
    pub warnings: Vec<String>,
    /// The standby's lag at that time, in seconds, when it was known.
    #[serde(default)]
    pub lag_secs: Option<i64>,
}

/// A verdict as stored (a word, so a reordered enum never changes what was kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Kept {
    Pass,
    Blocked,
    NoVerdict,
}

impl From<Verdict> for Kept {
    fn from(v: Verdict) -> Self {
        match v {
            Verdict::Pass => Kept::Pass,
            Verdict::Blocked => Kept::Blocked,
            Verdict::NoVerdict => Kept::NoVerdict,
        }
    }
}

impl From<Kept> for Verdict {
    fn from(k: Kept) -> Self {
        match k {
            Kept::Pass => Verdict::Pass,
            Kept::Blocked => Verdict::Blocked,
            Kept::NoVerdict => Verdict::NoVerdict,
        }
    }
}

impl Record {
    pub fn from_summary(s: &Summary, at_ms: i64, lag_secs: Option<i64>) -> Record {
        let codes = |fs: &[Finding]| fs.iter().map(|f| f.code.clone()).collect();
        Record {
            at_ms,
            verdict: s.verdict.into(),
            blocking: codes(&s.blocking),
            warnings: codes(&s.warnings),
            lag_secs,
        }
    }

    pub fn verdict(&self) -> Verdict {
        self.verdict.into()
    }

    /// As a summary with code-only findings, so comparing two records uses the one rule the
    /// precheck page uses for two live runs.
    fn as_summary(&self) -> Summary {
        let finding = |blocking: bool| {
            move |c: &String| Finding {
                code: c.clone(),
                message: String::new(),
                blocking,
                subject: None,
                raw: None,
            }
        };
        Summary {
            tenant_id: None,
            name: String::new(),
            verdict: self.verdict(),
            no_verdict: None,
            blocking: self.blocking.iter().map(finding(true)).collect(),
            warnings: self.warnings.iter().map(finding(false)).collect(),
            sync_scn: None,
            sync_scn_raw: None,
            primary_service_name: None,
            blocked_standbys: Vec::new(),
        }
    }
}

/// What changed from an earlier kept result to a later one (findings by code and severity).
pub fn compare(earlier: &Record, later: &Record) -> Changes {
    changes(&earlier.as_summary(), &later.as_summary())
}

/// Every standby's kept results, oldest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Histories {
    by_standby: BTreeMap<String, Vec<Record>>,
    /// Records that could not be read and were dropped (shown nowhere, counted for tests).
    pub dropped: usize,
}

impl Histories {
    /// Reads what storage held: anything that is not a JSON object is an empty history; each
    /// record is read on its own.
    pub fn read(text: Option<&str>) -> Histories {
        let mut h = Histories::default();
        let Some(Value::Object(map)) = text.and_then(|t| serde_json::from_str::<Value>(t).ok())
        else {
            return h;
        };
        for (key, list) in map {
            let Value::Array(items) = list else {
                h.dropped += 1;
                continue;
            };
            let mut records: Vec<Record> = Vec::new();
            for item in items {
                match serde_json::from_value::<Record>(item) {
                    Ok(r) => records.push(r),
                    Err(_) => h.dropped += 1,
                }
            }
            records.sort_by_key(|r| r.at_ms);
            let skip = records.len().saturating_sub(HISTORY_LEN);
            records.drain(..skip);
            if !records.is_empty() {
                h.by_standby.insert(key, records);
            }
        }
        h
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.by_standby).unwrap_or_else(|_| "{}".into())
    }

    /// Keeps a new result, dropping the oldest beyond [`HISTORY_LEN`].
    pub fn push(&mut self, standby: &str, r: Record) {
        let list = self.by_standby.entry(standby.to_string()).or_default();
        let at = list.partition_point(|x| x.at_ms <= r.at_ms);
        list.insert(at, r);
        let skip = list.len().saturating_sub(HISTORY_LEN);
        list.drain(..skip);
    }

    /// Oldest first.
    pub fn of(&self, standby: &str) -> &[Record] {
        self.by_standby
            .get(standby)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn latest(&self, standby: &str) -> Option<&Record> {
        self.of(standby).last()
    }
}

/// A standby as the readiness board weighs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Its history key ([`tenant_key`] / [`cluster_key`]).
    pub key: String,
    /// The primary it would replace (any stable identity: a cluster or tenant key or name).
    pub primary: String,
    pub lag_secs: Option<i64>,
    pub last: Option<Record>,
}

impl Candidate {
    /// Ready means: the last precheck passed. No precheck, a block or no verdict is not ready.
    pub fn ready(&self) -> bool {
        self.last.as_ref().is_some_and(|r| r.verdict == Kept::Pass)
    }
}

/// For each primary, the standby to recommend: the most recent one (least lag) whose last
/// precheck passed. A standby whose lag is unknown is recommended only when no ready standby's
/// lag is known; ties go to the first listed. A primary with no ready standby has none.
pub fn recommended(candidates: &[Candidate]) -> BTreeMap<String, String> {
    let mut best: BTreeMap<String, &Candidate> = BTreeMap::new();
    for c in candidates.iter().filter(|c| c.ready()) {
        let better = match best.get(&c.primary) {
            None => true,
            Some(b) => match (c.lag_secs, b.lag_secs) {
                (Some(x), Some(y)) => x < y,
                (Some(_), None) => true,
                _ => false,
            },
        };
        if better {
            best.insert(c.primary.clone(), c);
        }
    }
    best.into_iter().map(|(p, c)| (p, c.key.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(at_ms: i64, verdict: Kept, blocking: &[&str], warnings: &[&str]) -> Record {
        Record {
            at_ms,
            verdict,
            blocking: blocking.iter().map(|s| s.to_string()).collect(),
            warnings: warnings.iter().map(|s| s.to_string()).collect(),
            lag_secs: Some(45),
        }
    }

    #[test]
    fn keeps_the_newest_twenty_in_time_order() {
        let mut h = Histories::default();
        for i in (0..25).rev() {
            h.push("tenant:1:2", rec(i, Kept::Pass, &[], &[]));
        }
        let kept = h.of("tenant:1:2");
        assert_eq!(kept.len(), 20);
        assert_eq!(kept.first().map(|r| r.at_ms), Some(5));
        assert_eq!(h.latest("tenant:1:2").map(|r| r.at_ms), Some(24));
        assert!(h.of("tenant:9:9").is_empty());
    }

    #[test]
    fn survives_a_round_trip_and_garbage_in_storage() {
        let mut h = Histories::default();
        h.push("cluster:7", rec(10, Kept::Blocked, &["OBE1"], &["OBW2"]));
        let back = Histories::read(Some(&h.to_json()));
        assert_eq!(back.of("cluster:7"), h.of("cluster:7"));
        for junk in [
            None,
            Some(""),
            Some("[1,2]"),
            Some("{not json"),
            Some("null"),
        ] {
            assert_eq!(Histories::read(junk).of("cluster:7"), &[] as &[Record]);
        }
        let mixed = r#"{"cluster:7": [{"atMs": 5, "verdict": "pass"}, {"atMs": "x"}, 3,
            {"atMs": 9, "verdict": "maybe"}], "tenant:1:2": "nope"}"#;
        let h = Histories::read(Some(mixed));
        assert_eq!(h.of("cluster:7").len(), 1);
        assert_eq!(h.dropped, 4);
    }

    #[test]
    fn compares_any_two_runs_by_code_and_severity() {
        let a = rec(1, Kept::Blocked, &["OBE1"], &["OBW2"]);
        let b = rec(2, Kept::Pass, &[], &["OBW2", "OBW3"]);
        let c = compare(&a, &b);
        assert_eq!(c.verdict, Some((Verdict::Blocked, Verdict::Pass)));
        assert_eq!(
            c.resolved
                .iter()
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>(),
            ["OBE1"]
        );
        assert_eq!(
            c.appeared
                .iter()
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>(),
            ["OBW3"]
        );
        assert!(compare(&b, &b).is_empty());
    }

    #[test]
    fn recommends_the_least_lagging_ready_standby_per_primary() {
        let cand = |key: &str, primary: &str, lag: Option<i64>, v: Option<Kept>| Candidate {
            key: key.into(),
            primary: primary.into(),
            lag_secs: lag,
            last: v.map(|v| rec(1, v, &[], &[])),
        };
        let cs = [
            cand("t:a", "P1", Some(5), Some(Kept::Blocked)),
            cand("t:b", "P1", Some(60), Some(Kept::Pass)),
            cand("t:c", "P1", Some(30), Some(Kept::Pass)),
            cand("t:d", "P1", None, Some(Kept::Pass)),
            cand("t:e", "P2", Some(1), None),
            cand("t:f", "P2", Some(9), Some(Kept::NoVerdict)),
            cand("t:g", "P3", None, Some(Kept::Pass)),
        ];
        let r = recommended(&cs);
        assert_eq!(r.get("P1").map(String::as_str), Some("t:c"));
        assert_eq!(r.get("P2"), None, "no ready standby: no recommendation");
        assert_eq!(r.get("P3").map(String::as_str), Some("t:g"));
        // When t:c's lag grows past t:b's, the recommendation moves.
        let mut moved = cs.to_vec();
        moved[2].lag_secs = Some(90);
        assert_eq!(
            recommended(&moved).get("P1").map(String::as_str),
            Some("t:b")
        );
    }

    #[test]
    fn storage_keys_separate_ocp_addresses() {
        assert_eq!(storage_key("https://ocp.a/"), storage_key("https://ocp.a"));
        assert_ne!(storage_key("https://ocp.a"), storage_key("https://ocp.b"));
        assert_ne!(tenant_key(1, 2), cluster_key(1));
    }
}
