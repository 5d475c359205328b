//! The task-list hub: the methodology's steps grouped by phase, with statuses.

use leptos::prelude::*;

use crate::domain::methodology::{Phase, Step, TaskStatus};
use crate::state::use_app;
use crate::ui::pages::drafts::EraseAllData;
use crate::ui::pages::quality::QualityCounts;
use crate::ui::paths;
use crate::ui::shell::{download_draft, PageHeading};
use crate::ui::widgets::NewerVersionNotice;

/// Status tag text and CSS modifier.
pub(crate) fn status_tag(status: TaskStatus) -> (&'static str, &'static str) {
    match status {
        TaskStatus::NotStarted => ("No iniciado", "tag--grey"),
        TaskStatus::InProgress => ("En curso", "tag--blue"),
        TaskStatus::Completed => ("Completado", "tag--done"),
        TaskStatus::CannotStartYet => ("No se puede iniciar todavía", "tag--muted"),
        TaskStatus::HasProblem => ("Hay un problema", "tag--red"),
    }
}

/// Under "Compromisos": each commitment that still lacks something the
/// methodology asks for, with how many things and a link to its ficha.
#[component]
fn CommitmentsPending() -> impl IntoView {
    let state = use_app();
    move || {
        let items: Vec<(String, String)> = state.checks.with(|checks| {
            state.plan.with(|p| {
                p.commitments
                    .iter()
                    .zip(checks.iter())
                    .enumerate()
                    .filter_map(|(i, (c, check))| {
                        let count = check.pending_count();
                        (count > 0).then(|| {
                            (
                                crate::messages::commitment_pending(i + 1, c, count),
                                paths::commitment(c.id),
                            )
                        })
                    })
                    .collect()
            })
        });
        (!items.is_empty()).then(|| {
            view! {
                <ul class="list--bullet list--compact task-list__hint">
                    {items
                        .into_iter()
                        .map(|(text, href)| view! { <li><a href=href>{text}</a></li> })
                        .collect_view()}
                </ul>
            }
        })
    }
}

/// Every step's status, once per change of the plan or of the unsaved input
/// (in [`Step::ALL`]'s order): as the row shows it (unsaved input counts as
/// work in progress) and as the count of completed tasks takes it (saved
/// answers only). One computation for the whole list, not one per reader.
#[derive(Clone, Copy)]
struct Statuses(Memo<Vec<(TaskStatus, TaskStatus)>>);

impl Statuses {
    fn new(quality: QualityCounts) -> Self {
        let state = use_app();
        Self(Memo::new(move |_| {
            let required = quality.required();
            let unsaved: Vec<bool> = Step::ALL
                .iter()
                .map(|t| state.has_unsaved(t.unsaved_prefix()))
                .collect();
            state.checks.with(|checks| {
                state.plan.with(|p| {
                    Step::ALL
                        .iter()
                        .zip(unsaved)
                        .map(|(t, unsaved)| {
                            let required = required.filter(|_| *t == Step::Quality);
                            let saved = t.status_checked(p, false, required, checks);
                            let shown = if unsaved {
                                t.status_checked(p, true, required, checks)
                            } else {
                                saved
                            };
                            (shown, saved)
                        })
                        .collect()
                })
            })
        }))
    }

    fn shown(self, task: Step) -> TaskStatus {
        let i = Step::ALL
            .iter()
            .position(|t| *t == task)
            .unwrap_or_default();
        self.0
            .with(|v| v.get(i).map_or(TaskStatus::NotStarted, |s| s.0))
    }

    fn completed(self) -> usize {
        self.0
            .with(|v| v.iter().filter(|s| s.1 == TaskStatus::Completed).count())
    }
}

#[component]
fn TaskRow(task: Step, statuses: Statuses) -> impl IntoView {
    let status = Memo::new(move |_| statuses.shown(task));
    let slug = task.path().trim_start_matches('/').replace('/', "-");
    let hint_id = format!("{slug}-hint");
    let status_id = format!("{slug}-estado");
    let described = format!("{hint_id} {status_id}");
    view! {
        <li class="task-list__item">
            <div class="task-list__name">
                {move || {
                    if status.get() == TaskStatus::CannotStartYet {
                        view! { <span>{task.name()}</span> }.into_any()
                    } else {
                        view! {
                            <a class="task-list__link" href=task.path() aria-describedby=described.clone()>
                                {task.name()}
                            </a>
                        }
                            .into_any()
                    }
                }}
                <div class="task-list__hint" id=hint_id>{task.hint()}</div>
                {(task == Step::Commitments).then(|| view! { <CommitmentsPending /> })}
                {(task == Step::Quality).then(|| view! { <crate::ui::pages::quality::QualitySummary /> })}
                {(task == Step::Progress).then(|| view! { <crate::ui::pages::progress::rounds::RoundsSummary /> })}
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
    // The quality review, once per change of the plan (kept in the state):
    // the step's status, its summary line and the count of completed tasks
    // read it.
    let quality = QualityCounts(state.quality);
    let statuses = Statuses::new(quality);
    let completed = Memo::new(move |_| statuses.completed());
    view! {
        <PageHeading text="Su plan de acción local" caption=state.shown_name() />
        {move || state.made_by_newer_version().then(|| view! { <NewerVersionNotice /> })}
        <p class="body">
            {move || format!("Ha completado {} de {} tareas.", completed.get(), Step::ALL.len())}
        </p>
        {Phase::ALL
            .into_iter()
            .map(|phase| {
                let rows = phase.steps().map(|task| view! { <TaskRow task statuses /> }).collect_view();
                view! {
                    <h2 class="heading-m">{phase.heading()}</h2>
                    <ul class="task-list">{rows}</ul>
                }
            })
            .collect_view()}
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
        <h2 class="heading-m">"Trabajar con otras personas"</h2>
        <p>
            "Sin servidor: los borradores y las observaciones viajan como archivos. Vea qué cambió entre dos versiones, traiga a este borrador lo que otra persona escribió en su copia, o reciba y conteste las observaciones de quienes revisan el plan."
        </p>
        <ul class="list list--bullet">
            <li><a class="link" href=paths::COMPARE>"Comparar versiones"</a></li>
            <li><a class="link" href=paths::MERGE>"Combinar con otro borrador"</a></li>
            <li><a class="link" href=paths::COMMENTS>"Observaciones"</a></li>
        </ul>
        <EraseAllData />
    }
}
