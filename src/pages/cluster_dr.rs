//! Cluster failover or switchover (OB primary/standby clusters): precheck, then launch. The
//! flow is `hooks::dr_launch`'s; this page gives the cluster's calls and words.

use crate::api::Api;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::failure_view::FailureView;
use crate::components::launch_bar::{AfterLaunch, Confirmation, LaunchBar};
use crate::components::precheck_card::PrecheckCard;
use crate::components::viewer_notice::ViewerNotice;
use crate::hooks::cluster::use_cluster;
use crate::hooks::dr_launch::use_dr_launch;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use console_core::i18n::Text;
use console_core::precheck::readiness;
use console_core::precheck::verdict::{summarize_cluster, Action, Verdict};
use console_core::present::crumbs::{trail, Place};
use console_core::task::list::ListFilter;
use console_core::wire::ClusterPreCheck;
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
    let (detail, cluster_name) = use_cluster(cluster);
    let name = move || cluster_name.get();
    let flow =
        use_dr_launch(move |api: Api| async move { api.cluster_precheck(cluster, action).await });
    let precheck = flow.precheck;
    let summary_of = move |p: &ClusterPreCheck| summarize_cluster(p, &cluster_name.get_untracked());
    let summary =
        Signal::derive(move || precheck.data.get().map(|p| summarize_cluster(&p, &name())));
    let passes = move || summary.get().is_some_and(|s| s.verdict == Verdict::Pass);
    // Every result is kept in this browser under the standby cluster (its lag is not known here).
    let kept = flow.keep_runs(readiness::cluster_key(cluster), summary_of);
    let title = move || match action {
        Action::Failover => i18n.f(Text::ClusterFailoverTitle, &[&name()]),
        Action::Switchover => i18n.f(Text::ClusterSwitchoverTitle, &[&name()]),
    };
    use_title(title);
    let now = use_ticker();
    let on_confirm = flow.on_confirm(
        move || {
            precheck
                .data
                .get_untracked()
                .map(|p| vec![(None, summary_of(&p))])
                .unwrap_or_default()
        },
        move |api, _| async move { Ok(vec![api.cluster_launch(cluster, action).await?]) },
    );
    let consequence = Signal::derive(move || match action {
        Action::Failover => i18n.f(Text::ConsequenceClusterFailover, &[&name()]),
        Action::Switchover => i18n.f(Text::ConsequenceClusterSwitchover, &[&name()]),
    });
    let confirmation = Callback::new(move |_: ()| Confirmation {
        title: title(),
        expected: name(),
        ..Confirmation::default()
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
            <PrecheckCard steps=flow.steps summary action runs=kept now />
            <LaunchBar
                steps=flow.steps
                label=Signal::derive(move || match action {
                    Action::Failover => i18n.t(Text::LaunchClusterFailover),
                    Action::Switchover => i18n.t(Text::LaunchClusterSwitchover),
                }.to_string())
                ready=Signal::derive(passes)
                blocked=Signal::derive(move || summary.get().is_some() && !passes())
                confirmation
                consequence
                tasks_href=ListFilter::of(Some(cluster), None).href()
                after=AfterLaunch::OpenTask
                on_confirm
            />
        </section>
    }
}
