//! «Replicar este compromiso nacional» (pure): a local commitment started in
//! a draft from a commitment of a national list, for the person to adapt.
//!
//! What is filled: the commitment's name (the national commitment's title)
//! and its alignment, "replica" of that national commitment. National lists
//! carry no objectives (`NationalEntry` has an id, a title and the
//! institutions), so nothing else is invented.
//!
//! **Which list**: a draft's alignment names commitments of its own national
//! list (`Plan::national_plan`). A draft aligned to the same list (by name)
//! takes the commitment as it is. A draft whose commitments do not name any
//! national commitment yet takes the list too, in place of its own. A draft
//! with links to another list cannot take it (its links would change
//! meaning): [`Replicated::NeedsNewDraft`], and the page starts a new draft.

use super::index::{Index, NationalRef};
use super::PlanSet;
use crate::domain::alignment::{NationalLink, NationalPlan, Relation};
use crate::domain::{Commitment, CommitmentId, Plan};

/// The national commitment to replicate, with its whole list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub list: NationalPlan,
    pub id: String,
    pub title: String,
}

/// The list and entry of `r`: the list as the first plan of its group that
/// holds the entry carries it. `None` when no plan's list holds it (only a
/// link names it: there is no title to start from).
pub fn source(set: &PlanSet, index: &Index, r: NationalRef) -> Option<Source> {
    let entry = index.entry(r)?;
    if !entry.listed {
        return None;
    }
    let list = index
        .plans
        .iter()
        .filter(|p| p.group == r.group)
        .filter_map(|p| set.plans().get(p.position))
        .map(|l| &l.plan.national_plan)
        .find(|l| l.entry(&entry.id).is_some())?;
    Some(Source {
        list: list.clone(),
        id: entry.id.clone(),
        title: entry.title.clone(),
    })
}

/// What [`replicate`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replicated {
    /// A new commitment, at the end of the draft's list.
    Added {
        id: CommitmentId,
        /// The draft's national list was put in place (it named none of its
        /// commitments yet).
        list_changed: bool,
    },
    /// The draft is aligned to another national list: nothing changed.
    NeedsNewDraft,
}

/// Adds to `plan` a commitment that replicates `source`.
pub fn replicate(plan: &mut Plan, source: &Source) -> Replicated {
    let same_list = plan.national_plan.name == source.list.name;
    let linked = plan.commitments.iter().any(|c| {
        c.alignment
            .national
            .as_ref()
            .is_some_and(|l| l.commitment().is_some())
    });
    if !same_list && linked {
        return Replicated::NeedsNewDraft;
    }
    if !same_list {
        plan.national_plan = source.list.clone();
    }
    let id = plan.next_commitment_id();
    let mut c = Commitment::new(id, source.title.clone(), None);
    c.alignment.national = NationalLink::new(Relation::Replica, Some(source.id.clone()));
    plan.commitments.push(c);
    Replicated::Added {
        id,
        list_changed: !same_list,
    }
}
