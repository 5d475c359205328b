//! Native tests of the full plan document: the commitment-13 fixture's every
//! field in the PDF text, in order; the tools' checks (qpdf, pdffonts, pdftoppm,
//! the outline); pagination of very long plans with nothing outside the page.
//!
//! `RENDER_DIR=/some/dir cargo test --test pdf_plan sample_pdfs` also keeps the
//! commitment-13 and benchmark PDFs and their pages (PNG) there for a person to
//! look at.

mod common;

use std::path::Path;

use common::{
    assert_in_order, bench_plan, body_text, c13, cell, cleanup, field, page_count, path_str,
    pdftotext, rendered_pages, run, scratch_dir, squash, stdout,
};
use plan_local_ga::domain::key_action::KeyActionInput;
use plan_local_ga::domain::{ItemId, Plan};
use plan_local_ga::export::layout::MARGIN_PT;
use plan_local_ga::export::metrics::FontFace;
use plan_local_ga::export::{fonts, layout, plan_document, plan_pdf, Block, Item, Laid, PageSize};
use time::macros::datetime;
use time::OffsetDateTime;

fn when() -> OffsetDateTime {
    datetime!(2020-11-24 10:42:07 -6)
}

// ---------------------------------------------------------------------------------
// Helpers

/// Writes the PDF, runs qpdf, pdffonts, pdftoppm and pdftotext; returns the
/// page count and the text in reading order.
fn check_tools(bytes: &[u8], dir: &Path) -> (usize, String) {
    let pdf = dir.join("plan.pdf");
    std::fs::write(&pdf, bytes).expect("write PDF");
    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    let pages = page_count(&pdf);
    assert_eq!(rendered_pages(&pdf, dir), pages, "every page renders");
    let fonts_out = stdout(run("pdffonts", "poppler-utils", &[path_str(&pdf)]));
    // Embedded (emb) as subsets (sub: "ABCDEF+" before the name).
    let embedded: Vec<&str> = fonts_out
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().rev().nth(4) == Some("yes"))
        .filter(|l| l.split_whitespace().rev().nth(3) == Some("yes"))
        .filter_map(|l| l.split_whitespace().next())
        .filter_map(|name| name.split_once('+').map(|(_, face)| face))
        .collect();
    assert_eq!(
        embedded,
        [
            fonts::postscript_name(FontFace::Regular),
            fonts::postscript_name(FontFace::Bold)
        ],
        "both faces embedded as subsets:\n{fonts_out}"
    );
    // `-raw`: the content stream's order, which is the document's reading order
    // (poppler's default reordering can move a table cell after its neighbours).
    let out = dir.join("plan.raw.txt");
    run(
        "pdftotext",
        "poppler-utils",
        &["-enc", "UTF-8", "-raw", path_str(&pdf), path_str(&out)],
    );
    let raw = std::fs::read_to_string(&out).expect("pdftotext output");
    // The default mode must find every word too. It joins a word broken at a
    // line-end hyphen and drops that hyphen (the addresses of the quality
    // annex's sources break there), so hyphens are not counted.
    let default = pdftotext(&pdf, false);
    let letters = |t: &str| squash(t).chars().filter(|c| *c != '-').count();
    assert_eq!(
        letters(&default),
        letters(&raw),
        "both modes extract the same text"
    );
    (pages, raw)
}

fn assert_inside(laid: &Laid) {
    let outside = laid.items_outside_page();
    assert!(outside.is_empty(), "items outside the page: {outside:?}");
    for (n, p) in laid.pages.iter().enumerate() {
        for item in &p.items {
            if let Item::Text { .. } = item {
                let (x0, _, x1, _) = item.bounds();
                assert!(
                    x0 >= MARGIN_PT - 0.01 && x1 <= laid.page.width_pt - MARGIN_PT + 0.01,
                    "page {}: text outside the margins: {item:?}",
                    n + 1
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// The commitment-13 fixture

/// Every value of the fixture, in the order the document presents it.
fn c13_expected(doc_plan: &Plan) -> Vec<(String, String)> {
    use c13::*;
    let c = &doc_plan.commitments[0];
    let mut e = vec![
        field("plan name", PLAN_NAME),
        field("entity", "Estado de Jalisco (clave INEGI 14)"),
        field("period", "10/12/2019 al 31/08/2021"),
        field("generated", "24/11/2020, 10:42"),
        field("version", plan_local_ga::APP_VERSION),
        // 1. Profile.
        field("jurisdiction", "Jalisco"),
        field("plan name (profile)", PLAN_NAME),
        field("plan period", "Del 10/12/2019 al 31/08/2021"),
        field("term end", "05/12/2024"),
        field("office", OFFICE),
        field("office contact", OFFICE_CONTACT.name),
        field("office email", OFFICE_CONTACT.email),
        field("development plan", DEVELOPMENT_PLAN),
        field("PND edition", "Edición 2019-2024"),
        field("legal framework", LEGAL.join("; ")),
        field("guarantor", GUARANTOR),
        field("national plan", doc_plan.national_plan.name.clone()),
        // 2. Readiness.
        field("assessment date", "04/11/2019"),
        field("evidence", EVIDENCE),
        // 3. Political commitment.
        field("political kind", "Declaratoria de Gobierno Abierto"),
        field("signatories", SIGNATORIES.join("; ")),
        field("signed", "28/11/2019"),
        field("political url", POLITICAL_URL),
        // 4. Coordination.
        field("body name", BODY_NAME),
        field("selection", SELECTION),
        field("rules", RULES_URL),
        field("cadence", "Cada mes"),
        field("installed", "02/12/2019"),
        field("monitoring body", MONITORING_BODY),
    ];
    // Written out: "Nombre, Institución", then sector and branch as labelled.
    let affiliations = [
        "Gobierno, Poder Ejecutivo",
        "Gobierno, Organismo autónomo",
        "Sociedad civil",
    ];
    for ((name, institution, _, _, role), affiliation) in MEMBERS.into_iter().zip(affiliations) {
        e.push(field("member", format!("{name}, {institution}")));
        e.push(cell("member sector and branch", affiliation));
        e.push(cell("member role", role));
    }
    e.extend([
        field("organisation", ORG.0),
        cell("themes", ORG.1),
        cell("groups", ORG.2),
        cell("org contact", ORG.3),
        cell("org email", ORG.4),
        // 5. Roadmap.
        field("first phase", "Sensibilización y difusión"),
        cell("first phase start", "02/09/2019"),
        field("last phase end", "09/12/2019"),
        field("channels", "Digital (en línea), Presencial"),
        field("inclusion groups", "Pueblos indígenas, Zonas rurales"),
        field("inclusion strategy", INCLUSION),
        field("site", SITE_URL),
        field("roadmap published", "01/09/2019"),
        // 6. Problems.
        field("problem", PROBLEM_STATEMENT),
        field("population", PROBLEM_POPULATION),
        field(
            "baseline",
            format!("{PROBLEM_BASELINE} (fuente: {PROBLEM_SOURCE})"),
        ),
        field("causes", PROBLEM_CAUSES),
        field("origin", "Mesa temática"),
        // 7. The ficha.
        field("ficha heading", format!("Compromiso 1. {NAME}")),
        field("commitment dates", "10/12/2019 al 31/08/2021"),
    ]);
    for p in RESPONSIBLE.iter().chain(CO_RESPONSIBLE.iter()) {
        e.push(field(
            "team member",
            format!("{} ({}), {}", p.name, p.position, p.institution),
        ));
        e.push(cell("email", p.email));
        e.push(cell("phone", p.phone));
    }
    e.extend([
        field("short objective", SHORT),
        field("medium objective", MEDIUM),
        field("linked problem", format!("Problema 1: {PROBLEM_STATEMENT}")),
    ]);
    for (i, p) in PROBLEM.split('\n').enumerate() {
        e.push(field(&format!("problem paragraph {}", i + 1), p));
    }
    for (i, p) in HOW.split('\n').enumerate() {
        e.push(field(&format!("how-it-helps paragraph {}", i + 1), p));
    }
    e.push(field("assumptions", ASSUMPTIONS));
    e.push(field("verification", VERIFICATION));
    for v in &c.values {
        let (_, label, reason) = VALUES
            .iter()
            .find(|(key, _, _)| *key == v.value.key())
            .expect("a fixture value");
        e.push(field("OGP value", format!("{label}: {reason}")));
    }
    e.push(field("summary", SUMMARY));
    e.push(field("relation", "Replica un compromiso nacional"));
    e.push(field(
        "national commitment",
        "MX0087 · Estrategia subnacional de gobierno abierto",
    ));
    let mut goal = 0;
    for code in SDG_TARGETS {
        let t = plan_local_ga::catalog::sdg_target(code).expect("target");
        if t.goal != goal {
            goal = t.goal;
            let g = plan_local_ga::catalog::sdg_goal(goal).expect("goal");
            e.push(field(
                "SDG goal",
                format!(
                    "Objetivo de Desarrollo Sostenible {}: {}",
                    g.number, g.short_es
                ),
            ));
        }
        e.push(field(
            "SDG target",
            format!("Meta {} {}", t.code, t.title_es),
        ));
    }
    for (i, p) in GENDER.split('\n').enumerate() {
        e.push(field(&format!("gender paragraph {}", i + 1), p));
    }
    e.extend([
        field("PND axis", PND_AXIS),
        field("local axis", LOCAL_AXIS),
        field("other actors", OTHER_ACTORS),
    ]);
    for (i, p) in ADDITIONAL.split('\n').enumerate() {
        e.push(field(&format!("additional paragraph {}", i + 1), p));
    }
    for (j, k) in KEY_ACTIONS.iter().enumerate() {
        e.push(field(
            "key action heading",
            format!(
                "Acción clave {}. {} ({} % de ponderación del compromiso)",
                j + 1,
                k.name,
                k.weight
            ),
        ));
        e.push(field(
            "responsible name",
            format!("Nombre: {}", KA_PERSON.name),
        ));
        e.push(field(
            "responsible position",
            format!("Cargo: {}", KA_PERSON.position),
        ));
        e.push(field(
            "responsible institution",
            format!("Institución: {}", KA_PERSON.institution),
        ));
        e.push(field(
            "responsible email",
            format!("Correo: {}", KA_PERSON.email),
        ));
        e.push(field(
            "responsible phone",
            format!("Teléfono: {}", KA_PERSON.phone),
        ));
        e.push(field("key action objective", k.objective));
        e.push(cell("indicator", k.indicator));
        e.push(cell("key action verification", k.verification));
        e.push(cell("key action start", k.start));
        e.push(cell("key action end", k.end));
        for (m, (name, objective, verification)) in k.activities.iter().enumerate() {
            e.push(field("activity", format!("{}. {name}", m + 1)));
            e.push(cell("activity objective", *objective));
            e.push(cell("activity verification", *verification));
        }
    }
    e.extend([
        // 8. Alignment summary.
        field("alignment: relation", "Replica"),
        field("alignment: target 16.10", "16.10"),
        // 9. Monitoring.
        field("report frequency", "Cada tres meses"),
        field("dashboard", DASHBOARD_URL),
        field("meetings", MEETINGS),
        field("updater", UPDATER),
        // 35 × 100 % + 40 × 60 % + 25 × 20 %.
        field("weighted progress", "64 %"),
        // 10. Timeline: the first key action's dates in the table.
        field("timeline row", format!("1.1 {}", KEY_ACTIONS[0].name)),
        // 11. Reasoned response.
        field("proposal", RESPONSE_INPUT),
        cell("proposal source", format!("Origen: {RESPONSE_SOURCE}")),
        cell("decision", "Se incorporó"),
        cell("response commitment", format!("1. {NAME}")),
        cell("reason", RESPONSE_REASON),
        // 12. Sources.
        field("font credit", fonts::FONT_CREDIT),
    ]);
    e
}

#[test]
fn commitment_13_pdf_holds_every_field_in_order_and_passes_the_tools() {
    // SDG target 11.b's Spanish text writes "2015‐2030" with U+2010 (hyphen),
    // which the earlier Latin-only fonts printed as "-": now as typed.
    let t11b = plan_local_ga::catalog::sdg_target("11.b").expect("11.b");
    assert!(c13::SDG_TARGETS.contains(&"11.b") && t11b.title_es.contains("2015\u{2010}2030"));
    let dir = scratch_dir("c13");
    let plan = c13::plan();
    let doc = plan_document(&plan, when());
    let bytes = plan_pdf(&plan, when()).expect("PDF renders");
    let (pages, text) = check_tools(&bytes, &dir);
    assert!(pages >= 10, "{pages} pages");
    let body = body_text(&text, &doc.meta.title, &doc.meta.footer_note);
    assert_in_order(&body, &c13_expected(&plan));
    for n in 1..=pages {
        assert!(text.contains(&format!("Página {n} de {pages}")));
    }
    // The national ficha's labels, in its order.
    let labels = [
        "Instituciones responsables de la implementación",
        "Organizaciones corresponsables de la implementación",
        "¿Cuál es el compromiso?",
        "Objetivo a corto plazo",
        "Objetivo a mediano plazo",
        "¿Cuál es la problemática que el compromiso aborda?",
        "¿Cómo contribuirá a resolver la problemática?",
        "Supuestos",
        "¿Cómo se verificará el cumplimiento del compromiso?",
        "¿Por qué es relevante para los valores de OGP?",
        "Resumen ejecutivo",
        "Alineación con la Agenda 2030",
        "Alineación con la perspectiva de igualdad de género",
        "Eje del Plan Nacional de Desarrollo al que pertenece el compromiso",
        "Otros actores involucrados",
        "Información adicional",
        "Persona servidora pública responsable de la implementación",
        "Descripción / objetivo",
        "Indicador",
        "Medio de verificación",
        "Fecha de inicio",
        "Fecha de término",
        "Actividades",
    ];
    let ficha = &body[body.find("Compromiso 1. Estrategia").expect("ficha")..];
    let labelled: Vec<(String, String)> = labels.iter().map(|l| field(l, *l)).collect();
    assert_in_order(ficha, &labelled);
    cleanup(&dir);
}

#[test]
fn the_outline_lists_the_sections_with_the_commitments_under_theirs() {
    let dir = scratch_dir("outline");
    let plan = bench_plan::plan_with(3);
    let bytes = plan_pdf(&plan, when()).expect("PDF renders");
    let pdf = dir.join("plan.pdf");
    std::fs::write(&pdf, &bytes).expect("write");
    let json = stdout(run(
        "qpdf",
        "qpdf",
        &["--json", "--json-key=outlines", path_str(&pdf)],
    ));
    let v: serde_json::Value = serde_json::from_str(&json).expect("qpdf JSON");
    let top = v["outlines"].as_array().expect("outlines");
    let titles: Vec<&str> = top.iter().filter_map(|o| o["title"].as_str()).collect();
    let expected: Vec<String> = plan_local_ga::export::plan_document::SECTIONS
        .iter()
        .filter(|s| s.shown(&plan))
        .enumerate()
        .map(|(i, s)| format!("{}. {}", i + 1, s.title()))
        .collect();
    assert_eq!(titles, expected);
    let kids: Vec<&str> = top[6]["kids"]
        .as_array()
        .expect("kids")
        .iter()
        .filter_map(|o| o["title"].as_str())
        .collect();
    assert_eq!(kids.len(), 3);
    for (i, k) in kids.iter().enumerate() {
        assert_eq!(
            *k,
            format!("Compromiso {}. {}", i + 1, plan.commitments[i].name)
        );
    }
    // Each bookmark opens the page its heading is on.
    let laid = layout(&plan_document(&plan, when()), PageSize::LETTER);
    for (o, h) in top
        .iter()
        .zip(laid.headings.iter().filter(|h| h.level == 1))
    {
        assert_eq!(o["destpageposfrom1"].as_u64(), Some(h.page as u64 + 1));
    }
    cleanup(&dir);
}

#[test]
fn contents_page_numbers_match_where_the_headings_land() {
    let plan = bench_plan::plan_with(4);
    let doc = plan_document(&plan, when());
    let laid = layout(&doc, PageSize::LETTER);
    let entries = doc.contents_entries(0);
    assert_eq!(entries.len(), 13 + 4);
    // The contents page: each entry's text, then its page number on its last line.
    let page0: Vec<(&str, f32)> = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, y_pt, .. } => Some((text.as_str(), *y_pt)),
            Item::Rect { .. } | Item::Polygon { .. } => None,
        })
        .collect();
    for (_, text, heading) in entries {
        let h = &laid.headings[heading];
        assert_eq!(h.text, text);
        let first_words: String = text.chars().take(20).collect();
        let (_, y) = page0
            .iter()
            .find(|(t, _)| t.starts_with(&first_words))
            .unwrap_or_else(|| panic!("{text:?} listed"));
        let number = (h.page + 1).to_string();
        assert!(
            page0
                .iter()
                .any(|(t, yy)| *t == number && *yy <= *y + 0.01 && *yy > *y - 40.0),
            "{text:?} shows page {number}"
        );
    }
}

// ---------------------------------------------------------------------------------
// Long plans

#[test]
fn a_very_long_field_and_twenty_key_actions_paginate_inside_the_page() {
    let dir = scratch_dir("long");
    let mut plan = c13::plan();
    let huge: String = "La ciudadanía de Jalisco participa en cada etapa del plan; «¿cómo?» — con asambleas, datos abiertos y mesas regionales. "
        .repeat(120);
    let c = &mut plan.commitments[0];
    if let Some(o) = c.objectives.as_mut() {
        o.problem_text = huge.clone();
        o.summary = Some(format!("{huge}\n{huge}"));
    }
    let template = c.key_actions[1].clone();
    let base = KeyActionInput::from_value(&template);
    c.key_actions = (0..20u32)
        .map(|k| {
            let mut ka = KeyActionInput {
                name: format!(
                    "Acción clave número {} con un nombre largo: {}",
                    k + 1,
                    template.name
                ),
                weight: "5".into(),
                ..base.clone()
            }
            .parse(ItemId(k + 1), c.period.clone(), template.activities.clone())
            .expect("valid key action");
            ka.progress = Some(u8::try_from(k * 5).expect("small"));
            ka
        })
        .collect();
    let doc = plan_document(&plan, when());
    let laid = layout(&doc, PageSize::LETTER);
    assert_inside(&laid);
    assert!(laid.pages.len() > 30, "{} pages", laid.pages.len());
    // Every key action of the ficha is there, each heading with text under it.
    let headings: Vec<&str> = laid
        .headings
        .iter()
        .filter(|h| h.text.contains(". Acción clave número"))
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(headings.len(), 20);
    let bytes = plan_pdf(&plan, when()).expect("PDF renders");
    let (pages, text) = check_tools(&bytes, &dir);
    assert_eq!(pages, laid.pages.len());
    let body = body_text(&text, &doc.meta.title, &doc.meta.footer_note);
    assert!(
        squash(&body).contains(&squash(&huge)),
        "the long text is whole"
    );
    cleanup(&dir);
}

#[test]
fn the_benchmark_plan_stays_inside_the_page_on_letter_and_a4() {
    let plan = bench_plan::plan_with(15);
    let doc = plan_document(&plan, when());
    for size in [PageSize::LETTER, PageSize::A4] {
        let laid = layout(&doc, size);
        assert_inside(&laid);
        // Nothing printed in the footer band but the footer.
        for p in &laid.pages {
            let texts_low = p
                .items
                .iter()
                .filter(|i| matches!(i, Item::Text { y_pt, .. } if *y_pt < MARGIN_PT))
                .count();
            assert_eq!(texts_low, 3, "title, note and page number only");
        }
    }
    // Every block kind the document uses is one the layout draws.
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Timeline { .. })));
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Contents { .. })));
}

/// A page rendered by `pdftoppm -gray` at `dpi`: its size and 8-bit grey pixels.
struct Gray {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

/// Reads a binary PGM (P5, maxval 255), as `pdftoppm -gray` writes it.
fn read_pgm(path: &Path) -> Gray {
    let bytes = std::fs::read(path).expect("read PGM");
    // Header: "P5", width, height, maxval, each after whitespace, then one
    // whitespace byte and the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..at]).expect("header"));
    }
    assert_eq!((fields[0], fields[3]), ("P5", "255"), "{}", path.display());
    let width: usize = fields[1].parse().expect("width");
    let height: usize = fields[2].parse().expect("height");
    let pixels = bytes[at + 1..].to_vec();
    assert_eq!(pixels.len(), width * height, "{}", path.display());
    Gray {
        width,
        height,
        pixels,
    }
}

/// Renders every page of `pdf` in grey at `dpi` into `dir`; fails on any
/// message poppler prints (a broken font or stream) and returns the pages in order.
fn render_gray(pdf: &Path, dir: &Path, dpi: u32) -> Vec<Gray> {
    let prefix = dir.join("gray");
    let dpi = dpi.to_string();
    let out = run(
        "pdftoppm",
        "poppler-utils",
        &["-gray", "-r", &dpi, path_str(pdf), path_str(&prefix)],
    );
    let complaints = String::from_utf8_lossy(&out.stderr);
    assert!(complaints.trim().is_empty(), "pdftoppm: {complaints}");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("gray"))
                && p.extension().is_some_and(|e| e == "pgm")
        })
        .collect();
    // pdftoppm pads the page numbers to one width, so names sort in page order.
    files.sort();
    files.iter().map(|p| read_pgm(p)).collect()
}

/// The commitment-13 and benchmark PDFs render with poppler: one image per
/// page, without a complaint, and every page has ink between its margins (no
/// page holds only its footer) and in its footer band (the page number).
/// `RENDER_DIR=/some/dir cargo test --test pdf_plan sample_pdfs` also keeps
/// the PDFs and their pages as PNG there for a person to look at.
#[test]
fn sample_pdfs_render_every_page_with_ink() {
    const DPI: u32 = 40;
    let keep = std::env::var_os("RENDER_DIR").map(std::path::PathBuf::from);
    for (name, plan) in [("c13", c13::plan()), ("bench15", bench_plan::plan_with(15))] {
        let dir = scratch_dir(&format!("render-{name}"));
        let bytes = plan_pdf(&plan, when()).expect("pdf");
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, &bytes).expect("write");
        let pages = page_count(&path);
        let laid = layout(&plan_document(&plan, when()), PageSize::LETTER);
        assert_eq!(
            pages,
            laid.pages.len(),
            "{name}: the PDF has the laid-out pages"
        );
        let images = render_gray(&path, &dir, DPI);
        assert_eq!(images.len(), pages, "{name}: one image per page");
        let margin = (MARGIN_PT * DPI as f32 / 72.0).round() as usize;
        for (n, img) in images.iter().enumerate() {
            // Letter at DPI (poppler rounds the size up, sometimes a pixel more).
            let letter = (8.5 * DPI as f32, 11.0 * DPI as f32);
            assert!(
                (img.width as f32 - letter.0).abs() <= 1.0
                    && (img.height as f32 - letter.1).abs() <= 1.0,
                "{name}: page {} is {}×{} pixels",
                n + 1,
                img.width,
                img.height
            );
            let inked = |rows: std::ops::Range<usize>| {
                rows.flat_map(|y| &img.pixels[y * img.width..(y + 1) * img.width])
                    .filter(|&&p| p < 160)
                    .count()
            };
            let body = inked(margin..img.height - margin);
            let footer = inked(img.height - margin..img.height);
            assert!(
                body > img.width,
                "{name}: page {} is blank between its margins ({body} dark pixels)",
                n + 1
            );
            assert!(
                footer > 20,
                "{name}: page {} has no footer ({footer} dark pixels)",
                n + 1
            );
        }
        if let Some(keep) = &keep {
            std::fs::create_dir_all(keep).expect("RENDER_DIR");
            let pdf = keep.join(format!("{name}.pdf"));
            std::fs::write(&pdf, &bytes).expect("write");
            run(
                "pdftoppm",
                "poppler-utils",
                &[
                    "-png",
                    "-r",
                    "70",
                    path_str(&pdf),
                    path_str(&keep.join(name)),
                ],
            );
            eprintln!(
                "{name}: {pages} pages, {} bytes, in {}",
                bytes.len(),
                keep.display()
            );
        }
        cleanup(&dir);
    }
}

#[test]
fn the_order_check_notices_a_swap_and_a_missing_value() {
    let text = "Objetivo a corto plazo Articular las agendas\nObjetivo a mediano plazo Consolidar una estrategia";
    let short = field("short", "Articular las agendas");
    let medium = field("medium", "Consolidar una estrategia");
    assert_in_order(text, &[short.clone(), medium.clone()]);
    let swapped = std::panic::catch_unwind(|| assert_in_order(text, &[medium, short]));
    assert!(swapped.is_err(), "a swap is noticed");
    let missing = std::panic::catch_unwind(|| {
        assert_in_order(text, &[field("x", "Articular otras agendas")])
    });
    assert!(missing.is_err(), "a missing value is noticed");
}

/// The plan's sections come from the step registry: every step with a
/// document heading has its section, once, and the headings read as before.
#[test]
fn every_step_with_a_document_heading_has_its_section() {
    use plan_local_ga::domain::Step;
    use plan_local_ga::export::plan_document::{PlanSection, SECTIONS};
    for step in Step::ALL {
        let count = SECTIONS
            .iter()
            .filter(|s| **s == PlanSection::Step(step))
            .count();
        let expected = usize::from(step.document_heading().is_some());
        assert_eq!(count, expected, "{step:?} in the plan's sections");
    }
    let titles: Vec<&str> = SECTIONS.iter().map(|s| s.title()).collect();
    assert_eq!(
        titles,
        [
            "Perfil de la jurisdicción",
            "Diagnóstico de condiciones de apertura",
            "Compromiso político",
            "Espacio de coordinación",
            "Hoja de ruta de cocreación",
            "Problemas públicos",
            "Compromisos",
            "Alineación con el plan nacional y la Agenda 2030",
            "Plan de seguimiento",
            "Cronograma",
            "Respuesta razonada",
            "Registro en la Alianza para el Gobierno Abierto",
            "Informes de avance",
            "Anexo: revisión de calidad",
            "Fuentes de datos",
        ]
    );
}

/// Subsetting the fonts per document keeps a plain-Spanish plan's PDF as small as
/// with the earlier 218-character Latin subsets, which were embedded whole: the
/// commitment-13 plan made 16 pages and 80,326 bytes then (`cargo bench --bench
/// pdf`, same generation time), and may not grow by more than 5 %. The same page
/// count showed that Spanish text measures exactly as before, until schema 5's
/// contacts added columns for the team's role, sector and branch (17 pages);
/// the row of "Fuentes de datos" added since (the autoridades garantes
/// catalogue) is counted apart.
#[test]
fn a_plain_spanish_pdf_is_no_larger_than_with_the_latin_only_fonts() {
    const BEFORE: usize = 80_326;
    let plan = c13::plan();
    let mut doc = plan_document(&plan, datetime!(2026-11-24 10:42 -06:00));
    // The measure is of the fonts, on the document as it was: without the
    // quality annex (issue 17), which adds two pages of its own.
    let annex = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 1, text } if text.ends_with("Anexo: revisión de calidad")))
        .expect("the annex");
    let next = annex
        + 1
        + doc.blocks[annex + 1..]
            .iter()
            .position(|b| matches!(b, Block::Heading { level: 1, .. }))
            .expect("a section after the annex");
    doc.blocks.drain(annex..next);
    let mut as_then = doc.clone();
    let sources = as_then
        .blocks
        .iter_mut()
        .find_map(|b| match b {
            Block::Table { caption, rows, .. }
                if caption == "Catálogos incluidos en la herramienta" =>
            {
                Some(rows)
            }
            _ => None,
        })
        .expect("the sources table");
    let added = sources.pop().expect("a row");
    assert_eq!(added[0], "Autoridades garantes de acceso a la información");
    assert_eq!(
        layout(&as_then, PageSize::LETTER).pages.len(),
        17,
        "the pages with schema 5's contacts, without the added source"
    );
    let laid = layout(&doc, PageSize::LETTER);
    assert_eq!(laid.pages.len(), 17, "the added source fits");
    let bytes = plan_local_ga::export::pdf::render_laid(&doc, &laid).expect("PDF renders");
    assert!(
        bytes.len() * 100 <= BEFORE * 105,
        "{} bytes, more than 5 % over {BEFORE}",
        bytes.len()
    );
}

/// The answers the PDF cannot draw are found where the person wrote them (step,
/// commitment, field, the page to change it), and nothing else is: the
/// commitment-13 plan, all of it printable, has none.
#[test]
fn answers_the_pdf_cannot_draw_are_listed_with_their_place() {
    use plan_local_ga::domain::Step;
    use plan_local_ga::export::summary::Target;
    use plan_local_ga::export::unprintable::unprintable;
    let today = time::macros::date!(2026 - 11 - 24);
    let mut plan = c13::plan();
    assert_eq!(unprintable(&plan, today), []);

    let profile = plan.profile.as_mut().expect("profile");
    profile.plan_name.push_str(" 🇲🇽 ≥ 2027");
    let commitment = &mut plan.commitments[0];
    commitment.name.push_str(" 👍🏽");
    let id = commitment.id;
    let objectives = commitment.objectives.as_mut().expect("objectives");
    objectives.short_term.push_str(" 😀 中文 Kɨ ꞌ");
    let found = unprintable(&plan, today);
    let places: Vec<(Step, &str, Vec<&str>)> = found
        .iter()
        .map(|f| {
            (
                f.step,
                f.field.as_str(),
                f.chars.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert!(
        places.contains(&(Step::Profile, "Nombre del plan", vec!["🇲🇽"])),
        "{places:?}"
    );
    assert!(
        places.contains(&(
            Step::Commitments,
            "Objetivo a corto plazo",
            vec!["😀", "中", "文"]
        )),
        "{places:?}"
    );
    let objective = found
        .iter()
        .find(|f| f.field == "Objetivo a corto plazo")
        .expect("objective");
    assert!(matches!(objective.target, Target::Part(c, _) if c == id));
    assert_eq!(objective.group.as_deref(), Some("Compromiso 1"));
    assert!(
        found.iter().any(|f| f.chars == ["👍🏽"]),
        "the commitment's name itself: {places:?}"
    );

    // Everything the PDF replaces is among what the person is told about.
    let listed: Vec<&str> = found
        .iter()
        .flat_map(|f| f.chars.iter().map(String::as_str))
        .collect();
    let doc = plan_document(&plan, when());
    let laid = layout(&doc, PageSize::LETTER);
    let mut replaced = 0;
    for page in &laid.pages {
        for item in &page.items {
            if let Item::Text { text, .. } = item {
                replaced += text.matches('\u{FFFD}').count();
            }
        }
    }
    assert!(replaced >= listed.len(), "{replaced} replacements drawn");
    let mut seen = Vec::new();
    for text in doc_texts(&doc) {
        for m in plan_local_ga::export::metrics::missing(&text) {
            seen.push(m);
        }
    }
    for m in &seen {
        assert!(
            listed.contains(&m.as_str()),
            "{m:?} is drawn as U+FFFD but not listed"
        );
    }
}

/// Every text of the document's body (headings, paragraphs, fields, tables).
fn doc_texts(doc: &plan_local_ga::export::Document) -> Vec<String> {
    let mut out = vec![doc.meta.title.clone(), doc.title_block.title.clone()];
    for block in &doc.blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => {
                out.push(text.clone())
            }
            Block::Fields(fields) => out.extend(fields.iter().map(|f| f.value.clone())),
            Block::Table { rows, .. } => out.extend(rows.iter().flatten().cloned()),
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Who makes the plan: a coalition, the federation (real published plans)

/// A transcribed real plan (`tests/fixtures/planes-reales/<name>.json`).
fn real_plan(name: &str) -> serde_json::Value {
    let path = format!(
        "{}/tests/fixtures/planes-reales/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
}

/// "2019-12-10" → "10/12/2019"; a month ("2023-01") as its first or last day,
/// until dates keep their precision.
fn published_date(iso: &str, end: bool) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        [y, m] if end => {
            let year: i32 = y.parse().expect("year");
            let month: u8 = m.parse().expect("month");
            let month = time::Month::try_from(month).expect("month");
            format!("{}/{m}/{y}", month.length(year))
        }
        [y, m] => format!("01/{m}/{y}"),
        _ => panic!("a date: {iso}"),
    }
}

/// The profile of a real plan: its published jurisdictions (the lead given),
/// its first published name and its period.
fn real_profile(fixture: &serde_json::Value, lead: &str) -> plan_local_ga::domain::Profile {
    use plan_local_ga::domain::ProfileInput;
    let makers = fixture["jurisdicciones"]
        .as_array()
        .expect("jurisdicciones");
    let codes: Vec<&str> = makers
        .iter()
        .filter_map(|j| j["clave_inegi"].as_str())
        .collect();
    let kind = match makers.as_slice() {
        [only] if only["tipo"] == "federación" => "federacion",
        [_] => panic!("one jurisdiction with a code: not used here"),
        _ => "coalicion",
    };
    let period = &fixture["periodo"]["normalizado"];
    ProfileInput {
        kind: kind.into(),
        members: codes.join(","),
        lead: lead.into(),
        plan_name: fixture["plan"]["nombre"][0]["texto"]
            .as_str()
            .expect("a name")
            .into(),
        start: published_date(period["inicio"].as_str().expect("start"), false),
        end: published_date(period["fin"].as_str().expect("end"), true),
        ..ProfileInput::default()
    }
    .parse()
    .expect("the published jurisdictions fit")
}

#[test]
fn a_coalition_plan_names_every_member_on_the_cover_in_its_profile_and_its_readiness_report() {
    let fixture = real_plan("nuevo-leon-coalicion-2022-2024");
    let profile = real_profile(&fixture, "19");
    let name = profile.plan_name.clone();
    let mut plan = Plan {
        profile: Some(profile),
        ..Plan::default()
    };
    // A readiness result, for the report that names the jurisdiction too.
    plan.readiness = c13::plan().readiness;
    let dir = scratch_dir("coalition");
    let doc = plan_document(&plan, when());
    let bytes = plan_pdf(&plan, when()).expect("PDF renders");
    let (_, text) = check_tools(&bytes, &dir);
    let body = body_text(&text, &doc.meta.title, &doc.meta.footer_note);
    let members = [
        ("Estado de Nuevo León", "19"),
        ("Municipio de Monterrey", "19039"),
        ("Municipio de San Pedro Garza García", "19019"),
    ];
    let mut expected = vec![
        field("plan name", name.as_str()),
        field("makers' label", "Jurisdicciones"),
        field(
            "cover",
            "Coalición: Estado de Nuevo León (clave INEGI 19, líder), Municipio de Monterrey (clave INEGI 19039) y Municipio de San Pedro Garza García (clave INEGI 19019)",
        ),
        field("period", "01/01/2023 al 31/07/2024"),
        // 1. Profile: one row per member, in order.
        field("kind", "Tipo de jurisdicción Coalición de 3 jurisdicciones"),
    ];
    for (i, (member, code)) in members.iter().enumerate() {
        let key = if i == 0 {
            "Integrante 1 (líder)".to_owned()
        } else {
            format!("Integrante {}", i + 1)
        };
        let state = if i == 0 { "" } else { ", Nuevo León" };
        expected.push(field(
            &key,
            format!("{key} {member}{state} (clave INEGI {code})"),
        ));
    }
    expected.push(field("plan name (profile)", name.as_str()));
    assert_in_order(&body, &expected);
    // The PDF's author is the coalition too.
    assert_eq!(
        doc.meta.author,
        "Coalición: Estado de Nuevo León (líder), Municipio de Monterrey y Municipio de San Pedro Garza García"
    );

    // The readiness report says who answered it.
    let report = plan_local_ga::export::readiness_pdf(&plan, when())
        .expect("an assessment")
        .expect("renders");
    let report_dir = scratch_dir("coalition-readiness");
    let (_, text) = check_tools(&report, &report_dir);
    cleanup(&report_dir);
    assert_in_order(
        &text,
        &[
            field("label", "Jurisdicciones"),
            field(
                "who",
                "Coalición: Estado de Nuevo León (líder), Municipio de Monterrey y Municipio de San Pedro Garza García",
            ),
        ],
    );
    cleanup(&dir);
}

#[test]
fn the_national_plan_is_the_federations_and_prints_no_inegi_code() {
    let fixture = real_plan("mx0087-estrategia-subnacional-2019-2021");
    // Commitment 13 of the 4th national plan (tests/common/c13.rs) as the
    // federation published it: the published plan name and period.
    let mut plan = c13::plan();
    plan.profile = Some(real_profile(&fixture, ""));
    let name = plan.display_name().to_owned();
    assert_eq!(name, "Cuarto Plan de Acción 2019-2021");
    let dir = scratch_dir("federation");
    let doc = plan_document(&plan, when());
    let bytes = plan_pdf(&plan, when()).expect("PDF renders");
    let (_, text) = check_tools(&bytes, &dir);
    let body = body_text(&text, &doc.meta.title, &doc.meta.footer_note);
    assert_in_order(
        &body,
        &[
            field("plan name", name.as_str()),
            field(
                "cover",
                "Jurisdicción Federación (Estados Unidos Mexicanos)",
            ),
            field("period", "10/12/2019 al 31/08/2021"),
            field("kind", "Tipo de jurisdicción Federación (nivel nacional)"),
            field("name", "Jurisdicción Estados Unidos Mexicanos"),
            field("plan name (profile)", name.as_str()),
            field("commitment", "Compromiso 1. Estrategia"),
        ],
    );
    // Words joined by single spaces (`squash` drops the spaces themselves).
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Estados Unidos Mexicanos"),
        "the text is searchable"
    );
    // "clave INEGI" followed by a code (the data sources say the catalogue has
    // them: "con su clave INEGI y…").
    let codes: Vec<String> = flat
        .match_indices("clave INEGI ")
        .map(|(at, m)| &flat[at + m.len()..])
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .map(|rest| rest.chars().take(8).collect())
        .collect();
    assert!(codes.is_empty(), "no INEGI code anywhere: {codes:?}");
    assert!(!flat.contains("Clave INEGI"), "no INEGI code row");
    assert!(!flat.contains("Estado de México"), "not forced to a state");
    cleanup(&dir);
}
