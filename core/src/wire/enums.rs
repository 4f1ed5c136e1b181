//! OCP enums arrive as UPPERCASE names, but new OCP versions add values and some clients send
//! lowercase. A value we do not know is kept verbatim (and shown), never a parse failure.

/// Declares a tolerant wire enum: known variants plus `Unknown(String)`, parsed case-insensitively.
macro_rules! ocp_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $wire:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
            /// A value this console does not know yet, kept as OCP sent it.
            Unknown(String),
        }

        impl $name {
            pub fn as_wire(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Unknown(s) => s.as_str(),
                }
            }

            pub fn from_wire(s: &str) -> Self {
                $(if s.eq_ignore_ascii_case($wire) {
                    return $name::$variant;
                })*
                $name::Unknown(s.to_string())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_wire())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_wire())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::wire::lenient::deserialize(d, concat!("a ", stringify!($name), " name"))
            }
        }

        impl $crate::wire::lenient::Read for $name {
            /// A name (any case); a number is a value this console does not know, kept as sent.
            fn read(
                v: &serde_json::Value,
                at: &str,
                bad: &mut $crate::wire::lenient::Unreadable,
            ) -> Option<Self> {
                match v {
                    serde_json::Value::String(s) => Some($name::from_wire(s)),
                    serde_json::Value::Number(n) => Some($name::Unknown(n.to_string())),
                    other => $crate::wire::lenient::reject(other, at, bad),
                }
            }
        }

        /// An empty unknown value: what a field that could not be read holds.
        impl Default for $name {
            fn default() -> Self {
                $name::Unknown(String::new())
            }
        }

        impl $name {
            /// True for a value this console does not know: shown raw, never acted on.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }
    };
}
