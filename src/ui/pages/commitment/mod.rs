//! Step 6, "Compromisos": the list of commitments and, for each, its ficha in
//! the national format, split into pages: general data, responsible people,
//! co-responsible organisations, objectives, OGP values, alignment, and key
//! actions with their activities. The ficha's overview ("hub") links to each part.

mod actions;
mod alignment;
mod general;
mod narrative;
mod people;

pub use actions::{ActivityPage, KeyActionPage, KeyActionsPage};
pub use alignment::AlignmentPage;
pub use general::CommitmentPage;
pub use narrative::{ObjectivesPage, ValuesPage};
pub use people::{CoResponsibleListPage, CoResponsiblePage, ResponsibleListPage, ResponsiblePage};

use crate::domain::pending::Pending;
use crate::export::content::blocks::NOT_PROVIDED;
use leptos::prelude::*;

use crate::domain::plan::FichaPart;
use crate::domain::CommitmentId;
use crate::messages;
use crate::state::use_app;
use crate::ui::form::focus_id;
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
pub(crate) use crate::ui::route::{caption, page_key, part_path, part_slug};
use crate::ui::route::{remount_on, saved_commitment};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::timeline::Timeline;
use crate::ui::widgets::{Glossary, Term};

/// The part after `part` in the ficha's order (the hub after the last).
pub(crate) fn next_part(id: CommitmentId, part: FichaPart) -> String {
    let i = FichaPart::ALL.iter().position(|p| *p == part).unwrap_or(0);
    match FichaPart::ALL.get(i + 1) {
        Some(next) => part_path(id, *next),
        None => paths::commitment(id),
    }
}

/// Where a missing item is written: its page, at its field (the quality
/// review names the same places).
fn pending_link(id: CommitmentId, part: FichaPart, item: &Pending) -> String {
    crate::ui::route::place_path(&crate::domain::quality::pending_place(id, part, item))
}

pub(crate) fn part_name(part: FichaPart) -> &'static str {
    match part {
        FichaPart::General => "Nombre y fechas",
        FichaPart::Responsible => "Instituciones y personas responsables",
        FichaPart::CoResponsible => "Organizaciones corresponsables",
        FichaPart::Objectives => "Objetivos, problemática y verificación",
        FichaPart::Values => "Valores de la Alianza para el Gobierno Abierto",
        FichaPart::Alignment => "Alineación y perspectiva de género",
        FichaPart::KeyActions => "Acciones clave y actividades",
    }
}

pub(crate) use crate::export::summary::percent;

/// The list of the plan's commitments, with add, change, duplicate, reorder and delete.
#[component]
pub fn CommitmentsPage() -> impl IntoView {
    let state = use_app();
    let confirming = RwSignal::new(None::<CommitmentId>);
    let rows = move || {
        state.checks.with(|checks| {
            state.plan.with(|plan| {
                let count = plan.commitments.len();
                plan.commitments
                    .iter()
                    .zip(checks.iter())
                    .enumerate()
                    .map(|(i, (c, check))| {
                        let id = c.id;
                        let number = i + 1;
                        let name = crate::labels::name_or_unnamed(&c.name).to_owned();
                        let dates = c.period.as_ref().map_or_else(|| NOT_PROVIDED.to_owned(), |p| p.to_string());
                        let status = if !check.issues.is_empty() {
                            ("Hay un problema", "tag tag--red")
                        } else if check.complete() {
                            ("Completado", "tag tag--done")
                        } else {
                            ("En curso", "tag tag--blue")
                        };
                        let up_id = format!("subir-{}", id.0);
                        let down_id = format!("bajar-{}", id.0);
                        let move_by = move |up: bool| {
                            state.edit_plan(|p| {
                                p.move_commitment(id, up);
                            });
                            let target = if up { format!("subir-{}", id.0) } else { format!("bajar-{}", id.0) };
                            request_animation_frame(move || focus_id(&target));
                        };
                        view! {
                            <tr class="table__row">
                                <td class="table__cell">{number}</td>
                                <td class="table__cell">
                                    <a href=paths::commitment(id)>{name}</a>
                                </td>
                                <td class="table__cell">{dates}</td>
                                <td class="table__cell"><strong class=status.1>{status.0}</strong></td>
                                <td class="table__cell table__cell--actions">
                                    {(i > 0).then(|| view! {
                                        <button class="button-link" type="button" id=up_id.clone()
                                            aria-label=format!("Subir el compromiso {number}")
                                            on:click=move |_| move_by(true)>"Subir"</button>
                                    })}
                                    {(i + 1 < count).then(|| view! {
                                        <button class="button-link" type="button" id=down_id.clone()
                                            aria-label=format!("Bajar el compromiso {number}")
                                            on:click=move |_| move_by(false)>"Bajar"</button>
                                    })}
                                    <button class="button-link" type="button"
                                        aria-label=format!("Duplicar el compromiso {number}")
                                        on:click=move |_| {
                                            let copy = state.try_edit_plan(|p| p.duplicate_commitment(id)).flatten();
                                            if let Some(copy) = copy {
                                                state.flash_on(paths::COMMITMENTS, format!("Se duplicó el compromiso {number}. La copia es el compromiso {}.", number + 1));
                                                let target = format!("subir-{}", copy.0);
                                                request_animation_frame(move || focus_id(&target));
                                            }
                                        }>"Duplicar"</button>
                                    <button
                                        class="button-link"
                                        type="button"
                                        aria-label=format!("Eliminar el compromiso {number}")
                                        on:click=move |_| {
                                            confirming.set(Some(id));
                                            request_animation_frame(|| focus_id("confirmar-eliminar"));
                                        }
                                    >
                                        "Eliminar"
                                    </button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let confirm = move || {
        let id = confirming.get()?;
        let (number, name) = state
            .plan
            .with(|p| Some((p.commitment_number(id)?, p.commitment(id)?.name.clone())))?;
        Some(view! {
            <div class="banner banner--warning" id="confirmar-eliminar" tabindex="-1" role="alertdialog" aria-labelledby="confirmar-eliminar-titulo">
                <h2 class="banner__title" id="confirmar-eliminar-titulo">
                    {format!("¿Eliminar el compromiso {number}, «{name}»?")}
                </h2>
                <p class="banner__text">"Se eliminarán también sus acciones clave y actividades. Esta acción no se puede deshacer. Si tiene dudas, descargue antes su borrador."</p>
                <div class="button-group">
                    <button class="button button--warning" type="button" on:click=move |_| {
                        state.edit_plan(|p| { p.remove_commitment(id); });
                        state.clear_unsaved_tree(&page_key(id, ""));
                        state.clear_unsaved_matching(|k| crate::ui::route::is_progress_key_of(k, id));
                        confirming.set(None);
                        state.flash_on(paths::COMMITMENTS, format!("Se eliminó el compromiso «{name}»."));
                        request_animation_frame(|| focus_id("agregar-compromiso"));
                    }>"Sí, eliminar"</button>
                    <button class="button button--secondary" type="button" on:click=move |_| {
                        confirming.set(None);
                        request_animation_frame(|| focus_id("agregar-compromiso"));
                    }>"Cancelar"</button>
                </div>
            </div>
        })
    };
    let empty = move || state.plan.with(|p| p.commitments.is_empty());
    let count_advice = move || {
        let n = state.plan.with(|p| p.commitments.len());
        (n > 15).then(|| view! {
            <p class="inset">{format!("Su plan tiene {n} compromisos. La metodología sugiere de 5 a 15, para poder cumplirlos y darles seguimiento.")}</p>
        })
    };
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <PageHeading text="Compromisos" caption="Escriba los compromisos" />
        <p class="body">
            "Cada compromiso se escribe en el formato de ficha del plan de acción nacional: datos generales, responsables, objetivos, valores, alineación y acciones clave con sus actividades."
        </p>
        <Glossary term=Term::Compromiso />
        {confirm}
        {count_advice}
        <Show
            when=move || !empty()
            fallback=|| view! { <p class="body">"Todavía no ha agregado compromisos."</p> }
        >
            <table class="table">
                <caption class="table__caption">"Compromisos del plan"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"Núm."</th>
                        <th scope="col" class="table__header">"Compromiso"</th>
                        <th scope="col" class="table__header">"Fechas"</th>
                        <th scope="col" class="table__header">"Estado"</th>
                        <th scope="col" class="table__header"><span class="visually-hidden">"Acciones"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </Show>
        <div class="button-group">
            <a class="button" id="agregar-compromiso" href=paths::NEW_COMMITMENT role="button">"Agregar un compromiso"</a>
            <a class="link" href=paths::TASKS>"Volver a la lista de tareas"</a>
        </div>
    }
}

/// `/plan/compromisos/nuevo` (the general-data form) or the ficha overview of
/// `/plan/compromisos/{id}`.
#[component]
pub fn CommitmentHubPage() -> impl IntoView {
    remount_on(&["id"], |p| {
        if p[0] == "nuevo" {
            view! { <general::GeneralForm existing=None /> }.into_any()
        } else {
            match saved_commitment(&p[0]) {
                Some(id) => view! { <Hub id=id /> }.into_any(),
                None => view! { <NotFound /> }.into_any(),
            }
        }
    })
}

/// The ficha's overview: each part with its status, the weights, the weighted
/// progress, problems to fix, and the timeline.
#[component]
fn Hub(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let number = state
        .plan
        .with_untracked(|p| p.commitment_number(id).unwrap_or(0));
    let name = state
        .plan
        .with_untracked(|p| p.commitment(id).map(|c| c.name.clone()).unwrap_or_default());
    let parts = FichaPart::ALL
        .iter()
        .map(|&part| {
            // Read once per change of the plan; the hint and the status share it.
            let pending = Memo::new(move |_| {
                state.plan.with(|p| {
                    p.commitment(id)
                        .map(|c| {
                            p.pending(c, part)
                                .into_iter()
                                .map(|item| (messages::pending_item(c, &item), pending_link(id, part, &item), item))
                                .collect::<Vec<_>>()
                        })
                        .unwrap_or_default()
                })
            });
            let slug = part_slug(part);
            let status_id = format!("parte-{slug}-estado");
            let missing_id = format!("parte-{slug}-falta");
            view! {
                <li class="task-list__item">
                    <div class="task-list__name">
                        <a class="task-list__link" href=part_path(id, part) aria-describedby=status_id.clone()>{part_name(part)}</a>
                        {move || {
                            let items = pending.get();
                            let shown = !(items.is_empty() || matches!(items.as_slice(), [(_, _, Pending::Nothing)]));
                            shown.then(|| view! {
                                <div class="task-list__hint" id=missing_id.clone()>
                                    <p class="hint">"Falta:"</p>
                                    <ul class="list--bullet list--compact">
                                        {items.into_iter().map(|(text, href, _)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                                    </ul>
                                </div>
                            })
                        }}
                    </div>
                    <div class="task-list__status" id=status_id>
                        {move || {
                            let items = pending.get();
                            if items.is_empty() {
                                view! { <strong class="tag tag--done">"Completado"</strong> }.into_any()
                            } else if matches!(items.as_slice(), [(_, _, Pending::Nothing)]) {
                                view! { <strong class="tag tag--grey">"Por completar"</strong> }.into_any()
                            } else {
                                view! { <strong class="tag tag--blue">"En curso"</strong> }.into_any()
                            }
                        }}
                    </div>
                </li>
            }
        })
        .collect_view();
    let issues = move || {
        state.plan.with(|p| {
            let c = p.commitment(id)?;
            let items: Vec<String> = p
                .commitment_issues(c)
                .into_iter()
                .map(|i| messages::commitment_issue(&i))
                .collect();
            (!items.is_empty()).then(|| view! {
                <div class="banner banner--warning" role="region" aria-labelledby="problemas-compromiso">
                    <h2 class="banner__title" id="problemas-compromiso">"Hay que corregir"</h2>
                    <ul class="list--bullet">{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
            })
        })
    };
    let figures = move || {
        state.plan.with(|p| {
            let c = p.commitment(id)?;
            let dates = c.period.as_ref().map_or_else(|| NOT_PROVIDED.to_owned(), |p| crate::labels::capitalized(&p.from_to()));
            Some(view! {
                <dl class="summary-list">
                    <div class="summary-list__row"><dt class="summary-list__key">"Fechas"</dt><dd class="summary-list__value">{dates}</dd></div>
                    <div class="summary-list__row"><dt class="summary-list__key">"Acciones clave"</dt><dd class="summary-list__value">{format!("{} (ponderaciones: {} %)", c.key_actions.len(), c.weight_status().total())}</dd></div>
                    <div class="summary-list__row"><dt class="summary-list__key">"Avance ponderado"</dt><dd class="summary-list__value">{percent(p.current_commitment_progress(c))}</dd></div>
                </dl>
            })
        })
    };
    view! {
        <BackLink href=paths::COMMITMENTS text="Regresar a los compromisos" />
        <PageHeading text=format!("Compromiso {number}: {name}") caption="Ficha del compromiso" />
        {issues}
        <crate::ui::pages::progress::record_amendments::AmendmentNotice id=id />
        {figures}
        // The examples page is in the articulation bundle: only this link here.
        <p class="body"><a href=paths::examples_for(id)>"Ver ejemplos"</a>" de compromisos que otros planes locales marcaron como buenas prácticas."</p>
        <h2 class="heading-m">"Partes de la ficha"</h2>
        <ul class="task-list">{parts}</ul>
        <crate::ui::pages::classification::ClassificationLink id=id />
        <crate::ui::pages::ogp::CommitmentOgpLink id=id />
        <Timeline commitment=Some(id) />
        <div class="button-group">
            <a class="button" href=paths::COMMITMENTS role="button">"Volver a los compromisos"</a>
        </div>
    }
}
