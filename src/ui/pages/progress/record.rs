//! The implementation's record on the step's hub, and two of its pages: the
//! local monitoring body (`/plan/avances/organo-de-monitoreo`) and the plan's
//! length and refresh (`/plan/avances/duracion`). Each commitment's
//! end-of-commitment assessment is in `record_assessment.rs`, the amendments in
//! `record_amendments.rs` (see the module's parent).

use leptos::prelude::*;

use crate::domain::progress::{LocalMonitoringBody, PlanLength};
use crate::domain::record_input::{
    assessment_status, body_status, kept, length_status, DurationInput, MonitoringBodyInput,
    PlanDuration,
};
use crate::domain::{Field, Named, TaskStatus};
use crate::messages::record as words;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, RadioGroup, TextField};
use crate::ui::pages::tasks::status_tag;
use crate::ui::paths;
use crate::ui::widgets::{choices, QuestionFrame, TextArea};

/// Unsaved-input keys of the record's pages (under the step's prefix, so
/// the task list sees them).
pub(super) const BODY_PAGE: &str = "avances/organo-de-monitoreo";
pub(super) const LENGTH_PAGE: &str = "avances/duracion";

/// "Informes de avance · Órgano de monitoreo".
pub(super) fn caption(part: &str) -> String {
    format!("Informes de avance · {part}")
}

/// A status tag as the task list draws it.
fn tag(status: TaskStatus) -> impl IntoView {
    let (text, modifier) = status_tag(status);
    view! { <strong class=format!("tag {modifier}")>{text}</strong> }
}

/// One row of the record's list on the hub: the link, its line (when there
/// is one) and its status tag, the link described by both.
#[component]
fn RecordRow(
    /// Ids' stem ("registro-ente").
    slug: &'static str,
    href: String,
    #[prop(into)] name: String,
    #[prop(into)] line: Signal<Option<String>>,
    /// The tag: its text and CSS modifier.
    #[prop(into)]
    status: Signal<(&'static str, &'static str)>,
) -> impl IntoView {
    let status_id = format!("{slug}-estado");
    let line_id = format!("{slug}-resumen");
    let described = {
        let (status_id, line_id) = (status_id.clone(), line_id.clone());
        move || match line.get() {
            Some(_) => format!("{status_id} {line_id}"),
            None => status_id.clone(),
        }
    };
    view! {
        <li class="task-list__item">
            <div class="task-list__name">
                <a class="task-list__link" href=href aria-describedby=described>{name}</a>
                {move || line.get().map(|l| view! {
                    <div class="task-list__hint" id=line_id.clone()><p class="hint">{l}</p></div>
                })}
            </div>
            <div class="task-list__status" id=status_id>
                {move || {
                    let (text, modifier) = status.get();
                    view! { <strong class=format!("tag {modifier}")>{text}</strong> }
                }}
            </div>
        </li>
    }
}

/// On the hub: the monitoring body, the length and refresh, each commitment's
/// end-of-commitment assessment, and the amendments, each with its status
/// and a line.
#[component]
pub fn RecordSection() -> impl IntoView {
    let state = use_app();
    let imp = move |f: fn(&crate::domain::progress::Implementation) -> Option<String>| {
        Signal::derive(move || state.plan.with(|p| f(&p.implementation)))
    };
    let body_line = imp(|i| {
        i.monitoring_body
            .as_ref()
            .map(|b| b.name.clone())
            .filter(|n| !n.is_empty())
    });
    let body_status = Signal::derive(move || {
        let unsaved = state.has_unsaved(BODY_PAGE);
        status_tag(state.plan.with(|p| body_status(&p.implementation, unsaved)))
    });
    let length_line = imp(words::length_line);
    let length_status = Signal::derive(move || {
        let unsaved = state.has_unsaved(LENGTH_PAGE);
        status_tag(
            state
                .plan
                .with(|p| length_status(&p.implementation, unsaved)),
        )
    });
    let amendments_line = imp(|i| Some(words::amendments_line(i.amendments.len())));
    let amendments_status = Signal::derive(move || {
        state.plan.with(|p| {
            if !p.amendments_due().is_empty() {
                ("Falta registrar", "tag--red")
            } else if p.implementation.amendments.is_empty() {
                ("Opcional", "tag--grey")
            } else {
                ("Registradas", "tag--done")
            }
        })
    });
    let assessed = move || {
        state.plan.with(|p| {
            let done = p
                .commitments
                .iter()
                .filter(|c| assessment_status(p, c.id, false) == TaskStatus::Completed)
                .count();
            words::assessments_line(done, p.commitments.len())
        })
    };
    let commitments = move || {
        state.plan.with(|p| {
            p.commitments
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let id = c.id;
                    let unsaved = state.has_unsaved(&super::record_assessment::page_key(id));
                    let status = assessment_status(p, id, unsaved);
                    let line = p.end_assessment(id).and_then(|a| a.completion).map(|s| {
                        format!("Cumplimiento: {}", crate::labels::Label::label(s))
                    });
                    let slug = format!("valoracion-{}", id.0);
                    let status_id = format!("{slug}-estado");
                    let line_id = format!("{slug}-resumen");
                    let described = if line.is_some() {
                        format!("{status_id} {line_id}")
                    } else {
                        status_id.clone()
                    };
                    view! {
                        <li class="task-list__item">
                            <div class="task-list__name">
                                <a class="task-list__link" href=paths::end_assessment(id) aria-describedby=described>
                                    {format!("Compromiso {}: {}", i + 1, c.name)}
                                </a>
                                {line.map(|l| view! {
                                    <div class="task-list__hint" id=line_id><p class="hint">{l}</p></div>
                                })}
                            </div>
                            <div class="task-list__status" id=status_id>{tag(status)}</div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let has_commitments = move || state.plan.with(|p| !p.commitments.is_empty());
    view! {
        <h2 class="heading-m">"Órgano de monitoreo y valoración final"</h2>
        <ul class="task-list">
            <RecordRow
                slug="registro-ente"
                href=paths::PROGRESS_BODY.to_owned()
                name="Ente de monitoreo"
                line=body_line
                status=body_status
            />
            <RecordRow
                slug="registro-duracion"
                href=paths::PROGRESS_LENGTH.to_owned()
                name="Duración del plan y actualización"
                line=length_line
                status=length_status
            />
            <RecordRow
                slug="registro-enmiendas"
                href=paths::AMENDMENTS.to_owned()
                name="Enmiendas"
                line=amendments_line
                status=amendments_status
            />
        </ul>
        <h3 class="heading-s">"Valoración final de cada compromiso"</h3>
        <Show
            when=has_commitments
            fallback=|| view! {
                <p class="body">"Cuando el plan tenga compromisos, aquí podrá valorar cada uno al terminar."</p>
            }
        >
            <p class="body">{assessed}</p>
            <ul class="task-list">{commitments}</ul>
        </Show>
    }
}

/// `/plan/avances/organo-de-monitoreo`.
#[component]
pub fn MonitoringBodyPage() -> impl IntoView {
    let state = use_app();
    // Without a body of its own yet, the page starts from the OGP record's.
    let from_ogp = state.plan.with_untracked(|p| {
        p.implementation.monitoring_body.is_none()
            && p.ogp
                .as_ref()
                .and_then(|o| o.monitoring_body.as_ref())
                .and_then(MonitoringBodyInput::from_ogp)
                .is_some()
    });
    let form = page_form(BODY_PAGE, |p| {
        match (
            &p.implementation.monitoring_body,
            p.ogp.as_ref().and_then(|o| o.monitoring_body.as_ref()),
        ) {
            (Some(b), _) => to_fields(&MonitoringBodyInput::from_value(b)),
            (None, Some(o)) => MonitoringBodyInput::from_ogp(o)
                .map(|i| to_fields(&i))
                .unwrap_or_default(),
            (None, None) => Default::default(),
        }
    });
    let submit = save_handler(
        form,
        BODY_PAGE.to_owned(),
        paths::PROGRESS,
        move || form.input::<MonitoringBodyInput>().read(),
        move |b: LocalMonitoringBody| {
            state.edit_plan(|p| {
                let imp = &mut p.implementation;
                imp.monitoring_body = kept(b, imp.monitoring_body.as_ref());
            })
        },
    );
    view! {
        <QuestionFrame
            form=form
            back=paths::PROGRESS
            back_text="Regresar a los informes de avance"
            title="Ente de monitoreo"
            caption=caption("Órgano de monitoreo")
            submit=submit
        >
            <p class="body">
                "El ente de monitoreo (u órgano evaluador) valora el plan desde fuera del gobierno: revisa el avance de los compromisos y publica su valoración. Todas las respuestas son opcionales."
            </p>
            {from_ogp.then(|| view! {
                <p class="inset" id="ente-desde-ogp">
                    "Tomamos el nombre y las personas evaluadoras del registro OGP de su plan. Revíselos y guarde; después, los cambios se hacen aquí."
                </p>
            })}
            <TextField
                form=form
                field=Field::Named(Named::RecordBodyName)
                label="Nombre del ente de monitoreo (opcional)"
                hint="Por ejemplo «Comité de Monitoreo Ciudadano»."
            />
            <TextArea
                form=form
                field=Named::RecordBodyMembers
                label="Integrantes (opcional)"
                hint="Una persona u organización por línea."
                rows=5
            />
            <TextField
                form=form
                field=Field::Named(Named::RecordBodySchedule)
                label="¿Cuándo valora el plan? (opcional)"
                hint="Por ejemplo «Al inicio, a la mitad y al final del plan»."
            />
        </QuestionFrame>
    }
}

/// `/plan/avances/duracion`.
#[component]
pub fn DurationPage() -> impl IntoView {
    let state = use_app();
    let form = page_form(LENGTH_PAGE, |p| {
        to_fields(&DurationInput::from_value(&p.implementation))
    });
    let submit = save_handler(
        form,
        LENGTH_PAGE.to_owned(),
        paths::PROGRESS,
        move || form.input::<DurationInput>().read(),
        move |d: PlanDuration| state.edit_plan(|p| d.apply(&mut p.implementation)),
    );
    let four_years = move || form.value(Named::PlanLength.key()) == PlanLength::CuatroAnios.key();
    view! {
        <QuestionFrame
            form=form
            back=paths::PROGRESS
            back_text="Regresar a los informes de avance"
            title="Duración del plan y actualización"
            caption=caption("Duración")
            submit=submit
        >
            <RadioGroup
                form=form
                field=Field::Named(Named::PlanLength)
                legend="¿Cuánto dura el plan? (opcional)"
                hint="La Alianza para el Gobierno Abierto permite planes de dos o de cuatro años. Un plan de cuatro años se actualiza a la mitad: se agregan, cambian o cierran compromisos."
                choices=choices(PlanLength::ALL)
            />
            {move || four_years().then(|| view! {
                <fieldset class="fieldset">
                    <legend class="fieldset__legend fieldset__legend--m">"Actualización a la mitad del plan"</legend>
                    <TextField
                        form=form
                        field=Field::Named(Named::RefreshDue)
                        label="Fecha prevista de la actualización"
                        hint="Día, mes o año: 15/01/2028, enero de 2028 o 2028."
                        width="input--w10"
                    />
                    <p class="body">"Cuando la actualización se haga, regístrela:"</p>
                    <TextField
                        form=form
                        field=Field::Named(Named::RefreshDate)
                        label="Fecha en que se hizo la actualización (opcional)"
                        hint="Día/mes/año, por ejemplo 20/01/2028."
                        width="input--w10"
                    />
                    <TextArea
                        form=form
                        field=Named::RefreshChanges
                        label="¿Qué cambió? (opcional)"
                        hint="Los compromisos que se agregaron, cambiaron o cerraron, y la razón de cada cambio."
                        rows=6
                    />
                </fieldset>
            })}
        </QuestionFrame>
    }
}
