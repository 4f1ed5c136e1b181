//! What every long list shares: a search box read the same way everywhere (any case, blank
//! matches all), a sort chosen by name, both kept in the page's URL, and counts written with
//! thousands grouped. Each list names its sorts ([`SortKey`]) and the fields a search reads.

/// A list's sort orders, by the name the URL carries (`?sort=lag`).
pub trait SortKey: Copy + Default + PartialEq + 'static {
    /// Every order, the default first.
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;

    /// The order named `s`; an unknown name is the default.
    fn parse(s: &str) -> Self {
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s.trim())
            .unwrap_or_default()
    }
}

/// Whether any of `fields` contains what the operator typed, in any case (blank matches all).
pub fn matches<'a>(fields: impl IntoIterator<Item = &'a str>, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty() || fields.into_iter().any(|f| f.to_lowercase().contains(&q))
}

/// A list's search and sort, as its URL keeps them (`q`, `sort`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListView<S> {
    pub sort: S,
    pub query: String,
}

impl<S: SortKey> ListView<S> {
    /// Reads the URL's query parameters (`get` gives one by name); anything odd is the default.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> ListView<S> {
        ListView {
            sort: get("sort").map(|s| S::parse(&s)).unwrap_or_default(),
            query: get("q").map(|q| q.trim().to_string()).unwrap_or_default(),
        }
    }

    /// The URL's parameters for this view, defaults left out (not yet encoded).
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.sort != S::default() {
            out.push(("sort", self.sort.as_str().to_string()));
        }
        let q = self.query.trim();
        if !q.is_empty() {
            out.push(("q", q.to_string()));
        }
        out
    }
}

/// A count as lists write it, with thousands separated ("1,100").
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    enum By {
        #[default]
        Name,
        Lag,
    }

    impl SortKey for By {
        const ALL: &'static [By] = &[By::Name, By::Lag];
        fn as_str(self) -> &'static str {
            match self {
                By::Name => "name",
                By::Lag => "lag",
            }
        }
    }

    #[test]
    fn a_view_round_trips_through_the_url_and_odd_values_read_as_defaults() {
        let v = ListView::<By>::from_query(|k| match k {
            "sort" => Some("lag".into()),
            "q" => Some("  订单 ".into()),
            _ => None,
        });
        assert_eq!(v.sort, By::Lag);
        assert_eq!(v.query, "订单");
        assert_eq!(
            v.params(),
            vec![("sort", "lag".to_string()), ("q", "订单".to_string())]
        );
        let odd = ListView::<By>::from_query(|k| (k == "sort").then(|| "bogus".into()));
        assert_eq!(odd, ListView::default());
        assert!(odd.params().is_empty());
    }

    #[test]
    fn search_reads_any_field_in_any_case() {
        assert!(matches(["orders_DR", "c017"], "dr"));
        assert!(matches(["x"], "  "));
        assert!(!matches(["orders", "c017"], "hangzhou"));
        assert!(!matches(Vec::<&str>::new(), "a"));
        assert_eq!(grouped(1_100), "1,100");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000_000), "1,000,000");
    }
}
