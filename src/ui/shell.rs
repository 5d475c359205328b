//! The frame around every page: header with save status, banners, footer, and
//! the page heading that sets the document title and receives focus.

use leptos::prelude::*;

use crate::messages;
use crate::persistence::browser::{self, StorageError};
use crate::persistence::encode;
use crate::state::{use_app, SaveStatus};
use crate::ui::paths;

/// Service name shown in the header and in every document title.
pub const SERVICE: &str = "Plan de acción local de gobierno abierto";

#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let location = leptos_router::hooks::use_location();
    let status = move || match state.status.get() {
        SaveStatus::NotSaved => String::new(),
        SaveStatus::Saved(at) => format!(
            "Borrador guardado a las {:02}:{:02}",
            at.hour(),
            at.minute()
        ),
        SaveStatus::Failed(_) => messages::SAVE_FAILED.to_owned(),
        SaveStatus::MemoryOnly => "El borrador no se guarda en este navegador".to_owned(),
        SaveStatus::Conflict => "El borrador cambió en otra pestaña: esta no guarda".to_owned(),
        SaveStatus::RemovedElsewhere => {
            "El borrador se eliminó en otra pestaña: esta no guarda".to_owned()
        }
    };
    let failed = move || {
        matches!(
            state.status.get(),
            SaveStatus::Failed(_) | SaveStatus::MemoryOnly
        )
    };
    view! {
        <header class="header">
            <div class="width-container header__inner">
                <a class="header__service" href=paths::START>{SERVICE}</a>
                <a
                    class="header__link"
                    href=paths::DRAFTS
                    aria-current=move || (location.pathname.get() == paths::DRAFTS).then_some("page")
                >
                    "Mis borradores"
                </a>
                <p
                    class=move || if failed() { "header__status header__status--failed" } else { "header__status" }
                    role="status"
                    aria-live="polite"
                    id="estado-guardado"
                >
                    {status}
                </p>
            </div>
        </header>
    }
}

/// Storage problems and one-off confirmations, above every page.
#[component]
pub fn Banners() -> impl IntoView {
    let state = use_app();
    let storage_banner = move || {
        let text = match state.status.get() {
            SaveStatus::Failed(StorageError::QuotaExceeded) => Some(messages::STORAGE_FULL),
            SaveStatus::Failed(_) => Some(messages::STORAGE_FAILED),
            SaveStatus::MemoryOnly => Some(
                "Este navegador no permite guardar datos, así que su borrador solo existe en esta pestaña. Descargue su borrador antes de cerrarla.",
            ),
            _ => None,
        }?;
        Some(view! {
            <div class="banner banner--warning" role="alert">
                <p class="banner__text">{text}</p>
                <button class="button button--secondary" type="button" on:click=move |_| download_draft()>
                    "Descargar borrador (JSON)"
                </button>
            </div>
        })
    };
    let quarantine_banner = move || {
        let q = state.quarantined.get()?;
        let detail = messages::decode_error(&q.error);
        let kept = if q.key.is_some() {
            "Guardamos una copia aparte sin cambiarla y empezamos un borrador nuevo."
        } else {
            "No lo sobrescribiremos: mientras no lo descargue o lo descarte, los cambios nuevos no se guardarán en este navegador."
        };
        let raw = q.raw.clone();
        Some(view! {
            <div class="banner banner--warning" role="alert">
                <h2 class="banner__title">{messages::STORED_DRAFT_UNREADABLE}</h2>
                <p class="banner__text">{detail}</p>
                <p class="banner__text">{kept}</p>
                <div class="button-group">
                    <button class="button button--secondary" type="button" on:click=move |_| {
                        let _ = browser::download(raw.as_bytes(), "borrador-danado.json", "application/json");
                    }>"Descargar la copia dañada"</button>
                    <button class="button button--secondary" type="button" on:click=move |_| state.discard_quarantined()>
                        "Descartar la copia dañada"
                    </button>
                </div>
            </div>
        })
    };
    let location = leptos_router::hooks::use_location();
    let flash = move || {
        let (path, text) = state.flash.get()?;
        (location.pathname.get() == path).then(|| {
            view! {
                <div class="banner banner--success" role="status">
                    <p class="banner__text">{text}</p>
                </div>
            }
        })
    };
    let conflict_banner = move || {
        let newer = state.conflict.get()?;
        let when = format!(
            "{:02}:{:02}",
            newer.saved_at.hour(),
            newer.saved_at.minute()
        );
        Some(view! {
            <div class="banner banner--warning" role="alert" id="conflicto">
                <h2 class="banner__title">"Este borrador cambió en otra pestaña o ventana"</h2>
                <p class="banner__text">
                    {format!("Otra pestaña guardó una versión más reciente a las {when}. Esta pestaña dejó de guardar para no borrarla. Elija qué versión conservar.")}
                </p>
                <p class="banner__text">
                    "Si hizo cambios en esta pestaña y no quiere perderlos, descárguelos antes de usar la versión más reciente."
                </p>
                <div class="button-group">
                    <button class="button" type="button" on:click=move |_| state.use_stored_version()>
                        "Usar la versión más reciente"
                    </button>
                    <button class="button button--secondary" type="button" on:click=move |_| state.keep_this_version()>
                        "Conservar la versión de esta pestaña"
                    </button>
                    <button class="button button--secondary" type="button" on:click=move |_| download_draft()>
                        "Descargar la versión de esta pestaña (JSON)"
                    </button>
                </div>
            </div>
        })
    };
    let removed_banner = move || {
        state.removed_elsewhere.get().then(|| {
            view! {
                <div class="banner banner--warning" role="alert" id="borrador-eliminado">
                    <h2 class="banner__title">"Este borrador se eliminó en otra pestaña o ventana"</h2>
                    <p class="banner__text">
                        "Esta pestaña dejó de guardarlo para no traerlo de vuelta. Si quiere conservar lo que tiene en esta pestaña, guárdelo como un borrador nuevo o descárguelo."
                    </p>
                    <div class="button-group">
                        <button class="button" type="button" on:click=move |_| {
                            let _ = state.save_as_new();
                        }>"Guardarlo como un borrador nuevo"</button>
                        <button class="button button--secondary" type="button" on:click=move |_| download_draft()>
                            "Descargar este borrador (JSON)"
                        </button>
                        <a class="link" href=paths::DRAFTS>"Ir a Mis borradores"</a>
                    </div>
                </div>
            }
        })
    };
    view! {
        {conflict_banner} {removed_banner} {storage_banner} {quarantine_banner} {flash}
        <crate::ui::offline::UpdateBanner />
    }
}

/// Offers the open draft as a JSON file named after the plan.
pub fn download_draft() {
    let state = use_app();
    let envelope = state.envelope_now();
    let name = format!("{}.json", crate::export::file_stem(&envelope.plan));
    let _ = browser::download(encode(&envelope).as_bytes(), &name, "application/json");
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <div class="width-container">
                <p>
                    "Sus datos se guardan solo en este navegador. Esta herramienta no envía información a ningún servidor."
                </p>
                <p class="footer__meta">
                    <a href=paths::SOURCES>"Fuentes de datos"</a>
                    " · "
                    <a href=paths::GLOSSARY>"Glosario"</a>
                    {format!(" · Versión {}", crate::APP_VERSION)}
                </p>
            </div>
        </footer>
    }
}

/// A page's `<h1>` with optional caption. Sets `<title>` (prefixed "Error: "
/// while the page shows errors) and, after the first route, moves focus to the
/// heading so screen-reader and keyboard users start at the new page.
#[component]
pub fn PageHeading(
    #[prop(into)] text: String,
    #[prop(optional, into)] caption: Option<String>,
    #[prop(optional, into)] has_errors: Option<Signal<bool>>,
) -> impl IntoView {
    let state = use_app();
    let heading = NodeRef::<leptos::html::H1>::new();
    let title_text = text.clone();
    Effect::new(move |_| {
        let errors = has_errors.map(|s| s.get()).unwrap_or(false);
        let prefix = if errors { "Error: " } else { "" };
        document().set_title(&format!("{prefix}{title_text} – {SERVICE}"));
    });
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            if state.routed_once.get_value() {
                let _ = h1.focus();
            }
            state.routed_once.set_value(true);
        }
    });
    view! {
        {caption.map(|c| view! { <span class="caption">{c}</span> })}
        <h1 class="heading-xl" tabindex="-1" node_ref=heading>{text}</h1>
    }
}

/// "Regresar" link at the top of question pages.
#[component]
pub fn BackLink(
    #[prop(into)] href: String,
    #[prop(optional, into)] text: Option<String>,
) -> impl IntoView {
    view! { <a class="back-link" href=href>{text.unwrap_or_else(|| "Regresar".to_owned())}</a> }
}
