//! Binary entry point: mount the app (all logic lives in the library).

fn main() {
    #[cfg(target_arch = "wasm32")]
    plan_local_ga::ui::mount();
}
