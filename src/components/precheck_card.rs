//! The precheck of a DR page (a tenant's or a cluster's): the verdict and every finding, when it
//! was checked, the page's own facts, what changed since this page's previous run, a failure,
//! and Run again; then the runs this browser kept for the standby (`precheck_history`). The
//! flow behind it is `hooks::dr_launch`'s.

use crate::components::failure_view::FailureView;
use crate::components::precheck_history::PrecheckHistory;
use crate::components::verdict::{ChangesView, VerdictPanel};
use crate::components::when::CheckedAt;
use crate::hooks::dr_launch::DrSteps;
use crate::hooks::kept_runs::KeptRuns;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::precheck::verdict::{Action, Summary};
use leptos::prelude::*;

#[component]
pub(crate) fn PrecheckCard(
    steps: DrSteps,
    /// The result on screen, as a verdict.
    #[prop(into)]
    summary: Signal<Option<Summary>>,
    action: Action,
    /// The standby's kept runs.
    runs: KeptRuns,
    #[prop(into)] now: Signal<i64>,
    /// The page's facts under the verdict (a tenant's SCN, lag and service).
    #[prop(optional, into)]
    facts: Option<ViewFn>,
    /// Whether to say what changed since this page's previous run.
    #[prop(optional)]
    compare: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="precheck card" aria-busy=move || steps.checking.get().to_string()>
            <h2 class="card-title">{i18n.tr(Text::PrecheckTitle)}</h2>
            {move || steps.checking.get().then(|| view! { <p class="loading" data-testid="precheck-running">{i18n.t(Text::RunningPrecheck)}</p> })}
            {move || summary.get().map(|s| view! { <VerdictPanel summary=s action /> })}
            <CheckedAt at=steps.checked_at now />
            {facts.map(|f| move || f.run())}
            {compare.then_some(move || steps.changes().map(|c| view! { <ChangesView changes=c /> }))}
            <FailureView failure=steps.failure />
            <button class="btn" data-testid="rerun" disabled=move || steps.checking.get() on:click=move |_| steps.rerun.run(())>
                {i18n.tr(Text::RunPrecheck)}
            </button>
        </div>
        <PrecheckHistory runs now />
    }
}
