//! Typed validation errors: which field, and what is wrong with it.
//!
//! The Spanish wording lives in one place, [`crate::messages`], so the domain
//! never formats text for people and a second language can be added later.

use serde::{Deserialize, Serialize};

/// A field a person fills in. Its [`Field::key`] is stable: it names the form
/// control (`id`), the key of unsaved input in a draft, and the error summary link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    JurisdictionKind,
    State,
    Municipality,
    PlanName,
    PlanStart,
    PlanEnd,
    CommitmentName,
    CommitmentStart,
    CommitmentEnd,
    NationalRelation,
    NationalCommitment,
    SdgTargets,
    /// A readiness question (0-14) or gate criterion (15-18), by index in
    /// `readiness::ANSWER_IDS`.
    ReadinessAnswer(u8),
    /// The evidence of a readiness question, by index.
    ReadinessEvidence(u8),
}

impl Field {
    /// Stable key used as the HTML id of the control and in stored unsaved input.
    pub fn key(self) -> &'static str {
        match self {
            Field::JurisdictionKind => "tipo-jurisdiccion",
            Field::State => "estado",
            Field::Municipality => "municipio",
            Field::PlanName => "nombre-plan",
            Field::PlanStart => "inicio-plan",
            Field::PlanEnd => "termino-plan",
            Field::CommitmentName => "nombre-compromiso",
            Field::CommitmentStart => "inicio-compromiso",
            Field::CommitmentEnd => "termino-compromiso",
            Field::NationalRelation => "relacion-nacional",
            Field::NationalCommitment => "compromiso-nacional",
            Field::SdgTargets => "metas-ods",
            Field::ReadinessAnswer(i) => match crate::domain::readiness::ANSWER_IDS.get(i as usize)
            {
                Some(id) => id,
                None => "preparacion",
            },
            Field::ReadinessEvidence(i) => {
                match crate::domain::readiness::EVIDENCE_IDS.get(i as usize) {
                    Some(id) => id,
                    None => "preparacion",
                }
            }
        }
    }
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Nothing was entered (or only spaces).
    Missing,
    /// More characters than allowed.
    TooLong { max: usize },
    /// Not a date that can be read (format), e.g. "31/13/2020" or "mañana".
    NotADate,
    /// A date that does not exist, e.g. 31/02/2021.
    ImpossibleDate,
    /// The end date is on or before the start date.
    EndNotAfterStart,
    /// The INEGI code has the wrong shape for the kind of jurisdiction.
    InegiCodeShape {
        kind: crate::domain::JurisdictionKind,
    },
    /// The INEGI code names a state that does not exist (01 to 32).
    InegiUnknownState,
    /// The chosen code is not in the bundled catalogue (or the list in use).
    NotInCatalog,
    /// The municipality chosen belongs to another state.
    MunicipalityOfOtherState,
    /// Mexico City has alcaldías, not municipalities; alcaldías exist only there.
    KindDoesNotFitState,
    /// A commitment date falls outside the plan period.
    OutsidePlanPeriod { period: crate::domain::Period },
}

/// One field with one problem. Validation returns all of them at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// Trims a raw text and checks it is present and not longer than `max` characters.
pub(crate) fn required_text(
    raw: &str,
    field: Field,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let text = raw.trim();
    if text.is_empty() {
        errors.push(FieldError::new(field, Problem::Missing));
        None
    } else if text.chars().count() > max {
        errors.push(FieldError::new(field, Problem::TooLong { max }));
        None
    } else {
        Some(text.to_owned())
    }
}
