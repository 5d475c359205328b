//! The set of plans as kept in the browser (pure).
//!
//! Now: one record per plan ([`encode_record`], [`decode_records`]), which
//! the page keeps in IndexedDB under the plan's key, so adding files writes
//! only the new plans and «Quitar» deletes one record:
//!
//! ```json
//! {"order": 1765036800000001, "file": "jalisco.pdf", "plan": { …the plan… }}
//! ```
//!
//! Before: one JSON text under one localStorage key, which a few hundred
//! plans outgrow ([`encode`], [`decode`]; still read, to move such a set):
//!
//! ```json
//! {"format": "plan-local-gobierno-abierto/articulacion", "version": 1,
//!  "plans": [{"file": "jalisco.pdf", "plan": { …the plan… }}, …]}
//! ```
//!
//! Each plan is read on its own: one that this version cannot read (damaged
//! by hand, or written by a version whose plans changed shape) is counted and
//! left out, and the others come back. The key and fingerprint are worked
//! out again from the plan, so they always agree with it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{LoadedPlan, PlanSet};
use crate::domain::plan::Plan;

/// Marks the stored text, so another program's value is recognised.
pub const FORMAT: &str = "plan-local-gobierno-abierto/articulacion";
/// The version of the stored text this version writes.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct StoredRef<'a> {
    format: &'static str,
    version: u32,
    plans: Vec<EntryRef<'a>>,
}

#[derive(Serialize)]
struct EntryRef<'a> {
    file: &'a str,
    plan: &'a Plan,
}

#[derive(Deserialize)]
struct Stored {
    format: String,
    version: u32,
    #[serde(default)]
    plans: Vec<Value>,
}

#[derive(Deserialize)]
struct Entry {
    file: String,
    plan: Plan,
}

/// The set as stored text.
pub fn encode(set: &PlanSet) -> String {
    let stored = StoredRef {
        format: FORMAT,
        version: VERSION,
        plans: set
            .plans()
            .iter()
            .map(|p| EntryRef {
                file: &p.file_name,
                plan: &p.plan,
            })
            .collect(),
    };
    // Plans serialise without fail (string keys, no floats).
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Why stored text gave no set at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredError {
    #[error("not the stored set of plans")]
    NotASet,
    #[error("stored by a newer version ({found})")]
    Newer { found: u32 },
}

/// What came back from stored text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restored {
    pub set: PlanSet,
    /// Plans that could not be read back (left out).
    pub unreadable: usize,
}

/// Reads stored text back into a set.
pub fn decode(text: &str) -> Result<Restored, StoredError> {
    let stored: Stored = serde_json::from_str(text).map_err(|_| StoredError::NotASet)?;
    if stored.format != FORMAT {
        return Err(StoredError::NotASet);
    }
    if stored.version > VERSION {
        return Err(StoredError::Newer {
            found: stored.version,
        });
    }
    let mut restored = Restored::default();
    for value in stored.plans {
        match serde_json::from_value::<Entry>(value) {
            Ok(e) => {
                // A duplicate cannot be stored by this version; if the text
                // holds one anyway, the first stays.
                restored.set.add(LoadedPlan::new(e.file, e.plan));
            }
            Err(_) => restored.unreadable += 1,
        }
    }
    Ok(restored)
}

/// One plan as its own record (the browser's IndexedDB keeps one record per
/// plan, so adding files writes only them and «Quitar» deletes one):
/// `{"order": 1733500000000001, "file": "jalisco.pdf", "plan": { … }}`.
/// `order`: where it goes in the set (records come back sorted by it).
#[derive(Serialize)]
struct RecordRef<'a> {
    order: u64,
    file: &'a str,
    plan: &'a Plan,
}

#[derive(Deserialize)]
struct Record {
    order: u64,
    file: String,
    plan: Plan,
}

/// The record of one plan of the set; `order`: its place (see [`RecordRef`]).
pub fn encode_record(order: u64, loaded: &LoadedPlan) -> String {
    // Plans serialise without fail (string keys, no floats).
    serde_json::to_string(&RecordRef {
        order,
        file: &loaded.file_name,
        plan: &loaded.plan,
    })
    .unwrap_or_default()
}

/// The set from its records, in any order: sorted by their `order`; a record
/// this version cannot read is counted and left out, the others come back.
pub fn decode_records<I, S>(records: I) -> Restored
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut restored = Restored::default();
    let mut read: Vec<Record> = Vec::new();
    for text in records {
        match serde_json::from_str::<Record>(text.as_ref()) {
            Ok(r) => read.push(r),
            Err(_) => restored.unreadable += 1,
        }
    }
    read.sort_by_key(|r| r.order);
    for r in read {
        restored.set.add(LoadedPlan::new(r.file, r.plan));
    }
    restored
}
