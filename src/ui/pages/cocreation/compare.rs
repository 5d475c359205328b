//! "Comparar versiones" (`/comparar`): choose two versions of a plan — each a
//! draft of «Mis borradores», a JSON file or a PDF exported by this tool (read
//! with the rules and words of «Abrir un borrador») — and see what changed,
//! step by step and commitment by commitment ([`crate::export::content::changes`]),
//! then download the changes as a PDF. Only reads: the open draft and the
//! stored drafts stay as they are; a bad file changes nothing.

use leptos::prelude::*;

use crate::export::content::changes::{
    changes, changes_document, Changes, GroupChanges, Piece, RowChange, Version,
};
use crate::export::job::Prepared;
use crate::labels;
use crate::messages;
use crate::persistence::browser::{self, ReadFileError};
use crate::persistence::drafts::{self, DraftId, Loaded};
use crate::persistence::{decode_file, max_file_bytes, DecodeError};
use crate::state::{use_app, AppState};
use crate::ui::form::{focus_id, SUMMARY_ID};
use crate::ui::paths;
use crate::ui::pdf_client::{Export, ExportStatus};
use crate::ui::shell::{BackLink, PageHeading};

/// Id of the result's heading, which takes the focus after comparing.
const RESULT_ID: &str = "resultado-comparacion";

/// One of the two versions being chosen.
#[derive(Clone, Copy)]
struct Side {
    /// "Versión anterior", "Versión nueva".
    name: &'static str,
    /// "versión anterior" inside a sentence.
    lower: &'static str,
    select_id: &'static str,
    file_id: &'static str,
    chosen: RwSignal<Option<Chosen>>,
    /// The draft chosen in the list ("" for none).
    draft: RwSignal<String>,
    /// Why the last file or draft could not be read.
    error: RwSignal<Option<String>>,
    /// Nothing chosen when "Comparar" was pressed.
    missing: RwSignal<bool>,
    file: NodeRef<leptos::html::Input>,
}

/// A version read: the plan and how to name it.
#[derive(Clone)]
struct Chosen {
    plan: crate::domain::Plan,
    version: Version,
}

/// The last comparison.
#[derive(Clone)]
struct Compared {
    changes: Changes,
    before: Version,
    after: Version,
}

impl Side {
    fn new(
        name: &'static str,
        lower: &'static str,
        select_id: &'static str,
        file_id: &'static str,
    ) -> Self {
        Self {
            name,
            lower,
            select_id,
            file_id,
            chosen: RwSignal::new(None),
            draft: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            missing: RwSignal::new(false),
            file: NodeRef::new(),
        }
    }

    /// The message of the summary and of the field, if any.
    fn problem(self) -> Option<(&'static str, String)> {
        if let Some(e) = self.error.get() {
            return Some((self.file_id, e));
        }
        self.missing.get().then(|| {
            (
                self.select_id,
                format!(
                    "Elija la {}: un borrador de «Mis borradores» o un archivo",
                    self.lower
                ),
            )
        })
    }
}

/// Reads a draft of «Mis borradores»: the open one from the page's state
/// (with the changes not saved yet), any other from storage.
fn read_draft(state: AppState, id: DraftId) -> Result<Chosen, String> {
    let index = state.drafts.get_untracked();
    let entry = index.get(id);
    let saved_at = entry.map_or_else(browser::now_local, |e| e.saved_at);
    if id == state.draft.get_untracked() {
        return Ok(Chosen {
            plan: state.plan.get_untracked(),
            version: Version {
                source: "borrador abierto, de «Mis borradores»".to_owned(),
                plan: state.shown_name(),
                saved_at,
            },
        });
    }
    match drafts::load(&browser::store(), id) {
        Loaded::Draft(env) => Ok(Chosen {
            version: Version {
                source: "borrador de «Mis borradores»".to_owned(),
                plan: drafts::shown_name(&env),
                saved_at: env.saved_at,
            },
            plan: env.plan,
        }),
        Loaded::Unreadable { error, .. } => Err(messages::decode_error(&error)),
        Loaded::Empty | Loaded::Unavailable => Err(
            "No se encontró ese borrador en este navegador. Vuelva a cargar la página y elíjalo de nuevo."
                .to_owned(),
        ),
    }
}

/// Reads a chosen file as «Abrir un borrador» does.
async fn read_file(file: web_sys::File) -> Result<Chosen, String> {
    let name = file.name();
    let max = max_file_bytes(&name);
    let bytes = match browser::read_bytes(&file, max as u64).await {
        Ok(b) => b,
        Err(ReadFileError::TooLarge { bytes }) => {
            return Err(messages::decode_error(&DecodeError::TooLarge {
                bytes: bytes as usize,
                max,
            }))
        }
        Err(ReadFileError::Unreadable) => return Err(messages::FILE_UNREADABLE.to_owned()),
    };
    let env = decode_file(&bytes).map_err(|e| messages::decode_error(&e))?;
    Ok(Chosen {
        version: Version {
            source: format!("archivo {name}"),
            plan: drafts::shown_name(&env),
            saved_at: env.saved_at,
        },
        plan: env.plan,
    })
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let state = use_app();
    let before = Side::new(
        "Versión anterior",
        "versión anterior",
        "anterior-borrador",
        "anterior-archivo",
    );
    let after = Side::new(
        "Versión nueva",
        "versión nueva",
        "nueva-borrador",
        "nueva-archivo",
    );
    let result = RwSignal::new(None::<Compared>);
    let export = Export::new();

    let has_errors =
        Signal::derive(move || before.problem().is_some() || after.problem().is_some());
    let compare = move |_| {
        let (a, b) = (before.chosen.get_untracked(), after.chosen.get_untracked());
        before
            .missing
            .set(a.is_none() && before.error.get_untracked().is_none());
        after
            .missing
            .set(b.is_none() && after.error.get_untracked().is_none());
        match (a, b) {
            (Some(a), Some(b))
                if before.error.get_untracked().is_none()
                    && after.error.get_untracked().is_none() =>
            {
                // Both read on the same day: rows that depend on the date
                // cannot differ for that reason.
                let today = browser::now_local().date();
                let found = changes(&a.plan, &b.plan, today);
                result.set(Some(Compared {
                    changes: found,
                    before: a.version,
                    after: b.version,
                }));
                request_animation_frame(|| focus_id(RESULT_ID));
            }
            _ => {
                result.set(None);
                request_animation_frame(|| focus_id(SUMMARY_ID));
            }
        }
    };

    let download = move |_| {
        if let Some(c) = result.get_untracked() {
            let doc = changes_document(&c.changes, &c.before, &c.after, browser::now_local());
            export.start_prepared(
                &Prepared::new(doc),
                "cambios-entre-versiones.pdf".to_owned(),
            );
        }
    };

    let summary = move || {
        let problems: Vec<_> = [before, after]
            .into_iter()
            .filter_map(Side::problem)
            .collect();
        (!problems.is_empty()).then(|| {
            let items = problems
                .into_iter()
                .map(|(id, message)| {
                    view! {
                        <li>
                            <a href=format!("#{id}") on:click=move |ev| {
                                ev.prevent_default();
                                focus_id(id);
                            }>{message}</a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="error-summary" id=SUMMARY_ID tabindex="-1" role="alert" aria-labelledby="resumen-errores-titulo">
                    <h2 class="error-summary__title" id="resumen-errores-titulo">"Hay un problema"</h2>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    };

    let shown = move || {
        result.get().map(|c| {
            let counts = c.changes.counts().sentence();
            let body = c
                .changes
                .sections
                .iter()
                .map(|s| {
                    let groups = s
                        .groups
                        .iter()
                        .map(|g| group_view(g, &s.title, 4))
                        .collect_view();
                    view! {
                        <section class="compare-step">
                            <h3 class="heading-m">{s.title.clone()}</h3>
                            {groups}
                        </section>
                    }
                })
                .collect_view();
            view! {
                <div class="compare-result">
                    <h2 class="heading-m compare-result__title" id=RESULT_ID tabindex="-1">"Cambios entre las dos versiones"</h2>
                    <dl class="summary-list">
                        <div class="summary-list__row"><dt class="summary-list__key">"Versión anterior"</dt><dd class="summary-list__value">{c.before.describe()}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Versión nueva"</dt><dd class="summary-list__value">{c.after.describe()}</dd></div>
                    </dl>
                    <p class="body compare-counts">{counts}</p>
                    <ExportStatus export=export />
                    <div class="button-group">
                        <button class="button button--secondary" type="button" on:click=download>"Descargar los cambios (PDF)"</button>
                    </div>
                    {body}
                </div>
            }
        })
    };

    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <div class="grid-two-thirds">
            {summary}
            <PageHeading text="Comparar versiones" caption="Trabajar con otras personas" has_errors=has_errors />
            <p class="body">
                "Elija dos versiones del mismo plan para ver qué cambió: qué se agregó, qué se quitó y qué se modificó, paso por paso y compromiso por compromiso. Cada versión puede ser un borrador de «Mis borradores», un archivo que descargó con «Descargar borrador (JSON)» o un PDF que exportó con esta herramienta."
            </p>
            <p class="body">"Comparar no cambia nada: su borrador abierto y sus otros borradores quedan como están."</p>
            <SideFields side=before state=state result=result />
            <SideFields side=after state=state result=result />
            <div class="button-group">
                <button class="button" type="button" on:click=compare>"Comparar versiones"</button>
            </div>
        </div>
        {shown}
    }
}

/// The choices of one version: a draft or a file, and what was chosen.
#[component]
fn SideFields(side: Side, state: AppState, result: RwSignal<Option<Compared>>) -> impl IntoView {
    let options = move || {
        let open = state.draft.get();
        let index = state.drafts.get();
        let mut rows: Vec<(String, String)> = Vec::new();
        if !index.contains(open) {
            rows.push((
                open.to_string(),
                format!("{} (abierto ahora)", state.shown_name()),
            ));
        }
        for e in index.by_recency() {
            if e.damaged {
                continue;
            }
            let name = if e.id == open {
                format!("{} (abierto ahora)", state.shown_name())
            } else {
                e.shown_name().to_owned()
            };
            rows.push((
                e.id.to_string(),
                format!("{name}, guardado el {}", labels::date_time(e.saved_at)),
            ));
        }
        rows.into_iter()
            .map(|(value, text)| view! { <option value=value>{text}</option> })
            .collect_view()
    };
    let problem_on =
        move |id: &'static str| move || side.problem().filter(|(at, _)| *at == id).map(|(_, m)| m);
    let select_error = problem_on(side.select_id);
    let file_error = problem_on(side.file_id);
    let picked = move |chosen: Result<Chosen, String>| {
        result.set(None);
        side.missing.set(false);
        match chosen {
            Ok(c) => {
                side.error.set(None);
                side.chosen.set(Some(c));
            }
            Err(message) => {
                side.chosen.set(None);
                side.error.set(Some(message));
                request_animation_frame(|| focus_id(SUMMARY_ID));
            }
        }
    };
    let on_select = move |ev: web_sys::Event| {
        let value = event_target_value(&ev);
        side.draft.set(value.clone());
        // A draft replaces a file chosen before.
        if let Some(input) = side.file.get_untracked() {
            input.set_value("");
        }
        match DraftId::parse(&value) {
            Some(id) => picked(read_draft(state, id)),
            None => {
                side.chosen.set(None);
                side.error.set(None);
                result.set(None);
            }
        }
    };
    let on_file = move |ev: web_sys::Event| {
        let Some(file) = crate::ui::form::chosen_files(&ev).into_iter().next() else {
            return;
        };
        // A file replaces a draft chosen before.
        side.draft.set(String::new());
        side.chosen.set(None);
        leptos::task::spawn_local(async move {
            picked(read_file(file).await);
        });
    };
    let select_error_id = format!("{}-error", side.select_id);
    let file_error_id = format!("{}-error", side.file_id);
    let status = move || {
        side.chosen.get().map_or_else(
            || format!("Todavía no eligió la {}.", side.lower),
            |c| format!("Eligió: {}.", c.version.describe()),
        )
    };
    let group = |error: bool| {
        if error {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    view! {
        <fieldset class="fieldset compare-side">
            <legend class="fieldset__legend fieldset__legend--m">{side.name}</legend>
            <div class=move || group(select_error().is_some())>
                <label class="label" for=side.select_id>"Un borrador de «Mis borradores»"</label>
                {
                    let id = select_error_id.clone();
                    move || select_error().map(|m| view! {
                        <p class="error-message" id=id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
                    })
                }
                <select
                    class=move || if select_error().is_some() { "select input--error" } else { "select" }
                    id=side.select_id
                    name=side.select_id
                    aria-describedby=move || select_error().map(|_| select_error_id.clone())
                    prop:value=move || side.draft.get()
                    on:change=on_select
                >
                    <option value="">"Ningún borrador"</option>
                    {options}
                </select>
            </div>
            <div class=move || group(file_error().is_some())>
                <label class="label" for=side.file_id>"O un archivo del borrador (.json o .pdf)"</label>
                {
                    let id = file_error_id.clone();
                    move || file_error().map(|m| view! {
                        <p class="error-message" id=id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
                    })
                }
                <input
                    class="file-upload"
                    id=side.file_id
                    name=side.file_id
                    type="file"
                    accept=".json,.pdf,application/json,application/pdf"
                    aria-describedby=move || file_error().map(|_| file_error_id.clone())
                    node_ref=side.file
                    on:change=on_file
                />
            </div>
            <p class="body compare-chosen" role="status">{status}</p>
        </fieldset>
    }
}

/// One group's changes: its heading, what became of it, a table of its
/// answers (what, change, before, now), then its key actions.
fn group_view(g: &GroupChanges, step_title: &str, level: u8) -> AnyView {
    let heading = g.heading(step_title);
    let status = g
        .status_text()
        .map(|t| view! { <p class="body compare-status">{t}</p> });
    let whole = g.whole_column();
    let table = (!g.rows.is_empty()).then(|| match whole {
        // A group in one version only: its answers, in one column.
        Some(column) => {
            let rows = g
                .rows
                .iter()
                .map(|r| {
                    let value = format!("{}{}", r.before(), r.after());
                    view! {
                        <tr class="compare-row">
                            <th scope="row" class="table__header">{r.key().to_owned()}</th>
                            <td class="table__cell compare-value">{value}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll">
                    <table class="table table--changes">
                        <caption class="table__caption visually-hidden">{format!("Cambios en {heading}")}</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="table__header">"Dato"</th>
                                <th scope="col" class="table__header">{column}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
        None => {
        let rows = g.rows.iter().map(row_view).collect_view();
        view! {
            <div class="table-scroll">
                <table class="table table--changes">
                    <caption class="table__caption visually-hidden">{format!("Cambios en {heading}")}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="table__header">"Dato"</th>
                            <th scope="col" class="table__header">"Cambio"</th>
                            <th scope="col" class="table__header">"Versión anterior"</th>
                            <th scope="col" class="table__header">"Versión nueva"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
        }
    });
    let subgroups = g
        .subgroups
        .iter()
        .map(|s| group_view(s, step_title, (level + 1).min(6)))
        .collect_view();
    let title = heading.clone();
    let h = match level {
        4 => view! { <h4 class="heading-s">{title}</h4> }.into_any(),
        5 => view! { <h5 class="heading-s">{title}</h5> }.into_any(),
        _ => view! { <h6 class="heading-s">{title}</h6> }.into_any(),
    };
    let class = match g.status {
        crate::export::content::changes::GroupStatus::Added => "compare-group compare-group--added",
        crate::export::content::changes::GroupStatus::Removed => {
            "compare-group compare-group--removed"
        }
        _ => "compare-group",
    };
    view! {
        <div class=class>
            {h}
            {status}
            {table}
            {subgroups}
        </div>
    }
    .into_any()
}

fn row_view(r: &RowChange) -> impl IntoView {
    let (old, new) = match r {
        RowChange::Changed { words: Some(w), .. } => (marked(&w.old, false), marked(&w.new, true)),
        _ => (plain(r.before()), plain(r.after())),
    };
    view! {
        <tr class="compare-row">
            <th scope="row" class="table__header">{r.key().to_owned()}</th>
            <td class="table__cell">{r.kind_text()}</td>
            <td class="table__cell compare-value">{old}</td>
            <td class="table__cell compare-value">{new}</td>
        </tr>
    }
}

fn plain(value: &str) -> AnyView {
    if value.is_empty() {
        view! { <span class="compare-none">{labels::NOT_GIVEN}</span> }.into_any()
    } else {
        value.to_owned().into_any()
    }
}

/// A long text with its changed runs marked: `<del>` in the old value,
/// `<ins>` in the new one, each with words a screen reader says.
fn marked(pieces: &[Piece], new: bool) -> AnyView {
    pieces
        .iter()
        .map(|p| {
            let text = p.text.clone();
            match (p.changed, new) {
                (false, _) => text.into_any(),
                (true, false) => view! {
                    <del class="compare-del"><span class="visually-hidden">"[se quitó: "</span>{text}<span class="visually-hidden">"]"</span></del>
                }
                .into_any(),
                (true, true) => view! {
                    <ins class="compare-ins"><span class="visually-hidden">"[se agregó: "</span>{text}<span class="visually-hidden">"]"</span></ins>
                }
                .into_any(),
            }
        })
        .collect_view()
        .into_any()
}
