//! `use_precheck_pass`: runs a pass of failover prechecks over the readiness board against OCP.
//! What to send, in which order, how many at once and what a push-back does are
//! `console_core::precheck::pass`'s and `throttle`'s; this hook sends each request it is
//! handed, keeps every verdict in the browser's history (one write per reply, not per row),
//! reports the outcome back, and wakes itself when a push-back's pause ends. It stops when the
//! page is left (its signals are gone); requests already sent finish and are kept.

use crate::api::Api;
use crate::hooks::kept_runs::{keep_many, tenant_record};
use console_core::precheck::pass::{match_batch, Outcome, Pass, Request};
use console_core::precheck::readiness::{Histories, Record};
use console_core::precheck::throttle::{is_push_back, retry_after_ms};
use console_core::precheck::verdict::{summarize, summarize_batch, summarize_cluster};
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[derive(Clone, Copy)]
pub(crate) struct PrecheckPass {
    pub(crate) pass: RwSignal<Pass>,
    /// The last failed request per row (a failure is not a verdict: nothing is kept).
    pub(crate) failed: RwSignal<BTreeMap<String, ApiFailure>>,
    api: StoredValue<Api, LocalStorage>,
    base: StoredValue<String>,
    histories: RwSignal<Histories>,
    /// A standby cluster's name by row key (its verdict is worded with it).
    names: StoredValue<BTreeMap<String, String>>,
}

pub(crate) fn use_precheck_pass(api: Api, histories: RwSignal<Histories>) -> PrecheckPass {
    PrecheckPass {
        pass: RwSignal::new(Pass::default()),
        failed: RwSignal::new(BTreeMap::new()),
        base: StoredValue::new(api.base()),
        api: StoredValue::new_local(api),
        histories,
        names: StoredValue::new(BTreeMap::new()),
    }
}

/// What one request brought back: verdicts by row, follow-up requests, and how it ended.
struct Reply {
    records: Vec<(String, Record)>,
    follow_up: Vec<Request>,
    outcome: Outcome,
    failure: Option<ApiFailure>,
}

impl PrecheckPass {
    /// Starts a pass over `plan` with at most `ceiling` requests in flight (nothing if one is
    /// going). `names` words the standby clusters' verdicts.
    pub(crate) fn start(&self, plan: Vec<Request>, ceiling: u32, names: BTreeMap<String, String>) {
        if self.pass.with_untracked(Pass::busy) {
            return;
        }
        self.names.set_value(names);
        self.pass.set(Pass::new(plan, ceiling));
        self.drive();
    }

    pub(crate) fn cancel(&self) {
        self.pass.update(Pass::cancel);
    }

    /// Sends what the pass allows now, and sets a wake-up for the end of a push-back's pause.
    fn drive(self) {
        let now = js_sys::Date::now() as i64;
        while let Some(Some(r)) = self.pass.try_update(|p| p.start_next(now)) {
            spawn_local(async move { self.run(r).await });
        }
        if let Some(at) = self.pass.try_with_untracked(|p| p.wake_at(now)).flatten() {
            let wait = u32::try_from((at - now).max(0)).unwrap_or(u32::MAX);
            gloo_timers::callback::Timeout::new(wait, move || self.drive()).forget();
        }
    }

    async fn run(self, r: Request) {
        let Some(api) = self.api.try_get_value() else {
            return;
        };
        let reply = self.send(&api, &r).await;
        let Some(base) = self.base.try_get_value() else {
            return;
        };
        if !reply.records.is_empty() {
            // Kept even if the page was left meanwhile: the prechecks ran.
            let kept = keep_many(&base, &reply.records);
            let _ = self.histories.try_update(|h| match kept {
                Some(all) => *h = all,
                // Storage refused: shown while the page is open.
                None => {
                    for (key, record) in &reply.records {
                        h.push(key, record.clone());
                    }
                }
            });
        }
        let answered: Vec<String> = reply.records.iter().map(|(k, _)| k.clone()).collect();
        let _ = self.failed.try_update(|m| {
            for k in &answered {
                m.remove(k);
            }
            // A push-back to be sent again shows too: it is the truth about the last try.
            if let Some(f) = &reply.failure {
                for k in r.keys() {
                    m.insert(k.to_string(), f.clone());
                }
            }
        });
        let now = js_sys::Date::now() as i64;
        let finished = self
            .pass
            .try_update(|p| p.finished(&r.id(), reply.outcome, reply.follow_up, now));
        if finished.is_some() {
            self.drive();
        }
    }

    async fn send(&self, api: &Api, r: &Request) -> Reply {
        let at = || js_sys::Date::now() as i64;
        let result = match r {
            Request::Batch {
                cluster_id,
                tenants,
            } => api.paced_batch_precheck(*cluster_id).await.map(|page| {
                let at = at();
                let (found, left) = match_batch(tenants, &summarize_batch(&page));
                let records = found
                    .into_iter()
                    .map(|(key, s)| (key, tenant_record(api, &s, at)))
                    .collect();
                let follow_up = left
                    .into_iter()
                    .map(|(tenant_id, key)| Request::Tenant {
                        cluster_id: *cluster_id,
                        tenant_id,
                        key,
                    })
                    .collect();
                (records, follow_up)
            }),
            Request::Tenant {
                cluster_id,
                tenant_id,
                key,
            } => api
                .paced_tenant_precheck(*cluster_id, *tenant_id)
                .await
                .map(|p| {
                    let record = tenant_record(api, &summarize(&p), at());
                    (vec![(key.clone(), record)], Vec::new())
                }),
            Request::Cluster { cluster_id, key } => {
                api.paced_cluster_precheck(*cluster_id).await.map(|p| {
                    let name = self
                        .names
                        .try_with_value(|n| n.get(key).cloned())
                        .flatten()
                        .unwrap_or_default();
                    let record = Record::from_summary(&summarize_cluster(&p, &name), at(), None);
                    (vec![(key.clone(), record)], Vec::new())
                })
            }
        };
        match result {
            Ok((records, follow_up)) => Reply {
                records,
                follow_up,
                outcome: Outcome::Answered,
                failure: None,
            },
            Err((f, retry_after)) => {
                let outcome = if is_push_back(f.status()) {
                    Outcome::PushedBack {
                        retry_after_ms: retry_after_ms(retry_after.as_deref(), at()),
                    }
                } else {
                    Outcome::Failed
                };
                Reply {
                    records: Vec::new(),
                    follow_up: Vec::new(),
                    outcome,
                    failure: Some(f),
                }
            }
        }
    }
}
