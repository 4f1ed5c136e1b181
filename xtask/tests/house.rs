//! The house rules, read from the source of every crate: no file over 400 lines of code (its
//! `#[cfg(test)]` module and test files excluded) but the named exceptions, and no import circle
//! between the folders of `console-core`, the SPA and the mock. `mock-server/tests/layers.rs`
//! checks the mock's own arrows (http → sim) in more detail.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 400;

/// Files allowed over the limit, and why. Keep this list short.
const LONG_FILES: &[(&str, &str)] = &[
    (
        "mock-server/src/sim/engine.rs",
        "OCP's task state machine: one transition table, read as a whole",
    ),
    (
        "core/src/i18n/mod.rs",
        "the table of every text in both languages: one entry per text, nothing to split but the alphabet",
    ),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Every `.rs` file under `dir`, as (path relative to `dir`, text), sorted.
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("source folder") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let rel = p.strip_prefix(dir).expect("under dir");
                let text = std::fs::read_to_string(&p).expect("source text");
                out.push((rel.to_string_lossy().replace('\\', "/"), text));
            }
        }
    }
    out.sort();
    out
}

/// Lines of code before the file's test module.
fn code_lines(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|w| w[0].trim() == "#[cfg(test)]" && w[1].trim_start().starts_with("mod tests"))
        .unwrap_or(lines.len());
    end
}

const CRATES: &[&str] = &["core/src", "src", "mock-server/src", "xtask/src"];

#[test]
fn no_source_file_is_over_400_lines_of_code_but_the_named_exceptions() {
    let root = root();
    let mut long = Vec::new();
    for krate in CRATES {
        for (rel, text) in files(&root.join(krate)) {
            let path = format!("{krate}/{rel}");
            let n = code_lines(&text);
            if n > MAX_LINES && !LONG_FILES.iter().any(|(p, _)| *p == path) {
                long.push(format!("{path}: {n} lines"));
            }
        }
    }
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:#?}");
}

#[test]
fn every_named_exception_is_still_long() {
    let root = root();
    for (path, _) in LONG_FILES {
        let text = std::fs::read_to_string(root.join(path)).expect("exception exists");
        assert!(
            code_lines(&text) > MAX_LINES,
            "{path} is short now: take it off LONG_FILES"
        );
    }
}

/// The code without `//` comments, so prose cannot add edges.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment of every path after `crate::` (grouped `crate::{a, b::c}` forms included).
fn crate_heads(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        if code[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => start = true,
                    c if start && (c.is_ascii_alphabetic() || c == '_') => {
                        out.insert(ident(&group[j..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out
}

/// The crate's top-level modules (a folder counts as one) and the arrows between them; a test
/// module may reach anything (fixtures from another folder are not an arrow).
fn folder_graph(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let sources = files(dir);
    let top: BTreeSet<String> = sources
        .iter()
        .map(|(rel, _)| {
            rel.split('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".rs")
                .to_string()
        })
        .filter(|m| m != "lib" && m != "main")
        .collect();
    for (rel, text) in &sources {
        let from = rel.split('/').next().unwrap_or("").trim_end_matches(".rs");
        if from == "lib" || from == "main" {
            continue;
        }
        let edges = g.entry(from.to_string()).or_default();
        let body: Vec<&str> = text.lines().take(code_lines(text)).collect();
        for head in crate_heads(&code(&body.join("\n"))) {
            if head != from && top.contains(&head) {
                edges.insert(head);
            }
        }
    }
    g
}

fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut cycle = path[i..].to_vec();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys()
        .find_map(|n| visit(n, g, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_circle_between_the_folders_of_any_crate() {
    let root = root();
    for krate in CRATES {
        let g = folder_graph(&root.join(krate));
        assert_eq!(find_cycle(&g), None, "an import circle in {krate}: {g:#?}");
    }
}

/// The arrows `core/src/lib.rs` documents, exactly: a new arrow is a decision, made there.
#[test]
fn core_folders_import_only_what_lib_rs_allows() {
    let allowed: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("wire", &["order"][..]),
        ("i18n", &["wire"][..]),
        ("time", &["wire", "i18n"][..]),
        ("precheck", &["wire", "time", "i18n", "order", "url"][..]),
        ("gfc", &["wire", "time", "i18n", "order", "url"][..]),
        ("present", &["wire", "i18n", "precheck", "gfc", "task"][..]),
        ("graph", &["wire", "time", "i18n", "present", "order"][..]),
        (
            "task",
            &[
                "wire", "time", "i18n", "present", "graph", "precheck", "order", "url",
            ][..],
        ),
        (
            "drill",
            &[
                "wire", "time", "i18n", "present", "graph", "task", "precheck", "order", "url",
            ][..],
        ),
        (
            "recovery",
            &["wire", "time", "i18n", "precheck", "drill", "order", "url"][..],
        ),
        ("order", &[][..]),
        ("roles", &[][..]),
        ("window", &[][..]),
        ("listing", &[][..]),
        ("theme", &[][..]),
        ("url", &[][..]),
        ("name", &[][..]),
    ]);
    let g = folder_graph(&root().join("core/src"));
    for (from, to) in &g {
        let ok = allowed.get(from.as_str()).copied().unwrap_or(&[]);
        // A leaf (a small rule that imports nothing here: order, url, name…) may be used by all.
        let leaf = |m: &str| allowed.get(m).is_some_and(|a| a.is_empty());
        for t in to {
            assert!(
                ok.contains(&t.as_str()) || leaf(t),
                "core/src/{from} imports {t}: not an arrow lib.rs allows"
            );
        }
    }
}

#[test]
fn the_parser_sees_grouped_and_plain_paths_but_not_comments() {
    let heads = crate_heads(&code(
        "use crate::{a::b, c};\nuse crate::d::{e, f};\n// crate::g\nlet x = crate::h::i();",
    ));
    let want: BTreeSet<String> = ["a", "c", "d", "h"].iter().map(|s| s.to_string()).collect();
    assert_eq!(heads, want);
}
