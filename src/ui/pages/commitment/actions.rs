//! A commitment's key actions (acciones clave): the list with their weights,
//! which must add up to 100 %, and each key action's activities; the page of
//! one key action (indicator, verification, dates, responsible, progress); the
//! page of one activity.

use crate::domain::error::Reading;
use leptos::prelude::*;

use super::{caption, page_key, percent};
use crate::domain::key_action::{
    ActivityInput, Frequency, IndicatorKind, KeyActionInput, WeightStatus,
};
use crate::domain::{CommitmentId, Field, ItemId, Named};
use crate::export::content::blocks::{given, NOT_PROVIDED};
use crate::labels::name_or_unnamed;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{focus_id, to_fields, TextField};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::{item_page, item_param, remount_on, saved_commitment};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::widgets::{
    choices, ChoiceField, ContactFields, Glossary, PeriodFields, QuestionFrame, Term, TextArea,
};

#[component]
pub fn KeyActionsPage() -> impl IntoView {
    remount_on(&["id"], |p| match saved_commitment(&p[0]) {
        Some(id) => view! { <KeyActionList id=id /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    })
}

#[component]
pub fn KeyActionPage() -> impl IntoView {
    remount_on(&["id", "k"], |p| match saved_commitment(&p[0]) {
        Some(id) => item_page(
            &p[1],
            |pl| pl.commitment(id).map_or(&[][..], |c| &c.key_actions),
            |k| view! { <KeyActionForm id=id existing=k /> }.into_any(),
        ),
        None => view! { <NotFound /> }.into_any(),
    })
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    remount_on(&["id", "k", "a"], |p| {
        let state = use_app();
        let found = saved_commitment(&p[0]).and_then(|id| {
            let k = item_param(&p[1])??;
            let a = item_param(&p[2])?;
            let exists = state.plan.with_untracked(|pl| {
                pl.commitment(id)
                    .and_then(|c| c.key_action(k))
                    .is_some_and(|ka| a.is_none_or(|a| ka.activity(a).is_some()))
            });
            exists.then_some((id, k, a))
        });
        match found {
            Some((id, k, a)) => view! { <ActivityForm id=id k=k existing=a /> }.into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    })
}

#[component]
fn KeyActionList(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let confirming = RwSignal::new(None::<(ItemId, Option<ItemId>)>);
    let weights = Memo::new(move |_| {
        state.plan.with(|p| {
            p.commitment(id)
                .map_or(WeightStatus::NoKeyActions, |c| c.weight_status())
        })
    });
    let count = Memo::new(move |_| {
        state
            .plan
            .with(|p| p.commitment(id).map_or(0, |c| c.key_actions.len()))
    });
    let spread = move |_| {
        state.edit_plan(|p| {
            if let Some(c) = p.commitment_mut(id) {
                c.spread_weights();
            }
        });
        state.flash_on(
            &paths::commitment_part(id, "acciones"),
            "Se ajustaron las ponderaciones para que sumen 100 %. Revíselas en la tabla."
                .to_owned(),
        );
        request_animation_frame(|| focus_id("ponderaciones"));
    };
    let weights_status = move || {
        let status = weights.get();
        let message = crate::messages::weight_status(status)?;
        Some(match crate::messages::spread_weights_action(status) {
            None => view! { <p class="body" id="ponderaciones" tabindex="-1">{message}</p> }.into_any(),
            Some(action) => view! {
                <div class="banner banner--warning" id="ponderaciones" tabindex="-1" role="region" aria-labelledby="ponderaciones-titulo">
                    <h2 class="banner__title" id="ponderaciones-titulo">{message}</h2>
                    <p class="banner__text">"Cambie la ponderación de cada acción clave, o deje que la herramienta reparta la diferencia entre todas por partes iguales."</p>
                    <button class="button button--secondary" type="button" on:click=spread>{action}</button>
                </div>
            }
            .into_any(),
        })
    };
    let confirm = move || {
        let (k, a) = confirming.get()?;
        let what = state.plan.with(|p| {
            let ka = p.commitment(id)?.key_action(k)?;
            Some(match a {
                None => format!("la acción clave «{}» y sus actividades", ka.name),
                Some(a) => format!("la actividad «{}»", ka.activity(a)?.name),
            })
        })?;
        Some(view! {
            <div class="banner banner--warning" id="confirmar-eliminar" tabindex="-1" role="alertdialog" aria-labelledby="confirmar-eliminar-titulo">
                <h2 class="banner__title" id="confirmar-eliminar-titulo">{format!("¿Eliminar {what}?")}</h2>
                <p class="banner__text">"Esta acción no se puede deshacer."</p>
                <div class="button-group">
                    <button class="button button--warning" type="button" on:click=move |_| {
                        state.edit_plan(|p| {
                            if let Some(c) = p.commitment_mut(id) {
                                match a {
                                    None => c.remove_key_action(k),
                                    Some(a) => c.remove_activity(k, a),
                                };
                            }
                        });
                        confirming.set(None);
                        request_animation_frame(|| focus_id("agregar-accion"));
                    }>"Sí, eliminar"</button>
                    <button class="button button--secondary" type="button" on:click=move |_| {
                        confirming.set(None);
                        request_animation_frame(|| focus_id("agregar-accion"));
                    }>"Cancelar"</button>
                </div>
            </div>
        })
    };
    let actions = move || {
        state.plan.with(|p| {
            let Some(c) = p.commitment(id) else { return Vec::new() };
            c.key_actions
                .iter()
                .enumerate()
                .map(|(i, ka)| {
                    let n = i + 1;
                    let k = ka.id;
                    let acts = ka
                        .activities
                        .iter()
                        .enumerate()
                        .map(|(j, a)| {
                            let aid = a.id;
                            let dates = a.period.as_ref().map(|p| p.to_string());
                            view! {
                                <li class="activity">
                                    <span class="activity__name">{format!("{}. {}", j + 1, name_or_unnamed(&a.name))}</span>
                                    {dates.map(|d| view! { <span class="hint">{format!(" ({d})")}</span> })}
                                    " "
                                    <a href=paths::activity(id, k, Some(aid))>"Cambiar"<span class="visually-hidden">{format!(" la actividad {} de la acción clave {n}", j + 1)}</span></a>
                                    " "
                                    <button class="button-link" type="button" aria-label=format!("Eliminar la actividad {} de la acción clave {n}", j + 1) on:click=move |_| {
                                        confirming.set(Some((k, Some(aid))));
                                        request_animation_frame(|| focus_id("confirmar-eliminar"));
                                    }>"Eliminar"</button>
                                </li>
                            }
                        })
                        .collect_view();
                    let dates = ka.period.as_ref().map_or_else(|| NOT_PROVIDED.to_owned(), |p| p.to_string());
                    let progress = crate::messages::rounds::current_progress_value(p.current_key_action_progress(id, ka), p.latest_round());
                    view! {
                        <section class="key-action" aria-labelledby=format!("accion-{}", k.0)>
                            <h2 class="heading-m" id=format!("accion-{}", k.0)>{format!("Acción clave {n}: {}", name_or_unnamed(&ka.name))}</h2>
                            <dl class="summary-list">
                                <div class="summary-list__row"><dt class="summary-list__key">"Ponderación"</dt><dd class="summary-list__value">{ka.weight.map_or_else(|| NOT_PROVIDED.to_owned(), |w| format!("{w} %"))}</dd></div>
                                <div class="summary-list__row"><dt class="summary-list__key">"Indicador"</dt><dd class="summary-list__value">{given(&ka.indicator.name)}</dd></div>
                                <div class="summary-list__row"><dt class="summary-list__key">"Medio de verificación"</dt><dd class="summary-list__value">{given(&ka.verification)}</dd></div>
                                <div class="summary-list__row"><dt class="summary-list__key">"Fechas"</dt><dd class="summary-list__value">{dates}</dd></div>
                                <div class="summary-list__row"><dt class="summary-list__key">"Avance"</dt><dd class="summary-list__value">{progress}</dd></div>
                            </dl>
                            <p class="button-group">
                                <a href=paths::key_action(id, Some(k))>"Cambiar"<span class="visually-hidden">{format!(" la acción clave {n}")}</span></a>
                                <button class="button-link" type="button" aria-label=format!("Eliminar la acción clave {n}") on:click=move |_| {
                                    confirming.set(Some((k, None)));
                                    request_animation_frame(|| focus_id("confirmar-eliminar"));
                                }>"Eliminar"</button>
                            </p>
                            <h3 class="heading-s">"Actividades"</h3>
                            {if ka.activities.is_empty() {
                                view! { <p class="body">"Todavía no tiene actividades."</p> }.into_any()
                            } else {
                                view! { <ol class="activities">{acts}</ol> }.into_any()
                            }}
                            <a class="button button--secondary" href=paths::activity(id, k, None) role="button">
                                {format!("Agregar una actividad a la acción clave {n}")}
                            </a>
                        </section>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let has_actions = move || count.get() != 0;
    let progress = move || {
        state.plan.with(|p| {
            p.commitment(id)
                .map_or(0, |c| p.current_commitment_progress(c))
        })
    };
    view! {
        <BackLink href=paths::commitment(id) text="Regresar a la ficha del compromiso" />
        <PageHeading text="Acciones clave y actividades" caption=caption(id, "Ficha") />
        <p class="body">"Divida el compromiso en acciones clave. Cada una vale una parte del compromiso (su ponderación) y las ponderaciones suman 100 %."</p>
        <Glossary term=Term::AccionClave />
        <Glossary term=Term::Ponderacion />
        {confirm}
        {weights_status}
        <Show when=has_actions>
            <p class="body">{move || format!("Avance ponderado del compromiso: {}.", percent(progress()))}</p>
        </Show>
        {actions}
        <div class="button-group">
            <a class="button button--secondary" id="agregar-accion" href=paths::key_action(id, None) role="button">"Agregar una acción clave"</a>
            <a class="button" href=paths::commitment(id) role="button">"Continuar"</a>
        </div>
    }
}

#[component]
fn KeyActionForm(id: CommitmentId, existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let k = existing.unwrap_or_else(|| {
        state.plan.with_untracked(|p| {
            p.commitment(id)
                .map_or(ItemId(1), |c| c.next_key_action_id())
        })
    });
    let page = page_key(
        id,
        &format!(
            "accion/{}",
            existing.map_or("nueva".to_owned(), |k| k.0.to_string())
        ),
    );
    let form = page_form(&page, |p| {
        p.commitment(id)
            .and_then(|c| c.key_action(k))
            .map(|ka| to_fields(&KeyActionInput::from_value(ka)))
            .unwrap_or_default()
    });
    let list = paths::commitment_part(id, "acciones");
    let submit = save_handler(
        form,
        page,
        list.clone(),
        move || {
            let input: KeyActionInput = form.input();
            state.plan.with_untracked(|p| {
                let Some(c) = p.commitment(id) else {
                    return Reading::gone();
                };
                let activities = c
                    .key_action(k)
                    .map(|ka| ka.activities.clone())
                    .unwrap_or_default();
                input.read(k, c.period.as_ref(), activities)
            })
        },
        move |ka| {
            state.edit_plan(|p| {
                if let Some(c) = p.commitment_mut(id) {
                    c.upsert_key_action(ka);
                }
            })
        },
    );
    let (number, others) = state.plan.with_untracked(|p| {
        p.commitment(id).map_or((1, 0), |c| {
            let n = c
                .key_actions
                .iter()
                .position(|x| x.id == k)
                .map_or(c.key_actions.len() + 1, |i| i + 1);
            (n, c.other_weights(k))
        })
    });
    let period_hint = state
        .plan
        .with_untracked(|p| {
            p.commitment(id).map(|c| {
                c.period.as_ref().map_or_else(String::new, |cp| {
                    format!(
                        "Deben quedar dentro de las fechas del compromiso: {}.",
                        cp.from_to()
                    )
                })
            })
        })
        .unwrap_or_default();
    // Once there are report rounds, the latest one is the progress that counts.
    let progress_hint = state.plan.with_untracked(|p| {
        p.latest_round().map_or_else(
            || "Número entero de 0 a 100. Se actualiza durante el seguimiento.".to_owned(),
            |r| {
                crate::messages::rounds::key_action_progress_hint(
                    p.commitment(id)
                        .and_then(|c| c.key_action(k))
                        .and_then(|ka| p.current_key_action_progress(id, ka)),
                    r,
                )
            },
        )
    });
    let weight_hint = if others == 0 {
        "Número entero de 1 a 100. Las ponderaciones de todas las acciones clave suman 100."
            .to_owned()
    } else {
        format!("Número entero de 1 a 100. Las demás acciones clave suman {others} %; para llegar a 100 %, esta valdría {} %.", 100u32.saturating_sub(others))
    };
    let title = if existing.is_some() {
        format!("Acción clave {number}")
    } else {
        format!("Nueva acción clave (será la número {number})")
    };
    view! {
        <QuestionFrame form=form back=list back_text="Regresar a las acciones clave" title=title caption=caption(id, "Acciones clave") submit=submit>
            <TextArea form=form field=Named::KeyActionName label="Nombre de la acción clave" hint="Por ejemplo «Estudio de las condiciones de apertura institucional a nivel local»." max=3000 rows=2 />
            <TextArea form=form field=Named::KeyActionObjective label="Descripción u objetivo (opcional)" rows=3 />
            <TextField form=form field=Field::Named(Named::Weight) label="Ponderación (%)" hint=weight_hint width="input--w5" inputmode="numeric" />
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--m">"Indicador"</legend>
                <TextField form=form field=Field::Named(Named::IndicatorName) label="Nombre del indicador" hint="Qué se medirá, por ejemplo «Diagnóstico integrado» o «Número de prácticas compartidas»." />
                <ChoiceField form=form field=Named::IndicatorKind legend="Tipo de indicador (opcional)" choices=choices(IndicatorKind::ALL) />
                <TextField form=form field=Field::Named(Named::IndicatorUnit) label="Unidad de medida (opcional)" hint="Por ejemplo «documento», «sesiones», «porcentaje de municipios»." width="input--w20" />
                <TextField form=form field=Field::Named(Named::IndicatorBaseline) label="Línea base (opcional)" hint="El valor al empezar, por ejemplo 0." width="input--w20" />
                <TextField form=form field=Field::Named(Named::IndicatorTarget) label="Meta (opcional)" hint="El valor al terminar, por ejemplo 1." width="input--w20" />
                <ChoiceField form=form field=Named::IndicatorFrequency legend="Frecuencia de medición (opcional)" choices=choices(Frequency::ALL) />
            </fieldset>
            <Glossary term=Term::MedioVerificacion />
            <TextArea form=form field=Named::KeyActionVerification label="Medio de verificación" hint="La evidencia pública, por ejemplo «Diagnóstico integrado publicado en el sitio de gobierno abierto»." rows=2 />
            <PeriodFields form=form legend="Fechas de la acción clave" hint=period_hint start=Named::KeyActionStart end=Named::KeyActionEnd />
            <ContactFields form=form legend="Responsable de la implementación (opcional)" optional=true affiliation=true />
            <TextField form=form field=Field::Named(Named::Progress) label="Avance a la fecha (%) (opcional)" hint=progress_hint width="input--w5" inputmode="numeric" />
        </QuestionFrame>
    }
}

#[component]
fn ActivityForm(id: CommitmentId, k: ItemId, existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let a = existing.unwrap_or_else(|| {
        state.plan.with_untracked(|p| {
            p.commitment(id)
                .and_then(|c| c.key_action(k))
                .map_or(ItemId(1), |ka| ka.next_activity_id())
        })
    });
    let page = page_key(
        id,
        &format!(
            "accion/{}/actividad/{}",
            k.0,
            existing.map_or("nueva".to_owned(), |a| a.0.to_string())
        ),
    );
    let form = page_form(&page, |p| {
        p.commitment(id)
            .and_then(|c| c.key_action(k))
            .and_then(|ka| ka.activity(a))
            .map(|x| to_fields(&ActivityInput::from_value(x)))
            .unwrap_or_default()
    });
    let list = paths::commitment_part(id, "acciones");
    let submit = save_handler(
        form,
        page,
        list.clone(),
        move || {
            let input: ActivityInput = form.input();
            state
                .plan
                .with_untracked(|p| match p.commitment(id).and_then(|c| c.key_action(k)) {
                    Some(ka) => input.read(a, ka.period.as_ref()),
                    None => Reading::gone(),
                })
        },
        move |activity| {
            state.edit_plan(|p| {
                if let Some(c) = p.commitment_mut(id) {
                    c.upsert_activity(k, activity);
                }
            })
        },
    );
    let (ka_number, ka_name, hint) = state.plan.with_untracked(|p| {
        p.commitment(id)
            .and_then(|c| {
                let i = c.key_actions.iter().position(|x| x.id == k)?;
                let ka = &c.key_actions[i];
                Some((
                    i + 1,
                    ka.name.clone(),
                    ka.period.as_ref().map_or_else(
                        || "Opcional.".to_owned(),
                        |kp| format!("Opcional. Si las escribe, deben quedar dentro de las fechas de la acción clave: {}.", kp.from_to()),
                    ),
                ))
            })
            .unwrap_or_default()
    });
    let title = if existing.is_some() {
        "Actividad"
    } else {
        "Nueva actividad"
    };
    view! {
        <QuestionFrame form=form back=list back_text="Regresar a las acciones clave" title=title caption=format!("{} · Acción clave {ka_number}: {ka_name}", caption(id, "Acciones clave")) submit=submit>
            <TextArea form=form field=Named::ActivityName label="Actividad" hint="Qué se hará, por ejemplo «Integrar un grupo de trabajo multidisciplinario»." rows=3 />
            <TextArea form=form field=Named::ActivityObjective label="Descripción u objetivo (opcional)" rows=3 />
            <TextArea form=form field=Named::ActivityVerification label="Medio de verificación (opcional)" hint="Por ejemplo «Grupo de trabajo integrado» o «Minuta de reuniones»." rows=2 />
            <PeriodFields form=form legend="Fechas de la actividad (opcional)" hint=hint start=Named::ActivityStart end=Named::ActivityEnd />
        </QuestionFrame>
    }
}
