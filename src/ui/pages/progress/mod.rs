//! Step "Informes de avance" (`/plan/avances`): the plan's implementation over
//! its two or four years ([`crate::domain::progress`]).
//!
//! - `rounds.rs`: the report rounds (the hub's list, a round's page, the
//!   report of one commitment's key actions and activities), progress over
//!   time (chart and table) and what needs attention.
//! - `record.rs`: the monitoring body, the plan's length and refresh, each
//!   commitment's end-of-commitment assessment, and the amendments.
//!   `record_assessment.rs`: the assessment's page; `record_amendments.rs`:
//!   the amendments' list and page, and the notice that asks for one.
//! - `outputs.rs`: "Descargar informe de avance (PDF)" and "Descargar avances (CSV)".

pub mod outputs;
pub mod record;
pub mod record_amendments;
pub mod record_assessment;
pub mod rounds;

use leptos::prelude::*;

use crate::state::use_app;
use crate::ui::paths;
use crate::ui::shell::{BackLink, PageHeading};

/// The step's hub.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let state = use_app();
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <PageHeading text="Informes de avance" caption=state.shown_name() />
        <rounds::RoundsSection />
        <outputs::OutputsSection />
        <record::RecordSection />
    }
}
