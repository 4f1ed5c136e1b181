//! What the server is started with. A leaf: the http layer reads it, `lib.rs` re-exports it.

use std::path::PathBuf;
use std::time::Duration;

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
