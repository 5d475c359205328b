//! Placeholder pages, replaced as each step is built.

use leptos::prelude::*;

use crate::ui::pages::not_found::NotFound;

#[component]
pub fn MonitoringPage() -> impl IntoView {
    view! { <NotFound /> }
}

#[component]
pub fn ResponsePage() -> impl IntoView {
    view! { <NotFound /> }
}

#[component]
pub fn ResponsesPage() -> impl IntoView {
    view! { <NotFound /> }
}
