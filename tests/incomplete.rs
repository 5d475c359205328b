//! Drafts may be incomplete: every page saves what was written, and one set of
//! rules says what is still missing, whether the plan was typed or opened
//! from a file.
//!
//! The commitment used here is Quintana Roo's MXROO0005 as OGP publishes it
//! (tests/fixtures/planes-reales/quintana-roo-2023-2025.json): a title, dates
//! given as months, and key actions (milestones) without weights, indicators
//! or means of verification — none were published.
#![cfg(not(target_arch = "wasm32"))]

use plan_local_ga::domain::commitment::{CommitmentInput, ObjectivesInput, ValuesInput};
use plan_local_ga::domain::error::Named;
use plan_local_ga::domain::key_action::{KeyActionInput, WeightStatus};
use plan_local_ga::domain::methodology::{Step, TaskStatus};
use plan_local_ga::domain::pending::Pending;
use plan_local_ga::domain::plan::FichaPart;
use plan_local_ga::domain::problem::ProblemInput;
use plan_local_ga::domain::{CommitmentId, Field, FieldError, ItemId, Plan, Problem};
use plan_local_ga::messages;
use plan_local_ga::persistence::{decode, encode, Envelope};
use serde_json::{json, Value};
use time::macros::datetime;

fn real_plan() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/planes-reales/quintana-roo-2023-2025.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

/// MXROO0005 as published: its title (OGP publishes it in English only) and
/// its objective. OGP publishes no milestones for it; the key action below is
/// what a person would start with while the team writes the ficha.
fn published() -> (String, Vec<String>) {
    let plan = real_plan();
    let c = plan["compromisos"]
        .as_array()
        .expect("compromisos")
        .iter()
        .find(|c| c["id_ogp"] == "MXROO0005")
        .expect("MXROO0005")
        .clone();
    assert_eq!(c["periodo"]["inicio"]["tal_como_se_publico"], "Jul 2023");
    assert_eq!(c["periodo"]["fin"]["tal_como_se_publico"], "Dec 2025");
    assert!(c["hitos"].is_null(), "no milestones published");
    let title = c["titulo"][0]["texto"].as_str().expect("title").to_owned();
    (
        title,
        vec!["Instalar la mesa de cocreación del plan estratégico".to_owned()],
    )
}

/// The plan a person reaches by typing what the plan publishes, page by page,
/// with "Guardar y continuar" (the pages' `read(..).savable()`).
fn typed() -> Plan {
    let (title, milestones) = published();
    let mut plan = Plan::default();
    let id = CommitmentId(1);
    let c = CommitmentInput {
        name: title,
        // As OGP publishes them.
        start: "Jul 2023".into(),
        end: "Dec 2025".into(),
    }
    .read(id, None, None)
    .savable()
    .expect("a title and month dates are saved");
    plan.upsert_commitment(c);
    let c = plan.commitment_mut(id).expect("saved");
    c.objectives = Some(
        ObjectivesInput {
            short_term: "Fortalecer la transparencia proactiva".into(),
            ..ObjectivesInput::default()
        }
        .read(&[])
        .savable()
        .expect("one objective is saved"),
    );
    c.values = ValuesInput {
        values: "transparencia".into(),
        ..ValuesInput::default()
    }
    .read()
    .savable()
    .expect("a value without its reason is saved");
    for (i, name) in milestones.iter().enumerate() {
        let k = KeyActionInput {
            name: name.clone(),
            ..KeyActionInput::default()
        }
        .read(ItemId(i as u32 + 1), c.period.as_ref(), Vec::new())
        .savable()
        .expect("a key action with only its name is saved");
        c.upsert_key_action(k);
    }
    plan.problems.push(
        ProblemInput {
            statement: "Información pública dispersa".into(),
            ..ProblemInput::default()
        }
        .read(ItemId(1))
        .savable()
        .expect("a problem with only its statement is saved"),
    );
    plan
}

/// The same plan written in a draft file by hand, leaving out everything
/// the plan does not publish.
fn from_file() -> Plan {
    let (title, milestones) = published();
    let key_actions: Vec<Value> = milestones
        .iter()
        .enumerate()
        .map(|(i, n)| json!({ "id": i + 1, "name": n }))
        .collect();
    let draft = json!({
        "format": "plan-local-gobierno-abierto",
        "schema_version": 5,
        "app_version": "0.1.0",
        "saved_at": "2026-12-06T09:00:00-06:00",
        "revision": 1,
        "plan": {
            "commitments": [{
                "id": 1,
                "name": title,
                "period": { "start": "2023-07", "end": "2025-12" },
                "objectives": { "short_term": "Fortalecer la transparencia proactiva" },
                "values": [{ "value": "transparencia" }],
                "key_actions": key_actions
            }],
            "problems": [{ "id": 1, "statement": "Información pública dispersa" }]
        }
    });
    decode(&draft.to_string())
        .expect("a file with blanks opens")
        .plan
}

#[test]
fn a_file_with_blanks_reads_as_the_same_plan_typing_gives() {
    let typed = typed();
    let opened = from_file();
    assert_eq!(opened, typed, "same plan, whichever way it came in");
    for step in Step::ALL {
        assert_eq!(
            step.status(&opened, false),
            step.status(&typed, false),
            "{step:?}"
        );
    }
    let c = &typed.commitments[0];
    for part in FichaPart::ALL {
        assert_eq!(
            opened.pending(&opened.commitments[0], part),
            typed.pending(c, part),
            "{part:?}"
        );
    }
}

#[test]
fn incomplete_parts_read_in_progress_never_completed() {
    let plan = typed();
    assert_eq!(
        Step::Commitments.status(&plan, false),
        TaskStatus::InProgress
    );
    assert_eq!(Step::Problems.status(&plan, false), TaskStatus::InProgress);
    let c = &plan.commitments[0];
    assert!(!plan.commitment_complete(c));
    // Dates as months satisfy the general part: nothing is missing there.
    assert_eq!(plan.pending(c, FichaPart::General), vec![]);
    // Each missing field of the objectives is named, in page order.
    let missing = |part| -> Vec<Field> {
        plan.pending(c, part)
            .into_iter()
            .map(|p| match p {
                Pending::Field(e) => e.field,
                other => panic!("{other:?}"),
            })
            .collect()
    };
    assert_eq!(
        missing(FichaPart::Objectives),
        vec![
            Named::ProblemText.into(),
            Named::HowItHelps.into(),
            Named::Verification.into()
        ]
    );
    assert_eq!(missing(FichaPart::Values), vec![Field::ValueReason(0)]);
    // Every key action lacks its weight, indicator, verification and dates.
    let ka = plan.pending(c, FichaPart::KeyActions);
    let first: Vec<Field> = ka
        .iter()
        .filter_map(|p| match p {
            Pending::KeyAction(ItemId(1), e) => Some(e.field),
            _ => None,
        })
        .collect();
    assert_eq!(
        first,
        vec![
            Named::Weight.into(),
            Named::IndicatorName.into(),
            Named::KeyActionVerification.into(),
            Named::KeyActionStart.into(),
            Named::KeyActionEnd.into(),
        ]
    );
    assert!(matches!(
        c.weight_status(),
        WeightStatus::Unweighted { total: 0, .. }
    ));
    assert!(
        plan.commitment_issues(c).is_empty(),
        "nothing to fix, only to complete"
    );
    // Worded for the ficha overview.
    let text = messages::pending_item(c, &ka[0]);
    assert_eq!(text, "Acción clave 1: la ponderación");
    // "Versión final" still needs all of it.
    let mut plan = plan;
    let refused = plan
        .mark_final(time::macros::date!(2026 - 12 - 06))
        .expect_err("incomplete");
    assert!(refused.contains(&Step::Commitments));
}

#[test]
fn what_cannot_be_read_is_still_refused_and_nothing_typed_is_dropped() {
    // A lone start date would be lost: refused with a clear message.
    let e = CommitmentInput {
        name: "Compromiso".into(),
        start: "julio de 2023".into(),
        end: String::new(),
    }
    .read(CommitmentId(1), None, None)
    .savable()
    .expect_err("one date without the other");
    assert_eq!(
        e,
        vec![FieldError::new(
            Field::CommitmentEnd,
            Problem::OtherDateMissing
        )]
    );
    // A date that is not a date.
    let e = CommitmentInput {
        name: "Compromiso".into(),
        start: "a mediados de 2023".into(),
        end: "2025".into(),
    }
    .read(CommitmentId(1), None, None)
    .savable()
    .expect_err("not a date");
    assert_eq!(
        e,
        vec![FieldError::new(Field::CommitmentStart, Problem::NotADate)]
    );
    // A weight that is not a whole number.
    let e = KeyActionInput {
        name: "Hito".into(),
        weight: "treinta".into(),
        ..KeyActionInput::default()
    }
    .read(ItemId(1), None, Vec::new())
    .savable()
    .expect_err("not a number");
    assert_eq!(e.len(), 1, "only what blocks saving is shown: {e:?}");
}

#[test]
fn an_incomplete_draft_round_trips() {
    let plan = typed();
    let env = Envelope::new(
        plan.clone(),
        Default::default(),
        datetime!(2026-12-06 09:00 -6),
        1,
    );
    let back = decode(&encode(&env)).expect("reads back");
    assert_eq!(back.plan, plan);
    // Months stay months in the file.
    let v: Value = serde_json::from_str(&encode(&env)).expect("json");
    assert_eq!(v["plan"]["commitments"][0]["period"]["start"], "2023-07");
    assert_eq!(v["plan"]["commitments"][0]["period"]["end"], "2025-12");
}

#[test]
fn the_task_list_names_a_long_title_shortly() {
    let plan = typed();
    let c = &plan.commitments[0];
    let count: usize = plan
        .commitment_pending(c)
        .iter()
        .map(|(_, v)| v.len())
        .sum();
    let line = messages::commitment_pending(1, c, count);
    // MXROO0005's English title is 160 characters: cut at 60, with "…".
    assert!(c.name.chars().count() > 60);
    assert!(
        line.starts_with("Compromiso 1 (Co-creation of the Strategic Plan for Sustainable"),
        "{line}"
    );
    assert!(line.contains("…): faltan "), "{line}");
    assert!(line.chars().count() < 100, "{line}");
}
