//! The report of a GFC session: prints cleanly and downloads as JSON and CSV (data: links, no
//! script needed).

use crate::api::use_api;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::failure_view::FailureView;
use crate::components::unreadable::StateWord;
use crate::components::when::When;
use crate::hooks::load::use_load;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use console_core::gfc::report_csv;
use console_core::i18n::Text;
use console_core::present;
use console_core::present::crumbs::{trail, Place};
use console_core::time::Offset;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn data_url(mime: &str, body: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(body)
            .as_string()
            .unwrap_or_default()
    )
}

#[component]
pub fn GfcReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let params = use_params_map();
    let session = Memo::new(move |_| params.read().get("session").unwrap_or_default());
    let report = use_load(
        move || session.get(),
        move |s| {
            let api = api.clone();
            async move { api.gfc_report(&s).await }
        },
    );
    use_title(move || i18n.f(Text::CrumbGfcReport, &[&session.get()]));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // Times read in words; the downloads keep them exactly as GFC sent them.
    let now = use_ticker();
    view! {
        <section class="page report">
            <Breadcrumbs trail=move |lang| trail(&Place::GfcReport { session: &session.get() }, lang) />
            <FailureView failure=report.error on_retry=Callback::new(move |_| report.reload()) busy=report.loading />
            {move || (report.data.with(Option::is_none) && report.loading.get()).then(|| view! {
                <p class="loading" aria-busy="true">{i18n.t(Text::Loading)}</p>
            })}
            {move || report.data.get().map(|r| {
                let json = serde_json::to_string_pretty(&r).unwrap_or_default();
                let csv = report_csv(&r);
                let name = format!("gfc-report-{}", r.session_id);
                view! {
                    <h1>{i18n.f(Text::GfcReportTitle, &[&r.failoverback_mark])}</h1>
                    <div class="no-print toolbar">
                        <a class="btn" data-testid="download-json" href=data_url("application/json", &json) download=format!("{name}.json")>{i18n.t(Text::GfcDownloadJson)}</a>
                        <a class="btn" data-testid="download-csv" href=data_url("text/csv", &csv) download=format!("{name}.csv")>{i18n.t(Text::GfcDownloadCsv)}</a>
                        <button class="btn" on:click=print>{i18n.t(Text::GfcPrint)}</button>
                    </div>
                    <dl class="facts">
                        <dt>"Session"</dt><dd><code>{r.session_id.clone()}</code></dd>
                        <dt>{i18n.t(Text::ColCreator)}</dt><dd>{r.user_name.clone()}</dd>
                        <dt>{i18n.t(Text::GfcReason)}</dt><dd>{r.reason.clone()}</dd>
                        <dt>{i18n.t(Text::GfcFailbackTime)}</dt><dd data-testid="report-failback"><When raw=Some(r.est_failback_time.clone()) now assumed=Offset::UTC /></dd>
                        <dt>{i18n.t(Text::ColStarted)}</dt><dd><When raw=r.start_time.clone() now assumed=Offset::UTC /></dd>
                        <dt>{i18n.t(Text::FieldFinished)}</dt><dd><When raw=r.end_time.clone() now assumed=Offset::UTC /></dd>
                    </dl>
                    {r.operations.is_empty().then(|| view! { <p class="empty">{i18n.t(Text::GfcOpsEmpty)}</p> })}
                    <div class="grid-scroll" tabindex="0">
                    <table class="grid" data-testid="report-rows">
                        <thead><tr>
                            <th scope="col">{i18n.t(Text::GfcComponent)}</th>
                            <th scope="col">{i18n.t(Text::GfcMove)}</th>
                            <th scope="col">{i18n.t(Text::ColStatus)}</th>
                            <th scope="col">{i18n.t(Text::GfcState)}</th>
                            <th scope="col">{i18n.t(Text::GfcTicket)}</th>
                            <th scope="col">{i18n.t(Text::FieldDetail)}</th>
                        </tr></thead>
                        <tbody>{r.operations.iter().map(|o| view! {
                            <tr>
                                <td>{format!("{} ({})", o.component_name, o.component_id)}</td>
                                <td>{format!("{} → {}", o.from_dc, o.to_dc)}</td>
                                <td><StateWord look=present::operation_state(&o.state) wire=o.state.as_wire().to_string() /></td>
                                <td>{i18n.t(present::component_state(&o.state_before).text)}{o.state_after.as_ref().map(|s| format!(" → {}", i18n.t(present::component_state(s).text)))}</td>
                                <td>{o.ticket.clone()}</td>
                                <td>{o.message.clone()}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                    </div>
                }
            })}
        </section>
    }
}
