//! «Descargar CSV» of «Articulación nacional»: one row per local commitment
//! shown (the filters applied; the federation's plans left out), with its
//! plan, where it is made, its national link, SDG targets, OGP values, PND
//! axis, gender perspective and progress (pure; above the domain, since the
//! jurisdiction is named in the labels' words).
//!
//! The same conventions as the progress CSV (`export::content::progress_csv`):
//! the columns ([`COLUMNS`]) are stable (a later version may add columns at
//! the end, never rename, remove or reorder them; the README lists them);
//! RFC 4180 (comma-separated, CRLF between records, a field in double quotes
//! when it holds a comma, a double quote, a CR or a LF); UTF-8 with a
//! byte-order mark for Excel. Several values in one field are joined by
//! [`SEPARATOR`].

use super::progress_csv::record;
use crate::catalog;
use crate::domain::articulation::index::{Filters, Index, Level, View};
use crate::domain::articulation::progress::reported_progress;
use crate::domain::articulation::PlanSet;
use crate::domain::Plan;

/// The header row, in order.
pub const COLUMNS: [&str; 22] = [
    "plan",
    "file",
    "jurisdiction",
    "states",
    "inegi_codes",
    "levels",
    "period_start",
    "period_end",
    "commitment_number",
    "commitment_id",
    "commitment_name",
    "national_list",
    "national_commitment",
    "national_title",
    "relation",
    "sdg_targets",
    "ogp_values",
    "pnd_axis",
    "gender_perspective",
    "policy_area",
    "progress_percent",
    "progress_round",
];

/// UTF-8's byte-order mark, first in the file.
pub use super::progress_csv::BOM;

/// What joins several values in one field.
pub const SEPARATOR: &str = " | ";

/// The file's name.
pub const FILE_NAME: &str = "articulacion-compromisos-locales.csv";

/// Hundredths of a percent as a plain number with a dot: 3235 → "32.35",
/// 3000 → "30".
fn percent(hundredths: u32) -> String {
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

/// The columns that are the same for every commitment of a plan.
fn plan_fields(plan: &Plan, file: &str, levels: &[Level], states: &[&str]) -> Vec<String> {
    let profile = plan.profile.as_ref();
    let codes: Vec<&str> = profile
        .map(|p| {
            p.jurisdictions
                .members()
                .iter()
                .filter_map(|m| m.code())
                .collect()
        })
        .unwrap_or_default();
    let states: Vec<&str> = states
        .iter()
        .filter_map(|s| catalog::state(s))
        .map(|s| s.name)
        .collect();
    let levels: Vec<&str> = levels.iter().map(|l| l.key()).collect();
    vec![
        plan.display_name().to_owned(),
        file.to_owned(),
        profile.map_or_else(String::new, crate::labels::entity_name),
        states.join(SEPARATOR),
        codes.join(SEPARATOR),
        levels.join(SEPARATOR),
        profile.map_or_else(String::new, |p| p.period.start().iso()),
        profile.map_or_else(String::new, |p| p.period.end().iso()),
    ]
}

/// The whole file: the BOM, the header, then one row per local commitment
/// shown, plan by plan in the order of the set, commitments in plan order.
/// `index` was built from `set`; `view` is `index.view(filters)`.
pub fn articulation_csv(set: &PlanSet, index: &Index, view: &View, filters: &Filters) -> String {
    let mut out = String::from(BOM);
    record(&mut out, &COLUMNS.map(str::to_owned));
    let mut current: Option<(usize, Vec<String>)> = None;
    for (row, c) in index.local_commitments(view, filters) {
        let p = &index.plans[row];
        let Some(loaded) = set.plans().get(p.position) else {
            continue;
        };
        let plan = &loaded.plan;
        let Some(commitment) = plan.commitments.get(c) else {
            continue;
        };
        if current.as_ref().is_none_or(|(r, _)| *r != row) {
            current = Some((
                row,
                plan_fields(plan, &loaded.file_name, &p.levels, &p.states),
            ));
        }
        let mut fields = current.as_ref().map(|(_, f)| f.clone()).unwrap_or_default();
        let link = commitment.alignment.national.as_ref();
        let national = link.and_then(|l| l.commitment());
        let round = plan.latest_round();
        let values: Vec<&str> = commitment.values.iter().map(|v| v.value.key()).collect();
        let text = |t: Option<&String>| t.map_or_else(String::new, |s| s.trim().to_owned());
        fields.extend([
            (c + 1).to_string(),
            commitment.id.0.to_string(),
            commitment.name.clone(),
            plan.national_plan.name.clone(),
            national.unwrap_or_default().to_owned(),
            national
                .and_then(|id| plan.national_plan.entry(id))
                .map_or_else(String::new, |e| e.title.clone()),
            link.map_or_else(String::new, |l| l.relation().key().to_owned()),
            commitment.alignment.sdg_targets.join(SEPARATOR),
            values.join(SEPARATOR),
            text(commitment.alignment.pnd_axis.as_ref()),
            text(commitment.alignment.gender.as_ref()),
            text(
                commitment
                    .classification
                    .as_ref()
                    .and_then(|k| k.policy_area.as_ref()),
            ),
            // Empty, not 0, when the commitment has no progress report.
            reported_progress(plan, commitment).map_or_else(String::new, percent),
            round.map_or_else(String::new, |r| r.name.clone()),
        ]);
        record(&mut out, &fields);
    }
    out
}
