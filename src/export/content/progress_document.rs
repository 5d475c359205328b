//! The progress report of one round ("Descargar informe de avance (PDF)") and
//! the plan's section "Informes de avance" with the latest round, both from
//! the plan's implementation ([`crate::domain::progress`]).
//!
//! The report opens with a cover (the plan, the round, its cut-off date, who
//! reports) and its contents, then:
//! 1. "Resumen": the plan's progress in this round and in the previous one,
//!    and each commitment's weighted progress in both;
//! 2. "Avance a lo largo del tiempo": the plan's progress in every round up
//!    to this one (a bar chart and its table), and each commitment's;
//! 3. "Requiere atención": [`Plan::needs_attention`] with its reasons;
//! 4. "Órgano de monitoreo": the local monitoring body (or a note that it is
//!    not recorded yet);
//! 5. "Avance por compromiso": one page per commitment with a table of its
//!    key actions and activities (status, percent, evidence, difficulties,
//!    next steps, and the gender note when one was written) and its
//!    end-of-commitment assessment, when recorded.
//!
//! Later rounds never appear in an earlier round's report.

use time::OffsetDateTime;

use super::blocks::{app_meta, columns, format_date_time, not_provided, or_np, table, TOOL_NAME};
use super::document::{palette, Bar, Block, Document, Field, TitleBlock};
use super::plan_document::file_stem;
use super::summary::percent;
use super::summary::{Section as SummarySection, ROUNDS_GROUP};
use crate::domain::progress::{Item, ItemReport, Round, RoundProgress};
use crate::domain::{format_date, ItemId, Plan, Step};
use crate::labels::{self, entity_line, entity_name, makers_label, Label};

/// The report's name, on its cover and in its file name.
pub const PROGRESS_TITLE: &str = "Informe de avance";

/// How the weighted progress is computed, in words (the report and the plan's section).
pub const WEIGHTED_PROGRESS_NOTE: &str = "El avance de cada compromiso es la suma del avance de sus acciones clave, cada una multiplicada por su ponderación. Una acción clave sin avance informado cuenta como 0 %, y una completa sin porcentaje, como 100 %. El avance del plan es el promedio del avance de sus compromisos.";

/// The most cut-off dates in one table of commitments by date (a plan of
/// four years may have a dozen rounds).
const ROUNDS_PER_TABLE: usize = 6;

/// Shown in a table cell with nothing to show.
const NONE: &str = "—";

pub use crate::messages::rounds::{round_called as round_name, round_label};

/// The report's file stem: the plan's ([`file_stem`]), then
/// "-informe-de-avance-" and the round's cut-off date (`YYYY-MM-DD`, so the
/// files of a plan sort by date).
pub fn progress_file_stem(plan: &Plan, round: &Round) -> String {
    let d = round.cutoff;
    format!(
        "{}-informe-de-avance-{:04}-{:02}-{:02}",
        file_stem(plan),
        d.year(),
        u8::from(d.month()),
        d.day()
    )
}

/// The rounds up to and including `round`, oldest first.
fn rounds_until<'a>(plan: &'a Plan, round: &Round) -> Vec<&'a Round> {
    plan.implementation
        .rounds_in_order()
        .into_iter()
        .filter(|r| (r.cutoff, r.id) <= (round.cutoff, round.id))
        .collect()
}

/// "1. Nombre" for commitment number `n` (1-based).
fn commitment_line(n: usize, name: &str) -> String {
    format!("{n}. {}", labels::name_or_unnamed(name))
}

/// The commitment's number (1-based) and the item's name as the report
/// writes it: "Acción clave 2. Nombre" or "Actividad 2.1. Nombre". `None`
/// for an item no longer in the plan.
pub fn item_name(plan: &Plan, item: Item) -> Option<(usize, String)> {
    let n = plan
        .commitments
        .iter()
        .position(|c| c.id == item.commitment)?;
    let c = &plan.commitments[n];
    let j = c.key_actions.iter().position(|k| k.id == item.key_action)?;
    let k = &c.key_actions[j];
    let name = match item.activity {
        None => format!(
            "Acción clave {}. {}",
            j + 1,
            labels::name_or_unnamed(&k.name)
        ),
        Some(a) => {
            let i = k.activities.iter().position(|x| x.id == a)?;
            format!(
                "Actividad {}.{}. {}",
                j + 1,
                i + 1,
                labels::name_or_unnamed(&k.activities[i].name)
            )
        }
    };
    Some((n + 1, name))
}

/// The round's summary as fields: the round, its date and who reports (when
/// `identify`: the report's cover already says them), the plan's progress now
/// and in the previous round.
fn summary_fields(
    round: &Round,
    identify: bool,
    progress: &RoundProgress,
    previous: Option<(&Round, &RoundProgress)>,
) -> Vec<Field> {
    let mut fields = Vec::new();
    if identify {
        fields.extend([
            Field::new("Informe", round_name(round)),
            Field::new("Fecha de corte", format_date(round.cutoff)),
            Field::new("Quién informa", or_np(round.reporter.as_deref())),
        ]);
    }
    fields.push(Field::new("Avance del plan", percent(progress.plan)));
    if let Some((r, p)) = previous {
        fields.push(Field::new(
            "Avance del plan en el informe anterior",
            format!("{} ({})", percent(p.plan), round_label(r)),
        ));
    }
    fields
}

/// Each commitment's weighted progress in this round and the previous one.
fn commitments_table(
    plan: &Plan,
    round: &Round,
    progress: &RoundProgress,
    previous: Option<(&Round, &RoundProgress)>,
) -> Block {
    let mut cols = vec![
        "Compromiso".to_owned(),
        format!("Avance al {}", format_date(round.cutoff)),
    ];
    if let Some((r, _)) = previous {
        cols.push(format!(
            "Avance al {} (informe anterior)",
            format_date(r.cutoff)
        ));
    }
    let rows = plan
        .commitments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let of = |p: &RoundProgress| {
                p.commitments
                    .iter()
                    .find(|x| x.commitment == c.id)
                    .map_or_else(|| NONE.to_owned(), |x| percent(x.hundredths))
            };
            let mut row = vec![commitment_line(i + 1, &c.name), of(progress)];
            if let Some((_, p)) = previous {
                row.push(of(p));
            }
            row
        })
        .collect();
    table("Avance ponderado por compromiso", cols, rows)
}

/// What needs attention in `round`, as a table (or a note when nothing does).
fn attention_block(plan: &Plan, round: &Round) -> Block {
    let rows: Vec<Vec<String>> = plan
        .needs_attention(round.id)
        .into_iter()
        .filter_map(|a| {
            let (n, item) = item_name(plan, a.item)?;
            let why: Vec<&str> = a.why.iter().map(|w| w.label()).collect();
            // By number: a commitment may have many rows, and its name is in
            // the summary's table.
            Some(vec![n.to_string(), item, why.join("\n")])
        })
        .collect();
    if rows.is_empty() {
        Block::Note(
            "Ninguna acción clave ni actividad requiere atención en este informe.".to_owned(),
        )
    } else {
        table(
            "Acciones clave y actividades que requieren atención",
            columns(["Compromiso", "Acción clave o actividad", "Por qué"]),
            rows,
        )
    }
}

/// The round's summary: the fields (see [`summary_fields`]), how progress is
/// computed and the commitments' table.
fn summary_blocks(plan: &Plan, round: &Round, identify: bool, blocks: &mut Vec<Block>) {
    let progress = plan.round_progress(round);
    let previous_round = plan.implementation.previous_round(round.id);
    let previous_progress = previous_round.map(|r| plan.round_progress(r));
    let previous = previous_round.zip(previous_progress.as_ref());
    blocks.push(Block::Fields(summary_fields(
        round, identify, &progress, previous,
    )));
    blocks.push(Block::Paragraph(WEIGHTED_PROGRESS_NOTE.to_owned()));
    if plan.commitments.is_empty() {
        blocks.push(Block::Note(super::blocks::NO_COMMITMENTS.to_owned()));
    } else {
        blocks.push(commitments_table(plan, round, &progress, previous));
    }
}

/// The plan's progress in every round up to `round`: a bar chart, its table,
/// and each commitment's progress per round.
fn over_time_blocks(plan: &Plan, round: &Round, blocks: &mut Vec<Block>) {
    let rounds = rounds_until(plan, round);
    let progress: Vec<RoundProgress> = rounds.iter().map(|r| plan.round_progress(r)).collect();
    blocks.push(Block::BarChart {
        caption: "Avance del plan en cada informe (de 0 a 100 %)".to_owned(),
        max: 100.0,
        bars: rounds
            .iter()
            .zip(&progress)
            .map(|(r, p)| {
                // Hundredths of a percent, at most 10,000: exact in f32.
                Bar::new(
                    round_label(r),
                    p.plan as f32 / 100.0,
                    percent(p.plan),
                    palette::GUINDA,
                )
            })
            .collect(),
    });
    blocks.push(table(
        "Avance del plan en cada informe",
        columns(["Informe", "Fecha de corte", "Avance del plan"]),
        rounds
            .iter()
            .zip(&progress)
            .map(|(r, p)| vec![round_name(r), format_date(r.cutoff), percent(p.plan)])
            .collect(),
    ));
    if plan.commitments.is_empty() {
        return;
    }
    // Commitments by number (their names are in the summary's table), and
    // at most [`ROUNDS_PER_TABLE`] cut-off dates a table, so that a plan of
    // four years keeps every column readable.
    let chunks: Vec<(&[&Round], &[RoundProgress])> = rounds
        .chunks(ROUNDS_PER_TABLE)
        .zip(progress.chunks(ROUNDS_PER_TABLE))
        .collect();
    let parts = chunks.len();
    for (part, (rounds, progress)) in chunks.into_iter().enumerate() {
        let mut cols = vec!["Compromiso".to_owned()];
        cols.extend(rounds.iter().map(|r| format_date(r.cutoff)));
        let caption = if parts > 1 {
            format!(
                "Avance ponderado de cada compromiso por fecha de corte ({} de {parts})",
                part + 1
            )
        } else {
            "Avance ponderado de cada compromiso por fecha de corte".to_owned()
        };
        blocks.push(table(
            caption,
            cols,
            plan.commitments
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    std::iter::once((i + 1).to_string())
                        .chain(progress.iter().map(|p| {
                            p.commitments
                                .iter()
                                .find(|x| x.commitment == c.id)
                                .map_or_else(|| NONE.to_owned(), |x| percent(x.hundredths))
                        }))
                        .collect()
                })
                .collect(),
        ));
    }
}

/// The local monitoring body's fields, or a note when none is recorded.
fn monitoring_body_blocks(plan: &Plan, blocks: &mut Vec<Block>) {
    match &plan.implementation.monitoring_body {
        Some(body) => {
            let members = if body.members.is_empty() {
                not_provided()
            } else {
                body.members.join("\n")
            };
            blocks.push(Block::Fields(vec![
                Field::new("Nombre", or_np(Some(&body.name))),
                Field::new("Integrantes", members),
                Field::new("Cuándo valora el plan", or_np(body.schedule.as_deref())),
            ]));
        }
        None => blocks.push(Block::Note(
            "Todavía no se ha registrado el órgano de monitoreo.".to_owned(),
        )),
    }
}

/// A report's percent cell: the percent reported (or "—"), and the previous
/// round's when it had one.
fn percent_cell(now: Option<&ItemReport>, before: Option<&ItemReport>) -> String {
    let now = now
        .and_then(|r| r.percent)
        .map_or_else(|| NONE.to_owned(), |p| format!("{p} %"));
    match before.and_then(|r| r.percent) {
        Some(p) => format!("{now}\nantes: {p} %"),
        None => now,
    }
}

/// Lines of text, or "—" when there are none.
fn lines_or_none(lines: &[String]) -> String {
    if lines.is_empty() {
        NONE.to_owned()
    } else {
        lines.join("\n")
    }
}

/// An optional text, or "—".
fn text_or_none(text: Option<&str>) -> String {
    match text.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => NONE.to_owned(),
    }
}

/// Commitment `n`'s page: its progress, its key actions' and activities'
/// table, and its end-of-commitment assessment.
fn commitment_blocks(
    plan: &Plan,
    n: usize,
    round: &Round,
    previous: Option<&Round>,
    blocks: &mut Vec<Block>,
) {
    let c = &plan.commitments[n];
    // The first follows its section's heading.
    if n > 0 {
        blocks.push(Block::PageBreak);
    }
    blocks.push(Block::Heading {
        level: 2,
        text: super::ficha::ficha_heading(n + 1, c),
    });
    let of = |r: &Round| {
        plan.round_progress(r)
            .commitments
            .iter()
            .find(|x| x.commitment == c.id)
            .map_or(0, |x| x.hundredths)
    };
    let mut fields = vec![Field::new(
        format!("Avance ponderado al {}", format_date(round.cutoff)),
        percent(of(round)),
    )];
    if let Some(p) = previous {
        fields.push(Field::new(
            format!(
                "Avance ponderado al {} (informe anterior)",
                format_date(p.cutoff)
            ),
            percent(of(p)),
        ));
    }
    blocks.push(Block::Fields(fields));

    let items: Vec<Item> = plan
        .progress_items()
        .into_iter()
        .filter(|i| i.commitment == c.id)
        .collect();
    if items.is_empty() {
        blocks.push(Block::Note(
            "Este compromiso todavía no tiene acciones clave.".to_owned(),
        ));
    } else {
        let gender = items.iter().filter_map(|i| round.report(*i)).any(|r| {
            r.gender_note
                .as_deref()
                .is_some_and(|g| !g.trim().is_empty())
        });
        let mut cols = columns([
            "Acción clave o actividad",
            "Estado",
            "Avance",
            "Evidencia",
            "Dificultades",
            "Siguientes pasos",
        ]);
        if gender {
            cols.push("Género e inclusión".to_owned());
        }
        let rows = items
            .iter()
            .filter_map(|i| {
                let (_, name) = item_name(plan, *i)?;
                let name = match (
                    i.activity,
                    c.key_action(i.key_action).and_then(|k| k.weight),
                ) {
                    (None, Some(w)) => format!("{name}\nPonderación: {w} %"),
                    _ => name,
                };
                let report = round.report(*i);
                let status = match report {
                    None => "Sin informe".to_owned(),
                    Some(r) => r.status.label().to_owned(),
                };
                let mut row = vec![
                    name,
                    status,
                    percent_cell(report, previous.and_then(|p| p.report(*i))),
                    lines_or_none(report.map_or(&[][..], |r| &r.evidence)),
                    text_or_none(report.and_then(|r| r.difficulties.as_deref())),
                    text_or_none(report.and_then(|r| r.next_steps.as_deref())),
                ];
                if gender {
                    row.push(text_or_none(report.and_then(|r| r.gender_note.as_deref())));
                }
                Some(row)
            })
            .collect();
        blocks.push(table(
            format!(
                "Acciones clave y actividades al {}",
                format_date(round.cutoff)
            ),
            cols,
            rows,
        ));
    }

    if let Some(a) = plan.end_assessment(c.id) {
        blocks.push(super::blocks::sub("Valoración al final del compromiso"));
        let mut fields = vec![Field::new("Nivel de cumplimiento", a.completion.label())];
        fields.extend(a.results.iter().map(|v| {
            Field::new(
                format!("¿Abrió el gobierno? {}", v.value.label()),
                v.result.label(),
            )
        }));
        fields.push(Field::new(
            "Evidencia",
            if a.evidence.is_empty() {
                not_provided()
            } else {
                a.evidence.join("\n")
            },
        ));
        fields.push(Field::new("Explicación", or_np(a.explanation.as_deref())));
        blocks.push(Block::Fields(fields));
    }
}

/// The report of round `round`, or `None` when the plan has no such round.
pub fn progress_document(
    plan: &Plan,
    round: ItemId,
    generated_at: OffsetDateTime,
) -> Option<Document> {
    let round = plan.implementation.round(round)?;
    let previous = plan.implementation.previous_round(round.id);
    let profile = plan.profile.as_ref();
    let title = format!(
        "{PROGRESS_TITLE}: {} · {}",
        round_name(round),
        plan.display_name()
    );
    let title_block = TitleBlock {
        kicker: TOOL_NAME.to_owned(),
        title: plan.display_name().to_owned(),
        lines: vec![
            Field::new(
                makers_label(profile),
                profile.map_or_else(not_provided, entity_line),
            ),
            Field::new("Informe", round_name(round)),
            Field::new("Fecha de corte", format_date(round.cutoff)),
            Field::new("Quién informa", or_np(round.reporter.as_deref())),
            Field::new(
                "Periodo del plan",
                profile.map_or_else(not_provided, |p| super::blocks::period_text(&p.period)),
            ),
            Field::new("Fecha de generación", format_date_time(generated_at)),
        ],
        status: PROGRESS_TITLE.to_owned(),
    };
    let mut blocks = vec![Block::Contents {
        title: super::plan_document::CONTENTS_TITLE.to_owned(),
        max_level: 2,
    }];
    let heading = |n: usize, text: &str| Block::Heading {
        level: 1,
        text: format!("{n}. {text}"),
    };
    blocks.push(heading(1, "Resumen"));
    summary_blocks(plan, round, false, &mut blocks);
    blocks.push(heading(2, "Avance a lo largo del tiempo"));
    over_time_blocks(plan, round, &mut blocks);
    blocks.push(heading(3, "Requiere atención"));
    blocks.push(attention_block(plan, round));
    blocks.push(heading(4, "Órgano de monitoreo"));
    monitoring_body_blocks(plan, &mut blocks);
    // The commitments' pages start on a page of their own.
    blocks.push(Block::PageBreak);
    blocks.push(heading(5, "Avance por compromiso"));
    if plan.commitments.is_empty() {
        blocks.push(Block::Note(super::blocks::NO_COMMITMENTS.to_owned()));
    }
    for n in 0..plan.commitments.len() {
        commitment_blocks(plan, n, round, previous, &mut blocks);
    }
    Some(Document {
        meta: app_meta(
            title,
            profile.map(entity_name).unwrap_or_default(),
            "Informe de avance del plan de acción local de gobierno abierto".to_owned(),
            generated_at,
            PROGRESS_TITLE,
        ),
        title_block,
        blocks,
    })
}

/// The plan's section "Informes de avance" (after its numbered heading): the
/// latest round's summary, its commitments' progress and what needs
/// attention, then the rest of the implementation's record as "Revise su
/// plan" shows it (`answers`: the plan's summary): the plan's length, the
/// monitoring body, the end-of-commitment assessments and the amendments.
/// The section is shown once anything of the implementation is recorded.
pub fn plan_section(plan: &Plan, answers: &[SummarySection], blocks: &mut Vec<Block>) {
    let rounds = plan.implementation.rounds_in_order();
    match rounds.last() {
        Some(latest) => {
            let count = match rounds.len() {
                1 => "Avance según el único informe registrado".to_owned(),
                n => format!("Avance según el más reciente de los {n} informes registrados"),
            };
            blocks.push(Block::Paragraph(format!(
                "{count}. Cada informe completo, con la evidencia de cada acción clave y actividad, se descarga en «Informes de avance»."
            )));
            summary_blocks(plan, latest, true, blocks);
            blocks.push(super::blocks::sub("Requiere atención"));
            blocks.push(attention_block(plan, latest));
        }
        None => blocks.push(Block::Note(
            "Todavía no se ha registrado ningún informe de avance.".to_owned(),
        )),
    }
    let Some(record) = answers.iter().find(|s| s.step == Step::Progress) else {
        return;
    };
    for group in &record.groups {
        // The rounds are the part above; a list without entries says nothing here.
        if group.rows.is_empty() || group.title.as_deref() == Some(ROUNDS_GROUP) {
            continue;
        }
        blocks.push(super::blocks::sub(
            group
                .title
                .clone()
                .unwrap_or_else(|| "Registro del seguimiento".to_owned()),
        ));
        blocks.push(Block::Fields(
            group
                .rows
                .iter()
                .map(|r| Field::new(r.key.clone(), r.value.clone().unwrap_or_else(not_provided)))
                .collect(),
        ));
    }
}
