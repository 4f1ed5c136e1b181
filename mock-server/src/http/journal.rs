//! The request journal's entries: what the server received (written by `middleware::journal`),
//! so tests can prove exactly one POST arrived.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    pub method: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    pub time: String,
    /// The status answered with; absent while the request is still being answered (a hang).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Arrival order, to fill in the status later.
    pub seq: u64,
    /// The id of the replay stub that answered, if one did (e.g. `s3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stub: Option<String>,
}
