use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::present;
use leptos::prelude::*;

#[component]
pub fn Legend() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="legend" aria-label=i18n.tr(Text::AriaLegend)>
            {present::SUBTASK_STATES.iter().map(|s| {
                let (icon, slug, text) = present::subtask_status(Some(s)).parts();
                view! { <li class=format!("legend-item node-{slug}")><span class="swatch">{icon}</span>{i18n.tr(text)}</li> }
            }).collect_view()}
            <li class="legend-item"><span class="swatch overdue-swatch">"⚠"</span>{i18n.tr(Text::LegendOverdue)}</li>
            <li class="legend-item"><span class="swatch">"⊘"</span>{i18n.tr(Text::LegendNoRollback)}</li>
            <li class="legend-item" data-testid="legend-critical"><span class="swatch critical-swatch"></span>{i18n.tr(Text::LegendCritical)}</li>
        </ul>
    }
}
