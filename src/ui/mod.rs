//! The page: a thin Leptos shell over the core. Components render state held in
//! signals and forward events; every rule lives in the library.

mod files;

use leptos::prelude::*;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    view! {
        <header class="app-header">
            <h1>"คำนวณตัวชี้วัด OTOP"</h1>
            <p class="subtitle">"ตัวชี้วัดที่ 1 ตลาดออนไลน์ · ตัวชี้วัดที่ 2 รายได้ — ไฟล์ทั้งหมดอ่านในเบราว์เซอร์นี้ ไม่มีการส่งข้อมูลออกไป"</p>
        </header>
        <main>
            <files::FilesPanel />
        </main>
    }
}
