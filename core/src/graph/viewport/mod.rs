//! What part of a laid-out task graph is on screen, how it is framed, and how a step's name
//! fits its box there. The SPA keeps in the DOM only the nodes and edges
//! [`SpatialIndex::visible`] returns, so a 10,000-step task costs what a screenful costs; the
//! framing rules keep labels legible (never below [`MIN_LABEL_PX`] on screen) and open on the
//! step that matters. Consumes the layout's coordinates only: it does not care how they were
//! chosen.
//!
//! One file per job: `camera` (pan, zoom, framing), `spatial` (which nodes and edges meet an
//! area), `label` (label sizes and a name on two lines). Everything is re-exported here, so
//! callers name `graph::viewport::…` whichever file holds it.
//!
//! May import: `graph::layout` (coordinates and node sizes), `graph::dag`, `wire` (step states).

mod camera;
mod label;
mod spatial;

pub use camera::{fit_scale, focus_step, frame, Camera, Shift, MAX_SCALE, MAX_STRETCH, MIN_SCALE};
pub use label::{label_lines, text_units, LABEL_PX, LINE_UNITS, MIN_LABEL_PX};
pub use spatial::{layer_bounds, Rect, SpatialIndex, Visible};
