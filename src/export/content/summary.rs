//! The plan as a check-your-answers summary: every answer of every step, in
//! methodology order, as sections of labelled rows. Skipped optional answers are
//! `None` (shown as "No proporcionado"). Each row names the page where it is
//! changed as a [`Target`], so the interface links to it and the PDF can ignore it.
//! A commitment is one group whose key actions are its subgroups, so the review
//! page can fold the plan by step and by commitment; a member or an
//! organisation of the coordination body is one row.
//!
//! Pure: used by the "Revise su plan" page and testable natively.

use std::borrow::Borrow;

use time::Date;

use crate::catalog;
use crate::domain::choice::ItemId;
use crate::domain::commitment::TeamMember;
use crate::domain::contact::Contact;
use crate::domain::coordination::Organization;
use crate::domain::key_action::weight_total;
use crate::domain::plan::FichaPart;
use crate::domain::{
    format_date, CommitmentId, JurisdictionKind, Makers, PartialDate, Period, Plan, Profile, Step,
};
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
    /// A commitment's classification ([`crate::domain::classification`]).
    Classification(CommitmentId),
    /// The implementation's record ([`crate::domain::implementation`]): the
    /// plan's length and refresh, the local monitoring body, a report round
    /// (its data, or one commitment's report in it), a commitment's
    /// end-of-commitment assessment, an amendment.
    ProgressLength,
    ProgressBody,
    Round(ItemId),
    RoundReport(ItemId, CommitmentId),
    Assessment(CommitmentId),
    Amendment(ItemId),
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

/// Answers that belong together (a commitment, a problem, the members…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// `None` for the section's own answers.
    pub title: Option<String>,
    pub rows: Vec<Row>,
    /// Where "add one" goes when the group is an empty list, for the interface.
    pub empty_note: Option<String>,
    /// The commitment whose ficha this group is, if it is one.
    pub commitment: Option<CommitmentId>,
    /// Groups inside this one (a commitment's key actions), titled on their own
    /// ("Acción clave 1"): [`Group::places`] gives their full titles.
    pub subgroups: Vec<Group>,
}

impl Group {
    /// Every row of the group and of its subgroups.
    pub fn all_rows(&self) -> Vec<&Row> {
        self.rows
            .iter()
            .chain(self.subgroups.iter().flat_map(|g| g.all_rows()))
            .collect()
    }

    /// How many of its answers (subgroups included) are not given.
    pub fn missing(&self) -> usize {
        self.all_rows().iter().filter(|r| r.value.is_none()).count()
    }

    /// The group and its subgroups, each with its full title ("Compromiso 1 ·
    /// Acción clave 2"), for saying where an answer is.
    pub fn places(&self) -> Vec<(Option<String>, &Group)> {
        let mut out = vec![(self.title.clone(), self)];
        for g in &self.subgroups {
            let title = match (&self.title, &g.title) {
                (Some(a), Some(b)) => Some(format!("{a} · {b}")),
                (a, b) => b.clone().or_else(|| a.clone()),
            };
            out.push((title, g));
        }
        out
    }
}

impl Section {
    /// How many answers the step shows, and how many of them are not given.
    pub fn counts(&self) -> (usize, usize) {
        let rows: Vec<&Row> = self.groups.iter().flat_map(|g| g.all_rows()).collect();
        let missing = rows.iter().filter(|r| r.value.is_none()).count();
        (rows.len(), missing)
    }
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

/// The text, or `None` (shown as missing) when it is empty.
fn filled(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.to_owned())
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

/// Who, then e-mail and phone: "Nombre (cargo), Institución · correo ·
/// teléfono", every name once ([`Contact::who`]), skipping what is missing.
pub fn contact_line(c: &Contact) -> String {
    join_given(
        [
            Some(c.who()),
            c.email().map(|e| e.as_str().to_owned()),
            c.phone().map(|e| e.as_str().to_owned()),
        ],
        " · ",
    )
}

/// A contact's e-mail and phone, as given, joined by `sep`.
pub fn contact_reach(c: &Contact, sep: &str) -> String {
    join_given(
        [c.email().map(|e| e.as_str()), c.phone().map(|e| e.as_str())],
        sep,
    )
}

/// How to reach an organisation (contact name, unless it repeats the
/// organisation's, e-mail, phone), as given, joined by `sep`.
pub fn organization_contact(o: &Organization, sep: &str) -> String {
    join_given(
        [
            o.distinct_contact_name(),
            o.email.as_ref().map(|e| e.as_str()),
            o.phone.as_ref().map(|e| e.as_str()),
        ],
        sep,
    )
}

/// A team member in one line: who, role, sector and branch, e-mail and phone
/// ("Secretaría de la Contraloría · Lidera · Gobierno, Poder Ejecutivo").
pub fn team_member_line(m: &TeamMember) -> String {
    let c = &m.contact;
    join_given(
        [
            Some(c.who()),
            m.role.map(|r| r.label().to_owned()),
            labels::sector_and_branch(c),
            c.email().map(|e| e.as_str().to_owned()),
            c.phone().map(|e| e.as_str().to_owned()),
        ],
        " · ",
    )
}

fn group(title: Option<String>, rows: Vec<Row>) -> Group {
    Group {
        title,
        rows,
        empty_note: None,
        commitment: None,
        subgroups: Vec::new(),
    }
}

fn empty(title: &str, note: &str) -> Group {
    Group {
        title: Some(title.to_owned()),
        rows: Vec::new(),
        empty_note: Some(note.to_owned()),
        commitment: None,
        subgroups: Vec::new(),
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
            Step::Progress => implementation_record(plan),
            // The readiness self-assessment has its own result page; the
            // national list and the review have no answers of their own here.
            // The quality review has its own page and the document's annex.
            Step::Readiness | Step::NationalPlan | Step::Quality | Step::Review => None,
        })
        .collect()
}

/// Who makes the plan: a jurisdiction's kind, state, name and INEGI code; the
/// federation's kind and name (it has no code); a coalition's size and one row
/// per member, in order, the lead marked.
fn makers_rows(p: Option<&Profile>) -> Vec<Row> {
    use Target as T;
    let Some(p) = p else {
        return [
            "Tipo de jurisdicción",
            "Estado",
            "Jurisdicción",
            "Clave INEGI",
        ]
        .into_iter()
        .map(|key| row(key, None, T::Profile))
        .collect();
    };
    let js = &p.jurisdictions;
    let kind = row(
        "Tipo de jurisdicción",
        Some(labels::makers_kind(p)),
        T::Profile,
    );
    match js.makers() {
        Makers::One => {
            let only = js.lead();
            let state = only.code().and_then(|c| catalog::state(c.get(..2)?));
            vec![
                kind,
                row("Estado", state.map(|s| s.name.to_owned()), T::Profile),
                row("Jurisdicción", some(&only.name), T::Profile),
                row("Clave INEGI", only.code().map(str::to_owned), T::Profile),
            ]
        }
        Makers::Federation => vec![kind, row("Jurisdicción", some(&js.lead().name), T::Profile)],
        Makers::Coalition => {
            let members = js.members().iter().enumerate().map(|(i, m)| {
                let key = if m.lead {
                    format!("Integrante {} (líder)", i + 1)
                } else {
                    format!("Integrante {}", i + 1)
                };
                // A municipality is named with its state: names repeat across states.
                let state = (m.kind != JurisdictionKind::Estado)
                    .then(|| m.code().and_then(|c| catalog::state(c.get(..2)?)))
                    .flatten()
                    .map(|s| format!(", {}", s.name))
                    .unwrap_or_default();
                let code = m
                    .code()
                    .map(|c| format!(" (clave INEGI {c})"))
                    .unwrap_or_default();
                row(
                    &key,
                    Some(format!("{}{state}{code}", labels::member_name(m))),
                    T::Profile,
                )
            });
            std::iter::once(kind).chain(members).collect()
        }
    }
}

fn profile(plan: &Plan, today: Date) -> Section {
    use Target as T;
    let p = plan.profile.as_ref();
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
    let mut rows = makers_rows(p);
    rows.extend([
        row(
            "Nombre del plan",
            p.map(|p| p.plan_name.clone()),
            T::Profile,
        ),
        row("Periodo del plan", p.map(|p| period(&p.period)), T::Profile),
        row("Fin de la administración", term, T::Profile),
    ]);
    let o = plan.office.as_ref();
    rows.push(row(
        "Oficina coordinadora",
        o.map(|o| o.name.clone()),
        T::Office,
    ));
    rows.push(row(
        "Contacto",
        o.map(|o| contact_line(&o.contact)),
        T::Office,
    ));
    rows.push(row(
        "Sector y poder o ámbito",
        o.and_then(|o| labels::sector_and_branch(&o.contact)),
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
        "Autoridad garante local",
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
                row(
                    "Tipo de documento",
                    p.and_then(|p| p.kind).map(|k| k.label().to_owned()),
                    t,
                ),
                row(
                    "Firmantes",
                    p.filter(|p| !p.signatories.is_empty())
                        .map(|p| p.signatories.join("; ")),
                    t,
                ),
                row("Fecha de firma", p.and_then(|p| p.date).map(format_date), t),
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
    let kind = b.and_then(|b| match &b.kind_other {
        Some(other) => Some(other.clone()),
        None => b.kind.map(|k| k.label().to_owned()),
    });
    let mut groups = vec![group(
        None,
        vec![
            row("Tipo de espacio", kind, t),
            row("Nombre", b.and_then(|b| filled(&b.name)), t),
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
                b.and_then(|b| b.cadence).map(|c| c.label().to_owned()),
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
    // One row per member: who (name, post, institution, how to reach them),
    // sector and role.
    if c.members.is_empty() {
        groups.push(empty("Integrantes", "Todavía no ha agregado integrantes."));
    } else {
        let rows = c
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let line = join_given(
                    [
                        Some(contact_line(&m.contact)),
                        m.contact.sector().map(|s| format!("Sector: {}", s.label())),
                        m.contact
                            .branch()
                            .map(|b| format!("Poder o ámbito: {}", b.label())),
                        m.role.as_ref().map(|r| format!("Papel: {r}")),
                    ],
                    " · ",
                );
                row(
                    &format!("Integrante {}", i + 1),
                    Some(line),
                    Target::Member(m.id),
                )
            })
            .collect();
        groups.push(group(Some("Integrantes".to_owned()), rows));
    }
    if c.organizations.is_empty() {
        groups.push(empty(
            "Directorio de organizaciones",
            "Todavía no ha agregado organizaciones.",
        ));
    } else {
        let rows = c
            .organizations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let contact = organization_contact(o, " · ");
                let line = join_given(
                    [
                        Some(o.name.clone()),
                        o.themes.as_ref().map(|t| format!("Temas: {t}")),
                        o.priority_groups
                            .as_ref()
                            .map(|g| format!("Grupos prioritarios: {g}")),
                        (!contact.is_empty()).then(|| format!("Contacto: {contact}")),
                    ],
                    " · ",
                );
                row(
                    &format!("Organización {}", i + 1),
                    Some(line),
                    Target::Organization(o.id),
                )
            })
            .collect();
        groups.push(group(Some("Directorio de organizaciones".to_owned()), rows));
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
                row("Problema público", filled(&p.statement), t),
                row("Población afectada", filled(&p.affected_population), t),
                row("Línea base", baseline, t),
                row("Causas", p.causes.clone(), t),
                row(
                    "Origen del insumo",
                    p.origin.map(|o| o.label().to_owned()),
                    t,
                ),
                row("Prioridad", p.priority.map(|o| o.label().to_owned()), t),
            ],
        ));
    }
    Section {
        step: Step::Problems,
        title: Step::Problems.name().into(),
        groups,
    }
}

fn team(list: &[TeamMember], label: &str, target: impl Fn(ItemId) -> Target) -> Vec<Row> {
    list.iter()
        .enumerate()
        .map(|(i, x)| {
            row(
                &format!("{label} {}", i + 1),
                Some(team_member_line(x)),
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
            row("Nombre", filled(&c.name), part(FichaPart::General)),
            row(
                "Fechas",
                c.period.as_ref().map(period),
                part(FichaPart::General),
            ),
        ];
        if c.responsible.is_empty() {
            rows.push(row("Responsables", None, part(FichaPart::Responsible)));
        }
        rows.extend(team(&c.responsible, "Responsable", |x| {
            Target::Responsible(id, x)
        }));
        if c.co_responsible.is_empty() {
            rows.push(row("Corresponsables", None, part(FichaPart::CoResponsible)));
        }
        rows.extend(team(&c.co_responsible, "Corresponsable", |x| {
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
            rows.push(row(v.value.label(), filled(&v.reason), t));
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
                percent(plan.current_commitment_progress(c))
            )),
            t,
        ));
        // As in the ficha: the classification, then the OGP record.
        if let Some(k) = &c.classification {
            let t = Target::Classification(id);
            rows.extend(
                ogp::classification_answers(k)
                    .into_iter()
                    .map(|a| answer_row(a, t)),
            );
        }
        if let Some(o) = &c.ogp {
            let t = Target::CommitmentOgp(id);
            rows.extend(
                ogp::commitment_answers(o)
                    .into_iter()
                    .map(|a| answer_row(a, t)),
            );
        }
        let mut commitment = group(Some(format!("Compromiso {n}")), rows);
        commitment.commitment = Some(id);
        for (j, k) in c.key_actions.iter().enumerate() {
            let t = Target::KeyAction(id, k.id);
            let ind = &k.indicator;
            let indicator = join_given(
                [
                    filled(&ind.name),
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
                row("Acción clave", filled(&k.name), t),
                row("Descripción u objetivo", k.objective.clone(), t),
                row("Ponderación", k.weight.map(|w| format!("{w} %")), t),
                row("Indicador", filled(&indicator), t),
                row("Medio de verificación", filled(&k.verification), t),
                row("Fechas", k.period.as_ref().map(period), t),
                row(
                    "Persona responsable",
                    k.responsible.as_ref().map(contact_line),
                    t,
                ),
                // Once there are report rounds, the latest one's, where it changes.
                match plan.latest_round() {
                    None => row("Avance", k.progress.map(|p| format!("{p} %")), t),
                    Some(r) => row(
                        "Avance",
                        Some(crate::messages::rounds::current_progress_value(
                            plan.current_key_action_progress(id, k),
                            Some(r),
                        )),
                        Target::RoundReport(r.id, id),
                    ),
                },
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
            commitment
                .subgroups
                .push(group(Some(format!("Acción clave {}", j + 1)), rows));
        }
        groups.push(commitment);
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
                    m.and_then(|m| m.frequency).map(|f| f.label().to_owned()),
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
                row("Propuesta", filled(&r.input), t),
                row("Origen", r.source.clone(), t),
                row(
                    "Decisión",
                    labels::response_decision(r).map(str::to_owned),
                    t,
                ),
                row("Compromiso relacionado", commitment, t),
                row("Razón", filled(&r.reason), t),
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

/// The title of the record's group of report rounds.
pub const ROUNDS_GROUP: &str = "Informes de avance";

/// The implementation's record, once anything of it is recorded: the plan's
/// length and refresh, the local monitoring body, one line per report round,
/// the end-of-commitment assessments and the amendments. The rounds' reports
/// themselves are in each round's report (`progress_document`).
fn implementation_record(plan: &Plan) -> Option<Section> {
    use crate::messages::record::{completion_text, length_line};
    let imp = &plan.implementation;
    if imp.is_empty() {
        return None;
    }
    let body = imp.monitoring_body.as_ref();
    let mut own = vec![row(
        "Duración del plan",
        length_line(imp),
        Target::ProgressLength,
    )];
    if let Some(r) = &imp.refresh {
        own.push(row(
            "Cambios de la actualización",
            some(&r.changes),
            Target::ProgressLength,
        ));
    }
    own.extend([
        row(
            "Órgano de monitoreo",
            body.and_then(|b| some(&b.name)),
            Target::ProgressBody,
        ),
        row(
            "Integrantes del órgano de monitoreo",
            body.filter(|b| !b.members.is_empty())
                .map(|b| b.members.join("; ")),
            Target::ProgressBody,
        ),
        row(
            "Cuándo valora el plan",
            body.and_then(|b| b.schedule.clone()),
            Target::ProgressBody,
        ),
    ]);
    let mut groups = vec![group(None, own)];
    let over_time = plan.progress_over_time();
    groups.push(if imp.rounds.is_empty() {
        empty(ROUNDS_GROUP, "Todavía no ha registrado informes de avance.")
    } else {
        group(
            Some(ROUNDS_GROUP.to_owned()),
            imp.rounds_in_order()
                .into_iter()
                .map(|r| {
                    let mut line = format!("Fecha de corte: {}", format_date(r.cutoff));
                    if let Some(who) = r.reporter.as_deref().filter(|w| !w.trim().is_empty()) {
                        line.push_str(&format!("; informa: {who}"));
                    }
                    if let Some(p) = over_time.iter().find(|p| p.round == r.id) {
                        line.push_str(&format!("; avance del plan: {}", percent(p.plan)));
                    }
                    row(
                        &crate::messages::rounds::round_label(r),
                        Some(line),
                        Target::Round(r.id),
                    )
                })
                .collect(),
        )
    });
    let assessed: Vec<Row> = plan
        .commitments
        .iter()
        .enumerate()
        .filter_map(|(n, c)| {
            let a = imp.assessments.iter().find(|a| a.commitment == c.id)?;
            let mut parts = vec![format!("Cumplimiento: {}", completion_text(Some(a)))];
            parts.extend(a.results.iter().map(|r| {
                format!(
                    "¿Abrió el gobierno en {}? {}",
                    labels::ogp_value_object(r.value),
                    r.result.label()
                )
            }));
            parts.extend(
                a.explanation
                    .iter()
                    .filter(|e| !e.trim().is_empty())
                    .cloned(),
            );
            if !a.evidence.is_empty() {
                parts.push(format!("Evidencia: {}", a.evidence.join("; ")));
            }
            Some(row(
                &format!("Compromiso {}", n + 1),
                Some(parts.join("\n")),
                Target::Assessment(c.id),
            ))
        })
        .collect();
    if !assessed.is_empty() {
        groups.push(group(Some("Valoración final".to_owned()), assessed));
    }
    if !imp.amendments.is_empty() {
        groups.push(group(
            Some("Enmiendas".to_owned()),
            imp.amendments
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let about = a
                        .commitment
                        .and_then(|id| plan.commitments.iter().position(|c| c.id == id))
                        .map_or_else(|| "el plan".to_owned(), |n| format!("compromiso {}", n + 1));
                    row(
                        &format!("Enmienda {}", i + 1),
                        Some(format!(
                            "{} ({about}): {}\nMotivo: {}",
                            format_date(PartialDate::Day(a.on)),
                            a.what.trim(),
                            a.why.trim()
                        )),
                        Target::Amendment(a.id),
                    )
                })
                .collect(),
        ));
    }
    Some(Section {
        step: Step::Progress,
        title: Step::Progress.name().to_owned(),
        groups,
    })
}
