//! `/plan/avances/valoracion/{id}`: a commitment's end-of-commitment
//! assessment, as OGP Local's form asks for it: its completion (the IRM's
//! scale), "¿Abrió el gobierno?" for each OGP value it marks (the IRM's
//! early-results scale), the evidence and the explanation (see
//! [`crate::domain::record_input`]).

use leptos::prelude::*;

use crate::domain::commitment::OgpValue;
use crate::domain::progress::{EarlyResult, EndAssessment, Status};
use crate::domain::record_input::{
    assessed_values, early_result_field, save_assessment, AssessmentInput,
};
use crate::domain::{CommitmentId, Field, Named};
use crate::labels::Label;
use crate::messages::record as words;
use crate::state::use_app;
use crate::ui::draft_form::{page_form, save_handler};
use crate::ui::form::{to_fields, Choice, RadioGroup};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::route::{remount_on, saved_commitment};
use crate::ui::widgets::{choices, QuestionFrame, TextArea};

/// OGP's glossary entry of the early-results scale ("Did it Open Government?").
const EARLY_RESULTS_SOURCE: &str = "https://www.opengovpartnership.org/glossary/early-results/";

/// The unsaved-input key of commitment `id`'s assessment page.
pub(super) use crate::ui::route::assessment_key as page_key;

/// The early-results scale with what each level means (OGP's glossary, in
/// our words).
fn early_choices() -> Vec<Choice> {
    EarlyResult::ALL
        .iter()
        .map(|&r| Choice {
            key: r.key(),
            label: r.label().into(),
            hint: Some(match r {
                EarlyResult::Empeoro => "La apertura del gobierno empeoró por el compromiso.",
                EarlyResult::NoCambio => "La práctica del gobierno no cambió.",
                EarlyResult::Marginal => "Hubo algún cambio, pero su efecto en la apertura es menor.",
                EarlyResult::Importante => "Un paso adelante para la apertura en esa política, aunque de alcance o escala limitados.",
                EarlyResult::Sobresaliente => "Una reforma que transformó la forma habitual de trabajar en esa política al abrir el gobierno.",
            }),
        })
        .collect()
}

#[component]
pub fn AssessmentPage() -> impl IntoView {
    remount_on(&["id"], |p| match saved_commitment(&p[0]) {
        Some(id) => view! { <AssessmentForm id=id /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    })
}

#[component]
fn AssessmentForm(id: CommitmentId) -> impl IntoView {
    let state = use_app();
    let page = page_key(id);
    let form = page_form(&page, |p| {
        p.end_assessment(id)
            .map(|a| to_fields(&AssessmentInput::from_value(a)))
            .unwrap_or_default()
    });
    let submit = save_handler(
        form,
        page,
        paths::PROGRESS,
        move || form.input::<AssessmentInput>().read(id),
        move |a: EndAssessment| state.edit_plan(|p| save_assessment(&mut p.implementation, a)),
    );
    let (number, name, values, marked) = state.plan.with_untracked(|p| {
        let c = p.commitment(id);
        (
            p.commitment_number(id).unwrap_or(0),
            c.map(|c| c.name.clone()).unwrap_or_default(),
            assessed_values(p, id),
            c.map(|c| c.values.iter().map(|v| v.value).collect::<Vec<OgpValue>>())
                .unwrap_or_default(),
        )
    });
    let value_groups = if values.is_empty() {
        view! {
            <p class="body">
                "El compromiso no marca valores de la Alianza. "
                <a class="link" href=paths::commitment_part(id, "valores")>"Márquelos en su ficha"</a>
                " para valorar si abrió el gobierno en cada uno."
            </p>
        }
        .into_any()
    } else {
        values
            .into_iter()
            .map(|v| {
                let hint = if marked.contains(&v) {
                    "Escala de primeros resultados («Early results») del glosario de OGP.".to_owned()
                } else {
                    "El compromiso ya no marca este valor; la respuesta guardada se conserva. Escala de primeros resultados («Early results») del glosario de OGP.".to_owned()
                };
                view! {
                    <RadioGroup
                        form=form
                        field=Field::Named(early_result_field(v))
                        legend=words::early_result_legend(v)
                        hint=hint
                        choices=early_choices()
                    />
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <QuestionFrame
            form=form
            back=paths::PROGRESS
            back_text="Regresar a los informes de avance"
            title="Valoración final del compromiso"
            caption=format!("Compromiso {number} · Valoración final")
            submit=submit
        >
            <p class="body">
                {format!("Al terminar el compromiso «{name}», valore lo que logró, como lo pide el formulario de fin de compromiso de OGP Local: cuánto se cumplió, si abrió el gobierno, con qué evidencia y por qué. Todas las respuestas son opcionales.")}
            </p>
            <RadioGroup
                form=form
                field=Field::Named(Named::EndCompletion)
                legend="¿Cuánto se cumplió el compromiso? (opcional)"
                hint="Escala de cumplimiento del Mecanismo de Revisión Independiente (IRM) de OGP. «Sin evidencia» si no hay con qué mostrar el avance."
                choices=choices(Status::ALL)
            />
            <h2 class="heading-m">"¿Abrió el gobierno?"</h2>
            <p class="body">
                "Para cada valor de la Alianza que marca el compromiso, compare cómo estaba el gobierno antes del plan y cómo quedó al final. La escala es la de primeros resultados del Mecanismo de Revisión Independiente: "
                <a class="link" href=EARLY_RESULTS_SOURCE>"«"<span lang="en">"Early results"</span>"», glosario de OGP"</a>
                "."
            </p>
            {value_groups}
            <TextArea
                form=form
                field=Named::EndEvidence
                label="Evidencia (opcional)"
                hint="Una por línea: una liga, el nombre de un documento o una descripción."
                rows=4
            />
            <TextArea
                form=form
                field=Named::EndExplanation
                label="Explicación (opcional)"
                hint="Qué se logró y qué no, qué cambió para la ciudadanía y qué lo hizo posible o lo impidió."
                rows=6
            />
        </QuestionFrame>
    }
}
