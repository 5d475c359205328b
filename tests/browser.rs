//! Browser tests (wasm-bindgen-test in headless Chromium): the form primitives'
//! ARIA wiring, the error summary's focus, and storage round trips.
//! Run by `make test` as `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]
// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::Router;
use plan_local_ga::domain::{Field, Plan, ProfileInput};
use plan_local_ga::persistence::browser::{self, Loaded, LEGACY_KEY, QUARANTINE_PREFIX};
use plan_local_ga::persistence::drafts::{self, DraftId, KeyValue as _};
use plan_local_ga::persistence::Envelope;
use plan_local_ga::state::AppState;
use plan_local_ga::ui::form::{to_fields, Form, TextField};
use plan_local_ga::ui::pages::profile::ProfilePage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for Leptos' async DOM updates and animation frames.
async fn settle() {
    leptos::task::tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 60);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    leptos::task::tick().await;
}

/// A fresh container element appended to `<body>`.
fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").expect("div");
    doc.body().expect("body").append_child(&el).expect("append");
    el.unchecked_into()
}

fn clear_storage() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        s.clear().expect("clear");
    }
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        s.clear().expect("clear");
    }
}

/// The draft this tab has open, read through the index as the app does.
fn open_draft() -> Loaded {
    let mut store = browser::store();
    let index = drafts::index(&mut store, browser::now_local()).expect("storage readable");
    let id = index
        .choose_open(browser::tab_draft())
        .expect("a draft is stored");
    drafts::load(&store, id)
}

/// Runs `AppState::init` inside a mounted root (its autosave needs the
/// reactive executor) and hands back what `look` reads from it.
fn with_state<T: 'static>(look: impl Fn(AppState) -> T + 'static) -> T {
    let seen = std::rc::Rc::new(std::cell::RefCell::new(None));
    let sink = seen.clone();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let state = AppState::init();
        *sink.borrow_mut() = Some(look(state));
    });
    root.remove();
    let value = seen.borrow_mut().take();
    value.expect("the state was read")
}

#[wasm_bindgen_test]
async fn text_field_has_label_hint_and_described_by() {
    let root = container();
    let form = Form::new(BTreeMap::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TextField form=form field=Field::PlanName label="Nombre del plan" hint="Por ejemplo «Plan 2025»." />
        }
    });
    settle().await;
    let input = root
        .query_selector("input#nombre-plan")
        .unwrap()
        .expect("input with the field's id");
    let label = root
        .query_selector("label[for='nombre-plan']")
        .unwrap()
        .expect("label for the input");
    assert_eq!(label.text_content().unwrap(), "Nombre del plan");
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("nombre-plan-hint")
    );
    assert!(root.query_selector("#nombre-plan-hint").unwrap().is_some());
    assert_eq!(input.get_attribute("aria-invalid"), None);

    // An error adds the inline message and wires it too.
    form.errors.set(vec![plan_local_ga::domain::FieldError::new(
        Field::PlanName,
        plan_local_ga::domain::Problem::Missing,
    )]);
    settle().await;
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("nombre-plan-hint nombre-plan-error")
    );
    let error = root
        .query_selector("#nombre-plan-error")
        .unwrap()
        .expect("inline error");
    assert!(error
        .text_content()
        .unwrap()
        .contains("Escriba el nombre del plan"));
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    root.remove();
}

#[wasm_bindgen_test]
async fn failed_save_shows_error_summary_and_moves_focus_to_it() {
    clear_storage();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(AppState::init());
        view! { <Router><ProfilePage /></Router> }
    });
    settle().await;
    assert!(
        root.query_selector("#resumen-errores").unwrap().is_none(),
        "no summary before saving"
    );
    let submit: web_sys::HtmlElement = root
        .query_selector("button[type='submit']")
        .unwrap()
        .expect("Guardar y continuar")
        .unchecked_into();
    assert_eq!(submit.text_content().unwrap(), "Guardar y continuar");
    submit.click();
    settle().await;

    let summary = root
        .query_selector("#resumen-errores")
        .unwrap()
        .expect("error summary");
    assert!(summary.text_content().unwrap().contains("Hay un problema"));
    let links = summary.query_selector_all("a").unwrap();
    assert_eq!(
        links.length(),
        4,
        "one link per missing field (kind, plan name, dates)"
    );
    assert!(summary
        .text_content()
        .unwrap()
        .contains("Seleccione el tipo de jurisdicción"));
    let active = document().active_element().expect("something has focus");
    assert_eq!(active.id(), "resumen-errores", "focus moves to the summary");
    assert!(document().title().starts_with("Error: "));

    // The summary's second link (plan name) moves focus to its field.
    let second: web_sys::HtmlElement = links.item(1).unwrap().unchecked_into();
    second.click();
    settle().await;
    assert_eq!(document().active_element().unwrap().id(), "nombre-plan");
    root.remove();
}

#[wasm_bindgen_test]
async fn typed_input_is_kept_in_the_draft_before_saving() {
    clear_storage();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(AppState::init());
        view! { <Router><ProfilePage /></Router> }
    });
    settle().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("#nombre-plan")
        .unwrap()
        .expect("plan name input")
        .unchecked_into();
    input.set_value("Plan de Acción Local de Gobierno Abierto de Querétaro");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    // Autosave waits for a pause in typing (600 ms).
    for _ in 0..15 {
        settle().await;
    }
    let Loaded::Draft(env) = open_draft() else {
        panic!("a draft was saved");
    };
    assert_eq!(
        env.unsaved["perfil"]["nombre-plan"],
        "Plan de Acción Local de Gobierno Abierto de Querétaro"
    );
    assert!(
        env.plan.profile.is_none(),
        "invalid input never enters the plan"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn local_storage_round_trip_keeps_the_plan_and_lists_it() {
    clear_storage();
    let input = ProfileInput {
        kind: "municipio".into(),
        state: "22".into(),
        municipality: "22014".into(),
        plan_name: "Plan de Acción Local — año «ñandú» ¿sí? ¡sí!".into(),
        start: "10/12/2025".into(),
        end: "31/08/2027".into(),
        term_end: "30/09/2027".into(),
        ..Default::default()
    };
    let plan = Plan {
        profile: Some(input.parse().expect("valid profile")),
        ..Default::default()
    };
    let mut unsaved = BTreeMap::new();
    unsaved.insert("perfil".to_owned(), to_fields(&input));
    let now = browser::now_local();
    let env = Envelope::new(plan, unsaved, now, 3);
    let mut store = browser::store();
    assert!(
        matches!(store, browser::Store::Local(_)),
        "localStorage is used"
    );
    let index = drafts::save(&mut store, DraftId(1), &env, now).expect("saved");
    assert_eq!(
        index.get(DraftId(1)).map(|e| e.name.as_str()),
        Some("Plan de Acción Local — año «ñandú» ¿sí? ¡sí!")
    );
    match open_draft() {
        Loaded::Draft(back) => assert_eq!(*back, env),
        other => panic!("expected the draft back, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn the_single_draft_of_an_earlier_version_opens_from_the_list() {
    clear_storage();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let legacy = include_str!("fixtures/borrador-v3.json");
    storage.set_item(LEGACY_KEY, legacy).unwrap();
    let (plan_name, id, listed) = with_state(|state| {
        (
            state.plan.with_untracked(|p| p.display_name().to_owned()),
            state.draft.get_untracked(),
            state.drafts.with_untracked(|d| d.drafts.len()),
        )
    });
    assert_eq!(
        plan_name,
        "Plan de Acción Local de Gobierno Abierto 2025-2027"
    );
    assert_eq!((id, listed), (DraftId(1), 1));
    assert_eq!(
        storage.get_item(LEGACY_KEY).unwrap(),
        None,
        "the old key is gone"
    );
    assert_eq!(
        storage.get_item(&DraftId(1).key()).unwrap().as_deref(),
        Some(legacy),
        "moved byte for byte"
    );
}

/// Mounts the app's state and keeps it alive (autosave runs) until the
/// handle is dropped.
fn mount_state() -> (impl Drop, AppState) {
    let seen = std::rc::Rc::new(std::cell::Cell::new(None));
    let sink = seen.clone();
    let root = container();
    let handle = leptos::mount::mount_to(root, move || {
        sink.set(Some(AppState::init()));
    });
    (handle, seen.get().expect("the state was created"))
}

/// Fills this origin's localStorage until not one more character fits; the
/// returned guard empties it again, also when the test fails.
fn fill_storage() -> impl Drop {
    struct Emptied;
    impl Drop for Emptied {
        fn drop(&mut self) {
            clear_storage();
        }
    }
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let mut n = 0;
    for size in [256 * 1024, 16 * 1024, 1024, 64, 1] {
        let chunk = "x".repeat(size);
        while storage.set_item(&format!("relleno-{n}"), &chunk).is_ok() {
            n += 1;
        }
        n += 1;
    }
    assert!(
        storage.set_item("uno-mas", "x").is_err(),
        "the quota is reached"
    );
    Emptied
}

const DAMAGED: &str =
    "{\"format\": \"plan-local-gobierno-abierto\", \"schema_version\": 1, \"plan\": {";

#[wasm_bindgen_test]
async fn unreadable_stored_draft_is_copied_aside_before_its_key_is_reused() {
    clear_storage();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key1 = DraftId(1).key();
    storage.set_item(&key1, DAMAGED).unwrap();
    let Loaded::Unreadable { raw, .. } = drafts::load(&browser::store(), DraftId(1)) else {
        panic!("a damaged draft must be reported, not replaced by an empty one");
    };
    assert_eq!(raw, DAMAGED);
    let (_mounted, state) = mount_state();
    // The autosave effect's first run (it only starts watching then).
    settle().await;
    let q = state
        .quarantined
        .get_untracked()
        .expect("the app says the draft was unreadable");
    assert_eq!(q.raw, DAMAGED);
    let key = q.key.expect("a copy was kept");
    assert!(key.starts_with(QUARANTINE_PREFIX));
    assert_eq!(storage.get_item(&key).unwrap().as_deref(), Some(DAMAGED));
    assert_eq!(
        browser::store().get(&key).unwrap().as_deref(),
        Some(DAMAGED),
        "read through the store as well"
    );
    // The original key, re-read: only now that the copy exists does an empty
    // draft take its place.
    let Loaded::Draft(empty) = drafts::load(&browser::store(), DraftId(1)) else {
        panic!("an empty draft in the damaged one's place");
    };
    assert_eq!(empty.plan, Plan::default());
    // Later saves write the key, never the copy.
    state.name.set(Some("Escrito después del daño".into()));
    settle().await;
    state.save_now();
    let Loaded::Draft(saved) = drafts::load(&browser::store(), DraftId(1)) else {
        panic!("the save is readable");
    };
    assert_eq!(
        saved.name.as_deref(),
        Some("Escrito después del daño"),
        "{:?}",
        state.status.get_untracked()
    );
    assert_eq!(storage.get_item(&key).unwrap().as_deref(), Some(DAMAGED));
}

#[wasm_bindgen_test]
async fn unreadable_stored_draft_is_never_overwritten_without_a_copy() {
    clear_storage();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key1 = DraftId(1).key();
    // Large, so that a copy of it cannot fit while a save over it (smaller)
    // could: only the app's refusal keeps it.
    let damaged = format!("{DAMAGED}\"notas\": \"{}", "x".repeat(200_000));
    storage.set_item(&key1, &damaged).unwrap();
    let _full = fill_storage();
    let (_mounted, state) = mount_state();
    // The autosave effect's first run (it only starts watching then).
    settle().await;
    let q = state
        .quarantined
        .get_untracked()
        .expect("the app says the draft was unreadable");
    assert_eq!(q.key, None, "no room for a copy");
    assert_eq!(
        storage.get_item(&key1).unwrap().as_deref(),
        Some(damaged.as_str()),
        "opening leaves it as it was"
    );
    // A change, its autosave scheduled, and a save forced now: refused.
    state
        .name
        .set(Some("Escrito sin lugar para la copia".into()));
    settle().await;
    state.save_now();
    assert_eq!(
        storage.get_item(&key1).unwrap().as_deref(),
        Some(damaged.as_str()),
        "a save does not overwrite it"
    );
    assert!(matches!(
        state.status.get_untracked(),
        plan_local_ga::state::SaveStatus::Failed(_)
    ));
    let copies = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .count();
    assert_eq!(copies, 0);
}

#[wasm_bindgen_test]
async fn municipality_search_ignores_accents_and_its_match_is_the_next_radio_by_tab() {
    clear_storage();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(AppState::init());
        view! { <Router><ProfilePage /></Router> }
    });
    settle().await;
    let municipio: web_sys::HtmlInputElement = root
        .query_selector("#tipo-jurisdiccion-municipio")
        .unwrap()
        .expect("municipio radio")
        .unchecked_into();
    municipio.click();
    settle().await;
    let state: web_sys::HtmlSelectElement = root
        .query_selector("select#estado")
        .unwrap()
        .expect("state select")
        .unchecked_into();
    state.set_value("22");
    state
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    let search: web_sys::HtmlInputElement = root
        .query_selector("input#municipio[type='search']")
        .unwrap()
        .expect("search box with the field's id")
        .unchecked_into();
    assert!(search
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("municipio-conteo"));
    let radios = root.query_selector_all("input[name='municipio']").unwrap();
    assert_eq!(radios.length(), 18, "Querétaro's 18 municipalities");
    search.set_value("queretaro");
    search
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    let radios = root.query_selector_all("input[name='municipio']").unwrap();
    assert_eq!(
        radios.length(),
        1,
        "accent-insensitive: «queretaro» finds «Querétaro»"
    );
    let only: web_sys::HtmlInputElement = radios.item(0).unwrap().unchecked_into();
    assert_eq!(only.value(), "22014");
    let label = root
        .query_selector("label[for='municipio-22014']")
        .unwrap()
        .expect("label");
    assert_eq!(label.text_content().unwrap(), "Querétaro");
    // Keyboard semantics, as far as a page script can see them (a script's
    // KeyboardEvent is untrusted: it neither moves focus nor checks a radio,
    // so the keys themselves are pressed in tests/e2e/plan.test.mjs). The
    // match is a native radio in a fieldset with a legend, and Tab from the
    // search box reaches it next: no element in between can take focus, and
    // no positive tabindex reorders the page.
    assert_eq!(only.type_(), "radio");
    let fieldset = only.closest("fieldset").unwrap().expect("in a fieldset");
    assert!(fieldset.query_selector("legend").unwrap().is_some());
    let focusable = root
        .query_selector_all("a[href], button, input, select, textarea, [tabindex]")
        .unwrap();
    let mut order = Vec::new();
    for i in 0..focusable.length() {
        let el: web_sys::HtmlElement = focusable.item(i).unwrap().unchecked_into();
        assert!(
            el.tab_index() <= 0,
            "positive tabindex on {}",
            el.outer_html()
        );
        let disabled = el.has_attribute("disabled");
        let hidden = el.get_attribute("type").as_deref() == Some("hidden");
        if el.tab_index() == 0 && !disabled && !hidden {
            order.push(el.id());
        }
    }
    let at = order
        .iter()
        .position(|id| id == "municipio")
        .expect("search box");
    assert_eq!(
        order.get(at + 1).map(String::as_str),
        Some("municipio-22014"),
        "Tab order after the search box: {order:?}"
    );
    // Space on a radio fires the same activation a click does.
    only.click();
    settle().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("Seleccionado: Querétaro"));
    root.remove();
}
