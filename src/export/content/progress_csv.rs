//! "Descargar avances (CSV)": every report round of the plan as one table,
//! one row per key action or activity per round, for a spreadsheet or for
//! reuse as open data.
//!
//! The columns ([`COLUMNS`]) are stable: a later version may add columns at
//! the end, never rename, remove or reorder them (the README lists them with
//! their meaning). The file is RFC 4180: comma-separated, CRLF between
//! records, a field in double quotes when it holds a comma, a double quote
//! (doubled inside), a CR or a LF; and UTF-8 with a byte-order mark, so that
//! Excel opens the accents right. Texts are as typed (a line break inside a
//! text stays inside its quoted field).
//!
//! Written here rather than with the `csv` crate: quoting is a dozen lines,
//! and the crate would add to the app's first-load download.

use crate::domain::progress::{Item, Round};
use crate::domain::Plan;
use crate::labels::Label;

/// The header row, in order.
pub const COLUMNS: [&str; 21] = [
    "round_id",
    "round_name",
    "cutoff",
    "reporter",
    "commitment_number",
    "commitment_id",
    "commitment_name",
    "key_action_number",
    "key_action_id",
    "key_action_name",
    "weight",
    "activity_number",
    "activity_id",
    "activity_name",
    "status",
    "status_label",
    "percent",
    "evidence",
    "difficulties",
    "next_steps",
    "gender_note",
];

/// UTF-8's byte-order mark, first in the file.
pub const BOM: &str = "\u{feff}";

/// What joins several pieces of evidence in one field.
pub const EVIDENCE_SEPARATOR: &str = " | ";

/// The CSV file's name: the plan's file stem + "-avances.csv".
pub fn csv_file_name(plan: &Plan) -> String {
    format!("{}-avances.csv", super::plan_document::file_stem(plan))
}

/// One field as RFC 4180 writes it (also for «Articulación nacional»'s CSV,
/// [`super::articulation_csv`]).
pub(crate) fn field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One record: its fields, then CRLF.
pub(crate) fn record(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The row of `item` in `round`; `None` for an item no longer in the plan.
fn row(plan: &Plan, round: &Round, item: Item) -> Option<Vec<String>> {
    let n = plan
        .commitments
        .iter()
        .position(|c| c.id == item.commitment)?;
    let c = &plan.commitments[n];
    let j = c.key_actions.iter().position(|k| k.id == item.key_action)?;
    let k = &c.key_actions[j];
    let activity = match item.activity {
        None => None,
        Some(a) => Some(k.activities.iter().position(|x| x.id == a)?),
    };
    let report = round.report(item);
    let text = |t: Option<&String>| t.map_or_else(String::new, |s| s.clone());
    let d = round.cutoff;
    Some(vec![
        round.id.0.to_string(),
        round.name.clone(),
        format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
        text(round.reporter.as_ref()),
        (n + 1).to_string(),
        c.id.0.to_string(),
        c.name.clone(),
        (j + 1).to_string(),
        k.id.0.to_string(),
        k.name.clone(),
        k.weight.map_or_else(String::new, |w| w.to_string()),
        activity.map_or_else(String::new, |i| (i + 1).to_string()),
        item.activity.map_or_else(String::new, |a| a.0.to_string()),
        activity.map_or_else(String::new, |i| k.activities[i].name.clone()),
        report
            .and_then(|r| r.status)
            .map_or_else(String::new, |s| s.key().to_owned()),
        report
            .and_then(|r| r.status)
            .map_or_else(String::new, |s| s.label().to_owned()),
        report
            .and_then(|r| r.percent)
            .map_or_else(String::new, |p| p.to_string()),
        report.map_or_else(String::new, |r| r.evidence.join(EVIDENCE_SEPARATOR)),
        text(report.and_then(|r| r.difficulties.as_ref())),
        text(report.and_then(|r| r.next_steps.as_ref())),
        text(report.and_then(|r| r.gender_note.as_ref())),
    ])
}

/// The whole file: the BOM, the header, then for every round (oldest first)
/// one row per key action and activity of the plan, in plan order, reported
/// or not (an item without a report has empty report columns). Reports of
/// items no longer in the plan are left out.
pub fn progress_csv(plan: &Plan) -> String {
    let mut out = String::from(BOM);
    record(&mut out, &COLUMNS.map(str::to_owned));
    let items = plan.progress_items();
    for round in plan.implementation.rounds_in_order() {
        for item in &items {
            if let Some(fields) = row(plan, round, *item) {
                record(&mut out, &fields);
            }
        }
    }
    out
}
