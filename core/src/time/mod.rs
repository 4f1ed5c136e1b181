//! Every time OCP or GFC sends, read and written in one place; ages and durations in words;
//! the polling policy; lag from an SCN.
//!
//! No date crate: millisecond precision, years 0000-9999, proleptic Gregorian. One file per
//! job: `parsing` (every form OCP or GFC writes, read: [`parse`], [`parse_ms`],
//! [`parse_value`]), `instant` (a point in time and how it is written), `offset` (UTC offsets,
//! the zones times are read and written at), `calendar` (wall-clock readings and the day
//! arithmetic), and the public `http_date`, `human`, `poll` and `scn`. The first four are
//! re-exported here, so callers name `time::…` whichever file holds it.
//!
//! May import: `wire`, `i18n`.

mod calendar;
mod instant;
mod offset;
mod parsing;

pub mod http_date;
pub mod human;
pub mod poll;
pub mod scn;

pub use calendar::{civil_from_days, days_from_civil, days_in_month, is_leap, Civil};
pub use instant::Instant;
pub use offset::Offset;
pub use parsing::{parse, parse_ms, parse_value, Parsed, TimeError};
