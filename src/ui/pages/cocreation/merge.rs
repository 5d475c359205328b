//! "Combinar con otro borrador" (work in progress in this session's branch).

use leptos::prelude::*;

use crate::ui::shell::PageHeading;

#[component]
pub fn MergePage() -> impl IntoView {
    view! { <PageHeading text="Combinar con otro borrador" /> }
}
