//! The library of good practices as a file
//! ([`crate::domain::articulation::practices::Library`]): written as pretty
//! JSON by «Descargar la biblioteca (JSON)», read back on «Ver ejemplos»
//! with the care given to drafts. A file of another kind is recognised and
//! named (a draft, a plan's PDF, another PDF, a comments file), a newer
//! version of the format is refused with its number, a practice that breaks
//! the form's rules (no reason, an empty or too long note) is named with its
//! place, and a practice found twice in the file is kept once. Nothing here
//! panics.
//!
//! ```json
//! {"format": "plan-local-gobierno-abierto/biblioteca-buenas-practicas",
//!  "version": 1, "date": "2026-12-06",
//!  "practices": [{"plan": {"key", "name", "jurisdiction", "states", "period"},
//!                 "commitment": {"id", "title", "problem", "objective",
//!                                "key_actions": [{"name", "weight"}],
//!                                "national": {"list", "relation", "id", "title"},
//!                                "sdg_targets", "ogp_values"},
//!                 "reasons": ["replicabilidad", …], "note": "…"}]}
//! ```

use serde::Serialize;
use serde_json::Value;

use super::envelope;
use super::file::{read_json, JsonFileError};
use crate::domain::articulation::practices::{Example, Library, PracticeError};

/// Marks a library file.
pub const FORMAT: &str = "plan-local-gobierno-abierto/biblioteca-buenas-practicas";
/// The version of the format this version writes and reads.
pub const VERSION: u32 = 1;
/// The downloaded file's name.
pub const FILE_NAME: &str = "biblioteca-buenas-practicas.json";

/// Why bytes could not be read as a library.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has {bytes} bytes, more than {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("a draft of a plan, not a library")]
    IsDraft,
    #[error("a PDF exported by the app (a plan), not a library")]
    IsPlanPdf,
    #[error("a PDF without a plan")]
    IsPdf,
    #[error("a comments file, not a library")]
    IsComments,
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("JSON, but not a library of this app")]
    NotLibrary,
    #[error("made by a newer version (format {found})")]
    FromNewerVersion { found: u64 },
    #[error("unknown format version {found}")]
    UnknownVersion { found: u64 },
    #[error("a value does not fit at {path}: {detail}")]
    Invalid { path: String, detail: String },
    /// Practice `number` (from 1) breaks a rule of the form.
    #[error("practice {number}: {error}")]
    Practice {
        number: usize,
        title: String,
        error: PracticeError,
    },
}

impl From<JsonFileError> for LibraryError {
    fn from(e: JsonFileError) -> Self {
        match e {
            JsonFileError::Empty => Self::Empty,
            JsonFileError::TooLarge { bytes, max } => Self::TooLarge { bytes, max },
            JsonFileError::IsPlanPdf => Self::IsPlanPdf,
            JsonFileError::IsPdf => Self::IsPdf,
            JsonFileError::NotJson { line, column } => Self::NotJson { line, column },
        }
    }
}

#[derive(Serialize)]
struct FileRef<'a> {
    format: &'static str,
    version: u32,
    date: &'a str,
    practices: &'a [Example],
}

/// The library as the text of its file.
pub fn encode(library: &Library) -> String {
    // Our own types serialise without fail (string keys, no floats).
    serde_json::to_string_pretty(&FileRef {
        format: FORMAT,
        version: VERSION,
        date: &library.date,
        practices: &library.practices,
    })
    .unwrap_or_default()
}

/// A library read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub library: Library,
    /// Practices found twice in the file (the first kept).
    pub duplicates: usize,
}

/// Reads a chosen file's bytes as a library.
pub fn decode(bytes: &[u8]) -> Result<Read, LibraryError> {
    let value = read_json(bytes)?;
    decode_value(&value)
}

/// Reads a JSON value (a file's, or the library kept in the browser).
pub fn decode_value(value: &Value) -> Result<Read, LibraryError> {
    let Value::Object(map) = value else {
        return Err(LibraryError::NotLibrary);
    };
    match map.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(envelope::FORMAT) => return Err(LibraryError::IsDraft),
        Some(crate::domain::comments::FORMAT) => return Err(LibraryError::IsComments),
        _ => return Err(LibraryError::NotLibrary),
    }
    let version = match map.get("version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or(LibraryError::UnknownVersion { found: 0 })?,
        _ => return Err(LibraryError::NotLibrary),
    };
    if version > u64::from(VERSION) {
        return Err(LibraryError::FromNewerVersion { found: version });
    }
    if version == 0 {
        return Err(LibraryError::UnknownVersion { found: 0 });
    }
    let date = match map.get("date") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            return Err(LibraryError::Invalid {
                path: "date".to_owned(),
                detail: "not a text".to_owned(),
            })
        }
    };
    let items = match map.get("practices") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(a)) => a.as_slice(),
        Some(_) => {
            return Err(LibraryError::Invalid {
                path: "practices".to_owned(),
                detail: "not a list".to_owned(),
            })
        }
    };
    let mut read = Read {
        library: Library {
            date,
            practices: Vec::with_capacity(items.len()),
        },
        duplicates: 0,
    };
    for (i, item) in items.iter().enumerate() {
        let example: Example =
            super::json_path::from_value(item).map_err(|e| LibraryError::Invalid {
                path: if e.path.is_empty() {
                    format!("practices[{i}]")
                } else {
                    format!("practices[{i}].{}", e.path)
                },
                detail: e.detail,
            })?;
        example.check().map_err(|error| LibraryError::Practice {
            number: i + 1,
            title: example.commitment.title.clone(),
            error,
        })?;
        let mut example = example;
        example.note = example.note.trim().to_owned();
        example.reasons.sort();
        example.reasons.dedup();
        if read
            .library
            .practices
            .iter()
            .any(|p| p.same_practice(&example))
        {
            read.duplicates += 1;
        } else {
            read.library.practices.push(example);
        }
    }
    Ok(read)
}
