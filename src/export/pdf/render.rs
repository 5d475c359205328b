//! PDF rendering: draws [`Laid`] pages with the embedded Plan Local Sans faces
//! ([`crate::export::font::fonts`]).
//!
//! Both faces are embedded as Identity-H CID fonts with a ToUnicode map, so text
//! extracts and searches as typed, each reduced to the glyphs the document uses
//! ([`super::subset`]); [`layout()`] has already replaced every character the
//! fonts cannot draw by U+FFFD. Text is placed absolutely with `Tm`
//! (`Op::SetTextMatrix`, not the relative `SetTextCursor`), and rectangles and
//! polygons (filled, with an optional outline) are drawn outside text sections.
//!
//! Then, on printpdf's lopdf document: the dates are rewritten with the local
//! time and its offset (printpdf writes UTC labels, and the Unix epoch in wasm);
//! the catalog gets `/Lang` from the document's language and an outline (one
//! bookmark per section, the commitments' fichas nested under theirs); and the
//! streams are deflated at a fast level.

use std::collections::BTreeSet;

use printpdf::{
    Color, FontId, LineJoinStyle, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, PdfWarnMsg, Point, Polygon, PolygonRing, Pt, Rect,
    TextItem, TextMatrix, WindingOrder,
};
use time::OffsetDateTime;

use super::subset::subset_font;
use crate::domain::Plan;
use crate::export::content::document::Document;
use crate::export::content::plan_document::{file_stem, plan_document};
use crate::export::content::readiness_document::readiness_document;
use crate::export::font::metrics::{self, FontFace};
use crate::export::layout::{layout, Item, Laid, LaidHeading, PageSize, Rgb};

/// Why a PDF could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The PDF writer reported a problem with the page content.
    #[error("the PDF writer rejected the page content: {0}")]
    Content(String),
    /// The written document lacks a part it must have (catalog, information).
    #[error("the PDF structure is incomplete: {0}")]
    Structure(String),
    /// Writing the bytes failed.
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// The PDF of `doc` on US Letter pages.
pub fn render_pdf(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let laid = layout(doc, PageSize::LETTER);
    render_laid(doc, &laid)
}

/// The PDF of `plan`, generated at `generated_at` (local time, with its offset).
pub fn plan_pdf(plan: &Plan, generated_at: OffsetDateTime) -> Result<Vec<u8>, PdfError> {
    render_pdf(&plan_document(plan, generated_at))
}

/// The PDF of `plan` carrying `draft_json` (the encoded envelope) as the
/// embedded file `borrador.json`, so that «Abrir un borrador» can open the PDF
/// again (see [`super::attach`]).
pub fn plan_pdf_with_draft(
    plan: &Plan,
    draft_json: &str,
    generated_at: OffsetDateTime,
) -> Result<Vec<u8>, PdfError> {
    let pdf = plan_pdf(plan, generated_at)?;
    super::attach::attach_draft(&pdf, draft_json)
        .map_err(|e| PdfError::Structure(format!("attached draft: {e}")))
}

/// The PDF's file name: "Plan de Acción Local 2025-2027" →
/// "plan-de-accion-local-2025-2027.pdf" (see [`file_stem`]).
pub fn pdf_file_name(plan: &Plan) -> String {
    format!("{}.pdf", file_stem(plan))
}

/// Draws already laid-out pages; `doc` supplies the file's metadata.
pub fn render_laid(doc: &Document, laid: &Laid) -> Result<Vec<u8>, PdfError> {
    let meta = &doc.meta;
    let mut pdf = PdfDocument::new(&meta.title);
    let info = &mut pdf.metadata.info;
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = meta.creator.clone();
    info.producer = "printpdf".to_owned();
    info.keywords = vec![
        "gobierno abierto".to_owned(),
        "plan de acción local".to_owned(),
    ];
    info.creation_date = printpdf_date(meta.generated_at);
    info.modification_date = info.creation_date;
    info.metadata_date = info.creation_date;

    // Each face reduced to the glyphs this document uses (see `super::subset`).
    for face in [FontFace::Regular, FontFace::Bold] {
        let chars = used_chars(laid, face);
        if !chars.is_empty() {
            pdf.resources
                .fonts
                .map
                .insert(font_id(face), PdfFont::new(subset_font(face, &chars)?));
        }
    }

    let (w, h) = (laid.page.width_mm(), laid.page.height_mm());
    pdf.pages = laid
        .pages
        .iter()
        .map(|page| PdfPage::new(Mm(w), Mm(h), page_ops(&page.items)))
        .collect();

    let mut warnings: Vec<PdfWarnMsg> = Vec::new();
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    if let Some(w) = warnings.iter().find(|w| is_error(w)) {
        return Err(PdfError::Content(w.msg.clone()));
    }

    // Dates with the real offset, and the document language (PDF 1.4).
    let date = pdf_date(meta.generated_at);
    let info_id = lo
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .map_err(|e| PdfError::Structure(format!("document information: {e}")))?;
    let info_dict = lo
        .get_dictionary_mut(info_id)
        .map_err(|e| PdfError::Structure(format!("document information: {e}")))?;
    // printpdf always writes these; empty, they make readers report a PDF/X file.
    for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Trapped"] {
        info_dict.remove(key);
    }
    let mut lang = None;
    for key in [&b"CreationDate"[..], b"ModDate"] {
        let value = info_dict
            .get_mut(key)
            .map_err(|e| PdfError::Structure(format!("document dates: {e}")))?;
        if lang.is_none() {
            // A copy of a PDF string object, reused below for /Lang (lopdf's
            // types are not nameable from here without adding it as a dependency).
            lang = Some(value.clone());
        }
        *value
            .as_str_mut()
            .map_err(|e| PdfError::Structure(format!("document dates: {e}")))? =
            date.clone().into_bytes();
    }
    // A PDF string object, kept as the prototype of lopdf's object type below.
    let proto = lang.clone();
    if let Some(mut lang) = lang {
        *lang
            .as_str_mut()
            .map_err(|e| PdfError::Structure(format!("language: {e}")))? =
            meta.language.clone().into_bytes();
        lo.catalog_mut()
            .map_err(|e| PdfError::Structure(format!("catalog: {e}")))?
            .set("Lang", lang);
        lo.version = "1.4".to_owned();
    }

    // The outline (bookmarks): every section, with the commitments' fichas under
    // theirs. Built here because printpdf's own outline is flat and sorted by page
    // and title. lopdf's types come from prototypes taken from the document
    // (see `like`), so lopdf need not be a dependency of its own.
    let marks: Vec<&LaidHeading> = laid.headings.iter().filter(|h| h.level <= 2).collect();
    if let (Some(proto), false) = (proto, marks.is_empty()) {
        let page_ids = lo.get_pages();
        let mut empty = lo
            .get_dictionary(info_id)
            .map_err(|e| PdfError::Structure(format!("document information: {e}")))?
            .clone();
        let keys: Vec<Vec<u8>> = empty.iter().map(|(k, _)| k.clone()).collect();
        for k in keys {
            empty.remove(&k);
        }
        // Each mark's parent: the latest section before it (sections have none).
        let parents: Vec<Option<usize>> = marks
            .iter()
            .enumerate()
            .map(|(i, m)| {
                if m.level <= 1 {
                    None
                } else {
                    marks[..i].iter().rposition(|p| p.level <= 1)
                }
            })
            .collect();
        let root = lo.new_object_id();
        let ids: Vec<(u32, u16)> = marks.iter().map(|_| lo.new_object_id()).collect();
        let children = |parent: Option<usize>| -> Vec<usize> {
            (0..marks.len()).filter(|&j| parents[j] == parent).collect()
        };
        for (i, m) in marks.iter().enumerate() {
            let mut item = empty.clone();
            let mut title = proto.clone();
            *title
                .as_str_mut()
                .map_err(|e| PdfError::Structure(format!("outline: {e}")))? = utf16_text(&m.text);
            item.set("Title", title);
            item.set("Parent", like(&proto, parents[i].map_or(root, |p| ids[p])));
            let siblings = children(parents[i]);
            if let Some(k) = siblings.iter().position(|&j| j == i) {
                if let Some(&prev) = k.checked_sub(1).and_then(|k| siblings.get(k)) {
                    item.set("Prev", like(&proto, ids[prev]));
                }
                if let Some(&next) = siblings.get(k + 1) {
                    item.set("Next", like(&proto, ids[next]));
                }
            }
            let kids = children(Some(i));
            if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
                item.set("First", like(&proto, ids[first]));
                item.set("Last", like(&proto, ids[last]));
                // Positive: shown open, with its commitments listed.
                item.set("Count", like(&proto, kids.len() as i64));
            }
            if let Some(&page) = page_ids.get(&(m.page as u32 + 1)) {
                // The heading's top, a few points up, at the window's top.
                let top = (m.top_pt + 6.0).min(laid.page.height_pt);
                item.set(
                    "Dest",
                    vec![
                        like(&proto, page),
                        like(&proto, "FitH"),
                        like(&proto, top.round()),
                    ],
                );
            }
            lo.objects.insert(ids[i], like(&proto, item));
        }
        let top_level = children(None);
        let mut outlines = empty.clone();
        outlines.set("Type", like(&proto, "Outlines"));
        if let (Some(&first), Some(&last)) = (top_level.first(), top_level.last()) {
            outlines.set("First", like(&proto, ids[first]));
            outlines.set("Last", like(&proto, ids[last]));
        }
        outlines.set("Count", like(&proto, marks.len() as i64));
        lo.objects.insert(root, like(&proto, outlines));
        let catalog = lo
            .catalog_mut()
            .map_err(|e| PdfError::Structure(format!("catalog: {e}")))?;
        catalog.set("Outlines", like(&proto, root));
        catalog.set("PageMode", like(&proto, "UseOutlines"));
    }

    // Every stream that allows it and has no filter yet, as lopdf's `compress()`
    // does but at a faster level (see `DEFLATE_LEVEL`).
    for object in lo.objects.values_mut() {
        if let Ok(stream) = object.as_stream_mut() {
            if stream.allows_compression && stream.dict.get(b"Filter").is_err() {
                let packed = deflate(&stream.content);
                if packed.len() + 19 < stream.content.len() {
                    stream.dict.set("Filter", "FlateDecode");
                    stream.set_content(packed);
                }
            }
        }
    }
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

/// Deflate level for the PDF's streams: level 3 is about five times faster
/// than lopdf's `compress()` (level 9) on a long plan's page content, for files
/// about a fifth larger.
const DEFLATE_LEVEL: u8 = 3;

/// `content` deflated (zlib) at [`DEFLATE_LEVEL`].
fn deflate(content: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(content, DEFLATE_LEVEL)
}

/// `v` converted to the type of `prototype`: names lopdf's object types by
/// example (`like(&object, page_id)` is a reference, `like(&object, "FitH")` a
/// name, `like(&object, 12.0)` a number).
fn like<T, V: Into<T>>(_prototype: &T, v: V) -> T {
    v.into()
}

/// A PDF text string in UTF-16BE with its byte order mark (any character).
fn utf16_text(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        out.extend(unit.to_be_bytes());
    }
    out
}

fn is_error(w: &PdfWarnMsg) -> bool {
    matches!(w.severity, printpdf::PdfParseErrorSeverity::Error)
}

/// The content operations of one page, in painting order.
fn page_ops(items: &[Item]) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut in_text = false;
    let mut font: Option<(FontFace, f32)> = None;
    let mut fill: Option<Rgb> = None;
    let mut stroke: Option<(Rgb, f32)> = None;
    let mut joins_set = false;
    for item in items {
        match item {
            Item::Polygon {
                rings,
                fill: color,
                outline,
            } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                if fill != Some(*color) {
                    ops.push(Op::SetFillColor {
                        col: color_of(*color),
                    });
                    fill = Some(*color);
                }
                if let Some((line, width)) = outline {
                    if !joins_set {
                        // Round joins: no spikes where a border turns sharply.
                        ops.push(Op::SetLineJoinStyle {
                            join: LineJoinStyle::Round,
                        });
                        joins_set = true;
                    }
                    if stroke != Some((*line, *width)) {
                        ops.push(Op::SetOutlineColor {
                            col: color_of(*line),
                        });
                        ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                        stroke = Some((*line, *width));
                    }
                }
                ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: rings.iter().map(|r| closed_ring(r)).collect(),
                        mode: if outline.is_some() {
                            PaintMode::FillStroke
                        } else {
                            PaintMode::Fill
                        },
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
            Item::Rect {
                x_pt,
                y_pt,
                w_pt,
                h_pt,
                fill: color,
            } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                if fill != Some(*color) {
                    ops.push(Op::SetFillColor {
                        col: color_of(*color),
                    });
                    fill = Some(*color);
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x_pt),
                        y: Pt(*y_pt),
                        width: Pt(*w_pt),
                        height: Pt(*h_pt),
                        mode: Some(PaintMode::Fill),
                        winding_order: Some(WindingOrder::NonZero),
                    },
                });
            }
            Item::Text {
                x_pt,
                y_pt,
                size_pt,
                face,
                color,
                text,
                lang,
            } => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    // Tf is part of the text state, which survives BT/ET; set it
                    // again anyway so each section stands on its own.
                    font = None;
                }
                if font != Some((*face, *size_pt)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(*face)),
                        size: Pt(*size_pt),
                    });
                    font = Some((*face, *size_pt));
                }
                if fill != Some(*color) {
                    ops.push(Op::SetFillColor {
                        col: color_of(*color),
                    });
                    fill = Some(*color);
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x_pt), Pt(*y_pt)),
                });
                // Text in another language than the document's (an English
                // title in a Spanish plan) is a marked-content span with its
                // own /Lang (PDF 32000-1, 14.9.2.2), so a screen reader reads
                // it with the right voice.
                if let Some(lang) = lang {
                    ops.push(language_span(lang));
                }
                show_text(&mut ops, text, *face);
                if lang.is_some() {
                    ops.push(Op::EndMarkedContent);
                }
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

/// A ring as printpdf draws it, closed back to its first point: printpdf
/// closes (`h`) only the last ring of a polygon, and a ring left open would
/// miss the outline of its last edge.
fn closed_ring(points: &[(f32, f32)]) -> PolygonRing {
    let point = |&(x, y): &(f32, f32)| LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    };
    let mut out: Vec<LinePoint> = points.iter().map(point).collect();
    if let (Some(first), Some(last)) = (points.first(), points.last()) {
        if first != last {
            out.push(point(first));
        }
    }
    PolygonRing { points: out }
}

/// Whether `c` is a combining mark (no advance; drawn over the letter before it).
fn is_mark(c: char, face: FontFace) -> bool {
    metrics::glyph_width(c, face) == Some(0) && metrics::mark_centre(c, face).is_some()
}

/// How a piece of text is drawn (see [`show_text`]).
enum Piece {
    /// Characters drawn one after the other.
    Run(String),
    /// A letter typed with separate accents, drawn as the fonts' precomposed letter.
    Composed { typed: String, letter: char },
    /// A letter and accents with no precomposed form: each accent centred over it.
    Marked { letter: char, marks: Vec<char> },
}

/// `text` cut into [`Piece`]s.
fn pieces(text: &str, face: FontFace) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut run = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let marks = chars[i + 1..]
            .iter()
            .take_while(|m| is_mark(**m, face))
            .count();
        if marks == 0 {
            run.push(c);
            i += 1;
            continue;
        }
        if !run.is_empty() {
            out.push(Piece::Run(std::mem::take(&mut run)));
        }
        let typed: String = chars[i..=i + marks].iter().collect();
        out.push(match metrics::composed(&typed) {
            Some(letter) => Piece::Composed { typed, letter },
            None => Piece::Marked {
                letter: c,
                marks: chars[i + 1..=i + marks].to_vec(),
            },
        });
        i += marks + 1;
    }
    if !run.is_empty() {
        out.push(Piece::Run(run));
    }
    out
}

/// Shows `text` at the current text position. A letter typed with separate
/// combining accents ("a" + U+0301) is drawn as the fonts' precomposed letter
/// when there is one (inside a `/Span` with `/ActualText`, so the text extracts
/// as typed); any other accent is centred over the letter before it with `TJ`
/// offsets that cancel out, so the letters after it stay where the layout put
/// them. The fonts' accents are designed for OpenType positioning, which a PDF
/// does not do.
fn show_text(ops: &mut Vec<Op>, text: &str, face: FontFace) {
    let mut items: Vec<TextItem> = Vec::new();
    let flush = |items: &mut Vec<TextItem>, ops: &mut Vec<Op>| {
        if !items.is_empty() {
            ops.push(Op::ShowText {
                items: std::mem::take(items),
            });
        }
    };
    for piece in pieces(text, face) {
        match piece {
            Piece::Run(run) => items.push(TextItem::Text(run)),
            Piece::Composed { typed, letter } => {
                flush(&mut items, ops);
                ops.push(actual_text(&typed));
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(letter.to_string())],
                });
                ops.push(Op::EndMarkedContent);
            }
            Piece::Marked { letter, marks } => {
                // Each accent centred over the letter: move there, draw, move
                // back (a positive TJ number moves left, in 1/1000 em).
                items.push(TextItem::Text(letter.to_string()));
                let half = f32::from(metrics::char_width(letter, face)) / 2.0;
                for m in marks {
                    let shift = half + f32::from(metrics::mark_centre(m, face).unwrap_or(0));
                    items.push(TextItem::Offset(shift));
                    items.push(TextItem::Text(m.to_string()));
                    items.push(TextItem::Offset(-shift));
                }
            }
        }
    }
    flush(&mut items, ops);
}

/// Begins a `/Span` marked-content sequence whose `/ActualText` is `text` (in
/// UTF-16BE), which text extraction reads instead of the glyphs inside.
fn actual_text(text: &str) -> Op {
    let mut map = std::collections::BTreeMap::new();
    map.insert(
        "ActualText".to_owned(),
        printpdf::DictItem::String {
            data: utf16_text(text),
            literal: false,
        },
    );
    Op::BeginMarkedContentWithProperties {
        tag: "Span".to_owned(),
        properties: printpdf::DictItem::Dict { map },
    }
}

/// Begins a `/Span` marked-content sequence whose text is in language `lang`
/// (a BCP 47 tag): `/Span <</Lang (en)>> BDC`.
fn language_span(lang: &str) -> Op {
    let mut map = std::collections::BTreeMap::new();
    map.insert(
        "Lang".to_owned(),
        printpdf::DictItem::String {
            data: lang.as_bytes().to_vec(),
            literal: true,
        },
    );
    Op::BeginMarkedContentWithProperties {
        tag: "Span".to_owned(),
        properties: printpdf::DictItem::Dict { map },
    }
}

/// The font's resource name in every page ("/F1", "/F2"): fixed, so the same
/// plan always gives the same bytes.
fn font_id(face: FontFace) -> FontId {
    FontId(
        match face {
            FontFace::Regular => "F1",
            FontFace::Bold => "F2",
        }
        .to_owned(),
    )
}

/// Every character drawn in `face` on any page (as [`show_text`] draws them:
/// with the precomposed letters it uses).
fn used_chars(laid: &Laid, face: FontFace) -> BTreeSet<char> {
    let mut used = BTreeSet::new();
    for item in laid.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text { face: f, text, .. } = item {
            if *f == face {
                for piece in pieces(text, face) {
                    match piece {
                        Piece::Run(run) => used.extend(run.chars()),
                        Piece::Composed { letter, .. } => {
                            used.insert(letter);
                        }
                        Piece::Marked { letter, marks } => {
                            used.insert(letter);
                            used.extend(marks.iter().copied());
                        }
                    }
                }
            }
        }
    }
    used
}

fn color_of(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(c.r) / 255.0,
        g: f32::from(c.g) / 255.0,
        b: f32::from(c.b) / 255.0,
        icc_profile: None,
    })
}

/// printpdf's own date type (its Info writer ignores the offset; see [`pdf_date`]).
fn printpdf_date(at: OffsetDateTime) -> printpdf::OffsetDateTime {
    let offset = at.offset();
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::Date {
            year: at.year(),
            month: u8::from(at.month()),
            day: at.day(),
        },
        printpdf::Time {
            hour: at.hour(),
            minute: at.minute(),
            second: at.second(),
            millisecond: at.millisecond(),
        },
        printpdf::Offset {
            hours: offset.whole_hours(),
            minutes: offset.minutes_past_hour(),
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// A PDF date string (PDF 32000-1, 7.9.4): `D:20261124104200-06'00'`.
pub fn pdf_date(at: OffsetDateTime) -> String {
    let offset = at.offset();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}{}{:02}'{:02}'",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        sign,
        offset.whole_hours().unsigned_abs(),
        offset.minutes_past_hour().unsigned_abs(),
    )
}

/// The report as PDF bytes, or `None` when the plan has no assessment yet.
pub fn readiness_pdf(
    plan: &Plan,
    generated_at: OffsetDateTime,
) -> Option<Result<Vec<u8>, PdfError>> {
    readiness_document(plan, generated_at).map(|d| render_pdf(&d))
}
