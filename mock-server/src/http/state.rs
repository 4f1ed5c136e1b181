//! Shared server state: the simulated estate, the task templates, armed faults, replay stubs,
//! the recorder (when recording), the request journal and the kept task replies. Getters only lock: simulated time moves in the tick
//! (`middleware::tick`), once per request.

use crate::config::Config;
use crate::http::faults::Fault;
use crate::http::journal::Journal;
use crate::http::record::Recorder;
use crate::http::stubs::Stubs;
use crate::http::task_replies::TaskReplies;
use crate::sim::estate::Estate;
use crate::sim::templates::Templates;
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub templates: Templates,
    estate: Mutex<Estate>,
    faults: Mutex<Vec<Fault>>,
    journal: Mutex<Journal>,
    stubs: Stubs,
    /// Set while recording (`--record-from`).
    recorder: Option<Recorder>,
    /// Lock after `estate` when both are held.
    task_replies: Mutex<TaskReplies>,
}

/// A poisoned lock only means an earlier handler panicked mid-update; the mock keeps serving
/// rather than turn every later request into a 500.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    pub fn new(config: Config) -> Result<AppState, String> {
        let templates = Templates::load(&config.fixtures)?;
        let estate = Estate::demo(config.speed);
        let stubs = match &config.stubs {
            Some(dir) => Stubs::from_dir(dir)?,
            None => Stubs::default(),
        };
        let recorder = config.record.as_ref().map(Recorder::new).transpose()?;
        let journal = Journal::new(config.journal_size);
        Ok(AppState(Arc::new(Inner {
            config,
            templates,
            estate: Mutex::new(estate),
            faults: Mutex::new(Vec::new()),
            journal: Mutex::new(journal),
            stubs,
            recorder,
            task_replies: Mutex::new(TaskReplies::default()),
        })))
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn templates(&self) -> &Templates {
        &self.0.templates
    }

    pub fn server(&self) -> &str {
        &self.0.config.server_name
    }

    /// The estate as the last tick left it (plus what handlers changed since). Only locks.
    pub fn estate(&self) -> MutexGuard<'_, Estate> {
        lock(&self.0.estate)
    }

    /// The simulated clock's time as of the last tick, in OCP's format (envelope timestamps).
    /// Reads only.
    pub fn server_time(&self) -> String {
        let e = self.estate();
        e.clock.ocp_time(e.clock.now_ms())
    }

    pub fn faults(&self) -> MutexGuard<'_, Vec<Fault>> {
        lock(&self.0.faults)
    }

    pub fn journal(&self) -> MutexGuard<'_, Journal> {
        lock(&self.0.journal)
    }

    /// Task detail renderings kept between polls. Lock order: `estate()` first.
    pub fn task_replies(&self) -> MutexGuard<'_, TaskReplies> {
        lock(&self.0.task_replies)
    }

    pub fn stubs(&self) -> &Stubs {
        &self.0.stubs
    }

    pub fn recorder(&self) -> Option<&Recorder> {
        self.0.recorder.as_ref()
    }

    /// Back to the demo estate with no tasks, faults or journal, and only the stubs loaded at
    /// start: what every test starts from.
    pub fn reset(&self) {
        self.0.stubs.reset();
        *self.estate() = Estate::demo(self.0.config.speed);
        self.faults().clear();
        self.journal().clear();
        self.task_replies().clear();
    }
}
