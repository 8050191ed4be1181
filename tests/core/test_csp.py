"""The Content-Security-Policy: strict on every page, and no template needs it relaxed.

The policy allows scripts and styles from the site itself only, so an inline <script>, an
onclick= handler, a style= attribute or a javascript: URL would break (and would be the first
thing an injected payload uses). The sweep below fails on any of them in our templates; the
browser test in tests/e2e/test_csp.py walks real pages and counts the violations Chromium reports.
"""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OperatorFactory

ROOT = Path(__file__).resolve().parents[2] / "src" / "twinning"

#: Templates that never reach a browser, and why.
NOT_SERVED = {
    "outcomes/templates/outcomes/report.html": "rendered to PDF by WeasyPrint only; its <style> "
    "is the PDF's page set-up",
}

INLINE = {
    "inline <script>": re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I),
    "event handler attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "style attribute": re.compile(r"<[^>]*\sstyle\s*=", re.I),
    "<style> element": re.compile(r"<style\b", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
    "htmx inline handler (needs eval)": re.compile(r"\shx-on[:-]", re.I),
}


def templates() -> list[Path]:
    return sorted(ROOT.glob("*/templates/**/*.html")) + sorted(ROOT.glob("templates/**/*.html"))


def test_the_sweep_sees_every_template():
    assert len(templates()) > 100


@pytest.mark.unit
def test_no_template_carries_inline_script_handlers_or_styles():
    found = []
    for path in templates():
        name = path.relative_to(ROOT).as_posix()
        if name in NOT_SERVED:
            continue
        text = path.read_text(encoding="utf-8")
        for what, pattern in INLINE.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{name}:{line}: {what}")
    assert found == []


@pytest.mark.unit
def test_the_sweep_would_catch_each_kind():
    samples = {
        "inline <script>": "<script>alert(1)</script>",
        "event handler attribute": '<button onclick="go()">',
        "style attribute": '<div class="x" style="width: 5%">',
        "<style> element": "<style>p{}</style>",
        "javascript: URL": '<a href="javascript:go()">',
        "htmx inline handler (needs eval)": '<div hx-on:click="go()">',
    }
    for what, sample in samples.items():
        assert INLINE[what].search(sample), what
    assert not INLINE["inline <script>"].search('<script src="/static/x.js" defer></script>')


def policy_of(response) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    header = response["Content-Security-Policy"]
    directives = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in directives}


PAGES = [
    "core:home",
    "core:login",
    "core:signup",
    "core:password_reset",
    "core:privacy",
    "organisations:directory",
    "programmes:sectors",
    "events:list",
    "film:estimator",
    "students:fairs",
    "api:openapi-view",
]
SIGNED_IN = ["core:dashboard", "core:account", "organisations:mine", "outcomes:mine"]
ADMIN = ["admin:index", "admin:core_user_changelist", "admin:core_user_add"]


@pytest.mark.integration
@pytest.mark.parametrize("name", PAGES + SIGNED_IN + ADMIN)
def test_every_page_sends_the_strict_policy(db, name):
    client = Client()
    if name not in PAGES:
        client.force_login(OperatorFactory(is_superuser=True))
    response = client.get(reverse(name))
    assert response.status_code == 200
    policy = policy_of(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in word for words in policy.values() for word in words)


@pytest.mark.integration
def test_errors_and_the_api_send_it_too(client, db):
    assert "Content-Security-Policy" in client.get("/no-such-page/")
    assert "Content-Security-Policy" in client.get("/api/me")


@pytest.mark.integration
def test_htmx_is_told_to_inject_no_styles_and_evaluate_nothing(client, db):
    page = client.get(reverse("core:home")).content.decode()
    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false, ' in page
    assert '"allowEval": false' in page


@pytest.mark.integration
def test_logos_on_s3_are_allowed_by_the_policy():
    from tests.test_settings import run_manage

    show = (
        "from django.conf import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    aws = run_manage("shell", "-c", show, S3_BUCKET="logos", S3_REGION="eu-west-2")
    assert "https://logos.s3.eu-west-2.amazonaws.com" in aws.stdout, aws.stderr
    minio = run_manage(
        "shell", "-c", show, S3_BUCKET="logos", S3_ENDPOINT_URL="https://s3.example.org"
    )
    assert "'https://s3.example.org'" in minio.stdout, minio.stderr
