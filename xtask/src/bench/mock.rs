//! The mock server's throughput on what the console polls: `GET /api/v2/tasks/instances/{id}`
//! of a running task, as the operator, against the release build with the demo estate, under
//! Debian's wrk on the same machine. On 2 shared cores the figure is only meaningful while
//! nothing else is building.

use super::{Budget, Row};
use crate::Env;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

/// Requests per second the mock must sustain.
const BUDGET_RPS: f64 = 20_000.0;
/// As many connections as a room of consoles polling at once, and enough to keep 2 cores busy.
const CONNECTIONS: u32 = 32;
const SECONDS: u32 = 10;
/// Run first and not counted: connections opened, caches and allocator warm.
const WARM_UP_SECONDS: u32 = 2;
/// `admin:admin`, the demo operator.
const AUTH: &str = "Basic YWRtaW46YWRtaW4=";
/// A cluster failover of the demo estate: 9 steps, the seed sample's task (id 171603).
const LAUNCH: &str = "/api/v2/ob/clusters/6/failover";

/// The mock server, stopped when dropped (also on an early return).
struct Server {
    child: Child,
    addr: String,
    /// Held so the server's stdout stays open.
    _stdout: BufReader<ChildStdout>,
}

impl Server {
    fn start(bin: &Path, root: &Path) -> Result<Server, String> {
        let mut child = Command::new(bin)
            .current_dir(root)
            .args(["--port", "0", "--precheck-delay-ms", "0"])
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let Some(stdout) = child.stdout.take() else {
            let _ = child.kill();
            return Err("mock-server has no stdout".into());
        };
        let mut stdout = BufReader::new(stdout);
        let mut line = String::new();
        // The server prints this line once it listens, or exits with its error on stderr.
        let _ = stdout.read_line(&mut line);
        let Some(addr) = line
            .trim()
            .strip_prefix("mock-server listening on http://")
            .map(str::to_string)
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("mock-server did not start (it printed {line:?})"));
        };
        Ok(Server {
            child,
            addr,
            _stdout: stdout,
        })
    }

    /// Resident memory, from /proc (Linux only).
    fn rss_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request as the operator on a fresh connection: (status, body).
fn request(addr: &str, method: &str, path: &str) -> Result<(u16, String), String> {
    let what = format!("{method} {path}");
    let mut s = TcpStream::connect(addr).map_err(|e| format!("{what}: cannot connect: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| format!("{what}: {e}"))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {AUTH}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| format!("{what}: cannot send: {e}"))?;
    let mut reply = String::new();
    s.read_to_string(&mut reply)
        .map_err(|e| format!("{what}: cannot read the reply: {e}"))?;
    let (head, body) = reply
        .split_once("\r\n\r\n")
        .ok_or_else(|| format!("{what}: not an HTTP reply: {reply:.80}"))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{what}: no status in {head:.80}"))?;
    Ok((status, body.to_string()))
}

/// Launches the cluster failover and returns the id of its task.
fn launch_task(addr: &str) -> Result<i64, String> {
    let (status, body) = request(addr, "POST", LAUNCH)?;
    let v: serde_json::Value = serde_json::from_str(&body)
        .map_err(|e| format!("POST {LAUNCH}: {status}, not JSON ({e}): {body:.200}"))?;
    v.pointer("/data/id")
        .and_then(serde_json::Value::as_i64)
        .filter(|_| status == 200)
        .ok_or_else(|| format!("POST {LAUNCH}: {status}, no task id: {body:.200}"))
}

/// What wrk reports that the bench reads.
#[derive(Debug, PartialEq)]
struct WrkReport {
    requests: u64,
    per_second: f64,
    /// Non-2xx answers: a fast 401 or 404 is not the figure being measured.
    not_ok: u64,
    /// Connect, read, write errors and timeouts.
    socket_errors: u64,
}

/// Reads wrk's summary (`  368996 requests in 10.00s, …`, `Requests/sec:  36892.65`, and when
/// any, `Non-2xx or 3xx responses: N` and `Socket errors: connect 0, read 0, write 0, timeout 0`).
fn parse_wrk(out: &str) -> Option<WrkReport> {
    let mut requests = None;
    let mut per_second = None;
    let mut not_ok = 0;
    let mut socket_errors = 0;
    for line in out.lines().map(str::trim) {
        if let Some(v) = line.strip_prefix("Requests/sec:") {
            per_second = v.trim().parse().ok();
        } else if let Some(v) = line.strip_prefix("Non-2xx or 3xx responses:") {
            not_ok = v.trim().parse().ok()?;
        } else if let Some(v) = line.strip_prefix("Socket errors:") {
            for part in v.split(',') {
                socket_errors += part.split_whitespace().nth(1)?.parse::<u64>().ok()?;
            }
        } else if line.contains(" requests in ") {
            requests = line.split_whitespace().next().and_then(|n| n.parse().ok());
        }
    }
    Some(WrkReport {
        requests: requests?,
        per_second: per_second?,
        not_ok,
        socket_errors,
    })
}

fn wrk(env: &Env, root: &Path, url: &str, seconds: u32) -> Result<WrkReport, String> {
    let mut c = env.command("wrk", root);
    // One wrk thread: on 2 cores a second one takes CPU from the server it measures.
    c.args(["-t1", &format!("-c{CONNECTIONS}"), &format!("-d{seconds}s")])
        .args(["-H", &format!("Authorization: {AUTH}"), url]);
    let out = c
        .output()
        .map_err(|e| format!("cannot run wrk (cargo xtask setup installs it): {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "wrk failed ({}): {text}{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    parse_wrk(&text).ok_or_else(|| format!("cannot read wrk's report:\n{text}"))
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or("-".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0))
}

pub fn run(root: &Path, env: &Env) -> Result<Vec<Row>, String> {
    let bin = crate::build_release_mock(root, env)?;
    let server = Server::start(&bin, root)?;
    let id = launch_task(&server.addr)?;
    let path = format!("/api/v2/tasks/instances/{id}");
    let (status, body) = request(&server.addr, "GET", &path)?;
    if status != 200 || !body.contains("\"successful\":true") {
        return Err(format!("GET {path}: {status} {body:.200}"));
    }
    let url = format!("http://{}{path}", server.addr);
    wrk(env, root, &url, WARM_UP_SECONDS)?;
    let rss_before = server.rss_kb();
    let r = wrk(env, root, &url, SECONDS)?;
    let rss_after = server.rss_kb();
    if r.not_ok > 0 || r.socket_errors > 0 {
        return Err(format!(
            "GET {path} under load: {} answers were not 2xx, {} socket errors",
            r.not_ok, r.socket_errors
        ));
    }
    println!(
        "BENCH mock_get_task conns={CONNECTIONS} secs={SECONDS} requests={} req_per_s={:.0} rss_kb_before={} rss_kb_after={}",
        r.requests,
        r.per_second,
        rss_before.unwrap_or(0),
        rss_after.unwrap_or(0)
    );
    let mut rows = vec![Row::new(
        "mock GET task, 32 connections",
        r.per_second,
        format!(
            "{:.0} req/s ({} requests in {SECONDS} s)",
            r.per_second, r.requests
        ),
    )
    .budget(
        Budget::AtLeast(BUDGET_RPS),
        format!("≥ {BUDGET_RPS:.0} req/s"),
    )];
    rows.push(Row::new(
        "mock memory under that load",
        rss_after.unwrap_or(0) as f64,
        format!("RSS {} → {}", mb(rss_before), mb(rss_after)),
    ));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLEAN: &str = "Running 10s test @ http://127.0.0.1:8080/api/v2/tasks/instances/171603
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.27ms    2.18ms  19.31ms   70.97%
    Req/Sec     7.62k     2.83k   13.25k    61.00%
  75799 requests in 10.00s, 311.41MB read
Requests/sec:   7576.74
Transfer/sec:     31.13MB
";

    #[test]
    fn reads_wrks_summary() {
        assert_eq!(
            parse_wrk(CLEAN),
            Some(WrkReport {
                requests: 75799,
                per_second: 7576.74,
                not_ok: 0,
                socket_errors: 0
            })
        );
    }

    #[test]
    fn counts_non_2xx_answers_and_socket_errors() {
        let out = CLEAN.replace(
            "Requests/sec:",
            "  Socket errors: connect 0, read 3, write 1, timeout 2\n  Non-2xx or 3xx responses: 75799\nRequests/sec:",
        );
        let r = parse_wrk(&out).unwrap();
        assert_eq!((r.not_ok, r.socket_errors), (75799, 6));
    }

    #[test]
    fn a_report_without_figures_is_not_read() {
        assert_eq!(
            parse_wrk("unable to connect to 127.0.0.1:1 Connection refused"),
            None
        );
    }

    #[test]
    fn measures_a_live_mock_end_to_end() {
        // The whole path but the budget, briefly, on the debug build `cargo test` has at hand
        // when it exists (the bench itself always builds and measures the release build).
        let root = crate::root();
        // Beside this test's own binary (target/debug/deps/xtask-…): cargo metadata would read
        // CARGO_TARGET_DIR, which another test changes for a moment.
        let exe = std::env::current_exe().unwrap();
        let bin = exe
            .parent()
            .and_then(Path::parent)
            .unwrap()
            .join("mock-server");
        let env = crate::setup::env(&root);
        if !bin.is_file() || env.find("wrk").is_none() {
            eprintln!("skipped: needs {} and wrk", bin.display());
            return;
        }
        let server = Server::start(&bin, &root).unwrap();
        let id = launch_task(&server.addr).unwrap();
        assert_eq!(id, 171603);
        let url = format!("http://{}/api/v2/tasks/instances/{id}", server.addr);
        let r = wrk(&env, &root, &url, 1).unwrap();
        assert!(
            r.requests > 0 && r.not_ok == 0 && r.socket_errors == 0,
            "{r:?}"
        );
        assert!(server.rss_kb().is_some_and(|kb| kb > 0));
    }
}
