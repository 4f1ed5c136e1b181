//! Which rows of a long list are drawn: the ones on screen and a few either side, with spacers
//! of the right height above and below so the scrollbar and the table's row count stay true.
//! A short list is drawn whole. Rows are one fixed height (the lists that use this lay their rows out on one line), so the
//! window is arithmetic, not measurement: a scroll never needs a layout read.

/// Rows drawn beyond each edge of the screen, so a fast scroll does not show blank space.
pub const OVERSCAN: usize = 10;

/// A list this short is drawn whole: it costs little, and the browser's find-in-page and a
/// printout see every row.
pub const DRAW_ALL_UP_TO: usize = 40;

/// A window over `total` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First row drawn (0-based) and one past the last.
    pub start: usize,
    pub end: usize,
    /// Heights of the spacers before and after the drawn rows, in px.
    pub before_px: u32,
    pub after_px: u32,
}

/// The window for a list of `total` rows of `row_px` each, scrolled so that `scroll_px` of it
/// is above the screen's top, on a screen `view_px` tall. A screen not measured yet (0) draws
/// one screenful's worth of rows from the top, so the first paint is never empty.
pub fn window(total: usize, row_px: u32, scroll_px: f64, view_px: f64) -> Window {
    if total <= DRAW_ALL_UP_TO {
        return Window {
            start: 0,
            end: total,
            before_px: 0,
            after_px: 0,
        };
    }
    let row = f64::from(row_px.max(1));
    let view = if view_px > 0.0 { view_px } else { 40.0 * row };
    let first = (scroll_px.max(0.0) / row).floor() as usize;
    let shown = (view / row).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(total);
    let end = first
        .saturating_add(shown)
        .saturating_add(OVERSCAN)
        .min(total);
    let px = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).saturating_mul(row_px);
    Window {
        start,
        end,
        before_px: px(start),
        after_px: px(total - end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_the_screen_and_the_overscan_with_spacers_for_the_rest() {
        let w = window(1_100, 40, 4_000.0, 800.0);
        // Row 100 is at the top; 21 rows fit; 10 either side.
        assert_eq!((w.start, w.end), (90, 131));
        assert_eq!(w.before_px, 90 * 40);
        assert_eq!(w.after_px, (1_100 - 131) * 40);
        assert_eq!(
            w.before_px + (w.end - w.start) as u32 * 40 + w.after_px,
            1_100 * 40
        );
    }

    #[test]
    fn the_top_the_end_a_short_list_and_an_unmeasured_screen() {
        let top = window(1_100, 40, 0.0, 800.0);
        assert_eq!((top.start, top.before_px), (0, 0));
        let end = window(1_100, 40, 1_100.0 * 40.0, 800.0);
        assert_eq!((end.end, end.after_px), (1_100, 0));
        let short = window(5, 40, 0.0, 800.0);
        assert_eq!((short.start, short.end, short.after_px), (0, 5, 0));
        // A short list is drawn whole wherever it is scrolled.
        let whole = window(DRAW_ALL_UP_TO, 40, 2_000.0, 400.0);
        assert_eq!(
            (whole.start, whole.end, whole.before_px),
            (0, DRAW_ALL_UP_TO, 0)
        );
        let long = window(DRAW_ALL_UP_TO * 3, 40, 2_000.0, 400.0);
        assert!(long.start > 0 && long.end < DRAW_ALL_UP_TO * 3);
        let just_over = window(DRAW_ALL_UP_TO + 1, 40, 0.0, 400.0);
        assert!(just_over.end < DRAW_ALL_UP_TO + 1);
        let unmeasured = window(1_100, 40, 0.0, 0.0);
        assert!(unmeasured.end >= 40);
        let negative = window(1_000, 40, -50.0, 800.0);
        assert_eq!(negative.start, 0);
        assert_eq!(
            window(0, 40, 100.0, 800.0),
            Window {
                start: 0,
                end: 0,
                before_px: 0,
                after_px: 0
            }
        );
    }
}
