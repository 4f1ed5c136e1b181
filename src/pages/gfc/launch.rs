//! Step 4: acknowledge each warning, then launch behind a type-the-direction confirmation, sent
//! once (`hooks/launch.rs`); a launch that started opens its operations. Whether it may go ahead
//! is `console_core::gfc::may_launch`'s to say.

use super::{check_name, component_name, Key};
use crate::api::use_api;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::hooks::launch::{Launch, LaunchState};
use crate::i18n::use_i18n;
use crate::session::use_session;
use console_core::gfc::recent::{RecentComponent, RecentSession};
use console_core::gfc::{
    check_verdict, may_launch, CheckResult, CheckStatus, CheckType, Component, Direction,
    LaunchBody,
};
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::{BTreeMap, BTreeSet};

#[component]
pub fn LaunchStep(
    #[prop(into)] components: Signal<Vec<Component>>,
    #[prop(into)] direction: Signal<Direction>,
    /// What is launched.
    #[prop(into)]
    body: Signal<LaunchBody>,
    /// The form is valid.
    #[prop(into)]
    form_ok: Signal<bool>,
    #[prop(into)] results: Signal<BTreeMap<Key, CheckResult>>,
    #[prop(into)] checking: Signal<bool>,
    #[prop(into)] columns: Signal<Vec<CheckType>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let session = use_session();
    let navigate = use_navigate();
    let acks = RwSignal::new(BTreeSet::<Key>::new());
    // A full run starts from an empty grid: what was acknowledged before is asked again.
    Effect::new(move |_| {
        if results.with(BTreeMap::is_empty) {
            acks.set(BTreeSet::new());
        }
    });
    let verdict = Memo::new(move |_| {
        results.with(|r| check_verdict(&r.values().cloned().collect::<Vec<_>>()))
    });
    let acknowledged = move || acks.with(|a| a.iter().cloned().collect::<Vec<Key>>());
    let ready = move || {
        may_launch(&verdict.get(), &acknowledged())
            && form_ok.get()
            && !checking.get()
            && session.can_operate()
    };
    let hint = move || {
        let v = verdict.get();
        if results.with(BTreeMap::is_empty) {
            Some(Text::GfcHintRunChecks)
        } else if !may_launch(&v, &v.warnings) {
            // The checks alone block it, whatever is acknowledged.
            Some(if v.finished {
                Text::GfcHintFailures
            } else {
                Text::GfcHintWait
            })
        } else if !form_ok.get() {
            Some(Text::GfcHintForm)
        } else if !may_launch(&v, &acknowledged()) {
            Some(Text::GfcHintAck)
        } else {
            None
        }
    };

    let launch: Launch<String> = Launch::new();
    let dialog = RwSignal::new(false);
    let api_l = api.clone();
    let on_confirm = Callback::new(move |_: crate::components::confirm_dialog::Confirmed| {
        let api = api_l.clone();
        let b = body.get_untracked();
        launch.fire(move || async move { api.gfc_launch(&b).await });
    });
    Effect::new(move |_| {
        if let LaunchState::Launched(sid) = launch.state.get() {
            // Kept in this browser first, so the operator can come back to it from the
            // section's first page after navigating away.
            let launched = RecentSession {
                session_id: sid,
                launched_ms: Some(js_sys::Date::now() as i64),
                direction: direction.get_untracked(),
                components: components.with_untracked(|c| {
                    c.iter()
                        .map(|c| RecentComponent {
                            id: c.id,
                            name: c.name.clone(),
                        })
                        .collect()
                }),
            };
            let href = launched.operations_href();
            super::recent::remember(&api.base(), launched);
            navigate(&href, Default::default());
        }
    });

    view! {
        {move || {
            let warns: Vec<CheckResult> = results.with(|r| r.values().filter(|x| x.status == CheckStatus::Warn).cloned().collect());
            (!warns.is_empty()).then(|| view! {
                <section class="findings findings-warnings" data-testid="gfc-warnings">
                    <h3>{i18n.t(Text::GfcWarnings)}</h3>
                    {warns.into_iter().map(|w| {
                        let key: Key = (w.component_id, w.check_type.clone());
                        let k2 = key.clone();
                        let what = format!("{} · {}: {}", component_name(&components.get(), w.component_id), check_name(&columns.get(), &w.check_type), w.message);
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || acks.with(|a| a.contains(&key))
                                    on:change=move |ev| { let on = event_target_checked(&ev); let k = k2.clone(); acks.update(|a| { if on { a.insert(k); } else { a.remove(&k); } }); } />
                                <span>{i18n.f(Text::GfcAcknowledge, &[&what])}</span>
                            </label>
                        }
                    }).collect_view()}
                </section>
            })
        }}

        <h2>"4. "{i18n.tr(Text::GfcStepLaunch)}</h2>
        <div class="launch-bar">
            {move || hint().map(|h| view! { <p class="hint" data-testid="launch-hint">{i18n.t(h)}</p> })}
            <button class="btn btn-danger" data-testid="launch" disabled=move || !ready() on:click=move |_| dialog.set(true)>
                {move || match direction.get() { Direction::Failover => i18n.t(Text::GfcLaunchFailover), Direction::Failback => i18n.t(Text::GfcLaunchFailback) }}
            </button>
        </div>
        {move || dialog.get().then(|| {
            let d = direction.get();
            let word = d.word(i18n.lang.get_untracked());
            let (count, list) = components.with(|c| (c.len(), c.iter().map(|c| format!("{} ({})", c.name, c.id)).collect::<Vec<_>>().join(", ")));
            let consequence = Signal::derive(move || match direction.get() {
                Direction::Failover => i18n.f(Text::GfcConsequenceFailover, &[&list]),
                Direction::Failback => i18n.f(Text::GfcConsequenceFailback, &[&list]),
            });
            view! {
                <ConfirmDialog
                    title=i18n.f(Text::GfcConfirmTitle, &[word, &count.to_string()])
                    consequence
                    expected=word.to_string()
                    tasks_href="/components".to_string()
                    launch
                    on_confirm
                    on_cancel=Callback::new(move |_| dialog.set(false))
                />
            }
        })}
    }
}
