//! "Mis borradores" (`/borradores`): every draft kept in this browser, with
//! open, rename (`/borradores/{id}/nombre`), duplicate, delete after
//! confirming, create, and "Borrar todos mis datos de este equipo".

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::{Field, Named};
use crate::labels;
use crate::persistence::browser;
use crate::persistence::drafts::{self, DraftId};
use crate::state::{use_app, AppState};
use crate::ui::form::{focus_id, ErrorSummary, Form, TextField};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::remount_on;
use crate::ui::shell::{download_draft, BackLink, PageHeading};

/// Id of the line that reports what an action did (or why it was not done).
const NOTICE_ID: &str = "aviso-borradores";
/// Id of the delete confirmation.
const CONFIRM_ID: &str = "confirmar-eliminar";

/// One line of the table.
#[derive(Clone, PartialEq)]
struct Row {
    id: DraftId,
    name: String,
    jurisdiction: String,
    saved: String,
    size: String,
    open: bool,
    /// The draft is in storage (the open one is not until its first change).
    stored: bool,
    damaged: bool,
}

/// The open draft's line, from the live state.
fn open_row(state: AppState, saved: String, size: String, stored: bool) -> Row {
    state.name.track();
    let jurisdiction = state
        .plan
        .with(|p| p.profile.as_ref().map(crate::labels::entity_name));
    Row {
        id: state.draft.get(),
        name: state.shown_name(),
        jurisdiction: jurisdiction.unwrap_or_else(|| "No proporcionado".to_owned()),
        saved,
        size,
        open: true,
        stored,
        damaged: false,
    }
}

/// The table's lines, most recently saved first; the open draft not stored
/// yet comes first.
fn rows(state: AppState) -> Vec<Row> {
    let open = state.draft.get();
    let index = state.drafts.get();
    let mut rows: Vec<Row> = index
        .by_recency()
        .into_iter()
        .map(|e| {
            let saved = labels::date_time(e.saved_at);
            let size = labels::kilobytes(e.size);
            if e.id == open && !e.damaged {
                open_row(state, saved, size, true)
            } else {
                Row {
                    id: e.id,
                    name: e.shown_name().to_owned(),
                    jurisdiction: e
                        .jurisdiction
                        .clone()
                        .unwrap_or_else(|| "No proporcionado".to_owned()),
                    saved,
                    size,
                    open: e.id == open,
                    stored: true,
                    damaged: e.damaged,
                }
            }
        })
        .collect();
    if !index.contains(open) {
        rows.insert(
            0,
            open_row(
                state,
                "Todavía no se guarda".to_owned(),
                "—".to_owned(),
                false,
            ),
        );
    }
    rows
}

/// Offers a stored draft's text as a file (the open one as it is now).
fn download_stored(state: AppState, id: DraftId) {
    if id == state.draft.get_untracked() {
        download_draft();
        return;
    }
    if let Ok(Some(raw)) = drafts::stored_whole_text(&browser::store(), id) {
        let file = match crate::persistence::decode(&raw) {
            Ok(env) => format!("{}.json", crate::export::file_stem(&env.plan)),
            Err(_) => "borrador-danado.json".to_owned(),
        };
        let _ = browser::download(raw.as_bytes(), &file, "application/json");
    }
}

#[component]
pub fn MyDraftsPage() -> impl IntoView {
    let state = use_app();
    let navigate = StoredValue::new(use_navigate());
    // What the last action did (`true`) or why it was not done (`false`).
    let notice = RwSignal::new(None::<(bool, String)>);
    let confirming = RwSignal::new(None::<Row>);
    // A second click while an action runs is ignored.
    let busy = StoredValue::new(false);
    let rows = Memo::new(move |_| rows(state));

    let tell = move |ok: bool, text: String| {
        notice.set(Some((ok, text)));
        request_animation_frame(|| focus_id(NOTICE_ID));
    };
    let go_to_tasks = move |message: String| {
        state.flash_on(paths::TASKS, message);
        navigate.with_value(|n| n(paths::TASKS, Default::default()));
    };
    let open = move |id: DraftId| {
        if busy.get_value() {
            return;
        }
        busy.set_value(true);
        match state.open_draft(id) {
            Ok(()) => go_to_tasks(format!("Se abrió el borrador «{}».", state.shown_name())),
            Err(e) => {
                busy.set_value(false);
                tell(false, e.message());
            }
        }
    };
    // A double click duplicates once: a second request for the same draft
    // within a second is ignored.
    let last_copy = StoredValue::new(None::<(DraftId, f64)>);
    let duplicate = move |id: DraftId| {
        let now = js_sys::Date::now();
        if last_copy
            .get_value()
            .is_some_and(|(last, at)| last == id && now - at < 1000.0)
        {
            return;
        }
        last_copy.set_value(Some((id, now)));
        match state.duplicate(id) {
            Ok(name) => tell(true, format!("Se creó «{name}». Aparece en la lista.")),
            Err(e) => tell(false, e.message()),
        }
    };
    let create = move |_| {
        if busy.get_value() {
            return;
        }
        busy.set_value(true);
        match state.create_draft() {
            Ok(()) => go_to_tasks(
                "Se creó un borrador nuevo, y es el que tiene abierto. Sus otros borradores siguen en «Mis borradores».".to_owned(),
            ),
            Err(e) => {
                busy.set_value(false);
                tell(false, e.message());
            }
        }
    };
    let delete = move |row: Row| {
        confirming.set(None);
        match state.delete_draft(row.id) {
            Ok(instead) => {
                let mut text = format!("Se eliminó el borrador «{}».", row.name);
                if row.open {
                    text.push_str(&match instead {
                        Some(name) => format!(" Ahora tiene abierto «{name}»."),
                        None => " Ahora tiene abierto un borrador nuevo, vacío.".to_owned(),
                    });
                }
                tell(true, text);
            }
            Err(e) => tell(false, e.message()),
        }
    };

    let notice_view = move || {
        notice.get().map(|(ok, text)| {
            if ok {
                view! {
                    <div class="banner banner--success" id=NOTICE_ID tabindex="-1" role="status">
                        <p class="banner__text">{text}</p>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="banner banner--warning" id=NOTICE_ID tabindex="-1" role="alert">
                        <p class="banner__text">{text}</p>
                    </div>
                }
                .into_any()
            }
        })
    };

    let confirm_view = move || {
        confirming.get().map(|row| {
            let open_text = row.open.then_some(
                " Es el borrador que tiene abierto: después se abrirá otro.",
            );
            let (for_delete, for_download) = (row.clone(), row.clone());
            view! {
                <div class="banner banner--warning" id=CONFIRM_ID tabindex="-1" role="alertdialog" aria-labelledby="confirmar-eliminar-titulo">
                    <h2 class="banner__title" id="confirmar-eliminar-titulo">
                        {format!("¿Eliminar el borrador «{}»?", row.name)}
                    </h2>
                    <p class="banner__text">
                        "Se borrará de este navegador y no se puede deshacer. Si quiere conservarlo, descárguelo antes."
                        {open_text}
                    </p>
                    <div class="button-group">
                        <button class="button button--warning" type="button" on:click=move |_| delete(for_delete.clone())>
                            "Sí, eliminar"
                        </button>
                        <button class="button button--secondary" type="button" on:click=move |_| {
                            download_stored(state, for_download.id)
                        }>"Descargar el borrador (JSON)"</button>
                        <button class="button-link" type="button" on:click=move |_| {
                            confirming.set(None);
                            request_animation_frame(|| focus_id("crear-borrador"));
                        }>"Cancelar"</button>
                    </div>
                </div>
            }
        })
    };

    let body = move || {
        rows.get()
            .into_iter()
            .map(|row| {
                let hidden = format!(" «{}»", row.name);
                let name_cell = {
                    let tag = if row.open {
                        Some(view! { <strong class="tag tag--blue">"Abierto"</strong> }.into_any())
                    } else if row.damaged {
                        Some(view! { <strong class="tag tag--red">"No se pudo leer"</strong> }.into_any())
                    } else {
                        None
                    };
                    view! { <span class="drafts__name">{row.name.clone()}</span> " " {tag} }
                };
                let id = row.id;
                let open_action = (!row.open).then(|| {
                    let hidden = hidden.clone();
                    view! {
                        <li><button class="button-link" type="button" on:click=move |_| open(id)>
                            "Abrir"<span class="visually-hidden">{hidden}</span>
                        </button></li>
                    }
                });
                let continue_action = row.open.then(|| {
                    view! { <li><a href=paths::TASKS>"Continuar"<span class="visually-hidden">" con el borrador abierto"</span></a></li> }
                });
                let rename_action = (row.open || !row.damaged).then(|| {
                    let hidden = hidden.clone();
                    view! {
                        <li><a href=paths::draft_name(id)>
                            "Cambiar el nombre"<span class="visually-hidden">{hidden}</span>
                        </a></li>
                    }
                });
                let duplicate_action = (row.stored && !row.damaged).then(|| {
                    let hidden = hidden.clone();
                    view! {
                        <li><button class="button-link" type="button" on:click=move |_| duplicate(id)>
                            "Duplicar"<span class="visually-hidden">{hidden}</span>
                        </button></li>
                    }
                });
                let delete_action = row.stored.then(|| {
                    let for_confirm = row.clone();
                    view! {
                        <li><button class="button-link" type="button" on:click=move |_| {
                            confirming.set(Some(for_confirm.clone()));
                            request_animation_frame(|| focus_id(CONFIRM_ID));
                        }>
                            "Eliminar"<span class="visually-hidden">{hidden.clone()}</span>
                        </button></li>
                    }
                });
                view! {
                    <tr class="table__row">
                        <th scope="row" class="table__cell">{name_cell}</th>
                        <td class="table__cell" data-label="Jurisdicción">{row.jurisdiction.clone()}</td>
                        <td class="table__cell" data-label="Guardado por última vez">{row.saved.clone()}</td>
                        <td class="table__cell table__cell--numeric" data-label="Tamaño">{row.size.clone()}</td>
                        <td class="table__cell table__cell--actions">
                            <ul class="actions-list">
                                {continue_action}{open_action}{rename_action}{duplicate_action}{delete_action}
                            </ul>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };

    let repaired = move || {
        state.index_repair.get().map(|_| {
            view! {
                <div class="inset">
                    "La lista de borradores de este navegador estaba dañada. La volvimos a armar con los borradores guardados: no se perdió ninguno."
                </div>
            }
        })
    };
    let memory_only = (!browser::available()).then(|| {
        view! {
            <div class="warning-text">
                <strong>"Este navegador no permite guardar datos: estos borradores solo existen en esta pestaña y se pierden al cerrarla. Descárguelos antes."</strong>
            </div>
        }
    });

    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <PageHeading text="Mis borradores" />
        <div class="grid-two-thirds">
            <p class="body">
                "Estos son los borradores guardados en este navegador. Puede tener varios, por ejemplo uno por cada plan o una copia para probar cambios. Solo se pueden abrir en este equipo y en este navegador: para llevar uno a otro equipo, ábralo y descárguelo."
            </p>
            {memory_only}
            {repaired}
        </div>
        {notice_view}
        {confirm_view}
        <table class="table drafts">
            <caption class="table__caption">"Borradores en este navegador"</caption>
            <thead>
                <tr>
                    <th scope="col" class="table__header">"Nombre"</th>
                    <th scope="col" class="table__header">"Jurisdicción"</th>
                    <th scope="col" class="table__header">"Guardado por última vez"</th>
                    <th scope="col" class="table__header table__header--numeric">"Tamaño"</th>
                    <th scope="col" class="table__header"><span class="visually-hidden">"Acciones"</span></th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
        <div class="button-group">
            <button class="button button--secondary" type="button" id="crear-borrador" on:click=create>
                "Crear un borrador nuevo"
            </button>
            <a class="link" href=paths::OPEN>"Abrir un borrador desde un archivo"</a>
            <a class="link" href=paths::COMPARE>"Comparar versiones"</a>
        </div>
        <EraseAllData />
    }
}

/// "¿Usa una computadora compartida?" with "Borrar todos mis datos de este
/// equipo" and its confirmation (on the task list and on "Mis borradores").
#[component]
pub fn EraseAllData() -> impl IntoView {
    let state = use_app();
    let confirming = RwSignal::new(false);
    let several = move || state.drafts.with(|d| d.drafts.len() > 1);
    view! {
        <h2 class="heading-m">"¿Usa una computadora compartida?"</h2>
        <p class="body">
            "Al terminar, descargue sus borradores y borre sus datos de este equipo para que nadie más pueda verlos."
        </p>
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <div class="button-group">
                    <button class="button button--warning" type="button" on:click=move |_| {
                        confirming.set(true);
                        request_animation_frame(|| focus_id("confirmar-borrado"));
                    }>"Borrar todos mis datos de este equipo"</button>
                </div>
            }
        >
            <div class="banner banner--warning" id="confirmar-borrado" tabindex="-1" role="alertdialog" aria-labelledby="confirmar-borrado-titulo">
                <h2 class="banner__title" id="confirmar-borrado-titulo">"¿Borrar todos sus datos de este equipo?"</h2>
                <p class="banner__text">
                    {move || if several() {
                        "Se borrarán todos sus borradores, incluidas las respuestas del diagnóstico, de este navegador. No se puede deshacer. Si quiere conservarlos, descárguelos antes desde «Mis borradores»."
                    } else {
                        "Se borrará su borrador, incluidas las respuestas del diagnóstico, de este navegador. No se puede deshacer. Si quiere conservarlo, descárguelo antes."
                    }}
                </p>
                <div class="button-group">
                    <button class="button button--warning" type="button" on:click=move |_| state.erase_everything()>"Sí, borrar mis datos"</button>
                    <button class="button button--secondary" type="button" on:click=move |_| download_draft()>"Descargar borrador (JSON)"</button>
                    <button class="button-link" type="button" on:click=move |_| confirming.set(false)>"Cancelar"</button>
                </div>
            </div>
        </Show>
    }
}

/// `/borradores/{id}/nombre`: a draft's own name.
#[component]
pub fn RenameDraftPage() -> impl IntoView {
    remount_on(
        &["id"],
        |params| view! { <RenameForm raw=params[0].clone() /> },
    )
}

#[component]
fn RenameForm(raw: String) -> impl IntoView {
    let state = use_app();
    let open = state.draft.get_untracked();
    let found = DraftId::parse(&raw).and_then(|id| {
        if id == open {
            Some((id, state.draft_name()))
        } else {
            state.drafts.with_untracked(|ix| {
                ix.get(id)
                    .filter(|e| !e.damaged)
                    .map(|e| (id, e.name.clone()))
            })
        }
    });
    let Some((id, current)) = found else {
        return view! { <NotFound /> }.into_any();
    };
    let field = Field::Named(Named::DraftName);
    let form = Form::new([(field.key().to_owned(), current.clone())].into());
    let failure = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let busy = StoredValue::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_value() {
            return;
        }
        failure.set(None);
        match drafts::parse_name(&form.value_untracked(field.key())) {
            Err(errors) => form.show_errors(errors),
            Ok(name) => {
                form.errors.set(Vec::new());
                match state.rename(id, name.clone()) {
                    Ok(()) => {
                        busy.set_value(true);
                        state.flash_on(
                            paths::DRAFTS,
                            format!("El borrador ahora se llama «{name}»."),
                        );
                        navigate(paths::DRAFTS, Default::default());
                    }
                    Err(e) => {
                        failure.set(Some(e.message()));
                        request_animation_frame(|| focus_id("fallo-nombre"));
                    }
                }
            }
        }
    };
    let caption = if current.is_empty() {
        crate::labels::UNNAMED_DRAFT.to_owned()
    } else {
        current
    };
    view! {
        <BackLink href=paths::DRAFTS text="Regresar a Mis borradores" />
        <div class="grid-two-thirds">
            <ErrorSummary form=form />
            {move || failure.get().map(|text| view! {
                <div class="banner banner--warning" id="fallo-nombre" tabindex="-1" role="alert">
                    <p class="banner__text">{text}</p>
                </div>
            })}
            <PageHeading text="Cambiar el nombre del borrador" caption=caption has_errors=Signal::derive(move || form.has_errors()) />
            <form novalidate on:submit=submit>
                <TextField
                    form=form
                    field=field
                    label="Nombre del borrador"
                    hint="Le ayuda a reconocerlo en «Mis borradores». No cambia el nombre del plan que aparece en el PDF."
                />
                <div class="button-group">
                    <button class="button" type="submit">"Guardar el nombre"</button>
                    <a class="link" href=paths::DRAFTS>"Cancelar"</a>
                </div>
            </form>
        </div>
    }
    .into_any()
}
