//! What the recovery page is asked to plan for, as its URL holds it: `?region=NAME` (every
//! primary cluster with a zone there) or `?clusters=ID,ID` (those primary clusters). Nothing
//! chosen: no plan, and the page asks.

use super::plan::Scope;
use crate::url::encode;

/// `None` when the URL chooses nothing usable; ids that are not numbers are dropped and said.
pub fn from_query(get: impl Fn(&str) -> Option<String>) -> (Option<Scope>, Vec<String>) {
    let text = |k: &str| {
        get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    if let Some(r) = text("region") {
        return (Some(Scope::Region(r)), Vec::new());
    }
    let Some(list) = text("clusters") else {
        return (None, Vec::new());
    };
    let mut ids = Vec::new();
    let mut bad = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.parse::<i64>() {
            Ok(id) if !ids.contains(&id) => ids.push(id),
            Ok(_) => {}
            Err(_) => bad.push(part.to_string()),
        }
    }
    ((!ids.is_empty()).then_some(Scope::Clusters(ids)), bad)
}

/// The recovery page for `scope` (`/recovery` for none).
pub fn href(scope: Option<&Scope>) -> String {
    match scope {
        None => "/recovery".to_string(),
        Some(Scope::Region(r)) => format!("/recovery?region={}", encode(r)),
        Some(Scope::Clusters(ids)) => format!(
            "/recovery?clusters={}",
            ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(p, _)| *p == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn a_region_or_clusters_round_trip_and_bad_ids_are_named() {
        let (s, bad) = from_query(q(&[("region", "cn shanghai")]));
        assert_eq!(s, Some(Scope::Region("cn shanghai".into())));
        assert!(bad.is_empty());
        assert_eq!(href(s.as_ref()), "/recovery?region=cn%20shanghai");
        let (s, bad) = from_query(q(&[("clusters", "4000001, x,4000002,4000001")]));
        assert_eq!(s, Some(Scope::Clusters(vec![4000001, 4000002])));
        assert_eq!(bad, vec!["x".to_string()]);
        assert_eq!(href(s.as_ref()), "/recovery?clusters=4000001,4000002");
        assert_eq!(from_query(q(&[("clusters", "x")])).0, None);
        assert_eq!(from_query(q(&[])).0, None);
        assert_eq!(href(None), "/recovery");
    }
}
