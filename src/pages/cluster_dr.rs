//! Cluster failover or switchover (OB primary/standby clusters): precheck, then launch.

use crate::api::use_api;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::confirm_dialog::{ConfirmDialog, Confirmed};
use crate::components::failure_view::FailureView;
use crate::components::launch_record;
use crate::components::precheck_history::{KeptRuns, PrecheckHistory};
use crate::components::verdict::VerdictPanel;
use crate::components::viewer_notice::ViewerNotice;
use crate::components::when::CheckedAt;
use crate::hooks::cluster::use_cluster;
use crate::hooks::launch::Launch;
use crate::hooks::load::use_load;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use crate::session::use_session;
use console_core::present::crumbs::{trail, Place};
use console_core::i18n::Text;
use console_core::precheck::verdict::{summarize_cluster, Action, Verdict};
use console_core::precheck::readiness::{self, Record};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ClusterDrPage() -> impl IntoView {
    let params = use_params_map();
    let parsed = Memo::new(move |_| {
        let p = params.read();
        Some((
            p.get("id")?.parse::<i64>().ok()?,
            Action::from_segment(&p.get("action")?)?,
        ))
    });
    move || match parsed.get() {
        Some((cluster, action)) => view! { <ClusterDr cluster action /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn ClusterDr(cluster: i64, action: Action) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let api = use_api();
    let (detail, cluster_name) = use_cluster(cluster);
    let name = move || cluster_name.get();
    let api_p = api.clone();
    let precheck = use_load(
        move || (),
        move |_| {
            let api = api_p.clone();
            async move { api.cluster_precheck(cluster, action).await }
        },
    );
    let summary = move || precheck.data.get().map(|p| summarize_cluster(&p, &name()));
    let passes = move || summary().is_some_and(|s| s.verdict == Verdict::Pass);
    // Every result is kept in this browser under the standby cluster (its lag is not known here).
    let kept = KeptRuns::new(api.base(), readiness::cluster_key(cluster));
    Effect::new(move |_| {
        if let Some(p) = precheck.data.get() {
            let s = summarize_cluster(&p, &cluster_name.get_untracked());
            let at = precheck
                .loaded_at
                .get_untracked()
                .unwrap_or_else(|| js_sys::Date::now() as i64);
            kept.keep(Record::from_summary(&s, at, None));
        }
    });
    let title = move || match action {
        Action::Failover => i18n.f(Text::ClusterFailoverTitle, &[&name()]),
        Action::Switchover => i18n.f(Text::ClusterSwitchoverTitle, &[&name()]),
    };
    use_title(title);
    let now = use_ticker();
    let launch: Launch = Launch::new();
    let dialog = RwSignal::new(false);
    // On success, open the task it created.
    launch.open_task_when_launched();
    let api_l = api.clone();
    let on_confirm = Callback::new(move |c: Confirmed| {
        let api = api_l.clone();
        let on_screen = precheck.data.get_untracked().map(|p| {
            let s = summarize_cluster(&p, &cluster_name.get_untracked());
            let at = precheck
                .loaded_at
                .get_untracked()
                .unwrap_or_else(|| js_sys::Date::now() as i64);
            (None, Record::from_summary(&s, at, None))
        });
        let draft = launch_record::draft(session, &c.reason, on_screen.into_iter().collect());
        launch.fire(move || async move {
            let tasks = vec![api.cluster_launch(cluster, action).await?];
            launch_record::keep(&api.base(), &draft, &tasks);
            Ok(tasks)
        });
    });
    let consequence = Signal::derive(move || match action {
        Action::Failover => i18n.f(Text::ConsequenceClusterFailover, &[&name()]),
        Action::Switchover => i18n.f(Text::ConsequenceClusterSwitchover, &[&name()]),
    });
    view! {
        <section class="page">
            <Breadcrumbs trail=move |lang| {
                let name = detail.data.with(|c| c.as_ref().and_then(|c| c.name.clone()));
                trail(&Place::ClusterDr { cluster, name: name.as_deref(), action }, lang)
            } />
            <h1>{title}</h1>
            <ViewerNotice />
            <FailureView failure=detail.error on_retry=Callback::new(move |_| detail.reload()) busy=detail.loading />
            <div class="precheck card">
                <h2 class="card-title">{i18n.tr(Text::PrecheckTitle)}</h2>
                {move || precheck.loading.get().then(|| view! { <p class="loading" data-testid="precheck-running">{i18n.t(Text::RunningPrecheck)}</p> })}
                {move || summary().map(|s| view! { <VerdictPanel summary=s action /> })}
                <CheckedAt at=precheck.loaded_at now />
                <FailureView failure=precheck.error />
                <button class="btn" data-testid="rerun" disabled=move || precheck.loading.get() on:click=move |_| precheck.reload()>
                    {i18n.tr(Text::RunPrecheck)}
                </button>
            </div>
            <PrecheckHistory runs=kept now />
            <div class="launch-bar">
                {move || (summary().is_some() && !passes()).then(|| view! { <p class="hint">{i18n.t(Text::LaunchBlockedHint)}</p> })}
                <button class="btn btn-danger" data-testid="launch"
                    disabled=move || !(passes() && session.can_operate() && !precheck.loading.get())
                    on:click=move |_| dialog.set(true)>
                    {move || match action {
                        Action::Failover => i18n.t(Text::LaunchClusterFailover),
                        Action::Switchover => i18n.t(Text::LaunchClusterSwitchover),
                    }}
                </button>
            </div>
            {move || dialog.get().then(|| view! {
                <ConfirmDialog
                    title=title()
                    consequence
                    expected=name()
                    tasks_href=format!("/tasks?clusterId={cluster}")
                    launch
                    ask_reason=true
                    on_confirm
                    on_cancel=Callback::new(move |_| dialog.set(false))
                />
            })}
        </section>
    }
}
