//! `use_estate`: every standby of the estate, read the way OCP allows at scale (the rules are
//! `console_core::precheck::estate`'s): the clusters, then every tenant through the estate-wide
//! list at OCP's largest page, the pages after the first together, at most
//! `maxParallelRequests` requests in flight; each cluster's own list where the estate-wide one
//! is missing. On the first load rows appear as pages arrive (the standby clusters first); a
//! reload keeps the rows on screen until the new estate is whole, so a re-check never blanks
//! the board. A failed cluster list fails the load (the last estate stays); a cluster whose own
//! tenant list fails costs only its rows.

use crate::api::paging::all_pages;
use crate::api::Api;
use console_core::precheck::board::{standbys, ReadAt, Standby, TenantsOf};
use console_core::precheck::estate::{estate_list_missing, Tenants, MAX_PAGE_SIZE};
use console_core::wire::{Cluster, Tenant};
use console_core::{ApiFailure, Paged};
use futures_util::stream::{self, StreamExt};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy)]
pub(crate) struct Estate {
    /// The standbys known so far (`None` until the cluster list arrived).
    pub(crate) standbys: RwSignal<Option<Vec<Standby>>>,
    /// OCP's clusters as last listed (the recovery plan reads their regions and roles).
    pub(crate) clusters: RwSignal<Option<Vec<Cluster>>>,
    /// Whether every page of the latest load arrived.
    pub(crate) complete: RwSignal<bool>,
    /// Entries of OCP's lists that could not be read (their rows are missing).
    pub(crate) skipped: RwSignal<usize>,
    pub(crate) error: RwSignal<Option<ApiFailure>>,
    pub(crate) loading: RwSignal<bool>,
    generation: RwSignal<u32>,
}

impl Estate {
    /// Reads the estate again (the rows on screen stay until the new ones are whole).
    pub(crate) fn reload(&self) {
        self.generation.update(|g| *g = g.wrapping_add(1));
    }
}

pub(crate) fn use_estate(api: Api, max_parallel: u32) -> Estate {
    let e = Estate {
        standbys: RwSignal::new(None),
        clusters: RwSignal::new(None),
        complete: RwSignal::new(false),
        skipped: RwSignal::new(0),
        error: RwSignal::new(None),
        loading: RwSignal::new(true),
        generation: RwSignal::new(0),
    };
    let api = StoredValue::new_local(api);
    Effect::new(move |_| {
        let generation = e.generation.get();
        let Some(api) = api.try_get_value() else {
            return;
        };
        e.loading.set(true);
        spawn_local(async move {
            let result = load(&api, max_parallel.max(1) as usize, e, generation).await;
            // A newer load started meanwhile: its result counts, not this one's.
            if e.generation.try_get_untracked() != Some(generation) {
                return;
            }
            match result {
                Ok(()) => {
                    e.error.set(None);
                    e.complete.set(true);
                }
                Err(f) => {
                    e.error.set(Some(f));
                }
            }
            e.loading.set(false);
        });
    });
    e
}

fn read_at(api: &Api) -> ReadAt {
    let now = js_sys::Date::now();
    ReadAt {
        browser_ms: now as i64,
        ocp_ms: api.server_ms(now) as i64,
    }
}

async fn load(api: &Api, parallel: usize, e: Estate, generation: u32) -> Result<(), ApiFailure> {
    let progressive = e.standbys.with_untracked(Option::is_none);
    let current = move || e.generation.try_get_untracked() == Some(generation);
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut skipped = 0;
    // The first load takes the first page its route asked for early (`hooks::early`).
    let early = std::cell::RefCell::new(if progressive {
        super::early::take()
    } else {
        None
    });
    all_pages(
        parallel,
        |p| {
            let early = (p == 1).then(|| early.borrow_mut().take()).flatten();
            async move {
                match early {
                    Some(reply) => reply.await,
                    None => api.list_clusters(p, MAX_PAGE_SIZE).await,
                }
            }
        },
        |page| {
            skipped += page.unreadable.under("/contents").count();
            clusters.extend(page.contents);
        },
    )
    .await?;
    if current() {
        e.clusters.set(Some(clusters.clone()));
    }
    let show = |tenants: &[(i64, TenantsOf)], skipped: usize| {
        if current() {
            e.standbys
                .set(Some(standbys(&clusters, tenants, read_at(api))));
            e.skipped.set(skipped);
        }
    };
    if progressive {
        show(&[], skipped);
    }
    let mut gathered = Tenants::default();
    let estate_wide = all_pages(
        parallel,
        |p| api.list_estate_tenants(p, MAX_PAGE_SIZE),
        |page: Paged<Tenant>| {
            gathered.skipped += page.unreadable.under("/contents").count();
            gathered.add_page(page.contents);
            if progressive {
                show(&gathered.per_cluster(&clusters), skipped + gathered.skipped);
            }
        },
    )
    .await;
    let per_cluster = match estate_wide {
        Ok(()) => gathered.per_cluster(&clusters),
        Err(f) if estate_list_missing(&f) => {
            per_cluster_lists(api, &clusters, parallel, |so_far| {
                if progressive {
                    show(so_far, skipped);
                }
            })
            .await
        }
        Err(f) => return Err(f),
    };
    show(&per_cluster, skipped + gathered.skipped);
    Ok(())
}

/// Each cluster's own tenant list (an OCP without the estate-wide one), `parallel` clusters at
/// a time; `arrived` sees the lists gathered so far, in cluster order.
async fn per_cluster_lists(
    api: &Api,
    clusters: &[Cluster],
    parallel: usize,
    mut arrived: impl FnMut(&[(i64, TenantsOf)]),
) -> Vec<(i64, TenantsOf)> {
    let ids: Vec<i64> = clusters.iter().filter_map(|c| c.id.map(|i| i.0)).collect();
    let mut lists = stream::iter(ids.iter().copied())
        .map(|id| async move {
            let mut all = Vec::new();
            let result = all_pages(
                1,
                |p| api.list_tenants(id, p, MAX_PAGE_SIZE),
                |page| all.extend(page.contents),
            )
            .await;
            (id, result.map(|()| all))
        })
        .buffer_unordered(parallel);
    let mut so_far: Vec<(i64, TenantsOf)> = Vec::new();
    while let Some(list) = lists.next().await {
        so_far.push(list);
        console_core::order::sort_by_key(&mut so_far, |(id, _)| {
            ids.iter().position(|i| i == id).unwrap_or(usize::MAX)
        });
        arrived(&so_far);
    }
    so_far
}
