//! The console once someone is signed in, and its split points: the shell (header, routes,
//! the session-expired dialog) and every page are wasm chunks of their own (`lazy.rs`), so the
//! sign-in form waits for none of them.

use crate::components::header::Header;
use crate::i18n::I18n;
use crate::lazy::split_points;
use crate::pages::not_found::NotFound;
use crate::pages::sign_in::SessionExpiredDialog;
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Routes};
use leptos_router::path;

// Chunks by what an operator opens together: the shell (every page needs it), the landing
// page with its neighbour, then one per section.
split_points! {
    Shell => shell in shell, crate::routes::Shell;
    Clusters => clusters in clusters, crate::pages::clusters::ClustersPage;
    Cluster => cluster in clusters, crate::pages::cluster::ClusterPage;
    Readiness => readiness in readiness, crate::pages::readiness::ReadinessPage;
    Recovery => recovery in readiness, crate::pages::recovery::RecoveryPage;
    BatchFailover => batch_failover in dr, crate::pages::batch_failover::BatchFailoverPage;
    ClusterDr => cluster_dr in dr, crate::pages::cluster_dr::ClusterDrPage;
    TenantDr => tenant_dr in dr, crate::pages::tenant_dr::TenantDrPage;
    Tasks => tasks in tasks, crate::pages::tasks::TasksPage;
    Task => task in tasks, crate::pages::task::TaskPage;
    Drills => drills in drills, crate::pages::drills::DrillsPage;
    DrillReport => drill_report in drills, crate::pages::drill_report::DrillReportPage;
    Gfc => gfc in gfc, crate::pages::gfc::GfcPage;
    GfcOperations => gfc_operations in gfc, crate::pages::gfc::GfcOperationsPage;
    GfcReport => gfc_report in gfc, crate::pages::gfc::GfcReportPage;
}

/// Header, routes and the session-expired dialog: its own chunk, so the sign-in form does not
/// wait for the router's matching, the header and the dialogs.
#[component]
pub fn Shell() -> impl IntoView {
    view! {
        <Header />
        <main class="content">
            <ErrorBoundary fallback=|errors| view! { <RouteError errors /> }>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/clusters" /> } />
                    <Route path=path!("/readiness") view=|| { crate::hooks::early::start(); Page::Readiness.view() } />
                    <Route path=path!("/clusters") view=|| Page::Clusters.view() />
                    <Route path=path!("/clusters/:id") view=|| Page::Cluster.view() />
                    <Route path=path!("/clusters/:id/batch-failover") view=|| Page::BatchFailover.view() />
                    <Route path=path!("/clusters/:id/dr/:action") view=|| Page::ClusterDr.view() />
                    <Route path=path!("/clusters/:id/tenants/:tid/:action") view=|| Page::TenantDr.view() />
                    <Route path=path!("/tasks") view=|| Page::Tasks.view() />
                    <Route path=path!("/components") view=|| Page::Gfc.view() />
                    <Route path=path!("/components/operations/:session") view=|| Page::GfcOperations.view() />
                    <Route path=path!("/components/report/:session") view=|| Page::GfcReport.view() />
                    <Route path=path!("/tasks/:id") view=|| Page::Task.view() />
                    <Route path=path!("/tasks/:id/report") view=|| Page::DrillReport.view() />
                    <Route path=path!("/drills") view=|| Page::Drills.view() />
                    <Route path=path!("/recovery") view=|| Page::Recovery.view() />
                </Routes>
            </ErrorBoundary>
        </main>
        <SessionExpiredDialog />
    }
}

/// What an error boundary shows: the errors as text and a way back, never a blank page.
#[component]
fn RouteError(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_context::<I18n>();
    let title = move || i18n.map(|i| i.t(Text::CrashTitle)).unwrap_or("Error");
    view! {
        <section class="page failure" role="alert">
            <h1>{title}</h1>
            <ul>
                {move || errors.with(|e| e.iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view())}
            </ul>
            <a href="/clusters" class="btn">{move || i18n.map(|i| i.t(Text::BackToClusters)).unwrap_or("Back")}</a>
        </section>
    }
}
