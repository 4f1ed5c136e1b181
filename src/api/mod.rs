//! The one place that talks to OCP: base URL, credentials, `Accept-Language`, timeouts, error
//! mapping and retries. Pages call the typed functions in the submodules (`clusters`, `iam`…)
//! and never build URLs or read envelopes themselves.
//!
//! Reads are retried with backoff on transient failures; writes are sent exactly once, and a
//! write whose reply is lost is reported as an unknown outcome, never repeated.

pub mod clusters;
pub mod dr;
pub mod gfc;
pub mod iam;
pub mod tasks;

use crate::config::RuntimeConfig;
use crate::session::Session;
use console_core::wire::failure::decode;
use console_core::i18n::Lang;
use console_core::{ApiFailure, Envelope};
use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
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

/// Counts one request as under way for as long as it lives (a page left mid-request drops it).
struct InFlight<'a>(&'a std::sync::atomic::AtomicU32);

impl<'a> InFlight<'a> {
    fn start(counter: &'a std::sync::atomic::AtomicU32) -> Self {
        counter.fetch_add(1, Ordering::Relaxed);
        InFlight(counter)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
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

    fn prepare(&self, builder: RequestBuilder, auth: Option<&str>) -> RequestBuilder {
        let builder = builder
            .header("Accept", "application/json")
            .header("Accept-Language", self.lang.get_untracked().code());
        match auth
            .map(str::to_string)
            .or_else(|| self.session.authorization())
        {
            Some(a) => builder.header("Authorization", &a),
            None => builder,
        }
    }

    /// One HTTP exchange with a timeout; returns what `decode` reads.
    async fn exchange(
        &self,
        builder: RequestBuilder,
        body: Option<String>,
    ) -> Result<Reply, ApiFailure> {
        let controller = web_sys::AbortController::new().ok();
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let timed_out = timed_out.clone();
            let controller = controller.clone();
            gloo_timers::callback::Timeout::new(self.timeout_ms, move || {
                timed_out.set(true);
                if let Some(c) = controller {
                    c.abort();
                }
            })
        };
        let signal = controller.as_ref().map(|c| c.signal());
        let builder = builder.abort_signal(signal.as_ref());
        let request: Result<Request, gloo_net::Error> = match body {
            Some(b) => builder.header("Content-Type", "application/json").body(b),
            None => builder.build(),
        };
        let request = request.map_err(|e| ApiFailure::Network {
            detail: e.to_string(),
        })?;
        let result = async {
            let resp = request.send().await?;
            let status = resp.status();
            let content_type = resp.headers().get("content-type");
            let retry_after = resp.headers().get("retry-after");
            // The bytes, not `text()`: a task of 10,000 steps is 2.6 MB, and a JS string of it
            // would be decoded by the browser and encoded again on its way into the wasm. As
            // `text()` does, a byte sequence that is not UTF-8 reads as U+FFFD.
            let bytes = resp.binary().await?;
            let text = String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            Ok::<_, gloo_net::Error>(Reply {
                status,
                content_type,
                retry_after,
                text,
            })
        }
        .await;
        drop(timer);
        match result {
            Ok(v) => Ok(v),
            Err(_) if timed_out.get() => Err(ApiFailure::Timeout {
                after_ms: self.timeout_ms,
            }),
            Err(e) => Err(ApiFailure::Network {
                detail: e.to_string(),
            }),
        }
    }

    fn after<T>(&self, result: Result<T, ApiFailure>) -> Result<T, ApiFailure> {
        if let Err(f) = &result {
            if f.is_unauthorized() {
                // The page stays mounted; the sign-in dialog appears over it.
                self.session.expire();
            }
        }
        result
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
        let url = self.url(path, &[]);
        let body = encode_body(body)?;
        let mut out = None;
        let attempts = self.read_attempts;
        self.send(
            Method::Post,
            &url,
            None,
            body,
            attempts,
            &mut |r: &Reply| {
                let env = r.decode::<T>(true)?;
                self.note_clock(env.timestamp.as_deref());
                out = Some(require_data(env)?);
                Ok(())
            },
        )
        .await?;
        out.ok_or_else(no_data)
    }

    /// A POST without side effects, sent once, for a caller that paces itself (the readiness
    /// board's prechecks): a failure comes with the reply's `Retry-After`, if it had one, and
    /// the caller decides when to ask again.
    pub async fn post_read_paced<T: DeserializeOwned>(
        &self,
        path: &str,
    ) -> Result<T, (ApiFailure, Option<String>)> {
        let url = self.url(path, &[]);
        let mut out = None;
        let mut retry_after = None;
        let sent = self
            .send(Method::Post, &url, None, None, 1, &mut |r: &Reply| {
                retry_after = r.retry_after.clone();
                let env = r.decode::<T>(true)?;
                self.note_clock(env.timestamp.as_deref());
                out = Some(require_data(env)?);
                Ok(())
            })
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

    /// The one exchange-and-retry loop, compiled once: `take` decodes a reply into the caller's
    /// type (the only part built per type) and says whether it failed. Boxed so that the loop is
    /// not inlined into every typed caller (it was, once per reply type, ~60 KB of the bundle).
    fn send<'a>(
        &'a self,
        method: Method,
        url: &'a str,
        auth: Option<&'a str>,
        body: Option<String>,
        attempts: u32,
        take: &'a mut dyn FnMut(&Reply) -> Result<(), ApiFailure>,
    ) -> Pin<Box<dyn Future<Output = Result<(), ApiFailure>> + 'a>> {
        Box::pin(async move {
            // Busy from the first send to the last reply, the pauses between retries included.
            let _in_flight = InFlight::start(&self.in_flight);
            let mut attempt = 0;
            loop {
                attempt += 1;
                let builder = match method {
                    Method::Get => Request::get(url),
                    Method::Post => Request::post(url),
                };
                let result = self
                    .exchange(self.prepare(builder, auth), body.clone())
                    .await
                    .and_then(|r| take(&r));
                match result {
                    Err(f) if f.is_transient() && attempt < attempts => {
                        gloo_timers::future::TimeoutFuture::new(backoff_ms(attempt)).await;
                    }
                    // Sign-in checks credentials it was given: a 401 there is no expired session.
                    other if auth.is_some() => return other,
                    other => return self.after(other),
                }
            }
        })
    }
}

#[derive(Clone, Copy)]
enum Method {
    Get,
    Post,
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

/// What came back: status, content type, `Retry-After` (for a caller that paces itself) and
/// body text.
struct Reply {
    status: u16,
    content_type: Option<String>,
    retry_after: Option<String>,
    text: String,
}

impl Reply {
    fn decode<T: DeserializeOwned>(&self, require_data: bool) -> Result<Envelope<T>, ApiFailure> {
        decode::<T>(
            self.status,
            self.content_type.as_deref(),
            &self.text,
            require_data,
        )
    }
}

fn require_data<T>(env: Envelope<T>) -> Result<T, ApiFailure> {
    env.data.ok_or_else(no_data)
}

/// 500 ms, 1 s, 2 s, … capped at 30 s.
pub fn backoff_ms(attempt: u32) -> u32 {
    500u32
        .saturating_mul(1 << attempt.saturating_sub(1).min(6))
        .min(30_000)
}

pub fn use_api() -> Api {
    expect_context::<Api>()
}
