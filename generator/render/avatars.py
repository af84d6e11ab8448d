"""A person's picture: their photo when data/attachments/people/<id>.jpg or .png exists,
else their initials in a coloured circle, drawn as inline SVG (no external service).

The colour comes from the person's id, so it is the same on every page and every build;
every colour of the palette carries white text at WCAG AA contrast (4.5:1 or more).
"""

from __future__ import annotations

import zlib

from markupsafe import Markup

from generator.render.text import html_line

# Material colours, 700-900 shades: white text on each is at least 4.5:1.
PALETTE = (
    "#1565c0",
    "#2e7d32",
    "#6a1b9a",
    "#ad1457",
    "#c62828",
    "#4e342e",
    "#00695c",
    "#37474f",
    "#283593",
    "#b54d00",
    "#4527a0",
    "#006064",
)


def colour_of(person_id: str) -> str:
    return PALETTE[zlib.crc32(person_id.encode("utf-8")) % len(PALETTE)]


def initials(name: str) -> str:
    """What fits in the circle: a Chinese name's last two characters (the given name, as
    colleagues call each other), or the first letters of the first and last Latin word."""
    name = " ".join(name.split())
    if any(ord(ch) > 0x2E80 for ch in name):
        compact = name.replace(" ", "").replace("·", "")
        return compact[-2:]
    words = [word for word in name.replace("-", " ").split() if word[0].isalnum()]
    if not words:
        return "?"
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()


def initials_avatar(person_id: str, name: str, size: int) -> Markup:
    """A circle with the initials; decorative (the name is always written beside it)."""
    text = initials(name)
    font = size * (0.36 if len(text) > 1 else 0.5)
    return Markup(
        f'<svg class="kb-avatar kb-avatar-initials" xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" aria-hidden="true" focusable="false">'
        f'<circle cx="{size / 2:g}" cy="{size / 2:g}" r="{size / 2:g}" fill="{colour_of(person_id)}"/>'
        f'<text x="50%" y="50%" dy="0.35em" text-anchor="middle" fill="#fff" font-size="{font:.0f}" '
        f'font-weight="700">{html_line(text)}</text></svg>'
    )
