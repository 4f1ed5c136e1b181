//! A point in time ([`Instant`], milliseconds since the epoch, millisecond precision) and how
//! it is written: OCP's wire format at an offset, ISO-8601 in UTC, the wall-clock reading of
//! OCP's log lines. The writing half of the time folder; [`crate::time::parse`] is the reading
//! half.

use super::{civil_from_days, Civil, Offset};
use std::fmt;

/// A point in time: milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant {
    pub epoch_ms: i64,
}

impl Instant {
    /// `0000-01-01T00:00:00.000Z`, the earliest instant [`parse`](crate::time::parse) returns
    /// from epoch ms.
    pub const MIN: Instant = Instant {
        epoch_ms: -62_167_219_200_000,
    };
    /// `9999-12-31T23:59:59.999Z`, the latest instant [`parse`](crate::time::parse) returns
    /// from epoch ms.
    pub const MAX: Instant = Instant {
        epoch_ms: 253_402_300_799_999,
    };

    pub const fn from_epoch_ms(epoch_ms: i64) -> Instant {
        Instant { epoch_ms }
    }

    /// Milliseconds since the epoch of a system time (negative before 1970).
    pub fn from_system_time(t: std::time::SystemTime) -> Instant {
        let ms = match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
            Err(e) => i64::try_from(e.duration().as_millis()).map_or(i64::MIN, |m| -m),
        };
        Instant { epoch_ms: ms }
    }

    /// The system clock. Not on wasm32-unknown-unknown (there `SystemTime::now` panics; the SPA
    /// reads `js_sys::Date::now()`).
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    pub fn now() -> Instant {
        Instant::from_system_time(std::time::SystemTime::now())
    }

    /// The calendar reading of this instant on a clock at `offset`.
    pub fn civil(self, offset: Offset) -> Civil {
        let local = self
            .epoch_ms
            .saturating_add(i64::from(offset.minutes()) * 60_000);
        let days = local.div_euclid(86_400_000);
        let ms_of_day = local.rem_euclid(86_400_000);
        let (year, month, day) = civil_from_days(days);
        let secs = ms_of_day / 1000;
        Civil {
            year,
            month,
            day,
            hour: (secs / 3600) as u8,
            minute: (secs % 3600 / 60) as u8,
            second: (secs % 60) as u8,
            milli: (ms_of_day % 1000) as u16,
        }
    }

    /// OCP's wire format at `offset`: `2024-07-23T17:42:34.056+08:00` (`Z` at offset zero).
    pub fn to_ocp(self, offset: Offset) -> String {
        format!(
            "{}{}",
            self.to_local(offset).replacen(' ', "T", 1),
            offset.to_wire()
        )
    }

    /// ISO-8601 in UTC: `2024-07-23T09:42:34.056Z`.
    pub fn to_iso(self) -> String {
        self.to_ocp(Offset::UTC)
    }

    /// The wall-clock reading at `offset` without the offset, as OCP's log lines carry it:
    /// `2024-07-23 17:42:34.056`.
    pub fn to_local(self, offset: Offset) -> String {
        let c = self.civil(offset);
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:03}",
            c.year, c.month, c.day, c.hour, c.minute, c.second, c.milli
        )
    }
}

/// ISO-8601 in UTC, as [`Instant::to_iso`].
impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OCP_MS: i64 = 1_721_727_754_056; // 2024-07-23T17:42:34.056+08:00

    fn ms(s: &str) -> Option<i64> {
        crate::time::parse_ms(s, Offset::UTC8)
    }

    #[test]
    fn known_instants() {
        assert_eq!(ms("0000-01-01T00:00:00Z"), Some(Instant::MIN.epoch_ms));
        assert_eq!(ms("9999-12-31T23:59:59.999Z"), Some(Instant::MAX.epoch_ms));
        assert_eq!(ms("2000-01-01T00:00:00Z"), Some(946_684_800_000));
        assert_eq!(ms("1969-12-31T23:59:59.999Z"), Some(-1));
        assert_eq!(ms("1900-01-01T00:00:00Z"), Some(-2_208_988_800_000));
        assert_eq!(
            Instant::from_epoch_ms(-1).to_iso(),
            "1969-12-31T23:59:59.999Z"
        );
        assert_eq!(Instant::MIN.to_iso(), "0000-01-01T00:00:00.000Z");
        assert_eq!(Instant::MAX.to_iso(), "9999-12-31T23:59:59.999Z");
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_millis(OCP_MS as u64);
        assert_eq!(Instant::from_system_time(t).epoch_ms, OCP_MS);
        let before = std::time::UNIX_EPOCH - std::time::Duration::from_millis(1500);
        assert_eq!(Instant::from_system_time(before).epoch_ms, -1500);
    }

    #[test]
    fn formats() {
        let t = Instant::from_epoch_ms(OCP_MS);
        assert_eq!(t.to_ocp(Offset::UTC8), "2024-07-23T17:42:34.056+08:00");
        assert_eq!(t.to_ocp(Offset::UTC), "2024-07-23T09:42:34.056Z");
        assert_eq!(
            t.to_ocp(Offset::parse("-05:30").unwrap()),
            "2024-07-23T04:12:34.056-05:30"
        );
        assert_eq!(t.to_iso(), "2024-07-23T09:42:34.056Z");
        assert_eq!(t.to_string(), "2024-07-23T09:42:34.056Z");
        assert_eq!(t.to_local(Offset::UTC8), "2024-07-23 17:42:34.056");
        // Crossing midnight and a year boundary at a negative offset.
        let ny = Instant::from_epoch_ms(ms("2025-01-01T02:00:00Z").unwrap());
        assert_eq!(
            ny.to_ocp(Offset::parse("-05").unwrap()),
            "2024-12-31T21:00:00.000-05:00"
        );
        let c = ny.civil(Offset::parse("-05").unwrap());
        assert_eq!((c.year, c.month, c.day, c.hour), (2024, 12, 31, 21));
    }
}
