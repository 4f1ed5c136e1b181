//! GFC's wire types: components, checks, operations, the launch and precheck bodies with the
//! seed's field names (`componentIDs`, `isfailover`, `woInfo`…), and which way a launch moves
//! components. One definition for the console, which sends and reads them, and the mock, which
//! reads and sends them; every field read leniently (docs/gfc-api.md).

use serde::{Deserialize, Serialize};

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
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub id: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub name: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub description: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub severity: CheckSeverity,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub id: i64,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub name: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub service: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub data_center: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub peer_data_center: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub state: ComponentState,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    #[serde(default, deserialize_with = "crate::wire::lenient::items")]
    pub components: Vec<Component>,
    /// Ids asked for that GFC does not know.
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
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
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub session_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub component_id: i64,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub check_type: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub status: CheckStatus,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub message: String,
}

/// Reply of `getPreCheckStatus`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PreCheckStatus {
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub session_id: String,
    /// Every check has a final status (an unreadable flag reads as not done).
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub done: bool,
    #[serde(default, deserialize_with = "crate::wire::lenient::items")]
    pub results: Vec<CheckResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub component_id: i64,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub component_name: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub from_dc: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub to_dc: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub state: OperationState,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub state_before: ComponentState,
    #[serde(
        default,
        deserialize_with = "crate::wire::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub state_after: Option<ComponentState>,
    #[serde(
        default,
        deserialize_with = "crate::wire::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::wire::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time: Option<String>,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub message: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub ticket: String,
}

/// Reply of `getFOBOperations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operations {
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub session_id: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub failoverback_mark: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub done: bool,
    #[serde(default, deserialize_with = "crate::wire::lenient::items")]
    pub operations: Vec<Operation>,
}

/// Reply of `report`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub session_id: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub user_name: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub failoverback_mark: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub reason: String,
    #[serde(default, deserialize_with = "crate::wire::lenient::or_default")]
    pub est_failback_time: String,
    #[serde(
        default,
        deserialize_with = "crate::wire::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::wire::lenient::or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time: Option<String>,
    #[serde(default, deserialize_with = "crate::wire::lenient::items")]
    pub operations: Vec<Operation>,
}

/// An unreadable item of a GFC list: a component with an unknown state, a check or operation
/// of unknown status. It is shown and can never count as passed or done.
impl crate::wire::lenient::Placeholder for CheckResult {
    fn placeholder(raw: &serde_json::Value) -> Self {
        CheckResult {
            component_id: 0,
            check_type: String::new(),
            status: CheckStatus::Unknown(crate::wire::lenient::raw_text(raw)),
            message: String::new(),
        }
    }
}

impl crate::wire::lenient::Placeholder for Operation {
    fn placeholder(raw: &serde_json::Value) -> Self {
        Operation {
            component_id: 0,
            component_name: String::new(),
            from_dc: String::new(),
            to_dc: String::new(),
            state: OperationState::Unknown(crate::wire::lenient::raw_text(raw)),
            state_before: ComponentState::default(),
            state_after: None,
            start_time: None,
            end_time: None,
            message: String::new(),
            ticket: String::new(),
        }
    }
}

impl crate::wire::lenient::Placeholder for Component {
    fn placeholder(raw: &serde_json::Value) -> Self {
        Component {
            id: 0,
            name: crate::wire::lenient::raw_text(raw),
            service: String::new(),
            data_center: String::new(),
            peer_data_center: String::new(),
            state: ComponentState::default(),
        }
    }
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
}
