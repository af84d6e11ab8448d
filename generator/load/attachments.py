"""Attachments: which files from data/attachments/ may be published as they are.

An attachment is served from the site's own origin, so a file that a browser would run
(an HTML page, an SVG with a script) would run with the site's rights. Only inert
types are accepted, each recognised by its name *and* its first bytes, so that a page
renamed to `photo.png` is refused too. SVG is accepted only when it is a plain drawing:
no scripts, event handlers, embedded documents, or references outside the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from generator.load.files import ATTACHMENTS
from generator.messages import Text, text


@dataclass(frozen=True)
class FileType:
    family: str
    signatures: tuple[bytes, ...] = ()  # the file starts with one of these; () = text
    offset: int = 0


_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
_MATROSKA = (b"\x1a\x45\xdf\xa3",)
TYPES: dict[str, FileType] = {
    ".png": FileType("image", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": FileType("image", (b"\xff\xd8\xff",)),
    ".jpeg": FileType("image", (b"\xff\xd8\xff",)),
    ".gif": FileType("image", (b"GIF87a", b"GIF89a")),
    ".webp": FileType("image", (b"WEBP",), offset=8),
    ".bmp": FileType("image", (b"BM",)),
    ".svg": FileType("image"),  # text, checked by svg_problem
    ".pdf": FileType("PDF", (b"%PDF-",)),
    ".docx": FileType("Office", _ZIP),
    ".xlsx": FileType("Office", _ZIP),
    ".pptx": FileType("Office", _ZIP),
    ".odt": FileType("Office", _ZIP),
    ".ods": FileType("Office", _ZIP),
    ".odp": FileType("Office", _ZIP),
    ".doc": FileType("Office", _OLE),
    ".xls": FileType("Office", _OLE),
    ".ppt": FileType("Office", _OLE),
    ".txt": FileType("text"),
    ".log": FileType("text"),
    ".csv": FileType("text"),
    ".zip": FileType("archive", _ZIP),
    ".7z": FileType("archive", (b"7z\xbc\xaf\x27\x1c",)),
    ".gz": FileType("archive", (b"\x1f\x8b",)),
    ".tgz": FileType("archive", (b"\x1f\x8b",)),
    ".rar": FileType("archive", (b"Rar!\x1a\x07",)),
    ".mp4": FileType("video", (b"ftyp",), offset=4),
    ".mov": FileType("video", (b"ftyp", b"moov", b"wide", b"mdat"), offset=4),
    ".webm": FileType("video", _MATROSKA),
    ".mkv": FileType("video", _MATROSKA),
}
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png")  # attachments/people/<person id> + one of these
IMAGE_SUFFIXES = tuple(suffix for suffix, kind in TYPES.items() if kind.family == "image")
MAX_SVG_BYTES = 2 * 1024 * 1024

# What an SVG may contain: drawing elements only. Anything else (script, foreignObject,
# iframe, animation that can rewrite links, ...) makes the file refused.
SVG_ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feFlood",
    "feGaussianBlur", "feMerge", "feMergeNode", "feOffset", "feFuncA", "feFuncR", "feFuncG", "feFuncB",
}  # fmt: skip
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
LINK_ATTRIBUTES = {"href"}  # href and xlink:href: only references inside the file (#id)


def accepted_types() -> Text:
    """The accepted file types, grouped, for messages and the README."""
    families: dict[str, list[str]] = {}
    for suffix, kind in TYPES.items():
        families.setdefault(kind.family.lower(), []).append(suffix)
    return text("attachment-accepted-types", **{family: " ".join(suffixes) for family, suffixes in families.items()})


def _family(kind: FileType) -> Text:
    return text("file-family-" + kind.family.lower())


def normalised_name(name: str) -> str | None:
    """`attachments/x/y.png` for a name as a record writes it (with or without the folder),
    or None when the name tries to leave the folder."""
    if "\\" in name or name.startswith("/") or ":" in name.split("/", 1)[0]:
        return None
    parts = PurePosixPath(name.removeprefix(ATTACHMENTS + "/")).parts
    if not parts or any(part in ("..", ".") for part in parts):
        return None
    return ATTACHMENTS + "/" + "/".join(parts)


def attachment_problem(path: Path) -> Text | None:
    """Why this file may not be published, or None when it is an inert file of an accepted type."""
    suffix = path.suffix.lower()
    kind = TYPES.get(suffix)
    if kind is None:
        what = text("attachment-suffix-files", suffix=suffix) if suffix else text("attachment-no-suffix")
        return text("attachment-type-refused", what=what, accepted=accepted_types())
    with path.open("rb") as file:
        head = file.read(MAX_SVG_BYTES + 1 if suffix == ".svg" else 64)
    if suffix == ".svg":
        return svg_problem(head)
    if kind.signatures and not any(head[kind.offset :].startswith(sig) for sig in kind.signatures):
        return text("attachment-content-mismatch", family=_family(kind), suffix=suffix)
    if not kind.signatures and b"\x00" in head:
        return text("attachment-not-text", suffix=suffix)
    return None


def svg_problem(content: bytes) -> Text | None:
    """Why an SVG is not a plain drawing, or None."""
    if len(content) > MAX_SVG_BYTES:
        return text("svg-too-large")
    if b"<?xml-stylesheet" in content:
        return text("svg-style-sheet")
    try:
        root = fromstring(content, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError):
        return text("svg-not-xml")
    if _local(root.tag) != "svg":
        return text("svg-not-a-drawing")
    for element in root.iter():
        problem = _element_problem(element)
        if problem:
            return text("svg-not-plain", problem=problem)
    return None


def _element_problem(element: Element) -> Text | None:
    name, namespace = _local(element.tag), _namespace(element.tag)
    # Browsers run nothing in other namespaces (an editor's own metadata such as Inkscape's).
    if namespace in ("", SVG_NAMESPACE, XHTML_NAMESPACE) and name not in SVG_ELEMENTS:
        return text("svg-element", name=name)
    for attribute, value in element.attrib.items():
        local = _local(attribute)
        if local.lower().startswith("on"):
            return text("svg-event-handler", name=local)
        if local in LINK_ATTRIBUTES and not value.strip().startswith("#"):
            return text("svg-link-outside", name=local)
        if "url(" in value and not _only_local_urls(value):
            return text("svg-url-outside")
    return None


def _only_local_urls(value: str) -> bool:
    pieces = value.split("url(")[1:]
    return all(piece.lstrip(" '\"").startswith("#") for piece in pieces)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
