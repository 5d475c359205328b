//! The map of Mexico by state (pure): what each state is shaded by, the
//! legend's classes, and the outlines ([`super::map_data`], generated once
//! by `scripts/make-map.py`). Colours live in CSS (`.map__state--n0` …
//! `--n4`), never here: the page names a class, the style sheet fills it.

use super::index::StateRow;
pub use super::map_data::{STATE_PATHS, VIEW_BOX};

/// What the map's shades count, per state (the person chooses).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Local plans with a maker in the state.
    #[default]
    Plans,
    /// Their commitments.
    Commitments,
}

impl Measure {
    pub const ALL: [Measure; 2] = [Measure::Plans, Measure::Commitments];

    pub const fn key(self) -> &'static str {
        match self {
            Measure::Plans => "planes",
            Measure::Commitments => "compromisos",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The state's value for this measure.
    pub fn of(self, row: &StateRow) -> usize {
        match self {
            Measure::Plans => row.plans,
            Measure::Commitments => row.commitments,
        }
    }
}

/// The most shades above "none" (classes `n1` … `n4`).
pub const SHADES: usize = 4;

/// One class of the legend: the values from `from` to `to`, both included
/// (the last class ends at the largest value shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bin {
    pub from: usize,
    pub to: usize,
}

/// The legend's classes for values from 0 to `max`: first the class of 0
/// (states without any), then up to [`SHADES`] classes of equal width that
/// cover 1 to `max` (one class per value while `max` is [`SHADES`] or less).
/// Why equal widths rather than quantiles: with a few dozen states the
/// classes stay readable ("1 a 3", "4 a 6") and do not move when one plan
/// is added somewhere else.
pub fn bins(max: usize) -> Vec<Bin> {
    let mut out = vec![Bin { from: 0, to: 0 }];
    if max == 0 {
        return out;
    }
    let width = max.div_ceil(SHADES);
    let mut from = 1;
    while from <= max {
        let to = (from + width - 1).min(max);
        out.push(Bin { from, to });
        from = to + 1;
    }
    out
}

/// The class (its position in `bins`) of a value; the last class for a
/// value above every class.
pub fn class_of(bins: &[Bin], value: usize) -> usize {
    bins.iter()
        .position(|b| value >= b.from && value <= b.to)
        .unwrap_or(bins.len().saturating_sub(1))
}

/// The shade (CSS class `map__state--n{shade}`, 0 to [`SHADES`]) of class
/// `class` among `classes` classes (0 included): none for 0, and the darkest
/// for the last class whatever their number, so "the most" always looks it
/// (with two classes above zero they take the two darkest shades).
pub fn shade(classes: usize, class: usize) -> usize {
    if class == 0 {
        return 0;
    }
    let above_zero = classes.saturating_sub(1).clamp(1, SHADES);
    (SHADES - above_zero + class).min(SHADES)
}

/// One state as the map draws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapState {
    pub code: &'static str,
    pub name: &'static str,
    pub path: &'static str,
    pub plans: usize,
    pub commitments: usize,
    /// Its class: its position in [`MapView::bins`].
    pub class: usize,
    /// Its shade ([`shade`]): the CSS class `map__state--n{shade}`.
    pub shade: usize,
}

/// The map for one set of counts per state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapView {
    pub measure: Measure,
    pub bins: Vec<Bin>,
    /// The 32 states, in INEGI order.
    pub states: Vec<MapState>,
}

/// Shades each state by `measure` (`rows`: the per-state table, in INEGI
/// order, as [`super::index::Index::view`] gives it).
pub fn map_view(rows: &[StateRow], measure: Measure) -> MapView {
    let max = rows.iter().map(|r| measure.of(r)).max().unwrap_or(0);
    let bins = bins(max);
    let states = rows
        .iter()
        .filter_map(|r| {
            let path = STATE_PATHS.iter().find(|(c, _)| *c == r.code)?.1;
            let class = class_of(&bins, measure.of(r));
            Some(MapState {
                code: r.code,
                name: r.name,
                path,
                plans: r.plans,
                commitments: r.commitments,
                class,
                shade: shade(bins.len(), class),
            })
        })
        .collect();
    MapView {
        measure,
        bins,
        states,
    }
}
