//! "Diagnóstico de condiciones de apertura": the readiness self-assessment, one
//! page per theme, then OGP Local's eligibility criteria, then the result with
//! its chart (SVG, with a table alternative), the route and the PDF report.
//! Every answer is kept in the draft while the person goes through the pages.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::domain::readiness::{
    self, check_page, input_from, parse_assessment, score, Outcome, GATE, LEVEL_NAMES, THEMES,
};
use crate::domain::Step;
use crate::domain::{format_date, Field};
use crate::export::job::Prepared;
use crate::export::unprintable::{unprintable, Finding};
use crate::persistence::browser;
use crate::state::use_app;
use crate::ui::draft_form::draft_form;
use crate::ui::form::{Choice, ErrorSummary, Form, RadioGroup, TextField};
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::review::CheckedExport;
use crate::ui::paths;
use crate::ui::pdf_client::{Export, ExportStatus};
use crate::ui::shell::{BackLink, PageHeading};

/// Key of the answers in progress in the draft.
const PAGE: &str = "preparacion";

/// The answers in progress: unsaved ones, else the last assessment's, else none.
fn initial_input() -> readiness::ReadinessInput {
    let state = use_app();
    state.unsaved_for(PAGE).unwrap_or_else(|| {
        state
            .plan
            .with_untracked(|p| p.readiness.last().map(input_from).unwrap_or_default())
    })
}

/// A form over all readiness answers that writes every change to the draft.
fn readiness_form() -> Form {
    draft_form(PAGE.to_owned(), initial_input())
}

#[component]
pub fn ReadinessStartPage() -> impl IntoView {
    let state = use_app();
    let has_done = move || state.plan.with(|p| !p.readiness.is_empty());
    view! {
        <BackLink href=paths::START text="Regresar al inicio" />
        <div class="grid-two-thirds">
            <PageHeading text="Evalúe la preparación de su municipio o estado" caption="Diagnóstico de condiciones de apertura" />
            <p class="lead">"Sepa dónde está su gobierno antes de empezar un plan de acción de gobierno abierto, y qué conviene hacer primero."</p>
            <p class="body">
                "Son 15 preguntas en 5 temas y 4 criterios de elegibilidad de la Alianza para el Gobierno Abierto (OGP Local). Le tomará entre 10 y 15 minutos."
            </p>
            <ul class="list list--bullet">
                {THEMES.iter().map(|t| view! { <li>{t.title}</li> }).collect_view()}
            </ul>
            <p class="body">
                "Cada respuesta describe una situación concreta. Si no sabe, elija «No sé»: cuenta como cero, y el resultado le dirá qué averiguar. Puede anotar una evidencia (un enlace o una nota) para cada respuesta."
            </p>
            <p class="body">"Al final verá un puntaje por tema, una ruta con los pasos que conviene dar primero, y podrá descargar un informe en PDF."</p>
            <div class="button-group">
                <a class="button button--start" href="/preparacion/tema/1" role="button">"Comenzar la evaluación"</a>
                <Show when=has_done>
                    <a class="link" href=paths::READINESS_RESULT>"Ver el último resultado"</a>
                </Show>
            </div>
        </div>
    }
}

/// `/preparacion/tema/{n}`: one theme's questions.
#[component]
pub fn ReadinessThemePage() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.read().get("n").and_then(|v| v.parse::<u8>().ok());
    // Keyed, so moving from one theme to the next mounts a fresh form instead of
    // rebuilding the previous one in place (which mixed up radio groups).
    view! {
        <For each=move || std::iter::once(number()) key=|n| *n let:n>
            {match n.filter(|n| (1..=5).contains(n)) {
                Some(n) => view! { <ThemeForm number=n /> }.into_any(),
                None => view! { <NotFound /> }.into_any(),
            }}
        </For>
    }
}

#[component]
fn ThemeForm(number: u8) -> impl IntoView {
    let navigate = use_navigate();
    let theme = &THEMES[usize::from(number - 1)];
    let form = readiness_form();
    let busy = StoredValue::new(false);
    let submit = move || {
        if busy.get_value() {
            return;
        }
        let problems = check_page(&form.values.get_untracked(), Some(number));
        if problems.is_empty() {
            busy.set_value(true);
            let next = if number < 5 {
                format!("/preparacion/tema/{}", number + 1)
            } else {
                paths::READINESS_GATE.to_owned()
            };
            navigate(&next, Default::default());
        } else {
            form.show_errors(problems.iter().map(|p| p.field_error()).collect());
        }
    };
    let first_index = THEMES[..usize::from(number - 1)]
        .iter()
        .map(|t| t.questions.len())
        .sum::<usize>();
    let questions = theme
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let index = u8::try_from(first_index + i).unwrap_or(0);
            let choices = vec![
                Choice {
                    key: "0",
                    label: LEVEL_NAMES[0].into(),
                    hint: Some(q.levels[0]),
                },
                Choice {
                    key: "1",
                    label: LEVEL_NAMES[1].into(),
                    hint: Some(q.levels[1]),
                },
                Choice {
                    key: "2",
                    label: LEVEL_NAMES[2].into(),
                    hint: Some(q.levels[2]),
                },
                Choice {
                    key: "3",
                    label: LEVEL_NAMES[3].into(),
                    hint: Some(q.levels[3]),
                },
                Choice {
                    key: "no-se",
                    label: "No sé".into(),
                    hint: None,
                },
            ];
            view! {
                <div class="question">
                    <RadioGroup
                        form=form
                        field=Field::ReadinessAnswer(index)
                        legend=format!("{}. {}", i + 1, q.text)
                        choices=choices
                    />
                    <TextField
                        form=form
                        field=Field::ReadinessEvidence(index)
                        label="Evidencia (opcional)"
                        hint="Un enlace o una nota que respalde su respuesta."
                    />
                </div>
            }
        })
        .collect_view();
    let back: &'static str = match number {
        1 => paths::READINESS,
        2 => "/preparacion/tema/1",
        3 => "/preparacion/tema/2",
        4 => "/preparacion/tema/3",
        _ => "/preparacion/tema/4",
    };
    view! {
        <BackLink href=back />
        <div class="grid-two-thirds">
            <ErrorSummary form=form />
            <PageHeading
                text=theme.title
                caption=format!("Diagnóstico · Tema {number} de 5")
                has_errors=Signal::derive(move || form.has_errors())
            />
            <form novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }>
                {questions}
                <div class="button-group">
                    <button class="button" type="submit">"Guardar y continuar"</button>
                    <a class="link" href=paths::TASKS>"Guardar y volver más tarde"</a>
                </div>
            </form>
        </div>
    }
}

/// `/preparacion/elegibilidad`: OGP Local's criteria, then the result.
#[component]
pub fn ReadinessGatePage() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let form = readiness_form();
    let busy = StoredValue::new(false);
    let submit = move || {
        if busy.get_value() {
            return;
        }
        let input = form.values.get_untracked();
        let gate_problems = check_page(&input, None);
        if !gate_problems.is_empty() {
            form.show_errors(gate_problems.iter().map(|p| p.field_error()).collect());
            return;
        }
        let today = browser::now_local().date();
        match parse_assessment(&input, today) {
            Ok(assessment) => {
                busy.set_value(true);
                state.edit_plan(|p| p.readiness.push(assessment));
                state.clear_unsaved(PAGE);
                navigate(paths::READINESS_RESULT, Default::default());
            }
            Err(_) => {
                // An earlier theme is incomplete: send the person there.
                let first = THEMES
                    .iter()
                    .find(|t| !check_page(&input, Some(t.number)).is_empty())
                    .map_or(1, |t| t.number);
                busy.set_value(true);
                let path = format!("/preparacion/tema/{first}");
                state.flash_on(
                    &path,
                    "Faltan respuestas en este tema. Contéstelas para ver el resultado.".to_owned(),
                );
                navigate(&path, Default::default());
            }
        }
    };
    let criteria = GATE
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let index = u8::try_from(THEMES.iter().map(|t| t.questions.len()).sum::<usize>() + i)
                .unwrap_or(0);
            view! {
                <RadioGroup
                    form=form
                    field=Field::ReadinessAnswer(index)
                    legend=c.text
                    hint=c.hint
                    choices=vec![
                        Choice { key: "si", label: "Sí".into(), hint: None },
                        Choice { key: "no", label: "No".into(), hint: None },
                    ]
                />
            }
        })
        .collect_view();
    view! {
        <BackLink href="/preparacion/tema/5" />
        <div class="grid-two-thirds">
            <ErrorSummary form=form />
            <PageHeading
                text="Criterios de elegibilidad de OGP Local"
                caption="Diagnóstico · Último paso"
                has_errors=Signal::derive(move || form.has_errors())
            />
            <p class="body">
                "La Alianza para el Gobierno Abierto pide estas cuatro condiciones a los gobiernos locales que quieren sumarse a OGP Local. Conteste con sí o no."
            </p>
            <form novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }>
                {criteria}
                <div class="button-group">
                    <button class="button" type="submit">"Guardar y ver el resultado"</button>
                    <a class="link" href=paths::TASKS>"Guardar y volver más tarde"</a>
                </div>
            </form>
        </div>
    }
}

/// Horizontal bar chart of the theme scores, as SVG with a title and description.
#[component]
fn ScoreChart(outcome: Outcome) -> impl IntoView {
    let row = 44.0;
    let label_w = 190.0;
    let track_w = 360.0;
    let height = row * outcome.themes.len() as f64 + 30.0;
    let desc = outcome
        .themes
        .iter()
        .map(|t| format!("{}: {} de 100", t.theme.short, t.score))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = outcome
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let y = row * i as f64 + 8.0;
            let w = track_w * f64::from(t.score) / 100.0;
            let colors = crate::export::readiness_document::THEME_COLORS;
            let color = format!("#{:06x}", colors[i % colors.len()]);
            view! {
                <g>
                    <text x="0" y=y + 21.0 class="chart__label">{format!("{}. {}", t.theme.number, t.theme.short)}</text>
                    <rect x=label_w y=y width=track_w height="28" class="chart__track"></rect>
                    <rect x=label_w y=y width=w height="28" fill=color data-score=t.score.to_string()></rect>
                    <text x=label_w + track_w + 8.0 y=y + 21.0 class="chart__value">{format!("{} · {}", t.score, t.level.name())}</text>
                </g>
            }
        })
        .collect_view();
    let ticks = [0u8, 25, 50, 75, 100]
        .into_iter()
        .map(|v| {
            let x = label_w + track_w * f64::from(v) / 100.0;
            view! {
                <line x1=x x2=x y1="4" y2=height - 22.0 class="chart__grid"></line>
                <text x=x y=height - 6.0 class="chart__tick" text-anchor="middle">{v}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {} {}", label_w + track_w + 130.0, height)
                role="img"
                aria-labelledby="grafica-titulo grafica-desc"
                class="chart__svg"
            >
                <title id="grafica-titulo">"Puntaje por tema, de 0 a 100"</title>
                <desc id="grafica-desc">{desc}</desc>
                {ticks}
                {bars}
            </svg>
            <figcaption class="hint">"Puntaje por tema, de 0 a 100. Los mismos datos están en la tabla."</figcaption>
        </figure>
    }
}

#[component]
pub fn ReadinessResultPage() -> impl IntoView {
    let state = use_app();
    let report = Export::new();
    let content = move || {
        let (latest, previous, profile) = state.plan.with(|p| {
            let n = p.readiness.len();
            (
                p.readiness.last().cloned(),
                n.checked_sub(2).and_then(|i| p.readiness.get(i).cloned()),
                p.profile.clone(),
            )
        });
        let Some(latest) = latest else {
            return view! {
                <PageHeading text="Todavía no hay un resultado" />
                <p class="body">"Conteste el diagnóstico para ver su resultado."</p>
                <p><a class="button" href=paths::READINESS role="button">"Comenzar la evaluación"</a></p>
            }
            .into_any();
        };
        let outcome = score(&latest);
        let before = previous.as_ref().map(score);
        let who = profile
            .as_ref()
            .map(crate::labels::entity_name)
            .unwrap_or_else(|| "Su gobierno".to_owned());
        let change = before.as_ref().map(|b| {
            let d = i16::from(outcome.overall) - i16::from(b.overall);
            let prev_date = previous
                .as_ref()
                .map(|a| format_date(a.date))
                .unwrap_or_default();
            match d {
                0 => format!(
                    "Igual que en la evaluación del {prev_date} ({} puntos).",
                    b.overall
                ),
                d if d > 0 => format!(
                    "{d} puntos más que en la evaluación del {prev_date} ({} puntos).",
                    b.overall
                ),
                d => format!(
                    "{} puntos menos que en la evaluación del {prev_date} ({} puntos).",
                    -d, b.overall
                ),
            }
        });
        let rows = outcome
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let diff = before.as_ref().map(|b| {
                    let d = i16::from(t.score) - i16::from(b.themes[i].score);
                    if d > 0 { format!("+{d}") } else { d.to_string() }
                });
                view! {
                    <tr>
                        <th scope="row" class="table__cell">{format!("{}. {}", t.theme.number, t.theme.title)}</th>
                        <td class="table__cell" data-score=t.score.to_string()>{t.score}</td>
                        <td class="table__cell">{t.level.name()}</td>
                        <td class="table__cell">{t.dont_know}</td>
                        {diff.map(|d| view! { <td class="table__cell">{d}</td> })}
                    </tr>
                }
            })
            .collect_view();
        let has_previous = before.is_some();
        let route = outcome
            .route
            .iter()
            .map(|s| {
                let link = view! {
                    <a href=s.step.path()>{format!("Ir a: {}", s.step.short_name())}</a>
                };
                view! {
                    <li class="route__step">
                        <strong>{s.action}</strong>
                        <br />
                        <span class="route__reason">{s.reason.clone()}</span>
                        <br />
                        {link}
                    </li>
                }
            })
            .collect_view();
        let gate = if outcome.eligible() {
            view! { <p class="body">"Cumple los cuatro criterios de elegibilidad de OGP Local."</p> }.into_any()
        } else {
            view! {
                <p class="body">"Todavía no cumple estos criterios de elegibilidad de OGP Local:"</p>
                <ul class="list list--bullet">
                    {outcome.gate_unmet.iter().map(|c| view! { <li>{c.text}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        };
        let empty_route = outcome.route.is_empty();
        let date = format_date(latest.date);
        view! {
            <PageHeading text="Resultado del diagnóstico" caption="Diagnóstico de condiciones de apertura" />
            <div class="panel panel--result">
                <p class="result__who">{format!("{who} · evaluación del {date}")}</p>
                <p class="result__score" id="puntaje-general">
                    {format!("{} de 100", outcome.overall)}
                </p>
                <p class="result__level">{format!("Nivel {}", outcome.level.name())}</p>
                {change.map(|c| view! { <p class="body" id="cambio">{c}</p> })}
            </div>
            <h2 class="heading-m">"Puntaje por tema"</h2>
            <ScoreChart outcome=outcome.clone() />
            <table class="table" id="tabla-puntajes">
                <caption class="table__caption">"Puntaje por tema (de 0 a 100)"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"Tema"</th>
                        <th scope="col" class="table__header">"Puntaje"</th>
                        <th scope="col" class="table__header">"Nivel"</th>
                        <th scope="col" class="table__header">"Respuestas «No sé»"</th>
                        {has_previous.then(|| view! { <th scope="col" class="table__header">"Cambio"</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h2 class="heading-m">"Elegibilidad para OGP Local"</h2>
            {gate}
            <h2 class="heading-m">"Qué hacer primero"</h2>
            {if empty_route {
                view! { <p class="body">"Sus respuestas no muestran pasos urgentes. Continúe con su plan."</p> }.into_any()
            } else {
                view! { <ol class="list list--number route" id="ruta">{route}</ol> }.into_any()
            }}
        }
        .into_any()
    };
    let checked = CheckedExport::new(move || {
        // The report carries no draft.
        let mut envelope = state.envelope_now();
        envelope.unsaved.clear();
        if envelope.plan.readiness.is_empty() {
            return;
        }
        let name = format!(
            "{}-diagnostico.pdf",
            crate::export::file_stem(&envelope.plan)
        );
        let at = browser::now_local();
        report.start(move || Prepared::readiness(&envelope.plan, at), name);
    });
    let export = move |_| {
        // The report prints the jurisdiction and the diagnostic's answers:
        // never change them silently (see the review page).
        let today = browser::now_local().date();
        let findings: Vec<Finding> = state.plan.with(|p| unprintable(p, today));
        let findings: Vec<Finding> = findings
            .into_iter()
            .filter(|f| matches!(f.step, Step::Readiness | Step::Profile))
            .collect();
        checked.request(findings);
    };
    let notice = checked.notice();
    let has_result = move || state.plan.with(|p| !p.readiness.is_empty());
    view! {
        <BackLink href=paths::TASKS text="Ir a la lista de tareas" />
        {content}
        <ExportStatus export=report />
        {notice}
        <Show when=has_result>
            <div class="button-group">
                <button class="button" type="button" on:click=export>"Descargar informe (PDF)"</button>
                <a class="button button--secondary" href=paths::TASKS role="button">"Continuar con el plan"</a>
                <a class="link" href="/preparacion/tema/1">"Repetir la evaluación"</a>
            </div>
        </Show>
    }
}
