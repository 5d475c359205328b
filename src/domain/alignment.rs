//! Alignment of a local commitment: the national commitment it replicates or
//! complements (from the national plan list in use), and the SDG targets it serves.

use serde::{Deserialize, Serialize};

use super::unknown::{carry_fields, list_item_by, Carry, Unknown};
use crate::catalog;

/// How a local commitment relates to the national plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Replicates a national commitment locally.
    Replica,
    /// Complements a national commitment.
    Complementa,
    /// A new local commitment with no national counterpart.
    Nuevo,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Replica, Relation::Complementa, Relation::Nuevo];

    pub const fn key(self) -> &'static str {
        match self {
            Relation::Replica => "replica",
            Relation::Complementa => "complementa",
            Relation::Nuevo => "nuevo",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// The link to the national plan. `commitment` is set exactly when the relation
/// is `Replica` or `Complementa` (held by [`NationalLink::new`] and by serde).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawLink")]
pub struct NationalLink {
    relation: Relation,
    #[serde(skip_serializing_if = "Option::is_none")]
    commitment: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

#[derive(Deserialize)]
struct RawLink {
    relation: Relation,
    #[serde(default)]
    commitment: Option<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

impl TryFrom<RawLink> for NationalLink {
    type Error = &'static str;
    fn try_from(raw: RawLink) -> Result<Self, Self::Error> {
        let mut link = NationalLink::new(raw.relation, raw.commitment)
            .ok_or("a replica or complement names its national commitment; a new one names none")?;
        link.unknown = raw.unknown;
        Ok(link)
    }
}

carry_fields!(NationalLink);

impl NationalLink {
    pub fn new(relation: Relation, commitment: Option<String>) -> Option<Self> {
        let needs = relation != Relation::Nuevo;
        (needs == commitment.is_some()).then_some(Self {
            relation,
            commitment,
            unknown: Unknown::new(),
        })
    }
    pub fn relation(&self) -> Relation {
        self.relation
    }
    /// The national commitment's id (e.g. "MX0087"), unless the relation is `Nuevo`.
    pub fn commitment(&self) -> Option<&str> {
        self.commitment.as_deref()
    }
}

/// A commitment's alignment; empty until the person fills it in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    #[serde(default)]
    pub national: Option<NationalLink>,
    /// SDG target codes ("16.10"), each in the bundled catalogue, in catalogue order.
    #[serde(default)]
    pub sdg_targets: Vec<String>,
    /// The PND axis as written in the plan (schema 4).
    #[serde(default)]
    pub pnd_axis: Option<String>,
    /// The state or municipal development plan's axis.
    #[serde(default)]
    pub local_axis: Option<String>,
    /// Gender-equality perspective: which gap, for whom, disaggregated indicators.
    #[serde(default)]
    pub gender: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Alignment, national);

/// One commitment of a national action plan, as stored with the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NationalEntry {
    pub id: String,
    pub title: String,
    /// True when `title` is OGP's English title (no verified Spanish title).
    #[serde(default)]
    pub title_in_english: bool,
    #[serde(default)]
    pub institutions: String,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(NationalEntry);
list_item_by!(NationalEntry, id);

/// The national plan's commitment list the local plan is aligned to. It is data
/// the person can replace (a 5th plan may come); it travels with the plan so an
/// exported plan names the list it was aligned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NationalPlan {
    pub name: String,
    pub commitments: Vec<NationalEntry>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

// A list put in place of another (a newer national plan) does not take the
// unknown fields of the one it replaces.
impl Carry for NationalPlan {
    fn carry_from(&mut self, old: &Self) {
        if self.name == old.name {
            self.unknown.carry_from(&old.unknown);
            self.commitments.carry_from(&old.commitments);
        }
    }
    fn holds_unknown(&self) -> bool {
        self.unknown.holds_unknown() || self.commitments.holds_unknown()
    }
}

impl NationalPlan {
    /// Mexico's 4th national action plan (2019-2021), from the bundled catalogue.
    pub fn fourth_plan() -> Self {
        Self {
            name: FOURTH_PLAN_NAME.to_owned(),
            commitments: catalog::NATIONAL_4PA
                .iter()
                .map(|c| NationalEntry {
                    id: c.id.to_owned(),
                    title: c.title_es.unwrap_or(c.title_en).to_owned(),
                    title_in_english: c.title_es.is_none(),
                    institutions: c.lead_institutions.to_owned(),
                    unknown: Unknown::new(),
                })
                .collect(),
            unknown: Unknown::new(),
        }
    }

    pub fn entry(&self, id: &str) -> Option<&NationalEntry> {
        self.commitments.iter().find(|e| e.id == id)
    }
}

/// Name of the default national list.
pub const FOURTH_PLAN_NAME: &str =
    "4º Plan de Acción Nacional de México en la Alianza para el Gobierno Abierto (2019-2021)";

/// Splits a stored multi-choice text ("16.6,16.10") into codes.
pub fn split_codes(raw: &str) -> Vec<String> {
    raw.split([',', ';', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
