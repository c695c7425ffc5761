//! What the generated models share: explicit `null` kept apart from an absent field, so a value
//! read and written back comes out as it went in.

use serde::{Deserialize, Deserializer, Serialize};

/// A field the spec allows to be `null`. In an `Option<Nullable<T>>`, `None` is an absent field
/// and `Some(Nullable::Null)` an explicit `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Nullable<T> {
    /// An explicit `null`.
    Null,
    /// A value.
    Value(T),
}

/// `deserialize_with` for `Option<Nullable<T>>` fields: called only when the field is present,
/// so `null` becomes `Some(Nullable::Null)` instead of serde's `None`.
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<Nullable<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Nullable::deserialize(deserializer).map(Some)
}
