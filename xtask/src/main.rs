//! `cargo xtask <command>`: the project's two README commands and their helpers.
//!
//! - `run`   build the release console, serve it and the mock API with demo data on :8080
//! - `test`  every check and test; ends with `N passed, N failed`
//! - `mock`  the mock API alone on :8080 (front-end dev loop with `trunk serve`); `run` and
//!   `mock` serve the release mock and take `--stubs DIR` (recorded replies the mock answers
//!   verbatim), `--record-from URL` (record a real OCP's replies into that DIR instead),
//!   `--journal-size N` and `--scenario NAME` (a ready state from mock-server/scenarios/, or a file)
//! - `bench` every performance figure in one table against its budget: bundle, cold load, the
//!   task graph in Chromium, click → paint, layout against Graphviz dot, the mock's throughput
//!   (`--only PART[,PART…]` runs some)
//! - `build` the release console into dist/
//! - `nginx-conf` the nginx server block for static hosting of this build
//! - `schemathesis` only the gate's Schemathesis runs against the debug mock (issue 29)
//! - `setup` install what is missing (idempotent; the other commands call it)

mod bench;
mod compress;
mod css;
mod devloop;
mod nginx;
mod schemathesis;
mod setup;
mod split;
mod test;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::ensure_all(&root).map(|_| ()),
        Some("build") => setup::ensure(&root).and_then(|env| build_console(&root, &env).map(drop)),
        Some("run") => run(&root, false, &args[1..]),
        Some("mock") => run(&root, true, &args[1..]),
        Some("nginx-conf") => setup::ensure(&root).and_then(|env| {
            build_console(&root, &env)?;
            let mut c = env.command("cargo", &root);
            c.args(["build", "--quiet", "-p", "mock-server"]);
            run_checked(c, "cargo build -p mock-server")?;
            nginx::print(&root, &env, &args[1..])
        }),
        Some("bench") => bench::main(&root, &args[1..]),
        Some("schemathesis") => schemathesis_only(&root, &args[1..]),
        Some("test") => {
            return match setup::ensure_all(&root) {
                Ok(env) => test::all(&root, &env),
                Err(e) => {
                    eprintln!("xtask: setup failed: {e}");
                    println!("0 passed, 1 failed");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("usage: cargo xtask <run|test|mock|bench [--only PART]|build|nginx-conf [LISTEN] [OCP_URL]|schemathesis|setup>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask schemathesis [RUN…]`: only the Schemathesis runs (all, or those named: demo,
/// stateful, breakers, large-estate, flaky-network), against the debug mock.
fn schemathesis_only(root: &Path, only: &[String]) -> Result<(), String> {
    let mut only: Vec<&str> = only.iter().map(String::as_str).collect();
    if only.is_empty() {
        only = schemathesis::RUNS.to_vec();
    }
    if let Some(bad) = only.iter().find(|r| !schemathesis::RUNS.contains(r)) {
        return Err(format!(
            "no run {bad} (runs: {})",
            schemathesis::RUNS.join(", ")
        ));
    }
    let env = setup::env(root);
    setup::ensure_schemathesis(root, &env)?;
    let mut c = env.command("cargo", root);
    c.args(["build", "--quiet", "-p", "mock-server"]);
    run_checked(c, "cargo build -p mock-server")?;
    let steps = schemathesis::runs(root, &env, &only);
    for (name, ok, passed, failed) in &steps {
        eprintln!(
            "==> {name}: {passed} passed, {failed} failed{}",
            if *ok { "" } else { " (FAILED)" }
        );
    }
    match steps.iter().all(|(_, ok, _, failed)| *ok && *failed == 0) {
        true => Ok(()),
        false => Err("Schemathesis found failures".into()),
    }
}

/// The workspace root (xtask lives one level below it).
fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Environment every tool runs with: npm's tools (wasm-opt 132) and cargo's bin first on PATH,
/// so Debian's binaryen 108 at /usr/bin/wasm-opt is never picked up.
pub struct Env {
    pub path: String,
}

impl Env {
    /// The first `program` on this PATH.
    pub fn find(&self, program: &str) -> Option<PathBuf> {
        std::env::split_paths(&self.path)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    }

    pub fn command(&self, program: &str, root: &Path) -> Command {
        let mut c = Command::new(program);
        c.current_dir(root).env("PATH", &self.path);
        c
    }
}

/// Where cargo puts build outputs: `cargo metadata`'s target directory, so `CARGO_TARGET_DIR`
/// and `build.target-dir` are honoured; `target/` beside the workspace if cargo cannot say.
pub fn target_dir(root: &Path) -> PathBuf {
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(root)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .output();
    out.ok()
        .filter(|o| o.status.success())
        .and_then(|o| {
            let v: serde_json::Value = serde_json::from_slice(&o.stdout).ok()?;
            v.get("target_directory")?.as_str().map(PathBuf::from)
        })
        .unwrap_or_else(|| root.join("target"))
}

/// The debug build of the mock server, wherever cargo put it (what the tests run).
pub fn mock_server_bin(root: &Path) -> PathBuf {
    target_dir(root).join("debug/mock-server")
}

/// The release build of the mock server (what `run`, `mock` and the bench serve).
pub fn mock_server_release_bin(root: &Path) -> PathBuf {
    target_dir(root).join("release/mock-server")
}

/// Builds the release mock server.
pub fn build_release_mock(root: &Path, env: &Env) -> Result<PathBuf, String> {
    let mut c = env.command("cargo", root);
    c.args(["build", "--release", "--quiet", "-p", "mock-server"]);
    run_checked(c, "cargo build --release -p mock-server")?;
    Ok(mock_server_release_bin(root))
}

/// Runs a command, failing with its description if it does not succeed.
pub fn run_checked(mut c: Command, what: &str) -> Result<(), String> {
    let status = c
        .status()
        .map_err(|e| format!("{what}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// The release console in dist/, with `.gz` and `.br` beside each hashed asset.
pub fn build_console(root: &Path, env: &Env) -> Result<Vec<compress::Sizes>, String> {
    let mut c = env.command("trunk", root);
    c.args(["build", "--release", "--features", "split"]);
    run_checked(c, "trunk build --release --features split")?;
    let dist = root.join("dist");
    let manifest = split::run(root, env, &split::raw_wasm(root), &dist)?;
    eprintln!(
        "xtask: split into {} (first download) and {} chunks",
        manifest.main_wasm,
        manifest.chunks.len()
    );
    css::ship(&dist)?;
    let sizes = compress::dist(&root.join("dist"))?;
    for s in &sizes {
        eprintln!(
            "xtask: {}: {} B, gzip {} B, brotli {} B",
            s.name, s.raw, s.gzip, s.brotli
        );
    }
    let (raw, gz, br) = sizes.iter().fold((0, 0, 0), |(r, g, b), s| {
        (r + s.raw, g + s.gzip, b + s.brotli)
    });
    eprintln!("xtask: assets {raw} B raw, {gz} B gzip, {br} B brotli (written beside each)");
    Ok(sizes)
}

/// Today's date (UTC), for the figures the bench prints.
pub fn today() -> String {
    let c = console_core::time::Instant::now().civil(console_core::time::Offset::UTC);
    format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
}

/// The flags `run` and `mock` pass on to the mock server: `--stubs DIR` (DIR taken from where
/// the command was typed), `--record-from URL` and `--journal-size N` (both checked by the
/// server itself) and `--scenario NAME` (see [`scenario_file`]).
fn server_args(extra: &[String], cwd: &Path, root: &Path) -> Result<Vec<OsString>, String> {
    let usage = || {
        "usage: cargo xtask run|mock [--stubs DIR [--record-from URL]] [--journal-size N] [--scenario NAME]"
            .to_string()
    };
    let mut out = Vec::new();
    let mut rest = extra.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or_else(usage)?;
        match flag.as_str() {
            "--stubs" => out.extend([flag.into(), cwd.join(value).into()]),
            "--journal-size" | "--record-from" => out.extend([flag.into(), value.into()]),
            "--scenario" => out.extend([flag.into(), scenario_file(value, cwd, root)?.into()]),
            _ => return Err(usage()),
        }
    }
    Ok(out)
}

/// `--scenario NAME`: a file where the command was typed, else the ready scenario
/// `mock-server/scenarios/NAME.json`; otherwise an error listing the ready ones.
fn scenario_file(name: &str, cwd: &Path, root: &Path) -> Result<PathBuf, String> {
    let typed = cwd.join(name);
    if typed.is_file() {
        return Ok(typed);
    }
    let dir = root.join("mock-server/scenarios");
    let ready = dir.join(format!("{}.json", name.trim_end_matches(".json")));
    if ready.is_file() {
        return Ok(ready);
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    n.strip_suffix(".json").map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    Err(format!(
        "no scenario \"{name}\": neither a file nor one of the ready ones in {} ({})",
        dir.display(),
        names.join(", ")
    ))
}

fn run(root: &Path, api_only: bool, extra: &[String]) -> Result<(), String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let pass_on = server_args(extra, &cwd, root)?;
    let env = setup::ensure(root)?;
    if !api_only {
        build_console(root, &env)?;
    }
    // Release: a debug mock answers a polled task about six times slower (5,800 against
    // 30,000+ req/s on 2 cores), and `run` is what people demo and point load at.
    let bin = build_release_mock(root, &env)?;
    println!();
    if api_only {
        println!("Mock OCP API on http://127.0.0.1:8080/api/v2 (run `trunk serve` for the console on :8081)");
    } else {
        println!("Failover Console: http://127.0.0.1:8080/");
    }
    println!("Demo users: admin / admin (operator), viewer / viewer (read only)");
    println!("Press Ctrl-C to stop.");
    println!();
    let mut server = env.command(&bin.to_string_lossy(), root);
    server.args(["--port", "8080"]);
    if !api_only {
        server.args(["--dist", "dist"]);
    }
    server.args(pass_on);
    run_checked(server, "mock-server")
}

#[cfg(test)]
mod tests {
    #[test]
    fn target_dir_follows_cargo_target_dir() {
        let root = super::root();
        // Cargo passes its own target dir to tests through the environment it was run with;
        // an explicit override must win.
        std::env::set_var("CARGO_TARGET_DIR", "/tmp/failover-console-target-probe");
        let dir = super::target_dir(&root);
        std::env::remove_var("CARGO_TARGET_DIR");
        assert_eq!(
            dir,
            std::path::PathBuf::from("/tmp/failover-console-target-probe")
        );
        assert!(super::mock_server_bin(&root).ends_with("debug/mock-server"));
        assert!(super::mock_server_release_bin(&root).ends_with("release/mock-server"));
    }

    #[test]
    fn run_and_mock_pass_stubs_recording_and_journal_size_on() {
        let cwd = std::path::Path::new("/home/dev/project");
        let root = super::root();
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let got = super::server_args(
            &args(&[
                "--journal-size",
                "500",
                "--stubs",
                "recorded",
                "--record-from",
                "http://ocp:8080",
            ]),
            cwd,
            &root,
        )
        .unwrap();
        assert_eq!(
            got,
            [
                "--journal-size",
                "500",
                "--stubs",
                "/home/dev/project/recorded",
                "--record-from",
                "http://ocp:8080"
            ]
            .map(std::ffi::OsString::from)
        );
        assert!(super::server_args(&[], cwd, &root).unwrap().is_empty());
        for bad in [&["--stubs"][..], &["--port", "1"], &["stray"]] {
            let e = super::server_args(&args(bad), cwd, &root).unwrap_err();
            assert!(e.contains("--journal-size N"), "{bad:?}: {e}");
        }
    }

    #[test]
    fn a_scenario_name_is_a_ready_one_or_a_file() {
        let root = super::root();
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let elsewhere = std::path::Path::new("/nonexistent");
        for name in [
            "region-outage",
            "lagging-standby",
            "flaky-network",
            "big-task",
        ] {
            let got = super::server_args(&args(&["--scenario", name]), elsewhere, &root).unwrap();
            assert_eq!(
                got[1],
                root.join(format!("mock-server/scenarios/{name}.json"))
                    .into_os_string()
            );
        }
        // A path typed where the command runs wins.
        let got = super::server_args(
            &args(&["--scenario", "mock-server/scenarios/big-task.json"]),
            &root,
            &root,
        )
        .unwrap();
        assert_eq!(
            got[1],
            root.join("mock-server/scenarios/big-task.json")
                .into_os_string()
        );
        let e = super::server_args(&args(&["--scenario", "region-outtage"]), elsewhere, &root)
            .unwrap_err();
        assert!(
            e.contains("no scenario \"region-outtage\"")
                && e.contains(
                    "big-task, drill-history, flaky-network, lagging-standby, large-estate, region-outage"
                ),
            "{e}"
        );
    }
}
