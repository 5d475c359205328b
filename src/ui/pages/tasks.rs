//! The task-list hub: the methodology's steps grouped by phase, with statuses.

use leptos::prelude::*;

use crate::domain::plan::{Task, TaskStatus};
use crate::state::use_app;
use crate::ui::pages::drafts::EraseAllData;
use crate::ui::paths;
use crate::ui::shell::{download_draft, PageHeading};
use crate::ui::widgets::NewerVersionNotice;

pub(crate) fn task_name(task: Task) -> &'static str {
    match task {
        Task::Readiness => "Diagnóstico de condiciones de apertura (opcional)",
        Task::Profile => "Perfil de la jurisdicción",
        Task::NationalPlan => "Plan nacional de referencia",
        Task::Political => "Compromiso político",
        Task::Coordination => "Espacio de coordinación",
        Task::Roadmap => "Hoja de ruta de cocreación",
        Task::Problems => "Problemas públicos",
        Task::Commitments => "Compromisos",
        Task::Monitoring => "Seguimiento",
        Task::Responses => "Respuesta razonada",
        Task::Review => "Revisar y exportar el plan",
    }
}

pub(crate) fn task_href(task: Task) -> &'static str {
    match task {
        Task::Readiness => paths::READINESS,
        Task::Profile => paths::PROFILE,
        Task::NationalPlan => paths::NATIONAL_PLAN,
        Task::Political => paths::POLITICAL,
        Task::Coordination => paths::COORDINATION,
        Task::Roadmap => paths::ROADMAP,
        Task::Problems => paths::PROBLEMS,
        Task::Commitments => paths::COMMITMENTS,
        Task::Monitoring => paths::MONITORING,
        Task::Responses => paths::RESPONSES,
        Task::Review => paths::REVIEW,
    }
}

fn task_hint(task: Task) -> &'static str {
    match task {
        Task::Profile => {
            "Jurisdicción, nombre y periodo del plan, oficina coordinadora y contacto, marco de planeación y jurídico."
        }
        Task::Political => "Quién firmó la declaratoria o carta de apoyo, cuándo, y dónde consultarla.",
        Task::Coordination => "El espacio donde gobierno y sociedad civil deciden juntos: sus integrantes, reglas y sesiones, y el directorio de organizaciones.",
        Task::Roadmap => "Las fases de la cocreación con sus fechas, los canales y la estrategia de inclusión.",
        Task::Problems => "Los problemas públicos que el plan atenderá, con su población afectada, línea base y causas.",
        Task::Monitoring => "Cada cuánto se reporta el avance, dónde se publica y cómo participa la sociedad civil.",
        Task::Responses => "Qué se hizo con cada propuesta recibida, y por qué.",
        Task::Readiness => "15 preguntas para saber dónde está su gobierno y qué hacer primero. Unos 15 minutos.",
        Task::NationalPlan => "La lista de compromisos nacionales con la que se alinea su plan (el 4º Plan de Acción Nacional, o una más reciente).",
        Task::Commitments => "Cada compromiso en el formato de ficha nacional: responsables, objetivos, valores, alineación, acciones clave y actividades.",
        Task::Review => "Revise sus respuestas y exporte el plan en PDF.",
    }
}

/// Status tag text and CSS modifier.
fn status_tag(status: TaskStatus) -> (&'static str, &'static str) {
    match status {
        TaskStatus::NotStarted => ("No iniciado", "tag--grey"),
        TaskStatus::InProgress => ("En curso", "tag--blue"),
        TaskStatus::Completed => ("Completado", "tag--done"),
        TaskStatus::CannotStartYet => ("No se puede iniciar todavía", "tag--muted"),
        TaskStatus::HasProblem => ("Hay un problema", "tag--red"),
    }
}

#[component]
fn TaskRow(task: Task) -> impl IntoView {
    let state = use_app();
    let unsaved_prefix = task.unsaved_prefix();
    let status = Memo::new(move |_| {
        let unsaved = state.has_unsaved(unsaved_prefix);
        state.plan.with(|p| task.status(p, unsaved))
    });
    let slug = task_href(task).trim_start_matches('/').replace('/', "-");
    let hint_id = format!("{slug}-hint");
    let status_id = format!("{slug}-estado");
    let described = format!("{hint_id} {status_id}");
    view! {
        <li class="task-list__item">
            <div class="task-list__name">
                {move || {
                    if status.get() == TaskStatus::CannotStartYet {
                        view! { <span>{task_name(task)}</span> }.into_any()
                    } else {
                        view! {
                            <a class="task-list__link" href=task_href(task) aria-describedby=described.clone()>
                                {task_name(task)}
                            </a>
                        }
                            .into_any()
                    }
                }}
                <div class="task-list__hint" id=hint_id>{task_hint(task)}</div>
            </div>
            <div class="task-list__status" id=status_id>
                {move || {
                    let (text, modifier) = status_tag(status.get());
                    view! { <strong class=format!("tag {modifier}")>{text}</strong> }
                }}
            </div>
        </li>
    }
}

#[component]
pub fn TaskListPage() -> impl IntoView {
    let state = use_app();
    let completed = Memo::new(move |_| {
        Task::ALL
            .iter()
            .filter(|t| state.plan.with(|p| t.status(p, false)) == TaskStatus::Completed)
            .count()
    });
    view! {
        <PageHeading text="Su plan de acción local" caption=state.shown_name() />
        {move || state.made_by_newer_version().then(|| view! { <NewerVersionNotice /> })}
        <p class="body">
            {move || format!("Ha completado {} de {} tareas.", completed.get(), Task::ALL.len())}
        </p>
        <h2 class="heading-m">"1. Prepare el plan"</h2>
        <ul class="task-list">
            <TaskRow task=Task::Readiness />
            <TaskRow task=Task::Profile />
            <TaskRow task=Task::NationalPlan />
        </ul>
        <h2 class="heading-m">"2. Organice la cocreación"</h2>
        <ul class="task-list">
            <TaskRow task=Task::Political />
            <TaskRow task=Task::Coordination />
            <TaskRow task=Task::Roadmap />
        </ul>
        <h2 class="heading-m">"3. Escriba el plan"</h2>
        <ul class="task-list">
            <TaskRow task=Task::Problems />
            <TaskRow task=Task::Commitments />
            <TaskRow task=Task::Monitoring />
            <TaskRow task=Task::Responses />
        </ul>
        <h2 class="heading-m">"4. Revise y comparta"</h2>
        <ul class="task-list">
            <TaskRow task=Task::Review />
        </ul>
        <h2 class="heading-m">"Su borrador"</h2>
        <p>
            "El borrador se guarda solo en este navegador. Para llevarlo a otro equipo o tener un respaldo, descárguelo. En «Mis borradores» puede tener varios, y cambiarles el nombre, duplicarlos o eliminarlos."
        </p>
        <div class="button-group">
            <button class="button button--secondary" type="button" on:click=move |_| download_draft()>
                "Descargar borrador (JSON)"
            </button>
            <a class="link" href=paths::OPEN>"Abrir un borrador"</a>
            <a class="link" href=paths::DRAFTS>"Mis borradores"</a>
        </div>
        <EraseAllData />
    }
}
