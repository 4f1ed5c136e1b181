//! Recovery objectives from `config.json` (`objectives`: a list of `{ "match": "<cluster or
//! tenant name, * wildcards>", "rpoSecs": n, "rtoSecs": n }`): the first entry whose pattern
//! matches a standby's name, its cluster's, or its primary's applies. An entry that cannot be
//! read is skipped and said (the console warns in the browser's console); it never blocks the
//! rest. The readiness board holds a standby to its RPO: a lag over it, or a lag that cannot
//! be told, is not ready. The task page sets a finished failover's measured recovery time
//! against its target's RTO.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objective {
    pub pattern: String,
    pub rpo_secs: Option<i64>,
    pub rto_secs: Option<i64>,
}

/// Reads `objectives` leniently: the entries that can be read, and a sentence for each that
/// cannot.
pub fn read(v: &Value) -> (Vec<Objective>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let Some(list) = v.as_array() else {
        if !v.is_null() {
            warnings.push(format!("objectives: expected a list, got {v}"));
        }
        return (out, warnings);
    };
    for (i, e) in list.iter().enumerate() {
        let pattern = e.get("match").and_then(Value::as_str).map(str::trim);
        let secs = |k: &str| -> Result<Option<i64>, String> {
            match e.get(k) {
                None | Some(Value::Null) => Ok(None),
                Some(n) => n.as_i64().filter(|s| *s >= 0).map(Some).ok_or_else(|| {
                    format!("objectives[{i}].{k}: expected whole seconds ≥ 0, got {n}")
                }),
            }
        };
        match (pattern, secs("rpoSecs"), secs("rtoSecs")) {
            (Some(p), Ok(rpo), Ok(rto)) if !p.is_empty() && (rpo.is_some() || rto.is_some()) => out
                .push(Objective {
                    pattern: p.to_string(),
                    rpo_secs: rpo,
                    rto_secs: rto,
                }),
            (_, Err(w), _) | (_, _, Err(w)) => warnings.push(format!("{w}; entry skipped")),
            (None, ..) | (Some(""), ..) => warnings.push(format!(
                "objectives[{i}]: \"match\" must be a non-empty name pattern; entry skipped"
            )),
            _ => warnings.push(format!(
                "objectives[{i}]: neither rpoSecs nor rtoSecs; entry skipped"
            )),
        }
    }
    (out, warnings)
}

/// Whether `name` matches `pattern`, where `*` stands for any run of characters (none too).
pub fn glob(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == name;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !name.starts_with(first) || name.len() < first.len() + last.len() || !name.ends_with(last) {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// The first objective matching any of `names` (blank names ignored).
pub fn find<'a>(objectives: &'a [Objective], names: &[&str]) -> Option<&'a Objective> {
    objectives.iter().find(|o| {
        names
            .iter()
            .filter(|n| !n.trim().is_empty())
            .any(|n| glob(&o.pattern, n))
    })
}

/// How a standby's lag stands against its RPO objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RpoCheck {
    /// Within the objective.
    Met { rpo_secs: i64 },
    /// Behind by more than the objective allows.
    Exceeded { rpo_secs: i64, lag_secs: i64 },
    /// The lag cannot be told, so the objective cannot be shown to hold.
    Unknown { rpo_secs: i64 },
}

impl RpoCheck {
    pub fn of(rpo_secs: i64, lag_secs: Option<i64>) -> RpoCheck {
        match lag_secs {
            Some(l) if l > rpo_secs => RpoCheck::Exceeded {
                rpo_secs,
                lag_secs: l,
            },
            Some(_) => RpoCheck::Met { rpo_secs },
            None => RpoCheck::Unknown { rpo_secs },
        }
    }

    pub fn holds(self) -> bool {
        matches!(self, RpoCheck::Met { .. })
    }
}

/// How a measured recovery time stands against the RTO objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RtoCheck {
    Met { rto_secs: i64 },
    Missed { rto_secs: i64, by_ms: i64 },
}

impl RtoCheck {
    pub fn of(rto_secs: i64, measured_ms: i64) -> RtoCheck {
        let over = measured_ms.saturating_sub(rto_secs.saturating_mul(1000));
        if over > 0 {
            RtoCheck::Missed {
                rto_secs,
                by_ms: over,
            }
        } else {
            RtoCheck::Met { rto_secs }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wildcards_match_any_run_and_the_first_entry_wins() {
        assert!(glob("sales_dr", "sales_dr"));
        assert!(!glob("sales_dr", "sales_dr2"));
        assert!(glob("sales*", "sales_dr"));
        assert!(glob("*_dr", "sales_dr"));
        assert!(glob("c0*_t*_dr", "c017_t03_dr"));
        assert!(!glob("c0*_t*_dr", "c017_t03"));
        assert!(glob("*", "anything"));
        assert!(!glob("a*a", "a"));
        let (objs, w) = read(&json!([
            { "match": "sales*", "rpoSecs": 30, "rtoSecs": 600 },
            { "match": "*", "rpoSecs": 300 }
        ]));
        assert!(w.is_empty());
        assert_eq!(
            find(&objs, &["sales_dr", "OB_B"]).and_then(|o| o.rpo_secs),
            Some(30)
        );
        assert_eq!(
            find(&objs, &["billing_dr", ""]).and_then(|o| o.rpo_secs),
            Some(300)
        );
        assert_eq!(find(&objs[..1], &["billing_dr"]), None);
    }

    #[test]
    fn bad_entries_are_skipped_and_said() {
        let (objs, w) = read(&json!([
            { "match": "", "rpoSecs": 30 },
            { "match": "a", "rpoSecs": -1 },
            { "match": "b", "rtoSecs": "ten" },
            { "match": "c" },
            "nonsense",
            { "match": "ok", "rpoSecs": 5 }
        ]));
        assert_eq!(objs.len(), 1);
        assert_eq!(objs[0].pattern, "ok");
        assert_eq!(w.len(), 5, "{w:?}");
        assert!(w[1].contains("objectives[1].rpoSecs"));
        let (none, w) = read(&json!({ "match": "x" }));
        assert!(none.is_empty() && w.len() == 1);
        assert_eq!(read(&Value::Null), (Vec::new(), Vec::new()));
    }

    #[test]
    fn a_recovery_over_its_objective_is_missed_by_the_difference() {
        assert_eq!(RtoCheck::of(600, 600_000), RtoCheck::Met { rto_secs: 600 });
        assert_eq!(
            RtoCheck::of(600, 725_000),
            RtoCheck::Missed {
                rto_secs: 600,
                by_ms: 125_000
            }
        );
    }

    #[test]
    fn an_unknown_lag_never_meets_an_objective() {
        assert!(RpoCheck::of(30, Some(30)).holds());
        assert_eq!(
            RpoCheck::of(30, Some(125)),
            RpoCheck::Exceeded {
                rpo_secs: 30,
                lag_secs: 125
            }
        );
        assert!(!RpoCheck::of(30, None).holds());
    }
}
