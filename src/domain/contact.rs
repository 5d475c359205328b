//! Contacts and the ways to reach them: an institution or organisation,
//! optionally with a person (name, position, e-mail, phone), its sector and its
//! branch of government; e-mail, Mexican phone numbers, web addresses.
//!
//! Published plans name institutions more often than people ("CEPAL", "una
//! Contraloría", "Ciudadanos por la Transparencia A.C."), so a contact needs an
//! institution or a person's name, not both. Forms and drafts read contacts
//! through the same [`ContactInput::parse_into`], so a file holds nothing a
//! page would refuse.
//!
//! Contact data is personal data: it stays in the browser (README, "Privacidad").

use serde::{Deserialize, Serialize};

use super::choice::{choices, optional_choice};
use super::error::{optional_text, required_text, Field, FieldError, Named, Problem};
use super::unknown::{carry_fields, Unknown};

/// Longest short text (a name, a position, an institution).
pub const MAX_SHORT: usize = 300;
/// Longest long text (an objective, a description, a list of causes).
pub const MAX_LONG: usize = 3000;
/// Longest web address.
pub const MAX_URL: usize = 2000;

/// An e-mail address: one "@", something before it, a domain with a dot, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        // People paste "alfredo.elizondo @gesoc.org.mx" from PDFs: spaces next to "@" go.
        let text: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = text.replace(" @", "@").replace("@ ", "@");
        if text.is_empty() {
            return Err(Problem::Missing);
        }
        let Some((local, domain)) = text.split_once('@') else {
            return Err(Problem::NotAnEmail);
        };
        let ok = !local.is_empty()
            && !domain.contains('@')
            && !text.contains(char::is_whitespace)
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && text.chars().count() <= 254;
        if ok {
            Ok(Self(text))
        } else {
            Err(Problem::NotAnEmail)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Email::parse(&s).map_err(|_| "not an e-mail address")
    }
}
impl From<Email> for String {
    fn from(e: Email) -> Self {
        e.0
    }
}

/// A Mexican phone number: 10 digits, optionally preceded by +52 (or 52), with an
/// optional extension ("ext. 2489"). Kept as typed (trimmed), since people write
/// it the way their office does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(Problem::Missing);
        }
        let lower = text.to_lowercase();
        // The extension starts at "ext" or "extensión", followed by digits.
        let (number, extension) = match lower.find("ext") {
            Some(i) => (&lower[..i], Some(&lower[i..])),
            None => (lower.as_str(), None),
        };
        if let Some(ext) = extension {
            let digits: String = ext.chars().filter(char::is_ascii_digit).collect();
            let rest_ok = ext
                .trim_start_matches("extensión")
                .trim_start_matches("extension")
                .trim_start_matches("ext")
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | ' '));
            if digits.is_empty() || digits.len() > 6 || !rest_ok {
                return Err(Problem::NotAPhone);
            }
        }
        let number = number.trim().trim_end_matches([',', ';']).trim();
        if !number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+'))
        {
            return Err(Problem::NotAPhone);
        }
        if number.chars().skip(1).any(|c| c == '+') {
            return Err(Problem::NotAPhone);
        }
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        let national = if number.starts_with('+') {
            match digits.strip_prefix("52") {
                Some(rest) => rest,
                None => return Err(Problem::NotAPhone),
            }
        } else if digits.len() == 12 && digits.starts_with("52") {
            &digits[2..]
        } else {
            digits.as_str()
        };
        if national.len() == 10 {
            Ok(Self(text.to_owned()))
        } else {
            Err(Problem::NotAPhone)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Phone {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Phone::parse(&s).map_err(|_| "not a phone number")
    }
}
impl From<Phone> for String {
    fn from(p: Phone) -> Self {
        p.0
    }
}

/// A web address that starts with http:// or https:// and has a host with a dot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WebAddress(String);

impl WebAddress {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(Problem::Missing);
        }
        if text.chars().count() > MAX_URL {
            return Err(Problem::TooLong { max: MAX_URL });
        }
        let lower = text.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .ok_or(Problem::NotAUrl)?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or("");
        let host = host.split(':').next().unwrap_or("");
        let ok = host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !text.contains(char::is_whitespace)
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'));
        if ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(Problem::NotAUrl)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for WebAddress {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        WebAddress::parse(&s).map_err(|_| "not a web address")
    }
}
impl From<WebAddress> for String {
    fn from(w: WebAddress) -> Self {
        w.0
    }
}

/// Parses an optional value with `parse`, reporting its problem against `field`.
pub(crate) fn optional<T>(
    raw: &str,
    field: Field,
    parse: impl Fn(&str) -> Result<T, Problem>,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    match parse(raw) {
        Ok(v) => Some(v),
        Err(Problem::Missing) => None,
        Err(p) => {
            errors.push(FieldError::new(field, p));
            None
        }
    }
}

choices! {
    /// Where a contact comes from.
    Sector {
        Gobierno => "gobierno",
        SociedadCivil => "sociedad-civil",
        Academia => "academia",
        SectorPrivado => "sector-privado",
        OrganismoInternacional => "organismo-internacional",
        Ciudadania => "ciudadania",
    }
}

impl Sector {
    /// Civil society, academia, the private sector and citizens: the side of a
    /// multi-stakeholder forum that is not the government. International
    /// organisations are neither side.
    pub fn is_non_government(self) -> bool {
        matches!(
            self,
            Sector::SociedadCivil | Sector::Academia | Sector::SectorPrivado | Sector::Ciudadania
        )
    }
}

choices! {
    /// The branch of public power or the level a public institution belongs to
    /// (poder o ámbito). An órgano garante de acceso a la información is
    /// `Autonomo`; a municipal government is `Municipal`.
    Branch {
        Ejecutivo => "ejecutivo",
        Legislativo => "legislativo",
        Judicial => "judicial",
        Autonomo => "autonomo",
        Municipal => "municipal",
    }
}

/// An institution or organisation, optionally with a person: at least one of
/// the institution and the person's name is given (held by [`ContactInput::parse_into`],
/// the only way to build one, from a page and from a draft alike).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawContact", into = "RawContact")]
pub struct Contact {
    institution: Option<String>,
    name: Option<String>,
    position: Option<String>,
    email: Option<Email>,
    phone: Option<Phone>,
    sector: Option<Sector>,
    branch: Option<Branch>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    pub unknown: Unknown,
}

carry_fields!(Contact);

/// A contact as stored: the keys of schema 4's person (`name` … `phone`) and
/// the sector and branch of schema 5, every one optional.
#[derive(Serialize, Deserialize)]
struct RawContact {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    position: Option<String>,
    #[serde(default)]
    institution: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    sector: Option<Sector>,
    #[serde(default)]
    branch: Option<Branch>,
    #[serde(flatten)]
    unknown: Unknown,
}

/// A stored contact is read with the rules of the pages: the same checks,
/// the same trimmed text.
impl TryFrom<RawContact> for Contact {
    type Error = String;
    fn try_from(raw: RawContact) -> Result<Self, Self::Error> {
        let input = ContactInput {
            institution: raw.institution.unwrap_or_default(),
            name: raw.name.unwrap_or_default(),
            position: raw.position.unwrap_or_default(),
            email: raw.email.unwrap_or_default(),
            phone: raw.phone.unwrap_or_default(),
            sector: raw.sector.map(|s| s.key().to_owned()).unwrap_or_default(),
            branch: raw.branch.map(|b| b.key().to_owned()).unwrap_or_default(),
        };
        let mut errors = Vec::new();
        match input.parse_into(ContactRules::ANY, &mut errors) {
            Some(mut contact) => {
                contact.unknown = raw.unknown;
                Ok(contact)
            }
            None => Err(errors
                .iter()
                .map(|e| format!("{}: {:?}", e.field.key(), e.problem))
                .collect::<Vec<_>>()
                .join(", ")),
        }
    }
}

impl From<Contact> for RawContact {
    fn from(c: Contact) -> Self {
        RawContact {
            name: c.name,
            position: c.position,
            institution: c.institution,
            email: c.email.map(String::from),
            phone: c.phone.map(String::from),
            sector: c.sector,
            branch: c.branch,
            unknown: c.unknown,
        }
    }
}

/// Letters and digits only, lower case: "Ciudadanos por la Transparencia, A.C."
/// and "ciudadanos por la transparencia AC" are the same name.
fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two names are the same, ignoring case, spaces and punctuation.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

impl Contact {
    /// The institution or organisation.
    pub fn institution(&self) -> Option<&str> {
        self.institution.as_deref()
    }
    /// The person's name.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
    /// The person's position (cargo).
    pub fn position(&self) -> Option<&str> {
        self.position.as_deref()
    }
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }
    pub fn phone(&self) -> Option<&Phone> {
        self.phone.as_ref()
    }
    pub fn sector(&self) -> Option<Sector> {
        self.sector
    }
    pub fn branch(&self) -> Option<Branch> {
        self.branch
    }

    /// The institution, unless it only repeats the person's name (an
    /// organisation typed in both fields).
    pub fn distinct_institution(&self) -> Option<&str> {
        let institution = self.institution()?;
        match self.name() {
            Some(name) if same_name(name, institution) => None,
            _ => Some(institution),
        }
    }

    /// Who this is, every name once: "Nombre (cargo), Institución"; the
    /// institution alone; the person alone ("Nombre (cargo)"); a position
    /// without a name ("Cargo, Institución"); one name when the person's name
    /// and the institution are the same.
    pub fn who(&self) -> String {
        let person = match (self.name(), self.position()) {
            (Some(n), Some(p)) => Some(format!("{n} ({p})")),
            (Some(n), None) => Some(n.to_owned()),
            (None, Some(p)) => Some(p.to_owned()),
            (None, None) => None,
        };
        match (person, self.distinct_institution()) {
            (Some(person), Some(institution)) => format!("{person}, {institution}"),
            (Some(person), None) => person,
            (None, Some(institution)) => institution.to_owned(),
            // Not built by `parse_into`, which needs one of the two.
            (None, None) => String::new(),
        }
    }

    /// A public institution: of the government sector, or with a branch of
    /// government and no sector given.
    pub fn is_government(&self) -> bool {
        match self.sector {
            Some(s) => s == Sector::Gobierno,
            None => self.branch.is_some(),
        }
    }

    /// Civil society, academia, the private sector or citizens.
    pub fn is_non_government(&self) -> bool {
        self.sector.is_some_and(Sector::is_non_government)
    }
}

/// The contact fields of a page exactly as typed (serde names are field keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactInput {
    #[serde(rename = "persona-institucion")]
    pub institution: String,
    #[serde(rename = "persona-nombre")]
    pub name: String,
    #[serde(rename = "persona-cargo")]
    pub position: String,
    #[serde(rename = "persona-correo")]
    pub email: String,
    #[serde(rename = "persona-telefono")]
    pub phone: String,
    #[serde(rename = "sector")]
    pub sector: String,
    #[serde(rename = "poder")]
    pub branch: String,
}

/// What a page requires of a contact besides the rule of every contact (an
/// institution or a person's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactRules {
    /// The institution itself is required (a commitment's team, a member of
    /// the coordination body).
    pub institution_required: bool,
}

impl ContactRules {
    /// An institution, a person's name, or both.
    pub const ANY: Self = Self {
        institution_required: false,
    };
    /// The institution is required; the person is optional.
    pub const INSTITUTION: Self = Self {
        institution_required: true,
    };
}

impl ContactInput {
    pub fn from_contact(c: &Contact) -> Self {
        Self {
            institution: c.institution.clone().unwrap_or_default(),
            name: c.name.clone().unwrap_or_default(),
            position: c.position.clone().unwrap_or_default(),
            email: c.email.as_ref().map(|e| e.0.clone()).unwrap_or_default(),
            phone: c.phone.as_ref().map(|e| e.0.clone()).unwrap_or_default(),
            sector: c.sector.map(|s| s.key().to_owned()).unwrap_or_default(),
            branch: c.branch.map(|b| b.key().to_owned()).unwrap_or_default(),
        }
    }

    /// True when every contact field is empty.
    pub fn is_blank(&self) -> bool {
        [
            &self.institution,
            &self.name,
            &self.position,
            &self.email,
            &self.phone,
            &self.sector,
            &self.branch,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    /// The contact, or `None` (with errors pushed) when something is wrong.
    /// Drafts are read through here too ([`Contact`]'s deserialisation, with
    /// [`ContactRules::ANY`]).
    pub fn parse_into(&self, rules: ContactRules, errors: &mut Vec<FieldError>) -> Option<Contact> {
        let before = errors.len();
        let institution_field: Field = Named::PersonInstitution.into();
        let institution = if rules.institution_required {
            required_text(&self.institution, institution_field, MAX_SHORT, errors)
        } else {
            optional_text(&self.institution, institution_field, MAX_SHORT, errors)
        };
        let name = optional_text(&self.name, Named::PersonName.into(), MAX_SHORT, errors);
        if !rules.institution_required
            && self.institution.trim().is_empty()
            && self.name.trim().is_empty()
        {
            errors.push(FieldError::new(
                institution_field,
                Problem::NoInstitutionOrPerson,
            ));
        }
        let position = optional_text(
            &self.position,
            Named::PersonPosition.into(),
            MAX_SHORT,
            errors,
        );
        let email = optional(&self.email, Named::PersonEmail.into(), Email::parse, errors);
        let phone = optional(&self.phone, Named::PersonPhone.into(), Phone::parse, errors);
        let sector = optional_choice(&self.sector, Named::Sector.into(), Sector::from_key, errors);
        let branch = optional_choice(&self.branch, Named::Branch.into(), Branch::from_key, errors);
        (errors.len() == before).then(|| Contact {
            institution,
            name,
            position,
            email,
            phone,
            sector,
            branch,
            unknown: Unknown::new(),
        })
    }
}
