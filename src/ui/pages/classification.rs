//! A commitment's classification the way OGP's data classifies commitments
//! ([`crate::domain::classification`]): the Open Gov Challenge area, the
//! primary policy area and sector (free text with suggestions), new or
//! continuing practice, binding change, and the nomination to the Open Gov
//! Challenge. One optional page of the commitment (`/plan/compromisos/{id}/clasificacion`),
//! linked from its ficha's overview.

use leptos::prelude::*;

use crate::domain::classification::{
    ChallengeArea, Classification, ClassificationInput, POLICY_AREAS, SECTORS,
};
use crate::domain::ogp::{Practice, YesNo};
use crate::domain::{CommitmentId, Field, Named};
use crate::export::ogp::{classification_line, CLASSIFICATION_HEADING};
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, Choice, RadioGroup, TextField};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::{caption, page_key};
use crate::ui::route::{remount_on, saved_commitment};
use crate::ui::widgets::{choices, CheckboxGroup, QuestionFrame};

/// The commitment's page part (its address and unsaved-input key,
/// "compromiso/3/clasificacion").
const PART: &str = "clasificacion";

/// Ids of the `<datalist>`s of suggestions.
const POLICY_AREA_LIST: &str = "areas-de-politica";
const SECTOR_LIST: &str = "sectores";

/// `/plan/compromisos/{id}/clasificacion`.
#[component]
pub fn ClassificationPage() -> impl IntoView {
    remount_on(&["id"], |p| match saved_commitment(&p[0]) {
        Some(id) => view! { <ClassificationForm id=id /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    })
}

fn suggestions(id: &'static str, items: &'static [&'static str]) -> impl IntoView {
    let options = items
        .iter()
        .map(|v| view! { <option value=*v></option> })
        .collect_view();
    view! { <datalist id=id>{options}</datalist> }
}

#[component]
fn ClassificationForm(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let page = page_key(id, PART);
    let form = page_form(&page, |p| {
        p.commitment(id)
            .and_then(|c| c.classification.as_ref())
            .map(|c| to_fields(&ClassificationInput::from_value(c)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        paths::commitment(id),
        move || form.input::<ClassificationInput>().read(),
        move |new: Classification| {
            state.edit_plan(|p| {
                if let Some(c) = p.commitment_mut(id) {
                    c.classification = new.saved_over(c.classification.as_ref());
                }
            })
        },
    );
    // A single box: ticked, the field holds "si" (what the domain reads).
    let nominate = vec![Choice {
        key: "si",
        label: "Postular este compromiso al Open Gov Challenge".into(),
        hint: None,
    }];
    view! {
        <QuestionFrame
            form=form
            back=paths::commitment(id)
            back_text="Regresar a la ficha del compromiso"
            title=CLASSIFICATION_HEADING
            caption=caption(id, "Clasificación")
            submit=submit
        >
            <p class="body">
                "Clasifique el compromiso como la Alianza para el Gobierno Abierto (OGP) clasifica los compromisos en sus datos, y decida si lo postula al Open Gov Challenge. Todas las respuestas son opcionales."
            </p>
            <RadioGroup
                form=form
                field=Field::Named(Named::ChallengeArea)
                legend="¿En qué área del Open Gov Challenge entra el compromiso? (opcional)"
                hint="La estrategia 2023-2028 de la Alianza invita a presentar compromisos en estas diez áreas; un compromiso puede participar en el Open Gov Challenge si entra en una de ellas, tiene hitos por cumplir y suma transparencia, participación o rendición de cuentas."
                choices=choices(ChallengeArea::ALL)
            />
            <TextField
                form=form
                field=Field::Named(Named::PolicyArea)
                label="Área de política principal (opcional)"
                hint="Elija una de la lista o escriba otra, por ejemplo «Datos abiertos»."
                list=POLICY_AREA_LIST
            />
            {suggestions(POLICY_AREA_LIST, POLICY_AREAS)}
            <TextField
                form=form
                field=Field::Named(Named::CommitmentSector)
                label="Sector (opcional)"
                hint="El sector de gobierno en el que trabaja el compromiso. Elija uno de la lista o escriba otro, por ejemplo «Salud»."
                list=SECTOR_LIST
            />
            {suggestions(SECTOR_LIST, SECTORS)}
            <RadioGroup
                form=form
                field=Field::Named(Named::OwnPractice)
                legend="¿Es una práctica nueva o continúa una que ya existía? (opcional)"
                choices=choices(Practice::ALL)
            />
            <RadioGroup
                form=form
                field=Field::Named(Named::OwnBinding)
                legend="¿Cambia reglas de forma vinculante o institucional? (opcional)"
                hint="Por ejemplo, con una ley, un reglamento, lineamientos o un acuerdo de cabildo."
                choices=choices(YesNo::ALL)
            />
            <CheckboxGroup
                form=form
                field=Named::Nominate
                legend="Open Gov Challenge (opcional)"
                hint="Márquelo si su gobierno presentará este compromiso al Open Gov Challenge."
                choices=nominate
            />
        </QuestionFrame>
    }
}

/// The link from a commitment's ficha overview to its classification, with
/// whether it has one and, when it does, the classification in a line.
#[component]
pub fn ClassificationLink(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let status_id = "parte-clasificacion-estado";
    let line_id = "parte-clasificacion-resumen";
    let given = Memo::new(move |_| {
        state.plan.with(|p| {
            p.commitment(id)
                .and_then(|c| c.classification.as_ref())
                .map(classification_line)
        })
    });
    let described = move || match given.get() {
        Some(Some(_)) => format!("{status_id} {line_id}"),
        _ => status_id.to_owned(),
    };
    view! {
        <h2 class="heading-m">"Clasificación de la Alianza"</h2>
        <ul class="task-list">
            <li class="task-list__item">
                <div class="task-list__name">
                    <a class="task-list__link" href=paths::classification(id) aria-describedby=described>
                        "Clasificación de la Alianza y Open Gov Challenge (opcional)"
                    </a>
                    {move || given.get().flatten().map(|line| view! {
                        <div class="task-list__hint" id=line_id>
                            <p class="hint">{line}</p>
                        </div>
                    })}
                </div>
                <div class="task-list__status" id=status_id>
                    {move || if given.get().is_some() {
                        view! { <strong class="tag tag--done">"Clasificado"</strong> }.into_any()
                    } else {
                        view! { <strong class="tag tag--grey">"Opcional"</strong> }.into_any()
                    }}
                </div>
            </li>
        </ul>
    }
}
