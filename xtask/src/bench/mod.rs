//! `cargo xtask bench [--only graph|mock]`: checks two sets of figures against their budgets.
//! - graph: tests/bench.rs (the task graph, built with the shipping wasm profile) in headless
//!   Chromium;
//! - mock: the release mock server's throughput on what the console polls (`mock_bench`).

mod mock;

use crate::{setup, Env};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

/// Runs the benches `args` select (both by default), each even if the other failed.
pub fn main(root: &Path, args: &[String]) -> Result<(), String> {
    let (graph, mock) = match args {
        [] => (true, true),
        [flag, which] if flag == "--only" && which == "graph" => (true, false),
        [flag, which] if flag == "--only" && which == "mock" => (false, true),
        _ => return Err("usage: cargo xtask bench [--only graph|mock]".into()),
    };
    // The mock bench alone needs only cargo and wrk, not the browser toolchain.
    let env = if graph {
        setup::ensure(root)?
    } else {
        let env = setup::env(root);
        setup::ensure_wrk(root, &env)?;
        env
    };
    let mut failed = Vec::new();
    if graph {
        if let Err(e) = run(root, &env) {
            failed.push(format!("graph: {e}"));
        }
    }
    if mock {
        if let Err(e) = mock::run(root, &env) {
            failed.push(format!("mock: {e}"));
        }
    }
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
];

/// Parses `BENCH first_paint n=2000 runs=5 median_ms=344.19`.
fn parse(line: &str) -> Option<(String, usize, f64)> {
    let rest = line.trim().strip_prefix("BENCH ")?;
    let mut parts = rest.split_whitespace();
    let name = parts.next()?.to_string();
    let mut n = None;
    let mut ms = None;
    for p in parts {
        if let Some(v) = p.strip_prefix("n=") {
            n = v.parse().ok();
        } else if let Some(v) = p.strip_prefix("median_ms=") {
            ms = v.parse().ok();
        }
    }
    Some((name, n?, ms?))
}

/// The task graph in headless Chromium.
fn run(root: &Path, env: &Env) -> Result<(), String> {
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
    .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "60")
    .stdout(Stdio::piped());
    let mut child = c
        .spawn()
        .map_err(|e| format!("cannot start the benchmark: {e}"))?;
    let mut results = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if let Some(r) = parse(&line) {
                results.push(r);
            } else {
                println!("{line}");
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() || results.is_empty() {
        return Err(format!("the benchmark did not complete ({status})"));
    }
    println!("\n| measure | subtasks | median | budget |");
    println!("|---|---|---|---|");
    let mut over = Vec::new();
    for (name, n, ms) in &results {
        let budget = BUDGETS
            .iter()
            .find(|(b, bn, _)| b == name && bn == n)
            .map(|b| b.2);
        let verdict = match budget {
            Some(b) if *ms <= b => format!("≤ {b} ms: ok"),
            Some(b) => {
                over.push(format!("{name} n={n}"));
                format!("≤ {b} ms: OVER")
            }
            None => "-".to_string(),
        };
        println!("| {name} | {n} | {ms:.1} ms | {verdict} |");
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("over budget: {}", over.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_bench_lines() {
        assert_eq!(
            super::parse("BENCH first_paint n=2000 runs=5 median_ms=344.19"),
            Some(("first_paint".to_string(), 2000, 344.19))
        );
        assert_eq!(super::parse("test result: ok"), None);
    }
}
