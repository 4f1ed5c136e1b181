//! Mock OCP server: a stateful imitation of OCP's REST API v2 that front-end developers run
//! against and the browser tests drive. Replies follow OCP's wire format exactly (sorted keys,
//! omitted nulls, OCP timestamps and error envelopes); state lives in memory and is reset through
//! the admin API (`/__admin`), which also injects faults, keeps a request journal and installs
//! replay stubs (recorded replies of a real OCP, answered verbatim).

// Handlers return `Result<_, Response>` so a refusal is the reply itself, the axum idiom;
// boxing every error reply would buy nothing here.
#![allow(clippy::result_large_err)]

pub mod clock;
pub mod ctx;
pub mod engine;
pub mod estate;
pub mod faults;
pub mod gfc;
pub mod journal;
pub mod reply;
pub mod routes;
pub mod spa;
pub mod state;
pub mod stubs;
pub mod templates;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

pub use state::AppState;

/// Everything the server is started with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The built SPA (Trunk's `dist/`); `None` serves the API only.
    pub dist: Option<PathBuf>,
    /// Seed samples and task templates.
    pub fixtures: PathBuf,
    /// How long a precheck takes, so the console's loading states are real.
    pub precheck_delay: Duration,
    /// `server` field of every envelope.
    pub server_name: String,
    /// Simulated seconds per real second for the task engine (0 starts it stopped).
    pub speed: f64,
    /// Folder of recorded replies (`*.json` stub files) answered before the simulation.
    pub stubs: Option<PathBuf>,
}

impl Config {
    /// The crate's own fixtures, no SPA, no precheck delay: what tests start with.
    pub fn for_tests() -> Config {
        Config {
            dist: None,
            fixtures: default_fixtures_dir(),
            precheck_delay: Duration::ZERO,
            server_name: "3af57a8e6b".to_string(),
            speed: 1.0,
            stubs: None,
        }
    }
}

pub fn default_fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
}

/// The whole HTTP application: `/api/v2` (OCP), `/__admin` (test control), and the SPA.
pub fn app(state: AppState) -> axum::Router {
    routes::router(state)
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
