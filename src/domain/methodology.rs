//! The methodology's steps, in one place: their order, phase, names, route,
//! whether "Versión final" needs them, where their unsaved input is kept, and
//! how their status is read from the plan.
//!
//! Everything that lists the steps (the task list, the readiness route, the
//! review page, the export's sections, the final-mark check) reads this module
//! through exhaustive `match`es, so a new [`Step`] does not compile until every
//! place that must show it does. README, "Cómo agregar un paso", names the files.
//!
//! The module sits just above the plan (a step's status reads it); the stored
//! readiness assessment is in `assessment.rs`, below the plan, so the readiness
//! route can name steps without a circle.

use time::Date;

use super::final_mark::{DocumentStatus, FinalMark};
use super::pending::CommitmentCheck;
use super::plan::Plan;
use super::unknown::Unknown;

/// The phases the task list groups the steps under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Prepare,
    Organize,
    Write,
    Share,
    Implement,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Prepare,
        Phase::Organize,
        Phase::Write,
        Phase::Share,
        Phase::Implement,
    ];

    /// The task list's heading for the phase.
    pub fn heading(self) -> &'static str {
        match self {
            Phase::Prepare => "1. Prepare el plan",
            Phase::Organize => "2. Organice la cocreación",
            Phase::Write => "3. Escriba el plan",
            Phase::Share => "4. Revise y comparta",
            Phase::Implement => "5. Dé seguimiento al plan",
        }
    }

    /// The steps of this phase, in order.
    pub fn steps(self) -> impl Iterator<Item = Step> {
        Step::ALL.into_iter().filter(move |s| s.phase() == self)
    }
}

/// Status of a step in the task list (GOV.UK task list pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Completed,
    CannotStartYet,
    HasProblem,
}

/// A step of the methodology, in the order the task list shows them.
///
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Readiness,
    Profile,
    NationalPlan,
    Political,
    Coordination,
    Roadmap,
    Problems,
    Commitments,
    Monitoring,
    Responses,
    /// What OGP and the monitoring body publish about the plan (optional).
    Ogp,
    /// The quality review of the plan before it is submitted ([`super::quality`]).
    Quality,
    Review,
    /// Progress reports over the plan's years ([`super::progress`]).
    Progress,
}

impl Step {
    /// Every step, in methodology order.
    pub const ALL: [Step; 14] = [
        Step::Readiness,
        Step::Profile,
        Step::NationalPlan,
        Step::Political,
        Step::Coordination,
        Step::Roadmap,
        Step::Problems,
        Step::Commitments,
        Step::Monitoring,
        Step::Responses,
        Step::Ogp,
        Step::Quality,
        Step::Review,
        Step::Progress,
    ];

    /// The phase the task list shows the step under.
    pub fn phase(self) -> Phase {
        match self {
            Step::Readiness | Step::Profile | Step::NationalPlan => Phase::Prepare,
            Step::Political | Step::Coordination | Step::Roadmap => Phase::Organize,
            Step::Problems | Step::Commitments | Step::Monitoring | Step::Responses => Phase::Write,
            Step::Ogp | Step::Quality | Step::Review => Phase::Share,
            Step::Progress => Phase::Implement,
        }
    }

    /// The step's name in the task list.
    pub fn name(self) -> &'static str {
        match self {
            Step::Readiness => "Diagnóstico de condiciones de apertura (opcional)",
            Step::Profile => "Perfil de la jurisdicción",
            Step::NationalPlan => "Plan nacional de referencia",
            Step::Political => "Compromiso político",
            Step::Coordination => "Espacio de coordinación",
            Step::Roadmap => "Hoja de ruta de cocreación",
            Step::Problems => "Problemas públicos",
            Step::Commitments => "Compromisos",
            Step::Monitoring => "Seguimiento",
            Step::Responses => "Respuesta razonada",
            Step::Ogp => "Registro en la Alianza para el Gobierno Abierto (opcional)",
            Step::Quality => "Revisión de calidad",
            Step::Review => "Revisar y exportar el plan",
            Step::Progress => "Informes de avance",
        }
    }

    /// The step's name where a recommendation points to it ("Ir a: …").
    pub fn short_name(self) -> &'static str {
        match self {
            Step::Readiness => "Diagnóstico de condiciones de apertura",
            Step::Ogp => "Registro en la Alianza para el Gobierno Abierto",
            Step::Review => "Revisar y exportar el plan",
            other => other.name(),
        }
    }

    /// The heading of the step's section in the exported plan, where it has
    /// one ("Revise su plan" uses [`Step::name`]).
    pub fn document_heading(self) -> Option<&'static str> {
        match self {
            Step::Readiness => Some("Diagnóstico de condiciones de apertura"),
            Step::Monitoring => Some("Plan de seguimiento"),
            Step::Ogp => Some("Registro en la Alianza para el Gobierno Abierto"),
            Step::Quality => Some("Anexo: revisión de calidad"),
            // The latest round only, when there is one; each round has its
            // own report.
            Step::Progress => Some("Informes de avance"),
            Step::NationalPlan | Step::Review => None,
            Step::Profile
            | Step::Political
            | Step::Coordination
            | Step::Roadmap
            | Step::Problems
            | Step::Commitments
            | Step::Responses => Some(self.name()),
        }
    }

    /// One sentence under the step's name in the task list.
    pub fn hint(self) -> &'static str {
        match self {
            Step::Readiness => "15 preguntas para saber dónde está su gobierno y qué hacer primero. Unos 15 minutos.",
            Step::Profile => "Jurisdicción, nombre y periodo del plan, oficina coordinadora y contacto, marco de planeación y jurídico.",
            Step::NationalPlan => "La lista de compromisos nacionales con la que se alinea su plan (el 4º Plan de Acción Nacional, o una más reciente).",
            Step::Political => "Quién firmó la declaratoria o carta de apoyo, cuándo, y dónde consultarla.",
            Step::Coordination => "El espacio donde gobierno y sociedad civil deciden juntos: sus integrantes, reglas y sesiones, y el directorio de organizaciones.",
            Step::Roadmap => "Las fases de la cocreación con sus fechas, los canales y la estrategia de inclusión.",
            Step::Problems => "Los problemas públicos que el plan atenderá, con su población afectada, línea base y causas.",
            Step::Commitments => "Cada compromiso en el formato de ficha nacional: responsables, objetivos, valores, alineación, acciones clave y actividades.",
            Step::Monitoring => "Cada cuánto se reporta el avance, dónde se publica y cómo participa la sociedad civil.",
            Step::Responses => "Qué se hizo con cada propuesta recibida, y por qué.",
            Step::Ogp => "Si su plan ya está en la Alianza (OGP): su número, visión, instituciones líderes, sesiones del foro, eventos de cocreación y órgano de monitoreo. Lo de cada compromiso va en su ficha.",
            Step::Quality => "Lo que el Mecanismo de Revisión Independiente de la Alianza revisará en cada compromiso: si es verificable, relevante y con potencial de resultados; y los requisitos mínimos de la cocreación.",
            Step::Review => "Revise sus respuestas y exporte el plan en PDF.",
            Step::Progress => "Durante los dos o cuatro años del plan: el avance de cada acción clave y actividad con su evidencia, lo que requiere atención, el órgano de monitoreo y la valoración final de cada compromiso.",
        }
    }

    /// The step's first page.
    pub const fn path(self) -> &'static str {
        match self {
            Step::Readiness => "/preparacion",
            Step::Profile => "/plan/perfil",
            Step::NationalPlan => "/plan/plan-nacional",
            Step::Political => "/plan/compromiso-politico",
            Step::Coordination => "/plan/coordinacion",
            Step::Roadmap => "/plan/hoja-de-ruta",
            Step::Problems => "/plan/problemas",
            Step::Commitments => "/plan/compromisos",
            Step::Monitoring => "/plan/seguimiento",
            Step::Responses => "/plan/respuesta-razonada",
            Step::Ogp => "/plan/registro-ogp",
            Step::Quality => "/plan/calidad",
            Step::Review => "/plan/revisar",
            Step::Progress => "/plan/avances",
        }
    }

    /// Whether "Versión final" needs this step complete: every step but the
    /// optional readiness self-assessment, the national list (always set), the
    /// optional OGP record and the review itself (the quality review is needed:
    /// nothing it finds "Falta para la versión final" may remain).
    pub fn required_for_final(self) -> bool {
        match self {
            Step::Readiness | Step::NationalPlan | Step::Ogp | Step::Review | Step::Progress => {
                false
            }
            Step::Profile
            | Step::Political
            | Step::Coordination
            | Step::Roadmap
            | Step::Problems
            | Step::Commitments
            | Step::Monitoring
            | Step::Responses
            | Step::Quality => true,
        }
    }

    /// The steps "Versión final" needs complete, in order.
    pub fn required() -> impl Iterator<Item = Step> {
        Step::ALL.into_iter().filter(|s| s.required_for_final())
    }

    /// Prefix of the keys of this step's unsaved page input.
    pub fn unsaved_prefix(self) -> &'static str {
        match self {
            Step::Readiness => "preparacion",
            Step::Profile => "perfil",
            Step::NationalPlan => "plan-nacional",
            Step::Political => "compromiso-politico",
            Step::Coordination => "coordinacion",
            Step::Roadmap => "hoja-de-ruta",
            Step::Problems => "problema",
            Step::Commitments => "compromiso/",
            Step::Monitoring => "seguimiento",
            Step::Responses => "respuesta",
            Step::Ogp => "registro-ogp",
            Step::Quality => "calidad",
            Step::Review => "revisar",
            Step::Progress => "avances",
        }
    }
}

impl Step {
    /// Status of this step. `unsaved` says whether the step's pages hold typed
    /// input that has not passed "Guardar y continuar" yet.
    pub fn status(self, plan: &Plan, unsaved: bool) -> TaskStatus {
        self.status_with(plan, unsaved, None)
    }

    /// [`Step::status_with`] with the commitments' checks already made
    /// ([`Plan::checks`]), so a page that shows them too makes them once.
    pub fn status_checked(
        self,
        plan: &Plan,
        unsaved: bool,
        quality_required: Option<usize>,
        checks: &[CommitmentCheck],
    ) -> TaskStatus {
        match self {
            Step::Commitments => commitments_status(checks, unsaved),
            _ => self.status_with(plan, unsaved, quality_required),
        }
    }

    /// [`Step::status`], given the quality review's count of required
    /// findings when the caller already has it (the task list computes the
    /// review once per change of the plan, for the status and its summary).
    pub fn status_with(
        self,
        plan: &Plan,
        unsaved: bool,
        quality_required: Option<usize>,
    ) -> TaskStatus {
        match self {
            Step::Profile => {
                let parts = [
                    plan.profile.is_some(),
                    plan.office.is_some(),
                    plan.framework.is_some(),
                ];
                if parts.iter().all(|p| *p) {
                    TaskStatus::Completed
                } else if unsaved || parts.iter().any(|p| *p) {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::NotStarted
                }
            }
            Step::Readiness => {
                if !plan.readiness.is_empty() {
                    TaskStatus::Completed
                } else if unsaved {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::NotStarted
                }
            }
            // A list is always in use (the 4th plan by default).
            Step::NationalPlan => TaskStatus::Completed,
            Step::Political => simple(plan.political.is_some(), unsaved)
                .unless_incomplete(plan.political.as_ref().is_some_and(|p| p.is_complete())),
            Step::Coordination => {
                let c = &plan.coordination;
                if c.body.is_some() && !c.gaps().is_empty() {
                    TaskStatus::HasProblem
                } else if c.body.as_ref().is_some_and(|b| b.is_complete())
                    && !c.members.is_empty()
                    && !unsaved
                {
                    TaskStatus::Completed
                } else if unsaved || !c.is_empty() {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::NotStarted
                }
            }
            Step::Roadmap => match &plan.roadmap {
                Some(r) if !r.gaps().is_empty() => TaskStatus::HasProblem,
                r => simple(r.is_some(), unsaved),
            },
            Step::Problems => simple(!plan.problems.is_empty(), unsaved)
                .unless_incomplete(plan.problems.iter().all(|p| p.is_complete())),
            Step::Commitments => commitments_status(&plan.checks(), unsaved),
            Step::Monitoring => {
                if plan.commitments.is_empty() && plan.monitoring.is_none() {
                    TaskStatus::CannotStartYet
                } else {
                    simple(plan.monitoring.is_some(), unsaved).unless_incomplete(
                        plan.monitoring.as_ref().is_some_and(|m| m.is_complete()),
                    )
                }
            }
            Step::Responses => {
                let ids: Vec<_> = plan.commitments.iter().map(|c| c.id).collect();
                simple(!plan.responses.is_empty(), unsaved)
                    .unless_incomplete(plan.responses.iter().all(|r| r.is_complete(&ids)))
            }
            // Completed once the plan's record is saved; a commitment's record
            // alone puts it in progress.
            Step::Ogp => {
                let started = plan.commitments.iter().any(|c| c.ogp.is_some());
                match simple(plan.ogp.is_some(), unsaved) {
                    TaskStatus::NotStarted if started => TaskStatus::InProgress,
                    status => status,
                }
            }
            // Nothing to review before the first commitment; complete when the
            // review finds nothing the final version needs.
            Step::Quality => {
                if plan.commitments.is_empty() {
                    TaskStatus::CannotStartYet
                } else if quality_required.unwrap_or_else(|| plan.quality_required_findings()) > 0 {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::Completed
                }
            }
            // Implementation goes on for years: in progress from the first
            // report until every commitment has its end-of-commitment assessment.
            Step::Progress => {
                let imp = &plan.implementation;
                if plan.commitments.is_empty() && imp.is_empty() {
                    TaskStatus::CannotStartYet
                } else if !plan.commitments.is_empty()
                    && plan
                        .commitments
                        .iter()
                        .all(|c| plan.end_assessment(c.id).is_some())
                {
                    TaskStatus::Completed
                } else if unsaved || !imp.is_empty() {
                    TaskStatus::InProgress
                } else {
                    TaskStatus::NotStarted
                }
            }
            Step::Review => {
                if plan.profile.is_none() {
                    TaskStatus::CannotStartYet
                } else if matches!(plan.document_status(), DocumentStatus::Final(_)) {
                    TaskStatus::Completed
                } else {
                    TaskStatus::NotStarted
                }
            }
        }
    }
}

impl TaskStatus {
    /// "En curso" instead of "Completado" while something saved is incomplete.
    fn unless_incomplete(self, complete: bool) -> TaskStatus {
        match self {
            TaskStatus::Completed if !complete => TaskStatus::InProgress,
            s => s,
        }
    }
}

/// Completed once saved, in progress while typed, otherwise not started.
fn simple(saved: bool, unsaved: bool) -> TaskStatus {
    if saved && !unsaved {
        TaskStatus::Completed
    } else if saved || unsaved {
        TaskStatus::InProgress
    } else {
        TaskStatus::NotStarted
    }
}

impl Plan {
    /// The steps "Versión final" needs that are not complete yet, in order.
    pub fn unfinished_for_final(&self) -> Vec<Step> {
        self.unfinished_for_final_checked(&self.checks(), None)
    }

    /// [`Plan::unfinished_for_final`] with the commitments' checks and the
    /// quality review's count of required findings already made, so a page
    /// that keeps them does not make them again.
    pub fn unfinished_for_final_checked(
        &self,
        checks: &[CommitmentCheck],
        quality_required: Option<usize>,
    ) -> Vec<Step> {
        Step::required()
            .filter(|s| {
                s.status_checked(self, false, quality_required, checks) != TaskStatus::Completed
            })
            .collect()
    }

    /// Marks the plan final as of `today`, when every required step is
    /// complete; otherwise returns the steps still to complete.
    pub fn mark_final(&mut self, today: Date) -> Result<(), Vec<Step>> {
        let missing = self.unfinished_for_final();
        if !missing.is_empty() {
            return Err(missing);
        }
        self.final_mark = Some(FinalMark {
            on: today,
            fingerprint: self.fingerprint(),
            commitments: super::final_mark::commitment_marks(&self.commitments),
            unknown: Unknown::new(),
        });
        Ok(())
    }

    /// Makes the plan a draft again.
    pub fn unmark_final(&mut self) {
        self.final_mark = None;
    }
}

/// The status of "Compromisos" from every commitment's check: a problem in
/// any; none yet; all complete (and nothing unsaved); or in progress.
fn commitments_status(checks: &[CommitmentCheck], unsaved: bool) -> TaskStatus {
    if checks.iter().any(|c| !c.issues.is_empty()) {
        TaskStatus::HasProblem
    } else if checks.is_empty() && !unsaved {
        TaskStatus::NotStarted
    } else if !unsaved && checks.iter().all(CommitmentCheck::complete) {
        TaskStatus::Completed
    } else {
        TaskStatus::InProgress
    }
}
