//! The timeline of key actions and activities: rows of bars on a month scale, split between rows.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::content::timeline::{RowKind, Timeline};
use crate::export::font::metrics::FontFace;

impl Builder {
    /// A caption, the tick labels (repeated on each page the chart spans), one row
    /// per key action or activity, and the ticks again under the last row.
    pub(super) fn timeline(&mut self, caption: &str, t: &Timeline) {
        use crate::export::content::timeline::{CHART_WIDTH, LABEL_WIDTH};
        let f = self.frame;
        self.chart_caption(caption);
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
}
