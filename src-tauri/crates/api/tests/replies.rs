//! The window's component tests answer from a fake backend. Where a test
//! checks what the api says (its words, its numbers), the fake answers with
//! what the real api answered here, never with wording of its own. This
//! test fails when the checked-in `ui/src/test/api-replies.json` is stale;
//! `UPDATE_BINDINGS=1 cargo test -p chungthu-api --test replies` rewrites it.

use chungthu_api::Api;
use chungthu_api::model::{StaffInput, VnDate};
use serde_json::json;
use std::path::PathBuf;

fn replies() -> String {
    let dir = tempfile::tempdir().unwrap();
    let today = || VnDate::from_ymd(2026, 11, 23).unwrap();
    let api = Api::open(&dir.path().join("t.db")).unwrap().with_today(today);
    // A new person's form with only a short CCCD typed (StaffPanel.test.ts).
    let short_cccd = StaffInput { cccd: "0311970".into(), ..StaffInput::default() };
    let replies = json!({
        "staff_check_short_cccd": {
            "args": { "input": short_cccd, "id": null },
            "reply": api.check_staff(&short_cccd, None).unwrap(),
        },
    });
    format!("{}\n", serde_json::to_string_pretty(&replies).unwrap())
}

#[test]
fn checked_in_replies_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/test/api-replies.json");
    let fresh = replies();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write replies");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/test/api-replies.json is stale: run `UPDATE_BINDINGS=1 cargo test -p chungthu-api --test replies` and commit it"
    );
}
