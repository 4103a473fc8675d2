//! The message: sender, recipients, subject, body and attachments, formatted
//! by lettre (RFC 2047 subjects, RFC 2231 file names), and the unsent `.eml`
//! draft written for another mail program when sending is impossible.

use crate::attachment::Attachment;
use crate::{MailError, Result};
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment as Part, Mailbox, MultiPart, SinglePart};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A message ready to be formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// Sender's display name (may be empty).
    pub from_name: String,
    /// Sender's address.
    pub from_address: String,
    /// Recipients' addresses.
    pub to: Vec<String>,
    /// Subject (Vietnamese allowed).
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// Files, in order.
    pub attachments: Vec<Attachment>,
    /// `Message-ID` with its angle brackets: kept across retries so a
    /// receiver can recognise a message that reached it twice.
    pub message_id: String,
}

impl Outgoing {
    /// The message as lettre builds it (a fresh `Date` each time).
    pub fn message(&self) -> Result<Message> {
        if self.to.is_empty() {
            return Err(MailError::NoRecipient);
        }
        let mut builder = Message::builder()
            .from(mailbox(&self.from_name, &self.from_address)?)
            .subject(self.subject.clone())
            .message_id(Some(self.message_id.clone()));
        for to in &self.to {
            builder = builder.to(mailbox("", to)?);
        }
        let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(self.body.clone()));
        for a in &self.attachments {
            let mime = ContentType::parse(a.mime()).map_err(|e| MailError::Build(e.to_string()))?;
            parts = parts.singlepart(Part::new(a.file_name.clone()).body(a.content.clone(), mime));
        }
        builder.multipart(parts).map_err(|e| MailError::Build(e.to_string()))
    }

    /// The `.eml` bytes of an unsent draft. `X-Unsent: 1` makes Outlook open
    /// it as a message to send rather than one received; a header line
    /// placed first is as valid as anywhere in the header block.
    pub fn draft(&self) -> Result<Vec<u8>> {
        let mut bytes = b"X-Unsent: 1\r\n".to_vec();
        bytes.extend_from_slice(&self.message()?.formatted());
        Ok(bytes)
    }
}

/// A mailbox from a display name and an address, or why not.
pub(crate) fn mailbox(name: &str, address: &str) -> Result<Mailbox> {
    let address = address.trim();
    let parsed = address.parse().map_err(|_| MailError::BadAddress(address.to_owned()))?;
    let name = name.trim();
    Ok(Mailbox::new((!name.is_empty()).then(|| name.to_owned()), parsed))
}

/// Splits what the user typed ("a@x.vn, b@y.vn; c@z.vn") into checked
/// addresses, each once.
pub fn parse_recipients(text: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.split([',', ';', '\n', ' ', '\t']).map(str::trim).filter(|s| !s.is_empty()) {
        mailbox("", raw)?;
        if !out.iter().any(|o| o.eq_ignore_ascii_case(raw)) {
            out.push(raw.to_owned());
        }
    }
    if out.is_empty() {
        return Err(MailError::NoRecipient);
    }
    Ok(out)
}

/// A new, unique `Message-ID` on the sender's domain.
pub fn new_message_id(from_address: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let mut h = Sha256::new();
    h.update(now.as_nanos().to_le_bytes());
    h.update(std::process::id().to_le_bytes());
    h.update(COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    h.update(from_address.as_bytes());
    let unique: String = h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect();
    let domain =
        from_address.rsplit_once('@').map(|(_, d)| d).filter(|d| !d.is_empty()).unwrap_or("chungthu.local");
    format!("<{unique}@{domain}>")
}

/// Writes a draft so that `path` holds either the old file or the whole new
/// one: a temporary file beside it, flushed to disk, then renamed over it.
pub fn write_draft(path: &Path, bytes: &[u8]) -> Result<()> {
    let write_err = |source| MailError::Write { path: path.to_owned(), source };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| write_err(std::io::ErrorKind::InvalidInput.into()))?;
    let tmp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        // Best effort: a leftover temporary file is only clutter, the error below matters.
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(write_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outgoing() -> Outgoing {
        Outgoing {
            from_name: "Trường THCS Lê Lợi".into(),
            from_address: "vanthu@thcs-leloi.edu.vn".into(),
            to: vec!["vanphong@sogd.example.vn".into()],
            subject: "Danh sách đề nghị cấp chứng thư số".into(),
            body: "Kính gửi Quý cơ quan".into(),
            attachments: vec![Attachment::new("Bản scan.pdf", b"%PDF-1.7 scan".to_vec()).unwrap()],
            message_id: new_message_id("vanthu@thcs-leloi.edu.vn"),
        }
    }

    #[test]
    fn recipients_are_split_checked_and_deduplicated() {
        assert_eq!(
            parse_recipients(" a@sogd.vn, b@ubnd.vn;A@sogd.vn\n").unwrap(),
            vec!["a@sogd.vn".to_owned(), "b@ubnd.vn".to_owned()]
        );
        assert!(matches!(parse_recipients(" , "), Err(MailError::NoRecipient)));
        assert!(
            matches!(parse_recipients("a@sogd.vn, không-hợp-lệ"), Err(MailError::BadAddress(a)) if a == "không-hợp-lệ")
        );
    }

    #[test]
    fn message_ids_are_unique_and_on_the_senders_domain() {
        let a = new_message_id("vanthu@thcs-leloi.edu.vn");
        let b = new_message_id("vanthu@thcs-leloi.edu.vn");
        assert_ne!(a, b);
        assert!(a.starts_with('<') && a.ends_with("@thcs-leloi.edu.vn>"), "{a}");
    }

    #[test]
    fn message_needs_a_recipient_and_keeps_its_id() {
        let mut o = outgoing();
        let text = String::from_utf8(o.message().unwrap().formatted()).unwrap();
        assert!(text.contains(&format!("Message-ID: {}", o.message_id)), "{text}");
        o.to.clear();
        assert!(matches!(o.message(), Err(MailError::NoRecipient)));
    }

    #[test]
    fn draft_is_unsent_and_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("thư nháp.eml");
        std::fs::write(&path, b"old").unwrap();
        let bytes = outgoing().draft().unwrap();
        assert!(bytes.starts_with(b"X-Unsent: 1\r\n"));
        write_draft(&path, &bytes).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left beside the draft");
        let missing = dir.path().join("không có").join("x.eml");
        assert!(matches!(write_draft(&missing, &bytes), Err(MailError::Write { .. })));
    }
}
