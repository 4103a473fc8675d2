//! `chungthu mail …`: SMTP settings, the password (into the OS credential
//! store, from stdin), sending a list, `.eml` drafts, the outbox.
//! `CHUNGTHU_SMTP_PASSWORD` gives the password for one scripted run.

use crate::{Failure, print_json};
use chungthu_api::Api;
use chungthu_api::mail::{MailCompose, MailDraft, Password, Security, SmtpChange, state_label};
use chungthu_api::model::outbox::{OutboxItem, OutboxState};
use clap::{Args, Subcommand, ValueEnum};
use std::io::BufRead;
use std::path::PathBuf;
use time::OffsetDateTime;

/// Environment variable with the SMTP password for scripted use.
const PASSWORD_ENV: &str = "CHUNGTHU_SMTP_PASSWORD";

#[derive(Subcommand)]
pub enum MailCommand {
    /// Xem hoặc sửa cài đặt máy chủ thư (không gồm mật khẩu)
    Settings(SettingsArgs),
    /// Lưu mật khẩu thư vào kho mật khẩu của hệ điều hành (đọc một dòng từ đầu vào chuẩn)
    Password {
        /// Xoá mật khẩu đã lưu
        #[arg(long)]
        forget: bool,
    },
    /// Gửi một danh sách đã xuất (thư chưa gửi được nằm lại hộp thư đi)
    Send {
        #[command(flatten)]
        compose: ComposeArgs,
        #[arg(long)]
        json: bool,
    },
    /// Lưu thư thành thư nháp .eml (mở bằng Outlook/Thunderbird để gửi)
    Draft {
        #[command(flatten)]
        compose: ComposeArgs,
        /// Tệp .eml sẽ ghi
        #[arg(long, value_name = "FILE.eml")]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Xem hộp thư đi
    Outbox {
        #[arg(long)]
        json: bool,
    },
    /// Gửi lại các thư đến hạn trong hộp thư đi
    Retry {
        #[arg(long)]
        json: bool,
    },
    /// Huỷ một thư chưa gửi
    Cancel {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Đưa lại vào hàng chờ một thư lỗi, đã huỷ hoặc chưa rõ đã gửi
    Resend {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Xác nhận thư “có thể đã gửi” đúng là đã gửi (đã thấy trong hộp thư đã gửi)
    ConfirmSent {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct SettingsArgs {
    /// Dùng cài đặt có sẵn: gmail, gmail_ssl, office365, outlook, yahoo, zoho
    #[arg(long)]
    preset: Option<String>,
    /// Máy chủ gửi thư (SMTP)
    #[arg(long)]
    host: Option<String>,
    /// Cổng (587 STARTTLS, 465 SSL/TLS)
    #[arg(long)]
    port: Option<u16>,
    /// Kiểu bảo mật
    #[arg(long, value_enum)]
    security: Option<SecurityArg>,
    /// Tên đăng nhập (thường là địa chỉ thư)
    #[arg(long)]
    user: Option<String>,
    /// Địa chỉ người gửi
    #[arg(long = "from")]
    from_address: Option<String>,
    /// Tên người gửi hiển thị
    #[arg(long)]
    from_name: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SecurityArg {
    Starttls,
    Tls,
    Plain,
}

#[derive(Args)]
pub struct ComposeArgs {
    /// Số của danh sách đã xuất
    #[arg(long)]
    batch: Option<i64>,
    /// Người nhận (nhiều địa chỉ cách nhau bằng dấu phẩy); mặc định: lần gửi trước
    #[arg(long)]
    to: Option<String>,
    /// Tệp Word của danh sách (mặc định: tệp đã xuất; phải đúng tệp đó)
    #[arg(long, value_name = "FILE.docx")]
    docx: Option<PathBuf>,
    /// Bản scan có chữ ký, đóng dấu (PDF, JPG, PNG)
    #[arg(long, value_name = "FILE")]
    scan: Vec<PathBuf>,
    /// Tiêu đề (mặc định: theo mẫu)
    #[arg(long)]
    subject: Option<String>,
}

/// Runs a `mail` subcommand.
pub fn run(api: &mut Api, command: MailCommand) -> Result<(), Failure> {
    chungthu_api::mail::use_os_credential_store();
    match command {
        MailCommand::Settings(args) => settings(api, args),
        MailCommand::Password { forget } => password(api, forget),
        MailCommand::Send { compose, json } => {
            api.recover_interrupted_sends(OffsetDateTime::now_utc())?;
            let queued = api.queue_mail(&draft(api, &compose)?)?;
            if let Some(w) = &queued.warning {
                eprintln!("Lưu ý: {w}");
            }
            let item = chungthu_api::mail::send_now(api, queued.item.id, env_password())?;
            let failed = item.state == OutboxState::Failed;
            if json {
                print_json(&serde_json::json!({ "item": item, "warning": queued.warning }));
            } else {
                print_item(&item);
            }
            if item.state == OutboxState::Queued {
                eprintln!(
                    "Chưa gửi được; thư nằm trong hộp thư đi và sẽ được gửi lại (`chungthu mail retry`)."
                );
            }
            if failed {
                return Err(Failure::Usage(item.last_error.unwrap_or_default()));
            }
            Ok(())
        }
        MailCommand::Draft { compose, out, json } => {
            let saved = api.write_mail_draft(&draft(api, &compose)?, &out)?;
            if let Some(w) = &saved.warning {
                eprintln!("Lưu ý: {w}");
            }
            if json {
                print_json(&saved)
            } else {
                println!("Đã lưu thư nháp: {}", saved.path)
            }
            Ok(())
        }
        MailCommand::Outbox { json } => {
            let items = api.outbox()?;
            if json {
                print_json(&items);
            } else if items.is_empty() {
                println!("Hộp thư đi trống.");
            } else {
                items.iter().for_each(print_item);
            }
            Ok(())
        }
        MailCommand::Retry { json } => {
            api.recover_interrupted_sends(OffsetDateTime::now_utc())?;
            let report = chungthu_api::mail::retry_due(api, env_password())?;
            if json {
                print_json(&report);
            } else {
                println!(
                    "Đã gửi {}, sẽ gửi lại sau {}, không gửi được {}.",
                    report.sent, report.requeued, report.failed
                );
                if report.waiting_for_password > 0 {
                    println!(
                        "{} thư chờ mật khẩu: lưu bằng `chungthu mail password` hoặc đặt biến {PASSWORD_ENV}.",
                        report.waiting_for_password
                    );
                }
            }
            Ok(())
        }
        MailCommand::Cancel { id, json } => show(api.cancel_outbox(id)?, json),
        MailCommand::Resend { id, json } => show(api.resend_outbox(id)?, json),
        MailCommand::ConfirmSent { id, json } => show(api.confirm_outbox_sent(id)?, json),
    }
}

fn show(item: OutboxItem, json: bool) -> Result<(), Failure> {
    if json {
        print_json(&item)
    } else {
        print_item(&item)
    }
    Ok(())
}

fn env_password() -> Option<Password> {
    std::env::var(PASSWORD_ENV).ok().and_then(Password::new)
}

fn settings(api: &mut Api, a: SettingsArgs) -> Result<(), Failure> {
    let change = SmtpChange {
        preset: a.preset,
        host: a.host,
        port: a.port,
        security: a.security.map(|s| match s {
            SecurityArg::Starttls => Security::Starttls,
            SecurityArg::Tls => Security::Tls,
            SecurityArg::Plain => Security::Plain,
        }),
        user: a.user,
        from_address: a.from_address,
        from_name: a.from_name,
    };
    let shown = if change.is_empty() { api.mail_settings()? } else { api.change_mail_settings(&change)? };
    if a.json {
        print_json(&shown);
    } else {
        let s = &shown.smtp;
        let security = match s.security {
            Security::Starttls => "STARTTLS",
            Security::Tls => "SSL/TLS",
            Security::Plain => "không mã hoá (chỉ máy này)",
        };
        for (label, value) in [
            ("Máy chủ", s.host.clone()),
            ("Cổng", s.port.to_string()),
            ("Bảo mật", security.to_owned()),
            ("Tên đăng nhập", s.user.clone()),
            ("Người gửi", format!("{} <{}>", s.from_name, s.from_address)),
            (
                "Mật khẩu",
                if shown.password_saved {
                    "đã lưu trong kho mật khẩu".to_owned()
                } else if shown.credential_store {
                    "chưa lưu".to_owned()
                } else {
                    format!("không có kho mật khẩu: đặt biến {PASSWORD_ENV}")
                },
            ),
        ] {
            println!("{label:<15} {value}");
        }
    }
    Ok(())
}

fn password(api: &mut Api, forget: bool) -> Result<(), Failure> {
    if forget {
        api.forget_mail_password()?;
        println!("Đã xoá mật khẩu thư đã lưu.");
        return Ok(());
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::Usage(format!("Không đọc được mật khẩu từ đầu vào chuẩn: {e}.")))?;
    api.save_mail_password(&line)?;
    println!("Đã lưu mật khẩu vào kho mật khẩu của hệ điều hành.");
    Ok(())
}

fn draft(api: &Api, c: &ComposeArgs) -> Result<MailDraft, Failure> {
    let preview = api.mail_preview(c.batch)?;
    let compose = MailCompose {
        batch_id: c.batch,
        to: c.to.clone().unwrap_or(preview.to),
        subject: c.subject.clone().unwrap_or(preview.subject),
        body: preview.body,
        files: c.docx.iter().chain(&c.scan).map(|p| p.display().to_string()).collect(),
    };
    Ok(compose.read()?)
}

fn print_item(i: &OutboxItem) {
    println!("#{} [{}] {} → {}", i.id, state_label(i.state), i.subject, i.recipients.join(", "));
    if let Some(at) = &i.sent_at {
        println!("    gửi lúc {at} (UTC), Message-ID {}", i.message_id.as_deref().unwrap_or(""));
    }
    if let Some(e) = &i.last_error {
        println!("    {e}");
    }
}
