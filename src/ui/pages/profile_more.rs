//! Step 0, "Perfil de la jurisdicción", pages 2 and 3: the coordinating office
//! with its contact person, and the planning and legal framework.

use leptos::prelude::*;

use crate::domain::profile::{FrameworkInput, OfficeInput};
use crate::domain::{Field, Named};
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, Choice, RadioGroup, TextField};
use crate::ui::paths;
use crate::ui::widgets::{ContactFields, QuestionFrame, TextArea};

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
                label="Órgano garante local del acceso a la información (opcional)"
                hint="Los nombres de las instituciones cambian: por ejemplo, desde 2025 las funciones del INAI pasaron a otras instituciones. Escriba el nombre vigente."
            />
        </QuestionFrame>
    }
}
