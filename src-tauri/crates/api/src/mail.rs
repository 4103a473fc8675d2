//! Sending the lists by e-mail: SMTP settings and templates (in the
//! `setting` table; the password only in the OS credential store), the
//! outbox (queue, attempt, back-off, cancel, resend), and `.eml` drafts.
//!
//! An attempt is three steps so that a window never waits on the network
//! while holding the register: [`Api::claim_outbox`] commits `sending`
//! before any SMTP, the delivery talks to the server with no database at
//! hand, and [`Api::record_delivery`] writes the outcome. [`send_now`] and
//! [`send_due`] run those steps for the window and the CLI alike, through
//! [`ApiAccess`] (the window's lock, or the CLI's own `Api`). The states
//! and their moves are drawn in `chungthu_store::outbox`.

use crate::requests::transition;
use crate::{Api, ApiError, Result};
use chungthu_mail::attachment::{SIZE_WARNING_BYTES, too_large};
use chungthu_mail::compose::{new_message_id, parse_recipients};
use chungthu_mail::settings::presets;
use chungthu_mail::template::PLACEHOLDERS;
use chungthu_mail::{Attachment, FileKind, Outgoing, TemplateValues, Transport, credential};
/// The mailer's types that settings, attempts and their errors carry.
pub use chungthu_mail::{MailError, Password, Preset, Security, Sent, SmtpSettings, Template};
use chungthu_model::VnDate;
use chungthu_model::digest::sha256_hex;
use chungthu_model::outbox::{BatchFacts, OutboxItem, OutboxState};
use chungthu_model::request::RequestStatus;
use chungthu_store::outbox::{self as table, NewFile, NewMessage};
use chungthu_store::{audit, setting, unit};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::Duration;
use time::OffsetDateTime;
use ts_rs::TS;

/// Setting keys (never a password).
const SMTP_KEY: &str = "mail.smtp";
const TEMPLATE_KEY: &str = "mail.template";
const RECIPIENTS_KEY: &str = "mail.recipients";

/// Why a row left `sending` by a stop of the program is now `uncertain`.
pub const INTERRUPTED: &str = "Chương trình đã dừng khi đang gửi thư này: có thể đã gửi — hãy kiểm tra hộp thư đã gửi trước khi gửi lại.";

/// The longest one attempt can take (connecting, TLS, sending 25 MB over a
/// slow school line, each step with its own timeout): a message `sending`
/// for longer was interrupted, not still under way.
pub const LONGEST_SEND: Duration = Duration::from_secs(60 * 60);

/// Waits after the 1st, 2nd… failed attempt; hourly after the last.
const BACKOFF_MINUTES: [i64; 5] = [1, 2, 5, 10, 30];

/// A placeholder of the templates and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Placeholder {
    /// Name, written `{name}` in a template.
    pub name: String,
    /// What it becomes.
    pub meaning: String,
}

/// Everything the settings form shows. Never the password: only whether
/// one is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MailSettings {
    /// Server, port, security, login name, sender.
    pub smtp: SmtpSettings,
    /// Subject and body templates.
    pub template: Template,
    /// Recipients used last time (one string, as typed).
    pub last_recipients: String,
    /// Provider presets.
    pub presets: Vec<Preset>,
    /// What the templates may contain.
    pub placeholders: Vec<Placeholder>,
    /// True when the OS credential store can keep the password.
    pub credential_store: bool,
    /// True when a password is stored for this server and login.
    pub password_saved: bool,
}

/// A file to attach, as chosen by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedFile {
    /// File name (shown to the receiver).
    pub file_name: String,
    /// The bytes.
    pub content: Vec<u8>,
}

/// A message the user composed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailDraft {
    /// The exported list it carries (its Word file must be attached).
    pub batch_id: Option<i64>,
    /// Recipients as typed ("a@x.vn, b@y.vn").
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// Files: the Word list and the signed scan.
    pub files: Vec<NamedFile>,
}

/// A message composed in the window: the files by path, read when queued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MailCompose {
    /// The exported list it carries.
    pub batch_id: Option<i64>,
    /// Recipients as typed.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// Paths of the files to attach.
    pub files: Vec<String>,
}

impl MailCompose {
    /// Reads the files: the draft as the use cases take it.
    pub fn read(&self) -> Result<MailDraft> {
        let mut files = Vec::with_capacity(self.files.len());
        for path in &self.files {
            let path = Path::new(path);
            let content =
                std::fs::read(path).map_err(|source| MailError::Read { path: path.to_owned(), source })?;
            let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            files.push(NamedFile { file_name, content });
        }
        Ok(MailDraft {
            batch_id: self.batch_id,
            to: self.to.clone(),
            subject: self.subject.clone(),
            body: self.body.clone(),
            files,
        })
    }
}

/// The template filled for a list: what the compose form starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MailPreview {
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// Recipients used last time.
    pub to: String,
    /// The list, when one was chosen.
    pub batch: Option<BatchFacts>,
}

/// A queued message and what the user should know about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Queued {
    /// The message in the outbox.
    pub item: OutboxItem,
    /// A warning (e.g. the files are larger than many servers accept).
    pub warning: Option<String>,
}

/// A draft written to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DraftSaved {
    /// Where.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// A warning (e.g. the files are large).
    pub warning: Option<String>,
}

/// One attempt handed out by [`Api::claim_outbox`]: already `sending` in
/// the database.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// The outbox row.
    pub id: i64,
    /// The message.
    pub outgoing: Outgoing,
    /// The settings to send with.
    pub smtp: SmtpSettings,
}

/// What [`Api::claim_outbox`] got.
#[derive(Debug, Clone)]
pub enum Claim {
    /// Now `sending`: deliver it, then record the result.
    Ready(Claimed),
    /// Its stored files are damaged: already marked failed, with the reason.
    Failed(OutboxItem),
}

/// The open register as the sending steps reach it: owned (the CLI) or
/// behind the window's lock, taken for each step and released while the
/// server is talked to.
pub trait ApiAccess {
    /// Runs `f` on the register.
    fn with<T>(&mut self, f: impl FnOnce(&mut Api) -> Result<T>) -> Result<T>;
}

impl ApiAccess for Api {
    fn with<T>(&mut self, f: impl FnOnce(&mut Api) -> Result<T>) -> Result<T> {
        f(self)
    }
}

/// The real delivery: the configured server over TLS (or loopback).
pub fn deliver_smtp(claimed: &Claimed, password: Option<&Password>) -> std::result::Result<Sent, MailError> {
    Transport::new(&claimed.smtp).and_then(|t| chungthu_mail::send(&t, password, &claimed.outgoing))
}

/// Sends queued message `id` now: claimed, delivered outside the register,
/// recorded. `password` overrides the stored one. A failure is recorded in
/// the returned message (`last_error`), not returned as an error.
pub fn send_now(api: &mut impl ApiAccess, id: i64, password: Option<Password>) -> Result<OutboxItem> {
    let password = api.with(|api| api.password_for_send(password))?;
    attempt(api, id, &OffsetDateTime::now_utc, |c| deliver_smtp(c, password.as_ref()))
}

/// Attempts every due message once with the configured server and the
/// stored (or given) password: the window's periodic task and `chungthu
/// mail retry`. Without a needed password nothing is attempted.
pub fn retry_due(api: &mut impl ApiAccess, password: Option<Password>) -> Result<RetryReport> {
    let password = match api.with(|api| api.password_for_send(password)) {
        Ok(p) => p,
        Err(ApiError::Mail(MailError::NoPassword)) => {
            let due = api.with(|api| Ok(table::queued_count(api.store.conn())?))? as u32;
            return Ok(RetryReport { waiting_for_password: due, ..Default::default() });
        }
        Err(e) => return Err(e),
    };
    send_due(api, OffsetDateTime::now_utc, |c| deliver_smtp(c, password.as_ref()))
}

/// One pass over the messages due at the start of the pass, each at most
/// once (one that fails is due again only after its back-off), with a clock
/// and a way to deliver (tests: a pinned time, a server with a throwaway CA).
pub fn send_due(
    api: &mut impl ApiAccess,
    clock: impl Fn() -> OffsetDateTime,
    mut deliver: impl FnMut(&Claimed) -> std::result::Result<Sent, MailError>,
) -> Result<RetryReport> {
    let mut report = RetryReport::default();
    let start = clock();
    while let Some(id) = api.with(|api| api.due_outbox(start))? {
        match attempt(api, id, &clock, &mut deliver)?.state {
            OutboxState::Sent => report.sent += 1,
            OutboxState::Failed => report.failed += 1,
            _ => report.requeued += 1,
        }
    }
    Ok(report)
}

/// Claim, deliver with no lock held, record.
fn attempt(
    api: &mut impl ApiAccess,
    id: i64,
    clock: &impl Fn() -> OffsetDateTime,
    mut deliver: impl FnMut(&Claimed) -> std::result::Result<Sent, MailError>,
) -> Result<OutboxItem> {
    match api.with(|api| api.claim_outbox(id, clock()))? {
        Claim::Failed(item) => Ok(item),
        Claim::Ready(claimed) => {
            let result = deliver(&claimed);
            api.with(|api| api.record_delivery(&claimed, result, clock()))
        }
    }
}

/// What one pass over the due messages did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RetryReport {
    /// Taken by the server.
    pub sent: u32,
    /// Failed for now; will be tried again.
    pub requeued: u32,
    /// Refused for good.
    pub failed: u32,
    /// Due but not attempted: the server needs a password and none is stored.
    pub waiting_for_password: u32,
}

/// A change to the server settings: what is `None` stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SmtpChange {
    /// A preset's id (`gmail`, `office365`…): its server, port and security.
    pub preset: Option<String>,
    /// Server.
    pub host: Option<String>,
    /// Port; when not given, a new security's usual port.
    pub port: Option<u16>,
    /// Kind of connection.
    pub security: Option<Security>,
    /// Login.
    pub user: Option<String>,
    /// Sender's address.
    pub from_address: Option<String>,
    /// Sender's display name.
    pub from_name: Option<String>,
}

impl SmtpChange {
    /// True when nothing would change.
    pub fn is_empty(&self) -> bool {
        *self == SmtpChange::default()
    }

    /// `current` with this change applied: a preset first, then each field
    /// given; a port left unset follows the security.
    fn apply(&self, current: &SmtpSettings) -> Result<SmtpSettings> {
        let mut s = current.clone();
        if let Some(id) = &self.preset {
            let p = presets().into_iter().find(|p| &p.id == id).ok_or_else(|| {
                let ids: Vec<String> = presets().into_iter().map(|p| p.id).collect();
                ApiError::Refused(format!("Không có cài đặt sẵn “{id}”. Chọn một trong: {}.", ids.join(", ")))
            })?;
            (s.host, s.port, s.security) = (p.host, p.port, p.security);
        }
        if let Some(security) = self.security {
            s.security = security;
            if self.port.is_none() && self.preset.is_none() {
                s.port = security.default_port();
            }
        }
        for (field, value) in [
            (&mut s.host, &self.host),
            (&mut s.user, &self.user),
            (&mut s.from_address, &self.from_address),
            (&mut s.from_name, &self.from_name),
        ] {
            if let Some(v) = value {
                field.clone_from(v);
            }
        }
        if let Some(port) = self.port {
            s.port = port;
        }
        if s.port == 0 {
            s.port = s.security.default_port();
        }
        Ok(s)
    }
}

/// Refuses a template with unknown placeholders or an empty subject.
fn check_template(template: &Template) -> Result<()> {
    let unknown = template.unknown_placeholders();
    if !unknown.is_empty() {
        let known: Vec<String> = PLACEHOLDERS.iter().map(|(n, _)| format!("{{{n}}}")).collect();
        return Err(ApiError::Refused(format!(
            "Mẫu thư có chỗ điền không có: {}. Chỉ dùng được: {}.",
            unknown.iter().map(|u| format!("{{{u}}}")).collect::<Vec<_>>().join(", "),
            known.join(", ")
        )));
    }
    if template.subject.trim().is_empty() {
        return Err(ApiError::Refused("Mẫu tiêu đề thư đang trống.".into()));
    }
    Ok(())
}

/// Chooses the OS credential store for the SMTP password, once at start-up.
/// Without one (no session bus) the password comes from the user or the
/// environment at each send, so the failure is not an error here.
pub fn use_os_credential_store() {
    let _ = credential::use_os_store();
}

impl Api {
    /// The mail settings as the form shows them.
    pub fn mail_settings(&self) -> Result<MailSettings> {
        let conn = self.store.conn();
        let smtp: SmtpSettings = setting::get(conn, SMTP_KEY)?.unwrap_or_default();
        let credential_store = credential::store_available();
        let password_saved = credential_store
            && !smtp.host.is_empty()
            && !smtp.user.is_empty()
            && matches!(credential::load(&smtp.host, &smtp.user), Ok(Some(_)));
        Ok(MailSettings {
            template: setting::get(conn, TEMPLATE_KEY)?.unwrap_or_default(),
            last_recipients: setting::get(conn, RECIPIENTS_KEY)?.unwrap_or_default(),
            presets: presets(),
            placeholders: PLACEHOLDERS
                .iter()
                .map(|(name, meaning)| Placeholder { name: (*name).into(), meaning: (*meaning).into() })
                .collect(),
            credential_store,
            password_saved,
            smtp,
        })
    }

    /// Checks and saves the server settings and the templates.
    pub fn save_mail_settings(&mut self, smtp: &SmtpSettings, template: &Template) -> Result<MailSettings> {
        self.update_mail_settings(|_, _| Ok((smtp.clone(), template.clone())))
    }

    /// Applies `change` to the saved server settings (the templates stay).
    pub fn change_mail_settings(&mut self, change: &SmtpChange) -> Result<MailSettings> {
        self.update_mail_settings(|smtp, template| Ok((change.apply(&smtp)?, template)))
    }

    /// Reads the saved settings, merges, checks and writes them in one transaction.
    fn update_mail_settings(
        &mut self,
        merge: impl FnOnce(SmtpSettings, Template) -> Result<(SmtpSettings, Template)>,
    ) -> Result<MailSettings> {
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            let current_smtp = setting::get(tx, SMTP_KEY)?.unwrap_or_default();
            let (smtp, template) = merge(current_smtp, setting::get(tx, TEMPLATE_KEY)?.unwrap_or_default())?;
            let smtp = smtp.cleaned()?;
            check_template(&template)?;
            setting::set(tx, SMTP_KEY, &smtp)?;
            setting::set(tx, TEMPLATE_KEY, &template)?;
            audit::record(tx, &os_user, "mail_settings", None, "update", &["smtp", "template"])?;
            Ok::<_, ApiError>(())
        })?;
        self.mail_settings()
    }

    /// Stores the password of the configured login in the OS credential
    /// store. Only the fact is audited, never the value.
    pub fn save_mail_password(&mut self, password: &str) -> Result<()> {
        let smtp = self.configured_smtp()?;
        if smtp.user.is_empty() {
            return Err(ApiError::Refused(
                "Chưa nhập tên đăng nhập trong cài đặt thư, nên chưa lưu được mật khẩu.".into(),
            ));
        }
        let password = Password::new(password.trim_end_matches(['\r', '\n']))
            .ok_or_else(|| ApiError::Refused("Mật khẩu đang trống.".into()))?;
        credential::save(&smtp.host, &smtp.user, &password)?;
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            audit::record(tx, &os_user, "mail_settings", None, "password_saved", &["password"])?;
            Ok::<_, ApiError>(())
        })
    }

    /// Forgets the stored password.
    pub fn forget_mail_password(&mut self) -> Result<()> {
        let smtp = self.configured_smtp()?;
        credential::forget(&smtp.host, &smtp.user)?;
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            audit::record(tx, &os_user, "mail_settings", None, "password_forgotten", &["password"])?;
            Ok::<_, ApiError>(())
        })
    }

    /// The exported lists, newest first.
    pub fn mail_batches(&self) -> Result<Vec<BatchFacts>> {
        Ok(table::batches(self.store.conn())?)
    }

    /// The template filled for a list (or with no list: for chosen files).
    pub fn mail_preview(&self, batch_id: Option<i64>) -> Result<MailPreview> {
        let conn = self.store.conn();
        let batch = batch_id.map(|id| self.batch(id)).transpose()?;
        let template: Template = setting::get(conn, TEMPLATE_KEY)?.unwrap_or_default();
        let mut don_vi = unit::get(conn)?.name;
        if don_vi.is_empty() {
            // The unit's details not filled in yet: the sender's name is the next best thing.
            don_vi = setting::get::<SmtpSettings>(conn, SMTP_KEY)?.map(|s| s.from_name).unwrap_or_default();
        }
        let values = TemplateValues {
            don_vi,
            loai_danh_sach: batch.as_ref().map_or("danh sách", |b| kind_label(&b.kind)).to_owned(),
            so_nguoi: batch.as_ref().map_or(0, |b| b.row_count.max(0) as u32),
            ngay: self.today().to_string(),
        };
        let (subject, body) = template.render(&values);
        Ok(MailPreview { subject, body, to: setting::get(conn, RECIPIENTS_KEY)?.unwrap_or_default(), batch })
    }

    /// Checks a composed message and puts it in the outbox (`queued`, due
    /// now). Sending is a separate step ([`Api::send_outbox_now`]).
    pub fn queue_mail(&mut self, draft: &MailDraft) -> Result<Queued> {
        self.queue_mail_at(draft, OffsetDateTime::now_utc())
    }

    /// [`Api::queue_mail`] at a given time (tests).
    pub fn queue_mail_at(&mut self, draft: &MailDraft, now: OffsetDateTime) -> Result<Queued> {
        let smtp = self.configured_smtp()?;
        let (outgoing, warning) = self.checked_draft(draft, &smtp)?;
        let now = iso(now);
        let os_user = self.os_user.clone();
        let id = self.store.write(|tx| {
            let files: Vec<NewFile<'_>> = outgoing
                .attachments
                .iter()
                .map(|a| NewFile {
                    file_name: &a.file_name,
                    mime: a.mime(),
                    content: &a.content,
                    sha256: &a.sha256,
                })
                .collect();
            let id = table::insert(
                tx,
                &NewMessage {
                    batch_id: draft.batch_id,
                    recipients: &outgoing.to,
                    subject: &outgoing.subject,
                    body: &outgoing.body,
                    message_id: &outgoing.message_id,
                    files: &files,
                    now: &now,
                },
            )?;
            setting::set(tx, RECIPIENTS_KEY, &outgoing.to.join(", "))?;
            audit::record(
                tx,
                &os_user,
                "outbox",
                Some(id),
                "queue",
                &["recipients", "subject", "body", "files"],
            )?;
            Ok::<_, ApiError>(id)
        })?;
        Ok(Queued { item: self.outbox_item(id)?, warning })
    }

    /// Writes a composed message as an unsent `.eml` draft (nothing is
    /// queued): for another mail program, or to send from elsewhere.
    pub fn write_mail_draft(&self, draft: &MailDraft, out: &Path) -> Result<DraftSaved> {
        let conn = self.store.conn();
        let mut smtp: SmtpSettings = setting::get(conn, SMTP_KEY)?.unwrap_or_default();
        if smtp.from_address.trim().is_empty() {
            // No server set up yet (often the very reason for a draft): the focal point's address will do.
            smtp.from_address = unit::get(conn)?.focal_email;
        }
        if smtp.from_name.trim().is_empty() {
            smtp.from_name = unit::get(conn)?.name;
        }
        if smtp.from_address.trim().is_empty() {
            return Err(MailError::NoSender.into());
        }
        let (outgoing, warning) = self.checked_draft(draft, &smtp)?;
        let bytes = outgoing.draft()?;
        chungthu_mail::write_draft(out, &bytes)?;
        Ok(DraftSaved { path: out.display().to_string(), bytes: bytes.len() as u64, warning })
    }

    /// The outbox, newest first.
    pub fn outbox(&self) -> Result<Vec<OutboxItem>> {
        Ok(table::list(self.store.conn())?)
    }

    /// One message of the outbox.
    pub fn outbox_item(&self, id: i64) -> Result<OutboxItem> {
        table::get(self.store.conn(), id)?.ok_or_else(|| outbox_not_found(id))
    }

    /// Withdraws a message that has not gone (queued, failed or uncertain).
    pub fn cancel_outbox(&mut self, id: i64) -> Result<OutboxItem> {
        self.move_outbox(
            id,
            "cancel",
            |tx| Ok(table::cancel(tx, id)?),
            "Chỉ huỷ được thư đang chờ, bị lỗi hoặc chưa rõ đã gửi.",
        )
    }

    /// Puts a failed, cancelled or uncertain message back in the queue, due
    /// now: the user's decision to send it (again).
    pub fn resend_outbox(&mut self, id: i64) -> Result<OutboxItem> {
        let now = iso(OffsetDateTime::now_utc());
        self.move_outbox(
            id,
            "resend",
            |tx| Ok(table::requeue(tx, id, &now)?),
            "Chỉ gửi lại được thư bị lỗi, đã huỷ hoặc chưa rõ đã gửi.",
        )
    }

    /// Records that an uncertain message did go out (the user found it in
    /// their Sent folder); its list becomes "sent".
    pub fn confirm_outbox_sent(&mut self, id: i64) -> Result<OutboxItem> {
        let now = iso(OffsetDateTime::now_utc());
        let today = self.today();
        let batch_id = self.outbox_item(id)?.batch_id;
        self.move_outbox(
            id,
            "confirm_sent",
            |tx| {
                let moved = table::confirm_sent(tx, id, &now)?;
                if moved && let Some(b) = batch_id {
                    batch_went_out(tx, b, &now, today)?;
                }
                Ok(moved)
            },
            "Chỉ xác nhận “đã gửi” cho thư chưa rõ đã gửi hay chưa.",
        )
    }

    /// Every attempt started more than [`LONGEST_SEND`] before `now` was
    /// interrupted by a stop of the program: it becomes `uncertain`, never
    /// retried automatically. A younger one may be under way in another
    /// process (the window, while the CLI runs) and is left alone.
    /// Returns how many.
    pub fn recover_interrupted_sends(&mut self, now: OffsetDateTime) -> Result<usize> {
        let started_before = iso(now - LONGEST_SEND);
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            let n = table::mark_interrupted(tx, INTERRUPTED, &started_before)?;
            if n > 0 {
                audit::record(tx, &os_user, "outbox", None, "interrupted", &["state"])?;
            }
            Ok::<_, ApiError>(n)
        })
    }

    /// The password to log in with: none needed, or the stored one.
    pub fn stored_mail_password(&self) -> Result<Option<Password>> {
        let smtp: SmtpSettings = setting::get(self.store.conn(), SMTP_KEY)?.unwrap_or_default();
        if smtp.user.is_empty() || !credential::store_available() {
            return Ok(None);
        }
        Ok(credential::load(&smtp.host, &smtp.user)?)
    }

    /// True when the configured server needs a login.
    pub fn mail_needs_password(&self) -> Result<bool> {
        let smtp: SmtpSettings = setting::get(self.store.conn(), SMTP_KEY)?.unwrap_or_default();
        Ok(!smtp.user.is_empty())
    }

    /// Step 1 of an attempt: queued → sending, committed before any SMTP.
    /// A message whose stored file no longer matches its SHA-256 cannot go
    /// out as composed: it is marked failed with the reason (so it does not
    /// stop the messages behind it) and returned as [`Claim::Failed`].
    pub fn claim_outbox(&mut self, id: i64, now: OffsetDateTime) -> Result<Claim> {
        let smtp = self.configured_smtp()?;
        let item = self.outbox_item(id)?;
        let files = table::files(self.store.conn(), id)?;
        let mut attachments = Vec::with_capacity(files.len());
        let mut damaged = None;
        for f in files {
            let a = Attachment::new(&f.file_name, f.content)?;
            if a.sha256 != f.sha256 {
                damaged = Some(format!(
                    "Tệp “{}” trong hộp thư đi không còn nguyên vẹn (mã kiểm tra khác lúc soạn), nên thư không được gửi. Hãy huỷ thư này và soạn lại.",
                    f.file_name
                ));
                break;
            }
            attachments.push(a);
        }
        let now = iso(now);
        let os_user = self.os_user.clone();
        if let Some(reason) = damaged {
            self.store.write(|tx| {
                if table::fail_queued(tx, id, &reason)? {
                    audit::record(tx, &os_user, "outbox", Some(id), "failed", &["state"])?;
                }
                Ok::<_, ApiError>(())
            })?;
            return Ok(Claim::Failed(self.outbox_item(id)?));
        }
        let outgoing = Outgoing {
            from_name: smtp.from_name.clone(),
            from_address: smtp.from_address.clone(),
            to: item.recipients.clone(),
            subject: item.subject.clone(),
            body: item.body.clone(),
            attachments,
            message_id: item.message_id.clone().unwrap_or_else(|| new_message_id(&smtp.from_address)),
        };
        self.store.write(|tx| {
            if !table::claim(tx, id, &now)? {
                let state = table::get(tx, id)?.map(|i| state_label(i.state)).unwrap_or("không còn");
                return Err(ApiError::Refused(format!(
                    "Thư số {id} đang ở trạng thái “{state}”, không gửi được lúc này. Chỉ gửi thư đang chờ gửi."
                )));
            }
            audit::record(tx, &os_user, "outbox", Some(id), "attempt", &[])?;
            Ok::<_, ApiError>(())
        })?;
        Ok(Claim::Ready(Claimed { id, outgoing, smtp }))
    }

    /// Step 3 of an attempt: records the server's answer. Success: sent,
    /// with time and Message-ID, and the list becomes "sent". A transient
    /// failure: queued again after the back-off. A permanent one: failed,
    /// with the reason in Vietnamese.
    pub fn record_delivery(
        &mut self,
        claimed: &Claimed,
        result: std::result::Result<Sent, MailError>,
        now: OffsetDateTime,
    ) -> Result<OutboxItem> {
        let id = claimed.id;
        let attempts = self.outbox_item(id)?.attempts;
        let batch_id = self.outbox_item(id)?.batch_id;
        let at = iso(now);
        let today = self.today();
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            let action = match &result {
                Ok(sent) => {
                    table::mark_sent(tx, id, &sent.message_id, &at)?;
                    if let Some(b) = batch_id {
                        batch_went_out(tx, b, &at, today)?;
                    }
                    "sent"
                }
                Err(e) if e.is_permanent() => {
                    table::mark_failed(tx, id, &e.to_string())?;
                    "failed"
                }
                Err(e) => {
                    table::mark_retry(tx, id, &e.to_string(), &iso(now + backoff(attempts)))?;
                    "retry_later"
                }
            };
            audit::record(tx, &os_user, "outbox", Some(id), action, &["state"])?;
            Ok::<_, ApiError>(())
        })?;
        self.outbox_item(id)
    }

    /// The password an attempt will use: none when the server needs no
    /// login, else `given`, else the stored one (`no_password` when neither).
    pub fn password_for_send(&self, given: Option<Password>) -> Result<Option<Password>> {
        if !self.mail_needs_password()? {
            return Ok(None);
        }
        match given {
            Some(p) => Ok(Some(p)),
            None => self.stored_mail_password()?.map(Some).ok_or(ApiError::Mail(MailError::NoPassword)),
        }
    }

    /// The oldest queued message due at `now`, if any.
    pub fn due_outbox(&self, now: OffsetDateTime) -> Result<Option<i64>> {
        Ok(table::next_due(self.store.conn(), &iso(now))?)
    }

    fn configured_smtp(&self) -> Result<SmtpSettings> {
        let smtp: Option<SmtpSettings> = setting::get(self.store.conn(), SMTP_KEY)?;
        let smtp = smtp.ok_or_else(|| {
            ApiError::Refused(
                "Chưa cài đặt máy chủ gửi thư. Hãy vào “Gửi thư” › “Cài đặt máy chủ thư” (hoặc lệnh `chungthu mail settings`).".into(),
            )
        })?;
        Ok(smtp.cleaned()?)
    }

    fn batch(&self, id: i64) -> Result<BatchFacts> {
        table::batch(self.store.conn(), id)?
            .ok_or_else(|| ApiError::NotFound(format!("Không tìm thấy danh sách đã xuất số {id}.")))
    }

    /// The message as it would go out, with the checks a list needs: the
    /// exported Word file itself (same SHA-256), the latest export.
    fn checked_draft(&self, draft: &MailDraft, smtp: &SmtpSettings) -> Result<(Outgoing, Option<String>)> {
        let to = parse_recipients(&draft.to)?;
        if draft.subject.trim().is_empty() {
            return Err(ApiError::Refused("Tiêu đề thư đang trống.".into()));
        }
        if draft.files.is_empty() && draft.batch_id.is_none() {
            return Err(ApiError::Refused(
                "Chưa có tệp đính kèm. Hãy đính kèm tệp Word của danh sách và bản scan có chữ ký.".into(),
            ));
        }
        let mut attachments: Vec<Attachment> = draft
            .files
            .iter()
            .map(|f| Attachment::new(&f.file_name, f.content.clone()))
            .collect::<std::result::Result<_, _>>()?;
        if let Some(batch_id) = draft.batch_id {
            let batch = self.batch(batch_id)?;
            if !attachments.iter().any(|a| a.kind == FileKind::Docx) {
                // Only the scan was chosen: the Word file is the one the export recorded.
                attachments.insert(0, exported_word_file(&batch)?);
            }
            if let Some(newer) = batch.superseded_by {
                return Err(ApiError::Refused(format!(
                    "Danh sách số {batch_id} đã được thay bằng bản xuất sau (số {newer}). Chỉ bản cuối cùng có giá trị: hãy gửi bản số {newer}."
                )));
            }
            let is_the_list = |a: &Attachment| a.kind == FileKind::Docx && a.sha256 == batch.sha256;
            if !attachments.iter().any(is_the_list) {
                return Err(ApiError::Refused(format!(
                    "Chưa đính kèm đúng tệp Word của danh sách số {batch_id} (“{}”): tệp Word đã chọn khác với tệp đã xuất, có thể đã bị sửa sau khi xuất. Hãy chọn đúng tệp, hoặc xuất lại danh sách.",
                    batch.file_name
                )));
            }
        }
        let warning = too_large(&attachments).then(|| {
            format!(
                "Các tệp đính kèm lớn hơn {} MB: nhiều máy chủ thư sẽ từ chối. Hãy scan với độ phân giải thấp hơn (150–200 dpi) hoặc chia làm nhiều thư.",
                SIZE_WARNING_BYTES / 1_000_000
            )
        });
        let outgoing = Outgoing {
            from_name: smtp.from_name.clone(),
            from_address: smtp.from_address.clone(),
            to,
            subject: draft.subject.split_whitespace().collect::<Vec<_>>().join(" "),
            body: draft.body.clone(),
            attachments,
            message_id: new_message_id(&smtp.from_address),
        };
        // Checks the sender and recipients the way the real send will.
        outgoing.message()?;
        Ok((outgoing, warning))
    }

    fn move_outbox(
        &mut self,
        id: i64,
        action: &str,
        change: impl FnOnce(&chungthu_store::rusqlite::Connection) -> Result<bool>,
        refused: &str,
    ) -> Result<OutboxItem> {
        let item = self.outbox_item(id)?;
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            if !change(tx)? {
                return Err(ApiError::Refused(format!(
                    "Thư số {id} đang ở trạng thái “{}”. {refused}",
                    state_label(item.state)
                )));
            }
            audit::record(tx, &os_user, "outbox", Some(id), action, &["state"])?;
            Ok(())
        })?;
        self.outbox_item(id)
    }
}

/// The Word file at the path the export recorded, checked against the
/// SHA-256 recorded with it.
fn exported_word_file(batch: &BatchFacts) -> Result<Attachment> {
    if batch.path.is_empty() {
        return Err(ApiError::Refused(format!(
            "Danh sách số {} không ghi nơi lưu tệp Word. Hãy chọn tệp “{}” để đính kèm.",
            batch.id, batch.file_name
        )));
    }
    let content = std::fs::read(&batch.path).map_err(|e| {
        ApiError::Refused(format!(
            "Không đọc được tệp Word của danh sách số {} tại {} ({e}). Tệp có thể đã bị chuyển hoặc xoá: hãy chọn tệp để đính kèm, hoặc xuất lại danh sách.",
            batch.id, batch.path
        ))
    })?;
    if sha256_hex(&content) != batch.sha256 {
        return Err(ApiError::Refused(format!(
            "Tệp Word tại {} đã khác với lúc xuất (có thể đã bị sửa). Chỉ gửi đúng tệp đã xuất: hãy xuất lại danh sách số {}.",
            batch.path, batch.id
        )));
    }
    Ok(Attachment::new(&batch.file_name, content)?)
}

/// The wait after `attempts` failed attempts.
pub fn backoff(attempts: i64) -> Duration {
    let minutes =
        usize::try_from(attempts.max(1) - 1).ok().and_then(|i| BACKOFF_MINUTES.get(i).copied()).unwrap_or(60);
    Duration::from_secs(minutes as u64 * 60)
}

/// What a list is called in a message.
pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "issuance" => "danh sách đề nghị cấp chứng thư số",
        "revocation" => "danh sách thu hồi chứng thư số",
        "renewal" => "danh sách đề nghị gia hạn chứng thư số",
        "change" => "danh sách đề nghị thay đổi thông tin chứng thư số",
        "certificates" => "danh sách chứng thư số",
        "email_summary" => "bảng tổng hợp đề nghị cấp email công vụ",
        _ => "danh sách",
    }
}

/// A state in words.
pub fn state_label(state: OutboxState) -> &'static str {
    match state {
        OutboxState::Queued => "chờ gửi",
        OutboxState::Sending => "đang gửi",
        OutboxState::Sent => "đã gửi",
        OutboxState::Failed => "gửi không được",
        OutboxState::Cancelled => "đã huỷ",
        OutboxState::Uncertain => "có thể đã gửi",
    }
}

/// The list went out: the batch and each of its requests still "exported"
/// become "sent" (through the requests' one transition function).
fn batch_went_out(
    tx: &chungthu_store::rusqlite::Connection,
    batch_id: i64,
    at: &str,
    today: VnDate,
) -> Result<()> {
    table::mark_batch_sent(tx, batch_id, at)?;
    for request_id in table::batch_requests(tx, batch_id)? {
        let exported = chungthu_store::request::get(tx, request_id)?
            .is_some_and(|r| r.status == RequestStatus::Exported);
        if exported {
            transition(tx, request_id, RequestStatus::Sent, None, today)?;
        }
    }
    Ok(())
}

fn outbox_not_found(id: i64) -> ApiError {
    ApiError::NotFound(format!("Không tìm thấy thư số {id} trong hộp thư đi."))
}

/// UTC time as stored: ISO 8601 to the second, which sorts as text.
pub fn iso(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}
