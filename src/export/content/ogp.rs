//! What OGP and the monitoring body publish about the plan and its
//! commitments ([`crate::domain::ogp`]), as the review page's rows and the
//! exported plan's blocks: a section for the plan's record (shown only when
//! there is one) and a part of each commitment's ficha. Beside it, the plan's
//! own classification of a commitment the way OGP's data classifies it
//! ([`crate::domain::classification`]: the Open Gov Challenge area, policy
//! area, sector…), also a part of the ficha when there is one.
//!
//! English text (the titles OGP publishes in English) carries its language
//! ([`ENGLISH`]) in the rows and fields, so that the review page marks it with
//! `lang` and the PDF with a `/Lang` span.

use super::blocks::{columns, not_provided, or_np, sub, table};
use super::document::{Block, Field};
use crate::domain::classification::Classification;
use crate::domain::commitment::Commitment;
use crate::domain::ogp::{CocreationEvent, CommitmentOgp, ForumSession, Inception, PlanOgp};
use crate::domain::Plan;
use crate::labels::Label;

/// The BCP 47 tag of English text.
pub const ENGLISH: &str = "en";

/// Heading of a commitment's OGP record in its ficha.
pub const COMMITMENT_HEADING: &str = "Registro en la Alianza para el Gobierno Abierto (OGP)";

/// Heading of a commitment's classification in its ficha (and of its page).
pub const CLASSIFICATION_HEADING: &str = "Clasificación de la Alianza y Open Gov Challenge";

/// Whether the plan records anything OGP publishes (its own record or a
/// commitment's): the plan's document then has the OGP section.
pub fn has_record(plan: &Plan) -> bool {
    plan.ogp.is_some() || plan.commitments.iter().any(|c| c.ogp.is_some())
}

/// One answer of a record: its label, its value (`None` when not given) and
/// the value's language when it is not Spanish. The review page's rows
/// ([`super::summary`]) and the document's fields are made from these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub key: &'static str,
    pub value: Option<String>,
    pub lang: Option<&'static str>,
}

fn answer(key: &'static str, value: Option<String>) -> Answer {
    Answer {
        key,
        value: value.filter(|v| !v.trim().is_empty()),
        lang: None,
    }
}

/// An answer in English: marked so when given (what stands for a missing
/// answer, "No proporcionado", is Spanish).
fn english(key: &'static str, value: Option<String>) -> Answer {
    let a = answer(key, value);
    Answer {
        lang: a.value.is_some().then_some(ENGLISH),
        ..a
    }
}

fn joined(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join("; "))
}

/// The parts that are given, joined by " · ".
fn dotted(parts: impl IntoIterator<Item = Option<String>>) -> String {
    parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// The plan's own answers (not its sessions and events).
pub fn plan_answers(o: &PlanOgp) -> Vec<Answer> {
    let m = o.monitoring_body.as_ref();
    vec![
        answer("Programa de OGP", o.program.map(|p| p.label().to_owned())),
        answer(
            "Número del plan en OGP",
            o.plan_number.map(|n| n.to_string()),
        ),
        english("Nombre del plan en OGP (en inglés)", o.name_en.clone()),
        answer(
            "Página del plan en OGP",
            o.page_url.as_ref().map(|u| u.as_str().to_owned()),
        ),
        answer("Visión estratégica", o.strategic_vision.clone()),
        answer(
            "Periodo del plan según otra fuente",
            o.other_period.as_ref().map(|p| {
                let period = p.period.to_string();
                match &p.source {
                    Some(source) => format!("{period} (fuente: {source})"),
                    None => period,
                }
            }),
        ),
        answer("Instituciones líderes", joined(&o.lead_institutions)),
        answer("Órgano de monitoreo", m.and_then(|m| m.name.clone())),
        answer(
            "Personas evaluadoras",
            m.and_then(|m| joined(&m.evaluators)),
        ),
    ]
}

/// "04/11/2022 · Sesión de trabajo… · Acta: https://…".
pub fn session_line(s: &ForumSession) -> String {
    dotted([
        Some(s.date.to_string()),
        s.note.clone(),
        s.minutes_url
            .as_ref()
            .map(|u| format!("Acta: {}", u.as_str())),
    ])
}

/// "Consulta pública · 24/05/2019 al 17/06/2019 · Fuente: …".
pub fn event_line(e: &CocreationEvent) -> String {
    dotted([
        Some(e.name.clone()),
        e.when(),
        e.source.as_ref().map(|s| format!("Fuente: {s}")),
    ])
}

/// "Sí: Participación cívica, Rendición de cuentas pública", as published.
fn relevance(i: &Inception) -> Option<String> {
    let values = i
        .values
        .iter()
        .map(|v| v.label())
        .collect::<Vec<_>>()
        .join(", ");
    match (i.relevant, values.is_empty()) {
        (Some(r), true) => Some(r.label().to_owned()),
        (Some(r), false) => Some(format!("{}: {values}", r.label())),
        (None, false) => Some(values),
        (None, true) => None,
    }
}

/// A commitment's record, every answer (the ratings not published are `None`).
pub fn commitment_answers(o: &CommitmentOgp) -> Vec<Answer> {
    let i = o.inception.clone().unwrap_or_default();
    let label = |v: Option<&'static str>| v.map(str::to_owned);
    vec![
        answer(
            "Identificador en OGP",
            o.ogp_id.as_ref().map(|x| x.as_str().to_owned()),
        ),
        answer("Título en español (OGP)", o.title_es.clone()),
        english("Título en inglés (OGP)", o.title_en.clone()),
        answer(
            "Página del compromiso en OGP",
            o.page_url.as_ref().map(|u| u.as_str().to_owned()),
        ),
        answer(
            "Valoración inicial: verificable",
            label(i.verifiable.map(Label::label)),
        ),
        answer(
            "Valoración inicial: relevante para los valores de OGP",
            relevance(&i),
        ),
        answer(
            "Valoración inicial: potencial de resultados",
            label(i.potential.map(Label::label)),
        ),
        answer(
            "Valoración inicial: nuevo o continuo",
            label(i.practice.map(Label::label)),
        ),
        answer(
            "Valoración inicial: vinculante",
            label(i.binding.map(Label::label)),
        ),
        answer("Cumplimiento", label(o.completion.map(Label::label))),
        answer("Notas sobre OGP", o.note.clone()),
    ]
}

/// The plan's classification of a commitment, every answer (`None` when not
/// given). Whether it is nominated is always given: "Sí" or "No".
pub fn classification_answers(c: &Classification) -> Vec<Answer> {
    let label = |v: Option<&'static str>| v.map(str::to_owned);
    vec![
        answer(
            "Área del Open Gov Challenge",
            label(c.challenge_area.map(Label::label)),
        ),
        answer("Área de política principal", c.policy_area.clone()),
        answer("Sector", c.sector.clone()),
        answer("Práctica", label(c.practice.map(Label::label))),
        answer(
            "Cambio vinculante o institucional",
            label(c.binding.map(Label::label)),
        ),
        answer(
            "Postulado al Open Gov Challenge",
            Some(if c.nominate { "Sí" } else { "No" }.to_owned()),
        ),
    ]
}

/// A commitment's classification in a line, for its ficha's overview
/// ("Anticorrupción · Apertura fiscal · Postulado al Open Gov Challenge"): the
/// area, the policy area and the sector given, and the nomination; `None`
/// when none of these is given.
pub fn classification_line(c: &Classification) -> Option<String> {
    let line = dotted([
        c.challenge_area.map(|a| a.label().to_owned()),
        c.policy_area.clone(),
        c.sector.clone(),
        c.nominate
            .then(|| "Postulado al Open Gov Challenge".to_owned()),
    ]);
    (!line.is_empty()).then_some(line)
}

/// Answers as fields of the document, keeping each value's language; a
/// skipped answer reads "No proporcionado".
fn fields(answers: Vec<Answer>) -> Vec<Field> {
    answers
        .into_iter()
        .map(|a| Field::new(a.key, a.value.unwrap_or_else(not_provided)).in_language(a.lang))
        .collect()
}

/// The plan's OGP section (after its numbered heading): its answers, the
/// forum's sessions, the co-creation events and the commitments' ids.
pub fn section_blocks(plan: &Plan, blocks: &mut Vec<Block>) {
    match &plan.ogp {
        Some(o) => blocks.push(Block::Fields(fields(plan_answers(o)))),
        None => blocks.push(Block::Note(
            "No se han registrado los datos del plan en OGP.".to_owned(),
        )),
    }
    let o = plan.ogp.as_ref();
    blocks.push(sub("Sesiones del foro"));
    match o.filter(|o| !o.sessions.is_empty()) {
        None => blocks.push(Block::Note(
            "No se han registrado sesiones del foro.".to_owned(),
        )),
        Some(o) => blocks.push(table(
            "Sesiones del foro",
            columns(["Núm.", "Fecha", "Sesión", "Acta"]),
            o.sessions
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    vec![
                        (i + 1).to_string(),
                        s.date.to_string(),
                        or_np(s.note.as_deref()),
                        or_np(s.minutes_url.as_ref().map(|u| u.as_str())),
                    ]
                })
                .collect(),
        )),
    }
    blocks.push(sub("Eventos de cocreación"));
    match o.filter(|o| !o.events.is_empty()) {
        None => blocks.push(Block::Note(
            "No se han registrado eventos de cocreación.".to_owned(),
        )),
        Some(o) => blocks.push(table(
            "Eventos de cocreación",
            columns(["Núm.", "Evento", "Fecha", "Fuente"]),
            o.events
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    vec![
                        (i + 1).to_string(),
                        e.name.clone(),
                        e.when().unwrap_or_else(|| "Sin fecha publicada".to_owned()),
                        or_np(e.source.as_deref()),
                    ]
                })
                .collect(),
        )),
    }
    let listed: Vec<Vec<String>> = plan
        .commitments
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let o = c.ogp.as_ref()?;
            Some(vec![
                (i + 1).to_string(),
                c.name.clone(),
                or_np(o.ogp_id.as_ref().map(|x| x.as_str())),
                or_np(o.completion.map(Label::label)),
            ])
        })
        .collect();
    if !listed.is_empty() {
        blocks.push(sub("Compromisos en OGP"));
        blocks.push(table(
            "Compromisos en OGP",
            columns(["Núm.", "Compromiso", "Identificador en OGP", "Cumplimiento"]),
            listed,
        ));
    }
}

/// A commitment's classification, then its OGP record, in its ficha (each
/// only when it has one).
pub fn ficha_blocks(c: &Commitment, blocks: &mut Vec<Block>) {
    if let Some(k) = &c.classification {
        blocks.push(sub(CLASSIFICATION_HEADING));
        blocks.push(Block::Fields(fields(classification_answers(k))));
    }
    if let Some(o) = &c.ogp {
        blocks.push(sub(COMMITMENT_HEADING));
        blocks.push(Block::Fields(fields(commitment_answers(o))));
    }
}
