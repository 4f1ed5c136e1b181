//! Batch failover: every standby tenant of a cluster prechecked in one table, sorted and
//! filtered by verdict and error code; the passing ones selected and failed over together. The
//! flow is `hooks::dr_launch`'s; this page gives the batch's calls, words, table and selection.

use crate::api::Api;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::failure_view::FailureView;
use crate::components::launch_bar::{AfterLaunch, Confirmation, LaunchBar};
use crate::components::unreadable::Unreadable;
use crate::components::verdict::{finding_text, verdict_word};
use crate::components::viewer_notice::ViewerNotice;
use crate::components::when::CheckedAt;
use crate::hooks::cluster::use_cluster;
use crate::hooks::dr_launch::use_dr_launch;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use console_core::i18n::Text;
use console_core::precheck::verdict::{
    batch_codes, batch_view, summarize_batch, BatchFilter, BatchSort, Summary, Verdict,
};
use console_core::present;
use console_core::present::crumbs::{trail, Place};
use console_core::task::list::ListFilter;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeSet;

#[component]
pub fn BatchFailoverPage() -> impl IntoView {
    let params = use_params_map();
    let cluster = Memo::new(move |_| params.read().get("id").and_then(|v| v.parse::<i64>().ok()));
    move || match cluster.get() {
        Some(cluster) => view! { <BatchFailover cluster /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

fn tenant_id(s: &Summary) -> Option<i64> {
    s.tenant_id.map(|l| l.0)
}

#[component]
fn BatchFailover(cluster: i64) -> impl IntoView {
    let i18n = use_i18n();
    let (detail, cluster_name) = use_cluster(cluster);
    let name = move || cluster_name.get();
    use_title(move || i18n.f(Text::BatchTitle, &[&name()]));
    let flow = use_dr_launch(move |api: Api| async move {
        let page = api.batch_failover_precheck(cluster).await?;
        Ok(summarize_batch(&page))
    });
    let precheck = flow.precheck;
    let verdict_filter = RwSignal::new(None::<Verdict>);
    let code_filter = RwSignal::new(None::<String>);
    let sort = RwSignal::new(BatchSort::Verdict);
    let selected = RwSignal::new(BTreeSet::<i64>::new());
    // A re-run may turn a selected tenant blocked: keep only those still passing.
    Effect::new(move |_| {
        if let Some(rows) = precheck.data.get() {
            let passing: BTreeSet<i64> = rows
                .iter()
                .filter(|r| r.verdict == Verdict::Pass)
                .filter_map(tenant_id)
                .collect();
            selected.update(|s| s.retain(|id| passing.contains(id)));
        }
    });
    let rows = move || {
        let all = precheck.data.get().unwrap_or_default();
        let filter = BatchFilter {
            verdict: verdict_filter.get(),
            code: code_filter.get(),
        };
        batch_view(&all, &filter, sort.get())
    };
    let codes = move || batch_codes(&precheck.data.get().unwrap_or_default());
    let select_passing = move |_| {
        let ids: BTreeSet<i64> = precheck
            .data
            .get_untracked()
            .unwrap_or_default()
            .iter()
            .filter(|r| r.verdict == Verdict::Pass)
            .filter_map(tenant_id)
            .collect();
        selected.set(ids);
    };
    // Only what is selected *and* on screen is launched: a selection hidden by a filter is
    // never failed over unseen (the page says how many are hidden).
    let chosen = move || -> Vec<Summary> {
        let sel = selected.get();
        rows()
            .into_iter()
            .filter(|r| tenant_id(r).is_some_and(|id| sel.contains(&id)))
            .collect()
    };
    let hidden_selected = move || selected.get().len().saturating_sub(chosen().len());

    let now = use_ticker();
    let on_confirm = flow.on_confirm(
        // Each task's record gets its own tenant's row as it was on screen.
        move || {
            untrack(chosen)
                .into_iter()
                .filter_map(|s| Some((Some(tenant_id(&s)?), s)))
                .collect()
        },
        move |api, _| {
            let ids: Vec<i64> = untrack(chosen).iter().filter_map(tenant_id).collect();
            async move { api.batch_failover(cluster, ids).await }
        },
    );
    let consequence = Signal::derive(move || {
        let names: Vec<String> = chosen().into_iter().map(|s| s.name).collect();
        format!("{} {}", i18n.t(Text::ConsequenceBatch), names.join(", "))
    });
    let confirmation = Callback::new(move |_: ()| Confirmation {
        title: i18n.f(Text::BatchTitle, &[&name()]),
        expected: name(),
        warnings: chosen()
            .iter()
            .flat_map(|s| {
                s.warnings
                    .iter()
                    .map(move |w| format!("{} — {} {}", s.name, w.code, finding_text(i18n, w)))
            })
            .collect(),
        service_name: None,
    });

    let verdict_cell = move |v: Verdict| {
        let (icon, look, _) = present::verdict(v).parts();
        view! { <span class=format!("verdict-chip {look}") data-verdict=look>{icon}" "{verdict_word(i18n, v)}</span> }
    };

    view! {
        <section class="page">
            <Breadcrumbs trail=move |lang| {
                let name = detail.data.with(|c| c.as_ref().and_then(|c| c.name.clone()));
                trail(&Place::BatchFailover { cluster, name: name.as_deref() }, lang)
            } />
            <h1>{move || i18n.f(Text::BatchTitle, &[&name()])}</h1>
            <ViewerNotice />
            <FailureView failure=detail.error />
            {move || precheck.loading.get().then(|| view! { <p class="loading" data-testid="precheck-running">{i18n.t(Text::RunningPrecheck)}</p> })}
            <FailureView failure=precheck.error on_retry=Callback::new(move |_| precheck.reload()) busy=precheck.loading />
            <CheckedAt at=precheck.loaded_at now />
            <div class="toolbar">
                <label>{i18n.tr(Text::FilterVerdict)}" "
                    <select data-testid="filter-verdict" on:change=move |ev| verdict_filter.set(match event_target_value(&ev).as_str() {
                        "pass" => Some(Verdict::Pass), "blocked" => Some(Verdict::Blocked), "none" => Some(Verdict::NoVerdict), _ => None })>
                        <option value="">{i18n.tr(Text::FilterAll)}</option>
                        <option value="pass">{i18n.tr(Text::VerdictPassShort)}</option>
                        <option value="blocked">{i18n.tr(Text::VerdictBlocked)}</option>
                        <option value="none">{i18n.tr(Text::VerdictNone)}</option>
                    </select>
                </label>
                <label>{i18n.tr(Text::FilterCode)}" "
                    <select data-testid="filter-code" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        code_filter.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="">{i18n.tr(Text::FilterAll)}</option>
                        {move || codes().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>{i18n.tr(Text::SortBy)}" "
                    <select data-testid="sort" on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                        "name" => BatchSort::Name, "errors" => BatchSort::Errors, "warnings" => BatchSort::Warnings, _ => BatchSort::Verdict })>
                        <option value="verdict">{i18n.tr(Text::SortVerdict)}</option>
                        <option value="name">{i18n.tr(Text::SortName)}</option>
                        <option value="errors">{i18n.tr(Text::SortErrors)}</option>
                        <option value="warnings">{i18n.tr(Text::SortWarnings)}</option>
                    </select>
                </label>
                <button class="btn" data-testid="select-passing" on:click=select_passing>{i18n.tr(Text::SelectPassing)}</button>
                <button class="btn" on:click=move |_| selected.set(BTreeSet::new())>{i18n.tr(Text::SelectNone)}</button>
                <button class="btn" data-testid="rerun" disabled=move || precheck.loading.get() on:click=move |_| precheck.reload()>{i18n.tr(Text::RunPrecheck)}</button>
            </div>
            {move || match precheck.data.get() {
                Some(all) if all.is_empty() => Some(view! {
                    <div class="verdict verdict-none" data-testid="verdict" data-verdict="none" role="status">
                        <span class="verdict-icon" aria-hidden="true">"?"</span>
                        <span class="verdict-word">{i18n.t(Text::VerdictNone)}</span>
                    </div>
                    <p class="hint no-verdict" data-testid="no-verdict">{i18n.t(Text::BatchEmpty)}</p>
                }.into_any()),
                Some(_) => {
                    let r = rows();
                    if r.is_empty() {
                        return Some(view! { <p class="empty">{i18n.t(Text::BatchNoMatch)}</p> }.into_any());
                    }
                    Some(view! {
                        <div class="grid-scroll" tabindex="0">
                        <table class="grid">
                            <thead><tr>
                                <th scope="col">{i18n.t(Text::ColSelect)}</th>
                                <th scope="col">{i18n.t(Text::ColName)}</th>
                                <th scope="col">{i18n.t(Text::ColVerdict)}</th>
                                <th scope="col" class="num">{i18n.t(Text::ColErrors)}</th>
                                <th scope="col" class="num">{i18n.t(Text::ColWarnings)}</th>
                                <th scope="col">{i18n.t(Text::ColCodes)}</th>
                            </tr></thead>
                            <tbody>
                                {r.into_iter().map(|s| {
                                    let id = tenant_id(&s);
                                    let pass = s.verdict == Verdict::Pass;
                                    let codes: Vec<String> = s.codes().map(str::to_string).collect();
                                    let detail: Vec<String> = s.blocking.iter().chain(s.warnings.iter()).map(|f| format!("{}: {}", f.code, finding_text(i18n, f))).collect();
                                    let no_verdict = s.verdict == Verdict::NoVerdict;
                                    let unreadable = s.blocking.iter().find_map(|f| f.raw.clone());
                                    view! {
                                        <tr data-testid="batch-row" data-tenant=s.name.clone()>
                                            <td><input type="checkbox" aria-label=s.name.clone() disabled=!pass || id.is_none()
                                                prop:checked=move || id.is_some_and(|i| selected.get().contains(&i))
                                                on:change=move |ev| if let Some(i) = id {
                                                    let on = event_target_checked(&ev);
                                                    selected.update(|sel| { if on { sel.insert(i); } else { sel.remove(&i); } });
                                                } /></td>
                                            <td>{if s.name.is_empty() { view! { <Unreadable raw=unreadable.clone().unwrap_or_else(|| "—".into()) /> }.into_any() } else { s.name.clone().into_any() }}</td>
                                            <td>{verdict_cell(s.verdict)}
                                                {no_verdict.then(|| view! { " "<button class="btn btn-small" data-testid="row-rerun" disabled=move || precheck.loading.get() on:click=move |_| precheck.reload()>{i18n.t(Text::RunAgain)}</button> })}
                                            </td>
                                            <td class="num">{s.blocking.len()}</td>
                                            <td class="num">{s.warnings.len()}</td>
                                            <td title=detail.join("\n")>{codes.join(", ")}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }.into_any())
                }
                None => None,
            }}
            <LaunchBar
                steps=flow.steps
                label=Signal::derive(move || i18n.f(Text::LaunchBatch, &[&chosen().len().to_string()]))
                ready=Signal::derive(move || !chosen().is_empty())
                note=move || (hidden_selected() > 0).then(|| view! {
                    <p class="hint" data-testid="hidden-selected">{i18n.f(Text::BatchHiddenSelected, &[&hidden_selected().to_string()])}</p>
                })
                confirmation
                consequence
                tasks_href=ListFilter::of(Some(cluster), None).href()
                after=AfterLaunch::ListTasks
                on_confirm
            />
        </section>
    }
}
