//! A recommendation of the quality review kept as it is, with the team's
//! reason ("Revisado, se mantiene así"). Stored in the plan, so it sits below
//! it; the review itself ([`super::quality`]) is above the plan.

use serde::{Deserialize, Serialize};

use super::unknown::{carry_fields, list_item_by, Unknown};

/// A recommendation the team reviewed and keeps as it is, with its reason
/// ("Revisado, se mantiene así"); printed in the review's annex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptFinding {
    /// [`super::quality::Finding::key`].
    pub key: String,
    pub reason: String,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(KeptFinding);
list_item_by!(KeptFinding, key);
