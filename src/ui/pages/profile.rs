//! Step 0, "Perfil de la jurisdicción": who drafts the plan, its name and period.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::{Field, ProfileInput};
use crate::state::use_app;
use crate::ui::form::{to_fields, Choice, ErrorSummary, Form, RadioGroup, TextField};
use crate::ui::paths;
use crate::ui::shell::{BackLink, PageHeading};

/// Key of this page's unsaved input in the draft.
const PAGE: &str = "perfil";

#[component]
pub fn ProfilePage() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    // Unsaved typing wins over the saved profile: it is what the person last saw.
    let initial = state.unsaved_for(PAGE).unwrap_or_else(|| {
        state.plan.with_untracked(|p| {
            p.profile
                .as_ref()
                .map(|pr| to_fields(&ProfileInput::from_profile(pr)))
                .unwrap_or_default()
        })
    });
    let form = Form::new(initial);
    Effect::new(move |prev: Option<()>| {
        let values = form.values.get();
        if prev.is_some() {
            state.set_unsaved(PAGE, values);
        }
    });

    let busy = StoredValue::new(false);
    let submit = move |later: bool| {
        if busy.get_value() {
            return; // ignore a double click
        }
        let input: ProfileInput = form.input();
        match input.parse() {
            Ok(profile) => {
                busy.set_value(true);
                state.plan.update(|p| p.profile = Some(profile));
                state.clear_unsaved(PAGE);
                let target = if later {
                    paths::TASKS
                } else {
                    paths::COMMITMENTS
                };
                navigate(target, Default::default());
            }
            Err(errors) => {
                if later {
                    // "Guardar y volver más tarde" keeps the typed input (already
                    // in the draft) and returns to the task list without checking.
                    busy.set_value(true);
                    navigate(paths::TASKS, Default::default());
                } else {
                    form.show_errors(errors);
                }
            }
        }
    };
    let submit_later = submit.clone();
    let kinds = vec![
        Choice {
            key: "estado",
            label: "Estado (entidad federativa)",
            hint: None,
        },
        Choice {
            key: "municipio",
            label: "Municipio",
            hint: None,
        },
        Choice {
            key: "alcaldia",
            label: "Alcaldía de la Ciudad de México",
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
                <TextField
                    form=form
                    field=Field::JurisdictionName
                    label="Nombre del estado, municipio o alcaldía"
                    hint="Como aparece en el catálogo del INEGI, por ejemplo «Querétaro» o «Tlalnepantla de Baz»."
                    autocomplete="address-level2"
                />
                <TextField
                    form=form
                    field=Field::InegiCode
                    label="Clave INEGI"
                    hint="2 dígitos para un estado (por ejemplo 22) y 5 para un municipio o alcaldía (por ejemplo 22014)."
                    width="input--w5"
                    inputmode="numeric"
                />
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
