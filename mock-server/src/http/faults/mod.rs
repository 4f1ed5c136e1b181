//! Injected faults, armed through the admin API or a scenario: added latency (fixed or a
//! range), an error status with an OCP error body, malformed JSON, a truncated body, a reset
//! connection, a hang until the client gives up, or a reply dribbled out in chunks. A fault may
//! be limited to a number of hits.
//!
//! Holds the rules (`Fault`, here) and `layer`, the middleware that applies them to matching
//! `/api` and `/gfc` requests. The rules import no other `http` module (`state` holds them);
//! `layer` may import the rest of `http` and `crate::sim`.
//!
//! Seeded chaos: a fault with a `probability` hits each matching request with that chance, and
//! a latency range is drawn per hit, both from one ChaCha8 stream seeded with `seed`, drawn in
//! the order requests arrive. The same seed and the same request sequence fail the same requests
//! with the same delays on every run, machine and version (ChaCha's output is specified).

pub(crate) mod layer;

use axum::http::StatusCode;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Deserializer, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Fault {
    /// Path prefix the fault applies to, e.g. `/api/v2/ob/clusters`; `*` or absent: every path.
    #[serde(default)]
    pub(crate) path: Option<String>,
    /// HTTP method, e.g. `POST`; absent: any.
    #[serde(default)]
    pub(crate) method: Option<String>,
    /// Delay before the request is handled (or the error returned): milliseconds, or a range
    /// `[min, max]` drawn per hit with the seed.
    #[serde(default)]
    pub(crate) latency_ms: Option<Latency>,
    /// Answer with this status and an OCP error body instead of handling the request.
    #[serde(default)]
    pub(crate) status: Option<u16>,
    /// OCP's error code in the reply's envelope, within [`CODES`].
    #[serde(default)]
    pub(crate) code: Option<i64>,
    #[serde(default)]
    pub(crate) message: Option<String>,
    /// How many requests it hits before it disarms itself; absent: until cleared.
    #[serde(default)]
    pub(crate) times: Option<u32>,
    /// What goes wrong besides latency and status (default: the status, if any).
    #[serde(default)]
    pub(crate) kind: Option<Breakage>,
    /// The chance (0 to 1) that it hits a matching request; absent: every one.
    #[serde(default)]
    pub(crate) probability: Option<f64>,
    /// Seeds the draws of `probability` and a latency range. Absent: one is picked when the
    /// fault is armed and shown in `GET /__admin/faults`, so a run can be repeated.
    #[serde(default)]
    pub(crate) seed: Option<u64>,
    /// For `dribble`: how long the reply takes to arrive, in milliseconds (default 2000).
    #[serde(default)]
    pub(crate) duration_ms: Option<u64>,
    /// The draw stream, from `seed` at the first matching request; a reset re-arms the
    /// scenario's faults afresh, so the sequence starts over.
    #[serde(skip)]
    draws: Option<ChaCha8Rng>,
}

/// A broken reply, beyond an error status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Breakage {
    /// HTTP 200 with a body that is not JSON.
    Malformed,
    /// The real reply, cut in half (a consistent Content-Length; the JSON ends mid-way).
    Truncated,
    /// The request is handled (a write takes effect), then the connection drops mid-reply.
    Reset,
    /// The request is handled, then no reply for an hour: the client's timeout must act.
    Hang,
    /// The real reply, sent in chunks spread over `durationMs`.
    Dribble,
}

/// `latencyMs`: a fixed delay or a range `[min, max]` (both inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub(crate) enum Latency {
    Fixed(u64),
    Range([u64; 2]),
}

impl<'de> Deserialize<'de> for Latency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Latency, D::Error> {
        use serde::de::Error;
        // Read as a value first so a wrong shape gets one specific message (an untagged enum
        // would only say that no variant matched).
        let v = serde_json::Value::deserialize(d)?;
        let ms = |v: &serde_json::Value| v.as_u64();
        match &v {
            serde_json::Value::Number(_) => ms(&v).map(Latency::Fixed),
            serde_json::Value::Array(a) if a.len() == 2 => match (ms(&a[0]), ms(&a[1])) {
                // A range given high to low is the same span.
                (Some(a), Some(b)) => Some(Latency::Range([a.min(b), a.max(b)])),
                _ => None,
            },
            _ => None,
        }
        .ok_or_else(|| {
            D::Error::custom(format!(
                "latencyMs: expected whole milliseconds (e.g. 300) or a range [min, max] \
                 (e.g. [50, 800]), got {v}"
            ))
        })
    }
}

/// What a hit does before the breakage: the delay drawn for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) latency_ms: u64,
}

/// The error codes a fault may answer with: OCP's are five digits (10010, 30014…), and 0 is
/// its "no specific code". A number beyond i64 read as a float (-2^63-1 lands on -2^63) is
/// refused here as well as by the contract.
pub(crate) const CODES: std::ops::RangeInclusive<i64> = 0..=99_999;

/// How long a dribbled reply takes when `durationMs` is not given.
pub(crate) const DEFAULT_DRIBBLE_MS: u64 = 2000;

impl Fault {
    pub(crate) fn matches(&self, method: &str, path: &str) -> bool {
        let path_ok = match self.path.as_deref() {
            None | Some("*") | Some("") => true,
            Some(prefix) => path.starts_with(prefix),
        };
        let method_ok = self
            .method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method));
        path_ok && method_ok
    }

    pub(crate) fn validate(&self) -> Result<(), String> {
        if let Some(s) = self.status {
            if StatusCode::from_u16(s).is_err() || s < 400 {
                return Err(format!("status {s} is not an HTTP error status (400-599)"));
            }
        }
        if let Some(c) = self.code.filter(|c| !CODES.contains(c)) {
            return Err(format!(
                "code {c} is outside {} to {} (OCP's error codes, e.g. 10010)",
                CODES.start(),
                CODES.end()
            ));
        }
        if self.status.is_none() && self.latency_ms.is_none() && self.kind.is_none() {
            return Err("a fault needs a status, a latencyMs or a kind".into());
        }
        if self.status.is_some() && self.kind.is_some() {
            return Err("give a status or a kind, not both".into());
        }
        if let Some(p) = self.probability {
            if !(0.0..=1.0).contains(&p) {
                return Err(format!(
                    "probability {p} is outside 0 to 1 (0.1 hits one matching request in ten)"
                ));
            }
        }
        if self.duration_ms.is_some() && self.kind != Some(Breakage::Dribble) {
            return Err("durationMs is for kind \"dribble\" only".into());
        }
        Ok(())
    }

    /// Ready to serve: picks a seed when it draws and none was given (from the clock; shown
    /// afterwards, so the run can be repeated).
    pub(crate) fn arm(mut self) -> Fault {
        let draws =
            self.probability.is_some() || matches!(self.latency_ms, Some(Latency::Range(_)));
        if draws && self.seed.is_none() {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            self.seed = Some(nanos);
        }
        self.draws = None;
        self
    }

    /// Decides whether this fault hits the matching request now arriving (draw order is
    /// arrival order: the caller holds the faults lock), and draws its latency. Does not count
    /// `times`.
    pub(crate) fn draw(&mut self) -> Option<Hit> {
        let seed = self.seed.unwrap_or(0);
        let rng = self
            .draws
            .get_or_insert_with(|| ChaCha8Rng::seed_from_u64(seed));
        if let Some(p) = self.probability {
            // 53 random bits: a uniform draw in [0, 1).
            let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
            if u >= p {
                return None;
            }
        }
        let latency_ms = match self.latency_ms {
            None => 0,
            Some(Latency::Fixed(ms)) => ms,
            Some(Latency::Range([min, max])) => {
                // The modulo's bias is below 1e-15 for any span of milliseconds.
                min + rng.next_u64() % (max - min).saturating_add(1).max(1)
            }
        };
        Some(Hit { latency_ms })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(json: &str) -> Result<Fault, String> {
        let f: Fault = serde_json::from_str(json).map_err(|e| e.to_string())?;
        f.validate()?;
        Ok(f.arm())
    }

    fn hits(f: &mut Fault, n: usize) -> Vec<Option<u64>> {
        (0..n).map(|_| f.draw().map(|h| h.latency_ms)).collect()
    }

    #[test]
    fn the_same_seed_draws_the_same_hits_and_delays() {
        let spec = r#"{"probability": 0.3, "seed": 42, "latencyMs": [50, 800]}"#;
        let (mut a, mut b) = (fault(spec).unwrap(), fault(spec).unwrap());
        let (ha, hb) = (hits(&mut a, 200), hits(&mut b, 200));
        assert_eq!(ha, hb);
        let n = ha.iter().filter(|h| h.is_some()).count();
        assert!((35..=85).contains(&n), "{n} hits of 200 at 0.3");
        assert!(ha.iter().flatten().all(|ms| (50..=800).contains(ms)));
        let other = fault(r#"{"probability": 0.3, "seed": 43, "latencyMs": [50, 800]}"#);
        assert_ne!(hits(&mut other.unwrap(), 200), ha);
    }

    #[test]
    fn bad_faults_say_what_was_expected() {
        let e = fault(r#"{"status": 503, "probability": 1.5}"#).unwrap_err();
        assert!(e.contains("outside 0 to 1"), "{e}");
        // A range given high to low is read low to high.
        let f = fault(r#"{"latencyMs": [800, 50]}"#).unwrap();
        assert_eq!(f.latency_ms, Some(Latency::Range([50, 800])));
        let e = fault(r#"{"latencyMs": "slow"}"#).unwrap_err();
        assert!(e.contains("a range [min, max]"), "{e}");
        let e = fault(r#"{"latencyMs": [1, 2, 3]}"#).unwrap_err();
        assert!(e.contains("a range [min, max]"), "{e}");
        let e = fault(r#"{"status": 503, "durationMs": 10}"#).unwrap_err();
        assert!(e.contains("dribble"), "{e}");
        let e = fault(r#"{"kind": "dribble", "code": -9223372036854775808}"#).unwrap_err();
        assert!(e.contains("outside 0 to 99999"), "{e}");
        assert!(fault(r#"{"status": 401, "code": 0}"#).is_ok());
        assert!(fault(r#"{"status": 503, "code": 100000}"#).is_err());
        let e = fault(r#"{"status": 503, "sed": 1}"#).unwrap_err();
        assert!(e.contains("unknown field `sed`"), "{e}");
    }

    #[test]
    fn an_unseeded_drawing_fault_gets_a_seed_it_shows() {
        let f = fault(r#"{"status": 503, "probability": 0.5}"#).unwrap();
        let shown = serde_json::to_value(&f).unwrap();
        assert!(shown["seed"].is_u64(), "{shown}");
        let plain = fault(r#"{"status": 503}"#).unwrap();
        assert!(plain.seed.is_none());
        assert_eq!(plain.clone().draw(), Some(Hit { latency_ms: 0 }));
    }
}
