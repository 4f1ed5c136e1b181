//! The precheck rules (docs/ocp-api.md §7), computed from the estate's current state: a standby's
//! status, whether its primary still answers, its lag; and the re-check a launch runs first.

use super::{Estate, TenantRec};
use crate::sim::refusal::Refusal;
use console_core::i18n::Lang;
use console_core::wire::{
    ClusterPreCheck, ClusterPreCheckResult, ClusterStatus, ClusterType, PreCheckResult,
    SwitchoverPreCheckResult, TenantPreCheck, TenantRole, TenantStatus,
};
use console_core::{ErrorCode, Long};

/// A standby this far behind gets a warning: data written in that window would be lost.
pub(crate) const LAG_WARNING_SECS: i64 = 10;

impl Estate {
    /// D1: failover precheck of one standby tenant.
    pub(crate) fn tenant_failover_precheck(
        &self,
        cluster_id: i64,
        tenant_id: i64,
        lang: Lang,
        now_ns: i64,
    ) -> Result<TenantPreCheck, Refusal> {
        let t = self.tenant(cluster_id, tenant_id)?;
        self.require_standby(t, "failover")?;
        Ok(self.failover_checks(t, lang, now_ns))
    }

    /// D2: every standby tenant of the cluster.
    pub(crate) fn batch_failover_precheck(
        &self,
        cluster_id: i64,
        lang: Lang,
        now_ns: i64,
    ) -> Result<Vec<TenantPreCheck>, Refusal> {
        self.cluster(cluster_id)?;
        Ok(self
            .tenants
            .iter()
            .filter(|t| t.cluster_id == cluster_id && t.role == TenantRole::Standby)
            .map(|t| self.failover_checks(t, lang, now_ns))
            .collect())
    }

    fn require_standby(&self, t: &TenantRec, action: &str) -> Result<(), Refusal> {
        if t.role == TenantRole::Standby {
            return Ok(());
        }
        Err(Refusal::bad(
            format!(
                "Tenant {} ({}) is a {} tenant; {action} needs a STANDBY tenant.",
                t.name, t.id, t.role
            ),
            format!(
                "租户 {}（{}）是 {} 租户，{action} 需要备租户（STANDBY）。",
                t.name, t.id, t.role
            ),
        ))
    }

    fn failover_checks(&self, t: &TenantRec, lang: Lang, now_ns: i64) -> TenantPreCheck {
        let pick = |en: String, zh: String| match lang {
            Lang::En => en,
            Lang::Zh => zh,
        };
        let mut checks = Vec::new();
        if t.status != TenantStatus::Normal {
            checks.push(check(
                "OBE26101",
                pick(
                    format!("The standby tenant is {}, not NORMAL.", t.status),
                    format!("备租户状态为 {}，不是 NORMAL。", t.status),
                ),
                false,
            ));
        }
        if t.primary_reachable {
            checks.push(check(
                "OBE26107",
                pick(
                    "A failover is not allowed because the primary tenant can still be connected."
                        .into(),
                    "主租户仍可连接, 不允许容灾切换".into(),
                ),
                false,
            ));
        }
        if let Some(lag) = t.lag_secs.filter(|l| *l > LAG_WARNING_SECS) {
            checks.push(check(
                "OBE26120",
                pick(
                    format!("The standby tenant is {lag} s behind its primary; data written in that time has not been replicated and will be lost."),
                    format!("备租户落后主租户 {lag} 秒，这段时间内写入的数据尚未同步，将会丢失。"),
                ),
                true,
            ));
        }
        let cluster = self.clusters.iter().find(|c| c.id == t.cluster_id);
        let primary = t.primary_tenant.and_then(|p| self.tenant_by_id(p));
        TenantPreCheck {
            valid: Some(checks.iter().all(|c| !c.is_blocking())),
            check_results: Some(checks),
            cluster_id: Some(Long(t.cluster_id)),
            cluster_name: cluster.map(|c| c.name.clone()),
            name: Some(t.name.clone()),
            primary_tenant_service_name: primary.and_then(|p| p.service_name.clone()),
            sync_scn: self.sync_scn(t, now_ns),
            tenant_id: Some(Long(t.id)),
            unreadable: Default::default(),
        }
    }

    /// D5: switchover precheck. The path tenant and the body's `tenantId` may name either side
    /// (docs/ocp-api.md §7 path notes), so the pair is resolved from whichever names the standby.
    pub(crate) fn tenant_switchover_precheck(
        &self,
        cluster_id: i64,
        path_tenant: i64,
        standby_tenant: Option<i64>,
        lang: Lang,
        now_ns: i64,
    ) -> Result<SwitchoverPreCheckResult, Refusal> {
        let (primary, standby) = self.switchover_pair(cluster_id, path_tenant, standby_tenant)?;
        let mut standby_check = self.failover_checks(standby, lang, now_ns);
        // For a switchover a reachable primary is required, not a blocker.
        let mut checks: Vec<PreCheckResult> = standby_check
            .check_results
            .take()
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.error_code != Some(ErrorCode::Text("OBE26107".into())))
            .collect();
        if !standby.primary_reachable {
            checks.push(check(
                "OBE26131",
                match lang {
                    Lang::En => "The primary tenant cannot be connected; a switchover needs both tenants. Use failover instead.".into(),
                    Lang::Zh => "主租户无法连接，切换（switchover）需要主备租户均可用，请改用容灾切换（failover）。".into(),
                },
                false,
            ));
        }
        standby_check.valid = Some(checks.iter().all(|c| !c.is_blocking()));
        standby_check.check_results = Some(checks);
        let cluster = self.clusters.iter().find(|c| c.id == primary.cluster_id);
        Ok(SwitchoverPreCheckResult {
            cluster_id: Some(Long(primary.cluster_id)),
            cluster_name: cluster.map(|c| c.name.clone()),
            name: Some(primary.name.clone()),
            valid: standby_check.valid,
            standby_check_results: Some(console_core::wire::precheck::OneOrMany::Many(vec![
                standby_check,
            ])),
            tenant_id: Some(Long(primary.id)),
            unreadable: Default::default(),
        })
    }

    /// Resolves (primary, standby) for a tenant switchover.
    pub(crate) fn switchover_pair(
        &self,
        cluster_id: i64,
        path_tenant: i64,
        standby_tenant: Option<i64>,
    ) -> Result<(&TenantRec, &TenantRec), Refusal> {
        let named = self.tenant(cluster_id, path_tenant)?;
        let standby = match (named.role.clone(), standby_tenant) {
            (TenantRole::Standby, _) => named,
            (_, Some(s)) => self
                .tenant_by_id(s)
                .ok_or_else(|| Refusal::tenant_not_found(cluster_id, s))?,
            (_, None) => {
                return Err(Refusal::bad(
                    format!(
                        "Tenant {} is a primary tenant; name its standby in standbyTenantId.",
                        named.name
                    ),
                    format!(
                        "租户 {} 是主租户，请在 standbyTenantId 中指定其备租户。",
                        named.name
                    ),
                ))
            }
        };
        self.require_standby(standby, "switchover")?;
        let primary = standby
            .primary_tenant
            .and_then(|p| self.tenant_by_id(p))
            .ok_or_else(|| {
                Refusal::bad(
                    format!("Standby tenant {} has no primary tenant.", standby.name),
                    format!("备租户 {} 没有主租户。", standby.name),
                )
            })?;
        Ok((primary, standby))
    }

    /// D7 / D8: cluster-level prechecks (OB 3.x primary/standby clusters).
    pub(crate) fn cluster_precheck(
        &self,
        cluster_id: i64,
        switchover: bool,
        lang: Lang,
    ) -> Result<ClusterPreCheck, Refusal> {
        let c = self.cluster(cluster_id)?;
        if c.cluster_type != ClusterType::Standby {
            let action = if switchover { "switchover" } else { "failover" };
            return Err(Refusal::bad(
                format!(
                    "Cluster {} ({}) is a {} cluster; {action} needs a STANDBY cluster.",
                    c.name, c.id, c.cluster_type
                ),
                format!(
                    "集群 {}（{}）是 {} 集群，{action} 需要备集群（STANDBY）。",
                    c.name, c.id, c.cluster_type
                ),
            ));
        }
        let primary = c
            .primary
            .and_then(|p| self.clusters.iter().find(|x| x.id == p));
        let primary_name = primary.map(|p| p.name.as_str()).unwrap_or("?");
        let mut messages = Vec::new();
        if !switchover && c.primary_reachable {
            messages.push(match lang {
                Lang::En => format!("The primary cluster {primary_name} is still available; failover is not allowed. Use switchover instead."),
                Lang::Zh => format!("主集群 {primary_name} 仍然可用，不允许容灾切换，请使用主备切换。"),
            });
        }
        if switchover && !c.primary_reachable {
            messages.push(match lang {
                Lang::En => format!("Switchover status of the specified cluster {}: NOT ALLOWED, unable to perform switchover, reason: PRIMARY CLUSTER {primary_name} UNREACHABLE", c.name),
                Lang::Zh => format!("集群 {} 的切换状态：NOT ALLOWED，无法执行主备切换，原因：主集群 {primary_name} 无法连接", c.name),
            });
        }
        if c.status != ClusterStatus::Running {
            messages.push(match lang {
                Lang::En => format!("The cluster {} is {}, not RUNNING.", c.name, c.status),
                Lang::Zh => format!("集群 {} 的状态为 {}，不是 RUNNING。", c.name, c.status),
            });
        }
        Ok(ClusterPreCheck {
            cluster_id: None,
            cluster_name: None,
            result: Some(ClusterPreCheckResult {
                valid: Some(messages.is_empty()),
                messages: Some(messages),
                unreadable: Default::default(),
            }),
            unreadable: Default::default(),
        })
    }

    /// Refuses a launch whose precheck has blocking errors, as OCP re-checks on launch.
    pub(crate) fn require_failover_allowed(
        &self,
        cluster_id: i64,
        tenant_id: i64,
        lang: Lang,
        now_ns: i64,
    ) -> Result<(), Refusal> {
        let pre = self.tenant_failover_precheck(cluster_id, tenant_id, lang, now_ns)?;
        blocking_refusal(&pre)
    }

    /// Refuses a tenant switchover whose precheck does not pass, as OCP re-checks on launch;
    /// returns the standby tenant to promote.
    pub(crate) fn require_switchover_allowed(
        &self,
        cluster_id: i64,
        path_tenant: i64,
        standby_tenant: Option<i64>,
        lang: Lang,
        now_ns: i64,
    ) -> Result<Option<i64>, Refusal> {
        let pre =
            self.tenant_switchover_precheck(cluster_id, path_tenant, standby_tenant, lang, now_ns)?;
        if pre.valid != Some(true) {
            return Err(Refusal::bad(
                "The switchover precheck fails; run it to see why.",
                "主备切换预检查未通过，请先运行预检查查看原因。",
            ));
        }
        Ok(pre
            .standby_check_results
            .as_ref()
            .and_then(|r| r.as_slice().first())
            .and_then(|s| s.tenant_id)
            .map(|l| l.0))
    }

    /// Refuses a cluster failover or switchover whose precheck does not pass, with OCP's
    /// messages (in the request's language) as the error.
    pub(crate) fn require_cluster_allowed(
        &self,
        cluster_id: i64,
        switchover: bool,
        lang: Lang,
    ) -> Result<(), Refusal> {
        let pre = self.cluster_precheck(cluster_id, switchover, lang)?;
        if let Some(result) = pre.result.filter(|r| r.valid != Some(true)) {
            let msg = result.messages.unwrap_or_default().join("; ");
            return Err(Refusal::bad(msg.clone(), msg));
        }
        Ok(())
    }
}

fn blocking_refusal(pre: &TenantPreCheck) -> Result<(), Refusal> {
    let blocking: Vec<String> = pre
        .check_results
        .iter()
        .flatten()
        .filter(|c| c.is_blocking())
        .map(|c| {
            format!(
                "{}: {}",
                c.error_code
                    .as_ref()
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                c.error_message.clone().unwrap_or_default()
            )
        })
        .collect();
    if blocking.is_empty() {
        return Ok(());
    }
    let name = pre.name.clone().unwrap_or_default();
    Err(Refusal::bad(
        format!(
            "The precheck of tenant {name} fails: {}",
            blocking.join("; ")
        ),
        format!("租户 {name} 预检查未通过：{}", blocking.join("；")),
    ))
}

fn check(code: &str, message: String, warning: bool) -> PreCheckResult {
    PreCheckResult {
        error_code: Some(ErrorCode::Text(code.into())),
        error_message: Some(message),
        warning: Some(warning),
        unreadable: Default::default(),
    }
}
