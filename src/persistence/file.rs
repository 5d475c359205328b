//! A file the person chooses with «Abrir un borrador»: the JSON text of a
//! draft, or a PDF exported by this tool that carries one. Sits above the
//! draft format ([`super::envelope`]) and the PDF reader ([`super::pdf_draft`]).

use super::envelope::{decode, DecodeError, Envelope, MAX_BYTES};
use super::pdf_draft::{extract_draft, is_pdf, ExtractError, MAX_PDF_BYTES};

/// Reads a draft from a chosen file's bytes: the JSON text of a draft, or a
/// PDF exported by this tool, whose attached draft is read (see
/// [`super::pdf_draft`]). A PDF without one is [`DecodeError::PdfWithoutDraft`].
pub fn decode_file(bytes: &[u8]) -> Result<Envelope, DecodeError> {
    // A draft's JSON starts with `{`; anything else with a PDF header is a PDF.
    let text_start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    if text_start != Some(&b'{') && is_pdf(bytes) {
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

/// Largest file «Abrir un borrador» reads: a PDF may be larger than a draft.
pub fn max_file_bytes(file_name: &str) -> usize {
    if file_name.to_ascii_lowercase().ends_with(".pdf") {
        MAX_PDF_BYTES
    } else {
        MAX_BYTES
    }
}
