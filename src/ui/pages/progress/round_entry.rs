//! The report of one commitment in a round
//! (`/plan/avances/{r}/compromisos/{id}`): all its key actions and their
//! activities on one page, each with its status, percent, evidence,
//! difficulties, next steps and, when the commitment has a gender
//! perspective, a note on it ([`crate::domain::report_input`]). Beside each
//! item, what the round before said; "Copiar las respuestas del informe
//! anterior" fills the whole page from it.
//!
//! A page of 4 key actions × 4 activities has some 200 controls: each reads
//! its own value through a memo, so a keystroke updates the field typed in,
//! not every field of the page.

use leptos::prelude::*;

use crate::domain::progress::{ItemReport, Round, Status};
use crate::domain::report_input::{store_reports, CommitmentReportInput, ItemPlace, ReportPart};
use crate::domain::{format_date, Commitment, CommitmentId, Field, ItemId};
use crate::labels::{name_or_unnamed, thousands, Label};
use crate::messages::rounds as words;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{focus_id, Form, Wiring};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::remount_on;
use crate::ui::widgets::QuestionFrame;

/// The order the statuses are offered in: from not started to complete, then
/// "Sin evidencia".
const STATUSES: [Status; 5] = [
    Status::NoIniciado,
    Status::Limitado,
    Status::Sustancial,
    Status::Completo,
    Status::SinEvidencia,
];

/// Id of the copy button (focus returns to it).
const COPY_ID: &str = "copiar-informe-anterior";
const COPY_CONFIRM_ID: &str = "confirmar-copia";

/// `/plan/avances/{r}/compromisos/{id}`.
#[component]
pub fn RoundCommitmentPage() -> impl IntoView {
    remount_on(&["r", "id"], |p| {
        let state = use_app();
        let found = p[0]
            .parse::<u32>()
            .ok()
            .zip(p[1].parse::<u32>().ok())
            .and_then(|(r, c)| {
                state.plan.with_untracked(|plan| {
                    let round = plan.implementation.round(ItemId(r))?.clone();
                    let commitment = plan.commitment(CommitmentId(c))?.clone();
                    let number = plan.commitment_number(commitment.id).unwrap_or(0);
                    let previous = plan.implementation.previous_round(round.id).cloned();
                    Some((round, commitment, number, previous))
                })
            });
        match found {
            Some((round, commitment, number, previous)) => view! {
                <EntryForm round=round commitment=commitment number=number previous=previous />
            }
            .into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    })
}

/// The round's name as shown ("Informe al 30/06/2026" when it has none).
fn round_title(r: &Round) -> String {
    let name = r.name.trim();
    if name.is_empty() {
        format!("Informe al {}", format_date(r.cutoff))
    } else {
        name.to_owned()
    }
}

#[component]
fn EntryForm(
    round: Round,
    commitment: Commitment,
    number: usize,
    previous: Option<Round>,
) -> impl IntoView {
    let state = use_app();
    let r = round.id;
    let c = commitment.id;
    let page = crate::ui::route::round_report_key(r, c);
    let form = page_form(&page, |p| {
        CommitmentReportInput::from_value(&commitment, p.implementation.round(r)).fields()
    });
    let gender = crate::domain::report_input::asks_gender(&commitment);
    let stored = StoredValue::new(commitment.clone());
    let submit = save_handler(
        form,
        page,
        paths::round(Some(r)),
        move || {
            let values = form.values.get_untracked();
            stored.with_value(|c| CommitmentReportInput::from_fields(c, &values).read())
        },
        move |reports: Vec<ItemReport>| {
            state.edit_plan(|p| {
                if let Some(round) = p.implementation.rounds.iter_mut().find(|x| x.id == r) {
                    store_reports(round, reports, gender);
                }
            })
        },
    );
    let round_name = round_title(&round);
    let previous = previous.map(|p| (round_title(&p), p));
    let copy = previous.as_ref().map(|(name, p)| {
        view! { <CopyPrevious form=form commitment=commitment.clone() previous=p.clone() name=name.clone() /> }
    });
    let places = crate::domain::report_input::places(&commitment);
    let shown_previous = StoredValue::new(previous);
    let key_actions = commitment
        .key_actions
        .iter()
        .map(|k| {
            let mine: Vec<ItemPlace> = places
                .iter()
                .copied()
                .filter(|p| p.key_action == k.id)
                .collect();
            let weight = k
                .weight
                .map(|w| format!(" ({} %)", w.get()))
                .unwrap_or_default();
            let items = mine
                .into_iter()
                .map(|place| {
                    let name = match place.activity {
                        None => k.name.clone(),
                        Some(a) => k.activity(a).map(|a| a.name.clone()).unwrap_or_default(),
                    };
                    let heading = format!(
                        "{}: {}{}",
                        words::item_title(place),
                        name_or_unnamed(&name),
                        if place.activity.is_none() { weight.as_str() } else { "" }
                    );
                    let before = shown_previous.with_value(|p| {
                        p.as_ref().map(|(title, round)| {
                            (title.clone(), round.cutoff, round.report(place.item(c)).cloned())
                        })
                    });
                    view! {
                        <ItemFields form=form place=place heading=heading gender=gender before=before />
                    }
                })
                .collect_view();
            view! { <div class="key-action">{items}</div> }
        })
        .collect_view();
    let intro = format!(
        "Registre dónde estaba cada acción clave y cada actividad al {}. Todas las respuestas son opcionales: deje vacío lo que todavía no sepa.",
        format_date(round.cutoff)
    );
    view! {
        <QuestionFrame
            form=form
            back=paths::round(Some(r))
            back_text="Regresar al informe"
            title=format!("Compromiso {number}: {}", name_or_unnamed(&commitment.name))
            caption=format!("{round_name} · Avance del compromiso {number}")
            submit=submit
        >
            <p class="body">{intro}</p>
            {copy}
            {(commitment.key_actions.is_empty()).then(|| view! {
                <p class="body">"Este compromiso todavía no tiene acciones clave. Agréguelas en su ficha."</p>
            })}
            {key_actions}
        </QuestionFrame>
    }
}

/// "Copiar las respuestas del informe anterior": fills the whole page with
/// what the round before said about each item. When the page already holds
/// answers, it asks first.
#[component]
fn CopyPrevious(
    form: Form,
    commitment: Commitment,
    previous: Round,
    name: String,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let cutoff = format_date(previous.cutoff);
    let copied = CommitmentReportInput::from_value(&commitment, Some(&previous)).fields();
    let copied = StoredValue::new(copied);
    let message = format!(
        "Se copiaron las respuestas de «{name}». Cambie lo que cambió y elija «Guardar y continuar»."
    );
    let copy_now = move || {
        form.values.set(copied.get_value());
        done.set(Some(message.clone()));
    };
    let on_copy = {
        let copy_now = copy_now.clone();
        move |_| {
            let typed = form
                .values
                .with_untracked(|v| v.values().any(|x| !x.trim().is_empty()));
            if typed {
                confirming.set(true);
                request_animation_frame(|| focus_id(COPY_CONFIRM_ID));
            } else {
                copy_now();
            }
        }
    };
    let confirm = {
        let name = name.clone();
        move || {
            let copy_now = copy_now.clone();
            confirming.get().then(|| {
                view! {
                    <div class="banner" id=COPY_CONFIRM_ID tabindex="-1" role="alertdialog" aria-labelledby="confirmar-copia-titulo">
                        <h2 class="banner__title" id="confirmar-copia-titulo">
                            {format!("¿Reemplazar las respuestas de esta página con las de «{name}»?")}
                        </h2>
                        <p class="banner__text">"Lo que escribió en esta página se reemplaza."</p>
                        <div class="button-group">
                            <button class="button" type="button" on:click=move |_| {
                                copy_now();
                                confirming.set(false);
                                request_animation_frame(|| focus_id(COPY_ID));
                            }>"Sí, copiar"</button>
                            <button class="button button--secondary" type="button" on:click=move |_| {
                                confirming.set(false);
                                request_animation_frame(|| focus_id(COPY_ID));
                            }>"Cancelar"</button>
                        </div>
                    </div>
                }
            })
        }
    };
    view! {
        <div class="inset">
            <p class="body">
                {format!("Junto a cada acción clave y actividad están las respuestas del informe anterior, «{name}» (corte al {cutoff}). Si poco cambió, cópielas y cambie solo lo que cambió.")}
            </p>
            <button class="button button--secondary" type="button" id=COPY_ID on:click=on_copy>
                "Copiar las respuestas del informe anterior"
            </button>
            {confirm}
            <p class="body" role="status" id="copia-estado">{move || done.get()}</p>
        </div>
    }
}

/// A field's value, read through a memo: the field's own updates run only
/// when its value changes, not on every keystroke elsewhere on the page.
fn value_of(form: Form, key: &'static str) -> Memo<String> {
    Memo::new(move |_| {
        form.values
            .with(|v| v.get(key).cloned().unwrap_or_default())
    })
}

/// One item: its heading, what the round before said, and its fields.
#[component]
fn ItemFields(
    form: Form,
    place: ItemPlace,
    heading: String,
    gender: bool,
    /// The round before: its name, cut-off and what it said about this item.
    before: Option<(String, time::Date, Option<ItemReport>)>,
) -> impl IntoView {
    let key_action = place.activity.is_none();
    let legend = if key_action {
        view! { <h2 class="fieldset__heading">{heading}</h2> }.into_any()
    } else {
        view! { <h3 class="fieldset__heading">{heading}</h3> }.into_any()
    };
    let class = if key_action {
        "fieldset"
    } else {
        "fieldset activity"
    };
    let legend_class = if key_action {
        "fieldset__legend fieldset__legend--m"
    } else {
        "fieldset__legend"
    };
    let field = |part| place.field(part);
    view! {
        <fieldset class=class>
            <legend class=legend_class>{legend}</legend>
            {before.map(|(name, cutoff, report)| view! { <PreviousAnswers name=name cutoff=cutoff report=report /> })}
            <StatusRadios form=form field=field(ReportPart::Status) />
            <PercentField form=form field=field(ReportPart::Percent) />
            <LongText
                form=form
                field=field(ReportPart::Evidence)
                label="Evidencia"
                hint="Una por renglón: una liga, el nombre de un documento o una descripción."
            />
            <LongText form=form field=field(ReportPart::Difficulties) label="Dificultades" hint="Qué lo detuvo o lo retrasó." />
            <LongText form=form field=field(ReportPart::NextSteps) label="Siguientes pasos" hint="" />
            {gender.then(|| view! {
                <LongText
                    form=form
                    field=field(ReportPart::GenderNote)
                    label="Género e inclusión"
                    hint="Cómo atendió la perspectiva de género o de inclusión del compromiso."
                />
            })}
        </fieldset>
    }
}

/// What the round before said about an item, for reference.
#[component]
fn PreviousAnswers(name: String, cutoff: time::Date, report: Option<ItemReport>) -> impl IntoView {
    let title = format!(
        "En el informe anterior, «{name}» (corte al {}):",
        format_date(cutoff)
    );
    let body = match report {
        None => view! { <p class="body">"No se reportó."</p> }.into_any(),
        Some(r) => {
            let status = r.status.map_or("Sin estado", |s| s.label());
            let percent = r.percent.map(|p| format!(", {p} %")).unwrap_or_default();
            let line = |label: &'static str, text: Option<String>| {
                text.filter(|t| !t.trim().is_empty())
                    .map(|t| view! { <p class="body"><strong>{label}</strong>" "{t}</p> })
            };
            let evidence = (!r.evidence.is_empty()).then(|| r.evidence.join("; "));
            view! {
                <p class="body">{format!("{status}{percent}.")}</p>
                {line("Evidencia:", evidence)}
                {line("Dificultades:", r.difficulties.clone())}
                {line("Siguientes pasos:", r.next_steps.clone())}
                {line("Género e inclusión:", r.gender_note.clone())}
            }
            .into_any()
        }
    };
    view! {
        <div class="inset">
            <p class="body"><strong>{title}</strong></p>
            {body}
        </div>
    }
}

/// The status radios (first radio carries the field's id).
#[component]
fn StatusRadios(form: Form, field: Field) -> impl IntoView {
    let id = field.key();
    let value = value_of(form, id);
    let wiring = Wiring::new(form, field, false);
    let described = wiring.described(None);
    let radios = STATUSES
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let key = s.key();
            let input_id = if i == 0 {
                id.to_owned()
            } else {
                format!("{id}-{key}")
            };
            view! {
                <div class="radios__item">
                    <input
                        class="radios__input"
                        id=input_id.clone()
                        name=id
                        type="radio"
                        value=key
                        prop:checked=move || value.with(|v| v == key)
                        on:change=move |_| form.set(id, key.to_owned())
                    />
                    <label class="label radios__label" for=input_id>{s.label()}</label>
                </div>
            }
        })
        .collect_view();
    let clear = move || {
        value.with(|v| !v.is_empty()).then(|| {
            view! {
                <button class="button-link radios__clear" type="button" on:click=move |_| {
                    form.set(id, String::new());
                    focus_id(id);
                }>"Quitar el estado"</button>
            }
        })
    };
    view! {
        <div class=wiring.group_class()>
            <fieldset class="fieldset" aria-describedby=described>
                <legend class="fieldset__legend">"Estado"</legend>
                {wiring.inline_error()}
                <div class="radios radios--inline">{radios}</div>
                {clear}
            </fieldset>
        </div>
    }
}

/// The percent: "35" or "35 %".
#[component]
fn PercentField(form: Form, field: Field) -> impl IntoView {
    let id = field.key();
    let value = value_of(form, id);
    let wiring = Wiring::new(form, field, true);
    let (hint_id, error) = (wiring.hint_id.clone(), wiring.error);
    let described = wiring.described(None);
    view! {
        <div class=wiring.group_class()>
            <label class="label" for=id>"Avance (%)"</label>
            <div class="hint" id=hint_id>"De 0 a 100, por ejemplo 35."</div>
            {wiring.inline_error()}
            <input
                class=move || if error.get().is_some() { "input input--w5 input--error" } else { "input input--w5" }
                id=id
                name=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| form.set(id, event_target_value(&ev))
            />
        </div>
    }
}

/// A long text with a character count that never blocks typing.
#[component]
fn LongText(form: Form, field: Field, label: &'static str, hint: &'static str) -> impl IntoView {
    let id = field.key();
    let max = crate::domain::contact::MAX_LONG;
    let value = value_of(form, id);
    let count_id = format!("{id}-cuenta");
    let wiring = Wiring::new(form, field, !hint.is_empty());
    let (hint_id, error) = (wiring.hint_id.clone(), wiring.error);
    let described = wiring.described(Some(count_id.clone()));
    let length = Memo::new(move |_| value.with(|v| v.chars().count()));
    let count = move || {
        let n = length.get();
        if n > max {
            format!(
                "Tiene {} caracteres de más (máximo {})",
                thousands(n - max),
                thousands(max)
            )
        } else {
            format!(
                "Le quedan {} caracteres de {}",
                thousands(max - n),
                thousands(max)
            )
        }
    };
    view! {
        <div class=wiring.group_class()>
            <label class="label" for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <div class="hint" id=hint_id.clone()>{hint}</div> })}
            {wiring.inline_error()}
            <textarea
                class=move || if error.get().is_some() { "textarea input--error" } else { "textarea" }
                id=id
                name=id
                rows="2"
                spellcheck="true"
                aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| form.set(id, event_target_value(&ev))
            ></textarea>
            <div
                class=move || if max < length.get() { "character-count character-count--over" } else { "character-count hint" }
                id=count_id
                aria-live="polite"
            >
                {count}
            </div>
        </div>
    }
}
