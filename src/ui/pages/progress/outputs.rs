//! The progress report's downloads (see the module's parent).

use leptos::prelude::*;

/// On the hub: the downloads.
#[component]
pub fn OutputsSection() -> impl IntoView {
    view! { <h2 class="heading-m">"Publique el avance"</h2> }
}
