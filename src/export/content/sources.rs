//! The origin and licence of every bundled catalogue and of the embedded font,
//! as the exported plan states them (section "Fuentes de datos").
//!
//! The app's "Fuentes de datos" page (`src/ui/pages/sources.rs`) shows this
//! same list; `src/catalog/data/SOURCES.md` says it for developers, and a change
//! here belongs there too.

use crate::catalog;
use crate::labels::{self, thousands};

/// One bundled catalogue: what it holds, where it comes from, under what terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// E.g. "Estados, municipios y alcaldías".
    pub name: &'static str,
    /// What it holds, with its counts.
    pub content: String,
    /// Where it comes from.
    pub origin: &'static str,
    /// Under what terms it is used.
    pub licence: &'static str,
}

/// The bundled catalogues, in the order the app's page lists them.
pub fn catalog_sources() -> Vec<Source> {
    vec![
        Source {
            name: "Estados, municipios y alcaldías",
            content: format!(
                "{} estados y {} municipios y alcaldías con su clave INEGI y su población de 2020.",
                catalog::STATES.len(),
                thousands(catalog::MUNICIPALITIES.len())
            ),
            origin: "Fuente: INEGI, Censo de Población y Vivienda 2020 y Catálogo Único de Claves de Áreas Geoestadísticas Estatales, Municipales y Localidades (diciembre de 2020). Datos tomados del paquete mxmaps de Diego Valle-Jones.",
            licence: "Términos de libre uso de la información del INEGI; mxmaps, licencia BSD de 3 cláusulas.",
        },
        Source {
            name: "Objetivos y metas de Desarrollo Sostenible",
            content: format!(
                "{} objetivos y {} metas en español.",
                catalog::SDG_GOALS.len(),
                catalog::SDG_TARGETS.len()
            ),
            origin: "Textos de la Asamblea General de las Naciones Unidas (resolución A/RES/70/1), tomados del proyecto open-sdg (sdg-translations).",
            licence: "open-sdg: licencia MIT (Copyright (c) 2019 Open SDG).",
        },
        Source {
            name: "Compromisos del 4º Plan de Acción Nacional",
            content: format!(
                "Los {} compromisos del 4º Plan de Acción Nacional de México (MX0075 a MX0087). Cuando no hay un título oficial en español verificado, se muestra el título en inglés de la Alianza para el Gobierno Abierto y se indica.",
                catalog::NATIONAL_4PA.len()
            ),
            origin: "Páginas de México en el sitio de la Alianza para el Gobierno Abierto (OGP) y el índice del 4º Plan de Acción (Secretaría de la Función Pública, diciembre de 2019).",
            licence: "Datos de hechos (identificadores, títulos e instituciones).",
        },
        Source {
            name: "Ejes del Plan Nacional de Desarrollo",
            content: "Ejes generales y transversales del PND 2019-2024 y del PND 2025-2030.".to_owned(),
            origin: "Gaceta Parlamentaria (30 de abril de 2019, Anexo XVIII) y Diario Oficial de la Federación (15 de abril de 2025).",
            licence: "Textos oficiales (Ley Federal del Derecho de Autor, artículo 14, fracción VIII).",
        },
        Source {
            name: "Áreas de política de la Alianza para el Gobierno Abierto",
            content: format!(
                "Lista parcial de {} áreas de política observadas.",
                catalog::OGP_POLICY_AREAS.len()
            ),
            origin: "Glosario y páginas de compromisos de México en el sitio de la Alianza para el Gobierno Abierto.",
            licence: "Datos de hechos (nombres de categorías).",
        },
        Source {
            name: "Autoridades garantes de acceso a la información",
            content: format!(
                "{} filas de instituciones nacionales y {} de los {} estados, por poder o ámbito, después de la reforma de 2025, cada una con su fuente, su fecha y si está confirmada, pendiente o sin confirmar{}.",
                catalog::authorities_of(None).len(),
                catalog::AUTHORITIES.len() - catalog::authorities_of(None).len(),
                catalog::STATES.len(),
                catalog::authorities_consulted()
                    .map(|d| format!(" (fuentes consultadas al {})", labels::catalog_date(d)))
                    .unwrap_or_default()
            ),
            origin: "Notas de prensa y páginas oficiales de gobiernos y congresos, citadas una por una en la página «Marco de planeación y jurídico» del perfil.",
            licence: "Datos de hechos (nombres, fechas y títulos de las fuentes); no se reproducen los textos de las notas.",
        },
    ]
}
