//! What the Open Government Partnership (OGP) and the monitoring body publish
//! about a plan once it is an OGP action plan: on the plan, its OGP program and
//! number, the name OGP gives it in English, its strategic vision and lead
//! institutions, the forum's sessions, the co-creation events and the local
//! monitoring body; on each commitment, its OGP id (MXROO0006, MX0087), its
//! titles in Spanish and in English, the monitoring body's inception
//! assessment and its completion.
//!
//! All of it is optional: a plan being drafted has none of it yet, and
//! published plans give parts of it (`tests/fixtures/planes-reales/`). The
//! scales are OGP's own, in the words of its Spanish pages; a rating that was
//! not published is `None` (the question is left unanswered).

use serde::{Deserialize, Serialize};

use super::choice::{choice_set, choices, join_keys, next_id, optional_choice, ItemId};
use super::contact::{optional, WebAddress, MAX_LONG, MAX_SHORT};
use super::coordination::lines;
use super::date::{format_date, parse_date, PartialDate, Period};
use super::error::{optional_text, required_text, FieldError, Named, Problem};
use super::unknown::{carry_fields, list_item_by, Unknown};

/// The highest plan number accepted (OGP's national members are at their 6th).
pub const MAX_PLAN_NUMBER: u32 = 99;

choices! {
    /// The OGP program the plan belongs to.
    OgpProgram {
        Local => "ogp-local",
        Nacional => "nacional",
        PilotoSubnacional => "piloto-subnacional",
    }
}

choices! {
    /// OGP's values, as OGP's commitment pages name them (the ficha's own
    /// list, [`super::commitment::OgpValue`], is the methodology's).
    PublishedValue {
        AccesoInformacion => "acceso-informacion",
        ParticipacionCivica => "participacion-civica",
        RendicionCuentas => "rendicion-cuentas",
        TecnologiaInnovacion => "tecnologia-innovacion",
    }
}

choices! {
    /// A yes-or-no rating (verifiable, binding).
    YesNo {
        Si => "si",
        No => "no",
    }
}

choices! {
    /// Whether the commitment is relevant to OGP's values: OGP Local's
    /// inception reports answer "Yes" or "Unclear"; older IRM reports "No".
    Relevance {
        Si => "si",
        NoClaro => "no-claro",
        No => "no",
    }
}

choices! {
    /// Whether the commitment is a new practice or continues an existing one.
    Practice {
        Nuevo => "nuevo",
        Continuo => "continuo",
    }
}

choices! {
    /// Potential for results: the scale of OGP's reports since 2021
    /// ("Unclear", "Modest", "Substantial"), and the earlier IRM scale of
    /// potential impact ("None", "Minor", "Moderate", "Transformative").
    Potential {
        SinIndicacion => "sin-indicacion",
        Modesto => "modesto",
        Sustancial => "sustancial",
        Ninguno => "ninguno",
        Menor => "menor",
        Moderado => "moderado",
        Transformador => "transformador",
    }
}

choices! {
    /// Completion as the monitoring body rates it ("Not started", "Limited",
    /// "Substantial", "Complete"), or "sin dato" when its report gives none.
    Completion {
        NoIniciado => "no-iniciado",
        Limitado => "limitado",
        Sustancial => "sustancial",
        Completo => "completo",
        SinDato => "sin-dato",
    }
}

/// A commitment's id in OGP's database: letters, then digits ("MXROO0006",
/// "MX0087", "JAL0001"). Written in capitals.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OgpId(String);

impl OgpId {
    /// Reads an id as typed: trimmed, in capitals; one to ten letters (A-Z)
    /// followed by one to eight digits.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let text = raw.trim().to_ascii_uppercase();
        if text.is_empty() {
            return Err(Problem::Missing);
        }
        let letters = text.bytes().take_while(u8::is_ascii_uppercase).count();
        let digits = &text[letters..];
        let ok = (1..=10).contains(&letters)
            && (1..=8).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit());
        if ok {
            Ok(Self(text))
        } else {
            Err(Problem::NotAnOgpId)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OgpId {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        OgpId::parse(&s).map_err(|_| "not an OGP commitment id")
    }
}
impl From<OgpId> for String {
    fn from(id: OgpId) -> Self {
        id.0
    }
}

/// A session of the forum (the coordination body) as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumSession {
    pub id: ItemId,
    pub date: PartialDate,
    /// Where its minutes (acta or minuta) are published.
    #[serde(default)]
    pub minutes_url: Option<WebAddress>,
    /// What the session was for ("Primera sesión ordinaria…").
    #[serde(default)]
    pub note: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(ForumSession);
list_item_by!(ForumSession, id);
super::choice::identified!(ForumSession, CocreationEvent);

/// A co-creation event (a consultation, a roundtable, the plan's submission),
/// on a date, over a period, or undated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CocreationEvent {
    pub id: ItemId,
    pub name: String,
    /// Its date, or the first day of its period.
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// The end of its period, when it lasted more than the date says.
    #[serde(default)]
    pub end: Option<PartialDate>,
    /// Where it is published (a web address or a document's name).
    #[serde(default)]
    pub source: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(CocreationEvent);
list_item_by!(CocreationEvent, id);

impl CocreationEvent {
    /// "24/05/2019 al 17/06/2019", "agosto de 2019", or `None` when undated.
    pub fn when(&self) -> Option<String> {
        match (self.date, self.end) {
            (Some(start), Some(end)) => Some(match Period::new(start, end) {
                Some(p) => p.to_string(),
                None => format!("{start} – {end}"),
            }),
            (Some(date), None) => Some(format_date(date)),
            (None, _) => None,
        }
    }
}

/// The local monitoring body (or OGP's Independent Reporting Mechanism) and
/// the people who evaluated the plan, as published.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonitoringBody {
    #[serde(default)]
    pub name: Option<String>,
    /// One person (or institution) per entry, as the reports name them.
    #[serde(default)]
    pub evaluators: Vec<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(MonitoringBody);

/// What OGP publishes about the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOgp {
    #[serde(default)]
    pub program: Option<OgpProgram>,
    /// The plan's number among the member's plans (2 for a second plan).
    #[serde(default)]
    pub plan_number: Option<u8>,
    /// The plan's name on OGP's site, in English.
    #[serde(default)]
    pub name_en: Option<String>,
    /// The plan's page on OGP's site.
    #[serde(default)]
    pub page_url: Option<WebAddress>,
    #[serde(default)]
    pub strategic_vision: Option<String>,
    /// The plan's period as a second source publishes it, when it disagrees
    /// with the profile's (OGP's page and the state's site often do).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_period: Option<SourcedPeriod>,
    /// One institution per entry, as published.
    #[serde(default)]
    pub lead_institutions: Vec<String>,
    #[serde(default)]
    pub monitoring_body: Option<MonitoringBody>,
    #[serde(default)]
    pub sessions: Vec<ForumSession>,
    #[serde(default)]
    pub events: Vec<CocreationEvent>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(PlanOgp, other_period, monitoring_body, sessions, events);

/// A period with the source that publishes it ("OGP, página del plan").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcedPeriod {
    pub period: Period,
    #[serde(default)]
    pub source: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(SourcedPeriod, period);

impl PlanOgp {
    /// True when it records nothing (not even fields of a newer version).
    pub fn is_empty(&self) -> bool {
        *self == PlanOgp::default()
    }
    pub fn next_session_id(&self) -> ItemId {
        next_id(self.sessions.iter().map(|s| s.id))
    }
    pub fn next_event_id(&self) -> ItemId {
        next_id(self.events.iter().map(|e| e.id))
    }
}

/// The monitoring body's inception assessment of a commitment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inception {
    #[serde(default)]
    pub verifiable: Option<YesNo>,
    #[serde(default)]
    pub relevant: Option<Relevance>,
    /// The OGP values the commitment is relevant to, as published.
    #[serde(default)]
    pub values: Vec<PublishedValue>,
    #[serde(default)]
    pub potential: Option<Potential>,
    #[serde(default)]
    pub practice: Option<Practice>,
    #[serde(default)]
    pub binding: Option<YesNo>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Inception);

impl Inception {
    pub fn is_empty(&self) -> bool {
        *self == Inception::default()
    }
}

/// What OGP and the monitoring body publish about one commitment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentOgp {
    #[serde(default)]
    pub ogp_id: Option<OgpId>,
    #[serde(default)]
    pub title_es: Option<String>,
    /// The title in English (OGP's pages are in English): printed with a
    /// language tag.
    #[serde(default)]
    pub title_en: Option<String>,
    /// The commitment's page on OGP's site.
    #[serde(default)]
    pub page_url: Option<WebAddress>,
    #[serde(default)]
    pub inception: Option<Inception>,
    #[serde(default)]
    pub completion: Option<Completion>,
    /// Anything else published (the IRM's ambition or early results…).
    #[serde(default)]
    pub note: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(CommitmentOgp, inception);

impl CommitmentOgp {
    pub fn is_empty(&self) -> bool {
        *self == CommitmentOgp::default()
    }
}

/// Longest accepted title of a commitment (OGP's long titles reach about 250
/// characters).
pub const MAX_TITLE: usize = 1000;

fn url_text(u: &Option<WebAddress>) -> String {
    u.as_ref()
        .map(|u| u.as_str().to_owned())
        .unwrap_or_default()
}

fn key_or_empty<T: super::choice::Keyed>(v: Option<T>) -> String {
    v.map(|v| v.key().to_owned()).unwrap_or_default()
}

/// A rating of an optional radio group: none when left unanswered.
fn rating<T>(
    raw: &str,
    field: Named,
    from_key: impl Fn(&str) -> Option<T>,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    optional_choice(raw, field.into(), from_key, errors)
}

/// A text area of one entry per line, at most [`MAX_LONG`] characters in all.
fn line_list(raw: &str, field: Named, errors: &mut Vec<FieldError>) -> Vec<String> {
    if raw.chars().count() > MAX_LONG {
        errors.push(FieldError::new(
            field.into(),
            Problem::TooLong { max: MAX_LONG },
        ));
    }
    lines(raw)
}

/// The plan's OGP page as typed (serde names are [`Named`] keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanOgpInput {
    #[serde(rename = "programa-ogp")]
    pub program: String,
    #[serde(rename = "numero-plan-ogp")]
    pub plan_number: String,
    #[serde(rename = "nombre-plan-ingles")]
    pub name_en: String,
    #[serde(rename = "liga-plan-ogp")]
    pub page_url: String,
    #[serde(rename = "vision-estrategica")]
    pub strategic_vision: String,
    #[serde(rename = "inicio-otra-fuente")]
    pub other_start: String,
    #[serde(rename = "termino-otra-fuente")]
    pub other_end: String,
    #[serde(rename = "otra-fuente-periodo")]
    pub other_source: String,
    /// One institution per line.
    #[serde(rename = "instituciones-lideres")]
    pub lead_institutions: String,
    #[serde(rename = "organo-monitoreo")]
    pub monitoring_name: String,
    /// One person per line.
    #[serde(rename = "evaluadores")]
    pub evaluators: String,
}

impl PlanOgpInput {
    pub fn from_value(o: &PlanOgp) -> Self {
        let m = o.monitoring_body.as_ref();
        Self {
            program: key_or_empty(o.program),
            plan_number: o.plan_number.map(|n| n.to_string()).unwrap_or_default(),
            name_en: o.name_en.clone().unwrap_or_default(),
            page_url: url_text(&o.page_url),
            strategic_vision: o.strategic_vision.clone().unwrap_or_default(),
            other_start: o
                .other_period
                .as_ref()
                .map(|p| format_date(p.period.start()))
                .unwrap_or_default(),
            other_end: o
                .other_period
                .as_ref()
                .map(|p| format_date(p.period.end()))
                .unwrap_or_default(),
            other_source: o
                .other_period
                .as_ref()
                .and_then(|p| p.source.clone())
                .unwrap_or_default(),
            lead_institutions: o.lead_institutions.join("\n"),
            monitoring_name: m.and_then(|m| m.name.clone()).unwrap_or_default(),
            evaluators: m.map(|m| m.evaluators.join("\n")).unwrap_or_default(),
        }
    }

    /// The plan's OGP record with these values, keeping the sessions and
    /// events (and fields of a newer version) of `existing`.
    pub fn parse(&self, existing: Option<&PlanOgp>) -> Result<PlanOgp, Vec<FieldError>> {
        let mut errors = Vec::new();
        let program = optional_choice(
            &self.program,
            Named::OgpProgram.into(),
            OgpProgram::from_key,
            &mut errors,
        );
        let plan_number = plan_number(&self.plan_number, &mut errors);
        let name_en = optional_text(
            &self.name_en,
            Named::OgpPlanNameEn.into(),
            MAX_SHORT,
            &mut errors,
        );
        let page_url = optional(
            &self.page_url,
            Named::OgpPlanUrl.into(),
            WebAddress::parse,
            &mut errors,
        );
        let strategic_vision = optional_text(
            &self.strategic_vision,
            Named::StrategicVision.into(),
            MAX_LONG,
            &mut errors,
        );
        // Both dates or none; a source alone has no period to name.
        let other_period = match (
            self.other_start.trim().is_empty(),
            self.other_end.trim().is_empty(),
        ) {
            (true, true) => None,
            _ => Period::parse(
                &self.other_start,
                &self.other_end,
                Named::OtherPeriodStart.into(),
                Named::OtherPeriodEnd.into(),
                &mut errors,
            ),
        };
        let other_source = optional_text(
            &self.other_source,
            Named::OtherPeriodSource.into(),
            MAX_SHORT,
            &mut errors,
        );
        if other_period.is_none() && other_source.is_some() && errors.is_empty() {
            errors.push(FieldError::new(
                Named::OtherPeriodStart.into(),
                Problem::OtherDateMissing,
            ));
        }
        let lead_institutions = line_list(
            &self.lead_institutions,
            Named::LeadInstitutions,
            &mut errors,
        );
        let monitoring_name = optional_text(
            &self.monitoring_name,
            Named::OgpMonitoringName.into(),
            MAX_SHORT,
            &mut errors,
        );
        let evaluators = line_list(&self.evaluators, Named::Evaluators, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let before = existing.cloned().unwrap_or_default();
        let monitoring_body = if monitoring_name.is_none() && evaluators.is_empty() {
            None
        } else {
            Some(MonitoringBody {
                name: monitoring_name,
                evaluators,
                unknown: before
                    .monitoring_body
                    .map(|m| m.unknown)
                    .unwrap_or_default(),
            })
        };
        let other_period = other_period.map(|period| SourcedPeriod {
            period,
            source: other_source,
            unknown: before
                .other_period
                .as_ref()
                .map(|p| p.unknown.clone())
                .unwrap_or_default(),
        });
        Ok(PlanOgp {
            program,
            plan_number,
            name_en,
            page_url,
            strategic_vision,
            other_period,
            lead_institutions,
            monitoring_body,
            sessions: before.sessions,
            events: before.events,
            unknown: before.unknown,
        })
    }
}

fn plan_number(raw: &str, errors: &mut Vec<FieldError>) -> Option<u8> {
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    let field = Named::OgpPlanNumber.into();
    match text.parse::<u32>() {
        Ok(n) if (1..=MAX_PLAN_NUMBER).contains(&n) => u8::try_from(n).ok(),
        Ok(_) => {
            errors.push(FieldError::new(
                field,
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_PLAN_NUMBER,
                },
            ));
            None
        }
        Err(_) => {
            errors.push(FieldError::new(field, Problem::NotAWholeNumber));
            None
        }
    }
}

/// A forum session's page as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionInput {
    #[serde(rename = "fecha-sesion")]
    pub date: String,
    #[serde(rename = "liga-acta-sesion")]
    pub minutes_url: String,
    #[serde(rename = "nota-sesion")]
    pub note: String,
}

impl SessionInput {
    pub fn from_value(s: &ForumSession) -> Self {
        Self {
            date: format_date(s.date),
            minutes_url: url_text(&s.minutes_url),
            note: s.note.clone().unwrap_or_default(),
        }
    }
    pub fn parse(&self, id: ItemId) -> Result<ForumSession, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = parse_date(&self.date)
            .map_err(|p| errors.push(FieldError::new(Named::SessionDate.into(), p)))
            .ok();
        let minutes_url = optional(
            &self.minutes_url,
            Named::SessionMinutesUrl.into(),
            WebAddress::parse,
            &mut errors,
        );
        let note = optional_text(&self.note, Named::SessionNote.into(), MAX_LONG, &mut errors);
        match date {
            Some(date) if errors.is_empty() => Ok(ForumSession {
                id,
                date,
                minutes_url,
                note,
                unknown: Unknown::new(),
            }),
            _ => Err(errors),
        }
    }
}

/// A co-creation event's page as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventInput {
    #[serde(rename = "nombre-evento")]
    pub name: String,
    #[serde(rename = "fecha-evento")]
    pub date: String,
    #[serde(rename = "fecha-fin-evento")]
    pub end: String,
    #[serde(rename = "fuente-evento")]
    pub source: String,
}

impl EventInput {
    pub fn from_value(e: &CocreationEvent) -> Self {
        Self {
            name: e.name.clone(),
            date: e.date.map(format_date).unwrap_or_default(),
            end: e.end.map(format_date).unwrap_or_default(),
            source: e.source.clone().unwrap_or_default(),
        }
    }
    pub fn parse(&self, id: ItemId) -> Result<CocreationEvent, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text(&self.name, Named::EventName.into(), MAX_LONG, &mut errors);
        let date = optional(&self.date, Named::EventDate.into(), parse_date, &mut errors);
        let end = optional(&self.end, Named::EventEnd.into(), parse_date, &mut errors);
        match (date, end) {
            (None, Some(_)) if self.date.trim().is_empty() => {
                errors.push(FieldError::new(Named::EventDate.into(), Problem::Missing));
            }
            (Some(start), Some(end)) if Period::new(start, end).is_none() => {
                errors.push(FieldError::new(
                    Named::EventEnd.into(),
                    Problem::EndNotAfterStart,
                ));
            }
            _ => {}
        }
        let source = optional_text(
            &self.source,
            Named::EventSource.into(),
            MAX_SHORT,
            &mut errors,
        );
        match name {
            Some(name) if errors.is_empty() => Ok(CocreationEvent {
                id,
                name,
                date,
                end,
                source,
                unknown: Unknown::new(),
            }),
            _ => Err(errors),
        }
    }
}

/// A commitment's OGP page as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommitmentOgpInput {
    #[serde(rename = "id-ogp")]
    pub ogp_id: String,
    #[serde(rename = "titulo-es")]
    pub title_es: String,
    #[serde(rename = "titulo-en")]
    pub title_en: String,
    #[serde(rename = "liga-compromiso-ogp")]
    pub page_url: String,
    #[serde(rename = "verificable")]
    pub verifiable: String,
    #[serde(rename = "relevante")]
    pub relevant: String,
    /// Keys of [`PublishedValue`] separated by commas.
    #[serde(rename = "valores-publicados")]
    pub values: String,
    #[serde(rename = "potencial-resultados")]
    pub potential: String,
    #[serde(rename = "practica")]
    pub practice: String,
    #[serde(rename = "vinculante")]
    pub binding: String,
    #[serde(rename = "cumplimiento")]
    pub completion: String,
    #[serde(rename = "nota-ogp")]
    pub note: String,
}

impl CommitmentOgpInput {
    pub fn from_value(o: &CommitmentOgp) -> Self {
        let i = o.inception.clone().unwrap_or_default();
        Self {
            ogp_id: o
                .ogp_id
                .as_ref()
                .map(|x| x.as_str().to_owned())
                .unwrap_or_default(),
            title_es: o.title_es.clone().unwrap_or_default(),
            title_en: o.title_en.clone().unwrap_or_default(),
            page_url: url_text(&o.page_url),
            verifiable: key_or_empty(i.verifiable),
            relevant: key_or_empty(i.relevant),
            values: join_keys(i.values.iter().map(|v| v.key())),
            potential: key_or_empty(i.potential),
            practice: key_or_empty(i.practice),
            binding: key_or_empty(i.binding),
            completion: key_or_empty(o.completion),
            note: o.note.clone().unwrap_or_default(),
        }
    }

    /// The commitment's OGP record, or `None` when the page is empty (which
    /// removes the record). Fields of a newer version in `existing` stay.
    pub fn parse(
        &self,
        existing: Option<&CommitmentOgp>,
    ) -> Result<Option<CommitmentOgp>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let ogp_id = optional(&self.ogp_id, Named::OgpId.into(), OgpId::parse, &mut errors);
        let title_es = optional_text(
            &self.title_es,
            Named::TitleEs.into(),
            MAX_TITLE,
            &mut errors,
        );
        let title_en = optional_text(
            &self.title_en,
            Named::TitleEn.into(),
            MAX_TITLE,
            &mut errors,
        );
        let page_url = optional(
            &self.page_url,
            Named::OgpCommitmentUrl.into(),
            WebAddress::parse,
            &mut errors,
        );
        let verifiable = rating(
            &self.verifiable,
            Named::Verifiable,
            YesNo::from_key,
            &mut errors,
        );
        let relevant = rating(
            &self.relevant,
            Named::Relevant,
            Relevance::from_key,
            &mut errors,
        );
        let values = choice_set(
            &self.values,
            Named::PublishedValues.into(),
            PublishedValue::ALL,
            PublishedValue::from_key,
            &mut errors,
        );
        let potential = rating(
            &self.potential,
            Named::Potential,
            Potential::from_key,
            &mut errors,
        );
        let practice = rating(
            &self.practice,
            Named::Practice,
            Practice::from_key,
            &mut errors,
        );
        let binding = rating(&self.binding, Named::Binding, YesNo::from_key, &mut errors);
        let completion = rating(
            &self.completion,
            Named::Completion,
            Completion::from_key,
            &mut errors,
        );
        let note = optional_text(&self.note, Named::OgpNote.into(), MAX_LONG, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let before = existing.cloned().unwrap_or_default();
        let inception = Inception {
            verifiable,
            relevant,
            values,
            potential,
            practice,
            binding,
            unknown: before.inception.map(|i| i.unknown).unwrap_or_default(),
        };
        let record = CommitmentOgp {
            ogp_id,
            title_es,
            title_en,
            page_url,
            inception: (!inception.is_empty()).then_some(inception),
            completion,
            note,
            unknown: before.unknown,
        };
        Ok((!record.is_empty()).then_some(record))
    }
}
