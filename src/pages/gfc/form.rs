//! Step 2: direction and details: which way the components move, the reason, the estimated
//! failback time (picked in local time, sent in UTC), the data center and the options. The
//! page holds the fields (`Details`), as the checks and the launch send what they say.

use crate::i18n::use_i18n;
use console_core::gfc::{format_failback_time, Component, Direction, Invalid, LaunchBody};
use console_core::i18n::Text;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

/// The form's fields.
#[derive(Clone, Copy)]
pub struct Details {
    pub direction: RwSignal<Direction>,
    pub reason: RwSignal<String>,
    /// As the `datetime-local` input gives it: the operator's local time.
    pub failback_local: RwSignal<String>,
    pub dc_name: RwSignal<String>,
    pub maintain: RwSignal<bool>,
    pub pool_health: RwSignal<bool>,
    pub svta: RwSignal<bool>,
    pub mct: RwSignal<bool>,
    pub dc_fail_out: RwSignal<bool>,
}

impl Details {
    pub fn new() -> Details {
        Details {
            direction: RwSignal::new(Direction::Failover),
            reason: RwSignal::new(String::new()),
            failback_local: RwSignal::new(String::new()),
            dc_name: RwSignal::new(String::new()),
            maintain: RwSignal::new(false),
            pool_health: RwSignal::new(true),
            svta: RwSignal::new(true),
            mct: RwSignal::new(false),
            dc_fail_out: RwSignal::new(false),
        }
    }

    /// The failback time in ms since the epoch (UTC), if one was picked.
    pub fn failback_ms(&self) -> Option<i64> {
        let v = self.failback_local.get();
        if v.is_empty() {
            return None;
        }
        let ms = js_sys::Date::new(&JsValue::from_str(&v)).get_time();
        ms.is_finite().then_some(ms as i64)
    }

    /// What the checks and the launch send for these components and tickets.
    pub fn body(
        &self,
        user: String,
        components: &[Component],
        tickets: &BTreeMap<i64, String>,
    ) -> LaunchBody {
        let direction = self.direction.get();
        let ids: Vec<String> = components.iter().map(|c| c.id.to_string()).collect();
        let wo: BTreeMap<String, String> = tickets
            .iter()
            .filter(|(id, t)| !t.trim().is_empty() && ids.contains(&id.to_string()))
            .map(|(id, t)| (id.to_string(), t.trim().to_string()))
            .collect();
        LaunchBody {
            user_name: user,
            component_ids: ids.join(","),
            dc_name: self.dc_name.get().trim().to_string(),
            est_failback_time: match direction {
                Direction::Failover => self
                    .failback_ms()
                    .map(format_failback_time)
                    .unwrap_or_default(),
                Direction::Failback => String::new(),
            },
            is_dc_fail_out: self.dc_fail_out.get(),
            is_maintain: i64::from(self.maintain.get()),
            is_mct: i64::from(self.mct.get()),
            is_pool_health_check: i64::from(self.pool_health.get()),
            is_svta: i64::from(self.svta.get()),
            is_failover: direction.flag(),
            plan_id: -1,
            plan_type: 1,
            reason: self.reason.get().trim().to_string(),
            wo_info: if wo.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&wo).unwrap_or_default()
            },
        }
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

/// The first problem with `field`, in words, once errors are shown.
#[component]
pub fn FieldError(
    field: &'static str,
    #[prop(into)] problems: Signal<Vec<Invalid>>,
    #[prop(into)] show: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        if !show.get() {
            return None;
        }
        problems.with(|p| p.iter().find(|i| i.field == field).map(|i| {
            view! { <p class="field-error" id=format!("{field}-error") data-testid=format!("error-{field}")>{i18n.t(field_text(i))}</p> }
        }))
    }
}

#[component]
pub fn DetailsForm(
    details: Details,
    #[prop(into)] problems: Signal<Vec<Invalid>>,
    #[prop(into)] show_errors: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Details {
        direction,
        reason,
        failback_local,
        dc_name,
        ..
    } = details;
    let failover = move || direction.get() == Direction::Failover;
    let reason_invalid =
        move || show_errors.get() && problems.with(|p| p.iter().any(|i| i.field == "reason"));
    view! {
        <h2>"2. "{i18n.tr(Text::GfcStepForm)}</h2>
        <div class="gfc-form">
            <fieldset class="mark">
                <legend>{i18n.tr(Text::GfcDirection)}</legend>
                <label class="check"><input type="radio" name="mark" prop:checked=failover on:change=move |_| direction.set(Direction::Failover) />{i18n.tr(Text::GfcFailover)}</label>
                <label class="check"><input type="radio" name="mark" prop:checked=move || !failover() on:change=move |_| direction.set(Direction::Failback) />{i18n.tr(Text::GfcFailback)}</label>
            </fieldset>
            <label for="reason">{i18n.tr(Text::GfcReason)}</label>
            <textarea id="reason" rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))
                aria-invalid=move || reason_invalid().to_string()></textarea>
            <FieldError field="reason" problems show=show_errors />
            <Show when=failover>
                <label for="failback-time">{i18n.tr(Text::GfcFailbackTime)}</label>
                <input id="failback-time" type="datetime-local" prop:value=move || failback_local.get() on:input=move |ev| failback_local.set(event_target_value(&ev)) />
                <p class="hint" data-testid="failback-utc">{move || match details.failback_ms() {
                    Some(ms) => i18n.f(Text::GfcFailbackHint, &[&format_failback_time(ms)]),
                    None => i18n.t(Text::GfcFailbackZone).to_string(),
                }}</p>
                <FieldError field="estFailbackTime" problems show=show_errors />
            </Show>
            <label for="dc-name">{i18n.tr(Text::GfcDcName)}</label>
            <input id="dc-name" prop:value=move || dc_name.get() on:input=move |ev| dc_name.set(event_target_value(&ev)) />
            <p class="hint">{i18n.tr(Text::GfcDcHint)}</p>
            <fieldset class="options">
                <legend>{i18n.tr(Text::GfcOptions)}</legend>
                {[
                    (details.maintain, Text::GfcOptMaintain, Text::GfcOptMaintainHelp),
                    (details.pool_health, Text::GfcOptPool, Text::GfcOptPoolHelp),
                    (details.svta, Text::GfcOptSvta, Text::GfcOptSvtaHelp),
                    (details.mct, Text::GfcOptMct, Text::GfcOptMctHelp),
                    (details.dc_fail_out, Text::GfcOptDcOut, Text::GfcOptDcOutHelp),
                ].into_iter().map(|(sig, label, help)| view! {
                    <label class="check"><input type="checkbox" prop:checked=move || sig.get() on:change=move |ev| sig.set(event_target_checked(&ev)) />
                        <span><b>{i18n.tr(label)}</b><br /><span class="hint">{i18n.tr(help)}</span></span></label>
                }).collect_view()}
            </fieldset>
            <FieldError field="woInfo" problems show=show_errors />
        </div>
    }
}
