"""The QR code on a student's fair pass (segno: pure Python, SVG out, no image library)."""

import io

import segno
from django.urls import reverse

from twinning.core.site import site_url


def pass_url(fair_id: int, token: str) -> str:
    return site_url() + reverse("students:check_in_scan", args=[fair_id, token])


def pass_svg(fair_id: int, token: str) -> str:
    buffer = io.BytesIO()
    segno.make(pass_url(fair_id, token), error="m").save(
        buffer, kind="svg", scale=5, xmldecl=False, svgns=True, title="QR"
    )
    return buffer.getvalue().decode()
