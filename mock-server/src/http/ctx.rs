//! Per-request context for `/api/v2` and `/gfc` handlers: who is calling (HTTP Basic), in which
//! language, and when the request started (for `duration`). Extraction fails with OCP's 401
//! envelope; a JSON body that cannot be read fails with 400 or 413. The layers read the same
//! facts of a request from here (`authenticated`, `lang_of`, `full_path`, `read_body`).

use crate::http::envelope::{refuse_bare, Meta};
use crate::http::state::AppState;
use crate::sim::refusal::Refusal;
use axum::extract::{FromRequest, FromRequestParts, OriginalUri, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::Response;
use base64::Engine;
use console_core::i18n::Lang;
use console_core::wire::codes;
use serde::de::DeserializeOwned;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// May do everything.
    Operator,
    /// Reads only; writes get 403 / `OPERATION_NOT_PERMITTED` (30014).
    Viewer,
}

/// The demo accounts: (user, password, role).
pub(crate) const USERS: &[(&str, &str, Role)] = &[
    ("admin", "admin", Role::Operator),
    ("viewer", "viewer", Role::Viewer),
];

pub(crate) struct Ctx {
    pub(crate) meta: Meta,
    pub(crate) lang: Lang,
    pub(crate) user: String,
    pub(crate) role: Role,
}

impl Ctx {
    pub(crate) fn ok<T: serde::Serialize>(&self, data: &T) -> Response {
        self.meta.ok(data)
    }

    /// `ok` with `data` already rendered as JSON (sorted keys).
    pub(crate) fn ok_rendered(&self, data: &str) -> Response {
        self.meta.ok_rendered(data)
    }

    pub(crate) fn ok_no_data(&self) -> Response {
        self.meta.ok_no_data()
    }

    /// OCP's error reply for `r`, in the caller's language.
    pub(crate) fn refuse(&self, r: &Refusal) -> Response {
        self.meta.refuse(r, self.lang)
    }

    /// A handler's answer: what `body` replies, or its refusal as OCP's error reply.
    pub(crate) fn answer(&self, body: impl FnOnce() -> Result<Response, Refusal>) -> Response {
        body().unwrap_or_else(|r| self.refuse(&r))
    }

    /// Write calls need the operator role (OCP: AccessDeniedException → 403,
    /// `OPERATION_NOT_PERMITTED`).
    pub(crate) fn require_operator(&self) -> Result<(), Refusal> {
        match self.role {
            Role::Operator => Ok(()),
            Role::Viewer => Err(Refusal::new(
                StatusCode::FORBIDDEN.as_u16(),
                codes::OPERATION_NOT_PERMITTED,
                "You are not authorized to perform the corresponding operation. Contact the administrator.",
                "您没有权限进行此操作，请联系管理员。",
            )),
        }
    }
}

/// Parses a numeric path segment, or refuses with 400 naming it.
pub(crate) fn path_id(raw: &str, what: &str) -> Result<i64, Refusal> {
    raw.parse::<i64>().map_err(|_| {
        Refusal::bad(
            format!("The input parameter {what} is empty or invalid: \"{raw}\" is not a number. Please check and try again."),
            format!("输入参数 {what} 为空或无效：\"{raw}\" 不是数字，请检查后重试。"),
        )
    })
}

/// Whether the request carries the credentials of a demo account (the contract check leaves
/// the others to [`Ctx`], so a stranger gets 401 before any 400, as from OCP).
pub(crate) fn authenticated(parts: &Parts) -> bool {
    credentials(parts)
        .is_some_and(|(user, password)| USERS.iter().any(|(u, p, _)| *u == user && *p == password))
}

fn credentials(parts: &Parts) -> Option<(String, String)> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, password) = text.split_once(':')?;
    Some((user.to_string(), password.to_string()))
}

pub(crate) fn lang_of(parts: &Parts) -> Lang {
    parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_code)
        .unwrap_or_default()
}

/// The path as the client sent it: inside `nest` a request's URI has lost its prefix.
pub(crate) fn full_path(req: &Request) -> String {
    req.extensions()
        .get::<OriginalUri>()
        .map(|u| u.path().to_string())
        .unwrap_or_else(|| req.uri().path().to_string())
}

fn unauthorized(en: &str, zh: &str) -> Refusal {
    Refusal::new(StatusCode::UNAUTHORIZED.as_u16(), codes::NONE, en, zh)
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let meta = Meta::new(state);
        let lang = lang_of(parts);
        let Some((user, password)) = credentials(parts) else {
            return Err(meta.refuse(
                &unauthorized(
                    "The current user has not logged on or a logon error has occurred. Please log on and try again.",
                    "当前用户未登录或登录出错，请重新登录。",
                ),
                lang,
            ));
        };
        match USERS.iter().find(|(u, p, _)| *u == user && *p == password) {
            Some((_, _, role)) => Ok(Ctx {
                meta,
                lang,
                user,
                role: *role,
            }),
            None => Err(meta.refuse(&unauthorized("Bad credentials", "用户名或密码错误"), lang)),
        }
    }
}

/// The raw body, or OCP's envelope refusing it: 413 over the body limit, 400 when it cannot be
/// read. Shared by [`Body`] and the contract check (`contract::layer`), which reads first.
pub(crate) async fn read_body(
    req: Request,
    state: &AppState,
) -> Result<axum::body::Bytes, Response> {
    axum::body::Bytes::from_request(req, state)
        .await
        .map_err(|rejection| {
            let status = rejection.status();
            let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
                "The request body is larger than 1 MiB.".to_string()
            } else {
                format!(
                    "The request body could not be read: {}",
                    rejection.body_text()
                )
            };
            refuse_bare(state, &Refusal::same(status.as_u16(), codes::NONE, message))
        })
}

/// A JSON body, optional when empty. Failures answer in OCP's envelope: 413 over the body limit,
/// 400 naming the problem for malformed JSON or wrong field types.
pub(crate) struct Body<T>(pub(crate) Option<T>);

impl<T: DeserializeOwned> FromRequest<AppState> for Body<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let bytes = read_body(req, state).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Body(None));
        }
        serde_json::from_slice(&bytes)
            .map(|v| Body(Some(v)))
            .map_err(|e| {
                let what = if e.is_syntax() || e.is_eof() {
                    "Malformed JSON request"
                } else {
                    "Invalid request body"
                };
                refuse_bare(
                    state,
                    &Refusal::same(
                        StatusCode::BAD_REQUEST.as_u16(),
                        codes::NONE,
                        format!("{what}: {e}"),
                    ),
                )
            })
    }
}
