//! How a poller paces itself: the interval between good replies, the backoff after failures
//! (doubling to a cap), when it stops, and what a hidden tab does. Pure, so it is tested here;
//! the SPA's `use_poll` hook runs it against the browser (timers, document visibility, one
//! request in flight, cleanup).
//!
//! A poll's reply is judged by the page into an [`Outcome`]; [`Poller::after`] turns the
//! outcome into the next [`Step`]; [`Poller::before_poll`] says whether to send at all.
//! [`failure_outcome`] is the one rule for which failures are final, and [`Poller::phase`]
//! says what the page tells the operator about the poller (loading, live, reconnecting,
//! stopped for good, finished), so a page never claims "live" before a reply came nor
//! "reconnecting" when nothing will be asked again.

use crate::ApiFailure;

/// A poller's pacing, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The wait after a good reply.
    pub interval_ms: u32,
    /// The wait after the first failure in a row; doubled after each further failure…
    pub first_retry_ms: u32,
    /// …up to this.
    pub cap_ms: u32,
    /// The cap while the backend answers "not yet" ([`Outcome::NotReady`]) rather than failing:
    /// a backend that is starting is asked again soon.
    pub not_ready_cap_ms: u32,
    /// While the tab is hidden nothing is sent; the poller looks again this often.
    pub hidden_recheck_ms: u32,
}

impl Backoff {
    /// A running task: every second; failures back off from 1 s to 30 s.
    pub const TASK: Backoff = Backoff {
        interval_ms: 1000,
        first_retry_ms: 1000,
        cap_ms: 30_000,
        not_ready_cap_ms: 30_000,
        hidden_recheck_ms: 500,
    };

    /// A GFC precheck session: every second; failures back off from 0.5 s to 30 s, a legacy
    /// backend's "not started yet" from 0.5 s to 4 s.
    pub const GFC_PRECHECK: Backoff = Backoff {
        interval_ms: 1000,
        first_retry_ms: 500,
        cap_ms: 30_000,
        not_ready_cap_ms: 4000,
        hidden_recheck_ms: 500,
    };

    /// GFC operations after a launch: every second; failures back off from 1 s to 30 s.
    pub const GFC_OPERATIONS: Backoff = Backoff::TASK;

    /// A page's data (`use_load`): fetched once; a transient failure is retried from 2 s,
    /// doubling to 30 s, so the page recovers by itself once the backend does.
    pub const PAGE_DATA: Backoff = Backoff {
        interval_ms: 0,
        first_retry_ms: 2000,
        cap_ms: 30_000,
        not_ready_cap_ms: 30_000,
        hidden_recheck_ms: 500,
    };

    /// The wait after `failures` failures in a row (0: after a good reply, the interval).
    pub fn delay(&self, failures: u32) -> u32 {
        self.delay_capped(failures, self.cap_ms)
    }

    /// The wait after `failures` answers of "not yet" in a row (0: the interval).
    pub fn not_ready_delay(&self, failures: u32) -> u32 {
        self.delay_capped(failures, self.not_ready_cap_ms)
    }

    fn delay_capped(&self, failures: u32, cap: u32) -> u32 {
        if failures == 0 {
            return self.interval_ms;
        }
        let doublings = (failures - 1).min(31);
        let d = u64::from(self.first_retry_ms) << doublings;
        d.min(u64::from(cap.max(self.first_retry_ms))) as u32
    }
}

/// What one poll came to, as the page judges the reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A good reply; there is more to follow.
    Continue,
    /// A good reply saying there is nothing more to follow (the task ended, every check ran).
    Finished,
    /// A failure worth retrying (network, timeout, 5xx…): shown, and retried with backoff.
    Failed,
    /// The backend has nothing yet (a starting backend's error that means "not started"): not
    /// shown as a failure, retried with backoff under [`Backoff::not_ready_cap_ms`].
    NotReady,
    /// A failure that asking again will not fix (the thing is gone, not permitted): stop.
    Fatal,
}

/// What the poller does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Send a request now.
    Poll,
    /// Send nothing; ask again after this many ms.
    Wait(u32),
    /// The poller is done.
    Stop,
}

/// What a failed poll comes to when the page has no special reading of it: a failure that
/// asking again may heal (network, timeout, 5xx, 429, a garbled body, and 401, which heals
/// once the operator signs in again) is retried; anything else (403: not permitted, 404: gone,
/// another 4xx: the request itself is refused) is final, and the poller stops for good.
pub fn failure_outcome(f: &ApiFailure) -> Outcome {
    if f.is_unauthorized() || f.is_transient() {
        Outcome::Failed
    } else {
        Outcome::Fatal
    }
}

/// Where a poller stands, as the page says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Started; nothing came back yet: "Loading…", never "live".
    Loading,
    /// The last reply was good and more will follow: "live".
    Live,
    /// The backend answered "not yet": waiting for it, not a failure.
    Waiting,
    /// The last poll failed and will be retried: "reconnecting".
    Retrying,
    /// A good reply said there is nothing more to follow.
    Finished,
    /// A failure that asking again will not fix: stopped for good; the page offers a reload.
    GaveUp,
}

/// One run of a poller, from its start to its stop.
#[derive(Debug, Clone, PartialEq)]
pub struct Poller {
    policy: Backoff,
    started_ms: f64,
    /// Failures (and "not yet" answers) in a row since the last good reply.
    failures: u32,
    succeeded: bool,
    stopped: bool,
    /// The outcome of the last poll, if any came.
    last: Option<Outcome>,
}

impl Poller {
    /// A poller started at `now_ms` (ms since the epoch): its first step is to poll.
    pub fn new(policy: Backoff, now_ms: f64) -> Poller {
        Poller {
            policy,
            started_ms: now_ms,
            failures: 0,
            succeeded: false,
            stopped: false,
            last: None,
        }
    }

    /// Where it stands, for the page to say: before any reply it is loading; after that the
    /// last poll decides, and once stopped it stays finished or given up.
    pub fn phase(&self) -> Phase {
        match self.last {
            None => Phase::Loading,
            Some(Outcome::Continue) => Phase::Live,
            Some(Outcome::Finished) => Phase::Finished,
            Some(Outcome::Failed) => Phase::Retrying,
            Some(Outcome::NotReady) => Phase::Waiting,
            Some(Outcome::Fatal) => Phase::GaveUp,
        }
    }

    pub fn policy(&self) -> Backoff {
        self.policy
    }

    /// Failures in a row since the last good reply.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Whether any good reply came since the start.
    pub fn has_succeeded(&self) -> bool {
        self.succeeded
    }

    pub fn is_stopped(&self) -> bool {
        self.stopped
    }

    /// Still starting at `now_ms`: no good reply yet, and less than `grace_ms` since the start.
    /// The window in which a starting backend's error may mean "not yet".
    pub fn starting(&self, now_ms: f64, grace_ms: f64) -> bool {
        !self.succeeded && now_ms - self.started_ms < grace_ms
    }

    /// Whether to send now. While the tab is hidden nothing is sent and nothing is counted: the
    /// poller looks again after [`Backoff::hidden_recheck_ms`] and, once visible, polls at once
    /// with its backoff where it was.
    pub fn before_poll(&self, hidden: bool) -> Step {
        if self.stopped {
            Step::Stop
        } else if hidden {
            Step::Wait(self.policy.hidden_recheck_ms)
        } else {
            Step::Poll
        }
    }

    /// Records a poll's outcome; returns how long to wait before the next poll, or `Stop`.
    pub fn after(&mut self, outcome: Outcome) -> Step {
        if self.stopped {
            return Step::Stop;
        }
        self.last = Some(outcome);
        match outcome {
            Outcome::Continue => {
                self.succeeded = true;
                self.failures = 0;
                Step::Wait(self.policy.interval_ms)
            }
            Outcome::Finished => {
                self.succeeded = true;
                self.failures = 0;
                self.stopped = true;
                Step::Stop
            }
            Outcome::Failed => {
                self.failures = self.failures.saturating_add(1);
                Step::Wait(self.policy.delay(self.failures))
            }
            Outcome::NotReady => {
                self.failures = self.failures.saturating_add(1);
                Step::Wait(self.policy.not_ready_delay(self.failures))
            }
            Outcome::Fatal => {
                self.stopped = true;
                Step::Stop
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Backoff = Backoff {
        interval_ms: 1000,
        first_retry_ms: 500,
        cap_ms: 30_000,
        not_ready_cap_ms: 4000,
        hidden_recheck_ms: 250,
    };

    #[test]
    fn a_good_reply_waits_the_interval() {
        let mut p = Poller::new(P, 0.0);
        assert_eq!(p.before_poll(false), Step::Poll);
        assert_eq!(p.after(Outcome::Continue), Step::Wait(1000));
        assert_eq!(p.after(Outcome::Continue), Step::Wait(1000));
        assert!(p.has_succeeded());
        assert_eq!(p.failures(), 0);
    }

    #[test]
    fn page_data_retries_from_two_seconds_to_thirty() {
        let waits: Vec<u32> = (1..=6).map(|n| Backoff::PAGE_DATA.delay(n)).collect();
        assert_eq!(waits, [2000, 4000, 8000, 16_000, 30_000, 30_000]);
        assert_eq!(Backoff::PAGE_DATA.delay(u32::MAX), 30_000);
    }

    #[test]
    fn failures_double_from_the_first_retry_to_the_cap() {
        let mut p = Poller::new(P, 0.0);
        let waits: Vec<Step> = (0..9).map(|_| p.after(Outcome::Failed)).collect();
        let ms = [500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000];
        assert_eq!(waits, ms.map(Step::Wait).to_vec());
        assert_eq!(p.failures(), 9);
        assert!(!p.has_succeeded());
        assert_eq!(p.before_poll(false), Step::Poll, "failures never stop it");
    }

    #[test]
    fn delay_after_n_errors_and_its_cap() {
        assert_eq!(P.delay(0), 1000);
        assert_eq!(P.delay(1), 500);
        assert_eq!(P.delay(3), 2000);
        assert_eq!(P.delay(7), 30_000);
        assert_eq!(P.delay(u32::MAX), 30_000, "no overflow");
        assert_eq!(Backoff::TASK.delay(1), 1000);
        assert_eq!(Backoff::TASK.delay(5), 16_000);
        assert_eq!(Backoff::TASK.delay(6), 30_000);
    }

    #[test]
    fn a_good_reply_resets_the_backoff() {
        let mut p = Poller::new(P, 0.0);
        for _ in 0..5 {
            p.after(Outcome::Failed);
        }
        assert_eq!(p.after(Outcome::Continue), Step::Wait(1000));
        assert_eq!(p.after(Outcome::Failed), Step::Wait(500));
    }

    #[test]
    fn not_yet_backs_off_under_its_own_cap_and_is_no_success() {
        let mut p = Poller::new(P, 0.0);
        let waits: Vec<Step> = (0..6).map(|_| p.after(Outcome::NotReady)).collect();
        assert_eq!(
            waits,
            [500, 1000, 2000, 4000, 4000, 4000].map(Step::Wait).to_vec()
        );
        assert!(!p.has_succeeded());
        assert_eq!(p.before_poll(false), Step::Poll);
    }

    #[test]
    fn finished_and_fatal_stop_it_for_good() {
        let mut p = Poller::new(P, 0.0);
        p.after(Outcome::Continue);
        assert_eq!(p.after(Outcome::Finished), Step::Stop);
        assert!(p.is_stopped());
        assert_eq!(p.before_poll(false), Step::Stop);
        assert_eq!(p.after(Outcome::Continue), Step::Stop);

        let mut q = Poller::new(P, 0.0);
        q.after(Outcome::Failed);
        assert_eq!(q.after(Outcome::Fatal), Step::Stop);
        assert_eq!(q.before_poll(false), Step::Stop);
        assert_eq!(
            q.before_poll(true),
            Step::Stop,
            "a stopped poller stays stopped when hidden"
        );
    }

    #[test]
    fn hidden_sends_nothing_and_keeps_the_backoff() {
        let mut p = Poller::new(P, 0.0);
        p.after(Outcome::Failed);
        p.after(Outcome::Failed);
        let before = p.clone();
        assert_eq!(p.before_poll(true), Step::Wait(250));
        assert_eq!(p.before_poll(true), Step::Wait(250));
        assert_eq!(p, before, "looking while hidden changes nothing");
        assert_eq!(
            p.before_poll(false),
            Step::Poll,
            "visible again: poll at once"
        );
        assert_eq!(
            p.after(Outcome::Failed),
            Step::Wait(2000),
            "the backoff went on where it was"
        );
    }

    #[test]
    fn starting_until_the_first_good_reply_or_the_grace_ends() {
        let mut p = Poller::new(P, 1_000.0);
        assert!(p.starting(1_000.0, 20_000.0));
        p.after(Outcome::NotReady);
        assert!(p.starting(20_999.0, 20_000.0));
        assert!(!p.starting(21_000.0, 20_000.0), "the grace ran out");
        p.after(Outcome::Continue);
        assert!(!p.starting(2_000.0, 20_000.0), "a good reply ends it");
    }

    fn http(status: u16) -> ApiFailure {
        ApiFailure::Http {
            status,
            code: None,
            message: None,
            trace_id: None,
        }
    }

    #[test]
    fn forbidden_gone_and_refused_are_final_the_rest_is_retried() {
        for s in [403, 404, 400, 409, 410, 422] {
            assert_eq!(failure_outcome(&http(s)), Outcome::Fatal, "HTTP {s}");
        }
        for s in [500, 502, 503, 504, 429, 408, 401] {
            assert_eq!(failure_outcome(&http(s)), Outcome::Failed, "HTTP {s}");
        }
        let net = ApiFailure::Network {
            detail: "reset".into(),
        };
        assert_eq!(failure_outcome(&net), Outcome::Failed);
        assert_eq!(
            failure_outcome(&ApiFailure::Timeout { after_ms: 15_000 }),
            Outcome::Failed
        );
        // A sign-in page standing in front of OCP at 403 will not go away by asking again.
        let page = ApiFailure::NotJson {
            status: 403,
            content_type: Some("text/html".into()),
            first_line: "Forbidden".into(),
        };
        assert_eq!(failure_outcome(&page), Outcome::Fatal);
    }

    #[test]
    fn it_is_loading_until_the_first_reply_and_live_only_after_a_good_one() {
        let mut p = Poller::new(P, 0.0);
        assert_eq!(p.phase(), Phase::Loading);
        p.after(Outcome::Failed);
        assert_eq!(p.phase(), Phase::Retrying, "failing before any reply");
        p.after(Outcome::NotReady);
        assert_eq!(p.phase(), Phase::Waiting);
        p.after(Outcome::Continue);
        assert_eq!(p.phase(), Phase::Live);
        p.after(Outcome::Failed);
        assert_eq!(p.phase(), Phase::Retrying);
        p.after(Outcome::Continue);
        assert_eq!(p.phase(), Phase::Live);
    }

    #[test]
    fn a_final_failure_gives_up_for_good_never_reconnecting() {
        let mut p = Poller::new(P, 0.0);
        p.after(Outcome::Continue);
        let step = p.after(failure_outcome(&http(404)));
        assert_eq!(step, Step::Stop);
        assert_eq!(p.phase(), Phase::GaveUp);
        // Nothing later changes what it says: it asks nothing more.
        assert_eq!(p.after(Outcome::Continue), Step::Stop);
        assert_eq!(p.phase(), Phase::GaveUp);
        assert_eq!(p.before_poll(false), Step::Stop);

        let mut q = Poller::new(P, 0.0);
        q.after(failure_outcome(&http(403)));
        assert_eq!(q.phase(), Phase::GaveUp, "forbidden from the start");

        let mut r = Poller::new(P, 0.0);
        r.after(Outcome::Continue);
        r.after(Outcome::Finished);
        assert_eq!(r.phase(), Phase::Finished);
    }

    #[test]
    fn presets() {
        assert_eq!(Backoff::GFC_PRECHECK.delay(1), 500);
        assert_eq!(Backoff::GFC_PRECHECK.not_ready_delay(10), 4000);
        assert_eq!(Backoff::GFC_PRECHECK.delay(10), 30_000);
        assert_eq!(Backoff::GFC_OPERATIONS.interval_ms, 1000);
        assert_eq!(Backoff::TASK.hidden_recheck_ms, 500);
    }
}
