//! `cargo xtask bench --only layout`: our task graph layout against Graphviz dot on the same
//! synthetic tasks. Ours runs natively in release (console-core's `layout_bench` example,
//! which also writes each task as DOT text); dot runs in node (tests/bench/dot.mjs, npm
//! `@hpcc-js/wasm-graphviz`). Both drawings' crossings are counted by one function,
//! `console_core::graph::crossings::count_crossings`, on the tracks each edge takes through the
//! layers (see that module for the rule). Fails when ours has more crossings than dot on any
//! task, is not at least `MIN_SPEEDUP` times faster than dot at 2,000 subtasks, or takes
//! longer than `MAX_MS_10000` at 10,000.

use super::{Budget, Row};
use crate::{target_dir, Env};
use console_core::graph::crossings::{count_crossings, EdgeTrack};
use std::path::Path;

const MIN_SPEEDUP: f64 = 50.0;
/// Native release time of our layout of a 10,000-subtask task.
const MAX_MS_10000: f64 = 150.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Ours {
    pub shape: String,
    pub n: usize,
    pub crossings: u64,
    pub ms: f64,
}

/// Parses `LAYOUT shape=dense n=2000 width=20 crossings=123 median_ms=4.56 runs=11`.
pub fn parse_ours(line: &str) -> Option<Ours> {
    let rest = line.trim().strip_prefix("LAYOUT ")?;
    let (mut shape, mut n, mut crossings, mut ms) = (None, None, None, None);
    for p in rest.split_whitespace() {
        match p.split_once('=') {
            Some(("shape", v)) => shape = Some(v.to_string()),
            Some(("n", v)) => n = v.parse().ok(),
            Some(("crossings", v)) => crossings = v.parse().ok(),
            Some(("median_ms", v)) => ms = v.parse().ok(),
            _ => {}
        }
    }
    Some(Ours {
        shape: shape?,
        n: n?,
        crossings: crossings?,
        ms: ms?,
    })
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub nodes: usize,
    pub crossings: u64,
    pub ms: f64,
}

/// Reads one line of dot.mjs: its time, and its tracks counted with our rule. A position dot
/// did not give (JSON `null`: no spline met that rank) leaves that segment out.
pub fn parse_dot(line: &str) -> Result<Dot, String> {
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("dot.mjs printed no JSON: {e}"))?;
    let ms = v
        .get("ms")
        .and_then(serde_json::Value::as_f64)
        .ok_or("dot.mjs gave no time")?;
    let nodes = v
        .get("nodes")
        .and_then(serde_json::Value::as_u64)
        .ok_or("dot.mjs gave no node count")? as usize;
    let tracks = v
        .get("tracks")
        .and_then(serde_json::Value::as_array)
        .ok_or("dot.mjs gave no tracks")?
        .iter()
        .map(|t| {
            let first_layer = t
                .get("first_layer")
                .and_then(serde_json::Value::as_u64)
                .ok_or("a track without first_layer")? as usize;
            let along = t
                .get("along")
                .and_then(serde_json::Value::as_array)
                .ok_or("a track without along")?
                .iter()
                .map(|x| x.as_f64().unwrap_or(f64::NAN))
                .collect();
            Ok(EdgeTrack { first_layer, along })
        })
        .collect::<Result<Vec<_>, &str>>()?;
    Ok(Dot {
        nodes,
        crossings: count_crossings(&tracks),
        ms,
    })
}

/// One task's rows: our crossings held to dot's, and our time held to the speed-up at 2,000
/// subtasks or the time budget at 10,000. The budgets live only here.
pub fn rows(o: &Ours, d: &Dot) -> Vec<Row> {
    let name = format!("{} task, {} subtasks", o.shape, o.n);
    let crossings = Row::new(
        format!("layout crossings, {name}"),
        o.crossings as f64,
        format!("{} (dot: {})", o.crossings, d.crossings),
    )
    .budget(Budget::AtMost(d.crossings as f64), "≤ dot's");
    let speedup = d.ms / o.ms.max(1e-3);
    let time = Row::new(
        format!("layout time, {name}"),
        if o.n == 10_000 { o.ms } else { speedup },
        format!(
            "{:.1} ms native (dot: {:.1} ms in wasm; {speedup:.0}x)",
            o.ms, d.ms
        ),
    );
    let time = match o.n {
        2000 => time.budget(
            Budget::AtLeast(MIN_SPEEDUP),
            format!("≥ {MIN_SPEEDUP:.0}x faster than dot"),
        ),
        10_000 => time.budget(Budget::AtMost(MAX_MS_10000), format!("≤ {MAX_MS_10000} ms")),
        _ => time,
    };
    vec![crossings, time]
}

pub fn run(root: &Path, env: &Env) -> Result<Vec<Row>, String> {
    let dir = target_dir(root).join("layout-bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    eprintln!("bench: our layout (release build of console-core's layout_bench example)");
    let mut c = env.command("cargo", root);
    c.args([
        "run",
        "--release",
        "--quiet",
        "-p",
        "console-core",
        "--example",
        "layout_bench",
        "--",
    ])
    .arg(&dir);
    let out = c
        .output()
        .map_err(|e| format!("cannot run the layout_bench example: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "the layout_bench example failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let ours: Vec<Ours> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(parse_ours)
        .collect();
    if ours.is_empty() {
        return Err("the layout_bench example printed no LAYOUT line".into());
    }

    let mut pairs = Vec::new();
    for o in &ours {
        let file = dir.join(format!("{}-{}.dot", o.shape, o.n));
        eprintln!("bench: dot on {}", file.display());
        let mut c = env.command("node", root);
        c.arg("tests/bench/dot.mjs").arg(&file);
        let out = c
            .output()
            .map_err(|e| format!("cannot run node tests/bench/dot.mjs: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "dot.mjs failed on {} ({}): {}",
                file.display(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let dot = parse_dot(text.lines().last().unwrap_or(""))?;
        if dot.nodes != o.n {
            return Err(format!(
                "dot placed {} nodes of {} in {}",
                dot.nodes,
                o.n,
                file.display()
            ));
        }
        pairs.push((o.clone(), dot));
    }
    // The table marks what missed its budget, and the bench fails on it.
    let table = pairs.iter().flat_map(|(o, d)| rows(o, d)).collect();
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_our_lines() {
        assert_eq!(
            parse_ours("LAYOUT shape=dense n=2000 width=20 crossings=123 median_ms=4.56 runs=11"),
            Some(Ours {
                shape: "dense".into(),
                n: 2000,
                crossings: 123,
                ms: 4.56
            })
        );
        assert_eq!(parse_ours("LAYOUT shape=dense n=x"), None);
        assert_eq!(parse_ours("warning: unused"), None);
    }

    #[test]
    fn counts_dot_tracks_with_the_core_rule() {
        // Two edges that swap between rank 0 and 1 cross once; a long edge whose middle dot
        // could not place (null) loses that segment's crossings and nothing else.
        let line = r#"{"file":"x.dot","ms":12.5,"nodes":4,"ranks":3,"tracks":[
            {"first_layer":0,"along":[0,10]},{"first_layer":0,"along":[10,0]},
            {"first_layer":0,"along":[5,null,5]}]}"#
            .replace('\n', "");
        let d = parse_dot(&line).unwrap();
        assert_eq!((d.nodes, d.crossings, d.ms), (4, 1, 12.5));
        assert!(parse_dot("not json").is_err());
        assert!(parse_dot(r#"{"ms":1,"nodes":1}"#).is_err());
    }

    #[test]
    fn fails_on_more_crossings_or_too_little_speed_up() {
        let ours = |n, crossings, ms| Ours {
            shape: "dense".into(),
            n,
            crossings,
            ms,
        };
        let dot = |crossings, ms| Dot {
            nodes: 0,
            crossings,
            ms,
        };
        let missed = |o: Ours, d: Dot| {
            rows(&o, &d)
                .iter()
                .filter(|r| r.ok() == Some(false))
                .count()
        };
        assert_eq!(missed(ours(2000, 100, 10.0), dot(100, 1000.0)), 0);
        assert_eq!(missed(ours(2000, 101, 10.0), dot(100, 1000.0)), 1);
        assert_eq!(missed(ours(2000, 10, 30.0), dot(100, 1000.0)), 1);
        // The speed-up is asked at 2,000 only; 10,000 has its own time budget.
        assert_eq!(missed(ours(200, 10, 30.0), dot(100, 1000.0)), 0);
        assert_eq!(missed(ours(10_000, 10, 151.0), dot(100, 1e6)), 1);
    }
}
