//! One HTTP exchange and the one retry loop every call of the client goes through: headers
//! (credentials, language), the timeout, the reply read as bytes, retries of transient
//! failures with backoff, and an expired session noticed on any 401. The typed calls in
//! `api/mod.rs` and the area files only say what to send and how to read the reply.

use super::Api;
use console_core::wire::failure::decode;
use console_core::{ApiFailure, Envelope};
use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::GetUntracked;
use serde::de::DeserializeOwned;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::Ordering;

/// Counts one request as under way for as long as it lives (a page left mid-request drops it).
pub(super) struct InFlight<'a>(&'a std::sync::atomic::AtomicU32);

impl<'a> InFlight<'a> {
    pub(super) fn start(counter: &'a std::sync::atomic::AtomicU32) -> Self {
        counter.fetch_add(1, Ordering::Relaxed);
        InFlight(counter)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Api {
    pub(super) fn prepare(&self, builder: RequestBuilder, auth: Option<&str>) -> RequestBuilder {
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
    pub(super) async fn exchange(
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

    pub(super) fn after<T>(&self, result: Result<T, ApiFailure>) -> Result<T, ApiFailure> {
        if let Err(f) = &result {
            if f.is_unauthorized() {
                // The page stays mounted; the sign-in dialog appears over it.
                self.session.expire();
            }
        }
        result
    }

    /// The one exchange-and-retry loop, compiled once: `take` decodes a reply into the caller's
    /// type (the only part built per type) and says whether it failed. Boxed so that the loop is
    /// not inlined into every typed caller (it was, once per reply type, ~60 KB of the bundle).
    pub(super) fn send<'a>(
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
pub(super) enum Method {
    Get,
    Post,
}

/// What came back: status, content type, `Retry-After` (for a caller that paces itself) and
/// body text.
pub(super) struct Reply {
    pub(super) status: u16,
    pub(super) content_type: Option<String>,
    pub(super) retry_after: Option<String>,
    pub(super) text: String,
}

impl Reply {
    pub(super) fn decode<T: DeserializeOwned>(
        &self,
        require_data: bool,
    ) -> Result<Envelope<T>, ApiFailure> {
        decode::<T>(
            self.status,
            self.content_type.as_deref(),
            &self.text,
            require_data,
        )
    }
}

/// 500 ms, 1 s, 2 s, … capped at 30 s.
pub fn backoff_ms(attempt: u32) -> u32 {
    500u32
        .saturating_mul(1 << attempt.saturating_sub(1).min(6))
        .min(30_000)
}
