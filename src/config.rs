//! Runtime configuration read from `config.json` next to index.html, so one build can be
//! hosted anywhere: the API base URL (empty: same origin), the request timeout, how often a
//! read is attempted, OCP's time zone (for times OCP writes without an offset), how often
//! the readiness board re-checks, and how hard the board may press OCP on a large estate
//! (requests in flight while it loads, prechecks in flight during a pass).

use console_core::drill::summary::DEFAULT_MAX_AGE_DAYS;
use console_core::precheck::board::DEFAULT_INTERVAL_MIN;
use console_core::precheck::estate::{DEFAULT_MAX_PARALLEL_REQUESTS, MAX_PARALLEL_REQUESTS};
use console_core::precheck::objectives::{self, Objective};
use console_core::precheck::pass::{DEFAULT_CONCURRENCY, MAX_CONCURRENCY};
use console_core::recovery::totals::DEFAULT_MAX_PARALLEL_LAUNCHES;
use console_core::time::Offset;
use serde::{Deserialize, Deserializer};
use std::sync::atomic::{AtomicI32, Ordering};

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct RuntimeConfig {
    pub api_base_url: String,
    pub request_timeout_ms: u32,
    pub read_attempts: u32,
    /// `ocpTimeZone`: the offset of OCP's server (`+08:00`, `UTC+8`…), assumed for a time that
    /// carries none. Anything else is reported in the console and OCP's default is used.
    #[serde(deserialize_with = "zone_or_default")]
    pub ocp_time_zone: Offset,
    /// `readinessIntervalMin`: minutes between the readiness board's re-checks (1 to 1440).
    /// Anything else is reported in the console and the default (5) is used.
    #[serde(deserialize_with = "interval_or_default")]
    pub readiness_interval_min: u32,
    /// `maxParallelRequests`: requests the readiness board keeps in flight while it reads the
    /// estate (1 to 32, default 6).
    #[serde(deserialize_with = "parallel_or_default")]
    pub max_parallel_requests: u32,
    /// `precheckConcurrency`: prechecks in flight during a pass (1 to 16, default 4); halved
    /// while OCP pushes back.
    #[serde(deserialize_with = "concurrency_or_default")]
    pub precheck_concurrency: u32,
    /// `objectives`: RPO and RTO objectives by name pattern (`console_core::precheck::objectives`);
    /// an entry that cannot be read is reported in the console and skipped.
    #[serde(deserialize_with = "objectives_or_skipped")]
    pub objectives: Vec<Objective>,
    /// `drillMaxAgeDays`: a standby whose last drill is older is flagged in the drill ledger
    /// (1 to 3650, default 90).
    #[serde(deserialize_with = "drill_age_or_default")]
    pub drill_max_age_days: u32,
    /// `maxParallelLaunches`: launches a recovery plan keeps running at once (1 to 16, default
    /// 2); its expected time is computed with it.
    #[serde(deserialize_with = "launches_or_default")]
    pub max_parallel_launches: u32,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            api_base_url: String::new(),
            request_timeout_ms: 15_000,
            read_attempts: 3,
            ocp_time_zone: Offset::UTC8,
            readiness_interval_min: DEFAULT_INTERVAL_MIN,
            max_parallel_requests: DEFAULT_MAX_PARALLEL_REQUESTS,
            precheck_concurrency: DEFAULT_CONCURRENCY,
            objectives: Vec::new(),
            drill_max_age_days: DEFAULT_MAX_AGE_DAYS as u32,
            max_parallel_launches: DEFAULT_MAX_PARALLEL_LAUNCHES as u32,
        }
    }
}

/// What the readiness board (and the recovery plan made from it) takes from the configuration,
/// provided as a context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoardConfig {
    pub interval_min: u32,
    pub max_parallel_requests: u32,
    pub precheck_concurrency: u32,
    pub max_parallel_launches: u32,
}

impl Default for BoardConfig {
    fn default() -> Self {
        BoardConfig::from(&RuntimeConfig::default())
    }
}

impl From<&RuntimeConfig> for BoardConfig {
    fn from(c: &RuntimeConfig) -> Self {
        BoardConfig {
            interval_min: c.readiness_interval_min,
            max_parallel_requests: c.max_parallel_requests,
            precheck_concurrency: c.precheck_concurrency,
            max_parallel_launches: c.max_parallel_launches,
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
        Ok(c) => {
            OCP_ZONE_MINUTES.store(c.ocp_time_zone.minutes(), Ordering::Relaxed);
            (c, None)
        }
        Err(e) => (RuntimeConfig::default(), Some(e.to_string())),
    }
}

/// The configured `ocpTimeZone`, set once by [`load`], so the pages that read OCP's times need
/// no extra plumbing. OCP's default (UTC+08:00) until then.
static OCP_ZONE_MINUTES: AtomicI32 = AtomicI32::new(Offset::UTC8.minutes());

/// The offset assumed for a time OCP writes without one.
pub fn ocp_zone() -> Offset {
    Offset::from_minutes(OCP_ZONE_MINUTES.load(Ordering::Relaxed)).unwrap_or(Offset::UTC8)
}

/// An invalid `ocpTimeZone` (not an offset, not a string) falls back to OCP's default with a
/// console warning, rather than failing the whole configuration.
fn zone_or_default<'de, D: Deserializer<'de>>(d: D) -> Result<Offset, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v.as_str().and_then(Offset::parse) {
        Some(o) => o,
        None => {
            web_sys::console::warn_1(
                &format!(
                    "config.json: ocpTimeZone {v} is not an offset like \"+08:00\" or \"UTC+8\"; using {}",
                    Offset::UTC8
                )
                .into(),
            );
            Offset::UTC8
        }
    })
}

/// `objectives`: what can be read is kept; each entry that cannot is said in the console.
fn objectives_or_skipped<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Objective>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    let (kept, warnings) = objectives::read(&v);
    for w in warnings {
        web_sys::console::warn_1(&format!("config.json: {w}").into());
    }
    Ok(kept)
}

/// The objectives of config.json, provided as a context.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Objectives(pub std::sync::Arc<Vec<Objective>>);

/// What the drill ledger takes from the configuration, provided as a context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrillConfig {
    pub max_age_days: u32,
    pub max_parallel_requests: u32,
}

impl Default for DrillConfig {
    fn default() -> Self {
        let c = RuntimeConfig::default();
        DrillConfig::from(&c)
    }
}

impl From<&RuntimeConfig> for DrillConfig {
    fn from(c: &RuntimeConfig) -> Self {
        DrillConfig {
            max_age_days: c.drill_max_age_days,
            max_parallel_requests: c.max_parallel_requests,
        }
    }
}

fn launches_or_default<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(whole_or_default(
        &v,
        "maxParallelLaunches",
        16,
        DEFAULT_MAX_PARALLEL_LAUNCHES as u32,
    ))
}

fn drill_age_or_default<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(whole_or_default(
        &v,
        "drillMaxAgeDays",
        3650,
        DEFAULT_MAX_AGE_DAYS as u32,
    ))
}

/// An invalid `readinessIntervalMin` (not a whole number of minutes from 1 to a day) falls back
/// to the default with a console warning, like `ocpTimeZone`.
fn interval_or_default<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v.as_u64().filter(|m| (1..=1440).contains(m)) {
        Some(m) => m as u32,
        None => {
            web_sys::console::warn_1(
                    &format!(
                        "config.json: readinessIntervalMin {v} is not a whole number of minutes from 1 to 1440; using {DEFAULT_INTERVAL_MIN}"
                    )
                    .into(),
                );
            DEFAULT_INTERVAL_MIN
        }
    })
}

/// A whole number in `1..=max`, else the default with a console warning naming the key.
fn whole_or_default(v: &serde_json::Value, key: &str, max: u32, default: u32) -> u32 {
    match v.as_u64().filter(|n| (1..=u64::from(max)).contains(n)) {
        Some(n) => n as u32,
        None => {
            web_sys::console::warn_1(
                &format!(
                    "config.json: {key} {v} is not a whole number from 1 to {max}; using {default}"
                )
                .into(),
            );
            default
        }
    }
}

fn parallel_or_default<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(whole_or_default(
        &v,
        "maxParallelRequests",
        MAX_PARALLEL_REQUESTS,
        DEFAULT_MAX_PARALLEL_REQUESTS,
    ))
}

fn concurrency_or_default<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(whole_or_default(
        &v,
        "precheckConcurrency",
        MAX_CONCURRENCY,
        DEFAULT_CONCURRENCY,
    ))
}
