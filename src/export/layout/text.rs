//! Text measuring: wrapping to a width and truncating with "…".

use crate::export::font::metrics::{self, FontFace};

/// Splits `text` into lines no wider than `max_width_pt` when set in `face` at
/// `size_pt`. The text goes through [`metrics::printable`]; `\n` forces a
/// line break, runs of spaces collapse, and a word longer than a line is broken by
/// character (after its last `-` or `/` that fits, when there is one). Each line
/// is at least one character, so a width narrower than one character still
/// terminates (such a line is then wider than asked; the layout never asks for
/// widths that narrow). An empty text gives no lines.
pub fn wrap_text(text: &str, face: FontFace, size_pt: f32, max_width_pt: f32) -> Vec<String> {
    let max_units = width_to_units(max_width_pt, size_pt);
    let space = u32::from(metrics::char_width(' ', face));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = metrics::printable(paragraph);
        let mut line = String::new();
        let mut line_units = 0u32;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_units = metrics::text_width_units(word, face);
            if !line.is_empty() && line_units + space + word_units <= max_units {
                line.push(' ');
                line.push_str(word);
                line_units += space + word_units;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_units <= max_units {
                line.push_str(word);
                line_units = word_units;
                continue;
            }
            // An over-long word: emit full-width pieces, keep the tail on the line.
            let mut rest = word;
            loop {
                let units = metrics::text_width_units(rest, face);
                if units <= max_units {
                    line.push_str(rest);
                    line_units = units;
                    break;
                }
                let cut = break_point(rest, face, max_units);
                let (head, tail) = rest.split_at(cut);
                lines.push(head.to_owned());
                rest = tail;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Byte index at which to break an over-long word: after the last `-`, `/` or `@`
/// within the longest prefix that fits, else at the end of that prefix; at least
/// one character.
pub(super) fn break_point(word: &str, face: FontFace, max_units: u32) -> usize {
    let mut units = 0u32;
    let mut fit_end = 0usize;
    let mut soft_end = None;
    for (i, c) in word.char_indices() {
        units += u32::from(metrics::char_width(c, face));
        if units > max_units {
            break;
        }
        fit_end = i + c.len_utf8();
        if matches!(c, '-' | '/' | '@') && fit_end < word.len() {
            soft_end = Some(fit_end);
        }
    }
    if fit_end == 0 {
        // Not even one character fits: take one anyway so wrapping terminates.
        return word.chars().next().map_or(word.len(), char::len_utf8);
    }
    soft_end.unwrap_or(fit_end)
}

/// The largest width in 1/1000 em that stays within `width_pt` at `size_pt`.
pub(super) fn width_to_units(width_pt: f32, size_pt: f32) -> u32 {
    if size_pt <= 0.0 || width_pt <= 0.0 {
        return 0;
    }
    // Float to int `as` saturates; widths are small positive numbers here.
    (width_pt * 1000.0 / size_pt).floor() as u32
}

/// `text` cut to fit `max_width_pt`, ending in "…" when cut.
pub fn truncate_to_width(text: &str, face: FontFace, size_pt: f32, max_width_pt: f32) -> String {
    let text = metrics::printable(text);
    let text = text.trim();
    let max_units = width_to_units(max_width_pt, size_pt);
    if metrics::text_width_units(text, face) <= max_units {
        return text.to_owned();
    }
    let ellipsis = u32::from(metrics::char_width('…', face));
    let mut out = String::new();
    let mut units = ellipsis;
    for c in text.chars() {
        let w = u32::from(metrics::char_width(c, face));
        if units + w > max_units {
            break;
        }
        units += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_owned();
    if units <= max_units {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(lines: &[String], face: FontFace, size: f32) -> f32 {
        lines
            .iter()
            .map(|l| metrics::text_width_pt(l, face, size))
            .fold(0.0, f32::max)
    }

    #[test]
    fn wrapped_lines_never_exceed_the_width() {
        // (text, what the lines hold, spaces aside: written out by hand).
        let texts = [
            (
                "Plan de Acción Local de Gobierno Abierto 2025-2027 — Año de la ñandú",
                "Plan de Acción Local de Gobierno Abierto 2025-2027 — Año de la ñandú",
            ),
            (
                "¿Cómo contribuirá a resolver la problemática? ¡Mucho! «Sí» — ÁÉÍÓÚ ÑÜ",
                "¿Cómo contribuirá a resolver la problemática? ¡Mucho! «Sí» — ÁÉÍÓÚ ÑÜ",
            ),
            (
                "https://www.ejemplo.gob.mx/transparencia/datos-abiertos/compromisos/2025/ficha-13.pdf",
                "https://www.ejemplo.gob.mx/transparencia/datos-abiertos/compromisos/2025/ficha-13.pdf",
            ),
            (
                "Supercalifragilisticoespialidoso-y-otras-palabras-larguísimas-sin-espacios-0123456789",
                "Supercalifragilisticoespialidoso-y-otras-palabras-larguísimas-sin-espacios-0123456789",
            ),
            (
                "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
                "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
            ),
            // Accents typed as combining marks stay as typed (the PDF draws
            // the precomposed glyph and keeps the typed text for extraction).
            (
                "a\u{301} e\u{301} n\u{303} “comillas” ‘simples’ … • € ™",
                "a\u{301} e\u{301} n\u{303} “comillas” ‘simples’ … • € ™",
            ),
            // What the fonts hold, as typed; what they lack becomes U+FFFD.
            ("≥ → CO₂ Kɨ ꞌ Ω ł ő", "≥ → CO₂ Kɨ ꞌ Ω ł ő"),
            ("😀 中文", "\u{FFFD} \u{FFFD}\u{FFFD}"),
            (
                "línea uno\nlínea dos\n\nlínea cuatro",
                "línea uno línea dos línea cuatro",
            ),
        ];
        for (text, printed) in texts {
            let expected: String = printed.split_whitespace().collect();
            // Only a width narrower than some character may overflow.
            let widest_char = |face, size| {
                printed
                    .chars()
                    .map(|c| metrics::text_width_pt(&c.to_string(), face, size))
                    .fold(0.0, f32::max)
            };
            for face in [FontFace::Regular, FontFace::Bold] {
                for size in [7.0, 9.0, 10.0, 13.5, 20.0] {
                    for width in [12.0, 30.0, 57.3, 100.0, 180.5, 333.3, 498.6] {
                        let lines = wrap_text(text, face, size, width);
                        if width >= widest_char(face, size) {
                            assert!(
                                widest(&lines, face, size) <= width + 0.001,
                                "{text:?} at {size} pt in {width} pt: {lines:?}"
                            );
                        }
                        // Nothing is lost but spaces; only what the fonts
                        // cannot draw (the emoji, the two Chinese characters)
                        // becomes U+FFFD, one each.
                        let joined: String = lines.concat().split_whitespace().collect();
                        assert_eq!(joined, expected, "{text:?} at {size} pt in {width} pt");
                    }
                }
            }
        }
    }

    #[test]
    fn long_words_break_after_a_hyphen_when_one_fits() {
        let lines = wrap_text("aaaaaaaaaa-bbbbbbbbbb", FontFace::Regular, 10.0, 80.0);
        assert_eq!(lines[0], "aaaaaaaaaa-");
    }

    #[test]
    fn truncation_fits_and_marks_the_cut() {
        let long = "Plan de Acción Local de Gobierno Abierto ".repeat(20);
        let t = truncate_to_width(&long, FontFace::Bold, 8.0, 200.0);
        assert!(t.ends_with('…'));
        assert!(metrics::text_width_pt(&t, FontFace::Bold, 8.0) <= 200.0);
        assert_eq!(
            truncate_to_width("Corto", FontFace::Bold, 8.0, 200.0),
            "Corto"
        );
    }
}
