//! Amendments: changes made after the plan was marked final, each with its
//! day, the commitment it changes (or the plan as a whole), what changed and
//! why. The list (`/plan/avances/enmiendas`), one page per amendment
//! (`/plan/avances/enmiendas/{n}`), and the notice on a commitment changed
//! after the plan was final (its ficha's overview and "Revise su plan"),
//! which links to a new amendment of that commitment. The app cannot stop an
//! edit of an approved plan: it asks for its record
//! ([`crate::domain::Plan::amendment_due`]).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::choice::remove_item;
use crate::domain::progress::Amendment;
use crate::domain::record_input::{
    amendments_in_order, save_amendment, AmendmentInput, WHOLE_PLAN,
};
use crate::domain::{format_date, CommitmentId, Field, ItemId, Named};
use crate::messages::record as words;
use crate::persistence::browser;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, SelectField, TextField};
use crate::ui::paths;
use crate::ui::route::{item_page, remount_on};
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::widgets::{id_key, ItemRow, ItemTable, QuestionFrame, TextArea};

use super::record::caption;

/// The unsaved-input key of amendment `n`'s page ("nuevo" for a new one).
fn page_key(n: Option<ItemId>) -> String {
    format!("avances/enmienda/{}", paths::item(n))
}

/// What an amendment is about, for a table cell: "Compromiso 2" or "El plan en general".
fn about(p: &crate::domain::Plan, c: Option<CommitmentId>) -> String {
    match c {
        None => "El plan en general".to_owned(),
        Some(c) => match p.commitment_number(c) {
            Some(n) => format!("Compromiso {n}"),
            None => "Un compromiso que ya no está en el plan".to_owned(),
        },
    }
}

/// `/plan/avances/enmiendas`.
#[component]
pub fn AmendmentsPage() -> impl IntoView {
    let state = use_app();
    let rows = Signal::derive(move || {
        state.plan.with(|p| {
            amendments_in_order(&p.implementation)
                .into_iter()
                .enumerate()
                .map(|(i, a)| ItemRow {
                    key: a.id.0,
                    cells: vec![format_date(a.on), about(p, a.commitment), a.what.clone()],
                    href: paths::amendment(Some(a.id)),
                    noun: format!("la enmienda {}", i + 1),
                    name: a.what.clone(),
                })
                .collect()
        })
    });
    let add_id = "agregar-enmienda";
    let on_delete = move |key: u32| {
        state.edit_plan(|p| {
            remove_item(&mut p.implementation.amendments, ItemId(key));
        });
        state.clear_unsaved(&page_key(Some(ItemId(key))));
    };
    view! {
        <BackLink href=paths::PROGRESS text="Regresar a los informes de avance" />
        <div class="grid-two-thirds">
            <PageHeading text="Enmiendas" caption=caption("Enmiendas") />
            <p class="body">
                "Una vez que el plan es versión final, cada cambio a un compromiso o al plan se registra como una enmienda: qué cambió, cuándo y por qué. Así el plan publicado y sus informes de avance siguen diciendo lo que pasó."
            </p>
        </div>
        <ItemTable
            caption="Enmiendas del plan"
            headers=vec!["Fecha", "Compromiso", "Qué cambió"]
            rows=rows
            empty="Todavía no ha registrado enmiendas."
            on_delete=on_delete
            return_focus=add_id
        />
        <div class="button-group">
            <a class="button button--secondary" id=add_id href=paths::amendment(None) role="button">
                "Agregar una enmienda"
            </a>
            <a class="button" href=paths::PROGRESS role="button">"Continuar"</a>
        </div>
    }
}

/// `/plan/avances/enmiendas/{n}` ("nuevo" for a new one, optionally
/// `?compromiso={id}` to start with that commitment chosen).
#[component]
pub fn AmendmentPage() -> impl IntoView {
    remount_on(&["n"], |p| {
        item_page(
            &p[0],
            |p| p.implementation.amendments.as_slice(),
            |n| view! { <AmendmentForm existing=n /> }.into_any(),
        )
    })
}

#[component]
fn AmendmentForm(existing: Option<ItemId>) -> impl IntoView {
    let state = use_app();
    let n = existing.unwrap_or_else(|| {
        state
            .plan
            .with_untracked(|p| p.implementation.next_amendment_id())
    });
    // Coming from a commitment's notice, a new amendment starts with it chosen.
    let asked = existing
        .is_none()
        .then(|| {
            use_query_map().with_untracked(|q| {
                q.get(paths::AMENDMENT_COMMITMENT_PARAM)
                    .and_then(|v| v.parse::<u32>().ok())
                    .map(CommitmentId)
            })
        })
        .flatten()
        .filter(|c| state.plan.with_untracked(|p| p.commitment(*c).is_some()));
    let page = page_key(existing);
    let form = page_form(&page, |p| {
        match p
            .implementation
            .amendments
            .iter()
            .find(|a| Some(a.id) == existing)
        {
            Some(a) => to_fields(&AmendmentInput::from_value(a)),
            None => to_fields(&AmendmentInput::new_on(browser::now_local().date(), asked)),
        }
    });
    if let Some(c) = asked {
        form.set(Named::AmendmentCommitment.key(), c.0.to_string());
    }
    let submit = save_handler(
        form,
        page,
        paths::AMENDMENTS,
        move || {
            let ids: Vec<CommitmentId> = state
                .plan
                .with_untracked(|p| p.commitments.iter().map(|c| c.id).collect());
            form.input::<AmendmentInput>().parse(n, &ids)
        },
        move |a: Amendment| state.edit_plan(|p| save_amendment(p, a)),
    );
    let options = state.plan.with_untracked(|p| {
        std::iter::once((WHOLE_PLAN, "El plan en general".to_owned()))
            .chain(
                p.commitments
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (id_key(c.id.0), format!("Compromiso {}: {}", i + 1, c.name))),
            )
            .collect::<Vec<_>>()
    });
    let title = if existing.is_some() {
        "Enmienda"
    } else {
        "Nueva enmienda"
    };
    view! {
        <QuestionFrame
            form=form
            back=paths::AMENDMENTS
            back_text="Regresar a las enmiendas"
            title=title
            caption=caption("Enmiendas")
            submit=submit
        >
            <TextField
                form=form
                field=Field::Named(Named::AmendmentDate)
                label="Fecha de la enmienda"
                hint="El día en que se acordó el cambio, como día/mes/año, por ejemplo 15/03/2026."
                width="input--w10"
            />
            <SelectField
                form=form
                field=Field::Named(Named::AmendmentCommitment)
                label="¿Qué compromiso cambió?"
                hint="O elija «El plan en general» si el cambio no es de un compromiso."
                placeholder="Seleccione el compromiso"
                options=options
            />
            <TextArea
                form=form
                field=Named::AmendmentWhat
                label="¿Qué cambió?"
                hint="Por ejemplo «Se cambió el nombre del compromiso» o «La acción clave 2 termina en diciembre de 2027 en lugar de junio»."
                rows=4
            />
            <TextArea
                form=form
                field=Named::AmendmentWhy
                label="¿Por qué cambió?"
                hint="La razón del cambio y quién lo acordó, por ejemplo «Lo acordó el Secretariado Técnico Local en su sesión del 10/03/2026 porque…»."
                rows=4
            />
        </QuestionFrame>
    }
}

/// Id of the notice's heading on a ficha's overview.
const NOTICE_TITLE_ID: &str = "enmienda-pendiente";

/// On a commitment's ficha overview: "El plan ya es versión final: registre
/// esta enmienda", while the commitment changed after the plan was final and
/// no amendment records it.
#[component]
pub fn AmendmentNotice(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let due = Memo::new(move |_| {
        state.plan.with(|p| {
            if !p.amendment_due(id) {
                return None;
            }
            let on = p.final_mark.as_ref()?.on;
            Some((on, p.commitment_number(id).unwrap_or(0)))
        })
    });
    move || {
        due.get().map(|(on, number)| {
            view! {
                <div class="banner" role="region" aria-labelledby=NOTICE_TITLE_ID>
                    <h2 class="banner__title" id=NOTICE_TITLE_ID>{words::AMENDMENT_DUE_TITLE}</h2>
                    <p class="banner__text">{words::amendment_due_text(on)}</p>
                    <p class="banner__text">
                        <a class="link" href=paths::new_amendment_for(id)>{words::amendment_due_link(number)}</a>
                    </p>
                </div>
            }
        })
    }
}

/// On "Revise su plan": the same notice for every commitment that asks for
/// an amendment.
#[component]
pub fn AmendmentNotices() -> impl IntoView {
    let state = use_app();
    let due = Memo::new(move |_| {
        state.plan.with(|p| {
            let on = p.final_mark.as_ref().map(|m| m.on)?;
            let items: Vec<(CommitmentId, usize, String)> = p
                .amendments_due()
                .into_iter()
                .filter_map(|c| Some((c, p.commitment_number(c)?, p.commitment(c)?.name.clone())))
                .collect();
            (!items.is_empty()).then_some((on, items))
        })
    });
    move || {
        due.get().map(|(on, items)| {
            let (title, text) = if items.len() == 1 {
                (words::AMENDMENT_DUE_TITLE, words::amendment_due_text(on))
            } else {
                (words::AMENDMENTS_DUE_TITLE, words::amendments_due_text(on))
            };
            let links = items
                .into_iter()
                .map(|(c, number, name)| {
                    view! {
                        <li>
                            <a class="link" href=paths::new_amendment_for(c)>{words::amendment_due_link(number)}</a>
                            {format!(" («{name}»)")}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="banner" role="region" aria-labelledby="enmiendas-pendientes">
                    <h2 class="banner__title" id="enmiendas-pendientes">{title}</h2>
                    <p class="banner__text">{text}</p>
                    <ul class="list list--bullet">{links}</ul>
                </div>
            }
        })
    }
}
