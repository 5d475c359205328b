//! Pickers over the bundled catalogues: a search box over a list of radios or
//! checkboxes (native semantics, so keyboard and screen readers work as
//! everywhere else). Search ignores accents and case (`catalog::fold`).

use leptos::prelude::*;

use crate::catalog::{self, SdgTarget};
use crate::domain::alignment::split_codes;
use crate::domain::Field;
use crate::ui::form::{Form, Wiring};

/// Most options shown at once; more are reached by typing.
pub const MAX_SHOWN: usize = 60;

/// One option of a [`SearchableRadios`].
#[derive(Clone, PartialEq)]
pub struct PickOption {
    pub value: String,
    pub label: String,
}

/// A search box and the radios that match it, bound to one form field. The
/// search box carries the field's id, so the error summary lands on it.
#[component]
pub fn SearchableRadios(
    form: Form,
    field: Field,
    #[prop(into)] legend: String,
    #[prop(into)] search_label: String,
    #[prop(optional, into)] hint: Option<String>,
    /// Noun for the count line, plural ("municipios").
    #[prop(into)]
    noun: String,
    /// Options matching a query, best first (recomputed as the query changes).
    options: Signal<Vec<PickOption>>,
    /// Total options before filtering (for the count line).
    total: Signal<usize>,
    query: RwSignal<String>,
) -> impl IntoView {
    let id = field.key();
    let search_id = id.to_owned();
    let count_id = format!("{id}-conteo");
    let wiring = Wiring::new(form, field, hint.is_some());
    let hint_id = wiring.hint_id.clone();
    let described = wiring.described(Some(count_id.clone()));
    let count = move || {
        let shown = options.with(Vec::len);
        let total = total.get();
        let n = noun.clone();
        if shown == 0 {
            "Ningún resultado. Revise lo que escribió; no importan acentos ni mayúsculas."
                .to_owned()
        } else if shown > MAX_SHOWN {
            format!("Se muestran {MAX_SHOWN} de {shown} {n}. Escriba parte del nombre para encontrar el suyo.")
        } else if shown == total {
            format!("{shown} {n}.")
        } else if shown == 1 {
            format!("1 de {total} {n} coincide.")
        } else {
            format!("{shown} de {total} {n} coinciden.")
        }
    };
    let selected_label = move || {
        let v = form.value(id);
        (!v.is_empty()).then(|| {
            options
                .with(|o| o.iter().find(|p| p.value == v).map(|p| p.label.clone()))
                .unwrap_or(v)
        })
    };
    let radios = move || {
        options.with(|opts| {
            opts.iter()
                .take(MAX_SHOWN)
                .map(|o| {
                    let value = o.value.clone();
                    let input_id = format!("{id}-{value}");
                    let (v1, v2) = (value.clone(), value.clone());
                    view! {
                        <div class="radios__item">
                            <input
                                class="radios__input"
                                id=input_id.clone()
                                name=id
                                type="radio"
                                value=value
                                prop:checked=move || form.value(id) == v1
                                on:change=move |_| form.set(id, v2.clone())
                            />
                            <label class="label radios__label" for=input_id>{o.label.clone()}</label>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class=wiring.group_class()>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{legend}</legend>
                {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
                {wiring.inline_error()}
                <label class="label label--small" for=search_id.clone()>{search_label}</label>
                <input
                    class="input input--search"
                    id=search_id
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=described
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <p class="picker__count" id=count_id aria-live="polite">{count}</p>
                {move || selected_label().map(|l| view! { <p class="picker__selected"><strong>"Seleccionado: "</strong>{l}</p> })}
                <div class="radios picker__list">{radios}</div>
            </fieldset>
        </div>
    }
}

/// Checkboxes of SDG targets grouped under their goal (number, colour, name),
/// with a search box. Selected codes are stored comma-separated in the field.
#[component]
pub fn SdgTargetPicker(form: Form) -> impl IntoView {
    let field = Field::SdgTargets;
    let id = field.key();
    let query = RwSignal::new(String::new());
    let error = Memo::new(move |_| form.error(field));
    let selected = Memo::new(move |_| split_codes(&form.value(id)));
    let toggle = move |code: &'static str, on: bool| {
        let mut codes = split_codes(&form.value_untracked(id));
        codes.retain(|c| c != code);
        if on {
            codes.push(code.to_owned());
        }
        // Keep catalogue order.
        let ordered: Vec<&str> = catalog::SDG_TARGETS
            .iter()
            .map(|t| t.code)
            .filter(|c| codes.iter().any(|x| x == c))
            .collect();
        form.set(id, ordered.join(","));
    };
    let matches = Memo::new(move |_| catalog::search_targets(&query.get()));
    let groups = move || {
        let q = query.get();
        let found = matches.get();
        catalog::SDG_GOALS
            .iter()
            .filter_map(|goal| {
                let targets: Vec<&'static SdgTarget> = found.iter().copied().filter(|t| t.goal == goal.number).collect();
                if targets.is_empty() {
                    return None;
                }
                let n_selected = move || selected.with(|s| targets_of(goal.number).filter(|t| s.iter().any(|c| c == t.code)).count());
                let items = targets
                    .iter()
                    .map(|t| {
                        let code = t.code;
                        let input_id = format!("meta-{}", code.replace('.', "-"));
                        view! {
                            <div class="checkboxes__item">
                                <input
                                    class="checkboxes__input"
                                    id=input_id.clone()
                                    type="checkbox"
                                    value=code
                                    prop:checked=move || selected.with(|s| s.iter().any(|c| c == code))
                                    on:change=move |ev| toggle(code, event_target_checked(&ev))
                                />
                                <label class="label checkboxes__label" for=input_id>
                                    <strong>{format!("Meta {code}. ")}</strong>{t.title_es}
                                </label>
                            </div>
                        }
                    })
                    .collect_view();
                let open = !q.trim().is_empty();
                Some(view! {
                    <details class="sdg-goal" open=open>
                        <summary class="sdg-goal__summary">
                            <span class=format!("sdg-goal__badge sdg-goal__badge--{}", goal.number) aria-hidden="true">{goal.number}</span>
                            <span class="sdg-goal__name">{format!("ODS {}: {}", goal.number, goal.short_es)}</span>
                            {move || { let n = n_selected(); (n > 0).then(|| view! { <span class="sdg-goal__count">{if n == 1 { "(1 seleccionada)".to_owned() } else { format!("({n} seleccionadas)") }}</span> }) }}
                        </summary>
                        <div class="checkboxes">{items}</div>
                    </details>
                })
            })
            .collect_view()
    };
    let summary = move || {
        let s = selected.get();
        if s.is_empty() {
            "Todavía no ha seleccionado metas.".to_owned()
        } else {
            format!("Metas seleccionadas: {}.", s.join(", "))
        }
    };
    let count = move || {
        let n = matches.with(Vec::len);
        if query.with(|q| q.trim().is_empty()) {
            "Abra un objetivo para ver sus metas, o escriba para buscar.".to_owned()
        } else if n == 0 {
            "Ninguna meta coincide. Pruebe con otra palabra o con el número de la meta.".to_owned()
        } else if n == 1 {
            "1 meta coincide.".to_owned()
        } else {
            format!("{n} metas coinciden.")
        }
    };
    view! {
        <div class=move || if error.get().is_some() { "form-group form-group--error" } else { "form-group" }>
            <fieldset class="fieldset" aria-describedby="metas-ods-hint">
                <legend class="fieldset__legend">"Metas de los Objetivos de Desarrollo Sostenible (ODS)"</legend>
                <div class="hint" id="metas-ods-hint">
                    "Seleccione las metas de la Agenda 2030 a las que contribuye el compromiso. Puede buscar por número (16.10) o por palabra (corrupción)."
                </div>
                {move || error.get().map(|m| view! {
                    <p class="error-message" id="metas-ods-error"><span class="visually-hidden">"Error: "</span>{m}</p>
                })}
                <p class="picker__selected" aria-live="polite">{summary}</p>
                <label class="label label--small" for=id>"Buscar metas"</label>
                <input
                    class="input input--search"
                    id=id
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="metas-ods-conteo"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <p class="picker__count" id="metas-ods-conteo" aria-live="polite">{count}</p>
                <div class="sdg-goals">{groups}</div>
            </fieldset>
        </div>
    }
}

fn targets_of(goal: u8) -> impl Iterator<Item = &'static SdgTarget> {
    catalog::SDG_TARGETS.iter().filter(move |t| t.goal == goal)
}
