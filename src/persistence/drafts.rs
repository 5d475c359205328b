//! Several drafts in one browser (pure): the index of drafts, one storage key
//! per draft, and the steps that keep every draft whole.
//!
//! The layout, in any [`KeyValue`] store (the browser's localStorage; a
//! [`MemoryStore`] when storage is disabled, and in native tests):
//!
//! | key | holds |
//! |---|---|
//! | `plan-local-ga/borradores` | the [`DraftIndex`]: which drafts exist, which one was opened last |
//! | `plan-local-ga/borrador/<id>` | one draft's [`Envelope`] |
//! | `plan-local-ga/danado/<what>-<time>` | a draft or an index that could not be read, kept as found |
//! | `plan-local-ga/borrador` | the single draft of earlier versions: moved into the list, then removed |
//!
//! The rules, each with a native test in `tests/drafts.rs`:
//! - **A write never leaves a half-written draft.** A draft is written to its
//!   own key, read back and compared, and only then recorded in the index. A
//!   browser writes one key whole or not at all (a full storage refuses the
//!   write and keeps the old value); if the text read back differs, the previous
//!   text is put back. When anything fails, the index still describes the last
//!   good version.
//! - **The index is only a table of contents.** Every draft key found is
//!   listed, and a listed draft whose key is gone is dropped ([`DraftIndex::reconcile`]).
//!   So a damaged index loses no draft: its text is kept aside like an
//!   unreadable draft, and the index is rebuilt from the keys.
//! - **Ids are never reused while a draft exists**: [`DraftIndex::allocate`]
//!   steps past every id listed, every id found in storage, and every id given
//!   before (`next_id` only grows), so an old tab never saves over another draft.
//! - **The draft of earlier versions moves without loss** ([`open`]): it is
//!   copied to a draft key and verified, then the index is switched, and only
//!   then is the old key removed. Stopped at any step, the next start finishes
//!   the move without making a second copy.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use super::envelope::{decode, DecodeError, Envelope};
use super::pieces::{self, Partial, Written};
use crate::domain::error::required_text;
use crate::domain::{FieldError, Named, Plan};

/// Prefix of every key this app writes.
pub const KEY_PREFIX: &str = "plan-local-ga/";
/// Key of the index of drafts.
pub const INDEX_KEY: &str = "plan-local-ga/borradores";
/// Prefix of each draft's key; the draft's id follows.
pub const DRAFT_PREFIX: &str = "plan-local-ga/borrador/";
/// Key of the single draft written by versions before several drafts existed.
pub const LEGACY_KEY: &str = "plan-local-ga/borrador";
/// Prefix of the copies of drafts (or of an index) that could not be read.
pub const QUARANTINE_PREFIX: &str = "plan-local-ga/danado/";
/// Marks the index, so another program's value under the key is recognised.
pub const INDEX_FORMAT: &str = "plan-local-gobierno-abierto/borradores";
/// The index format written by this version.
pub const INDEX_VERSION: u32 = 1;
/// Longest name of a draft, in characters.
pub const MAX_NAME: usize = 150;
/// Largest index accepted (a thousand drafts take about 250 KB).
pub const MAX_INDEX_BYTES: usize = 1024 * 1024;

/// A draft's number in this browser; it names the draft's storage key and
/// address (`/borradores/3/nombre`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DraftId(pub u32);

impl DraftId {
    /// The draft's storage key, `plan-local-ga/borrador/<id>`.
    pub fn key(self) -> String {
        format!("{DRAFT_PREFIX}{}", self.0)
    }

    /// The id of a draft key; `None` for every other key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::parse(key.strip_prefix(DRAFT_PREFIX)?)
    }

    /// An id as written in a key or an address: a number from 1, written
    /// without sign or leading zeros (so each id has exactly one key).
    pub fn parse(text: &str) -> Option<Self> {
        let canonical = !text.is_empty()
            && text.len() <= 10
            && text.bytes().all(|b| b.is_ascii_digit())
            && !text.starts_with('0');
        if canonical {
            text.parse::<u32>().ok().map(DraftId)
        } else {
            None
        }
    }
}

impl fmt::Display for DraftId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What "Mis borradores" shows of a draft, without reading the draft itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftEntry {
    pub id: DraftId,
    /// The draft's own name, else its plan's name; empty when it has neither.
    pub name: String,
    /// "Municipio de Querétaro", once the profile is saved.
    #[serde(default)]
    pub jurisdiction: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub saved_at: OffsetDateTime,
    /// Bytes of the stored text.
    pub size: u64,
    /// The stored text cannot be read as a draft (opening it keeps a copy aside).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub damaged: bool,
}

impl DraftEntry {
    /// The entry of a draft whose stored text has `size` bytes.
    pub fn describe(id: DraftId, envelope: &Envelope, size: usize) -> Self {
        Self {
            id,
            name: draft_name(envelope),
            jurisdiction: envelope
                .plan
                .profile
                .as_ref()
                .map(crate::labels::entity_name),
            saved_at: envelope.saved_at,
            size: size as u64,
            damaged: false,
        }
    }

    /// The entry of a stored text, readable or not (`now` stands in for the
    /// save time of a text that cannot be read).
    pub fn from_stored(store: &impl KeyValue, id: DraftId, raw: &str, now: OffsetDateTime) -> Self {
        match pieces::whole_text(store, id, raw).map(|text| (decode(&text), text.len())) {
            Ok((Ok(envelope), bytes)) => Self::describe(id, &envelope, bytes),
            Ok((Err(_), _)) | Err(_) => Self {
                id,
                name: String::new(),
                jurisdiction: None,
                saved_at: now,
                size: raw.len() as u64,
                damaged: true,
            },
        }
    }

    /// The name to show: the entry's, or "Borrador sin nombre".
    pub fn shown_name(&self) -> &str {
        shown(&self.name)
    }
}

fn shown(name: &str) -> &str {
    if name.trim().is_empty() {
        crate::labels::UNNAMED_DRAFT
    } else {
        name.trim()
    }
}

/// A draft's name: its own, else its plan's; empty when it has neither.
pub fn draft_name(envelope: &Envelope) -> String {
    name_of(envelope.name.as_deref(), &envelope.plan)
}

/// A draft's name from its own name (if any) and its plan.
pub fn name_of(own: Option<&str>, plan: &Plan) -> String {
    let own = own.map(str::trim);
    let planned = plan.profile.as_ref().map(|p| p.plan_name.trim());
    own.filter(|n| !n.is_empty())
        .or(planned.filter(|n| !n.is_empty()))
        .unwrap_or("")
        .to_owned()
}

/// The name to show for a draft: [`draft_name`], or "Borrador sin nombre".
pub fn shown_name(envelope: &Envelope) -> String {
    shown(&draft_name(envelope)).to_owned()
}

/// The name to show for a draft's name: itself, or "Borrador sin nombre".
pub fn shown_or_unnamed(name: &str) -> String {
    shown(name).to_owned()
}

/// The table of contents of the drafts in one browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftIndex {
    pub format: String,
    pub version: u32,
    /// The draft opened last: what a new tab opens.
    #[serde(default)]
    pub current: Option<DraftId>,
    /// The id the next new draft gets at least. It only grows, so the id of a
    /// deleted draft is not given again.
    #[serde(default)]
    pub next_id: u32,
    /// By id.
    #[serde(default)]
    pub drafts: Vec<DraftEntry>,
}

impl Default for DraftIndex {
    fn default() -> Self {
        Self::new()
    }
}

impl DraftIndex {
    /// An index without drafts.
    pub fn new() -> Self {
        Self {
            format: INDEX_FORMAT.to_owned(),
            version: INDEX_VERSION,
            current: None,
            next_id: 1,
            drafts: Vec::new(),
        }
    }

    pub fn get(&self, id: DraftId) -> Option<&DraftEntry> {
        self.drafts.iter().find(|d| d.id == id)
    }

    pub fn contains(&self, id: DraftId) -> bool {
        self.get(id).is_some()
    }

    /// The id the next new draft will get, without taking it.
    pub fn peek_id(&self) -> DraftId {
        let past_listed = self
            .drafts
            .iter()
            .map(|d| d.id.0)
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        DraftId(self.next_id.max(past_listed).max(1))
    }

    /// Takes a new id: past every id listed and every id given before.
    pub fn allocate(&mut self) -> DraftId {
        let id = self.peek_id();
        self.next_id = id.0.saturating_add(1);
        id
    }

    /// Adds a draft's entry, or replaces the entry with the same id.
    pub fn upsert(&mut self, entry: DraftEntry) {
        self.next_id = self.next_id.max(entry.id.0.saturating_add(1));
        match self.drafts.binary_search_by_key(&entry.id, |d| d.id) {
            Ok(i) => self.drafts[i] = entry,
            Err(i) => self.drafts.insert(i, entry),
        }
    }

    /// Removes a draft's entry (and forgets it as the current one).
    pub fn remove(&mut self, id: DraftId) -> Option<DraftEntry> {
        if self.current == Some(id) {
            self.current = None;
        }
        let i = self.drafts.iter().position(|d| d.id == id)?;
        Some(self.drafts.remove(i))
    }

    /// The drafts, most recently saved first.
    pub fn by_recency(&self) -> Vec<&DraftEntry> {
        let mut list: Vec<&DraftEntry> = self.drafts.iter().collect();
        list.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(b.id.cmp(&a.id)));
        list
    }

    /// The most recently saved draft.
    pub fn most_recent(&self) -> Option<DraftId> {
        self.by_recency().first().map(|d| d.id)
    }

    /// Which draft a tab opens: the one it had open (kept across reloads), else
    /// the one opened last in this browser, else the most recently saved; `None`
    /// when there is no draft yet.
    pub fn choose_open(&self, tab: Option<DraftId>) -> Option<DraftId> {
        tab.filter(|id| self.contains(*id))
            .or(self.current.filter(|id| self.contains(*id)))
            .or_else(|| self.most_recent())
    }

    /// The names shown in the list (for naming a copy).
    pub fn shown_names(&self) -> Vec<&str> {
        self.drafts.iter().map(DraftEntry::shown_name).collect()
    }

    /// Makes the index agree with the draft keys `found` in storage: a draft
    /// key that is not listed is added (`describe` reads it), and a listed
    /// draft whose key is gone is dropped. Returns whether anything changed.
    pub fn reconcile(
        &mut self,
        found: &[DraftId],
        mut describe: impl FnMut(DraftId) -> DraftEntry,
    ) -> bool {
        let before = self.drafts.len();
        self.drafts.retain(|d| found.contains(&d.id));
        let mut changed = self.drafts.len() != before;
        for id in found {
            if !self.contains(*id) {
                self.upsert(describe(*id));
                changed = true;
            }
        }
        if self.current.is_some_and(|id| !self.contains(id)) {
            self.current = None;
            changed = true;
        }
        let next = self.peek_id().0;
        if self.next_id != next {
            self.next_id = next;
            changed = true;
        }
        changed
    }
}

/// Why a stored index could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    #[error("the index has {bytes} bytes, more than {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("the index is not JSON")]
    NotJson,
    #[error("not an index of drafts")]
    NotAnIndex,
    #[error("index written by a newer version ({found})")]
    FromNewerVersion { found: u64 },
    #[error("a value of the index does not fit at {path}")]
    Invalid { path: String },
}

/// The index as stored (compact JSON: it is rewritten on every save).
pub fn encode_index(index: &DraftIndex) -> String {
    // Our own types always serialise: no maps with non-string keys, no floats.
    serde_json::to_string(index).expect("an index always serialises")
}

/// Reads a stored index. Duplicate ids keep their first entry; a current draft
/// that is not listed is forgotten.
pub fn decode_index(text: &str) -> Result<DraftIndex, IndexError> {
    if text.len() > MAX_INDEX_BYTES {
        return Err(IndexError::TooLarge {
            bytes: text.len(),
            max: MAX_INDEX_BYTES,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|_| IndexError::NotJson)?;
    let Value::Object(ref map) = value else {
        return Err(IndexError::NotAnIndex);
    };
    if map.get("format").and_then(Value::as_str) != Some(INDEX_FORMAT) {
        return Err(IndexError::NotAnIndex);
    }
    match map.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(INDEX_VERSION) => {
            return Err(IndexError::FromNewerVersion { found: v })
        }
        Some(v) if v >= 1 => {}
        _ => return Err(IndexError::NotAnIndex),
    }
    let mut index: DraftIndex =
        super::json_path::from_value(&value).map_err(|e| IndexError::Invalid { path: e.path })?;
    let mut seen = std::collections::BTreeSet::new();
    index.drafts.retain(|d| seen.insert(d.id));
    index.drafts.sort_by_key(|d| d.id);
    if index.current.is_some_and(|id| !index.contains(id)) {
        index.current = None;
    }
    index.next_id = index.peek_id().0;
    Ok(index)
}

/// The name of a copy: "Copia de X"; when that is taken, "Copia de X (2)",
/// "(3)"… A copy of a copy is numbered rather than called "Copia de Copia de X".
pub fn copy_name(name: &str, taken: &[&str]) -> String {
    let name = shown(name);
    let root = if name.starts_with("Copia de ") {
        strip_number(name).to_owned()
    } else {
        format!("Copia de {name}")
    };
    free_name(&root, taken, String::new(), |n| format!(" ({n})"))
}

/// `root` with `first` after it or, when that is taken (letter case and
/// surrounding spaces aside), with `nth(2)`, `nth(3)`…: the first name not
/// in `taken`, the root cut to fit the longest name a draft may have.
pub fn free_name(root: &str, taken: &[&str], first: String, nth: impl Fn(u32) -> String) -> String {
    let is_taken = |candidate: &str| {
        taken
            .iter()
            .any(|t| t.trim().to_lowercase() == candidate.to_lowercase())
    };
    let fit = |suffix: &str| {
        let room = MAX_NAME.saturating_sub(suffix.chars().count());
        let cut: String = root.chars().take(room).collect();
        format!("{}{suffix}", cut.trim_end())
    };
    let first = fit(&first);
    if !is_taken(&first) {
        return first;
    }
    (2u32..)
        .map(|n| fit(&nth(n)))
        .find(|candidate| !is_taken(candidate))
        .unwrap_or(first)
}

/// "Copia de X (3)" → "Copia de X".
fn strip_number(name: &str) -> &str {
    let Some(open) = name.rfind(" (") else {
        return name;
    };
    let inner = name[open + 2..].strip_suffix(')');
    match inner {
        Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => &name[..open],
        _ => name,
    }
}

/// Reads the name typed on "Cambiar el nombre": trimmed, present, at most
/// [`MAX_NAME`] characters.
pub fn parse_name(raw: &str) -> Result<String, Vec<FieldError>> {
    let mut errors = Vec::new();
    match required_text(raw, Named::DraftName.into(), MAX_NAME, &mut errors) {
        Some(name) if errors.is_empty() => Ok(name),
        _ => Err(errors),
    }
}

/// Why a write to storage failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("browser storage is disabled or unavailable")]
    Unavailable,
    #[error("browser storage is full")]
    QuotaExceeded,
    #[error("the text was written but did not read back the same")]
    NotVerified,
    #[error("browser storage failed: {0}")]
    Other(String),
}

/// A store of texts by key: the browser's localStorage, or memory.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Writes the whole value or, on failure, leaves the old one.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;

    /// The value's first `chars` characters (all of it when shorter). A store
    /// whose values live outside Rust (the browser's) copies only those.
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StorageError> {
        Ok(self.get(key)?.map(|v| v.chars().take(chars).collect()))
    }

    /// Writes `text` under `key`, reads it back, and on any difference puts
    /// back what was there before ([`StorageError::NotVerified`]). A store
    /// whose values live outside Rust compares them there, without copying a
    /// draft back into Rust twice on every save.
    fn set_verified(&mut self, key: &str, text: &str) -> Result<(), StorageError> {
        let previous = self.get(key)?;
        self.set(key, text)?;
        match self.get(key) {
            Ok(Some(back)) if back == text => Ok(()),
            _ => {
                let _ = match previous {
                    Some(old) => self.set(key, &old),
                    None => self.remove(key),
                };
                Err(StorageError::NotVerified)
            }
        }
    }
}

/// A store in memory, with an optional quota like a browser's: used when the
/// browser's storage is disabled, and by the native tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryStore {
    pub items: BTreeMap<String, String>,
    /// Most characters (keys and values) it holds; `None`: no limit.
    pub quota: Option<usize>,
}

impl MemoryStore {
    fn used_without(&self, key: &str) -> usize {
        self.items
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.items.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota {
            let needed = self.used_without(key) + key.chars().count() + value.chars().count();
            if needed > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.items.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.items.keys().cloned().collect())
    }
}

/// What is stored under a draft's key.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    Draft(Box<Envelope>),
    /// Something is stored but cannot be read; `raw` is kept untouched.
    Unreadable {
        raw: String,
        error: DecodeError,
    },
    /// Storage cannot be used at all (disabled, private mode policies).
    Unavailable,
}

/// Reads a draft without changing anything in storage.
pub fn load(store: &impl KeyValue, id: DraftId) -> Loaded {
    load_with(store, id, |_, _| ()).0
}

/// [`load`], with what is known of how the draft is stored
/// ([`Written::read`]), for the state that will save it: the stored text is
/// read once for both.
pub fn load_written(store: &impl KeyValue, id: DraftId) -> (Loaded, Written) {
    load_with(store, id, |raw, envelope| Written::read(id, raw, envelope))
}

/// Reads a draft, and from its stored text and what was read, `also`.
fn load_with<T: Default>(
    store: &impl KeyValue,
    id: DraftId,
    also: impl FnOnce(&str, &Envelope) -> T,
) -> (Loaded, T) {
    match store.get(&id.key()) {
        Ok(None) => (Loaded::Empty, T::default()),
        Ok(Some(raw)) => match read_whole(store, id, &raw) {
            Ok(envelope) => {
                let more = also(&raw, &envelope);
                (Loaded::Draft(Box::new(envelope)), more)
            }
            Err(partial) => (
                Loaded::Unreadable {
                    raw: partial.text,
                    error: partial.error,
                },
                T::default(),
            ),
        },
        Err(_) => (Loaded::Unavailable, T::default()),
    }
}

/// Reads the draft stored as `raw` under `id`'s key, its pieces put back
/// ([`pieces::whole_text`]); on failure, why and the text to keep aside.
fn read_whole(store: &impl KeyValue, id: DraftId, raw: &str) -> Result<Envelope, Partial> {
    let text = pieces::whole_text(store, id, raw)?;
    decode(&text).map_err(|error| Partial {
        error,
        text: text.into_owned(),
    })
}

/// Reads a draft's stored text `raw` (another tab's write, as a storage
/// event gives it), its pieces read from `store`.
pub fn read_stored(store: &impl KeyValue, id: DraftId, raw: &str) -> Result<Envelope, DecodeError> {
    read_whole(store, id, raw).map_err(|partial| partial.error)
}

/// The whole text of a stored draft (its pieces put back; as much as there
/// is when some are missing), as «Descargar borrador (JSON)» offers it.
pub fn stored_whole_text(
    store: &impl KeyValue,
    id: DraftId,
) -> Result<Option<String>, StorageError> {
    let Some(raw) = store.get(&id.key())? else {
        return Ok(None);
    };
    Ok(Some(match pieces::whole_text(store, id, &raw) {
        Ok(text) => text.into_owned(),
        Err(partial) => partial.text,
    }))
}

/// Writes `text` under `key`, reads it back, and on any difference puts back
/// what was there before ([`KeyValue::set_verified`]).
fn write_verified(store: &mut impl KeyValue, key: &str, text: &str) -> Result<(), StorageError> {
    store.set_verified(key, text)
}

/// The revision of the draft stored under a key, as far as a cheap look tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredRevision {
    /// Nothing is stored.
    Empty,
    /// The stored draft's revision.
    At(u64),
    /// Not told by its first characters (written by another version, without
    /// a revision, or not a draft): read the whole draft to know.
    Unknown,
}

/// How many characters of a stored draft hold its revision: the envelope's
/// own fields (format, schema, save time, app version, revision) come before
/// the plan.
const HEAD_CHARS: usize = 400;

/// The stored draft's revision, read from its first characters only: what
/// every autosave asks ("did another tab write a newer version?") without
/// reading and decoding the whole draft. [`StoredRevision::Unknown`] when the
/// head does not tell (the caller then reads the draft with [`load`]).
pub fn stored_revision(store: &impl KeyValue, id: DraftId) -> StoredRevision {
    match store.get_head(&id.key(), HEAD_CHARS) {
        Ok(None) => StoredRevision::Empty,
        Ok(Some(head)) => {
            revision_in_head(&head).map_or(StoredRevision::Unknown, StoredRevision::At)
        }
        Err(_) => StoredRevision::Unknown,
    }
}

/// The top-level `"revision"` of a draft's text from its head: found before
/// the plan starts (a key inside the plan could have the same name), digits
/// only, and ended within the head.
fn revision_in_head(head: &str) -> Option<u64> {
    let at = head.find("\"revision\":")?;
    if head.find("\"plan\":").is_some_and(|plan| plan < at) || !head.trim_start().starts_with('{') {
        return None;
    }
    let rest = head[at + "\"revision\":".len()..].trim_start();
    let digits: &str = &rest[..rest.find(|c: char| !c.is_ascii_digit())?];
    let after = rest[digits.len()..].trim_start();
    (after.starts_with(',') || after.starts_with('}'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The text stored for a draft (compact JSON: it is rewritten on every save).
pub fn stored_text(envelope: &Envelope) -> String {
    serde_json::to_string(envelope).expect("an envelope always serialises")
}

/// Writes a draft to its own key and verifies it; returns the bytes written.
/// On failure the key holds what it held before.
pub fn write_draft(
    store: &mut impl KeyValue,
    id: DraftId,
    envelope: &Envelope,
) -> Result<usize, StorageError> {
    let text = stored_text(envelope);
    write_verified(store, &id.key(), &text)?;
    // Stored whole now: pieces of an earlier save are no longer named.
    pieces::remove_pieces(store, id, &[]);
    Ok(text.len())
}

fn write_index(store: &mut impl KeyValue, index: &DraftIndex) -> Result<(), StorageError> {
    write_verified(store, INDEX_KEY, &encode_index(index))
}

/// Keeps a text that could not be read under its own key, which nothing
/// overwrites. `what` names it ("borrador-3", "indice"). Returns the key.
pub fn quarantine(
    store: &mut impl KeyValue,
    raw: &str,
    what: &str,
    now: OffsetDateTime,
) -> Result<String, StorageError> {
    let stem = format!("{QUARANTINE_PREFIX}{what}-{}", now.unix_timestamp());
    let mut key = stem.clone();
    let mut n = 2;
    while store.get(&key)?.is_some() {
        key = format!("{stem}-{n}");
        n += 1;
    }
    write_verified(store, &key, raw)?;
    Ok(key)
}

/// The index had to be rebuilt because its text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexRepair {
    pub error: IndexError,
    /// Where the unreadable text was kept; `None` if it could not be copied
    /// (then it is left where it was, and not overwritten).
    pub kept: Option<String>,
}

/// The index read for a change, agreeing with the draft keys in storage.
struct Current {
    index: DraftIndex,
    /// Differs from what is stored.
    changed: bool,
    repair: Option<IndexRepair>,
    /// Why the stored index must not be overwritten (an unreadable index that
    /// could not be kept aside).
    blocked: Option<StorageError>,
}

fn read_index(store: &mut impl KeyValue, now: OffsetDateTime) -> Result<Current, StorageError> {
    let found: Vec<DraftId> = store
        .keys()?
        .iter()
        .filter_map(|k| DraftId::from_key(k))
        .collect();
    let mut current = match store.get(INDEX_KEY)? {
        None => Current {
            index: DraftIndex::new(),
            changed: false,
            repair: None,
            blocked: None,
        },
        Some(raw) => match decode_index(&raw) {
            Ok(index) => Current {
                index,
                changed: false,
                repair: None,
                blocked: None,
            },
            Err(error) => {
                let kept = quarantine(store, &raw, "indice", now);
                Current {
                    index: DraftIndex::new(),
                    changed: true,
                    blocked: kept.as_ref().err().cloned(),
                    repair: Some(IndexRepair {
                        error,
                        kept: kept.ok(),
                    }),
                }
            }
        },
    };
    let reader = &*store;
    let changed = current.index.reconcile(&found, |id| {
        let raw = reader.get(&id.key()).ok().flatten().unwrap_or_default();
        DraftEntry::from_stored(reader, id, &raw, now)
    });
    current.changed |= changed;
    // A damaged index, once kept aside, is replaced at once, so that the next
    // read finds a good one (and makes no second copy).
    let kept = current.repair.as_ref().is_some_and(|r| r.kept.is_some());
    if kept && write_index(store, &current.index).is_ok() {
        current.changed = false;
    }
    Ok(current)
}

/// What became of the draft of earlier versions ([`LEGACY_KEY`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Legacy {
    /// There was none.
    None,
    /// It is now this draft, and the old key is gone.
    Migrated(DraftId),
    /// It could not be moved and stays where it was, untouched.
    NotMigrated { raw: String, error: StorageError },
}

/// What [`open`] found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub index: DraftIndex,
    pub repair: Option<IndexRepair>,
    pub legacy: Legacy,
}

/// Reads the index at start-up, repairing it if needed (an unreadable index is
/// kept aside and rebuilt from the draft keys) and moving the draft of earlier
/// versions into the list. Writes the index only when something changed.
pub fn open(store: &mut impl KeyValue, now: OffsetDateTime) -> Result<Opened, StorageError> {
    let mut current = read_index(store, now)?;
    let legacy = migrate_legacy(store, &mut current, now);
    if current.changed && current.blocked.is_none() {
        // Best effort: the index is rebuilt from the keys again next time.
        if write_index(store, &current.index).is_ok() {
            current.changed = false;
        }
    }
    Ok(Opened {
        index: current.index,
        repair: current.repair,
        legacy,
    })
}

/// Copy first, verify, switch the index, and only then remove the old key.
fn migrate_legacy(store: &mut impl KeyValue, current: &mut Current, now: OffsetDateTime) -> Legacy {
    let raw = match store.get(LEGACY_KEY) {
        Ok(Some(raw)) => raw,
        _ => return Legacy::None,
    };
    if let Some(error) = current.blocked.clone() {
        return Legacy::NotMigrated { raw, error };
    }
    // Copied by an earlier start that stopped before removing the old key.
    let copied = current
        .index
        .drafts
        .iter()
        .map(|d| d.id)
        .find(|id| store.get(&id.key()).ok().flatten().as_deref() == Some(raw.as_str()));
    let before = current.index.clone();
    let id = match copied {
        Some(id) => id,
        None => {
            let mut id = current.index.allocate();
            while store.get(&id.key()).ok().flatten().is_some() {
                id = current.index.allocate();
            }
            if let Err(error) = write_verified(store, &id.key(), &raw) {
                current.index = before;
                return Legacy::NotMigrated { raw, error };
            }
            current
                .index
                .upsert(DraftEntry::from_stored(&*store, id, &raw, now));
            id
        }
    };
    if current.index.current.is_none() {
        current.index.current = Some(id);
    }
    if let Err(error) = write_index(store, &current.index) {
        if copied.is_none() {
            // The old key stays the only copy; take the new one back.
            let _ = store.remove(&id.key());
        }
        current.index = before;
        return Legacy::NotMigrated { raw, error };
    }
    current.changed = false;
    // If this fails, the next start finds the copy and removes it then.
    let _ = store.remove(LEGACY_KEY);
    Legacy::Migrated(id)
}

/// A save that failed: `written` says whether the draft itself was stored
/// (only its index entry then failed, and the next save records it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveFailure {
    pub written: bool,
    pub error: StorageError,
}

/// Saves a draft: its key first (verified), then its entry in the index (read
/// fresh, so drafts saved by other tabs stay listed). Returns the new index.
pub fn save(
    store: &mut impl KeyValue,
    id: DraftId,
    envelope: &Envelope,
    now: OffsetDateTime,
) -> Result<DraftIndex, SaveFailure> {
    let size = write_draft(store, id, envelope).map_err(|error| SaveFailure {
        written: false,
        error,
    })?;
    record(store, id, envelope, size, now)
}

/// Records a draft just written in the index.
fn record(
    store: &mut impl KeyValue,
    id: DraftId,
    envelope: &Envelope,
    size: usize,
    now: OffsetDateTime,
) -> Result<DraftIndex, SaveFailure> {
    let failed = |error| SaveFailure {
        written: true,
        error,
    };
    let mut current = read_index(store, now).map_err(failed)?;
    if let Some(error) = current.blocked {
        return Err(failed(error));
    }
    current
        .index
        .upsert(DraftEntry::describe(id, envelope, size));
    if current.index.current.is_none() {
        current.index.current = Some(id);
    }
    write_index(store, &current.index).map_err(failed)?;
    Ok(current.index)
}

/// The autosave: writes the open draft whose envelope without commitments is
/// `head`, and whose commitments are `commitments` (borrowed from the page's
/// state: nothing is copied but what changed), through [`pieces::write`], then
/// its line in the index. `stored` is what [`stored_revision`] said just
/// before.
pub fn save_plan(
    store: &mut impl KeyValue,
    id: DraftId,
    head: &Envelope,
    commitments: &[crate::domain::Commitment],
    written: &mut Written,
    stored: StoredRevision,
    now: OffsetDateTime,
) -> Result<DraftIndex, SaveFailure> {
    let stored_revision = match stored {
        StoredRevision::At(revision) => Some(revision),
        StoredRevision::Empty | StoredRevision::Unknown => None,
    };
    let size =
        pieces::write(store, id, head, commitments, written, stored_revision).map_err(|error| {
            SaveFailure {
                written: false,
                error,
            }
        })?;
    record(store, id, head, size, now)
}

/// Stores `envelope` as a new draft with a new id; with `make_current`, it
/// becomes the one opened last. If the index cannot record it, the new key is
/// removed again: a failed creation leaves storage as it was.
pub fn create(
    store: &mut impl KeyValue,
    envelope: &Envelope,
    make_current: bool,
    now: OffsetDateTime,
) -> Result<(DraftId, DraftIndex), StorageError> {
    let mut current = read_index(store, now)?;
    if let Some(error) = current.blocked {
        return Err(error);
    }
    // Another tab may have taken the next id a moment ago: never write over it.
    let mut id = current.index.allocate();
    while store.get(&id.key())?.is_some() {
        id = current.index.allocate();
    }
    let size = write_draft(store, id, envelope)?;
    current
        .index
        .upsert(DraftEntry::describe(id, envelope, size));
    if make_current || current.index.current.is_none() {
        current.index.current = Some(id);
    }
    if let Err(error) = write_index(store, &current.index) {
        let _ = store.remove(&id.key());
        return Err(error);
    }
    Ok((id, current.index))
}

/// Why an operation on a stored draft failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("there is no draft {0}")]
    Missing(DraftId),
    #[error("the draft cannot be read: {0}")]
    Unreadable(DecodeError),
}

fn read_draft(store: &impl KeyValue, id: DraftId) -> Result<Envelope, DraftError> {
    let raw = store.get(&id.key())?.ok_or(DraftError::Missing(id))?;
    read_whole(store, id, &raw).map_err(|partial| DraftError::Unreadable(partial.error))
}

/// Stores a copy of a stored draft as a new draft named "Copia de …"; the
/// copy starts its own history (revision 1, saved now).
pub fn duplicate(
    store: &mut impl KeyValue,
    id: DraftId,
    now: OffsetDateTime,
) -> Result<(DraftId, DraftIndex), DraftError> {
    let mut envelope = read_draft(store, id)?;
    let index = read_index(store, now)?.index;
    envelope.name = Some(copy_name(&shown_name(&envelope), &index.shown_names()));
    envelope.revision = 1;
    envelope.saved_at = now;
    Ok(create(store, &envelope, false, now)?)
}

/// Gives a stored draft a name of its own (a new revision, saved now).
pub fn rename(
    store: &mut impl KeyValue,
    id: DraftId,
    name: &str,
    now: OffsetDateTime,
) -> Result<DraftIndex, DraftError> {
    let mut envelope = read_draft(store, id)?;
    envelope.name = Some(name.to_owned());
    envelope.revision += 1;
    envelope.saved_at = now;
    save(store, id, &envelope, now).map_err(|f| f.error.into())
}

/// Deletes a draft: its key, then its entry. Returns the index without it.
pub fn delete(
    store: &mut impl KeyValue,
    id: DraftId,
    now: OffsetDateTime,
) -> Result<DraftIndex, StorageError> {
    store.remove(&id.key())?;
    pieces::remove_pieces(store, id, &[]);
    let mut current = read_index(store, now)?;
    current.index.remove(id);
    if current.blocked.is_none() {
        // If this fails the key is gone all the same, and the next read drops
        // the entry (reconcile).
        let _ = write_index(store, &current.index);
    }
    Ok(current.index)
}

/// Records `id` as the draft opened last (what a new tab opens), if it is stored.
pub fn set_current(
    store: &mut impl KeyValue,
    id: DraftId,
    now: OffsetDateTime,
) -> Result<DraftIndex, StorageError> {
    let mut current = read_index(store, now)?;
    if current.index.contains(id) && current.index.current != Some(id) {
        current.index.current = Some(id);
        if current.blocked.is_none() {
            write_index(store, &current.index)?;
        }
    }
    Ok(current.index)
}

/// The index as stored now (repaired in memory if needed; nothing is written).
pub fn index(store: &mut impl KeyValue, now: OffsetDateTime) -> Result<DraftIndex, StorageError> {
    Ok(read_index(store, now)?.index)
}

/// "Borrar todos mis datos de este equipo": removes every key of this app.
/// Returns how many.
pub fn erase_all(store: &mut impl KeyValue) -> Result<usize, StorageError> {
    let keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(KEY_PREFIX))
        .collect();
    for key in &keys {
        store.remove(key)?;
    }
    Ok(keys.len())
}
