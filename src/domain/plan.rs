//! The plan: everything a jurisdiction drafts, and the task list derived from it.

use serde::{Deserialize, Serialize};

use super::alignment::NationalPlan;
use super::assessment::Assessment;
use super::choice::{remove_item, ItemId};
use super::commitment::{Commitment, CommitmentId};
use super::coordination::{Coordination, PoliticalCommitment};
use super::final_mark::{DocumentStatus, FinalMark};
use super::monitoring::{Monitoring, ReasonedResponse};
use super::ogp::PlanOgp;
use super::problem::PublicProblem;
use super::profile::{Framework, Office, Profile};
use super::roadmap::Roadmap;
use super::unknown::{carry_fields, Unknown};

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
    /// Coordinating office and contact (schema 4, as all that follows).
    #[serde(default)]
    pub office: Option<Office>,
    /// Development plan, PND edition, legal framework, guarantor.
    #[serde(default)]
    pub framework: Option<Framework>,
    #[serde(default)]
    pub political: Option<PoliticalCommitment>,
    #[serde(default)]
    pub coordination: Coordination,
    #[serde(default)]
    pub roadmap: Option<Roadmap>,
    #[serde(default)]
    pub problems: Vec<PublicProblem>,
    #[serde(default)]
    pub monitoring: Option<Monitoring>,
    #[serde(default)]
    pub responses: Vec<ReasonedResponse>,
    /// Set when the person marks the plan final (see [`super::final_mark`]).
    /// Optional and additive: drafts without it read as before, so the schema
    /// version stays 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_mark: Option<FinalMark>,
    /// What OGP publishes about the plan, once it is an OGP action plan
    /// ([`super::ogp`]). Optional and additive, like `final_mark`: absent, it
    /// is not written, so earlier drafts and their fingerprints are unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ogp: Option<PlanOgp>,
    /// Recommendations of the quality review kept as they are, with a reason
    /// ([`super::quality`]). Optional and additive, like `ogp`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept_findings: Vec<super::kept::KeptFinding>,
    /// What happened after approval: report rounds, the monitoring body, the
    /// refresh, end-of-commitment assessments, amendments
    /// ([`super::progress`]; schema 6).
    #[serde(
        default,
        skip_serializing_if = "super::implementation::Implementation::is_empty"
    )]
    pub implementation: super::implementation::Implementation,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(
    Plan,
    profile,
    commitments,
    national_plan,
    readiness,
    office,
    framework,
    political,
    coordination,
    roadmap,
    problems,
    monitoring,
    responses,
    final_mark,
    ogp,
    kept_findings,
    implementation,
);

impl Default for Plan {
    fn default() -> Self {
        Self {
            profile: None,
            commitments: Vec::new(),
            national_plan: NationalPlan::fourth_plan(),
            readiness: Vec::new(),
            office: None,
            framework: None,
            political: None,
            coordination: Coordination::default(),
            roadmap: None,
            problems: Vec::new(),
            monitoring: None,
            responses: Vec::new(),
            final_mark: None,
            ogp: None,
            kept_findings: Vec::new(),
            implementation: super::implementation::Implementation::default(),
            unknown: Unknown::new(),
        }
    }
}

/// Something in a commitment that must be fixed before it is complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitmentIssue {
    /// Its dates fall outside the plan period (after the period changed).
    OutsidePlan,
    /// Key actions whose dates fall outside the commitment's.
    KeyActionsOutside(Vec<super::ItemId>),
    /// Activities whose dates fall outside their key action's.
    ActivitiesOutside(Vec<(super::ItemId, super::ItemId)>),
    /// The key actions' weights do not add up to 100.
    WeightsDoNotAddUp { total: u32 },
}

/// The parts of a commitment's ficha, each with its own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FichaPart {
    General,
    Responsible,
    CoResponsible,
    Objectives,
    Values,
    Alignment,
    KeyActions,
}

impl FichaPart {
    pub const ALL: [FichaPart; 7] = [
        FichaPart::General,
        FichaPart::Responsible,
        FichaPart::CoResponsible,
        FichaPart::Objectives,
        FichaPart::Values,
        FichaPart::Alignment,
        FichaPart::KeyActions,
    ];
}

impl Plan {
    /// True when nothing has been saved yet.
    pub fn is_empty(&self) -> bool {
        *self == Plan::default()
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

    /// Moves a commitment one place up (earlier) or down; returns whether it moved.
    pub fn move_commitment(&mut self, id: CommitmentId, up: bool) -> bool {
        let Some(i) = self.commitments.iter().position(|c| c.id == id) else {
            return false;
        };
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        match j {
            Some(j) if j < self.commitments.len() => {
                self.commitments.swap(i, j);
                true
            }
            _ => false,
        }
    }

    /// Copies a commitment (all its ficha, not its OGP record) right after it,
    /// under a new id and the name "Copia de …"; returns the copy's id.
    pub fn duplicate_commitment(&mut self, id: CommitmentId) -> Option<CommitmentId> {
        let i = self.commitments.iter().position(|c| c.id == id)?;
        let new_id = self.next_commitment_id();
        let mut copy = self.commitments[i].clone();
        copy.id = new_id;
        // OGP's id and ratings belong to the original, not to its copy.
        copy.ogp = None;
        let name = format!("Copia de {}", copy.name);
        copy.name = name
            .chars()
            .take(super::commitment::MAX_COMMITMENT_NAME)
            .collect();
        self.commitments.insert(i + 1, copy);
        Some(new_id)
    }

    pub fn commitment_mut(&mut self, id: CommitmentId) -> Option<&mut Commitment> {
        self.commitments.iter_mut().find(|c| c.id == id)
    }

    /// Removes a commitment; returns whether it existed. Reasoned responses
    /// that named it lose the link (their page then asks for another commitment).
    pub fn remove_commitment(&mut self, id: CommitmentId) -> bool {
        let before = self.commitments.len();
        self.commitments.retain(|c| c.id != id);
        // Its end-of-commitment assessment goes with it; the rounds' reports
        // stay (what was reported then), left out of the outputs.
        self.implementation
            .assessments
            .retain(|a| a.commitment != id);
        for r in &mut self.responses {
            if r.commitment == Some(id) {
                r.commitment = None;
            }
        }
        before != self.commitments.len()
    }

    /// Removes a public problem; returns whether it existed. Commitments whose
    /// objectives named it lose the link (their objectives stay, answering no
    /// problem of the list).
    pub fn remove_problem(&mut self, id: ItemId) -> bool {
        let existed = remove_item(&mut self.problems, id);
        for o in self
            .commitments
            .iter_mut()
            .filter_map(|c| c.objectives.as_mut())
        {
            if o.problem == Some(id) {
                o.problem = None;
            }
        }
        existed
    }

    /// Removes a reasoned response; returns whether it existed.
    pub fn remove_response(&mut self, id: ItemId) -> bool {
        remove_item(&mut self.responses, id)
    }

    /// What must be fixed in a commitment (dates out of range, weights).
    pub fn commitment_issues(&self, c: &Commitment) -> Vec<CommitmentIssue> {
        let mut out = Vec::new();
        if let (Some(p), Some(own)) = (&self.profile, &c.period) {
            if !p.period.contains(own) {
                out.push(CommitmentIssue::OutsidePlan);
            }
        }
        let ka = c.key_actions_outside();
        if !ka.is_empty() {
            out.push(CommitmentIssue::KeyActionsOutside(ka));
        }
        let acts: Vec<_> = c
            .key_actions
            .iter()
            .flat_map(|k| k.activities_outside().into_iter().map(move |a| (k.id, a)))
            .collect();
        if !acts.is_empty() {
            out.push(CommitmentIssue::ActivitiesOutside(acts));
        }
        let weights = c.weight_status();
        if weights.needs_fixing() {
            out.push(CommitmentIssue::WeightsDoNotAddUp {
                total: weights.total(),
            });
        }
        out
    }

    /// Whether every part of the commitment's ficha is filled and nothing needs fixing.
    pub fn commitment_complete(&self, c: &Commitment) -> bool {
        FichaPart::ALL
            .iter()
            .all(|&p| self.pending(c, p).is_empty())
            && self.commitment_issues(c).is_empty()
    }

    /// The PND edition chosen in the profile's framework, if any.
    pub fn pnd_edition(&self) -> Option<crate::catalog::PndEdition> {
        self.framework.as_ref().map(|f| f.pnd_edition)
    }

    /// Commitments whose dates fall outside the plan period (after the period changed).
    pub fn commitments_outside_period(&self) -> Vec<CommitmentId> {
        let Some(profile) = &self.profile else {
            return Vec::new();
        };
        self.commitments
            .iter()
            .filter(|c| {
                c.period
                    .as_ref()
                    .is_some_and(|p| !profile.period.contains(p))
            })
            .map(|c| c.id)
            .collect()
    }

    /// FNV-1a (64-bit) of the plan's JSON without its final mark, as 16 hex
    /// digits: stable across builds and machines (fields serialise in
    /// declaration order, maps are sorted).
    pub fn fingerprint(&self) -> String {
        let mut content = self.clone();
        content.final_mark = None;
        // What happens after approval (progress reports, the monitoring body,
        // assessments, amendments) is not the approved plan: recording it
        // keeps the plan final. Empty, it is not serialised either, so earlier
        // fingerprints are unchanged.
        content.implementation = Default::default();
        // Serialising the plan cannot fail (string keys, no floats).
        super::final_mark::fnv1a_hex(&serde_json::to_vec(&content).unwrap_or_default())
    }

    /// What the exported document says the plan is: a draft, final, or changed
    /// since it was marked final.
    pub fn document_status(&self) -> DocumentStatus {
        match &self.final_mark {
            None => DocumentStatus::Draft,
            Some(mark) if mark.fingerprint == self.fingerprint() => DocumentStatus::Final(mark.on),
            Some(mark) => DocumentStatus::ChangedSinceFinal(mark.on),
        }
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
