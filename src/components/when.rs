//! Times, ages and durations on screen, through `console_core::time::human`. A time reads in
//! the operator's zone, named ("13:52:17 today (UTC+8)"), with the exact ISO time on hover; a
//! time that cannot be read is shown as sent, marked, never guessed.

use crate::config::ocp_zone;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::time::{self, human, Instant, Offset};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The browser's offset at `t`: `getTimezoneOffset` of that date, so a time in summer reads at
/// summer time even when read in winter. UTC if the browser gives something odd.
pub fn local_offset(t: Instant) -> Offset {
    let west = js_sys::Date::new(&JsValue::from_f64(t.epoch_ms as f64)).get_timezone_offset();
    if !west.is_finite() {
        return Offset::UTC;
    }
    // Historic local mean times have fractional minutes; the label names whole ones.
    Offset::from_minutes(-(west.round() as i32)).unwrap_or(Offset::UTC)
}

/// The browser's zone now, for a table header that names it once for its cells.
pub fn local_zone_now() -> Offset {
    local_offset(Instant::from_epoch_ms(js_sys::Date::now() as i64))
}

/// A time as OCP or GFC sent it (`None` or blank: nothing shown).
#[component]
pub fn When(
    #[prop(into)] raw: Signal<Option<String>>,
    /// Now, ms since the epoch: the page's ticker (on the task page corrected to OCP's clock).
    #[prop(into)]
    now: Signal<i64>,
    /// The zone of a time sent without one: OCP's configured zone unless given (GFC: UTC).
    #[prop(optional)]
    assumed: Option<Offset>,
    /// A table header already names this zone: a cell names its own only if it differs.
    #[prop(optional)]
    header_zone: Option<Offset>,
    /// Also say how long ago it was ("· 3 min ago").
    #[prop(optional)]
    age: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let assumed = assumed.unwrap_or_else(ocp_zone);
    let parsed = Memo::new(move |_| {
        raw.get()
            .filter(|r| !r.trim().is_empty())
            .map(|r| (time::parse(&r, assumed).ok(), r))
    });
    move || {
        parsed.get().map(|(p, r)| match p {
            Some(p) => {
                let exact = human::exact(&p);
                let offset = local_offset(p.instant);
                let text = move || {
                    let (lang, now) = (i18n.lang.get(), Instant::from_epoch_ms(now.get()));
                    if header_zone == Some(offset) {
                        human::when(p.instant, now, offset, lang)
                    } else {
                        human::when_zoned(p.instant, now, offset, lang)
                    }
                };
                let ago = move || {
                    let now = Instant::from_epoch_ms(now.get());
                    format!(" · {}", human::age(p.instant, now, i18n.lang.get()))
                };
                view! {
                    <time datetime=exact.clone() title=exact data-testid="time">
                        {text}
                        {age.then(|| view! { <span class="age" data-testid="age">{ago}</span> })}
                    </time>
                }
                .into_any()
            }
            None => {
                let shown = r.clone();
                let label = move || i18n.f(Text::UnreadableValue, &[&r]);
                view! {
                    <span class="word unreadable-time" data-testid="unreadable-time" title=label>
                        {shown}" "<small class="marker">"("{i18n.tr(Text::UnreadableTime)}")"</small>
                    </span>
                }
                .into_any()
            }
        })
    }
}

/// When the result on screen was obtained: "Checked 13:52:17 today (UTC+8) · 3 min ago", the
/// age kept current by the page's ticker. Nothing until there is a result.
#[component]
pub fn CheckedAt(
    /// ms since the epoch (`Load::loaded_at`).
    #[prop(into)]
    at: Signal<Option<i64>>,
    #[prop(into)] now: Signal<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let raw = Signal::derive(move || at.get().map(|ms| Instant::from_epoch_ms(ms).to_iso()));
    move || {
        at.get().is_some().then(|| {
            view! {
                <p class="checked-at muted" data-testid="checked-at">
                    {i18n.tr(Text::PrecheckCheckedAt)}" "
                    <When raw now assumed=Offset::UTC age=true />
                </p>
            }
        })
    }
}
