//! The implementation's record (issue 18): the monitoring body, the plan's
//! length and refresh, end-of-commitment assessments with a result per OGP
//! value, and amendments after the plan was final, read from their pages'
//! input and back, with their Spanish messages; the notice that asks for an
//! amendment; the hub's lines; the draft's round trip.

use plan_local_ga::domain::commitment::OgpValue;
use plan_local_ga::domain::final_mark::{commitment_fingerprint, DocumentStatus};
use plan_local_ga::domain::progress::{EarlyResult, Implementation, PlanLength, Status};
use plan_local_ga::domain::record_input::{
    amendments_in_order, assessed_values, assessment_status, body_status, kept, length_status,
    save_amendment, save_assessment, AmendmentInput, AssessmentInput, DurationInput,
    MonitoringBodyInput, WHOLE_PLAN,
};
use plan_local_ga::domain::{
    CommitmentId, Field, FieldError, ItemId, Named, PartialDate, Plan, Problem, TaskStatus,
};
use plan_local_ga::messages::{self, record as words};
use plan_local_ga::persistence::{decode, encode, Envelope};
use time::macros::{date, datetime};
use time::Month;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// The schema-6 fixture: one commitment, a monitoring body, an assessment.
fn plan() -> Plan {
    decode(&fixture("borrador-v6.json")).expect("loads").plan
}

fn named(n: Named) -> Field {
    Field::Named(n)
}

/// The messages of `errors`, as the error summary shows them.
fn said(errors: &[FieldError]) -> Vec<String> {
    errors.iter().map(messages::field_error).collect()
}

const C1: CommitmentId = CommitmentId(1);

// ---------------------------------------------------------------------------
// The monitoring body

#[test]
fn the_monitoring_body_reads_as_typed_and_back() {
    let input = MonitoringBodyInput {
        name: "  Comité de Monitoreo Ciudadano ".into(),
        members: "Observatorio Ciudadano\n\n  Universidad Autónoma \n".into(),
        schedule: "Al inicio, a la mitad y al final".into(),
    };
    let body = input.read().complete().expect("complete");
    assert_eq!(body.name, "Comité de Monitoreo Ciudadano");
    assert_eq!(
        body.members,
        ["Observatorio Ciudadano", "Universidad Autónoma"]
    );
    assert_eq!(
        body.schedule.as_deref(),
        Some("Al inicio, a la mitad y al final")
    );
    let back = MonitoringBodyInput::from_value(&body);
    assert_eq!(back.read().complete().expect("again"), body);
    // The fixture's body shows on its page as stored.
    let p = plan();
    let stored = p.implementation.monitoring_body.as_ref().expect("a body");
    assert_eq!(
        MonitoringBodyInput::from_value(stored)
            .read()
            .complete()
            .as_ref(),
        Ok(stored)
    );
}

#[test]
fn an_empty_monitoring_body_page_removes_it_and_a_long_name_is_refused() {
    let empty = MonitoringBodyInput::default()
        .read()
        .savable()
        .expect("saves");
    assert_eq!(kept(empty, None), None, "nothing to keep");
    let long = MonitoringBodyInput {
        name: "x".repeat(301),
        ..Default::default()
    };
    let errors = long.read().savable().expect_err("refused");
    assert_eq!(
        said(&errors),
        ["El nombre del ente de monitoreo debe tener 300 caracteres o menos"]
    );
}

// ---------------------------------------------------------------------------
// Length and refresh

#[test]
fn two_years_needs_nothing_more_and_ignores_the_refresh_fields() {
    let input = DurationInput {
        length: "dos-anios".into(),
        refresh_due: "enero de 2028".into(),
        refresh_on: "20/01/2028".into(),
        refresh_changes: "Se cerró el compromiso 3.".into(),
    };
    let d = input.read().complete().expect("complete");
    assert_eq!(d.length, Some(PlanLength::DosAnios));
    assert_eq!(
        (d.refresh_due, d.refresh),
        (None, None),
        "a two-year plan has no refresh"
    );
}

#[test]
fn a_four_year_plan_without_its_refresh_date_is_saved_with_a_warning() {
    let input = DurationInput {
        length: "cuatro-anios".into(),
        ..Default::default()
    };
    let reading = input.read();
    assert_eq!(
        reading.pending(),
        [FieldError::new(
            named(Named::RefreshDue),
            Problem::Recommended
        )]
    );
    assert_eq!(
        said(reading.pending()),
        ["Escriba la fecha prevista de la actualización: un plan de cuatro años se actualiza a la mitad de su periodo"]
    );
    assert!(!Problem::Recommended.blocks_saving(), "warned, not refused");
    let d = reading.savable().expect("saved anyway");
    assert_eq!(d.length, Some(PlanLength::CuatroAnios));
    let mut imp = Implementation::default();
    d.apply(&mut imp);
    assert_eq!(length_status(&imp, false), TaskStatus::InProgress);
    assert_eq!(
        words::length_line(&imp).as_deref(),
        Some("Cuatro años; falta la fecha prevista de la actualización")
    );
}

#[test]
fn a_four_year_plan_takes_its_refresh_date_as_people_write_it_and_the_refresh_once_made() {
    let mut input = DurationInput {
        length: "cuatro-anios".into(),
        refresh_due: "enero de 2028".into(),
        ..Default::default()
    };
    let d = input.read().complete().expect("complete");
    assert_eq!(
        d.refresh_due,
        Some(PartialDate::Month(2028, Month::January))
    );
    let mut imp = Implementation::default();
    d.apply(&mut imp);
    assert_eq!(length_status(&imp, false), TaskStatus::Completed);
    assert_eq!(length_status(&imp, true), TaskStatus::InProgress);
    assert_eq!(
        words::length_line(&imp).as_deref(),
        Some("Cuatro años, actualización prevista en enero de 2028")
    );

    // The refresh, once made: its day and what changed.
    input.refresh_due = "15/01/2028".into();
    input.refresh_on = "2028-01-20".into();
    input.refresh_changes = "Se agregó el compromiso 6; se cerró el 3 porque se cumplió.".into();
    let d = input.read().complete().expect("complete");
    let refresh = d.refresh.clone().expect("a refresh");
    assert_eq!(refresh.on, date!(2028 - 01 - 20));
    assert_eq!(
        refresh.changes,
        "Se agregó el compromiso 6; se cerró el 3 porque se cumplió."
    );
    let mut imp = Implementation::default();
    d.apply(&mut imp);
    assert_eq!(
        words::length_line(&imp).as_deref(),
        Some("Cuatro años, actualizado el 20/01/2028")
    );
    // Shown again as typed (dates in the app's own form).
    let back = DurationInput::from_value(&imp);
    assert_eq!(back.refresh_due, "15/01/2028");
    assert_eq!(back.refresh_on, "20/01/2028");
    assert_eq!(
        back.read().complete().expect("again").refresh,
        Some(refresh)
    );

    imp.length = Some(PlanLength::DosAnios);
    assert_eq!(words::length_line(&imp).as_deref(), Some("Dos años"));
    assert_eq!(words::length_line(&Implementation::default()), None);
}

#[test]
fn a_refresh_needs_its_day() {
    let base = DurationInput {
        length: "cuatro-anios".into(),
        refresh_due: "2028".into(),
        ..Default::default()
    };
    // What changed without the day: not kept, and the message asks for the day.
    let no_day = DurationInput {
        refresh_changes: "Se cerró el compromiso 3.".into(),
        ..base.clone()
    };
    let errors = no_day.read().savable().expect_err("refused");
    assert_eq!(
        said(&errors),
        ["Escriba el día en que se hizo la actualización como día/mes/año, por ejemplo 15/01/2028"]
    );
    // A month is not a day.
    let month = DurationInput {
        refresh_on: "enero de 2028".into(),
        refresh_changes: "Se cerró el compromiso 3.".into(),
        ..base.clone()
    };
    assert_eq!(
        month.read().savable().expect_err("refused"),
        [FieldError::new(
            named(Named::RefreshDate),
            Problem::NotADate
        )]
    );
    // A day without what changed: kept, and said once.
    let day = DurationInput {
        refresh_on: "20/01/2028".into(),
        ..base
    };
    let reading = day.read();
    assert_eq!(
        said(reading.pending()),
        ["Escriba qué compromisos se agregaron, cambiaron o cerraron en la actualización, y por qué"]
    );
    assert!(reading.savable().expect("saved").refresh.is_some());
}

// ---------------------------------------------------------------------------
// End-of-commitment assessment

#[test]
fn an_assessment_keeps_a_result_per_value_in_the_order_of_the_values() {
    let input = AssessmentInput {
        completion: "sustancial".into(),
        rendicion: "importante".into(),
        transparencia: "marginal".into(),
        evidence: "https://ejemplo.gob.mx/datos\nActa del 30/06/2027".into(),
        explanation: "Se publica cada trimestre.".into(),
        ..Default::default()
    };
    let a = input.read(C1).complete().expect("complete");
    assert_eq!(a.commitment, C1);
    assert_eq!(a.completion, Some(Status::Sustancial));
    let results: Vec<(OgpValue, EarlyResult)> =
        a.results.iter().map(|r| (r.value, r.result)).collect();
    assert_eq!(
        results,
        [
            (OgpValue::Transparencia, EarlyResult::Marginal),
            (OgpValue::RendicionDeCuentas, EarlyResult::Importante),
        ]
    );
    assert_eq!(
        a.evidence,
        ["https://ejemplo.gob.mx/datos", "Acta del 30/06/2027"]
    );
    let back = AssessmentInput::from_value(&a);
    assert_eq!(back, input);
    assert_eq!(back.early(OgpValue::RendicionDeCuentas), "importante");
    assert_eq!(back.early(OgpValue::Inclusion), "");
    // The fixture's assessment reads back as stored.
    let p = plan();
    let stored = p.end_assessment(C1).expect("assessed");
    assert_eq!(
        AssessmentInput::from_value(stored)
            .read(C1)
            .complete()
            .as_ref(),
        Ok(stored)
    );
}

#[test]
fn an_assessment_refuses_an_unknown_result_in_spanish() {
    let input = AssessmentInput {
        participacion: "regular".into(),
        ..Default::default()
    };
    let errors = input.read(C1).savable().expect_err("refused");
    assert_eq!(
        errors,
        [FieldError::new(
            named(Named::EarlyParticipacion),
            Problem::UnknownChoice
        )]
    );
    assert_eq!(
        said(&errors),
        ["El resultado en participación ciudadana debe elegirse de la lista"]
    );
    assert_eq!(
        words::early_result_legend(OgpValue::ParticipacionCiudadana),
        "¿Abrió el gobierno en la participación ciudadana? (opcional)"
    );
}

#[test]
fn saving_an_assessment_replaces_it_and_an_empty_page_removes_it() {
    let mut p = plan();
    assert_eq!(assessment_status(&p, C1, false), TaskStatus::Completed);
    let mut input = AssessmentInput::from_value(p.end_assessment(C1).expect("assessed"));
    input.completion = "completo".into();
    save_assessment(
        &mut p.implementation,
        input.read(C1).complete().expect("complete"),
    );
    assert_eq!(p.implementation.assessments.len(), 1);
    assert_eq!(
        p.end_assessment(C1).and_then(|a| a.completion),
        Some(Status::Completo)
    );
    // Without a result for a value the commitment marks, it is not complete.
    input.transparencia.clear();
    save_assessment(
        &mut p.implementation,
        input.read(C1).complete().expect("ok"),
    );
    assert_eq!(assessment_status(&p, C1, false), TaskStatus::InProgress);
    // Empty: removed.
    save_assessment(
        &mut p.implementation,
        AssessmentInput::default()
            .read(C1)
            .complete()
            .expect("empty"),
    );
    assert!(p.end_assessment(C1).is_none());
    assert_eq!(assessment_status(&p, C1, false), TaskStatus::NotStarted);
    assert_eq!(assessment_status(&p, C1, true), TaskStatus::InProgress);
}

#[test]
fn the_page_asks_about_the_values_marked_and_keeps_a_result_for_one_unmarked_since() {
    let mut p = plan();
    assert_eq!(assessed_values(&p, C1), [OgpValue::Transparencia]);
    let mut input = AssessmentInput::from_value(p.end_assessment(C1).expect("assessed"));
    input.inclusion = "no-cambio".into();
    save_assessment(
        &mut p.implementation,
        input.read(C1).complete().expect("ok"),
    );
    assert_eq!(
        assessed_values(&p, C1),
        [OgpValue::Transparencia, OgpValue::Inclusion],
        "marked first, then the others with a saved result"
    );
}

// ---------------------------------------------------------------------------
// Amendments

fn amendment_input() -> AmendmentInput {
    AmendmentInput {
        on: "15/03/2027".into(),
        commitment: "1".into(),
        what: "Se cambió el nombre del compromiso.".into(),
        why: "Lo acordó el Secretariado Técnico Local.".into(),
    }
}

#[test]
fn an_amendment_reads_as_typed_and_back() {
    let a = amendment_input().parse(ItemId(1), &[C1]).expect("complete");
    assert_eq!(a.on, date!(2027 - 03 - 15));
    assert_eq!(a.commitment, Some(C1));
    assert_eq!(AmendmentInput::from_value(&a), amendment_input());
    let whole = AmendmentInput {
        commitment: WHOLE_PLAN.into(),
        ..amendment_input()
    };
    assert_eq!(
        whole.parse(ItemId(2), &[C1]).expect("ok").commitment,
        None,
        "«El plan en general»"
    );
    // A new page starts today, with the commitment it came from.
    let new = AmendmentInput::new_on(date!(2027 - 03 - 15), Some(C1));
    assert_eq!(
        (new.on.as_str(), new.commitment.as_str()),
        ("15/03/2027", "1")
    );
    assert_eq!(
        AmendmentInput::new_on(date!(2027 - 03 - 15), None).commitment,
        ""
    );
}

#[test]
fn an_amendment_needs_what_changed_and_why_in_plain_spanish() {
    let input = AmendmentInput {
        what: "  ".into(),
        why: String::new(),
        ..amendment_input()
    };
    let errors = input.parse(ItemId(1), &[C1]).expect_err("refused");
    assert_eq!(
        said(&errors),
        [
            "Escriba qué cambió en el compromiso o en el plan",
            "Escriba por qué se hizo el cambio",
        ]
    );
    let empty = AmendmentInput::default()
        .parse(ItemId(1), &[C1])
        .expect_err("refused");
    assert_eq!(
        said(&empty),
        [
            "Escriba la fecha de la enmienda",
            "Seleccione el compromiso que cambió, o «El plan en general»",
            "Escriba qué cambió en el compromiso o en el plan",
            "Escriba por qué se hizo el cambio",
        ]
    );
}

#[test]
fn an_amendment_is_dated_by_a_day_and_names_a_commitment_of_the_plan() {
    let month = AmendmentInput {
        on: "marzo de 2027".into(),
        ..amendment_input()
    };
    assert_eq!(
        said(&month.parse(ItemId(1), &[C1]).expect_err("refused")),
        ["La fecha de la enmienda debe ser un día, escrito como día/mes/año, por ejemplo 15/03/2026"]
    );
    let impossible = AmendmentInput {
        on: "31/02/2027".into(),
        ..amendment_input()
    };
    assert_eq!(
        impossible.parse(ItemId(1), &[C1]).expect_err("refused"),
        [FieldError::new(
            named(Named::AmendmentDate),
            Problem::ImpossibleDate
        )]
    );
    let other = AmendmentInput {
        commitment: "7".into(),
        ..amendment_input()
    };
    assert_eq!(
        said(&other.parse(ItemId(1), &[C1]).expect_err("refused")),
        ["El compromiso de la enmienda debe elegirse de la lista"]
    );
    let long = AmendmentInput {
        why: "x".repeat(3001),
        ..amendment_input()
    };
    assert_eq!(
        said(&long.parse(ItemId(1), &[C1]).expect_err("refused")),
        ["La razón del cambio debe tener 3,000 caracteres o menos"]
    );
}

#[test]
fn a_commitment_changed_after_the_plan_is_final_asks_for_an_amendment_until_one_records_it() {
    let mut p = plan();
    assert!(!p.amendment_due(C1), "not final: nothing to record");
    p.mark_final(date!(2026 - 12 - 01))
        .expect("the fixture is complete");
    assert_eq!(
        p.document_status(),
        DocumentStatus::Final(date!(2026 - 12 - 01))
    );
    let mark = p.final_mark.as_ref().expect("marked");
    assert_eq!(mark.commitments.len(), 1, "each commitment's fingerprint");
    assert!(p.amendments_due().is_empty());

    // The implementation's record changes nothing of the commitment.
    p.implementation.monitoring_body = None;
    assert!(!p.amendment_due(C1));

    // The name changes: the app asks for an amendment of that commitment.
    p.commitments[0].name = "Presupuesto participativo y abierto".into();
    assert!(matches!(
        p.document_status(),
        DocumentStatus::ChangedSinceFinal(_)
    ));
    assert_eq!(p.amendments_due(), [C1]);

    // An amendment of the plan as a whole does not record it.
    let whole = AmendmentInput {
        commitment: WHOLE_PLAN.into(),
        ..amendment_input()
    };
    save_amendment(&mut p, whole.parse(ItemId(1), &[C1]).expect("ok"));
    assert!(p.amendment_due(C1));
    assert_eq!(p.implementation.amendments[0].fingerprint, None);

    // One of the commitment records it as it is now.
    let a = amendment_input().parse(ItemId(2), &[C1]).expect("ok");
    save_amendment(&mut p, a);
    assert_eq!(
        p.implementation.amendments[1].fingerprint.as_deref(),
        Some(commitment_fingerprint(&p.commitments[0]).as_str())
    );
    assert!(!p.amendment_due(C1));

    // A later change asks again; editing the earlier amendment keeps the
    // state it recorded, a new one records the new state.
    p.commitments[0].name.push('.');
    assert!(p.amendment_due(C1));
    let mut edited = AmendmentInput::from_value(&p.implementation.amendments[1]);
    edited.why.push_str(" En su sesión de marzo.");
    save_amendment(&mut p, edited.parse(ItemId(2), &[C1]).expect("ok"));
    assert!(
        p.amendment_due(C1),
        "an edit of an old record is not a new one"
    );
    assert_eq!(p.implementation.amendments.len(), 2);
    save_amendment(
        &mut p,
        amendment_input().parse(ItemId(3), &[C1]).expect("ok"),
    );
    assert!(!p.amendment_due(C1));

    // Undoing the change needs no record; a draft again asks for none.
    let mut undone = p.clone();
    undone.commitments[0].name = "Presupuesto participativo".into();
    assert!(!undone.amendment_due(C1));
    p.unmark_final();
    assert!(!p.amendment_due(C1));
}

#[test]
fn a_commitment_added_after_the_plan_is_final_asks_for_an_amendment_and_an_older_mark_asks_for_none(
) {
    let mut p = plan();
    p.mark_final(date!(2026 - 12 - 01)).expect("complete");
    let mut added = p.commitments[0].clone();
    added.id = CommitmentId(2);
    p.commitments.push(added);
    assert_eq!(p.amendments_due(), [CommitmentId(2)]);

    // A mark made before marks kept each commitment: it cannot tell which.
    let mut older = plan();
    older.mark_final(date!(2026 - 12 - 01)).expect("complete");
    older
        .final_mark
        .as_mut()
        .expect("marked")
        .commitments
        .clear();
    older.commitments[0].name.push('.');
    assert!(older.amendments_due().is_empty());
}

#[test]
fn amendments_are_listed_by_day() {
    let mut p = plan();
    for (id, on) in [(1, "20/05/2027"), (2, "15/03/2027"), (3, "20/05/2027")] {
        let a = AmendmentInput {
            on: on.into(),
            ..amendment_input()
        };
        save_amendment(&mut p, a.parse(ItemId(id), &[C1]).expect("ok"));
    }
    let order: Vec<u32> = amendments_in_order(&p.implementation)
        .iter()
        .map(|a| a.id.0)
        .collect();
    assert_eq!(order, [2, 1, 3], "by day, then as recorded");
    assert_eq!(p.implementation.next_amendment_id(), ItemId(4));
}

// ---------------------------------------------------------------------------
// The hub, the messages, the draft

#[test]
fn the_hub_says_where_each_part_stands() {
    let p = plan();
    let imp = &p.implementation;
    assert_eq!(body_status(imp, false), TaskStatus::Completed);
    assert_eq!(body_status(imp, true), TaskStatus::InProgress);
    assert_eq!(
        body_status(&Implementation::default(), false),
        TaskStatus::NotStarted
    );
    assert_eq!(words::length_line(imp).as_deref(), Some("Dos años"));
    assert_eq!(length_status(imp, false), TaskStatus::Completed);
    assert_eq!(
        words::assessments_line(2, 5),
        "2 de 5 compromisos con valoración final"
    );
    assert_eq!(
        words::assessments_line(0, 1),
        "0 de 1 compromiso con valoración final"
    );
    assert_eq!(words::amendments_line(0), "Ninguna enmienda");
    assert_eq!(words::amendments_line(1), "1 enmienda");
    assert_eq!(words::amendments_line(3), "3 enmiendas");
    assert_eq!(
        words::AMENDMENT_DUE_TITLE,
        "El plan ya es versión final: registre esta enmienda"
    );
    assert!(words::amendment_due_text(date!(2026 - 12 - 01)).contains("el 01/12/2026"));
    assert_eq!(
        words::amendment_due_link(2),
        "Registrar la enmienda del compromiso 2"
    );
}

#[test]
fn the_record_travels_in_the_draft() {
    let mut p = plan();
    let d = DurationInput {
        length: "cuatro-anios".into(),
        refresh_due: "enero de 2028".into(),
        refresh_on: "20/01/2028".into(),
        refresh_changes: "Se cerró el compromiso 3.".into(),
    };
    d.read()
        .complete()
        .expect("ok")
        .apply(&mut p.implementation);
    p.mark_final(date!(2026 - 12 - 01)).expect("complete");
    p.commitments[0].name.push('.');
    save_amendment(
        &mut p,
        amendment_input().parse(ItemId(1), &[C1]).expect("ok"),
    );
    let envelope = Envelope::new(
        p.clone(),
        Default::default(),
        datetime!(2027-03-15 10:00 -6),
        1,
    );
    let text = encode(&envelope);
    assert!(text.contains("\"refresh_due\": \"2028-01\""), "{text}");
    assert!(text.contains("\"fingerprint\""));
    let back = decode(&text).expect("reads back").plan;
    assert_eq!(back, p);
    assert!(!back.amendment_due(C1));
    // The fixture, which has none of the new fields, re-encodes as before.
    let v6 = fixture("borrador-v6.json");
    let envelope = decode(&v6).expect("loads");
    assert!(!encode(&envelope).contains("\"commitments\": []"));
}

/// The body the OGP record names is where the implementation's record starts
/// (one body, not two records that disagree); an OGP record without one
/// gives nothing.
#[test]
fn the_monitoring_body_starts_from_the_ogp_records() {
    use plan_local_ga::domain::ogp::MonitoringBody;
    use plan_local_ga::domain::record_input::MonitoringBodyInput;
    let ogp = MonitoringBody {
        name: Some("Mecanismo de Revisión Independiente".to_owned()),
        evaluators: vec!["Ana Pérez".to_owned(), "Observatorio Ciudadano".to_owned()],
        ..Default::default()
    };
    let input = MonitoringBodyInput::from_ogp(&ogp).expect("a body");
    assert_eq!(input.name, "Mecanismo de Revisión Independiente");
    assert_eq!(input.members, "Ana Pérez\nObservatorio Ciudadano");
    let body = input.read().complete().expect("complete");
    assert_eq!(body.members, ["Ana Pérez", "Observatorio Ciudadano"]);
    assert_eq!(
        MonitoringBodyInput::from_ogp(&MonitoringBody::default()),
        None
    );
}

/// A deleted commitment takes its end-of-commitment assessment with it; the
/// rounds' reports about it stay in the draft (what was reported then).
#[test]
fn a_deleted_commitment_takes_its_assessment_along() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/borrador-v6.json"
    ))
    .expect("fixture");
    let mut plan = decode(&text).expect("loads").plan;
    let id = plan.implementation.assessments[0].commitment;
    let reports_before: usize = plan
        .implementation
        .rounds
        .iter()
        .map(|r| r.reports.len())
        .sum();
    assert!(plan.remove_commitment(id));
    assert!(plan.implementation.assessments.is_empty());
    let reports_after: usize = plan
        .implementation
        .rounds
        .iter()
        .map(|r| r.reports.len())
        .sum();
    assert_eq!(reports_after, reports_before);
}
