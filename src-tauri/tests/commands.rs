//! The window's command map (`ui/src/lib/commands.ts`: each command's name,
//! argument keys and types, and reply) is generated from the Rust commands
//! registered in `src/lib.rs`, never written by hand: a renamed command or
//! argument then fails the window's type check instead of a click at run
//! time. This test fails when the checked-in file is stale;
//! `UPDATE_BINDINGS=1 cargo test -p chungthu-app --test commands` rewrites it.
//!
//! Types map as serde sends them (integers → `number`, `Option<T>` →
//! `T | null`, `Vec<T>` → `T[]`, `PathBuf` → `string`); every other type is
//! one of the generated `bindings.ts`. Tauri's own parameters (`State`,
//! `AppHandle`) are not arguments, and keys are camelCase, as Tauri expects.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use syn::{FnArg, GenericArgument, Item, Pat, PathArguments, ReturnType, Type};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `module::command` (or `command`) as registered, in order.
fn registered(lib: &str) -> Vec<String> {
    let start = lib.find("generate_handler![").expect("src/lib.rs registers its commands")
        + "generate_handler![".len();
    let end = start + lib[start..].find(']').expect("generate_handler! is closed");
    lib[start..end].split(',').map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect()
}

fn parse(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The last segment of a path type and its generic arguments.
fn last_segment(ty: &Type) -> Option<(String, Vec<&Type>)> {
    let Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    let args = match &seg.arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| if let GenericArgument::Type(t) = g { Some(t) } else { None })
            .collect(),
        _ => Vec::new(),
    };
    Some((seg.ident.to_string(), args))
}

/// The TypeScript of a Rust type; names of bindings types go to `used`.
fn ts(ty: &Type, used: &mut BTreeSet<String>) -> String {
    match ty {
        Type::Tuple(t) if t.elems.is_empty() => return "null".into(),
        Type::Reference(r) => return ts(&r.elem, used),
        _ => {}
    }
    let (name, args) = last_segment(ty).unwrap_or_else(|| panic!("unsupported argument type in a command"));
    match (name.as_str(), args.as_slice()) {
        ("i32" | "i64" | "u16" | "u32" | "u64" | "usize" | "f64", []) => "number".into(),
        ("String" | "str" | "PathBuf", []) => "string".into(),
        ("bool", []) => "boolean".into(),
        ("Option", [inner]) => format!("{} | null", ts(inner, used)),
        ("Vec", [inner]) => {
            let inner = ts(inner, used);
            if inner.contains(' ') { format!("({inner})[]") } else { format!("{inner}[]") }
        }
        (other, []) => {
            used.insert(other.to_owned());
            other.to_owned()
        }
        (other, _) => panic!("a command uses {other}<…>, which this generator does not know: add it here"),
    }
}

/// Tauri's own parameters, which the window does not send.
fn injected(ty: &Type) -> bool {
    last_segment(ty)
        .is_some_and(|(name, _)| matches!(name.as_str(), "State" | "AppHandle" | "Window" | "WebviewWindow"))
}

/// `staff_id` → `staffId`, as Tauri renames command arguments.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// One line of the map for command `name` defined by `f`.
fn entry(name: &str, f: &syn::ItemFn, used: &mut BTreeSet<String>) -> String {
    let mut args = Vec::new();
    for input in &f.sig.inputs {
        let FnArg::Typed(arg) = input else { panic!("command {name} takes self") };
        if injected(&arg.ty) {
            continue;
        }
        let Pat::Ident(id) = &*arg.pat else { panic!("command {name}: an argument without a plain name") };
        args.push(format!("{}: {}", camel(&id.ident.to_string()), ts(&arg.ty, used)));
    }
    let ReturnType::Type(_, ret) = &f.sig.output else { panic!("command {name} returns nothing") };
    let reply = match last_segment(ret) {
        Some((wrapper, inner)) if wrapper == "Reply" && inner.len() == 1 => ts(inner[0], used),
        _ => panic!("command {name} must return Reply<T>, so its errors reach the window as ErrorBody"),
    };
    let args = if args.is_empty() {
        "Record<string, never>".to_owned()
    } else {
        format!("{{ {} }}", args.join("; "))
    };
    format!("  {name}: {{ args: {args}; reply: {reply} }};\n")
}

fn generate() -> String {
    let src = root().join("src");
    let lib_text = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let mut used = BTreeSet::new();
    let mut lines = String::new();
    for path in registered(&lib_text) {
        let (module, name) = path.rsplit_once("::").map_or(("lib", path.as_str()), |(m, n)| (m, n));
        let file = parse(&src.join(format!("{module}.rs")));
        let f = file
            .items
            .iter()
            .find_map(|i| match i {
                Item::Fn(f) if f.sig.ident == name => Some(f),
                _ => None,
            })
            .unwrap_or_else(|| panic!("command {path} is registered but not defined in src/{module}.rs"));
        lines.push_str(&entry(name, f, &mut used));
    }
    let imports: Vec<String> = used.into_iter().collect();
    format!(
        "// Generated from the Rust commands by src-tauri/tests/commands.rs. Do not edit.\n\n\
         import type {{ {} }} from './bindings';\n\n\
         /** Each command's arguments (camelCase keys of the Rust parameters) and reply. */\n\
         export type Commands = {{\n{lines}}};\n",
        imports.join(", ")
    )
}

#[test]
fn checked_in_command_map_is_current() {
    let path = root().join("../ui/src/lib/commands.ts");
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write commands.ts");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/lib/commands.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p chungthu-app --test commands` and commit it"
    );
}

#[test]
fn types_map_as_serde_sends_them() {
    let f: syn::ItemFn = syn::parse_quote! {
        pub async fn mail_send_now(app: AppHandle, state: State<'_, AppState>, batch_id: Option<i64>, files: Vec<Option<String>>, q: StaffQuery) -> Reply<Option<Vec<BackupInfo>>> { todo!() }
    };
    let mut used = BTreeSet::new();
    assert_eq!(
        entry("mail_send_now", &f, &mut used),
        "  mail_send_now: { args: { batchId: number | null; files: (string | null)[]; q: StaffQuery }; reply: BackupInfo[] | null };\n"
    );
    assert_eq!(used.into_iter().collect::<Vec<_>>(), ["BackupInfo", "StaffQuery"]);
}
