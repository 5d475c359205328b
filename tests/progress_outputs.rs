//! The outputs of the progress reports (issue 18): the CSV of every round
//! (its exact bytes), a round's report PDF (its text through `pdftotext`,
//! `qpdf --check`, the draft inside it), the job the PDF worker runs for it,
//! and the plan PDF's "Informes de avance" section, present only when the
//! plan has rounds.
//!
//! `KEEP_PDF=1 cargo test --test progress_outputs` keeps the PDFs and their
//! text in a scratch directory for a person to look at.

mod common;

use common::{cleanup, page_count, path_str, pdftotext, run, scratch_dir, squash, without_id};
use plan_local_ga::domain::progress::{ItemReport, Status};
use plan_local_ga::domain::{CommitmentId, ItemId, Plan, Step};
use plan_local_ga::export::job::{DocumentKind, Job, JobError, Prepared};
use plan_local_ga::export::plan_document::{PlanSection, SECTIONS};
use plan_local_ga::export::progress_csv::{csv_file_name, progress_csv, BOM, COLUMNS};
use plan_local_ga::export::progress_document::{progress_document, progress_file_stem};
use plan_local_ga::export::{plan_document, plan_pdf, Block};
use plan_local_ga::persistence::pdf_draft::extract_draft;
use plan_local_ga::persistence::{decode, decode_file, encode, Envelope};
use time::macros::datetime;
use time::OffsetDateTime;

fn when() -> OffsetDateTime {
    datetime!(2027-01-15 09:30 -6)
}

/// The schema-6 fixture: one commitment (key actions weighted 60 and 40, the
/// first with an activity), two rounds, a monitoring body, an assessment.
fn envelope() -> Envelope {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/borrador-v6.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    decode(&text).expect("fixture decodes")
}

fn report_mut(plan: &mut Plan, round: usize, k: u32, a: Option<u32>) -> &mut ItemReport {
    plan.implementation.rounds[round]
        .reports
        .iter_mut()
        .find(|r| r.key_action == ItemId(k) && r.activity == a.map(ItemId))
        .expect("a report of the fixture")
}

/// The fixture with texts a CSV must quote: a comma and quotes in a round's
/// name, a line break in a difficulty, two pieces of evidence (one with a
/// comma), a gender note, and one item of the second round without a report.
fn csv_plan() -> Plan {
    let mut plan = envelope().plan;
    plan.implementation.rounds[0].name = "Primer informe, \"semestral\"".to_owned();
    let r = report_mut(&mut plan, 0, 1, None);
    r.difficulties =
        Some("La Tesorería cambió de sistema contable.\nSe capturó a mano.".to_owned());
    r.evidence.push("Acta de sesión, 15/06/2026".to_owned());
    report_mut(&mut plan, 1, 2, None).gender_note =
        Some("Se invitó a 12 mujeres jefas de familia".to_owned());
    plan.implementation.rounds[1]
        .reports
        .retain(|r| r.activity.is_none());
    plan
}

// ---------------------------------------------------------------------------------
// The CSV

/// The whole file, byte for byte: the BOM, the header, one row per key action
/// and activity per round (oldest round first, plan order), RFC 4180 quoting
/// (a field with a comma, a quote or a line break in quotes, quotes doubled),
/// CRLF after every record, and an item without a report with its report
/// columns empty.
#[test]
fn the_csv_of_a_small_plan_is_exactly_these_bytes() {
    let csv = progress_csv(&csv_plan());
    let expected = concat!(
        "\u{feff}",
        "round_id,round_name,cutoff,reporter,commitment_number,commitment_id,commitment_name,key_action_number,key_action_id,key_action_name,weight,activity_number,activity_id,activity_name,status,status_label,percent,evidence,difficulties,next_steps,gender_note\r\n",
        "1,\"Primer informe, \"\"semestral\"\"\",2026-06-30,Dirección de Gobierno Abierto,1,1,Presupuesto participativo,1,1,Publicar el presupuesto en datos abiertos,60,,,,limitado,Limitado,30,\"https://municipiodequeretaro.gob.mx/gobierno-abierto/datos/presupuesto-2026-t1.csv | Acta de sesión, 15/06/2026\",\"La Tesorería cambió de sistema contable.\nSe capturó a mano.\",Publicar el segundo corte trimestral.,\r\n",
        "1,\"Primer informe, \"\"semestral\"\"\",2026-06-30,Dirección de Gobierno Abierto,1,1,Presupuesto participativo,1,1,Publicar el presupuesto en datos abiertos,60,1,1,Integrar un grupo de trabajo,completo,Completo,100,\"Minuta de instalación del grupo de trabajo, 28/01/2026\",,Publicar el segundo corte trimestral.,\r\n",
        "1,\"Primer informe, \"\"semestral\"\"\",2026-06-30,Dirección de Gobierno Abierto,1,1,Presupuesto participativo,2,2,Publicar el presupuesto en datos abiertos,40,,,,no-iniciado,No iniciado,0,,,Publicar el segundo corte trimestral.,\r\n",
        "2,Segundo informe semestral,2026-12-31,Dirección de Gobierno Abierto,1,1,Presupuesto participativo,1,1,Publicar el presupuesto en datos abiertos,60,,,,sustancial,Sustancial,70,https://municipiodequeretaro.gob.mx/gobierno-abierto/datos/presupuesto-2026-t3.csv,,Publicar el segundo corte trimestral.,\r\n",
        "2,Segundo informe semestral,2026-12-31,Dirección de Gobierno Abierto,1,1,Presupuesto participativo,1,1,Publicar el presupuesto en datos abiertos,60,1,1,Integrar un grupo de trabajo,,,,,,,\r\n",
        "2,Segundo informe semestral,2026-12-31,Dirección de Gobierno Abierto,1,1,Presupuesto participativo,2,2,Publicar el presupuesto en datos abiertos,40,,,,limitado,Limitado,20,,Falta el convenio con el Observatorio.,Publicar el segundo corte trimestral.,Se invitó a 12 mujeres jefas de familia\r\n",
    );
    if csv != expected {
        for (i, (a, b)) in csv.split("\r\n").zip(expected.split("\r\n")).enumerate() {
            assert_eq!(a, b, "record {i}");
        }
    }
    assert_eq!(csv, expected);
    assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    assert_eq!(
        csv_file_name(&csv_plan()),
        "plan-de-accion-local-de-gobierno-abierto-2025-2027-avances.csv"
    );
}

/// A small RFC 4180 reader (quoted fields, doubled quotes, CRLF records),
/// written apart from the writer: the file reads back as the same fields.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR only before LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert_ne!(c, '\n', "a bare LF ends no record");
                field.push(c);
            }
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends with CRLF"
    );
    records
}

#[test]
fn every_round_has_one_row_per_key_action_and_activity() {
    let plan = common::bench_plan::plan_with(3);
    let plan = common::bench_plan::with_rounds(plan, 4);
    let csv = progress_csv(&plan);
    let text = csv.strip_prefix(BOM).expect("BOM");
    let records = read_csv(text);
    assert_eq!(records[0], COLUMNS);
    let items = plan.progress_items().len();
    assert_eq!(
        items,
        3 * 4 * 5,
        "3 commitments × 4 key actions × (1 + 4 activities)"
    );
    assert_eq!(records.len(), 1 + 4 * items);
    assert!(records.iter().all(|r| r.len() == COLUMNS.len()));
    for (n, round) in plan.implementation.rounds_in_order().iter().enumerate() {
        let rows = &records[1 + n * items..1 + (n + 1) * items];
        assert!(rows.iter().all(|r| r[0] == round.id.0.to_string()));
    }
}

// ---------------------------------------------------------------------------------
// The report PDF

/// Text without whitespace and hyphens: pdftotext joins a word broken at a
/// line-end hyphen (an address in a narrow cell) and drops that hyphen.
fn flat(text: &str) -> String {
    squash(text).replace('-', "")
}

/// Writes the report of `round`, checks it with qpdf, returns its text.
fn report_text(env: &Envelope, round: u32, dir: &std::path::Path) -> (Vec<u8>, String) {
    let job = Job::pdf(
        DocumentKind::Progress {
            round: ItemId(round),
        },
        env.clone(),
        when(),
    );
    let bytes = job.run().expect("the report renders");
    let pdf = dir.join(format!("informe-{round}.pdf"));
    std::fs::write(&pdf, &bytes).expect("write PDF");
    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    assert!(
        page_count(&pdf) >= 3,
        "cover, summary and a commitment's page"
    );
    (bytes, pdftotext(&pdf, false))
}

#[test]
fn the_report_of_the_second_round_holds_statuses_evidence_and_both_rounds() {
    let dir = scratch_dir("progress-report");
    let env = envelope();
    let (bytes, text) = report_text(&env, 2, &dir);
    let got = flat(&text);
    for expected in [
        // The cover.
        "Informe de avance",
        "Plan de Acción Local de Gobierno Abierto 2025-2027",
        "Segundo informe semestral",
        "31/12/2026",
        "Dirección de Gobierno Abierto",
        // The plan's progress: 70 × 60 + 20 × 40 = 50 %, and 30 × 60 = 18 % before.
        "Avance del plan",
        "50 %",
        "18 % (Primer informe semestral (30/06/2026))",
        // Progress over time: both rounds.
        "Avance a lo largo del tiempo",
        "Primer informe semestral (30/06/2026)",
        "Segundo informe semestral (31/12/2026)",
        // What needs attention: a key action reported as started without evidence.
        "Requiere atención",
        "Se informa con avance pero sin evidencia",
        // The monitoring body.
        "Comité de Monitoreo Ciudadano de Querétaro",
        "Universidad Autónoma de Querétaro",
        // The commitment's table: statuses, percents (with the previous round's), evidence.
        "Compromiso 1. Presupuesto participativo",
        "Acción clave 1. Publicar el presupuesto en datos abiertos Ponderación: 60 %",
        "Actividad 1.1. Integrar un grupo de trabajo",
        "Sustancial",
        "Completo",
        "Limitado",
        "70 %",
        "antes: 30 %",
        "20 %",
        "https://municipiodequeretaro.gob.mx/gobierno-abierto/datos/presupuesto-2026-t3.csv",
        "Minuta de instalación del grupo de trabajo, 28/01/2026",
        "Falta el convenio con el Observatorio.",
        "Publicar el segundo corte trimestral.",
        // The end-of-commitment assessment.
        "Valoración al final del compromiso",
        "¿Abrió el gobierno? Transparencia",
        "Marginal",
        "El presupuesto se publica cada trimestre en datos abiertos; falta la consulta por localidad.",
    ] {
        assert!(got.contains(&flat(expected)), "{expected:?} in the report:\n{text}");
    }
    // The round's own evidence, not the first round's.
    assert!(!got.contains(&flat("presupuesto-2026-t1.csv")), "{text}");
    // The draft travels inside, as in the plan's PDF.
    assert_eq!(extract_draft(&bytes).as_deref(), Ok(encode(&env).as_str()));
    assert!(decode_file(&bytes).is_ok_and(|e| e.plan == env.plan));
    cleanup(&dir);
}

#[test]
fn the_report_of_the_first_round_shows_no_later_round() {
    let dir = scratch_dir("progress-report-first");
    let (_, text) = report_text(&envelope(), 1, &dir);
    let got = flat(&text);
    for expected in [
        "Primer informe semestral",
        "presupuesto-2026-t1.csv",
        "La Tesorería cambió de sistema contable.",
        "18 %",
    ] {
        assert!(got.contains(&flat(expected)), "{expected:?}:\n{text}");
    }
    assert!(!got.contains("Segundoinforme"), "{text}");
    assert!(!got.contains("31/12/2026"), "{text}");
    assert!(!got.contains("antes:"), "no previous round: {text}");
    cleanup(&dir);
}

#[test]
fn the_report_has_a_page_per_commitment_and_its_sections_in_order() {
    let plan = common::bench_plan::with_rounds(common::bench_plan::plan_with(3), 2);
    let round = plan.implementation.rounds_in_order()[1].id;
    let doc = progress_document(&plan, round, when()).expect("the round exists");
    let headings: Vec<(u8, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
        .collect();
    let sections: Vec<&str> = headings.iter().filter(|h| h.0 == 1).map(|h| h.1).collect();
    assert_eq!(
        sections,
        [
            "1. Resumen",
            "2. Avance a lo largo del tiempo",
            "3. Requiere atención",
            "4. Órgano de monitoreo",
            "5. Avance por compromiso"
        ]
    );
    // The section starts a page, and each commitment after the first.
    let after_break: Vec<&Block> = doc
        .blocks
        .windows(2)
        .filter(|w| matches!(w[0], Block::PageBreak))
        .map(|w| &w[1])
        .collect();
    assert!(
        matches!(after_break[0], Block::Heading { level: 1, text } if text == "5. Avance por compromiso")
    );
    assert_eq!(after_break.len(), 3);
    assert!(after_break[1..]
        .iter()
        .all(|b| matches!(b, Block::Heading { level: 2, .. })));
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::BarChart { bars, .. } if bars.len() == 2)));
}

/// Eight rounds: the chart has every round, and the commitments' progress by
/// date is two tables of at most six dates, each commitment by its number.
#[test]
fn eight_rounds_split_the_commitments_table_by_dates() {
    let plan = common::bench_plan::with_rounds(common::bench_plan::plan_with(2), 8);
    let last = plan.implementation.rounds_in_order()[7].id;
    let doc = progress_document(&plan, last, when()).expect("the round exists");
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::BarChart { bars, .. } if bars.len() == 8)));
    // (caption, columns, rows)
    type Parts<'a> = (&'a str, &'a [String], &'a [Vec<String>]);
    let by_date: Vec<Parts> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table {
                caption,
                columns,
                rows,
            } if caption.contains("por fecha de corte") => {
                Some((caption.as_str(), columns.as_slice(), rows.as_slice()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(by_date.len(), 2);
    assert!(by_date[0].0.ends_with("(1 de 2)") && by_date[1].0.ends_with("(2 de 2)"));
    assert_eq!(by_date[0].1.len(), 1 + 6);
    assert_eq!(by_date[1].1.len(), 1 + 2);
    assert_eq!(by_date[1].1[2], "28/04/2027");
    let numbers: Vec<&str> = by_date[0].2.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "2"]);
}

#[test]
fn the_file_name_is_the_plans_with_the_rounds_cutoff() {
    let plan = envelope().plan;
    let round = plan.implementation.round(ItemId(2)).expect("round 2");
    assert_eq!(
        progress_file_stem(&plan, round),
        "plan-de-accion-local-de-gobierno-abierto-2025-2027-informe-de-avance-2026-12-31"
    );
}

// ---------------------------------------------------------------------------------
// The worker's job

#[test]
fn the_progress_request_survives_its_json_trip_and_names_a_missing_round() {
    let env = envelope();
    let sent = Prepared::progress(&env, ItemId(2), when()).expect("round 2");
    assert_eq!(
        sent.draft.as_deref(),
        Some(encode(&env).as_str()),
        "it carries the draft"
    );
    let json = sent.to_json();
    let back = Prepared::from_json(&json).expect("reads back");
    assert_eq!(back, sent);
    let after = back.run().expect("renders");
    let job = Job::pdf(
        DocumentKind::Progress { round: ItemId(2) },
        env.clone(),
        when(),
    );
    let before = job.run().expect("renders");
    assert!(
        without_id(&after) == without_id(&before),
        "the same PDF after the trip"
    );
    assert_eq!(
        extract_draft(&after).expect("the report carries the draft"),
        encode(&env)
    );
    assert_eq!(Prepared::progress(&env, ItemId(9), when()), None);
    let missing = Job::pdf(DocumentKind::Progress { round: ItemId(9) }, env, when());
    assert_eq!(missing.run(), Err(JobError::NoRound));
    assert_eq!(missing.document().err(), Some(JobError::NoRound));
}

// ---------------------------------------------------------------------------------
// The plan's PDF

fn section_headings(plan: &Plan) -> Vec<String> {
    plan_document(plan, when())
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_plan_pdf_has_the_progress_section_once_anything_is_recorded() {
    assert!(SECTIONS.contains(&PlanSection::Step(Step::Progress)));
    assert_eq!(
        Step::Progress.document_heading(),
        Some("Informes de avance")
    );
    let with = envelope().plan;
    let headings = section_headings(&with);
    let at = headings
        .iter()
        .position(|h| h.ends_with(". Informes de avance"))
        .expect("the section");
    assert!(
        headings[at + 1].ends_with("Anexo: revisión de calidad"),
        "before the annex: {headings:?}"
    );
    // Without rounds but with the record, the section says so and keeps the record.
    let mut no_rounds = with.clone();
    no_rounds.implementation.rounds.clear();
    assert!(section_headings(&no_rounds)
        .iter()
        .any(|h| h.ends_with(". Informes de avance")));
    let mut without = with.clone();
    without.implementation = Default::default();
    assert!(!section_headings(&without)
        .iter()
        .any(|h| h.contains("Informes de avance")));
    assert!(!section_headings(&common::c13::plan())
        .iter()
        .any(|h| h.contains("Informes de avance")));

    let dir = scratch_dir("progress-plan");
    let pdf = dir.join("plan.pdf");
    std::fs::write(&pdf, plan_pdf(&with, when()).expect("PDF renders")).expect("write");
    run("qpdf", "qpdf", &["--check", path_str(&pdf)]);
    let text = pdftotext(&pdf, false);
    let flat = squash(&text);
    let section = &flat[flat
        .find(&squash("Informes de avance Avance según"))
        .expect("the section")..];
    for expected in [
        "Avance según el más reciente de los 2 informes registrados",
        "Segundo informe semestral",
        "31/12/2026",
        "Avance del plan",
        "50 %",
        "18 % (Primer informe semestral (30/06/2026))",
        "1. Presupuesto participativo",
        "Requiere atención",
        "Se informa con avance pero sin evidencia",
        "Registro del seguimiento",
        "Duración del plan Dos años",
        "Órgano de monitoreo Comité de Monitoreo Ciudadano de Querétaro",
        "Valoración final",
        "Cumplimiento:",
    ] {
        assert!(
            section.contains(&squash(expected)),
            "{expected:?} in the section:\n{text}"
        );
    }
    cleanup(&dir);
}

/// Reports of items no longer in the plan are kept in the draft but left out
/// of the CSV and the report.
#[test]
fn reports_of_removed_items_are_left_out() {
    let mut plan = envelope().plan;
    let mut orphan = ItemReport::new(CommitmentId(1), ItemId(77), None);
    orphan.status = Some(Status::Completo);
    orphan
        .evidence
        .push("Evidencia de una acción borrada".to_owned());
    plan.implementation.rounds[1].reports.push(orphan);
    let csv = progress_csv(&plan);
    assert_eq!(csv.matches("\r\n").count(), 1 + 2 * 3);
    assert!(!csv.contains("acción borrada"));
    let doc = progress_document(&plan, ItemId(2), when()).expect("round 2");
    assert!(!format!("{doc:?}").contains("acción borrada"));
}
