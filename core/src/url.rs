//! Percent-encoding of a URL's path segments and query values (RFC 3986: every byte but the
//! unreserved characters), one home for the console's links and the lists' URLs. The browser
//! decodes what the router hands a page; [`decode`] is for tests and for links read back.

/// Percent-encodes `v` (UTF-8 bytes; unreserved characters kept).
pub fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `path` with `params` as its query string (values encoded); `path` alone when there are none.
pub fn with_query(path: &str, params: &[(&str, String)]) -> String {
    if params.is_empty() {
        return path.to_string();
    }
    let q: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("{path}?{}", q.join("&"))
}

/// Reverses [`encode`] (and reads `+` as a space, as forms write it). A `%` not followed by
/// two hex digits stays as it is; bytes that are not UTF-8 read as U+FFFD.
pub fn decode(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        for s in ["sales_dr", "c017 dr&x=1", "订单/备库", "100%", "a+b"] {
            assert_eq!(decode(&encode(s)), s, "{s}");
        }
        assert_eq!(encode("a b&c"), "a%20b%26c");
        assert_eq!(decode("a+b%2"), "a b%2");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(with_query("/t", &[]), "/t");
        assert_eq!(
            with_query("/t", &[("q", "a b".into()), ("sort", "lag".into())]),
            "/t?q=a%20b&sort=lag"
        );
    }
}
