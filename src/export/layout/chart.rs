//! Horizontal bar charts with a value column and a scale.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::content::document::Bar;
use crate::export::font::metrics::{self, FontFace};

impl Builder {
    /// A caption, one row per bar (label, track, fill, value text) and a scale.
    pub(super) fn bar_chart(&mut self, caption: &str, max: f32, bars: &[Bar]) {
        let f = self.frame;
        let label_style = Style::new(TABLE_SIZE, TABLE_LEADING, FontFace::Regular, palette::INK);
        let start = self.units.len();

        let nc = self.chart_caption(caption);
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
                    &metrics::printable(&b.value_text),
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
}

/// A chart's scale value as es-MX writes it: "25", "2.5", "1,000".
pub(super) fn scale_label(v: f32) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
