//! One module per screen; each composes components and calls `api`.

pub mod batch_failover;
pub mod cluster;
pub mod cluster_dr;
pub mod clusters;
pub mod drill_report;
pub mod drills;
pub mod gfc;
pub mod not_found;
pub mod readiness;
pub mod recovery;
pub mod sign_in;
pub mod task;
pub mod tasks;
pub mod tenant_dr;
