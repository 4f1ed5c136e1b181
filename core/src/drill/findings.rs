//! What a drill report points out, in the order an auditor reads it: the objective missed,
//! how the task ended, every manual or automatic intervention, steps much slower than their
//! history, long waits between steps, and steps whose times OCP did not give (a gap in the
//! evidence, never read as "fast").

use super::ledger::{ObjectiveVerdict, Outcome};
use super::timeline::{Mark, Timeline};
use crate::i18n::{fill, text, Lang, Text};
use crate::task::eta::History;
use crate::time::human;
use crate::wire::SubtaskStatus;

/// A step is slow when it took more than this many times its median of earlier runs…
pub const SLOWER_FACTOR: i64 = 2;
/// …and at least this much more (a 1 s step taking 3 s is noise, not a finding).
pub const SLOWER_MIN_EXTRA_MS: i64 = 5_000;
/// A wait between a step's last upstream ending and its start worth pointing out.
pub const LONG_WAIT_MS: i64 = 30_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    RtoMissed {
        rto_secs: i64,
        by_ms: i64,
    },
    RtoNotMeasured {
        rto_secs: i64,
    },
    TaskFailed,
    RolledBack,
    StepFailed {
        step: String,
    },
    Intervention {
        step: String,
        mark: Mark,
    },
    Slower {
        step: String,
        took_ms: i64,
        median_ms: i64,
    },
    LongWait {
        step: String,
        wait_ms: i64,
    },
    NoTimes {
        step: String,
    },
}

impl Finding {
    /// The finding as one sentence.
    pub fn words(&self, lang: Lang) -> String {
        let d = |ms: i64| human::duration(ms, lang);
        match self {
            Finding::RtoMissed { rto_secs, by_ms } => fill(
                lang,
                Text::FindingRtoMissed,
                &[&d(rto_secs * 1000), &d(*by_ms)],
            ),
            Finding::RtoNotMeasured { rto_secs } => {
                fill(lang, Text::FindingRtoNotMeasured, &[&d(rto_secs * 1000)])
            }
            Finding::TaskFailed => text(lang, Text::FindingTaskFailed).to_string(),
            Finding::RolledBack => text(lang, Text::FindingRolledBack).to_string(),
            Finding::StepFailed { step } => fill(lang, Text::FindingStepFailed, &[step]),
            Finding::Intervention { step, mark } => match mark {
                Mark::Retried { runs } => {
                    fill(lang, Text::FindingRetried, &[step, &runs.to_string()])
                }
                Mark::Skipped => fill(lang, Text::FindingSkipped, &[step]),
                Mark::Canceled => fill(lang, Text::FindingCanceled, &[step]),
                Mark::RolledBack => fill(lang, Text::FindingStepRolledBack, &[step]),
            },
            Finding::Slower {
                step,
                took_ms,
                median_ms,
            } => fill(
                lang,
                Text::FindingSlower,
                &[step, &d(*took_ms), &d(*median_ms)],
            ),
            Finding::LongWait { step, wait_ms } => {
                fill(lang, Text::FindingLongWait, &[step, &d(*wait_ms)])
            }
            Finding::NoTimes { step } => fill(lang, Text::FindingNoTimes, &[step]),
        }
    }
}

/// The findings of one drill. `history` is what earlier successful runs of the same task took
/// per step (none: no step is called slow).
pub fn findings(
    t: &Timeline,
    outcome: Outcome,
    objective: ObjectiveVerdict,
    history: Option<&History>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    match objective {
        ObjectiveVerdict::Missed { rto_secs, by_ms } => {
            out.push(Finding::RtoMissed { rto_secs, by_ms })
        }
        ObjectiveVerdict::NotMeasured { rto_secs } => {
            out.push(Finding::RtoNotMeasured { rto_secs })
        }
        _ => {}
    }
    match outcome {
        Outcome::Failed => out.push(Finding::TaskFailed),
        Outcome::RolledBack => out.push(Finding::RolledBack),
        _ => {}
    }
    let mut bars: Vec<_> = t.bars.iter().collect();
    // In the order they happened.
    bars.sort_by_key(|b| (b.start_ms.unwrap_or(i64::MAX), b.index));
    for b in &bars {
        if b.status == Some(SubtaskStatus::Failed) {
            out.push(Finding::StepFailed {
                step: b.name.clone(),
            });
        }
    }
    for b in &bars {
        if let Some(mark) = b.mark {
            out.push(Finding::Intervention {
                step: b.name.clone(),
                mark,
            });
        }
    }
    if let Some(h) = history {
        for b in &bars {
            let (Some(took), Some(median)) = (b.duration_ms(), h.median_ms(&b.name)) else {
                continue;
            };
            if took > median.saturating_mul(SLOWER_FACTOR) && took - median >= SLOWER_MIN_EXTRA_MS {
                out.push(Finding::Slower {
                    step: b.name.clone(),
                    took_ms: took,
                    median_ms: median,
                });
            }
        }
    }
    for b in &bars {
        if let Some(w) = b.wait_ms().filter(|w| *w >= LONG_WAIT_MS) {
            out.push(Finding::LongWait {
                step: b.name.clone(),
                wait_ms: w,
            });
        }
    }
    for b in &bars {
        let finished = matches!(b.status, Some(SubtaskStatus::Successful));
        if finished && b.duration_ms().is_none() && b.mark != Some(Mark::Skipped) {
            out.push(Finding::NoTimes {
                step: b.name.clone(),
            });
        }
    }
    out
}
