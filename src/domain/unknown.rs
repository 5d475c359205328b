//! Fields this version of the app does not know, kept as they came.
//!
//! A newer version may add a field to the draft without a new schema number
//! (an additive change). Every struct of the stored plan, and the envelope,
//! has an `unknown: Unknown` field (`#[serde(flatten)]`) that collects the
//! fields serde does not recognise there, so the next save here writes them
//! back with the same values (after the known fields). Empty, it writes
//! nothing: drafts of this version and of every earlier one re-encode byte for
//! byte, and the final mark's fingerprint of a plan without unknown fields is
//! the one it always was.
//!
//! Pages replace whole values (the parsed profile, an edited key action), so
//! [`Carry`] puts the unknown fields of the value replaced back into the one
//! that replaces it, matched by place and, in lists, by each item's identity
//! ([`ListItem`]). `AppState::edit_plan` does it on every change of the plan.
//!
//! Values are kept as JSON values and come back equal; the keys of an object
//! inside one come back sorted (JSON objects have no order). Numbers are exact
//! because serde_json's `float_roundtrip` feature is on: without it a long or
//! extreme number (`1.6917727859083611e-59`) could be read one unit off in the
//! last place, and move again at every save.
//!
//! Why serde's flatten: a struct with a flattened field is read as a map whose
//! known fields are still deserialised in place (errors keep their position,
//! which `persistence::json_path` turns into a place name); only the unknown
//! ones are buffered. A struct that is itself flattened into another
//! ([`super::contact::Contact`] inside a commitment's team member) collects the
//! unknown fields of the whole object; the outer one has no `unknown` of its
//! own, since two flattened maps would each receive every leftover field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The fields of one JSON object that this version does not know: name → value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Unknown(BTreeMap<String, Value>);

impl Unknown {
    /// None (what every value built by this version holds).
    pub const fn new() -> Self {
        Self(BTreeMap::new())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }

    /// Names of the fields kept, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// A stored value whose unknown fields must survive being replaced by an
/// edited copy.
pub trait Carry {
    /// Takes the unknown fields of `old`, the value this one replaces, into
    /// every part of this one that has none of its own.
    fn carry_from(&mut self, old: &Self);

    /// Whether this value, or any part of it, holds fields this version does not know.
    fn holds_unknown(&self) -> bool;
}

/// An item of a list: which item of the list before a change it continues.
pub trait ListItem {
    fn same_item(&self, other: &Self) -> bool;
}

impl Carry for Unknown {
    fn carry_from(&mut self, old: &Self) {
        if self.0.is_empty() && !old.0.is_empty() {
            self.0 = old.0.clone();
        }
    }

    fn holds_unknown(&self) -> bool {
        !self.0.is_empty()
    }
}

impl<T: Carry> Carry for Option<T> {
    fn carry_from(&mut self, old: &Self) {
        if let (Some(new), Some(old)) = (self, old) {
            new.carry_from(old);
        }
    }

    fn holds_unknown(&self) -> bool {
        self.as_ref().is_some_and(Carry::holds_unknown)
    }
}

impl<T: Carry + ListItem> Carry for Vec<T> {
    fn carry_from(&mut self, old: &Self) {
        for item in self.iter_mut() {
            if let Some(before) = old.iter().find(|o| o.same_item(item)) {
                item.carry_from(before);
            }
        }
    }

    fn holds_unknown(&self) -> bool {
        self.iter().any(Carry::holds_unknown)
    }
}

/// Applies `change` to `value`, then carries the unknown fields of the parts
/// it replaced into their successors: how every edit of the plan is made
/// (`AppState::edit_plan`). The copy of the value before the change is made
/// only when it holds unknown fields.
pub fn edit_keeping_unknown<T: Carry + Clone, R>(
    value: &mut T,
    change: impl FnOnce(&mut T) -> R,
) -> R {
    let before = snapshot(value);
    let result = change(value);
    carry_back(value, before);
    result
}

// Out of line: `edit_keeping_unknown` is instantiated for every page's change,
// these two only once per edited type.
#[inline(never)]
fn snapshot<T: Carry + Clone>(value: &T) -> Option<T> {
    value.holds_unknown().then(|| value.clone())
}

#[inline(never)]
fn carry_back<T: Carry>(value: &mut T, before: Option<T>) {
    if let Some(before) = before {
        value.carry_from(&before);
    }
}

/// Implements [`Carry`] for a struct with an `unknown` field: that field, and
/// each listed field (the ones that hold stored structs, directly or in an
/// `Option` or a `Vec`).
macro_rules! carry_fields {
    ($ty:ty $(, $field:ident)* $(,)?) => {
        impl $crate::domain::unknown::Carry for $ty {
            fn carry_from(&mut self, old: &Self) {
                $crate::domain::unknown::Carry::carry_from(&mut self.unknown, &old.unknown);
                $($crate::domain::unknown::Carry::carry_from(&mut self.$field, &old.$field);)*
            }

            fn holds_unknown(&self) -> bool {
                $crate::domain::unknown::Carry::holds_unknown(&self.unknown)
                    $(|| $crate::domain::unknown::Carry::holds_unknown(&self.$field))*
            }
        }
    };
}
pub(crate) use carry_fields;

/// Implements [`ListItem`] for items identified by one field.
macro_rules! list_item_by {
    ($ty:ty, $field:ident) => {
        impl $crate::domain::unknown::ListItem for $ty {
            fn same_item(&self, other: &Self) -> bool {
                self.$field == other.$field
            }
        }
    };
}
pub(crate) use list_item_by;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Item {
        id: u32,
        #[serde(flatten)]
        unknown: Unknown,
    }
    carry_fields!(Item);
    list_item_by!(Item, id);

    fn item(id: u32, json: &str) -> Item {
        let mut value: Value = serde_json::from_str(json).expect("test JSON");
        value["id"] = id.into();
        serde_json::from_value(value).expect("an item")
    }

    #[test]
    fn unknown_fields_are_collected_and_written_back() {
        let it = item(1, r#"{"nuevo": {"a": [1, 2.5, null]}, "otro": "x"}"#);
        assert_eq!(it.unknown.names().collect::<Vec<_>>(), ["nuevo", "otro"]);
        let back: Value = serde_json::to_value(&it).expect("serialises");
        assert_eq!(
            back,
            serde_json::json!({"id": 1, "nuevo": {"a": [1, 2.5, null]}, "otro": "x"})
        );
        assert_eq!(
            serde_json::to_string(&item(2, "{}")).expect("serialises"),
            r#"{"id":2}"#
        );
    }

    #[test]
    fn a_replaced_list_item_keeps_the_unknown_fields_of_the_same_item() {
        let old = vec![item(1, r#"{"a": 1}"#), item(2, r#"{"b": 2}"#)];
        // Reordered, item 2 edited (fresh, without unknown fields), item 3 new.
        let mut new = vec![item(2, "{}"), item(1, r#"{"a": 1}"#), item(3, "{}")];
        assert!(!new[0].holds_unknown());
        new.carry_from(&old);
        assert_eq!(new[0].unknown.get("b"), Some(&Value::from(2)));
        assert_eq!(new[1].unknown.get("a"), Some(&Value::from(1)));
        assert!(!new[2].holds_unknown());
        assert!(new.holds_unknown());
    }

    #[test]
    fn own_unknown_fields_win_over_the_old_ones() {
        let mut new = Some(item(1, r#"{"a": 5}"#));
        new.carry_from(&Some(item(1, r#"{"a": 1, "b": 2}"#)));
        assert_eq!(new, Some(item(1, r#"{"a": 5}"#)));
        let mut none: Option<Item> = None;
        none.carry_from(&Some(item(1, r#"{"a": 1}"#)));
        assert!(!none.holds_unknown());
    }
}
