//! Good practices («buenas prácticas», pure): local commitments of the loaded
//! plans that a national coordinator marks, with the reasons and a short
//! note, and the library of examples made from them.
//!
//! - A [`Mark`] names a plan of the set by its [`PlanKey`] and one of its
//!   commitments by its [`CommitmentId`] (both stable: a newer version of the
//!   same plan has the same key, and commitments keep their ids when
//!   reordered). [`Marks`] holds them, at most one per commitment.
//! - **Removing a plan keeps its marks.** The way to replace a plan with a
//!   newer version is to remove it and add the new file; the marks come back
//!   with it. While its plan is not in the set a mark is listed as waiting
//!   and left out of the library ([`Library::build`] says how many).
//! - A [`Library`] is what «Descargar la biblioteca» writes: per practice, a
//!   self-contained copy of what an example needs ([`Example`]), so it reads
//!   without the plans. Its file format and reader are in
//!   `persistence::practices`; the note and reasons of each practice in a file
//!   are checked by the same rules as when typed ([`parse_reasons`],
//!   [`parse_note`]).

use serde::{Deserialize, Serialize};

use super::{PlanKey, PlanSet};
use crate::catalog;
use crate::domain::alignment::Relation;
use crate::domain::commitment::{Commitment, CommitmentId, OgpValue};
use crate::domain::profile::Profile;
use crate::domain::Plan;

/// Longest accepted note, in characters.
pub const MAX_NOTE: usize = 500;

/// Why a commitment is a good practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reason {
    /// Others can replicate it (federal → local, or between localities).
    #[serde(rename = "replicabilidad")]
    Replicabilidad,
    /// It articulates the national and local agendas, or orders of government.
    #[serde(rename = "articulacion")]
    Articulacion,
    /// It includes groups left out, or has a gender perspective.
    #[serde(rename = "inclusion")]
    Inclusion,
    /// It has results that can be shown.
    #[serde(rename = "resultados")]
    Resultados,
}

impl Reason {
    pub const ALL: [Reason; 4] = [
        Reason::Replicabilidad,
        Reason::Articulacion,
        Reason::Inclusion,
        Reason::Resultados,
    ];

    /// Stable key (forms, stored marks, library files).
    pub const fn key(self) -> &'static str {
        match self {
            Reason::Replicabilidad => "replicabilidad",
            Reason::Articulacion => "articulacion",
            Reason::Inclusion => "inclusion",
            Reason::Resultados => "resultados",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key.trim())
    }
}

/// What is wrong with a practice's reasons or note (typed, or read from a
/// library file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PracticeError {
    #[error("no reason chosen")]
    NoReason,
    #[error("unknown reason {0:?}")]
    UnknownReason(String),
    #[error("empty note")]
    EmptyNote,
    #[error("note longer than {max} characters")]
    NoteTooLong { max: usize },
}

/// The reasons as chosen (keys), in [`Reason::ALL`]'s order, each once; at
/// least one.
pub fn parse_reasons<S: AsRef<str>>(keys: &[S]) -> Result<Vec<Reason>, PracticeError> {
    let mut reasons = Vec::new();
    for k in keys {
        let k = k.as_ref().trim();
        if k.is_empty() {
            continue;
        }
        let r = Reason::from_key(k).ok_or_else(|| PracticeError::UnknownReason(k.to_owned()))?;
        if !reasons.contains(&r) {
            reasons.push(r);
        }
    }
    if reasons.is_empty() {
        return Err(PracticeError::NoReason);
    }
    reasons.sort();
    Ok(reasons)
}

/// The note as typed: surrounding space removed, not empty, at most
/// [`MAX_NOTE`] characters.
pub fn parse_note(raw: &str) -> Result<String, PracticeError> {
    let t = raw.trim();
    if t.is_empty() {
        Err(PracticeError::EmptyNote)
    } else if t.chars().count() > MAX_NOTE {
        Err(PracticeError::NoteTooLong { max: MAX_NOTE })
    } else {
        Ok(t.to_owned())
    }
}

/// Which field of the marking form an error belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PracticeField {
    Plan,
    Commitment,
    Reasons,
    Note,
}

impl PracticeField {
    /// The form control's id.
    pub const fn key(self) -> &'static str {
        match self {
            PracticeField::Plan => "practica-plan",
            PracticeField::Commitment => "practica-compromiso",
            PracticeField::Reasons => "practica-razones",
            PracticeField::Note => "practica-nota",
        }
    }
}

/// What the marking form holds before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkInput {
    /// The plan's key, as the select holds it (empty: none chosen).
    pub plan: String,
    /// The commitment's id, as the select holds it (empty: none chosen).
    pub commitment: String,
    /// Reason keys ticked.
    pub reasons: Vec<String>,
    pub note: String,
}

/// Why the marking form was refused: each field with its problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormProblem {
    /// No plan chosen, or one no longer in the set.
    NoPlan,
    /// No commitment chosen, or one the plan does not have.
    NoCommitment,
    Practice(PracticeError),
}

/// Reads the marking form against the set: the mark, or every problem with
/// its field (in the form's order).
pub fn parse_mark(
    set: &PlanSet,
    input: &MarkInput,
) -> Result<Mark, Vec<(PracticeField, FormProblem)>> {
    let mut problems = Vec::new();
    let plan = set.plans().iter().find(|p| p.key.0 == input.plan);
    let commitment = plan.and_then(|p| {
        let id = input.commitment.trim().parse::<u32>().ok()?;
        p.plan.commitment(CommitmentId(id))
    });
    if plan.is_none() {
        problems.push((PracticeField::Plan, FormProblem::NoPlan));
    } else if commitment.is_none() {
        problems.push((PracticeField::Commitment, FormProblem::NoCommitment));
    }
    let reasons = parse_reasons(&input.reasons)
        .map_err(|e| problems.push((PracticeField::Reasons, FormProblem::Practice(e))))
        .ok();
    let note = parse_note(&input.note)
        .map_err(|e| problems.push((PracticeField::Note, FormProblem::Practice(e))))
        .ok();
    match (plan, commitment, reasons, note) {
        (Some(p), Some(c), Some(reasons), Some(note)) if problems.is_empty() => Ok(Mark {
            plan: p.key.clone(),
            plan_name: p.plan.display_name().to_owned(),
            commitment: c.id,
            commitment_name: c.name.clone(),
            reasons,
            note,
        }),
        _ => Err(problems),
    }
}

/// A commitment marked as a good practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub plan: PlanKey,
    /// The plan's name when it was marked (shown while the plan is not in
    /// the set).
    pub plan_name: String,
    pub commitment: CommitmentId,
    /// The commitment's name when it was marked (as `plan_name`).
    pub commitment_name: String,
    pub reasons: Vec<Reason>,
    pub note: String,
}

impl Mark {
    /// Whether it names this plan's commitment.
    pub fn is(&self, plan: &PlanKey, commitment: CommitmentId) -> bool {
        &self.plan == plan && self.commitment == commitment
    }
}

/// The marks, in the order they were first made; at most one per commitment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Marks(Vec<Mark>);

/// What [`Marks::mark`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marked {
    /// A new mark, at the end.
    Added,
    /// The commitment was marked already: its reasons and note changed.
    Changed,
}

impl Marks {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn all(&self) -> &[Mark] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, plan: &PlanKey, commitment: CommitmentId) -> Option<&Mark> {
        self.0.iter().find(|m| m.is(plan, commitment))
    }

    /// Marks a commitment, or changes its mark (it keeps its place).
    pub fn mark(&mut self, mark: Mark) -> Marked {
        match self
            .0
            .iter_mut()
            .find(|m| m.is(&mark.plan, mark.commitment))
        {
            Some(m) => {
                *m = mark;
                Marked::Changed
            }
            None => {
                self.0.push(mark);
                Marked::Added
            }
        }
    }

    /// Removes a commitment's mark; whether it had one.
    pub fn unmark(&mut self, plan: &PlanKey, commitment: CommitmentId) -> bool {
        let before = self.0.len();
        self.0.retain(|m| !m.is(plan, commitment));
        before != self.0.len()
    }

    /// Where each mark stands against the set.
    pub fn standing<'a>(&'a self, set: &'a PlanSet) -> Vec<(&'a Mark, Standing)> {
        self.0.iter().map(|m| (m, standing(set, m))).collect()
    }

    /// How many marks [`Library::build`] would leave out now.
    pub fn left_out(&self, set: &PlanSet) -> LeftOut {
        let mut l = LeftOut::default();
        for m in &self.0 {
            match standing(set, m) {
                Standing::Present => {}
                Standing::PlanAbsent => l.plan_absent += 1,
                Standing::CommitmentAbsent => l.commitment_absent += 1,
            }
        }
        l
    }

    /// Brings the names kept in the marks up to date with the plans in the
    /// set (after a newer version of a plan is added); whether any changed.
    pub fn refresh_names(&mut self, set: &PlanSet) -> bool {
        let mut changed = false;
        for m in &mut self.0 {
            let Some(p) = set.get(&m.plan) else { continue };
            if m.plan_name != p.plan.display_name() {
                m.plan_name = p.plan.display_name().to_owned();
                changed = true;
            }
            if let Some(c) = p.plan.commitment(m.commitment) {
                if m.commitment_name != c.name {
                    m.commitment_name = c.name.clone();
                    changed = true;
                }
            }
        }
        changed
    }
}

/// Whether a mark's commitment can go into the library now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Its plan is in the set and has the commitment.
    Present,
    /// Its plan is not in the set (removed; it comes back when the plan is
    /// added again).
    PlanAbsent,
    /// The plan in the set no longer has that commitment.
    CommitmentAbsent,
}

fn standing(set: &PlanSet, m: &Mark) -> Standing {
    match set.get(&m.plan) {
        None => Standing::PlanAbsent,
        Some(p) if p.plan.commitment(m.commitment).is_none() => Standing::CommitmentAbsent,
        Some(_) => Standing::Present,
    }
}

/// A key action as an example shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleAction {
    pub name: String,
    /// Its weight in the commitment (percentage points), when given.
    #[serde(default)]
    pub weight: Option<u8>,
}

/// The commitment's link to the national plan, self-contained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleNational {
    /// The national list's name.
    pub list: String,
    pub relation: Relation,
    /// The national commitment's id (none when the relation is "nuevo").
    #[serde(default)]
    pub id: Option<String>,
    /// Its title in the list, when the list has it.
    #[serde(default)]
    pub title: Option<String>,
}

/// The plan an example comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamplePlan {
    /// [`PlanKey`]: with the commitment's id, tells one practice from another.
    pub key: PlanKey,
    pub name: String,
    /// Who makes it, in words ("Municipio de Querétaro").
    pub jurisdiction: String,
    /// The states of its makers, by name (none for the federation).
    #[serde(default)]
    pub states: Vec<String>,
    /// The plan's period, in words ("julio de 2023 a diciembre de 2025").
    #[serde(default)]
    pub period: String,
}

/// A commitment as an example shows it, without its plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleCommitment {
    pub id: CommitmentId,
    pub title: String,
    /// "¿Cuál es la problemática que el compromiso aborda?"
    #[serde(default)]
    pub problem: String,
    /// The short-term objective.
    #[serde(default)]
    pub objective: String,
    #[serde(default)]
    pub key_actions: Vec<ExampleAction>,
    #[serde(default)]
    pub national: Option<ExampleNational>,
    /// SDG target codes ("16.10").
    #[serde(default)]
    pub sdg_targets: Vec<String>,
    #[serde(default)]
    pub ogp_values: Vec<OgpValue>,
}

/// One good practice of a library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub plan: ExamplePlan,
    pub commitment: ExampleCommitment,
    pub reasons: Vec<Reason>,
    pub note: String,
}

impl Example {
    /// The commitment's copy, from its plan. `jurisdiction`: who makes the
    /// plan, in words (a floor up: `labels::entity_name`).
    pub fn of(
        key: &PlanKey,
        plan: &Plan,
        c: &Commitment,
        reasons: Vec<Reason>,
        note: String,
        jurisdiction: impl Fn(&Profile) -> String,
    ) -> Self {
        let profile = plan.profile.as_ref();
        let mut states: Vec<String> = Vec::new();
        for m in profile.map(|p| p.jurisdictions.members()).unwrap_or(&[]) {
            if let Some(s) = m.code().and_then(|c| c.get(..2)).and_then(catalog::state) {
                if !states.iter().any(|n| n == s.name) {
                    states.push(s.name.to_owned());
                }
            }
        }
        let objectives = c.objectives.as_ref();
        let national = c.alignment.national.as_ref().map(|l| ExampleNational {
            list: plan.national_plan.name.clone(),
            relation: l.relation(),
            id: l.commitment().map(str::to_owned),
            title: l
                .commitment()
                .and_then(|id| plan.national_plan.entry(id))
                .map(|e| e.title.clone()),
        });
        Self {
            plan: ExamplePlan {
                key: key.clone(),
                name: plan.display_name().to_owned(),
                jurisdiction: profile.map(jurisdiction).unwrap_or_default(),
                states,
                period: profile.map(|p| p.period.to_string()).unwrap_or_default(),
            },
            commitment: ExampleCommitment {
                id: c.id,
                title: c.name.clone(),
                problem: objectives
                    .map(|o| o.problem_text.clone())
                    .unwrap_or_default(),
                objective: objectives.map(|o| o.short_term.clone()).unwrap_or_default(),
                key_actions: c
                    .key_actions
                    .iter()
                    .map(|k| ExampleAction {
                        name: k.name.clone(),
                        weight: k.weight.map(|w| w.get()),
                    })
                    .collect(),
                national,
                sdg_targets: c.alignment.sdg_targets.clone(),
                ogp_values: c.values.iter().map(|v| v.value).collect(),
            },
            reasons,
            note,
        }
    }

    /// Whether it is the same practice (the same plan's same commitment).
    pub fn same_practice(&self, other: &Example) -> bool {
        self.plan.key == other.plan.key && self.commitment.id == other.commitment.id
    }

    /// The SDG goals of its targets, each once, in order.
    pub fn sdg_goals(&self) -> Vec<u8> {
        let mut goals: Vec<u8> = self
            .commitment
            .sdg_targets
            .iter()
            .filter_map(|t| t.split('.').next()?.parse().ok())
            .collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    }

    /// Checks what a library file says with the rules of the form: the
    /// reasons and the note.
    pub fn check(&self) -> Result<(), PracticeError> {
        if self.reasons.is_empty() {
            return Err(PracticeError::NoReason);
        }
        parse_note(&self.note).map(|_| ())
    }
}

/// A set of good practices to read as examples.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// The day it was made ("aaaa-mm-dd"), as its file says.
    pub date: String,
    pub practices: Vec<Example>,
}

/// What [`Library::build`] left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Marks whose plan is not in the set.
    pub plan_absent: usize,
    /// Marks whose commitment the plan in the set no longer has.
    pub commitment_absent: usize,
}

impl LeftOut {
    pub fn total(self) -> usize {
        self.plan_absent + self.commitment_absent
    }
}

/// What [`Library::add`] did with another library's practices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Added {
    pub added: usize,
    /// Already in the library (the same plan's same commitment): the one
    /// already there stays.
    pub duplicates: usize,
}

impl Library {
    /// The library of the marks whose commitment is in the set, in the
    /// marks' order, each copied from the plan as it is now.
    pub fn build(
        set: &PlanSet,
        marks: &Marks,
        date: String,
        jurisdiction: impl Fn(&Profile) -> String,
    ) -> (Self, LeftOut) {
        let mut left_out = LeftOut::default();
        let mut practices = Vec::new();
        for m in marks.all() {
            match (standing(set, m), set.get(&m.plan)) {
                (Standing::Present, Some(p)) => {
                    if let Some(c) = p.plan.commitment(m.commitment) {
                        practices.push(Example::of(
                            &p.key,
                            &p.plan,
                            c,
                            m.reasons.clone(),
                            m.note.clone(),
                            &jurisdiction,
                        ));
                    }
                }
                (Standing::CommitmentAbsent, _) => left_out.commitment_absent += 1,
                _ => left_out.plan_absent += 1,
            }
        }
        (Self { date, practices }, left_out)
    }

    pub fn is_empty(&self) -> bool {
        self.practices.is_empty()
    }

    /// Adds the practices of `other` that it does not hold yet (read from
    /// another file); a practice it holds stays as it is.
    pub fn add(&mut self, other: Library) -> Added {
        let mut result = Added::default();
        for p in other.practices {
            if self.practices.iter().any(|q| q.same_practice(&p)) {
                result.duplicates += 1;
            } else {
                self.practices.push(p);
                result.added += 1;
            }
        }
        if self.date.is_empty() || (other.date > self.date) {
            self.date = other.date;
        }
        result
    }

    /// The national commitments its practices replicate or complement, as
    /// (list, id, title), each once, in order of first appearance.
    pub fn national_commitments(&self) -> Vec<(String, String, String)> {
        let mut out: Vec<(String, String, String)> = Vec::new();
        for n in self
            .practices
            .iter()
            .filter_map(|p| p.commitment.national.as_ref())
        {
            let Some(id) = &n.id else { continue };
            if let Some(found) = out.iter_mut().find(|(l, i, _)| l == &n.list && i == id) {
                if found.2.is_empty() {
                    found.2 = n.title.clone().unwrap_or_default();
                }
            } else {
                out.push((
                    n.list.clone(),
                    id.clone(),
                    n.title.clone().unwrap_or_default(),
                ));
            }
        }
        out
    }

    /// The SDG goals of its practices, each once, in order.
    pub fn sdg_goals(&self) -> Vec<u8> {
        let mut goals: Vec<u8> = self.practices.iter().flat_map(Example::sdg_goals).collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    }

    /// The positions of the practices that pass the filters: a national
    /// commitment (list and id) they replicate or complement, an SDG goal one
    /// of their targets belongs to.
    pub fn filtered(&self, national: Option<(&str, &str)>, sdg_goal: Option<u8>) -> Vec<usize> {
        self.practices
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                national.is_none_or(|(list, id)| {
                    p.commitment
                        .national
                        .as_ref()
                        .is_some_and(|n| n.list == list && n.id.as_deref() == Some(id))
                })
            })
            .filter(|(_, p)| sdg_goal.is_none_or(|g| p.sdg_goals().contains(&g)))
            .map(|(i, _)| i)
            .collect()
    }
}

/// The marks as kept in the browser: one JSON text under their own key.
pub mod stored {
    use serde::{Deserialize, Serialize};

    use super::Marks;

    /// Marks the stored text, so another program's value is recognised.
    pub const FORMAT: &str = "plan-local-gobierno-abierto/buenas-practicas";
    pub const VERSION: u32 = 1;

    #[derive(Serialize, Deserialize)]
    struct Stored {
        format: String,
        version: u32,
        #[serde(default)]
        marks: Marks,
    }

    pub fn encode(marks: &Marks) -> String {
        serde_json::to_string(&Stored {
            format: FORMAT.to_owned(),
            version: VERSION,
            marks: marks.clone(),
        })
        .unwrap_or_default()
    }

    /// Why stored text gave no marks.
    #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
    pub enum StoredError {
        #[error("not the stored marks")]
        NotMarks,
        #[error("stored by a newer version ({found})")]
        Newer { found: u32 },
    }

    pub fn decode(text: &str) -> Result<Marks, StoredError> {
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u32,
        }
        let head: Head = serde_json::from_str(text).map_err(|_| StoredError::NotMarks)?;
        if head.format != FORMAT {
            return Err(StoredError::NotMarks);
        }
        if head.version > VERSION {
            return Err(StoredError::Newer {
                found: head.version,
            });
        }
        let stored: Stored = serde_json::from_str(text).map_err(|_| StoredError::NotMarks)?;
        Ok(stored.marks)
    }
}
