//! The coverage tables of «Articulación nacional»: what the shown local
//! commitments cover (SDG goals and targets, OGP values, PND axes, policy
//! areas, gender perspective). Counted by `Index::coverage` (pure).

use leptos::prelude::*;

use crate::domain::articulation::index::Coverage;
use crate::export::content::articulation_document::{named_coverage, NamedCoverage};
use crate::labels::thousands;

/// A two-column table: a name per row and its number of commitments.
fn count_table(
    caption: &'static str,
    label: &'static str,
    rows: Vec<(String, usize)>,
    without: Option<(&'static str, usize)>,
) -> impl IntoView {
    let empty = rows.is_empty();
    let rows_n = rows.len();
    let body = rows
        .into_iter()
        .map(|(name, n)| {
            view! {
                <tr class="table__row">
                    <th scope="row" class="table__header">{name}</th>
                    <td class="table__cell">{thousands(n)}</td>
                </tr>
            }
        })
        .collect_view();
    let without = without.filter(|(_, n)| *n > 0).map(|(text, n)| {
        view! {
            <tr class="table__row">
                <th scope="row" class="table__header">{text}</th>
                <td class="table__cell">{thousands(n)}</td>
            </tr>
        }
    });
    let none = empty.then(|| {
        view! {
            <tr class="table__row">
                <td class="table__cell" colspan="2">"Ninguno de los compromisos mostrados."</td>
            </tr>
        }
    });
    view! {
        <div class=super::scroll_class(rows_n) tabindex="0" role="region" aria-label=caption>
            <table class="table">
                <caption class="table__caption">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">{label}</th>
                        <th scope="col" class="table__header">"Compromisos locales"</th>
                    </tr>
                </thead>
                <tbody>{body}{none}{without}</tbody>
            </table>
        </div>
    }
}

/// Every coverage table, for `coverage`.
pub fn coverage_tables(c: &Coverage) -> impl IntoView {
    let NamedCoverage {
        goals,
        targets,
        values,
    } = named_coverage(c);
    let total = c.commitments;
    let gender = c.gender;
    view! {
        <h2 class="heading-m" id="cobertura">"Cobertura"</h2>
        <p class="body" id="cobertura-resumen">
            {format!(
                "De {} compromisos locales mostrados, {} tienen perspectiva de igualdad de género.",
                thousands(total),
                thousands(gender)
            )}
        </p>
        <p class="body">"Un compromiso puede contar en varias filas de un cuadro: por ejemplo, si se alinea a metas de dos ODS."</p>
        {count_table("Objetivos de Desarrollo Sostenible (ODS)", "Objetivo", goals, Some(("Sin metas de ODS", c.without_sdg)))}
        {count_table("Metas de los ODS", "Meta", targets, None)}
        {count_table("Valores de la Alianza para el Gobierno Abierto", "Valor", values, None)}
        {count_table("Ejes del Plan Nacional de Desarrollo", "Eje", c.pnd_axes.clone(), Some(("Sin eje", c.without_pnd_axis)))}
        {count_table("Áreas de política pública", "Área", c.policy_areas.clone(), Some(("Sin área", c.without_policy_area)))}
    }
}
