//! `cargo xtask bench [--only PART]`: every performance figure of the console in one table,
//! each beside its budget; fails when a budget is missed. Parts (all by default):
//! - bundle: the release build's assets, raw, gzip and brotli (`cargo xtask build`);
//! - load: cold load to a usable sign-in form, unthrottled and on a 10 Mbit/s, 40 ms link
//!   (tests/bench/cold_load.mjs, Chromium's network emulation);
//! - graph: the task graph component in headless Chromium (tests/bench.rs), data → paint and
//!   status polls;
//! - click: click on a task link → painted graph and frame times while panning, release console
//!   against the release mock (tests/bench/click_to_paint.mjs);
//! - estate: the readiness board at scale (estate.rs);
//! - drills: the drill ledger over 1,000 drills and a 2,000-step drill report (drills.rs);
//! - layout: our layout against Graphviz dot, crossings and time (layout.rs);
//! - mock: the release mock server's throughput on a polled task under wrk (mock.rs).

mod drills;
mod estate;
mod layout;
mod load;
mod mock;

use crate::{setup, Env};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

const PARTS: [&str; 8] = [
    "bundle", "load", "graph", "click", "estate", "drills", "layout", "mock",
];

/// A budget a figure must keep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Budget {
    AtMost(f64),
    AtLeast(f64),
}

/// One line of the table: a measure, its figure as printed, and the budget it is held to.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub measure: String,
    pub value: f64,
    /// The figure as the table shows it (with its unit and any context).
    pub shown: String,
    pub budget: Option<(Budget, String)>,
}

impl Row {
    pub fn new(measure: impl Into<String>, value: f64, shown: impl Into<String>) -> Row {
        Row {
            measure: measure.into(),
            value,
            shown: shown.into(),
            budget: None,
        }
    }

    /// Holds the row to `budget`, shown as `words` ("≤ 500 ms").
    pub fn budget(mut self, budget: Budget, words: impl Into<String>) -> Row {
        self.budget = Some((budget, words.into()));
        self
    }

    pub fn ok(&self) -> Option<bool> {
        self.budget.as_ref().map(|(b, _)| match *b {
            Budget::AtMost(max) => self.value <= max,
            Budget::AtLeast(min) => self.value >= min,
        })
    }
}

/// Runs the parts `args` select (all by default), each even if another failed, then prints one
/// table of every figure.
pub fn main(root: &Path, args: &[String]) -> Result<(), String> {
    let parts: Vec<&str> = match args {
        [] => PARTS.to_vec(),
        [flag, which] if flag == "--only" => {
            let chosen: Vec<&str> = which.split(',').map(str::trim).collect();
            if let Some(bad) = chosen.iter().find(|p| !PARTS.contains(p)) {
                return Err(format!(
                    "bench: no part named {bad:?}; parts: {}",
                    PARTS.join(", ")
                ));
            }
            PARTS
                .iter()
                .copied()
                .filter(|p| chosen.contains(p))
                .collect()
        }
        _ => {
            return Err(format!(
                "usage: cargo xtask bench [--only PART[,PART…]] (parts: {})",
                PARTS.join(", ")
            ))
        }
    };
    // The mock bench alone needs only cargo and wrk, not the browser toolchain.
    let env = if parts == ["mock"] {
        let env = setup::env(root);
        setup::ensure_wrk(root, &env)?;
        env
    } else {
        setup::ensure(root)?
    };
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    for part in &parts {
        let result = match *part {
            "bundle" => load::bundle(root, &env),
            "load" => load::cold(root, &env),
            "graph" => graph(root, &env),
            "click" => click(root, &env),
            "estate" => estate::run(root, &env),
            "drills" => drills::run(root, &env),
            "layout" => layout::run(root, &env),
            _ => mock::run(root, &env),
        };
        match result {
            Ok(r) => rows.extend(r),
            Err(e) => failed.push(format!("{part}: {e}")),
        }
    }
    let date = crate::today();
    println!(
        "
Measured {date} by `cargo xtask bench` on this machine:
"
    );
    println!("| measure | result | budget |");
    println!("|---|---|---|");
    for r in &rows {
        let budget = match (&r.budget, r.ok()) {
            (Some((_, words)), Some(true)) => format!("{words}: ok"),
            (Some((_, words)), _) => format!("{words}: **MISSED**"),
            (None, _) => "-".to_string(),
        };
        println!("| {} | {} | {budget} |", r.measure, r.shown);
    }
    failed.extend(
        rows.iter()
            .filter(|r| r.ok() == Some(false))
            .map(|r| format!("{} missed its budget ({})", r.measure, r.shown)),
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("; "))
    }
}

/// (measure, subtasks, budget in ms). Sizes without a budget are reported only.
const BUDGETS: &[(&str, usize, f64)] = &[
    ("first_paint", 2000, 500.0),
    ("poll_20_statuses", 200, 16.0),
    ("poll_20_statuses", 2000, 16.0),
    ("poll_20_statuses", 10000, 5.0),
    // tests/bench/click_to_paint.mjs: release mock, release console.
    ("click_to_paint", 2000, 250.0),
    ("click_to_paint", 10000, 500.0),
    ("pan_frame", 2000, 16.0),
    ("pan_frame", 10000, 16.0),
];

/// Parses `BENCH first_paint n=2000 runs=5 median_ms=344.19` (or `p95_ms=`, or
/// `busy_ms_per_s=`: main-thread time in each second).
fn parse(line: &str) -> Option<(String, usize, f64)> {
    let rest = line.trim().strip_prefix("BENCH ")?;
    let mut parts = rest.split_whitespace();
    let name = parts.next()?.to_string();
    let mut n = None;
    let mut ms = None;
    for p in parts {
        if let Some(v) = p.strip_prefix("n=") {
            n = v.parse().ok();
        } else if let Some(v) = p
            .strip_prefix("median_ms=")
            .or_else(|| p.strip_prefix("p95_ms="))
            .or_else(|| p.strip_prefix("busy_ms_per_s="))
        {
            ms = v.parse().ok();
        }
    }
    Some((name, n?, ms?))
}

/// A timing line as a table row, held to its budget from [`BUDGETS`] if it has one.
fn timing_row(name: &str, n: usize, ms: f64) -> Row {
    let shown = match name {
        "pan_frame" => format!("{ms:.1} ms (p95)"),
        "watch_busy" => format!("{ms:.1} ms of each second (main thread)"),
        _ => format!("{ms:.1} ms (median)"),
    };
    let row = Row::new(format!("{name} ({n} subtasks)"), ms, shown);
    match BUDGETS.iter().find(|(b, bn, _)| *b == name && *bn == n) {
        Some((_, _, max)) => row.budget(Budget::AtMost(*max), format!("≤ {max} ms")),
        None => row,
    }
}

/// Runs a benchmark and reads its `BENCH` timing lines as rows.
pub(crate) fn collect(c: std::process::Command, what: &str) -> Result<Vec<Row>, String> {
    let rows: Vec<Row> = collect_lines(c, what)?
        .iter()
        .filter_map(|l| parse(l))
        .map(|(name, n, ms)| timing_row(&name, n, ms))
        .collect();
    if rows.is_empty() {
        return Err(format!("{what} printed no figures"));
    }
    Ok(rows)
}

/// Runs a benchmark, echoing what it prints and returning its `BENCH` lines for the part to read.
pub(crate) fn collect_lines(
    mut c: std::process::Command,
    what: &str,
) -> Result<Vec<String>, String> {
    c.stdout(Stdio::piped());
    let mut child = c.spawn().map_err(|e| format!("cannot start {what}: {e}"))?;
    let mut lines = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if line.trim_start().starts_with("BENCH ") {
                lines.push(line);
            } else {
                println!("{line}");
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("{what} did not complete ({status})"));
    }
    Ok(lines)
}

/// tests/bench.rs: the graph component alone in headless Chromium, data to paint and polls.
fn graph(root: &Path, env: &Env) -> Result<Vec<Row>, String> {
    let mut c = env.command("cargo", root);
    c.args([
        "test",
        "--profile",
        "wasm-release",
        "-p",
        "failover-console",
        "--target",
        "wasm32-unknown-unknown",
        "--test",
        "bench",
        "--",
        "--nocapture",
    ])
    .env("CHROMEDRIVER", "/usr/bin/chromedriver")
    .env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("WASM_BINDGEN_TEST_TIMEOUT", "600")
    .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "60");
    collect(c, "the graph benchmark")
}

/// tests/bench/click_to_paint.mjs against the release mock serving the release console.
fn click(root: &Path, env: &Env) -> Result<Vec<Row>, String> {
    crate::build_console(root, env)?;
    let bin = crate::build_release_mock(root, env)?;
    let mut c = env.command("node", root);
    c.arg("tests/bench/click_to_paint.mjs")
        .env("MOCK_SERVER_BIN", bin)
        .env("DIST_DIR", root.join("dist"));
    collect(c, "the click-to-paint benchmark")
}

#[cfg(test)]
mod tests {
    use super::{Budget, Row};

    #[test]
    fn a_row_keeps_or_misses_its_budget() {
        let r = Row::new("x", 10.0, "10 ms").budget(Budget::AtMost(10.0), "≤ 10 ms");
        assert_eq!(r.ok(), Some(true));
        let r = Row::new("x", 19_999.0, "").budget(Budget::AtLeast(20_000.0), "");
        assert_eq!(r.ok(), Some(false));
        assert_eq!(Row::new("x", 1.0, "").ok(), None);
        assert_eq!(
            super::timing_row("pan_frame", 10000, 17.0).ok(),
            Some(false)
        );
        assert_eq!(super::timing_row("first_paint", 200, 1e6).ok(), None);
    }

    #[test]
    fn parses_bench_lines() {
        assert_eq!(
            super::parse("BENCH first_paint n=2000 runs=5 median_ms=344.19"),
            Some(("first_paint".to_string(), 2000, 344.19))
        );
        assert_eq!(super::parse("test result: ok"), None);
        assert_eq!(
            super::parse("BENCH watch_busy n=10000 runs=12 busy_ms_per_s=21.5"),
            Some(("watch_busy".to_string(), 10000, 21.5))
        );
        assert!(super::timing_row("watch_busy", 10000, 21.5)
            .shown
            .contains("of each second"));
    }
}
