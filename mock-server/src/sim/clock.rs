//! Simulated time. Tasks advance by this clock, not by requests: it runs at a configurable speed,
//! and tests pause it and step it forward through the admin API, so they never sleep on guesses.

use console_core::time::Offset;
use std::time::Instant;

/// The demo OCP's server zone: UTC+8, OCP's default and what the seed samples carry.
pub(crate) const SERVER_ZONE: Offset = Offset::UTC8;

/// OCP's timestamp format: ISO-8601, milliseconds, offset (`2024-07-23T17:42:33.754+08:00`),
/// in the demo OCP's zone.
pub(crate) fn ocp_time(t: console_core::time::Instant) -> String {
    t.to_ocp(SERVER_ZONE)
}

#[derive(Debug, Clone)]
pub(crate) struct Clock {
    /// Wall time (ms since the epoch) that simulated time 0 corresponds to.
    base_wall_ms: i64,
    sim_ms: f64,
    last_real: Instant,
    speed: f64,
    paused: bool,
}

impl Clock {
    pub(crate) fn new(speed: f64) -> Clock {
        Clock {
            base_wall_ms: console_core::time::Instant::now().epoch_ms,
            sim_ms: 0.0,
            last_real: Instant::now(),
            speed: speed.max(0.0),
            paused: false,
        }
    }

    /// Brings simulated time up to date with the real time that passed.
    pub(crate) fn sync(&mut self) {
        let now = Instant::now();
        if !self.paused {
            self.sim_ms += now.duration_since(self.last_real).as_secs_f64() * 1000.0 * self.speed;
        }
        self.last_real = now;
    }

    /// Simulated milliseconds since the clock started.
    pub(crate) fn now_ms(&self) -> i64 {
        self.sim_ms as i64
    }

    /// An OB 4.x SCN (nanoseconds since the epoch) for now on this clock: the same clock as the
    /// envelopes' `timestamp`, as on a real OCP, so a standby's lag read against a reply's time
    /// is exactly the lag it was given, whatever the clock's speed or pauses.
    pub(crate) fn scn_now(&self) -> i64 {
        self.instant(self.now_ms())
            .epoch_ms
            .saturating_mul(1_000_000)
    }

    /// Wall-clock time of a simulated instant, for OCP timestamps.
    pub(crate) fn instant(&self, sim_ms: i64) -> console_core::time::Instant {
        console_core::time::Instant::from_epoch_ms(self.base_wall_ms.saturating_add(sim_ms))
    }

    /// A simulated instant in OCP's wire format, in the demo OCP's zone.
    pub(crate) fn ocp_time(&self, sim_ms: i64) -> String {
        ocp_time(self.instant(sim_ms))
    }

    pub(crate) fn advance(&mut self, seconds: f64) {
        self.sync();
        self.sim_ms += (seconds * 1000.0).max(0.0);
    }

    pub(crate) fn set_paused(&mut self, paused: bool) {
        self.sync();
        self.paused = paused;
    }

    pub(crate) fn set_speed(&mut self, speed: f64) {
        self.sync();
        self.speed = speed.max(0.0);
    }

    pub(crate) fn paused(&self) -> bool {
        self.paused
    }

    pub(crate) fn speed(&self) -> f64 {
        self.speed
    }
}
