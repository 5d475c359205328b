//! The report rounds (see the module's parent).
//!
//! - On the hub ([`RoundsSection`]): the rounds, "Registrar un informe de
//!   avance", progress over time (a chart and the same numbers in a table,
//!   `round_chart.rs`) and what needs attention in the latest round.
//! - A round's pages: its data (`/plan/avances/nuevo`,
//!   `/plan/avances/{r}/datos`), its overview (`/plan/avances/{r}`: each
//!   commitment with how many of its items are reported; removing the
//!   round), and the report of one commitment (`round_entry.rs`).
//! - The task list's line ([`RoundsSummary`]).
//!
//! Unsaved input is kept under the step's prefix: "avances/informe/{r}" and
//! "avances/informe/{r}/compromiso/{id}".

// The pages' parts live beside this file (they are this file's, not the
// step's: declared here so the step's `mod.rs` stays as it is).
#[path = "round_chart.rs"]
mod chart;
#[path = "round_entry.rs"]
mod entry;

pub use entry::RoundCommitmentPage;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::report_input::{places, reported_items, ProgressField, ReportPart, RoundInput};
use crate::domain::{format_date, Field, ItemId, Plan};
use crate::labels::name_or_unnamed;
use crate::messages::rounds as words;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{focus_id, to_fields, TextField};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::{item_page, remount_on};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::widgets::{QuestionFrame, SummaryList, SummaryRow};

/// Unsaved-input key of a round's data page ("avances/informe/nuevo",
/// "avances/informe/3"); its commitments' pages are under it.
pub(crate) use crate::ui::route::round_key;

/// The round's name as shown ("Informe al 30/06/2026" when it has none).
fn shown_name(plan: &Plan, r: ItemId) -> String {
    plan.implementation
        .round(r)
        .map(|round| {
            let name = round.name.trim();
            if name.is_empty() {
                format!("Informe al {}", format_date(round.cutoff))
            } else {
                name.to_owned()
            }
        })
        .unwrap_or_default()
}

/// On the hub: the rounds, progress over time and what needs attention.
#[component]
pub fn RoundsSection() -> impl IntoView {
    let state = use_app();
    let list = move || {
        state.plan.with(|p| {
            let over_time = p.progress_over_time();
            if over_time.is_empty() {
                return view! {
                    <p class="body">
                        "Todavía no hay informes. Un informe dice dónde estaba, en una fecha de corte, cada acción clave y actividad del plan, con su evidencia, lo que lo detuvo y lo que sigue. Se registra uno cada cuatro a seis meses."
                    </p>
                }
                .into_any();
            }
            let rows = over_time
                .iter()
                .map(|rp| {
                    let reporter = p
                        .implementation
                        .round(rp.round)
                        .and_then(|r| r.reporter.clone())
                        .unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row" class="table__cell">
                                <a href=paths::round(Some(rp.round))>{words::round_name(p, rp)}</a>
                            </th>
                            <td class="table__cell">{format_date(rp.cutoff)}</td>
                            <td class="table__cell">{reporter}</td>
                            <td class="table__cell table__cell--numeric">{words::percent(rp.plan)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll">
                    <table class="table" id="informes">
                        <caption class="table__caption">{words::rounds_count(over_time.len())}</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="table__header">"Informe"</th>
                                <th scope="col" class="table__header">"Fecha de corte"</th>
                                <th scope="col" class="table__header">"Quién informa"</th>
                                <th scope="col" class="table__header table__header--numeric">"Avance del plan"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    };
    let no_commitments = move || {
        state.plan.with(|p| p.commitments.is_empty()).then(|| {
            view! {
                <p class="hint">
                    "Un informe registra el avance de los compromisos del plan. Agregue primero sus compromisos en «Compromisos»."
                </p>
            }
        })
    };
    let has_rounds = move || state.plan.with(|p| !p.implementation.rounds.is_empty());
    view! {
        <h2 class="heading-m">"Informes"</h2>
        {list}
        {no_commitments}
        <p>
            <a class="button" href=paths::round(None) id="registrar-informe">"Registrar un informe de avance"</a>
        </p>
        <Show when=has_rounds>
            <h2 class="heading-m" id="avance-en-el-tiempo">"Avance en el tiempo"</h2>
            <chart::ProgressOverTime />
            <NeedsAttention />
        </Show>
    }
}

/// "Requiere atención": what the latest round says needs attention, each
/// item linked to its place on its commitment's page.
#[component]
fn NeedsAttention() -> impl IntoView {
    let state = use_app();
    let content = move || {
        state.plan.with(|p| {
            let latest = p.implementation.rounds_in_order().last().map(|r| r.id)?;
            let cutoff = p.implementation.round(latest).map(|r| r.cutoff)?;
            let intro = format!(
                "En el último informe, «{}» (corte al {}):",
                shown_name(p, latest),
                format_date(cutoff)
            );
            let items = p.needs_attention(latest);
            if items.is_empty() {
                return Some(
                    view! {
                        <p class="body">{intro}</p>
                        <p class="body" id="atencion-nada">"Nada requiere atención: todo avanzó, está a tiempo y tiene evidencia."</p>
                    }
                    .into_any(),
                );
            }
            let list = items
                .iter()
                .map(|a| {
                    let fragment = p
                        .commitment(a.item.commitment)
                        .and_then(|c| {
                            places(c).into_iter().find(|pl| {
                                pl.key_action == a.item.key_action
                                    && pl.activity == a.item.activity
                            })
                        })
                        .map(|pl| format!("#{}", pl.field(ReportPart::Status).key()))
                        .unwrap_or_default();
                    let href = format!(
                        "{}{fragment}",
                        paths::round_commitment(latest, a.item.commitment)
                    );
                    view! {
                        <li>
                            <a href=href>{words::item_name(p, a.item)}</a>
                            <br />
                            {words::attention_reasons(&a.why)}
                        </li>
                    }
                })
                .collect_view();
            Some(
                view! {
                    <p class="body">{intro}</p>
                    <ul class="list--bullet" id="atencion">{list}</ul>
                }
                .into_any(),
            )
        })
    };
    view! {
        <h2 class="heading-m" id="requiere-atencion">"Requiere atención"</h2>
        {content}
    }
}

/// The task list's line under "Informes de avance": how many rounds, the
/// latest's cut-off and the plan's progress in it.
#[component]
pub fn RoundsSummary() -> impl IntoView {
    let state = use_app();
    move || {
        state.plan.with(words::rounds_line).map(|line| {
            view! { <p class="body" id="resumen-informes">{line}</p> }
        })
    }
}

/// `/plan/avances/nuevo` (a new round's data) or a round's overview,
/// `/plan/avances/{r}`.
#[component]
pub fn RoundPage() -> impl IntoView {
    remount_on(&["r"], |p| {
        item_page(
            &p[0],
            |plan| &plan.implementation.rounds,
            |r| match r {
                None => view! { <RoundForm existing=None /> }.into_any(),
                Some(r) => view! { <RoundOverview id=r /> }.into_any(),
            },
        )
    })
}

/// `/plan/avances/{r}/datos`: a saved round's data.
#[component]
pub fn RoundDataPage() -> impl IntoView {
    remount_on(&["r"], |p| {
        item_page(
            &p[0],
            |plan| &plan.implementation.rounds,
            |r| match r {
                Some(r) => view! { <RoundForm existing=Some(r) /> }.into_any(),
                None => view! { <NotFound /> }.into_any(),
            },
        )
    })
}

/// A round's name, cut-off day and who reports.
#[component]
fn RoundForm(existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let page = round_key(existing);
    let form = page_form(&page, |p| {
        existing
            .and_then(|r| p.implementation.round(r))
            .map(|r| to_fields(&RoundInput::from_value(r)))
            .unwrap_or_default()
    });
    // A new round's id, chosen now so that "Guardar y continuar" goes to it.
    let id = existing.unwrap_or_else(|| {
        state
            .plan
            .with_untracked(|p| p.implementation.next_round_id())
    });
    let submit = save_handler(
        form,
        page,
        paths::round(Some(id)),
        move || form.input::<RoundInput>().read().complete(),
        move |head| {
            state.edit_plan(|p| {
                let before = p.implementation.round(id).cloned();
                if let Some(round) = head.into_round(id, before.as_ref()) {
                    p.implementation.upsert_round(round);
                }
            })
        },
    );
    let (title, back, back_text) = match existing {
        None => (
            "Registrar un informe de avance",
            paths::PROGRESS.to_owned(),
            "Regresar a Informes de avance",
        ),
        Some(r) => (
            "Datos del informe",
            paths::round(Some(r)),
            "Regresar al informe",
        ),
    };
    view! {
        <QuestionFrame
            form=form
            back=back
            back_text=back_text
            title=title
            caption="Informes de avance"
            submit=submit
        >
            <p class="body">
                "Un informe dice dónde estaba cada acción clave y actividad en su fecha de corte. Después de guardar estos datos, registre el avance de cada compromiso."
            </p>
            <TextField
                form=form
                field=Field::Progress(ProgressField::RoundName)
                label="Nombre del informe"
                hint="Por ejemplo «Primer informe semestral»."
            />
            <TextField
                form=form
                field=Field::Progress(ProgressField::Cutoff)
                label="Fecha de corte"
                hint="El día del que habla el informe, como día/mes/año, por ejemplo 30/06/2026."
                width="input--w10"
            />
            <TextField
                form=form
                field=Field::Progress(ProgressField::Reporter)
                label="Quién informa (opcional)"
                hint="Por ejemplo la oficina que coordina el plan o el equipo de un compromiso."
            />
        </QuestionFrame>
    }
}

/// A round's overview: its data, each commitment with how many of its items
/// are reported and a link to report it, and removing the round.
#[component]
fn RoundOverview(id: ItemId) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let name = state.plan.with_untracked(|p| shown_name(p, id));
    let data = move || {
        state.plan.with(|p| {
            let round = p.implementation.round(id)?;
            let href = Some(paths::round_data(id));
            Some(view! {
                <SummaryList rows=vec![
                    SummaryRow::new("Nombre del informe", Some(round.name.clone()), href.clone()),
                    SummaryRow::new("Fecha de corte", Some(format_date(round.cutoff)), href.clone()),
                    SummaryRow::new("Quién informa", round.reporter.clone(), href),
                ] />
                <p class="body" id="avance-del-informe">
                    {format!(
                        "Avance ponderado del plan al {}: {}.",
                        format_date(round.cutoff),
                        words::percent(p.round_progress(round).plan)
                    )}
                </p>
            })
        })
    };
    let commitments = move || {
        state.plan.with(|p| {
            let round = p.implementation.round(id)?;
            let progress = p.round_progress(round);
            let rows = p
                .commitments
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let n = i + 1;
                    let (reported, total) = reported_items(c, round);
                    let (tag, modifier) = if total > 0 && reported == total {
                        (format!("{reported} de {total} reportadas"), "tag--done")
                    } else if reported > 0 {
                        (format!("{reported} de {total} reportadas"), "tag--blue")
                    } else {
                        ("Sin reportar".to_owned(), "tag--grey")
                    };
                    let weighted = progress
                        .commitments
                        .iter()
                        .find(|x| x.commitment == c.id)
                        .map_or(0, |x| x.hundredths);
                    let name_id = format!("compromiso-{n}-nombre");
                    let status_id = format!("compromiso-{n}-estado");
                    let described = format!("{name_id} {status_id}");
                    view! {
                        <li class="task-list__item">
                            <div class="task-list__name">
                                <p class="body" id=name_id>
                                    {format!("Compromiso {n}: {}", name_or_unnamed(&c.name))}
                                </p>
                                <a
                                    class="task-list__link"
                                    id=format!("registrar-compromiso-{n}")
                                    href=paths::round_commitment(id, c.id)
                                    aria-describedby=described
                                >
                                    "Registrar el avance de este compromiso"
                                </a>
                                <div class="task-list__hint">
                                    {format!("Avance ponderado en este informe: {}", words::percent(weighted))}
                                </div>
                            </div>
                            <div class="task-list__status" id=status_id>
                                <strong class=format!("tag {modifier}")>{tag}</strong>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            Some(view! { <ul class="task-list" id="compromisos-del-informe">{rows}</ul> })
        })
    };
    let confirming = RwSignal::new(false);
    let remove = {
        let name = name.clone();
        move |_| {
            state.edit_plan(|p| p.implementation.rounds.retain(|r| r.id != id));
            state.clear_unsaved_tree(&round_key(Some(id)));
            state.flash_on(paths::PROGRESS, format!("Se eliminó el informe «{name}»."));
            navigate(paths::PROGRESS, Default::default());
        }
    };
    let confirm = {
        let name = name.clone();
        move || {
            let remove = remove.clone();
            confirming.get().then(|| {
                view! {
                    <div class="banner banner--warning" id="confirmar-eliminar-informe" tabindex="-1" role="alertdialog" aria-labelledby="confirmar-eliminar-informe-titulo">
                        <h2 class="banner__title" id="confirmar-eliminar-informe-titulo">
                            {format!("¿Eliminar el informe «{name}»?")}
                        </h2>
                        <p class="banner__text">
                            "Se borran sus respuestas de todos los compromisos. Esta acción no se puede deshacer. Si tiene dudas, descargue antes su borrador."
                        </p>
                        <div class="button-group">
                            <button class="button button--warning" type="button" on:click=remove>"Sí, eliminar"</button>
                            <button class="button button--secondary" type="button" on:click=move |_| {
                                confirming.set(false);
                                request_animation_frame(|| focus_id("eliminar-informe"));
                            }>"Cancelar"</button>
                        </div>
                    </div>
                }
            })
        }
    };
    view! {
        <BackLink href=paths::PROGRESS text="Regresar a Informes de avance" />
        <PageHeading text=name caption="Informes de avance" />
        {data}
        <h2 class="heading-m">"Avance de cada compromiso"</h2>
        <p class="body">
            "Registre el avance de cada compromiso: sus acciones clave y actividades están juntas en una página."
        </p>
        {commitments}
        <div class="button-group">
            <a class="button" href=paths::PROGRESS>"Volver a Informes de avance"</a>
            <button class="button button--warning" type="button" id="eliminar-informe" on:click=move |_| {
                confirming.set(true);
                request_animation_frame(|| focus_id("confirmar-eliminar-informe"));
            }>"Eliminar este informe"</button>
        </div>
        {confirm}
    }
}
