//! The recovery plan (`/recovery`, from the header and the readiness board): pick the region
//! that failed (in the URL), see the plan the console proposes for it (groups in run order,
//! each primary's target with the data it is behind and the time earlier drills took, or why
//! no standby is safe) with its totals, and reorder it; precheck every standby of the plan at
//! once (the board's pass, bounded the same way), after which the plan is proposed again with
//! the operator's order kept. Each item links to its standby's precheck page, where it is
//! launched. Rules in `console_core::recovery`.

use crate::api::use_api;
use crate::config::{BoardConfig, Objectives};
use crate::hooks::drills::use_drills;
use crate::hooks::estate::use_estate;
use crate::hooks::kept_runs::read_all;
use crate::hooks::precheck_pass::use_precheck_pass;
use crate::hooks::title::use_title;
use crate::hooks::url_view::use_url_view;
use crate::i18n::use_i18n;
use console_core::i18n::{Lang, Text};
use console_core::precheck::board::{rows_with, Kind, Standby};
use console_core::precheck::pass::{plan as pass_plan, Pass, PassState};
use console_core::precheck::readiness::Histories;
use console_core::recovery::plan::{propose, Item, ItemKind, Plan, Scope};
use console_core::recovery::scope;
use console_core::recovery::totals::totals;
use console_core::recovery::words;
use console_core::time::human;
use console_core::wire::ClusterType;
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

type View = (Option<Scope>, Vec<String>);

fn read_view(get: &dyn Fn(&str) -> Option<String>) -> View {
    scope::from_query(get)
}

#[component]
pub fn RecoveryPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Text::RecoveryTitle).to_string());
    let api = use_api();
    let config = use_context::<BoardConfig>().unwrap_or_default();
    let objectives = use_context::<Objectives>().unwrap_or_default();
    let estate = use_estate(api.clone(), config.max_parallel_requests);
    let histories = RwSignal::new(read_all(&api.base()));
    let drills = use_drills();
    let (view, set_view) = use_url_view(read_view, |(s, _): &View| scope::href(s.as_ref()));
    let chosen = Memo::new(move |_| view.get().0);
    // The regions of the primary clusters, for the picker.
    let regions = Memo::new(move |_| {
        estate.clusters.with(|cs| {
            let mut r: Vec<String> = cs
                .iter()
                .flatten()
                .filter(|c| {
                    c.cluster_type != Some(ClusterType::Standby) && c.primary_cluster.is_none()
                })
                .flat_map(|c| c.region_names())
                .collect();
            r.sort();
            r.dedup();
            r
        })
    });
    // The proposal follows the data; the operator's edits apply to a copy, started again when
    // the proposal changes (a new region, a new precheck, the estate read again).
    let proposed = Memo::new(move |_| {
        let scope = chosen.get()?;
        let rows = estate.standbys.with(|s| {
            s.as_ref()
                .map(|s| histories.with(|h: &Histories| rows_with(s, h, &objectives.0)))
        })?;
        estate.clusters.with(|cs| {
            let cs = cs.as_deref()?;
            drills.rows.with(|d| {
                Some(propose(
                    scope,
                    cs,
                    &rows,
                    d.as_deref().unwrap_or_default(),
                    &objectives.0,
                ))
            })
        })
    });
    let plan = RwSignal::new(None::<Plan>);
    Effect::new(move |_| {
        let mut next = proposed.get();
        if let (Some(n), Some(Some(old))) = (next.as_mut(), plan.try_get_untracked()) {
            n.keep_order_of(&old);
        }
        plan.set(next);
    });
    // "Precheck the plan": the board's pass over every standby of the plan's primaries; each
    // verdict lands in this browser's history, and the plan is proposed again from it.
    let pass = use_precheck_pass(api.clone(), histories);
    let precheck_plan = move |_| {
        let primaries: BTreeSet<String> = plan.with_untracked(|p| {
            p.iter()
                .flat_map(|p| p.items.iter().map(|i| i.id.clone()))
                .collect()
        });
        let (requests, names) = estate.standbys.with_untracked(|list| {
            let list: Vec<Standby> = list
                .iter()
                .flatten()
                .filter(|s| {
                    s.primary_key
                        .as_ref()
                        .is_some_and(|k| primaries.contains(k))
                })
                .cloned()
                .collect();
            let names: BTreeMap<String, String> = list
                .iter()
                .filter(|s| matches!(s.kind, Kind::Cluster))
                .map(|s| (s.key.clone(), s.name.clone()))
                .collect();
            let requests =
                histories.with_untracked(|h| pass_plan(&list, |k| h.latest(k).map(|r| r.at_ms)));
            (requests, names)
        });
        pass.start(requests, config.precheck_concurrency, names);
    };
    let busy = move || pass.pass.with(Pass::busy);
    let progress = move || {
        let now = js_sys::Date::now() as i64;
        match pass.pass.with(|p| p.state(now)) {
            PassState::Running { done, total, .. } => Some(i18n.f(
                Text::RecoveryPrechecking,
                &[&done.to_string(), &total.to_string()],
            )),
            _ => None,
        }
    };
    let lanes = config.max_parallel_launches.max(1) as usize;
    let totals_line = move || {
        plan.with(|p| {
            let p = p.as_ref()?;
            let t = totals(p, lanes, &|_| false);
            let lang = i18n.lang.get();
            Some(i18n.f(
                Text::RecoveryTotals,
                &[
                    &t.with_target.to_string(),
                    &t.without_target.to_string(),
                    &words::figure(t.data_at_risk_secs, 1000, lang),
                    &words::figure(t.expected_ms, 1, lang),
                    &lanes.to_string(),
                ],
            ))
        })
    };
    let region_value = move || match chosen.get() {
        Some(Scope::Region(r)) => r,
        _ => String::new(),
    };
    let loading = move || estate.loading.get() || drills.loading.get();
    view! {
        <section class="page recovery">
            <h1>{i18n.tr(Text::RecoveryTitle)}</h1>
            <p class="hint">{i18n.tr(Text::RecoveryIntro)}</p>
            <div class="toolbar">
                <label>{i18n.tr(Text::RecoveryRegion)}" "
                    <select data-testid="recovery-region" prop:value=region_value
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set_view(((!v.is_empty()).then_some(Scope::Region(v)), Vec::new()));
                        }>
                        <option value="">{i18n.tr(Text::RecoveryChooseRegion)}</option>
                        {move || regions.get().into_iter().map(|r| view! { <option value=r.clone()>{r.clone()}</option> }).collect_view()}
                        {move || match chosen.get() {
                            Some(Scope::Region(r)) if !regions.with(|rs| rs.contains(&r)) => Some(view! { <option value=r.clone()>{r.clone()}</option> }),
                            _ => None,
                        }}
                    </select>
                </label>
                {move || match chosen.get() {
                    Some(Scope::Clusters(ids)) => Some(view! {
                        <span data-testid="recovery-clusters">{i18n.f(Text::RecoveryClusters, &[&ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ")])}</span>
                    }),
                    _ => None,
                }}
            </div>
            {move || view.with(|(_, bad)| bad.iter().map(|b| view! {
                <p class="form-error" data-testid="filter-ignored">{i18n.f(Text::FilterIgnored, &["clusters", b])}</p>
            }).collect_view())}
            {move || loading().then(|| view! { <p class="loading" aria-busy="true" data-testid="recovery-loading">{i18n.t(Text::RecoveryLoading)}</p> })}
            {move || chosen.with(Option::is_none).then(|| view! { <p class="empty" data-testid="recovery-no-scope">{i18n.t(Text::RecoveryNoScope)}</p> })}
            {move || plan.with(|p| p.as_ref().is_some_and(|p| p.items.is_empty())).then(|| view! {
                <p class="empty" data-testid="recovery-empty">{i18n.t(Text::RecoveryEmpty)}</p>
            })}
            {move || plan.with(|p| p.as_ref().is_some_and(|p| !p.items.is_empty())).then(|| view! {
                <div class="toolbar">
                    <button class="btn" data-testid="recovery-precheck" disabled=move || busy() || loading()
                        on:click=precheck_plan>{i18n.tr(Text::RecoveryPrecheckPlan)}</button>
                    <span data-testid="recovery-progress" aria-live="polite">{progress}</span>
                </div>
                <p class="hint" data-testid="recovery-totals" aria-live="polite">{totals_line}</p>
                <p class="banner banner-warn">{i18n.tr(Text::RecoveryNextStep)}</p>
                <Groups plan />
            })}
        </section>
    }
}

/// The plan's groups in run order, each item with its controls.
#[component]
fn Groups(plan: RwSignal<Option<Plan>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let lang = i18n.lang.get();
        plan.with(|p| {
            let p = p.as_ref()?;
            let n = p.groups.len();
            Some(
                p.groups
                    .iter()
                    .enumerate()
                    .map(|(g, items)| {
                        let label = (g + 1).to_string();
                        let earlier = i18n.f(Text::RecoveryGroupEarlier, &[&label]);
                        let later = i18n.f(Text::RecoveryGroupLater, &[&label]);
                        let edit = move |f: &dyn Fn(&mut Plan) -> bool| {
                            plan.update(|p| {
                                if let Some(p) = p.as_mut() {
                                    f(p);
                                }
                            })
                        };
                        view! {
                            <section class="plan-group" data-testid="plan-group">
                                <h2>
                                    {i18n.f(Text::RecoveryGroup, &[&label])}" "
                                    <button class="btn btn-small" aria-label=earlier disabled=g == 0
                                        on:click=move |_| edit(&|p| p.move_group(g, true))>"↑"</button>
                                    <button class="btn btn-small" aria-label=later disabled=g + 1 == n
                                        on:click=move |_| edit(&|p| p.move_group(g, false))>"↓"</button>
                                </h2>
                                <ol class="plan-items">
                                    {items.iter().map(|&i| item_view(&p.items[i], i, g, plan, lang)).collect_view()}
                                </ol>
                            </section>
                        }
                    })
                    .collect_view(),
            )
        })
    }
}

fn item_view(
    it: &Item,
    i: usize,
    g: usize,
    plan: RwSignal<Option<Plan>>,
    lang: Lang,
) -> impl IntoView {
    let t = |k: Text| console_core::i18n::text(lang, k).to_string();
    let f = |k: Text, a: &[&str]| console_core::i18n::fill(lang, k, a);
    let kind = t(match it.kind {
        ItemKind::ClusterFailover => Text::KindClusterFailover,
        ItemKind::TenantFailover => Text::KindTenantFailover,
    });
    let name = it.primary_name.clone();
    let edit = move |op: u8| {
        plan.update(|p| {
            if let Some(p) = p.as_mut() {
                match op {
                    0 => p.move_within(i, true),
                    1 => p.move_within(i, false),
                    2 => g > 0 && p.move_to_group(i, g - 1),
                    _ => p.move_to_group(i, g + 1),
                };
            }
        })
    };
    let target = match &it.target {
        Some(tg) => {
            let lag = tg
                .lag_secs
                .map(|l| f(Text::LagSeconds, &[&human::duration(l * 1000, lang)]))
                .unwrap_or_else(|| t(Text::DrillRpoUnknown));
            let href = match tg.tenant_id {
                Some(tid) => format!("/clusters/{}/tenants/{tid}/failover", tg.cluster_id),
                None => format!("/clusters/{}/dr/failover", tg.cluster_id),
            };
            view! {
                <span data-testid="plan-target">{format!("→ {} ({})", tg.name, tg.cluster_name)}</span>
                " · " <span data-testid="plan-lag">{lag}</span>
                " · " <a href=href data-testid="plan-precheck">{t(Text::RecoveryPrecheck)}</a>
            }
            .into_any()
        }
        None => view! {
            <strong class="objective-missed" data-testid="plan-no-target">{t(Text::RecoveryNoTarget)}</strong>
            <ul class="plan-unsafe">
                {it.unsafe_standbys.iter().map(|(s, u)| view! { <li>{words::unsafe_reason(s, *u, lang)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    let expected = match it.expected_ms {
        Some(ms) => f(Text::RecoveryExpected, &[&human::duration(ms, lang)]),
        None => t(Text::RecoveryNoHistory),
    };
    view! {
        <li class="plan-item" data-testid="plan-item" data-primary=name.clone()>
            <div>
                <strong data-testid="plan-primary">{name.clone()}</strong>" "
                <span class="muted">{format!("{kind} · {}", it.primary_cluster)}</span>
            </div>
            <div>{target}</div>
            <div class="muted" data-testid="plan-expected">{expected}</div>
            <div class="plan-moves">
                <button class="btn btn-small" aria-label=f(Text::RecoveryMoveUp, &[&name]) on:click=move |_| edit(0)>"↑"</button>
                <button class="btn btn-small" aria-label=f(Text::RecoveryMoveDown, &[&name]) on:click=move |_| edit(1)>"↓"</button>
                <button class="btn btn-small" aria-label=f(Text::RecoveryToPrevGroup, &[&name]) disabled=g == 0 on:click=move |_| edit(2)>"⇞"</button>
                <button class="btn btn-small" aria-label=f(Text::RecoveryToNextGroup, &[&name]) data-testid="plan-to-next" on:click=move |_| edit(3)>"⇟"</button>
            </div>
        </li>
    }
}
