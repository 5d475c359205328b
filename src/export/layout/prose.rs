//! Paragraphs and notes: wrapped text, no widows or orphans.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::font::metrics::FontFace;

impl Builder {
    pub(super) fn paragraph(&mut self, text: &str) {
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

    pub(super) fn note(&mut self, text: &str) {
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
}
