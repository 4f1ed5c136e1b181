//! OCP's error codes (the envelope's `error.code`), named once for the console and the mock
//! (docs/ocp-api.md §3.3: OCP Express's numbering and HTTP statuses). `0` is OCP's "no specific
//! code": validation failures, 401s and unhandled errors.

/// No specific code (validation failure, not signed in, unhandled error).
pub const NONE: i64 = 0;
/// 400: a parameter is empty or invalid.
pub const ILLEGAL_ARGUMENT: i64 = 10001;
/// 404: no record of that type for that parameter (an unknown task, subtask, cluster…).
pub const NOT_FOUND: i64 = 10002;
/// 500: an unknown error (OCP's catch-all; the mock's for its own internal failures).
pub const UNEXPECTED: i64 = 10010;
/// 404: no such task.
pub const TASK_NOT_EXISTS: i64 = 20000;
/// 400: the operation is not allowed in the task's or subtask's current state.
pub const TASK_STATE_INVALID: i64 = 20003;
/// 400: a rollback refused because a step that ran cannot be undone (`prohibitRollback`).
pub const TASK_PROHIBIT_ROLLBACK: i64 = 20004;
/// 401: not signed in, or the sign-in failed.
pub const NOT_AUTHENTICATED: i64 = 30000;
/// 403: the user's roles do not allow the operation.
pub const OPERATION_NOT_PERMITTED: i64 = 30014;
