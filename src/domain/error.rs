//! Typed validation errors: which field, and what is wrong with it.
//!
//! The Spanish wording lives in one place, [`crate::messages`], so the domain
//! never formats text for people and a second language can be added later.

use serde::{Deserialize, Serialize};

/// A field a person fills in. Its [`Field::key`] is stable: it names the form
/// control (`id`), the key of unsaved input in a draft, and the error summary link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    JurisdictionKind,
    State,
    Municipality,
    PlanName,
    PlanStart,
    PlanEnd,
    CommitmentName,
    CommitmentStart,
    CommitmentEnd,
    NationalRelation,
    NationalCommitment,
    SdgTargets,
    /// A readiness question (0-14) or gate criterion (15-18), by index in
    /// `readiness::ANSWER_IDS`.
    ReadinessAnswer(u8),
    /// The evidence of a readiness question, by index.
    ReadinessEvidence(u8),
    /// The reason given for an OGP value, by index in `OgpValue::ALL`.
    ValueReason(u8),
    /// Start (`false`) or end (`true`) of a roadmap phase, by index in `Phase::ALL`.
    Phase(u8, bool),
    /// A field of the methodology's other pages.
    Named(Named),
    /// A field of a progress report round's pages ([`super::report_input`]).
    Progress(super::report_input::ProgressField),
}

impl Field {
    /// Stable key used as the HTML id of the control and in stored unsaved input.
    pub fn key(self) -> &'static str {
        match self {
            Field::JurisdictionKind => "tipo-jurisdiccion",
            Field::State => "estado",
            Field::Municipality => "municipio",
            Field::PlanName => "nombre-plan",
            Field::PlanStart => "inicio-plan",
            Field::PlanEnd => "termino-plan",
            Field::CommitmentName => "nombre-compromiso",
            Field::CommitmentStart => "inicio-compromiso",
            Field::CommitmentEnd => "termino-compromiso",
            Field::NationalRelation => "relacion-nacional",
            Field::NationalCommitment => "compromiso-nacional",
            Field::SdgTargets => "metas-ods",
            Field::ReadinessAnswer(i) => match ANSWER_IDS.get(i as usize) {
                Some(id) => id,
                None => "preparacion",
            },
            Field::ReadinessEvidence(i) => match EVIDENCE_IDS.get(i as usize) {
                Some(id) => id,
                None => "preparacion",
            },
            Field::ValueReason(i) => VALUE_REASON_IDS
                .get(i as usize)
                .copied()
                .unwrap_or("valores-aga"),
            Field::Phase(i, end) => {
                let ids = if end {
                    &PHASE_END_IDS
                } else {
                    &PHASE_START_IDS
                };
                ids.get(i as usize).copied().unwrap_or("hoja-de-ruta")
            }
            Field::Named(n) => n.key(),
            Field::Progress(p) => p.key(),
        }
    }
}

/// Fields added with the full methodology (schema 4): each variant and its stable key.
macro_rules! simple_fields {
    ($($(#[$doc:meta])* $variant:ident => $key:literal,)*) => {
        /// A field of the methodology's pages whose key never depends on an index.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Named {
            $($(#[$doc])* $variant,)*
        }
        impl Named {
            /// Every named field, in declaration order.
            pub const ALL: &'static [Named] = &[$(Named::$variant,)*];
            /// Stable key (HTML id and stored unsaved input).
            pub const fn key(self) -> &'static str {
                match self {
                    $(Named::$variant => $key,)*
                }
            }
        }
    };
}

simple_fields! {
    TermEnd => "fin-administracion",
    /// The list of a coalition's members (profile page).
    Members => "integrantes",
    /// Which member leads the coalition.
    Lead => "lider",
    /// The kind, state and municipality of the member being added to a coalition.
    MemberKind => "integrante-tipo",
    MemberState => "integrante-estado",
    MemberMunicipality => "integrante-municipio",
    CoordinatingOffice => "oficina-coordinadora",
    PersonName => "persona-nombre",
    PersonPosition => "persona-cargo",
    PersonInstitution => "persona-institucion",
    PersonEmail => "persona-correo",
    PersonPhone => "persona-telefono",
    DevelopmentPlan => "plan-desarrollo",
    PndEdition => "edicion-pnd",
    LegalFramework => "marco-juridico",
    Guarantor => "organo-garante",
    PoliticalKind => "tipo-compromiso-politico",
    Signatories => "firmantes",
    PoliticalDate => "fecha-compromiso-politico",
    DocumentUrl => "liga-documento",
    BodyKind => "tipo-espacio",
    BodyKindOther => "tipo-espacio-cual",
    BodyName => "nombre-espacio",
    SelectionMethod => "metodo-seleccion",
    RulesUrl => "liga-reglas",
    Cadence => "frecuencia-sesiones",
    InstallationDate => "fecha-instalacion",
    InstallationUrl => "liga-acta",
    MonitoringBody => "organo-seguimiento",
    /// A contact's sector (gobierno, sociedad civil…).
    Sector => "sector",
    /// A contact's branch of public power or level (poder o ámbito).
    Branch => "poder",
    /// A member's role in the coordination body (free text).
    Role => "papel",
    /// A team member's role in a commitment (Lidera, Coordina…).
    TeamRole => "papel-compromiso",
    OrgName => "nombre-organizacion",
    OrgThemes => "temas",
    OrgGroups => "grupos-prioritarios",
    Channels => "canales",
    InclusionGroups => "grupos-inclusion",
    InclusionStrategy => "estrategia-inclusion",
    SiteUrl => "liga-sitio",
    RepositoryUrl => "liga-repositorio",
    RoadmapPublished => "fecha-publicacion-ruta",
    ProblemStatement => "enunciado-problema",
    AffectedPopulation => "poblacion-afectada",
    Baseline => "linea-base",
    BaselineSource => "fuente-linea-base",
    Causes => "causas",
    InputOrigin => "origen-insumo",
    Priority => "prioridad",
    ShortObjective => "objetivo-corto",
    MediumObjective => "objetivo-mediano",
    LinkedProblem => "problema-vinculado",
    ProblemText => "problematica",
    HowItHelps => "como-contribuye",
    Assumptions => "supuestos",
    Verification => "verificacion",
    OtherActors => "otros-actores",
    Summary => "resumen-ejecutivo",
    AdditionalInfo => "informacion-adicional",
    OgpValues => "valores-aga",
    PndAxis => "eje-pnd",
    PndAxisOther => "eje-pnd-cual",
    LocalAxis => "eje-plan-local",
    Gender => "perspectiva-genero",
    KeyActionName => "nombre-accion",
    KeyActionObjective => "objetivo-accion",
    Weight => "ponderacion",
    IndicatorName => "indicador",
    IndicatorKind => "tipo-indicador",
    IndicatorUnit => "unidad-indicador",
    IndicatorBaseline => "linea-base-indicador",
    IndicatorTarget => "meta-indicador",
    IndicatorFrequency => "frecuencia-indicador",
    KeyActionVerification => "medio-verificacion",
    KeyActionStart => "inicio-accion",
    KeyActionEnd => "termino-accion",
    Progress => "avance",
    ActivityName => "actividad",
    ActivityObjective => "objetivo-actividad",
    ActivityVerification => "medio-verificacion-actividad",
    ActivityStart => "inicio-actividad",
    ActivityEnd => "termino-actividad",
    ReportFrequency => "frecuencia-reportes",
    DashboardUrl => "liga-tablero",
    MonitoringRepoUrl => "liga-repositorio-seguimiento",
    FollowUpMeetings => "reuniones-seguimiento",
    ProgressUpdater => "responsable-avance",
    ResponseInput => "propuesta",
    ResponseSource => "origen-propuesta",
    Decision => "decision",
    ResponseCommitment => "compromiso-relacionado",
    Reason => "razon",
    /// Not on the page: what a comment round recorded, carried through it
    /// (`ResponseInput`): taken in part, and the comment answered.
    ResponsePartly => "en-parte",
    ResponseComment => "observacion",
    /// The name of a draft in "Mis borradores".
    DraftName => "nombre-borrador",
    // What OGP and the monitoring body publish (`domain::ogp`).
    OgpProgram => "programa-ogp",
    OgpPlanNumber => "numero-plan-ogp",
    OgpPlanNameEn => "nombre-plan-ingles",
    OgpPlanUrl => "liga-plan-ogp",
    OtherPeriodStart => "inicio-otra-fuente",
    OtherPeriodEnd => "termino-otra-fuente",
    OtherPeriodSource => "otra-fuente-periodo",
    StrategicVision => "vision-estrategica",
    LeadInstitutions => "instituciones-lideres",
    OgpMonitoringName => "organo-monitoreo",
    Evaluators => "evaluadores",
    SessionDate => "fecha-sesion",
    SessionMinutesUrl => "liga-acta-sesion",
    SessionNote => "nota-sesion",
    EventName => "nombre-evento",
    EventDate => "fecha-evento",
    EventEnd => "fecha-fin-evento",
    EventSource => "fuente-evento",
    OgpId => "id-ogp",
    TitleEs => "titulo-es",
    TitleEn => "titulo-en",
    OgpCommitmentUrl => "liga-compromiso-ogp",
    Verifiable => "verificable",
    Relevant => "relevante",
    PublishedValues => "valores-publicados",
    Potential => "potencial-resultados",
    Practice => "practica",
    Binding => "vinculante",
    Completion => "cumplimiento",
    OgpNote => "nota-ogp",
    // The plan's own classification of a commitment (`domain::classification`).
    ChallengeArea => "area-desafio",
    PolicyArea => "area-politica",
    CommitmentSector => "sector-compromiso",
    OwnPractice => "practica-compromiso",
    OwnBinding => "cambio-vinculante",
    Nominate => "postular-desafio",
    // The implementation's record (`domain::record_input`).
    RecordBodyName => "ente-monitoreo-nombre",
    RecordBodyMembers => "ente-monitoreo-integrantes",
    RecordBodySchedule => "ente-monitoreo-cuando",
    PlanLength => "duracion-plan",
    RefreshDue => "actualizacion-prevista",
    RefreshDate => "actualizacion-fecha",
    RefreshChanges => "actualizacion-cambios",
    EndCompletion => "valoracion-cumplimiento",
    /// "¿Abrió el gobierno?" for each OGP value, in `OgpValue::ALL` order.
    EarlyTransparencia => "abrio-transparencia",
    EarlyParticipacion => "abrio-participacion",
    EarlyRendicion => "abrio-rendicion",
    EarlyTecnologia => "abrio-tecnologia",
    EarlyInclusion => "abrio-inclusion",
    EndEvidence => "valoracion-evidencia",
    EndExplanation => "valoracion-explicacion",
    AmendmentDate => "enmienda-fecha",
    AmendmentCommitment => "enmienda-compromiso",
    AmendmentWhat => "enmienda-que",
    AmendmentWhy => "enmienda-por-que",
}

/// Form keys of the reason given for each OGP value, in `OgpValue::ALL` order.
pub static VALUE_REASON_IDS: [&str; 5] = [
    "razon-transparencia",
    "razon-participacion",
    "razon-rendicion",
    "razon-tecnologia",
    "razon-inclusion",
];

/// Form keys of the roadmap phases' start and end dates, in `Phase::ALL` order.
pub static PHASE_START_IDS: [&str; 7] = [
    "fase-sensibilizacion-inicio",
    "fase-consulta-inicio",
    "fase-mesas-inicio",
    "fase-redaccion-inicio",
    "fase-respuesta-inicio",
    "fase-validacion-inicio",
    "fase-publicacion-inicio",
];
pub static PHASE_END_IDS: [&str; 7] = [
    "fase-sensibilizacion-termino",
    "fase-consulta-termino",
    "fase-mesas-termino",
    "fase-redaccion-termino",
    "fase-respuesta-termino",
    "fase-validacion-termino",
    "fase-publicacion-termino",
];

/// What is wrong with a field's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Nothing was entered (or only spaces).
    Missing,
    /// More characters than allowed.
    TooLong { max: usize },
    /// Not a date that can be read (format), e.g. "31/13/2020" or "mañana".
    NotADate,
    /// A date that does not exist, e.g. 31/02/2021.
    ImpossibleDate,
    /// The end date is on or before the start date.
    EndNotAfterStart,
    /// One date of a start and an end was given without the other.
    OtherDateMissing,
    /// The INEGI code has the wrong shape for the kind of jurisdiction.
    InegiCodeShape {
        kind: crate::domain::JurisdictionKind,
    },
    /// The INEGI code names a state that does not exist (01 to 32).
    InegiUnknownState,
    /// The chosen code is not in the bundled catalogue (or the list in use).
    NotInCatalog,
    /// The municipality chosen belongs to another state.
    MunicipalityOfOtherState,
    /// Mexico City has alcaldías, not municipalities; alcaldías exist only there.
    KindDoesNotFitState,
    /// This state, municipality or alcaldía (its INEGI code) is already a
    /// member of the coalition.
    AlreadyMember { code: String },
    /// A coalition with only one member.
    TooFewMembers,
    /// A member chosen in the "add" fields, but not added to the coalition.
    MemberNotAdded { code: String },
    /// A commitment date falls outside the plan period.
    OutsidePlanPeriod { period: crate::domain::Period },
    /// A key action's date falls outside its commitment's period.
    OutsideCommitment { period: crate::domain::Period },
    /// An activity's date falls outside its key action's period.
    OutsideKeyAction { period: crate::domain::Period },
    /// Not an e-mail address (one "@", a domain with a dot, no spaces).
    NotAnEmail,
    /// Not a Mexican phone number: 10 digits, optionally +52 and an extension.
    NotAPhone,
    /// Not a web address starting with http:// or https://.
    NotAUrl,
    /// Not a whole number.
    NotAWholeNumber,
    /// A whole number outside `min..=max`.
    OutOfRange { min: u32, max: u32 },
    /// No core OGP value chosen (transparency, participation, accountability).
    NoCoreValue,
    /// A choice among several that must be one of the listed keys.
    UnknownChoice,
    /// A contact with neither an institution nor a person's name.
    NoInstitutionOrPerson,
    /// Not an OGP commitment id: letters, then digits ("MXROO0006").
    NotAnOgpId,
    /// Left empty though the methodology recommends it (a four-year plan's
    /// refresh date): saved, and said once as something to review.
    Recommended,
}

impl Problem {
    /// True when the value cannot be read as typed (a date that is not a date,
    /// a text too long, an unknown choice): the page cannot be saved until it
    /// is fixed. Every other problem says what the methodology still asks for
    /// (a field left empty, a date outside the plan): the page is saved as it
    /// is and the problem is shown on the task list and the review page.
    pub fn blocks_saving(&self) -> bool {
        match self {
            Problem::Missing
            | Problem::OutsidePlanPeriod { .. }
            | Problem::OutsideCommitment { .. }
            | Problem::OutsideKeyAction { .. }
            | Problem::NoCoreValue
            | Problem::Recommended => false,
            Problem::TooLong { .. }
            | Problem::NotADate
            | Problem::ImpossibleDate
            | Problem::EndNotAfterStart
            | Problem::OtherDateMissing
            | Problem::InegiCodeShape { .. }
            | Problem::InegiUnknownState
            | Problem::NotInCatalog
            | Problem::MunicipalityOfOtherState
            | Problem::KindDoesNotFitState
            | Problem::NotAnEmail
            | Problem::NotAPhone
            | Problem::NotAUrl
            | Problem::NotAWholeNumber
            | Problem::OutOfRange { .. }
            | Problem::UnknownChoice
            | Problem::NoInstitutionOrPerson
            | Problem::AlreadyMember { .. }
            | Problem::TooFewMembers
            | Problem::MemberNotAdded { .. }
            | Problem::NotAnOgpId => true,
        }
    }
}

/// A page's input read by the page's rules: the value, unless something
/// cannot be read as typed, and every problem found.
///
/// One reading serves the form and the file: [`Reading::savable`] is what
/// "Guardar y continuar" keeps (complete or not), [`Reading::complete`] what
/// the methodology accepts, and [`Reading::pending`] what it still asks for,
/// which is also what a stored value read back into its page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading<T> {
    value: Option<T>,
    errors: Vec<FieldError>,
}

impl<T> Reading<T> {
    /// `value` is used only when no error blocks saving.
    pub fn new(value: impl FnOnce() -> T, errors: Vec<FieldError>) -> Self {
        let readable = errors.iter().all(|e| !e.problem.blocks_saving());
        Self {
            value: readable.then(value),
            errors,
        }
    }
    /// The reading of a page whose item no longer exists (deleted in another
    /// tab): nothing to save and nothing to show.
    pub fn gone() -> Self {
        Self {
            value: None,
            errors: Vec::new(),
        }
    }
    /// The value when every rule is met.
    pub fn complete(self) -> Result<T, Vec<FieldError>> {
        match self.value {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ => Err(self.errors),
        }
    }
    /// The value as typed, complete or not; only the errors that block saving otherwise.
    pub fn savable(self) -> Result<T, Vec<FieldError>> {
        match self.value {
            Some(v) => Ok(v),
            None => Err(self
                .errors
                .into_iter()
                .filter(|e| e.problem.blocks_saving())
                .collect()),
        }
    }
    /// What the methodology still asks for (every error, when the value could be read).
    pub fn pending(&self) -> &[FieldError] {
        &self.errors
    }
}

impl From<Named> for Field {
    fn from(n: Named) -> Self {
        Field::Named(n)
    }
}

/// One field with one problem. Validation returns all of them at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// Trims an optional raw text: `None` when empty, an error when longer than `max`.
pub(crate) fn optional_text(
    raw: &str,
    field: Field,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let text = raw.trim();
    if text.is_empty() {
        None
    } else if text.chars().count() > max {
        errors.push(FieldError::new(field, Problem::TooLong { max }));
        None
    } else {
        Some(text.to_owned())
    }
}

/// Trims a raw text and checks it is present and not longer than `max` characters.
pub(crate) fn required_text(
    raw: &str,
    field: Field,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let text = raw.trim();
    if text.is_empty() {
        errors.push(FieldError::new(field, Problem::Missing));
        None
    } else if text.chars().count() > max {
        errors.push(FieldError::new(field, Problem::TooLong { max }));
        None
    } else {
        Some(text.to_owned())
    }
}

/// Form ids of every readiness question (0-14) and gate criterion (15-18), in
/// order (the readiness page's fields);
/// [`crate::domain::Field::ReadinessAnswer`] indexes this list.
pub static ANSWER_IDS: [&str; 19] = [
    "p1-1", "p1-2", "p1-3", "p2-1", "p2-2", "p2-3", "p3-1", "p3-2", "p3-3", "p4-1", "p4-2", "p4-3",
    "p5-1", "p5-2", "p5-3", "e-1", "e-2", "e-3", "e-4",
];

/// Form ids of the evidence fields, one per question, in order.
pub static EVIDENCE_IDS: [&str; 15] = [
    "p1-1-evidencia",
    "p1-2-evidencia",
    "p1-3-evidencia",
    "p2-1-evidencia",
    "p2-2-evidencia",
    "p2-3-evidencia",
    "p3-1-evidencia",
    "p3-2-evidencia",
    "p3-3-evidencia",
    "p4-1-evidencia",
    "p4-2-evidencia",
    "p4-3-evidencia",
    "p5-1-evidencia",
    "p5-2-evidencia",
    "p5-3-evidencia",
];
