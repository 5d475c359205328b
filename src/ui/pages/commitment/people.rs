//! The institutions responsible for a commitment and its co-responsible
//! organisations (its team): a list page each, and one page per member, each
//! an institution or organisation, optionally with a person, with its role,
//! sector and branch.

use leptos::prelude::*;

use crate::domain::choice::{remove_item, upsert};

use super::{caption, next_part, page_key, part_path};
use crate::domain::commitment::{TeamMember, TeamMemberInput, TeamRole};
use crate::domain::plan::FichaPart;
use crate::domain::Named;
use crate::domain::{CommitmentId, ItemId};
use crate::labels::{self, Label};
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::to_fields;
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::{item_page, remount_on, saved_commitment};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::widgets::{choices, ChoiceField, ContactFields, ItemRow, ItemTable, QuestionFrame};

/// Which of the two lists of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Responsible,
    CoResponsible,
}

impl Role {
    fn slug(self) -> &'static str {
        match self {
            Role::Responsible => "responsables",
            Role::CoResponsible => "corresponsables",
        }
    }
    fn part(self) -> FichaPart {
        match self {
            Role::Responsible => FichaPart::Responsible,
            Role::CoResponsible => FichaPart::CoResponsible,
        }
    }
    fn list(self, c: &crate::domain::Commitment) -> &Vec<TeamMember> {
        match self {
            Role::Responsible => &c.responsible,
            Role::CoResponsible => &c.co_responsible,
        }
    }
    fn list_mut(self, c: &mut crate::domain::Commitment) -> &mut Vec<TeamMember> {
        match self {
            Role::Responsible => &mut c.responsible,
            Role::CoResponsible => &mut c.co_responsible,
        }
    }
    fn title(self) -> &'static str {
        match self {
            Role::Responsible => "Instituciones y personas responsables",
            Role::CoResponsible => "Organizaciones corresponsables",
        }
    }
    fn intro(self) -> &'static str {
        match self {
            Role::Responsible => "Las instituciones que responden por el compromiso y, si quiere, la persona servidora pública de cada una. Puede agregar más de una institución, cada una con su papel: lidera, coordina, supervisa o apoya.",
            Role::CoResponsible => "Las organizaciones que implementan el compromiso con el gobierno y, si quiere, su persona de contacto. Incluya al menos una organización no gubernamental (sociedad civil, academia o sector privado).",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            Role::Responsible => "la institución responsable",
            Role::CoResponsible => "la organización corresponsable",
        }
    }
    fn add(self) -> &'static str {
        match self {
            Role::Responsible => "Agregar una institución responsable",
            Role::CoResponsible => "Agregar una organización corresponsable",
        }
    }
}

#[component]
pub fn ResponsibleListPage() -> impl IntoView {
    remount_on(&["id"], |p| list_or_404(&p[0], Role::Responsible))
}

#[component]
pub fn CoResponsibleListPage() -> impl IntoView {
    remount_on(&["id"], |p| list_or_404(&p[0], Role::CoResponsible))
}

#[component]
pub fn ResponsiblePage() -> impl IntoView {
    remount_on(&["id", "n"], |p| {
        person_or_404(&p[0], &p[1], Role::Responsible)
    })
}

#[component]
pub fn CoResponsiblePage() -> impl IntoView {
    remount_on(&["id", "n"], |p| {
        person_or_404(&p[0], &p[1], Role::CoResponsible)
    })
}

fn list_or_404(raw: &str, role: Role) -> AnyView {
    match saved_commitment(raw) {
        Some(id) => view! { <PeopleList id=id role=role /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

fn person_or_404(raw: &str, raw_n: &str, role: Role) -> AnyView {
    match saved_commitment(raw) {
        Some(id) => item_page(
            raw_n,
            |p| p.commitment(id).map_or(&[][..], |c| role.list(c)),
            |n| view! { <PersonForm id=id role=role existing=n /> }.into_any(),
        ),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn PeopleList(id: CommitmentId, role: Role) -> impl IntoView {
    let state = use_app();
    let rows = Signal::derive(move || {
        state.plan.with(|p| {
            p.commitment(id)
                .map(|c| {
                    role.list(c)
                        .iter()
                        .enumerate()
                        .map(|(i, x)| ItemRow {
                            key: x.id.0,
                            cells: vec![
                                x.contact.who(),
                                x.role.map(|r| r.label().to_owned()).unwrap_or_default(),
                                labels::sector_and_branch(&x.contact).unwrap_or_default(),
                            ],
                            href: paths::contact(id, role.slug(), Some(x.id)),
                            noun: format!("{} {}", role.noun(), i + 1),
                            name: x.contact.who(),
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let add_id = "agregar-persona";
    let on_delete = move |key: u32| {
        state.edit_plan(|p| {
            if let Some(c) = p.commitment_mut(id) {
                remove_item(role.list_mut(c), ItemId(key));
            }
        });
        state.clear_unsaved(&page_key(id, &format!("{}/{key}", role.slug())));
    };
    let non_gov_advice = move || {
        (role == Role::CoResponsible
            && state.plan.with(|p| p.commitment(id).is_some_and(|c| c.co_responsible.is_empty())))
        .then(|| view! { <p class="inset">"La metodología pide al menos una organización corresponsable no gubernamental, para que el compromiso se cocree con la sociedad."</p> })
    };
    view! {
        <BackLink href=paths::commitment(id) text="Regresar a la ficha del compromiso" />
        <PageHeading text=role.title() caption=caption(id, "Ficha") />
        <p class="body">{role.intro()}</p>
        {non_gov_advice}
        <ItemTable
            caption=role.title()
            headers=vec!["Institución o persona", "Papel", "Sector y poder o ámbito"]
            rows=rows
            empty="Todavía no ha agregado a nadie."
            on_delete=on_delete
            return_focus=add_id
        />
        <div class="button-group">
            <a class="button button--secondary" id=add_id href=paths::contact(id, role.slug(), None) role="button">{role.add()}</a>
            <a class="button" href=next_part(id, role.part()) role="button">"Continuar"</a>
        </div>
    }
}

#[component]
fn PersonForm(id: CommitmentId, role: Role, existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let n = existing.unwrap_or_else(|| {
        state
            .plan
            .with_untracked(|p| p.commitment(id).map_or(ItemId(1), |c| c.next_contact_id()))
    });
    let page = page_key(id, &format!("{}/{}", role.slug(), paths::item(existing)));
    let form = page_form(&page, |p| {
        p.commitment(id)
            .and_then(|c| role.list(c).iter().find(|x| x.id == n))
            .map(|x| to_fields(&TeamMemberInput::from_value(x)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        part_path(id, role.part()),
        move || form.input::<TeamMemberInput>().parse(n),
        move |member: TeamMember| {
            state.edit_plan(|p| {
                if let Some(c) = p.commitment_mut(id) {
                    upsert(role.list_mut(c), member);
                }
            })
        },
    );
    let title = match (role, existing) {
        (Role::Responsible, None) => "Nueva institución responsable",
        (Role::Responsible, Some(_)) => "Institución responsable",
        (Role::CoResponsible, None) => "Nueva organización corresponsable",
        (Role::CoResponsible, Some(_)) => "Organización corresponsable",
    };
    let legend = match role {
        Role::Responsible => "Institución y persona servidora pública responsable",
        Role::CoResponsible => "Organización y persona de contacto",
    };
    view! {
        <QuestionFrame form=form back=part_path(id, role.part()) back_text="Regresar a la lista" title=title caption=caption(id, role.title()) submit=submit>
            <ContactFields form=form legend=legend institution_required=true affiliation=true />
            <ChoiceField
                form=form
                field=Named::TeamRole
                legend="Papel en el compromiso (opcional)"
                hint="Quién lidera el compromiso, quién lo coordina, quién supervisa y quién apoya."
                choices=choices(TeamRole::ALL)
            />
        </QuestionFrame>
    }
}
