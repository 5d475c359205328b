//! The draft envelope: the plan plus what is needed to read it back safely years later.
//!
//! `{"format": "plan-local-gobierno-abierto", "schema_version": 1, "saved_at":
//! "...", "app_version": "0.1.0", "revision": 7, "plan": {...}, "unsaved": {...},
//! "name": "..."}` (`name` only when the draft has a name of its own).
//!
//! A draft of the same schema saved by a newer version may hold fields this
//! version does not know, here and at any level of the plan: they are kept and
//! written back unchanged ([`crate::domain::unknown`]), and
//! [`Envelope::made_by_newer_version`] tells the person.
//!
//! Reading goes through [`decode`]: text → JSON value → migrations from the
//! version found up to [`SCHEMA_VERSION`] → typed [`Envelope`]. Every failure is a
//! [`DecodeError`]; nothing here panics or falls back to an empty plan.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use crate::domain::key_action::Weight;
use crate::domain::{
    Carry, Jurisdiction, Jurisdictions, JurisdictionsError, NationalPlan, Plan, Unknown,
};

/// Marks our files, so that another program's JSON is recognised as such.
pub const FORMAT: &str = "plan-local-gobierno-abierto";

/// The plan format written by this version of the app. Bump it whenever the
/// stored shape changes, add a step to [`migrate`], and add a fixture of the old
/// version under `tests/fixtures/` (never edited afterwards).
pub const SCHEMA_VERSION: u32 = 6;

/// Largest draft accepted, in bytes. A real plan is far below 1 MB.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// Typed-but-unsaved form input: page key → field key → raw text. Kept so that
/// nothing typed is lost on reload, without letting invalid data into the plan.
pub type Unsaved = BTreeMap<String, BTreeMap<String, String>>;

/// A stored or exported draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub schema_version: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub saved_at: OffsetDateTime,
    pub app_version: String,
    /// Increases by one on every save; lets a later version detect concurrent writers.
    #[serde(default)]
    pub revision: u64,
    pub plan: Plan,
    #[serde(default)]
    pub unsaved: Unsaved,
    /// The draft's own name in "Mis borradores", when the person gave one (or
    /// the draft is a copy); otherwise the plan's name is shown. Optional and
    /// left out when absent, so drafts of every earlier version read unchanged
    /// and round-trip byte for byte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
    /// The schema the draft was written in, before migrations (not stored).
    #[serde(skip)]
    pub read_from: SchemaRead,
}

/// The schema a draft was read from: provenance, not content. Not stored, and
/// any two compare equal, so envelopes still compare by what they hold (a
/// migrated draft equals itself saved and read again).
#[derive(Debug, Clone, Copy, Eq)]
pub struct SchemaRead(pub u32);

impl PartialEq for SchemaRead {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Default for SchemaRead {
    fn default() -> Self {
        SchemaRead(SCHEMA_VERSION)
    }
}

impl Envelope {
    /// Wraps a plan for saving now.
    pub fn new(plan: Plan, unsaved: Unsaved, saved_at: OffsetDateTime, revision: u64) -> Self {
        Self {
            format: FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            saved_at,
            app_version: crate::APP_VERSION.to_owned(),
            revision,
            plan,
            unsaved,
            name: None,
            unknown: Unknown::new(),
            read_from: SchemaRead::default(),
        }
    }

    /// Whether the version that saved this draft is newer than this one. A
    /// draft of an earlier schema was made by an earlier version, whatever
    /// version number it carries.
    pub fn saved_by_newer_app(&self) -> bool {
        self.read_from.0 >= SCHEMA_VERSION
            && is_newer_version(&self.app_version, crate::APP_VERSION)
    }

    /// Whether the draft holds fields this version does not know, in the
    /// envelope or at any level of the plan.
    pub fn holds_unknown(&self) -> bool {
        self.unknown.holds_unknown() || self.plan.holds_unknown()
    }

    /// Whether the person should be told that a newer version made this draft:
    /// it says so, or it holds what this version does not know.
    pub fn made_by_newer_version(&self) -> bool {
        self.saved_by_newer_app() || self.holds_unknown()
    }
}

/// Whether version `found` ("0.3.1") is newer than `ours`: dot-separated
/// numbers compared in order, each from its leading digits ("2-beta" is 2);
/// missing parts count as 0.
pub fn is_newer_version(found: &str, ours: &str) -> bool {
    fn parts(v: &str) -> Vec<u64> {
        let mut parts: Vec<u64> = v
            .trim()
            .trim_start_matches(['v', 'V'])
            .split('.')
            .map(|p| {
                let digits = p.find(|c: char| !c.is_ascii_digit()).unwrap_or(p.len());
                p[..digits].parse().unwrap_or(0)
            })
            .collect();
        while parts.last() == Some(&0) {
            parts.pop();
        }
        parts
    }
    parts(found) > parts(ours)
}

/// Why a text could not be read as a draft.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has {bytes} bytes, more than {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("the file is a PDF without an attached draft")]
    PdfWithoutDraft,
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("JSON, but not a draft of this app")]
    NotADraft,
    #[error("made by a newer version of the app (schema {found})")]
    FromNewerVersion { found: u64 },
    #[error("unknown schema version {found}")]
    UnknownVersion { found: u64 },
    #[error("a value does not fit at {path}: {detail}")]
    Invalid { path: String, detail: String },
    /// A key action's weight is not a whole number from 1 to 100 (see
    /// [`crate::domain::key_action::Weight`]). Positions count from 1, as
    /// people number commitments and key actions.
    #[error("key action {key_action} of commitment {commitment} has a weight outside 1-100")]
    WeightOutOfRange {
        commitment: usize,
        key_action: usize,
    },
    /// The list of jurisdictions that make the plan breaks one of its rules
    /// (see [`crate::domain::Jurisdictions`]).
    #[error("the plan's jurisdictions: {0}")]
    Jurisdictions(JurisdictionsError),
    /// A draft stored in pieces ([`super::pieces`]) whose head names a piece
    /// that is not in storage; `commitment` is its position, from 1.
    #[error("commitment {commitment} of a draft stored in pieces is missing")]
    MissingPiece { commitment: usize },
}

/// Serialises an envelope as pretty JSON (people open these files).
pub fn encode(envelope: &Envelope) -> String {
    // Serialising our own types into a String cannot fail: no maps with non-string
    // keys, no non-finite floats.
    serde_json::to_string_pretty(envelope).expect("an envelope always serialises")
}

/// Reads a draft from text, migrating it from any earlier version.
pub fn decode(text: &str) -> Result<Envelope, DecodeError> {
    if text.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge {
            bytes: text.len(),
            max: MAX_BYTES,
        });
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(DecodeError::Empty);
    }
    if trimmed.starts_with("%PDF") {
        return Err(DecodeError::PdfWithoutDraft);
    }
    if let Some(envelope) = read_current(trimmed) {
        return Ok(envelope);
    }
    let value: Value = serde_json::from_str(trimmed).map_err(|e| DecodeError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(ref map) = value else {
        return Err(DecodeError::NotADraft);
    };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotADraft);
    }
    let version = match map.get("schema_version") {
        Some(Value::Number(n)) => n.as_u64().ok_or(DecodeError::UnknownVersion { found: 0 })?,
        _ => return Err(DecodeError::NotADraft),
    };
    let value = migrate(value, version)?;
    let mut envelope: Envelope =
        super::json_path::from_value(&value).map_err(|e| does_not_fit(&value, e))?;
    // `migrate` refused anything above SCHEMA_VERSION.
    envelope.read_from = SchemaRead(u32::try_from(version).unwrap_or(SCHEMA_VERSION));
    if version < 5 {
        final_mark_to_5(&mut envelope.plan, fingerprint_as_written(text));
    }
    Ok(envelope)
}

/// A draft of the current schema, read in one pass straight into the
/// envelope; `None` for anything else (another format or schema, or a text
/// that does not fit), which [`decode`] then reads the general way: as a
/// value, migrated, then typed, saying where a value does not fit. The
/// general way reads the text three times (value, text again, envelope);
/// «Articulación nacional» reads hundreds of plan files at once, and for
/// them it was most of the time spent reading.
fn read_current(text: &str) -> Option<Envelope> {
    let mut envelope: Envelope = serde_json::from_str(text).ok()?;
    if envelope.format != FORMAT || envelope.schema_version != SCHEMA_VERSION {
        return None;
    }
    envelope.read_from = SchemaRead(SCHEMA_VERSION);
    Some(envelope)
}

/// Schema 5 writes jurisdictions and contacts in a new shape, so the plan's
/// JSON, and with it its fingerprint, changed: a "Versión final" mark made
/// under schema 4 would read "changed since final" although nobody changed
/// anything. `before` is the fingerprint schema 4 gave the plan as the file
/// holds it ([`fingerprint_as_written`]); a mark that matches it is given the
/// plan's current fingerprint; any other mark (the plan did change after it,
/// or the file was edited by hand) stays as it was.
fn final_mark_to_5(plan: &mut Plan, before: Option<String>) {
    let Some(before) = before else {
        return;
    };
    let now = plan.fingerprint();
    if let Some(mark) = plan.final_mark.as_mut() {
        if mark.fingerprint == before {
            mark.fingerprint = now;
        }
    }
}

/// The fingerprint ([`Plan::fingerprint`]) the version that wrote `text` gave
/// its plan: the plan's JSON as written (fields in the order that version
/// declared them), without whitespace and without its final mark. `None` when
/// the text has no plan object. Exact for drafts the app wrote; a file edited
/// by hand simply does not match.
pub fn fingerprint_as_written(text: &str) -> Option<String> {
    let compact = without_whitespace(text);
    let start = compact.find("\"plan\":{")? + "\"plan\":".len();
    let plan = json_value_at(&compact, start)?;
    let plan = without_member(plan, "final_mark");
    Some(crate::domain::final_mark::fnv1a_hex(plan.as_bytes()))
}

/// The JSON text with the whitespace outside strings removed.
fn without_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// The object or array starting at byte `start` of compact JSON.
fn json_value_at(text: &str, start: usize) -> Option<&str> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in text[start..].char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return text.get(start..start + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The compact object without its top-level member `key` (and its comma).
fn without_member(object: &str, key: &str) -> String {
    let needle = format!("\"{key}\":");
    // The member at depth 1, found by scanning (a string value may hold the needle).
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in object.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if depth == 1 && object[i..].starts_with(&needle) => {
                let value_start = i + needle.len();
                let value_len = match object[value_start..].chars().next() {
                    Some('{' | '[') => json_value_at(object, value_start).map(str::len),
                    // A scalar runs to the next comma or the closing brace.
                    _ => object[value_start..].find([',', '}']),
                };
                let Some(len) = value_len else {
                    return object.to_owned();
                };
                let end = value_start + len;
                // Take the comma before it, or the one after it when it is first.
                return if object[..i].ends_with(',') {
                    format!("{}{}", &object[..i - 1], &object[end..])
                } else if object[end..].starts_with(',') {
                    format!("{}{}", &object[..i], &object[end + 1..])
                } else {
                    format!("{}{}", &object[..i], &object[end..])
                };
            }
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    object.to_owned()
}

/// The error for a value that does not fit. In a key action whose weight is
/// not 1-100, that weight is the error: serde names only the key action when
/// the weight is its last key, so the weight itself is read again here.
fn does_not_fit(value: &Value, e: super::json_path::PathError) -> DecodeError {
    if let Some((c, k)) = key_action_at(&e.path) {
        let weight = value.pointer(&format!("/plan/commitments/{c}/key_actions/{k}/weight"));
        if weight.is_some_and(|w| Weight::deserialize(w).is_err()) {
            return DecodeError::WeightOutOfRange {
                commitment: c + 1,
                key_action: k + 1,
            };
        }
    }
    if e.path.starts_with("plan.profile") {
        // Members that each read well but break a rule of the list together
        // (twice the same, no lead…): say which rule.
        let members = value.pointer("/plan/profile/jurisdictions");
        let list = members.and_then(|m| Vec::<Jurisdiction>::deserialize(m).ok());
        if let Some(Err(why)) = list.map(Jurisdictions::new) {
            return DecodeError::Jurisdictions(why);
        }
    }
    DecodeError::Invalid {
        path: e.path,
        detail: e.detail,
    }
}

/// The positions of the key action a path is in
/// (`plan.commitments[c].key_actions[k]…`).
fn key_action_at(path: &str) -> Option<(usize, usize)> {
    let rest = path.strip_prefix("plan.commitments[")?;
    let (c, rest) = rest.split_once("].key_actions[")?;
    let (k, _) = rest.split_once(']')?;
    Some((c.parse().ok()?, k.parse().ok()?))
}

/// Form keys that lived on the commitment page until schema 3.
const ALIGNMENT_KEYS: [&str; 3] = ["relacion-nacional", "compromiso-nacional", "metas-ods"];

/// The steps from schema 4 to 5, one per part of the plan whose shape changed.
fn to_schema_5(value: &mut Value) {
    people_to_5(value);
    let Some(plan) = value.get_mut("plan").and_then(Value::as_object_mut) else {
        return;
    };
    jurisdictions_to_5(plan);
}

/// Schema 5: a plan may be made by several jurisdictions. The profile's one
/// `jurisdiction` becomes `jurisdictions`, a list of that one member, marked as
/// the lead (every field it had, unknown ones included, kept). The profile
/// page's unsaved input keeps its keys: a single jurisdiction is still chosen
/// with `tipo-jurisdiccion`, `estado` and `municipio`.
fn jurisdictions_to_5(plan: &mut serde_json::Map<String, Value>) {
    let Some(profile) = plan.get_mut("profile").and_then(Value::as_object_mut) else {
        return;
    };
    if profile.contains_key("jurisdictions") {
        return;
    }
    let Some(mut only) = profile.remove("jurisdiction") else {
        return;
    };
    if let Value::Object(member) = &mut only {
        member.insert("lead".into(), Value::Bool(true));
    }
    profile.insert("jurisdictions".into(), Value::Array(vec![only]));
}

/// Contacts (issue 16). Every contact of schema 4 was a person whose `name`
/// was required; in schema 5 a contact is an institution optionally with a
/// person, with a sector and a branch of its own, and its keys are the
/// person's (`name` is still the person's name), so contacts read unchanged.
/// Only a member of the coordination body changes shape: its `person` becomes
/// its `contact`, and its sector moves into it, in the new list of sectors:
/// "organo-garante" is sector "gobierno" with branch "autonomo",
/// "legislativo" is "gobierno" with branch "legislativo", "otro" is no sector;
/// the rest keep their keys. A member's page's unsaved input moves the same way.
/// A value of the wrong type is moved as it is, so reading it names its place.
fn people_to_5(value: &mut Value) {
    /// The sector and branch of a schema-4 sector key.
    fn sector_of(old: &Value) -> (Value, Option<&'static str>) {
        match old.as_str() {
            Some("organo-garante") => (Value::from("gobierno"), Some("autonomo")),
            Some("legislativo") => (Value::from("gobierno"), Some("legislativo")),
            Some("otro") => (Value::Null, None),
            _ => (old.clone(), None),
        }
    }
    if let Some(members) = value
        .pointer_mut("/plan/coordination/members")
        .and_then(Value::as_array_mut)
    {
        for member in members.iter_mut().filter_map(Value::as_object_mut) {
            let mut contact = member.remove("person").unwrap_or(Value::Null);
            if let (Some(c), Some(old)) = (contact.as_object_mut(), member.remove("sector")) {
                let (sector, branch) = sector_of(&old);
                c.insert("sector".into(), sector);
                if let Some(b) = branch {
                    c.insert("branch".into(), Value::from(b));
                }
            }
            member.insert("contact".into(), contact);
        }
    }
    if let Some(unsaved) = value.get_mut("unsaved").and_then(Value::as_object_mut) {
        for (_, fields) in unsaved
            .iter_mut()
            .filter(|(page, _)| page.starts_with("coordinacion/integrante/"))
        {
            let Some(fields) = fields.as_object_mut() else {
                continue;
            };
            let Some(old) = fields.get("sector").cloned() else {
                continue;
            };
            let (sector, branch) = sector_of(&old);
            fields.insert(
                "sector".into(),
                if sector.is_null() {
                    Value::from("")
                } else {
                    sector
                },
            );
            if let Some(b) = branch {
                fields.insert("poder".into(), Value::from(b));
            }
        }
    }
}

/// Brings a draft of `version` up to [`SCHEMA_VERSION`], one step at a time.
fn migrate(mut value: Value, version: u64) -> Result<Value, DecodeError> {
    match version {
        v if v > u64::from(SCHEMA_VERSION) => Err(DecodeError::FromNewerVersion { found: v }),
        6 => Ok(value),
        // 5 → 6: the plan's implementation (issue 18: report rounds, the
        // monitoring body, the refresh, end-of-commitment assessments,
        // amendments) is a new part that starts empty; nothing else changed.
        5 => {
            value["schema_version"] = Value::from(6);
            migrate(value, 6)
        }
        // 4 → 5: real plans fit (issue 16). Dates keep their ISO text (a
        // day-precision date is still `aaaa-mm-dd`); each part whose shape
        // changed has its own step in `to_schema_5`.
        4 => {
            to_schema_5(&mut value);
            value["schema_version"] = Value::from(5);
            migrate(value, 5)
        }
        // 3 → 4: the full methodology. Every new part of the plan starts empty
        // (serde defaults). A commitment's alignment moved to a page of its own,
        // so unsaved alignment input of a saved commitment moves with it.
        3 => {
            if let Some(unsaved) = value.get_mut("unsaved").and_then(Value::as_object_mut) {
                let pages: Vec<String> = unsaved
                    .keys()
                    .filter(|k| {
                        k.strip_prefix("compromiso/")
                            .is_some_and(|id| id.parse::<u32>().is_ok())
                    })
                    .cloned()
                    .collect();
                for page in pages {
                    let Some(Value::Object(fields)) = unsaved.get_mut(&page) else {
                        continue;
                    };
                    let moved: serde_json::Map<String, Value> = ALIGNMENT_KEYS
                        .iter()
                        .filter_map(|k| fields.remove(*k).map(|v| ((*k).to_owned(), v)))
                        .collect();
                    if fields.is_empty() {
                        unsaved.remove(&page);
                    }
                    if !moved.is_empty() {
                        unsaved.insert(format!("{page}/alineacion"), Value::Object(moved));
                    }
                }
            }
            value["schema_version"] = Value::from(4);
            migrate(value, 4)
        }
        // 2 → 3: the plan gains `readiness` (self-assessments), empty by default.
        2 => {
            value["schema_version"] = Value::from(3);
            migrate(value, 3)
        }
        // 1 → 2: commitments gain `alignment` (empty by default) and the plan
        // records the national list it aligns to: drafts of version 1 could only
        // have meant Mexico's 4th plan. Unsaved input keeps its old keys; the
        // profile page's new keys simply start empty.
        1 => {
            if let Some(plan) = value.get_mut("plan").and_then(Value::as_object_mut) {
                if !plan.contains_key("national_plan") {
                    let fourth =
                        serde_json::to_value(NationalPlan::fourth_plan()).map_err(|e| {
                            DecodeError::Invalid {
                                path: "plan.national_plan".into(),
                                detail: e.to_string(),
                            }
                        })?;
                    plan.insert("national_plan".into(), fourth);
                }
            }
            value["schema_version"] = Value::from(2);
            migrate(value, 2)
        }
        other => Err(DecodeError::UnknownVersion { found: other }),
    }
}
