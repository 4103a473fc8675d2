//! The window's security settings may only be loosened on purpose. This
//! test reads `tauri.conf.json`, every `capabilities/*.json` and the
//! commands registered in `src/lib.rs`, and fails when:
//! - the CSP gains a remote origin, a wildcard, `'unsafe-eval'`, inline
//!   scripts, or loses one of its closing directives;
//! - a capability gains a permission that is not in [`ALLOWED`] below (or a
//!   scoped one with a wider scope), or applies to other windows or remote
//!   pages;
//! - the app's own commands and their `allow-…` permissions disagree (a
//!   command the window cannot call, or a permission for no command).
//!
//! To allow something new (a plugin permission), add it to [`ALLOWED`] with
//! the reason, in the same change that needs it: that line is what a review
//! looks at.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Plugin and core permissions the window may hold, with why. A scoped
/// permission lists the exact scope allowed (as JSON); `None` means the
/// permission must be given without a scope object.
const ALLOWED: &[(&str, Option<&str>, &str)] = &[
    ("core:event:allow-listen", None, "progress events of long imports"),
    ("core:event:allow-unlisten", None, "stop listening when the page closes"),
    ("dialog:allow-open", None, "choose a spreadsheet or certificate file to import"),
    ("dialog:allow-save", None, "choose where a Word/Excel form is saved"),
    ("opener:allow-reveal-item-in-dir", None, "show a saved form in its folder"),
    (
        "opener:allow-open-path",
        Some(r#"[{"path":"**/*.docx"},{"path":"**/*.xlsx"}]"#),
        "open a saved form in Word or Excel, and nothing else",
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// What is wrong with a CSP, in words (empty when it is strict enough).
fn csp_problems(csp: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut directives = std::collections::BTreeMap::new();
    for part in csp.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let mut words = part.split_whitespace();
        let name = words.next().unwrap_or_default().to_ascii_lowercase();
        let sources: Vec<String> = words.map(str::to_owned).collect();
        directives.insert(name, sources);
    }
    for (name, sources) in &directives {
        for s in sources {
            let lower = s.to_ascii_lowercase();
            let tauri_ipc = name == "connect-src" && (lower == "ipc:" || lower == "http://ipc.localhost");
            if lower.contains('*') {
                problems.push(format!("{name}: wildcard {s}"));
            } else if lower == "'unsafe-eval'" || lower == "'wasm-unsafe-eval'" || lower == "'unsafe-hashes'"
            {
                problems.push(format!("{name}: {s} runs code built from strings"));
            } else if lower.contains("://") && !tauri_ipc {
                problems.push(format!("{name}: remote origin {s} (the app is offline)"));
            } else if ["http:", "https:", "ws:", "wss:", "ftp:"].contains(&lower.as_str()) {
                problems.push(format!("{name}: any {s} origin"));
            } else if lower.ends_with(':') && !tauri_ipc && !(name == "img-src" && lower == "data:") {
                problems.push(format!("{name}: scheme {s}"));
            }
            if (name == "script-src" || name == "default-src") && lower == "'unsafe-inline'" {
                problems.push(format!("{name}: inline scripts"));
            }
        }
    }
    for (name, expected) in [
        ("default-src", "'self'"),
        ("script-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'none'"),
        ("frame-ancestors", "'none'"),
        ("form-action", "'none'"),
    ] {
        if directives.get(name).map(|s| s.join(" ")) != Some(expected.to_owned()) {
            problems.push(format!("{name} must be exactly {expected}"));
        }
    }
    problems
}

#[test]
fn the_csp_is_strict_and_local() {
    let conf = read_json(&root().join("tauri.conf.json"));
    let security = &conf["app"]["security"];
    let csp = security["csp"].as_str().expect("a CSP string in app.security.csp");
    assert_eq!(csp_problems(csp), Vec::<String>::new(), "tauri.conf.json CSP");
    for key in
        ["dangerousDisableAssetCspModification", "devCsp", "assetProtocol", "dangerousRemoteDomainIpcAccess"]
    {
        assert!(security.get(key).is_none_or(Value::is_null), "app.security.{key} loosens the window");
    }
    assert!(
        conf["app"].get("withGlobalTauri").is_none_or(|v| v == false),
        "no global __TAURI__ for any script"
    );
}

#[test]
fn the_csp_check_itself_catches_loosening() {
    let good = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
                connect-src ipc: http://ipc.localhost; object-src 'none'; base-uri 'none'; form-action 'none'; \
                frame-ancestors 'none'";
    assert_eq!(csp_problems(good), Vec::<String>::new());
    for bad in [
        good.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
        good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
        good.replace("img-src 'self' data:", "img-src 'self' data: https://cdn.example.vn"),
        good.replace("connect-src ipc:", "connect-src ipc: https:"),
        good.replace("connect-src ipc:", "connect-src ipc: *"),
        good.replace("style-src 'self'", "style-src 'self' https://fonts.googleapis.com"),
        good.replace("default-src 'self'", "default-src *"),
        good.replace("script-src 'self'", "script-src 'self' blob:"),
        good.replace("; object-src 'none'", ""),
        good.replace("frame-ancestors 'none'", "frame-ancestors 'self' https://*.example.vn"),
    ]
    .into_iter()
    .enumerate()
    {
        let (i, bad) = bad;
        assert_ne!(bad, good, "case {i} changes the CSP");
        assert!(!csp_problems(&bad).is_empty(), "must be refused: {bad}");
    }
}

/// The command names in `generate_handler![…]`, as permissions name them.
fn registered_commands() -> BTreeSet<String> {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let start = lib.find("generate_handler![").expect("commands are registered") + "generate_handler![".len();
    let end = start + lib[start..].find(']').unwrap();
    lib[start..end]
        .split(',')
        .map(|c| c.trim().rsplit("::").next().unwrap_or_default().replace('_', "-"))
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn capabilities_hold_only_the_reviewed_permissions_and_every_command() {
    let dir = root().join("capabilities");
    let mut app_permissions = BTreeSet::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        files += 1;
        let cap = read_json(&path);
        let name = path.display();
        assert!(cap.get("remote").is_none_or(Value::is_null), "{name}: no remote page may use the IPC");
        assert_eq!(cap["windows"], serde_json::json!(["main"]), "{name}: only the main window");
        assert!(cap.get("webviews").is_none_or(Value::is_null), "{name}: no other webview");
        for p in cap["permissions"].as_array().expect("a permissions list") {
            let (id, scope) = match p {
                Value::String(id) => (id.as_str(), None),
                Value::Object(o) => {
                    let id = o["identifier"].as_str().expect("identifier");
                    assert!(
                        o.get("deny").is_none_or(Value::is_null) || o.get("allow").is_some(),
                        "{name}: {id}"
                    );
                    (id, o.get("allow").cloned())
                }
                other => panic!("{name}: unexpected permission {other}"),
            };
            if let Some(command) = id.strip_prefix("allow-") {
                assert!(scope.is_none(), "{name}: {id} takes no scope");
                app_permissions.insert(command.to_owned());
                continue;
            }
            let Some((_, allowed_scope, _)) = ALLOWED.iter().find(|(a, _, _)| *a == id) else {
                panic!(
                    "{name}: permission {id} is not in the reviewed list (src-tauri/tests/hardening.rs ALLOWED). \
                     If the window really needs it, add it there with the reason."
                );
            };
            let expected: Option<Value> = allowed_scope.map(|s| serde_json::from_str(s).unwrap());
            assert_eq!(scope, expected, "{name}: {id} with another scope than the reviewed one");
        }
    }
    assert!(files >= 1, "capabilities/*.json");

    let commands = registered_commands();
    let missing: Vec<_> = commands.difference(&app_permissions).collect();
    assert!(
        missing.is_empty(),
        "commands the window cannot call — add \"allow-<name>\" to capabilities/default.json: {missing:?}"
    );
    let stray: Vec<_> = app_permissions.difference(&commands).collect();
    assert!(stray.is_empty(), "allow-… for commands that are not registered in src/lib.rs: {stray:?}");
}

#[test]
fn the_app_commands_are_declared_so_that_unlisted_ones_are_denied() {
    let build = std::fs::read_to_string(root().join("build.rs")).unwrap();
    assert!(
        build.contains("app_manifest") && build.contains(".commands("),
        "build.rs declares the app's commands (without it, every command is allowed to every page)"
    );
}
