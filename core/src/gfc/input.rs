//! The launch rules the console and the mock both enforce, so an operator sees the mock's
//! refusal before sending: component ids pasted in any separator, the failback time in GFC's
//! `2022-03-15 01:48 am` shape, and every field of a launch body checked, each failure named by
//! field and rule.

use super::wire::LaunchBody;
use std::collections::BTreeMap;

/// Splits a pasted list of ids on any common separator (commas, spaces, newlines, semicolons,
/// tabs, pipes). Returns (ids in order without duplicates, tokens that are not ids).
pub fn parse_ids(text: &str) -> (Vec<i64>, Vec<String>) {
    let mut ids = Vec::new();
    let mut bad = Vec::new();
    for token in
        text.split(|c: char| c == ',' || c == ';' || c == '|' || c == '，' || c.is_whitespace())
    {
        let t = token.trim();
        if t.is_empty() {
            continue;
        }
        match t.parse::<i64>() {
            Ok(v) if v > 0 => {
                if !ids.contains(&v) {
                    ids.push(v)
                }
            }
            _ => bad.push(t.to_string()),
        }
    }
    (ids, bad)
}

/// Parses `2022-03-15 01:48 am` (12-hour clock, am/pm, UTC) into ms since the epoch: the
/// shape GFC asks for (docs/gfc-api.md), read by [`crate::time::parse`] with UTC assumed.
pub fn parse_failback_time(s: &str) -> Option<i64> {
    let t = s.trim();
    let tail = t.get(t.len().saturating_sub(3)..)?;
    if !(tail.eq_ignore_ascii_case(" am") || tail.eq_ignore_ascii_case(" pm")) {
        return None;
    }
    crate::time::parse_ms(t, crate::time::Offset::UTC)
}

/// Formats ms since the epoch (UTC) as `2022-03-15 01:48 am`.
pub fn format_failback_time(ms: i64) -> String {
    let c = crate::time::Instant::from_epoch_ms(ms).civil(crate::time::Offset::UTC);
    let (h12, ampm) = match c.hour {
        0 => (12, "am"),
        h @ 1..=11 => (h, "am"),
        12 => (12, "pm"),
        h => (h - 12, "pm"),
    };
    format!(
        "{:04}-{:02}-{:02} {h12:02}:{:02} {ampm}",
        c.year, c.month, c.day, c.minute
    )
}

/// A field that failed validation and why (English; the SPA shows its own words by `field`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    /// Which rule, for the console's own words: `required`, `unknown`, `format`, `past`, `range`.
    pub rule: &'static str,
    pub message: String,
}

/// The launch rules both sides enforce. `known`: component ids GFC knows.
pub fn validate(body: &LaunchBody, known: &[i64], now_ms: i64) -> Vec<Invalid> {
    let mut out = Vec::new();
    let mut bad = |field: &'static str, rule: &'static str, message: String| {
        out.push(Invalid {
            field,
            rule,
            message,
        })
    };
    if body.reason.trim().is_empty() {
        bad("reason", "required", "A reason is required.".into());
    }
    if body.is_failover != 0 && body.is_failover != 1 {
        bad(
            "isfailover",
            "range",
            format!(
                "isfailover must be 0 (failback) or 1 (failover), not {}.",
                body.is_failover
            ),
        );
    }
    let (ids, junk) = parse_ids(&body.component_ids);
    if ids.is_empty() {
        bad(
            "componentIDs",
            "required",
            "Name at least one component id.".into(),
        );
    }
    if !junk.is_empty() {
        bad(
            "componentIDs",
            "format",
            format!("Not component ids: {}.", junk.join(", ")),
        );
    }
    let unknown: Vec<String> = ids
        .iter()
        .filter(|i| !known.contains(i))
        .map(i64::to_string)
        .collect();
    if !unknown.is_empty() {
        bad(
            "componentIDs",
            "unknown",
            format!("Unknown components: {}.", unknown.join(", ")),
        );
    }
    let t = body.est_failback_time.trim();
    if body.is_failover == 1 || !t.is_empty() {
        match parse_failback_time(t) {
            None if t.is_empty() => bad(
                "estFailbackTime",
                "required",
                "An estimated failback time is required for a failover.".into(),
            ),
            None => bad(
                "estFailbackTime",
                "format",
                format!("\"{t}\" is not a time like 2022-03-15 01:48 am."),
            ),
            Some(ms) if ms <= now_ms => bad(
                "estFailbackTime",
                "past",
                "The estimated failback time must be in the future.".into(),
            ),
            Some(_) => {}
        }
    }
    if !body.wo_info.trim().is_empty() {
        match serde_json::from_str::<BTreeMap<String, serde_json::Value>>(&body.wo_info) {
            Ok(map) => {
                let stray: Vec<&String> = map
                    .keys()
                    .filter(|k| k.parse::<i64>().map_or(true, |v| !ids.contains(&v)))
                    .collect();
                if !stray.is_empty() {
                    bad(
                        "woInfo",
                        "unknown",
                        format!(
                            "Tickets for components not in this request: {}.",
                            stray
                                .iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
            }
            Err(e) => bad(
                "woInfo",
                "format",
                format!("woInfo is not a JSON object of component id to ticket: {e}."),
            ),
        }
    }
    for (field, v) in [
        ("isMaintain", body.is_maintain),
        ("isMct", body.is_mct),
        ("isPoolHealthCheck", body.is_pool_health_check),
        ("isSVTA", body.is_svta),
    ] {
        if v != 0 && v != 1 {
            bad(field, "range", format!("{field} must be 0 or 1, not {v}."));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> LaunchBody {
        LaunchBody {
            user_name: "senwan".into(),
            component_ids: "7922,7923".into(),
            est_failback_time: "2030-03-15 01:48 am".into(),
            is_failover: 1,
            reason: "DC maintenance".into(),
            wo_info: r#"{"7922":"CHG0001"}"#.into(),
            ..Default::default()
        }
    }

    #[test]
    fn ids_in_any_separator() {
        assert_eq!(
            parse_ids("7922, 7923\n7924;7925\t7922 | 359"),
            (vec![7922, 7923, 7924, 7925, 359], vec![])
        );
        assert_eq!(
            parse_ids("12,abc,-3, ,"),
            (vec![12], vec!["abc".to_string(), "-3".to_string()])
        );
    }

    #[test]
    fn failback_time_round_trips() {
        let ms = parse_failback_time("2022-03-15 01:48 am").unwrap();
        assert_eq!(format_failback_time(ms), "2022-03-15 01:48 am");
        assert_eq!(
            parse_failback_time("2022-03-15 12:05 pm")
                .map(format_failback_time)
                .as_deref(),
            Some("2022-03-15 12:05 pm")
        );
        assert_eq!(
            parse_failback_time("2022-03-15 12:05 am")
                .map(format_failback_time)
                .as_deref(),
            Some("2022-03-15 12:05 am")
        );
        assert_eq!(parse_failback_time("2022-03-15 13:05 pm"), None);
        assert_eq!(parse_failback_time("tomorrow"), None);
    }

    #[test]
    fn validation_names_each_field() {
        let now = parse_failback_time("2026-01-01 10:00 am").unwrap();
        let known = [7922, 7923];
        assert!(validate(&body(), &known, now).is_empty());
        let fields = |b: &LaunchBody| {
            validate(b, &known, now)
                .into_iter()
                .map(|i| i.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(&LaunchBody {
                reason: " ".into(),
                ..body()
            }),
            ["reason"]
        );
        assert_eq!(
            fields(&LaunchBody {
                is_failover: 2,
                ..body()
            }),
            ["isfailover"]
        );
        assert_eq!(
            fields(&LaunchBody {
                component_ids: "7922,9999".into(),
                ..body()
            }),
            ["componentIDs"]
        );
        assert_eq!(
            fields(&LaunchBody {
                est_failback_time: "".into(),
                ..body()
            }),
            ["estFailbackTime"]
        );
        assert_eq!(
            fields(&LaunchBody {
                est_failback_time: "2020-01-01 01:00 am".into(),
                ..body()
            }),
            ["estFailbackTime"]
        );
        assert_eq!(
            fields(&LaunchBody {
                est_failback_time: "soon".into(),
                ..body()
            }),
            ["estFailbackTime"]
        );
        assert_eq!(
            fields(&LaunchBody {
                wo_info: "{nope".into(),
                ..body()
            }),
            ["woInfo"]
        );
        assert_eq!(
            fields(&LaunchBody {
                wo_info: r#"{"2715":"x"}"#.into(),
                ..body()
            }),
            ["woInfo"]
        );
        // A failback needs no failback time.
        assert!(validate(
            &LaunchBody {
                is_failover: 0,
                est_failback_time: "".into(),
                ..body()
            },
            &known,
            now
        )
        .is_empty());
    }
}
