//! The map of Mexico on «Articulación nacional»: one SVG path per state,
//! shaded by a CSS class (`map__state--n0` … `--n4`: no inline style under
//! the CSP), each a keyboard-focusable button whose accessible name carries
//! its counts ("Jalisco: 3 planes, 12 compromisos"); activating one filters
//! by that state (again: the filter is removed). The legend names each class
//! by its range; the table per state beside it says the same in words.

use leptos::prelude::*;

use crate::domain::articulation::index::StateRow;
use crate::domain::articulation::map::{map_view, shade, Measure, STATE_PATHS, VIEW_BOX};
use crate::messages::articulation as words;

/// The map, its legend and the choice of what it counts. `rows`: the counts
/// per state (all 32, INEGI order); `selected`: the state filtered by;
/// `pick`: called with a state's INEGI code when it is activated.
#[component]
pub fn StateMap(
    rows: Memo<Vec<StateRow>>,
    #[prop(into)] selected: Signal<Option<String>>,
    pick: Callback<&'static str>,
) -> impl IntoView {
    let measure = RwSignal::new(Measure::default());
    let shown = Memo::new(move |_| rows.with(|r| map_view(r, measure.get())));

    // The paths are made once, their class and name follow the counts, so a
    // state keeps the focus when it is activated.
    let paths = STATE_PATHS
        .iter()
        .enumerate()
        .map(|(i, (code, d))| {
            let code: &'static str = code;
            let class = move || {
                let chosen = selected.with(|s| s.as_deref() == Some(code));
                shown.with(|m| {
                    let n = m.states.get(i).map_or(0, |s| s.shade);
                    if chosen {
                        format!("map__state map__state--n{n} map__state--selected")
                    } else {
                        format!("map__state map__state--n{n}")
                    }
                })
            };
            let label = move || {
                shown.with(|m| {
                    m.states.get(i).map_or_else(String::new, |s| {
                        words::map_state_label(s.name, s.plans, s.commitments)
                    })
                })
            };
            let pressed = move || selected.with(|s| s.as_deref() == Some(code)).to_string();
            view! {
                <path
                    class=class
                    d=*d
                    tabindex="0"
                    role="button"
                    aria-label=label
                    aria-pressed=pressed
                    data-estado=code
                    on:click=move |_| pick.run(code)
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            pick.run(code);
                        }
                    }
                />
            }
        })
        .collect_view();

    let legend = move || {
        shown.with(|m| {
            m.bins
                .iter()
                .enumerate()
                .map(|(class, b)| {
                    let n = shade(m.bins.len(), class);
                    view! {
                        <li class="map-legend__item">
                            <span class=format!("map-legend__swatch map__swatch--n{n}") aria-hidden="true"></span>
                            {words::bin_label(*b)}
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let choices = Measure::ALL
        .into_iter()
        .map(|m| {
            let id = format!("mapa-medida-{}", m.key());
            view! {
                <div class="radios__item">
                    <input
                        class="radios__input"
                        id=id.clone()
                        name="mapa-medida"
                        type="radio"
                        value=m.key()
                        prop:checked=move || measure.get() == m
                        on:change=move |_| measure.set(m)
                    />
                    <label class="label radios__label" for=id>{words::measure_label(m)}</label>
                </div>
            }
        })
        .collect_view();

    view! {
        <h2 class="heading-m" id="mapa-titulo">"Mapa por estado"</h2>
        <p class="body" id="mapa-ayuda">
            "Cada estado tiene el tono de su número de planes o de compromisos locales, según elija. Elija un estado (con el ratón, o con la tecla Tab y después Intro) para filtrar por él; elíjalo otra vez para quitar el filtro. El cuadro «Por estado», abajo, tiene los mismos números."
        </p>
        <fieldset class="fieldset">
            <legend class="fieldset__legend">"Colorear el mapa por"</legend>
            <div class="radios radios--inline">{choices}</div>
        </fieldset>
        <div class="map">
            <svg
                class="map__svg"
                viewBox=VIEW_BOX
                role="group"
                aria-labelledby="mapa-titulo"
                aria-describedby="mapa-ayuda"
            >
                {paths}
            </svg>
            <div class="map-legend">
                <p class="map-legend__title">{move || words::measure_label(measure.get())}</p>
                <ul class="map-legend__list">{legend}</ul>
            </div>
        </div>
        <p class="hint">
            "Mapa basado en MapSVG (mapsvg.com/maps/mexico), adaptado por Victor Cazanave (svg-maps), licencia CC BY 4.0; simplificado para esta herramienta. Claves de los estados: INEGI, Marco Geoestadístico."
        </p>
    }
}
