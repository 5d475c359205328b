//! Every message shown to people about a failure, in Spanish (es-MX), in one place.
//!
//! Pure: the domain and persistence layers return typed errors; this module turns
//! them into plain-language sentences that say what to do (house style: "Escriba
//! el nombre del compromiso", never "Campo obligatorio").

use crate::domain::{format_date, Field, FieldError, JurisdictionKind, Problem};

/// The sentence shown in the error summary and next to the field.
pub fn field_error(e: &FieldError) -> String {
    use Field as F;
    use Problem as P;
    match (&e.problem, e.field) {
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
        (P::NotADate, field) => format!(
            "{} debe escribirse como día/mes/año, por ejemplo 31/08/2021",
            subject(field)
        ),
        (P::ImpossibleDate, field) => format!(
            "{} debe ser una fecha que exista, por ejemplo 28/02/2021",
            subject(field)
        ),
        (P::EndNotAfterStart, _) => {
            "La fecha de término debe ser posterior a la fecha de inicio".into()
        }
        (P::InegiCodeShape { kind }, _) => match kind {
            JurisdictionKind::Estado => {
                "La clave INEGI de un estado tiene 2 dígitos, por ejemplo 09".into()
            }
            JurisdictionKind::Municipio | JurisdictionKind::Alcaldia => {
                "La clave INEGI de un municipio o alcaldía tiene 5 dígitos, por ejemplo 09015"
                    .into()
            }
        },
        (P::InegiUnknownState, _) => {
            "La clave INEGI debe empezar con la clave de un estado, de 01 a 32".into()
        }
        (P::OutsidePlanPeriod { period }, field) => format!(
            "{} debe estar dentro del periodo del plan, del {} al {}",
            subject(field),
            format_date(period.start()),
            format_date(period.end())
        ),
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
    }
}

/// Spanish-language label for a kind of jurisdiction.
pub fn jurisdiction_kind(kind: JurisdictionKind) -> &'static str {
    match kind {
        JurisdictionKind::Estado => "Estado",
        JurisdictionKind::Municipio => "Municipio",
        JurisdictionKind::Alcaldia => "Alcaldía",
    }
}

/// 1000 → "1,000" (Mexico groups thousands with a comma).
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
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
        D::PdfWithoutDraft => "Este PDF no contiene un borrador que se pueda abrir. Elija el archivo .json que descargó con «Descargar borrador (JSON)».".into(),
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
    }
}

/// Names a JSON path of the plan in Spanish, as far as it is known.
fn field_path(path: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("plan.profile.period", "periodo del plan"),
        ("plan.profile.plan_name", "nombre del plan"),
        ("plan.profile.jurisdiction.inegi_code", "clave INEGI"),
        ("plan.profile.jurisdiction.kind", "tipo de jurisdicción"),
        (
            "plan.profile.jurisdiction.name",
            "nombre de la jurisdicción",
        ),
        ("plan.profile", "perfil de la jurisdicción"),
        ("plan.commitments", "compromisos"),
        ("plan.national_plan", "lista del plan nacional"),
        ("saved_at", "fecha de guardado"),
        ("plan", "plan"),
    ];
    NAMES
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map_or_else(|| path.to_owned(), |(_, name)| (*name).to_owned())
}

/// How a local commitment relates to the national plan, as a sentence start.
pub fn relation(relation: crate::domain::Relation) -> &'static str {
    use crate::domain::Relation as R;
    match relation {
        R::Replica => "Replica un compromiso nacional",
        R::Complementa => "Complementa un compromiso nacional",
        R::Nuevo => "Compromiso nuevo (sin equivalente en el plan nacional)",
    }
}

/// A national commitment's title where people choose or browse the list: OGP's
/// English title is marked with why it is in English.
pub fn national_title(e: &crate::domain::NationalEntry) -> String {
    if e.title_in_english {
        format!(
            "{} (título en inglés; no hay título oficial en español verificado)",
            e.title
        )
    } else {
        e.title.clone()
    }
}

/// "MX0087 · Estrategia subnacional de gobierno abierto", with English titles marked.
pub fn national_entry(e: &crate::domain::NationalEntry) -> String {
    if e.title_in_english {
        format!("{} · {} (título en inglés)", e.id, e.title)
    } else {
        format!("{} · {}", e.id, e.title)
    }
}

/// The national commitment a link names, looked up in the plan's national list.
pub fn national_link(
    plan: &crate::domain::Plan,
    link: &crate::domain::NationalLink,
) -> Option<String> {
    let id = link.commitment()?;
    Some(
        plan.national_plan
            .entry(id)
            .map_or_else(|| id.to_owned(), national_entry),
    )
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
