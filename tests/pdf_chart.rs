//! Native tests of the export's bar chart block ([`Block::BarChart`]): its layout
//! geometry (fills proportional to the values, nothing outside the page, charts
//! kept whole on a page) and the PDF bytes checked with the real tools (poppler's
//! `pdftotext`, `pdftoppm`, `pdfinfo` and `qpdf --check`).
//!
//! A missing tool fails the test with the Debian package to install; nothing is
//! skipped. Set `KEEP_PDF=1` to keep the PDF and its page images for a look.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cleanup, page_count, path_str, pdftotext, rendered_pages, run, scratch_dir, squash};

use plan_local_ga::export::layout::{palette, MARGIN_PT};
use plan_local_ga::export::{
    layout, render_pdf, Bar, Block, Document, Field, Item, Laid, Meta, PageSize, Rgb, TitleBlock,
};
use time::macros::datetime;
use time::OffsetDateTime;

// ---------------------------------------------------------------------------------
// Sample documents

const LABELS: [&str; 5] = [
    "Espacios de coordinación entre autoridades y ciudadanía",
    "Transparencia proactiva y datos abiertos",
    "Participación ciudadana en la planeación y el presupuesto",
    "Rendición de cuentas y contraloría social",
    "Innovación, tecnología y lenguaje ciudadano",
];

const VALUES: [f32; 5] = [0.0, 33.3, 50.0, 66.7, 100.0];

const VALUE_TEXTS: [&str; 5] = [
    "0 / 100 · Inicial",
    "33 / 100 · Básico",
    "50 / 100 · Intermedio",
    "67 / 100 · Avanzado",
    "100 / 100 · Consolidado",
];

/// One distinct colour per bar, none of them a palette colour, so a bar's fill
/// can be told apart from the track and from every other bar.
const COLORS: [Rgb; 5] = [
    Rgb::hex(0xA8353A),
    Rgb::hex(0xC77C2E),
    Rgb::hex(0xB38F2E),
    Rgb::hex(0x2E7D5B),
    Rgb::hex(0x13322B),
];

const CAPTION: &str = "Nivel de preparación por tema (0 a 100)";

fn meta() -> Meta {
    Meta {
        title: "Plan de Acción Local de Gobierno Abierto de Querétaro 2025-2027".to_owned(),
        author: "Municipio de Querétaro".to_owned(),
        subject: "Diagnóstico de preparación".to_owned(),
        language: "es-MX".to_owned(),
        generated_at: when(),
        app_version: plan_local_ga::APP_VERSION.to_owned(),
        creator: "Plan local de gobierno abierto".to_owned(),
        footer_note: format!(
            "Borrador generado con la herramienta de planes locales, versión {}",
            plan_local_ga::APP_VERSION
        ),
    }
}

fn when() -> OffsetDateTime {
    datetime!(2026-11-24 10:42:07 -6)
}

fn document(blocks: Vec<Block>) -> Document {
    let meta = meta();
    Document {
        title_block: TitleBlock {
            kicker: "Plan de acción local de gobierno abierto".to_owned(),
            title: meta.title.clone(),
            lines: vec![
                Field::new("Jurisdicción", "Municipio de Querétaro (clave INEGI 22014)"),
                Field::new("Generado", "24/11/2026, 10:42"),
            ],
            status: "Borrador".to_owned(),
        },
        meta,
        blocks,
    }
}

fn sample_bars() -> Vec<Bar> {
    (0..5)
        .map(|i| Bar::new(LABELS[i], VALUES[i], VALUE_TEXTS[i], COLORS[i]))
        .collect()
}

fn sample_chart() -> Block {
    Block::BarChart {
        caption: CAPTION.to_owned(),
        max: 100.0,
        bars: sample_bars(),
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.to_owned(),
    }
}

/// A report section: heading, a paragraph, the chart and a closing paragraph.
fn sample_document() -> Document {
    document(vec![
        heading(1, "3. Diagnóstico de preparación"),
        Block::Paragraph(
            "La gráfica resume la autoevaluación de la jurisdicción en cada tema del \
             diagnóstico. Cada barra muestra el puntaje obtenido sobre 100 y el nivel \
             que le corresponde."
                .to_owned(),
        ),
        sample_chart(),
        Block::Paragraph(
            "Los temas con nivel inicial o básico son prioritarios para los compromisos \
             del plan."
                .to_owned(),
        ),
    ])
}

// ---------------------------------------------------------------------------------
// Reading a layout

/// Pages on which an exact text run appears.
fn pages_with(laid: &Laid, text: &str) -> Vec<usize> {
    laid.pages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.items
                .iter()
                .any(|i| matches!(i, Item::Text { text: t, .. } if t == text))
        })
        .map(|(n, _)| n)
        .collect()
}

/// The one page an exact text run appears on.
fn page_of(laid: &Laid, text: &str) -> usize {
    let pages = pages_with(laid, text);
    assert_eq!(pages.len(), 1, "{text:?} on pages {pages:?}");
    pages[0]
}

/// Rectangles of one fill colour, as (page, x, y, w, h).
fn rects(laid: &Laid, fill: Rgb) -> Vec<(usize, f32, f32, f32, f32)> {
    laid.pages
        .iter()
        .enumerate()
        .flat_map(|(n, p)| {
            p.items.iter().filter_map(move |i| match i {
                Item::Rect {
                    x_pt,
                    y_pt,
                    w_pt,
                    h_pt,
                    fill: f,
                } if *f == fill => Some((n, *x_pt, *y_pt, *w_pt, *h_pt)),
                _ => None,
            })
        })
        .collect()
}

fn assert_inside_page_and_margins(laid: &Laid) {
    let outside = laid.items_outside_page();
    assert!(outside.is_empty(), "items outside the page: {outside:?}");
    for p in &laid.pages {
        for item in &p.items {
            let (x0, _, x1, _) = item.bounds();
            assert!(x0 >= MARGIN_PT - 0.01, "left of the margin: {item:?}");
            assert!(
                x1 <= laid.page.width_pt - MARGIN_PT + 0.01,
                "right of the margin: {item:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------
// Tools

/// Asserts that `needles` occur in `haystack` one after another (ignoring
/// whitespace, so wrapped labels still match).
fn assert_in_order(haystack: &str, needles: &[&str]) {
    let haystack = squash(haystack);
    let mut from = 0;
    for needle in needles {
        let needle = squash(needle);
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!(
                "{needle:?} not found (in order) in the extracted text:\n{}",
                &haystack[from.min(haystack.len())..]
            ),
        }
    }
}

// ---------------------------------------------------------------------------------
// PDF

#[test]
fn chart_pdf_keeps_labels_and_values_and_passes_the_tools() {
    let dir = scratch_dir("sample");
    let bytes = render_pdf(&sample_document()).expect("PDF renders");
    assert!(bytes.starts_with(b"%PDF-1."), "not a PDF header");
    let pdf = dir.join("chart.pdf");
    std::fs::write(&pdf, &bytes).expect("write PDF");

    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    let pages = page_count(&pdf);
    assert_eq!(pages, 1, "a five-bar chart fits on the first page");
    assert_eq!(
        rendered_pages(&pdf, &dir),
        pages,
        "pdftoppm renders every page"
    );

    let text = pdftotext(&pdf, false);
    // Every label and every value text, as real text, in reading order.
    let mut sequence = vec!["3. Diagnóstico de preparación", CAPTION];
    for i in 0..5 {
        sequence.extend([LABELS[i], VALUE_TEXTS[i]]);
    }
    sequence.extend(["Los temas con nivel inicial", "Página 1 de 1"]);
    assert_in_order(&text, &sequence);
    assert!(
        text.contains("67 / 100 · Avanzado"),
        "the value text survives exactly:\n{text}"
    );
    // The scale under the bars.
    assert_in_order(&text, &[LABELS[4], "0", "25", "50", "75", "100"]);
    cleanup(&dir);
}

#[test]
fn forty_charts_make_a_valid_multi_page_pdf() {
    let dir = scratch_dir("forty");
    let bytes = render_pdf(&forty_charts()).expect("PDF renders");
    let pdf = dir.join("charts.pdf");
    std::fs::write(&pdf, &bytes).expect("write PDF");
    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    let pages = page_count(&pdf);
    assert!(pages >= 5, "40 charts take several pages, got {pages}");
    assert_eq!(
        rendered_pages(&pdf, &dir),
        pages,
        "pdftoppm renders every page"
    );
    let text = pdftotext(&pdf, false);
    let mut sequence = Vec::new();
    for k in 1..=40 {
        sequence.push(format!("Gráfica {k}."));
        for i in 0..5 {
            sequence.push(format!("{} {k}", LABELS[i]));
            sequence.push(format!("{} ({k})", VALUE_TEXTS[i]));
        }
    }
    let sequence: Vec<&str> = sequence.iter().map(String::as_str).collect();
    assert_in_order(&text, &sequence);
    cleanup(&dir);
}

// ---------------------------------------------------------------------------------
// Layout

/// The track and fill of each sample bar: (track width, fill width or 0).
fn tracks_and_fills(laid: &Laid) -> Vec<(f32, f32)> {
    let tracks = rects(laid, palette::TRACK);
    assert_eq!(tracks.len(), 5, "one track per bar");
    COLORS
        .iter()
        .zip(&tracks)
        .map(|(color, &(page, x, y, w, h))| {
            let fills = rects(laid, *color);
            assert!(fills.len() <= 1, "one fill per bar: {fills:?}");
            let fill = fills.first().map_or(0.0, |&(fp, fx, fy, fw, fh)| {
                assert_eq!(fp, page, "fill on its track's page");
                assert!((fx - x).abs() < 0.01, "fill starts at the track's start");
                assert!(
                    (fy - y).abs() < 0.01 && (fh - h).abs() < 0.01,
                    "fill as tall as its track"
                );
                fw
            });
            (w, fill)
        })
        .collect()
}

#[test]
fn bar_fills_are_proportional_to_their_values() {
    let laid = layout(&sample_document(), PageSize::LETTER);
    let bars = tracks_and_fills(&laid);
    let track = bars[0].0;
    assert!(track > 150.0, "a usable track ({track} pt)");
    for (i, &(w, fill)) in bars.iter().enumerate() {
        assert!((w - track).abs() < 0.01, "every track is as wide");
        let expected = VALUES[i] / 100.0 * track;
        assert!(
            (fill - expected).abs() <= 0.5,
            "bar {i}: fill {fill} pt, expected {expected} pt of {track}"
        );
    }
    assert!((bars[4].1 - track).abs() <= 0.5, "100 fills the track");
    assert!((bars[2].1 - track / 2.0).abs() <= 0.5, "50 fills half");
    assert!(bars[0].1 <= 1.0, "0 draws no visible fill");
    // Tracks are stacked top to bottom in the bars' order.
    let ys: Vec<f32> = rects(&laid, palette::TRACK).iter().map(|r| r.2).collect();
    assert!(ys.windows(2).all(|w| w[0] > w[1]), "{ys:?}");
}

#[test]
fn labels_and_values_line_up_beside_their_bars() {
    let laid = layout(&sample_document(), PageSize::LETTER);
    let tracks = rects(&laid, palette::TRACK);
    let track_x = tracks[0].1;
    let track_end = track_x + tracks[0].3;
    let page = &laid.pages[0];
    let runs: Vec<(f32, f32, f32, &str)> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text {
                x_pt, y_pt, text, ..
            } => Some((*x_pt, *y_pt, i.bounds().2, text.as_str())),
            Item::Rect { .. } | Item::Polygon { .. } => None,
        })
        .collect();
    let mut value_x = None;
    for (i, &(_, _, y, _, h)) in tracks.iter().enumerate() {
        // The value text sits right of the track, vertically on the bar.
        let &(x, baseline, _, _) = runs
            .iter()
            .find(|r| r.3 == VALUE_TEXTS[i])
            .expect("value text laid out");
        assert!(x > track_end, "value text after the track");
        assert!(
            baseline > y && baseline < y + h,
            "value text {:?} on its bar",
            VALUE_TEXTS[i]
        );
        assert!(
            value_x.is_none_or(|v: f32| (v - x).abs() < 0.01),
            "value texts aligned"
        );
        value_x = Some(x);
        // Label lines start at the margin and end before the track.
        let first_word = LABELS[i].split(' ').next().expect("a word");
        let &(lx, _, lx1, _) = runs
            .iter()
            .find(|r| r.3.starts_with(first_word))
            .expect("label laid out");
        assert!((lx - MARGIN_PT).abs() < 0.01, "label at the margin");
        assert!(lx1 < track_x, "label clear of the track");
    }
    // Every label line stays in the label column.
    for &(x, _, x1, text) in &runs {
        if LABELS.iter().any(|l| squash(l).contains(&squash(text))) && x < track_x {
            assert!(x1 < track_x - 5.0, "{text:?} runs into the track");
        }
    }
    // The scale: five labels, left to right, under the last track.
    let last_track_y = tracks[4].2;
    let scale: Vec<(f32, &str)> = runs
        .iter()
        .filter(|r| r.1 < last_track_y && r.1 > last_track_y - 30.0 && r.0 >= track_x - 10.0)
        .map(|r| (r.0, r.3))
        .collect();
    let texts: Vec<&str> = scale.iter().map(|s| s.1).collect();
    assert_eq!(texts, ["0", "25", "50", "75", "100"]);
    assert!(scale.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn chart_items_stay_inside_the_page() {
    let huge_label: String = "Participación ciudadana «sin límite» ¿cómo? "
        .chars()
        .cycle()
        .take(6_000)
        .collect();
    let odd = Block::BarChart {
        caption: "Valores fuera de escala".to_owned(),
        max: 10.0,
        bars: vec![
            Bar::new("Negativo", -3.0, "-3", COLORS[0]),
            Bar::new("Excedido", 25.0, "25 de 10", COLORS[1]),
            Bar::new("Indefinido", f32::NAN, "s/d", COLORS[2]),
            Bar::new(huge_label.clone(), 5.0, "5 / 10", COLORS[3]),
            Bar::new(
                "Texto de valor muy largo",
                7.5,
                "7.5 / 10 · un valor con una explicación larguísima que no cabe",
                COLORS[4],
            ),
        ],
    };
    let docs = [
        sample_document(),
        document(vec![odd.clone()]),
        document(vec![Block::BarChart {
            caption: "Sin escala".to_owned(),
            max: 0.0,
            bars: sample_bars(),
        }]),
        document(vec![Block::BarChart {
            caption: "Sin barras".to_owned(),
            max: 100.0,
            bars: Vec::new(),
        }]),
        forty_charts(),
    ];
    for doc in &docs {
        for page in [PageSize::LETTER, PageSize::A4] {
            let laid = layout(doc, page);
            assert_inside_page_and_margins(&laid);
        }
    }

    // Values outside the scale are clamped; max 0 draws empty tracks.
    let laid = layout(&docs[1], PageSize::LETTER);
    let track = rects(&laid, palette::TRACK)[0].3;
    assert!(rects(&laid, COLORS[0]).is_empty(), "negative draws nothing");
    assert!(
        (rects(&laid, COLORS[1])[0].3 - track).abs() < 0.01,
        "clamped"
    );
    assert!(rects(&laid, COLORS[2]).is_empty(), "NaN draws nothing");
    assert!((rects(&laid, COLORS[3])[0].3 - track / 2.0).abs() < 0.5);
    assert!(laid.pages.len() >= 3, "the huge label spans pages");
    let laid = layout(&docs[2], PageSize::LETTER);
    for color in COLORS {
        assert!(rects(&laid, color).is_empty(), "max 0: no fills");
    }
    // Scale labels follow max.
    let laid = layout(&docs[1], PageSize::LETTER);
    for tick in ["2.5", "7.5", "10"] {
        assert!(laid.texts().contains(&tick), "tick {tick:?}");
    }
    // The chart without bars still shows its caption.
    let laid = layout(&docs[3], PageSize::LETTER);
    assert!(laid.texts().contains(&"Sin barras"));

    // Odd values and a label longer than a page still make a valid PDF.
    let dir = scratch_dir("odd");
    let pdf = dir.join("odd.pdf");
    std::fs::write(&pdf, render_pdf(&docs[1]).expect("PDF renders")).expect("write PDF");
    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    let pages = page_count(&pdf);
    assert_eq!(
        rendered_pages(&pdf, &dir),
        pages,
        "pdftoppm renders every page"
    );
    let text = pdftotext(&pdf, false);
    assert_in_order(
        &text,
        &[
            "Negativo",
            "-3",
            "Excedido",
            "25 de 10",
            "Indefinido",
            "s/d",
            "5 / 10",
        ],
    );
    cleanup(&dir);
}

/// 40 sections, each a heading, a paragraph of varying length and a five-bar
/// chart whose labels and value texts carry the chart's number.
fn forty_charts() -> Document {
    forty_charts_with(true)
}

/// 40 sections of a heading, optionally a paragraph, and a chart.
fn forty_charts_with(paragraphs: bool) -> Document {
    let mut blocks = Vec::new();
    for k in 1..=40 {
        blocks.push(heading(2, &format!("Tema {k}. Diagnóstico de preparación")));
        if paragraphs {
            blocks.push(Block::Paragraph(
                "Resultados de la autoevaluación por eje temático. ".repeat(k % 7 + 1),
            ));
        }
        blocks.push(Block::BarChart {
            caption: format!("Gráfica {k}. {CAPTION}"),
            max: 100.0,
            bars: (0..5)
                .map(|i| {
                    Bar::new(
                        format!("{} {k}", LABELS[i]),
                        VALUES[i],
                        format!("{} ({k})", VALUE_TEXTS[i]),
                        COLORS[i],
                    )
                })
                .collect(),
        });
    }
    document(blocks)
}

#[test]
fn forty_charts_paginate_without_splitting_a_chart() {
    for paragraphs in [true, false] {
        forty_charts_keep_whole(paragraphs);
    }
}

fn forty_charts_keep_whole(paragraphs: bool) {
    let laid = layout(&forty_charts_with(paragraphs), PageSize::LETTER);
    assert!(laid.pages.len() >= 5, "{} pages", laid.pages.len());
    assert_inside_page_and_margins(&laid);
    for k in 1..=40 {
        let caption = format!("Gráfica {k}. {CAPTION}");
        let page = page_of(&laid, &caption);
        if !paragraphs {
            // A heading right above a chart moves with it.
            assert_eq!(
                page_of(&laid, &format!("Tema {k}. Diagnóstico de preparación")),
                page,
                "chart {k} left its heading behind"
            );
        }
        for value in VALUE_TEXTS {
            assert_eq!(
                page_of(&laid, &format!("{value} ({k})")),
                page,
                "chart {k} split at {value:?}"
            );
        }
    }
    // Every chart's scale is on its chart's page: each page has as many "100"
    // scale labels as charts.
    for (n, p) in laid.pages.iter().enumerate() {
        // The body's text runs, without the footer's.
        let texts: Vec<&str> = p
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, y_pt, .. } if *y_pt > MARGIN_PT => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let charts = texts.iter().filter(|t| t.starts_with("Gráfica ")).count();
        let scales = texts.iter().filter(|t| **t == "100").count();
        assert_eq!(charts, scales, "page {}: every chart with its scale", n + 1);
        let tracks = p
            .items
            .iter()
            .filter(|i| matches!(i, Item::Rect { fill, .. } if *fill == palette::TRACK))
            .count();
        assert_eq!(
            tracks,
            5 * charts,
            "page {}: every chart with its bars",
            n + 1
        );
        // The heading's keep-with-next treats a chart like other content: no
        // page ends with a heading.
        if let Some(last) = texts.last() {
            assert!(
                !last.starts_with("Tema "),
                "page {}: heading {last:?} stranded at the bottom",
                n + 1
            );
        }
    }
}

#[test]
fn a_chart_taller_than_a_page_splits_between_bars() {
    let bars: Vec<Bar> = (1..=70)
        .map(|j| {
            Bar::new(
                format!("Tema {j}: {}", LABELS[j % 5]),
                (j % 11) as f32 * 10.0,
                format!("{} / 100 · núm. {j}", (j % 11) * 10),
                COLORS[j % 5],
            )
        })
        .collect();
    let doc = document(vec![
        Block::Paragraph("Una gráfica muy larga empieza donde termina este párrafo.".to_owned()),
        Block::BarChart {
            caption: CAPTION.to_owned(),
            max: 100.0,
            bars,
        },
        Block::Paragraph("Fin.".to_owned()),
    ]);
    let laid = layout(&doc, PageSize::LETTER);
    assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
    assert_inside_page_and_margins(&laid);
    // The caption starts on the first page with bars under it.
    let caption_page = page_of(&laid, CAPTION);
    assert_eq!(page_of(&laid, "10 / 100 · núm. 1"), caption_page);
    // Bars are whole: each page has as many tracks as value texts, and every
    // value text lies on its track.
    for (n, p) in laid.pages.iter().enumerate() {
        let tracks: Vec<(f32, f32)> = p
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rect {
                    y_pt, h_pt, fill, ..
                } if *fill == palette::TRACK => Some((*y_pt, *h_pt)),
                _ => None,
            })
            .collect();
        let values: Vec<f32> = p
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { y_pt, text, .. } if text.contains("· núm. ") => Some(*y_pt),
                _ => None,
            })
            .collect();
        assert_eq!(tracks.len(), values.len(), "page {}", n + 1);
        for (track, value) in tracks.iter().zip(&values) {
            assert!(*value > track.0 && *value < track.0 + track.1);
        }
    }
    // The scale follows the last bar, and the chart continues where the page ends.
    // Pages the chart continues on repeat its scale above the first bar.
    for p in &laid.pages[1..] {
        let first_track_top = p
            .items
            .iter()
            .find_map(|i| match i {
                Item::Rect {
                    y_pt, h_pt, fill, ..
                } if *fill == palette::TRACK => Some(y_pt + h_pt),
                _ => None,
            })
            .expect("bars on every page");
        let above: Vec<&str> = p
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { y_pt, text, .. } if *y_pt > first_track_top => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(above, ["0", "25", "50", "75", "100"]);
    }
    let last_page = page_of(&laid, "40 / 100 · núm. 70");
    assert!(pages_with(&laid, "75").contains(&last_page));
    assert_eq!(page_of(&laid, "Fin."), last_page);

    // The PDF is valid and reads in order.
    let dir = scratch_dir("tall");
    let pdf = dir.join("tall.pdf");
    std::fs::write(&pdf, render_pdf(&doc).expect("PDF renders")).expect("write PDF");
    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    let pages = page_count(&pdf);
    assert_eq!(pages, laid.pages.len());
    assert_eq!(
        rendered_pages(&pdf, &dir),
        pages,
        "pdftoppm renders every page"
    );
    let text = pdftotext(&pdf, false);
    let values: Vec<String> = (1..=70)
        .map(|j| format!("{} / 100 · núm. {j}", (j % 11) * 10))
        .collect();
    let mut sequence = vec![CAPTION];
    sequence.extend(values.iter().map(String::as_str));
    sequence.push("Fin.");
    assert_in_order(&text, &sequence);
    cleanup(&dir);
}
