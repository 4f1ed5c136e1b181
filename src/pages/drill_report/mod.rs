//! One drill's report (`/tasks/:id/report`), as an auditor keeps it: the facts and the
//! objective, the launch record this browser kept, the findings, and the steps on one time
//! axis (`gantt`). Prints on its own (the print stylesheet leaves out the console around it)
//! and downloads as Markdown or JSON. What it says is `console_core::drill::report`'s.
//! - `gantt`: the step timeline, keyboard-navigable.

mod gantt;

use crate::api::use_api;
use crate::components::download::save_text;
use crate::components::failure_view::FailureView;
use crate::components::when::{local_offset, local_zone_now};
use crate::config::{ocp_zone, Objectives};
use crate::hooks::launch_record::read_all;
use crate::hooks::load::use_load;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use console_core::drill::report::Report;
use console_core::drill::timeline::Timeline;
use console_core::i18n::Text;
use console_core::task::eta::History;
use console_core::task::launch_record::describe;
use console_core::time::Instant;
use gantt::Gantt;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DrillReportPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|v| v.parse::<i64>().ok()));
    move || match id.get() {
        Some(id) => view! { <ReportView id /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn ReportView(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let objectives = use_context::<Objectives>().unwrap_or_default();
    let base = api.base();
    let api_now = api.clone();
    let api_h = api.clone();
    let loaded = use_load(
        move || id,
        move |id| {
            let api = api.clone();
            async move { api.get_task(id).await }
        },
    );
    // What earlier successful runs of the same name took, read after the task (the report is
    // shown without it; a failure costs only the comparison).
    let name = Memo::new(move |_| {
        loaded
            .data
            .with(|d| d.as_ref().and_then(|t| t.name.clone()))
    });
    let history = RwSignal::new(None::<History>);
    Effect::new(move |_| {
        if let Some(n) = name.get() {
            let api = api_h.clone();
            spawn_local(async move {
                if let Ok(h) = api.learn_history(n, Some(id)).await {
                    history.try_set(Some(h));
                }
            });
        }
    });
    let now_ms = {
        let api = api_now.clone();
        move || api.server_ms(js_sys::Date::now()) as i64
    };
    let now_tl = move || api_now.server_ms(js_sys::Date::now()) as i64;
    let report = Memo::new(move |_| {
        let history = history.get();
        loaded.data.with(|d| {
            d.as_ref().and_then(|task| {
                Report::of(
                    task,
                    ocp_zone(),
                    now_ms(),
                    &objectives.0,
                    &read_all(&base),
                    history.as_ref(),
                )
            })
        })
    });
    // The timeline changes only with the task: the history arriving redraws the findings, not
    // 2,000 rows.
    let timeline = Memo::new(move |_| {
        loaded
            .data
            .with(|d| d.as_ref().map(|t| Timeline::of(t, ocp_zone(), now_tl())))
    });
    use_title(move || {
        report.with(|r| match r {
            Some(r) => i18n.f(Text::ReportTitle, &[&r.drill.target]),
            None => i18n.t(Text::ReportLink).to_string(),
        })
    });
    let save = move |md: bool| {
        let Some(r) = report.get_untracked() else {
            return;
        };
        let now = js_sys::Date::now() as i64;
        if md {
            let local = local_offset(Instant::from_epoch_ms(now));
            let text = r.markdown(i18n.lang.get_untracked(), ocp_zone(), local, now);
            save_text(&text, &r.file_name("md"), "text/markdown;charset=utf-8");
        } else {
            save_text(
                &r.json(ocp_zone(), now),
                &r.file_name("json"),
                "application/json",
            );
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page report">
            <FailureView failure=loaded.error on_retry=Callback::new(move |_| loaded.reload()) busy=loaded.loading />
            {move || (loaded.data.with(Option::is_none) && loaded.loading.get()).then(|| view! {
                <p class="loading" aria-busy="true">{i18n.t(Text::Loading)}</p>
            })}
            {move || report.get().map(|r| view! { <ReportBody r save print /> })}
            {move || timeline.get().map(|t| view! {
                <h2 id="report-timeline-title">{i18n.tr(Text::ReportTimeline)}</h2>
                <Gantt t />
            })}
        </section>
    }
}

#[component]
fn ReportBody(
    r: Report,
    save: impl Fn(bool) + Copy + 'static,
    print: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = r.drill.id;
    let target = r.drill.target.clone();
    let facts = {
        let r = r.clone();
        move || {
            r.facts(i18n.lang.get(), ocp_zone())
                .into_iter()
                .map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> })
                .collect_view()
        }
    };
    let launch = r.launch.clone();
    let launch_text = move || {
        let now = js_sys::Date::now() as i64;
        match &launch {
            Some(l) => describe(
                l,
                now,
                local_offset(Instant::from_epoch_ms(l.at_ms)),
                i18n.lang.get(),
            ),
            None => i18n.t(Text::ReportNoLaunchRecord).to_string(),
        }
    };
    let findings = r.findings.clone();
    let finding_list = move || {
        let lang = i18n.lang.get();
        if findings.is_empty() {
            return view! { <p data-testid="report-no-findings">{i18n.t(Text::ReportNoFindings)}</p> }.into_any();
        }
        view! {
            <ul data-testid="report-findings">
                {findings.iter().map(|f| view! { <li data-testid="report-finding">{f.words(lang)}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let history_runs = r.history_runs;
    let history = move || match history_runs {
        0 => i18n.t(Text::ReportNoHistory).to_string(),
        n => i18n.f(Text::ReportHistory, &[&n.to_string()]),
    };
    let generated = Instant::from_epoch_ms(js_sys::Date::now() as i64).to_local(local_zone_now());
    view! {
        <h1 data-testid="report-title" class:objective-missed=r.missed()>{move || i18n.f(Text::ReportTitle, &[&target])}</h1>
        <p class="muted">{move || i18n.f(Text::ReportGenerated, &[&generated])}</p>
        <div class="toolbar no-print">
            <a class="btn" href=format!("/tasks/{id}")>{i18n.tr(Text::ReportBackToTask)}</a>
            <button class="btn" data-testid="report-print" on:click=print>{i18n.tr(Text::ReportPrint)}</button>
            <button class="btn" data-testid="report-md" on:click=move |_| save(true)>{i18n.tr(Text::ReportDownloadMd)}</button>
            <button class="btn" data-testid="report-json" on:click=move |_| save(false)>{i18n.tr(Text::DrillDownloadJson)}</button>
        </div>
        <h2>{i18n.tr(Text::ReportFacts)}</h2>
        <table class="grid report-facts" data-testid="report-facts"><tbody>{facts}</tbody></table>
        <h2>{i18n.tr(Text::ReportLaunchRecord)}</h2>
        <p data-testid="report-launch">{launch_text}</p>
        <h2>{i18n.tr(Text::ReportFindings)}</h2>
        {finding_list}
        <p class="hint">{history}</p>
    }
}
