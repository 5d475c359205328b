//! Pictures of filled shapes (a map of regions) with a legend of their fills.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::content::document::{LegendEntry, Shape};
use crate::export::font::metrics::{self, FontFace};

/// The most of the frame's height the picture may take.
const SHAPES_MAX_SHARE: f32 = 0.55;
/// The line along the shapes' edges.
const SHAPES_OUTLINE_W: f32 = 0.5;
/// Space between the picture and its legend.
const SHAPES_LEGEND_GAP: f32 = 6.0;
/// A legend swatch's side, the gap after it, and the gap between entries.
const SWATCH: f32 = 9.0;
const SWATCH_GAP: f32 = 4.0;
const ENTRY_GAP: f32 = 14.0;

impl Builder {
    /// A caption, the shapes scaled into the frame's width, and the legend
    /// under them, kept on one page.
    pub(super) fn shapes(
        &mut self,
        caption: &str,
        (width, height): (f32, f32),
        shapes: &[Shape],
        outline: Option<Rgb>,
        legend_title: &str,
        legend: &[LegendEntry],
    ) {
        let f = self.frame;
        let start = self.units.len();
        self.chart_caption(caption);

        if width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0 {
            let scale = (f.width() / width).min(f.height() * SHAPES_MAX_SHARE / height);
            let left = f.left + (f.width() - width * scale) / 2.0;
            // Inside the frame even with the outline's half width outside.
            let inset = SHAPES_OUTLINE_W / 2.0;
            let scale = scale * (1.0 - 2.0 * inset / (width * scale).max(1.0));
            let mut u = Unit::new(height * scale + 2.0 * inset + SHAPES_LEGEND_GAP);
            for shape in shapes {
                let rings: Vec<Vec<(f32, f32)>> = shape
                    .rings
                    .iter()
                    .filter(|r| r.len() >= 3)
                    .map(|r| {
                        r.iter()
                            .filter(|[x, y]| x.is_finite() && y.is_finite())
                            .map(|[x, y]| {
                                // Points outside the box are held at its edge.
                                let (x, y) = (x.clamp(0.0, width), y.clamp(0.0, height));
                                (left + inset + x * scale, -(inset + y * scale))
                            })
                            .collect()
                    })
                    .collect();
                if !rings.is_empty() {
                    u.items.push(Item::Polygon {
                        rings,
                        fill: shape.fill,
                        outline: outline.map(|c| (c, SHAPES_OUTLINE_W)),
                    });
                }
            }
            self.push(u);
        }

        // The legend: its title, then each swatch and label, wrapped by line.
        let text_style = Style::new(TABLE_SIZE, TABLE_LEADING, FontFace::Regular, palette::INK);
        let title_style = Style::new(TABLE_SIZE, TABLE_LEADING, FontFace::Bold, palette::INK);
        let mut line = Unit::new(TABLE_LEADING);
        let mut x = f.left;
        let title = metrics::printable(legend_title.trim());
        if !title.is_empty() {
            for (i, part) in wrap_text(&title, FontFace::Bold, TABLE_SIZE, f.width())
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    self.push(std::mem::replace(&mut line, Unit::new(TABLE_LEADING)));
                }
                x = f.left + metrics::text_width_pt(&part, FontFace::Bold, TABLE_SIZE) + ENTRY_GAP;
                line.text(f.left, 0.0, title_style, part);
            }
        }
        for entry in legend {
            let label = metrics::printable(&entry.label);
            let label_w = metrics::text_width_pt(&label, FontFace::Regular, TABLE_SIZE)
                .min(f.width() - SWATCH - SWATCH_GAP);
            let need = SWATCH + SWATCH_GAP + label_w;
            if x > f.left && x + need > f.right {
                self.push(std::mem::replace(&mut line, Unit::new(TABLE_LEADING)));
                x = f.left;
            }
            let top = (TABLE_LEADING - SWATCH) / 2.0;
            // A light fill on white still shows its square: a rule-coloured edge.
            line.rect(x, top, SWATCH, SWATCH, palette::RULE);
            line.rect(x + 0.5, top + 0.5, SWATCH - 1.0, SWATCH - 1.0, entry.fill);
            let text_x = x + SWATCH + SWATCH_GAP;
            let room = f.right - text_x;
            line.text(
                text_x,
                0.0,
                text_style,
                truncate_to_width(&label, FontFace::Regular, TABLE_SIZE, room),
            );
            x = text_x + label_w + ENTRY_GAP;
        }
        if !line.items.is_empty() {
            self.push(line);
        }

        // One page for all of it (it is never taller than one).
        let end = self.units.len();
        if end > start {
            self.units[end - 1].height += BLOCK_GAP;
            for u in &mut self.units[start..end - 1] {
                u.keep_with_next = u.keep_with_next.max(1);
            }
        }
    }
}
