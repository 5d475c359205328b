//! The computations over a set of plans: the articulation matrix, the seed
//! commitment's indicator, the counts per state, and the filters.
//!
//! **What counts as a local action** (the indicator of commitment 13 of the
//! 4th national plan: "número de acciones de gobierno abierto en lo local que
//! replican o complementan compromisos del Plan de Acción Nacional"): a
//! *commitment* of a local plan whose alignment says it replicates or
//! complements a commitment of the national list. Key actions are the steps
//! of one such action, so they are not counted again; commitments marked
//! "nuevo" or not aligned yet are counted apart ("sin vínculo"). The plans
//! the federation makes (a national plan) are listed and counted in their own
//! row, never as local actions.
//!
//! **Lists kept apart**: each plan names the national list it was aligned to
//! (`Plan::national_plan`, by its name). Plans aligned to different lists
//! form different groups, each with its own matrix and indicator: a
//! commitment "MX0081" of the 4th plan is not the "MX0081" of another list.
//!
//! **Speed**: [`Index::build`] reads the set once (each plan's states,
//! levels, and each commitment's link as a position in its group's list);
//! [`Index::view`] applies filters to that index only, with no text
//! compared. Both are linear in the number of commitments.

use std::collections::HashMap;

use super::{PlanKey, PlanSet};
use crate::catalog;
use crate::domain::alignment::Relation;
use crate::domain::commitment::{Commitment, OgpValue};
use crate::domain::profile::{JurisdictionKind, Makers};

/// The order of government of a plan's makers, for the level filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// A state.
    Estado,
    /// A municipality or an alcaldía of Mexico City.
    Municipio,
    /// The federation (a national plan).
    Federacion,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Estado, Level::Municipio, Level::Federacion];

    pub const fn key(self) -> &'static str {
        match self {
            Level::Estado => "estado",
            Level::Municipio => "municipio",
            Level::Federacion => "federacion",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.key() == key)
    }

    fn of(kind: JurisdictionKind) -> Self {
        match kind {
            JurisdictionKind::Estado => Level::Estado,
            JurisdictionKind::Municipio | JurisdictionKind::Alcaldia => Level::Municipio,
            JurisdictionKind::Federacion => Level::Federacion,
        }
    }
}

/// One commitment of a national list, as the group shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupEntry {
    pub id: String,
    /// Its title in the list (empty when a plan links to an id its own list
    /// does not hold).
    pub title: String,
    /// Whether some plan's list holds it (false: only named by a link).
    pub listed: bool,
}

/// A national list and the local plans aligned to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The list's name, as the plans carry it.
    pub name: String,
    /// Its commitments, in the order of the first plan that listed them
    /// (then any id only named by a link).
    pub entries: Vec<GroupEntry>,
}

/// A national commitment of one group: the position of the group and of the
/// entry in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NationalRef {
    pub group: usize,
    pub entry: usize,
}

/// One plan as the index keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    /// Its position in the set.
    pub position: usize,
    pub key: PlanKey,
    /// The plan's name ([`crate::domain::Plan::display_name`]).
    pub name: String,
    /// The states of its makers (INEGI codes, each once, in order of
    /// first appearance); empty for the federation and for a plan without a
    /// profile.
    pub states: Vec<&'static str>,
    /// The levels of its makers, each once.
    pub levels: Vec<Level>,
    /// Made by the federation: a national plan, not a local one.
    pub federal: bool,
    /// Its group (the national list it is aligned to).
    pub group: usize,
    /// How many commitments it has.
    pub commitments: usize,
    /// Each commitment's link to its group's list, when it replicates or
    /// complements one.
    pub links: Vec<Option<(usize, Relation)>>,
    /// Each commitment's SDG goals, one bit per goal (bit `g` for goal `g`).
    pub sdg_goals: Vec<u32>,
    /// The years of the plan's period, first and last; `None` without a
    /// profile.
    pub years: Option<(i32, i32)>,
}

/// The bit of SDG goal `goal` in [`PlanRow::sdg_goals`].
fn goal_bit(goal: u8) -> u32 {
    1u32.checked_shl(u32::from(goal)).unwrap_or(0)
}

/// The set read once, ready to filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Index {
    pub groups: Vec<Group>,
    pub plans: Vec<PlanRow>,
}

/// What the person chose to see; `None`: everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// An INEGI state code ("19"): plans with a maker in that state.
    pub state: Option<String>,
    /// Plans with a maker of that level.
    pub level: Option<Level>,
    /// Local plans with a commitment that replicates or complements it, and
    /// of those, only such commitments.
    pub national: Option<NationalRef>,
    /// A year: plans whose period includes it.
    pub year: Option<i32>,
    /// An SDG goal (1-17): plans with a commitment aligned to one of its
    /// targets, and of those, only such commitments.
    pub sdg_goal: Option<u8>,
}

/// Replica and complementa counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub replica: usize,
    pub complementa: usize,
}

impl Counts {
    /// The indicator: local actions that replicate or complement.
    pub fn actions(self) -> usize {
        self.replica + self.complementa
    }

    fn add(&mut self, relation: Relation) {
        match relation {
            Relation::Replica => self.replica += 1,
            Relation::Complementa => self.complementa += 1,
            Relation::Nuevo => {}
        }
    }
}

/// A row of a group's indicator table: one national commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryTotals {
    /// Position in the group's entries.
    pub entry: usize,
    pub counts: Counts,
    /// How many of the shown local plans link to it at least once.
    pub plans: usize,
}

/// A row of a group's matrix: one local plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanColumn {
    /// Position in [`Index::plans`].
    pub row: usize,
    /// One cell per shown entry ([`GroupView::entries`], same order).
    pub cells: Vec<Counts>,
    /// All its shown links.
    pub counts: Counts,
    /// Its shown commitments with no link (new, or not aligned yet).
    pub unlinked: usize,
}

/// A group as filtered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupView {
    pub group: usize,
    /// The national commitments shown (all of the list, or the one chosen).
    pub entries: Vec<EntryTotals>,
    /// The local plans shown, in the order of the set.
    pub plans: Vec<PlanColumn>,
    /// The indicator for the group: every shown link.
    pub counts: Counts,
    pub unlinked: usize,
}

/// One state's row of the per-state table (the map's table alternative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateRow {
    pub code: &'static str,
    pub name: &'static str,
    /// Local plans with a maker in this state (a coalition counts in each
    /// of its members' states, once per state).
    pub plans: usize,
    /// Their commitments (as filtered).
    pub commitments: usize,
    /// Of those, the ones that replicate or complement a national commitment.
    pub actions: usize,
}

/// Totals of what is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Plans shown, national ones included.
    pub plans: usize,
    pub local_plans: usize,
    /// Commitments of the local plans shown.
    pub commitments: usize,
    /// The indicator over every group.
    pub counts: Counts,
}

/// Everything the page shows for one choice of filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The plans shown (positions in [`Index::plans`]), national ones included.
    pub plans: Vec<usize>,
    /// The groups with at least one local plan shown.
    pub groups: Vec<GroupView>,
    /// All 32 states, in INEGI order.
    pub states: Vec<StateRow>,
    /// The federation's row: its plans and their commitments.
    pub federal_plans: usize,
    pub federal_commitments: usize,
    /// Local plans without a state (their profile was never saved).
    pub without_state: usize,
    pub totals: Totals,
}

impl Index {
    /// Reads the set once.
    pub fn build(set: &PlanSet) -> Self {
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of: HashMap<String, usize> = HashMap::new();
        // (group, id) → entry position.
        let mut entry_of: HashMap<(usize, String), usize> = HashMap::new();
        let mut plans = Vec::with_capacity(set.len());

        for (position, loaded) in set.plans().iter().enumerate() {
            let plan = &loaded.plan;
            let list = &plan.national_plan;
            let group = *group_of.entry(list.name.clone()).or_insert_with(|| {
                groups.push(Group {
                    name: list.name.clone(),
                    entries: Vec::new(),
                });
                groups.len() - 1
            });
            for e in &list.commitments {
                match entry_of.get(&(group, e.id.clone())) {
                    Some(&i) if !groups[group].entries[i].listed => {
                        let slot = &mut groups[group].entries[i];
                        slot.title = e.title.clone();
                        slot.listed = true;
                    }
                    Some(_) => {}
                    None => {
                        groups[group].entries.push(GroupEntry {
                            id: e.id.clone(),
                            title: e.title.clone(),
                            listed: true,
                        });
                        entry_of.insert((group, e.id.clone()), groups[group].entries.len() - 1);
                    }
                }
            }
            let links = plan
                .commitments
                .iter()
                .map(|c| {
                    let link = c.alignment.national.as_ref()?;
                    let id = link.commitment()?;
                    let entry = *entry_of.entry((group, id.to_owned())).or_insert_with(|| {
                        groups[group].entries.push(GroupEntry {
                            id: id.to_owned(),
                            title: String::new(),
                            listed: false,
                        });
                        groups[group].entries.len() - 1
                    });
                    Some((entry, link.relation()))
                })
                .collect();

            let sdg_goals = plan
                .commitments
                .iter()
                .map(|c| {
                    c.alignment
                        .sdg_targets
                        .iter()
                        .filter_map(|t| catalog::sdg_target(t))
                        .fold(0, |mask, t| mask | goal_bit(t.goal))
                })
                .collect();
            let years = plan
                .profile
                .as_ref()
                .map(|p| (p.period.start().year(), p.period.end().year()));
            let (mut states, mut levels, mut federal) = (Vec::new(), Vec::new(), false);
            if let Some(profile) = &plan.profile {
                federal = profile.jurisdictions.makers() == Makers::Federation;
                for m in profile.jurisdictions.members() {
                    let level = Level::of(m.kind);
                    if !levels.contains(&level) {
                        levels.push(level);
                    }
                    let state = m
                        .code()
                        .and_then(|c| c.get(..2))
                        .and_then(catalog::state)
                        .map(|s| s.code);
                    if let Some(s) = state {
                        if !states.contains(&s) {
                            states.push(s);
                        }
                    }
                }
            }
            plans.push(PlanRow {
                position,
                key: loaded.key.clone(),
                name: plan.display_name().to_owned(),
                states,
                levels,
                federal,
                group,
                commitments: plan.commitments.len(),
                links,
                sdg_goals,
                years,
            });
        }
        Self { groups, plans }
    }

    /// Every national commitment of every group, for the filter's choices.
    pub fn national_refs(&self) -> impl Iterator<Item = NationalRef> + '_ {
        self.groups.iter().enumerate().flat_map(|(group, g)| {
            (0..g.entries.len()).map(move |entry| NationalRef { group, entry })
        })
    }

    pub fn entry(&self, r: NationalRef) -> Option<&GroupEntry> {
        self.groups.get(r.group)?.entries.get(r.entry)
    }

    /// The states some plan of the set is made in, in INEGI order (for the
    /// filter's choices).
    pub fn states_present(&self) -> Vec<&'static str> {
        let mut all: Vec<&'static str> = self
            .plans
            .iter()
            .flat_map(|p| p.states.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The years some plan's period covers, in order (for the filter's
    /// choices).
    pub fn years_present(&self) -> Vec<i32> {
        let mut all: Vec<i32> = self
            .plans
            .iter()
            .filter_map(|p| p.years)
            .flat_map(|(a, b)| a..=b)
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Whether commitment `c` of plan `p` counts under the filters: with a
    /// national commitment or an SDG goal chosen, only the commitments linked
    /// to it.
    pub fn counted(&self, p: &PlanRow, c: usize, f: &Filters) -> bool {
        let national = match f.national {
            None => true,
            Some(n) => {
                p.group == n.group && matches!(p.links.get(c), Some(Some((e, _))) if *e == n.entry)
            }
        };
        let sdg = match f.sdg_goal {
            None => true,
            Some(g) => p.sdg_goals.get(c).is_some_and(|m| m & goal_bit(g) != 0),
        };
        national && sdg
    }

    /// The shown local commitments, plan by plan in the order of `view`:
    /// (position in [`Index::plans`], the commitment's position in its plan).
    /// The federation's plans are left out.
    pub fn local_commitments<'a>(
        &'a self,
        view: &'a View,
        f: &'a Filters,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        view.plans
            .iter()
            .filter(|&&i| !self.plans[i].federal)
            .flat_map(move |&i| {
                let p = &self.plans[i];
                (0..p.commitments)
                    .filter(move |&c| self.counted(p, c, f))
                    .map(move |c| (i, c))
            })
    }

    /// Whether a plan passes the filters, and which of its commitments count.
    fn passes(&self, p: &PlanRow, f: &Filters) -> bool {
        if let Some(state) = &f.state {
            if !p.states.iter().any(|s| s == state) {
                return false;
            }
        }
        if let Some(level) = f.level {
            if !p.levels.contains(&level) {
                return false;
            }
        }
        if let Some(y) = f.year {
            if !p.years.is_some_and(|(a, b)| a <= y && y <= b) {
                return false;
            }
        }
        if let Some(n) = f.national {
            if p.federal || p.group != n.group {
                return false;
            }
        }
        if f.national.is_some() || f.sdg_goal.is_some() {
            return (0..p.commitments).any(|c| self.counted(p, c, f));
        }
        true
    }

    /// What the filters leave: the matrix and indicator per group, the
    /// counts per state, the totals.
    pub fn view(&self, f: &Filters) -> View {
        let shown: Vec<usize> = (0..self.plans.len())
            .filter(|&i| self.passes(&self.plans[i], f))
            .collect();

        let mut states: Vec<StateRow> = catalog::STATES
            .iter()
            .map(|s| StateRow {
                code: s.code,
                name: s.name,
                plans: 0,
                commitments: 0,
                actions: 0,
            })
            .collect();
        let mut totals = Totals {
            plans: shown.len(),
            ..Totals::default()
        };
        let (mut federal_plans, mut federal_commitments, mut without_state) = (0, 0, 0);
        let mut groups: Vec<Option<GroupView>> = vec![None; self.groups.len()];

        for &i in &shown {
            let p = &self.plans[i];
            let commitments = (0..p.commitments)
                .filter(|&c| self.counted(p, c, f))
                .count();
            if p.federal {
                federal_plans += 1;
                federal_commitments += commitments;
                continue;
            }
            totals.local_plans += 1;
            totals.commitments += commitments;

            let entries = &self.groups[p.group].entries;
            let view = groups[p.group].get_or_insert_with(|| GroupView {
                group: p.group,
                entries: match f.national {
                    Some(n) => vec![EntryTotals {
                        entry: n.entry,
                        counts: Counts::default(),
                        plans: 0,
                    }],
                    None => (0..entries.len())
                        .map(|entry| EntryTotals {
                            entry,
                            counts: Counts::default(),
                            plans: 0,
                        })
                        .collect(),
                },
                plans: Vec::new(),
                counts: Counts::default(),
                unlinked: 0,
            });
            let slot = |entry: usize| match f.national {
                Some(_) => 0,
                None => entry,
            };
            let mut cells = vec![Counts::default(); view.entries.len()];
            let mut column = Counts::default();
            let mut unlinked = 0;
            for (c, link) in p.links.iter().enumerate() {
                if !self.counted(p, c, f) {
                    continue;
                }
                match link {
                    Some((entry, relation)) if *relation != Relation::Nuevo => {
                        cells[slot(*entry)].add(*relation);
                        column.add(*relation);
                    }
                    _ => unlinked += 1,
                }
            }
            for (totals_row, cell) in view.entries.iter_mut().zip(&cells) {
                totals_row.counts.replica += cell.replica;
                totals_row.counts.complementa += cell.complementa;
                if cell.actions() > 0 {
                    totals_row.plans += 1;
                }
            }
            view.counts.replica += column.replica;
            view.counts.complementa += column.complementa;
            view.unlinked += unlinked;
            view.plans.push(PlanColumn {
                row: i,
                cells,
                counts: column,
                unlinked,
            });
            totals.counts.replica += column.replica;
            totals.counts.complementa += column.complementa;

            if p.states.is_empty() {
                without_state += 1;
            }
            for s in &p.states {
                if let Some(row) = states.iter_mut().find(|r| r.code == *s) {
                    row.plans += 1;
                    row.commitments += commitments;
                    row.actions += column.actions();
                }
            }
        }
        let groups: Vec<GroupView> = groups.into_iter().flatten().collect();
        View {
            plans: shown,
            groups,
            states,
            federal_plans,
            federal_commitments,
            without_state,
            totals,
        }
    }
}

/// What the shown local commitments cover (the coverage tables): each count
/// is of commitments, over [`Index::local_commitments`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// The local commitments counted.
    pub commitments: usize,
    /// SDG goals with at least one commitment aligned to one of their
    /// targets: (goal, commitments), in goal order. A commitment counts once
    /// per goal.
    pub sdg_goals: Vec<(u8, usize)>,
    /// SDG targets with at least one commitment: (code, commitments), in the
    /// catalogue's order.
    pub sdg_targets: Vec<(&'static str, usize)>,
    /// Commitments without any SDG target.
    pub without_sdg: usize,
    /// Each OGP value (all five, in order): commitments that name it.
    pub values: Vec<(OgpValue, usize)>,
    /// PND axes as written in the plans: (axis, commitments), most first
    /// (then by name).
    pub pnd_axes: Vec<(String, usize)>,
    pub without_pnd_axis: usize,
    /// Primary policy areas (the commitment's classification), as written:
    /// (area, commitments), most first (then by name).
    pub policy_areas: Vec<(String, usize)>,
    pub without_policy_area: usize,
    /// Commitments with a gender-equality perspective written.
    pub gender: usize,
}

/// Counts texts: most first, then by name; blank texts are not counted.
fn tally<'a>(texts: impl Iterator<Item = Option<&'a str>>) -> (Vec<(String, usize)>, usize) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut without = 0;
    for t in texts {
        match t.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => *counts.entry(t).or_default() += 1,
            None => without += 1,
        }
    }
    let mut out: Vec<(String, usize)> =
        counts.into_iter().map(|(t, n)| (t.to_owned(), n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    (out, without)
}

impl Index {
    /// What the shown local commitments cover. `set`: the set this index was
    /// built from; `view`: [`Index::view`] of the same filters `f`.
    pub fn coverage(&self, set: &PlanSet, view: &View, f: &Filters) -> Coverage {
        let commitments: Vec<&Commitment> = self
            .local_commitments(view, f)
            .filter_map(|(row, c)| {
                let position = self.plans.get(row)?.position;
                set.plans().get(position)?.plan.commitments.get(c)
            })
            .collect();
        let mut goals = [0usize; 18];
        let mut targets = vec![0usize; catalog::SDG_TARGETS.len()];
        let mut without_sdg = 0;
        let mut values: Vec<(OgpValue, usize)> = OgpValue::ALL.iter().map(|&v| (v, 0)).collect();
        let mut gender = 0;
        for c in &commitments {
            let mut mask = 0u32;
            let mut any = false;
            for code in &c.alignment.sdg_targets {
                if let Some(i) = catalog::SDG_TARGETS.iter().position(|t| t.code == code) {
                    targets[i] += 1;
                    mask |= goal_bit(catalog::SDG_TARGETS[i].goal);
                    any = true;
                }
            }
            if !any {
                without_sdg += 1;
            }
            for (g, n) in goals.iter_mut().enumerate() {
                if mask & (1u32 << g) != 0 {
                    *n += 1;
                }
            }
            for (v, n) in values.iter_mut() {
                if c.values.iter().any(|r| r.value == *v) {
                    *n += 1;
                }
            }
            if c.alignment
                .gender
                .as_deref()
                .is_some_and(|g| !g.trim().is_empty())
            {
                gender += 1;
            }
        }
        let (pnd_axes, without_pnd_axis) =
            tally(commitments.iter().map(|c| c.alignment.pnd_axis.as_deref()));
        let (policy_areas, without_policy_area) = tally(commitments.iter().map(|c| {
            c.classification
                .as_ref()
                .and_then(|k| k.policy_area.as_deref())
        }));
        Coverage {
            commitments: commitments.len(),
            sdg_goals: (1u8..=17)
                .filter(|&g| goals[usize::from(g)] > 0)
                .map(|g| (g, goals[usize::from(g)]))
                .collect(),
            sdg_targets: catalog::SDG_TARGETS
                .iter()
                .zip(targets)
                .filter(|(_, n)| *n > 0)
                .map(|(t, n)| (t.code, n))
                .collect(),
            without_sdg,
            values,
            pnd_axes,
            without_pnd_axis,
            policy_areas,
            without_policy_area,
            gender,
        }
    }
}
