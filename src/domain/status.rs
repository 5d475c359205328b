//! The status of each step in the task list, read from the plan, and the
//! "Versión final" check that needs the required steps complete. The steps
//! themselves are in [`super::methodology`].

use time::Date;

use super::final_mark::{DocumentStatus, FinalMark};
use super::methodology::{Step, TaskStatus};
use super::plan::Plan;

impl Step {
    /// Status of this step. `unsaved` says whether the step's pages hold typed
    /// input that has not passed "Guardar y continuar" yet.
    pub fn status(self, plan: &Plan, unsaved: bool) -> TaskStatus {
        match self {
            Step::Profile => {
                let parts = [
                    plan.profile.is_some(),
                    plan.office.is_some(),
                    plan.framework.is_some(),
                ];
                if parts.iter().all(|p| *p) {
                    TaskStatus::Completed
                } else if unsaved || parts.iter().any(|p| *p) {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::NotStarted
                }
            }
            Step::Readiness => {
                if !plan.readiness.is_empty() {
                    TaskStatus::Completed
                } else if unsaved {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::NotStarted
                }
            }
            // A list is always in use (the 4th plan by default).
            Step::NationalPlan => TaskStatus::Completed,
            Step::Political => simple(plan.political.is_some(), unsaved),
            Step::Coordination => {
                let c = &plan.coordination;
                if c.body.is_some() && !c.gaps().is_empty() {
                    TaskStatus::HasProblem
                } else if c.body.is_some() && !c.members.is_empty() && !unsaved {
                    TaskStatus::Completed
                } else if unsaved || !c.is_empty() {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::NotStarted
                }
            }
            Step::Roadmap => match &plan.roadmap {
                Some(r) if !r.gaps().is_empty() => TaskStatus::HasProblem,
                r => simple(r.is_some(), unsaved),
            },
            Step::Problems => simple(!plan.problems.is_empty(), unsaved),
            Step::Commitments => {
                if plan
                    .commitments
                    .iter()
                    .any(|c| !plan.commitment_issues(c).is_empty())
                {
                    TaskStatus::HasProblem
                } else if plan.commitments.is_empty() && !unsaved {
                    TaskStatus::NotStarted
                } else if !unsaved && plan.commitments.iter().all(|c| plan.commitment_complete(c)) {
                    TaskStatus::Completed
                } else {
                    TaskStatus::InProgress
                }
            }
            Step::Monitoring => {
                if plan.commitments.is_empty() && plan.monitoring.is_none() {
                    TaskStatus::CannotStartYet
                } else {
                    simple(plan.monitoring.is_some(), unsaved)
                }
            }
            Step::Responses => simple(!plan.responses.is_empty(), unsaved),
            Step::Review => {
                if plan.profile.is_none() {
                    TaskStatus::CannotStartYet
                } else if matches!(plan.document_status(), DocumentStatus::Final(_)) {
                    TaskStatus::Completed
                } else {
                    TaskStatus::NotStarted
                }
            }
        }
    }
}

/// Completed once saved, in progress while typed, otherwise not started.
fn simple(saved: bool, unsaved: bool) -> TaskStatus {
    if saved && !unsaved {
        TaskStatus::Completed
    } else if saved || unsaved {
        TaskStatus::InProgress
    } else {
        TaskStatus::NotStarted
    }
}

impl Plan {
    /// The steps "Versión final" needs that are not complete yet, in order.
    pub fn unfinished_for_final(&self) -> Vec<Step> {
        Step::required()
            .filter(|s| s.status(self, false) != TaskStatus::Completed)
            .collect()
    }

    /// Marks the plan final as of `today`, when every required step is
    /// complete; otherwise returns the steps still to complete.
    pub fn mark_final(&mut self, today: Date) -> Result<(), Vec<Step>> {
        let missing = self.unfinished_for_final();
        if !missing.is_empty() {
            return Err(missing);
        }
        self.final_mark = Some(FinalMark {
            on: today,
            fingerprint: self.fingerprint(),
        });
        Ok(())
    }

    /// Makes the plan a draft again.
    pub fn unmark_final(&mut self) {
        self.final_mark = None;
    }
}
