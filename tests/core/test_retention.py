"""Retention: each kind of personal data removed when settings.RETENTION says it is due, by
`manage.py enforce_retention` (with --dry-run) and its periodic task."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.factories import UserFactory
from twinning.core import tasks
from twinning.core.models import ApiToken, DeletionReceipt, User
from twinning.core.retention import retention_enforce

pytestmark = pytest.mark.integration
LONG_AGO = timezone.now() - dt.timedelta(days=800)


def idle_person(**fields):  # type: ignore[no-untyped-def]
    person = UserFactory(**fields)
    User.objects.filter(pk=person.pk).update(last_login=LONG_AGO, date_joined=LONG_AGO)
    return person


def test_dry_run_prints_what_would_go_and_changes_nothing(db):
    person = idle_person()
    out = StringIO()
    call_command("enforce_retention", "--dry-run", stdout=out)
    text = out.getvalue()
    assert f"warn account #{person.pk}" in text and "would remove" in text
    assert "[1/" in text  # progress, one line per kind of data
    person.refresh_from_db()
    assert person.inactivity_warned_at is None and mail.outbox == []


def test_an_idle_account_is_warned_first_then_deleted_with_a_receipt(
    db, django_capture_on_commit_callbacks
):
    person = idle_person()
    with django_capture_on_commit_callbacks(execute=True):
        retention_enforce()
    person.refresh_from_db()
    assert person.inactivity_warned_at is not None
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert User.objects.filter(pk=person.pk).exists()  # not before the warning period
    later = timezone.now() + dt.timedelta(days=31)
    retention_enforce(now=later)
    assert not User.objects.filter(pk=person.pk).exists()
    assert DeletionReceipt.objects.get().reason == "retention"


def test_signing_in_after_the_warning_keeps_the_account(db):
    person = idle_person()
    retention_enforce()
    User.objects.filter(pk=person.pk).update(last_login=timezone.now() + dt.timedelta(minutes=1))
    retention_enforce(now=timezone.now() + dt.timedelta(days=31))
    person.refresh_from_db()
    assert person.inactivity_warned_at is None


def test_operators_and_recent_users_are_kept(db, operator):
    User.objects.filter(pk=operator.pk).update(last_login=LONG_AGO, date_joined=LONG_AGO)
    recent = UserFactory()
    results = retention_enforce(dry_run=True)
    assert results["core.inactive_accounts"] == []
    assert User.objects.filter(pk__in=[operator.pk, recent.pk]).count() == 2


def test_unconfirmed_sign_ups_and_revoked_tokens_expire(db, user):
    waiting = UserFactory(is_active=False, last_login=None)
    User.objects.filter(pk=waiting.pk).update(date_joined=LONG_AGO)
    token = ApiToken.objects.create(
        user=user, name="old", prefix="x", key_hash="h", revoked_at=LONG_AGO
    )
    kept = ApiToken.objects.create(user=user, name="live", prefix="y", key_hash="k")
    retention_enforce()
    assert not User.objects.filter(pk=waiting.pk).exists()
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert ApiToken.objects.filter(pk=kept.pk).exists()


def test_rejected_film_applications_and_registrations_expire_after_their_periods(
    db, settings, member, organisation
):
    from tests.events.factories import EventFactory
    from twinning.events.models import Registration
    from twinning.film.models import FilmApplication

    event = EventFactory(programme=organisation.programme)
    rejected = Registration.objects.create(
        event=event, user=member, organisation=organisation, status="rejected", decided_at=LONG_AGO
    )
    application = FilmApplication.objects.create(
        organisation=organisation, created_by=member, title="Steppe", format="feature",
        currency="KZT", total_core_expenditure=1000, shoot_start=dt.date(2025, 1, 1),
        shoot_end=dt.date(2025, 2, 1), state="rejected", rejection_reason="Out of scope.",
    )  # fmt: skip
    FilmApplication.objects.filter(pk=application.pk).update(updated_at=LONG_AGO)
    results = retention_enforce()
    assert results["events.rejected_registrations"] and results["film.rejected_applications"]
    assert not Registration.objects.filter(pk=rejected.pk).exists()
    assert not FilmApplication.objects.filter(pk=application.pk).exists()


def test_the_periodic_task_reports_progress(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    idle_person()
    result = tasks.enforce_retention.enqueue(dry_run=True)
    assert result.return_value["core.inactive_accounts"] == 1
    from twinning.core.models import JobProgress

    assert JobProgress.objects.get(kind="retention").state == "done"


def test_the_command_needs_an_address_for_the_warnings_link(
    db, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = ""
    person = idle_person()
    with pytest.raises(CommandError, match="--site-url"):
        call_command("enforce_retention", stdout=StringIO())
    person.refresh_from_db()
    assert person.inactivity_warned_at is None and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "enforce_retention", "--site-url=https://twinning.example.org", stdout=StringIO()
        )
    (warning,) = mail.outbox
    assert warning.to == [person.email]
    assert "https://twinning.example.org/accounts/login/" in warning.body


def test_the_periodic_task_needs_an_address_too_and_uses_the_one_it_was_handed(
    db, settings, django_capture_on_commit_callbacks
):
    """The task runs in a worker that has served no request: it used to mail the warning with a
    link to http://localhost."""
    from twinning.core.site import SiteUnknown

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = ""
    person = idle_person()
    with pytest.raises(SiteUnknown):
        tasks.enforce_retention.call()
    person.refresh_from_db()
    assert person.inactivity_warned_at is None and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        tasks.enforce_retention.call(site="https://twinning.example.org")
    assert "https://twinning.example.org/" in mail.outbox[0].body
    assert "localhost" not in mail.outbox[0].body


def test_an_address_given_to_the_command_wins_over_the_setting(
    db, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://configured.example.org"
    idle_person()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("enforce_retention", site_url="https://told.example.org", stdout=StringIO())
    assert "https://told.example.org/" in mail.outbox[0].body
    assert "configured.example.org" not in mail.outbox[0].body
