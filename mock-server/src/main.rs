//! `mock-server`: run the mock OCP API (and, with --dist, the console) on one address.

use clap::Parser;
use mock_server::{
    bind, default_fixtures_dir, default_journal_size, parse_journal_size, parse_upstream, Config,
    Recording,
};
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(version, about = "Mock OCP server for Failover Console")]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    addr: IpAddr,
    /// Port to listen on; 0 picks a free one (the chosen URL is printed).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Folder of the built console (Trunk's dist/) to serve beside the API.
    #[arg(long)]
    dist: Option<PathBuf>,
    /// Folder of seed samples and task templates.
    #[arg(long)]
    fixtures: Option<PathBuf>,
    /// How long each precheck takes, in milliseconds.
    #[arg(long, default_value_t = 1000)]
    precheck_delay_ms: u64,
    /// `server` field of the envelopes.
    #[arg(long, default_value = "3af57a8e6b")]
    server_name: String,
    /// Simulated seconds per real second for tasks (tests pause and step the clock instead).
    #[arg(long, default_value_t = 1.0)]
    speed: f64,
    /// Folder of recorded replies to answer verbatim: every *.json in it (in file-name order)
    /// holds one stub {"request": {"method", "path", "query"?}, "response": {"status"?,
    /// "headers"?, "body"?}} or an array of them. A stub matching a request answers before
    /// authentication, faults and the simulation; the last loaded wins. A bad file stops the
    /// server naming the file, the JSON pointer and what was expected. See docs/mock-api.md.
    #[arg(long, value_name = "DIR")]
    stubs: Option<PathBuf>,
    /// Record instead of replay: pass every /api and /gfc request to the OCP at URL (the
    /// console's Basic auth goes with it and is never written) and write each reply into the
    /// --stubs DIR (created if missing) as a stub file, one per method and path, keeping the
    /// last reply to each request. The console (--dist) and /__admin stay served here.
    // Read in main, not by clap: clap's error would repeat a URL that holds a password.
    #[arg(long, value_name = "URL")]
    record_from: Option<String>,
    /// How many requests the journal (GET /__admin/journal) keeps, 1 to 1,000,000; the oldest
    /// are dropped beyond it, and counted.
    #[arg(long, value_name = "N", default_value_t = default_journal_size(), value_parser = parse_journal_size)]
    journal_size: NonZeroUsize,
    /// Check every reply the handlers write against the contract (GET /__admin/openapi.json)
    /// and append each mismatch to FILE as a JSON line {method, path, status, pointer,
    /// expected}. Replay stubs and injected faults are not checked.
    #[arg(long, value_name = "FILE")]
    check_replies: Option<PathBuf>,
    /// Start in (and reset to) the state this scenario file describes instead of the demo:
    /// the estate, clock speed, armed faults and task faults, stubs, generated tasks. Ready ones
    /// are in mock-server/scenarios/. A bad file stops the server naming the file, the line and
    /// what was expected. See docs/mock-api.md.
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// At most N requests per second on /api and /gfc; the rest are answered 429 with
    /// Retry-After (a scenario's `rateLimit` wins). For testing the console's back-off.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    rate_limit: Option<u32>,
    /// Print the Content-Security-Policy for this built index.html and exit (for nginx).
    #[arg(long, value_name = "INDEX_HTML")]
    print_csp: Option<PathBuf>,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    if let Some(index) = &args.print_csp {
        match std::fs::read_to_string(index) {
            Ok(html) => {
                println!("{}", mock_server::spa::csp(&html));
                return;
            }
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", index.display());
                std::process::exit(2);
            }
        }
    }
    if let Some(dist) = &args.dist {
        if !dist.join("index.html").is_file() {
            eprintln!(
                "error: {} has no index.html; build the console first (cargo xtask run)",
                dist.display()
            );
            std::process::exit(2);
        }
    }
    let (stubs, record) = match (args.record_from, args.stubs) {
        (Some(_), None) => {
            eprintln!(
                "error: --record-from needs --stubs DIR: the folder the recorded replies are \
                 written to (created if missing)"
            );
            std::process::exit(2);
        }
        (Some(url), Some(dir)) => match parse_upstream(&url) {
            Ok(upstream) => (None, Some(Recording { upstream, dir })),
            Err(e) => {
                eprintln!("error: --record-from: {e}");
                std::process::exit(2);
            }
        },
        (None, stubs) => (stubs, None),
    };
    let recording = record.as_ref().map(|r| {
        format!(
            "recording replies of {} into {}",
            r.upstream,
            r.dir.display()
        )
    });
    let config = Config {
        dist: args.dist,
        fixtures: args.fixtures.unwrap_or_else(default_fixtures_dir),
        precheck_delay: Duration::from_millis(args.precheck_delay_ms),
        server_name: args.server_name,
        speed: args.speed,
        stubs,
        journal_size: args.journal_size,
        check_replies: args.check_replies,
        scenario: args.scenario,
        rate_limit: args.rate_limit,
        record,
    };
    let (addr, handle) = match bind(config, SocketAddr::new(args.addr, args.port)).await {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    // Tools wait for this exact line to learn the address.
    println!("mock-server listening on http://{addr}");
    if let Some(line) = recording {
        println!("{line}");
    }
    tokio::select! {
        _ = handle => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}
