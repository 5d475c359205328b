//! "Articulación nacional": many local plans read together (pure).
//!
//! Whoever coordinates nationally receives local plans as files (drafts or
//! PDFs exported by this tool). This module keeps them as a set
//! ([`PlanSet`]): each plan with a stable key that recognises a second copy
//! of the same plan ([`PlanKey`]), the file it came from, and the plan. The
//! computations over the set (the articulation matrix, the seed
//! commitment's indicator, the counts per state and the filters) live in
//! [`index`]; the map of Mexico by state in [`map`]; the CSV of the local
//! commitments in `export::content::articulation_csv` (a floor up: it names jurisdictions in the labels' words); «Replicar este compromiso nacional» in
//! [`replicate`]; how the set is kept in the browser, as text, in
//! [`stored`].
//!
//! Reading a file into a plan is not done here: it needs the draft format
//! and its migrations (`persistence`, a floor above); `messages::articulation`
//! reads a file with the same rules as «Abrir un borrador» and hands this
//! module the plan or the reason in Spanish.

pub mod index;
pub mod map;
mod map_data;
pub mod practices;
pub mod progress;
pub mod replicate;
pub mod stored;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::plan::Plan;
use crate::catalog;

/// What recognises two copies of the same plan: its name (without case,
/// accents or repeated spaces), who makes it (each member's kind and INEGI
/// code, in order) and its period. A plan whose profile was never saved has
/// no name to go by: its content's fingerprint stands in.
///
/// Why not the fingerprint alone: a plan exported on Monday and again on
/// Friday, after one typo was fixed, is the same plan to a coordinator;
/// counting it twice would double its commitments in the indicator.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlanKey(pub String);

impl PlanKey {
    pub fn of(plan: &Plan) -> Self {
        match &plan.profile {
            Some(p) => {
                let name = catalog::fold(&p.plan_name)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let makers = p
                    .jurisdictions
                    .members()
                    .iter()
                    .map(|m| format!("{}:{}", m.kind.key(), m.code().unwrap_or("")))
                    .collect::<Vec<_>>()
                    .join(",");
                let period = format!("{}/{}", p.period.start().iso(), p.period.end().iso());
                Self(format!("{name}|{makers}|{period}"))
            }
            None => Self(format!("huella:{}", plan.fingerprint())),
        }
    }
}

/// One plan of the set, with the file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedPlan {
    pub key: PlanKey,
    /// The name of the file it was read from, as the person's computer gave it.
    pub file_name: String,
    /// The plan's content fingerprint ([`Plan::fingerprint`]): tells a copy of
    /// the same file from another version of the same plan.
    pub fingerprint: String,
    pub plan: Plan,
}

impl LoadedPlan {
    pub fn new(file_name: impl Into<String>, plan: Plan) -> Self {
        Self {
            key: PlanKey::of(&plan),
            file_name: file_name.into(),
            fingerprint: plan.fingerprint(),
            plan,
        }
    }
}

/// What became of one file given to [`PlanSet::add_files`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOutcome {
    /// The plan joined the set.
    Added { key: PlanKey },
    /// The set already holds this plan, from `first_file`; `same_content`
    /// says whether it is an identical copy or another version of it. The
    /// first one stays.
    Duplicate {
        key: PlanKey,
        first_file: String,
        same_content: bool,
    },
    /// The file could not be read as a plan; the reason as given by the
    /// reader (already in words for people).
    Refused { reason: String },
}

/// One file's outcome, with its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub file_name: String,
    pub outcome: FileOutcome,
}

impl FileReport {
    pub fn is_added(&self) -> bool {
        matches!(self.outcome, FileOutcome::Added { .. })
    }
}

/// The plans being articulated, in the order they were added; no two with
/// the same [`PlanKey`].
#[derive(Debug, Clone, Default)]
pub struct PlanSet {
    plans: Vec<LoadedPlan>,
    /// Each plan's position in `plans`, by key: a file is recognised as a
    /// plan already in the set without comparing it with every plan (with
    /// thousands of plans, comparing each new one with all the others took
    /// a noticeable part of adding them).
    positions: HashMap<PlanKey, usize>,
}

/// Two sets are equal when they hold the same plans in the same order (the
/// positions follow from the plans).
impl PartialEq for PlanSet {
    fn eq(&self, other: &Self) -> bool {
        self.plans == other.plans
    }
}

impl Eq for PlanSet {}

impl PlanSet {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn plans(&self) -> &[LoadedPlan] {
        &self.plans
    }

    pub fn len(&self) -> usize {
        self.plans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.plans.is_empty()
    }

    pub fn get(&self, key: &PlanKey) -> Option<&LoadedPlan> {
        self.positions.get(key).and_then(|&i| self.plans.get(i))
    }

    /// Adds a plan unless the set holds one with the same key (then says
    /// which file brought it, and whether the content is the same).
    pub fn add(&mut self, loaded: LoadedPlan) -> FileOutcome {
        if let Some(first) = self.get(&loaded.key) {
            return FileOutcome::Duplicate {
                key: loaded.key.clone(),
                first_file: first.file_name.clone(),
                same_content: first.fingerprint == loaded.fingerprint,
            };
        }
        let key = loaded.key.clone();
        self.positions.insert(key.clone(), self.plans.len());
        self.plans.push(loaded);
        FileOutcome::Added { key }
    }

    /// Adds every file read, in order: each is the plan read from it or the
    /// reason it could not be read. A refused or repeated file does not stop
    /// the others. One report per file, in the same order.
    pub fn add_files<I>(&mut self, files: I) -> Vec<FileReport>
    where
        I: IntoIterator<Item = (String, Result<Plan, String>)>,
    {
        files
            .into_iter()
            .map(|(file_name, read)| {
                let outcome = match read {
                    Ok(plan) => self.add(LoadedPlan::new(file_name.clone(), plan)),
                    Err(reason) => FileOutcome::Refused { reason },
                };
                FileReport { file_name, outcome }
            })
            .collect()
    }

    /// Removes one plan; returns whether it was there.
    pub fn remove(&mut self, key: &PlanKey) -> bool {
        let Some(at) = self.positions.remove(key) else {
            return false;
        };
        self.plans.remove(at);
        for (i, p) in self.plans.iter().enumerate().skip(at) {
            self.positions.insert(p.key.clone(), i);
        }
        true
    }

    pub fn clear(&mut self) {
        self.plans.clear();
        self.positions.clear();
    }
}
