//! People and the ways to reach them: e-mail, Mexican phone numbers, web addresses.
//!
//! Contact data is personal data: it stays in the browser (README, "Privacidad").

use serde::{Deserialize, Serialize};

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

/// A person: name, position, institution, and how to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub position: Option<String>,
    #[serde(default)]
    pub institution: Option<String>,
    #[serde(default)]
    pub email: Option<Email>,
    #[serde(default)]
    pub phone: Option<Phone>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Person);

/// The person fields of a page exactly as typed (serde names are field keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonInput {
    #[serde(rename = "persona-nombre")]
    pub name: String,
    #[serde(rename = "persona-cargo")]
    pub position: String,
    #[serde(rename = "persona-institucion")]
    pub institution: String,
    #[serde(rename = "persona-correo")]
    pub email: String,
    #[serde(rename = "persona-telefono")]
    pub phone: String,
}

/// Which of a person's fields a page requires besides the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonRules {
    pub institution_required: bool,
}

impl PersonInput {
    pub fn from_person(p: &Person) -> Self {
        Self {
            name: p.name.clone(),
            position: p.position.clone().unwrap_or_default(),
            institution: p.institution.clone().unwrap_or_default(),
            email: p.email.as_ref().map(|e| e.0.clone()).unwrap_or_default(),
            phone: p.phone.as_ref().map(|e| e.0.clone()).unwrap_or_default(),
        }
    }

    /// True when every person field is empty.
    pub fn is_blank(&self) -> bool {
        [
            &self.name,
            &self.position,
            &self.institution,
            &self.email,
            &self.phone,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    /// The person, or `None` (with errors pushed) when something is wrong.
    pub fn parse_into(&self, rules: PersonRules, errors: &mut Vec<FieldError>) -> Option<Person> {
        let before = errors.len();
        let name = required_text(&self.name, Named::PersonName.into(), MAX_SHORT, errors);
        let position = optional_text(
            &self.position,
            Named::PersonPosition.into(),
            MAX_SHORT,
            errors,
        );
        let institution = if rules.institution_required {
            required_text(
                &self.institution,
                Named::PersonInstitution.into(),
                MAX_SHORT,
                errors,
            )
        } else {
            optional_text(
                &self.institution,
                Named::PersonInstitution.into(),
                MAX_SHORT,
                errors,
            )
        };
        let email = optional(&self.email, Named::PersonEmail.into(), Email::parse, errors);
        let phone = optional(&self.phone, Named::PersonPhone.into(), Phone::parse, errors);
        (errors.len() == before).then(|| Person {
            name: name.unwrap_or_default(),
            position,
            institution,
            email,
            phone,
            unknown: Unknown::new(),
        })
    }
}
