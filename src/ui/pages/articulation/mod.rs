//! "Articulación nacional" (`/articulacion`, its own bundle): many local
//! plans read from files, kept in this browser apart from the drafts, and
//! shown together: the seed commitment's indicator and the articulation
//! matrix per national list, the counts per state (the map's table
//! alternative), with filters. The rules are in `domain::articulation`; a
//! file is read as «Abrir un borrador» reads it (`messages::articulation`).

mod coverage;
pub mod examples;
mod map;
mod practices;
mod progress;

use leptos::prelude::*;

use crate::catalog;
use crate::domain::articulation::index::{Filters, Index, Level, NationalRef, View};
use crate::domain::articulation::progress::{progress_view, Reports};
use crate::domain::articulation::replicate::{replicate, source, Replicated};
use crate::domain::articulation::stored::{self, StoredError};
use crate::domain::articulation::{FileOutcome, FileReport, LoadedPlan, PlanKey, PlanSet};
use crate::export::content::articulation_csv::{self as csv, articulation_csv};
use crate::export::content::articulation_document::{self as report, articulation_document};
use crate::export::job::Prepared;
use crate::labels::{self, thousands};
use crate::messages::articulation as words;
use crate::persistence::browser::{self, StorageError};
use crate::persistence::drafts::KeyValue;
use crate::persistence::idb;
use crate::persistence::max_file_bytes;
use crate::state::use_app;
use crate::ui::form::focus_id;
use crate::ui::paths;
use crate::ui::pdf_client::{Export, ExportStatus};
use crate::ui::section;
use crate::ui::shell::{BackLink, PageHeading};
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

/// Where the set is kept: IndexedDB (`idb::DATABASE`), this object store,
/// one record per plan under its [`PlanKey`] ([`stored::encode_record`]).
/// Why not localStorage: it holds about 5 million characters per site,
/// shared with the drafts, and a few hundred plans are tens of megabytes.
const STORE: &str = "articulacion";

/// The set's key in localStorage before it moved to IndexedDB: a set found
/// there is moved once, then the key is removed. Under the app's prefix, so
/// «Borrar todos mis datos de este equipo» removes it too.
pub const STORAGE_KEY: &str = "plan-local-ga/articulacion";

/// Plans per IndexedDB transaction: when storage fills up, the batches
/// already written stay.
const BATCH: usize = 100;

/// Rows drawn at first in the long tables (the plans added, each matrix):
/// a national coordinator's hundreds or thousands of plans would take
/// seconds to draw on every change, and nobody reads them all on screen.
/// «Mostrar todos» draws the rest; the filters, the CSV and the PDF always
/// cover every plan.
const FIRST_ROWS: usize = 100;

/// The class of a table's scrolling box: a table of more than
/// [`LONG_TABLE`] rows is laid out only when on screen (`table-scroll--long`:
/// CSS `content-visibility: auto`). With 500 plans, laying out the tables
/// below the filters took most of a filter change's time; a short table
/// gains nothing from it.
pub(crate) fn scroll_class(rows: usize) -> &'static str {
    if rows > LONG_TABLE {
        "table-scroll table-scroll--long"
    } else {
        "table-scroll"
    }
}

/// See [`scroll_class`].
const LONG_TABLE: usize = 30;

const INPUT_ID: &str = "archivos-planes";
const RESULT_ID: &str = "resultado-agregar";
const PLANS_ID: &str = "planes-agregados";
const CONFIRM_ID: &str = "confirmar-quitar-todos";
const CLEAR_ID: &str = "quitar-todos";

/// Why the set is not (or not all) in storage.
fn storage_message(e: &StorageError) -> &'static str {
    match e {
        StorageError::QuotaExceeded => words::STORAGE_FULL,
        _ => words::STORAGE_FAILED,
    }
}

/// A place in the set for the records written now: after every record
/// written before, in this session or an earlier one (milliseconds since
/// 1970, times 1,000, plus the plan's position in the batch).
fn order_base() -> u64 {
    (js_sys::Date::now().max(0.0) as u64).saturating_mul(1000)
}

/// Resolves after the browser has painted the next frame, so that the work
/// that follows does not delay what the person is waiting to see.
async fn after_next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let next = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(resolve.unchecked_ref());
            }
        });
        let _ = w.request_animation_frame(next.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Stores the plans of `keys` (in the set now), a batch at a time, each
/// batch encoded just before it is written (the page stays responsive).
async fn store_plans(set: RwSignal<PlanSet>, keys: &[PlanKey]) -> Result<(), StorageError> {
    let base = order_base();
    for (b, chunk) in keys.chunks(BATCH).enumerate() {
        let records: Vec<(String, String)> = set.with_untracked(|s| {
            chunk
                .iter()
                .enumerate()
                .filter_map(|(i, key)| {
                    let order = base + (b * BATCH + i) as u64;
                    s.get(key)
                        .map(|p| (key.0.clone(), stored::encode_record(order, p)))
                })
                .collect()
        });
        let (_, result) = idb::put_all(idb::DATABASE, STORE, &records, BATCH).await;
        result?;
    }
    // A plan removed while the others were being written: its record goes too.
    let gone: Vec<String> = set.with_untracked(|s| {
        keys.iter()
            .filter(|k| s.get(k).is_none())
            .map(|k| k.0.clone())
            .collect()
    });
    if gone.is_empty() {
        Ok(())
    } else {
        idb::delete(idb::DATABASE, STORE, &gone).await
    }
}

/// The set kept in this browser, and what to tell about it. A set still in
/// localStorage (written before the move to IndexedDB) is moved.
async fn load() -> (PlanSet, Option<String>) {
    let mut problem = None;
    let mut set = match idb::get_all(idb::DATABASE, STORE).await {
        Ok(records) => {
            let r = stored::decode_records(records);
            if r.unreadable > 0 {
                problem = Some(words::stored_plans_unreadable(r.unreadable));
            }
            r.set
        }
        Err(e) => {
            problem = Some(storage_message(&e).to_owned());
            PlanSet::new()
        }
    };
    if let Ok(Some(text)) = browser::store().get(STORAGE_KEY) {
        let older = match stored::decode(&text) {
            Ok(r) => {
                if r.unreadable > 0 {
                    problem = Some(words::stored_plans_unreadable(r.unreadable));
                }
                r.set
            }
            Err(StoredError::Newer { .. }) => {
                problem = Some(words::STORED_NEWER.to_owned());
                PlanSet::new()
            }
            Err(StoredError::NotASet) => {
                problem = Some(words::STORED_UNREADABLE.to_owned());
                PlanSet::new()
            }
        };
        let base = order_base();
        let records: Vec<(String, String)> = older
            .plans()
            .iter()
            .enumerate()
            .map(|(i, p)| (p.key.0.clone(), stored::encode_record(base + i as u64, p)))
            .collect();
        for p in older.plans() {
            set.add(p.clone());
        }
        // The older copy goes only once the plans are in IndexedDB.
        match idb::put_all(idb::DATABASE, STORE, &records, BATCH).await {
            (_, Ok(())) => {
                let _ = browser::store().remove(STORAGE_KEY);
            }
            (_, Err(e)) => problem = Some(storage_message(&e).to_owned()),
        }
    }
    (set, problem)
}

/// Files whose reading is started together: the browser reads the next
/// ones while this page decodes one, rather than waiting for each file in
/// turn, without holding every file's bytes at once.
const READ_AHEAD: usize = 32;

/// Reads the chosen files, in order, each into a plan or the reason it
/// cannot be used.
async fn read_all(files: Vec<web_sys::File>) -> Vec<(String, Result<crate::domain::Plan, String>)> {
    let mut out = Vec::with_capacity(files.len());
    for chunk in files.chunks(READ_AHEAD) {
        // Started here, awaited below (a Rust future would start only when awaited).
        let started: Vec<(String, usize, Option<wasm_bindgen_futures::JsFuture>)> = chunk
            .iter()
            .map(|file| {
                let name = file.name();
                let max = max_file_bytes(&name);
                let read = (file.size() <= max as f64)
                    .then(|| wasm_bindgen_futures::JsFuture::from(file.array_buffer()));
                (name, file.size() as usize, read)
            })
            .collect();
        for (name, size, read) in started {
            let max = max_file_bytes(&name);
            let result = match read {
                None => Err(words::too_large(size, max)),
                Some(read) => match read.await {
                    Ok(buffer) => words::read_plan(&js_sys::Uint8Array::new(&buffer).to_vec()),
                    Err(_) => Err(words::unreadable()),
                },
            };
            out.push((name, result));
        }
    }
    out
}

/// One file not added, as the page lists it.
#[derive(Clone, PartialEq)]
struct NotAdded {
    file: String,
    reason: String,
}

/// A loaded plan as its row in the list.
fn plan_cells(p: &LoadedPlan) -> (String, String, String, String) {
    let profile = p.plan.profile.as_ref();
    let makers = profile.map_or_else(|| "No proporcionado".to_owned(), labels::entity_name);
    let states = profile
        .map(|pr| {
            let mut names: Vec<&str> = Vec::new();
            for m in pr.jurisdictions.members() {
                if let Some(s) = m.code().and_then(|c| c.get(..2)).and_then(catalog::state) {
                    if !names.contains(&s.name) {
                        names.push(s.name);
                    }
                }
            }
            if names.is_empty() {
                "Nacional".to_owned()
            } else {
                names.join(", ")
            }
        })
        .unwrap_or_else(|| "No proporcionado".to_owned());
    let period = profile.map_or_else(|| "No proporcionado".to_owned(), |pr| pr.period.to_string());
    (p.plan.display_name().to_owned(), makers, states, period)
}

fn level_label(level: Level) -> &'static str {
    match level {
        Level::Estado => "Estatal",
        Level::Municipio => "Municipal o de alcaldía",
        Level::Federacion => "Federación (plan nacional)",
    }
}

/// "2 R · 1 C"; a dash (read as "0") when none.
fn cell(replica: usize, complementa: usize) -> AnyView {
    let text = match (replica, complementa) {
        (0, 0) => None,
        (r, 0) => Some(format!("{r} R")),
        (0, c) => Some(format!("{c} C")),
        (r, c) => Some(format!("{r} R · {c} C")),
    };
    match text {
        Some(t) => view! { <span>{t}</span> }.into_any(),
        None => view! {
            <span aria-hidden="true">"–"</span>
            <span class="visually-hidden">"0"</span>
        }
        .into_any(),
    }
}

#[component]
pub fn ArticulationPage() -> impl IntoView {
    let set = RwSignal::new(PlanSet::new());
    let storage_problem = RwSignal::new(None::<String>);
    // The set kept in this browser comes back from IndexedDB (asynchronous):
    // until then the list says it is being read. Plans added meanwhile stay,
    // after the ones kept.
    let restoring = RwSignal::new(true);
    leptos::task::spawn_local(async move {
        let (kept, problem) = load().await;
        set.update(|s| {
            let added = std::mem::replace(s, kept);
            for p in added.plans() {
                s.add(p.clone());
            }
        });
        if problem.is_some() {
            storage_problem.set(problem);
        }
        restoring.set(false);
    });
    let index = Memo::new(move |_| set.with(Index::build));
    let filters = RwSignal::new(Filters::default());
    let view_of = Memo::new(move |_| index.with(|i| filters.with(|f| i.view(f))));
    // The map and its table show every state under the other filters (the
    // state chosen is marked, not alone), so another state can be chosen.
    let states_view = Memo::new(move |_| {
        index.with(|i| {
            filters.with(|f| {
                if f.state.is_none() {
                    view_of.get()
                } else {
                    i.view(&Filters {
                        state: None,
                        ..f.clone()
                    })
                }
            })
        })
    });

    let summary = RwSignal::new(None::<String>);
    let not_added = RwSignal::new(Vec::<NotAdded>::new());
    let notice = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let busy = StoredValue::new(false);

    // Keeps what changed in this browser, after the page has shown it.
    let stored_result = move |result: Result<(), StorageError>| {
        storage_problem.set(result.err().map(|e| storage_message(&e).to_owned()));
    };

    // A filter that names a state, level or commitment no longer present
    // goes back to "all" (after a plan is removed).
    let tidy_filters = move || {
        let (states, years, national_kept) = index.with_untracked(|i| {
            let national = filters.with_untracked(|f| f.national);
            (
                i.states_present(),
                i.years_present(),
                national.is_none_or(|n| i.entry(n).is_some()),
            )
        });
        filters.update(|f| {
            if f.state
                .as_ref()
                .is_some_and(|s| !states.contains(&s.as_str()))
            {
                f.state = None;
            }
            if !national_kept {
                f.national = None;
            }
            if f.year.is_some_and(|y| !years.contains(&y)) {
                f.year = None;
            }
        });
    };

    let on_files = move |ev: web_sys::Event| {
        let Some(input) = crate::ui::form::file_input(&ev) else {
            return;
        };
        let files = crate::ui::form::files_of(&input);
        if files.is_empty() || busy.get_value() {
            return;
        }
        busy.set_value(true);
        notice.set(None);
        leptos::task::spawn_local(async move {
            let read_files = read_all(files).await;
            let mut reports: Vec<FileReport> = Vec::new();
            set.update(|s| reports = s.add_files(read_files));
            let added = reports.iter().filter(|r| r.is_added()).count();
            let listed: Vec<NotAdded> = set.with_untracked(|s| {
                reports
                    .iter()
                    .filter_map(|r| {
                        let first = match &r.outcome {
                            FileOutcome::Duplicate { key, .. } => {
                                s.get(key).map(|p| p.plan.display_name().to_owned())
                            }
                            _ => None,
                        };
                        words::not_added(r, first.as_deref()).map(|reason| NotAdded {
                            file: r.file_name.clone(),
                            reason,
                        })
                    })
                    .collect()
            });
            summary.set(Some(words::added_summary(added, listed.len())));
            not_added.set(listed);
            // The same files can be chosen again.
            input.set_value("");
            busy.set_value(false);
            request_animation_frame(|| focus_id(RESULT_ID));
            if added > 0 {
                let keys: Vec<PlanKey> = reports
                    .into_iter()
                    .filter_map(|r| match r.outcome {
                        FileOutcome::Added { key } => Some(key),
                        _ => None,
                    })
                    .collect();
                after_next_frame().await;
                stored_result(store_plans(set, &keys).await);
            }
        });
    };

    let remove = move |key: PlanKey, name: String| {
        set.update(|s| {
            s.remove(&key);
        });
        leptos::task::spawn_local(async move {
            stored_result(idb::delete(idb::DATABASE, STORE, &[key.0]).await);
        });
        tidy_filters();
        notice.set(Some(format!("Se quitó el plan «{name}» de la lista.")));
        request_animation_frame(|| focus_id(PLANS_ID));
    };

    let clear_all = move || {
        set.update(PlanSet::clear);
        leptos::task::spawn_local(async move {
            stored_result(idb::clear(idb::DATABASE, STORE).await);
        });
        filters.set(Filters::default());
        confirming.set(false);
        summary.set(None);
        not_added.set(Vec::new());
        notice.set(Some("Se quitaron todos los planes de la lista.".to_owned()));
        request_animation_frame(|| focus_id(PLANS_ID));
    };

    let result_view = move || {
        summary.get().map(|text| {
            let errors = not_added.get();
            let list = (!errors.is_empty()).then(|| {
                let items = errors
                    .into_iter()
                    .map(|e| {
                        view! {
                            <li><strong>{e.file}</strong>": "{e.reason}</li>
                        }
                    })
                    .collect_view();
                view! {
                    <h3 class="heading-s">"Archivos que no se agregaron"</h3>
                    <ul class="list list--bullet">{items}</ul>
                }
            });
            let class = if list.is_some() {
                "banner"
            } else {
                "banner banner--success"
            };
            view! {
                <div class=class id=RESULT_ID tabindex="-1" role="status" aria-labelledby="resultado-agregar-titulo">
                    <h2 class="banner__title" id="resultado-agregar-titulo">{text}</h2>
                    {list}
                </div>
            }
        })
    };

    let storage_view = move || {
        storage_problem.get().map(|text| {
            view! {
                <div class="banner" role="alert"><p class="banner__text">{text}</p></div>
            }
        })
    };

    let all_plans = RwSignal::new(false);
    let plans_view = move || {
        let limit = if all_plans.get() {
            usize::MAX
        } else {
            FIRST_ROWS
        };
        let rows = set.with(|s| {
            s.plans()
                .iter()
                .take(limit)
                .map(|p| {
                    let (name, makers, states, period) = plan_cells(p);
                    let key = p.key.clone();
                    let for_remove = name.clone();
                    let commitments = p.plan.commitments.len();
                    let file = p.file_name.clone();
                    view! {
                        <tr class="table__row">
                            <th scope="row" class="table__header">{name.clone()}</th>
                            <td class="table__cell">{makers}</td>
                            <td class="table__cell">{states}</td>
                            <td class="table__cell">{period}</td>
                            <td class="table__cell">{commitments}</td>
                            <td class="table__cell">{file}</td>
                            <td class="table__cell table__cell--actions">
                                <button class="button-link" type="button" on:click=move |_| remove(key.clone(), for_remove.clone())>
                                    "Quitar"<span class="visually-hidden">{format!(" «{name}»")}</span>
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        });
        let count = set.with(PlanSet::len);
        if count == 0 && restoring.get() {
            return view! {
                <p class="body">"Leyendo la lista de planes guardada en este navegador…"</p>
            }
            .into_any();
        }
        if count == 0 {
            return view! {
                <p class="body">"Todavía no ha agregado planes. Agregue los archivos de los planes arriba."</p>
            }
            .into_any();
        }
        view! {
            <div class=scroll_class(count) tabindex="0" role="region" aria-label="Planes agregados">
                <table class="table">
                    <caption class="table__caption">{format!("{} en la lista", plans_count(count))}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="table__header">"Plan"</th>
                            <th scope="col" class="table__header">"Jurisdicción"</th>
                            <th scope="col" class="table__header">"Estado"</th>
                            <th scope="col" class="table__header">"Periodo"</th>
                            <th scope="col" class="table__header">"Compromisos"</th>
                            <th scope="col" class="table__header">"Archivo"</th>
                            <th scope="col" class="table__header"><span class="visually-hidden">"Acciones"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {more_rows("mostrar-planes".to_owned(), count, "planes", all_plans)}
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <div class="button-group">
                        <button class="button button--warning" id=CLEAR_ID type="button" on:click=move |_| {
                            confirming.set(true);
                            request_animation_frame(|| focus_id(CONFIRM_ID));
                        }>"Quitar todos"</button>
                    </div>
                }
            >
                <div class="banner banner--warning" id=CONFIRM_ID tabindex="-1" role="alertdialog" aria-labelledby="confirmar-quitar-todos-titulo">
                    <h2 class="banner__title" id="confirmar-quitar-todos-titulo">"¿Quitar todos los planes de la lista?"</h2>
                    <p class="banner__text">
                        "Se quitarán de este navegador. Sus archivos no cambian: puede agregarlos de nuevo cuando quiera. Sus borradores tampoco cambian."
                    </p>
                    <div class="button-group">
                        <button class="button button--warning" type="button" on:click=move |_| clear_all()>"Sí, quitar todos"</button>
                        <button class="button-link" type="button" on:click=move |_| {
                            confirming.set(false);
                            request_animation_frame(|| focus_id(CLEAR_ID));
                        }>"Cancelar"</button>
                    </div>
                </div>
            </Show>
        }
        .into_any()
    };

    let notice_view = move || {
        notice.get().map(|text| {
            view! { <div class="banner banner--success" role="status"><p class="banner__text">{text}</p></div> }
        })
    };

    view! {
        <BackLink href=paths::START text="Regresar al inicio" />
        <div class="grid-two-thirds">
            <PageHeading text="Articulación nacional" />
            <p class="lead">
                "Reúna en una sola vista los planes locales de gobierno abierto que recibió, para saber qué compromisos del Plan de Acción Nacional replican o complementan los estados y municipios, y dónde."
            </p>
            <p class="body">
                "Agregue los archivos de los planes: el borrador (.json) que se descarga con «Descargar borrador (JSON)» o el PDF que se exporta con esta herramienta, que lleva el borrador dentro. Puede agregar muchos a la vez. La lista se guarda solo en este navegador, aparte de sus borradores, y nadie más puede verla."
            </p>
            <details class="details">
                <summary class="details__summary">"¿Qué se cuenta?"</summary>
                <div class="details__text">
                    <p class="body">
                        "El indicador del compromiso de articulación del 4º Plan de Acción Nacional es el número de acciones de gobierno abierto en lo local que replican o complementan compromisos del plan nacional. Aquí, cada acción es un compromiso de un plan local cuya alineación dice que replica o complementa un compromiso nacional. Las acciones clave de un compromiso no se cuentan aparte."
                    </p>
                    <p class="body">
                        "Los planes alineados a listas nacionales distintas se cuentan por separado. Un plan hecho por una coalición cuenta en el estado de cada integrante. El plan nacional que hace la federación aparece en su propia fila y no cuenta como acción local."
                    </p>
                    <p class="body">
                        "Si agrega dos veces el mismo plan (el mismo nombre, jurisdicción y periodo), se conserva el primero."
                    </p>
                </div>
            </details>

            <h2 class="heading-m">"Agregar planes"</h2>
            <div class="form-group">
                <label class="label" for=INPUT_ID>"Archivos de los planes (.json o .pdf)"</label>
                <p class="hint" id="archivos-planes-ayuda">
                    "Puede elegir varios archivos a la vez, o arrastrarlos sobre el botón. Los archivos que no sean planes de esta herramienta se señalan y los demás se agregan."
                </p>
                <input
                    class="file-upload"
                    id=INPUT_ID
                    name=INPUT_ID
                    type="file"
                    multiple=true
                    accept=".json,.pdf,application/json,application/pdf"
                    aria-describedby="archivos-planes-ayuda"
                    on:change=on_files
                />
            </div>
            {result_view}
            {storage_view}
        </div>

        <h2 class="heading-m" id=PLANS_ID tabindex="-1">"Planes agregados"</h2>
        {notice_view}
        {plans_view}

        {move || (!set.with(PlanSet::is_empty)).then(|| view! {
            <FiltersForm index=index filters=filters />
            <Results set=set index=index view=view_of states=states_view filters=filters />
        })}

        <practices::GoodPractices set=set />
    }
}

/// Below a table drawn in part (or drawn whole on request): how many rows
/// it shows, and the button that draws them all or only the first ones. The
/// button stays in its place, so the focus does too.
/// `id`: the button's (it gets the focus again when the table is redrawn).
fn more_rows(id: String, total: usize, what: &'static str, all: RwSignal<bool>) -> impl IntoView {
    (total > FIRST_ROWS).then(|| {
        let text = move || {
            if all.get() {
                format!("Se muestran los {} {what}.", thousands(total))
            } else {
                format!(
                    "Se muestran los primeros {} de {} {what}. Use los filtros para ver otros, o muéstrelos todos (con muchos, la página tarda más en cambiar).",
                    thousands(FIRST_ROWS),
                    thousands(total)
                )
            }
        };
        let label = move || {
            if all.get() {
                format!("Mostrar solo los primeros {}", thousands(FIRST_ROWS))
            } else {
                format!("Mostrar los {} {what}", thousands(total))
            }
        };
        view! {
            <p class="hint">{text}" "
                <button class="button-link" type="button" id=id.clone() on:click=move |_| {
                    all.update(|a| *a = !*a);
                    let id = id.clone();
                    request_animation_frame(move || focus_id(&id));
                }>{label}</button>
            </p>
        }
    })
}

fn plans_count(n: usize) -> String {
    match n {
        1 => "1 plan".to_owned(),
        n => format!("{} planes", thousands(n)),
    }
}

/// The three filters, applied as soon as one changes.
#[component]
fn FiltersForm(index: Memo<Index>, filters: RwSignal<Filters>) -> impl IntoView {
    let state_options = move || {
        // Every state, as on the map (one without plans shows zeros).
        catalog::STATES
            .iter()
            .map(|s| {
                let code = s.code;
                view! {
                    <option value=code selected=move || filters.with(|f| f.state.as_deref() == Some(code))>{s.name}</option>
                }
            })
            .collect_view()
    };
    let level_options = Level::ALL
        .into_iter()
        .map(|l| {
            view! {
                <option value=l.key() selected=move || filters.with(|f| f.level == Some(l))>{level_label(l)}</option>
            }
        })
        .collect_view();
    let national_options = move || {
        index.with(|i| {
            i.groups
                .iter()
                .enumerate()
                .map(|(g, group)| {
                    let options = group
                        .entries
                        .iter()
                        .enumerate()
                        .map(|(e, entry)| {
                            let r = NationalRef { group: g, entry: e };
                            let text = if entry.title.is_empty() {
                                entry.id.clone()
                            } else {
                                format!("{} · {}", entry.id, entry.title)
                            };
                            view! {
                                <option value=format!("{g}-{e}") selected=move || filters.with(|f| f.national == Some(r))>{text}</option>
                            }
                        })
                        .collect_view();
                    view! { <optgroup label=group.name.clone()>{options}</optgroup> }
                })
                .collect_view()
        })
    };
    let parse_ref = |v: &str| -> Option<NationalRef> {
        let (g, e) = v.split_once('-')?;
        Some(NationalRef {
            group: g.parse().ok()?,
            entry: e.parse().ok()?,
        })
    };
    let year_options = move || {
        index.with(|i| {
            i.years_present()
                .into_iter()
                .map(|y| {
                    view! {
                        <option value=y.to_string() selected=move || filters.with(|f| f.year == Some(y))>{y.to_string()}</option>
                    }
                })
                .collect_view()
        })
    };
    let sdg_options = catalog::SDG_GOALS
        .iter()
        .map(|g| {
            let n = g.number;
            view! {
                <option value=n.to_string() selected=move || filters.with(|f| f.sdg_goal == Some(n))>{format!("ODS {n}. {}", g.short_es)}</option>
            }
        })
        .collect_view();
    let any = move || filters.with(|f| *f != Filters::default());
    view! {
        <h2 class="heading-m">"Filtrar"</h2>
        <p class="body">"Los cuadros de abajo cambian en cuanto elige una opción."</p>
        <div class="filters">
            <div class="form-group">
                <label class="label" for="filtro-estado">"Estado"</label>
                <select class="select" id="filtro-estado" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filters.update(|f| f.state = (!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=move || filters.with(|f| f.state.is_none())>"Todos los estados"</option>
                    {state_options}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="filtro-nivel">"Nivel de gobierno"</label>
                <select class="select" id="filtro-nivel" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filters.update(|f| f.level = Level::from_key(&v));
                }>
                    <option value="" selected=move || filters.with(|f| f.level.is_none())>"Todos los niveles"</option>
                    {level_options}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="filtro-compromiso">"Compromiso nacional"</label>
                <select class="select" id="filtro-compromiso" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filters.update(|f| f.national = parse_ref(&v));
                }>
                    <option value="" selected=move || filters.with(|f| f.national.is_none())>"Todos los compromisos nacionales"</option>
                    {national_options}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="filtro-periodo">"Periodo: planes vigentes en"</label>
                <select class="select" id="filtro-periodo" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filters.update(|f| f.year = v.parse().ok());
                }>
                    <option value="" selected=move || filters.with(|f| f.year.is_none())>"Todos los años"</option>
                    {year_options}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="filtro-ods">"Objetivo de Desarrollo Sostenible"</label>
                <select class="select" id="filtro-ods" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filters.update(|f| f.sdg_goal = v.parse().ok());
                }>
                    <option value="" selected=move || filters.with(|f| f.sdg_goal.is_none())>"Todos los ODS"</option>
                    {sdg_options}
                </select>
            </div>
        </div>
        <Show when=any>
            <p><button class="button button--secondary" type="button" on:click=move |_| {
                filters.set(Filters::default());
                request_animation_frame(|| focus_id("filtro-estado"));
            }>"Quitar los filtros"</button></p>
        </Show>
    }
}

/// The indicator, the matrix per national list, and the table per state.
#[component]
fn Results(
    set: RwSignal<PlanSet>,
    index: Memo<Index>,
    view: Memo<View>,
    states: Memo<View>,
    filters: RwSignal<Filters>,
) -> impl IntoView {
    let totals = move || {
        let v = view.get();
        let t = v.totals;
        let local = match t.local_plans {
            1 => "1 plan local".to_owned(),
            n => format!("{} planes locales", thousands(n)),
        };
        let federal = (v.federal_plans > 0).then(|| match v.federal_plans {
            1 => " Además, 1 plan nacional de la federación.".to_owned(),
            n => format!(
                " Además, {} planes nacionales de la federación.",
                thousands(n)
            ),
        });
        view! {
            <p class="body" id="indicador-total">
                <strong>{format!("{} acciones locales", thousands(t.counts.actions()))}</strong>
                {format!(
                    " replican o complementan compromisos del Plan de Acción Nacional: {} replican y {} complementan. Vienen de {local}, con {} compromisos en total.",
                    thousands(t.counts.replica),
                    thousands(t.counts.complementa),
                    thousands(t.commitments),
                )}
                {federal}
            </p>
        }
    };

    // Each commitment's progress, read once per set; the filters only add
    // them up again.
    let reports = Memo::new(move |_| set.with(Reports::read));
    let pdf = Export::new();
    let download_problem = RwSignal::new(None::<&'static str>);
    let replicate_problem = RwSignal::new(None::<&'static str>);
    let state = use_app();
    let navigate = StoredValue::new(use_navigate());
    let busy = StoredValue::new(false);
    let replicate_entry = Callback::new(move |r: NationalRef| {
        if busy.get_value() {
            return;
        }
        let Some(src) = set.with_untracked(|s| index.with_untracked(|i| source(s, i, r))) else {
            return;
        };
        // Tried on a copy first: a draft aligned to another list is left as
        // it is, and a new draft takes the commitment.
        let mut trial = state.plan.get_untracked();
        let new_draft = replicate(&mut trial, &src) == Replicated::NeedsNewDraft;
        if new_draft && state.create_draft().is_err() {
            replicate_problem.set(Some(words::REPLICATE_FAILED));
            return;
        }
        let Some(Replicated::Added { id, list_changed }) =
            state.try_edit_plan(|p| replicate(p, &src))
        else {
            replicate_problem.set(Some(words::REPLICATE_FAILED));
            return;
        };
        busy.set_value(true);
        let number = state
            .plan
            .with_untracked(|p| p.commitment_number(id))
            .unwrap_or(0);
        let path = paths::commitment(id);
        section::flash_across(
            &path,
            &words::replicated(number, &src.id, &src.list.name, list_changed, new_draft),
        );
        // After the autosave has seen the change: saved before the page goes.
        set_timeout(
            move || {
                state.save_now();
                navigate.with_value(|n| n(&path, Default::default()));
            },
            std::time::Duration::ZERO,
        );
    });
    let all_rows = RwSignal::new(false);
    let groups = move || {
        let all = all_rows.get();
        view.with(|v| {
            index.with(|i| {
                v.groups
                    .iter()
                    .map(|g| group_tables(i, g, replicate_entry, all, all_rows))
                    .collect_view()
            })
        })
    };

    let pick = Callback::new(move |code: &'static str| {
        filters.update(|f| {
            f.state = if f.state.as_deref() == Some(code) {
                None
            } else {
                Some(code.to_owned())
            };
        });
    });
    let selected = Signal::derive(move || filters.with(|f| f.state.clone()));

    view! {
        <h2 class="heading-m">"Indicador de articulación"</h2>
        {totals}
        <map::StateMap rows=Memo::new(move |_| states.with(|v| v.states.clone())) selected=selected pick=pick />
        <StatesTable view=states selected=selected />
        <h2 class="heading-m">"Por compromiso nacional"</h2>
        <p class="body">"En los cuadros, R significa que el compromiso local replica el compromiso nacional y C que lo complementa. Con «Replicar» empieza en su borrador abierto un compromiso local que replica ese compromiso nacional."</p>
        {move || replicate_problem.get().map(|t| view! { <div class="banner" role="alert"><p class="banner__text">{t}</p></div> })}
        {groups}
        {move || set.with(|s| index.with(|i| filters.with(|f| view.with(|v| coverage::coverage_tables(&i.coverage(s, v, f)))))) }
        {move || index.with(|i| filters.with(|f| view.with(|v| reports.with(|r| progress::progress_section(i, v, &progress_view(i, r, v, f))))))}
        <h2 class="heading-m">"Descargar"</h2>
        <p class="body">"El CSV tiene una fila por cada compromiso local mostrado (con los filtros elegidos): su plan, estado, clave INEGI, nivel, periodo, vínculo con el plan nacional, metas de los ODS, valores de la Alianza, eje del PND, perspectiva de género y avance ponderado. Se abre en una hoja de cálculo."</p>
        <p>
            <button class="button button--secondary" type="button" id="descargar-csv" on:click=move |_| {
                let text = set.with_untracked(|s| {
                    index.with_untracked(|i| {
                        filters.with_untracked(|f| view.with_untracked(|v| articulation_csv(s, i, v, f)))
                    })
                });
                download_problem.set(
                    browser::download(text.as_bytes(), csv::FILE_NAME, "text/csv;charset=utf-8")
                        .err()
                        .map(|_| words::DOWNLOAD_FAILED),
                );
            }>"Descargar CSV"</button>
        </p>
        <p class="body">"El informe en PDF reúne, con los filtros elegidos, el indicador, la matriz de articulación, el mapa por estado, el avance ponderado y la cobertura."</p>
        <ExportStatus export=pdf />
        <p>
            <button class="button button--secondary" type="button" id="descargar-informe" on:click=move |_| {
                let doc = set.with_untracked(|s| {
                    index.with_untracked(|i| {
                        filters.with_untracked(|f| {
                            view.with_untracked(|v| articulation_document(s, i, v, f, browser::now_local()))
                        })
                    })
                });
                pdf.start_prepared(&Prepared::new(doc), report::FILE_NAME.to_owned());
            }>"Descargar el informe (PDF)"</button>
        </p>
        {move || download_problem.get().map(|t| view! { <div class="banner" role="alert"><p class="banner__text">{t}</p></div> })}
    }
}

/// A national list's indicator table and matrix.
///
/// The matrix draws its first [`FIRST_ROWS`] plans unless `all`;
/// `all_rows` switches it (for every list).
fn group_tables(
    i: &Index,
    g: &crate::domain::articulation::index::GroupView,
    replicate_entry: Callback<NationalRef>,
    all: bool,
    all_rows: RwSignal<bool>,
) -> impl IntoView {
    let group = &i.groups[g.group];
    let entries = &group.entries;
    let name = group.name.clone();
    let rows = g
        .entries
        .iter()
        .map(|t| {
            let e = &entries[t.entry];
            let title = if e.title.is_empty() {
                "(no está en la lista del plan)".to_owned()
            } else {
                e.title.clone()
            };
            let r = NationalRef {
                group: g.group,
                entry: t.entry,
            };
            let button = e.listed.then(|| {
                view! {
                    <button class="button-link" type="button" on:click=move |_| replicate_entry.run(r)>
                        "Replicar"<span class="visually-hidden">{format!(" el compromiso nacional {}", e.id)}</span>
                    </button>
                }
            });
            view! {
                <tr class="table__row">
                    <th scope="row" class="table__header">{e.id.clone()}" · "{title}</th>
                    <td class="table__cell">{t.counts.replica}</td>
                    <td class="table__cell">{t.counts.complementa}</td>
                    <td class="table__cell"><strong>{t.counts.actions()}</strong></td>
                    <td class="table__cell">{t.plans}</td>
                    <td class="table__cell table__cell--actions">{button}</td>
                </tr>
            }
        })
        .collect_view();
    let headers = g
        .entries
        .iter()
        .map(|t| view! { <th scope="col" class="table__header">{entries[t.entry].id.clone()}</th> })
        .collect_view();
    let matrix_rows = g
        .plans
        .iter()
        .take(if all { usize::MAX } else { FIRST_ROWS })
        .map(|c| {
            let plan = &i.plans[c.row];
            let cells = c
                .cells
                .iter()
                .map(|k| view! { <td class="table__cell">{cell(k.replica, k.complementa)}</td> })
                .collect_view();
            let states = plan
                .states
                .iter()
                .filter_map(|s| catalog::state(s))
                .map(|s| s.name)
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <tr class="table__row">
                    <th scope="row" class="table__header">
                        {plan.name.clone()}
                        <span class="hint">{(!states.is_empty()).then(|| format!(" ({states})"))}</span>
                    </th>
                    {cells}
                    <td class="table__cell"><strong>{c.counts.actions()}</strong></td>
                    <td class="table__cell">{c.unlinked}</td>
                </tr>
            }
        })
        .collect_view();
    let footer_cells = g
        .entries
        .iter()
        .map(|t| view! { <td class="table__cell"><strong>{cell(t.counts.replica, t.counts.complementa)}</strong></td> })
        .collect_view();
    view! {
        <h3 class="heading-s">{name.clone()}</h3>
        <div class="table-scroll" tabindex="0" role="region" aria-label=format!("Indicador por compromiso nacional: {name}")>
            <table class="table">
                <caption class="table__caption">"Acciones locales por compromiso nacional"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"Compromiso nacional"</th>
                        <th scope="col" class="table__header">"Replican"</th>
                        <th scope="col" class="table__header">"Complementan"</th>
                        <th scope="col" class="table__header">"Acciones locales"</th>
                        <th scope="col" class="table__header">"Planes locales"</th>
                        <th scope="col" class="table__header"><span class="visually-hidden">"Acciones"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="table__row">
                        <th scope="row" class="table__header">"Total"</th>
                        <td class="table__cell">{g.counts.replica}</td>
                        <td class="table__cell">{g.counts.complementa}</td>
                        <td class="table__cell"><strong>{g.counts.actions()}</strong></td>
                        <td class="table__cell">{g.plans.len()}</td>
                        <td class="table__cell"></td>
                    </tr>
                </tfoot>
            </table>
        </div>
        <div class=scroll_class(g.plans.len()) tabindex="0" role="region" aria-label=format!("Matriz de articulación: {name}")>
            <table class="table">
                <caption class="table__caption">"Matriz de articulación: compromisos de cada plan local que replican (R) o complementan (C) cada compromiso nacional"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"Plan local"</th>
                        {headers}
                        <th scope="col" class="table__header">"Acciones locales"</th>
                        <th scope="col" class="table__header">"Sin vínculo"</th>
                    </tr>
                </thead>
                <tbody>{matrix_rows}</tbody>
                <tfoot>
                    <tr class="table__row">
                        <th scope="row" class="table__header">"Total"</th>
                        {footer_cells}
                        <td class="table__cell"><strong>{g.counts.actions()}</strong></td>
                        <td class="table__cell">{g.unlinked}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
        {more_rows(format!("mostrar-matriz-{}", g.group), g.plans.len(), "planes locales", all_rows)}
        <p class="hint">"«Sin vínculo»: compromisos nuevos, sin compromiso nacional, o que todavía no tienen alineación."</p>
    }
}

/// Local plans and commitments per state (the map's table alternative).
#[component]
fn StatesTable(view: Memo<View>, selected: Signal<Option<String>>) -> impl IntoView {
    let rows = move || {
        let chosen = selected.get();
        view.with(|v| {
            v.states
                .iter()
                .map(|s| {
                    let mark = (chosen.as_deref() == Some(s.code)).then_some(" (filtro elegido)");
                    view! {
                        <tr class="table__row">
                            <td class="table__cell">{s.code}</td>
                            <th scope="row" class="table__header">{s.name}{mark}</th>
                            <td class="table__cell">{s.plans}</td>
                            <td class="table__cell">{s.commitments}</td>
                            <td class="table__cell">{s.actions}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let federal = move || {
        view.with(|v| {
            view! {
                <tr class="table__row">
                    <td class="table__cell"><span aria-hidden="true">"–"</span><span class="visually-hidden">"Sin clave"</span></td>
                    <th scope="row" class="table__header">"Federación (plan nacional)"</th>
                    <td class="table__cell">{v.federal_plans}</td>
                    <td class="table__cell">{v.federal_commitments}</td>
                    <td class="table__cell"><span aria-hidden="true">"–"</span><span class="visually-hidden">"No aplica"</span></td>
                </tr>
            }
        })
    };
    view! {
        <h2 class="heading-m">"Por estado"</h2>
        <p class="body">"Un plan de una coalición cuenta en el estado de cada integrante, así que la suma de los estados puede ser mayor que el total de planes. Este cuadro y el mapa muestran todos los estados con los demás filtros; el estado elegido en el filtro está marcado."</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Planes y compromisos locales por estado">
            <table class="table">
                <caption class="table__caption">"Planes y compromisos locales por estado"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"Clave INEGI"</th>
                        <th scope="col" class="table__header">"Estado"</th>
                        <th scope="col" class="table__header">"Planes locales"</th>
                        <th scope="col" class="table__header">"Compromisos locales"</th>
                        <th scope="col" class="table__header">"Acciones que replican o complementan"</th>
                    </tr>
                </thead>
                <tbody>{rows}{federal}</tbody>
                <tfoot>
                    <tr class="table__row">
                        <td class="table__cell"></td>
                        <th scope="row" class="table__header">"Total"</th>
                        <td class="table__cell">{move || view.with(|v| v.totals.local_plans)}</td>
                        <td class="table__cell">{move || view.with(|v| v.totals.commitments)}</td>
                        <td class="table__cell">{move || view.with(|v| v.totals.counts.actions())}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
