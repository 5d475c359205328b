//! A file the person chooses with «Abrir un borrador»: the JSON text of a
//! draft, or a PDF exported by this tool that carries one. Sits above the
//! draft format ([`super::envelope`]) and the PDF reader ([`super::pdf_draft`]).

use serde_json::Value;

use super::envelope::{decode, DecodeError, Envelope, MAX_BYTES};
use super::pdf_draft::{extract_draft, is_pdf, ExtractError, MAX_PDF_BYTES};

/// Reads a draft from a chosen file's bytes: the JSON text of a draft, or a
/// PDF exported by this tool, whose attached draft is read (see
/// [`super::pdf_draft`]). A PDF without one is [`DecodeError::PdfWithoutDraft`].
pub fn decode_file(bytes: &[u8]) -> Result<Envelope, DecodeError> {
    if is_pdf_file(bytes) {
        return match extract_draft(bytes) {
            Ok(json) => decode(&json),
            Err(ExtractError::TooLarge { bytes, max }) => Err(DecodeError::TooLarge { bytes, max }),
            Err(_) => Err(DecodeError::PdfWithoutDraft),
        };
    }
    if bytes.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge {
            bytes: bytes.len(),
            max: MAX_BYTES,
        });
    }
    // As the browser reads text: invalid UTF-8 becomes U+FFFD.
    decode(&String::from_utf8_lossy(bytes))
}

/// Whether a chosen file is a PDF: the app's JSON files start with `{`
/// (after a byte-order mark and spaces); anything else with a PDF header is
/// a PDF.
fn is_pdf_file(bytes: &[u8]) -> bool {
    let text_start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    text_start != Some(&b'{') && is_pdf(bytes)
}

/// Why a chosen file is not JSON the app could read further (before its
/// format is looked at): the first checks of the app's JSON files other
/// than drafts (comments, good-practices libraries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonFileError {
    Empty,
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// A PDF exported by this tool: it carries a plan.
    IsPlanPdf,
    /// Another PDF.
    IsPdf,
    NotJson {
        line: usize,
        column: usize,
    },
}

/// Reads a chosen file's bytes as a JSON value: a PDF is told apart (and
/// whether it carries a plan), then the size, as the browser reads text
/// (invalid UTF-8 becomes U+FFFD), without a byte-order mark.
pub fn read_json(bytes: &[u8]) -> Result<Value, JsonFileError> {
    if is_pdf_file(bytes) {
        return Err(match extract_draft(bytes) {
            Ok(_) => JsonFileError::IsPlanPdf,
            Err(_) => JsonFileError::IsPdf,
        });
    }
    if bytes.len() > MAX_BYTES {
        return Err(JsonFileError::TooLarge {
            bytes: bytes.len(),
            max: MAX_BYTES,
        });
    }
    let text = String::from_utf8_lossy(bytes);
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(JsonFileError::Empty);
    }
    serde_json::from_str(trimmed).map_err(|e| JsonFileError::NotJson {
        line: e.line(),
        column: e.column(),
    })
}

/// Largest file «Abrir un borrador» reads: a PDF may be larger than a draft.
pub fn max_file_bytes(file_name: &str) -> usize {
    if file_name.to_ascii_lowercase().ends_with(".pdf") {
        MAX_PDF_BYTES
    } else {
        MAX_BYTES
    }
}
