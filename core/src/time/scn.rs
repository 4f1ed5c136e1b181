//! OB 4.x SCNs are nanoseconds since the epoch; a standby's lag is "now" minus its sync SCN.

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
