//! Splits the console's wasm into a main module and one chunk per page (issue 13: the sign-in
//! form must not wait for every page's code). Runs after `trunk build --release --features
//! split`, on the module cargo wrote, and replaces Trunk's script and wasm in dist/.
//!
//! Why after Trunk rather than as a Trunk hook: the split must happen *before* wasm-bindgen
//! (the splitter reads rustc's relocations, and wasm-bindgen must keep the exports chunks link
//! against, `--keep-lld-exports`), which Trunk cannot be told to do; a `post_build` hook would
//! also run under `trunk serve`, whose dev loop stays unsplit. Trunk still builds everything
//! else (stylesheet, favicon, config.json, the loader in index.html and its integrity).
//!
//! Steps: split (crates.io `wasm_split_cli_support`), wasm-bindgen on the main module, wasm-opt
//! with the feature flags index.html passes (`data-wasm-opt-params`) on the main module and every chunk, then one content hash over all
//! of them names every file (the main script and the split loader import each other, so their
//! names cannot each hash their own content): a placeholder of the same length is written first
//! and replaced, byte for byte, once the hash is known. index.html then names the new files,
//! with integrity recomputed for them.

use crate::Env;
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::path::{Path, PathBuf};

/// The crate's output name (Trunk's `data-bin`).
const NAME: &str = "failover-console";
/// Stands for the build hash until it is known: 16 hex digits, like every hashed asset name.
const PLACEHOLDER: &str = "f00dcafe5b117ed0";
/// The flags binaryen 132 needs for rustc 1.95 output (the same as index.html's `data-wasm-opt-params`).
pub const WASM_OPT_FLAGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// What one split build wrote into dist/.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The main script (wasm-bindgen's glue) and the main module: with the stylesheet, all
    /// the sign-in form needs.
    pub main_js: String,
    pub main_wasm: String,
    /// The loader the main module imports chunks through (fetched at start-up too: the main
    /// module imports it).
    pub loader_js: String,
    /// Every chunk, sorted by name.
    pub chunks: Vec<String>,
}

impl Manifest {
    pub const FILE: &'static str = "split-manifest.json";

    pub fn to_json(&self) -> String {
        serde_json::json!({
            "main_js": self.main_js,
            "main_wasm": self.main_wasm,
            "loader_js": self.loader_js,
            "chunks": self.chunks,
        })
        .to_string()
    }

    /// Reads `split-manifest.json`; `source` names the file in errors.
    pub fn parse(text: &str, source: &str) -> Result<Manifest, String> {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            format!(
                "{source}: line {}, column {}: not JSON: {e}",
                e.line(),
                e.column()
            )
        })?;
        let field = |key: &str| -> Result<String, String> {
            v.get(key)
                .and_then(|x| x.as_str())
                .filter(|s| !s.is_empty() && !s.contains('/'))
                .map(str::to_owned)
                .ok_or_else(|| {
                    format!("{source}: /{key}: expected a file name (a string without '/')")
                })
        };
        let chunks = v
            .get("chunks")
            .and_then(|c| c.as_array())
            .ok_or_else(|| format!("{source}: /chunks: expected an array of file names"))?
            .iter()
            .enumerate()
            .map(|(i, c)| {
                c.as_str()
                    .filter(|s| s.ends_with(".wasm") && !s.contains('/'))
                    .map(str::to_owned)
                    .ok_or_else(|| format!("{source}: /chunks/{i}: expected a .wasm file name"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Manifest {
            main_js: field("main_js")?,
            main_wasm: field("main_wasm")?,
            loader_js: field("loader_js")?,
            chunks,
        })
    }

    /// Reads dist/split-manifest.json, if this dist/ is a split build.
    pub fn read(dist: &Path) -> Result<Option<Manifest>, String> {
        let path = dist.join(Self::FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Manifest::parse(&text, &path.display().to_string()).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }
}

/// Splits `raw_wasm` (cargo's output) and rewrites `dist` (Trunk's output) to load the split build.
pub fn run(root: &Path, env: &Env, raw_wasm: &Path, dist: &Path) -> Result<Manifest, String> {
    let work = crate::target_dir(root).join("wasm-split");
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    }
    let split_dir = work.join("split");
    let out_dir = work.join("out");
    for d in [&split_dir, &out_dir] {
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    let input = std::fs::read(raw_wasm).map_err(|e| format!("{}: {e}", raw_wasm.display()))?;
    if find(&input, PLACEHOLDER.as_bytes()).is_some() {
        return Err(format!(
            "{}: holds the placeholder {PLACEHOLDER}; choose another in xtask/src/split.rs",
            raw_wasm.display()
        ));
    }

    let main_js = format!("{NAME}-{PLACEHOLDER}.js");
    let loader_js = format!("split-loader-{PLACEHOLDER}.js");
    let main_in = split_dir.join("main.wasm");
    let link_name = format!("./{loader_js}");
    let main_module = format!("./{main_js}");
    let split = {
        let mut opts = wasm_split_cli_support::Options::new(&input);
        opts.output_dir = &split_dir;
        opts.main_out_path = &main_in;
        opts.link_name = &link_name;
        opts.main_module = &main_module;
        wasm_split_cli_support::transform(opts)
            .map_err(|e| format!("splitting {}: {e:#}", raw_wasm.display()))?
    };
    if split.split_modules.is_empty() {
        return Err(format!(
            "{}: no split points found: was it built with `--features split`?",
            raw_wasm.display()
        ));
    }

    // wasm-bindgen as Trunk runs it, plus what the splitter needs: the main module keeps the
    // exports chunks import (`--keep-lld-exports`) and the names they link by (`--no-demangle`).
    let mut c = env.command("wasm-bindgen", root);
    c.arg("--target=web")
        .arg("--no-typescript")
        .arg("--keep-lld-exports")
        .arg("--no-demangle")
        .arg(format!("--out-dir={}", out_dir.display()))
        .arg(format!("--out-name={NAME}-{PLACEHOLDER}"))
        .arg(&main_in);
    crate::run_checked(c, "wasm-bindgen (split main module)")?;
    let main_wasm = format!("{NAME}-{PLACEHOLDER}_bg.wasm");

    // Every wasm gets wasm-opt: the main module and each chunk.
    let mut wasm_files = vec![(out_dir.join(&main_wasm), main_wasm.clone())];
    let mut chunk_names = Vec::new();
    for chunk in &split.split_modules {
        let stem = chunk
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("{}: odd chunk name", chunk.display()))?;
        let name = format!("{stem}-{PLACEHOLDER}.wasm");
        wasm_files.push((chunk.clone(), name.clone()));
        chunk_names.push((format!("./{stem}.wasm"), name));
    }
    for (path, _) in &wasm_files {
        let mut c = env.command("wasm-opt", root);
        c.args(WASM_OPT_FLAGS).arg(path).arg("-o").arg(path);
        crate::run_checked(c, &format!("wasm-opt {}", path.display()))?;
    }

    // The loader names each chunk `./<stem>.wasm`: give them their hashed names.
    let loader_path = split_dir.join(&loader_js);
    let mut loader = std::fs::read_to_string(&loader_path)
        .map_err(|e| format!("{}: {e}", loader_path.display()))?;
    for (old, new) in &chunk_names {
        let quoted = format!("\"{old}\"");
        if !loader.contains(&quoted) {
            return Err(format!("{}: does not name {old}", loader_path.display()));
        }
        loader = loader.replace(&quoted, &format!("\"./{new}\""));
    }

    // Everything that will be written, still under the placeholder.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let js_path = out_dir.join(&main_js);
    files.push((
        main_js.clone(),
        std::fs::read(&js_path).map_err(|e| format!("{}: {e}", js_path.display()))?,
    ));
    files.push((loader_js.clone(), loader.into_bytes()));
    for (path, name) in &wasm_files {
        files.push((
            name.clone(),
            std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?,
        ));
    }
    let hash = build_hash(&files);
    let named = |n: &str| n.replace(PLACEHOLDER, &hash);

    // Trunk's own script and (unusable, unsplit) wasm go; ours come in.
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let (trunk_js, trunk_wasm) = trunk_assets(&index).ok_or_else(|| {
        format!(
            "{}: no `{NAME}-<hash>.js` / `_bg.wasm` named",
            index_path.display()
        )
    })?;
    for old in [&trunk_js, &trunk_wasm] {
        for ext in ["", ".gz", ".br"] {
            let p = dist.join(format!("{old}{ext}"));
            if p.exists() {
                std::fs::remove_file(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            }
        }
    }
    let mut written = Vec::new();
    for (name, data) in &files {
        let data = replace_all(data, PLACEHOLDER.as_bytes(), hash.as_bytes());
        let path = dist.join(named(name));
        std::fs::write(&path, &data).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push((named(name), data));
    }
    let integrity = |file: &str| -> String {
        let data = written
            .iter()
            .find(|(n, _)| n == file)
            .map(|(_, d)| d.as_slice())
            .unwrap_or(&[]);
        sri(data)
    };
    let manifest = Manifest {
        main_js: named(&main_js),
        main_wasm: named(&main_wasm),
        loader_js: named(&loader_js),
        chunks: {
            let mut c: Vec<String> = chunk_names.iter().map(|(_, n)| named(n)).collect();
            c.sort();
            c
        },
    };
    let index = rewrite_index(
        &index,
        (&trunk_js, &manifest.main_js, &integrity(&manifest.main_js)),
        (
            &trunk_wasm,
            &manifest.main_wasm,
            &integrity(&manifest.main_wasm),
        ),
    )
    .map_err(|e| format!("{}: {e}", index_path.display()))?;
    std::fs::write(&index_path, index).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let mpath = dist.join(Manifest::FILE);
    std::fs::write(&mpath, manifest.to_json()).map_err(|e| format!("{}: {e}", mpath.display()))?;
    Ok(manifest)
}

/// The first 16 hex digits of SHA-256 over every file's name and content.
fn build_hash(files: &[(String, Vec<u8>)]) -> String {
    let mut h = Sha256::new();
    for (name, data) in files {
        h.update((name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update((data.len() as u64).to_le_bytes());
        h.update(data);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Subresource integrity as Trunk writes it (SHA-384).
pub fn sri(data: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(data))
    )
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Same-length replacement, so a wasm binary stays valid (its names carry their lengths).
fn replace_all(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    debug_assert_eq!(from.len(), to.len());
    let mut out = data.to_vec();
    let mut i = 0;
    while let Some(at) = find(&out[i..], from) {
        out[i + at..i + at + to.len()].copy_from_slice(to);
        i += at + to.len();
    }
    out
}

/// The script and wasm Trunk's index.html names (`/failover-console-<hash>.js`, `…_bg.wasm`).
pub fn trunk_assets(index: &str) -> Option<(String, String)> {
    let start = index.find(&format!("/{NAME}-"))? + 1;
    let end = start + index[start..].find(".js")? + 3;
    let js = &index[start..end];
    let wasm = format!("{}_bg.wasm", js.strip_suffix(".js")?);
    index.contains(&wasm).then(|| (js.to_owned(), wasm))
}

/// index.html naming the split build's script and wasm (each `(old, new, integrity)`): every
/// mention renamed, and the integrity of the `<link>`s that name them recomputed.
pub fn rewrite_index(
    index: &str,
    js: (&str, &str, &str),
    wasm: (&str, &str, &str),
) -> Result<String, String> {
    let mut out = String::with_capacity(index.len());
    let mut rest = index;
    // Each <link …> naming one of the files gets the new integrity.
    while let Some(at) = rest.find("<link") {
        out.push_str(&rest[..at]);
        let tag_end = rest[at..]
            .find('>')
            .map(|e| at + e + 1)
            .ok_or("a <link> tag is not closed")?;
        let mut tag = rest[at..tag_end].to_owned();
        for (old, new, integrity) in [js, wasm] {
            if tag.contains(&format!("\"/{old}\"")) {
                tag = tag.replace(old, new);
                if let Some(i) = tag.find("integrity=\"") {
                    let from = i + "integrity=\"".len();
                    let to = from
                        + tag[from..]
                            .find('"')
                            .ok_or("an integrity value is not closed")?;
                    tag.replace_range(from..to, integrity);
                }
            }
        }
        out.push_str(&tag);
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    // The inline loader imports the script and passes the wasm's path.
    for (old, new, _) in [js, wasm] {
        let quoted = format!("'/{old}'");
        if !out.contains(&quoted) {
            return Err(format!("the loader script does not name /{old}"));
        }
        out = out.replace(&quoted, &format!("'/{new}'"));
    }
    Ok(out)
}

/// Where cargo put the wasm Trunk built (the `wasm-release` profile, index.html's
/// `data-cargo-profile-release`).
pub fn raw_wasm(root: &Path) -> PathBuf {
    crate::target_dir(root)
        .join("wasm32-unknown-unknown/wasm-release")
        .join(format!("{NAME}.wasm"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = r#"<head>
<script type="module">
import init, * as bindings from '/failover-console-c9862daa8c7d137b.js';
const wasm = await init({ module_or_path: '/failover-console-c9862daa8c7d137b_bg.wasm' });
</script>
    <link rel="stylesheet" href="/main-4c04b0b89454bf7d.css" integrity="sha384-CSS"/>
<link rel="modulepreload" href="/failover-console-c9862daa8c7d137b.js" crossorigin="anonymous" integrity="sha384-OLDJS"><link rel="preload" href="/failover-console-c9862daa8c7d137b_bg.wasm" crossorigin="anonymous" integrity="sha384-OLDWASM" as="fetch" type="application/wasm"></head>"#;

    #[test]
    fn finds_trunks_script_and_wasm() {
        assert_eq!(
            trunk_assets(TRUNK_INDEX),
            Some((
                "failover-console-c9862daa8c7d137b.js".into(),
                "failover-console-c9862daa8c7d137b_bg.wasm".into()
            ))
        );
        assert_eq!(trunk_assets("<html></html>"), None);
    }

    #[test]
    fn index_names_the_split_files_with_their_integrity() {
        let out = rewrite_index(
            TRUNK_INDEX,
            (
                "failover-console-c9862daa8c7d137b.js",
                "failover-console-1111111111111111.js",
                "sha384-NEWJS",
            ),
            (
                "failover-console-c9862daa8c7d137b_bg.wasm",
                "failover-console-1111111111111111_bg.wasm",
                "sha384-NEWWASM",
            ),
        )
        .unwrap();
        assert!(!out.contains("c9862daa8c7d137b"), "{out}");
        assert!(out.contains("from '/failover-console-1111111111111111.js'"));
        assert!(out.contains("module_or_path: '/failover-console-1111111111111111_bg.wasm'"));
        assert!(out.contains(r#"href="/failover-console-1111111111111111.js" crossorigin="anonymous" integrity="sha384-NEWJS""#));
        assert!(out.contains(r#"href="/failover-console-1111111111111111_bg.wasm" crossorigin="anonymous" integrity="sha384-NEWWASM""#));
        // The stylesheet's integrity is Trunk's and stays.
        assert!(out.contains(r#"href="/main-4c04b0b89454bf7d.css" integrity="sha384-CSS""#));
    }

    #[test]
    fn an_index_without_the_files_is_an_error() {
        let err = rewrite_index(
            "<html></html>",
            ("a.js", "b.js", "x"),
            ("a.wasm", "b.wasm", "y"),
        )
        .unwrap_err();
        assert!(err.contains("/a.js"), "{err}");
    }

    #[test]
    fn placeholder_replacement_keeps_lengths() {
        let data = b"xx f00dcafe5b117ed0 yy f00dcafe5b117ed0";
        let out = replace_all(data, PLACEHOLDER.as_bytes(), b"0123456789abcdef");
        assert_eq!(out, b"xx 0123456789abcdef yy 0123456789abcdef");
        assert_eq!(PLACEHOLDER.len(), 16);
        assert!(PLACEHOLDER.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn manifest_round_trips_and_bad_ones_say_where() {
        let m = Manifest {
            main_js: "a-1.js".into(),
            main_wasm: "a-1_bg.wasm".into(),
            loader_js: "split-loader-1.js".into(),
            chunks: vec!["split_task-1.wasm".into()],
        };
        assert_eq!(Manifest::parse(&m.to_json(), "m.json").unwrap(), m);
        let err = Manifest::parse("{\n  \"main_js\": 1", "m.json").unwrap_err();
        assert!(err.starts_with("m.json: line 2"), "{err}");
        let err = Manifest::parse(
            r#"{"main_js":"a.js","main_wasm":"b.wasm","loader_js":"c.js","chunks":["x.wasm", 3]}"#,
            "m.json",
        )
        .unwrap_err();
        assert_eq!(err, "m.json: /chunks/1: expected a .wasm file name");
        let err = Manifest::parse(
            r#"{"main_js":"../a.js","main_wasm":"b.wasm","loader_js":"c.js","chunks":[]}"#,
            "m.json",
        )
        .unwrap_err();
        assert_eq!(
            err,
            "m.json: /main_js: expected a file name (a string without '/')"
        );
    }

    #[test]
    fn build_hash_changes_with_any_byte() {
        let a = vec![("x".to_string(), vec![1u8, 2, 3])];
        let b = vec![("x".to_string(), vec![1u8, 2, 4])];
        assert_ne!(build_hash(&a), build_hash(&b));
        assert_eq!(build_hash(&a).len(), 16);
    }
}
