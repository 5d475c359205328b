//! Step 0, "Perfil de la jurisdicción", page 1 of 3: who drafts the plan, its
//! name and period, and when the administration's term ends.

use leptos::prelude::*;

use crate::catalog;
use crate::domain::profile::COALITION_KEY;
use crate::domain::profile::MIN_MONTHS_LEFT;
use crate::domain::{Field, Named, ProfileInput};
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{from_fields, to_fields, Choice, Form, RadioGroup, SelectField, TextField};
use crate::ui::pages::coalition::CoalitionMembers;
use crate::ui::paths;
use crate::ui::picker::{PickOption, SearchableRadios};
use crate::ui::widgets::{date_hint, DateField, QuestionFrame};

/// Key of this page's unsaved input in the draft.
const PAGE: &str = "perfil";

#[component]
pub fn ProfilePage() -> impl IntoView {
    let state = use_app();
    // Unsaved typing wins over the saved profile: it is what the person last saw.
    let form = page_form(PAGE, |p| {
        p.profile
            .as_ref()
            .map(|pr| to_fields(&ProfileInput::from_profile(pr)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        PAGE.to_owned(),
        paths::PROFILE_OFFICE,
        move || form.input::<ProfileInput>().parse(),
        move |profile| state.edit_plan(|p| p.profile = Some(profile)),
    );
    let state_options = state_options();
    let is_alcaldia = move || form.value("tipo-jurisdiccion") == "alcaldia";
    let municipality_query = RwSignal::new(String::new());
    let (municipality_options, municipality_total) =
        municipality_picker(form, "tipo-jurisdiccion", "estado", municipality_query);
    let mut kinds = single_kinds();
    kinds.extend([
        Choice {
            key: COALITION_KEY,
            label: "Una coalición de estados, municipios o alcaldías".into(),
            hint: Some("Por ejemplo, un estado con algunos de sus municipios. Una de las jurisdicciones lidera la coalición."),
        },
        Choice {
            key: "federacion",
            label: "La federación (plan nacional)".into(),
            hint: Some("El Gobierno de México, a nivel nacional. No tiene clave INEGI."),
        },
    ]);
    let kind = move || form.value("tipo-jurisdiccion");
    // The state is asked for one state or one municipality (and before a kind
    // is chosen); an alcaldía implies Mexico City; a coalition asks it of
    // each member; the federation has none.
    let asks_state = move || !matches!(kind().as_str(), "alcaldia" | "federacion" | COALITION_KEY);
    // OGP Local eligibility: at least 16 months of the term left. Judged on the
    // profile as typed once it is complete and valid (so the advice appears
    // before saving), otherwise on the saved one.
    let months_left = move || {
        let today = crate::persistence::browser::now_local().date();
        let typed = from_fields::<ProfileInput>(&form.values.get()).parse().ok();
        let profile = typed.or_else(|| state.plan.with(|p| p.profile.clone()))?;
        profile
            .term_too_short(today)
            .then(|| profile.months_left(today))
            .flatten()
    };
    let term_warning = move || months_left().map(|m| view! { <TermWarning months=m /> });
    view! {
        <QuestionFrame
            form=form
            back=paths::TASKS
            back_text="Regresar a la lista de tareas"
            title="Perfil de la jurisdicción"
            caption="Perfil de la jurisdicción · Paso 1 de 3"
            submit=submit
        >
            <RadioGroup
                form=form
                field=Field::JurisdictionKind
                legend="¿Qué tipo de jurisdicción elabora el plan?"
                choices=kinds
            />
            <Show when=asks_state>
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
            <Show when=move || kind() == COALITION_KEY>
                <CoalitionMembers form=form />
            </Show>
            <TextField
                form=form
                field=Field::PlanName
                label="Nombre del plan"
                hint="Por ejemplo «Plan de Acción Local de Gobierno Abierto 2025-2027»."
            />
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--m">"Periodo del plan"</legend>
                <DateField form=form field=Field::PlanStart label="Fecha de inicio" example="10/12/2025" />
                <DateField form=form field=Field::PlanEnd label="Fecha de término" example="31/08/2027" />
            </fieldset>
            <TextField
                form=form
                field=Field::Named(Named::TermEnd)
                label="Fecha en que termina la administración actual (opcional)"
                hint=format!("OGP Local, el programa local de la Alianza para el Gobierno Abierto, pide que a la administración le queden al menos {MIN_MONTHS_LEFT} meses al empezar el plan. {}.", date_hint("30/09/2027"))
                width="input--w10"
            />
            <div aria-live="polite">{term_warning}</div>
        </QuestionFrame>
    }
}

/// The states of the catalogue, as `<select>` options (code, name).
pub(super) fn state_options() -> Vec<(&'static str, String)> {
    catalog::STATES
        .iter()
        .map(|s| (s.code, s.name.to_owned()))
        .collect()
}

/// The municipalities or alcaldías that match `query` in the state chosen in
/// `state_key` (Mexico City when `kind_key` says alcaldía), and how many that
/// state has: what a [`SearchableRadios`] of municipalities shows.
pub(super) fn municipality_picker(
    form: Form,
    kind_key: &'static str,
    state_key: &'static str,
    query: RwSignal<String>,
) -> (Signal<Vec<PickOption>>, Signal<usize>) {
    let chosen_state = move || {
        if form.value(kind_key) == "alcaldia" {
            catalog::CDMX.to_owned()
        } else {
            form.value(state_key)
        }
    };
    let options = Signal::derive(move || {
        let state = chosen_state();
        if state.is_empty() {
            return Vec::new();
        }
        catalog::search_municipalities(Some(&state), &query.get())
            .into_iter()
            .map(|m| PickOption {
                value: m.code.to_owned(),
                label: m.name.to_owned(),
            })
            .collect()
    });
    let total = Signal::derive(move || catalog::municipalities_of(&chosen_state()).len());
    (options, total)
}

/// "Fewer than 16 months remain": advice, never a blocking error.
#[component]
fn TermWarning(months: i32) -> impl IntoView {
    let left = match months {
        m if m < 0 => "La administración ya terminó según la fecha que escribió.".to_owned(),
        0 => "A la administración le queda menos de un mes.".to_owned(),
        1 => "A la administración le queda 1 mes.".to_owned(),
        m => format!("A la administración le quedan {m} meses."),
    };
    view! {
        <div class="warning-text">
            <p class="body"><strong>{left}</strong></p>
            <p class="body">
                {format!("Quedan menos de los {MIN_MONTHS_LEFT} meses que pide OGP Local. Puede seguir con el plan, pero considere un periodo más corto o acordar con la siguiente administración que continúe los compromisos.")}
            </p>
        </div>
    }
}

/// The kinds of one jurisdiction: what the profile asks first, and what a
/// coalition member may be.
pub(crate) fn single_kinds() -> Vec<Choice> {
    vec![
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
    ]
}
