//! The api is the only way in. The Tauri shell and the `chungthu` CLI depend
//! on `chungthu-api` (and `chungthu-model`, the vocabulary) only, and their
//! code never names the store, SQLite or another crate's internals; the api
//! re-exports none of those crates whole and no public item of it shows a
//! database connection. This test reads the manifests and the sources and
//! fails, naming the file and line, when a caller reaches past the api.

use std::path::{Path, PathBuf};

/// The crates a caller may depend on.
const CALLER_MAY_USE: [&str; 2] = ["chungthu-api", "chungthu-model"];

/// Names a caller's code must not contain: the crates behind the api, and
/// the paths by which the api once re-exported them.
const BEHIND_THE_API: [&str; 10] = [
    "chungthu_store",
    "rusqlite",
    "chungthu_import",
    "chungthu_mail",
    "chungthu_certs",
    "chungthu_forms",
    "chungthu_files",
    "chungthu_api::store",
    "chungthu_api::importer",
    "chungthu_api::mailer",
];

fn crates_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// (folder, name) of each caller.
fn callers() -> [(PathBuf, &'static str); 2] {
    [(crates_dir().join("../"), "the shell (src-tauri)"), (crates_dir().join("cli"), "the CLI")]
}

/// The package names under `[dependencies]` and `[build-dependencies]`
/// (dev-dependencies are the tests' business: they may open the file).
fn dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_deps = line == "[dependencies]" || line == "[build-dependencies]";
        } else if in_deps && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', '.', ' ']).next().unwrap_or_default();
            names.push(name.to_owned());
        }
    }
    names
}

/// What in `manifest` breaks the rule, for a caller.
fn forbidden_dependencies(manifest: &str) -> Vec<String> {
    dependencies(manifest)
        .into_iter()
        .filter(|d| (d.starts_with("chungthu-") && !CALLER_MAY_USE.contains(&d.as_str())) || d == "rusqlite")
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `file:line: text` of each line of `source` that names what is behind the api.
fn forbidden_names(file: &Path, source: &str) -> Vec<String> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| BEHIND_THE_API.iter().any(|name| line.contains(name)))
        .map(|(i, line)| format!("{}:{}: {}", file.display(), i + 1, line.trim()))
        .collect()
}

/// Public lines of the api that hand out a crate behind it or a connection.
fn leaking_api_lines(file: &Path, source: &str) -> Vec<String> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim_start();
            let whole_crate = line.starts_with("pub use ")
                && ["chungthu_store", "chungthu_import as", "chungthu_mail as", "rusqlite"]
                    .iter()
                    .any(|c| line.contains(c));
            let connection = line.starts_with("pub ")
                && (line.contains("Connection")
                    || line.contains("rusqlite")
                    || line.contains("chungthu_store"));
            whole_crate || connection
        })
        .map(|(i, line)| format!("{}:{}: {}", file.display(), i + 1, line.trim()))
        .collect()
}

#[test]
fn callers_depend_on_the_api_and_the_model_only() {
    for (dir, who) in callers() {
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("the caller's manifest");
        assert!(dependencies(&manifest).iter().any(|d| d == "chungthu-api"), "{who}: reads no dependencies");
        let wrong = forbidden_dependencies(&manifest);
        assert!(wrong.is_empty(), "{who} depends on {wrong:?}: call chungthu-api instead");
    }
}

#[test]
fn callers_name_nothing_behind_the_api() {
    for (dir, who) in callers() {
        let mut files = Vec::new();
        rust_files(&dir.join("src"), &mut files);
        assert!(!files.is_empty(), "{who}: no sources found");
        let found: Vec<String> = files
            .iter()
            .flat_map(|f| forbidden_names(f, &std::fs::read_to_string(f).expect("a source file")))
            .collect();
        assert!(found.is_empty(), "{who} reaches past the api:\n{}", found.join("\n"));
    }
}

#[test]
fn the_api_hands_out_no_store_and_no_connection() {
    let mut files = Vec::new();
    rust_files(&crates_dir().join("api/src"), &mut files);
    let found: Vec<String> = files
        .iter()
        .flat_map(|f| leaking_api_lines(f, &std::fs::read_to_string(f).expect("a source file")))
        .collect();
    assert!(found.is_empty(), "the api's public surface shows what is behind it:\n{}", found.join("\n"));
}

#[test]
fn the_model_stays_pure() {
    let manifest =
        std::fs::read_to_string(crates_dir().join("model/Cargo.toml")).expect("the model's manifest");
    let wrong: Vec<String> = dependencies(&manifest)
        .into_iter()
        .filter(|d| d.starts_with("chungthu-") || d == "rusqlite")
        .collect();
    assert!(wrong.is_empty(), "chungthu-model depends on {wrong:?}: it must stay pure");
}

#[test]
fn the_checks_see_what_they_look_for() {
    // Each rule once on a line that breaks it, so a checker that cannot fail shows here.
    let manifest = "[dependencies]\nchungthu-api.workspace = true\nchungthu-store = { path = \"x\" }\n\n[dev-dependencies]\nrusqlite.workspace = true\n";
    assert_eq!(forbidden_dependencies(manifest), ["chungthu-store"]);
    let file = Path::new("x.rs");
    assert_eq!(
        forbidden_names(
            file,
            "use chungthu_api::model::staff::Staff;\nuse chungthu_api::store::unit::Unit;\n"
        )
        .len(),
        1
    );
    assert_eq!(leaking_api_lines(file, "pub use chungthu_store as store;\npub fn conn(&self) -> &Connection {\nfn private(c: &Connection) {}\n").len(), 2);
}
