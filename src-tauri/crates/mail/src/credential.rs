//! The SMTP password in the operating system's credential store (Windows
//! Credential Manager, the Secret Service on Linux), through `keyring-core`.
//! The store is chosen once at start-up ([`use_os_store`]); where none can be
//! used (no session bus, an unsupported system), the app says so and asks
//! for the password at each send. The password is never in the database,
//! the settings, a log line or an error message.

use crate::{MailError, Result};
use keyring_core::{Entry, Error as KeyringError};

/// The service name under which the password is filed.
const SERVICE: &str = "ChungThu SMTP";

/// A password. Its `Debug` shows stars and it has no `Display`, so it cannot
/// slip into a message by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Wraps a password (an empty one is refused: it cannot log in).
    pub fn new(password: impl Into<String>) -> Option<Password> {
        let p = password.into();
        (!p.is_empty()).then_some(Password(p))
    }

    /// The password itself, for the SMTP login only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Picks the operating system's credential store for this process. Returns
/// its name, or why there is none (the caller tells the user, who then types
/// the password at each send).
pub fn use_os_store() -> std::result::Result<&'static str, String> {
    #[cfg(windows)]
    {
        let store = windows_native_keyring_store::Store::new().map_err(|e| e.to_string())?;
        keyring_core::set_default_store(store);
        Ok("Windows Credential Manager")
    }
    #[cfg(target_os = "linux")]
    {
        let store = zbus_secret_service_keyring_store::Store::new().map_err(|e| e.to_string())?;
        keyring_core::set_default_store(store);
        Ok("Secret Service")
    }
    #[cfg(not(any(windows, target_os = "linux")))]
    {
        Err("hệ điều hành này chưa được hỗ trợ".to_owned())
    }
}

/// True when a credential store was chosen.
pub fn store_available() -> bool {
    keyring_core::get_default_store().is_some()
}

/// The entry of one account: the login on one server.
fn entry(host: &str, user: &str) -> Result<Entry> {
    Entry::new(SERVICE, &format!("{user} @ {host}")).map_err(|e| store_error(e, None))
}

/// Stores the password of `user` on `host`, replacing an older one.
pub fn save(host: &str, user: &str, password: &Password) -> Result<()> {
    entry(host, user)?.set_password(password.expose()).map_err(|e| store_error(e, Some(password)))
}

/// The stored password, if any.
pub fn load(host: &str, user: &str) -> Result<Option<Password>> {
    match entry(host, user)?.get_password() {
        Ok(p) => Ok(Password::new(p)),
        Err(KeyringError::NoEntry) => Ok(None),
        Err(e) => Err(store_error(e, None)),
    }
}

/// Forgets the stored password (nothing to do when there is none).
pub fn forget(host: &str, user: &str) -> Result<()> {
    match entry(host, user)?.delete_credential() {
        Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
        Err(e) => Err(store_error(e, None)),
    }
}

fn store_error(e: KeyringError, password: Option<&Password>) -> MailError {
    let text = match &e {
        KeyringError::NoDefaultStore => {
            return MailError::NoCredentialStore("chưa chọn được kho mật khẩu".into());
        }
        KeyringError::NoStorageAccess(_) => "kho mật khẩu đang khoá hoặc không cho phép truy cập".to_owned(),
        other => other.to_string(),
    };
    MailError::CredentialStore(match password {
        Some(p) => text.replace(p.expose(), "***"),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// The default store is process-wide: tests that set it take turns.
    static STORE: Mutex<()> = Mutex::new(());

    #[test]
    fn saved_password_comes_back_and_can_be_forgotten() {
        let _turn = STORE.lock().unwrap_or_else(|p| p.into_inner());
        keyring_core::set_default_store(keyring_core::mock::Store::new().unwrap());
        assert!(store_available());
        assert_eq!(load("smtp.gmail.com", "vanthu@gmail.com").unwrap(), None);
        let p = Password::new("mật-khẩu-ứng-dụng 123").unwrap();
        save("smtp.gmail.com", "vanthu@gmail.com", &p).unwrap();
        assert_eq!(load("smtp.gmail.com", "vanthu@gmail.com").unwrap(), Some(p));
        assert_eq!(load("smtp.office365.com", "vanthu@gmail.com").unwrap(), None, "one entry per server");
        forget("smtp.gmail.com", "vanthu@gmail.com").unwrap();
        forget("smtp.gmail.com", "vanthu@gmail.com").unwrap();
        assert_eq!(load("smtp.gmail.com", "vanthu@gmail.com").unwrap(), None);
    }

    #[test]
    fn no_store_is_said_in_vietnamese() {
        let _turn = STORE.lock().unwrap_or_else(|p| p.into_inner());
        keyring_core::unset_default_store();
        assert!(!store_available());
        let err = save("smtp.gmail.com", "u", &Password::new("bí mật").unwrap()).unwrap_err();
        assert!(matches!(err, MailError::NoCredentialStore(_)));
        assert!(err.to_string().contains("nhập mật khẩu mỗi lần gửi"), "{err}");
        assert!(!err.to_string().contains("bí mật"));
    }

    #[test]
    fn password_never_prints() {
        let p = Password::new("hunter2-bí-mật").unwrap();
        assert_eq!(format!("{p:?}"), "Password(***)");
        assert_eq!(Password::new(""), None);
    }
}
