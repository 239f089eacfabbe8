//! The page's entry point: Trunk builds this binary for wasm32 and mounts the UI.
//! On other targets it does nothing (the native command is `otop-kpi`).

#[cfg(target_arch = "wasm32")]
mod ui;

fn main() {
    #[cfg(target_arch = "wasm32")]
    ui::start();
}
