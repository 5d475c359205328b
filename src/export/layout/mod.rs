//! Pure page layout: places a [`Document`] on pages as positioned text runs and
//! filled rectangles ([`Laid`]), which a renderer draws without further decisions.
//!
//! Coordinates are PDF points (1/72 in) from the page's bottom-left corner; a text
//! item's `y_pt` is its baseline. Measuring uses [`metrics`], and every string
//! goes through [`metrics::printable`] first (the text as typed; a character the
//! fonts cannot draw becomes U+FFFD), so what is measured is exactly what the
//! PDF prints.
//!
//! The rules, in one place:
//! - greedy word wrap; a word longer than the line is broken by character
//!   (after a `-`, `/` or `@` when one fits);
//! - a heading is kept with at least the next two lines of what follows it;
//! - a table row of up to four lines never splits across pages; a longer one may
//!   split between its lines, leaving at least two on each page; the column
//!   header row is repeated on every page the table spans;
//! - a bar chart is kept whole on one page (it moves to the next page when it
//!   does not fit) unless it alone is taller than a page; then it splits between
//!   bars, keeping its caption with the first two;
//! - a paragraph or a field value never leaves its first line alone at the bottom
//!   of a page nor its last line alone at the top of one;
//! - a timeline splits between rows, with its tick labels repeated on each page;
//! - a page break starts a new page unless already at the top of one;
//! - the title block (kicker, title, label/value lines, status badge) opens page 1;
//! - a table of contents gets each heading's page once the flow has placed it
//!   (its entries have a fixed height, so filling in the numbers moves nothing);
//! - a page that continues a commitment's ficha (a level-2 section) repeats its
//!   heading, small, above the frame;
//! - every page gets a footer: the document title on the left (truncated to fit),
//!   "Página n de N" on the right, and the footer note under the title;
//! - nothing is placed outside the page box ([`Laid::items_outside_page`] checks it).

mod chart;
mod contents;
mod fields;
mod furniture;
mod heading;
mod prose;
mod table;
mod text;
mod timeline;
mod title;

use super::content::document::{Bar, Block, Document, Field};
use super::content::timeline::{RowKind, Timeline};
use super::font::metrics::{self, FontFace, FONT_BBOX_ASCENT, FONT_BBOX_DESCENT};
use contents::contents_number;
use furniture::{add_footers, add_running_heads};
pub use text::{truncate_to_width, wrap_text};

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
pub use super::content::document::{palette, Rgb};

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
                Item::Rect { .. } => None,
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------
// Word wrap

// ---------------------------------------------------------------------------------
// Typography

/// Added to measured widths that text must fit on one line, so float rounding in
/// [`wrap_text`] never breaks it.
const WIDTH_SLACK: f32 = 0.5;
/// Body text size.
const BODY_SIZE: f32 = 10.0;
/// Body line height.
const BODY_LEADING: f32 = 14.0;
/// Space after a paragraph, a fields block, a table or a note.
const BLOCK_GAP: f32 = 8.0;
/// Gap between the label column and the value column of fields.
const FIELD_GAP: f32 = 10.0;
/// Extra space between field rows.
const FIELD_ROW_GAP: f32 = 3.0;
/// Share of the width given to field labels.
const FIELD_LABEL_SHARE: f32 = 0.3;
/// Table text size and line height.
const TABLE_SIZE: f32 = 9.0;
const TABLE_LEADING: f32 = 12.0;
/// Padding inside table cells.
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.5;
/// Padding inside a note box, and its accent bar.
const NOTE_PAD: f32 = 8.0;
const NOTE_BAR: f32 = 3.0;
/// Bar chart: share of the width for the label column (labels wrap within it,
/// less the gap), the gaps left and right of the track, the widest the value
/// column may get, the bar's height, padding above and below each row's text,
/// the scale lines' width, the ticks under the last bar, and the scale labels.
const CHART_LABEL_SHARE: f32 = 0.38;
const CHART_LABEL_GAP: f32 = 10.0;
const CHART_VALUE_GAP: f32 = 8.0;
const CHART_VALUE_MAX_SHARE: f32 = 0.3;
const CHART_BAR_H: f32 = 10.0;
const CHART_ROW_PAD: f32 = 4.5;
const CHART_GRID_W: f32 = 0.5;
const CHART_TICK: f32 = 3.0;
const CHART_SCALE_SIZE: f32 = 7.0;
const CHART_SCALE_LEADING: f32 = 10.0;
/// Padding above and below a level-2 heading's text inside its band.
const HEADING_BAND_PAD: f32 = 6.0;
/// A table row of more lines than this may split between its lines (keeping at
/// least two on each page); a shorter one never splits.
const TABLE_SPLIT_LINES: usize = 4;
/// Contents: indent per level below 1, and the room kept for the page numbers.
const CONTENTS_INDENT: f32 = 14.0;
const CONTENTS_NUMBER_W: f32 = 44.0;
/// Timeline: row height, bar heights, label size, activity indent, grid lines.
const TIMELINE_ROW: f32 = 13.0;
const TIMELINE_KEY_BAR: f32 = 8.0;
const TIMELINE_ACTIVITY_BAR: f32 = 4.0;
const TIMELINE_LABEL_SIZE: f32 = 8.0;
const TIMELINE_INDENT: f32 = 10.0;
const TIMELINE_GRID_W: f32 = 0.5;
/// Running head of a continued ficha: size, and baseline below the page's top.
const RUNNING_HEAD_SIZE: f32 = 8.0;
const RUNNING_HEAD_BASELINE: f32 = 36.0;
/// Footer: sizes, baselines above the page bottom, and its rule.
const FOOTER_SIZE: f32 = 8.0;
const FOOTER_NOTE_SIZE: f32 = 7.0;
const FOOTER_BASELINE: f32 = 36.0;
const FOOTER_NOTE_BASELINE: f32 = 26.0;
const FOOTER_RULE_Y: f32 = 47.0;

/// How a line of text is set.
#[derive(Debug, Clone, Copy)]
struct Style {
    size: f32,
    leading: f32,
    face: FontFace,
    color: Rgb,
}

impl Style {
    const fn new(size: f32, leading: f32, face: FontFace, color: Rgb) -> Self {
        Self {
            size,
            leading,
            face,
            color,
        }
    }
}

/// Keep-with-next for line `i` of `n`: the first line keeps the second (no orphan at
/// the bottom of a page) and the second-to-last keeps the last (no widow at the top).
fn no_widow_or_orphan(i: usize, n: usize) -> u8 {
    u8::from(n > 1 && (i == 0 || i + 2 == n))
}

/// Heading style by level: (size, leading, space before, space after, colour, rule below).
fn heading_style(level: u8) -> (f32, f32, f32, f32, Rgb, bool) {
    match level {
        0 | 1 => (13.5, 17.0, 18.0, 8.0, palette::GUINDA, true),
        2 => (12.0, 16.0, 14.0, 8.0, palette::GUINDA, false),
        _ => (10.5, 14.0, 10.0, 3.0, palette::GUINDA, false),
    }
}

/// Baseline of text of `size` centred in a line box of `leading`, measured down
/// from the box's top, using the fonts' typographic ascender (0.728 em) and
/// descender (0.210 em).
fn baseline_offset(size: f32, leading: f32) -> f32 {
    (leading - 0.938 * size) / 2.0 + 0.728 * size
}

// ---------------------------------------------------------------------------------
// Units: atomic vertical boxes the flow places one after another.

/// A box that is never split: its items are positioned relative to its top-left
/// (x absolute on the page, y measured from the unit's top, negative downwards).
#[derive(Debug, Clone, Default)]
struct Unit {
    height: f32,
    /// Space above, dropped at the top of a page.
    space_before: f32,
    /// Number of following units that must share this unit's page.
    keep_with_next: u8,
    /// The table header to repeat above this unit when it starts a page.
    header: Option<usize>,
    /// Starts a new page unless at the top of one (an empty unit).
    break_before: bool,
    /// The first line of heading number `n` (document order).
    heading: Option<usize>,
    /// A table-of-contents entry whose page number is filled in after the flow.
    toc: Option<TocSlot>,
    items: Vec<Item>,
}

/// The place of a table-of-contents entry's page number, relative to its unit.
#[derive(Debug, Clone, Copy)]
struct TocSlot {
    /// The heading whose page it shows.
    heading: usize,
    /// Where the entry's last line of text ends (leaders start after it).
    text_end: f32,
    /// Top of the last line's box, from the unit's top.
    line_top: f32,
    style: Style,
}

impl Unit {
    fn new(height: f32) -> Self {
        Self {
            height,
            ..Self::default()
        }
    }

    /// A chart scale's label (small, muted) whose left edge `place` gives from
    /// the label's width.
    fn scale_text(&mut self, label: &str, top: f32, place: impl FnOnce(f32) -> f32) {
        let text = metrics::printable(label);
        let w = metrics::text_width_pt(&text, FontFace::Regular, CHART_SCALE_SIZE);
        let style = Style::new(
            CHART_SCALE_SIZE,
            CHART_SCALE_LEADING,
            FontFace::Regular,
            palette::MUTED,
        );
        self.text(place(w), top, style, text);
    }

    /// Text whose line box starts `top` below the unit's top.
    fn text(&mut self, x: f32, top: f32, style: Style, text: String) {
        if text.is_empty() {
            return;
        }
        self.items.push(Item::Text {
            x_pt: x,
            y_pt: -(top + baseline_offset(style.size, style.leading)),
            size_pt: style.size,
            face: style.face,
            color: style.color,
            text,
        });
    }

    /// A rectangle whose top edge is `top` below the unit's top.
    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, fill: Rgb) {
        self.items.push(Item::Rect {
            x_pt: x,
            y_pt: -(top + h),
            w_pt: w,
            h_pt: h,
            fill,
        });
    }
}

/// The content frame of a page.
#[derive(Debug, Clone, Copy)]
struct Frame {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
}

impl Frame {
    fn width(&self) -> f32 {
        self.right - self.left
    }
    fn height(&self) -> f32 {
        self.top - self.bottom
    }
}

struct Builder {
    frame: Frame,
    units: Vec<Unit>,
    headers: Vec<Unit>,
    /// Every heading of the document as (level, text), in order.
    headings: Vec<(u8, String)>,
}

impl Builder {
    fn push(&mut self, unit: Unit) {
        self.units.push(unit);
    }

    fn page_break(&mut self) {
        self.push(Unit {
            break_before: true,
            ..Unit::default()
        });
    }
}

// ---------------------------------------------------------------------------------
// Flow

/// Places `doc` on pages of size `page`.
pub fn layout(doc: &Document, page: PageSize) -> Laid {
    let frame = Frame {
        left: MARGIN_PT,
        right: page.width_pt - MARGIN_PT,
        top: page.height_pt - MARGIN_PT,
        bottom: MARGIN_PT,
    };
    let mut b = Builder {
        frame,
        units: Vec::new(),
        headers: Vec::new(),
        headings: Vec::new(),
    };
    b.title_block(doc);
    for (index, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Heading { level, text } => b.heading(*level, text),
            Block::Paragraph(text) => b.paragraph(text),
            Block::Fields(fields) => b.fields(fields),
            Block::Table {
                caption,
                columns,
                rows,
            } => b.table(caption, columns, rows),
            Block::Note(text) => b.note(text),
            Block::BarChart { caption, max, bars } => b.bar_chart(caption, *max, bars),
            Block::Contents { title, .. } => b.contents(title, &doc.contents_entries(index)),
            Block::PageBreak => b.page_break(),
            Block::Timeline { caption, timeline } => b.timeline(caption, timeline),
        }
    }

    let (mut pages, placed) = flow(&b.units, &b.headers, frame);
    // Where each heading landed, then the contents' page numbers.
    let mut headings: Vec<LaidHeading> = b
        .headings
        .iter()
        .map(|(level, text)| LaidHeading {
            level: *level,
            text: metrics::printable(text),
            page: 0,
            top_pt: frame.top,
        })
        .collect();
    for (unit, &(page_index, top)) in b.units.iter().zip(&placed) {
        if let Some(h) = unit.heading.and_then(|h| headings.get_mut(h)) {
            h.page = page_index;
            h.top_pt = top;
        }
    }
    for (unit, &(page_index, top)) in b.units.iter().zip(&placed) {
        if let (Some(slot), Some(p)) = (unit.toc, pages.get_mut(page_index)) {
            let number = headings.get(slot.heading).map_or(0, |h| h.page + 1);
            contents_number(p, frame, top, slot, number);
        }
    }
    add_running_heads(&mut pages, &headings, frame, page);
    add_footers(&mut pages, doc, frame);
    Laid {
        page,
        pages,
        headings,
    }
}

/// Height needed to place unit `i` together with the units it keeps with.
fn keep_height(units: &[Unit], i: usize) -> f32 {
    let mut need = units[i].height;
    let mut remaining = units[i].keep_with_next;
    let mut j = i + 1;
    while remaining > 0 && j < units.len() {
        if units[j].break_before {
            break;
        }
        need += units[j].space_before + units[j].height;
        remaining = (remaining - 1).max(units[j].keep_with_next);
        j += 1;
    }
    need
}

/// Places the units on pages; returns the pages and, per unit, its page index and
/// the y of its top.
fn flow(units: &[Unit], headers: &[Unit], frame: Frame) -> (Vec<LaidPage>, Vec<(usize, f32)>) {
    let mut pages = vec![LaidPage::default()];
    let mut placed = Vec::with_capacity(units.len());
    let mut y = frame.top;
    let mut at_top = true;
    for (i, unit) in units.iter().enumerate() {
        if unit.break_before {
            if !at_top {
                pages.push(LaidPage::default());
                y = frame.top;
                at_top = true;
            }
            placed.push((pages.len() - 1, y));
            continue;
        }
        let space = if at_top { 0.0 } else { unit.space_before };
        let header_h = unit
            .header
            .and_then(|h| headers.get(h))
            .map_or(0.0, |h| h.height);
        // Keep-with-next is a wish: it never pushes more than a page's worth.
        let need = keep_height(units, i).min(frame.height() - header_h);
        if !at_top && y - space - need < frame.bottom - 0.001 {
            pages.push(LaidPage::default());
            y = frame.top;
            at_top = true;
        }
        if at_top {
            if let Some(header) = unit.header.and_then(|h| headers.get(h)) {
                // A table continues on a new page: repeat its header row first.
                place(header, y, &mut pages);
                y -= header.height;
            }
        } else {
            y -= unit.space_before;
        }
        placed.push((pages.len() - 1, y));
        place(unit, y, &mut pages);
        y -= unit.height;
        at_top = false;
    }
    (pages, placed)
}

fn place(unit: &Unit, top: f32, pages: &mut [LaidPage]) {
    let Some(page) = pages.last_mut() else {
        return;
    };
    page.items
        .extend(unit.items.iter().cloned().map(|mut item| {
            match &mut item {
                Item::Text { y_pt, .. } | Item::Rect { y_pt, .. } => *y_pt += top,
            }
            item
        }));
}
