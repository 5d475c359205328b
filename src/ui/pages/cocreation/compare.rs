//! "Comparar versiones" (work in progress in this session's branch).

use leptos::prelude::*;

use crate::ui::shell::PageHeading;

#[component]
pub fn ComparePage() -> impl IntoView {
    view! { <PageHeading text="Comparar versiones" /> }
}
