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

/// Plan Local Sans Regular (TrueType, about 90 KB). In the browser the PDF
/// worker does not carry it: the page fetches the file beside index.html and
/// hands it over ([`provide`]), so a new version of the app does not download
/// it again.
#[cfg(not(target_arch = "wasm32"))]
pub const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/PlanLocalSans-Regular.ttf");

/// Plan Local Sans Bold (TrueType, about 90 KB), as [`REGULAR_TTF`].
#[cfg(not(target_arch = "wasm32"))]
pub const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/PlanLocalSans-Bold.ttf");

/// The file of `face` as the build serves it, beside index.html (index.html
/// copies `assets/fonts/`; the service worker keeps it for offline use).
pub fn file_name(face: FontFace) -> &'static str {
    match face {
        FontFace::Regular => "PlanLocalSans-Regular.ttf",
        FontFace::Bold => "PlanLocalSans-Bold.ttf",
    }
}

/// Whether `bytes` are exactly the font file of `face` this build was made
/// with (its length and FNV-1a hash, written by `build.rs`): a font file from
/// another version would draw the wrong glyphs for the layout's glyph ids.
#[cfg(feature = "pdf")]
pub fn is_file_of(face: FontFace, bytes: &[u8]) -> bool {
    let (len, expected) = super::metrics::FONT_FILES[face.index()];
    bytes.len() == len && fnv1a(bytes.iter().copied()) == expected
}

/// FNV-1a, 64 bits, of `bytes` (the font files' check, and the subset tag in
/// `export::pdf::subset`; `build.rs` computes the files' hashes alike).
#[cfg(feature = "pdf")]
pub(crate) fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(all(target_arch = "wasm32", feature = "pdf"))]
static PROVIDED: [std::sync::OnceLock<Vec<u8>>; 2] =
    [std::sync::OnceLock::new(), std::sync::OnceLock::new()];

/// Keeps the font file of `face` that the page sent the PDF worker, if it is
/// this build's ([`is_file_of`]); false when it is not (or was given already).
#[cfg(all(target_arch = "wasm32", feature = "pdf"))]
pub fn provide(face: FontFace, bytes: Vec<u8>) -> bool {
    is_file_of(face, &bytes) && PROVIDED[face.index()].set(bytes).is_ok()
}

/// The font program of `face` (in the browser, once [`provide`]d; empty
/// before, so the PDF writer reports the font as unreadable).
#[cfg(feature = "pdf")]
pub fn ttf(face: FontFace) -> &'static [u8] {
    #[cfg(target_arch = "wasm32")]
    {
        PROVIDED[face.index()].get().map_or(&[], Vec::as_slice)
    }
    #[cfg(not(target_arch = "wasm32"))]
    match face {
        FontFace::Regular => REGULAR_TTF,
        FontFace::Bold => BOLD_TTF,
    }
}

/// The family name in the fonts' name table.
pub const FAMILY: &str = "Plan Local Sans";

/// The typeface's credit, as the exported plan prints it under "Fuentes de datos".
pub const FONT_CREDIT: &str = "Plan Local Sans, un subconjunto de Liberation Sans 2.1.5 (Red Hat, Inc.; basada en Arimo, de Google) con algunos caracteres de Noto Sans (Google), con licencia SIL Open Font License 1.1.";

/// The PostScript name of `face` ("PlanLocalSans-Bold"), as PDF readers list it
/// (after the subset tag).
pub fn postscript_name(face: FontFace) -> &'static str {
    match face {
        FontFace::Regular => "PlanLocalSans-Regular",
        FontFace::Bold => "PlanLocalSans-Bold",
    }
}
