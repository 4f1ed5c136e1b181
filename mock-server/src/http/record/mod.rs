//! Recording (`--record-from URL --stubs DIR`): every `/api` and `/gfc` request is passed to a
//! real OCP, its reply passed back, and written into DIR as a stub file that `--stubs DIR`
//! replays. The console's Basic auth goes to OCP and nowhere else: request headers are never
//! written, and the reply's cookies and credentials are dropped from what is written.
//! `/__admin` and the console's files are served by the mock itself, so an operator can click
//! through the console to record.
//!
//! Holds the proxy (`Recorder`, here), `book` (the folder written to, and how a reply becomes a
//! stub) and `layer`, the middleware that hands requests to the recorder while recording. The
//! recorder and `book` import `crate::config`, `crate::sim::refusal` and `http::stubs` (the stub
//! format), never `state`; `layer` may import the rest of `http`.

pub(crate) mod book;
pub(crate) mod layer;

use crate::config::Recording;
use crate::sim::refusal::Refusal;
use axum::body::Body;
use axum::extract::{OriginalUri, Query, Request};
use axum::http::{HeaderName, StatusCode};
use axum::response::Response;
use book::Book;
use console_core::wire::codes;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Headers that belong to one connection, never forwarded nor written (RFC 9110 7.6.1).
pub(crate) const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// How long OCP may take to accept a connection.
pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long OCP may take to answer: above the console's own 15 s default, so the console's
/// timeout is what an operator meets first.
pub(crate) const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest request body passed on; only bounds memory (the console's bodies are small).
pub(crate) const MAX_REQUEST_BODY: usize = 16 * 1024 * 1024;

/// Request headers not forwarded: the connection's own, those the client recomputes, and
/// those that name the mock rather than OCP. `Accept-Encoding` is dropped so OCP answers
/// uncompressed, which is what a stub file can hold.
fn forwarded(name: &HeaderName) -> bool {
    let n = name.as_str();
    !(HOP_BY_HOP.contains(&n)
        || matches!(
            n,
            "host" | "content-length" | "accept-encoding" | "origin" | "referer"
        ))
}

pub(crate) struct Recorder {
    client: reqwest::Client,
    upstream: String,
    book: Arc<Mutex<Book>>,
}

impl Recorder {
    pub(crate) fn new(r: &Recording) -> Result<Recorder, String> {
        let book = Book::open(&r.dir)?;
        let client = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(ANSWER_TIMEOUT)
            // A redirect (to a sign-in page, say) is OCP's reply: pass it on as it is.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("cannot start the recorder's HTTP client: {e}"))?;
        Ok(Recorder {
            client,
            upstream: r.upstream.clone(),
            book: Arc::new(Mutex::new(book)),
        })
    }

    /// Passes `req` to OCP and its reply back, writing the reply as a stub first. When OCP
    /// cannot be reached or does not answer in time: a 502 or 504 refusal (the caller writes
    /// OCP's error envelope), and nothing written.
    pub(crate) async fn proxy(&self, req: Request) -> Result<Response, Refusal> {
        let (parts, body) = req.into_parts();
        let uri = parts
            .extensions
            .get::<OriginalUri>()
            .map(|u| u.0.clone())
            .unwrap_or_else(|| parts.uri.clone());
        let Ok(body) = axum::body::to_bytes(body, MAX_REQUEST_BODY).await else {
            return Err(Refusal::new(
                413,
                codes::NONE,
                format!("The request body is over {MAX_REQUEST_BODY} bytes or was cut off; the recorder did not pass it on."),
                format!("请求体超过 {MAX_REQUEST_BODY} 字节或不完整，录制代理未转发。"),
            ));
        };
        let path_and_query = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
        let url = format!("{}{path_and_query}", self.upstream);
        let mut out = self.client.request(parts.method.clone(), &url);
        for (name, value) in &parts.headers {
            if forwarded(name) {
                out = out.header(name, value);
            }
        }
        let reply = match out.body(body).send().await {
            Ok(r) => r,
            Err(e) => return Err(self.unreachable(&e)),
        };
        let status = reply.status();
        let headers = reply.headers().clone();
        let bytes = match reply.bytes().await {
            Ok(b) => b,
            Err(e) => return Err(self.unreachable(&e)),
        };

        let query = Query::<Vec<(String, String)>>::try_from_uri(&uri)
            .map(|q| q.0)
            .unwrap_or_default();
        let what = format!("{} {}", parts.method, uri.path());
        match book::to_stub(
            parts.method.as_str(),
            uri.path(),
            &query,
            status,
            &headers,
            &bytes,
        ) {
            Ok(stub) => {
                let book = self.book.clone();
                let written = tokio::task::spawn_blocking(move || {
                    book.lock().unwrap_or_else(|e| e.into_inner()).put(stub)
                })
                .await
                .map_err(|e| format!("the writer stopped: {e}"))
                .and_then(|r| r);
                match written {
                    Ok(file) => {
                        println!("recorded {what} → {} {}", status.as_u16(), file.display())
                    }
                    Err(e) => eprintln!("recording: {what}: {e}"),
                }
            }
            Err(why) => println!("not recorded: {what} ({}): {why}", status.as_u16()),
        }

        let mut resp = Response::new(Body::from(bytes));
        *resp.status_mut() = status;
        for (name, value) in &headers {
            let n = name.as_str();
            // The mock's own CORS layer answers the browser (and sets Vary for it); the body's
            // length is recomputed.
            if !(HOP_BY_HOP.contains(&n)
                || matches!(n, "content-length" | "vary")
                || n.starts_with("access-control-"))
            {
                resp.headers_mut().append(name.clone(), value.clone());
            }
        }
        Ok(resp)
    }

    fn unreachable(&self, e: &reqwest::Error) -> Refusal {
        let base = &self.upstream;
        if e.is_timeout() {
            let s = ANSWER_TIMEOUT.as_secs();
            return Refusal::new(
                StatusCode::GATEWAY_TIMEOUT.as_u16(),
                codes::NONE,
                format!("OCP at {base} did not answer within {s} s; nothing was recorded."),
                format!("{base} 上的 OCP 在 {s} 秒内未应答，未录制。"),
            );
        }
        // The cause chain says what failed (refused, no such host, TLS), without the URL twice.
        let mut cause = String::new();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            cause = s.to_string();
            source = s.source();
        }
        if cause.is_empty() {
            cause = e.to_string();
        }
        Refusal::new(
            StatusCode::BAD_GATEWAY.as_u16(),
            codes::NONE,
            format!("Cannot reach OCP at {base} ({cause}); nothing was recorded."),
            format!("无法连接 {base} 上的 OCP（{cause}），未录制。"),
        )
    }
}
