//! Successive polls of one task, read incrementally.
//!
//! A task page polls the whole task every second or so, and a 10,000-step task is a 2.6 MB
//! reply of which a poll usually changes a few steps. Reading every step leniently
//! ([`crate::wire::lenient`]) cost ~40 ms of the browser's main thread per poll; here the reply is
//! only scanned, and a step whose JSON text is the same as in the previous reply, at the same
//! place, keeps what reading it gave then. The result is exactly what the whole read,
//! [`crate::wire::failure::decode`], gives for the same reply (a test holds them equal): the same
//! steps, the same unreadable values under the same pointers, the same failures.

use crate::wire::failure::{check_envelope, decode, ApiFailure, OnePass};
use crate::wire::lenient::{self, Read, Unreadable};
use crate::wire::{SubtaskInstance, TaskInstance};
use crate::Envelope;
use serde_json::value::RawValue;
use serde_json::Value;

/// What reading one step gave, keyed by its text.
struct Step {
    text: Box<str>,
    read: Option<SubtaskInstance>,
    /// Relative to the step (filed under `/subtasks/{i}` in the task).
    bad: Unreadable,
}

/// The reader of one task's polls; keep one per watched task.
#[derive(Default)]
pub struct TaskReader {
    /// The steps of the last reply read in one pass, in its order.
    steps: Vec<Step>,
    /// How many of them were taken from the reply before (not read again).
    reused: usize,
}

impl TaskReader {
    /// Reads a reply to `GET /api/v2/tasks/instances/{id}` (`data` required).
    pub fn decode(
        &mut self,
        status: u16,
        content_type: Option<&str>,
        body: &str,
    ) -> Result<Envelope<TaskInstance>, ApiFailure> {
        match self.in_one_pass(status, body) {
            Some(done) => done,
            None => {
                // Something unusual: the careful decode says what, and the next reply is
                // read from scratch.
                self.steps.clear();
                self.reused = 0;
                decode(status, content_type, body, true)
            }
        }
    }

    /// How many steps of the last reply had the same text, at the same place, in the one
    /// before it, and so were not read again.
    pub fn reused(&self) -> usize {
        self.reused
    }

    fn in_one_pass(
        &mut self,
        status: u16,
        body: &str,
    ) -> Option<Result<Envelope<TaskInstance>, ApiFailure>> {
        if !(200..300).contains(&status) {
            return None;
        }
        let body = body.strip_prefix('\u{feff}').unwrap_or(body);
        // One scan of the text: the envelope, the task's fields, its steps left as text.
        let OnePass { head, data } = serde_json::from_str::<OnePass<Shell>>(body).ok()?;
        let (head, _) = Envelope::split(Value::Object(head)).ok()?;
        let task = match data {
            Some(shell) => Some(self.read_task(shell)?),
            None => None,
        };
        Some(check_envelope(status, head, task.is_some(), true).map(|h| h.with_data(task)))
    }

    /// The task from its scanned text; `None` if it cannot be read (the careful decode says why).
    fn read_task(&mut self, shell: Shell) -> Option<TaskInstance> {
        let Shell { mut rest, subtasks } = shell;
        let items = match subtasks {
            Some(Steps::Items(items)) => Some(items),
            // `null` or not a list: read with the rest, as a whole read would.
            Some(Steps::Other(v)) => {
                rest.insert("subtasks".into(), v);
                None
            }
            None => None,
        };
        let mut task = TaskInstance::read(&Value::Object(rest), "", &mut Unreadable::default())?;
        let Some(items) = items else {
            self.steps.clear();
            self.reused = 0;
            return Some(task);
        };
        let mut before = std::mem::take(&mut self.steps).into_iter();
        let mut steps = Vec::with_capacity(items.len());
        let mut reused = 0;
        for raw in items {
            let text = raw.get();
            let step = match before.next() {
                Some(old) if *old.text == *text => {
                    reused += 1;
                    old
                }
                _ => {
                    let value: Value = serde_json::from_str(text).ok()?;
                    let mut bad = Unreadable::default();
                    let read = lenient::read_item::<SubtaskInstance>(&value, &mut bad);
                    Step {
                        text: text.into(),
                        read,
                        bad,
                    }
                }
            };
            steps.push(step);
        }
        let mut subs = Vec::with_capacity(steps.len());
        for (i, step) in steps.iter().enumerate() {
            subs.extend(step.read.clone());
            if !step.bad.is_empty() {
                task.unreadable
                    .extend_under(&format!("/subtasks/{i}"), &step.bad);
            }
        }
        task.unreadable.order_by_fields(TaskInstance::WIRE_NAMES);
        task.subtasks = Some(subs);
        self.steps = steps;
        self.reused = reused;
        Some(task)
    }
}

/// A task object with its steps left as text.
struct Shell<'a> {
    rest: serde_json::Map<String, Value>,
    subtasks: Option<Steps<'a>>,
}

/// `subtasks`: a list's items as text, or whatever else it was.
enum Steps<'a> {
    Items(Vec<&'a RawValue>),
    Other(Value),
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for Shell<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Fields<'a> {
            type Value = Shell<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a task")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Shell<'a>, A::Error> {
                let mut rest = serde_json::Map::new();
                let mut subtasks = None;
                // A repeated key: the last one counts, as when parsed into a `Value`.
                while let Some(key) = map.next_key::<String>()? {
                    if key == "subtasks" {
                        subtasks = Some(map.next_value::<Steps>()?);
                    } else {
                        rest.insert(key, map.next_value::<Value>()?);
                    }
                }
                Ok(Shell { rest, subtasks })
            }
        }
        d.deserialize_map(Fields(std::marker::PhantomData))
    }
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for Steps<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = Steps<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Steps<'a>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(item) = seq.next_element::<&RawValue>()? {
                    items.push(item);
                }
                Ok(Steps::Items(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Steps<'a>, A::Error> {
                let d = serde::de::value::MapAccessDeserializer::new(map);
                Ok(Steps::Other(serde::Deserialize::deserialize(d)?))
            }
            fn visit_unit<E>(self) -> Result<Steps<'a>, E> {
                Ok(Steps::Other(Value::Null))
            }
            fn visit_bool<E>(self, b: bool) -> Result<Steps<'a>, E> {
                Ok(Steps::Other(Value::Bool(b)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Steps<'a>, E> {
                Ok(Steps::Other(n.into()))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Steps<'a>, E> {
                Ok(Steps::Other(n.into()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Steps<'a>, E> {
                Ok(Steps::Other(n.into()))
            }
            fn visit_str<E>(self, s: &str) -> Result<Steps<'a>, E> {
                Ok(Steps::Other(Value::String(s.to_string())))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope(data: &str) -> String {
        format!(
            r#"{{"successful":true,"timestamp":"2026-11-23T10:00:00.000+08:00","data":{data}}}"#
        )
    }

    /// Replies a task's polls may bring, odd ones included.
    fn bodies() -> Vec<String> {
        let mut v: Vec<String> = [
            // Odd fields around and inside the steps, a null step, an unreadable step.
            r#"{"id":"7","status":"RUNNING","creator":5,"subtasks":[{"id":1,"name":"a","status":"SUCCESSFUL","upstreams":[]},{"id":"x","name":5,"status":3},null,7],"tenantId":"t","type":[]}"#,
            // The same, one step changed.
            r#"{"id":"7","status":"RUNNING","creator":5,"subtasks":[{"id":1,"name":"a","status":"RUNNING","upstreams":[]},{"id":"x","name":5,"status":3},null,7],"tenantId":"t","type":[]}"#,
            // Steps moved: the same texts at other places.
            r#"{"id":"7","subtasks":[null,{"id":"x","name":5,"status":3},{"id":1,"name":"a","status":"RUNNING","upstreams":[]}]}"#,
            // No steps, `null` steps, steps not a list, an empty list.
            r#"{"id":"7","status":"FAILED"}"#,
            r#"{"id":"7","subtasks":null}"#,
            r#"{"id":"7","subtasks":{"id":1}}"#,
            r#"{"id":"7","subtasks":"none"}"#,
            r#"{"id":"7","subtasks":3.5}"#,
            r#"{"id":"7","subtasks":-2}"#,
            r#"{"id":"7","subtasks":true}"#,
            r#"{"id":"7","subtasks":[]}"#,
            // A repeated key: the last counts.
            r#"{"id":"7","subtasks":[{"id":1}],"subtasks":[{"id":2,"status":"FAILED"}]}"#,
            // Escapes and spacing inside a step.
            r#"{ "id" : 7 , "subtasks" : [ { "id" : 1 , "name" : "a\"b\u00e9" } ] }"#,
        ]
        .iter()
        .map(|d| envelope(d))
        .collect();
        // Not a task, data null, no data, a 2xx that failed, garbled, a BOM.
        v.push(envelope("[1]"));
        v.push(envelope("null"));
        v.push(r#"{"successful":true}"#.into());
        v.push(r#"{"successful":false,"status":500,"error":{"code":1,"message":"no"},"data":{"id":1}}"#.into());
        v.push(r#"{"data":{"id":1}"#.into());
        v.push(format!(
            "\u{feff}{}",
            envelope(r#"{"id":3,"subtasks":[{"id":1}]}"#)
        ));
        v
    }

    #[test]
    fn every_poll_reads_what_a_whole_read_gives() {
        let all = bodies();
        // Each reply after each other one (and after itself): what was kept from the reply
        // before never changes the result.
        for before in &all {
            for body in &all {
                let mut r = TaskReader::default();
                let _ = r.decode(200, Some("application/json"), before);
                let got = r.decode(200, Some("application/json"), body);
                let whole = crate::wire::failure::decode::<TaskInstance>(
                    200,
                    Some("application/json"),
                    body,
                    true,
                );
                assert_eq!(got, whole, "{body}\nafter {before}");
            }
        }
        // An error status is read the careful way, whatever came before.
        let mut r = TaskReader::default();
        let _ = r.decode(200, None, &all[0]);
        let body = r#"{"successful":false,"status":404,"error":{"code":2,"message":"gone"}}"#;
        assert_eq!(
            r.decode(404, Some("application/json"), body),
            crate::wire::failure::decode::<TaskInstance>(404, Some("application/json"), body, true)
        );
    }

    #[test]
    fn unchanged_steps_are_not_read_again() {
        let task = crate::task::synthetic::task(1, 200, 10);
        let body = |t: &TaskInstance| envelope(&serde_json::to_string(t).unwrap_or_default());
        let mut r = TaskReader::default();
        let first = r.decode(200, None, &body(&task)).unwrap();
        assert_eq!(r.reused(), 0);
        assert_eq!(first.data.as_ref().map(|t| t.subtasks().len()), Some(200));
        let changed = crate::task::synthetic::with_changed_statuses(
            &task,
            20,
            crate::wire::SubtaskStatus::Running,
        );
        let second = r.decode(200, None, &body(&changed)).unwrap();
        let differ = task
            .subtasks()
            .iter()
            .zip(changed.subtasks())
            .filter(|(a, b)| a != b)
            .count();
        assert!(differ > 0);
        assert_eq!(r.reused(), 200 - differ);
        assert_eq!(second.data, Some(changed));
    }
}
