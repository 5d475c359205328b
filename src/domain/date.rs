//! Dates as people type them in Mexico, and periods whose start precedes their end.
//!
//! Published plans give dates at different precisions: a year ("2021"), a month
//! ("julio de 2023", "07/2023") or a day ("31/07/2023"). A [`PartialDate`] keeps
//! the precision it was given, is shown and printed at that precision, and stands
//! for the whole span it names (the year 2021 is 01/01/2021 to 31/12/2021) when
//! dates are compared.
//!
//! Dates are entered in one text box rather than a native date picker, because
//! the picker's order and keyboard behaviour change with the browser's locale and
//! it cannot say "a month". We read `dd/mm/aaaa` (also with `-` or `.`, one-digit
//! day and month), `mm/aaaa`, `aaaa`, ISO `aaaa-mm-dd` and `aaaa-mm`, and month
//! names in Spanish or English ("31 de julio de 2023", "jul. 2023", "July 2023").
//! Stored drafts write the ISO form at its precision (`2023`, `2023-07`,
//! `2023-07-31`), so every day date saved before schema 5 reads unchanged.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::error::{Field, FieldError, Problem};
use super::unknown::{carry_fields, Unknown};

/// The earliest and latest year a plan's date may have.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// How much of a date was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date given as a year, a month of a year, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    Year(i32),
    Month(i32, Month),
    Day(Date),
}

impl PartialDate {
    pub fn precision(self) -> Precision {
        match self {
            Self::Year(_) => Precision::Year,
            Self::Month(..) => Precision::Month,
            Self::Day(_) => Precision::Day,
        }
    }
    pub fn year(self) -> i32 {
        match self {
            Self::Year(y) | Self::Month(y, _) => y,
            Self::Day(d) => d.year(),
        }
    }
    /// The first day of the span this date names.
    pub fn first_day(self) -> Date {
        match self {
            Self::Year(y) => day(y, Month::January, 1),
            Self::Month(y, m) => day(y, m, 1),
            Self::Day(d) => d,
        }
    }
    /// The last day of the span this date names.
    pub fn last_day(self) -> Date {
        match self {
            Self::Year(y) => day(y, Month::December, 31),
            Self::Month(y, m) => day(y, m, m.length(y)),
            Self::Day(d) => d,
        }
    }
    /// The day, when one was given.
    pub fn as_day(self) -> Option<Date> {
        match self {
            Self::Day(d) => Some(d),
            _ => None,
        }
    }
    /// True when this date's span lies entirely within `other`'s.
    pub fn within(self, other: PartialDate) -> bool {
        other.first_day() <= self.first_day() && self.last_day() <= other.last_day()
    }
    /// The ISO form at this precision (`2023`, `2023-07`, `2023-07-31`).
    pub fn iso(self) -> String {
        match self {
            Self::Year(y) => format!("{y:04}"),
            Self::Month(y, m) => format!("{y:04}-{:02}", u8::from(m)),
            Self::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
        }
    }
    /// Reads the ISO form at any precision (what [`PartialDate::iso`] writes).
    pub fn from_iso(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        match parts.as_slice() {
            [y] => year(number(y, 4)? as i32).map(Self::Year),
            [y, m] => Some(Self::Month(
                year(number(y, 4)? as i32)?,
                month(number(m, 2)?)?,
            )),
            [y, m, d] => {
                let date = Date::from_calendar_date(
                    year(number(y, 4)? as i32)?,
                    month(number(m, 2)?)?,
                    u8::try_from(number(d, 2)?).ok()?,
                )
                .ok()?;
                Some(Self::Day(date))
            }
            _ => None,
        }
    }
}

fn day(y: i32, m: Month, d: u8) -> Date {
    // Every year in `YEARS` has these days; the fallback is never reached.
    Date::from_calendar_date(y, m, d).unwrap_or(Date::MIN)
}

fn year(y: i32) -> Option<i32> {
    YEARS.contains(&y).then_some(y)
}

fn month(m: u32) -> Option<Month> {
    u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok())
}

impl From<Date> for PartialDate {
    fn from(d: Date) -> Self {
        Self::Day(d)
    }
}

impl PartialEq<Date> for PartialDate {
    fn eq(&self, other: &Date) -> bool {
        *self == Self::Day(*other)
    }
}

/// Ordered by the span each date names: by its first day, then by its last, so a
/// day sorts before the month and the year that start on it.
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}
impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// As shown and printed: `31/07/2023`, `julio de 2023`, `2023`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Year(y) => write!(f, "{y}"),
            Self::Month(y, m) => write!(f, "{} de {y}", MONTHS_ES[usize::from(u8::from(m)) - 1]),
            Self::Day(d) => write!(
                f,
                "{:02}/{:02}/{:04}",
                d.day(),
                u8::from(d.month()),
                d.year()
            ),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::from_iso(&text).ok_or_else(|| {
            serde::de::Error::custom("expected a date as aaaa, aaaa-mm or aaaa-mm-dd")
        })
    }
}

/// The months' names in Spanish, as dates are written ("julio de 2023").
pub const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names: a Spanish or English month name, whole or cut to
/// three letters or more ("jul", "sept", "setiembre").
fn month_named(word: &str) -> Option<Month> {
    let word = word.trim_end_matches('.');
    if word.chars().count() < 3 {
        return None;
    }
    let word = if word == "setiembre" {
        "septiembre"
    } else {
        word
    };
    let n = MONTHS_ES
        .iter()
        .position(|m| m.starts_with(word))
        .or_else(|| MONTHS_EN.iter().position(|m| m.starts_with(word)))?;
    month(n as u32 + 1)
}

/// A number of at most `max_len` ASCII digits.
fn digits(text: &str, max_len: usize) -> Option<u32> {
    (!text.is_empty() && text.len() <= max_len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Reads a date typed by a person, at the precision it was given. `Err` tells
/// whether it was empty, unreadable or impossible (31/02/2023).
pub fn parse_date(raw: &str) -> Result<PartialDate, Problem> {
    let text = raw.trim().to_lowercase();
    if text.is_empty() {
        return Err(Problem::Missing);
    }
    if text.chars().any(char::is_alphabetic) {
        return parse_words(&text);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    match parts.as_slice() {
        [y] => digits(y, 4)
            .filter(|_| y.len() == 4)
            .and_then(|y| year(y as i32))
            .map(PartialDate::Year)
            .ok_or(Problem::NotADate),
        // "07/2023" or ISO "2023-07".
        [a, b] => {
            let (y, m) = if a.len() == 4 { (a, b) } else { (b, a) };
            if y.len() != 4 {
                return Err(Problem::NotADate);
            }
            let y = digits(y, 4).and_then(|y| year(y as i32));
            let m = digits(m, 2).and_then(month);
            match (y, m) {
                (Some(y), Some(m)) => Ok(PartialDate::Month(y, m)),
                _ => Err(Problem::NotADate),
            }
        }
        // ISO order when the first part has four digits; otherwise day/month/year.
        [a, b, c] => {
            let (y, m, d) = if a.len() == 4 {
                (a, b, c)
            } else if c.len() == 4 {
                (c, b, a)
            } else {
                return Err(Problem::NotADate);
            };
            let (Some(y), Some(m), Some(d)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
                return Err(Problem::NotADate);
            };
            to_day(y, month(m).ok_or(Problem::NotADate)?, d)
        }
        _ => Err(Problem::NotADate),
    }
}

/// "julio de 2023", "31 de julio de 2023", "jul. 2023", "July 31, 2023",
/// "23rd February 2022", "1o. de julio de 2023", "al 31 de agosto de 2021".
fn parse_words(text: &str) -> Result<PartialDate, Problem> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '-')
        .filter(|w| !w.is_empty() && !matches!(*w, "de" | "del" | "al" | "el" | "of" | "the"))
        .collect();
    // A day may be written "1o", "1º", "1°" or "1st".
    let day_number = |w: &str| {
        let w = w.trim_end_matches(['o', 'º', '°', '.']);
        let w = w
            .strip_suffix("st")
            .or_else(|| w.strip_suffix("nd"))
            .or_else(|| w.strip_suffix("rd"))
            .or_else(|| w.strip_suffix("th"))
            .unwrap_or(w);
        digits(w, 2)
    };
    let year_number = |w: &str| {
        (w.len() == 4)
            .then(|| digits(w, 4))
            .flatten()
            .and_then(|y| year(y as i32))
    };
    match words.as_slice() {
        [m, y] => match (month_named(m), year_number(y)) {
            (Some(m), Some(y)) => Ok(PartialDate::Month(y, m)),
            _ => Err(Problem::NotADate),
        },
        [a, b, y] => {
            let (d, m) = match (month_named(a), month_named(b)) {
                (None, Some(m)) => (day_number(a), m),
                (Some(m), None) => (day_number(b), m),
                _ => return Err(Problem::NotADate),
            };
            match (d, year_number(y)) {
                (Some(d), Some(y)) => to_day(y as u32, m, d),
                _ => Err(Problem::NotADate),
            }
        }
        _ => Err(Problem::NotADate),
    }
}

fn to_day(y: u32, m: Month, d: u32) -> Result<PartialDate, Problem> {
    let y = year(y as i32).ok_or(Problem::NotADate)?;
    if !(1..=31).contains(&d) {
        return Err(Problem::NotADate);
    }
    Date::from_calendar_date(y, m, d as u8)
        .map(PartialDate::Day)
        .map_err(|_| Problem::ImpossibleDate)
}

/// Formats a date at its precision: `31/07/2023`, `julio de 2023` or `2023`.
/// Every form reads it back as the same date.
pub fn format_date(date: impl Into<PartialDate>) -> String {
    date.into().to_string()
}

/// A span of dates: its start begins before its end finishes, and does not
/// finish after it ("07/2023 – 12/2025", "2021 – 2021", "10/12/2019 – 31/08/2021").
///
/// The invariant is held by the constructor and by deserialisation, so a
/// `Period` read from a draft can be trusted like one built from a form.
///
/// Not `Copy`: like every stored struct it keeps the fields of a newer version
/// it does not know ([`crate::domain::unknown`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawPeriod", into = "RawPeriod")]
pub struct Period {
    start: PartialDate,
    end: PartialDate,
    /// Fields of a newer version, kept unchanged.
    pub unknown: Unknown,
}

#[derive(Serialize, Deserialize)]
struct RawPeriod {
    start: PartialDate,
    end: PartialDate,
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

/// "10/12/2019 al 31/08/2021" between days; "julio de 2023 a diciembre de
/// 2025" or "2021 a 2022" when a date is a month or a year.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let joint = match (self.start, self.end) {
            (PartialDate::Day(_), PartialDate::Day(_)) => "al",
            _ => "a",
        };
        write!(f, "{} {joint} {}", self.start, self.end)
    }
}

impl Period {
    /// "del 10/12/2019 al 31/08/2021", "de julio de 2023 a diciembre de 2025".
    pub fn from_to(&self) -> String {
        match (self.start, self.end) {
            (PartialDate::Day(_), PartialDate::Day(_)) => format!("del {self}"),
            _ => format!("de {self}"),
        }
    }
}

impl Period {
    /// `None` unless the start's first day is before the end's last day and
    /// the start does not finish after the end (for days: `start < end`).
    pub fn new(start: impl Into<PartialDate>, end: impl Into<PartialDate>) -> Option<Self> {
        let (start, end) = (start.into(), end.into());
        (start.first_day() < end.last_day() && start.last_day() <= end.last_day()).then_some(Self {
            start,
            end,
            unknown: Unknown::new(),
        })
    }
    pub fn start(&self) -> PartialDate {
        self.start
    }
    pub fn end(&self) -> PartialDate {
        self.end
    }
    /// The first day the period may cover.
    pub fn first_day(&self) -> Date {
        self.start.first_day()
    }
    /// The last day the period may cover.
    pub fn last_day(&self) -> Date {
        self.end.last_day()
    }
    /// True when `other` can lie within this period (ends included).
    ///
    /// Dates at different precisions are read generously, because that is how
    /// plans publish them: a commitment "2023 – 2025" fits a plan "07/2023 –
    /// 12/2025", since the year 2023 includes July. For day dates this is plain
    /// containment.
    pub fn contains(&self, other: &Period) -> bool {
        self.start.first_day() <= other.start.last_day()
            && other.end.first_day() <= self.end.last_day()
    }
    /// True when the date can lie within this period (ends included); read as
    /// generously as [`Period::contains`].
    pub fn contains_date(&self, date: impl Into<PartialDate>) -> bool {
        let date = date.into();
        self.start.first_day() <= date.last_day() && date.first_day() <= self.end.last_day()
    }

    /// Parses a start and an end typed by a person, reporting errors against
    /// the given fields. Both empty is "missing" (the page may be saved
    /// without a period); one without the other blocks saving, so a date typed
    /// is never dropped.
    pub(crate) fn parse(
        start_raw: &str,
        end_raw: &str,
        start_field: Field,
        end_field: Field,
        errors: &mut Vec<FieldError>,
    ) -> Option<Period> {
        // An empty date next to a typed one is not "missing": it blocks saving.
        let problem = |p: Problem, other_raw: &str| match p {
            Problem::Missing if !other_raw.trim().is_empty() => Problem::OtherDateMissing,
            p => p,
        };
        let start = parse_date(start_raw)
            .map_err(|p| errors.push(FieldError::new(start_field, problem(p, end_raw))))
            .ok();
        let end = parse_date(end_raw)
            .map_err(|p| errors.push(FieldError::new(end_field, problem(p, start_raw))))
            .ok();
        let (start, end) = (start?, end?);
        let period = Period::new(start, end);
        if period.is_none() {
            errors.push(FieldError::new(end_field, Problem::EndNotAfterStart));
        }
        period
    }
}
