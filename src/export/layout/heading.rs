//! Headings: numbered section titles, kept with what follows, recorded for the contents and the outline.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::font::metrics::FontFace;

impl Builder {
    pub(super) fn heading(&mut self, level: u8, text: &str) {
        self.heading_lines(level, text, true);
    }

    /// A heading's lines; `record` numbers it as a document heading (the contents
    /// title is styled as one but is not listed).
    pub(super) fn heading_lines(&mut self, level: u8, text: &str, record: bool) {
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
}
