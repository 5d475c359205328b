//! Step 4, "Hoja de ruta de cocreación": the phases with their dates, the
//! channels and inclusion strategy, and where and when the roadmap was published.

use leptos::prelude::*;

use crate::domain::roadmap::{Channel, InclusionGroup, Phase, Roadmap, RoadmapGap, RoadmapInput};
use crate::domain::{Field, Named};
use crate::labels::Label;
use crate::messages;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{focus_id, to_fields, Form, TextField};
use crate::ui::paths;
use crate::ui::widgets::{choices, CheckboxGroup, DateField, QuestionFrame, TextArea};

/// Unsaved-input key of this page.
const PAGE: &str = "hoja-de-ruta";

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let state = use_app();
    let form = page_form(PAGE, |p| {
        p.roadmap
            .as_ref()
            .map(|r| to_fields(&RoadmapInput::from_value(r)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        PAGE.to_owned(),
        paths::TASKS,
        move || form.input::<RoadmapInput>().parse(),
        move |roadmap| state.edit_plan(|p| p.roadmap = Some(roadmap)),
    );
    let phases = Phase::ALL
        .iter()
        .enumerate()
        .map(|(i, phase)| view! { <PhaseDates form=form index=i as u8 phase=*phase /> })
        .collect_view();
    view! {
        <QuestionFrame
            form=form
            back=paths::TASKS
            back_text="Regresar a la lista de tareas"
            title="Hoja de ruta de cocreación"
            caption="Organice la cocreación"
            submit=submit
        >
            <RoadmapWarning />
            <p class="body">
                "La hoja de ruta dice a la ciudadanía cuándo y cómo puede participar en la cocreación del plan."
            </p>
            <fieldset class="fieldset" aria-describedby="fases-hint">
                <legend class="fieldset__legend fieldset__legend--m">"Fases y fechas"</legend>
                <div class="hint" id="fases-hint">
                    "Escriba cuándo empieza y cuándo termina cada fase: el día, el mes o el año (31/01/2026, enero de 2026 o 2026). Deje vacías las fases que no realizará."
                </div>
                <div class="phases">{phases}</div>
            </fieldset>
            <CheckboxGroup
                form=form
                field=Named::Channels
                legend="¿Por qué canales podrá participar la gente? (opcional)"
                hint="Seleccione todos los que usará."
                choices=choices(Channel::ALL)
            />
            <CheckboxGroup
                form=form
                field=Named::InclusionGroups
                legend="¿A qué grupos buscará de forma especial? (opcional)"
                hint="Seleccione todos los que correspondan."
                choices=choices(InclusionGroup::ALL)
            />
            <TextArea
                form=form
                field=Named::InclusionStrategy
                label="Estrategia de inclusión (opcional)"
                hint="Cómo logrará que participen estos grupos, por ejemplo sesiones en lenguas indígenas, intérpretes de lengua de señas, horarios y lugares accesibles."
            />
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--m">"Publicación de la hoja de ruta"</legend>
                <p class="body">
                    "La Alianza para el Gobierno Abierto pide publicar la hoja de ruta antes de que empiece la cocreación."
                </p>
                <TextField
                    form=form
                    field=Field::Named(Named::SiteUrl)
                    label="Liga al sitio web del proceso (opcional)"
                    hint="Empieza con https://."
                    inputmode="url"
                />
                <TextField
                    form=form
                    field=Field::Named(Named::RepositoryUrl)
                    label="Liga al repositorio de documentos (opcional)"
                    hint="Donde se publican las actas, las propuestas y los documentos del proceso. Empieza con https://."
                    inputmode="url"
                />
                <DateField
                    form=form
                    field=Named::RoadmapPublished
                    label="Fecha en que se publicó la hoja de ruta (opcional)"
                    example="15/01/2026"
                />
            </fieldset>
        </QuestionFrame>
    }
}

/// One phase: its name as the legend, its start and end dates side by side.
/// The day/month/year format is said once above the phases; each field keeps
/// a short example so fourteen full hints do not drown the page.
#[component]
fn PhaseDates(form: Form, index: u8, phase: Phase) -> impl IntoView {
    let name = phase.label();
    view! {
        <fieldset class="fieldset phase">
            <legend class="fieldset__legend phase__name">{format!("{}. {name}", index + 1)}</legend>
            <div class="phase__dates">
                <TextField
                    form=form
                    field=Field::Phase(index, false)
                    label="Inicio"
                    hint="Por ejemplo 02/02/2026 o febrero de 2026."
                    width="input--w10"
                />
                <TextField
                    form=form
                    field=Field::Phase(index, true)
                    label="Término"
                    hint="Por ejemplo 27/02/2026 o febrero de 2026."
                    width="input--w10"
                />
            </div>
        </fieldset>
    }
}

/// What OGP would flag in the saved roadmap, with links to the fields.
#[component]
fn RoadmapWarning() -> impl IntoView {
    let state = use_app();
    let saved = Memo::new(move |_| state.plan.with(|p| p.roadmap.clone()));
    move || {
        let roadmap = saved.get()?;
        let gaps = roadmap.gaps();
        (!gaps.is_empty()).then(|| {
            let items = gaps
                .into_iter()
                .map(|g| gap_item(g, &roadmap))
                .collect_view();
            view! {
                <div class="banner banner--warning">
                    <h2 class="banner__title">"La hoja de ruta todavía no cumple lo que pide la Alianza para el Gobierno Abierto"</h2>
                    <ul class="list--bullet banner__text">{items}</ul>
                </div>
            }
        })
    }
}

fn gap_item(gap: RoadmapGap, roadmap: &Roadmap) -> impl IntoView {
    let (text, link) = messages::roadmap_gap(gap, roadmap);
    let target = match gap {
        RoadmapGap::NoPhases => Field::Phase(0, false).key(),
        RoadmapGap::NotPublishedBeforeCocreation => Named::RoadmapPublished.key(),
    };
    view! {
        <li>
            {text}" "
            <a href=format!("#{target}") on:click=move |ev| {
                ev.prevent_default();
                focus_id(target);
            }>{link}</a>
        </li>
    }
}
