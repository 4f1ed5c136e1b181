//! How a plan's values read: why a standby is not a safe target, a figure that may be a floor.

use super::plan::Unsafe;
use super::totals::Figure;
use crate::i18n::{fill, text, Lang, Text};
use crate::time::human;

pub fn unsafe_reason(standby: &str, u: Unsafe, lang: Lang) -> String {
    let d = |s: i64| human::duration(s * 1000, lang);
    match u {
        Unsafe::NeverPrechecked => fill(lang, Text::UnsafeNeverPrechecked, &[standby]),
        Unsafe::LastBlocked => fill(lang, Text::UnsafeBlocked, &[standby]),
        Unsafe::LastNoVerdict => fill(lang, Text::UnsafeNoVerdict, &[standby]),
        Unsafe::RpoExceeded { rpo_secs, lag_secs } => fill(
            lang,
            Text::UnsafeRpo,
            &[standby, &d(lag_secs), &d(rpo_secs)],
        ),
        Unsafe::LagUnknownWithObjective { rpo_secs } => {
            fill(lang, Text::UnsafeLagUnknown, &[standby, &d(rpo_secs)])
        }
    }
}

/// A figure in words, `unit_ms` the milliseconds one unit stands for (1000 for seconds).
pub fn figure(f: Figure, unit_ms: i64, lang: Lang) -> String {
    match f {
        Figure::Known(v) => human::duration(v * unit_ms, lang),
        Figure::AtLeast(v) => fill(
            lang,
            Text::RecoveryAtLeast,
            &[&human::duration(v * unit_ms, lang)],
        ),
        Figure::Unknown => text(lang, Text::RecoveryUnknown).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_and_floors_in_both_languages() {
        assert_eq!(
            unsafe_reason(
                "payments_dr",
                Unsafe::RpoExceeded {
                    rpo_secs: 30,
                    lag_secs: 95
                },
                Lang::En
            ),
            "payments_dr: 1 m 35 s behind, over its RPO objective of 30 s"
        );
        assert_eq!(
            figure(Figure::AtLeast(95), 1000, Lang::En),
            "at least 1 m 35 s"
        );
        assert_eq!(figure(Figure::Unknown, 1, Lang::Zh), "未知");
        assert_eq!(
            unsafe_reason("x", Unsafe::NeverPrechecked, Lang::Zh),
            "x：从未预检查"
        );
    }
}
