//! A commitment's alignment: national commitment, SDG targets, PND axis, local
//! plan axis, and gender-equality perspective.

use leptos::prelude::*;

use super::{caption, next_part, page_key};
use crate::domain::commitment::{pnd_axis_key, pnd_axis_label, AlignmentInput};
use crate::domain::plan::FichaPart;
use crate::domain::{CommitmentId, Field, Named};
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, Choice, RadioGroup, TextField};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::picker::{PickOption, SdgTargetPicker, SearchableRadios};
use crate::ui::route::{remount_on, saved_commitment};
use crate::ui::widgets::{Glossary, QuestionFrame, Term, TextArea};

#[component]
pub fn AlignmentPage() -> impl IntoView {
    remount_on(&["id"], |p| match saved_commitment(&p[0]) {
        Some(id) => view! { <AlignmentForm id=id /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    })
}

/// Keys and labels of an edition's PND axes, built once (radio choices hold `&'static str`).
fn pnd_options(edition: crate::catalog::PndEdition) -> &'static [(String, String)] {
    use std::sync::OnceLock;
    static P2019: OnceLock<Vec<(String, String)>> = OnceLock::new();
    static P2025: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let cell = match edition {
        crate::catalog::PndEdition::Pnd2019 => &P2019,
        crate::catalog::PndEdition::Pnd2025 => &P2025,
    };
    cell.get_or_init(|| {
        crate::catalog::pnd_axes(edition)
            .map(|a| (pnd_axis_key(a), pnd_axis_label(a)))
            .collect()
    })
}

#[component]
fn AlignmentForm(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let page = page_key(id, "alineacion");
    let edition = state.plan.with_untracked(|p| p.pnd_edition());
    let form = page_form(&page, |p| {
        p.commitment(id)
            .map(|c| to_fields(&AlignmentInput::from_commitment(c, edition)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        next_part(id, FichaPart::Alignment),
        move || {
            let input: AlignmentInput = form.input();
            state
                .plan
                .with_untracked(|p| input.parse(&p.national_plan, p.pnd_edition()))
        },
        move |alignment| {
            state.edit_plan(|p| {
                if let Some(c) = p.commitment_mut(id) {
                    c.alignment = alignment;
                }
            })
        },
    );
    let national_hint = state
        .plan
        .with_untracked(|p| format!("Lista en uso: {}.", p.national_plan.name));
    let relation_choices = vec![
        Choice {
            key: "replica",
            label: "Replica un compromiso nacional".into(),
            hint: Some("Hace en lo local lo que el compromiso nacional hace en lo federal."),
        },
        Choice {
            key: "complementa",
            label: "Complementa un compromiso nacional".into(),
            hint: Some("Contribuye a las metas de un compromiso nacional con acciones propias."),
        },
        Choice {
            key: "nuevo",
            label: "Es un compromiso nuevo".into(),
            hint: Some("No tiene un compromiso equivalente en el plan nacional."),
        },
    ];
    let national_query = RwSignal::new(String::new());
    let national_options = Signal::derive(move || {
        let q = crate::catalog::fold(&national_query.get());
        state.plan.with(|p| {
            p.national_plan
                .commitments
                .iter()
                .filter(|e| {
                    q.is_empty()
                        || crate::catalog::fold(&format!("{} {}", e.id, e.title)).contains(q.trim())
                })
                .map(|e| PickOption {
                    value: e.id.clone(),
                    label: format!("{} · {}", e.id, crate::labels::national_title(e)),
                })
                .collect()
        })
    });
    let national_total =
        Signal::derive(move || state.plan.with(|p| p.national_plan.commitments.len()));
    // PND axes of the edition chosen in the profile; "otro" for a DOF section or
    // an axis not in the catalogue.
    let (pnd_legend, pnd_choices) = match edition {
        Some(e) => {
            let mut choices: Vec<Choice> = pnd_options(e)
                .iter()
                .map(|(key, label)| Choice {
                    key: key.as_str(),
                    label: label.as_str().into(),
                    hint: None,
                })
                .collect();
            choices.push(Choice {
                key: "otro",
                label: "Otro eje o sección del PND".into(),
                hint: None,
            });
            (
                format!(
                    "Eje del Plan Nacional de Desarrollo {} (opcional)",
                    e.label()
                ),
                choices,
            )
        }
        None => (
            "Eje del Plan Nacional de Desarrollo (opcional)".to_owned(),
            vec![Choice {
                key: "otro",
                label: "Escribir el eje".into(),
                hint: Some(
                    "Elija la edición del PND en «Perfil de la jurisdicción» para ver sus ejes.",
                ),
            }],
        ),
    };
    view! {
        <QuestionFrame form=form back=paths::commitment(id) back_text="Regresar a la ficha del compromiso" title="Alineación y perspectiva de género" caption=caption(id, "Ficha") submit=submit>
            <h2 class="heading-m">"Plan de acción nacional"</h2>
            <RadioGroup
                form=form
                field=Field::NationalRelation
                legend="¿Cómo se relaciona con el plan de acción nacional?"
                hint=national_hint
                choices=relation_choices
            />
            <Show when=move || matches!(form.value("relacion-nacional").as_str(), "replica" | "complementa")>
                <SearchableRadios
                    form=form
                    field=Field::NationalCommitment
                    legend="Compromiso nacional"
                    search_label="Buscar el compromiso nacional"
                    hint="Elija el compromiso del plan nacional que su compromiso replica o complementa."
                    noun="compromisos"
                    options=national_options
                    total=national_total
                    query=national_query
                />
            </Show>
            <h2 class="heading-m">"Agenda 2030"</h2>
            <Glossary term=Term::Ods />
            <SdgTargetPicker form=form />
            <h2 class="heading-m">"Planeación nacional y local"</h2>
            <RadioGroup form=form field=Field::Named(Named::PndAxis) legend=pnd_legend choices=pnd_choices />
            <Show when=move || form.value("eje-pnd") == "otro">
                <TextField form=form field=Field::Named(Named::PndAxisOther) label="Eje o sección del PND" hint="Por ejemplo «Eje I. Política y Gobierno»." />
            </Show>
            <TextField
                form=form
                field=Field::Named(Named::LocalAxis)
                label="Eje del plan estatal o municipal de desarrollo (opcional)"
                hint="Escríbalo como aparece en su plan, por ejemplo «Eje 5. Gobierno abierto y transparente»."
            />
            <h2 class="heading-m">"Perspectiva de igualdad de género"</h2>
            <TextArea
                form=form
                field=Named::Gender
                label="¿Qué brecha de género atiende el compromiso y para quién? (opcional)"
                hint="Diga qué desigualdad entre mujeres y hombres reduce, a quién beneficia y qué datos desagregados por sexo publicará."
                rows=5
            />
        </QuestionFrame>
    }
}
