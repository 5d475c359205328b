//! The report rounds' words ([`crate::domain::progress`],
//! [`crate::domain::report_input`]): what each field of the rounds' pages is
//! called and what its errors say, how items are named, why an item needs
//! attention, percents, and the summaries of progress over time (the chart's
//! description and the task list's line).

use crate::domain::progress::{Attention, Item, Round, RoundProgress};
use crate::domain::report_input::{ItemPlace, ProgressField, ReportPart};
use crate::domain::{format_date, Plan, Problem};
use crate::labels::{name_or_unnamed, thousands};

/// "acción clave 2" or "actividad 2.3".
pub fn item_noun(place: ItemPlace) -> String {
    match place.activity_number {
        None => format!("acción clave {}", place.key_number),
        Some(a) => format!("actividad {}.{a}", place.key_number),
    }
}

/// "Acción clave 2" or "Actividad 2.3".
pub fn item_title(place: ItemPlace) -> String {
    crate::labels::capitalized(&item_noun(place))
}

/// An item's answer as the subject of a sentence ("El avance de la actividad 1.2").
fn part_subject(place: ItemPlace, part: ReportPart) -> String {
    let what = match part {
        ReportPart::Status => "El estado",
        ReportPart::Percent => "El avance",
        ReportPart::Evidence => "La evidencia",
        ReportPart::Difficulties => "Las dificultades",
        ReportPart::NextSteps => "Los siguientes pasos",
        ReportPart::GenderNote => "La nota sobre género e inclusión",
    };
    format!("{what} de la {}", item_noun(place))
}

fn subject(field: ProgressField) -> String {
    match field {
        ProgressField::RoundName => "El nombre del informe".to_owned(),
        ProgressField::Cutoff => "La fecha de corte".to_owned(),
        ProgressField::Reporter => "Quién informa".to_owned(),
        ProgressField::Item(place, part) => part_subject(place, part),
    }
}

/// The sentence shown in the error summary and next to a field of the
/// rounds' pages.
pub fn field_error(field: ProgressField, problem: &Problem) -> String {
    use ProgressField as F;
    match (problem, field) {
        (Problem::Missing, F::RoundName) => "Escriba el nombre del informe".into(),
        (Problem::Missing, F::Cutoff) => "Escriba la fecha de corte del informe".into(),
        (Problem::NotADate, F::Cutoff) => {
            "La fecha de corte debe ser un día, escrito como día/mes/año, por ejemplo 30/06/2026"
                .into()
        }
        (Problem::ImpossibleDate, F::Cutoff) => {
            "La fecha de corte debe ser una fecha que exista, por ejemplo 30/06/2026".into()
        }
        (Problem::NotAWholeNumber, F::Item(place, ReportPart::Percent)) => format!(
            "{} debe ser un número entero de 0 a 100, por ejemplo 35 o 35 %",
            part_subject(place, ReportPart::Percent)
        ),
        (Problem::OutOfRange { .. }, F::Item(place, ReportPart::Percent)) => format!(
            "{} debe ser un número de 0 a 100; 100 quiere decir que está terminada",
            part_subject(place, ReportPart::Percent)
        ),
        (Problem::UnknownChoice, F::Item(place, ReportPart::Status)) => {
            format!("Elija el estado de la {} de la lista", item_noun(place))
        }
        (Problem::TooLong { max }, f) => format!(
            "{} {} tener {} caracteres o menos",
            subject(f),
            if plural(f) { "deben" } else { "debe" },
            thousands(*max)
        ),
        (_, f) => format!("Revise {}", lower_first(&subject(f))),
    }
}

/// Whether the field's name is plural ("Las dificultades … deben").
fn plural(field: ProgressField) -> bool {
    matches!(
        field,
        ProgressField::Item(_, ReportPart::Difficulties | ReportPart::NextSteps)
    )
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Why an item needs attention, as a sentence part.
pub fn attention(why: Attention) -> &'static str {
    match why {
        Attention::NoProgress => "no avanzó desde el informe anterior",
        Attention::Overdue => "pasó su fecha de término y no está completa",
        Attention::NoEvidence => "tiene avance pero no tiene evidencia",
    }
}

/// The reasons in one sentence: "No avanzó desde el informe anterior y no
/// tiene evidencia."
pub fn attention_reasons(why: &[Attention]) -> String {
    let parts: Vec<String> = why.iter().map(|w| attention(*w).to_owned()).collect();
    format!(
        "{}.",
        crate::labels::capitalized(&crate::labels::spanish_list(&parts))
    )
}

/// "Compromiso 1 · Acción clave 2: Estudio de las condiciones…" or
/// "Compromiso 1 · Actividad 2.3: …": an item of the plan, named.
pub fn item_name(plan: &Plan, item: Item) -> String {
    let Some(c) = plan.commitment(item.commitment) else {
        return String::new();
    };
    let number = plan.commitment_number(c.id).unwrap_or(0);
    let place = crate::domain::report_input::places(c)
        .into_iter()
        .find(|p| p.key_action == item.key_action && p.activity == item.activity);
    let Some(place) = place else {
        return format!("Compromiso {number}");
    };
    let k = c.key_action(item.key_action);
    let name = match item.activity {
        None => k.map(|k| k.name.as_str()),
        Some(a) => k.and_then(|k| k.activity(a)).map(|a| a.name.as_str()),
    }
    .unwrap_or_default();
    format!(
        "Compromiso {number} · {}: {}",
        item_title(place),
        name_or_unnamed(name)
    )
}

/// Hundredths of a percent with one decimal, rounded: 6950 → "69.5 %",
/// 4500 → "45.0 %" (Mexico writes a decimal point).
pub fn percent(hundredths: u32) -> String {
    let tenths = (hundredths + 5) / 10;
    format!("{}.{} %", tenths / 10, tenths % 10)
}

/// "1 informe" / "3 informes".
pub fn rounds_count(n: usize) -> String {
    if n == 1 {
        "1 informe".to_owned()
    } else {
        format!("{} informes", thousands(n))
    }
}

/// The task list's line: "2 informes; último: 31/12/2026, avance del plan
/// 69.5 %". `None` before the first round.
pub fn rounds_line(plan: &Plan) -> Option<String> {
    let over_time = plan.progress_over_time();
    let last = over_time.last()?;
    Some(format!(
        "{}; último: {}, avance del plan {}",
        rounds_count(over_time.len()),
        format_date(last.cutoff),
        percent(last.plan)
    ))
}

/// A round's name, or "Informe al 30/06/2026" when it has none.
pub fn round_name(plan: &Plan, p: &RoundProgress) -> String {
    plan.implementation
        .round(p.round)
        .map(|r| r.name.trim())
        .filter(|n| !n.is_empty())
        .map_or_else(
            || format!("Informe al {}", format_date(p.cutoff)),
            str::to_owned,
        )
}

/// What the chart of progress over time shows, in words (its `aria-label`):
/// the plan's progress at each round, and each commitment's at the latest.
pub fn chart_summary(plan: &Plan, over_time: &[RoundProgress]) -> String {
    let Some(last) = over_time.last() else {
        return "Todavía no hay informes de avance.".to_owned();
    };
    let plan_points: Vec<String> = over_time
        .iter()
        .map(|p| format!("{} al {}", percent(p.plan), format_date(p.cutoff)))
        .collect();
    let commitments: Vec<String> = last
        .commitments
        .iter()
        .map(|c| {
            format!(
                "compromiso {}, {}",
                plan.commitment_number(c.commitment).unwrap_or(0),
                percent(c.hundredths)
            )
        })
        .collect();
    format!(
        "Avance ponderado por informe, de 0 a 100 %. Plan: {}. En el último informe: {}. Los mismos datos están en la tabla.",
        plan_points.join("; "),
        commitments.join("; ")
    )
}

/// A round's name as a sentence names it: "«Segundo informe semestral» (al
/// 31/12/2026)", or "el informe al 31/12/2026" when it has none.
fn round_in_text(round: &Round) -> String {
    let name = round.name.trim();
    if name.is_empty() {
        format!("el informe al {}", format_date(round.cutoff))
    } else {
        format!("«{name}» (al {})", format_date(round.cutoff))
    }
}

/// Above the monitoring plan's progress, once there are report rounds: where
/// the figures come from and where they change.
pub fn current_progress_note(round: &Round) -> String {
    format!(
        "El avance es el que registró el informe de avance más reciente, {}. Se actualiza en «Informes de avance».",
        round_in_text(round)
    )
}

/// A key action's current progress as a value ("70 %", or "Sin registrar"),
/// with its source once there are rounds ("70 % (según «Segundo informe
/// semestral» (al 31/12/2026))").
pub fn current_progress_value(progress: Option<u8>, round: Option<&Round>) -> String {
    let value = progress.map_or_else(|| "Sin registrar".to_owned(), |p| format!("{p} %"));
    match round {
        Some(r) => format!("{value} (según {})", round_in_text(r)),
        None => value,
    }
}

/// The hint of a key action's own progress field once there are report rounds.
pub fn key_action_progress_hint(progress: Option<u8>, round: &Round) -> String {
    let value = progress.map_or_else(|| "sin registrar".to_owned(), |p| format!("{p} %"));
    format!(
        "Número entero de 0 a 100. Ya hay informes de avance: el avance que cuenta es el del más reciente, {} ({value}); este dato solo se usa antes del primer informe.",
        round_in_text(round)
    )
}

/// A round as people name it: its name, or "Informe al 30/06/2026" when it has none.
pub fn round_called(round: &Round) -> String {
    let name = round.name.trim();
    if name.is_empty() {
        format!("Informe al {}", format_date(round.cutoff))
    } else {
        name.to_owned()
    }
}

/// A round with its cut-off date: "Primer informe semestral (30/06/2026)".
pub fn round_label(round: &Round) -> String {
    if round.name.trim().is_empty() {
        round_called(round)
    } else {
        format!("{} ({})", round_called(round), format_date(round.cutoff))
    }
}
