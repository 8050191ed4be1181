"""Charts as SVG drawn on the server: read at a glance, printable in the PDF, no JavaScript.

Pure functions of labels and numbers; every text is escaped here, so the result may be marked
safe in a template.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

BAR = "#2f6f9f"
VERIFIED = "#2e8b57"
GRID = "#d0d7de"
TEXT = "#1f2328"
Number = int | float | Decimal


def _text(x: float, y: float, value: str, anchor: str = "start", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{TEXT}" '
        f'text-anchor="{anchor}">{escape(value)}</text>'
    )


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label={quoteattr(title)} class="chart">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def bars(title: str, rows: Sequence[tuple[str, Number, Number | None]], width: int = 640) -> str:
    """Horizontal bars, one per row: (label, value, part of it drawn over it, e.g. verified)."""
    label_width, row_height, right = 200, 26, 70
    height = max(1, len(rows)) * row_height + 10
    top = max((float(value) for _, value, _ in rows), default=0.0) or 1.0
    scale = (width - label_width - right) / top
    body = []
    for index, (label, value, part) in enumerate(rows):
        y = 5 + index * row_height
        body.append(_text(label_width - 8, y + 16, label, "end"))
        body.append(
            f'<rect x="{label_width}" y="{y + 4}" width="{float(value) * scale:.1f}" '
            f'height="{row_height - 8}" fill="{BAR}"/>'
        )
        if part:
            body.append(
                f'<rect x="{label_width}" y="{y + 4}" width="{float(part) * scale:.1f}" '
                f'height="{row_height - 8}" fill="{VERIFIED}"/>'
            )
        body.append(_text(label_width + float(value) * scale + 6, y + 16, _number(value)))
    return _svg(width, height, title, body)


def columns(
    title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[Number], str]],
    width: int = 640,
) -> str:  # fmt: skip
    """Grouped columns per label (months), one colour per series, with a legend."""
    height, bottom, top_margin, left = 220, 40, 28, 36
    plot_height = height - bottom - top_margin
    peak = max((float(v) for _, values, _ in series for v in values), default=0.0) or 1.0
    slot = (width - left) / max(1, len(labels))
    bar = max(2.0, slot / (len(series) + 1))
    axis = height - bottom
    body = [
        f'<line x1="{left}" y1="{axis}" x2="{width}" y2="{axis}" stroke="{GRID}"/>',
        _text(left - 4, top_margin + 4, _number(peak), "end", 10),
    ]
    for index, label in enumerate(labels):
        x = left + index * slot
        for number, (_, values, colour) in enumerate(series):
            value = float(values[index])
            h = value / peak * plot_height
            body.append(
                f'<rect x="{x + bar * (number + 0.5):.1f}" y="{height - bottom - h:.1f}" '
                f'width="{bar:.1f}" height="{h:.1f}" fill="{colour}"/>'
            )
        body.append(_text(x + slot / 2, height - bottom + 14, label, "middle", 10))
    for number, (name, _, colour) in enumerate(series):
        x = left + number * 180
        body.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>')
        body.append(_text(x + 16, 16, name, size=11))
    return _svg(width, height, title, body)


def _number(value: Number) -> str:
    if isinstance(value, Decimal | float) and value != int(value):
        return f"{value:,.1f}"
    return f"{int(value):,}"
