//! "Observaciones" (`/observaciones`): comment rounds without a server
//! (issue 19). The rules are in `domain::comments`, the file in
//! `persistence::comments`, the words in `messages::comments`.
//!
//! - `/observaciones`: what a round is, and the two ways in.
//! - `/observaciones/revisar` («Revisar un plan»): a reviewer opens the
//!   plan's PDF or JSON (read as «Abrir un borrador» reads it, but never made
//!   a draft), reads it as «Revise su plan» shows it without «Cambiar», writes
//!   comments on a step, a commitment or a field, and downloads them as one
//!   file. The work in progress is kept under [`WORK_KEY`].
//! - `/observaciones/contestar` («Contestar observaciones»): with the team's
//!   draft open, any number of comments files; each comment under its step
//!   and commitment, filters, and an answer that becomes an entry of the
//!   reasoned response (through `AppState::edit_plan`).

use leptos::prelude::*;

use crate::domain::comments::{
    self, add_received, entries, About, Added, Answer, Comment, CommentLink, CommentsFile, Filters,
    Received, Reviewer, State,
};
use crate::domain::{format_date, ItemId, Plan, Step};
use crate::export::content::comment_places;
use crate::export::summary::{summary, Group, Section};
use crate::messages::articulation::read_plan;
use crate::messages::comments as words;
use crate::persistence::browser::{self, ReadFileError};
use crate::persistence::comments::{decode, decode_work, encode, encode_work, Work};
use crate::persistence::drafts::KeyValue;
use crate::persistence::max_file_bytes;
use crate::state::use_app;
use crate::ui::form::{focus_id, FileField, SingleErrorSummary};
use crate::ui::pages::review::group_view;
use crate::ui::paths;
use crate::ui::shell::{BackLink, PageHeading};

/// The reviewer's work in progress in localStorage: under the app's prefix
/// (so «Borrar todos mis datos de este equipo» removes it), apart from the drafts.
pub const WORK_KEY: &str = "plan-local-ga/observaciones";

/// «Revisar un plan».
pub const REVIEW: &str = "/observaciones/revisar";
/// «Contestar observaciones».
pub const ANSWER: &str = "/observaciones/contestar";

#[component]
pub fn CommentsPage() -> impl IntoView {
    view! {
        <BackLink href=paths::START text="Regresar al inicio" />
        <div class="grid-two-thirds">
            <PageHeading text="Observaciones" />
            <p class="lead">
                "Pida observaciones sobre su plan y contéstelas, sin servidor: el plan y las observaciones viajan como archivos."
            </p>
            <h2 class="heading-m"><a class="link" href=REVIEW>"Revisar un plan"</a></h2>
            <p class="body">
                "Si recibió el PDF o el borrador (.json) de un plan, ábralo aquí para leerlo y escribir sus observaciones sobre un paso, un compromiso o un dato. Al final, descargue sus observaciones en un archivo y envíelo al equipo que hace el plan. El plan no cambia y no se guarda como un borrador suyo."
            </p>
            <h2 class="heading-m"><a class="link" href=ANSWER>"Contestar observaciones"</a></h2>
            <p class="body">
                "Si su equipo hace el plan, abra los archivos de observaciones que recibió. Verá cada observación junto a lo que comenta y podrá contestarla: aceptada, aceptada en parte o no aceptada, con la razón. Cada respuesta queda en la respuesta razonada del plan, que se imprime en el PDF."
            </p>
        </div>
    }
}

// ---------------------------------------------------------------------------
// The reviewer

fn load_work() -> (Option<Work>, Option<&'static str>) {
    match browser::store().get(WORK_KEY) {
        Ok(Some(text)) => match decode_work(&text) {
            Some(w) => (Some(w), None),
            None => (None, Some(words::STORED_UNREADABLE)),
        },
        _ => (None, None),
    }
}

fn save_work(work: Option<&Work>) -> bool {
    if !browser::available() {
        return false;
    }
    let mut store = browser::store();
    match work {
        Some(w) => store.set(WORK_KEY, &encode_work(w)).is_ok(),
        None => store.remove(WORK_KEY).is_ok(),
    }
}

/// Where a comment is, in words ("Compromiso «…» · Acción clave 1 · Indicador").
fn place_of(c: &Comment) -> String {
    let step = c.step().map_or("Otro paso", Step::name);
    match (&c.field, &c.commitment) {
        (Some(f), _) => {
            let place = f.place.clone().unwrap_or_else(|| step.to_owned());
            format!("{place} · {}", f.row)
        }
        (None, Some(k)) => format!("Compromiso «{}»", k.name),
        (None, None) => format!("Paso «{step}»"),
    }
}

const PLAN_INPUT: &str = "archivo-plan";
const NAME_ID: &str = "nombre-revisor";
const ORG_ID: &str = "organizacion-revisor";
const LIST_ID: &str = "sus-observaciones";
const ERRORS_ID: &str = "errores-observaciones";

#[component]
pub fn ReviewCommentsPage() -> impl IntoView {
    let (initial, problem) = load_work();
    let work = RwSignal::new(initial);
    let storage_problem = RwSignal::new(problem.map(str::to_owned));
    let error = RwSignal::new(None::<String>);
    let persist = move || {
        let ok = work.with_untracked(|w| save_work(w.as_ref()));
        storage_problem.set((!ok).then(|| words::STORAGE_FAILED.to_owned()));
    };

    let on_plan = move |ev: web_sys::Event| {
        let Some(file) = crate::ui::form::chosen_files(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let max = max_file_bytes(&file.name());
            let read = match browser::read_bytes(&file, max as u64).await {
                Ok(bytes) => read_plan(&bytes),
                Err(ReadFileError::TooLarge { bytes }) => Err(
                    crate::messages::articulation::too_large(bytes as usize, max),
                ),
                Err(ReadFileError::Unreadable) => Err(crate::messages::articulation::unreadable()),
            };
            match read {
                Ok(plan) => {
                    let now = browser::now_local();
                    let id = format!(
                        "{:x}-{}",
                        now.unix_timestamp_nanos() / 1_000_000,
                        plan.fingerprint().get(..8).unwrap_or("")
                    );
                    let file = CommentsFile::new(&plan, Reviewer::default(), now.date(), id);
                    error.set(None);
                    work.set(Some(Work::new(plan, file)));
                    persist();
                    request_animation_frame(|| focus_id("plan-abierto"));
                }
                Err(message) => {
                    error.set(Some(message));
                    request_animation_frame(|| focus_id(crate::ui::form::SUMMARY_ID));
                }
            }
        });
    };

    // Only opening or closing a plan draws the page again: adding a comment
    // must not (focus and open disclosures stay).
    let open = Memo::new(move |_| work.with(Option::is_some));
    let body = move || {
        match open.get() {
        false => view! {
            <p class="body">
                "Elija el PDF del plan que recibió (exportado con esta herramienta: lleva el plan dentro) o su borrador (.json). Podrá leerlo y comentarlo, pero no cambiarlo. No se guardará en «Mis borradores»."
            </p>
            <FileField id=PLAN_INPUT label="Archivo del plan (.pdf o .json)" accept=".json,.pdf,application/json,application/pdf" error=error on_change=on_plan />
        }
        .into_any(),
        true => view! { <Reviewing work=work persist=persist /> }.into_any(),
    }
    };

    view! {
        <BackLink href=paths::COMMENTS text="Regresar a Observaciones" />
        <SingleErrorSummary field_id=PLAN_INPUT error=error />
        <PageHeading text="Revisar un plan" caption="Observaciones" has_errors=Signal::derive(move || error.get().is_some()) />
        {move || storage_problem.get().map(|t| view! {
            <div class="banner" role="alert"><p class="banner__text">{t}</p></div>
        })}
        {body}
    }
}

/// The reviewer's page once a plan is open.
#[component]
fn Reviewing(
    work: RwSignal<Option<Work>>,
    persist: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Some(plan) = work.with_untracked(|w| w.as_ref().map(|w| w.plan.clone())) else {
        return ().into_any();
    };
    let today = browser::now_local().date();
    let sections = summary(&plan, today);
    let plan = StoredValue::new(plan);
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let status = RwSignal::new(None::<String>);
    let name = RwSignal::new(work.with_untracked(|w| {
        w.as_ref()
            .map(|w| w.comments.reviewer.name.clone())
            .unwrap_or_default()
    }));
    let organization = RwSignal::new(work.with_untracked(|w| {
        w.as_ref()
            .map(|w| w.comments.reviewer.organization.clone())
            .unwrap_or_default()
    }));
    let confirming = RwSignal::new(false);

    // Kept as typed when it reads; errors are shown only on «Descargar
    // observaciones» (`show`), not when a field is left.
    let set_reviewer = move |show: bool| -> bool {
        match Reviewer::parse(&name.get_untracked(), &organization.get_untracked()) {
            Ok(r) => {
                work.update(|w| {
                    if let Some(w) = w {
                        w.comments.reviewer = Reviewer {
                            unknown: w.comments.reviewer.unknown.clone(),
                            ..r
                        };
                    }
                });
                persist();
                errors.set(Vec::new());
                true
            }
            Err(_) if !show => false,
            Err(es) => {
                errors.set(
                    es.into_iter()
                        .map(|e| {
                            let id = match e {
                                comments::ReviewerError::OrganizationTooLong => ORG_ID,
                                _ => NAME_ID,
                            };
                            (id.to_owned(), words::reviewer_error(e).to_owned())
                        })
                        .collect(),
                );
                request_animation_frame(|| focus_id(ERRORS_ID));
                false
            }
        }
    };

    let download = move |_| {
        if !set_reviewer(true) {
            return;
        }
        let Some(file) = work.with_untracked(|w| {
            w.as_ref().map(|w| {
                let mut f = w.comments.clone();
                f.date = browser::now_local().date();
                f
            })
        }) else {
            return;
        };
        let n = file.comments.len();
        match browser::download(
            encode(&file).as_bytes(),
            &file.file_name(),
            "application/json",
        ) {
            Ok(()) => status.set(Some(format!(
                "Se descargó «{}» con {}. Envíelo al equipo que hace el plan.",
                file.file_name(),
                if n == 1 {
                    "1 observación".to_owned()
                } else {
                    format!("{n} observaciones")
                }
            ))),
            Err(_) => status.set(Some(
                "El navegador no permitió la descarga. Intente de nuevo.".to_owned(),
            )),
        }
    };

    let error_summary = move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(id, m)| {
                    view! { <li><a href=format!("#{id}") on:click=move |ev| { ev.prevent_default(); focus_id(&id); }>{m}</a></li> }
                })
                .collect_view();
            view! {
                <div class="error-summary" id=ERRORS_ID tabindex="-1" role="alert" aria-labelledby="errores-observaciones-titulo">
                    <h2 class="error-summary__title" id="errores-observaciones-titulo">"Hay un problema"</h2>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    };
    let field_error = move |id: &'static str| {
        move || {
            errors
                .get()
                .into_iter()
                .find(|(f, _)| f == id)
                .map(|(_, m)| view! { <p class="error-message" id=format!("{id}-error")><span class="visually-hidden">"Error: "</span>{m}</p> })
        }
    };

    let plan_name = plan.with_value(|p| p.display_name().to_owned());
    let sections_view = sections
        .into_iter()
        .enumerate()
        .map(|(i, s)| view! { <ReadOnlySection work=work persist=persist plan=plan section=s index=i /> })
        .collect_view();

    view! {
        {error_summary}
        <div class="panel" id="plan-abierto" tabindex="-1">
            <p class="body">"Está revisando el plan "<strong>{plan_name}</strong>". Sus observaciones se guardan en este navegador hasta que las descargue."</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button class="button-link" id="otro-plan" type="button" on:click=move |_| {
                        confirming.set(true);
                        request_animation_frame(|| focus_id("confirmar-otro-plan"));
                    }>"Revisar otro plan"</button>
                }
            >
                <div class="banner banner--warning" id="confirmar-otro-plan" tabindex="-1" role="alertdialog" aria-labelledby="confirmar-otro-plan-titulo">
                    <h2 class="banner__title" id="confirmar-otro-plan-titulo">"¿Revisar otro plan?"</h2>
                    <p class="banner__text">"Sus observaciones sobre este plan se borrarán de este navegador. Si no las ha descargado, descárguelas antes."</p>
                    <div class="button-group">
                        <button class="button button--warning" type="button" on:click=move |_| {
                            work.set(None);
                            persist();
                        }>"Sí, borrar y elegir otro plan"</button>
                        <button class="button-link" type="button" on:click=move |_| {
                            confirming.set(false);
                            request_animation_frame(|| focus_id("otro-plan"));
                        }>"Cancelar"</button>
                    </div>
                </div>
            </Show>
        </div>

        <h2 class="heading-m">"Sus datos"</h2>
        <p class="body">"El equipo verá su nombre junto a cada observación y en la respuesta razonada del plan."</p>
        <div class=move || if errors.with(|e| e.iter().any(|(f, _)| f == NAME_ID)) { "form-group form-group--error" } else { "form-group" }>
            <label class="label" for=NAME_ID>"Su nombre"</label>
            {field_error(NAME_ID)}
            <input class="input" id=NAME_ID name=NAME_ID type="text" autocomplete="name"
                aria-describedby=move || errors.with(|e| e.iter().any(|(f, _)| f == NAME_ID)).then_some("nombre-revisor-error")
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
                on:change=move |_| { let _ = set_reviewer(false); }
            />
        </div>
        <div class=move || if errors.with(|e| e.iter().any(|(f, _)| f == ORG_ID)) { "form-group form-group--error" } else { "form-group" }>
            <label class="label" for=ORG_ID>"Su organización o institución (opcional)"</label>
            {field_error(ORG_ID)}
            <input class="input" id=ORG_ID name=ORG_ID type="text" autocomplete="organization"
                aria-describedby=move || errors.with(|e| e.iter().any(|(f, _)| f == ORG_ID)).then_some("organizacion-revisor-error")
                prop:value=move || organization.get()
                on:input=move |ev| organization.set(event_target_value(&ev))
                on:change=move |_| { let _ = set_reviewer(false); }
            />
        </div>

        <h2 class="heading-m" id=LIST_ID tabindex="-1">{move || {
            let n = work.with(|w| w.as_ref().map_or(0, |w| w.comments.comments.len()));
            format!("Sus observaciones ({n})")
        }}</h2>
        <OwnComments work=work persist=persist />
        <div class="button-group">
            <button class="button" id="descargar-observaciones" type="button" on:click=download>"Descargar observaciones"</button>
        </div>
        <div role="status" class="comments__status">{move || status.get().map(|s| view! { <p class="body">{s}</p> })}</div>

        <h2 class="heading-l">"El plan"</h2>
        <p class="body">"Abra «Agregar observación» junto al paso o al compromiso que quiere comentar. Puede elegir un dato en particular."</p>
        {sections_view}
    }
    .into_any()
}

/// The reviewer's list: each comment with «Cambiar» and «Quitar».
#[component]
fn OwnComments(
    work: RwSignal<Option<Work>>,
    persist: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let editing = RwSignal::new(None::<ItemId>);
    let edit_text = RwSignal::new(String::new());
    let edit_error = RwSignal::new(None::<String>);
    move || {
        let list: Vec<Comment> = work.with(|w| {
            w.as_ref()
                .map(|w| w.comments.comments.clone())
                .unwrap_or_default()
        });
        if list.is_empty() {
            return view! { <p class="body">"Todavía no ha escrito observaciones."</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|c| {
                let id = c.id;
                let place = place_of(&c);
                let text = c.text.clone();
                let edit_id = format!("cambiar-observacion-{}", id.0);
                let area_id = format!("texto-observacion-{}", id.0);
                let (edit_focus, area_for) = (edit_id.clone(), area_id.clone());
                let save = move |_| match comments::parse_text(&edit_text.get_untracked()) {
                    Ok(t) => {
                        work.update(|w| {
                            if let Some(w) = w {
                                w.comments.edit(id, t);
                            }
                        });
                        persist();
                        editing.set(None);
                        edit_error.set(None);
                        let f = edit_focus.clone();
                        request_animation_frame(move || focus_id(&f));
                    }
                    Err(e) => edit_error.set(Some(words::comment_error(e))),
                };
                let editor = move || {
                    (editing.get() == Some(id)).then(|| {
                        let area_id = area_for.clone();
                        view! {
                            <div class=move || if edit_error.get().is_some() { "form-group form-group--error" } else { "form-group" }>
                                <label class="label" for=area_id.clone()>"Cambie su observación"</label>
                                {move || edit_error.get().map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                                <textarea class="textarea" id=area_id.clone() rows="4"
                                    prop:value=move || edit_text.get()
                                    on:input=move |ev| edit_text.set(event_target_value(&ev))
                                ></textarea>
                            </div>
                            <div class="button-group">
                                <button class="button button--secondary" type="button" on:click=save.clone()>"Guardar cambios"</button>
                                <button class="button-link" type="button" on:click=move |_| editing.set(None)>"Cancelar"</button>
                            </div>
                        }
                    })
                };
                let for_edit = text.clone();
                view! {
                    <li class="comments__item">
                        <p class="comments__place">{place.clone()}</p>
                        <p class="comments__text">{text}</p>
                        {editor}
                        <div class="button-group">
                            <button class="button-link" id=edit_id type="button" on:click=move |_| {
                                edit_text.set(for_edit.clone());
                                edit_error.set(None);
                                editing.set(Some(id));
                                let a = area_id.clone();
                                request_animation_frame(move || focus_id(&a));
                            }>"Cambiar"<span class="visually-hidden">{format!(" la observación sobre {place}")}</span></button>
                            <button class="button-link" type="button" on:click=move |_| {
                                work.update(|w| {
                                    if let Some(w) = w {
                                        w.comments.remove(id);
                                    }
                                });
                                persist();
                                request_animation_frame(|| focus_id(LIST_ID));
                            }>"Quitar"<span class="visually-hidden">" esta observación"</span></button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="comments__list">{items}</ol> }.into_any()
    }
}

/// One step of the plan, read-only, with «Agregar observación» for the step
/// and for each commitment.
#[component]
fn ReadOnlySection(
    work: RwSignal<Option<Work>>,
    persist: impl Fn() + Copy + Send + Sync + 'static,
    plan: StoredValue<Plan>,
    section: Section,
    index: usize,
) -> impl IntoView {
    let step = section.step;
    let step_rows: Vec<(String, About)> = {
        let own = Section {
            groups: section
                .groups
                .iter()
                .filter(|g| g.commitment.is_none())
                .cloned()
                .collect(),
            ..section.clone()
        };
        plan.with_value(|p| {
            comment_places::rows(std::slice::from_ref(&own))
                .iter()
                .map(|rp| {
                    (
                        row_label(rp.place.as_deref(), &rp.row.key),
                        comment_places::about_row(p, rp),
                    )
                })
                .collect()
        })
    };
    let mut options = vec![(
        format!("El paso «{}» en general", step.name()),
        About::step(step),
    )];
    options.extend(step_rows);
    let groups = section
        .groups
        .into_iter()
        .enumerate()
        .map(|(gi, g)| match g.commitment {
            Some(id) => {
                let title = match g.rows.first().and_then(|r| r.value.clone()) {
                    Some(name) => format!("{}: {name}", g.title.clone().unwrap_or_default()),
                    None => g.title.clone().unwrap_or_default(),
                };
                let opts = plan.with_value(|p| {
                    let one = Section {
                        step,
                        title: String::new(),
                        groups: vec![g.clone()],
                    };
                    let mut o = vec![(
                        "El compromiso en general".to_owned(),
                        About::commitment(p, id),
                    )];
                    o.extend(comment_places::rows(std::slice::from_ref(&one)).iter().map(|rp| {
                        (row_label(rp.place.as_deref(), &rp.row.key), comment_places::about_row(p, rp))
                    }));
                    o
                });
                view! {
                    <div class="comments__commitment">
                        <h3 class="heading-s">{title.clone()}</h3>
                        <AddComment work=work persist=persist id=format!("obs-compromiso-{}", id.0) what=title options=opts />
                        <HereComments work=work step=step commitment=Some(id) />
                        {group_view(Group { title: None, ..g }, 4, false)}
                    </div>
                }
                .into_any()
            }
            None => view! { <div data-grupo=gi>{group_view(g, 3, false)}</div> }.into_any(),
        })
        .collect_view();
    view! {
        <section class="comments__step" aria-labelledby=format!("paso-{index}")>
            <h2 class="heading-m" id=format!("paso-{index}")>{section.title.clone()}</h2>
            <AddComment work=work persist=persist id=format!("obs-paso-{index}") what=section.title options=options />
            <HereComments work=work step=step commitment=None />
            {groups}
        </section>
    }
}

fn row_label(place: Option<&str>, key: &str) -> String {
    match place {
        Some(p) => format!("{p} · {key}"),
        None => key.to_owned(),
    }
}

/// The reviewer's comments on this step (outside commitments) or commitment.
#[component]
fn HereComments(
    work: RwSignal<Option<Work>>,
    step: Step,
    commitment: Option<crate::domain::CommitmentId>,
) -> impl IntoView {
    move || {
        let here: Vec<(String, String)> = work.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.comments
                        .comments
                        .iter()
                        .filter(|c| c.step() == Some(step) && c.commitment_id() == commitment)
                        .map(|c| (place_of(c), c.text.clone()))
                        .collect()
                })
                .unwrap_or_default()
        });
        (!here.is_empty()).then(|| {
            let items = here
                .into_iter()
                .map(|(p, t)| view! { <li><span class="comments__place">{p}": "</span>{t}</li> })
                .collect_view();
            view! {
                <div class="comments__here">
                    <p class="comments__here-title">"Sus observaciones aquí"</p>
                    <ul class="list list--bullet">{items}</ul>
                </div>
            }
        })
    }
}

/// «Agregar observación»: a disclosure with what the comment is about and its text.
#[component]
fn AddComment(
    work: RwSignal<Option<Work>>,
    persist: impl Fn() + Copy + Send + Sync + 'static,
    id: String,
    what: String,
    options: Vec<(String, About)>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let chosen = RwSignal::new(0usize);
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let labels: Vec<(usize, String)> = options.iter().map(|(l, _)| l.clone()).enumerate().collect();
    let options = StoredValue::new(options);
    let select_id = format!("{id}-sobre");
    let area_id = format!("{id}-texto");
    let error_id = format!("{id}-error");
    let area_focus = area_id.clone();
    let add = move |_| match comments::parse_text(&text.get_untracked()) {
        Ok(t) => {
            let Some(about) =
                options.with_value(|o| o.get(chosen.get_untracked()).map(|(_, a)| a.clone()))
            else {
                return;
            };
            work.update(|w| {
                if let Some(w) = w {
                    w.comments.add(about, t);
                }
            });
            persist();
            text.set(String::new());
            error.set(None);
            let label = options.with_value(|o| o[chosen.get_untracked()].0.clone());
            added.set(Some(format!("Se agregó su observación sobre «{label}».")));
        }
        Err(e) => {
            error.set(Some(words::comment_error(e)));
            added.set(None);
            let a = area_focus.clone();
            request_animation_frame(move || focus_id(&a));
        }
    };
    let described = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    let option_views = labels
        .into_iter()
        .map(|(i, l)| view! { <option value=i.to_string()>{l}</option> })
        .collect_view();
    view! {
        <details class="details comments__add">
            <summary class="details__summary">"Agregar observación"<span class="visually-hidden">{format!(" sobre «{what}»")}</span></summary>
            <div class="details__text">
                <div class="form-group">
                    <label class="label" for=select_id.clone()>"¿Sobre qué es su observación?"</label>
                    <select class="select" id=select_id.clone()
                        on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))
                    >{option_views}</select>
                </div>
                <div class=move || if error.get().is_some() { "form-group form-group--error" } else { "form-group" }>
                    <label class="label" for=area_id.clone()>"Su observación"</label>
                    {move || error.get().map(|m| view! { <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p> })}
                    <textarea class="textarea" id=area_id.clone() rows="4" aria-describedby=described
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <button class="button button--secondary" type="button" on:click=add>"Guardar observación"</button>
                <div role="status">{move || added.get().map(|m| view! { <p class="body">{m}</p> })}</div>
            </div>
        </details>
    }
}

// ---------------------------------------------------------------------------
// The team

const FILES_ID: &str = "archivos-observaciones";
const RESULT_ID: &str = "resultado-observaciones";

/// Reads one comments file, or the reason it cannot be used.
async fn read_comments(file: web_sys::File) -> (String, Result<CommentsFile, String>) {
    let name = file.name();
    // A PDF may be larger than a comments file: it is read to be named.
    let max = max_file_bytes(&name);
    let result = match browser::read_bytes(&file, max as u64).await {
        Ok(bytes) => decode(&bytes).map_err(|e| words::comments_error(&e)),
        Err(ReadFileError::TooLarge { bytes }) => Err(words::comments_error(
            &crate::persistence::comments::CommentsError::TooLarge {
                bytes: bytes as usize,
                max,
            },
        )),
        Err(ReadFileError::Unreadable) => Err(crate::messages::FILE_UNREADABLE.to_owned()),
    };
    (name, result)
}

fn state_label(s: State) -> &'static str {
    match s {
        State::SinRespuesta => "Sin respuesta",
        State::Contestada => "Contestada",
    }
}

#[component]
pub fn AnswerCommentsPage() -> impl IntoView {
    let state = use_app();
    let received = RwSignal::new(Vec::<Received>::new());
    let report = RwSignal::new(Vec::<(String, Result<String, String>)>::new());
    let filters = RwSignal::new(Filters::default());
    let busy = StoredValue::new(false);

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
            let mut lines = Vec::new();
            for f in files {
                let (name, read) = read_comments(f).await;
                let line = match read {
                    Ok(file) => {
                        let n = file.comments.len();
                        let who = file.reviewer.who();
                        let mut outcome = Added::New;
                        received.update(|r| {
                            outcome = add_received(
                                r,
                                Received {
                                    file_name: name.clone(),
                                    file,
                                },
                            )
                        });
                        let count = if n == 1 {
                            "1 observación".to_owned()
                        } else {
                            format!("{n} observaciones")
                        };
                        Ok(match outcome {
                            Added::New => format!("{count} de {who}."),
                            Added::Replaced { previous_file } => format!(
                                "{count} de {who}. Reemplaza al archivo «{previous_file}», de la misma ronda."
                            ),
                        })
                    }
                    Err(m) => Err(m),
                };
                lines.push((name, line));
            }
            report.set(lines);
            // The filters' lists are drawn again with the new files.
            filters.set(Filters::default());
            input.set_value("");
            busy.set_value(false);
            request_animation_frame(|| focus_id(RESULT_ID));
        });
    };

    let report_view = move || {
        let lines = report.get();
        (!lines.is_empty()).then(|| {
            let failed = lines.iter().any(|(_, r)| r.is_err());
            let items = lines
                .into_iter()
                .map(|(name, r)| match r {
                    Ok(t) => view! { <li><strong>{name}</strong>": "{t}</li> }.into_any(),
                    Err(m) => view! { <li><strong>{name}</strong>": no se abrió. "{m}</li> }.into_any(),
                })
                .collect_view();
            view! {
                <div class=if failed { "banner" } else { "banner banner--success" } id=RESULT_ID tabindex="-1" role="status" aria-labelledby="resultado-observaciones-titulo">
                    <h2 class="banner__title" id="resultado-observaciones-titulo">"Archivos elegidos"</h2>
                    <ul class="list list--bullet">{items}</ul>
                </div>
            }
        })
    };

    let fit_view = move || {
        let notes: Vec<String> = received.with(|list| {
            state.plan.with(|p| {
                list.iter()
                    .filter_map(|r| {
                        words::fit_note(r.fit(p), &r.file.plan.name)
                            .map(|n| format!("«{}» ({}): {n}", r.file_name, r.file.reviewer.who()))
                    })
                    .collect()
            })
        });
        (!notes.is_empty()).then(|| {
            let items = notes
                .into_iter()
                .map(|n| view! { <li>{n}</li> })
                .collect_view();
            view! { <div class="warning-text"><ul class="list">{items}</ul></div> }
        })
    };

    let filters_view = move || {
        received
            .with(Vec::is_empty)
            .then_some(())
            .is_none()
            .then(|| {
                let who = received.with(|r| comments::reviewers(r));
                let steps: Vec<Step> = received.with(|r| {
                    Step::ALL
                        .into_iter()
                        .filter(|s| {
                            r.iter()
                                .any(|x| x.file.comments.iter().any(|c| c.step() == Some(*s)))
                        })
                        .collect()
                });
                let step_opts = steps
                    .into_iter()
                    .map(|s| view! { <option value=comments::step_key(s)>{s.name()}</option> })
                    .collect_view();
                let who_opts = who
                    .into_iter()
                    .map(|w| view! { <option value=w.clone()>{w.clone()}</option> })
                    .collect_view();
                view! {
                    <fieldset class="fieldset comments__filters">
                        <legend class="fieldset__legend">"Mostrar"</legend>
                        <div class="form-group">
                            <label class="label" for="filtro-paso">"Paso"</label>
                            <select class="select" id="filtro-paso" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                filters.update(|f| f.step = comments::step_of_key(&v));
                            }>
                                <option value="">"Todos los pasos"</option>
                                {step_opts}
                            </select>
                        </div>
                        <div class="form-group">
                            <label class="label" for="filtro-persona">"Quién la hizo"</label>
                            <select class="select" id="filtro-persona" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                filters.update(|f| f.reviewer = (!v.is_empty()).then_some(v));
                            }>
                                <option value="">"Todas las personas"</option>
                                {who_opts}
                            </select>
                        </div>
                        <div class="form-group">
                            <label class="label" for="filtro-estado">"Estado"</label>
                            <select class="select" id="filtro-estado" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                filters.update(|f| f.state = match v.as_str() {
                                    "sin-respuesta" => Some(State::SinRespuesta),
                                    "contestada" => Some(State::Contestada),
                                    _ => None,
                                });
                            }>
                                <option value="">"Todas"</option>
                                <option value="sin-respuesta">"Sin respuesta"</option>
                                <option value="contestada">"Contestadas"</option>
                            </select>
                        </div>
                    </fieldset>
                }
            })
    };

    // The list is drawn again when the files or the filters change, not
    // when an answer is saved (the answer's own card shows it), so focus
    // and typing in other cards stay.
    let list_view = move || {
        let f = filters.get();
        let list = received.get();
        if list.is_empty() {
            return view! { <p class="body">"Todavía no ha abierto archivos de observaciones."</p> }.into_any();
        }
        let plan = state.plan.get_untracked();
        let sections = summary(&plan, browser::now_local().date());
        let shown: Vec<(CommentsFile, Comment)> = entries(&list, &plan, &f)
            .into_iter()
            .map(|e| (e.file.clone(), e.comment.clone()))
            .collect();
        let total = list.iter().map(|r| r.file.comments.len()).sum::<usize>();
        let caption = format!("Se muestran {} de {} observaciones.", shown.len(), total);
        let mut last_step: Option<Option<Step>> = None;
        let mut last_commitment: Option<Option<crate::domain::CommitmentId>> = None;
        let mut out = Vec::new();
        for (file, c) in shown {
            let step = c.step();
            if last_step != Some(step) {
                out.push(
                    view! { <h2 class="heading-m">{step.map_or("Otro paso", Step::name)}</h2> }
                        .into_any(),
                );
                last_step = Some(step);
                last_commitment = None;
            }
            let k = c.commitment_id();
            if k.is_some() && last_commitment != Some(k) {
                let title =
                    match k.and_then(|id| plan.commitment(id).zip(plan.commitment_number(id))) {
                        Some((cm, n)) => format!("Compromiso {n}: {}", cm.name),
                        None => format!(
                            "«{}» ({})",
                            c.commitment
                                .as_ref()
                                .map(|r| r.name.clone())
                                .unwrap_or_default(),
                            words::COMMITMENT_GONE
                        ),
                    };
                out.push(view! { <h3 class="heading-s">{title}</h3> }.into_any());
            }
            last_commitment = Some(k);
            let current = c.field.as_ref().map(|fr| {
                comment_places::current(&sections, fr).map(|rp| {
                    rp.row
                        .value
                        .clone()
                        .unwrap_or_else(|| "No proporcionado".to_owned())
                })
            });
            let gone = c.commitment_gone(&plan);
            out.push(
                view! { <AnswerCard file=file comment=c current=current gone=gone /> }.into_any(),
            );
        }
        view! {
            <p class="body" role="status">{caption}</p>
            {out}
        }
        .into_any()
    };

    let open_name = state.plan.with_untracked(|p| p.display_name().to_owned());
    view! {
        <BackLink href=paths::COMMENTS text="Regresar a Observaciones" />
        <PageHeading text="Contestar observaciones" caption="Observaciones" />
        <p class="body">"Borrador abierto: "<strong>{open_name}</strong>". Las respuestas se guardan en su respuesta razonada ("<a class="link" href=paths::RESPONSES>"Respuesta razonada"</a>"), que el PDF del plan imprime. Si este no es el borrador del plan, abra el correcto en "<a class="link" href=paths::DRAFTS>"Mis borradores"</a>"."</p>
        <div class="form-group">
            <label class="label" for=FILES_ID>"Archivos de observaciones (.json)"</label>
            <p class="hint" id="archivos-observaciones-ayuda">"Puede elegir varios archivos a la vez: los que descargaron las personas con «Descargar observaciones»."</p>
            <input class="file-upload" id=FILES_ID name=FILES_ID type="file" multiple=true
                accept=".json,application/json" aria-describedby="archivos-observaciones-ayuda" on:change=on_files />
        </div>
        {report_view}
        {fit_view}
        {filters_view}
        {list_view}
    }
}

/// One received comment with its answer.
#[component]
fn AnswerCard(
    file: CommentsFile,
    comment: Comment,
    /// The field's value in the plan now (`Some(None)`: no longer there).
    current: Option<Option<String>>,
    gone: bool,
) -> impl IntoView {
    let state = use_app();
    let link = CommentLink::new(&file, &comment);
    let key = link.0.replace(['/', ' '], "-");
    let existing = state.plan.with_untracked(|p| {
        comments::response_to(p, &link).map(|r| (Answer::of(r), r.reason.clone()))
    });
    let chosen = RwSignal::new(existing.as_ref().and_then(|(a, _)| *a));
    let reason = RwSignal::new(
        existing
            .as_ref()
            .map(|(_, r)| r.clone())
            .unwrap_or_default(),
    );
    let answered = RwSignal::new(existing.as_ref().and_then(|(a, _)| *a));
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let saved = RwSignal::new(None::<String>);
    let place = place_of(&comment);
    let who = file.reviewer.who();
    let when = format_date(file.date);
    let text = comment.text.clone();
    let legend_id = format!("respuesta-{key}");
    let reason_id = format!("razon-{key}");
    let radio_group = format!("respuesta-{key}");
    let first_radio = format!("respuesta-{key}-0");
    let (reason_for_err, radio_for_err) = (reason_id.clone(), first_radio.clone());
    let file = StoredValue::new(file);
    let comment_v = StoredValue::new(comment);

    let save = move |_| {
        let mut es = Vec::new();
        let a = chosen.get_untracked();
        if a.is_none() {
            es.push((radio_for_err.clone(), words::NO_ANSWER.to_owned()));
        }
        let r = comments::parse_text(&reason.get_untracked());
        if let Err(e) = r {
            es.push((reason_for_err.clone(), words::reason_error(e)));
        }
        if let (Some(a), Ok(r)) = (a, r) {
            file.with_value(|f| {
                comment_v.with_value(|c| {
                    state.edit_plan(|p| {
                        comments::answer(p, f, c, a, r);
                    })
                })
            });
            answered.set(Some(a));
            errors.set(Vec::new());
            saved.set(Some(format!(
                "Se guardó la respuesta: {}. Está en la respuesta razonada del plan.",
                words::answer_label(a)
            )));
        } else {
            let first = es.first().map(|(id, _)| id.clone());
            errors.set(es);
            saved.set(None);
            if let Some(id) = first {
                request_animation_frame(move || focus_id(&id));
            }
        }
    };
    let err_for = move |id: String| {
        move || {
            errors
                .get()
                .into_iter()
                .find(|(f, _)| *f == id)
                .map(|(_, m)| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })
        }
    };
    let radios = Answer::ALL
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let a = *a;
            let rid = format!("respuesta-{key}-{i}");
            let name = radio_group.clone();
            view! {
                <div class="radios__item">
                    <input class="radios__input" type="radio" id=rid.clone() name=name value=a.key()
                        prop:checked=move || chosen.get() == Some(a)
                        on:change=move |_| chosen.set(Some(a))
                    />
                    <label class="label radios__label" for=rid>{words::answer_label(a)}</label>
                </div>
            }
        })
        .collect_view();
    let field_view = current.map(|now| match now {
        Some(v) => view! { <p class="comments__current"><span class="comments__place">"En el plan ahora: "</span>{v}</p> }.into_any(),
        None => view! { <p class="comments__current"><strong class="tag tag--muted">"Este dato ya no está en el plan"</strong></p> }.into_any(),
    });
    let radio_err_id = first_radio.clone();
    let reason_err_id = reason_id.clone();
    view! {
        <article class="comments__card" aria-labelledby=format!("obs-{key}")>
            <p class="comments__place comments__card-title" id=format!("obs-{key}")>{place}</p>
            {gone.then(|| view! { <p><strong class="tag tag--red">{words::COMMITMENT_GONE}</strong></p> })}
            {field_view}
            <blockquote class="comments__quote"><p class="comments__text">{text}</p></blockquote>
            <p class="comments__who">{format!("{who}, {when}")}</p>
            <p>{move || match answered.get() {
                Some(a) => view! { <strong class="tag tag--done">{format!("Contestada: {}", words::answer_label(a))}</strong> }.into_any(),
                None => view! { <strong class="tag tag--blue">{state_label(State::SinRespuesta)}</strong> }.into_any(),
            }}</p>
            <div class=move || if errors.with(|e| e.iter().any(|(f, _)| *f == radio_err_id)) { "form-group form-group--error" } else { "form-group" }>
                <fieldset class="fieldset" aria-labelledby=legend_id.clone()>
                    <legend class="fieldset__legend" id=legend_id.clone()>"Respuesta"</legend>
                    {err_for(first_radio.clone())}
                    <div class="radios">{radios}</div>
                </fieldset>
            </div>
            <div class=move || if errors.with(|e| e.iter().any(|(f, _)| *f == reason_err_id)) { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for=reason_id.clone()>"Razón"</label>
                {err_for(reason_id.clone())}
                <textarea class="textarea" id=reason_id.clone() rows="3"
                    prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))
                ></textarea>
            </div>
            <button class="button button--secondary" type="button" on:click=save>"Guardar respuesta"</button>
            <div role="status">{move || saved.get().map(|m| view! { <p class="body">{m}</p> })}</div>
        </article>
    }
}
