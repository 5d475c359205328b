//! Commitments (compromisos): for now a name and dates; the full ficha grows here.

use serde::{Deserialize, Serialize};

use super::alignment::{split_codes, Alignment, NationalLink, NationalPlan, Relation};
use super::date::{format_date, Period};
use super::error::{required_text, Field, FieldError, Problem};
use crate::catalog;

/// Longest accepted commitment name.
pub const MAX_COMMITMENT_NAME: usize = 300;

/// A commitment's identity inside one plan. It never changes when commitments are
/// reordered, so links (`/plan/compromisos/3`) stay valid; the number shown to
/// people is the commitment's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CommitmentId(pub u32);

/// One commitment of the plan, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub id: CommitmentId,
    pub name: String,
    pub period: Period,
    /// National commitment and SDG targets (schema 2; empty in drafts from schema 1).
    #[serde(default)]
    pub alignment: Alignment,
}

/// The commitment page's fields exactly as typed (serde names are [`Field::key`]s).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommitmentInput {
    #[serde(rename = "nombre-compromiso")]
    pub name: String,
    #[serde(rename = "inicio-compromiso")]
    pub start: String,
    #[serde(rename = "termino-compromiso")]
    pub end: String,
    /// "replica", "complementa", "nuevo" or empty.
    #[serde(rename = "relacion-nacional")]
    pub relation: String,
    /// Id of the national commitment (e.g. "MX0087").
    #[serde(rename = "compromiso-nacional")]
    pub national: String,
    /// SDG target codes separated by commas ("16.6,16.10").
    #[serde(rename = "metas-ods")]
    pub sdg_targets: String,
}

impl CommitmentInput {
    pub fn from_commitment(c: &Commitment) -> Self {
        Self {
            name: c.name.clone(),
            start: format_date(c.period.start()),
            end: format_date(c.period.end()),
            relation: c
                .alignment
                .national
                .as_ref()
                .map_or("", |n| n.relation().key())
                .to_owned(),
            national: c
                .alignment
                .national
                .as_ref()
                .and_then(|n| n.commitment())
                .unwrap_or("")
                .to_owned(),
            sdg_targets: c.alignment.sdg_targets.join(","),
        }
    }

    /// Parses the inputs. When the plan has a period, the commitment must lie
    /// within it; a national commitment must be in the plan's national list.
    pub fn parse(
        &self,
        id: CommitmentId,
        plan_period: Option<Period>,
        national_plan: &NationalPlan,
    ) -> Result<Commitment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text(
            &self.name,
            Field::CommitmentName,
            MAX_COMMITMENT_NAME,
            &mut errors,
        );
        let period = Period::parse(
            &self.start,
            &self.end,
            Field::CommitmentStart,
            Field::CommitmentEnd,
            &mut errors,
        );
        if let (Some(own), Some(plan)) = (period, plan_period) {
            if !plan.contains_date(own.start()) {
                errors.push(FieldError::new(
                    Field::CommitmentStart,
                    Problem::OutsidePlanPeriod { period: plan },
                ));
            }
            if !plan.contains_date(own.end()) {
                errors.push(FieldError::new(
                    Field::CommitmentEnd,
                    Problem::OutsidePlanPeriod { period: plan },
                ));
            }
        }
        let alignment = self.alignment(national_plan, &mut errors);
        match (name, period) {
            (Some(name), Some(period)) if errors.is_empty() => Ok(Commitment {
                id,
                name,
                period,
                alignment,
            }),
            _ => Err(errors),
        }
    }

    fn alignment(&self, national_plan: &NationalPlan, errors: &mut Vec<FieldError>) -> Alignment {
        let national_id = self.national.trim();
        let national = match Relation::from_key(self.relation.trim()) {
            None if self.relation.trim().is_empty() => None,
            None => {
                errors.push(FieldError::new(
                    Field::NationalRelation,
                    Problem::NotInCatalog,
                ));
                None
            }
            Some(Relation::Nuevo) => NationalLink::new(Relation::Nuevo, None),
            Some(relation) if national_id.is_empty() => {
                errors.push(FieldError::new(Field::NationalCommitment, Problem::Missing));
                let _ = relation;
                None
            }
            Some(relation) => {
                if national_plan.entry(national_id).is_some() {
                    NationalLink::new(relation, Some(national_id.to_owned()))
                } else {
                    errors.push(FieldError::new(
                        Field::NationalCommitment,
                        Problem::NotInCatalog,
                    ));
                    None
                }
            }
        };
        let mut codes = split_codes(&self.sdg_targets);
        if codes.iter().any(|c| catalog::sdg_target(c).is_none()) {
            errors.push(FieldError::new(Field::SdgTargets, Problem::NotInCatalog));
        }
        // Catalogue order, no repeats.
        codes.retain(|c| catalog::sdg_target(c).is_some());
        let sdg_targets = catalog::SDG_TARGETS
            .iter()
            .filter(|t| codes.iter().any(|c| c == t.code))
            .map(|t| t.code.to_owned())
            .collect();
        Alignment {
            national,
            sdg_targets,
        }
    }
}
