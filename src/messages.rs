//! Every message shown to people about a failure, in Spanish (es-MX), in one place.
//!
//! Pure: the domain and persistence layers return typed errors; this module turns
//! them into plain-language sentences that say what to do (house style: "Escriba
//! el nombre del compromiso", never "Campo obligatorio").

use crate::domain::{format_date, Field, FieldError, JurisdictionKind, Problem};
use crate::labels::{member_name, ogp_value_object, thousands, Label};

pub mod articulation;
pub mod comments;
pub mod merge;
pub mod outputs;
pub mod practices;
pub mod quality;
pub mod record;
pub mod rounds;

/// The sentence shown in the error summary and next to the field.
pub fn field_error(e: &FieldError) -> String {
    use Field as F;
    use Problem as P;
    match (&e.problem, e.field) {
        (problem, F::Progress(p)) => rounds::field_error(p, problem),
        (P::Missing, F::JurisdictionKind) => "Seleccione el tipo de jurisdicción".into(),
        (P::Missing, F::State) => "Seleccione el estado".into(),
        (P::Missing, F::Municipality) => "Seleccione el municipio o la alcaldía".into(),
        (P::Missing, F::NationalCommitment) => {
            "Seleccione el compromiso nacional que su compromiso replica o complementa".into()
        }
        (P::Missing, F::NationalRelation) => {
            "Seleccione cómo se relaciona el compromiso con el plan nacional".into()
        }
        (P::Missing, F::SdgTargets) => "Seleccione al menos una meta de los ODS".into(),
        (P::Missing, F::ReadinessAnswer(i)) if usize::from(i) >= crate::domain::readiness::EVIDENCE_IDS.len() => format!(
            "Responda sí o no: «{}»",
            crate::domain::readiness::answer_text(i)
        ),
        (P::Missing, F::ReadinessEvidence(_)) => "Escriba la evidencia o deje el campo vacío".into(),
        (P::Missing, F::ReadinessAnswer(i)) => format!(
            "Elija una respuesta para «{}»",
            crate::domain::readiness::answer_text(i)
        ),
        (P::NotInCatalog, F::State) => "Seleccione un estado de la lista".into(),
        (P::NotInCatalog, F::Municipality) => {
            "Seleccione un municipio o una alcaldía de la lista".into()
        }
        (P::NotInCatalog, F::NationalCommitment) => {
            "Seleccione un compromiso de la lista del plan nacional".into()
        }
        (P::NotInCatalog, F::SdgTargets) => "Seleccione metas de los ODS de la lista".into(),
        (P::NotInCatalog, F::Named(crate::domain::Named::Members)) => {
            "Un integrante de la coalición no está en el catálogo del INEGI. Quítelo y elija uno de la lista".into()
        }
        (P::NotInCatalog, field) => format!("{} debe elegirse de la lista", subject(field)),
        (P::MunicipalityOfOtherState, _) => {
            "El municipio elegido no pertenece al estado seleccionado. Elija uno de la lista".into()
        }
        (P::KindDoesNotFitState, _) => {
            "La Ciudad de México se divide en alcaldías y los demás estados en municipios. Revise el tipo de jurisdicción o el estado".into()
        }
        (P::Missing, F::PlanName) => "Escriba el nombre del plan".into(),
        (P::Missing, F::PlanStart) => "Escriba la fecha de inicio del plan".into(),
        (P::Missing, F::PlanEnd) => "Escriba la fecha de término del plan".into(),
        (P::Missing, F::CommitmentName) => "Escriba el nombre del compromiso".into(),
        (P::Missing, F::CommitmentStart) => "Escriba la fecha de inicio del compromiso".into(),
        (P::Missing, F::CommitmentEnd) => "Escriba la fecha de término del compromiso".into(),
        (P::TooLong { max }, field) => format!(
            "{} debe tener {} caracteres o menos",
            subject(field),
            thousands(*max)
        ),
        (P::NotADate, F::Named(n)) if record::is_day_field(n) => record::not_a_day(n),
        (P::Recommended, field) => record::recommended(field),
        (P::NotADate, field) => format!(
            "{} debe escribirse como día/mes/año, mes/año o año, por ejemplo 31/08/2021, 08/2021, agosto de 2021 o 2021",
            subject(field)
        ),
        (P::ImpossibleDate, field) => format!(
            "{} debe ser una fecha que exista, por ejemplo 28/02/2021",
            subject(field)
        ),
        (P::EndNotAfterStart, _) => {
            "La fecha de término debe ser posterior a la fecha de inicio".into()
        }
        (P::OtherDateMissing, field) => format!(
            "Escriba {} también, o borre la otra fecha: un periodo necesita las dos",
            lower_first(subject(field))
        ),
        (P::InegiCodeShape { kind }, _) => match kind {
            JurisdictionKind::Estado => {
                "La clave INEGI de un estado tiene 2 dígitos, por ejemplo 09".into()
            }
            JurisdictionKind::Municipio | JurisdictionKind::Alcaldia => {
                "La clave INEGI de un municipio o alcaldía tiene 5 dígitos, por ejemplo 09015"
                    .into()
            }
            JurisdictionKind::Federacion => {
                "La federación no tiene clave INEGI. Deje la clave vacía".into()
            }
        },
        (P::AlreadyMember { code }, _) => format!(
            "{} ya es integrante de la coalición. Elija otro estado, municipio o alcaldía",
            crate::domain::Jurisdiction::from_catalog(code)
                .map_or_else(|| format!("La clave INEGI {code}"), |m| member_name(&m))
        ),
        (P::MemberNotAdded { code }, _) => format!(
            "Falta agregar {} a la coalición: pulse «Agregar a la coalición»",
            crate::domain::Jurisdiction::from_catalog(code)
                .map_or_else(|| format!("la clave INEGI {code}"), |m| member_name(&m))
        ),
        (P::TooFewMembers, _) => {
            "Una coalición tiene al menos dos integrantes. Agregue otro estado, municipio o alcaldía".into()
        }
        (P::InegiUnknownState, _) => {
            "La clave INEGI debe empezar con la clave de un estado, de 01 a 32".into()
        }
        (P::OutsidePlanPeriod { period }, field) => format!(
            "{} debe estar dentro del periodo del plan, {}",
            subject(field),
            period.from_to()
        ),
        (P::OutsideCommitment { period }, field) => format!(
            "{} debe estar dentro de las fechas del compromiso, {}",
            subject(field),
            period.from_to()
        ),
        (P::OutsideKeyAction { period }, field) => format!(
            "{} debe estar dentro de las fechas de la acción clave, {}",
            subject(field),
            period.from_to()
        ),
        (P::NotAnEmail, field) => format!(
            "{} debe escribirse como nombre@dominio.mx",
            subject(field)
        ),
        (P::NotAPhone, field) => format!(
            "{} debe tener 10 dígitos, por ejemplo 55 5004 2400; puede agregar +52 y la extensión",
            subject(field)
        ),
        (P::NotAUrl, field) => format!(
            "{} debe empezar con https:// o http://, por ejemplo https://www.ejemplo.gob.mx",
            subject(field)
        ),
        (P::NotAWholeNumber, field) => format!(
            "{} debe ser un número entero, sin decimales, por ejemplo 35",
            subject(field)
        ),
        (P::OutOfRange { min, max }, field) => format!(
            "{} debe ser un número entre {min} y {max}",
            subject(field)
        ),
        (P::NoCoreValue, _) => "Seleccione al menos uno de estos valores: transparencia, participación ciudadana o rendición de cuentas".into(),
        (P::UnknownChoice, field) => format!("{} debe elegirse de la lista", subject(field)),
        (P::NoInstitutionOrPerson, _) => "Escriba la institución o el nombre de la persona".into(),
        (P::NotAnOgpId, field) => format!(
            "{} debe tener letras y luego números, como lo publica OGP, por ejemplo MXROO0006 o MX0087",
            subject(field)
        ),
        (P::Missing, F::ValueReason(i)) => format!(
            "Escriba por qué el compromiso se relaciona con {}",
            crate::domain::commitment::OgpValue::ALL
                .get(usize::from(i))
                .map_or("este valor", |v| ogp_value_object(*v))
        ),
        (P::Missing, F::Phase(i, end)) => format!(
            "Escriba la fecha de {} de la fase «{}»",
            if end { "término" } else { "inicio" },
            crate::domain::roadmap::Phase::ALL
                .get(usize::from(i))
                .map_or("", |p| p.label())
        ),
        (P::Missing, F::Named(n)) => named(n).1.into(),
    }
}

/// The sentence shown next to the field itself. The same as in the summary,
/// except where the summary must name the question that the field's legend
/// already shows (the diagnostic's questions).
pub fn field_error_inline(e: &FieldError) -> String {
    match (&e.problem, e.field) {
        (Problem::Missing, Field::ReadinessAnswer(i))
            if usize::from(i) >= crate::domain::readiness::EVIDENCE_IDS.len() =>
        {
            "Elija sí o no".into()
        }
        (Problem::Missing, Field::ReadinessAnswer(_)) => "Elija una respuesta".into(),
        _ => field_error(e),
    }
}

/// The field named as the subject of a sentence ("La fecha de inicio del plan").
fn subject(field: Field) -> &'static str {
    match field {
        Field::JurisdictionKind => "El tipo de jurisdicción",
        Field::State => "El estado",
        Field::Municipality => "El municipio o alcaldía",
        Field::PlanName => "El nombre del plan",
        Field::PlanStart => "La fecha de inicio del plan",
        Field::PlanEnd => "La fecha de término del plan",
        Field::CommitmentName => "El nombre del compromiso",
        Field::CommitmentStart => "La fecha de inicio del compromiso",
        Field::CommitmentEnd => "La fecha de término del compromiso",
        Field::NationalRelation => "La relación con el plan nacional",
        Field::NationalCommitment => "El compromiso nacional",
        Field::SdgTargets => "Las metas de los ODS",
        Field::ReadinessAnswer(_) => "La respuesta",
        Field::ReadinessEvidence(_) => "La evidencia",
        Field::ValueReason(_) => "La razón",
        Field::Phase(_, false) => "La fecha de inicio de la fase",
        Field::Phase(_, true) => "La fecha de término de la fase",
        Field::Named(n) => named(n).0,
        // Worded whole by `rounds::field_error`.
        Field::Progress(_) => "La respuesta",
    }
}

/// A named field as the subject of a sentence, and what to do when it is empty.
fn named(n: crate::domain::Named) -> (&'static str, &'static str) {
    use crate::domain::Named as N;
    match n {
        N::RecordBodyName
        | N::RecordBodyMembers
        | N::RecordBodySchedule
        | N::PlanLength
        | N::RefreshDue
        | N::RefreshDate
        | N::RefreshChanges
        | N::EndCompletion
        | N::EarlyTransparencia
        | N::EarlyParticipacion
        | N::EarlyRendicion
        | N::EarlyTecnologia
        | N::EarlyInclusion
        | N::EndEvidence
        | N::EndExplanation
        | N::AmendmentDate
        | N::AmendmentCommitment
        | N::AmendmentWhat
        | N::AmendmentWhy => record::named(n),
        N::TermEnd => (
            "La fecha en que termina la administración",
            "Escriba la fecha en que termina la administración",
        ),
        N::Members => (
            "La lista de integrantes de la coalición",
            "Seleccione los estados, municipios o alcaldías de la coalición y agréguelos a la lista",
        ),
        N::Lead => (
            "La jurisdicción líder",
            "Seleccione qué integrante lidera la coalición",
        ),
        N::MemberKind => (
            "El tipo de integrante",
            "Seleccione si el integrante es un estado, un municipio o una alcaldía",
        ),
        N::MemberState => (
            "El estado del integrante",
            "Seleccione el estado del integrante",
        ),
        N::MemberMunicipality => (
            "El municipio o alcaldía del integrante",
            "Seleccione el municipio o la alcaldía del integrante",
        ),
        N::CoordinatingOffice => (
            "La oficina coordinadora",
            "Escriba el nombre de la oficina que coordina el plan",
        ),
        N::PersonName => ("El nombre de la persona", "Escriba el nombre de la persona"),
        N::PersonPosition => ("El cargo", "Escriba el cargo de la persona"),
        N::PersonInstitution => (
            "La institución u organización",
            "Escriba la institución u organización",
        ),
        N::PersonEmail => ("El correo electrónico", "Escriba el correo electrónico"),
        N::PersonPhone => ("El teléfono", "Escriba el teléfono"),
        N::DevelopmentPlan => (
            "El plan de desarrollo vigente",
            "Escriba el nombre del plan de desarrollo vigente",
        ),
        N::PndEdition => (
            "La edición del Plan Nacional de Desarrollo",
            "Seleccione la edición del Plan Nacional de Desarrollo",
        ),
        N::LegalFramework => ("El marco jurídico", "Escriba el marco jurídico aplicable"),
        N::Guarantor => (
            "La autoridad garante",
            "Escriba cuál es la autoridad garante local",
        ),
        N::PoliticalKind => (
            "El tipo de documento",
            "Seleccione el tipo de documento del compromiso político",
        ),
        N::Signatories => (
            "La lista de firmantes",
            "Escriba quién firmó el compromiso, una persona o institución por línea",
        ),
        N::PoliticalDate => ("La fecha de firma", "Escriba la fecha en que se firmó"),
        N::DocumentUrl => ("La liga al documento", "Escriba la liga al documento"),
        N::BodyKind => (
            "El tipo de espacio de coordinación",
            "Seleccione el tipo de espacio de coordinación",
        ),
        N::BodyKindOther => (
            "El tipo de espacio",
            "Escriba qué tipo de espacio de coordinación es",
        ),
        N::BodyName => (
            "El nombre del espacio de coordinación",
            "Escriba el nombre del espacio de coordinación",
        ),
        N::SelectionMethod => (
            "La forma de selección",
            "Escriba cómo se eligió a las personas no gubernamentales",
        ),
        N::RulesUrl => (
            "La liga a las reglas de participación",
            "Escriba la liga a las reglas de participación",
        ),
        N::Cadence => (
            "La frecuencia de las sesiones",
            "Seleccione cada cuánto sesiona el espacio",
        ),
        N::InstallationDate => ("La fecha de instalación", "Escriba la fecha de instalación"),
        N::InstallationUrl => (
            "La liga al acta de instalación",
            "Escriba la liga al acta de instalación",
        ),
        N::MonitoringBody => (
            "El órgano de seguimiento",
            "Escriba el órgano de seguimiento",
        ),
        N::Sector => ("El sector", "Seleccione el sector"),
        N::Branch => ("El poder o ámbito", "Seleccione el poder o ámbito"),
        N::TeamRole => (
            "El papel en el compromiso",
            "Seleccione el papel en el compromiso",
        ),
        N::Role => (
            "El papel en el espacio",
            "Escriba el papel de la persona en el espacio",
        ),
        N::OrgName => (
            "El nombre de la organización",
            "Escriba el nombre de la organización",
        ),
        N::OrgThemes => (
            "Los temas",
            "Escriba los temas en que trabaja la organización",
        ),
        N::OrgGroups => (
            "Los grupos prioritarios",
            "Escriba los grupos prioritarios con que trabaja",
        ),
        N::Channels => (
            "Los canales de participación",
            "Seleccione los canales de participación",
        ),
        N::InclusionGroups => (
            "Los grupos de la estrategia de inclusión",
            "Seleccione los grupos de la estrategia de inclusión",
        ),
        N::InclusionStrategy => (
            "La estrategia de inclusión",
            "Describa la estrategia de inclusión",
        ),
        N::SiteUrl => ("La liga al sitio web", "Escriba la liga al sitio web"),
        N::RepositoryUrl => (
            "La liga al repositorio de documentos",
            "Escriba la liga al repositorio de documentos",
        ),
        N::RoadmapPublished => (
            "La fecha de publicación de la hoja de ruta",
            "Escriba la fecha en que se publicó la hoja de ruta",
        ),
        N::ProblemStatement => ("El enunciado del problema", "Escriba el problema público"),
        N::AffectedPopulation => (
            "La población afectada",
            "Escriba a quién afecta el problema",
        ),
        N::Baseline => ("La línea base", "Escriba el dato de línea base"),
        N::BaselineSource => ("La fuente de la línea base", "Escriba la fuente del dato"),
        N::Causes => ("Las causas", "Escriba las causas del problema"),
        N::InputOrigin => (
            "El origen del insumo",
            "Seleccione de dónde surgió el problema",
        ),
        N::Priority => ("La prioridad", "Seleccione la prioridad del problema"),
        N::ShortObjective => (
            "El objetivo a corto plazo",
            "Escriba el objetivo a corto plazo",
        ),
        N::MediumObjective => (
            "El objetivo a mediano plazo",
            "Escriba el objetivo a mediano plazo",
        ),
        N::LinkedProblem => (
            "El problema público",
            "Seleccione el problema público que atiende",
        ),
        N::ProblemText => (
            "La problemática",
            "Escriba cuál es la problemática que el compromiso aborda",
        ),
        N::HowItHelps => (
            "Cómo contribuirá",
            "Escriba cómo contribuirá el compromiso a resolver la problemática",
        ),
        N::Assumptions => ("Los supuestos", "Escriba los supuestos del compromiso"),
        N::Verification => (
            "La forma de verificar el cumplimiento",
            "Escriba cómo se verificará el cumplimiento del compromiso",
        ),
        N::OtherActors => ("Los otros actores", "Escriba otros actores involucrados"),
        N::Summary => ("El resumen ejecutivo", "Escriba el resumen ejecutivo"),
        N::AdditionalInfo => (
            "La información adicional",
            "Escriba la información adicional",
        ),
        N::OgpValues => (
            "Los valores de la AGA",
            "Seleccione al menos un valor de la Alianza para el Gobierno Abierto",
        ),
        N::PndAxis => (
            "El eje del Plan Nacional de Desarrollo",
            "Seleccione el eje del Plan Nacional de Desarrollo",
        ),
        N::PndAxisOther => (
            "El eje o sección del PND",
            "Escriba el eje o la sección del Plan Nacional de Desarrollo",
        ),
        N::LocalAxis => (
            "El eje del plan estatal o municipal",
            "Escriba el eje del plan estatal o municipal",
        ),
        N::Gender => (
            "La perspectiva de género",
            "Describa la perspectiva de igualdad de género",
        ),
        N::KeyActionName => (
            "El nombre de la acción clave",
            "Escriba el nombre de la acción clave",
        ),
        N::KeyActionObjective => (
            "La descripción u objetivo",
            "Escriba la descripción u objetivo de la acción clave",
        ),
        N::Weight => (
            "La ponderación",
            "Escriba la ponderación de la acción clave, de 1 a 100",
        ),
        N::IndicatorName => ("El nombre del indicador", "Escriba el nombre del indicador"),
        N::IndicatorKind => ("El tipo de indicador", "Seleccione el tipo de indicador"),
        N::IndicatorUnit => ("La unidad de medida", "Escriba la unidad de medida"),
        N::IndicatorBaseline => (
            "La línea base del indicador",
            "Escriba la línea base del indicador",
        ),
        N::IndicatorTarget => ("La meta del indicador", "Escriba la meta del indicador"),
        N::IndicatorFrequency => (
            "La frecuencia de medición",
            "Seleccione la frecuencia de medición",
        ),
        N::KeyActionVerification => (
            "El medio de verificación",
            "Escriba el medio de verificación de la acción clave",
        ),
        N::KeyActionStart => (
            "La fecha de inicio de la acción clave",
            "Escriba la fecha de inicio de la acción clave",
        ),
        N::KeyActionEnd => (
            "La fecha de término de la acción clave",
            "Escriba la fecha de término de la acción clave",
        ),
        N::Progress => ("El avance", "Escriba el avance, de 0 a 100"),
        N::ActivityName => ("La actividad", "Escriba la actividad"),
        N::ActivityObjective => (
            "La descripción u objetivo de la actividad",
            "Escriba la descripción u objetivo de la actividad",
        ),
        N::ActivityVerification => (
            "El medio de verificación de la actividad",
            "Escriba el medio de verificación de la actividad",
        ),
        N::ActivityStart => (
            "La fecha de inicio de la actividad",
            "Escriba la fecha de inicio de la actividad",
        ),
        N::ActivityEnd => (
            "La fecha de término de la actividad",
            "Escriba la fecha de término de la actividad",
        ),
        N::ReportFrequency => (
            "La frecuencia de los reportes",
            "Seleccione cada cuánto se reportará el avance",
        ),
        N::DashboardUrl => (
            "La liga al tablero público",
            "Escriba la liga al tablero público",
        ),
        N::MonitoringRepoUrl => (
            "La liga al repositorio de evidencias",
            "Escriba la liga al repositorio de evidencias",
        ),
        N::FollowUpMeetings => (
            "Las reuniones de seguimiento",
            "Describa las reuniones de seguimiento con la sociedad civil",
        ),
        N::ProgressUpdater => (
            "Quién actualiza el avance",
            "Escriba quién actualiza el avance",
        ),
        N::ResponseInput => ("La propuesta", "Escriba la propuesta o comentario recibido"),
        N::ResponseSource => (
            "El origen de la propuesta",
            "Escriba de dónde vino la propuesta",
        ),
        N::Decision => (
            "La decisión",
            "Seleccione qué se decidió sobre la propuesta",
        ),
        N::ResponseCommitment => (
            "El compromiso",
            "Seleccione el compromiso al que se incorporó la propuesta",
        ),
        N::Reason => ("La razón", "Escriba la razón de la decisión"),
        N::ResponsePartly => ("Si se aceptó en parte", "Seleccione si se aceptó en parte"),
        N::ResponseComment => ("La observación", "Elija la observación que se contesta"),
        N::DraftName => ("El nombre del borrador", "Escriba el nombre del borrador"),
        N::OgpProgram => ("El programa de OGP", "Seleccione el programa de OGP"),
        N::OgpPlanNumber => ("El número del plan", "Escriba el número del plan"),
        N::OgpPlanNameEn => (
            "El nombre del plan en inglés",
            "Escriba el nombre del plan en inglés",
        ),
        N::OgpPlanUrl => (
            "La liga a la página del plan en OGP",
            "Escriba la liga a la página del plan en OGP",
        ),
        N::StrategicVision => ("La visión estratégica", "Escriba la visión estratégica"),
        N::OtherPeriodStart => (
            "La fecha de inicio según la otra fuente",
            "Escriba la fecha de inicio según la otra fuente",
        ),
        N::OtherPeriodEnd => (
            "La fecha de término según la otra fuente",
            "Escriba la fecha de término según la otra fuente",
        ),
        N::OtherPeriodSource => (
            "La otra fuente",
            "Escriba qué fuente publica estas fechas",
        ),
        N::LeadInstitutions => (
            "La lista de instituciones líderes",
            "Escriba las instituciones líderes, una por línea",
        ),
        N::OgpMonitoringName => (
            "El nombre del órgano de monitoreo",
            "Escriba el nombre del órgano de monitoreo",
        ),
        N::Evaluators => (
            "La lista de personas evaluadoras",
            "Escriba las personas evaluadoras, una por línea",
        ),
        N::SessionDate => ("La fecha de la sesión", "Escriba la fecha de la sesión"),
        N::SessionMinutesUrl => (
            "La liga al acta de la sesión",
            "Escriba la liga al acta de la sesión",
        ),
        N::SessionNote => ("La nota de la sesión", "Escriba de qué trató la sesión"),
        N::EventName => ("El nombre del evento", "Escriba el nombre del evento"),
        N::EventDate => (
            "La fecha del evento",
            "Escriba la fecha del evento o la de su inicio",
        ),
        N::EventEnd => (
            "La fecha de término del evento",
            "Escriba la fecha de término del evento",
        ),
        N::EventSource => ("La fuente del evento", "Escriba dónde se publicó el evento"),
        N::OgpId => (
            "El identificador del compromiso en OGP",
            "Escriba el identificador del compromiso en OGP",
        ),
        N::TitleEs => ("El título en español", "Escriba el título en español"),
        N::TitleEn => ("El título en inglés", "Escriba el título en inglés"),
        N::OgpCommitmentUrl => (
            "La liga a la página del compromiso en OGP",
            "Escriba la liga a la página del compromiso en OGP",
        ),
        N::Verifiable => (
            "La respuesta sobre si es verificable",
            "Elija si es verificable",
        ),
        N::Relevant => (
            "La respuesta sobre si es relevante",
            "Elija si es relevante para los valores de OGP",
        ),
        N::PublishedValues => (
            "Los valores de OGP",
            "Seleccione los valores de OGP que se publicaron",
        ),
        N::Potential => (
            "El potencial de resultados",
            "Elija el potencial de resultados",
        ),
        N::Practice => (
            "La respuesta sobre si es nuevo o continuo",
            "Elija si el compromiso es nuevo o continuo",
        ),
        N::Binding => (
            "La respuesta sobre si es vinculante",
            "Elija si es vinculante",
        ),
        N::Completion => ("El cumplimiento", "Elija el nivel de cumplimiento"),
        N::OgpNote => ("La nota", "Escriba la nota"),
        N::ChallengeArea => (
            "El área del Open Gov Challenge",
            "Seleccione el área del Open Gov Challenge",
        ),
        N::PolicyArea => ("El área de política", "Escriba el área de política"),
        N::CommitmentSector => ("El sector", "Escriba el sector"),
        N::OwnPractice => (
            "Si es una práctica nueva o continua",
            "Seleccione si es una práctica nueva o continua",
        ),
        N::OwnBinding => (
            "Si el cambio es vinculante o institucional",
            "Seleccione si el cambio es vinculante o institucional",
        ),
        N::Nominate => (
            "La postulación al Open Gov Challenge",
            "Elija si postula el compromiso al Open Gov Challenge",
        ),
    }
}

/// Why a file or a stored draft could not be opened, and what to do.
pub fn decode_error(e: &crate::persistence::DecodeError) -> String {
    use crate::persistence::DecodeError as D;
    match e {
        D::Empty => "El archivo está vacío. Elija el archivo .json que descargó con «Descargar borrador (JSON)».".into(),
        D::TooLarge { bytes, max } => format!(
            "El archivo pesa {} KB y el máximo es {} KB. Elija un borrador descargado de esta herramienta.",
            thousands(bytes / 1024),
            thousands(max / 1024)
        ),
        D::PdfWithoutDraft => "Este PDF no contiene un borrador de esta herramienta: lo hizo otro programa, o está dañado o protegido con contraseña. Elija un PDF que descargó con «Exportar PDF» en esta herramienta, o el archivo .json que descargó con «Descargar borrador (JSON)».".into(),
        D::NotJson { line, column } => format!(
            "El archivo no es un borrador de esta herramienta: su texto está dañado o no es JSON (línea {line}, columna {column}). Elija el archivo .json que descargó con «Descargar borrador (JSON)»."
        ),
        D::NotADraft => "El archivo es JSON, pero no es un borrador de esta herramienta. Elija el archivo .json que descargó con «Descargar borrador (JSON)».".into(),
        D::FromNewerVersion { found } => format!(
            "El borrador se hizo con una versión más reciente de esta herramienta (formato {found}). Actualice la página e intente de nuevo."
        ),
        D::UnknownVersion { found } => format!(
            "El borrador tiene un formato desconocido ({found}). Elija un borrador descargado de esta herramienta."
        ),
        D::Invalid { path, .. } => format!(
            "El borrador tiene un dato que no se puede leer en «{}». Revise el archivo o elija otro borrador.",
            field_path(path)
        ),
        D::WeightOutOfRange { commitment, key_action } => format!(
            "En el borrador, la ponderación de la acción clave {key_action} del compromiso {commitment} no es un número entero de 1 a 100. Corrija ese número en el archivo o elija otro borrador."
        ),
        D::Jurisdictions(why) => format!(
            "En el borrador, {}. Corrija el archivo o elija otro borrador.",
            jurisdictions_problem(why)
        ),
        D::MissingPiece { commitment } => format!(
            "Falta en este navegador la parte del borrador que guarda su compromiso {commitment}: el almacenamiento del navegador se borró en parte. La copia aparte tiene todo lo demás; descárguela y ábrala con «Abrir un borrador». Si tiene un PDF o un archivo .json de este plan, también puede abrirlo."
        ),
    }
}

/// What is wrong with the list of jurisdictions of a draft, as a clause.
fn jurisdictions_problem(why: &crate::domain::JurisdictionsError) -> String {
    use crate::domain::JurisdictionsError as J;
    match why {
        J::Empty => "el plan no dice qué jurisdicción lo elabora".into(),
        J::FederationNotAlone => {
            "la federación aparece junto con otras jurisdicciones; un plan nacional lo elabora la federación sola".into()
        }
        J::FederationWithCode { position } => format!(
            "la jurisdicción {position} es la federación y tiene una clave INEGI; la federación no tiene clave"
        ),
        J::CodeShape { position } => format!(
            "la clave INEGI de la jurisdicción {position} falta o no corresponde a su tipo (2 dígitos para un estado, 5 para un municipio o alcaldía)"
        ),
        J::Duplicate { position, first } => format!(
            "la jurisdicción {position} repite a la jurisdicción {first}; cada integrante de una coalición aparece una sola vez"
        ),
        J::NoLead => "ninguna jurisdicción está marcada como líder; marque una".into(),
        J::SeveralLeads { count } => format!(
            "{count} jurisdicciones están marcadas como líder; solo una puede serlo"
        ),
    }
}

/// Names a JSON path of the plan in Spanish, as far as it is known.
fn field_path(path: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("plan.profile.period", "periodo del plan"),
        ("plan.profile.plan_name", "nombre del plan"),
        (
            "plan.profile.jurisdictions",
            "jurisdicciones que elaboran el plan",
        ),
        ("plan.profile", "perfil de la jurisdicción"),
        ("plan.commitments", "compromisos"),
        (
            "plan.coordination.members",
            "integrantes del espacio de coordinación",
        ),
        ("plan.coordination", "espacio de coordinación"),
        ("plan.office", "oficina coordinadora y contacto"),
        ("plan.national_plan", "lista del plan nacional"),
        ("saved_at", "fecha de guardado"),
        ("plan", "plan"),
    ];
    NAMES
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map_or_else(|| path.to_owned(), |(_, name)| (*name).to_owned())
}

/// Why a chosen file could not be used as the national commitment list.
pub fn national_list_error(e: &crate::domain::national_list::ListError) -> String {
    use crate::domain::national_list::{ListError as L, MAX_ENTRIES, MAX_ID, MAX_TITLE};
    const SHAPE: &str = "Use un archivo CSV con las columnas «id» y «titulo» (y, si quiere, «instituciones»), o un archivo JSON con la misma información.";
    match e {
        L::Empty => format!("El archivo está vacío. {SHAPE}"),
        L::Unreadable => format!("No se pudo leer el archivo como JSON ni como CSV. {SHAPE}"),
        L::MissingColumns => format!("El archivo no tiene las columnas «id» y «titulo». {SHAPE}"),
        L::NoEntries => "El archivo no tiene compromisos. Agregue al menos uno.".into(),
        L::TooMany { count } => format!(
            "El archivo tiene {} compromisos y el máximo es {}. Revise que sea la lista del plan nacional.",
            thousands(*count),
            MAX_ENTRIES
        ),
        L::MissingValue { row } => format!("Al compromiso {row} del archivo le falta el id o el título. Complételo y vuelva a elegir el archivo."),
        L::TooLong { row } => format!(
            "El compromiso {row} del archivo tiene un id de más de {MAX_ID} caracteres o un título de más de {MAX_TITLE}. Revise el archivo."
        ),
        L::DuplicateId { id } => format!("El id «{id}» aparece más de una vez. Cada compromiso necesita un id distinto."),
    }
}

/// The browser could not read a chosen file.
pub const FILE_UNREADABLE: &str =
    "El navegador no pudo leer el archivo. Intente de nuevo o elija otro archivo.";

/// Why a change to the drafts in this browser could not be made.
pub fn storage_error(e: &crate::persistence::drafts::StorageError) -> String {
    use crate::persistence::drafts::StorageError as S;
    match e {
        S::QuotaExceeded => "El almacenamiento de este navegador está lleno. Descargue y elimine los borradores que ya no necesite, y vuelva a intentarlo.".into(),
        S::Unavailable => "Este navegador no permite guardar datos. Descargue su borrador para no perderlo.".into(),
        S::NotVerified | S::Other(_) => "El navegador no pudo guardar el cambio. Vuelva a intentarlo y, si no funciona, descargue su borrador.".into(),
    }
}

/// Why an action on one of "Mis borradores" could not be done.
pub fn draft_error(e: &crate::persistence::drafts::DraftError) -> String {
    use crate::persistence::drafts::DraftError as D;
    match e {
        D::Storage(s) => storage_error(s),
        D::Missing(_) => {
            "Este borrador ya no está guardado en este navegador. Quizá se eliminó en otra pestaña."
                .into()
        }
        D::Unreadable(_) => {
            "No se pudo leer este borrador. Ábralo para ver qué pasó y descargar la copia dañada."
                .into()
        }
    }
}

/// The open draft could not be saved, so it was not closed.
pub const OPEN_DRAFT_NOT_SAVED: &str = "No se pudieron guardar los últimos cambios del borrador que tiene abierto, así que sigue abierto. Descárguelo o atienda el aviso de arriba, y vuelva a intentarlo.";

/// Another tab saved the open draft: the person chooses first.
pub const CONFLICT_FIRST: &str = "El borrador que tiene abierto cambió en otra pestaña. Elija primero qué versión conservar, en el aviso de arriba.";

/// Why an export from the app did not end in a download; [`export_failure`]
/// says each in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFailure {
    /// The worker (its script or its WebAssembly) could not be loaded or started.
    WorkerUnavailable,
    /// The worker started but could not produce the PDF.
    Generation,
    /// The browser refused the download.
    DownloadBlocked,
}

/// Why an export did not end in a download, and what to do.
pub fn export_failure(e: ExportFailure) -> &'static str {
    use ExportFailure as F;
    match e {
        F::WorkerUnavailable => "No se pudo cargar la parte de la herramienta que crea el PDF. Revise su conexión a internet y vuelva a intentarlo. Mientras tanto, descargue su borrador (JSON) para no perder nada.",
        F::Generation => "No se pudo crear el PDF. Descargue su borrador (JSON) para no perder nada y vuelva a intentarlo.",
        F::DownloadBlocked => "El navegador no permitió descargar el PDF. Intente de nuevo o use otro navegador.",
    }
}

/// Why the PDF of a document a page built itself (the changes, the national
/// articulation report) was not made: the open draft is not involved, so
/// unlike [`export_failure`] it asks for no JSON download.
pub fn document_export_failure(e: ExportFailure) -> &'static str {
    use ExportFailure as F;
    match e {
        F::WorkerUnavailable => "No se pudo cargar la parte de la herramienta que crea el PDF. Revise su conexión a internet y vuelva a intentarlo.",
        F::Generation => "No se pudo crear el PDF. Vuelva a intentarlo.",
        F::DownloadBlocked => "El navegador no permitió descargar el PDF. Intente de nuevo o use otro navegador.",
    }
}

/// Shown while an export takes longer than half a second.
pub const EXPORT_IN_PROGRESS: &str = "Preparando el PDF…";

/// What the coordination body lacks of OGP's minimum requirements, and the
/// link text that leads to the fix.
pub fn coordination_gap(
    gap: crate::domain::coordination::CoordinationGap,
) -> (&'static str, &'static str) {
    use crate::domain::coordination::CoordinationGap as G;
    match gap {
        G::NoGovernmentMember => (
            "Falta al menos una institución integrante del gobierno (con sector «Gobierno»).",
            "Agregue una institución del gobierno",
        ),
        G::NoNonGovernmentMember => (
            "Falta al menos una organización o persona integrante que no sea del gobierno (sociedad civil, academia, sector privado o ciudadanía).",
            "Agregue una organización de fuera del gobierno",
        ),
        G::MeetsTooRarely => (
            "El espacio debe sesionar al menos cada seis meses.",
            "Cambie la frecuencia de las sesiones",
        ),
        G::NoPublicRules => (
            "Las reglas de participación deben ser públicas.",
            "Escriba la liga a las reglas",
        ),
    }
}

/// What the roadmap lacks, and the link text that leads to the fix.
pub fn roadmap_gap(
    gap: crate::domain::roadmap::RoadmapGap,
    roadmap: &crate::domain::roadmap::Roadmap,
) -> (String, &'static str) {
    use crate::domain::roadmap::RoadmapGap as G;
    match gap {
        G::NoPhases => (
            "Todavía no tiene fechas para ninguna fase.".to_owned(),
            "Escriba las fechas de las fases",
        ),
        G::NotPublishedBeforeCocreation => {
            let start = roadmap.cocreation_start().map(format_date);
            match (roadmap.published_on, start) {
                (Some(published), Some(start)) => (
                    format!(
                        "Se publicó el {}, después de que empezó la cocreación el {start}. La Alianza pide publicarla antes.",
                        format_date(published)
                    ),
                    "Revise la fecha de publicación",
                ),
                (None, Some(start)) => (
                    format!("Falta la fecha de publicación. La Alianza pide publicar la hoja de ruta antes de que empiece la cocreación, el {start}."),
                    "Escriba la fecha de publicación",
                ),
                _ => (
                    "Falta la fecha de publicación. La Alianza pide publicar la hoja de ruta antes de que empiece la cocreación.".to_owned(),
                    "Escriba la fecha de publicación",
                ),
            }
        }
    }
}

/// Something in a commitment that must be fixed, as the ficha's overview says it.
pub fn commitment_issue(issue: &crate::domain::plan::CommitmentIssue) -> String {
    use crate::domain::plan::CommitmentIssue as I;
    match issue {
        I::OutsidePlan => "Las fechas del compromiso quedan fuera del periodo del plan. Cámbielas en «Nombre y fechas».".to_owned(),
        I::KeyActionsOutside(ks) => format!("{} acción(es) clave tienen fechas fuera de las del compromiso.", ks.len()),
        I::ActivitiesOutside(a) => format!("{} actividad(es) tienen fechas fuera de las de su acción clave.", a.len()),
        I::WeightsDoNotAddUp { total } => {
            weight_status(crate::domain::key_action::WeightStatus::from_total(*total))
                .unwrap_or_default()
        }
    }
}

/// The short save status in the header when the last save failed.
pub const SAVE_FAILED: &str = "No se pudo guardar el borrador";

/// The banner when the browser's storage is full.
pub const STORAGE_FULL: &str = "El almacenamiento de este navegador está lleno y los últimos cambios no se guardaron. Descargue su borrador para no perderlo.";

/// The banner when a save failed for another reason.
pub const STORAGE_FAILED: &str = "No se pudieron guardar los últimos cambios en este navegador. Descargue su borrador para no perderlo.";

/// The banner's title when the stored draft cannot be read.
pub const STORED_DRAFT_UNREADABLE: &str = "No se pudo leer el borrador guardado en este navegador";

/// A national list file over its size limit.
pub const NATIONAL_LIST_TOO_LARGE: &str = "El archivo pesa más de 1 MB. Una lista de compromisos nacionales pesa unos pocos KB: revise que sea el archivo correcto.";

/// How a commitment's key-action weights add up, in the one wording every page
/// uses: "Las ponderaciones suman 95 %. Deben sumar 100 %: faltan 5 puntos.";
/// `None` without key actions.
pub fn weight_status(status: crate::domain::key_action::WeightStatus) -> Option<String> {
    use crate::domain::key_action::WeightStatus as W;
    match status {
        W::NoKeyActions => None,
        W::AddUp => Some("Las ponderaciones suman 100 %.".to_owned()),
        W::Short { total } => Some(format!(
            "Las ponderaciones suman {total} %. Deben sumar 100 %: {}.",
            points(100 - total, "falta", "faltan")
        )),
        W::Over { total } => Some(format!(
            "Las ponderaciones suman {total} %. Deben sumar 100 %: {}.",
            points(total - 100, "sobra", "sobran")
        )),
        W::Unweighted {
            total,
            unweighted: 1,
        } => Some(format!(
            "Una acción clave no tiene ponderación todavía; las demás suman {total} %. Entre todas deben sumar 100 %."
        )),
        W::Unweighted { total, unweighted } => Some(format!(
            "{unweighted} acciones clave no tienen ponderación todavía; las demás suman {total} %. Entre todas deben sumar 100 %."
        )),
    }
}

/// The button that makes the weights add up to 100 ("Repartir los 5 puntos
/// que faltan"); `None` when they already do or there are none.
pub fn spread_weights_action(status: crate::domain::key_action::WeightStatus) -> Option<String> {
    use crate::domain::key_action::WeightStatus as W;
    match status {
        W::NoKeyActions | W::AddUp => None,
        W::Short { total: 99 } => Some("Repartir el punto que falta".to_owned()),
        W::Short { total } => Some(format!("Repartir los {} puntos que faltan", 100 - total)),
        W::Over { total: 101 } => Some("Quitar el punto que sobra".to_owned()),
        W::Over { total } => Some(format!("Quitar los {} puntos que sobran", total - 100)),
        W::Unweighted { total, .. } => Some(format!(
            "Repartir los {} puntos que faltan entre las acciones sin ponderación",
            100u32.saturating_sub(total)
        )),
    }
}

/// "faltan 5 puntos", "falta 1 punto".
fn points(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{one} 1 punto")
    } else {
        format!("{many} {n} puntos")
    }
}
/// Title of the notice on a draft made by a newer version of the tool (on
/// «Abrir un borrador» and on the task list).
pub const NEWER_VERSION_TITLE: &str =
    "Este borrador se hizo con una versión más reciente de la herramienta";

/// What that means for the person, and what to do.
pub const NEWER_VERSION: &str = "Esta versión no conoce algunos de sus datos. Los conserva sin cambios cada vez que se guarda el borrador, pero no puede mostrarlos ni editarlos. Le recomendamos continuar el borrador en la versión más reciente de la herramienta.";

/// "La fecha de término" → "la fecha de término".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// One thing a commitment still needs, as the ficha overview lists it:
/// "El nombre del compromiso", "Acción clave 2: la ponderación".
pub fn pending_item(
    c: &crate::domain::Commitment,
    item: &crate::domain::pending::Pending,
) -> String {
    use crate::domain::pending::Pending as P;
    let what = |e: &FieldError| match e.problem {
        Problem::Missing => subject(e.field).to_owned(),
        _ => field_error(e),
    };
    let key_action_number = |k| {
        c.key_actions
            .iter()
            .position(|x| x.id == k)
            .map_or(0, |i| i + 1)
    };
    match item {
        P::Field(e) => what(e),
        P::Nothing => "Todavía no hay nada guardado en esta parte".to_owned(),
        P::KeyAction(k, e) => format!(
            "Acción clave {}: {}",
            key_action_number(*k),
            lower_first(&what(e))
        ),
        P::Activity(k, a, e) => {
            let activity = c
                .key_action(*k)
                .and_then(|ka| ka.activities.iter().position(|x| x.id == *a))
                .map_or(0, |i| i + 1);
            format!(
                "Actividad {}.{activity}: {}",
                key_action_number(*k),
                lower_first(&what(e))
            )
        }
        P::Weights(status) => weight_status(*status).unwrap_or_default(),
    }
}

/// "Compromiso 2 (Presupuesto abierto): faltan 4 datos".
pub fn commitment_pending(n: usize, c: &crate::domain::Commitment, count: usize) -> String {
    // A long published title is cut, so each line stays one line on a phone.
    let full = crate::labels::name_or_unnamed(&c.name);
    let name = match full.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", full[..at].trim_end()),
        None => full.to_owned(),
    };
    match count {
        1 => format!("Compromiso {n} ({name}): falta 1 dato"),
        _ => format!("Compromiso {n} ({name}): faltan {count} datos"),
    }
}

/// The methodology's advice on how a problem is written, in plain words.
pub fn problem_advice(a: crate::domain::problem::ProblemAdvice) -> &'static str {
    match a {
        crate::domain::problem::ProblemAdvice::PhrasedAsMissingSolution => "Está escrito como una solución que falta («falta de…», «no hay…»). Describa la situación que afecta a las personas: en lugar de «Falta de un portal de trámites», escriba por ejemplo «Las personas tardan 30 días en obtener una licencia de funcionamiento».",
        crate::domain::problem::ProblemAdvice::NoCause => "No tiene causas. Escriba por qué ocurre: ayuda a elegir compromisos que lo atiendan de raíz.",
        crate::domain::problem::ProblemAdvice::NoBaseline => "No tiene línea base. Agregue un dato de la situación actual y su fuente, para medir después si mejoró.",
    }
}
