//! The demo estate: primary and standby clusters and tenants, the tasks launched against them,
//! and the rules that compute prechecks from that state (never from fixed files).
//!
//! Field names OCP does not document for tenants (`tenantRole`, `syncScn`, `primaryTenant*`,
//! `serviceName`) and every precheck error code other than OBE26107 are the mock's own
//! choices; docs/mock-api.md lists them as assumptions.

use crate::clock::Clock;
use crate::engine::{TaskFault, TaskRec};
use crate::templates::{TaskKind, Templates};
use axum::http::StatusCode;
use console_core::i18n::Lang;
use console_core::wire::{
    Cluster, ClusterPreCheck, ClusterPreCheckResult, ClusterRef, ClusterStatus, ClusterType,
    PreCheckResult, SwitchoverPreCheckResult, TaskInstance, Tenant, TenantMode, TenantPreCheck,
    TenantRole, TenantStatus,
};
use console_core::{ErrorCode, Long};
use std::collections::{BTreeMap, HashMap};

/// A request the estate refuses, with OCP's status, code and message in both languages.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub status: StatusCode,
    pub code: i64,
    pub en: String,
    pub zh: String,
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    pub fn cluster_not_found(id: i64) -> Refusal {
        Refusal {
            status: StatusCode::NOT_FOUND,
            code: 10002,
            en: format!("No records of the cluster type found based on the id={id} parameter. Please check and try again."),
            zh: format!("根据参数 id={id} 未找到集群类型的记录，请检查后重试。"),
        }
    }

    pub fn tenant_not_found(cluster: i64, id: i64) -> Refusal {
        Refusal {
            status: StatusCode::NOT_FOUND,
            code: 10002,
            en: format!("No records of the tenant type found based on the clusterId={cluster}, tenantId={id} parameter. Please check and try again."),
            zh: format!("根据参数 clusterId={cluster}, tenantId={id} 未找到租户类型的记录，请检查后重试。"),
        }
    }

    fn bad(en: String, zh: String) -> Refusal {
        Refusal {
            status: StatusCode::BAD_REQUEST,
            code: 10001,
            en,
            zh,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ClusterRec {
    pub id: i64,
    pub name: String,
    pub ob_cluster_id: i64,
    pub cluster_type: ClusterType,
    pub status: ClusterStatus,
    pub ob_version: String,
    pub primary: Option<i64>,
    /// For a standby cluster: whether its primary cluster still answers.
    pub primary_reachable: bool,
    pub server_count: i64,
}

#[derive(Debug, Clone)]
pub struct TenantRec {
    pub id: i64,
    pub name: String,
    pub cluster_id: i64,
    pub role: TenantRole,
    pub status: TenantStatus,
    pub mode: TenantMode,
    /// Service name of a primary tenant.
    pub service_name: Option<String>,
    /// For a standby: its primary tenant.
    pub primary_tenant: Option<i64>,
    /// For a standby: whether its primary can still be connected (then failover is refused).
    pub primary_reachable: bool,
    /// For a standby: replication lag; `None` when the sync position is unknown.
    pub lag_secs: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Estate {
    pub clusters: Vec<ClusterRec>,
    pub tenants: Vec<TenantRec>,
    pub tasks: BTreeMap<i64, TaskRec>,
    pub clock: Clock,
    pub task_faults: Vec<TaskFault>,
    /// The component failover center (GFC), on the same simulated clock.
    pub gfc: crate::gfc::Gfc,
    instances: HashMap<TaskKind, i64>,
}

/// A standby this far behind gets a warning: data written in that window would be lost.
pub const LAG_WARNING_SECS: i64 = 10;
const CREATE_TIME: &str = "2024-03-18T10:12:45.120+08:00";

fn cluster(
    id: i64,
    name: &str,
    cluster_type: ClusterType,
    version: &str,
    primary: Option<i64>,
    primary_reachable: bool,
) -> ClusterRec {
    ClusterRec {
        id,
        name: name.into(),
        ob_cluster_id: 1_710_000_000 + id % 1000,
        cluster_type,
        status: ClusterStatus::Running,
        ob_version: version.into(),
        primary,
        primary_reachable,
        server_count: 3,
    }
}

fn primary_tenant(id: i64, name: &str, cluster_id: i64, service: &str) -> TenantRec {
    TenantRec {
        id,
        name: name.into(),
        cluster_id,
        role: TenantRole::Primary,
        status: TenantStatus::Normal,
        mode: TenantMode::Mysql,
        service_name: Some(service.into()),
        primary_tenant: None,
        primary_reachable: false,
        lag_secs: None,
    }
}

fn standby_tenant(
    id: i64,
    name: &str,
    cluster_id: i64,
    primary: i64,
    primary_reachable: bool,
    lag_secs: Option<i64>,
) -> TenantRec {
    TenantRec {
        id,
        name: name.into(),
        cluster_id,
        role: TenantRole::Standby,
        status: TenantStatus::Normal,
        mode: TenantMode::Mysql,
        service_name: None,
        primary_tenant: Some(primary),
        primary_reachable,
        lag_secs,
    }
}

impl Estate {
    /// The demo estate. Cluster 3000010 / tenant 2000025 (`ohayo_2`) and cluster 6 are the
    /// seed samples' subjects and answer exactly as the seeds show.
    pub fn demo(speed: f64) -> Estate {
        let mut clusters = vec![
            cluster(
                3000009,
                "OB424_P",
                ClusterType::Primary,
                "4.2.4.0",
                None,
                true,
            ),
            cluster(
                3000010,
                "OB424_A",
                ClusterType::Standby,
                "4.2.4.0",
                Some(3000009),
                true,
            ),
            cluster(
                3000012,
                "OB424_B",
                ClusterType::Standby,
                "4.2.4.0",
                Some(3000009),
                false,
            ),
            cluster(
                5,
                "ob3x_primary",
                ClusterType::Primary,
                "3.2.4.5",
                None,
                true,
            ),
            cluster(
                6,
                "ob3x_standby",
                ClusterType::Standby,
                "3.2.4.5",
                Some(5),
                false,
            ),
            cluster(7, "ob3x_east", ClusterType::Primary, "3.2.4.5", None, true),
            cluster(
                8,
                "ob3x_east_dr",
                ClusterType::Standby,
                "3.2.4.5",
                Some(7),
                true,
            ),
        ];
        clusters[6].server_count = 6;
        let mut tenants = vec![
            primary_tenant(2000020, "ohayo", 3000009, "SERVICE_C"),
            primary_tenant(2000021, "sales", 3000009, "SERVICE_SALES"),
            primary_tenant(2000022, "billing", 3000009, "SERVICE_BILLING"),
            primary_tenant(2000023, "audit", 3000009, "SERVICE_AUDIT"),
            primary_tenant(2000024, "hr", 3000009, "SERVICE_HR"),
            // The seed's standby: its primary still answers, so failover is blocked (OBE26107),
            // and its sync position is unknown (the seed has no syncScn).
            standby_tenant(2000025, "ohayo_2", 3000010, 2000020, true, None),
            standby_tenant(2000031, "sales_dr", 3000012, 2000021, false, Some(2)),
            standby_tenant(2000032, "billing_dr", 3000012, 2000022, false, Some(45)),
            standby_tenant(2000033, "audit_dr", 3000012, 2000023, true, Some(1)),
            standby_tenant(2000034, "hr_dr", 3000012, 2000024, false, Some(0)),
            primary_tenant(1001, "app_main", 5, "SERVICE_APP"),
            primary_tenant(1101, "east_orders", 7, "SERVICE_ORDERS"),
        ];
        // A page's worth more on the primary, so the tenant list pages.
        for i in 0..14 {
            tenants.push(primary_tenant(
                2000100 + i,
                &format!("svc_{:02}", i + 1),
                3000009,
                &format!("SERVICE_SVC_{:02}", i + 1),
            ));
        }
        Estate {
            clusters,
            tenants,
            tasks: BTreeMap::new(),
            clock: Clock::new(speed),
            task_faults: Vec::new(),
            gfc: crate::gfc::Gfc::demo(),
            instances: HashMap::new(),
        }
    }

    pub fn cluster(&self, id: i64) -> Result<&ClusterRec, Refusal> {
        self.clusters
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| Refusal::cluster_not_found(id))
    }

    pub fn tenant(&self, cluster_id: i64, id: i64) -> Result<&TenantRec, Refusal> {
        self.cluster(cluster_id)?;
        self.tenants
            .iter()
            .find(|t| t.id == id && t.cluster_id == cluster_id)
            .ok_or_else(|| Refusal::tenant_not_found(cluster_id, id))
    }

    fn tenant_by_id(&self, id: i64) -> Option<&TenantRec> {
        self.tenants.iter().find(|t| t.id == id)
    }

    pub fn cluster_json(&self, c: &ClusterRec) -> Cluster {
        let tenant_count = self.tenants.iter().filter(|t| t.cluster_id == c.id).count();
        let standbys: Vec<ClusterRef> = self
            .clusters
            .iter()
            .filter(|s| s.primary == Some(c.id))
            .map(cluster_ref)
            .collect();
        Cluster {
            create_time: Some(CREATE_TIME.into()),
            id: Some(Long(c.id)),
            name: Some(c.name.clone()),
            ob_cluster_id: Some(Long(c.ob_cluster_id)),
            ob_version: Some(c.ob_version.clone()),
            primary_cluster: c
                .primary
                .and_then(|p| self.clusters.iter().find(|x| x.id == p))
                .map(cluster_ref),
            server_count: Some(Long(c.server_count)),
            standby_clusters: (!standbys.is_empty()).then_some(standbys),
            status: Some(c.status.clone()),
            tenant_count: Some(Long(tenant_count as i64)),
            cluster_type: Some(c.cluster_type.clone()),
            unreadable: Default::default(),
        }
    }

    pub fn tenant_json(&self, t: &TenantRec, now_ns: i64) -> Tenant {
        let cluster = self.clusters.iter().find(|c| c.id == t.cluster_id);
        let primary = t.primary_tenant.and_then(|p| self.tenant_by_id(p));
        Tenant {
            cluster_id: Some(Long(t.cluster_id)),
            cluster_name: cluster.map(|c| c.name.clone()),
            cluster_type: cluster.map(|c| c.cluster_type.clone()),
            create_time: Some(CREATE_TIME.into()),
            id: Some(Long(t.id)),
            locked: Some(false),
            mode: Some(t.mode.clone()),
            name: Some(t.name.clone()),
            ob_tenant_id: Some(Long(1000 + t.id % 1000)),
            primary_tenant_cluster_id: primary.map(|p| Long(p.cluster_id)),
            primary_tenant_id: primary.map(|p| Long(p.id)),
            primary_tenant_name: primary.map(|p| p.name.clone()),
            primary_zone: Some("zone1;zone2;zone3".into()),
            service_name: match t.role {
                TenantRole::Standby => primary.and_then(|p| p.service_name.clone()),
                _ => t.service_name.clone(),
            },
            status: Some(t.status.clone()),
            sync_scn: self.sync_scn(t, now_ns),
            tenant_role: Some(t.role.clone()),
            unreadable: Default::default(),
        }
    }

    fn sync_scn(&self, t: &TenantRec, now_ns: i64) -> Option<Long> {
        match t.role {
            TenantRole::Standby => t.lag_secs.map(|lag| Long(now_ns - lag * 1_000_000_000)),
            _ => None,
        }
    }

    /// D1: failover precheck of one standby tenant.
    pub fn tenant_failover_precheck(
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
    pub fn batch_failover_precheck(
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
    /// (ocp-api.md §7 path notes), so the pair is resolved from whichever names the standby.
    pub fn tenant_switchover_precheck(
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
    pub fn switchover_pair(
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
    pub fn cluster_precheck(
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

    /// Creates and stores the task of a launch; returns it as OCP does.
    pub fn launch(
        &mut self,
        templates: &Templates,
        kind: TaskKind,
        cluster_id: i64,
        tenant_id: Option<i64>,
        service_name: Option<String>,
        creator: &str,
    ) -> Result<TaskInstance, Refusal> {
        let now = self.clock.now_ms();
        let n = self.instances.entry(kind).or_insert(0);
        let mut task = templates
            .instantiate(kind, *n, creator, self.clock.ocp_time(now))
            .ok_or_else(|| Refusal {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                code: 10010,
                en: "The mock has no template for this task.".into(),
                zh: "模拟服务器缺少该任务的模板。".into(),
            })?;
        *n += 1;
        task.cluster_id = Some(Long(cluster_id));
        task.tenant_id = tenant_id.map(Long);
        let rec = TaskRec::new(task.clone(), kind, cluster_id, tenant_id, service_name, now);
        self.tasks.insert(rec.id(), rec);
        Ok(task)
    }

    /// Adds a generated task of `n` subtasks in `width` chains, running from now.
    pub fn add_synthetic(&mut self, n: usize, width: usize, cluster_id: i64) -> TaskInstance {
        let now = self.clock.now_ms();
        let k = self.instances.entry(TaskKind::Synthetic).or_insert(0);
        let id = 900_000_000 + *k;
        *k += 1;
        let mut task = console_core::synthetic::task(id, n, width);
        task.cluster_id = Some(Long(cluster_id));
        task.start_time = Some(self.clock.ocp_time(now));
        let rec = TaskRec::new(
            task.clone(),
            TaskKind::Synthetic,
            cluster_id,
            None,
            None,
            now,
        );
        self.tasks.insert(id, rec);
        task
    }

    /// Brings simulated time up to date and runs every task to it; applies the estate change
    /// of each launch that finished (a failed-over standby becomes primary, and so on).
    pub fn tick(&mut self) {
        self.clock.sync();
        let now = self.clock.now_ms();
        let mut finished = Vec::new();
        for rec in self.tasks.values_mut() {
            rec.advance(now, &self.clock, &mut self.task_faults);
            if rec.succeeded_forward() && !rec.effect_applied {
                rec.effect_applied = true;
                finished.push((
                    rec.kind,
                    rec.cluster_id,
                    rec.tenant_id,
                    rec.service_name.clone(),
                ));
            }
        }
        self.gfc.tick(&self.clock);
        for (kind, cluster, tenant, service) in finished {
            self.apply_effect(kind, cluster, tenant, service);
        }
    }

    fn apply_effect(
        &mut self,
        kind: TaskKind,
        cluster_id: i64,
        tenant_id: Option<i64>,
        service: Option<String>,
    ) {
        match (kind, tenant_id) {
            (TaskKind::TenantFailover, Some(t)) => {
                let Some(idx) = self.tenants.iter().position(|x| x.id == t) else {
                    return;
                };
                let old_primary = self.tenants[idx].primary_tenant;
                let inherited = old_primary
                    .and_then(|p| self.tenant_by_id(p))
                    .and_then(|p| p.service_name.clone());
                let promoted = &mut self.tenants[idx];
                promoted.role = TenantRole::Primary;
                promoted.primary_tenant = None;
                promoted.primary_reachable = false;
                promoted.lag_secs = None;
                promoted.service_name = service.or(inherited);
                // The abandoned primary is no longer usable.
                if let Some(p) =
                    old_primary.and_then(|p| self.tenants.iter_mut().find(|x| x.id == p))
                {
                    p.status = TenantStatus::Unavailable;
                }
            }
            (TaskKind::TenantSwitchover, Some(t)) => {
                let Some(idx) = self.tenants.iter().position(|x| x.id == t) else {
                    return;
                };
                let Some(p) = self.tenants[idx].primary_tenant else {
                    return;
                };
                let Some(pidx) = self.tenants.iter().position(|x| x.id == p) else {
                    return;
                };
                let service = self.tenants[pidx].service_name.take();
                let promoted = &mut self.tenants[idx];
                promoted.role = TenantRole::Primary;
                promoted.primary_tenant = None;
                promoted.lag_secs = None;
                promoted.service_name = service;
                let demoted = &mut self.tenants[pidx];
                demoted.role = TenantRole::Standby;
                demoted.primary_tenant = Some(t);
                demoted.primary_reachable = true;
                demoted.lag_secs = Some(0);
            }
            (TaskKind::ClusterFailover, _) => {
                let old = self
                    .clusters
                    .iter()
                    .find(|c| c.id == cluster_id)
                    .and_then(|c| c.primary);
                if let Some(c) = self.clusters.iter_mut().find(|c| c.id == cluster_id) {
                    c.cluster_type = ClusterType::Primary;
                    c.primary = None;
                    c.primary_reachable = false;
                }
                if let Some(o) = old.and_then(|o| self.clusters.iter_mut().find(|c| c.id == o)) {
                    o.status = ClusterStatus::Unavailable;
                }
            }
            (TaskKind::ClusterSwitchover, _) => {
                let old = self
                    .clusters
                    .iter()
                    .find(|c| c.id == cluster_id)
                    .and_then(|c| c.primary);
                let Some(old) = old else { return };
                if let Some(c) = self.clusters.iter_mut().find(|c| c.id == cluster_id) {
                    c.cluster_type = ClusterType::Primary;
                    c.primary = None;
                }
                if let Some(o) = self.clusters.iter_mut().find(|c| c.id == old) {
                    o.cluster_type = ClusterType::Standby;
                    o.primary = Some(cluster_id);
                    o.primary_reachable = true;
                }
            }
            _ => {}
        }
    }

    /// Refuses a launch whose precheck has blocking errors, as OCP re-checks on launch.
    pub fn require_failover_allowed(
        &self,
        cluster_id: i64,
        tenant_id: i64,
        lang: Lang,
        now_ns: i64,
    ) -> Result<(), Refusal> {
        let pre = self.tenant_failover_precheck(cluster_id, tenant_id, lang, now_ns)?;
        blocking_refusal(&pre)
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

fn cluster_ref(c: &ClusterRec) -> ClusterRef {
    ClusterRef {
        id: Some(Long(c.id)),
        name: Some(c.name.clone()),
        ob_cluster_id: Some(Long(c.ob_cluster_id)),
        cluster_type: Some(c.cluster_type.clone()),
        unreadable: Default::default(),
    }
}
