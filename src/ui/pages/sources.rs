//! "Fuentes de datos": origin and licence of every bundled catalogue and of
//! the PDF's font, from the same list the exported plan prints
//! ([`crate::export::sources`]).

use leptos::prelude::*;

use crate::export::fonts::FONT_CREDIT;
use crate::export::sources::catalog_sources;
use crate::ui::shell::PageHeading;

#[component]
pub fn SourcesPage() -> impl IntoView {
    let body = catalog_sources()
        .into_iter()
        .map(|s| {
            view! {
                <tr>
                    <th scope="row" class="table__cell">{s.name}</th>
                    <td class="table__cell">{s.content}</td>
                    <td class="table__cell">{s.origin}</td>
                    <td class="table__cell">{s.licence}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageHeading text="Fuentes de datos" />
        <p class="body">
            "La herramienta incluye estos catálogos para que pueda elegir de listas oficiales sin conexión a internet. Ninguno se descarga mientras la usa."
        </p>
        <table class="table sources">
            <caption class="table__caption">"Catálogos incluidos en la herramienta"</caption>
            <thead>
                <tr>
                    <th scope="col" class="table__header">"Catálogo"</th>
                    <th scope="col" class="table__header">"Contenido"</th>
                    <th scope="col" class="table__header">"Origen"</th>
                    <th scope="col" class="table__header">"Licencia"</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
        <p class="body">
            "Los municipios creados después del censo de 2020 todavía no aparecen en la lista."
        </p>
        <p class="body">{format!("Tipografía del PDF: {FONT_CREDIT}")}</p>
    }
}
