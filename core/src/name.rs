//! How a cluster, tenant or task is named on screen: its name as loaded, or its id ("#3000012")
//! while the name is loading, when OCP sent none or a blank one. One rule for titles, trails,
//! confirmations, filter lines and the CSV, so no screen shows a blank where a name belongs.

/// A loaded name (trimmed), or the id while it is loading (or when OCP sent none, or a blank).
pub fn name_or_id(name: Option<&str>, id: i64) -> String {
    first_name_or_id([name], id)
}

/// The first of `names` (the most trusted source first) that is not blank, trimmed; else the
/// id as [`name_or_id`] writes it.
pub fn first_name_or_id<'a>(names: impl IntoIterator<Item = Option<&'a str>>, id: i64) -> String {
    names
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|n| !n.is_empty())
        .map_or_else(|| format!("#{id}"), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_or_missing_name_reads_as_the_id() {
        assert_eq!(name_or_id(Some("OB424_B"), 6), "OB424_B");
        assert_eq!(name_or_id(Some(" sales_dr "), 6), "sales_dr");
        assert_eq!(name_or_id(None, 3000012), "#3000012");
        assert_eq!(name_or_id(Some(""), 3000012), "#3000012");
        assert_eq!(name_or_id(Some(" \t"), 7), "#7");
    }

    #[test]
    fn the_first_real_name_wins_over_a_blank_one() {
        assert_eq!(
            first_name_or_id([Some(""), Some("sales_dr")], 2),
            "sales_dr"
        );
        assert_eq!(first_name_or_id([Some("a"), Some("b")], 2), "a");
        assert_eq!(first_name_or_id([None, Some(" ")], 2), "#2");
        assert_eq!(first_name_or_id([], 2), "#2");
    }
}
