//! The check-your-answers model (`export::summary`): every answer of a plan is
//! a row, skipped optional answers are `None` ("No proporcionado"), and each row
//! points at the page that changes it.

mod common;

use common::plans::{complete_commitment, framework, office, profile};
use plan_local_ga::domain::plan::FichaPart;
use plan_local_ga::domain::{CommitmentId, Plan};
use plan_local_ga::export::summary::{summary, Row, Target};
use time::macros::date;

fn rows(plan: &Plan) -> Vec<(String, Row)> {
    summary(plan, date!(2026 - 01 - 15))
        .into_iter()
        .flat_map(|s| {
            let title = s.title.clone();
            s.groups.into_iter().flat_map(move |g| {
                g.rows.into_iter().map({
                    let title = title.clone();
                    move |r| (title.clone(), r)
                })
            })
        })
        .collect()
}

#[test]
fn an_empty_plan_shows_every_step_with_nothing_provided() {
    let plan = Plan::default();
    let sections = summary(&plan, date!(2026 - 01 - 15));
    let titles: Vec<&str> = sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Perfil de la jurisdicción",
            "Compromiso político",
            "Espacio de coordinación",
            "Hoja de ruta de cocreación",
            "Problemas públicos",
            "Compromisos",
            "Seguimiento",
            "Respuesta razonada"
        ]
    );
    let all = rows(&plan);
    // Only the national list in use has a value before anything is typed.
    let given: Vec<&str> = all
        .iter()
        .filter(|(_, r)| r.value.is_some())
        .map(|(_, r)| r.key.as_str())
        .collect();
    assert_eq!(given, ["Plan nacional de referencia"]);
}

#[test]
fn a_complete_commitment_has_every_value_and_links_to_its_pages() {
    let mut plan = Plan {
        profile: Some(profile()),
        office: Some(office()),
        framework: Some(framework()),
        ..Plan::default()
    };
    let c = complete_commitment(CommitmentId(1), "02/01/2026", "31/07/2027");
    plan.upsert_commitment(c.clone());
    let all = rows(&plan);
    let text: String = all
        .iter()
        .filter_map(|(_, r)| r.value.clone())
        .collect::<Vec<_>>()
        .join("\n");
    for v in [
        "Plan de Acción Local de Gobierno Abierto 2025-2027",
        "Querétaro",
        "22014",
        "Del 10/12/2025 al 31/08/2027",
        "30/09/2027",
        "Dirección de Gobierno Abierto",
        "María López Hernández, Secretaría de la Contraloría · gobierno.abierto@queretaro.gob.mx · 442 238 7700",
        "Edición 2019-2024",
        "Ley de Transparencia del Estado de Querétaro; Reglamento municipal",
        "Comisión de Transparencia del Estado de Querétaro",
        "Presupuesto participativo",
        "Ana Ruiz, Tesorería municipal",
        "Luis Pérez, Observatorio Ciudadano de Querétaro",
        "Publicar el presupuesto cada trimestre",
        "La ciudadanía no conoce en qué se gasta",
        "Publica información presupuestaria",
        "Replica un compromiso nacional: MX0087 · Estrategia subnacional de gobierno abierto",
        "16.6 Crear a todos los niveles instituciones eficaces",
        "60 %",
        "40 %",
        "2 acciones clave; ponderaciones: 100 %; avance ponderado: 0 %",
    ] {
        assert!(text.contains(v), "summary holds {v:?}");
    }
    // Optional answers left empty read "No proporcionado".
    let medium = all
        .iter()
        .find(|(_, r)| r.key == "Objetivo a mediano plazo")
        .expect("row");
    assert_eq!(medium.1.value, None);
    assert_eq!(
        medium.1.target,
        Target::Part(CommitmentId(1), FichaPart::Objectives)
    );
    let ka = all
        .iter()
        .filter(|(_, r)| r.key == "Ponderación")
        .map(|(_, r)| r.target)
        .collect::<Vec<_>>();
    assert_eq!(
        ka,
        [
            Target::KeyAction(CommitmentId(1), c.key_actions[0].id),
            Target::KeyAction(CommitmentId(1), c.key_actions[1].id)
        ]
    );
}

#[test]
fn a_short_term_is_flagged_in_the_summary() {
    let plan = Plan {
        profile: Some(profile()),
        ..Plan::default()
    };
    // Term ends 30/09/2027; on 15/01/2026 that is 20 months away: fine.
    let ok = rows(&plan);
    let term = |rows: &[(String, Row)]| {
        rows.iter()
            .find(|(_, r)| r.key == "Fin de la administración")
            .and_then(|(_, r)| r.value.clone())
    };
    assert_eq!(term(&ok).as_deref(), Some("30/09/2027"));
    let late: Vec<(String, Row)> = summary(&plan, date!(2026 - 12 - 01))
        .into_iter()
        .flat_map(|s| {
            s.groups
                .into_iter()
                .flat_map(|g| g.rows)
                .map(|r| (String::new(), r))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(term(&late).expect("term").contains("quedan 9 meses"));
}
