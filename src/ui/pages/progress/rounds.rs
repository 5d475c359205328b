//! The report rounds (see the module's parent).

use leptos::prelude::*;

/// On the hub: the rounds, progress over time and what needs attention.
#[component]
pub fn RoundsSection() -> impl IntoView {
    view! { <h2 class="heading-m">"Informes"</h2> }
}
