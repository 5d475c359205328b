//! Closed lists of choices (sector, meeting cadence, decision…): each value has a
//! stable key used in forms and stored drafts. Spanish labels live in
//! [`crate::labels`].

use serde::{Deserialize, Serialize};

use super::error::{Field, FieldError, Problem};

/// Declares a choice enum whose variants serialise as their keys.
macro_rules! choices {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $key:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $key)] $variant,)*
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// Stable key, used in forms and stored drafts.
            pub const fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)*
                }
            }
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key.trim())
            }
        }
        impl $crate::domain::choice::Keyed for $name {
            fn key(self) -> &'static str {
                $name::key(self)
            }
        }
    };
}

/// A value of a closed list of choices, with its stable key.
pub trait Keyed: Copy + 'static {
    /// Stable key, used in forms and stored drafts.
    fn key(self) -> &'static str;
}

/// Parses a required choice: `Missing` when empty, `UnknownChoice` when not a key.
pub(crate) fn required_choice<T>(
    raw: &str,
    field: Field,
    from_key: impl Fn(&str) -> Option<T>,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    if raw.trim().is_empty() {
        errors.push(FieldError::new(field, Problem::Missing));
        return None;
    }
    let v = from_key(raw);
    if v.is_none() {
        errors.push(FieldError::new(field, Problem::UnknownChoice));
    }
    v
}

/// Parses an optional choice: `None` when empty.
pub(crate) fn optional_choice<T>(
    raw: &str,
    field: Field,
    from_key: impl Fn(&str) -> Option<T>,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    if raw.trim().is_empty() {
        return None;
    }
    required_choice(raw, field, from_key, errors)
}

/// Parses a set of choices typed as comma-separated keys ("digital,presencial"),
/// in declaration order and without repeats.
pub(crate) fn choice_set<T: Copy + Ord>(
    raw: &str,
    field: Field,
    all: &[T],
    from_key: impl Fn(&str) -> Option<T>,
    errors: &mut Vec<FieldError>,
) -> Vec<T> {
    let mut unknown = false;
    let mut chosen: Vec<T> = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match from_key(part) {
            Some(v) => chosen.push(v),
            None => unknown = true,
        }
    }
    if unknown {
        errors.push(FieldError::new(field, Problem::UnknownChoice));
    }
    all.iter().copied().filter(|v| chosen.contains(v)).collect()
}

/// Joins choice keys the way forms hold them.
pub fn join_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> String {
    keys.into_iter().collect::<Vec<_>>().join(",")
}

/// A stable id for an item of a list (a member, a problem, a key action…). It
/// never changes when items are reordered, so addresses stay valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub u32);

/// An id not used by any of `ids`.
pub fn next_id(ids: impl Iterator<Item = ItemId>) -> ItemId {
    ItemId(ids.map(|i| i.0).max().map_or(1, |m| m.saturating_add(1)))
}

pub(crate) use choices;

/// An item of a list that carries a stable [`ItemId`].
pub trait Identified {
    fn item_id(&self) -> ItemId;
}

/// Replaces the item with the same id, or appends it (saving an item's page).
pub fn upsert<T: Identified>(list: &mut Vec<T>, item: T) {
    match list.iter_mut().find(|x| x.item_id() == item.item_id()) {
        Some(slot) => *slot = item,
        None => list.push(item),
    }
}

/// Removes the item with `id` (deleting an item from its list); returns whether
/// it was there.
pub fn remove_item<T: Identified>(list: &mut Vec<T>, id: ItemId) -> bool {
    let before = list.len();
    list.retain(|x| x.item_id() != id);
    list.len() != before
}

/// Implements [`Identified`] for types with an `id: ItemId` field.
macro_rules! identified {
    ($($t:ty),*) => {
        $(impl $crate::domain::choice::Identified for $t {
            fn item_id(&self) -> $crate::domain::choice::ItemId {
                self.id
            }
        })*
    };
}
pub(crate) use identified;
