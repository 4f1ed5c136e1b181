//! Plain-Rust core of Failover Console, shared by the SPA (wasm) and the mock server (native).
//!
//! Everything here builds and tests natively in seconds: the OCP wire types ([`wire`]), the
//! response envelope ([`envelope`]), how a reply maps to a client-side failure ([`failure`]),
//! and every user-visible string ([`i18n`]).

pub mod envelope;
pub mod failure;
pub mod i18n;
pub mod json;
pub mod long;
#[macro_use]
mod enums;
pub mod wire;

pub use envelope::{ApiError, Envelope, ErrorCode, PageInfo, Paged};
pub use failure::ApiFailure;
pub use long::Long;
