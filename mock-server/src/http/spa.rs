//! Serves the built console. Any path that is not a file gets index.html with 200, so deep
//! links (`/clusters/3000010`) survive a reload; the router in the SPA takes it from there.
//!
//! Security headers on everything it serves: a strict Content-Security-Policy (no
//! `unsafe-inline`, no `unsafe-eval`; `wasm-unsafe-eval` for WebAssembly). Trunk's loader is an
//! inline module script, so its SHA-256 is read from the built index.html and allowed by hash.
//! Hashed assets are cached for a year; index.html and config.json never.
//!
//! A scenario's `console` keys are served over those of the built config.json (each key
//! replaced whole), so a scenario can set the console's objectives; the file is read on each
//! request, as a rebuild may change it.

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{from_fn, Next};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use base64::Engine;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tower_http::services::{ServeDir, ServeFile};

/// SHA-256 hashes (CSP source form) of every inline `<script>` in `html`.
fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        let body = &after[body_start..body_start + close];
        if !tag.contains("src=") {
            let digest = Sha256::digest(body.as_bytes());
            out.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &after[body_start + close..];
    }
    out
}

/// The console's Content-Security-Policy for a given index.html.
pub fn csp(index_html: &str) -> String {
    let hashes = inline_script_hashes(index_html).join(" ");
    format!(
        "default-src 'self'; script-src 'self' {hashes} 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Trunk names built assets `name-<16 hex>.ext`: those never change and may be cached for good.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(file);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        // Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, sometimes fewer
        // (a stylesheet named `main-5187ab8f34ee991.css` was once left uncompressed and uncounted).
        .is_some_and(|(_, h)| {
            (12..=16).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit())
        })
}

/// The built config.json with `keys` over its own; an unreadable file (or one that is not an
/// object) counts as `{}`, so the scenario's keys still reach the console.
fn merged_config(file: &Path, keys: &Map<String, Value>) -> Map<String, Value> {
    let built = std::fs::read(file)
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok());
    let mut out = match built {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    out.extend(keys.clone());
    out
}

pub(crate) fn router<S: Clone + Send + Sync + 'static>(
    dist: Option<&Path>,
    console: Option<&Map<String, Value>>,
) -> Router<S> {
    match dist {
        Some(dist) => {
            let index = dist.join("index.html");
            let policy = std::fs::read_to_string(&index).map(|h| csp(&h)).unwrap_or_else(|_| csp(""));
            let policy = HeaderValue::from_str(&policy).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
            let mut routes = Router::new();
            if let Some(keys) = console.cloned() {
                let file: PathBuf = dist.join("config.json");
                routes = routes.route(
                    "/config.json",
                    get(move || {
                        let body = Value::Object(merged_config(&file, &keys));
                        async move { axum::Json(body) }
                    }),
                );
            }
            routes
                // `cargo xtask build` writes .br and .gz beside each asset; served when accepted.
                .fallback_service(
                    ServeDir::new(dist)
                        .precompressed_br()
                        .precompressed_gzip()
                        .fallback(ServeFile::new(index)),
                )
                .layer(from_fn(move |req: Request, next: Next| {
                    let policy = policy.clone();
                    async move {
                        let hashed = is_hashed_asset(req.uri().path());
                        let mut resp = next.run(req).await;
                        let h = resp.headers_mut();
                        h.insert(header::CONTENT_SECURITY_POLICY, policy);
                        h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
                        h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
                        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
                        h.insert(
                            header::CACHE_CONTROL,
                            HeaderValue::from_static(if hashed { "public, max-age=31536000, immutable" } else { "no-cache" }),
                        );
                        resp
                    }
                }))
        }
        None => Router::new().fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "This mock server runs without the console (no --dist). Build it with `cargo xtask run`, or use `trunk serve`.",
            )
                .into_response()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<script type=\"module\">alert(1)</script><script src=\"/a.js\"></script>";
        let h = inline_script_hashes(html);
        assert_eq!(h.len(), 1);
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            h[0],
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
        let policy = csp(html);
        assert!(
            policy.contains("'wasm-unsafe-eval'")
                && !policy.contains("unsafe-inline")
                && policy.contains("frame-ancestors 'none'")
        );
    }

    #[test]
    fn recognizes_trunk_hashed_assets() {
        assert!(is_hashed_asset(
            "/failover-console-70385ae1f3a7d2f3_bg.wasm"
        ));
        assert!(is_hashed_asset("/main-dad123fd4506ed83.css"));
        // Trunk drops the hash's leading zeros.
        assert!(is_hashed_asset("/main-5187ab8f34ee991.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/config.json"));
        assert!(!is_hashed_asset("/clusters/3000010"));
    }
}
