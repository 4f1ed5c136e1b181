//! Installs what the build and the tests need, only when missing, and never lets a tool
//! download a binary of its own (Trunk runs offline; Playwright uses Debian's Chromium).

use crate::{run_checked, Env};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const TRUNK_VERSION: &str = "0.21.14";
/// The engines step's Firefox driver, from crates.io into `target/tools` (a local root).
pub const GECKODRIVER_VERSION: &str = "0.37.1";
/// WebKitGTK's own small browser, which WebKitWebDriver drives (Debian's libwebkit2gtk-4.1-0).
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Installed by Debian's fonts-noto-cjk.
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

fn output(program: &str, args: &[&str], env: &Env) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", &env.path)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly or Trunk downloads.
pub fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

/// The environment every tool runs with (npm's and cargo's bin first on PATH); installs nothing.
pub fn env(root: &Path) -> Env {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let path = format!(
        "{}:{home}/.cargo/bin:{}",
        root.join("node_modules/.bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Env { path }
}

/// One install step that has to run: says what it installs and how long it usually takes
/// (on this kind of 2-core machine), then how long it took. Steps with nothing to do print
/// nothing, so a machine that has everything stays quiet.
fn step(what: &str, usually: &str, run: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    eprintln!("setup: installing {what} (usually {usually})…");
    let started = Instant::now();
    run()?;
    eprintln!("setup: {what} done in {} s", started.elapsed().as_secs());
    Ok(())
}

/// Installs Debian packages (as root, or through sudo).
fn apt_install(root: &Path, env: &Env, packages: &[&str]) -> Result<(), String> {
    let sudo = output("id", &["-u"], env).as_deref() != Some("0");
    let apt = |args: &[&str]| {
        let mut c = if sudo {
            let mut c = env.command("sudo", root);
            c.arg("apt-get");
            c
        } else {
            env.command("apt-get", root)
        };
        c.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        c
    };
    run_checked(apt(&["update"]), "apt-get update")?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    run_checked(
        apt(&args),
        &format!("apt-get install {}", packages.join(" ")),
    )
}

/// Debian's `wrk`, the load generator of the mock's throughput bench (a small C program:
/// nothing to compile, and light enough to share 2 cores with the server it measures).
pub fn ensure_wrk(root: &Path, env: &Env) -> Result<(), String> {
    // `wrk -v` exits 1 even when it works: look for the file instead.
    if env.find("wrk").is_none() {
        step(
            "Debian's wrk (HTTP load generator)",
            "under a minute",
            || apt_install(root, env, &["wrk"]),
        )?;
    }
    Ok(())
}

/// Where `cargo install --root` puts geckodriver: `target/tools/bin/geckodriver`.
pub fn geckodriver(root: &Path) -> std::path::PathBuf {
    crate::target_dir(root).join("tools/bin/geckodriver")
}

/// The two other engines of the gate: Debian's Firefox ESR and WebKitGTK (Safari's engine, its
/// WebKitWebDriver and MiniBrowser), Xvfb for a display (WebKitGTK has no headless mode), and
/// geckodriver from crates.io.
fn ensure_engines(root: &Path, env: &Env) -> Result<(), String> {
    let debian = [
        "/usr/bin/firefox-esr",
        "/usr/bin/WebKitWebDriver",
        MINIBROWSER,
        "/usr/bin/Xvfb",
    ];
    if debian.iter().any(|p| !Path::new(p).exists()) {
        step(
            "Debian's firefox-esr, webkit2gtk-driver and xvfb",
            "~30 s",
            || apt_install(root, env, &["firefox-esr", "webkit2gtk-driver", "xvfb"]),
        )?;
    }
    let gecko = geckodriver(root);
    let have = output(&gecko.to_string_lossy(), &["--version"], env).unwrap_or_default();
    if !have.starts_with(&format!("geckodriver {GECKODRIVER_VERSION}")) {
        step(
            &format!("geckodriver {GECKODRIVER_VERSION}"),
            "~4 min: it compiles",
            || {
                let tools = crate::target_dir(root).join("tools");
                let mut c = env.command("cargo", root);
                c.args(["install", "geckodriver", "--locked", "--version"])
                    .arg(GECKODRIVER_VERSION)
                    .arg("--root")
                    .arg(&tools);
                run_checked(c, "cargo install geckodriver")
            },
        )?;
    }
    Ok(())
}

pub fn ensure(root: &Path) -> Result<Env, String> {
    let env = env(root);

    // wasm target
    let targets = output("rustup", &["target", "list", "--installed"], &env).unwrap_or_default();
    if !targets.lines().any(|l| l.trim() == WASM_TARGET) {
        step(&format!("the {WASM_TARGET} target"), "~20 s", || {
            let mut c = env.command("rustup", root);
            c.args(["target", "add", WASM_TARGET]);
            run_checked(c, "rustup target add")
        })?;
    }

    // Trunk
    let trunk = output("trunk", &["--version"], &env).unwrap_or_default();
    if trunk != format!("trunk {TRUNK_VERSION}") {
        step(
            &format!("trunk {TRUNK_VERSION}"),
            "~10 min: it compiles",
            || {
                let mut c = env.command("cargo", root);
                c.args(["install", "trunk", "--locked", "--version", TRUNK_VERSION]);
                run_checked(c, "cargo install trunk")
            },
        )?;
    }

    // wasm-bindgen CLI at exactly the locked version (without --locked: its lock names a
    // webpki-roots the registry lacks).
    let want = locked_wasm_bindgen(root)?;
    let have = output("wasm-bindgen", &["--version"], &env).unwrap_or_default();
    if have != format!("wasm-bindgen {want}") {
        let what = format!("wasm-bindgen-cli {want} (Cargo.lock's version; found '{have}')");
        step(&what, "~5 min: it compiles", || {
            let mut c = env.command("cargo", root);
            c.args(["install", "wasm-bindgen-cli", "--version", &want]);
            run_checked(c, "cargo install wasm-bindgen-cli")
        })?;
    }

    // Debian's Chromium and its driver; nginx for the static-hosting test; Noto CJK so the
    // project's own browser renders Chinese instead of empty boxes.
    let missing_browser =
        !Path::new("/usr/bin/chromium").exists() || !Path::new("/usr/bin/chromedriver").exists();
    let missing_cjk = !Path::new(CJK_FONT).exists();
    if missing_browser || missing_cjk || !Path::new("/usr/sbin/nginx").exists() {
        step(
            "Debian's chromium, chromium-driver, nginx and fonts-noto-cjk",
            "~2 min",
            || {
                apt_install(
                    root,
                    &env,
                    &["chromium", "chromium-driver", "nginx", "fonts-noto-cjk"],
                )
            },
        )?;
    }
    ensure_wrk(root, &env)?;
    ensure_engines(root, &env)?;

    // npm packages: Playwright Test, binaryen's wasm-opt, Graphviz (the layout benchmark's
    // reference) and selenium-webdriver (the engines step), as package-lock.json pins them.
    let installed = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let stale = match (std::fs::metadata(&installed), std::fs::metadata(&lock)) {
        (Ok(i), Ok(l)) => match (i.modified(), l.modified()) {
            (Ok(i), Ok(l)) => l > i,
            _ => true,
        },
        _ => true,
    };
    if stale
        || !root.join("node_modules/.bin/wasm-opt").exists()
        || !root.join("node_modules/@hpcc-js/wasm-graphviz").exists()
        || !root.join("node_modules/selenium-webdriver").exists()
    {
        step(
            "the npm packages (npm ci: Playwright Test, binaryen, Graphviz, selenium-webdriver)",
            "~1 min",
            || {
                let mut c = env.command("npm", root);
                c.args(["ci", "--no-audit", "--no-fund"])
                    .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
                run_checked(c, "npm ci")
            },
        )?;
    }
    let wasm_opt = output("wasm-opt", &["--version"], &env).unwrap_or_default();
    let major: u32 = wasm_opt
        .split_whitespace()
        .nth(2)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if major < 117 {
        return Err(format!(
            "wasm-opt on PATH is '{wasm_opt}'; binaryen 117 or newer is needed (npm's binaryen, not Debian's 108)"
        ));
    }

    // Trunk builds offline, so every crate must be in the local registry first.
    let mut fetch = env.command("cargo", root);
    fetch.args(["fetch", "--locked", "--quiet"]);
    run_checked(fetch, "cargo fetch --locked")?;
    Ok(env)
}

/// Makes Schemathesis's virtual environment (`target/schemathesis-venv`) with the pinned
/// [`crate::schemathesis::VERSION`] unless it is there already. Returns whether it had to.
pub fn ensure_schemathesis(root: &Path, env: &Env) -> Result<bool, String> {
    use crate::schemathesis::{st, venv, VERSION};
    let have = Command::new(st(root))
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    if have.as_deref() == Some(&format!("st, version {VERSION}")) {
        return Ok(false);
    }
    let python = env.find("python3").ok_or(
        "python3 (3.9 or newer) is needed for Schemathesis; install Debian's python3-venv",
    )?;
    let dir = venv(root);
    let mut c = env.command(&python.to_string_lossy(), root);
    c.args(["-m", "venv", "--clear"]).arg(&dir);
    run_checked(c, "python3 -m venv")?;
    let mut c = env.command(&dir.join("bin/pip").to_string_lossy(), root);
    c.args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        &format!("schemathesis=={VERSION}"),
    ]);
    run_checked(c, &format!("pip install schemathesis=={VERSION}"))?;
    Ok(true)
}

/// `setup` and `test`: everything [`ensure`] installs, and Schemathesis's virtual environment
/// (only the gate and `cargo xtask schemathesis` use it).
pub fn ensure_all(root: &Path) -> Result<Env, String> {
    let env = ensure(root)?;
    if ensure_schemathesis(root, &env)? {
        eprintln!(
            "setup: Schemathesis {} in {}",
            crate::schemathesis::VERSION,
            crate::schemathesis::venv(root).display()
        );
    }
    Ok(env)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_step_runs_once_and_passes_its_failure_on() {
        let mut runs = 0;
        let ok = super::step("x", "~0 s", || {
            runs += 1;
            Ok(())
        });
        assert_eq!(ok, Ok(()));
        assert_eq!(runs, 1);
        let failed = super::step("y", "~0 s", || Err("apt-get install y failed".into()));
        assert_eq!(failed, Err("apt-get install y failed".to_string()));
    }
}
