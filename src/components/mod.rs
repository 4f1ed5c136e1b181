//! Small reusable pieces; pages compose them.

pub mod breadcrumbs;
pub mod confirm_dialog;
pub mod download;
pub mod failure_view;
pub mod header;
pub(crate) mod launch_bar;
pub mod launch_record;
pub mod live_status;
pub mod pager;
pub(crate) mod precheck_card;
pub(crate) mod precheck_history;
pub mod role_badge;
pub mod sign_in_form;
pub mod task_filters;
pub mod task_timing;
pub mod unreadable;
pub mod verdict;
pub mod viewer_notice;
pub mod when;
pub(crate) mod windowed;
