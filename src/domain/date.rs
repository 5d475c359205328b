//! Dates as people type them in Mexico, and periods whose start precedes their end.
//!
//! Dates are entered in one text box (hint: "31/08/2021") rather than a native date
//! picker, because the picker's order and keyboard behaviour change with the
//! browser's locale. We read `dd/mm/aaaa` (also with `-` or `.`, one-digit day and
//! month) and ISO `aaaa-mm-dd`, which is how the national ficha writes its dates.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::error::{Field, FieldError, Problem};
use super::unknown::{carry_fields, Unknown};

/// Reads a date typed by a person. `Err` tells whether it was unreadable or impossible.
pub fn parse_date(raw: &str) -> Result<Date, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Problem::Missing);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(Problem::NotADate);
    }
    // ISO order when the first part has four digits; otherwise day/month/year.
    let (y, m, d) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else if parts[2].len() == 4 {
        (parts[2], parts[1], parts[0])
    } else {
        return Err(Problem::NotADate);
    };
    if m.len() > 2 || d.len() > 2 {
        return Err(Problem::NotADate);
    }
    let year: i32 = y.parse().map_err(|_| Problem::NotADate)?;
    let month: u8 = m.parse().map_err(|_| Problem::NotADate)?;
    let day: u8 = d.parse().map_err(|_| Problem::NotADate)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1900..=2200).contains(&year) {
        return Err(Problem::NotADate);
    }
    let month = Month::try_from(month).map_err(|_| Problem::NotADate)?;
    Date::from_calendar_date(year, month, day).map_err(|_| Problem::ImpossibleDate)
}

/// Formats a date the way it is typed and read in Mexico: `dd/mm/aaaa`.
pub fn format_date(date: Date) -> String {
    format!(
        "{:02}/{:02}/{:04}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

/// A span of dates whose start is strictly before its end.
///
/// The invariant is held by the constructor and by deserialisation, so a
/// `Period` read from a draft can be trusted like one built from a form.
///
/// Not `Copy`: like every stored struct it keeps the fields of a newer version
/// it does not know ([`crate::domain::unknown`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawPeriod", into = "RawPeriod")]
pub struct Period {
    start: Date,
    end: Date,
    /// Fields of a newer version, kept unchanged.
    pub unknown: Unknown,
}

#[derive(Serialize, Deserialize)]
struct RawPeriod {
    start: Date,
    end: Date,
    #[serde(flatten)]
    unknown: Unknown,
}

impl TryFrom<RawPeriod> for Period {
    type Error = &'static str;
    fn try_from(raw: RawPeriod) -> Result<Self, Self::Error> {
        let mut period =
            Period::new(raw.start, raw.end).ok_or("the period's end must be after its start")?;
        period.unknown = raw.unknown;
        Ok(period)
    }
}

impl From<Period> for RawPeriod {
    fn from(p: Period) -> Self {
        RawPeriod {
            start: p.start,
            end: p.end,
            unknown: p.unknown,
        }
    }
}

carry_fields!(Period);

impl Period {
    /// `None` unless `start < end`.
    pub fn new(start: Date, end: Date) -> Option<Self> {
        (start < end).then_some(Self {
            start,
            end,
            unknown: Unknown::new(),
        })
    }
    pub fn start(&self) -> Date {
        self.start
    }
    pub fn end(&self) -> Date {
        self.end
    }
    /// True when `other` lies entirely within this period (ends included).
    pub fn contains(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the date lies within this period (ends included).
    pub fn contains_date(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// Parses a start and an end typed by a person, reporting errors against the given fields.
    pub(crate) fn parse(
        start_raw: &str,
        end_raw: &str,
        start_field: Field,
        end_field: Field,
        errors: &mut Vec<FieldError>,
    ) -> Option<Period> {
        let start = parse_date(start_raw)
            .map_err(|p| errors.push(FieldError::new(start_field, p)))
            .ok();
        let end = parse_date(end_raw)
            .map_err(|p| errors.push(FieldError::new(end_field, p)))
            .ok();
        let (start, end) = (start?, end?);
        let period = Period::new(start, end);
        if period.is_none() {
            errors.push(FieldError::new(end_field, Problem::EndNotAfterStart));
        }
        period
    }
}
