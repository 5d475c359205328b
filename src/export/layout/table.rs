//! Tables: column widths from the content, rows kept whole or split between lines, the header repeated.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::font::metrics::{self, FontFace};

impl Builder {
    pub(super) fn table(&mut self, caption: &str, columns: &[String], rows: &[Vec<String>]) {
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

/// Cell `c` of a row, empty when the row is short.
pub(super) fn cell_text(row: &[String], c: usize) -> &str {
    row.get(c).map_or("", String::as_str)
}

/// Column widths that fill `total`: each column gets at least its longest word
/// (capped) and the rest is shared in proportion to how much more each column
/// would need to show its longest cell on one line (the automatic table layout
/// of browsers, simplified).
pub(super) fn column_widths(
    columns: &[String],
    rows: &[Vec<String>],
    ncols: usize,
    total: f32,
) -> Vec<f32> {
    let pad = 2.0 * CELL_PAD_X;
    let mut min = vec![0.0f32; ncols];
    let mut max = vec![0.0f32; ncols];
    let mut measure = |c: usize, text: &str, face: FontFace| {
        for para in text.split('\n') {
            let para = metrics::printable(para);
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
        // Too narrow for every longest word: the widest columns give way
        // first (down to a common width), so a long address breaks rather
        // than every short word ("Avance", "Sustancial") in every column.
        return give_way(&min, total);
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

/// Widths of at most `want[c]` each that add up to `total` (less than the sum
/// of `want`): every column wider than a common width `t` is cut to `t`, the
/// others keep what they want.
fn give_way(want: &[f32], total: f32) -> Vec<f32> {
    let mut sorted = want.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    // With the k widest cut to t: t = (total - Σ the others) / k, valid when
    // it is at least the next width.
    let mut rest: f32 = sorted.iter().sum();
    let mut t = total / want.len().max(1) as f32;
    for (k, w) in sorted.iter().enumerate() {
        rest -= w;
        let cut = (total - rest) / (k + 1) as f32;
        let next = sorted.get(k + 1).copied().unwrap_or(0.0);
        if cut >= next {
            t = cut;
            break;
        }
    }
    want.iter().map(|w| w.min(t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widest_columns_give_way_first() {
        let widths = give_way(&[300.0, 60.0, 50.0, 40.0], 300.0);
        assert_eq!(widths, vec![150.0, 60.0, 50.0, 40.0]);
        let widths = give_way(&[200.0, 200.0, 50.0], 300.0);
        assert_eq!(widths, vec![125.0, 125.0, 50.0]);
        let sum: f32 = give_way(&[90.0, 80.0, 70.0], 120.0).iter().sum();
        assert!((sum - 120.0).abs() < 0.01);
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
