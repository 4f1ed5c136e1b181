//! The readiness board: every standby tenant and standby cluster with its primary, its lag and
//! the RPO it implies, the last failover precheck this browser kept and its age, and the
//! recommended target of each primary. "Precheck all" works through them one request at a
//! time; while the page is open (and the tab shown) it does so again every
//! `readinessIntervalMin` minutes. Rows, sorting, the filter, the queue and when a re-check is
//! due are `console_core::precheck::board`'s; this page wires signals to them. Results are
//! kept in the same browser history the precheck pages write (`precheck_history`).

use crate::api::{use_api, Api};
use crate::components::failure_view::FailureView;
use crate::components::precheck_history::{keep_one, read_all, tenant_record};
use crate::components::unreadable::SkippedRows;
use crate::config::ReadinessInterval;
use crate::hooks::load::use_load;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use console_core::i18n::{describe_failure, Text};
use console_core::precheck::verdict::{summarize, summarize_cluster, Action, Verdict};
use console_core::present;
use console_core::precheck::board::{
    arrange, next_recheck_in_ms, queue_keys, recheck_due, rows, standbys, Kind, Queue, QueueState,
    ReadAt, Row, Sort, Standby, TenantsOf,
};
use console_core::precheck::readiness::{Histories, Record};
use console_core::time::{human, Instant};
use console_core::wire::Cluster;
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use std::collections::BTreeMap;

/// Page size for OCP's lists; every page is read.
const LIST_SIZE: u32 = 100;

/// The standbys as OCP lists them now, and how many cluster entries could not be read.
#[derive(Clone)]
struct Estate {
    standbys: Vec<Standby>,
    skipped: usize,
}

/// Every cluster (all pages), then each one's tenants (all pages). A cluster whose tenants
/// fail to load costs only its rows; a failed cluster list fails the board.
async fn load_estate(api: Api) -> Result<Estate, ApiFailure> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut skipped = 0;
    let mut page = 1;
    loop {
        let p = api.list_clusters(page, LIST_SIZE).await?;
        skipped += p.unreadable.under("/contents").count();
        let pages = p.page.as_ref().and_then(|i| i.pages()).unwrap_or(1);
        let empty = p.contents.is_empty();
        clusters.extend(p.contents);
        if empty || page >= pages {
            break;
        }
        page += 1;
    }
    let mut tenants: Vec<(i64, TenantsOf)> = Vec::new();
    for id in clusters.iter().filter_map(|c| c.id.map(|i| i.0)) {
        tenants.push((id, load_tenants(&api, id).await));
    }
    Ok(Estate {
        standbys: standbys(&clusters, &tenants, {
            let now = js_sys::Date::now();
            ReadAt {
                browser_ms: now as i64,
                ocp_ms: api.server_ms(now) as i64,
            }
        }),
        skipped,
    })
}

async fn load_tenants(api: &Api, cluster: i64) -> TenantsOf {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let p = api.list_tenants(cluster, page, LIST_SIZE).await?;
        let pages = p.page.as_ref().and_then(|i| i.pages()).unwrap_or(1);
        let empty = p.contents.is_empty();
        all.extend(p.contents);
        if empty || page >= pages {
            return Ok(all);
        }
        page += 1;
    }
}

/// One failover precheck of `s`, as the history keeps it (with the lag its reply implies).
async fn precheck(api: &Api, s: &Standby) -> Option<Result<Record, ApiFailure>> {
    let record = match s.kind {
        Kind::Tenant { tenant_id } => api
            .tenant_failover_precheck(s.cluster_id, tenant_id)
            .await
            .map(|p| {
                let at = js_sys::Date::now() as i64;
                tenant_record(api, &summarize(&p), at)
            }),
        Kind::Cluster => api
            .cluster_precheck(s.cluster_id, Action::Failover)
            .await
            .map(|p| {
                let at = js_sys::Date::now() as i64;
                Record::from_summary(&summarize_cluster(&p, &s.name), at, None)
            }),
        Kind::TenantsUnloaded(_) => return None,
    };
    Some(record)
}

fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.hidden())
        .unwrap_or(false)
}

#[component]
pub fn ReadinessPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Text::ReadinessTitle).to_string());
    let api = use_api();
    let interval = use_context::<ReadinessInterval>().unwrap_or_default().0;
    let base = StoredValue::new(api.base());

    let api_e = api.clone();
    let estate = use_load(
        move || (),
        move |_| {
            let api = api_e.clone();
            load_estate(api)
        },
    );
    let histories = RwSignal::new(read_all(&base.get_value()));
    // A precheck run on a tenant or cluster page in another tab shows here too.
    let listener = window_event_listener(leptos::ev::storage, move |_| {
        if let Some(b) = base.try_get_value() {
            histories.try_set(read_all(&b));
        }
    });
    on_cleanup(move || listener.remove());
    let sort = RwSignal::new(Sort::default());
    let not_ready_only = RwSignal::new(false);
    let queue = RwSignal::new(Queue::default());
    // The last failed request per standby (a failure is not a verdict: nothing is kept).
    let failed = RwSignal::new(BTreeMap::<String, ApiFailure>::new());
    let now = use_ticker();

    let all_rows = Memo::new(move |_| {
        let list = estate
            .data
            .with(|e| e.as_ref().map(|e| e.standbys.clone()))
            .unwrap_or_default();
        histories.with(|h: &Histories| rows(&list, h))
    });
    let shown = Memo::new(move |_| all_rows.with(|r| arrange(r, sort.get(), not_ready_only.get())));

    // Works through the queue, one request at a time, until it is empty or canceled. Ends by
    // itself when the page is left (its signals are gone).
    let api_q = StoredValue::new_local(api.clone());
    let drive = move || {
        let (Some(api), Some(base)) = (api_q.try_get_value(), base.try_get_value()) else {
            return;
        };
        spawn_local(async move {
            while let Some(Some(key)) = queue.try_update(|q| q.start_next()) {
                let standby = all_rows
                    .try_with_untracked(|r| {
                        r.iter()
                            .find(|r| r.standby.key == key)
                            .map(|r| r.standby.clone())
                    })
                    .flatten();
                let result = match &standby {
                    Some(s) => precheck(&api, s).await,
                    None => None,
                };
                match result {
                    Some(Ok(record)) => {
                        // Kept even if the page was left meanwhile: the precheck ran.
                        let kept = keep_one(&base, &key, record.clone());
                        let _ = histories.try_update(|h| match kept {
                            Some(all) => *h = all,
                            // Storage refused: shown while the page is open.
                            None => h.push(&key, record),
                        });
                        let _ = failed.try_update(|f| f.remove(&key));
                    }
                    Some(Err(f)) => {
                        let _ = failed.try_update(|m| m.insert(key.clone(), f));
                    }
                    None => {}
                }
                if queue.try_update(|q| q.finished(&key)).is_none() {
                    break;
                }
            }
        });
    };
    // Starts a run over every row in the order shown (whatever the filter), after reading the
    // lists again so new standbys are included and lags are fresh.
    let last_start = StoredValue::new(js_sys::Date::now() as i64);
    let start_all = move || {
        if queue.with_untracked(Queue::busy) {
            return;
        }
        last_start.set_value(js_sys::Date::now() as i64);
        estate.reload();
        let keys =
            all_rows.with_untracked(|r| queue_keys(&arrange(r, sort.get_untracked(), false)));
        queue.set(Queue::new(keys));
        drive();
    };
    Effect::new(move |_| {
        let t = now.get();
        let busy = queue.with_untracked(Queue::busy);
        if estate.data.with_untracked(Option::is_some)
            && recheck_due(last_start.get_value(), t, interval, hidden(), busy)
        {
            start_all();
        }
    });

    let name_of = move |key: &str| {
        all_rows.with(|r| {
            r.iter()
                .find(|r| r.standby.key == key)
                .map(|r| r.standby.name.clone())
                .unwrap_or_else(|| key.to_string())
        })
    };
    let queue_status = move || {
        let text = match queue.with(Queue::state) {
            QueueState::Idle => return None,
            QueueState::Running {
                current,
                done,
                left,
                total,
            } => i18n.f(
                Text::ReadinessQueueRunning,
                &[
                    &name_of(&current),
                    &(done + 1).to_string(),
                    &total.to_string(),
                    &left.to_string(),
                ],
            ),
            QueueState::Stopping { current, .. } => {
                i18n.f(Text::ReadinessQueueStopping, &[&name_of(&current)])
            }
            QueueState::Finished {
                done,
                total,
                canceled,
            } => i18n.f(
                if canceled {
                    Text::ReadinessQueueCanceled
                } else {
                    Text::ReadinessQueueDone
                },
                &[&done.to_string(), &total.to_string()],
            ),
        };
        Some(text)
    };
    let busy = move || queue.with(Queue::busy);
    // Counts down with the ticker; gone while a run is going (the queue status speaks then)
    // and while the standbys are not loaded (the re-check above waits for them too).
    let next_recheck = move || {
        let loaded = estate.data.with(Option::is_some);
        let left = next_recheck_in_ms(last_start.get_value(), now.get(), interval, busy());
        left.filter(|_| loaded).map(|ms| {
            i18n.f(
                Text::ReadinessNextRecheck,
                &[&human::duration(ms, i18n.lang.get())],
            )
        })
    };
    let stopping = move || matches!(queue.with(Queue::state), QueueState::Stopping { .. });

    let body = move || {
        match estate.data.get() {
        None if estate.loading.get() => Some(
            view! { <p class="loading" aria-busy="true">{i18n.tr(Text::Loading)}</p> }
                .into_any(),
        ),
        None => None,
        Some(e) => Some(
            view! {
                <SkippedRows count=e.skipped />
                {move || {
                    let list = shown.get();
                    if list.is_empty() {
                        let empty = all_rows.with(Vec::is_empty);
                        let text = if empty { Text::ReadinessEmpty } else { Text::ReadinessAllReady };
                        view! { <p class="empty" data-testid="readiness-empty">{i18n.t(text)}</p> }.into_any()
                    } else {
                        view! { <BoardTable rows=list queue failed now /> }.into_any()
                    }
                }}
            }
            .into_any(),
        ),
    }
    };

    view! {
        <section class="page readiness">
            <h1>{i18n.tr(Text::ReadinessTitle)}</h1>
            <p class="hint">{i18n.tr(Text::ReadinessIntro)}</p>
            <p class="hint" data-testid="recheck-every">
                {move || i18n.f(Text::ReadinessRecheckEvery, &[&interval.to_string()])}" "
                <span data-testid="next-recheck">{next_recheck}</span>
            </p>
            <p class="hint">{i18n.tr(Text::ReadinessRpoMeaning)}</p>
            <div class="toolbar">
                <button class="btn" data-testid="precheck-all" disabled=move || busy() || estate.data.with(Option::is_none)
                    on:click=move |_| start_all()>
                    {i18n.tr(Text::ReadinessPrecheckAll)}
                </button>
                {move || (busy() && !stopping()).then(|| view! {
                    <button class="btn btn-quiet" data-testid="cancel-queue" on:click=move |_| queue.update(Queue::cancel)>
                        {i18n.tr(Text::ReadinessCancel)}
                    </button>
                })}
                <label>
                    {i18n.tr(Text::ReadinessSort)}" "
                    <select data-testid="sort" prop:value=move || sort.get().as_str()
                        on:change=move |ev| sort.set(Sort::parse(&event_target_value(&ev)))>
                        <option value="lag">{i18n.tr(Text::ReadinessSortLag)}</option>
                        <option value="age">{i18n.tr(Text::ReadinessSortAge)}</option>
                    </select>
                </label>
                <label>
                    <input type="checkbox" data-testid="not-ready-only" prop:checked=move || not_ready_only.get()
                        on:change=move |ev| not_ready_only.set(event_target_checked(&ev)) />
                    " "{i18n.tr(Text::ReadinessNotReadyOnly)}
                </label>
            </div>
            <p class="queue-status" role="status" data-testid="queue-status">{queue_status}</p>
            <FailureView failure=estate.error on_retry=Callback::new(move |_| estate.reload()) busy=estate.loading />
            {body}
        </section>
    }
}

#[component]
fn BoardTable(
    rows: Vec<Row>,
    queue: RwSignal<Queue>,
    failed: RwSignal<BTreeMap<String, ApiFailure>>,
    now: RwSignal<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let body = rows
        .into_iter()
        .map(|r| view! { <BoardRow row=r queue failed now /> })
        .collect_view();
    view! {
        <div class="grid-scroll" tabindex="0">
            <table class="grid readiness-grid">
                <thead><tr>
                    <th scope="col">{i18n.tr(Text::ReadinessColStandby)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColCluster)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColRole)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColPrimary)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColLag)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColLast)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColBlocking)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[component]
fn BoardRow(
    row: Row,
    queue: RwSignal<Queue>,
    failed: RwSignal<BTreeMap<String, ApiFailure>>,
    now: RwSignal<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ready = row.ready();
    let Row {
        standby,
        last,
        lag_secs,
        recommended,
    } = row;
    let key = standby.key.clone();
    if let Kind::TenantsUnloaded(f) = &standby.kind {
        let f = f.clone();
        return view! {
            <tr data-testid="readiness-row" data-key=key data-ready="false">
                <th scope="row">{standby.name.clone()}</th>
                <td data-label=i18n.tr(Text::ReadinessColCluster)>{standby.cluster_name.clone()}</td>
                <td colspan="5" class="form-error" data-testid="row-problem">
                    {move || i18n.f(Text::ReadinessUnloaded, &[&describe_failure(i18n.lang.get(), &f)])}
                </td>
            </tr>
        }
        .into_any();
    }
    let name = standby.name.clone();
    let link = match standby.href() {
        Some(href) => view! { <A href>{name}</A> }.into_any(),
        None => view! { <span>{name}</span> }.into_any(),
    };
    let role = match standby.kind {
        Kind::Cluster => Text::ReadinessKindCluster,
        _ => Text::ReadinessKindTenant,
    };
    let primary = standby.primary_name.clone();
    let lag = move || match lag_secs {
        Some(l) => {
            let d = human::duration(l * 1000, i18n.lang.get());
            view! {
                <span data-testid="lag">{i18n.f(Text::LagSeconds, &[&d])}</span>
                <br /><small class="muted" data-testid="rpo">{i18n.f(Text::ReadinessRpo, &[&d])}</small>
            }
            .into_any()
        }
        None => view! {
            <span data-testid="lag">{i18n.t(Text::ReadinessLagUnknown)}</span>
            <br /><small class="muted" data-testid="rpo">{i18n.t(Text::ReadinessRpoUnknown)}</small>
        }
        .into_any(),
    };
    let k_q = key.clone();
    let in_flight = move || queue.with(|q| q.running() == Some(k_q.as_str()));
    let k_w = key.clone();
    let waiting = move || queue.with(|q| q.busy() && q.is_waiting(&k_w));
    let blocking = last
        .as_ref()
        .map(|r| r.blocking.join(", "))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "—".into());
    let verdict = move || {
        match &last {
        Some(r) => {
            let v = r.verdict();
            let (icon, look, _) = present::verdict(v).parts();
            let word = match v {
                Verdict::Pass => i18n.t(Text::VerdictPassFailover),
                other => i18n.t(present::verdict(other).text),
            };
            let age = human::age(
                Instant::from_epoch_ms(r.at_ms),
                Instant::from_epoch_ms(now.get()),
                i18n.lang.get(),
            );
            let exact = Instant::from_epoch_ms(r.at_ms).to_iso();
            view! {
                <span class=format!("verdict-chip {look}") data-testid="verdict">{icon}" "{word}</span>
                " · "<time datetime=exact.clone() title=exact data-testid="age">{age}</time>
            }
            .into_any()
        }
        None => view! { <span class="muted" data-testid="verdict">{i18n.t(Text::ReadinessNever)}</span> }.into_any(),
    }
    };
    let k_f = key.clone();
    let failure = move || {
        failed.with(|f| f.get(&k_f).cloned()).map(|f| {
            view! { <br /><small class="form-error" data-testid="row-problem">{i18n.f(Text::ReadinessCheckFailed, &[&describe_failure(i18n.lang.get(), &f)])}</small> }
        })
    };
    view! {
        <tr data-testid="readiness-row" data-key=key data-ready=ready.to_string() data-recommended=recommended.to_string()
            class:recommended=recommended>
            <th scope="row">
                {link}
                {recommended.then(|| view! { " "<span class="badge badge-recommended" data-testid="recommended">{i18n.tr(Text::ReadinessRecommended)}</span> })}
            </th>
            <td data-label=i18n.tr(Text::ReadinessColCluster)>{standby.cluster_name.clone()}</td>
            <td data-label=i18n.tr(Text::ReadinessColRole)>{i18n.tr(role)}</td>
            <td data-label=i18n.tr(Text::ReadinessColPrimary)>{move || primary.clone().unwrap_or_else(|| i18n.t(Text::ReadinessPrimaryUnknown).to_string())}</td>
            <td data-label=i18n.tr(Text::ReadinessColLag)>{lag}</td>
            <td data-label=i18n.tr(Text::ReadinessColLast)>
                {verdict}
                {move || in_flight().then(|| view! { <br /><small class="loading" data-testid="row-running">{i18n.t(Text::ReadinessInFlight)}</small> })}
                {move || waiting().then(|| view! { <br /><small class="muted" data-testid="row-waiting">{i18n.t(Text::ReadinessWaiting)}</small> })}
                {failure}
            </td>
            <td data-label=i18n.tr(Text::ReadinessColBlocking)><code data-testid="blocking">{blocking}</code></td>
        </tr>
    }
    .into_any()
}
