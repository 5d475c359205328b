//! "Revisión de calidad" (`/plan/calidad`): the plan read the way OGP's
//! Independent Reporting Mechanism will read it ([`crate::domain::quality`],
//! worded by [`crate::export::content::quality`], the same view the PDF's
//! annex prints). Each finding is a link to the field to change (coming back
//! here after "Guardar y continuar"); a recommendation can be kept as it is
//! with a reason ("Revisado, se mantiene así").

use leptos::prelude::*;

use crate::domain::quality::{Counts, RuleId, Severity, Source, MAX_KEPT_REASON};
use crate::domain::Step;
use crate::export::content::quality::{review_view, status_text, CommitmentView, FindingView};
use crate::messages::quality as words;
use crate::persistence::browser;
use crate::state::use_app;
use crate::ui::form::focus_id;
use crate::ui::paths;
use crate::ui::route::place_href;
use crate::ui::shell::{BackLink, PageHeading};

/// An HTML id from a finding's key ("entregable/c3/k2" → "hallazgo-entregable-c3-k2").
fn finding_id(key: &str) -> String {
    format!("hallazgo-{}", key.replace(['/', '.'], "-"))
}

fn tag_class(f: &FindingView) -> &'static str {
    match (f.severity, f.kept.is_some()) {
        (_, true) => "tag tag--done",
        (Severity::Required, false) => "tag tag--red",
        (Severity::Advisory, false) => "tag tag--blue",
    }
}

/// A kept recommendation's reason being written, or its error.
#[derive(Clone, Copy)]
struct Keeping {
    /// The key of the finding whose form is open.
    open: RwSignal<Option<String>>,
    reason: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

impl Keeping {
    fn new() -> Self {
        Self {
            open: RwSignal::new(None),
            reason: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }
}

/// One finding: its status, its sentence (a link to where it is fixed) and
/// its source; a recommendation has "Revisado, se mantiene así".
#[component]
fn FindingItem(finding: FindingView, keeping: Keeping) -> impl IntoView {
    let state = use_app();
    let id = finding_id(&finding.key);
    let reason_id = format!("{id}-razon");
    let error_id = format!("{id}-error");
    let key = finding.key.clone();
    let advisory = finding.severity == Severity::Advisory;
    let source = finding.source;
    let open = {
        let key = key.clone();
        move || keeping.open.with(|o| o.as_deref() == Some(key.as_str()))
    };
    let start = {
        let (key, reason_id) = (key.clone(), reason_id.clone());
        move |_| {
            keeping.reason.set(String::new());
            keeping.error.set(None);
            keeping.open.set(Some(key.clone()));
            let reason_id = reason_id.clone();
            request_animation_frame(move || focus_id(&reason_id));
        }
    };
    let save = {
        let (key, id, reason_id) = (key.clone(), id.clone(), reason_id.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let reason = keeping.reason.get_untracked().trim().to_owned();
            let problem = if reason.is_empty() {
                Some(words::KEEP_REASON_MISSING.to_owned())
            } else if reason.chars().count() > MAX_KEPT_REASON {
                Some(words::keep_reason_too_long(MAX_KEPT_REASON))
            } else {
                None
            };
            if let Some(message) = problem {
                keeping.error.set(Some(message));
                let reason_id = reason_id.clone();
                request_animation_frame(move || focus_id(&reason_id));
                return;
            }
            let key = key.clone();
            state.edit_plan(|p| p.keep_finding(key, reason));
            keeping.open.set(None);
            let id = id.clone();
            request_animation_frame(move || focus_id(&id));
        }
    };
    let cancel = {
        let id = id.clone();
        move |_| {
            keeping.open.set(None);
            let id = id.clone();
            request_animation_frame(move || focus_id(&id));
        }
    };
    let unkeep = {
        let (key, id) = (key.clone(), id.clone());
        move |_| {
            state.edit_plan(|p| p.unkeep_finding(&key));
            let id = id.clone();
            request_animation_frame(move || focus_id(&id));
        }
    };
    let kept = finding.kept.clone();
    let actions = move || {
        if !advisory {
            return None;
        }
        Some(if kept.is_some() {
            view! {
                <button class="button button--secondary button--small" type="button" on:click=unkeep.clone()>
                    "Volver a revisar"
                </button>
            }
            .into_any()
        } else if open() {
            let (error_id, message_id) = (error_id.clone(), error_id.clone());
            let described = move || keeping.error.get().map(|_| error_id.clone());
            view! {
                <form class="finding__keep" on:submit=save.clone() novalidate=true>
                    <div class=move || if keeping.error.get().is_some() { "form-group form-group--error" } else { "form-group" }>
                        <label class="label" for=reason_id.clone()>"¿Por qué se mantiene así?"</label>
                        {move || keeping.error.get().map(|m| view! {
                            <p class="error-message" id=message_id.clone()>
                                <span class="visually-hidden">"Error: "</span>{m}
                            </p>
                        })}
                        <textarea
                            class=move || if keeping.error.get().is_some() { "textarea input--error" } else { "textarea" }
                            id=reason_id.clone()
                            rows="3"
                            aria-describedby=described
                            aria-invalid=move || keeping.error.get().is_some().then_some("true")
                            prop:value=move || keeping.reason.get()
                            on:input=move |ev| keeping.reason.set(event_target_value(&ev))
                        ></textarea>
                    </div>
                    <div class="button-group">
                        <button class="button button--small" type="submit">"Guardar la razón"</button>
                        <button class="button button--secondary button--small" type="button" on:click=cancel.clone()>"Cancelar"</button>
                    </div>
                </form>
            }
            .into_any()
        } else {
            view! {
                <button class="button button--secondary button--small" type="button" on:click=start.clone()>
                    {words::KEPT}
                </button>
            }
            .into_any()
        })
    };
    view! {
        <li class="finding">
            <p class="finding__status" id=id tabindex="-1">
                <strong class=tag_class(&finding)>{status_text(&finding)}</strong>
            </p>
            <p class="finding__text">
                <a class="link" href=place_href(&finding.place)>{finding.text.clone()}</a>
            </p>
            <p class="finding__source hint">
                "Fuente: "
                <a class="link" href=source.url() rel="noopener noreferrer">{words::source(source)}</a>
            </p>
            {actions}
        </li>
    }
}

fn finding_list(items: Vec<FindingView>, keeping: Keeping, none: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <p class="body">{none}</p> }.into_any();
    }
    view! {
        <ul class="finding-list">
            {items.into_iter().map(|f| view! { <FindingItem finding=f keeping=keeping /> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One commitment: the IRM's three questions and its findings.
fn commitment_view(c: CommitmentView, keeping: Keeping) -> impl IntoView {
    let (tag, class) = if c.promising {
        (words::promising(true), "tag tag--done")
    } else {
        (words::promising(false), "tag tag--grey")
    };
    let heading_id = format!("calidad-compromiso-{}", c.id.0);
    let labelled = heading_id.clone();
    view! {
        <section class="quality-commitment" aria-labelledby=labelled>
            <h3 class="heading-s" id=heading_id>
                <a class="link" href=paths::commitment(c.id)>{c.heading.clone()}</a>
                " " <strong class=class>{tag}</strong>
            </h3>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">"¿Es verificable?"</dt>
                    <dd class="summary-list__value">{c.verifiable_text.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"¿Es relevante para los valores de la Alianza?"</dt>
                    <dd class="summary-list__value">{c.relevant_text.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"¿Qué potencial de resultados tiene?"</dt>
                    <dd class="summary-list__value">{c.potential_text.clone()}</dd>
                </div>
            </dl>
            {finding_list(c.findings, keeping, "La revisión no encontró nada en este compromiso.")}
        </section>
    }
}

/// The rules and their sources, for whoever audits the review.
fn rules_list() -> impl IntoView {
    let by_source = Source::ALL.iter().map(|&s| {
        let rules = RuleId::ALL
            .iter()
            .filter(|r| r.source() == s)
            .map(|r| {
                view! { <li>{words::rule(*r)} " (" {words::severity(r.severity())} ")"</li> }
            })
            .collect_view();
        view! {
            <h3 class="heading-s">
                <a class="link" href=s.url() rel="noopener noreferrer">{words::source(s)}</a>
            </h3>
            <ul class="list--bullet">{rules}</ul>
        }
    });
    view! {
        <details class="details">
            <summary class="details__summary">"Las reglas de esta revisión y sus fuentes"</summary>
            <div class="details__text">{by_source.collect_view()}</div>
        </details>
    }
}

#[component]
pub fn QualityPage() -> impl IntoView {
    let state = use_app();
    let keeping = Keeping::new();
    let view_now = Memo::new(move |_| {
        let today = browser::now_local().date();
        state.plan.with(|p| review_view(p, today))
    });
    let summary = move || view_now.with(|v| v.summary.clone());
    let plan_findings = move || {
        finding_list(
            view_now.with(|v| v.plan.clone()),
            keeping,
            "La revisión no encontró nada en el plan en su conjunto.",
        )
    };
    let commitments = move || {
        let list = view_now.with(|v| v.commitments.clone());
        if list.is_empty() {
            return view! {
                <p class="body">
                    "Todavía no hay compromisos que revisar. "
                    <a class="link" href=paths::COMMITMENTS>"Agregue el primero"</a>
                    "."
                </p>
            }
            .into_any();
        }
        list.into_iter()
            .map(|c| commitment_view(c, keeping))
            .collect_view()
            .into_any()
    };
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <PageHeading text="Revisión de calidad" caption="Revise y comparta" />
        <p class="body">
            "Cuando envíe su plan, el Mecanismo de Revisión Independiente (IRM) de la Alianza para el Gobierno Abierto revisará si cada compromiso es verificable, si es relevante para la transparencia, la participación o la rendición de cuentas, y qué potencial de resultados tiene; y si la cocreación cumplió los requisitos mínimos. Esta página le dice hoy lo que encontraría."
        </p>
        <p class="body">
            "Lo que «Falta para la versión final» impide marcar el plan como versión final. Las recomendaciones no lo impiden: corríjalas o márquelas como «Revisado, se mantiene así» con su razón, que se imprime en el anexo del PDF. Cada hallazgo lleva a la pregunta que hay que cambiar; al guardar, regresa aquí."
        </p>
        <p class="inset" id="resumen-calidad" aria-live="polite">{summary}</p>
        <h2 class="heading-m">"El plan"</h2>
        {plan_findings}
        <h2 class="heading-m">"Cada compromiso"</h2>
        {commitments}
        {rules_list()}
        <div class="button-group">
            <a class="button" href=Step::Review.path() role="button">"Continuar a revisar y exportar"</a>
        </div>
    }
}

/// The review's counts in one line, with a link to the page: for the task
/// list and "Revise su plan".
/// The quality review's counts ([`crate::state::AppState::quality`]).
#[derive(Clone, Copy)]
pub struct QualityCounts(pub Memo<Option<Counts>>);

impl QualityCounts {
    pub(crate) fn required(self) -> Option<usize> {
        self.0.get().map(|c| c.required)
    }
}

#[component]
pub fn QualitySummary() -> impl IntoView {
    let state = use_app();
    move || {
        state.quality.get().map(|counts| {
            view! {
                <p class="body">
                    <a class="link" href=paths::QUALITY>{words::counts(counts)}</a>
                </p>
            }
        })
    }
}
