//! Placeholder pages, replaced as each step is built.

use leptos::prelude::*;

use crate::ui::pages::not_found::NotFound;

#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! { <NotFound /> }
}
