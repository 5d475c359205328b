//! The plan's own classification of a commitment (`domain::classification`):
//! typed through the page's input (`ClassificationInput`), it reaches "Revise
//! su plan" (rows changed on the classification page) and the commitment's
//! ficha in the exported plan and in the PDF's text, with the same labels and
//! values in both; a commitment without one shows none of it. An empty page
//! removes the classification; an unknown choice or a text too long is
//! refused in Spanish; drafts keep it through their JSON, earlier drafts load
//! without one, and fields of a newer version inside it survive the page.

mod common;

use std::collections::BTreeMap;

use common::{assert_in_order, body_text, cleanup, field, path_str, run, scratch_dir, squash};
use plan_local_ga::domain::classification::{
    ChallengeArea, Classification, ClassificationInput, POLICY_AREAS, SECTORS,
};
use plan_local_ga::domain::commitment::Commitment;
use plan_local_ga::domain::ogp::{Practice, YesNo};
use plan_local_ga::domain::unknown::edit_keeping_unknown;
use plan_local_ga::domain::{parse_date, CommitmentId, Field, Named, Period, Plan, Problem};
use plan_local_ga::export::ogp::{classification_line, CLASSIFICATION_HEADING};
use plan_local_ga::export::summary::{summary, Row, Target};
use plan_local_ga::export::{plan_document, plan_pdf, Block};
use plan_local_ga::messages::field_error;
use plan_local_ga::persistence::envelope::{decode, encode, Envelope, SCHEMA_VERSION};
use serde_json::Value;
use time::macros::{date, datetime};

/// What a person types on the page: every answer given.
fn typed() -> ClassificationInput {
    ClassificationInput {
        challenge_area: "anticorrupcion".into(),
        policy_area: "Apertura fiscal".into(),
        sector: "Finanzas públicas".into(),
        practice: "nuevo".into(),
        binding: "si".into(),
        nominate: "si".into(),
    }
}

/// The page saved as the app saves it (over what the commitment had).
fn save(input: &ClassificationInput, existing: Option<&Classification>) -> Option<Classification> {
    input
        .read()
        .savable()
        .expect("the page saves it")
        .saved_over(existing)
}

/// What a person reads for `typed()`, written out here (not taken from the
/// app's labels): (label, value), in the page's order.
fn expected_rows() -> Vec<(&'static str, &'static str)> {
    vec![
        ("Área del Open Gov Challenge", "Anticorrupción"),
        ("Área de política principal", "Apertura fiscal"),
        ("Sector", "Finanzas públicas"),
        ("Práctica", "Nuevo: una regla, política o práctica nueva"),
        ("Cambio vinculante o institucional", "Sí"),
        ("Postulado al Open Gov Challenge", "Sí"),
    ]
}

const LABELS: [&str; 6] = [
    "Área del Open Gov Challenge",
    "Área de política principal",
    "Sector",
    "Práctica",
    "Cambio vinculante o institucional",
    "Postulado al Open Gov Challenge",
];

fn commitment(id: u32, name: &str) -> Commitment {
    let period = Period::new(
        parse_date("01/2026").expect("date"),
        parse_date("12/2027").expect("date"),
    )
    .expect("period");
    Commitment::new(CommitmentId(id), name.to_owned(), Some(period))
}

/// Two commitments; the first classified through the page, the second not.
fn plan() -> Plan {
    let mut plan = Plan {
        profile: Some(common::plans::profile()),
        ..Plan::default()
    };
    let mut first = commitment(1, "Presupuesto abierto por colonia");
    first.classification = save(&typed(), None);
    plan.commitments.push(first);
    plan.commitments
        .push(commitment(2, "Padrón de obra pública en datos abiertos"));
    plan
}

// ---------------------------------------------------------------------------------
// The page's rules

#[test]
fn every_answer_typed_is_read_back_into_the_page() {
    let c = save(&typed(), None).expect("a classification");
    assert_eq!(c.challenge_area, Some(ChallengeArea::Anticorrupcion));
    assert_eq!(c.policy_area.as_deref(), Some("Apertura fiscal"));
    assert_eq!(c.sector.as_deref(), Some("Finanzas públicas"));
    assert_eq!(c.practice, Some(Practice::Nuevo));
    assert_eq!(c.binding, Some(YesNo::Si));
    assert!(c.nominate);
    assert_eq!(ClassificationInput::from_value(&c), typed());
    // Every area and every suggestion goes through the page and back.
    for &area in ChallengeArea::ALL {
        let input = ClassificationInput {
            challenge_area: area.key().into(),
            ..Default::default()
        };
        let c = save(&input, None).expect("classified");
        assert_eq!(c.challenge_area, Some(area));
        assert_eq!(ClassificationInput::from_value(&c), input);
    }
    for text in POLICY_AREAS.iter().chain(SECTORS) {
        let input = ClassificationInput {
            policy_area: (*text).into(),
            sector: (*text).into(),
            ..Default::default()
        };
        assert_eq!(
            ClassificationInput::from_value(&save(&input, None).expect("given")),
            input
        );
    }
    // Not a suggestion: any text is kept as typed (trimmed).
    let own = ClassificationInput {
        policy_area: "  Movilidad ciclista ".into(),
        ..Default::default()
    };
    assert_eq!(
        save(&own, None).and_then(|c| c.policy_area),
        Some("Movilidad ciclista".to_owned())
    );
}

#[test]
fn an_empty_page_removes_the_classification() {
    assert_eq!(save(&ClassificationInput::default(), None), None);
    let before = save(&typed(), None).expect("classified");
    assert_eq!(save(&ClassificationInput::default(), Some(&before)), None);
    // Whitespace only is empty too; an unticked box is "not nominated".
    let blank = ClassificationInput {
        policy_area: "   ".into(),
        sector: "\t".into(),
        ..Default::default()
    };
    assert_eq!(save(&blank, Some(&before)), None);
    let only_not_nominated = ClassificationInput {
        nominate: String::new(),
        ..typed()
    };
    assert!(
        !save(&only_not_nominated, None)
            .expect("classified")
            .nominate
    );
}

#[test]
fn what_cannot_be_read_is_refused_in_spanish() {
    let input = ClassificationInput {
        challenge_area: "turismo".into(),
        policy_area: "x".repeat(301),
        practice: "a veces".into(),
        binding: "quizá".into(),
        ..Default::default()
    };
    let errors = input.read().savable().expect_err("refused");
    let got: Vec<(Field, Problem, String)> = errors
        .iter()
        .map(|e| (e.field, e.problem.clone(), field_error(e)))
        .collect();
    assert_eq!(
        got,
        [
            (
                Field::Named(Named::ChallengeArea),
                Problem::UnknownChoice,
                "El área del Open Gov Challenge debe elegirse de la lista".to_owned()
            ),
            (
                Field::Named(Named::PolicyArea),
                Problem::TooLong { max: 300 },
                "El área de política debe tener 300 caracteres o menos".to_owned()
            ),
            (
                Field::Named(Named::OwnPractice),
                Problem::UnknownChoice,
                "Si es una práctica nueva o continua debe elegirse de la lista".to_owned()
            ),
            (
                Field::Named(Named::OwnBinding),
                Problem::UnknownChoice,
                "Si el cambio es vinculante o institucional debe elegirse de la lista".to_owned()
            ),
        ]
    );
    // The page's fields are named by the keys the page's inputs carry.
    let keys: Vec<&str> = [
        Named::ChallengeArea,
        Named::PolicyArea,
        Named::CommitmentSector,
        Named::OwnPractice,
        Named::OwnBinding,
        Named::Nominate,
    ]
    .map(|n| Field::Named(n).key())
    .to_vec();
    let fields = serde_json::to_value(typed()).expect("json");
    let mut names: Vec<&str> = fields
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
}

// ---------------------------------------------------------------------------------
// "Revise su plan" and the PDF

fn rows_of(plan: &Plan, group: &str) -> Vec<Row> {
    summary(plan, date!(2026 - 03 - 02))
        .into_iter()
        .flat_map(|s| s.groups)
        .find(|g| g.title.as_deref() == Some(group))
        .unwrap_or_else(|| panic!("group {group}"))
        .rows
}

#[test]
fn the_classification_reaches_revise_su_plan() {
    let plan = plan();
    let rows: Vec<(String, Option<String>)> = rows_of(&plan, "Compromiso 1")
        .into_iter()
        .filter(|r| r.target == Target::Classification(CommitmentId(1)))
        .map(|r| (r.key, r.value))
        .collect();
    let expected: Vec<(String, Option<String>)> = expected_rows()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), Some(v.to_owned())))
        .collect();
    assert_eq!(rows, expected);
    // The commitment without a classification has none of its rows.
    let second = rows_of(&plan, "Compromiso 2");
    assert!(second.iter().all(
        |r| !LABELS.contains(&r.key.as_str()) && !matches!(r.target, Target::Classification(_))
    ));

    // A classification with only an area: the rest "No proporcionado" (no
    // value), the nomination "No".
    let mut only_area = plan.clone();
    only_area.commitments[1].classification = save(
        &ClassificationInput {
            challenge_area: "justicia".into(),
            ..Default::default()
        },
        None,
    );
    let rows: BTreeMap<String, Option<String>> = rows_of(&only_area, "Compromiso 2")
        .into_iter()
        .filter(|r| r.target == Target::Classification(CommitmentId(2)))
        .map(|r| (r.key, r.value))
        .collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(
        rows["Área del Open Gov Challenge"].as_deref(),
        Some("Justicia")
    );
    assert_eq!(rows["Sector"], None);
    assert_eq!(
        rows["Postulado al Open Gov Challenge"].as_deref(),
        Some("No")
    );
}

/// The fields of the ficha of commitment `n` ("Compromiso n. Nombre") under
/// the classification's heading.
fn ficha_fields(plan: &Plan, heading: &str) -> Option<Vec<(String, String)>> {
    let doc = plan_document(plan, datetime!(2026-03-02 10:00 -6));
    let start = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 2, text } if text == heading))
        .unwrap_or_else(|| panic!("heading {heading}"));
    let ficha: Vec<&Block> = doc.blocks[start + 1..]
        .iter()
        .take_while(|b| !matches!(b, Block::Heading { level, .. } if *level <= 2))
        .collect();
    let at = ficha.iter().position(
        |b| matches!(b, Block::Heading { level: 3, text } if text == CLASSIFICATION_HEADING),
    )?;
    match ficha.get(at + 1) {
        Some(Block::Fields(fs)) => Some(
            fs.iter()
                .map(|f| (f.label.clone(), f.value.clone()))
                .collect(),
        ),
        other => panic!("fields after the heading, found {other:?}"),
    }
}

#[test]
fn the_ficha_and_the_review_say_the_same() {
    let plan = plan();
    let fields = ficha_fields(&plan, "Compromiso 1. Presupuesto abierto por colonia")
        .expect("the first ficha has its classification");
    let expected: Vec<(String, String)> = expected_rows()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    assert_eq!(fields, expected);
    assert_eq!(
        ficha_fields(
            &plan,
            "Compromiso 2. Padrón de obra pública en datos abiertos"
        ),
        None,
        "no classification, no part of the ficha"
    );
    // Each review row, as the ficha prints it ("No proporcionado" for none).
    let mut partial = plan.clone();
    partial.commitments[0].classification = save(
        &ClassificationInput {
            sector: "Obras públicas".into(),
            binding: "no".into(),
            ..Default::default()
        },
        None,
    );
    let review: Vec<(String, String)> = rows_of(&partial, "Compromiso 1")
        .into_iter()
        .filter(|r| matches!(r.target, Target::Classification(_)))
        .map(|r| (r.key, r.value.unwrap_or_else(|| "No proporcionado".into())))
        .collect();
    let ficha = ficha_fields(&partial, "Compromiso 1. Presupuesto abierto por colonia")
        .expect("classified");
    assert_eq!(review, ficha);
    assert_eq!(ficha[0].1, "No proporcionado");
    assert_eq!(ficha[4].1, "No");
}

#[test]
fn the_classification_is_in_the_pdfs_text() {
    let plan = plan();
    let when = datetime!(2026-03-02 10:00 -6);
    let dir = scratch_dir("classification-pdf");
    let pdf = dir.join("plan.pdf");
    std::fs::write(&pdf, plan_pdf(&plan, when).expect("a PDF")).expect("write");
    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    let out = dir.join("plan.txt");
    run(
        "pdftotext",
        "poppler-utils",
        &["-enc", "UTF-8", "-raw", path_str(&pdf), path_str(&out)],
    );
    let raw = std::fs::read_to_string(&out).expect("pdftotext output");
    cleanup(&dir);
    let doc = plan_document(&plan, when);
    let text = body_text(&raw, &doc.meta.title, &doc.meta.footer_note);
    // In the first ficha, in order, after its heading; then the second ficha.
    let mut expected = vec![
        field("ficha", "Compromiso 1. Presupuesto abierto por colonia"),
        field("heading", CLASSIFICATION_HEADING),
    ];
    for (label, value) in expected_rows() {
        expected.push(field("label", label));
        expected.push(field(label, value));
    }
    expected.push(field(
        "ficha",
        "Compromiso 2. Padrón de obra pública en datos abiertos",
    ));
    assert_in_order(&text, &expected);
    // Once: only the first commitment has a classification.
    // (The label's first line: a long label wraps beside its value.)
    assert_eq!(
        squash(&text)
            .matches(&squash("Postulado al Open Gov"))
            .count(),
        1
    );
}

#[test]
fn the_overview_line_names_the_area_and_the_nomination() {
    let c = save(&typed(), None).expect("classified");
    assert_eq!(
        classification_line(&c).as_deref(),
        Some("Anticorrupción · Apertura fiscal · Finanzas públicas · Postulado al Open Gov Challenge")
    );
    let practice_only = save(
        &ClassificationInput {
            practice: "continuo".into(),
            ..Default::default()
        },
        None,
    )
    .expect("classified");
    assert_eq!(classification_line(&practice_only), None);
}

// ---------------------------------------------------------------------------------
// Drafts

#[test]
fn a_classification_round_trips_through_a_draft() {
    let plan = plan();
    let env = Envelope::new(
        plan.clone(),
        Default::default(),
        datetime!(2026-03-02 10:00 -6),
        1,
    );
    let text = encode(&env);
    let back = decode(&text).expect("round trip");
    assert_eq!(back.plan, plan);
    assert_eq!(
        back.plan.commitments[0].classification,
        save(&typed(), None)
    );
    assert_eq!(encode(&back), text);
    // Stored by its keys; the second commitment writes none.
    let json: Value = serde_json::from_str(&text).expect("JSON");
    let stored = &json["plan"]["commitments"][0]["classification"];
    assert_eq!(stored["challenge_area"], "anticorrupcion");
    assert_eq!(stored["policy_area"], "Apertura fiscal");
    assert_eq!(stored["sector"], "Finanzas públicas");
    assert_eq!(stored["practice"], "nuevo");
    assert_eq!(stored["binding"], "si");
    assert_eq!(stored["nominate"], true);
    assert!(json["plan"]["commitments"][1]
        .get("classification")
        .is_none());
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

#[test]
fn drafts_of_every_earlier_version_load_without_a_classification() {
    for version in 1..=SCHEMA_VERSION {
        let name = format!("borrador-v{version}.json");
        let env = decode(&fixture(&name)).unwrap_or_else(|e| panic!("{name} loads: {e}"));
        assert!(
            env.plan
                .commitments
                .iter()
                .all(|c| c.classification.is_none()),
            "{name}"
        );
        assert!(!encode(&env).contains("\"classification\""), "{name}");
    }
}

#[test]
fn fields_of_a_newer_version_inside_it_survive_the_page() {
    let mut json = serde_json::to_value(plan()).expect("json");
    json["commitments"][0]["classification"]["nuevo"] = Value::from("a");
    json["commitments"][1]["classification"] = serde_json::json!({ "solo_nuevo": 2 });
    let mut plan: Plan = serde_json::from_value(json).expect("a plan");
    // The page opened and saved as it is, and the second one saved empty.
    let first = plan.commitments[0].classification.clone();
    let second = plan.commitments[1].classification.clone();
    let edited = ClassificationInput::from_value(first.as_ref().expect("classified"));
    assert_eq!(edited, typed());
    let edited = ClassificationInput {
        sector: "Salud".into(),
        ..edited
    };
    edit_keeping_unknown(&mut plan, |p| {
        p.commitments[0].classification = save(&edited, first.as_ref());
        p.commitments[1].classification = save(
            &ClassificationInput::from_value(second.as_ref().expect("kept")),
            second.as_ref(),
        );
    });
    let back = serde_json::to_value(&plan).expect("json");
    assert_eq!(back["commitments"][0]["classification"]["nuevo"], "a");
    assert_eq!(back["commitments"][0]["classification"]["sector"], "Salud");
    assert_eq!(back["commitments"][1]["classification"]["solo_nuevo"], 2);
    // Cleared on purpose, only the newer version's fields remain (as for the
    // OGP record): nothing this version shows.
    let rows = rows_of(&plan, "Compromiso 2");
    assert_eq!(
        rows.iter()
            .find(|r| r.key == "Área del Open Gov Challenge")
            .map(|r| r.value.clone()),
        Some(None)
    );
}

#[test]
fn a_duplicated_commitment_keeps_the_plans_classification() {
    // The classification is the plan's own answers about the commitment (not
    // OGP's record of the original), so its copy starts with the same answers.
    let mut plan = plan();
    let copy = plan.duplicate_commitment(CommitmentId(1)).expect("copied");
    assert_eq!(
        plan.commitment(copy).and_then(|c| c.classification.clone()),
        save(&typed(), None)
    );
}
