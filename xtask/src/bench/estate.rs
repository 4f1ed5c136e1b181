//! The readiness board at scale (issue 25; tests/bench/estate.mjs): on the `large-estate`
//! scenario (1,100 standbys) over the slow link, sign-in to the first row and to all rows, the
//! API requests that took, a full precheck pass at the mock's default 1 s delay and its
//! requests, the board's scroll frames, the heap across ten passes; and the demo board from a
//! cold cache.

use super::{collect_lines, Budget, Row};
use crate::Env;
use std::path::Path;

/// (measure, what it is, unit, budget: at most this).
const MEASURES: &[(&str, &str, &str, Option<f64>)] = &[
    (
        "first_row_ms",
        "estate: sign-in → first board row (large estate, slow link, cold cache)",
        "ms (median of 3)",
        Some(1_000.0),
    ),
    (
        "all_rows_ms",
        "estate: sign-in → all 1,100 rows",
        "ms (median of 3)",
        Some(3_000.0),
    ),
    (
        "load_requests",
        "estate: API requests to load the board (sign-in included)",
        "requests",
        Some(30.0),
    ),
    (
        "pass_ms",
        "estate: full precheck pass of 1,100 standbys (1 s precheck delay)",
        "ms",
        Some(60_000.0),
    ),
    (
        "pass_requests",
        "estate: precheck requests in that pass (≤ 2 per standby cluster)",
        "requests",
        Some(200.0),
    ),
    (
        "scroll_frame_p95_ms",
        "estate: board scroll frame (frame rate uncapped)",
        "ms (p95)",
        Some(16.0),
    ),
    (
        "demo_board_ms",
        "estate: demo board from a cold cache, after sign-in (slow link)",
        "ms (median of 3)",
        Some(1_000.0),
    ),
];

/// The heap may grow this much from the first pass to the tenth and still count as flat.
const HEAP_GROWTH_MAX: f64 = 1.10;

/// Parses `BENCH estate_pass_ms value=52411.0`.
fn parse(line: &str) -> Option<(&str, f64)> {
    let rest = line.trim().strip_prefix("BENCH estate_")?;
    let (name, value) = rest.split_once(" value=")?;
    Some((name, value.trim().parse().ok()?))
}

pub(crate) fn rows_of(lines: &[String]) -> Result<Vec<Row>, String> {
    let figures: Vec<(&str, f64)> = lines.iter().filter_map(|l| parse(l)).collect();
    let get = |name: &str| figures.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let mut rows = Vec::new();
    for (name, what, unit, budget) in MEASURES {
        let Some(v) = get(name) else {
            return Err(format!("the estate benchmark printed no {name}"));
        };
        let row = Row::new(*what, v, format!("{v:.0} {unit}"));
        rows.push(match budget {
            Some(max) => row.budget(Budget::AtMost(*max), format!("≤ {max:.0}")),
            None => row,
        });
    }
    match (
        get("heap_after_1_pass_bytes"),
        get("heap_after_10_passes_bytes"),
    ) {
        (Some(one), Some(ten)) if one > 0.0 => {
            let growth = ten / one;
            rows.push(
                Row::new(
                    "estate: JS heap after 10 passes, against after 1",
                    growth,
                    format!("{:.2} MB → {:.2} MB (×{growth:.2})", one / 1e6, ten / 1e6),
                )
                .budget(
                    Budget::AtMost(HEAP_GROWTH_MAX),
                    format!("flat (≤ ×{HEAP_GROWTH_MAX:.2})"),
                ),
            );
        }
        _ => return Err("the estate benchmark printed no heap figures".into()),
    }
    Ok(rows)
}

pub(crate) fn run(root: &Path, env: &Env) -> Result<Vec<Row>, String> {
    crate::build_console(root, env)?;
    let bin = crate::build_release_mock(root, env)?;
    let mut c = env.command("node", root);
    c.arg("tests/bench/estate.mjs")
        .env("MOCK_SERVER_BIN", bin)
        .env("DIST_DIR", root.join("dist"));
    rows_of(&collect_lines(c, "the estate benchmark")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_figures_and_holds_them_to_their_budgets() {
        let lines: Vec<String> = [
            "BENCH estate_first_row_ms value=530.0",
            "BENCH estate_all_rows_ms value=1312.0",
            "BENCH estate_load_requests value=3.0",
            "BENCH estate_pass_ms value=61000.0",
            "BENCH estate_pass_requests value=200.0",
            "BENCH estate_scroll_frame_p95_ms value=9.0",
            "BENCH estate_demo_board_ms value=384.0",
            "BENCH estate_heap_after_1_pass_bytes value=3881912.0",
            "BENCH estate_heap_after_10_passes_bytes value=4009596.0",
            "noise",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let rows = rows_of(&lines).expect("every figure");
        assert_eq!(rows.len(), MEASURES.len() + 1);
        let pass = rows
            .iter()
            .find(|r| r.measure.contains("full precheck pass"))
            .unwrap();
        assert_eq!(pass.ok(), Some(false), "61 s misses the 60 s budget");
        assert!(rows
            .iter()
            .filter(|r| !r.measure.contains("full precheck"))
            .all(|r| r.ok() == Some(true)));
        assert!(rows_of(&lines[..3]).is_err());
    }
}
