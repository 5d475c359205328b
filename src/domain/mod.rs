//! The pure domain: the plan model and its rules, with no browser or UI dependency.
//!
//! Two levels of input live here: raw page inputs (plain strings exactly as the
//! person typed them) and typed values (dates, periods, validated names). A raw
//! input becomes a typed value only through a `parse` function that returns either
//! the value or the list of [`FieldError`]s, so invalid data never enters the
//! [`Plan`].
//!
//! `tests/purity.rs` fails if anything under `src/domain` names leptos, web_sys,
//! js_sys or wasm_bindgen.

pub mod alignment;
pub mod articulation;
pub mod assessment;
pub mod choice;
pub mod classification;
pub mod comments;
pub mod commitment;
pub mod contact;
pub mod coordination;
pub mod date;
pub mod error;
pub mod final_mark;
pub mod implementation;
pub mod kept;
pub mod key_action;
pub mod methodology;
pub mod monitoring;
pub mod national_list;
pub mod ogp;
pub mod pending;
pub mod plan;
pub mod problem;
pub mod profile;
pub mod progress;
pub mod quality;
pub mod readiness;
pub mod record_input;
pub mod report_input;
pub mod roadmap;
pub mod unknown;

pub use alignment::{Alignment, NationalEntry, NationalLink, NationalPlan, Relation};
pub use choice::ItemId;
pub use commitment::{Commitment, CommitmentId, CommitmentInput};
pub use date::{format_date, parse_date, PartialDate, Period, Precision};
pub use error::{Field, FieldError, Named, Problem};
pub use methodology::{Phase, Step, TaskStatus};
pub use plan::Plan;
pub use profile::{
    InegiCode, Jurisdiction, JurisdictionKind, Jurisdictions, JurisdictionsError, Makers, Profile,
    ProfileInput,
};
pub use unknown::{Carry, Unknown};
