//! Placeholder pages, replaced as each step is built.

use leptos::prelude::*;

use crate::ui::pages::not_found::NotFound;

#[component]
pub fn FrameworkPage() -> impl IntoView {
    view! { <NotFound /> }
}

#[component]
pub fn OfficePage() -> impl IntoView {
    view! { <NotFound /> }
}
