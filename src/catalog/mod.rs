//! Bundled reference data, generated at build time from `src/catalog/data/*.csv`
//! by `build.rs` (which also checks counts and cross-references), and searched
//! here without accents or case. Pure: no browser code, no run-time parsing.
//!
//! Sources and licences: `src/catalog/data/SOURCES.md` and the app's
//! "Fuentes de datos" page.

/// A Mexican state (entidad federativa), INEGI 2020.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    /// INEGI code, 2 digits ("22").
    pub code: &'static str,
    pub name: &'static str,
    /// ISO 3166-2 code ("MX-QUE").
    pub iso: &'static str,
    pub population: u32,
    pub municipality_count: u16,
}

/// A municipality or alcaldía, INEGI 2020 (census list of 2,469).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Municipality {
    /// INEGI geostatistical code, 5 digits ("22014"); the first 2 are the state.
    pub code: &'static str,
    pub name: &'static str,
    pub population: u32,
}

impl Municipality {
    pub fn state_code(&self) -> &'static str {
        &self.code[..2]
    }
}

/// A Sustainable Development Goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SdgGoal {
    pub number: u8,
    pub short_es: &'static str,
    pub title_es: &'static str,
    /// UN communications colour, "#RRGGBB".
    pub color: &'static str,
}

/// An SDG target ("16.10").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SdgTarget {
    pub code: &'static str,
    pub goal: u8,
    pub title_es: &'static str,
}

/// A commitment of Mexico's 4th national action plan (OGP ids MX0075-MX0087).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NationalCommitment {
    pub id: &'static str,
    pub number: u8,
    /// The official Spanish title, only where it was verified against the plan.
    pub title_es: Option<&'static str>,
    /// OGP's English title.
    pub title_en: &'static str,
    pub lead_institutions: &'static str,
    pub support_institutions: &'static str,
}

/// Edition of the Plan Nacional de Desarrollo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PndEdition {
    #[serde(rename = "2019-2024")]
    Pnd2019,
    #[serde(rename = "2025-2030")]
    Pnd2025,
}

impl PndEdition {
    pub fn label(self) -> &'static str {
        match self {
            PndEdition::Pnd2019 => "2019-2024",
            PndEdition::Pnd2025 => "2025-2030",
        }
    }
}

/// General or cross-cutting axis of a PND.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PndAxisKind {
    General,
    Transversal,
}

/// An axis of a PND edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PndAxis {
    pub edition: PndEdition,
    pub kind: PndAxisKind,
    pub number: u8,
    pub name: &'static str,
}

/// A date as precise as its source gives it: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CatalogDate {
    pub year: u16,
    pub month: Option<u16>,
    /// Only with a month.
    pub day: Option<u16>,
}

/// Whom an authority of [`AUTHORITIES`] answers for (`poder_o_ambito`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorityScope {
    /// The country as a whole (the national system, its council, the platform).
    National,
    Executive,
    Legislative,
    Judicial,
    /// Autonomous bodies (organismos autónomos).
    Autonomous,
    /// Municipalities (and Mexico City's alcaldías).
    Municipal,
    PoliticalParties,
    Unions,
    /// Every public body at once (the source does not split by branch).
    All,
}

/// How sure the catalogue is of a row (`estado_del_dato`), surest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DataStatus {
    /// A source says this institution holds the role, from `since`.
    Confirmed,
    /// A reform names it, but the transition was not complete at the source's date.
    Pending,
    /// No source names the authority, or only proposals were found.
    Unconfirmed,
}

/// One row of the transparency-authorities catalogue after the 2025 reform
/// (`instituciones-2026.csv`): a national body, or a state's autoridad garante
/// for some branches, with its source and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Authority {
    /// INEGI code of the state; `None` for the federation.
    pub state: Option<&'static str>,
    pub scopes: &'static [AuthorityScope],
    /// The institution as the source names it; `None` when no source names one.
    pub name: Option<&'static str>,
    /// What else the source says (or why no institution is named).
    pub note: Option<&'static str>,
    /// Since when it holds the role, when a source says.
    pub since: Option<CatalogDate>,
    pub status: DataStatus,
    pub source_url: Option<&'static str>,
    /// Outlet, date and title of the source.
    pub source_title: &'static str,
    /// When the source was consulted (a day).
    pub consulted: CatalogDate,
}

impl Authority {
    /// Whether it answers for `scope` (a row for every body answers for all).
    pub fn covers(&self, scope: AuthorityScope) -> bool {
        self.scopes
            .iter()
            .any(|s| *s == scope || *s == AuthorityScope::All)
    }
}

mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));
}

pub use generated::{
    AUTHORITIES, MUNICIPALITIES, NATIONAL_4PA, OGP_POLICY_AREAS, PND_AXES, SDG_GOALS, SDG_TARGETS,
    STATES,
};

/// The INEGI code of Mexico City, whose 16 demarcations are alcaldías.
pub const CDMX: &str = "09";

pub fn state(code: &str) -> Option<&'static State> {
    STATES.iter().find(|s| s.code == code)
}

pub fn municipality(code: &str) -> Option<&'static Municipality> {
    MUNICIPALITIES
        .binary_search_by(|m| m.code.cmp(code))
        .ok()
        .map(|i| &MUNICIPALITIES[i])
}

/// The municipalities (or alcaldías) of one state, in INEGI order.
pub fn municipalities_of(state_code: &str) -> &'static [Municipality] {
    let start = MUNICIPALITIES.partition_point(|m| m.state_code() < state_code);
    let end = MUNICIPALITIES.partition_point(|m| m.state_code() <= state_code);
    &MUNICIPALITIES[start..end]
}

pub fn sdg_goal(number: u8) -> Option<&'static SdgGoal> {
    SDG_GOALS.iter().find(|g| g.number == number)
}

pub fn sdg_target(code: &str) -> Option<&'static SdgTarget> {
    SDG_TARGETS.iter().find(|t| t.code == code)
}

pub fn national_commitment(id: &str) -> Option<&'static NationalCommitment> {
    NATIONAL_4PA.iter().find(|c| c.id == id)
}

pub fn pnd_axes(edition: PndEdition) -> impl Iterator<Item = &'static PndAxis> {
    PND_AXES.iter().filter(move |a| a.edition == edition)
}

/// The rows of one state (INEGI code) in the authorities catalogue, in the
/// file's order; `None` gives the national rows. Every state has at least one
/// row (`build.rs` checks it), which may say that no authority is named yet.
pub fn authorities_of(state_code: Option<&str>) -> &'static [Authority] {
    let start = AUTHORITIES.partition_point(|a| a.state < state_code);
    let end = AUTHORITIES.partition_point(|a| a.state <= state_code);
    &AUTHORITIES[start..end]
}

/// The rows of a state, those that answer for `scope` first (a state plan
/// wants the executive's authority, a municipal plan the municipalities'),
/// each part in the file's order.
pub fn authorities_for(state_code: &str, scope: AuthorityScope) -> Vec<&'static Authority> {
    let mut rows: Vec<&Authority> = authorities_of(Some(state_code)).iter().collect();
    rows.sort_by_key(|a| !a.covers(scope));
    rows
}

/// The day the catalogue's sources were last consulted (the newest
/// `consultado`), for "as of" sentences.
pub fn authorities_consulted() -> Option<CatalogDate> {
    AUTHORITIES.iter().map(|a| a.consulted).max()
}

/// Lower-case without accents or diaeresis, for searching: "Querétaro" → "queretaro".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        // Combining diacritics (text typed or pasted in decomposed form).
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// True when every word of the folded query appears in the folded text.
fn matches_words(folded_text: &str, query_words: &[String]) -> bool {
    query_words.iter().all(|w| folded_text.contains(w.as_str()))
}

fn query_words(query: &str) -> Vec<String> {
    fold(query)
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Municipalities (of one state, or all) whose name matches the query, ignoring
/// accents and case; names that start with the query come first.
pub fn search_municipalities(state_code: Option<&str>, query: &str) -> Vec<&'static Municipality> {
    let pool: &[Municipality] = match state_code {
        Some(code) => municipalities_of(code),
        None => &MUNICIPALITIES,
    };
    let words = query_words(query);
    if words.is_empty() {
        return pool.iter().collect();
    }
    let first = words.join(" ");
    let mut starts = Vec::new();
    let mut contains = Vec::new();
    for m in pool {
        let name = fold(m.name);
        if name.starts_with(&first) {
            starts.push(m);
        } else if matches_words(&name, &words) || m.code == query.trim() {
            contains.push(m);
        }
    }
    starts.extend(contains);
    starts
}

/// SDG targets matching the query: a code or code prefix ("16.10", "16."),
/// a goal number ("5"), or words of the target's or goal's Spanish text.
pub fn search_targets(query: &str) -> Vec<&'static SdgTarget> {
    let q = query.trim();
    if q.is_empty() {
        return SDG_TARGETS.iter().collect();
    }
    // Code-like queries: digits and dots only.
    if q.chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c.is_ascii_alphabetic() && q.contains('.'))
        && q.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        let lower = q.to_ascii_lowercase();
        let exact: Vec<_> = SDG_TARGETS.iter().filter(|t| t.code == lower).collect();
        if !exact.is_empty() {
            return exact;
        }
        if let Ok(goal) = lower.parse::<u8>() {
            return SDG_TARGETS.iter().filter(|t| t.goal == goal).collect();
        }
        return SDG_TARGETS
            .iter()
            .filter(|t| t.code.starts_with(&lower))
            .collect();
    }
    let words = query_words(q);
    SDG_TARGETS
        .iter()
        .filter(|t| {
            let goal = sdg_goal(t.goal).map_or(String::new(), |g| fold(g.short_es));
            matches_words(&format!("{} {}", fold(t.title_es), goal), &words)
        })
        .collect()
}
