//! HTTP's own date format (RFC 9110 IMF-fixdate, `Wed, 21 Oct 2015 07:28:00 GMT`), which a
//! `Retry-After` header may carry instead of seconds. Only the format servers must send is
//! read; the obsolete ones are refused (the caller then waits its default).

/// Milliseconds since the epoch, or `None` if `text` is not an IMF-fixdate.
pub fn parse_http_date(text: &str) -> Option<i64> {
    let (_weekday, rest) = text.trim().split_once(", ")?;
    let mut parts = rest.split(' ');
    let day: u8 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next()? != "GMT" || parts.next().is_some() || hms.next().is_some() {
        return None;
    }
    if !(1..=31).contains(&day) || h > 23 || m > 59 || s > 59 || !(1970..=9999).contains(&year) {
        return None;
    }
    let days = super::days_from_civil(year, month, day);
    Some(((days * 24 + h) * 60 + m) * 60_000 + s * 1_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_imf_fixdate_and_refuses_the_rest() {
        assert_eq!(
            parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(1_445_412_480_000)
        );
        assert_eq!(
            parse_http_date("Thu, 01 Jan 1970 00:00:01 GMT"),
            Some(1_000)
        );
        assert_eq!(parse_http_date("Wednesday, 21-Oct-15 07:28:00 GMT"), None);
        assert_eq!(parse_http_date("Wed, 21 Oct 2015 07:28:00 UTC"), None);
        assert_eq!(parse_http_date("Wed, 21 Oct 2015 25:28:00 GMT"), None);
        assert_eq!(parse_http_date("120"), None);
    }
}
