//! The task list's filter controls: status (any of three), kind, creator and a range of days.
//! They only propose a new `ListFilter`; the page puts it in the URL, which is the one place the
//! filter lives (a reload or a shared link keeps it). Rules are in `console_core::task::list`.

use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::present;
use console_core::task::list::{Day, ListFilter, KINDS, STATUSES};
use console_core::wire::TaskStatus;
use leptos::prelude::*;

#[component]
pub fn TaskFilters(
    #[prop(into)] filter: Signal<ListFilter>,
    /// Creators seen among the loaded tasks, offered as suggestions.
    #[prop(into)]
    creators: Signal<Vec<String>>,
    on_change: Callback<ListFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let change = move |edit: &dyn Fn(&mut ListFilter)| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        on_change.run(f);
    };
    let statuses = STATUSES
        .iter()
        .map(|&wire| {
            let look = present::task_status(Some(&TaskStatus::from_wire(wire)));
            let checked = move || filter.with(|f| f.statuses.iter().any(|s| s == wire));
            view! {
                <label class="check">
                    <input type="checkbox" data-testid=format!("filter-status-{wire}") prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            change(&|f| {
                                f.statuses.retain(|s| s != wire);
                                if on {
                                    f.statuses.push(wire.to_string());
                                }
                            });
                        } />
                    " "{i18n.tr(look.text)}
                </label>
            }
        })
        .collect_view();
    // A kind from a shared link that is not one of ours is still offered, as typed.
    let other_kind = move || {
        filter
            .get()
            .name
            .filter(|n| !KINDS.iter().any(|(k, _)| k == n))
    };
    let day_input = move |testid: &'static str,
                          label: Text,
                          get: fn(&ListFilter) -> Option<Day>,
                          set: fn(&mut ListFilter, Option<Day>)| {
        view! {
            <label>{i18n.tr(label)}" "
                <input type="date" data-testid=testid prop:value=move || filter.with(|f| get(f).map(Day::to_wire).unwrap_or_default())
                    on:change=move |ev| {
                        let day = Day::parse(&event_target_value(&ev));
                        change(&|f| set(f, day));
                    } />
            </label>
        }
    };
    view! {
        <div class="toolbar task-filters">
            <fieldset class="inline">
                <legend>{i18n.tr(Text::FilterStatus)}</legend>
                {statuses}
            </fieldset>
            <label>{i18n.tr(Text::FilterKind)}" "
                <select data-testid="filter-kind" prop:value=move || filter.get().name.unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(&|f| f.name = (!v.is_empty()).then(|| v.clone()));
                    }>
                    <option value="">{i18n.tr(Text::FilterAllKinds)}</option>
                    {KINDS.iter().map(|&(name, label)| view! { <option value=name>{i18n.tr(label)}</option> }).collect_view()}
                    {move || other_kind().map(|n| view! { <option value=n.clone()>{n.clone()}</option> })}
                </select>
            </label>
            <label>{i18n.tr(Text::FilterCreator)}" "
                <input type="text" list="task-creators" size="12" data-testid="filter-creator"
                    prop:value=move || filter.get().creator.unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().to_string();
                        change(&|f| f.creator = (!v.is_empty()).then(|| v.clone()));
                    } />
                <datalist id="task-creators">
                    {move || creators.get().into_iter().map(|c| view! { <option value=c /> }).collect_view()}
                </datalist>
            </label>
            {day_input("filter-from", Text::FilterFrom, |f| f.from, |f, d| f.from = d)}
            {day_input("filter-to", Text::FilterTo, |f| f.to, |f, d| f.to = d)}
        </div>
    }
}
