//! Step 5, "Problemas públicos": the list of problems the plan answers, with
//! advice (never blocking) on how each is written, and one page per problem.

use crate::export::content::blocks::NOT_PROVIDED;
use leptos::prelude::*;

use crate::domain::choice::upsert;

use crate::domain::problem::{
    next_problem_id, InputOrigin, Priority, ProblemAdvice, ProblemInput, PublicProblem,
};
use crate::domain::{Field, ItemId, Named};
use crate::export::timeline::shorten;
use crate::labels::Label;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, TextField};
use crate::ui::paths;
use crate::ui::route::{item_page, remount_on};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::widgets::{choices, ChoiceField, ItemRow, ItemTable, QuestionFrame, TextArea};

/// Unsaved-input key of a problem's page: "problema/3" or "problema/nuevo".
fn page_key(n: Option<ItemId>) -> String {
    format!("problema/{}", paths::item(n))
}

/// The list of public problems, with advice on how they are written.
#[component]
pub fn ProblemsPage() -> impl IntoView {
    let state = use_app();
    let rows = Signal::derive(move || {
        state.plan.with(|p| {
            p.problems
                .iter()
                .enumerate()
                .map(|(i, x)| ItemRow {
                    key: x.id.0,
                    cells: vec![
                        (i + 1).to_string(),
                        shorten(&x.statement, 120),
                        shorten(&x.affected_population, 80),
                        x.priority
                            .map_or_else(|| NOT_PROVIDED.to_owned(), |o| o.label().to_owned()),
                    ],
                    href: paths::problem(Some(x.id)),
                    noun: format!("el problema {}", i + 1),
                    name: shorten(&x.statement, 60),
                })
                .collect()
        })
    });
    let add_id = "agregar-problema";
    let on_delete = move |key: u32| {
        let id = ItemId(key);
        state.edit_plan(|p| {
            p.remove_problem(id);
        });
        state.clear_unsaved(&page_key(Some(id)));
    };
    let advice = move || {
        let items: Vec<(usize, ItemId, String, Vec<ProblemAdvice>)> = state.plan.with(|p| {
            p.problems
                .iter()
                .enumerate()
                .map(|(i, x)| (i + 1, x.id, shorten(&x.statement, 80), x.advice()))
                .filter(|(_, _, _, a)| !a.is_empty())
                .collect()
        });
        (!items.is_empty()).then(|| {
            let list = items
                .into_iter()
                .map(|(number, id, statement, advice)| {
                    let points = advice
                        .into_iter()
                        .map(|a| view! { <li>{crate::messages::problem_advice(a)}</li> })
                        .collect_view();
                    view! {
                        <li class="advice__item">
                            <h3 class="advice__title">{format!("Problema {number}: «{statement}»")}</h3>
                            <ul class="list--bullet">{points}</ul>
                            <a href=paths::problem(Some(id))>
                                {format!("Mejorar el problema {number}")}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="advice" aria-labelledby="sugerencias-titulo">
                    <h2 class="heading-m" id="sugerencias-titulo">"Sugerencias para mejorar la redacción"</h2>
                    <p class="body">"Son recomendaciones de la metodología. No le impiden continuar."</p>
                    <ul class="advice__list">{list}</ul>
                </section>
            }
        })
    };
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <PageHeading text="Problemas públicos" caption="Escriba el plan" />
        <p class="body">
            "Escriba los problemas públicos que surgieron de la consulta, los foros y las mesas temáticas. Cada compromiso del plan atenderá alguno de ellos."
        </p>
        <ItemTable
            caption="Problemas públicos del plan"
            headers=vec!["Núm.", "Problema", "Población afectada", "Prioridad"]
            rows=rows
            empty="Todavía no ha agregado problemas públicos."
            on_delete=on_delete
            return_focus=add_id
        />
        <div class="button-group">
            <a class="button button--secondary" id=add_id href=paths::problem(None) role="button">"Agregar un problema público"</a>
            <a class="button" href=paths::COMMITMENTS role="button">"Continuar"</a>
        </div>
        {advice}
    }
}

/// `/plan/problemas/{n}` or `/plan/problemas/nuevo`.
#[component]
pub fn ProblemPage() -> impl IntoView {
    remount_on(&["n"], |p| {
        item_page(
            &p[0],
            |p| &p.problems,
            |n| view! { <ProblemForm existing=n /> }.into_any(),
        )
    })
}

#[component]
fn ProblemForm(existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let n = existing.unwrap_or_else(|| state.plan.with_untracked(|p| next_problem_id(&p.problems)));
    let page = page_key(existing);
    let form = page_form(&page, |p| {
        p.problems
            .iter()
            .find(|x| x.id == n)
            .map(|x| to_fields(&ProblemInput::from_value(x)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        paths::PROBLEMS,
        move || form.input::<ProblemInput>().read(n),
        move |problem: PublicProblem| state.edit_plan(|p| upsert(&mut p.problems, problem)),
    );
    let title = match existing {
        None => "Nuevo problema público".to_owned(),
        Some(n) => {
            let number = state
                .plan
                .with_untracked(|p| p.problems.iter().position(|x| x.id == n).unwrap_or(0) + 1);
            format!("Problema público {number}")
        }
    };
    view! {
        <QuestionFrame form=form back=paths::PROBLEMS back_text="Regresar a los problemas públicos" title=title caption="Problemas públicos" submit=submit>
            <TextArea
                form=form
                field=Named::ProblemStatement
                label="¿Cuál es el problema?"
                hint="Describa una situación que afecta a las personas, no la solución que falta. Mejor: «En 2025, 4 de cada 10 solicitudes de información al municipio se respondieron fuera de plazo». Menos útil: «Falta de un portal de transparencia»."
                rows=5
            />
            <TextArea
                form=form
                field=Named::AffectedPopulation
                label="¿A quiénes afecta?"
                hint="Quiénes viven el problema y cuántas personas son. Si puede, desagregue por sexo, edad y territorio; por ejemplo «12,000 mujeres de 15 a 29 años de las localidades rurales del sur del municipio»."
                rows=3
            />
            <TextField
                form=form
                field=Field::Named(Named::Baseline)
                label="Línea base (opcional)"
                hint="Un dato de la situación actual, con su año. Por ejemplo «42 % de las solicitudes respondidas fuera de plazo en 2025»."
            />
            <TextField
                form=form
                field=Field::Named(Named::BaselineSource)
                label="Fuente de la línea base (opcional)"
                hint="Dónde se puede consultar el dato: una encuesta, un informe o un registro administrativo."
            />
            <TextArea
                form=form
                field=Named::Causes
                label="Causas (opcional)"
                hint="¿Por qué ocurre el problema? Escriba las causas principales."
                rows=4
            />
            <ChoiceField
                form=form
                field=Named::InputOrigin
                legend="¿De dónde surgió este problema?"
                hint="El ejercicio de participación o el estudio en el que se identificó."
                choices=choices(InputOrigin::ALL)
            />
            <ChoiceField
                form=form
                field=Named::Priority
                legend="Prioridad"
                hint="La que acordó el espacio de coordinación."
                choices=choices(Priority::ALL)
            />
        </QuestionFrame>
    }
}
