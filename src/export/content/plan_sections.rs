//! The body of each section of the plan's document (after its numbered
//! heading, which [`super::plan_document()`] writes). Sub-headings are level 3:
//! level 2 is kept for the commitments, which the contents list.

use time::Date;

use super::blocks::{columns, given, not_provided, or_np, sub, table, NO_COMMITMENTS};
use super::document::palette;
use super::document::{Bar, Block, Field};
use super::ficha;
use super::readiness_document::readiness_blocks_at;
use super::sources::catalog_sources;
use super::summary::{
    contact_reach, join_given, organization_contact, percent, Row, Section, Target,
};
use super::timeline::{shorten, timeline as timeline_of};
use crate::catalog;
use crate::domain::key_action::weight_total;
use crate::domain::roadmap::Phase;
use crate::domain::{format_date, Plan, Relation, Step};
use crate::labels::{self, Label};

/// Summary rows as fields; a skipped answer reads "No proporcionado".
fn fields_of<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Vec<Field> {
    rows.into_iter()
        .map(|r| {
            Field::new(r.key.clone(), r.value.clone().unwrap_or_else(not_provided))
                .in_language(r.lang)
        })
        .collect()
}

/// The summary section of `step`.
fn section(answers: &[Section], step: Step) -> Option<&Section> {
    answers.iter().find(|s| s.step == step)
}

/// The section's own rows (its group without a title).
fn own_rows(answers: &[Section], step: Step) -> Vec<&Row> {
    section(answers, step)
        .and_then(|s| s.groups.iter().find(|g| g.title.is_none()))
        .map(|g| g.rows.iter().collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------

/// Section 1: The jurisdiction, its coordinating office and its planning framework.
pub fn profile(_plan: &Plan, answers: &[Section], blocks: &mut Vec<Block>) {
    let rows = own_rows(answers, Step::Profile);
    let part =
        |wanted: &[Target]| fields_of(rows.iter().copied().filter(|r| wanted.contains(&r.target)));
    blocks.push(sub("Jurisdicción y periodo del plan"));
    blocks.push(Block::Fields(part(&[Target::Profile])));
    blocks.push(sub("Oficina coordinadora y contacto"));
    blocks.push(Block::Fields(part(&[Target::Office])));
    blocks.push(sub("Marco de planeación y marco jurídico"));
    blocks.push(Block::Fields(part(&[
        Target::Framework,
        Target::NationalPlan,
    ])));
}

/// Section 2: The latest readiness self-assessment, with its chart.
pub fn readiness(plan: &Plan, blocks: &mut Vec<Block>) {
    let Some(latest) = plan.readiness.last() else {
        blocks.push(Block::Note(
            "Todavía no se ha respondido el diagnóstico de condiciones de apertura.".to_owned(),
        ));
        return;
    };
    let previous = plan
        .readiness
        .len()
        .checked_sub(2)
        .and_then(|i| plan.readiness.get(i));
    // Its own heading is already in place: keep the rest.
    blocks.extend(
        readiness_blocks_at(latest, previous, "", 3)
            .into_iter()
            .skip(1),
    );
}

/// Section 3: The political commitment.
pub fn political(answers: &[Section], blocks: &mut Vec<Block>) {
    blocks.push(Block::Fields(fields_of(own_rows(answers, Step::Political))));
}

/// Section 4: The coordination body, its members and the organisations directory.
pub fn coordination(plan: &Plan, answers: &[Section], blocks: &mut Vec<Block>) {
    let c = &plan.coordination;
    blocks.push(Block::Fields(fields_of(own_rows(
        answers,
        Step::Coordination,
    ))));
    if c.members.is_empty() {
        blocks.push(Block::Note(
            "Todavía no se han registrado integrantes.".to_owned(),
        ));
    } else {
        blocks.push(table(
            "Integrantes del espacio de coordinación",
            columns([
                "Núm.",
                "Institución o persona",
                "Sector y poder o ámbito",
                "Papel",
            ]),
            c.members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let c = &m.contact;
                    let reach = Some(contact_reach(c, "\n")).filter(|r| !r.is_empty());
                    vec![
                        (i + 1).to_string(),
                        join_given([Some(c.who()), reach], "\n"),
                        or_np(labels::sector_and_branch(c).as_deref()),
                        or_np(m.role.as_deref()),
                    ]
                })
                .collect(),
        ));
    }
    if c.organizations.is_empty() {
        blocks.push(Block::Note(
            "Todavía no se han registrado organizaciones.".to_owned(),
        ));
    } else {
        blocks.push(table(
            "Directorio de organizaciones de la sociedad civil",
            columns([
                "Núm.",
                "Organización",
                "Temas",
                "Grupos prioritarios",
                "Contacto",
            ]),
            c.organizations
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let contact = organization_contact(o, "\n");
                    vec![
                        (i + 1).to_string(),
                        o.name.clone(),
                        or_np(o.themes.as_deref()),
                        or_np(o.priority_groups.as_deref()),
                        or_np(Some(&contact)),
                    ]
                })
                .collect(),
        ));
    }
}

/// Section 5: The co-creation roadmap: its phases as a table, then the rest.
pub fn roadmap(plan: &Plan, answers: &[Section], blocks: &mut Vec<Block>) {
    let r = plan.roadmap.as_ref();
    blocks.push(table(
        "Fases de la cocreación",
        columns(["Fase", "Inicio", "Término"]),
        Phase::ALL
            .iter()
            .map(|ph| {
                let dates = r.and_then(|r| r.phases.iter().find(|x| x.phase == *ph));
                vec![
                    ph.label().to_owned(),
                    dates.map_or_else(not_provided, |d| format_date(d.period.start())),
                    dates.map_or_else(not_provided, |d| format_date(d.period.end())),
                ]
            })
            .collect(),
    ));
    // The summary lists the phases first, then the rest.
    let rows = own_rows(answers, Step::Roadmap);
    blocks.push(Block::Fields(fields_of(
        rows.into_iter().skip(Phase::ALL.len()),
    )));
}

/// Section 6: The public problems.
pub fn problems(answers: &[Section], blocks: &mut Vec<Block>) {
    let Some(s) = section(answers, Step::Problems) else {
        return;
    };
    let mut any = false;
    for g in &s.groups {
        if g.rows.is_empty() {
            continue;
        }
        any = true;
        if let Some(title) = &g.title {
            blocks.push(sub(title.clone()));
        }
        blocks.push(Block::Fields(fields_of(&g.rows)));
    }
    if !any {
        blocks.push(Block::Note(
            "Todavía no se han registrado problemas públicos.".to_owned(),
        ));
    }
}

/// Section 7: The list of commitments, then each one's ficha on its own pages.
pub fn commitments(plan: &Plan, blocks: &mut Vec<Block>) {
    if plan.commitments.is_empty() {
        blocks.push(Block::Note(NO_COMMITMENTS.to_owned()));
        return;
    }
    blocks.push(table(
        "Compromisos del plan",
        columns(["Núm.", "Compromiso", "Inicio", "Término"]),
        plan.commitments
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    (i + 1).to_string(),
                    crate::labels::name_or_unnamed(&c.name).to_owned(),
                    c.period
                        .as_ref()
                        .map_or_else(not_provided, |p| format_date(p.start())),
                    c.period
                        .as_ref()
                        .map_or_else(not_provided, |p| format_date(p.end())),
                ]
            })
            .collect(),
    ));
    for (i, c) in plan.commitments.iter().enumerate() {
        ficha::commitment_ficha(plan, i + 1, c, blocks);
    }
}

/// A relation in a table cell: "Replica", "Complementa", "Nuevo".
fn relation_short(r: Relation) -> &'static str {
    match r {
        Relation::Replica => "Replica",
        Relation::Complementa => "Complementa",
        Relation::Nuevo => "Nuevo (sin equivalente nacional)",
    }
}

/// Section 8: Local × national commitments, and the SDG targets the plan covers.
pub fn alignment(plan: &Plan, blocks: &mut Vec<Block>) {
    blocks.push(Block::Fields(vec![Field::new(
        "Plan nacional de referencia",
        plan.national_plan.name.clone(),
    )]));
    if plan.commitments.is_empty() {
        blocks.push(Block::Note(NO_COMMITMENTS.to_owned()));
        return;
    }
    blocks.push(table(
        "Compromisos locales y compromisos nacionales",
        columns([
            "Núm.",
            "Compromiso local",
            "Relación",
            "Compromiso nacional",
        ]),
        plan.commitments
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let link = c.alignment.national.as_ref();
                vec![
                    (i + 1).to_string(),
                    labels::name_or_unnamed(&c.name).to_owned(),
                    link.map_or_else(not_provided, |l| relation_short(l.relation()).to_owned()),
                    match link {
                        Some(l) if l.relation() == Relation::Nuevo => "No aplica".to_owned(),
                        Some(l) => labels::national_link(plan, l).unwrap_or_else(not_provided),
                        None => not_provided(),
                    },
                ]
            })
            .collect(),
    ));
    // Targets in catalogue order, each with the commitments that serve it.
    let rows: Vec<Vec<String>> = catalog::SDG_TARGETS
        .iter()
        .filter_map(|t| {
            let who: Vec<String> = plan
                .commitments
                .iter()
                .enumerate()
                .filter(|(_, c)| c.alignment.sdg_targets.iter().any(|x| x == t.code))
                .map(|(i, _)| (i + 1).to_string())
                .collect();
            if who.is_empty() {
                return None;
            }
            let goal = catalog::sdg_goal(t.goal).map_or_else(
                || t.goal.to_string(),
                |g| format!("{}. {}", g.number, g.short_es),
            );
            Some(vec![
                goal,
                t.code.to_owned(),
                t.title_es.to_owned(),
                who.join(", "),
            ])
        })
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Note(
            "Ningún compromiso tiene metas de los Objetivos de Desarrollo Sostenible registradas."
                .to_owned(),
        ));
    } else {
        blocks.push(table(
            "Metas de los Objetivos de Desarrollo Sostenible que atiende el plan",
            columns(["Objetivo", "Meta", "Descripción de la meta", "Compromisos"]),
            rows,
        ));
    }
}

/// Section 9: The monitoring plan, each key action's progress and each commitment's
/// weighted progress.
pub fn monitoring(plan: &Plan, answers: &[Section], blocks: &mut Vec<Block>) {
    blocks.push(Block::Fields(fields_of(own_rows(
        answers,
        Step::Monitoring,
    ))));
    if plan.commitments.is_empty() {
        blocks.push(Block::Note(NO_COMMITMENTS.to_owned()));
        return;
    }
    blocks.push(sub("Avance de los compromisos"));
    blocks.push(Block::Paragraph(
        "El avance de cada compromiso es la suma del avance de sus acciones clave, cada una multiplicada por su ponderación. Una acción clave sin avance registrado cuenta como 0 %.".to_owned(),
    ));
    if let Some(r) = plan.latest_round() {
        blocks.push(Block::Paragraph(
            crate::messages::rounds::current_progress_note(r),
        ));
    }
    blocks.push(Block::BarChart {
        caption: "Avance ponderado por compromiso (de 0 a 100 %)".to_owned(),
        max: 100.0,
        bars: plan
            .commitments
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let w = plan.current_commitment_progress(c);
                Bar::new(
                    // Short: the full names are in the table that follows.
                    format!("{}. {}", i + 1, shorten(&c.name, 60)),
                    // Hundredths of a percent, at most 10,000: exact in f32.
                    w as f32 / 100.0,
                    percent(w),
                    palette::GUINDA,
                )
            })
            .collect(),
    });
    blocks.push(table(
        "Avance ponderado por compromiso",
        columns([
            "Núm.",
            "Compromiso",
            "Suma de ponderaciones",
            "Avance ponderado",
        ]),
        plan.commitments
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    (i + 1).to_string(),
                    labels::name_or_unnamed(&c.name).to_owned(),
                    format!("{} %", weight_total(&c.key_actions)),
                    percent(plan.current_commitment_progress(c)),
                ]
            })
            .collect(),
    ));
    let rows: Vec<Vec<String>> = plan
        .commitments
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            c.key_actions.iter().enumerate().map(move |(j, k)| {
                let progress = plan.current_key_action_progress(c.id, k);
                vec![
                    format!("{}.{}", i + 1, j + 1),
                    crate::labels::name_or_unnamed(&k.name).to_owned(),
                    k.weight.map_or_else(not_provided, |w| format!("{w} %")),
                    progress.map_or_else(not_provided, |p| format!("{p} %")),
                    k.weight.map_or_else(not_provided, |w| {
                        percent(u32::from(progress.unwrap_or(0)) * u32::from(w))
                    }),
                ]
            })
        })
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Note(
            "Todavía no se han registrado acciones clave.".to_owned(),
        ));
    } else {
        blocks.push(table(
            "Avance de las acciones clave",
            columns([
                "Núm.",
                "Acción clave",
                "Ponderación",
                "Avance",
                "Aporte al compromiso",
            ]),
            rows,
        ));
    }
}

/// Section 10: The timeline chart, and the same dates as a table.
pub fn timeline(plan: &Plan, today: Date, blocks: &mut Vec<Block>) {
    let Some(t) = timeline_of(plan, None, today) else {
        blocks.push(Block::Note(
            "Todavía no hay acciones clave con fechas.".to_owned(),
        ));
        return;
    };
    blocks.push(Block::Paragraph(if t.activities() == 0 {
        t.summary()
    } else {
        format!(
            "{} Las barras gruesas son acciones clave y las delgadas, sus actividades; en la tabla, un número de dos cifras (1.2) es una acción clave y uno de tres (1.2.3), una de sus actividades.",
            t.summary()
        )
    }));
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            vec![
                r.number.clone(),
                r.name.clone(),
                format_date(r.start),
                format_date(r.end),
            ]
        })
        .collect();
    blocks.push(Block::Timeline {
        caption: "Cronograma de las acciones clave y sus actividades".to_owned(),
        timeline: t,
    });
    blocks.push(table(
        "Fechas del cronograma",
        columns(["Núm.", "Acción clave o actividad", "Inicio", "Término"]),
        rows,
    ));
}

/// Section 11: The reasoned response to the proposals received.
pub fn responses(plan: &Plan, blocks: &mut Vec<Block>) {
    if plan.responses.is_empty() {
        blocks.push(Block::Note(
            "Todavía no se han registrado propuestas.".to_owned(),
        ));
        return;
    }
    blocks.push(table(
        "Respuesta razonada a las propuestas recibidas",
        columns([
            "Núm.",
            "Propuesta",
            "Decisión",
            "Compromiso relacionado",
            "Razón",
        ]),
        plan.responses
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let proposal = match &r.source {
                    Some(s) => format!("{}\nOrigen: {s}", r.input),
                    None => r.input.clone(),
                };
                let commitment = r
                    .commitment
                    .and_then(|c| {
                        let n = plan.commitment_number(c)?;
                        Some(format!("{n}. {}", plan.commitment(c)?.name))
                    })
                    .unwrap_or_else(|| "Ninguno".to_owned());
                vec![
                    (i + 1).to_string(),
                    proposal,
                    crate::labels::response_decision(r)
                        .unwrap_or(r.decision.label())
                        .to_owned(),
                    commitment,
                    given(&r.reason),
                ]
            })
            .collect(),
    ));
}

/// Section 12: Where the bundled data comes from, and the font's licence.
pub fn sources(blocks: &mut Vec<Block>) {
    blocks.push(Block::Paragraph(
        "La herramienta incluye estos catálogos para elegir de listas oficiales sin conexión a internet."
            .to_owned(),
    ));
    blocks.push(table(
        "Catálogos incluidos en la herramienta",
        columns(["Catálogo", "Contenido", "Origen", "Licencia"]),
        catalog_sources()
            .into_iter()
            .map(|s| {
                vec![
                    s.name.to_owned(),
                    s.content,
                    s.origin.to_owned(),
                    s.licence.to_owned(),
                ]
            })
            .collect(),
    ));
    blocks.push(Block::Paragraph(format!(
        "Tipografía: {}",
        crate::export::font::fonts::FONT_CREDIT
    )));
}
