//! The GFC operations launched from this browser, newest first, so an operator who navigated
//! away can return to them. The SPA keeps the list in `localStorage` under a key per API base
//! (two consoles on one origin pointing at different GFCs keep separate lists); this module
//! decides what is kept, how it is trimmed, and how it is read back. Storage is shared with
//! other tabs, older builds and anyone with devtools: reading never fails, an entry that
//! cannot be read is dropped on its own, and the rest are kept.

use crate::gfc::Direction;
use crate::url::encode;
use serde::Serialize;
use serde_json::Value;

/// How many sessions are kept; the oldest beyond it are forgotten.
pub const KEEP: usize = 20;

/// One component of a launch, as it was named then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecentComponent {
    pub id: i64,
    pub name: String,
}

/// One launch: its session, when it was launched (ms since the epoch, the browser's clock;
/// `None` when the stored value cannot be read), which way, and the components it moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentSession {
    pub session_id: String,
    pub launched_ms: Option<i64>,
    pub direction: Direction,
    pub components: Vec<RecentComponent>,
}

/// The `localStorage` key of the list for the console's API base (`""`: same origin).
pub fn storage_key(api_base: &str) -> String {
    format!(
        "failover-console.gfc-recent:{}",
        api_base.trim().trim_end_matches('/')
    )
}

/// The console's address of a launch's operations: the session in the path, the components
/// and direction in the query (`getFOBOperations` needs all three). One home for the launch
/// step, which opens it, and the recent list, which links back to it.
pub fn operations_href(session_id: &str, component_ids: &[i64], direction: Direction) -> String {
    // Digits and commas only: nothing to encode.
    let ids = component_ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    format!(
        "/components/operations/{}?ids={ids}&mark={}",
        encode(session_id),
        direction.mark()
    )
}

impl RecentSession {
    pub fn operations_href(&self) -> String {
        let ids: Vec<i64> = self.components.iter().map(|c| c.id).collect();
        operations_href(&self.session_id, &ids, self.direction)
    }

    fn to_json(&self) -> Value {
        serde_json::json!({
            "sessionId": self.session_id,
            "launchedMs": self.launched_ms,
            "mark": self.direction.mark(),
            "components": self.components,
        })
    }

    /// One stored entry, or `None` if it is not one this console wrote (a session id and a
    /// direction are required; a component without a readable id is left out).
    fn from_json(v: &Value) -> Option<RecentSession> {
        let session_id = v.get("sessionId")?.as_str()?.trim();
        if session_id.is_empty() {
            return None;
        }
        let direction = Direction::from_mark(v.get("mark")?.as_str()?)?;
        let launched_ms = v.get("launchedMs").and_then(Value::as_i64);
        let components = v
            .get("components")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|c| {
                        Some(RecentComponent {
                            id: c.get("id")?.as_i64()?,
                            name: c
                                .get("name")
                                .and_then(Value::as_str)
                                .unwrap_or_default()
                                .to_string(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(RecentSession {
            session_id: session_id.to_string(),
            launched_ms,
            direction,
            components,
        })
    }
}

/// Newest first (an unreadable time last), one entry per session, at most [`KEEP`].
fn tidy(mut list: Vec<RecentSession>) -> Vec<RecentSession> {
    // Stable: of two entries launched at the same moment, the one stored first stays first.
    crate::order::sort_by_key(&mut list, |s| std::cmp::Reverse(s.launched_ms));
    let mut seen = std::collections::BTreeSet::new();
    list.retain(|s| seen.insert(s.session_id.clone()));
    list.truncate(KEEP);
    list
}

/// The stored list (`None`: nothing stored). Garbage reads as an empty list, a bad entry is
/// skipped, duplicates and the excess are dropped.
pub fn read(stored: Option<&str>) -> Vec<RecentSession> {
    let Some(v) = stored.and_then(|s| serde_json::from_str::<Value>(s).ok()) else {
        return Vec::new();
    };
    let Some(items) = v.as_array() else {
        return Vec::new();
    };
    tidy(items.iter().filter_map(RecentSession::from_json).collect())
}

/// The list after `launched`: it goes first, replacing an entry of the same session.
pub fn remember(list: Vec<RecentSession>, launched: RecentSession) -> Vec<RecentSession> {
    let mut list: Vec<RecentSession> = list
        .into_iter()
        .filter(|s| s.session_id != launched.session_id)
        .collect();
    list.insert(0, launched);
    tidy(list)
}

/// What is stored.
pub fn write(list: &[RecentSession]) -> String {
    Value::Array(list.iter().map(RecentSession::to_json).collect()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str, ms: i64) -> RecentSession {
        RecentSession {
            session_id: id.into(),
            launched_ms: Some(ms),
            direction: Direction::Failover,
            components: vec![RecentComponent {
                id: 7922,
                name: "order-api".into(),
            }],
        }
    }

    #[test]
    fn round_trips_and_keeps_newest_first() {
        let mut list = Vec::new();
        for i in 0..3 {
            list = remember(list, s(&format!("s{i}"), 1_000 + i));
        }
        let back = read(Some(&write(&list)));
        assert_eq!(back, list);
        let ids: Vec<&str> = back.iter().map(|s| s.session_id.as_str()).collect();
        assert_eq!(ids, ["s2", "s1", "s0"]);
    }

    #[test]
    fn keeps_the_newest_twenty_and_one_entry_per_session() {
        let mut list = Vec::new();
        for i in 0..25 {
            list = remember(list, s(&format!("s{i}"), i));
        }
        assert_eq!(list.len(), KEEP);
        assert_eq!(list[0].session_id, "s24");
        assert_eq!(list[KEEP - 1].session_id, "s5");
        // The same session launched again (a reload of its page) moves, it is not doubled.
        let again = remember(list, s("s10", 100));
        assert_eq!(again.len(), KEEP);
        assert_eq!(again[0].session_id, "s10");
        assert_eq!(again.iter().filter(|x| x.session_id == "s10").count(), 1);
    }

    #[test]
    fn garbage_in_storage_reads_as_empty_or_loses_only_itself() {
        for junk in [
            None,
            Some(""),
            Some("not json"),
            Some("{\"sessionId\":\"x\"}"),
            Some("42"),
            Some("null"),
        ] {
            assert!(read(junk).is_empty(), "{junk:?}");
        }
        let mixed = r#"[
            null, 7, "s", {},
            {"sessionId": "", "mark": "failover"},
            {"sessionId": "a", "mark": "sideways"},
            {"sessionId": "b", "mark": "failback", "launchedMs": "soon",
             "components": [{"id": 1, "name": "x"}, {"id": "two"}, null, {"id": 3}]},
            {"sessionId": "c", "mark": "FAILOVER", "launchedMs": 5, "components": "many"},
            {"sessionId": "c", "mark": "failover", "launchedMs": 4}
        ]"#;
        let list = read(Some(mixed));
        let ids: Vec<&str> = list.iter().map(|s| s.session_id.as_str()).collect();
        assert_eq!(ids, ["c", "b"]);
        assert_eq!(list[0].launched_ms, Some(5));
        assert_eq!(list[1].launched_ms, None);
        assert!(list[0].components.is_empty());
        assert_eq!(list[1].direction, Direction::Failback);
        assert_eq!(
            list[1].components,
            [
                RecentComponent {
                    id: 1,
                    name: "x".into()
                },
                RecentComponent {
                    id: 3,
                    name: String::new()
                }
            ]
        );
    }

    #[test]
    fn a_longer_stored_list_is_trimmed_on_read() {
        let many: Vec<RecentSession> = (0..40).map(|i| s(&format!("s{i}"), i)).collect();
        let list = read(Some(&write(&many)));
        assert_eq!(list.len(), KEEP);
        assert_eq!(list[0].session_id, "s39");
    }

    #[test]
    fn operations_address_and_storage_key() {
        let mut r = s("F0B-20261123 1", 0);
        r.components.push(RecentComponent {
            id: 7923,
            name: String::new(),
        });
        r.direction = Direction::Failback;
        assert_eq!(
            r.operations_href(),
            "/components/operations/F0B-20261123%201?ids=7922,7923&mark=failback"
        );
        assert_eq!(storage_key(""), "failover-console.gfc-recent:");
        assert_eq!(
            storage_key("https://ocp.example/"),
            "failover-console.gfc-recent:https://ocp.example"
        );
    }
}
