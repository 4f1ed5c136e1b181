//! When the board's periodic re-check starts by itself, and the countdown to it: timing alone,
//! kept apart from the queue it starts so both rules (never hidden, never two runs at once)
//! read in one place.

/// The re-check interval when `config.json` gives none or an invalid one, in minutes.
pub const DEFAULT_INTERVAL_MIN: u32 = 5;

/// Whether the periodic re-check should start now: `interval_min` minutes after the last one
/// started (or after the page opened), never in a hidden tab, never while a run is going. A
/// tab hidden past the time re-checks as soon as it is shown again.
pub fn recheck_due(
    last_start_ms: i64,
    now_ms: i64,
    interval_min: u32,
    hidden: bool,
    busy: bool,
) -> bool {
    !hidden && !busy && now_ms - last_start_ms >= interval_ms(interval_min)
}

/// How long until the periodic re-check starts by itself, counted as [`recheck_due`] counts,
/// rounded up to whole seconds (a countdown never reads "0 s" while a second is left) and never
/// more than the interval (a clock read just before the run started, or set back since); 0 once
/// it is due. `None` while a run is going: the queue's own status says what happens then.
pub fn next_recheck_in_ms(
    last_start_ms: i64,
    now_ms: i64,
    interval_min: u32,
    busy: bool,
) -> Option<i64> {
    if busy {
        return None;
    }
    let interval = interval_ms(interval_min);
    let left = (last_start_ms + interval - now_ms).clamp(0, interval);
    Some((left + 999) / 1000 * 1000)
}

/// The re-check interval in ms: at least a minute, whatever the configuration says.
fn interval_ms(interval_min: u32) -> i64 {
    i64::from(interval_min.max(1)) * 60_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recheck_is_due_after_the_interval_unless_hidden_or_busy() {
        let min = 60_000;
        assert!(!recheck_due(0, 5 * min - 1, 5, false, false));
        assert!(recheck_due(0, 5 * min, 5, false, false));
        assert!(
            !recheck_due(0, 9 * min, 5, true, false),
            "paused in a hidden tab"
        );
        assert!(
            !recheck_due(0, 9 * min, 5, false, true),
            "never two runs at once"
        );
        assert!(
            recheck_due(0, min, 0, false, false),
            "at least a minute apart"
        );
    }

    #[test]
    fn the_countdown_to_the_next_recheck_ends_when_it_is_due() {
        let min = 60_000;
        assert_eq!(next_recheck_in_ms(0, 0, 5, false), Some(5 * min));
        assert_eq!(
            next_recheck_in_ms(0, 5 * min - 1, 5, false),
            Some(1000),
            "the last second still reads 1 s"
        );
        assert_eq!(
            next_recheck_in_ms(0, 2 * min + 500, 5, false),
            Some(3 * min)
        );
        assert_eq!(next_recheck_in_ms(0, 5 * min, 5, false), Some(0));
        assert_eq!(
            next_recheck_in_ms(0, 9 * min, 5, false),
            Some(0),
            "overdue (hidden tab)"
        );
        assert_eq!(next_recheck_in_ms(0, min, 5, true), None, "a run is going");
        assert_eq!(
            next_recheck_in_ms(0, -700, 5, false),
            Some(5 * min),
            "a clock read before the run started"
        );
        assert_eq!(
            next_recheck_in_ms(0, -10 * min, 5, false),
            Some(5 * min),
            "a clock set back"
        );
        assert_eq!(
            next_recheck_in_ms(0, 0, 0, false),
            Some(min),
            "as recheck_due: a minute"
        );
        for now in (0..6 * min).step_by(7_919) {
            let due = recheck_due(0, now, 5, false, false);
            assert_eq!(
                next_recheck_in_ms(0, now, 5, false) == Some(0),
                due,
                "countdown and due agree at {now}"
            );
        }
    }
}
