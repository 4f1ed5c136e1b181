//! The precheck results this browser keeps per standby (a tenant or a cluster), at each OCP
//! address: read, kept after each run, and a page's list of one standby's runs. Which results
//! are kept, how storage is read and how two runs compare is `console_core::precheck::readiness`'s;
//! this reads and writes `localStorage`. State, not a view, so the DR launch flow
//! (`hooks::dr_launch`) and the readiness board keep runs without reaching into a component.
//! A storage that is off, full or holds garbage costs only the history, never the page.

use crate::api::Api;
use crate::storage;
use console_core::precheck::readiness::{self, Histories, Record};
use console_core::precheck::verdict::Summary;
use leptos::prelude::*;

/// A precheck that arrived at `at_ms` (this browser's clock) as it is kept: with the lag its
/// `syncScn` implies at OCP's time then (a cluster's has none). The history, the board and the
/// launch record all keep it this way.
pub(crate) fn tenant_record(api: &Api, s: &Summary, at_ms: i64) -> Record {
    let lag = s
        .sync_scn
        .and_then(|v| console_core::time::scn::lag_secs(v, api.server_ms(at_ms as f64)));
    Record::from_summary(s, at_ms, lag)
}

/// Every standby's kept runs at the OCP `api_base` (the readiness board reads them all).
pub(crate) fn read_all(api_base: &str) -> Histories {
    let stored = storage::local().get(&readiness::storage_key(api_base));
    Histories::read(stored.as_deref())
}

/// Keeps a result of `standby` at `api_base`: read again first, so another tab's (or page's)
/// runs are not overwritten. The histories as stored, or `None` if storage refused.
pub(crate) fn keep_one(api_base: &str, standby: &str, r: Record) -> Option<Histories> {
    let mut all = read_all(api_base);
    all.push(standby, r);
    let saved = storage::local().set(&readiness::storage_key(api_base), &all.to_json());
    saved.then_some(all)
}

/// Keeps the results of one reply covering several standbys (the board's batch precheck) in
/// one write: reading and writing the whole history once per row would cost a pass over a
/// large estate seconds of the main thread.
pub(crate) fn keep_many(api_base: &str, records: &[(String, Record)]) -> Option<Histories> {
    let mut all = read_all(api_base);
    for (standby, r) in records {
        all.push(standby, r.clone());
    }
    let saved = storage::local().set(&readiness::storage_key(api_base), &all.to_json());
    saved.then_some(all)
}

/// One standby's kept runs (oldest first) on a page, and whether the last one could be stored.
#[derive(Clone, Copy)]
pub(crate) struct KeptRuns {
    api_base: StoredValue<String>,
    standby: StoredValue<String>,
    pub(crate) records: RwSignal<Vec<Record>>,
    pub(crate) not_saved: RwSignal<bool>,
}

impl KeptRuns {
    /// Reads what this browser kept for `standby` ([`readiness::tenant_key`] or
    /// [`readiness::cluster_key`]) at the OCP `api_base`.
    pub(crate) fn new(api_base: String, standby: String) -> KeptRuns {
        let records = read_all(&api_base).of(&standby).to_vec();
        KeptRuns {
            api_base: StoredValue::new(api_base),
            standby: StoredValue::new(standby),
            records: RwSignal::new(records),
            not_saved: RwSignal::new(false),
        }
    }

    /// Keeps a result; if storage refuses, the run is still listed for as long as the page is
    /// open.
    pub(crate) fn keep(&self, r: Record) {
        let base = self.api_base.get_value();
        let standby = self.standby.get_value();
        let kept = keep_one(&base, &standby, r.clone());
        self.not_saved.set(kept.is_none());
        match kept {
            Some(all) => self.records.set(all.of(&standby).to_vec()),
            None => {
                let mut here = Histories::default();
                for old in self.records.get_untracked() {
                    here.push(&standby, old);
                }
                here.push(&standby, r);
                self.records.set(here.of(&standby).to_vec());
            }
        }
    }
}
