//! A section of the app fetched on demand: "Articulación nacional"
//! (`/articulacion`), many local plans in one view, a bundle of its own that
//! the page's loader picks for that address only (see `crate::bundles`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    plan_local_ga::ui::mount_articulation();
}
