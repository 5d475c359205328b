//! Question pages over the draft: a [`Form`] whose every change is kept in the
//! draft's unsaved input (so a reload loses nothing typed), and the shared
//! "Guardar y continuar" / "Guardar y volver más tarde" flow.

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::error::Reading;
use crate::domain::{FieldError, Plan, Problem};
use crate::state::use_app;
use crate::ui::form::Form;
use crate::ui::paths;

/// Query parameter that says where "Guardar y continuar" returns ("?volver=revisar").
pub const RETURN_PARAM: &str = "volver";
/// Its value for the check-your-answers page.
pub const RETURN_TO_REVIEW: &str = "revisar";
/// Its value for the quality review.
pub const RETURN_TO_QUALITY: &str = "calidad";

/// The form of question page `page`: the input typed earlier and not saved
/// yet, or else the plan's saved answers (`from_plan`), kept in the draft's
/// unsaved input as the person types (see [`draft_form`]).
pub fn page_form(page: &str, from_plan: impl FnOnce(&Plan) -> BTreeMap<String, String>) -> Form {
    let state = use_app();
    let initial = state
        .unsaved_for(page)
        .unwrap_or_else(|| state.plan.with_untracked(from_plan));
    draft_form(page.to_owned(), initial)
}

/// A form starting from `initial` whose changes are written to the draft's
/// unsaved input under `page`.
pub fn draft_form(page: String, initial: BTreeMap<String, String>) -> Form {
    let state = use_app();
    let form = Form::new(initial);
    let page = StoredValue::new(page);
    Effect::new(move |prev: Option<()>| {
        let values = form.values.get();
        if prev.is_some() {
            page.with_value(|k| state.set_unsaved(k, values));
        }
    });
    form
}

/// What "Guardar y continuar" (`run(false)`) and "Guardar y volver más tarde"
/// (`run(true)`) do on a question page. One type for every page, so the page
/// frame is compiled once rather than once per page.
#[derive(Clone)]
pub struct Submit(Rc<dyn Fn(bool)>);

impl Submit {
    pub fn run(&self, later: bool) {
        (self.0)(later)
    }
}

/// What a page gives to save: what stores it in the plan, the warnings to
/// show about what was saved, and the fields still empty.
struct ToSave {
    apply: Box<dyn FnOnce()>,
    warnings: Vec<FieldError>,
    missing: Vec<FieldError>,
}

/// Parses the page and, when it can be saved, returns [`ToSave`].
type ParseAndApply = Rc<dyn Fn() -> Result<ToSave, Vec<FieldError>>>;

/// What a page's parse gives: a strict `Result` (refused unless complete) or
/// a [`Reading`] (saved as it is; its problems other than empty fields, such
/// as a date outside the plan's period, are shown once after saving).
pub trait Saving<T> {
    /// The value, the warnings and the empty fields; or what blocks saving.
    #[allow(clippy::type_complexity)]
    fn saving(self) -> Result<(T, Vec<FieldError>, Vec<FieldError>), Vec<FieldError>>;
}

impl<T> Saving<T> for Result<T, Vec<FieldError>> {
    fn saving(self) -> Result<(T, Vec<FieldError>, Vec<FieldError>), Vec<FieldError>> {
        self.map(|v| (v, Vec::new(), Vec::new()))
    }
}

impl<T> Saving<T> for Reading<T> {
    fn saving(self) -> Result<(T, Vec<FieldError>, Vec<FieldError>), Vec<FieldError>> {
        let (missing, warnings): (Vec<FieldError>, Vec<FieldError>) = self
            .pending()
            .iter()
            .cloned()
            .partition(|e| e.problem == Problem::Missing);
        self.savable().map(|v| (v, warnings, missing))
    }
}

/// The submit handler of a question page. When `parse` succeeds, `apply`
/// stores the value, the page's unsaved input is dropped and the person goes
/// to `next` (or to the task list after "Guardar y volver más tarde"). When it
/// fails, "later" keeps the typed input (already in the draft) and returns to
/// the task list; "continue" shows the error summary. A second click while the
/// page is leaving is ignored.
pub fn save_handler<T: 'static, P: Saving<T>>(
    form: Form,
    page: String,
    next: impl Into<String>,
    parse: impl Fn() -> P + 'static,
    apply: impl Fn(T) + 'static,
) -> Submit {
    // Only this small shim is generic; the flow below is compiled once.
    let apply = Rc::new(apply);
    let step: ParseAndApply = Rc::new(move || {
        parse().saving().map(|(value, warnings, missing)| {
            let apply = apply.clone();
            ToSave {
                apply: Box::new(move || apply(value)),
                warnings,
                missing,
            }
        })
    });
    submit_flow(form, page, next.into(), step)
}

fn submit_flow(form: Form, page: String, next: String, step: ParseAndApply) -> Submit {
    let state = use_app();
    let navigate = use_navigate();
    // Coming from "Revise su plan" (a "Cambiar" link) or from the quality
    // review (a finding), continuing goes back there.
    let query = leptos_router::hooks::use_query_map();
    let back_to = query.with_untracked(|q| match q.get(RETURN_PARAM).as_deref() {
        Some(RETURN_TO_REVIEW) => Some(paths::REVIEW),
        Some(RETURN_TO_QUALITY) => Some(paths::QUALITY),
        _ => None,
    });
    let busy = StoredValue::new(false);
    Submit(Rc::new(move |later: bool| {
        if busy.get_value() {
            return;
        }
        // A page left entirely empty has nothing to save: "continue" says
        // what it asks for; "later" simply leaves.
        let blank = form
            .values
            .with_untracked(|v| v.values().all(|x| x.trim().is_empty()));
        match step() {
            Ok(ToSave { missing, .. }) if blank && !missing.is_empty() => {
                if later {
                    busy.set_value(true);
                    navigate(paths::TASKS, Default::default());
                } else {
                    form.show_errors(missing);
                }
            }
            Ok(ToSave {
                apply, warnings, ..
            }) => {
                apply();
                state.clear_unsaved(&page);
                // Saved; the first time, what to review is shown instead of leaving.
                let shown = form.saved_with_warnings.get_untracked()
                    && form.errors.with_untracked(|e| *e == warnings);
                if !later && !warnings.is_empty() && !shown {
                    form.show_warnings(warnings);
                    return;
                }
                busy.set_value(true);
                let to = if later {
                    paths::TASKS
                } else {
                    back_to.unwrap_or(next.as_str())
                };
                navigate(to, Default::default());
            }
            Err(_) if later => {
                busy.set_value(true);
                navigate(paths::TASKS, Default::default());
            }
            Err(errors) => form.show_errors(errors),
        }
    }))
}
