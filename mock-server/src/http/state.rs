//! Shared server state: the simulated estate, the task templates, armed faults, replay stubs,
//! the recorder (when recording), the request journal, the kept task replies, and the scenario
//! (if any) a reset returns to. Getters only lock: simulated time moves in the tick
//! (`http::tick`), once per request.

use crate::config::Config;
use crate::http::contract::Contract;
use crate::http::faults::Fault;
use crate::http::journal::Journal;
use crate::http::rate_limit::RateLimit;
use crate::http::record::Recorder;
use crate::http::scenario::Scenario;
use crate::http::stubs::{load_dir, Stubs};
use crate::http::task_replies::TaskReplies;
use crate::sim::estate::Estate;
use crate::sim::templates::Templates;
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub(crate) struct Inner {
    config: Config,
    templates: Templates,
    /// `--scenario`: the state the mock starts in and every reset returns to.
    scenario: Option<Scenario>,
    /// Compiled once per process; `new` refuses to start without it.
    contract: &'static Contract,
    estate: Mutex<Estate>,
    faults: Mutex<Vec<Fault>>,
    journal: Mutex<Journal>,
    stubs: Stubs,
    /// Set while recording (`--record-from`).
    recorder: Option<Recorder>,
    /// Lock after `estate` when both are held.
    task_replies: Mutex<TaskReplies>,
    /// `--rate-limit` (a scenario's `rateLimit` wins): requests per second on `/api` and `/gfc`.
    rate_limit: Option<Mutex<RateLimit>>,
}

/// A poisoned lock only means an earlier handler panicked mid-update; the mock keeps serving
/// rather than turn every later request into a 500.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    pub fn new(config: Config) -> Result<AppState, String> {
        let contract = contract()?;
        let templates = Templates::load(&config.fixtures)?;
        let scenario = match &config.scenario {
            Some(path) => Some(Scenario::load(path)?),
            None => None,
        };
        let mut loaded = match &config.stubs {
            Some(dir) => load_dir(dir)?,
            None => Vec::new(),
        };
        // A scenario's stubs load after the folder's, so they win where both match.
        if let Some(s) = &scenario {
            loaded.extend(s.stubs.iter().map(|spec| (s.file.clone(), spec.clone())));
        }
        let stubs = Stubs::from_loaded(loaded);
        let recorder = config.record.as_ref().map(Recorder::new).transpose()?;
        let journal = Journal::new(config.journal_size);
        let rate_limit = scenario
            .as_ref()
            .and_then(|s| s.rate_limit)
            .or(config.rate_limit)
            .map(|n| Mutex::new(RateLimit::new(n)));
        let state = AppState(Arc::new(Inner {
            rate_limit,
            estate: Mutex::new(Estate::demo(config.speed)),
            faults: Mutex::new(Vec::new()),
            config,
            templates,
            scenario,
            contract,
            journal: Mutex::new(journal),
            stubs,
            recorder,
            task_replies: Mutex::new(TaskReplies::default()),
        }));
        state.reset();
        Ok(state)
    }

    pub(crate) fn config(&self) -> &Config {
        &self.0.config
    }

    pub(crate) fn templates(&self) -> &Templates {
        &self.0.templates
    }

    pub(crate) fn server(&self) -> &str {
        &self.0.config.server_name
    }

    /// The estate as the last tick left it (plus what handlers changed since). Only locks.
    pub(crate) fn estate(&self) -> MutexGuard<'_, Estate> {
        lock(&self.0.estate)
    }

    /// The simulated clock's time as of the last tick, in OCP's format (envelope timestamps).
    /// Reads only.
    pub(crate) fn server_time(&self) -> String {
        let e = self.estate();
        e.clock.ocp_time(e.clock.now_ms())
    }

    /// The rate limit, when one is set.
    pub(crate) fn rate_limit(&self) -> Option<MutexGuard<'_, RateLimit>> {
        self.0.rate_limit.as_ref().map(lock)
    }

    pub(crate) fn faults(&self) -> MutexGuard<'_, Vec<Fault>> {
        lock(&self.0.faults)
    }

    pub(crate) fn journal(&self) -> MutexGuard<'_, Journal> {
        lock(&self.0.journal)
    }

    /// Task detail renderings kept between polls. Lock order: `estate()` first.
    pub(crate) fn task_replies(&self) -> MutexGuard<'_, TaskReplies> {
        lock(&self.0.task_replies)
    }

    /// The OpenAPI contract, compiled once per process.
    pub(crate) fn contract(&self) -> &'static Contract {
        self.0.contract
    }

    pub(crate) fn stubs(&self) -> &Stubs {
        &self.0.stubs
    }

    /// The keys a scenario serves over the console's config.json.
    pub(crate) fn console_config(&self) -> Option<&serde_json::Map<String, serde_json::Value>> {
        self.0.scenario.as_ref().and_then(|s| s.console.as_ref())
    }

    pub(crate) fn recorder(&self) -> Option<&Recorder> {
        self.0.recorder.as_ref()
    }

    /// Back to the start: the scenario's estate, faults and task faults (or the demo estate
    /// with none), no journal, and only the stubs loaded at start. What every test starts from.
    pub(crate) fn reset(&self) {
        self.0.stubs.reset();
        let speed = self.0.config.speed;
        // The demo has earlier drills in its task list; a scenario has exactly what it says.
        let (estate, faults) = match &self.0.scenario {
            Some(s) => (s.estate(speed, &self.0.templates), s.armed_faults()),
            None => (
                Estate::demo(speed).with_history(&self.0.templates),
                Vec::new(),
            ),
        };
        *self.estate() = estate;
        *self.faults() = faults;
        self.journal().clear();
        self.task_replies().clear();
    }
}

static CONTRACT: std::sync::OnceLock<Result<Contract, String>> = std::sync::OnceLock::new();

/// The embedded contract, compiled on first use (tests start many servers in one process).
fn contract() -> Result<&'static Contract, String> {
    CONTRACT
        .get_or_init(Contract::load)
        .as_ref()
        .map_err(|e| format!("the contract does not load: {e}"))
}
