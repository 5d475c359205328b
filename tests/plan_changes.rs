//! Native tests of the changes to the plan that pages make through domain
//! methods: removing a problem (and the links to it), removing key actions and
//! activities, spreading weights, removing list items; the one weights check
//! and its wording; and the `Weight` newtype read from drafts (0, 101, 255
//! refused with their place and a Spanish message, plain numbers written).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::plans;
use plan_local_ga::domain::choice::remove_item;
use plan_local_ga::domain::commitment::ObjectivesInput;
use plan_local_ga::domain::key_action::{
    weight_status, ActivityInput, Weight, WeightOutOfRange, WeightStatus,
};
use plan_local_ga::domain::monitoring::ResponseInput;
use plan_local_ga::domain::plan::CommitmentIssue;
use plan_local_ga::domain::problem::{ProblemInput, PublicProblem};
use plan_local_ga::domain::{Commitment, CommitmentId, ItemId, Plan};
use plan_local_ga::messages;
use plan_local_ga::persistence::{decode, encode, DecodeError};

const START: &str = "01/02/2026";
const END: &str = "30/11/2026";

fn problem(id: u32, statement: &str) -> PublicProblem {
    ProblemInput {
        statement: statement.into(),
        affected_population: "Habitantes de las colonias periféricas".into(),
        origin: "consulta".into(),
        priority: "alta".into(),
        ..ProblemInput::default()
    }
    .parse(ItemId(id))
    .expect("valid problem")
}

/// A complete commitment whose objectives answer `problem` (chosen on its page).
fn commitment_answering(id: u32, problem: Option<ItemId>, problems: &[ItemId]) -> Commitment {
    let mut c = plans::complete_commitment(CommitmentId(id), START, END);
    c.objectives = Some(
        ObjectivesInput {
            short_term: "Publicar el presupuesto cada trimestre".into(),
            problem: problem.map(|p| p.0.to_string()).unwrap_or_default(),
            problem_text: "La ciudadanía no conoce en qué se gasta".into(),
            how_it_helps: "Permite vigilar el gasto".into(),
            verification: "Informes trimestrales publicados".into(),
            ..ObjectivesInput::default()
        }
        .parse(problems)
        .expect("valid objectives"),
    );
    c
}

fn linked_problem(plan: &Plan, id: u32) -> Option<ItemId> {
    plan.commitment(CommitmentId(id))
        .and_then(|c| c.objectives.as_ref())
        .and_then(|o| o.problem)
}

/// A commitment whose key actions have `weights`, ids 1, 2, 3…
fn commitment_with_weights(weights: &[u8]) -> Commitment {
    let mut c = plans::complete_commitment(CommitmentId(1), START, END);
    c.key_actions = weights
        .iter()
        .zip(1..)
        .map(|(w, id)| plans::key_action(id, *w, START, END, c.period.clone()))
        .collect();
    c
}

fn weights(c: &Commitment) -> Vec<u8> {
    c.key_actions
        .iter()
        .map(|k| k.weight.map_or(0, |w| w.get()))
        .collect()
}

// ---------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------

#[test]
fn removing_a_problem_unlinks_every_commitment_that_named_it() {
    let ids = [ItemId(1), ItemId(2)];
    let mut plan = Plan {
        problems: vec![
            problem(1, "Las personas no saben en qué se gasta el presupuesto"),
            problem(2, "Los trámites de licencias tardan 30 días"),
        ],
        commitments: vec![
            commitment_answering(1, Some(ItemId(1)), &ids),
            commitment_answering(2, Some(ItemId(2)), &ids),
            commitment_answering(3, Some(ItemId(1)), &ids),
        ],
        ..Plan::default()
    };
    let untouched_commitment_2 = plan.commitment(CommitmentId(2)).cloned();

    assert!(plan.remove_problem(ItemId(1)));

    assert_eq!(plan.problems.len(), 1);
    assert_eq!(plan.problems[0].id, ItemId(2));
    assert_eq!(linked_problem(&plan, 1), None, "commitment 1 named it");
    assert_eq!(linked_problem(&plan, 3), None, "commitment 3 named it");
    assert_eq!(
        plan.commitment(CommitmentId(2)).cloned(),
        untouched_commitment_2,
        "a commitment that named another problem keeps its link"
    );
    // The objectives themselves stay: only the link goes.
    let o = plan.commitments[0].objectives.as_ref().expect("objectives");
    assert_eq!(o.short_term, "Publicar el presupuesto cada trimestre");

    // Removing it again changes nothing and says so.
    let before = plan.clone();
    assert!(!plan.remove_problem(ItemId(1)));
    assert_eq!(plan, before);
}

// ---------------------------------------------------------------------------
// Key actions, activities and weights
// ---------------------------------------------------------------------------

#[test]
fn removing_a_key_action_leaves_the_others_and_shows_the_weights_status() {
    let mut c = commitment_with_weights(&[35, 40, 25]);
    assert_eq!(c.weight_status(), WeightStatus::AddUp);

    assert!(c.remove_key_action(ItemId(2)));
    assert_eq!(
        c.key_actions.iter().map(|k| k.id).collect::<Vec<_>>(),
        [ItemId(1), ItemId(3)]
    );
    assert_eq!(weights(&c), [35, 25], "the other weights stay as they were");
    let status = c.weight_status();
    assert_eq!(status, WeightStatus::Short { total: 60 });
    assert_eq!(status.total(), 60);
    assert!(!status.adds_up());
    assert!(status.needs_fixing());

    // The plan sees the same thing as an issue of the commitment.
    let plan = Plan {
        commitments: vec![c.clone()],
        ..Plan::default()
    };
    assert_eq!(
        plan.commitment_issues(&c),
        vec![CommitmentIssue::WeightsDoNotAddUp { total: 60 }]
    );

    assert!(!c.remove_key_action(ItemId(2)), "already gone");
    assert!(c.remove_key_action(ItemId(1)));
    assert!(c.remove_key_action(ItemId(3)));
    assert_eq!(c.weight_status(), WeightStatus::NoKeyActions);
    assert!(!c.weight_status().needs_fixing());
}

#[test]
fn removing_an_activity_touches_only_its_key_action() {
    let mut c = commitment_with_weights(&[60, 40]);
    for k in [ItemId(1), ItemId(2)] {
        for a in 1..=2 {
            let activity = ActivityInput {
                name: format!("Actividad {a}"),
                ..ActivityInput::default()
            }
            .parse(
                ItemId(a),
                c.key_action(k).expect("key action").period.clone(),
            )
            .expect("valid activity");
            assert!(c.upsert_activity(k, activity));
        }
    }
    let second = c.key_action(ItemId(2)).cloned();

    assert!(c.remove_activity(ItemId(1), ItemId(1)));
    let first = c.key_action(ItemId(1)).expect("key action 1");
    assert_eq!(
        first.activities.iter().map(|a| a.id).collect::<Vec<_>>(),
        [ItemId(2)]
    );
    assert_eq!(c.key_action(ItemId(2)).cloned(), second);
    assert!(!c.remove_activity(ItemId(1), ItemId(1)), "already gone");
    assert!(
        !c.remove_activity(ItemId(9), ItemId(1)),
        "no such key action"
    );
    let activity = ActivityInput {
        name: "Otra".into(),
        ..ActivityInput::default()
    }
    .parse(ItemId(5), c.period.clone())
    .expect("valid activity");
    assert!(
        !c.upsert_activity(ItemId(9), activity),
        "no such key action"
    );
}

#[test]
fn spread_weights_makes_them_add_up_and_says_whether_it_changed_any() {
    // 85: the 15 missing points go evenly, the odd ones to the first actions.
    let mut c = commitment_with_weights(&[60, 25]);
    assert_eq!(c.weight_status(), WeightStatus::Short { total: 85 });
    assert!(c.spread_weights());
    assert_eq!(weights(&c), [68, 32]);
    assert_eq!(c.weight_status(), WeightStatus::AddUp);
    assert!(!c.spread_weights(), "nothing left to spread");
    assert_eq!(weights(&c), [68, 32]);

    // 110: the ten extra points come off the heaviest actions.
    let mut c = commitment_with_weights(&[50, 40, 20]);
    assert_eq!(c.weight_status(), WeightStatus::Over { total: 110 });
    assert!(c.spread_weights());
    assert_eq!(c.weight_status(), WeightStatus::AddUp);
    assert!(weights(&c).iter().all(|w| (1..=100).contains(w)));

    // Without key actions there is nothing to spread.
    let mut c = commitment_with_weights(&[]);
    assert!(!c.spread_weights());
    assert_eq!(c.weight_status(), WeightStatus::NoKeyActions);
}

#[test]
fn the_other_weights_are_what_a_key_action_completes() {
    let c = commitment_with_weights(&[35, 40, 25]);
    assert_eq!(c.other_weights(ItemId(2)), 60);
    assert_eq!(c.other_weights(ItemId(99)), 100, "a new key action");
}

#[test]
fn the_weights_status_follows_the_total() {
    assert_eq!(weight_status(&[]), WeightStatus::NoKeyActions);
    for (total, status) in [
        (0, WeightStatus::NoKeyActions),
        (1, WeightStatus::Short { total: 1 }),
        (99, WeightStatus::Short { total: 99 }),
        (100, WeightStatus::AddUp),
        (101, WeightStatus::Over { total: 101 }),
        (250, WeightStatus::Over { total: 250 }),
    ] {
        assert_eq!(WeightStatus::from_total(total), status, "{total}");
        assert_eq!(status.total(), total);
        assert_eq!(status.adds_up(), total == 100);
        assert_eq!(status.needs_fixing(), total != 0 && total != 100);
    }
}

#[test]
fn the_weights_status_has_one_wording() {
    let say = |total| messages::weight_status(WeightStatus::from_total(total));
    let action = |total| messages::spread_weights_action(WeightStatus::from_total(total));
    assert_eq!(say(0), None);
    assert_eq!(say(100).as_deref(), Some("Las ponderaciones suman 100 %."));
    assert_eq!(
        say(95).as_deref(),
        Some("Las ponderaciones suman 95 %. Deben sumar 100 %: faltan 5 puntos.")
    );
    assert_eq!(
        say(85).as_deref(),
        Some("Las ponderaciones suman 85 %. Deben sumar 100 %: faltan 15 puntos.")
    );
    assert_eq!(
        say(99).as_deref(),
        Some("Las ponderaciones suman 99 %. Deben sumar 100 %: falta 1 punto.")
    );
    assert_eq!(
        say(130).as_deref(),
        Some("Las ponderaciones suman 130 %. Deben sumar 100 %: sobran 30 puntos.")
    );
    assert_eq!(
        say(101).as_deref(),
        Some("Las ponderaciones suman 101 %. Deben sumar 100 %: sobra 1 punto.")
    );
    assert_eq!(action(0), None);
    assert_eq!(action(100), None);
    assert_eq!(
        action(85).as_deref(),
        Some("Repartir los 15 puntos que faltan")
    );
    assert_eq!(action(99).as_deref(), Some("Repartir el punto que falta"));
    assert_eq!(
        action(130).as_deref(),
        Some("Quitar los 30 puntos que sobran")
    );
    assert_eq!(action(101).as_deref(), Some("Quitar el punto que sobra"));
    // The ficha's overview lists the issue in the same words.
    assert_eq!(
        messages::commitment_issue(&CommitmentIssue::WeightsDoNotAddUp { total: 95 }),
        "Las ponderaciones suman 95 %. Deben sumar 100 %: faltan 5 puntos."
    );
}

// ---------------------------------------------------------------------------
// Items of other lists
// ---------------------------------------------------------------------------

#[test]
fn removing_a_response_or_any_list_item_removes_only_that_item() {
    let commitments = [CommitmentId(1)];
    let response = |id: u32| {
        ResponseInput {
            input: format!("Propuesta {id}"),
            decision: "no-incorporada".into(),
            reason: "Queda fuera de las atribuciones del municipio".into(),
            ..ResponseInput::default()
        }
        .parse(ItemId(id), &commitments)
        .expect("valid response")
    };
    let mut plan = Plan {
        responses: vec![response(1), response(2), response(3)],
        ..Plan::default()
    };
    assert!(plan.remove_response(ItemId(2)));
    assert_eq!(
        plan.responses.iter().map(|r| r.id).collect::<Vec<_>>(),
        [ItemId(1), ItemId(3)]
    );
    assert!(!plan.remove_response(ItemId(2)));

    let mut problems = vec![problem(1, "Uno"), problem(2, "Dos")];
    assert!(remove_item(&mut problems, ItemId(1)));
    assert!(!remove_item(&mut problems, ItemId(1)));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].id, ItemId(2));
}

// ---------------------------------------------------------------------------
// Weight: constructor, serde, drafts
// ---------------------------------------------------------------------------

#[test]
fn a_weight_is_1_to_100() {
    assert_eq!(Weight::new(0), Err(WeightOutOfRange { found: 0 }));
    assert_eq!(Weight::new(101), Err(WeightOutOfRange { found: 101 }));
    assert_eq!(Weight::new(255), Err(WeightOutOfRange { found: 255 }));
    assert_eq!(Weight::new(256), Err(WeightOutOfRange { found: 256 }));
    assert_eq!(Weight::new(1).map(Weight::get), Ok(1));
    assert_eq!(Weight::new(100).map(Weight::get), Ok(100));
    let w = Weight::new(35).expect("35");
    assert_eq!(w.to_string(), "35");
    assert_eq!(u32::from(w), 35);
    // Written as a plain number, and read back only when in range.
    assert_eq!(serde_json::to_string(&w).expect("json"), "35");
    assert_eq!(serde_json::from_str::<Weight>("35").ok(), Some(w));
    for bad in ["0", "101", "255", "-1", "35.5", "\"35\"", "null"] {
        assert!(serde_json::from_str::<Weight>(bad).is_err(), "{bad}");
    }
}

fn fixture_v4() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/borrador-v5.json"
    ))
    .expect("fixture")
}

#[test]
fn a_draft_with_a_weight_out_of_range_is_refused_with_its_place_and_a_spanish_message() {
    let fixture = fixture_v4();
    // The fixture itself opens, with its weights.
    let env = decode(&fixture).expect("v4 loads");
    assert_eq!(weights(&env.plan.commitments[0]), [60, 40]);

    for bad in [
        serde_json::json!(0),
        serde_json::json!(255),
        serde_json::json!(101),
        serde_json::json!(-1),
        serde_json::json!(40.5),
        serde_json::json!("40"),
    ] {
        let mut v: serde_json::Value = serde_json::from_str(&fixture).expect("json");
        v["plan"]["commitments"][0]["key_actions"][1]["weight"] = bad.clone();
        let e = decode(&v.to_string()).expect_err("refused");
        assert_eq!(
            e,
            DecodeError::WeightOutOfRange {
                commitment: 1,
                key_action: 2
            },
            "{bad}"
        );
        assert_eq!(
            messages::decode_error(&e),
            "En el borrador, la ponderación de la acción clave 2 del compromiso 1 no es un número entero de 1 a 100. Corrija ese número en el archivo o elija otro borrador."
        );
    }
    // A value that does not fit elsewhere in a key action is still named by place.
    let mut v: serde_json::Value = serde_json::from_str(&fixture).expect("json");
    v["plan"]["commitments"][0]["key_actions"][1]["progress"] = "mucho".into();
    assert!(matches!(
        decode(&v.to_string()),
        Err(DecodeError::Invalid { path, .. }) if path == "plan.commitments[0].key_actions[1].progress"
    ));
}

#[test]
fn weights_are_written_as_plain_numbers() {
    let env = decode(&fixture_v4()).expect("v4 loads");
    let text = encode(&env);
    assert!(text.contains("\"weight\": 60,"), "{text}");
    assert!(text.contains("\"weight\": 40,"), "{text}");
}
