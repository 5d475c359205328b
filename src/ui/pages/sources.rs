//! "Fuentes de datos": origin and licence of every bundled catalogue.

use leptos::prelude::*;

use crate::catalog;
use crate::ui::shell::PageHeading;

#[component]
pub fn SourcesPage() -> impl IntoView {
    let rows: Vec<(&str, String, &str, &str)> = vec![
        (
            "Estados, municipios y alcaldías",
            format!(
                "{} estados y {} municipios y alcaldías con su clave INEGI y su población de 2020.",
                catalog::STATES.len(),
                crate::messages::thousands(catalog::MUNICIPALITIES.len())
            ),
            "Fuente: INEGI, Censo de Población y Vivienda 2020 y Catálogo Único de Claves de Áreas Geoestadísticas Estatales, Municipales y Localidades (diciembre de 2020). Datos tomados del paquete mxmaps de Diego Valle-Jones.",
            "Términos de libre uso de la información del INEGI; mxmaps, licencia BSD de 3 cláusulas.",
        ),
        (
            "Objetivos y metas de Desarrollo Sostenible",
            format!(
                "{} objetivos y {} metas en español (y en inglés para una versión futura), con los colores oficiales de cada objetivo.",
                catalog::SDG_GOALS.len(),
                catalog::SDG_TARGETS.len()
            ),
            "Textos de la Asamblea General de las Naciones Unidas (resolución A/RES/70/1), tomados del proyecto open-sdg (sdg-translations).",
            "open-sdg: licencia MIT (Copyright (c) 2019 Open SDG).",
        ),
        (
            "Compromisos del 4º Plan de Acción Nacional",
            format!(
                "Los {} compromisos del 4º Plan de Acción Nacional de México (MX0075 a MX0087). Cuando no hay un título oficial en español verificado, se muestra el título en inglés de la Alianza para el Gobierno Abierto y se indica.",
                catalog::NATIONAL_4PA.len()
            ),
            "Páginas de México en el sitio de la Alianza para el Gobierno Abierto (OGP) y el índice del 4º Plan de Acción (Secretaría de la Función Pública, diciembre de 2019).",
            "Datos de hechos (identificadores, títulos e instituciones).",
        ),
        (
            "Ejes del Plan Nacional de Desarrollo",
            "Ejes generales y transversales del PND 2019-2024 y del PND 2025-2030.".to_owned(),
            "Gaceta Parlamentaria (30 de abril de 2019, Anexo XVIII) y Diario Oficial de la Federación (15 de abril de 2025).",
            "Textos oficiales (Ley Federal del Derecho de Autor, artículo 14, fracción VIII).",
        ),
        (
            "Áreas de política de la Alianza para el Gobierno Abierto",
            format!("Lista parcial de {} áreas de política observadas.", catalog::OGP_POLICY_AREAS.len()),
            "Glosario y páginas de compromisos de México en el sitio de la Alianza para el Gobierno Abierto.",
            "Datos de hechos (nombres de categorías).",
        ),
    ];
    let body = rows
        .into_iter()
        .map(|(name, what, origin, licence)| {
            view! {
                <tr>
                    <th scope="row" class="table__cell">{name}</th>
                    <td class="table__cell">{what}</td>
                    <td class="table__cell">{origin}</td>
                    <td class="table__cell">{licence}</td>
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
    }
}
