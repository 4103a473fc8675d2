//! Any bytes given as a staff export (.xlsx, .xls, .ods, .csv): a report or
//! an `ImportError`, within the limits — never an abort, a runaway
//! allocation or a hang.
//!
//! The importer catches panics of the spreadsheet reader (calamine) on
//! purpose and turns them into "file damaged"; those are not findings here.
//! A panic anywhere else (our own code) still aborts, as libFuzzer expects.
#![no_main]

use chungthu_import::{ImportOptions, import_bytes};
use chungthu_model::VnDate;
use libfuzzer_sys::fuzz_target;
use std::sync::Once;

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_reader = info.location().is_some_and(|l| l.file().contains("/calamine-"));
            if !in_reader {
                previous(info);
                std::process::abort();
            }
        }));
    });
    let today = VnDate::from_ymd(2026, 11, 23).expect("a real date");
    let _ = import_bytes(data, &ImportOptions::new(today));
});
