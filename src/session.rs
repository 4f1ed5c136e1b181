//! The signed-in operator. Credentials live in memory and in this tab's sessionStorage (so a
//! reload keeps the session), never in localStorage and never in logs.

use crate::storage;
use base64::Engine;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const KEY: &str = "failover-console.session";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signed {
    pub user: String,
    /// The `Authorization` header value (HTTP Basic).
    pub authorization: String,
    pub roles: Vec<String>,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub current: RwSignal<Option<Signed>>,
    /// Set when OCP answered 401 mid-work: the sign-in dialog opens over the page.
    pub expired: RwSignal<bool>,
}

pub fn basic_header(user: &str, password: &str) -> String {
    let raw = format!("{user}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

impl Session {
    pub fn restore() -> Session {
        let saved = storage::session()
            .get(KEY)
            .and_then(|text| serde_json::from_str::<Signed>(&text).ok());
        Session {
            current: RwSignal::new(saved),
            expired: RwSignal::new(false),
        }
    }

    pub fn sign_in(&self, signed: Signed) {
        if let Ok(text) = serde_json::to_string(&signed) {
            storage::session().set(KEY, &text);
        }
        self.current.set(Some(signed));
        self.expired.set(false);
    }

    pub fn sign_out(&self) {
        storage::session().remove(KEY);
        self.current.set(None);
        self.expired.set(false);
    }

    pub fn expire(&self) {
        if self.current.get_untracked().is_some() {
            self.expired.set(true);
        }
    }

    pub fn authorization(&self) -> Option<String> {
        self.current.get_untracked().map(|s| s.authorization)
    }

    pub fn can_operate(&self) -> bool {
        self.current
            .get()
            .is_some_and(|s| console_core::roles::can_operate(&s.roles))
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
