//! Builds the export [`Document`] from a [`Plan`]: the words, order and Spanish
//! labels of the exported plan, and the plan's file names.
//!
//! The document opens with a cover (title block and contents) and follows the
//! methodology's order, one numbered section per step; each commitment is laid
//! out like the national ficha de compromiso (see [`super::ficha`]). Answers come
//! from [`super::summary`] where it already words them, so the review page and the
//! PDF always agree; anything skipped reads [`NOT_PROVIDED`].

use time::OffsetDateTime;

use super::document::{Block, Document, Field, Meta, TitleBlock};
use super::metrics::latin_base;
use super::plan_sections as sections;
use crate::domain::final_mark::DocumentStatus;
use crate::domain::JurisdictionKind;
use crate::domain::{format_date, Period, Plan, Profile};
use crate::messages::jurisdiction_kind;

/// The tool's name, as people see it.
pub const TOOL_NAME: &str = "Plan de acción local de gobierno abierto";

/// Shown for anything the person has not entered yet (house style).
pub const NOT_PROVIDED: &str = "No proporcionado";

/// Status badge of every export until the plan is marked final.
pub const DRAFT_STATUS: &str = "Borrador";

/// Status badge of a plan marked final and unchanged since.
pub const FINAL_STATUS: &str = "Versión final";

/// The status badge and the cover's status line of `plan`.
pub fn status_texts(plan: &Plan) -> (&'static str, String) {
    match plan.document_status() {
        DocumentStatus::Final(on) => (
            FINAL_STATUS,
            format!("{FINAL_STATUS} (marcada el {})", format_date(on)),
        ),
        DocumentStatus::Draft | DocumentStatus::ChangedSinceFinal(_) => (
            DRAFT_STATUS,
            format!("{DRAFT_STATUS} (no es la versión final)"),
        ),
    }
}

/// Shown under "Compromisos" while the plan has none.
pub const NO_COMMITMENTS: &str = "Todavía no se han registrado compromisos.";

/// Title of the table of contents.
pub const CONTENTS_TITLE: &str = "Contenido";

/// Longest file stem [`file_stem`] returns, in bytes (all ASCII).
pub const MAX_FILE_STEM: usize = 80;

/// File stem used when the plan's name gives nothing usable.
pub const FALLBACK_FILE_STEM: &str = "plan-de-accion-local";

/// The section headings of the plan, in order (each is numbered "n. ").
pub const SECTIONS: [&str; 12] = [
    "Perfil de la jurisdicción",
    "Diagnóstico de condiciones de apertura",
    "Compromiso político",
    "Espacio de coordinación",
    "Hoja de ruta de cocreación",
    "Problemas públicos",
    "Compromisos",
    "Alineación con el plan nacional y la Agenda 2030",
    "Plan de seguimiento",
    "Cronograma",
    "Respuesta razonada",
    "Fuentes de datos",
];

/// The export document of `plan`, generated at `generated_at` (local time).
pub fn plan_document(plan: &Plan, generated_at: OffsetDateTime) -> Document {
    let profile = plan.profile.as_ref();
    let entity = profile.map(entity_line);
    let author = profile.map(entity_name).unwrap_or_default();
    let generated = format_date_time(generated_at);
    let (status, status_line) = status_texts(plan);

    let title_block = TitleBlock {
        kicker: TOOL_NAME.to_owned(),
        title: plan.display_name().to_owned(),
        lines: vec![
            Field::new("Jurisdicción", entity.unwrap_or_else(not_provided)),
            Field::new(
                "Periodo",
                profile.map_or_else(not_provided, |p| period_text(&p.period)),
            ),
            Field::new("Fecha de generación", generated),
            Field::new("Estado del documento", status_line),
            Field::new("Versión de la herramienta", crate::APP_VERSION),
        ],
        status: status.to_owned(),
    };

    let today = generated_at.date();
    let answers = super::summary::summary(plan, today);
    let mut blocks = vec![
        Block::Contents {
            title: CONTENTS_TITLE.to_owned(),
            max_level: 2,
        },
        Block::PageBreak,
    ];
    let heading = |n: usize| Block::Heading {
        level: 1,
        text: format!("{}. {}", n + 1, SECTIONS[n]),
    };
    for (n, _) in SECTIONS.iter().enumerate() {
        blocks.push(heading(n));
        match n {
            0 => sections::profile(plan, &answers, &mut blocks),
            1 => sections::readiness(plan, &mut blocks),
            2 => sections::political(&answers, &mut blocks),
            3 => sections::coordination(plan, &answers, &mut blocks),
            4 => sections::roadmap(plan, &answers, &mut blocks),
            5 => sections::problems(&answers, &mut blocks),
            6 => sections::commitments(plan, &mut blocks),
            7 => sections::alignment(plan, &mut blocks),
            8 => sections::monitoring(plan, &answers, &mut blocks),
            9 => sections::timeline(plan, today, &mut blocks),
            10 => sections::responses(plan, &mut blocks),
            _ => sections::sources(&mut blocks),
        }
    }

    Document {
        meta: app_meta(
            plan.display_name().to_owned(),
            author,
            format!("{status} del plan de acción local de gobierno abierto"),
            generated_at,
            status,
        ),
        title_block,
        blocks,
    }
}

/// Metadata of a document this app exports (es-MX, this version as creator);
/// the footer note starts with `what` ("Borrador", "Versión final", "Informe").
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
            "{what}. Generado con la herramienta {TOOL_NAME}, versión {}",
            crate::APP_VERSION
        ),
    }
}

/// [`NOT_PROVIDED`] as an owned string.
pub(crate) fn not_provided() -> String {
    NOT_PROVIDED.to_owned()
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
pub fn period_text(period: &Period) -> String {
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
