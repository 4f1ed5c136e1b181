//! The one place that talks to OCP: base URL, credentials, `Accept-Language`, timeouts, error
//! mapping and retries. Pages call the typed functions in the submodules (`clusters`, `iam`…)
//! and never build URLs or read envelopes themselves.
//!
//! Reads are retried with backoff on transient failures; writes are sent exactly once, and a
//! write whose reply is lost is reported as an unknown outcome, never repeated.

pub mod clusters;
pub mod dr;
mod exchange;

pub use exchange::backoff_ms;
use exchange::{Method, Reply};
pub mod gfc;
pub mod iam;
pub(crate) mod paging;
pub mod tasks;

use crate::config::RuntimeConfig;
use crate::session::Session;
use console_core::i18n::Lang;
use console_core::{ApiFailure, Envelope};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use std::sync::atomic::Ordering;

#[derive(Clone)]
pub struct Api {
    base: String,
    timeout_ms: u32,
    read_attempts: u32,
    session: Session,
    lang: RwSignal<Lang>,
    /// OCP's clock minus this browser's, in ms, from the latest reply whose envelope carried a
    /// readable `timestamp` (0 until one did). A standby's lag is measured at OCP's time, so a
    /// browser clock that is off (or a recorded reply replayed later) does not change it.
    clock_offset_ms: std::sync::Arc<std::sync::atomic::AtomicI64>,
    /// Requests under way (sent and not yet answered for good, retries included): the
    /// background chunk prefetch starts nothing while there are any, so on a slow link it does
    /// not compete with what the operator is waiting for.
    in_flight: std::sync::Arc<std::sync::atomic::AtomicU32>,
}

/// Percent-encodes a query value (ids and names only ever go through here).
fn encode(v: &str) -> String {
    js_sys::encode_uri_component(v)
        .as_string()
        .unwrap_or_default()
}

impl Api {
    pub fn new(config: &RuntimeConfig, session: Session, lang: RwSignal<Lang>) -> Api {
        Api {
            base: config.api_base_url.trim_end_matches('/').to_string(),
            timeout_ms: config.request_timeout_ms,
            read_attempts: config.read_attempts.max(1),
            session,
            lang,
            clock_offset_ms: Default::default(),
            in_flight: Default::default(),
        }
    }

    /// How many times a read is tried before its failure shows (the runtime config's
    /// `readAttempts`); downloads of the console's own code follow it too.
    pub fn read_attempts(&self) -> u32 {
        self.read_attempts
    }

    /// Whether any request to the backend is waiting for its reply.
    pub fn busy(&self) -> bool {
        self.in_flight.load(Ordering::Relaxed) > 0
    }

    /// OCP's time when this browser's clock read `browser_ms` (as the latest reply told it).
    pub fn server_ms(&self, browser_ms: f64) -> f64 {
        browser_ms + self.clock_offset_ms.load(Ordering::Relaxed) as f64
    }

    /// Learns OCP's clock from a reply's envelope; a missing or unreadable time changes nothing.
    fn note_clock(&self, timestamp: Option<&str>) {
        let zone = crate::config::ocp_zone();
        if let Some(t) = timestamp.and_then(|t| console_core::time::parse_ms(t, zone)) {
            let offset = t - js_sys::Date::now() as i64;
            self.clock_offset_ms.store(offset, Ordering::Relaxed);
        }
    }

    /// The configured API base (`""`: the console's own origin), which keys what the browser
    /// keeps per backend.
    pub fn base(&self) -> String {
        self.base.clone()
    }

    fn url(&self, path: &str, query: &[(&str, String)]) -> String {
        let mut url = format!("{}{path}", self.base);
        for (i, (k, v)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(k);
            url.push('=');
            url.push_str(&encode(v));
        }
        url
    }

    /// GET returning `data`, retried with backoff on transient failures.
    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ApiFailure> {
        self.get_attempts(path, query, self.read_attempts).await
    }

    /// GET with one attempt: for pollers, which run their own backoff.
    pub async fn get_once<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ApiFailure> {
        self.get_attempts(path, query, 1).await
    }

    async fn get_attempts<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        attempts: u32,
    ) -> Result<T, ApiFailure> {
        self.get_envelope(path, query, attempts)
            .await
            .and_then(require_data)
    }

    /// GET returning the whole envelope (its `timestamp` is the server's clock).
    pub async fn get_envelope<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        attempts: u32,
    ) -> Result<Envelope<T>, ApiFailure> {
        let url = self.url(path, query);
        let mut out = None;
        self.send(Method::Get, &url, None, None, attempts, &mut |r: &Reply| {
            let env = r.decode::<T>(true)?;
            self.note_clock(env.timestamp.as_deref());
            out = Some(env);
            Ok(())
        })
        .await?;
        out.ok_or_else(no_data)
    }

    /// GET whose reply `read` decodes (a task's, read by a [`console_core::task::reader::TaskReader`]); `attempts` as in
    /// [`Api::get_envelope`].
    async fn get_read<T>(
        &self,
        path: &str,
        attempts: u32,
        read: &mut dyn FnMut(&Reply) -> Result<Envelope<T>, ApiFailure>,
    ) -> Result<T, ApiFailure> {
        let url = self.url(path, &[]);
        let mut out = None;
        self.send(Method::Get, &url, None, None, attempts, &mut |r: &Reply| {
            let env = read(r)?;
            self.note_clock(env.timestamp.as_deref());
            out = Some(env);
            Ok(())
        })
        .await?;
        out.ok_or_else(no_data).and_then(require_data)
    }

    /// GET with explicit credentials (sign-in), no retries and no session side effects.
    pub async fn get_with_auth<T: DeserializeOwned>(
        &self,
        path: &str,
        authorization: &str,
    ) -> Result<T, ApiFailure> {
        let url = self.url(path, &[]);
        let mut out = None;
        self.send(
            Method::Get,
            &url,
            Some(authorization),
            None,
            1,
            &mut |r: &Reply| {
                out = Some(r.decode::<T>(true)?);
                Ok(())
            },
        )
        .await?;
        out.ok_or_else(no_data).and_then(require_data)
    }

    /// A POST without side effects (prechecks): retried like a read.
    pub async fn post_read<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: Option<&B>,
    ) -> Result<T, ApiFailure> {
        self.post_read_with(path, body, self.read_attempts)
            .await
            .map_err(|(f, _)| f)
    }

    /// A POST without side effects, sent once, for a caller that paces itself (the readiness
    /// board's prechecks): a failure comes with the reply's `Retry-After`, if it had one, and
    /// the caller decides when to ask again.
    pub async fn post_read_paced<T: DeserializeOwned>(
        &self,
        path: &str,
    ) -> Result<T, (ApiFailure, Option<String>)> {
        self.post_read_with::<(), T>(path, None, 1).await
    }

    /// A side-effect-free POST, tried `attempts` times; a failure with the last reply's
    /// `Retry-After`.
    async fn post_read_with<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: Option<&B>,
        attempts: u32,
    ) -> Result<T, (ApiFailure, Option<String>)> {
        let url = self.url(path, &[]);
        let body = encode_body(body).map_err(|f| (f, None))?;
        let mut out = None;
        let mut retry_after = None;
        let sent = self
            .send(
                Method::Post,
                &url,
                None,
                body,
                attempts,
                &mut |r: &Reply| {
                    retry_after = r.retry_after.clone();
                    let env = r.decode::<T>(true)?;
                    self.note_clock(env.timestamp.as_deref());
                    out = Some(require_data(env)?);
                    Ok(())
                },
            )
            .await;
        match (sent, out) {
            (Ok(()), Some(v)) => Ok(v),
            (Ok(()), None) => Err((no_data(), None)),
            (Err(f), _) => Err((f, retry_after)),
        }
    }

    /// A write that must return data (a launch returns its task): sent exactly once; a success
    /// without data is malformed, and so of unknown outcome.
    pub async fn write<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: Option<&B>,
    ) -> Result<T, ApiFailure> {
        self.post::<B, T>(path, body).await?.ok_or_else(no_data)
    }

    /// POST, sent exactly once. `Ok(None)` for OCP's no-data replies.
    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: Option<&B>,
    ) -> Result<Option<T>, ApiFailure> {
        let url = self.url(path, &[]);
        let body = encode_body(body)?;
        let mut out = None;
        self.send(Method::Post, &url, None, body, 1, &mut |r: &Reply| {
            out = Some(r.decode::<T>(false)?.data);
            Ok(())
        })
        .await?;
        Ok(out.flatten())
    }
}

fn encode_body<B: Serialize>(body: Option<&B>) -> Result<Option<String>, ApiFailure> {
    body.map(serde_json::to_string)
        .transpose()
        .map_err(|e| ApiFailure::Network {
            detail: format!("could not encode the request: {e}"),
        })
}

fn no_data() -> ApiFailure {
    ApiFailure::Malformed {
        status: 200,
        detail: "the reply has no data".into(),
    }
}

fn require_data<T>(env: Envelope<T>) -> Result<T, ApiFailure> {
    env.data.ok_or_else(no_data)
}

pub fn use_api() -> Api {
    expect_context::<Api>()
}
