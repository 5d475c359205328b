//! The browser side of [`crate::bundles`]: reads the sections named in
//! index.html and hands an address this bundle does not serve to the one that
//! does (a full load of the same address, which the page's loader sends to the
//! right bundle). The draft is saved before the page goes (`pagehide`,
//! `state`), so nothing typed is lost on the way, and the receiving bundle
//! moves the focus to the new page's heading as on any change of page.

use leptos::prelude::*;

use crate::bundles::{self, Section};
use crate::ui::pages::not_found::NotFound;
use crate::ui::pdf_client;

/// Session key naming the address being handed over, read (and removed) by
/// the bundle that receives it.
const HANDED_KEY: &str = "plan-local-ga/entrega";

/// Session key of a confirmation for a page another bundle serves: its path,
/// a line break, the text. Read (and removed) as a bundle starts.
const FLASH_KEY: &str = "plan-local-ga/aviso";

/// Shows `message` on the page at `path` even when another bundle serves it
/// (the state's own flash lives in this bundle's memory only).
pub fn flash_across(path: &str, message: &str) {
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.set_item(FLASH_KEY, &format!("{path}\n{message}"));
    }
}

/// The confirmation left by [`flash_across`], once.
pub fn take_flash() -> Option<(String, String)> {
    let s = web_sys::window()?.session_storage().ok().flatten()?;
    let text = s.get_item(FLASH_KEY).ok().flatten()?;
    let _ = s.remove_item(FLASH_KEY);
    let (path, message) = text.split_once('\n')?;
    Some((path.to_owned(), message.to_owned()))
}

thread_local! {
    /// The address this page received from another bundle, if it did.
    static ARRIVED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn current_address(location: &web_sys::Location) -> String {
    format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    )
}

/// Called once as the bundle starts: whether another bundle handed this
/// address over (a link followed inside the app, so the page's heading takes
/// the focus as on any other page change).
pub fn arrive() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let Some(storage) = w.session_storage().ok().flatten() else {
        return false;
    };
    let handed = storage.get_item(HANDED_KEY).ok().flatten();
    let _ = storage.remove_item(HANDED_KEY);
    let here = current_address(&w.location());
    let arrived = handed.is_some_and(|h| h == here);
    if arrived {
        ARRIVED.with(|a| *a.borrow_mut() = Some(here));
    }
    arrived
}

/// The sections index.html names.
pub fn sections() -> Vec<Section> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("meta[name=\"section\"]").ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| {
            use wasm_bindgen::JsCast;
            n.dyn_into::<web_sys::Element>()
                .ok()?
                .get_attribute("content")
        })
        .filter_map(|c| bundles::parse(&c))
        .collect()
}

/// Every route table's fallback: hands the address over when another bundle
/// serves it (`own`: this bundle's section, `None` for the drafting app),
/// otherwise "not found".
#[component]
pub fn Elsewhere(own: Option<&'static str>) -> impl IntoView {
    // The router's location: on a link followed inside the app, the browser's
    // address may not show the new path yet when this renders.
    let route = leptos_router::hooks::use_location();
    let path = route.pathname.get_untracked();
    let search = route.search.get_untracked();
    let hash = route.hash.get_untracked();
    let handed = web_sys::window().and_then(|w| {
        let location = w.location();
        let sections = sections();
        let target = bundles::serving(&path, &sections);
        if target == own {
            return None;
        }
        let search = if search.is_empty() || search.starts_with('?') {
            search
        } else {
            format!("?{search}")
        };
        let hash = if hash.is_empty() || hash.starts_with('#') {
            hash
        } else {
            format!("#{hash}")
        };
        let address = format!("{path}{search}{hash}");
        // This bundle received the address and does not serve it: the
        // loader and the bundles disagree, so say "not found" rather than
        // send it back.
        if ARRIVED.with(|a| a.borrow().as_deref() == Some(address.as_str())) {
            return None;
        }
        if let Some(s) = w.session_storage().ok().flatten() {
            let _ = s.set_item(HANDED_KEY, &address);
        }
        // An export under way would be lost with the page: leave once its
        // PDF is downloaded.
        let exporting = pdf_client::exporting();
        leave_when_exported(location, address);
        Some(exporting)
    });
    match handed {
        Some(true) => view! {
            <p class="body" role="status">"Terminando de preparar su PDF; después se abre la página…"</p>
        }
        .into_any(),
        Some(false) => view! { <p class="body" role="status">"Cargando…"</p> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// Replaces the page with `address` as soon as no export is under way.
fn leave_when_exported(location: web_sys::Location, address: String) {
    if pdf_client::exporting() {
        set_timeout(
            move || leave_when_exported(location, address),
            std::time::Duration::from_millis(200),
        );
    } else {
        let _ = location.replace(&address);
    }
}
