//! OCP's mapper sorts keys alphabetically. `serde_json::Map` is sorted unless some dependency
//! turns on `preserve_order`, so the mock sorts explicitly rather than rely on feature unification.

use serde_json::{Map, Value};

/// Returns `v` with every object's keys in alphabetical order, recursively.
pub(crate) fn sorted(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            let mut out = Map::new();
            for (k, v) in entries {
                out.insert(k, sorted(v));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}
