//! Writing a list: the Word (and Excel) file and the batch recorded in one
//! go, and the re-export of a recorded batch.

use super::form::{date_line, form_error, form_of, unit_info};
use super::rows::{
    FlagLevel, certificate_item, email_item, empty_message, gather, request_item, request_kind, unit_flags,
};
use crate::certs::Views;
use crate::requests::transition;
use crate::{Api, ApiError, Result};
use chungthu_forms::{DateLine, Form, build_docx, certificates_xlsx};
use chungthu_model::batch::{BatchKind, DateMode};
use chungthu_model::digest::sha256_hex;
use chungthu_model::request::RequestStatus;
use chungthu_model::text::clean_line;
use chungthu_store::batch::{self as table, NewBatch};
use chungthu_store::certificate as cert_table;
use chungthu_store::request::{self as request_table};
use chungthu_store::unit;
use chungthu_store::{StoreError, audit};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What an export or a re-export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportOutcome {
    /// The list's number.
    pub batch_id: i64,
    /// Which list.
    pub kind: BatchKind,
    /// Rows in the document.
    pub rows: u32,
    /// SHA-256 of the written document, hex.
    pub sha256: String,
    /// The Word file.
    pub file: String,
    /// The Excel copy, when asked for.
    pub xlsx_file: Option<String>,
    /// Earlier lists this one replaced.
    pub superseded: Vec<i64>,
    /// For a re-export: the bytes are those recorded at the export (false
    /// when the register changed since, e.g. a corrected name, or when the
    /// list was exported before Word files were written schema-valid: it is
    /// then written in the valid form, with the same content and layout).
    pub same_as_recorded: bool,
}

/// Checks that `path` names a file with extension `ext` (".docx").
fn check_target(path: &Path, ext: &str) -> Result<()> {
    let ok = path.file_name().is_some()
        && path.extension().and_then(|e| e.to_str()).is_some_and(|e| format!(".{}", e.to_lowercase()) == ext);
    if ok {
        Ok(())
    } else {
        Err(ApiError::Refused(format!(
            "Tên tệp cần lưu phải kết thúc bằng {ext} (đang là «{}»). Hãy chọn lại nơi lưu và tên tệp.",
            path.display()
        )))
    }
}

/// Files written during an export, with what they held before, so that a
/// failure after writing puts them back as they were.
#[derive(Default)]
struct Written(Vec<(PathBuf, Option<Vec<u8>>)>);

impl Written {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        let before = std::fs::read(path).ok();
        chungthu_files::write_atomic(path, bytes).map_err(|e| ApiError::File(e.to_string()))?;
        self.0.push((path.to_owned(), before));
        Ok(())
    }

    /// Best effort: the error that made the export fail is the one the
    /// user must read, so a failure to put a file back is not reported over it.
    fn undo(self) {
        for (path, before) in self.0.into_iter().rev() {
            let _ = match before {
                Some(bytes) => chungthu_files::write_atomic(&path, &bytes).map_err(|_| ()),
                None => std::fs::remove_file(&path).map_err(|_| ()),
            };
        }
    }
}

impl Api {
    /// Writes the list of `kind` to `out` (and its Excel copy to `xlsx`,
    /// certificates list only), records the batch with the file's SHA-256
    /// and moves its requests marked → exported, all in one transaction.
    /// A list of 0 rows, a blocked row or missing unit settings are refused
    /// with nothing written. If writing fails nothing is recorded; if
    /// recording fails the files are put back as they were.
    pub fn export(
        &mut self,
        kind: BatchKind,
        out: &Path,
        date_mode: DateMode,
        xlsx: Option<&Path>,
    ) -> Result<ExportOutcome> {
        check_target(out, ".docx")?;
        if let Some(x) = xlsx {
            if kind != BatchKind::Certificates {
                return Err(ApiError::Refused(
                    "Chỉ danh sách chứng thư số đang sử dụng có bản Excel kèm theo.".to_owned(),
                ));
            }
            check_target(x, ".xlsx")?;
        }
        let today = self.today();
        let os_user = self.os_user.clone();
        let order = &self.order;
        let mut written = Written::default();
        let result = self.store.write(|tx| {
            let views = Views::load(tx, today)?;
            let g = gather(tx, kind, &views, order)?;
            if g.items.is_empty() {
                return Err(ApiError::Refused(empty_message(kind)));
            }
            let blocked = g.blocking_rows();
            if let Some(flag) = unit_flags(&g.unit, kind).into_iter().find(|f| f.level == FlagLevel::Blocking)
            {
                return Err(ApiError::Refused(format!("Chưa xuất được: {}.", flag.label)));
            }
            if blocked > 0 {
                let names: Vec<String> = g
                    .items
                    .iter()
                    .filter(|i| i.flags.iter().any(|f| f.level == FlagLevel::Blocking))
                    .take(5)
                    .map(|i| {
                        let what: Vec<&str> = i
                            .flags
                            .iter()
                            .filter(|f| f.level == FlagLevel::Blocking)
                            .map(|f| f.label.as_str())
                            .collect();
                        format!("{} ({})", clean_line(&i.name), what.join(", "))
                    })
                    .collect();
                return Err(ApiError::Refused(format!(
                    "Chưa xuất được: {blocked} dòng còn thiếu thông tin: {}{}. Hãy bổ sung rồi xuất lại.",
                    names.join("; "),
                    if blocked > 5 { "; …" } else { "" }
                )));
            }
            let form =
                form_of(kind, &g.unit, &g.items).ok_or_else(|| ApiError::Refused(empty_message(kind)))?;
            let date = date_line(date_mode, today);
            let bytes = build_docx(&form, &unit_info(&g.unit), date).map_err(form_error)?;
            let sha = sha256_hex(&bytes);
            let xlsx_bytes = match (&form, xlsx) {
                (Form::CertificatesInUse(rows), Some(_)) => {
                    Some(certificates_xlsx(rows).map_err(form_error)?)
                }
                _ => None,
            };
            let xlsx_sha = xlsx_bytes.as_deref().map(sha256_hex);
            let path_text = out.display().to_string();
            let xlsx_text = xlsx.map(|x| x.display().to_string());
            let file_name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let batch_id = table::insert(
                tx,
                &NewBatch {
                    kind,
                    file_name: &file_name,
                    path: &path_text,
                    sha256: &sha,
                    row_count: g.items.len() as u32,
                    date_mode,
                    date_on: (date_mode == DateMode::Today).then_some(today),
                    xlsx: xlsx_text.as_deref().zip(xlsx_sha.as_deref()),
                },
            )?;
            let superseded: Vec<i64> = g.live.iter().map(|b| b.id).collect();
            for old in &superseded {
                table::supersede(tx, *old, batch_id)?;
            }
            for (i, item) in g.items.iter().enumerate() {
                let position = i as u32 + 1;
                match &item.request {
                    Some(r) => {
                        if r.status == RequestStatus::Exported {
                            // The earlier list is withdrawn: its requests go back
                            // to "marked" and on into this one, both moves dated.
                            let note = format!(
                                "Danh sách số {} được thay bằng danh sách số {batch_id}",
                                r.batch_id.unwrap_or_default()
                            );
                            transition(tx, r.id, RequestStatus::Marked, Some(&note), today)?;
                        }
                        let note = format!("Danh sách số {batch_id}");
                        transition(tx, r.id, RequestStatus::Exported, Some(&note), today)?;
                        table::add_request(tx, batch_id, r.id, position)?;
                    }
                    None => table::add_row(tx, batch_id, position, item.staff_id, item.certificate_id)?,
                }
            }
            audit::record(
                tx,
                &os_user,
                "batch",
                Some(batch_id),
                "export",
                &["kind", "file_name", "sha256", "row_count", "date_mode"],
            )?;
            // Last, so that a refusal above writes nothing.
            written.write(out, &bytes)?;
            if let (Some(x), Some(b)) = (xlsx, &xlsx_bytes) {
                written.write(x, b)?;
            }
            Ok::<_, ApiError>(ExportOutcome {
                batch_id,
                kind,
                rows: g.items.len() as u32,
                sha256: sha,
                file: path_text,
                xlsx_file: xlsx_text,
                superseded,
                same_as_recorded: true,
            })
        });
        if result.is_err() {
            written.undo();
        }
        result
    }

    /// Writes list `batch_id` again to `out`: the same rows in the same
    /// order and the same date line as recorded, with the register's data
    /// as it is now. Changes no state; says whether the bytes are the ones
    /// recorded.
    pub fn reexport(&mut self, batch_id: i64, out: &Path) -> Result<ExportOutcome> {
        check_target(out, ".docx")?;
        let conn = self.store.conn();
        let batch = table::get(conn, batch_id)?
            .ok_or_else(|| ApiError::NotFound(format!("Không tìm thấy danh sách số {batch_id}.")))?;
        let views = Views::load(conn, self.today())?;
        let unit = unit::get(conn)?;
        let mut items = Vec::new();
        if request_kind(batch.kind).is_some() {
            for id in table::requests_of(conn, batch_id)? {
                if let Some(r) = request_table::get(conn, id)? {
                    items.push(request_item(conn, r, &unit, &views)?);
                }
            }
        } else {
            for (staff_id, cert_id) in table::rows_of(conn, batch_id)? {
                if let Some(c) = cert_id.map(|id| cert_table::get(conn, id)).transpose()?.flatten() {
                    items.push(certificate_item(&c, &views));
                } else if let Some(p) = staff_id.and_then(|id| views.people.get(&id)) {
                    items.push(email_item(p));
                }
            }
        }
        // History is written as it was: flags that appeared since (a
        // certificate that expired) do not keep it from being printed.
        let form = form_of(batch.kind, &unit, &items).filter(|_| !items.is_empty()).ok_or_else(|| {
            ApiError::Refused(format!(
                "Không dựng lại được danh sách số {batch_id}: có người hoặc chứng thư số trong danh sách đã bị xoá hoặc thiếu thông tin. Hãy xuất danh sách mới."
            ))
        })?;
        let date = match (batch.date_mode, batch.date_on) {
            (DateMode::Today, Some(d)) => DateLine::Today(d),
            _ => DateLine::Blank,
        };
        let bytes = build_docx(&form, &unit_info(&unit), date).map_err(form_error)?;
        let sha = sha256_hex(&bytes);
        let os_user = self.os_user.clone();
        chungthu_files::write_atomic(out, &bytes).map_err(|e| ApiError::File(e.to_string()))?;
        self.store.write(|tx| {
            audit::record(tx, &os_user, "batch", Some(batch_id), "reexport", &["file_name"])?;
            Ok::<_, StoreError>(())
        })?;
        Ok(ExportOutcome {
            batch_id,
            kind: batch.kind,
            rows: items.len() as u32,
            same_as_recorded: sha == batch.sha256,
            sha256: sha,
            file: out.display().to_string(),
            xlsx_file: None,
            superseded: Vec::new(),
        })
    }
}
