//! Accessible form primitives (GOV.UK patterns in Spanish): text fields, radio
//! groups, the error summary, and the page's raw-input form state.
//!
//! Every control has a visible label; hint and error are wired with
//! `aria-describedby`; the error summary takes focus and links to each field.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsCast;

use crate::domain::{Field, FieldError};
use crate::messages;

/// HTML id of the error summary, focused when validation fails.
pub const SUMMARY_ID: &str = "resumen-errores";

/// A page's raw input (field key → text) and its current errors.
#[derive(Clone, Copy)]
pub struct Form {
    pub values: RwSignal<BTreeMap<String, String>>,
    pub errors: RwSignal<Vec<FieldError>>,
    /// True when `errors` are warnings about what was just saved (a date
    /// outside the plan's period): the page was kept, not refused.
    pub saved_with_warnings: RwSignal<bool>,
}

impl Form {
    pub fn new(values: BTreeMap<String, String>) -> Self {
        Self {
            values: RwSignal::new(values),
            errors: RwSignal::new(Vec::new()),
            saved_with_warnings: RwSignal::new(false),
        }
    }

    /// A form showing a typed input struct (whose serde names are field keys).
    pub fn from_input<T: Serialize>(input: &T) -> Self {
        Self::new(to_fields(input))
    }

    pub fn value(&self, key: &str) -> String {
        self.values
            .with(|v| v.get(key).cloned().unwrap_or_default())
    }

    /// The value without subscribing (for event handlers).
    pub fn value_untracked(&self, key: &str) -> String {
        self.values
            .with_untracked(|v| v.get(key).cloned().unwrap_or_default())
    }

    pub fn set(&self, key: &str, value: String) {
        self.values.update(|v| {
            v.insert(key.to_owned(), value);
        });
    }

    /// The typed input struct built from the raw values.
    pub fn input<T: DeserializeOwned + Default>(&self) -> T {
        from_fields(&self.values.get_untracked())
    }

    /// The first error message for a field, if any, as shown next to it.
    pub fn error(&self, field: Field) -> Option<String> {
        self.errors.with(|errs| {
            errs.iter()
                .find(|e| e.field == field)
                .map(messages::field_error_inline)
        })
    }

    pub fn has_errors(&self) -> bool {
        self.errors.with(|e| !e.is_empty())
    }

    /// Shows validation errors and moves focus to the summary.
    pub fn show_errors(&self, errors: Vec<FieldError>) {
        self.saved_with_warnings.set(false);
        self.errors.set(errors);
        request_animation_frame(|| focus_id(SUMMARY_ID));
    }

    /// Shows what to review in what was just saved (see [`Form::saved_with_warnings`]).
    pub fn show_warnings(&self, warnings: Vec<FieldError>) {
        self.saved_with_warnings.set(true);
        self.errors.set(warnings);
        request_animation_frame(|| focus_id(SUMMARY_ID));
    }
}

/// Serialises an input struct into field key → text.
pub fn to_fields<T: Serialize>(input: &T) -> BTreeMap<String, String> {
    match serde_json::to_value(input) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_owned())))
            .collect(),
        _ => BTreeMap::new(),
    }
}

/// Builds an input struct from field key → text; unknown or missing keys fall back to defaults.
pub fn from_fields<T: DeserializeOwned + Default>(fields: &BTreeMap<String, String>) -> T {
    serde_json::to_value(fields)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// "Hay un problema": the list of errors, each a link that focuses its field.
#[component]
pub fn ErrorSummary(form: Form) -> impl IntoView {
    move || {
        let errors = form.errors.get();
        (!errors.is_empty()).then(|| {
            let items = errors
                .into_iter()
                .map(|e| {
                    let id = e.field.key();
                    let href = format!("#{id}");
                    view! {
                        <li>
                            <a
                                href=href
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_id(id);
                                }
                            >
                                {messages::field_error(&e)}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div
                    class=move || if form.saved_with_warnings.get() {
                        "error-summary error-summary--saved"
                    } else {
                        "error-summary"
                    }
                    id=SUMMARY_ID
                    tabindex="-1"
                    role="alert"
                    aria-labelledby="resumen-errores-titulo"
                >
                    <h2 class="error-summary__title" id="resumen-errores-titulo">
                        {move || if form.saved_with_warnings.get() {
                            "Se guardó, pero revise esto"
                        } else {
                            "Hay un problema"
                        }}
                    </h2>
                    {move || form.saved_with_warnings.get().then(|| view! {
                        <p class="error-summary__body">
                            "Puede corregirlo ahora o volver a elegir «Guardar y continuar» para seguir: el plan lo señalará hasta que lo corrija."
                        </p>
                    })}
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    }
}

/// The inline error after a label.
#[component]
fn InlineError(id: String, message: Option<String>) -> impl IntoView {
    message.map(|m| {
        view! {
            <p class="error-message" id=id>
                <span class="visually-hidden">"Error: "</span>
                {m}
            </p>
        }
    })
}

/// A labelled one-line text input bound to a form field.
#[component]
pub fn TextField(
    form: Form,
    field: Field,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    /// CSS width modifier: "input--w10", "input--w20", or none for full width.
    #[prop(optional)]
    width: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// Id of a `<datalist>` of suggestions (the person may still type anything).
    #[prop(optional)]
    list: Option<&'static str>,
    /// The language of what is typed, when it is not Spanish ("en" for a
    /// title in English): the browser spell-checks it in that language.
    #[prop(optional)]
    lang: Option<&'static str>,
) -> impl IntoView {
    let id = field.key();
    let wiring = Wiring::new(form, field, hint.is_some());
    let (hint_id, error) = (wiring.hint_id.clone(), wiring.error);
    let described = wiring.described(None);
    let class = move || {
        let w = width.unwrap_or("");
        if error.get().is_some() {
            format!("input {w} input--error")
        } else {
            format!("input {w}")
        }
    };
    view! {
        <div class=wiring.group_class()>
            <label class="label" for=id>
                {label}
            </label>
            {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
            {wiring.inline_error()}
            <input
                class=class
                id=id
                name=id
                type="text"
                lang=lang
                autocomplete=autocomplete.unwrap_or("off")
                inputmode=inputmode
                list=list
                spellcheck=if inputmode.is_some() { "false" } else { "true" }
                aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || form.value(id)
                on:input=move |ev| form.set(id, event_target_value(&ev))
            />
        </div>
    }
}

/// One choice of a radio group: stored key, visible label, optional hint.
#[derive(Clone)]
pub struct Choice {
    pub key: &'static str,
    pub label: std::borrow::Cow<'static, str>,
    pub hint: Option<&'static str>,
}

/// A `<fieldset>` of radios bound to a form field. The first radio carries the
/// field's id, so the error summary link lands on the group.
#[component]
pub fn RadioGroup(
    form: Form,
    field: Field,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    choices: Vec<Choice>,
) -> impl IntoView {
    let id = field.key();
    let wiring = Wiring::new(form, field, hint.is_some());
    let hint_id = wiring.hint_id.clone();
    let described = wiring.described(None);
    let radios = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let input_id = if i == 0 {
                id.to_owned()
            } else {
                format!("{id}-{}", c.key)
            };
            let item_hint_id = format!("{input_id}-hint");
            let key = c.key;
            view! {
                <div class="radios__item">
                    <input
                        class="radios__input"
                        id=input_id.clone()
                        name=id
                        type="radio"
                        value=key
                        aria-describedby=c.hint.map(|_| item_hint_id.clone())
                        prop:checked=move || form.value(id) == key
                        on:change=move |_| form.set(id, key.to_owned())
                    />
                    <label class="label radios__label" for=input_id>
                        {c.label}
                    </label>
                    {c.hint.map(|h| view! { <div class="hint radios__hint" id=item_hint_id>{h}</div> })}
                </div>
            }
        })
        .collect_view();
    // An optional question (house style: its legend ends "(opcional)") can be
    // left unanswered again: radios alone cannot be unchosen.
    let clear = legend.ends_with("(opcional)").then(|| {
        let what = format!("de «{}»", legend.trim_end_matches("(opcional)").trim_end());
        move || {
            let what = what.clone();
            (!form.value(id).is_empty()).then(|| {
                view! {
                    <button class="button-link radios__clear" type="button" on:click=move |_| {
                        form.set(id, String::new());
                        focus_id(id);
                    }>
                        "Quitar la respuesta"<span class="visually-hidden">{what}</span>
                    </button>
                }
            })
        }
    });
    view! {
        <div class=wiring.group_class()>
            <fieldset class="fieldset" aria-describedby=described>
                <legend class="fieldset__legend">{legend}</legend>
                {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
                {wiring.inline_error()}
                <div class="radios">{radios}</div>
                {clear}
            </fieldset>
        </div>
    }
}

fn group_class(error: bool) -> &'static str {
    if error {
        "form-group form-group--error"
    } else {
        "form-group"
    }
}

/// What every control bound to a form field shares: the ids of its hint and
/// inline error (`{id}-hint`, `{id}-error`), its current error, and the
/// `aria-describedby` value made of them.
#[derive(Clone)]
pub(crate) struct Wiring {
    pub hint_id: String,
    pub error_id: String,
    pub has_hint: bool,
    pub error: Memo<Option<String>>,
}

impl Wiring {
    pub fn new(form: Form, field: Field, has_hint: bool) -> Self {
        let id = field.key();
        Self {
            hint_id: format!("{id}-hint"),
            error_id: format!("{id}-error"),
            has_hint,
            error: Memo::new(move |_| form.error(field)),
        }
    }

    /// `aria-describedby`: the hint, the error while shown, then `extra` (e.g. a
    /// live count line); `None` when there is nothing to point to.
    pub fn described(
        &self,
        extra: Option<String>,
    ) -> impl Fn() -> Option<String> + Clone + 'static {
        let this = self.clone();
        move || {
            let ids: Vec<&str> = [
                this.has_hint.then_some(this.hint_id.as_str()),
                this.error.get().map(|_| this.error_id.as_str()),
                extra.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// The form group's class, marked while the field has an error.
    pub fn group_class(&self) -> impl Fn() -> &'static str + 'static {
        let error = self.error;
        move || group_class(error.get().is_some())
    }

    /// The inline error after the label, while there is one.
    pub fn inline_error(&self) -> impl IntoView + 'static {
        let (id, error) = (self.error_id.clone(), self.error);
        move || view! { <InlineError id=id.clone() message=error.get() /> }
    }
}

/// A labelled `<select>` bound to a form field, with an empty first choice.
#[component]
pub fn SelectField(
    form: Form,
    field: Field,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    /// Text of the empty first option ("Seleccione un estado").
    #[prop(into)]
    placeholder: String,
    options: Vec<(&'static str, String)>,
) -> impl IntoView {
    let id = field.key();
    let wiring = Wiring::new(form, field, hint.is_some());
    let (hint_id, error) = (wiring.hint_id.clone(), wiring.error);
    let described = wiring.described(None);
    let items = options
        .into_iter()
        .map(|(value, text)| {
            view! { <option value=value selected=move || form.value(id) == value>{text}</option> }
        })
        .collect_view();
    view! {
        <div class=wiring.group_class()>
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
            {wiring.inline_error()}
            <select
                class=move || if error.get().is_some() { "select input--error" } else { "select" }
                id=id
                name=id
                aria-describedby=described
                prop:value=move || form.value(id)
                on:change=move |ev| form.set(id, event_target_value(&ev))
            >
                <option value="">{placeholder}</option>
                {items}
            </select>
        </div>
    }
}

/// "Hay un problema" for a page with one field (a file to open): the message
/// links to the field. Focus is moved to it by the caller (`focus_id(SUMMARY_ID)`).
#[component]
pub fn SingleErrorSummary(
    /// Id of the field the message is about.
    field_id: &'static str,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <div class="error-summary" id=SUMMARY_ID tabindex="-1" role="alert" aria-labelledby="resumen-errores-titulo">
                    <h2 class="error-summary__title" id="resumen-errores-titulo">"Hay un problema"</h2>
                    <ul class="error-summary__list">
                        <li>
                            <a href=format!("#{field_id}") on:click=move |ev| {
                                ev.prevent_default();
                                focus_id(field_id);
                            }>{message}</a>
                        </li>
                    </ul>
                </div>
            }
        })
    }
}

/// A labelled file input whose inline error is wired with `aria-describedby`.
#[component]
pub fn FileField<F>(
    id: &'static str,
    #[prop(into)] label: String,
    /// The `accept` attribute (".json,application/json").
    accept: &'static str,
    error: RwSignal<Option<String>>,
    on_change: F,
) -> impl IntoView
where
    F: Fn(web_sys::Event) + 'static,
{
    let error_id = format!("{id}-error");
    let described = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    view! {
        <div class=move || group_class(error.get().is_some())>
            <label class="label" for=id>{label}</label>
            {move || view! { <InlineError id=error_id.clone() message=error.get() /> }}
            <input
                class="file-upload"
                id=id
                name=id
                type="file"
                accept=accept
                aria-describedby=described
                on:change=on_change
            />
        </div>
    }
}

/// The change handler of a [`FileField`]: reads the chosen file (refusing more
/// than `max_bytes` before reading it) and passes the text, or why it could not
/// be read, to `parse` with the file name without its extension. A parsed value
/// goes to `chosen` and focus to `preview_id`; a message goes to `error` and
/// focus to the error summary. Nothing else changes until the person confirms.
pub fn on_file_chosen<T, P>(
    max_bytes: u64,
    chosen: RwSignal<Option<T>>,
    error: RwSignal<Option<String>>,
    preview_id: &'static str,
    parse: P,
) -> impl Fn(web_sys::Event) + 'static
where
    T: Send + Sync + 'static,
    P: Fn(Result<String, crate::persistence::browser::ReadFileError>, &str) -> Result<T, String>
        + Clone
        + 'static,
{
    on_file(chosen, error, preview_id, move |file: web_sys::File| {
        let parse = parse.clone();
        async move {
            let name = file.name();
            let stem = name
                .rsplit_once('.')
                .map_or(name.clone(), |(s, _)| s.to_owned());
            let read = crate::persistence::browser::read_text(&file, max_bytes).await;
            parse(read, &stem)
        }
    })
}

/// Like [`on_file_chosen`], for files read as bytes (a draft may come inside a
/// PDF): `max_bytes` gives the limit for the file's name, and `parse` gets the
/// bytes, or why they could not be read, with the limit that applied.
pub fn on_file_bytes_chosen<T, P>(
    max_bytes: fn(&str) -> usize,
    chosen: RwSignal<Option<T>>,
    error: RwSignal<Option<String>>,
    preview_id: &'static str,
    parse: P,
) -> impl Fn(web_sys::Event) + 'static
where
    T: Send + Sync + 'static,
    P: Fn(Result<Vec<u8>, crate::persistence::browser::ReadFileError>, usize) -> Result<T, String>
        + Clone
        + 'static,
{
    on_file(chosen, error, preview_id, move |file: web_sys::File| {
        let parse = parse.clone();
        async move {
            let max = max_bytes(&file.name());
            let read = crate::persistence::browser::read_bytes(&file, max as u64).await;
            parse(read, max)
        }
    })
}

/// The shared half of the file handlers: takes the chosen file, clears the
/// last result, and shows what `read_and_parse` gives.
fn on_file<T, R, F>(
    chosen: RwSignal<Option<T>>,
    error: RwSignal<Option<String>>,
    preview_id: &'static str,
    read_and_parse: R,
) -> impl Fn(web_sys::Event) + 'static
where
    T: Send + Sync + 'static,
    R: Fn(web_sys::File) -> F + 'static,
    F: std::future::Future<Output = Result<T, String>> + 'static,
{
    move |ev: web_sys::Event| {
        let Some(file) = chosen_files(&ev).into_iter().next() else {
            return;
        };
        chosen.set(None);
        error.set(None);
        let work = read_and_parse(file);
        leptos::task::spawn_local(async move {
            match work.await {
                Ok(value) => {
                    chosen.set(Some(value));
                    request_animation_frame(move || focus_id(preview_id));
                }
                Err(message) => {
                    error.set(Some(message));
                    request_animation_frame(|| focus_id(SUMMARY_ID));
                }
            }
        });
    }
}

/// The file input an event came from.
pub fn file_input(ev: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
}

/// The files a file input holds, in order.
pub fn files_of(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// The files a file input's `change` event chose, in order (none when the
/// event is not from a file input or the choice was cancelled).
pub fn chosen_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    file_input(ev).map(|i| files_of(&i)).unwrap_or_default()
}
