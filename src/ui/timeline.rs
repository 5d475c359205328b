//! The timeline (cronograma) of key actions and activities: an inline SVG drawn
//! from the pure geometry in [`crate::export::timeline`], followed by a table
//! with the same dates (the picture's text alternative).

use leptos::prelude::*;

use crate::domain::{format_date, CommitmentId};
use crate::export::timeline::{timeline, RowKind, Timeline as Laid, AXIS_HEIGHT, LABEL_WIDTH};
use crate::persistence::browser::now_local;
use crate::state::use_app;

/// A Gantt-like picture of the key actions (thick bars) and their dated
/// activities (thin bars) of one commitment or, with `None`, of the whole
/// plan, with a table alternative. A one-line note when there is nothing to draw.
#[component]
pub fn Timeline(commitment: Option<CommitmentId>) -> impl IntoView {
    let state = use_app();
    let today = now_local().date();
    let laid = move || state.plan.with(|p| timeline(p, commitment, today));
    view! {
        <section class="timeline" aria-labelledby=heading_id(commitment)>
            <h2 class="heading-m" id=heading_id(commitment)>"Cronograma"</h2>
            {move || match laid() {
                Some(t) => view! { <Picture t=t /> }.into_any(),
                None => view! {
                    <p class="body">"El cronograma aparecerá cuando haya acciones clave con fechas."</p>
                }
                .into_any(),
            }}
        </section>
    }
}

fn heading_id(commitment: Option<CommitmentId>) -> String {
    match commitment {
        Some(id) => format!("cronograma-{}", id.0),
        None => "cronograma".to_owned(),
    }
}

/// The SVG, its legend and the table.
#[component]
fn Picture(t: Laid) -> impl IntoView {
    let summary = t.summary();
    let bottom = t.rows_bottom;
    let right = t.width - crate::export::timeline::RIGHT_MARGIN;
    let bands = t
        .rows
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, r)| {
            view! {
                <rect class="timeline__band" x="0" y=r.y width=right height=crate::export::timeline::ROW_HEIGHT></rect>
            }
        })
        .collect_view();
    let ticks = t
        .ticks
        .iter()
        .map(|k| {
            view! {
                <line class="timeline__grid" x1=k.x x2=k.x y1=AXIS_HEIGHT - 8.0 y2=bottom></line>
                <text class="timeline__tick" x=k.x + 3.0 y=AXIS_HEIGHT - 12.0>{k.label.clone()}</text>
            }
        })
        .collect_view();
    let separators = t
        .rows
        .iter()
        .filter(|r| r.starts_commitment)
        .map(|r| view! { <line class="timeline__separator" x1="0" x2=right y1=r.y y2=r.y></line> })
        .collect_view();
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let (label_class, bar_class) = match r.kind {
                RowKind::KeyAction => ("timeline__label", "timeline__bar timeline__bar--key"),
                RowKind::Activity => (
                    "timeline__label timeline__label--activity",
                    "timeline__bar timeline__bar--activity",
                ),
            };
            let tip = format!(
                "{} {}: del {} al {}",
                r.number,
                r.name,
                format_date(r.start),
                format_date(r.end)
            );
            view! {
                <g>
                    // Built outright: in `view!`, `title` may become the HTML element.
                    {leptos::svg::title().child(tip)}
                    <text class=label_class x=r.label_x + 4.0 y=r.y + 18.0>{r.label.clone()}</text>
                    <rect class=bar_class x=r.bar_x y=r.bar_y width=r.bar_width height=r.bar_height></rect>
                </g>
            }
        })
        .collect_view();
    let today = t.today_x.map(|x| {
        view! {
            <line class="timeline__today" x1=x x2=x y1=AXIS_HEIGHT - 4.0 y2=bottom + 4.0></line>
            <text class="timeline__today-label" x=x y=bottom + 18.0 text-anchor="middle">"hoy"</text>
        }
    });
    let legend = if t.activities() == 0 {
        "Cada barra es una acción clave, de su fecha de inicio a la de término."
    } else {
        "Las barras gruesas son acciones clave; las delgadas, sus actividades."
    };
    let today_note = t
        .today_x
        .is_some()
        .then_some(" La línea punteada marca el día de hoy.");
    let table_rows = t
        .rows
        .iter()
        .map(|r| {
            let name = match r.kind {
                RowKind::KeyAction => r.name.clone(),
                RowKind::Activity => format!("Actividad: {}", r.name),
            };
            view! {
                <tr class="table__row">
                    <th scope="row" class="table__cell">{r.number.clone()}</th>
                    <td class="table__cell">{name}</td>
                    <td class="table__cell timeline__date">{format_date(r.start)}</td>
                    <td class="table__cell timeline__date">{format_date(r.end)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="timeline__figure">
            // On a phone the picture keeps a readable size and scrolls sideways;
            // focusable so a keyboard can scroll it too.
            <div class="table-scroll timeline__scroll" tabindex="0" role="region" aria-label="Gráfica del cronograma">
            <svg
                class="timeline__svg"
                viewBox=format!("0 0 {} {}", t.width, t.height)
                role="img"
                aria-label=summary
            >
                {bands}
                {ticks}
                {separators}
                {rows}
                {today}
                <line class="timeline__axis" x1=LABEL_WIDTH x2=LABEL_WIDTH y1=AXIS_HEIGHT - 8.0 y2=bottom></line>
            </svg>
            </div>
            <figcaption class="hint">{legend}{today_note}</figcaption>
        </figure>
        <details class="details">
            <summary class="details__summary">"Ver las fechas en una tabla"</summary>
            <div class="details__text">
                // Focusable so a keyboard can scroll it on a narrow screen (it has no links).
                <div class="table-scroll" tabindex="0" role="region" aria-label="Fechas de las acciones clave y sus actividades">
                <table class="table">
                    <caption class="table__caption">"Fechas de las acciones clave y sus actividades"</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="table__header">"Núm."</th>
                            <th scope="col" class="table__header">"Acción clave o actividad"</th>
                            <th scope="col" class="table__header">"Inicio"</th>
                            <th scope="col" class="table__header">"Término"</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
                </div>
            </div>
        </details>
    }
}
