//! OCP's Java `Long`: its JSON mapper writes values outside ±(2^53−1) as strings (SCNs do this),
//! so the client accepts a number or a string, and the mock writes what OCP would.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Largest integer a JavaScript number holds exactly; beyond it OCP writes a string.
pub const MAX_SAFE: i64 = (1 << 53) - 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Long(pub i64);

impl Long {
    pub fn get(self) -> i64 {
        self.0
    }
}

impl From<i64> for Long {
    fn from(v: i64) -> Self {
        Long(v)
    }
}

impl fmt::Display for Long {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Long {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if (-MAX_SAFE..=MAX_SAFE).contains(&self.0) {
            s.serialize_i64(self.0)
        } else {
            s.serialize_str(&self.0.to_string())
        }
    }
}

impl<'de> Deserialize<'de> for Long {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Long;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an integer, as a JSON number or a string of digits")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Long, E> {
                Ok(Long(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Long, E> {
                i64::try_from(v)
                    .map(Long)
                    .map_err(|_| E::custom(format!("integer {v} is out of range")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Long, E> {
                if v.fract() == 0.0 && v.abs() < 9.2e18 {
                    Ok(Long(v as i64))
                } else {
                    Err(E::custom(format!("{v} is not an integer")))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Long, E> {
                v.trim()
                    .parse::<i64>()
                    .map(Long)
                    .map_err(|_| E::custom(format!("\"{v}\" is not an integer")))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_number_or_string() {
        let a: Long = serde_json::from_str("2000025").unwrap();
        let b: Long = serde_json::from_str("\"1721726455929000000\"").unwrap();
        assert_eq!(a, Long(2000025));
        assert_eq!(b, Long(1_721_726_455_929_000_000));
        assert!(serde_json::from_str::<Long>("\"12ab\"").is_err());
        assert!(serde_json::from_str::<Long>("1.5").is_err());
    }

    #[test]
    fn writes_big_values_as_strings_like_ocp() {
        assert_eq!(serde_json::to_string(&Long(42)).unwrap(), "42");
        assert_eq!(
            serde_json::to_string(&Long(1_721_726_455_929_000_000)).unwrap(),
            "\"1721726455929000000\""
        );
        assert_eq!(
            serde_json::to_string(&Long(MAX_SAFE)).unwrap(),
            MAX_SAFE.to_string()
        );
    }
}
