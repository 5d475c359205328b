//! «Avance ponderado» on «Articulación nacional»: the weighted progress of
//! the shown local commitments, per national commitment, per state and per
//! plan; how many have a progress report, and «Sin informe de avance» where
//! none has (never 0 %). Computed by `domain::articulation::progress` (pure).

use leptos::prelude::*;

use crate::catalog;
use crate::domain::articulation::index::{Index, View};
use crate::domain::articulation::progress::{Progress, ProgressView};
use crate::export::content::articulation_document::{progress_cell, progress_summary};
use crate::export::content::progress_document::WEIGHTED_PROGRESS_NOTE;
use crate::labels::thousands;

/// One table: a name per row and its progress.
fn progress_table(
    caption: String,
    label: &'static str,
    rows: Vec<(String, Progress)>,
    total: Option<Progress>,
) -> impl IntoView {
    let none = rows.is_empty().then(|| {
        view! {
            <tr class="table__row">
                <td class="table__cell" colspan="4">"Ninguno con compromisos locales mostrados."</td>
            </tr>
        }
    });
    let class = super::scroll_class(rows.len());
    let body = rows
        .into_iter()
        .map(|(name, p)| {
            view! {
                <tr class="table__row">
                    <th scope="row" class="table__header">{name}</th>
                    <td class="table__cell">{thousands(p.commitments)}</td>
                    <td class="table__cell">{thousands(p.reported)}</td>
                    <td class="table__cell">{progress_cell(p)}</td>
                </tr>
            }
        })
        .collect_view();
    let foot = total.map(|p| {
        view! {
            <tfoot>
                <tr class="table__row">
                    <th scope="row" class="table__header">"Total"</th>
                    <td class="table__cell">{thousands(p.commitments)}</td>
                    <td class="table__cell">{thousands(p.reported)}</td>
                    <td class="table__cell"><strong>{progress_cell(p)}</strong></td>
                </tr>
            </tfoot>
        }
    });
    let label_of_region = caption.clone();
    view! {
        <div class=class tabindex="0" role="region" aria-label=label_of_region>
            <table class="table">
                <caption class="table__caption">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">{label}</th>
                        <th scope="col" class="table__header">"Compromisos locales"</th>
                        <th scope="col" class="table__header">"Con informe de avance"</th>
                        <th scope="col" class="table__header">"Avance ponderado"</th>
                    </tr>
                </thead>
                <tbody>{body}{none}</tbody>
                {foot}
            </table>
        </div>
    }
}

/// The section: the summary, how it is computed, and the three tables
/// (national commitments and states with at least one local commitment
/// shown; every local plan shown).
pub fn progress_section(index: &Index, view: &View, p: &ProgressView) -> impl IntoView {
    let groups = view
        .groups
        .iter()
        .zip(&p.groups)
        .map(|(g, gp)| {
            let group = &index.groups[g.group];
            let mut rows: Vec<(String, Progress)> = g
                .entries
                .iter()
                .zip(&gp.entries)
                .filter(|(_, p)| p.commitments > 0)
                .map(|(t, p)| {
                    let e = &group.entries[t.entry];
                    let name = if e.title.is_empty() {
                        e.id.clone()
                    } else {
                        format!("{} · {}", e.id, e.title)
                    };
                    (name, *p)
                })
                .collect();
            if gp.unlinked.commitments > 0 {
                rows.push(("Sin vínculo".to_owned(), gp.unlinked));
            }
            progress_table(
                format!("Avance por compromiso nacional: {}", group.name),
                "Compromiso nacional",
                rows,
                Some(gp.total),
            )
        })
        .collect_view();
    let states: Vec<(String, Progress)> = view
        .states
        .iter()
        .zip(&p.states)
        .filter(|(_, p)| p.commitments > 0)
        .map(|(s, p)| (s.name.to_owned(), *p))
        .collect();
    let plans: Vec<(String, Progress)> = p
        .plans
        .iter()
        .map(|(row, p)| {
            let plan = &index.plans[*row];
            let states = plan
                .states
                .iter()
                .filter_map(|s| catalog::state(s))
                .map(|s| s.name)
                .collect::<Vec<_>>()
                .join(", ");
            let name = if states.is_empty() {
                plan.name.clone()
            } else {
                format!("{} ({states})", plan.name)
            };
            (name, *p)
        })
        .collect();
    view! {
        <h2 class="heading-m" id="avance">"Avance ponderado"</h2>
        <p class="body" id="avance-resumen">{progress_summary(p.total)}</p>
        <details class="details">
            <summary class="details__summary">"¿Cómo se calcula?"</summary>
            <div class="details__text">
                <p class="body">{WEIGHTED_PROGRESS_NOTE}</p>
                <p class="body">
                    "Aquí, el avance de un compromiso nacional, de un estado o de un plan es el promedio del avance de sus compromisos locales que tienen informe de avance: el del último informe del plan o, si el plan todavía no tiene informes, el que se escribió en cada acción clave. Un compromiso sin informe no cuenta como 0 %: se dice «Sin informe de avance» y cuántos compromisos tienen informe."
                </p>
            </div>
        </details>
        {groups}
        {progress_table("Avance por estado".to_owned(), "Estado", states, None)}
        {progress_table("Avance por plan local".to_owned(), "Plan local", plans, Some(p.total))}
    }
}
