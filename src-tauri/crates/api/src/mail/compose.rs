//! Composing a message for an exported list: the preview from the
//! templates, the checked draft with its files, queueing it, or saving it
//! as an `.eml` draft.

use super::outbox::iso;
use super::settings::{RECIPIENTS_KEY, SMTP_KEY, TEMPLATE_KEY};
use crate::{Api, ApiError, Result};
use chungthu_mail::attachment::{SIZE_WARNING_BYTES, too_large};
use chungthu_mail::compose::{new_message_id, parse_recipients};
use chungthu_mail::{Attachment, FileKind, Outgoing, TemplateValues};
use chungthu_mail::{MailError, SmtpSettings, Template};
use chungthu_model::batch::{Batch, BatchKind};
use chungthu_model::digest::sha256_hex;
use chungthu_model::outbox::OutboxItem;
use chungthu_store::outbox::{self as table, NewFile, NewMessage};
use chungthu_store::{audit, setting, unit};
use serde::{Deserialize, Serialize};
use std::path::Path;
use time::OffsetDateTime;
use ts_rs::TS;

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
    pub batch: Option<Batch>,
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

impl Api {
    /// The exported lists, newest first.
    pub fn mail_batches(&self) -> Result<Vec<Batch>> {
        Ok(chungthu_store::batch::list(self.store.conn())?)
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
            loai_danh_sach: batch.as_ref().map_or("danh sách", |b| kind_label(b.kind)).to_owned(),
            so_nguoi: batch.as_ref().map_or(0, |b| b.row_count),
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

    pub(super) fn batch(&self, id: i64) -> Result<Batch> {
        chungthu_store::batch::get(self.store.conn(), id)?
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
}

/// The Word file at the path the export recorded, checked against the
/// SHA-256 recorded with it.
fn exported_word_file(batch: &Batch) -> Result<Attachment> {
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

/// What a list is called in a message.
pub fn kind_label(kind: BatchKind) -> &'static str {
    match kind {
        BatchKind::Issuance => "danh sách đề nghị cấp chứng thư số",
        BatchKind::Revocation => "danh sách thu hồi chứng thư số",
        BatchKind::Renewal => "danh sách đề nghị gia hạn chứng thư số",
        BatchKind::Change => "danh sách đề nghị thay đổi thông tin chứng thư số",
        BatchKind::Certificates => "danh sách chứng thư số",
        BatchKind::EmailSummary => "bảng tổng hợp đề nghị cấp email công vụ",
    }
}
