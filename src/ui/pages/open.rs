//! "Abrir un borrador": choose a JSON file or a PDF exported by this tool (it
//! carries the draft, see `persistence::pdf_draft`), see what it holds, then, only after
//! confirming, keep it as a new draft and open it. The draft open until then
//! stays as it was, in "Mis borradores"; a bad file changes nothing.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::format_date;
use crate::persistence::browser::ReadFileError;
use crate::persistence::drafts;
use crate::persistence::{decode_file, max_file_bytes, Envelope};
use crate::state::use_app;
use crate::ui::form::{focus_id, on_file_bytes_chosen, FileField, SingleErrorSummary, SUMMARY_ID};
use crate::ui::paths;
use crate::ui::shell::{BackLink, PageHeading};
use crate::ui::widgets::NewerVersionNotice;
use crate::{labels, messages};

const INPUT_ID: &str = "archivo-borrador";

#[component]
pub fn OpenDraftPage() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(None::<Envelope>);

    let on_change = on_file_bytes_chosen(
        max_file_bytes,
        chosen,
        error,
        "borrador-elegido",
        |read, max| match read {
            Ok(bytes) => decode_file(&bytes).map_err(|e| messages::decode_error(&e)),
            Err(ReadFileError::TooLarge { bytes }) => Err(messages::decode_error(
                &crate::persistence::DecodeError::TooLarge {
                    bytes: bytes as usize,
                    max,
                },
            )),
            Err(ReadFileError::Unreadable) => Err(messages::FILE_UNREADABLE.to_owned()),
        },
    );

    let busy = StoredValue::new(false);
    let confirm = move |_| {
        if busy.get_value() {
            return;
        }
        if let Some(envelope) = chosen.get_untracked() {
            let name = drafts::shown_name(&envelope);
            busy.set_value(true);
            match state.import(envelope) {
                Ok(()) => {
                    state.flash_on(
                        paths::TASKS,
                        format!("Se abrió el borrador «{name}». Lo encontrará también en «Mis borradores», junto con el que tenía abierto."),
                    );
                    navigate(paths::TASKS, Default::default());
                }
                Err(e) => {
                    busy.set_value(false);
                    error.set(Some(e.message()));
                    request_animation_frame(|| focus_id(SUMMARY_ID));
                }
            }
        }
    };

    let preview = move || {
        let env = chosen.get()?;
        let jurisdiction = env
            .plan
            .profile
            .as_ref()
            .map(labels::entity_name)
            .unwrap_or_else(|| "No proporcionado".to_owned());
        let newer = env
            .made_by_newer_version()
            .then(|| view! { <NewerVersionNotice /> });
        let saved = format!(
            "{} a las {:02}:{:02}",
            format_date(env.saved_at.date()),
            env.saved_at.hour(),
            env.saved_at.minute()
        );
        Some(view! {
            <div class="panel" id="borrador-elegido" tabindex="-1">
                <h2 class="heading-m">"Este es el borrador que eligió"</h2>
                <dl class="summary-list">
                    <div class="summary-list__row"><dt class="summary-list__key">"Plan"</dt><dd class="summary-list__value">{env.plan.display_name().to_owned()}</dd></div>
                    <div class="summary-list__row"><dt class="summary-list__key">"Jurisdicción"</dt><dd class="summary-list__value">{jurisdiction}</dd></div>
                    <div class="summary-list__row"><dt class="summary-list__key">"Compromisos"</dt><dd class="summary-list__value">{env.plan.commitments.len()}</dd></div>
                    <div class="summary-list__row"><dt class="summary-list__key">"Guardado"</dt><dd class="summary-list__value">{saved}</dd></div>
                </dl>
                {newer}
                <div class="warning-text">
                    <strong>"Al abrirlo, se guardará como un borrador nuevo en «Mis borradores». El borrador que tiene abierto ahora no cambia."</strong>
                </div>
                <div class="button-group">
                    <button class="button" type="button" on:click=confirm.clone()>"Abrir este borrador"</button>
                    <a class="link" href=paths::TASKS>"Cancelar y volver a mi borrador"</a>
                </div>
            </div>
        })
    };

    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <div class="grid-two-thirds">
            <SingleErrorSummary field_id=INPUT_ID error=error />
            <PageHeading text="Abrir un borrador" has_errors=Signal::derive(move || error.get().is_some()) />
            <p class="body">
                "Elija el archivo que descargó con «Descargar borrador (JSON)», o un PDF que exportó con esta herramienta: el PDF lleva el borrador dentro. Antes de guardarlo le mostraremos qué contiene. Se agregará a sus borradores sin cambiar el que tiene abierto."
            </p>
            <FileField id=INPUT_ID label="Archivo del borrador (.json o .pdf)" accept=".json,.pdf,application/json,application/pdf" error=error on_change=on_change />
            {preview}
        </div>
    }
}
