//! `GET /api/v2/iam/current/user`: who the credentials belong to and what they may do. The
//! console uses it to verify a sign-in and to warn a viewer before a launch. The shape
//! (`{id, username, roles[]}`) is the mock's assumption; docs/mock-api.md notes it.

use crate::http::ctx::{Ctx, Role};
use axum::response::Response;
use serde_json::json;

pub(crate) async fn current_user(ctx: Ctx) -> Response {
    let (id, roles) = match ctx.role {
        Role::Operator => (1, vec!["OPERATOR"]),
        Role::Viewer => (2, vec!["VIEWER"]),
    };
    ctx.ok(&json!({ "id": id, "roles": roles, "username": ctx.user }))
}
