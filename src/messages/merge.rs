//! The words of "Combinar con otro borrador" (`ui/pages/cocreation/merge.rs`):
//! what each difference is called, the three choices, the counts, the name
//! of the combined draft and what the merge left to fix.

use crate::domain::merge::{Choice, Counts, Difference, ItemKey, Kind, ListKind, Part};
use crate::domain::Plan;

/// A text cut to `max` characters, with "…" when cut.
fn short(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// What a single part is called.
pub fn part_name(part: Part) -> &'static str {
    match part {
        Part::Profile => "Datos de la jurisdicción y del plan",
        Part::Office => "Oficina coordinadora y contacto",
        Part::Framework => "Marco del plan",
        Part::NationalPlan => "Plan nacional con el que se alinea",
        Part::Readiness => "Diagnóstico de condiciones de apertura",
        Part::Political => "Compromiso político",
        Part::CoordinationBody => "Espacio de coordinación",
        Part::Roadmap => "Ruta de cocreación",
        Part::Monitoring => "Seguimiento",
        Part::Ogp => "Registro en la Alianza para el Gobierno Abierto",
        Part::KeptFindings => "Recomendaciones de la revisión de calidad que se conservan",
        Part::Implementation => "Informes de avance y lo que siguió a la aprobación",
    }
}

/// The item's title as the person knows it, in `plan` (the side that has it).
pub fn item_title(plan: &Plan, key: ItemKey) -> String {
    match key {
        ItemKey::Part(p) => part_name(p).to_owned(),
        ItemKey::Commitment(id) => match (plan.commitment_number(id), plan.commitment(id)) {
            (Some(n), Some(c)) => format!("Compromiso {n}: {}", short(&c.name, 120)),
            _ => "Compromiso".to_owned(),
        },
        ItemKey::KeyAction(c, k) => {
            let name = plan
                .commitment(c)
                .and_then(|c| c.key_action(k))
                .map(|k| short(&k.name, 120))
                .unwrap_or_default();
            format!("Acción clave: {name}")
        }
        ItemKey::Item(kind, id) => {
            let named = |label: &str, text: Option<String>| match text {
                Some(t) if !t.trim().is_empty() => format!("{label}: {}", short(&t, 120)),
                _ => label.to_owned(),
            };
            match kind {
                ListKind::Problem => named(
                    "Problema público",
                    plan.problems
                        .iter()
                        .find(|x| x.id == id)
                        .map(|x| x.statement.clone()),
                ),
                ListKind::Member => named(
                    "Integrante del espacio de coordinación",
                    plan.coordination
                        .members
                        .iter()
                        .find(|x| x.id == id)
                        .and_then(|x| {
                            // The institution, else the person (the summary's
                            // contact line sits a floor above the messages).
                            x.contact
                                .institution()
                                .or(x.contact.name())
                                .map(str::to_owned)
                        }),
                ),
                ListKind::Organization => named(
                    "Organización",
                    plan.coordination
                        .organizations
                        .iter()
                        .find(|x| x.id == id)
                        .map(|x| x.name.clone()),
                ),
                ListKind::Response => named(
                    "Respuesta razonada",
                    plan.responses
                        .iter()
                        .find(|x| x.id == id)
                        .map(|x| x.input.clone()),
                ),
                ListKind::Session => named(
                    "Sesión del foro",
                    plan.ogp
                        .iter()
                        .flat_map(|o| o.sessions.iter())
                        .find(|x| x.id == id)
                        .map(|x| crate::domain::format_date(x.date)),
                ),
                ListKind::Event => named(
                    "Evento de cocreación",
                    plan.ogp
                        .iter()
                        .flat_map(|o| o.events.iter())
                        .find(|x| x.id == id)
                        .map(|x| x.name.clone()),
                ),
            }
        }
    }
}

/// What happened to the item in the other draft.
pub fn kind_text(d: &Difference) -> &'static str {
    match d.kind {
        Kind::Conflict => "Cambió en el otro borrador. Usted también lo tiene.",
        Kind::Addition => "Solo está en el otro borrador.",
    }
}

/// A choice's label; an addition's two choices say what they do.
pub fn choice_label(d: &Difference, c: Choice) -> &'static str {
    match (d.kind, c) {
        (Kind::Addition, Choice::KeepMine) => "Dejarlo fuera",
        (Kind::Addition, _) => "Agregarlo",
        (Kind::Conflict, Choice::KeepMine) => "Conservar el mío",
        (Kind::Conflict, Choice::TakeTheirs) => "Tomar el suyo",
        (Kind::Conflict, Choice::KeepBoth) => "Conservar ambos",
    }
}

/// The hint under "Conservar ambos".
pub const BOTH_HINT: &str = "Quedan los dos; el suyo se agrega como otro elemento.";

/// The error summary's line for a conflict left without a choice.
pub fn unchosen(title: &str) -> String {
    format!("Elija qué conservar de «{title}»")
}

/// The summary of what differs and what is chosen so far.
pub fn counts_lines(c: &Counts) -> Vec<(String, String)> {
    vec![
        (
            "Datos que cambiaron en el otro borrador".to_owned(),
            c.conflicts.to_string(),
        ),
        (
            "Datos que solo tiene el otro borrador".to_owned(),
            c.additions.to_string(),
        ),
        (
            "Se conserva el suyo o se agrega".to_owned(),
            c.take_theirs.to_string(),
        ),
        (
            "Se conserva el mío o se deja fuera".to_owned(),
            c.keep_mine.to_string(),
        ),
        ("Se conservan ambos".to_owned(), c.keep_both.to_string()),
        ("Falta elegir".to_owned(), c.unchosen.to_string()),
    ]
}

/// The combined draft's name: "X (combinado)"; "X (combinado 2)"… when
/// taken; cut to fit the longest name a draft may have.
pub fn combined_name(name: &str, taken: &[&str]) -> String {
    let name = crate::persistence::drafts::shown_or_unnamed(name);
    crate::persistence::drafts::free_name(&name, taken, " (combinado)".to_owned(), |n| {
        format!(" (combinado {n})")
    })
}

/// What the combined draft needs fixed: one line per commitment whose
/// key-action weights do not add up to 100 %, in the one wording of weights.
pub fn weight_lines(
    plan: &Plan,
    weights: &[(
        crate::domain::CommitmentId,
        crate::domain::key_action::WeightStatus,
    )],
) -> Vec<(crate::domain::CommitmentId, String)> {
    weights
        .iter()
        .filter_map(|(id, status)| {
            let text = super::weight_status(*status)?;
            let title = item_title(plan, ItemKey::Commitment(*id));
            Some((*id, format!("{title}. {text}")))
        })
        .collect()
}

/// The confirmation once the combined draft exists.
pub fn created(name: &str) -> String {
    format!("Se creó el borrador «{name}» y quedó abierto. Los dos borradores que combinó no cambiaron y siguen en «Mis borradores».")
}

/// A draft of «Mis borradores» that cannot be read.
pub const DRAFT_UNREADABLE: &str = "No se pudo leer ese borrador de «Mis borradores». Ábralo desde «Mis borradores» para ver qué tiene, o elija un archivo.";

/// Nothing differs.
pub const NOTHING_TO_MERGE: &str = "Los dos borradores tienen lo mismo. No hay nada que combinar.";
