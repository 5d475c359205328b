//! An export: what the app asks the PDF worker for, and what can go wrong.
//!
//! The PDF engine (printpdf) is not part of the app's first-load binary: it
//! lives in a second binary (`src/bin/pdf_worker.rs`, built with the `pdf`
//! feature) that runs as a Web Worker, fetched on the first export. The page
//! that exports builds the document itself and sends it, with the draft the
//! PDF carries, as a [`Prepared`] request in JSON; the worker lays it out,
//! draws it, attaches the draft and answers with the PDF bytes, or with the
//! laid-out pages as JSON ([`Output::Layout`], used by the benchmark to let
//! another PDF library draw the very same layout), or with a [`JobError`].
//! So the worker needs neither the plan's model nor the content builders.
//!
//! A [`Job`] names an export by its kind (tests and benches); [`Job::prepare`]
//! turns it into the request the app sends.
//!
//! Everything here is pure and runs natively; [`Prepared::run`], [`Job::run`]
//! and [`laid_json`] need the `pdf` feature.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::document::Document;
use super::plan_document::plan_document;
use super::progress_document::progress_document;
use super::readiness_document::readiness_document;
use crate::domain::ItemId;
use crate::persistence::Envelope;

/// Which document to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// The whole plan ("Exportar PDF").
    Plan,
    /// The readiness self-assessment report ("Descargar informe (PDF)").
    Readiness,
    /// The progress report of one round ("Descargar informe de avance
    /// (PDF)"), by the round's id.
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

/// One export, named by its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Which document.
    pub document: DocumentKind,
    /// What to send back.
    pub output: Output,
    /// When the export was asked for, in the person's local time (with its offset).
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

/// What the PDF worker draws: a document already built by the page that asks
/// for it (the plan, a progress report, the readiness report, the changes
/// between two versions, the report of many plans…), and the draft to attach
/// when the PDF carries one. The worker only lays it out, draws it and
/// attaches the draft, so the PDF engine carries none of the plan's model, the
/// content builders or the catalogues: they are already in the page's bundle.
/// Sent as `{"prepared": Document, "draft": "…", "output": "pdf"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prepared {
    pub prepared: Document,
    /// The draft (encoded with [`crate::persistence::encode`], as the app
    /// writes it), attached as `borrador.json` so that «Abrir un borrador» can
    /// open the PDF. `None`: a PDF that is not a plan's (the changes between
    /// versions, the report of many plans, the readiness report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// What to send back.
    #[serde(default)]
    pub output: Output,
}

impl Prepared {
    /// A document drawn as it is, with no draft inside.
    pub fn new(document: Document) -> Self {
        Self {
            prepared: document,
            draft: None,
            output: Output::Pdf,
        }
    }

    /// `document` carrying `draft` (encoded as the app writes it).
    fn carrying(document: Document, draft: &Envelope) -> Self {
        Self {
            draft: Some(crate::persistence::encode(draft)),
            ..Self::new(document)
        }
    }

    /// The plan's PDF («Exportar PDF»), carrying `draft`.
    pub fn plan(draft: &Envelope, generated_at: OffsetDateTime) -> Self {
        Self::carrying(plan_document(&draft.plan, generated_at), draft)
    }

    /// The progress report of round `round`, carrying `draft` as the plan's
    /// PDF does; `None` when the plan has no such round.
    pub fn progress(draft: &Envelope, round: ItemId, generated_at: OffsetDateTime) -> Option<Self> {
        progress_document(&draft.plan, round, generated_at).map(|d| Self::carrying(d, draft))
    }

    /// The readiness report (no draft inside); `None` without an assessment.
    pub fn readiness(plan: &crate::domain::Plan, generated_at: OffsetDateTime) -> Option<Self> {
        readiness_document(plan, generated_at).map(Self::new)
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

    /// The PDF bytes ([`super::pdf::render_pdf`]), with the draft attached
    /// when there is one ([`super::pdf::attach_draft`]).
    #[cfg(feature = "pdf")]
    pub fn run(&self) -> Result<Vec<u8>, JobError> {
        let pdf =
            super::pdf::render_pdf(&self.prepared).map_err(|e| JobError::Pdf(e.to_string()))?;
        match &self.draft {
            None => Ok(pdf),
            Some(draft) => super::pdf::attach_draft(&pdf, draft)
                .map_err(|e| JobError::Pdf(format!("attached draft: {e}"))),
        }
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

    /// What the worker is sent for this job: its document, built here, and
    /// the draft when the PDF carries one ([`Prepared::plan`],
    /// [`Prepared::progress`], [`Prepared::readiness`]).
    pub fn prepare(&self) -> Result<Prepared, JobError> {
        let mut prepared = match self.document {
            DocumentKind::Plan => Prepared::plan(&self.draft, self.generated_at),
            DocumentKind::Readiness => Prepared::readiness(&self.draft.plan, self.generated_at)
                .ok_or(JobError::NoAssessment)?,
            DocumentKind::Progress { round } => {
                Prepared::progress(&self.draft, round, self.generated_at)
                    .ok_or(JobError::NoRound)?
            }
        };
        prepared.output = self.output;
        Ok(prepared)
    }

    /// The export document this job renders.
    pub fn document(&self) -> Result<Document, JobError> {
        self.prepare().map(|p| p.prepared)
    }

    /// The PDF bytes: the job prepared ([`Job::prepare`]) and drawn as the
    /// worker draws it ([`Prepared::run`]).
    #[cfg(feature = "pdf")]
    pub fn run(&self) -> Result<Vec<u8>, JobError> {
        self.prepare()?.run()
    }

    /// The laid-out pages as JSON ([`laid_json`]).
    #[cfg(feature = "pdf")]
    pub fn layout_json(&self) -> Result<String, JobError> {
        Ok(self.prepare()?.layout_json())
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
