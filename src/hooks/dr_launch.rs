//! `use_dr_launch`: the one launch flow of the DR pages (a tenant's failover or switchover, a
//! cluster's, a batch of tenants), written once. The precheck runs on opening and again on
//! demand; each result is kept in this browser's precheck history (`kept_runs`); on
//! confirmation the launch record is drafted from the precheck(s) on screen, the launch is sent
//! once (`launch`: a lost reply is an unknown outcome, never resent) and the record is kept when
//! the reply names the tasks. Pages give only what differs: the API calls, the words, and which
//! prechecks are on screen. `components::precheck_card` and `components::launch_bar` show it.

use crate::api::{use_api, Api};
use crate::hooks::kept_runs::{tenant_record, KeptRuns};
use crate::hooks::launch::{Confirmed, Launch};
use crate::hooks::launch_record;
use crate::hooks::load::{use_load, Load};
use crate::session::{use_session, Session};
use console_core::precheck::verdict::{changes, Changes, Summary};
use console_core::wire::TaskInstance;
use console_core::ApiFailure;
use leptos::prelude::*;
use std::future::Future;

/// What the precheck card and the launch bar use of a flow, whatever the page's precheck reads
/// as (so neither is built once per page).
#[derive(Clone, Copy)]
pub(crate) struct DrSteps {
    /// A precheck is running.
    pub(crate) checking: RwSignal<bool>,
    /// When the result on screen arrived (ms since the epoch, this browser's clock).
    pub(crate) checked_at: RwSignal<Option<i64>>,
    pub(crate) failure: RwSignal<Option<ApiFailure>>,
    /// Runs the precheck again.
    pub(crate) rerun: Callback<()>,
    /// The results this page has shown, oldest first.
    seen: RwSignal<Vec<Summary>>,
    pub(crate) launch: Launch,
    /// The confirmation is open.
    pub(crate) dialog: RwSignal<bool>,
}

impl DrSteps {
    /// What changed between the last two results this page has shown.
    pub(crate) fn changes(&self) -> Option<Changes> {
        self.seen.with(|h| match h.as_slice() {
            [.., before, latest] => Some(changes(before, latest)),
            _ => None,
        })
    }
}

/// A DR page's flow; `P` is what its precheck call answers.
pub(crate) struct DrLaunch<P: Send + Sync + 'static> {
    pub(crate) precheck: Load<P>,
    pub(crate) steps: DrSteps,
    api: StoredValue<Api>,
    session: Session,
}

impl<P: Send + Sync + 'static> Clone for DrLaunch<P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P: Send + Sync + 'static> Copy for DrLaunch<P> {}

/// Starts the flow: `precheck` is the page's precheck call, run now and on every re-run.
pub(crate) fn use_dr_launch<P, Fut>(precheck: impl Fn(Api) -> Fut + 'static) -> DrLaunch<P>
where
    P: Send + Sync + 'static,
    Fut: Future<Output = Result<P, ApiFailure>> + 'static,
{
    let api = use_api();
    let api_p = api.clone();
    let precheck = use_load(move || (), move |_| precheck(api_p.clone()));
    DrLaunch {
        precheck,
        steps: DrSteps {
            checking: precheck.loading,
            checked_at: precheck.loaded_at,
            failure: precheck.error,
            rerun: Callback::new(move |_| precheck.reload()),
            seen: RwSignal::new(Vec::new()),
            launch: Launch::new(),
            dialog: RwSignal::new(false),
        },
        api: StoredValue::new(api),
        session: use_session(),
    }
}

impl<P: Send + Sync + 'static> DrLaunch<P> {
    /// When the result on screen arrived (this browser's clock); now, if none has.
    fn checked_at(&self) -> i64 {
        self.precheck
            .loaded_at
            .get_untracked()
            .unwrap_or_else(|| js_sys::Date::now() as i64)
    }

    /// Keeps every result in this browser as a run of `standby`
    /// (`readiness::tenant_key` or `readiness::cluster_key`), as `summary` reads it, with the
    /// lag at that time; the page's list of them.
    pub(crate) fn keep_runs(
        &self,
        standby: String,
        summary: impl Fn(&P) -> Summary + 'static,
    ) -> KeptRuns {
        let kept = KeptRuns::new(self.api.with_value(Api::base), standby);
        let this = *self;
        Effect::new(move |_| {
            if let Some(s) = this.precheck.data.with(|p| p.as_ref().map(&summary)) {
                let at = this.checked_at();
                kept.keep(this.api.with_value(|api| tenant_record(api, &s, at)));
                this.steps.seen.update(|h| h.push(s));
            }
        });
        kept
    }

    /// What the confirmation calls: drafts the launch record from `on_screen` (the prechecks
    /// the operator saw, each with its tenant in a batch), sends `send` once and keeps the
    /// record when the reply names the tasks.
    pub(crate) fn on_confirm<Fut>(
        &self,
        on_screen: impl Fn() -> Vec<(Option<i64>, Summary)> + Send + Sync + 'static,
        send: impl Fn(Api, Confirmed) -> Fut + Send + Sync + 'static,
    ) -> Callback<Confirmed>
    where
        Fut: Future<Output = Result<Vec<TaskInstance>, ApiFailure>> + 'static,
    {
        let this = *self;
        Callback::new(move |c: Confirmed| {
            let api = this.api.get_value();
            let at = this.checked_at();
            let prechecks = on_screen()
                .into_iter()
                .map(|(tenant, s)| (tenant, tenant_record(&api, &s, at)))
                .collect();
            let draft = launch_record::draft(this.session, &c.reason, prechecks);
            this.steps.launch.fire(|| {
                let sent = send(api.clone(), c);
                async move {
                    let tasks = sent.await?;
                    launch_record::keep(&api.base(), &draft, &tasks);
                    Ok(tasks)
                }
            });
        })
    }
}
