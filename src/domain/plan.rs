//! The plan: everything a jurisdiction drafts, and the task list derived from it.

use serde::{Deserialize, Serialize};

use super::alignment::NationalPlan;
use super::commitment::{Commitment, CommitmentId};
use super::profile::Profile;
use super::readiness::Assessment;

/// A local open-government action plan as far as it has been drafted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// `None` until the profile page has been saved once.
    #[serde(default)]
    pub profile: Option<Profile>,
    /// In the order they are numbered (position 0 is commitment 1).
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// The national plan's commitment list this plan aligns to (the 4th plan by default).
    #[serde(default = "NationalPlan::fourth_plan")]
    pub national_plan: NationalPlan,
    /// Readiness self-assessments, oldest first (schema 3).
    #[serde(default)]
    pub readiness: Vec<Assessment>,
}

impl Default for Plan {
    fn default() -> Self {
        Self {
            profile: None,
            commitments: Vec::new(),
            national_plan: NationalPlan::fourth_plan(),
            readiness: Vec::new(),
        }
    }
}

impl Plan {
    /// True when nothing has been saved yet.
    pub fn is_empty(&self) -> bool {
        self.profile.is_none() && self.commitments.is_empty() && self.readiness.is_empty()
    }

    /// An id no commitment of this plan has used.
    pub fn next_commitment_id(&self) -> CommitmentId {
        CommitmentId(
            self.commitments
                .iter()
                .map(|c| c.id.0)
                .max()
                .map_or(1, |m| m.saturating_add(1)),
        )
    }

    pub fn commitment(&self, id: CommitmentId) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.id == id)
    }

    /// The 1-based number people see for a commitment.
    pub fn commitment_number(&self, id: CommitmentId) -> Option<usize> {
        self.commitments
            .iter()
            .position(|c| c.id == id)
            .map(|i| i + 1)
    }

    /// Replaces the commitment with the same id, or appends it.
    pub fn upsert_commitment(&mut self, commitment: Commitment) {
        match self.commitments.iter_mut().find(|c| c.id == commitment.id) {
            Some(slot) => *slot = commitment,
            None => self.commitments.push(commitment),
        }
    }

    /// Removes a commitment; returns whether it existed.
    pub fn remove_commitment(&mut self, id: CommitmentId) -> bool {
        let before = self.commitments.len();
        self.commitments.retain(|c| c.id != id);
        before != self.commitments.len()
    }

    /// Commitments whose dates fall outside the plan period (after the period changed).
    pub fn commitments_outside_period(&self) -> Vec<CommitmentId> {
        let Some(profile) = &self.profile else {
            return Vec::new();
        };
        self.commitments
            .iter()
            .filter(|c| !profile.period.contains(&c.period))
            .map(|c| c.id)
            .collect()
    }

    /// A name for files: the plan's name, or a neutral one before the profile exists.
    pub fn display_name(&self) -> &str {
        self.profile
            .as_ref()
            .map_or("Plan de acción local de gobierno abierto", |p| {
                p.plan_name.as_str()
            })
    }
}

/// Status of a task in the task list (GOV.UK task list pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Completed,
    CannotStartYet,
    HasProblem,
}

/// The tasks of the hub, in methodology order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Readiness,
    Profile,
    NationalPlan,
    Commitments,
    Review,
}

impl Task {
    pub const ALL: [Task; 5] = [
        Task::Readiness,
        Task::Profile,
        Task::NationalPlan,
        Task::Commitments,
        Task::Review,
    ];

    /// Status of this task. `unsaved` says whether the task's pages hold typed
    /// input that has not passed "Guardar y continuar" yet.
    pub fn status(self, plan: &Plan, unsaved: bool) -> TaskStatus {
        match self {
            Task::Profile => {
                if plan.profile.is_some() {
                    TaskStatus::Completed
                } else if unsaved {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::NotStarted
                }
            }
            Task::Readiness => {
                if !plan.readiness.is_empty() {
                    TaskStatus::Completed
                } else if unsaved {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::NotStarted
                }
            }
            // A list is always in use (the 4th plan by default).
            Task::NationalPlan => TaskStatus::Completed,
            Task::Commitments => {
                if !plan.commitments_outside_period().is_empty() {
                    TaskStatus::HasProblem
                } else if unsaved {
                    TaskStatus::InProgress
                } else if plan.commitments.is_empty() {
                    TaskStatus::NotStarted
                } else {
                    TaskStatus::Completed
                }
            }
            Task::Review => {
                if plan.profile.is_none() {
                    TaskStatus::CannotStartYet
                } else {
                    TaskStatus::NotStarted
                }
            }
        }
    }
}
