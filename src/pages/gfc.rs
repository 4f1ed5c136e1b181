//! Component failover/failback: find components by id, fill the form, run the named checks
//! (a grid that fills in live), acknowledge warnings, and launch once.

use crate::api::use_api;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::failure_view::FailureView;
use crate::components::viewer_notice::ViewerNotice;
use crate::hooks::launch::{Launch, LaunchState};
use crate::hooks::load::use_load;
use crate::i18n::use_i18n;
use crate::session::use_session;
use console_core::gfc::{
    check_verdict, format_failback_time, may_launch, parse_ids, validate, CheckResult, CheckStatus,
    Component, ComponentState, Invalid, LaunchBody, SearchResult,
};
use console_core::i18n::Text;
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::JsValue;

/// How long a legacy backend may answer 500 before the first result exists.
const NOT_READY_GRACE_MS: f64 = 20_000.0;

type Key = (i64, String);

pub fn state_text(s: &ComponentState) -> Text {
    match s {
        ComponentState::Invalid => Text::GfcStateInva,
        ComponentState::Manual => Text::GfcStateManu,
        ComponentState::Auto => Text::GfcStateAuto,
        ComponentState::Primary => Text::GfcStatePrim,
        ComponentState::StickyAuto => Text::GfcStateManp,
        ComponentState::Partly => Text::GfcStatePartly,
        ComponentState::Unknown(_) => Text::StUnknown,
    }
}

fn check_look(s: &CheckStatus) -> (&'static str, &'static str, Text) {
    match s {
        CheckStatus::Pending => ("○", "pending", Text::StPending),
        CheckStatus::Running => ("▶", "running", Text::StRunning),
        CheckStatus::Pass => ("✔", "successful", Text::GfcPass),
        CheckStatus::Warn => ("⚠", "warn", Text::GfcWarn),
        CheckStatus::Fail => ("✖", "failed", Text::GfcFail),
        CheckStatus::Unknown(_) => ("?", "unknown", Text::StUnknown),
    }
}

fn field_text(i: &Invalid) -> Text {
    match (i.field, i.rule) {
        ("reason", _) => Text::GfcErrReason,
        ("estFailbackTime", "required") => Text::GfcErrTimeRequired,
        ("estFailbackTime", "past") => Text::GfcErrTimePast,
        ("estFailbackTime", _) => Text::GfcErrTimeFormat,
        ("componentIDs", _) => Text::GfcErrComponents,
        ("woInfo", _) => Text::GfcErrTickets,
        _ => Text::GfcErrOther,
    }
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

#[component]
pub fn GfcPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let session = use_session();
    let navigate = use_navigate();

    let api_t = api.clone();
    let check_types = use_load(
        move || (),
        move |_| {
            let api = api_t.clone();
            async move { api.gfc_check_types().await }
        },
    );

    // 1. Components.
    let ids_text = RwSignal::new(String::new());
    let bad_tokens = RwSignal::new(Vec::<String>::new());
    let found = RwSignal::new(None::<SearchResult>);
    let search_error = RwSignal::new(None::<ApiFailure>);
    let searching = RwSignal::new(false);
    let api_s = api.clone();
    let search = move || {
        let (ids, junk) = parse_ids(&ids_text.get_untracked());
        bad_tokens.set(junk);
        if ids.is_empty() {
            found.set(Some(SearchResult::default()));
            return;
        }
        searching.set(true);
        let api = api_s.clone();
        spawn_local(async move {
            match api.gfc_search(&ids).await {
                Ok(r) => {
                    found.try_set(Some(r));
                    search_error.try_set(None);
                }
                Err(f) => {
                    search_error.try_set(Some(f));
                }
            }
            searching.try_set(false);
        });
    };
    let components = move || found.get().map(|r| r.components).unwrap_or_default();

    // 2. The form.
    let failover = RwSignal::new(true);
    let reason = RwSignal::new(String::new());
    let tickets = RwSignal::new(BTreeMap::<i64, String>::new());
    let failback_local = RwSignal::new(String::new());
    let dc_name = RwSignal::new(String::new());
    let maintain = RwSignal::new(false);
    let pool_health = RwSignal::new(true);
    let svta = RwSignal::new(true);
    let mct = RwSignal::new(false);
    let dc_fail_out = RwSignal::new(false);
    let show_errors = RwSignal::new(false);

    // The operator picks local time; the wire carries UTC.
    let failback_ms = move || {
        let v = failback_local.get();
        if v.is_empty() {
            return None;
        }
        let ms = js_sys::Date::new(&JsValue::from_str(&v)).get_time();
        ms.is_finite().then_some(ms as i64)
    };
    let body = move || -> LaunchBody {
        let ids: Vec<String> = components().iter().map(|c| c.id.to_string()).collect();
        let wo: BTreeMap<String, String> = tickets
            .get()
            .into_iter()
            .filter(|(id, t)| !t.trim().is_empty() && ids.contains(&id.to_string()))
            .map(|(id, t)| (id.to_string(), t.trim().to_string()))
            .collect();
        LaunchBody {
            user_name: session.current.get().map(|s| s.user).unwrap_or_default(),
            component_ids: ids.join(","),
            dc_name: dc_name.get().trim().to_string(),
            est_failback_time: if failover.get() {
                failback_ms().map(format_failback_time).unwrap_or_default()
            } else {
                String::new()
            },
            is_dc_fail_out: dc_fail_out.get(),
            is_maintain: i64::from(maintain.get()),
            is_mct: i64::from(mct.get()),
            is_pool_health_check: i64::from(pool_health.get()),
            is_svta: i64::from(svta.get()),
            is_failover: i64::from(failover.get()),
            plan_id: -1,
            plan_type: 1,
            reason: reason.get().trim().to_string(),
            wo_info: if wo.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&wo).unwrap_or_default()
            },
        }
    };
    let problems = Memo::new(move |_| {
        let known: Vec<i64> = components().iter().map(|c| c.id).collect();
        validate(&body(), &known, js_sys::Date::now() as i64)
    });
    let error_for = move |field: &'static str| {
        move || {
            if !show_errors.get() {
                return None;
            }
            problems.with(|p| p.iter().find(|i| i.field == field).map(|i| {
                let id = format!("{field}-error");
                view! { <p class="field-error" id=id data-testid=format!("error-{field}")>{i18n.t(field_text(i))}</p> }
            }))
        }
    };

    // 3. Prechecks: results by (component, check), merged across runs.
    let results = RwSignal::new(BTreeMap::<Key, CheckResult>::new());
    let checking = RwSignal::new(false);
    let not_ready = RwSignal::new(false);
    let check_error = RwSignal::new(None::<ApiFailure>);
    let acks = RwSignal::new(BTreeSet::<Key>::new());
    let alive = StoredValue::new(true);
    on_cleanup(move || {
        let _ = alive.try_set_value(false);
    });
    let api_p = api.clone();
    let run_checks = move |only: Vec<Key>| {
        if checking.get_untracked() {
            return;
        }
        let b = body();
        let ids: Vec<i64> = if only.is_empty() {
            components().iter().map(|c| c.id).collect()
        } else {
            let mut v: Vec<i64> = only.iter().map(|k| k.0).collect();
            v.dedup();
            v
        };
        let checks: Vec<String> = {
            let mut c: Vec<String> = only.iter().map(|k| k.1.clone()).collect();
            c.sort();
            c.dedup();
            c
        };
        let body = LaunchBody {
            component_ids: ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
            ..b
        };
        checking.set(true);
        check_error.set(None);
        if only.is_empty() {
            results.set(BTreeMap::new());
            acks.set(BTreeSet::new());
        }
        let api = api_p.clone();
        spawn_local(async move {
            let session = match api.gfc_precheck(&body, &checks).await {
                Ok(s) => s,
                Err(f) => {
                    check_error.try_set(Some(f));
                    checking.try_set(false);
                    return;
                }
            };
            let started = js_sys::Date::now();
            let mut backoff = 500;
            // The legacy 500 means "not started yet" only before any status came back.
            let mut seen_any = false;
            while alive.try_get_value().unwrap_or(false) {
                match api.gfc_precheck_status(&session).await {
                    Ok(st) => {
                        seen_any = true;
                        not_ready.try_set(false);
                        check_error.try_set(None);
                        backoff = 500;
                        results.try_update(|r| {
                            for x in st.results {
                                r.insert((x.component_id, x.check_type.clone()), x);
                            }
                        });
                        if st.done {
                            break;
                        }
                        sleep(1000).await;
                    }
                    // A legacy backend answers 500 until its worker wrote the first result.
                    Err(f)
                        if !seen_any
                            && f.status() == Some(500)
                            && js_sys::Date::now() - started < NOT_READY_GRACE_MS =>
                    {
                        not_ready.try_set(true);
                        sleep(backoff).await;
                        backoff = (backoff * 2).min(4000);
                    }
                    // Anything else transient: say so, keep the grid, try again with backoff.
                    Err(f) if f.is_transient() => {
                        not_ready.try_set(false);
                        check_error.try_set(Some(f));
                        sleep(backoff).await;
                        backoff = (backoff * 2).min(30_000);
                    }
                    Err(f) => {
                        not_ready.try_set(false);
                        check_error.try_set(Some(f));
                        break;
                    }
                }
            }
            checking.try_set(false);
        });
    };
    let run_all = run_checks.clone();
    let run_failed = run_checks.clone();
    let verdict = Memo::new(move |_| {
        let r: Vec<CheckResult> = results.get().into_values().collect();
        check_verdict(&r)
    });
    let failed_keys = move || -> Vec<Key> {
        results.with(|r| {
            r.iter()
                .filter(|(_, v)| v.status == CheckStatus::Fail)
                .map(|(k, _)| k.clone())
                .collect()
        })
    };

    // 4. Launch.
    let launch: Launch<String> = Launch::new();
    let dialog = RwSignal::new(false);
    let ready = move || {
        let ack: Vec<Key> = acks.get().into_iter().collect();
        may_launch(&verdict.get(), &ack)
            && problems.with(Vec::is_empty)
            && !checking.get()
            && session.can_operate()
    };
    let api_l = api.clone();
    let on_confirm = Callback::new(move |_: Option<String>| {
        let api = api_l.clone();
        let b = body();
        launch.fire(move || async move { api.gfc_launch(&b).await });
    });
    Effect::new(move |_| {
        if let LaunchState::Launched(sid) = launch.state.get() {
            let ids = components()
                .iter()
                .map(|c| c.id.to_string())
                .collect::<Vec<_>>()
                .join(",");
            let mark = if failover.get_untracked() {
                "failover"
            } else {
                "failback"
            };
            navigate(
                &format!("/components/operations/{sid}?ids={ids}&mark={mark}"),
                Default::default(),
            );
        }
    });
    let mark_word = move || {
        if failover.get() {
            "failover"
        } else {
            "failback"
        }
    };

    let check_columns = move || check_types.data.get().unwrap_or_default();
    let names = move || -> BTreeMap<i64, String> {
        components().into_iter().map(|c| (c.id, c.name)).collect()
    };
    let check_name = move |id: &str| {
        check_columns()
            .into_iter()
            .find(|t| t.id == id)
            .map(|t| t.name)
            .unwrap_or_else(|| id.to_string())
    };

    view! {
        <section class="page gfc">
            <h1>{move || i18n.t(Text::GfcTitle)}</h1>
            <FailureView failure=check_types.error on_retry=Callback::new(move |_| check_types.reload()) busy=check_types.loading />

            <h2>"1. "{move || i18n.t(Text::GfcStepComponents)}</h2>
            <form class="gfc-search" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); search(); }>
                <label for="component-ids">{move || i18n.t(Text::GfcIdsLabel)}</label>
                <textarea id="component-ids" rows="2" prop:value=move || ids_text.get()
                    on:input=move |ev| ids_text.set(event_target_value(&ev)) placeholder="7922, 7923 7924"></textarea>
                <p class="hint">{move || i18n.t(Text::GfcIdsHint)}</p>
                <button class="btn" type="submit" disabled=move || searching.get()>{move || i18n.t(Text::GfcSearch)}</button>
            </form>
            <FailureView failure=search_error />
            {move || {
                let mut missing = found.get().map(|r| r.not_found).unwrap_or_default();
                missing.extend(bad_tokens.get());
                missing.dedup();
                (!missing.is_empty()).then(|| view! { <p class="form-error" role="alert" data-testid="not-found">{i18n.f(Text::GfcNotFound, &[&missing.join(", ")])}</p> })
            }}
            {move || (!components().is_empty()).then(|| view! {
                <table class="grid" data-testid="components">
                    <thead><tr>
                        <th scope="col">{i18n.t(Text::ColId)}</th>
                        <th scope="col">{i18n.t(Text::ColName)}</th>
                        <th scope="col">{i18n.t(Text::GfcService)}</th>
                        <th scope="col">{i18n.t(Text::GfcDataCenters)}</th>
                        <th scope="col">{i18n.t(Text::GfcState)}</th>
                        <th scope="col">{i18n.t(Text::GfcTicket)}</th>
                    </tr></thead>
                    <tbody>{components().into_iter().map(|c: Component| {
                        let id = c.id;
                        view! {
                            <tr data-testid="component-row">
                                <td>{c.id}</td>
                                <td>{c.name.clone()}</td>
                                <td>{c.service.clone()}</td>
                                <td>{format!("{} ⇄ {}", c.data_center, c.peer_data_center)}</td>
                                <td data-testid="component-state">{i18n.t(state_text(&c.state))}" "<code>{c.state.as_wire().to_string()}</code></td>
                                <td><input class="ticket" aria-label=format!("ticket {id}") prop:value=move || tickets.get().get(&id).cloned().unwrap_or_default()
                                    on:input=move |ev| { let v = event_target_value(&ev); tickets.update(|t| { t.insert(id, v); }); } /></td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
            })}
            {error_for("componentIDs")}

            <h2>"2. "{move || i18n.t(Text::GfcStepForm)}</h2>
            <div class="gfc-form">
                <fieldset class="mark">
                    <legend>{move || i18n.t(Text::GfcDirection)}</legend>
                    <label class="check"><input type="radio" name="mark" prop:checked=move || failover.get() on:change=move |_| failover.set(true) />{move || i18n.t(Text::GfcFailover)}</label>
                    <label class="check"><input type="radio" name="mark" prop:checked=move || !failover.get() on:change=move |_| failover.set(false) />{move || i18n.t(Text::GfcFailback)}</label>
                </fieldset>
                <label for="reason">{move || i18n.t(Text::GfcReason)}</label>
                <textarea id="reason" rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))
                    aria-invalid=move || (show_errors.get() && problems.with(|p| p.iter().any(|i| i.field == "reason"))).to_string()></textarea>
                {error_for("reason")}
                <Show when=move || failover.get()>
                    <label for="failback-time">{move || i18n.t(Text::GfcFailbackTime)}</label>
                    <input id="failback-time" type="datetime-local" prop:value=move || failback_local.get() on:input=move |ev| failback_local.set(event_target_value(&ev)) />
                    <p class="hint" data-testid="failback-utc">{move || match failback_ms() {
                        Some(ms) => i18n.f(Text::GfcFailbackHint, &[&format_failback_time(ms)]),
                        None => i18n.t(Text::GfcFailbackZone).to_string(),
                    }}</p>
                    {error_for("estFailbackTime")}
                </Show>
                <label for="dc-name">{move || i18n.t(Text::GfcDcName)}</label>
                <input id="dc-name" prop:value=move || dc_name.get() on:input=move |ev| dc_name.set(event_target_value(&ev)) />
                <p class="hint">{move || i18n.t(Text::GfcDcHint)}</p>
                <fieldset class="options">
                    <legend>{move || i18n.t(Text::GfcOptions)}</legend>
                    {[
                        (maintain, Text::GfcOptMaintain, Text::GfcOptMaintainHelp),
                        (pool_health, Text::GfcOptPool, Text::GfcOptPoolHelp),
                        (svta, Text::GfcOptSvta, Text::GfcOptSvtaHelp),
                        (mct, Text::GfcOptMct, Text::GfcOptMctHelp),
                        (dc_fail_out, Text::GfcOptDcOut, Text::GfcOptDcOutHelp),
                    ].into_iter().map(|(sig, label, help)| view! {
                        <label class="check"><input type="checkbox" prop:checked=move || sig.get() on:change=move |ev| sig.set(event_target_checked(&ev)) />
                            <span><b>{move || i18n.t(label)}</b><br /><span class="hint">{move || i18n.t(help)}</span></span></label>
                    }).collect_view()}
                </fieldset>
                {error_for("woInfo")}
            </div>

            <h2>"3. "{move || i18n.t(Text::GfcStepChecks)}</h2>
            <div class="toolbar">
                <button class="btn" data-testid="run-checks" disabled=move || checking.get() || components().is_empty()
                    on:click=move |_| { show_errors.set(true); run_all(Vec::new()); }>{move || i18n.t(Text::GfcRunChecks)}</button>
                <button class="btn" data-testid="rerun-failed" disabled=move || checking.get() || failed_keys().is_empty()
                    on:click=move |_| run_failed(failed_keys())>{move || i18n.t(Text::GfcRerunFailed)}</button>
                {move || checking.get().then(|| view! { <span class="loading">{i18n.t(Text::RunningPrecheck)}</span> })}
                {move || not_ready.get().then(|| view! { <span class="stale" data-testid="not-ready">{i18n.t(Text::GfcNotReady)}</span> })}
            </div>
            <FailureView failure=check_error />
            {move || (!results.with(BTreeMap::is_empty)).then(|| {
                let cols = check_columns();
                view! {
                    <div class="grid-scroll">
                    <table class="grid check-grid" data-testid="check-grid">
                        <thead><tr>
                            <th scope="col">{i18n.t(Text::GfcComponent)}</th>
                            {cols.iter().map(|t| view! { <th scope="col" title=t.description.clone()>{t.name.trim_end_matches(" Check").to_string()}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>{components().into_iter().map(|c| {
                            let cols = cols.clone();
                            view! {
                                <tr data-testid="check-row">
                                    <th scope="row">{format!("{} ({})", c.name, c.id)}</th>
                                    {cols.into_iter().map(|t| {
                                        let key = (c.id, t.id.clone());
                                        move || {
                                            let r = results.with(|m| m.get(&key).cloned());
                                            match r {
                                                Some(r) => {
                                                    let (icon, slug, text) = check_look(&r.status);
                                                    view! { <td class=format!("cell node-{slug}") title=r.message.clone() data-check=key.1.clone()>{icon}" "{i18n.t(text)}</td> }.into_any()
                                                }
                                                None => view! { <td class="cell muted">"—"</td> }.into_any(),
                                            }
                                        }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}</tbody>
                    </table>
                    </div>
                }
            })}
            {move || {
                let r = results.get();
                let n = names();
                let fails: Vec<CheckResult> = r.values().filter(|x| x.status == CheckStatus::Fail).cloned().collect();
                let warns: Vec<CheckResult> = r.values().filter(|x| x.status == CheckStatus::Warn).cloned().collect();
                view! {
                    {(!fails.is_empty()).then(|| view! {
                        <section class="findings findings-blocking" data-testid="gfc-failures">
                            <h3>{i18n.t(Text::GfcFailures)}</h3>
                            <ul>{fails.into_iter().map(|f| view! {
                                <li><b>{n.get(&f.component_id).cloned().unwrap_or_default()}</b>" · "{check_name(&f.check_type)}": "{f.message.clone()}</li>
                            }).collect_view()}</ul>
                        </section>
                    })}
                    {(!warns.is_empty()).then(|| view! {
                        <section class="findings findings-warnings" data-testid="gfc-warnings">
                            <h3>{i18n.t(Text::GfcWarnings)}</h3>
                            {warns.into_iter().map(|w| {
                                let key: Key = (w.component_id, w.check_type.clone());
                                let k2 = key.clone();
                                view! {
                                    <label class="check">
                                        <input type="checkbox" prop:checked=move || acks.get().contains(&key)
                                            on:change=move |ev| { let on = event_target_checked(&ev); let k = k2.clone(); acks.update(|a| { if on { a.insert(k); } else { a.remove(&k); } }); } />
                                        <span>{i18n.f(Text::GfcAcknowledge, &[&format!("{} · {}: {}", n.get(&w.component_id).cloned().unwrap_or_default(), check_name(&w.check_type), w.message)])}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </section>
                    })}
                }
            }}

            <h2>"4. "{move || i18n.t(Text::GfcStepLaunch)}</h2>
            <div class="launch-bar">
                <ViewerNotice />
                {move || {
                    let v = verdict.get();
                    let hint = if results.with(BTreeMap::is_empty) { Some(Text::GfcHintRunChecks) }
                        else if !v.finished { Some(Text::GfcHintWait) }
                        else if v.failures > 0 { Some(Text::GfcHintFailures) }
                        else if !problems.with(Vec::is_empty) { Some(Text::GfcHintForm) }
                        else if v.warnings.iter().any(|w| !acks.get().contains(w)) { Some(Text::GfcHintAck) }
                        else { None };
                    hint.map(|h| view! { <p class="hint" data-testid="launch-hint">{i18n.t(h)}</p> })
                }}
                <button class="btn btn-danger" data-testid="launch" disabled=move || !ready() on:click=move |_| dialog.set(true)>
                    {move || if failover.get() { i18n.t(Text::GfcLaunchFailover) } else { i18n.t(Text::GfcLaunchFailback) }}
                </button>
            </div>
            {move || dialog.get().then(|| {
                let list = components().iter().map(|c| format!("{} ({})", c.name, c.id)).collect::<Vec<_>>().join(", ");
                let consequence = Signal::derive(move || {
                    if failover.get() { i18n.f(Text::GfcConsequenceFailover, &[&list]) } else { i18n.f(Text::GfcConsequenceFailback, &[&list]) }
                });
                view! {
                    <ConfirmDialog
                        title=i18n.f(Text::GfcConfirmTitle, &[mark_word(), &components().len().to_string()])
                        consequence
                        expected=mark_word().to_string()
                        tasks_href="/components".to_string()
                        launch
                        on_confirm
                        on_cancel=Callback::new(move |_| dialog.set(false))
                    />
                }
            })}
        </section>
    }
}
