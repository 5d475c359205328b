//! The timeline of key actions and activities (placeholder until built).

use leptos::prelude::*;

use crate::domain::CommitmentId;

/// A Gantt-like picture of the key actions and activities, with a table alternative.
#[component]
pub fn Timeline(commitment: Option<CommitmentId>) -> impl IntoView {
    let _ = commitment;
}
