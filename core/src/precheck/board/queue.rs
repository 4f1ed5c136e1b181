//! "Precheck all": which rows it works through and the queue that sends their prechecks one
//! request at a time, so a board of hundreds of standbys never floods OCP and a cancel never
//! drops a request mid-send.

use super::rows::Row;
use std::collections::VecDeque;

/// The keys "Precheck all" works through: every checkable row, in the order shown.
pub fn queue_keys(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter(|r| r.standby.checkable())
        .map(|r| r.standby.key.clone())
        .collect()
}

/// "Precheck all": one request at a time. Cancel empties what is left; the request in flight
/// is let finish (its result is kept), never dropped mid-send.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Queue {
    pending: VecDeque<String>,
    running: Option<String>,
    done: usize,
    total: usize,
    canceled: bool,
}

/// Where a queue stands, for the page to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueueState {
    /// Never started.
    Idle,
    /// `current` is in flight, `done` finished, `left` wait after it.
    Running {
        current: String,
        done: usize,
        left: usize,
        total: usize,
    },
    /// Canceled: `current` (in flight) finishes, nothing after it starts.
    Stopping { current: String, done: usize },
    /// Nothing in flight and nothing left: all ran, or it was canceled after `done`.
    Finished {
        done: usize,
        total: usize,
        canceled: bool,
    },
}

impl Queue {
    pub fn new(keys: Vec<String>) -> Queue {
        Queue {
            total: keys.len(),
            pending: keys.into(),
            ..Queue::default()
        }
    }

    /// The next one to send, marked in flight; `None` while one is in flight, after a cancel,
    /// or when none is left.
    pub fn start_next(&mut self) -> Option<String> {
        if self.running.is_some() || self.canceled {
            return None;
        }
        let k = self.pending.pop_front()?;
        self.running = Some(k.clone());
        Some(k)
    }

    /// The request for `key` came back (whatever it said).
    pub fn finished(&mut self, key: &str) {
        if self.running.as_deref() == Some(key) {
            self.running = None;
            self.done += 1;
        }
    }

    pub fn cancel(&mut self) {
        if self.busy() {
            self.canceled = true;
            self.pending.clear();
        }
    }

    /// A request is in flight or one waits.
    pub fn busy(&self) -> bool {
        self.running.is_some() || (!self.canceled && !self.pending.is_empty())
    }

    /// Whether `key` waits its turn (not yet sent, not canceled).
    pub fn is_waiting(&self, key: &str) -> bool {
        self.pending.iter().any(|k| k == key)
    }

    pub fn running(&self) -> Option<&str> {
        self.running.as_deref()
    }

    pub fn state(&self) -> QueueState {
        match (&self.running, self.canceled) {
            (Some(c), false) => QueueState::Running {
                current: c.clone(),
                done: self.done,
                left: self.pending.len(),
                total: self.total,
            },
            (Some(c), true) => QueueState::Stopping {
                current: c.clone(),
                done: self.done,
            },
            (None, _) if self.total == 0 && !self.canceled => QueueState::Idle,
            (None, _) => QueueState::Finished {
                done: self.done,
                total: self.total,
                canceled: self.canceled,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_sends_one_at_a_time_and_cancel_lets_the_one_in_flight_finish() {
        let mut q = Queue::new(vec!["a".into(), "b".into(), "c".into()]);
        assert!(q.is_waiting("a"));
        assert_eq!(q.start_next().as_deref(), Some("a"));
        assert!(!q.is_waiting("a") && q.is_waiting("c"));
        assert_eq!(q.start_next(), None, "one request in flight at a time");
        assert_eq!(
            q.state(),
            QueueState::Running {
                current: "a".into(),
                done: 0,
                left: 2,
                total: 3
            }
        );
        q.finished("a");
        assert_eq!(q.start_next().as_deref(), Some("b"));
        q.cancel();
        assert_eq!(
            q.state(),
            QueueState::Stopping {
                current: "b".into(),
                done: 1
            }
        );
        assert!(q.busy(), "b is still in flight");
        assert!(!q.is_waiting("c"), "canceled ones no longer wait");
        assert_eq!(q.start_next(), None, "nothing starts after a cancel");
        q.finished("b");
        assert!(!q.busy());
        assert_eq!(
            q.state(),
            QueueState::Finished {
                done: 2,
                total: 3,
                canceled: true
            }
        );

        let mut q = Queue::new(vec!["a".into()]);
        q.finished("zzz");
        assert_eq!(q.start_next().as_deref(), Some("a"));
        q.finished("a");
        assert_eq!(q.start_next(), None);
        assert_eq!(
            q.state(),
            QueueState::Finished {
                done: 1,
                total: 1,
                canceled: false
            }
        );
        assert_eq!(Queue::default().state(), QueueState::Idle);
        let mut empty = Queue::new(vec![]);
        empty.cancel();
        assert_eq!(empty.state(), QueueState::Idle);
    }
}
