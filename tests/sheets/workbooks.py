"""Workbooks written by hand, part by part, as an attacker writes them: a few KB that declare a
cell at XFD1048576, merge the whole sheet, or unpack to gigabytes. Nothing large is kept in
the repository; each test makes its file."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="{PACKAGE}/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPES}.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPES}.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PACKAGE}/relationships">
<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PACKAGE}/relationships">
<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
EMPTY_STRINGS = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="0" uniqueCount="0"/>'


def workbook_xml(sheet_name: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        f'<sheets><sheet name="{escape(sheet_name, {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def cell(reference: str, value: str | tuple[str, str]) -> str:
    """An inline-string cell, or ("=FORMULA", "cached value"): a formula with the value it says it had."""
    if isinstance(value, tuple):
        formula, cached = value
        return f'<c r="{reference}" t="str"><f>{escape(formula.removeprefix("="))}</f><v>{escape(cached)}</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def rows_xml(rows: list[list[str | tuple[str, str]]]) -> str:
    lines = []
    for number, row in enumerate(rows, start=1):
        cells = "".join(cell(f"{chr(ord('A') + index)}{number}", value) for index, value in enumerate(row))
        lines.append(f'<row r="{number}">{cells}</row>')
    return "".join(lines)


def sheet_xml(sheet_data: str, dimension: str | None = "A1", after: str = "") -> str:
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        f"{declared}<sheetData>{sheet_data}</sheetData>{after}</worksheet>"
    )


def parts(sheet: str, sheet_name: str = "案例", shared_strings: str = EMPTY_STRINGS) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": CONTENT_TYPES.encode(),
        "_rels/.rels": ROOT_RELS.encode(),
        "xl/workbook.xml": workbook_xml(sheet_name).encode(),
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS.encode(),
        "xl/worksheets/sheet1.xml": sheet.encode(),
        "xl/sharedStrings.xml": shared_strings.encode(),
    }


class Deflated:
    """A part given as its deflate stream, with the size it claims to unpack to (and no true CRC)."""

    def __init__(self, stream: bytes, size: int) -> None:
        self.stream, self.size = stream, size


def shared_strings_bomb(gibibytes: int) -> Deflated:
    """sharedStrings.xml of one string of `gibibytes` GiB of `a`, as a deflate stream of a few MB.

    Each MiB is deflated after a full flush, which forgets what came before: the same bytes
    stand for every MiB, so the stream is made by repeating them, not by deflating gigabytes.
    """
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'.encode()
    tail = b"</t></si></sst>"
    mebibyte = b"a" * (1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
    repeated = deflate.compress(mebibyte) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.compress(tail) + deflate.flush()
    count = gibibytes * 1024
    return Deflated(start + repeated * count + end, len(head) + count * len(mebibyte) + len(tail))


def write_zip(path: Path, members: dict[str, bytes | Deflated], flags: int = 0, method: int = 8) -> Path:
    """A zip written field by field, so that a part can claim any size (and any flags and method)."""
    body, directory = bytearray(), bytearray()
    for name, content in members.items():
        encoded = name.encode()
        if isinstance(content, Deflated):
            stream, size, crc = content.stream, content.size, 0
        else:
            deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
            stream, size, crc = deflate.compress(content) + deflate.flush(), len(content), zlib.crc32(content)
        sizes = (crc, len(stream), size, len(encoded))
        directory += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, method, 0, 0, *sizes, 0, 0, 0, 0, 0, len(body)
        )
        directory += encoded
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, 0, 0, *sizes, 0) + encoded + stream
    count = len(members)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(body), 0)
    path.write_bytes(bytes(body + directory + end))
    return path
