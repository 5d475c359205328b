//! Builds the export [`Document`] from a [`Plan`]: the words, order and Spanish
//! labels of the exported plan, and the plan's file names.
//!
//! The format follows the national ficha de compromiso as the plan model grows;
//! for now it holds the jurisdiction's profile and the commitments.

use time::OffsetDateTime;

use super::document::{Block, Document, Field, Meta, TitleBlock};
use super::metrics::latin_base;
use crate::catalog;
use crate::domain::{format_date, Period, Plan, Profile};
use crate::domain::{JurisdictionKind, Relation};
use crate::messages;
use crate::messages::jurisdiction_kind;

/// The tool's name, as people see it.
pub const TOOL_NAME: &str = "Plan de acción local de gobierno abierto";

/// Shown for anything the person has not entered yet (house style).
pub const NOT_PROVIDED: &str = "No proporcionado";

/// Status badge of every export until the plan can be finalised.
pub const DRAFT_STATUS: &str = "Borrador";

/// Shown under "2. Compromisos" while the plan has none.
pub const NO_COMMITMENTS: &str = "Todavía no se han registrado compromisos.";

/// Longest file stem [`file_stem`] returns, in bytes (all ASCII).
pub const MAX_FILE_STEM: usize = 80;

/// File stem used when the plan's name gives nothing usable.
pub const FALLBACK_FILE_STEM: &str = "plan-de-accion-local";

/// The export document of `plan`, generated at `generated_at` (local time).
pub fn plan_document(plan: &Plan, generated_at: OffsetDateTime) -> Document {
    let profile = plan.profile.as_ref();
    let entity = profile.map(entity_line);
    let author = profile.map(entity_name).unwrap_or_default();
    let generated = format_date_time(generated_at);

    let title_block = TitleBlock {
        kicker: TOOL_NAME.to_owned(),
        title: plan.display_name().to_owned(),
        lines: vec![
            Field::new("Jurisdicción", entity.unwrap_or_else(not_provided)),
            Field::new(
                "Periodo",
                profile.map_or_else(not_provided, |p| period_text(p.period)),
            ),
            Field::new("Fecha de generación", generated),
        ],
        status: DRAFT_STATUS.to_owned(),
    };

    let mut fields = profile_fields(profile);
    fields.push(Field::new(
        "Plan nacional de referencia",
        plan.national_plan.name.clone(),
    ));
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: "1. Perfil de la jurisdicción".to_owned(),
        },
        Block::Fields(fields),
        Block::Heading {
            level: 1,
            text: "2. Compromisos".to_owned(),
        },
    ];
    if plan.commitments.is_empty() {
        blocks.push(Block::Note(NO_COMMITMENTS.to_owned()));
    } else {
        blocks.push(Block::Table {
            caption: "Compromisos del plan".to_owned(),
            columns: ["Núm.", "Compromiso", "Inicio", "Término"]
                .map(str::to_owned)
                .to_vec(),
            rows: plan
                .commitments
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    vec![
                        (i + 1).to_string(),
                        c.name.clone(),
                        format_date(c.period.start()),
                        format_date(c.period.end()),
                    ]
                })
                .collect(),
        });
        for (i, c) in plan.commitments.iter().enumerate() {
            blocks.push(Block::Heading {
                level: 2,
                text: format!("Compromiso {}. {}", i + 1, c.name),
            });
            let national = c.alignment.national.as_ref();
            let targets = &c.alignment.sdg_targets;
            blocks.push(Block::Fields(vec![
                Field::new("Fecha de inicio", format_date(c.period.start())),
                Field::new("Fecha de término", format_date(c.period.end())),
                Field::new(
                    "Relación con el plan nacional",
                    national.map_or_else(not_provided, |n| {
                        messages::relation(n.relation()).to_owned()
                    }),
                ),
                Field::new(
                    "Compromiso nacional",
                    match national {
                        Some(n) if n.relation() == Relation::Nuevo => "No aplica".to_owned(),
                        Some(n) => messages::national_link(plan, n).unwrap_or_else(not_provided),
                        None => not_provided(),
                    },
                ),
                Field::new(
                    "Metas de los ODS",
                    if targets.is_empty() {
                        not_provided()
                    } else {
                        targets.join(", ")
                    },
                ),
            ]));
            if !targets.is_empty() {
                blocks.push(Block::Table {
                    caption: format!("Metas de los ODS del compromiso {}", i + 1),
                    columns: ["Meta", "Descripción"].map(str::to_owned).to_vec(),
                    rows: targets
                        .iter()
                        .filter_map(|code| catalog::sdg_target(code))
                        .map(|t| vec![t.code.to_owned(), t.title_es.to_owned()])
                        .collect(),
                });
            }
        }
    }

    if let Some(latest) = plan.readiness.last() {
        let previous = plan
            .readiness
            .len()
            .checked_sub(2)
            .and_then(|i| plan.readiness.get(i));
        blocks.extend(super::readiness_document::readiness_blocks(
            latest,
            previous,
            &format!("3. {}", super::readiness_document::READINESS_TITLE),
        ));
    }

    Document {
        meta: app_meta(
            plan.display_name().to_owned(),
            author,
            format!("{DRAFT_STATUS} del plan de acción local de gobierno abierto"),
            generated_at,
            DRAFT_STATUS,
        ),
        title_block,
        blocks,
    }
}

/// Metadata of a document this app exports (es-MX, this version as creator);
/// the footer note starts with `what` ("Borrador", "Informe").
pub fn app_meta(
    title: String,
    author: String,
    subject: String,
    generated_at: OffsetDateTime,
    what: &str,
) -> Meta {
    Meta {
        title,
        author,
        subject,
        language: "es-MX".to_owned(),
        generated_at,
        app_version: crate::APP_VERSION.to_owned(),
        creator: format!("{TOOL_NAME} {}", crate::APP_VERSION),
        footer_note: format!(
            "{what} generado con la herramienta {TOOL_NAME}, versión {}",
            crate::APP_VERSION
        ),
    }
}

fn not_provided() -> String {
    NOT_PROVIDED.to_owned()
}

fn profile_fields(profile: Option<&Profile>) -> Vec<Field> {
    let value = |f: &dyn Fn(&Profile) -> String| profile.map_or_else(not_provided, f);
    vec![
        Field::new(
            "Tipo",
            value(&|p| jurisdiction_kind(p.jurisdiction.kind).to_owned()),
        ),
        Field::new("Nombre", value(&|p| p.jurisdiction.name.clone())),
        Field::new(
            "Clave INEGI",
            value(&|p| p.jurisdiction.inegi_code.as_str().to_owned()),
        ),
        Field::new(
            "Estado",
            value(&|p| {
                let code = p.jurisdiction.inegi_code.as_str();
                catalog::state(code.get(..2).unwrap_or(""))
                    .map_or_else(not_provided, |s| s.name.to_owned())
            }),
        ),
        Field::new("Nombre del plan", value(&|p| p.plan_name.clone())),
        Field::new("Periodo", value(&|p| period_text(p.period))),
    ]
}

/// "Municipio de Querétaro", "Estado de México", "Alcaldía Cuauhtémoc" (alcaldías
/// are named without "de"). A name typed with its kind already ("Estado de
/// México") is kept as typed.
pub fn entity_name(profile: &Profile) -> String {
    let kind = profile.jurisdiction.kind;
    let label = jurisdiction_kind(kind);
    let name = profile.jurisdiction.name.trim();
    let typed_with_kind = name
        .to_lowercase()
        .starts_with(&format!("{} ", label.to_lowercase()));
    if typed_with_kind {
        name.to_owned()
    } else if kind == JurisdictionKind::Alcaldia {
        format!("{label} {name}")
    } else {
        format!("{label} de {name}")
    }
}

/// "Municipio de Querétaro (clave INEGI 22014)".
fn entity_line(profile: &Profile) -> String {
    format!(
        "{} (clave INEGI {})",
        entity_name(profile),
        profile.jurisdiction.inegi_code.as_str()
    )
}

/// "10/12/2019 al 31/08/2021".
pub fn period_text(period: Period) -> String {
    format!(
        "{} al {}",
        format_date(period.start()),
        format_date(period.end())
    )
}

/// "24/11/2026, 10:42" (24-hour clock, the time as given).
pub fn format_date_time(at: OffsetDateTime) -> String {
    format!(
        "{}, {:02}:{:02}",
        format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// A safe, readable file name stem from the plan's name: accents stripped to
/// ASCII, lowercase, words joined by hyphens, at most [`MAX_FILE_STEM`] bytes and
/// cut at a word boundary when possible. "Plan de Acción Local 2025-2027" →
/// "plan-de-accion-local-2025-2027". Falls back to [`FALLBACK_FILE_STEM`].
pub fn file_stem(plan: &Plan) -> String {
    let name = plan.profile.as_ref().map_or("", |p| p.plan_name.as_str());
    let mut stem = String::new();
    let mut pending_hyphen = false;
    for c in name.chars() {
        let ascii: &str = match c {
            'Æ' => "AE",
            'æ' => "ae",
            'Œ' => "OE",
            'œ' => "oe",
            'ß' => "ss",
            'Þ' => "TH",
            'þ' => "th",
            _ => "",
        };
        let mut piece = String::new();
        if !ascii.is_empty() {
            piece.push_str(ascii);
        } else if c.is_ascii_alphanumeric() {
            piece.push(c);
        } else if let Some(base) = latin_base(c) {
            piece.push(base);
        }
        if piece.is_empty() {
            // Anything else separates words (spaces, punctuation, other scripts).
            pending_hyphen = !stem.is_empty();
            continue;
        }
        if pending_hyphen {
            stem.push('-');
            pending_hyphen = false;
        }
        stem.push_str(&piece.to_ascii_lowercase());
    }
    if stem.len() > MAX_FILE_STEM {
        let cut = &stem[..MAX_FILE_STEM];
        // Prefer ending at a whole word, unless that leaves too little.
        let end = match cut.rfind('-') {
            Some(i) if i >= MAX_FILE_STEM / 2 => i,
            _ => MAX_FILE_STEM,
        };
        stem.truncate(end);
        while stem.ends_with('-') {
            stem.pop();
        }
    }
    if stem.is_empty() {
        FALLBACK_FILE_STEM.to_owned()
    } else {
        stem
    }
}
