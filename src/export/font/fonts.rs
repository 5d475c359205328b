//! The two faces the export draws with, embedded in every PDF: Plan Local Sans
//! Regular and Bold, a subset of Liberation Sans 2.1.5 (SIL Open Font License 1.1;
//! `assets/fonts/`, made by `scripts/subset-fonts.sh`).
//!
//! Liberation Sans is metrically compatible with Helvetica and Arial, so the
//! width tables in [`super::metrics`] (which began as Helvetica's) measure exactly
//! what these fonts draw; `tests/pdf.rs` checks every glyph. The subset holds the
//! Windows-1252 repertoire, the characters [`super::metrics::to_pdf_text`] can
//! leave in a string. An HTML print view can use the same files (`@font-face`)
//! so both renderings share their metrics.

use super::metrics::FontFace;

/// Plan Local Sans Regular (TrueType, about 19 KB).
pub const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/PlanLocalSans-Regular.ttf");

/// Plan Local Sans Bold (TrueType, about 19 KB).
pub const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/PlanLocalSans-Bold.ttf");

/// The family name in the fonts' name table.
pub const FAMILY: &str = "Plan Local Sans";

/// The typeface's credit, as the exported plan prints it under "Fuentes de datos".
pub const FONT_CREDIT: &str = "Plan Local Sans, un subconjunto de Liberation Sans 2.1.5 (Red Hat, Inc.; basada en Arimo, de Google), con licencia SIL Open Font License 1.1.";

/// The font program of `face`.
pub fn ttf(face: FontFace) -> &'static [u8] {
    match face {
        FontFace::Regular => REGULAR_TTF,
        FontFace::Bold => BOLD_TTF,
    }
}

/// The PostScript name of `face` ("PlanLocalSans-Bold"), as PDF readers list it.
pub fn postscript_name(face: FontFace) -> &'static str {
    match face {
        FontFace::Regular => "PlanLocalSans-Regular",
        FontFace::Bold => "PlanLocalSans-Bold",
    }
}
