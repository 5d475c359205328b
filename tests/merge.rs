//! "Combinar con otro borrador" (`domain::merge`): the scenario of the browser
//! test (a copy that added a commitment and edited another), and property
//! tests over random pairs of plans derived from the fixtures by random edits,
//! with random choices:
//!
//! - nothing is lost: every item of mine is in the result (as mine, or as
//!   theirs where the person took theirs), and every item of theirs is there
//!   unless the person chose mine for its conflict or left its addition out;
//!   the result has exactly as many items as that says;
//! - ids are unique in every list (commitments included, key actions within
//!   their commitment), and links are valid (a commitment's problem, a
//!   response's commitment, an assessment's commitment);
//! - commutativity, as it really holds: merging theirs into mine and mine into
//!   theirs, taking every addition and resolving each conflict to the same
//!   side's version (mine→theirs "take theirs" is theirs→mine "keep mine"),
//!   gives the same items up to ids and order. "Keep both" of a commitment or
//!   a problem is left out of that property: the copy of a commitment is the
//!   other side's whole commitment, while the kept one gets the key actions
//!   merged into it; and items that did not change keep linking to the base's
//!   version of a problem kept twice. Which is which depends on the direction. (Taking theirs everywhere is not
//!   keeping mine everywhere the other way: items only in mine are kept in
//!   the first and left out, as declined additions, in the second.)
//! - merging a plan with itself changes nothing; declining everything gives
//!   mine back exactly.
//!
//! It also writes the browser test's two drafts
//! (`tests/e2e/fixtures/combinar-*.json`; `REGENERATE=1 cargo test --test
//! merge` writes them again).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use plan_local_ga::domain::commitment::CommitmentId;
use plan_local_ga::domain::key_action::{Weight, WeightStatus};
use plan_local_ga::domain::merge::{
    differences, merge, Choice, Choices, Difference, ItemKey, Kind, ListKind, MergeError, Part,
};
use plan_local_ga::domain::{ItemId, Plan};
use plan_local_ga::persistence::{decode, encode, Envelope};
use proptest::prelude::*;
use serde_json::Value;
use time::macros::datetime;

fn cases() -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ------------------------------------------------------------ the scenario

const NEW_NAME: &str = "Portal municipal de datos abiertos";
const EDITED_SHORT: &str =
    "Articular las agendas federal y local de gobierno abierto con los 125 municipios de Jalisco.";

/// Mine: the commitment-13 plan.
fn mine_c13() -> Plan {
    common::c13::plan()
}

/// Theirs: a copy where an agency edited commitment 1 (its short-term
/// objective, and the weight of key action 1, 35 → 45) and added a commitment
/// of its own (two key actions, 50 and 50, answering problem 1).
fn theirs_c13() -> Plan {
    let mut p = common::c13::plan();
    let c = &mut p.commitments[0];
    c.objectives.as_mut().expect("objectives").short_term = EDITED_SHORT.into();
    c.key_actions[0].weight = Some(Weight::new(45).expect("weight"));
    let mut added = p.commitments[0].clone();
    added.id = CommitmentId(2);
    added.name = NEW_NAME.into();
    added.ogp = None;
    added.key_actions.truncate(2);
    for k in &mut added.key_actions {
        k.weight = Some(Weight::new(50).expect("weight"));
    }
    p.commitments.push(added);
    p
}

#[test]
fn a_copy_that_added_a_commitment_and_edited_another() {
    let mine = mine_c13();
    let theirs = theirs_c13();
    let diffs = differences(&mine, &theirs);
    let keys: Vec<(ItemKey, Kind)> = diffs.iter().map(|d| (d.theirs, d.kind)).collect();
    assert_eq!(
        keys,
        vec![
            (ItemKey::Commitment(CommitmentId(1)), Kind::Conflict),
            (
                ItemKey::KeyAction(CommitmentId(1), ItemId(1)),
                Kind::Conflict
            ),
            (ItemKey::Commitment(CommitmentId(2)), Kind::Addition),
        ]
    );

    // Conflicts need a choice: nothing is dropped without one.
    assert_eq!(
        merge(&mine, &theirs, &Choices::new()),
        Err(MergeError::Unchosen(vec![
            ItemKey::Commitment(CommitmentId(1)),
            ItemKey::KeyAction(CommitmentId(1), ItemId(1)),
        ]))
    );
    // "Keep both" is not offered for a single part.
    let mut wrong = Choices::new();
    wrong.insert(ItemKey::Part(Part::Profile), Choice::KeepBoth);
    assert!(merge(&mine, &theirs, &wrong).is_err());

    // Keep mine for the edited one: the addition comes by default.
    let mut choices = Choices::new();
    choices.insert(ItemKey::Commitment(CommitmentId(1)), Choice::KeepMine);
    choices.insert(
        ItemKey::KeyAction(CommitmentId(1), ItemId(1)),
        Choice::KeepMine,
    );
    let before = (mine.clone(), theirs.clone());
    let merged = merge(&mine, &theirs, &choices).expect("merged");
    assert_eq!((mine.clone(), theirs.clone()), before, "sources untouched");
    assert_eq!(merged.plan.commitments.len(), 2);
    assert_eq!(merged.plan.commitments[0], mine.commitments[0]);
    assert_eq!(merged.plan.commitments[1], theirs.commitments[1]);
    assert_eq!(merged.weights, vec![]);

    // Take theirs: the edited objective and the edited weight (now 110 %).
    choices.insert(ItemKey::Commitment(CommitmentId(1)), Choice::TakeTheirs);
    choices.insert(
        ItemKey::KeyAction(CommitmentId(1), ItemId(1)),
        Choice::TakeTheirs,
    );
    let merged = merge(&mine, &theirs, &choices).expect("merged");
    assert_eq!(merged.plan.commitments[0], theirs.commitments[0]);
    assert_eq!(
        merged.weights,
        vec![(CommitmentId(1), WeightStatus::Over { total: 110 })]
    );
    assert_eq!(
        plan_local_ga::messages::weight_status(merged.weights[0].1).as_deref(),
        Some("Las ponderaciones suman 110 %. Deben sumar 100 %: sobran 10 puntos.")
    );

    // Keep both: the copy gets a fresh id and its links follow.
    choices.insert(ItemKey::Commitment(CommitmentId(1)), Choice::KeepBoth);
    let merged = merge(&mine, &theirs, &choices).expect("merged");
    let ids: Vec<u32> = merged.plan.commitments.iter().map(|c| c.id.0).collect();
    assert_eq!(ids, vec![1, 3, 2]);
    assert_eq!(
        merged.plan.commitments[1]
            .objectives
            .as_ref()
            .and_then(|o| o.problem),
        Some(ItemId(1))
    );
    assert_valid(&merged.plan);
}

#[test]
fn a_commitment_retyped_under_another_id_is_the_same_one() {
    let mine = mine_c13();
    let mut theirs = mine_c13();
    theirs.commitments[0].id = CommitmentId(7);
    theirs.responses[0].commitment = Some(CommitmentId(7));
    assert_eq!(differences(&mine, &theirs), vec![]);
    let mut theirs2 = theirs.clone();
    theirs2.commitments[0].name.push_str(" estatal");
    // Another id and another name: an addition.
    let diffs = differences(&mine, &theirs2);
    assert!(diffs
        .iter()
        .any(|d| d.theirs == ItemKey::Commitment(CommitmentId(7)) && d.kind == Kind::Addition));
}

#[test]
fn the_browser_tests_drafts_are_what_the_code_generates() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/fixtures");
    let at = datetime!(2026-12-01 10:00 -06:00);
    let regenerate = std::env::var_os("REGENERATE").is_some();
    let mut theirs = Envelope::new(theirs_c13(), Default::default(), at, 1);
    theirs.name = Some("Copia de la Secretaría de Planeación".into());
    for (file, envelope) in [
        (
            "combinar-mio.json",
            Envelope::new(mine_c13(), Default::default(), at, 1),
        ),
        ("combinar-suyo.json", theirs),
    ] {
        let path = format!("{dir}/{file}");
        let content = encode(&envelope);
        if regenerate {
            std::fs::write(&path, &content).expect("write");
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{path}: {e}; run `REGENERATE=1 cargo test --test merge`"));
        assert!(
            committed == content,
            "{path} differs from what the code generates; run `REGENERATE=1 cargo test --test merge`"
        );
        assert_eq!(decode(&committed).expect("decodes").plan, envelope.plan);
    }
}

// ------------------------------------------------------- random plan pairs

/// The fixtures random plans start from.
fn bases() -> &'static [Plan] {
    static BASES: OnceLock<Vec<Plan>> = OnceLock::new();
    BASES.get_or_init(|| {
        let mut out = vec![common::c13::plan(), common::bench_plan::plan_with(3)];
        for id in common::real_plans::IDS {
            let path = format!(
                "{}/tests/fixtures/planes-reales/borradores/{id}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(path).expect("real plan draft");
            out.push(decode(&text).expect("decodes").plan);
        }
        out
    })
}

/// One random edit a person could make in their copy, from `(kind, n)`.
fn edit(plan: &mut Plan, kind: u8, n: u32) {
    let pick = |len: usize| (n as usize) % len.max(1);
    let nc = plan.commitments.len();
    match kind % 16 {
        0 if nc > 0 => {
            let id = plan.commitments[pick(nc)].id;
            plan.remove_commitment(id);
        }
        1 if nc > 0 => plan.commitments[pick(nc)].name.push_str(" (revisado)"),
        2 if nc > 0 => {
            // Re-typed in another copy: another id, the same name.
            let i = pick(nc);
            let old = plan.commitments[i].id;
            let new = CommitmentId(plan.next_commitment_id().0 + n % 3);
            plan.commitments[i].id = new;
            for r in &mut plan.responses {
                if r.commitment == Some(old) {
                    r.commitment = Some(new);
                }
            }
            plan.implementation
                .assessments
                .retain(|a| a.commitment != old);
            for round in &mut plan.implementation.rounds {
                round.reports.retain(|r| r.commitment != old);
            }
            plan.implementation
                .amendments
                .retain(|a| a.commitment != Some(old));
        }
        3 if nc > 0 => {
            let mut c = plan.commitments[pick(nc)].clone();
            c.id = plan.next_commitment_id();
            c.name = format!("Compromiso nuevo {n}");
            c.ogp = None;
            plan.commitments.push(c);
        }
        4 if nc > 0 => {
            let id = plan.commitments[pick(nc)].id;
            plan.duplicate_commitment(id);
        }
        5 if nc > 0 => {
            let c = &mut plan.commitments[pick(nc)];
            if let Some(k) = c.key_actions.first_mut() {
                k.weight = Some(Weight::new(u64::from(n % 100 + 1)).expect("1-100"));
            }
        }
        6 if nc > 0 => {
            let c = &mut plan.commitments[pick(nc)];
            if !c.key_actions.is_empty() {
                let id = c.key_actions[(n as usize / 7) % c.key_actions.len()].id;
                c.remove_key_action(id);
            }
        }
        7 if nc > 0 => {
            let c = &mut plan.commitments[pick(nc)];
            if let Some(k) = c.key_actions.last().cloned() {
                let mut k = k;
                k.id = c.next_key_action_id();
                k.name = format!("Acción clave nueva {n}");
                c.key_actions.push(k);
            }
        }
        8 if !plan.problems.is_empty() => {
            let id = plan.problems[pick(plan.problems.len())].id;
            plan.remove_problem(id);
        }
        9 if !plan.problems.is_empty() => {
            let i = pick(plan.problems.len());
            plan.problems[i].statement.push_str(" en la región");
        }
        10 => {
            let mut p = plan
                .problems
                .first()
                .cloned()
                .unwrap_or_else(|| mine_c13().problems[0].clone());
            p.id = plan_local_ga::domain::choice::next_id(plan.problems.iter().map(|p| p.id));
            p.statement = format!("Problema nuevo {n}");
            plan.problems.push(p);
        }
        11 if !plan.coordination.members.is_empty() => {
            let i = pick(plan.coordination.members.len());
            let m = &mut plan.coordination.members[i];
            m.role = Some(format!("Integrante {n}"));
        }
        12 if !plan.responses.is_empty() => {
            let i = pick(plan.responses.len());
            plan.responses[i].reason.push_str(" Se revisó de nuevo.");
        }
        13 => {
            let mut r = mine_c13().responses[0].clone();
            r.id = plan_local_ga::domain::choice::next_id(plan.responses.iter().map(|r| r.id));
            r.input = format!("Propuesta nueva {n}");
            r.commitment = plan.commitments.get(pick(nc)).map(|c| c.id);
            plan.responses.push(r);
        }
        14 => {
            if let Some(p) = plan.profile.as_mut() {
                p.plan_name.push_str(" (versión de la Secretaría)");
            }
        }
        15 if nc > 0 => {
            // Link a commitment to a problem.
            let pid = plan.problems.get(pick(plan.problems.len())).map(|p| p.id);
            if let Some(o) = plan.commitments[pick(nc)].objectives.as_mut() {
                o.problem = pid;
            }
        }
        _ => plan.monitoring = None,
    }
}

fn edited(base: &Plan, edits: &[(u8, u32)]) -> Plan {
    let mut p = base.clone();
    for &(k, n) in edits {
        edit(&mut p, k, n);
    }
    p
}

/// A choice for each difference, from `picks` (cycled): one the difference offers.
/// `no_commitment_both`: never "keep both" for a commitment or a problem
/// (what other items link to; see the commutativity property).
fn choose(diffs: &[Difference], picks: &[u8], no_commitment_both: bool) -> Choices {
    diffs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut options: Vec<Choice> = d.options().to_vec();
            if no_commitment_both
                && matches!(
                    d.theirs,
                    ItemKey::Commitment(_) | ItemKey::Item(ListKind::Problem, _)
                )
            {
                options.retain(|c| *c != Choice::KeepBoth);
            }
            let p = picks.get(i % picks.len().max(1)).copied().unwrap_or(0) as usize;
            (d.theirs, options[p % options.len()])
        })
        .collect()
}

fn unique<T: Ord>(items: impl IntoIterator<Item = T>) -> bool {
    let mut seen = BTreeSet::new();
    items.into_iter().all(|x| seen.insert(x))
}

/// Ids unique in every list, and every link pointing at something there.
fn assert_valid(p: &Plan) {
    assert!(unique(p.commitments.iter().map(|c| c.id)), "commitment ids");
    for c in &p.commitments {
        assert!(unique(c.key_actions.iter().map(|k| k.id)), "key action ids");
    }
    assert!(unique(p.problems.iter().map(|x| x.id)), "problem ids");
    assert!(
        unique(p.coordination.members.iter().map(|x| x.id)),
        "member ids"
    );
    assert!(
        unique(p.coordination.organizations.iter().map(|x| x.id)),
        "organisation ids"
    );
    assert!(unique(p.responses.iter().map(|x| x.id)), "response ids");
    if let Some(o) = &p.ogp {
        assert!(unique(o.sessions.iter().map(|x| x.id)), "session ids");
        assert!(unique(o.events.iter().map(|x| x.id)), "event ids");
    }
    let problems: BTreeSet<ItemId> = p.problems.iter().map(|x| x.id).collect();
    let commitments: BTreeSet<CommitmentId> = p.commitments.iter().map(|c| c.id).collect();
    for c in &p.commitments {
        if let Some(pid) = c.objectives.as_ref().and_then(|o| o.problem) {
            assert!(
                problems.contains(&pid),
                "commitment {:?} names problem {pid:?}",
                c.id
            );
        }
    }
    for r in &p.responses {
        if let Some(c) = r.commitment {
            assert!(commitments.contains(&c), "response names commitment {c:?}");
        }
    }
    for a in &p.implementation.assessments {
        assert!(
            commitments.contains(&a.commitment),
            "assessment's commitment"
        );
    }
}

/// An item as JSON without its id (and, for a commitment, its links and key
/// actions' ids resolved to what they name, key actions sorted).
fn shape(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("id");
    }
    v
}

/// `links`: resolve the problem link to the problem's statement; without,
/// leave it out (the problem itself may be the other side's version).
fn commitment_shape(
    p: &Plan,
    c: &plan_local_ga::domain::Commitment,
    with_kas: bool,
    links: bool,
) -> Value {
    let mut v = serde_json::to_value(c).expect("json");
    let o = v.as_object_mut().expect("object");
    o.remove("id");
    let kas: Vec<String> = c
        .key_actions
        .iter()
        .map(|k| shape(serde_json::to_value(k).expect("json")).to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    o.remove("key_actions");
    if with_kas {
        o.insert("kas".into(), serde_json::json!(kas));
    }
    if let Some(obj) = o.get_mut("objectives").and_then(Value::as_object_mut) {
        let problem = c
            .objectives
            .as_ref()
            .and_then(|x| x.problem)
            .and_then(|id| p.problems.iter().find(|x| x.id == id))
            .map(|x| x.statement.clone());
        if links {
            obj.insert("problem".into(), serde_json::json!(problem));
        } else {
            obj.remove("problem");
        }
    }
    v
}

/// Every item of the plan up to ids and order: sorted shapes per list.
fn canonical(p: &Plan) -> Value {
    let sorted = |items: Vec<Value>| {
        let mut s: Vec<String> = items.iter().map(Value::to_string).collect();
        s.sort();
        s
    };
    let list = |items: Vec<Value>| sorted(items.into_iter().map(shape).collect());
    let ogp_scalar = p.ogp.clone().and_then(|mut o| {
        o.sessions.clear();
        o.events.clear();
        (o != Default::default()).then_some(o)
    });
    serde_json::json!({
        "profile": p.profile,
        "office": p.office,
        "framework": p.framework,
        "national": p.national_plan,
        "readiness": p.readiness,
        "political": p.political,
        "body": p.coordination.body,
        "roadmap": p.roadmap,
        "monitoring": p.monitoring,
        "kept": p.kept_findings,
        "ogp": ogp_scalar,
        "commitments": sorted(p.commitments.iter().map(|c| commitment_shape(p, c, true, true)).collect()),
        "problems": list(p.problems.iter().map(|x| serde_json::to_value(x).expect("json")).collect()),
        "members": list(p.coordination.members.iter().map(|x| serde_json::to_value(x).expect("json")).collect()),
        "organizations": list(p.coordination.organizations.iter().map(|x| serde_json::to_value(x).expect("json")).collect()),
        "responses": list(p.responses.iter().map(|r| {
            let mut v = serde_json::to_value(r).expect("json");
            let name = r.commitment.and_then(|c| p.commitment(c)).map(|c| c.name.clone());
            v.as_object_mut().expect("object").insert("commitment".into(), serde_json::json!(name));
            v
        }).collect()),
        "sessions": list(p.ogp.iter().flat_map(|o| o.sessions.iter()).map(|x| serde_json::to_value(x).expect("json")).collect()),
        "events": list(p.ogp.iter().flat_map(|o| o.events.iter()).map(|x| serde_json::to_value(x).expect("json")).collect()),
    })
}

/// Checks that nothing of either side is lost: mine's items are all there by
/// their ids; theirs' are there (up to id and links) unless declined.
fn assert_nothing_lost(
    mine: &Plan,
    theirs: &Plan,
    diffs: &[Difference],
    choices: &Choices,
    out: &Plan,
) {
    let chosen = |key: ItemKey| choices.get(&key).copied();
    // Mine's commitments, by id, with every key action of mine in them.
    for c in &mine.commitments {
        let r = out.commitment(c.id).expect("mine's commitment is kept");
        for k in &c.key_actions {
            assert!(r.key_action(k.id).is_some(), "mine's key action is kept");
        }
    }
    for p in &mine.problems {
        assert!(out.problems.iter().any(|x| x.id == p.id), "mine's problem");
    }
    for r in &mine.responses {
        assert!(
            out.responses.iter().any(|x| x.id == r.id),
            "mine's response"
        );
    }
    // Theirs' commitments brought in whole are in the result as they were.
    let whole: Vec<Value> = out
        .commitments
        .iter()
        .map(|c| commitment_shape(out, c, true, false))
        .collect();
    let fichas: Vec<Value> = out
        .commitments
        .iter()
        .map(|c| commitment_shape(out, c, false, false))
        .collect();
    let mut expected_commitments = mine.commitments.len();
    for d in diffs {
        let ItemKey::Commitment(id) = d.theirs else {
            continue;
        };
        let t = theirs.commitment(id).expect("theirs");
        match (d.kind, chosen(d.theirs)) {
            (Kind::Addition, Some(Choice::TakeTheirs | Choice::KeepBoth))
            | (Kind::Conflict, Some(Choice::KeepBoth)) => {
                expected_commitments += 1;
                assert!(
                    whole.contains(&commitment_shape(theirs, t, true, false)),
                    "theirs' commitment {id:?} is in the result"
                );
            }
            (Kind::Conflict, Some(Choice::TakeTheirs)) => assert!(
                fichas.contains(&commitment_shape(theirs, t, false, false)),
                "theirs' version of {id:?} is in the result"
            ),
            _ => {}
        }
    }
    assert_eq!(
        out.commitments.len(),
        expected_commitments,
        "commitments counted"
    );
    // Theirs' key actions taken are in the commitment that holds them.
    for d in diffs {
        let ItemKey::KeyAction(c, k) = d.theirs else {
            continue;
        };
        let Some(ItemKey::KeyAction(mc, _)) = d.mine.or(Some(ItemKey::KeyAction(
            matched_commitment(diffs, mine, theirs, c),
            k,
        ))) else {
            unreachable!()
        };
        let ka = theirs
            .commitment(c)
            .and_then(|c| c.key_action(k))
            .expect("theirs");
        if matches!(
            chosen(d.theirs),
            Some(Choice::TakeTheirs | Choice::KeepBoth)
        ) {
            let held = out.commitment(mc).expect("held");
            let shapes: Vec<Value> = held
                .key_actions
                .iter()
                .map(|x| shape(serde_json::to_value(x).expect("json")))
                .collect();
            assert!(
                shapes.contains(&shape(serde_json::to_value(ka).expect("json"))),
                "theirs' key action {k:?} of {c:?} is in mine's {mc:?}"
            );
        }
    }
    // Problems: counted like commitments.
    let added = |kind| {
        diffs
            .iter()
            .filter(|d| matches!(d.theirs, ItemKey::Item(k, _) if k == kind))
            .filter(|d| match (d.kind, chosen(d.theirs)) {
                (Kind::Addition, Some(c)) => c != Choice::KeepMine,
                (Kind::Conflict, Some(c)) => c == Choice::KeepBoth,
                _ => false,
            })
            .count()
    };
    assert_eq!(
        out.problems.len(),
        mine.problems.len() + added(ListKind::Problem)
    );
    assert_eq!(
        out.responses.len(),
        mine.responses.len() + added(ListKind::Response)
    );
    assert_eq!(
        out.coordination.members.len(),
        mine.coordination.members.len() + added(ListKind::Member)
    );
}

/// Mine's id of the commitment matched to theirs' `c` (from a key action's
/// conflict or the commitment's, else the same id).
fn matched_commitment(
    diffs: &[Difference],
    mine: &Plan,
    _theirs: &Plan,
    c: CommitmentId,
) -> CommitmentId {
    diffs
        .iter()
        .find_map(|d| match (d.theirs, d.mine) {
            (ItemKey::Commitment(t), Some(ItemKey::Commitment(m))) if t == c => Some(m),
            (ItemKey::KeyAction(t, _), Some(ItemKey::KeyAction(m, _))) if t == c => Some(m),
            _ => None,
        })
        .or_else(|| mine.commitment(c).map(|x| x.id))
        .or_else(|| {
            // Matched by name with no conflict of its own.
            let name = &_theirs.commitment(c)?.name;
            mine.commitments
                .iter()
                .find(|x| &x.name == name)
                .map(|x| x.id)
        })
        .expect("a key action's commitment is matched")
}

fn plan_pair() -> impl Strategy<Value = (Plan, Plan)> {
    let edits = prop::collection::vec((any::<u8>(), any::<u32>()), 0..8);
    (
        0..bases().len(),
        0..bases().len(),
        edits.clone(),
        edits,
        0u8..10,
    )
        .prop_map(|(a, b, ea, eb, same)| {
            // Mostly copies of one plan; sometimes two unrelated plans.
            let b = if same < 8 { a } else { b };
            (edited(&bases()[a], &ea), edited(&bases()[b], &eb))
        })
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn merging_loses_nothing_and_keeps_ids_and_links_valid(
        (mine, theirs) in plan_pair(),
        picks in prop::collection::vec(any::<u8>(), 1..40),
    ) {
        assert_valid(&mine);
        assert_valid(&theirs);
        let diffs = differences(&mine, &theirs);
        let choices = choose(&diffs, &picks, false);
        let before = (mine.clone(), theirs.clone());
        let merged = merge(&mine, &theirs, &choices).expect("every difference chosen");
        prop_assert_eq!(&(mine.clone(), theirs.clone()), &before);
        assert_valid(&merged.plan);
        assert_nothing_lost(&mine, &theirs, &diffs, &choices, &merged.plan);
        // The weights reported are exactly the commitments that need fixing.
        let needing: Vec<CommitmentId> = merged
            .plan
            .commitments
            .iter()
            .filter(|c| c.weight_status().needs_fixing())
            .map(|c| c.id)
            .collect();
        prop_assert_eq!(merged.weights.iter().map(|w| w.0).collect::<Vec<_>>(), needing);
    }

    #[test]
    fn merging_is_commutative_up_to_ids_and_order(
        (mine, theirs) in plan_pair(),
        picks in prop::collection::vec(any::<u8>(), 1..40),
    ) {
        let forward = differences(&mine, &theirs);
        let backward = differences(&theirs, &mine);
        // The same pairs conflict both ways.
        let conflicts = |ds: &[Difference]| ds.iter().filter(|d| d.kind == Kind::Conflict).count();
        prop_assert_eq!(conflicts(&forward), conflicts(&backward));
        let there = choose(&forward, &picks, true);
        // The same version of each conflict, keyed the other way round;
        // every addition taken both ways.
        let mut back = Choices::new();
        for d in &forward {
            if d.kind == Kind::Conflict {
                let c = match there[&d.theirs] {
                    Choice::KeepMine => Choice::TakeTheirs,
                    Choice::TakeTheirs => Choice::KeepMine,
                    Choice::KeepBoth => Choice::KeepBoth,
                };
                back.insert(d.mine.expect("a conflict has mine's side"), c);
            }
        }
        let mut there = there;
        for d in forward.iter().filter(|d| d.kind == Kind::Addition) {
            there.insert(d.theirs, Choice::TakeTheirs);
        }
        let a = merge(&mine, &theirs, &there).expect("forward");
        let b = merge(&theirs, &mine, &back).expect("backward");
        let (ca, cb) = (canonical(&a.plan), canonical(&b.plan));
        for (key, va) in ca.as_object().expect("object") {
            prop_assert_eq!(va, &cb[key], "{} differs", key);
        }
    }

    #[test]
    fn merging_a_plan_with_itself_or_declining_everything_gives_mine(
        (mine, theirs) in plan_pair(),
    ) {
        prop_assert!(differences(&mine, &mine).is_empty());
        prop_assert_eq!(&merge(&mine, &mine, &Choices::new()).expect("same").plan, &mine);
        let diffs = differences(&mine, &theirs);
        let none: Choices = diffs.iter().map(|d| (d.theirs, Choice::KeepMine)).collect();
        prop_assert_eq!(&merge(&mine, &theirs, &none).expect("declined").plan, &mine);
    }
}
