//! One commitment laid out like the national ficha de compromiso (4th national
//! action plan, `../shared/docs/ficha-compromiso-13-4PA.txt`), in its order:
//!
//! 1. header: "Compromiso N. Nombre" and its dates;
//! 2. responsible institutions and co-responsible organisations (tables);
//! 3. "¿Cuál es el compromiso?": objectives, problem, how it helps, assumptions,
//!    verification, why it is relevant to OGP's values;
//! 4. executive summary; alignment (national commitment, Agenda 2030 goals and
//!    targets with their texts, gender perspective, PND axis, local axis);
//!    other actors and additional information;
//! 5. the plan's classification of it the way OGP's data classifies
//!    commitments (Open Gov Challenge area, policy area, sector, practice,
//!    binding change, nomination), when given, and what OGP and the monitoring
//!    body publish about it, when recorded ([`super::ogp`]: its OGP id, titles
//!    in Spanish and English, inception assessment and completion);
//! 6. per key action "Acción clave N. Nombre (W % de ponderación del compromiso)":
//!    the responsible person, a table Descripción / objetivo | Indicador | Medio de
//!    verificación | Fecha de inicio | Fecha de término, and the "Actividades"
//!    table Actividad | Descripción / objetivo | Medio de verificación.
//!
//! Each ficha starts on a new page, as the national ones do.

use super::blocks::{columns, given, not_provided, or_np, period_or_np, sub, table};
use super::document::{Block, Field};
use super::summary::{contact_reach, join_given};
use crate::catalog;
use crate::domain::commitment::{Commitment, TeamMember};
use crate::domain::contact::Contact;
use crate::domain::key_action::KeyAction;
use crate::domain::{format_date, Plan, Relation};
use crate::labels::{self, Label};

/// The ficha's heading: "Compromiso 3. Nombre".
pub fn ficha_heading(n: usize, c: &Commitment) -> String {
    format!("Compromiso {n}. {}", labels::name_or_unnamed(&c.name))
}

/// A key action's heading, as the national ficha words it.
pub fn key_action_heading(j: usize, k: &KeyAction) -> String {
    let name = labels::name_or_unnamed(&k.name);
    match k.weight {
        Some(w) => format!("Acción clave {j}. {name} ({w} % de ponderación del compromiso)"),
        None => format!("Acción clave {j}. {name} (ponderación no proporcionada)"),
    }
}

/// Appends commitment `n`'s ficha.
pub fn commitment_ficha(plan: &Plan, n: usize, c: &Commitment, blocks: &mut Vec<Block>) {
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading {
        level: 2,
        text: ficha_heading(n, c),
    });
    blocks.push(Block::Fields(vec![Field::new(
        "Fecha de inicio y fecha de término",
        period_or_np(c.period.as_ref()),
    )]));

    people(
        blocks,
        "Instituciones responsables de la implementación",
        &c.responsible,
    );
    people(
        blocks,
        "Organizaciones corresponsables de la implementación",
        &c.co_responsible,
    );

    let o = c.objectives.as_ref();
    let text = |f: fn(&crate::domain::commitment::Objectives) -> Option<&str>| or_np(o.and_then(f));
    let problem = o.and_then(|o| o.problem).and_then(|pid| {
        let i = plan.problems.iter().position(|p| p.id == pid)?;
        Some(format!(
            "Problema {}: {}",
            i + 1,
            plan.problems[i].statement
        ))
    });
    let values = if c.values.is_empty() {
        not_provided()
    } else {
        c.values
            .iter()
            .map(|v| format!("{}: {}", v.value.label(), given(&v.reason)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    blocks.push(sub("¿Cuál es el compromiso?"));
    blocks.push(Block::Fields(vec![
        Field::new("Objetivo a corto plazo", text(|o| Some(&o.short_term))),
        Field::new(
            "Objetivo a mediano plazo",
            text(|o| o.medium_term.as_deref()),
        ),
        Field::new(
            "Problema público que atiende",
            problem.unwrap_or_else(not_provided),
        ),
        Field::new(
            "¿Cuál es la problemática que el compromiso aborda?",
            text(|o| Some(&o.problem_text)),
        ),
        Field::new(
            "¿Cómo contribuirá a resolver la problemática?",
            text(|o| Some(&o.how_it_helps)),
        ),
        Field::new(
            "Supuestos (análisis de riesgo)",
            text(|o| o.assumptions.as_deref()),
        ),
        Field::new(
            "¿Cómo se verificará el cumplimiento del compromiso?",
            text(|o| Some(&o.verification)),
        ),
        Field::new("¿Por qué es relevante para los valores de OGP?", values),
    ]));

    blocks.push(sub("Resumen ejecutivo"));
    blocks.push(Block::Paragraph(text(|o| o.summary.as_deref())));

    let a = &c.alignment;
    let link = a.national.as_ref();
    blocks.push(sub("Alineación"));
    blocks.push(Block::Fields(vec![
        Field::new(
            "Relación con el plan nacional",
            link.map_or_else(not_provided, |l| labels::relation(l.relation()).to_owned()),
        ),
        Field::new(
            "Compromiso nacional",
            match link {
                Some(l) if l.relation() == Relation::Nuevo => "No aplica".to_owned(),
                Some(l) => labels::national_link(plan, l).unwrap_or_else(not_provided),
                None => not_provided(),
            },
        ),
        Field::new("Alineación con la Agenda 2030", agenda_2030(&a.sdg_targets)),
        Field::new(
            "Alineación con la perspectiva de igualdad de género",
            or_np(a.gender.as_deref()),
        ),
        Field::new(
            "Eje del Plan Nacional de Desarrollo al que pertenece el compromiso",
            or_np(a.pnd_axis.as_deref()),
        ),
        Field::new(
            "Eje del plan estatal o municipal de desarrollo",
            or_np(a.local_axis.as_deref()),
        ),
    ]));
    blocks.push(sub("Información adicional"));
    blocks.push(Block::Fields(vec![
        Field::new(
            "Otros actores involucrados (OSC, sector privado, agencias multilaterales, grupos de trabajo)",
            text(|o| o.other_actors.as_deref()),
        ),
        Field::new("Información adicional", text(|o| o.additional_info.as_deref())),
    ]));
    super::ogp::ficha_blocks(c, blocks);

    if c.key_actions.is_empty() {
        blocks.push(sub("Acciones clave"));
        blocks.push(Block::Note(
            "Todavía no se han registrado acciones clave.".to_owned(),
        ));
    }
    for (j, k) in c.key_actions.iter().enumerate() {
        key_action(blocks, j + 1, k);
    }
}

/// The responsible institutions or co-responsible organisations: a table, one
/// member per row (who, every name once; role; sector and branch; e-mail and
/// phone), or "No proporcionado".
fn people(blocks: &mut Vec<Block>, caption: &str, list: &[TeamMember]) {
    if list.is_empty() {
        blocks.push(Block::Fields(vec![Field::new(caption, not_provided())]));
        return;
    }
    blocks.push(table(
        caption,
        columns([
            "Institución o persona",
            "Papel",
            "Sector y poder o ámbito",
            "Correo y teléfono",
        ]),
        list.iter()
            .map(|x| {
                let c = &x.contact;
                vec![
                    c.who(),
                    or_np(x.role.map(|r| r.label())),
                    or_np(labels::sector_and_branch(c).as_deref()),
                    or_np(Some(&contact_reach(c, "\n"))),
                ]
            })
            .collect(),
    ));
}

/// "Nombre: …\nCargo: …\nInstitución: …\nCorreo: …\nTeléfono: …", without the
/// parts not given, and without an institution that only repeats the name.
fn contact_lines(c: &Contact) -> String {
    let affiliation = labels::sector_and_branch(c);
    [
        c.name().map(|v| ("Nombre", v)),
        c.position().map(|v| ("Cargo", v)),
        c.distinct_institution().map(|v| ("Institución", v)),
        affiliation
            .as_deref()
            .map(|v| ("Sector y poder o ámbito", v)),
        c.email().map(|v| ("Correo", v.as_str())),
        c.phone().map(|v| ("Teléfono", v.as_str())),
    ]
    .into_iter()
    .flatten()
    .map(|(label, value)| format!("{label}: {value}"))
    .collect::<Vec<_>>()
    .join("\n")
}

/// The SDG goals and targets, as the national ficha lists them: "Objetivo de
/// Desarrollo Sostenible 16: Paz, justicia e instituciones sólidas", then
/// "Meta 16.6 Crear a todos los niveles…" for each target of that goal.
fn agenda_2030(codes: &[String]) -> String {
    if codes.is_empty() {
        return not_provided();
    }
    let mut lines = Vec::new();
    let mut goal = None;
    for code in codes {
        match catalog::sdg_target(code) {
            Some(t) => {
                if goal != Some(t.goal) {
                    goal = Some(t.goal);
                    lines.push(match catalog::sdg_goal(t.goal) {
                        Some(g) => format!(
                            "Objetivo de Desarrollo Sostenible {}: {}",
                            g.number, g.short_es
                        ),
                        None => format!("Objetivo de Desarrollo Sostenible {}", t.goal),
                    });
                }
                lines.push(format!("Meta {} {}", t.code, t.title_es));
            }
            None => lines.push(format!("Meta {code}")),
        }
    }
    lines.join("\n")
}

/// The indicator's details besides its name, on one line ("Tipo: Numérico ·
/// Unidad de medida: documento · …"), or `None` when none was given.
fn indicator_details(k: &KeyAction) -> Option<String> {
    let i = &k.indicator;
    let parts = join_given(
        [
            i.kind.map(|x| format!("Tipo: {}", x.label())),
            i.unit.as_ref().map(|u| format!("Unidad de medida: {u}")),
            i.baseline.as_ref().map(|u| format!("Línea base: {u}")),
            i.target.as_ref().map(|u| format!("Meta: {u}")),
            i.frequency
                .map(|x| format!("Frecuencia de medición: {}", x.label().to_lowercase())),
        ],
        " · ",
    );
    // Every part carries its label, so an empty line means none was given.
    (!parts.is_empty()).then_some(parts)
}

fn key_action(blocks: &mut Vec<Block>, j: usize, k: &KeyAction) {
    blocks.push(sub(key_action_heading(j, k)));
    blocks.push(Block::Fields(vec![
        Field::new(
            "Persona servidora pública responsable de la implementación",
            k.responsible
                .as_ref()
                .map_or_else(not_provided, contact_lines),
        ),
        Field::new(
            "Detalle del indicador",
            indicator_details(k).unwrap_or_else(not_provided),
        ),
    ]));
    blocks.push(table(
        "",
        columns([
            "Descripción / objetivo",
            "Indicador",
            "Medio de verificación",
            "Fecha de inicio",
            "Fecha de término",
        ]),
        vec![vec![
            or_np(k.objective.as_deref()),
            given(&k.indicator.name),
            given(&k.verification),
            k.period
                .as_ref()
                .map_or_else(not_provided, |p| format_date(p.start())),
            k.period
                .as_ref()
                .map_or_else(not_provided, |p| format_date(p.end())),
        ]],
    ));
    if k.activities.is_empty() {
        blocks.push(Block::Fields(vec![Field::new(
            "Actividades",
            not_provided(),
        )]));
        return;
    }
    let dated = k.activities.iter().any(|a| a.period.is_some());
    let mut cols = columns([
        "Actividad",
        "Descripción / objetivo",
        "Medio de verificación",
    ]);
    if dated {
        cols.push("Fechas".to_owned());
    }
    blocks.push(table(
        "Actividades",
        cols,
        k.activities
            .iter()
            .enumerate()
            .map(|(m, a)| {
                let mut row = vec![
                    format!("{}. {}", m + 1, labels::name_or_unnamed(&a.name)),
                    or_np(a.objective.as_deref()),
                    or_np(a.verification.as_deref()),
                ];
                if dated {
                    row.push(
                        a.period
                            .as_ref()
                            .map_or_else(not_provided, |p| p.to_string()),
                    );
                }
                row
            })
            .collect(),
    ));
}
