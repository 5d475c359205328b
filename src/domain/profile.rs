//! The jurisdiction's profile: who makes the plan, its name and its period.

use serde::{Deserialize, Serialize};

use time::Date;

use super::contact::{optional, Contact, ContactInput, ContactRules, MAX_LONG, MAX_SHORT};
use super::date::{format_date, parse_date, PartialDate, Period};
use super::error::{optional_text, required_text, Field, FieldError, Named, Problem};
use super::unknown::{carry_fields, Unknown};
use crate::catalog;

/// Longest accepted name (jurisdiction, plan).
pub const MAX_NAME: usize = 200;

/// The order of government that drafts the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionKind {
    Estado,
    Municipio,
    Alcaldia,
}

impl JurisdictionKind {
    pub const ALL: [JurisdictionKind; 3] = [
        JurisdictionKind::Estado,
        JurisdictionKind::Municipio,
        JurisdictionKind::Alcaldia,
    ];

    /// Stable key, used in forms and stored drafts.
    pub const fn key(self) -> &'static str {
        match self {
            JurisdictionKind::Estado => "estado",
            JurisdictionKind::Municipio => "municipio",
            JurisdictionKind::Alcaldia => "alcaldia",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Digits in the INEGI code: 2 for a state (entidad), 5 for a municipality or
    /// alcaldía (2 of the state followed by 3 of the municipality).
    pub const fn inegi_digits(self) -> usize {
        match self {
            JurisdictionKind::Estado => 2,
            JurisdictionKind::Municipio | JurisdictionKind::Alcaldia => 5,
        }
    }
}

/// An INEGI geostatistical code (Marco Geoestadístico): "09" or "09015".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InegiCode(String);

impl InegiCode {
    /// Checks the shape for the kind of jurisdiction and that the state part is 01-32.
    pub fn parse(raw: &str, kind: JurisdictionKind) -> Result<Self, Problem> {
        let code: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if code.is_empty() {
            return Err(Problem::Missing);
        }
        if code.len() != kind.inegi_digits() || !code.bytes().all(|b| b.is_ascii_digit()) {
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

/// The state, municipality or alcaldía that drafts the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jurisdiction {
    pub kind: JurisdictionKind,
    pub name: String,
    pub inegi_code: InegiCode,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Jurisdiction);

/// The first step of the methodology, in its typed, valid form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub jurisdiction: Jurisdiction,
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

carry_fields!(Profile, jurisdiction, period);

/// Months the administration must still have ahead (OGP Local eligibility).
pub const MIN_MONTHS_LEFT: i32 = 16;

impl Profile {
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

/// The profile page's fields exactly as entered. Serde names are the
/// [`Field::key`]s, so stored unsaved input and form ids share one vocabulary.
/// The state and the municipality are INEGI codes chosen from the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileInput {
    #[serde(rename = "tipo-jurisdiccion")]
    pub kind: String,
    /// 2-digit INEGI state code.
    #[serde(rename = "estado")]
    pub state: String,
    /// 5-digit INEGI code of the municipality or alcaldía.
    #[serde(rename = "municipio")]
    pub municipality: String,
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
        let code = profile.jurisdiction.inegi_code.as_str();
        let (state, municipality) = match profile.jurisdiction.kind {
            JurisdictionKind::Estado => (code.to_owned(), String::new()),
            _ => (code.get(..2).unwrap_or("").to_owned(), code.to_owned()),
        };
        Self {
            kind: profile.jurisdiction.kind.key().to_owned(),
            state,
            municipality,
            plan_name: profile.plan_name.clone(),
            start: format_date(profile.period.start()),
            end: format_date(profile.period.end()),
            term_end: profile.term_end.map(format_date).unwrap_or_default(),
        }
    }

    /// Turns the inputs into a [`Profile`] or every problem found, in page order.
    pub fn parse(&self) -> Result<Profile, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = JurisdictionKind::from_key(self.kind.trim());
        if kind.is_none() {
            errors.push(FieldError::new(Field::JurisdictionKind, Problem::Missing));
        }
        let jurisdiction = kind.and_then(|kind| self.jurisdiction(kind, &mut errors));
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
        match (jurisdiction, plan_name, period) {
            (Some(jurisdiction), Some(plan_name), Some(period)) if errors.is_empty() => {
                Ok(Profile {
                    jurisdiction,
                    plan_name,
                    period,
                    term_end,
                    unknown: Unknown::new(),
                })
            }
            _ => Err(errors),
        }
    }

    /// The state (and municipality) chosen, checked against the INEGI catalogue.
    fn jurisdiction(
        &self,
        kind: JurisdictionKind,
        errors: &mut Vec<FieldError>,
    ) -> Option<Jurisdiction> {
        // Alcaldías exist only in Mexico City: its state is implied.
        let state_code = match (kind, self.state.trim()) {
            (JurisdictionKind::Alcaldia, "") => catalog::CDMX,
            (_, code) => code,
        };
        let state = if state_code.is_empty() {
            errors.push(FieldError::new(Field::State, Problem::Missing));
            None
        } else if let Some(state) = catalog::state(state_code) {
            let is_cdmx = state.code == catalog::CDMX;
            let fits = match kind {
                JurisdictionKind::Estado => true,
                JurisdictionKind::Municipio => !is_cdmx,
                JurisdictionKind::Alcaldia => is_cdmx,
            };
            if fits {
                Some(state)
            } else {
                errors.push(FieldError::new(Field::State, Problem::KindDoesNotFitState));
                None
            }
        } else {
            errors.push(FieldError::new(Field::State, Problem::NotInCatalog));
            None
        };
        if kind == JurisdictionKind::Estado {
            return state.map(|s| Jurisdiction {
                kind,
                name: s.name.to_owned(),
                inegi_code: InegiCode(s.code.to_owned()),
                unknown: Unknown::new(),
            });
        }
        let code = self.municipality.trim();
        if code.is_empty() {
            errors.push(FieldError::new(Field::Municipality, Problem::Missing));
            return None;
        }
        let Some(m) = catalog::municipality(code) else {
            errors.push(FieldError::new(Field::Municipality, Problem::NotInCatalog));
            return None;
        };
        let state = state?;
        if m.state_code() != state.code {
            errors.push(FieldError::new(
                Field::Municipality,
                Problem::MunicipalityOfOtherState,
            ));
            return None;
        }
        Some(Jurisdiction {
            kind,
            name: m.name.to_owned(),
            inegi_code: InegiCode(m.code.to_owned()),
            unknown: Unknown::new(),
        })
    }
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
