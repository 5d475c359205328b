//! Placeholder pages, replaced as each step is built.

use leptos::prelude::*;

use crate::ui::pages::not_found::NotFound;

#[component]
pub fn CoordinationPage() -> impl IntoView {
    view! { <NotFound /> }
}

#[component]
pub fn MemberPage() -> impl IntoView {
    view! { <NotFound /> }
}

#[component]
pub fn MembersPage() -> impl IntoView {
    view! { <NotFound /> }
}

#[component]
pub fn OrganizationPage() -> impl IntoView {
    view! { <NotFound /> }
}

#[component]
pub fn OrganizationsPage() -> impl IntoView {
    view! { <NotFound /> }
}

#[component]
pub fn PoliticalPage() -> impl IntoView {
    view! { <NotFound /> }
}
