//! How every state reads on screen: one table for OCP's task and subtask statuses, GFC's check,
//! operation and component states, and precheck verdicts. Each has an icon (colour is never the
//! only signal), a CSS class (the `node-…` palette) and a word in both languages ([`Text`]).
//! A value the console does not know gets the unknown look; pages show it verbatim beside the
//! "unrecognised" marker ([`words`]), never mapped to a known state. Breadcrumb trails, the
//! other words a page takes from its route, are in [`crumbs`]; how a named thing reads (its
//! name, or `#id` while there is none) is [`name_or_id`].
//!
//! May import: `wire`, `i18n`, and the domains whose states it words (`precheck`, `gfc`).

pub mod crumbs;

use crate::gfc::{CheckStatus, ComponentState, OperationState};
use crate::i18n::fill;
use crate::i18n::{text, Lang, Text};
use crate::precheck::verdict::Verdict;
use crate::wire::{
    ClusterStatus, ClusterType, SubtaskOperation, SubtaskStatus, TaskOperation, TaskStatus,
    TenantRole, TenantStatus,
};

/// Icon, CSS class and word of one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub icon: &'static str,
    pub class: &'static str,
    pub text: Text,
}

impl Look {
    const fn new(icon: &'static str, class: &'static str, text: Text) -> Look {
        Look { icon, class, text }
    }

    /// `(icon, class, text)`, for destructuring in views.
    pub fn parts(self) -> (&'static str, &'static str, Text) {
        (self.icon, self.class, self.text)
    }

    /// A value the console does not know: shown verbatim and marked, never acted on.
    pub fn is_unknown(self) -> bool {
        self == UNKNOWN
    }

    /// A step or check that is under way (running or being canceled).
    pub fn is_active(self) -> bool {
        matches!(self.class, "running" | "canceling")
    }
}

const UNKNOWN: Look = Look::new("?", "unknown", Text::StUnknown);

/// Every subtask status the console knows, in the order a step goes through them: the
/// legend lists them, and each has its own look.
pub const SUBTASK_STATES: [SubtaskStatus; 6] = [
    SubtaskStatus::Pending,
    SubtaskStatus::Ready,
    SubtaskStatus::Running,
    SubtaskStatus::Canceling,
    SubtaskStatus::Failed,
    SubtaskStatus::Successful,
];

pub fn subtask_status(s: Option<&SubtaskStatus>) -> Look {
    match s {
        Some(SubtaskStatus::Pending) => Look::new("○", "pending", Text::StPending),
        Some(SubtaskStatus::Ready) => Look::new("◔", "ready", Text::StReady),
        Some(SubtaskStatus::Running) => Look::new("▶", "running", Text::StRunning),
        Some(SubtaskStatus::Canceling) => Look::new("‖", "canceling", Text::StCanceling),
        Some(SubtaskStatus::Failed) => Look::new("✖", "failed", Text::StFailed),
        Some(SubtaskStatus::Successful) => Look::new("✔", "successful", Text::StSuccessful),
        Some(SubtaskStatus::Unknown(_)) | None => UNKNOWN,
    }
}

pub fn task_status(s: Option<&TaskStatus>) -> Look {
    match s {
        Some(TaskStatus::Running) => Look::new("▶", "running", Text::StRunning),
        Some(TaskStatus::Failed) => Look::new("✖", "failed", Text::StFailed),
        Some(TaskStatus::Successful) => Look::new("✔", "successful", Text::StSuccessful),
        Some(TaskStatus::Unknown(_)) | None => UNKNOWN,
    }
}

pub fn check_status(s: &CheckStatus) -> Look {
    match s {
        CheckStatus::Pending => Look::new("○", "pending", Text::StPending),
        CheckStatus::Running => Look::new("▶", "running", Text::StRunning),
        CheckStatus::Pass => Look::new("✔", "successful", Text::GfcPass),
        CheckStatus::Warn => Look::new("⚠", "warn", Text::GfcWarn),
        CheckStatus::Fail => Look::new("✖", "failed", Text::GfcFail),
        CheckStatus::Unknown(_) => UNKNOWN,
    }
}

pub fn operation_state(s: &OperationState) -> Look {
    match s {
        OperationState::Queued => Look::new("○", "pending", Text::GfcQueued),
        OperationState::InProgress => Look::new("▶", "running", Text::StRunning),
        OperationState::Done => Look::new("✔", "successful", Text::GfcDone),
        OperationState::Failed => Look::new("✖", "failed", Text::StFailed),
        OperationState::Unknown(_) => UNKNOWN,
    }
}

/// A component's failover state is a fact, not a progress: words only.
pub fn component_state(s: &ComponentState) -> Look {
    let text = match s {
        ComponentState::Invalid => Text::GfcStateInva,
        ComponentState::Manual => Text::GfcStateManu,
        ComponentState::Auto => Text::GfcStateAuto,
        ComponentState::Primary => Text::GfcStatePrim,
        ComponentState::StickyAuto => Text::GfcStateManp,
        ComponentState::Partly => Text::GfcStatePartly,
        ComponentState::Unknown(_) => return UNKNOWN,
    };
    Look::new("", "state", text)
}

pub fn verdict(v: Verdict) -> Look {
    match v {
        Verdict::Pass => Look::new("✔", "pass", Text::VerdictPassShort),
        Verdict::Blocked => Look::new("✖", "blocked", Text::VerdictBlocked),
        Verdict::NoVerdict => Look::new("?", "none", Text::VerdictNone),
    }
}

/// What a task was asked to do (its `operation`): words, no icon.
pub fn task_operation(op: &TaskOperation) -> Look {
    let text = match op {
        TaskOperation::Execute => Text::OpExecute,
        TaskOperation::Retry => Text::OpRetry,
        TaskOperation::Rollback => Text::OpRollback,
        TaskOperation::Skip => Text::OpSkip,
        TaskOperation::Cancel => Text::OpCancel,
        TaskOperation::Unknown(_) => return UNKNOWN,
    };
    Look::new("", "op", text)
}

pub fn subtask_operation(op: &SubtaskOperation) -> Look {
    let text = match op {
        SubtaskOperation::Execute => Text::OpExecute,
        SubtaskOperation::Retry => Text::OpRetry,
        SubtaskOperation::Rollback => Text::OpRollback,
        SubtaskOperation::Skip => Text::OpSkip,
        SubtaskOperation::RollbackSkip => Text::OpRollbackSkip,
        SubtaskOperation::Cancel => Text::OpCancel,
        SubtaskOperation::Unknown(_) => return UNKNOWN,
    };
    Look::new("", "op", text)
}

/// A cluster's role. The class is the badge's (`badge-primary`, `badge-standby`).
pub fn cluster_role(r: &ClusterType) -> Look {
    match r {
        ClusterType::Primary => Look::new("", "primary", Text::RolePrimary),
        ClusterType::Standby => Look::new("", "standby", Text::RoleStandby),
        ClusterType::Unknown(_) => UNKNOWN,
    }
}

/// A tenant's role: in Chinese a standby tenant is 备租户, not the cluster's 备集群.
pub fn tenant_role(r: &TenantRole) -> Look {
    match r {
        TenantRole::Primary => Look::new("", "primary", Text::TenantRolePrimary),
        TenantRole::Standby => Look::new("", "standby", Text::TenantRoleStandby),
        TenantRole::Unknown(_) => UNKNOWN,
    }
}

/// A cluster's status. The class is the stylesheet's `status-…` (green running, red lost).
pub fn cluster_status(s: &ClusterStatus) -> Look {
    use ClusterStatus as C;
    let (class, text) = match s {
        C::Running => ("running", Text::StatusRunning),
        C::Unavailable => ("unavailable", Text::StatusUnavailable),
        C::Stopped => ("stopped", Text::StateStopped),
        C::Creating => ("creating", Text::StateCreating),
        C::TakingOver => ("takingover", Text::StateTakingOver),
        C::Deleting => ("deleting", Text::StateDeleting),
        C::MovingOut => ("movingout", Text::StateMovingOut),
        C::Restarting => ("restarting", Text::StateRestarting),
        C::Starting => ("starting", Text::StateStarting),
        C::Stopping => ("stopping", Text::StateStopping),
        C::Switchover => ("switchover", Text::StateSwitchingOver),
        C::Failover => ("failover", Text::StateFailingOver),
        C::Upgrading => ("upgrading", Text::StateUpgrading),
        C::Operating => ("operating", Text::StateOperating),
        C::Abandoned => ("abandoned", Text::StateAbandoned),
        C::Disconnecting => ("disconnecting", Text::StateDisconnecting),
        C::StartingInReadOnly => ("starting_in_read_only", Text::StateStartingReadOnly),
        C::Unknown(_) => return UNKNOWN,
    };
    Look::new("", class, text)
}

pub fn tenant_status(s: &TenantStatus) -> Look {
    use TenantStatus as T;
    let (class, text) = match s {
        T::Normal => ("normal", Text::StateNormal),
        T::Unavailable => ("unavailable", Text::StatusUnavailable),
        T::Creating => ("creating", Text::StateCreating),
        T::Modifying => ("modifying", Text::StateModifying),
        T::Restoring => ("restoring", Text::StateRestoring),
        T::Deleting => ("deleting", Text::StateDeleting),
        T::Unknown(_) => return UNKNOWN,
    };
    Look::new("", class, text)
}

/// The task list's filter as a sentence: "Tasks of tenant sales_dr in cluster OB424_B".
/// `cluster` and `tenant` are names when the page knows them, `#id` otherwise; `status` is the
/// status filter's words. `None` when nothing is filtered.
pub fn task_filter(
    lang: Lang,
    cluster: Option<&str>,
    tenant: Option<&str>,
    status: Option<&str>,
) -> Option<String> {
    let who = match (tenant, cluster) {
        (Some(t), Some(c)) => Some(fill(lang, Text::TasksOfTenantInCluster, &[t, c])),
        (Some(t), None) => Some(fill(lang, Text::TasksOfTenant, &[t])),
        (None, Some(c)) => Some(fill(lang, Text::TasksOfCluster, &[c])),
        (None, None) => None,
    };
    match (who, status) {
        (Some(w), Some(s)) => Some(fill(lang, Text::TasksAndStatus, &[&w, s])),
        (Some(w), None) => Some(w),
        (None, Some(s)) => Some(fill(lang, Text::TasksWithStatus, &[s])),
        (None, None) => None,
    }
}

/// The words of a state; `unknown` is the raw value of one the console does not know, shown
/// as sent and marked.
pub fn words(lang: Lang, look: Look, unknown: Option<&str>) -> String {
    match unknown {
        Some(raw) => format!("{raw} ({})", text(lang, Text::Unrecognised)),
        None => text(lang, look.text).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_state_has_its_own_look_and_unknown_ones_are_never_known() {
        let looks: Vec<Look> = SUBTASK_STATES
            .iter()
            .map(|s| subtask_status(Some(s)))
            .collect();
        for (i, a) in looks.iter().enumerate() {
            assert_ne!(*a, UNKNOWN);
            assert!(looks[i + 1..].iter().all(|b| b.class != a.class));
        }
        assert_eq!(
            subtask_status(Some(&SubtaskStatus::from_wire("QUEUED_V5"))),
            UNKNOWN
        );
        assert_eq!(task_status(Some(&TaskStatus::from_wire("5"))), UNKNOWN);
        assert_eq!(check_status(&CheckStatus::from_wire("MAYBE")), UNKNOWN);
        assert_eq!(operation_state(&OperationState::from_wire("x")), UNKNOWN);
        assert_eq!(component_state(&ComponentState::from_wire("x")), UNKNOWN);
        assert!(subtask_status(Some(&SubtaskStatus::Canceling)).is_active());
        assert!(!check_status(&CheckStatus::Pass).is_active());
    }

    #[test]
    fn machine_words_read_as_words_in_both_languages() {
        let w = |lang, look: Look| words(lang, look, None);
        assert_eq!(
            w(Lang::En, task_operation(&TaskOperation::Execute)),
            "Execute"
        );
        assert_eq!(
            w(Lang::Zh, task_operation(&TaskOperation::Rollback)),
            "回滚"
        );
        assert_eq!(
            w(Lang::En, subtask_operation(&SubtaskOperation::RollbackSkip)),
            "Skip in rollback"
        );
        assert_eq!(w(Lang::En, tenant_status(&TenantStatus::Normal)), "Normal");
        assert_eq!(w(Lang::Zh, tenant_status(&TenantStatus::Normal)), "正常");
        assert_eq!(
            w(Lang::En, cluster_status(&ClusterStatus::Running)),
            "Running"
        );
        assert_eq!(
            w(Lang::En, cluster_status(&ClusterStatus::StartingInReadOnly)),
            "Starting read-only"
        );
        assert_eq!(tenant_status(&TenantStatus::Normal).class, "normal");
        assert_eq!(cluster_status(&ClusterStatus::Abandoned).class, "abandoned");
        for op in ["EXECUTE", "RETRY", "ROLLBACK", "SKIP", "CANCEL"] {
            assert!(
                !task_operation(&TaskOperation::from_wire(op)).is_unknown(),
                "{op}"
            );
        }
        assert!(task_operation(&TaskOperation::from_wire("RESUME")).is_unknown());
        assert!(cluster_status(&ClusterStatus::from_wire("HIBERNATING")).is_unknown());
        assert!(tenant_status(&TenantStatus::from_wire("7")).is_unknown());
        assert!(!verdict(Verdict::NoVerdict).is_unknown());
    }

    #[test]
    fn a_standby_tenant_is_a_tenant_not_a_cluster() {
        let w = |lang, look: Look| words(lang, look, None);
        assert_eq!(w(Lang::Zh, tenant_role(&TenantRole::Standby)), "备租户");
        assert_eq!(w(Lang::Zh, tenant_role(&TenantRole::Primary)), "主租户");
        assert_eq!(w(Lang::Zh, cluster_role(&ClusterType::Standby)), "备集群");
        assert_eq!(w(Lang::Zh, cluster_role(&ClusterType::Primary)), "主集群");
        assert_eq!(w(Lang::En, tenant_role(&TenantRole::Standby)), "Standby");
        assert_eq!(tenant_role(&TenantRole::Standby).class, "standby");
        assert!(cluster_role(&ClusterType::from_wire("ARBITRATION")).is_unknown());
        assert_eq!(
            words(
                Lang::En,
                tenant_role(&TenantRole::from_wire("X")),
                Some("X")
            ),
            "X (unrecognised)"
        );
    }

    #[test]
    fn the_task_filter_reads_as_a_sentence() {
        let f = task_filter;
        assert_eq!(
            f(Lang::En, Some("OB424_B"), Some("sales_dr"), None).as_deref(),
            Some("Tasks of tenant sales_dr in cluster OB424_B")
        );
        assert_eq!(
            f(Lang::Zh, Some("OB424_B"), Some("sales_dr"), None).as_deref(),
            Some("集群 OB424_B 中租户 sales_dr 的任务")
        );
        assert_eq!(
            f(Lang::En, Some("#3000012"), None, Some("Failed")).as_deref(),
            Some("Tasks of cluster #3000012, status Failed")
        );
        assert_eq!(
            f(Lang::Zh, None, Some("#2000031"), None).as_deref(),
            Some("租户 #2000031 的任务")
        );
        assert_eq!(
            f(Lang::Zh, None, None, Some("失败")).as_deref(),
            Some("状态为“失败”的任务")
        );
        assert_eq!(f(Lang::En, None, None, None), None);
    }

    #[test]
    fn unknown_values_read_verbatim_and_marked_in_both_languages() {
        assert_eq!(words(Lang::En, UNKNOWN, Some("5")), "5 (unrecognised)");
        assert_eq!(words(Lang::Zh, UNKNOWN, Some("5")), "5 (未识别)");
        assert_eq!(words(Lang::Zh, verdict(Verdict::NoVerdict), None), "无结论");
    }
}
