//! Sending over SMTP with lettre: TLS required (STARTTLS or implicit TLS)
//! except to this computer, a login when a user name is set, and every
//! failure turned into a Vietnamese [`MailError`] that says whether trying
//! later can help.

use crate::credential::Password;
use crate::settings::{Security, SmtpSettings};
use crate::{MailError, Outgoing, Result};
use lettre::Transport as _;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, CertificateStore, Tls, TlsParameters};
use lettre::transport::smtp::{self, SmtpTransport};
use std::error::Error as _;
use std::time::Duration;

/// How long one SMTP exchange may stall before it counts as a network failure.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Checked settings and whom to trust, ready to send.
#[derive(Debug, Clone)]
pub struct Transport {
    settings: SmtpSettings,
    roots_pem: Vec<Vec<u8>>,
    timeout: Duration,
}

impl Transport {
    /// Checks the settings (plain text only to loopback).
    pub fn new(settings: &SmtpSettings) -> Result<Transport> {
        Ok(Transport { settings: settings.cleaned()?, roots_pem: Vec::new(), timeout: TIMEOUT })
    }

    /// Trusts only this certificate authority (PEM) instead of the system's
    /// store: for a private server, and for tests with a throwaway CA.
    pub fn trusting_only(mut self, ca_pem: &[u8]) -> Transport {
        self.roots_pem.push(ca_pem.to_vec());
        self
    }

    /// Changes the time one exchange may stall.
    pub fn with_timeout(mut self, timeout: Duration) -> Transport {
        self.timeout = timeout;
        self
    }

    /// The checked settings.
    pub fn settings(&self) -> &SmtpSettings {
        &self.settings
    }

    fn tls(&self) -> Result<TlsParameters> {
        let host = self.settings.host.trim_start_matches('[').trim_end_matches(']').to_owned();
        let tls_err = |e: smtp::Error| MailError::Tls { host: host.clone(), detail: describe(&e) };
        if self.roots_pem.is_empty() {
            return TlsParameters::new(host.clone()).map_err(tls_err);
        }
        let mut builder = TlsParameters::builder(host.clone()).certificate_store(CertificateStore::None);
        for pem in &self.roots_pem {
            builder = builder.add_root_certificate(Certificate::from_pem(pem).map_err(tls_err)?);
        }
        builder.build_rustls().map_err(tls_err)
    }

    fn smtp(&self, password: Option<&Password>) -> Result<SmtpTransport> {
        let s = &self.settings;
        let tls = match s.security {
            Security::Starttls => Tls::Required(self.tls()?),
            Security::Tls => Tls::Wrapper(self.tls()?),
            Security::Plain => Tls::None,
        };
        let mut builder = SmtpTransport::builder_dangerous(s.host.clone())
            .port(s.port)
            .tls(tls)
            .timeout(Some(self.timeout));
        if !s.user.is_empty() {
            let password = password.ok_or(MailError::NoPassword)?;
            builder = builder
                .credentials(Credentials::new(s.user.clone(), password.expose().to_owned()))
                .authentication(vec![Mechanism::Plain, Mechanism::Login]);
        }
        Ok(builder.build())
    }
}

/// What the server said when it took the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The message's `Message-ID`.
    pub message_id: String,
    /// The server's reply to the message (often its queue id).
    pub server_reply: String,
}

/// Sends one message. `password` is needed when the settings have a user
/// name; it never appears in the error returned.
pub fn send(transport: &Transport, password: Option<&Password>, outgoing: &Outgoing) -> Result<Sent> {
    let message = outgoing.message()?;
    let smtp = transport.smtp(password)?;
    let scrub = |text: String| match password {
        Some(p) if !p.expose().is_empty() => text.replace(p.expose(), "***"),
        _ => text,
    };
    match smtp.send(&message) {
        Ok(reply) => Ok(Sent {
            message_id: outgoing.message_id.clone(),
            server_reply: scrub(reply.message().collect::<Vec<_>>().join(" ")),
        }),
        Err(e) => Err(classify(&e, transport.settings(), scrub)),
    }
}

/// Turns lettre's error into ours: 5xx is permanent (535 and its kin mean
/// the login was refused), 4xx and network trouble are transient, a server
/// that cannot do what the settings ask is permanent until they change.
fn classify(e: &smtp::Error, s: &SmtpSettings, scrub: impl Fn(String) -> String) -> MailError {
    let detail = scrub(describe(e));
    let code = e.status().map(|c| c.to_string()).unwrap_or_default();
    if e.is_permanent() {
        if ["530", "534", "535", "538"].contains(&code.as_str()) {
            MailError::AuthRejected { code }
        } else {
            MailError::Rejected { code, detail }
        }
    } else if e.is_transient() {
        MailError::Deferred { code, detail }
    } else if e.is_client() {
        MailError::Incompatible { host: s.host.clone(), detail }
    } else if e.is_tls() || from_tls(e) {
        MailError::Tls { host: s.host.clone(), detail }
    } else {
        MailError::Unreachable { host: s.host.clone(), port: s.port, detail }
    }
}

/// rustls reports a failed handshake through the socket's I/O error, so
/// lettre sees a network error: look for rustls's own error underneath.
fn from_tls(e: &smtp::Error) -> bool {
    let mut source = e.source();
    while let Some(err) = source {
        if err.downcast_ref::<rustls::Error>().is_some() {
            return true;
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && io.get_ref().is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
        {
            return true;
        }
        source = err.source();
    }
    false
}

/// The innermost useful words of an error chain (the server's reply, the
/// socket's complaint), on one line.
fn describe(e: &smtp::Error) -> String {
    let mut parts = Vec::new();
    let mut source = e.source();
    while let Some(err) = source {
        let text = err.to_string();
        if !parts.iter().any(|p: &String| p.contains(&text)) {
            parts.push(text);
        }
        source = err.source();
    }
    if parts.is_empty() {
        parts.push(e.to_string());
    }
    parts.join(": ").split_whitespace().collect::<Vec<_>>().join(" ")
}
