//! `cargo xtask test`: formatting, lints, native tests, browser unit tests and the end-to-end
//! suite, in that order. Every step runs even if an earlier one failed, so one run shows
//! everything; the last line is `N passed, N failed` over all of them.

use crate::Env;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    failed_steps: Vec<String>,
}

impl Tally {
    fn step(&mut self, name: &str, passed: u64, failed: u64, ok: bool) {
        self.passed += passed;
        self.failed += failed;
        // A step that failed without counting a failed test (a build error) still counts as one.
        if !ok && failed == 0 {
            self.failed += 1;
        }
        if !ok || failed > 0 {
            self.failed_steps.push(name.to_string());
        }
        eprintln!(
            "==> {name}: {}",
            if ok && failed == 0 { "ok" } else { "FAILED" }
        );
    }
}

/// Runs `c`, echoing its stdout, and returns (success, stdout lines).
fn run_capture(mut c: Command) -> (bool, Vec<String>) {
    c.stdout(Stdio::piped());
    let mut child = match c.spawn() {
        Ok(child) => child,
        Err(e) => {
            eprintln!("cannot start: {e}");
            return (false, Vec::new());
        }
    };
    let mut lines = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            lines.push(line);
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, lines)
}

/// Sums libtest's `test result: ok. 12 passed; 0 failed; …` lines.
fn libtest_counts(lines: &[String]) -> (u64, u64) {
    let mut passed = 0;
    let mut failed = 0;
    for line in lines {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            continue;
        };
        for part in rest.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            let n = |w: &str| w.parse::<u64>().unwrap_or(0);
            match words.as_slice() {
                [.., count, "passed"] => passed += n(count),
                [count, "failed"] => failed += n(count),
                _ => {}
            }
        }
    }
    (passed, failed)
}

fn check(tally: &mut Tally, name: &str, c: Command) {
    let (ok, _) = run_capture(c);
    tally.step(name, u64::from(ok), 0, ok);
}

fn tests(tally: &mut Tally, name: &str, c: Command) {
    let (ok, lines) = run_capture(c);
    let (passed, failed) = libtest_counts(&lines);
    tally.step(name, passed, failed, ok);
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(18080)
}

/// Reads Playwright's JSON report: `stats.expected` passed, `unexpected` + `flaky` failed.
fn playwright_counts(report: &Path) -> Option<(u64, u64)> {
    let text = std::fs::read_to_string(report).ok()?;
    let stats = &text[text.rfind("\"stats\"")?..];
    let field = |name: &str| -> Option<u64> {
        let at = stats.find(&format!("\"{name}\""))?;
        let rest = &stats[at + name.len() + 2..];
        let digits: String = rest
            .trim_start_matches([':', ' '])
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    };
    Some((
        field("expected")?,
        field("unexpected")? + field("flaky").unwrap_or(0),
    ))
}

/// The mismatches the mock appended during the e2e runs (`--check-replies`), one line each:
/// `METHOD path -> status at pointer: expected …`. No file means no mismatch.
fn contract_mismatches(file: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(file) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(
            |line| match serde_json::from_str::<serde_json::Value>(line) {
                Ok(v) => {
                    let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
                    let pointer = match s("pointer") {
                        p if p.is_empty() => "the body".to_string(),
                        p => p,
                    };
                    format!(
                        "{} {} -> {} at {pointer}: expected {}",
                        s("method"),
                        s("path"),
                        v["status"],
                        s("expected")
                    )
                }
                Err(_) => format!("(unreadable line) {line}"),
            },
        )
        .collect()
}

/// The `ENGINE: N passed, N failed` line tests/engines/main-path.mjs closes with.
fn engine_counts(lines: &[String], engine: &str) -> Option<(u64, u64)> {
    let rest = lines
        .iter()
        .rev()
        .find_map(|l| l.trim().strip_prefix(&format!("{engine}: ")))?;
    let (passed, failed) = rest.split_once(" passed, ")?;
    Some((
        passed.parse().ok()?,
        failed.strip_suffix(" failed")?.parse().ok()?,
    ))
}

/// The operator's main path, a live task and a retry in Firefox ESR and WebKitGTK (Safari's
/// engine) over W3C WebDriver, each against a fresh mock on a port of its own serving the
/// console the end-to-end suite ran (docs/engines.md).
fn engines(tally: &mut Tally, root: &Path, env: &Env) {
    for (engine, name) in [("firefox", "Firefox ESR"), ("webkit", "WebKitGTK")] {
        let mut c = env.command("node", root);
        c.args(["tests/engines/main-path.mjs", engine])
            .env("MOCK_SERVER_BIN", crate::mock_server_bin(root))
            .env("DIST_DIR", root.join("dist"))
            .env("GECKODRIVER", crate::setup::geckodriver(root));
        let (ok, lines) = run_capture(c);
        let (passed, failed) = engine_counts(&lines, engine).unwrap_or((0, 0));
        tally.step(
            &format!("main path in {name} (WebDriver)"),
            passed,
            failed,
            ok && passed > 0,
        );
    }
}

pub fn all(root: &Path, env: &Env) -> ExitCode {
    let mut tally = Tally::default();
    let native = ["-p", "console-core", "-p", "mock-server", "-p", "xtask"];

    let mut c = env.command("cargo", root);
    c.args(["fmt", "--all", "--check"]);
    check(&mut tally, "cargo fmt --check", c);

    let mut c = env.command("cargo", root);
    c.args(["clippy", "--all-targets"])
        .args(native)
        .args(["--", "-D", "warnings"]);
    check(&mut tally, "clippy (native crates)", c);

    let mut c = env.command("cargo", root);
    c.args([
        "clippy",
        "--all-targets",
        "-p",
        "failover-console",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]);
    check(&mut tally, "clippy (console, wasm32)", c);

    // The shipped build's split points (src/lazy.rs) only compile with the feature.
    let mut c = env.command("cargo", root);
    c.args([
        "clippy",
        "-p",
        "failover-console",
        "--features",
        "split",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]);
    check(&mut tally, "clippy (console, wasm32, split)", c);

    let mut c = env.command("cargo", root);
    c.arg("test").args(native);
    tests(&mut tally, "native tests", c);

    // The browser unit tests in headless Chromium, then in headless Firefox ESR. The runner takes
    // GECKODRIVER before CHROMEDRIVER, so each step removes the other's; Firefox's capabilities
    // (Debian's binary) are in tests/engines/webdriver-firefox.json.
    let gecko = crate::setup::geckodriver(root);
    let firefox_json = root.join("tests/engines/webdriver-firefox.json");
    for (name, driver, path, other) in [
        (
            "Chromium",
            "CHROMEDRIVER",
            Path::new("/usr/bin/chromedriver"),
            "GECKODRIVER",
        ),
        (
            "Firefox ESR",
            "GECKODRIVER",
            gecko.as_path(),
            "CHROMEDRIVER",
        ),
    ] {
        let mut c = env.command("cargo", root);
        c.args(["test", "-p", "failover-console", "--target"])
            .args(["wasm32-unknown-unknown", "--test", "web"])
            .env_remove(other)
            .env(driver, path)
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("WASM_BINDGEN_TEST_TIMEOUT", "180")
            .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "60");
        if driver == "GECKODRIVER" {
            c.env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &firefox_json);
        }
        let name = format!("browser unit tests (wasm-bindgen-test, {name})");
        tests(&mut tally, &name, c);
    }

    // End-to-end: the release console served by the mock server, driven in Chromium.
    // The shipped build, compressed assets included, so the suites see what hosts serve.
    let built = match crate::build_console(root, env) {
        Ok(_) => true,
        Err(e) => {
            eprintln!("{e}");
            false
        }
    };
    let mut c = env.command("cargo", root);
    c.args(["build", "-p", "mock-server"]);
    let server = run_capture(c).0;
    if built && server {
        let report = root.join("tests/e2e/.results.json");
        let _ = std::fs::remove_file(&report);
        // Both passes start the mock with --check-replies: the drift check below reads it.
        let drift = root.join("target/e2e-contract-mismatches.jsonl");
        let _ = std::fs::remove_file(&drift);
        let mut c = env.command(
            &root.join("node_modules/.bin/playwright").to_string_lossy(),
            root,
        );
        c.args(["test", "--config", "tests/e2e/playwright.config.ts"])
            .env("MOCK_SERVER_BIN", crate::mock_server_bin(root))
            .env("DIST_DIR", root.join("dist"))
            .env("E2E_PORT", free_port().to_string())
            .env("CHECK_REPLIES", &drift);
        let (ok, _) = run_capture(c);
        let (passed, failed) = playwright_counts(&report).unwrap_or((0, 0));
        tally.step(
            "end-to-end tests (Playwright, Chromium)",
            passed,
            failed,
            ok && passed > 0,
        );

        // The same console served by Debian's nginx, the APIs proxied to the mock.
        let (nginx_port, mock_port) = (free_port(), free_port());
        match crate::nginx::write_e2e_config(root, env, nginx_port, mock_port) {
            Ok(conf) => {
                let _ = std::fs::remove_file(&report);
                let mut c = env.command(
                    &root.join("node_modules/.bin/playwright").to_string_lossy(),
                    root,
                );
                c.args(["test", "--config", "tests/e2e/playwright.config.ts"])
                    .env("MOCK_SERVER_BIN", crate::mock_server_bin(root))
                    .env("DIST_DIR", root.join("dist"))
                    .env("E2E_PORT", mock_port.to_string())
                    .env("CHECK_REPLIES", &drift)
                    .env("NGINX_CONF", &conf)
                    .env("NGINX_PORT", nginx_port.to_string());
                let (ok, _) = run_capture(c);
                let (passed, failed) = playwright_counts(&report).unwrap_or((0, 0));
                tally.step(
                    "end-to-end tests through nginx",
                    passed,
                    failed,
                    ok && passed > 0,
                );
            }
            Err(e) => {
                eprintln!("nginx configuration: {e}");
                tally.step(
                    "end-to-end tests through nginx: configuration failed",
                    0,
                    0,
                    false,
                );
            }
        }
        engines(&mut tally, root, env);
        let mismatches = contract_mismatches(&drift);
        for m in &mismatches {
            eprintln!("contract mismatch: {m}");
        }
        tally.step(
            "contract drift check (every mock reply of the end-to-end runs against docs/openapi.json)",
            u64::from(mismatches.is_empty()),
            u64::from(!mismatches.is_empty()),
            mismatches.is_empty(),
        );
    } else {
        tally.step(
            "end-to-end tests: build of the console or the mock failed",
            0,
            0,
            false,
        );
    }

    // Schemathesis against the debug mock: the runs green three times in a row by hand (the
    // others: `cargo xtask schemathesis`), one step each.
    if server {
        for (name, ok, passed, failed) in
            crate::schemathesis::runs(root, env, crate::schemathesis::GATE)
        {
            tally.step(&name, passed, failed, ok && passed > 0);
        }
    }

    if !tally.failed_steps.is_empty() {
        eprintln!("failed: {}", tally.failed_steps.join(", "));
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_libtest_summaries() {
        let lines = vec![
            "test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured".to_string(),
            "noise".to_string(),
            "test result: FAILED. 2 passed; 3 failed; 0 ignored".to_string(),
        ];
        assert_eq!(libtest_counts(&lines), (14, 3));
    }

    #[test]
    fn lists_contract_mismatches_with_endpoint_and_pointer() {
        let dir = std::env::temp_dir().join(format!("xtask-drift-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("m.jsonl");
        assert!(contract_mismatches(&f).is_empty(), "no file, no mismatch");
        std::fs::write(&f, "{\"method\":\"GET\",\"path\":\"/api/v2/tasks/instances/7\",\"status\":200,\"pointer\":\"/data/status\",\"expected\":\"\\\"DONE\\\" is not one of ...\"}\n").unwrap();
        let m = contract_mismatches(&f);
        assert_eq!(m.len(), 1);
        assert!(
            m[0].starts_with("GET /api/v2/tasks/instances/7 -> 200 at /data/status: expected"),
            "{}",
            m[0]
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn reads_an_engines_closing_line() {
        let lines = vec![
            "PASS firefox · main path · sign in (1078 ms)".to_string(),
            "firefox: 10 passed, 1 failed".to_string(),
        ];
        assert_eq!(engine_counts(&lines, "firefox"), Some((10, 1)));
        assert_eq!(engine_counts(&lines, "webkit"), None);
    }

    #[test]
    fn reads_playwright_stats() {
        let dir = std::env::temp_dir().join(format!("xtask-pw-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("r.json");
        std::fs::write(&f, r#"{"suites":[],"stats":{"startTime":"x","duration":1.5,"expected": 7,"skipped":0,"unexpected":1,"flaky":0}}"#).unwrap();
        assert_eq!(playwright_counts(&f), Some((7, 1)));
        std::fs::remove_dir_all(dir).ok();
    }
}
