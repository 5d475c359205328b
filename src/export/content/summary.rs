//! The plan as a check-your-answers summary: every answer of every step, in
//! methodology order, as sections of labelled rows. Skipped optional answers are
//! `None` (shown as "No proporcionado"). Each row names the page where it is
//! changed as a [`Target`], so the interface links to it and the PDF can ignore it.
//!
//! Pure: used by the "Revise su plan" page and testable natively.

use std::borrow::Borrow;

use time::Date;

use crate::catalog;
use crate::domain::choice::ItemId;
use crate::domain::commitment::Contact;
use crate::domain::contact::Person;
use crate::domain::coordination::Organization;
use crate::domain::key_action::{weight_total, weighted_progress};
use crate::domain::plan::FichaPart;
use crate::domain::{format_date, CommitmentId, Period, Plan, Step};
use crate::labels::{self, Label};

use super::ogp;

/// The page where an answer is changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Profile,
    Office,
    Framework,
    NationalPlan,
    Readiness,
    Political,
    Coordination,
    Member(ItemId),
    Organization(ItemId),
    Roadmap,
    Problem(ItemId),
    Part(CommitmentId, FichaPart),
    Responsible(CommitmentId, ItemId),
    CoResponsible(CommitmentId, ItemId),
    KeyAction(CommitmentId, ItemId),
    Activity(CommitmentId, ItemId, ItemId),
    Monitoring,
    Response(ItemId),
    /// The plan's OGP record, a forum session, a co-creation event, a
    /// commitment's OGP record ([`super::ogp`]).
    Ogp,
    OgpSession(ItemId),
    OgpEvent(ItemId),
    CommitmentOgp(CommitmentId),
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub value: Option<String>,
    pub target: Target,
    /// The value's BCP 47 language when it is not Spanish ("en" for a title
    /// OGP publishes in English): the review page marks it with `lang`, the
    /// PDF with a `/Lang` span.
    pub lang: Option<&'static str>,
}

/// Answers that belong together (a commitment's key action, a member…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// `None` for the section's own answers.
    pub title: Option<String>,
    pub rows: Vec<Row>,
    /// Where "add one" goes when the group is an empty list, for the interface.
    pub empty_note: Option<String>,
}

/// One step of the methodology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The step whose answers these are.
    pub step: Step,
    /// The step's name ([`Step::name`]).
    pub title: String,
    pub groups: Vec<Group>,
}

fn row(key: &str, value: Option<String>, target: Target) -> Row {
    Row {
        key: key.to_owned(),
        value: value.filter(|v| !v.trim().is_empty()),
        target,
        lang: None,
    }
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

fn period(p: &Period) -> String {
    crate::labels::capitalized(&p.from_to())
}

/// The parts that are given, joined by `sep` (" · ", or "\n" for one a line).
pub fn join_given<S: Borrow<str>>(parts: impl IntoIterator<Item = Option<S>>, sep: &str) -> String {
    parts.into_iter().flatten().collect::<Vec<S>>().join(sep)
}

/// "Nombre · Cargo · Institución · correo · teléfono", skipping what is missing.
pub fn person_line(p: &Person) -> String {
    join_given(
        [
            Some(p.name.as_str()),
            p.position.as_deref(),
            p.institution.as_deref(),
            p.email.as_ref().map(|e| e.as_str()),
            p.phone.as_ref().map(|e| e.as_str()),
        ],
        " · ",
    )
}

/// A person's e-mail and phone, as given, joined by `sep`.
pub fn person_contact(p: &Person, sep: &str) -> String {
    join_given(
        [
            p.email.as_ref().map(|e| e.as_str()),
            p.phone.as_ref().map(|e| e.as_str()),
        ],
        sep,
    )
}

/// How to reach an organisation (contact name, e-mail, phone), as given,
/// joined by `sep`.
pub fn organization_contact(o: &Organization, sep: &str) -> String {
    join_given(
        [
            o.contact_name.as_deref(),
            o.email.as_ref().map(|e| e.as_str()),
            o.phone.as_ref().map(|e| e.as_str()),
        ],
        sep,
    )
}

fn group(title: Option<String>, rows: Vec<Row>) -> Group {
    Group {
        title,
        rows,
        empty_note: None,
    }
}

fn empty(title: &str, note: &str) -> Group {
    Group {
        title: Some(title.to_owned()),
        rows: Vec::new(),
        empty_note: Some(note.to_owned()),
    }
}

/// Every answer of the plan, in methodology order. `today` is for the
/// months left in the administration's term.
pub fn summary(plan: &Plan, today: Date) -> Vec<Section> {
    Step::ALL
        .into_iter()
        .filter_map(|step| match step {
            Step::Profile => Some(profile(plan, today)),
            Step::Political => Some(political(plan)),
            Step::Coordination => Some(coordination(plan)),
            Step::Roadmap => Some(roadmap(plan)),
            Step::Problems => Some(problems(plan)),
            Step::Commitments => Some(commitments(plan)),
            Step::Monitoring => Some(monitoring(plan)),
            Step::Responses => Some(responses(plan)),
            Step::Ogp => ogp_record(plan),
            // The readiness self-assessment has its own result page; the
            // national list and the review have no answers of their own here.
            Step::Readiness | Step::NationalPlan | Step::Review => None,
        })
        .collect()
}

fn profile(plan: &Plan, today: Date) -> Section {
    use Target as T;
    let p = plan.profile.as_ref();
    let state = p.and_then(|p| catalog::state(p.jurisdiction.inegi_code.as_str().get(..2)?));
    let term = p.and_then(|p| {
        let end = p.term_end?;
        Some(match p.months_left(today) {
            Some(m) if m < crate::domain::profile::MIN_MONTHS_LEFT => format!(
                "{} (quedan {} meses: menos de los 16 que pide OGP Local)",
                format_date(end),
                m.max(0)
            ),
            _ => format_date(end),
        })
    });
    let mut rows = vec![
        row(
            "Tipo de jurisdicción",
            p.map(|p| labels::jurisdiction_kind(p.jurisdiction.kind).to_owned()),
            T::Profile,
        ),
        row("Estado", state.map(|s| s.name.to_owned()), T::Profile),
        row(
            "Jurisdicción",
            p.map(|p| p.jurisdiction.name.clone()),
            T::Profile,
        ),
        row(
            "Clave INEGI",
            p.map(|p| p.jurisdiction.inegi_code.as_str().to_owned()),
            T::Profile,
        ),
        row(
            "Nombre del plan",
            p.map(|p| p.plan_name.clone()),
            T::Profile,
        ),
        row("Periodo del plan", p.map(|p| period(&p.period)), T::Profile),
        row("Fin de la administración", term, T::Profile),
    ];
    let o = plan.office.as_ref();
    rows.push(row(
        "Oficina coordinadora",
        o.map(|o| o.name.clone()),
        T::Office,
    ));
    rows.push(row(
        "Persona de contacto",
        o.map(|o| person_line(&o.contact)),
        T::Office,
    ));
    let f = plan.framework.as_ref();
    rows.push(row(
        "Plan de desarrollo vigente",
        f.and_then(|f| f.development_plan.clone()),
        T::Framework,
    ));
    rows.push(row(
        "Plan Nacional de Desarrollo",
        f.map(|f| format!("Edición {}", f.pnd_edition.label())),
        T::Framework,
    ));
    rows.push(row(
        "Marco jurídico",
        f.map(|f| f.legal_framework.join("; ")),
        T::Framework,
    ));
    rows.push(row(
        "Órgano garante local",
        f.and_then(|f| f.guarantor.clone()),
        T::Framework,
    ));
    rows.push(row(
        "Plan nacional de referencia",
        Some(plan.national_plan.name.clone()),
        T::NationalPlan,
    ));
    let readiness = plan.readiness.last().map(|a| {
        let o = crate::domain::readiness::score(a);
        format!(
            "{} de 100 ({}), respondido el {}",
            o.overall,
            o.level.name(),
            format_date(a.date)
        )
    });
    rows.push(row(
        "Diagnóstico de condiciones de apertura",
        readiness,
        T::Readiness,
    ));
    Section {
        step: Step::Profile,
        title: Step::Profile.name().into(),
        groups: vec![group(None, rows)],
    }
}

fn political(plan: &Plan) -> Section {
    let p = plan.political.as_ref();
    let t = Target::Political;
    Section {
        step: Step::Political,
        title: Step::Political.name().into(),
        groups: vec![group(
            None,
            vec![
                row("Tipo de documento", p.map(|p| p.kind.label().to_owned()), t),
                row("Firmantes", p.map(|p| p.signatories.join("; ")), t),
                row("Fecha de firma", p.map(|p| format_date(p.date)), t),
                row(
                    "Liga al documento",
                    p.and_then(|p| p.document_url.as_ref().map(|u| u.as_str().to_owned())),
                    t,
                ),
            ],
        )],
    }
}

fn coordination(plan: &Plan) -> Section {
    let c = &plan.coordination;
    let b = c.body.as_ref();
    let t = Target::Coordination;
    let kind = b.map(|b| match &b.kind_other {
        Some(other) => other.clone(),
        None => b.kind.label().to_owned(),
    });
    let mut groups = vec![group(
        None,
        vec![
            row("Tipo de espacio", kind, t),
            row("Nombre", b.map(|b| b.name.clone()), t),
            row(
                "Forma de selección de integrantes no gubernamentales",
                b.and_then(|b| b.selection_method.clone()),
                t,
            ),
            row(
                "Reglas de participación",
                b.and_then(|b| b.rules_url.as_ref().map(|u| u.as_str().to_owned())),
                t,
            ),
            row(
                "Frecuencia de las sesiones",
                b.map(|b| b.cadence.label().to_owned()),
                t,
            ),
            row(
                "Fecha de instalación",
                b.and_then(|b| b.installation_date.map(format_date)),
                t,
            ),
            row(
                "Acta de instalación",
                b.and_then(|b| b.installation_url.as_ref().map(|u| u.as_str().to_owned())),
                t,
            ),
            row(
                "Órgano de seguimiento",
                b.and_then(|b| b.monitoring_body.clone()),
                t,
            ),
        ],
    )];
    if c.members.is_empty() {
        groups.push(empty("Integrantes", "Todavía no ha agregado integrantes."));
    }
    for (i, m) in c.members.iter().enumerate() {
        let t = Target::Member(m.id);
        groups.push(group(
            Some(format!("Integrante {}", i + 1)),
            vec![
                row("Persona", Some(person_line(&m.person)), t),
                row("Sector", some(m.sector.label()), t),
                row("Papel en el espacio", m.role.clone(), t),
            ],
        ));
    }
    if c.organizations.is_empty() {
        groups.push(empty(
            "Directorio de organizaciones",
            "Todavía no ha agregado organizaciones.",
        ));
    }
    for (i, o) in c.organizations.iter().enumerate() {
        let t = Target::Organization(o.id);
        let contact = organization_contact(o, " · ");
        groups.push(group(
            Some(format!("Organización {}", i + 1)),
            vec![
                row("Nombre", Some(o.name.clone()), t),
                row("Temas", o.themes.clone(), t),
                row("Grupos prioritarios", o.priority_groups.clone(), t),
                row("Contacto", Some(contact), t),
            ],
        ));
    }
    Section {
        step: Step::Coordination,
        title: Step::Coordination.name().into(),
        groups,
    }
}

fn roadmap(plan: &Plan) -> Section {
    use crate::domain::roadmap::Phase;
    let r = plan.roadmap.as_ref();
    let t = Target::Roadmap;
    let mut rows: Vec<Row> = Phase::ALL
        .iter()
        .map(|ph| {
            let dates = r
                .and_then(|r| r.phases.iter().find(|x| x.phase == *ph))
                .map(|x| period(&x.period));
            row(ph.label(), dates, t)
        })
        .collect();
    fn join<T: Label>(values: &[T]) -> String {
        values
            .iter()
            .map(|v| v.label())
            .collect::<Vec<_>>()
            .join(", ")
    }
    rows.push(row(
        "Canales de participación",
        r.map(|r| join(&r.channels)),
        t,
    ));
    rows.push(row(
        "Grupos de la estrategia de inclusión",
        r.map(|r| join(&r.inclusion_groups)),
        t,
    ));
    rows.push(row(
        "Estrategia de inclusión",
        r.and_then(|r| r.inclusion_strategy.clone()),
        t,
    ));
    rows.push(row(
        "Sitio web",
        r.and_then(|r| r.site_url.as_ref().map(|u| u.as_str().to_owned())),
        t,
    ));
    rows.push(row(
        "Repositorio de documentos",
        r.and_then(|r| r.repository_url.as_ref().map(|u| u.as_str().to_owned())),
        t,
    ));
    rows.push(row(
        "Fecha de publicación de la hoja de ruta",
        r.and_then(|r| r.published_on.map(format_date)),
        t,
    ));
    Section {
        step: Step::Roadmap,
        title: Step::Roadmap.name().into(),
        groups: vec![group(None, rows)],
    }
}

fn problems(plan: &Plan) -> Section {
    let mut groups = Vec::new();
    if plan.problems.is_empty() {
        groups.push(empty(
            "Problemas",
            "Todavía no ha agregado problemas públicos.",
        ));
    }
    for (i, p) in plan.problems.iter().enumerate() {
        let t = Target::Problem(p.id);
        let baseline = match (&p.baseline, &p.baseline_source) {
            (Some(b), Some(s)) => Some(format!("{b} (fuente: {s})")),
            (Some(b), None) => Some(b.clone()),
            (None, Some(s)) => Some(format!("Fuente: {s}")),
            (None, None) => None,
        };
        groups.push(group(
            Some(format!("Problema {}", i + 1)),
            vec![
                row("Problema público", Some(p.statement.clone()), t),
                row("Población afectada", Some(p.affected_population.clone()), t),
                row("Línea base", baseline, t),
                row("Causas", p.causes.clone(), t),
                row("Origen del insumo", some(p.origin.label()), t),
                row("Prioridad", some(p.priority.label()), t),
            ],
        ));
    }
    Section {
        step: Step::Problems,
        title: Step::Problems.name().into(),
        groups,
    }
}

fn contacts(list: &[Contact], label: &str, target: impl Fn(ItemId) -> Target) -> Vec<Row> {
    list.iter()
        .enumerate()
        .map(|(i, x)| {
            row(
                &format!("{label} {}", i + 1),
                Some(person_line(&x.person)),
                target(x.id),
            )
        })
        .collect()
}

fn commitments(plan: &Plan) -> Section {
    let mut groups = Vec::new();
    if plan.commitments.is_empty() {
        groups.push(empty("Compromisos", "Todavía no ha agregado compromisos."));
    }
    for (i, c) in plan.commitments.iter().enumerate() {
        let n = i + 1;
        let id = c.id;
        let part = |p| Target::Part(id, p);
        let mut rows = vec![
            row("Nombre", Some(c.name.clone()), part(FichaPart::General)),
            row("Fechas", Some(period(&c.period)), part(FichaPart::General)),
        ];
        if c.responsible.is_empty() {
            rows.push(row("Responsables", None, part(FichaPart::Responsible)));
        }
        rows.extend(contacts(&c.responsible, "Responsable", |x| {
            Target::Responsible(id, x)
        }));
        if c.co_responsible.is_empty() {
            rows.push(row("Corresponsables", None, part(FichaPart::CoResponsible)));
        }
        rows.extend(contacts(&c.co_responsible, "Corresponsable", |x| {
            Target::CoResponsible(id, x)
        }));
        let o = c.objectives.as_ref();
        let t = part(FichaPart::Objectives);
        let problem = o
            .and_then(|o| o.problem)
            .and_then(|pid| {
                plan.problems
                    .iter()
                    .position(|p| p.id == pid)
                    .map(|i| (i, pid))
            })
            .map(|(i, pid)| {
                let statement = plan
                    .problems
                    .iter()
                    .find(|p| p.id == pid)
                    .map_or("", |p| p.statement.as_str());
                format!("Problema {}: {statement}", i + 1)
            });
        rows.extend([
            row("Objetivo a corto plazo", o.map(|o| o.short_term.clone()), t),
            row(
                "Objetivo a mediano plazo",
                o.and_then(|o| o.medium_term.clone()),
                t,
            ),
            row("Problema público que atiende", problem, t),
            row(
                "Problemática que aborda",
                o.map(|o| o.problem_text.clone()),
                t,
            ),
            row(
                "Cómo contribuirá a resolverla",
                o.map(|o| o.how_it_helps.clone()),
                t,
            ),
            row("Supuestos", o.and_then(|o| o.assumptions.clone()), t),
            row(
                "Cómo se verificará el cumplimiento",
                o.map(|o| o.verification.clone()),
                t,
            ),
            row(
                "Otros actores involucrados",
                o.and_then(|o| o.other_actors.clone()),
                t,
            ),
            row("Resumen ejecutivo", o.and_then(|o| o.summary.clone()), t),
            row(
                "Información adicional",
                o.and_then(|o| o.additional_info.clone()),
                t,
            ),
        ]);
        let t = part(FichaPart::Values);
        if c.values.is_empty() {
            rows.push(row("Valores de la AGA", None, t));
        }
        for v in &c.values {
            rows.push(row(v.value.label(), Some(v.reason.clone()), t));
        }
        let a = &c.alignment;
        let t = part(FichaPart::Alignment);
        let national = a
            .national
            .as_ref()
            .map(|l| match labels::national_link(plan, l) {
                Some(entry) => format!("{}: {entry}", labels::relation(l.relation())),
                None => labels::relation(l.relation()).to_owned(),
            });
        let targets = (!a.sdg_targets.is_empty()).then(|| {
            a.sdg_targets
                .iter()
                .map(|code| match catalog::sdg_target(code) {
                    Some(t) => format!("{code} {}", t.title_es),
                    None => code.clone(),
                })
                .collect::<Vec<_>>()
                .join("; ")
        });
        rows.extend([
            row("Relación con el plan nacional", national, t),
            row("Metas de los ODS", targets, t),
            row("Eje del Plan Nacional de Desarrollo", a.pnd_axis.clone(), t),
            row("Eje del plan estatal o municipal", a.local_axis.clone(), t),
            row("Perspectiva de igualdad de género", a.gender.clone(), t),
        ]);
        let t = part(FichaPart::KeyActions);
        rows.push(row(
            "Acciones clave",
            Some(format!(
                "{} acciones clave; ponderaciones: {} %; avance ponderado: {}",
                c.key_actions.len(),
                weight_total(&c.key_actions),
                percent(weighted_progress(&c.key_actions))
            )),
            t,
        ));
        if let Some(o) = &c.ogp {
            let t = Target::CommitmentOgp(id);
            rows.extend(
                ogp::commitment_answers(o)
                    .into_iter()
                    .map(|a| answer_row(a, t)),
            );
        }
        groups.push(group(Some(format!("Compromiso {n}")), rows));
        for (j, k) in c.key_actions.iter().enumerate() {
            let t = Target::KeyAction(id, k.id);
            let ind = &k.indicator;
            let indicator = join_given(
                [
                    Some(ind.name.clone()),
                    ind.kind.map(|x| x.label().to_owned()),
                    ind.unit.as_ref().map(|u| format!("unidad: {u}")),
                    ind.baseline.as_ref().map(|u| format!("línea base: {u}")),
                    ind.target.as_ref().map(|u| format!("meta: {u}")),
                    ind.frequency
                        .map(|x| format!("frecuencia: {}", x.label().to_lowercase())),
                ],
                " · ",
            );
            let mut rows = vec![
                row("Acción clave", Some(k.name.clone()), t),
                row("Descripción u objetivo", k.objective.clone(), t),
                row("Ponderación", Some(format!("{} %", k.weight)), t),
                row("Indicador", Some(indicator), t),
                row("Medio de verificación", Some(k.verification.clone()), t),
                row("Fechas", Some(period(&k.period)), t),
                row(
                    "Persona responsable",
                    k.responsible.as_ref().map(person_line),
                    t,
                ),
                row("Avance", k.progress.map(|p| format!("{p} %")), t),
            ];
            for (m, act) in k.activities.iter().enumerate() {
                let t = Target::Activity(id, k.id, act.id);
                let details = join_given(
                    [
                        Some(act.name.clone()),
                        act.objective.as_ref().map(|o| format!("Objetivo: {o}")),
                        act.verification
                            .as_ref()
                            .map(|o| format!("Medio de verificación: {o}")),
                        act.period.as_ref().map(period),
                    ],
                    " · ",
                );
                rows.push(row(&format!("Actividad {}", m + 1), Some(details), t));
            }
            groups.push(group(
                Some(format!("Compromiso {n} · Acción clave {}", j + 1)),
                rows,
            ));
        }
    }
    Section {
        step: Step::Commitments,
        title: Step::Commitments.name().into(),
        groups,
    }
}

/// "45.5 %" from hundredths of a percent.
pub fn percent(hundredths: u32) -> String {
    if hundredths.is_multiple_of(100) {
        format!("{} %", hundredths / 100)
    } else {
        format!("{}.{} %", hundredths / 100, (hundredths % 100) / 10)
    }
}

fn monitoring(plan: &Plan) -> Section {
    let m = plan.monitoring.as_ref();
    let t = Target::Monitoring;
    Section {
        step: Step::Monitoring,
        title: Step::Monitoring.name().into(),
        groups: vec![group(
            None,
            vec![
                row(
                    "Frecuencia de los reportes",
                    m.map(|m| m.frequency.label().to_owned()),
                    t,
                ),
                row(
                    "Tablero público",
                    m.and_then(|m| m.dashboard_url.as_ref().map(|u| u.as_str().to_owned())),
                    t,
                ),
                row(
                    "Repositorio de evidencias",
                    m.and_then(|m| m.repository_url.as_ref().map(|u| u.as_str().to_owned())),
                    t,
                ),
                row(
                    "Reuniones de seguimiento con la sociedad civil",
                    m.map(|m| m.meetings.clone()),
                    t,
                ),
                row("Quién actualiza el avance", m.map(|m| m.updater.clone()), t),
            ],
        )],
    }
}

fn responses(plan: &Plan) -> Section {
    let mut groups = Vec::new();
    if plan.responses.is_empty() {
        groups.push(empty("Propuestas", "Todavía no ha registrado propuestas."));
    }
    for (i, r) in plan.responses.iter().enumerate() {
        let t = Target::Response(r.id);
        let commitment = r.commitment.and_then(|c| {
            let n = plan.commitment_number(c)?;
            Some(format!("Compromiso {n}: {}", plan.commitment(c)?.name))
        });
        groups.push(group(
            Some(format!("Propuesta {}", i + 1)),
            vec![
                row("Propuesta", Some(r.input.clone()), t),
                row("Origen", r.source.clone(), t),
                row("Decisión", some(r.decision.label()), t),
                row("Compromiso relacionado", commitment, t),
                row("Razón", Some(r.reason.clone()), t),
            ],
        ));
    }
    Section {
        step: Step::Responses,
        title: Step::Responses.name().into(),
        groups,
    }
}

fn answer_row(a: ogp::Answer, target: Target) -> Row {
    Row {
        lang: a.lang,
        ..row(a.key, a.value, target)
    }
}

/// What OGP publishes about the plan (optional): shown once there is a record.
fn ogp_record(plan: &Plan) -> Option<Section> {
    let o = plan.ogp.as_ref()?;
    let own = ogp::plan_answers(o)
        .into_iter()
        .map(|a| answer_row(a, Target::Ogp))
        .collect();
    let mut groups = vec![group(None, own)];
    groups.push(if o.sessions.is_empty() {
        empty(
            "Sesiones del foro",
            "Todavía no ha registrado sesiones del foro.",
        )
    } else {
        group(
            Some("Sesiones del foro".to_owned()),
            o.sessions
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    row(
                        &format!("Sesión {}", i + 1),
                        Some(ogp::session_line(s)),
                        Target::OgpSession(s.id),
                    )
                })
                .collect(),
        )
    });
    groups.push(if o.events.is_empty() {
        empty(
            "Eventos de cocreación",
            "Todavía no ha registrado eventos de cocreación.",
        )
    } else {
        group(
            Some("Eventos de cocreación".to_owned()),
            o.events
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    row(
                        &format!("Evento {}", i + 1),
                        Some(ogp::event_line(e)),
                        Target::OgpEvent(e.id),
                    )
                })
                .collect(),
        )
    });
    Some(Section {
        step: Step::Ogp,
        title: Step::Ogp.name().into(),
        groups,
    })
}
