//! The pass's status line under the toolbar: how far it is, how many requests are in flight,
//! and whether OCP asked it to slow down (and for how long), in the operator's language.

use crate::i18n::I18n;
use console_core::i18n::Text;
use console_core::precheck::board::grouped;
use console_core::precheck::pass::{Pass, PassState};
use console_core::time::human;
use leptos::prelude::*;

pub(super) fn stopping(pass: RwSignal<Pass>) -> bool {
    let now = js_sys::Date::now() as i64;
    matches!(pass.with(|p| p.state(now)), PassState::Stopping { .. })
}

/// The line for the pass at `now` (ms since the epoch); `None` before the first pass.
pub(super) fn line(i18n: I18n, pass: RwSignal<Pass>, now: i64) -> Option<String> {
    let lang = i18n.lang.get();
    let text = match pass.with(|p| p.state(now)) {
        PassState::Idle => return None,
        PassState::Running {
            done,
            total,
            in_flight,
            width,
            ceiling,
            paused_until,
        } => {
            let mut text = i18n.f(
                Text::ReadinessQueueRunning,
                &[&grouped(done), &grouped(total), &in_flight.to_string()],
            );
            if let Some(at) = paused_until {
                text.push_str(" · ");
                text.push_str(&i18n.f(
                    Text::ReadinessQueuePaused,
                    &[&human::duration((at - now).max(0), lang)],
                ));
            } else if width < ceiling {
                text.push_str(" · ");
                text.push_str(&i18n.f(
                    Text::ReadinessQueueThrottled,
                    &[&width.to_string(), &ceiling.to_string()],
                ));
            }
            text
        }
        PassState::Stopping { in_flight } => {
            i18n.f(Text::ReadinessQueueStopping, &[&in_flight.to_string()])
        }
        PassState::Finished {
            done,
            total,
            canceled,
        } => i18n.f(
            if canceled {
                Text::ReadinessQueueCanceled
            } else {
                Text::ReadinessQueueDone
            },
            &[&grouped(done), &grouped(total)],
        ),
    };
    Some(text)
}
