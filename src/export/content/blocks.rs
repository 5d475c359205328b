//! Small pieces every document of the export is built with: the tool's name,
//! "No proporcionado", dates and periods as written in Mexico, the metadata of
//! an exported file, and sub-headings and tables of the document model.

use time::OffsetDateTime;

use super::document::{Block, Meta};
use crate::domain::{format_date, Period};

/// The tool's name, as people see it.
pub const TOOL_NAME: &str = "Plan de acción local de gobierno abierto";

/// Shown for anything the person has not entered yet (house style).
pub const NOT_PROVIDED: &str = crate::labels::NOT_GIVEN;

/// Shown under "Compromisos" while the plan has none.
pub const NO_COMMITMENTS: &str = "Todavía no se han registrado compromisos.";

/// Metadata of a document this app exports (es-MX, this version as creator);
/// the footer note starts with `what` ("Borrador", "Versión final", "Informe").
pub fn app_meta(
    title: String,
    author: String,
    subject: String,
    generated_at: OffsetDateTime,
    what: &str,
) -> Meta {
    Meta {
        title,
        author,
        subject,
        language: "es-MX".to_owned(),
        generated_at,
        app_version: crate::APP_VERSION.to_owned(),
        creator: format!("{TOOL_NAME} {}", crate::APP_VERSION),
        footer_note: format!(
            "{what}. Generado con la herramienta {TOOL_NAME}, versión {}",
            crate::APP_VERSION
        ),
    }
}

/// [`NOT_PROVIDED`] as an owned string.
pub(crate) fn not_provided() -> String {
    NOT_PROVIDED.to_owned()
}

/// A text the plan must have, or [`NOT_PROVIDED`] when it is empty.
pub(crate) fn given(text: &str) -> String {
    or_np(Some(text))
}

/// A period, or [`NOT_PROVIDED`] when there is none.
pub(crate) fn period_or_np(period: Option<&Period>) -> String {
    period.map_or_else(not_provided, period_text)
}

/// "10/12/2019 al 31/08/2021".
pub fn period_text(period: &Period) -> String {
    period.to_string()
}

/// "24/11/2026, 10:42" (24-hour clock, the time as given).
pub fn format_date_time(at: OffsetDateTime) -> String {
    format!(
        "{}, {:02}:{:02}",
        format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// A level-3 heading.
pub(crate) fn sub(text: impl Into<String>) -> Block {
    Block::Heading {
        level: 3,
        text: text.into(),
    }
}

/// Column headers from string literals.
pub(crate) fn columns<const N: usize>(names: [&str; N]) -> Vec<String> {
    names.map(str::to_owned).to_vec()
}

/// A table block.
pub(crate) fn table(
    caption: impl Into<String>,
    cols: Vec<String>,
    rows: Vec<Vec<String>>,
) -> Block {
    Block::Table {
        caption: caption.into(),
        columns: cols,
        rows,
    }
}

/// An optional text, or "No proporcionado".
pub(crate) fn or_np(value: Option<&str>) -> String {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => v.to_owned(),
        _ => not_provided(),
    }
}
