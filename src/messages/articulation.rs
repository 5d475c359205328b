//! "Articulación nacional": reading a chosen file into a plan with the rules
//! and words of «Abrir un borrador», and the sentences of the page's
//! outcomes (a repeated plan, a set that could not be stored).
//!
//! Reading sits here, not in the domain, because it needs the draft format
//! (`persistence`, below this floor and above the domain); it is the same
//! call the open page makes (`decode_file`) with the same messages
//! (`decode_error`, [`super::FILE_UNREADABLE`]).

use crate::domain::articulation::map::{Bin, Measure};
use crate::domain::articulation::{FileOutcome, FileReport};
use crate::domain::Plan;
use crate::labels::thousands;
use crate::persistence::{decode_file, DecodeError};

/// Reads a chosen file's bytes into a plan: the JSON of a draft, or a PDF
/// exported by this tool; otherwise the reason, as «Abrir un borrador» says it.
pub fn read_plan(bytes: &[u8]) -> Result<Plan, String> {
    decode_file(bytes)
        .map(|envelope| envelope.plan)
        .map_err(|e| super::decode_error(&e))
}

/// A file refused before it was read: larger than `max` bytes.
pub fn too_large(bytes: usize, max: usize) -> String {
    super::decode_error(&DecodeError::TooLarge { bytes, max })
}

/// The browser could not read the file.
pub fn unreadable() -> String {
    super::FILE_UNREADABLE.to_owned()
}

/// The sentence for one file of a batch that was not added; `None` for a
/// file that was added. `plan_name`: the name of the plan already in the set.
pub fn not_added(report: &FileReport, plan_name: Option<&str>) -> Option<String> {
    match &report.outcome {
        FileOutcome::Added { .. } => None,
        FileOutcome::Refused { reason } => Some(reason.clone()),
        FileOutcome::Duplicate {
            first_file,
            same_content,
            ..
        } => {
            let name = plan_name.map_or_else(String::new, |n| format!(" «{n}»"));
            Some(if *same_content {
                format!("El plan{name} ya está en la lista (llegó con el archivo «{first_file}»), así que no se agregó otra vez.")
            } else {
                format!("Es otra versión del plan{name}, que ya está en la lista con el archivo «{first_file}»: tiene el mismo nombre, jurisdicción y periodo. Se conserva la que ya estaba. Si prefiere esta, quite antes la otra con «Quitar» y vuelva a agregar este archivo.")
            })
        }
    }
}

/// The summary after adding files.
pub fn added_summary(added: usize, not_added: usize) -> String {
    let plans = match added {
        0 => "No se agregó ningún plan".to_owned(),
        1 => "Se agregó 1 plan".to_owned(),
        n => format!("Se agregaron {} planes", thousands(n)),
    };
    match not_added {
        0 => format!("{plans}."),
        1 => format!("{plans}. 1 archivo no se agregó: vea por qué abajo."),
        n => format!(
            "{plans}. {} archivos no se agregaron: vea por qué abajo.",
            thousands(n)
        ),
    }
}

/// Storage full: the set stays in this tab only.
pub const STORAGE_FULL: &str = "El almacenamiento de este navegador está lleno, así que los últimos cambios a la lista de planes no se guardaron. La lista sigue en esta pestaña hasta que la cierre o la recargue. Para guardarla, quite algunos planes o libere espacio en este navegador.";

/// Storage disabled or failing: the set stays in this tab only.
pub const STORAGE_FAILED: &str = "Este navegador no permitió guardar la lista de planes. La lista sigue en esta pestaña hasta que la cierre o la recargue.";

/// The stored set could not be read at all.
pub const STORED_UNREADABLE: &str =
    "No se pudo leer la lista de planes guardada en este navegador. Agregue los planes de nuevo.";

/// The stored set was written by a newer version of the tool.
pub const STORED_NEWER: &str = "La lista de planes guardada en este navegador se hizo con una versión más reciente de esta herramienta. Actualice la página para verla.";

/// Some stored plans could not be read back.
pub fn stored_plans_unreadable(n: usize) -> String {
    match n {
        1 => "Un plan guardado en este navegador no se pudo leer y se dejó fuera. Agréguelo de nuevo desde su archivo.".to_owned(),
        n => format!("{} planes guardados en este navegador no se pudieron leer y se dejaron fuera. Agréguelos de nuevo desde sus archivos.", thousands(n)),
    }
}

/// "1 plan" / "3 planes".
pub fn plans(n: usize) -> String {
    match n {
        1 => "1 plan".to_owned(),
        n => format!("{} planes", thousands(n)),
    }
}

/// "1 compromiso" / "12 compromisos".
pub fn commitments(n: usize) -> String {
    match n {
        1 => "1 compromiso".to_owned(),
        n => format!("{} compromisos", thousands(n)),
    }
}

/// A state's accessible name on the map: "Jalisco: 3 planes, 12 compromisos".
pub fn map_state_label(name: &str, plans_n: usize, commitments_n: usize) -> String {
    format!("{name}: {}, {}", plans(plans_n), commitments(commitments_n))
}

/// A legend class: "0", "1", "2 a 3".
pub fn bin_label(bin: Bin) -> String {
    if bin.from == bin.to {
        thousands(bin.from)
    } else {
        format!("{} a {}", thousands(bin.from), thousands(bin.to))
    }
}

/// The legend's title for what the shades count.
pub fn measure_label(measure: Measure) -> &'static str {
    match measure {
        Measure::Plans => "Planes locales",
        Measure::Commitments => "Compromisos locales",
    }
}

/// The browser did not start the CSV's download.
pub const DOWNLOAD_FAILED: &str =
    "Este navegador no permitió descargar el archivo. Inténtelo de nuevo o use otro navegador.";

/// The confirmation on the new commitment's page after «Replicar este
/// compromiso nacional».
pub fn replicated(
    number: usize,
    national_id: &str,
    list_name: &str,
    list_changed: bool,
    new_draft: bool,
) -> String {
    let mut text = format!(
        "Se agregó el compromiso {number}, que replica el compromiso nacional {national_id}. Ya tiene el nombre del compromiso nacional y su alineación «replica». Adapte el nombre a su localidad y escriba sus objetivos, responsables y acciones clave."
    );
    if new_draft {
        text.push_str(&format!(" Se creó un borrador nuevo porque su borrador abierto está alineado a otra lista nacional; la lista de este borrador es «{list_name}»."));
    } else if list_changed {
        text.push_str(&format!(
            " Su borrador ahora usa la lista nacional «{list_name}»."
        ));
    }
    text
}

/// «Replicar» could not change the open draft.
pub const REPLICATE_FAILED: &str = "No se pudo agregar el compromiso a su borrador. Revise los avisos de arriba (por ejemplo, si su borrador cambió en otra pestaña) e inténtelo de nuevo.";
