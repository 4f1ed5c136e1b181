//! The mock's layering, read from its source: `sim` knows nothing of HTTP, arrows run one way
//! (lib → http → sim → console-core), and no import circle exists between modules.
//!
//! The graph's nodes are the crate root, its top-level modules and, inside the `sim` and `http`
//! folders, their top-level modules (`sim::estate` stands for every file under `sim/estate/`),
//! but for a concern folder's `layer.rs` (its middleware, e.g. `http::faults::layer`), which is a
//! node of its own: the middleware sits above `http::state`, the rest of its folder below it. An
//! edge is a `crate::` path (in `use` or in code, grouped `crate::{a, b}` forms included), or in a
//! `lib.rs`/`mod.rs` a path through one of its own child modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, as (path relative to `src/`, text).
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let rel = p
                    .strip_prefix(src())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The code without `//` comments (doc comments included), so prose cannot add edges.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module tree: top-level modules, the child modules of each folder module, and the
/// folders among those children that have a `layer.rs` (`http::faults`…).
struct Tree {
    top: BTreeSet<String>,
    children: BTreeMap<String, BTreeSet<String>>,
    layered: BTreeSet<String>,
}

impl Tree {
    fn read() -> Tree {
        let mut top = BTreeSet::new();
        let mut children: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut layered = BTreeSet::new();
        for (rel, _) in files(&src()) {
            let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
            match parts.as_slice() {
                ["lib"] | ["main"] => {}
                [m] => {
                    top.insert(m.to_string());
                }
                [m, rest @ ..] => {
                    top.insert(m.to_string());
                    if rest[0] != "mod" {
                        children
                            .entry(m.to_string())
                            .or_default()
                            .insert(rest[0].to_string());
                    }
                    if let [c, "layer"] = rest {
                        layered.insert(format!("{m}::{c}"));
                    }
                }
                [] => {}
            }
        }
        Tree {
            top,
            children,
            layered,
        }
    }

    /// The node a file belongs to: "" for lib.rs, `sim`, `sim::estate`, `config`,
    /// `http::faults::layer`…
    fn node_of_file(&self, rel: &str) -> String {
        let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
        match parts.as_slice() {
            ["lib"] => String::new(),
            [m] => m.to_string(),
            [m, "mod"] => m.to_string(),
            [m, c, "layer"] => format!("{m}::{c}::layer"),
            [m, c, ..] => format!("{m}::{c}"),
            _ => unreachable!("{rel}"),
        }
    }

    /// The node a path from the crate root (`["sim", "clock", "Clock"]`) lands in.
    fn node_of_path(&self, segs: &[String]) -> String {
        let Some(first) = segs.first().filter(|s| self.top.contains(*s)) else {
            return String::new(); // an item of lib.rs itself, e.g. a re-export
        };
        match segs.get(1) {
            Some(second) if self.children.get(first).is_some_and(|c| c.contains(second)) => {
                let folder = format!("{first}::{second}");
                if self.layered.contains(&folder) && segs.get(2).is_some_and(|s| s == "layer") {
                    format!("{folder}::layer")
                } else {
                    folder
                }
            }
            _ => first.clone(),
        }
    }

    /// The folder module a lib.rs or mod.rs file declares children for, if it is one, as a
    /// module path (`sim`, `http::faults`).
    fn folder_of(&self, rel: &str) -> Option<String> {
        match rel {
            "lib.rs" => Some(String::new()),
            _ => rel
                .strip_suffix("/mod.rs")
                .map(|folder| folder.replace('/', "::")),
        }
    }

    /// The children whose paths a folder's lib.rs or mod.rs may write without `crate::` and
    /// that are nodes of their own: every top-level module for lib.rs, the modules of `sim` and
    /// `http` for theirs, and `layer` for a concern folder's mod.rs.
    fn children_of(&self, folder: &str) -> BTreeSet<String> {
        if folder.is_empty() {
            self.top.clone()
        } else if self.layered.contains(folder) {
            BTreeSet::from(["layer".to_string()])
        } else {
            self.children.get(folder).cloned().unwrap_or_default()
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths of a use tree starting at `s` (just after `crate::`), each as its segments.
fn use_tree(s: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let mut i = 0;
    let mut path = prefix;
    let bytes: Vec<char> = s.chars().collect();
    loop {
        while i < bytes.len() && bytes[i].is_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == '{' {
            i += 1;
            loop {
                let rest: String = bytes[i..].iter().collect();
                i += use_tree(&rest, path.clone(), out);
                while i < bytes.len() && (bytes[i].is_whitespace() || bytes[i] == ',') {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == '}' {
                    return i + 1;
                }
            }
        }
        let start = i;
        while i < bytes.len() && (is_ident(bytes[i]) || bytes[i] == '*') {
            i += 1;
        }
        if i > start {
            path.push(bytes[start..i].iter().collect());
        }
        let rest: String = bytes[i..bytes.len().min(i + 2)].iter().collect();
        if rest == "::" {
            i += 2;
            continue;
        }
        if !path.is_empty() {
            out.push(path);
        }
        return i;
    }
}

/// Every path after `marker` (e.g. `crate::`) in `code`, where `marker` starts a path.
fn paths_after(code: &str, marker: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = code[from..].find(marker) {
        let at = from + pos;
        let before = code[..at].chars().next_back();
        let starts_path = !before.is_some_and(|c| is_ident(c) || c == ':');
        if starts_path {
            use_tree(&code[at + marker.len()..], Vec::new(), &mut out);
        }
        from = at + marker.len();
    }
    out
}

/// node → the nodes it imports from (self-edges left out).
fn graph(tree: &Tree) -> BTreeMap<String, BTreeSet<String>> {
    graph_of(tree, &files(&src()))
}

/// The graph of `files` (path relative to `src/`, text), read against `tree`.
fn graph_of(tree: &Tree, files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in files {
        if rel == "main.rs" {
            continue; // the binary: another crate, reaching this one as `mock_server::`
        }
        let from = tree.node_of_file(rel);
        let code = code(text);
        let mut targets: Vec<String> = paths_after(&code, "crate::")
            .iter()
            .map(|p| tree.node_of_path(p))
            .collect();
        if let Some(folder) = tree.folder_of(rel) {
            for child in tree.children_of(&folder) {
                for p in paths_after(&code, &format!("{child}::")) {
                    let mut segs: Vec<String> = folder
                        .split("::")
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect();
                    segs.push(child.clone());
                    segs.extend(p);
                    targets.push(tree.node_of_path(&segs));
                }
            }
        }
        let entry = g.entry(from.clone()).or_default();
        entry.extend(targets.into_iter().filter(|t| *t != from));
    }
    g
}

/// A cycle in `g`, if any, as the nodes along it.
fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(n) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = stack.iter().position(|s| s == n).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(n.to_string());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(n.to_string(), Mark::Open);
        stack.push(n.to_string());
        for next in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, g, marks, stack) {
                return Some(c);
            }
        }
        stack.pop();
        marks.insert(n.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for n in g.keys() {
        if let Some(c) = visit(n, g, &mut marks, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

fn show(n: &str) -> &str {
    if n.is_empty() {
        "lib.rs"
    } else {
        n
    }
}

#[test]
fn sim_mentions_no_http() {
    let sim = files(&src().join("sim"));
    assert!(
        sim.len() >= 6,
        "sim/ was not found or is nearly empty: {sim:?}"
    );
    let mut found = Vec::new();
    for (rel, text) in &sim {
        for word in ["axum", "tower", "hyper", "tokio", "crate::http", "http::"] {
            if let Some((n, line)) = text.lines().enumerate().find(|(_, l)| l.contains(word)) {
                found.push(format!(
                    "{rel}:{}: mentions `{word}`: {}",
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "sim/ must know nothing of HTTP:\n{}",
        found.join("\n")
    );
}

#[test]
fn sim_reaches_its_siblings_only_through_crate_paths() {
    // `super::super::x`, a top-level file's `super::x` or a layer's `super::x` (its folder, another
    // node) would bypass the graph below.
    let tree = Tree::read();
    let mut found = Vec::new();
    for (rel, text) in files(&src()) {
        let code = code(&text);
        if code.contains("super::super") {
            found.push(format!("{rel}: super::super"));
        }
        if rel.ends_with("/layer.rs") && code.contains("super::") {
            found.push(format!("{rel}: super::"));
        }
        let depth = rel.matches('/').count();
        if depth == 1 && !rel.ends_with("/mod.rs") {
            let folder = rel.split('/').next().unwrap_or_default();
            for sibling in tree.children_of(folder) {
                if code.contains(&format!("super::{sibling}")) {
                    found.push(format!("{rel}: super::{sibling}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "use crate:: paths instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_graph_is_read_as_written() {
    // Guards the parser: edges known to exist are found, grouped forms included.
    let tree = Tree::read();
    let g = graph(&tree);
    for (from, to) in [
        ("sim::engine", "sim::clock"),
        ("sim::engine", "sim::refusal"),
        ("sim::estate", "sim::engine"),
        ("sim::estate", "sim::gfc"),
        ("http::state", "sim::estate"),
        ("http::state", "http::faults"),
        ("http::faults::layer", "http::state"),
        ("http::faults::layer", "http::faults"),
        ("http::routes", "http::faults::layer"),
        ("http::routes", "http::contract::layer"),
        ("", "http::routes"),
        ("", "config"),
    ] {
        assert!(
            g.get(from).is_some_and(|t| t.contains(to)),
            "expected {} → {to}; read: {g:#?}",
            show(from)
        );
    }
    // A mod.rs's paths through its own children (no mod.rs of the crate writes one today).
    let g = graph_of(
        &tree,
        &[
            ("sim/mod.rs".into(), "pub use refusal::Refusal;".into()),
            ("http/faults/mod.rs".into(), "pub use layer::faults;".into()),
        ],
    );
    assert_eq!(g["sim"], BTreeSet::from(["sim::refusal".to_string()]));
    assert_eq!(
        g["http::faults"],
        BTreeSet::from(["http::faults::layer".to_string()])
    );
    let mut out = Vec::new();
    use_tree(
        "sim::{clock::Clock, estate::{Estate, x}}, y",
        Vec::new(),
        &mut out,
    );
    assert_eq!(
        out,
        [
            vec!["sim", "clock", "Clock"],
            vec!["sim", "estate", "Estate"],
            vec!["sim", "estate", "x"]
        ]
    );
    assert_eq!(
        find_cycle(&BTreeMap::from([
            ("a".to_string(), BTreeSet::from(["b".to_string()])),
            ("b".to_string(), BTreeSet::from(["a".to_string()])),
        ])),
        Some(vec!["a".to_string(), "b".to_string(), "a".to_string()])
    );
}

#[test]
fn sim_imports_only_sim() {
    let g = graph(&Tree::read());
    let wrong: Vec<String> = g
        .iter()
        .filter(|(from, _)| *from == "sim" || from.starts_with("sim::"))
        .flat_map(|(from, to)| {
            to.iter()
                .filter(|t| *t != "sim" && !t.starts_with("sim::"))
                .map(move |t| format!("{from} → {}", show(t)))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "sim imports outside sim:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_import_circle_between_the_modules_of_sim() {
    let g: BTreeMap<String, BTreeSet<String>> = graph(&Tree::read())
        .into_iter()
        .filter(|(n, _)| n.starts_with("sim::"))
        .map(|(n, to)| {
            (
                n,
                to.into_iter().filter(|t| t.starts_with("sim::")).collect(),
            )
        })
        .collect();
    assert!(g.len() >= 6, "{g:#?}");
    if let Some(c) = find_cycle(&g) {
        panic!("import circle in sim: {}", c.join(" → "));
    }
}

#[test]
fn no_import_circle_anywhere_in_the_crate() {
    let g = graph(&Tree::read());
    if let Some(c) = find_cycle(&g) {
        let c: Vec<&str> = c.iter().map(|n| show(n)).collect();
        panic!("import circle: {}", c.join(" → "));
    }
}
