//! The members of the coordination body: a list page and one page per member,
//! each an institution or organisation, optionally with a person, with its
//! sector and branch.

use leptos::prelude::*;

use crate::domain::choice::{remove_item, upsert};

use super::step;
use crate::domain::coordination::{Member, MemberInput};
use crate::domain::{Field, ItemId, Named};
use crate::labels;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, TextField};
use crate::ui::paths;
use crate::ui::route::{item_page, remount_on};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::widgets::{ContactFields, ItemRow, ItemTable, QuestionFrame};

/// Unsaved-input key of a member's page ("coordinacion/integrante/3").
fn page_key(n: Option<ItemId>) -> String {
    format!("coordinacion/integrante/{}", paths::item(n))
}

#[component]
pub fn MembersPage() -> impl IntoView {
    let state = use_app();
    let rows = Signal::derive(move || {
        state.plan.with(|p| {
            p.coordination
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| ItemRow {
                    key: m.id.0,
                    cells: vec![
                        m.contact.who(),
                        labels::sector_and_branch(&m.contact).unwrap_or_default(),
                        m.role.clone().unwrap_or_default(),
                    ],
                    href: paths::member(Some(m.id)),
                    noun: format!("la institución integrante {}", i + 1),
                    name: m.contact.who(),
                })
                .collect()
        })
    });
    let add_id = "agregar-integrante";
    let on_delete = move |key: u32| {
        state.edit_plan(|p| {
            remove_item(&mut p.coordination.members, ItemId(key));
        });
        state.clear_unsaved(&page_key(Some(ItemId(key))));
    };
    let counts = Memo::new(move |_| {
        state.plan.with(|p| {
            let members = &p.coordination.members;
            (
                members.iter().filter(|m| m.contact.is_government()).count(),
                members
                    .iter()
                    .filter(|m| m.contact.is_non_government())
                    .count(),
            )
        })
    });
    let has_members = move || state.plan.with(|p| !p.coordination.members.is_empty());
    let lacks_a_side = move || {
        let (gov, non_gov) = counts.get();
        gov == 0 || non_gov == 0
    };
    view! {
        <BackLink href=paths::COORDINATION text="Regresar" />
        <div class="grid-two-thirds">
            <PageHeading text="Integrantes del espacio de coordinación" caption=step(2) />
            <p class="body">
                "Las instituciones, organizaciones y personas que forman parte del espacio, del gobierno y de fuera de él, con su sector."
            </p>
        </div>
        <ItemTable
            caption="Integrantes del espacio de coordinación"
            headers=vec!["Institución o persona", "Sector y poder o ámbito", "Papel"]
            rows=rows
            empty="Todavía no ha agregado integrantes."
            on_delete=on_delete
            return_focus=add_id
        />
        <Show when=has_members>
            <ul class="list--bullet">
                <li>{move || format!("Del gobierno (de cualquier poder u orden, incluida la autoridad garante de acceso a la información): {}", counts.get().0)}</li>
                <li>{move || format!("De la sociedad civil, la academia, el sector privado o la ciudadanía: {}", counts.get().1)}</li>
            </ul>
        </Show>
        <Show when=lacks_a_side>
            <p class="inset">
                "La Alianza para el Gobierno Abierto pide que en el espacio participen al menos una institución del gobierno y una organización o persona de fuera del gobierno (sociedad civil, academia, sector privado o ciudadanía). Para contarlas, indique el sector de cada integrante."
            </p>
        </Show>
        <div class="button-group">
            <a class="button button--secondary" id=add_id href=paths::member(None) role="button">
                "Agregar una institución u organización"
            </a>
            <a class="button" href=paths::ORGANIZATIONS role="button">"Continuar"</a>
        </div>
    }
}

#[component]
pub fn MemberPage() -> impl IntoView {
    remount_on(&["n"], |p| {
        item_page(
            &p[0],
            |p| &p.coordination.members,
            |n| view! { <MemberForm existing=n /> }.into_any(),
        )
    })
}

#[component]
fn MemberForm(existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let n = existing.unwrap_or_else(|| {
        state
            .plan
            .with_untracked(|p| p.coordination.next_member_id())
    });
    let page = page_key(existing);
    let form = page_form(&page, |p| {
        p.coordination
            .members
            .iter()
            .find(|m| m.id == n)
            .map(|m| to_fields(&MemberInput::from_value(m)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        paths::MEMBERS,
        move || form.input::<MemberInput>().parse(n),
        move |member: Member| state.edit_plan(|p| upsert(&mut p.coordination.members, member)),
    );
    let title = if existing.is_some() {
        "Institución u organización integrante"
    } else {
        "Nueva institución u organización integrante"
    };
    view! {
        <QuestionFrame
            form=form
            back=paths::MEMBERS
            back_text="Regresar a la lista de integrantes"
            title=title
            caption="Espacio de coordinación · Integrantes"
            submit=submit
        >
            <ContactFields form=form legend="Datos de la institución u organización" institution_required=true affiliation=true />
            <TextField
                form=form
                field=Field::Named(Named::Role)
                label="Papel en el espacio (opcional)"
                hint="Por ejemplo «Presidencia», «Secretaría técnica» o «Integrante»."
            />
        </QuestionFrame>
    }
}
