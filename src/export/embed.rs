//! The draft inside the PDF: a plan's PDF carries its draft (the envelope JSON)
//! as a standard embedded file, so a PDF sent by e-mail can be opened again with
//! «Abrir un borrador» and edited further.
//!
//! [`attach_draft`] adds `borrador.json` (`application/json`, Flate-compressed)
//! to a finished PDF as an *incremental update*: the original bytes stay as they
//! are, and after them come the file's stream, its file specification, the
//! catalog re-written with `/Names /EmbeddedFiles` (where every viewer lists
//! attachments) and `/AF` (PDF 2.0's associated files, with `/AFRelationship
//! /Source`), and a cross-reference section of the same kind as the file's own
//! (table or stream) with `/Prev`. Signatures and viewers treat such updates as
//! routine; `qpdf --check` and poppler's `pdfdetach` read the result.
//!
//! [`extract_draft`] finds the file again in any PDF: ours, or ours after
//! another program re-saved it (classic or stream cross-references, object
//! streams, uncompressed streams, several updates), through [`reader`], a
//! small defensive PDF reader. When the cross-references are broken it scans
//! the file for objects instead. Everything is bounded ([`MAX_PDF_BYTES`],
//! [`MAX_BYTES`] for the draft, nesting and inflation limits) and nothing panics.
//!
//! Pure Rust (flate2, already in the tree through printpdf), no browser APIs:
//! the app reads drafts out of PDFs without loading the PDF engine.

mod reader;

use std::io::Write;

use reader::{header_offset, text_of, Dict, Doc, Obj, ReadError, XrefKind};

use crate::persistence::envelope::{FORMAT, MAX_BYTES};

/// The embedded file's name, as viewers list it.
pub const DRAFT_FILE_NAME: &str = "borrador.json";

/// Largest PDF read when looking for a draft. A plan's PDF is far smaller
/// (hundreds of KB); the margin is for PDFs another program re-saved.
pub const MAX_PDF_BYTES: usize = 25 * 1024 * 1024;

/// The attachment's description, shown by viewers next to its name.
const DESCRIPTION: &str =
    "Borrador del plan. Para seguir editándolo, ábralo en la herramienta con «Abrir un borrador».";

/// Why a draft could not be attached to a PDF.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmbedError {
    #[error("the draft has {bytes} bytes, more than {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("the PDF is encrypted")]
    Encrypted,
    #[error("the PDF cannot be read: {0}")]
    Unreadable(String),
}

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

fn unreadable(e: ReadError) -> EmbedError {
    EmbedError::Unreadable(match e {
        ReadError::NotPdf => "not a PDF".to_owned(),
        ReadError::Damaged(s) | ReadError::Unsupported(s) => s,
        ReadError::Limit(what) => format!("limit reached: {what}"),
    })
}

/// Whether the bytes are a PDF (a `%PDF-` header in the first kilobyte, as
/// readers accept it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    header_offset(bytes).is_some()
}

// ---------------------------------------------------------------------------
// Attaching

/// `pdf` with `json` attached as [`DRAFT_FILE_NAME`], by an incremental update.
/// An earlier `borrador.json` is replaced; other attachments stay.
pub fn attach_draft(pdf: &[u8], json: &str) -> Result<Vec<u8>, EmbedError> {
    if json.len() > MAX_BYTES {
        return Err(EmbedError::TooLarge {
            bytes: json.len(),
            max: MAX_BYTES,
        });
    }
    let mut doc = Doc::load(pdf).map_err(unreadable)?;
    if doc.trailer.get(b"Encrypt").is_some() {
        return Err(EmbedError::Encrypted);
    }
    let Some(Obj::Ref(root, root_gen)) = doc.trailer.get(b"Root").cloned() else {
        return Err(EmbedError::Unreadable("no catalog reference".into()));
    };
    let Obj::Dict(mut catalog) = doc.object(root).map_err(unreadable)? else {
        return Err(EmbedError::Unreadable(
            "the catalog is not a dictionary".into(),
        ));
    };
    let mut names = match catalog.get(b"Names").cloned() {
        None => Dict::default(),
        Some(o) => match doc.resolve(&o).map_err(unreadable)? {
            Obj::Dict(d) => d,
            _ => Dict::default(),
        },
    };
    let mut files = match names.get(b"EmbeddedFiles").cloned() {
        None => Vec::new(),
        Some(tree) => name_tree_entries(&mut doc, &tree).map_err(unreadable)?,
    };
    let replaced: Vec<Obj> = files
        .iter()
        .filter(|(k, _)| text_of(k) == DRAFT_FILE_NAME)
        .map(|(_, v)| v.clone())
        .collect();
    files.retain(|(k, _)| text_of(k) != DRAFT_FILE_NAME);

    let file_num = doc.next_number();
    let spec_num = file_num
        .checked_add(1)
        .ok_or_else(|| EmbedError::Unreadable("too many objects".into()))?;
    files.push((DRAFT_FILE_NAME.as_bytes().to_vec(), Obj::Ref(spec_num, 0)));
    // A name tree's keys are sorted by their bytes (7.9.6).
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let flat = files
        .into_iter()
        .flat_map(|(k, v)| [Obj::Str(k), v])
        .collect();
    names.set(
        b"EmbeddedFiles",
        Obj::Dict(Dict(vec![(b"Names".to_vec(), Obj::Array(flat))])),
    );
    catalog.set(b"Names", Obj::Dict(names));
    let mut associated = match catalog.get(b"AF").cloned() {
        None => Vec::new(),
        Some(o) => match doc.resolve(&o).map_err(unreadable)? {
            Obj::Array(a) => a,
            _ => Vec::new(),
        },
    };
    associated.retain(|o| !replaced.contains(o));
    associated.push(Obj::Ref(spec_num, 0));
    catalog.set(b"AF", Obj::Array(associated));

    // The attachment is as old as the PDF: its date, when the PDF has one.
    let date = match doc.trailer.get(b"Info").cloned() {
        Some(info) => match doc.resolve(&info) {
            Ok(Obj::Dict(d)) => d
                .get(b"ModDate")
                .or_else(|| d.get(b"CreationDate"))
                .filter(|v| matches!(v, Obj::Str(_)))
                .cloned(),
            _ => None,
        },
        None => None,
    };
    let mut params = Dict(vec![(b"Size".to_vec(), Obj::Int(json.len() as i64))]);
    if let Some(date) = date {
        params.set(b"CreationDate", date.clone());
        params.set(b"ModDate", date);
    }
    let mut params_text = Vec::new();
    write_obj(&mut params_text, &Obj::Dict(params));

    let compressed = deflate(json.as_bytes());
    let mut out = Vec::with_capacity(pdf.len() + compressed.len() + 1024);
    out.extend_from_slice(pdf);
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    // Offsets in the file's own convention (from its header, see Doc::shift).
    let shift = doc.shift;
    let here = |out: &Vec<u8>| out.len().saturating_sub(shift);
    let mut written: Vec<(u32, u16, usize)> = Vec::new();

    written.push((file_num, 0, here(&out)));
    out.extend_from_slice(
        format!(
            "{file_num} 0 obj\n<</Type/EmbeddedFile/Subtype/application#2Fjson/Filter/FlateDecode\
             /Length {}/Params",
            compressed.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&params_text);
    out.extend_from_slice(b">>\nstream\n");
    out.extend_from_slice(&compressed);
    out.extend_from_slice(b"\nendstream\nendobj\n");

    written.push((spec_num, 0, here(&out)));
    let mut spec = Dict::default();
    spec.set(b"Type", Obj::Name(b"Filespec".to_vec()));
    spec.set(b"F", Obj::Str(DRAFT_FILE_NAME.as_bytes().to_vec()));
    spec.set(b"UF", Obj::Str(DRAFT_FILE_NAME.as_bytes().to_vec()));
    spec.set(b"Desc", Obj::Str(utf16_text(DESCRIPTION)));
    spec.set(b"AFRelationship", Obj::Name(b"Source".to_vec()));
    spec.set(
        b"EF",
        Obj::Dict(Dict(vec![
            (b"F".to_vec(), Obj::Ref(file_num, 0)),
            (b"UF".to_vec(), Obj::Ref(file_num, 0)),
        ])),
    );
    write_indirect(&mut out, spec_num, 0, &Obj::Dict(spec));

    written.push((root, root_gen, here(&out)));
    write_indirect(&mut out, root, root_gen, &Obj::Dict(catalog));

    let mut trailer = Dict::default();
    trailer.set(b"Root", Obj::Ref(root, root_gen));
    for key in [&b"Info"[..], b"ID"] {
        if let Some(v) = doc.trailer.get(key) {
            trailer.set(key, v.clone());
        }
    }
    let prev = i64::try_from(doc.startxref)
        .map_err(|_| EmbedError::Unreadable("offset out of range".into()))?;
    trailer.set(b"Prev", Obj::Int(prev));
    match doc.xref_kind {
        XrefKind::Table => {
            trailer.set(b"Size", Obj::Int(i64::from(spec_num) + 1));
            let at = here(&out);
            write_xref_table(&mut out, &mut written);
            out.extend_from_slice(b"trailer\n");
            write_obj(&mut out, &Obj::Dict(trailer));
            out.extend_from_slice(format!("\nstartxref\n{at}\n%%EOF\n").as_bytes());
        }
        XrefKind::Stream => {
            let xref_num = spec_num
                .checked_add(1)
                .ok_or_else(|| EmbedError::Unreadable("too many objects".into()))?;
            trailer.set(b"Size", Obj::Int(i64::from(xref_num) + 1));
            let at = here(&out);
            written.push((xref_num, 0, at));
            write_xref_stream(&mut out, xref_num, trailer, &mut written);
            out.extend_from_slice(format!("startxref\n{at}\n%%EOF\n").as_bytes());
        }
    }
    Ok(out)
}

/// `n g obj … endobj` for a direct (non-stream) object.
fn write_indirect(out: &mut Vec<u8>, num: u32, gen: u16, obj: &Obj) {
    out.extend_from_slice(format!("{num} {gen} obj\n").as_bytes());
    write_obj(out, obj);
    out.extend_from_slice(b"\nendobj\n");
}

/// A classic cross-reference section: one subsection per run of numbers.
fn write_xref_table(out: &mut Vec<u8>, entries: &mut [(u32, u16, usize)]) {
    entries.sort_unstable();
    out.extend_from_slice(b"xref\n");
    for run in number_runs(entries) {
        out.extend_from_slice(format!("{} {}\n", run[0].0, run.len()).as_bytes());
        for (_, gen, off) in run {
            // Exactly 20 bytes per entry, ending in space + line feed.
            out.extend_from_slice(format!("{off:010} {gen:05} n \n").as_bytes());
        }
    }
}

/// Sorted entries split into runs of consecutive object numbers: one
/// cross-reference subsection each.
fn number_runs(entries: &[(u32, u16, usize)]) -> impl Iterator<Item = &[(u32, u16, usize)]> {
    entries.chunk_by(|a, b| u64::from(b.0) == u64::from(a.0) + 1)
}

/// A cross-reference stream (uncompressed) listing `entries`, itself included.
fn write_xref_stream(
    out: &mut Vec<u8>,
    num: u32,
    mut dict: Dict,
    entries: &mut [(u32, u16, usize)],
) {
    entries.sort_unstable();
    let max_off = entries.iter().map(|e| e.2).max().unwrap_or(0);
    let width = (usize::BITS - max_off.leading_zeros()).div_ceil(8).max(1) as usize;
    let mut index = Vec::new();
    let mut rows = Vec::new();
    for run in number_runs(entries) {
        index.push(Obj::Int(i64::from(run[0].0)));
        index.push(Obj::Int(run.len() as i64));
        for (_, gen, off) in run {
            rows.push(1u8);
            rows.extend_from_slice(&off.to_be_bytes()[std::mem::size_of::<usize>() - width..]);
            rows.extend_from_slice(&gen.to_be_bytes());
        }
    }
    dict.set(b"Type", Obj::Name(b"XRef".to_vec()));
    dict.set(b"Index", Obj::Array(index));
    dict.set(
        b"W",
        Obj::Array(vec![Obj::Int(1), Obj::Int(width as i64), Obj::Int(2)]),
    );
    dict.set(b"Length", Obj::Int(rows.len() as i64));
    out.extend_from_slice(format!("{num} 0 obj\n").as_bytes());
    write_obj(out, &Obj::Dict(dict));
    out.extend_from_slice(b"\nstream\n");
    out.extend_from_slice(&rows);
    out.extend_from_slice(b"\nendstream\nendobj\n");
}

/// PDF syntax for a direct object. Strings other than plain ASCII are written
/// in hex, so any bytes come back exactly; reals keep the text they were read with.
fn write_obj(out: &mut Vec<u8>, obj: &Obj) {
    match obj {
        // A stream cannot be a direct object; never produced here.
        Obj::Null | Obj::Stream(..) => out.extend_from_slice(b"null"),
        Obj::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Obj::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Obj::Real(raw) => out.extend_from_slice(raw),
        // Plain ASCII stays readable; anything else is written in hex.
        Obj::Str(s)
            if s.iter()
                .all(|b| (b' '..=b'~').contains(b) && !matches!(b, b'(' | b')' | b'\\')) =>
        {
            out.push(b'(');
            out.extend_from_slice(s);
            out.push(b')');
        }
        Obj::Str(s) => {
            out.push(b'<');
            for b in s {
                out.extend_from_slice(format!("{b:02X}").as_bytes());
            }
            out.push(b'>');
        }
        Obj::Name(n) => write_name(out, n),
        Obj::Ref(n, g) => out.extend_from_slice(format!("{n} {g} R").as_bytes()),
        Obj::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_obj(out, item);
            }
            out.push(b']');
        }
        Obj::Dict(d) => {
            out.extend_from_slice(b"<<");
            for (k, v) in &d.0 {
                write_name(out, k);
                out.push(b' ');
                write_obj(out, v);
            }
            out.extend_from_slice(b">>");
        }
    }
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if b.is_ascii_graphic() && b != b'#' && !reader::is_delim(b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

/// A PDF text string in UTF-16BE with its byte order mark.
fn utf16_text(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_be_bytes());
    }
    out
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
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
fn name_tree_entries(doc: &mut Doc, root: &Obj) -> Result<Vec<(Vec<u8>, Obj)>, ReadError> {
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
