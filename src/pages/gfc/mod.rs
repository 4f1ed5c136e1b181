//! Component failover/failback (GFC). The page composes its four steps, each a component that
//! owns its own state: find components by id (`search`), direction and details (`form`), the
//! named checks in a grid that fills in live (`checks`), and the launch with its warning
//! acknowledgements (`launch`). What they share flows through props: the components found, the
//! tickets, the form's fields and the body they make, the check results. The launch's
//! operations and the session's report are the section's two other pages.

mod checks;
mod form;
mod launch;
pub mod operations;
pub mod recent;
pub mod report;
mod search;

pub use operations::GfcOperationsPage;
pub use report::GfcReportPage;

use crate::components::failure_view::FailureView;
use crate::components::viewer_notice::ViewerNotice;
use crate::hooks::load::use_load;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use crate::session::use_session;
use checks::CheckGrid;
use console_core::gfc::{validate, CheckResult, CheckType, Component};
use console_core::i18n::Text;
use form::{Details, DetailsForm};
use launch::LaunchStep;
use leptos::prelude::*;
use recent::RecentSessions;
use search::ComponentSearch;
use std::collections::BTreeMap;

/// One check on one component: (component id, check type id).
type Key = (i64, String);

/// A check type's name, or its id when the types are not known.
fn check_name(types: &[CheckType], id: &str) -> String {
    types
        .iter()
        .find(|t| t.id == id)
        .map(|t| t.name.clone())
        .unwrap_or_else(|| id.to_string())
}

fn component_name(components: &[Component], id: i64) -> String {
    components
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

#[component]
pub fn GfcPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = crate::api::use_api();
    let session = use_session();
    let check_types = use_load(
        move || (),
        move |_| {
            let api = api.clone();
            async move { api.gfc_check_types().await }
        },
    );
    use_title(move || i18n.t(Text::GfcTitle).to_string());
    let columns = Signal::derive(move || check_types.data.get().unwrap_or_default());

    let components = RwSignal::new(Vec::<Component>::new());
    let tickets = RwSignal::new(BTreeMap::<i64, String>::new());
    let details = Details::new();
    let body = Signal::derive(move || {
        let user = session.current.get().map(|s| s.user).unwrap_or_default();
        components.with(|c| tickets.with(|t| details.body(user, c, t)))
    });
    let problems = Memo::new(move |_| {
        let known: Vec<i64> = components.with(|c| c.iter().map(|c| c.id).collect());
        validate(&body.get(), &known, js_sys::Date::now() as i64)
    });
    let show_errors = RwSignal::new(false);
    let results = RwSignal::new(BTreeMap::<Key, CheckResult>::new());
    let checking = RwSignal::new(false);

    view! {
        <section class="page gfc">
            <h1>{i18n.tr(Text::GfcTitle)}</h1>
            // A viewer learns why the launch at the bottom stays disabled before filling anything in.
            <ViewerNotice />
            <RecentSessions />
            <FailureView failure=check_types.error on_retry=Callback::new(move |_| check_types.reload()) busy=check_types.loading />
            <ComponentSearch components tickets problems show_errors />
            <DetailsForm details problems show_errors />
            <CheckGrid components body columns results checking on_run_all=Callback::new(move |_| show_errors.set(true)) />
            <LaunchStep
                components
                direction=details.direction
                body
                form_ok=Signal::derive(move || problems.with(Vec::is_empty))
                results
                checking
                columns
            />
        </section>
    }
}
