//! The exported lists as the window and the CLI show them.

use crate::{Api, ApiError, Result};
use chungthu_model::batch::Batch;
use chungthu_store::batch::{self as table};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An exported list as the window and the CLI show it: as stored, with its
/// form's title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BatchView {
    /// The list as stored.
    #[serde(flatten)]
    pub batch: Batch,
    /// The form's title.
    pub title: String,
}

impl From<Batch> for BatchView {
    fn from(batch: Batch) -> Self {
        BatchView { title: batch.kind.title().to_owned(), batch }
    }
}

impl Api {
    /// Every exported list, newest first.
    pub fn batches(&self) -> Result<Vec<BatchView>> {
        Ok(table::list(self.store.conn())?.into_iter().map(BatchView::from).collect())
    }

    /// One exported list.
    pub fn batch_view(&self, id: i64) -> Result<BatchView> {
        table::get(self.store.conn(), id)?
            .map(BatchView::from)
            .ok_or_else(|| ApiError::NotFound(format!("Không tìm thấy danh sách số {id}.")))
    }
}
