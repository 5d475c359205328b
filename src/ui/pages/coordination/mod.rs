//! Steps 2 and 3: the political commitment, and the coordination body with its
//! members and the directory of civil-society organisations.

mod members;
mod organizations;

pub use members::{MemberPage, MembersPage};
pub use organizations::{OrganizationPage, OrganizationsPage};

use leptos::prelude::*;

use crate::domain::coordination::{
    BodyInput, BodyKind, Cadence, CoordinationGap, PoliticalInput, PoliticalKind,
};
use crate::domain::{Field, Named};
use crate::messages;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{focus_id, to_fields, RadioGroup, TextField};
use crate::ui::paths;
use crate::ui::widgets::{
    choices, ChoiceField, DateField, Glossary, QuestionFrame, Term, TextArea,
};

/// Unsaved-input keys (each starts with its task's prefix).
const POLITICAL_PAGE: &str = "compromiso-politico";
const BODY_PAGE: &str = "coordinacion";

/// Caption of the coordination pages ("Espacio de coordinación · Paso 2 de 3").
fn step(n: u8) -> String {
    format!("Espacio de coordinación · Paso {n} de 3")
}

#[component]
pub fn PoliticalPage() -> impl IntoView {
    let state = use_app();
    let form = page_form(POLITICAL_PAGE, |p| {
        p.political
            .as_ref()
            .map(|x| to_fields(&PoliticalInput::from_value(x)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        POLITICAL_PAGE.to_owned(),
        paths::TASKS,
        move || form.input::<PoliticalInput>().read(),
        move |political| state.edit_plan(|p| p.political = Some(political)),
    );
    view! {
        <QuestionFrame
            form=form
            back=paths::TASKS
            back_text="Regresar a la lista de tareas"
            title="Compromiso político"
            caption="Organice la cocreación"
            submit=submit
        >
            <p class="body">
                "Las autoridades se comprometen públicamente con el gobierno abierto antes de cocrear el plan, con una Declaratoria de Gobierno Abierto o una carta de apoyo."
            </p>
            <ChoiceField
                form=form
                field=Named::PoliticalKind
                legend="¿Qué documento firmaron?"
                choices=choices(PoliticalKind::ALL)
            />
            <TextArea
                form=form
                field=Named::Signatories
                label="¿Quién lo firmó?"
                hint="Escriba una persona o institución por línea, por ejemplo: la persona titular del Ejecutivo, el órgano garante de acceso a la información, las organizaciones de la sociedad civil."
                rows=5
            />
            <DateField form=form field=Named::PoliticalDate label="Fecha de firma" example="15/01/2026" />
            <TextField
                form=form
                field=Field::Named(Named::DocumentUrl)
                label="Liga al documento (opcional)"
                hint="La dirección web donde cualquier persona puede consultarlo. Empieza con https://."
                inputmode="url"
            />
        </QuestionFrame>
    }
}

#[component]
pub fn CoordinationPage() -> impl IntoView {
    let state = use_app();
    let form = page_form(BODY_PAGE, |p| {
        p.coordination
            .body
            .as_ref()
            .map(|b| to_fields(&BodyInput::from_value(b)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        BODY_PAGE.to_owned(),
        paths::MEMBERS,
        move || form.input::<BodyInput>().read(),
        move |body| state.edit_plan(|p| p.coordination.body = Some(body)),
    );
    let is_other = move || form.value(Named::BodyKind.key()) == BodyKind::Otro.key();
    view! {
        <QuestionFrame
            form=form
            back=paths::TASKS
            back_text="Regresar a la lista de tareas"
            title="Espacio de coordinación"
            caption=step(1)
            submit=submit
        >
            <GapsPanel />
            <p class="body">
                "El espacio donde autoridades y sociedad civil deciden juntas sobre el plan. En los pasos siguientes agregará a sus integrantes y a las organizaciones interesadas en colaborar."
            </p>
            <Glossary term=Term::SecretariadoTecnicoLocal />
            <RadioGroup
                form=form
                field=Field::Named(Named::BodyKind)
                legend="¿Qué tipo de espacio de coordinación tienen?"
                choices=choices(BodyKind::ALL)
            />
            <Show when=is_other>
                <div class="conditional">
                    <TextField
                        form=form
                        field=Field::Named(Named::BodyKindOther)
                        label="¿Qué tipo de espacio es?"
                    />
                </div>
            </Show>
            <TextField
                form=form
                field=Field::Named(Named::BodyName)
                label="Nombre del espacio"
                hint="Por ejemplo «Secretariado Técnico Local de Gobierno Abierto de Querétaro»."
            />
            <TextArea
                form=form
                field=Named::SelectionMethod
                label="¿Cómo se eligió a las personas integrantes que no son del gobierno? (opcional)"
                hint="Por ejemplo, una convocatoria pública abierta, con sus requisitos y fechas."
            />
            <TextField
                form=form
                field=Field::Named(Named::RulesUrl)
                label="Liga a las reglas de participación (opcional)"
                hint="La dirección web donde están publicadas las reglas del espacio. Empieza con https://. La Alianza para el Gobierno Abierto pide que sean públicas."
                inputmode="url"
            />
            <RadioGroup
                form=form
                field=Field::Named(Named::Cadence)
                legend="¿Cada cuánto sesiona el espacio?"
                hint="La Alianza para el Gobierno Abierto pide sesionar al menos cada seis meses."
                choices=choices(Cadence::ALL)
            />
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--m">"Instalación del espacio (opcional)"</legend>
                <DateField form=form field=Named::InstallationDate label="Fecha de instalación" example="20/01/2026" />
                <TextField
                    form=form
                    field=Field::Named(Named::InstallationUrl)
                    label="Liga al acta de instalación"
                    hint="Empieza con https://."
                    inputmode="url"
                />
            </fieldset>
            <TextField
                form=form
                field=Field::Named(Named::MonitoringBody)
                label="Órgano independiente de seguimiento (opcional)"
                hint="Si existe, quién vigila de forma independiente que el plan se cumpla, por ejemplo un comité ciudadano."
            />
        </QuestionFrame>
    }
}

/// The OGP minimum requirements the saved coordination body does not meet
/// yet, each with a link to where it is fixed.
#[component]
fn GapsPanel() -> impl IntoView {
    let state = use_app();
    let gaps = Memo::new(move |_| state.plan.with(|p| p.coordination.gaps()));
    move || {
        let gaps = gaps.get();
        (!gaps.is_empty()).then(|| {
            let items = gaps.into_iter().map(gap_item).collect_view();
            view! {
                <div class="banner banner--warning">
                    <h2 class="banner__title">
                        "Su espacio todavía no cumple los requisitos mínimos de la Alianza para el Gobierno Abierto"
                    </h2>
                    <ul class="list--bullet banner__text">{items}</ul>
                </div>
            }
        })
    }
}

fn gap_item(gap: CoordinationGap) -> impl IntoView {
    let (text, link) = messages::coordination_gap(gap);
    let target = match gap {
        CoordinationGap::NoGovernmentMember | CoordinationGap::NoNonGovernmentMember => None,
        CoordinationGap::MeetsTooRarely => Some(Named::Cadence.key()),
        CoordinationGap::NoPublicRules => Some(Named::RulesUrl.key()),
    };
    let anchor = match target {
        // A field of this page: the link moves focus to it.
        Some(id) => view! {
            <a href=format!("#{id}") on:click=move |ev| {
                ev.prevent_default();
                focus_id(id);
            }>{link}</a>
        }
        .into_any(),
        None => view! { <a href=paths::member(None)>{link}</a> }.into_any(),
    };
    view! { <li>{text}" "{anchor}</li> }
}
