//! Builds the export [`Document`] from a [`Plan`]: the words, order and Spanish
//! labels of the exported plan, and the plan's file names.
//!
//! The document opens with a cover (title block and contents) and follows the
//! methodology's order, one numbered section per step; each commitment is laid
//! out like the national ficha de compromiso (see [`super::ficha`]). Answers come
//! from [`super::summary`] where it already words them, so the review page and the
//! PDF always agree; anything skipped reads [`NOT_PROVIDED`].

use time::OffsetDateTime;

use super::blocks::{app_meta, format_date_time, not_provided, period_text, TOOL_NAME};
use super::document::{Block, Document, Field, TitleBlock};
use super::plan_sections as sections;
use crate::domain::final_mark::DocumentStatus;
use crate::domain::{format_date, Plan, Step};
use crate::export::font::metrics::latin_base;
use crate::labels::{entity_line, entity_name, makers_label};

/// Status badge of every export until the plan is marked final.
pub const DRAFT_STATUS: &str = "Borrador";

/// Status badge of a plan marked final and unchanged since.
pub const FINAL_STATUS: &str = "Versión final";

/// The status badge and the cover's status line of `plan`.
pub fn status_texts(plan: &Plan) -> (&'static str, String) {
    match plan.document_status() {
        DocumentStatus::Final(on) => (
            FINAL_STATUS,
            format!("{FINAL_STATUS} (marcada el {})", format_date(on)),
        ),
        DocumentStatus::Draft | DocumentStatus::ChangedSinceFinal(_) => (
            DRAFT_STATUS,
            format!("{DRAFT_STATUS} (no es la versión final)"),
        ),
    }
}

/// Title of the table of contents.
pub const CONTENTS_TITLE: &str = "Contenido";

/// Longest file stem [`file_stem`] returns, in bytes (all ASCII).
pub const MAX_FILE_STEM: usize = 80;

/// File stem used when the plan's name gives nothing usable.
pub const FALLBACK_FILE_STEM: &str = "plan-de-accion-local";

/// A section of the exported plan: a step's, or one the document adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanSection {
    /// The answers of a step that has a document heading.
    Step(Step),
    /// Alignment with the national plan and the 2030 Agenda, across commitments.
    Alignment,
    /// The key actions' and activities' timeline.
    Timeline,
    /// Where the reference data come from.
    Sources,
}

impl PlanSection {
    /// The section's heading (each is numbered "n. " in the document).
    pub fn title(self) -> &'static str {
        match self {
            PlanSection::Step(step) => step.document_heading().unwrap_or(step.name()),
            PlanSection::Alignment => "Alineación con el plan nacional y la Agenda 2030",
            PlanSection::Timeline => "Cronograma",
            PlanSection::Sources => "Fuentes de datos",
        }
    }
}

/// The sections of the plan, in order. Every step with a
/// [`Step::document_heading`] is here (`tests/pdf_plan.rs` checks it); the
/// OGP record's is printed only when the plan has one, and the progress
/// reports' only when it has a round ([`PlanSection::shown`]).
pub const SECTIONS: [PlanSection; 15] = [
    PlanSection::Step(Step::Profile),
    PlanSection::Step(Step::Readiness),
    PlanSection::Step(Step::Political),
    PlanSection::Step(Step::Coordination),
    PlanSection::Step(Step::Roadmap),
    PlanSection::Step(Step::Problems),
    PlanSection::Step(Step::Commitments),
    PlanSection::Alignment,
    PlanSection::Step(Step::Monitoring),
    PlanSection::Timeline,
    PlanSection::Step(Step::Responses),
    PlanSection::Step(Step::Ogp),
    PlanSection::Step(Step::Progress),
    PlanSection::Step(Step::Quality),
    PlanSection::Sources,
];

impl PlanSection {
    /// Whether `plan`'s document has this section: all do, but the OGP
    /// record's, which a plan not yet in OGP does not have, the progress
    /// reports', which waits for the first thing recorded of the plan's
    /// implementation, and the quality review's,
    /// which needs a commitment to review.
    pub fn shown(self, plan: &Plan) -> bool {
        match self {
            PlanSection::Step(Step::Ogp) => super::ogp::has_record(plan),
            PlanSection::Step(Step::Progress) => !plan.implementation.is_empty(),
            PlanSection::Step(Step::Quality) => !plan.commitments.is_empty(),
            _ => true,
        }
    }
}

/// The export document of `plan`, generated at `generated_at` (local time).
pub fn plan_document(plan: &Plan, generated_at: OffsetDateTime) -> Document {
    let profile = plan.profile.as_ref();
    let entity = profile.map(entity_line);
    let author = profile.map(entity_name).unwrap_or_default();
    let generated = format_date_time(generated_at);
    let (status, status_line) = status_texts(plan);

    let title_block = TitleBlock {
        kicker: TOOL_NAME.to_owned(),
        title: plan.display_name().to_owned(),
        lines: vec![
            Field::new(makers_label(profile), entity.unwrap_or_else(not_provided)),
            Field::new(
                "Periodo",
                profile.map_or_else(not_provided, |p| period_text(&p.period)),
            ),
            Field::new("Fecha de generación", generated),
            Field::new("Estado del documento", status_line),
            Field::new("Versión de la herramienta", crate::APP_VERSION),
        ],
        status: status.to_owned(),
    };

    let today = generated_at.date();
    let answers = super::summary::summary(plan, today);
    let mut blocks = vec![
        Block::Contents {
            title: CONTENTS_TITLE.to_owned(),
            max_level: 2,
        },
        Block::PageBreak,
    ];
    let shown = SECTIONS.into_iter().filter(|s| s.shown(plan));
    for (n, section) in shown.enumerate() {
        blocks.push(Block::Heading {
            level: 1,
            text: format!("{}. {}", n + 1, section.title()),
        });
        match section {
            PlanSection::Step(Step::Profile) => sections::profile(plan, &answers, &mut blocks),
            PlanSection::Step(Step::Readiness) => sections::readiness(plan, &mut blocks),
            PlanSection::Step(Step::Political) => sections::political(&answers, &mut blocks),
            PlanSection::Step(Step::Coordination) => {
                sections::coordination(plan, &answers, &mut blocks)
            }
            PlanSection::Step(Step::Roadmap) => sections::roadmap(plan, &answers, &mut blocks),
            PlanSection::Step(Step::Problems) => sections::problems(&answers, &mut blocks),
            PlanSection::Step(Step::Commitments) => sections::commitments(plan, &mut blocks),
            PlanSection::Step(Step::Monitoring) => {
                sections::monitoring(plan, &answers, &mut blocks)
            }
            PlanSection::Step(Step::Responses) => sections::responses(plan, &mut blocks),
            PlanSection::Step(Step::Ogp) => super::ogp::section_blocks(plan, &mut blocks),
            PlanSection::Step(Step::Progress) => {
                super::progress_document::plan_section(plan, &answers, &mut blocks)
            }
            // No section of their own (no document heading).
            PlanSection::Step(Step::NationalPlan | Step::Review) => {}
            PlanSection::Step(Step::Quality) => {
                super::quality::section_blocks(plan, today, &mut blocks)
            }
            PlanSection::Alignment => sections::alignment(plan, &mut blocks),
            PlanSection::Timeline => sections::timeline(plan, today, &mut blocks),
            PlanSection::Sources => sections::sources(&mut blocks),
        }
    }

    Document {
        meta: app_meta(
            plan.display_name().to_owned(),
            author,
            format!("{status} del plan de acción local de gobierno abierto"),
            generated_at,
            status,
        ),
        title_block,
        blocks,
    }
}

/// A safe, readable file name stem from the plan's name: accents stripped to
/// ASCII, lowercase, words joined by hyphens, at most [`MAX_FILE_STEM`] bytes and
/// cut at a word boundary when possible. "Plan de Acción Local 2025-2027" →
/// "plan-de-accion-local-2025-2027". Falls back to [`FALLBACK_FILE_STEM`].
pub fn file_stem(plan: &Plan) -> String {
    let name = plan.profile.as_ref().map_or("", |p| p.plan_name.as_str());
    let mut stem = String::new();
    let mut pending_hyphen = false;
    for c in name.chars() {
        let ascii: &str = match c {
            'Æ' => "AE",
            'æ' => "ae",
            'Œ' => "OE",
            'œ' => "oe",
            'ß' => "ss",
            'Þ' => "TH",
            'þ' => "th",
            _ => "",
        };
        let mut piece = String::new();
        if !ascii.is_empty() {
            piece.push_str(ascii);
        } else if c.is_ascii_alphanumeric() {
            piece.push(c);
        } else if let Some(base) = latin_base(c) {
            piece.push(base);
        }
        if piece.is_empty() {
            // Anything else separates words (spaces, punctuation, other scripts).
            pending_hyphen = !stem.is_empty();
            continue;
        }
        if pending_hyphen {
            stem.push('-');
            pending_hyphen = false;
        }
        stem.push_str(&piece.to_ascii_lowercase());
    }
    if stem.len() > MAX_FILE_STEM {
        let cut = &stem[..MAX_FILE_STEM];
        // Prefer ending at a whole word, unless that leaves too little.
        let end = match cut.rfind('-') {
            Some(i) if i >= MAX_FILE_STEM / 2 => i,
            _ => MAX_FILE_STEM,
        };
        stem.truncate(end);
        while stem.ends_with('-') {
            stem.pop();
        }
    }
    if stem.is_empty() {
        FALLBACK_FILE_STEM.to_owned()
    } else {
        stem
    }
}
