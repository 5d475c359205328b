//! What OGP and the monitoring body publish about a plan (`domain::ogp`): the
//! parse rules of its pages; the Quintana Roo 2023-2025 plan
//! (`tests/fixtures/planes-reales/quintana-roo-2023-2025.json`) entered
//! through the pages' inputs reaches "Revise su plan" and the PDF's text; the
//! English titles sit in the PDF inside marked content with `/Lang (en)`;
//! drafts of every earlier version load without a record.

mod common;

use std::collections::BTreeMap;

use common::{cleanup, path_str, pdftotext, run, scratch_dir, squash};
use plan_local_ga::domain::commitment::Commitment;
use plan_local_ga::domain::ogp::{
    CommitmentOgpInput, Completion, EventInput, OgpId, OgpProgram, PlanOgp, PlanOgpInput,
    Potential, Practice, PublishedValue, Relevance, SessionInput, YesNo,
};
use plan_local_ga::domain::{
    parse_date, CommitmentId, Field, FieldError, ItemId, Named, PartialDate, Period, Plan, Problem,
    Step, TaskStatus,
};
use plan_local_ga::export::ogp::ENGLISH;
use plan_local_ga::export::summary::{summary, Row, Target};
use plan_local_ga::export::{plan_document, plan_pdf, Block};
use plan_local_ga::messages::field_error;
use plan_local_ga::persistence::envelope::{decode, encode, Envelope, SCHEMA_VERSION};
use serde_json::Value;
use time::macros::{date, datetime};
use time::Month;

fn named(n: Named) -> Field {
    Field::Named(n)
}

fn errors_of<T: std::fmt::Debug>(r: Result<T, Vec<FieldError>>) -> Vec<(Field, Problem)> {
    r.expect_err("refused")
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

// ---------------------------------------------------------------------------------
// Parse rules

#[test]
fn ogp_ids_are_letters_then_digits_in_capitals() {
    for (typed, stored) in [
        ("MXROO0006", "MXROO0006"),
        ("mx0087", "MX0087"),
        ("  JAL0001 ", "JAL0001"),
        ("MXMTY0001", "MXMTY0001"),
        ("A1", "A1"),
    ] {
        assert_eq!(
            OgpId::parse(typed).map(|i| i.as_str().to_owned()),
            Ok(stored.to_owned())
        );
    }
    for typed in [
        "0006",
        "MXROO",
        "MX-0087",
        "MX 0087",
        "MXROO0006A",
        "MXÑ0001",
        "ABCDEFGHIJK1",
        "MX123456789",
    ] {
        assert_eq!(OgpId::parse(typed), Err(Problem::NotAnOgpId), "{typed}");
    }
    assert_eq!(OgpId::parse("  "), Err(Problem::Missing));
    // A stored id is read with the same rule.
    assert!(serde_json::from_str::<OgpId>("\"MX-0087\"").is_err());
    assert_eq!(
        serde_json::from_str::<OgpId>("\"MX0087\"")
            .ok()
            .map(|i| i.as_str().to_owned()),
        Some("MX0087".to_owned())
    );
    let input = CommitmentOgpInput {
        ogp_id: "MXROO-6".into(),
        ..Default::default()
    };
    let errors = input.parse(None).expect_err("refused");
    assert_eq!(
        field_error(&errors[0]),
        "El identificador del compromiso en OGP debe tener letras y luego números, como lo publica OGP, por ejemplo MXROO0006 o MX0087"
    );
}

#[test]
fn the_plans_page_reads_numbers_addresses_and_lines() {
    let ok = PlanOgpInput {
        program: "ogp-local".into(),
        plan_number: " 2 ".into(),
        name_en: "Action plan".into(),
        page_url: "https://www.opengovpartnership.org/documents/x".into(),
        strategic_vision: "".into(),
        other_start: "2019".into(),
        other_end: "2022".into(),
        other_source: "Página del plan en OGP".into(),
        lead_institutions: "Secretaría A\n\n  Secretaría B  \n".into(),
        monitoring_name: "".into(),
        evaluators: "Persona 1\nPersona 2".into(),
    }
    .parse(None)
    .expect("valid");
    assert_eq!(ok.program, Some(OgpProgram::Local));
    assert_eq!(ok.plan_number, Some(2));
    assert_eq!(ok.lead_institutions, ["Secretaría A", "Secretaría B"]);
    // The plan's period as another source publishes it, with that source.
    let other = ok.other_period.as_ref().expect("a second period");
    assert_eq!(other.period.to_string(), "2019 a 2022");
    assert_eq!(other.source.as_deref(), Some("Página del plan en OGP"));
    assert_eq!(PlanOgpInput::from_value(&ok).other_start, "2019");
    // One date without the other, or a source without dates, is refused.
    for (start, end, source) in [("2019", "", ""), ("", "", "Página de OGP")] {
        let e = PlanOgpInput {
            other_start: start.into(),
            other_end: end.into(),
            other_source: source.into(),
            ..PlanOgpInput::default()
        }
        .parse(None)
        .expect_err("incomplete period");
        assert!(
            e.iter().all(|e| e.problem == Problem::OtherDateMissing),
            "{e:?}"
        );
    }
    let m = ok.monitoring_body.as_ref().expect("evaluators make a body");
    assert_eq!((m.name.as_deref(), m.evaluators.len()), (None, 2));
    assert_eq!(ok.strategic_vision, None);

    for (number, problem) in [
        ("0", Problem::OutOfRange { min: 1, max: 99 }),
        ("100", Problem::OutOfRange { min: 1, max: 99 }),
        ("dos", Problem::NotAWholeNumber),
        ("2.5", Problem::NotAWholeNumber),
    ] {
        let input = PlanOgpInput {
            plan_number: number.into(),
            ..Default::default()
        };
        assert_eq!(
            errors_of(input.parse(None)),
            [(named(Named::OgpPlanNumber), problem)],
            "{number}"
        );
    }
    let input = PlanOgpInput {
        program: "otro".into(),
        page_url: "opengovpartnership.org".into(),
        ..Default::default()
    };
    assert_eq!(
        errors_of(input.parse(None)),
        [
            (named(Named::OgpProgram), Problem::UnknownChoice),
            (named(Named::OgpPlanUrl), Problem::NotAUrl),
        ]
    );
    // Nothing typed: an empty record, which the page does not keep.
    let empty = PlanOgpInput::default().parse(None).expect("valid");
    assert!(empty.is_empty());
    assert_eq!(PlanOgpInput::from_value(&ok).parse(None), Ok(ok));
}

#[test]
fn saving_the_plans_page_keeps_its_sessions_events_and_unknown_fields() {
    let existing: PlanOgp = serde_json::from_value(serde_json::json!({
        "plan_number": 1,
        "sessions": [{"id": 1, "date": "2022-11-04", "futuro": true}],
        "events": [{"id": 3, "name": "Consulta", "date": "2019-05"}],
        "monitoring_body": {"name": "IRM", "evaluators": [], "otra": 1},
        "campo_nuevo": "x"
    }))
    .expect("a record");
    let saved = PlanOgpInput {
        plan_number: "2".into(),
        monitoring_name: "Órgano".into(),
        ..Default::default()
    }
    .parse(Some(&existing))
    .expect("valid");
    assert_eq!(saved.plan_number, Some(2));
    assert_eq!(saved.sessions, existing.sessions);
    assert_eq!(saved.events, existing.events);
    assert_eq!(saved.unknown, existing.unknown);
    let body = saved.monitoring_body.expect("a body");
    assert_eq!(body.name.as_deref(), Some("Órgano"));
    assert_eq!(body.unknown.get("otra"), Some(&Value::from(1)));
}

#[test]
fn sessions_need_a_date_at_any_precision() {
    let s = SessionInput {
        date: "November 4, 2022".into(),
        minutes_url: "".into(),
        note: "Sesión de trabajo".into(),
    }
    .parse(ItemId(4))
    .expect("valid");
    assert_eq!(s.date, PartialDate::Day(date!(2022 - 11 - 04)));
    assert_eq!(s.id, ItemId(4));
    let month = SessionInput {
        date: "agosto de 2022".into(),
        ..Default::default()
    }
    .parse(ItemId(1))
    .expect("valid");
    assert_eq!(month.date, PartialDate::Month(2022, Month::August));
    assert_eq!(SessionInput::from_value(&month).date, "agosto de 2022");
    assert_eq!(
        errors_of(SessionInput::default().parse(ItemId(1))),
        [(named(Named::SessionDate), Problem::Missing)]
    );
    assert_eq!(
        errors_of(
            SessionInput {
                date: "31/02/2022".into(),
                minutes_url: "acta.pdf".into(),
                note: String::new(),
            }
            .parse(ItemId(1))
        ),
        [
            (named(Named::SessionDate), Problem::ImpossibleDate),
            (named(Named::SessionMinutesUrl), Problem::NotAUrl),
        ]
    );
    assert_eq!(
        field_error(&FieldError::new(
            named(Named::SessionDate),
            Problem::Missing
        )),
        "Escriba la fecha de la sesión"
    );
}

#[test]
fn events_are_dated_by_a_day_a_month_a_period_or_not_at_all() {
    let event = |name: &str, date: &str, end: &str| EventInput {
        name: name.into(),
        date: date.into(),
        end: end.into(),
        source: String::new(),
    };
    let period = event("Consulta pública", "24/05/2019", "17/06/2019")
        .parse(ItemId(1))
        .expect("valid");
    assert_eq!(period.when().as_deref(), Some("24/05/2019 al 17/06/2019"));
    let month = event("Sistematización", "agosto de 2019", "")
        .parse(ItemId(2))
        .expect("valid");
    assert_eq!(month.when().as_deref(), Some("agosto de 2019"));
    let undated = event("Mesas de cocreación", "", "")
        .parse(ItemId(3))
        .expect("valid");
    assert_eq!(undated.when(), None);
    assert_eq!(
        EventInput::from_value(&period),
        event("Consulta pública", "24/05/2019", "17/06/2019")
    );

    assert_eq!(
        errors_of(event("", "", "").parse(ItemId(1))),
        [(named(Named::EventName), Problem::Missing)]
    );
    assert_eq!(
        errors_of(event("Mesa", "", "2019").parse(ItemId(1))),
        [(named(Named::EventDate), Problem::Missing)]
    );
    assert_eq!(
        errors_of(event("Mesa", "17/06/2019", "24/05/2019").parse(ItemId(1))),
        [(named(Named::EventEnd), Problem::EndNotAfterStart)]
    );
    // An unreadable start is reported once, not also as missing.
    assert_eq!(
        errors_of(event("Mesa", "mañana", "2019").parse(ItemId(1))),
        [(named(Named::EventDate), Problem::NotADate)]
    );
}

#[test]
fn a_commitments_page_left_empty_records_nothing() {
    assert_eq!(CommitmentOgpInput::default().parse(None), Ok(None));
    let rated = CommitmentOgpInput {
        verifiable: "si".into(),
        ..Default::default()
    }
    .parse(None)
    .expect("valid")
    .expect("a record");
    assert_eq!(
        rated.inception.as_ref().and_then(|i| i.verifiable),
        Some(YesNo::Si)
    );
    assert_eq!(rated.ogp_id, None);
    // Clearing every answer removes the record.
    assert_eq!(CommitmentOgpInput::default().parse(Some(&rated)), Ok(None));
    let bad = CommitmentOgpInput {
        potential: "enorme".into(),
        values: "participacion-civica,otro".into(),
        completion: "casi".into(),
        ..Default::default()
    };
    assert_eq!(
        errors_of(bad.parse(None)),
        [
            (named(Named::PublishedValues), Problem::UnknownChoice),
            (named(Named::Potential), Problem::UnknownChoice),
            (named(Named::Completion), Problem::UnknownChoice),
        ]
    );
}

#[test]
fn every_rating_of_both_scales_round_trips_through_the_page() {
    for (i, potential) in Potential::ALL.iter().enumerate() {
        let completion = Completion::ALL[i % Completion::ALL.len()];
        let input = CommitmentOgpInput {
            ogp_id: "MX0087".into(),
            title_es: "Estrategia subnacional de gobierno abierto".into(),
            title_en: "Subnational Open Government Strategy".into(),
            page_url: "https://www.opengovpartnership.org/members/mexico/commitments/MX0087/"
                .into(),
            verifiable: "no".into(),
            relevant: "no-claro".into(),
            values: "tecnologia-innovacion,acceso-informacion".into(),
            potential: potential.key().into(),
            practice: "continuo".into(),
            binding: "si".into(),
            completion: completion.key().into(),
            note: "Ambición: alta".into(),
        };
        let record = input.parse(None).expect("valid").expect("a record");
        let i = record.inception.as_ref().expect("rated");
        assert_eq!(i.potential, Some(*potential));
        assert_eq!(i.relevant, Some(Relevance::NoClaro));
        // Values in OGP's order, whatever order they were ticked in.
        assert_eq!(
            i.values,
            [
                PublishedValue::AccesoInformacion,
                PublishedValue::TecnologiaInnovacion
            ]
        );
        assert_eq!(record.completion, Some(completion));
        let back = CommitmentOgpInput::from_value(&record);
        assert_eq!(back.values, "acceso-informacion,tecnologia-innovacion");
        assert_eq!(back.parse(None), Ok(Some(record)));
    }
}

#[test]
fn the_step_is_optional_and_its_status_follows_the_record() {
    assert!(!Step::Ogp.required_for_final());
    assert!(Step::required().all(|s| s != Step::Ogp));
    let mut plan = Plan::default();
    assert_eq!(Step::Ogp.status(&plan, false), TaskStatus::NotStarted);
    assert_eq!(Step::Ogp.status(&plan, true), TaskStatus::InProgress);
    plan.commitments.push(commitment(1, "Un compromiso"));
    plan.commitments[0].ogp = CommitmentOgpInput {
        ogp_id: "MXROO0006".into(),
        ..Default::default()
    }
    .parse(None)
    .expect("valid");
    assert_eq!(Step::Ogp.status(&plan, false), TaskStatus::InProgress);
    plan.ogp = Some(
        PlanOgpInput {
            plan_number: "2".into(),
            ..Default::default()
        }
        .parse(None)
        .expect("valid"),
    );
    assert_eq!(Step::Ogp.status(&plan, false), TaskStatus::Completed);
    assert_eq!(Step::Ogp.status(&plan, true), TaskStatus::InProgress);
    assert!(!plan.unfinished_for_final().contains(&Step::Ogp));
}

#[test]
fn a_duplicated_commitment_does_not_copy_its_ogp_record() {
    let mut plan = Plan::default();
    let mut c = commitment(1, "Original");
    c.ogp = CommitmentOgpInput {
        ogp_id: "MXROO0005".into(),
        ..Default::default()
    }
    .parse(None)
    .expect("valid");
    plan.commitments.push(c);
    let copy = plan.duplicate_commitment(CommitmentId(1)).expect("copied");
    assert!(plan
        .commitment(CommitmentId(1))
        .and_then(|c| c.ogp.as_ref())
        .is_some());
    assert_eq!(plan.commitment(copy).map(|c| c.ogp.is_none()), Some(true));
}

// ---------------------------------------------------------------------------------
// Drafts

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

#[test]
fn drafts_of_every_earlier_version_load_without_an_ogp_record() {
    for version in 1..=SCHEMA_VERSION {
        let name = format!("borrador-v{version}.json");
        let env = decode(&fixture(&name)).unwrap_or_else(|e| panic!("{name} loads: {e}"));
        assert_eq!(env.plan.ogp, None, "{name}");
        assert!(
            env.plan.commitments.iter().all(|c| c.ogp.is_none()),
            "{name}"
        );
        // Without a record nothing is written: the draft's JSON has no "ogp".
        let text = encode(&env);
        assert!(!text.contains("\"ogp\""), "{name}");
    }
}

#[test]
fn a_plan_with_its_ogp_record_round_trips_through_a_draft() {
    let plan = quintana_roo_plan(&QuintanaRoo::read());
    let env = Envelope::new(
        plan.clone(),
        Default::default(),
        datetime!(2026-12-06 10:00:00 -6),
        1,
    );
    let text = encode(&env);
    let back = decode(&text).expect("round trip");
    assert_eq!(back.plan, plan);
    assert_eq!(encode(&back), text);
}

#[test]
fn fields_of_a_newer_version_inside_the_record_are_kept() {
    let plan = quintana_roo_plan(&QuintanaRoo::read());
    let mut json = serde_json::to_value(&plan).expect("json");
    json["ogp"]["nuevo"] = Value::from("a");
    json["ogp"]["sessions"][0]["nuevo"] = Value::from(1);
    json["ogp"]["events"][1]["nuevo"] = Value::from(2);
    json["commitments"][0]["ogp"]["nuevo"] = Value::from(3);
    json["commitments"][0]["ogp"]["inception"]["nuevo"] = Value::from(4);
    let mut plan: Plan = serde_json::from_value(json).expect("a plan");
    // The pages replace whole values; the edit carries the unknown fields.
    let edited_record = PlanOgpInput::from_value(plan.ogp.as_ref().expect("record"))
        .parse(plan.ogp.as_ref())
        .expect("valid");
    let c = &plan.commitments[0];
    let edited_commitment = CommitmentOgpInput::from_value(c.ogp.as_ref().expect("record"))
        .parse(c.ogp.as_ref())
        .expect("valid");
    plan_local_ga::domain::unknown::edit_keeping_unknown(&mut plan, |p| {
        p.ogp = Some(edited_record);
        p.commitments[0].ogp = edited_commitment;
    });
    let back = serde_json::to_value(&plan).expect("json");
    assert_eq!(back["ogp"]["nuevo"], "a");
    assert_eq!(back["ogp"]["sessions"][0]["nuevo"], 1);
    assert_eq!(back["ogp"]["events"][1]["nuevo"], 2);
    assert_eq!(back["commitments"][0]["ogp"]["nuevo"], 3);
    assert_eq!(back["commitments"][0]["ogp"]["inception"]["nuevo"], 4);
}

// ---------------------------------------------------------------------------------
// The Quintana Roo plan, entered through the pages' inputs

/// The published plan, as transcribed.
struct QuintanaRoo(Value);

impl QuintanaRoo {
    fn read() -> Self {
        let text = fixture("planes-reales/quintana-roo-2023-2025.json");
        Self(serde_json::from_str(&text).expect("fixture is JSON"))
    }
    fn commitments(&self) -> &[Value] {
        self.0["compromisos"].as_array().expect("commitments")
    }
}

fn text(v: &Value) -> String {
    v.as_str().map(str::to_owned).unwrap_or_default()
}

/// The first title in English, as OGP publishes it.
fn english_title(c: &Value) -> String {
    c["titulo"]
        .as_array()
        .and_then(|ts| ts.iter().find(|t| t["idioma"] == "en"))
        .map(|t| text(&t["texto"]))
        .unwrap_or_default()
}

/// The form key of a published rating ("Yes" → "si", "Unclear" → "no-claro").
fn rating_key(v: &Value) -> String {
    match v["valor"].as_str() {
        Some("Yes" | "sí" | "si") => "si",
        Some("No" | "no") => "no",
        Some("Unclear") => "no-claro",
        Some("nuevo") => "nuevo",
        Some("continuo") => "continuo",
        Some(other) => panic!("a rating this test does not know: {other}"),
        None => "",
    }
    .to_owned()
}

/// The form key of each OGP value as OGP's English pages name it.
fn value_keys(c: &Value) -> String {
    c["valores_ogp"]["valores_en"]
        .as_array()
        .map(|vs| {
            vs.iter()
                .map(|v| match v.as_str() {
                    Some("Access to information") => "acceso-informacion",
                    Some("Civic Participation") => "participacion-civica",
                    Some("Public Accountability") => "rendicion-cuentas",
                    Some("Technology and Innovation for Transparency and Accountability") => {
                        "tecnologia-innovacion"
                    }
                    other => panic!("a value this test does not know: {other:?}"),
                })
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default()
}

fn commitment_input(c: &Value) -> CommitmentOgpInput {
    let i = &c["valoracion_inicial"];
    CommitmentOgpInput {
        ogp_id: text(&c["id_ogp"]),
        title_es: text(&c["titulo_es"]),
        title_en: english_title(c),
        page_url: String::new(),
        verifiable: rating_key(&i["verificable"]),
        relevant: rating_key(&i["relevante_a_valores_ogp"]),
        values: value_keys(c),
        potential: text(&i["potencial_de_resultados"]["valor"]),
        practice: rating_key(&i["nuevo_o_continuo"]),
        binding: rating_key(&i["vinculante"]),
        completion: text(&c["cumplimiento"]["valor"]),
        note: String::new(),
    }
}

fn plan_input(q: &QuintanaRoo) -> PlanOgpInput {
    let p = &q.0["plan"];
    let institutions = p["instituciones_lideres"]["instituciones"]
        .as_array()
        .expect("institutions")
        .iter()
        .map(|i| {
            let name = if i["nombre_es"].is_string() {
                &i["nombre_es"]
            } else {
                &i["nombre_en"]
            };
            text(name)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let evaluators = q.0["organo_de_monitoreo_local"]["evaluadores"]
        .as_array()
        .expect("evaluators")
        .iter()
        .map(|e| text(&e["persona"]))
        .collect::<Vec<_>>()
        .join("\n");
    PlanOgpInput {
        program: match p["programa_ogp"].as_str() {
            Some("OGP Local") => "ogp-local".to_owned(),
            other => panic!("a program this test does not know: {other:?}"),
        },
        plan_number: p["numero_de_plan"]["valor"].to_string(),
        name_en: p["nombre"]
            .as_array()
            .and_then(|ns| ns.iter().find(|n| n["idioma"] == "en"))
            .map(|n| text(&n["texto"]))
            .unwrap_or_default(),
        page_url: text(&q.0["fuentes"][0]["url"]),
        strategic_vision: text(&p["vision_estrategica"]),
        lead_institutions: institutions,
        monitoring_name: text(&q.0["organo_de_monitoreo_local"]["nombre"]),
        evaluators,
        ..PlanOgpInput::default()
    }
}

/// A published date, as the fixture normalises it (and as a person may type it).
fn published_date(d: &Value) -> String {
    text(&d["normalizado"])
}

fn commitment(id: u32, name: &str) -> Commitment {
    let period = Period::new(
        parse_date("07/2023").expect("date"),
        parse_date("12/2025").expect("date"),
    )
    .expect("period");
    Commitment::new(CommitmentId(id), name.to_owned(), Some(period))
}

/// The plan's OGP record and each commitment's, typed into the pages' inputs.
fn quintana_roo_plan(q: &QuintanaRoo) -> Plan {
    let mut plan = Plan::default();
    let mut record = plan_input(q)
        .parse(None)
        .expect("the plan's page accepts it");
    for (i, s) in q.0["foro"]["sesiones"]
        .as_array()
        .expect("sessions")
        .iter()
        .enumerate()
    {
        let input = SessionInput {
            date: published_date(&s["fecha"]),
            minutes_url: text(&s["actas"]),
            note: text(&s["evento"]),
        };
        record
            .sessions
            .push(input.parse(ItemId(i as u32 + 1)).expect("a session"));
    }
    for (i, e) in q.0["eventos_de_cocreacion"]
        .as_array()
        .expect("events")
        .iter()
        .enumerate()
    {
        let input = EventInput {
            name: text(&e["evento"]),
            date: published_date(&e["fecha"]),
            end: String::new(),
            source: text(&e["fuente"]),
        };
        record
            .events
            .push(input.parse(ItemId(i as u32 + 1)).expect("an event"));
    }
    plan.ogp = Some(record);
    for (i, c) in q.commitments().iter().enumerate() {
        let id = text(&c["id_ogp"]);
        let mut commitment = commitment(i as u32 + 1, &format!("Compromiso {id}"));
        commitment.ogp = commitment_input(c)
            .parse(None)
            .unwrap_or_else(|e| panic!("{id}: {e:?}"));
        plan.commitments.push(commitment);
    }
    plan
}

/// What a person reads for each published value, written out here (not taken
/// from the app's labels): (label of the field, text).
fn expected_commitment(c: &Value) -> Vec<(&'static str, String)> {
    let i = &c["valoracion_inicial"];
    let yes_no = |v: &Value| match rating_key(v).as_str() {
        "si" => "Sí",
        "no" => "No",
        "no-claro" => "No está claro",
        "" => "No proporcionado",
        other => panic!("{other}"),
    };
    let values: Vec<&str> = c["valores_ogp"]["valores_en"]
        .as_array()
        .map(|vs| {
            vs.iter()
                .map(|v| match v.as_str() {
                    Some("Civic Participation") => "Participación cívica",
                    Some("Public Accountability") => "Rendición de cuentas pública",
                    Some("Technology and Innovation for Transparency and Accountability") => {
                        "Tecnología e innovación para la transparencia y la rendición de cuentas"
                    }
                    other => panic!("{other:?}"),
                })
                .collect()
        })
        .unwrap_or_default();
    let relevant = match (yes_no(&i["relevante_a_valores_ogp"]), values.is_empty()) {
        ("No proporcionado", true) => "No proporcionado".to_owned(),
        ("No proporcionado", false) => values.join(", "),
        (r, true) => r.to_owned(),
        (r, false) => format!("{r}: {}", values.join(", ")),
    };
    let practice = match rating_key(&i["nuevo_o_continuo"]).as_str() {
        "nuevo" => "Nuevo: una regla, política o práctica nueva",
        "continuo" => "Continuo: sigue una práctica que ya existía",
        _ => "No proporcionado",
    };
    let or_np = |s: String| {
        if s.is_empty() {
            "No proporcionado".to_owned()
        } else {
            s
        }
    };
    vec![
        ("Identificador en OGP", text(&c["id_ogp"])),
        ("Título en inglés (OGP)", or_np(english_title(c))),
        (
            "Valoración inicial: verificable",
            yes_no(&i["verificable"]).to_owned(),
        ),
        (
            "Valoración inicial: relevante para los valores de OGP",
            relevant,
        ),
        ("Valoración inicial: nuevo o continuo", practice.to_owned()),
        (
            "Valoración inicial: vinculante",
            yes_no(&i["vinculante"]).to_owned(),
        ),
        // Not published for any commitment of this plan.
        (
            "Valoración inicial: potencial de resultados",
            "No proporcionado".to_owned(),
        ),
        ("Cumplimiento", "No proporcionado".to_owned()),
    ]
}

#[test]
fn the_fixture_is_what_this_test_expects() {
    let q = QuintanaRoo::read();
    let ids: Vec<String> = q.commitments().iter().map(|c| text(&c["id_ogp"])).collect();
    assert_eq!(ids, ["MXROO0005", "MXROO0006", "MXROO0007", "MXROO0008"]);
    // What the plan publishes reaches the typed record.
    let plan = quintana_roo_plan(&q);
    let record = plan.ogp.as_ref().expect("record");
    assert_eq!(record.program, Some(OgpProgram::Local));
    assert_eq!(record.plan_number, Some(2));
    assert_eq!(record.sessions.len(), 1);
    assert_eq!(
        record.sessions[0].date,
        PartialDate::Day(date!(2022 - 11 - 04))
    );
    assert_eq!(record.events.len(), 4);
    assert_eq!(record.events[0].date, None);
    assert_eq!(
        record.events[3].date,
        Some(PartialDate::Month(2025, Month::December))
    );
    assert_eq!(
        record.monitoring_body.as_ref().map(|m| m.evaluators.len()),
        Some(5)
    );
    let c5 = plan.commitments[0].ogp.as_ref().expect("MXROO0005");
    let i5 = c5.inception.as_ref().expect("rated");
    assert_eq!(
        (
            i5.verifiable,
            i5.relevant,
            i5.practice,
            i5.binding,
            i5.potential
        ),
        (
            Some(YesNo::Si),
            Some(Relevance::Si),
            Some(Practice::Continuo),
            Some(YesNo::Si),
            None
        )
    );
    let c8 = plan.commitments[3].ogp.as_ref().expect("MXROO0008");
    assert_eq!(
        c8.inception.as_ref().and_then(|i| i.relevant),
        Some(Relevance::NoClaro)
    );
    // MXROO0006: only its id is known.
    let c6 = plan.commitments[1].ogp.as_ref().expect("MXROO0006");
    assert_eq!(
        (
            c6.ogp_id.as_ref().map(OgpId::as_str),
            &c6.title_en,
            &c6.inception
        ),
        (Some("MXROO0006"), &None, &None)
    );
}

fn review_rows(plan: &Plan) -> Vec<(Option<String>, Row)> {
    summary(plan, date!(2026 - 12 - 06))
        .into_iter()
        .flat_map(|s| s.groups)
        .flat_map(|g| {
            let title = g.title;
            g.rows.into_iter().map(move |r| (title.clone(), r))
        })
        .collect()
}

fn value_of<'a>(rows: &'a [(Option<String>, Row)], group: &str, key: &str) -> Option<&'a Row> {
    rows.iter()
        .find(|(g, r)| g.as_deref() == Some(group) && r.key == key)
        .map(|(_, r)| r)
}

#[test]
fn quintana_roo_reaches_revise_su_plan() {
    let q = QuintanaRoo::read();
    let plan = quintana_roo_plan(&q);
    let sections = summary(&plan, date!(2026 - 12 - 06));
    let ogp = sections
        .iter()
        .find(|s| s.step == Step::Ogp)
        .expect("the OGP section");
    assert_eq!(
        ogp.title,
        "Registro en la Alianza para el Gobierno Abierto (opcional)"
    );
    let own = &ogp.groups[0].rows;
    let get = |key: &str| {
        own.iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("row {key}"))
    };
    assert_eq!(get("Programa de OGP").value.as_deref(), Some("OGP Local"));
    assert_eq!(get("Número del plan en OGP").value.as_deref(), Some("2"));
    let name = get("Nombre del plan en OGP (en inglés)");
    assert_eq!(
        name.value.as_deref(),
        Some("Action plan – Quintana Roo, Mexico, 2023 – 2025")
    );
    assert_eq!(name.lang, Some(ENGLISH));
    assert_eq!(get("Visión estratégica").value, None);
    let evaluators = get("Personas evaluadoras")
        .value
        .clone()
        .expect("evaluators");
    for e in q.0["organo_de_monitoreo_local"]["evaluadores"]
        .as_array()
        .expect("list")
    {
        assert!(evaluators.contains(&text(&e["persona"])), "{e}");
    }
    let institutions = get("Instituciones líderes")
        .value
        .clone()
        .expect("institutions");
    assert!(institutions.starts_with("Secretaría de la Contraloría del Estado; "));
    assert!(institutions.contains("(CIMAC) Conservation, Research, and Env…"));
    assert!(own.iter().all(|r| r.target == Target::Ogp));

    let rows = review_rows(&plan);
    let session = value_of(&rows, "Sesiones del foro", "Sesión 1").expect("session");
    assert_eq!(
        session.value.as_deref(),
        Some("04/11/2022 · Sesión de trabajo con el grupo impulsor para definir el alcance de los compromisos")
    );
    assert_eq!(session.target, Target::OgpSession(ItemId(1)));
    for (n, e) in q.0["eventos_de_cocreacion"]
        .as_array()
        .expect("events")
        .iter()
        .enumerate()
    {
        let row =
            value_of(&rows, "Eventos de cocreación", &format!("Evento {}", n + 1)).expect("event");
        let value = row.value.clone().expect("value");
        assert!(value.starts_with(&text(&e["evento"])), "{value}");
        assert!(
            value.ends_with(&format!("Fuente: {}", text(&e["fuente"]))),
            "{value}"
        );
    }
    let ninth = value_of(&rows, "Eventos de cocreación", "Evento 4").expect("event 4");
    assert!(ninth
        .value
        .as_deref()
        .is_some_and(|v| v.contains(" · diciembre de 2025 · ")));

    for (n, c) in q.commitments().iter().enumerate() {
        let group = format!("Compromiso {}", n + 1);
        for (key, expected) in expected_commitment(c) {
            let row = value_of(&rows, &group, key).unwrap_or_else(|| panic!("{group}: {key}"));
            assert_eq!(
                row.value
                    .clone()
                    .unwrap_or_else(|| "No proporcionado".to_owned()),
                expected,
                "{group}: {key}"
            );
            assert_eq!(
                row.target,
                Target::CommitmentOgp(CommitmentId(n as u32 + 1))
            );
            // Only a title given in English is marked English ("No
            // proporcionado" is Spanish).
            let english = key == "Título en inglés (OGP)" && row.value.is_some();
            assert_eq!(row.lang, english.then_some(ENGLISH), "{key}");
        }
    }
}

#[test]
fn a_plan_without_a_record_has_no_ogp_section() {
    let plan = Plan::default();
    assert!(summary(&plan, date!(2026 - 12 - 06))
        .iter()
        .all(|s| s.step != Step::Ogp));
    let doc = plan_document(&plan, datetime!(2026-12-06 10:00:00 -6));
    let headings: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        headings.iter().all(|h| !h.contains("Alianza")),
        "{headings:?}"
    );
    // The sections stay numbered without a gap.
    assert_eq!(headings.last().copied(), Some("12. Fuentes de datos"));
}

// ---------------------------------------------------------------------------------
// The PDF

/// The document's fields under the heading `within` (up to the next heading
/// of that level or above), as label → (value, language).
fn fields_under(
    blocks: &[Block],
    within: &str,
    until_level: u8,
) -> BTreeMap<String, (String, Option<&'static str>)> {
    let start = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text == within))
        .unwrap_or_else(|| panic!("heading {within}"));
    blocks[start + 1..]
        .iter()
        .take_while(|b| !matches!(b, Block::Heading { level, .. } if *level <= until_level))
        .flat_map(|b| match b {
            Block::Fields(fs) => fs.clone(),
            _ => Vec::new(),
        })
        .map(|f| (f.label, (f.value, f.lang)))
        .collect()
}

fn when() -> time::OffsetDateTime {
    datetime!(2026-12-06 10:42:00 -6)
}

#[test]
fn quintana_roo_reaches_the_pdf() {
    let q = QuintanaRoo::read();
    let plan = quintana_roo_plan(&q);
    let doc = plan_document(&plan, when());
    // The section of the plan's record, numbered after the reasoned response.
    let section = "12. Registro en la Alianza para el Gobierno Abierto";
    let own = fields_under(&doc.blocks, section, 1);
    assert_eq!(
        own.get("Nombre del plan en OGP (en inglés)"),
        Some(&(
            "Action plan – Quintana Roo, Mexico, 2023 – 2025".to_owned(),
            Some(ENGLISH)
        ))
    );
    assert_eq!(
        own.get("Programa de OGP").map(|v| v.0.as_str()),
        Some("OGP Local")
    );
    // Each ficha has the commitment's record, in Spanish but for its title.
    for (n, c) in q.commitments().iter().enumerate() {
        let heading = format!("Compromiso {}. Compromiso {}", n + 1, text(&c["id_ogp"]));
        let fields = fields_under(&doc.blocks, &heading, 2);
        for (key, expected) in expected_commitment(c) {
            let (value, lang) = fields
                .get(key)
                .unwrap_or_else(|| panic!("{heading}: {key}"));
            assert_eq!(value, &expected, "{heading}: {key}");
            let english = key == "Título en inglés (OGP)" && value != "No proporcionado";
            assert_eq!(*lang, english.then_some(ENGLISH), "{heading}: {key}");
        }
    }

    let dir = scratch_dir("ogp-pdf");
    let pdf = dir.join("quintana-roo.pdf");
    std::fs::write(&pdf, plan_pdf(&plan, when()).expect("a PDF")).expect("write");
    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    let text_of_pdf = squash(&pdftotext(&pdf, false));
    let mut expected: Vec<String> = vec![
        "Registro en la Alianza para el Gobierno Abierto".into(),
        "Action plan – Quintana Roo, Mexico, 2023 – 2025".into(),
        "OGP Local".into(),
        text(&q.0["fuentes"][0]["url"]),
        "04/11/2022".into(),
        "diciembre de 2025".into(),
        "Sesión de trabajo con el grupo impulsor para definir el alcance de los compromisos".into(),
    ];
    for e in q.0["organo_de_monitoreo_local"]["evaluadores"]
        .as_array()
        .expect("list")
    {
        expected.push(text(&e["persona"]));
    }
    for e in q.0["eventos_de_cocreacion"].as_array().expect("events") {
        expected.push(text(&e["evento"]));
    }
    for c in q.commitments() {
        expected.extend(expected_commitment(c).into_iter().map(|(_, v)| v));
    }
    // pdftotext joins a word broken at a line-end hyphen ("mexico-" /
    // "2023"), as in the plan's web address: hyphens are compared apart.
    let unhyphenated = text_of_pdf.replace('-', "");
    for value in expected {
        assert!(
            unhyphenated.contains(&squash(&value).replace('-', "")),
            "the PDF's text has «{value}»"
        );
    }
    cleanup(&dir);
}

// ---------------------------------------------------------------------------------
// English text tagged in the PDF's content streams

/// A PDF decompressed by qpdf (`--qdf`): its objects as (number, text).
fn qdf_objects(pdf: &std::path::Path) -> BTreeMap<u32, String> {
    let out = pdf.with_extension("qdf.pdf");
    run(
        "qpdf",
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            path_str(pdf),
            path_str(&out),
        ],
    );
    let bytes = std::fs::read(&out).expect("qdf");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut objects = BTreeMap::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find(" 0 obj") {
        let head = &rest[..i];
        let number_start = head
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |j| j + 1);
        let number: u32 = head[number_start..].parse().unwrap_or(0);
        let body_start = i + " 0 obj".len();
        let end = rest[body_start..]
            .find("endobj")
            .map_or(rest.len(), |j| body_start + j);
        objects.insert(number, rest[body_start..end].to_owned());
        rest = &rest[end..];
    }
    objects
}

/// The object a key of a dictionary refers to (`/Key 12 0 R`).
fn reference(dict: &str, key: &str) -> Option<u32> {
    let i = dict.find(&format!("/{key} "))?;
    dict[i + key.len() + 2..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// A ToUnicode CMap's glyph → text (bfchar and bfrange entries).
fn to_unicode(cmap: &str) -> BTreeMap<u32, String> {
    let hex_text = |h: &str| {
        let units: Vec<u16> = (0..h.len() / 4)
            .filter_map(|k| u16::from_str_radix(&h[k * 4..k * 4 + 4], 16).ok())
            .collect();
        String::from_utf16_lossy(&units)
    };
    let mut map = BTreeMap::new();
    let tokens: Vec<&str> = cmap
        .split(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i] {
            "beginbfchar" => {
                i += 1;
                while i + 1 < tokens.len() && tokens[i] != "endbfchar" {
                    if let Ok(g) = u32::from_str_radix(tokens[i], 16) {
                        map.insert(g, hex_text(tokens[i + 1]));
                    }
                    i += 2;
                }
            }
            "beginbfrange" => {
                i += 1;
                while i + 2 < tokens.len() && tokens[i] != "endbfrange" {
                    let (Ok(a), Ok(b)) = (
                        u32::from_str_radix(tokens[i], 16),
                        u32::from_str_radix(tokens[i + 1], 16),
                    ) else {
                        break;
                    };
                    let first = hex_text(tokens[i + 2]);
                    let base = first.chars().next().map_or(0, |c| c as u32);
                    for (k, g) in (a..=b).enumerate() {
                        if let Some(c) = char::from_u32(base + k as u32) {
                            map.insert(g, c.to_string());
                        }
                    }
                    i += 3;
                }
            }
            _ => {}
        }
        i += 1;
    }
    map
}

/// Every marked-content span of the page contents with its `/Lang`, and the
/// text shown inside it (decoded through the fonts' ToUnicode maps), in order;
/// text outside a language span is collected under `None`.
fn language_spans(pdf: &std::path::Path) -> Vec<(Option<String>, String)> {
    let objects = qdf_objects(pdf);
    // Font resource name → its glyph map, from every page's resources.
    let mut fonts: BTreeMap<String, BTreeMap<u32, String>> = BTreeMap::new();
    let mut contents = Vec::new();
    for body in objects.values() {
        if !body.contains("/Type /Page") || body.contains("/Type /Pages") {
            continue;
        }
        if let Some(c) = reference(body, "Contents") {
            contents.push(c);
        }
        // The fonts' dictionary, inline in the page's resources or referred to.
        let resources = reference(body, "Resources")
            .and_then(|r| objects.get(&r))
            .map_or(body.as_str(), String::as_str);
        let font_dict = reference(resources, "Font")
            .and_then(|f| objects.get(&f))
            .map_or(resources, String::as_str);
        for name in ["F1", "F2"] {
            let font = reference(font_dict, name).and_then(|f| objects.get(&f));
            let cmap = font
                .and_then(|f| reference(f, "ToUnicode"))
                .and_then(|u| objects.get(&u));
            if let Some(cmap) = cmap {
                fonts
                    .entry(name.to_owned())
                    .or_insert_with(|| to_unicode(cmap));
            }
        }
    }
    assert!(
        fonts.contains_key("F1"),
        "the regular face has a ToUnicode map"
    );
    let mut spans: Vec<(Option<String>, String)> = vec![(None, String::new())];
    let mut stack: Vec<Option<String>> = Vec::new();
    for c in contents {
        let stream = objects.get(&c).expect("page content");
        let mut font = String::new();
        for line in stream.lines() {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix('/') {
                // "/F1 10.5 Tf", "/Span <</Lang (en)>> BDC"
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
                if line.ends_with(" Tf") {
                    font = name;
                } else if line.ends_with("BDC") {
                    let pending_lang: Option<String> = line
                        .split("/Lang")
                        .nth(1)
                        .and_then(|r| r.trim_start().strip_prefix('('))
                        .and_then(|r| r.split(')').next())
                        .map(str::to_owned);
                    stack.push(pending_lang.clone());
                    if pending_lang.is_some() {
                        spans.push((pending_lang.clone(), String::new()));
                    }
                }
            } else if line == "EMC" {
                if let Some(Some(_)) = stack.pop() {
                    spans.push((None, String::new()));
                }
            } else if line.ends_with("Tj") || line.ends_with("TJ") {
                let map = fonts.get(&font).expect("a font with a map");
                let mut shown = String::new();
                let mut rest = line;
                while let Some(i) = rest.find('<') {
                    let Some(j) = rest[i..].find('>') else { break };
                    let hex = &rest[i + 1..i + j];
                    for k in 0..hex.len() / 4 {
                        if let Ok(g) = u32::from_str_radix(&hex[k * 4..k * 4 + 4], 16) {
                            shown.push_str(map.get(&g).map_or("?", String::as_str));
                        }
                    }
                    rest = &rest[i + j + 1..];
                }
                let current = stack.iter().rev().flatten().next().cloned();
                match spans.last_mut() {
                    Some((lang, text)) if *lang == current => text.push_str(&shown),
                    _ => spans.push((current, shown)),
                }
            }
        }
    }
    spans.retain(|(_, t)| !t.is_empty());
    spans
}

#[test]
fn english_titles_sit_inside_spans_with_their_language() {
    let q = QuintanaRoo::read();
    let plan = quintana_roo_plan(&q);
    let dir = scratch_dir("ogp-lang");
    let pdf = dir.join("quintana-roo.pdf");
    std::fs::write(&pdf, plan_pdf(&plan, when()).expect("a PDF")).expect("write");
    let spans = language_spans(&pdf);
    let english: Vec<String> = spans
        .iter()
        .filter(|(lang, _)| lang.as_deref() == Some(ENGLISH))
        .map(|(_, t)| squash(t))
        .collect();
    // In the document's order: the fichas (section 7), then the plan's record.
    let mut titles: Vec<String> = q
        .commitments()
        .iter()
        .map(english_title)
        .filter(|t| !t.is_empty())
        .collect();
    titles.push("Action plan – Quintana Roo, Mexico, 2023 – 2025".into());
    // Every English title is inside English spans (one span per printed line,
    // consecutive), and nothing else is.
    let joined = english.concat();
    let expected: String = titles.iter().map(|t| squash(t)).collect();
    assert_eq!(joined, expected);
    // The Spanish text around them is not marked English.
    let spanish: String = spans
        .iter()
        .filter(|(lang, _)| lang.is_none())
        .map(|(_, t)| squash(t))
        .collect();
    assert!(spanish.contains(&squash("Título en inglés (OGP)")));
    assert!(!spanish.contains(&squash("Anti-corruption and environment")));
    cleanup(&dir);
}
