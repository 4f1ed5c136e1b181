//! The demo GFC: its named checks, and components in two data centers whose checks pass, warn or
//! fail as the demo needs.

use super::{Gfc, GfcComponent};
use console_core::gfc::{
    CheckSeverity, CheckStatus, CheckType, Component, ComponentState, LaunchBody,
};
use std::collections::HashMap;

/// The demo GFC's history: a precheck and a failback of two components a week before the mock
/// started. Their ids are fixed, so the contract's examples of getPreCheckStatus,
/// getFOBOperations and report (docs/openapi.json) name sessions that exist without a launch.
pub(crate) const PAST_PRECHECK: &str = "5f0c1a9e7d3b4e21a8c6f2d9e0b7a4c3000000";
pub(crate) const PAST_FAILBACK: &str = "9b2e7c4a1f6d3e8b0a5c2f7e4d1b9a6c000000";
const WEEK_MS: i64 = 7 * 24 * 3_600_000;

fn check(id: &str, name: &str, description: &str, severity: CheckSeverity) -> CheckType {
    CheckType {
        id: id.into(),
        name: name.into(),
        description: description.into(),
        severity,
    }
}

fn component(
    id: i64,
    name: &str,
    service: &str,
    dc: &str,
    peer: &str,
    state: ComponentState,
) -> GfcComponent {
    GfcComponent {
        c: Component {
            id,
            name: name.into(),
            service: service.into(),
            data_center: dc.into(),
            peer_data_center: peer.into(),
            state,
        },
        outcomes: HashMap::new(),
        fail_operation: false,
    }
}

impl Gfc {
    pub(crate) fn demo() -> Gfc {
        let check_types = vec![
            check(
                "SHAREPLEX_DELAY",
                "Shareplex Delay Check",
                "Replication to the other data center is within its delay limit.",
                CheckSeverity::Blocking,
            ),
            check(
                "CHANGE_WINDOW",
                "Change Window Check",
                "An approved change window covers the move.",
                CheckSeverity::Blocking,
            ),
            check(
                "PEAK_TIME",
                "Peak Time Check",
                "The component is not at its peak load.",
                CheckSeverity::Warning,
            ),
            check(
                "REPEAT_FAILOVER",
                "Repeat Failover Check",
                "The component was not failed over recently.",
                CheckSeverity::Warning,
            ),
            check(
                "MAINTAIN_STATUS",
                "Maintain Status Check",
                "The component is not in maintenance mode.",
                CheckSeverity::Blocking,
            ),
            check(
                "PLUGIN",
                "Plugin Check",
                "The component's plugins support the move.",
                CheckSeverity::Warning,
            ),
            check(
                "CHANGE_PROCESS_STATUS",
                "Change Process Status Check",
                "The change process of the ticket is approved.",
                CheckSeverity::Blocking,
            ),
            check(
                "BACKUP_GSB_STATUS",
                "Backup/GSB Status Check",
                "Backup and GSB are healthy in the target data center.",
                CheckSeverity::Warning,
            ),
            check(
                "VIP",
                "Vip Check",
                "The VIP answers from the target data center.",
                CheckSeverity::Blocking,
            ),
            check(
                "DIFFERENT_TICKET",
                "Different Ticket Number Check",
                "Components in one request share their ticket or have their own.",
                CheckSeverity::Warning,
            ),
            check(
                "CHANGE_STATUS",
                "Change Status Check",
                "The change ticket is in the implement state.",
                CheckSeverity::Blocking,
            ),
        ];
        let mut components = vec![
            component(
                7922,
                "meet-web-a",
                "Meetings",
                "DFW",
                "ORD",
                ComponentState::Auto,
            ),
            component(
                7923,
                "meet-media-a",
                "Meetings",
                "DFW",
                "ORD",
                ComponentState::Primary,
            ),
            component(
                7924,
                "meet-api-a",
                "Meetings",
                "DFW",
                "ORD",
                ComponentState::Auto,
            ),
            component(
                7925,
                "meet-db-a",
                "Meetings",
                "DFW",
                "ORD",
                ComponentState::StickyAuto,
            ),
            component(359, "cmr-a", "CMR", "SJC", "IAD", ComponentState::Manual),
            component(
                181,
                "tel-gw-a",
                "Telephony",
                "SJC",
                "IAD",
                ComponentState::Auto,
            ),
            component(
                183,
                "tel-gw-b",
                "Telephony",
                "SJC",
                "IAD",
                ComponentState::Partly,
            ),
            component(
                185,
                "tel-media-b",
                "Telephony",
                "SJC",
                "IAD",
                ComponentState::Invalid,
            ),
        ];
        let set = |cs: &mut Vec<GfcComponent>, id: i64, check: &str, s: CheckStatus| {
            if let Some(c) = cs.iter_mut().find(|c| c.c.id == id) {
                c.outcomes.insert(check.into(), s);
            }
        };
        set(&mut components, 7924, "PEAK_TIME", CheckStatus::Warn);
        set(&mut components, 7925, "VIP", CheckStatus::Fail);
        set(&mut components, 183, "REPEAT_FAILOVER", CheckStatus::Warn);
        set(&mut components, 185, "CHANGE_WINDOW", CheckStatus::Fail);
        let mut gfc = Gfc {
            components,
            check_types,
            legacy_500: false,
            prechecks: HashMap::new(),
            sessions: HashMap::new(),
            counter: 0,
        };
        // Both components are in AUTO, where a failback leaves them: the first tick finishes
        // the week-old operations without changing the demo's states.
        let ids = [7922, 7924];
        let session = gfc.start_precheck(&ids, &[], -WEEK_MS);
        if let Some(checks) = gfc.prechecks.remove(&session) {
            gfc.prechecks.insert(PAST_PRECHECK.into(), checks);
        }
        let body = LaunchBody {
            user_name: "senwan".into(),
            component_ids: "7922,7924".into(),
            reason: "Back to DFW after the network work".into(),
            ..LaunchBody::default()
        };
        let session = gfc.launch(body, &ids, -WEEK_MS + 600_000);
        if let Some(ops) = gfc.sessions.remove(&session) {
            gfc.sessions.insert(PAST_FAILBACK.into(), ops);
        }
        // The first session a request starts is the first of the counter, as before.
        gfc.counter = 0;
        gfc
    }
}
