//! A commitment's name and dates (`/plan/compromisos/nuevo`, `/…/{id}/datos`).

use leptos::prelude::*;

use super::{next_part, page_key};
use crate::domain::plan::FichaPart;
use crate::domain::{CommitmentId, CommitmentInput, Field};
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, TextField};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::{remount_on, saved_commitment};
use crate::ui::widgets::{PeriodFields, QuestionFrame};

#[component]
pub fn CommitmentPage() -> impl IntoView {
    remount_on(&["id"], |p| match saved_commitment(&p[0]) {
        Some(id) => view! { <GeneralForm existing=Some(id) /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    })
}

#[component]
pub(super) fn GeneralForm(existing: Option<CommitmentId>) -> impl IntoView {
    let state = use_app();
    let id = existing.unwrap_or_else(|| state.plan.with_untracked(|p| p.next_commitment_id()));
    let page = match existing {
        Some(id) => page_key(id, ""),
        None => "compromiso/nuevo".to_owned(),
    };
    let number = state
        .plan
        .with_untracked(|p| p.commitment_number(id).unwrap_or(p.commitments.len() + 1));
    let form = page_form(&page, |p| {
        p.commitment(id)
            .map(|c| to_fields(&CommitmentInput::from_commitment(c)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        next_part(id, FichaPart::General),
        move || {
            let input: CommitmentInput = form.input();
            state.plan.with_untracked(|p| {
                input.read(
                    id,
                    p.profile.as_ref().map(|pr| &pr.period),
                    p.commitment(id),
                )
            })
        },
        move |commitment| state.edit_plan(|p| p.upsert_commitment(commitment)),
    );
    let (title, back) = if existing.is_some() {
        (
            format!("Compromiso {number}: nombre y fechas"),
            paths::commitment(id),
        )
    } else {
        (
            format!("Nuevo compromiso (será el número {number})"),
            paths::COMMITMENTS.to_owned(),
        )
    };
    let period_hint = state.plan.with_untracked(|p| {
        p.profile.as_ref().map(|pr| {
            format!(
                "Deben quedar dentro del periodo del plan: {}.",
                pr.period.from_to()
            )
        })
    });
    view! {
        <QuestionFrame form=form back=back back_text="Regresar" title=title caption="Escriba los compromisos" submit=submit>
            <TextField
                form=form
                field=Field::CommitmentName
                label="Nombre del compromiso"
                hint="Una frase corta que diga qué se hará, por ejemplo «Estrategia subnacional de gobierno abierto»."
            />
            {match period_hint {
                Some(h) => view! { <PeriodFields form=form legend="Fechas del compromiso" hint=h start=Field::CommitmentStart end=Field::CommitmentEnd /> }.into_any(),
                None => view! { <PeriodFields form=form legend="Fechas del compromiso" start=Field::CommitmentStart end=Field::CommitmentEnd /> }.into_any(),
            }}
        </QuestionFrame>
    }
}
