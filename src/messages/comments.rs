//! "Observaciones": the sentences of comment rounds (es-MX). Reading the
//! plan a reviewer comments on is «Abrir un borrador»'s
//! ([`super::articulation::read_plan`]); reading a comments file and the
//! reviewer's and team's fields are worded here.

use crate::domain::comments::{Answer, Fit, ReviewerError, TextError};
use crate::labels::thousands;
use crate::persistence::comments::CommentsError;

/// A comments file that could not be read.
pub fn comments_error(e: &CommentsError) -> String {
    use CommentsError as E;
    match e {
        E::Empty => "El archivo está vacío. Elija el archivo .json que descargó con «Descargar observaciones».".into(),
        E::TooLarge { bytes, max } => format!(
            "El archivo pesa {} KB y el máximo es {} KB. Elija un archivo de observaciones descargado de esta herramienta.",
            thousands(bytes / 1024),
            thousands(max / 1024)
        ),
        E::IsDraft => "Este archivo es un borrador, no un archivo de observaciones; ábralo en «Abrir un borrador».".into(),
        E::IsPlanPdf => "Este archivo es el PDF de un plan, no un archivo de observaciones; para abrir el plan, use «Abrir un borrador». Las observaciones se descargan como un archivo .json con «Descargar observaciones».".into(),
        E::IsPdf => "Este archivo es un PDF, no un archivo de observaciones. Elija el archivo .json que se descargó con «Descargar observaciones».".into(),
        E::NotJson { line, column } => format!(
            "El archivo no es un archivo de observaciones: su texto está dañado o no es JSON (línea {line}, columna {column}). Elija el archivo .json que se descargó con «Descargar observaciones»."
        ),
        E::NotComments => "El archivo es JSON, pero no es un archivo de observaciones de esta herramienta. Elija el archivo .json que se descargó con «Descargar observaciones».".into(),
        E::FromNewerVersion { found } => format!(
            "El archivo de observaciones se hizo con una versión más reciente de esta herramienta (formato {found}). Actualice la página e intente de nuevo."
        ),
        E::UnknownVersion { found } => format!(
            "El archivo de observaciones tiene un formato desconocido ({found}). Elija un archivo descargado con «Descargar observaciones»."
        ),
        E::Invalid { path, .. } => format!(
            "El archivo de observaciones tiene un dato que no se puede leer en «{path}». Pida a quien lo envió que lo descargue de nuevo."
        ),
    }
}

/// The reviewer's fields.
pub fn reviewer_error(e: ReviewerError) -> &'static str {
    match e {
        ReviewerError::NoName => "Escriba su nombre",
        ReviewerError::NameTooLong => "Su nombre debe tener 300 caracteres o menos",
        ReviewerError::OrganizationTooLong => {
            "El nombre de la organización debe tener 300 caracteres o menos"
        }
    }
}

/// A comment's text.
pub fn comment_error(e: TextError) -> String {
    match e {
        TextError::Empty => "Escriba su observación".into(),
        TextError::TooLong { max } => format!(
            "La observación debe tener {} caracteres o menos",
            thousands(max)
        ),
    }
}

/// An answer's reason.
pub fn reason_error(e: TextError) -> String {
    match e {
        TextError::Empty => "Escriba la razón de la respuesta".into(),
        TextError::TooLong { max } => {
            format!("La razón debe tener {} caracteres o menos", thousands(max))
        }
    }
}

/// No answer chosen.
pub const NO_ANSWER: &str =
    "Seleccione si la observación se aceptó, se aceptó en parte o no se aceptó";

/// An answer in words.
pub fn answer_label(a: Answer) -> &'static str {
    match a {
        Answer::Aceptada => "Aceptada",
        Answer::EnParte => "Aceptada en parte",
        Answer::NoAceptada => "No aceptada",
    }
}

/// How a received file relates to the open draft, when it is worth saying.
pub fn fit_note(fit: Fit, plan_name: &str) -> Option<String> {
    match fit {
        Fit::Same => None,
        Fit::Changed => Some(format!(
            "Estas observaciones se hicieron sobre una versión anterior de «{plan_name}»: el plan cambió desde entonces."
        )),
        Fit::OtherPlan => Some(format!(
            "Estas observaciones son sobre otro plan, «{plan_name}», no sobre el borrador que tiene abierto. Puede contestarlas, pero revise que sea el archivo correcto."
        )),
    }
}

/// A comment about a commitment no longer in the plan.
pub const COMMITMENT_GONE: &str = "El compromiso ya no está en el plan";

/// The reviewer's work could not be kept in this browser.
pub const STORAGE_FAILED: &str = "Este navegador no permitió guardar sus observaciones. Siguen en esta pestaña hasta que la cierre o la recargue: descárguelas antes con «Descargar observaciones».";

/// The reviewer's stored work could not be read back.
pub const STORED_UNREADABLE: &str = "No se pudieron leer las observaciones guardadas en este navegador. Abra de nuevo el plan para empezar otra vez.";
