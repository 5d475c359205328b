//! The PDF worker's protocol (`export::job`), natively: the page's request
//! (its document and the draft) survives its JSON trip with the local offset,
//! is drawn as the direct call draws it with the draft inside, reports typed
//! errors; the laid-out pages export as JSON for the benchmark's peer; and the
//! split that keeps printpdf out of the app's first load holds (printpdf is
//! named only in the feature-gated PDF module).

mod common;

use common::without_id;
use plan_local_ga::domain::Plan;
use plan_local_ga::export::job::{
    laid_json, DocumentKind, ExportFailure, Job, JobError, Output, Prepared,
};
use plan_local_ga::export::{layout, plan_document, plan_pdf_with_draft, PageSize};
use plan_local_ga::messages;
use plan_local_ga::persistence::pdf_draft::extract_draft;
use plan_local_ga::persistence::{decode, encode, Envelope};
use time::macros::datetime;

fn fixture_draft() -> Envelope {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/borrador-v5.json"
    ))
    .expect("fixture");
    decode(&text).expect("fixture decodes")
}

#[test]
fn the_plans_request_survives_its_json_trip_with_the_local_offset_and_the_draft() {
    let at = datetime!(2026-11-24 10:42:07 -06:00);
    let draft = fixture_draft();
    let sent = Prepared::plan(&draft, at);
    assert_eq!(sent.draft.as_deref(), Some(encode(&draft).as_str()));
    assert_eq!(sent.prepared, plan_document(&draft.plan, at));
    assert_eq!(sent.output, Output::Pdf, "the default output is the PDF");
    let json = sent.to_json();
    let back = Prepared::from_json(&json).expect("reads back");
    assert_eq!(back, sent);
    assert_eq!(
        back.prepared.meta.generated_at, at,
        "the local time travels"
    );
    assert_eq!(back.prepared.meta.generated_at.offset().whole_hours(), -6);
    // The same request as a Job names it.
    assert_eq!(Job::pdf(DocumentKind::Plan, draft, at).prepare(), Ok(sent));
}

#[test]
fn the_worker_renders_the_same_pdf_as_the_direct_call_with_the_draft_inside() {
    let at = datetime!(2026-11-24 10:42 -06:00);
    let draft = fixture_draft();
    let request = Prepared::from_json(&Prepared::plan(&draft, at).to_json()).expect("reads back");
    let bytes = request.run().expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let json = encode(&draft);
    let direct = plan_pdf_with_draft(&draft.plan, &json, at).expect("pdf");
    assert_eq!(
        extract_draft(&bytes).expect("the PDF carries the draft"),
        json,
        "«Abrir un borrador» finds the same draft"
    );
    // Equal but for the file identifier, which is random.
    assert!(
        without_id(&bytes) == without_id(&direct),
        "the worker's PDF differs from plan_pdf_with_draft's"
    );
    assert!(
        without_id(&Job::pdf(DocumentKind::Plan, draft, at).run().expect("pdf"))
            == without_id(&direct),
        "a Job draws the same"
    );
}

#[test]
fn typed_errors_for_a_bad_request_and_a_report_without_assessment() {
    // What an earlier version of the app sent (a job naming its kind) is
    // refused as a request the worker cannot read, not drawn half.
    assert!(matches!(
        Prepared::from_json("{\"document\": \"plan\", \"draft\": {}}"),
        Err(JobError::Request(_))
    ));
    let at = datetime!(2026-11-24 10:42 -06:00);
    let empty = Envelope::new(Plan::default(), Default::default(), at, 1);
    assert_eq!(Prepared::readiness(&empty.plan, at), None);
    let job = Job::pdf(DocumentKind::Readiness, empty, at);
    assert_eq!(job.run(), Err(JobError::NoAssessment));
    // Errors cross the worker boundary as JSON and come back the same.
    let e = JobError::Pdf("x".into());
    let text = serde_json::to_string(&e).expect("json");
    assert_eq!(serde_json::from_str::<JobError>(&text).expect("back"), e);
}

#[test]
fn the_layout_json_holds_every_item_of_every_page() {
    let at = datetime!(2026-11-24 10:42 -06:00);
    let draft = fixture_draft();
    let laid = layout(&plan_document(&draft.plan, at), PageSize::LETTER);
    let json: serde_json::Value = serde_json::from_str(&laid_json(&laid)).expect("json");
    assert_eq!(json["width"], 612.0);
    let pages = json["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), laid.pages.len());
    let texts: Vec<&str> = pages
        .iter()
        .flat_map(|p| p.as_array().expect("items"))
        .filter(|i| i["t"] == "text")
        .map(|i| i["text"].as_str().expect("text"))
        .collect();
    assert_eq!(texts, laid.texts());
    let mut job = Job::pdf(DocumentKind::Plan, draft, at);
    job.output = Output::Layout;
    assert_eq!(job.layout_json().expect("layout"), laid_json(&laid));
}

/// A document a section built itself travels to the worker whole (the
/// English title's language too) and is drawn as the direct call draws it,
/// with no draft inside.
#[test]
fn a_prepared_document_survives_its_trip_and_is_drawn_as_the_direct_call() {
    let at = datetime!(2026-11-24 10:42 -06:00);
    let draft = fixture_draft();
    let doc = plan_document(&draft.plan, at);
    let sent = Prepared::new(doc.clone()).to_json();
    assert!(!sent.contains("\"draft\""), "no draft key: {}", &sent[..80]);
    let back = Prepared::from_json(&sent).expect("reads back");
    assert_eq!(
        back.prepared, doc,
        "every block, field and language comes back"
    );
    assert!(matches!(
        Prepared::from_json("{\"prepared\": {\"meta\": 3}}"),
        Err(JobError::Request(_))
    ));
    let bytes = back.run().expect("pdf");
    let direct = plan_local_ga::export::pdf::render_pdf(&doc).expect("pdf");
    assert!(without_id(&bytes) == without_id(&direct));
    assert!(extract_draft(&bytes).is_err(), "no draft travels with it");
    assert_eq!(
        back.layout_json(),
        laid_json(&layout(&doc, PageSize::LETTER))
    );
}

#[test]
fn every_export_failure_has_a_spanish_message_that_offers_a_way_on() {
    for f in [
        ExportFailure::WorkerUnavailable,
        ExportFailure::Generation,
        ExportFailure::DownloadBlocked,
    ] {
        let m = messages::export_failure(f);
        assert!(m.contains("PDF"), "{m}");
        assert!(m.ends_with('.'), "{m}");
    }
    assert!(messages::export_failure(ExportFailure::Generation).contains("borrador (JSON)"));
}

/// printpdf may be named only in the export's pdf floor, which the `pdf` feature gates
/// (and in the worker binary): anything else would pull it back into the app's
/// first-load binary.
#[test]
fn printpdf_stays_behind_the_pdf_feature() {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let export_mod = std::fs::read_to_string(format!("{src}/export/mod.rs")).expect("mod.rs");
    let gated =
        |name: &str| export_mod.contains(&format!("#[cfg(feature = \"pdf\")]\npub mod {name};"));
    assert!(gated("pdf"));
    let mut stack = vec![std::path::PathBuf::from(src)];
    let mut offenders = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source");
                if !text.contains("printpdf::") && !text.contains("use printpdf") {
                    continue;
                }
                // The export's pdf floor, which export/mod.rs gates whole.
                let in_pdf_floor = path.parent().is_some_and(|p| p.ends_with("export/pdf"));
                let ok = path.ends_with("bin/pdf_worker.rs") || (in_pdf_floor && gated("pdf"));
                if !ok {
                    offenders.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "printpdf used outside the feature-gated export modules: {offenders:?}"
    );
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).expect("toml");
    assert!(
        manifest.contains(
            "printpdf = { version = \"0.12\", default-features = false, optional = true }"
        ),
        "printpdf is an optional dependency"
    );
}

/// The PDF worker draws only with the font files this build was made with:
/// the page fetches them beside index.html, and a file of another version
/// (or a damaged one) would draw the wrong glyphs for the layout's glyph ids.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_worker_accepts_exactly_this_builds_font_files() {
    use plan_local_ga::export::fonts::{file_name, is_file_of, BOLD_TTF, REGULAR_TTF};
    use plan_local_ga::export::FontFace;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/");
    for (face, bytes) in [(FontFace::Regular, REGULAR_TTF), (FontFace::Bold, BOLD_TTF)] {
        let served = std::fs::read(format!("{dir}{}", file_name(face))).expect("served file");
        assert_eq!(
            served, bytes,
            "the served file is the one the build measured"
        );
        assert!(is_file_of(face, &served));
        let mut changed = served.clone();
        changed[served.len() / 2] ^= 1;
        assert!(!is_file_of(face, &changed), "one changed byte");
        assert!(
            !is_file_of(face, &served[..served.len() - 1]),
            "one byte short"
        );
    }
    assert!(
        !is_file_of(FontFace::Regular, BOLD_TTF),
        "the faces swapped"
    );
    assert!(!is_file_of(FontFace::Bold, REGULAR_TTF));
}
