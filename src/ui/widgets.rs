//! Building blocks of the methodology's pages, on top of [`crate::ui::form`]:
//! long texts with a character count, checkbox groups, the contact fields, date
//! fields, the question-page frame, lists of items with change and delete, the
//! summary list of check-your-answers pages, and glossary help.

use leptos::prelude::*;

use crate::catalog::{self, AuthorityScope};
use crate::domain::choice::Keyed;
use crate::domain::contact::{Branch, Sector, MAX_LONG};
use crate::domain::{Field, Named};
use crate::labels::{self, Label};
use crate::messages;
use crate::ui::draft_form::Submit;
use crate::ui::form::{focus_id, Choice, ErrorSummary, Form, RadioGroup, TextField, Wiring};
use crate::ui::shell::{BackLink, PageHeading};

/// Radio or checkbox choices for every value of a closed list, labelled from
/// [`crate::labels`].
pub fn choices<T: Keyed + Label>(all: &[T]) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            key: v.key(),
            label: v.label().into(),
            hint: None,
        })
        .collect()
}

/// An item or commitment id as a radio key. Radio choice keys are
/// `&'static str`, so each id's text is made once, on first use, and kept: a
/// cache bounded by the largest id in use, not a leak per page.
pub fn id_key(n: u32) -> &'static str {
    use std::sync::Mutex;
    static KEYS: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let Ok(mut keys) = KEYS.lock() else {
        return "";
    };
    while keys.len() <= n as usize {
        let next = keys.len().to_string();
        keys.push(Box::leak(next.into_boxed_str()));
    }
    keys[n as usize]
}

/// A labelled multi-line text with a live character count that never blocks
/// typing: past the limit it says by how much, and "Guardar" reports it.
#[component]
pub fn TextArea(
    form: Form,
    #[prop(into)] field: Field,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    let id = field.key();
    let max = max.unwrap_or(MAX_LONG);
    let count_id = format!("{id}-cuenta");
    let wiring = Wiring::new(form, field, hint.is_some());
    let (hint_id, error) = (wiring.hint_id.clone(), wiring.error);
    let described = wiring.described(Some(count_id.clone()));
    let count = move || {
        let n = form.value(id).chars().count();
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
    let over = move || form.value(id).chars().count() > max;
    view! {
        <div class=wiring.group_class()>
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
            {wiring.inline_error()}
            <textarea
                class=move || if error.get().is_some() { "textarea input--error" } else { "textarea" }
                id=id
                name=id
                rows=rows.unwrap_or(4)
                spellcheck="true"
                aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || form.value(id)
                on:input=move |ev| form.set(id, event_target_value(&ev))
            ></textarea>
            // Polite, so a screen reader hears the count after a pause, not on every key.
            <div class=move || if over() { "character-count character-count--over" } else { "character-count hint" } id=count_id aria-live="polite">
                {count}
            </div>
        </div>
    }
}

/// A `<fieldset>` of checkboxes whose value is the chosen keys separated by commas.
#[component]
pub fn CheckboxGroup(
    form: Form,
    #[prop(into)] field: Field,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    choices: Vec<Choice>,
) -> impl IntoView {
    let id = field.key();
    let wiring = Wiring::new(form, field, hint.is_some());
    let hint_id = wiring.hint_id.clone();
    let described = wiring.described(None);
    let has = move |key: &str| form.value(id).split(',').any(|k| k.trim() == key);
    let toggle = move |key: &'static str, on: bool| {
        let current = form.value_untracked(id);
        let mut keys: Vec<String> = current
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty() && *k != key)
            .map(str::to_owned)
            .collect();
        if on {
            keys.push(key.to_owned());
        }
        form.set(id, keys.join(","));
    };
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let input_id = if i == 0 {
                id.to_owned()
            } else {
                format!("{id}-{}", c.key)
            };
            let key = c.key;
            view! {
                <div class="checkboxes__item">
                    <input
                        class="checkboxes__input"
                        id=input_id.clone()
                        name=id
                        type="checkbox"
                        value=key
                        prop:checked=move || has(key)
                        on:change=move |ev| toggle(key, event_target_checked(&ev))
                    />
                    <label class="label checkboxes__label" for=input_id>{c.label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=wiring.group_class()>
            <fieldset class="fieldset" aria-describedby=described>
                <legend class="fieldset__legend">{legend}</legend>
                {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
                {wiring.inline_error()}
                <div class="checkboxes">{items}</div>
            </fieldset>
        </div>
    }
}

/// A date typed as day/month/year.
#[component]
pub fn DateField(
    form: Form,
    #[prop(into)] field: Field,
    #[prop(into)] label: String,
    /// An example date for the hint ("02/01/2026").
    example: &'static str,
) -> impl IntoView {
    view! {
        <TextField
            form=form
            field=field
            label=label
            hint=format!("{}.", date_hint(example))
            width="input--w10"
        />
    }
}

/// "Día, mes o año, como lo publicó su plan: 31/08/2027, agosto de 2027 o 2027",
/// with the example's month and year.
pub fn date_hint(example: &'static str) -> String {
    match crate::domain::parse_date(example) {
        Ok(d) => format!(
            "Día, mes o año, como lo publique su plan: {example}, {} o {}",
            crate::domain::format_date(crate::domain::PartialDate::Month(
                d.year(),
                d.first_day().month()
            )),
            d.year()
        ),
        Err(_) => format!("Por ejemplo {example}"),
    }
}

/// A start and an end date in one fieldset.
#[component]
pub fn PeriodFields(
    form: Form,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] start: Field,
    #[prop(into)] end: Field,
) -> impl IntoView {
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend fieldset__legend--m">{legend}</legend>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <DateField form=form field=start label="Fecha de inicio" example="02/01/2026" />
            <DateField form=form field=end label="Fecha de término" example="31/08/2027" />
        </fieldset>
    }
}

/// An institution or organisation, optionally with a person (name, position,
/// e-mail, phone); with `affiliation`, its sector and branch too.
#[component]
pub fn ContactFields(
    form: Form,
    #[prop(into)] legend: String,
    /// Whether the institution is required; otherwise the institution, the
    /// person's name or both are (the hint says so).
    #[prop(optional)]
    institution_required: bool,
    /// Ask the sector and the branch (poder o ámbito), both optional.
    #[prop(optional)]
    affiliation: bool,
    /// The whole contact may be left blank (a key action's responsible).
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    let hint = if institution_required {
        "Escriba la institución u organización. Los datos de una persona son opcionales."
    } else if optional {
        "Si lo indica, escriba la institución u organización, el nombre de una persona o ambos."
    } else {
        "Escriba la institución u organización, el nombre de una persona o ambos."
    };
    let name_label = if institution_required {
        "Nombre de la persona (opcional)"
    } else {
        "Nombre de la persona"
    };
    let hint_id = format!("{}-indicacion", Named::PersonInstitution.key());
    let described = hint_id.clone();
    let affiliation = affiliation.then(|| {
        let branches = Branch::ALL
            .iter()
            .map(|b| Choice {
                key: b.key(),
                label: b.label().into(),
                hint: labels::branch_hint(*b),
            })
            .collect();
        view! {
            <ChoiceField form=form field=Named::Sector legend="Sector (opcional)" choices=choices(Sector::ALL) />
            <ChoiceField
                form=form
                field=Named::Branch
                legend="Poder o ámbito (opcional)"
                hint="Para instituciones públicas: a qué poder u orden de gobierno pertenece."
                choices=branches
            />
        }
    });
    view! {
        <fieldset class="fieldset" aria-describedby=described>
            <legend class="fieldset__legend fieldset__legend--m">{legend}</legend>
            <p class="hint" id=hint_id>{hint}</p>
            <TextField
                form=form
                field=Field::Named(Named::PersonInstitution)
                label="Institución u organización"
                hint="Por ejemplo «Secretaría de la Contraloría del Estado» o «Ciudadanos por la Transparencia A.C.»."
            />
            <TextField form=form field=Field::Named(Named::PersonName) label=name_label autocomplete="off" />
            <TextField form=form field=Field::Named(Named::PersonPosition) label="Cargo de la persona (opcional)" />
            <TextField
                form=form
                field=Field::Named(Named::PersonEmail)
                label="Correo electrónico (opcional)"
                hint="Por ejemplo nombre@dependencia.gob.mx."
                inputmode="email"
                width="input--w20"
            />
            <TextField
                form=form
                field=Field::Named(Named::PersonPhone)
                label="Teléfono (opcional)"
                hint="10 dígitos, por ejemplo 55 5004 2400. Puede agregar la extensión: 55 5004 2400 ext. 2489."
                inputmode="tel"
                width="input--w20"
            />
        </fieldset>
        {affiliation}
    }
}

/// A radio group over a closed list of choices.
#[component]
pub fn ChoiceField(
    form: Form,
    #[prop(into)] field: Field,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    choices: Vec<Choice>,
) -> impl IntoView {
    match hint {
        Some(h) => {
            view! { <RadioGroup form=form field=field legend=legend hint=h choices=choices /> }
                .into_any()
        }
        None => {
            view! { <RadioGroup form=form field=field legend=legend choices=choices /> }.into_any()
        }
    }
}

/// The frame of a question page: back link, error summary, caption and `<h1>`,
/// the form with "Guardar y continuar" and "Guardar y volver más tarde".
#[component]
pub fn QuestionFrame(
    form: Form,
    #[prop(into)] back: String,
    #[prop(into)] back_text: String,
    #[prop(into)] title: String,
    #[prop(into)] caption: String,
    submit: Submit,
    children: Children,
) -> impl IntoView {
    let later = submit.clone();
    // Arriving from a "Falta: …" link (the page's address with #field), the
    // field gets the focus, after the heading takes it on arrival.
    let hash = leptos_router::hooks::use_location().hash;
    Effect::new(move |_| {
        let target = hash.get_untracked();
        if let Some(id) = target.strip_prefix('#').filter(|id| !id.is_empty()) {
            let id = id.to_owned();
            request_animation_frame(move || crate::ui::form::focus_id(&id));
        }
    });
    view! {
        <BackLink href=back text=back_text />
        <div class="grid-two-thirds">
            <ErrorSummary form=form />
            <PageHeading text=title caption=caption has_errors=Signal::derive(move || form.has_errors()) />
            <form novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit.run(false);
            }>
                {children()}
                <div class="button-group">
                    <button class="button" type="submit">"Guardar y continuar"</button>
                    <button class="button button--secondary" type="button" on:click=move |_| later.run(true)>
                        "Guardar y volver más tarde"
                    </button>
                </div>
            </form>
        </div>
    }
}

/// One row of a [`ItemTable`]: the item's cells, where "Cambiar" goes, and
/// what to call it in "Eliminar …" ("al integrante 2, «Ana López»").
#[derive(Clone)]
pub struct ItemRow {
    pub key: u32,
    pub cells: Vec<String>,
    pub href: String,
    /// "la organización 2" — used in hidden link text and the confirmation.
    pub noun: String,
    pub name: String,
}

/// A table of items with "Cambiar" links and "Eliminar" buttons that ask for
/// confirmation first; `on_delete` receives the row's key. Focus returns to
/// `return_focus` (the "Agregar" button) afterwards.
#[component]
pub fn ItemTable(
    #[prop(into)] caption: String,
    headers: Vec<&'static str>,
    #[prop(into)] rows: Signal<Vec<ItemRow>>,
    #[prop(into)] empty: String,
    /// One type for every list (a callback, not a generic closure), so the
    /// table is compiled once.
    #[prop(into)]
    on_delete: Callback<u32>,
    return_focus: &'static str,
) -> impl IntoView {
    let confirming = RwSignal::new(None::<ItemRow>);
    let confirm_id = format!("confirmar-{return_focus}");
    let confirm_title_id = format!("{confirm_id}-titulo");
    let confirm = {
        let (confirm_id, confirm_title_id) = (confirm_id.clone(), confirm_title_id.clone());
        move || {
            confirming.get().map(|row| {
                let key = row.key;
                view! {
                    <div class="banner banner--warning" id=confirm_id.clone() tabindex="-1" role="alertdialog" aria-labelledby=confirm_title_id.clone()>
                        <h2 class="banner__title" id=confirm_title_id.clone()>
                            {format!("¿Eliminar {}, «{}»?", row.noun, row.name)}
                        </h2>
                        <p class="banner__text">"Esta acción no se puede deshacer. Si tiene dudas, descargue antes su borrador."</p>
                        <div class="button-group">
                            <button class="button button--warning" type="button" on:click=move |_| {
                                on_delete.run(key);
                                confirming.set(None);
                                request_animation_frame(move || focus_id(return_focus));
                            }>"Sí, eliminar"</button>
                            <button class="button button--secondary" type="button" on:click=move |_| {
                                confirming.set(None);
                                request_animation_frame(move || focus_id(return_focus));
                            }>"Cancelar"</button>
                        </div>
                    </div>
                }
            })
        }
    };
    let header_cells = move || {
        headers
            .clone()
            .into_iter()
            .map(|h| view! { <th scope="col" class="table__header">{h}</th> })
            .collect_view()
    };
    let body = move || {
        rows.get()
            .into_iter()
            .map(|row| {
                let cells = row
                    .cells
                    .iter()
                    .map(|c| view! { <td class="table__cell">{c.clone()}</td> })
                    .collect_view();
                let delete_label = format!("Eliminar {}", row.noun);
                let change_hidden = format!(" {}", row.noun);
                let href = row.href.clone();
                let cid = confirm_id.clone();
                view! {
                    <tr class="table__row">
                        {cells}
                        <td class="table__cell table__cell--actions">
                            <a href=href>"Cambiar"<span class="visually-hidden">{change_hidden}</span></a>
                            <button class="button-link" type="button" aria-label=delete_label on:click=move |_| {
                                confirming.set(Some(row.clone()));
                                let cid = cid.clone();
                                request_animation_frame(move || focus_id(&cid));
                            }>"Eliminar"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        {confirm}
        <Show
            when=move || !rows.with(Vec::is_empty)
            fallback=move || view! { <p class="body">{empty.clone()}</p> }
        >
            // Scrolls sideways on a phone instead of widening the page.
            <div class="table-scroll">
                <table class="table">
                    <caption class="table__caption">{caption.clone()}</caption>
                    <thead>
                        <tr>
                            {header_cells.clone()()}
                            <th scope="col" class="table__header"><span class="visually-hidden">"Acciones"</span></th>
                        </tr>
                    </thead>
                    <tbody>{body.clone()}</tbody>
                </table>
            </div>
        </Show>
    }
}

/// One row of a check-your-answers list: key, value (or "No proporcionado"),
/// and a "Cambiar" link whose hidden text names what changes.
#[derive(Clone)]
pub struct SummaryRow {
    pub key: String,
    pub value: Option<String>,
    pub href: Option<String>,
    /// The value's language when it is not Spanish ("en"), as its `lang`.
    pub lang: Option<&'static str>,
}

impl SummaryRow {
    pub fn new(key: impl Into<String>, value: Option<String>, href: Option<String>) -> Self {
        Self {
            key: key.into(),
            value: value.filter(|v| !v.trim().is_empty()),
            href,
            lang: None,
        }
    }

    /// The row with its value in language `lang`.
    pub fn in_language(mut self, lang: Option<&'static str>) -> Self {
        self.lang = lang;
        self
    }
}

/// A GOV.UK summary list.
#[component]
pub fn SummaryList(rows: Vec<SummaryRow>) -> impl IntoView {
    let items = rows
        .into_iter()
        .map(|r| {
            let hidden = format!(" {}", r.key.to_lowercase());
            let lang = r.lang;
            let value = match r.value {
                Some(v) => view! { <dd class="summary-list__value summary-list__value--text" lang=lang>{v}</dd> }.into_any(),
                None => view! { <dd class="summary-list__value summary-list__value--empty">"No proporcionado"</dd> }.into_any(),
            };
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{r.key}</dt>
                    {value}
                    <dd class="summary-list__actions">
                        {r.href.map(|h| view! { <a href=h>"Cambiar"<span class="visually-hidden">{hidden}</span></a> })}
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{items}</dl> }
}

/// Glossary terms explained in place (house style: define each term once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Compromiso,
    AccionClave,
    Ponderacion,
    MedioVerificacion,
    SecretariadoTecnicoLocal,
    Ods,
    RespuestaRazonada,
    AutoridadGarante,
}

impl Term {
    pub const ALL: [Term; 8] = [
        Term::Compromiso,
        Term::AccionClave,
        Term::Ponderacion,
        Term::MedioVerificacion,
        Term::SecretariadoTecnicoLocal,
        Term::Ods,
        Term::RespuestaRazonada,
        Term::AutoridadGarante,
    ];
    pub fn word(self) -> &'static str {
        match self {
            Term::Compromiso => "compromiso",
            Term::AccionClave => "acción clave",
            Term::Ponderacion => "ponderación",
            Term::MedioVerificacion => "medio de verificación",
            Term::SecretariadoTecnicoLocal => "Secretariado Técnico Local",
            Term::Ods => "ODS",
            Term::RespuestaRazonada => "respuesta razonada",
            Term::AutoridadGarante => "autoridad garante",
        }
    }
    pub fn meaning(self) -> String {
        let text = match self {
            Term::Compromiso => "Una acción concreta que el gobierno se obliga a cumplir, junto con la sociedad civil, para atender un problema público en un plazo definido.",
            Term::AccionClave => "Una de las partes en que se divide un compromiso. Cada acción clave tiene un indicador, un medio de verificación, fechas y una persona responsable.",
            Term::Ponderacion => "Cuánto vale una acción clave dentro de su compromiso, en puntos porcentuales. Las ponderaciones de las acciones clave de un compromiso suman 100 %.",
            Term::MedioVerificacion => "La evidencia pública que demuestra que algo se hizo: un acta, un informe, una publicación, un sitio web.",
            Term::SecretariadoTecnicoLocal => "El espacio donde autoridades y sociedad civil deciden juntas sobre el plan. Se reúne con regularidad y tiene reglas públicas.",
            Term::Ods => "Objetivos de Desarrollo Sostenible de la Agenda 2030 de las Naciones Unidas: 17 objetivos y 169 metas.",
            Term::RespuestaRazonada => "La respuesta pública a cada propuesta recibida: si se incorporó al plan, se fusionó con otra o no se incorporó, y por qué.",
            Term::AutoridadGarante => return guarantor_meaning(),
        };
        text.to_owned()
    }
}

/// What an autoridad garante is, with the national bodies named by the
/// institutions catalogue (not written here: they change, the catalogue is
/// replaced).
fn guarantor_meaning() -> String {
    let national = catalog::authorities_of(None)
        .iter()
        .filter(|a| a.covers(AuthorityScope::National) || a.covers(AuthorityScope::Executive))
        .filter_map(|a| a.name)
        .collect::<Vec<_>>()
        .join("; ");
    let as_of = catalog::authorities_consulted()
        .map(|d| format!(" (al {})", labels::catalog_date(d)))
        .unwrap_or_default();
    format!(
        "La institución que garantiza el derecho de acceso a la información pública: resuelve las quejas cuando no se entrega información y vigila que se cumplan las obligaciones de transparencia. Desde la reforma de 2025, que extinguió los órganos garantes autónomos, cada poder, los organismos autónomos y los municipios tienen la suya. En el ámbito nacional{as_of}: {national}."
    )
}

/// "¿Qué es …?" help that opens in place.
#[component]
pub fn Glossary(term: Term) -> impl IntoView {
    view! {
        <details class="details">
            <summary class="details__summary">{format!("¿Qué es {} {}?", article(term), term.word())}</summary>
            <div class="details__text">{term.meaning()}</div>
        </details>
    }
}

fn article(term: Term) -> &'static str {
    match term {
        Term::Compromiso | Term::MedioVerificacion | Term::SecretariadoTecnicoLocal => "un",
        Term::AccionClave
        | Term::Ponderacion
        | Term::RespuestaRazonada
        | Term::AutoridadGarante => "una",
        Term::Ods => "un",
    }
}

/// Id of [`NewerVersionNotice`].
pub const NEWER_VERSION_ID: &str = "aviso-version-reciente";

/// Says that the draft was made by a newer version of the tool, that what this
/// version does not know is kept unchanged, and that the newer version is best.
#[component]
pub fn NewerVersionNotice() -> impl IntoView {
    view! {
        <div class="banner" id=NEWER_VERSION_ID>
            <h2 class="banner__title">{messages::NEWER_VERSION_TITLE}</h2>
            <p class="banner__text">{messages::NEWER_VERSION}</p>
        </div>
    }
}
