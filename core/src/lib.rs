//! Plain-Rust core of Failover Console, shared by the SPA (wasm) and the mock server (native).
//!
//! Everything here builds and tests natively in seconds: the OCP wire types ([`wire`]), the
//! response envelope ([`envelope`]), how a reply maps to a client-side failure ([`failure`]),
//! and every user-visible string ([`i18n`]).

#[macro_use]
pub mod lenient;
#[macro_use]
mod enums;
pub mod alert;
pub mod critical;
pub mod crossings;
pub mod crumbs;
pub mod envelope;
pub mod eta;
pub mod failure;
pub mod gfc;
pub mod gfc_recent;
pub mod graph;
pub mod i18n;
pub mod json;
pub mod launch_record;
pub mod layout;
pub mod long;
pub mod navigate;
pub mod order;
pub mod poll;
pub mod precheck;
pub mod present;
pub mod readiness;
pub mod speech;
pub mod synthetic;
pub mod task_list;
pub mod task_reader;
pub mod task_view;
pub mod time;
pub mod viewport;
pub mod wire;

pub use envelope::{ApiError, Envelope, ErrorCode, PageInfo, Paged};
pub use failure::ApiFailure;
pub use long::Long;

/// Which OCP roles may launch and intervene (the rest read only).
pub mod roles {
    /// Role names as `GET /api/v2/iam/current/user` lists them (docs/mock-api.md).
    pub fn can_operate(roles: &[String]) -> bool {
        roles.iter().any(|r| {
            ["OPERATOR", "ADMIN", "SYSTEM_ADMIN"]
                .iter()
                .any(|w| r.eq_ignore_ascii_case(w))
        })
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn viewer_cannot_operate() {
            assert!(!super::can_operate(&["VIEWER".into()]));
            assert!(super::can_operate(&["viewer".into(), "operator".into()]));
            assert!(!super::can_operate(&[]));
        }
    }
}

/// OB 4.x SCNs are nanoseconds since the epoch; a standby's lag is "now" minus its sync SCN.
pub mod scn {
    use crate::Long;

    /// Below this an SCN is not a timestamp (OB 3.x used other units); no lag is derived.
    const MIN_TIMESTAMP_SCN: i64 = 1_000_000_000_000_000_000;

    /// Seconds the standby is behind at `now_ms` (ms since the epoch), to the nearest second,
    /// or `None` if the SCN is not a timestamp. A small negative skew between clocks reads as 0.
    /// Nearest, not floor: "now" is OCP's time learned from a reply that may have travelled a few
    /// ms longer than this one, and 44.998 s must not read as 44 s.
    pub fn lag_secs(scn: Long, now_ms: f64) -> Option<i64> {
        if scn.0 < MIN_TIMESTAMP_SCN {
            return None;
        }
        let scn_ms = scn.0 / 1_000_000;
        let ms = (now_ms as i64).saturating_sub(scn_ms);
        Some(((ms + 500).div_euclid(1000)).max(0))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn lag_from_nanosecond_scn() {
            let now_ms = 1_721_726_500_000.0;
            assert_eq!(lag_secs(Long(1_721_726_455_000_000_000), now_ms), Some(45));
            assert_eq!(lag_secs(Long(1_721_726_600_000_000_000), now_ms), Some(0));
            assert_eq!(lag_secs(Long(123_456), now_ms), None);
            // A few ms either side of 45 s is 45 s.
            assert_eq!(lag_secs(Long(1_721_726_455_003_000_000), now_ms), Some(45));
            assert_eq!(lag_secs(Long(1_721_726_454_997_000_000), now_ms), Some(45));
            assert_eq!(lag_secs(Long(1_721_726_455_600_000_000), now_ms), Some(44));
        }
    }
}
