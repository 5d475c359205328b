//! Step 0, "Perfil de la jurisdicción", pages 2 and 3: the coordinating office
//! with its contact person, and the planning and legal framework. The
//! framework's autoridad garante is suggested from the institutions catalogue
//! (`catalog::AUTHORITIES`) for the plan's state, with each entry's scope,
//! status, date and source, or the catalogue's sentence that the state has
//! named none.

use leptos::prelude::*;

use crate::catalog::{self, Authority};
use crate::domain::profile::{FrameworkInput, OfficeInput};
use crate::domain::{Field, JurisdictionKind, Named, Plan};
use crate::labels::{self, Label};
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{focus_id, to_fields, Choice, Form, RadioGroup, TextField};
use crate::ui::paths;
use crate::ui::widgets::{ContactFields, Glossary, QuestionFrame, Term, TextArea};

/// Unsaved-input keys of these pages (under the profile task's prefix).
const OFFICE_PAGE: &str = "perfil/contacto";
const FRAMEWORK_PAGE: &str = "perfil/marco";

#[component]
pub fn OfficePage() -> impl IntoView {
    let state = use_app();
    let form = page_form(OFFICE_PAGE, |p| {
        p.office
            .as_ref()
            .map(|o| to_fields(&OfficeInput::from_value(o)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        OFFICE_PAGE.to_owned(),
        paths::PROFILE_FRAMEWORK,
        move || form.input::<OfficeInput>().parse(),
        move |office| state.edit_plan(|p| p.office = Some(office)),
    );
    view! {
        <QuestionFrame
            form=form
            back=paths::PROFILE
            back_text="Regresar"
            title="Oficina coordinadora y contacto"
            caption="Perfil de la jurisdicción · Paso 2 de 3"
            submit=submit
        >
            <TextField
                form=form
                field=Field::Named(Named::CoordinatingOffice)
                label="Oficina que coordina el plan"
                hint="Por ejemplo «Dirección de Gobierno Abierto de la Secretaría de la Contraloría»."
            />
            <p class="body">
                "El contacto responde las preguntas sobre el plan: una institución, una persona o ambas. Sus datos aparecen en el documento que exporte."
            </p>
            <ContactFields form=form legend="Contacto" affiliation=true />
        </QuestionFrame>
    }
}

#[component]
pub fn FrameworkPage() -> impl IntoView {
    let state = use_app();
    let form = page_form(FRAMEWORK_PAGE, |p| {
        p.framework
            .as_ref()
            .map(|f| to_fields(&FrameworkInput::from_value(f)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        FRAMEWORK_PAGE.to_owned(),
        paths::TASKS,
        move || form.input::<FrameworkInput>().parse(),
        move |framework| state.edit_plan(|p| p.framework = Some(framework)),
    );
    let editions = vec![
        Choice {
            key: "2019-2024",
            label: "Plan Nacional de Desarrollo 2019-2024".into(),
            hint: None,
        },
        Choice {
            key: "2025-2030",
            label: "Plan Nacional de Desarrollo 2025-2030".into(),
            hint: None,
        },
    ];
    view! {
        <QuestionFrame
            form=form
            back=paths::PROFILE_OFFICE
            back_text="Regresar"
            title="Marco de planeación y jurídico"
            caption="Perfil de la jurisdicción · Paso 3 de 3"
            submit=submit
        >
            <TextField
                form=form
                field=Field::Named(Named::DevelopmentPlan)
                label="Plan de desarrollo vigente (opcional)"
                hint="El Plan Estatal o Municipal de Desarrollo de la administración actual, por ejemplo «Plan Estatal de Desarrollo 2021-2027»."
            />
            <RadioGroup
                form=form
                field=Field::Named(Named::PndEdition)
                legend="¿Con qué edición del Plan Nacional de Desarrollo se alinea el plan?"
                hint="Cada compromiso se alinea con un eje de esta edición. Si la cambia después, revise el eje de cada compromiso."
                choices=editions
            />
            <TextArea
                form=form
                field=Named::LegalFramework
                label="Marco jurídico aplicable (opcional)"
                hint="Escriba una ley, reglamento o lineamiento por línea, por ejemplo «Ley de Transparencia y Acceso a la Información Pública del Estado»."
                rows=6
            />
            <TextField
                form=form
                field=Field::Named(Named::Guarantor)
                label="Autoridad garante local del acceso a la información (opcional)"
                hint="Desde la reforma de 2025, cada poder y los municipios tienen su autoridad garante, en lugar de los antiguos institutos de transparencia. Elija la de su estado en la lista de abajo o escriba el nombre vigente."
                list=GUARANTOR_LIST
            />
            <Glossary term=Term::AutoridadGarante />
            <GuarantorCatalogue form=form />
        </QuestionFrame>
    }
}

/// Id of the `<datalist>` of the state's authorities (the field's suggestions).
const GUARANTOR_LIST: &str = "autoridades-garantes";

/// The plan's state (INEGI code) and kind of jurisdiction, once the profile's
/// first page is saved: the lead member's (a coalition names its lead's
/// authority; the federation has no state).
fn plan_state(plan: &Plan) -> Option<(String, JurisdictionKind)> {
    let lead = plan.profile.as_ref()?.lead();
    let code = lead.code()?.get(..2)?;
    Some((code.to_owned(), lead.kind))
}

/// The catalogue's entries for the plan's state, those for the plan's own
/// scope first (its executive for a state, the municipalities for a
/// municipality or alcaldía); a sentence when the state has named none for
/// that scope; the national bodies under a "details".
#[component]
fn GuarantorCatalogue(form: Form) -> impl IntoView {
    let state = use_app();
    let Some((code, kind)) = state.plan.with_untracked(plan_state) else {
        return view! {
            <p class="hint">
                "Cuando guarde la jurisdicción en el primer paso del perfil, aquí verá las autoridades garantes de su estado."
            </p>
        }
        .into_any();
    };
    let scope = labels::guarantor_scope(kind);
    let rows = catalog::authorities_for(&code, scope);
    let state_name = catalog::state(&code).map_or("su estado", |s| s.name);
    let options = rows
        .iter()
        .filter_map(|a| a.name)
        .map(|n| view! { <option value=n></option> })
        .collect_view();
    let gap = labels::guarantor_gap(&code, scope)
        .map(|g| view! { <p class="body"><strong>{g}</strong></p> });
    let items = rows
        .into_iter()
        .enumerate()
        .map(|(i, a)| view! { <AuthorityItem a=a form=Some(form) n=i /> })
        .collect_view();
    let national = catalog::authorities_of(None)
        .iter()
        .enumerate()
        .map(|(i, a)| view! { <AuthorityItem a=a form=None n=i /> })
        .collect_view();
    let statuses = [
        catalog::DataStatus::Confirmed,
        catalog::DataStatus::Pending,
        catalog::DataStatus::Unconfirmed,
    ]
    .map(|s| view! { <li><strong>{s.label()}</strong>{format!(": {}", labels::data_status_meaning(s))}</li> })
    .into_iter()
    .collect_view();
    view! {
        <datalist id=GUARANTOR_LIST>{options}</datalist>
        <section class="authorities" aria-labelledby="autoridades-estado">
            <h2 class="heading-s" id="autoridades-estado">
                {format!("Autoridades garantes de {state_name}")}
            </h2>
            {gap}
            <ul class="authorities__list">{items}</ul>
            <details class="details">
                <summary class="details__summary">"¿Qué quiere decir «Confirmado», «Pendiente» y «Sin confirmar»?"</summary>
                <div class="details__text">
                    <ul class="list list--bullet">{statuses}</ul>
                    <p class="body">"La lista tiene fecha y fuente. Las instituciones cambian: si su estado ya nombró otra, escriba su nombre."</p>
                </div>
            </details>
            <details class="details">
                <summary class="details__summary">"Instituciones nacionales desde la reforma de 2025"</summary>
                <div class="details__text">
                    <ul class="authorities__list">{national}</ul>
                </div>
            </details>
        </section>
    }
    .into_any()
}

/// One catalogue entry: the institution (or that none is named), whom it
/// answers for, its status and date, what else the source says, the source;
/// with `form`, a button that writes its name in the field.
#[component]
fn AuthorityItem(a: &'static Authority, form: Option<Form>, n: usize) -> impl IntoView {
    let since = a
        .since
        .map_or_else(|| "sin fecha en la fuente".to_owned(), labels::since);
    let meta = format!(
        "{} · {} · {since}",
        labels::scopes(a.scopes),
        a.status.label()
    );
    // Without an address there is no source to have consulted: only the search.
    let (source, consulted) = match a.source_url {
        Some(url) => (
            view! { <a class="link" href=url>{a.source_title}</a> }.into_any(),
            format!(", consultada el {}.", labels::catalog_date(a.consulted)),
        ),
        None => (
            view! { <span>{a.source_title}</span> }.into_any(),
            ".".to_owned(),
        ),
    };
    let field = Field::Named(Named::Guarantor).key();
    let choose = form.zip(a.name).map(|(form, name)| {
        view! {
            <button
                class="button button--secondary authorities__use"
                type="button"
                id=format!("usar-autoridad-{n}")
                aria-label=format!("Usar este nombre: {name}")
                on:click=move |_| {
                    form.set(field, name.to_owned());
                    focus_id(field);
                }
            >
                "Usar este nombre"
            </button>
        }
    });
    view! {
        <li class="authorities__item">
            <p class="authorities__name">
                {a.name.unwrap_or("Ninguna institución nombrada")}
            </p>
            <p class="authorities__meta">{meta}</p>
            {a.note.map(|note| view! { <p class="body">{note}</p> })}
            <p class="authorities__source">"Fuente: " {source} {consulted}</p>
            {choose}
        </li>
    }
}
