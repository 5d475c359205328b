//! Step 0, "Perfil de la jurisdicción": who drafts the plan, its name and period.

use leptos::prelude::*;

use crate::catalog;
use crate::domain::{Field, ProfileInput};
use crate::state::use_app;
use crate::ui::draft_form::{draft_form, save_handler};
use crate::ui::form::{to_fields, Choice, ErrorSummary, RadioGroup, SelectField, TextField};
use crate::ui::paths;
use crate::ui::picker::{PickOption, SearchableRadios};
use crate::ui::shell::{BackLink, PageHeading};

/// Key of this page's unsaved input in the draft.
const PAGE: &str = "perfil";

#[component]
pub fn ProfilePage() -> impl IntoView {
    let state = use_app();
    // Unsaved typing wins over the saved profile: it is what the person last saw.
    let initial = state.unsaved_for(PAGE).unwrap_or_else(|| {
        state.plan.with_untracked(|p| {
            p.profile
                .as_ref()
                .map(|pr| to_fields(&ProfileInput::from_profile(pr)))
                .unwrap_or_default()
        })
    });
    let form = draft_form(PAGE.to_owned(), initial);
    let submit = save_handler(
        form,
        PAGE.to_owned(),
        paths::COMMITMENTS,
        move || form.input::<ProfileInput>().parse(),
        move |profile| state.plan.update(|p| p.profile = Some(profile)),
    );
    let submit_later = submit.clone();
    let state_options: Vec<(&'static str, String)> = catalog::STATES
        .iter()
        .map(|s| (s.code, s.name.to_owned()))
        .collect();
    let is_alcaldia = move || form.value("tipo-jurisdiccion") == "alcaldia";
    let municipality_query = RwSignal::new(String::new());
    let chosen_state = move || {
        if is_alcaldia() {
            catalog::CDMX.to_owned()
        } else {
            form.value("estado")
        }
    };
    let municipality_options = Signal::derive(move || {
        let state = chosen_state();
        if state.is_empty() {
            return Vec::new();
        }
        catalog::search_municipalities(Some(&state), &municipality_query.get())
            .into_iter()
            .map(|m| PickOption {
                value: m.code.to_owned(),
                label: m.name.to_owned(),
            })
            .collect()
    });
    let municipality_total =
        Signal::derive(move || catalog::municipalities_of(&chosen_state()).len());
    let kinds = vec![
        Choice {
            key: "estado",
            label: "Estado (entidad federativa)".into(),
            hint: None,
        },
        Choice {
            key: "municipio",
            label: "Municipio".into(),
            hint: None,
        },
        Choice {
            key: "alcaldia",
            label: "Alcaldía de la Ciudad de México".into(),
            hint: None,
        },
    ];
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <div class="grid-two-thirds">
            <ErrorSummary form=form />
            <PageHeading
                text="Perfil de la jurisdicción"
                caption="Prepare el plan · Paso 1"
                has_errors=Signal::derive(move || form.has_errors())
            />
            <form novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit(false);
            }>
                <RadioGroup
                    form=form
                    field=Field::JurisdictionKind
                    legend="¿Qué tipo de jurisdicción elabora el plan?"
                    choices=kinds
                />
                <Show when=move || form.value("tipo-jurisdiccion") != "alcaldia">
                    <SelectField
                        form=form
                        field=Field::State
                        label="Estado"
                        hint="Para un municipio, elija primero su estado."
                        placeholder="Seleccione un estado"
                        options=state_options.clone()
                    />
                </Show>
                <Show when=move || form.value("tipo-jurisdiccion") == "municipio">
                    <SearchableRadios
                        form=form
                        field=Field::Municipality
                        legend="Municipio"
                        search_label="Buscar el municipio por nombre"
                        hint="Escriba parte del nombre; no importan acentos ni mayúsculas. Luego elija de la lista."
                        noun="municipios"
                        options=municipality_options
                        total=municipality_total
                        query=municipality_query
                    />
                </Show>
                <Show when=is_alcaldia>
                    <SearchableRadios
                        form=form
                        field=Field::Municipality
                        legend="Alcaldía"
                        search_label="Buscar la alcaldía por nombre"
                        hint="Las 16 alcaldías de la Ciudad de México."
                        noun="alcaldías"
                        options=municipality_options
                        total=municipality_total
                        query=municipality_query
                    />
                </Show>
                <TextField
                    form=form
                    field=Field::PlanName
                    label="Nombre del plan"
                    hint="Por ejemplo «Plan de Acción Local de Gobierno Abierto 2025-2027»."
                />
                <fieldset class="fieldset">
                    <legend class="fieldset__legend fieldset__legend--m">"Periodo del plan"</legend>
                    <TextField
                        form=form
                        field=Field::PlanStart
                        label="Fecha de inicio"
                        hint="Día/mes/año, por ejemplo 10/12/2025."
                        width="input--w10"
                        inputmode="numeric"
                    />
                    <TextField
                        form=form
                        field=Field::PlanEnd
                        label="Fecha de término"
                        hint="Día/mes/año, por ejemplo 31/08/2027."
                        width="input--w10"
                        inputmode="numeric"
                    />
                </fieldset>
                <div class="button-group">
                    <button class="button" type="submit">"Guardar y continuar"</button>
                    <button class="button button--secondary" type="button" on:click=move |_| submit_later(true)>
                        "Guardar y volver más tarde"
                    </button>
                </div>
            </form>
        </div>
    }
}
