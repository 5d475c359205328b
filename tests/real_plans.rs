//! Issue 16's round trip of real published plans: each plan of
//! `tests/fixtures/planes-reales/`, typed into the pages' inputs
//! (tests/common/real_plans.rs), shows every published value on the review
//! page and in the PDF, and its draft file reads back as the same plan. The
//! drafts and their expected strings are committed in
//! `tests/fixtures/planes-reales/borradores/` for the browser test
//! (tests/e2e/real-plans.test.mjs); `REGENERATE=1 cargo test --test
//! real_plans` writes them again.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::real_plans::{all, RealPlan};
use common::{body_text, page_count, path_str, run, scratch_dir, squash};
use plan_local_ga::export::content::summary::summary;
use plan_local_ga::export::{plan_document, plan_pdf};
use plan_local_ga::persistence::{decode, encode, Envelope};
use time::macros::{date, datetime};

/// The draft's fixed save time, so the committed files do not change.
const SAVED_AT: time::OffsetDateTime = datetime!(2026-12-06 12:00 -6);

fn draft(p: &RealPlan) -> String {
    encode(&Envelope::new(
        p.plan.clone(),
        Default::default(),
        SAVED_AT,
        1,
    ))
}

fn expected_json(p: &RealPlan) -> String {
    let mut s = serde_json::to_string_pretty(&p.expected).expect("strings");
    s.push('\n');
    s
}

/// Everything the review page shows: step, group and row titles and values.
fn review_text(p: &RealPlan) -> String {
    let mut out = String::new();
    for s in summary(&p.plan, date!(2026 - 12 - 06)) {
        out.push_str(&s.title);
        for g in &s.groups {
            for (title, g) in g.places() {
                out.extend(title);
                for r in &g.rows {
                    out.push_str(&r.key);
                    out.extend(r.value.clone());
                }
            }
        }
    }
    squash(&out)
}

/// The expected strings not in `hay` (squashed). In a PDF a value beside a
/// label of several lines has the label's lines between its own: each word
/// may then follow the previous one after at most `gap` characters.
fn missing<'a>(p: &'a RealPlan, hay: &str, gap: usize) -> Vec<&'a str> {
    p.expected
        .iter()
        .filter(|e| !appears(hay, e, gap))
        .map(String::as_str)
        .collect()
}

fn appears(hay: &str, value: &str, gap: usize) -> bool {
    let words: Vec<String> = value.split_whitespace().map(squash).collect();
    let follows = |start: usize| {
        let mut pos = start + words[0].len();
        words[1..]
            .iter()
            .all(|w| match hay[pos..].find(w.as_str()) {
                Some(i) if i <= gap => {
                    pos += i + w.len();
                    true
                }
                _ => false,
            })
    };
    hay.match_indices(words[0].as_str())
        .any(|(at, _)| follows(at))
}

#[test]
fn every_published_value_reaches_the_review_page() {
    for p in all() {
        let absent = missing(&p, &review_text(&p), 0);
        assert!(
            absent.is_empty(),
            "{}: not on the review page: {absent:#?}",
            p.id
        );
        eprintln!("{}: {} values on the review page", p.id, p.expected.len());
    }
}

#[test]
fn every_published_value_reaches_the_pdf() {
    for p in all() {
        let bytes = plan_pdf(&p.plan, SAVED_AT).expect("the PDF renders");
        let dir = scratch_dir(&format!("real-{}", p.id));
        let pdf = dir.join("plan.pdf");
        std::fs::write(&pdf, &bytes).expect("write PDF");
        let out = dir.join("plan.txt");
        run(
            "pdftotext",
            "poppler-utils",
            &["-enc", "UTF-8", "-raw", path_str(&pdf), path_str(&out)],
        );
        let raw = std::fs::read_to_string(&out).expect("text");
        // Without footers and running heads, so text across pages reads as one.
        let doc = plan_document(&p.plan, SAVED_AT);
        let text = squash(&body_text(&raw, &doc.meta.title, &doc.meta.footer_note));
        let pages = page_count(&pdf);
        common::cleanup(&dir);
        let absent = missing(&p, &text, 600);
        assert!(absent.is_empty(), "{}: not in the PDF: {absent:#?}", p.id);
        eprintln!(
            "{}: {} values in the PDF ({pages} pages, {} bytes)",
            p.id,
            p.expected.len(),
            bytes.len()
        );
    }
}

#[test]
fn each_draft_reads_back_as_the_same_plan() {
    for p in all() {
        let text = draft(&p);
        let back = decode(&text).unwrap_or_else(|e| panic!("{}: {e:?}", p.id));
        assert_eq!(back.plan, p.plan, "{}", p.id);
        assert_eq!(encode(&back), text, "{}: saved again, byte for byte", p.id);
        eprintln!("{}: draft of {} bytes", p.id, text.len());
    }
}

#[test]
fn the_committed_drafts_are_what_the_code_generates() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/planes-reales/borradores"
    );
    let regenerate = std::env::var_os("REGENERATE").is_some();
    if regenerate {
        std::fs::create_dir_all(dir).expect("create borradores/");
    }
    for p in all() {
        for (path, content) in [
            (format!("{dir}/{}.json", p.id), draft(&p)),
            (format!("{dir}/{}.esperado.json", p.id), expected_json(&p)),
        ] {
            if regenerate {
                std::fs::write(&path, &content).expect("write");
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("{path}: {e}; run `REGENERATE=1 cargo test --test real_plans`")
            });
            assert!(
                committed == content,
                "{path} differs from what the code generates; run \
                 `REGENERATE=1 cargo test --test real_plans` and review the diff"
            );
        }
    }
}
