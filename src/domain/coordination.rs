//! Steps 2 and 3: the political commitment (declaratoria) and the coordination
//! body (espacio de coordinación) with its members and the directory of
//! civil-society organisations.

use serde::{Deserialize, Serialize};

use super::choice::{choices, next_id, required_choice, ItemId};
use super::contact::{
    optional, same_name, Contact, ContactInput, ContactRules, Email, Phone, WebAddress, MAX_LONG,
    MAX_SHORT,
};
use super::date::{format_date, parse_date, PartialDate};
use super::error::{optional_text, required_text, FieldError, Named, Problem, Reading};
use super::unknown::{carry_fields, list_item_by, Unknown};

choices! {
    /// The document by which the authorities commit to open government.
    PoliticalKind {
        Declaratoria => "declaratoria",
        CartaApoyo => "carta-apoyo",
        Convenio => "convenio",
        Otro => "otro",
    }
}

/// Step 2: who signed the commitment to open government, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliticalCommitment {
    #[serde(default)]
    pub kind: Option<PoliticalKind>,
    /// One signatory per entry ("Gobernadora del Estado", "Comisión de Transparencia"...).
    #[serde(default)]
    pub signatories: Vec<String>,
    #[serde(default)]
    pub date: Option<PartialDate>,
    #[serde(default)]
    pub document_url: Option<WebAddress>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(PoliticalCommitment);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PoliticalInput {
    #[serde(rename = "tipo-compromiso-politico")]
    pub kind: String,
    /// One signatory per line.
    #[serde(rename = "firmantes")]
    pub signatories: String,
    #[serde(rename = "fecha-compromiso-politico")]
    pub date: String,
    #[serde(rename = "liga-documento")]
    pub document_url: String,
}

/// Splits a text area into its non-empty trimmed lines.
pub fn lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

impl PoliticalInput {
    pub fn from_value(p: &PoliticalCommitment) -> Self {
        Self {
            kind: p.kind.map(|k| k.key().to_owned()).unwrap_or_default(),
            signatories: p.signatories.join("\n"),
            date: p.date.map(format_date).unwrap_or_default(),
            document_url: p
                .document_url
                .as_ref()
                .map(|u| u.as_str().to_owned())
                .unwrap_or_default(),
        }
    }
    /// Parses the page (strict: every rule met).
    pub fn parse(&self) -> Result<PoliticalCommitment, Vec<FieldError>> {
        self.read().complete()
    }

    /// Reads the page by its rules (see [`Reading`]).
    pub fn read(&self) -> Reading<PoliticalCommitment> {
        let mut errors = Vec::new();
        let kind = required_choice(
            &self.kind,
            Named::PoliticalKind.into(),
            PoliticalKind::from_key,
            &mut errors,
        );
        let signatories = lines(&self.signatories);
        if signatories.is_empty() {
            errors.push(FieldError::new(Named::Signatories.into(), Problem::Missing));
        } else if self.signatories.chars().count() > MAX_LONG {
            errors.push(FieldError::new(
                Named::Signatories.into(),
                Problem::TooLong { max: MAX_LONG },
            ));
        }
        let date = parse_date(&self.date)
            .map_err(|p| errors.push(FieldError::new(Named::PoliticalDate.into(), p)))
            .ok();
        let document_url = optional(
            &self.document_url,
            Named::DocumentUrl.into(),
            WebAddress::parse,
            &mut errors,
        );
        Reading::new(
            || PoliticalCommitment {
                kind,
                signatories,
                date,
                document_url,
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

choices! {
    /// Kinds of coordination body the methodology names.
    BodyKind {
        SecretariadoTecnicoLocal => "stl",
        ForoMultiactor => "foro-multiactor",
        ComiteCoordinador => "comite-coordinador",
        GrupoImpulsor => "grupo-impulsor",
        Otro => "otro",
    }
}

choices! {
    /// How often the coordination body meets.
    Cadence {
        Mensual => "mensual",
        Bimestral => "bimestral",
        Trimestral => "trimestral",
        Semestral => "semestral",
        Anual => "anual",
        SinDefinir => "sin-definir",
    }
}

impl Cadence {
    /// Months between meetings, when defined.
    pub fn months(self) -> Option<u8> {
        match self {
            Cadence::Mensual => Some(1),
            Cadence::Bimestral => Some(2),
            Cadence::Trimestral => Some(3),
            Cadence::Semestral => Some(6),
            Cadence::Anual => Some(12),
            Cadence::SinDefinir => None,
        }
    }
    /// OGP's minimum: the forum meets at least every six months.
    pub fn meets_ogp_minimum(self) -> bool {
        self.months().is_some_and(|m| m <= 6)
    }
}

/// Step 3: the coordination body itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinationBody {
    #[serde(default)]
    pub kind: Option<BodyKind>,
    /// What the kind is, when "otro".
    #[serde(default)]
    pub kind_other: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub selection_method: Option<String>,
    #[serde(default)]
    pub rules_url: Option<WebAddress>,
    #[serde(default)]
    pub cadence: Option<Cadence>,
    #[serde(default)]
    pub installation_date: Option<PartialDate>,
    #[serde(default)]
    pub installation_url: Option<WebAddress>,
    #[serde(default)]
    pub monitoring_body: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(CoordinationBody);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BodyInput {
    #[serde(rename = "tipo-espacio")]
    pub kind: String,
    #[serde(rename = "tipo-espacio-cual")]
    pub kind_other: String,
    #[serde(rename = "nombre-espacio")]
    pub name: String,
    #[serde(rename = "metodo-seleccion")]
    pub selection_method: String,
    #[serde(rename = "liga-reglas")]
    pub rules_url: String,
    #[serde(rename = "frecuencia-sesiones")]
    pub cadence: String,
    #[serde(rename = "fecha-instalacion")]
    pub installation_date: String,
    #[serde(rename = "liga-acta")]
    pub installation_url: String,
    #[serde(rename = "organo-seguimiento")]
    pub monitoring_body: String,
}

impl BodyInput {
    pub fn from_value(b: &CoordinationBody) -> Self {
        Self {
            kind: b.kind.map(|k| k.key().into()).unwrap_or_default(),
            kind_other: b.kind_other.clone().unwrap_or_default(),
            name: b.name.clone(),
            selection_method: b.selection_method.clone().unwrap_or_default(),
            rules_url: b
                .rules_url
                .as_ref()
                .map(|u| u.as_str().to_owned())
                .unwrap_or_default(),
            cadence: b.cadence.map(|k| k.key().into()).unwrap_or_default(),
            installation_date: b.installation_date.map(format_date).unwrap_or_default(),
            installation_url: b
                .installation_url
                .as_ref()
                .map(|u| u.as_str().to_owned())
                .unwrap_or_default(),
            monitoring_body: b.monitoring_body.clone().unwrap_or_default(),
        }
    }
    /// Parses the page (strict: every rule met).
    pub fn parse(&self) -> Result<CoordinationBody, Vec<FieldError>> {
        self.read().complete()
    }

    /// Reads the page by its rules (see [`Reading`]).
    pub fn read(&self) -> Reading<CoordinationBody> {
        let mut errors = Vec::new();
        let kind = required_choice(
            &self.kind,
            Named::BodyKind.into(),
            BodyKind::from_key,
            &mut errors,
        );
        let kind_other = if kind == Some(BodyKind::Otro) {
            required_text(
                &self.kind_other,
                Named::BodyKindOther.into(),
                MAX_SHORT,
                &mut errors,
            )
        } else {
            None
        };
        let name = required_text(&self.name, Named::BodyName.into(), MAX_SHORT, &mut errors);
        let selection_method = optional_text(
            &self.selection_method,
            Named::SelectionMethod.into(),
            MAX_LONG,
            &mut errors,
        );
        let rules_url = optional(
            &self.rules_url,
            Named::RulesUrl.into(),
            WebAddress::parse,
            &mut errors,
        );
        let cadence = required_choice(
            &self.cadence,
            Named::Cadence.into(),
            Cadence::from_key,
            &mut errors,
        );
        let installation_date = optional(
            &self.installation_date,
            Named::InstallationDate.into(),
            parse_date,
            &mut errors,
        );
        let installation_url = optional(
            &self.installation_url,
            Named::InstallationUrl.into(),
            WebAddress::parse,
            &mut errors,
        );
        let monitoring_body = optional_text(
            &self.monitoring_body,
            Named::MonitoringBody.into(),
            MAX_SHORT,
            &mut errors,
        );
        Reading::new(
            || CoordinationBody {
                kind,
                kind_other,
                name: name.unwrap_or_default(),
                selection_method,
                rules_url,
                cadence,
                installation_date,
                installation_url,
                monitoring_body,
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

/// A member of the coordination body: an institution or organisation,
/// optionally with a person, with its sector and branch (in the contact).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: ItemId,
    /// Schema 4 kept a `person` here and the sector beside it; schema 5 keeps
    /// both in the contact (`persistence::envelope`, `people_to_5`).
    pub contact: Contact,
    /// Their role in the body ("Presidencia", "Secretaría técnica", "Integrante").
    #[serde(default)]
    pub role: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Member, contact);
list_item_by!(Member, id);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberInput {
    #[serde(flatten)]
    pub contact: ContactInput,
    #[serde(rename = "papel")]
    pub role: String,
}

impl MemberInput {
    pub fn from_value(m: &Member) -> Self {
        Self {
            contact: ContactInput::from_contact(&m.contact),
            role: m.role.clone().unwrap_or_default(),
        }
    }
    /// The institution is required; the person, sector, branch and role are not.
    pub fn parse(&self, id: ItemId) -> Result<Member, Vec<FieldError>> {
        let mut errors = Vec::new();
        let contact = self
            .contact
            .parse_into(ContactRules::INSTITUTION, &mut errors);
        let role = optional_text(&self.role, Named::Role.into(), MAX_SHORT, &mut errors);
        match contact {
            Some(contact) if errors.is_empty() => Ok(Member {
                id,
                contact,
                role,
                unknown: Unknown::new(),
            }),
            _ => Err(errors),
        }
    }
}

/// An organisation of the civil-society directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub id: ItemId,
    pub name: String,
    /// Themes it works on ("transparencia presupuestaria, salud").
    #[serde(default)]
    pub themes: Option<String>,
    /// Priority groups it works with (women, indigenous peoples, youth…).
    #[serde(default)]
    pub priority_groups: Option<String>,
    #[serde(default)]
    pub contact_name: Option<String>,
    #[serde(default)]
    pub email: Option<Email>,
    #[serde(default)]
    pub phone: Option<Phone>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Organization);
list_item_by!(Organization, id);

impl Organization {
    /// The contact person's name, unless it only repeats the organisation's.
    pub fn distinct_contact_name(&self) -> Option<&str> {
        self.contact_name
            .as_deref()
            .filter(|n| !same_name(n, &self.name))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganizationInput {
    #[serde(rename = "nombre-organizacion")]
    pub name: String,
    #[serde(rename = "temas")]
    pub themes: String,
    #[serde(rename = "grupos-prioritarios")]
    pub priority_groups: String,
    #[serde(rename = "persona-nombre")]
    pub contact_name: String,
    #[serde(rename = "persona-correo")]
    pub email: String,
    #[serde(rename = "persona-telefono")]
    pub phone: String,
}

impl OrganizationInput {
    pub fn from_value(o: &Organization) -> Self {
        Self {
            name: o.name.clone(),
            themes: o.themes.clone().unwrap_or_default(),
            priority_groups: o.priority_groups.clone().unwrap_or_default(),
            contact_name: o.contact_name.clone().unwrap_or_default(),
            email: o
                .email
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
            phone: o
                .phone
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
        }
    }
    pub fn parse(&self, id: ItemId) -> Result<Organization, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text(&self.name, Named::OrgName.into(), MAX_SHORT, &mut errors);
        let themes = optional_text(&self.themes, Named::OrgThemes.into(), MAX_LONG, &mut errors);
        let priority_groups = optional_text(
            &self.priority_groups,
            Named::OrgGroups.into(),
            MAX_LONG,
            &mut errors,
        );
        let contact_name = optional_text(
            &self.contact_name,
            Named::PersonName.into(),
            MAX_SHORT,
            &mut errors,
        );
        let email = optional(
            &self.email,
            Named::PersonEmail.into(),
            Email::parse,
            &mut errors,
        );
        let phone = optional(
            &self.phone,
            Named::PersonPhone.into(),
            Phone::parse,
            &mut errors,
        );
        match name {
            Some(name) if errors.is_empty() => Ok(Organization {
                id,
                name,
                themes,
                priority_groups,
                contact_name,
                email,
                phone,
                unknown: Unknown::new(),
            }),
            _ => Err(errors),
        }
    }
}

/// Everything about coordination in the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coordination {
    #[serde(default)]
    pub body: Option<CoordinationBody>,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Coordination, body, members, organizations);

/// An OGP minimum requirement the coordination body does not meet yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoordinationGap {
    NoGovernmentMember,
    NoNonGovernmentMember,
    MeetsTooRarely,
    NoPublicRules,
}

impl Coordination {
    pub fn next_member_id(&self) -> ItemId {
        next_id(self.members.iter().map(|m| m.id))
    }
    pub fn next_organization_id(&self) -> ItemId {
        next_id(self.organizations.iter().map(|m| m.id))
    }
    pub fn is_empty(&self) -> bool {
        self.body.is_none() && self.members.is_empty() && self.organizations.is_empty()
    }

    /// OGP's minimum requirements for the multi-stakeholder forum, checked once
    /// the body has been described: government members (sector gobierno, or a
    /// branch of government) and non-government ones (civil society, academia,
    /// the private sector, citizens),
    /// meetings at least every six months, public rules.
    pub fn gaps(&self) -> Vec<CoordinationGap> {
        let Some(body) = &self.body else {
            return Vec::new();
        };
        let mut gaps = Vec::new();
        if !self.members.iter().any(|m| m.contact.is_government()) {
            gaps.push(CoordinationGap::NoGovernmentMember);
        }
        if !self.members.iter().any(|m| m.contact.is_non_government()) {
            gaps.push(CoordinationGap::NoNonGovernmentMember);
        }
        // An unknown cadence is still to write, not a gap.
        if body.cadence.is_some_and(|c| !c.meets_ogp_minimum()) {
            gaps.push(CoordinationGap::MeetsTooRarely);
        }
        if body.rules_url.is_none() {
            gaps.push(CoordinationGap::NoPublicRules);
        }
        gaps
    }
}

super::choice::identified!(Member, Organization);

impl PoliticalCommitment {
    /// True when nothing the page asks for is missing.
    pub fn is_complete(&self) -> bool {
        PoliticalInput::from_value(self).read().pending().is_empty()
    }
}

impl CoordinationBody {
    /// True when nothing the page asks for is missing.
    pub fn is_complete(&self) -> bool {
        BodyInput::from_value(self).read().pending().is_empty()
    }
}
