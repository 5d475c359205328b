//! «Ver ejemplos» (`/ejemplos`, in the articulation bundle, so the drafting
//! app's first load carries only the link): the good practices of one or
//! more library files, read as examples while writing a commitment. The
//! loaded library is kept in this browser under its own key. Filters by
//! national commitment and SDG goal; each example readable in full; a link
//! back to the commitment the person came from (`?compromiso=3`), whose
//! national commitment, when it has one in the library, is the first filter.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::catalog;
use crate::domain::alignment::Relation;
use crate::domain::articulation::practices::{Example, Library};
use crate::domain::CommitmentId;
use crate::labels::{self, Label};
use crate::messages::practices as words;
use crate::persistence::browser::{self, ReadFileError};
use crate::persistence::drafts::KeyValue;
use crate::persistence::practices as file;
use crate::state::use_app;
use crate::ui::form::focus_id;
use crate::ui::paths;
use crate::ui::shell::{BackLink, PageHeading};

/// The loaded library's key in localStorage (under the app's prefix).
pub const STORAGE_KEY: &str = "plan-local-ga/ejemplos";

const INPUT_ID: &str = "biblioteca-archivo";
const RESULT_ID: &str = "resultado-biblioteca";
const LIST_ID: &str = "ejemplos";

fn load() -> (Library, Option<&'static str>) {
    let Ok(Some(text)) = browser::store().get(STORAGE_KEY) else {
        return (Library::default(), None);
    };
    match serde_json::from_str(&text)
        .ok()
        .and_then(|v| file::decode_value(&v).ok())
    {
        Some(read) => (read.library, None),
        None => (Library::default(), Some(words::LIBRARY_STORED_UNREADABLE)),
    }
}

fn save(library: &Library) -> Result<(), browser::StorageError> {
    let mut store = browser::store();
    if library.is_empty() {
        store.remove(STORAGE_KEY)
    } else {
        store.set(STORAGE_KEY, &file::encode(library))
    }
}

/// Where the person came from: a commitment of the open draft.
#[derive(Clone)]
struct From {
    href: String,
    text: String,
    /// Its national commitment (list, id), when it replicates or complements one.
    national: Option<(String, String)>,
}

/// "dd/mm/aaaa" of an "aaaa-mm-dd".
fn day(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) if y.len() == 4 => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

fn relation_words(r: Relation) -> &'static str {
    match r {
        Relation::Replica => "Replica",
        Relation::Complementa => "Complementa",
        Relation::Nuevo => "Compromiso nuevo, sin compromiso nacional",
    }
}

#[component]
pub fn ExamplesPage() -> impl IntoView {
    let state = use_app();
    let came_from: Option<From> = use_query_map().with_untracked(|q| {
        let raw = q.get(paths::EXAMPLES_COMMITMENT_PARAM)?;
        if raw == "nuevo" {
            return Some(From {
                href: paths::NEW_COMMITMENT.to_owned(),
                text: "Regresar al compromiso nuevo".to_owned(),
                national: None,
            });
        }
        let id = CommitmentId(raw.parse().ok()?);
        state.plan.with_untracked(|p| {
            let c = p.commitment(id)?;
            let n = p.commitment_number(id)?;
            Some(From {
                href: paths::commitment(id),
                text: format!("Regresar al compromiso {n}"),
                national: c.alignment.national.as_ref().and_then(|l| {
                    l.commitment()
                        .map(|i| (p.national_plan.name.clone(), i.to_owned()))
                }),
            })
        })
    });

    let (initial, problem) = load();
    let library = RwSignal::new(initial);
    let storage_problem = RwSignal::new(problem);
    let result = RwSignal::new(None::<(String, Vec<(String, String)>)>);
    let busy = StoredValue::new(false);

    // The national filter: "list\nid"; the commitment's own national
    // commitment first, when the library has examples of it.
    let national_filter = RwSignal::new(String::new());
    let own_national = StoredValue::new(came_from.as_ref().and_then(|f| f.national.clone()));
    let first_filter = move || {
        let Some((list, id)) = own_national.get_value() else {
            return;
        };
        if library.with_untracked(|l| {
            !l.filtered(Some((list.as_str(), id.as_str())), None)
                .is_empty()
        }) {
            national_filter.set(format!("{list}\n{id}"));
        }
    };
    first_filter();
    let sdg_filter = RwSignal::new(None::<u8>);

    let on_files = move |ev: web_sys::Event| {
        let Some(input) = crate::ui::form::file_input(&ev) else {
            return;
        };
        let files = crate::ui::form::files_of(&input);
        if files.is_empty() || busy.get_value() {
            return;
        }
        busy.set_value(true);
        leptos::task::spawn_local(async move {
            let mut errors = Vec::new();
            let mut added = crate::domain::articulation::practices::Added::default();
            let mut repeated = 0;
            for f in files {
                let name = f.name();
                let read = match browser::read_bytes(
                    &f,
                    crate::persistence::envelope::MAX_BYTES as u64 + 1,
                )
                .await
                {
                    Ok(bytes) => file::decode(&bytes).map_err(|e| words::library_error(&e)),
                    Err(ReadFileError::TooLarge { bytes }) => {
                        Err(words::library_error(&file::LibraryError::TooLarge {
                            bytes: bytes as usize,
                            max: crate::persistence::envelope::MAX_BYTES,
                        }))
                    }
                    Err(ReadFileError::Unreadable) => {
                        Err(crate::messages::FILE_UNREADABLE.to_owned())
                    }
                };
                match read {
                    Ok(r) => {
                        repeated += r.duplicates;
                        library.update(|l| {
                            let a = l.add(r.library);
                            added.added += a.added;
                            added.duplicates += a.duplicates;
                        });
                    }
                    Err(reason) => errors.push((name, reason)),
                }
            }
            if added.added > 0 {
                let failed = library.with_untracked(save).is_err();
                storage_problem.set(failed.then_some(words::LIBRARY_STORAGE_FAILED));
                first_filter();
            }
            let mut text = words::loaded(added, repeated);
            if !errors.is_empty() {
                text.push_str(&match errors.len() {
                    1 => " 1 archivo no se pudo leer: vea por qué abajo.".to_owned(),
                    n => format!(" {n} archivos no se pudieron leer: vea por qué abajo."),
                });
            }
            result.set(Some((text, errors)));
            input.set_value("");
            busy.set_value(false);
            request_animation_frame(|| focus_id(RESULT_ID));
        });
    };

    let clear = move |_| {
        library.set(Library::default());
        let failed = library.with_untracked(save).is_err();
        storage_problem.set(failed.then_some(words::LIBRARY_STORAGE_FAILED));
        national_filter.set(String::new());
        sdg_filter.set(None);
        result.set(Some((
            "Se quitaron los ejemplos de este navegador.".to_owned(),
            Vec::new(),
        )));
        request_animation_frame(|| focus_id(RESULT_ID));
    };

    let result_view = move || {
        result.get().map(|(text, errors)| {
            let list = (!errors.is_empty()).then(|| {
                let items = errors
                    .into_iter()
                    .map(|(f, r)| view! { <li><strong>{f}</strong>": "{r}</li> })
                    .collect_view();
                view! { <ul class="list list--bullet">{items}</ul> }
            });
            let class = if list.is_some() {
                "banner"
            } else {
                "banner banner--success"
            };
            view! {
                <div class=class id=RESULT_ID tabindex="-1" role="status">
                    <p class="banner__title">{text}</p>
                    {list}
                </div>
            }
        })
    };

    let national_options = move || {
        library.with(|l| {
            l.national_commitments()
                .into_iter()
                .map(|(list, id, title)| {
                    let value = format!("{list}\n{id}");
                    let v = value.clone();
                    let text = if title.is_empty() {
                        id.clone()
                    } else {
                        format!("{id} · {title}")
                    };
                    view! { <option value=value selected=move || national_filter.with(|f| *f == v)>{text}</option> }
                })
                .collect_view()
        })
    };
    let sdg_options = move || {
        library.with(|l| {
            l.sdg_goals()
                .into_iter()
                .map(|g| {
                    let name = catalog::sdg_goal(g).map_or("", |s| s.short_es);
                    view! { <option value=g.to_string() selected=move || sdg_filter.get() == Some(g)>{format!("ODS {g}. {name}")}</option> }
                })
                .collect_view()
        })
    };
    let shown = Memo::new(move |_| {
        let nf = national_filter.get();
        let national = nf.split_once('\n');
        library.with(|l| l.filtered(national, sdg_filter.get()))
    });

    let examples = move || {
        let positions = shown.get();
        library.with(|l| {
            positions
                .iter()
                .filter_map(|i| l.practices.get(*i).map(|p| (*i, p)))
                .map(|(i, p)| example_view(i, p))
                .collect_view()
        })
    };
    let counts = move || {
        let total = library.with(|l| l.practices.len());
        let n = shown.with(Vec::len);
        let date = library.with(|l| l.date.clone());
        let from = if date.is_empty() {
            String::new()
        } else {
            format!(
                " La biblioteca más reciente que cargó es del {}.",
                day(&date)
            )
        };
        if n == total {
            format!("{}.{from}", example_count(total))
        } else {
            format!("Se muestran {} de {}.{from}", n, example_count(total))
        }
    };
    let national_note = {
        let from = came_from.clone();
        move || {
            let (list, id) = from.as_ref()?.national.clone()?;
            (national_filter.get() == format!("{list}\n{id}")).then(|| view! {
                <p class="inset">{format!("Se muestran los ejemplos vinculados al compromiso nacional {id}, como su compromiso. Elija «Todos los compromisos nacionales» para ver los demás.")}</p>
            })
        }
    };

    let back = came_from.clone().map_or_else(
        || {
            view! { <BackLink href=paths::ARTICULATION text="Regresar a Articulación nacional" /> }
                .into_any()
        },
        |f| view! { <BackLink href=f.href text=f.text /> }.into_any(),
    );
    let back_bottom = came_from.map(|f| {
        view! {
            <div class="button-group">
                <a class="button" href=f.href role="button">{f.text.replace("Regresar", "Volver")}</a>
            </div>
        }
    });

    view! {
        {back}
        <div class="grid-two-thirds">
            <PageHeading text="Ejemplos de buenas prácticas" />
            <p class="lead">"Lea compromisos locales que otras personas marcaron como buenas prácticas, para inspirarse al escribir el suyo."</p>
            <p class="body">
                "Los ejemplos vienen de una biblioteca de buenas prácticas: un archivo .json que se descarga en «Articulación nacional». Cárguelo aquí; se guarda solo en este navegador y no cambia su borrador."
            </p>
            <h2 class="heading-m">"Cargar una biblioteca"</h2>
            <div class="form-group">
                <label class="label" for=INPUT_ID>"Archivo de la biblioteca (.json)"</label>
                <p class="hint" id="biblioteca-archivo-ayuda">"Puede elegir varios archivos; los ejemplos que ya estén cargados no se repiten."</p>
                <input class="file-upload" id=INPUT_ID name=INPUT_ID type="file" multiple=true
                    accept=".json,application/json" aria-describedby="biblioteca-archivo-ayuda" on:change=on_files />
            </div>
            {result_view}
            {move || storage_problem.get().map(|t| view! { <div class="banner" role="alert"><p class="banner__text">{t}</p></div> })}
        </div>
        {move || (!library.with(Library::is_empty)).then(|| view! {
            <h2 class="heading-m" id=LIST_ID tabindex="-1">"Ejemplos"</h2>
            <div class="filters">
                <div class="form-group">
                    <label class="label" for="ejemplos-compromiso">"Compromiso nacional"</label>
                    <select class="select" id="ejemplos-compromiso" on:change=move |ev| national_filter.set(event_target_value(&ev))>
                        <option value="" selected=move || national_filter.with(String::is_empty)>"Todos los compromisos nacionales"</option>
                        {national_options}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="ejemplos-ods">"Objetivo de Desarrollo Sostenible"</label>
                    <select class="select" id="ejemplos-ods" on:change=move |ev| sdg_filter.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || sdg_filter.get().is_none()>"Todos los ODS"</option>
                        {sdg_options}
                    </select>
                </div>
            </div>
            {national_note.clone()}
            <p class="body" role="status" id="ejemplos-cuenta">{counts}</p>
            <div class="practices">{examples}</div>
            <p><button class="button button--secondary" type="button" on:click=clear>"Quitar los ejemplos de este navegador"</button></p>
        })}
        {back_bottom}
    }
}

fn example_count(n: usize) -> String {
    match n {
        1 => "1 ejemplo".to_owned(),
        n => format!("{} ejemplos", labels::thousands(n)),
    }
}

/// One example: what it is and why, and its ficha in a fold.
fn example_view(i: usize, p: &Example) -> impl IntoView {
    let c = &p.commitment;
    let title = labels::name_or_unnamed(&c.title).to_owned();
    let heading_id = format!("ejemplo-{i}");
    let labelled_by = heading_id.clone();
    let place = {
        let mut parts = vec![p.plan.name.clone()];
        if !p.plan.jurisdiction.is_empty() {
            parts.push(p.plan.jurisdiction.clone());
        }
        if !p.plan.states.is_empty() {
            parts.push(p.plan.states.join(", "));
        }
        if !p.plan.period.is_empty() {
            parts.push(p.plan.period.clone());
        }
        parts.join(" · ")
    };
    let or_none = |t: &str| {
        if t.trim().is_empty() {
            "No proporcionado".to_owned()
        } else {
            t.to_owned()
        }
    };
    let actions = if c.key_actions.is_empty() {
        view! { <span>"No proporcionado"</span> }.into_any()
    } else {
        let items = c
            .key_actions
            .iter()
            .map(|k| {
                let w = k.weight.map_or_else(String::new, |w| format!(" ({w} %)"));
                view! { <li>{labels::name_or_unnamed(&k.name).to_owned()}{w}</li> }
            })
            .collect_view();
        view! { <ol class="list list--number">{items}</ol> }.into_any()
    };
    let national = c.national.as_ref().map_or_else(
        || "No proporcionado".to_owned(),
        |n| match (&n.id, &n.title) {
            (Some(id), Some(t)) => format!(
                "{} el compromiso nacional {id}, «{t}» ({})",
                relation_words(n.relation),
                n.list
            ),
            (Some(id), None) => format!(
                "{} el compromiso nacional {id} ({})",
                relation_words(n.relation),
                n.list
            ),
            _ => relation_words(n.relation).to_owned(),
        },
    );
    let sdg = if c.sdg_targets.is_empty() {
        view! { <span>"No proporcionado"</span> }.into_any()
    } else {
        let items = c
            .sdg_targets
            .iter()
            .map(|t| {
                let text = catalog::sdg_target(t)
                    .map_or_else(|| t.clone(), |s| format!("{t}. {}", s.title_es));
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! { <ul class="list list--bullet">{items}</ul> }.into_any()
    };
    let values = if c.ogp_values.is_empty() {
        "No proporcionado".to_owned()
    } else {
        c.ogp_values
            .iter()
            .map(|v| v.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let reasons = p
        .reasons
        .iter()
        .map(
            |r| view! { <li><strong class="tag tag--blue">{words::reason_label(*r)}</strong></li> },
        )
        .collect_view();
    view! {
        <article class="practice" aria-labelledby=labelled_by>
            <h3 class="heading-s practice__title" id=heading_id>{title.clone()}</h3>
            <p class="hint practice__place">{place}</p>
            <ul class="practice__reasons" aria-label="Razones">{reasons}</ul>
            <p class="body practice__note">{p.note.clone()}</p>
            <details class="details">
                <summary class="details__summary">"Leer la ficha completa"<span class="visually-hidden">{format!(" de «{title}»")}</span></summary>
                <div class="details__text">
                    <dl class="summary-list">
                        <div class="summary-list__row"><dt class="summary-list__key">"Problemática"</dt><dd class="summary-list__value summary-list__value--text">{or_none(&c.problem)}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Objetivo"</dt><dd class="summary-list__value summary-list__value--text">{or_none(&c.objective)}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Acciones clave (ponderación)"</dt><dd class="summary-list__value">{actions}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Plan de Acción Nacional"</dt><dd class="summary-list__value">{national}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Metas de los ODS"</dt><dd class="summary-list__value">{sdg}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Valores de la Alianza"</dt><dd class="summary-list__value">{values}</dd></div>
                    </dl>
                </div>
            </details>
        </article>
    }
}
