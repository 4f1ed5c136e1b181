//! Who is signed in: `GET /api/v2/iam/current/user` (shape: docs/mock-api.md).

use super::Api;
use console_core::ApiFailure;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct CurrentUser {
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
}

impl Api {
    /// Verifies `authorization` (an HTTP Basic header value) and returns whom it belongs to.
    pub async fn current_user(&self, authorization: &str) -> Result<CurrentUser, ApiFailure> {
        self.get_with_auth("/api/v2/iam/current/user", authorization)
            .await
    }
}
