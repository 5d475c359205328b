//! The report rounds' pages as the domain reads them (issue 18): a
//! commitment's page (all its key actions and activities) read into reports,
//! the round trip from the round to the page and back, what is refused and
//! its Spanish message, copying the previous round, a round's data, and the
//! words of progress over time.

mod common;

use std::collections::BTreeMap;

use plan_local_ga::domain::progress::{Attention, Item, ItemReport, Round, Status};
use plan_local_ga::domain::report_input::{
    asks_gender, places, read_percent, reported_items, store_reports, CommitmentReportInput,
    ItemPlace, ItemReportInput, ProgressField, ReportPart, RoundInput,
};
use plan_local_ga::domain::{CommitmentId, Field, FieldError, ItemId, Plan, Problem, Unknown};
use plan_local_ga::messages::{field_error, rounds as words};
use time::macros::date;
use time::Date;

fn round(id: u32, cutoff: Date) -> Round {
    Round {
        id: ItemId(id),
        name: format!("Informe {id}"),
        cutoff,
        reporter: None,
        reports: Vec::new(),
        unknown: Unknown::new(),
    }
}

fn fields(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// The plan of commitment 13 (key actions weighted 35/40/25 with 3, 5 and
/// 6 activities, a gender perspective).
fn c13() -> Plan {
    common::c13::plan()
}

fn place(plan: &Plan, k: u32, a: Option<u32>) -> ItemPlace {
    places(&plan.commitments[0])
        .into_iter()
        .find(|p| p.key_action == ItemId(k) && p.activity == a.map(ItemId))
        .expect("the item is on the page")
}

fn messages(errors: &[FieldError]) -> Vec<String> {
    errors.iter().map(field_error).collect()
}

#[test]
fn a_commitment_page_has_every_key_action_and_activity_with_unique_keys() {
    let plan = c13();
    let c = &plan.commitments[0];
    let all = places(c);
    // 3 key actions and 3 + 5 + 6 activities, in the commitment's order.
    assert_eq!(all.len(), 17);
    assert_eq!(all[0].activity, None);
    assert_eq!(all[1].activity_number, Some(1));
    assert_eq!(all[4].key_number, 2);
    assert_eq!(all[4].activity, None);
    let first = all[0];
    assert_eq!(first.field(ReportPart::Status).key(), "k1-estado");
    let activity = place(&plan, 2, Some(3));
    assert_eq!(activity.field(ReportPart::Percent).key(), "k2-a3-avance");
    assert_eq!(
        activity.field(ReportPart::NextSteps).key(),
        "k2-a3-siguientes-pasos"
    );
    // Every field of every item has its own key (an HTML id on the page).
    let mut keys: Vec<&str> = all
        .iter()
        .flat_map(|p| ReportPart::ALL.map(|part| p.field(part).key()))
        .collect();
    let n = keys.len();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), n);
    // The benchmark plan's 4 × 4 commitment: 20 items, 120 distinct keys.
    let bench = common::bench_plan::plan_with(1);
    let bench_places = places(&bench.commitments[0]);
    assert_eq!(bench_places.len(), 20);
    let mut keys: Vec<&str> = bench_places
        .iter()
        .flat_map(|p| ReportPart::ALL.map(|part| p.field(part).key()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), 120);
}

#[test]
fn a_page_reads_into_reports_and_weighted_progress() {
    let mut plan = c13();
    let c = plan.commitments[0].clone();
    assert!(asks_gender(&c));
    let typed = fields(&[
        ("k1-estado", "completo"),
        ("k1-avance", "100 %"),
        (
            "k1-evidencia",
            "https://ejemplo.gob.mx/estudio.pdf\n\n  Minuta de la sesión del 12/03/2020  \n",
        ),
        ("k1-nota-genero", "El estudio desagrega sus datos por sexo."),
        ("k2-estado", "sustancial"),
        ("k2-avance", "35%"),
        (
            "k2-dificultades",
            "Cambió la persona titular del órgano garante.",
        ),
        ("k2-siguientes-pasos", "Instalar la mesa de coordinación."),
        ("k2-a1-estado", "limitado"),
        ("k2-a1-avance", " 20 "),
    ]);
    let page = CommitmentReportInput::from_fields(&c, &typed);
    let reports = page.read().complete().expect("everything reads");
    // One report per item: 17, the empty ones too (they clear what was there).
    assert_eq!(reports.len(), 17);
    let k1 = &reports[0];
    assert_eq!(k1.status, Some(Status::Completo));
    assert_eq!(k1.percent, Some(100));
    assert_eq!(
        k1.evidence,
        [
            "https://ejemplo.gob.mx/estudio.pdf",
            "Minuta de la sesión del 12/03/2020"
        ]
    );
    assert_eq!(
        k1.gender_note.as_deref(),
        Some("El estudio desagrega sus datos por sexo.")
    );
    let k2 = reports
        .iter()
        .find(|r| r.key_action == ItemId(2) && r.activity.is_none())
        .unwrap();
    assert_eq!(
        (k2.status, k2.percent),
        (Some(Status::Sustancial), Some(35))
    );
    assert_eq!(
        k2.difficulties.as_deref(),
        Some("Cambió la persona titular del órgano garante.")
    );
    let k2a1 = reports
        .iter()
        .find(|r| r.key_action == ItemId(2) && r.activity == Some(ItemId(1)))
        .unwrap();
    assert_eq!(
        (k2a1.status, k2a1.percent),
        (Some(Status::Limitado), Some(20))
    );

    let mut r1 = round(1, date!(2020 - 06 - 30));
    store_reports(&mut r1, reports, true);
    // Only what was answered is stored: 3 reports.
    assert_eq!(r1.reports.len(), 3);
    assert_eq!(reported_items(&c, &r1), (3, 17));
    plan.implementation.upsert_round(r1);
    // 100 × 35 + 35 × 40 + 0 × 25 = 4,900 hundredths: 49.0 %.
    let over_time = plan.progress_over_time();
    assert_eq!(over_time[0].commitments[0].hundredths, 4_900);
    assert_eq!(words::percent(over_time[0].plan), "49.0 %");
}

#[test]
fn a_round_goes_to_the_page_and_back_unchanged() {
    let plan = c13();
    let c = &plan.commitments[0];
    let mut r = round(1, date!(2020 - 12 - 31));
    let mut report = ItemReport::new(c.id, ItemId(3), Some(ItemId(2)));
    report.status = Some(Status::SinEvidencia);
    report.percent = Some(0);
    report.evidence = vec!["Oficio 123/2020".into(), "https://ejemplo.mx/a".into()];
    report.next_steps = Some("Pedir la evidencia.".into());
    report.gender_note = Some("Sin datos por sexo todavía.".into());
    r.reports.push(report);
    let mut k1 = ItemReport::new(c.id, ItemId(1), None);
    k1.status = Some(Status::Completo);
    k1.difficulties = Some("Ninguna".into());
    r.reports.push(k1);

    let page = CommitmentReportInput::from_value(c, Some(&r));
    let fields = page.fields();
    assert_eq!(
        fields.get("k3-a2-estado").map(String::as_str),
        Some("sin-evidencia")
    );
    assert_eq!(fields.get("k3-a2-avance").map(String::as_str), Some("0"));
    assert_eq!(
        fields.get("k3-a2-evidencia").map(String::as_str),
        Some("Oficio 123/2020\nhttps://ejemplo.mx/a")
    );
    // Empty answers are not kept as fields.
    assert!(!fields.contains_key("k2-estado"));
    let again = CommitmentReportInput::from_fields(c, &fields);
    assert_eq!(again, page);
    let mut stored = r.clone();
    store_reports(&mut stored, again.read().complete().unwrap(), true);
    assert_eq!(stored, r, "saving an unchanged page changes nothing");

    // One item's input alone reads the same.
    let one = ItemReportInput::from_value(&r.reports[0]);
    let read = one
        .read(c.id, place(&plan, 3, Some(2)), true)
        .complete()
        .unwrap();
    assert_eq!(read, r.reports[0]);
}

#[test]
fn a_percent_of_150_or_in_words_is_refused_in_spanish_and_nothing_typed_is_lost() {
    let plan = c13();
    let c = &plan.commitments[0];
    let typed = fields(&[
        ("k1-estado", "completo"),
        ("k1-avance", "150"),
        ("k2-a1-avance", "treinta"),
        ("k3-avance", "35.5 %"),
        ("k3-a6-estado", "casi"),
        ("k2-dificultades", &"x".repeat(3001)),
        ("k2-evidencia", "Un acta"),
    ]);
    let page = CommitmentReportInput::from_fields(c, &typed);
    let reading = page.read();
    let errors = reading.pending().to_vec();
    assert!(reading.savable().is_err(), "nothing is saved");
    let fields_with_errors: Vec<&str> = errors.iter().map(|e| e.field.key()).collect();
    assert_eq!(
        fields_with_errors,
        [
            "k1-avance",
            "k2-dificultades",
            "k2-a1-avance",
            "k3-avance",
            "k3-a6-estado"
        ]
    );
    assert_eq!(
        messages(&errors),
        [
            "El avance de la acción clave 1 debe ser un número de 0 a 100; 100 quiere decir que está terminada",
            "Las dificultades de la acción clave 2 deben tener 3,000 caracteres o menos",
            "El avance de la actividad 2.1 debe ser un número entero de 0 a 100, por ejemplo 35 o 35 %",
            "El avance de la acción clave 3 debe ser un número entero de 0 a 100, por ejemplo 35 o 35 %",
            "Elija el estado de la actividad 3.6 de la lista",
        ]
    );
    assert_eq!(
        errors[0],
        FieldError::new(
            Field::Progress(ProgressField::Item(
                place(&plan, 1, None),
                ReportPart::Percent
            )),
            Problem::OutOfRange { min: 0, max: 100 }
        )
    );
    // The page's fields still hold every answer as typed.
    assert_eq!(page.fields(), typed);
}

#[test]
fn percents_as_typed() {
    assert_eq!(read_percent(""), Ok(None));
    assert_eq!(read_percent("  "), Ok(None));
    assert_eq!(read_percent("0"), Ok(Some(0)));
    assert_eq!(read_percent("35"), Ok(Some(35)));
    assert_eq!(read_percent("35 %"), Ok(Some(35)));
    assert_eq!(read_percent("35%"), Ok(Some(35)));
    assert_eq!(read_percent("100"), Ok(Some(100)));
    let out = Err(Problem::OutOfRange { min: 0, max: 100 });
    assert_eq!(read_percent("101"), out);
    assert_eq!(read_percent("150 %"), out);
    assert_eq!(read_percent("-5"), out);
    assert_eq!(read_percent("99999999999999999999999"), out);
    assert_eq!(read_percent("treinta"), Err(Problem::NotAWholeNumber));
    assert_eq!(read_percent("35.5"), Err(Problem::NotAWholeNumber));
    assert_eq!(read_percent("35,5"), Err(Problem::NotAWholeNumber));
    assert_eq!(read_percent("%"), Err(Problem::NotAWholeNumber));
}

#[test]
fn copying_the_previous_round_fills_the_whole_page() {
    let mut plan = c13();
    let c = plan.commitments[0].clone();
    let mut first = round(1, date!(2020 - 06 - 30));
    let mut k1 = ItemReport::new(c.id, ItemId(1), None);
    k1.status = Some(Status::Sustancial);
    k1.percent = Some(60);
    k1.evidence = vec!["https://ejemplo.mx/avance".into()];
    let mut k1a1 = ItemReport::new(c.id, ItemId(1), Some(ItemId(1)));
    k1a1.status = Some(Status::Completo);
    first.reports = vec![k1.clone(), k1a1];
    plan.implementation.upsert_round(first.clone());
    plan.implementation
        .upsert_round(round(2, date!(2020 - 12 - 31)));
    // Entered out of order: the previous round is the one before by cut-off.
    plan.implementation
        .upsert_round(round(3, date!(2020 - 03 - 31)));

    assert_eq!(
        CommitmentReportInput::copied_from_previous(&plan, ItemId(3), &c),
        None,
        "the first round by cut-off has nothing before it"
    );
    let copied = CommitmentReportInput::copied_from_previous(&plan, ItemId(2), &c)
        .expect("round 2 has round 1 before it");
    assert_eq!(copied, CommitmentReportInput::from_value(&c, Some(&first)));
    assert_eq!(
        copied.fields(),
        fields(&[
            ("k1-a1-estado", "completo"),
            ("k1-avance", "60"),
            ("k1-estado", "sustancial"),
            ("k1-evidencia", "https://ejemplo.mx/avance"),
        ])
    );
    // The person changes what changed, and round 2 holds the new answers;
    // round 1 keeps its own.
    let mut typed = copied.fields();
    typed.insert("k1-avance".into(), "90".into());
    let reports = CommitmentReportInput::from_fields(&c, &typed)
        .read()
        .complete()
        .unwrap();
    let second = plan
        .implementation
        .rounds
        .iter_mut()
        .find(|r| r.id == ItemId(2))
        .unwrap();
    store_reports(second, reports, true);
    let item = Item {
        commitment: c.id,
        key_action: ItemId(1),
        activity: None,
    };
    let now = plan
        .implementation
        .round(ItemId(2))
        .unwrap()
        .report(item)
        .unwrap();
    assert_eq!(
        (now.status, now.percent),
        (Some(Status::Sustancial), Some(90))
    );
    assert_eq!(now.evidence, k1.evidence);
    assert_eq!(
        plan.implementation.round(ItemId(1)).unwrap().report(item),
        Some(&k1)
    );
    // 90 × 35 = 3,150 hundredths in round 2.
    let over_time = plan.progress_over_time();
    let second = over_time.iter().find(|p| p.round == ItemId(2)).unwrap();
    assert_eq!(second.commitments[0].hundredths, 3_150);
}

#[test]
fn saving_a_page_keeps_what_it_does_not_show() {
    let plan = c13();
    let c = &plan.commitments[0];
    let mut r = round(1, date!(2020 - 06 - 30));
    // A report of another commitment, of a removed key action, and a gender
    // note written while the commitment had a perspective.
    let other = {
        let mut x = ItemReport::new(CommitmentId(9), ItemId(1), None);
        x.percent = Some(10);
        x
    };
    let removed = {
        let mut x = ItemReport::new(c.id, ItemId(99), None);
        x.status = Some(Status::Limitado);
        x
    };
    let noted: ItemReport = serde_json::from_value(serde_json::json!({
        "commitment": c.id.0,
        "key_action": 1,
        "status": "limitado",
        "gender_note": "Con datos por sexo.",
        "campo_nuevo": "se conserva",
    }))
    .unwrap();
    r.reports = vec![other.clone(), noted, removed.clone()];

    let mut typed = CommitmentReportInput::from_value(c, Some(&r)).fields();
    typed.insert("k1-avance".into(), "40".into());
    let mut page = CommitmentReportInput::from_fields(c, &typed);
    // As if the commitment had no gender perspective any more.
    page.gender = false;
    store_reports(&mut r, page.read().complete().unwrap(), false);
    assert_eq!(r.reports[0], other);
    assert_eq!(r.reports[2], removed);
    let k1 = &r.reports[1];
    assert_eq!(k1.percent, Some(40));
    assert_eq!(k1.gender_note.as_deref(), Some("Con datos por sexo."));
    assert_eq!(
        k1.unknown.get("campo_nuevo"),
        Some(&serde_json::json!("se conserva"))
    );

    // Clearing every answer of an item removes its report.
    typed = CommitmentReportInput::from_value(c, Some(&r)).fields();
    typed.retain(|k, _| !k.starts_with("k1-"));
    let page = CommitmentReportInput::from_fields(c, &typed);
    store_reports(&mut r, page.read().complete().unwrap(), true);
    assert_eq!(r.reports, [other, removed]);
}

#[test]
fn a_round_has_a_name_and_a_cutoff_day() {
    let r = Round {
        reporter: Some("Dirección de Gobierno Abierto".into()),
        ..round(4, date!(2026 - 06 - 30))
    };
    let input = RoundInput::from_value(&r);
    assert_eq!(input.cutoff, "30/06/2026");
    let head = input.read().complete().unwrap();
    assert_eq!(head.into_round(ItemId(4), Some(&r)), Some(r.clone()));

    let new = RoundInput {
        name: " Primer informe semestral ".into(),
        cutoff: "2026-06-30".into(),
        reporter: String::new(),
    };
    let made = new
        .read()
        .complete()
        .unwrap()
        .into_round(ItemId(1), None)
        .unwrap();
    assert_eq!(made.name, "Primer informe semestral");
    assert_eq!(made.cutoff, date!(2026 - 06 - 30));
    assert_eq!(made.reporter, None);

    let refused = |name: &str, cutoff: &str| {
        let input = RoundInput {
            name: name.into(),
            cutoff: cutoff.into(),
            reporter: String::new(),
        };
        messages(&input.read().complete().unwrap_err())
    };
    assert_eq!(
        refused("", ""),
        [
            "Escriba el nombre del informe",
            "Escriba la fecha de corte del informe"
        ]
    );
    let not_a_day =
        "La fecha de corte debe ser un día, escrito como día/mes/año, por ejemplo 30/06/2026";
    assert_eq!(refused("Primero", "06/2026"), [not_a_day]);
    assert_eq!(refused("Primero", "2026"), [not_a_day]);
    assert_eq!(refused("Primero", "mañana"), [not_a_day]);
    assert_eq!(
        refused("Primero", "31/06/2026"),
        ["La fecha de corte debe ser una fecha que exista, por ejemplo 30/06/2026"]
    );
    assert_eq!(
        refused(&"x".repeat(301), "30/06/2026"),
        ["El nombre del informe debe tener 300 caracteres o menos"]
    );
}

#[test]
fn progress_over_time_in_words() {
    assert_eq!(words::percent(0), "0.0 %");
    assert_eq!(words::percent(4_500), "45.0 %");
    assert_eq!(words::percent(6_950), "69.5 %");
    assert_eq!(words::percent(3_333), "33.3 %");
    assert_eq!(words::percent(3_335), "33.4 %");
    assert_eq!(words::percent(10_000), "100.0 %");

    let mut plan = c13();
    assert_eq!(words::rounds_line(&plan), None);
    let c = plan.commitments[0].id;
    let mut first = round(1, date!(2020 - 06 - 30));
    let mut k1 = ItemReport::new(c, ItemId(1), None);
    k1.status = Some(Status::Sustancial);
    k1.percent = Some(50);
    first.reports.push(k1);
    plan.implementation.upsert_round(first);
    assert_eq!(
        words::rounds_line(&plan).as_deref(),
        Some("1 informe; último: 30/06/2020, avance del plan 17.5 %")
    );
    let mut second = round(2, date!(2020 - 12 - 31));
    let mut k1 = ItemReport::new(c, ItemId(1), None);
    k1.status = Some(Status::Completo);
    second.reports.push(k1);
    plan.implementation.upsert_round(second);
    assert_eq!(
        words::rounds_line(&plan).as_deref(),
        Some("2 informes; último: 31/12/2020, avance del plan 35.0 %")
    );
    let over_time = plan.progress_over_time();
    assert_eq!(
        words::chart_summary(&plan, &over_time),
        "Avance ponderado por informe, de 0 a 100 %. Plan: 17.5 % al 30/06/2020; 35.0 % al 31/12/2020. En el último informe: compromiso 1, 35.0 %. Los mismos datos están en la tabla."
    );

    // What needs attention, named and explained: key action 1 ended on
    // 30/04/2020; at the first cut-off it is not complete and has no
    // evidence; at the second it is complete, still without evidence.
    let k1_item = Item {
        commitment: c,
        key_action: ItemId(1),
        activity: None,
    };
    let why = |r: u32| {
        plan.needs_attention(ItemId(r))
            .into_iter()
            .find(|a| a.item == k1_item)
            .map(|a| a.why)
    };
    assert_eq!(
        why(1),
        Some(vec![Attention::Overdue, Attention::NoEvidence])
    );
    assert_eq!(why(2), Some(vec![Attention::NoEvidence]));
    assert_eq!(
        words::item_name(&plan, k1_item),
        format!(
            "Compromiso 1 · Acción clave 1: {}",
            plan.commitments[0].key_actions[0].name
        )
    );
    assert_eq!(
        words::attention_reasons(&[Attention::NoProgress, Attention::NoEvidence]),
        "No avanzó desde el informe anterior y tiene avance pero no tiene evidencia."
    );
    assert_eq!(
        words::attention_reasons(&[Attention::Overdue]),
        "Pasó su fecha de término y no está completa."
    );
    let activity = Item {
        commitment: c,
        key_action: ItemId(2),
        activity: Some(ItemId(3)),
    };
    assert!(words::item_name(&plan, activity).starts_with("Compromiso 1 · Actividad 2.3: "));
}
