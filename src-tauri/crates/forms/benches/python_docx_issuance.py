"""Builds the same 5,000-row issuance table with python-docx, for comparison
with chungthu-forms (run by benches/forms.rs; not part of the app).

Usage: python3 python_docx_issuance.py ROWS.json OUT.docx
ROWS.json holds the table's cells as lists of 8 strings. Prints a JSON line
{"seconds": build-and-save time, "bytes": file size}.
"""

import json
import os
import sys
import time

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

FONT = "Times New Roman"
HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị", "Số căn cước công dân", "Ngày cấp CCCD",
           "Điện thoại"]


def set_font(run, size, bold=False):
    """Times New Roman for ascii, hAnsi, eastAsia and cs, as the Rust side does."""
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def build(rows, out):
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(title.add_run("BIỂU MẪU ĐỀ NGHỊ CẤP CHỨNG THƯ SỐ"), 14, bold=True)
    table = doc.add_table(rows=1 + len(rows), cols=len(HEADERS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(header.cells, HEADERS):
        set_font(cell.paragraphs[0].add_run(text), 12, bold=True)
    for row, values in zip(table.rows[1:], rows):
        for cell, text in zip(row.cells, values):
            set_font(cell.paragraphs[0].add_run(text), 12)
    doc.save(out)


def main():
    rows = json.load(open(sys.argv[1], encoding="utf-8"))
    start = time.perf_counter()
    build(rows, sys.argv[2])
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "bytes": os.path.getsize(sys.argv[2])}))


if __name__ == "__main__":
    main()
