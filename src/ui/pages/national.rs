//! "Plan nacional de referencia": the national commitment list the plan aligns
//! to (Mexico's 4th plan by default), and replacing it with a newer one from a
//! CSV or JSON file. The current list changes only after the person confirms.

use leptos::prelude::*;

use crate::domain::national_list::parse_national_list;
use crate::domain::{NationalPlan, Plan};
use crate::persistence::browser::ReadFileError;
use crate::state::use_app;
use crate::ui::form::{focus_id, on_file_chosen, FileField, SingleErrorSummary};
use crate::ui::paths;
use crate::ui::shell::{BackLink, PageHeading};
use crate::{labels, messages};

const INPUT_ID: &str = "archivo-lista-nacional";
/// Largest list file read (a national list is a few KB).
const MAX_LIST_BYTES: u64 = 1024 * 1024;

/// Commitments of `plan` whose national link is not in `list` ("Compromiso 2").
fn affected(plan: &Plan, list: &NationalPlan) -> Vec<String> {
    plan.commitments
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.alignment
                .national
                .as_ref()
                .and_then(|n| n.commitment())
                .is_some_and(|id| list.entry(id).is_none())
        })
        .map(|(i, c)| format!("Compromiso {} («{}»)", i + 1, c.name))
        .collect()
}

#[component]
fn ListTable(list: NationalPlan, #[prop(into)] caption: String) -> impl IntoView {
    let rows = list
        .commitments
        .into_iter()
        .map(|e| {
            let title = labels::national_title(&e);
            view! {
                <tr>
                    <td class="table__cell">{e.id}</td>
                    <td class="table__cell">{title}</td>
                    <td class="table__cell">{e.institutions}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table">
            <caption class="table__caption">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col" class="table__header">"Id"</th>
                    <th scope="col" class="table__header">"Compromiso"</th>
                    <th scope="col" class="table__header">"Instituciones"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
pub fn NationalPlanPage() -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(None::<NationalPlan>);
    let on_change = on_file_chosen(
        MAX_LIST_BYTES,
        chosen,
        error,
        "lista-elegida",
        |read, stem| match read {
            Ok(text) => {
                parse_national_list(&text, stem).map_err(|e| messages::national_list_error(&e))
            }
            Err(ReadFileError::TooLarge { .. }) => {
                Err(messages::NATIONAL_LIST_TOO_LARGE.to_owned())
            }
            Err(ReadFileError::Unreadable) => Err(messages::FILE_UNREADABLE.to_owned()),
        },
    );
    let replace = move |list: NationalPlan| {
        let name = list.name.clone();
        state.edit_plan(|p| p.national_plan = list);
        chosen.set(None);
        state.flash_on(
            paths::NATIONAL_PLAN,
            format!("Ahora su plan se alinea con la lista «{name}»."),
        );
        request_animation_frame(|| focus_id("lista-en-uso"));
    };
    let current = move || state.plan.with(|p| p.national_plan.clone());
    let is_default = move || {
        state
            .plan
            .with(|p| p.national_plan == NationalPlan::fourth_plan())
    };
    let preview = move || {
        let list = chosen.get()?;
        let stale = state.plan.with(|p| affected(p, &list));
        let count = list.commitments.len();
        let for_button = list.clone();
        Some(view! {
            <div class="panel" id="lista-elegida" tabindex="-1">
                <h2 class="heading-m">{format!("Lista elegida: {}", list.name)}</h2>
                <p class="body">{format!("{count} compromisos.")}</p>
                <ListTable list=list caption="Compromisos de la lista elegida" />
                {(!stale.is_empty()).then(|| view! {
                    <div class="warning-text">
                        <strong>"Estos compromisos de su plan se alinean con un compromiso nacional que no está en la lista nueva. Después de cambiarla, revise su alineación:"</strong>
                        <ul class="list list--bullet">{stale.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    </div>
                })}
                <div class="button-group">
                    <button class="button" type="button" on:click=move |_| replace(for_button.clone())>"Usar esta lista"</button>
                    <button class="button button--secondary" type="button" on:click=move |_| chosen.set(None)>"Cancelar"</button>
                </div>
            </div>
        })
    };
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <SingleErrorSummary field_id=INPUT_ID error=error />
        <PageHeading text="Plan nacional de referencia" caption="Prepare el plan" has_errors=Signal::derive(move || error.get().is_some()) />
        <div class="grid-two-thirds">
            <p class="body">
                "Cada compromiso de su plan puede replicar o complementar un compromiso del Plan de Acción Nacional. Aquí está la lista con la que se alinea su plan. Viaja con su borrador y aparece en el PDF."
            </p>
        </div>
        <h2 class="heading-m" id="lista-en-uso" tabindex="-1">{move || format!("Lista en uso: {}", current().name)}</h2>
        {move || view! { <ListTable list=current() caption="Compromisos de la lista en uso" /> }}
        <Show when=move || !is_default()>
            <div class="button-group">
                <button class="button button--secondary" type="button" on:click=move |_| replace(NationalPlan::fourth_plan())>
                    "Volver a la lista del 4º Plan de Acción Nacional"
                </button>
            </div>
        </Show>
        <div class="grid-two-thirds">
            <h2 class="heading-m">"Usar la lista de otro plan nacional"</h2>
            <p class="body">
                "Si se publica un plan nacional nuevo, prepare un archivo CSV con las columnas «id» y «titulo» (y, si quiere, «instituciones»), o un archivo JSON con esa información. Antes de cambiar nada le mostraremos la lista."
            </p>
            <FileField id=INPUT_ID label="Archivo con la lista (.csv o .json)" accept=".csv,.json,text/csv,application/json" error=error on_change=on_change />
        </div>
        {preview}
    }
}
