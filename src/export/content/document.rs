//! The export document: what an exported plan says, independent of any output
//! format.
//!
//! [`plan_document()`](crate::export::plan_document()) builds it from a [`crate::domain::Plan`];
//! [`layout()`](crate::export::layout()) places it on pages and [`crate::export::pdf`] draws
//! those pages. An HTML print view renders the same model. It is plain data on
//! purpose: it grows by adding [`Block`] kinds, and every renderer must handle
//! each kind (see each variant's documentation for what a renderer must do).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::timeline::Timeline;
use crate::export::font::metrics;

/// A document ready to be rendered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Properties of the file (PDF document information, HTML `<head>`).
    pub meta: Meta,
    /// The heading area at the top of the first page.
    pub title_block: TitleBlock,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
}

/// Properties of the exported file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The document's title, e.g. the plan's name.
    pub title: String,
    /// Who the document is by, e.g. "Municipio de Querétaro"; empty when unknown.
    pub author: String,
    /// What the document is about.
    pub subject: String,
    /// BCP 47 language tag of the text: "es-MX".
    pub language: String,
    /// When the document was generated, in the person's local time (with offset).
    #[serde(with = "time::serde::rfc3339")]
    pub generated_at: OffsetDateTime,
    /// Version of the app that generated it ([`crate::APP_VERSION`]).
    pub app_version: String,
    /// The application named as the file's creator.
    pub creator: String,
    /// A short line printed in every page's footer, e.g. "Borrador. Generado con la
    /// herramienta …, versión 0.1.0".
    pub footer_note: String,
}

/// The heading area of the first page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleBlock {
    /// Small line above the title, e.g. "Plan de acción local de gobierno abierto".
    pub kicker: String,
    /// The title, e.g. the plan's name.
    pub title: String,
    /// Label/value lines under the title (jurisdiction, period, generation date).
    pub lines: Vec<Field>,
    /// Text of the status badge, e.g. "Borrador".
    pub status: String,
}

impl Document {
    /// The document with every text as the export prints it
    /// ([`metrics::printable`], keeping line breaks): what the print view shows,
    /// so that it, the PDF and the PDF's outline replace the same characters
    /// (those the fonts cannot draw) with the same U+FFFD.
    pub fn as_printed(mut self) -> Document {
        fn p(text: &mut String) {
            let printed: Vec<String> = text.split('\n').map(metrics::printable).collect();
            *text = printed.join("\n");
        }
        let meta = &mut self.meta;
        for t in [
            &mut meta.title,
            &mut meta.author,
            &mut meta.subject,
            &mut meta.footer_note,
        ] {
            p(t);
        }
        let tb = &mut self.title_block;
        p(&mut tb.kicker);
        p(&mut tb.title);
        p(&mut tb.status);
        for f in &mut tb.lines {
            p(&mut f.label);
            p(&mut f.value);
        }
        for block in &mut self.blocks {
            match block {
                Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => p(text),
                Block::Fields(fields) => {
                    for f in fields {
                        p(&mut f.label);
                        p(&mut f.value);
                    }
                }
                Block::Table {
                    caption,
                    columns,
                    rows,
                } => {
                    p(caption);
                    columns
                        .iter_mut()
                        .chain(rows.iter_mut().flatten())
                        .for_each(p);
                }
                Block::BarChart { caption, bars, .. } => {
                    p(caption);
                    for b in bars {
                        p(&mut b.label);
                        p(&mut b.value_text);
                    }
                }
                Block::Contents { title, .. } => p(title),
                Block::PageBreak => {}
                Block::Timeline { caption, timeline } => {
                    p(caption);
                    for r in &mut timeline.rows {
                        p(&mut r.number);
                        p(&mut r.name);
                        p(&mut r.label);
                    }
                    for t in &mut timeline.ticks {
                        p(&mut t.label);
                    }
                }
                Block::Shapes {
                    caption,
                    shapes,
                    legend_title,
                    legend,
                    ..
                } => {
                    p(caption);
                    p(legend_title);
                    for s in shapes {
                        p(&mut s.label);
                    }
                    for e in legend {
                        p(&mut e.label);
                    }
                }
            }
        }
        self
    }

    /// The entries of the [`Block::Contents`] at `blocks[index]`: every heading after
    /// it whose level is at most its `max_level`, as (level, text, heading number),
    /// where the heading number counts every [`Block::Heading`] of the document
    /// from 0 in reading order (the layout records each heading's page under that
    /// number). Empty when `blocks[index]` is not a contents block.
    pub fn contents_entries(&self, index: usize) -> Vec<(u8, &str, usize)> {
        let Some(Block::Contents { max_level, .. }) = self.blocks.get(index) else {
            return Vec::new();
        };
        let before = self.blocks[..index]
            .iter()
            .filter(|b| matches!(b, Block::Heading { .. }))
            .count();
        self.blocks[index + 1..]
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } => Some((*level, text.as_str())),
                _ => None,
            })
            .enumerate()
            .filter(|(_, (level, _))| *level <= *max_level)
            .map(|(i, (level, text))| (level, text, before + i))
            .collect()
    }
}

/// A label and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// E.g. "Fecha de inicio".
    pub label: String,
    /// E.g. "10/12/2019".
    pub value: String,
    /// The BCP 47 language of the value when it is not the document's
    /// ([`Meta::language`]), e.g. "en" for a title OGP publishes in English.
    /// The PDF marks each of its lines as a `/Span` with that `/Lang`; the
    /// print view gives its element that `lang`.
    pub lang: Option<&'static str>,
}

impl Field {
    /// A field from anything that converts to strings.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
            lang: None,
        }
    }

    /// The field with its value in language `lang` (see [`Field::lang`]).
    pub fn in_language(mut self, lang: Option<&'static str>) -> Self {
        self.lang = lang;
        self
    }
}

/// One piece of the body, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A section heading. Level 1 is a section ("1. Perfil de la jurisdicción"),
    /// level 2 a subsection ("Compromiso 1. …"); deeper levels are allowed.
    Heading {
        /// 1 or more.
        level: u8,
        /// The heading's text.
        text: String,
    },
    /// A paragraph of running text. A `\n` starts a new line.
    Paragraph(String),
    /// Key-value rows: label on the left, value on the right.
    Fields(Vec<Field>),
    /// A table with a header row. Renderers repeat the header when the table
    /// continues on another page.
    Table {
        /// What the table shows, e.g. "Compromisos del plan".
        caption: String,
        /// Column headers.
        columns: Vec<String>,
        /// Rows of cells; a row with fewer cells than columns is padded with empty cells.
        rows: Vec<Vec<String>>,
    },
    /// A highlighted remark, e.g. "Todavía no se han registrado compromisos.".
    Note(String),
    /// Horizontal bars on a 0..=max scale, each with its label and value text, e.g.
    /// readiness scores per theme. Renderers keep a chart on one page when it fits
    /// (splitting between bars only when it is taller than a page) and draw a light
    /// scale at 0, 25, 50, 75 and 100 % of `max` under the bars.
    BarChart {
        /// What the chart shows, e.g. "Nivel de preparación por tema".
        caption: String,
        /// The value of a full bar (e.g. 100). A bar's fill is `value / max` of
        /// its track, clamped to 0..=1; a `max` that is not a positive number
        /// draws empty tracks.
        max: f32,
        /// The bars, top to bottom.
        bars: Vec<Bar>,
    },
    /// A table of contents: a title (styled like a level-1 heading but not listed
    /// itself) and one entry per [`Block::Heading`] that comes after this block
    /// with a level of at most `max_level`, indented by level, each with the page
    /// its heading starts on ([`Document::contents_entries`] lists them). The PDF
    /// learns the pages from its layout and writes them right-aligned after dot
    /// leaders; an HTML view may link each entry to its heading instead.
    Contents {
        /// E.g. "Contenido".
        title: String,
        /// The deepest heading level listed (1: sections only; 2: also subsections).
        max_level: u8,
    },
    /// Starts a new page (nothing happens when already at the top of one). The
    /// HTML print view maps it to `break-before: page`.
    PageBreak,
    /// A Gantt-like timeline of key actions and activities: its geometry as
    /// computed by [`crate::export::timeline::timeline`] (in the picture's own
    /// units, the same the app's SVG uses). Renderers scale the x axis to their
    /// width, draw the tick labels above the rows (repeated on every page the chart
    /// spans), one row per [`crate::export::timeline::Row`] with its label on the
    /// left (key actions bold, activities indented) and its bar at
    /// `bar_x..bar_x + bar_width` (key actions thicker than activities), light
    /// vertical lines at the ticks, and a rule above each row that
    /// `starts_commitment`. The dates themselves go in a table after it (the
    /// document builder adds one), so the chart needs no text alternative of its own
    /// beyond its caption.
    Timeline {
        /// What the chart shows, e.g. "Cronograma de las acciones clave y sus actividades".
        caption: String,
        /// The rows, ticks and scale.
        timeline: Timeline,
    },
    /// A picture of filled shapes in a box, with a legend of its fills: a map
    /// of regions shaded by a count, for example. Renderers scale the box
    /// uniformly to fit their width (the PDF: and at most 55 % of the page's
    /// frame height), keep the caption, the picture and the legend on one
    /// page, fill each shape's rings (a ring is closed; the non-zero rule),
    /// in order, with a thin line of `outline` along their edges when given,
    /// and draw the legend under the picture: each entry's swatch and label,
    /// after `legend_title`. The shapes need no text of their own: the
    /// document gives their values in a table (each [`Shape::label`] is for
    /// a renderer that can name a shape, as an SVG `<title>`).
    Shapes {
        /// What the picture shows, e.g. "Mapa: planes locales por estado".
        caption: String,
        /// The box's width, in the picture's own units (any unit: only the
        /// proportions matter).
        width: f32,
        /// The box's height, in the same units.
        height: f32,
        /// Painted in order (a later shape lies over an earlier one).
        shapes: Vec<Shape>,
        /// The colour of the line along every shape's edges; `None`: no line.
        outline: Option<Rgb>,
        /// Printed before the legend's entries, e.g. "Planes locales"; may be empty.
        legend_title: String,
        /// The fills and what each means, e.g. "1 a 3".
        legend: Vec<LegendEntry>,
    },
}

/// One filled shape of a [`Block::Shapes`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    /// What the shape is, e.g. "Jalisco: 3 planes".
    pub label: String,
    /// Its outlines, each a list of points `[x, y]` in the box's units from its
    /// top-left corner (y grows downwards, as in SVG); each ring is closed
    /// back to its first point. Several rings: islands (and holes, by the
    /// non-zero rule, when drawn in the opposite direction).
    pub rings: Vec<Vec<[f32; 2]>>,
    /// Its fill colour.
    pub fill: Rgb,
}

/// One entry of a [`Block::Shapes`] legend: a swatch of `fill` and its label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegendEntry {
    /// What the fill means, e.g. "4 a 6".
    pub label: String,
    /// The fill it explains.
    pub fill: Rgb,
}

/// One bar of a [`Block::BarChart`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    /// What the bar measures, e.g. "Espacios de coordinación entre autoridades y
    /// ciudadanía"; wrapped on the left of the bar.
    pub label: String,
    /// The bar's value on the chart's 0..=max scale. When drawn, a value above
    /// `max` fills the whole track, and one at or below 0 (or NaN) fills none of it.
    pub value: f32,
    /// The value as people read it, printed right of the bar, e.g.
    /// "67 / 100 · Avanzado".
    pub value_text: String,
    /// The fill colour of the bar.
    pub color: Rgb,
}

impl Bar {
    /// A bar from anything that converts to strings.
    pub fn new(
        label: impl Into<String>,
        value: f32,
        value_text: impl Into<String>,
        color: Rgb,
    ) -> Self {
        Self {
            label: label.into(),
            value,
            value_text: value_text.into(),
            color,
        }
    }
}

/// An sRGB colour, 0-255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    /// A colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Self {
        Self {
            r: ((rgb >> 16) & 0xFF) as u8,
            g: ((rgb >> 8) & 0xFF) as u8,
            b: (rgb & 0xFF) as u8,
        }
    }
}

/// The export's colours (house style: guinda as the accent; gold only as decoration,
/// it does not pass contrast for text).
pub mod palette {
    use super::Rgb;

    /// Institutional guinda: headings, the badge, accents.
    pub const GUINDA: Rgb = Rgb::hex(0x9D2449);
    /// Institutional gold: decorative rules only.
    pub const GOLD: Rgb = Rgb::hex(0xB38E5D);
    /// Body text.
    pub const INK: Rgb = Rgb::hex(0x1F1F1F);
    /// Secondary text (labels in the footer); 7.4:1 on white.
    pub const MUTED: Rgb = Rgb::hex(0x545454);
    /// Light rules between rows.
    pub const RULE: Rgb = Rgb::hex(0xCFCFCF);
    /// Light guinda tint behind table headers and notes.
    pub const TINT: Rgb = Rgb::hex(0xF6EDF0);
    /// White.
    pub const WHITE: Rgb = Rgb::hex(0xFFFFFF);
    /// The light grey track behind a chart's bar (the bar's full length).
    pub const TRACK: Rgb = Rgb::hex(0xEDEDED);
    /// A chart's scale lines at 0, 25, 50, 75 and 100 %.
    pub const GRID: Rgb = Rgb::hex(0xD4D4D4);
}

/// A [`Field`] as it travels to the PDF worker ([`crate::export::job::Prepared`]):
/// its language as text. The languages the documents use are known in advance,
/// so reading one back gives the same `&'static str`; an unknown one is read as
/// none of its own (the document's).
#[derive(Serialize, Deserialize)]
struct FieldText {
    label: String,
    value: String,
    #[serde(default)]
    lang: Option<String>,
}

const KNOWN_LANGUAGES: [&str; 2] = ["en", "es-MX"];

impl Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FieldText::from(self.clone()).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        FieldText::deserialize(d).map(Field::from)
    }
}

impl From<FieldText> for Field {
    fn from(f: FieldText) -> Self {
        let lang = f
            .lang
            .and_then(|l| KNOWN_LANGUAGES.into_iter().find(|k| *k == l));
        Field {
            label: f.label,
            value: f.value,
            lang,
        }
    }
}

impl From<Field> for FieldText {
    fn from(f: Field) -> Self {
        FieldText {
            label: f.label,
            value: f.value,
            lang: f.lang.map(str::to_owned),
        }
    }
}
