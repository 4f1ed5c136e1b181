//! Reading OCP's replies one field at a time.
//!
//! Real OCP servers differ by version, locale and the proxies in front of them: an SCN arrives
//! as `""`, a status as a number, a list holds `null`. Serde's derive rejects the whole reply for
//! one odd field, which would cost the operator the whole page. Here every field decodes on its
//! own: a field that cannot be read becomes `None` and is kept verbatim in its object's
//! [`Unreadable`] list (with a JSON pointer), so the page shows "—" with the raw value, and
//! decisions that depend on it (a verdict, an action) can refuse to guess.
//!
//! `null` and an absent key both read as `None` and are not recorded: they carry no value to show.
//! A `null` *inside a list* is recorded, since the list claims an item is there.

use crate::Long;
use serde_json::Value;

/// Values that arrived but could not be read, keyed by JSON pointer relative to their object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Unreadable(Vec<(String, Value)>);

impl Unreadable {
    pub fn push(&mut self, pointer: String, raw: Value) {
        self.0.push((pointer, raw));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(p, v)| (p.as_str(), v))
    }

    /// The raw value of the field at `pointer` (e.g. `/syncScn`), if it could not be read.
    pub fn get(&self, pointer: &str) -> Option<&Value> {
        self.0.iter().find(|(p, _)| p == pointer).map(|(_, v)| v)
    }

    /// Files `other`'s values (relative to a child) under the child's `pointer`.
    pub fn extend_under(&mut self, pointer: &str, other: &Unreadable) {
        for (p, raw) in &other.0 {
            self.push(format!("{pointer}{p}"), raw.clone());
        }
    }

    /// Orders the values by their field's place in `fields` (wire names, as `ocp_struct!`'s
    /// `WIRE_NAMES`), keeping the order within a field: the order a whole read lists them in.
    pub fn order_by_fields(&mut self, fields: &[&str]) {
        let place = |p: &str| {
            let key = p.strip_prefix('/').unwrap_or(p);
            let key = key.split('/').next().unwrap_or(key);
            fields.iter().position(|f| *f == key).unwrap_or(usize::MAX)
        };
        crate::order::sort_by_key(&mut self.0, |(p, _)| place(p));
    }

    /// Unreadable values at or below `pointer` (a field, or the items of a list).
    pub fn under<'a>(&'a self, pointer: &'a str) -> impl Iterator<Item = (&'a str, &'a Value)> {
        self.iter().filter(move |(p, _)| {
            p.strip_prefix(pointer)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }
}

/// The raw text shown for an unreadable value (on hover, in details), kept short.
pub fn raw_text(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        let cut: String = s.chars().take(120).collect();
        format!("{cut}…")
    } else {
        s
    }
}

/// A type that can be read from a JSON value without failing the whole reply.
pub trait Read: Sized {
    /// Reads `v`. `None` when there is nothing usable; what was there but could not be read is
    /// pushed on `bad` under `at` (a JSON pointer relative to the enclosing object).
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self>;
}

/// Reads one field of an object: the helper the `ocp_struct!` macro calls for every field.
pub fn field<T: Read>(
    map: &serde_json::Map<String, Value>,
    key: &str,
    bad: &mut Unreadable,
) -> Option<T> {
    let v = map.get(key)?;
    within(
        bad,
        || format!("/{}", escape(key)),
        |own| T::read(v, "", own),
    )
}

/// Runs `read` with pointers relative to a child, then files what it found unreadable under
/// the child's pointer: built only then, since formatting one per field of a 10,000-step task
/// cost more than reading it.
fn within<T>(
    bad: &mut Unreadable,
    child: impl FnOnce() -> String,
    read: impl FnOnce(&mut Unreadable) -> Option<T>,
) -> Option<T> {
    let mut own = Unreadable::default();
    let out = read(&mut own);
    if !own.is_empty() {
        let at = child();
        for (p, raw) in own.0 {
            bad.push(format!("{at}{p}"), raw);
        }
    }
    out
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Records `v` as unreadable at `at` (unless it is `null`, which carries nothing to show).
pub fn reject<T>(v: &Value, at: &str, bad: &mut Unreadable) -> Option<T> {
    if !v.is_null() {
        bad.push(at.to_string(), v.clone());
    }
    None
}

impl Read for String {
    /// Text as text; a number or boolean where text was expected reads as its literal
    /// (an id sent as a number is still a readable name).
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => reject(v, at, bad),
        }
    }
}

impl Read for bool {
    /// `true`/`false`, also as the strings "true"/"false"; anything else is unknown, never
    /// guessed (0/1 could mean either convention).
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self> {
        match v {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s.trim().eq_ignore_ascii_case("true") => Some(true),
            Value::String(s) if s.trim().eq_ignore_ascii_case("false") => Some(false),
            _ => reject(v, at, bad),
        }
    }
}

impl Read for Long {
    /// A number or a string of digits; `""`, fractions and values beyond i64 are unknown.
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self> {
        match v {
            Value::Null => None,
            Value::Number(_) | Value::String(_) => <Long as serde::Deserialize>::deserialize(v)
                .ok()
                .or_else(|| {
                    bad.push(at.to_string(), v.clone());
                    None
                }),
            _ => reject(v, at, bad),
        }
    }
}

impl Read for u16 {
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self> {
        let n = Long::read(v, at, bad)?;
        u16::try_from(n.0).ok().or_else(|| {
            bad.push(at.to_string(), v.clone());
            None
        })
    }
}

impl Read for Value {
    fn read(v: &Value, _at: &str, _bad: &mut Unreadable) -> Option<Self> {
        (!v.is_null()).then(|| v.clone())
    }
}

impl<T: Read> Read for Vec<T> {
    /// Each item on its own: an unreadable or `null` item is recorded as `at/index` and left out.
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self> {
        let Value::Array(items) = v else {
            return reject(v, at, bad);
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let read = within(bad, || format!("{at}/{i}"), |own| read_item(item, own));
            out.extend(read);
        }
        Some(out)
    }
}

/// Reads one item of a list, what it found unreadable pushed on `own` relative to the item: a
/// `null` or an item of no usable shape is recorded whole, since the list claims it is there.
pub fn read_item<T: Read>(item: &Value, own: &mut Unreadable) -> Option<T> {
    if item.is_null() {
        own.push(String::new(), Value::Null);
        return None;
    }
    let read = T::read(item, "", own);
    if read.is_none() && own.is_empty() {
        own.push(String::new(), item.clone());
    }
    read
}

/// Declares an OCP reply object: every field optional and read on its own ([`Read`]), the
/// unreadable ones kept in `unreadable`; written back with OCP's names, `None` omitted.
macro_rules! ocp_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(rename = $wire, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
            /// Fields that arrived but could not be read, verbatim (never written back).
            #[serde(skip)]
            pub unreadable: $crate::wire::lenient::Unreadable,
        }

        impl $name {
            /// The wire names of the fields, in the order they are read (and so in the order
            /// their unreadable values are listed).
            #[allow(dead_code)]
            pub const WIRE_NAMES: &'static [&'static str] = &[$($wire),*];
        }

        impl $crate::wire::lenient::Read for $name {
            fn read(
                v: &serde_json::Value,
                at: &str,
                bad: &mut $crate::wire::lenient::Unreadable,
            ) -> Option<Self> {
                let serde_json::Value::Object(map) = v else {
                    return $crate::wire::lenient::reject(v, at, bad);
                };
                let mut own = $crate::wire::lenient::Unreadable::default();
                Some($name {
                    $( $field: $crate::wire::lenient::field(map, $wire, &mut own), )*
                    unreadable: own,
                })
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::wire::lenient::deserialize(d, concat!("an object for ", stringify!($name)))
            }
        }
    };
}

/// `Deserialize` for a [`Read`] type (what the `ocp_struct!` and `ocp_enum!` macros generate):
/// the value is read leniently; only a value of no usable shape at all is an error, naming
/// what was `expected`.
pub fn deserialize<'de, D, T>(d: D, expected: &str) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Read,
{
    let v = <Value as serde::Deserialize>::deserialize(d)?;
    T::read(&v, "", &mut Unreadable::default()).ok_or_else(|| {
        <D::Error as serde::de::Error>::custom(format!(
            "expected {expected}, found {}",
            raw_text(&v)
        ))
    })
}

/// For serde `deserialize_with` on types that keep plain (non-`Option`) fields: the value if it
/// can be read, else the type's default (an empty text, an unknown enum value).
pub fn or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Read + Default,
{
    let v = <Value as serde::Deserialize>::deserialize(d)?;
    Ok(T::read(&v, "", &mut Unreadable::default()).unwrap_or_default())
}

/// For serde `deserialize_with` on an `Option` field: the value if it can be read, else `None`.
pub fn or_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Read,
{
    let v = <Value as serde::Deserialize>::deserialize(d)?;
    Ok(T::read(&v, "", &mut Unreadable::default()))
}

/// An item of a list that could not be read, stood in for by a value that says so (e.g. a
/// check result of unknown status), so a decision over the list can never skip it.
pub trait Placeholder {
    fn placeholder(raw: &Value) -> Self;
}

/// For serde `deserialize_with` on a list: every item read on its own; an unreadable one
/// becomes its type's placeholder. `null` or a non-list is an empty list.
pub fn items<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned + Placeholder,
{
    let v = <Value as serde::Deserialize>::deserialize(d)?;
    let Value::Array(list) = v else {
        return Ok(Vec::new());
    };
    Ok(list
        .into_iter()
        .map(|item| {
            let keep = item.clone();
            serde_json::from_value::<T>(item).unwrap_or_else(|_| T::placeholder(&keep))
        })
        .collect())
}

impl Read for i64 {
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self> {
        Long::read(v, at, bad).map(|l| l.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    ocp_struct! {
        pub struct Probe {
            name: String = "name",
            scn: Long = "syncScn",
            ok: bool = "valid",
            ids: Vec<Long> = "ids",
        }
    }

    #[test]
    fn each_field_reads_on_its_own() {
        let p: Probe = serde_json::from_value(
            json!({"name": 7, "syncScn": "", "valid": "true", "ids": [1, null, "x", "3"]}),
        )
        .unwrap();
        assert_eq!(p.name.as_deref(), Some("7"));
        assert_eq!(p.scn, None);
        assert_eq!(p.unreadable.get("/syncScn"), Some(&json!("")));
        assert_eq!(p.ok, Some(true));
        assert_eq!(p.ids, Some(vec![Long(1), Long(3)]));
        assert_eq!(p.unreadable.under("/ids").count(), 2);
        assert_eq!(p.unreadable.get("/ids/1"), Some(&Value::Null));
    }

    #[test]
    fn out_of_range_and_wrong_shapes_are_unknown_not_fatal() {
        let p: Probe = serde_json::from_value(
            json!({"syncScn": "99999999999999999999", "valid": 1, "ids": {"a": 1}, "name": [1]}),
        )
        .unwrap();
        assert_eq!(
            (p.scn, p.ok, p.ids.clone(), p.name.clone()),
            (None, None, None, None)
        );
        assert_eq!(p.unreadable.len(), 4);
        // `null` and absence carry nothing to show.
        let p: Probe = serde_json::from_value(json!({"syncScn": null})).unwrap();
        assert!(p.unreadable.is_empty());
        // Not an object at all is an error for the caller to name.
        assert!(serde_json::from_value::<Probe>(json!([1])).is_err());
    }

    #[test]
    fn written_back_without_unknowns() {
        let p = Probe {
            name: Some("a".into()),
            ..Default::default()
        };
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"name":"a"}"#);
    }

    #[test]
    fn under_matches_whole_segments() {
        let mut u = Unreadable::default();
        u.push("/ids/0".into(), Value::Null);
        u.push("/idsx".into(), Value::Null);
        assert_eq!(u.under("/ids").count(), 1);
    }
}
