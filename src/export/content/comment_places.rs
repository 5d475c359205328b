//! Where a comment of a comment round can be attached among the rows of
//! «Revise su plan» ([`super::summary`]), and where a received comment's
//! field is in the team's plan now. A row is named by its page
//! ([`Target`], as the stable key [`target_key`]) and its label.

use crate::domain::comments::{About, CommitmentRef, FieldRef};
use crate::domain::{CommitmentId, Plan, Step, Unknown};

use super::summary::{Row, Section, Target};

/// The page of a row as a stable key for comments files
/// ("compromiso-3/accion-clave-2/actividad-1"). Ids, not positions: the key
/// still names the same item after items are reordered.
pub fn target_key(target: Target) -> String {
    use crate::domain::plan::FichaPart as P;
    let c = |id: CommitmentId| format!("compromiso-{}", id.0);
    match target {
        Target::Profile => "perfil".into(),
        Target::Office => "perfil/contacto".into(),
        Target::Framework => "perfil/marco".into(),
        Target::NationalPlan => "plan-nacional".into(),
        Target::Readiness => "preparacion".into(),
        Target::Political => "compromiso-politico".into(),
        Target::Coordination => "coordinacion".into(),
        Target::Member(n) => format!("coordinacion/integrante-{}", n.0),
        Target::Organization(n) => format!("coordinacion/organizacion-{}", n.0),
        Target::Roadmap => "hoja-de-ruta".into(),
        Target::Problem(n) => format!("problema-{}", n.0),
        Target::Part(id, part) => {
            let part = match part {
                P::General => "datos",
                P::Responsible => "responsables",
                P::CoResponsible => "corresponsables",
                P::Objectives => "objetivos",
                P::Values => "valores",
                P::Alignment => "alineacion",
                P::KeyActions => "acciones",
            };
            format!("{}/{part}", c(id))
        }
        Target::Responsible(id, n) => format!("{}/responsable-{}", c(id), n.0),
        Target::CoResponsible(id, n) => format!("{}/corresponsable-{}", c(id), n.0),
        Target::KeyAction(id, k) => format!("{}/accion-clave-{}", c(id), k.0),
        Target::Activity(id, k, a) => {
            format!("{}/accion-clave-{}/actividad-{}", c(id), k.0, a.0)
        }
        Target::Monitoring => "seguimiento".into(),
        Target::Response(n) => format!("respuesta-{}", n.0),
        Target::Ogp => "registro-ogp".into(),
        Target::OgpSession(n) => format!("registro-ogp/sesion-{}", n.0),
        Target::OgpEvent(n) => format!("registro-ogp/evento-{}", n.0),
        Target::CommitmentOgp(id) => format!("{}/ogp", c(id)),
        Target::Classification(id) => format!("{}/clasificacion", c(id)),
        Target::ProgressLength => "avances/duracion".into(),
        Target::ProgressBody => "avances/organo".into(),
        Target::Round(r) => format!("avances/informe-{}", r.0),
        Target::RoundReport(r, id) => format!("avances/informe-{}/{}", r.0, c(id)),
        Target::Assessment(id) => format!("{}/valoracion-final", c(id)),
        Target::Amendment(n) => format!("avances/enmienda-{}", n.0),
    }
}

/// A row of the summary with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowPlace<'a> {
    pub step: Step,
    /// The commitment whose ficha the row is part of.
    pub commitment: Option<CommitmentId>,
    /// The full title of its group ("Compromiso 1 · Acción clave 2").
    pub place: Option<String>,
    pub row: &'a Row,
}

/// Every row of the summary, in order, with its place.
pub fn rows(sections: &[Section]) -> Vec<RowPlace<'_>> {
    let mut out = Vec::new();
    for s in sections {
        for g in &s.groups {
            for (place, group) in g.places() {
                for row in &group.rows {
                    out.push(RowPlace {
                        step: s.step,
                        commitment: g.commitment,
                        place: place.clone(),
                        row,
                    });
                }
            }
        }
    }
    out
}

/// What a comment on this row is attached to.
pub fn about_row(plan: &Plan, rp: &RowPlace<'_>) -> About {
    let commitment = rp.commitment.map(|id| CommitmentRef {
        id,
        name: plan
            .commitment(id)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        unknown: Unknown::new(),
    });
    About::field(
        rp.step,
        commitment,
        FieldRef {
            target: target_key(rp.row.target),
            row: rp.row.key.clone(),
            place: rp.place.clone(),
            value: rp.row.value.clone(),
            unknown: Unknown::new(),
        },
    )
}

/// The row a received comment's field names, in the summary of the plan as
/// it is now (`None`: no longer there).
pub fn current<'a>(sections: &'a [Section], field: &FieldRef) -> Option<RowPlace<'a>> {
    rows(sections)
        .into_iter()
        .find(|rp| rp.row.key == field.row && target_key(rp.row.target) == field.target)
}
