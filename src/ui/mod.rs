//! The Leptos interface: the app shell, routes (one URL per page) and pages.

pub mod draft_form;
pub mod form;
pub mod offline;
pub mod pdf_client;
pub mod picker;
pub mod print;
pub mod route;
pub mod section;
pub mod shell;
pub mod timeline;
pub mod widgets;

/// One module per page (or per small group of pages of one step), declared
/// here beside the routes that show them.
pub mod pages {
    pub mod articulation;
    pub mod classification;
    pub mod coalition;
    pub mod cocreation;
    pub mod commitment;
    pub mod coordination;
    pub mod drafts;
    pub mod glossary;
    pub mod monitoring;
    pub mod national;
    pub mod not_found;
    pub mod ogp;
    pub mod open;
    pub mod problems;
    pub mod profile;
    pub mod profile_more;
    pub mod progress;
    pub mod quality;
    pub mod readiness;
    pub mod review;
    pub mod roadmap;
    pub mod sources;
    pub mod start;
    pub mod tasks;
}

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::bundles;
use crate::state::AppState;
use pages::{
    classification::ClassificationPage,
    commitment::{
        ActivityPage, AlignmentPage, CoResponsibleListPage, CoResponsiblePage, CommitmentHubPage,
        CommitmentPage, CommitmentsPage, KeyActionPage, KeyActionsPage, ObjectivesPage,
        ResponsibleListPage, ResponsiblePage, ValuesPage,
    },
    coordination::{
        CoordinationPage, MemberPage, MembersPage, OrganizationPage, OrganizationsPage,
        PoliticalPage,
    },
    drafts::{MyDraftsPage, RenameDraftPage},
    glossary::GlossaryPage,
    monitoring::{MonitoringPage, ResponsePage, ResponsesPage},
    national::NationalPlanPage,
    ogp::{
        CommitmentOgpPage, OgpEventPage, OgpEventsPage, OgpPage, OgpSessionPage, OgpSessionsPage,
    },
    open::OpenDraftPage,
    problems::{ProblemPage, ProblemsPage},
    profile::ProfilePage,
    profile_more::{FrameworkPage, OfficePage},
    progress::record::{DurationPage, MonitoringBodyPage},
    progress::record_amendments::{AmendmentPage, AmendmentsPage},
    progress::record_assessment::AssessmentPage,
    progress::rounds::{RoundCommitmentPage, RoundDataPage, RoundPage},
    progress::ProgressPage,
    quality::QualityPage,
    readiness::{ReadinessGatePage, ReadinessResultPage, ReadinessStartPage, ReadinessThemePage},
    review::ReviewPage,
    roadmap::RoadmapPage,
    sources::SourcesPage,
    start::StartPage,
    tasks::TaskListPage,
};
use section::Elsewhere;
use shell::{Banners, Footer, Header};

/// Page paths, in one place so links and routes agree.
pub mod paths {
    pub const START: &str = "/";
    pub const TASKS: &str = "/plan";
    pub const PROFILE: &str = Step::Profile.path();
    pub const NATIONAL_PLAN: &str = Step::NationalPlan.path();
    pub const COMMITMENTS: &str = Step::Commitments.path();
    pub const NEW_COMMITMENT: &str = "/plan/compromisos/nuevo";
    pub const REVIEW: &str = Step::Review.path();
    pub const QUALITY: &str = Step::Quality.path();
    pub const PROGRESS: &str = Step::Progress.path();
    /// The plan's print view: the export document as HTML, styled for paper.
    pub const PRINT: &str = "/plan/imprimir";
    /// The print view of a round's progress report (`/plan/imprimir/avance/{id}`).
    pub fn progress_print(round: ItemId) -> String {
        format!("{PRINT}/avance/{}", round.0)
    }
    pub const OPEN: &str = "/abrir";
    pub const DRAFTS: &str = "/borradores";
    pub const SOURCES: &str = "/fuentes";
    /// "Articulación nacional": many local plans in one view (its own bundle).
    pub const ARTICULATION: &str = "/articulacion";
    /// Examples of good practices from a loaded library (articulacion bundle).
    pub const EXAMPLES: &str = "/ejemplos";
    /// Query parameter of the examples page naming the commitment the person
    /// came from (its id, or "nuevo").
    pub const EXAMPLES_COMMITMENT_PARAM: &str = "compromiso";
    /// «Ver ejemplos» from a commitment's ficha.
    pub fn examples_for(id: CommitmentId) -> String {
        format!("{EXAMPLES}?{EXAMPLES_COMMITMENT_PARAM}={}", id.0)
    }
    /// Co-creation with others (its own bundle): "Comparar versiones",
    /// "Combinar con otro borrador", "Observaciones".
    pub const COMPARE: &str = "/comparar";
    pub const MERGE: &str = "/plan/combinar";
    pub const COMMENTS: &str = "/observaciones";
    pub const READINESS: &str = Step::Readiness.path();
    pub const READINESS_GATE: &str = "/preparacion/elegibilidad";
    pub const READINESS_RESULT: &str = "/preparacion/resultado";

    pub const PROFILE_OFFICE: &str = "/plan/perfil/contacto";
    pub const PROFILE_FRAMEWORK: &str = "/plan/perfil/marco";
    pub const POLITICAL: &str = Step::Political.path();
    pub const COORDINATION: &str = Step::Coordination.path();
    pub const MEMBERS: &str = "/plan/coordinacion/integrantes";
    pub const ORGANIZATIONS: &str = "/plan/coordinacion/organizaciones";
    pub const ROADMAP: &str = Step::Roadmap.path();
    pub const PROBLEMS: &str = Step::Problems.path();
    pub const MONITORING: &str = Step::Monitoring.path();
    pub const RESPONSES: &str = Step::Responses.path();
    pub const GLOSSARY: &str = "/glosario";
    pub const OGP: &str = Step::Ogp.path();
    pub const OGP_SESSIONS: &str = "/plan/registro-ogp/sesiones";
    pub const OGP_EVENTS: &str = "/plan/registro-ogp/eventos";
    /// The implementation's record (`ui/pages/progress/record*.rs`).
    pub const PROGRESS_BODY: &str = "/plan/avances/organo-de-monitoreo";
    pub const PROGRESS_LENGTH: &str = "/plan/avances/duracion";
    pub const AMENDMENTS: &str = "/plan/avances/enmiendas";
    /// Query parameter of a new amendment's page naming its commitment.
    pub const AMENDMENT_COMMITMENT_PARAM: &str = "compromiso";

    use crate::domain::{CommitmentId, ItemId, Step};
    use crate::persistence::drafts::DraftId;

    /// "Cambiar el nombre" of a draft in "Mis borradores".
    pub fn draft_name(id: DraftId) -> String {
        format!("{DRAFTS}/{id}/nombre")
    }

    /// "nuevo" for an item not saved yet, otherwise its id (addresses and
    /// unsaved-input keys).
    pub fn item(id: Option<ItemId>) -> String {
        id.map_or_else(|| "nuevo".to_owned(), |i| i.0.to_string())
    }

    /// The commitment's ficha overview.
    pub fn commitment(id: CommitmentId) -> String {
        format!("{COMMITMENTS}/{}", id.0)
    }
    /// A part of a commitment's ficha: "datos", "responsables", "corresponsables",
    /// "objetivos", "valores", "alineacion", "acciones".
    pub fn commitment_part(id: CommitmentId, part: &str) -> String {
        format!("{COMMITMENTS}/{}/{part}", id.0)
    }
    /// A commitment's classification and Open Gov Challenge page.
    pub fn classification(id: CommitmentId) -> String {
        commitment_part(id, "clasificacion")
    }
    /// A responsible ("responsables") or co-responsible ("corresponsables") person.
    pub fn contact(id: CommitmentId, list: &str, n: Option<ItemId>) -> String {
        format!("{COMMITMENTS}/{}/{list}/{}", id.0, item(n))
    }
    pub fn key_action(id: CommitmentId, k: Option<ItemId>) -> String {
        format!("{COMMITMENTS}/{}/acciones/{}", id.0, item(k))
    }
    pub fn activity(id: CommitmentId, k: ItemId, a: Option<ItemId>) -> String {
        format!(
            "{COMMITMENTS}/{}/acciones/{}/actividades/{}",
            id.0,
            k.0,
            item(a)
        )
    }
    pub fn member(n: Option<ItemId>) -> String {
        format!("{MEMBERS}/{}", item(n))
    }
    pub fn organization(n: Option<ItemId>) -> String {
        format!("{ORGANIZATIONS}/{}", item(n))
    }
    pub fn problem(n: Option<ItemId>) -> String {
        format!("{PROBLEMS}/{}", item(n))
    }
    pub fn response(n: Option<ItemId>) -> String {
        format!("{RESPONSES}/{}", item(n))
    }
    pub fn ogp_session(n: Option<ItemId>) -> String {
        format!("{OGP_SESSIONS}/{}", item(n))
    }
    pub fn ogp_event(n: Option<ItemId>) -> String {
        format!("{OGP_EVENTS}/{}", item(n))
    }
    /// A commitment's end-of-commitment assessment.
    pub fn end_assessment(id: CommitmentId) -> String {
        format!("{PROGRESS}/valoracion/{}", id.0)
    }
    pub fn amendment(n: Option<ItemId>) -> String {
        format!("{AMENDMENTS}/{}", item(n))
    }
    /// A new amendment of commitment `id` (its page starts with it chosen).
    pub fn new_amendment_for(id: CommitmentId) -> String {
        format!("{AMENDMENTS}/nuevo?{AMENDMENT_COMMITMENT_PARAM}={}", id.0)
    }
    /// A report round's overview ("nuevo": the page of a new round's data).
    pub fn round(r: Option<ItemId>) -> String {
        format!("{PROGRESS}/{}", item(r))
    }
    /// A report round's name, cut-off day and who reports.
    pub fn round_data(r: ItemId) -> String {
        format!("{PROGRESS}/{}/datos", r.0)
    }
    /// The report of one commitment in a round.
    pub fn round_commitment(r: ItemId, c: CommitmentId) -> String {
        format!("{PROGRESS}/{}/compromisos/{}", r.0, c.0)
    }
}

/// Mounts the drafting app on `<body>` (`src/main.rs`).
pub fn mount() {
    start();
    leptos::mount::mount_to_body(App);
}

/// Mounts the progress reports' section (`src/bin/seguimiento.rs`).
pub fn mount_implementation() {
    start();
    leptos::mount::mount_to_body(ImplementationApp);
}

/// Mounts the readiness self-assessment's section (`src/bin/preparacion.rs`).
pub fn mount_readiness() {
    start();
    leptos::mount::mount_to_body(ReadinessApp);
}

/// Mounts the print views' section (`src/bin/imprimir.rs`).
pub fn mount_print() {
    start();
    leptos::mount::mount_to_body(PrintApp);
}

/// Mounts "Articulación nacional" (`src/bin/articulacion.rs`).
pub fn mount_articulation() {
    start();
    leptos::mount::mount_to_body(ArticulationApp);
}

/// Mounts co-creation with others (`src/bin/coedicion.rs`).
pub fn mount_cocreation() {
    start();
    leptos::mount::mount_to_body(CoCreationApp);
}

/// What every bundle does before mounting: panics to the console, and the
/// start page's static copy in index.html (painted before the app arrives)
/// gives way to the app.
fn start() {
    console_error_panic_hook::set_once();
    if let Some(copy) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("portada"))
    {
        copy.remove();
    }
}

/// What every bundle shows around its pages: state, router, skip link,
/// header, banners and footer. `children`: the bundle's route table.
#[component]
fn Frame(children: Children) -> impl IntoView {
    let state = AppState::init();
    if section::arrive() {
        // Handed over by another bundle: its heading takes the focus.
        state.routed_once.set_value(true);
    }
    // A confirmation left by another bundle for a page this one serves.
    if let Some((path, message)) = section::take_flash() {
        state.flash_on(&path, message);
    }
    provide_context(state);
    offline::start();
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
                    {children()}
                </main>
            </div>
            <Footer />
        </Router>
    }
}

/// The drafting app: every page but the sections' (`crate::bundles`), which
/// its fallback hands over.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere own=None /> }>
                <Route path=path!("/") view=StartPage />
                <Route path=path!("/plan") view=TaskListPage />
                <Route path=path!("/plan/perfil") view=ProfilePage />
                <Route path=path!("/plan/plan-nacional") view=NationalPlanPage />
                <Route path=path!("/plan/compromisos") view=CommitmentsPage />
                <Route path=path!("/plan/perfil/contacto") view=OfficePage />
                <Route path=path!("/plan/perfil/marco") view=FrameworkPage />
                <Route path=path!("/plan/compromiso-politico") view=PoliticalPage />
                <Route path=path!("/plan/coordinacion") view=CoordinationPage />
                <Route path=path!("/plan/coordinacion/integrantes") view=MembersPage />
                <Route path=path!("/plan/coordinacion/integrantes/:n") view=MemberPage />
                <Route path=path!("/plan/coordinacion/organizaciones") view=OrganizationsPage />
                <Route path=path!("/plan/coordinacion/organizaciones/:n") view=OrganizationPage />
                <Route path=path!("/plan/hoja-de-ruta") view=RoadmapPage />
                <Route path=path!("/plan/problemas") view=ProblemsPage />
                <Route path=path!("/plan/problemas/:n") view=ProblemPage />
                <Route path=path!("/plan/compromisos/:id") view=CommitmentHubPage />
                <Route path=path!("/plan/compromisos/:id/datos") view=CommitmentPage />
                <Route path=path!("/plan/compromisos/:id/objetivos") view=ObjectivesPage />
                <Route path=path!("/plan/compromisos/:id/valores") view=ValuesPage />
                <Route path=path!("/plan/compromisos/:id/alineacion") view=AlignmentPage />
                <Route path=path!("/plan/compromisos/:id/acciones") view=KeyActionsPage />
                <Route path=path!("/plan/compromisos/:id/acciones/:k") view=KeyActionPage />
                <Route path=path!("/plan/compromisos/:id/acciones/:k/actividades/:a") view=ActivityPage />
                <Route path=path!("/plan/compromisos/:id/responsables") view=ResponsibleListPage />
                <Route path=path!("/plan/compromisos/:id/responsables/:n") view=ResponsiblePage />
                <Route path=path!("/plan/compromisos/:id/corresponsables") view=CoResponsibleListPage />
                <Route path=path!("/plan/compromisos/:id/corresponsables/:n") view=CoResponsiblePage />
                <Route path=path!("/plan/seguimiento") view=MonitoringPage />
                <Route path=path!("/plan/respuesta-razonada") view=ResponsesPage />
                <Route path=path!("/plan/respuesta-razonada/:n") view=ResponsePage />
                <Route path=path!("/plan/compromisos/:id/ogp") view=CommitmentOgpPage />
                <Route path=path!("/plan/compromisos/:id/clasificacion") view=ClassificationPage />
                <Route path=path!("/plan/registro-ogp") view=OgpPage />
                <Route path=path!("/plan/registro-ogp/sesiones") view=OgpSessionsPage />
                <Route path=path!("/plan/registro-ogp/sesiones/:n") view=OgpSessionPage />
                <Route path=path!("/plan/registro-ogp/eventos") view=OgpEventsPage />
                <Route path=path!("/plan/registro-ogp/eventos/:n") view=OgpEventPage />
                <Route path=path!("/glosario") view=GlossaryPage />
                <Route path=path!("/plan/calidad") view=QualityPage />
                <Route path=path!("/plan/revisar") view=ReviewPage />
                <Route path=path!("/abrir") view=OpenDraftPage />
                <Route path=path!("/borradores") view=MyDraftsPage />
                <Route path=path!("/borradores/:id/nombre") view=RenameDraftPage />
                <Route path=path!("/fuentes") view=SourcesPage />
            </Routes>
        </Frame>
    }
}

/// The progress reports (`/plan/avances`), a bundle fetched when first opened.
#[component]
pub fn ImplementationApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere own=Some(bundles::IMPLEMENTATION) /> }>
                <Route path=path!("/plan/avances") view=ProgressPage />
                <Route path=path!("/plan/avances/organo-de-monitoreo") view=MonitoringBodyPage />
                <Route path=path!("/plan/avances/duracion") view=DurationPage />
                <Route path=path!("/plan/avances/valoracion/:id") view=AssessmentPage />
                <Route path=path!("/plan/avances/enmiendas") view=AmendmentsPage />
                <Route path=path!("/plan/avances/enmiendas/:n") view=AmendmentPage />
                <Route path=path!("/plan/avances/:r") view=RoundPage />
                <Route path=path!("/plan/avances/:r/datos") view=RoundDataPage />
                <Route path=path!("/plan/avances/:r/compromisos/:id") view=RoundCommitmentPage />
            </Routes>
        </Frame>
    }
}

/// The readiness self-assessment (`/preparacion`), a bundle fetched when
/// first opened.
#[component]
pub fn ReadinessApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere own=Some(bundles::READINESS) /> }>
                <Route path=path!("/preparacion") view=ReadinessStartPage />
                <Route path=path!("/preparacion/tema/:n") view=ReadinessThemePage />
                <Route path=path!("/preparacion/elegibilidad") view=ReadinessGatePage />
                <Route path=path!("/preparacion/resultado") view=ReadinessResultPage />
            </Routes>
        </Frame>
    }
}

/// The print views (`/plan/imprimir`), a bundle fetched when first opened.
#[component]
pub fn PrintApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere own=Some(bundles::PRINT) /> }>
                <Route path=path!("/plan/imprimir") view=print::PrintPage />
                <Route path=path!("/plan/imprimir/avance/:informe") view=print::ProgressPrintPage />
            </Routes>
        </Frame>
    }
}

/// "Articulación nacional" (`/articulacion`), a bundle fetched when first
/// opened.
#[component]
pub fn ArticulationApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere own=Some(bundles::ARTICULATION) /> }>
                <Route path=path!("/articulacion") view=pages::articulation::ArticulationPage />
                <Route path=path!("/ejemplos") view=pages::articulation::examples::ExamplesPage />
            </Routes>
        </Frame>
    }
}

/// Co-creation with others (`/comparar`, `/plan/combinar`, `/observaciones`),
/// a bundle fetched when first opened.
#[component]
pub fn CoCreationApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere own=Some(bundles::COCREATION) /> }>
                <Route path=path!("/comparar") view=pages::cocreation::compare::ComparePage />
                <Route path=path!("/plan/combinar") view=pages::cocreation::merge::MergePage />
                <Route path=path!("/observaciones") view=pages::cocreation::comments::CommentsPage />
                <Route path=path!("/observaciones/revisar") view=pages::cocreation::comments::ReviewCommentsPage />
                <Route path=path!("/observaciones/contestar") view=pages::cocreation::comments::AnswerCommentsPage />
            </Routes>
        </Frame>
    }
}
