//! A rate limit on `/api` and `/gfc` (`--rate-limit N`, or a scenario's `rateLimit`): at most N
//! requests per second of wall time; the rest are answered 429 with `Retry-After`, as a
//! gateway in front of a busy OCP does, so the console's back-off can be tested. Counted in
//! whole seconds (a fixed window): simple to predict from a test, which is what it is for.
//!
//! May import: nothing of the mock (the layer, in `layer.rs`, reads it through the state).

pub(crate) mod layer;

use std::time::Instant;

#[derive(Debug)]
pub(crate) struct RateLimit {
    per_second: u32,
    started: Instant,
    second: u64,
    count: u32,
}

impl RateLimit {
    pub(crate) fn new(per_second: u32) -> RateLimit {
        RateLimit {
            per_second: per_second.max(1),
            started: Instant::now(),
            second: 0,
            count: 0,
        }
    }

    /// Admits one request at `now`, or says in how many whole seconds to ask again (at least 1).
    pub(crate) fn admit(&mut self, now: Instant) -> Result<(), u64> {
        let second = now.saturating_duration_since(self.started).as_secs();
        if second != self.second {
            self.second = second;
            self.count = 0;
        }
        if self.count < self.per_second {
            self.count += 1;
            Ok(())
        } else {
            Err(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn n_per_second_then_429_until_the_next_second() {
        let mut r = RateLimit::new(3);
        let t0 = r.started;
        for _ in 0..3 {
            assert_eq!(r.admit(t0 + Duration::from_millis(100)), Ok(()));
        }
        assert_eq!(r.admit(t0 + Duration::from_millis(900)), Err(1));
        assert_eq!(r.admit(t0 + Duration::from_millis(1_000)), Ok(()));
        assert_eq!(r.admit(t0 + Duration::from_millis(5_500)), Ok(()));
    }
}
