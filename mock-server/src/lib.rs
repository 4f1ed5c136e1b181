//! Mock OCP server: a stateful imitation of OCP's REST API v2 that front-end developers run
//! against and the browser tests drive. Replies follow OCP's wire format exactly (sorted keys,
//! omitted nulls, OCP timestamps and error envelopes); state lives in memory and is reset through
//! the admin API (`/__admin`), which also injects faults, keeps a request journal and installs
//! replay stubs (recorded replies of a real OCP, answered verbatim).
//!
//! Two layers, arrows one way: `http` (state, envelopes, middleware, routes) drives `sim` (the
//! simulated world, which knows nothing of HTTP), and both build on console-core. `config` is a
//! leaf both the binary and `http` read.
//!
//! Everything is `pub(crate)` but what the binary (`main.rs`) and the integration tests
//! (`tests/`) use: `app`, `bind`, `AppState::new`, the `Config` and its parsers, `spa::csp`
//! (`--print-csp`), the contract (`http::contract::Contract`) and the stub file readers
//! (`http::stubs`). xtask runs the binary and links none of it.
#![warn(unreachable_pub)]

mod config;
pub mod http;
pub(crate) mod sim;

use std::net::SocketAddr;

pub use config::{
    default_fixtures_dir, default_journal_size, parse_journal_size, parse_upstream, Config,
    Recording,
};
pub use http::spa;
pub use http::state::AppState;

/// The whole HTTP application: `/api/v2` (OCP), `/gfc`, `/__admin` (test control), and the SPA.
pub fn app(state: AppState) -> axum::Router {
    http::routes::router(state)
}

/// Binds `addr` and serves until the process ends. Returns the bound address (port 0 picks one).
pub async fn bind(
    config: Config,
    addr: SocketAddr,
) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), String> {
    let state = AppState::new(config)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;
    let app = app(state);
    let handle = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("mock-server stopped: {e}");
        }
    });
    Ok((local, handle))
}
