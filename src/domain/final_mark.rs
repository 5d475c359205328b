//! "Borrador" or "Versión final": the person marks a complete plan as final,
//! and the mark holds only while the plan stays as it was marked.
//!
//! The mark keeps a fingerprint of the plan's content. Any later change makes
//! the plan a draft again without anyone having to remember to clear the mark
//! (and undoing the change makes it final again, since the content is the one
//! that was marked). The exported PDF and the print view say which.

use serde::{Deserialize, Serialize};
use time::Date;

use super::plan::{Plan, Task, TaskStatus};
use super::unknown::{carry_fields, Unknown};

/// The person's statement that the plan is final, as of `on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalMark {
    pub on: Date,
    /// [`fingerprint`] of the plan when it was marked, as 16 hex digits.
    pub fingerprint: String,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(FinalMark);

/// What the exported document says the plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentStatus {
    /// Never marked final.
    Draft,
    /// Marked final on this date, and unchanged since.
    Final(Date),
    /// Marked final on this date, then changed: a draft again.
    ChangedSinceFinal(Date),
}

/// The tasks that must be complete before a plan can be final: every step of
/// the methodology but the optional readiness self-assessment (and the review
/// itself).
pub const REQUIRED_TASKS: [Task; 8] = [
    Task::Profile,
    Task::Political,
    Task::Coordination,
    Task::Roadmap,
    Task::Problems,
    Task::Commitments,
    Task::Monitoring,
    Task::Responses,
];

/// FNV-1a (64-bit) of the plan's JSON without its mark: stable across builds
/// and machines (fields serialise in declaration order, maps are sorted).
pub fn fingerprint(plan: &Plan) -> String {
    let mut content = plan.clone();
    content.final_mark = None;
    // Serialising the plan cannot fail (string keys, no floats).
    let bytes = serde_json::to_vec(&content).unwrap_or_default();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

impl Plan {
    /// The required tasks that are not complete yet, in methodology order.
    pub fn unfinished_for_final(&self) -> Vec<Task> {
        REQUIRED_TASKS
            .into_iter()
            .filter(|t| t.status(self, false) != TaskStatus::Completed)
            .collect()
    }

    /// Marks the plan final as of `today`, when every required task is
    /// complete; otherwise returns the tasks still to complete.
    pub fn mark_final(&mut self, today: Date) -> Result<(), Vec<Task>> {
        let missing = self.unfinished_for_final();
        if !missing.is_empty() {
            return Err(missing);
        }
        self.final_mark = Some(FinalMark {
            on: today,
            fingerprint: fingerprint(self),
            unknown: Unknown::new(),
        });
        Ok(())
    }

    /// Makes the plan a draft again.
    pub fn unmark_final(&mut self) {
        self.final_mark = None;
    }

    pub fn document_status(&self) -> DocumentStatus {
        match &self.final_mark {
            None => DocumentStatus::Draft,
            Some(mark) if mark.fingerprint == fingerprint(self) => DocumentStatus::Final(mark.on),
            Some(mark) => DocumentStatus::ChangedSinceFinal(mark.on),
        }
    }
}
