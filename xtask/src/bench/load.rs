//! What an operator downloads and how soon the console is usable: the release build's sizes
//! (`bundle`) and its cold load in Chromium (`load`, tests/bench/cold_load.mjs), served by the
//! release mock with the precompressed assets, as nginx serves them.

use super::{collect_lines, Budget, Row};
use crate::compress::Sizes;
use crate::split::Manifest;
use crate::Env;
use std::path::Path;

/// Issue 13: what the sign-in form needs (the first download: main wasm, its scripts and the
/// stylesheet) in at most this much gzip. Pages come later, in their chunks.
const FIRST_DOWNLOAD_GZIP_BUDGET: u64 = 200_000;
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

fn sum<'a>(sizes: impl Iterator<Item = &'a Sizes>) -> (u64, u64, u64) {
    sizes.fold((0, 0, 0), |(r, g, b), s| {
        (r + s.raw, g + s.gzip, b + s.brotli)
    })
}

fn sizes_text((raw, gz, br): (u64, u64, u64), bold_gzip: bool) -> String {
    let gz = if bold_gzip {
        format!("**{}**", bytes_text(gz))
    } else {
        bytes_text(gz)
    };
    format!(
        "{} raw, {gz} gzip, {} brotli",
        bytes_text(raw),
        bytes_text(br)
    )
}

/// Whether an asset is part of the first download: with a split build, the files its manifest
/// names as the main module and scripts, and the stylesheet; without one, every wasm, js and css.
fn first_download(name: &str, manifest: Option<&Manifest>) -> bool {
    match manifest {
        Some(m) => {
            name == m.main_js
                || name == m.main_wasm
                || name == m.loader_js
                || name.ends_with(".css")
        }
        None => [".wasm", ".js", ".css"].iter().any(|e| name.ends_with(e)),
    }
}

/// The rows of the bundle part: the first download (held to the budget), each of its files,
/// every chunk, and all assets together.
pub fn size_rows(sizes: &[Sizes], manifest: Option<&Manifest>) -> Vec<Row> {
    let mut rows = Vec::new();
    let first: Vec<&Sizes> = sizes
        .iter()
        .filter(|s| first_download(&s.name, manifest))
        .collect();
    let total = sum(first.iter().copied());
    rows.push(
        Row::new(
            "bundle: first download (what the sign-in form needs)",
            total.1 as f64,
            sizes_text(total, true),
        )
        .budget(
            Budget::AtMost(FIRST_DOWNLOAD_GZIP_BUDGET as f64),
            format!("≤ {} gzip", bytes_text(FIRST_DOWNLOAD_GZIP_BUDGET)),
        ),
    );
    for s in &first {
        rows.push(Row::new(
            format!("bundle: first download: {}", s.name),
            s.gzip as f64,
            sizes_text((s.raw, s.gzip, s.brotli), false),
        ));
    }
    if let Some(m) = manifest {
        let chunks: Vec<&Sizes> = sizes
            .iter()
            .filter(|s| m.chunks.contains(&s.name))
            .collect();
        rows.push(Row::new(
            format!("bundle: {} chunks, loaded on demand", chunks.len()),
            sum(chunks.iter().copied()).1 as f64,
            sizes_text(sum(chunks.iter().copied()), false),
        ));
        // Each split point's own chunk on a row; the splitter's shared chunks (code two or more
        // of them use, `chunk_N-…`, dozens of small files) together on one.
        let (own, shared): (Vec<&Sizes>, Vec<&Sizes>) = chunks
            .into_iter()
            .partition(|s| s.name.starts_with("split_"));
        for s in own {
            rows.push(Row::new(
                format!("bundle: chunk {}", s.name),
                s.gzip as f64,
                sizes_text((s.raw, s.gzip, s.brotli), false),
            ));
        }
        if !shared.is_empty() {
            rows.push(Row::new(
                format!("bundle: {} shared chunks (chunk_N-…)", shared.len()),
                sum(shared.iter().copied()).1 as f64,
                sizes_text(sum(shared.iter().copied()), false),
            ));
        }
    }
    let all = sum(sizes.iter());
    rows.push(Row::new(
        "bundle: all assets",
        all.1 as f64,
        sizes_text(all, false),
    ));
    rows
}

pub fn bundle(root: &Path, env: &Env) -> Result<Vec<Row>, String> {
    let sizes = crate::build_console(root, env)?;
    let manifest = Manifest::read(&root.join("dist"))?;
    Ok(size_rows(&sizes, manifest.as_ref()))
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
    fn the_first_download_is_held_to_the_budget_and_chunks_are_listed() {
        let s = |name: &str, gzip| Sizes {
            name: name.into(),
            raw: gzip * 3,
            gzip,
            brotli: gzip - 1,
        };
        let manifest = Manifest {
            main_js: "a-1.js".into(),
            main_wasm: "a-1_bg.wasm".into(),
            loader_js: "split-loader-1.js".into(),
            chunks: vec!["split_task-1.wasm".into(), "chunk_0-1.wasm".into()],
        };
        let sizes = [
            s("a-1_bg.wasm", 150_000),
            s("a-1.js", 10_000),
            s("split-loader-1.js", 2_000),
            s("main-2.css", 4_000),
            s("split_task-1.wasm", 90_000),
            s("chunk_0-1.wasm", 1_000),
            s("favicon-3.svg", 200),
        ];
        let rows = size_rows(&sizes, Some(&manifest));
        let first = &rows[0];
        assert!(
            first.measure.contains("first download"),
            "{}",
            first.measure
        );
        assert_eq!(first.value, 166_000.0);
        assert_eq!(first.ok(), Some(true));
        let chunks = rows
            .iter()
            .find(|r| r.measure.contains("2 chunks"))
            .expect("chunks row");
        assert_eq!(chunks.value, 91_000.0);
        assert_eq!(chunks.ok(), None);
        assert!(rows
            .iter()
            .any(|r| r.measure == "bundle: chunk split_task-1.wasm"));
        let all = rows.last().expect("a row for all assets");
        assert_eq!(all.value, 257_200.0);
        assert_eq!(all.ok(), None);
        // A chunk in the first download would break the budget.
        let big = [
            s("a-1_bg.wasm", 190_000),
            s("a-1.js", 10_000),
            s("split-loader-1.js", 2_000),
        ];
        assert_eq!(size_rows(&big, Some(&manifest))[0].ok(), Some(false));
        // An unsplit build: everything is the first download.
        let rows = size_rows(&[s("x.wasm", 199_000), s("x.js", 10_000)], None);
        assert_eq!(rows[0].value, 209_000.0);
        assert_eq!(rows[0].ok(), Some(false));
        assert_eq!(bytes_text(1_548_280), "1,548,280 B");
    }
}
