//! The monitoring body, length and refresh, end-of-commitment assessments and
//! amendments (see the module's parent).

use leptos::prelude::*;

/// On the hub: links to the implementation's record.
#[component]
pub fn RecordSection() -> impl IntoView {
    view! { <h2 class="heading-m">"Órgano de monitoreo y valoración final"</h2> }
}
