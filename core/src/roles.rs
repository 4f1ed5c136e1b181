//! Which OCP roles may launch and intervene (the rest read only).

/// Role names as `GET /api/v2/iam/current/user` lists them (docs/mock-api.md).
pub fn can_operate(roles: &[String]) -> bool {
    roles.iter().any(|r| {
        ["OPERATOR", "ADMIN", "SYSTEM_ADMIN"]
            .iter()
            .any(|w| r.eq_ignore_ascii_case(w))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn viewer_cannot_operate() {
        assert!(!super::can_operate(&["VIEWER".into()]));
        assert!(super::can_operate(&["viewer".into(), "operator".into()]));
        assert!(!super::can_operate(&[]));
    }
}
