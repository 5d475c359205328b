//! Commitments (compromisos): for now a name and dates; the full ficha grows here.

use serde::{Deserialize, Serialize};

use super::date::{format_date, Period};
use super::error::{required_text, Field, FieldError, Problem};

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
}

impl CommitmentInput {
    pub fn from_commitment(c: &Commitment) -> Self {
        Self {
            name: c.name.clone(),
            start: format_date(c.period.start()),
            end: format_date(c.period.end()),
        }
    }

    /// Parses the inputs. When the plan has a period, the commitment must lie within it.
    pub fn parse(
        &self,
        id: CommitmentId,
        plan_period: Option<Period>,
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
        match (name, period) {
            (Some(name), Some(period)) if errors.is_empty() => Ok(Commitment { id, name, period }),
            _ => Err(errors),
        }
    }
}
