//! The profile page's coalition: the list of its members (states,
//! municipalities, alcaldías), each moved up or down or taken out with a
//! button, which one leads (a radio group), and the fields that add one more
//! member from the INEGI catalogue (the same pickers as a single jurisdiction).
//!
//! Everything here edits the page's form (the fields `integrantes`, `lider`
//! and `integrante-*`), so it is kept in the draft's unsaved input like any
//! typing and enters the plan only with "Guardar y continuar". The list's
//! rules live in the domain (`ProfileInput::add_member`, `remove_member`,
//! `move_member`); this file draws them and moves the focus: to the member
//! just added, to the button pressed after a move, and to the next member's
//! "Quitar" (or the first field of "Agregar un integrante") after a removal.
//! A polite live region says what changed.

use std::sync::Arc;

use leptos::prelude::*;

use crate::catalog;
use crate::domain::profile::member_codes;
use crate::domain::{Field, Jurisdiction, Named, ProfileInput};
use crate::labels::member_name;
use crate::ui::form::{focus_id, Choice, Form, RadioGroup, SelectField, Wiring};
use crate::ui::picker::SearchableRadios;

/// The form keys this component writes after a change of the list.
const WRITTEN: [Field; 3] = [
    Field::Named(Named::Members),
    Field::Named(Named::Lead),
    Field::Named(Named::MemberMunicipality),
];

/// Id of the "Agregar a la coalición" button.
const ADD_ID: &str = "agregar-integrante";

/// A member of the list: its code, the catalogue's own copy of it (which the
/// lead's radio needs), and its name.
#[derive(Clone, PartialEq)]
struct Listed {
    code: Arc<str>,
    catalogued: Option<&'static str>,
    name: String,
}

/// The members listed in the form, in order. A code not in the catalogue (a
/// draft from a file) is listed too, so that it can be taken out; saving
/// names it as an error.
fn listed(raw: &str) -> Vec<Listed> {
    member_codes(raw)
        .into_iter()
        .map(|code| {
            let catalogued = catalog::state(code)
                .map(|s| s.code)
                .or_else(|| catalog::municipality(code).map(|m| m.code));
            let name = Jurisdiction::from_catalog(code).map_or_else(
                || format!("Clave INEGI {code}, que no está en el catálogo"),
                |m| member_name(&m),
            );
            Listed {
                code: code.into(),
                catalogued,
                name,
            }
        })
        .collect()
}

/// Writes back what a change of the list made of the page's input.
fn write_back(form: Form, input: &ProfileInput) {
    let values = [&input.members, &input.lead, &input.member_municipality];
    form.values.update(|v| {
        for (field, value) in WRITTEN.iter().zip(values) {
            v.insert(field.key().to_owned(), value.clone());
        }
    });
}

/// Focuses the first of `ids` that is on the page (after the next render).
fn focus_first(ids: Vec<String>) {
    request_animation_frame(move || {
        if let Some(id) = ids
            .iter()
            .find(|id| document().get_element_by_id(id).is_some())
        {
            focus_id(id);
        }
    });
}

#[component]
pub fn CoalitionMembers(form: Form) -> impl IntoView {
    let members = Memo::new(move |_| listed(&form.value("integrantes")));
    let announce = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let wiring = Wiring::new(form, Named::Members.into(), true);
    let described = wiring.described(None);

    let add = move |_| {
        let mut input = form.input::<ProfileInput>();
        match input.add_member() {
            Ok(member) => {
                write_back(form, &input);
                query.set(String::new());
                // The errors of an earlier attempt to add are settled.
                form.errors.update(|errors| {
                    errors.retain(|e| {
                        !matches!(
                            e.field,
                            Field::Named(
                                Named::Members
                                    | Named::MemberKind
                                    | Named::MemberState
                                    | Named::MemberMunicipality
                            )
                        )
                    })
                });
                let count = match input.member_codes().len() {
                    1 => "1 integrante".to_owned(),
                    n => format!("{n} integrantes"),
                };
                announce.set(format!(
                    "Se agregó {} a la coalición. Tiene {count}.",
                    member_name(&member)
                ));
                let code = member.code().unwrap_or_default().to_owned();
                focus_first(vec![format!("integrante-{code}")]);
            }
            Err(errors) => form.show_errors(errors),
        }
    };

    let rows = move || {
        let list = members.get();
        let count = list.len();
        let lead = form.value("lider");
        list.iter()
            .enumerate()
            .map(|(i, m)| {
                let code = m.code.clone();
                let name = m.name.clone();
                let number = i + 1;
                let role = if lead.as_str() == &*code { "Líder" } else { "Integrante" };
                let (up_id, down_id, remove_id, row_id) = (
                    format!("subir-integrante-{code}"),
                    format!("bajar-integrante-{code}"),
                    format!("quitar-integrante-{code}"),
                    format!("integrante-{code}"),
                );
                let move_by = {
                    let (name, code) = (name.clone(), code.clone());
                    let (up_id, down_id) = (up_id.clone(), down_id.clone());
                    move |up: bool| {
                        let mut input = form.input::<ProfileInput>();
                        if input.move_member(&code, up) {
                            write_back(form, &input);
                            let at = input
                                .member_codes()
                                .iter()
                                .position(|c| *c == &*code)
                                .map_or(0, |p| p + 1);
                            announce.set(format!(
                                "{name} es ahora el integrante {at} de {count}."
                            ));
                        }
                        // The button pressed, or the other one once the member is first or last.
                        let (pressed, other) = if up { (&up_id, &down_id) } else { (&down_id, &up_id) };
                        focus_first(vec![pressed.clone(), other.clone()]);
                    }
                };
                let move_up = move_by.clone();
                let remove = {
                    let (name, code) = (name.clone(), code.clone());
                    move |_| {
                        let mut input = form.input::<ProfileInput>();
                        let was_lead = input.lead.trim() == &*code;
                        input.remove_member(&code);
                        write_back(form, &input);
                        announce.set(if was_lead {
                            format!("Se quitó {name} de la coalición. Elija qué integrante la lidera.")
                        } else {
                            format!("Se quitó {name} de la coalición.")
                        });
                        // The member now in its place, else the one before, else adding one.
                        let left = input.member_codes();
                        let next = left.get(i).or_else(|| i.checked_sub(1).and_then(|p| left.get(p)));
                        let mut ids: Vec<String> =
                            next.map(|c| format!("quitar-integrante-{c}")).into_iter().collect();
                        ids.push(Named::MemberKind.key().to_owned());
                        focus_first(ids);
                    }
                };
                view! {
                    <tr class="table__row">
                        <td class="table__cell">{number}</td>
                        <th scope="row" class="table__cell" id=row_id tabindex="-1">{name.clone()}</th>
                        <td class="table__cell">{code.to_string()}</td>
                        <td class="table__cell">{role}</td>
                        <td class="table__cell table__cell--actions">
                            {(i > 0).then(|| view! {
                                <button class="button-link" type="button" id=up_id.clone()
                                    aria-label=format!("Subir {name}")
                                    on:click=move |_| move_up(true)>"Subir"</button>
                            })}
                            {(number < count).then(|| view! {
                                <button class="button-link" type="button" id=down_id.clone()
                                    aria-label=format!("Bajar {name}")
                                    on:click=move |_| move_by(false)>"Bajar"</button>
                            })}
                            <button class="button-link" type="button" id=remove_id
                                aria-label=format!("Quitar {name} de la coalición")
                                on:click=remove>"Quitar"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };

    let list = move || {
        if members.with(Vec::is_empty) {
            view! {
                <p class="body" id="integrantes" tabindex="-1" aria-describedby=described.clone()>
                    "Todavía no ha agregado integrantes."
                </p>
            }
            .into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="table" id="integrantes" tabindex="-1" aria-describedby=described.clone()>
                        <caption class="table__caption">"Integrantes de la coalición, en el orden en que el plan los nombra"</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="table__header">"Núm."</th>
                                <th scope="col" class="table__header">"Integrante"</th>
                                <th scope="col" class="table__header">"Clave INEGI"</th>
                                <th scope="col" class="table__header">"Papel"</th>
                                <th scope="col" class="table__header"><span class="visually-hidden">"Acciones"</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    };

    // Which member leads: a radio per member, redrawn when the list changes.
    let lead = move || {
        // A code not in the catalogue cannot lead: it cannot be saved.
        let choices: Vec<Choice> = members
            .get()
            .into_iter()
            .filter_map(|m| {
                Some(Choice {
                    key: m.catalogued?,
                    label: m.name.into(),
                    hint: None,
                })
            })
            .collect();
        (!choices.is_empty()).then(|| {
            view! {
                <RadioGroup
                    form=form
                    field=Named::Lead.into()
                    legend="¿Qué integrante lidera la coalición?"
                    hint="La jurisdicción líder coordina el plan y lo presenta ante la Alianza para el Gobierno Abierto."
                    choices=choices
                />
            }
        })
    };

    let kinds = super::profile::single_kinds();
    let kind = move || form.value(Named::MemberKind.key());
    let (options, total) = super::profile::municipality_picker(
        form,
        Named::MemberKind.key(),
        Named::MemberState.key(),
        query,
    );
    let state_options = super::profile::state_options();

    view! {
        <div class=wiring.group_class()>
            <h2 class="heading-m">"Integrantes de la coalición"</h2>
            <div class="hint" id=wiring.hint_id.clone()>
                "Agregue, uno por uno, cada estado, municipio o alcaldía que forma la coalición. Puede cambiar el orden en que el plan los nombra y elegir cuál lidera."
            </div>
            {wiring.inline_error()}
            {list}
            <p class="visually-hidden" aria-live="polite">{move || announce.get()}</p>
        </div>
        {lead}
        <div class="panel form-group">
        <fieldset class="fieldset">
            <legend class="fieldset__legend fieldset__legend--m">"Agregar un integrante"</legend>
            <RadioGroup
                form=form
                field=Named::MemberKind.into()
                legend="Tipo de integrante"
                choices=kinds
            />
            <Show when=move || kind() != "alcaldia">
                <SelectField
                    form=form
                    field=Named::MemberState.into()
                    label="Estado del integrante"
                    hint="Para un municipio, elija primero su estado."
                    placeholder="Seleccione un estado"
                    options=state_options.clone()
                />
            </Show>
            <Show when=move || kind() == "municipio">
                <SearchableRadios
                    form=form
                    field=Named::MemberMunicipality.into()
                    legend="Municipio del integrante"
                    search_label="Buscar el municipio por nombre"
                    hint="Escriba parte del nombre; no importan acentos ni mayúsculas. Luego elija de la lista."
                    noun="municipios"
                    options=options
                    total=total
                    query=query
                />
            </Show>
            <Show when=move || kind() == "alcaldia">
                <SearchableRadios
                    form=form
                    field=Named::MemberMunicipality.into()
                    legend="Alcaldía del integrante"
                    search_label="Buscar la alcaldía por nombre"
                    hint="Las 16 alcaldías de la Ciudad de México."
                    noun="alcaldías"
                    options=options
                    total=total
                    query=query
                />
            </Show>
            <div class="button-group">
                <button class="button button--secondary" type="button" id=ADD_ID on:click=add>
                    "Agregar a la coalición"
                </button>
            </div>
        </fieldset>
        </div>
    }
}
