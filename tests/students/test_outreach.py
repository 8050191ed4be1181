"""The embassy's outreach: invitations by filters with personal RSVP links that work signed
out, expire and answer for nobody else; mail in the recipient's language; per-purpose
unsubscribe; welfare checks with one-click answers and the who-answered page; retention."""

import datetime as dt
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests import html_forms
from tests.events.factories import EventFactory
from tests.students.factories import student
from twinning.students import services
from twinning.students.models import FairRegistration, StudentInvitation, WelfareAnswer

pytestmark = pytest.mark.integration


def _path(link: str) -> str:
    """The link without the server's address, for the test client."""
    return re.sub(r"^https?://[^/]+", "", link)


def _link(body: str, kind: str) -> str:
    return re.search(rf"http://[^\s]+/students/{kind}/\d+/\?sesame=[^\s&]+", body).group(0)


@pytest.fixture
def reception(programme):  # type: ignore[no-untyped-def]
    return EventFactory(programme=programme, kind="reception", slug="embassy-reception")


def test_invitations_by_filters_in_each_language_with_a_personal_signed_out_link(
    client, reception, operator, django_capture_on_commit_callbacks
):
    kazakh = student(name="Айгүл", university="york")
    kazakh.user.language = "kk"
    kazakh.user.save()
    student(name="Elsewhere", university="leeds")
    student(name="No contact", university="york", purposes=())
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.invitations_send(
            event=reception, filters=services.StudentFilter(university="york"), by=operator
        )
    assert sent == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [kazakh.user.email] and "Шақыру" in message.subject
    link = _path(_link(message.body, "rsvp"))
    page = client.get(link)  # signed out
    assert page.status_code == 200 and "Айгүл" in page.content.decode()
    token = link.split("sesame=")[1]
    pk = StudentInvitation.objects.get().pk
    client.post(f"/students/rsvp/{pk}/", {"sesame": token, "answer": "yes"})
    invitation = StudentInvitation.objects.get()
    assert invitation.answer == "yes" and invitation.answered_at is not None


def test_a_link_cannot_answer_for_anyone_else_and_expires(client, reception, operator):
    aida, bolat = student(name="Aida"), student(name="Bolat")
    services.invitations_send(event=reception, filters=services.StudentFilter(), by=operator)
    mine = StudentInvitation.objects.get(student=aida)
    theirs = StudentInvitation.objects.get(student=bolat)
    link = services.personal_link(user=aida.user, kind="rsvp", pk=mine.pk, name="students:rsvp")
    token = link.split("sesame=")[1]
    response = client.post(f"/students/rsvp/{theirs.pk}/", {"sesame": token, "answer": "no"})
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.answer == ""
    StudentInvitation.objects.filter(pk=mine.pk).update(expires_at=timezone.now())
    assert (
        client.post(f"/students/rsvp/{mine.pk}/", {"sesame": token, "answer": "yes"}).status_code
        == 403
    )


def test_unsubscribe_withdraws_one_purpose_only(client, operator):
    aida = student(name="Aida", purposes=("embassy_contact", "newsletter"))
    link = services.personal_link(
        user=aida.user, kind="unsubscribe", pk=aida.pk, name="students:unsubscribe"
    )
    token = link.split("sesame=")[1]
    client.post(f"/students/unsubscribe/{aida.pk}/", {"sesame": token, "purpose": "newsletter"})
    assert not services.has_consent(student=aida, purpose="newsletter")
    assert services.has_consent(student=aida, purpose="embassy_contact")
    bolat = student(name="Bolat")
    response = client.post(
        f"/students/unsubscribe/{bolat.pk}/", {"sesame": token, "purpose": "embassy_contact"}
    )
    assert response.status_code == 403
    assert services.has_consent(student=bolat, purpose="embassy_contact")


def test_welfare_check_one_click_answers_and_who_answered(
    client, operator, django_capture_on_commit_callbacks
):
    aida, bolat = student(name="Aida"), student(name="Bolat")
    with django_capture_on_commit_callbacks(execute=True):
        check = services.welfare_send(
            message="Are you safe after the storm?", filters=services.StudentFilter(), by=operator
        )
    body = next(m.body for m in mail.outbox if m.to == [aida.user.email])
    help_link = _path(re.search(r"http://\S+answer=help", body).group(0))
    page = client.get(help_link)  # signed out; a mail scanner opening the link records nothing
    assert page.status_code == 200 and WelfareAnswer.objects.get(student=aida).answer == ""
    form = html_forms.find(page.content.decode())
    answered = client.post(help_link.split("?")[0], form.submission(answer="help"))
    assert answered.status_code == 302
    assert WelfareAnswer.objects.get(student=aida).answer == "help"
    assert "Thank you" in client.get(answered["Location"]).content.decode()
    client.force_login(operator)
    page = client.get(f"/students/outreach/welfare/{check.pk}/").content.decode()
    assert "Answered: 1 of 2; need help: 1." in page
    assert bolat.display_name in page and "No answer yet" in page
    client.force_login(bolat.user)
    assert client.get(f"/students/outreach/welfare/{check.pk}/").status_code == 403


def test_retention_deletes_cvs_and_fair_data_after_the_configured_time(
    fair, aida_at_fair, aida, settings
):
    """Through the one retention command, which runs every kind; no command of its own."""
    path = Path(aida.cv.path)
    fair.event.starts_on = fair.event.ends_on = timezone.localdate() - dt.timedelta(days=40)
    fair.event.save()
    settings.RETENTION = {**settings.RETENTION, "cv_days_after_fair": 60}
    site = "--site-url=https://twinning.example.org"
    call_command("enforce_retention", site, stdout=StringIO())
    assert FairRegistration.objects.filter(fair=fair).exists() and path.exists()
    settings.RETENTION = {**settings.RETENTION, "cv_days_after_fair": 30}
    out = StringIO()
    call_command("enforce_retention", site, stdout=out)
    assert f"job fair #{fair.pk}" in out.getvalue()
    assert not FairRegistration.objects.filter(fair=fair).exists()
    assert not path.exists()
    aida.refresh_from_db()
    assert not aida.cv and not aida.consents.filter(purpose="fair_cv").exists()
    assert aida.consents.filter(purpose="embassy_contact").exists()


def test_fair_data_has_one_retention_mechanism():
    """The old `delete_fair_data` command duplicated `enforce_retention`'s students kind."""
    with pytest.raises(CommandError):
        call_command("delete_fair_data")
