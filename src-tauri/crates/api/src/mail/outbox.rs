//! The outbox: each attempt in three steps (claim, deliver, record) so that
//! no window waits on the network while holding the register, the back-off
//! of failed attempts, and the user's cancel, resend and confirm. The states
//! and their moves are drawn in the store's `outbox` module.

use crate::requests::transition;
use crate::{Api, ApiError, Result};
use chungthu_mail::compose::new_message_id;
use chungthu_mail::{Attachment, Outgoing, Transport};
use chungthu_mail::{MailError, Password, Sent, SmtpSettings};
use chungthu_model::VnDate;
use chungthu_model::outbox::{OutboxItem, OutboxState};
use chungthu_model::request::RequestStatus;
use chungthu_store::audit;
use chungthu_store::outbox::{self as table};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use time::OffsetDateTime;
use ts_rs::TS;

/// Why a row left `sending` by a stop of the program is now `uncertain`.
pub const INTERRUPTED: &str = "Chương trình đã dừng khi đang gửi thư này: có thể đã gửi — hãy kiểm tra hộp thư đã gửi trước khi gửi lại.";

/// The longest one attempt can take (connecting, TLS, sending 25 MB over a
/// slow school line, each step with its own timeout): a message `sending`
/// for longer was interrupted, not still under way.
pub const LONGEST_SEND: Duration = Duration::from_secs(60 * 60);

/// Waits after the 1st, 2nd… failed attempt; hourly after the last.
const BACKOFF_MINUTES: [i64; 5] = [1, 2, 5, 10, 30];

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

impl Api {
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

    /// The oldest queued message due at `now`, if any.
    pub fn due_outbox(&self, now: OffsetDateTime) -> Result<Option<i64>> {
        Ok(table::next_due(self.store.conn(), &iso(now))?)
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

/// The wait after `attempts` failed attempts.
pub fn backoff(attempts: i64) -> Duration {
    let minutes =
        usize::try_from(attempts.max(1) - 1).ok().and_then(|i| BACKOFF_MINUTES.get(i).copied()).unwrap_or(60);
    Duration::from_secs(minutes as u64 * 60)
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
