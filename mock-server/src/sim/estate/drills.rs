//! Drills at scale (`"drills": {"count": 1000, "months": 12, "seed": 1}` in a scenario): that
//! many finished failovers and switchovers over the estate's standby tenants and standby
//! clusters, spread evenly over the last `months` months, varied as real ones are: most at
//! about the usual pace, some much slower, a few failed at a step and retried to success,
//! rolled back, or left failed. Every draw comes from one ChaCha8 stream seeded with `seed`,
//! so the same scenario gives the same drills on every machine (their times relative to the
//! mock's start).

use super::drill::{rollback_steps, step_names, Drill, Ending};
use super::history::FIRST_ID;
use super::Estate;
use crate::sim::templates::{TaskKind, Templates};
use console_core::wire::{ClusterType, TenantRole};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;

/// At most this many drills: ids from 100,001 stay below every launch's, and the mock still
/// starts within seconds in its debug build.
pub(crate) const MAX_DRILLS: u32 = 20_000;
/// At most this many months back.
pub(crate) const MAX_MONTHS: u32 = 60;
const DAY_MS: i64 = 86_400_000;
/// A month as the spread counts it (365.25 / 12 days).
const MONTH_MS: i64 = 2_629_800_000;
const MINUTE_MS: i64 = 60_000;

/// Who runs the drills (each drill draws one).
const CREATORS: [&str; 6] = [
    "admin", "ops_chen", "ops_li", "dba_wang", "sre_zhao", "ops_wu",
];

/// The numbers a scenario gives for its drills.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Drills {
    /// 1 to [`MAX_DRILLS`].
    pub(crate) count: u32,
    /// Months back the drills spread over, 1 to [`MAX_MONTHS`] (default 12).
    #[serde(default = "twelve")]
    pub(crate) months: u32,
    /// Seed of every draw.
    #[serde(default)]
    pub(crate) seed: u64,
}

fn twelve() -> u32 {
    12
}

impl Drills {
    /// Why these numbers cannot make drills, in the scenario's own words.
    pub(crate) fn check(&self) -> Result<(), String> {
        if !(1..=MAX_DRILLS).contains(&self.count) {
            return Err(format!(
                "count: expected 1 to {MAX_DRILLS}, got {}",
                self.count
            ));
        }
        if !(1..=MAX_MONTHS).contains(&self.months) {
            return Err(format!(
                "months: expected 1 to {MAX_MONTHS}, got {}",
                self.months
            ));
        }
        Ok(())
    }
}

/// A draw in `0..n` (n > 0; the slight bias of a modulo is nothing here).
fn below(rng: &mut ChaCha8Rng, n: u64) -> u64 {
    rng.next_u64() % n.max(1)
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> Option<&'a T> {
    items.get(below(rng, items.len() as u64) as usize)
}

/// What can be drilled: (kind, the task's cluster, its tenant), as a launch records them (a
/// tenant switchover is launched from the primary's cluster).
fn subjects(e: &Estate) -> Vec<(TaskKind, i64, Option<i64>)> {
    let mut out = Vec::new();
    for t in e.tenants.iter().filter(|t| t.role == TenantRole::Standby) {
        let primary_cluster = t
            .primary_tenant
            .and_then(|p| e.tenant_by_id(p))
            .map_or(t.cluster_id, |p| p.cluster_id);
        out.push((TaskKind::TenantFailover, t.cluster_id, Some(t.id)));
        out.push((TaskKind::TenantSwitchover, primary_cluster, Some(t.id)));
    }
    for c in e
        .clusters
        .iter()
        .filter(|c| c.cluster_type == ClusterType::Standby)
    {
        out.push((TaskKind::ClusterFailover, c.id, None));
        out.push((TaskKind::ClusterSwitchover, c.id, None));
    }
    out
}

impl Estate {
    /// Whether the estate has a standby tenant or cluster to drill.
    pub(crate) fn has_standbys(&self) -> bool {
        !subjects(self).is_empty()
    }

    /// Adds `d.count` finished drills before now (none when nothing can be drilled).
    pub(crate) fn with_drills(mut self, d: &Drills, templates: &Templates) -> Estate {
        let subjects = subjects(&self);
        if subjects.is_empty() {
            return self;
        }
        let steps = |f: fn(&Templates, TaskKind) -> Vec<String>| {
            TaskKind::ALL.map(|k| (k, f(templates, k)))
        };
        let (any_step, undoable) = (steps(step_names), steps(rollback_steps));
        let of = |table: &[(TaskKind, Vec<String>)], kind| {
            table
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|(_, s)| s.clone())
                .unwrap_or_default()
        };
        let mut rng = ChaCha8Rng::seed_from_u64(d.seed);
        let now = self.clock.now_ms();
        // Even slots over the window, ending a day before now, each drill somewhere in the
        // first four fifths of its own: spread out, and ids in the order of start times.
        let slot = (i64::from(d.months) * MONTH_MS / i64::from(d.count)).max(1);
        let first = now - DAY_MS - slot * i64::from(d.count);
        for i in 0..i64::from(d.count) {
            let Some(&(kind, cluster, tenant)) = pick(&mut rng, &subjects) else {
                break;
            };
            let start_ms = first + i * slot + below(&mut rng, (slot * 4 / 5) as u64) as i64;
            let after_ms = (2 + below(&mut rng, 14) as i64) * MINUTE_MS;
            let mut pace_pct = 88 + below(&mut rng, 25) as i64;
            // Per thousand: 20 left failed, 25 rolled back, 35 retried, 120 slow, the rest usual.
            let roll = below(&mut rng, 1000);
            let step = |rng: &mut ChaCha8Rng, table| pick(rng, &of(table, kind)).cloned();
            let ending = match roll {
                0..20 => step(&mut rng, &any_step).map(|step| Ending::LeftFailed { step }),
                20..45 => {
                    step(&mut rng, &undoable).map(|step| Ending::RolledBack { step, after_ms })
                }
                45..80 => step(&mut rng, &any_step).map(|step| Ending::Retried { step, after_ms }),
                _ => {
                    if roll < 200 {
                        pace_pct = 160 + below(&mut rng, 141) as i64;
                    }
                    None
                }
            };
            let drill = Drill {
                id: FIRST_ID + i,
                kind,
                cluster,
                tenant,
                creator: pick(&mut rng, &CREATORS).copied().unwrap_or("admin"),
                start_ms,
                pace_pct,
                ending: ending.unwrap_or(Ending::Succeeded),
            };
            if let Some(rec) = drill.run(templates, &self.clock) {
                self.tasks.insert(drill.id, rec);
            }
        }
        self
    }
}
