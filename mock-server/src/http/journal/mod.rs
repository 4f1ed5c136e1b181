//! The request journal: what `/api` and `/gfc` received, so tests can prove exactly one POST
//! arrived.
//!
//! Holds the ring (`Journal`, here) and `layer`, the middleware that writes every request into
//! it. The ring imports `crate::sim::clock` and no other `http` module (`state` holds it);
//! `layer` may import the rest of `http`.
//!
//! A ring of the latest `capacity` requests (`--journal-size`, 10,000 by default (`config`)): a
//! mock left running under a polling console, or a load test, must not grow without bound. When
//! full, the oldest entry goes and is counted in `dropped`. Entries carry sequential ids
//! (`seq`), so the status written once a request is answered finds its entry by subtraction,
//! not by a search.

pub(crate) mod layer;

use crate::sim::clock::ocp_time;
use axum::http::Method;
use console_core::time::Instant;
use serde::{Serialize, Serializer};
use std::collections::VecDeque;
use std::num::NonZeroUsize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct JournalEntry {
    #[serde(serialize_with = "method_str")]
    pub(crate) method: Method,
    pub(crate) path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) query: Option<String>,
    /// Arrival, wall clock. Formatted only when the journal is read: formatting on every
    /// request cost more than the rest of the entry.
    #[serde(serialize_with = "ocp_time_str")]
    pub(crate) time: Instant,
    /// The status answered with; absent while the request is still being answered (a hang).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) status: Option<u16>,
    /// Arrival order (0, 1, 2…, never reused, not even after a clear); the journal sets it.
    pub(crate) seq: u64,
    /// The id of the replay stub that answered, if one did (e.g. `s3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) stub: Option<String>,
}

impl JournalEntry {
    /// A request as it arrives: no status yet.
    pub(crate) fn arrived(method: Method, path: String, query: Option<String>) -> JournalEntry {
        JournalEntry {
            method,
            path,
            query,
            time: Instant::now(),
            status: None,
            seq: 0,
            stub: None,
        }
    }
}

fn method_str<S: Serializer>(m: &Method, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.as_str())
}

fn ocp_time_str<S: Serializer>(t: &Instant, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&ocp_time(*t))
}

/// The ring. Invariant: `entries` hold seqs `next_seq - len .. next_seq`, oldest first, with no
/// gap (entries only join at the back and leave at the front, or all at once in `clear`).
#[derive(Debug, Serialize)]
pub(crate) struct Journal {
    /// The most entries kept.
    capacity: NonZeroUsize,
    /// Entries pushed out by newer ones since the journal was last cleared.
    dropped: u64,
    entries: VecDeque<JournalEntry>,
    #[serde(skip)]
    next_seq: u64,
}

impl Journal {
    pub(crate) fn new(capacity: NonZeroUsize) -> Journal {
        Journal {
            capacity,
            dropped: 0,
            // Grown on demand: a large --journal-size costs memory only once it fills.
            entries: VecDeque::new(),
            next_seq: 0,
        }
    }

    /// Appends a request on arrival, dropping the oldest when full; returns its `seq`, which
    /// `answered` takes.
    pub(crate) fn record(&mut self, mut entry: JournalEntry) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        entry.seq = seq;
        if self.entries.len() >= self.capacity.get() {
            self.entries.pop_front();
            self.dropped += 1;
        }
        self.entries.push_back(entry);
        seq
    }

    /// The oldest seq still held (equal to `next_seq` when empty).
    fn oldest_seq(&self) -> u64 {
        self.next_seq - self.entries.len() as u64
    }

    /// Writes the answer of request `seq`. In O(1): its index is `seq - oldest_seq`. Returns
    /// false, changing nothing, when the entry is gone: dropped by the ring, or cleared while the
    /// request was being answered (seqs are never reused, so it can never hit a newer entry).
    pub(crate) fn answered(&mut self, seq: u64, status: u16, stub: Option<String>) -> bool {
        let Some(entry) = seq
            .checked_sub(self.oldest_seq())
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| self.entries.get_mut(i))
        else {
            return false;
        };
        debug_assert_eq!(entry.seq, seq);
        entry.status = Some(status);
        entry.stub = stub;
        true
    }

    /// Empties the journal and its drop count. `seq` keeps counting, so a request in flight
    /// across the clear does not write its status into an entry recorded after it.
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.dropped = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(capacity: usize) -> Journal {
        Journal::new(NonZeroUsize::new(capacity).unwrap())
    }

    fn get(path: &str) -> JournalEntry {
        JournalEntry::arrived(Method::GET, path.to_string(), None)
    }

    fn paths(j: &Journal) -> Vec<&str> {
        j.entries.iter().map(|e| e.path.as_str()).collect()
    }

    #[test]
    fn keeps_everything_until_full() {
        let mut j = ring(3);
        assert_eq!(j.record(get("/a")), 0);
        assert_eq!(j.record(get("/b")), 1);
        assert_eq!(paths(&j), ["/a", "/b"]);
        assert_eq!(j.dropped, 0);
    }

    #[test]
    fn wraps_dropping_the_oldest_and_counting_them() {
        let mut j = ring(3);
        for p in ["/0", "/1", "/2", "/3", "/4"] {
            j.record(get(p));
        }
        assert_eq!(paths(&j), ["/2", "/3", "/4"]);
        assert_eq!(j.dropped, 2);
        let seqs: Vec<u64> = j.entries.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [2, 3, 4]);
        assert_eq!(j.entries.len(), j.capacity.get());
    }

    #[test]
    fn a_status_after_wrapping_lands_on_its_own_entry() {
        let mut j = ring(3);
        let seqs: Vec<u64> = (0..7).map(|i| j.record(get(&format!("/{i}")))).collect();
        // Held: /4 /5 /6, answered out of order.
        assert!(j.answered(seqs[5], 503, Some("s1".into())));
        assert!(j.answered(seqs[4], 201, None));
        let got: Vec<(&str, Option<u16>, Option<&str>)> = j
            .entries
            .iter()
            .map(|e| (e.path.as_str(), e.status, e.stub.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("/4", Some(201), None),
                ("/5", Some(503), Some("s1")),
                ("/6", None, None)
            ]
        );
    }

    #[test]
    fn a_status_for_a_dropped_entry_is_ignored() {
        let mut j = ring(2);
        let first = j.record(get("/first"));
        j.record(get("/b"));
        j.record(get("/c"));
        assert!(!j.answered(first, 200, None), "/first was dropped");
        assert!(j.entries.iter().all(|e| e.status.is_none()));
        assert_eq!(j.dropped, 1);
    }

    #[test]
    fn a_status_for_a_seq_never_given_is_ignored() {
        let mut j = ring(2);
        j.record(get("/a"));
        assert!(!j.answered(7, 200, None));
        assert_eq!(j.entries[0].status, None);
    }

    #[test]
    fn a_request_in_flight_across_a_clear_does_not_mark_a_newer_entry() {
        let mut j = ring(4);
        let in_flight = j.record(get("/slow"));
        j.record(get("/x"));
        j.clear();
        let after = j.record(get("/after"));
        assert_ne!(after, in_flight, "seqs are never reused");
        assert!(!j.answered(in_flight, 200, None));
        assert_eq!(j.entries[0].status, None);
        assert!(j.answered(after, 204, None));
        assert_eq!(j.entries[0].status, Some(204));
    }

    #[test]
    fn clear_resets_the_drop_count() {
        let mut j = ring(1);
        j.record(get("/a"));
        j.record(get("/b"));
        assert_eq!(j.dropped, 1);
        j.clear();
        assert_eq!(j.dropped, 0);
        assert!(j.entries.is_empty());
    }

    #[test]
    fn a_ring_of_one_keeps_the_latest() {
        let mut j = ring(1);
        let a = j.record(get("/a"));
        let b = j.record(get("/b"));
        assert!(!j.answered(a, 200, None));
        assert!(j.answered(b, 200, None));
        assert_eq!(paths(&j), ["/b"]);
    }

    #[test]
    fn serialises_capacity_dropped_and_entries() {
        let mut j = ring(1);
        j.record(JournalEntry::arrived(
            Method::POST,
            "/api/x".into(),
            Some("a=1".into()),
        ));
        let seq = j.record(get("/api/y"));
        j.answered(seq, 200, None);
        let v = serde_json::to_value(&j).unwrap();
        assert_eq!(v["capacity"], 1);
        assert_eq!(v["dropped"], 1);
        let e = &v["entries"][0];
        assert_eq!(e["method"], "GET");
        assert_eq!(e["path"], "/api/y");
        assert_eq!(e["status"], 200);
        assert_eq!(e["seq"], 1);
        assert!(e.get("query").is_none() && e.get("stub").is_none(), "{e}");
        // OCP's format with its +08:00 zone, e.g. 2026-11-23T18:56:54.246+08:00.
        let time = e["time"].as_str().unwrap();
        assert!(time.len() == 29 && time.ends_with("+08:00"), "{time}");
        assert!(v.get("nextSeq").is_none() && v.get("next_seq").is_none());
    }
}
