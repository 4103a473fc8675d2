//! SMTP settings and provider presets. Only encrypted connections leave this
//! computer: plain SMTP is allowed to a loopback address alone (a local relay
//! or a test server), where nothing crosses a network.

use crate::{MailError, Result};
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use ts_rs::TS;

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// Plain connection upgraded with STARTTLS, which is required (port 587).
    #[default]
    Starttls,
    /// TLS from the first byte ("SSL/TLS", port 465).
    Tls,
    /// No encryption: loopback hosts only.
    Plain,
}

impl Security {
    /// The usual port of this kind of connection.
    pub fn default_port(self) -> u16 {
        match self {
            Security::Starttls => 587,
            Security::Tls => 465,
            Security::Plain => 25,
        }
    }
}

/// Where and as whom to send. Never holds the password.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SmtpSettings {
    /// Server name, e.g. `smtp.gmail.com`.
    pub host: String,
    /// Server port.
    pub port: u16,
    /// Connection protection.
    pub security: Security,
    /// Login name (usually the full address); empty: no login.
    pub user: String,
    /// Sender address.
    pub from_address: String,
    /// Sender name shown to the receiver, e.g. the school's name.
    pub from_name: String,
}

impl SmtpSettings {
    /// Trims the fields and checks them; the sentence says what to fix.
    pub fn cleaned(&self) -> Result<SmtpSettings> {
        let s = SmtpSettings {
            host: self.host.trim().trim_end_matches('.').to_ascii_lowercase(),
            port: self.port,
            security: self.security,
            user: self.user.trim().to_owned(),
            from_address: self.from_address.trim().to_owned(),
            from_name: self.from_name.trim().to_owned(),
        };
        if s.host.is_empty() {
            return Err(MailError::BadSettings("chưa nhập máy chủ gửi thư (SMTP).".into()));
        }
        if !s.host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')) {
            return Err(MailError::BadSettings(format!(
                "tên máy chủ “{}” có ký tự không hợp lệ (chỉ gồm chữ không dấu, số, dấu chấm và gạch ngang).",
                s.host
            )));
        }
        if s.port == 0 {
            return Err(MailError::BadSettings(
                "cổng phải là một số từ 1 đến 65535 (thường là 587 hoặc 465).".into(),
            ));
        }
        if s.security == Security::Plain && !is_loopback(&s.host) {
            return Err(MailError::PlainTextRefused(s.host));
        }
        if s.from_address.is_empty() {
            return Err(MailError::NoSender);
        }
        crate::compose::mailbox(&s.from_name, &s.from_address)?;
        Ok(s)
    }
}

/// True for `localhost` and loopback IP addresses: this computer itself.
pub fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Settings for a well-known provider (the user adds their address).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Preset {
    /// Stable id.
    pub id: String,
    /// Name shown in the list.
    pub label: String,
    /// Server name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Connection protection.
    pub security: Security,
    /// A hint shown under the form.
    pub note: String,
}

/// The providers offered in the settings form. The sector's official mail
/// (`@haiphong.edu.vn`) is not here: its SMTP server is not published, so the
/// user types the one the Department gives rather than a guessed name.
pub const PRESETS: &[(&str, &str, &str, u16, Security, &str)] = &[
    (
        "gmail",
        "Gmail / Google Workspace",
        "smtp.gmail.com",
        587,
        Security::Starttls,
        "Cần bật xác minh 2 bước và tạo “mật khẩu ứng dụng” (App password) để dùng ở đây.",
    ),
    (
        "gmail_ssl",
        "Gmail (SSL/TLS, cổng 465)",
        "smtp.gmail.com",
        465,
        Security::Tls,
        "Dùng khi mạng chặn cổng 587. Cần “mật khẩu ứng dụng”.",
    ),
    (
        "office365",
        "Outlook / Microsoft 365 (tài khoản cơ quan)",
        "smtp.office365.com",
        587,
        Security::Starttls,
        "Quản trị hệ thống phải cho phép gửi thư qua SMTP (SMTP AUTH) với tài khoản này.",
    ),
    (
        "outlook",
        "Outlook.com / Hotmail (cá nhân)",
        "smtp-mail.outlook.com",
        587,
        Security::Starttls,
        "Dùng địa chỉ Outlook/Hotmail đầy đủ làm tên đăng nhập.",
    ),
    (
        "yahoo",
        "Yahoo Mail",
        "smtp.mail.yahoo.com",
        465,
        Security::Tls,
        "Cần tạo “mật khẩu ứng dụng” trong phần bảo mật tài khoản Yahoo.",
    ),
    (
        "zoho",
        "Zoho Mail",
        "smtp.zoho.com",
        587,
        Security::Starttls,
        "Tài khoản tên miền riêng của tổ chức có thể dùng smtppro.zoho.com.",
    ),
];

/// The presets as values for the window and the CLI.
pub fn presets() -> Vec<Preset> {
    PRESETS
        .iter()
        .map(|&(id, label, host, port, security, note)| Preset {
            id: id.into(),
            label: label.into(),
            host: host.into(),
            port,
            security,
            note: note.into(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(host: &str, security: Security) -> SmtpSettings {
        SmtpSettings {
            host: host.into(),
            port: 2525,
            security,
            user: String::new(),
            from_address: "vanthu@thcs-leloi.edu.vn".into(),
            from_name: "Trường THCS Lê Lợi".into(),
        }
    }

    #[test]
    fn plain_text_only_to_this_computer() {
        for host in ["127.0.0.1", "localhost", "[::1]", "::1", "127.0.0.53"] {
            assert!(settings(host, Security::Plain).cleaned().is_ok(), "{host} is this computer");
        }
        for host in ["smtp.gmail.com", "192.168.1.10", "10.0.0.1", "localhost.evil.example"] {
            let err = settings(host, Security::Plain).cleaned().unwrap_err();
            assert!(matches!(err, MailError::PlainTextRefused(_)), "{host}: {err}");
            assert!(err.to_string().contains("587"), "the message says what to choose instead");
        }
        assert!(settings("smtp.gmail.com", Security::Starttls).cleaned().is_ok());
    }

    #[test]
    fn settings_are_checked() {
        assert!(matches!(settings("  ", Security::Tls).cleaned(), Err(MailError::BadSettings(_))));
        assert!(matches!(settings("máy chủ", Security::Tls).cleaned(), Err(MailError::BadSettings(_))));
        let mut s = settings("smtp.gmail.com", Security::Tls);
        s.from_address = "không phải địa chỉ".into();
        assert!(matches!(s.cleaned(), Err(MailError::BadAddress(_))));
        s.from_address.clear();
        assert!(matches!(s.cleaned(), Err(MailError::NoSender)));
        let mut s = settings(" SMTP.Gmail.com. ", Security::Tls);
        s.port = 0;
        assert!(matches!(s.cleaned(), Err(MailError::BadSettings(_))));
        s.port = 465;
        assert_eq!(s.cleaned().unwrap().host, "smtp.gmail.com");
    }

    #[test]
    fn presets_are_encrypted_and_unique() {
        let all = presets();
        let mut ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        for p in &all {
            assert_ne!(p.security, Security::Plain, "{}: a provider preset must be encrypted", p.id);
            assert_eq!(p.port, p.security.default_port(), "{}: the usual port for its security", p.id);
        }
    }
}
