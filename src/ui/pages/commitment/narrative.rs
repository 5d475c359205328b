//! A commitment's objectives, problem, assumptions and verification, and its
//! relevance to the OGP values.

use leptos::prelude::*;

use super::{caption, next_part, page_key};
use crate::domain::commitment::{ObjectivesInput, OgpValue, ValuesInput};
use crate::domain::error::VALUE_REASON_IDS;
use crate::domain::plan::FichaPart;
use crate::domain::{CommitmentId, Field, ItemId, Named};
use crate::labels::Label;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, Choice, RadioGroup};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::{remount_on, saved_commitment};
use crate::ui::widgets::{choices, id_key, CheckboxGroup, QuestionFrame, TextArea};

#[component]
pub fn ObjectivesPage() -> impl IntoView {
    remount_on(&["id"], |p| match saved_commitment(&p[0]) {
        Some(id) => view! { <ObjectivesForm id=id /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    })
}

#[component]
pub fn ValuesPage() -> impl IntoView {
    remount_on(&["id"], |p| match saved_commitment(&p[0]) {
        Some(id) => view! { <ValuesForm id=id /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    })
}

#[component]
fn ObjectivesForm(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let page = page_key(id, "objetivos");
    let form = page_form(&page, |p| {
        p.commitment(id)
            .and_then(|c| c.objectives.as_ref())
            .map(|o| to_fields(&ObjectivesInput::from_value(o)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        next_part(id, FichaPart::Objectives),
        move || {
            let input: ObjectivesInput = form.input();
            let ids: Vec<ItemId> = state
                .plan
                .with_untracked(|p| p.problems.iter().map(|x| x.id).collect());
            input.read(&ids)
        },
        move |o| {
            state.edit_plan(|p| {
                if let Some(c) = p.commitment_mut(id) {
                    c.objectives = Some(o);
                }
            })
        },
    );
    // Problems of step 5 that this commitment can answer.
    let problems: Vec<(u32, String)> = state.plan.with_untracked(|p| {
        p.problems
            .iter()
            .map(|x| (x.id.0, x.statement.chars().take(140).collect()))
            .collect()
    });
    let problem_choices: Vec<Choice> = problems
        .iter()
        .map(|(n, text)| Choice {
            key: id_key(*n),
            label: text.clone().into(),
            hint: None,
        })
        .collect();
    let has_problems = !problem_choices.is_empty();
    view! {
        <QuestionFrame form=form back=paths::commitment(id) back_text="Regresar a la ficha del compromiso" title="Objetivos, problemática y verificación" caption=caption(id, "Ficha") submit=submit>
            <TextArea form=form field=Named::ShortObjective label="Objetivo a corto plazo" hint="Qué se logrará al terminar el compromiso. Por ejemplo «Articular las agendas federal y local de gobierno abierto…»." />
            <TextArea form=form field=Named::MediumObjective label="Objetivo a mediano plazo (opcional)" hint="Qué se logrará al terminar la administración." />
            {has_problems.then(|| view! {
                <RadioGroup form=form field=Field::Named(Named::LinkedProblem) legend="¿Qué problema público atiende? (opcional)" hint="Los problemas que escribió en «Problemas públicos»." choices=problem_choices />
            })}
            <TextArea form=form field=Named::ProblemText label="¿Cuál es la problemática que el compromiso aborda?" hint="Describa la situación que afecta a las personas, con datos si los tiene." rows=6 />
            <TextArea form=form field=Named::HowItHelps label="¿Cómo contribuirá a resolver la problemática?" rows=6 />
            <TextArea form=form field=Named::Assumptions label="Supuestos (opcional)" hint="Condiciones externas y riesgos que podrían impedir el resultado, por ejemplo cambios de personal o poca participación." />
            <TextArea form=form field=Named::Verification label="¿Cómo se verificará el cumplimiento del compromiso?" hint="Las evidencias públicas que mostrarán que se cumplió." />
            <TextArea form=form field=Named::OtherActors label="Otros actores involucrados (opcional)" hint="Sociedad civil, sector privado, academia, agencias multilaterales, grupos de trabajo." />
            <TextArea form=form field=Named::Summary label="Resumen ejecutivo (opcional)" hint="Un párrafo que explique el compromiso a cualquier persona." />
            <TextArea form=form field=Named::AdditionalInfo label="Información adicional (opcional)" hint="Antecedentes, ligas, programas relacionados." />
        </QuestionFrame>
    }
}

#[component]
fn ValuesForm(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let page = page_key(id, "valores");
    let form = page_form(&page, |p| {
        p.commitment(id)
            .filter(|c| !c.values.is_empty())
            .map(|c| to_fields(&ValuesInput::from_values(&c.values)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        next_part(id, FichaPart::Values),
        move || form.input::<ValuesInput>().read(),
        move |values| {
            state.edit_plan(|p| {
                if let Some(c) = p.commitment_mut(id) {
                    c.values = values;
                }
            })
        },
    );
    let reasons = OgpValue::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let key = v.key();
            let chosen = move || form.value("valores-aga").split(',').any(|k| k.trim() == key);
            let label = format!("¿Por qué se relaciona con «{}»?", v.label());
            let _ = VALUE_REASON_IDS[i];
            view! {
                <Show when=chosen>
                    <TextArea form=form field=Field::ValueReason(i as u8) label=label.clone() rows=3 />
                </Show>
            }
        })
        .collect_view();
    view! {
        <QuestionFrame form=form back=paths::commitment(id) back_text="Regresar a la ficha del compromiso" title="Valores de la Alianza para el Gobierno Abierto" caption=caption(id, "Ficha") submit=submit>
            <CheckboxGroup
                form=form
                field=Named::OgpValues
                legend="¿Con qué valores de la Alianza se relaciona el compromiso?"
                hint="Elija al menos uno de los tres primeros. Tecnología e innovación e inclusión solo cuentan junto con alguno de ellos."
                choices=choices(OgpValue::ALL)
            />
            {reasons}
        </QuestionFrame>
    }
}
