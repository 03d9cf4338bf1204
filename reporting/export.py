"""The statistics as an .xlsx workbook (openpyxl): one sheet per table, the period in each
sheet's title row, Chinese column names, frozen headers."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reporting.tables import all_tables

HEADER_FILL = PatternFill("solid", fgColor="F2E6E6")
# Excel refuses sheet names over 31 characters and these: []:*?/\
SHEET_NAME_LIMIT = 31


def _sheet_name(title):
    for character in "[]:*?/\\":
        title = title.replace(character, " ")
    return title[:SHEET_NAME_LIMIT]


def workbook_bytes(stats, *, heading):
    """heading: e.g. "2026年第三季度工会信息工作统计"; each sheet's first row names it."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in all_tables(stats):
        sheet = workbook.create_sheet(_sheet_name(table.title))
        sheet.append([f"{heading}\uff1a{table.title}"])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(table.headers)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row, indent in zip(table.rows, table.indents, strict=True):
            sheet.append(row)
            if indent:
                sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(indent=indent)
        sheet.freeze_panes = "A3"
        for index, header in enumerate(table.headers, start=1):
            longest = max([len(str(header))] + [len(str(row[index - 1])) for row in table.rows])
            sheet.column_dimensions[get_column_letter(index)].width = min(4 + longest * 2, 40)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
