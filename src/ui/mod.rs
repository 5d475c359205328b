//! The Leptos interface: the app shell, routes (one URL per page) and pages.

pub mod draft_form;
pub mod form;
pub mod pages;
pub mod picker;
pub mod shell;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::state::AppState;
use pages::{
    commitments::{CommitmentPage, CommitmentsPage},
    national::NationalPlanPage,
    not_found::NotFound,
    open::OpenDraftPage,
    profile::ProfilePage,
    readiness::{ReadinessGatePage, ReadinessResultPage, ReadinessStartPage, ReadinessThemePage},
    review::ReviewPage,
    sources::SourcesPage,
    start::StartPage,
    tasks::TaskListPage,
};
use shell::{Banners, Footer, Header};

/// Page paths, in one place so links and routes agree.
pub mod paths {
    pub const START: &str = "/";
    pub const TASKS: &str = "/plan";
    pub const PROFILE: &str = "/plan/perfil";
    pub const NATIONAL_PLAN: &str = "/plan/plan-nacional";
    pub const COMMITMENTS: &str = "/plan/compromisos";
    pub const NEW_COMMITMENT: &str = "/plan/compromisos/nuevo";
    pub const REVIEW: &str = "/plan/revisar";
    pub const OPEN: &str = "/abrir";
    pub const SOURCES: &str = "/fuentes";
    pub const READINESS: &str = "/preparacion";
    pub const READINESS_GATE: &str = "/preparacion/elegibilidad";
    pub const READINESS_RESULT: &str = "/preparacion/resultado";

    pub fn commitment(id: crate::domain::CommitmentId) -> String {
        format!("{COMMITMENTS}/{}", id.0)
    }
}

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The root: state, shell and routes.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::init();
    provide_context(state);
    view! {
        <Router>
            <a class="skip-link" href="#contenido" on:click=|ev| {
                ev.prevent_default();
                form::focus_id("contenido");
            }>"Saltar al contenido principal"</a>
            <Header />
            <div class="width-container">
                <main class="main" id="contenido" tabindex="-1">
                    <Banners />
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("/") view=StartPage />
                        <Route path=path!("/plan") view=TaskListPage />
                        <Route path=path!("/plan/perfil") view=ProfilePage />
                        <Route path=path!("/plan/plan-nacional") view=NationalPlanPage />
                        <Route path=path!("/plan/compromisos") view=CommitmentsPage />
                        <Route path=path!("/plan/compromisos/:id") view=CommitmentPage />
                        <Route path=path!("/plan/revisar") view=ReviewPage />
                        <Route path=path!("/abrir") view=OpenDraftPage />
                        <Route path=path!("/fuentes") view=SourcesPage />
                        <Route path=path!("/preparacion") view=ReadinessStartPage />
                        <Route path=path!("/preparacion/tema/:n") view=ReadinessThemePage />
                        <Route path=path!("/preparacion/elegibilidad") view=ReadinessGatePage />
                        <Route path=path!("/preparacion/resultado") view=ReadinessResultPage />
                    </Routes>
                </main>
            </div>
            <Footer />
        </Router>
    }
}
