//! Everything the interface and the documents call things, in Spanish (es-MX):
//! the labels of the closed lists of choices (exhaustive matches on the enums,
//! so a new choice does not compile without its label), the kinds of
//! jurisdiction, the national plan's links, names of drafts and places, and
//! the number and date formats used in Mexico.
//!
//! Pure, and below the export and the persistence layers: they name things
//! with it. Failure sentences live in [`crate::messages`].

use crate::catalog::{self, Authority, AuthorityScope, CatalogDate, DataStatus};
use crate::domain::classification::ChallengeArea;
use crate::domain::commitment::{OgpValue, TeamRole};
use crate::domain::contact::{Branch, Contact, Sector};
use crate::domain::coordination::{BodyKind, Cadence, PoliticalKind};
use crate::domain::date::MONTHS_ES;
use crate::domain::key_action::{Frequency, IndicatorKind};
use crate::domain::monitoring::Decision;
use crate::domain::ogp::{
    Completion, OgpProgram, Potential, Practice, PublishedValue, Relevance, YesNo,
};
use crate::domain::problem::{InputOrigin, Priority};
use crate::domain::progress::{Attention, EarlyResult, PlanLength, Status as ProgressStatus};
use crate::domain::roadmap::{Channel, InclusionGroup, Phase};
use crate::domain::{
    format_date, Jurisdiction, JurisdictionKind, Makers, NationalEntry, NationalLink, Plan,
    Profile, Relation,
};

/// The Spanish label of a choice.
pub trait Label: Copy {
    fn label(self) -> &'static str;
}

/// What a document and a page say where the plan gives nothing.
pub const NOT_GIVEN: &str = "No proporcionado";

/// A choice not made yet reads [`NOT_GIVEN`].
impl<T: Label> Label for Option<T> {
    fn label(self) -> &'static str {
        self.map_or(NOT_GIVEN, Label::label)
    }
}

impl Label for BodyKind {
    fn label(self) -> &'static str {
        match self {
            BodyKind::SecretariadoTecnicoLocal => "Secretariado Técnico Local",
            BodyKind::ForoMultiactor => "Foro multiactor",
            BodyKind::ComiteCoordinador => "Comité coordinador",
            BodyKind::GrupoImpulsor => "Grupo impulsor",
            BodyKind::Otro => "Otro",
        }
    }
}

impl Label for Cadence {
    fn label(self) -> &'static str {
        match self {
            Cadence::Mensual => "Cada mes",
            Cadence::Bimestral => "Cada dos meses",
            Cadence::Trimestral => "Cada tres meses",
            Cadence::Semestral => "Cada seis meses",
            Cadence::Anual => "Una vez al año",
            Cadence::SinDefinir => "Todavía no se ha definido",
        }
    }
}

impl Label for Channel {
    fn label(self) -> &'static str {
        match self {
            Channel::Digital => "Digital (en línea)",
            Channel::Presencial => "Presencial",
            Channel::Remoto => "A distancia (teléfono, radio, correo)",
        }
    }
}

impl Label for Decision {
    fn label(self) -> &'static str {
        match self {
            Decision::Incorporada => "Se incorporó",
            Decision::Fusionada => "Se fusionó con otra propuesta en un compromiso",
            Decision::NoIncorporada => "No se incorporó",
        }
    }
}

/// What was decided about an input, in words: [`Decision`]'s label, or
/// "Se incorporó en parte" for one taken only in part.
pub fn response_decision(r: &crate::domain::monitoring::ReasonedResponse) -> Option<&'static str> {
    match r.decision {
        Some(Decision::Incorporada) if r.partly => Some("Se incorporó en parte"),
        d => d.map(Label::label),
    }
}

impl Label for Frequency {
    fn label(self) -> &'static str {
        match self {
            Frequency::Mensual => "Cada mes",
            Frequency::Bimestral => "Cada dos meses",
            Frequency::Trimestral => "Cada tres meses",
            Frequency::Semestral => "Cada seis meses",
            Frequency::Anual => "Una vez al año",
            Frequency::UnaVez => "Una sola vez",
        }
    }
}

impl Label for InclusionGroup {
    fn label(self) -> &'static str {
        match self {
            InclusionGroup::Mujeres => "Mujeres",
            InclusionGroup::PueblosIndigenas => "Pueblos indígenas",
            InclusionGroup::Afromexicanas => "Personas afromexicanas",
            InclusionGroup::Discapacidad => "Personas con discapacidad",
            InclusionGroup::Juventudes => "Juventudes",
            InclusionGroup::ZonasRurales => "Zonas rurales",
        }
    }
}

impl Label for IndicatorKind {
    fn label(self) -> &'static str {
        match self {
            IndicatorKind::Binario => "Binario (sí o no)",
            IndicatorKind::Numerico => "Numérico",
            IndicatorKind::Porcentaje => "Porcentaje",
            IndicatorKind::Documental => "Documental (un documento o producto)",
            IndicatorKind::Otro => "Otro",
        }
    }
}

impl Label for InputOrigin {
    fn label(self) -> &'static str {
        match self {
            InputOrigin::Consulta => "Consulta pública",
            InputOrigin::Foro => "Foro",
            InputOrigin::MesaTematica => "Mesa temática",
            InputOrigin::PropuestaOsc => "Propuesta de una organización de la sociedad civil",
            InputOrigin::Diagnostico => "Diagnóstico o estudio",
            InputOrigin::Otro => "Otro",
        }
    }
}

impl Label for OgpValue {
    fn label(self) -> &'static str {
        match self {
            OgpValue::Transparencia => "Transparencia",
            OgpValue::ParticipacionCiudadana => "Participación ciudadana",
            OgpValue::RendicionDeCuentas => "Rendición de cuentas",
            OgpValue::TecnologiaInnovacion => "Tecnología e innovación",
            OgpValue::Inclusion => "Inclusión",
        }
    }
}

impl Label for ChallengeArea {
    fn label(self) -> &'static str {
        match self {
            ChallengeArea::AccesoInformacion => "Acceso a la información",
            ChallengeArea::Anticorrupcion => "Anticorrupción",
            ChallengeArea::EspacioCivico => "Espacio cívico",
            ChallengeArea::ClimaMedioAmbiente => "Clima y medio ambiente",
            ChallengeArea::GobernanzaDigital => "Gobernanza digital",
            ChallengeArea::AperturaFiscal => "Apertura fiscal",
            ChallengeArea::GeneroInclusion => "Género e inclusión",
            ChallengeArea::Justicia => "Justicia",
            ChallengeArea::LibertadMedios => "Libertad de prensa y de medios",
            ChallengeArea::ParticipacionPublica => "Participación pública",
        }
    }
}

impl Label for ProgressStatus {
    fn label(self) -> &'static str {
        match self {
            ProgressStatus::SinEvidencia => "Sin evidencia",
            ProgressStatus::NoIniciado => "No iniciado",
            ProgressStatus::Limitado => "Limitado",
            ProgressStatus::Sustancial => "Sustancial",
            ProgressStatus::Completo => "Completo",
        }
    }
}

impl Label for EarlyResult {
    fn label(self) -> &'static str {
        match self {
            EarlyResult::Empeoro => "Empeoró",
            EarlyResult::NoCambio => "No cambió",
            EarlyResult::Marginal => "Marginal",
            EarlyResult::Importante => "Importante",
            EarlyResult::Sobresaliente => "Sobresaliente",
        }
    }
}

/// Why a key action or activity needs attention in a report round.
impl Label for Attention {
    fn label(self) -> &'static str {
        match self {
            Attention::NoProgress => "No avanzó desde el informe anterior",
            Attention::Overdue => "Pasó su fecha de término y no está completa",
            Attention::NoEvidence => "Se informa con avance pero sin evidencia",
        }
    }
}

impl Label for PlanLength {
    fn label(self) -> &'static str {
        match self {
            PlanLength::DosAnios => "Dos años",
            PlanLength::CuatroAnios => "Cuatro años, con una actualización a la mitad",
        }
    }
}

impl Label for OgpProgram {
    fn label(self) -> &'static str {
        match self {
            OgpProgram::Local => "OGP Local",
            OgpProgram::Nacional => "Plan de acción nacional",
            OgpProgram::PilotoSubnacional => "Programa piloto de gobiernos subnacionales",
        }
    }
}

impl Label for PublishedValue {
    fn label(self) -> &'static str {
        match self {
            PublishedValue::AccesoInformacion => "Acceso a la información",
            PublishedValue::ParticipacionCivica => "Participación cívica",
            PublishedValue::RendicionCuentas => "Rendición de cuentas pública",
            PublishedValue::TecnologiaInnovacion => {
                "Tecnología e innovación para la transparencia y la rendición de cuentas"
            }
        }
    }
}

impl Label for YesNo {
    fn label(self) -> &'static str {
        match self {
            YesNo::Si => "Sí",
            YesNo::No => "No",
        }
    }
}

impl Label for Relevance {
    fn label(self) -> &'static str {
        match self {
            Relevance::Si => "Sí",
            Relevance::NoClaro => "No está claro",
            Relevance::No => "No",
        }
    }
}

impl Label for Practice {
    fn label(self) -> &'static str {
        match self {
            Practice::Nuevo => "Nuevo: una regla, política o práctica nueva",
            Practice::Continuo => "Continuo: sigue una práctica que ya existía",
        }
    }
}

impl Label for Potential {
    fn label(self) -> &'static str {
        match self {
            Potential::SinIndicacion => "Sin indicación",
            Potential::Modesto => "Modesto",
            Potential::Sustancial => "Sustancial",
            Potential::Ninguno => "Ninguno (escala anterior)",
            Potential::Menor => "Menor (escala anterior)",
            Potential::Moderado => "Moderado (escala anterior)",
            Potential::Transformador => "Transformador (escala anterior)",
        }
    }
}

impl Label for Completion {
    fn label(self) -> &'static str {
        match self {
            Completion::NoIniciado => "No iniciado",
            Completion::Limitado => "Limitado",
            Completion::Sustancial => "Sustancial",
            Completion::Completo => "Completo",
            Completion::SinDato => "Sin dato",
        }
    }
}

impl Label for Phase {
    fn label(self) -> &'static str {
        match self {
            Phase::Sensibilizacion => "Sensibilización y difusión",
            Phase::Consulta => "Consulta pública",
            Phase::MesasTematicas => "Mesas temáticas",
            Phase::Redaccion => "Redacción de compromisos",
            Phase::RespuestaRazonada => "Respuesta razonada",
            Phase::Validacion => "Validación",
            Phase::Publicacion => "Publicación del plan",
        }
    }
}

impl Label for PoliticalKind {
    fn label(self) -> &'static str {
        match self {
            PoliticalKind::Declaratoria => "Declaratoria de Gobierno Abierto",
            PoliticalKind::CartaApoyo => "Carta de apoyo",
            PoliticalKind::Convenio => "Convenio de colaboración",
            PoliticalKind::Otro => "Otro",
        }
    }
}

impl Label for Priority {
    fn label(self) -> &'static str {
        match self {
            Priority::Alta => "Alta",
            Priority::Media => "Media",
            Priority::Baja => "Baja",
        }
    }
}

impl Label for Sector {
    fn label(self) -> &'static str {
        match self {
            Sector::Gobierno => "Gobierno",
            Sector::SociedadCivil => "Sociedad civil",
            Sector::Academia => "Academia",
            Sector::SectorPrivado => "Sector privado",
            Sector::OrganismoInternacional => "Organismo internacional",
            Sector::Ciudadania => "Ciudadanía",
        }
    }
}

impl Label for Branch {
    fn label(self) -> &'static str {
        match self {
            Branch::Ejecutivo => "Poder Ejecutivo",
            Branch::Legislativo => "Poder Legislativo",
            Branch::Judicial => "Poder Judicial",
            Branch::Autonomo => "Organismo autónomo",
            Branch::Municipal => "Ámbito municipal",
        }
    }
}

/// What a branch of public power covers, where people choose it.
pub fn branch_hint(branch: Branch) -> Option<&'static str> {
    match branch {
        Branch::Autonomo => Some(
            "Por ejemplo, el órgano garante de acceso a la información o la comisión de derechos humanos.",
        ),
        Branch::Municipal => Some("El ayuntamiento y la administración municipal."),
        Branch::Ejecutivo | Branch::Legislativo | Branch::Judicial => None,
    }
}

impl Label for TeamRole {
    fn label(self) -> &'static str {
        match self {
            TeamRole::Lidera => "Lidera",
            TeamRole::Coordina => "Coordina",
            TeamRole::Supervisa => "Supervisa",
            TeamRole::Apoya => "Apoya",
        }
    }
}

/// A contact's sector and branch, as given: "Gobierno, Organismo autónomo".
pub fn sector_and_branch(c: &Contact) -> Option<String> {
    let parts: Vec<&str> = [c.sector().map(Label::label), c.branch().map(Label::label)]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// An OGP value as the object of "se relaciona con…".
pub fn ogp_value_object(v: OgpValue) -> &'static str {
    use OgpValue as V;
    match v {
        V::Transparencia => "la transparencia",
        V::ParticipacionCiudadana => "la participación ciudadana",
        V::RendicionDeCuentas => "la rendición de cuentas",
        V::TecnologiaInnovacion => "la tecnología y la innovación",
        V::Inclusion => "la inclusión",
    }
}

/// Spanish-language label for a kind of jurisdiction.
pub fn jurisdiction_kind(kind: JurisdictionKind) -> &'static str {
    match kind {
        JurisdictionKind::Estado => "Estado",
        JurisdictionKind::Municipio => "Municipio",
        JurisdictionKind::Alcaldia => "Alcaldía",
        JurisdictionKind::Federacion => "Federación",
    }
}

/// One government by kind and name: "Municipio de Querétaro", "Estado de
/// México", "Alcaldía Cuauhtémoc" (alcaldías are named without "de"),
/// "Federación (Estados Unidos Mexicanos)". A name typed with its kind
/// already ("Estado de México") is kept as typed.
pub fn member_name(member: &Jurisdiction) -> String {
    let kind = member.kind;
    let label = jurisdiction_kind(kind);
    let name = member.name.trim();
    let typed_with_kind = name
        .to_lowercase()
        .starts_with(&format!("{} ", label.to_lowercase()));
    if typed_with_kind {
        name.to_owned()
    } else if kind == JurisdictionKind::Federacion {
        format!("{label} ({name})")
    } else if kind == JurisdictionKind::Alcaldia {
        format!("{label} {name}")
    } else {
        format!("{label} de {name}")
    }
}

/// Who makes the plan, in one line: "Municipio de Querétaro"; "Coalición:
/// Estado de Nuevo León (líder), Municipio de Monterrey y Municipio de San
/// Pedro Garza García"; "Federación (Estados Unidos Mexicanos)".
pub fn entity_name(profile: &Profile) -> String {
    makers_line(profile, false)
}

/// [`entity_name`] with each INEGI code, as the document's cover says it:
/// "Municipio de Querétaro (clave INEGI 22014)"; "Coalición: Estado de Nuevo
/// León (clave INEGI 19, líder), Municipio de Monterrey (clave INEGI 19039) y
/// …". The federation has no code, and none is printed.
pub fn entity_line(profile: &Profile) -> String {
    makers_line(profile, true)
}

/// One member, or "Coalición: " and each member in order ("A, B y C") with
/// the lead marked; with INEGI codes when `codes`.
fn makers_line(profile: &Profile, codes: bool) -> String {
    let js = &profile.jurisdictions;
    let coalition = js.makers() == Makers::Coalition;
    let names: Vec<String> = js
        .members()
        .iter()
        .map(|m| {
            let mut notes = Vec::new();
            if let Some(code) = m.code().filter(|_| codes) {
                notes.push(format!("clave INEGI {code}"));
            }
            if coalition && m.lead {
                notes.push("líder".to_owned());
            }
            let name = member_name(m);
            if notes.is_empty() {
                name
            } else {
                format!("{name} ({})", notes.join(", "))
            }
        })
        .collect();
    if coalition {
        format!("Coalición: {}", spanish_list(&names))
    } else {
        spanish_list(&names)
    }
}

/// "A", "A y B", "A, B y C".
pub fn spanish_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} y {last}", rest.join(", ")),
    }
}

/// The label of the line that names who makes the plan: "Jurisdicciones" for
/// a coalition, else "Jurisdicción".
pub fn makers_label(profile: Option<&Profile>) -> &'static str {
    match profile.map(|p| p.jurisdictions.makers()) {
        Some(Makers::Coalition) => "Jurisdicciones",
        _ => "Jurisdicción",
    }
}

/// What kind of maker the plan has: "Municipio", "Coalición de 3
/// jurisdicciones", "Federación (nivel nacional)".
pub fn makers_kind(profile: &Profile) -> String {
    let js = &profile.jurisdictions;
    match js.makers() {
        Makers::One => jurisdiction_kind(js.lead().kind).to_owned(),
        Makers::Coalition => format!("Coalición de {} jurisdicciones", js.members().len()),
        Makers::Federation => "Federación (nivel nacional)".to_owned(),
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

/// How a local commitment relates to the national plan, as a sentence start.
pub fn relation(relation: Relation) -> &'static str {
    use Relation as R;
    match relation {
        R::Replica => "Replica un compromiso nacional",
        R::Complementa => "Complementa un compromiso nacional",
        R::Nuevo => "Compromiso nuevo (sin equivalente en el plan nacional)",
    }
}

/// A national commitment's title where people choose or browse the list: OGP's
/// English title is marked with why it is in English.
pub fn national_title(e: &NationalEntry) -> String {
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
pub fn national_entry(e: &NationalEntry) -> String {
    if e.title_in_english {
        format!("{} · {} (título en inglés)", e.id, e.title)
    } else {
        format!("{} · {}", e.id, e.title)
    }
}

/// The national commitment a link names, looked up in the plan's national list.
pub fn national_link(plan: &Plan, link: &NationalLink) -> Option<String> {
    let id = link.commitment()?;
    Some(
        plan.national_plan
            .entry(id)
            .map_or_else(|| id.to_owned(), national_entry),
    )
}

/// The name shown for a draft that has no name yet.
pub const UNNAMED_DRAFT: &str = "Borrador sin nombre";

/// What a commitment, key action or activity saved without a name is called.
pub const UNNAMED: &str = "(sin nombre)";

/// The name as saved, or [`UNNAMED`] when it is empty.
pub fn name_or_unnamed(name: &str) -> &str {
    if name.trim().is_empty() {
        UNNAMED
    } else {
        name
    }
}

/// A size for people: "0.3 KB", "12.4 KB", "1,024 KB".
pub fn kilobytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 512) / 1024;
    if tenths < 100 {
        format!("{}.{} KB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", thousands(((bytes + 512) / 1024) as usize))
    }
}

/// "25/11/2026 10:05": a date and time as written in Mexico.
pub fn date_time(at: time::OffsetDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// The text with its first letter in capitals ("del 10/12/2019…" → "Del 10/12/2019…").
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

impl Label for AuthorityScope {
    /// As it reads inside a sentence ("Poder Ejecutivo y municipios").
    fn label(self) -> &'static str {
        use AuthorityScope as S;
        match self {
            S::National => "ámbito nacional",
            S::Executive => "Poder Ejecutivo",
            S::Legislative => "Poder Legislativo",
            S::Judicial => "Poder Judicial",
            S::Autonomous => "organismos autónomos",
            S::Municipal => "municipios",
            S::PoliticalParties => "partidos políticos",
            S::Unions => "sindicatos",
            S::All => "todos los poderes, organismos y municipios",
        }
    }
}

impl Label for DataStatus {
    fn label(self) -> &'static str {
        match self {
            DataStatus::Confirmed => "Confirmado",
            DataStatus::Pending => "Pendiente",
            DataStatus::Unconfirmed => "Sin confirmar",
        }
    }
}

/// What a [`DataStatus`] means, as a sentence.
pub fn data_status_meaning(status: DataStatus) -> &'static str {
    match status {
        DataStatus::Confirmed => "Una fuente dice que esta institución tiene la función.",
        DataStatus::Pending => {
            "Una reforma la nombra, pero el cambio no había terminado a la fecha de la fuente."
        }
        DataStatus::Unconfirmed => "Ninguna fuente consultada lo confirma.",
    }
}

/// A catalogue date at its own precision: "6 de diciembre de 2026",
/// "marzo de 2025", "2025".
pub fn catalog_date(d: CatalogDate) -> String {
    let month = d
        .month
        .and_then(|m| MONTHS_ES.get(usize::from(m).checked_sub(1)?));
    match (month, d.day) {
        (Some(m), Some(day)) => format!("{day} de {m} de {}", d.year),
        (Some(m), None) => format!("{m} de {}", d.year),
        (None, _) => d.year.to_string(),
    }
}

/// "Desde el 27 de noviembre de 2025", "desde marzo de 2025", "desde 2025".
pub fn since(d: CatalogDate) -> String {
    if d.day.is_some() && d.month.is_some() {
        format!("desde el {}", catalog_date(d))
    } else {
        format!("desde {}", catalog_date(d))
    }
}

/// "Poder Ejecutivo y municipios": whom an authority answers for, as a phrase
/// that starts with a capital.
pub fn scopes(scopes: &[AuthorityScope]) -> String {
    let labels: Vec<&str> = scopes.iter().map(|s| s.label()).collect();
    let text = match labels.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} y {last}", rest.join(", ")),
        None => String::new(),
    };
    capitalized(&text)
}

/// Whose authority a plan of this kind names in its framework: a state's plan
/// its executive's, a municipality's or alcaldía's the municipalities', the
/// federation's the national one.
pub fn guarantor_scope(kind: JurisdictionKind) -> AuthorityScope {
    match kind {
        JurisdictionKind::Estado => AuthorityScope::Executive,
        JurisdictionKind::Municipio | JurisdictionKind::Alcaldia => AuthorityScope::Municipal,
        JurisdictionKind::Federacion => AuthorityScope::National,
    }
}

/// When the catalogue names no authority of `state_code` for `scope`, the
/// sentence that says so, dated by the catalogue («Al 6 de diciembre de 2026,
/// según las fuentes consultadas, Chiapas no ha designado su autoridad
/// garante…»). `None` when one is named (even if not yet confirmed).
pub fn guarantor_gap(state_code: &str, scope: AuthorityScope) -> Option<String> {
    let rows = catalog::authorities_of(Some(state_code));
    let named = |a: &&Authority| a.name.is_some();
    if rows.iter().filter(|a| a.covers(scope)).any(|a| named(&a)) {
        return None;
    }
    let state = catalog::state(state_code)?.name;
    let consulted = rows.iter().map(|a| a.consulted).max()?;
    let whose = if rows.iter().any(|a| named(&a)) {
        use AuthorityScope as S;
        match scope {
            S::Executive | S::Legislative | S::Judicial => {
                format!(
                    "la autoridad garante de acceso a la información de su {}",
                    scope.label()
                )
            }
            S::Municipal | S::Autonomous => {
                format!(
                    "la autoridad garante de acceso a la información de sus {}",
                    scope.label()
                )
            }
            S::PoliticalParties | S::Unions => {
                format!(
                    "la autoridad garante de acceso a la información de los {}",
                    scope.label()
                )
            }
            S::National | S::All => "su autoridad garante de acceso a la información".to_owned(),
        }
    } else {
        "su autoridad garante de acceso a la información".to_owned()
    };
    Some(format!(
        "Al {}, según las fuentes consultadas, {state} no ha designado {whose}.",
        catalog_date(consulted)
    ))
}
