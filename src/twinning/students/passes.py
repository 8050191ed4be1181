"""The QR code on a student's fair pass (segno: pure Python, SVG out, no image library)."""

import io

import segno
from django.conf import settings
from django.urls import reverse


def pass_url(fair_id: int, token: str) -> str:
    return settings.SITE_URL + reverse("students:check_in_scan", args=[fair_id, token])


def pass_svg(fair_id: int, token: str) -> str:
    buffer = io.BytesIO()
    segno.make(pass_url(fair_id, token), error="m").save(
        buffer, kind="svg", scale=5, xmldecl=False, svgns=True, title="QR"
    )
    return buffer.getvalue().decode()
