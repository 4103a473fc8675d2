//! The mail settings: the server (with presets and usual ports), the
//! templates, and the password, kept only in the OS credential store.

use crate::{Api, ApiError, Result};
use chungthu_mail::credential;
use chungthu_mail::settings::presets;
use chungthu_mail::template::PLACEHOLDERS;
use chungthu_mail::{MailError, Password, Preset, Security, SmtpSettings, Template};
use chungthu_store::{audit, setting};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Setting keys (never a password).
pub(super) const SMTP_KEY: &str = "mail.smtp";
pub(super) const TEMPLATE_KEY: &str = "mail.template";
pub(super) const RECIPIENTS_KEY: &str = "mail.recipients";

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

    pub(super) fn configured_smtp(&self) -> Result<SmtpSettings> {
        let smtp: Option<SmtpSettings> = setting::get(self.store.conn(), SMTP_KEY)?;
        let smtp = smtp.ok_or_else(|| {
            ApiError::Refused(
                "Chưa cài đặt máy chủ gửi thư. Hãy vào “Gửi thư” › “Cài đặt máy chủ thư” (hoặc lệnh `chungthu mail settings`).".into(),
            )
        })?;
        Ok(smtp.cleaned()?)
    }
}
