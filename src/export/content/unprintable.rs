//! What the PDF cannot draw, and where it is: every answer of the plan (from the
//! check-your-answers [`summary`]) that holds characters the export's fonts lack
//! (emoji, scripts outside the fonts), with its step, its group (a commitment, a
//! key action, a member…), its field and the page where it is changed.
//!
//! The export never changes such text silently: the review page lists these
//! findings before the export, and the person chooses to go on; the PDF, its
//! outline and the print view then show each such character as U+FFFD
//! ([`metrics::printable`]).

use time::Date;

use super::progress_document::item_name;
use super::summary::{summary, Target};
use crate::domain::{ItemId, Plan, Step};
use crate::export::font::metrics;
use crate::messages::rounds::round_label;

/// One answer with characters the PDF cannot draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The step the answer belongs to.
    pub step: Step,
    /// The step's name, as the review page shows it.
    pub step_title: String,
    /// The commitment, key action, member… the answer belongs to, when any.
    pub group: Option<String>,
    /// The field's label ("Nombre del compromiso").
    pub field: String,
    /// The page where the answer is changed.
    pub target: Target,
    /// The characters (or sequences, such as an emoji with its skin tone) that
    /// cannot be drawn, as typed, each once.
    pub chars: Vec<String>,
}

/// Every answer of `plan` that holds characters the PDF's fonts cannot draw, in
/// the order of the review page. Empty when the whole plan can be printed as
/// typed.
pub fn unprintable(plan: &Plan, today: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    for section in summary(plan, today) {
        for (place, group) in section.groups.iter().flat_map(|g| g.places()) {
            for row in &group.rows {
                let Some(value) = &row.value else { continue };
                let chars = metrics::missing(value);
                if !chars.is_empty() {
                    findings.push(Finding {
                        step: section.step,
                        step_title: section.title.clone(),
                        group: place.clone(),
                        field: row.key.clone(),
                        target: row.target,
                        chars,
                    });
                }
            }
        }
    }
    findings
}

/// What a round's report prints beyond the plan's answers ([`unprintable`]
/// reads those): the round's name and reporter, and each key action's and
/// activity's evidence, difficulties, next steps and gender note.
pub fn unprintable_round(plan: &Plan, round: ItemId) -> Vec<Finding> {
    let Some(r) = plan.implementation.round(round) else {
        return Vec::new();
    };
    let step_title = Step::Progress.name().to_owned();
    let label = round_label(r);
    let mut findings = Vec::new();
    let mut check = |group: &str, field: &str, text: &str, target: Target| {
        let chars = metrics::missing(text);
        if !chars.is_empty() {
            findings.push(Finding {
                step: Step::Progress,
                step_title: step_title.clone(),
                group: Some(group.to_owned()),
                field: field.to_owned(),
                target,
                chars,
            });
        }
    };
    check(&label, "Nombre del informe", &r.name, Target::Round(r.id));
    if let Some(who) = &r.reporter {
        check(&label, "Quién informa", who, Target::Round(r.id));
    }
    for rep in &r.reports {
        let Some((n, name)) = item_name(plan, rep.item()) else {
            continue;
        };
        let group = format!("{label} · Compromiso {n} · {name}");
        let target = Target::RoundReport(r.id, rep.commitment);
        for e in &rep.evidence {
            check(&group, "Evidencia", e, target);
        }
        let texts = [
            ("Dificultades", &rep.difficulties),
            ("Próximos pasos", &rep.next_steps),
            ("Perspectiva de género e inclusión", &rep.gender_note),
        ];
        for (field, text) in texts {
            if let Some(t) = text {
                check(&group, field, t, target);
            }
        }
    }
    findings
}
