//! Reading an internally tagged enum (`{"type": "…", …fields}`) in one pass. serde's derive for
//! one buffers the object and reads it again for its variant, a copy of every variant's
//! reader for each input type; for the walkthrough's `Action` and the embed's messages that
//! was 16 kB of the page's wasm each. Here each field is read as the field of that name is in
//! every variant, then the fields are checked against those the `type` takes.
//!
//! The errors are the derive's (`unknown variant`, `missing field`, `unknown field`,
//! `duplicate field`), found in the same order, and placed as it places them. Two differ: a value
//! of the wrong kind is placed at itself rather than where the object's reader is, and an
//! array is not read as the variant's fields in order.

use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer;
use std::fmt;
use std::marker::PhantomData;

/// An enum read by [`deserialize`]: its variants by `type`, and every field any of them has.
pub trait Tagged: Sized {
    /// What the fields held, as read, before the `type` is known.
    type Fields: Default;
    /// The `type` of each variant, in declaration order.
    const TYPES: &'static [&'static str];
    /// Every field of every variant.
    const NAMES: &'static [&'static str];
    /// The name the derive gives the enum in "expected" messages.
    const EXPECTING: &'static str;
    /// The fields the variant of type `t` (one of [`Tagged::TYPES`]) takes, in declaration
    /// order.
    fn fields(t: &str) -> &'static [&'static str];
    /// Reads the value of the field `name` (one of [`Tagged::NAMES`]) into `fields`.
    fn read<'de, A: MapAccess<'de>>(
        fields: &mut Self::Fields,
        name: &str,
        map: &mut A,
    ) -> Result<(), A::Error>;
    /// The variant of type `t` from what was read, or the first field it needs that is missing.
    fn build<E: Error>(fields: Self::Fields, t: &str) -> Result<Self, E>;
}

/// Where `T`'s tables disagree: a field a type takes that is not among [`Tagged::NAMES`], or
/// one there that no type takes. For each implementation's tests.
pub fn mismatch<T: Tagged>() -> Option<String> {
    for t in T::TYPES {
        if let Some(f) = T::fields(t).iter().find(|f| !T::NAMES.contains(f)) {
            return Some(format!("type {t} takes {f}, which is not in NAMES"));
        }
    }
    T::NAMES
        .iter()
        .find(|n| !T::TYPES.iter().any(|t| T::fields(t).contains(n)))
        .map(|n| format!("no type takes {n}"))
}

/// Reads a `T` as serde's `#[serde(tag = "type", deny_unknown_fields)]` derive reads it.
pub fn deserialize<'de, T: Tagged, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    let read = d.deserialize_any(TaggedVisitor::<T>(PhantomData))?;
    // Checked once the object is read, as the derive checks its buffered copy: an error
    // raised here has no place of its own, and the reader places it where the derive's is.
    check::<T, D::Error>(&read.keys, read.t)?;
    T::build(read.fields, read.t)
}

/// An object read: its `type` (one of [`Tagged::TYPES`]), its fields, and its keys in the
/// order they came (a field of [`Tagged::NAMES`] by index, or another name).
struct Read<T: Tagged> {
    t: &'static str,
    fields: T::Fields,
    keys: Vec<Result<usize, String>>,
}

/// A required field: its value, or `missing field`.
pub fn need<T, E: Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = Read<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "internally tagged enum {}", T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Read<T>, A::Error> {
        let mut t: Option<&'static str> = None;
        let mut fields = T::Fields::default();
        let mut keys: Vec<Result<usize, String>> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == "type" {
                if t.is_some() {
                    return Err(A::Error::duplicate_field("type"));
                }
                t = Some(map.next_value_seed(TypeSeed(T::TYPES))?);
                continue;
            }
            match T::NAMES.iter().position(|n| *n == key) {
                // A field the type, when known already, does not take is refused below, as
                // the derive refuses it, whatever its value.
                Some(i) if t.is_none_or(|t| T::fields(t).contains(&key.as_str())) => {
                    T::read(&mut fields, &key, &mut map)?;
                    keys.push(Ok(i));
                }
                found => {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(found.ok_or(key));
                }
            }
        }
        let t = t.ok_or_else(|| A::Error::missing_field("type"))?;
        Ok(Read { t, fields, keys })
    }
}

/// The first key variant `t` does not take, or takes once and was given twice.
fn check<T: Tagged, E: Error>(keys: &[Result<usize, String>], t: &str) -> Result<(), E> {
    let fields = T::fields(t);
    let mut seen = 0u64;
    for key in keys {
        let name = match key {
            Ok(i) => T::NAMES.get(*i).copied().unwrap_or_default(),
            Err(other) => other.as_str(),
        };
        if !fields.contains(&name) {
            return Err(E::unknown_field(name, fields));
        }
        if let Ok(i) = key {
            let bit = 1u64.checked_shl(*i as u32).unwrap_or(0);
            if seen & bit != 0 {
                return Err(E::duplicate_field(
                    T::NAMES.get(*i).copied().unwrap_or_default(),
                ));
            }
            seen |= bit;
        }
    }
    Ok(())
}

/// The `type`, as the derive reads a variant identifier.
struct TypeSeed(&'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for TypeSeed {
    type Value = &'static str;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<&'static str, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for TypeSeed {
    type Value = &'static str;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<&'static str, E> {
        self.0
            .iter()
            .find(|t| **t == v)
            .copied()
            .ok_or_else(|| E::unknown_variant(v, self.0))
    }

    fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<&'static str, E> {
        self.visit_str(&String::from_utf8_lossy(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tables that disagree: `b` takes `y`, which is not among the names, and `z` is taken by
    /// no type.
    #[derive(Debug)]
    struct Bad;

    impl Tagged for Bad {
        type Fields = ();
        const TYPES: &'static [&'static str] = &["a", "b"];
        const NAMES: &'static [&'static str] = &["x", "z"];
        const EXPECTING: &'static str = "Bad";

        fn fields(t: &str) -> &'static [&'static str] {
            match t {
                "a" => &["x"],
                _ => &["y"],
            }
        }

        fn read<'de, A: MapAccess<'de>>(_: &mut (), _: &str, map: &mut A) -> Result<(), A::Error> {
            map.next_value::<IgnoredAny>().map(|_| ())
        }

        fn build<E: Error>(_: (), _: &str) -> Result<Bad, E> {
            Ok(Bad)
        }
    }

    #[test]
    fn tables_that_disagree_are_found() {
        assert_eq!(
            mismatch::<Bad>().as_deref(),
            Some("type b takes y, which is not in NAMES")
        );
    }
}
