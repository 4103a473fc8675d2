// What the "Biểu mẫu" page's tests answer for its commands: a review as the
// backend builds it (rows, flags, the printed page) and recorded batches.
import type { BatchView, ExportReview, FormPage, ReviewRow } from '../lib/bindings';

/** The commands of the forms page (the staff fake backend does not answer them). */
export type FormsCommand = 'export_review' | 'export_write' | 'export_again' | 'batch_list';

const COLUMNS = [
  ['STT', 567],
  ['Họ và tên', 1932],
  ['Ngày sinh', 1136],
  ['Chức vụ', 1705],
  ['Đơn vị', 2046],
  ['Số căn cước công dân', 1364],
  ['Ngày cấp CCCD', 1250],
  ['Điện thoại', 1364],
] as const;

export function page(rows: string[][]): FormPage {
  return {
    geometry: {
      landscape: true,
      width: 16838,
      height: 11906,
      margin_top: 1134,
      margin_bottom: 1134,
      margin_left: 1701,
      margin_right: 851,
      left_share_percent: 42,
      body_pt: 13,
      table_pt: 12,
      title_pt: 14,
      recipients_pt: 11,
    },
    managing_body: 'UBND PHƯỜNG LÊ CHÂN',
    unit_name: 'TRƯỜNG THCS LÊ LỢI',
    national_title: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    national_motto: 'Độc lập - Tự do - Hạnh phúc',
    date_line: 'Hải Phòng, ngày 01 tháng 6 năm 2026',
    title: 'BIỂU MẪU ĐỀ NGHỊ CẤP CHỨNG THƯ SỐ',
    tables: [
      {
        heading: null,
        columns: COLUMNS.map(([header, width], i) => ({
          header,
          width,
          align: i === 1 || i === 3 || i === 4 ? 'left' : 'center',
        })),
        rows,
      },
    ],
    recipients_heading: 'Nơi nhận:',
    recipients: ['- Như trên;', '- Lưu: VT.'],
    signer_titles: ['HIỆU TRƯỞNG'],
    signature_note: '(Ký, ghi rõ họ tên, đóng dấu)',
    signature_space_lines: 4,
    signer_name: 'Nguyễn Văn Bình',
  };
}

const ANH = ['1', 'Trần Văn Anh', '05/03/1980', 'Giáo viên', 'Trường THCS Lê Lợi', '001080000101', '10/05/2021', '0912345678'];
const BICH = ['2', 'Đỗ Thị Bích', '09/09/1990', 'Giáo viên', 'Trường THCS Lê Lợi', '001185000105', '10/05/2021', '0911000003'];

function row(position: number, cells: string[], over: Partial<ReviewRow> = {}): ReviewRow {
  return {
    position,
    request_id: position,
    staff_id: position,
    certificate_id: null,
    full_name: cells[1] ?? '',
    cells,
    flags: [],
    ...over,
  };
}

/** An issuance list of two people, one with a CCCD that disagrees with the birth date. */
export function issuanceReview(over: Partial<ExportReview> = {}): ExportReview {
  const p = page([ANH, BICH]);
  return {
    kind: 'issuance',
    title: 'Danh sách đề nghị cấp chứng thư số',
    columns: p.tables[0]!.columns,
    rows: [
      row(1, ANH),
      row(2, BICH, {
        flags: [{ code: 'cccd_birth_mismatch', label: 'CCCD không khớp ngày sinh', level: 'warning' }],
      }),
    ],
    unit_flags: [],
    blocking: 0,
    empty_message: null,
    supersedes: [],
    page: p,
    default_file_name: 'Danh sách đề nghị cấp CTS - Trường THCS Lê Lợi - 01-06-2026.docx',
    default_xlsx_name: null,
    default_dir: '/home/van-thu/Tài liệu',
    ...over,
  };
}

/** A list with one person lacking a CCCD: no document, export refused. */
export function blockedReview(): ExportReview {
  return issuanceReview({
    rows: [
      row(1, []),
      row(2, ANH.map((c, i) => (i === 0 ? '2' : c))),
    ].map((r, i) =>
      i === 0
        ? {
            ...r,
            full_name: 'Vũ Thị Hoa',
            flags: [
              { code: 'cccd_missing', label: 'Thiếu CCCD', level: 'blocking' },
              { code: 'field_missing', label: 'Thiếu ngày sinh', level: 'blocking' },
            ],
          }
        : r,
    ),
    blocking: 2,
    page: null,
  });
}

export function batch(over: Partial<BatchView> = {}): BatchView {
  return {
    id: 1,
    kind: 'issuance',
    title: 'Danh sách đề nghị cấp chứng thư số',
    created_at: '2026-06-01T03:04:05Z',
    file_name: 'Danh sách đề nghị cấp CTS - Trường THCS Lê Lợi - 01-06-2026.docx',
    path: '/home/van-thu/Tài liệu/Danh sách đề nghị cấp CTS - Trường THCS Lê Lợi - 01-06-2026.docx',
    sha256: 'ab'.repeat(32),
    row_count: 2,
    date_mode: 'today',
    date_on: '2026-06-01',
    status: 'exported',
    superseded_by: null,
    xlsx_path: null,
    xlsx_sha256: null,
    sent_at: null,
    ...over,
  };
}
