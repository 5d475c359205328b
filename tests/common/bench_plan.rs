//! The benchmark plan: `n` commitments × 4 key actions × 4 activities,
//! every field filled with Spanish text (15 commitments make the benchmark's
//! 50-70 pages); the other parts of the plan (office, framework, political
//! commitment, coordination body, roadmap, problems, monitoring, reasoned
//! responses) come from the complete schema-4 fixture, plus one readiness
//! assessment with evidence. Shared by the native tests (`common::bench_plan`),
//! the native PDF bench (tests/bench/pdf.rs) and the browser bench's plan writer
//! (tests/bench/bench_plan.rs).
// Each user takes a different part.
#![allow(dead_code)]

use plan_local_ga::domain::commitment::{
    AlignmentInput, ObjectivesInput, TeamMember, TeamMemberInput, ValuesInput,
};
use plan_local_ga::domain::contact::ContactInput;
use plan_local_ga::domain::key_action::{ActivityInput, KeyActionInput};
use plan_local_ga::domain::readiness::{parse_assessment, questions, ReadinessInput, GATE};
use plan_local_ga::domain::{CommitmentInput, ItemId, Plan, ProfileInput};
use plan_local_ga::persistence::decode;
use time::macros::date;

/// Every part of a plan, filled (tests/fixtures/borrador-v5.json).
const COMPLETE: &str = include_str!("../fixtures/borrador-v5.json");

pub const LONG: &str = "Articular las agendas federal y local de gobierno abierto para convertirlas en una estrategia que permita avanzar hacia un Estado Abierto, a partir de las experiencias acumuladas en el plano federal y en los gobiernos estatales, con participación de la sociedad civil y perspectiva de género.";

fn person(name: &str) -> ContactInput {
    ContactInput {
        name: name.into(),
        position: "Directora General de Gobierno Abierto y Transparencia".into(),
        institution: "Secretaría de la Contraloría del Estado de Querétaro".into(),
        email: "gobierno.abierto@queretaro.gob.mx".into(),
        phone: "442 238 5000 ext. 5012".into(),
        ..ContactInput::default()
    }
}

fn team_member(contact: ContactInput, id: u32) -> TeamMember {
    TeamMemberInput {
        contact,
        role: "coordina".into(),
    }
    .parse(ItemId(id))
    .expect("team member")
}

/// A plan of realistic size: `commitments` × 4 key actions × 4 activities,
/// every field filled with Spanish text (the benchmark plan at 15).
pub fn plan_with(commitments: usize) -> Plan {
    let complete = decode(COMPLETE).expect("the fixture decodes").plan;
    let responses = complete.responses.clone();
    let mut plan = Plan {
        commitments: Vec::new(),
        responses: Vec::new(),
        readiness: vec![assessment()],
        ..complete
    };
    plan = Plan {
        profile: Some(
            ProfileInput {
                kind: "estado".into(),
                state: "22".into(),
                plan_name: "Plan de Acción Local de Gobierno Abierto de Querétaro 2025-2027".into(),
                start: "10/12/2025".into(),
                end: "31/08/2027".into(),
                term_end: "30/09/2027".into(),
                ..Default::default()
            }
            .parse()
            .expect("valid profile"),
        ),
        ..plan
    };
    for i in 0..commitments {
        let id = plan.next_commitment_id();
        let mut c = CommitmentInput {
            name: format!(
                "Compromiso {}: fortalecer la participación ciudadana en la planeación y el seguimiento del presupuesto, con perspectiva de género y datos abiertos por municipio",
                i + 1
            ),
            start: "02/01/2026".into(),
            end: "31/07/2027".into(),
        }
        .parse(id, None, None)
        .expect("valid commitment");
        c.alignment = AlignmentInput {
            relation: "replica".into(),
            national: "MX0087".into(),
            sdg_targets: "5.5,16.6,16.10".into(),
            pnd_axis: "otro".into(),
            pnd_axis_other: "Eje I. Política y Gobierno".into(),
            local_axis: "Eje 5. Gobierno abierto y transparente".into(),
            gender: LONG.into(),
        }
        .parse(&plan.national_plan, None)
        .expect("valid alignment");
        c.responsible = vec![team_member(person("María Fernanda López Ruiz"), 1)];
        c.co_responsible = vec![team_member(
            person("Colectivo Ciudadano por la Transparencia, A.C."),
            2,
        )];
        c.objectives = Some(
            ObjectivesInput {
                short_term: LONG.into(),
                medium_term: LONG.into(),
                problem_text: format!("{LONG} {LONG}"),
                how_it_helps: format!("{LONG} {LONG}"),
                assumptions: LONG.into(),
                verification: LONG.into(),
                other_actors: LONG.into(),
                summary: LONG.into(),
                additional_info: LONG.into(),
                ..Default::default()
            }
            .parse(&[])
            .expect("valid objectives"),
        );
        c.values = ValuesInput {
            values: "transparencia,participacion".into(),
            transparencia: LONG.into(),
            participacion: LONG.into(),
            ..Default::default()
        }
        .parse()
        .expect("valid values");
        for (k, (weight, start, end)) in [
            ("35", "02/01/2026", "30/04/2026"),
            ("25", "01/05/2026", "31/10/2026"),
            ("25", "01/11/2026", "30/04/2027"),
            ("15", "01/05/2027", "31/07/2027"),
        ]
        .into_iter()
        .enumerate()
        {
            let kid = ItemId(k as u32 + 1);
            let mut ka = KeyActionInput {
                name: format!("Acción clave {}: estudio de las condiciones de apertura institucional a nivel local", k + 1),
                objective: LONG.into(),
                weight: weight.into(),
                indicator: "Diagnóstico integrado y publicado".into(),
                indicator_kind: "documental".into(),
                unit: "documento".into(),
                baseline: "0".into(),
                target: "1".into(),
                frequency: "trimestral".into(),
                verification: "Diagnóstico integrado publicado en el sitio de gobierno abierto".into(),
                start: start.into(),
                end: end.into(),
                responsible: person("José Luis Hernández Pérez"),
                progress: "40".into(),
            }
            .parse(kid, c.period.clone(), Vec::new())
            .expect("valid key action");
            for a in 0..4u32 {
                let act = ActivityInput {
                    name: format!(
                        "Actividad {}: integrar un grupo de trabajo multidisciplinario",
                        a + 1
                    ),
                    objective: LONG.into(),
                    verification: "Minuta de la reunión publicada".into(),
                    start: start.into(),
                    end: end.into(),
                }
                .parse(ItemId(a + 1), ka.period.clone())
                .expect("valid activity");
                ka.activities.push(act);
            }
            c.key_actions.push(ka);
        }
        plan.upsert_commitment(c);
    }
    if commitments > 0 {
        // The fixture's reasoned response names commitment 1.
        plan.responses = responses;
    }
    plan
}

/// A readiness self-assessment with every question answered and explained.
fn assessment() -> plan_local_ga::domain::readiness::Assessment {
    let mut input: ReadinessInput = questions()
        .enumerate()
        .map(|(i, q)| (q.id.to_owned(), ((i % 4) as u8).to_string()))
        .collect();
    for q in questions() {
        input.insert(
            format!("{}-evidencia", q.id),
            "Acta de la sesión del Secretariado Técnico Local publicada en el sitio de gobierno abierto".to_owned(),
        );
    }
    for c in &GATE {
        input.insert(c.id.to_owned(), "si".to_owned());
    }
    parse_assessment(&input, date!(2025 - 11 - 03)).expect("complete assessment")
}

/// `plan` with `rounds` report rounds (every two months from February 2026),
/// a report of every key action and activity in each (status, percent rising
/// round by round, two pieces of evidence, difficulties, next steps, a gender
/// note), the local monitoring body and each commitment's end-of-commitment
/// assessment: the progress benchmark at 8 rounds.
pub fn with_rounds(mut plan: Plan, rounds: usize) -> Plan {
    use plan_local_ga::domain::commitment::OgpValue;
    use plan_local_ga::domain::progress::{
        EarlyResult, EndAssessment, ItemReport, LocalMonitoringBody, Round, Status, ValueResult,
    };
    use plan_local_ga::domain::Unknown;
    use time::{Date, Month};

    let items = plan.progress_items();
    for r in 0..rounds {
        let months = 1 + 2 * r as u32;
        let (year, month) = (2026 + (months / 12) as i32, (months % 12) as u8 + 1);
        let cutoff = Date::from_calendar_date(year, Month::try_from(month).expect("month"), 28)
            .expect("cut-off date");
        let reports = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let percent = ((r + 1) * 100 / rounds).saturating_sub(i % 3 * 5) as u8;
                let mut report = ItemReport::new(item.commitment, item.key_action, item.activity);
                report.status = Some(match percent {
                    0 => Status::NoIniciado,
                    1..=49 => Status::Limitado,
                    50..=99 => Status::Sustancial,
                    _ => Status::Completo,
                });
                report.percent = Some(percent);
                report.evidence = vec![
                    format!(
                        "https://gobiernoabierto.queretaro.gob.mx/evidencia/informe-{}/compromiso-{}/accion-{}.pdf",
                        r + 1,
                        item.commitment.0,
                        item.key_action.0
                    ),
                    "Minuta de la sesión del Secretariado Técnico Local publicada en el sitio de gobierno abierto".to_owned(),
                ];
                report.difficulties = Some(
                    "La Tesorería cambió de sistema contable y la publicación se retrasó un mes."
                        .to_owned(),
                );
                report.next_steps =
                    Some("Publicar el siguiente corte trimestral en datos abiertos.".to_owned());
                report.gender_note = Some(
                    "Los datos se desagregan por sexo; se invitó a mujeres jefas de familia."
                        .to_owned(),
                );
                report
            })
            .collect();
        plan.implementation.upsert_round(Round {
            id: ItemId(r as u32 + 1),
            name: format!("Informe bimestral {}", r + 1),
            cutoff,
            reporter: Some("Dirección de Gobierno Abierto".to_owned()),
            reports,
            unknown: Unknown::new(),
        });
    }
    plan.implementation.monitoring_body = Some(LocalMonitoringBody {
        name: "Comité de Monitoreo Ciudadano".to_owned(),
        members: vec![
            "Observatorio Ciudadano de Querétaro".to_owned(),
            "Universidad Autónoma de Querétaro".to_owned(),
        ],
        schedule: Some("Al inicio, a la mitad y al final del plan".to_owned()),
        unknown: Unknown::new(),
    });
    plan.implementation.assessments = plan
        .commitments
        .iter()
        .map(|c| EndAssessment {
            commitment: c.id,
            completion: Some(Status::Sustancial),
            results: vec![ValueResult {
                value: OgpValue::Transparencia,
                result: EarlyResult::Marginal,
                unknown: Unknown::new(),
            }],
            evidence: vec!["https://gobiernoabierto.queretaro.gob.mx/evidencia".to_owned()],
            explanation: Some(LONG.to_owned()),
            unknown: Unknown::new(),
        })
        .collect();
    plan
}
