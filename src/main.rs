//! The page's entry point: Trunk builds this binary for wasm32 and mounts the UI.
//! On other targets it does nothing (the native command is `otop-kpi`).

// The print's QR code (tested natively; drawn only by the page).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod qr;
#[cfg(target_arch = "wasm32")]
mod ui;

fn main() {
    #[cfg(target_arch = "wasm32")]
    ui::start();
}
