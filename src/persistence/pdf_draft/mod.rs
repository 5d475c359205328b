//! The draft inside a PDF, read back: a plan's PDF carries its draft (the
//! envelope JSON) as a standard embedded file `borrador.json` (written by
//! `export::pdf::attach`), so a PDF sent by e-mail can be opened again with
//! «Abrir un borrador» and edited further.
//!
//! [`extract_draft`] finds the file in any PDF: ours, or ours after another
//! program re-saved it (classic or stream cross-references, object streams,
//! uncompressed streams, several updates), through [`reader`], a small
//! defensive PDF reader. When the cross-references are broken it scans the
//! file for objects instead. Everything is bounded ([`MAX_PDF_BYTES`],
//! [`MAX_BYTES`] for the draft, nesting and inflation limits) and nothing panics.
//!
//! Pure Rust (flate2), no browser APIs: the app reads drafts out of PDFs
//! without loading the PDF engine.

pub(crate) mod reader;

use reader::{header_offset, text_of, Doc, Obj, ReadError};

use crate::persistence::envelope::{FORMAT, MAX_BYTES};

/// The embedded file's name, as viewers list it.
pub const DRAFT_FILE_NAME: &str = "borrador.json";

/// Largest PDF read when looking for a draft. A plan's PDF is far smaller
/// (hundreds of KB); the margin is for PDFs another program re-saved.
pub const MAX_PDF_BYTES: usize = 25 * 1024 * 1024;

/// Why no draft could be taken out of a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("not a PDF")]
    NotPdf,
    #[error("the file has {bytes} bytes, more than {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("the PDF is encrypted")]
    Encrypted,
    #[error("the PDF has no attached draft")]
    NoDraft,
    #[error("the PDF is damaged: {0}")]
    Damaged(String),
}

impl From<ReadError> for ExtractError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::NotPdf => ExtractError::NotPdf,
            ReadError::Damaged(s) | ReadError::Unsupported(s) => ExtractError::Damaged(s),
            ReadError::Limit(what) => ExtractError::Damaged(format!("limit reached: {what}")),
        }
    }
}

/// Whether the bytes are a PDF (a `%PDF-` header in the first kilobyte, as
/// readers accept it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    header_offset(bytes).is_some()
}

// ---------------------------------------------------------------------------
// Extracting

/// The draft attached to a PDF: `borrador.json`, or failing that any attached
/// file that is one of our drafts. The text is returned as found; reading it
/// as a draft is [`crate::persistence::decode`]'s job.
pub fn extract_draft(bytes: &[u8]) -> Result<String, ExtractError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(ExtractError::TooLarge {
            bytes: bytes.len(),
            max: MAX_PDF_BYTES,
        });
    }
    if !is_pdf(bytes) {
        return Err(ExtractError::NotPdf);
    }
    let declared = Doc::load(bytes)
        .map_err(ExtractError::from)
        .and_then(|mut doc| find_draft(&mut doc));
    match declared {
        Ok(text) => Ok(text),
        Err(e @ (ExtractError::TooLarge { .. } | ExtractError::Encrypted)) => Err(e),
        // Broken cross-references or objects: rebuild them, as viewers do. Also
        // when none was found: an update cut off at its end (an interrupted
        // download) leaves the draft in the file but not in the declared
        // cross-references.
        Err(first) => {
            let mut doc = Doc::reconstruct(bytes).map_err(|_| first)?;
            match find_draft(&mut doc) {
                Ok(text) => Ok(text),
                Err(e @ (ExtractError::TooLarge { .. } | ExtractError::Encrypted)) => Err(e),
                Err(_) => scan_for_draft(&mut doc),
            }
        }
    }
}

/// Through the catalog's `/Names /EmbeddedFiles` tree.
fn find_draft(doc: &mut Doc) -> Result<String, ExtractError> {
    if doc.trailer.get(b"Encrypt").is_some() {
        return Err(ExtractError::Encrypted);
    }
    let root = doc.trailer.get(b"Root").cloned().unwrap_or(Obj::Null);
    let Obj::Dict(catalog) = doc.resolve(&root)? else {
        return Err(ExtractError::Damaged("no catalog".into()));
    };
    let Some(names) = catalog.get(b"Names") else {
        return Err(ExtractError::NoDraft);
    };
    let Obj::Dict(names) = doc.resolve(names)? else {
        return Err(ExtractError::NoDraft);
    };
    let Some(tree) = names.get(b"EmbeddedFiles") else {
        return Err(ExtractError::NoDraft);
    };
    let files = name_tree_entries(doc, tree)?;
    // Ours by name first; then any attachment that is one of our drafts.
    let (named, others): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(k, _)| text_of(k) == DRAFT_FILE_NAME);
    for (_, spec) in named {
        match embedded_text(doc, &spec) {
            Ok(text) => return Ok(text),
            Err(e @ ExtractError::TooLarge { .. }) => return Err(e),
            Err(_) => {}
        }
    }
    for (_, spec) in others {
        if let Ok(text) = embedded_text(doc, &spec) {
            if text.contains(FORMAT) {
                return Ok(text);
            }
        }
    }
    Err(ExtractError::NoDraft)
}

/// Last resort on a damaged file: any file specification named `borrador.json`.
fn scan_for_draft(doc: &mut Doc) -> Result<String, ExtractError> {
    for num in doc.object_numbers() {
        let Ok(obj) = doc.object(num) else {
            continue;
        };
        let Some(spec) = obj.as_dict() else {
            continue;
        };
        let named = [&b"UF"[..], b"F"]
            .iter()
            .any(|k| matches!(spec.get(k), Some(Obj::Str(s)) if text_of(s) == DRAFT_FILE_NAME));
        if named && spec.get(b"EF").is_some() {
            match embedded_text(doc, &obj) {
                Ok(text) => return Ok(text),
                Err(e @ ExtractError::TooLarge { .. }) => return Err(e),
                Err(_) => {}
            }
        }
    }
    Err(ExtractError::NoDraft)
}

/// The text of the embedded file a file specification points to.
fn embedded_text(doc: &mut Doc, spec: &Obj) -> Result<String, ExtractError> {
    let spec = doc.resolve(spec)?;
    let ef = spec
        .as_dict()
        .and_then(|d| d.get(b"EF"))
        .cloned()
        .ok_or(ExtractError::NoDraft)?;
    let Obj::Dict(ef) = doc.resolve(&ef)? else {
        return Err(ExtractError::NoDraft);
    };
    let stream = ef
        .get(b"UF")
        .or_else(|| ef.get(b"F"))
        .cloned()
        .ok_or(ExtractError::NoDraft)?;
    let Obj::Stream(dict, span) = doc.resolve(&stream)? else {
        return Err(ExtractError::Damaged(
            "embedded file is not a stream".into(),
        ));
    };
    let data = match doc.stream_data(&dict, span, MAX_BYTES) {
        Ok(d) => d,
        Err(ReadError::Limit(_)) => {
            let declared = match dict.get(b"Params") {
                Some(Obj::Dict(p)) => match p.get(b"Size") {
                    Some(Obj::Int(n)) => usize::try_from(*n).ok(),
                    _ => None,
                },
                _ => None,
            };
            return Err(ExtractError::TooLarge {
                bytes: declared.filter(|n| *n > MAX_BYTES).unwrap_or(MAX_BYTES + 1),
                max: MAX_BYTES,
            });
        }
        Err(e) => return Err(e.into()),
    };
    String::from_utf8(data).map_err(|_| ExtractError::Damaged("the draft is not UTF-8".into()))
}

/// Every (key, value) of a name tree, in order; bounded in depth and size.
pub(crate) fn name_tree_entries(
    doc: &mut Doc,
    root: &Obj,
) -> Result<Vec<(Vec<u8>, Obj)>, ReadError> {
    const MAX_TREE_DEPTH: usize = 32;
    const MAX_NODES: usize = 10_000;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![(root.clone(), 0usize)];
    let mut nodes = 0;
    while let Some((node, depth)) = stack.pop() {
        nodes += 1;
        if depth > MAX_TREE_DEPTH || nodes > MAX_NODES {
            return Err(ReadError::Limit("name tree"));
        }
        if let Obj::Ref(n, _) = node {
            if !seen.insert(n) {
                continue;
            }
        }
        let Obj::Dict(d) = doc.resolve(&node)? else {
            continue;
        };
        if let Some(names) = d.get(b"Names") {
            if let Obj::Array(items) = doc.resolve(names)? {
                for pair in items.chunks_exact(2) {
                    if let [key, value] = pair {
                        if let Obj::Str(k) = doc.resolve(key)? {
                            out.push((k, value.clone()));
                        }
                    }
                }
            }
        }
        if let Some(kids) = d.get(b"Kids") {
            if let Obj::Array(kids) = doc.resolve(kids)? {
                // Reversed onto the stack, so kids are visited in order.
                for kid in kids.into_iter().rev() {
                    stack.push((kid, depth + 1));
                }
            }
        }
    }
    Ok(out)
}
