//! Step 6, "Compromisos": the list of commitments and the page of one commitment.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::{format_date, CommitmentId, CommitmentInput, Field};
use crate::state::use_app;
use crate::ui::draft_form::{draft_form, save_handler};
use crate::ui::form::{focus_id, to_fields, Choice, ErrorSummary, RadioGroup, TextField};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::picker::{PickOption, SdgTargetPicker, SearchableRadios};
use crate::ui::shell::{BackLink, PageHeading};

/// The list of the plan's commitments, with add, change and delete.
#[component]
pub fn CommitmentsPage() -> impl IntoView {
    let state = use_app();
    let confirming = RwSignal::new(None::<CommitmentId>);
    let rows = move || {
        state.plan.with(|plan| {
            plan.commitments
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let id = c.id;
                    let number = i + 1;
                    let name = c.name.clone();
                    let dates = format!("{} al {}", format_date(c.period.start()), format_date(c.period.end()));
                    let delete_label = format!("Eliminar el compromiso {number}");
                    view! {
                        <tr class="table__row">
                            <td class="table__cell">{number}</td>
                            <td class="table__cell">{name}</td>
                            <td class="table__cell">{dates}</td>
                            <td class="table__cell table__cell--actions">
                                <a href=paths::commitment(id)>
                                    "Cambiar"<span class="visually-hidden">{format!(" el compromiso {number}")}</span>
                                </a>
                                <button
                                    class="button-link"
                                    type="button"
                                    aria-label=delete_label
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
                <p class="banner__text">"Esta acción no se puede deshacer. Si tiene dudas, descargue antes su borrador."</p>
                <div class="button-group">
                    <button class="button button--warning" type="button" on:click=move |_| {
                        state.plan.update(|p| { p.remove_commitment(id); });
                        state.clear_unsaved(&format!("compromiso/{}", id.0));
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
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <PageHeading text="Compromisos" caption="Escriba los compromisos" />
        <p class="body">
            "Un compromiso es una acción concreta que el gobierno se obliga a cumplir, con la sociedad civil, para resolver un problema público."
        </p>
        {confirm}
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

/// One commitment's page: `/plan/compromisos/nuevo` or `/plan/compromisos/{id}`.
#[component]
pub fn CommitmentPage() -> impl IntoView {
    let params = use_params_map();
    let raw = move || params.read().get("id").unwrap_or_default();
    // Keyed by the address, so going from one commitment to another mounts a
    // fresh form rather than rebuilding the previous one in place.
    view! {
        <For each=move || std::iter::once(raw()) key=|r| r.clone() let:raw>
            {if raw == "nuevo" {
                view! { <CommitmentForm existing=None /> }.into_any()
            } else {
                match raw.parse::<u32>() {
                    Ok(n) if use_app().plan.with_untracked(|p| p.commitment(CommitmentId(n)).is_some()) => {
                        view! { <CommitmentForm existing=Some(CommitmentId(n)) /> }.into_any()
                    }
                    _ => view! { <NotFound /> }.into_any(),
                }
            }}
        </For>
    }
}

#[component]
fn CommitmentForm(existing: Option<CommitmentId>) -> impl IntoView {
    let state = use_app();
    let id = existing.unwrap_or_else(|| state.plan.with_untracked(|p| p.next_commitment_id()));
    let page = match existing {
        Some(id) => format!("compromiso/{}", id.0),
        None => "compromiso/nuevo".to_owned(),
    };
    let number = state
        .plan
        .with_untracked(|p| p.commitment_number(id).unwrap_or(p.commitments.len() + 1));
    let initial = state.unsaved_for(&page).unwrap_or_else(|| {
        state.plan.with_untracked(|p| {
            p.commitment(id)
                .map(|c| to_fields(&CommitmentInput::from_commitment(c)))
                .unwrap_or_default()
        })
    });
    let form = draft_form(page.clone(), initial);
    let submit = save_handler(
        form,
        page,
        paths::COMMITMENTS,
        move || {
            let input: CommitmentInput = form.input();
            state.plan.with_untracked(|p| {
                input.parse(id, p.profile.as_ref().map(|pr| pr.period), &p.national_plan)
            })
        },
        move |commitment| state.plan.update(|p| p.upsert_commitment(commitment)),
    );
    let submit_later = submit.clone();
    let national_hint = state
        .plan
        .with_untracked(|p| format!("Lista en uso: {}.", p.national_plan.name));
    let relation_choices = vec![
        Choice {
            key: "replica",
            label: "Replica un compromiso nacional",
            hint: Some("Hace en lo local lo que el compromiso nacional hace en lo federal."),
        },
        Choice {
            key: "complementa",
            label: "Complementa un compromiso nacional",
            hint: Some("Contribuye a las metas de un compromiso nacional con acciones propias."),
        },
        Choice {
            key: "nuevo",
            label: "Es un compromiso nuevo",
            hint: Some("No tiene un compromiso equivalente en el plan nacional."),
        },
    ];
    let national_query = RwSignal::new(String::new());
    let national_options = Signal::derive(move || {
        let q = crate::catalog::fold(&national_query.get());
        state.plan.with(|p| {
            p.national_plan
                .commitments
                .iter()
                .filter(|e| {
                    q.is_empty()
                        || crate::catalog::fold(&format!("{} {}", e.id, e.title)).contains(q.trim())
                })
                .map(|e| PickOption {
                    value: e.id.clone(),
                    label: format!("{} · {}", e.id, crate::messages::national_title(e)),
                })
                .collect()
        })
    });
    let national_total =
        Signal::derive(move || state.plan.with(|p| p.national_plan.commitments.len()));
    let heading = if existing.is_some() {
        format!("Compromiso {number}")
    } else {
        format!("Nuevo compromiso (será el número {number})")
    };
    let period_hint = state.plan.with_untracked(|p| {
        p.profile.as_ref().map(|pr| {
            format!(
                "Deben quedar dentro del periodo del plan: del {} al {}.",
                format_date(pr.period.start()),
                format_date(pr.period.end())
            )
        })
    });
    view! {
        <BackLink href=paths::COMMITMENTS text="Regresar a los compromisos" />
        <div class="grid-two-thirds">
            <ErrorSummary form=form />
            <PageHeading
                text=heading
                caption="Escriba los compromisos"
                has_errors=Signal::derive(move || form.has_errors())
            />
            <form novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit(false);
            }>
                <TextField
                    form=form
                    field=Field::CommitmentName
                    label="Nombre del compromiso"
                    hint="Una frase corta que diga qué se hará, por ejemplo «Estrategia subnacional de gobierno abierto»."
                />
                <fieldset class="fieldset">
                    <legend class="fieldset__legend fieldset__legend--m">"Fechas del compromiso"</legend>
                    {period_hint.map(|h| view! { <p class="hint">{h}</p> })}
                    <TextField
                        form=form
                        field=Field::CommitmentStart
                        label="Fecha de inicio"
                        hint="Día/mes/año, por ejemplo 02/01/2026."
                        width="input--w10"
                        inputmode="numeric"
                    />
                    <TextField
                        form=form
                        field=Field::CommitmentEnd
                        label="Fecha de término"
                        hint="Día/mes/año, por ejemplo 31/08/2027."
                        width="input--w10"
                        inputmode="numeric"
                    />
                </fieldset>
                <h2 class="heading-m">"Alineación"</h2>
                <RadioGroup
                    form=form
                    field=Field::NationalRelation
                    legend="¿Cómo se relaciona con el plan de acción nacional?"
                    hint=national_hint
                    choices=relation_choices
                />
                <Show when=move || matches!(form.value("relacion-nacional").as_str(), "replica" | "complementa")>
                    <SearchableRadios
                        form=form
                        field=Field::NationalCommitment
                        legend="Compromiso nacional"
                        search_label="Buscar el compromiso nacional"
                        hint="Elija el compromiso del plan nacional que su compromiso replica o complementa."
                        noun="compromisos"
                        options=national_options
                        total=national_total
                        query=national_query
                    />
                </Show>
                <SdgTargetPicker form=form />
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
