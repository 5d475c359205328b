//! The jurisdiction's profile: who makes the plan, its name and its period.

use serde::{Deserialize, Serialize};

use time::Date;

use super::contact::{optional, Contact, ContactInput, ContactRules, MAX_LONG, MAX_SHORT};
use super::date::{format_date, parse_date, PartialDate, Period};
use super::error::{optional_text, required_text, Field, FieldError, Named, Problem};
use super::unknown::{carry_fields, Carry, ListItem, Unknown};
use crate::catalog;

/// Longest accepted name (jurisdiction, plan).
pub const MAX_NAME: usize = 200;

/// The order of government of whoever makes a plan: a state, a municipality,
/// an alcaldía of Mexico City, or the federation (a national plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionKind {
    Estado,
    Municipio,
    Alcaldia,
    /// The national level (schema 5): it has no INEGI code and makes a plan
    /// alone, never as a member of a coalition.
    Federacion,
}

impl JurisdictionKind {
    pub const ALL: [JurisdictionKind; 4] = [
        JurisdictionKind::Estado,
        JurisdictionKind::Municipio,
        JurisdictionKind::Alcaldia,
        JurisdictionKind::Federacion,
    ];

    /// Stable key, used in forms and stored drafts.
    pub const fn key(self) -> &'static str {
        match self {
            JurisdictionKind::Estado => "estado",
            JurisdictionKind::Municipio => "municipio",
            JurisdictionKind::Alcaldia => "alcaldia",
            JurisdictionKind::Federacion => "federacion",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Digits in the INEGI code: 2 for a state (entidad), 5 for a municipality or
    /// alcaldía (2 of the state followed by 3 of the municipality). None for the
    /// federation: INEGI gives it no code ("00" is not one).
    pub const fn inegi_digits(self) -> Option<usize> {
        match self {
            JurisdictionKind::Estado => Some(2),
            JurisdictionKind::Municipio | JurisdictionKind::Alcaldia => Some(5),
            JurisdictionKind::Federacion => None,
        }
    }

    /// The kind of what a code of the catalogue names: 2 digits a state, 5 a
    /// municipality, or an alcaldía when the state is Mexico City.
    pub fn of_code(code: &str) -> Option<Self> {
        match code.len() {
            2 => Some(JurisdictionKind::Estado),
            5 if code.starts_with(catalog::CDMX) => Some(JurisdictionKind::Alcaldia),
            5 => Some(JurisdictionKind::Municipio),
            _ => None,
        }
    }
}

/// An INEGI geostatistical code (Marco Geoestadístico): "09" or "09015".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InegiCode(String);

impl InegiCode {
    /// Checks the shape for the kind of jurisdiction and that the state part is
    /// 01-32. The federation has no code: any code for it is refused.
    pub fn parse(raw: &str, kind: JurisdictionKind) -> Result<Self, Problem> {
        let code: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if code.is_empty() {
            return Err(Problem::Missing);
        }
        let Some(digits) = kind.inegi_digits() else {
            return Err(Problem::InegiCodeShape { kind });
        };
        if code.len() != digits || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Problem::InegiCodeShape { kind });
        }
        let state: u8 = code[..2].parse().map_err(|_| Problem::InegiUnknownState)?;
        if !(1..=32).contains(&state) {
            return Err(Problem::InegiUnknownState);
        }
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The name stored for the federation (the country's official name).
pub const FEDERATION_NAME: &str = "Estados Unidos Mexicanos";

/// One government that makes the plan: a state, a municipality or alcaldía,
/// or the federation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jurisdiction {
    pub kind: JurisdictionKind,
    pub name: String,
    /// The INEGI code; absent for the federation, and only for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inegi_code: Option<InegiCode>,
    /// Whether this member leads the plan: exactly one member of a plan's list
    /// does (the only member of a one-member list too). Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lead: bool,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Jurisdiction);

impl ListItem for Jurisdiction {
    /// The same government: the same kind and INEGI code.
    fn same_item(&self, other: &Self) -> bool {
        self.kind == other.kind && self.inegi_code == other.inegi_code
    }
}

impl Jurisdiction {
    /// The state, municipality or alcaldía that a code of the catalogue names,
    /// with the catalogue's name (not marked as the lead).
    pub fn from_catalog(code: &str) -> Option<Self> {
        let kind = JurisdictionKind::of_code(code)?;
        let (code, name) = match kind {
            JurisdictionKind::Estado => catalog::state(code).map(|s| (s.code, s.name))?,
            _ => catalog::municipality(code).map(|m| (m.code, m.name))?,
        };
        Some(Self {
            kind,
            name: name.to_owned(),
            inegi_code: Some(InegiCode(code.to_owned())),
            lead: false,
            unknown: Unknown::new(),
        })
    }

    /// The federation, as the maker of a national plan.
    pub fn federation() -> Self {
        Self {
            kind: JurisdictionKind::Federacion,
            name: FEDERATION_NAME.to_owned(),
            inegi_code: None,
            lead: true,
            unknown: Unknown::new(),
        }
    }

    /// The INEGI code as text, when there is one.
    pub fn code(&self) -> Option<&str> {
        self.inegi_code.as_ref().map(InegiCode::as_str)
    }
}

/// What kind of maker a plan has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Makers {
    /// One state, municipality or alcaldía.
    One,
    /// Two or more states, municipalities or alcaldías, one of which leads.
    Coalition,
    /// The federation (a national plan).
    Federation,
}

/// Who makes the plan (schema 5): one state, municipality or alcaldía; a
/// coalition of two or more of them, one of which leads; or the federation
/// alone. Stored as the list of members in the order the plan names them,
/// with the lead marked `"lead": true` in its own entry (our equivalent of
/// "members plus which one leads": each member reads whole in the file, and
/// reordering the list cannot make an index point at another member).
///
/// The rules hold by construction ([`Jurisdictions::new`]) and when a draft is
/// read (serde goes through the same function): at least one member; the
/// federation alone and without a code; every other member with a code of its
/// kind's shape; no member twice; exactly one lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Jurisdiction>", into = "Vec<Jurisdiction>")]
pub struct Jurisdictions(Vec<Jurisdiction>);

/// Why a list of members cannot make a plan. Positions count from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JurisdictionsError {
    #[error("a plan is made by at least one jurisdiction")]
    Empty,
    #[error("the federation makes a plan alone, not in a coalition")]
    FederationNotAlone,
    #[error("member {position}: the federation has no INEGI code")]
    FederationWithCode { position: usize },
    #[error("member {position}: its INEGI code is missing or does not fit its kind")]
    CodeShape { position: usize },
    #[error("member {position} is member {first} again")]
    Duplicate { position: usize, first: usize },
    #[error("no member is marked as the lead")]
    NoLead,
    #[error("{count} members are marked as the lead; exactly one leads")]
    SeveralLeads { count: usize },
}

impl Jurisdictions {
    /// Checks the members (see the type's rules) as they are, lead marks included.
    pub fn new(members: Vec<Jurisdiction>) -> Result<Self, JurisdictionsError> {
        use JurisdictionsError as E;
        if members.is_empty() {
            return Err(E::Empty);
        }
        let federation = members
            .iter()
            .any(|m| m.kind == JurisdictionKind::Federacion);
        if federation && members.len() > 1 {
            return Err(E::FederationNotAlone);
        }
        for (i, m) in members.iter().enumerate() {
            let position = i + 1;
            match (m.kind, &m.inegi_code) {
                (JurisdictionKind::Federacion, None) => {}
                (JurisdictionKind::Federacion, Some(_)) => {
                    return Err(E::FederationWithCode { position })
                }
                (kind, code) => {
                    let fits = code
                        .as_ref()
                        .is_some_and(|c| InegiCode::parse(c.as_str(), kind).as_ref() == Ok(c));
                    if !fits {
                        return Err(E::CodeShape { position });
                    }
                }
            }
            if let Some(first) = members[..i].iter().position(|o| o.same_item(m)) {
                return Err(E::Duplicate {
                    position,
                    first: first + 1,
                });
            }
        }
        match members.iter().filter(|m| m.lead).count() {
            1 => Ok(Self(members)),
            0 => Err(E::NoLead),
            count => Err(E::SeveralLeads { count }),
        }
    }

    /// The members with the one at `lead` (from 0) marked as the lead, checked.
    pub fn with_lead(
        mut members: Vec<Jurisdiction>,
        lead: usize,
    ) -> Result<Self, JurisdictionsError> {
        for (i, m) in members.iter_mut().enumerate() {
            m.lead = i == lead;
        }
        Self::new(members)
    }

    /// One state, municipality or alcaldía (or the federation) that makes the plan alone.
    pub fn one(member: Jurisdiction) -> Result<Self, JurisdictionsError> {
        Self::with_lead(vec![member], 0)
    }

    /// The federation, alone.
    pub fn federation() -> Self {
        Self(vec![Jurisdiction::federation()])
    }

    /// The members, in the order the plan names them.
    pub fn members(&self) -> &[Jurisdiction] {
        &self.0
    }

    /// The member that leads (the only one, when there is one).
    pub fn lead(&self) -> &Jurisdiction {
        self.0
            .iter()
            .find(|m| m.lead)
            .expect("exactly one member leads (checked by Jurisdictions::new)")
    }

    /// One jurisdiction, a coalition or the federation.
    pub fn makers(&self) -> Makers {
        match self.0.as_slice() {
            [only] if only.kind == JurisdictionKind::Federacion => Makers::Federation,
            [_] => Makers::One,
            _ => Makers::Coalition,
        }
    }
}

impl TryFrom<Vec<Jurisdiction>> for Jurisdictions {
    type Error = JurisdictionsError;
    fn try_from(members: Vec<Jurisdiction>) -> Result<Self, Self::Error> {
        Self::new(members)
    }
}

impl From<Jurisdictions> for Vec<Jurisdiction> {
    fn from(j: Jurisdictions) -> Self {
        j.0
    }
}

impl Carry for Jurisdictions {
    fn carry_from(&mut self, old: &Self) {
        self.0.carry_from(&old.0);
    }

    fn holds_unknown(&self) -> bool {
        self.0.holds_unknown()
    }
}

/// The first step of the methodology, in its typed, valid form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Who makes the plan (schema 5; one `jurisdiction` until schema 4).
    pub jurisdictions: Jurisdictions,
    pub plan_name: String,
    pub period: Period,
    /// The day the administration's term ends (schema 4). OGP Local asks for at
    /// least 16 months left when the plan starts.
    #[serde(default)]
    pub term_end: Option<PartialDate>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Profile, jurisdictions, period);

/// Months the administration must still have ahead (OGP Local eligibility).
pub const MIN_MONTHS_LEFT: i32 = 16;

impl Profile {
    /// The member that leads the plan (the only one, unless a coalition makes it).
    /// Rules that depend on one kind of government decide on this member.
    pub fn lead(&self) -> &Jurisdiction {
        self.jurisdictions.lead()
    }

    /// Whole months from `today` to the term's end, when the term end is known.
    /// A term end given as a month or a year counts to its last day.
    pub fn months_left(&self, today: Date) -> Option<i32> {
        let end = self.term_end?.last_day();
        let mut months = (end.year() - today.year()) * 12 + i32::from(u8::from(end.month()))
            - i32::from(u8::from(today.month()));
        if end.day() < today.day() {
            months -= 1;
        }
        Some(months)
    }
    /// True when the term ends fewer than 16 months after `today`.
    pub fn term_too_short(&self, today: Date) -> bool {
        self.months_left(today).is_some_and(|m| m < MIN_MONTHS_LEFT)
    }
}

/// The key of the profile page's kind choice for a coalition (the other
/// choices are [`JurisdictionKind::key`]s).
pub const COALITION_KEY: &str = "coalicion";

/// The profile page's fields exactly as entered. Serde names are the
/// [`Field::key`]s, so stored unsaved input and form ids share one vocabulary.
/// The state and the municipality are INEGI codes chosen from the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileInput {
    /// A [`JurisdictionKind::key`] or [`COALITION_KEY`].
    #[serde(rename = "tipo-jurisdiccion")]
    pub kind: String,
    /// 2-digit INEGI state code.
    #[serde(rename = "estado")]
    pub state: String,
    /// 5-digit INEGI code of the municipality or alcaldía.
    #[serde(rename = "municipio")]
    pub municipality: String,
    /// A coalition's members: catalogue codes, comma-separated, in order.
    #[serde(rename = "integrantes")]
    pub members: String,
    /// The code of the member that leads the coalition.
    #[serde(rename = "lider")]
    pub lead: String,
    /// The member being chosen for "Agregar a la coalición": its kind key,
    /// its state and its municipality or alcaldía.
    #[serde(rename = "integrante-tipo")]
    pub member_kind: String,
    #[serde(rename = "integrante-estado")]
    pub member_state: String,
    #[serde(rename = "integrante-municipio")]
    pub member_municipality: String,
    #[serde(rename = "nombre-plan")]
    pub plan_name: String,
    #[serde(rename = "inicio-plan")]
    pub start: String,
    #[serde(rename = "termino-plan")]
    pub end: String,
    #[serde(rename = "fin-administracion")]
    pub term_end: String,
}

impl ProfileInput {
    /// The inputs that show a saved profile again, for editing.
    pub fn from_profile(profile: &Profile) -> Self {
        let mut input = Self {
            plan_name: profile.plan_name.clone(),
            start: format_date(profile.period.start()),
            end: format_date(profile.period.end()),
            term_end: profile.term_end.map(format_date).unwrap_or_default(),
            ..Self::default()
        };
        let js = &profile.jurisdictions;
        match js.makers() {
            Makers::Federation => input.kind = JurisdictionKind::Federacion.key().to_owned(),
            Makers::Coalition => {
                input.kind = COALITION_KEY.to_owned();
                input.members = js
                    .members()
                    .iter()
                    .filter_map(Jurisdiction::code)
                    .collect::<Vec<_>>()
                    .join(",");
                input.lead = js.lead().code().unwrap_or_default().to_owned();
            }
            Makers::One => {
                let only = js.lead();
                let code = only.code().unwrap_or_default();
                input.kind = only.kind.key().to_owned();
                (input.state, input.municipality) = match only.kind {
                    JurisdictionKind::Estado => (code.to_owned(), String::new()),
                    _ => (code.get(..2).unwrap_or("").to_owned(), code.to_owned()),
                };
            }
        }
        input
    }

    /// Turns the inputs into a [`Profile`] or every problem found, in page order.
    /// The member being chosen for a coalition is not part of it until added.
    pub fn parse(&self) -> Result<Profile, Vec<FieldError>> {
        let mut errors = Vec::new();
        let jurisdictions = match self.kind.trim() {
            COALITION_KEY => self.coalition(&mut errors),
            key => match JurisdictionKind::from_key(key) {
                None => {
                    errors.push(FieldError::new(Field::JurisdictionKind, Problem::Missing));
                    None
                }
                Some(JurisdictionKind::Federacion) => Some(Jurisdictions::federation()),
                Some(kind) => resolve(
                    kind,
                    &self.state,
                    &self.municipality,
                    (Field::State, Field::Municipality),
                    &mut errors,
                )
                .and_then(|j| Jurisdictions::one(j).ok()),
            },
        };
        let plan_name = required_text(&self.plan_name, Field::PlanName, MAX_NAME, &mut errors);
        let period = Period::parse(
            &self.start,
            &self.end,
            Field::PlanStart,
            Field::PlanEnd,
            &mut errors,
        );
        let term_end = optional(
            &self.term_end,
            Named::TermEnd.into(),
            parse_date,
            &mut errors,
        );
        match (jurisdictions, plan_name, period) {
            (Some(jurisdictions), Some(plan_name), Some(period)) if errors.is_empty() => {
                Ok(Profile {
                    jurisdictions,
                    plan_name,
                    period,
                    term_end,
                    unknown: Unknown::new(),
                })
            }
            _ => Err(errors),
        }
    }

    /// The coalition's codes, in order (empty entries dropped).
    pub fn member_codes(&self) -> Vec<&str> {
        member_codes(&self.members)
    }

    /// The coalition as listed: at least two members of the catalogue, none
    /// twice, and one chosen as the lead.
    fn coalition(&self, errors: &mut Vec<FieldError>) -> Option<Jurisdictions> {
        let before = errors.len();
        let field = Field::Named(Named::Members);
        let codes = self.member_codes();
        let mut members: Vec<Jurisdiction> = Vec::with_capacity(codes.len());
        for code in &codes {
            match Jurisdiction::from_catalog(code) {
                None => errors.push(FieldError::new(field, Problem::NotInCatalog)),
                Some(m) if members.iter().any(|o| o.same_item(&m)) => errors.push(FieldError::new(
                    field,
                    Problem::AlreadyMember {
                        code: (*code).to_owned(),
                    },
                )),
                Some(m) => members.push(m),
            }
        }
        match codes.len() {
            0 => errors.push(FieldError::new(field, Problem::Missing)),
            1 => errors.push(FieldError::new(field, Problem::TooFewMembers)),
            _ => {}
        }
        let lead = self.lead.trim();
        let lead_at = members.iter().position(|m| m.code() == Some(lead));
        if lead_at.is_none() && !members.is_empty() {
            errors.push(FieldError::new(Named::Lead.into(), Problem::Missing));
        }
        // A member chosen but not added would be lost without a word.
        if let Ok(pending) = self.member_to_add() {
            let field = if pending.kind == JurisdictionKind::Estado {
                Named::MemberState
            } else {
                Named::MemberMunicipality
            };
            errors.push(FieldError::new(
                field.into(),
                Problem::MemberNotAdded {
                    code: pending.code().unwrap_or_default().to_owned(),
                },
            ));
        }
        if errors.len() > before {
            return None;
        }
        Jurisdictions::with_lead(members, lead_at?).ok()
    }

    /// The member chosen in the "add" fields, checked against the catalogue and
    /// against the members already listed.
    pub fn member_to_add(&self) -> Result<Jurisdiction, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = match JurisdictionKind::from_key(self.member_kind.trim()) {
            Some(kind) if kind != JurisdictionKind::Federacion => kind,
            _ => {
                errors.push(FieldError::new(Named::MemberKind.into(), Problem::Missing));
                return Err(errors);
            }
        };
        let fields = (Named::MemberState.into(), Named::MemberMunicipality.into());
        let Some(member) = resolve(
            kind,
            &self.member_state,
            &self.member_municipality,
            fields,
            &mut errors,
        ) else {
            return Err(errors);
        };
        let code = member.code().unwrap_or_default();
        if self.member_codes().contains(&code) {
            let field = if kind == JurisdictionKind::Estado {
                fields.0
            } else {
                fields.1
            };
            errors.push(FieldError::new(
                field,
                Problem::AlreadyMember {
                    code: code.to_owned(),
                },
            ));
            return Err(errors);
        }
        Ok(member)
    }

    /// "Agregar a la coalición": appends the member chosen ([`Self::member_to_add`])
    /// to the list, makes it the lead when no lead is chosen yet, and clears the
    /// municipality choice for the next member (kind and state stay: members
    /// often share them).
    pub fn add_member(&mut self) -> Result<Jurisdiction, Vec<FieldError>> {
        let member = self.member_to_add()?;
        let code = member.code().unwrap_or_default();
        let mut codes = self.member_codes();
        codes.push(code);
        self.members = codes.join(",");
        if self.lead.trim().is_empty() {
            self.lead = code.to_owned();
        }
        self.member_municipality.clear();
        Ok(member)
    }

    /// Takes `code` out of the list; if it was the lead, no lead is chosen.
    pub fn remove_member(&mut self, code: &str) {
        let codes: Vec<&str> = self
            .member_codes()
            .into_iter()
            .filter(|c| *c != code)
            .collect();
        self.members = codes.join(",");
        if self.lead.trim() == code {
            self.lead.clear();
        }
    }

    /// Moves `code` one place up (towards the first) or down; false when it
    /// cannot move that way.
    pub fn move_member(&mut self, code: &str, up: bool) -> bool {
        let mut codes = self.member_codes();
        let Some(at) = codes.iter().position(|c| *c == code) else {
            return false;
        };
        let to = if up { at.checked_sub(1) } else { Some(at + 1) };
        match to {
            Some(to) if to < codes.len() => {
                codes.swap(at, to);
                self.members = codes.join(",");
                true
            }
            _ => false,
        }
    }
}

/// The codes of a coalition's members field ("19,19039"), in order, empty
/// entries dropped.
pub fn member_codes(raw: &str) -> Vec<&str> {
    raw.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// The state (and municipality or alcaldía) chosen for `kind`, checked against
/// the INEGI catalogue; problems go to `fields` (state, municipality).
fn resolve(
    kind: JurisdictionKind,
    state_raw: &str,
    municipality_raw: &str,
    fields: (Field, Field),
    errors: &mut Vec<FieldError>,
) -> Option<Jurisdiction> {
    let (state_field, municipality_field) = fields;
    // Alcaldías exist only in Mexico City: its state is implied.
    let state_code = match (kind, state_raw.trim()) {
        (JurisdictionKind::Alcaldia, "") => catalog::CDMX,
        (_, code) => code,
    };
    let state = if state_code.is_empty() {
        errors.push(FieldError::new(state_field, Problem::Missing));
        None
    } else if let Some(state) = catalog::state(state_code) {
        let is_cdmx = state.code == catalog::CDMX;
        let fits = match kind {
            JurisdictionKind::Estado => true,
            JurisdictionKind::Municipio => !is_cdmx,
            JurisdictionKind::Alcaldia => is_cdmx,
            JurisdictionKind::Federacion => false,
        };
        if fits {
            Some(state)
        } else {
            errors.push(FieldError::new(state_field, Problem::KindDoesNotFitState));
            None
        }
    } else {
        errors.push(FieldError::new(state_field, Problem::NotInCatalog));
        None
    };
    if kind == JurisdictionKind::Estado {
        return state.and_then(|s| Jurisdiction::from_catalog(s.code));
    }
    let code = municipality_raw.trim();
    if code.is_empty() {
        errors.push(FieldError::new(municipality_field, Problem::Missing));
        return None;
    }
    let Some(m) = catalog::municipality(code) else {
        errors.push(FieldError::new(municipality_field, Problem::NotInCatalog));
        return None;
    };
    let state = state?;
    if m.state_code() != state.code {
        errors.push(FieldError::new(
            municipality_field,
            Problem::MunicipalityOfOtherState,
        ));
        return None;
    }
    Jurisdiction::from_catalog(m.code)
}

/// The coordinating office and its contact person (profile, page 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    /// The office that coordinates the plan ("Dirección de Gobierno Abierto").
    pub name: String,
    /// Who answers for the plan: an institution, a person, or both.
    pub contact: Contact,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Office, contact);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfficeInput {
    #[serde(rename = "oficina-coordinadora")]
    pub name: String,
    #[serde(flatten)]
    pub contact: ContactInput,
}

impl OfficeInput {
    pub fn from_value(o: &Office) -> Self {
        Self {
            name: o.name.clone(),
            contact: ContactInput::from_contact(&o.contact),
        }
    }
    pub fn parse(&self) -> Result<Office, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text(
            &self.name,
            Named::CoordinatingOffice.into(),
            MAX_SHORT,
            &mut errors,
        );
        let contact = self.contact.parse_into(ContactRules::ANY, &mut errors);
        match (name, contact) {
            (Some(name), Some(contact)) if errors.is_empty() => Ok(Office {
                name,
                contact,
                unknown: Unknown::new(),
            }),
            _ => Err(errors),
        }
    }
}

/// The planning and legal framework (profile, page 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Framework {
    /// The development plan in force (Plan Estatal / Municipal de Desarrollo).
    #[serde(default)]
    pub development_plan: Option<String>,
    pub pnd_edition: catalog::PndEdition,
    /// Laws and rules that apply, one per entry.
    #[serde(default)]
    pub legal_framework: Vec<String>,
    /// Who acts as local guarantor of access to information.
    #[serde(default)]
    pub guarantor: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Framework);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FrameworkInput {
    #[serde(rename = "plan-desarrollo")]
    pub development_plan: String,
    /// "2019-2024" or "2025-2030".
    #[serde(rename = "edicion-pnd")]
    pub pnd_edition: String,
    /// One law or rule per line.
    #[serde(rename = "marco-juridico")]
    pub legal_framework: String,
    #[serde(rename = "organo-garante")]
    pub guarantor: String,
}

impl FrameworkInput {
    pub fn from_value(f: &Framework) -> Self {
        Self {
            development_plan: f.development_plan.clone().unwrap_or_default(),
            pnd_edition: f.pnd_edition.label().to_owned(),
            legal_framework: f.legal_framework.join("\n"),
            guarantor: f.guarantor.clone().unwrap_or_default(),
        }
    }
    pub fn parse(&self) -> Result<Framework, Vec<FieldError>> {
        let mut errors = Vec::new();
        let development_plan = optional_text(
            &self.development_plan,
            Named::DevelopmentPlan.into(),
            MAX_SHORT,
            &mut errors,
        );
        let pnd_edition = match self.pnd_edition.trim() {
            "" => {
                errors.push(FieldError::new(Named::PndEdition.into(), Problem::Missing));
                None
            }
            "2019-2024" => Some(catalog::PndEdition::Pnd2019),
            "2025-2030" => Some(catalog::PndEdition::Pnd2025),
            _ => {
                errors.push(FieldError::new(
                    Named::PndEdition.into(),
                    Problem::UnknownChoice,
                ));
                None
            }
        };
        if self.legal_framework.chars().count() > MAX_LONG {
            errors.push(FieldError::new(
                Named::LegalFramework.into(),
                Problem::TooLong { max: MAX_LONG },
            ));
        }
        let legal_framework = super::coordination::lines(&self.legal_framework);
        let guarantor = optional_text(
            &self.guarantor,
            Named::Guarantor.into(),
            MAX_SHORT,
            &mut errors,
        );
        match pnd_edition {
            Some(pnd_edition) if errors.is_empty() => Ok(Framework {
                development_plan,
                pnd_edition,
                legal_framework,
                guarantor,
                unknown: Unknown::new(),
            }),
            _ => Err(errors),
        }
    }
}
