//! UTC offsets: the zone every time is read or written at, within java.time's ±18:00, read
//! from configuration or the wire and written as OCP writes it. Zone names (`Asia/Shanghai`)
//! are not offsets: OCP sends offsets, and the console is configured with one.

use super::parsing::parse_offset;
use super::TimeError;
use std::fmt;
use std::str::FromStr;

/// A UTC offset in whole minutes, within ±18:00 (java.time's `ZoneOffset` range).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Offset {
    minutes: i32,
}

impl Offset {
    /// The widest offset java.time (and so OCP) accepts, in minutes.
    pub const MAX_MINUTES: i32 = 18 * 60;
    pub const UTC: Offset = Offset { minutes: 0 };
    /// OCP's default server zone (`+08:00`, China Standard Time), as every OCP sample writes.
    pub const UTC8: Offset = Offset { minutes: 8 * 60 };

    /// `None` beyond ±18:00.
    pub const fn from_minutes(minutes: i32) -> Option<Offset> {
        if minutes >= -Self::MAX_MINUTES && minutes <= Self::MAX_MINUTES {
            Some(Offset { minutes })
        } else {
            None
        }
    }

    pub const fn minutes(self) -> i32 {
        self.minutes
    }

    /// Reads a configured or written offset: `+08:00`, `+0800`, `+08`, `+8`, `-05:30`, `Z`,
    /// `UTC`, `UTC+8`, `UTC+08:00`, `GMT-3` (case-insensitive; spaces around are ignored).
    /// Zone names (`Asia/Shanghai`) are not offsets: `None`.
    pub fn parse(s: &str) -> Option<Offset> {
        parse_offset(s.trim().as_bytes()).ok()
    }

    /// As OCP writes it after a time: `+08:00`, `-05:30`, and `Z` for zero (as java.time does).
    pub fn to_wire(self) -> String {
        if self.minutes == 0 {
            return "Z".to_string();
        }
        let sign = if self.minutes < 0 { '-' } else { '+' };
        let m = self.minutes.abs();
        format!("{sign}{:02}:{:02}", m / 60, m % 60)
    }
}

impl Default for Offset {
    /// OCP's own default, `UTC+08:00`.
    fn default() -> Self {
        Offset::UTC8
    }
}

/// `UTC+08:00`, `UTC-05:30`, `UTC+00:00`.
impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minutes < 0 { '-' } else { '+' };
        let m = self.minutes.abs();
        write!(f, "UTC{sign}{:02}:{:02}", m / 60, m % 60)
    }
}

impl FromStr for Offset {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Offset, TimeError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(TimeError::Empty);
        }
        parse_offset(s.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_from_config() {
        for (s, m) in [
            ("+08:00", 480),
            ("+0800", 480),
            ("+08", 480),
            ("+8", 480),
            ("UTC+08:00", 480),
            ("UTC+8", 480),
            ("utc+8", 480),
            ("UTC +8", 480),
            (" GMT+08:00 ", 480),
            ("-05:30", -330),
            ("UTC-5:30", -330),
            ("+05:45", 345),
            ("Z", 0),
            ("UTC", 0),
            ("+18:00", 1080),
            ("-18:00", -1080),
        ] {
            assert_eq!(Offset::parse(s).map(Offset::minutes), Some(m), "{s}");
        }
        for bad in [
            "",
            "8",
            "08:00",
            "+18:30",
            "+19",
            "Asia/Shanghai",
            "UTC+",
            "+08:0",
            "+080",
            "CST",
        ] {
            assert_eq!(Offset::parse(bad), None, "{bad}");
        }
        assert_eq!("+08:00".parse::<Offset>(), Ok(Offset::UTC8));
        assert_eq!("".parse::<Offset>(), Err(TimeError::Empty));
        assert_eq!("+25".parse::<Offset>(), Err(TimeError::Offset));
        assert_eq!(Offset::UTC8.to_string(), "UTC+08:00");
        assert_eq!(Offset::UTC.to_string(), "UTC+00:00");
        assert_eq!(Offset::parse("-05:30").unwrap().to_string(), "UTC-05:30");
        assert_eq!(Offset::default(), Offset::UTC8);
        assert_eq!(Offset::from_minutes(1081), None);
        assert_eq!(
            Offset::from_minutes(-1080).map(Offset::minutes),
            Some(-1080)
        );
        // Display reads back.
        for m in [-1080, -330, -1, 0, 1, 345, 480, 1080] {
            let o = Offset::from_minutes(m).unwrap();
            assert_eq!(Offset::parse(&o.to_string()), Some(o));
            assert_eq!(Offset::parse(&o.to_wire()), Some(o));
        }
    }
}
