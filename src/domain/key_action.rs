//! Key actions (acciones clave) of a commitment, their indicators and weights,
//! and the activities under each: the core of the national ficha.
//!
//! Weights are whole percentage points (1-100) and a commitment's weights must
//! add up to exactly 100; progress rolls up by weight in integer arithmetic.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::choice::{choices, next_id, optional_choice, remove_item, ItemId};
use super::contact::{Contact, ContactInput, ContactRules, MAX_LONG, MAX_SHORT};
use super::date::{format_date, Period};
use super::error::{optional_text, required_text, Field, FieldError, Named, Problem, Reading};
use super::unknown::{carry_fields, list_item_by, Unknown};

choices! {
    /// How an indicator is measured.
    IndicatorKind {
        Binario => "binario",
        Numerico => "numerico",
        Porcentaje => "porcentaje",
        Documental => "documental",
        Otro => "otro",
    }
}

choices! {
    /// How often an indicator (or the plan's progress) is measured or reported.
    Frequency {
        Mensual => "mensual",
        Bimestral => "bimestral",
        Trimestral => "trimestral",
        Semestral => "semestral",
        Anual => "anual",
        UnaVez => "una-vez",
    }
}

/// The indicator of a key action.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: Option<IndicatorKind>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub baseline: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub frequency: Option<Frequency>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Indicator);

/// An activity under a key action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: ItemId,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub objective: Option<String>,
    #[serde(default)]
    pub verification: Option<String>,
    /// Optional: the national ficha gives activities no dates of their own.
    #[serde(default)]
    pub period: Option<Period>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A key action's weight: whole percentage points of its commitment, 1 to 100.
///
/// Held by the constructor and by deserialisation (like [`super::Email`] and
/// [`Period`]), so a draft file that says 0 or 255 is refused with its place
/// instead of being read as a silent value. It is written as a plain number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u8")]
pub struct Weight(u8);

/// A weight outside 1-100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a key action's weight must be a whole number from 1 to 100, not {found}")]
pub struct WeightOutOfRange {
    pub found: u64,
}

impl Weight {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 100;

    /// `Err` unless `points` is 1-100.
    pub fn new(points: u64) -> Result<Self, WeightOutOfRange> {
        match u8::try_from(points) {
            Ok(w) if (Self::MIN..=Self::MAX).contains(&w) => Ok(Self(w)),
            _ => Err(WeightOutOfRange { found: points }),
        }
    }
    /// The weight in percentage points.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u64> for Weight {
    type Error = WeightOutOfRange;
    fn try_from(points: u64) -> Result<Self, Self::Error> {
        Weight::new(points)
    }
}
impl From<Weight> for u8 {
    fn from(w: Weight) -> Self {
        w.0
    }
}
impl From<Weight> for u32 {
    fn from(w: Weight) -> Self {
        u32::from(w.0)
    }
}
impl PartialEq<u8> for Weight {
    fn eq(&self, other: &u8) -> bool {
        self.0 == *other
    }
}
/// The number alone ("35"), as pages and the PDF write it before " %".
impl fmt::Display for Weight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
carry_fields!(Activity, period);
list_item_by!(Activity, id);

/// A key action: readable by construction (a weight is 1-100); what the
/// methodology still asks for may be missing (no weight, no indicator, no
/// dates), as in most published local plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyAction {
    pub id: ItemId,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub objective: Option<String>,
    #[serde(default)]
    pub weight: Option<Weight>,
    #[serde(default)]
    pub indicator: Indicator,
    #[serde(default)]
    pub verification: String,
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub responsible: Option<Contact>,
    /// Progress to date, 0-100 %, updated during monitoring.
    #[serde(default)]
    pub progress: Option<u8>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(KeyAction, indicator, period, responsible, activities);
list_item_by!(KeyAction, id);

impl KeyAction {
    pub fn next_activity_id(&self) -> ItemId {
        next_id(self.activities.iter().map(|a| a.id))
    }
    pub fn activity(&self, id: ItemId) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }
    /// Removes an activity; returns whether it existed. Nothing else names an
    /// activity, so nothing else changes.
    pub fn remove_activity(&mut self, id: ItemId) -> bool {
        remove_item(&mut self.activities, id)
    }
    /// Activities whose dates fall outside this key action's period (when both have dates).
    pub fn activities_outside(&self) -> Vec<ItemId> {
        let Some(period) = &self.period else {
            return Vec::new();
        };
        self.activities
            .iter()
            .filter(|a| a.period.as_ref().is_some_and(|p| !period.contains(p)))
            .map(|a| a.id)
            .collect()
    }
}

/// Parses a whole number in `min..=max` ("35", "35 %", " 35% ").
pub fn parse_whole(raw: &str, min: u32, max: u32) -> Result<u32, Problem> {
    let t = raw.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Err(Problem::Missing);
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 9 {
        return Err(Problem::NotAWholeNumber);
    }
    let n: u32 = t.parse().map_err(|_| Problem::NotAWholeNumber)?;
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(Problem::OutOfRange { min, max })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeyActionInput {
    #[serde(rename = "nombre-accion")]
    pub name: String,
    #[serde(rename = "objetivo-accion")]
    pub objective: String,
    #[serde(rename = "ponderacion")]
    pub weight: String,
    #[serde(rename = "indicador")]
    pub indicator: String,
    #[serde(rename = "tipo-indicador")]
    pub indicator_kind: String,
    #[serde(rename = "unidad-indicador")]
    pub unit: String,
    #[serde(rename = "linea-base-indicador")]
    pub baseline: String,
    #[serde(rename = "meta-indicador")]
    pub target: String,
    #[serde(rename = "frecuencia-indicador")]
    pub frequency: String,
    #[serde(rename = "medio-verificacion")]
    pub verification: String,
    #[serde(rename = "inicio-accion")]
    pub start: String,
    #[serde(rename = "termino-accion")]
    pub end: String,
    #[serde(flatten)]
    pub responsible: ContactInput,
    #[serde(rename = "avance")]
    pub progress: String,
}

impl KeyActionInput {
    pub fn from_value(k: &KeyAction) -> Self {
        Self {
            name: k.name.clone(),
            objective: k.objective.clone().unwrap_or_default(),
            weight: k.weight.map(|w| w.to_string()).unwrap_or_default(),
            indicator: k.indicator.name.clone(),
            indicator_kind: k
                .indicator
                .kind
                .map(|x| x.key().to_owned())
                .unwrap_or_default(),
            unit: k.indicator.unit.clone().unwrap_or_default(),
            baseline: k.indicator.baseline.clone().unwrap_or_default(),
            target: k.indicator.target.clone().unwrap_or_default(),
            frequency: k
                .indicator
                .frequency
                .map(|x| x.key().to_owned())
                .unwrap_or_default(),
            verification: k.verification.clone(),
            start: k
                .period
                .as_ref()
                .map(|p| format_date(p.start()))
                .unwrap_or_default(),
            end: k
                .period
                .as_ref()
                .map(|p| format_date(p.end()))
                .unwrap_or_default(),
            responsible: k
                .responsible
                .as_ref()
                .map(ContactInput::from_contact)
                .unwrap_or_default(),
            progress: k.progress.map(|p| p.to_string()).unwrap_or_default(),
        }
    }

    /// Parses the key action (strict: every rule met); its dates must lie
    /// within the commitment's period. `activities` are kept from the saved
    /// key action (they have pages of their own).
    pub fn parse(
        &self,
        id: ItemId,
        commitment_period: impl Into<Option<Period>>,
        activities: Vec<Activity>,
    ) -> Result<KeyAction, Vec<FieldError>> {
        self.read(id, commitment_period.into().as_ref(), activities)
            .complete()
    }

    /// Reads the page by its rules (see [`Reading`]).
    pub fn read(
        &self,
        id: ItemId,
        commitment_period: Option<&Period>,
        activities: Vec<Activity>,
    ) -> Reading<KeyAction> {
        let mut errors = Vec::new();
        let name = required_text(
            &self.name,
            Named::KeyActionName.into(),
            MAX_LONG,
            &mut errors,
        );
        let objective = optional_text(
            &self.objective,
            Named::KeyActionObjective.into(),
            MAX_LONG,
            &mut errors,
        );
        // In range once parsed, so `Weight::new` always accepts it.
        let weight = parse_whole(&self.weight, Weight::MIN.into(), Weight::MAX.into())
            .map_err(|p| errors.push(FieldError::new(Named::Weight.into(), p)))
            .ok()
            .and_then(|w| Weight::new(w.into()).ok());
        let indicator_name = required_text(
            &self.indicator,
            Named::IndicatorName.into(),
            MAX_SHORT,
            &mut errors,
        );
        let kind = optional_choice(
            &self.indicator_kind,
            Named::IndicatorKind.into(),
            IndicatorKind::from_key,
            &mut errors,
        );
        let unit = optional_text(
            &self.unit,
            Named::IndicatorUnit.into(),
            MAX_SHORT,
            &mut errors,
        );
        let baseline = optional_text(
            &self.baseline,
            Named::IndicatorBaseline.into(),
            MAX_SHORT,
            &mut errors,
        );
        let target = optional_text(
            &self.target,
            Named::IndicatorTarget.into(),
            MAX_SHORT,
            &mut errors,
        );
        let frequency = optional_choice(
            &self.frequency,
            Named::IndicatorFrequency.into(),
            Frequency::from_key,
            &mut errors,
        );
        let verification = required_text(
            &self.verification,
            Named::KeyActionVerification.into(),
            MAX_LONG,
            &mut errors,
        );
        let period = Period::parse(
            &self.start,
            &self.end,
            Named::KeyActionStart.into(),
            Named::KeyActionEnd.into(),
            &mut errors,
        );
        if let (Some(p), Some(outer)) = (&period, commitment_period) {
            within(
                p,
                outer,
                Named::KeyActionStart.into(),
                Named::KeyActionEnd.into(),
                |period| Problem::OutsideCommitment { period },
                &mut errors,
            );
        }
        let responsible = if self.responsible.is_blank() {
            None
        } else {
            self.responsible.parse_into(ContactRules::ANY, &mut errors)
        };
        let progress = if self.progress.trim().is_empty() {
            None
        } else {
            parse_whole(&self.progress, 0, 100)
                .map_err(|p| errors.push(FieldError::new(Named::Progress.into(), p)))
                .ok()
                .map(|p| p as u8)
        };
        Reading::new(
            || KeyAction {
                id,
                name: name.unwrap_or_default(),
                objective,
                weight,
                indicator: Indicator {
                    name: indicator_name.unwrap_or_default(),
                    kind,
                    unit,
                    baseline,
                    target,
                    frequency,
                    unknown: Unknown::new(),
                },
                verification: verification.unwrap_or_default(),
                period,
                responsible,
                progress,
                activities,
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

/// Pushes an error for each end of `own` outside `outer`.
fn within(
    own: &Period,
    outer: &Period,
    start_field: Field,
    end_field: Field,
    problem: impl Fn(Period) -> Problem,
    errors: &mut Vec<FieldError>,
) {
    if !outer.contains_date(own.start()) {
        errors.push(FieldError::new(start_field, problem(outer.clone())));
    }
    if !outer.contains_date(own.end()) {
        errors.push(FieldError::new(end_field, problem(outer.clone())));
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityInput {
    #[serde(rename = "actividad")]
    pub name: String,
    #[serde(rename = "objetivo-actividad")]
    pub objective: String,
    #[serde(rename = "medio-verificacion-actividad")]
    pub verification: String,
    #[serde(rename = "inicio-actividad")]
    pub start: String,
    #[serde(rename = "termino-actividad")]
    pub end: String,
}

impl ActivityInput {
    pub fn from_value(a: &Activity) -> Self {
        Self {
            name: a.name.clone(),
            objective: a.objective.clone().unwrap_or_default(),
            verification: a.verification.clone().unwrap_or_default(),
            start: a
                .period
                .as_ref()
                .map(|p| format_date(p.start()))
                .unwrap_or_default(),
            end: a
                .period
                .as_ref()
                .map(|p| format_date(p.end()))
                .unwrap_or_default(),
        }
    }

    /// Parses the activity (strict); when it has dates they must lie within the key action's.
    pub fn parse(
        &self,
        id: ItemId,
        key_action_period: impl Into<Option<Period>>,
    ) -> Result<Activity, Vec<FieldError>> {
        self.read(id, key_action_period.into().as_ref()).complete()
    }

    /// Reads the page by its rules (see [`Reading`]).
    pub fn read(&self, id: ItemId, key_action_period: Option<&Period>) -> Reading<Activity> {
        let mut errors = Vec::new();
        let name = required_text(
            &self.name,
            Named::ActivityName.into(),
            MAX_LONG,
            &mut errors,
        );
        let objective = optional_text(
            &self.objective,
            Named::ActivityObjective.into(),
            MAX_LONG,
            &mut errors,
        );
        let verification = optional_text(
            &self.verification,
            Named::ActivityVerification.into(),
            MAX_LONG,
            &mut errors,
        );
        let (sf, ef): (Field, Field) = (Named::ActivityStart.into(), Named::ActivityEnd.into());
        // Optional as a pair: both or neither.
        let period = match (self.start.trim().is_empty(), self.end.trim().is_empty()) {
            (true, true) => None,
            _ => Period::parse(&self.start, &self.end, sf, ef, &mut errors),
        };
        if let (Some(p), Some(outer)) = (&period, key_action_period) {
            within(
                p,
                outer,
                sf,
                ef,
                |period| Problem::OutsideKeyAction { period },
                &mut errors,
            );
        }
        Reading::new(
            || Activity {
                id,
                name: name.unwrap_or_default(),
                objective,
                verification,
                period,
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

/// The sum of the key actions' weights, in percentage points (those without a weight count 0).
pub fn weight_total(actions: &[KeyAction]) -> u32 {
    actions.iter().filter_map(|k| k.weight).map(u32::from).sum()
}

/// How a commitment's key-action weights add up: the one check behind the
/// key-action list, the ficha's overview, monitoring and the task status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightStatus {
    /// No key actions yet: nothing to add up.
    NoKeyActions,
    /// They add up to exactly 100.
    AddUp,
    /// They add up to `total`, less than 100.
    Short { total: u32 },
    /// They add up to `total`, more than 100.
    Over { total: u32 },
    /// `unweighted` key actions have no weight yet, and the others add up to
    /// `total`, at most 100: still to complete, nothing to fix.
    Unweighted { total: u32, unweighted: u32 },
}

impl WeightStatus {
    /// The sum of the weights in percentage points (0 without key actions).
    pub fn total(self) -> u32 {
        match self {
            WeightStatus::NoKeyActions => 0,
            WeightStatus::AddUp => 100,
            WeightStatus::Short { total }
            | WeightStatus::Over { total }
            | WeightStatus::Unweighted { total, .. } => total,
        }
    }
    /// The status of weights that add up to `total`. Each weight is at least
    /// 1, so a total of 0 means there are no key actions.
    pub fn from_total(total: u32) -> Self {
        match total {
            0 => WeightStatus::NoKeyActions,
            100 => WeightStatus::AddUp,
            t if t < 100 => WeightStatus::Short { total },
            _ => WeightStatus::Over { total },
        }
    }
    /// True when there are key actions and their weights add up to 100.
    pub fn adds_up(self) -> bool {
        self == WeightStatus::AddUp
    }
    /// True when there are key actions and their weights do not add up to 100.
    pub fn needs_fixing(self) -> bool {
        matches!(self, WeightStatus::Short { .. } | WeightStatus::Over { .. })
    }
}

/// Checks whether the key actions' weights add up to 100.
pub fn weight_status(actions: &[KeyAction]) -> WeightStatus {
    let total = weight_total(actions);
    let unweighted = actions.iter().filter(|k| k.weight.is_none()).count() as u32;
    match unweighted {
        0 => WeightStatus::from_total(total),
        _ if total > 100 => WeightStatus::Over { total },
        _ => WeightStatus::Unweighted { total, unweighted },
    }
}

/// Weights that add up to exactly 100, changing the given ones as little as
/// possible: a shortfall is spread evenly (the first actions get the odd points);
/// an excess is taken evenly, never leaving an action below 1. `None` when there
/// are no weights or more than 100 actions.
pub fn spread_remainder(weights: &[u8]) -> Option<Vec<u8>> {
    let n = weights.len() as u32;
    if n == 0 || n > 100 {
        return None;
    }
    let mut out: Vec<u32> = weights.iter().map(|&w| u32::from(w.max(1))).collect();
    let total: u32 = out.iter().sum();
    if total < 100 {
        let missing = 100 - total;
        for (i, w) in out.iter_mut().enumerate() {
            *w += missing / n + u32::from((i as u32) < missing % n);
        }
    } else {
        let mut excess = total - 100;
        // Take one point at a time from the heaviest action above 1 (first on ties).
        while excess > 0 {
            let (i, _) = out
                .iter()
                .enumerate()
                .filter(|(_, w)| **w > 1)
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
            out[i] -= 1;
            excess -= 1;
        }
    }
    Some(out.into_iter().map(|w| w as u8).collect())
}

/// Weighted progress of a commitment in hundredths of a percent (0-10,000):
/// Σ progress × weight. Key actions without progress count as 0.
pub fn weighted_progress(actions: &[KeyAction]) -> u32 {
    actions
        .iter()
        .map(|k| u32::from(k.progress.unwrap_or(0)) * k.weight.map_or(0, u32::from))
        .sum()
}

super::choice::identified!(KeyAction, Activity);
