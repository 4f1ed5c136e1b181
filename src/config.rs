//! Runtime configuration read from `config.json` next to index.html, so one build can be
//! hosted anywhere: the API base URL (empty: same origin), the request timeout and how often a
//! read is attempted.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct RuntimeConfig {
    pub api_base_url: String,
    pub request_timeout_ms: u32,
    pub read_attempts: u32,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            api_base_url: String::new(),
            request_timeout_ms: 15_000,
            read_attempts: 3,
        }
    }
}

/// Loads `config.json`. A missing file means defaults; an unreadable one is reported (and
/// defaults are used) so the operator knows the console is not talking where it should.
pub async fn load() -> (RuntimeConfig, Option<String>) {
    let resp = match gloo_net::http::Request::get("config.json").send().await {
        Ok(r) => r,
        Err(e) => return (RuntimeConfig::default(), Some(e.to_string())),
    };
    if resp.status() == 404 {
        return (RuntimeConfig::default(), None);
    }
    let text = match resp.text().await {
        Ok(t) => t,
        Err(e) => return (RuntimeConfig::default(), Some(e.to_string())),
    };
    // A static host's SPA fallback may answer with index.html instead of a 404.
    if text.trim_start().starts_with('<') {
        return (RuntimeConfig::default(), None);
    }
    match serde_json::from_str::<RuntimeConfig>(&text) {
        Ok(c) => (c, None),
        Err(e) => (RuntimeConfig::default(), Some(e.to_string())),
    }
}
