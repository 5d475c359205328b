//! "Borrador" or "Versión final": the person marks a complete plan as final,
//! and the mark holds only while the plan stays as it was marked.
//!
//! The mark keeps a fingerprint of the plan's content. Any later change makes
//! the plan a draft again without anyone having to remember to clear the mark
//! (and undoing the change makes it final again, since the content is the one
//! that was marked). The exported PDF and the print view say which.

use serde::{Deserialize, Serialize};
use time::Date;

use super::commitment::{Commitment, CommitmentId};
use super::unknown::{carry_fields, list_item_by, Unknown};

/// The person's statement that the plan is final, as of `on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalMark {
    pub on: Date,
    /// The plan's fingerprint (`Plan::fingerprint`) when it was marked, as 16 hex digits.
    pub fingerprint: String,
    /// Each commitment's fingerprint ([`commitment_fingerprint`]) when it was
    /// marked, so that a commitment changed afterwards asks for an amendment
    /// (`Plan::amendment_due`). Absent in marks made before it existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<CommitmentMark>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(FinalMark, commitments);

/// One commitment as it was when the plan was marked final.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentMark {
    pub commitment: CommitmentId,
    /// [`commitment_fingerprint`], as 16 hex digits.
    pub fingerprint: String,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(CommitmentMark);
list_item_by!(CommitmentMark, commitment);

/// FNV-1a of one commitment's JSON (as [`fnv1a_hex`] gives it): changes with
/// any of its answers, not with its place in the plan.
pub fn commitment_fingerprint(c: &Commitment) -> String {
    // Serialising a commitment cannot fail (string keys, no floats).
    fnv1a_hex(&serde_json::to_vec(c).unwrap_or_default())
}

/// The fingerprints of `commitments`, as a mark keeps them.
pub fn commitment_marks(commitments: &[Commitment]) -> Vec<CommitmentMark> {
    commitments
        .iter()
        .map(|c| CommitmentMark {
            commitment: c.id,
            fingerprint: commitment_fingerprint(c),
            unknown: Unknown::new(),
        })
        .collect()
}

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

/// FNV-1a (64-bit) of `bytes`, as 16 hex digits (`Plan::fingerprint` hashes
/// the plan's JSON with it).
pub fn fnv1a_hex(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}
