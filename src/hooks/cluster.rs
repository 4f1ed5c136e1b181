//! The cluster a page is about: loaded once, and its name for titles and confirmations (`#id`
//! until it arrives, or if OCP sends none or a blank one: `console_core::name::name_or_id`).

use crate::api::use_api;
use crate::hooks::load::{use_load, Load};
use console_core::name::name_or_id;
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
            .with(|c| name_or_id(c.as_ref().and_then(|c| c.name.as_deref()), id))
    });
    (cluster, name)
}
