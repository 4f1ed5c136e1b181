//! What GFC's endpoints ask of it, checked as GFC checks them: a search by component ids, a
//! precheck request, a launch request. What console-core's validation finds is English only.

use super::Gfc;
use crate::sim::clock::Clock;
use crate::sim::refusal::{Refusal, BAD_REQUEST};
use console_core::gfc::{parse_ids, validate, LaunchBody, PrecheckBody, SearchResult};
use console_core::wire::codes;

/// GFC's own validation errors are English only.
pub(super) fn invalid(message: String) -> Refusal {
    Refusal::same(BAD_REQUEST, codes::ILLEGAL_ARGUMENT, message)
}

impl Gfc {
    /// `searchByComponentIds`: the components named in `raw`; unknown ids and junk are listed
    /// as not found.
    pub(crate) fn search(&self, raw: &str) -> Result<SearchResult, Refusal> {
        let (ids, junk) = parse_ids(raw);
        if ids.is_empty() && junk.is_empty() {
            return Err(Refusal::bad(
                "Name at least one component id in componentIdsStr.",
                "请在 componentIdsStr 中至少指定一个组件 ID。",
            ));
        }
        let mut result = SearchResult::default();
        for id in ids {
            match self.components.iter().find(|c| c.c.id == id) {
                Some(c) => result.components.push(c.c.clone()),
                None => result.not_found.push(id.to_string()),
            }
        }
        result.not_found.extend(junk);
        Ok(result)
    }

    /// `doPreFailBackCheck`: checks what a precheck needs (which components, which direction,
    /// known check types) and enqueues it; returns the session to poll.
    pub(crate) fn request_precheck(
        &mut self,
        body: &PrecheckBody,
        now_ms: i64,
    ) -> Result<String, Refusal> {
        let known = self.known_ids();
        let problems: Vec<String> = validate(&body.launch, &known, i64::MIN)
            .into_iter()
            .filter(|i| matches!(i.field, "componentIDs" | "isfailover"))
            .map(|i| i.message)
            .collect();
        if !problems.is_empty() {
            return Err(invalid(problems.join(" ")));
        }
        let checks: Vec<String> = body
            .check_types
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if let Some(bad) = checks
            .iter()
            .find(|c| !self.check_types.iter().any(|t| &t.id == *c))
        {
            return Err(invalid(format!("Unknown check type {bad}.")));
        }
        let (ids, _) = parse_ids(&body.launch.component_ids);
        Ok(self.start_precheck(&ids, &checks, now_ms))
    }

    /// `doFailoverback`: validates the whole launch (tickets, times, reason…) against the
    /// simulated wall time and starts its operations; returns the session.
    pub(crate) fn request_launch(
        &mut self,
        body: LaunchBody,
        clock: &Clock,
    ) -> Result<String, Refusal> {
        let known = self.known_ids();
        let now_wall = clock.instant(clock.now_ms()).epoch_ms;
        let problems = validate(&body, &known, now_wall);
        if !problems.is_empty() {
            return Err(invalid(
                problems
                    .iter()
                    .map(|i| format!("{}: {}", i.field, i.message))
                    .collect::<Vec<_>>()
                    .join(" "),
            ));
        }
        let (ids, _) = parse_ids(&body.component_ids);
        Ok(self.launch(body, &ids, clock.now_ms()))
    }
}
