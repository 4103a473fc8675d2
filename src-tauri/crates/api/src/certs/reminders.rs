//! What needs attention: reminder thresholds, the expiry dashboard, the
//! check for newly reached thresholds and the `.ics` calendar.

use super::certificates::{CertStatus, CertView, StaffBrief, Views};
use crate::requests::{self, RequestView};
use crate::{Api, ApiError, Result};
use chungthu_model::request::RequestStatus;
use chungthu_model::{Field, Problem, StaffStatus, VnDate};
use chungthu_store::certificate::{self as table};
use chungthu_store::rusqlite::Connection;
use chungthu_store::{audit, setting};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use ts_rs::TS;

/// Reminder thresholds when the user has set none: 90, 30 and 7 days.
pub const DEFAULT_REMINDER_DAYS: [u32; 3] = [90, 30, 7];
const REMINDER_KEY: &str = "expiry_reminder_days";
/// What was last notified, per certificate: the stage it had reached.
const NOTIFIED_KEY: &str = "expiry_notified";

/// How many requests are in one state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusCount {
    /// The state.
    pub status: RequestStatus,
    /// How many.
    pub count: u32,
}

/// What needs attention today: the first page of the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    /// The day it was computed for.
    pub today: VnDate,
    /// Reminder thresholds, largest first.
    pub reminder_days: Vec<u32>,
    /// Expired certificates of people still working (and of the unit) who
    /// have no newer usable certificate of the same kind.
    pub expired: Vec<CertView>,
    /// Certificates ending within the largest threshold.
    pub expiring: Vec<CertView>,
    /// Working people without a usable certificate.
    pub without_valid: Vec<StaffBrief>,
    /// Requests per state (every state, zero included).
    pub requests: Vec<StatusCount>,
    /// Requests not finished yet.
    pub waiting: Vec<RequestView>,
    /// Usable certificates in all.
    pub usable_count: u32,
}

/// Something that newly reached a reminder threshold since the last check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Crossing {
    /// The certificate.
    pub certificate_id: i64,
    /// Holder's name.
    pub holder_name: String,
    /// Days left (negative: expired).
    pub days_left: i64,
    /// The threshold reached; `None` when it expired.
    pub threshold: Option<u32>,
}

impl Api {
    /// Reminder thresholds in days, largest first.
    pub fn reminder_days(&self) -> Result<Vec<u32>> {
        reminder_days(self.store.conn())
    }

    /// Sets the reminder thresholds (1 to 5 values, each 1–3650 days).
    pub fn save_reminder_days(&mut self, days: &[u32]) -> Result<Vec<u32>> {
        let mut days: Vec<u32> = days.to_vec();
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        let wrong = if days.is_empty() {
            Some("cần ít nhất một mốc nhắc")
        } else if days.len() > 5 {
            Some("tối đa 5 mốc nhắc")
        } else if days.iter().any(|d| !(1..=3650).contains(d)) {
            Some("mỗi mốc từ 1 đến 3650 ngày")
        } else {
            None
        };
        if let Some(text) = wrong {
            return Err(ApiError::Invalid(vec![Problem::error(Field::ReminderDays, "reminder_days", text)]));
        }
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            setting::set(tx, REMINDER_KEY, &days)?;
            audit::record(tx, &os_user, "setting", None, "update", &[REMINDER_KEY])?;
            Ok::<_, ApiError>(())
        })?;
        Ok(days)
    }

    /// The expiry dashboard for today.
    pub fn dashboard(&self) -> Result<Dashboard> {
        let conn = self.store.conn();
        let today = self.today();
        let views = Views::load(conn, today)?;
        let all: Vec<CertView> = table::all(conn)?.iter().map(|c| views.view(c)).collect();
        let current = |v: &&CertView| v.holder_active;
        let has_newer_usable = |v: &CertView| {
            all.iter().any(|o| {
                o.staff_id == v.staff_id && o.kind == v.kind && o.status.usable() && o.valid_to > v.valid_to
            })
        };
        let expired = all
            .iter()
            .filter(current)
            .filter(|v| v.status == CertStatus::Expired && !has_newer_usable(v))
            .cloned()
            .collect();
        let expiring = all
            .iter()
            .filter(current)
            .filter(|v| v.status == CertStatus::Expiring && !has_newer_usable(v))
            .cloned()
            .collect();
        let with_usable: std::collections::HashSet<i64> =
            all.iter().filter(|v| v.status.usable()).filter_map(|v| v.staff_id).collect();
        let without_valid = views
            .people
            .values()
            .filter(|s| s.status == StaffStatus::Active && !with_usable.contains(&s.id))
            .map(StaffBrief::from)
            .collect::<Vec<_>>();
        let mut without_valid = without_valid;
        let order = &self.order;
        without_valid.sort_by(|a, b| order.compare(&a.full_name, &b.full_name));
        let requests_all = requests::views(conn, &Default::default(), &views)?;
        let requests = RequestStatus::ALL
            .into_iter()
            .map(|status| StatusCount {
                status,
                count: requests_all.iter().filter(|r| r.status == status).count() as u32,
            })
            .collect();
        let waiting = requests_all.into_iter().filter(|r| r.status != RequestStatus::Done).collect();
        Ok(Dashboard {
            today,
            reminder_days: views.reminder_days.clone(),
            expired,
            expiring,
            without_valid,
            requests,
            waiting,
            usable_count: all.iter().filter(|v| v.status.usable()).count() as u32,
        })
    }

    /// What newly reached a reminder threshold (or expired) since the last
    /// check, remembering what was seen so it is said only once.
    pub fn expiry_check(&mut self) -> Result<Vec<Crossing>> {
        let today = self.today();
        let os_user = self.os_user.clone();
        self.store.write(|tx| {
            let views = Views::load(tx, today)?;
            let days = &views.reminder_days;
            let before: BTreeMap<String, u32> = setting::get(tx, NOTIFIED_KEY)?.unwrap_or_default();
            let mut now: BTreeMap<String, u32> = BTreeMap::new();
            let mut crossings = Vec::new();
            for cert in table::all(tx)? {
                let v = views.view(&cert);
                if !v.holder_active || v.status == CertStatus::Revoked {
                    continue;
                }
                // Stage 0 is "expired"; otherwise the smallest threshold reached.
                let stage = if v.days_left < 0 {
                    Some(0)
                } else {
                    days.iter().copied().filter(|&d| v.days_left <= i64::from(d)).min()
                };
                let Some(stage) = stage else { continue };
                let key = cert.id.to_string();
                if before.get(&key).is_none_or(|&seen| stage < seen) {
                    crossings.push(Crossing {
                        certificate_id: cert.id,
                        holder_name: v.holder_name.clone(),
                        days_left: v.days_left,
                        threshold: (stage > 0).then_some(stage),
                    });
                }
                now.insert(key, stage);
            }
            if now != before {
                setting::set(tx, NOTIFIED_KEY, &now)?;
                audit::record(tx, &os_user, "setting", None, "update", &[NOTIFIED_KEY])?;
            }
            Ok::<_, ApiError>(crossings)
        })
    }

    /// The `.ics` calendar of the usable certificates of working people and
    /// of the unit, with one reminder per threshold.
    pub fn expiry_calendar(&self) -> Result<(String, usize)> {
        let conn = self.store.conn();
        let views = Views::load(conn, self.today())?;
        let events: Vec<chungthu_certs::ExpiryEvent> = table::all(conn)?
            .iter()
            .map(|c| views.view(c))
            .filter(|v| v.holder_active && v.status.usable())
            .map(|v| chungthu_certs::ExpiryEvent {
                holder_name: v.holder_name,
                provider: v.provider.unwrap_or_default(),
                serial_hex: v.serial_hex,
                not_after: v.valid_to,
            })
            .collect();
        let text = chungthu_certs::expiry_calendar(&events, &views.reminder_days, time::UtcDateTime::now());
        Ok((text, events.len()))
    }

    /// Writes the expiry calendar to `path` atomically (a temporary file in
    /// the same folder, then renamed over), so a crash never leaves half a
    /// file. Returns how many certificates it holds.
    pub fn write_expiry_calendar(&self, path: &Path) -> Result<usize> {
        let (text, count) = self.expiry_calendar()?;
        chungthu_files::write_atomic(path, text.as_bytes()).map_err(|e| ApiError::File(e.to_string()))?;
        Ok(count)
    }
}

pub(super) fn reminder_days(conn: &Connection) -> Result<Vec<u32>> {
    let mut days: Vec<u32> = setting::get(conn, REMINDER_KEY)?
        .filter(|d: &Vec<u32>| !d.is_empty())
        .unwrap_or_else(|| DEFAULT_REMINDER_DAYS.to_vec());
    days.sort_unstable_by(|a, b| b.cmp(a));
    Ok(days)
}

pub(super) fn largest(days: &[u32]) -> u32 {
    days.iter().copied().max().unwrap_or(0)
}
