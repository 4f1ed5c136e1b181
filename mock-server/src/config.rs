//! What the server is started with. A leaf: the http layer reads it, `lib.rs` re-exports it.

use std::num::NonZeroUsize;
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
    /// How many requests the journal keeps (`--journal-size`); older ones are dropped.
    pub journal_size: NonZeroUsize,
    /// `--check-replies FILE`: check every handler reply against the contract and append each
    /// mismatch there (the e2e run's drift check).
    pub check_replies: Option<PathBuf>,
    /// `--scenario FILE`: the state to start in and reset to, instead of the demo.
    pub scenario: Option<PathBuf>,
    /// `--rate-limit N`: at most N requests per second on `/api` and `/gfc`, the rest 429.
    pub rate_limit: Option<u32>,
    /// `--record-from URL --stubs DIR`: `/api` and `/gfc` go to a real OCP and each reply is
    /// written into DIR as a stub file (then `stubs` is `None`: nothing is replayed).
    pub record: Option<Recording>,
}

/// Where a recording comes from and goes to.
#[derive(Debug, Clone)]
pub struct Recording {
    /// The OCP's base URL as [`parse_upstream`] left it: no trailing `/`; a request's path and
    /// query are appended as sent.
    pub upstream: String,
    /// Stub files are written here (created if missing).
    pub dir: PathBuf,
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
            journal_size: default_journal_size(),
            check_replies: None,
            scenario: None,
            rate_limit: None,
            record: None,
        }
    }
}

pub fn default_fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
}

/// Requests the journal keeps when `--journal-size` is not given.
pub(crate) const DEFAULT_JOURNAL_SIZE: usize = 10_000;
/// The largest `--journal-size` accepted: an entry is about 200 bytes, so this is ~200 MB.
pub(crate) const MAX_JOURNAL_SIZE: usize = 1_000_000;

pub fn default_journal_size() -> NonZeroUsize {
    NonZeroUsize::new(DEFAULT_JOURNAL_SIZE).unwrap_or(NonZeroUsize::MIN)
}

/// Reads `--journal-size`: a whole number from 1 to [`MAX_JOURNAL_SIZE`]. The message is what
/// the server prints when it refuses to start.
pub fn parse_journal_size(text: &str) -> Result<NonZeroUsize, String> {
    let n: usize = text.trim().parse().map_err(|_| {
        format!("\"{text}\" is not a whole number of entries (1 to {MAX_JOURNAL_SIZE})")
    })?;
    match NonZeroUsize::new(n) {
        Some(n) if n.get() <= MAX_JOURNAL_SIZE => Ok(n),
        Some(_) => Err(format!(
            "{n} entries is more than the {MAX_JOURNAL_SIZE} the journal may keep"
        )),
        None => Err(format!(
            "the journal must keep at least 1 entry (0 given; the default is {DEFAULT_JOURNAL_SIZE})"
        )),
    }
}

/// Reads `--record-from`: an `http://` or `https://` URL of the OCP, with a host, perhaps a
/// path prefix, and no credentials (the console's own Basic auth is passed through), query or
/// fragment. The message is what the server prints when it refuses to start.
pub fn parse_upstream(text: &str) -> Result<String, String> {
    let url = reqwest::Url::parse(text.trim()).map_err(|e| {
        format!("\"{text}\" is not a URL ({e}); expected e.g. http://ocp.example.com:8080")
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "\"{text}\": expected an http:// or https:// URL, got scheme \"{}\"",
            url.scheme()
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("\"{text}\" names no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        // Said without echoing the URL: it holds a password.
        return Err(
            "the --record-from URL must not hold credentials: sign in on the console, \
                    whose Basic auth is passed through to OCP"
                .to_string(),
        );
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!(
            "\"{text}\": expected a base URL without \"?\" or \"#\"; each request's own path \
             and query are appended to it"
        ));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upstream_is_an_http_base_url_without_credentials() {
        assert_eq!(
            parse_upstream("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            parse_upstream(" https://ocp.example.com/ocp/ ").unwrap(),
            "https://ocp.example.com/ocp"
        );
        for (bad, says) in [
            ("ocp.example.com", "not a URL"),
            ("ftp://ocp.example.com", "scheme \"ftp\""),
            ("http://ocp.example.com/?a=1", "without \"?\""),
            ("http://ocp.example.com/#x", "without \"?\""),
        ] {
            let e = parse_upstream(bad).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
        let e = parse_upstream("http://admin:s3cret@ocp.example.com").unwrap_err();
        assert!(e.contains("must not hold credentials"), "{e}");
        assert!(!e.contains("s3cret"), "{e}");
    }

    #[test]
    fn the_journal_size_is_a_whole_number_from_one_to_the_maximum() {
        assert_eq!(parse_journal_size("1").unwrap().get(), 1);
        assert_eq!(parse_journal_size("10000").unwrap().get(), 10_000);
        assert_eq!(
            parse_journal_size(&MAX_JOURNAL_SIZE.to_string())
                .unwrap()
                .get(),
            MAX_JOURNAL_SIZE
        );
        assert_eq!(default_journal_size().get(), DEFAULT_JOURNAL_SIZE);
        let zero = parse_journal_size("0").unwrap_err();
        assert!(zero.contains("at least 1 entry"), "{zero}");
        for bad in ["", "-1", "ten", "1.5", "99999999999999999999999"] {
            let e = parse_journal_size(bad).unwrap_err();
            assert!(e.contains("not a whole number"), "{bad}: {e}");
        }
        let big = parse_journal_size(&(MAX_JOURNAL_SIZE + 1).to_string()).unwrap_err();
        assert!(big.contains("more than"), "{big}");
    }
}
