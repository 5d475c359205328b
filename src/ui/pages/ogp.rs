//! The optional step "Registro en la Alianza para el Gobierno Abierto": what
//! OGP and the monitoring body publish about the plan (a page, then the
//! forum's sessions and the co-creation events, each a list with one page per
//! item), and about each commitment (a page linked from its ficha's overview).

use leptos::prelude::*;

use crate::domain::choice::{remove_item, upsert};
use crate::domain::ogp::{
    CocreationEvent, CommitmentOgp, CommitmentOgpInput, Completion, EventInput, ForumSession,
    OgpProgram, PlanOgp, PlanOgpInput, Potential, Practice, PublishedValue, Relevance,
    SessionInput, YesNo,
};
use crate::domain::{CommitmentId, Field, ItemId, Named, Plan};
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, RadioGroup, TextField};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::{item_page, remount_on, saved_commitment};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::widgets::{
    choices, CheckboxGroup, DateField, ItemRow, ItemTable, QuestionFrame, TextArea,
};

/// Unsaved-input key of the plan's page (the step's prefix).
const PLAN_PAGE: &str = "registro-ogp";

fn session_key(n: Option<ItemId>) -> String {
    format!("{PLAN_PAGE}/sesion/{}", paths::item(n))
}

fn event_key(n: Option<ItemId>) -> String {
    format!("{PLAN_PAGE}/evento/{}", paths::item(n))
}

/// Unsaved-input key of a commitment's OGP page: one of the commitment's pages
/// ("compromiso/3/ogp"), forgotten with it.
fn commitment_key(id: CommitmentId) -> String {
    format!("compromiso/{}/ogp", id.0)
}

/// "Compromiso 2 · Registro en OGP".
fn commitment_caption(id: CommitmentId) -> String {
    let number = use_app()
        .plan
        .with_untracked(|p| p.commitment_number(id).unwrap_or(0));
    format!("Compromiso {number} · Registro en OGP")
}

/// "Registro en OGP · Paso 2 de 3".
fn step(n: u8) -> String {
    format!("Registro en OGP · Paso {n} de 3")
}

/// The plan's OGP record, created empty when a list item is the first thing saved.
fn record(p: &mut Plan) -> &mut PlanOgp {
    p.ogp.get_or_insert_with(PlanOgp::default)
}

/// Drops the plan's record when nothing is left in it.
fn tidy(p: &mut Plan) {
    if p.ogp.as_ref().is_some_and(PlanOgp::is_empty) {
        p.ogp = None;
    }
}

#[component]
pub fn OgpPage() -> impl IntoView {
    let state = use_app();
    let form = page_form(PLAN_PAGE, |p| {
        p.ogp
            .as_ref()
            .map(|o| to_fields(&PlanOgpInput::from_value(o)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        PLAN_PAGE.to_owned(),
        paths::OGP_SESSIONS,
        move || {
            let existing = state.plan.with_untracked(|p| p.ogp.clone());
            form.input::<PlanOgpInput>().parse(existing.as_ref())
        },
        move |o: PlanOgp| {
            state.edit_plan(|p| {
                p.ogp = Some(o);
                tidy(p);
            })
        },
    );
    view! {
        <QuestionFrame
            form=form
            back=paths::TASKS
            back_text="Regresar a la lista de tareas"
            title="Registro en la Alianza para el Gobierno Abierto"
            caption=step(1)
            submit=submit
        >
            <p class="body">
                "Cuando su plan ya es un plan de acción de la Alianza para el Gobierno Abierto (OGP, por sus siglas en inglés), OGP y el órgano de monitoreo publican datos sobre él. Regístrelos aquí tal como se publicaron; deje vacío lo que no se publicó. Los datos de cada compromiso se registran desde su ficha."
            </p>
            <RadioGroup
                form=form
                field=Field::Named(Named::OgpProgram)
                legend="¿En qué programa de OGP está el plan? (opcional)"
                choices=choices(OgpProgram::ALL)
            />
            <TextField
                form=form
                field=Field::Named(Named::OgpPlanNumber)
                label="Número del plan (opcional)"
                hint="Por ejemplo 2, si es el segundo plan de su gobierno en OGP."
                width="input--w10"
                inputmode="numeric"
            />
            <TextField
                form=form
                field=Field::Named(Named::OgpPlanNameEn)
                label="Nombre del plan en la página de OGP, en inglés (opcional)"
                hint="Tal como lo publica OGP, por ejemplo «Action plan – Quintana Roo, Mexico, 2023 – 2025»."
                lang="en"
            />
            <TextField
                form=form
                field=Field::Named(Named::OgpPlanUrl)
                label="Liga a la página del plan en OGP (opcional)"
                hint="Empieza con https://."
                inputmode="url"
            />
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--m">"Periodo del plan según otra fuente (opcional)"</legend>
                <p class="hint">
                    "Si otra fuente publica fechas distintas de las del perfil (por ejemplo, la página de OGP dice 2019-2022 y el plan dice del 10/12/2019 al 31/08/2021), regístrelas aquí con su fuente. El perfil conserva las fechas del plan."
                </p>
                <DateField form=form field=Named::OtherPeriodStart label="Fecha de inicio" example="01/07/2023" />
                <DateField form=form field=Named::OtherPeriodEnd label="Fecha de término" example="31/12/2025" />
                <TextField
                    form=form
                    field=Field::Named(Named::OtherPeriodSource)
                    label="Fuente"
                    hint="Por ejemplo «Página del plan en OGP»."
                />
            </fieldset>
            <TextArea
                form=form
                field=Named::StrategicVision
                label="Visión estratégica (opcional)"
                hint="La visión que el plan publica: a dónde quiere llegar su gobierno con el gobierno abierto."
            />
            <TextArea
                form=form
                field=Named::LeadInstitutions
                label="Instituciones líderes (opcional)"
                hint="Una por línea, como las publica OGP."
                rows=6
            />
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--m">"Órgano de monitoreo (opcional)"</legend>
                <p class="hint">
                    "Quién valora el plan para OGP: el órgano de monitoreo local o el Mecanismo de Revisión Independiente (IRM)."
                </p>
                <TextField
                    form=form
                    field=Field::Named(Named::OgpMonitoringName)
                    label="Nombre del órgano"
                />
                <TextArea
                    form=form
                    field=Named::Evaluators
                    label="Personas evaluadoras"
                    hint="Una por línea, como aparecen en sus informes."
                />
            </fieldset>
        </QuestionFrame>
    }
}

#[component]
pub fn OgpSessionsPage() -> impl IntoView {
    let state = use_app();
    let rows = Signal::derive(move || {
        state.plan.with(|p| {
            p.ogp
                .iter()
                .flat_map(|o| o.sessions.iter())
                .enumerate()
                .map(|(i, s)| ItemRow {
                    key: s.id.0,
                    cells: vec![
                        s.date.to_string(),
                        s.note.clone().unwrap_or_default(),
                        s.minutes_url
                            .as_ref()
                            .map(|u| u.as_str().to_owned())
                            .unwrap_or_default(),
                    ],
                    href: paths::ogp_session(Some(s.id)),
                    noun: format!("la sesión {}", i + 1),
                    name: s.date.to_string(),
                })
                .collect()
        })
    });
    let add_id = "agregar-sesion";
    let on_delete = move |key: u32| {
        state.edit_plan(|p| {
            remove_item(&mut record(p).sessions, ItemId(key));
            tidy(p);
        });
        state.clear_unsaved(&session_key(Some(ItemId(key))));
    };
    view! {
        <BackLink href=paths::OGP text="Regresar" />
        <div class="grid-two-thirds">
            <PageHeading text="Sesiones del foro" caption=step(2) />
            <p class="body">
                "Las sesiones del foro (el espacio de coordinación) que se publicaron, con su fecha y la liga a su acta."
            </p>
        </div>
        <ItemTable
            caption="Sesiones del foro"
            headers=vec!["Fecha", "Sesión", "Acta"]
            rows=rows
            empty="Todavía no ha registrado sesiones."
            on_delete=on_delete
            return_focus=add_id
        />
        <div class="button-group">
            <a class="button button--secondary" id=add_id href=paths::ogp_session(None) role="button">
                "Agregar una sesión"
            </a>
            <a class="button" href=paths::OGP_EVENTS role="button">"Continuar"</a>
        </div>
    }
}

#[component]
pub fn OgpSessionPage() -> impl IntoView {
    remount_on(&["n"], |p| {
        item_page(
            &p[0],
            |p| p.ogp.as_ref().map_or(&[][..], |o| o.sessions.as_slice()),
            |n| view! { <SessionForm existing=n /> }.into_any(),
        )
    })
}

#[component]
fn SessionForm(existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let n = existing.unwrap_or_else(|| {
        state
            .plan
            .with_untracked(|p| p.ogp.as_ref().map_or(ItemId(1), PlanOgp::next_session_id))
    });
    let page = session_key(existing);
    let form = page_form(&page, |p| {
        p.ogp
            .iter()
            .flat_map(|o| o.sessions.iter())
            .find(|s| s.id == n)
            .map(|s| to_fields(&SessionInput::from_value(s)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        paths::OGP_SESSIONS,
        move || form.input::<SessionInput>().parse(n),
        move |s: ForumSession| state.edit_plan(|p| upsert(&mut record(p).sessions, s)),
    );
    let title = if existing.is_some() {
        "Sesión del foro"
    } else {
        "Nueva sesión del foro"
    };
    view! {
        <QuestionFrame
            form=form
            back=paths::OGP_SESSIONS
            back_text="Regresar a las sesiones"
            title=title
            caption="Registro en OGP · Sesiones del foro"
            submit=submit
        >
            <DateField form=form field=Named::SessionDate label="Fecha de la sesión" example="04/11/2022" />
            <TextArea
                form=form
                field=Named::SessionNote
                label="¿Qué sesión fue y de qué trató? (opcional)"
                hint="Por ejemplo «Primera sesión ordinaria: se definió el alcance de los compromisos»."
                rows=3
            />
            <TextField
                form=form
                field=Field::Named(Named::SessionMinutesUrl)
                label="Liga al acta o minuta (opcional)"
                hint="Empieza con https://."
                inputmode="url"
            />
        </QuestionFrame>
    }
}

#[component]
pub fn OgpEventsPage() -> impl IntoView {
    let state = use_app();
    let rows = Signal::derive(move || {
        state.plan.with(|p| {
            p.ogp
                .iter()
                .flat_map(|o| o.events.iter())
                .enumerate()
                .map(|(i, e)| ItemRow {
                    key: e.id.0,
                    cells: vec![
                        e.name.clone(),
                        e.when().unwrap_or_else(|| "Sin fecha".to_owned()),
                        e.source.clone().unwrap_or_default(),
                    ],
                    href: paths::ogp_event(Some(e.id)),
                    noun: format!("el evento {}", i + 1),
                    name: e.name.clone(),
                })
                .collect()
        })
    });
    let add_id = "agregar-evento";
    let on_delete = move |key: u32| {
        state.edit_plan(|p| {
            remove_item(&mut record(p).events, ItemId(key));
            tidy(p);
        });
        state.clear_unsaved(&event_key(Some(ItemId(key))));
    };
    view! {
        <BackLink href=paths::OGP_SESSIONS text="Regresar" />
        <div class="grid-two-thirds">
            <PageHeading text="Eventos de cocreación" caption=step(3) />
            <p class="body">
                "Las consultas, mesas, reuniones y demás eventos de la cocreación que se publicaron, con su fecha o periodo y dónde se publicaron."
            </p>
        </div>
        <ItemTable
            caption="Eventos de cocreación"
            headers=vec!["Evento", "Fecha", "Fuente"]
            rows=rows
            empty="Todavía no ha registrado eventos."
            on_delete=on_delete
            return_focus=add_id
        />
        <div class="button-group">
            <a class="button button--secondary" id=add_id href=paths::ogp_event(None) role="button">
                "Agregar un evento"
            </a>
            <a class="button" href=paths::TASKS role="button">"Continuar"</a>
        </div>
    }
}

#[component]
pub fn OgpEventPage() -> impl IntoView {
    remount_on(&["n"], |p| {
        item_page(
            &p[0],
            |p| p.ogp.as_ref().map_or(&[][..], |o| o.events.as_slice()),
            |n| view! { <EventForm existing=n /> }.into_any(),
        )
    })
}

#[component]
fn EventForm(existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let n = existing.unwrap_or_else(|| {
        state
            .plan
            .with_untracked(|p| p.ogp.as_ref().map_or(ItemId(1), PlanOgp::next_event_id))
    });
    let page = event_key(existing);
    let form = page_form(&page, |p| {
        p.ogp
            .iter()
            .flat_map(|o| o.events.iter())
            .find(|e| e.id == n)
            .map(|e| to_fields(&EventInput::from_value(e)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        paths::OGP_EVENTS,
        move || form.input::<EventInput>().parse(n),
        move |e: CocreationEvent| state.edit_plan(|p| upsert(&mut record(p).events, e)),
    );
    let title = if existing.is_some() {
        "Evento de cocreación"
    } else {
        "Nuevo evento de cocreación"
    };
    view! {
        <QuestionFrame
            form=form
            back=paths::OGP_EVENTS
            back_text="Regresar a los eventos"
            title=title
            caption="Registro en OGP · Eventos de cocreación"
            submit=submit
        >
            <TextField
                form=form
                field=Field::Named(Named::EventName)
                label="Evento"
                hint="Por ejemplo «Consulta pública del plan» o «Envío del plan a OGP»."
            />
            <DateField form=form field=Named::EventDate label="Fecha, o fecha de inicio (opcional)" example="24/05/2019" />
            <DateField form=form field=Named::EventEnd label="Fecha de término, si duró más de lo que dice la fecha (opcional)" example="17/06/2019" />
            <TextField
                form=form
                field=Field::Named(Named::EventSource)
                label="Fuente (opcional)"
                hint="Dónde se publicó: una liga o el nombre del documento, por ejemplo «Informe inicial de OGP»."
            />
        </QuestionFrame>
    }
}

/// `/plan/compromisos/{id}/ogp`: what OGP publishes about one commitment.
#[component]
pub fn CommitmentOgpPage() -> impl IntoView {
    remount_on(&["id"], |p| match saved_commitment(&p[0]) {
        Some(id) => view! { <CommitmentOgpForm id=id /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    })
}

#[component]
fn CommitmentOgpForm(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let page = commitment_key(id);
    let form = page_form(&page, |p| {
        p.commitment(id)
            .and_then(|c| c.ogp.as_ref())
            .map(|o| to_fields(&CommitmentOgpInput::from_value(o)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        paths::commitment(id),
        move || {
            let existing = state
                .plan
                .with_untracked(|p| p.commitment(id).and_then(|c| c.ogp.clone()));
            form.input::<CommitmentOgpInput>().parse(existing.as_ref())
        },
        move |o: Option<CommitmentOgp>| {
            state.edit_plan(|p| {
                if let Some(c) = p.commitment_mut(id) {
                    c.ogp = o;
                }
            })
        },
    );
    view! {
        <QuestionFrame
            form=form
            back=paths::commitment(id)
            back_text="Regresar a la ficha del compromiso"
            title="Registro del compromiso en OGP"
            caption=commitment_caption(id)
            submit=submit
        >
            <p class="body">
                "Lo que la Alianza para el Gobierno Abierto (OGP) y el órgano de monitoreo publican sobre este compromiso. Regístrelo tal como se publicó; deje vacío lo que no se publicó."
            </p>
            <TextField
                form=form
                field=Field::Named(Named::OgpId)
                label="Identificador del compromiso en OGP (opcional)"
                hint="Letras y luego números, como en la página de OGP, por ejemplo MXROO0006."
                width="input--w10"
            />
            <TextField
                form=form
                field=Field::Named(Named::TitleEs)
                label="Título en español (opcional)"
            />
            <TextField
                form=form
                field=Field::Named(Named::TitleEn)
                label="Título en inglés (opcional)"
                hint="Como lo publica OGP en su página en inglés."
                lang="en"
            />
            <TextField
                form=form
                field=Field::Named(Named::OgpCommitmentUrl)
                label="Liga a la página del compromiso en OGP (opcional)"
                hint="Empieza con https://."
                inputmode="url"
            />
            <h2 class="heading-m">"Valoración inicial"</h2>
            <p class="body">
                "Lo que dice el informe inicial del órgano de monitoreo sobre el diseño del compromiso. Deje sin respuesta lo que no se publicó."
            </p>
            <RadioGroup
                form=form
                field=Field::Named(Named::Verifiable)
                legend="¿Es verificable? (opcional)"
                choices=choices(YesNo::ALL)
            />
            <RadioGroup
                form=form
                field=Field::Named(Named::Relevant)
                legend="¿Es relevante para los valores de OGP? (opcional)"
                choices=choices(Relevance::ALL)
            />
            <CheckboxGroup
                form=form
                field=Named::PublishedValues
                legend="¿Para qué valores de OGP? (opcional)"
                hint="Los que se publicaron."
                choices=choices(PublishedValue::ALL)
            />
            <RadioGroup
                form=form
                field=Field::Named(Named::Potential)
                legend="Potencial de resultados (opcional)"
                hint="Desde 2021, OGP usa: sin indicación, modesto o sustancial. Los informes anteriores usaban: ninguno, menor, moderado o transformador."
                choices=choices(Potential::ALL)
            />
            <RadioGroup
                form=form
                field=Field::Named(Named::Practice)
                legend="¿Es nuevo o continuo? (opcional)"
                choices=choices(Practice::ALL)
            />
            <RadioGroup
                form=form
                field=Field::Named(Named::Binding)
                legend="¿Es vinculante? (opcional)"
                hint="Vinculante: sus actividades cambiarán reglas, prácticas o políticas de forma obligatoria o institucionalizada."
                choices=choices(YesNo::ALL)
            />
            <h2 class="heading-m">"Cumplimiento"</h2>
            <RadioGroup
                form=form
                field=Field::Named(Named::Completion)
                legend="¿Qué cumplimiento publicó el órgano de monitoreo? (opcional)"
                hint="El nivel de su informe de fin de compromiso. «Sin dato» si el informe no da uno."
                choices=choices(Completion::ALL)
            />
            <TextArea
                form=form
                field=Named::OgpNote
                label="Notas (opcional)"
                hint="Otros datos publicados, por ejemplo la ambición o los primeros resultados que valoró el Mecanismo de Revisión Independiente."
                rows=3
            />
        </QuestionFrame>
    }
}

/// The link from a commitment's ficha overview to its OGP record, with
/// whether it has one.
#[component]
pub fn CommitmentOgpLink(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let recorded = move || {
        state
            .plan
            .with(|p| p.commitment(id).is_some_and(|c| c.ogp.is_some()))
    };
    view! {
        <h2 class="heading-m">"Registro en OGP"</h2>
        <ul class="task-list">
            <li class="task-list__item">
                <div class="task-list__name">
                    <a class="task-list__link" href=paths::commitment_part(id, "ogp") aria-describedby="parte-ogp-estado">
                        "Identificador, títulos y valoraciones de OGP (opcional)"
                    </a>
                </div>
                <div class="task-list__status" id="parte-ogp-estado">
                    {move || if recorded() {
                        view! { <strong class="tag tag--done">"Registrado"</strong> }.into_any()
                    } else {
                        view! { <strong class="tag tag--grey">"Opcional"</strong> }.into_any()
                    }}
                </div>
            </li>
        </ul>
    }
}
