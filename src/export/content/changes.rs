//! What changed between two versions of a plan («Comparar versiones»), in the
//! words of the review page: both plans are read as the check-your-answers
//! [`summary`](super::summary()) (with the same `today`, so rows that depend on
//! the date cannot differ for that reason), and the two summaries are
//! compared step by step, group by group (a commitment, a problem, the
//! members…) and answer by answer.
//!
//! Groups and answers are matched by their stable ids (the [`Target`] of a
//! row, the [`Group::commitment`]), never by their titles or numbers:
//! deleting commitment 2 renumbers the later ones, and they are not
//! "changed". A commitment, problem, proposal or key action present in both
//! versions whose place among the others changed is "moved" (those outside
//! the longest run kept in the same order). A long text that changed carries
//! its changed words ([`Piece`]), from the `similar` crate's word diff.
//!
//! Also the PDF of the changes ([`changes_document`]). Pure: the page and the
//! tests (`tests/changes.rs`) use it as it is.

use time::{Date, OffsetDateTime};

use super::blocks::{app_meta, format_date_time, TOOL_NAME};
use super::document::{Block, Document, Field, TitleBlock};
use super::summary::{summary, Group, Row, Section, Target};
use crate::domain::{CommitmentId, Plan, Step};
use crate::labels::NOT_GIVEN;

/// What the page and the PDF say when nothing changed.
pub const NO_CHANGES: &str = "Las dos versiones son iguales: no hay cambios.";

/// The PDF's title.
pub const CHANGES_TITLE: &str = "Cambios entre dos versiones del plan";

/// Texts longer than this (in characters), or with more than one sentence or
/// line, show their changed words.
pub const LONG_TEXT: usize = 80;

/// Everything that changed, step by step, in methodology order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    pub sections: Vec<SectionChanges>,
}

/// What changed in one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionChanges {
    pub step: Step,
    /// The step's name ([`Step::name`]).
    pub title: String,
    pub groups: Vec<GroupChanges>,
}

/// What became of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupStatus {
    /// In the new version only (a new commitment, problem, key action…).
    Added,
    /// In the old version only.
    Removed,
    /// In both, at its place among the others (its number may differ when
    /// an earlier one was added or removed).
    Kept,
    /// In both, at another place among the others.
    Moved,
}

/// What changed in a group (a commitment, a key action, the members…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupChanges {
    /// The group's title in the new version (in the old one when removed);
    /// `None` for the step's own answers.
    pub title: Option<String>,
    /// The title in the old version, when it differs ("Compromiso 4" that is
    /// now "Compromiso 3").
    pub old_title: Option<String>,
    /// The item's name (its first answer: the commitment's or key action's
    /// name, the problem's statement), to say which one it is.
    pub name: Option<String>,
    pub status: GroupStatus,
    /// The commitment whose ficha this group is, if it is one.
    pub commitment: Option<CommitmentId>,
    /// The answers that changed; for an added or removed group, every answer
    /// it has.
    pub rows: Vec<RowChange>,
    /// The key actions of a commitment that changed.
    pub subgroups: Vec<GroupChanges>,
}

impl GroupChanges {
    /// The title with the item's name ("Compromiso 3 · Estrategia
    /// subnacional"), or the step's name for its own answers.
    pub fn heading(&self, step_title: &str) -> String {
        match (&self.title, &self.name) {
            (Some(t), Some(n)) => format!("{t} · {n}"),
            (Some(t), None) => t.clone(),
            (None, _) => format!("{step_title}: datos generales"),
        }
    }

    /// For a group in one version only, the name of that version's column
    /// ("Versión nueva" for an added group): its answers need no other.
    pub fn whole_column(&self) -> Option<&'static str> {
        match self.status {
            GroupStatus::Added => Some("Versión nueva"),
            GroupStatus::Removed => Some("Versión anterior"),
            GroupStatus::Kept | GroupStatus::Moved => None,
        }
    }

    /// What became of it, in words ("Se agregó", "Cambió de lugar: antes era
    /// Compromiso 5"); `None` for a group kept at its place.
    pub fn status_text(&self) -> Option<String> {
        match self.status {
            GroupStatus::Added => Some("Se agregó en la versión nueva.".to_owned()),
            GroupStatus::Removed => Some("Se quitó en la versión nueva.".to_owned()),
            GroupStatus::Moved => Some(match (&self.old_title, &self.title) {
                (Some(old), Some(new)) => {
                    format!("Cambió de lugar: antes era «{old}», ahora es «{new}».")
                }
                _ => "Cambió de lugar.".to_owned(),
            }),
            GroupStatus::Kept => match (&self.old_title, &self.title) {
                (Some(old), Some(_)) => Some(format!(
                    "Antes era «{old}»: cambió su número porque se agregó o se quitó otro antes."
                )),
                _ => None,
            },
        }
    }
}

/// A changed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowChange {
    /// An answer given in the new version only.
    Added { key: String, value: String },
    /// An answer given in the old version only.
    Removed { key: String, value: String },
    /// An answer given in both, with other words. For a long text, `words`
    /// holds both values split into pieces, the changed ones marked.
    Changed {
        key: String,
        old: String,
        new: String,
        words: Option<Words>,
    },
}

impl RowChange {
    /// The answer's name ("Nombre", "Ponderación", "Responsable 2").
    pub fn key(&self) -> &str {
        match self {
            RowChange::Added { key, .. }
            | RowChange::Removed { key, .. }
            | RowChange::Changed { key, .. } => key,
        }
    }

    /// The value before ("" when it was not given).
    pub fn before(&self) -> &str {
        match self {
            RowChange::Added { .. } => "",
            RowChange::Removed { value, .. } => value,
            RowChange::Changed { old, .. } => old,
        }
    }

    /// The value now ("" when it is not given any more).
    pub fn after(&self) -> &str {
        match self {
            RowChange::Added { value, .. } => value,
            RowChange::Removed { .. } => "",
            RowChange::Changed { new, .. } => new,
        }
    }

    /// "Se agregó", "Se quitó", "Cambió".
    pub fn kind_text(&self) -> &'static str {
        match self {
            RowChange::Added { .. } => "Se agregó",
            RowChange::Removed { .. } => "Se quitó",
            RowChange::Changed { .. } => "Cambió",
        }
    }
}

/// A long text's two values, each as pieces; a changed piece is words that
/// are only in that value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub old: Vec<Piece>,
    pub new: Vec<Piece>,
}

/// A run of a text: the same in both values, or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub changed: bool,
}

impl Words {
    /// The changed runs of the old value ("what was taken out").
    pub fn removed(&self) -> Vec<&str> {
        changed_runs(&self.old)
    }

    /// The changed runs of the new value ("what was put in").
    pub fn added(&self) -> Vec<&str> {
        changed_runs(&self.new)
    }
}

fn changed_runs(pieces: &[Piece]) -> Vec<&str> {
    pieces
        .iter()
        .filter(|p| p.changed)
        .map(|p| p.text.trim())
        .filter(|t| !t.is_empty())
        .collect()
}

/// How many changes of each kind: an added or removed group counts once, a
/// moved group once plus its answers' changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub moved: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.added + self.removed + self.changed + self.moved
    }

    /// "Hay 5 cambios: 2 agregados, 1 quitado, 1 modificado y 1 cambio de
    /// lugar." or [`NO_CHANGES`].
    pub fn sentence(&self) -> String {
        if self.total() == 0 {
            return NO_CHANGES.to_owned();
        }
        let mut parts = Vec::new();
        let n = |k: usize, one: &str, many: &str| {
            if k == 1 {
                format!("1 {one}")
            } else {
                format!("{} {many}", crate::labels::thousands(k))
            }
        };
        if self.added > 0 {
            parts.push(n(self.added, "agregado", "agregados"));
        }
        if self.removed > 0 {
            parts.push(n(self.removed, "quitado", "quitados"));
        }
        if self.changed > 0 {
            parts.push(n(self.changed, "modificado", "modificados"));
        }
        if self.moved > 0 {
            parts.push(n(self.moved, "cambio de lugar", "cambios de lugar"));
        }
        let list = match parts.len() {
            1 => parts.remove(0),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("{} y {last}", parts.join(", "))
            }
        };
        let total = self.total();
        if total == 1 {
            format!("Hay 1 cambio: {list}.")
        } else {
            format!("Hay {} cambios: {list}.", crate::labels::thousands(total))
        }
    }
}

impl Changes {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// How many changes of each kind.
    pub fn counts(&self) -> Counts {
        fn add(g: &GroupChanges, c: &mut Counts) {
            match g.status {
                GroupStatus::Added => c.added += 1,
                GroupStatus::Removed => c.removed += 1,
                GroupStatus::Kept | GroupStatus::Moved => {
                    if g.status == GroupStatus::Moved {
                        c.moved += 1;
                    }
                    for r in &g.rows {
                        match r {
                            RowChange::Added { .. } => c.added += 1,
                            RowChange::Removed { .. } => c.removed += 1,
                            RowChange::Changed { .. } => c.changed += 1,
                        }
                    }
                    for s in &g.subgroups {
                        add(s, c);
                    }
                }
            }
        }
        let mut c = Counts::default();
        for g in self.sections.iter().flat_map(|s| &s.groups) {
            add(g, &mut c);
        }
        c
    }
}

/// What changed from `before` to `after`, both read as on `today`.
pub fn changes(before: &Plan, after: &Plan, today: Date) -> Changes {
    diff_sections(&summary(before, today), &summary(after, today))
}

/// What changed between two summaries.
pub fn diff_sections(before: &[Section], after: &[Section]) -> Changes {
    let mut out = Vec::new();
    for step in Step::ALL {
        let old = before.iter().find(|s| s.step == step);
        let new = after.iter().find(|s| s.step == step);
        let (title, old_groups, new_groups): (String, &[Group], &[Group]) = match (old, new) {
            (None, None) => continue,
            (Some(o), None) => (o.title.clone(), &o.groups, &[]),
            (None, Some(n)) => (n.title.clone(), &[], &n.groups),
            (Some(o), Some(n)) => (n.title.clone(), &o.groups, &n.groups),
        };
        let groups = diff_groups(old_groups, new_groups);
        if !groups.is_empty() {
            out.push(SectionChanges {
                step,
                title,
                groups,
            });
        }
    }
    Changes { sections: out }
}

/// What identifies a group across versions.
#[derive(Debug, Clone, PartialEq, Eq)]
enum GroupKey {
    /// A commitment, by its id.
    Commitment(CommitmentId),
    /// A problem, proposal or key action: the target its answers share.
    Item(Target),
    /// A list or the step's own answers, by title ("Integrantes", `None`).
    Titled(Option<String>),
}

impl GroupKey {
    fn is_item(&self) -> bool {
        !matches!(self, GroupKey::Titled(_))
    }
}

fn group_key(g: &Group) -> GroupKey {
    if let Some(id) = g.commitment {
        return GroupKey::Commitment(id);
    }
    match g.rows.first().map(|r| r.target) {
        Some(t @ (Target::Problem(_) | Target::Response(_) | Target::KeyAction(..))) => {
            GroupKey::Item(t)
        }
        _ => GroupKey::Titled(g.title.clone()),
    }
}

/// A group with something in it (a list's "nothing yet" stands for no group).
fn has_content(g: &Group) -> bool {
    !g.rows.is_empty() || !g.subgroups.is_empty()
}

fn diff_groups(old: &[Group], new: &[Group]) -> Vec<GroupChanges> {
    let old: Vec<(GroupKey, &Group)> = old
        .iter()
        .filter(|g| has_content(g))
        .map(|g| (group_key(g), g))
        .collect();
    let new: Vec<(GroupKey, &Group)> = new
        .iter()
        .filter(|g| has_content(g))
        .map(|g| (group_key(g), g))
        .collect();
    // For each new group, where it was (index into `old`).
    let matched: Vec<Option<usize>> = new
        .iter()
        .map(|(k, _)| old.iter().position(|(o, _)| o == k))
        .collect();
    let moved = moved_items(&old, &new, &matched);
    let mut emitted = vec![false; old.len()];
    let mut out = Vec::new();
    let removed = |i: usize, out: &mut Vec<GroupChanges>| {
        let (key, g) = &old[i];
        if key.is_item() {
            out.push(whole(g, GroupStatus::Removed));
        } else {
            // A list emptied: its answers were removed.
            push_kept(out, diff_group(g, &empty_like(g), GroupStatus::Kept));
        }
    };
    for (j, (key, g)) in new.iter().enumerate() {
        match matched[j] {
            Some(i) => {
                // Removed groups that came before this one go first.
                for (k, done) in emitted.iter_mut().enumerate().take(i) {
                    if !*done && !matched.contains(&Some(k)) {
                        *done = true;
                        removed(k, &mut out);
                    }
                }
                emitted[i] = true;
                let status = if moved.contains(&j) {
                    GroupStatus::Moved
                } else {
                    GroupStatus::Kept
                };
                push_kept(&mut out, diff_group(old[i].1, g, status));
            }
            None if key.is_item() => {
                // Removed groups before the next one kept go first, so a
                // removal and an addition at the same place read in that order.
                let next = matched[j..].iter().flatten().next().copied();
                let until = next.unwrap_or(old.len());
                for (k, done) in emitted.iter_mut().enumerate().take(until) {
                    if !*done && !matched.contains(&Some(k)) {
                        *done = true;
                        removed(k, &mut out);
                    }
                }
                out.push(whole(g, GroupStatus::Added));
            }
            None => push_kept(&mut out, diff_group(&empty_like(g), g, GroupStatus::Kept)),
        }
    }
    for (k, done) in emitted.iter().enumerate() {
        if !done && !matched.contains(&Some(k)) {
            removed(k, &mut out);
        }
    }
    out
}

/// Keeps a kept group only when something in it changed (a group only
/// renumbered is not a change).
fn push_kept(out: &mut Vec<GroupChanges>, g: GroupChanges) {
    if g.status != GroupStatus::Kept || !g.rows.is_empty() || !g.subgroups.is_empty() {
        out.push(g);
    }
}

fn empty_like(g: &Group) -> Group {
    Group {
        title: g.title.clone(),
        rows: Vec::new(),
        empty_note: None,
        commitment: g.commitment,
        subgroups: Vec::new(),
    }
}

/// The new indices of the item groups present in both versions that are not
/// in the longest run kept in the same relative order.
fn moved_items(
    old: &[(GroupKey, &Group)],
    new: &[(GroupKey, &Group)],
    matched: &[Option<usize>],
) -> Vec<usize> {
    // (new index, old index) of the items in both, in new order.
    let both: Vec<(usize, usize)> = matched
        .iter()
        .enumerate()
        .filter_map(|(j, m)| m.map(|i| (j, i)))
        .filter(|(j, i)| new[*j].0.is_item() && old[*i].0.is_item())
        .collect();
    let olds: Vec<usize> = both.iter().map(|(_, i)| *i).collect();
    let keep = longest_increasing(&olds);
    both.iter()
        .enumerate()
        .filter(|(n, _)| !keep.contains(n))
        .map(|(_, (j, _))| *j)
        .collect()
}

/// Positions (into `xs`) of a longest strictly increasing subsequence.
fn longest_increasing(xs: &[usize]) -> Vec<usize> {
    // Patience sorting: tails[k] is the position of the smallest tail of an
    // increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (p, &x) in xs.iter().enumerate() {
        let k = tails.partition_point(|&t| xs[t] < x);
        prev[p] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(p);
        } else {
            tails[k] = p;
        }
    }
    let mut out = Vec::new();
    let mut at = tails.last().copied();
    while let Some(p) = at {
        out.push(p);
        at = prev[p];
    }
    out.reverse();
    out
}

/// The item's name: its first answer.
fn item_name(g: &Group) -> Option<String> {
    if g.commitment.is_none() && !matches!(group_key(g), GroupKey::Item(_)) {
        return None;
    }
    g.rows.first().and_then(|r| r.value.clone())
}

/// A group in one version only: every answer it has.
fn whole(g: &Group, status: GroupStatus) -> GroupChanges {
    let rows = g
        .rows
        .iter()
        .filter_map(|r| {
            let value = r.value.clone()?;
            let key = r.key.clone();
            Some(if status == GroupStatus::Added {
                RowChange::Added { key, value }
            } else {
                RowChange::Removed { key, value }
            })
        })
        .collect();
    GroupChanges {
        title: g.title.clone(),
        old_title: None,
        name: item_name(g),
        status,
        commitment: g.commitment,
        rows,
        subgroups: g.subgroups.iter().map(|s| whole(s, status)).collect(),
    }
}

/// Targets that name one answer each (a member, a responsible, an
/// activity…): the answer is matched by its target alone, since its key
/// carries its number ("Integrante 3").
fn target_names_one(t: &Target) -> bool {
    matches!(
        t,
        Target::Member(_)
            | Target::Organization(_)
            | Target::Responsible(..)
            | Target::CoResponsible(..)
            | Target::Activity(..)
            | Target::OgpSession(_)
            | Target::OgpEvent(_)
            | Target::Round(_)
            | Target::RoundReport(..)
            | Target::Assessment(_)
            | Target::Amendment(_)
    )
}

/// What identifies an answer in its group: its target, its key unless the
/// target names it alone, and which occurrence of that pair it is.
fn row_keys(rows: &[Row]) -> Vec<(Target, &str, usize)> {
    let mut out: Vec<(Target, &str, usize)> = Vec::with_capacity(rows.len());
    for r in rows {
        let key = if target_names_one(&r.target) {
            ""
        } else {
            r.key.as_str()
        };
        let n = out
            .iter()
            .filter(|(t, k, _)| *t == r.target && *k == key)
            .count();
        out.push((r.target, key, n));
    }
    out
}

fn diff_group(old: &Group, new: &Group, status: GroupStatus) -> GroupChanges {
    let old_keys = row_keys(&old.rows);
    let new_keys = row_keys(&new.rows);
    let mut rows = Vec::new();
    let mut used = vec![false; old.rows.len()];
    for (j, r) in new.rows.iter().enumerate() {
        let at = old_keys.iter().position(|k| *k == new_keys[j]);
        let before = at.and_then(|i| {
            used[i] = true;
            old.rows[i].value.as_deref()
        });
        if let Some(change) = diff_row(&r.key, before, r.value.as_deref()) {
            rows.push(change);
        }
    }
    for (i, r) in old.rows.iter().enumerate() {
        if !used[i] {
            if let Some(value) = &r.value {
                rows.push(RowChange::Removed {
                    key: r.key.clone(),
                    value: value.clone(),
                });
            }
        }
    }
    let old_title = (old.title != new.title && old.title.is_some())
        .then(|| old.title.clone())
        .flatten();
    GroupChanges {
        title: new.title.clone(),
        old_title,
        name: item_name(new),
        status,
        commitment: new.commitment,
        rows,
        subgroups: diff_groups(&old.subgroups, &new.subgroups),
    }
}

fn diff_row(key: &str, old: Option<&str>, new: Option<&str>) -> Option<RowChange> {
    let key = key.to_owned();
    match (old, new) {
        (None, None) => None,
        (None, Some(v)) => Some(RowChange::Added {
            key,
            value: v.to_owned(),
        }),
        (Some(v), None) => Some(RowChange::Removed {
            key,
            value: v.to_owned(),
        }),
        (Some(a), Some(b)) if same_value(a, b) => None,
        (Some(a), Some(b)) => Some(RowChange::Changed {
            key,
            old: a.to_owned(),
            new: b.to_owned(),
            words: (is_long(a) || is_long(b)).then(|| words(a, b)),
        }),
    }
}

/// Two values that differ only in the number of the problem or commitment
/// they name ("Problema 2: …" that is now "Problema 1: …" because an
/// earlier one was removed) are the same answer.
fn same_value(a: &str, b: &str) -> bool {
    a == b || unnumbered(a) == unnumbered(b)
}

fn unnumbered(v: &str) -> &str {
    for word in ["Problema ", "Compromiso "] {
        if let Some(rest) = v.strip_prefix(word) {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 {
                if let Some(after) = rest[digits..].strip_prefix(": ") {
                    return after;
                }
            }
        }
    }
    v
}

/// A text long enough to show its changed words: over [`LONG_TEXT`]
/// characters, or more than one line or sentence.
pub fn is_long(text: &str) -> bool {
    text.chars().count() > LONG_TEXT || text.contains('\n') || text.trim_end().contains(". ")
}

/// Both values split into runs of words, the changed runs marked. A space
/// between two changed runs joins them, so "<del>a b</del>" reads as one.
pub fn words(old: &str, new: &str) -> Words {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(old, new);
    let mut o: Vec<Piece> = Vec::new();
    let mut n: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push_piece(&mut o, text, false);
                push_piece(&mut n, text, false);
            }
            ChangeTag::Delete => push_piece(&mut o, text, true),
            ChangeTag::Insert => push_piece(&mut n, text, true),
        }
    }
    Words {
        old: join_spaces(o),
        new: join_spaces(n),
    }
}

fn push_piece(pieces: &mut Vec<Piece>, text: &str, changed: bool) {
    match pieces.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => pieces.push(Piece {
            text: text.to_owned(),
            changed,
        }),
    }
}

/// Merges "changed, whitespace, changed" into one changed run.
fn join_spaces(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut iter = pieces.into_iter().peekable();
    while let Some(p) = iter.next() {
        let joins = !p.changed
            && p.text.trim().is_empty()
            && out.last().is_some_and(|l| l.changed)
            && iter.peek().is_some_and(|n| n.changed);
        if joins {
            let next = iter.next().expect("peeked");
            let last = out.last_mut().expect("checked");
            last.text.push_str(&p.text);
            last.text.push_str(&next.text);
        } else {
            out.push(p);
        }
    }
    out
}

/// One of the two versions, as the page and the PDF name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Where it came from: "Borrador «Plan de Jalisco» de «Mis borradores»",
    /// "Archivo jalisco.json".
    pub source: String,
    /// The plan's name (or the draft's).
    pub plan: String,
    /// When it was saved.
    pub saved_at: OffsetDateTime,
}

impl Version {
    /// "«Plan de Jalisco» (archivo jalisco.json), guardada el 06/12/2026, 12:00".
    pub fn describe(&self) -> String {
        format!(
            "«{}» ({}), guardada el {}",
            self.plan,
            self.source,
            format_date_time(self.saved_at)
        )
    }
}

/// The changes as a document for «Descargar los cambios (PDF)»: both
/// versions named with their dates, the counts, then one heading per step
/// and per group, and a table of its answers (what, change, before, now);
/// a long text's changed words follow its table.
pub fn changes_document(
    changes: &Changes,
    before: &Version,
    after: &Version,
    generated_at: OffsetDateTime,
) -> Document {
    let mut blocks = vec![Block::Paragraph(changes.counts().sentence())];
    for s in &changes.sections {
        blocks.push(Block::Heading {
            level: 1,
            text: s.title.clone(),
        });
        for g in &s.groups {
            group_blocks(&mut blocks, g, &s.title, 2);
        }
    }
    Document {
        meta: app_meta(
            CHANGES_TITLE.to_owned(),
            String::new(),
            format!("Cambios de «{}» a «{}»", before.plan, after.plan),
            generated_at,
            "Comparación",
        ),
        title_block: TitleBlock {
            kicker: TOOL_NAME.to_owned(),
            title: CHANGES_TITLE.to_owned(),
            lines: vec![
                Field::new("Versión anterior", before.describe()),
                Field::new("Versión nueva", after.describe()),
                Field::new("Fecha de generación", format_date_time(generated_at)),
            ],
            status: "Comparación".to_owned(),
        },
        blocks,
    }
}

fn group_blocks(blocks: &mut Vec<Block>, g: &GroupChanges, step_title: &str, level: u8) {
    blocks.push(Block::Heading {
        level,
        text: g.heading(step_title),
    });
    if let Some(status) = g.status_text() {
        blocks.push(Block::Paragraph(status));
    }
    if !g.rows.is_empty() {
        let shown = |v: &str| {
            if v.is_empty() {
                NOT_GIVEN.to_owned()
            } else {
                v.to_owned()
            }
        };
        let caption = format!("Cambios en {}", g.heading(step_title));
        match g.whole_column() {
            // A group in one version only: its answers, in one column.
            Some(column) => blocks.push(Block::Table {
                caption,
                columns: vec!["Dato".to_owned(), column.to_owned()],
                rows: g
                    .rows
                    .iter()
                    .map(|r| vec![r.key().to_owned(), format!("{}{}", r.before(), r.after())])
                    .collect(),
            }),
            None => blocks.push(Block::Table {
                caption,
                columns: ["Dato", "Cambio", "Versión anterior", "Versión nueva"]
                    .map(str::to_owned)
                    .to_vec(),
                rows: g
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.key().to_owned(),
                            r.kind_text().to_owned(),
                            shown(r.before()),
                            shown(r.after()),
                        ]
                    })
                    .collect(),
            }),
        }
        for r in &g.rows {
            if let RowChange::Changed {
                key,
                words: Some(w),
                ..
            } = r
            {
                blocks.push(Block::Paragraph(words_sentence(key, w)));
            }
        }
    }
    for s in &g.subgroups {
        group_blocks(blocks, s, step_title, level + 1);
    }
}

/// "Palabras cambiadas en «Supuestos»: se quitó «a», «b»; se agregó «c»."
pub fn words_sentence(key: &str, w: &Words) -> String {
    let list = |runs: Vec<&str>| {
        runs.iter()
            .map(|r| format!("«{r}»"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    let removed = w.removed();
    if !removed.is_empty() {
        parts.push(format!("se quitó {}", list(removed)));
    }
    let added = w.added();
    if !added.is_empty() {
        parts.push(format!("se agregó {}", list(added)));
    }
    format!("Palabras cambiadas en «{key}»: {}.", parts.join("; "))
}
