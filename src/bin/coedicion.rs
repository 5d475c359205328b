//! A section of the app fetched on demand: co-creation with others
//! ("Comparar versiones", "Combinar con otro borrador", "Observaciones"), a
//! bundle of its own that the page's loader picks for those addresses only
//! (see `crate::bundles`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    plan_local_ga::ui::mount_cocreation();
}
