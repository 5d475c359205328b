//! The implementation's record as typed on its pages (see
//! [`super::progress`]): the local monitoring body, the plan's length and its
//! midpoint refresh, a commitment's end-of-commitment assessment, and an
//! amendment made after the plan was final.
//!
//! Each input shows a saved value again (`from_value`) and reads a page by its
//! rules. Every answer is optional except an amendment's: its day, the
//! commitment it changes, what changed and why make it a record, so it is
//! kept only whole ([`AmendmentInput::parse`]). A four-year plan without its
//! refresh date is saved and said once ([`Problem::Recommended`]).

use serde::{Deserialize, Serialize};
use time::Date;

use super::choice::{optional_choice, ItemId};
use super::commitment::{CommitmentId, OgpValue};
use super::contact::{optional, MAX_LONG, MAX_SHORT};
use super::date::{format_date, parse_date, PartialDate};
use super::error::{optional_text, required_text, Field, FieldError, Named, Problem, Reading};
use super::final_mark::commitment_fingerprint;
use super::methodology::TaskStatus;
use super::plan::Plan;
use super::progress::{
    evidence_lines, Amendment, EarlyResult, EndAssessment, Implementation, LocalMonitoringBody,
    PlanLength, Refresh, Status, ValueResult,
};
use super::unknown::{Carry, Unknown};

/// The key of the amendment page's choice "El plan en general".
pub const WHOLE_PLAN: &str = "plan";

/// A list typed one entry per line, at most [`MAX_LONG`] characters in all.
fn line_list(raw: &str, field: Named, errors: &mut Vec<FieldError>) -> Vec<String> {
    if raw.chars().count() > MAX_LONG {
        errors.push(FieldError::new(
            field.into(),
            Problem::TooLong { max: MAX_LONG },
        ));
    }
    evidence_lines(raw)
}

/// A day typed as people write dates: a month or a year alone is not a day.
/// `None` when empty; an error otherwise.
fn optional_day(raw: &str, field: Named, errors: &mut Vec<FieldError>) -> Option<Date> {
    match parse_date(raw) {
        Ok(PartialDate::Day(d)) => Some(d),
        Err(Problem::Missing) => None,
        Ok(_) => {
            errors.push(FieldError::new(field.into(), Problem::NotADate));
            None
        }
        Err(p) => {
            errors.push(FieldError::new(field.into(), p));
            None
        }
    }
}

/// What a page stores over `existing`: `None` when it records nothing, unless
/// the value it replaces holds fields of a newer version (kept, as the
/// commitment's classification keeps them).
pub fn kept<T: Carry + Default + PartialEq>(mut new: T, existing: Option<&T>) -> Option<T> {
    if let Some(before) = existing {
        new.carry_from(before);
    }
    (new != T::default()).then_some(new)
}

// ---------------------------------------------------------------------------
// The local monitoring body

/// The monitoring body's page as typed (serde names are [`Named`] keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MonitoringBodyInput {
    #[serde(rename = "ente-monitoreo-nombre")]
    pub name: String,
    /// One member per line.
    #[serde(rename = "ente-monitoreo-integrantes")]
    pub members: String,
    #[serde(rename = "ente-monitoreo-cuando")]
    pub schedule: String,
}

impl MonitoringBodyInput {
    pub fn from_value(b: &LocalMonitoringBody) -> Self {
        Self {
            name: b.name.clone(),
            members: b.members.join("\n"),
            schedule: b.schedule.clone().unwrap_or_default(),
        }
    }

    /// The monitoring body as the plan's OGP record names it (its name and
    /// evaluators), to start from when the implementation has none yet: one
    /// body, not two records that disagree.
    pub fn from_ogp(b: &super::ogp::MonitoringBody) -> Option<Self> {
        let name = b.name.clone().unwrap_or_default();
        if name.trim().is_empty() && b.evaluators.is_empty() {
            return None;
        }
        Some(Self {
            name,
            members: b.evaluators.join("\n"),
            schedule: String::new(),
        })
    }

    /// Every answer is optional; only a text too long blocks saving.
    pub fn read(&self) -> Reading<LocalMonitoringBody> {
        let mut errors = Vec::new();
        let name = optional_text(
            &self.name,
            Named::RecordBodyName.into(),
            MAX_SHORT,
            &mut errors,
        )
        .unwrap_or_default();
        let members = line_list(&self.members, Named::RecordBodyMembers, &mut errors);
        let schedule = optional_text(
            &self.schedule,
            Named::RecordBodySchedule.into(),
            MAX_SHORT,
            &mut errors,
        );
        Reading::new(
            || LocalMonitoringBody {
                name,
                members,
                schedule,
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

// ---------------------------------------------------------------------------
// The plan's length and refresh

/// What the length page says: how long the plan runs, when a four-year plan
/// is refreshed, and the refresh once made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanDuration {
    pub length: Option<PlanLength>,
    pub refresh_due: Option<PartialDate>,
    pub refresh: Option<Refresh>,
}

impl PlanDuration {
    /// Puts it in the plan's implementation record.
    pub fn apply(self, imp: &mut Implementation) {
        imp.length = self.length;
        imp.refresh_due = self.refresh_due;
        imp.refresh = self.refresh;
    }
}

/// The length page as typed (serde names are [`Named`] keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DurationInput {
    #[serde(rename = "duracion-plan")]
    pub length: String,
    /// The planned refresh date, at any precision ("enero de 2028").
    #[serde(rename = "actualizacion-prevista")]
    pub refresh_due: String,
    /// The day the refresh was made.
    #[serde(rename = "actualizacion-fecha")]
    pub refresh_on: String,
    /// Commitments added, changed or closed, and why.
    #[serde(rename = "actualizacion-cambios")]
    pub refresh_changes: String,
}

impl DurationInput {
    pub fn from_value(imp: &Implementation) -> Self {
        Self {
            length: imp.length.map(|l| l.key().to_owned()).unwrap_or_default(),
            refresh_due: imp.refresh_due.map(format_date).unwrap_or_default(),
            refresh_on: imp
                .refresh
                .as_ref()
                .map(|r| format_date(r.on))
                .unwrap_or_default(),
            refresh_changes: imp
                .refresh
                .as_ref()
                .map(|r| r.changes.clone())
                .unwrap_or_default(),
        }
    }

    /// The refresh belongs to a four-year plan: for any other answer its
    /// fields (not shown then) are not read. A four-year plan without its
    /// refresh date, or a refresh without what changed, is saved and said
    /// once; changes without the day of the refresh cannot be kept.
    pub fn read(&self) -> Reading<PlanDuration> {
        let mut errors = Vec::new();
        let length = optional_choice(
            &self.length,
            Named::PlanLength.into(),
            PlanLength::from_key,
            &mut errors,
        );
        let mut refresh_due = None;
        let mut refresh = None;
        if length == Some(PlanLength::CuatroAnios) {
            refresh_due = optional(
                &self.refresh_due,
                Named::RefreshDue.into(),
                parse_date,
                &mut errors,
            );
            if refresh_due.is_none() && self.refresh_due.trim().is_empty() {
                errors.push(FieldError::new(
                    Named::RefreshDue.into(),
                    Problem::Recommended,
                ));
            }
            let on = optional_day(&self.refresh_on, Named::RefreshDate, &mut errors);
            let changes = optional_text(
                &self.refresh_changes,
                Named::RefreshChanges.into(),
                MAX_LONG,
                &mut errors,
            );
            let changes_typed = !self.refresh_changes.trim().is_empty();
            match on {
                Some(on) => {
                    if !changes_typed {
                        errors.push(FieldError::new(
                            Named::RefreshChanges.into(),
                            Problem::Recommended,
                        ));
                    }
                    refresh = Some(Refresh {
                        on,
                        changes: changes.unwrap_or_default(),
                        unknown: Unknown::new(),
                    });
                }
                // What changed needs the day it changed: said as a date to
                // write (the message asks for the day).
                None if changes_typed && self.refresh_on.trim().is_empty() => {
                    errors.push(FieldError::new(
                        Named::RefreshDate.into(),
                        Problem::NotADate,
                    ));
                }
                None => {}
            }
        }
        Reading::new(
            || PlanDuration {
                length,
                refresh_due,
                refresh,
            },
            errors,
        )
    }
}

// ---------------------------------------------------------------------------
// End-of-commitment assessment

/// The field of "¿Abrió el gobierno?" for OGP value `v`.
pub fn early_result_field(v: OgpValue) -> Named {
    match v {
        OgpValue::Transparencia => Named::EarlyTransparencia,
        OgpValue::ParticipacionCiudadana => Named::EarlyParticipacion,
        OgpValue::RendicionDeCuentas => Named::EarlyRendicion,
        OgpValue::TecnologiaInnovacion => Named::EarlyTecnologia,
        OgpValue::Inclusion => Named::EarlyInclusion,
    }
}

/// The assessment page as typed (serde names are [`Named`] keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssessmentInput {
    #[serde(rename = "valoracion-cumplimiento")]
    pub completion: String,
    #[serde(rename = "abrio-transparencia")]
    pub transparencia: String,
    #[serde(rename = "abrio-participacion")]
    pub participacion: String,
    #[serde(rename = "abrio-rendicion")]
    pub rendicion: String,
    #[serde(rename = "abrio-tecnologia")]
    pub tecnologia: String,
    #[serde(rename = "abrio-inclusion")]
    pub inclusion: String,
    /// One piece of evidence per line.
    #[serde(rename = "valoracion-evidencia")]
    pub evidence: String,
    #[serde(rename = "valoracion-explicacion")]
    pub explanation: String,
}

impl AssessmentInput {
    pub fn from_value(a: &EndAssessment) -> Self {
        let mut input = Self {
            completion: a.completion.map(|s| s.key().to_owned()).unwrap_or_default(),
            evidence: a.evidence.join("\n"),
            explanation: a.explanation.clone().unwrap_or_default(),
            ..Self::default()
        };
        for r in &a.results {
            *input.early_mut(r.value) = r.result.key().to_owned();
        }
        input
    }

    /// What was typed for value `v`.
    pub fn early(&self, v: OgpValue) -> &str {
        match v {
            OgpValue::Transparencia => &self.transparencia,
            OgpValue::ParticipacionCiudadana => &self.participacion,
            OgpValue::RendicionDeCuentas => &self.rendicion,
            OgpValue::TecnologiaInnovacion => &self.tecnologia,
            OgpValue::Inclusion => &self.inclusion,
        }
    }

    fn early_mut(&mut self, v: OgpValue) -> &mut String {
        match v {
            OgpValue::Transparencia => &mut self.transparencia,
            OgpValue::ParticipacionCiudadana => &mut self.participacion,
            OgpValue::RendicionDeCuentas => &mut self.rendicion,
            OgpValue::TecnologiaInnovacion => &mut self.tecnologia,
            OgpValue::Inclusion => &mut self.inclusion,
        }
    }

    /// Every answer is optional; an unknown choice or a text too long blocks
    /// saving. Results come in `OgpValue::ALL` order.
    pub fn read(&self, commitment: CommitmentId) -> Reading<EndAssessment> {
        let mut errors = Vec::new();
        let completion = optional_choice(
            &self.completion,
            Named::EndCompletion.into(),
            Status::from_key,
            &mut errors,
        );
        let results: Vec<ValueResult> = OgpValue::ALL
            .iter()
            .filter_map(|&value| {
                optional_choice(
                    self.early(value),
                    early_result_field(value).into(),
                    EarlyResult::from_key,
                    &mut errors,
                )
                .map(|result| ValueResult {
                    value,
                    result,
                    unknown: Unknown::new(),
                })
            })
            .collect();
        let evidence = line_list(&self.evidence, Named::EndEvidence, &mut errors);
        let explanation = optional_text(
            &self.explanation,
            Named::EndExplanation.into(),
            MAX_LONG,
            &mut errors,
        );
        Reading::new(
            || EndAssessment {
                commitment,
                completion,
                results,
                evidence,
                explanation,
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

/// True when an assessment records nothing (not even fields of a newer version).
pub fn assessment_is_empty(a: &EndAssessment) -> bool {
    a.completion.is_none()
        && a.results.is_empty()
        && a.evidence.is_empty()
        && a.explanation.is_none()
        && !a.holds_unknown()
}

/// Puts commitment `a.commitment`'s assessment in place of the one it had
/// (an empty one removes it; fields of a newer version in the one replaced
/// stay).
pub fn save_assessment(imp: &mut Implementation, mut a: EndAssessment) {
    let at = imp
        .assessments
        .iter()
        .position(|x| x.commitment == a.commitment);
    if let Some(i) = at {
        a.carry_from(&imp.assessments[i]);
    }
    match (at, assessment_is_empty(&a)) {
        (Some(i), true) => {
            imp.assessments.remove(i);
        }
        (Some(i), false) => imp.assessments[i] = a,
        (None, false) => imp.assessments.push(a),
        (None, true) => {}
    }
}

// ---------------------------------------------------------------------------
// Amendments

/// An amendment's page as typed (serde names are [`Named`] keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AmendmentInput {
    #[serde(rename = "enmienda-fecha")]
    pub on: String,
    /// A commitment's id, or [`WHOLE_PLAN`].
    #[serde(rename = "enmienda-compromiso")]
    pub commitment: String,
    #[serde(rename = "enmienda-que")]
    pub what: String,
    #[serde(rename = "enmienda-por-que")]
    pub why: String,
}

impl AmendmentInput {
    pub fn from_value(a: &Amendment) -> Self {
        Self {
            on: format_date(a.on),
            commitment: commitment_key(a.commitment),
            what: a.what.clone(),
            why: a.why.clone(),
        }
    }

    /// A new amendment's page: dated `today`, about `commitment` when the
    /// person came from that commitment's notice.
    pub fn new_on(today: Date, commitment: Option<CommitmentId>) -> Self {
        Self {
            on: format_date(today),
            commitment: commitment
                .map(|c| commitment_key(Some(c)))
                .unwrap_or_default(),
            ..Self::default()
        }
    }

    /// An amendment is kept only whole: every field is required, and the
    /// commitment must be one of `commitments` (the plan's) or the plan as a
    /// whole.
    pub fn parse(
        &self,
        id: ItemId,
        commitments: &[CommitmentId],
    ) -> Result<Amendment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let on = if self.on.trim().is_empty() {
            errors.push(FieldError::new(
                Named::AmendmentDate.into(),
                Problem::Missing,
            ));
            None
        } else {
            optional_day(&self.on, Named::AmendmentDate, &mut errors)
        };
        let field: Field = Named::AmendmentCommitment.into();
        let commitment = match self.commitment.trim() {
            "" => {
                errors.push(FieldError::new(field, Problem::Missing));
                None
            }
            WHOLE_PLAN => Some(None),
            key => {
                let c = key
                    .parse::<u32>()
                    .ok()
                    .map(CommitmentId)
                    .filter(|c| commitments.contains(c));
                if c.is_none() {
                    errors.push(FieldError::new(field, Problem::UnknownChoice));
                }
                c.map(Some)
            }
        };
        let what = required_text(
            &self.what,
            Named::AmendmentWhat.into(),
            MAX_LONG,
            &mut errors,
        );
        let why = required_text(&self.why, Named::AmendmentWhy.into(), MAX_LONG, &mut errors);
        match (on, commitment, what, why) {
            (Some(on), Some(commitment), Some(what), Some(why)) if errors.is_empty() => {
                Ok(Amendment {
                    id,
                    on,
                    commitment,
                    what,
                    why,
                    fingerprint: None,
                    unknown: Unknown::new(),
                })
            }
            _ => Err(errors),
        }
    }
}

/// The amendment page's key for `commitment` ([`WHOLE_PLAN`] for `None`).
pub fn commitment_key(commitment: Option<CommitmentId>) -> String {
    commitment.map_or_else(|| WHOLE_PLAN.to_owned(), |c| c.0.to_string())
}

/// Stores amendment `a` (new, or in place of the one with its id). It
/// records its commitment as it is now, so the notice asking for it goes
/// away ([`Plan::amendment_due`]); an amendment edited later about the same
/// commitment keeps the state it recorded.
pub fn save_amendment(plan: &mut Plan, mut a: Amendment) {
    let before = plan
        .implementation
        .amendments
        .iter()
        .find(|x| x.id == a.id)
        .cloned();
    a.fingerprint = match &before {
        Some(b) if b.commitment == a.commitment => b.fingerprint.clone(),
        _ => a
            .commitment
            .and_then(|c| plan.commitment(c))
            .map(commitment_fingerprint),
    };
    let list = &mut plan.implementation.amendments;
    match list.iter_mut().find(|x| x.id == a.id) {
        Some(x) => {
            a.carry_from(x);
            *x = a;
        }
        None => list.push(a),
    }
}

/// The amendments oldest first (by day, then in the order recorded).
pub fn amendments_in_order(imp: &Implementation) -> Vec<&Amendment> {
    let mut list: Vec<&Amendment> = imp.amendments.iter().collect();
    list.sort_by_key(|a| a.on);
    list
}

// ---------------------------------------------------------------------------
// Statuses on the step's hub

/// The monitoring body: done once it has a name.
pub fn body_status(imp: &Implementation, unsaved: bool) -> TaskStatus {
    match &imp.monitoring_body {
        Some(b) if !b.name.is_empty() && !unsaved => TaskStatus::Completed,
        Some(_) => TaskStatus::InProgress,
        None if unsaved => TaskStatus::InProgress,
        None => TaskStatus::NotStarted,
    }
}

/// The length: done once chosen, and for four years with its refresh date.
pub fn length_status(imp: &Implementation, unsaved: bool) -> TaskStatus {
    let done = match imp.length {
        Some(PlanLength::DosAnios) => true,
        Some(PlanLength::CuatroAnios) => imp.refresh_due.is_some(),
        None => false,
    };
    if done && !unsaved {
        TaskStatus::Completed
    } else if done || unsaved || imp.length.is_some() {
        TaskStatus::InProgress
    } else {
        TaskStatus::NotStarted
    }
}

/// Commitment `c`'s assessment: done once it has its completion and a result
/// for every OGP value the commitment marks.
pub fn assessment_status(plan: &Plan, c: CommitmentId, unsaved: bool) -> TaskStatus {
    let Some(a) = plan.end_assessment(c) else {
        return if unsaved {
            TaskStatus::InProgress
        } else {
            TaskStatus::NotStarted
        };
    };
    let every_value = plan.commitment(c).is_none_or(|commitment| {
        commitment
            .values
            .iter()
            .all(|v| a.results.iter().any(|r| r.value == v.value))
    });
    if a.completion.is_some() && every_value && !unsaved {
        TaskStatus::Completed
    } else {
        TaskStatus::InProgress
    }
}

/// The OGP values the assessment page asks about for commitment `c`: those it
/// marks, then any other with a saved result (kept, and shown, after the
/// commitment stopped marking it).
pub fn assessed_values(plan: &Plan, c: CommitmentId) -> Vec<OgpValue> {
    let marked: Vec<OgpValue> = plan
        .commitment(c)
        .map(|x| x.values.iter().map(|v| v.value).collect())
        .unwrap_or_default();
    let saved: Vec<OgpValue> = plan
        .end_assessment(c)
        .map(|a| a.results.iter().map(|r| r.value).collect())
        .unwrap_or_default();
    OgpValue::ALL
        .iter()
        .copied()
        .filter(|v| marked.contains(v))
        .chain(
            OgpValue::ALL
                .iter()
                .copied()
                .filter(|v| !marked.contains(v) && saved.contains(v)),
        )
        .collect()
}
