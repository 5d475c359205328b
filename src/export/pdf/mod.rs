//! The PDF file (only with the `pdf` feature, in the PDF worker, tests and
//! benches): [`render`] draws laid-out pages with printpdf and the embedded
//! faces, [`subset`] reduces those faces to the glyphs a document uses, and
//! [`attach`] adds the draft as an embedded `borrador.json`.

pub mod attach;
pub mod render;
pub mod subset;

pub use attach::{attach_draft, EmbedError};
pub use render::{
    pdf_file_name, plan_pdf, plan_pdf_with_draft, readiness_pdf, render_laid, render_pdf, PdfError,
};
