//! The cluster a page is about: loaded once, and its name for titles and confirmations (`#id`
//! until it arrives or if OCP sends none).

use crate::api::use_api;
use crate::hooks::load::{use_load, Load};
use console_core::wire::Cluster;
use leptos::prelude::*;

pub fn use_cluster(id: i64) -> (Load<Cluster>, Signal<String>) {
    let api = use_api();
    let cluster = use_load(
        move || (),
        move |_| {
            let api = api.clone();
            async move { api.get_cluster(id).await }
        },
    );
    let name = Signal::derive(move || {
        cluster
            .data
            .get()
            .and_then(|c| c.name)
            .unwrap_or_else(|| format!("#{id}"))
    });
    (cluster, name)
}
