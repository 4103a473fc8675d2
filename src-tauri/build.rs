//! Tauri's build step, with the app's own commands declared as permissions
//! (`allow-<command>`): once declared, a command is callable only from a
//! window whose capability (capabilities/default.json) names it.
//!
//! The list is read from `generate_handler![…]` in src/lib.rs, so that it
//! cannot drift from the registered commands; tests/hardening.rs checks
//! that the capability allows exactly those.

fn main() {
    println!("cargo:rerun-if-changed=src/lib.rs");
    let lib = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs is readable");
    let commands: &'static [&'static str] = Vec::leak(
        registered_commands(&lib).into_iter().map(|c| &*String::leak(c)).collect::<Vec<&'static str>>(),
    );
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build");
}

/// The command names inside `generate_handler![…]` (module paths dropped).
fn registered_commands(lib: &str) -> Vec<String> {
    let start = lib.find("generate_handler![").expect("src/lib.rs registers its commands")
        + "generate_handler![".len();
    let end = start + lib[start..].find(']').expect("generate_handler! is closed");
    lib[start..end]
        .split(',')
        .map(|c| c.trim().rsplit("::").next().unwrap_or_default().to_owned())
        .filter(|c| !c.is_empty())
        .collect()
}
