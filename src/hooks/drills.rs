//! `use_drills`: every failover and switchover in OCP's task list, as the drill ledger's rows.
//! OCP's list filters by name fuzzily, so two reads go out together (`name=failover`,
//! `name=switchover`), each page by page with `maxParallelRequests` in flight; each page is
//! turned into rows as it arrives (the tasks themselves are not kept) and the first load shows
//! rows as they come. A reload keeps the rows on screen until the new history is whole.

use crate::api::paging::all_pages;
use crate::api::use_api;
use crate::config::{ocp_zone, DrillConfig, Objectives};
use crate::hooks::launch_record::read_all;
use console_core::drill::ledger::{arrange, drill_of, Drill};
use console_core::task::list::ListFilter;
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashSet;

/// Tasks per page of OCP's list: small, because a list item can carry every step (~3 KB) and
/// the first screen waits for the first page on a slow link (200 items were 580 KB, half a
/// second at 10 Mbit/s, twice over with both names); 1,000 drills are 20 requests, several in
/// flight.
pub(crate) const LEDGER_PAGE: u32 = 50;

/// The names OCP's fuzzy filter is asked for.
const NAMES: [&str; 2] = ["failover", "switchover"];

#[derive(Clone, Copy)]
pub(crate) struct Drills {
    pub(crate) rows: RwSignal<Option<Vec<Drill>>>,
    pub(crate) loading: RwSignal<bool>,
    pub(crate) error: RwSignal<Option<ApiFailure>>,
    generation: RwSignal<u32>,
}

impl Drills {
    pub(crate) fn reload(&self) {
        self.generation.update(|g| *g = g.wrapping_add(1));
    }
}

pub(crate) fn use_drills() -> Drills {
    let api = use_api();
    let objectives = use_context::<Objectives>().unwrap_or_default();
    let parallel = use_context::<DrillConfig>()
        .unwrap_or_default()
        .max_parallel_requests as usize;
    let d = Drills {
        rows: RwSignal::new(None),
        loading: RwSignal::new(false),
        error: RwSignal::new(None),
        generation: RwSignal::new(0),
    };
    Effect::new(move |_| {
        let generation = d.generation.get();
        let api = api.clone();
        let objectives = objectives.clone();
        d.loading.set(true);
        d.error.set(None);
        spawn_local(async move {
            let current = move || d.generation.try_get_untracked() == Some(generation);
            let progressive = d.rows.with_untracked(Option::is_none);
            let records = read_all(&api.base());
            let ocp = ocp_zone();
            let gathered = std::cell::RefCell::new((Vec::<Drill>::new(), HashSet::<i64>::new()));
            let arrived = |page: console_core::Paged<console_core::wire::TaskInstance>| {
                let mut g = gathered.borrow_mut();
                for t in &page.contents {
                    if let Some(row) = drill_of(t, ocp, &objectives.0, &records) {
                        if g.1.insert(row.id) {
                            g.0.push(row);
                        }
                    }
                }
                if progressive && current() {
                    let mut shown = g.0.clone();
                    arrange(&mut shown);
                    d.rows.set(Some(shown));
                }
            };
            let read = |name: &'static str| {
                let api = api.clone();
                let arrived = &arrived;
                async move {
                    let filter = ListFilter {
                        name: Some(name.to_string()),
                        ..ListFilter::default()
                    };
                    all_pages(
                        parallel,
                        |p| {
                            let api = api.clone();
                            let filter = filter.clone();
                            async move { api.list_tasks(&filter, p, LEDGER_PAGE).await }
                        },
                        arrived,
                    )
                    .await
                }
            };
            let (a, b) = futures_util::join!(read(NAMES[0]), read(NAMES[1]));
            if !current() {
                return;
            }
            match a.and(b) {
                Ok(()) => {
                    let mut all = std::mem::take(&mut gathered.borrow_mut().0);
                    arrange(&mut all);
                    d.rows.set(Some(all));
                }
                Err(f) => d.error.set(Some(f)),
            }
            d.loading.set(false);
        });
    });
    d
}
