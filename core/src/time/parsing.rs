//! Reading a time from text: every form OCP or GFC sends, and why a text is not a time.
//!
//! OCP writes `2024-07-23T17:42:34.056+08:00` (Jackson, `OffsetDateTime`, docs: docs/ocp-api.md §1.2);
//! other stacks and proxies write `Z`, `+0800`, `+08`, a space instead of `T`, any number of
//! fractional digits, or epoch milliseconds (a JSON number, or its digits as a string). GFC's
//! `estFailbackTime` is `2022-03-15 01:48 am`. [`parse`] reads all of them; a time without an
//! offset is the OCP server's local time, so the caller passes the offset to assume and the
//! result says whether it was used ([`Parsed::assumed`]). Further fractional digits than the
//! millisecond are read and dropped; leap seconds (`:60`) are rejected: OCP's Java clock never
//! writes them. Apart from writing and the calendar: a byte-level reader that accepts many
//! spellings, where the rest is arithmetic.

use super::{Civil, Instant, Offset};
use std::fmt;

/// Why a text is not a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// Nothing but whitespace.
    Empty,
    /// Not shaped like any accepted form.
    Syntax,
    /// A month or day that does not exist (month 13, 30 February, 29 February 2023).
    Date,
    /// An hour, minute or second that does not exist (25:00, 12:60, 13 pm).
    Time,
    /// An offset beyond ±18:00 or with minutes over 59.
    Offset,
    /// Epoch milliseconds outside years 0000-9999.
    Range,
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeError::Empty => "no time given",
            TimeError::Syntax => "not a time like 2024-07-23T17:42:34.056+08:00",
            TimeError::Date => "no such date",
            TimeError::Time => "no such time of day",
            TimeError::Offset => "offset outside ±18:00",
            TimeError::Range => "outside years 0000-9999",
        })
    }
}

impl std::error::Error for TimeError {}

/// A time read from the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    pub instant: Instant,
    /// The offset the text was written at: its own, or the assumed one. `UTC` for epoch ms.
    pub offset: Offset,
    /// True when the text had no offset and the caller's assumed offset was used.
    pub assumed: bool,
}

impl Parsed {
    pub fn epoch_ms(&self) -> i64 {
        self.instant.epoch_ms
    }

    /// The offset that was assumed, if one was.
    pub fn assumed_offset(&self) -> Option<Offset> {
        self.assumed.then_some(self.offset)
    }
}

/// Reads any time OCP or GFC sends (see the module docs). `assumed` is the offset of a text
/// that has none (OCP's server zone; GFC writes UTC).
///
/// Accepted: `2024-07-23T17:42:34.056+08:00`, `…Z`, `…+0800`, `…+08`, `…-05:30`, `… UTC+8`,
/// any number of fractional digits (`.` or `,`; kept to the millisecond), a space (or several)
/// instead of `T`, seconds optional, a 12-hour clock with `am`/`pm` (`2022-03-15 01:48 am`),
/// and epoch milliseconds as a string of digits (`1732341137079`, optionally negative).
pub fn parse(text: &str, assumed: Offset) -> Result<Parsed, TimeError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(TimeError::Empty);
    }
    let digits = t.strip_prefix('-').unwrap_or(t);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let ms: i64 = t.parse().map_err(|_| TimeError::Range)?;
        return from_epoch(ms);
    }
    parse_text(t.as_bytes(), assumed)
}

/// [`parse`], keeping only milliseconds since the epoch.
pub fn parse_ms(text: &str, assumed: Offset) -> Option<i64> {
    parse(text, assumed).ok().map(|p| p.instant.epoch_ms)
}

/// A time as a JSON value: a string as [`parse`] reads it, or epoch milliseconds as a number
/// (an integral float such as `1.732341137079e12` too).
pub fn parse_value(v: &serde_json::Value, assumed: Offset) -> Result<Parsed, TimeError> {
    match v {
        serde_json::Value::String(s) => parse(s, assumed),
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                from_epoch(i)
            } else if n.as_u64().is_some() {
                Err(TimeError::Range)
            } else {
                match n.as_f64() {
                    Some(f) if f.is_finite() && f.fract() == 0.0 => {
                        if f >= Instant::MIN.epoch_ms as f64 && f <= Instant::MAX.epoch_ms as f64 {
                            from_epoch(f as i64)
                        } else {
                            Err(TimeError::Range)
                        }
                    }
                    _ => Err(TimeError::Syntax),
                }
            }
        }
        _ => Err(TimeError::Syntax),
    }
}

fn from_epoch(ms: i64) -> Result<Parsed, TimeError> {
    if !(Instant::MIN.epoch_ms..=Instant::MAX.epoch_ms).contains(&ms) {
        return Err(TimeError::Range);
    }
    Ok(Parsed {
        instant: Instant { epoch_ms: ms },
        offset: Offset::UTC,
        assumed: false,
    })
}

/// A cursor over ASCII bytes.
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Between `min` and `max` digits; their value and count.
    fn num(&mut self, min: usize, max: usize) -> Result<(u32, usize), TimeError> {
        let mut v = 0u32;
        let mut n = 0;
        while n < max {
            match self.peek() {
                Some(c) if c.is_ascii_digit() => {
                    v = v * 10 + u32::from(c - b'0');
                    n += 1;
                    self.i += 1;
                }
                _ => break,
            }
        }
        if n < min {
            Err(TimeError::Syntax)
        } else {
            Ok((v, n))
        }
    }

    fn spaces(&mut self) -> usize {
        let start = self.i;
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
        self.i - start
    }

    fn rest(&self) -> &[u8] {
        &self.b[self.i..]
    }
}

fn parse_text(b: &[u8], assumed: Offset) -> Result<Parsed, TimeError> {
    let mut c = Cur { b, i: 0 };
    // Date: YYYY-MM-DD.
    let (year, _) = c.num(4, 4)?;
    if !c.eat(b'-') {
        return Err(TimeError::Syntax);
    }
    let (month, _) = c.num(2, 2)?;
    if !c.eat(b'-') {
        return Err(TimeError::Syntax);
    }
    let (day, _) = c.num(2, 2)?;
    // `T` or spaces.
    if !(c.eat(b'T') || c.eat(b't') || c.spaces() > 0) {
        return Err(TimeError::Syntax);
    }
    // Time: H[H]:MM[:SS[.fff…]].
    let (hour, _) = c.num(1, 2)?;
    if !c.eat(b':') {
        return Err(TimeError::Syntax);
    }
    let (minute, _) = c.num(2, 2)?;
    let mut second = 0;
    let mut milli = 0;
    if c.eat(b':') {
        second = c.num(2, 2)?.0;
        if c.eat(b'.') || c.eat(b',') {
            let (head, n) = c.num(1, 3)?;
            milli = head * 10u32.pow(3 - n as u32);
            // Digits past the millisecond are read and dropped.
            while c.peek().is_some_and(|d| d.is_ascii_digit()) {
                c.i += 1;
            }
        }
    }
    // A 12-hour clock: ` am` / ` pm`.
    let mut meridiem = None;
    let before = c.i;
    c.spaces();
    let r = c.rest();
    if r.len() >= 2 && r[1].eq_ignore_ascii_case(&b'm') {
        let pm = match r[0].to_ascii_lowercase() {
            b'a' => Some(false),
            b'p' => Some(true),
            _ => None,
        };
        // `am` must end there (not the start of a word).
        if pm.is_some() && !r.get(2).is_some_and(u8::is_ascii_alphabetic) {
            meridiem = pm;
            c.i += 2;
        }
    }
    if meridiem.is_none() {
        c.i = before;
    }
    // Offset, if any.
    c.spaces();
    let rest = c.rest();
    let (offset, was_assumed) = if rest.is_empty() {
        (assumed, true)
    } else {
        (parse_offset(rest)?, false)
    };
    // Validate the values only once the shape is known.
    let hour = match meridiem {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return Err(TimeError::Time),
        None => hour,
    };
    let civil =
        Civil::new(i64::from(year), month as u8, day as u8, 0, 0, 0, 0).ok_or(TimeError::Date)?;
    if hour > 23 || minute > 59 || second > 59 {
        return Err(TimeError::Time);
    }
    let civil = Civil {
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
        milli: milli as u16,
        ..civil
    };
    Ok(Parsed {
        instant: civil.at(offset),
        offset,
        assumed: was_assumed,
    })
}

/// `Z`, `UTC`, `GMT`, optionally followed by (or just) `±H`, `±HH`, `±HHMM`, `±H:MM`, `±HH:MM`.
pub(super) fn parse_offset(b: &[u8]) -> Result<Offset, TimeError> {
    if b.eq_ignore_ascii_case(b"Z") {
        return Ok(Offset::UTC);
    }
    let mut c = Cur { b, i: 0 };
    let named = b.len() >= 3
        && (b[..3].eq_ignore_ascii_case(b"UTC") || b[..3].eq_ignore_ascii_case(b"GMT"));
    if named {
        c.i = 3;
        c.spaces();
        if c.rest().is_empty() {
            return Ok(Offset::UTC);
        }
    }
    let sign = match c.peek() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Err(TimeError::Syntax),
    };
    c.i += 1;
    let (h, n) = c.num(1, 4)?;
    let (hours, minutes) = match n {
        1 | 2 if c.eat(b':') => (h, c.num(2, 2)?.0),
        1 | 2 => (h, 0),
        4 => (h / 100, h % 100),
        _ => return Err(TimeError::Syntax),
    };
    if !c.rest().is_empty() {
        return Err(TimeError::Syntax);
    }
    if minutes > 59 {
        return Err(TimeError::Offset);
    }
    let total = (hours * 60 + minutes) as i32;
    Offset::from_minutes(sign * total).ok_or(TimeError::Offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::days_from_civil;
    use serde_json::json;

    const OCP_MS: i64 = 1_721_727_754_056; // 2024-07-23T17:42:34.056+08:00

    fn ms(s: &str) -> Option<i64> {
        parse_ms(s, Offset::UTC8)
    }

    fn err(s: &str) -> TimeError {
        parse(s, Offset::UTC8).expect_err(s)
    }

    #[test]
    fn ocp_form_and_every_offset_spelling() {
        assert_eq!(ms("1970-01-01T08:00:00.000+08:00"), Some(0));
        assert_eq!(ms("2024-07-23T17:42:34.056+08:00"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T09:42:34.056Z"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T09:42:34.056z"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T17:42:34.056+0800"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T17:42:34.056+08"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T17:42:34.056+8"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T17:42:34.056 +08:00"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T17:42:34.056 UTC+8"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T09:42:34.056 UTC"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T04:12:34.056-05:30"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T04:12:34.056-0530"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T17:42:34+08:00"), Some(OCP_MS - 56));
        assert_eq!(ms("  2024-07-23T17:42:34.056+08:00\n"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T09:42:34.056-00:00"), Some(OCP_MS));
        // The offset written wins over the assumed one, and is reported.
        let p = parse("2024-07-23T04:12:34.056-05:30", Offset::UTC).unwrap();
        assert_eq!(p.offset.minutes(), -330);
        assert!(!p.assumed);
        assert_eq!(p.assumed_offset(), None);
    }

    #[test]
    fn fractions_of_any_length_keep_milliseconds() {
        let base = OCP_MS - 56;
        for (frac, extra) in [
            ("", 0),
            (".0", 0),
            (".5", 500),
            (".05", 50),
            (".056", 56),
            (".0569", 56),
            (".056999", 56),
            (".056789123", 56),
            (".0567891234567", 56),
            (",056", 56),
        ] {
            assert_eq!(
                ms(&format!("2024-07-23T17:42:34{frac}+08:00")),
                Some(base + extra),
                "{frac}"
            );
        }
        assert_eq!(err("2024-07-23T17:42:34.+08:00"), TimeError::Syntax);
        assert_eq!(err("2024-07-23T17:42.5+08:00"), TimeError::Syntax);
    }

    #[test]
    fn space_for_t_and_optional_seconds() {
        assert_eq!(ms("2024-07-23 17:42:34.056+08:00"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23  17:42:34.056+08:00"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23t17:42:34.056+08:00"), Some(OCP_MS));
        assert_eq!(ms("2024-07-23T17:42+08:00"), Some(OCP_MS - 34_056));
        assert_eq!(
            ms("2024-07-23 7:42:34+08:00"),
            ms("2024-07-23T07:42:34+08:00")
        );
        assert!(ms("2024-07-23 7:42:34+08:00").is_some());
    }

    #[test]
    fn no_offset_means_the_assumed_one_and_says_so() {
        let p = parse("2024-07-23 17:42:34.056", Offset::UTC8).unwrap();
        assert_eq!(p.instant.epoch_ms, OCP_MS);
        assert!(p.assumed);
        assert_eq!(p.assumed_offset(), Some(Offset::UTC8));
        let utc = parse("2024-07-23T09:42:34.056", Offset::UTC).unwrap();
        assert_eq!(utc.instant.epoch_ms, OCP_MS);
        let minus = parse("2024-07-23T04:12:34.056", Offset::parse("-05:30").unwrap()).unwrap();
        assert_eq!(minus.instant.epoch_ms, OCP_MS);
        assert_eq!(
            minus.assumed_offset().map(|o| o.to_string()).as_deref(),
            Some("UTC-05:30")
        );
    }

    #[test]
    fn gfc_twelve_hour_clock() {
        let at = |s: &str| parse_ms(s, Offset::UTC);
        assert_eq!(at("2022-03-15 01:48 am"), at("2022-03-15T01:48:00Z"));
        assert_eq!(at("2022-03-15 01:48 AM"), at("2022-03-15T01:48:00Z"));
        assert_eq!(at("2022-03-15 1:48 pm"), at("2022-03-15T13:48:00Z"));
        assert_eq!(at("2022-03-15 12:05 am"), at("2022-03-15T00:05:00Z"));
        assert_eq!(at("2022-03-15 12:05 pm"), at("2022-03-15T12:05:00Z"));
        assert_eq!(at("2022-03-15 11:59:59 pm"), at("2022-03-15T23:59:59Z"));
        assert_eq!(at("2022-03-15 01:48pm"), at("2022-03-15T13:48:00Z"));
        assert_eq!(at("2022-03-15 01:48 pm +08:00"), at("2022-03-15T05:48:00Z"));
        assert!(parse("2022-03-15 01:48 am", Offset::UTC).unwrap().assumed);
        let no = |s: &str| parse(s, Offset::UTC).expect_err(s);
        assert_eq!(no("2022-03-15 13:05 pm"), TimeError::Time);
        assert_eq!(no("2022-03-15 00:05 am"), TimeError::Time);
        assert_eq!(no("2022-03-15 01:48 xm"), TimeError::Syntax);
        assert_eq!(no("2022-03-15 01:48 amx"), TimeError::Syntax);
        assert_eq!(no("2022-03-15 01:48 am am"), TimeError::Syntax);
    }

    #[test]
    fn epoch_milliseconds_as_number_and_digits() {
        let p = parse("1732341137079", Offset::UTC8).unwrap();
        assert_eq!(p.instant.epoch_ms, 1_732_341_137_079);
        assert!(!p.assumed);
        assert_eq!(p.instant.to_iso(), "2024-11-23T05:52:17.079Z");
        assert_eq!(ms(" 0 "), Some(0));
        assert_eq!(ms("-1000"), Some(-1000));
        assert_eq!(err("99999999999999999999"), TimeError::Range);
        assert_eq!(err("253402300800000"), TimeError::Range);
        assert_eq!(ms("253402300799999"), Some(Instant::MAX.epoch_ms));
        assert_eq!(err("-"), TimeError::Syntax);
        assert_eq!(err("+1732341137079"), TimeError::Syntax);
        let v = |v: serde_json::Value| parse_value(&v, Offset::UTC8).map(|p| p.instant.epoch_ms);
        assert_eq!(v(json!(1_732_341_137_079_i64)), Ok(1_732_341_137_079));
        assert_eq!(v(json!("1732341137079")), Ok(1_732_341_137_079));
        assert_eq!(v(json!(1.732341137079e12)), Ok(1_732_341_137_079));
        assert_eq!(v(json!(-5)), Ok(-5));
        assert_eq!(v(json!("2024-07-23T17:42:34.056+08:00")), Ok(OCP_MS));
        assert_eq!(v(json!(1.5)), Err(TimeError::Syntax));
        assert_eq!(v(json!(u64::MAX)), Err(TimeError::Range));
        assert_eq!(v(json!(1e300)), Err(TimeError::Range));
        assert_eq!(v(json!(null)), Err(TimeError::Syntax));
        assert_eq!(v(json!(true)), Err(TimeError::Syntax));
        assert_eq!(v(json!([1])), Err(TimeError::Syntax));
    }

    #[test]
    fn impossible_dates_and_times_are_rejected() {
        assert_eq!(err("2024-02-30T00:00:00Z"), TimeError::Date);
        assert_eq!(err("2023-02-29T00:00:00Z"), TimeError::Date);
        assert_eq!(err("1900-02-29T00:00:00Z"), TimeError::Date);
        assert_eq!(err("2024-04-31T00:00:00Z"), TimeError::Date);
        assert_eq!(err("2024-13-23T17:42:34.056+08:00"), TimeError::Date);
        assert_eq!(err("2024-00-23T17:42:34Z"), TimeError::Date);
        assert_eq!(err("2024-07-00T17:42:34Z"), TimeError::Date);
        assert_eq!(err("2024-07-32T17:42:34Z"), TimeError::Date);
        assert_eq!(err("2024-07-23T25:00:00Z"), TimeError::Time);
        assert_eq!(err("2024-07-23T24:00:00Z"), TimeError::Time);
        assert_eq!(err("2024-07-23T12:60:00Z"), TimeError::Time);
        assert_eq!(err("2024-07-23T12:00:60Z"), TimeError::Time);
        assert_eq!(err("2024-07-23T12:00:61Z"), TimeError::Time);
        assert_eq!(err("2024-07-23T12:00:00+18:01"), TimeError::Offset);
        assert_eq!(err("2024-07-23T12:00:00-19:00"), TimeError::Offset);
        assert_eq!(err("2024-07-23T12:00:00+99"), TimeError::Offset);
        assert_eq!(err("2024-07-23T12:00:00+08:60"), TimeError::Offset);
        assert!(ms("2024-07-23T12:00:00+18:00").is_some());
        assert!(ms("2024-07-23T12:00:00-18:00").is_some());
    }

    #[test]
    fn malformed_text_is_rejected() {
        for bad in [
            "yesterday",
            "2024-07-23",
            "2024-07-23T",
            "2024-07-23T17",
            "2024-07-23T17:4",
            "2024-07-23T17:42:3",
            "2024-07-23T123:42:34Z",
            "24-07-23T17:42:34Z",
            "2024/07/23 17:42:34",
            "2024-7-23T17:42:34Z",
            "2024-07-23X17:42:34Z",
            "2024-07-23T17:42:34+08:00:00",
            "2024-07-23T17:42:34+080",
            "2024-07-23T17:42:34+",
            "2024-07-23T17:42:34 Asia/Shanghai",
            "2024-07-23T17:42:34ZZ",
            "２０２４-07-23T17:42:34Z",
            "2024-07-23T17:42:34.056+08:00 trailing",
        ] {
            assert_eq!(err(bad), TimeError::Syntax, "{bad}");
        }
        assert_eq!(err(""), TimeError::Empty);
        assert_eq!(err("   "), TimeError::Empty);
    }

    /// xorshift64*: deterministic, so a failure reproduces.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn range(&mut self, lo: i64, hi: i64) -> i64 {
            lo + (self.next() % (hi - lo + 1) as u64) as i64
        }
    }

    #[test]
    fn property_format_then_parse_round_trips() {
        let mut rng = Rng(0x005E_ED0F_714E);
        // Years 0001-9998, so every offset's local reading still has four digits.
        let lo = days_from_civil(1, 1, 1) * 86_400_000;
        let hi = days_from_civil(9999, 1, 1) * 86_400_000 - 1;
        for _ in 0..50_000 {
            let t = Instant::from_epoch_ms(rng.range(lo, hi));
            let off = Offset::from_minutes(rng.range(-1080, 1080) as i32).unwrap();
            let assumed = Offset::from_minutes(rng.range(-1080, 1080) as i32).unwrap();
            let wire = t.to_ocp(off);
            let p = parse(&wire, assumed).unwrap_or_else(|e| panic!("{wire}: {e}"));
            assert_eq!(p.instant, t, "{wire}");
            assert_eq!(p.offset, off, "{wire}");
            assert!(!p.assumed);
            assert_eq!(p.instant.to_ocp(off), wire);
            // Without its offset the reading is taken at the assumed one.
            let local = t.to_local(off);
            let q = parse(&local, off).unwrap();
            assert_eq!((q.instant, q.assumed), (t, true), "{local}");
            // Epoch ms as digits.
            assert_eq!(parse_ms(&t.epoch_ms.to_string(), assumed), Some(t.epoch_ms));
            // The civil reading rebuilds the instant.
            assert_eq!(t.civil(off).at(off), t);
        }
    }

    #[test]
    fn property_random_fields_are_accepted_exactly_when_they_exist() {
        let mut rng = Rng(0xDA7E_5EED);
        for _ in 0..50_000 {
            let y = rng.range(0, 9999);
            let mo = rng.range(0, 14);
            let d = rng.range(0, 33);
            let h = rng.range(0, 26);
            let mi = rng.range(0, 61);
            let s = rng.range(0, 61);
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let len = match mo {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => 0,
            };
            let date_ok = (1..=len).contains(&d);
            let time_ok = h < 24 && mi < 60 && s < 60;
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.000Z");
            match parse(&text, Offset::UTC8) {
                Ok(p) => {
                    assert!(date_ok && time_ok, "accepted {text}");
                    assert_eq!(p.instant.to_iso(), text);
                }
                Err(e) => {
                    assert!(!(date_ok && time_ok), "rejected {text}: {e}");
                    let want = if date_ok {
                        TimeError::Time
                    } else {
                        TimeError::Date
                    };
                    assert_eq!(e, want, "{text}");
                }
            }
        }
    }
}
