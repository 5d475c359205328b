//! The quality review (issue 17): every rule on a plan that passes it and on
//! the same plan changed to fail it (table-driven, and the table must name
//! every rule); the commitment-13 fixture's review; a plan built to fail every
//! rule lists each finding once; kept recommendations; the step's status and
//! "Versión final"; the annex in the PDF's text; the real plans' reviews.

mod common;

use common::{cleanup, pdftotext, scratch_dir, squash};
use plan_local_ga::domain::classification::{ChallengeArea, Classification};
use plan_local_ga::domain::commitment::{OgpValue, ValueReason};
use plan_local_ga::domain::contact::ContactInput;
use plan_local_ga::domain::coordination::Cadence;
use plan_local_ga::domain::ogp::{Practice, YesNo};
use plan_local_ga::domain::quality::{PotentialLevel, PotentialReason, Review, RuleId, Severity};
use plan_local_ga::domain::{
    CommitmentId, ItemId, PartialDate, Period, Plan, Step, TaskStatus, Unknown,
};
use plan_local_ga::export::content::quality::review_view;
use plan_local_ga::export::plan_pdf;
use time::macros::{date, datetime};
use time::Date;

const TODAY: Date = date!(2026 - 12 - 06);

fn ids(review: &Review) -> Vec<RuleId> {
    review.findings().map(|f| f.rule.id()).collect()
}

fn first(plan: &mut Plan) -> &mut plan_local_ga::domain::Commitment {
    &mut plan.commitments[0]
}

/// The commitment-13 plan with what its published ficha does not give, so
/// that no rule finds anything: five commitments, accountability, a term
/// that ends in 2030, baselines and targets, a civil-society co-responsible,
/// a classification that says the change is binding.
fn passing() -> Plan {
    let mut plan = common::c13::plan();
    plan.profile.as_mut().expect("present").term_end = PartialDate::from_iso("2030-09-30");
    {
        let c = first(&mut plan);
        c.values.push(ValueReason {
            value: OgpValue::RendicionDeCuentas,
            reason: "Los avances se informan al espacio de coordinación cada trimestre.".into(),
            unknown: Unknown::new(),
        });
        for k in &mut c.key_actions {
            k.indicator.baseline = Some("0".into());
            k.indicator.target = Some("1".into());
        }
        c.co_responsible.push(common::plans::team_member(
            ContactInput {
                institution: "Ciudadanos por la Transparencia A.C.".into(),
                sector: "sociedad-civil".into(),
                ..ContactInput::default()
            },
            90,
        ));
        c.classification = Some(Classification {
            challenge_area: Some(ChallengeArea::ParticipacionPublica),
            policy_area: Some("Subnacional".into()),
            sector: Some("Gobierno y administración pública".into()),
            practice: Some(Practice::Nuevo),
            binding: Some(YesNo::Si),
            nominate: false,
            unknown: Unknown::new(),
        });
    }
    let model = plan.commitments[0].clone();
    let response = plan.responses[0].clone();
    for _ in 0..4 {
        let mut c = model.clone();
        c.id = plan.next_commitment_id();
        let mut r = response.clone();
        r.id = ItemId(c.id.0);
        r.commitment = Some(c.id);
        plan.responses.push(r);
        plan.upsert_commitment(c);
    }
    plan
}

type Change = fn(&mut Plan);

/// Each rule with a change of the passing plan that breaks it.
const TABLE: &[(RuleId, Change)] = &[
    (RuleId::StepIncomplete, |p| p.political = None),
    (RuleId::ForumGovernment, |p| {
        p.coordination
            .members
            .retain(|m| !m.contact.is_government())
    }),
    (RuleId::ForumCivilSociety, |p| {
        p.coordination.members.retain(|m| m.contact.is_government())
    }),
    (RuleId::ForumEverySixMonths, |p| {
        p.coordination.body.as_mut().expect("present").cadence = Some(Cadence::Anual)
    }),
    (RuleId::ForumPublicRules, |p| {
        p.coordination.body.as_mut().expect("present").rules_url = None
    }),
    (RuleId::RoadmapBeforeCocreation, |p| {
        p.roadmap.as_mut().expect("present").published_on = None
    }),
    (RuleId::Repository, |p| {
        let r = p.roadmap.as_mut().expect("present");
        r.site_url = None;
        r.repository_url = None;
    }),
    (RuleId::ReasonedResponse, |p| p.responses.clear()),
    (RuleId::CommitmentCount, |p| p.commitments.truncate(1)),
    (RuleId::AccountabilityCommitment, |p| {
        for c in &mut p.commitments {
            c.values.retain(|v| v.value != OgpValue::RendicionDeCuentas);
        }
    }),
    (RuleId::GenderInPlan, |p| {
        for c in &mut p.commitments {
            c.alignment.gender = None;
        }
    }),
    (RuleId::TermLeft, |p| {
        p.profile.as_mut().expect("present").term_end = PartialDate::from_iso("2027-06")
    }),
    (RuleId::PlanWithinTerm, |p| {
        p.profile.as_mut().expect("present").term_end = PartialDate::from_iso("2021-03")
    }),
    (RuleId::PlanLength, |p| {
        let start = p.profile.as_ref().expect("present").period.start();
        p.profile.as_mut().expect("present").period =
            Period::new(start, PartialDate::from_iso("2024-12").expect("present"))
                .expect("present");
    }),
    (RuleId::ProblemWording, |p| {
        p.problems[0].statement = "Falta de un portal de datos abiertos".into()
    }),
    (RuleId::FichaComplete, |p| first(p).responsible.clear()),
    (RuleId::DatesAndWeights, |p| {
        first(p).key_actions.pop();
    }),
    (RuleId::Deliverable, |p| {
        let k = &mut first(p).key_actions[0];
        k.name = "Promover la cultura de la apertura".into();
        k.objective = Some("Fortalecer e impulsar la participación".into());
    }),
    (RuleId::BaselineAndTarget, |p| {
        first(p).key_actions[0].indicator.target = None
    }),
    (RuleId::Activities, |p| {
        first(p).key_actions[0].activities.clear()
    }),
    (RuleId::Assumptions, |p| {
        first(p).objectives.as_mut().expect("present").assumptions =
            Some("Elaborar el diagnóstico.\nCapacitar al personal.".into())
    }),
    (RuleId::NonGovernmentCoResponsible, |p| {
        first(p)
            .co_responsible
            .retain(|m| !m.contact.is_non_government())
    }),
    (RuleId::ResponseNamesCommitment, |p| {
        let id = p.commitments[1].id;
        p.responses.retain(|r| r.commitment != Some(id));
    }),
    (RuleId::GenderSpecific, |p| {
        first(p).alignment.gender = Some("Se tomará en cuenta la perspectiva de género.".into())
    }),
    (RuleId::ModestPotential, |p| {
        first(p).classification.as_mut().expect("present").binding = Some(YesNo::No)
    }),
    (RuleId::Classified, |p| first(p).classification = None),
    (RuleId::ChallengeArea, |p| {
        let c = first(p).classification.as_mut().expect("present");
        c.nominate = true;
        c.challenge_area = None;
    }),
    (RuleId::ChallengeCoreValue, |p| {
        first(p).classification.as_mut().expect("present").nominate = true;
        first(p).values.retain(|v| !v.value.is_core());
    }),
    // The commitment-13 key actions ended in 2021.
    (RuleId::ChallengeFutureMilestone, |p| {
        first(p).classification.as_mut().expect("present").nominate = true
    }),
];

#[test]
fn the_passing_plan_passes_every_rule() {
    let plan = passing();
    let review = plan.quality_review(TODAY);
    let found: Vec<String> = review_view(&plan, TODAY)
        .plan
        .iter()
        .chain(
            review_view(&plan, TODAY)
                .commitments
                .iter()
                .flat_map(|c| c.findings.iter()),
        )
        .map(|f| f.text.clone())
        .collect();
    assert!(found.is_empty(), "{found:#?}");
    assert!(review.commitments.iter().all(|c| c.irm.promising()));
    assert_eq!(
        review.commitments[0].irm.potential,
        PotentialLevel::Substantial
    );
}

#[test]
fn each_rule_fails_on_its_example_and_the_table_names_every_rule() {
    for id in RuleId::ALL {
        assert!(
            TABLE.iter().any(|(r, _)| *r == id),
            "no example breaks {id:?}"
        );
    }
    for (id, change) in TABLE {
        assert!(
            !ids(&passing().quality_review(TODAY)).contains(id),
            "{id:?} passes on the passing plan"
        );
        let mut plan = passing();
        change(&mut plan);
        let review = plan.quality_review(TODAY);
        assert!(
            ids(&review).contains(id),
            "{id:?} not found: {:?}",
            ids(&review)
        );
        // Its finding names a commitment exactly when the rule is about one.
        for f in review.findings().filter(|f| f.rule.id() == *id) {
            assert_eq!(f.commitment.is_some(), id.per_commitment(), "{id:?}");
        }
    }
}

#[test]
fn every_rule_has_a_source_an_address_and_a_sentence() {
    use plan_local_ga::messages::quality as words;
    for id in RuleId::ALL {
        assert!(id.source().url().starts_with("https://"), "{id:?}");
        assert!(words::rule(id).ends_with('.'), "{id:?}");
        assert!(!words::source(id.source()).is_empty());
    }
    let keys: std::collections::BTreeSet<_> = RuleId::ALL.iter().map(|r| r.key()).collect();
    assert_eq!(keys.len(), RuleId::ALL.len(), "rule keys are unique");
}

#[test]
fn commitment_13_is_promising_and_needs_nothing_for_the_final_version() {
    let plan = common::c13::plan();
    let review = plan.quality_review(TODAY);
    let c = &review.commitments[0];
    // Verifiable: three key actions, each with a name, an indicator
    // ("Diagnóstico", "Númerico Binario: Si o no"), a means of verification
    // and day dates, and each naming a product (a study, a space, a methodology).
    assert!(c.irm.verifiable, "{:?}", c.irm.not_verifiable_because);
    // Relevant: participation and transparency, each with its reason.
    assert_eq!(
        c.irm.relevant_values,
        vec![OgpValue::Transparencia, OgpValue::ParticipacionCiudadana]
    );
    // Potential: modest, since it names no change of rules and its indicators
    // have no baseline or target, though it delivers more than a website.
    assert_eq!(c.irm.potential, PotentialLevel::Modest);
    assert_eq!(
        c.irm.potential_because,
        vec![
            PotentialReason::NoBindingChange,
            PotentialReason::SomeWithoutBaseline,
            PotentialReason::BeyondWebsiteOrTraining,
        ]
    );
    assert!(c.irm.promising());
    assert_eq!(plan.quality_required_findings(), 0);
    let mut advisory: Vec<RuleId> = ids(&review);
    advisory.dedup();
    assert_eq!(
        advisory,
        vec![
            RuleId::CommitmentCount,
            RuleId::AccountabilityCommitment,
            RuleId::TermLeft,
            RuleId::BaselineAndTarget,
            RuleId::NonGovernmentCoResponsible,
            RuleId::ModestPotential,
            RuleId::Classified,
        ]
    );
    assert!(review
        .findings()
        .all(|f| f.severity() == Severity::Advisory));
    assert_eq!(Step::Quality.status(&plan, false), TaskStatus::Completed);
    let view = review_view(&plan, TODAY);
    assert_eq!(
        view.summary,
        "Nada falta para la versión final; 9 recomendaciones; 1 de 1 compromiso es prometedor."
    );
}

/// Two commitments: the first verifiable, relevant and modest, nominated
/// without an area; the second fails everything else it can.
fn failing() -> Plan {
    let mut plan = common::c13::plan();
    plan.political = None;
    plan.coordination.body.as_mut().expect("present").cadence = Some(Cadence::Anual);
    plan.coordination.body.as_mut().expect("present").rules_url = None;
    plan.coordination.members.clear();
    let r = plan.roadmap.as_mut().expect("present");
    r.published_on = None;
    r.site_url = None;
    plan.responses.clear();
    let p = plan.profile.as_mut().expect("present");
    p.term_end = PartialDate::from_iso("2020-06");
    p.period = Period::new(
        p.period.start(),
        PartialDate::from_iso("2024-12").expect("present"),
    )
    .expect("present");
    plan.problems[0].statement = "Falta de un portal".into();
    plan.problems[0].causes = None;
    plan.problems[0].baseline = None;
    let mut second = plan.commitments[0].clone();
    {
        let c = first(&mut plan);
        c.alignment.gender = None;
        c.classification = Some(Classification {
            challenge_area: None,
            nominate: true,
            ..Classification::default()
        });
        c.objectives.as_mut().expect("present").assumptions = None;
    }
    second.id = CommitmentId(2);
    second.name = String::new();
    second.responsible.clear();
    second.values.clear();
    second.alignment.gender = None;
    second.key_actions.pop();
    second.key_actions[0].name = "Promover la apertura".into();
    second.key_actions[0].objective = Some("Fortalecer la cultura".into());
    second.key_actions[0].activities.clear();
    second.key_actions[1].indicator.name = "Acuerdos".into();
    second.classification = Some(Classification {
        challenge_area: Some(ChallengeArea::Justicia),
        nominate: true,
        ..Classification::default()
    });
    second.objectives.as_mut().expect("present").assumptions = Some("Publicar el informe.".into());
    plan.upsert_commitment(second);
    plan
}

#[test]
fn a_plan_that_fails_every_rule_lists_each_finding_once() {
    let plan = failing();
    let review = plan.quality_review(TODAY);
    let found = ids(&review);
    // A plan without responses cannot also have responses that miss a
    // commitment: that rule is shown failing in the table above.
    for id in RuleId::ALL
        .into_iter()
        .filter(|r| *r != RuleId::ResponseNamesCommitment)
    {
        assert!(found.contains(&id), "{id:?} missing from {found:?}");
    }
    let keys: Vec<String> = review.findings().map(|f| f.key()).collect();
    let unique: std::collections::BTreeSet<&String> = keys.iter().collect();
    assert_eq!(
        unique.len(),
        keys.len(),
        "a finding listed twice: {keys:#?}"
    );
    let view = review_view(&plan, TODAY);
    for c in &view.commitments {
        let texts: std::collections::BTreeSet<&String> =
            c.findings.iter().map(|f| &f.text).collect();
        assert_eq!(
            texts.len(),
            c.findings.len(),
            "{}: a sentence twice",
            c.heading
        );
        assert!(!c.promising || c.id == CommitmentId(1));
    }
    assert!(!view.commitments[1].verifiable);
    assert!(!view.commitments[1].relevant);
    assert_eq!(Step::Quality.status(&plan, false), TaskStatus::InProgress);
}

#[test]
fn a_kept_recommendation_counts_apart_and_a_required_finding_cannot_be_kept() {
    let mut plan = common::c13::plan();
    let before = plan.quality_review(TODAY).counts(&plan);
    let advice = plan
        .quality_review(TODAY)
        .findings()
        .find(|f| f.rule.id() == RuleId::CommitmentCount)
        .expect("present")
        .key();
    plan.keep_finding(
        advice.clone(),
        "Es un compromiso nacional: el plan tiene uno.".into(),
    );
    let after = plan.quality_review(TODAY).counts(&plan);
    assert_eq!(after.advisory, before.advisory - 1);
    assert_eq!(after.kept, 1);
    let view = review_view(&plan, TODAY);
    let kept = view.plan.iter().find(|f| f.key == advice).expect("present");
    assert_eq!(
        kept.kept.as_deref(),
        Some("Es un compromiso nacional: el plan tiene uno.")
    );
    // Kept findings come after the others.
    assert_eq!(view.plan.last().expect("present").key, advice);

    // A required finding stays required even if a mark names it.
    plan.roadmap.as_mut().expect("present").site_url = None;
    let required = plan
        .quality_review(TODAY)
        .findings()
        .find(|f| f.severity() == Severity::Required)
        .expect("present")
        .clone();
    plan.keep_finding(required.key(), "No aplica.".into());
    assert!(plan.kept(&required).is_none());
    assert_eq!(plan.quality_required_findings(), 1);

    plan.unkeep_finding(&advice);
    assert_eq!(plan.quality_review(TODAY).counts(&plan).kept, 0);
}

#[test]
fn the_final_version_waits_for_the_quality_review() {
    let mut plan = common::c13::plan();
    plan.roadmap.as_mut().expect("present").site_url = None;
    assert_eq!(plan.unfinished_for_final(), vec![Step::Quality]);
    assert_eq!(plan.mark_final(TODAY), Err(vec![Step::Quality]));
    plan.roadmap.as_mut().expect("present").repository_url = Some(
        plan_local_ga::domain::contact::WebAddress::parse(
            "https://gobiernoabierto.jalisco.gob.mx/repositorio",
        )
        .expect("present"),
    );
    assert_eq!(plan.mark_final(TODAY), Ok(()));
    assert_eq!(
        Step::Quality.status(&Plan::default(), false),
        TaskStatus::CannotStartYet
    );
}

#[test]
fn the_pdf_annex_has_the_three_answers_the_findings_and_the_kept_reason() {
    let mut plan = common::c13::plan();
    let key = plan
        .quality_review(TODAY)
        .findings()
        .find(|f| f.rule.id() == RuleId::Classified)
        .expect("present")
        .key();
    plan.keep_finding(
        key,
        "La Alianza no clasificaba compromisos así en 2019.".into(),
    );
    let dir = scratch_dir("quality-annex");
    let pdf = dir.join("plan.pdf");
    std::fs::write(
        &pdf,
        plan_pdf(&plan, datetime!(2026-12-06 10:00 -6)).expect("a PDF"),
    )
    .expect("write");
    let text = squash(&pdftotext(&pdf, false));
    for expected in [
        "Anexo: revisión de calidad",
        "Nada falta para la versión final; 8 recomendaciones",
        "Las tres preguntas del Mecanismo de Revisión Independiente",
        "¿Es verificable?",
        "Sí: cada acción clave tiene producto, indicador, medio de verificación y fechas.",
        "Sí: Transparencia, Participación ciudadana, cada uno con su razón.",
        "Modesto: no nombra un cambio de reglas",
        "Prometedor",
        "Revisado, se mantiene así: La Alianza no clasificaba compromisos así en 2019.",
        "El plan tiene 1 compromiso; la Alianza recomienda de 5 a 15.",
        "Fuentes de las reglas",
        "https://www.opengovpartnership.org/ogp-participation-co-creation-standards/",
    ] {
        assert!(
            text.contains(&squash(expected)),
            "missing from the PDF: {expected}"
        );
    }
    cleanup(&dir);
}

#[test]
fn real_plans_are_reviewed_as_published() {
    // Published plans give no weights, indicators or means of verification:
    // none of their commitments is verifiable yet, and each review says what
    // the ficha still asks for.
    for p in common::real_plans::all() {
        let review = p.plan.quality_review(TODAY);
        assert!(p.plan.quality_required_findings() > 0, "{}", p.id);
        let view = review_view(&p.plan, TODAY);
        assert_eq!(view.commitments.len(), p.plan.commitments.len());
        let keys: Vec<String> = review.findings().map(|f| f.key()).collect();
        let unique: std::collections::BTreeSet<&String> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "{}", p.id);
    }
}

#[test]
fn the_readme_lists_every_rule_with_its_severity_and_source() {
    use plan_local_ga::messages::quality as words;
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    for id in RuleId::ALL {
        let line = format!(
            "- `{}` ({}): {}",
            id.key(),
            words::severity(id.severity()),
            words::rule(id)
        );
        assert!(readme.contains(&line), "README lacks: {line}");
    }
    for s in plan_local_ga::domain::quality::Source::ALL {
        let heading = format!("**{}** ({})", words::source(s), s.url());
        assert!(readme.contains(&heading), "README lacks: {heading}");
    }
}

/// The task list computes the review once and passes its required count to
/// the step's status: the same status as the step computes alone, on the
/// commitment-13 plan, an incomplete one and every real plan.
#[test]
fn the_status_from_the_shared_review_is_the_steps_own() {
    use plan_local_ga::domain::methodology::Step;
    let today = time::macros::date!(2026 - 12 - 06);
    let mut incomplete = common::c13::plan();
    incomplete.commitments[0].key_actions.clear();
    let plans: Vec<plan_local_ga::domain::Plan> = [common::c13::plan(), incomplete]
        .into_iter()
        .chain(common::real_plans::all().into_iter().map(|p| p.plan))
        .collect();
    for plan in &plans {
        let required = plan.quality_review(today).counts(plan).required;
        assert_eq!(required, plan.quality_required_findings());
        assert_eq!(
            Step::Quality.status_with(plan, false, Some(required)),
            Step::Quality.status(plan, false)
        );
    }
}

/// The commitments' checks made once ([`Plan::checks`]) say what the single
/// calls say: each commitment's pending parts and issues, the step's status,
/// the quality review. Pages use the checks; the calls stay the rules.
#[test]
fn the_checks_made_once_agree_with_the_single_calls() {
    use plan_local_ga::domain::methodology::Step;
    let today = date!(2026 - 03 - 15);
    let mut plans = vec![
        common::c13::plan(),
        common::bench_plan::plan_with(15),
        Plan::default(),
    ];
    plans.extend(common::real_plans::all().into_iter().map(|r| r.plan));
    for plan in &plans {
        let checks = plan.checks();
        assert_eq!(checks.len(), plan.commitments.len());
        for (c, check) in plan.commitments.iter().zip(&checks) {
            assert_eq!(check.id, c.id);
            assert_eq!(check.pending, plan.commitment_pending(c));
            assert_eq!(check.issues, plan.commitment_issues(c));
            assert_eq!(check.complete(), plan.commitment_complete(c));
        }
        for step in Step::ALL {
            for unsaved in [false, true] {
                assert_eq!(
                    step.status_checked(plan, unsaved, None, &checks),
                    step.status_with(plan, unsaved, None),
                    "{step:?}"
                );
            }
        }
        assert_eq!(
            plan.quality_review_checked(today, &checks),
            plan.quality_review(today)
        );
    }
}
