//! A comments file ([`crate::domain::comments::CommentsFile`]) as text:
//! written as pretty JSON, read back with the care given to drafts. A file
//! of another kind is recognised and named (a draft, a PDF with or without
//! a draft inside), a newer version of the format is refused with its
//! number, and fields of a newer version of the same format are kept.
//! Nothing here panics.

use serde_json::Value;

use super::envelope;
use super::file::{read_json, JsonFileError};
use crate::domain::comments::{CommentsFile, FORMAT, VERSION};

/// Why bytes could not be read as a comments file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommentsError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has {bytes} bytes, more than {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("a draft of a plan, not comments")]
    IsDraft,
    #[error("a PDF exported by the app (a plan), not comments")]
    IsPlanPdf,
    #[error("a PDF without a plan")]
    IsPdf,
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("JSON, but not comments of this app")]
    NotComments,
    #[error("made by a newer version (format {found})")]
    FromNewerVersion { found: u64 },
    #[error("unknown format version {found}")]
    UnknownVersion { found: u64 },
    #[error("a value does not fit at {path}: {detail}")]
    Invalid { path: String, detail: String },
}

impl From<JsonFileError> for CommentsError {
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

/// The comments as the text of their file.
pub fn encode(file: &CommentsFile) -> String {
    // Our own types serialise without fail (string keys, no floats).
    serde_json::to_string_pretty(file).unwrap_or_default()
}

/// Reads a chosen file's bytes as comments.
pub fn decode(bytes: &[u8]) -> Result<CommentsFile, CommentsError> {
    let value = read_json(bytes)?;
    let Value::Object(ref map) = value else {
        return Err(CommentsError::NotComments);
    };
    match map.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(envelope::FORMAT) => return Err(CommentsError::IsDraft),
        _ => return Err(CommentsError::NotComments),
    }
    let version = match map.get("version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or(CommentsError::UnknownVersion { found: 0 })?,
        _ => return Err(CommentsError::NotComments),
    };
    if version > u64::from(VERSION) {
        return Err(CommentsError::FromNewerVersion { found: version });
    }
    if version == 0 {
        return Err(CommentsError::UnknownVersion { found: 0 });
    }
    super::json_path::from_value(&value).map_err(|e| CommentsError::Invalid {
        path: e.path,
        detail: e.detail,
    })
}

/// Marks a reviewer's work in progress as kept in the browser.
pub const WORK_FORMAT: &str = "plan-local-gobierno-abierto/observaciones-en-curso";

/// A reviewer's work in progress: the plan being read (not a draft: it is
/// kept only here, never in "Mis borradores") and the comments so far.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Work {
    pub format: String,
    pub plan: crate::domain::Plan,
    pub comments: CommentsFile,
}

impl Work {
    pub fn new(plan: crate::domain::Plan, comments: CommentsFile) -> Self {
        Self {
            format: WORK_FORMAT.to_owned(),
            plan,
            comments,
        }
    }
}

/// The work as stored text.
pub fn encode_work(work: &Work) -> String {
    serde_json::to_string(work).unwrap_or_default()
}

/// The stored work, or `None` when the text is not one this version reads.
pub fn decode_work(text: &str) -> Option<Work> {
    let work: Work = serde_json::from_str(text).ok()?;
    (work.format == WORK_FORMAT && work.comments.version <= VERSION).then_some(work)
}
