//! Native tests of the export: the static font metrics against the embedded fonts'
//! data, the layout's geometry, and the PDF bytes checked with the real tools
//! (poppler's `pdftotext`, `pdftoppm`, `pdfinfo`, `pdffonts`, and `qpdf --check`).
//!
//! A missing tool fails the test with the Debian package to install; nothing is
//! skipped.

mod common;

use std::path::{Path, PathBuf};

use common::{
    cleanup, page_count, path_str, pdftotext, rendered_pages, run, scratch_dir, squash, stdout,
};

use plan_local_ga::domain::{
    Commitment, CommitmentId, InegiCode, Jurisdiction, JurisdictionKind, Jurisdictions, Period,
    Plan, Profile,
};
use plan_local_ga::export::fonts;
use plan_local_ga::export::layout::{wrap_text, MARGIN_PT};
use plan_local_ga::export::metrics::{self, FontFace};
use plan_local_ga::export::plan_document::SECTIONS;
use plan_local_ga::export::{
    file_stem, layout, pdf_file_name, plan_document, plan_pdf, Block, Item, PageSize,
};
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

// ---------------------------------------------------------------------------------
// Sample plans

const PLAN_NAME: &str = "Plan de Acción Local de Gobierno Abierto 2025-2027 — Año de la ñandú";

/// Every Spanish character the brief names, in one commitment name.
const SPANISH: &str =
    "¿Qué opina la ciudadanía? ¡Participe! «Ñandú» pingüino: á é í ó ú Á É Í Ó Ú ñ Ñ ü";

const LONG_NAME: &str =
    "Fortalecer la participación ciudadana en la planeación, el seguimiento y la \
    evaluación del presupuesto municipal mediante asambleas comunitarias itinerantes, un portal \
    de datos abiertos accesible y la publicación trimestral de informes en lenguaje ciudadano, \
    con énfasis en pueblos originarios y en las colonias con rezago";

fn when() -> OffsetDateTime {
    datetime!(2026-11-24 10:42:07 -6)
}

fn period(start: Date, end: Date) -> Period {
    Period::new(start, end).expect("start before end")
}

fn queretaro(plan_name: &str) -> Profile {
    Profile {
        jurisdictions: Jurisdictions::one(Jurisdiction {
            kind: JurisdictionKind::Municipio,
            name: "Querétaro".to_owned(),
            inegi_code: Some(
                InegiCode::parse("22014", JurisdictionKind::Municipio).expect("valid INEGI code"),
            ),
            lead: false,
            unknown: Default::default(),
        })
        .expect("one municipality"),
        plan_name: plan_name.to_owned(),
        period: period(date!(2019 - 12 - 10), date!(2021 - 08 - 31)),
        term_end: None,
        unknown: Default::default(),
    }
}

fn commitment(id: u32, name: &str) -> Commitment {
    Commitment::new(
        CommitmentId(id),
        name.to_owned(),
        Some(period(date!(2020 - 01 - 15), date!(2021 - 06 - 30))),
    )
}

const NAMES: [&str; 8] = [
    "Presupuesto participativo en las 7 delegaciones de Querétaro",
    SPANISH,
    LONG_NAME,
    "Datos abiertos de obra pública: «¿Dónde está mi calle?»",
    "Contraloría social con jóvenes y personas adultas mayores — año 1",
    "Mecanismo de seguimiento para la Agenda 2030 (ODS 11, 16 y 17)",
    "Señalética bilingüe en hñähñu y español en oficinas de atención ciudadana",
    "Gobierno abierto en la Sierra Gorda: güeros, niñas y niños opinan",
];

fn sample_plan() -> Plan {
    Plan {
        profile: Some(queretaro(PLAN_NAME)),
        commitments: NAMES
            .iter()
            .zip(1..)
            .map(|(name, id)| commitment(id, name))
            .collect(),
        ..Default::default()
    }
}

fn forty_commitments(plan_name: &str) -> Plan {
    Plan {
        profile: Some(queretaro(plan_name)),
        commitments: (0..40u32)
            .map(|i| {
                let base = NAMES[i as usize % NAMES.len()];
                commitment(i + 1, &format!("{base} (núm. {})", i + 1))
            })
            .collect(),
        ..Default::default()
    }
}

// ---------------------------------------------------------------------------------
// Tools

/// Writes the PDF and runs every tool check; returns (path, page count, text, layout text).
fn check_pdf(bytes: &[u8], dir: &Path) -> (PathBuf, usize, String, String) {
    assert!(bytes.starts_with(b"%PDF-1."), "not a PDF header");
    let pdf = dir.join("plan.pdf");
    std::fs::write(&pdf, bytes).expect("write PDF");

    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    let pages = page_count(&pdf);
    assert!(pages >= 1);
    assert_eq!(
        rendered_pages(&pdf, dir),
        pages,
        "pdftoppm rendered every page"
    );

    assert_embedded_fonts(&pdf);

    let text = pdftotext(&pdf, false);
    let layout_text = pdftotext(&pdf, true);
    for n in 1..=pages {
        let footer = format!("Página {n} de {pages}");
        assert!(text.contains(&footer), "missing {footer:?}");
        assert!(
            layout_text.contains(&footer),
            "missing {footer:?} (-layout)"
        );
    }
    (pdf, pages, text, layout_text)
}

/// `pdffonts` lists exactly the two embedded faces, each embedded (emb "yes") as a
/// subset (sub "yes": its name carries a six-letter tag, "ABCDEF+PlanLocalSans-Bold")
/// with a ToUnicode map (uni "yes"), and no other font.
pub fn assert_embedded_fonts(pdf: &Path) {
    let fonts = stdout(run("pdffonts", "poppler-utils", &[path_str(pdf)]));
    // name, type, encoding, emb, sub, uni, object, generation.
    let rows: Vec<Vec<&str>> = fonts
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    let names: Vec<&str> = rows
        .iter()
        .map(|r| {
            let (tag, name) = r[0].split_once('+').unwrap_or(("", r[0]));
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "{} has no subset tag:\n{fonts}",
                r[0]
            );
            name
        })
        .collect();
    assert_eq!(
        names,
        ["PlanLocalSans-Regular", "PlanLocalSans-Bold"],
        "{fonts}"
    );
    for r in &rows {
        let n = r.len();
        assert_eq!(r[n - 5], "yes", "{} embedded:\n{fonts}", r[0]);
        assert_eq!(r[n - 4], "yes", "{} is a subset:\n{fonts}", r[0]);
        assert_eq!(r[n - 3], "yes", "{} has a ToUnicode map:\n{fonts}", r[0]);
    }
}

/// The extracted text without each page's footer lines (title, note, page number),
/// so text that continues across pages reads as one.
fn without_footers(text: &str, title_prefix: &str, note: &str) -> String {
    let title_prefix = squash(title_prefix);
    text.split('\u{c}')
        .map(|page| {
            let lines: Vec<&str> = page.lines().collect();
            let footer_start = lines.len().saturating_sub(6);
            lines
                .iter()
                .enumerate()
                .filter(|(i, line)| {
                    let footer = line.starts_with("Página ")
                        || line.trim() == note
                        || (line.trim_end().ends_with('…')
                            && title_prefix.starts_with(&squash(line.trim_end_matches('…'))));
                    !(*i >= footer_start && footer)
                })
                .map(|(_, line)| *line)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_contains_wrapped(haystack: &str, needle: &str, what: &str) {
    assert!(
        squash(haystack).contains(&squash(needle)),
        "{what}: {needle:?} not found in the extracted text"
    );
}

// ---------------------------------------------------------------------------------
// Metrics

/// The width table (generated by build.rs with one font parser) equals the
/// embedded fonts' advances as printpdf's parser reads them, for every character
/// they hold; the repertoire the app promises is there; Spanish measures exactly
/// as with the earlier Latin-only fonts; the bounding boxes fit the layout's
/// constants.
#[test]
fn metrics_table_matches_the_embedded_fonts() {
    let chars: Vec<char> = metrics::covered_chars().collect();
    assert!(chars.len() >= 1390, "{} code points", chars.len());
    // Latin Extended-A and -B, IPA letters of Mexican orthographies, saltillo,
    // combining accents, punctuation, super- and subscripts, arrows, operators,
    // currency, Greek, and the replacement character.
    for c in "ĀāŐőŁłƏəǍǎȘș ɨʉɛɔʔ ꞋꞌƗ \u{301}\u{303}\u{308}\u{331}\u{327} ‐‑–—‘’“”„…‰′″‹› ⁰¹²³⁴⁺⁻₀₂₉ →←↑↓↔ ≥≤≠≈±×÷∞√∑ $€£¥₱₿ ΑΩαβγπμΣ \u{FFFD}"
        .chars()
        .filter(|c| *c != ' ')
    {
        assert!(metrics::covers(c), "{c:?} (U+{:04X}) not covered", u32::from(c));
    }
    for face in [FontFace::Regular, FontFace::Bold] {
        let mut warnings = Vec::new();
        let font = printpdf::ParsedFont::from_bytes(fonts::ttf(face), 0, &mut warnings)
            .expect("the embedded font parses");
        let upm = u32::from(font.units_per_em);
        assert!(upm > 0);
        // The same character map, read by another parser (less U+FFFF, which a
        // format-4 cmap ends on, mapped to the missing glyph).
        let mapped: Vec<u32> = font
            .codepoint_to_glyph
            .iter()
            .filter(|(_, gid)| **gid != 0)
            .map(|(cp, _)| *cp)
            .collect();
        let ours: Vec<u32> = chars.iter().map(|c| u32::from(*c)).collect();
        assert_eq!(mapped, ours, "{face:?}");
        for &c in &chars {
            let ours = metrics::glyph_width(c, face).expect("covered");
            let gid = font
                .lookup_glyph_index(u32::from(c))
                .unwrap_or_else(|| panic!("{c:?} (U+{:04X}) missing from {face:?}", u32::from(c)));
            assert_eq!(metrics::glyph_id(c, face), Some(gid), "{c:?} {face:?}");
            let theirs = font
                .get_glyph_width(gid)
                .map(|w| u16::try_from((u32::from(w) * 1000 + upm / 2) / upm).expect("fits"));
            assert_eq!(
                Some(ours),
                theirs,
                "{c:?} (U+{:04X}) {face:?}: width table drifted from the embedded font",
                u32::from(c)
            );
        }
        // A few glyphs by hand, as Liberation Sans (and Helvetica) has them: plain
        // Spanish measures as it did with the Latin-only subset.
        let w = |c: char| metrics::glyph_width(c, face).expect("covered");
        match face {
            FontFace::Regular => {
                assert_eq!(
                    [w('a'), w('m'), w('ñ'), w('W'), w('¿'), w(' ')],
                    [556, 833, 556, 944, 611, 278]
                );
            }
            FontFace::Bold => {
                assert_eq!(
                    [w('a'), w('m'), w('ñ'), w('W'), w('¿'), w(' ')],
                    [556, 889, 611, 944, 611, 278]
                );
            }
        }
        // Combining accents take no room of their own.
        assert_eq!(w('\u{301}'), 0);
        let m = &font.pdf_font_metrics;
        let em = |v: i16| f32::from(v) / upm as f32;
        assert!(em(m.y_max) <= metrics::FONT_BBOX_ASCENT, "{face:?} ascent");
        assert!(
            -em(m.y_min) <= metrics::FONT_BBOX_DESCENT,
            "{face:?} descent"
        );
    }
    assert_ne!(fonts::ttf(FontFace::Regular), fonts::ttf(FontFace::Bold));
}

/// Text is printed as typed; only what the fonts cannot draw becomes U+FFFD
/// (one per character, or per emoji sequence), and it measures as printed.
#[test]
fn text_is_printed_as_typed_and_what_the_fonts_lack_is_marked() {
    let typed = "≥ 80 % → CO₂ Kɨ ő ā ꞌ Ꞌ a\u{301}n\u{303}o Łódź\u{2011}Kraków αβγ x\u{2212}y";
    assert_eq!(metrics::printable(typed), typed);
    assert!(metrics::missing(typed).is_empty());
    // Tabs and line breaks are spaces on a line; control characters go.
    assert_eq!(metrics::printable("x\ty\u{2028}z\u{7}"), "x y z");
    assert_eq!(
        metrics::printable("😀 中文 👍🏽 👨\u{200D}👩\u{200D}👧 🇲🇽 ok"),
        "\u{FFFD} \u{FFFD}\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} ok"
    );
    assert_eq!(
        metrics::missing("😀 中文 👍🏽 👨\u{200D}👩\u{200D}👧 🇲🇽 😀"),
        ["😀", "中", "文", "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇲🇽"]
    );
    for c in metrics::printable("😀 ł ő ẽ ꞌ \u{2028} \u{7} \u{E000}").chars() {
        assert!(
            metrics::glyph_width(c, FontFace::Regular).is_some(),
            "{c:?}"
        );
    }
    let r = metrics::text_width_pt("\u{FFFD}", FontFace::Bold, 10.0);
    assert_eq!(metrics::text_width_pt("中", FontFace::Bold, 10.0), r);
    assert_eq!(metrics::text_width_pt("ñ", FontFace::Regular, 10.0), 5.56);
    assert_eq!(
        metrics::text_width_pt("n\u{303}", FontFace::Regular, 10.0),
        5.56
    );
}

// ---------------------------------------------------------------------------------
// Layout

#[test]
fn wrapped_lines_fit_the_available_width() {
    for face in [FontFace::Regular, FontFace::Bold] {
        for width in [40.0, 95.5, 250.0, 498.6] {
            for text in NAMES.iter().chain([&PLAN_NAME, &"x".repeat(500).as_str()]) {
                for line in wrap_text(text, face, 10.0, width) {
                    let w = metrics::text_width_pt(&line, face, 10.0);
                    assert!(w <= width + 0.001, "{line:?} is {w} pt wide, limit {width}");
                }
            }
        }
    }
}

#[test]
fn every_item_lies_inside_the_page_even_with_a_huge_name() {
    let huge: String = "Plan de Acción Local «Año de la ñandú» ¿participación? ¡sí! "
        .chars()
        .cycle()
        .take(5_000)
        .collect();
    for (plan, page) in [
        (forty_commitments(&huge), PageSize::LETTER),
        (forty_commitments(&huge), PageSize::A4),
        (sample_plan(), PageSize::LETTER),
        (Plan::default(), PageSize::LETTER),
    ] {
        let laid = layout(&plan_document(&plan, when()), page);
        let outside = laid.items_outside_page();
        assert!(outside.is_empty(), "items outside the page: {outside:?}");
        // Text also respects the side margins.
        for p in &laid.pages {
            for item in &p.items {
                if let Item::Text { .. } = item {
                    let (x0, _, x1, _) = item.bounds();
                    assert!(x0 >= MARGIN_PT - 0.01, "{item:?}");
                    assert!(x1 <= page.width_pt - MARGIN_PT + 0.01, "{item:?}");
                }
            }
        }
    }
}

#[test]
fn headings_stay_with_their_first_lines_and_table_headers_repeat() {
    let laid = layout(
        &plan_document(&forty_commitments(PLAN_NAME), when()),
        PageSize::LETTER,
    );
    assert!(laid.pages.len() >= 3, "40 commitments take several pages");
    // Every heading has body text under it on its own page (above the footer).
    for h in &laid.headings {
        let page = &laid.pages[h.page];
        let below = page.items.iter().any(|i| match i {
            Item::Text { y_pt, text, .. } => {
                *y_pt < h.top_pt - 24.0 && *y_pt > MARGIN_PT && !h.text.contains(text.as_str())
            }
            Item::Rect { .. } | Item::Polygon { .. } => false,
        });
        assert!(
            below,
            "page {}: heading {:?} stranded at the bottom",
            h.page + 1,
            h.text
        );
    }
    let mut table_pages = 0;
    for (n, page) in laid.pages.iter().enumerate() {
        // Every page with rows of the commitments table (9 pt date cells) shows
        // the column header row above them.
        let baseline_of = |wanted: &str, size: f32| -> Vec<f32> {
            page.items
                .iter()
                .filter_map(|i| match i {
                    Item::Text {
                        text,
                        size_pt,
                        y_pt,
                        ..
                    } if text == wanted && *size_pt == size => Some(*y_pt),
                    _ => None,
                })
                .collect()
        };
        let rows = baseline_of("15/01/2020", 9.0);
        if let Some(top_row) = rows.iter().copied().reduce(f32::max) {
            table_pages += 1;
            let header = baseline_of("Núm.", 9.0);
            assert!(
                header.iter().any(|y| *y > top_row),
                "page {}: table rows without the header row",
                n + 1
            );
        }
    }
    assert!(
        table_pages >= 2,
        "the table spans pages and repeats its header ({table_pages})"
    );
}

// ---------------------------------------------------------------------------------
// PDF

#[test]
fn sample_plan_pdf_keeps_spanish_text_and_passes_the_tools() {
    let dir = scratch_dir("sample");
    let plan = sample_plan();
    let bytes = plan_pdf(&plan, when()).expect("PDF renders");
    let (pdf, _pages, text, layout_text) = check_pdf(&bytes, &dir);

    for t in [&text, &layout_text] {
        assert_contains_wrapped(t, PLAN_NAME, "plan name");
        assert!(
            t.contains("Municipio de Querétaro (clave INEGI 22014)"),
            "entity"
        );
        assert!(t.contains("10/12/2019 al 31/08/2021"), "period");
        assert!(t.contains("24/11/2026, 10:42"), "generation date");
        assert!(t.contains("Borrador"), "status");
        assert!(t.contains("BORRADOR"), "badge");
        assert!(t.contains("1. Perfil de la jurisdicción"));
        assert!(t.contains("7. Compromisos"));
        for name in NAMES {
            assert_contains_wrapped(t, name, "commitment name");
        }
    }
    // Short enough not to wrap: the characters survive exactly.
    for word in [
        "¿Qué",
        "¡Participe!",
        "«Ñandú»",
        "pingüino:",
        "á é í ó ú Á É Í Ó Ú ñ Ñ ü",
    ] {
        assert!(text.contains(word), "{word:?} lost in extraction");
    }

    let info = stdout(run(
        "pdfinfo",
        "poppler-utils",
        &["-enc", "UTF-8", "-isodates", path_str(&pdf)],
    ));
    assert!(info.contains(PLAN_NAME), "title in metadata:\n{info}");
    assert!(
        info.contains("Municipio de Querétaro"),
        "author in metadata:\n{info}"
    );
    assert!(
        info.contains("2026-11-24T10:42:07-06"),
        "creation date with offset:\n{info}"
    );
    assert!(!info.contains("1970"), "no epoch dates:\n{info}");
    assert!(!info.contains("PDF/X"), "no false PDF/X claim:\n{info}");
    assert!(info.contains("(letter)"), "US Letter pages:\n{info}");

    cleanup(&dir);
}

/// What people in Mexico write, beyond Spanish: each string is a commitment
/// name, printed as typed (the emoji as U+FFFD).
const BEYOND_SPANISH: [&str; 7] = [
    "Meta: ≥ 80 % de respuestas en ≤ 30 días → publicar; ≠ 0 quejas",
    "Reducir el CO₂ (m³ de agua, 10⁻³) en la Sierra Wixárika: Kɨ, ɨ ʉ ɛ ɔ ʔ",
    "Señalética en maya y zapoteco: Ꞌ xꞌ baꞌal; Ő ő, ā Ā, Łódź, Ǎ ǎ",
    "Acentos escritos aparte: a\u{301}rbol, n\u{303}andu\u{301}, pingu\u{308}ino, a\u{331}",
    "Índice griego: α β γ δ Ω π Σ",
    "Precios: $ 1,500 € 30 £ 5 ₱ 2 — «comillas» “dobles” ‘simples’ … • ‰",
    "Participación 😀 ciudadana en 中文",
];

/// Characters beyond Spanish reach the PDF as typed: `pdftotext -enc UTF-8`
/// reads them back (combining accents included), `pdffonts` shows subset fonts,
/// the pages render; what the fonts lack is a visible U+FFFD, in the text and in
/// the outline alike.
#[test]
fn characters_beyond_spanish_reach_the_pdf_as_typed() {
    let dir = scratch_dir("beyond_spanish");
    let plan = Plan {
        profile: Some(queretaro("Plan de Acción Local → 2025 ≥ 2027 Kɨ")),
        commitments: BEYOND_SPANISH
            .iter()
            .zip(1..)
            .map(|(name, id)| commitment(id, name))
            .collect(),
        ..Default::default()
    };
    let bytes = plan_pdf(&plan, when()).expect("pdf");
    let (pdf, _, text, _) = check_pdf(&bytes, &dir);
    for name in &BEYOND_SPANISH[..6] {
        assert_contains_wrapped(&text, name, "commitment name");
    }
    assert_contains_wrapped(
        &text,
        "Participación \u{FFFD} ciudadana en \u{FFFD}\u{FFFD}",
        "what the fonts lack",
    );
    assert_contains_wrapped(&text, "Plan de Acción Local → 2025 ≥ 2027 Kɨ", "plan name");
    // The outline (bookmarks) shows the same text as the pages.
    let outline = stdout(run(
        "qpdf",
        "qpdf",
        &["--json", "--json-key=outlines", path_str(&pdf)],
    ));
    assert!(
        outline.contains("Participación \u{FFFD} ciudadana en \u{FFFD}\u{FFFD}")
            || outline.contains("Participación \\ufffd ciudadana en \\ufffd\\ufffd"),
        "{outline}"
    );
    if std::env::var_os("KEEP_PDF").is_none() {
        cleanup(&dir);
    }
}

#[test]
fn forty_commitments_make_several_numbered_pages() {
    let dir = scratch_dir("forty");
    let plan = forty_commitments(PLAN_NAME);
    let bytes = plan_pdf(&plan, when()).expect("PDF renders");
    let (_pdf, pages, text, layout_text) = check_pdf(&bytes, &dir);
    assert!(pages >= 3, "40 commitments need several pages, got {pages}");
    assert!(text.contains(&format!("Página 1 de {pages}")));
    for c in &plan.commitments {
        assert_contains_wrapped(&text, &c.name, "commitment name");
        assert_contains_wrapped(&layout_text, &c.name, "commitment name (-layout)");
    }
    cleanup(&dir);
}

#[test]
fn empty_plan_says_what_is_missing() {
    let dir = scratch_dir("empty");
    let plan = Plan::default();
    let doc = plan_document(&plan, when());
    assert!(doc.blocks.contains(&Block::Note(
        "Todavía no se han registrado compromisos.".to_owned()
    )));
    let bytes = plan_pdf(&plan, when()).expect("PDF renders");
    let (_pdf, pages, text, _) = check_pdf(&bytes, &dir);
    assert!(pages <= 6, "an empty plan stays short: {pages} pages");
    assert!(text.contains("No proporcionado"));
    assert!(text.contains("Todavía no se han registrado compromisos."));
    cleanup(&dir);
}

#[test]
fn huge_plan_name_still_makes_a_valid_pdf() {
    let dir = scratch_dir("huge");
    let huge: String = "Año de la ñandú, ¿participación? ¡sí! "
        .chars()
        .cycle()
        .take(5_000)
        .collect();
    let plan = forty_commitments(&huge);
    let bytes = plan_pdf(&plan, when()).expect("PDF renders");
    let (_pdf, pages, text, _) = check_pdf(&bytes, &dir);
    assert!(pages >= 4);
    let note = plan_document(&plan, when()).meta.footer_note;
    let body = without_footers(&text, &huge, &note);
    assert_contains_wrapped(&body, &huge, "huge plan name");
    for c in &plan.commitments {
        assert_contains_wrapped(&body, &c.name, "commitment name");
    }
    cleanup(&dir);
}

// ---------------------------------------------------------------------------------
// File names

#[test]
fn pdf_file_names_are_safe_and_readable() {
    let named = |name: &str| Plan {
        profile: Some(queretaro(name)),
        ..Default::default()
    };
    assert_eq!(
        pdf_file_name(&named("Plan de Acción Local 2025-2027")),
        "plan-de-accion-local-2025-2027.pdf"
    );
    assert_eq!(
        file_stem(&named(PLAN_NAME)),
        "plan-de-accion-local-de-gobierno-abierto-2025-2027-ano-de-la-nandu"
    );
    assert_eq!(
        file_stem(&named("  ¿Qué?  «Ñandú» / Pingüino_Œuvre  ")),
        "que-nandu-pinguino-oeuvre"
    );
    assert_eq!(file_stem(&named("../../etc/passwd")), "etc-passwd");
    assert_eq!(file_stem(&named("中文 😀")), "plan-de-accion-local");
    assert_eq!(pdf_file_name(&Plan::default()), "plan-de-accion-local.pdf");

    let long = file_stem(&named(&"Participación ciudadana ".repeat(20)));
    assert!(long.len() <= 80, "{long}");
    assert!(!long.ends_with('-'));
    assert!(
        long.ends_with("ciudadana") || long.ends_with("participacion"),
        "{long}"
    );
    for stem in [long, file_stem(&named(PLAN_NAME))] {
        assert!(stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    }
}

#[test]
fn document_has_the_expected_sections() {
    let plan = sample_plan();
    let doc = plan_document(&plan, when());
    assert_eq!(doc.meta.language, "es-MX");
    assert_eq!(doc.meta.title, PLAN_NAME);
    assert_eq!(doc.title_block.status, "Borrador");
    assert_eq!(
        doc.title_block.lines[0].value,
        "Municipio de Querétaro (clave INEGI 22014)"
    );
    assert_eq!(doc.title_block.lines[1].value, "10/12/2019 al 31/08/2021");
    assert_eq!(doc.title_block.lines[2].value, "24/11/2026, 10:42");
    assert!(doc
        .title_block
        .lines
        .iter()
        .any(|l| l.value == plan_local_ga::APP_VERSION));
    assert!(doc.meta.footer_note.contains(plan_local_ga::APP_VERSION));
    assert!(matches!(
        doc.blocks[0],
        Block::Contents { max_level: 2, .. }
    ));
    let headings = |level: u8| -> Vec<&str> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { text, level: l } if *l == level => Some(text.as_str()),
                _ => None,
            })
            .collect()
    };
    // Every section but the OGP record's and the progress reports', which this
    // plan does not have.
    let sections: Vec<String> = SECTIONS
        .iter()
        .filter(|s| s.shown(&plan))
        .enumerate()
        .map(|(i, s)| format!("{}. {}", i + 1, s.title()))
        .collect();
    assert_eq!(sections.len(), SECTIONS.len() - 2);
    assert_eq!(headings(1), sections);
    let fichas: Vec<String> = NAMES
        .iter()
        .enumerate()
        .map(|(i, n)| format!("Compromiso {}. {n}", i + 1))
        .collect();
    assert_eq!(headings(2), fichas);
    // The contents list the sections and the commitments, in order.
    let entries: Vec<&str> = doc.contents_entries(0).iter().map(|e| e.1).collect();
    assert_eq!(entries.len(), sections.len() + NAMES.len());
    assert_eq!(entries[0], "1. Perfil de la jurisdicción");
    assert_eq!(entries[7], fichas[0]);
}
