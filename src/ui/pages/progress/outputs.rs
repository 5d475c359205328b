//! The progress report's downloads (see the module's parent): "Descargar
//! informe de avance (PDF)" for a chosen round (the latest unless another is
//! chosen), made by the PDF worker like the plan's PDF and carrying the draft;
//! its print view; and "Descargar avances (CSV)", every round in one table,
//! made here ([`crate::export::progress_csv`]) and downloaded at once.

use leptos::prelude::*;

use crate::domain::{ItemId, Step};
use crate::export::job::Prepared;
use crate::export::progress_csv::{csv_file_name, progress_csv};
use crate::export::progress_document::{progress_file_stem, round_label};
use crate::export::unprintable::{unprintable, unprintable_round, Finding};
use crate::messages::outputs::CSV_DOWNLOAD_BLOCKED;
use crate::persistence::browser;
use crate::state::use_app;
use crate::ui::pages::review::CheckedExport;
use crate::ui::paths;
use crate::ui::pdf_client::{Export, ExportStatus};

/// The id of the round's select.
const ROUND_SELECT: &str = "informe-avance";

/// On the hub: the downloads.
#[component]
pub fn OutputsSection() -> impl IntoView {
    let state = use_app();
    let report = Export::new();
    // The round chosen in the select; `None` until one is chosen: the latest.
    let chosen = RwSignal::new(None::<ItemId>);
    let csv_failed = RwSignal::new(false);
    let rounds = move || {
        state.plan.with(|p| {
            p.implementation
                .rounds_in_order()
                .into_iter()
                .map(|r| (r.id, round_label(r)))
                .collect::<Vec<_>>()
        })
    };
    // The chosen round while it exists, else the latest.
    let round = move || {
        let ids: Vec<ItemId> = rounds().into_iter().map(|(id, _)| id).collect();
        chosen
            .get()
            .filter(|id| ids.contains(id))
            .or_else(|| ids.last().copied())
    };
    let checked = CheckedExport::new(move || {
        let Some(id) = round() else {
            return;
        };
        // Like the plan's PDF, the report carries the draft (so «Abrir un
        // borrador» can open it), without the half-typed input of forms.
        let mut envelope = state.envelope_now();
        envelope.unsaved.clear();
        let Some(name) = envelope
            .plan
            .implementation
            .round(id)
            .map(|r| format!("{}.pdf", progress_file_stem(&envelope.plan, r)))
        else {
            return;
        };
        let at = browser::now_local();
        report.start(move || Prepared::progress(&envelope, id, at), name);
    });
    let export_pdf = move |_| {
        // The report prints the profile, the commitments and the reports:
        // never change their characters silently (see the review page).
        let today = browser::now_local().date();
        let findings: Vec<Finding> = state.plan.with(|p| {
            let mut found: Vec<Finding> = unprintable(p, today)
                .into_iter()
                .filter(|f| matches!(f.step, Step::Progress | Step::Commitments | Step::Profile))
                .collect();
            if let Some(id) = round() {
                found.extend(unprintable_round(p, id));
            }
            found
        });
        checked.request(findings);
    };
    let download_csv = move |_| {
        let (bytes, name) = state.plan.with(|p| (progress_csv(p), csv_file_name(p)));
        let sent = browser::download(bytes.as_bytes(), &name, "text/csv;charset=utf-8");
        csv_failed.set(sent.is_err());
    };
    let options = move || {
        let selected = round();
        rounds()
            .into_iter()
            .map(|(id, label)| {
                let value = id.0.to_string();
                view! { <option value=value selected=selected == Some(id)>{label}</option> }
            })
            .collect_view()
    };
    let print_href =
        move || round().map_or_else(|| paths::PROGRESS.to_owned(), paths::progress_print);
    let has_rounds = move || state.plan.with(|p| !p.implementation.rounds.is_empty());
    view! {
        <h2 class="heading-m">"Publique el avance"</h2>
        <Show
            when=has_rounds
            fallback=|| view! {
                <p class="body">
                    "Cuando registre su primer informe de avance, aquí podrá descargarlo en PDF y descargar todos los informes en una hoja de cálculo (CSV)."
                </p>
            }
        >
            <p class="body">
                "Descargue el informe de un corte para compartirlo con el espacio de coordinación, el órgano de monitoreo y la ciudadanía: el avance del plan y de cada compromiso, lo que requiere atención y, por compromiso, el estado y la evidencia de cada acción clave y actividad. El PDF lleva su borrador: «Abrir un borrador» lo acepta."
            </p>
            <div class="form-group">
                <label class="label" for=ROUND_SELECT>"Informe que quiere descargar"</label>
                <div class="hint" id="informe-avance-pista">"Si no elige otro, se descarga el más reciente."</div>
                <select
                    class="select"
                    id=ROUND_SELECT
                    name=ROUND_SELECT
                    aria-describedby="informe-avance-pista"
                    on:change=move |ev| {
                        chosen.set(event_target_value(&ev).parse::<u32>().ok().map(ItemId));
                    }
                >
                    {options}
                </select>
            </div>
            <ExportStatus export=report />
            {checked.notice()}
            <div class="button-group">
                <button class="button" type="button" on:click=export_pdf>
                    "Descargar informe de avance (PDF)"
                </button>
                <a class="link" href=print_href>"Ver el informe en versión para imprimir"</a>
            </div>
            <h3 class="heading-s">"Todos los informes en una hoja de cálculo"</h3>
            <p class="body">
                "Una fila por acción clave o actividad en cada informe, con su estado, avance, evidencia, dificultades y siguientes pasos. Se abre con acentos en Excel o en cualquier hoja de cálculo."
            </p>
            {move || csv_failed.get().then(|| view! {
                <div class="banner banner--warning" role="alert" id="error-csv">
                    <p class="banner__text">{CSV_DOWNLOAD_BLOCKED}</p>
                </div>
            })}
            <div class="button-group">
                <button class="button button--secondary" type="button" on:click=download_csv>
                    "Descargar avances (CSV)"
                </button>
            </div>
        </Show>
    }
}
