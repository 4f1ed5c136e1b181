//! Times, ages and durations as an operator reads them, in English and Chinese.
//!
//! Every function takes what it needs explicitly (the instant, the current time, the operator's
//! offset, the language), so the SPA passes the browser's clock and zone and the native tests
//! pin all four. Absolute times are read in the operator's zone and name it ("13:52:17 today
//! (UTC+8)"): OCP's own zone is often another, and an unnamed zone is the one mistake a time on
//! a failover screen must not invite.

use super::{days_from_civil, Instant, Offset, Parsed};
use crate::i18n::{fill, month_short, text, Lang, Text};

/// Below this distance from now an age reads "just now", in the past or the future: the
/// browser's and OCP's clocks may differ by that much, and seconds would only flicker.
pub const JUST_NOW_MS: i64 = 60_000;

/// The zone as it is shown beside a time: `UTC+8`, `UTC-5:30`, `UTC+5:45`, and `UTC` for zero.
pub fn zone_label(offset: Offset) -> String {
    let m = offset.minutes();
    if m == 0 {
        return "UTC".to_string();
    }
    let sign = if m < 0 { '-' } else { '+' };
    let (h, min) = (m.abs() / 60, m.abs() % 60);
    if min == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{min:02}")
    }
}

/// The exact time kept on hover for the operator who needs it: ISO-8601 at the offset it was
/// written at (OCP's own text for an OCP time; the assumed offset written out for a time sent
/// without one; `Z` for epoch milliseconds).
pub fn exact(p: &Parsed) -> String {
    p.instant.to_ocp(p.offset)
}

/// `t` on the operator's clock, relative to `now`'s calendar day: "13:52:17 today",
/// "13:52:17 yesterday", "21 Nov 13:52:17", and with the year when it is not `now`'s year
/// ("21 Nov 2025 13:52:17": a date without its year is read as this year's, so a time from last
/// December seen in January would look like a future one).
pub fn when(t: Instant, now: Instant, offset: Offset, lang: Lang) -> String {
    let c = t.civil(offset);
    let today = now.civil(offset);
    let clock = format!("{:02}:{:02}:{:02}", c.hour, c.minute, c.second);
    let days = days_from_civil(c.year, c.month, c.day)
        - days_from_civil(today.year, today.month, today.day);
    let day = c.day.to_string();
    let month = month_short(lang, c.month);
    match days {
        0 => fill(lang, Text::TimeToday, &[&clock]),
        -1 => fill(lang, Text::TimeYesterday, &[&clock]),
        1 => fill(lang, Text::TimeTomorrow, &[&clock]),
        _ if c.year == today.year => fill(lang, Text::TimeDate, &[&day, &month, &clock]),
        _ => fill(
            lang,
            Text::TimeDateYear,
            &[&day, &month, &c.year.to_string(), &clock],
        ),
    }
}

/// [`when`] with the zone named: "13:52:17 today (UTC+8)", "今天 13:52:17 (UTC+8)".
pub fn when_zoned(t: Instant, now: Instant, offset: Offset, lang: Lang) -> String {
    fill(
        lang,
        Text::TimeZoned,
        &[&when(t, now, offset, lang), &zone_label(offset)],
    )
}

/// How long ago `t` was: "just now", "3 min ago", "2 h ago", "4 d ago" (whole units, rounded
/// down). A time ahead of `now` (clock skew, a planned time) reads "in 2 min"; within
/// [`JUST_NOW_MS`] either way it is "just now".
pub fn age(t: Instant, now: Instant, lang: Lang) -> String {
    let d = now.epoch_ms.saturating_sub(t.epoch_ms);
    if d.unsigned_abs() < JUST_NOW_MS.unsigned_abs() {
        return text(lang, Text::AgoJustNow).to_string();
    }
    let secs = d.unsigned_abs() / 1000;
    let (n, past, future) = if secs < 3600 {
        (secs / 60, Text::AgoMinutes, Text::InMinutes)
    } else if secs < 86_400 {
        (secs / 3600, Text::AgoHours, Text::InHours)
    } else {
        (secs / 86_400, Text::AgoDays, Text::InDays)
    };
    fill(lang, if d > 0 { past } else { future }, &[&n.to_string()])
}

/// A span of time in its two largest units, rounded down: "45 s", "1 m 20 s", "2 h 5 m",
/// "3 d 4 h"; a zero second unit is left out ("2 h", "1 m"). A negative span (the start was
/// written by a clock ahead of the one that read the end) reads "0 s", never a minus.
pub fn duration(ms: i64, lang: Lang) -> String {
    let s = ms.max(0) / 1000;
    let unit = |n: i64, t: Text| fill(lang, t, &[&n.to_string()]);
    let (big, small) = if s < 60 {
        return unit(s, Text::DurSeconds);
    } else if s < 3600 {
        ((s / 60, Text::DurMinutes), (s % 60, Text::DurSeconds))
    } else if s < 86_400 {
        (
            (s / 3600, Text::DurHours),
            (s % 3600 / 60, Text::DurMinutes),
        )
    } else {
        (
            (s / 86_400, Text::DurDays),
            (s % 86_400 / 3600, Text::DurHours),
        )
    };
    if small.0 == 0 {
        unit(big.0, big.1)
    } else {
        format!("{} {}", unit(big.0, big.1), unit(small.0, small.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{parse, Civil};
    use Lang::{En, Zh};

    const UTC8: Offset = Offset::UTC8;

    /// An instant from its reading on a UTC+8 clock.
    fn at8(y: i64, mo: u8, d: u8, h: u8, mi: u8, s: u8) -> Instant {
        Civil::new(y, mo, d, h, mi, s, 0).unwrap().at(UTC8)
    }

    fn off(m: i32) -> Offset {
        Offset::from_minutes(m).unwrap()
    }

    #[test]
    fn zone_labels() {
        assert_eq!(zone_label(UTC8), "UTC+8");
        assert_eq!(zone_label(Offset::UTC), "UTC");
        assert_eq!(zone_label(off(-330)), "UTC-5:30");
        assert_eq!(zone_label(off(345)), "UTC+5:45");
        assert_eq!(zone_label(off(-300)), "UTC-5");
        assert_eq!(zone_label(off(1080)), "UTC+18");
        // The label reads back as the same offset.
        for m in [-1080, -330, -60, 0, 30, 345, 480, 1080] {
            assert_eq!(Offset::parse(&zone_label(off(m))), Some(off(m)));
        }
    }

    #[test]
    fn today_yesterday_tomorrow_in_both_languages() {
        let now = at8(2026, 11, 23, 14, 0, 0);
        let t = at8(2026, 11, 23, 13, 52, 17);
        assert_eq!(when_zoned(t, now, UTC8, En), "13:52:17 today (UTC+8)");
        assert_eq!(when_zoned(t, now, UTC8, Zh), "今天 13:52:17 (UTC+8)");
        assert_eq!(when(t, now, UTC8, En), "13:52:17 today");
        let y = at8(2026, 11, 22, 9, 5, 3);
        assert_eq!(when_zoned(y, now, UTC8, En), "09:05:03 yesterday (UTC+8)");
        assert_eq!(when_zoned(y, now, UTC8, Zh), "昨天 09:05:03 (UTC+8)");
        let tm = at8(2026, 11, 24, 1, 48, 0);
        assert_eq!(when(tm, now, UTC8, En), "01:48:00 tomorrow");
        assert_eq!(when(tm, now, UTC8, Zh), "明天 01:48:00");
        let d = at8(2026, 11, 21, 13, 52, 17);
        assert_eq!(when_zoned(d, now, UTC8, En), "21 Nov 13:52:17 (UTC+8)");
        assert_eq!(when_zoned(d, now, UTC8, Zh), "11月21日 13:52:17 (UTC+8)");
        let later = at8(2026, 12, 2, 8, 0, 0);
        assert_eq!(when(later, now, UTC8, En), "2 Dec 08:00:00");
    }

    #[test]
    fn midnight_is_the_boundary_of_today() {
        let now = at8(2026, 11, 23, 0, 0, 5);
        assert_eq!(
            when(at8(2026, 11, 23, 0, 0, 0), now, UTC8, En),
            "00:00:00 today"
        );
        assert_eq!(
            when(at8(2026, 11, 22, 23, 59, 59), now, UTC8, En),
            "23:59:59 yesterday"
        );
        assert_eq!(
            when(at8(2026, 11, 21, 23, 59, 59), now, UTC8, En),
            "21 Nov 23:59:59"
        );
        let late = at8(2026, 11, 23, 23, 59, 59);
        assert_eq!(
            when(at8(2026, 11, 24, 0, 0, 0), late, UTC8, Zh),
            "明天 00:00:00"
        );
    }

    #[test]
    fn the_day_is_the_operators_not_utcs() {
        // 23:30 UTC on the 22nd is 07:30 on the 23rd in UTC+8 and 18:30 on the 22nd in UTC-5.
        let t = Civil::new(2026, 11, 22, 23, 30, 0, 0)
            .unwrap()
            .at(Offset::UTC);
        let now = Civil::new(2026, 11, 23, 2, 0, 0, 0)
            .unwrap()
            .at(Offset::UTC);
        assert_eq!(when_zoned(t, now, UTC8, En), "07:30:00 today (UTC+8)");
        assert_eq!(when_zoned(t, now, off(-300), En), "18:30:00 today (UTC-5)");
        assert_eq!(
            when_zoned(t, now, Offset::UTC, En),
            "23:30:00 yesterday (UTC)"
        );
        assert_eq!(when_zoned(t, now, off(330), Zh), "今天 05:00:00 (UTC+5:30)");
    }

    #[test]
    fn another_year_names_the_year() {
        let now = at8(2026, 1, 2, 10, 0, 0);
        // Across new year: yesterday is still yesterday.
        assert_eq!(
            when(at8(2026, 1, 1, 23, 0, 0), now, UTC8, En),
            "23:00:00 yesterday"
        );
        assert_eq!(
            when(at8(2025, 12, 31, 23, 0, 0), now, UTC8, En),
            "31 Dec 2025 23:00:00"
        );
        assert_eq!(
            when(at8(2025, 12, 31, 23, 0, 0), now, UTC8, Zh),
            "2025年12月31日 23:00:00"
        );
        // More than a year apart.
        assert_eq!(
            when_zoned(at8(2024, 7, 23, 17, 42, 34), now, UTC8, En),
            "23 Jul 2024 17:42:34 (UTC+8)"
        );
        assert_eq!(
            when_zoned(at8(2024, 7, 23, 17, 42, 34), now, UTC8, Zh),
            "2024年7月23日 17:42:34 (UTC+8)"
        );
        // New year's eve seen on new year's day is yesterday, across the year.
        let ny = at8(2027, 1, 1, 0, 10, 0);
        assert_eq!(
            when(at8(2026, 12, 31, 23, 50, 0), ny, UTC8, Zh),
            "昨天 23:50:00"
        );
        // A date later this year and one in a later year.
        assert_eq!(
            when(at8(2026, 3, 1, 0, 0, 0), now, UTC8, En),
            "1 Mar 00:00:00"
        );
        assert_eq!(
            when(at8(2027, 3, 1, 0, 0, 0), now, UTC8, En),
            "1 Mar 2027 00:00:00"
        );
    }

    #[test]
    fn months_have_their_names() {
        let now = at8(2026, 6, 15, 12, 0, 0);
        let names: Vec<String> = (1..=12)
            .map(|m| when(at8(2026, m, 3, 0, 0, 0), now, UTC8, En))
            .collect();
        assert_eq!(names[0], "3 Jan 00:00:00");
        assert_eq!(names[4], "3 May 00:00:00");
        assert_eq!(names[11], "3 Dec 00:00:00");
        assert_eq!(
            when(at8(2026, 9, 3, 0, 0, 0), now, UTC8, Zh),
            "9月3日 00:00:00"
        );
    }

    #[test]
    fn ages_in_both_languages() {
        let now = at8(2026, 11, 23, 14, 0, 0);
        let ago = |secs: i64, lang| {
            age(
                Instant::from_epoch_ms(now.epoch_ms - secs * 1000),
                now,
                lang,
            )
        };
        assert_eq!(ago(0, En), "just now");
        assert_eq!(ago(0, Zh), "刚刚");
        assert_eq!(ago(59, En), "just now");
        assert_eq!(ago(60, En), "1 min ago");
        assert_eq!(ago(3 * 60 + 59, En), "3 min ago");
        assert_eq!(ago(3 * 60, Zh), "3 分钟前");
        assert_eq!(ago(3599, En), "59 min ago");
        assert_eq!(ago(3600, En), "1 h ago");
        assert_eq!(ago(2 * 3600 + 1800, En), "2 h ago");
        assert_eq!(ago(2 * 3600, Zh), "2 小时前");
        assert_eq!(ago(86_399, En), "23 h ago");
        assert_eq!(ago(86_400, En), "1 d ago");
        assert_eq!(ago(400 * 86_400, Zh), "400 天前");
    }

    #[test]
    fn a_time_ahead_of_now_reads_as_future_or_just_now() {
        let now = at8(2026, 11, 23, 14, 0, 0);
        let ahead = |secs: i64, lang| {
            age(
                Instant::from_epoch_ms(now.epoch_ms + secs * 1000),
                now,
                lang,
            )
        };
        // A few seconds of skew between OCP's clock and the browser's.
        assert_eq!(ahead(3, En), "just now");
        assert_eq!(ahead(59, Zh), "刚刚");
        assert_eq!(ahead(2 * 60, En), "in 2 min");
        assert_eq!(ahead(2 * 60, Zh), "2 分钟后");
        assert_eq!(ahead(5 * 3600, En), "in 5 h");
        assert_eq!(ahead(3 * 86_400, Zh), "3 天后");
        // Extreme instants do not overflow.
        assert_eq!(age(Instant::MIN, Instant::MAX, En), "3652424 d ago");
        assert_eq!(age(Instant::MAX, Instant::MIN, En), "in 3652424 d");
    }

    #[test]
    fn durations_in_both_languages() {
        assert_eq!(duration(45_000, En), "45 s");
        assert_eq!(duration(45_999, En), "45 s");
        assert_eq!(duration(45_000, Zh), "45 秒");
        assert_eq!(duration(80_000, En), "1 m 20 s");
        assert_eq!(duration(80_000, Zh), "1 分 20 秒");
        assert_eq!(duration(60_000, En), "1 m");
        assert_eq!(duration(59_999, En), "59 s");
        assert_eq!(duration(3_599_000, En), "59 m 59 s");
        assert_eq!(duration(3_600_000, En), "1 h");
        assert_eq!(duration((2 * 3600 + 5 * 60 + 30) * 1000, En), "2 h 5 m");
        assert_eq!(duration((2 * 3600 + 5 * 60) * 1000, Zh), "2 小时 5 分");
        assert_eq!(duration(86_400_000, En), "1 d");
        assert_eq!(duration((3 * 86_400 + 4 * 3600 + 59) * 1000, En), "3 d 4 h");
        assert_eq!(duration((3 * 86_400 + 4 * 3600) * 1000, Zh), "3 天 4 小时");
    }

    #[test]
    fn zero_and_negative_durations() {
        assert_eq!(duration(0, En), "0 s");
        assert_eq!(duration(999, En), "0 s");
        assert_eq!(duration(0, Zh), "0 秒");
        assert_eq!(duration(-1, En), "0 s");
        assert_eq!(duration(-90_000, Zh), "0 秒");
        assert_eq!(duration(i64::MIN, En), "0 s");
        assert_eq!(duration(i64::MAX, En), "106751991167 d 7 h");
    }

    #[test]
    fn the_exact_time_is_kept_as_written() {
        let p = parse("2026-11-23T13:52:17.079+08:00", UTC8).unwrap();
        assert_eq!(exact(&p), "2026-11-23T13:52:17.079+08:00");
        let assumed = parse("2026-11-23 13:52:17", UTC8).unwrap();
        assert_eq!(exact(&assumed), "2026-11-23T13:52:17.000+08:00");
        let epoch = parse("1732341137079", UTC8).unwrap();
        assert_eq!(exact(&epoch), "2024-11-23T05:52:17.079Z");
    }

    #[test]
    fn what_ocp_sends_reads_in_the_operators_zone() {
        // OCP at UTC+8, the operator in UTC-5: the same instant, named in the operator's zone.
        let p = parse("2026-11-23T13:52:17.079+08:00", UTC8).unwrap();
        let now = parse("2026-11-23T14:00:00+08:00", UTC8).unwrap().instant;
        assert_eq!(
            when_zoned(p.instant, now, off(-300), En),
            "00:52:17 today (UTC-5)"
        );
        assert_eq!(
            when_zoned(p.instant, now, UTC8, En),
            "13:52:17 today (UTC+8)"
        );
        assert_eq!(age(p.instant, now, En), "7 min ago");
    }
}
