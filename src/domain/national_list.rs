//! Reading a replacement national commitment list (for a newer national plan)
//! from a JSON or CSV file the person chooses. Pure; every failure is typed.
//!
//! Accepted shapes:
//! - JSON: `{"name": "...", "commitments": [{"id", "title", "institutions"?}]}`
//!   or just the array of commitments;
//! - CSV (comma or semicolon): a header row naming `id`/`clave`,
//!   `title`/`titulo`/`título` and optionally `institutions`/`instituciones`.
//!
//! The CSV reader is a small RFC 4180 reader written here rather than the `csv`
//! crate: it only needs quoted fields and two separators, and it keeps the wasm
//! download small (the `csv` crate is used at build time only).

use serde::Deserialize;

use super::alignment::{NationalEntry, NationalPlan};
use super::unknown::Unknown;

/// Most commitments a national list may hold (national plans have had 11 to 36).
pub const MAX_ENTRIES: usize = 300;
/// Longest id and title accepted.
pub const MAX_ID: usize = 40;
pub const MAX_TITLE: usize = 500;

/// Why a file could not be used as a national list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    #[error("empty file")]
    Empty,
    #[error("not JSON or CSV")]
    Unreadable,
    #[error("no id or title column")]
    MissingColumns,
    #[error("no commitments")]
    NoEntries,
    #[error("too many commitments ({count})")]
    TooMany { count: usize },
    #[error("row {row}: missing id or title")]
    MissingValue { row: usize },
    #[error("row {row}: value too long")]
    TooLong { row: usize },
    #[error("duplicate id {id}")]
    DuplicateId { id: String },
}

#[derive(Deserialize)]
struct JsonEntry {
    #[serde(alias = "clave")]
    id: String,
    #[serde(alias = "titulo", alias = "título")]
    title: String,
    #[serde(default, alias = "instituciones")]
    institutions: String,
    #[serde(default)]
    title_in_english: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum JsonList {
    Named {
        name: String,
        commitments: Vec<JsonEntry>,
    },
    Bare(Vec<JsonEntry>),
}

/// Reads a national list. `fallback_name` names the list when the file does not
/// (usually the file name without extension).
pub fn parse_national_list(text: &str, fallback_name: &str) -> Result<NationalPlan, ListError> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(ListError::Empty);
    }
    let (name, rows) = if text.starts_with('{') || text.starts_with('[') {
        let list: JsonList = serde_json::from_str(text).map_err(|_| ListError::Unreadable)?;
        let (name, entries) = match list {
            JsonList::Named { name, commitments } => (name, commitments),
            JsonList::Bare(entries) => (String::new(), entries),
        };
        (
            name,
            entries
                .into_iter()
                .map(|e| (e.id, e.title, e.institutions, e.title_in_english))
                .collect::<Vec<_>>(),
        )
    } else {
        (String::new(), csv_rows(text)?)
    };
    let name = match name.trim() {
        "" => fallback_name.trim().to_owned(),
        n => n.to_owned(),
    };
    build(name, rows)
}

type Row = (String, String, String, bool);

fn build(name: String, rows: Vec<Row>) -> Result<NationalPlan, ListError> {
    if rows.is_empty() {
        return Err(ListError::NoEntries);
    }
    if rows.len() > MAX_ENTRIES {
        return Err(ListError::TooMany { count: rows.len() });
    }
    let mut commitments: Vec<NationalEntry> = Vec::with_capacity(rows.len());
    for (i, (id, title, institutions, title_in_english)) in rows.into_iter().enumerate() {
        let row = i + 1;
        let (id, title) = (id.trim().to_owned(), title.trim().to_owned());
        if id.is_empty() || title.is_empty() {
            return Err(ListError::MissingValue { row });
        }
        if id.chars().count() > MAX_ID || title.chars().count() > MAX_TITLE {
            return Err(ListError::TooLong { row });
        }
        if commitments.iter().any(|c| c.id == id) {
            return Err(ListError::DuplicateId { id });
        }
        commitments.push(NationalEntry {
            id,
            title,
            title_in_english,
            institutions: institutions.trim().to_owned(),
            unknown: Unknown::new(),
        });
    }
    let name = if name.is_empty() {
        "Lista de compromisos nacionales".to_owned()
    } else {
        name
    };
    Ok(NationalPlan {
        name,
        commitments,
        unknown: Unknown::new(),
    })
}

/// Rows of (id, title, institutions) from CSV text with a header row.
fn csv_rows(text: &str) -> Result<Vec<Row>, ListError> {
    let first_line = text.lines().next().unwrap_or("");
    let sep = if first_line.matches(';').count() > first_line.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut records = read_csv(text, sep)?.into_iter();
    let header = records.next().ok_or(ListError::Empty)?;
    let col = |names: &[&str]| {
        header.iter().position(|h| {
            let h = crate::catalog::fold(h.trim());
            names.contains(&h.as_str())
        })
    };
    let id = col(&["id", "clave", "ogp_id"]).ok_or(ListError::MissingColumns)?;
    let title = col(&["title", "titulo", "title_es", "compromiso", "nombre"])
        .ok_or(ListError::MissingColumns)?;
    let institutions = col(&[
        "institutions",
        "instituciones",
        "institucion",
        "lead_institutions",
    ]);
    Ok(records
        .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
        .map(|r| {
            let get = |i: usize| r.get(i).cloned().unwrap_or_default();
            (
                get(id),
                get(title),
                institutions.map(get).unwrap_or_default(),
                false,
            )
        })
        .collect())
}

/// A minimal RFC 4180 reader: quoted fields with doubled quotes and newlines.
fn read_csv(text: &str, sep: char) -> Result<Vec<Vec<String>>, ListError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                other => field.push(other),
            }
        } else {
            match c {
                '"' if field.trim().is_empty() => {
                    field.clear();
                    quoted = true;
                }
                c if c == sep => record.push(std::mem::take(&mut field)),
                '\r' => {}
                '\n' => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                other => field.push(other),
            }
        }
    }
    if quoted {
        return Err(ListError::Unreadable);
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}
