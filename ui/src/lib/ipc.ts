// The window's only door to the backend: the Tauri commands of
// src-tauri/src/lib.rs, typed with the generated bindings. Every failure
// arrives as an `IpcError` carrying the backend's `{code, message, problems}`,
// so components act on `code`, never on the words.

import { invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  AuditPage,
  AuditQuery,
  BackupInfo,
  BackupList,
  Recovered,
  Restored,
  BulkOutcome,
  BulkRequestInput,
  CertInput,
  CertQuery,
  CertView,
  Dashboard,
  ImportChoice,
  ImportItem,
  ImportOutcome,
  Provider,
  ProviderInput,
  RequestInput,
  RequestQuery,
  RequestStatus,
  RequestView,
  RevocationProposal,
  StaffHistory,
  BatchFacts,
  DraftSaved,
  MailCompose,
  MailPreview,
  MailSettings,
  OutboxItem,
  Queued,
  SmtpSettings,
  Template,
  BatchKind,
  BatchView,
  DateMode,
  ExportOutcome,
  ExportReview,
  ErrorBody,
  StaffImportChoices,
  StaffImportOutcome,
  StaffImportPreview,
  StaffImportRequest,
  Leaving,
  Problem,
  Saved,
  Staff,
  StaffInput,
  StaffPage,
  StaffQuery,
  StaffSummary,
  Unit,
} from './bindings';

/** Each command's arguments (camelCase keys of the Rust parameters) and reply. */
export type Commands = {
  app_info: { args: Record<string, never>; reply: AppInfo };
  unit_get: { args: Record<string, never>; reply: Unit };
  unit_save: { args: { unit: Unit }; reply: Unit };
  staff_list: { args: { query: StaffQuery }; reply: StaffPage };
  staff_summary: { args: Record<string, never>; reply: StaffSummary };
  staff_get: { args: { id: number }; reply: Staff };
  staff_check: { args: { input: StaffInput; id: number | null }; reply: Problem[] };
  staff_add: { args: { input: StaffInput }; reply: Saved };
  staff_edit: { args: { id: number; input: StaffInput }; reply: Saved };
  staff_mark_left: { args: { id: number; leaving: Leaving }; reply: Staff };
  staff_reinstate: { args: { id: number }; reply: Staff };
  staff_delete: { args: { id: number }; reply: null };
  staff_import_preview: { args: { request: StaffImportRequest }; reply: StaffImportPreview };
  staff_import_apply: { args: { request: StaffImportRequest; choices: StaffImportChoices }; reply: StaffImportOutcome };
  mail_settings_get: { args: Record<string, never>; reply: MailSettings };
  mail_settings_save: { args: { smtp: SmtpSettings; template: Template }; reply: MailSettings };
  mail_password_save: { args: { password: string }; reply: null };
  mail_password_forget: { args: Record<string, never>; reply: null };
  mail_batches: { args: Record<string, never>; reply: BatchFacts[] };
  mail_preview: { args: { batchId: number | null }; reply: MailPreview };
  mail_pick_files: { args: Record<string, never>; reply: string[] };
  mail_queue: { args: { compose: MailCompose }; reply: Queued };
  mail_send_now: { args: { id: number; password: string | null }; reply: OutboxItem };
  mail_draft_save: { args: { compose: MailCompose }; reply: DraftSaved | null };
  outbox_list: { args: Record<string, never>; reply: OutboxItem[] };
  outbox_cancel: { args: { id: number }; reply: OutboxItem };
  outbox_resend: { args: { id: number }; reply: OutboxItem };
  outbox_confirm_sent: { args: { id: number }; reply: OutboxItem };
  export_review: { args: { kind: BatchKind; dateMode: DateMode }; reply: ExportReview };
  export_write: {
    args: { kind: BatchKind; out: string; dateMode: DateMode; xlsx: string | null };
    reply: ExportOutcome;
  };
  export_again: { args: { batchId: number; out: string }; reply: ExportOutcome };
  batch_list: { args: Record<string, never>; reply: BatchView[] };
  cert_list: { args: { query: CertQuery }; reply: CertView[] };
  cert_add: { args: { input: CertInput }; reply: CertView };
  cert_edit: { args: { id: number; input: CertInput }; reply: CertView };
  cert_mark_revoked: { args: { id: number; on: string }; reply: CertView };
  provider_list: { args: Record<string, never>; reply: Provider[] };
  provider_add: { args: { input: ProviderInput }; reply: Provider };
  provider_edit: { args: { id: number; input: ProviderInput }; reply: Provider };
  cert_import_preview: { args: { paths: string[] }; reply: ImportItem[] };
  cert_import_apply: { args: { choices: ImportChoice[] }; reply: ImportOutcome[] };
  cert_pick_files: { args: Record<string, never>; reply: string[] };
  cert_pick_folder: { args: Record<string, never>; reply: string | null };
  dashboard: { args: Record<string, never>; reply: Dashboard };
  reminder_days_save: { args: { days: number[] }; reply: number[] };
  calendar_export: { args: Record<string, never>; reply: number | null };
  request_add: { args: { input: RequestInput }; reply: RequestView };
  request_add_many: { args: { input: BulkRequestInput }; reply: BulkOutcome };
  request_list: { args: { query: RequestQuery }; reply: RequestView[] };
  request_move: { args: { id: number; to: RequestStatus; note: string }; reply: RequestView };
  request_delete: { args: { id: number }; reply: null };
  revocation_proposals: { args: { staffId: number }; reply: RevocationProposal[] };
  staff_history: { args: { staffId: number }; reply: StaffHistory };
  backup_list: { args: Record<string, never>; reply: BackupList };
  backup_now: { args: Record<string, never>; reply: BackupInfo };
  backup_restore: { args: { fileName: string }; reply: Restored };
  backup_dir_choose: { args: Record<string, never>; reply: BackupList | null };
  backup_dir_reset: { args: Record<string, never>; reply: BackupList };
  audit_search: { args: { query: AuditQuery }; reply: AuditPage };
  audit_export: { args: { query: AuditQuery }; reply: string | null };
  staff_export_personal: { args: { id: number }; reply: string | null };
  staff_erase_personal: { args: { id: number }; reply: Staff };
  recovery_backups: { args: Record<string, never>; reply: BackupInfo[] };
  recovery_restore: { args: { fileName: string }; reply: Recovered };
};

export type Command = keyof Commands;

/** A command that failed; `body` is what the backend said. */
export class IpcError extends Error {
  readonly body: ErrorBody;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'IpcError';
    this.body = body;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

/** Whatever the IPC threw, as an ErrorBody (a bare string comes from Tauri itself). */
export function errorBody(e: unknown): ErrorBody {
  if (e instanceof IpcError) return e.body;
  if (isErrorBody(e)) return { code: e.code, message: e.message, problems: e.problems ?? [] };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    message: `Chương trình gặp lỗi không mong đợi (${detail}). Hãy đóng và mở lại ChungThu; nếu vẫn lỗi, báo cho người hỗ trợ.`,
    problems: [],
  };
}

/** Calls one backend command. */
export async function call<C extends Command>(
  command: C,
  ...args: Commands[C]['args'] extends Record<string, never> ? [] : [Commands[C]['args']]
): Promise<Commands[C]['reply']> {
  try {
    return await invoke<Commands[C]['reply']>(command, args[0] ?? {});
  } catch (e) {
    throw new IpcError(errorBody(e));
  }
}
