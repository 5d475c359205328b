//! The table of contents: entries by level, and their page numbers after the flow.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::font::metrics::{self, FontFace};

impl Builder {
    /// The contents' title and one unit per entry; the page numbers are written
    /// after the flow (see [`contents_number`]).
    pub(super) fn contents(&mut self, title: &str, entries: &[(u8, &str, usize)]) {
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
}

/// Writes a contents entry's page number, right-aligned, after dot leaders.
pub(super) fn contents_number(
    page: &mut LaidPage,
    frame: Frame,
    unit_top: f32,
    slot: TocSlot,
    number: usize,
) {
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
            lang: None,
        });
    }
    page.items.push(Item::Text {
        x_pt: x,
        y_pt: baseline,
        size_pt: style.size,
        face: style.face,
        color: style.color,
        text,
        lang: None,
    });
}
