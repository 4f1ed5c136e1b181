//! How many prechecks a pass keeps in flight: up to a configured ceiling, halved when OCP
//! pushes back (429 Too Many Requests, 503 Unavailable) and paused for as long as it asks
//! (`Retry-After`, else a doubling wait), then raised one step at a time as replies come back
//! well. Additive increase, multiplicative decrease: a busy OCP is never hit harder the moment
//! it answers again, and a healthy one is used at the configured width.

/// Wait after a push-back that named no `Retry-After`; doubles while push-backs follow.
pub const DEFAULT_WAIT_MS: i64 = 1_000;
/// The longest wait, whatever the server asks: the operator sees the pass move at least this often.
pub const MAX_WAIT_MS: i64 = 60_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Throttle {
    ceiling: u32,
    limit: u32,
    paused_until_ms: i64,
    /// Good replies since the limit last changed; the limit grows by one after `limit` of them.
    good: u32,
    /// Push-backs in a row without a good reply (for the doubling wait).
    strikes: u32,
}

impl Throttle {
    /// Starts at the ceiling (at least 1).
    pub fn new(ceiling: u32) -> Throttle {
        let ceiling = ceiling.max(1);
        Throttle {
            ceiling,
            limit: ceiling,
            paused_until_ms: 0,
            good: 0,
            strikes: 0,
        }
    }

    /// Requests allowed in flight now.
    pub fn limit(&self) -> u32 {
        self.limit
    }

    pub fn ceiling(&self) -> u32 {
        self.ceiling
    }

    /// Whether another request may start, with `in_flight` already going.
    pub fn allows(&self, in_flight: usize, now_ms: i64) -> bool {
        now_ms >= self.paused_until_ms && in_flight < self.limit as usize
    }

    /// When the pause ends, while one is on.
    pub fn paused_until(&self, now_ms: i64) -> Option<i64> {
        (now_ms < self.paused_until_ms).then_some(self.paused_until_ms)
    }

    /// Whether OCP's push-back still shapes the pass (paused, or below the ceiling).
    pub fn throttled(&self, now_ms: i64) -> bool {
        self.paused_until(now_ms).is_some() || self.limit < self.ceiling
    }

    /// A good reply (any reply that was not a push-back).
    pub fn on_reply(&mut self) {
        self.strikes = 0;
        if self.limit >= self.ceiling {
            return;
        }
        self.good += 1;
        if self.good >= self.limit {
            self.limit += 1;
            self.good = 0;
        }
    }

    /// A push-back: halve the width and pause for `retry_after_ms` (else a doubling wait).
    pub fn on_push_back(&mut self, retry_after_ms: Option<i64>, now_ms: i64) {
        self.limit = (self.limit / 2).max(1);
        self.good = 0;
        let doubling = DEFAULT_WAIT_MS.saturating_mul(1 << self.strikes.min(6));
        self.strikes += 1;
        let wait = retry_after_ms
            .filter(|ms| *ms >= 0)
            .unwrap_or(doubling)
            .min(MAX_WAIT_MS);
        self.paused_until_ms = self.paused_until_ms.max(now_ms.saturating_add(wait));
    }
}

/// Whether a failed request's status is OCP pushing back (try again later) rather than an answer.
pub fn is_push_back(status: Option<u16>) -> bool {
    matches!(status, Some(429) | Some(503))
}

/// `Retry-After` as milliseconds: delay-seconds (`"120"`) or an HTTP date, against `now_ms`.
/// Anything else (absent, garbled, a date in the past) is `None`: the default wait applies.
pub fn retry_after_ms(header: Option<&str>, now_ms: i64) -> Option<i64> {
    let h = header?.trim();
    if let Ok(secs) = h.parse::<u32>() {
        return Some(i64::from(secs) * 1_000);
    }
    let at = crate::time::http_date::parse_http_date(h)?;
    let ms = at - now_ms;
    (ms > 0).then_some(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_at_the_ceiling_and_halves_on_each_push_back_down_to_one() {
        let mut t = Throttle::new(4);
        assert!(t.allows(3, 0));
        assert!(!t.allows(4, 0));
        t.on_push_back(Some(2_000), 0);
        assert_eq!(t.limit(), 2);
        t.on_push_back(None, 0);
        assert_eq!(t.limit(), 1);
        t.on_push_back(None, 0);
        assert_eq!(t.limit(), 1);
    }

    #[test]
    fn honours_retry_after_then_recovers_one_step_at_a_time() {
        let mut t = Throttle::new(4);
        t.on_push_back(Some(3_000), 10_000);
        assert!(!t.allows(0, 12_999), "paused while Retry-After runs");
        assert_eq!(t.paused_until(12_000), Some(13_000));
        assert!(t.allows(0, 13_000));
        assert!(!t.allows(2, 13_000));
        assert!(t.throttled(13_000));
        // Two good replies at width 2 raise it to 3, three more to 4.
        t.on_reply();
        assert_eq!(t.limit(), 2);
        t.on_reply();
        assert_eq!(t.limit(), 3);
        for _ in 0..3 {
            t.on_reply();
        }
        assert_eq!(t.limit(), 4);
        assert!(!t.throttled(13_000));
        t.on_reply();
        assert_eq!(t.limit(), 4, "never above the ceiling");
    }

    #[test]
    fn without_retry_after_the_wait_doubles_and_is_capped() {
        let mut t = Throttle::new(2);
        t.on_push_back(None, 0);
        assert_eq!(t.paused_until(0), Some(1_000));
        t.on_push_back(None, 1_000);
        assert_eq!(t.paused_until(1_000), Some(3_000));
        t.on_push_back(Some(600_000), 3_000);
        assert_eq!(t.paused_until(3_000), Some(3_000 + MAX_WAIT_MS));
    }

    #[test]
    fn push_back_is_429_or_503_only() {
        assert!(is_push_back(Some(429)));
        assert!(is_push_back(Some(503)));
        assert!(!is_push_back(Some(500)));
        assert!(!is_push_back(Some(404)));
        assert!(!is_push_back(None));
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        assert_eq!(retry_after_ms(Some("3"), 0), Some(3_000));
        assert_eq!(retry_after_ms(Some(" 0 "), 0), Some(0));
        assert_eq!(retry_after_ms(Some("soon"), 0), None);
        assert_eq!(retry_after_ms(None, 0), None);
        assert_eq!(retry_after_ms(Some("-1"), 0), None);
        // Wed, 21 Oct 2015 07:28:00 GMT = 1445412480000 ms.
        let at = 1_445_412_480_000;
        assert_eq!(
            retry_after_ms(Some("Wed, 21 Oct 2015 07:28:00 GMT"), at - 5_000),
            Some(5_000)
        );
        assert_eq!(
            retry_after_ms(Some("Wed, 21 Oct 2015 07:28:00 GMT"), at + 1),
            None
        );
    }
}
