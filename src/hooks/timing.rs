//! A task's time left and measured recovery time (`console_core::task::eta`) for the task page. The
//! earlier runs it learns from are read once per task name, and only while the task runs.

use crate::api::use_api;
use crate::hooks::load::{use_load, Load};
use crate::hooks::task_model::{NodeState, Structure, TaskModel};
use console_core::task::eta::{self, Eta, History, Rto, Step, StepEta};
use console_core::wire::{SubtaskStatus, TaskStatus};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Timing {
    /// `None` until the history has been read (or when the task does not run).
    pub eta: Memo<Option<Eta>>,
    pub rto: Memo<Option<Rto>>,
    /// `Some(None)` when nothing needed learning (the task was not running).
    pub learned: Load<Option<History>>,
}

/// Which of a step's times an estimate reads: parsing 10,000 times every second would not be
/// free, so each reads only what it uses.
#[derive(Clone, Copy)]
enum Times {
    /// The start of a running (or canceling) step: the time left.
    RunningStarts,
    /// Every finish: the measured recovery time.
    Finishes,
}

/// The steps of `s` (graph order) as `console_core::task::eta` reads them, from their `states`.
fn steps_of<'a>(s: &'a Structure, states: &'a [NodeState], times: Times) -> Vec<Step<'a>> {
    states
        .iter()
        .zip(&s.info)
        .map(|(st, info)| {
            let running = matches!(
                st.status,
                Some(SubtaskStatus::Running | SubtaskStatus::Canceling)
            );
            Step {
                name: Some(info.name.as_str()),
                status: st.status.as_ref(),
                start_ms: match times {
                    Times::RunningStarts if running => st.start_ms(),
                    _ => None,
                },
                finish_ms: match times {
                    Times::Finishes => st.finish_ms(),
                    Times::RunningStarts => None,
                },
            }
        })
        .collect()
}

impl Timing {
    /// Step `index`'s expected time and finish (`console_core::task::eta::step_eta`). Callers wrap it
    /// in a memo per step, so a step's text changes only when its own figures do.
    pub fn step_eta(&self, index: usize, name: &str, status: Option<&SubtaskStatus>) -> StepEta {
        self.eta.with(|eta| {
            self.learned.data.with(|h| {
                eta::step_eta(
                    eta.as_ref(),
                    h.as_ref().and_then(Option::as_ref),
                    index,
                    name,
                    status,
                )
            })
        })
    }
}

pub fn use_task_timing(model: TaskModel, now: Signal<i64>) -> Timing {
    let api = use_api();
    // A failed task may be retried and run again: its history stays learned.
    let running_name = Memo::new(move |_| {
        model.header.with(|h| {
            h.as_ref()
                .filter(|h| h.status != Some(TaskStatus::Successful) && !h.name.is_empty())
                .map(|h| h.name.clone())
        })
    });
    let learned = use_load(
        move || running_name.get(),
        move |name| {
            let api = api.clone();
            async move {
                match name {
                    Some(n) => api.learn_history(n, None).await.map(Some),
                    None => Ok(None),
                }
            }
        },
    );
    let eta = Memo::new(move |_| {
        let status = model
            .header
            .with(|h| h.as_ref().and_then(|h| h.status.clone()));
        match status {
            Some(TaskStatus::Failed) => return Some(Eta::WaitsOnOperator),
            Some(TaskStatus::Running) => {}
            _ => return None,
        }
        learned.data.with(|d| {
            let history = d.as_ref()?.as_ref()?;
            model.structure.with(|s| {
                let s = s.as_ref()?;
                model.states.with(|states| {
                    let steps = steps_of(s, states, Times::RunningStarts);
                    Some(eta::estimate(
                        status.as_ref(),
                        &s.graph,
                        &steps,
                        history,
                        now.get(),
                    ))
                })
            })
        })
    });
    let rto = Memo::new(move |_| {
        let (status, operation, start, finish) = model.header.with(|h| {
            let h = h.as_ref()?;
            Some((
                h.status.clone(),
                h.operation.clone(),
                h.start.clone(),
                h.finish.clone(),
            ))
        })?;
        if status != Some(TaskStatus::Successful) {
            return None;
        }
        let zone = crate::config::ocp_zone();
        let at = |t: &Option<String>| {
            t.as_deref()
                .and_then(|t| console_core::time::parse_ms(t, zone))
        };
        model.structure.with(|s| {
            let s = s.as_ref()?;
            model.states.with(|states| {
                let steps = steps_of(s, states, Times::Finishes);
                eta::rto(
                    status.as_ref(),
                    operation.as_ref(),
                    at(&start),
                    at(&finish),
                    &steps,
                )
            })
        })
    });
    Timing { eta, rto, learned }
}
