//! The fonts as each PDF embeds them: only the glyphs its text uses.
//!
//! The embedded Plan Local Sans faces cover about 1,400 characters (about 90 KB
//! each); a plan in plain Spanish uses a hundred or so. printpdf subsets only
//! with its heavy `text_layout` feature, so the subset is made here with the
//! `subsetter` crate, and printpdf is handed a font that is already the subset:
//! its glyphs renumbered from 1, its character map (used for the content
//! stream's glyph ids and the ToUnicode map that text extraction reads) built
//! from the layout's glyph table, and its widths in 1/1000 em exactly as the
//! layout measured them (so the PDF's `/W` array equals the layout's
//! measurements, with no rounding between them).
//!
//! The font's PostScript name carries the six-letter subset tag that the PDF
//! specification asks for ("ABCDEF+PlanLocalSans-Regular", ISO 32000-1 9.6.4),
//! derived from the glyphs used, so the same plan always gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::render::PdfError;
use crate::export::font::fonts;
use crate::export::font::metrics::{self, FontFace};

/// `face` reduced to the glyphs of `chars` (characters the fonts cover; any other
/// is drawn as [`metrics::REPLACEMENT`]), ready for printpdf.
pub fn subset_font(face: FontFace, chars: &BTreeSet<char>) -> Result<ParsedFont, PdfError> {
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut codepoint_to_glyph = BTreeMap::new();
    let mut glyph_widths = BTreeMap::new();
    for &c in chars {
        let c = if metrics::covers(c) {
            c
        } else {
            metrics::REPLACEMENT
        };
        let (Some(gid), Some(width)) = (metrics::glyph_id(c, face), metrics::glyph_width(c, face))
        else {
            return Err(PdfError::Content(format!(
                "{} has no glyph for U+{:04X}",
                fonts::postscript_name(face),
                u32::from(c)
            )));
        };
        let new = remapper.remap(gid);
        codepoint_to_glyph.insert(u32::from(c), new);
        glyph_widths.insert(new, width);
    }
    let program = subsetter::subset(fonts::ttf(face), 0, &remapper).map_err(|e| {
        PdfError::Content(format!(
            "{} could not be subset: {e}",
            fonts::postscript_name(face)
        ))
    })?;

    let mut font = template(face)?.clone();
    font.original_bytes = program;
    font.codepoint_to_glyph = codepoint_to_glyph;
    font.font_name = Some(format!(
        "{}+{}",
        subset_tag(face, chars),
        fonts::postscript_name(face)
    ));
    font.glyph_widths = glyph_widths;
    Ok(font)
}

/// The face as printpdf parsed it (bounding box, ascent, weight, italic angle),
/// with every measure in 1/1000 em and without its glyph tables: the part of a
/// subset that does not depend on the document. Parsed once per process.
fn template(face: FontFace) -> Result<&'static ParsedFont, PdfError> {
    static TEMPLATES: OnceLock<[Option<ParsedFont>; 2]> = OnceLock::new();
    let templates = TEMPLATES.get_or_init(|| [FontFace::Regular, FontFace::Bold].map(parse));
    templates[face.index()].as_ref().ok_or_else(|| {
        PdfError::Content(format!(
            "the embedded font {} could not be read",
            fonts::postscript_name(face)
        ))
    })
}

fn parse(face: FontFace) -> Option<ParsedFont> {
    let mut font = ParsedFont::from_bytes(fonts::ttf(face), 0, &mut Vec::new())?;
    let upem = i32::from(font.units_per_em.max(1));
    let em = |v: i16| -> i16 {
        // |v| < 2^15 and upem ≥ 16, so the result fits an i16.
        i16::try_from(i32::from(v) * 1000 / upem).unwrap_or(v)
    };
    let m = &mut font.pdf_font_metrics;
    (m.x_min, m.y_min, m.x_max, m.y_max) = (em(m.x_min), em(m.y_min), em(m.x_max), em(m.y_max));
    m.units_per_em = 1000;
    font.font_metrics.ascent = em(font.font_metrics.ascent);
    font.font_metrics.descent = em(font.font_metrics.descent);
    font.units_per_em = 1000;
    font.original_bytes = Vec::new();
    font.codepoint_to_glyph = BTreeMap::new();
    font.glyph_widths = BTreeMap::new();
    Some(font)
}

/// Six capital letters from a hash (FNV-1a) of the face and the characters.
fn subset_tag(face: FontFace, chars: &BTreeSet<char>) -> String {
    let hash = fonts::fnv1a(
        std::iter::once(face.index() as u8)
            .chain(chars.iter().flat_map(|c| u32::from(*c).to_le_bytes())),
    );
    (0..6)
        .map(|i| {
            let letter = (hash >> (i * 8)) % 26;
            char::from(b'A' + u8::try_from(letter).unwrap_or(0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_six_capitals_that_follow_the_glyph_set() {
        let a: BTreeSet<char> = "Plan".chars().collect();
        let b: BTreeSet<char> = "Plan≥".chars().collect();
        let tag = subset_tag(FontFace::Regular, &a);
        assert_eq!(tag.len(), 6);
        assert!(tag.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(tag, subset_tag(FontFace::Regular, &a));
        assert_ne!(tag, subset_tag(FontFace::Regular, &b));
        assert_ne!(tag, subset_tag(FontFace::Bold, &a));
    }
}
