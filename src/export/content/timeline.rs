//! The timeline (cronograma) of key actions and their activities: a Gantt-like
//! picture's geometry, computed here so the page's SVG stays a thin drawing
//! and the arithmetic is tested natively (`tests/timeline.rs`). A PDF can draw
//! the same rows later.
//!
//! Coordinates are in the picture's own units (its `viewBox`): a label column
//! on the left, then the time axis. The axis runs from the first day of the
//! month of the earliest date to the first day of the month after the latest
//! one, so both ends fall on month boundaries and get a tick.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

use crate::domain::date::format_date;
use crate::domain::{CommitmentId, Plan};

/// Width of the label column ("1.2 Nombre…").
pub const LABEL_WIDTH: f64 = 270.0;
/// Width of the time axis.
pub const CHART_WIDTH: f64 = 470.0;
/// Space on the right of the axis.
pub const RIGHT_MARGIN: f64 = 10.0;
/// Height of the band above the rows holding the tick labels.
pub const AXIS_HEIGHT: f64 = 30.0;
/// Height of the band below the rows holding the "hoy" label, when shown.
pub const TODAY_HEIGHT: f64 = 22.0;
/// Height of every row.
pub const ROW_HEIGHT: f64 = 28.0;
/// Bar height of a key action.
pub const KEY_ACTION_BAR: f64 = 18.0;
/// Bar height of an activity: thinner, so the two differ without colour.
pub const ACTIVITY_BAR: f64 = 8.0;
/// Indent of an activity's label under its key action.
pub const ACTIVITY_INDENT: f64 = 14.0;
/// Longest label, in characters, that fits the label column at 13 px.
pub const MAX_LABEL_CHARS: usize = 38;
/// At most this many ticks on the axis (the step grows to keep labels apart).
pub const MAX_TICKS: u32 = 8;
/// A bar is never drawn narrower than this, so a short one stays visible.
pub const MIN_BAR_WIDTH: f64 = 2.0;

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowKind {
    KeyAction,
    Activity,
}

/// One row of the timeline: a key action or one of its activities with dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub kind: RowKind,
    pub commitment: CommitmentId,
    /// "1.2" (commitment 1, key action 2) or "1.2.3" for its third activity:
    /// positions, as people see them in the lists.
    pub number: String,
    /// The full name.
    pub name: String,
    /// "1.2 Nombre…", shortened to fit the label column.
    pub label: String,
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
    /// Top of the row.
    pub y: f64,
    /// Left end of the label.
    pub label_x: f64,
    pub bar_x: f64,
    pub bar_y: f64,
    pub bar_width: f64,
    pub bar_height: f64,
    /// The first row of a commitment other than the first (a separator goes above it).
    pub starts_commitment: bool,
}

/// A tick on the time axis, at the first day of a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tick {
    pub date: Date,
    pub x: f64,
    /// "ene 2026" on the first tick and every January, "feb" otherwise; only
    /// the year when ticks are a year or more apart.
    pub label: String,
}

/// The laid-out timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub rows: Vec<Row>,
    pub ticks: Vec<Tick>,
    /// Months between two ticks.
    pub tick_step: u32,
    /// First day of the axis (a month's first day).
    pub axis_start: Date,
    /// Day after the axis (a month's first day).
    pub axis_end: Date,
    /// Earliest start and latest end of the rows.
    pub first: Date,
    pub last: Date,
    /// Where today's line goes, when today is on the axis.
    pub today_x: Option<f64>,
    pub width: f64,
    pub height: f64,
    /// Bottom of the last row.
    pub rows_bottom: f64,
}

impl Timeline {
    pub fn key_actions(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.kind == RowKind::KeyAction)
            .count()
    }
    pub fn activities(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.kind == RowKind::Activity)
            .count()
    }
    /// One sentence for the picture's text alternative.
    pub fn summary(&self) -> String {
        let k = self.key_actions();
        let a = self.activities();
        let keys = if k == 1 {
            "1 acción clave".to_owned()
        } else {
            format!("{k} acciones clave")
        };
        let acts = match a {
            0 => String::new(),
            1 => " y 1 actividad".to_owned(),
            n => format!(" y {n} actividades"),
        };
        format!(
            "Cronograma de {keys}{acts}, del {} al {}. Las fechas están en la tabla que sigue.",
            format_date(self.first),
            format_date(self.last)
        )
    }
}

/// "Nombre muy largo…": at most `max` characters, ending in "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Spanish month abbreviations, January first.
const MONTHS: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic",
];

/// The first day of the month of `d`.
pub fn month_start(d: Date) -> Date {
    d.replace_day(1).unwrap_or(d)
}

/// The first day of the month after `d`'s.
pub fn next_month(d: Date) -> Date {
    let (year, month) = match d.month() {
        Month::December => (d.year() + 1, Month::January),
        m => (d.year(), m.next()),
    };
    Date::from_calendar_date(year, month, 1).unwrap_or(d)
}

/// Months from `a`'s month to `b`'s month (`b` after `a`).
fn months_between(a: Date, b: Date) -> u32 {
    u32::try_from(month_index(b) - month_index(a)).unwrap_or(0)
}

/// Months since January of year 0.
fn month_index(d: Date) -> i32 {
    d.year() * 12 + i32::from(u8::from(d.month())) - 1
}

/// Months between ticks: 1, 2, 3, 6, 12, then whole years, the smallest that
/// keeps at most [`MAX_TICKS`] ticks on an axis of `months`.
pub fn tick_step(months: u32) -> u32 {
    let mut candidates = vec![1, 2, 3, 6, 12];
    candidates.extend((2..=100).map(|y| y * 12));
    candidates
        .into_iter()
        .find(|s| months.div_ceil(*s) <= MAX_TICKS)
        .unwrap_or(1200)
}

/// Lays out the timeline of the plan's key actions and dated activities, of
/// one commitment or (`None`) of all. `None` when there is nothing to draw.
pub fn timeline(plan: &Plan, only: Option<CommitmentId>, today: Date) -> Option<Timeline> {
    struct Item {
        kind: RowKind,
        commitment: CommitmentId,
        number: String,
        name: String,
        start: Date,
        end: Date,
        starts_commitment: bool,
    }
    let mut items = Vec::new();
    for (ci, c) in plan.commitments.iter().enumerate() {
        if only.is_some_and(|id| id != c.id) {
            continue;
        }
        let mut first_of_commitment = true;
        for (ki, k) in c.key_actions.iter().enumerate() {
            let number = format!("{}.{}", ci + 1, ki + 1);
            // Only what has dates is drawn; a key action saved without dates
            // still shows its activities that have them.
            let dated = k
                .period
                .iter()
                .map(|p| (RowKind::KeyAction, number.clone(), &k.name, p))
                .chain(k.activities.iter().enumerate().filter_map(|(ai, a)| {
                    a.period.as_ref().map(|p| {
                        (
                            RowKind::Activity,
                            format!("{number}.{}", ai + 1),
                            &a.name,
                            p,
                        )
                    })
                }));
            for (kind, number, name, p) in dated {
                items.push(Item {
                    kind,
                    commitment: c.id,
                    number,
                    name: crate::labels::name_or_unnamed(name).to_owned(),
                    start: p.first_day(),
                    end: p.last_day(),
                    starts_commitment: first_of_commitment && !items.is_empty(),
                });
                first_of_commitment = false;
            }
        }
    }
    let first = items.iter().map(|i| i.start).min()?;
    let last = items.iter().map(|i| i.end).max()?;
    let axis_start = month_start(first);
    let axis_end = next_month(last);
    let span = (axis_end - axis_start).whole_days().max(1) as f64;
    let x_of = |d: Date| LABEL_WIDTH + CHART_WIDTH * (d - axis_start).whole_days() as f64 / span;

    let rows: Vec<Row> = items
        .into_iter()
        .enumerate()
        .map(|(i, it)| {
            let y = AXIS_HEIGHT + ROW_HEIGHT * i as f64;
            let (bar_height, label_x, max_chars) = match it.kind {
                RowKind::KeyAction => (KEY_ACTION_BAR, 0.0, MAX_LABEL_CHARS),
                RowKind::Activity => (ACTIVITY_BAR, ACTIVITY_INDENT, MAX_LABEL_CHARS - 2),
            };
            let bar_x = x_of(it.start);
            // The end day is drawn whole: the bar reaches the next day's start.
            let bar_width = (x_of(it.end + Duration::days(1)) - bar_x).max(MIN_BAR_WIDTH);
            Row {
                label: shorten(&format!("{} {}", it.number, it.name), max_chars),
                kind: it.kind,
                commitment: it.commitment,
                number: it.number,
                name: it.name,
                start: it.start,
                end: it.end,
                y,
                label_x,
                bar_x,
                bar_y: y + (ROW_HEIGHT - bar_height) / 2.0,
                bar_width,
                bar_height,
                starts_commitment: it.starts_commitment,
            }
        })
        .collect();

    let months = months_between(axis_start, axis_end);
    let step = tick_step(months);
    let mut ticks = Vec::new();
    let mut d = axis_start;
    while d < axis_end {
        let month0 = month_index(d).rem_euclid(12) as usize;
        // Months counted from year 0, so quarters, semesters and (even) years align.
        if month_index(d).rem_euclid(step as i32) == 0 {
            let abbr = MONTHS[month0];
            let label = if step >= 12 {
                d.year().to_string()
            } else if ticks.is_empty() || month0 == 0 {
                format!("{abbr} {}", d.year())
            } else {
                abbr.to_owned()
            };
            ticks.push(Tick {
                date: d,
                x: x_of(d),
                label,
            });
        }
        d = next_month(d);
    }

    let rows_bottom = AXIS_HEIGHT + ROW_HEIGHT * rows.len() as f64;
    let today_x = (axis_start <= today && today < axis_end).then(|| x_of(today));
    let height = rows_bottom + if today_x.is_some() { TODAY_HEIGHT } else { 6.0 };
    Some(Timeline {
        rows,
        ticks,
        tick_step: step,
        axis_start,
        axis_end,
        first,
        last,
        today_x,
        width: LABEL_WIDTH + CHART_WIDTH + RIGHT_MARGIN,
        height,
        rows_bottom,
    })
}
