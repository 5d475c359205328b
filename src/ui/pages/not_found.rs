//! Shown for any address the app does not know.

use leptos::prelude::*;

use crate::ui::paths;
use crate::ui::shell::PageHeading;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading text="No encontramos esta página" />
        <p>"Revise la dirección. Si la copió, compruebe que esté completa."</p>
        <p><a href=paths::TASKS>"Ir a la lista de tareas de su plan"</a></p>
    }
}
