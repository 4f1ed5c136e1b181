//! Checks that keep the front-end dev loop (`cargo xtask mock` + `trunk serve`) working.

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    fn root() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
    }

    /// First path segments (`/api`, `/gfc`) of every absolute path literal in the API client.
    fn client_prefixes() -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for entry in std::fs::read_dir(root().join("src/api")).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for piece in text.split("\"/").skip(1) {
                let seg: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !seg.is_empty() && piece[seg.len()..].starts_with('/') {
                    out.insert(format!("/{seg}"));
                }
            }
        }
        out
    }

    /// Prefixes Trunk.toml proxies (`backend = "http://host:port/api/"` → `/api`).
    fn proxied() -> BTreeSet<String> {
        let text = std::fs::read_to_string(root().join("Trunk.toml")).unwrap();
        text.lines()
            .filter_map(|l| l.trim().strip_prefix("backend"))
            .filter_map(|l| l.split('"').nth(1))
            .filter_map(|url| {
                let path = url.splitn(4, '/').nth(3)?;
                Some(format!("/{}", path.trim_end_matches('/')))
            })
            .collect()
    }

    #[test]
    fn trunk_serve_proxies_every_prefix_the_client_calls() {
        let used = client_prefixes();
        assert!(used.contains("/api") && used.contains("/gfc"), "{used:?}");
        let proxied = proxied();
        let missing: Vec<_> = used.difference(&proxied).collect();
        assert!(
            missing.is_empty(),
            "Trunk.toml does not proxy {missing:?}: `trunk serve` would answer those calls with index.html"
        );
    }
}
