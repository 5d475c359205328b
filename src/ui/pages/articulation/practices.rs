//! «Buenas prácticas» on `/articulacion`: mark a local commitment of a loaded
//! plan as a good practice (the reasons and a short note), the list of marks
//! with «Cambiar» and «Quitar la marca», and «Descargar la biblioteca
//! (JSON)». The rules are in `domain::articulation::practices`, the file in
//! `persistence::practices`, the words in `messages::practices`.
//!
//! The marks are kept under their own key; removing a plan keeps its marks
//! (they wait, out of the library, until the plan is added again).

use leptos::prelude::*;

use crate::domain::articulation::practices::{
    parse_mark, stored, Library, MarkInput, Marked, Marks, PracticeField, Reason, Standing,
};
use crate::domain::articulation::{PlanKey, PlanSet};
use crate::domain::CommitmentId;
use crate::labels;
use crate::messages::practices as words;
use crate::persistence::browser;
use crate::persistence::drafts::KeyValue;
use crate::persistence::practices as file;
use crate::ui::form::focus_id;
use crate::ui::paths;

/// The marks' key in localStorage: under the app's prefix (so «Borrar todos
/// mis datos de este equipo» removes it too).
pub const STORAGE_KEY: &str = "plan-local-ga/buenas-practicas";

const SECTION_ID: &str = "buenas-practicas";
const NOTICE_ID: &str = "buenas-practicas-aviso";
const FORM_ID: &str = "marcar-buena-practica";
const ERRORS_ID: &str = "buenas-practicas-errores";
const DOWNLOAD_ID: &str = "descargar-biblioteca";

fn load() -> (Marks, Option<&'static str>) {
    match browser::store().get(STORAGE_KEY) {
        Ok(Some(text)) => match stored::decode(&text) {
            Ok(m) => (m, None),
            Err(stored::StoredError::Newer { .. }) => (Marks::new(), Some(words::STORED_NEWER)),
            Err(stored::StoredError::NotMarks) => (Marks::new(), Some(words::STORED_UNREADABLE)),
        },
        _ => (Marks::new(), None),
    }
}

fn save(marks: &Marks) -> Result<(), browser::StorageError> {
    let mut store = browser::store();
    if marks.is_empty() {
        store.remove(STORAGE_KEY)
    } else {
        store.set(STORAGE_KEY, &stored::encode(marks))
    }
}

/// Today as the library's file says it ("aaaa-mm-dd").
pub fn today_iso() -> String {
    let d = browser::now_local().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The section: the marks, the form, the download.
#[component]
pub fn GoodPractices(set: RwSignal<PlanSet>) -> impl IntoView {
    let (initial, problem) = load();
    let marks = RwSignal::new(initial);
    let storage_problem = RwSignal::new(problem);
    let notice = RwSignal::new(None::<String>);
    let download_problem = RwSignal::new(None::<String>);

    let persist = move || {
        let failed = marks.with_untracked(save).is_err();
        storage_problem.set(failed.then_some(words::STORAGE_FAILED));
    };
    // A newer version of a plan added: the names kept in its marks follow.
    Effect::new(move |_| {
        let changed = set.with(|s| {
            let mut changed = false;
            marks.update_untracked(|m| changed = m.refresh_names(s));
            changed
        });
        if changed {
            marks.notify();
            persist();
        }
    });

    // The form.
    let plan = RwSignal::new(String::new());
    let commitment = RwSignal::new(String::new());
    let reasons = RwSignal::new(Vec::<String>::new());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(PracticeField, String)>::new());
    let error_of = move |f: PracticeField| {
        errors.with(|e| e.iter().find(|(g, _)| *g == f).map(|(_, t)| t.clone()))
    };
    // A commitment already marked: its reasons and note come into the form.
    let fill_from_mark = move |key: &str, id: &str| {
        let found = id.parse::<u32>().ok().and_then(|n| {
            marks.with_untracked(|m| {
                m.get(&PlanKey(key.to_owned()), CommitmentId(n))
                    .map(|mk| (mk.reasons.clone(), mk.note.clone()))
            })
        });
        if let Some((r, n)) = found {
            reasons.set(r.iter().map(|r| r.key().to_owned()).collect());
            note.set(n);
        }
    };
    let is_marked_choice = move || {
        let key = PlanKey(plan.get());
        commitment
            .get()
            .parse::<u32>()
            .ok()
            .is_some_and(|n| marks.with(|m| m.get(&key, CommitmentId(n)).is_some()))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = MarkInput {
            plan: plan.get_untracked(),
            commitment: commitment.get_untracked(),
            reasons: reasons.get_untracked(),
            note: note.get_untracked(),
        };
        match set.with_untracked(|s| parse_mark(s, &input)) {
            Err(problems) => {
                errors.set(
                    problems
                        .iter()
                        .map(|(f, p)| (*f, words::form_problem(p)))
                        .collect(),
                );
                request_animation_frame(|| focus_id(ERRORS_ID));
            }
            Ok(mark) => {
                errors.set(Vec::new());
                let text_of = (mark.commitment_name.clone(), mark.plan_name.clone());
                let mut result = Marked::Added;
                marks.update(|m| result = m.mark(mark));
                persist();
                let (c, p) = text_of;
                notice.set(Some(words::marked(
                    labels::name_or_unnamed(&c),
                    &p,
                    result == Marked::Changed,
                )));
                commitment.set(String::new());
                reasons.set(Vec::new());
                note.set(String::new());
                request_animation_frame(|| focus_id(NOTICE_ID));
            }
        }
    };

    let unmark = move |key: PlanKey, id: CommitmentId, name: String| {
        marks.update(|m| {
            m.unmark(&key, id);
        });
        persist();
        notice.set(Some(words::unmarked(&name)));
        request_animation_frame(|| focus_id(NOTICE_ID));
    };
    let change = move |key: PlanKey, id: CommitmentId| {
        plan.set(key.0.clone());
        commitment.set(id.0.to_string());
        fill_from_mark(&key.0, &id.0.to_string());
        errors.set(Vec::new());
        request_animation_frame(|| focus_id(PracticeField::Reasons.key()));
    };

    let list = move || {
        let rows = set.with(|s| {
            marks.with(|m| {
                m.standing(s)
                    .into_iter()
                    .map(|(mk, standing)| {
                        let name = labels::name_or_unnamed(&mk.commitment_name).to_owned();
                        let number = s
                            .get(&mk.plan)
                            .and_then(|p| p.plan.commitment_number(mk.commitment));
                        let title = match number {
                            Some(n) => format!("Compromiso {n}: {name}"),
                            None => name.clone(),
                        };
                        let waiting = match standing {
                            Standing::Present => None,
                            Standing::PlanAbsent => Some("El plan no está en la lista: agréguelo de nuevo para incluir esta práctica en la biblioteca."),
                            Standing::CommitmentAbsent => Some("El plan de la lista ya no tiene este compromiso: no entra en la biblioteca."),
                        };
                        let (k1, k2) = (mk.plan.clone(), mk.plan.clone());
                        let id = mk.commitment;
                        let for_unmark = name.clone();
                        let present = standing == Standing::Present;
                        view! {
                            <tr class="table__row">
                                <th scope="row" class="table__header">
                                    {title}
                                    {waiting.map(|w| view! { <span class="hint practice__waiting">" "{w}</span> })}
                                </th>
                                <td class="table__cell">{mk.plan_name.clone()}</td>
                                <td class="table__cell">{words::reasons_line(&mk.reasons)}</td>
                                <td class="table__cell">{mk.note.clone()}</td>
                                <td class="table__cell table__cell--actions">
                                    {present.then(|| view! {
                                        <button class="button-link" type="button" on:click=move |_| change(k1.clone(), id)>
                                            "Cambiar"<span class="visually-hidden">{format!(" la buena práctica «{name}»")}</span>
                                        </button>
                                    })}
                                    <button class="button-link" type="button" on:click=move |_| unmark(k2.clone(), id, for_unmark.clone())>
                                        "Quitar la marca"<span class="visually-hidden">{format!(" de «{}»", for_unmark.clone())}</span>
                                    </button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        });
        if marks.with(Marks::is_empty) {
            return view! { <p class="body">"Todavía no ha marcado buenas prácticas."</p> }
                .into_any();
        }
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label="Buenas prácticas marcadas">
                <table class="table">
                    <caption class="table__caption">"Buenas prácticas marcadas"</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="table__header">"Compromiso"</th>
                            <th scope="col" class="table__header">"Plan"</th>
                            <th scope="col" class="table__header">"Razones"</th>
                            <th scope="col" class="table__header">"Nota"</th>
                            <th scope="col" class="table__header"><span class="visually-hidden">"Acciones"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    let plan_options = move || {
        set.with(|s| {
            s.plans()
                .iter()
                .map(|p| {
                    let key = p.key.0.clone();
                    let k = key.clone();
                    view! {
                        <option value=key selected=move || plan.with(|v| *v == k)>{p.plan.display_name().to_owned()}</option>
                    }
                })
                .collect_view()
        })
    };
    let commitment_options = move || {
        let key = PlanKey(plan.get());
        set.with(|s| {
            let Some(p) = s.get(&key) else {
                return Vec::new();
            };
            p.plan
                .commitments
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let id = c.id.0.to_string();
                    let v = id.clone();
                    let marked = marks.with(|m| m.get(&key, c.id).is_some());
                    let text = format!(
                        "Compromiso {}: {}{}",
                        i + 1,
                        labels::name_or_unnamed(&c.name),
                        if marked { " (ya es buena práctica)" } else { "" }
                    );
                    view! {
                        <option value=id selected=move || commitment.with(|c| *c == v)>{text}</option>
                    }
                })
                .collect::<Vec<_>>()
        })
    };

    let reason_boxes = move || {
        Reason::ALL
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let input_id = if i == 0 {
                PracticeField::Reasons.key().to_owned()
            } else {
                format!("{}-{}", PracticeField::Reasons.key(), r.key())
            };
            let hint_id = format!("{input_id}-ayuda");
            let key = r.key();
            view! {
                <div class="checkboxes__item checkboxes__item--hint">
                    <input
                        class="checkboxes__input"
                        id=input_id.clone()
                        name=PracticeField::Reasons.key()
                        type="checkbox"
                        value=key
                        aria-describedby=hint_id.clone()
                        prop:checked=move || reasons.with(|rs| rs.iter().any(|k| k == key))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            reasons.update(|rs| {
                                rs.retain(|k| k != key);
                                if on {
                                    rs.push(key.to_owned());
                                }
                            });
                        }
                    />
                    <label class="label checkboxes__label" for=input_id>{words::reason_label(r)}</label>
                    <div class="hint checkboxes__hint" id=hint_id>{words::reason_hint(r)}</div>
                </div>
            }
        })
        .collect_view()
    };

    let error_summary = move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(f, text)| {
                    let id = f.key();
                    view! {
                        <li><a href=format!("#{id}") on:click=move |ev| {
                            ev.prevent_default();
                            focus_id(id);
                        }>{text}</a></li>
                    }
                })
                .collect_view();
            view! {
                <div class="error-summary" id=ERRORS_ID tabindex="-1" role="alert" aria-labelledby="buenas-practicas-errores-titulo">
                    <h2 class="error-summary__title" id="buenas-practicas-errores-titulo">"Hay un problema"</h2>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    };
    let inline = move |f: PracticeField| {
        move || {
            error_of(f).map(|m| {
                view! {
                    <p class="error-message" id=format!("{}-error", f.key())>
                        <span class="visually-hidden">"Error: "</span>{m}
                    </p>
                }
            })
        }
    };
    let group_class = move |f: PracticeField| {
        move || {
            if error_of(f).is_some() {
                "form-group form-group--error"
            } else {
                "form-group"
            }
        }
    };
    let described = move |f: PracticeField, base: &'static str| {
        move || {
            let mut ids = base.to_owned();
            if error_of(f).is_some() {
                if !ids.is_empty() {
                    ids.push(' ');
                }
                ids.push_str(&format!("{}-error", f.key()));
            }
            (!ids.is_empty()).then_some(ids)
        }
    };
    let count = move || {
        let n = note.with(|t| t.chars().count());
        let max = crate::domain::articulation::practices::MAX_NOTE;
        if n > max {
            format!(
                "Tiene {} caracteres de más (máximo {})",
                labels::thousands(n - max),
                labels::thousands(max)
            )
        } else {
            format!(
                "Le quedan {} caracteres de {}",
                labels::thousands(max - n),
                labels::thousands(max)
            )
        }
    };
    let over =
        move || note.with(|t| t.chars().count()) > crate::domain::articulation::practices::MAX_NOTE;

    let download = move |_| {
        let (library, _) = set.with_untracked(|s| {
            marks.with_untracked(|m| Library::build(s, m, today_iso(), labels::entity_name))
        });
        if library.is_empty() {
            download_problem.set(Some(
                "Marque al menos una buena práctica de un plan de la lista antes de descargar la biblioteca.".to_owned(),
            ));
            request_animation_frame(|| focus_id(DOWNLOAD_ID));
            return;
        }
        download_problem.set(
            browser::download(
                file::encode(&library).as_bytes(),
                file::FILE_NAME,
                "application/json",
            )
            .err()
            .map(|_| crate::messages::articulation::DOWNLOAD_FAILED.to_owned()),
        );
    };
    let left_out = move || {
        set.with(|s| marks.with(|m| words::left_out(m.left_out(s))))
            .map(|t| view! { <p class="hint">{t}</p> })
    };

    let shown = move || !(set.with(PlanSet::is_empty) && marks.with(Marks::is_empty));
    view! {
        <Show when=shown>
            <h2 class="heading-m" id=SECTION_ID tabindex="-1">"Buenas prácticas"</h2>
            <p class="body">
                "Marque los compromisos locales que puedan servir de ejemplo a otros estados y municipios, y diga por qué. Con las buenas prácticas marcadas puede descargar una biblioteca: un archivo que cualquier persona carga en «Ver ejemplos» mientras escribe sus compromisos."
            </p>
            <p class="hint">
                "Las marcas se guardan solo en este navegador. Si quita un plan de la lista, sus marcas se conservan y vuelven cuando agrega otra vez el plan (por ejemplo, una versión más reciente); mientras tanto no entran en la biblioteca."
            </p>
            {move || storage_problem.get().map(|t| view! { <div class="banner" role="alert"><p class="banner__text">{t}</p></div> })}
            {move || notice.get().map(|t| view! {
                <div class="banner banner--success" id=NOTICE_ID tabindex="-1" role="status"><p class="banner__text">{t}</p></div>
            })}
            {list}

            <form class="practice-form" id=FORM_ID novalidate=true on:submit=submit>
                <h3 class="heading-s">"Marcar un compromiso como buena práctica"</h3>
                {error_summary}
                <div class=group_class(PracticeField::Plan)>
                    <label class="label" for=PracticeField::Plan.key()>"Plan"</label>
                    {inline(PracticeField::Plan)}
                    <select class="select" id=PracticeField::Plan.key() name=PracticeField::Plan.key()
                        aria-describedby=described(PracticeField::Plan, "")
                        on:change=move |ev| {
                            plan.set(event_target_value(&ev));
                            commitment.set(String::new());
                        }>
                        <option value="" selected=move || plan.with(String::is_empty)>"Elija un plan"</option>
                        {plan_options}
                    </select>
                </div>
                <div class=group_class(PracticeField::Commitment)>
                    <label class="label" for=PracticeField::Commitment.key()>"Compromiso"</label>
                    <p class="hint" id="practica-compromiso-ayuda">"Primero elija el plan; aquí aparecen sus compromisos."</p>
                    {inline(PracticeField::Commitment)}
                    <select class="select" id=PracticeField::Commitment.key() name=PracticeField::Commitment.key()
                        aria-describedby=described(PracticeField::Commitment, "practica-compromiso-ayuda")
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            fill_from_mark(&plan.get_untracked(), &v);
                            commitment.set(v);
                        }>
                        <option value="" selected=move || commitment.with(String::is_empty)>"Elija un compromiso"</option>
                        {commitment_options}
                    </select>
                </div>
                <div class=group_class(PracticeField::Reasons)>
                    <fieldset class="fieldset" aria-describedby=described(PracticeField::Reasons, "practica-razones-ayuda")>
                        <legend class="fieldset__legend">"¿Por qué es una buena práctica?"</legend>
                        <div class="hint" id="practica-razones-ayuda">"Seleccione una o más razones."</div>
                        {inline(PracticeField::Reasons)}
                        <div class="checkboxes">{reason_boxes}</div>
                    </fieldset>
                </div>
                <div class=group_class(PracticeField::Note)>
                    <label class="label" for=PracticeField::Note.key()>"Nota breve"</label>
                    <div class="hint" id="practica-nota-ayuda">{words::note_hint()}</div>
                    {inline(PracticeField::Note)}
                    <textarea
                        class=move || if error_of(PracticeField::Note).is_some() { "textarea input--error" } else { "textarea" }
                        id=PracticeField::Note.key()
                        name=PracticeField::Note.key()
                        rows=3
                        spellcheck="true"
                        aria-describedby=described(PracticeField::Note, "practica-nota-ayuda practica-nota-cuenta")
                        aria-invalid=move || error_of(PracticeField::Note).is_some().then_some("true")
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))
                    ></textarea>
                    <div class=move || if over() { "character-count character-count--over" } else { "character-count hint" } id="practica-nota-cuenta" aria-live="polite">
                        {count}
                    </div>
                </div>
                <button class="button" type="submit">
                    {move || if is_marked_choice() { "Guardar los cambios" } else { "Marcar como buena práctica" }}
                </button>
            </form>

            <h3 class="heading-s">"Descargar la biblioteca"</h3>
            <p class="body">
                "La biblioteca lleva, de cada buena práctica, el compromiso como está en su plan (nombre, problemática, objetivo, acciones clave con sus ponderaciones, vínculo con el plan nacional, metas de los ODS y valores de la Alianza), el plan, el estado y el periodo, y sus razones y nota. Se lee sin los planes."
            </p>
            {left_out}
            <p>
                <button class="button button--secondary" type="button" id=DOWNLOAD_ID on:click=download>"Descargar la biblioteca (JSON)"</button>
            </p>
            {move || download_problem.get().map(|t| view! { <div class="banner" role="alert"><p class="banner__text">{t}</p></div> })}
            <p class="body">
                "Para leer una biblioteca como ejemplos, abra "<a href=paths::EXAMPLES>"Ejemplos de buenas prácticas"</a>"."
            </p>
        </Show>
    }
}
