//! The report rounds' pages as typed ([`super::progress`]): a round's name,
//! cut-off day and who reports ([`RoundInput`]), and the report of one
//! commitment, all its key actions and activities on one page
//! ([`CommitmentReportInput`], one [`ItemReportInput`] per item).
//!
//! A commitment's page has a field of each kind per item, so its fields are
//! named by the item ([`ProgressField::Item`]: "k3-estado", "k3-a2-avance"),
//! with the numbers people see ("acción clave 1", "actividad 1.2") kept beside
//! the ids for the messages. Every answer is optional; only what cannot be
//! read (a percent of 150 or "treinta", a text too long, an unknown status)
//! blocks saving.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use super::choice::{optional_choice, ItemId};
use super::commitment::{Commitment, CommitmentId};
use super::contact::{MAX_LONG, MAX_SHORT};
use super::date::{parse_date, PartialDate};
use super::error::{optional_text, required_text, Field, FieldError, Problem, Reading};
use super::plan::Plan;
use super::progress::{evidence_lines, parse_percent, Item, ItemReport, Round, Status};
use super::unknown::{Carry, Unknown};

/// One answer about an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ReportPart {
    Status,
    Percent,
    Evidence,
    Difficulties,
    NextSteps,
    GenderNote,
}

impl ReportPart {
    /// In the page's order.
    pub const ALL: [ReportPart; 6] = [
        ReportPart::Status,
        ReportPart::Percent,
        ReportPart::Evidence,
        ReportPart::Difficulties,
        ReportPart::NextSteps,
        ReportPart::GenderNote,
    ];

    /// The end of its fields' keys.
    pub const fn suffix(self) -> &'static str {
        match self {
            ReportPart::Status => "estado",
            ReportPart::Percent => "avance",
            ReportPart::Evidence => "evidencia",
            ReportPart::Difficulties => "dificultades",
            ReportPart::NextSteps => "siguientes-pasos",
            ReportPart::GenderNote => "nota-genero",
        }
    }
}

/// Where an item sits in its commitment: its ids (which name its fields, so
/// unsaved input follows the item when others are removed) and the numbers
/// people see (1-based: key action 2, activity 2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemPlace {
    pub key_action: ItemId,
    pub activity: Option<ItemId>,
    pub key_number: u16,
    pub activity_number: Option<u16>,
}

impl ItemPlace {
    /// "k3" for a key action, "k3-a2" for an activity (ids, not numbers).
    pub fn prefix(self) -> String {
        match self.activity {
            None => format!("k{}", self.key_action.0),
            Some(a) => format!("k{}-a{}", self.key_action.0, a.0),
        }
    }

    /// The field of one of its answers.
    pub fn field(self, part: ReportPart) -> Field {
        Field::Progress(ProgressField::Item(self, part))
    }

    /// The item of commitment `c` it is.
    pub fn item(self, c: CommitmentId) -> Item {
        Item {
            commitment: c,
            key_action: self.key_action,
            activity: self.activity,
        }
    }
}

/// A field of the rounds' pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProgressField {
    RoundName,
    Cutoff,
    Reporter,
    /// An answer about a key action or activity on a commitment's page.
    Item(ItemPlace, ReportPart),
}

impl ProgressField {
    /// Stable key (HTML id and stored unsaved input).
    pub fn key(self) -> &'static str {
        match self {
            ProgressField::RoundName => "nombre-informe",
            ProgressField::Cutoff => "fecha-corte",
            ProgressField::Reporter => "quien-informa",
            ProgressField::Item(place, part) => item_key(place, part),
        }
    }
}

/// "k3-a2-avance", made once per item and answer and kept: [`Field::key`] is
/// `&'static str` (an HTML id and an error-summary link). Bounded by the
/// items a person opens, not a leak per keystroke or page.
fn item_key(place: ItemPlace, part: ReportPart) -> &'static str {
    use std::sync::Mutex;
    type Keys = BTreeMap<(ItemId, Option<ItemId>, ReportPart), &'static str>;
    static KEYS: Mutex<Keys> = Mutex::new(BTreeMap::new());
    let Ok(mut keys) = KEYS.lock() else {
        return "avance";
    };
    keys.entry((place.key_action, place.activity, part))
        .or_insert_with(|| {
            Box::leak(format!("{}-{}", place.prefix(), part.suffix()).into_boxed_str())
        })
}

/// Whether the commitment's page asks how each item served its gender or
/// inclusion perspective: when the commitment has one.
pub fn asks_gender(c: &Commitment) -> bool {
    c.alignment
        .gender
        .as_deref()
        .is_some_and(|g| !g.trim().is_empty())
}

/// Every key action and activity of `c`, in its order, with their numbers.
pub fn places(c: &Commitment) -> Vec<ItemPlace> {
    c.key_actions
        .iter()
        .enumerate()
        .flat_map(|(i, k)| {
            let key_number = u16::try_from(i + 1).unwrap_or(u16::MAX);
            std::iter::once(ItemPlace {
                key_action: k.id,
                activity: None,
                key_number,
                activity_number: None,
            })
            .chain(
                k.activities
                    .iter()
                    .enumerate()
                    .map(move |(j, a)| ItemPlace {
                        key_action: k.id,
                        activity: Some(a.id),
                        key_number,
                        activity_number: Some(u16::try_from(j + 1).unwrap_or(u16::MAX)),
                    }),
            )
        })
        .collect()
}

/// How many of `c`'s key actions and activities `round` reports, of how many.
pub fn reported_items(c: &Commitment, round: &Round) -> (usize, usize) {
    let all = places(c);
    let reported = all
        .iter()
        .filter(|p| round.report(p.item(c.id)).is_some())
        .count();
    (reported, all.len())
}

/// A round's page as typed (serde names are [`ProgressField`] keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoundInput {
    #[serde(rename = "nombre-informe")]
    pub name: String,
    #[serde(rename = "fecha-corte")]
    pub cutoff: String,
    #[serde(rename = "quien-informa")]
    pub reporter: String,
}

/// What a round's page says: its name, cut-off day and who reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundHead {
    pub name: String,
    /// Always a day when the reading is complete.
    pub cutoff: Option<Date>,
    pub reporter: Option<String>,
}

impl RoundHead {
    /// The round it makes: `existing` with this head (its reports and fields
    /// of a newer version kept), or a new round `id`. `None` without a cut-off.
    pub fn into_round(self, id: ItemId, existing: Option<&Round>) -> Option<Round> {
        let cutoff = self.cutoff?;
        let mut round = existing.cloned().unwrap_or_else(|| Round {
            id,
            name: String::new(),
            cutoff,
            reporter: None,
            reports: Vec::new(),
            unknown: Unknown::new(),
        });
        round.name = self.name;
        round.cutoff = cutoff;
        round.reporter = self.reporter;
        Some(round)
    }
}

impl RoundInput {
    pub fn from_value(r: &Round) -> Self {
        Self {
            name: r.name.clone(),
            cutoff: PartialDate::Day(r.cutoff).to_string(),
            reporter: r.reporter.clone().unwrap_or_default(),
        }
    }

    /// The name and the cut-off day are asked for; the cut-off must be a day
    /// (a report speaks of where things stood on one day).
    pub fn read(&self) -> Reading<RoundHead> {
        let mut errors = Vec::new();
        let name = required_text(
            &self.name,
            Field::Progress(ProgressField::RoundName),
            MAX_SHORT,
            &mut errors,
        );
        let cutoff_field = Field::Progress(ProgressField::Cutoff);
        let cutoff = match parse_date(&self.cutoff) {
            Ok(PartialDate::Day(d)) => Some(d),
            // A month or a year: a report's cut-off is one day.
            Ok(_) => {
                errors.push(FieldError::new(cutoff_field, Problem::NotADate));
                None
            }
            Err(p) => {
                errors.push(FieldError::new(cutoff_field, p));
                None
            }
        };
        let reporter = optional_text(
            &self.reporter,
            Field::Progress(ProgressField::Reporter),
            MAX_SHORT,
            &mut errors,
        );
        Reading::new(
            || RoundHead {
                name: name.unwrap_or_default(),
                cutoff,
                reporter,
            },
            errors,
        )
    }
}

/// One item's report as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemReportInput {
    /// A [`Status`] key, or empty.
    pub status: String,
    /// "35", "35 %" or empty.
    pub percent: String,
    /// One piece of evidence per line.
    pub evidence: String,
    pub difficulties: String,
    pub next_steps: String,
    pub gender_note: String,
}

impl ItemReportInput {
    pub fn from_value(r: &ItemReport) -> Self {
        Self {
            status: r.status.map(|s| s.key().to_owned()).unwrap_or_default(),
            percent: r.percent.map(|p| p.to_string()).unwrap_or_default(),
            evidence: r.evidence.join("\n"),
            difficulties: r.difficulties.clone().unwrap_or_default(),
            next_steps: r.next_steps.clone().unwrap_or_default(),
            gender_note: r.gender_note.clone().unwrap_or_default(),
        }
    }

    fn part(&self, part: ReportPart) -> &String {
        match part {
            ReportPart::Status => &self.status,
            ReportPart::Percent => &self.percent,
            ReportPart::Evidence => &self.evidence,
            ReportPart::Difficulties => &self.difficulties,
            ReportPart::NextSteps => &self.next_steps,
            ReportPart::GenderNote => &self.gender_note,
        }
    }

    fn part_mut(&mut self, part: ReportPart) -> &mut String {
        match part {
            ReportPart::Status => &mut self.status,
            ReportPart::Percent => &mut self.percent,
            ReportPart::Evidence => &mut self.evidence,
            ReportPart::Difficulties => &mut self.difficulties,
            ReportPart::NextSteps => &mut self.next_steps,
            ReportPart::GenderNote => &mut self.gender_note,
        }
    }

    /// The report of the item at `place` of commitment `c`; the gender note
    /// is read only when the page asks for it (`gender`).
    pub fn read(&self, c: CommitmentId, place: ItemPlace, gender: bool) -> Reading<ItemReport> {
        let mut errors = Vec::new();
        let report = self.read_into(c, place, gender, &mut errors);
        Reading::new(|| report, errors)
    }

    fn read_into(
        &self,
        c: CommitmentId,
        place: ItemPlace,
        gender: bool,
        errors: &mut Vec<FieldError>,
    ) -> ItemReport {
        let field = |part| place.field(part);
        let status = optional_choice(
            &self.status,
            field(ReportPart::Status),
            Status::from_key,
            errors,
        );
        let percent = match read_percent(&self.percent) {
            Ok(p) => p,
            Err(problem) => {
                errors.push(FieldError::new(field(ReportPart::Percent), problem));
                None
            }
        };
        let evidence = if self.evidence.trim().chars().count() > MAX_LONG {
            errors.push(FieldError::new(
                field(ReportPart::Evidence),
                Problem::TooLong { max: MAX_LONG },
            ));
            Vec::new()
        } else {
            evidence_lines(&self.evidence)
        };
        let difficulties = optional_text(
            &self.difficulties,
            field(ReportPart::Difficulties),
            MAX_LONG,
            errors,
        );
        let next_steps = optional_text(
            &self.next_steps,
            field(ReportPart::NextSteps),
            MAX_LONG,
            errors,
        );
        let gender_note = if gender {
            optional_text(
                &self.gender_note,
                field(ReportPart::GenderNote),
                MAX_LONG,
                errors,
            )
        } else {
            None
        };
        let mut report = ItemReport::new(c, place.key_action, place.activity);
        report.status = status;
        report.percent = percent;
        report.evidence = evidence;
        report.difficulties = difficulties;
        report.next_steps = next_steps;
        report.gender_note = gender_note;
        report
    }
}

/// A percent as typed: empty is no answer; "35" or "35 %" is 35; a whole
/// number beyond 0-100 is out of range; anything else ("treinta", "35.5") is
/// not a whole number.
pub fn read_percent(raw: &str) -> Result<Option<u8>, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(p) = parse_percent(text) {
        return Ok(Some(p));
    }
    let number = text.trim_end_matches('%').trim();
    let digits = number.strip_prefix(['-', '+']).unwrap_or(number);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        Err(Problem::OutOfRange { min: 0, max: 100 })
    } else {
        Err(Problem::NotAWholeNumber)
    }
}

/// A commitment's report page as typed: one [`ItemReportInput`] per key
/// action and activity, in the commitment's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentReportInput {
    pub commitment: CommitmentId,
    /// Whether the page asks for the gender or inclusion note ([`asks_gender`]).
    pub gender: bool,
    pub items: Vec<(ItemPlace, ItemReportInput)>,
}

impl CommitmentReportInput {
    /// The page of `c` showing what `round` reports (an empty page without one).
    pub fn from_value(c: &Commitment, round: Option<&Round>) -> Self {
        let items = places(c)
            .into_iter()
            .map(|place| {
                let input = round
                    .and_then(|r| r.report(place.item(c.id)))
                    .map(ItemReportInput::from_value)
                    .unwrap_or_default();
                (place, input)
            })
            .collect();
        Self {
            commitment: c.id,
            gender: asks_gender(c),
            items,
        }
    }

    /// The page of `c` filled with the answers of the round before `round`
    /// ("Copiar las respuestas del informe anterior"); `None` when `round` is
    /// the first.
    pub fn copied_from_previous(plan: &Plan, round: ItemId, c: &Commitment) -> Option<Self> {
        let previous = plan.implementation.previous_round(round)?;
        Some(Self::from_value(c, Some(previous)))
    }

    /// The page of `c` from its fields (key → text, as [`Self::fields`] gives
    /// them and the form keeps them); missing keys are empty.
    pub fn from_fields(c: &Commitment, fields: &BTreeMap<String, String>) -> Self {
        let items = places(c)
            .into_iter()
            .map(|place| {
                let mut input = ItemReportInput::default();
                for part in ReportPart::ALL {
                    if let Some(v) = fields.get(place.field(part).key()) {
                        v.clone_into(input.part_mut(part));
                    }
                }
                (place, input)
            })
            .collect();
        Self {
            commitment: c.id,
            gender: asks_gender(c),
            items,
        }
    }

    /// Its fields (key → text), without the empty ones.
    pub fn fields(&self) -> BTreeMap<String, String> {
        self.items
            .iter()
            .flat_map(|(place, input)| {
                ReportPart::ALL.into_iter().filter_map(move |part| {
                    let v = input.part(part);
                    (!v.is_empty()).then(|| (place.field(part).key().to_owned(), v.clone()))
                })
            })
            .collect()
    }

    /// One report per item (empty ones too: saving them removes what the
    /// round said before), unless an answer cannot be read.
    pub fn read(&self) -> Reading<Vec<ItemReport>> {
        let mut errors = Vec::new();
        let reports: Vec<ItemReport> = self
            .items
            .iter()
            .map(|(place, input)| {
                input.read_into(self.commitment, *place, self.gender, &mut errors)
            })
            .collect();
        Reading::new(|| reports, errors)
    }
}

/// Stores one commitment page's reports in `round`: each takes the place of
/// the round's report of the same item (an empty one removes it), keeping the
/// fields of a newer version; reports of other items stay, in their order.
/// When the page did not ask for the gender note (`gender` false), the note
/// stored earlier stays.
pub fn store_reports(round: &mut Round, reports: Vec<ItemReport>, gender: bool) {
    for mut report in reports {
        let item = report.item();
        match round.reports.iter().position(|r| r.is_about(item)) {
            Some(i) => {
                let before = &round.reports[i];
                if !gender {
                    report.gender_note.clone_from(&before.gender_note);
                }
                report.carry_from(before);
                if report.is_empty() {
                    round.reports.remove(i);
                } else {
                    round.reports[i] = report;
                }
            }
            None if !report.is_empty() => round.reports.push(report),
            None => {}
        }
    }
}
