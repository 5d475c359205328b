//! The draft inside the PDF (`export::pdf::attach`, read back by `persistence::pdf_draft`): attached as `borrador.json` by an
//! incremental update, read back by the tools people use (qpdf, poppler's
//! `pdfdetach`), found again after other programs re-save the PDF, and refused
//! with a typed error when a PDF was made by something else or is damaged.
//!
//! A missing tool fails the test with the Debian package to install.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use common::{cleanup, page_count, path_str, pdftotext, run, scratch_dir, stdout};
use plan_local_ga::export::pdf::{attach_draft, EmbedError};
use plan_local_ga::export::{plan_pdf, plan_pdf_with_draft};
use plan_local_ga::persistence::envelope::MAX_BYTES;
use plan_local_ga::persistence::pdf_draft::{
    extract_draft, is_pdf, ExtractError, DRAFT_FILE_NAME, MAX_PDF_BYTES,
};
use plan_local_ga::persistence::{decode, decode_file, encode, DecodeError, Envelope};
use time::macros::datetime;
use time::OffsetDateTime;

fn when() -> OffsetDateTime {
    datetime!(2026-11-24 10:42:07 -6)
}

/// The current-version fixture: a complete draft with unsaved input.
fn envelope() -> Envelope {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/borrador-v5.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    decode(&text).expect("fixture decodes")
}

/// Asserts that `got` is the draft `json`, without printing whole drafts.
fn same(got: Result<String, ExtractError>, json: &str, what: &str) {
    match got {
        Ok(text) => assert!(
            text == json,
            "{what}: a different text came back ({} bytes, expected {})",
            text.len(),
            json.len()
        ),
        Err(e) => panic!("{what}: {e:?}"),
    }
}

/// Our PDF of `env`, with its draft attached.
fn exported(env: &Envelope) -> Vec<u8> {
    plan_pdf_with_draft(&env.plan, &encode(env), when()).expect("PDF renders")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write scratch file");
    path
}

fn qpdf(args: &[&str]) {
    run("qpdf", "qpdf", args);
}

/// `in` re-written by qpdf with `options`.
fn rewritten(dir: &Path, input: &Path, options: &[&str], name: &str) -> Vec<u8> {
    let out = dir.join(name);
    let mut args: Vec<&str> = options.to_vec();
    args.extend([path_str(input), path_str(&out)]);
    qpdf(&args);
    std::fs::read(&out).expect("qpdf output")
}

#[test]
fn attached_draft_comes_back_exactly() {
    let env = envelope();
    let json = encode(&env);
    let plain = plan_pdf(&env.plan, when()).expect("PDF renders");
    let with = attach_draft(&plain, &json).expect("attaches");
    assert!(
        with.starts_with(&plain),
        "an incremental update keeps the original bytes"
    );
    same(extract_draft(&with), &json, "attach_draft");
    assert!(
        decode_file(&with) == Ok(env.clone()),
        "the whole envelope, unsaved input included"
    );
    same(extract_draft(&exported(&env)), &json, "plan_pdf_with_draft");
}

#[test]
fn qpdf_and_poppler_read_the_attachment() {
    let dir = scratch_dir("embed-tools");
    let env = envelope();
    let json = encode(&env);
    let plain = write(
        &dir,
        "plain.pdf",
        &plan_pdf(&env.plan, when()).expect("PDF"),
    );
    let pdf = write(&dir, "plan.pdf", &exported(&env));

    let check = stdout(run("qpdf", "qpdf", &["--check", path_str(&pdf)]));
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );

    let list = stdout(run(
        "pdfdetach",
        "poppler-utils",
        &["-list", path_str(&pdf)],
    ));
    assert!(list.contains("1 embedded files"), "{list}");
    assert!(list.contains(&format!("1: {DRAFT_FILE_NAME}")), "{list}");
    let saved = dir.join("x.json");
    run(
        "pdfdetach",
        "poppler-utils",
        &["-save", "1", "-o", path_str(&saved), path_str(&pdf)],
    );
    assert!(
        std::fs::read_to_string(&saved).expect("saved") == json,
        "pdfdetach -save gives the draft"
    );

    // qpdf's own view: one attachment, its MIME type and its size.
    let attachments = stdout(run(
        "qpdf",
        "qpdf",
        &["--list-attachments", "--verbose", path_str(&pdf)],
    ));
    assert!(attachments.contains(DRAFT_FILE_NAME), "{attachments}");
    assert!(attachments.contains("application/json"), "{attachments}");
    assert!(
        attachments.contains("modification date: D:20261124104207-06'00'"),
        "the attachment has the PDF's date: {attachments}"
    );
    let shown = stdout(run(
        "qpdf",
        "qpdf",
        &[
            &format!("--show-attachment={DRAFT_FILE_NAME}"),
            path_str(&pdf),
        ],
    ));
    assert!(shown == json, "qpdf --show-attachment gives the draft");

    // The pages are untouched.
    assert_eq!(page_count(&pdf), page_count(&plain));
    assert_eq!(pdftotext(&pdf, false), pdftotext(&plain, false));
    cleanup(&dir);
}

#[test]
fn the_draft_survives_other_programs_rewriting_the_pdf() {
    let dir = scratch_dir("embed-rewrite");
    let env = envelope();
    let json = encode(&env);
    let pdf = write(&dir, "plan.pdf", &exported(&env));
    let variants: &[(&str, &[&str])] = &[
        // Cross-reference stream, catalog and file specification in object streams.
        ("objstm.pdf", &["--object-streams=generate"]),
        // Uncompressed streams, indirect /Length, comments.
        ("qdf.pdf", &["--qdf"]),
        ("linear.pdf", &["--linearize"]),
        (
            "objstm-linear.pdf",
            &["--object-streams=generate", "--linearize"],
        ),
        (
            "uncompressed.pdf",
            &["--object-streams=generate", "--stream-data=uncompress"],
        ),
        // Everything re-compressed, PNG predictors on the cross-reference stream.
        (
            "recompressed.pdf",
            &[
                "--object-streams=generate",
                "--recompress-flate",
                "--compression-level=9",
            ],
        ),
    ];
    for (name, options) in variants {
        let bytes = rewritten(&dir, &pdf, options, name);
        same(
            extract_draft(&bytes),
            &json,
            &format!("after qpdf {options:?}"),
        );
        assert!(
            decode_file(&bytes) == Ok(env.clone()),
            "after qpdf {options:?}"
        );
    }
    // A second attachment added by another program; ours is still found.
    let note = write(&dir, "nota.txt", "Comentarios de la sesión".as_bytes());
    let out = dir.join("two.pdf");
    qpdf(&[
        path_str(&pdf),
        path_str(&out),
        "--add-attachment",
        path_str(&note),
        "--",
    ]);
    let two = std::fs::read(&out).expect("qpdf output");
    let list = stdout(run(
        "pdfdetach",
        "poppler-utils",
        &["-list", path_str(&out)],
    ));
    assert!(list.contains("2 embedded files"), "{list}");
    same(extract_draft(&two), &json, "a second attachment");
    cleanup(&dir);
}

#[test]
fn attaching_to_a_pdf_with_a_cross_reference_stream_writes_one_too() {
    let dir = scratch_dir("embed-xrefstm");
    let env = envelope();
    let json = encode(&env);
    let plain = write(
        &dir,
        "plain.pdf",
        &plan_pdf(&env.plan, when()).expect("PDF"),
    );
    let compact = rewritten(&dir, &plain, &["--object-streams=generate"], "compact.pdf");
    let with = attach_draft(&compact, &json).expect("attaches");
    let tail = String::from_utf8_lossy(&with[compact.len()..]).into_owned();
    assert!(
        tail.contains("/Type /XRef"),
        "the update is a cross-reference stream"
    );
    assert!(!tail.contains("\ntrailer"), "and not a table");
    let pdf = write(&dir, "with.pdf", &with);
    let check = stdout(run("qpdf", "qpdf", &["--check", path_str(&pdf)]));
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let list = stdout(run(
        "pdfdetach",
        "poppler-utils",
        &["-list", path_str(&pdf)],
    ));
    assert!(list.contains(&format!("1: {DRAFT_FILE_NAME}")), "{list}");
    same(extract_draft(&with), &json, "attached to an xref stream");
    cleanup(&dir);
}

#[test]
fn attaching_again_replaces_the_draft_and_keeps_other_attachments() {
    let dir = scratch_dir("embed-again");
    let env = envelope();
    let first = exported(&env);
    let pdf = write(&dir, "plan.pdf", &first);
    let note = write(&dir, "nota.txt", b"otro archivo");
    let out = dir.join("two.pdf");
    qpdf(&[
        path_str(&pdf),
        path_str(&out),
        "--add-attachment",
        path_str(&note),
        "--",
    ]);
    let two = std::fs::read(&out).expect("qpdf output");
    let mut newer = env.clone();
    newer.revision += 1;
    let json = encode(&newer);
    let again = attach_draft(&two, &json).expect("attaches");
    let path = write(&dir, "again.pdf", &again);
    qpdf(&["--check", path_str(&path)]);
    let list = stdout(run(
        "pdfdetach",
        "poppler-utils",
        &["-list", path_str(&path)],
    ));
    assert!(list.contains("2 embedded files"), "{list}");
    assert_eq!(list.matches(DRAFT_FILE_NAME).count(), 1, "{list}");
    assert!(list.contains("nota.txt"), "{list}");
    same(extract_draft(&again), &json, "attached again");
    cleanup(&dir);
}

/// A minimal PDF written by hand, with correct offsets, and `extra` objects
/// (numbered from 4, the catalog gets `catalog_extra` entries).
fn hand_made_pdf(catalog_extra: &str, extra: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let mut objects: Vec<Vec<u8>> = vec![
        format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>").into_bytes(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_vec(),
    ];
    objects.extend(extra.iter().cloned());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn flate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).expect("in memory");
    e.finish().expect("in memory")
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

#[test]
fn a_pdf_made_by_something_else_gets_the_clear_message() {
    let dir = scratch_dir("embed-other");
    let empty = dir.join("empty.pdf");
    qpdf(&["--empty", path_str(&empty)]);
    let attachment = write(&dir, "datos.json", br#"{"otro": "programa"}"#);
    let with_other = dir.join("other-attachment.pdf");
    qpdf(&[
        path_str(&empty),
        path_str(&with_other),
        "--add-attachment",
        path_str(&attachment),
        "--",
    ]);
    let env = envelope();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("qpdf --empty", std::fs::read(&empty).expect("pdf")),
        (
            "another program's attachment",
            std::fs::read(&with_other).expect("pdf"),
        ),
        (
            "our PDF without the draft",
            plan_pdf(&env.plan, when()).expect("PDF"),
        ),
        ("hand made", hand_made_pdf("", &[])),
        // The end-to-end suite's "otro.pdf": no cross-reference at all.
        (
            "no xref",
            b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".to_vec(),
        ),
        ("header only", b"%PDF-1.7\n".to_vec()),
    ];
    for (what, bytes) in cases {
        assert!(is_pdf(&bytes), "{what}");
        let got = extract_draft(&bytes);
        assert!(
            matches!(got, Err(ExtractError::NoDraft | ExtractError::Damaged(_))),
            "{what}: {got:?}"
        );
        assert_eq!(
            decode_file(&bytes),
            Err(DecodeError::PdfWithoutDraft),
            "{what}"
        );
    }
    let message = plan_local_ga::messages::decode_error(&DecodeError::PdfWithoutDraft);
    assert!(message.contains("PDF"), "{message}");
    assert!(
        message.contains("otro programa"),
        "says who made it: {message}"
    );
    assert!(
        message.contains("«Exportar PDF»"),
        "says what to do: {message}"
    );
    assert!(message.contains("«Descargar borrador (JSON)»"), "{message}");
    cleanup(&dir);
}

#[test]
fn hand_made_attachments_in_every_standard_shape_are_found() {
    let json = encode(&envelope());
    let packed = flate(json.as_bytes());
    // A name tree with /Kids and /Limits, the key in UTF-16, a direct /EF.
    let kids = hand_made_pdf(
        "/Names << /EmbeddedFiles 4 0 R >>",
        &[
            b"<< /Kids [5 0 R] >>".to_vec(),
            b"<< /Limits [(a) (z)] /Names [<FEFF0062006F0072007200610064006F0072002E006A0073006F006E> 6 0 R] >>".to_vec(),
            b"<< /Type /Filespec /F (borrador.json) /EF << /F 7 0 R >> >>".to_vec(),
            stream("/Type /EmbeddedFile /Filter /FlateDecode", &packed),
        ],
    );
    same(extract_draft(&kids), &json, "name tree with kids");
    // Stored uncompressed, with a filter array and under another name: still
    // found, because its text is one of our drafts.
    let renamed = hand_made_pdf(
        "/Names << /EmbeddedFiles << /Names [(plan.json) 4 0 R] >> >>",
        &[
            b"<< /Type /Filespec /UF (plan.json) /EF << /UF 5 0 R >> >>".to_vec(),
            stream("/Filter []", json.as_bytes()),
        ],
    );
    same(extract_draft(&renamed), &json, "renamed attachment");
    // Another program's JSON under another name is not taken for a draft.
    let foreign = hand_made_pdf(
        "/Names << /EmbeddedFiles << /Names [(datos.json) 4 0 R] >> >>",
        &[
            b"<< /Type /Filespec /F (datos.json) /EF << /F 5 0 R >> >>".to_vec(),
            stream("", br#"{"a": 1}"#),
        ],
    );
    assert_eq!(extract_draft(&foreign), Err(ExtractError::NoDraft));
    // A name tree that points to itself ends.
    let cycle = hand_made_pdf(
        "/Names << /EmbeddedFiles 4 0 R >>",
        &[b"<< /Kids [4 0 R] >>".to_vec()],
    );
    assert_eq!(extract_draft(&cycle), Err(ExtractError::NoDraft));
}

#[test]
fn damaged_cross_references_are_rebuilt_by_scanning() {
    let env = envelope();
    let json = encode(&env);
    let pdf = exported(&env);
    // A wrong startxref (as after a careless edit).
    let at = pdf
        .windows(9)
        .rposition(|w| w == b"startxref")
        .expect("startxref");
    let mut wrong = pdf[..at].to_vec();
    wrong.extend_from_slice(b"startxref\n17\n%%EOF\n");
    same(extract_draft(&wrong), &json, "wrong startxref");
    // Every offset shifted: bytes inserted before the first object.
    let mut shifted = pdf.clone();
    let first = pdf
        .windows(7)
        .position(|w| w == b"1 0 obj")
        .expect("object 1");
    shifted.splice(
        first..first,
        b"% a comment a program added\n".iter().copied(),
    );
    same(extract_draft(&shifted), &json, "shifted offsets");
    // Cut right after our update's catalog: no cross-reference of the update.
    let xref = pdf.windows(5).rposition(|w| w == b"xref\n").expect("xref");
    same(
        extract_draft(&pdf[..xref]),
        &json,
        "cut before the last xref",
    );
    // Junk before the header (some mail programs): still a PDF, still found.
    let mut junk = b"From: alguien\r\n\r\n".to_vec();
    junk.extend_from_slice(&pdf);
    same(extract_draft(&junk), &json, "junk before the header");
}

#[test]
fn encrypted_pdfs_are_refused_with_a_typed_error() {
    let dir = scratch_dir("embed-encrypted");
    let env = envelope();
    let pdf = write(&dir, "plan.pdf", &exported(&env));
    let out = dir.join("locked.pdf");
    qpdf(&[
        "--encrypt",
        "usuario",
        "propietario",
        "256",
        "--",
        path_str(&pdf),
        path_str(&out),
    ]);
    let locked = std::fs::read(&out).expect("qpdf output");
    assert_eq!(extract_draft(&locked), Err(ExtractError::Encrypted));
    assert_eq!(decode_file(&locked), Err(DecodeError::PdfWithoutDraft));
    assert_eq!(
        attach_draft(&locked, &encode(&env)),
        Err(EmbedError::Encrypted)
    );
    cleanup(&dir);
}

#[test]
fn sizes_are_bounded() {
    // A draft over the limit is not attached.
    let plain = plan_pdf(&envelope().plan, when()).expect("PDF");
    let huge = " ".repeat(MAX_BYTES + 1);
    assert!(matches!(
        attach_draft(&plain, &huge),
        Err(EmbedError::TooLarge { .. })
    ));
    // A PDF over the limit is not read.
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(MAX_PDF_BYTES + 1, b' ');
    assert_eq!(
        extract_draft(&big),
        Err(ExtractError::TooLarge {
            bytes: MAX_PDF_BYTES + 1,
            max: MAX_PDF_BYTES
        })
    );
    assert!(matches!(
        decode_file(&big),
        Err(DecodeError::TooLarge { .. })
    ));
    // An attachment that inflates past the draft limit (a zip bomb) stops there.
    let bomb = flate(&vec![b' '; MAX_BYTES + 10]);
    let pdf = hand_made_pdf(
        "/Names << /EmbeddedFiles << /Names [(borrador.json) 4 0 R] >> >>",
        &[
            b"<< /Type /Filespec /F (borrador.json) /EF << /F 5 0 R >> >>".to_vec(),
            stream("/Filter /FlateDecode", &bomb),
        ],
    );
    assert!(matches!(
        extract_draft(&pdf),
        Err(ExtractError::TooLarge { max: MAX_BYTES, .. })
    ));
    assert!(matches!(
        decode_file(&pdf),
        Err(DecodeError::TooLarge { max: MAX_BYTES, .. })
    ));
}

#[test]
fn json_files_still_open_through_decode_file() {
    let env = envelope();
    let json = encode(&env);
    assert!(decode_file(json.as_bytes()) == Ok(env.clone()));
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(json.as_bytes());
    assert!(decode_file(&bom) == Ok(env.clone()));
    // A draft whose text mentions "%PDF-" is still JSON.
    let mut tricky = env.clone();
    if let Some(p) = tricky.plan.profile.as_mut() {
        p.plan_name = "%PDF-1.7 no es un PDF".into();
    }
    assert!(decode_file(encode(&tricky).as_bytes()) == Ok(tricky));
    assert_eq!(decode_file(b""), Err(DecodeError::Empty));
    assert!(matches!(
        decode_file(&vec![b' '; MAX_BYTES + 1]),
        Err(DecodeError::TooLarge { .. })
    ));
    assert!(matches!(
        decode_file(&[0xff, 0xfe, b'{']),
        Err(DecodeError::NotJson { .. })
    ));
}

/// Median wall time of 7 runs of `f` after one warm-up, in milliseconds.
fn median_ms(mut f: impl FnMut()) -> f64 {
    f();
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[3]
}

/// Figures for the closing note: bytes added and times, for the fixture and
/// the benchmark plan (15 commitments × 4 key actions × 4 activities, every
/// field filled). Prints; asserts only sanity. Run with `--release --nocapture`.
#[test]
fn figures() {
    let bench = Envelope::new(
        common::bench_plan::plan_with(15),
        Default::default(),
        when(),
        1,
    );
    for (what, env) in [("fixture", envelope()), ("benchmark plan", bench)] {
        let json = encode(&env);
        let plain = plan_pdf(&env.plan, when()).expect("PDF");
        let with = attach_draft(&plain, &json).expect("attaches");
        let attach = median_ms(|| drop(attach_draft(&plain, &json)));
        let extract = median_ms(|| drop(extract_draft(&with)));
        let open = median_ms(|| drop(decode_file(&with)));
        let back = extract_draft(&with).expect("extracts");
        let opened = decode_file(&with).expect("decodes");
        assert!(back == json && opened == env);
        eprintln!(
            "embed figures, {what}: draft {} B, PDF {} B → {} B (+{} B, {:.0}% of the draft); \
             attach {attach:.2} ms, extract {extract:.2} ms, extract+decode {open:.2} ms \
             (median of 7 after a warm-up)",
            json.len(),
            plain.len(),
            with.len(),
            with.len() - plain.len(),
            100.0 * (with.len() - plain.len()) as f64 / json.len() as f64,
        );
        assert!(
            with.len() - plain.len() < json.len(),
            "the draft is compressed"
        );
    }
}

/// Guards the reader's limits: each of these would loop, recurse without end
/// or allocate without bound in a naive reader.
#[test]
fn hostile_structures_end_quickly_with_a_typed_error() {
    let start = Instant::now();
    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    // Arrays nested 100,000 deep in the catalog.
    let deep = format!("/Deep {}{}", "[".repeat(100_000), "]".repeat(100_000));
    cases.push(("deep nesting", hand_made_pdf(&deep, &[])));
    // A /Prev chain that points to itself.
    let mut looped = hand_made_pdf("", &[]);
    let at = looped
        .windows(9)
        .rposition(|w| w == b"startxref")
        .expect("startxref");
    let xref = String::from_utf8_lossy(&looped[at + 10..])
        .lines()
        .next()
        .expect("offset")
        .to_owned();
    let trailer = looped
        .windows(7)
        .rposition(|w| w == b"trailer")
        .expect("trailer");
    looped.truncate(trailer);
    looped.extend_from_slice(
        format!("trailer\n<< /Size 4 /Root 1 0 R /Prev {xref} >>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    cases.push(("/Prev loop", looped));
    // A stream whose /Length is itself; an object stream inside itself.
    cases.push((
        "self-referencing length",
        hand_made_pdf(
            "/Names << /EmbeddedFiles << /Names [(borrador.json) 4 0 R] >> >>",
            &[
                b"<< /Type /Filespec /F (borrador.json) /EF << /F 5 0 R >> >>".to_vec(),
                b"<< /Length 5 0 R >>\nstream\nabc\nendstream".to_vec(),
            ],
        ),
    ));
    // A cross-reference stream claiming four billion entries.
    let mut huge_index = b"%PDF-1.7\n".to_vec();
    let off = huge_index.len();
    huge_index.extend_from_slice(
        b"1 0 obj\n<< /Type /XRef /Root 2 0 R /W [8 8 8] /Index [0 4000000000] /Size 4000000000 /Length 24 >>\nstream\n",
    );
    huge_index.extend_from_slice(&[0x01; 24]);
    huge_index
        .extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{off}\n%%EOF\n").as_bytes());
    cases.push(("huge /Index", huge_index));
    // Thousands of objects that each open a string running to the end.
    let mut overlapping = b"%PDF-1.7\n".to_vec();
    for i in 1..20_000 {
        overlapping.extend_from_slice(format!("{i} 0 obj (").as_bytes());
    }
    cases.push(("overlapping objects", overlapping));
    // Millions of keywords a rebuild looks for, each opening a string.
    cases.push((
        "trailer soup",
        b"%PDF-1.7\n"
            .iter()
            .chain(b"trailer(".repeat(1_000_000).iter())
            .copied()
            .collect(),
    ));
    cases.push((
        "obj soup",
        b"%PDF-1.7\n"
            .iter()
            .chain(b"1 0 obj(".repeat(1_000_000).iter())
            .copied()
            .collect(),
    ));
    // A zip bomb in an object stream.
    let bomb = flate(&vec![b'0'; 50 * 1024 * 1024]);
    let objstm = stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", &bomb);
    cases.push(("object stream bomb", hand_made_pdf("", &[objstm])));
    for (what, bytes) in cases {
        let t = Instant::now();
        let got = extract_draft(&bytes);
        // (The self-referencing length still gives its three bytes, found by
        // `endstream`; they are no draft.)
        let decoded = decode_file(&bytes);
        assert!(decoded.is_err(), "{what}: {decoded:?}");
        eprintln!(
            "{what}: {:?} in {:.1} ms",
            got,
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

/// A PDF exported by this version and re-saved by qpdf with object streams
/// (`qpdf --object-streams=generate --deterministic-id`): kept as a fixture,
/// never edited, so that later versions must keep opening it.
#[test]
fn the_pdf_fixture_opens() {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/borrador-v4-en-pdf-qpdf.pdf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("PDF fixture");
    assert!(decode_file(&bytes) == Ok(envelope()), "the fixture's draft");
}
