//! nginx for static hosting: renders deploy/nginx/failover-console.conf.template for a build
//! (its CSP carries the hash of that build's inline loader), and writes the self-contained
//! configuration the end-to-end run through nginx uses.

use crate::Env;
use std::path::{Path, PathBuf};

/// The CSP of the build in dist/, from the mock server (one implementation of the hashing).
fn csp(root: &Path, env: &Env) -> Result<String, String> {
    let mut c = env.command(&crate::mock_server_bin(root).to_string_lossy(), root);
    c.args(["--print-csp", "dist/index.html"]);
    let out = c
        .output()
        .map_err(|e| format!("cannot run mock-server --print-csp: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "mock-server --print-csp failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The server block for `listen`, serving dist/ and proxying the APIs to `ocp`.
pub fn render(
    root: &Path,
    env: &Env,
    listen: &str,
    ocp: &str,
    extra: &str,
) -> Result<String, String> {
    let template =
        std::fs::read_to_string(root.join("deploy/nginx/failover-console.conf.template"))
            .map_err(|e| format!("cannot read the nginx template: {e}"))?;
    let dist = root.join("dist");
    Ok(template
        .replace("@LISTEN@", listen)
        .replace("@ROOT@", &dist.to_string_lossy())
        .replace("@OCP@", ocp.trim_end_matches('/'))
        .replace("@CSP@", &csp(root, env)?)
        .replace("@EXTRA@", extra))
}

/// A whole nginx.conf (own prefix, pid, logs, temp dirs) for the end-to-end run: the rendered
/// server block plus the mock's test controls, which a real deployment does not have.
pub fn write_e2e_config(
    root: &Path,
    env: &Env,
    port: u16,
    mock_port: u16,
) -> Result<PathBuf, String> {
    let prefix = crate::target_dir(root).join("nginx-e2e");
    std::fs::create_dir_all(prefix.join("logs")).map_err(|e| e.to_string())?;
    let mock = format!("http://127.0.0.1:{mock_port}");
    let extra = format!("    location /__admin/ {{ proxy_pass {mock}; }}\n");
    let server = render(root, env, &format!("127.0.0.1:{port}"), &mock, &extra)?;
    let p = prefix.to_string_lossy();
    let conf = format!(
        "user root;\nworker_processes 1;\npid {p}/nginx.pid;\nerror_log {p}/logs/error.log warn;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n    access_log off;\n\
         client_body_temp_path {p}/client;\n    proxy_temp_path {p}/proxy;\n    fastcgi_temp_path {p}/fastcgi;\n\
         uwsgi_temp_path {p}/uwsgi;\n    scgi_temp_path {p}/scgi;\n{server}\n}}\n"
    );
    let path = prefix.join("nginx.conf");
    std::fs::write(&path, conf).map_err(|e| e.to_string())?;
    Ok(path)
}

/// `cargo xtask nginx-conf [LISTEN] [OCP_URL]`: prints the server block for the current build.
pub fn print(root: &Path, env: &Env, args: &[String]) -> Result<(), String> {
    let listen = args.first().map(String::as_str).unwrap_or("80");
    let ocp = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("http://127.0.0.1:8080");
    println!("{}", render(root, env, listen, ocp, "")?);
    Ok(())
}
