//! Native tests of the rules added with the full methodology (schema 4): key
//! actions and their weights, nested dates, the coordination body, OGP values,
//! contacts, the roadmap, public problems, the reasoned response, and the
//! field keys and Spanish messages of every new field.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::plans;
use plan_local_ga::catalog::{self, PndEdition};
use plan_local_ga::domain::commitment::{
    pnd_axis_key, pnd_axis_label, AlignmentInput, ObjectivesInput, OgpValue, ValueReason,
    ValuesInput,
};
use plan_local_ga::domain::contact::{
    Branch, ContactInput, Email, Phone, Sector, WebAddress, MAX_URL,
};
use plan_local_ga::domain::coordination::{
    BodyInput, Coordination, CoordinationBody, CoordinationGap, Member, MemberInput,
    OrganizationInput, PoliticalInput,
};
use plan_local_ga::domain::error::{PHASE_END_IDS, PHASE_START_IDS, VALUE_REASON_IDS};
use plan_local_ga::domain::key_action::{
    parse_whole, spread_remainder, weight_total, weighted_progress, ActivityInput, KeyAction,
    KeyActionInput, Weight,
};
use plan_local_ga::domain::methodology::{Step, TaskStatus};
use plan_local_ga::domain::monitoring::{Decision, MonitoringInput, ResponseInput};
use plan_local_ga::domain::plan::{CommitmentIssue, FichaPart};
use plan_local_ga::domain::problem::{ProblemAdvice, ProblemInput};
use plan_local_ga::domain::profile::{FrameworkInput, OfficeInput, MIN_MONTHS_LEFT};
use plan_local_ga::domain::readiness::{ANSWER_IDS, EVIDENCE_IDS};
use plan_local_ga::domain::roadmap::{Phase, RoadmapGap, RoadmapInput};
use plan_local_ga::domain::{
    parse_date, Commitment, CommitmentId, CommitmentInput, Field, FieldError, ItemId, Named,
    NationalPlan, Period, Plan, Problem, ProfileInput,
};
use plan_local_ga::messages;
use plan_local_ga::persistence::{decode, encode, Envelope};
use proptest::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use time::macros::{date, datetime};

// ---------------------------------------------------------------------------------
// Helpers

/// The commitment period used throughout: 02/01/2026 to 31/07/2027.
const C_START: &str = "02/01/2026";
const C_END: &str = "31/07/2027";

fn period(start: &str, end: &str) -> Period {
    Period::new(
        parse_date(start).expect("start"),
        parse_date(end).expect("end"),
    )
    .expect("start before end")
}

fn commitment_period() -> Period {
    period(C_START, C_END)
}

fn err(field: impl Into<Field>, problem: Problem) -> FieldError {
    FieldError::new(field.into(), problem)
}

fn message(field: impl Into<Field>, problem: Problem) -> String {
    messages::field_error(&err(field, problem))
}

/// A plan with the Querétaro profile and one complete commitment whose key
/// actions have `weights`.
fn plan_with_weights(weights: &[u8]) -> (Plan, Commitment) {
    let mut c = plans::complete_commitment(CommitmentId(1), C_START, C_END);
    c.key_actions = weights
        .iter()
        .zip(1..)
        .map(|(w, id)| plans::key_action(id, *w, C_START, C_END, c.period.clone()))
        .collect();
    let plan = Plan {
        profile: Some(plans::profile()),
        commitments: vec![c.clone()],
        ..Plan::default()
    };
    (plan, c)
}

fn with_progress(mut k: KeyAction, progress: Option<u8>) -> KeyAction {
    k.progress = progress;
    k
}

/// A member of sector `affiliation`, or "sector/branch" ("gobierno/autonomo",
/// "/municipal" for a branch without a sector).
fn member(id: u32, affiliation: &str) -> Member {
    let (sector, branch) = affiliation.split_once('/').unwrap_or((affiliation, ""));
    MemberInput {
        contact: ContactInput {
            sector: sector.into(),
            branch: branch.into(),
            ..plans::person("Ana Ruiz", "Institución")
        },
        role: "Integrante".into(),
    }
    .parse(ItemId(id))
    .expect("valid member")
}

fn body_input(cadence: &str, rules_url: &str) -> BodyInput {
    BodyInput {
        kind: "stl".into(),
        name: "Secretariado Técnico Local de Querétaro".into(),
        rules_url: rules_url.into(),
        cadence: cadence.into(),
        ..BodyInput::default()
    }
}

fn body(cadence: &str, rules_url: &str) -> CoordinationBody {
    body_input(cadence, rules_url).parse().expect("valid body")
}

const RULES: &str = "https://queretaro.gob.mx/gobierno-abierto/reglas";

fn coordination(body: CoordinationBody, sectors: &[&str]) -> Coordination {
    Coordination {
        body: Some(body),
        members: sectors
            .iter()
            .zip(1..)
            .map(|(s, id)| member(id, s))
            .collect(),
        organizations: Vec::new(),
        unknown: Default::default(),
    }
}

fn coordination_status(c: Coordination) -> TaskStatus {
    let plan = Plan {
        coordination: c,
        ..Plan::default()
    };
    Step::Coordination.status(&plan, false)
}

fn roadmap_input(dates: &[(usize, &str, &str)], published: &str) -> RoadmapInput {
    let mut input = RoadmapInput {
        published_on: published.into(),
        ..RoadmapInput::default()
    };
    for (i, start, end) in dates {
        input
            .phase_dates
            .insert(PHASE_START_IDS[*i].into(), (*start).into());
        input
            .phase_dates
            .insert(PHASE_END_IDS[*i].into(), (*end).into());
    }
    input
}

fn problem_input(statement: &str) -> ProblemInput {
    ProblemInput {
        statement: statement.into(),
        affected_population: "Habitantes de las colonias periféricas".into(),
        origin: "consulta".into(),
        priority: "alta".into(),
        ..ProblemInput::default()
    }
}

fn response_input(decision: &str, commitment: &str) -> ResponseInput {
    ResponseInput {
        input: "Publicar el padrón de beneficiarios".into(),
        decision: decision.into(),
        commitment: commitment.into(),
        reason: "Se integró a la acción clave 2".into(),
        ..ResponseInput::default()
    }
}

fn values_input(values: &str, reasons: bool) -> ValuesInput {
    let reason = |r: &str| if reasons { r.to_owned() } else { String::new() };
    ValuesInput {
        values: values.into(),
        transparencia: reason("Publica el presupuesto"),
        participacion: reason("Las colonias deciden"),
        rendicion: reason("Se informa cada trimestre"),
        tecnologia: reason("Portal de datos"),
        inclusion: reason("Asambleas en lenguas originarias"),
    }
}

// ---------------------------------------------------------------------------------
// Key actions: weights and progress

#[test]
fn weights_35_40_25_add_up_to_100() {
    let p = commitment_period();
    let actions = [
        plans::key_action(1, 35, C_START, C_END, p.clone()),
        plans::key_action(2, 40, C_START, C_END, p.clone()),
        plans::key_action(3, 25, C_START, C_END, p),
    ];
    assert_eq!(weight_total(&actions), 100);
    assert_eq!(weight_total(&[]), 0);
}

#[test]
fn weights_must_add_up_to_exactly_100() {
    let (plan, c) = plan_with_weights(&[35, 40, 25]);
    assert_eq!(plan.commitment_issues(&c), vec![]);
    assert!(plan.commitment_complete(&c));
    assert!(plan.pending(&c, FichaPart::KeyActions).is_empty());

    for (weights, total) in [(&[34u8, 40, 25], 99), (&[35, 40, 26], 101)] {
        let (plan, c) = plan_with_weights(weights);
        assert_eq!(
            plan.commitment_issues(&c),
            vec![CommitmentIssue::WeightsDoNotAddUp { total }],
            "{weights:?}"
        );
        assert!(!plan.commitment_complete(&c));
        assert!(!plan.pending(&c, FichaPart::KeyActions).is_empty());
        assert_eq!(
            Step::Commitments.status(&plan, false),
            TaskStatus::HasProblem
        );
    }

    // No key actions yet: nothing to add up (the ficha is just not complete).
    let (plan, c) = plan_with_weights(&[]);
    assert_eq!(plan.commitment_issues(&c), vec![]);
    assert!(!plan.pending(&c, FichaPart::KeyActions).is_empty());
    assert_eq!(
        Step::Commitments.status(&plan, false),
        TaskStatus::InProgress
    );
}

#[test]
fn spread_remainder_gives_the_odd_points_to_the_first_actions() {
    let out = spread_remainder(&[33, 33, 33]).expect("three weights");
    assert_eq!(out, vec![34, 33, 33], "only the first changes, by +1");
    assert_eq!(out.iter().map(|w| u32::from(*w)).sum::<u32>(), 100);

    assert_eq!(spread_remainder(&[1, 1, 1]), Some(vec![34, 33, 33]));
    assert_eq!(spread_remainder(&[35, 40, 25]), Some(vec![35, 40, 25]));
    assert_eq!(
        spread_remainder(&[0, 0]),
        Some(vec![50, 50]),
        "0 counts as 1"
    );
}

#[test]
fn spread_remainder_takes_an_excess_from_the_heaviest_never_below_1() {
    let out = spread_remainder(&[50, 40, 20]).expect("three weights");
    assert_eq!(out.iter().map(|w| u32::from(*w)).sum::<u32>(), 100);
    assert!(out.iter().all(|w| *w >= 1));
    assert_eq!(out, vec![40, 40, 20]);

    let out = spread_remainder(&[100, 100]).expect("two weights");
    assert_eq!(out, vec![50, 50]);

    let out = spread_remainder(&[100, 1, 1, 1]).expect("four weights");
    assert_eq!(out, vec![97, 1, 1, 1]);

    // A hundred actions can only have 1 point each.
    assert_eq!(spread_remainder(&[100; 100]), Some(vec![1; 100]));
}

#[test]
fn spread_remainder_has_nothing_to_do_without_weights_or_with_too_many() {
    assert_eq!(spread_remainder(&[]), None);
    assert_eq!(spread_remainder(&[1; 101]), None);
}

fn cases() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1000),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn spread_remainder_always_gives_100_with_each_weight_at_least_1(
        weights in prop::collection::vec(1u8..=100, 1..=20),
    ) {
        let out = spread_remainder(&weights).expect("1 to 20 weights");
        prop_assert_eq!(out.len(), weights.len());
        prop_assert_eq!(out.iter().map(|w| u32::from(*w)).sum::<u32>(), 100);
        prop_assert!(out.iter().all(|w| *w >= 1));
        // A shortfall only adds points; an excess only takes them.
        let total: u32 = weights.iter().map(|w| u32::from(*w)).sum();
        for (before, after) in weights.iter().zip(&out) {
            if total <= 100 {
                prop_assert!(after >= before);
            } else {
                prop_assert!(after <= before);
            }
        }
        // Weights that already add up to 100 stay as they are.
        prop_assert_eq!(spread_remainder(&out), Some(out.clone()));
    }
}

#[test]
fn whole_numbers_are_read_with_or_without_percent_sign() {
    assert_eq!(parse_whole("35", 1, 100), Ok(35));
    assert_eq!(parse_whole(" 35 % ", 1, 100), Ok(35));
    assert_eq!(parse_whole("35%", 1, 100), Ok(35));
    assert_eq!(parse_whole("100", 1, 100), Ok(100));
    assert_eq!(parse_whole("", 1, 100), Err(Problem::Missing));
    assert_eq!(parse_whole(" % ", 1, 100), Err(Problem::Missing));
    for bad in ["35.5", "35,5", "-1", "abc", "3 5", "+35"] {
        assert_eq!(
            parse_whole(bad, 1, 100),
            Err(Problem::NotAWholeNumber),
            "{bad}"
        );
    }
    let range = Problem::OutOfRange { min: 1, max: 100 };
    assert_eq!(parse_whole("0", 1, 100), Err(range.clone()));
    assert_eq!(parse_whole("101", 1, 100), Err(range.clone()));
    assert_eq!(
        parse_whole("99999999999", 1, 100),
        Err(Problem::NotAWholeNumber)
    );

    // On the key action page.
    let e = plans::key_action_input("0", C_START, C_END)
        .parse(ItemId(1), commitment_period(), Vec::new())
        .expect_err("weight 0");
    assert_eq!(e, vec![err(Named::Weight, range.clone())]);
    assert_eq!(
        messages::field_error(&e[0]),
        "La ponderación debe ser un número entre 1 y 100"
    );
    let e = plans::key_action_input("35.5", C_START, C_END)
        .parse(ItemId(1), commitment_period(), Vec::new())
        .expect_err("decimals");
    assert_eq!(e, vec![err(Named::Weight, Problem::NotAWholeNumber)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "La ponderación debe ser un número entero, sin decimales, por ejemplo 35"
    );
    let e = plans::key_action_input("", C_START, C_END)
        .parse(ItemId(1), commitment_period(), Vec::new())
        .expect_err("no weight");
    assert_eq!(e, vec![err(Named::Weight, Problem::Missing)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "Escriba la ponderación de la acción clave, de 1 a 100"
    );
    let k = plans::key_action_input(" 35 % ", C_START, C_END)
        .parse(ItemId(1), commitment_period(), Vec::new())
        .expect("35 %");
    assert_eq!(k.weight, Weight::new(35).ok());

    // Progress is optional, 0-100.
    let mut input = plans::key_action_input("35", C_START, C_END);
    input.progress = "0".into();
    let k = input
        .parse(ItemId(1), commitment_period(), Vec::new())
        .expect("0 % progress");
    assert_eq!(k.progress, Some(0));
    input.progress = "101".into();
    let e = input
        .parse(ItemId(1), commitment_period(), Vec::new())
        .expect_err("101 %");
    assert_eq!(
        e,
        vec![err(
            Named::Progress,
            Problem::OutOfRange { min: 0, max: 100 }
        )]
    );
    assert_eq!(
        messages::field_error(&e[0]),
        "El avance debe ser un número entre 0 y 100"
    );
}

#[test]
fn progress_rolls_up_by_weight_in_hundredths_of_a_percent() {
    let p = commitment_period();
    let actions = [
        with_progress(
            plans::key_action(1, 35, C_START, C_END, p.clone()),
            Some(100),
        ),
        with_progress(
            plans::key_action(2, 40, C_START, C_END, p.clone()),
            Some(50),
        ),
        with_progress(plans::key_action(3, 25, C_START, C_END, p), Some(0)),
    ];
    assert_eq!(weighted_progress(&actions), 5500);
    // No progress reported counts as 0.
    let mut none = actions.clone();
    none[2].progress = None;
    assert_eq!(weighted_progress(&none), 5500);
    let all_done: Vec<KeyAction> = actions
        .iter()
        .cloned()
        .map(|k| with_progress(k, Some(100)))
        .collect();
    assert_eq!(weighted_progress(&all_done), 10_000);
    assert_eq!(weighted_progress(&[]), 0);
}

// ---------------------------------------------------------------------------------
// Nested dates: plan ⊇ commitment ⊇ key action ⊇ activity

#[test]
fn a_key_action_must_lie_within_its_commitment() {
    let c = commitment_period();
    let outside = Problem::OutsideCommitment { period: c.clone() };
    let e = plans::key_action_input("35", "01/01/2026", "30/06/2026")
        .parse(ItemId(1), c.clone(), Vec::new())
        .expect_err("starts before the commitment");
    assert_eq!(e, vec![err(Named::KeyActionStart, outside.clone())]);
    assert_eq!(
        messages::field_error(&e[0]),
        "La fecha de inicio de la acción clave debe estar dentro de las fechas del compromiso, del 02/01/2026 al 31/07/2027"
    );
    let e = plans::key_action_input("35", "01/02/2026", "01/08/2027")
        .parse(ItemId(1), c.clone(), Vec::new())
        .expect_err("ends after the commitment");
    assert_eq!(e, vec![err(Named::KeyActionEnd, outside.clone())]);
    let e = plans::key_action_input("35", "01/01/2025", "01/01/2028")
        .parse(ItemId(1), c.clone(), Vec::new())
        .expect_err("both");
    assert_eq!(
        e,
        vec![
            err(Named::KeyActionStart, outside.clone()),
            err(Named::KeyActionEnd, outside)
        ]
    );
    // The commitment's own first and last days are within it.
    assert!(plans::key_action_input("35", C_START, C_END)
        .parse(ItemId(1), c.clone(), Vec::new())
        .is_ok());
    // End before start.
    let e = plans::key_action_input("35", "01/06/2026", "01/03/2026")
        .parse(ItemId(1), c, Vec::new())
        .expect_err("end before start");
    assert_eq!(e, vec![err(Named::KeyActionEnd, Problem::EndNotAfterStart)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "La fecha de término debe ser posterior a la fecha de inicio"
    );
}

fn activity(start: &str, end: &str) -> ActivityInput {
    ActivityInput {
        name: "Taller con las colonias".into(),
        start: start.into(),
        end: end.into(),
        ..ActivityInput::default()
    }
}

#[test]
fn an_activity_has_no_dates_or_both_within_its_key_action() {
    let ka = period("01/02/2026", "30/06/2026");
    let outside = Problem::OutsideKeyAction { period: ka.clone() };

    let a = activity("", "")
        .parse(ItemId(1), ka.clone())
        .expect("no dates is fine");
    assert_eq!(a.period, None);

    let a = activity("01/03/2026", "31/03/2026")
        .parse(ItemId(1), ka.clone())
        .expect("within");
    assert_eq!(a.period, Some(period("01/03/2026", "31/03/2026")));

    let e = activity("15/01/2026", "31/03/2026")
        .parse(ItemId(1), ka.clone())
        .expect_err("starts before");
    assert_eq!(e, vec![err(Named::ActivityStart, outside.clone())]);
    let e = activity("01/03/2026", "01/07/2026")
        .parse(ItemId(1), ka.clone())
        .expect_err("ends after");
    assert_eq!(e, vec![err(Named::ActivityEnd, outside)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "La fecha de término de la actividad debe estar dentro de las fechas de la acción clave, del 01/02/2026 al 30/06/2026"
    );

    let e = activity("01/03/2026", "")
        .parse(ItemId(1), ka.clone())
        .expect_err("only a start");
    assert_eq!(e, vec![err(Named::ActivityEnd, Problem::OtherDateMissing)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "Escriba la fecha de término de la actividad también, o borre la otra fecha: un periodo necesita las dos"
    );
    let e = activity("", "31/03/2026")
        .parse(ItemId(1), ka.clone())
        .expect_err("only an end");
    assert_eq!(
        e,
        vec![err(Named::ActivityStart, Problem::OtherDateMissing)]
    );

    let e = activity("31/03/2026", "01/03/2026")
        .parse(ItemId(1), ka.clone())
        .expect_err("end before start");
    assert_eq!(e, vec![err(Named::ActivityEnd, Problem::EndNotAfterStart)]);
    let e = activity("31/02/2026", "")
        .parse(ItemId(1), ka.clone())
        .expect_err("impossible date, no end");
    assert_eq!(
        e,
        vec![
            err(Named::ActivityStart, Problem::ImpossibleDate),
            err(Named::ActivityEnd, Problem::OtherDateMissing)
        ]
    );
    let e = activity("31/02/2026", "31/03/2026")
        .parse(ItemId(1), ka.clone())
        .expect_err("impossible date");
    assert_eq!(e, vec![err(Named::ActivityStart, Problem::ImpossibleDate)]);

    let e = ActivityInput::default()
        .parse(ItemId(1), ka)
        .expect_err("no name");
    assert_eq!(e, vec![err(Named::ActivityName, Problem::Missing)]);
}

#[test]
fn a_commitment_must_lie_within_the_plan() {
    let plan = plans::profile().period;
    let outside = Problem::OutsidePlanPeriod {
        period: plan.clone(),
    };
    let input = CommitmentInput {
        name: "Presupuesto participativo".into(),
        start: "01/12/2025".into(),
        end: "01/09/2027".into(),
    };
    let e = input
        .parse(CommitmentId(1), Some(plan.clone()), None)
        .expect_err("outside the plan");
    assert_eq!(
        e,
        vec![
            err(Field::CommitmentStart, outside.clone()),
            err(Field::CommitmentEnd, outside)
        ]
    );
    assert_eq!(
        messages::field_error(&e[0]),
        "La fecha de inicio del compromiso debe estar dentro del periodo del plan, del 10/12/2025 al 31/08/2027"
    );
    let e = CommitmentInput {
        start: "01/03/2026".into(),
        end: "01/02/2026".into(),
        ..input
    }
    .parse(CommitmentId(1), Some(plan), None)
    .expect_err("end before start");
    assert_eq!(
        e,
        vec![err(Field::CommitmentEnd, Problem::EndNotAfterStart)]
    );
}

#[test]
fn changing_a_parents_dates_flags_the_children_left_outside() {
    let mut plan = Plan {
        profile: Some(plans::profile()),
        ..Plan::default()
    };
    let mut c = plans::complete_commitment(CommitmentId(1), C_START, C_END);
    // Key action 1 gets an activity in May 2027.
    let ka = c.key_action(ItemId(1)).expect("key action 1").clone();
    let act = activity("01/05/2027", "31/05/2027")
        .parse(ka.next_activity_id(), ka.period)
        .expect("within");
    c.key_action_mut(ItemId(1))
        .expect("key action 1")
        .activities
        .push(act.clone());
    plan.upsert_commitment(c.clone());
    assert_eq!(plan.commitment_issues(&c), vec![]);

    // The commitment now ends in December 2026: both key actions stick out.
    let shorter = CommitmentInput {
        end: "31/12/2026".into(),
        ..CommitmentInput::from_commitment(&c)
    }
    .parse(
        c.id,
        plan.profile.as_ref().map(|p| p.period.clone()),
        Some(&c),
    )
    .expect("valid general data");
    assert_eq!(shorter.key_actions, c.key_actions, "kept as they were");
    plan.upsert_commitment(shorter.clone());
    assert_eq!(
        plan.commitment_issues(&shorter),
        vec![CommitmentIssue::KeyActionsOutside(vec![
            ItemId(1),
            ItemId(2)
        ])]
    );
    assert_eq!(
        Step::Commitments.status(&plan, false),
        TaskStatus::HasProblem
    );

    // Key action 1 is shortened too, keeping its activity, which now sticks out.
    let mut fixed = shorter.clone();
    for k in &mut fixed.key_actions {
        let activities = k.activities.clone();
        *k = KeyActionInput {
            end: "31/12/2026".into(),
            ..KeyActionInput::from_value(k)
        }
        .parse(k.id, fixed.period.clone(), activities)
        .expect("within the commitment");
    }
    assert_eq!(
        plan.commitment_issues(&fixed),
        vec![CommitmentIssue::ActivitiesOutside(vec![(
            ItemId(1),
            act.id
        )])]
    );
    assert_eq!(
        fixed.key_action(ItemId(1)).expect("1").activities_outside(),
        vec![act.id]
    );

    // The plan period shrinks under the commitment.
    let mut profile = plans::profile();
    profile.period = period("10/12/2025", "30/11/2026");
    plan.profile = Some(profile);
    let issues = plan.commitment_issues(&fixed);
    assert_eq!(issues[0], CommitmentIssue::OutsidePlan);
    assert_eq!(plan.commitments_outside_period(), vec![CommitmentId(1)]);
}

// ---------------------------------------------------------------------------------
// Coordination body

#[test]
fn the_body_needs_government_and_non_government_members() {
    let only_government = coordination(
        body("semestral", RULES),
        &["gobierno/ejecutivo", "gobierno/autonomo", "/municipal"],
    );
    assert_eq!(
        only_government.gaps(),
        vec![CoordinationGap::NoNonGovernmentMember]
    );
    assert_eq!(coordination_status(only_government), TaskStatus::HasProblem);

    let only_civil_society = coordination(body("semestral", RULES), &["sociedad-civil"]);
    assert_eq!(
        only_civil_society.gaps(),
        vec![CoordinationGap::NoGovernmentMember]
    );
    assert_eq!(
        coordination_status(only_civil_society),
        TaskStatus::HasProblem
    );

    // No sector and no branch, or an international organisation, is neither.
    let other = coordination(body("semestral", RULES), &["", "organismo-internacional"]);
    assert_eq!(
        other.gaps(),
        vec![
            CoordinationGap::NoGovernmentMember,
            CoordinationGap::NoNonGovernmentMember
        ]
    );

    for (government, non_government) in [
        ("gobierno", "sociedad-civil"),
        ("gobierno/legislativo", "academia"),
        ("gobierno/autonomo", "sector-privado"),
        ("/municipal", "ciudadania"),
        // A public university is academia even when autonomous.
        ("gobierno/judicial", "academia/autonomo"),
    ] {
        let mixed = coordination(body("semestral", RULES), &[government, non_government]);
        assert_eq!(mixed.gaps(), vec![], "{government} + {non_government}");
        assert_eq!(coordination_status(mixed), TaskStatus::Completed);
    }
}

#[test]
fn the_body_meets_at_least_every_six_months_and_publishes_its_rules() {
    let mixed = ["gobierno", "sociedad-civil"];
    for cadence in ["mensual", "bimestral", "trimestral", "semestral"] {
        assert_eq!(
            coordination(body(cadence, RULES), &mixed).gaps(),
            vec![],
            "{cadence}"
        );
    }
    for cadence in ["anual", "sin-definir"] {
        let c = coordination(body(cadence, RULES), &mixed);
        assert_eq!(c.gaps(), vec![CoordinationGap::MeetsTooRarely], "{cadence}");
        assert_eq!(coordination_status(c), TaskStatus::HasProblem);
    }
    let no_rules = coordination(body("semestral", ""), &mixed);
    assert_eq!(no_rules.gaps(), vec![CoordinationGap::NoPublicRules]);
    assert_eq!(coordination_status(no_rules), TaskStatus::HasProblem);

    let everything = coordination(body("anual", ""), &["gobierno"]);
    assert_eq!(
        everything.gaps(),
        vec![
            CoordinationGap::NoNonGovernmentMember,
            CoordinationGap::MeetsTooRarely,
            CoordinationGap::NoPublicRules
        ]
    );
}

#[test]
fn the_coordination_task_follows_the_body_and_its_members() {
    assert_eq!(
        coordination_status(Coordination::default()),
        TaskStatus::NotStarted
    );
    let plan = Plan::default();
    assert_eq!(
        Step::Coordination.status(&plan, true),
        TaskStatus::InProgress
    );
    // No body yet: nothing to check, still in progress.
    let members_only = Coordination {
        members: vec![member(1, "gobierno")],
        ..Coordination::default()
    };
    assert_eq!(members_only.gaps(), vec![]);
    assert_eq!(coordination_status(members_only), TaskStatus::InProgress);
    // A body without members has gaps.
    let no_members = coordination(body("semestral", RULES), &[]);
    assert_eq!(coordination_status(no_members), TaskStatus::HasProblem);
    // Complete, but with unsaved input on the page.
    let plan = Plan {
        coordination: coordination(body("semestral", RULES), &["gobierno", "sociedad-civil"]),
        ..Plan::default()
    };
    assert_eq!(
        Step::Coordination.status(&plan, false),
        TaskStatus::Completed
    );
    assert_eq!(
        Step::Coordination.status(&plan, true),
        TaskStatus::InProgress
    );
}

#[test]
fn a_body_of_kind_other_says_what_it_is() {
    let mut input = body_input("semestral", RULES);
    input.kind = "otro".into();
    let e = input.parse().expect_err("which kind?");
    assert_eq!(e, vec![err(Named::BodyKindOther, Problem::Missing)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "Escriba qué tipo de espacio de coordinación es"
    );
    input.kind_other = "Consejo municipal de participación".into();
    let b = input.parse().expect("described");
    assert_eq!(
        b.kind_other.as_deref(),
        Some("Consejo municipal de participación")
    );
    // Another kind ignores a stale description.
    input.kind = "stl".into();
    assert_eq!(input.parse().expect("stl").kind_other, None);

    let e = BodyInput::default().parse().expect_err("empty");
    assert_eq!(
        e,
        vec![
            err(Named::BodyKind, Problem::Missing),
            err(Named::BodyName, Problem::Missing),
            err(Named::Cadence, Problem::Missing),
        ]
    );
    input.cadence = "quincenal".into();
    assert_eq!(
        input.parse().expect_err("unknown cadence"),
        vec![err(Named::Cadence, Problem::UnknownChoice)]
    );
    assert_eq!(
        message(Named::Cadence, Problem::UnknownChoice),
        "La frecuencia de las sesiones debe elegirse de la lista"
    );
}

#[test]
fn members_need_an_institution_and_nothing_else() {
    let e = MemberInput::default().parse(ItemId(1)).expect_err("empty");
    assert_eq!(e, vec![err(Named::PersonInstitution, Problem::Missing)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "Escriba la institución u organización"
    );
    // An organisation alone, as published plans list their forums.
    let m = MemberInput {
        contact: ContactInput {
            institution: "Cómo Vamos Nuevo León".into(),
            ..ContactInput::default()
        },
        role: String::new(),
    }
    .parse(ItemId(1))
    .expect("an organisation without a person");
    assert_eq!(m.contact.name(), None);
    assert_eq!(m.contact.sector(), None);
    // A sector or branch not in the lists is refused with the field named.
    let e = MemberInput {
        contact: ContactInput {
            sector: "organo-garante".into(),
            branch: "federal".into(),
            ..plans::person("", "INFO NL")
        },
        role: String::new(),
    }
    .parse(ItemId(1))
    .expect_err("old keys");
    assert_eq!(
        e,
        vec![
            err(Named::Sector, Problem::UnknownChoice),
            err(Named::Branch, Problem::UnknownChoice)
        ]
    );
    assert_eq!(
        messages::field_error(&e[1]),
        "El poder o ámbito debe elegirse de la lista"
    );
    assert_eq!(Sector::from_key("gobierno"), Some(Sector::Gobierno));
    assert_eq!(Branch::from_key("autonomo"), Some(Branch::Autonomo));
}

// ---------------------------------------------------------------------------------
// OGP values

#[test]
fn a_commitment_serves_at_least_one_core_value_with_a_reason_for_each() {
    let e = values_input("", true).parse().expect_err("none chosen");
    assert_eq!(e, vec![err(Named::OgpValues, Problem::Missing)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "Seleccione al menos un valor de la Alianza para el Gobierno Abierto"
    );

    let e = values_input("tecnologia,inclusion", true)
        .parse()
        .expect_err("no core value");
    assert_eq!(e, vec![err(Named::OgpValues, Problem::NoCoreValue)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "Seleccione al menos uno de estos valores: transparencia, participación ciudadana o rendición de cuentas"
    );

    let e = values_input("transparencia", false)
        .parse()
        .expect_err("no reason");
    assert_eq!(e, vec![err(Field::ValueReason(0), Problem::Missing)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "Escriba por qué el compromiso se relaciona con la transparencia"
    );
    assert_eq!(Field::ValueReason(0).key(), "razon-transparencia");

    let e = values_input("tecnologia,inclusion", false)
        .parse()
        .expect_err("no core value, no reasons");
    assert_eq!(
        e,
        vec![
            err(Named::OgpValues, Problem::NoCoreValue),
            err(Field::ValueReason(3), Problem::Missing),
            err(Field::ValueReason(4), Problem::Missing),
        ]
    );

    let v = values_input(" inclusion, transparencia ,rendicion,transparencia", true)
        .parse()
        .expect("valid");
    assert_eq!(
        v.iter().map(|v| v.value).collect::<Vec<_>>(),
        vec![
            OgpValue::Transparencia,
            OgpValue::RendicionDeCuentas,
            OgpValue::Inclusion
        ],
        "in OgpValue order, without repeats"
    );
    assert_eq!(
        v[0],
        ValueReason {
            value: OgpValue::Transparencia,
            reason: "Publica el presupuesto".into(),
            unknown: Default::default(),
        }
    );

    let e = values_input("transparencia,apertura", true)
        .parse()
        .expect_err("unknown value");
    assert_eq!(e, vec![err(Named::OgpValues, Problem::UnknownChoice)]);
}

// ---------------------------------------------------------------------------------
// Contacts

#[test]
fn email_addresses() {
    assert_eq!(
        Email::parse("gobierno.abierto@inai.org.mx")
            .expect("valid")
            .as_str(),
        "gobierno.abierto@inai.org.mx"
    );
    assert_eq!(
        Email::parse("alfredo.elizondo @gesoc.org.mx")
            .expect("space before @ pasted from a PDF")
            .as_str(),
        "alfredo.elizondo@gesoc.org.mx"
    );
    assert_eq!(
        Email::parse("  alfredo.elizondo@ gesoc.org.mx ")
            .expect("space after @")
            .as_str(),
        "alfredo.elizondo@gesoc.org.mx"
    );
    for bad in [
        "sin-arroba",
        "a@b",
        "a@@b.mx",
        "a b@c.mx",
        "@gesoc.org.mx",
        "a@.mx",
        "a@b.mx.",
        "a@b..mx",
    ] {
        assert_eq!(Email::parse(bad), Err(Problem::NotAnEmail), "{bad}");
    }
    assert_eq!(Email::parse("   "), Err(Problem::Missing));

    // On a page: the person's e-mail is optional, but must be an address.
    let mut office = OfficeInput {
        name: "Dirección de Gobierno Abierto".into(),
        contact: ContactInput {
            email: "sin-arroba".into(),
            ..plans::person("María López", "")
        },
    };
    let e = office.parse().expect_err("bad e-mail");
    assert_eq!(e, vec![err(Named::PersonEmail, Problem::NotAnEmail)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "El correo electrónico debe escribirse como nombre@dominio.mx"
    );
    office.contact.email = String::new();
    assert_eq!(office.parse().expect("no e-mail").contact.email(), None);
}

#[test]
fn mexican_phone_numbers() {
    for ok in [
        "55 5004 2400",
        "+52 55 5004 2400",
        "5550042400",
        "(55) 5004-2400 ext. 2489",
        "55 5004 2400, ext. 2489",
        "52 55 5004 2400",
        "442.238.7700",
        "55 5004 2400 extensión 2489",
        "55 5004 2400 Ext: 12",
    ] {
        let p = Phone::parse(ok).unwrap_or_else(|e| panic!("{ok}: {e:?}"));
        assert_eq!(p.as_str(), ok, "kept as typed");
    }
    assert_eq!(
        Phone::parse("  55 5004 2400 ").expect("trimmed").as_str(),
        "55 5004 2400"
    );
    for bad in [
        "5004 2400",
        "+1 555 000 0000",
        "55 5004 2400 ext.",
        "teléfono",
        "+52 +52 5550042400",
        "55 5004 24001",
        "55 5004 2400 ext. 1234567",
        "ext. 2489",
    ] {
        assert_eq!(Phone::parse(bad), Err(Problem::NotAPhone), "{bad}");
    }
    assert_eq!(Phone::parse(""), Err(Problem::Missing));
    assert_eq!(
        message(Named::PersonPhone, Problem::NotAPhone),
        "El teléfono debe tener 10 dígitos, por ejemplo 55 5004 2400; puede agregar +52 y la extensión"
    );
}

#[test]
fn web_addresses() {
    let ok = "https://micrositios.inai.org.mx/gobiernoabierto/?page_id=877";
    assert_eq!(WebAddress::parse(ok).expect("valid").as_str(), ok);
    assert!(WebAddress::parse("http://queretaro.gob.mx").is_ok());
    assert!(WebAddress::parse("HTTPS://QUERETARO.GOB.MX/Transparencia").is_ok());
    for bad in [
        "ttps://micrositios.inai.org.mx",
        "www.ejemplo.mx",
        "https://localhost",
        "https://",
        "https://ejemplo .mx",
        "ftp://ejemplo.mx",
        "https://.ejemplo.mx",
    ] {
        assert_eq!(WebAddress::parse(bad), Err(Problem::NotAUrl), "{bad}");
    }
    assert_eq!(WebAddress::parse(" "), Err(Problem::Missing));
    let long = format!("https://ejemplo.mx/{}", "a".repeat(MAX_URL));
    assert_eq!(
        WebAddress::parse(&long),
        Err(Problem::TooLong { max: MAX_URL })
    );

    let e = body_input("semestral", "www.ejemplo.mx")
        .parse()
        .expect_err("no scheme");
    assert_eq!(e, vec![err(Named::RulesUrl, Problem::NotAUrl)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "La liga a las reglas de participación debe empezar con https:// o http://, por ejemplo https://www.ejemplo.gob.mx"
    );
}

// ---------------------------------------------------------------------------------
// Profile: the administration's term

fn profile_with_term(term_end: &str) -> ProfileInput {
    let p = plans::profile();
    ProfileInput {
        term_end: term_end.into(),
        ..ProfileInput::from_profile(&p)
    }
}

#[test]
fn the_term_end_is_optional_and_a_date() {
    let p = profile_with_term("").parse().expect("no term end");
    assert_eq!(p.term_end, None);
    assert_eq!(p.months_left(date!(2025 - 12 - 10)), None);
    assert!(
        !p.term_too_short(date!(2025 - 12 - 10)),
        "unknown: no warning"
    );

    let p = profile_with_term("30/09/2027").parse().expect("term end");
    assert_eq!(p.term_end, Some(date!(2027 - 09 - 30).into()));
    assert_eq!(
        ProfileInput::from_profile(&p).term_end,
        "30/09/2027",
        "shown again"
    );

    let e = profile_with_term("mañana").parse().expect_err("not a date");
    assert_eq!(e, vec![err(Named::TermEnd, Problem::NotADate)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "La fecha en que termina la administración debe escribirse como día/mes/año, mes/año o año, por ejemplo 31/08/2021, 08/2021, agosto de 2021 o 2021"
    );
    // A term end published as a month counts to the month's last day.
    let p = profile_with_term("septiembre de 2027")
        .parse()
        .expect("a month");
    assert_eq!(p.months_left(date!(2025 - 12 - 10)), Some(21));
    assert_eq!(
        ProfileInput::from_profile(&p).term_end,
        "septiembre de 2027"
    );
    assert_eq!(Field::from(Named::TermEnd).key(), "fin-administracion");
}

#[test]
fn a_term_ending_in_less_than_16_months_is_too_short() {
    assert_eq!(MIN_MONTHS_LEFT, 16);
    let today = date!(2025 - 12 - 10);
    let months = |term_end: &str| {
        let p = profile_with_term(term_end).parse().expect("valid");
        (p.months_left(today), p.term_too_short(today))
    };
    assert_eq!(months("10/03/2027"), (Some(15), true));
    assert_eq!(months("09/04/2027"), (Some(15), true), "a day short of 16");
    assert_eq!(months("10/04/2027"), (Some(16), false));
    assert_eq!(months("10/05/2027"), (Some(17), false));
    assert_eq!(months("30/09/2027"), (Some(21), false));
    assert_eq!(months("01/01/2025"), (Some(-12), true), "already over");
}

// ---------------------------------------------------------------------------------
// Roadmap

#[test]
fn a_roadmap_phase_has_both_dates_or_none() {
    let e = roadmap_input(&[(1, "01/03/2026", "")], "")
        .parse()
        .expect_err("only a start");
    assert_eq!(e, vec![err(Field::Phase(1, true), Problem::Missing)]);
    assert_eq!(Field::Phase(1, true).key(), "fase-consulta-termino");
    assert_eq!(
        messages::field_error(&e[0]),
        "Escriba la fecha de término de la fase «Consulta pública»"
    );
    let e = roadmap_input(&[(0, "", "28/02/2026")], "")
        .parse()
        .expect_err("only an end");
    assert_eq!(e, vec![err(Field::Phase(0, false), Problem::Missing)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "Escriba la fecha de inicio de la fase «Sensibilización y difusión»"
    );
    let e = roadmap_input(&[(2, "30/04/2026", "01/04/2026")], "")
        .parse()
        .expect_err("end before start");
    assert_eq!(
        e,
        vec![err(Field::Phase(2, true), Problem::EndNotAfterStart)]
    );

    let r = roadmap_input(&[], "").parse().expect("nothing yet");
    assert!(r.phases.is_empty());
}

#[test]
fn the_roadmap_is_published_before_cocreation_starts() {
    let phases = [
        (0, "01/02/2026", "28/02/2026"),
        (1, "01/03/2026", "31/03/2026"),
        (2, "01/04/2026", "30/04/2026"),
    ];
    let r = roadmap_input(&phases, "15/02/2026").parse().expect("valid");
    assert_eq!(
        r.phases.iter().map(|p| p.phase).collect::<Vec<_>>(),
        vec![
            Phase::Sensibilizacion,
            Phase::Consulta,
            Phase::MesasTematicas
        ]
    );
    assert_eq!(r.cocreation_start(), Some(date!(2026 - 03 - 01).into()));
    assert_eq!(r.gaps(), vec![], "published during awareness-raising");
    let r = roadmap_input(&phases, "01/03/2026").parse().expect("valid");
    assert_eq!(r.gaps(), vec![], "published the day consultation starts");

    let r = roadmap_input(&phases, "02/03/2026").parse().expect("valid");
    assert_eq!(r.gaps(), vec![RoadmapGap::NotPublishedBeforeCocreation]);
    let r = roadmap_input(&phases, "").parse().expect("valid");
    assert_eq!(r.gaps(), vec![RoadmapGap::NotPublishedBeforeCocreation]);

    let r = roadmap_input(&[], "").parse().expect("valid");
    assert_eq!(
        r.gaps(),
        vec![
            RoadmapGap::NoPhases,
            RoadmapGap::NotPublishedBeforeCocreation
        ]
    );
}

// ---------------------------------------------------------------------------------
// Public problems

#[test]
fn a_problem_phrased_as_a_missing_solution_gets_advice() {
    let p = problem_input("Falta de un portal de datos")
        .parse(ItemId(1))
        .expect("valid");
    assert!(p
        .advice()
        .contains(&ProblemAdvice::PhrasedAsMissingSolution));
    for statement in [
        "No existe un padrón público",
        "  no hay información del gasto",
        "Carencia de datos abiertos",
        "AUSENCIA DE un sistema",
    ] {
        let p = problem_input(statement).parse(ItemId(1)).expect("valid");
        assert!(
            p.advice()
                .contains(&ProblemAdvice::PhrasedAsMissingSolution),
            "{statement}"
        );
    }

    let proper = ProblemInput {
        baseline: "El 78 % no sabe en qué se gasta el presupuesto (ENCIG 2023)".into(),
        baseline_source: "INEGI, ENCIG 2023".into(),
        causes: "La información se publica en PDF escaneado y sin lenguaje ciudadano".into(),
        ..problem_input(
            "Las personas de las colonias periféricas no saben en qué se gasta el presupuesto",
        )
    }
    .parse(ItemId(1))
    .expect("valid");
    assert_eq!(proper.advice(), vec![]);

    let bare = problem_input("Las personas no saben en qué se gasta el presupuesto")
        .parse(ItemId(1))
        .expect("valid");
    assert_eq!(
        bare.advice(),
        vec![ProblemAdvice::NoCause, ProblemAdvice::NoBaseline]
    );

    let e = ProblemInput::default().parse(ItemId(1)).expect_err("empty");
    assert_eq!(
        e,
        vec![
            err(Named::ProblemStatement, Problem::Missing),
            err(Named::AffectedPopulation, Problem::Missing),
            err(Named::InputOrigin, Problem::Missing),
            err(Named::Priority, Problem::Missing),
        ]
    );
    assert_eq!(messages::field_error(&e[0]), "Escriba el problema público");
}

// ---------------------------------------------------------------------------------
// Reasoned response

#[test]
fn an_incorporated_input_names_its_commitment() {
    let ids = [CommitmentId(1), CommitmentId(3)];
    for decision in ["incorporada", "fusionada"] {
        let e = response_input(decision, "")
            .parse(ItemId(1), &ids)
            .expect_err("which commitment?");
        assert_eq!(
            e,
            vec![err(Named::ResponseCommitment, Problem::Missing)],
            "{decision}"
        );
    }
    assert_eq!(
        message(Named::ResponseCommitment, Problem::Missing),
        "Seleccione el compromiso al que se incorporó la propuesta"
    );

    let r = response_input("incorporada", "3")
        .parse(ItemId(1), &ids)
        .expect("valid");
    assert_eq!(r.decision, Some(Decision::Incorporada));
    assert_eq!(r.commitment, Some(CommitmentId(3)));

    let r = response_input("no-incorporada", "")
        .parse(ItemId(1), &ids)
        .expect("not incorporated needs no commitment");
    assert_eq!(r.commitment, None);
    let r = response_input("no-incorporada", "1")
        .parse(ItemId(1), &ids)
        .expect("a stale choice is dropped");
    assert_eq!(r.commitment, None);

    for unknown in ["2", "abc", "-1"] {
        let e = response_input("incorporada", unknown)
            .parse(ItemId(1), &ids)
            .expect_err("not a commitment of the plan");
        assert_eq!(
            e,
            vec![err(Named::ResponseCommitment, Problem::UnknownChoice)],
            "{unknown}"
        );
    }
    assert_eq!(
        message(Named::ResponseCommitment, Problem::UnknownChoice),
        "El compromiso debe elegirse de la lista"
    );

    let e = ResponseInput::default()
        .parse(ItemId(1), &ids)
        .expect_err("empty");
    assert_eq!(
        e,
        vec![
            err(Named::ResponseInput, Problem::Missing),
            err(Named::Decision, Problem::Missing),
            err(Named::Reason, Problem::Missing),
        ]
    );
}

// ---------------------------------------------------------------------------------
// Field keys and messages

fn is_kebab(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with('-')
        && !key.ends_with('-')
        && !key.contains("--")
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn every_named_field_has_a_unique_kebab_key() {
    let mut seen = BTreeSet::new();
    for n in Named::ALL {
        let key = n.key();
        assert!(is_kebab(key), "{n:?}: {key}");
        assert!(seen.insert(key), "{n:?}: {key} used twice");
        assert_eq!(Field::from(*n).key(), key);
    }
    assert!(Named::ALL.len() > 80, "{}", Named::ALL.len());
    // No named field shares a key with another kind of field.
    let others = [
        Field::JurisdictionKind,
        Field::State,
        Field::Municipality,
        Field::PlanName,
        Field::PlanStart,
        Field::PlanEnd,
        Field::CommitmentName,
        Field::CommitmentStart,
        Field::CommitmentEnd,
        Field::NationalRelation,
        Field::NationalCommitment,
        Field::SdgTargets,
    ];
    let indexed = VALUE_REASON_IDS
        .iter()
        .chain(&PHASE_START_IDS)
        .chain(&PHASE_END_IDS)
        .chain(&ANSWER_IDS)
        .chain(&EVIDENCE_IDS)
        .copied();
    for key in others.iter().map(|f| f.key()).chain(indexed) {
        assert!(is_kebab(key), "{key}");
        assert!(seen.insert(key), "{key} used twice");
    }
    // Indexed keys follow their lists.
    for (i, v) in OgpValue::ALL.iter().enumerate() {
        assert_eq!(
            Field::ValueReason(i as u8).key(),
            format!("razon-{}", v.key())
        );
    }
    for (i, p) in Phase::ALL.iter().enumerate() {
        assert_eq!(
            Field::Phase(i as u8, false).key(),
            format!("fase-{}-inicio", p.key())
        );
        assert_eq!(
            Field::Phase(i as u8, true).key(),
            format!("fase-{}-termino", p.key())
        );
    }
}

#[test]
fn every_named_field_has_spanish_messages_saying_what_to_do() {
    let mut subjects = BTreeSet::new();
    for n in Named::ALL {
        let missing = message(*n, Problem::Missing);
        assert!(!missing.trim().is_empty(), "{n:?}");
        assert!(
            ["Escriba ", "Seleccione ", "Describa ", "Elija "]
                .iter()
                .any(|verb| missing.starts_with(verb)),
            "{n:?}: {missing}"
        );
        // The subject of a sentence, as in "El teléfono debe tener…".
        let too_long = message(*n, Problem::TooLong { max: 300 });
        let subject = too_long
            .strip_suffix(" debe tener 300 caracteres o menos")
            .unwrap_or_else(|| panic!("{n:?}: {too_long}"));
        assert!(
            subject.chars().next().is_some_and(char::is_uppercase),
            "{n:?}: «{subject}»"
        );
        subjects.insert(subject.to_owned());
        for m in [
            &missing,
            &too_long,
            &message(*n, Problem::UnknownChoice),
            &message(*n, Problem::NotADate),
            &message(*n, Problem::NotAUrl),
        ] {
            let lower = m.to_lowercase();
            for banned in [
                "inválid",
                "favor",
                "lo sentimos",
                "campo obligatorio",
                "error",
            ] {
                assert!(!lower.contains(banned), "{n:?}: {m}");
            }
        }
    }
    assert!(subjects.len() > 70, "most subjects are distinct");
}

/// The keys of an input as stored in a draft's unsaved input.
fn keys<T: Serialize>(input: &T) -> BTreeSet<String> {
    serde_json::to_value(input)
        .expect("json")
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

/// The input with "x" typed in every field.
fn garbage<T: Serialize + DeserializeOwned>(input: &T) -> T {
    let mut v = serde_json::to_value(input).expect("json");
    for (_, value) in v.as_object_mut().expect("an object") {
        *value = "x".into();
    }
    serde_json::from_value(v).expect("back")
}

/// Every error a page reports names a control of that page (the error summary
/// links to it and unsaved input is stored under it).
fn errors_name_controls<T: Serialize>(input: &T, errors: &[FieldError]) {
    let keys = keys(input);
    assert!(!errors.is_empty());
    for e in errors {
        assert!(
            keys.contains(e.field.key()),
            "{:?} ({}) is not one of {keys:?}",
            e.field,
            e.field.key()
        );
        assert!(!messages::field_error(e).is_empty());
    }
    for k in &keys {
        let known = Named::ALL.iter().any(|n| n.key() == k)
            || [
                Field::NationalRelation,
                Field::NationalCommitment,
                Field::SdgTargets,
            ]
            .iter()
            .any(|f| f.key() == k)
            || VALUE_REASON_IDS.contains(&k.as_str())
            || PHASE_START_IDS.contains(&k.as_str())
            || PHASE_END_IDS.contains(&k.as_str());
        assert!(known, "{k} is not a field key");
    }
}

#[test]
fn every_page_reports_errors_on_its_own_controls() {
    let p = commitment_period();
    let ids = [CommitmentId(1)];
    let fourth = NationalPlan::fourth_plan();

    for input in [MemberInput::default(), garbage(&MemberInput::default())] {
        errors_name_controls(&input, &input.parse(ItemId(1)).expect_err("bad"));
    }
    for input in [
        OrganizationInput::default(),
        garbage(&OrganizationInput::default()),
    ] {
        errors_name_controls(&input, &input.parse(ItemId(1)).expect_err("bad"));
    }
    for input in [ProblemInput::default(), garbage(&ProblemInput::default())] {
        errors_name_controls(&input, &input.parse(ItemId(1)).expect_err("bad"));
    }
    for input in [
        KeyActionInput::default(),
        garbage(&KeyActionInput::default()),
    ] {
        errors_name_controls(
            &input,
            &input
                .parse(ItemId(1), p.clone(), Vec::new())
                .expect_err("bad"),
        );
    }
    for input in [ActivityInput::default(), garbage(&ActivityInput::default())] {
        errors_name_controls(&input, &input.parse(ItemId(1), p.clone()).expect_err("bad"));
    }
    for input in [
        MonitoringInput::default(),
        garbage(&MonitoringInput::default()),
    ] {
        errors_name_controls(&input, &input.parse().expect_err("bad"));
    }
    for input in [ResponseInput::default(), garbage(&ResponseInput::default())] {
        errors_name_controls(&input, &input.parse(ItemId(1), &ids).expect_err("bad"));
    }
    for input in [OfficeInput::default(), garbage(&OfficeInput::default())] {
        errors_name_controls(&input, &input.parse().expect_err("bad"));
    }
    for input in [
        FrameworkInput::default(),
        garbage(&FrameworkInput::default()),
    ] {
        errors_name_controls(&input, &input.parse().expect_err("bad"));
    }
    for input in [
        PoliticalInput::default(),
        garbage(&PoliticalInput::default()),
    ] {
        errors_name_controls(&input, &input.parse().expect_err("bad"));
    }
    for input in [BodyInput::default(), garbage(&BodyInput::default())] {
        errors_name_controls(&input, &input.parse().expect_err("bad"));
    }
    for input in [
        ObjectivesInput::default(),
        garbage(&ObjectivesInput::default()),
    ] {
        errors_name_controls(&input, &input.parse(&[ItemId(1)]).expect_err("bad"));
    }
    for input in [ValuesInput::default(), garbage(&ValuesInput::default())] {
        errors_name_controls(&input, &input.parse().expect_err("bad"));
    }
    let alignment = garbage(&AlignmentInput::default());
    errors_name_controls(
        &alignment,
        &alignment
            .parse(&fourth, Some(PndEdition::Pnd2019))
            .expect_err("bad"),
    );
    let roadmap = RoadmapInput {
        phase_dates: PHASE_START_IDS
            .iter()
            .chain(&PHASE_END_IDS)
            .map(|k| ((*k).to_owned(), "x".to_owned()))
            .collect(),
        ..garbage(&RoadmapInput::default())
    };
    errors_name_controls(&roadmap, &roadmap.parse().expect_err("bad"));
}

// ---------------------------------------------------------------------------------
// Round trips: a saved value shown again on its page parses back to itself

fn assert_round_trip<T: PartialEq + std::fmt::Debug>(value: &T, back: Result<T, Vec<FieldError>>) {
    assert_eq!(back.as_ref(), Ok(value));
}

#[test]
fn member_and_organization_round_trip() {
    let m = MemberInput {
        contact: ContactInput {
            position: "Directora".into(),
            email: "ana.ruiz@observatorio.org.mx".into(),
            phone: "442 123 4567 ext. 12".into(),
            sector: "sociedad-civil".into(),
            ..plans::person("Ana Ruiz", "Observatorio Ciudadano")
        },
        role: "Presidencia".into(),
    }
    .parse(ItemId(4))
    .expect("valid");
    assert_round_trip(&m, MemberInput::from_value(&m).parse(m.id));

    let o = OrganizationInput {
        name: "Gestión Social y Cooperación (GESOC)".into(),
        themes: "Transparencia presupuestaria".into(),
        priority_groups: "Juventudes".into(),
        contact_name: "Alfredo Elizondo".into(),
        email: "alfredo.elizondo @gesoc.org.mx".into(),
        phone: "+52 55 5004 2400".into(),
    }
    .parse(ItemId(2))
    .expect("valid");
    assert_eq!(
        o.email.as_ref().map(Email::as_str),
        Some("alfredo.elizondo@gesoc.org.mx")
    );
    assert_round_trip(&o, OrganizationInput::from_value(&o).parse(o.id));
}

#[test]
fn problem_round_trips() {
    let p = ProblemInput {
        baseline: "78 %".into(),
        baseline_source: "ENCIG 2023".into(),
        causes: "Información en PDF escaneado".into(),
        ..problem_input("Las personas no saben en qué se gasta el presupuesto")
    }
    .parse(ItemId(5))
    .expect("valid");
    assert_round_trip(&p, ProblemInput::from_value(&p).parse(p.id));
}

#[test]
fn key_action_with_responsible_and_progress_and_activity_round_trip() {
    let c = commitment_period();
    let a = ActivityInput {
        objective: "Reunir propuestas".into(),
        verification: "Minuta".into(),
        ..activity("01/03/2026", "31/03/2026")
    }
    .parse(ItemId(1), period("01/02/2026", "30/06/2026"))
    .expect("valid");
    assert_round_trip(
        &a,
        ActivityInput::from_value(&a).parse(a.id, period("01/02/2026", "30/06/2026")),
    );
    let undated = activity("", "").parse(ItemId(2), c.clone()).expect("valid");
    assert_round_trip(
        &undated,
        ActivityInput::from_value(&undated).parse(undated.id, c.clone()),
    );

    let k = KeyActionInput {
        objective: "Que la ciudadanía conozca el gasto".into(),
        indicator_kind: "numerico".into(),
        unit: "Conjuntos de datos".into(),
        baseline: "0".into(),
        target: "12".into(),
        frequency: "trimestral".into(),
        responsible: ContactInput {
            position: "Tesorero".into(),
            email: "tesoreria@queretaro.gob.mx".into(),
            phone: "(442) 238-7700".into(),
            ..plans::person("Juan Pérez", "Tesorería municipal")
        },
        progress: "45 %".into(),
        ..plans::key_action_input("35", "01/02/2026", "30/06/2026")
    }
    .parse(ItemId(3), c.clone(), vec![a.clone(), undated])
    .expect("valid");
    assert_eq!(k.progress, Some(45));
    assert!(k.responsible.is_some());
    assert_round_trip(
        &k,
        KeyActionInput::from_value(&k).parse(k.id, c, k.activities.clone()),
    );
}

#[test]
fn monitoring_and_reasoned_response_round_trip() {
    let m = MonitoringInput {
        frequency: "trimestral".into(),
        dashboard_url: "https://queretaro.gob.mx/tablero".into(),
        repository_url: "https://queretaro.gob.mx/evidencias".into(),
        meetings: "Cada tres meses con el Secretariado Técnico Local".into(),
        updater: "Dirección de Gobierno Abierto".into(),
    }
    .parse()
    .expect("valid");
    assert_round_trip(&m, MonitoringInput::from_value(&m).parse());

    let ids = [CommitmentId(1), CommitmentId(3)];
    for (decision, commitment) in [("incorporada", "3"), ("no-incorporada", "")] {
        let r = ResponseInput {
            source: "Mesa temática de salud, 12/03/2026".into(),
            ..response_input(decision, commitment)
        }
        .parse(ItemId(7), &ids)
        .expect("valid");
        assert_round_trip(&r, ResponseInput::from_value(&r).parse(r.id, &ids));
    }
}

#[test]
fn office_framework_and_political_commitment_round_trip() {
    let o = plans::office();
    assert_round_trip(&o, OfficeInput::from_value(&o).parse());
    let f = plans::framework();
    assert_round_trip(&f, FrameworkInput::from_value(&f).parse());
    assert_eq!(f.legal_framework.len(), 2, "one law per line");

    let p = PoliticalInput {
        kind: "declaratoria".into(),
        signatories: "Presidencia Municipal de Querétaro\n\n  Comisión de Transparencia  \n".into(),
        date: "15/10/2025".into(),
        document_url: "https://queretaro.gob.mx/declaratoria.pdf".into(),
    }
    .parse()
    .expect("valid");
    assert_eq!(
        p.signatories,
        vec![
            "Presidencia Municipal de Querétaro",
            "Comisión de Transparencia"
        ]
    );
    assert_round_trip(&p, PoliticalInput::from_value(&p).parse());
}

#[test]
fn coordination_body_and_roadmap_round_trip() {
    let b = BodyInput {
        kind: "otro".into(),
        kind_other: "Consejo municipal de participación".into(),
        selection_method: "Convocatoria pública".into(),
        installation_date: "03/03/2024".into(),
        installation_url: "https://queretaro.gob.mx/acta".into(),
        monitoring_body: "Contraloría municipal".into(),
        ..body_input("bimestral", RULES)
    }
    .parse()
    .expect("valid");
    assert_round_trip(&b, BodyInput::from_value(&b).parse());

    let r = RoadmapInput {
        channels: "presencial,digital".into(),
        inclusion_groups: "indigenas,mujeres".into(),
        inclusion_strategy: "Asambleas en hñähñu".into(),
        site_url: "https://queretaro.gob.mx/gobierno-abierto".into(),
        repository_url: "https://queretaro.gob.mx/repositorio".into(),
        ..roadmap_input(
            &[
                (0, "01/02/2026", "28/02/2026"),
                (1, "01/03/2026", "31/03/2026"),
                (6, "01/09/2026", "30/09/2026"),
            ],
            "15/02/2026",
        )
    }
    .parse()
    .expect("valid");
    assert_eq!(r.phases.len(), 3);
    assert_round_trip(&r, RoadmapInput::from_value(&r).parse());
}

#[test]
fn objectives_and_values_round_trip() {
    let o = ObjectivesInput {
        short_term: "Publicar el presupuesto cada trimestre".into(),
        medium_term: "Presupuesto participativo en todas las delegaciones".into(),
        problem: "2".into(),
        problem_text: "La ciudadanía no conoce en qué se gasta".into(),
        how_it_helps: "Permite vigilar el gasto".into(),
        assumptions: "Hay presupuesto para el portal".into(),
        verification: "Informes trimestrales publicados".into(),
        other_actors: "Universidad Autónoma de Querétaro".into(),
        summary: "Resumen".into(),
        additional_info: "Nada más".into(),
    }
    .parse(&[ItemId(1), ItemId(2)])
    .expect("valid");
    assert_eq!(o.problem, Some(ItemId(2)));
    assert_round_trip(
        &o,
        ObjectivesInput::from_value(&o).parse(&[ItemId(1), ItemId(2)]),
    );
    let e = ObjectivesInput::from_value(&o)
        .parse(&[ItemId(1)])
        .expect_err("problem 2 was removed");
    assert_eq!(e, vec![err(Named::LinkedProblem, Problem::NotInCatalog)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "El problema público debe elegirse de la lista"
    );

    let v = values_input("transparencia,participacion,inclusion", true)
        .parse()
        .expect("valid");
    assert_round_trip(&v, ValuesInput::from_values(&v).parse());
}

fn alignment_commitment(input: &AlignmentInput, edition: Option<PndEdition>) -> Commitment {
    let mut c = plans::complete_commitment(CommitmentId(1), C_START, C_END);
    c.alignment = input
        .parse(&NationalPlan::fourth_plan(), edition)
        .expect("valid alignment");
    c
}

#[test]
fn alignment_with_a_pnd_axis_round_trips() {
    let edition = Some(PndEdition::Pnd2019);
    let axis = catalog::pnd_axes(PndEdition::Pnd2019)
        .next()
        .expect("an axis of the PND 2019-2024");
    assert_eq!(pnd_axis_key(axis), "general-1");
    assert_eq!(
        pnd_axis_label(axis),
        "Eje general 1. Justicia y Estado de Derecho"
    );
    let input = AlignmentInput {
        relation: "complementa".into(),
        national: "MX0087".into(),
        sdg_targets: "16.6,16.10".into(),
        pnd_axis: "general-1".into(),
        pnd_axis_other: String::new(),
        local_axis: "Eje 5. Gobierno abierto y cercano".into(),
        gender: "Indicadores desagregados por sexo".into(),
    };
    let c = alignment_commitment(&input, edition);
    assert_eq!(
        c.alignment.pnd_axis.as_deref(),
        Some("Eje general 1. Justicia y Estado de Derecho")
    );
    assert_eq!(AlignmentInput::from_commitment(&c, edition), input);
    assert_round_trip(
        &c.alignment,
        AlignmentInput::from_commitment(&c, edition).parse(&NationalPlan::fourth_plan(), edition),
    );
    let transversal = AlignmentInput {
        pnd_axis: "transversal-2".into(),
        ..input.clone()
    };
    let c = alignment_commitment(&transversal, edition);
    assert_eq!(
        c.alignment.pnd_axis.as_deref(),
        Some("Eje transversal 2. Combate a la corrupción y mejora de la gestión pública")
    );
    assert_eq!(AlignmentInput::from_commitment(&c, edition), transversal);

    // Without an edition chosen, or a key of no axis: not in the catalogue.
    for (key, edition) in [("general-1", None), ("general-9", edition)] {
        let e = AlignmentInput {
            pnd_axis: key.into(),
            ..input.clone()
        }
        .parse(&NationalPlan::fourth_plan(), edition)
        .expect_err("no such axis");
        assert_eq!(e, vec![err(Named::PndAxis, Problem::NotInCatalog)], "{key}");
    }
    // A saved axis stays when the framework's edition changes: shown as "otro".
    let c = alignment_commitment(&input, edition);
    let shown = AlignmentInput::from_commitment(&c, Some(PndEdition::Pnd2025));
    assert_eq!(shown.pnd_axis, "otro");
    assert_eq!(
        shown.pnd_axis_other,
        "Eje general 1. Justicia y Estado de Derecho"
    );
    assert_round_trip(
        &c.alignment,
        shown.parse(&NationalPlan::fourth_plan(), Some(PndEdition::Pnd2025)),
    );
}

#[test]
fn alignment_with_another_pnd_axis_round_trips() {
    let input = AlignmentInput {
        relation: "nuevo".into(),
        sdg_targets: "5.5".into(),
        pnd_axis: "otro".into(),
        pnd_axis_other: "Sección I. Política y Gobierno".into(),
        ..AlignmentInput::default()
    };
    for edition in [None, Some(PndEdition::Pnd2019), Some(PndEdition::Pnd2025)] {
        let c = alignment_commitment(&input, edition);
        assert_eq!(
            c.alignment.pnd_axis.as_deref(),
            Some("Sección I. Política y Gobierno")
        );
        assert_eq!(AlignmentInput::from_commitment(&c, edition), input);
        assert_round_trip(
            &c.alignment,
            AlignmentInput::from_commitment(&c, edition)
                .parse(&NationalPlan::fourth_plan(), edition),
        );
    }
    let e = AlignmentInput {
        pnd_axis_other: "  ".into(),
        ..input
    }
    .parse(&NationalPlan::fourth_plan(), None)
    .expect_err("which axis?");
    assert_eq!(e, vec![err(Named::PndAxisOther, Problem::Missing)]);
    assert_eq!(
        messages::field_error(&e[0]),
        "Escriba el eje o la sección del Plan Nacional de Desarrollo"
    );
}

// ---------------------------------------------------------------------------------
// A whole schema-4 plan

/// A plan with every part of the methodology filled in.
fn full_plan() -> Plan {
    let readiness = decode(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/borrador-v3.json"
        ))
        .expect("fixture"),
    )
    .expect("v3 loads")
    .plan
    .readiness;
    let mut second = plans::complete_commitment(CommitmentId(3), "01/03/2026", "30/06/2027");
    second.name = "Datos abiertos de obra pública".into();
    let mut plan = Plan {
        profile: Some(plans::profile()),
        commitments: vec![
            plans::complete_commitment(CommitmentId(1), C_START, C_END),
            second,
        ],
        readiness,
        office: Some(plans::office()),
        framework: Some(plans::framework()),
        political: Some(
            PoliticalInput {
                kind: "declaratoria".into(),
                signatories: "Presidencia Municipal\nComisión de Transparencia".into(),
                date: "15/10/2025".into(),
                document_url: String::new(),
            }
            .parse()
            .expect("valid"),
        ),
        coordination: coordination(body("trimestral", RULES), &["gobierno", "sociedad-civil"]),
        roadmap: Some(
            roadmap_input(&[(1, "01/03/2026", "31/03/2026")], "15/02/2026")
                .parse()
                .expect("valid"),
        ),
        problems: vec![problem_input("Las personas no saben en qué se gasta")
            .parse(ItemId(1))
            .expect("valid")],
        monitoring: Some(
            MonitoringInput {
                frequency: "trimestral".into(),
                meetings: "Cada tres meses".into(),
                updater: "Dirección de Gobierno Abierto".into(),
                ..MonitoringInput::default()
            }
            .parse()
            .expect("valid"),
        ),
        responses: vec![response_input("incorporada", "1")
            .parse(ItemId(1), &[CommitmentId(1), CommitmentId(3)])
            .expect("valid")],
        ..Plan::default()
    };
    // What the quality review needs for the final version: a public
    // repository and a commitment with a gender perspective.
    plan.roadmap.as_mut().expect("roadmap").repository_url = Some(
        plan_local_ga::domain::contact::WebAddress::parse(
            "https://queretaro.gob.mx/gobierno-abierto/repositorio",
        )
        .expect("an address"),
    );
    plan.commitments[0].alignment.gender =
        Some("Indicadores desagregados por sexo; atiende a mujeres jefas de familia.".into());
    plan
}

#[test]
fn a_full_plan_completes_every_task_and_round_trips_through_a_draft() {
    let plan = full_plan();
    for task in Step::ALL {
        let status = task.status(&plan, false);
        match task {
            Step::Review => assert_eq!(status, TaskStatus::NotStarted),
            // Optional: what OGP publishes once the plan is in OGP.
            Step::Ogp => assert_eq!(status, TaskStatus::NotStarted),
            // Implementation starts once the plan is approved.
            Step::Progress => assert_eq!(status, TaskStatus::NotStarted),
            _ => assert_eq!(
                status,
                TaskStatus::Completed,
                "{task:?}: {:#?}",
                plan.quality_review(time::macros::date!(2026 - 12 - 06))
                    .findings()
                    .filter(|f| f.severity() == plan_local_ga::domain::quality::Severity::Required)
                    .collect::<Vec<_>>()
            ),
        }
    }
    let env = Envelope::new(
        plan.clone(),
        Default::default(),
        datetime!(2026-11-25 09:15:31 -06:00),
        1,
    );
    let text = encode(&env);
    let back = decode(&text).expect("round trip");
    assert_eq!(back, env);
    assert_eq!(back.plan, plan);
}

#[test]
fn deleting_a_commitment_unlinks_the_reasoned_responses_that_named_it() {
    let mut plan = Plan::default();
    plan.upsert_commitment(plans::complete_commitment(
        CommitmentId(1),
        "02/01/2026",
        "31/07/2027",
    ));
    plan.upsert_commitment(plans::complete_commitment(
        CommitmentId(2),
        "02/01/2026",
        "31/07/2027",
    ));
    let ids = [CommitmentId(1), CommitmentId(2)];
    for (n, c) in [(1, "1"), (2, "2")] {
        let r = response_input("incorporada", c)
            .parse(ItemId(n), &ids)
            .expect("valid response");
        plan.responses.push(r);
    }
    assert!(plan.remove_commitment(CommitmentId(1)));
    assert_eq!(
        plan.responses[0].commitment, None,
        "the deleted one is unlinked"
    );
    assert_eq!(
        plan.responses[1].commitment,
        Some(CommitmentId(2)),
        "others stay"
    );
    // Its page then asks for a commitment again.
    let input = ResponseInput::from_value(&plan.responses[0]);
    let errors = input.parse(ItemId(1), &[CommitmentId(2)]).unwrap_err();
    assert!(errors.iter().any(
        |e| e.field == Field::Named(Named::ResponseCommitment) && e.problem == Problem::Missing
    ));
}

#[test]
fn no_field_key_is_also_the_id_of_another_fields_radio() {
    // RadioGroup and CheckboxGroup give each option after the first the id
    // "{field}-{choice}": a field whose key looks like that would share its id
    // (it happened with "tipo-espacio-otro").
    use plan_local_ga::domain::commitment::TeamRole;
    use plan_local_ga::domain::coordination::{BodyKind, Cadence, PoliticalKind};
    use plan_local_ga::domain::key_action::{Frequency, IndicatorKind};
    use plan_local_ga::domain::monitoring::Decision as D;
    use plan_local_ga::domain::problem::{InputOrigin, Priority};
    use plan_local_ga::domain::roadmap::{Channel, InclusionGroup};
    let mut choice_keys: Vec<&str> = vec![
        "otro",
        "nuevo",
        "replica",
        "complementa",
        "2019-2024",
        "2025-2030",
    ];
    choice_keys.extend(PoliticalKind::ALL.iter().map(|c| c.key()));
    choice_keys.extend(BodyKind::ALL.iter().map(|c| c.key()));
    choice_keys.extend(Cadence::ALL.iter().map(|c| c.key()));
    choice_keys.extend(Sector::ALL.iter().map(|c| c.key()));
    choice_keys.extend(Branch::ALL.iter().map(|c| c.key()));
    choice_keys.extend(TeamRole::ALL.iter().map(|c| c.key()));
    choice_keys.extend(Phase::ALL.iter().map(|c| c.key()));
    choice_keys.extend(Channel::ALL.iter().map(|c| c.key()));
    choice_keys.extend(InclusionGroup::ALL.iter().map(|c| c.key()));
    choice_keys.extend(InputOrigin::ALL.iter().map(|c| c.key()));
    choice_keys.extend(Priority::ALL.iter().map(|c| c.key()));
    choice_keys.extend(OgpValue::ALL.iter().map(|c| c.key()));
    choice_keys.extend(IndicatorKind::ALL.iter().map(|c| c.key()));
    choice_keys.extend(Frequency::ALL.iter().map(|c| c.key()));
    choice_keys.extend(D::ALL.iter().map(|c| c.key()));
    let keys: Vec<&str> = Named::ALL.iter().map(|n| n.key()).collect();
    for a in &keys {
        for b in &keys {
            if let Some(rest) = b.strip_prefix(&format!("{a}-")) {
                assert!(
                    !choice_keys.contains(&rest),
                    "{b} could be the id of an option of {a}"
                );
            }
        }
    }
}
