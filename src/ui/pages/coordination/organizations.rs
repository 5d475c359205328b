//! The directory of civil-society organisations interested in collaborating:
//! a list page and one page per organisation.

use leptos::prelude::*;

use crate::domain::choice::{remove_item, upsert};

use super::step;
use crate::domain::coordination::{Organization, OrganizationInput};
use crate::domain::{Field, ItemId, Named};
use crate::export::summary::organization_contact;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, TextField};
use crate::ui::paths;
use crate::ui::route::{item_page, remount_on};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::widgets::{ItemRow, ItemTable, QuestionFrame, TextArea};

/// Unsaved-input key of an organisation's page ("coordinacion/organizacion/3").
fn page_key(n: Option<ItemId>) -> String {
    format!("coordinacion/organizacion/{}", paths::item(n))
}

#[component]
pub fn OrganizationsPage() -> impl IntoView {
    let state = use_app();
    let rows = Signal::derive(move || {
        state.plan.with(|p| {
            p.coordination
                .organizations
                .iter()
                .enumerate()
                .map(|(i, o)| ItemRow {
                    key: o.id.0,
                    cells: vec![
                        o.name.clone(),
                        o.themes.clone().unwrap_or_default(),
                        organization_contact(o, " · "),
                    ],
                    href: paths::organization(Some(o.id)),
                    noun: format!("la organización {}", i + 1),
                    name: o.name.clone(),
                })
                .collect()
        })
    });
    let add_id = "agregar-organizacion";
    let on_delete = move |key: u32| {
        state.edit_plan(|p| {
            remove_item(&mut p.coordination.organizations, ItemId(key));
        });
        state.clear_unsaved(&page_key(Some(ItemId(key))));
    };
    view! {
        <BackLink href=paths::MEMBERS text="Regresar" />
        <div class="grid-two-thirds">
            <PageHeading text="Directorio de organizaciones" caption=step(3) />
            <p class="body">
                "Las organizaciones de la sociedad civil interesadas en colaborar en el plan, con sus temas y cómo contactarlas. Incluya a las que trabajan con grupos prioritarios (mujeres, pueblos indígenas y afromexicanos, personas con discapacidad, juventudes) o con perspectiva de género."
            </p>
            <p class="body">"El directorio es opcional: le sirve para invitar a la cocreación."</p>
        </div>
        <ItemTable
            caption="Organizaciones interesadas en colaborar"
            headers=vec!["Organización", "Temas", "Contacto"]
            rows=rows
            empty="Todavía no ha agregado ninguna organización."
            on_delete=on_delete
            return_focus=add_id
        />
        <div class="button-group">
            <a class="button button--secondary" id=add_id href=paths::organization(None) role="button">
                "Agregar una organización"
            </a>
            <a class="button" href=paths::TASKS role="button">"Continuar"</a>
        </div>
    }
}

#[component]
pub fn OrganizationPage() -> impl IntoView {
    remount_on(&["n"], |p| {
        item_page(
            &p[0],
            |p| &p.coordination.organizations,
            |n| view! { <OrganizationForm existing=n /> }.into_any(),
        )
    })
}

#[component]
fn OrganizationForm(existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let n = existing.unwrap_or_else(|| {
        state
            .plan
            .with_untracked(|p| p.coordination.next_organization_id())
    });
    let page = page_key(existing);
    let form = page_form(&page, |p| {
        p.coordination
            .organizations
            .iter()
            .find(|o| o.id == n)
            .map(|o| to_fields(&OrganizationInput::from_value(o)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        paths::ORGANIZATIONS,
        move || form.input::<OrganizationInput>().parse(n),
        move |org: Organization| {
            state.edit_plan(|p| upsert(&mut p.coordination.organizations, org))
        },
    );
    let title = if existing.is_some() {
        "Organización"
    } else {
        "Nueva organización"
    };
    view! {
        <QuestionFrame
            form=form
            back=paths::ORGANIZATIONS
            back_text="Regresar al directorio"
            title=title
            caption="Espacio de coordinación · Directorio de organizaciones"
            submit=submit
        >
            <TextField form=form field=Field::Named(Named::OrgName) label="Nombre de la organización" />
            <TextArea
                form=form
                field=Named::OrgThemes
                label="Temas en que trabaja (opcional)"
                hint="Por ejemplo «transparencia presupuestaria, salud, medio ambiente»."
                rows=3
            />
            <TextArea
                form=form
                field=Named::OrgGroups
                label="Grupos prioritarios con que trabaja (opcional)"
                hint="Por ejemplo mujeres, pueblos indígenas, personas afromexicanas, personas con discapacidad o juventudes."
                rows=3
            />
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--m">"Persona de contacto (opcional)"</legend>
                <TextField form=form field=Field::Named(Named::PersonName) label="Nombre (opcional)" />
                <TextField
                    form=form
                    field=Field::Named(Named::PersonEmail)
                    label="Correo electrónico (opcional)"
                    hint="Por ejemplo contacto@organizacion.org.mx."
                    inputmode="email"
                    width="input--w20"
                />
                <TextField
                    form=form
                    field=Field::Named(Named::PersonPhone)
                    label="Teléfono (opcional)"
                    hint="10 dígitos, por ejemplo 442 123 4567. Puede agregar la extensión: 442 123 4567 ext. 12."
                    inputmode="tel"
                    width="input--w20"
                />
            </fieldset>
        </QuestionFrame>
    }
}
