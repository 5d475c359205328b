//! Weighted progress over a set of plans (pure): where the plans carry
//! progress reports, how far their local commitments have come, per national
//! commitment, per state, per plan and in total, under the filters.
//!
//! **One commitment's progress** is the app's own ([`Plan::current_commitment_progress`]):
//! the sum of its key actions' percent times their weight, from the latest
//! report round, or from the percent typed in each key action's ficha before
//! any round. **A commitment has a report** when that same source gives a
//! percent for at least one of its key actions
//! ([`Plan::current_key_action_progress`]); one without is counted apart
//! ("sin informe de avance"), never as 0 %.
//!
//! **An aggregate** (a national commitment's, a state's, a plan's) is the mean
//! of its reported commitments' progress, each commitment counting once, as a
//! plan's progress is the mean of its commitments' in a round
//! ([`Plan::round_progress`]); with how many commitments it covers and how
//! many of them have a report.
//!
//! Each commitment's progress is read once per set ([`Reports::read`]); a
//! filter change only adds them up again ([`progress_view`]), over the same
//! commitments [`Index::view`] counts.

use super::index::{Filters, Index, View};
use super::PlanSet;
use crate::domain::alignment::Relation;
use crate::domain::commitment::Commitment;
use crate::domain::Plan;

/// A commitment's current weighted progress in hundredths of a percent
/// (0-10,000), or `None` when it has no progress report (see the module's
/// documentation).
pub fn reported_progress(plan: &Plan, c: &Commitment) -> Option<u32> {
    c.key_actions
        .iter()
        .any(|k| plan.current_key_action_progress(c.id, k).is_some())
        .then(|| plan.current_commitment_progress(c))
}

/// Each commitment's [`reported_progress`], read once from a set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reports {
    /// By the plan's position in the set, then the commitment's in the plan.
    plans: Vec<Vec<Option<u32>>>,
}

impl Reports {
    pub fn read(set: &PlanSet) -> Self {
        Self {
            plans: set
                .plans()
                .iter()
                .map(|p| {
                    p.plan
                        .commitments
                        .iter()
                        .map(|c| reported_progress(&p.plan, c))
                        .collect()
                })
                .collect(),
        }
    }

    /// Commitment `commitment` of the plan at `position` in the set.
    pub fn of(&self, position: usize, commitment: usize) -> Option<u32> {
        self.plans.get(position)?.get(commitment).copied().flatten()
    }
}

/// The progress of some commitments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// The commitments counted.
    pub commitments: usize,
    /// Of those, the ones with a progress report.
    pub reported: usize,
    /// Their progress added up, in hundredths of a percent.
    pub sum: u64,
}

impl Progress {
    fn add(&mut self, progress: Option<u32>) {
        self.commitments += 1;
        if let Some(p) = progress {
            self.reported += 1;
            self.sum += u64::from(p);
        }
    }

    fn merge(&mut self, other: Progress) {
        self.commitments += other.commitments;
        self.reported += other.reported;
        self.sum += other.sum;
    }

    /// The mean progress of the reported commitments, in hundredths of a
    /// percent rounded to the nearest; `None` when none has a report.
    pub fn mean(self) -> Option<u32> {
        let n = self.reported as u64;
        (n > 0).then(|| ((self.sum + n / 2) / n) as u32)
    }

    /// Commitments without a progress report.
    pub fn unreported(self) -> usize {
        self.commitments - self.reported
    }
}

/// A national list's progress: per national commitment shown, and its local
/// commitments without a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupProgress {
    /// Position in [`Index::groups`].
    pub group: usize,
    /// One per [`super::index::GroupView::entries`], same order: the local
    /// commitments that replicate or complement it.
    pub entries: Vec<Progress>,
    /// The local commitments with no link (new, or not aligned yet).
    pub unlinked: Progress,
    /// Every local commitment of the group shown.
    pub total: Progress,
}

/// Progress for one choice of filters, over the commitments the view counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgressView {
    /// Every local commitment shown.
    pub total: Progress,
    /// One per [`View::groups`], same order.
    pub groups: Vec<GroupProgress>,
    /// One per [`View::states`], same order (a coalition's commitments count
    /// in each of its members' states).
    pub states: Vec<Progress>,
    /// The local plans shown, in the view's order: (position in
    /// [`Index::plans`], its progress).
    pub plans: Vec<(usize, Progress)>,
}

/// The progress of what `view` shows (`index.view(f)`); `reports` read from
/// the set `index` was built from.
pub fn progress_view(index: &Index, reports: &Reports, view: &View, f: &Filters) -> ProgressView {
    let mut out = ProgressView {
        states: vec![Progress::default(); view.states.len()],
        ..ProgressView::default()
    };
    // Each group's progress with each of its entries' slot, and where each
    // group's is.
    let mut groups: Vec<(GroupProgress, Vec<Option<usize>>)> = Vec::new();
    let mut group_slot: Vec<Option<usize>> = vec![None; index.groups.len()];
    for g in &view.groups {
        let mut entry_slot = vec![None; index.groups.get(g.group).map_or(0, |x| x.entries.len())];
        for (slot, t) in g.entries.iter().enumerate() {
            if let Some(s) = entry_slot.get_mut(t.entry) {
                *s = Some(slot);
            }
        }
        if let Some(s) = group_slot.get_mut(g.group) {
            *s = Some(groups.len());
        }
        groups.push((
            GroupProgress {
                group: g.group,
                entries: vec![Progress::default(); g.entries.len()],
                unlinked: Progress::default(),
                total: Progress::default(),
            },
            entry_slot,
        ));
    }

    for &i in &view.plans {
        let p = &index.plans[i];
        if p.federal {
            continue;
        }
        let mut plan = Progress::default();
        let mut group = group_slot
            .get(p.group)
            .copied()
            .flatten()
            .and_then(|s| groups.get_mut(s));
        for c in 0..p.commitments {
            if !index.counted(p, c, f) {
                continue;
            }
            let progress = reports.of(p.position, c);
            plan.add(progress);
            if let Some((g, entry_slot)) = group.as_mut() {
                g.total.add(progress);
                match p.links.get(c).copied().flatten() {
                    Some((entry, relation)) if relation != Relation::Nuevo => {
                        if let Some(slot) = entry_slot.get(entry).copied().flatten() {
                            g.entries[slot].add(progress);
                        }
                    }
                    _ => g.unlinked.add(progress),
                }
            }
        }
        out.total.merge(plan);
        for s in &p.states {
            if let Some(k) = view.states.iter().position(|r| r.code == *s) {
                out.states[k].merge(plan);
            }
        }
        out.plans.push((i, plan));
    }
    out.groups = groups.into_iter().map(|(g, _)| g).collect();
    out
}
