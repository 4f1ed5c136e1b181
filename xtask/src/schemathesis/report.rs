//! What a Schemathesis run says about itself: its JSON report (`--report json`), the links line
//! of its output, and the mock it ran against (started, set up). The gate judges a run from
//! these, not from the exit status alone.

use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// A run's figures and what is wrong with it, read from its JSON report.
#[derive(Debug, Default, PartialEq)]
pub struct Summary {
    /// Operations tested.
    pub operations: u64,
    /// Test cases generated (every phase).
    pub cases: u64,
    /// Test cases with a failure, and errors.
    pub failures: u64,
    pub errors: u64,
    /// `kind: operation` for every warning reported.
    pub warnings: Vec<String>,
    /// Operations the unit phases sent well-formed data to that never got a 2xx: refused for
    /// their state every time (an operation answered only 404 is a `missing_test_data` warning).
    pub never_accepted: Vec<String>,
}

/// Reads a JSON report; `None` if it is not one.
pub fn summary(json: &str) -> Option<Summary> {
    let v: Value = serde_json::from_str(json).ok()?;
    let n = |p: &str| v.pointer(p).and_then(Value::as_u64).unwrap_or(0);
    let mut s = Summary {
        operations: n("/operations/tested"),
        cases: n("/test_cases/generated"),
        failures: n("/test_cases/with_failures"),
        errors: n("/test_cases/errored")
            + v.get("errors")
                .and_then(Value::as_array)
                .map_or(0, |e| e.len() as u64),
        ..Summary::default()
    };
    for (kind, labels) in v.get("warnings")?.as_object()? {
        for label in labels.as_array().into_iter().flatten() {
            s.warnings
                .push(format!("{kind}: {}", label.as_str().unwrap_or_default()));
        }
    }
    for (label, phases) in v.get("valid_rates")?.as_object()? {
        let sum = |key: &str| -> u64 {
            phases
                .as_object()
                .into_iter()
                .flat_map(|p| p.values())
                .filter_map(|r| r.get(key).and_then(Value::as_u64))
                .sum()
        };
        if sum("accepted") == 0 && sum("conflicts") + sum("rejected") > 0 {
            s.never_accepted.push(label.clone());
        }
    }
    Some(s)
}

/// `API Links: 58 covered / 100 selected / 102 total` → (covered, selected).
pub fn links(line: &str) -> Option<(u64, u64)> {
    let rest = line.trim().strip_prefix("API Links:")?;
    let mut words = rest.split_whitespace();
    let covered = words.next()?.parse().ok()?;
    let selected = words.nth(2)?.parse().ok()?;
    Some((covered, selected))
}

/// POSTs the JSON `body` to `path` of the mock at `url` (`http://host:port`) as admin; its
/// status. The one request xtask makes itself, so no HTTP client is needed for it.
pub fn post(url: &str, path: &str, body: &str) -> Result<u16, String> {
    let host = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("not an http URL: {url}"))?;
    let fail = |e: std::io::Error| format!("POST {url}{path}: {e}");
    let mut s = TcpStream::connect(host).map_err(fail)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(fail)?;
    // admin:admin, the demo's administrator.
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Basic YWRtaW46YWRtaW4=\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(fail)?;
    let mut reply = String::new();
    s.read_to_string(&mut reply).map_err(fail)?;
    reply
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("POST {url}{path}: no HTTP status in the reply"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_figures_warnings_and_operations_never_accepted() {
        let json = r#"{
          "operations": {"total": 50, "selected": 46, "tested": 46},
          "test_cases": {"generated": 3003, "with_failures": 1, "errored": 0},
          "errors": [],
          "warnings": {"missing_test_data": ["GET /a/{id}"], "missing_auth": []},
          "valid_rates": {
            "GET /a/{id}": {"coverage": {"accepted": 0, "unreachable": 4, "conflicts": 0, "rejected": 0}},
            "POST /b/{id}/retry": {
              "examples": {"accepted": 0, "unreachable": 0, "conflicts": 0, "rejected": 1},
              "fuzzing": {"accepted": 0, "unreachable": 3, "conflicts": 0, "rejected": 2}
            },
            "POST /c": {
              "examples": {"accepted": 1, "unreachable": 0, "conflicts": 0, "rejected": 0},
              "coverage": {"accepted": 0, "unreachable": 0, "conflicts": 0, "rejected": 5}
            }
          }
        }"#;
        let s = summary(json).expect("a report");
        assert_eq!((s.operations, s.cases, s.failures), (46, 3003, 1));
        assert_eq!(s.warnings, ["missing_test_data: GET /a/{id}"]);
        assert_eq!(s.never_accepted, ["POST /b/{id}/retry"]);
        assert_eq!(summary("not json"), None);
    }

    #[test]
    fn reads_the_links_line() {
        assert_eq!(
            links("     API Links:    58 covered / 100 selected / 102 total"),
            Some((58, 100))
        );
        assert_eq!(
            links("API Links: 3 covered / 9 selected / 9 total (2 inferred)"),
            Some((3, 9))
        );
        assert_eq!(links("Scenarios: 78"), None);
    }
}
