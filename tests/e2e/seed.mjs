// Twenty fictional staff of a lower secondary school (CLI arguments).
const p = (name, birth, gender, position, team, cccd, phone) => [
  '--name', name, '--birth-date', birth, '--gender', gender, '--position', position, '--team', team,
  '--cccd', cccd, '--phone', phone,
];

export const SEED = [
  p('Phạm Văn Quang', '12/04/1972', 'nam', 'Hiệu trưởng', 'Ban giám hiệu', '031072004512', '0912000101'),
  p('Lê Thị Thu Hà', '23/08/1978', 'nu', 'Phó hiệu trưởng', 'Ban giám hiệu', '031178003344', '0912000102'),
  p('Trần Minh Đức', '02/11/1980', 'nam', 'Tổ trưởng chuyên môn', 'Tổ Toán - Tin', '031080007781', '0983000103'),
  p('Đặng Thị Hồng Ngọc', '15/01/1986', 'nu', 'Giáo viên', 'Tổ Toán - Tin', '031186002290', '0983000104'),
  p('Vũ Thị Ánh', '30/06/1990', 'nu', 'Giáo viên', 'Tổ Ngữ văn', '031190005521', '0904000105'),
  p('Hoàng Văn Bình', '09/09/1975', 'nam', 'Giáo viên', 'Tổ Khoa học tự nhiên', '031075006610', '0904000106'),
  p('Ngô Thị Cúc', '21/12/1982', 'nu', 'Kế toán', 'Tổ Văn phòng', '031182001123', '0936000107'),
  p('Bùi Quang Dũng', '17/03/1988', 'nam', 'Giáo viên', 'Tổ Ngoại ngữ', '031088009045', '0936000108'),
  p('Đỗ Thị Giang', '04/05/1992', 'nu', 'Văn thư', 'Tổ Văn phòng', '031192003367', '0358000109'),
  p('Phan Thanh Hải', '28/02/1984', 'nam', 'Giáo viên', 'Tổ Khoa học xã hội', '031084004478', '0358000110'),
  p('Huỳnh Thị Hạnh', '11/07/1979', 'nu', 'Tổ trưởng chuyên môn', 'Tổ Ngữ văn', '031179008852', '0868000111'),
  p('Võ Văn Khánh', '19/10/1987', 'nam', 'Giáo viên', 'Tổ Toán - Tin', '031087001239', '0868000112'),
  p('Nguyễn Thị Lan', '06/06/1991', 'nu', 'Giáo viên', 'Tổ Ngoại ngữ', '031191002248', '0972000113'),
  p('Trần Thị Linh', '25/04/1995', 'nu', 'Tổng phụ trách Đội', 'Tổ Văn phòng', '031195006634', '0972000114'),
  p('Lê Hoàng Long', '13/08/1983', 'nam', 'Giáo viên', 'Tổ Khoa học tự nhiên', '031083005590', '0388000115'),
  p('Phạm Thị Mai', '01/01/1977', 'nu', 'Thủ quỹ', 'Tổ Văn phòng', '031177007716', '0388000116'),
  p('Đinh Công Nam', '22/09/1989', 'nam', 'Giáo viên', 'Tổ Khoa học xã hội', '031089003381', '0916000117'),
  p('Mai Thị Phương', '14/02/1993', 'nu', 'Nhân viên thư viện', 'Tổ Văn phòng', '031193009927', '0916000118'),
  p('Cao Minh Quân', '08/12/1985', 'nam', 'Giáo viên', 'Tổ Toán - Tin', '031085004463', '0947000119'),
  p('Trịnh Thị Yến', '27/05/1981', 'nu', 'Giáo viên', 'Tổ Ngữ văn', '031181008805', '0947000120'),
];
