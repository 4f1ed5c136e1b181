//! The one helper every mock-server test file starts from: a mock on a free port, spoken to
//! over real HTTP, with the admin controls and OCP's demo users at hand.
#![allow(dead_code)] // each test file uses a different part

use mock_server::{bind, Config};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

pub const ADMIN: (&str, &str) = ("admin", "admin");
pub const VIEWER: (&str, &str) = ("viewer", "viewer");

pub struct Mock {
    pub base: String,
    pub client: Client,
}

impl Mock {
    /// A mock with the crate's fixtures and no precheck delay.
    pub async fn start() -> Mock {
        Mock::with(Config::for_tests()).await
    }

    pub async fn with(config: Config) -> Mock {
        let (addr, _handle) = bind(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
        Mock {
            base: format!("http://{addr}"),
            client: Client::new(),
        }
    }

    /// A mock whose simulated clock moves only when a test advances it.
    pub async fn paused() -> Mock {
        let m = Mock::start().await;
        m.admin("/__admin/clock", json!({"paused": true})).await;
        m
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// POSTs to a test control; it must succeed. Returns its JSON answer (or null).
    pub async fn admin(&self, path: &str, body: Value) -> Value {
        let r = self
            .client
            .post(self.url(path))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        assert!(status.is_success(), "{path}: {status} {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    pub async fn advance(&self, secs: f64) {
        self.admin("/__admin/clock", json!({"advanceSeconds": secs}))
            .await;
    }

    /// GET as the operator, the reply's JSON.
    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        let r = self
            .client
            .get(self.url(path))
            .basic_auth(ADMIN.0, Some(ADMIN.1))
            .send()
            .await
            .unwrap();
        (r.status(), r.json().await.unwrap())
    }

    /// GET as anyone (or no one), the reply's text.
    pub async fn get_as(&self, user: Option<(&str, &str)>, path: &str) -> (StatusCode, String) {
        let mut req = self.client.get(self.url(path));
        if let Some((u, p)) = user {
            req = req.basic_auth(u, Some(p));
        }
        let resp = req.send().await.unwrap();
        (resp.status(), resp.text().await.unwrap())
    }

    /// POST a JSON body as `user` (whose password is its name in the demo), the reply's JSON.
    pub async fn post(&self, user: &str, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut req = self
            .client
            .post(self.url(path))
            .basic_auth(user, Some(user));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.unwrap();
        (r.status(), r.json().await.unwrap())
    }

    /// POST a raw body with a language, the reply's text.
    pub async fn post_as(
        &self,
        user: (&str, &str),
        path: &str,
        body: Option<String>,
        lang: &str,
    ) -> (StatusCode, String) {
        let mut req = self
            .client
            .post(self.url(path))
            .basic_auth(user.0, Some(user.1))
            .header("Accept-Language", lang);
        if let Some(b) = body {
            req = req.header("Content-Type", "application/json").body(b);
        }
        let resp = req.send().await.unwrap();
        (resp.status(), resp.text().await.unwrap())
    }
}
