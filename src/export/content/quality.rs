//! The quality review ([`crate::domain::quality`]) in words: one view that the
//! "Revisión de calidad" page and the exported plan's annex both show, so they
//! always agree.

use time::Date;

use super::blocks::{columns, sub, table};
use super::document::{Block, Field};
use crate::domain::commitment::CommitmentId;
use crate::domain::quality::{Counts, Finding, Place, Severity, Source};
use crate::domain::Plan;
use crate::messages::quality as words;

/// One finding as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingView {
    /// [`Finding::key`]: what a kept mark is stored by.
    pub key: String,
    pub severity: Severity,
    pub text: String,
    pub source: Source,
    /// The reason it is kept as it is ("Revisado, se mantiene así").
    pub kept: Option<String>,
    pub place: Place,
}

/// One commitment's review as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentView {
    pub id: CommitmentId,
    /// "Compromiso 2: Portal de obras públicas".
    pub heading: String,
    pub promising: bool,
    pub verifiable: bool,
    pub verifiable_text: String,
    pub relevant: bool,
    pub relevant_text: String,
    pub potential: &'static str,
    pub potential_text: String,
    pub findings: Vec<FindingView>,
}

/// The whole review as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewView {
    pub counts: Counts,
    /// [`words::counts`].
    pub summary: String,
    pub plan: Vec<FindingView>,
    pub commitments: Vec<CommitmentView>,
}

fn finding_view(plan: &Plan, f: &Finding) -> FindingView {
    FindingView {
        key: f.key(),
        severity: f.severity(),
        text: words::finding(plan, f),
        source: f.rule.id().source(),
        kept: plan.kept(f).map(|k| k.reason.clone()),
        place: f.place.clone(),
    }
}

/// Required findings first, then recommendations, then the kept ones; each
/// group in the review's order.
fn ordered(mut items: Vec<FindingView>) -> Vec<FindingView> {
    items.sort_by_key(|f| (f.severity, f.kept.is_some()));
    items
}

/// The review of `plan` as of `today`, in words.
pub fn review_view(plan: &Plan, today: Date) -> ReviewView {
    let review = plan.quality_review(today);
    let counts = review.counts(plan);
    let commitments = review
        .commitments
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let c = plan.commitment(r.id)?;
            let name = crate::labels::name_or_unnamed(&c.name);
            Some(CommitmentView {
                id: r.id,
                heading: format!("Compromiso {}: {name}", i + 1),
                promising: r.irm.promising(),
                verifiable: r.irm.verifiable,
                verifiable_text: words::verifiable_answer(plan, c, &r.irm),
                relevant: r.irm.relevant(),
                relevant_text: words::relevant_answer(&r.irm),
                potential: words::potential(r.irm.potential),
                potential_text: words::potential_answer(&r.irm),
                findings: ordered(r.findings.iter().map(|f| finding_view(plan, f)).collect()),
            })
        })
        .collect();
    ReviewView {
        counts,
        summary: words::counts(counts),
        plan: ordered(review.plan.iter().map(|f| finding_view(plan, f)).collect()),
        commitments,
    }
}

/// What a finding's status column says: its severity, or that it was kept
/// and why.
pub fn status_text(f: &FindingView) -> String {
    match &f.kept {
        Some(reason) => format!("{}: {reason}", words::KEPT),
        None => words::severity(f.severity).to_owned(),
    }
}

fn findings_table(caption: &str, items: &[FindingView]) -> Block {
    table(
        caption,
        columns(["Estado", "Hallazgo", "Fuente"]),
        items
            .iter()
            .map(|f| {
                vec![
                    status_text(f),
                    f.text.clone(),
                    words::source(f.source).to_owned(),
                ]
            })
            .collect(),
    )
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "Sí"
    } else {
        "No"
    }
}

/// The annex of the exported plan: the summary, the IRM's three questions
/// per commitment, every finding with its status and source, and the
/// sources' addresses.
pub fn section_blocks(plan: &Plan, today: Date, blocks: &mut Vec<Block>) {
    let view = review_view(plan, today);
    blocks.push(Block::Paragraph(format!(
        "{} Revisión hecha el {} con las reglas de esta herramienta; cada regla cita su fuente. Las recomendaciones no impiden la versión final; las que el equipo revisó y mantiene así llevan su razón.",
        view.summary,
        crate::domain::format_date(today)
    )));
    if !view.commitments.is_empty() {
        blocks.push(table(
            "Las tres preguntas del Mecanismo de Revisión Independiente",
            columns([
                "Compromiso",
                "¿Verificable?",
                "¿Relevante?",
                "Potencial de resultados",
                "¿Prometedor?",
            ]),
            view.commitments
                .iter()
                .map(|c| {
                    vec![
                        c.heading.clone(),
                        yes_no(c.verifiable).to_owned(),
                        yes_no(c.relevant).to_owned(),
                        c.potential.to_owned(),
                        yes_no(c.promising).to_owned(),
                    ]
                })
                .collect(),
        ));
    }
    blocks.push(sub("El plan"));
    if view.plan.is_empty() {
        blocks.push(Block::Note(
            "La revisión no encontró nada en el plan en su conjunto.".to_owned(),
        ));
    } else {
        blocks.push(findings_table("Hallazgos del plan", &view.plan));
    }
    if !view.commitments.is_empty() {
        blocks.push(sub("Cada compromiso"));
    }
    for c in &view.commitments {
        blocks.push(Block::Heading {
            level: 4,
            text: c.heading.clone(),
        });
        blocks.push(Block::Fields(vec![
            Field::new("¿Es verificable?", c.verifiable_text.clone()),
            Field::new("¿Es relevante?", c.relevant_text.clone()),
            Field::new("Potencial de resultados", c.potential_text.clone()),
            Field::new("Resultado", words::promising(c.promising)),
        ]));
        if c.findings.is_empty() {
            blocks.push(Block::Note(
                "La revisión no encontró nada en este compromiso.".to_owned(),
            ));
        } else {
            blocks.push(findings_table(
                &format!("Hallazgos: {}", c.heading),
                &c.findings,
            ));
        }
    }
    blocks.push(sub("Fuentes de las reglas"));
    blocks.push(table(
        "Fuentes de las reglas de la revisión",
        columns(["Fuente", "Dónde consultarla"]),
        Source::ALL
            .iter()
            .map(|s| vec![words::source(*s).to_owned(), s.url().to_owned()])
            .collect(),
    ));
}
