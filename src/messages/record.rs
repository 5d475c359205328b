//! The words of the implementation's record (the monitoring body, the plan's
//! length and refresh, end-of-commitment assessments, amendments): its
//! fields' messages, the lines of the step's hub, and the notice that asks
//! for an amendment.

use crate::domain::commitment::OgpValue;
use crate::domain::progress::{Implementation, PlanLength};
use crate::domain::{format_date, Field, Named, PartialDate};
use crate::labels::{ogp_value_object, Label};

/// A field of the record as the subject of a sentence, and what to do when it is empty.
pub(super) fn named(n: Named) -> (&'static str, &'static str) {
    use Named as N;
    match n {
        N::RecordBodyName => (
            "El nombre del ente de monitoreo",
            "Escriba el nombre del ente de monitoreo",
        ),
        N::RecordBodyMembers => (
            "La lista de integrantes del ente de monitoreo",
            "Escriba quién integra el ente de monitoreo, una persona u organización por línea",
        ),
        N::RecordBodySchedule => (
            "Cuándo valora el plan",
            "Escriba cuándo valora el plan el ente de monitoreo",
        ),
        N::PlanLength => (
            "La duración del plan",
            "Seleccione si el plan dura dos o cuatro años",
        ),
        N::RefreshDue => (
            "La fecha prevista de la actualización",
            "Escriba la fecha prevista de la actualización",
        ),
        N::RefreshDate => (
            "La fecha de la actualización",
            "Escriba el día en que se hizo la actualización",
        ),
        N::RefreshChanges => (
            "Lo que cambió en la actualización",
            "Escriba qué compromisos se agregaron, cambiaron o cerraron, y por qué",
        ),
        N::EndCompletion => (
            "El cumplimiento del compromiso",
            "Seleccione el cumplimiento del compromiso",
        ),
        N::EarlyTransparencia => (
            "El resultado en transparencia",
            "Seleccione si el compromiso abrió el gobierno en transparencia",
        ),
        N::EarlyParticipacion => (
            "El resultado en participación ciudadana",
            "Seleccione si el compromiso abrió el gobierno en participación ciudadana",
        ),
        N::EarlyRendicion => (
            "El resultado en rendición de cuentas",
            "Seleccione si el compromiso abrió el gobierno en rendición de cuentas",
        ),
        N::EarlyTecnologia => (
            "El resultado en tecnología e innovación",
            "Seleccione si el compromiso abrió el gobierno en tecnología e innovación",
        ),
        N::EarlyInclusion => (
            "El resultado en inclusión",
            "Seleccione si el compromiso abrió el gobierno en inclusión",
        ),
        N::EndEvidence => (
            "La evidencia de la valoración",
            "Escriba la evidencia de la valoración, una por línea",
        ),
        N::EndExplanation => (
            "La explicación de la valoración",
            "Escriba la explicación de la valoración",
        ),
        N::AmendmentDate => ("La fecha de la enmienda", "Escriba la fecha de la enmienda"),
        N::AmendmentCommitment => (
            "El compromiso de la enmienda",
            "Seleccione el compromiso que cambió, o «El plan en general»",
        ),
        N::AmendmentWhat => (
            "Lo que cambió",
            "Escriba qué cambió en el compromiso o en el plan",
        ),
        N::AmendmentWhy => ("La razón del cambio", "Escriba por qué se hizo el cambio"),
        // Every other field is worded in `messages::named`, which sends only
        // the fields above here.
        _ => ("Este dato", "Escriba este dato"),
    }
}

/// True for the record's fields that take a day (not a month or a year).
pub(super) fn is_day_field(n: Named) -> bool {
    matches!(n, Named::RefreshDate | Named::AmendmentDate)
}

/// A day field that holds no day: empty where a day is needed, a month or a
/// year alone, or text that is not a date.
pub(super) fn not_a_day(n: Named) -> String {
    match n {
        Named::RefreshDate => "Escriba el día en que se hizo la actualización como día/mes/año, por ejemplo 15/01/2028".into(),
        _ => format!(
            "{} debe ser un día, escrito como día/mes/año, por ejemplo 15/03/2026",
            named(n).0
        ),
    }
}

/// An empty field the methodology recommends (saved, and said once).
pub(super) fn recommended(field: Field) -> String {
    match field {
        Field::Named(Named::RefreshDue) => "Escriba la fecha prevista de la actualización: un plan de cuatro años se actualiza a la mitad de su periodo".into(),
        Field::Named(Named::RefreshChanges) => "Escriba qué compromisos se agregaron, cambiaron o cerraron en la actualización, y por qué".into(),
        Field::Named(n) => super::named(n).1.into(),
        _ => "Complete este dato".into(),
    }
}

/// The legend of "¿Abrió el gobierno?" for value `v`.
pub fn early_result_legend(v: OgpValue) -> String {
    format!("¿Abrió el gobierno en {}? (opcional)", ogp_value_object(v))
}

/// "el 15/01/2028" for a day, "en enero de 2028" or "en 2028" otherwise.
fn on_date(d: PartialDate) -> String {
    match d {
        PartialDate::Day(_) => format!("el {}", format_date(d)),
        _ => format!("en {}", format_date(d)),
    }
}

/// The hub's line about the plan's length, once chosen: "Dos años",
/// "Cuatro años, actualización prevista el 15/01/2028", "Cuatro años,
/// actualizado el 20/01/2028", or what a four-year plan still lacks.
pub fn length_line(imp: &Implementation) -> Option<String> {
    Some(match imp.length? {
        PlanLength::DosAnios => "Dos años".to_owned(),
        PlanLength::CuatroAnios => match (&imp.refresh, imp.refresh_due) {
            (Some(r), _) => format!(
                "Cuatro años, actualizado {}",
                on_date(PartialDate::Day(r.on))
            ),
            (None, Some(due)) => format!("Cuatro años, actualización prevista {}", on_date(due)),
            (None, None) => "Cuatro años; falta la fecha prevista de la actualización".to_owned(),
        },
    })
}

/// "2 de 5 compromisos con valoración final".
pub fn assessments_line(done: usize, total: usize) -> String {
    let noun = if total == 1 {
        "compromiso"
    } else {
        "compromisos"
    };
    format!("{done} de {total} {noun} con valoración final")
}

/// "3 enmiendas", "1 enmienda", "Ninguna enmienda".
pub fn amendments_line(n: usize) -> String {
    match n {
        0 => "Ninguna enmienda".to_owned(),
        1 => "1 enmienda".to_owned(),
        n => format!("{n} enmiendas"),
    }
}

/// The title of the notice on a commitment changed after the plan was final.
pub const AMENDMENT_DUE_TITLE: &str = "El plan ya es versión final: registre esta enmienda";

/// What the notice says, with the day the plan was marked final.
pub fn amendment_due_text(marked_on: time::Date) -> String {
    format!(
        "Este compromiso cambió después de que el plan se marcó como versión final, el {}. La herramienta no impide los cambios a un plan aprobado, pero cada uno debe quedar registrado: qué cambió, cuándo y por qué.",
        format_date(marked_on)
    )
}

/// The notice on "Revise su plan" when several commitments changed.
pub const AMENDMENTS_DUE_TITLE: &str = "El plan ya es versión final: registre estas enmiendas";

/// What it says, with the day the plan was marked final.
pub fn amendments_due_text(marked_on: time::Date) -> String {
    format!(
        "Estos compromisos cambiaron después de que el plan se marcó como versión final, el {}. La herramienta no impide los cambios a un plan aprobado, pero cada uno debe quedar registrado: qué cambió, cuándo y por qué.",
        format_date(marked_on)
    )
}

/// The notice's link: "Registrar la enmienda del compromiso 2".
pub fn amendment_due_link(number: usize) -> String {
    format!("Registrar la enmienda del compromiso {number}")
}

/// The completion's label for a table or a line ("Sin valoración" when none).
pub fn completion_text(a: Option<&crate::domain::progress::EndAssessment>) -> String {
    a.and_then(|a| a.completion)
        .map_or_else(|| "Sin valoración".to_owned(), |s| s.label().to_owned())
}
