//! Question pages over the draft: a [`Form`] whose every change is kept in the
//! draft's unsaved input (so a reload loses nothing typed), and the shared
//! "Guardar y continuar" / "Guardar y volver más tarde" flow.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::FieldError;
use crate::state::use_app;
use crate::ui::form::Form;
use crate::ui::paths;

/// Query parameter that says where "Guardar y continuar" returns ("?volver=revisar").
pub const RETURN_PARAM: &str = "volver";
/// Its value for the check-your-answers page.
pub const RETURN_TO_REVIEW: &str = "revisar";

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

/// The submit handler of a question page; call it with `later = true` for
/// "Guardar y volver más tarde". When `parse` succeeds, `apply` stores the value,
/// the page's unsaved input is dropped and the person goes to `next` (or to the
/// task list when later). When it fails, "later" keeps the typed input (already
/// in the draft) and returns to the task list; "continue" shows the error
/// summary. A second click while the page is leaving is ignored.
pub fn save_handler<T: 'static>(
    form: Form,
    page: String,
    next: impl Into<String>,
    parse: impl Fn() -> Result<T, Vec<FieldError>> + 'static,
    apply: impl Fn(T) + 'static,
) -> impl Fn(bool) + Clone + 'static {
    let state = use_app();
    let navigate = use_navigate();
    // Coming from "Revise su plan" (a "Cambiar" link), continuing goes back there.
    let query = leptos_router::hooks::use_query_map();
    let back_to_review =
        query.with_untracked(|q| q.get(RETURN_PARAM).as_deref() == Some(RETURN_TO_REVIEW));
    let busy = StoredValue::new(false);
    let page = StoredValue::new(page);
    let next: StoredValue<String> = StoredValue::new(next.into());
    let parse = StoredValue::new_local(parse);
    let apply = StoredValue::new_local(apply);
    move |later: bool| {
        if busy.get_value() {
            return;
        }
        match parse.with_value(|parse| parse()) {
            Ok(value) => {
                busy.set_value(true);
                apply.with_value(|apply| apply(value));
                page.with_value(|k| state.clear_unsaved(k));
                let to = if later {
                    paths::TASKS.to_owned()
                } else if back_to_review {
                    paths::REVIEW.to_owned()
                } else {
                    next.get_value()
                };
                navigate(&to, Default::default());
            }
            Err(_) if later => {
                busy.set_value(true);
                navigate(paths::TASKS, Default::default());
            }
            Err(errors) => form.show_errors(errors),
        }
    }
}
