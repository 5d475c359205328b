//! The readiness self-assessment as export blocks: its own short report
//! ("Descargar informe (PDF)") and a section of the plan's PDF.

use time::OffsetDateTime;

use super::blocks::{app_meta, format_date_time, TOOL_NAME};
use super::document::{Bar, Block, Document, Field, Rgb, TitleBlock};
use crate::domain::readiness::{score, Answer, Assessment, GATE, LEVEL_NAMES, THEMES};
use crate::domain::{format_date, Plan};
use crate::labels::{entity_name, makers_label};

/// The five theme colours of the chart (the app's chart uses the same), each
/// at least 4.5:1 against white.
pub const THEME_COLORS: [u32; 5] = [0x1d4f91, 0x9d2449, 0x00703c, 0x6f3c8f, 0x8a4b08];

/// Title of the report and of the plan's section.
pub const READINESS_TITLE: &str = "Diagnóstico de condiciones de apertura";

/// The blocks that show one assessment (and its change since `previous`).
/// `heading` is the section heading; sub-headings are level 2.
pub fn readiness_blocks(
    assessment: &Assessment,
    previous: Option<&Assessment>,
    heading: &str,
) -> Vec<Block> {
    readiness_blocks_at(assessment, previous, heading, 2)
}

/// [`readiness_blocks`] with sub-headings at `sub_level` (the plan's document
/// keeps level 2 for its commitments).
pub fn readiness_blocks_at(
    assessment: &Assessment,
    previous: Option<&Assessment>,
    heading: &str,
    sub_level: u8,
) -> Vec<Block> {
    let outcome = score(assessment);
    let before = previous.map(score);
    let mut summary = vec![
        Field::new("Fecha de la evaluación", format_date(assessment.date)),
        Field::new("Puntaje general", format!("{} de 100", outcome.overall)),
        Field::new("Nivel", outcome.level.name()),
    ];
    if let (Some(b), Some(p)) = (&before, previous) {
        let d = i16::from(outcome.overall) - i16::from(b.overall);
        summary.push(Field::new(
            "Cambio",
            format!(
                "{d:+} puntos desde la evaluación del {} ({} de 100)",
                format_date(p.date),
                b.overall
            ),
        ));
    }
    summary.push(Field::new(
        "Elegibilidad para OGP Local",
        if outcome.eligible() {
            "Cumple los cuatro criterios".to_owned()
        } else {
            format!("No cumple {} de los 4 criterios", outcome.gate_unmet.len())
        },
    ));
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: heading.to_owned(),
        },
        Block::Fields(summary),
        Block::BarChart {
            caption: "Puntaje por tema (de 0 a 100)".to_owned(),
            max: 100.0,
            bars: outcome
                .themes
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    Bar::new(
                        format!("{}. {}", t.theme.number, t.theme.title),
                        f32::from(t.score),
                        format!("{} / 100 · {}", t.score, t.level.name()),
                        Rgb::hex(THEME_COLORS[i % THEME_COLORS.len()]),
                    )
                })
                .collect(),
        },
        Block::Table {
            caption: "Puntaje por tema".to_owned(),
            columns: ["Tema", "Puntaje", "Nivel", "«No sé»"]
                .map(str::to_owned)
                .to_vec(),
            rows: outcome
                .themes
                .iter()
                .map(|t| {
                    vec![
                        format!("{}. {}", t.theme.number, t.theme.title),
                        t.score.to_string(),
                        t.level.name().to_owned(),
                        t.dont_know.to_string(),
                    ]
                })
                .collect(),
        },
        Block::Heading {
            level: sub_level,
            text: "Qué hacer primero".to_owned(),
        },
    ];
    if outcome.route.is_empty() {
        blocks.push(Block::Note(
            "Las respuestas no muestran pasos urgentes.".to_owned(),
        ));
    } else {
        blocks.push(Block::Table {
            caption: "Ruta recomendada".to_owned(),
            columns: ["Núm.", "Paso", "Por qué"].map(str::to_owned).to_vec(),
            rows: outcome
                .route
                .iter()
                .enumerate()
                .map(|(i, s)| vec![(i + 1).to_string(), s.action.to_owned(), s.reason.clone()])
                .collect(),
        });
    }
    blocks.push(Block::Heading {
        level: sub_level,
        text: "Respuestas por pregunta".to_owned(),
    });
    // The heading says what the table holds.
    blocks.push(Block::Table {
        caption: String::new(),
        columns: ["Pregunta", "Respuesta", "Evidencia"]
            .map(str::to_owned)
            .to_vec(),
        rows: THEMES
            .iter()
            .flat_map(|t| t.questions.iter())
            .map(|q| {
                let answer = match assessment.answers.get(q.id) {
                    Some(Answer::Level(l)) => LEVEL_NAMES[usize::from((*l).min(3))].to_owned(),
                    Some(Answer::DontKnow) => "No sé".to_owned(),
                    None => "Sin respuesta".to_owned(),
                };
                let evidence = assessment
                    .evidence
                    .get(q.id)
                    .cloned()
                    .unwrap_or_else(|| "—".to_owned());
                vec![q.text.to_owned(), answer, evidence]
            })
            .chain(GATE.iter().map(|c| {
                let answer = match assessment.gate.get(c.id) {
                    Some(true) => "Sí",
                    Some(false) => "No",
                    None => "Sin respuesta",
                };
                vec![c.text.to_owned(), answer.to_owned(), "—".to_owned()]
            }))
            .collect(),
    });
    blocks
}

/// The short report of the plan's latest assessment, or `None` if there is none.
pub fn readiness_document(plan: &Plan, generated_at: OffsetDateTime) -> Option<Document> {
    let latest = plan.readiness.last()?;
    let previous = plan
        .readiness
        .len()
        .checked_sub(2)
        .and_then(|i| plan.readiness.get(i));
    let who = plan.profile.as_ref().map(entity_name);
    let title = format!(
        "{READINESS_TITLE}: {}",
        who.clone().unwrap_or_else(|| "resultado".to_owned())
    );
    Some(Document {
        meta: app_meta(
            title,
            who.clone().unwrap_or_default(),
            READINESS_TITLE.to_owned(),
            generated_at,
            "Informe",
        ),
        title_block: TitleBlock {
            kicker: TOOL_NAME.to_owned(),
            title: READINESS_TITLE.to_owned(),
            lines: vec![
                Field::new(
                    makers_label(plan.profile.as_ref()),
                    who.unwrap_or_else(|| "No proporcionado".to_owned()),
                ),
                Field::new("Fecha de la evaluación", format_date(latest.date)),
                Field::new("Fecha de generación", format_date_time(generated_at)),
            ],
            status: "Autoevaluación".to_owned(),
        },
        blocks: readiness_blocks(latest, previous, "Resultado"),
    })
}
