//! Export: turns a plan into files people keep, print and share.
//!
//! Owns the export-document model ([`document`], independent of any format), its
//! construction from the plan ([`mod@plan_document`]), the built-in font metrics
//! ([`metrics`]), the pure page layout ([`mod@layout`]) and the PDF rendering
//! (`pdf`), plus the plan's file names. Everything here is pure Rust (no
//! browser APIs), runs natively and in wasm, and is tested with `cargo test`
//! (`tests/pdf.rs` checks the PDF bytes with poppler and qpdf).
//!
//! The pipeline: `Plan` → [`plan_document()`] → [`Document`] → [`layout()`] →
//! [`Laid`] pages → `render_pdf` → PDF bytes. The print view (`/plan/imprimir`,
//! `src/ui/print.rs`) renders the same [`Document`] as HTML.
//!
//! The PDF renderer (`pdf`, printpdf) is behind the `pdf` cargo feature:
//! the app's first-load binary is built without it, and the PDF worker binary
//! (`src/bin/pdf_worker.rs`) with it; the app sends the worker a [`job::Job`].
//! Native tests and benches always have it (a dev-dependency switches it on).

pub mod document;
pub mod embed;
pub mod ficha;
pub mod fonts;
pub mod job;
pub mod layout;
pub mod metrics;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod plan_document;
pub mod plan_sections;
pub mod readiness_document;
pub mod sources;
pub mod summary;
pub mod timeline;

pub use document::{Bar, Block, Document, Field, Meta, Rgb, TitleBlock};
pub use embed::{attach_draft, extract_draft, EmbedError, ExtractError};
pub use layout::{layout, Item, Laid, LaidHeading, LaidPage, PageSize};
pub use metrics::{text_width_pt, FontFace};
#[cfg(feature = "pdf")]
pub use pdf::{pdf_file_name, plan_pdf, plan_pdf_with_draft, render_pdf, PdfError};
pub use plan_document::{file_stem, plan_document};
pub use readiness_document::readiness_document;
#[cfg(feature = "pdf")]
pub use readiness_document::readiness_pdf;
