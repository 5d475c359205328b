//! "Combinar con otro borrador": bring into the open draft ("mine") what
//! another draft ("theirs") has, item by item, with the person's choice for
//! each difference. Pure: both plans are read, never changed; the result is a
//! new plan.
//!
//! Items of lists are matched by their stable ids first, then, among those left,
//! by name (the k-th unmatched item of a name in one plan with the k-th of the
//! same name in the other, ignoring case, spaces and punctuation): a commitment
//! an agency re-typed in its own copy under another id is still the same one.
//! Matching this way is symmetric, which is what makes merging commutative (see
//! `tests/merge.rs`).
//!
//! - A matched pair that differs is a [`Kind::Conflict`]: keep mine, take
//!   theirs, or keep both (the copy gets a fresh id, and links from theirs to
//!   it follow it).
//! - An item only in theirs is an [`Kind::Addition`]: take it (the default) or
//!   leave it out.
//! - An item only in mine stays.
//! - Single-valued parts (profile, political commitment, monitoring…) that
//!   differ are conflicts with two choices: mine or theirs.
//!
//! Commitments are matched as a whole, and their key actions one by one inside
//! a matched pair: the commitment's other fields are one conflict, each key
//! action another. Conflicts need an explicit choice ([`MergeError::Unchosen`]):
//! nothing is dropped without one. After the merge, every commitment's weights
//! are checked again with [`crate::domain::key_action::weight_status`].

use std::collections::{BTreeMap, BTreeSet};

use super::choice::ItemId;
use super::commitment::{Commitment, CommitmentId};
use super::contact::same_name;
use super::implementation::Implementation;
use super::key_action::{weight_status, KeyAction, WeightStatus};
use super::methodology::Step;
use super::ogp::PlanOgp;
use super::plan::Plan;

/// What the person chose for one difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Choice {
    /// "Conservar el mío": for an addition, leave it out.
    KeepMine,
    /// "Tomar el suyo": for an addition, add it.
    TakeTheirs,
    /// "Conservar ambos": mine stays and theirs is added as a copy with a new
    /// id. Not possible for single-valued parts.
    KeepBoth,
}

/// The single-valued parts of a plan, each chosen as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Profile,
    Office,
    Framework,
    NationalPlan,
    Readiness,
    Political,
    CoordinationBody,
    Roadmap,
    Monitoring,
    /// What OGP publishes about the plan, except its sessions and events
    /// (which are list items).
    Ogp,
    KeptFindings,
    /// Progress reports and what follows approval. Taking theirs keeps what
    /// is about commitments and key actions present in the result.
    Implementation,
}

impl Part {
    pub const ALL: [Part; 12] = [
        Part::Profile,
        Part::Office,
        Part::Framework,
        Part::NationalPlan,
        Part::Readiness,
        Part::Political,
        Part::CoordinationBody,
        Part::Roadmap,
        Part::Monitoring,
        Part::Ogp,
        Part::KeptFindings,
        Part::Implementation,
    ];
}

/// The lists of plain items (commitments and key actions have their own keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKind {
    Problem,
    Member,
    Organization,
    Response,
    Session,
    Event,
}

impl ListKind {
    pub const ALL: [ListKind; 6] = [
        ListKind::Problem,
        ListKind::Member,
        ListKind::Organization,
        ListKind::Response,
        ListKind::Session,
        ListKind::Event,
    ];
}

/// Which item a difference is about, by the ids it has in one plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKey {
    Part(Part),
    /// A commitment (for a matched pair, its fields other than key actions).
    Commitment(CommitmentId),
    /// A key action of a commitment.
    KeyAction(CommitmentId, ItemId),
    Item(ListKind, ItemId),
}

impl ItemKey {
    /// The step of the methodology the item belongs to.
    pub fn step(self) -> Step {
        match self {
            ItemKey::Part(Part::Readiness) => Step::Readiness,
            ItemKey::Part(Part::Profile | Part::Office | Part::Framework) => Step::Profile,
            ItemKey::Part(Part::NationalPlan) => Step::NationalPlan,
            ItemKey::Part(Part::Political) => Step::Political,
            ItemKey::Part(Part::CoordinationBody)
            | ItemKey::Item(ListKind::Member | ListKind::Organization, _) => Step::Coordination,
            ItemKey::Part(Part::Roadmap) => Step::Roadmap,
            ItemKey::Item(ListKind::Problem, _) => Step::Problems,
            ItemKey::Commitment(_) | ItemKey::KeyAction(..) => Step::Commitments,
            ItemKey::Part(Part::Monitoring) => Step::Monitoring,
            ItemKey::Item(ListKind::Response, _) => Step::Responses,
            ItemKey::Part(Part::Ogp) | ItemKey::Item(ListKind::Session | ListKind::Event, _) => {
                Step::Ogp
            }
            ItemKey::Part(Part::KeptFindings) => Step::Quality,
            ItemKey::Part(Part::Implementation) => Step::Progress,
        }
    }
}

/// Whether theirs changes an item mine has, or adds one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Conflict,
    Addition,
}

/// One difference between mine and theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The item in theirs; choices are keyed by it (each of theirs' items is
    /// in at most one difference).
    pub theirs: ItemKey,
    /// Its counterpart in mine, for a conflict.
    pub mine: Option<ItemKey>,
    pub kind: Kind,
}

impl Difference {
    /// The choices this difference offers.
    pub fn options(&self) -> &'static [Choice] {
        match (self.kind, self.theirs) {
            (Kind::Addition, _) => &[Choice::TakeTheirs, Choice::KeepMine],
            (Kind::Conflict, ItemKey::Part(_)) => &[Choice::KeepMine, Choice::TakeTheirs],
            (Kind::Conflict, _) => &[Choice::KeepMine, Choice::TakeTheirs, Choice::KeepBoth],
        }
    }
    /// What is chosen when the person says nothing: an addition is taken;
    /// a conflict has no default.
    pub fn default_choice(&self) -> Option<Choice> {
        match self.kind {
            Kind::Addition => Some(Choice::TakeTheirs),
            Kind::Conflict => None,
        }
    }
}

/// The person's choices, by theirs' item.
pub type Choices = BTreeMap<ItemKey, Choice>;

/// Why a merge cannot be made with the choices given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// Conflicts without a choice (theirs' keys, in the order listed).
    #[error("{} conflicts have no choice", .0.len())]
    Unchosen(Vec<ItemKey>),
    /// A choice a difference does not offer ("keep both" of a profile).
    #[error("a choice the difference does not offer")]
    NotOffered(ItemKey),
}

/// The combined plan and what needs fixing in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub plan: Plan,
    /// Commitments of the result whose key-action weights need fixing.
    pub weights: Vec<(CommitmentId, WeightStatus)>,
}

// ---------------------------------------------------------------- matching

/// For each item of `b`, the index of its match in `a`: the same id first,
/// then the same (non-empty) name among those left, in order.
fn match_items<T>(
    a: &[T],
    b: &[T],
    id: impl Fn(&T) -> u32,
    name: impl Fn(&T) -> String,
) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = vec![None; b.len()];
    let mut taken = vec![false; a.len()];
    for (i, t) in b.iter().enumerate() {
        if let Some(j) = (0..a.len()).find(|&j| !taken[j] && id(&a[j]) == id(t)) {
            taken[j] = true;
            out[i] = Some(j);
        }
    }
    let names: Vec<String> = a.iter().map(&name).collect();
    for (i, t) in b.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        let n = name(t);
        if n.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        if let Some(j) = (0..a.len()).find(|&j| !taken[j] && same_name(&names[j], &n)) {
            taken[j] = true;
            out[i] = Some(j);
        }
    }
    out
}

/// The name an item is matched by when its id differs.
fn list_name(plan: &Plan, kind: ListKind, i: usize) -> String {
    match kind {
        ListKind::Problem => plan.problems[i].statement.clone(),
        ListKind::Member => {
            let c = &plan.coordination.members[i].contact;
            format!(
                "{} {}",
                c.institution().unwrap_or(""),
                c.name().unwrap_or("")
            )
        }
        ListKind::Organization => plan.coordination.organizations[i].name.clone(),
        ListKind::Response => plan.responses[i].input.clone(),
        ListKind::Session => {
            let s = &ogp_sessions(plan)[i];
            format!("{} {}", s.date, s.note.as_deref().unwrap_or(""))
        }
        ListKind::Event => ogp_events(plan)[i].name.clone(),
    }
}

fn ogp_sessions(plan: &Plan) -> &[super::ogp::ForumSession] {
    plan.ogp.as_ref().map_or(&[], |o| o.sessions.as_slice())
}

fn ogp_events(plan: &Plan) -> &[super::ogp::CocreationEvent] {
    plan.ogp.as_ref().map_or(&[], |o| o.events.as_slice())
}

/// The ids of a list, in order.
pub fn list_ids(plan: &Plan, kind: ListKind) -> Vec<ItemId> {
    match kind {
        ListKind::Problem => plan.problems.iter().map(|x| x.id).collect(),
        ListKind::Member => plan.coordination.members.iter().map(|x| x.id).collect(),
        ListKind::Organization => plan
            .coordination
            .organizations
            .iter()
            .map(|x| x.id)
            .collect(),
        ListKind::Response => plan.responses.iter().map(|x| x.id).collect(),
        ListKind::Session => ogp_sessions(plan).iter().map(|x| x.id).collect(),
        ListKind::Event => ogp_events(plan).iter().map(|x| x.id).collect(),
    }
}

fn match_list(mine: &Plan, theirs: &Plan, kind: ListKind) -> Vec<Option<usize>> {
    let m = list_ids(mine, kind);
    let t = list_ids(theirs, kind);
    let mine_items: Vec<(u32, String)> = (0..m.len())
        .map(|i| (m[i].0, list_name(mine, kind, i)))
        .collect();
    let theirs_items: Vec<(u32, String)> = (0..t.len())
        .map(|i| (t[i].0, list_name(theirs, kind, i)))
        .collect();
    match_items(&mine_items, &theirs_items, |x| x.0, |x| x.1.clone())
}

/// How theirs' items pair with mine's.
struct Matching {
    /// Per theirs' commitment, mine's index.
    commitments: Vec<Option<usize>>,
    /// Per theirs' commitment matched, per its key action, mine's index.
    key_actions: Vec<Vec<Option<usize>>>,
    lists: BTreeMap<ListKind, Vec<Option<usize>>>,
}

impl Matching {
    fn new(mine: &Plan, theirs: &Plan) -> Self {
        let commitments = match_items(
            &mine.commitments,
            &theirs.commitments,
            |c| c.id.0,
            |c| c.name.clone(),
        );
        let key_actions = theirs
            .commitments
            .iter()
            .zip(&commitments)
            .map(|(t, m)| match m {
                Some(j) => match_items(
                    &mine.commitments[*j].key_actions,
                    &t.key_actions,
                    |k| k.id.0,
                    |k| k.name.clone(),
                ),
                None => vec![None; t.key_actions.len()],
            })
            .collect();
        let lists = ListKind::ALL
            .iter()
            .map(|&k| (k, match_list(mine, theirs, k)))
            .collect();
        Self {
            commitments,
            key_actions,
            lists,
        }
    }

    /// Theirs' problem id → mine's, for matched problems.
    fn problem_ids(&self, mine: &Plan, theirs: &Plan) -> BTreeMap<ItemId, ItemId> {
        self.lists[&ListKind::Problem]
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.map(|j| (theirs.problems[i].id, mine.problems[j].id)))
            .collect()
    }

    /// Theirs' commitment id → mine's, for matched commitments.
    fn commitment_ids(&self, mine: &Plan, theirs: &Plan) -> BTreeMap<CommitmentId, CommitmentId> {
        self.commitments
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.map(|j| (theirs.commitments[i].id, mine.commitments[j].id)))
            .collect()
    }
}

// ------------------------------------------------------------- comparing

/// A commitment's fields other than its key actions, with its links written
/// in mine's ids (`None` → a problem mine does not have).
fn ficha(
    c: &Commitment,
    id: CommitmentId,
    problem: impl Fn(ItemId) -> Option<ItemId>,
) -> Commitment {
    let mut f = c.clone();
    f.id = id;
    f.key_actions = Vec::new();
    if let Some(o) = f.objectives.as_mut() {
        o.problem = o.problem.map(|p| problem(p).unwrap_or(ItemId(u32::MAX)));
    }
    f
}

fn same_ka(m: &KeyAction, t: &KeyAction) -> bool {
    let mut t = t.clone();
    t.id = m.id;
    *m == t
}

/// The OGP part without its lists; `None` when nothing else is there.
fn ogp_scalar(ogp: &Option<PlanOgp>) -> Option<PlanOgp> {
    let mut o = ogp.clone()?;
    o.sessions.clear();
    o.events.clear();
    (o != PlanOgp::default()).then_some(o)
}

fn same_part(a: &Plan, b: &Plan, part: Part) -> bool {
    match part {
        Part::Profile => a.profile == b.profile,
        Part::Office => a.office == b.office,
        Part::Framework => a.framework == b.framework,
        Part::NationalPlan => a.national_plan == b.national_plan,
        Part::Readiness => a.readiness == b.readiness,
        Part::Political => a.political == b.political,
        Part::CoordinationBody => a.coordination.body == b.coordination.body,
        Part::Roadmap => a.roadmap == b.roadmap,
        Part::Monitoring => a.monitoring == b.monitoring,
        Part::Ogp => ogp_scalar(&a.ogp) == ogp_scalar(&b.ogp),
        Part::KeptFindings => a.kept_findings == b.kept_findings,
        // Ids of commitments may differ between the copies: compared as is.
        Part::Implementation => a.implementation == b.implementation,
    }
}

/// Whether theirs' list item `i` differs from mine's `j`, links written in
/// mine's ids.
fn list_item_differs(
    mine: &Plan,
    theirs: &Plan,
    kind: ListKind,
    j: usize,
    i: usize,
    commitments: &BTreeMap<CommitmentId, CommitmentId>,
) -> bool {
    match kind {
        ListKind::Problem => {
            let mut t = theirs.problems[i].clone();
            t.id = mine.problems[j].id;
            t != mine.problems[j]
        }
        ListKind::Member => {
            let mut t = theirs.coordination.members[i].clone();
            t.id = mine.coordination.members[j].id;
            t != mine.coordination.members[j]
        }
        ListKind::Organization => {
            let mut t = theirs.coordination.organizations[i].clone();
            t.id = mine.coordination.organizations[j].id;
            t != mine.coordination.organizations[j]
        }
        ListKind::Response => {
            let mut t = theirs.responses[i].clone();
            t.id = mine.responses[j].id;
            t.commitment = t.commitment.map(|c| {
                commitments
                    .get(&c)
                    .copied()
                    .unwrap_or(CommitmentId(u32::MAX))
            });
            t != mine.responses[j]
        }
        ListKind::Session => {
            let mut t = ogp_sessions(theirs)[i].clone();
            t.id = ogp_sessions(mine)[j].id;
            t != ogp_sessions(mine)[j]
        }
        ListKind::Event => {
            let mut t = ogp_events(theirs)[i].clone();
            t.id = ogp_events(mine)[j].id;
            t != ogp_events(mine)[j]
        }
    }
}

/// Everything theirs changes or adds, in the order of the plan's steps:
/// single parts, problems, coordination, commitments (each followed by its key
/// actions), responses, OGP's sessions and events.
pub fn differences(mine: &Plan, theirs: &Plan) -> Vec<Difference> {
    let matching = Matching::new(mine, theirs);
    let problems = matching.problem_ids(mine, theirs);
    let commitments = matching.commitment_ids(mine, theirs);
    let mut out = Vec::new();
    let part = |p: Part, out: &mut Vec<Difference>| {
        if !same_part(mine, theirs, p) {
            out.push(Difference {
                theirs: ItemKey::Part(p),
                mine: Some(ItemKey::Part(p)),
                kind: Kind::Conflict,
            });
        }
    };
    let list = |kind: ListKind, out: &mut Vec<Difference>| {
        let t_ids = list_ids(theirs, kind);
        let m_ids = list_ids(mine, kind);
        for (i, m) in matching.lists[&kind].iter().enumerate() {
            let theirs_key = ItemKey::Item(kind, t_ids[i]);
            match m {
                Some(j) => {
                    if list_item_differs(mine, theirs, kind, *j, i, &commitments) {
                        out.push(Difference {
                            theirs: theirs_key,
                            mine: Some(ItemKey::Item(kind, m_ids[*j])),
                            kind: Kind::Conflict,
                        });
                    }
                }
                None => out.push(Difference {
                    theirs: theirs_key,
                    mine: None,
                    kind: Kind::Addition,
                }),
            }
        }
    };
    for p in [
        Part::Readiness,
        Part::Profile,
        Part::Office,
        Part::Framework,
        Part::NationalPlan,
        Part::Political,
        Part::CoordinationBody,
    ] {
        part(p, &mut out);
    }
    list(ListKind::Member, &mut out);
    list(ListKind::Organization, &mut out);
    part(Part::Roadmap, &mut out);
    list(ListKind::Problem, &mut out);
    for (i, t) in theirs.commitments.iter().enumerate() {
        match matching.commitments[i] {
            None => out.push(Difference {
                theirs: ItemKey::Commitment(t.id),
                mine: None,
                kind: Kind::Addition,
            }),
            Some(j) => {
                let m = &mine.commitments[j];
                if ficha(m, m.id, Some) != ficha(t, m.id, |p| problems.get(&p).copied()) {
                    out.push(Difference {
                        theirs: ItemKey::Commitment(t.id),
                        mine: Some(ItemKey::Commitment(m.id)),
                        kind: Kind::Conflict,
                    });
                }
                for (k, ka) in t.key_actions.iter().enumerate() {
                    let theirs_key = ItemKey::KeyAction(t.id, ka.id);
                    match matching.key_actions[i][k] {
                        None => out.push(Difference {
                            theirs: theirs_key,
                            mine: None,
                            kind: Kind::Addition,
                        }),
                        Some(l) => {
                            if !same_ka(&m.key_actions[l], ka) {
                                out.push(Difference {
                                    theirs: theirs_key,
                                    mine: Some(ItemKey::KeyAction(m.id, m.key_actions[l].id)),
                                    kind: Kind::Conflict,
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    part(Part::Monitoring, &mut out);
    list(ListKind::Response, &mut out);
    part(Part::Ogp, &mut out);
    list(ListKind::Session, &mut out);
    list(ListKind::Event, &mut out);
    part(Part::KeptFindings, &mut out);
    part(Part::Implementation, &mut out);
    out
}

/// The choice for each difference: the person's, else the default; conflicts
/// left without one, or choices a difference does not offer, are refused.
pub fn resolve(diffs: &[Difference], choices: &Choices) -> Result<Choices, MergeError> {
    let mut out = Choices::new();
    let mut unchosen = Vec::new();
    for d in diffs {
        match choices.get(&d.theirs).copied().or(d.default_choice()) {
            Some(c) if d.options().contains(&c) || d.kind == Kind::Addition => {
                out.insert(d.theirs, c);
            }
            Some(_) => return Err(MergeError::NotOffered(d.theirs)),
            None => unchosen.push(d.theirs),
        }
    }
    if unchosen.is_empty() {
        Ok(out)
    } else {
        Err(MergeError::Unchosen(unchosen))
    }
}

// --------------------------------------------------------------- merging

/// Ids handed out in one list: theirs' own when free, else past every id of
/// both plans.
struct Ids {
    used: BTreeSet<u32>,
    next: u32,
}

impl Ids {
    fn new(mine: impl IntoIterator<Item = u32>, theirs: impl IntoIterator<Item = u32>) -> Self {
        let used: BTreeSet<u32> = mine.into_iter().collect();
        let max = used.iter().copied().chain(theirs).max().unwrap_or(0);
        Self {
            used,
            next: max.saturating_add(1),
        }
    }
    fn fresh(&mut self) -> u32 {
        while self.used.contains(&self.next) {
            self.next = self.next.saturating_add(1);
        }
        self.used.insert(self.next);
        self.next
    }
    /// `wanted` if no item of the result has it, else a fresh one.
    fn keep_or_fresh(&mut self, wanted: u32) -> u32 {
        if self.used.insert(wanted) {
            wanted
        } else {
            self.fresh()
        }
    }
}

/// Merges a list: mine's items in order (a conflict taken from theirs in
/// mine's place, a copy kept with both right after it), then theirs'
/// additions. Returns the list and, per theirs' item, its id in the result.
#[allow(clippy::too_many_arguments)]
fn merge_list<T: Clone>(
    mine: &[T],
    theirs: &[T],
    matches: &[Option<usize>],
    choice: impl Fn(usize) -> Option<Choice>,
    id: impl Fn(&T) -> u32,
    set_id: impl Fn(&mut T, u32),
    adapt: impl Fn(&T) -> T,
) -> (Vec<T>, Vec<Option<u32>>) {
    let mut ids = Ids::new(mine.iter().map(&id), theirs.iter().map(&id));
    let mut slots: Vec<T> = mine.to_vec();
    let mut after: Vec<Vec<T>> = vec![Vec::new(); mine.len()];
    let mut added = Vec::new();
    let mut map = vec![None; theirs.len()];
    for (i, t) in theirs.iter().enumerate() {
        match (matches[i], choice(i)) {
            (Some(j), Some(Choice::TakeTheirs)) => {
                let mut x = adapt(t);
                set_id(&mut x, id(&mine[j]));
                slots[j] = x;
                map[i] = Some(id(&mine[j]));
            }
            (Some(j), Some(Choice::KeepBoth)) => {
                let mut x = adapt(t);
                let new = ids.fresh();
                set_id(&mut x, new);
                after[j].push(x);
                map[i] = Some(new);
            }
            (Some(j), _) => map[i] = Some(id(&mine[j])),
            (None, Some(Choice::TakeTheirs | Choice::KeepBoth)) => {
                let mut x = adapt(t);
                let new = ids.keep_or_fresh(id(t));
                set_id(&mut x, new);
                added.push(x);
                map[i] = Some(new);
            }
            (None, _) => {}
        }
    }
    let mut out = Vec::with_capacity(slots.len() + added.len());
    for (slot, copies) in slots.into_iter().zip(after) {
        out.push(slot);
        out.extend(copies);
    }
    out.extend(added);
    (out, map)
}

/// Merges `theirs` into `mine` with `choices` (keyed by theirs' items; a
/// missing choice takes an addition and refuses a conflict). Neither plan
/// changes; the result is a new plan.
pub fn merge(mine: &Plan, theirs: &Plan, choices: &Choices) -> Result<Merged, MergeError> {
    let diffs = differences(mine, theirs);
    let chosen = resolve(&diffs, choices)?;
    let matching = Matching::new(mine, theirs);
    let mut plan = mine.clone();

    // Single parts.
    for part in Part::ALL {
        if chosen.get(&ItemKey::Part(part)) == Some(&Choice::TakeTheirs) {
            take_part(&mut plan, theirs, part);
        }
    }

    // Plain lists (problems first: commitments link to them).
    let pick = |kind: ListKind, side: &Plan| -> Vec<ItemId> { list_ids(side, kind) };
    let choice_of = |kind: ListKind| {
        let t = pick(kind, theirs);
        let chosen = &chosen;
        move |i: usize| chosen.get(&ItemKey::Item(kind, t[i])).copied()
    };
    let (problems, problem_map) = merge_list(
        &mine.problems,
        &theirs.problems,
        &matching.lists[&ListKind::Problem],
        choice_of(ListKind::Problem),
        |x| x.id.0,
        |x, id| x.id = ItemId(id),
        Clone::clone,
    );
    plan.problems = problems;
    let problem_ids: BTreeMap<ItemId, ItemId> = theirs
        .problems
        .iter()
        .zip(&problem_map)
        .filter_map(|(p, m)| m.map(|m| (p.id, ItemId(m))))
        .collect();
    let (members, _) = merge_list(
        &mine.coordination.members,
        &theirs.coordination.members,
        &matching.lists[&ListKind::Member],
        choice_of(ListKind::Member),
        |x| x.id.0,
        |x, id| x.id = ItemId(id),
        Clone::clone,
    );
    plan.coordination.members = members;
    let (organizations, _) = merge_list(
        &mine.coordination.organizations,
        &theirs.coordination.organizations,
        &matching.lists[&ListKind::Organization],
        choice_of(ListKind::Organization),
        |x| x.id.0,
        |x, id| x.id = ItemId(id),
        Clone::clone,
    );
    plan.coordination.organizations = organizations;

    // Commitments: matched ones get their key actions merged one by one.
    let adapt_commitment = |c: &Commitment| {
        let mut c = c.clone();
        if let Some(o) = c.objectives.as_mut() {
            o.problem = o.problem.and_then(|p| problem_ids.get(&p).copied());
        }
        c
    };
    let mut base = mine.commitments.clone();
    let mut key_action_maps: BTreeMap<CommitmentId, BTreeMap<ItemId, ItemId>> = BTreeMap::new();
    for (i, t) in theirs.commitments.iter().enumerate() {
        let Some(j) = matching.commitments[i] else {
            continue;
        };
        let m = &mine.commitments[j];
        let ficha_choice = chosen.get(&ItemKey::Commitment(t.id)).copied();
        let mut slot = if ficha_choice == Some(Choice::TakeTheirs) {
            let mut x = adapt_commitment(t);
            x.id = m.id;
            x
        } else {
            m.clone()
        };
        let (key_actions, ka_map) = merge_list(
            &m.key_actions,
            &t.key_actions,
            &matching.key_actions[i],
            |k| {
                chosen
                    .get(&ItemKey::KeyAction(t.id, t.key_actions[k].id))
                    .copied()
            },
            |x| x.id.0,
            |x, id| x.id = ItemId(id),
            Clone::clone,
        );
        slot.key_actions = key_actions;
        key_action_maps.insert(
            m.id,
            t.key_actions
                .iter()
                .zip(ka_map)
                .filter_map(|(k, m)| m.map(|m| (k.id, ItemId(m))))
                .collect(),
        );
        base[j] = slot;
    }
    // What remains is the commitment as a whole: a conflict's "keep both" and
    // the additions (a "take theirs" of a conflict is already in place).
    let (commitments, commitment_map) = merge_list(
        &base,
        &theirs.commitments,
        &matching.commitments,
        |i| match chosen.get(&ItemKey::Commitment(theirs.commitments[i].id)) {
            Some(Choice::TakeTheirs) if matching.commitments[i].is_some() => None,
            other => other.copied(),
        },
        |x| x.id.0,
        |x, id| x.id = CommitmentId(id),
        adapt_commitment,
    );
    plan.commitments = commitments;
    let commitment_ids: BTreeMap<CommitmentId, CommitmentId> = theirs
        .commitments
        .iter()
        .zip(&commitment_map)
        .filter_map(|(c, m)| m.map(|m| (c.id, CommitmentId(m))))
        .collect();

    // Reasoned responses name commitments.
    let (responses, _) = merge_list(
        &mine.responses,
        &theirs.responses,
        &matching.lists[&ListKind::Response],
        choice_of(ListKind::Response),
        |x| x.id.0,
        |x, id| x.id = ItemId(id),
        |r| {
            let mut r = r.clone();
            r.commitment = r.commitment.and_then(|c| commitment_ids.get(&c).copied());
            r
        },
    );
    plan.responses = responses;

    // OGP's sessions and events, in whichever OGP part was chosen.
    let (sessions, _) = merge_list(
        ogp_sessions(mine),
        ogp_sessions(theirs),
        &matching.lists[&ListKind::Session],
        choice_of(ListKind::Session),
        |x| x.id.0,
        |x, id| x.id = ItemId(id),
        Clone::clone,
    );
    let (events, _) = merge_list(
        ogp_events(mine),
        ogp_events(theirs),
        &matching.lists[&ListKind::Event],
        choice_of(ListKind::Event),
        |x| x.id.0,
        |x, id| x.id = ItemId(id),
        Clone::clone,
    );
    let scalar = if chosen.get(&ItemKey::Part(Part::Ogp)) == Some(&Choice::TakeTheirs) {
        ogp_scalar(&theirs.ogp)
    } else {
        // Mine's, as it was (an empty record stays as it was too).
        mine.ogp.clone().map(|mut o| {
            o.sessions.clear();
            o.events.clear();
            o
        })
    };
    plan.ogp = match scalar {
        None if sessions.is_empty() && events.is_empty() => None,
        scalar => {
            let mut o = scalar.unwrap_or_default();
            o.sessions = sessions;
            o.events = events;
            Some(o)
        }
    };

    // Theirs' implementation record follows its commitments and key actions.
    if chosen.get(&ItemKey::Part(Part::Implementation)) == Some(&Choice::TakeTheirs) {
        plan.implementation =
            adapt_implementation(&theirs.implementation, &commitment_ids, &key_action_maps);
    }

    let weights = plan
        .commitments
        .iter()
        .filter_map(|c| {
            let s = weight_status(&c.key_actions);
            s.needs_fixing().then_some((c.id, s))
        })
        .collect();
    Ok(Merged { plan, weights })
}

fn take_part(plan: &mut Plan, theirs: &Plan, part: Part) {
    match part {
        Part::Profile => plan.profile = theirs.profile.clone(),
        Part::Office => plan.office = theirs.office.clone(),
        Part::Framework => plan.framework = theirs.framework.clone(),
        Part::NationalPlan => plan.national_plan = theirs.national_plan.clone(),
        Part::Readiness => plan.readiness = theirs.readiness.clone(),
        Part::Political => plan.political = theirs.political.clone(),
        Part::CoordinationBody => plan.coordination.body = theirs.coordination.body.clone(),
        Part::Roadmap => plan.roadmap = theirs.roadmap.clone(),
        Part::Monitoring => plan.monitoring = theirs.monitoring.clone(),
        Part::KeptFindings => plan.kept_findings = theirs.kept_findings.clone(),
        // Both need the lists merged first (see `merge`).
        Part::Ogp | Part::Implementation => {}
    }
}

/// Theirs' implementation record with links written in the result's ids;
/// what is about a commitment or key action left out of the result goes
/// with it (as when a commitment is removed).
fn adapt_implementation(
    theirs: &Implementation,
    commitments: &BTreeMap<CommitmentId, CommitmentId>,
    key_actions: &BTreeMap<CommitmentId, BTreeMap<ItemId, ItemId>>,
) -> Implementation {
    let mut out = theirs.clone();
    let key_action = |c: CommitmentId, k: ItemId| -> Option<(CommitmentId, ItemId)> {
        let new = *commitments.get(&c)?;
        // A matched commitment's key actions were merged (map by mine's id);
        // a commitment added whole keeps its key actions' ids.
        match key_actions.get(&new) {
            Some(m) => m.get(&k).map(|k| (new, *k)),
            None => Some((new, k)),
        }
    };
    for round in &mut out.rounds {
        round
            .reports
            .retain_mut(|r| match key_action(r.commitment, r.key_action) {
                Some((c, k)) => {
                    r.commitment = c;
                    r.key_action = k;
                    true
                }
                None => false,
            });
    }
    out.assessments
        .retain_mut(|a| match commitments.get(&a.commitment) {
            Some(c) => {
                a.commitment = *c;
                true
            }
            None => false,
        });
    out.amendments.retain_mut(|a| match a.commitment {
        None => true,
        Some(c) => match commitments.get(&c) {
            Some(n) => {
                a.commitment = Some(*n);
                true
            }
            None => false,
        },
    });
    out
}

/// How many differences of each kind, and how many of them bring something
/// of theirs into the result with `choices`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub conflicts: usize,
    pub additions: usize,
    pub keep_mine: usize,
    pub take_theirs: usize,
    pub keep_both: usize,
    pub unchosen: usize,
}

pub fn counts(diffs: &[Difference], choices: &Choices) -> Counts {
    let mut c = Counts::default();
    for d in diffs {
        match d.kind {
            Kind::Conflict => c.conflicts += 1,
            Kind::Addition => c.additions += 1,
        }
        match choices.get(&d.theirs).copied().or(d.default_choice()) {
            Some(Choice::KeepMine) => c.keep_mine += 1,
            Some(Choice::TakeTheirs) => c.take_theirs += 1,
            Some(Choice::KeepBoth) => c.keep_both += 1,
            None => c.unchosen += 1,
        }
    }
    c
}
