//! "Avance en el tiempo": the plan's and each commitment's weighted progress
//! per round ([`crate::domain::Plan::progress_over_time`]) as a line chart and,
//! with the same numbers, a table (rows are rounds, columns the plan and each
//! commitment). The chart is drawn with SVG attributes only (the CSP allows no
//! inline style); its `aria-label` says what it shows in words.

use leptos::prelude::*;

use crate::domain::format_date;
use crate::domain::progress::RoundProgress;
use crate::labels::name_or_unnamed;
use crate::messages::rounds as words;
use crate::state::use_app;
use crate::ui::paths;

/// The chart's size in user units, and its margins.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;

/// The plan's line: the brand colour (7.6:1 on white), thicker and solid.
const PLAN_COLOR: &str = "#611232";

/// Each commitment's line: colours of at least 4.5:1 on white, each with its
/// own dash pattern so that lines differ without colour too.
const COLORS: [&str; 8] = [
    "#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#505a5f", "#912b88", "#005a5b", "#7a4b00",
];
const DASHES: [&str; 4] = ["6 3", "2 3", "10 3 2 3", "1 0"];

fn series_style(i: usize) -> (&'static str, &'static str) {
    (COLORS[i % COLORS.len()], DASHES[i % DASHES.len()])
}

/// The x of round `i` of `n` (the rounds are evenly spaced, in order).
fn x_of(i: usize, n: usize) -> f64 {
    let plot = WIDTH - LEFT - RIGHT;
    LEFT + plot * (i as f64 + 0.5) / n.max(1) as f64
}

/// The y of a progress in hundredths of a percent (0-10,000).
fn y_of(hundredths: u32) -> f64 {
    let plot = HEIGHT - TOP - BOTTOM;
    TOP + plot * (1.0 - f64::from(hundredths.min(10_000)) / 10_000.0)
}

/// One line of the chart with its points.
fn series(values: &[u32], color: &'static str, dash: &'static str, width: f64) -> impl IntoView {
    let n = values.len();
    let points = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", x_of(i, n), y_of(*v)))
        .collect::<Vec<_>>()
        .join(" ");
    let dots = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            view! {
                <circle cx=format!("{:.1}", x_of(i, n)) cy=format!("{:.1}", y_of(*v)) r=width + 1.5 fill=color></circle>
            }
        })
        .collect_view();
    view! {
        <g>
            <polyline points=points fill="none" stroke=color stroke-width=width stroke-dasharray=dash stroke-linejoin="round"></polyline>
            {dots}
        </g>
    }
}

/// The chart, its legend and the table, from the plan (reactive).
#[component]
pub fn ProgressOverTime() -> impl IntoView {
    let state = use_app();
    move || {
        state.plan.with(|p| {
            let over_time: Vec<RoundProgress> = p.progress_over_time();
            let n = over_time.len();
            let label = words::chart_summary(p, &over_time);
            let grid = [0u32, 25, 50, 75, 100]
                .into_iter()
                .map(|v| {
                    let y = y_of(v * 100);
                    view! {
                        <line x1=LEFT x2=WIDTH - RIGHT y1=y y2=y class="chart__grid"></line>
                        <text x=LEFT - 8.0 y=y + 4.0 class="chart__tick" text-anchor="end">{format!("{v} %")}</text>
                    }
                })
                .collect_view();
            let ticks = over_time
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    view! {
                        <text x=x_of(i, n) y=HEIGHT - 12.0 class="chart__tick" text-anchor="middle">
                            {format_date(r.cutoff)}
                        </text>
                    }
                })
                .collect_view();
            let commitment_lines = p
                .commitments
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    let values: Vec<u32> = over_time
                        .iter()
                        .map(|r| {
                            r.commitments
                                .iter()
                                .find(|x| x.commitment == c.id)
                                .map_or(0, |x| x.hundredths)
                        })
                        .collect();
                    let (color, dash) = series_style(ci);
                    series(&values, color, dash, 2.0)
                })
                .collect_view();
            let plan_values: Vec<u32> = over_time.iter().map(|r| r.plan).collect();
            let plan_line = series(&plan_values, PLAN_COLOR, "1 0", 4.0);
            // The legend: one entry per line, in the lines' colours and dashes.
            let legend = std::iter::once(view! {
                <span>
                    {swatch(PLAN_COLOR, "1 0", 4.0)}
                    " Plan (promedio de sus compromisos)"
                </span>
                <br />
            }
            .into_any())
            .chain(p.commitments.iter().enumerate().map(|(ci, c)| {
                let (color, dash) = series_style(ci);
                view! {
                    <span>
                        {swatch(color, dash, 2.0)}
                        {format!(" Compromiso {}: {}", ci + 1, name_or_unnamed(&c.name))}
                    </span>
                    <br />
                }
                .into_any()
            }))
            .collect_view();
            let headers = p
                .commitments
                .iter()
                .enumerate()
                .map(|(ci, _)| {
                    view! {
                        <th scope="col" class="table__header table__header--numeric">{format!("Compromiso {}", ci + 1)}</th>
                    }
                })
                .collect_view();
            let rows = over_time
                .iter()
                .map(|r| {
                    let cells = p
                        .commitments
                        .iter()
                        .map(|c| {
                            let v = r
                                .commitments
                                .iter()
                                .find(|x| x.commitment == c.id)
                                .map_or(0, |x| x.hundredths);
                            view! { <td class="table__cell table__cell--numeric">{words::percent(v)}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row" class="table__cell">
                                <a href=paths::round(Some(r.round))>{words::round_name(p, r)}</a>
                            </th>
                            <td class="table__cell">{format_date(r.cutoff)}</td>
                            <td class="table__cell table__cell--numeric">{words::percent(r.plan)}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <figure class="chart">
                    <svg
                        viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                        role="img"
                        aria-label=label
                        class="chart__svg"
                        id="grafica-avance"
                    >
                        {grid}
                        {ticks}
                        {commitment_lines}
                        {plan_line}
                    </svg>
                    <figcaption class="hint">
                        "Avance ponderado por informe, de 0 a 100 %: el de cada compromiso suma el avance de sus acciones clave según su ponderación; el del plan es el promedio de sus compromisos. Los mismos datos están en la tabla."
                    </figcaption>
                </figure>
                <p class="body" id="leyenda-avance">{legend}</p>
                <div class="table-scroll" role="region" aria-labelledby="tabla-avance-titulo" tabindex="0">
                    <table class="table table--progress" id="tabla-avance">
                        <caption class="table__caption" id="tabla-avance-titulo">"Avance ponderado por informe"</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="table__header">"Informe"</th>
                                <th scope="col" class="table__header">"Fecha de corte"</th>
                                <th scope="col" class="table__header table__header--numeric">"Plan"</th>
                                {headers}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    }
}

/// A short line in a series' colour and dashes, for the legend.
fn swatch(color: &'static str, dash: &'static str, width: f64) -> impl IntoView {
    view! {
        <svg width="36" height="12" viewBox="0 0 36 12" aria-hidden="true" focusable="false">
            <line x1="2" x2="34" y1="6" y2="6" stroke=color stroke-width=width stroke-dasharray=dash></line>
        </svg>
    }
}
