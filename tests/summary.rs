//! The check-your-answers model (`export::summary`): every answer of a plan is
//! a row, skipped optional answers are `None` ("No proporcionado"), and each row
//! points at the page that changes it.

mod common;

use common::plans::{complete_commitment, framework, office, profile};
use plan_local_ga::domain::plan::FichaPart;
use plan_local_ga::domain::{CommitmentId, Plan};
use plan_local_ga::export::summary::{summary, Row, Target};
use plan_local_ga::labels::Label;
use time::macros::date;

fn rows(plan: &Plan) -> Vec<(String, Row)> {
    summary(plan, date!(2026 - 01 - 15))
        .into_iter()
        .flat_map(|s| {
            let title = s.title.clone();
            s.groups.into_iter().flat_map(move |g| {
                g.all_rows()
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
                    .into_iter()
                    .map({
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
                .iter()
                .flat_map(|g| g.all_rows().into_iter().cloned().collect::<Vec<_>>())
                .map(|r| (String::new(), r))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(term(&late).expect("term").contains("quedan 9 meses"));
}

/// The complete plan of the fixtures (3 members, 1 organisation, 1 commitment
/// with 2 key actions).
fn fixture_plan() -> Plan {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/borrador-v5.json"
    ))
    .expect("fixture");
    plan_local_ga::persistence::decode(&text)
        .expect("the fixture opens")
        .plan
}

#[test]
fn each_member_and_organisation_is_one_row_with_who_sector_and_role() {
    let plan = fixture_plan();
    let sections = summary(&plan, date!(2026 - 01 - 15));
    let coordination = sections
        .iter()
        .find(|s| s.title == "Espacio de coordinación")
        .expect("section");
    let members = coordination
        .groups
        .iter()
        .find(|g| g.title.as_deref() == Some("Integrantes"))
        .expect("one group of members");
    assert_eq!(members.rows.len(), plan.coordination.members.len());
    assert_eq!(members.rows.len(), 3);
    for (r, m) in members.rows.iter().zip(&plan.coordination.members) {
        let line = r.value.as_deref().expect("a value");
        if let Some(name) = m.contact.name() {
            assert!(line.starts_with(name), "{line}");
        }
        if let Some(institution) = m.contact.institution() {
            assert!(line.contains(institution), "{line}");
        }
        if let Some(sector) = m.contact.sector() {
            assert!(
                line.contains(&format!("Sector: {}", sector.label())),
                "{line}"
            );
        }
        if let Some(role) = &m.role {
            assert!(line.contains(&format!("Papel: {role}")), "{line}");
        }
        assert_eq!(r.target, Target::Member(m.id));
    }
    assert_eq!(members.rows[0].key, "Integrante 1");
    let organisations = coordination
        .groups
        .iter()
        .find(|g| g.title.as_deref() == Some("Directorio de organizaciones"))
        .expect("one group of organisations");
    assert_eq!(
        organisations.rows.len(),
        plan.coordination.organizations.len()
    );
    let o = &plan.coordination.organizations[0];
    let line = organisations.rows[0].value.as_deref().expect("a value");
    assert!(line.starts_with(&o.name), "{line}");
    // No other group of the step is about a single member or organisation.
    assert!(coordination.groups.iter().all(|g| g
        .title
        .as_deref()
        .is_none_or(|t| !t.starts_with("Integrante ") && !t.starts_with("Organización "))));
}

#[test]
fn a_commitment_is_one_group_with_its_key_actions_inside_and_counts_what_is_missing() {
    let mut plan = fixture_plan();
    let id = plan.commitments[0].id;
    let sections = summary(&plan, date!(2026 - 01 - 15));
    let commitments = sections
        .iter()
        .find(|s| s.title == "Compromisos")
        .expect("section");
    assert_eq!(commitments.groups.len(), 1, "one group per commitment");
    let g = &commitments.groups[0];
    assert_eq!(g.title.as_deref(), Some("Compromiso 1"));
    assert_eq!(g.commitment, Some(id));
    let titles: Vec<Option<String>> = g.places().into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        titles,
        [
            Some("Compromiso 1".to_owned()),
            Some("Compromiso 1 · Acción clave 1".to_owned()),
            Some("Compromiso 1 · Acción clave 2".to_owned())
        ]
    );
    assert!(g.subgroups.iter().all(|k| k.rows[0].key == "Acción clave"));
    let before = g.missing();
    let (rows, missing) = commitments.counts();
    assert_eq!(missing, before);
    assert_eq!(rows, g.all_rows().len());
    assert!(before > 0, "the fixture leaves optional answers out");
    // Giving one more answer shows one fewer missing, in the group and the step.
    let o = plan.commitments[0].objectives.as_mut().expect("objectives");
    assert!(
        o.assumptions.is_none(),
        "the fixture leaves the assumptions out"
    );
    o.assumptions = Some("Hay presupuesto".to_owned());
    let sections = summary(&plan, date!(2026 - 01 - 15));
    let commitments = sections
        .iter()
        .find(|s| s.title == "Compromisos")
        .expect("section");
    assert_eq!(commitments.groups[0].missing(), before - 1);
    assert_eq!(commitments.counts().1, before - 1);
}
