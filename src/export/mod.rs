//! Export: turns a plan into files people keep, print and share.
//!
//! Three floors, each importing only those below it:
//! - [`content`]: what each document says (the export-document model, the plan,
//!   the readiness report, the check-your-answers summary), independent of any
//!   format;
//! - [`layout`](mod@layout): blocks to positioned pages (one file per block kind),
//!   measured with the typeface of [`font`] (its files and metrics, shared with
//!   the print view);
//! - `pdf`: the PDF file (printpdf, the embedded faces, the attached draft),
//!   behind the `pdf` cargo feature: the app's first-load binary is built
//!   without it, and the PDF worker binary (`src/bin/pdf_worker.rs`) with it.
//!
//! [`job`] sits on top: the PDF worker's request and errors.
//!
//! The pipeline: `Plan` → [`plan_document()`] → [`Document`] → [`layout()`] →
//! [`Laid`] pages → `render_pdf` → PDF bytes. The print view (`/plan/imprimir`,
//! `src/ui/print.rs`) renders the same [`Document`] as HTML. Reading a draft
//! back out of a PDF is the file format's job (`persistence::pdf_draft`).
//! Native tests and benches always have the `pdf` feature (a dev-dependency
//! switches it on).

pub mod content;
pub mod font;
pub mod job;
pub mod layout;
#[cfg(feature = "pdf")]
pub mod pdf;

pub use content::document::{Bar, Block, Document, Field, Meta, Rgb, TitleBlock};
pub use content::plan_document::{file_stem, plan_document};
pub use content::progress_document::progress_document;
pub use content::readiness_document::readiness_document;
pub use content::{document, ficha, plan_document, plan_sections, readiness_document};
pub use content::{ogp, sources, summary, timeline, unprintable};
pub use content::{progress_csv, progress_document};
pub use font::metrics::{text_width_pt, FontFace};
pub use font::{fonts, metrics};
pub use layout::{layout, Item, Laid, LaidHeading, LaidPage, PageSize};
#[cfg(feature = "pdf")]
pub use pdf::{pdf_file_name, plan_pdf, plan_pdf_with_draft, readiness_pdf, render_pdf, PdfError};
