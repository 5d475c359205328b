//! The title block that opens page 1: kicker, title, label/value lines, status badge.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::content::document::Document;
use crate::export::font::metrics::{self, FontFace};

impl Builder {
    pub(super) fn title_block(&mut self, doc: &Document) {
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
        // Uppercased before measuring: uppercase can change the characters (µ → Μ).
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
            .map(|l| metrics::text_width_pt(&metrics::printable(&l.label), FontFace::Bold, 9.5))
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
}
