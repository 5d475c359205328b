//! What the plan keeps of its implementation ([`super::progress`] reads it):
//! report rounds with a report per key action and activity, the local
//! monitoring body, the plan's length and refresh, end-of-commitment
//! assessments and amendments. Stored data only, below the plan (the plan
//! holds an [`Implementation`]); the computations over the plan are in
//! `progress.rs`, above it.
//!
//! Scales (OGP glossary, consulted 2026-12-06):
//! completion <https://www.opengovpartnership.org/glossary/completion/> ("No
//! Evidence Available, Not Started, Limited, Substantial, Complete"); early
//! results, "Did it Open Government?"
//! <https://www.opengovpartnership.org/glossary/early-results/> ("Worsened,
//! Did not change, Marginal, Major, Outstanding").

use serde::{Deserialize, Serialize};
use time::Date;

use super::choice::{choices, next_id, ItemId};
use super::commitment::{CommitmentId, OgpValue};
use super::date::PartialDate;
use super::unknown::{carry_fields, list_item_by, Unknown};

choices! {
    /// Where a key action or activity stands, on the IRM's completion scale.
    Status {
        SinEvidencia => "sin-evidencia",
        NoIniciado => "no-iniciado",
        Limitado => "limitado",
        Sustancial => "sustancial",
        Completo => "completo",
    }
}

choices! {
    /// "¿Abrió el gobierno?": the IRM's early-results scale, per OGP value.
    EarlyResult {
        Empeoro => "empeoro",
        NoCambio => "no-cambio",
        Marginal => "marginal",
        Importante => "importante",
        Sobresaliente => "sobresaliente",
    }
}

choices! {
    /// How long the plan runs (OGP allows two or four years; a four-year plan
    /// is refreshed at its midpoint).
    PlanLength {
        DosAnios => "dos-anios",
        CuatroAnios => "cuatro-anios",
    }
}

/// What a report says about one key action (`activity` is `None`) or one of
/// its activities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemReport {
    pub commitment: CommitmentId,
    pub key_action: ItemId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<ItemId>,
    #[serde(default)]
    pub status: Option<Status>,
    /// 0-100.
    #[serde(default)]
    pub percent: Option<u8>,
    /// One entry per piece of evidence: a link, a document's name or a description.
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub difficulties: Option<String>,
    #[serde(default)]
    pub next_steps: Option<String>,
    /// How it served the commitment's gender or inclusion perspective.
    #[serde(default)]
    pub gender_note: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(ItemReport);

impl super::unknown::ListItem for ItemReport {
    fn same_item(&self, other: &Self) -> bool {
        self.item() == other.item()
    }
}

impl ItemReport {
    /// An empty report of `item`.
    pub fn new(commitment: CommitmentId, key_action: ItemId, activity: Option<ItemId>) -> Self {
        Self {
            commitment,
            key_action,
            activity,
            status: None,
            percent: None,
            evidence: Vec::new(),
            difficulties: None,
            next_steps: None,
            gender_note: None,
            unknown: Unknown::new(),
        }
    }

    /// Whether it reports about `item`.
    pub fn is_about(&self, item: Item) -> bool {
        self.commitment == item.commitment
            && self.key_action == item.key_action
            && self.activity == item.activity
    }

    /// The item it reports about.
    pub fn item(&self) -> Item {
        Item {
            commitment: self.commitment,
            key_action: self.key_action,
            activity: self.activity,
        }
    }

    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.percent.is_none()
            && self.evidence.is_empty()
            && self.difficulties.is_none()
            && self.next_steps.is_none()
            && self.gender_note.is_none()
    }

    /// The percent it counts with: the one reported, else 100 when complete
    /// and 0 otherwise.
    pub fn counted_percent(&self) -> u8 {
        self.percent
            .unwrap_or(if self.status == Some(Status::Completo) {
                100
            } else {
                0
            })
            .min(100)
    }
}

/// A key action (`activity: None`) or an activity of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Item {
    pub commitment: CommitmentId,
    pub key_action: ItemId,
    pub activity: Option<ItemId>,
}

/// A report round: a cut-off date, who reports, and a report per item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub id: ItemId,
    /// "Primer informe semestral".
    #[serde(default)]
    pub name: String,
    /// The day the report speaks of.
    pub cutoff: Date,
    /// Who reports (the coordinating office, the commitment's team…).
    #[serde(default)]
    pub reporter: Option<String>,
    #[serde(default)]
    pub reports: Vec<ItemReport>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Round, reports);
list_item_by!(Round, id);
super::choice::identified!(Round);

impl Round {
    /// The report of `item` in this round, if any.
    pub fn report(&self, item: Item) -> Option<&ItemReport> {
        self.reports.iter().find(|r| r.is_about(item))
    }

    /// Puts `report` in place of the round's report of the same item (an
    /// empty report removes it).
    pub fn set_report(&mut self, report: ItemReport) {
        let item = report.item();
        self.reports.retain(|r| !r.is_about(item));
        if !report.is_empty() {
            self.reports.push(report);
        }
    }
}

/// The local monitoring body (ente de monitoreo): who assesses the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalMonitoringBody {
    #[serde(default)]
    pub name: String,
    /// One member per entry.
    #[serde(default)]
    pub members: Vec<String>,
    /// When it assesses ("al inicio, a la mitad y al final del plan").
    #[serde(default)]
    pub schedule: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(LocalMonitoringBody);

/// A four-year plan's midpoint refresh, once made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refresh {
    pub on: Date,
    /// Commitments added, changed or closed, and why.
    #[serde(default)]
    pub changes: String,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Refresh);

/// "¿Abrió el gobierno?" for one OGP value of a commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueResult {
    pub value: OgpValue,
    pub result: EarlyResult,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(ValueResult);
list_item_by!(ValueResult, value);

/// The end-of-commitment assessment (OGP Local's form): completion, early
/// results per value, the evidence and the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndAssessment {
    pub commitment: CommitmentId,
    #[serde(default)]
    pub completion: Option<Status>,
    #[serde(default)]
    pub results: Vec<ValueResult>,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub explanation: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(EndAssessment, results);
list_item_by!(EndAssessment, commitment);

/// A change to a commitment after the plan was marked final.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub id: ItemId,
    pub on: Date,
    /// `None` for a change to the plan as a whole.
    #[serde(default)]
    pub commitment: Option<CommitmentId>,
    /// What changed.
    pub what: String,
    /// Why.
    pub why: String,
    /// The commitment's fingerprint as this amendment records it
    /// ([`super::final_mark::commitment_fingerprint`]): while the commitment
    /// stays so, it asks for no other amendment (`Plan::amendment_due`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Amendment);
list_item_by!(Amendment, id);
super::choice::identified!(Amendment);

/// Everything about the plan's implementation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Implementation {
    #[serde(default)]
    pub length: Option<PlanLength>,
    /// A four-year plan's planned refresh date.
    #[serde(default)]
    pub refresh_due: Option<PartialDate>,
    #[serde(default)]
    pub refresh: Option<Refresh>,
    #[serde(default)]
    pub monitoring_body: Option<LocalMonitoringBody>,
    /// Oldest first (by cut-off).
    #[serde(default)]
    pub rounds: Vec<Round>,
    #[serde(default)]
    pub assessments: Vec<EndAssessment>,
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(
    Implementation,
    refresh,
    monitoring_body,
    rounds,
    assessments,
    amendments
);

impl Implementation {
    pub fn is_empty(&self) -> bool {
        *self == Implementation::default()
    }
    pub fn next_round_id(&self) -> ItemId {
        next_id(self.rounds.iter().map(|r| r.id))
    }
    pub fn next_amendment_id(&self) -> ItemId {
        next_id(self.amendments.iter().map(|a| a.id))
    }
    pub fn round(&self, id: ItemId) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }
    /// The round before `id` (by cut-off), whose answers the next one shows.
    pub fn previous_round(&self, id: ItemId) -> Option<&Round> {
        let this = self.round(id)?;
        self.rounds
            .iter()
            .filter(|r| r.id != id && (r.cutoff, r.id) < (this.cutoff, this.id))
            .max_by_key(|r| (r.cutoff, r.id))
    }
    /// The rounds oldest first.
    pub fn rounds_in_order(&self) -> Vec<&Round> {
        let mut rounds: Vec<&Round> = self.rounds.iter().collect();
        rounds.sort_by_key(|r| (r.cutoff, r.id));
        rounds
    }
    /// Inserts or replaces a round, keeping them in cut-off order.
    pub fn upsert_round(&mut self, round: Round) {
        match self.rounds.iter_mut().find(|r| r.id == round.id) {
            Some(r) => *r = round,
            None => self.rounds.push(round),
        }
        self.rounds.sort_by_key(|r| (r.cutoff, r.id));
    }
}
