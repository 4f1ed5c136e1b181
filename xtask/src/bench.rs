//! `cargo xtask bench`: runs tests/bench.rs (the task graph, built with the shipping wasm
//! profile) in headless Chromium, then tests/bench/click_to_paint.mjs (click on a task link →
//! painted graph, and frame times while panning, release build against the release mock), and
//! checks the figures against the budgets. `--only graph` runs both graph parts, `--only click`
//! the browser part alone.

use crate::Env;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

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

/// Parses `BENCH first_paint n=2000 runs=5 median_ms=344.19` (or `p95_ms=`).
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
        {
            ms = v.parse().ok();
        }
    }
    Some((name, n?, ms?))
}

pub fn run(root: &Path, env: &Env, args: &[String]) -> Result<(), String> {
    let only = match args {
        [flag, part] if flag == "--only" => Some(part.as_str()),
        _ => None,
    };
    let mut results = Vec::new();
    // `--only graph`: both graph parts; `--only click`: the browser part alone.
    if matches!(only, None | Some("graph")) {
        results.extend(wasm_graph(root, env)?);
    }
    if matches!(only, None | Some("graph" | "click")) {
        results.extend(click_to_paint(root, env)?);
    }
    if results.is_empty() {
        return Err(format!(
            "usage: cargo xtask bench [--only graph|click] ({args:?})"
        ));
    }
    check(&results)
}

/// tests/bench/click_to_paint.mjs against the release mock serving the release console.
fn click_to_paint(root: &Path, env: &Env) -> Result<Vec<(String, usize, f64)>, String> {
    crate::build_console(root, env)?;
    let mut c = env.command("cargo", root);
    c.args(["build", "--quiet", "--release", "-p", "mock-server"]);
    crate::run_checked(c, "cargo build --release -p mock-server")?;
    let mut c = env.command("node", root);
    c.arg("tests/bench/click_to_paint.mjs")
        .env(
            "MOCK_SERVER_BIN",
            crate::target_dir(root).join("release/mock-server"),
        )
        .env("DIST_DIR", root.join("dist"))
        .stdout(Stdio::piped());
    collect(c, "the click-to-paint benchmark")
}

/// Runs a benchmark, echoing its output and keeping its `BENCH` lines.
fn collect(mut c: std::process::Command, what: &str) -> Result<Vec<(String, usize, f64)>, String> {
    let mut child = c.spawn().map_err(|e| format!("cannot start {what}: {e}"))?;
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
        return Err(format!("{what} did not complete ({status})"));
    }
    Ok(results)
}

/// tests/bench.rs: the graph component alone, data to paint and polls.
fn wasm_graph(root: &Path, env: &Env) -> Result<Vec<(String, usize, f64)>, String> {
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
    collect(c, "the benchmark")
}

fn check(results: &[(String, usize, f64)]) -> Result<(), String> {
    println!("\n| measure | subtasks | median (pan_frame: p95) | budget |");
    println!("|---|---|---|---|");
    let mut over = Vec::new();
    for (name, n, ms) in results {
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
        assert_eq!(
            super::parse("BENCH pan_frame n=10000 runs=240 p95_ms=9.5"),
            Some(("pan_frame".to_string(), 10000, 9.5))
        );
        assert_eq!(super::parse("test result: ok"), None);
    }
}
