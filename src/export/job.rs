//! An export job: what the app asks the PDF worker for, and what can go wrong.
//!
//! The PDF engine (printpdf) is not part of the app's first-load binary: it
//! lives in a second binary (`src/bin/pdf_worker.rs`, built with the `pdf`
//! feature) that runs as a Web Worker, fetched on the first export. The app
//! sends a [`Job`] as JSON (the draft, so that the plan's PDF can carry it for
//! «Abrir un borrador»); the worker answers with the PDF bytes, or with the
//! laid-out pages as JSON ([`Output::Layout`], used by the benchmark to let
//! another PDF library draw the very same layout), or with a [`JobError`].
//!
//! Everything here is pure and runs natively; [`Job::run`] and [`laid_json`]
//! need the `pdf` feature.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::document::Document;
use super::plan_document::plan_document;
use super::progress_document::progress_document;
use super::readiness_document::readiness_document;
use crate::domain::ItemId;
use crate::persistence::Envelope;

/// Which document to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// The whole plan ("Exportar PDF").
    Plan,
    /// The readiness self-assessment report ("Descargar informe (PDF)").
    Readiness,
    /// The progress report of one round ("Descargar informe de avance
    /// (PDF)"), by the round's id: `{"progress": {"round": 2}}`.
    Progress {
        /// The round's id ([`crate::domain::progress::Round::id`]).
        round: ItemId,
    },
}

/// What the worker sends back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Output {
    /// The PDF file's bytes.
    #[default]
    Pdf,
    /// The laid-out pages as JSON ([`laid_json`]), for the benchmark.
    Layout,
}

/// One export request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// Which document.
    pub document: DocumentKind,
    /// What to send back.
    #[serde(default)]
    pub output: Output,
    /// When the export was asked for, in the person's local time (with its offset).
    #[serde(with = "time::serde::rfc3339")]
    pub generated_at: OffsetDateTime,
    /// The draft to export: its plan is drawn, and the plan's PDF carries the
    /// draft itself (encoded with [`crate::persistence::encode`], so exactly as
    /// the app would write it; the caller leaves out what must not travel, such
    /// as the half-typed input of forms).
    pub draft: Envelope,
}

/// Why the worker produced no PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "detail")]
pub enum JobError {
    /// The request could not be read (a bug: app and worker disagree).
    #[error("the export request could not be read: {0}")]
    Request(String),
    /// The readiness report was asked for, but the plan has no assessment.
    #[error("the plan has no readiness assessment")]
    NoAssessment,
    /// A progress report was asked for a round the plan does not have.
    #[error("the plan has no report round with this id")]
    NoRound,
    /// The PDF writer failed.
    #[error("the PDF could not be produced: {0}")]
    Pdf(String),
}

/// A document a section of the app built itself (the changes between two
/// versions, the report of many plans…): the worker only lays it out and draws
/// it, so the PDF engine needs none of the section's code. Sent as
/// `{"prepared": Document}`; the worker tells it from a [`Job`] by that first
/// key ([`Prepared::is_prepared`]). No draft travels with it: such a PDF is
/// not a plan and «Abrir un borrador» does not open it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prepared {
    pub prepared: Document,
}

impl Prepared {
    pub fn new(document: Document) -> Self {
        Self { prepared: document }
    }

    /// Whether a request's JSON is a prepared document (else it is a [`Job`]).
    pub fn is_prepared(json: &str) -> bool {
        json.trim_start()
            .strip_prefix('{')
            .is_some_and(|rest| rest.trim_start().starts_with("\"prepared\""))
    }

    /// Reads a request sent as JSON.
    pub fn from_json(json: &str) -> Result<Self, JobError> {
        serde_json::from_str(json).map_err(|e| JobError::Request(e.to_string()))
    }

    /// The request as JSON.
    pub fn to_json(&self) -> String {
        // Plain data with string keys: it always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The PDF bytes ([`super::pdf::render_pdf`]).
    #[cfg(feature = "pdf")]
    pub fn run(&self) -> Result<Vec<u8>, JobError> {
        super::pdf::render_pdf(&self.prepared).map_err(|e| JobError::Pdf(e.to_string()))
    }

    /// The laid-out pages as JSON ([`laid_json`]).
    #[cfg(feature = "pdf")]
    pub fn layout_json(&self) -> String {
        laid_json(&super::layout::layout(
            &self.prepared,
            super::layout::PageSize::LETTER,
        ))
    }
}

/// Why an export from the app did not end in a download (defined beside its
/// words, in [`crate::messages`], which sit below the export).
pub use crate::messages::ExportFailure;

impl Job {
    /// A request for the PDF of `document`.
    pub fn pdf(document: DocumentKind, draft: Envelope, generated_at: OffsetDateTime) -> Self {
        Self {
            document,
            output: Output::Pdf,
            generated_at,
            draft,
        }
    }

    /// Reads a request sent as JSON.
    pub fn from_json(json: &str) -> Result<Self, JobError> {
        serde_json::from_str(json).map_err(|e| JobError::Request(e.to_string()))
    }

    /// The request as JSON.
    pub fn to_json(&self) -> String {
        // A plan always serialises (plain data, string keys).
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The export document this job renders.
    pub fn document(&self) -> Result<Document, JobError> {
        let plan = &self.draft.plan;
        match self.document {
            DocumentKind::Plan => Ok(plan_document(plan, self.generated_at)),
            DocumentKind::Readiness => {
                readiness_document(plan, self.generated_at).ok_or(JobError::NoAssessment)
            }
            DocumentKind::Progress { round } => {
                progress_document(plan, round, self.generated_at).ok_or(JobError::NoRound)
            }
        }
    }

    /// The PDF bytes, through the same entry points as every other caller: the
    /// plan's PDF with the draft attached ([`super::plan_pdf_with_draft`]), or
    /// the readiness report ([`super::readiness_pdf`]); a progress report
    /// carries the draft too, as the plan's does ([`super::pdf::attach_draft`]),
    /// so «Abrir un borrador» opens it.
    #[cfg(feature = "pdf")]
    pub fn run(&self) -> Result<Vec<u8>, JobError> {
        let plan = &self.draft.plan;
        let pdf = match self.document {
            DocumentKind::Plan => {
                let draft = crate::persistence::encode(&self.draft);
                super::pdf::plan_pdf_with_draft(plan, &draft, self.generated_at)
            }
            DocumentKind::Readiness => {
                super::pdf::readiness_pdf(plan, self.generated_at).ok_or(JobError::NoAssessment)?
            }
            DocumentKind::Progress { .. } => {
                let doc = self.document()?;
                let draft = crate::persistence::encode(&self.draft);
                super::pdf::render_pdf(&doc).and_then(|pdf| {
                    super::pdf::attach_draft(&pdf, &draft).map_err(|e| {
                        super::pdf::PdfError::Structure(format!("attached draft: {e}"))
                    })
                })
            }
        };
        pdf.map_err(|e| JobError::Pdf(e.to_string()))
    }

    /// The laid-out pages as JSON ([`laid_json`]).
    #[cfg(feature = "pdf")]
    pub fn layout_json(&self) -> Result<String, JobError> {
        let doc = self.document()?;
        Ok(laid_json(&super::layout::layout(
            &doc,
            super::layout::PageSize::LETTER,
        )))
    }
}

/// The laid-out pages as JSON, for another PDF library to draw the same layout:
/// `{"width": pt, "height": pt, "pages": [[item, …], …]}` where an item is
/// `{"t": "text", "x", "y", "size", "bold", "color": "#rrggbb", "text"}` or
/// `{"t": "rect", "x", "y", "w", "h", "color"}` or
/// `{"t": "polygon", "rings": [[[x, y], …], …], "color", "outline": {"color", "w"} | null}`
/// (points from the bottom-left corner; a text's `y` is its baseline).
#[cfg(feature = "pdf")]
pub fn laid_json(laid: &super::layout::Laid) -> String {
    use super::font::metrics::FontFace;
    use super::layout::Item;
    use serde_json::{json, Value};

    fn hex(c: super::layout::Rgb) -> String {
        format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
    }
    let pages: Vec<Vec<Value>> =
        laid.pages
            .iter()
            .map(|page| {
                page.items
                .iter()
                .map(|item| match item {
                    Item::Text {
                        x_pt,
                        y_pt,
                        size_pt,
                        face,
                        color,
                        text,
                        ..
                    } => json!({
                        "t": "text", "x": x_pt, "y": y_pt, "size": size_pt,
                        "bold": match face { FontFace::Regular => false, FontFace::Bold => true },
                        "color": hex(*color), "text": text,
                    }),
                    Item::Rect {
                        x_pt,
                        y_pt,
                        w_pt,
                        h_pt,
                        fill,
                    } => json!({
                        "t": "rect", "x": x_pt, "y": y_pt, "w": w_pt, "h": h_pt,
                        "color": hex(*fill),
                    }),
                    Item::Polygon { rings, fill, outline } => json!({
                        "t": "polygon", "rings": rings, "color": hex(*fill),
                        "outline": outline.map(|(c, w)| json!({ "color": hex(c), "w": w })),
                    }),
                })
                .collect()
            })
            .collect();
    json!({ "width": laid.page.width_pt, "height": laid.page.height_pt, "pages": pages })
        .to_string()
}
