//! The ledger's filter controls: cluster and tenant (among those the ledger holds), kind,
//! result, objective verdict and a range of launch days. They only propose a new
//! `LedgerFilter`; the page puts it in the URL (`console_core::drill::filter`).

use crate::i18n::use_i18n;
use console_core::drill::filter::{LedgerFilter, ObjectiveFilter};
use console_core::drill::ledger::{DrillKind, Outcome};
use console_core::drill::words;
use console_core::i18n::Text;
use console_core::task::list::Day;
use leptos::prelude::*;

#[component]
pub(crate) fn LedgerFilters(
    #[prop(into)] filter: Signal<LedgerFilter>,
    /// Clusters and tenants the ledger holds, offered in the selects.
    #[prop(into)]
    clusters: Signal<Vec<String>>,
    #[prop(into)] tenants: Signal<Vec<String>>,
    on_change: Callback<LedgerFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let change = move |edit: &dyn Fn(&mut LedgerFilter)| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        on_change.run(f);
    };
    // A name from a shared link that this ledger does not hold is still offered, as typed.
    let names = move |list: Signal<Vec<String>>, chosen: Option<String>| {
        let mut all = list.get();
        if let Some(c) = chosen.filter(|c| !all.contains(c)) {
            all.push(c);
        }
        all.into_iter()
            .map(|n| view! { <option value=n.clone()>{n.clone()}</option> })
            .collect_view()
    };
    let any = move || i18n.t(Text::DrillFilterAny);
    let day_input = move |testid: &'static str,
                          label: Text,
                          get: fn(&LedgerFilter) -> Option<Day>,
                          set: fn(&mut LedgerFilter, Option<Day>)| {
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
        <div class="toolbar task-filters" data-testid="ledger-filters">
            <label>{i18n.tr(Text::ColCluster)}" "
                <select data-testid="ledger-cluster" prop:value=move || filter.get().cluster.unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(&|f| f.cluster = (!v.is_empty()).then(|| v.clone()));
                    }>
                    <option value="">{any}</option>
                    {move || names(clusters, filter.get().cluster)}
                </select>
            </label>
            <label>{i18n.tr(Text::ColTenant)}" "
                <select data-testid="ledger-tenant" prop:value=move || filter.get().tenant.unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(&|f| f.tenant = (!v.is_empty()).then(|| v.clone()));
                    }>
                    <option value="">{any}</option>
                    {move || names(tenants, filter.get().tenant)}
                </select>
            </label>
            <label>{i18n.tr(Text::FilterKind)}" "
                <select data-testid="ledger-kind" prop:value=move || filter.get().kind.map(DrillKind::as_str).unwrap_or_default()
                    on:change=move |ev| {
                        let v = DrillKind::parse(&event_target_value(&ev));
                        change(&|f| f.kind = v);
                    }>
                    <option value="">{any}</option>
                    {DrillKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str()>{move || words::kind(k, i18n.lang.get())}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{i18n.tr(Text::DrillFilterResult)}" "
                <select data-testid="ledger-result" prop:value=move || filter.get().outcome.map(Outcome::as_str).unwrap_or_default()
                    on:change=move |ev| {
                        let v = Outcome::parse(&event_target_value(&ev));
                        change(&|f| f.outcome = v);
                    }>
                    <option value="">{any}</option>
                    {Outcome::ALL.into_iter().map(|o| view! {
                        <option value=o.as_str()>{move || words::outcome(o, i18n.lang.get())}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{i18n.tr(Text::DrillFilterObjective)}" "
                <select data-testid="ledger-objective" prop:value=move || filter.get().objective.map(ObjectiveFilter::as_str).unwrap_or_default()
                    on:change=move |ev| {
                        let v = ObjectiveFilter::parse(&event_target_value(&ev));
                        change(&|f| f.objective = v);
                    }>
                    <option value="">{any}</option>
                    <option value="met">{i18n.tr(Text::DrillFilterObjMet)}</option>
                    <option value="missed">{i18n.tr(Text::DrillFilterObjMissed)}</option>
                    <option value="none">{i18n.tr(Text::DrillFilterObjNone)}</option>
                </select>
            </label>
            {day_input("ledger-from", Text::DrillFilterFrom, |f| f.from, |f, d| f.from = d)}
            {day_input("ledger-to", Text::FilterTo, |f| f.to, |f, d| f.to = d)}
        </div>
    }
}
