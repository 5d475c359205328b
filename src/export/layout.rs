//! Pure page layout: places a [`Document`] on pages as positioned text runs and
//! filled rectangles ([`Laid`]), which a renderer draws without further decisions.
//!
//! Coordinates are PDF points (1/72 in) from the page's bottom-left corner; a text
//! item's `y_pt` is its baseline. Measuring uses [`metrics`], and every string is
//! normalised with [`metrics::to_pdf_text`] first, so what is measured is exactly
//! what the PDF prints.
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

use super::document::{Bar, Block, Document, Field};
use super::metrics::{self, FontFace, FONT_BBOX_ASCENT, FONT_BBOX_DESCENT};
use super::timeline::{RowKind, Timeline};

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

/// The colour type, defined with the document model (bars carry their colour)
/// and re-exported here, where the palette and the laid-out items use it.
pub use super::document::Rgb;

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
    /// The heading's text, as in the document.
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

/// Splits `text` into lines no wider than `max_width_pt` when set in `face` at
/// `size_pt`. The text is normalised with [`metrics::to_pdf_text`]; `\n` forces a
/// line break, runs of spaces collapse, and a word longer than a line is broken by
/// character (after its last `-` or `/` that fits, when there is one). Each line
/// is at least one character, so a width narrower than one character still
/// terminates (such a line is then wider than asked; the layout never asks for
/// widths that narrow). An empty text gives no lines.
pub fn wrap_text(text: &str, face: FontFace, size_pt: f32, max_width_pt: f32) -> Vec<String> {
    let max_units = width_to_units(max_width_pt, size_pt);
    let space = u32::from(metrics::char_width(' ', face));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = metrics::to_pdf_text(paragraph);
        let mut line = String::new();
        let mut line_units = 0u32;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_units = metrics::text_width_units(word, face);
            if !line.is_empty() && line_units + space + word_units <= max_units {
                line.push(' ');
                line.push_str(word);
                line_units += space + word_units;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_units <= max_units {
                line.push_str(word);
                line_units = word_units;
                continue;
            }
            // An over-long word: emit full-width pieces, keep the tail on the line.
            let mut rest = word;
            loop {
                let units = metrics::text_width_units(rest, face);
                if units <= max_units {
                    line.push_str(rest);
                    line_units = units;
                    break;
                }
                let cut = break_point(rest, face, max_units);
                let (head, tail) = rest.split_at(cut);
                lines.push(head.to_owned());
                rest = tail;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Byte index at which to break an over-long word: after the last `-`, `/` or `@`
/// within the longest prefix that fits, else at the end of that prefix; at least
/// one character.
fn break_point(word: &str, face: FontFace, max_units: u32) -> usize {
    let mut units = 0u32;
    let mut fit_end = 0usize;
    let mut soft_end = None;
    for (i, c) in word.char_indices() {
        units += u32::from(metrics::char_width(c, face));
        if units > max_units {
            break;
        }
        fit_end = i + c.len_utf8();
        if matches!(c, '-' | '/' | '@') && fit_end < word.len() {
            soft_end = Some(fit_end);
        }
    }
    if fit_end == 0 {
        // Not even one character fits: take one anyway so wrapping terminates.
        return word.chars().next().map_or(word.len(), char::len_utf8);
    }
    soft_end.unwrap_or(fit_end)
}

/// The largest width in 1/1000 em that stays within `width_pt` at `size_pt`.
fn width_to_units(width_pt: f32, size_pt: f32) -> u32 {
    if size_pt <= 0.0 || width_pt <= 0.0 {
        return 0;
    }
    // Float to int `as` saturates; widths are small positive numbers here.
    (width_pt * 1000.0 / size_pt).floor() as u32
}

/// `text` cut to fit `max_width_pt`, ending in "…" when cut.
pub fn truncate_to_width(text: &str, face: FontFace, size_pt: f32, max_width_pt: f32) -> String {
    let text = metrics::to_pdf_text(text);
    let text = text.trim();
    let max_units = width_to_units(max_width_pt, size_pt);
    if metrics::text_width_units(text, face) <= max_units {
        return text.to_owned();
    }
    let ellipsis = u32::from(metrics::char_width('…', face));
    let mut out = String::new();
    let mut units = ellipsis;
    for c in text.chars() {
        let w = u32::from(metrics::char_width(c, face));
        if units + w > max_units {
            break;
        }
        units += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_owned();
    if units <= max_units {
        out.push('…');
    }
    out
}

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
        let text = metrics::to_pdf_text(label);
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

    fn title_block(&mut self, doc: &Document) {
        let f = self.frame;
        let tb = &doc.title_block;

        // Guinda bar along the top of the frame, with a gold hairline under it.
        let mut bar = Unit::new(7.0);
        bar.rect(f.left, 0.0, f.width(), 4.0, palette::GUINDA);
        bar.rect(f.left, 5.0, f.width(), 0.75, palette::GOLD);
        bar.keep_with_next = 2;
        self.push(bar);

        // Kicker on the left, status badge on the right of the same line.
        let badge_size = 8.0;
        // Uppercased before normalising: uppercase can leave WinAnsi (µ → Μ).
        let badge_text = truncate_to_width(
            &tb.status.trim().to_uppercase(),
            FontFace::Bold,
            badge_size,
            f.width() / 3.0,
        );
        let badge_w = if badge_text.is_empty() {
            0.0
        } else {
            metrics::text_width_pt(&badge_text, FontFace::Bold, badge_size) + 14.0
        };
        let kicker_size = 9.0;
        let kicker_leading = 16.0;
        let kicker_width = (f.width() - badge_w - 12.0).max(f.width() / 2.0);
        let kicker = tb.kicker.to_uppercase();
        let kicker_lines = wrap_text(&kicker, FontFace::Bold, kicker_size, kicker_width);
        let rows = kicker_lines.len().max(1);
        for i in 0..rows {
            let mut u = Unit::new(kicker_leading);
            if i == 0 {
                u.space_before = 6.0;
                if !badge_text.is_empty() {
                    let x = f.right - badge_w;
                    u.rect(x, 0.0, badge_w, kicker_leading, palette::GUINDA);
                    u.text(
                        x + 7.0,
                        0.0,
                        Style::new(badge_size, kicker_leading, FontFace::Bold, palette::WHITE),
                        badge_text.clone(),
                    );
                }
            }
            if let Some(line) = kicker_lines.get(i) {
                u.text(
                    f.left,
                    0.0,
                    Style::new(kicker_size, kicker_leading, FontFace::Bold, palette::GUINDA),
                    line.clone(),
                );
            }
            u.keep_with_next = 1;
            self.push(u);
        }

        // The title.
        let (title_size, title_leading) = (20.0, 24.0);
        for (i, line) in wrap_text(&tb.title, FontFace::Bold, title_size, f.width())
            .into_iter()
            .enumerate()
        {
            let mut u = Unit::new(title_leading);
            u.space_before = if i == 0 { 8.0 } else { 0.0 };
            u.text(
                f.left,
                0.0,
                Style::new(title_size, title_leading, FontFace::Bold, palette::INK),
                line,
            );
            self.push(u);
        }

        // Label/value lines, with a label column as wide as the widest label.
        let widest_label = tb
            .lines
            .iter()
            .map(|l| metrics::text_width_pt(&metrics::to_pdf_text(&l.label), FontFace::Bold, 9.5))
            .fold(0.0f32, f32::max);
        let label_w = (widest_label + WIDTH_SLACK).min(f.width() * FIELD_LABEL_SHARE);
        let mut first = true;
        for line in &tb.lines {
            let units = self.field_row(line, label_w, 9.5, 13.0, 1.0);
            for (j, mut u) in units.into_iter().enumerate() {
                if first && j == 0 {
                    u.space_before = 10.0;
                    first = false;
                }
                self.push(u);
            }
        }

        // Closing rule.
        let mut rule = Unit::new(1.0);
        rule.space_before = 12.0;
        rule.rect(f.left, 0.0, f.width(), 1.0, palette::GOLD);
        self.push(rule);
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.heading_lines(level, text, true);
    }

    /// A heading's lines; `record` numbers it as a document heading (the contents
    /// title is styled as one but is not listed).
    fn heading_lines(&mut self, level: u8, text: &str, record: bool) {
        let f = self.frame;
        let (size, leading, before, after, color, rule) = heading_style(level);
        // Level 2 (a commitment's ficha) sits in a tinted band with a guinda bar.
        let band = level == 2;
        let inset = if band { NOTE_BAR + NOTE_PAD } else { 0.0 };
        let lines = wrap_text(text, FontFace::Bold, size, f.width() - 2.0 * inset);
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let last = i + 1 == n;
            let extra = if last { after } else { 0.0 };
            let (pad_top, pad_bottom) = if band {
                (
                    if i == 0 { HEADING_BAND_PAD } else { 0.0 },
                    if last { HEADING_BAND_PAD } else { 0.0 },
                )
            } else {
                (0.0, 0.0)
            };
            let mut u = Unit::new(pad_top + leading + pad_bottom + extra);
            u.space_before = if i == 0 { before } else { 0.0 };
            if band {
                let h = pad_top + leading + pad_bottom;
                u.rect(f.left, 0.0, f.width(), h, palette::TINT);
                u.rect(f.left, 0.0, NOTE_BAR, h, palette::GUINDA);
            }
            u.text(
                f.left + inset,
                pad_top,
                Style::new(size, leading, FontFace::Bold, color),
                line,
            );
            if last && rule {
                u.rect(f.left, leading + 2.0, f.width(), 0.75, palette::RULE);
            }
            // Every line of a heading stays with the rest of it and two more lines.
            u.keep_with_next = if last { 2 } else { 1 };
            if i == 0 && record {
                u.heading = Some(self.headings.len());
            }
            self.push(u);
        }
        if record {
            self.headings.push((level, text.to_owned()));
        }
    }

    fn page_break(&mut self) {
        self.push(Unit {
            break_before: true,
            ..Unit::default()
        });
    }

    /// The contents' title and one unit per entry; the page numbers are written
    /// after the flow (see [`contents_number`]).
    fn contents(&mut self, title: &str, entries: &[(u8, &str, usize)]) {
        let f = self.frame;
        self.heading_lines(1, title, false);
        let count = entries.len();
        for (k, &(level, text, heading)) in entries.iter().enumerate() {
            let (style, indent, before) = if level <= 1 {
                (
                    Style::new(10.0, 14.0, FontFace::Bold, palette::INK),
                    0.0,
                    5.0,
                )
            } else {
                (
                    Style::new(9.5, 13.0, FontFace::Regular, palette::INK),
                    CONTENTS_INDENT * f32::from(level - 1),
                    3.0,
                )
            };
            let x = f.left + indent;
            let width = f.width() - indent - CONTENTS_NUMBER_W;
            let lines = wrap_text(text, style.face, style.size, width);
            let n = lines.len().max(1);
            let mut u =
                Unit::new(n as f32 * style.leading + if k + 1 == count { BLOCK_GAP } else { 0.0 });
            u.space_before = if k == 0 { 2.0 } else { before };
            let last_w = lines
                .last()
                .map_or(0.0, |l| metrics::text_width_pt(l, style.face, style.size));
            for (i, line) in lines.into_iter().enumerate() {
                u.text(x, i as f32 * style.leading, style, line);
            }
            u.toc = Some(TocSlot {
                heading,
                text_end: x + last_w,
                line_top: (n - 1) as f32 * style.leading,
                style,
            });
            // A section's entry stays with its first subsection's.
            u.keep_with_next = u8::from(level <= 1);
            self.push(u);
        }
    }

    /// A caption, the tick labels (repeated on each page the chart spans), one row
    /// per key action or activity, and the ticks again under the last row.
    fn timeline(&mut self, caption: &str, t: &Timeline) {
        use super::timeline::{CHART_WIDTH, LABEL_WIDTH};
        let f = self.frame;
        let caption_lines = wrap_text(caption, FontFace::Bold, BODY_SIZE, f.width());
        let nc = caption_lines.len();
        for (i, line) in caption_lines.into_iter().enumerate() {
            let last = i + 1 == nc;
            let mut u = Unit::new(BODY_LEADING + if last { 4.0 } else { 0.0 });
            u.text(
                f.left,
                0.0,
                Style::new(BODY_SIZE, BODY_LEADING, FontFace::Bold, palette::INK),
                line,
            );
            u.keep_with_next = if last { 2 } else { 1 };
            self.push(u);
        }
        if t.rows.is_empty() || t.width.is_nan() || t.width <= 0.0 {
            return;
        }
        // The picture's units scaled to the frame's width.
        // f64 to f32: the picture is a few hundred units wide.
        let scale = f.width() / t.width as f32;
        let x_of = |units: f64| f.left + units as f32 * scale;
        let chart_left = x_of(LABEL_WIDTH);
        let chart_right = x_of(LABEL_WIDTH + CHART_WIDTH).min(f.right);
        let tick_xs: Vec<f32> = t
            .ticks
            .iter()
            .map(|tick| {
                (x_of(tick.x) - TIMELINE_GRID_W / 2.0)
                    .min(chart_right - TIMELINE_GRID_W)
                    .max(chart_left)
            })
            .collect();
        let grid = |u: &mut Unit, top: f32, h: f32| {
            for &x in &tick_xs {
                u.rect(x, top, TIMELINE_GRID_W, h, palette::GRID);
            }
        };
        let tick_labels = |u: &mut Unit, top: f32| {
            for (tick, &x) in t.ticks.iter().zip(&tick_xs) {
                u.scale_text(&tick.label, top, |w| {
                    (x - w / 2.0).min(f.right - w).max(chart_left - w / 2.0)
                });
            }
        };

        // Axis: tick labels over short ticks.
        let mut header = Unit::new(CHART_SCALE_LEADING + CHART_TICK);
        tick_labels(&mut header, 0.0);
        header.text(
            f.left,
            0.0,
            Style::new(
                CHART_SCALE_SIZE,
                CHART_SCALE_LEADING,
                FontFace::Bold,
                palette::MUTED,
            ),
            "Acción clave o actividad".to_owned(),
        );
        grid(&mut header, CHART_SCALE_LEADING, CHART_TICK);
        header.keep_with_next = 1;
        let header_index = self.headers.len();
        self.headers.push(header.clone());
        self.push(header);

        let label_right = chart_left - 6.0;
        for row in &t.rows {
            let mut u = Unit::new(TIMELINE_ROW);
            u.header = Some(header_index);
            if row.starts_commitment {
                u.rect(f.left, 0.0, f.width(), 0.5, palette::RULE);
            }
            grid(&mut u, 0.0, TIMELINE_ROW);
            let (face, bar_h, color, indent) = match row.kind {
                RowKind::KeyAction => (FontFace::Bold, TIMELINE_KEY_BAR, palette::GUINDA, 0.0),
                RowKind::Activity => (
                    FontFace::Regular,
                    TIMELINE_ACTIVITY_BAR,
                    palette::MUTED,
                    TIMELINE_INDENT,
                ),
            };
            let label = truncate_to_width(
                &format!("{} {}", row.number, row.name),
                face,
                TIMELINE_LABEL_SIZE,
                label_right - f.left - indent,
            );
            u.text(
                f.left + indent,
                0.0,
                Style::new(TIMELINE_LABEL_SIZE, TIMELINE_ROW, face, palette::INK),
                label,
            );
            let bar_x = x_of(row.bar_x).max(chart_left).min(chart_right);
            let bar_w = ((row.bar_width as f32) * scale)
                .max(1.0)
                .min(chart_right - bar_x);
            u.rect(bar_x, (TIMELINE_ROW - bar_h) / 2.0, bar_w, bar_h, color);
            self.push(u);
        }
        // Ticks and their labels under the last row.
        let mut foot = Unit::new(CHART_TICK + CHART_SCALE_LEADING + BLOCK_GAP);
        grid(&mut foot, 0.0, CHART_TICK);
        tick_labels(&mut foot, CHART_TICK);
        if let Some(last) = self.units.last_mut() {
            last.keep_with_next = 1;
        }
        self.push(foot);
    }

    fn paragraph(&mut self, text: &str) {
        let f = self.frame;
        let lines = wrap_text(text, FontFace::Regular, BODY_SIZE, f.width());
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut u = Unit::new(BODY_LEADING + if i + 1 == n { BLOCK_GAP } else { 0.0 });
            u.text(
                f.left,
                0.0,
                Style::new(BODY_SIZE, BODY_LEADING, FontFace::Regular, palette::INK),
                line,
            );
            u.keep_with_next = no_widow_or_orphan(i, n);
            self.push(u);
        }
    }

    /// One field as line units: label line i beside value line i.
    fn field_row(
        &self,
        field: &Field,
        label_w: f32,
        size: f32,
        leading: f32,
        gap_after: f32,
    ) -> Vec<Unit> {
        let f = self.frame;
        let value_x = f.left + label_w + FIELD_GAP;
        let value_w = f.right - value_x;
        let labels = wrap_text(&field.label, FontFace::Bold, size, label_w);
        let values = wrap_text(&field.value, FontFace::Regular, size, value_w);
        let n = labels.len().max(values.len()).max(1);
        (0..n)
            .map(|i| {
                let mut u = Unit::new(leading + if i + 1 == n { gap_after } else { 0.0 });
                if let Some(l) = labels.get(i) {
                    u.text(
                        f.left,
                        0.0,
                        Style::new(size, leading, FontFace::Bold, palette::INK),
                        l.clone(),
                    );
                }
                if let Some(v) = values.get(i) {
                    u.text(
                        value_x,
                        0.0,
                        Style::new(size, leading, FontFace::Regular, palette::INK),
                        v.clone(),
                    );
                }
                // Keep a label with the start of its value, and no value line alone.
                u.keep_with_next = no_widow_or_orphan(i, n);
                u
            })
            .collect()
    }

    fn fields(&mut self, fields: &[Field]) {
        let label_w = self.frame.width() * FIELD_LABEL_SHARE - FIELD_GAP;
        let count = fields.len();
        for (k, field) in fields.iter().enumerate() {
            let gap = if k + 1 == count {
                BLOCK_GAP
            } else {
                FIELD_ROW_GAP
            };
            let mut units = self.field_row(field, label_w, BODY_SIZE, BODY_LEADING, gap);
            // A short first field stays with the second: no one- or two-line
            // field alone at the foot of a page, away from the rest of its block.
            let keep = count > 1 && k == 0 && units.len() <= 2;
            if keep {
                if let Some(last) = units.last_mut() {
                    last.keep_with_next = last.keep_with_next.max(1);
                }
            }
            for u in units {
                self.push(u);
            }
        }
    }

    fn note(&mut self, text: &str) {
        let f = self.frame;
        let text_x = f.left + NOTE_BAR + NOTE_PAD;
        let lines = wrap_text(
            text,
            FontFace::Regular,
            BODY_SIZE,
            f.right - NOTE_PAD - text_x,
        );
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let top_pad = if i == 0 { NOTE_PAD } else { 0.0 };
            let bottom_pad = if i + 1 == n { NOTE_PAD } else { 0.0 };
            let box_h = top_pad + BODY_LEADING + bottom_pad;
            let mut u = Unit::new(box_h + if i + 1 == n { BLOCK_GAP } else { 0.0 });
            u.rect(f.left, 0.0, f.width(), box_h, palette::TINT);
            u.rect(f.left, 0.0, NOTE_BAR, box_h, palette::GUINDA);
            u.text(
                text_x,
                top_pad,
                Style::new(BODY_SIZE, BODY_LEADING, FontFace::Regular, palette::INK),
                line,
            );
            if n > 1 && i == 0 {
                u.keep_with_next = 1;
            }
            self.push(u);
        }
    }

    /// A caption, one row per bar (label, track, fill, value text) and a scale.
    fn bar_chart(&mut self, caption: &str, max: f32, bars: &[Bar]) {
        let f = self.frame;
        let label_style = Style::new(TABLE_SIZE, TABLE_LEADING, FontFace::Regular, palette::INK);
        let start = self.units.len();

        // Caption, bold like a table caption.
        let caption_lines = wrap_text(caption, FontFace::Bold, BODY_SIZE, f.width());
        let nc = caption_lines.len();
        for (i, line) in caption_lines.into_iter().enumerate() {
            let last = i + 1 == nc;
            let mut u = Unit::new(BODY_LEADING + if last { 4.0 } else { 0.0 });
            u.text(
                f.left,
                0.0,
                Style::new(BODY_SIZE, BODY_LEADING, FontFace::Bold, palette::INK),
                line,
            );
            u.keep_with_next = if last { 2 } else { 1 };
            self.push(u);
        }
        if bars.is_empty() {
            if let Some(u) = self.units.last_mut().filter(|_| nc > 0) {
                u.height += BLOCK_GAP;
                u.keep_with_next = 0;
            }
            return;
        }

        // Columns: label | gap | track | gap | value text.
        let label_col = f.width() * CHART_LABEL_SHARE;
        let label_w = label_col - CHART_LABEL_GAP;
        let value_w = bars
            .iter()
            .map(|b| {
                metrics::text_width_pt(
                    &metrics::to_pdf_text(&b.value_text),
                    FontFace::Regular,
                    TABLE_SIZE,
                )
            })
            .fold(0.0f32, f32::max);
        let value_w = if value_w > 0.0 {
            (value_w + WIDTH_SLACK).min(f.width() * CHART_VALUE_MAX_SHARE)
        } else {
            0.0
        };
        let track_x = f.left + label_col;
        let track_end = if value_w > 0.0 {
            f.right - value_w - CHART_VALUE_GAP
        } else {
            f.right
        };
        let track_w = track_end - track_x;
        let value_x = track_end + CHART_VALUE_GAP;
        let grid_xs: Vec<f32> = (0..=4)
            .map(|k| {
                let x = track_x + track_w * k as f32 / 4.0 - CHART_GRID_W / 2.0;
                // min then max, not clamp: never panics, even on a tiny page.
                x.min(track_end - CHART_GRID_W).max(track_x)
            })
            .collect();
        let grid = |u: &mut Unit, h: f32| {
            for &x in &grid_xs {
                u.rect(x, 0.0, CHART_GRID_W, h, palette::GRID);
            }
        };

        // The scale's values, centred under (or over) the scale lines.
        let scale_labels = |u: &mut Unit, top: f32| {
            if !(max.is_finite() && max > 0.0) {
                return;
            }
            for (k, &x) in grid_xs.iter().enumerate() {
                u.scale_text(&scale_label(max * k as f32 / 4.0), top, |w| {
                    (x + CHART_GRID_W / 2.0 - w / 2.0)
                        .min(f.right - w)
                        .max(f.left)
                });
            }
        };

        // Repeated above the bars that continue a chart on a new page (only a
        // chart taller than a page does): its scale values with short ticks.
        let mut header = Unit::new(CHART_SCALE_LEADING + CHART_TICK);
        scale_labels(&mut header, 0.0);
        for &x in &grid_xs {
            header.rect(
                x,
                CHART_SCALE_LEADING,
                CHART_GRID_W,
                CHART_TICK,
                palette::GRID,
            );
        }
        let header_h = header.height;

        // One row per bar; a row taller than a page is split between lines.
        let max_lines = (((f.height() - header_h - 2.0 * CHART_ROW_PAD) / TABLE_LEADING).floor()
            as usize)
            .max(1);
        let first_row = self.units.len();
        for bar in bars {
            let labels = wrap_text(&bar.label, FontFace::Regular, TABLE_SIZE, label_w);
            let values = if value_w > 0.0 {
                wrap_text(&bar.value_text, FontFace::Regular, TABLE_SIZE, value_w)
            } else {
                Vec::new()
            };
            let total = labels.len().max(values.len()).max(1);
            // The bar sits at the middle of the row's first three lines (of its
            // first line when the row must be split); label and value are
            // centred on it.
            let centre_lines = if total > max_lines { 1 } else { total.min(3) };
            let centre = CHART_ROW_PAD + centre_lines as f32 * TABLE_LEADING / 2.0;
            // Top of line `l` of a block of `count` lines (the label or the value),
            // from the row's top: centred on the bar, or stacked from the top
            // when the row is split.
            let line_top = |count: usize, l: usize| {
                let block_top = if total > max_lines {
                    CHART_ROW_PAD
                } else {
                    (centre - count as f32 * TABLE_LEADING / 2.0).max(CHART_ROW_PAD)
                };
                block_top + l as f32 * TABLE_LEADING
            };
            let mut first = 0;
            while first < total {
                let end = (first + max_lines).min(total);
                let top_pad = if first == 0 { CHART_ROW_PAD } else { 0.0 };
                let bottom_pad = if end == total { CHART_ROW_PAD } else { 0.0 };
                let h = top_pad + (end - first) as f32 * TABLE_LEADING + bottom_pad;
                let mut u = Unit::new(h);
                // Lines are placed relative to the row's top; this piece starts at `shift`.
                let shift = if first == 0 {
                    0.0
                } else {
                    CHART_ROW_PAD + first as f32 * TABLE_LEADING
                };
                // Painted in order: track, scale lines, fill (the lines show on the
                // empty part of the track, not over the bar).
                if first == 0 {
                    u.rect(
                        track_x,
                        centre - CHART_BAR_H / 2.0,
                        track_w,
                        CHART_BAR_H,
                        palette::TRACK,
                    );
                }
                grid(&mut u, h);
                if first == 0 {
                    let fraction = if max.is_finite() && max > 0.0 && bar.value.is_finite() {
                        (bar.value / max).clamp(0.0, 1.0)
                    } else {
                        0.0
                    };
                    let fill_w = fraction * track_w;
                    if fill_w > 0.0 {
                        u.rect(
                            track_x,
                            centre - CHART_BAR_H / 2.0,
                            fill_w,
                            CHART_BAR_H,
                            bar.color,
                        );
                    }
                }
                for (x, lines) in [(f.left, &labels), (value_x, &values)] {
                    for (l, line) in lines.iter().enumerate() {
                        let top = line_top(lines.len(), l);
                        if top >= shift - 0.01 && top + TABLE_LEADING <= shift + h + 0.01 {
                            u.text(x, top - shift, label_style, line.clone());
                        }
                    }
                }
                self.push(u);
                first = end;
            }
        }

        let rows_end = self.units.len();

        // The scale under the last bar: ticks and their values.
        let mut scale = Unit::new(CHART_TICK + CHART_SCALE_LEADING + BLOCK_GAP);
        grid(&mut scale, CHART_TICK);
        scale_labels(&mut scale, CHART_TICK);
        self.push(scale);

        // Keep the whole chart on one page when it fits on one. Otherwise each
        // row stands alone (with the scale repeated above the rows that start a
        // page), the caption keeps its first two rows and the last row keeps
        // the scale.
        let height: f32 = self.units[start..].iter().map(|u| u.height).sum();
        if height <= f.height() {
            for u in &mut self.units[start..rows_end] {
                u.keep_with_next = 1;
            }
        } else {
            let header_index = self.headers.len();
            self.headers.push(header);
            for u in &mut self.units[first_row..rows_end] {
                u.header = Some(header_index);
            }
            if let Some(last_row) = self.units[..rows_end].last_mut() {
                last_row.keep_with_next = 1;
            }
        }
    }

    fn table(&mut self, caption: &str, columns: &[String], rows: &[Vec<String>]) {
        let f = self.frame;
        let ncols = columns
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if ncols == 0 {
            return;
        }
        let cell = cell_text;
        let widths = column_widths(columns, rows, ncols, f.width());
        let xs: Vec<f32> = widths
            .iter()
            .scan(f.left, |x, w| {
                let start = *x;
                *x += w;
                Some(start)
            })
            .collect();

        // Caption.
        let caption_lines = wrap_text(caption, FontFace::Bold, BODY_SIZE, f.width());
        let nc = caption_lines.len();
        for (i, line) in caption_lines.into_iter().enumerate() {
            let mut u = Unit::new(BODY_LEADING + if i + 1 == nc { 3.0 } else { 0.0 });
            u.text(
                f.left,
                0.0,
                Style::new(BODY_SIZE, BODY_LEADING, FontFace::Bold, palette::INK),
                line,
            );
            u.keep_with_next = if i + 1 == nc { 2 } else { 1 };
            self.push(u);
        }

        // Header row: tinted, bold, a guinda rule below.
        let header_cells: Vec<Vec<String>> = (0..ncols)
            .map(|c| {
                wrap_text(
                    cell(columns, c),
                    FontFace::Bold,
                    TABLE_SIZE,
                    widths[c] - 2.0 * CELL_PAD_X,
                )
            })
            .collect();
        let header_lines = header_cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let header_h = header_lines as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y;
        let mut header = Unit::new(header_h);
        header.rect(f.left, 0.0, f.width(), header_h, palette::TINT);
        header.rect(f.left, header_h - 1.0, f.width(), 1.0, palette::GUINDA);
        for (c, lines) in header_cells.into_iter().enumerate() {
            for (l, line) in lines.into_iter().enumerate() {
                let top = CELL_PAD_Y + l as f32 * TABLE_LEADING;
                header.text(
                    xs[c] + CELL_PAD_X,
                    top,
                    Style::new(TABLE_SIZE, TABLE_LEADING, FontFace::Bold, palette::INK),
                    line,
                );
            }
        }
        header.keep_with_next = 1;
        let header_index = self.headers.len();
        self.headers.push(header.clone());
        self.push(header);

        // Body rows: whole rows, split by lines only when taller than a page.
        let max_row_h = f.height() - header_h;
        let max_lines = (((max_row_h - 2.0 * CELL_PAD_Y) / TABLE_LEADING).floor() as usize).max(1);
        for (r, row) in rows.iter().enumerate() {
            let cells: Vec<Vec<String>> = (0..ncols)
                .map(|c| {
                    wrap_text(
                        cell(row, c),
                        FontFace::Regular,
                        TABLE_SIZE,
                        widths[c] - 2.0 * CELL_PAD_X,
                    )
                })
                .collect();
            let total = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            // Pieces of the row, as line ranges: the whole row when it is short
            // (or one piece per page's worth when taller than a page); one line
            // each when long, kept so that at least two lines stay together at
            // either side of a page break.
            let split = total > TABLE_SPLIT_LINES;
            let step = if split { 1 } else { max_lines };
            let last_row = r + 1 == rows.len();
            let mut start = 0;
            while start < total {
                let end = (start + step).min(total);
                let top_pad = if start == 0 { CELL_PAD_Y } else { 0.0 };
                let bottom_pad = if end == total { CELL_PAD_Y } else { 0.0 };
                let h = (end - start) as f32 * TABLE_LEADING + top_pad + bottom_pad;
                let mut u = Unit::new(
                    h + if end == total && last_row {
                        BLOCK_GAP
                    } else {
                        0.0
                    },
                );
                for (c, lines) in cells.iter().enumerate() {
                    for (l, line) in lines.iter().enumerate().take(end).skip(start) {
                        let top = top_pad + (l - start) as f32 * TABLE_LEADING;
                        u.text(
                            xs[c] + CELL_PAD_X,
                            top,
                            Style::new(TABLE_SIZE, TABLE_LEADING, FontFace::Regular, palette::INK),
                            line.clone(),
                        );
                    }
                }
                if end == total {
                    u.rect(f.left, h - 0.5, f.width(), 0.5, palette::RULE);
                }
                if split {
                    u.keep_with_next = no_widow_or_orphan(start, total);
                }
                u.header = Some(header_index);
                self.push(u);
                start = end;
            }
        }
    }
}

/// A chart's scale value as es-MX writes it: "25", "2.5", "1,000".
fn scale_label(v: f32) -> String {
    let hundredths = (f64::from(v) * 100.0).round();
    if !hundredths.is_finite() || hundredths.abs() >= 1e15 {
        return format!("{v}");
    }
    let negative = hundredths < 0.0;
    // Exact in f64 below 2^53; guarded above.
    let hundredths = hundredths.abs() as u64;
    let (int, frac) = (hundredths / 100, hundredths % 100);
    let digits = int.to_string();
    let mut out = String::new();
    if negative && hundredths > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac > 0 {
        let frac = format!("{frac:02}");
        out.push('.');
        out.push_str(frac.trim_end_matches('0'));
    }
    out
}

/// Cell `c` of a row, empty when the row is short.
fn cell_text(row: &[String], c: usize) -> &str {
    row.get(c).map_or("", String::as_str)
}

/// Column widths that fill `total`: each column gets at least its longest word
/// (capped) and the rest is shared in proportion to how much more each column
/// would need to show its longest cell on one line (the automatic table layout
/// of browsers, simplified).
fn column_widths(columns: &[String], rows: &[Vec<String>], ncols: usize, total: f32) -> Vec<f32> {
    let pad = 2.0 * CELL_PAD_X;
    let mut min = vec![0.0f32; ncols];
    let mut max = vec![0.0f32; ncols];
    let mut measure = |c: usize, text: &str, face: FontFace| {
        for para in text.split('\n') {
            let para = metrics::to_pdf_text(para);
            let full = metrics::text_width_pt(&para, face, TABLE_SIZE);
            let word = para
                .split(' ')
                .map(|w| metrics::text_width_pt(w, face, TABLE_SIZE))
                .fold(0.0f32, f32::max);
            max[c] = max[c].max(full + pad + WIDTH_SLACK);
            min[c] = min[c].max(word + pad + WIDTH_SLACK);
        }
    };
    for c in 0..ncols {
        measure(c, columns.get(c).map_or("", String::as_str), FontFace::Bold);
        for row in rows {
            measure(c, row.get(c).map_or("", String::as_str), FontFace::Regular);
        }
    }
    // A single long word (a URL) must not starve the other columns.
    let cap = total / ncols as f32;
    for c in 0..ncols {
        min[c] = min[c].min(cap.max(total * 0.33)).max(pad + 12.0);
        max[c] = max[c].max(min[c]);
    }
    let sum_min: f32 = min.iter().sum();
    let sum_max: f32 = max.iter().sum();
    if sum_min >= total {
        return min.iter().map(|m| m * total / sum_min).collect();
    }
    if sum_max <= total {
        // Everything fits on one line: give the spare room to the widest columns.
        return max
            .iter()
            .map(|m| m + (total - sum_max) * m / sum_max)
            .collect();
    }
    let spare = total - sum_min;
    let want = sum_max - sum_min;
    (0..ncols)
        .map(|c| min[c] + spare * (max[c] - min[c]) / want)
        .collect()
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
            text: text.clone(),
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

/// Writes a contents entry's page number, right-aligned, after dot leaders.
fn contents_number(page: &mut LaidPage, frame: Frame, unit_top: f32, slot: TocSlot, number: usize) {
    let style = Style::new(
        slot.style.size,
        slot.style.leading,
        FontFace::Regular,
        palette::INK,
    );
    let text = number.to_string();
    let w = metrics::text_width_pt(&text, style.face, style.size);
    let baseline = unit_top - (slot.line_top + baseline_offset(style.size, style.leading));
    let x = frame.right - w;
    // Leaders: ". " repeated, ending at the same place on every line (before the
    // widest page number the contents can show), so the dots line up.
    let dot_w = metrics::text_width_pt(". ", FontFace::Regular, style.size);
    let leaders_end = frame.right - metrics::text_width_pt("0000", style.face, style.size);
    let room = leaders_end - (slot.text_end + 6.0);
    if dot_w > 0.0 && room > dot_w {
        // Float to int `as` saturates; the count is small and positive here.
        let count = (room / dot_w).floor() as usize;
        let leaders = ". ".repeat(count).trim_end().to_owned();
        let lw = metrics::text_width_pt(&leaders, FontFace::Regular, style.size);
        page.items.push(Item::Text {
            x_pt: leaders_end - lw,
            y_pt: baseline,
            size_pt: style.size,
            face: FontFace::Regular,
            color: palette::MUTED,
            text: leaders,
        });
    }
    page.items.push(Item::Text {
        x_pt: x,
        y_pt: baseline,
        size_pt: style.size,
        face: style.face,
        color: style.color,
        text,
    });
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

/// On every page that continues a level-2 section (a commitment's ficha) without
/// showing its heading, the heading in small type above the frame, as the
/// national fichas repeat theirs: "Compromiso 3. Nombre (continuación)".
fn add_running_heads(
    pages: &mut [LaidPage],
    headings: &[LaidHeading],
    frame: Frame,
    size: PageSize,
) {
    let mut current: Option<&LaidHeading> = None;
    let mut next = headings.iter().peekable();
    for (n, page) in pages.iter_mut().enumerate() {
        let mut starts_here = false;
        while let Some(h) = next.next_if(|h| h.page <= n) {
            match h.level {
                0 | 1 => current = None,
                2 => {
                    current = Some(h);
                    starts_here = h.page == n;
                }
                _ => {}
            }
        }
        let Some(h) = current.filter(|_| !starts_here) else {
            continue;
        };
        let suffix = " (continuación)";
        let suffix_w = metrics::text_width_pt(suffix, FontFace::Regular, RUNNING_HEAD_SIZE);
        let mut text = truncate_to_width(
            &h.text,
            FontFace::Regular,
            RUNNING_HEAD_SIZE,
            frame.width() - suffix_w - WIDTH_SLACK,
        );
        text.push_str(suffix);
        // First in the page's painting order, so it also reads first.
        page.items.splice(
            0..0,
            [
                Item::Text {
                    x_pt: frame.left,
                    y_pt: size.height_pt - RUNNING_HEAD_BASELINE,
                    size_pt: RUNNING_HEAD_SIZE,
                    face: FontFace::Regular,
                    color: palette::MUTED,
                    text,
                },
                Item::Rect {
                    x_pt: frame.left,
                    y_pt: size.height_pt - RUNNING_HEAD_BASELINE - 5.0,
                    w_pt: frame.width(),
                    h_pt: 0.5,
                    fill: palette::RULE,
                },
            ],
        );
    }
}

fn add_footers(pages: &mut [LaidPage], doc: &Document, frame: Frame) {
    let total = pages.len();
    for (n, p) in pages.iter_mut().enumerate() {
        let number = format!("Página {} de {}", n + 1, total);
        let number_w = metrics::text_width_pt(&number, FontFace::Regular, FOOTER_SIZE);
        let title_w = frame.width() - number_w - 18.0;
        let title = truncate_to_width(&doc.meta.title, FontFace::Bold, FOOTER_SIZE, title_w);
        let note = truncate_to_width(
            &doc.meta.footer_note,
            FontFace::Regular,
            FOOTER_NOTE_SIZE,
            title_w,
        );
        p.items.push(Item::Rect {
            x_pt: frame.left,
            y_pt: FOOTER_RULE_Y,
            w_pt: frame.width(),
            h_pt: 0.5,
            fill: palette::RULE,
        });
        for (x, y, size, face, text) in [
            (
                frame.left,
                FOOTER_BASELINE,
                FOOTER_SIZE,
                FontFace::Bold,
                title,
            ),
            (
                frame.left,
                FOOTER_NOTE_BASELINE,
                FOOTER_NOTE_SIZE,
                FontFace::Regular,
                note,
            ),
            (
                frame.right - number_w,
                FOOTER_BASELINE,
                FOOTER_SIZE,
                FontFace::Regular,
                number,
            ),
        ] {
            if !text.is_empty() {
                p.items.push(Item::Text {
                    x_pt: x,
                    y_pt: y,
                    size_pt: size,
                    face,
                    color: palette::MUTED,
                    text,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(lines: &[String], face: FontFace, size: f32) -> f32 {
        lines
            .iter()
            .map(|l| metrics::text_width_pt(l, face, size))
            .fold(0.0, f32::max)
    }

    #[test]
    fn wrapped_lines_never_exceed_the_width() {
        // (text, what the lines hold, spaces aside: written out by hand).
        let texts = [
            (
                "Plan de Acción Local de Gobierno Abierto 2025-2027 — Año de la ñandú",
                "Plan de Acción Local de Gobierno Abierto 2025-2027 — Año de la ñandú",
            ),
            (
                "¿Cómo contribuirá a resolver la problemática? ¡Mucho! «Sí» — ÁÉÍÓÚ ÑÜ",
                "¿Cómo contribuirá a resolver la problemática? ¡Mucho! «Sí» — ÁÉÍÓÚ ÑÜ",
            ),
            (
                "https://www.ejemplo.gob.mx/transparencia/datos-abiertos/compromisos/2025/ficha-13.pdf",
                "https://www.ejemplo.gob.mx/transparencia/datos-abiertos/compromisos/2025/ficha-13.pdf",
            ),
            (
                "Supercalifragilisticoespialidoso-y-otras-palabras-larguísimas-sin-espacios-0123456789",
                "Supercalifragilisticoespialidoso-y-otras-palabras-larguísimas-sin-espacios-0123456789",
            ),
            (
                "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
                "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
            ),
            // Accents typed as combining marks arrive composed.
            (
                "a\u{301} e\u{301} n\u{303} “comillas” ‘simples’ … • € ™",
                "á é ñ “comillas” ‘simples’ … • € ™",
            ),
            // Outside the current fonts: what they print today ("?" for what
            // they lack, the base letter for ł and ő).
            ("😀 中文 ł ő", "? ?? l o"),
            (
                "línea uno\nlínea dos\n\nlínea cuatro",
                "línea uno línea dos línea cuatro",
            ),
        ];
        for (text, printed) in texts {
            let expected: String = printed.split_whitespace().collect();
            // Only a width narrower than some character may overflow.
            let widest_char = |face, size| {
                printed
                    .chars()
                    .map(|c| metrics::text_width_pt(&c.to_string(), face, size))
                    .fold(0.0, f32::max)
            };
            for face in [FontFace::Regular, FontFace::Bold] {
                for size in [7.0, 9.0, 10.0, 13.5, 20.0] {
                    for width in [12.0, 30.0, 57.3, 100.0, 180.5, 333.3, 498.6] {
                        let lines = wrap_text(text, face, size, width);
                        if width >= widest_char(face, size) {
                            assert!(
                                widest(&lines, face, size) <= width + 0.001,
                                "{text:?} at {size} pt in {width} pt: {lines:?}"
                            );
                        }
                        // Nothing is lost but spaces.
                        let joined: String = lines.concat().split_whitespace().collect();
                        assert_eq!(joined, expected, "{text:?} at {size} pt in {width} pt");
                    }
                }
            }
        }
    }

    #[test]
    fn long_words_break_after_a_hyphen_when_one_fits() {
        let lines = wrap_text("aaaaaaaaaa-bbbbbbbbbb", FontFace::Regular, 10.0, 80.0);
        assert_eq!(lines[0], "aaaaaaaaaa-");
    }

    #[test]
    fn truncation_fits_and_marks_the_cut() {
        let long = "Plan de Acción Local de Gobierno Abierto ".repeat(20);
        let t = truncate_to_width(&long, FontFace::Bold, 8.0, 200.0);
        assert!(t.ends_with('…'));
        assert!(metrics::text_width_pt(&t, FontFace::Bold, 8.0) <= 200.0);
        assert_eq!(
            truncate_to_width("Corto", FontFace::Bold, 8.0, 200.0),
            "Corto"
        );
    }

    #[test]
    fn chart_scale_labels_read_as_in_mexico() {
        let labels = |max: f32| -> Vec<String> {
            (0..=4).map(|k| scale_label(max * k as f32 / 4.0)).collect()
        };
        assert_eq!(labels(100.0), ["0", "25", "50", "75", "100"]);
        assert_eq!(labels(10.0), ["0", "2.5", "5", "7.5", "10"]);
        assert_eq!(labels(3.0), ["0", "0.75", "1.5", "2.25", "3"]);
        assert_eq!(labels(1.0), ["0", "0.25", "0.5", "0.75", "1"]);
        assert_eq!(
            labels(2_000_000.0),
            ["0", "500,000", "1,000,000", "1,500,000", "2,000,000"]
        );
        assert_eq!(scale_label(-1250.5), "-1,250.5");
        assert_eq!(scale_label(-0.001), "0");
    }

    #[test]
    fn column_widths_fill_the_table() {
        let cols: Vec<String> = ["Núm.", "Compromiso", "Inicio", "Término"]
            .map(String::from)
            .to_vec();
        let rows = vec![vec![
            "1".to_owned(),
            "Un compromiso con un nombre bastante largo que tendrá que partirse en varias líneas"
                .to_owned(),
            "10/12/2019".to_owned(),
            "31/08/2021".to_owned(),
        ]];
        let w = column_widths(&cols, &rows, 4, 470.0);
        assert!((w.iter().sum::<f32>() - 470.0).abs() < 0.01);
        assert!(w[1] > w[0] && w[1] > w[2]);
        // The dates fit on one line.
        assert!(
            metrics::text_width_pt("10/12/2019", FontFace::Regular, TABLE_SIZE)
                <= w[2] - 2.0 * CELL_PAD_X
        );
    }
}
