//! Replay stubs: replies recorded from a real OCP, answered verbatim to matching `/api` and
//! `/gfc` requests before authentication, armed faults and the simulation. The simulation answers
//! as the demo estate says; a stub answers as one real OCP did, so a reply the console mishandled
//! can be reproduced without teaching the simulation about it.
//!
//! Holds the stubs in service (`Stubs`, here), `spec` (what a stub file says, and how it is
//! read) and `layer`, the middleware that answers with them. `Stubs` and `spec` import no other
//! `http` module (`state` holds them); `layer` may import the rest of `http`.
//!
//! A stub file holds one stub object or an array of them. Errors name the JSON pointer and what
//! was expected (and, for files, the file), so a hand-edited capture is quick to fix. When several
//! stubs match, the one added last wins, as in WireMock: files load in name order, then the admin
//! API adds on top. A reset drops the API's stubs and brings back exactly those loaded at start.

pub(crate) mod layer;
mod spec;

pub(crate) use spec::parse_stub;
pub use spec::{
    load_dir, parse_file, HeaderKey, HeaderText, RecordedReply, RequestPattern, StubError, StubSpec,
};

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::Value;
use std::sync::{Arc, Mutex, MutexGuard};

/// A stub in service: its spec, where it came from, and the reply built once.
#[derive(Debug)]
pub(crate) struct Stub {
    pub(crate) id: String,
    /// The file it was loaded from, or `api`.
    pub(crate) source: String,
    pub(crate) spec: StubSpec,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// Headers the mock computes itself for the body it actually sends.
const COMPUTED: [HeaderName; 4] = [
    header::CONTENT_LENGTH,
    header::TRANSFER_ENCODING,
    header::CONNECTION,
    header::CONTENT_ENCODING,
];

impl Stub {
    fn new(id: String, source: String, spec: StubSpec) -> Stub {
        let r = &spec.response;
        let (body, default_type) = match &r.body {
            None => (Bytes::new(), None),
            Some(Value::String(s)) => (Bytes::from(s.clone()), Some("text/plain; charset=utf-8")),
            Some(v) => (
                Bytes::from(serde_json::to_vec(v).unwrap_or_default()),
                Some("application/json"),
            ),
        };
        let mut headers = HeaderMap::new();
        for (k, v) in &r.headers {
            // Both were checked when read.
            let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(k.0.as_bytes()),
                HeaderValue::from_str(&v.0),
            ) else {
                continue;
            };
            if !COMPUTED.contains(&name) && name.as_str() != "keep-alive" {
                headers.append(name, value);
            }
        }
        if let Some(t) = default_type {
            if !headers.contains_key(header::CONTENT_TYPE) {
                headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(t));
            }
        }
        Stub {
            status: StatusCode::from_u16(r.status).unwrap_or(StatusCode::OK),
            headers,
            body,
            id,
            source,
            spec,
        }
    }

    fn matches(&self, method: &str, path: &str, query: &[(String, String)]) -> bool {
        let p = &self.spec.request;
        p.method.eq_ignore_ascii_case(method)
            && p.path == path
            && p.query
                .iter()
                .all(|(k, v)| query.iter().any(|(qk, qv)| qk == k && qv == v))
    }

    pub(crate) fn reply(&self) -> Response {
        let mut resp = Response::new(Body::from(self.body.clone()));
        *resp.status_mut() = self.status;
        *resp.headers_mut() = self.headers.clone();
        resp.extensions_mut().insert(StubHit(self.id.clone()));
        resp
    }

    /// How `GET /__admin/stubs` shows it.
    pub(crate) fn to_json(&self) -> Value {
        serde_json::json!({
            "id": self.id,
            "source": self.source,
            "request": self.spec.request,
            "response": self.spec.response,
        })
    }
}

/// Marks a reply a stub gave, for the journal.
#[derive(Debug, Clone)]
pub(crate) struct StubHit(pub(crate) String);

/// The stubs in service, in match order (the last added first).
#[derive(Debug, Default)]
pub(crate) struct Stubs {
    /// Loaded at start, in load order; what a reset brings back.
    loaded: Vec<Arc<Stub>>,
    live: Mutex<Live>,
}

#[derive(Debug, Default)]
struct Live {
    list: Vec<Arc<Stub>>,
    /// Ids issued so far; never reused, so a journal entry names one stub only.
    issued: u64,
}

impl Stubs {
    /// Stubs loaded at start, as (source, spec) in load order: ids `s1`, `s2`…
    pub(crate) fn from_loaded(specs: Vec<(String, StubSpec)>) -> Stubs {
        let loaded: Vec<Arc<Stub>> = specs
            .into_iter()
            .enumerate()
            .map(|(i, (source, spec))| Arc::new(Stub::new(format!("s{}", i + 1), source, spec)))
            .collect();
        let live = Live {
            list: loaded.iter().rev().cloned().collect(),
            issued: loaded.len() as u64,
        };
        Stubs {
            loaded,
            live: Mutex::new(live),
        }
    }

    fn live(&self) -> MutexGuard<'_, Live> {
        // A poisoned lock only means a handler panicked mid-update; keep serving.
        self.live.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a stub ahead of every other; returns its id.
    pub(crate) fn add(&self, spec: StubSpec) -> String {
        let mut live = self.live();
        live.issued += 1;
        let id = format!("s{}", live.issued);
        live.list
            .insert(0, Arc::new(Stub::new(id.clone(), "api".into(), spec)));
        id
    }

    /// In match order.
    pub(crate) fn list(&self) -> Vec<Arc<Stub>> {
        self.live().list.clone()
    }

    pub(crate) fn clear(&self) {
        self.live().list.clear();
    }

    /// False when no stub has that id.
    pub(crate) fn remove(&self, id: &str) -> bool {
        let mut live = self.live();
        let before = live.list.len();
        live.list.retain(|s| s.id != id);
        live.list.len() != before
    }

    /// Back to the stubs loaded at start.
    pub(crate) fn reset(&self) {
        self.live().list = self.loaded.iter().rev().cloned().collect();
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.live().list.is_empty()
    }

    pub(crate) fn find(
        &self,
        method: &str,
        path: &str,
        query: &[(String, String)],
    ) -> Option<Arc<Stub>> {
        self.live()
            .list
            .iter()
            .find(|s| s.matches(method, path, query))
            .cloned()
    }
}
