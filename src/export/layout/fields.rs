//! Label/value fields in two columns.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::content::document::Field;
use crate::export::font::metrics::FontFace;

impl Builder {
    /// One field as line units: label line i beside value line i.
    pub(super) fn field_row(
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
                        Style::new(size, leading, FontFace::Regular, palette::INK)
                            .in_language(field.lang),
                        v.clone(),
                    );
                }
                // Keep a label with the start of its value, and no value line alone.
                u.keep_with_next = no_widow_or_orphan(i, n);
                u
            })
            .collect()
    }

    pub(super) fn fields(&mut self, fields: &[Field]) {
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
}
