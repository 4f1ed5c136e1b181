//! One module per screen; each composes components and calls `api`.

pub mod cluster;
pub mod clusters;
pub mod not_found;
pub mod sign_in;
