//! "Revise su plan": check-your-answers for every step (from the pure
//! [`crate::export::summary`]), folded by step and, in "Compromisos", by
//! commitment: each fold is a heading whose button says the step's status and
//! how many answers have no value, and opens or closes its panel
//! (`aria-expanded`; the panel is `hidden="until-found"`, so the browser's
//! find-in-page still finds a value and opens its fold). «Abrir todo» and
//! «Cerrar todo» act on every fold; the folds left open stay open when the
//! person comes back from a «Cambiar» link. Then "Exportar PDF" and the JSON
//! download. Before the export, answers with characters the PDF cannot draw are
//! listed ([`crate::export::unprintable`]), each with a link to its page, and
//! the person chooses to change them or to export anyway.
//!
//! A long plan's page shows every fold's heading at once; the content of a
//! closed commitment's fold is built after the page's first frame, a few
//! folds per task ([`fill_later`]), so the page appears and answers at once
//! and find-in-page finds the content a moment later. A fold opened before
//! its turn is built when opened.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, VecDeque};
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::final_mark::DocumentStatus;
use crate::domain::format_date;
use crate::domain::pending::CommitmentCheck;
use crate::domain::plan::FichaPart;
use crate::export;
use crate::export::job::Prepared;
use crate::export::summary::{summary, Group, Section, Target};
use crate::export::unprintable::{unprintable, Finding};
use crate::persistence::browser;
use crate::state::use_app;
use crate::ui::draft_form::{RETURN_PARAM, RETURN_TO_REVIEW};
use crate::ui::form::focus_id;
use crate::ui::pages::commitment::part_name;
use crate::ui::pages::quality::QualityCounts;
use crate::ui::pages::tasks::status_tag;
use crate::ui::paths;
use crate::ui::pdf_client::{self, Export, ExportStatus};
use crate::ui::shell::{download_draft, BackLink, PageHeading};
use crate::ui::widgets::{SummaryList, SummaryRow};

/// The page where an answer is changed, returning here after "Guardar y continuar".
fn change_href(target: Target) -> String {
    let path = match target {
        Target::Profile => paths::PROFILE.to_owned(),
        Target::Office => paths::PROFILE_OFFICE.to_owned(),
        Target::Framework => paths::PROFILE_FRAMEWORK.to_owned(),
        Target::NationalPlan => paths::NATIONAL_PLAN.to_owned(),
        Target::Readiness => paths::READINESS.to_owned(),
        Target::Political => paths::POLITICAL.to_owned(),
        Target::Coordination => paths::COORDINATION.to_owned(),
        Target::Member(n) => paths::member(Some(n)),
        Target::Organization(n) => paths::organization(Some(n)),
        Target::Roadmap => paths::ROADMAP.to_owned(),
        Target::Problem(n) => paths::problem(Some(n)),
        Target::Ogp => paths::OGP.to_owned(),
        Target::OgpSession(n) => paths::ogp_session(Some(n)),
        Target::OgpEvent(n) => paths::ogp_event(Some(n)),
        Target::CommitmentOgp(id) => paths::commitment_part(id, "ogp"),
        Target::Classification(id) => paths::classification(id),
        Target::Part(id, FichaPart::General) => paths::commitment_part(id, "datos"),
        Target::Part(id, FichaPart::Responsible) => paths::commitment_part(id, "responsables"),
        Target::Part(id, FichaPart::CoResponsible) => paths::commitment_part(id, "corresponsables"),
        Target::Part(id, FichaPart::Objectives) => paths::commitment_part(id, "objetivos"),
        Target::Part(id, FichaPart::Values) => paths::commitment_part(id, "valores"),
        Target::Part(id, FichaPart::Alignment) => paths::commitment_part(id, "alineacion"),
        Target::Part(id, FichaPart::KeyActions) => paths::commitment_part(id, "acciones"),
        Target::Responsible(id, n) => paths::contact(id, "responsables", Some(n)),
        Target::CoResponsible(id, n) => paths::contact(id, "corresponsables", Some(n)),
        Target::KeyAction(id, k) => paths::key_action(id, Some(k)),
        Target::Activity(id, k, a) => paths::activity(id, k, Some(a)),
        Target::Monitoring => paths::MONITORING.to_owned(),
        Target::Response(n) => paths::response(Some(n)),
        Target::ProgressLength => paths::PROGRESS_LENGTH.to_owned(),
        Target::ProgressBody => paths::PROGRESS_BODY.to_owned(),
        Target::Round(r) => paths::round_data(r),
        Target::RoundReport(r, id) => paths::round_commitment(r, id),
        Target::Assessment(id) => paths::end_assessment(id),
        Target::Amendment(n) => paths::amendment(Some(n)),
    };
    format!("{path}?{RETURN_PARAM}={RETURN_TO_REVIEW}")
}

thread_local! {
    /// The folds left open on this page (by id), kept while the app runs so a
    /// «Cambiar» and back finds the page as it was left.
    static LEFT_OPEN: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// Which folds of the page are open: one set for the page, so «Abrir todo»
/// and «Cerrar todo» reach every fold.
#[derive(Clone, Copy)]
struct Folds(RwSignal<BTreeSet<String>>);

impl Folds {
    fn new() -> Self {
        Self(RwSignal::new(LEFT_OPEN.with(|o| o.borrow().clone())))
    }

    fn is_open(self, id: &str) -> bool {
        self.0.with(|o| o.contains(id))
    }

    fn set(self, open: BTreeSet<String>) {
        LEFT_OPEN.with(|o| o.borrow_mut().clone_from(&open));
        self.0.set(open);
    }

    fn toggle(self, id: &str, open: bool) {
        let mut now = self.0.get_untracked();
        if open {
            now.insert(id.to_owned());
        } else {
            now.remove(id);
        }
        self.set(now);
    }
}

thread_local! {
    /// Closed folds whose content waits to be built, in the page's order.
    static WAITING: RefCell<VecDeque<RwSignal<bool>>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a task building them is scheduled.
    static FILLING: Cell<bool> = const { Cell::new(false) };
}

/// Closed folds built per task: a commitment's fold holds its whole ficha
/// (about 400 elements in a full one), so a few per task keep each task short.
const FOLDS_PER_TASK: usize = 3;

/// Builds a closed fold's content later: after the frame that shows the page,
/// [`FOLDS_PER_TASK`] folds per task, in order.
fn fill_later(filled: RwSignal<bool>) {
    WAITING.with(|w| w.borrow_mut().push_back(filled));
    if !FILLING.with(|f| f.replace(true)) {
        request_animation_frame(|| set_timeout(fill_some, Duration::ZERO));
    }
}

fn fill_some() {
    let batch: Vec<RwSignal<bool>> = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let n = w.len().min(FOLDS_PER_TASK);
        w.drain(..n).collect()
    });
    for filled in batch {
        // The page may be gone (the person moved on): its signals with it.
        let _ = filled.try_set(true);
    }
    if WAITING.with(|w| w.borrow().is_empty()) {
        FILLING.with(|f| f.set(false));
    } else {
        set_timeout(fill_some, Duration::ZERO);
    }
}

/// Id of a step's fold.
fn step_fold(index: usize) -> String {
    format!("paso-{index}")
}

/// Id of a commitment's fold.
fn commitment_fold(group: &Group) -> Option<String> {
    group.commitment.map(|id| format!("compromiso-{}", id.0))
}

/// Every fold of the review of `plan`.
fn every_fold(sections: &[Section]) -> BTreeSet<String> {
    sections
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            std::iter::once(step_fold(i)).chain(s.groups.iter().filter_map(commitment_fold))
        })
        .collect()
}

/// "3 de 20 respuestas sin dato", "Todas las respuestas tienen dato".
fn missing_text(rows: usize, missing: usize) -> Option<String> {
    match (rows, missing) {
        (0, _) => None,
        (_, 0) => Some("todas las respuestas tienen dato".to_owned()),
        (r, m) => Some(format!("{m} de {r} respuestas sin dato")),
    }
}

/// A heading whose button opens and closes the panel after it.
#[component]
fn Fold(
    folds: Folds,
    id: String,
    /// 2 for a step, 3 for a commitment.
    level: u8,
    title: String,
    /// The status tag's text and CSS modifier.
    tag: (String, &'static str),
    /// More about the status ("2 de 19 respuestas sin dato").
    detail: Option<String>,
    children: Children,
) -> impl IntoView {
    let panel_id = format!("{id}-panel");
    let button_id = format!("{id}-boton");
    let (open_id, toggle_id, found_id) = (id.clone(), id.clone(), id);
    let expanded = Memo::new(move |_| folds.is_open(&open_id));
    // A step's fold holds headings and a few rows: built at once. A
    // commitment's, when open, at once; closed, after the first frame.
    let filled = RwSignal::new(level == 2 || expanded.get_untracked());
    if !filled.get_untracked() {
        fill_later(filled);
    }
    // Once built, the content stays (closing a fold only hides it).
    let built = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || filled.get() || expanded.get()
    });
    let children = StoredValue::new_local(Some(children));
    let content = move || {
        built.get().then(|| {
            untrack(|| {
                children
                    .try_update_value(Option::take)
                    .flatten()
                    .map(|c| c())
            })
        })
    };
    let (tag_text, modifier) = tag;
    let button = view! {
        <button
            class="fold__button"
            type="button"
            id=button_id
            aria-expanded=move || if expanded.get() { "true" } else { "false" }
            aria-controls=panel_id.clone()
            on:click=move |_| folds.toggle(&toggle_id, !folds.is_open(&toggle_id))
        >
            <span class="fold__title">{title}</span>
            <span class="fold__status">
                <strong class=format!("tag {modifier}")>{tag_text}</strong>
                {detail.map(|d| view! { <span class="fold__detail">{d}</span> })}
            </span>
        </button>
    };
    let heading = if level == 2 {
        view! { <h2 class="fold__heading fold__heading--step">{button}</h2> }.into_any()
    } else {
        view! { <h3 class="fold__heading fold__heading--commitment">{button}</h3> }.into_any()
    };
    view! {
        <div class=if level == 2 { "fold fold--step" } else { "fold fold--commitment" }>
            {heading}
            <div
                class="fold__panel"
                id=panel_id
                hidden=move || (!expanded.get()).then_some("until-found")
                on:beforematch=move |_: leptos::web_sys::Event| folds.toggle(&found_id, true)
            >
                {content}
            </div>
        </div>
    }
}

/// A group's rows (with its title as a heading of `level`, when it has one)
/// and its subgroups one level down; with `change_links`, each row's
/// «Cambiar» link to its page (the read-only reviewer's view has none).
pub(crate) fn group_view(g: Group, level: u8, change_links: bool) -> AnyView {
    let title = g.title.map(|t| match level {
        3 => view! { <h3 class="heading-s">{t}</h3> }.into_any(),
        _ => view! { <h4 class="heading-s">{t}</h4> }.into_any(),
    });
    let note = g.empty_note.map(|n| view! { <p class="body">{n}</p> });
    let rows = (!g.rows.is_empty()).then(|| {
        let rows = g
            .rows
            .into_iter()
            .map(|r| {
                let href = change_links.then(|| change_href(r.target));
                SummaryRow::new(r.key, r.value, href).in_language(r.lang)
            })
            .collect::<Vec<_>>();
        view! { <SummaryList rows=rows /> }
    });
    let subgroups = g
        .subgroups
        .into_iter()
        .map(|s| group_view(s, level + 1, change_links))
        .collect_view();
    view! { {title} {note} {rows} {subgroups} }.into_any()
}

/// What a commitment still needs, for its fold: "Completo", or the parts of
/// its ficha to fill and whether something must be fixed.
fn commitment_tag(checks: &[CommitmentCheck], group: &Group) -> (String, &'static str) {
    let Some(check) = group
        .commitment
        .and_then(|id| checks.iter().find(|c| c.id == id))
    else {
        return (String::new(), "tag--muted");
    };
    if !check.issues.is_empty() {
        return ("Hay un problema".to_owned(), "tag--red");
    }
    let parts: Vec<&str> = FichaPart::ALL
        .into_iter()
        .filter(|p| check.part_pending(*p))
        .map(part_name)
        .collect();
    if parts.is_empty() {
        ("Completo".to_owned(), "tag--done")
    } else {
        (format!("Falta: {}", parts.join("; ")), "tag--blue")
    }
}

/// One step's answers, in its fold; in "Compromisos", each commitment in a
/// fold of its own.
#[component]
fn SectionView(section: Section, index: usize, folds: Folds) -> impl IntoView {
    let state = use_app();
    let step = section.step;
    let unsaved = state.has_unsaved(step.unsaved_prefix());
    let required = untrack(|| QualityCounts(state.quality).required());
    let (status, tag) = state.checks.with_untracked(|checks| {
        state.plan.with_untracked(|p| {
            let status = step.status_checked(p, unsaved, required, checks);
            let tag = section
                .groups
                .iter()
                .map(|g| (commitment_fold(g), commitment_tag(checks, g)))
                .collect::<Vec<_>>();
            (status, tag)
        })
    });
    let (rows, missing) = section.counts();
    let commitments = section
        .groups
        .iter()
        .filter(|g| g.commitment.is_some())
        .count();
    let detail = match (step, commitments) {
        (crate::domain::Step::Commitments, n) if n > 0 => Some(format!(
            "{n} {}; {}",
            if n == 1 { "compromiso" } else { "compromisos" },
            missing_text(rows, missing).unwrap_or_default()
        )),
        _ => missing_text(rows, missing),
    };
    let (tag_text, modifier) = status_tag(status);
    let groups = section
        .groups
        .into_iter()
        .zip(tag)
        .map(|(g, (fold, tag))| match fold {
            Some(id) => {
                let title = match g.rows.first().and_then(|r| r.value.clone()) {
                    Some(name) => format!("{}: {name}", g.title.clone().unwrap_or_default()),
                    None => g.title.clone().unwrap_or_default(),
                };
                let detail = missing_text(g.all_rows().len(), g.missing());
                view! {
                    <Fold folds=folds id=id level=3 title=title tag=tag detail=detail>
                        {group_view(Group { title: None, ..g }, 4, true)}
                    </Fold>
                }
                .into_any()
            }
            None => group_view(g, 3, true),
        })
        .collect_view();
    view! {
        <Fold
            folds=folds
            id=step_fold(index)
            level=2
            title=section.title
            tag=(tag_text.to_owned(), modifier)
            detail=detail
        >
            {groups}
        </Fold>
    }
}

/// Id of the status paragraph, focused after marking or unmarking.
const STATUS_ID: &str = "estado-del-documento";

/// "Borrador" or "Versión final": what the plan is, what marking it final
/// needs, and the button that does it (or undoes it).
#[component]
fn FinalVersion() -> impl IntoView {
    let state = use_app();
    let mark = move |_| {
        let today = browser::now_local().date();
        let mut marked = false;
        state.edit_plan(|p| marked = p.mark_final(today).is_ok());
        if marked {
            request_animation_frame(|| focus_id(STATUS_ID));
        }
    };
    let unmark = move |_| {
        state.edit_plan(|p| p.unmark_final());
        request_animation_frame(|| focus_id(STATUS_ID));
    };
    let body = move || {
        // The checks and the quality review the app keeps: not made again.
        let required = QualityCounts(state.quality).required();
        let (status, missing) = state.checks.with(|checks| {
            state.plan.with(|p| {
                (
                    p.document_status(),
                    p.unfinished_for_final_checked(checks, required),
                )
            })
        });
        let status_text = match status {
            DocumentStatus::Final(on) => format!(
                "Este plan es la versión final desde el {}. El PDF y la versión para imprimir dicen «Versión final». Si cambia una respuesta, volverá a ser borrador.",
                format_date(on)
            ),
            DocumentStatus::ChangedSinceFinal(on) => format!(
                "Marcó este plan como versión final el {}, pero cambió después: ahora es un borrador y el PDF dice «Borrador». Si los cambios están bien, márquelo de nuevo como versión final.",
                format_date(on)
            ),
            DocumentStatus::Draft => "Este plan es un borrador: el PDF dice «Borrador». Cuando el espacio de coordinación lo apruebe, márquelo como versión final.".to_owned(),
        };
        let is_final = matches!(status, DocumentStatus::Final(_));
        let action = if is_final {
            view! {
                <button class="button button--secondary" type="button" on:click=unmark>
                    "Volver a borrador"
                </button>
            }
            .into_any()
        } else if missing.is_empty() {
            view! {
                <button class="button button--secondary" type="button" on:click=mark>
                    "Marcar como versión final"
                </button>
            }
            .into_any()
        } else {
            let items = missing
                .into_iter()
                .map(|t| view! { <li><a class="link" href=t.path()>{t.name()}</a></li> })
                .collect_view();
            view! {
                <p class="body">"Para marcarlo como versión final, complete antes:"</p>
                <ul class="list list--bullet">{items}</ul>
            }
            .into_any()
        };
        let class = if is_final {
            "inset inset--final"
        } else {
            "inset"
        };
        view! {
            <p class=class id=STATUS_ID tabindex="-1">{status_text}</p>
            {action}
        }
    };
    view! {
        <h2 class="heading-m">"Borrador o versión final"</h2>
        {body}
    }
}

/// Id of the notice about characters the PDF cannot draw (focused when shown).
pub const UNPRINTABLE_ID: &str = "caracteres-no-imprimibles";

/// "Hay caracteres que el PDF no puede mostrar": which, and where (each a link
/// to the page where the answer is changed), with "Exportar de todos modos".
#[component]
pub fn UnprintableNotice(findings: Vec<Finding>, export_anyway: Callback<()>) -> impl IntoView {
    let items = findings
        .into_iter()
        .map(|f| {
            let place = match &f.group {
                Some(g) => format!("{} · {}", f.step_title, g),
                None => f.step_title.clone(),
            };
            let chars = f
                .chars
                .iter()
                .map(|c| format!("«{c}»"))
                .collect::<Vec<_>>()
                .join(" ");
            view! {
                <li>
                    <a class="link" href=change_href(f.target)>{f.field}</a>
                    <span class="body">{format!(" ({place}): {chars}")}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="error-summary unprintable" id=UNPRINTABLE_ID tabindex="-1" aria-labelledby="caracteres-no-imprimibles-titulo">
            <h2 class="error-summary__title" id="caracteres-no-imprimibles-titulo">
                "Hay caracteres que el PDF no puede mostrar"
            </h2>
            <p class="body">
                "El tipo de letra del PDF no tiene estos caracteres (por ejemplo, emojis o letras de otros sistemas de escritura). Si exporta así, en el PDF y en la versión para imprimir cada uno aparecerá como «\u{FFFD}». Puede cambiarlos en estas respuestas:"
            </p>
            <ul class="error-summary__list">{items}</ul>
            <button class="button button--secondary" type="button" on:click=move |_| export_anyway.run(())>
                "Exportar de todos modos"
            </button>
        </div>
    }
}

/// An export that first looks for characters the PDF cannot draw: it starts at
/// once when there are none, otherwise after the notice's "Exportar de todos
/// modos" ([`UnprintableNotice`]). Shared by the plan and the readiness report.
#[derive(Clone, Copy)]
pub struct CheckedExport {
    /// The answers the PDF cannot draw, as found when the export was asked for.
    found: RwSignal<Option<Vec<Finding>>>,
    start: Callback<()>,
}

impl CheckedExport {
    pub fn new(start: impl Fn() + Send + Sync + 'static) -> Self {
        let found = RwSignal::new(None::<Vec<Finding>>);
        let start = Callback::new(move |()| {
            found.set(None);
            start();
        });
        Self { found, start }
    }

    /// Exports, or first says which characters and where: never a silent change.
    pub fn request(self, findings: Vec<Finding>) {
        if findings.is_empty() {
            self.start.run(());
        } else {
            self.found.set(Some(findings));
            request_animation_frame(|| focus_id(UNPRINTABLE_ID));
        }
    }

    /// The notice, while there is one to show.
    pub fn notice(self) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
        move || {
            self.found.get().map(|findings| {
                view! { <UnprintableNotice findings=findings export_anyway=self.start /> }
                    .into_any()
            })
        }
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let state = use_app();
    let export = Export::new();
    // Fetched while the person reads the plan, so that «Exportar PDF» does
    // not wait for the PDF engine's download.
    pdf_client::warm();
    let folds = Folds::new();
    let sections = move || {
        let today = browser::now_local().date();
        state.plan.with(|p| {
            summary(p, today)
                .into_iter()
                .enumerate()
                .map(|(i, s)| view! { <SectionView section=s index=i folds=folds /> })
                .collect_view()
        })
    };
    let open_all = move |_| {
        let today = browser::now_local().date();
        folds.set(state.plan.with(|p| every_fold(&summary(p, today))));
    };
    let close_all = move |_| folds.set(BTreeSet::new());
    let checked = CheckedExport::new(move || {
        // The PDF carries the draft, so «Abrir un borrador» can open it again.
        // It is shared and published: it carries the plan, not the half-typed
        // input of forms (that stays in this browser and in the JSON download).
        let mut envelope = state.envelope_now();
        envelope.unsaved.clear();
        let name = format!("{}.pdf", export::file_stem(&envelope.plan));
        // The document is built here, where the plan is; the worker only
        // draws it (so the PDF engine carries no plan model).
        let at = browser::now_local();
        export.start(move || Some(Prepared::plan(&envelope, at)), name);
    });
    let export_pdf = move |_| {
        let today = browser::now_local().date();
        checked.request(state.plan.with(|p| unprintable(p, today)));
    };
    let notice = checked.notice();
    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <PageHeading text="Revise su plan antes de exportarlo" caption="Revise y comparta" />
        <crate::ui::pages::progress::record_amendments::AmendmentNotices />
        <p class="body">"Estas son todas sus respuestas, por paso. Abra un paso para verlas; use «Cambiar» para corregir una y, al guardar, regresará a esta página."</p>
        <div class="button-group fold-controls">
            <button class="button button--secondary" type="button" on:click=open_all>"Abrir todo"</button>
            <button class="button button--secondary" type="button" on:click=close_all>"Cerrar todo"</button>
        </div>
        <div class="folds">{sections}</div>
        <h2 class="heading-m">"Revisión de calidad"</h2>
        <crate::ui::pages::quality::QualitySummary />
        <FinalVersion />
        <h2 class="heading-m">"Exporte y comparta"</h2>
        <p class="body">
            "Comparta el PDF con el espacio de coordinación para recibir comentarios. Quien lo reciba puede seguir editándolo: «Abrir un borrador» acepta el PDF."
        </p>
        <p class="body">
            <a class="link" href=paths::PRINT>"Ver versión para imprimir"</a>
        </p>
        <ExportStatus export=export />
        {notice}
        <div class="button-group">
            <button class="button" type="button" on:click=export_pdf>"Exportar PDF"</button>
            <button class="button button--secondary" type="button" on:click=move |_| download_draft()>
                "Descargar borrador (JSON)"
            </button>
        </div>
    }
}
