"""Production settings: refuse to start without a secret, and pass Django's deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.integration


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their own process; check --deploy must not.
    unset = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_deploy_check_reports_nothing_in_production():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_development_defaults_need_no_environment():
    result = run_manage("check")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("key", "why"),
    [
        ("x", "shorter than 50 characters"),
        ("a" * 60, "fewer than 5 different characters"),
        ("django-insecure-" + "k3" * 30, "a development key"),
    ],
)
def test_production_refuses_a_weak_secret_key(key, why):
    result = run_manage("check", DEBUG="false", SECRET_KEY=key)
    assert result.returncode != 0
    assert f"SECRET_KEY is too weak: it is {why}" in result.stderr or why in result.stderr


def test_every_response_carries_the_permissions_policy_and_safe_cookies(client, db, settings):
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    policy = response["Permissions-Policy"]
    assert "geolocation=()" in policy and "microphone=()" in policy and "camera=(self)" in policy
    assert response["Referrer-Policy"] == "same-origin"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_production_cookies_are_secure():
    result = run_manage(
        "shell", "-c",
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE)",
        DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50),
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1].split() == ["True"] * 3, result.stderr


def test_every_cookie_a_sign_in_sets_is_secure_in_production(client, db, settings):
    """The session, CSRF and language cookies, the last one also when sign-in sets it to the
    person's preferred language (it used to be set without the Secure flag)."""
    from tests.factories import UserFactory

    for name in ("SESSION", "CSRF", "LANGUAGE"):
        setattr(settings, f"{name}_COOKIE_SECURE", True)
    user = UserFactory(language="kk")
    client.get("/accounts/login/")
    response = client.post(
        "/accounts/login/", {"username": user.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    cookies = {**client.cookies, **response.cookies}
    names = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME)
    for name in names:
        assert cookies[name]["secure"], name
        assert cookies[name]["httponly"] and cookies[name]["samesite"] == "Lax", name
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "kk"
