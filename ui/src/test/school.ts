// A fictional lower-secondary school in Hải Phòng: realistic names, dates,
// CCCD numbers (province code 031, gender/century digit, birth year) and
// official e-mails. None of these people exist.

import type { Gender } from '../lib/bindings';
import { FakeBackend, fold } from './fake-backend';

type Row = [name: string, birth: string, gender: Gender, position: string, team: string];

const ROWS: Row[] = [
  ['Nguyễn Thị Hồng Nhung', '12/04/1975', 'female', 'Hiệu trưởng', 'Ban giám hiệu'],
  ['Trần Văn Hùng', '03/09/1978', 'male', 'Phó hiệu trưởng', 'Ban giám hiệu'],
  ['Phạm Thị Thu Hà', '21/11/1982', 'female', 'Phó hiệu trưởng', 'Ban giám hiệu'],
  ['Lê Minh Tuấn', '15/06/1980', 'male', 'Tổ trưởng chuyên môn', 'Tổ Khoa học tự nhiên'],
  ['Đỗ Thị Lan', '08/02/1988', 'female', 'Giáo viên', 'Tổ Khoa học tự nhiên'],
  ['Vũ Đức Anh', '30/07/1992', 'male', 'Giáo viên', 'Tổ Khoa học tự nhiên'],
  ['Hoàng Thị Mai', '19/05/1979', 'female', 'Tổ trưởng chuyên môn', 'Tổ Ngữ văn - Lịch sử'],
  ['Bùi Văn Thành', '25/12/1985', 'male', 'Giáo viên', 'Tổ Ngữ văn - Lịch sử'],
  ['Đặng Thị Hồng Ngọc', '14/03/1990', 'female', 'Giáo viên', 'Tổ Ngữ văn - Lịch sử'],
  ['Ngô Thị Thanh Hương', '02/10/1987', 'female', 'Tổ phó chuyên môn', 'Tổ Ngoại ngữ'],
  ['Phan Quốc Bảo', '11/01/1995', 'male', 'Giáo viên', 'Tổ Ngoại ngữ'],
  ['Trịnh Thị Yến', '27/08/1984', 'female', 'Tổ trưởng chuyên môn', 'Tổ Toán - Tin'],
  ['Đinh Văn Khoa', '09/04/1991', 'male', 'Giáo viên', 'Tổ Toán - Tin'],
  ['Nguyễn Văn An', '17/09/1996', 'male', 'Giáo viên', 'Tổ Toán - Tin'],
  ['Kiều Văn Quang', '05/05/1983', 'male', 'Giáo viên', 'Tổ Toán - Tin'],
  ['Lý Thị Phương', '23/06/1986', 'female', 'Kế toán', 'Tổ Văn phòng'],
  ['Mai Thị Thảo', '13/12/1993', 'female', 'Văn thư', 'Tổ Văn phòng'],
  ['Dương Thị Kim Oanh', '29/01/1989', 'female', 'Nhân viên thư viện', 'Tổ Văn phòng'],
  ['Lương Thị Xuân', '16/02/1994', 'female', 'Nhân viên y tế', 'Tổ Văn phòng'],
  ['Tạ Minh Đức', '04/11/1990', 'male', 'Tổng phụ trách Đội', 'Tổ Văn phòng'],
  ['Cao Văn Lộc', '1968', 'male', 'Bảo vệ', 'Tổ Văn phòng'],
  ['Hà Văn Sơn', '20/03/1965', 'male', 'Giáo viên', 'Tổ Khoa học tự nhiên'],
  ['Chu Thị Ánh', '07/07/1989', 'female', 'Giáo viên', 'Tổ Ngoại ngữ'],
];

const PREFIXES = ['091', '098', '096', '034', '085', '038', '097', '083'];

/** "Nguyễn Thị Hồng Nhung" → "nhungnth@haiphong.edu.vn". */
function officialEmail(name: string): string {
  const words = fold(name).split(' ');
  const given = words.pop() ?? '';
  return `${given}${words.map((w) => w[0]).join('')}@haiphong.edu.vn`;
}

/** A CCCD consistent with the birth year and gender (Hải Phòng, born in the 1900s). */
function cccdFor(birth: string, gender: Gender, i: number): string {
  const year = birth.slice(-4);
  const digit = gender === 'male' ? '0' : '1';
  return `031${digit}${year.slice(2)}${String(104_729 * (i + 3)).slice(-6)}`;
}

/** The school's register: 21 working people (3 needing a check) and 2 who left. */
export function schoolBackend(): FakeBackend {
  const fake = new FakeBackend();
  ROWS.forEach(([name, birth, gender, position, team], i) => {
    const missingCccd = name === 'Đặng Thị Hồng Ngọc';
    const oldCmnd = name === 'Phan Quốc Bảo';
    const person = fake.seed({
      full_name: name,
      birth_date: birth,
      gender,
      position,
      team,
      staff_code: `HB${String(i + 101).padStart(4, '0')}`,
      cccd: missingCccd ? '' : oldCmnd ? '031845672' : cccdFor(birth, gender, i),
      cccd_issued_on: missingCccd || oldCmnd ? '' : `${String((i % 27) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2021`,
      phone: `${PREFIXES[i % PREFIXES.length]}${String(7_654_321 + i * 130_517).slice(-7)}`,
      email: officialEmail(name),
    });
    if (name === 'Hà Văn Sơn') {
      Object.assign(person, { status: 'left', left_reason: 'retired', left_on: '2025-04-01' });
    }
    if (name === 'Chu Thị Ánh') {
      Object.assign(person, { status: 'left', left_reason: 'transfer', left_on: '2025-08-15' });
    }
    if (i < 12) fake.withHistory.add(person.id);
  });
  return fake;
}
