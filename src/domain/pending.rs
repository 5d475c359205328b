//! What the methodology still asks for in a saved commitment.
//!
//! A page saves what the person wrote, complete or not (a published plan rarely
//! has every field of the ficha). What is missing is found by reading the saved
//! value back into its page and applying the page's own rules
//! ([`super::error::Reading`]): the same rules whether the value was typed or came
//! in a file, so a file with blanks never reads "Completado".

use super::choice::ItemId;
use super::commitment::{
    AlignmentInput, Commitment, CommitmentInput, ObjectivesInput, ValuesInput,
};
use super::error::{Field, FieldError, Problem};
use super::key_action::{ActivityInput, KeyActionInput, WeightStatus};
use super::plan::{CommitmentIssue, FichaPart, Plan};
use super::CommitmentId;

/// One thing the methodology still asks for in a commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// A field of the part's page.
    Field(FieldError),
    /// The part has nothing saved yet (no responsible, no key actions…).
    Nothing,
    /// A field of a key action's page.
    KeyAction(ItemId, FieldError),
    /// A field of an activity's page.
    Activity(ItemId, ItemId, FieldError),
    /// The key actions' weights, when they do not add up to 100 yet.
    Weights(WeightStatus),
}

/// Only what is still to write or choose: problems of dates outside a period
/// are the commitment's issues ([`Plan::commitment_issues`]), not missing data.
fn still_asked(e: &FieldError) -> bool {
    matches!(e.problem, Problem::Missing | Problem::NoCoreValue)
}

fn fields(errors: &[FieldError]) -> impl Iterator<Item = FieldError> + '_ {
    errors.iter().filter(|e| still_asked(e)).cloned()
}

/// What the pages ask of one commitment: what each part of its ficha still
/// needs ([`Plan::commitment_pending`]) and what must be fixed
/// ([`Plan::commitment_issues`]). Reading every part back through its page's
/// rules is the dearest thing the lists do; [`Plan::checks`] does it once per
/// commitment, for everything that asks (the task list, the commitments list,
/// the review, the quality review).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentCheck {
    pub id: CommitmentId,
    pub pending: Vec<(FichaPart, Vec<Pending>)>,
    pub issues: Vec<CommitmentIssue>,
}

impl CommitmentCheck {
    /// Nothing to fill and nothing to fix ([`Plan::commitment_complete`]).
    pub fn complete(&self) -> bool {
        self.pending.is_empty() && self.issues.is_empty()
    }

    /// How many things it still needs.
    pub fn pending_count(&self) -> usize {
        self.pending.iter().map(|(_, v)| v.len()).sum()
    }

    /// Whether part `part` still needs something.
    pub fn part_pending(&self, part: FichaPart) -> bool {
        self.pending.iter().any(|(p, _)| *p == part)
    }
}

impl Plan {
    /// Every commitment's check, in the plan's order.
    pub fn checks(&self) -> Vec<CommitmentCheck> {
        self.commitments.iter().map(|c| self.check(c)).collect()
    }

    /// One commitment's check.
    pub fn check(&self, c: &super::Commitment) -> CommitmentCheck {
        CommitmentCheck {
            id: c.id,
            pending: self.commitment_pending(c),
            issues: self.commitment_issues(c),
        }
    }

    /// What part `part` of commitment `c` still needs, in page order (empty when done).
    pub fn pending(&self, c: &Commitment, part: FichaPart) -> Vec<Pending> {
        match part {
            FichaPart::General => {
                let plan_period = self.profile.as_ref().map(|p| &p.period);
                let reading = CommitmentInput::from_commitment(c).read(c.id, plan_period, Some(c));
                fields(reading.pending()).map(Pending::Field).collect()
            }
            FichaPart::Responsible if c.responsible.is_empty() => vec![Pending::Nothing],
            FichaPart::CoResponsible if c.co_responsible.is_empty() => vec![Pending::Nothing],
            FichaPart::Responsible | FichaPart::CoResponsible => Vec::new(),
            FichaPart::Objectives => {
                let Some(o) = &c.objectives else {
                    return vec![Pending::Nothing];
                };
                let ids: Vec<ItemId> = self.problems.iter().map(|p| p.id).collect();
                let reading = ObjectivesInput::from_value(o).read(&ids);
                fields(reading.pending()).map(Pending::Field).collect()
            }
            FichaPart::Values => {
                let reading = ValuesInput::from_values(&c.values).read();
                fields(reading.pending()).map(Pending::Field).collect()
            }
            FichaPart::Alignment => {
                // The page saves an alignment without these; the ficha needs both.
                let a = AlignmentInput::from_commitment(c, self.pnd_edition());
                let mut out = Vec::new();
                if a.relation.is_empty() {
                    out.push(Pending::Field(FieldError::new(
                        Field::NationalRelation,
                        Problem::Missing,
                    )));
                }
                if a.sdg_targets.is_empty() {
                    out.push(Pending::Field(FieldError::new(
                        Field::SdgTargets,
                        Problem::Missing,
                    )));
                }
                out
            }
            FichaPart::KeyActions => {
                if c.key_actions.is_empty() {
                    return vec![Pending::Nothing];
                }
                let mut out = Vec::new();
                for k in &c.key_actions {
                    let reading = KeyActionInput::from_value(k).read(
                        k.id,
                        c.period.as_ref(),
                        k.activities.clone(),
                    );
                    out.extend(fields(reading.pending()).map(|e| Pending::KeyAction(k.id, e)));
                    for a in &k.activities {
                        let reading = ActivityInput::from_value(a).read(a.id, k.period.as_ref());
                        out.extend(
                            fields(reading.pending()).map(|e| Pending::Activity(k.id, a.id, e)),
                        );
                    }
                }
                let weights = c.weight_status();
                // A key action without a weight is already named above.
                if matches!(
                    weights,
                    WeightStatus::Short { .. } | WeightStatus::Over { .. }
                ) {
                    out.push(Pending::Weights(weights));
                }
                out
            }
        }
    }

    /// Everything commitment `c` still needs, part by part (parts with nothing missing left out).
    pub fn commitment_pending(&self, c: &Commitment) -> Vec<(FichaPart, Vec<Pending>)> {
        FichaPart::ALL
            .iter()
            .map(|&part| (part, self.pending(c, part)))
            .filter(|(_, p)| !p.is_empty())
            .collect()
    }
}
