//! Step 7, "Seguimiento": how progress is reported, with the progress of every
//! key action and the plan's timeline; and step 8, "Respuesta razonada": what
//! was done with each proposal received, one page per proposal.

use crate::export::content::blocks::{given, NOT_PROVIDED};
use leptos::prelude::*;

use crate::domain::choice::upsert;

use crate::domain::key_action::{Frequency, KeyAction};
use crate::domain::monitoring::{
    next_response_id, Decision, MonitoringInput, ReasonedResponse, ResponseInput,
};
use crate::domain::{CommitmentId, Field, ItemId, Named};
use crate::export::timeline::shorten;
use crate::labels::Label;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{focus_id, to_fields, Choice, Form, RadioGroup, TextField};
use crate::ui::pages::commitment::percent;
use crate::ui::paths;
use crate::ui::route::{item_page, remount_on};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::timeline::Timeline;
use crate::ui::widgets::{
    choices, id_key, ChoiceField, Glossary, ItemRow, ItemTable, QuestionFrame, Term, TextArea,
};

const MONITORING_PAGE: &str = "seguimiento";

/// `/plan/seguimiento`: the monitoring questions, then the progress of every
/// commitment's key actions and the timeline (below the form, so the form's
/// buttons come right after its questions in the keyboard order).
#[component]
pub fn MonitoringPage() -> impl IntoView {
    let state = use_app();
    let form = page_form(MONITORING_PAGE, |p| {
        p.monitoring
            .as_ref()
            .map(|m| to_fields(&MonitoringInput::from_value(m)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        MONITORING_PAGE.to_owned(),
        paths::TASKS,
        move || form.input::<MonitoringInput>().read(),
        move |m| state.edit_plan(|p| p.monitoring = Some(m)),
    );
    view! {
        <QuestionFrame form=form back=paths::TASKS back_text="Regresar a la lista de tareas" title="Seguimiento" caption="Escriba el plan" submit=submit>
            <p class="body">
                "Diga cómo se informará el avance del plan y cómo participará la sociedad civil en su seguimiento. "
                <a href="#avance" on:click=|ev| {
                    ev.prevent_default();
                    focus_id("avance-titulo");
                }>"Vea el avance de cada compromiso"</a>
                " al final de esta página."
            </p>
            <ChoiceField
                form=form
                field=Named::ReportFrequency
                legend="¿Cada cuánto se publicará el avance del plan?"
                choices=choices(Frequency::ALL)
            />
            <TextField
                form=form
                field=Field::Named(Named::DashboardUrl)
                label="Liga del tablero público de seguimiento (opcional)"
                hint="La página donde la ciudadanía puede consultar el avance. Por ejemplo https://gobiernoabierto.ejemplo.gob.mx/tablero."
                inputmode="url"
            />
            <TextField
                form=form
                field=Field::Named(Named::MonitoringRepoUrl)
                label="Liga del repositorio de evidencias (opcional)"
                hint="Donde se publican los medios de verificación: actas, minutas, informes."
                inputmode="url"
            />
            <TextArea
                form=form
                field=Named::FollowUpMeetings
                label="Reuniones de seguimiento con la sociedad civil"
                hint="El estándar 5 de la Alianza para el Gobierno Abierto pide reunirse con la sociedad civil mientras se cumple el plan. Diga cuándo y cómo; por ejemplo «Cada tres meses, en sesión pública del Secretariado Técnico Local, con minuta publicada»."
                rows=5
            />
            <TextField
                form=form
                field=Field::Named(Named::ProgressUpdater)
                label="¿Quién actualizará el avance?"
                hint="La persona o el área que registra el avance de cada acción clave."
            />
        </QuestionFrame>
        <Progress />
    }
}

/// "0 → 100": an indicator's baseline and target ("—" for a missing one).
fn baseline_to_target(k: &KeyAction) -> String {
    match (
        k.indicator.baseline.as_deref(),
        k.indicator.target.as_deref(),
    ) {
        (None, None) => "No proporcionadas".to_owned(),
        (b, t) => format!("{} → {}", b.unwrap_or("—"), t.unwrap_or("—")),
    }
}

/// The progress of every commitment's key actions, then the timeline.
#[component]
fn Progress() -> impl IntoView {
    let state = use_app();
    let commitments = move || {
        state.plan.with(|p| {
            let latest = p.latest_round().map(|r| r.id);
            p.commitments
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    let number = ci + 1;
                    let id = c.id;
                    let heading_id = format!("avance-compromiso-{}", id.0);
                    let weights = c.weight_status();
                    let weights_note = crate::messages::weight_status(weights).filter(|_| weights.needs_fixing()).map(|status| view! {
                        <p class="inset">
                            {format!("{status} El avance ponderado será correcto cuando sumen 100 %. ")}
                            <a href=paths::commitment_part(id, "acciones")>{format!("Corregir las ponderaciones del compromiso {number}")}</a>
                        </p>
                    });
                    let body = if c.key_actions.is_empty() {
                        view! {
                            <p class="body">
                                "Este compromiso todavía no tiene acciones clave. "
                                <a href=paths::commitment_part(id, "acciones")>{format!("Agregar acciones clave al compromiso {number}")}</a>
                            </p>
                        }
                        .into_any()
                    } else {
                        let rows = c
                            .key_actions
                            .iter()
                            .enumerate()
                            .map(|(ki, k)| {
                                let code = format!("{number}.{}", ki + 1);
                                let progress = p.current_key_action_progress(id, k).map_or_else(|| "Sin registrar".to_owned(), |v| format!("{v} %"));
                                // Once there are report rounds, progress is updated in the latest one.
                                let update = latest.map_or_else(|| paths::key_action(id, Some(k.id)), |r| paths::round_commitment(r, id));
                                view! {
                                    <tr class="table__row">
                                        <th scope="row" class="table__cell">{code.clone()}</th>
                                        <td class="table__cell">{crate::labels::name_or_unnamed(&k.name).to_owned()}</td>
                                        <td class="table__cell">{k.weight.map_or_else(|| NOT_PROVIDED.to_owned(), |w| format!("{w} %"))}</td>
                                        <td class="table__cell">{given(&k.indicator.name)}</td>
                                        <td class="table__cell">{baseline_to_target(k)}</td>
                                        <td class="table__cell">{progress}</td>
                                        <td class="table__cell table__cell--actions">
                                            <a href=update>
                                                "Actualizar el avance"
                                                <span class="visually-hidden">{format!(" de la acción clave {code}")}</span>
                                            </a>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        // Scrolls sideways on a narrow screen instead of widening the page;
                        // its links keep it reachable by keyboard.
                        view! {
                            <div class="table-scroll">
                            <table class="table table--progress">
                                <caption class="visually-hidden">{format!("Acciones clave del compromiso {number}")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col" class="table__header">"Núm."</th>
                                        <th scope="col" class="table__header">"Acción clave"</th>
                                        <th scope="col" class="table__header">"Ponderación"</th>
                                        <th scope="col" class="table__header">"Indicador"</th>
                                        <th scope="col" class="table__header">"Línea base → meta"</th>
                                        <th scope="col" class="table__header">"Avance"</th>
                                        <th scope="col" class="table__header"><span class="visually-hidden">"Acciones"</span></th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                            </div>
                        }
                        .into_any()
                    };
                    view! {
                        <h3 class="heading-s" id=heading_id>{format!("Compromiso {number}: {}", c.name)}</h3>
                        <p class="body progress__total">
                            "Avance ponderado: "
                            <strong>{percent(p.current_commitment_progress(c))}</strong>
                        </p>
                        {weights_note}
                        {body}
                    }
                })
                .collect_view()
        })
    };
    let empty = move || state.plan.with(|p| p.commitments.is_empty());
    let source = move || {
        state.plan.with(|p| {
            p.latest_round().map(|r| {
                view! { <p class="inset" id="avance-fuente">{crate::messages::rounds::current_progress_note(r)}</p> }
            })
        })
    };
    view! {
        <section class="progress" id="avance" aria-labelledby="avance-titulo">
            <h2 class="heading-m" id="avance-titulo" tabindex="-1">"Avance de los compromisos"</h2>
            <Show
                when=move || !empty()
                fallback=|| view! {
                    <p class="body">
                        "Todavía no hay compromisos. "
                        <a href=paths::NEW_COMMITMENT>"Agregue un compromiso"</a>
                        " para ver aquí su avance."
                    </p>
                }
            >
                <p class="body">
                    "El avance de un compromiso es la suma del avance de cada acción clave multiplicado por su ponderación. Para registrar el avance de una acción clave, elija «Actualizar el avance»."
                </p>
                {source}
                {commitments}
                <Timeline commitment=None />
            </Show>
        </section>
    }
}

/// Unsaved-input key of a response's page: "respuesta/2" or "respuesta/nuevo".
fn response_key(n: Option<ItemId>) -> String {
    format!("respuesta/{}", paths::item(n))
}

/// "Compromiso 2", or "—" when none (or it no longer exists).
fn commitment_cell(plan: &crate::domain::Plan, c: Option<CommitmentId>) -> String {
    c.and_then(|id| plan.commitment_number(id))
        .map_or_else(|| "—".to_owned(), |n| format!("Compromiso {n}"))
}

/// `/plan/respuesta-razonada`: every proposal received and what was decided.
#[component]
pub fn ResponsesPage() -> impl IntoView {
    let state = use_app();
    let rows = Signal::derive(move || {
        state.plan.with(|p| {
            p.responses
                .iter()
                .enumerate()
                .map(|(i, r)| ItemRow {
                    key: r.id.0,
                    cells: vec![
                        (i + 1).to_string(),
                        shorten(&r.input, 120),
                        crate::labels::response_decision(r)
                            .unwrap_or(r.decision.label())
                            .to_owned(),
                        commitment_cell(p, r.commitment),
                    ],
                    href: paths::response(Some(r.id)),
                    noun: format!("la propuesta {}", i + 1),
                    name: shorten(&r.input, 60),
                })
                .collect()
        })
    });
    let add_id = "agregar-propuesta";
    let on_delete = move |key: u32| {
        state.edit_plan(|p| {
            p.remove_response(ItemId(key));
        });
        state.clear_unsaved(&response_key(Some(ItemId(key))));
    };
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <PageHeading text="Respuesta razonada" caption="Escriba el plan" />
        <p class="body">
            "Registre cada propuesta o comentario que recibió en la cocreación, qué se decidió y por qué. La Alianza para el Gobierno Abierto pide publicar esta respuesta (estándar 4)."
        </p>
        <Glossary term=Term::RespuestaRazonada />
        <ItemTable
            caption="Propuestas recibidas"
            headers=vec!["Núm.", "Propuesta", "Decisión", "Compromiso"]
            rows=rows
            empty="Todavía no ha agregado propuestas."
            on_delete=on_delete
            return_focus=add_id
        />
        <div class="button-group">
            <a class="button button--secondary" id=add_id href=paths::response(None) role="button">"Agregar una propuesta"</a>
            <a class="button" href=paths::TASKS role="button">"Continuar"</a>
        </div>
    }
}

/// `/plan/respuesta-razonada/{n}` or `…/nuevo`.
#[component]
pub fn ResponsePage() -> impl IntoView {
    remount_on(&["n"], |p| {
        item_page(
            &p[0],
            |p| &p.responses,
            |n| view! { <ResponseForm existing=n /> }.into_any(),
        )
    })
}

#[component]
fn ResponseForm(existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let n = existing.unwrap_or_else(|| {
        state
            .plan
            .with_untracked(|p| next_response_id(&p.responses))
    });
    let page = response_key(existing);
    let form = page_form(&page, |p| {
        p.responses
            .iter()
            .find(|r| r.id == n)
            .map(|r| to_fields(&ResponseInput::from_value(r)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        paths::RESPONSES,
        move || {
            let ids: Vec<CommitmentId> = state
                .plan
                .with_untracked(|p| p.commitments.iter().map(|c| c.id).collect());
            form.input::<ResponseInput>().read(n, &ids)
        },
        move |response: ReasonedResponse| state.edit_plan(|p| upsert(&mut p.responses, response)),
    );
    let title = match existing {
        None => "Nueva propuesta".to_owned(),
        Some(n) => {
            let number = state
                .plan
                .with_untracked(|p| p.responses.iter().position(|r| r.id == n).unwrap_or(0) + 1);
            format!("Propuesta {number}")
        }
    };
    // The commitment is asked only when the proposal was used.
    let used = move || form.value(Named::Decision.key()) != Decision::NoIncorporada.key();
    view! {
        <QuestionFrame form=form back=paths::RESPONSES back_text="Regresar a las propuestas" title=title caption="Respuesta razonada" submit=submit>
            <TextArea
                form=form
                field=Named::ResponseInput
                label="Propuesta o comentario recibido"
                hint="Cópielo como lo recibió, o resúmalo sin cambiar su sentido."
                rows=5
            />
            <TextField
                form=form
                field=Field::Named(Named::ResponseSource)
                label="¿De dónde vino? (opcional)"
                hint="Quién la hizo o en qué ejercicio, por ejemplo «Mesa temática de salud, 12/03/2026»."
            />
            <ChoiceField
                form=form
                field=Named::Decision
                legend="¿Qué se decidió?"
                choices=choices(Decision::ALL)
            />
            <Show when=used>
                <CommitmentChoice form=form />
            </Show>
            <TextArea
                form=form
                field=Named::Reason
                label="¿Por qué?"
                hint="Explique la decisión en palabras sencillas. Si no se incorporó, diga la razón: por ejemplo, que no es competencia de este gobierno."
                rows=5
            />
        </QuestionFrame>
    }
}

/// The commitment a proposal fed, as radios; a note and a link when the plan
/// has no commitments yet.
#[component]
fn CommitmentChoice(form: Form) -> impl IntoView {
    let state = use_app();
    let field = Field::Named(Named::ResponseCommitment);
    let choices: Vec<Choice> = state.plan.with_untracked(|p| {
        p.commitments
            .iter()
            .enumerate()
            .map(|(i, c)| Choice {
                key: id_key(c.id.0),
                label: format!("Compromiso {}: {}", i + 1, c.name).into(),
                hint: None,
            })
            .collect()
    });
    if choices.is_empty() {
        let error = move || form.error(field);
        let class = move || {
            if error().is_some() {
                "form-group form-group--error"
            } else {
                "form-group"
            }
        };
        return view! {
            // The id lets the error summary's link land here.
            <div class=class id=field.key() tabindex="-1">
                <p class="label">"¿A qué compromiso se incorporó?"</p>
                {move || error().map(|m| view! {
                    <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p>
                })}
                <p class="body">
                    "Su plan todavía no tiene compromisos. Si la propuesta se incorporó, primero "
                    <a href=paths::NEW_COMMITMENT>"agregue el compromiso"</a>
                    " y después regrese a esta página: lo que escribió aquí se conserva."
                </p>
            </div>
        }
        .into_any();
    }
    view! {
        <RadioGroup
            form=form
            field=field
            legend="¿A qué compromiso se incorporó?"
            hint="Si se fusionó con otras propuestas, elija el compromiso que resultó."
            choices=choices
        />
    }
    .into_any()
}
