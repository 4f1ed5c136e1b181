//! Schemathesis (issue 29): a property-based API tester nobody here wrote, run against the
//! debug mock's served contract (`GET /__admin/openapi.json`, source `docs/openapi.json`) with
//! the settings in `mock-server/schemathesis.toml`. `cargo xtask setup` makes its virtual
//! environment (`target/schemathesis-venv`, the version pinned: `setup::ensure_schemathesis`);
//! `cargo xtask test` makes the runs in [`GATE`], `cargo xtask schemathesis` any of them.

use crate::Env;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

/// The Schemathesis release the gate runs (PyPI).
pub const VERSION: &str = "4.32.5";
/// The seed of every run, so a failure reproduces.
const SEED: &str = "1";
/// The controls that change what the API answers for every later request (a fault, a stub, the
/// GFC mode): tested alone, against a mock of their own, after everything else.
const BREAKERS: [&str; 3] = ["addFault", "addStub", "gfcMode"];

/// Left out of every run: a generated task of up to 20,000 steps makes the debug mock's task
/// engine answer in seconds (each finished step re-scans the task), then tens of seconds.
const SLOW: [&str; 1] = ["addSynthetic"];

/// The virtual environment Schemathesis lives in.
pub fn venv(root: &Path) -> PathBuf {
    crate::target_dir(root).join("schemathesis-venv")
}

/// Its command line program.
pub fn st(root: &Path) -> PathBuf {
    venv(root).join("bin/st")
}

/// One Schemathesis run against a mock of its own.
pub struct Run<'a> {
    /// The step's name in the gate's tally.
    pub name: &'a str,
    /// `--scenario` of the mock (a file of `mock-server/scenarios/`, without `.json`).
    pub scenario: Option<&'a str>,
    /// Only the [`BREAKERS`] (true) or everything but them (false).
    pub breakers: bool,
    /// `--max-examples`; `None`: the config file's.
    pub max_examples: Option<u32>,
    /// Checks left out (`--exclude-checks`), e.g. `not_a_server_error` when faults are seeded.
    pub exclude_checks: &'a [&'a str],
    /// Where the JUnit report goes.
    pub junit: PathBuf,
}

/// The debug mock on a port the system picks; killed when dropped.
struct Mock {
    child: Child,
    url: String,
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_mock(root: &Path, scenario: Option<&str>) -> Result<Mock, String> {
    let mut c = Command::new(crate::mock_server_bin(root));
    c.args(["--port", "0", "--precheck-delay-ms", "20"])
        .current_dir(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(s) = scenario {
        c.arg("--scenario")
            .arg(root.join(format!("mock-server/scenarios/{s}.json")));
    }
    let mut child = c
        .spawn()
        .map_err(|e| format!("cannot start the mock: {e}"))?;
    let Some(out) = child.stdout.take() else {
        let _ = child.kill();
        return Err("the mock's stdout is not readable".into());
    };
    let mut lines = BufReader::new(out).lines();
    let url = lines.by_ref().map_while(Result::ok).find_map(|l| {
        l.split_once("mock-server listening on ")
            .map(|(_, u)| u.trim().to_string())
    });
    // Keep reading what it prints so it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    let mock = Mock {
        child,
        url: url.unwrap_or_default(),
    };
    if mock.url.is_empty() {
        return Err("the mock exited before it listened".into());
    }
    Ok(mock)
}

/// The arguments of `st` for `run` against `url` (separate, so a test can read them).
fn args(root: &Path, run: &Run, url: &str) -> Vec<String> {
    let mut a: Vec<String> = vec![
        "--config-file".into(),
        root.join("mock-server/schemathesis.toml")
            .to_string_lossy()
            .into_owned(),
        "run".into(),
        format!("{url}/__admin/openapi.json"),
        "--checks".into(),
        "all".into(),
        "-a".into(),
        "admin:admin".into(),
        "--seed".into(),
        SEED.into(),
        // No examples kept from earlier runs: the seed alone says what is generated.
        "--generation-database".into(),
        "none".into(),
        "--no-color".into(),
        "--report".into(),
        "junit".into(),
        "--report-junit-path".into(),
        run.junit.to_string_lossy().into_owned(),
    ];
    if run.breakers {
        // No links join them: the stateful phase has nothing to walk.
        a.push("--phases".into());
        a.push("examples,coverage,fuzzing".into());
    }
    let flag = if run.breakers {
        "--include-operation-id"
    } else {
        "--exclude-operation-id"
    };
    for op in BREAKERS {
        a.push(flag.into());
        a.push(op.into());
    }
    if !run.breakers {
        for op in SLOW {
            a.push("--exclude-operation-id".into());
            a.push(op.into());
        }
    }
    if let Some(n) = run.max_examples {
        a.push("--max-examples".into());
        a.push(n.to_string());
    }
    if !run.exclude_checks.is_empty() {
        a.push("--exclude-checks".into());
        a.push(run.exclude_checks.join(","));
    }
    a
}

/// Runs Schemathesis as `run` says, printing its output; returns (exit status ok, passed,
/// failed) where passed and failed count the operations of its JUnit report.
pub fn run(root: &Path, env: &Env, run: &Run) -> (bool, u64, u64) {
    let started = Instant::now();
    let mock = match start_mock(root, run.scenario) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{}: {e}", run.name);
            return (false, 0, 0);
        }
    };
    let _ = std::fs::remove_file(&run.junit);
    // Its cache (.schemathesis/) lands in the working directory: keep it in target/.
    let cwd = crate::target_dir(root).join("schemathesis");
    let _ = std::fs::create_dir_all(&cwd);
    let mut c = env.command(&st(root).to_string_lossy(), &cwd);
    c.args(args(root, run, &mock.url));
    let ok = c.status().map(|s| s.success()).unwrap_or_else(|e| {
        eprintln!("{}: cannot start {}: {e}", run.name, st(root).display());
        false
    });
    drop(mock);
    let (passed, failed) = std::fs::read_to_string(&run.junit)
        .map(|x| junit_counts(&x))
        .unwrap_or((0, 0));
    eprintln!(
        "{}: {passed} operations passed, {failed} failed in {} s (JUnit: {})",
        run.name,
        started.elapsed().as_secs(),
        run.junit.display()
    );
    (ok, passed, failed)
}

/// Every run, by the name `cargo xtask schemathesis NAME…` takes (its JUnit file's name).
pub const RUNS: [&str; 4] = ["demo", "breakers", "large-estate", "flaky-network"];

/// The runs `cargo xtask test` makes: those green three times in a row by hand (2026-12-07,
/// `cargo xtask schemathesis`: all four, in 33 to 60 s, 4 s, 51 to 74 s and 92 to 144 s).
pub const GATE: &[&str] = &["demo", "breakers", "large-estate", "flaky-network"];

/// The Schemathesis runs named in `only` (of [`RUNS`]), each against a fresh
/// debug mock: the contract on the demo estate (every phase, stateful included), the
/// [`BREAKERS`] alone, the large estate and the flaky network (few examples each). Returns
/// (name, ok, passed, failed) per run. Its JUnit reports land beside the end-to-end results, in
/// `tests/e2e/.schemathesis/`.
pub fn runs(root: &Path, env: &Env, only: &[&str]) -> Vec<(String, bool, u64, u64)> {
    if !st(root).is_file() {
        let name = "schemathesis: no virtual environment (run cargo xtask setup)".to_string();
        return vec![(name, false, 0, 0)];
    }
    let reports = root.join("tests/e2e/.schemathesis");
    let _ = std::fs::create_dir_all(&reports);
    // Seeded 503s are what the flaky network is for: the contract documents them, so every
    // other check still holds them to it.
    // The fault answers before authentication and routing, as a dropped link does: a request
    // without credentials, with wrong ones or with an undeclared method can get the 503 too.
    let faulty: &[&str] = &[
        "not_a_server_error",
        "positive_data_acceptance",
        "missing_required_header",
        "ignored_auth",
        "unsupported_method",
    ];
    let all = [
        (
            "demo",
            "schemathesis: demo estate, all phases",
            None,
            false,
            None,
            &[][..],
        ),
        (
            "breakers",
            "schemathesis: addFault, addStub, gfcMode alone",
            None,
            true,
            None,
            &[][..],
        ),
        (
            "large-estate",
            "schemathesis: large estate (5 examples)",
            Some("large-estate"),
            false,
            Some(5),
            &[][..],
        ),
        (
            "flaky-network",
            "schemathesis: flaky network (5 examples)",
            Some("flaky-network"),
            false,
            Some(5),
            faulty,
        ),
    ];
    all.into_iter()
        .filter(|(file, ..)| only.contains(file))
        .map(
            |(file, name, scenario, breakers, max_examples, exclude_checks)| {
                let r = Run {
                    name,
                    scenario,
                    breakers,
                    max_examples,
                    exclude_checks,
                    junit: reports.join(format!("{file}.xml")),
                };
                let (ok, passed, failed) = run(root, env, &r);
                (name.to_string(), ok, passed, failed)
            },
        )
        .collect()
}

/// Counts a JUnit report's test cases: (passed, failed), where a case with a `<failure` or an
/// `<error` failed and a skipped one counts as neither.
fn junit_counts(xml: &str) -> (u64, u64) {
    let (mut passed, mut failed) = (0, 0);
    for case in xml.split("<testcase").skip(1) {
        let end = case
            .find("</testcase>")
            .or_else(|| case.find("/>").map(|i| i + 2))
            .unwrap_or(case.len());
        let body = &case[..end];
        if body.contains("<failure") || body.contains("<error") {
            failed += 1;
        } else if !body.contains("<skipped") {
            passed += 1;
        }
    }
    (passed, failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_junit_cases() {
        let xml = r#"<?xml version="1.0"?><testsuites><testsuite name="schemathesis" tests="4">
<testcase name="GET /a" time="0.1"/>
<testcase name="GET /b" time="0.1"><failure type="failure" message="x">y</failure></testcase>
<testcase name="GET /c" time="0.1"><skipped type="skipped" message="z"/></testcase>
<testcase name="POST /d" time="0.1"><error type="error" message="e">f</error></testcase>
<testcase name="POST /e" time="0.1"></testcase>
</testsuite></testsuites>"#;
        assert_eq!(junit_counts(xml), (2, 2));
        assert_eq!(junit_counts(""), (0, 0));
    }

    #[test]
    fn the_gate_names_only_runs_there_are() {
        assert!(GATE.iter().all(|r| RUNS.contains(r)), "{GATE:?}");
    }

    #[test]
    fn breakers_run_alone_and_the_rest_without_them() {
        let root = Path::new("/r");
        let mut run = Run {
            name: "x",
            scenario: None,
            breakers: false,
            max_examples: None,
            exclude_checks: &[],
            junit: PathBuf::from("/r/j.xml"),
        };
        let a = args(root, &run, "http://127.0.0.1:1");
        assert!(a.contains(&"http://127.0.0.1:1/__admin/openapi.json".to_string()));
        assert_eq!(
            a.iter().filter(|s| *s == "--exclude-operation-id").count(),
            BREAKERS.len() + SLOW.len()
        );
        assert!(!a.contains(&"--max-examples".to_string()));
        run.breakers = true;
        run.max_examples = Some(5);
        run.exclude_checks = &["not_a_server_error", "positive_data_acceptance"];
        let a = args(root, &run, "http://h");
        assert_eq!(
            a.iter().filter(|s| *s == "--include-operation-id").count(),
            3
        );
        assert!(a.windows(2).any(|w| w == ["--max-examples", "5"]));
        assert!(a.windows(2).any(|w| w
            == [
                "--exclude-checks",
                "not_a_server_error,positive_data_acceptance"
            ]));
    }
}
