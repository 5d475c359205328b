//! The two faces the export draws with, embedded in every PDF: Plan Local Sans
//! Regular and Bold (SIL Open Font License 1.1; `assets/fonts/`, made by
//! `scripts/subset-fonts.sh`): Liberation Sans 2.1.5 reduced to the repertoire
//! the app promises (Latin with its extensions and the letters of Mexican
//! orthographies, combining accents, Greek, punctuation, super- and subscripts,
//! currency, arrows, mathematical operators), with the few glyphs it lacks, the
//! replacement character U+FFFD among them, taken from Noto Sans.
//!
//! Liberation Sans is metrically compatible with Helvetica and Arial, so Spanish
//! text measures as it always has. The width tables in [`super::metrics`] are
//! generated from these files by `build.rs`. Each PDF embeds only the glyphs it
//! uses (`export::pdf::subset`); the print view loads the same glyphs as WOFF2
//! (`@font-face` in `style/print.css`), so both renderings share their metrics.

use super::metrics::FontFace;

/// Plan Local Sans Regular (TrueType, about 90 KB; only the PDF worker links it).
pub const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/PlanLocalSans-Regular.ttf");

/// Plan Local Sans Bold (TrueType, about 90 KB; only the PDF worker links it).
pub const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/PlanLocalSans-Bold.ttf");

/// The family name in the fonts' name table.
pub const FAMILY: &str = "Plan Local Sans";

/// The typeface's credit, as the exported plan prints it under "Fuentes de datos".
pub const FONT_CREDIT: &str = "Plan Local Sans, un subconjunto de Liberation Sans 2.1.5 (Red Hat, Inc.; basada en Arimo, de Google) con algunos caracteres de Noto Sans (Google), con licencia SIL Open Font License 1.1.";

/// The font program of `face`.
pub fn ttf(face: FontFace) -> &'static [u8] {
    match face {
        FontFace::Regular => REGULAR_TTF,
        FontFace::Bold => BOLD_TTF,
    }
}

/// The PostScript name of `face` ("PlanLocalSans-Bold"), as PDF readers list it
/// (after the subset tag).
pub fn postscript_name(face: FontFace) -> &'static str {
    match face {
        FontFace::Regular => "PlanLocalSans-Regular",
        FontFace::Bold => "PlanLocalSans-Bold",
    }
}
