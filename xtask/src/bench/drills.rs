//! The drill ledger and a drill report (issue 26; tests/bench/drills.mjs): on `drill-history`
//! (1,000 drills) over the slow link, the click on "Drills" to the first ledger row and to
//! every drill read; the report of a 2,000-step task, click to every step painted.

use super::{collect_lines, Budget, Row};
use crate::Env;
use std::path::Path;

/// (measure, what it is, budget: at most this many ms).
const MEASURES: &[(&str, &str, Option<f64>)] = &[
    (
        "ledger_first_row_ms",
        "drills: click on Drills → first ledger row (1,000 drills, slow link, cold cache)",
        Some(1_000.0),
    ),
    (
        "ledger_all_ms",
        "drills: click on Drills → all 1,000 drills read",
        None,
    ),
    (
        "report_2000_ms",
        "drills: click on Drill report → 2,000-step timeline painted",
        Some(500.0),
    ),
];

fn parse(line: &str) -> Option<(&str, f64)> {
    let rest = line.trim().strip_prefix("BENCH drills_")?;
    let (name, value) = rest.split_once(" value=")?;
    Some((name, value.trim().parse().ok()?))
}

pub(crate) fn rows_of(lines: &[String]) -> Result<Vec<Row>, String> {
    let figures: Vec<(&str, f64)> = lines.iter().filter_map(|l| parse(l)).collect();
    MEASURES
        .iter()
        .map(|(name, what, budget)| {
            let v = figures
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| *v)
                .ok_or_else(|| format!("the drills benchmark printed no {name}"))?;
            let row = Row::new(*what, v, format!("{v:.0} ms (median of 3)"));
            Ok(match budget {
                Some(max) => row.budget(Budget::AtMost(*max), format!("≤ {max:.0}")),
                None => row,
            })
        })
        .collect()
}

pub(crate) fn run(root: &Path, env: &Env) -> Result<Vec<Row>, String> {
    crate::build_console(root, env)?;
    let bin = crate::build_release_mock(root, env)?;
    let mut c = env.command("node", root);
    c.arg("tests/bench/drills.mjs")
        .env("MOCK_SERVER_BIN", bin)
        .env("DIST_DIR", root.join("dist"));
    rows_of(&collect_lines(c, "the drills benchmark")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_figures_and_holds_them_to_their_budgets() {
        let lines: Vec<String> = [
            "BENCH drills_ledger_first_row_ms value=640.0",
            "BENCH drills_ledger_all_ms value=2100.0",
            "BENCH drills_report_2000_ms value=620.0",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let rows = rows_of(&lines).expect("every figure");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].ok(), Some(true));
        assert_eq!(rows[1].ok(), None);
        assert_eq!(rows[2].ok(), Some(false));
        assert!(rows_of(&lines[..1]).is_err());
    }
}
