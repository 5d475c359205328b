//! The draft attached to a plan's PDF: [`attach_draft`] adds `borrador.json`
//! (`application/json`, Flate-compressed) to a finished PDF as an *incremental
//! update*: the original bytes stay as they are, and after them come the file's
//! stream, its file specification, the catalog re-written with `/Names
//! /EmbeddedFiles` (where every viewer lists attachments) and `/AF` (PDF 2.0's
//! associated files, with `/AFRelationship /Source`), and a cross-reference
//! section of the same kind as the file's own (table or stream) with `/Prev`.
//! Signatures and viewers treat such updates as routine; `qpdf --check` and
//! poppler's `pdfdetach` read the result.
//!
//! Reading the draft back is the file format's job:
//! [`crate::persistence::pdf_draft`], whose PDF reader this module reuses.

use std::io::Write;

use crate::persistence::envelope::MAX_BYTES;
use crate::persistence::pdf_draft::reader::{self, text_of, Dict, Doc, Obj, ReadError, XrefKind};
use crate::persistence::pdf_draft::{name_tree_entries, DRAFT_FILE_NAME};

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

fn unreadable(e: ReadError) -> EmbedError {
    EmbedError::Unreadable(match e {
        ReadError::NotPdf => "not a PDF".to_owned(),
        ReadError::Damaged(s) | ReadError::Unsupported(s) => s,
        ReadError::Limit(what) => format!("limit reached: {what}"),
    })
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
