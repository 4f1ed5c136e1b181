//! The calendar, without a date crate: a wall-clock reading ([`Civil`]), leap years, days in
//! a month, and Howard Hinnant's `days_from_civil` / `civil_from_days`
//! (<https://howardhinnant.github.io/date_algorithms.html>), proleptic Gregorian, years
//! 0000-9999. Pure arithmetic that reading and writing times both rest on.

use super::{Instant, Offset};

/// A calendar date and time of day as read on some clock (no offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Civil {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub milli: u16,
}

impl Civil {
    /// `None` for a date or time that does not exist.
    pub fn new(
        year: i64,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        milli: u16,
    ) -> Option<Civil> {
        let ok = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && hour < 24
            && minute < 60
            && second < 60
            && milli < 1000;
        ok.then_some(Civil {
            year,
            month,
            day,
            hour,
            minute,
            second,
            milli,
        })
    }

    /// The instant this wall-clock reading names on a clock at `offset`.
    pub fn at(self, offset: Offset) -> Instant {
        let days = days_from_civil(self.year, self.month, self.day);
        let secs = days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(offset.minutes()) * 60;
        Instant {
            epoch_ms: secs * 1000 + i64::from(self.milli),
        }
    }
}

/// Is `year` a Gregorian leap year (2000 and 2024 yes, 1900 and 2023 no)?
pub const fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` (1-12) of `year`; 0 for a month that does not exist.
pub const fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a valid proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
pub const fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let (m, d) = (month as i64, day as i64);
    let y = if m <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // [0, 399]
    let mp = (m + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + d - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub const fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let d = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
    let m = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m as u8, d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(s: &str) -> Option<i64> {
        crate::time::parse_ms(s, Offset::UTC8)
    }

    #[test]
    fn leap_years() {
        assert!(is_leap(2000));
        assert!(!is_leap(1900));
        assert!(is_leap(2024));
        assert!(!is_leap(2023));
        assert!(is_leap(1600));
        assert!(!is_leap(2100));
        assert!(is_leap(0));
        assert!(ms("2000-02-29T00:00:00Z").is_some());
        assert!(ms("2024-02-29T00:00:00Z").is_some());
        assert!(ms("1600-02-29T00:00:00Z").is_some());
        assert!(ms("1900-02-29T00:00:00Z").is_none());
        assert!(ms("2100-02-29T00:00:00Z").is_none());
        assert_eq!(
            ms("2000-03-01T00:00:00Z").unwrap() - ms("2000-02-28T00:00:00Z").unwrap(),
            2 * 86_400_000
        );
        assert_eq!(
            ms("1900-03-01T00:00:00Z").unwrap() - ms("1900-02-28T00:00:00Z").unwrap(),
            86_400_000
        );
    }

    #[test]
    fn calendar_agrees_with_counting_days_one_by_one() {
        // Walk every day from 0000-01-01 to 9999-12-31 with a naive calendar.
        let (mut y, mut m, mut d) = (0i64, 1u8, 1u8);
        let mut days = days_from_civil(0, 1, 1);
        assert_eq!(days * 86_400_000, Instant::MIN.epoch_ms);
        loop {
            assert_eq!(days_from_civil(y, m, d), days);
            assert_eq!(civil_from_days(days), (y, m, d));
            if (y, m, d) == (9999, 12, 31) {
                break;
            }
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let len = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ][usize::from(m - 1)];
            days += 1;
            d += 1;
            if d > len {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }
}
