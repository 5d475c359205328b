//! What the layout produces: page sizes, the items drawn on a page (text runs,
//! filled rectangles and polygons), the laid-out pages and where headings landed.

use crate::export::font::metrics::{self, FontFace, FONT_BBOX_ASCENT, FONT_BBOX_DESCENT};

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Page margin on all four sides (20 mm).
pub const MARGIN_PT: f32 = 20.0 * PT_PER_MM;

/// Size of a page, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    /// Width in points.
    pub width_pt: f32,
    /// Height in points.
    pub height_pt: f32,
}

impl PageSize {
    /// US Letter, 215.9 × 279.4 mm: Mexico's "carta", the usual office paper.
    pub const LETTER: PageSize = PageSize {
        width_pt: 612.0,
        height_pt: 792.0,
    };

    /// ISO A4, 210 × 297 mm.
    pub const A4: PageSize = PageSize {
        width_pt: 210.0 * PT_PER_MM,
        height_pt: 297.0 * PT_PER_MM,
    };

    /// Width in millimetres.
    pub fn width_mm(self) -> f32 {
        self.width_pt / PT_PER_MM
    }

    /// Height in millimetres.
    pub fn height_mm(self) -> f32 {
        self.height_pt / PT_PER_MM
    }
}

/// The colour type and the palette, defined with the document model (bars
/// carry their colour) and re-exported here, where the laid-out items use them.
pub use crate::export::content::document::{palette, Rgb};

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text on one line, already normalised for the PDF fonts.
    Text {
        /// Left edge of the run.
        x_pt: f32,
        /// Baseline, from the bottom of the page.
        y_pt: f32,
        /// Font size.
        size_pt: f32,
        /// Regular or bold.
        face: FontFace,
        /// Fill colour.
        color: Rgb,
        /// The text.
        text: String,
        /// Its BCP 47 language when it is not the document's ("en"); the PDF
        /// wraps the run in a marked-content `/Span` with that `/Lang`.
        lang: Option<&'static str>,
    },
    /// A filled rectangle (also used for rules).
    Rect {
        /// Left edge.
        x_pt: f32,
        /// Bottom edge, from the bottom of the page.
        y_pt: f32,
        /// Width.
        w_pt: f32,
        /// Height.
        h_pt: f32,
        /// Fill colour.
        fill: Rgb,
    },
    /// A filled shape: closed rings of points (x, y from the page's bottom
    /// left), filled by the non-zero rule, with an optional line along its
    /// edges.
    Polygon {
        /// Each ring's points; each ring is closed back to its first point.
        rings: Vec<Vec<(f32, f32)>>,
        /// Fill colour.
        fill: Rgb,
        /// The line along the edges: its colour and width.
        outline: Option<(Rgb, f32)>,
    },
}

impl Item {
    /// The box the item can paint, as (left, bottom, right, top). For text: its
    /// measured advance width and the font's bounding box above and below the baseline.
    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        match self {
            Item::Text {
                x_pt,
                y_pt,
                size_pt,
                face,
                text,
                ..
            } => (
                *x_pt,
                y_pt - FONT_BBOX_DESCENT * size_pt,
                x_pt + metrics::text_width_pt(text, *face, *size_pt),
                y_pt + FONT_BBOX_ASCENT * size_pt,
            ),
            Item::Rect {
                x_pt,
                y_pt,
                w_pt,
                h_pt,
                ..
            } => (*x_pt, *y_pt, x_pt + w_pt, y_pt + h_pt),
            Item::Polygon { rings, outline, .. } => {
                // Half the line lies outside the edge.
                let half = outline.map_or(0.0, |(_, w)| w / 2.0);
                let mut b = (
                    f32::INFINITY,
                    f32::INFINITY,
                    f32::NEG_INFINITY,
                    f32::NEG_INFINITY,
                );
                for &(x, y) in rings.iter().flatten() {
                    b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
                }
                if b.0 > b.2 {
                    return (0.0, 0.0, 0.0, 0.0);
                }
                (b.0 - half, b.1 - half, b.2 + half, b.3 + half)
            }
        }
    }
}

/// The items of one page, in painting order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LaidPage {
    /// Painted in order: a rectangle listed before a text lies under it.
    pub items: Vec<Item>,
}

/// Where a heading landed: for the table of contents, the PDF outline and tests.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidHeading {
    /// The heading's level (1 for a section).
    pub level: u8,
    /// The heading's text as printed ([`metrics::printable`]), for the outline.
    pub text: String,
    /// Index of the page its first line is on (0 for page 1).
    pub page: usize,
    /// Top of its first line, from the bottom of the page.
    pub top_pt: f32,
}

/// A document placed on pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    /// The size of every page.
    pub page: PageSize,
    /// At least one page.
    pub pages: Vec<LaidPage>,
    /// Every [`Block::Heading`] of the document, in reading order (the numbering
    /// [`Document::contents_entries`] uses).
    pub headings: Vec<LaidHeading>,
}

impl Laid {
    /// Items that reach outside the page box, as (page index, item). Empty for any
    /// layout this module produces; tests assert it.
    pub fn items_outside_page(&self) -> Vec<(usize, &Item)> {
        // A hundredth of a point absorbs float rounding in the width sums.
        const EPS: f32 = 0.01;
        let (w, h) = (self.page.width_pt, self.page.height_pt);
        self.pages
            .iter()
            .enumerate()
            .flat_map(|(n, page)| page.items.iter().map(move |item| (n, item)))
            .filter(|(_, item)| {
                let (x0, y0, x1, y1) = item.bounds();
                x0 < -EPS || y0 < -EPS || x1 > w + EPS || y1 > h + EPS
            })
            .collect()
    }

    /// All text of the document in painting order, one string per item (handy for tests).
    pub fn texts(&self) -> Vec<&str> {
        self.pages
            .iter()
            .flat_map(|p| p.items.iter())
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                Item::Rect { .. } | Item::Polygon { .. } => None,
            })
            .collect()
    }
}
