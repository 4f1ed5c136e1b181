//! Batch failover: every standby tenant of a cluster prechecked in one table, however many
//! (only the rows near the screen drawn), filtered by verdict and error code, searched, sorted
//! and counted, the view kept in the URL (`console_core::precheck::batch`); the passing ones
//! selected and failed over together. The flow is `hooks::dr_launch`'s; this page gives the
//! batch's calls, words, table and selection.

use crate::api::Api;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::failure_view::FailureView;
use crate::components::launch_bar::{AfterLaunch, Confirmation, LaunchBar};
use crate::components::unreadable::Unreadable;
use crate::components::verdict::{finding_text, verdict_word};
use crate::components::viewer_notice::ViewerNotice;
use crate::components::when::CheckedAt;
use crate::components::windowed::{aria_row, Drawn, WindowedTable};
use crate::hooks::cluster::use_cluster;
use crate::hooks::dr_launch::use_dr_launch;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::hooks::url_view::use_url_view;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use console_core::i18n::Text;
use console_core::listing::{grouped, SortKey};
use console_core::precheck::batch::{
    batch_codes, batch_counts, batch_view, verdict_slug, BatchSort, BatchView,
};
use console_core::precheck::verdict::{summarize_batch, Summary, Verdict};
use console_core::present;
use console_core::present::crumbs::{trail, Place};
use console_core::task::list::ListFilter;
use console_core::url::with_query;
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
    // The filter, search and sort live in the URL, so a view is a link that survives a reload.
    let (view_of, set_view) = use_url_view(
        |get| BatchView::from_query(get),
        move |v: &BatchView| {
            with_query(&format!("/clusters/{cluster}/batch-failover"), &v.params())
        },
    );
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
    let rows = Memo::new(move |_| {
        let v = view_of.get();
        precheck.data.with(|all| {
            all.as_deref()
                .map(|all| batch_view(all, &v.filter, v.sort))
                .unwrap_or_default()
        })
    });
    let codes = move || {
        precheck
            .data
            .with(|all| batch_codes(all.as_deref().unwrap_or_default()))
    };
    let count_line = move || {
        let (c, total) = precheck.data.with(|all| {
            let all = all.as_deref().unwrap_or_default();
            (batch_counts(all), all.len())
        });
        let mut text = i18n.f(
            Text::BatchCount,
            &[
                &grouped(c.tenants),
                &grouped(c.pass),
                &grouped(c.blocked),
                &grouped(c.no_verdict),
            ],
        );
        let shown = rows.with(Vec::len);
        if shown != total {
            text.push_str(" · ");
            text.push_str(&i18n.f(Text::ReadinessShown, &[&grouped(shown), &grouped(total)]));
        }
        text
    };
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
        rows.with(|r| {
            r.iter()
                .filter(|r| tenant_id(r).is_some_and(|id| sel.contains(&id)))
                .cloned()
                .collect()
        })
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

    // Only emptiness picks the branch below, so the table is built once, not on every change.
    let nothing_shown = Memo::new(move |_| rows.with(Vec::is_empty));

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
                    <select data-testid="filter-verdict"
                        prop:value=move || view_of.get().filter.verdict.map(verdict_slug).unwrap_or_default()
                        on:change=move |ev| {
                            let mut v = view_of.get_untracked();
                            v.filter.verdict = [Verdict::Pass, Verdict::Blocked, Verdict::NoVerdict]
                                .into_iter()
                                .find(|x| verdict_slug(*x) == event_target_value(&ev));
                            set_view(v);
                        }>
                        <option value="">{i18n.tr(Text::FilterAll)}</option>
                        <option value="pass">{i18n.tr(Text::VerdictPassShort)}</option>
                        <option value="blocked">{i18n.tr(Text::VerdictBlocked)}</option>
                        <option value="none">{i18n.tr(Text::VerdictNone)}</option>
                    </select>
                </label>
                <label>{i18n.tr(Text::FilterCode)}" "
                    <select data-testid="filter-code" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        let mut v = view_of.get_untracked();
                        v.filter.code = (!code.is_empty()).then_some(code);
                        set_view(v);
                    }>
                        <option value="">{i18n.tr(Text::FilterAll)}</option>
                        {move || {
                            let chosen = view_of.with(|v| v.filter.code.clone());
                            codes().into_iter().map(|c| {
                                let on = chosen.as_deref() == Some(c.as_str());
                                view! { <option value=c.clone() selected=on>{c.clone()}</option> }
                            }).collect_view()
                        }}
                    </select>
                </label>
                <label>{i18n.tr(Text::SortBy)}" "
                    <select data-testid="sort" prop:value=move || view_of.get().sort.as_str()
                        on:change=move |ev| set_view(BatchView { sort: BatchSort::parse(&event_target_value(&ev)), ..view_of.get_untracked() })>
                        <option value="verdict">{i18n.tr(Text::SortVerdict)}</option>
                        <option value="name">{i18n.tr(Text::SortName)}</option>
                        <option value="errors">{i18n.tr(Text::SortErrors)}</option>
                        <option value="warnings">{i18n.tr(Text::SortWarnings)}</option>
                    </select>
                </label>
                <label>{i18n.tr(Text::ReadinessSearch)}" "
                    <input type="search" data-testid="batch-search"
                        placeholder=move || i18n.t(Text::BatchSearchHint)
                        prop:value=move || view_of.get().filter.query
                        on:change=move |ev| {
                            let mut v = view_of.get_untracked();
                            v.filter.query = event_target_value(&ev);
                            set_view(v);
                        } />
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
                Some(_) => Some(view! {
                    <p class="hint" data-testid="batch-count" aria-live="polite">{count_line}</p>
                    {move || if nothing_shown.get() {
                        view! { <p class="empty">{i18n.t(Text::BatchNoMatch)}</p> }.into_any()
                    } else {
                        view! { <BatchTable rows selected rerun=Callback::new(move |_| precheck.reload()) busy=precheck.loading /> }.into_any()
                    }}
                }.into_any()),
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

/// What identifies a drawn row: its place and its tenant (a re-run's new verdict redraws it).
fn row_key(index: usize, s: &Summary) -> (usize, Option<i64>, String, Verdict, usize, usize) {
    (
        index,
        tenant_id(s),
        s.name.clone(),
        s.verdict,
        s.blocking.len(),
        s.warnings.len(),
    )
}

#[component]
fn BatchTable(
    rows: Memo<Vec<Summary>>,
    selected: RwSignal<BTreeSet<i64>>,
    rerun: Callback<()>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let head = move || {
        view! {
            <th scope="col">{i18n.t(Text::ColSelect)}</th>
            <th scope="col">{i18n.t(Text::ColName)}</th>
            <th scope="col">{i18n.t(Text::ColVerdict)}</th>
            <th scope="col" class="num">{i18n.t(Text::ColErrors)}</th>
            <th scope="col" class="num">{i18n.t(Text::ColWarnings)}</th>
            <th scope="col">{i18n.t(Text::ColCodes)}</th>
        }
    };
    let row =
        move |d: Drawn<Summary>| view! { <BatchRow index=d.index s=d.item selected rerun busy /> };
    let label = Signal::derive(move || i18n.t(Text::ColTenants).to_string());
    view! { <WindowedTable rows head columns=6 key=row_key class="batch-grid" row_px=44 label row /> }
}

#[component]
fn BatchRow(
    index: usize,
    s: Summary,
    selected: RwSignal<BTreeSet<i64>>,
    rerun: Callback<()>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = tenant_id(&s);
    let pass = s.verdict == Verdict::Pass;
    let codes: Vec<String> = s.codes().map(str::to_string).collect();
    let detail: Vec<String> = s
        .blocking
        .iter()
        .chain(s.warnings.iter())
        .map(|f| format!("{}: {}", f.code, finding_text(i18n, f)))
        .collect();
    let no_verdict = s.verdict == Verdict::NoVerdict;
    let unreadable = s.blocking.iter().find_map(|f| f.raw.clone());
    let (icon, look, _) = present::verdict(s.verdict).parts();
    let v = s.verdict;
    view! {
        <tr data-testid="batch-row" data-tenant=s.name.clone() aria-rowindex=aria_row(index)>
            <td><input type="checkbox" aria-label=s.name.clone() disabled=!pass || id.is_none()
                prop:checked=move || id.is_some_and(|i| selected.with(|sel| sel.contains(&i)))
                on:change=move |ev| if let Some(i) = id {
                    let on = event_target_checked(&ev);
                    selected.update(|sel| { if on { sel.insert(i); } else { sel.remove(&i); } });
                } /></td>
            <td>{if s.name.is_empty() { view! { <Unreadable raw=unreadable.clone().unwrap_or_else(|| "—".into()) /> }.into_any() } else { s.name.clone().into_any() }}</td>
            <td><span class=format!("verdict-chip {look}") data-verdict=look>{icon}" "{verdict_word(i18n, v)}</span>
                {no_verdict.then(|| view! { " "<button class="btn btn-small" data-testid="row-rerun" disabled=move || busy.get() on:click=move |_| rerun.run(())>{i18n.t(Text::RunAgain)}</button> })}
            </td>
            <td class="num">{s.blocking.len()}</td>
            <td class="num">{s.warnings.len()}</td>
            <td title=detail.join("\n")>{codes.join(", ")}</td>
        </tr>
    }
}
