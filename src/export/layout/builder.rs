//! The layout's machinery, shared by the block kinds: typography (sizes, gaps,
//! styles), units (boxes the flow places whole), the page frame, and the
//! builder that the block kinds add their units to.

use super::page::{palette, Item, Rgb};
use super::text::wrap_text;
use crate::export::font::metrics::{self, FontFace};

// ---------------------------------------------------------------------------------
// Typography

/// Added to measured widths that text must fit on one line, so float rounding in
/// [`wrap_text`] never breaks it.
pub(super) const WIDTH_SLACK: f32 = 0.5;
/// Body text size.
pub(super) const BODY_SIZE: f32 = 10.0;
/// Body line height.
pub(super) const BODY_LEADING: f32 = 14.0;
/// Space after a paragraph, a fields block, a table or a note.
pub(super) const BLOCK_GAP: f32 = 8.0;
/// Gap between the label column and the value column of fields.
pub(super) const FIELD_GAP: f32 = 10.0;
/// Extra space between field rows.
pub(super) const FIELD_ROW_GAP: f32 = 3.0;
/// Share of the width given to field labels.
pub(super) const FIELD_LABEL_SHARE: f32 = 0.3;
/// Table text size and line height.
pub(super) const TABLE_SIZE: f32 = 9.0;
pub(super) const TABLE_LEADING: f32 = 12.0;
/// Padding inside table cells.
pub(super) const CELL_PAD_X: f32 = 4.0;
pub(super) const CELL_PAD_Y: f32 = 3.5;
/// Padding inside a note box, and its accent bar.
pub(super) const NOTE_PAD: f32 = 8.0;
pub(super) const NOTE_BAR: f32 = 3.0;
/// Bar chart: share of the width for the label column (labels wrap within it,
/// less the gap), the gaps left and right of the track, the widest the value
/// column may get, the bar's height, padding above and below each row's text,
/// the scale lines' width, the ticks under the last bar, and the scale labels.
pub(super) const CHART_LABEL_SHARE: f32 = 0.38;
pub(super) const CHART_LABEL_GAP: f32 = 10.0;
pub(super) const CHART_VALUE_GAP: f32 = 8.0;
pub(super) const CHART_VALUE_MAX_SHARE: f32 = 0.3;
pub(super) const CHART_BAR_H: f32 = 10.0;
pub(super) const CHART_ROW_PAD: f32 = 4.5;
pub(super) const CHART_GRID_W: f32 = 0.5;
pub(super) const CHART_TICK: f32 = 3.0;
pub(super) const CHART_SCALE_SIZE: f32 = 7.0;
pub(super) const CHART_SCALE_LEADING: f32 = 10.0;
/// Padding above and below a level-2 heading's text inside its band.
pub(super) const HEADING_BAND_PAD: f32 = 6.0;
/// A table row of more lines than this may split between its lines (keeping at
/// least two on each page); a shorter one never splits.
pub(super) const TABLE_SPLIT_LINES: usize = 4;
/// Contents: indent per level below 1, and the room kept for the page numbers.
pub(super) const CONTENTS_INDENT: f32 = 14.0;
pub(super) const CONTENTS_NUMBER_W: f32 = 44.0;
/// Timeline: row height, bar heights, label size, activity indent, grid lines.
pub(super) const TIMELINE_ROW: f32 = 13.0;
pub(super) const TIMELINE_KEY_BAR: f32 = 8.0;
pub(super) const TIMELINE_ACTIVITY_BAR: f32 = 4.0;
pub(super) const TIMELINE_LABEL_SIZE: f32 = 8.0;
pub(super) const TIMELINE_INDENT: f32 = 10.0;
pub(super) const TIMELINE_GRID_W: f32 = 0.5;
/// Running head of a continued ficha: size, and baseline below the page's top.
pub(super) const RUNNING_HEAD_SIZE: f32 = 8.0;
pub(super) const RUNNING_HEAD_BASELINE: f32 = 36.0;
/// Footer: sizes, baselines above the page bottom, and its rule.
pub(super) const FOOTER_SIZE: f32 = 8.0;
pub(super) const FOOTER_NOTE_SIZE: f32 = 7.0;
pub(super) const FOOTER_BASELINE: f32 = 36.0;
pub(super) const FOOTER_NOTE_BASELINE: f32 = 26.0;
pub(super) const FOOTER_RULE_Y: f32 = 47.0;

/// How a line of text is set.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub(super) size: f32,
    pub(super) leading: f32,
    pub(super) face: FontFace,
    pub(super) color: Rgb,
    /// The text's language when it is not the document's (see [`Item::Text`]).
    pub(super) lang: Option<&'static str>,
}

impl Style {
    pub(super) const fn new(size: f32, leading: f32, face: FontFace, color: Rgb) -> Self {
        Self {
            size,
            leading,
            face,
            color,
            lang: None,
        }
    }

    /// The style for text in language `lang`.
    pub(super) const fn in_language(mut self, lang: Option<&'static str>) -> Self {
        self.lang = lang;
        self
    }
}

/// Keep-with-next for line `i` of `n`: the first line keeps the second (no orphan at
/// the bottom of a page) and the second-to-last keeps the last (no widow at the top).
pub(super) fn no_widow_or_orphan(i: usize, n: usize) -> u8 {
    u8::from(n > 1 && (i == 0 || i + 2 == n))
}

/// Heading style by level: (size, leading, space before, space after, colour, rule below).
pub(super) fn heading_style(level: u8) -> (f32, f32, f32, f32, Rgb, bool) {
    match level {
        0 | 1 => (13.5, 17.0, 18.0, 8.0, palette::GUINDA, true),
        2 => (12.0, 16.0, 14.0, 8.0, palette::GUINDA, false),
        _ => (10.5, 14.0, 10.0, 3.0, palette::GUINDA, false),
    }
}

/// Baseline of text of `size` centred in a line box of `leading`, measured down
/// from the box's top, using the fonts' typographic ascender (0.728 em) and
/// descender (0.210 em).
pub(super) fn baseline_offset(size: f32, leading: f32) -> f32 {
    (leading - 0.938 * size) / 2.0 + 0.728 * size
}

// ---------------------------------------------------------------------------------
// Units: atomic vertical boxes the flow places one after another.

/// A box that is never split: its items are positioned relative to its top-left
/// (x absolute on the page, y measured from the unit's top, negative downwards).
#[derive(Debug, Clone, Default)]
pub(super) struct Unit {
    pub(super) height: f32,
    /// Space above, dropped at the top of a page.
    pub(super) space_before: f32,
    /// Number of following units that must share this unit's page.
    pub(super) keep_with_next: u8,
    /// The table header to repeat above this unit when it starts a page.
    pub(super) header: Option<usize>,
    /// Starts a new page unless at the top of one (an empty unit).
    pub(super) break_before: bool,
    /// The first line of heading number `n` (document order).
    pub(super) heading: Option<usize>,
    /// A table-of-contents entry whose page number is filled in after the flow.
    pub(super) toc: Option<TocSlot>,
    pub(super) items: Vec<Item>,
}

/// The place of a table-of-contents entry's page number, relative to its unit.
#[derive(Debug, Clone, Copy)]
pub(super) struct TocSlot {
    /// The heading whose page it shows.
    pub(super) heading: usize,
    /// Where the entry's last line of text ends (leaders start after it).
    pub(super) text_end: f32,
    /// Top of the last line's box, from the unit's top.
    pub(super) line_top: f32,
    pub(super) style: Style,
}

impl Unit {
    pub(super) fn new(height: f32) -> Self {
        Self {
            height,
            ..Self::default()
        }
    }

    /// A chart scale's label (small, muted) whose left edge `place` gives from
    /// the label's width.
    pub(super) fn scale_text(&mut self, label: &str, top: f32, place: impl FnOnce(f32) -> f32) {
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
    pub(super) fn text(&mut self, x: f32, top: f32, style: Style, text: String) {
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
            lang: style.lang,
        });
    }

    /// A rectangle whose top edge is `top` below the unit's top.
    pub(super) fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, fill: Rgb) {
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
pub(super) struct Frame {
    pub(super) left: f32,
    pub(super) right: f32,
    pub(super) top: f32,
    pub(super) bottom: f32,
}

impl Frame {
    pub(super) fn width(&self) -> f32 {
        self.right - self.left
    }
    pub(super) fn height(&self) -> f32 {
        self.top - self.bottom
    }
}

pub(super) struct Builder {
    pub(super) frame: Frame,
    pub(super) units: Vec<Unit>,
    pub(super) headers: Vec<Unit>,
    /// Every heading of the document as (level, text), in order.
    pub(super) headings: Vec<(u8, String)>,
}

impl Builder {
    pub(super) fn push(&mut self, unit: Unit) {
        self.units.push(unit);
    }

    /// A chart's caption, bold like a table caption, kept with the chart's
    /// first two units. Returns the number of caption lines.
    pub(super) fn chart_caption(&mut self, caption: &str) -> usize {
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
        nc
    }

    pub(super) fn page_break(&mut self) {
        self.push(Unit {
            break_before: true,
            ..Unit::default()
        });
    }
}
