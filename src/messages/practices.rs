//! Good practices («buenas prácticas»): the reasons' names, the marking
//! form's errors, and the sentences of reading a library file (es-MX).

use crate::domain::articulation::practices::{
    Added, FormProblem, LeftOut, PracticeError, Reason, MAX_NOTE,
};
use crate::labels::thousands;
use crate::persistence::practices::LibraryError;

/// A reason's name.
pub fn reason_label(r: Reason) -> &'static str {
    match r {
        Reason::Replicabilidad => "Replicabilidad",
        Reason::Articulacion => "Articulación",
        Reason::Inclusion => "Inclusión",
        Reason::Resultados => "Resultados",
    }
}

/// What a reason means, as the form's hint under it.
pub fn reason_hint(r: Reason) -> &'static str {
    match r {
        Reason::Replicabilidad => "Otros estados o municipios pueden replicarlo con pocos cambios.",
        Reason::Articulacion => {
            "Se articula con el Plan de Acción Nacional o con otros órdenes de gobierno."
        }
        Reason::Inclusion => {
            "Incluye a grupos que suelen quedar fuera, o tiene perspectiva de género."
        }
        Reason::Resultados => "Tiene resultados que se pueden mostrar.",
    }
}

/// "Replicabilidad, Inclusión".
pub fn reasons_line(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| reason_label(*r))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A reason or note that breaks a rule (typed, or in a library file).
pub fn practice_error(e: &PracticeError) -> String {
    match e {
        PracticeError::NoReason => {
            "Seleccione al menos una razón por la que es una buena práctica".to_owned()
        }
        PracticeError::UnknownReason(k) => format!(
            "La razón «{k}» no es una de las cuatro: replicabilidad, articulación, inclusión o resultados"
        ),
        PracticeError::EmptyNote => "Escriba una nota breve que diga por qué es una buena práctica".to_owned(),
        PracticeError::NoteTooLong { max } => {
            format!("La nota debe tener {} caracteres o menos", thousands(*max))
        }
    }
}

/// A problem of the marking form.
pub fn form_problem(p: &FormProblem) -> String {
    match p {
        FormProblem::NoPlan => "Seleccione el plan".to_owned(),
        FormProblem::NoCommitment => "Seleccione el compromiso".to_owned(),
        FormProblem::Practice(e) => practice_error(e),
    }
}

/// The note's hint.
pub fn note_hint() -> String {
    format!(
        "Diga en pocas palabras qué lo hace una buena práctica, para quien lo lea como ejemplo. Hasta {} caracteres.",
        thousands(MAX_NOTE)
    )
}

/// After marking or changing a mark.
pub fn marked(commitment: &str, plan: &str, changed: bool) -> String {
    if changed {
        format!("Se guardaron los cambios de la buena práctica «{commitment}», del plan «{plan}».")
    } else {
        format!("Se marcó como buena práctica el compromiso «{commitment}», del plan «{plan}».")
    }
}

/// After removing a mark.
pub fn unmarked(commitment: &str) -> String {
    format!("Se quitó la marca de buena práctica del compromiso «{commitment}».")
}

/// Beside the library's download: marks that will not be in it.
pub fn left_out(l: LeftOut) -> Option<String> {
    match l.total() {
        0 => None,
        1 => Some("1 buena práctica no entra en la biblioteca porque su plan o su compromiso no está en la lista de planes. Agregue el plan de nuevo para incluirla.".to_owned()),
        n => Some(format!("{} buenas prácticas no entran en la biblioteca porque su plan o su compromiso no está en la lista de planes. Agregue los planes de nuevo para incluirlas.", thousands(n))),
    }
}

/// "1 buena práctica" / "3 buenas prácticas".
pub fn practices(n: usize) -> String {
    match n {
        1 => "1 buena práctica".to_owned(),
        n => format!("{} buenas prácticas", thousands(n)),
    }
}

/// A library file that could not be read.
pub fn library_error(e: &LibraryError) -> String {
    use LibraryError as E;
    const CHOOSE: &str = "Elija el archivo .json que se descargó con «Descargar la biblioteca (JSON)» en «Articulación nacional».";
    match e {
        E::Empty => format!("El archivo está vacío. {CHOOSE}"),
        E::TooLarge { bytes, max } => format!(
            "El archivo pesa {} KB y el máximo es {} KB. {CHOOSE}",
            thousands(bytes / 1024),
            thousands(max / 1024)
        ),
        E::IsDraft => "Este archivo es un borrador, no una biblioteca de buenas prácticas; ábralo en «Abrir un borrador».".to_owned(),
        E::IsPlanPdf => format!("Este archivo es el PDF de un plan, no una biblioteca de buenas prácticas. {CHOOSE}"),
        E::IsPdf => format!("Este archivo es un PDF, no una biblioteca de buenas prácticas. {CHOOSE}"),
        E::IsComments => format!("Este archivo tiene observaciones a un plan, no buenas prácticas. {CHOOSE}"),
        E::NotJson { line, column } => format!(
            "El archivo no es una biblioteca de buenas prácticas: su texto está dañado o no es JSON (línea {line}, columna {column}). {CHOOSE}"
        ),
        E::NotLibrary => format!("El archivo es JSON, pero no es una biblioteca de buenas prácticas de esta herramienta. {CHOOSE}"),
        E::FromNewerVersion { found } => format!(
            "La biblioteca se hizo con una versión más reciente de esta herramienta (formato {found}). Actualice la página e intente de nuevo."
        ),
        E::UnknownVersion { found } => format!(
            "La biblioteca tiene un formato desconocido ({found}). {CHOOSE}"
        ),
        E::Invalid { path, .. } => format!(
            "La biblioteca tiene un dato que no se puede leer en «{path}». Pida a quien la envió que la descargue de nuevo."
        ),
        E::Practice { number, title, error } => {
            let title = if title.trim().is_empty() {
                String::new()
            } else {
                format!(" («{}»)", title.trim())
            };
            format!(
                "La buena práctica {number} de la biblioteca{title} no se puede usar: {}. Pida a quien la envió que la corrija y la descargue de nuevo.",
                lower_first(&practice_error(error))
            )
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// After loading library files on «Ver ejemplos».
pub fn loaded(added: Added, in_file_duplicates: usize) -> String {
    let main = match added.added {
        0 => "No se agregó ningún ejemplo".to_owned(),
        1 => "Se agregó 1 ejemplo".to_owned(),
        n => format!("Se agregaron {} ejemplos", thousands(n)),
    };
    let repeated = added.duplicates + in_file_duplicates;
    match repeated {
        0 => format!("{main}."),
        1 => format!("{main}. 1 ejemplo ya estaba cargado o venía repetido, así que no se agregó otra vez."),
        n => format!("{main}. {} ejemplos ya estaban cargados o venían repetidos, así que no se agregaron otra vez.", thousands(n)),
    }
}

/// The marks or the loaded library could not be stored.
pub const STORAGE_FAILED: &str = "Este navegador no permitió guardar las buenas prácticas. Siguen en esta pestaña hasta que la cierre o la recargue: descargue antes la biblioteca.";

/// The stored marks could not be read.
pub const STORED_UNREADABLE: &str =
    "No se pudieron leer las buenas prácticas guardadas en este navegador. Márquelas de nuevo.";

/// The stored marks were written by a newer version.
pub const STORED_NEWER: &str = "Las buenas prácticas guardadas en este navegador se hicieron con una versión más reciente de esta herramienta. Actualice la página para verlas.";

/// The loaded library could not be stored.
pub const LIBRARY_STORAGE_FAILED: &str = "Este navegador no permitió guardar los ejemplos. Siguen en esta pestaña hasta que la cierre o la recargue.";

/// The stored library could not be read.
pub const LIBRARY_STORED_UNREADABLE: &str =
    "No se pudieron leer los ejemplos guardados en este navegador. Cargue de nuevo la biblioteca.";
