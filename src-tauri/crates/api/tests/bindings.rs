//! The window's TypeScript types are generated from the Rust types that cross
//! the IPC, and the words for their codes from the Rust labels, never written
//! by hand. This test fails when the checked-in `ui/src/lib/bindings.ts` or
//! `ui/src/lib/labels.ts` is stale; `UPDATE_BINDINGS=1 cargo test -p
//! chungthu-api --test bindings` rewrites them.

use chungthu_api::audit_log::{AuditPage, AuditQuery, AuditRow};
use chungthu_api::backup::{BackupList, Recovered, Restored};
use chungthu_api::certs::{
    CertInput, CertQuery, CertStatus, CertView, Crossing, Dashboard, FileError, Holder, ImportChoice,
    ImportItem, ImportOutcome, ImportStatus, MatchKind, ProviderInput, StaffBrief, StatusCount,
};
use chungthu_api::export::{
    BatchView, CellAlign, ExportOutcome, ExportReview, FlagLevel, FormPage, PageColumn, PageGeometry,
    PageTable, ReviewRow, RowFlag,
};
use chungthu_api::import::{
    ColumnMapping, Conflict, FieldChange, FileFormat, HeaderCell, ImportCounts, ImportField, ImportProblem,
    Joiner, Leaver, MappedColumn, PersonChanges, ReconcilePlan, Returner,
};
use chungthu_api::import::{
    LeaverChoice, StaffImportChoices, StaffImportOutcome, StaffImportPreview, StaffImportProgress,
    StaffImportRequest, StaffImportStage,
};
use chungthu_api::mail::{
    DraftSaved, MailCompose, MailPreview, MailSettings, Placeholder, Queued, RetryReport,
};
use chungthu_api::mail::{Preset, Security, SmtpSettings, Template};
use chungthu_api::model::audit::AuditEntry;
use chungthu_api::model::backup::{BackupContent, BackupInfo, BackupReason};
use chungthu_api::model::batch::{Batch, BatchKind, BatchStatus, DateMode};
use chungthu_api::model::certificate::CertForm;
use chungthu_api::model::outbox::{OutboxFile, OutboxItem, OutboxState};
use chungthu_api::model::provider::{CertKind, Provider};
use chungthu_api::model::request::{RequestEvent, RequestKind, RequestStatus};
use chungthu_api::model::staff::{Staff, StaffPage, StaffQuery, StaffSummary};
use chungthu_api::model::unit::{SignerRole, Unit};
use chungthu_api::model::{Field, Gender, LeftReason, Problem, Severity, StaffInput, StaffStatus, VnDate};
use chungthu_api::requests::{
    BulkOutcome, BulkRequestInput, RequestInput, RequestQuery, RequestView, RevocationProposal, Skipped,
    StaffHistory,
};
use chungthu_api::staff::{Leaving, Saved};
use chungthu_api::{AppInfo, ErrorBody};
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::{Config, TS};

fn decl<T: TS>(cfg: &Config) -> String {
    format!("export {}\n", T::decl(cfg))
}

fn generate() -> String {
    // Ids and counts fit in a JS number; bigint would make the window awkward.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        decl::<AppInfo>(&cfg),
        decl::<ErrorBody>(&cfg),
        decl::<VnDate>(&cfg),
        decl::<Field>(&cfg),
        decl::<Severity>(&cfg),
        decl::<Problem>(&cfg),
        decl::<Gender>(&cfg),
        decl::<StaffStatus>(&cfg),
        decl::<LeftReason>(&cfg),
        decl::<StaffInput>(&cfg),
        decl::<Staff>(&cfg),
        decl::<StaffQuery>(&cfg),
        decl::<StaffPage>(&cfg),
        decl::<StaffSummary>(&cfg),
        decl::<Saved>(&cfg),
        decl::<Leaving>(&cfg),
        decl::<SignerRole>(&cfg),
        decl::<Unit>(&cfg),
        decl::<AuditEntry>(&cfg),
        decl::<CertKind>(&cfg),
        decl::<CertForm>(&cfg),
        decl::<CertStatus>(&cfg),
        decl::<Provider>(&cfg),
        decl::<ProviderInput>(&cfg),
        decl::<CertView>(&cfg),
        decl::<Holder>(&cfg),
        decl::<CertInput>(&cfg),
        decl::<CertQuery>(&cfg),
        decl::<StaffBrief>(&cfg),
        decl::<StatusCount>(&cfg),
        decl::<Dashboard>(&cfg),
        decl::<MatchKind>(&cfg),
        decl::<FileError>(&cfg),
        decl::<ImportItem>(&cfg),
        decl::<ImportChoice>(&cfg),
        decl::<ImportStatus>(&cfg),
        decl::<ImportOutcome>(&cfg),
        decl::<Crossing>(&cfg),
        decl::<RequestKind>(&cfg),
        decl::<RequestStatus>(&cfg),
        decl::<RequestEvent>(&cfg),
        decl::<RequestInput>(&cfg),
        decl::<BulkRequestInput>(&cfg),
        decl::<RequestQuery>(&cfg),
        decl::<RequestView>(&cfg),
        decl::<Skipped>(&cfg),
        decl::<BulkOutcome>(&cfg),
        decl::<RevocationProposal>(&cfg),
        decl::<StaffHistory>(&cfg),
        decl::<BackupReason>(&cfg),
        decl::<BackupContent>(&cfg),
        decl::<BackupInfo>(&cfg),
        decl::<BackupList>(&cfg),
        decl::<Restored>(&cfg),
        decl::<Recovered>(&cfg),
        decl::<AuditQuery>(&cfg),
        decl::<AuditRow>(&cfg),
        decl::<AuditPage>(&cfg),
        decl::<FileFormat>(&cfg),
        decl::<ImportField>(&cfg),
        decl::<MappedColumn>(&cfg),
        decl::<ColumnMapping>(&cfg),
        decl::<HeaderCell>(&cfg),
        decl::<ImportCounts>(&cfg),
        decl::<ImportProblem>(&cfg),
        decl::<Joiner>(&cfg),
        decl::<Leaver>(&cfg),
        decl::<Returner>(&cfg),
        decl::<FieldChange>(&cfg),
        decl::<PersonChanges>(&cfg),
        decl::<Conflict>(&cfg),
        decl::<ReconcilePlan>(&cfg),
        decl::<StaffImportRequest>(&cfg),
        decl::<LeaverChoice>(&cfg),
        decl::<StaffImportChoices>(&cfg),
        decl::<StaffImportPreview>(&cfg),
        decl::<StaffImportOutcome>(&cfg),
        decl::<StaffImportStage>(&cfg),
        decl::<StaffImportProgress>(&cfg),
        decl::<BatchKind>(&cfg),
        decl::<DateMode>(&cfg),
        decl::<BatchStatus>(&cfg),
        decl::<FlagLevel>(&cfg),
        decl::<RowFlag>(&cfg),
        decl::<ReviewRow>(&cfg),
        decl::<CellAlign>(&cfg),
        decl::<PageGeometry>(&cfg),
        decl::<PageColumn>(&cfg),
        decl::<PageTable>(&cfg),
        decl::<FormPage>(&cfg),
        decl::<Batch>(&cfg),
        decl::<BatchView>(&cfg),
        decl::<ExportReview>(&cfg),
        decl::<ExportOutcome>(&cfg),
        decl::<Security>(&cfg),
        decl::<SmtpSettings>(&cfg),
        decl::<Template>(&cfg),
        decl::<Preset>(&cfg),
        decl::<Placeholder>(&cfg),
        decl::<MailSettings>(&cfg),
        decl::<MailPreview>(&cfg),
        decl::<MailCompose>(&cfg),
        decl::<OutboxState>(&cfg),
        decl::<OutboxFile>(&cfg),
        decl::<OutboxItem>(&cfg),
        decl::<Queued>(&cfg),
        decl::<DraftSaved>(&cfg),
        decl::<RetryReport>(&cfg),
    ];
    format!(
        "// Generated from the Rust types by src-tauri/crates/api/tests/bindings.rs. Do not edit.\n\
         // Dates are \"yyyy-mm-dd\" strings.\n\n{}",
        decls.join("\n")
    )
}

/// `export const NAME: Record<Type, string> = { code: 'label', … };`, the
/// codes as serde spells them.
fn labels<T: Serialize + Copy>(name: &str, ts_type: &str, all: &[T], label: fn(T) -> &'static str) -> String {
    let entries: Vec<String> = all
        .iter()
        .map(|&v| {
            let code = serde_json::to_value(v).expect("an enum serialises");
            format!("  {}: '{}',\n", code.as_str().expect("a unit variant is a string"), label(v))
        })
        .collect();
    format!("export const {name}: Record<{ts_type}, string> = {{\n{}}};\n", entries.concat())
}

/// The Vietnamese words for the codes, so the window and the CLI say the same.
fn generate_labels() -> String {
    let records = [
        labels("CERT_STATUS_LABEL", "CertStatus", &CertStatus::ALL, CertStatus::label),
        labels("CERT_KIND_LABEL", "CertKind", &CertKind::ALL, CertKind::label),
        labels("REQUEST_STATUS_LABEL", "RequestStatus", &RequestStatus::ALL, RequestStatus::label),
        labels("GENDER_LABEL", "Gender", &Gender::ALL, Gender::label),
    ];
    format!(
        "// Generated from the Rust labels by src-tauri/crates/api/tests/bindings.rs. Do not edit.\n\n\
         import type {{ CertKind, CertStatus, Gender, RequestStatus }} from './bindings';\n\n{}",
        records.join("\n")
    )
}

/// Rewrites `file` (under ui/src/lib) with UPDATE_BINDINGS=1, else fails when it differs from `fresh`.
fn check_generated(file: &str, fresh: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/lib").join(file);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, fresh).expect("write the generated file");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/lib/{file} is stale: run `UPDATE_BINDINGS=1 cargo test -p chungthu-api --test bindings` and commit it"
    );
}

#[test]
fn checked_in_bindings_are_current() {
    check_generated("bindings.ts", &generate());
}

#[test]
fn checked_in_labels_are_current() {
    check_generated("labels.ts", &generate_labels());
}
