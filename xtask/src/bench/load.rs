//! What an operator downloads and how soon the console is usable: the release build's sizes
//! (`bundle`) and its cold load in Chromium (`load`, tests/bench/cold_load.mjs), served by the
//! release mock with the precompressed assets, as nginx serves them.

use super::{collect_lines, Budget, Row};
use crate::compress::Sizes;
use crate::Env;
use std::path::Path;

/// Issue 13: the whole shipped build (wasm, js and css) in at most this much gzip.
const BUNDLE_GZIP_BUDGET: u64 = 200_000;
/// Issue 13: the sign-in form usable within a second on a 10 Mbit/s, 40 ms link.
const COLD_LOAD_THROTTLED_MS: f64 = 1000.0;

/// A byte count with thousands separators: `1,548,280 B`.
fn bytes_text(bytes: u64) -> String {
    let s = bytes.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{out} B")
}

/// The rows of the bundle part: each asset kind and the whole, raw, gzip and brotli.
pub fn size_rows(sizes: &[Sizes]) -> Vec<Row> {
    let kind = |name: &str| {
        if name.ends_with(".wasm") {
            "wasm"
        } else if name.ends_with(".js") {
            "js"
        } else if name.ends_with(".css") {
            "css"
        } else {
            "other"
        }
    };
    let mut rows = Vec::new();
    for k in ["wasm", "js", "css"] {
        let (raw, gz, br) = sizes
            .iter()
            .filter(|s| kind(&s.name) == k)
            .fold((0, 0, 0), |(r, g, b), s| {
                (r + s.raw, g + s.gzip, b + s.brotli)
            });
        rows.push(Row::new(
            format!("bundle: {k}"),
            gz as f64,
            format!(
                "{} raw, {} gzip, {} brotli",
                bytes_text(raw),
                bytes_text(gz),
                bytes_text(br)
            ),
        ));
    }
    let (raw, gz, br) = sizes.iter().fold((0, 0, 0), |(r, g, b), s| {
        (r + s.raw, g + s.gzip, b + s.brotli)
    });
    rows.push(
        Row::new(
            "bundle: all assets",
            gz as f64,
            format!(
                "{} raw, **{} gzip**, {} brotli",
                bytes_text(raw),
                bytes_text(gz),
                bytes_text(br)
            ),
        )
        .budget(
            Budget::AtMost(BUNDLE_GZIP_BUDGET as f64),
            format!("≤ {} gzip", bytes_text(BUNDLE_GZIP_BUDGET)),
        ),
    );
    rows
}

pub fn bundle(root: &Path, env: &Env) -> Result<Vec<Row>, String> {
    let sizes = crate::build_console(root, env)?;
    Ok(size_rows(&sizes))
}

/// Cold loads, unthrottled and on the slow link, of the build in dist/ (built by `bundle`, or
/// now if it is missing).
pub fn cold(root: &Path, env: &Env) -> Result<Vec<Row>, String> {
    if !root.join("dist/index.html").exists() {
        crate::build_console(root, env)?;
    }
    let bin = crate::build_release_mock(root, env)?;
    let mut c = env.command("node", root);
    c.arg("tests/bench/cold_load.mjs")
        .env("MOCK_SERVER_BIN", bin)
        .env("DIST_DIR", root.join("dist"));
    let lines = collect_lines(c, "the cold-load benchmark")?;
    let mut rows = Vec::new();
    for line in lines {
        let Some((name, ms, bytes)) = parse(&line) else {
            continue;
        };
        let row = Row::new(
            format!("cold load to a usable sign-in form, {name}"),
            ms,
            format!("{ms:.0} ms ({} transferred)", bytes_text(bytes)),
        );
        rows.push(if name.starts_with("10 Mbit/s") {
            row.budget(
                Budget::AtMost(COLD_LOAD_THROTTLED_MS),
                format!("≤ {COLD_LOAD_THROTTLED_MS} ms"),
            )
        } else {
            row
        });
    }
    if rows.len() < 2 {
        return Err("the cold-load benchmark printed too few results".into());
    }
    Ok(rows)
}

/// Parses `BENCH cold_load_throttled n=1 runs=5 median_ms=612.3 bytes=450734` into the
/// profile's words, the median and the bytes transferred.
fn parse(line: &str) -> Option<(&'static str, f64, u64)> {
    let rest = line.trim().strip_prefix("BENCH cold_load_")?;
    let mut parts = rest.split_whitespace();
    let name = match parts.next()? {
        "unthrottled" => "unthrottled",
        "throttled" => "10 Mbit/s, 40 ms latency",
        _ => return None,
    };
    let (mut ms, mut bytes) = (None, None);
    for p in parts {
        if let Some(v) = p.strip_prefix("median_ms=") {
            ms = v.parse().ok();
        } else if let Some(v) = p.strip_prefix("bytes=") {
            bytes = v.parse().ok();
        }
    }
    Some((name, ms?, bytes?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cold_load_lines() {
        assert_eq!(
            parse("BENCH cold_load_throttled n=1 runs=5 median_ms=612.3 bytes=450734"),
            Some(("10 Mbit/s, 40 ms latency", 612.3, 450_734))
        );
        assert_eq!(parse("BENCH cold_load_throttled n=1"), None);
        assert_eq!(parse("BENCH first_paint n=2000 median_ms=1"), None);
    }

    #[test]
    fn the_whole_bundle_is_held_to_its_gzip_budget() {
        let s = |name: &str, gzip| Sizes {
            name: name.into(),
            raw: gzip * 3,
            gzip,
            brotli: gzip - 1,
        };
        let rows = size_rows(&[s("a.wasm", 150_000), s("a.js", 10_000), s("a.css", 4_000)]);
        let all = rows.last().expect("a row for all assets");
        assert_eq!(all.value, 164_000.0);
        assert_eq!(all.ok(), Some(true));
        let rows = size_rows(&[s("a.wasm", 199_000), s("a.js", 10_000)]);
        assert_eq!(rows.last().and_then(Row::ok), Some(false));
        assert_eq!(bytes_text(1_548_280), "1,548,280 B");
    }
}
