//! Glyph advance widths of the two faces the export draws with (the embedded
//! Plan Local Sans Regular and Bold, see [`super::fonts`]), and the text
//! normalisation that keeps layout and PDF in step.
//!
//! The fonts hold the Windows-1252 ("WinAnsi") repertoire, which covers Spanish.
//! Layout must measure exactly what will be printed, so every string goes through
//! [`to_pdf_text`] first: it maps the characters people commonly type but the
//! fonts lack (NFD accents, Unicode dashes and spaces, Latin Extended-A letters,
//! saltillo) to ones they hold, drops invisible ones, and leaves `?` for the rest.
//!
//! Why a static table: parsing the fonts' `hmtx` at run time would cost time on
//! every export for numbers that never change. The tables hold each glyph's
//! advance in 1/1000 em (advance × 1000 / units-per-em, rounded), indexed by its
//! Windows-1252 byte. They began as Helvetica's (printpdf 0.12.8's built-in
//! data); Liberation Sans is metrically compatible with it and differs only in
//! `€` (556), `¯` (552), `±` and `÷` (549), `µ` (576) and `·` (333), set here to
//! Liberation's. `tests/pdf.rs` recomputes every entry from the embedded fonts
//! and fails on any drift.

/// One of the two faces the export draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FontFace {
    /// Plan Local Sans Regular.
    Regular,
    /// Plan Local Sans Bold.
    Bold,
}

/// The fonts' bounding box (the larger of the two faces, rounded up), in em: how
/// far a glyph can reach below the baseline (as a positive number) and above it.
/// Used to check that text stays on the page; `tests/pdf.rs` checks it against
/// the fonts' `head` tables.
pub const FONT_BBOX_DESCENT: f32 = 0.223;
/// See [`FONT_BBOX_DESCENT`].
pub const FONT_BBOX_ASCENT: f32 = 0.896;

/// The characters of WinAnsiEncoding at 0x80..=0x9F, where it differs from Latin-1.
/// (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned.)
const HIGH: [(u8, char); 27] = [
    (0x80, '\u{20AC}'), // € euro
    (0x82, '\u{201A}'), // ‚ single low-9 quote
    (0x83, '\u{0192}'), // ƒ florin
    (0x84, '\u{201E}'), // „ double low-9 quote
    (0x85, '\u{2026}'), // … ellipsis
    (0x86, '\u{2020}'), // † dagger
    (0x87, '\u{2021}'), // ‡ double dagger
    (0x88, '\u{02C6}'), // ˆ circumflex
    (0x89, '\u{2030}'), // ‰ per mille
    (0x8A, '\u{0160}'), // Š
    (0x8B, '\u{2039}'), // ‹
    (0x8C, '\u{0152}'), // Œ
    (0x8E, '\u{017D}'), // Ž
    (0x91, '\u{2018}'), // ‘
    (0x92, '\u{2019}'), // ’
    (0x93, '\u{201C}'), // “
    (0x94, '\u{201D}'), // ”
    (0x95, '\u{2022}'), // • bullet
    (0x96, '\u{2013}'), // – en dash
    (0x97, '\u{2014}'), // — em dash
    (0x98, '\u{02DC}'), // ˜ small tilde
    (0x99, '\u{2122}'), // ™
    (0x9A, '\u{0161}'), // š
    (0x9B, '\u{203A}'), // ›
    (0x9C, '\u{0153}'), // œ
    (0x9E, '\u{017E}'), // ž
    (0x9F, '\u{0178}'), // Ÿ
];

/// The Windows-1252 byte of `c` (0x20..=0x7E, 0xA0..=0xFF and the 27 characters
/// above), or `None` when the set lacks it (and the fonts with it).
pub fn win_ansi_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        cp @ (0x20..=0x7E | 0xA0..=0xFF) => u8::try_from(cp).ok(),
        _ => HIGH.iter().find(|(_, h)| *h == c).map(|(b, _)| *b),
    }
}

/// The character a WinAnsi byte stands for, or `None` for control codes and the
/// unassigned bytes.
pub fn win_ansi_char(byte: u8) -> Option<char> {
    match byte {
        0x20..=0x7E | 0xA0..=0xFF => Some(char::from(byte)),
        _ => HIGH.iter().find(|(b, _)| *b == byte).map(|(_, c)| *c),
    }
}

/// Every character the embedded fonts can print, in byte order.
pub fn win_ansi_chars() -> impl Iterator<Item = char> {
    (0u8..=255).filter_map(win_ansi_char)
}

/// Advance width of `c` in 1/1000 em, or `None` when WinAnsi cannot encode it.
pub fn glyph_width(c: char, face: FontFace) -> Option<u16> {
    let byte = win_ansi_byte(c)?;
    let table = match face {
        FontFace::Regular => &REGULAR,
        FontFace::Bold => &BOLD,
    };
    Some(table[usize::from(byte)])
}

/// Advance width of `c` as printed, in 1/1000 em: a character outside the fonts
/// is printed as `?` (after [`to_pdf_text`]), so it measures as `?`.
pub fn char_width(c: char, face: FontFace) -> u16 {
    glyph_width(c, face)
        .or_else(|| glyph_width('?', face))
        .unwrap_or(556)
}

/// Width of `text` as printed, in 1/1000 em (integer, so sums are exact).
pub fn text_width_units(text: &str, face: FontFace) -> u32 {
    text.chars().map(|c| u32::from(char_width(c, face))).sum()
}

/// Width of `text` in points when set in `face` at `size_pt`.
pub fn text_width_pt(text: &str, face: FontFace, size_pt: f32) -> f32 {
    units_to_pt(text_width_units(text, face), size_pt)
}

/// Converts a width in 1/1000 em to points at `size_pt`.
pub fn units_to_pt(units: u32, size_pt: f32) -> f32 {
    // Widths stay far below 2^24 for any text the app holds, so the conversion to
    // f32 is exact; only the final scaling rounds.
    units as f32 * size_pt / 1000.0
}

/// The text as it will be printed with the embedded fonts, on one line.
///
/// - Letters with a combining accent (decomposed, as some systems type them) are
///   composed: `a` + U+0301 becomes `á`. Other combining marks are dropped.
/// - Line breaks, tabs and Unicode spaces become a space (U+202F and U+2007 a
///   no-break space); zero-width characters and the soft hyphen are dropped.
/// - Unicode hyphens and the minus sign become `-`, the horizontal bar `—`,
///   primes and the saltillo (U+A78C) an apostrophe.
/// - Latin Extended-A letters WinAnsi lacks lose their accent (`ł` → `l`, `ő` → `o`).
/// - Anything else the fonts lack becomes `?`.
///
/// The result contains only characters for which [`glyph_width`] is `Some`.
pub fn to_pdf_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_combining_mark(c) {
            if let Some(composed) = out.chars().next_back().and_then(|base| compose(base, c)) {
                out.pop();
                out.push(composed);
            }
            continue;
        }
        if win_ansi_byte(c).is_some() && c != '\u{AD}' {
            out.push(c);
            continue;
        }
        match c {
            '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{2007}' | '\u{202F}' => out.push('\u{A0}'),
            '\t'
            | '\n'
            | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{85}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{205F}'
            | '\u{3000}' => out.push(' '),
            '\u{2010}'..='\u{2012}' | '\u{2043}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => {
                out.push('-')
            }
            '\u{2015}' => out.push('\u{2014}'),
            '\u{2032}' | '\u{02B9}' | '\u{A78B}' | '\u{A78C}' => out.push('\''),
            '\u{2033}' => out.push('"'),
            '\u{02BC}' => out.push('\u{2019}'),
            '\u{02BB}' | '\u{201B}' => out.push('\u{2018}'),
            '\u{201F}' => out.push('\u{201C}'),
            '\u{2024}' => out.push('.'),
            '\u{2027}' => out.push('\u{B7}'),
            c if c.is_control() => {}
            c => out.push(latin_base(c).unwrap_or('?')),
        }
    }
    out
}

/// True for the combining diacritical marks block (U+0300..=U+036F).
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Precomposed letters WinAnsi can print, as (letter, base, combining mark).
#[rustfmt::skip]
const COMPOSITIONS: &[(char, char, char)] = &[
    ('À', 'A', '\u{300}'), ('Á', 'A', '\u{301}'), ('Â', 'A', '\u{302}'), ('Ã', 'A', '\u{303}'),
    ('Ä', 'A', '\u{308}'), ('Å', 'A', '\u{30A}'), ('Ç', 'C', '\u{327}'), ('È', 'E', '\u{300}'),
    ('É', 'E', '\u{301}'), ('Ê', 'E', '\u{302}'), ('Ë', 'E', '\u{308}'), ('Ì', 'I', '\u{300}'),
    ('Í', 'I', '\u{301}'), ('Î', 'I', '\u{302}'), ('Ï', 'I', '\u{308}'), ('Ñ', 'N', '\u{303}'),
    ('Ò', 'O', '\u{300}'), ('Ó', 'O', '\u{301}'), ('Ô', 'O', '\u{302}'), ('Õ', 'O', '\u{303}'),
    ('Ö', 'O', '\u{308}'), ('Ù', 'U', '\u{300}'), ('Ú', 'U', '\u{301}'), ('Û', 'U', '\u{302}'),
    ('Ü', 'U', '\u{308}'), ('Ý', 'Y', '\u{301}'), ('Ÿ', 'Y', '\u{308}'), ('Š', 'S', '\u{30C}'),
    ('Ž', 'Z', '\u{30C}'),
    ('à', 'a', '\u{300}'), ('á', 'a', '\u{301}'), ('â', 'a', '\u{302}'), ('ã', 'a', '\u{303}'),
    ('ä', 'a', '\u{308}'), ('å', 'a', '\u{30A}'), ('ç', 'c', '\u{327}'), ('è', 'e', '\u{300}'),
    ('é', 'e', '\u{301}'), ('ê', 'e', '\u{302}'), ('ë', 'e', '\u{308}'), ('ì', 'i', '\u{300}'),
    ('í', 'i', '\u{301}'), ('î', 'i', '\u{302}'), ('ï', 'i', '\u{308}'), ('ñ', 'n', '\u{303}'),
    ('ò', 'o', '\u{300}'), ('ó', 'o', '\u{301}'), ('ô', 'o', '\u{302}'), ('õ', 'o', '\u{303}'),
    ('ö', 'o', '\u{308}'), ('ù', 'u', '\u{300}'), ('ú', 'u', '\u{301}'), ('û', 'u', '\u{302}'),
    ('ü', 'u', '\u{308}'), ('ý', 'y', '\u{301}'), ('ÿ', 'y', '\u{308}'), ('š', 's', '\u{30C}'),
    ('ž', 'z', '\u{30C}'),
];

/// `base` + combining `mark` as one printable letter, when WinAnsi has it.
fn compose(base: char, mark: char) -> Option<char> {
    COMPOSITIONS
        .iter()
        .find(|(_, b, m)| *b == base && *m == mark)
        .map(|(c, _, _)| *c)
}

/// Base letters of U+0100..=U+017F (Latin Extended-A), in code point order.
const LATIN_EXTENDED_A_BASE: &str = concat!(
    "AaAaAaCcCcCcCcDd", // U+0100
    "DdEeEeEeEeEeGgGg", // U+0110
    "GgGgHhHhIiIiIiIi", // U+0120
    "IiIiJjKkkLlLlLlL", // U+0130
    "lLlNnNnNnnNnOoOo", // U+0140
    "OoOoRrRrRrSsSsSs", // U+0150
    "SsTtTtTtUuUuUuUu", // U+0160
    "UuUuWwYyYZzZzZzs", // U+0170
);

/// The unaccented ASCII letter under an accented Latin letter (Latin-1 and Latin
/// Extended-A), e.g. `á` → `a`, `ł` → `l`. `None` for anything else, including
/// letters with no single-letter base (`Æ`, `ß`, `Þ`).
pub(crate) fn latin_base(c: char) -> Option<char> {
    if let Some((_, base, _)) = COMPOSITIONS.iter().find(|(l, _, _)| *l == c) {
        return Some(*base);
    }
    match c {
        'Ø' => return Some('O'),
        'ø' => return Some('o'),
        'Ð' => return Some('D'),
        'ð' => return Some('d'),
        _ => {}
    }
    let offset = u32::from(c).checked_sub(0x100)?;
    LATIN_EXTENDED_A_BASE
        .chars()
        .nth(usize::try_from(offset).ok()?)
}

// Advance × 1000 / units-per-em, rounded, of the embedded fonts (see the module
// docs), indexed by Windows-1252 byte; 0 where the byte is unassigned.
// `tests/pdf.rs::metrics_table_matches_the_embedded_fonts` guards these numbers.
#[rustfmt::skip]
const REGULAR: [u16; 256] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x00
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x10
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0x30
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 0x50
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 0x60
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, // 0x70
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 552, // 0xA0
    400, 549, 333, 333, 333, 576, 537, 333, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    556, 556, 556, 556, 556, 556, 556, 549, 611, 556, 556, 556, 556, 500, 556, 500, // 0xF0
];
#[rustfmt::skip]
const BOLD: [u16; 256] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x00
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x10
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0x30
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 0x50
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 0x60
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, // 0x70
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 552, // 0xA0
    400, 549, 333, 333, 333, 576, 556, 333, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    611, 611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611, 611, 556, 611, 556, // 0xF0
];
