//! Native tests of the pure domain: parsing, validation and the task list.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::plans;
use plan_local_ga::domain::commitment::AlignmentInput;
use plan_local_ga::domain::methodology::{Step, TaskStatus};
use plan_local_ga::domain::{
    parse_date, Commitment, CommitmentId, CommitmentInput, Field, FieldError, NationalPlan,
    PartialDate, Plan, Problem, ProfileInput,
};
use plan_local_ga::messages;
use time::macros::date;

fn profile_input() -> ProfileInput {
    ProfileInput {
        kind: "estado".into(),
        state: "22".into(),
        municipality: String::new(),
        plan_name: "Plan de Acción Local de Gobierno Abierto 2025-2027".into(),
        start: "10/12/2025".into(),
        end: "31/08/2027".into(),
        term_end: String::new(),
    }
}

fn fields(errors: &[FieldError]) -> Vec<Field> {
    errors.iter().map(|e| e.field).collect()
}

#[test]
fn dates_are_read_in_mexican_and_iso_order() {
    assert_eq!(
        parse_date("31/08/2021"),
        Ok(PartialDate::Day(date!(2021 - 08 - 31)))
    );
    assert_eq!(
        parse_date(" 2/1/2020 "),
        Ok(PartialDate::Day(date!(2020 - 01 - 02)))
    );
    assert_eq!(
        parse_date("2020-01-02"),
        Ok(PartialDate::Day(date!(2020 - 01 - 02)))
    );
    assert_eq!(
        parse_date("02-01-2020"),
        Ok(PartialDate::Day(date!(2020 - 01 - 02)))
    );
    assert_eq!(
        parse_date("02.01.2020"),
        Ok(PartialDate::Day(date!(2020 - 01 - 02)))
    );
}

#[test]
fn bad_dates_are_told_apart() {
    assert_eq!(parse_date(""), Err(Problem::Missing));
    assert_eq!(parse_date("mañana"), Err(Problem::NotADate));
    assert_eq!(parse_date("31/13/2020"), Err(Problem::NotADate));
    assert_eq!(parse_date("1/2/20"), Err(Problem::NotADate));
    assert_eq!(parse_date("001/02/2020"), Err(Problem::NotADate));
    assert_eq!(parse_date("31/02/2021"), Err(Problem::ImpossibleDate));
    assert_eq!(parse_date("29/02/2023"), Err(Problem::ImpossibleDate));
    assert_eq!(
        parse_date("29/02/2024"),
        Ok(PartialDate::Day(date!(2024 - 02 - 29)))
    );
}

#[test]
fn a_complete_profile_parses() {
    let profile = profile_input().parse().expect("valid");
    assert_eq!(profile.jurisdiction.name, "Querétaro");
    assert_eq!(profile.jurisdiction.inegi_code.as_str(), "22");
    assert_eq!(profile.period.start(), date!(2025 - 12 - 10));
    assert_eq!(profile.period.end(), date!(2027 - 08 - 31));
    // Showing it again for editing gives back what was typed (normalised dates).
    assert_eq!(ProfileInput::from_profile(&profile), profile_input());
}

#[test]
fn an_empty_profile_reports_every_field_in_page_order() {
    let errors = ProfileInput::default().parse().expect_err("empty");
    assert_eq!(
        fields(&errors),
        vec![
            Field::JurisdictionKind,
            Field::PlanName,
            Field::PlanStart,
            Field::PlanEnd
        ]
    );
    assert!(errors.iter().all(|e| e.problem == Problem::Missing));
}

#[test]
fn names_of_only_spaces_are_missing_and_long_names_are_refused() {
    let mut input = profile_input();
    input.plan_name = "   ".into();
    let errors = input.parse().expect_err("invalid");
    assert!(errors.contains(&FieldError::new(Field::PlanName, Problem::Missing)));
    input.plan_name = "x".repeat(201);
    let errors = input.parse().expect_err("invalid");
    assert!(errors.contains(&FieldError::new(
        Field::PlanName,
        Problem::TooLong { max: 200 }
    )));
}

#[test]
fn end_must_be_after_start() {
    let mut input = profile_input();
    input.end = "10/12/2025".into();
    let errors = input.parse().expect_err("same day");
    assert_eq!(
        errors,
        vec![FieldError::new(Field::PlanEnd, Problem::EndNotAfterStart)]
    );
    assert_eq!(
        messages::field_error(&errors[0]),
        "La fecha de término debe ser posterior a la fecha de inicio"
    );
    input.end = "01/01/2020".into();
    assert!(input.parse().is_err());
}

#[test]
fn the_jurisdiction_comes_from_the_inegi_catalogue() {
    // A state: its name and code come from the catalogue.
    let state = profile_input().parse().expect("state");
    assert_eq!(state.jurisdiction.name, "Querétaro");
    assert_eq!(state.jurisdiction.inegi_code.as_str(), "22");

    // A municipality of that state.
    let mut input = profile_input();
    input.kind = "municipio".into();
    let e = input.parse().expect_err("no municipality chosen");
    assert_eq!(
        e,
        vec![FieldError::new(Field::Municipality, Problem::Missing)]
    );
    assert_eq!(
        messages::field_error(&e[0]),
        "Seleccione el municipio o la alcaldía"
    );
    input.municipality = "22014".into();
    let p = input.parse().expect("municipality of Querétaro");
    assert_eq!(p.jurisdiction.name, "Querétaro");
    assert_eq!(p.jurisdiction.inegi_code.as_str(), "22014");
    assert_eq!(
        ProfileInput::from_profile(&p),
        input,
        "shown again as chosen"
    );

    // A municipality of another state is refused.
    input.municipality = "15104".into();
    assert_eq!(
        input
            .parse()
            .expect_err("Tlalnepantla is in the Estado de México")[0]
            .problem,
        Problem::MunicipalityOfOtherState
    );
    // Codes that are not in the catalogue.
    input.municipality = "22999".into();
    assert_eq!(
        input.parse().expect_err("unknown")[0].problem,
        Problem::NotInCatalog
    );
    input.state = "33".into();
    assert_eq!(input.parse().expect_err("state 33")[0].field, Field::State);

    // Mexico City has alcaldías, and only Mexico City does.
    input.state = "09".into();
    input.municipality = "09015".into();
    assert_eq!(
        input.parse().expect_err("a municipio in CDMX")[0].problem,
        Problem::KindDoesNotFitState
    );
    input.kind = "alcaldia".into();
    let cuauhtemoc = input.parse().expect("alcaldía Cuauhtémoc");
    assert_eq!(cuauhtemoc.jurisdiction.name, "Cuauhtémoc");
    input.state = String::new();
    assert!(input.parse().is_ok(), "an alcaldía implies Mexico City");
    input.state = "22".into();
    assert_eq!(
        input.parse().expect_err("alcaldía outside CDMX")[0].problem,
        Problem::KindDoesNotFitState
    );
}

#[test]
fn a_commitment_needs_a_name_and_dates_within_the_plan() {
    let plan_period = profile_input().parse().expect("valid").period;
    let ok = CommitmentInput {
        name: "Estrategia subnacional de gobierno abierto".into(),
        start: "02/01/2026".into(),
        end: "31/07/2027".into(),
    };
    let c = ok
        .parse(CommitmentId(1), Some(plan_period.clone()), None)
        .expect("valid");
    assert_eq!(c.name, "Estrategia subnacional de gobierno abierto");
    assert_eq!(CommitmentInput::from_commitment(&c), ok);

    let empty = CommitmentInput::default()
        .parse(CommitmentId(1), None, None)
        .expect_err("empty");
    assert_eq!(
        fields(&empty),
        vec![
            Field::CommitmentName,
            Field::CommitmentStart,
            Field::CommitmentEnd
        ]
    );
    assert_eq!(
        messages::field_error(&empty[0]),
        "Escriba el nombre del compromiso"
    );

    let outside = CommitmentInput {
        end: "31/12/2027".into(),
        ..ok.clone()
    };
    let e = outside
        .parse(CommitmentId(1), Some(plan_period.clone()), None)
        .expect_err("after the plan ends");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].field, Field::CommitmentEnd);
    assert_eq!(
        messages::field_error(&e[0]),
        "La fecha de término del compromiso debe estar dentro del periodo del plan, del 10/12/2025 al 31/08/2027"
    );
    // Without a profile the range is not checked yet.
    assert!(outside.parse(CommitmentId(1), None, None).is_ok());

    // Editing the general data of a saved commitment keeps the rest of its ficha.
    let saved = plans::complete_commitment(CommitmentId(7), "02/01/2026", "31/07/2027");
    let renamed = CommitmentInput {
        name: "Otro nombre".into(),
        ..CommitmentInput::from_commitment(&saved)
    }
    .parse(CommitmentId(7), Some(plan_period), Some(&saved))
    .expect("valid");
    assert_eq!(renamed.name, "Otro nombre");
    assert_eq!(renamed.id, CommitmentId(7));
    assert_eq!(renamed.alignment, saved.alignment);
    assert_eq!(renamed.key_actions, saved.key_actions);
    assert_eq!(renamed.responsible, saved.responsible);
    assert_eq!(renamed.objectives, saved.objectives);
}

#[test]
fn every_error_message_is_specific_spanish_without_banned_words() {
    let kinds = [
        Problem::Missing,
        Problem::TooLong { max: 1000 },
        Problem::NotADate,
        Problem::ImpossibleDate,
        Problem::EndNotAfterStart,
        Problem::InegiUnknownState,
    ];
    let all_fields = [
        Field::JurisdictionKind,
        Field::State,
        Field::Municipality,
        Field::PlanName,
        Field::PlanStart,
        Field::PlanEnd,
        Field::CommitmentName,
        Field::CommitmentStart,
        Field::CommitmentEnd,
    ];
    let mut seen = std::collections::HashSet::new();
    for field in all_fields {
        let missing = messages::field_error(&FieldError::new(field, Problem::Missing));
        assert!(
            seen.insert(missing.clone()),
            "each field has its own message: {missing}"
        );
        for p in &kinds {
            let m = messages::field_error(&FieldError::new(field, p.clone()));
            let lower = m.to_lowercase();
            for banned in [
                "inválid",
                "por favor",
                "favor de",
                "lo sentimos",
                "campo obligatorio",
            ] {
                assert!(!lower.contains(banned), "{m}");
            }
        }
    }
    assert_eq!(
        messages::field_error(&FieldError::new(
            Field::PlanName,
            Problem::TooLong { max: 1000 }
        )),
        "El nombre del plan debe tener 1,000 caracteres o menos"
    );
}

#[test]
fn input_keys_are_the_field_keys() {
    let v = serde_json::to_value(profile_input()).expect("json");
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    for f in [
        Field::JurisdictionKind,
        Field::State,
        Field::Municipality,
        Field::PlanName,
        Field::PlanStart,
        Field::PlanEnd,
    ] {
        assert!(keys.contains(&f.key()), "{}", f.key());
    }
    let v = serde_json::to_value(CommitmentInput::default()).expect("json");
    for f in [
        Field::CommitmentName,
        Field::CommitmentStart,
        Field::CommitmentEnd,
    ] {
        assert!(v.get(f.key()).is_some(), "{}", f.key());
    }
    let v = serde_json::to_value(AlignmentInput::default()).expect("json");
    for f in [
        Field::NationalRelation,
        Field::NationalCommitment,
        Field::SdgTargets,
    ] {
        assert!(v.get(f.key()).is_some(), "{}", f.key());
    }
}

#[test]
fn task_statuses_follow_the_plan() {
    let mut plan = Plan::default();
    assert_eq!(Step::Profile.status(&plan, false), TaskStatus::NotStarted);
    assert_eq!(Step::Profile.status(&plan, true), TaskStatus::InProgress);
    assert_eq!(
        Step::Review.status(&plan, false),
        TaskStatus::CannotStartYet
    );
    plan.profile = Some(profile_input().parse().expect("valid"));
    // The profile task has three pages: jurisdiction, office and framework.
    assert_eq!(Step::Profile.status(&plan, false), TaskStatus::InProgress);
    plan.office = Some(plans::office());
    plan.framework = Some(plans::framework());
    assert_eq!(Step::Profile.status(&plan, false), TaskStatus::Completed);
    assert_eq!(
        Step::Commitments.status(&plan, false),
        TaskStatus::NotStarted
    );
    let c = CommitmentInput {
        name: "Compromiso".into(),
        start: "02/01/2026".into(),
        end: "31/07/2027".into(),
    }
    .parse(plan.next_commitment_id(), None, None)
    .expect("valid");
    let id = c.id;
    plan.upsert_commitment(c);
    // Only its general data: the rest of the ficha is still to be filled.
    assert_eq!(
        Step::Commitments.status(&plan, false),
        TaskStatus::InProgress
    );
    plan.upsert_commitment(plans::complete_commitment(id, "02/01/2026", "31/07/2027"));
    assert_eq!(plan.commitments.len(), 1, "replaced, not added");
    assert_eq!(
        Step::Commitments.status(&plan, false),
        TaskStatus::Completed
    );
    assert_eq!(
        Step::Commitments.status(&plan, true),
        TaskStatus::InProgress,
        "typed but not saved"
    );
    // The plan period shrinks: the commitment now falls outside it.
    let mut shorter = profile_input();
    shorter.end = "31/12/2026".into();
    plan.profile = Some(shorter.parse().expect("valid"));
    assert_eq!(
        Step::Commitments.status(&plan, false),
        TaskStatus::HasProblem
    );
}

#[test]
fn commitment_ids_are_stable_when_others_are_removed() {
    let mut plan = Plan::default();
    for name in ["Uno", "Dos", "Tres"] {
        let c = CommitmentInput {
            name: name.into(),
            start: "01/01/2026".into(),
            end: "01/02/2026".into(),
        }
        .parse(plan.next_commitment_id(), None, None)
        .expect("valid");
        plan.upsert_commitment(c);
    }
    assert!(plan.remove_commitment(CommitmentId(2)));
    assert!(!plan.remove_commitment(CommitmentId(2)));
    assert_eq!(plan.commitment_number(CommitmentId(3)), Some(2));
    assert_eq!(plan.next_commitment_id(), CommitmentId(4));
}

fn aligned(relation: &str, national: &str, targets: &str) -> AlignmentInput {
    AlignmentInput {
        relation: relation.into(),
        national: national.into(),
        sdg_targets: targets.into(),
        ..AlignmentInput::default()
    }
}

/// A commitment holding `alignment`, to show it again on its page.
fn with_alignment(alignment: plan_local_ga::domain::Alignment) -> Commitment {
    let mut c = CommitmentInput {
        name: "Estrategia subnacional de gobierno abierto".into(),
        start: "02/01/2026".into(),
        end: "31/07/2027".into(),
    }
    .parse(CommitmentId(1), None, None)
    .expect("valid");
    c.alignment = alignment;
    c
}

#[test]
fn alignment_names_a_national_commitment_from_the_list_in_use() {
    let fourth = NationalPlan::fourth_plan();
    let a = aligned("replica", "MX0087", "16.10,16.6")
        .parse(&fourth, None)
        .expect("valid");
    let link = a.national.as_ref().expect("link");
    assert_eq!(link.relation(), plan_local_ga::domain::Relation::Replica);
    assert_eq!(link.commitment(), Some("MX0087"));
    assert_eq!(a.sdg_targets, vec!["16.6", "16.10"], "catalogue order");
    assert_eq!(
        AlignmentInput::from_commitment(&with_alignment(a), None),
        aligned("replica", "MX0087", "16.6,16.10")
    );

    let e = aligned("complementa", "", "").parse(&fourth, None);
    assert_eq!(
        e.expect_err("which one?"),
        vec![FieldError::new(Field::NationalCommitment, Problem::Missing)]
    );
    let e = aligned("replica", "MX0099", "").parse(&fourth, None);
    assert_eq!(
        e.expect_err("not in the list")[0].problem,
        Problem::NotInCatalog
    );

    // "Nuevo" needs no national commitment, and ignores a stale choice.
    let a = aligned("nuevo", "MX0087", "")
        .parse(&fourth, None)
        .expect("new");
    assert_eq!(a.national.as_ref().and_then(|n| n.commitment()), None);
    // Nothing chosen yet is allowed while drafting.
    let a = aligned("", "", "").parse(&fourth, None).expect("empty");
    assert_eq!(a, Default::default());

    let e = aligned("", "", "16.10,99.1").parse(&fourth, None);
    assert_eq!(
        e.expect_err("unknown target"),
        vec![FieldError::new(Field::SdgTargets, Problem::NotInCatalog)]
    );

    // A replaced national list: its ids are the valid ones.
    let fifth = NationalPlan {
        name: "5º Plan".into(),
        commitments: vec![plan_local_ga::domain::NationalEntry {
            id: "MX0100".into(),
            title: "Compromiso del quinto plan".into(),
            title_in_english: false,
            institutions: String::new(),
            unknown: Default::default(),
        }],
        unknown: Default::default(),
    };
    assert!(aligned("replica", "MX0100", "").parse(&fifth, None).is_ok());
    assert!(aligned("replica", "MX0087", "")
        .parse(&fifth, None)
        .is_err());
}

#[test]
fn the_default_national_list_is_the_fourth_plan_marking_english_titles() {
    let fourth = NationalPlan::fourth_plan();
    assert_eq!(fourth.commitments.len(), 13);
    let c13 = fourth.entry("MX0087").expect("MX0087");
    assert_eq!(c13.title, "Estrategia subnacional de gobierno abierto");
    assert!(!c13.title_in_english);
    let c8 = fourth.entry("MX0082").expect("MX0082");
    assert!(
        c8.title_in_english,
        "no verified Spanish title: English, marked"
    );
    assert_eq!(Plan::default().national_plan, fourth);
}

#[test]
fn diagnostic_errors_name_the_question_in_the_summary_only() {
    let e = FieldError::new(Field::ReadinessAnswer(1), Problem::Missing);
    assert_eq!(
        messages::field_error(&e),
        "Elija una respuesta para «¿Cada cuánto se reúne ese espacio?»"
    );
    assert_eq!(messages::field_error_inline(&e), "Elija una respuesta");
    let gate = FieldError::new(Field::ReadinessAnswer(15), Problem::Missing);
    assert!(messages::field_error(&gate).starts_with("Responda sí o no: «¿Tiene una carta"));
    assert_eq!(messages::field_error_inline(&gate), "Elija sí o no");
    let plan = FieldError::new(Field::PlanName, Problem::Missing);
    assert_eq!(
        messages::field_error_inline(&plan),
        messages::field_error(&plan)
    );
}
