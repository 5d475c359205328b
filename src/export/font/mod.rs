//! The typeface the export draws with: its font files ([`fonts`]) and its glyph
//! metrics ([`metrics`]), shared by the layout, the PDF writer and the print
//! view so that all three measure the same text alike.

pub mod fonts;
pub mod metrics;
