//! Follows a GFC launch: each component's operation, polled every second until all are done.

use crate::api::use_api;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::failure_view::FailureView;
use crate::components::live_status::LiveStatus;
use crate::components::when::{local_zone_now, When};
use crate::hooks::poll::use_poll;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use console_core::gfc::Operations;
use console_core::i18n::Text;
use console_core::present;
use console_core::present::crumbs::{trail, Place};
use console_core::time::poll::{failure_outcome, Backoff, Outcome};
use console_core::time::{human, Offset};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn GfcOperationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let params = use_params_map();
    let query = use_query_map();
    let session = move || params.read().get("session").unwrap_or_default();
    let ids = move || query.read().get("ids").unwrap_or_default();
    let mark = move || {
        query
            .read()
            .get("mark")
            .unwrap_or_else(|| "failover".into())
    };
    use_title(move || i18n.f(Text::GfcOperationsTitle, &[&mark()]));
    let data = RwSignal::new(None::<Operations>);
    let now_ms = use_ticker();
    // One request at a time, every second, until every operation ended.
    let poll = use_poll(
        Backoff::GFC_OPERATIONS,
        move || {
            let api = api.clone();
            let (s, i, m) = (untrack(session), untrack(ids), untrack(mark));
            async move { api.gfc_operations(&s, &i, &m).await }
        },
        move |d: Operations| {
            let done = d.done;
            data.try_set(Some(d));
            if done {
                Outcome::Finished
            } else {
                Outcome::Continue
            }
        },
        // A session GFC does not know (404) or may not show (403) stops it for good.
        |f, _| failure_outcome(f),
    );
    Effect::new(move |_| {
        let _ = (session(), ids(), mark());
        poll.wake();
    });
    let now = use_ticker();
    let zone = local_zone_now();
    view! {
        <section class="page">
            <Breadcrumbs trail=move |lang| trail(&Place::GfcOperations { session: &session() }, lang) />
            <h1>{move || i18n.f(Text::GfcOperationsTitle, &[&mark()])}</h1>
            <p class="muted session-id">{move || format!("session {}", session())}</p>
            <LiveStatus poll now_ms finished=Text::GfcAllDone />
            <FailureView failure=poll.error />
            {move || data.get().map(|d| if d.operations.is_empty() {
                view! { <p class="empty" data-testid="ops-empty">{i18n.t(Text::GfcOpsEmpty)}</p> }.into_any()
            } else { view! {
                <div class="grid-scroll" tabindex="0">
                <table class="grid" data-testid="operations">
                    <thead><tr>
                        <th scope="col">{i18n.t(Text::GfcComponent)}</th>
                        <th scope="col">{i18n.t(Text::GfcMove)}</th>
                        <th scope="col">{i18n.t(Text::ColStatus)}</th>
                        <th scope="col">{i18n.t(Text::GfcState)}</th>
                        <th scope="col">{i18n.f(Text::ColStartedIn, &[&human::zone_label(zone)])}</th>
                        <th scope="col">{i18n.f(Text::ColFinishedIn, &[&human::zone_label(zone)])}</th>
                        <th scope="col">{i18n.t(Text::FieldDetail)}</th>
                    </tr></thead>
                    <tbody>{d.operations.into_iter().map(|o| {
                        let (icon, slug, text) = present::operation_state(&o.state).parts();
                        let after = o.state_after.as_ref().map(|s| format!(" → {} ({})", i18n.t(present::component_state(s).text), s.as_wire()));
                        view! {
                            <tr data-testid="op-row">
                                <td>{format!("{} ({})", o.component_name, o.component_id)}</td>
                                <td>{format!("{} → {}", o.from_dc, o.to_dc)}</td>
                                <td class=format!("node-{slug}") data-testid="op-state">{icon}" "{i18n.t(text)}</td>
                                <td>{format!("{} ({})", i18n.t(present::component_state(&o.state_before).text), o.state_before.as_wire())}{after}</td>
                                <td><When raw=o.start_time.clone() now assumed=Offset::UTC header_zone=zone /></td>
                                <td><When raw=o.end_time.clone() now assumed=Offset::UTC header_zone=zone /></td>
                                <td>{o.message.clone()}</td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
                </div>
                <A href=format!("/components/report/{}", d.session_id) attr:class="btn" attr:data-testid="report-link">{i18n.t(Text::GfcOpenReport)}</A>
            }.into_any() })}
        </section>
    }
}
