//! Component failover/failback (GFC): wire types and the rules the console and the mock share
//! (docs/gfc-api.md). Request names are the seed's (`componentIDs`, `isfailover`, `woInfo`…).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

ocp_enum!(
    /// A component's failover state (seed: INVA, MANU, AUTO, PRIM, MANP, PARTLY).
    ComponentState {
        Invalid => "INVA", Manual => "MANU", Auto => "AUTO", Primary => "PRIM",
        StickyAuto => "MANP", Partly => "PARTLY",
    }
);

ocp_enum!(CheckSeverity { Blocking => "BLOCKING", Warning => "WARNING" });

ocp_enum!(
    /// Status of one check on one component. PENDING until the worker picks it up.
    CheckStatus { Pending => "PENDING", Running => "RUNNING", Pass => "PASS", Warn => "WARN", Fail => "FAIL" }
);

ocp_enum!(
    OperationState { Queued => "QUEUED", InProgress => "IN_PROGRESS", Done => "DONE", Failed => "FAILED" }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckType {
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub id: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub name: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub description: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub severity: CheckSeverity,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub id: i64,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub name: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub service: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub data_center: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub peer_data_center: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub state: ComponentState,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    #[serde(default, deserialize_with = "crate::lenient::items")]
    pub components: Vec<Component>,
    /// Ids asked for that GFC does not know.
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub not_found: Vec<String>,
}

/// The launch (and precheck) body, with the seed's field names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct LaunchBody {
    #[serde(rename = "userName", default)]
    pub user_name: String,
    /// Comma list of component ids.
    #[serde(rename = "componentIDs", default)]
    pub component_ids: String,
    #[serde(rename = "dcName", default)]
    pub dc_name: String,
    /// `2022-03-15 01:48 am`, UTC (docs/gfc-api.md); required for a failover.
    #[serde(rename = "estFailbackTime", default)]
    pub est_failback_time: String,
    #[serde(rename = "isDcFailOut", default)]
    pub is_dc_fail_out: bool,
    #[serde(rename = "isMaintain", default)]
    pub is_maintain: i64,
    #[serde(rename = "isMct", default)]
    pub is_mct: i64,
    #[serde(rename = "isPoolHealthCheck", default)]
    pub is_pool_health_check: i64,
    #[serde(rename = "isSVTA", default)]
    pub is_svta: i64,
    /// 1 failover, 0 failback.
    #[serde(rename = "isfailover", default)]
    pub is_failover: i64,
    #[serde(rename = "planId", default = "minus_one")]
    pub plan_id: i64,
    #[serde(rename = "planType", default)]
    pub plan_type: i64,
    #[serde(default)]
    pub reason: String,
    /// A JSON object in a string: component id → ticket number.
    #[serde(rename = "woInfo", default)]
    pub wo_info: String,
}

fn minus_one() -> i64 {
    -1
}

/// The body of `doPreFailBackCheck`: the launch fields, plus `checkTypes` (a comma list) to run
/// only some checks. One definition for the console, which sends it, and the mock, which reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PrecheckBody {
    #[serde(flatten)]
    pub launch: LaunchBody,
    #[serde(
        rename = "checkTypes",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub check_types: String,
}

/// Which way components move: to their other data center, or back home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Failover,
    Failback,
}

impl Direction {
    /// `failoverbackMark` on the wire and in the console's URLs.
    pub fn mark(self) -> &'static str {
        match self {
            Direction::Failover => "failover",
            Direction::Failback => "failback",
        }
    }

    /// The direction in the operator's words: the confirmation's title and the word typed to
    /// confirm it.
    pub fn word(self, lang: crate::i18n::Lang) -> &'static str {
        crate::i18n::text(
            lang,
            match self {
                Direction::Failover => crate::i18n::Text::GfcWordFailover,
                Direction::Failback => crate::i18n::Text::GfcWordFailback,
            },
        )
    }

    pub fn from_mark(mark: &str) -> Option<Direction> {
        match mark.trim() {
            m if m.eq_ignore_ascii_case("failover") => Some(Direction::Failover),
            m if m.eq_ignore_ascii_case("failback") => Some(Direction::Failback),
            _ => None,
        }
    }

    /// The launch body's `isfailover`: 1 failover, 0 failback.
    pub fn flag(self) -> i64 {
        match self {
            Direction::Failover => 1,
            Direction::Failback => 0,
        }
    }

    pub fn from_flag(flag: i64) -> Option<Direction> {
        match flag {
            1 => Some(Direction::Failover),
            0 => Some(Direction::Failback),
            _ => None,
        }
    }
}

/// Reply of `doPreFailBackCheck` and `doFailoverback`: the session to follow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionRef {
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub session_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub component_id: i64,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub check_type: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub status: CheckStatus,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub message: String,
}

/// Reply of `getPreCheckStatus`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PreCheckStatus {
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub session_id: String,
    /// Every check has a final status (an unreadable flag reads as not done).
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub done: bool,
    #[serde(default, deserialize_with = "crate::lenient::items")]
    pub results: Vec<CheckResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub component_id: i64,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub component_name: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub from_dc: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub to_dc: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub state: OperationState,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub state_before: ComponentState,
    #[serde(
        default,
        deserialize_with = "crate::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub state_after: Option<ComponentState>,
    #[serde(
        default,
        deserialize_with = "crate::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub message: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub ticket: String,
}

/// Reply of `getFOBOperations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operations {
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub session_id: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub failoverback_mark: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub done: bool,
    #[serde(default, deserialize_with = "crate::lenient::items")]
    pub operations: Vec<Operation>,
}

/// Reply of `report`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub session_id: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub user_name: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub failoverback_mark: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub reason: String,
    #[serde(default, deserialize_with = "crate::lenient::or_default")]
    pub est_failback_time: String,
    #[serde(
        default,
        deserialize_with = "crate::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::items")]
    pub operations: Vec<Operation>,
}

/// An unreadable item of a GFC list: a component with an unknown state, a check or operation
/// of unknown status. It is shown and can never count as passed or done.
impl crate::lenient::Placeholder for CheckResult {
    fn placeholder(raw: &serde_json::Value) -> Self {
        CheckResult {
            component_id: 0,
            check_type: String::new(),
            status: CheckStatus::Unknown(crate::lenient::raw_text(raw)),
            message: String::new(),
        }
    }
}

impl crate::lenient::Placeholder for Operation {
    fn placeholder(raw: &serde_json::Value) -> Self {
        Operation {
            component_id: 0,
            component_name: String::new(),
            from_dc: String::new(),
            to_dc: String::new(),
            state: OperationState::Unknown(crate::lenient::raw_text(raw)),
            state_before: ComponentState::default(),
            state_after: None,
            start_time: None,
            end_time: None,
            message: String::new(),
            ticket: String::new(),
        }
    }
}

impl crate::lenient::Placeholder for Component {
    fn placeholder(raw: &serde_json::Value) -> Self {
        Component {
            id: 0,
            name: crate::lenient::raw_text(raw),
            service: String::new(),
            data_center: String::new(),
            peer_data_center: String::new(),
            state: ComponentState::default(),
        }
    }
}

/// Splits a pasted list of ids on any common separator (commas, spaces, newlines, semicolons,
/// tabs, pipes). Returns (ids in order without duplicates, tokens that are not ids).
pub fn parse_ids(text: &str) -> (Vec<i64>, Vec<String>) {
    let mut ids = Vec::new();
    let mut bad = Vec::new();
    for token in
        text.split(|c: char| c == ',' || c == ';' || c == '|' || c == '，' || c.is_whitespace())
    {
        let t = token.trim();
        if t.is_empty() {
            continue;
        }
        match t.parse::<i64>() {
            Ok(v) if v > 0 => {
                if !ids.contains(&v) {
                    ids.push(v)
                }
            }
            _ => bad.push(t.to_string()),
        }
    }
    (ids, bad)
}

/// Parses `2022-03-15 01:48 am` (12-hour clock, am/pm, UTC) into ms since the epoch: the
/// shape GFC asks for (docs/gfc-api.md), read by [`crate::time::parse`] with UTC assumed.
pub fn parse_failback_time(s: &str) -> Option<i64> {
    let t = s.trim();
    let tail = t.get(t.len().saturating_sub(3)..)?;
    if !(tail.eq_ignore_ascii_case(" am") || tail.eq_ignore_ascii_case(" pm")) {
        return None;
    }
    crate::time::parse_ms(t, crate::time::Offset::UTC)
}

/// Formats ms since the epoch (UTC) as `2022-03-15 01:48 am`.
pub fn format_failback_time(ms: i64) -> String {
    let c = crate::time::Instant::from_epoch_ms(ms).civil(crate::time::Offset::UTC);
    let (h12, ampm) = match c.hour {
        0 => (12, "am"),
        h @ 1..=11 => (h, "am"),
        12 => (12, "pm"),
        h => (h - 12, "pm"),
    };
    format!(
        "{:04}-{:02}-{:02} {h12:02}:{:02} {ampm}",
        c.year, c.month, c.day, c.minute
    )
}

/// A field that failed validation and why (English; the SPA shows its own words by `field`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    /// Which rule, for the console's own words: `required`, `unknown`, `format`, `past`, `range`.
    pub rule: &'static str,
    pub message: String,
}

/// The launch rules both sides enforce. `known`: component ids GFC knows.
pub fn validate(body: &LaunchBody, known: &[i64], now_ms: i64) -> Vec<Invalid> {
    let mut out = Vec::new();
    let mut bad = |field: &'static str, rule: &'static str, message: String| {
        out.push(Invalid {
            field,
            rule,
            message,
        })
    };
    if body.reason.trim().is_empty() {
        bad("reason", "required", "A reason is required.".into());
    }
    if body.is_failover != 0 && body.is_failover != 1 {
        bad(
            "isfailover",
            "range",
            format!(
                "isfailover must be 0 (failback) or 1 (failover), not {}.",
                body.is_failover
            ),
        );
    }
    let (ids, junk) = parse_ids(&body.component_ids);
    if ids.is_empty() {
        bad(
            "componentIDs",
            "required",
            "Name at least one component id.".into(),
        );
    }
    if !junk.is_empty() {
        bad(
            "componentIDs",
            "format",
            format!("Not component ids: {}.", junk.join(", ")),
        );
    }
    let unknown: Vec<String> = ids
        .iter()
        .filter(|i| !known.contains(i))
        .map(i64::to_string)
        .collect();
    if !unknown.is_empty() {
        bad(
            "componentIDs",
            "unknown",
            format!("Unknown components: {}.", unknown.join(", ")),
        );
    }
    let t = body.est_failback_time.trim();
    if body.is_failover == 1 || !t.is_empty() {
        match parse_failback_time(t) {
            None if t.is_empty() => bad(
                "estFailbackTime",
                "required",
                "An estimated failback time is required for a failover.".into(),
            ),
            None => bad(
                "estFailbackTime",
                "format",
                format!("\"{t}\" is not a time like 2022-03-15 01:48 am."),
            ),
            Some(ms) if ms <= now_ms => bad(
                "estFailbackTime",
                "past",
                "The estimated failback time must be in the future.".into(),
            ),
            Some(_) => {}
        }
    }
    if !body.wo_info.trim().is_empty() {
        match serde_json::from_str::<BTreeMap<String, serde_json::Value>>(&body.wo_info) {
            Ok(map) => {
                let stray: Vec<&String> = map
                    .keys()
                    .filter(|k| k.parse::<i64>().map_or(true, |v| !ids.contains(&v)))
                    .collect();
                if !stray.is_empty() {
                    bad(
                        "woInfo",
                        "unknown",
                        format!(
                            "Tickets for components not in this request: {}.",
                            stray
                                .iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
            }
            Err(e) => bad(
                "woInfo",
                "format",
                format!("woInfo is not a JSON object of component id to ticket: {e}."),
            ),
        }
    }
    for (field, v) in [
        ("isMaintain", body.is_maintain),
        ("isMct", body.is_mct),
        ("isPoolHealthCheck", body.is_pool_health_check),
        ("isSVTA", body.is_svta),
    ] {
        if v != 0 && v != 1 {
            bad(field, "range", format!("{field} must be 0 or 1, not {v}."));
        }
    }
    out
}

/// The report as CSV: one row per component, quoted where needed.
pub fn report_csv(r: &Report) -> String {
    fn q(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let mut out = String::from("sessionId,mark,componentId,componentName,fromDc,toDc,stateBefore,stateAfter,result,startTime,endTime,ticket,message\n");
    for o in &r.operations {
        let row = [
            r.session_id.clone(),
            r.failoverback_mark.clone(),
            o.component_id.to_string(),
            o.component_name.clone(),
            o.from_dc.clone(),
            o.to_dc.clone(),
            o.state_before.as_wire().to_string(),
            o.state_after
                .as_ref()
                .map(|s| s.as_wire().to_string())
                .unwrap_or_default(),
            o.state.as_wire().to_string(),
            o.start_time.clone().unwrap_or_default(),
            o.end_time.clone().unwrap_or_default(),
            o.ticket.clone(),
            o.message.clone(),
        ];
        out.push_str(&row.iter().map(|c| q(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// What a set of check results means for the launch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckVerdict {
    pub finished: bool,
    pub failures: usize,
    /// (component, check) pairs that warned and need an acknowledgement.
    pub warnings: Vec<(i64, String)>,
}

pub fn check_verdict(results: &[CheckResult]) -> CheckVerdict {
    CheckVerdict {
        finished: !results.is_empty()
            && results.iter().all(|r| {
                matches!(
                    r.status,
                    CheckStatus::Pass | CheckStatus::Warn | CheckStatus::Fail
                )
            }),
        failures: results
            .iter()
            .filter(|r| r.status == CheckStatus::Fail)
            .count(),
        warnings: results
            .iter()
            .filter(|r| r.status == CheckStatus::Warn)
            .map(|r| (r.component_id, r.check_type.clone()))
            .collect(),
    }
}

/// Launch allowed: every check finished, none failed, every warning acknowledged.
pub fn may_launch(v: &CheckVerdict, acknowledged: &[(i64, String)]) -> bool {
    v.finished && v.failures == 0 && v.warnings.iter().all(|w| acknowledged.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_word_is_in_the_operators_language() {
        use crate::i18n::Lang;
        assert_eq!(Direction::Failover.word(Lang::En), "failover");
        assert_eq!(Direction::Failback.word(Lang::Zh), "回切");
        assert_eq!(Direction::Failover.word(Lang::Zh), "切换");
    }

    fn body() -> LaunchBody {
        LaunchBody {
            user_name: "senwan".into(),
            component_ids: "7922,7923".into(),
            est_failback_time: "2030-03-15 01:48 am".into(),
            is_failover: 1,
            reason: "DC maintenance".into(),
            wo_info: r#"{"7922":"CHG0001"}"#.into(),
            ..Default::default()
        }
    }

    #[test]
    fn seed_payload_parses_with_its_field_names() {
        let seed = r#"{"componentIDs":"7922,7923,7924,7925","dcName":"","estFailbackTime":"2022-03-15 01:48 am","isDcFailOut":false,"isMaintain":0,"isMct":0,"isPoolHealthCheck":1,"isSVTA":1,"isfailover":0,"planId":-1,"planType":1,"reason":"test","userName":"senwan","woInfo":"{\"2715\":\"%undefined\"}"}"#;
        let b: LaunchBody = serde_json::from_str(seed).unwrap();
        assert_eq!(b.component_ids, "7922,7923,7924,7925");
        assert_eq!(b.is_pool_health_check, 1);
        assert_eq!(b.plan_id, -1);
        let back = serde_json::to_value(&b).unwrap();
        assert_eq!(
            back,
            serde_json::from_str::<serde_json::Value>(seed).unwrap()
        );
    }

    #[test]
    fn ids_in_any_separator() {
        assert_eq!(
            parse_ids("7922, 7923\n7924;7925\t7922 | 359"),
            (vec![7922, 7923, 7924, 7925, 359], vec![])
        );
        assert_eq!(
            parse_ids("12,abc,-3, ,"),
            (vec![12], vec!["abc".to_string(), "-3".to_string()])
        );
    }

    #[test]
    fn failback_time_round_trips() {
        let ms = parse_failback_time("2022-03-15 01:48 am").unwrap();
        assert_eq!(format_failback_time(ms), "2022-03-15 01:48 am");
        assert_eq!(
            parse_failback_time("2022-03-15 12:05 pm")
                .map(format_failback_time)
                .as_deref(),
            Some("2022-03-15 12:05 pm")
        );
        assert_eq!(
            parse_failback_time("2022-03-15 12:05 am")
                .map(format_failback_time)
                .as_deref(),
            Some("2022-03-15 12:05 am")
        );
        assert_eq!(parse_failback_time("2022-03-15 13:05 pm"), None);
        assert_eq!(parse_failback_time("tomorrow"), None);
    }

    #[test]
    fn validation_names_each_field() {
        let now = parse_failback_time("2026-01-01 10:00 am").unwrap();
        let known = [7922, 7923];
        assert!(validate(&body(), &known, now).is_empty());
        let fields = |b: &LaunchBody| {
            validate(b, &known, now)
                .into_iter()
                .map(|i| i.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(&LaunchBody {
                reason: " ".into(),
                ..body()
            }),
            ["reason"]
        );
        assert_eq!(
            fields(&LaunchBody {
                is_failover: 2,
                ..body()
            }),
            ["isfailover"]
        );
        assert_eq!(
            fields(&LaunchBody {
                component_ids: "7922,9999".into(),
                ..body()
            }),
            ["componentIDs"]
        );
        assert_eq!(
            fields(&LaunchBody {
                est_failback_time: "".into(),
                ..body()
            }),
            ["estFailbackTime"]
        );
        assert_eq!(
            fields(&LaunchBody {
                est_failback_time: "2020-01-01 01:00 am".into(),
                ..body()
            }),
            ["estFailbackTime"]
        );
        assert_eq!(
            fields(&LaunchBody {
                est_failback_time: "soon".into(),
                ..body()
            }),
            ["estFailbackTime"]
        );
        assert_eq!(
            fields(&LaunchBody {
                wo_info: "{nope".into(),
                ..body()
            }),
            ["woInfo"]
        );
        assert_eq!(
            fields(&LaunchBody {
                wo_info: r#"{"2715":"x"}"#.into(),
                ..body()
            }),
            ["woInfo"]
        );
        // A failback needs no failback time.
        assert!(validate(
            &LaunchBody {
                is_failover: 0,
                est_failback_time: "".into(),
                ..body()
            },
            &known,
            now
        )
        .is_empty());
    }

    #[test]
    fn launch_needs_finished_checks_no_failure_and_every_warning_acknowledged() {
        let r = |c: i64, t: &str, s: CheckStatus| CheckResult {
            component_id: c,
            check_type: t.into(),
            status: s,
            message: String::new(),
        };
        let results = vec![
            r(1, "VIP", CheckStatus::Pass),
            r(1, "PEAK_TIME", CheckStatus::Warn),
        ];
        let v = check_verdict(&results);
        assert!(v.finished);
        assert!(!may_launch(&v, &[]));
        assert!(may_launch(&v, &[(1, "PEAK_TIME".into())]));
        assert!(!check_verdict(&[r(1, "VIP", CheckStatus::Running)]).finished);
        assert!(!may_launch(
            &check_verdict(&[r(1, "VIP", CheckStatus::Fail)]),
            &[]
        ));
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let report = Report {
            session_id: "s1".into(),
            user_name: "u".into(),
            failoverback_mark: "failover".into(),
            reason: "r".into(),
            est_failback_time: String::new(),
            start_time: None,
            end_time: None,
            operations: vec![Operation {
                component_id: 7922,
                component_name: "web, \"edge\"".into(),
                from_dc: "DFW".into(),
                to_dc: "ORD".into(),
                state: OperationState::Done,
                state_before: ComponentState::Auto,
                state_after: Some(ComponentState::Manual),
                start_time: None,
                end_time: None,
                message: "ok".into(),
                ticket: "CHG1".into(),
            }],
        };
        let csv = report_csv(&report);
        let line = csv.lines().nth(1).unwrap();
        assert_eq!(
            line,
            "s1,failover,7922,\"web, \"\"edge\"\"\",DFW,ORD,AUTO,MANU,DONE,,,CHG1,ok"
        );
    }
}
