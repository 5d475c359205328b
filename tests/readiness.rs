//! Native tests of the readiness self-assessment: scoring, route rules, gate.
#![cfg(not(target_arch = "wasm32"))]

use plan_local_ga::domain::readiness::{
    check_page, input_from, parse_assessment, questions, score, Answer, Assessment, Level,
    ReadinessInput, ReadinessProblem, GATE, THEMES,
};
use plan_local_ga::domain::Step;
use time::macros::date;

fn all(answer: &str, gate: &str) -> ReadinessInput {
    let mut input: ReadinessInput = questions()
        .map(|q| (q.id.to_owned(), answer.to_owned()))
        .collect();
    for c in &GATE {
        input.insert(c.id.to_owned(), gate.to_owned());
    }
    input
}

fn assess(input: &ReadinessInput) -> Assessment {
    parse_assessment(input, date!(2026 - 11 - 24)).expect("complete")
}

#[test]
fn the_instrument_has_five_themes_of_three_to_six_questions() {
    assert_eq!(THEMES.len(), 5);
    assert!(THEMES.iter().all(|t| (3..=6).contains(&t.questions.len())));
    assert_eq!(questions().count(), 15);
    let ids: std::collections::HashSet<_> = questions().map(|q| q.id).collect();
    assert_eq!(ids.len(), 15, "unique ids");
    assert_eq!(GATE.len(), 4);
}

#[test]
fn all_lowest_scores_zero_and_all_highest_one_hundred() {
    let low = score(&assess(&all("0", "no")));
    assert_eq!(low.overall, 0);
    assert_eq!(low.level, Level::Inicial);
    assert!(low
        .themes
        .iter()
        .all(|t| t.score == 0 && t.level == Level::Inicial));
    let high = score(&assess(&all("3", "si")));
    assert_eq!(high.overall, 100);
    assert_eq!(high.level, Level::Innovador);
    assert!(high.route.is_empty(), "nothing to strengthen");
    assert!(high.eligible());
}

#[test]
fn mixed_answers_average_per_theme_then_overall() {
    let mut input = all("2", "si");
    // Theme 1: 3, 3, 0 → (100 + 100 + 0) / 3 = 66.7 → 67.
    input.insert("p1-1".into(), "3".into());
    input.insert("p1-2".into(), "3".into());
    input.insert("p1-3".into(), "0".into());
    // Theme 3: 1, 1, 1 → 33.
    for id in ["p3-1", "p3-2", "p3-3"] {
        input.insert(id.into(), "1".into());
    }
    let o = score(&assess(&input));
    let scores: Vec<u8> = o.themes.iter().map(|t| t.score).collect();
    assert_eq!(scores, vec![67, 67, 33, 67, 67]);
    // (67 + 67 + 33 + 67 + 67) / 5 = 60.2 → 60.
    assert_eq!(o.overall, 60);
    assert_eq!(o.level, Level::Avanzado);
    assert_eq!(Level::of(24), Level::Inicial);
    assert_eq!(Level::of(25), Level::Intermedio);
    assert_eq!(Level::of(50), Level::Avanzado);
    assert_eq!(Level::of(75), Level::Innovador);
}

#[test]
fn dont_know_scores_zero_and_is_counted_and_routed() {
    let mut input = all("3", "si");
    input.insert("p2-2".into(), "no-se".into());
    let o = score(&assess(&input));
    let t2 = &o.themes[1];
    assert_eq!(t2.dont_know, 1);
    assert_eq!(t2.score, 67);
    assert_eq!(o.route.len(), 1);
    assert_eq!(o.route[0].step, Step::Roadmap);
    assert!(o.route[0].reason.contains("No sé"));
}

#[test]
fn unanswered_questions_score_zero_and_block_the_result() {
    let mut input = all("3", "si");
    input.remove("p4-1");
    let e = parse_assessment(&input, date!(2026 - 11 - 24)).expect_err("incomplete");
    assert_eq!(e, vec![ReadinessProblem::Unanswered("p4-1")]);
    // Scoring a partial assessment (as stored mid-way) counts it as 0.
    let mut partial = assess(&all("3", "si"));
    partial.answers.remove("p4-1");
    let o = score(&partial);
    assert_eq!(o.themes[3].unanswered, 1);
    assert_eq!(o.themes[3].score, 67);
}

#[test]
fn pages_are_checked_one_theme_at_a_time() {
    let mut input = ReadinessInput::new();
    input.insert("p1-1".into(), "2".into());
    assert_eq!(
        check_page(&input, Some(1)),
        vec![
            ReadinessProblem::Unanswered("p1-2"),
            ReadinessProblem::Unanswered("p1-3")
        ]
    );
    input.insert("p1-2".into(), "no-se".into());
    input.insert("p1-3".into(), "0".into());
    input.insert("p1-3-evidencia".into(), "x".repeat(501));
    assert_eq!(
        check_page(&input, Some(1)),
        vec![ReadinessProblem::EvidenceTooLong("p1-3")]
    );
    assert_eq!(check_page(&input, None).len(), 4, "gate not answered");
    input.insert("p1-1".into(), "7".into());
    assert!(check_page(&input, Some(1)).contains(&ReadinessProblem::Unanswered("p1-1")));
}

#[test]
fn the_route_starts_with_the_gate_then_the_weakest_theme() {
    let mut input = all("3", "si");
    input.insert("e-1".into(), "no".into());
    input.insert("p1-1".into(), "0".into()); // theme 1 → 67
    for id in ["p5-1", "p5-2", "p5-3"] {
        input.insert(id.into(), "1".into()); // theme 5 → 33, the weakest
    }
    let o = score(&assess(&input));
    assert!(!o.eligible());
    assert_eq!(o.gate_unmet.len(), 1);
    let steps: Vec<Step> = o.route.iter().map(|s| s.step).collect();
    assert_eq!(steps[0], Step::Political, "the gate comes first");
    assert_eq!(
        steps[1],
        Step::Commitments,
        "then theme 5, the weakest (p5-1)"
    );
    assert_eq!(
        *steps.last().expect("steps"),
        Step::Coordination,
        "theme 1 last"
    );
    assert!(o.route[0].action.contains("carta de apoyo"));
    assert!(o
        .route
        .iter()
        .any(|s| s.action.starts_with("Instale un espacio de coordinación")));
}

#[test]
fn the_gate_needs_every_criterion() {
    let mut input = all("2", "si");
    assert!(score(&assess(&input)).eligible());
    input.insert("e-3".into(), "no".into());
    let o = score(&assess(&input));
    assert!(!o.eligible());
    assert_eq!(o.gate_unmet[0].id, "e-3");
}

#[test]
fn a_stored_assessment_shows_again_as_it_was_answered() {
    let mut input = all("1", "no");
    input.insert(
        "p2-1-evidencia".into(),
        "https://ejemplo.gob.mx/plan-2022".into(),
    );
    let a = assess(&input);
    assert_eq!(a.evidence["p2-1"], "https://ejemplo.gob.mx/plan-2022");
    assert_eq!(input_from(&a), input);
    assert_eq!(a.answers["p3-3"], Answer::Level(1));
    let json = serde_json::to_string(&a).expect("json");
    assert_eq!(serde_json::from_str::<Assessment>(&json).expect("back"), a);
}
