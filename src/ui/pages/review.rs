//! "Revisar y exportar": check-your-answers, then "Exportar PDF" and the JSON download.

use leptos::prelude::*;

use crate::domain::format_date;
use crate::export;
use crate::messages;
use crate::persistence::browser;
use crate::state::use_app;
use crate::ui::paths;
use crate::ui::shell::{download_draft, BackLink, PageHeading};

const NOT_GIVEN: &str = "No proporcionado";

#[component]
fn SummaryRow(
    #[prop(into)] key: String,
    #[prop(into)] value: String,
    href: String,
    #[prop(into)] change_what: String,
) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{value}</dd>
            <dd class="summary-list__actions">
                <a href=href>"Cambiar"<span class="visually-hidden">{format!(" {change_what}")}</span></a>
            </dd>
        </div>
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let state = use_app();
    let export_error = RwSignal::new(None::<String>);
    let profile_rows = move || {
        let profile = state.plan.with(|p| p.profile.clone());
        let (kind, state_name, name, code, plan_name, period) = match &profile {
            Some(p) => (
                messages::jurisdiction_kind(p.jurisdiction.kind).to_owned(),
                crate::catalog::state(p.jurisdiction.inegi_code.as_str().get(..2).unwrap_or(""))
                    .map(|s| s.name.to_owned())
                    .unwrap_or_default(),
                p.jurisdiction.name.clone(),
                p.jurisdiction.inegi_code.as_str().to_owned(),
                p.plan_name.clone(),
                format!(
                    "Del {} al {}",
                    format_date(p.period.start()),
                    format_date(p.period.end())
                ),
            ),
            None => Default::default(),
        };
        let or_not_given = |s: String| {
            if s.is_empty() {
                NOT_GIVEN.to_owned()
            } else {
                s
            }
        };
        view! {
            <SummaryRow key="Tipo de jurisdicción" value=or_not_given(kind) href=paths::PROFILE.to_owned() change_what="el tipo de jurisdicción" />
            <SummaryRow key="Estado" value=or_not_given(state_name) href=paths::PROFILE.to_owned() change_what="el estado" />
            <SummaryRow key="Jurisdicción" value=or_not_given(name) href=paths::PROFILE.to_owned() change_what="la jurisdicción" />
            <SummaryRow key="Clave INEGI" value=or_not_given(code) href=paths::PROFILE.to_owned() change_what="la clave INEGI" />
            <SummaryRow key="Nombre del plan" value=or_not_given(plan_name) href=paths::PROFILE.to_owned() change_what="el nombre del plan" />
            <SummaryRow key="Periodo del plan" value=or_not_given(period) href=paths::PROFILE.to_owned() change_what="el periodo del plan" />
        }
    };
    let commitment_rows = move || {
        state.plan.with(|p| {
            p.commitments
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let national = match c.alignment.national.as_ref() {
                        Some(n) => match messages::national_link(p, n) {
                            Some(entry) => format!("{}: {entry}", messages::relation(n.relation())),
                            None => messages::relation(n.relation()).to_owned(),
                        },
                        None => format!("Relación con el plan nacional: {NOT_GIVEN}"),
                    };
                    let targets = if c.alignment.sdg_targets.is_empty() {
                        format!("Metas de los ODS: {NOT_GIVEN}")
                    } else {
                        format!("Metas de los ODS: {}", c.alignment.sdg_targets.join(", "))
                    };
                    let value = format!(
                        "{} (del {} al {}). {national}. {targets}.",
                        c.name,
                        format_date(c.period.start()),
                        format_date(c.period.end())
                    );
                    view! {
                        <SummaryRow
                            key=format!("Compromiso {}", i + 1)
                            value=value
                            href=paths::commitment(c.id)
                            change_what=format!("el compromiso {}", i + 1)
                        />
                    }
                })
                .collect_view()
        })
    };
    let export_pdf = move |_| {
        let plan = state.plan.get_untracked();
        match export::plan_pdf(&plan, browser::now_local()) {
            Ok(bytes) => {
                let name = format!("{}.pdf", export::file_stem(&plan));
                if browser::download(&bytes, &name, "application/pdf").is_err() {
                    export_error.set(Some("El navegador no permitió descargar el PDF. Intente de nuevo o use otro navegador.".into()));
                } else {
                    export_error.set(None);
                }
            }
            Err(_) => export_error.set(Some(
                "No se pudo crear el PDF. Descargue su borrador (JSON) para no perder nada y vuelva a intentarlo.".into(),
            )),
        }
    };
    let no_commitments = move || state.plan.with(|p| p.commitments.is_empty());
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <PageHeading text="Revise su plan antes de exportarlo" caption="Revise y comparta" />
        <h2 class="heading-m">"Perfil de la jurisdicción"</h2>
        <dl class="summary-list">{profile_rows}</dl>
        <p class="body">
            {move || state.plan.with(|p| format!("Plan nacional de referencia: {}.", p.national_plan.name))}
        </p>
        <h2 class="heading-m">"Compromisos"</h2>
        <Show
            when=move || !no_commitments()
            fallback=|| view! {
                <p class="body">"Todavía no ha agregado compromisos. " <a href=paths::NEW_COMMITMENT>"Agregar un compromiso"</a></p>
            }
        >
            <dl class="summary-list">{commitment_rows}</dl>
        </Show>
        <h2 class="heading-m">"Exporte y comparta"</h2>
        <p class="body">
            "El PDF lleva la marca «Borrador». Compártalo con el espacio de coordinación para recibir comentarios."
        </p>
        {move || export_error.get().map(|e| view! {
            <div class="banner banner--warning" role="alert"><p class="banner__text">{e}</p></div>
        })}
        <div class="button-group">
            <button class="button" type="button" on:click=export_pdf>"Exportar PDF"</button>
            <button class="button button--secondary" type="button" on:click=move |_| download_draft()>
                "Descargar borrador (JSON)"
            </button>
        </div>
    }
}
