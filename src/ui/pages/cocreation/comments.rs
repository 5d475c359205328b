//! "Observaciones" (work in progress in this session's branch).

use leptos::prelude::*;

use crate::ui::shell::PageHeading;

#[component]
pub fn CommentsPage() -> impl IntoView {
    view! { <PageHeading text="Observaciones" /> }
}
