//! Implementation ("Informes de avance"): what happened after the plan was
//! approved, over its two or four years.
//!
//! A report round ([`Round`]) is dated (its cut-off) and holds, for key
//! actions and activities of the plan, where each stands on the IRM's
//! completion scale ([`Status`]), its percent, its evidence, what got in the
//! way and what comes next. From the rounds come each commitment's weighted
//! progress over time ([`Plan::round_progress`]) and what needs attention
//! ([`Plan::needs_attention`]). The plan's implementation also records its
//! local monitoring body, its length and midpoint refresh, each commitment's
//! end-of-commitment assessment on OGP's scales, and the amendments made
//! after the plan was final.
//!
//! The stored data are in [`super::implementation`] (below the plan), re-exported
//! here; this module reads them with the plan.
//!
//! Scales (OGP glossary, consulted 2026-12-06):
//! completion <https://www.opengovpartnership.org/glossary/completion/> ("No
//! Evidence Available, Not Started, Limited, Substantial, Complete"); early
//! results, "Did it Open Government?"
//! <https://www.opengovpartnership.org/glossary/early-results/> ("Worsened,
//! Did not change, Marginal, Major, Outstanding").

use time::Date;

pub use super::implementation::*;

use super::choice::ItemId;
use super::commitment::{Commitment, CommitmentId};
use super::date::Period;
use super::key_action::KeyAction;
use super::plan::Plan;

/// Progress of one commitment in one round, in hundredths of a percent
/// (0-10,000): Σ key-action percent × weight. Key actions without a report
/// or a weight count as 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommitmentProgress {
    pub commitment: CommitmentId,
    pub hundredths: u32,
}

/// One round's progress: each commitment's and the plan's (the mean of the
/// commitments', in hundredths of a percent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundProgress {
    pub round: ItemId,
    pub cutoff: Date,
    pub commitments: Vec<CommitmentProgress>,
    pub plan: u32,
}

/// Why an item needs attention in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attention {
    /// Its percent did not grow since the previous round (and it is not complete).
    NoProgress,
    /// Its end date is before the cut-off and it is not complete.
    Overdue,
    /// Reported as started or done without any evidence.
    NoEvidence,
}

/// An item that needs attention, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttentionItem {
    pub item: Item,
    pub why: Vec<Attention>,
}

impl Plan {
    /// Every key action and activity of the plan, in plan order.
    pub fn progress_items(&self) -> Vec<Item> {
        self.commitments
            .iter()
            .flat_map(|c| {
                c.key_actions.iter().flat_map(move |k| {
                    std::iter::once(Item {
                        commitment: c.id,
                        key_action: k.id,
                        activity: None,
                    })
                    .chain(k.activities.iter().map(move |a| Item {
                        commitment: c.id,
                        key_action: k.id,
                        activity: Some(a.id),
                    }))
                })
            })
            .collect()
    }

    /// Whether `item` still exists in the plan (a report may outlive a
    /// removed key action; it is kept but not counted).
    pub fn has_item(&self, item: Item) -> bool {
        self.commitment(item.commitment)
            .and_then(|c| c.key_action(item.key_action))
            .is_some_and(|k| {
                item.activity
                    .is_none_or(|a| k.activities.iter().any(|x| x.id == a))
            })
    }

    /// The period of `item`, when it has one.
    pub fn item_period(&self, item: Item) -> Option<Period> {
        let k = self
            .commitment(item.commitment)?
            .key_action(item.key_action)?;
        match item.activity {
            None => k.period.clone(),
            Some(a) => k.activities.iter().find(|x| x.id == a)?.period.clone(),
        }
    }

    /// The round whose reports are the plan's current progress: the latest
    /// by cut-off, once there is one.
    pub fn latest_round(&self) -> Option<&Round> {
        // The last of `rounds_in_order`, without sorting: it is asked once per
        // key action on the monitoring plan, the review and the PDF.
        self.implementation
            .rounds
            .iter()
            .max_by_key(|r| (r.cutoff, r.id))
    }

    /// A key action's current progress (0-100): before any report round, the
    /// percent typed in its ficha; after, what the latest round counts for
    /// it (`None` when the round does not report it). One source at a time,
    /// so the ficha, the monitoring plan and the reports never disagree.
    pub fn current_key_action_progress(
        &self,
        commitment: CommitmentId,
        k: &KeyAction,
    ) -> Option<u8> {
        match self.latest_round() {
            None => k.progress,
            Some(round) => round
                .report(Item {
                    commitment,
                    key_action: k.id,
                    activity: None,
                })
                .map(ItemReport::counted_percent),
        }
    }

    /// A commitment's current weighted progress in hundredths of a percent,
    /// from the same source as [`Plan::current_key_action_progress`].
    pub fn current_commitment_progress(&self, c: &Commitment) -> u32 {
        match self.latest_round() {
            None => super::key_action::weighted_progress(&c.key_actions),
            Some(round) => commitment_progress(c, round),
        }
    }

    /// Each commitment's weighted progress in `round`, and the plan's.
    pub fn round_progress(&self, round: &Round) -> RoundProgress {
        let commitments: Vec<CommitmentProgress> = self
            .commitments
            .iter()
            .map(|c| CommitmentProgress {
                commitment: c.id,
                hundredths: commitment_progress(c, round),
            })
            .collect();
        let plan = if commitments.is_empty() {
            0
        } else {
            let sum: u32 = commitments.iter().map(|c| c.hundredths).sum();
            // Rounded to the nearest hundredth.
            (sum + commitments.len() as u32 / 2) / commitments.len() as u32
        };
        RoundProgress {
            round: round.id,
            cutoff: round.cutoff,
            commitments,
            plan,
        }
    }

    /// Progress per round, oldest first.
    pub fn progress_over_time(&self) -> Vec<RoundProgress> {
        self.implementation
            .rounds_in_order()
            .into_iter()
            .map(|r| self.round_progress(r))
            .collect()
    }

    /// What needs attention in round `id`: items whose percent did not grow
    /// since the previous round, items past their end date and not complete,
    /// and items reported as started without evidence. In plan order.
    pub fn needs_attention(&self, id: ItemId) -> Vec<AttentionItem> {
        let imp = &self.implementation;
        let Some(round) = imp.round(id) else {
            return Vec::new();
        };
        let previous = imp.previous_round(id);
        self.progress_items()
            .into_iter()
            .filter_map(|item| {
                let report = round.report(item);
                let complete = report.is_some_and(|r| r.status == Some(Status::Completo));
                let mut why = Vec::new();
                if let (Some(before), false) = (previous.and_then(|p| p.report(item)), complete) {
                    let now = report.map_or(0, ItemReport::counted_percent);
                    if now <= before.counted_percent() {
                        why.push(Attention::NoProgress);
                    }
                }
                let overdue = self
                    .item_period(item)
                    .is_some_and(|p| p.last_day() < round.cutoff);
                if overdue && !complete {
                    why.push(Attention::Overdue);
                }
                let started = report.is_some_and(|r| {
                    matches!(
                        r.status,
                        Some(Status::Limitado | Status::Sustancial | Status::Completo)
                    )
                });
                if started && report.is_some_and(|r| r.evidence.is_empty()) {
                    why.push(Attention::NoEvidence);
                }
                (!why.is_empty()).then_some(AttentionItem { item, why })
            })
            .collect()
    }

    /// Whether commitment `c` changed after the plan was marked final (or was
    /// added since) and no amendment records it as it is now. The app cannot
    /// stop an edit of an approved plan; it asks for its record. A mark made
    /// before marks kept each commitment's fingerprint cannot tell which
    /// commitment changed: it asks for none.
    pub fn amendment_due(&self, c: CommitmentId) -> bool {
        let (Some(mark), Some(commitment)) = (&self.final_mark, self.commitment(c)) else {
            return false;
        };
        if mark.commitments.is_empty() {
            return false;
        }
        let now = super::final_mark::commitment_fingerprint(commitment);
        let as_marked = mark
            .commitments
            .iter()
            .any(|m| m.commitment == c && m.fingerprint == now);
        let recorded = self
            .implementation
            .amendments
            .iter()
            .any(|a| a.commitment == Some(c) && a.fingerprint.as_deref() == Some(now.as_str()));
        !as_marked && !recorded
    }

    /// The commitments for which [`Plan::amendment_due`], in plan order.
    pub fn amendments_due(&self) -> Vec<CommitmentId> {
        self.commitments
            .iter()
            .map(|c| c.id)
            .filter(|&c| self.amendment_due(c))
            .collect()
    }

    /// The end-of-commitment assessment of `c`, if made.
    pub fn end_assessment(&self, c: CommitmentId) -> Option<&EndAssessment> {
        self.implementation
            .assessments
            .iter()
            .find(|a| a.commitment == c)
    }
}

/// Σ key-action percent × weight, in hundredths of a percent.
fn commitment_progress(c: &Commitment, round: &Round) -> u32 {
    c.key_actions
        .iter()
        .map(|k| {
            let item = Item {
                commitment: c.id,
                key_action: k.id,
                activity: None,
            };
            let percent = round.report(item).map_or(0, ItemReport::counted_percent);
            u32::from(percent) * k.weight.map_or(0, |w| u32::from(w.get()))
        })
        .sum()
}

/// Reads a percent as typed ("35", "35 %", "35%"): 0-100.
pub fn parse_percent(raw: &str) -> Option<u8> {
    let t = raw.trim().trim_end_matches('%').trim();
    t.parse::<u8>().ok().filter(|p| *p <= 100)
}

/// Evidence typed one per line: the non-empty lines, trimmed.
pub fn evidence_lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}
