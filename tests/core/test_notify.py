import pytest
from django.core import mail

from twinning.core.services import notify

pytestmark = pytest.mark.integration


def test_plain_text_mail_is_not_html_escaped(
    user, organisation, django_capture_on_commit_callbacks
):
    from tests.factories import OpportunityFactory

    opportunity = OpportunityFactory(organisation=organisation, title="O'Neill & Sons: lines")
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipient=user,
            template="organisations/email/opportunity_published",
            context={"opportunity": opportunity},
        )
    assert "O'Neill & Sons" in mail.outbox[-1].body
    assert "&#x27;" not in mail.outbox[-1].body and "&amp;" not in mail.outbox[-1].body


# Header-unsafe characters and failing mail servers: the request succeeds, nothing half-saved.
def _failing_backend(settings):
    settings.EMAIL_BACKEND = "tests.core.test_notify.FailingBackend"


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def _meeting_request(client, leeds, almaty):
    from django.urls import reverse

    from twinning.events.models import MeetingRequest

    client.force_login(leeds.user)
    url = reverse("events:request_create", args=[leeds.event.slug, almaty.pk])
    response = client.post(url, {"message": "Shall we meet?", "priority": "1"})
    return response, MeetingRequest.objects.filter(requester=leeds, recipient=almaty)


@pytest.mark.django_db
def test_a_name_with_a_line_break_sends_one_mail_with_a_clean_subject(
    client, event, leeds, almaty, django_capture_on_commit_callbacks
):
    leeds.user.full_name = "Lucy\r\nBcc: everyone@example.org\t"
    leeds.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        response, saved = _meeting_request(client, leeds, almaty)
    assert response.status_code == 302
    assert saved.count() == 1
    assert len(mail.outbox) == 1
    subject = mail.outbox[0].subject
    assert subject.startswith("Lucy Bcc: everyone@example.org")
    assert not any(c in subject for c in "\r\n\x00")
    assert mail.outbox[0].to == [almaty.user.email]


@pytest.mark.django_db
def test_a_film_title_with_a_line_break_sends_one_mail_per_operator_with_a_clean_subject(
    client, studio, producer, operator, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from tests.film.test_services import new_application
    from twinning.core.models import AuditEntry

    application = new_application(studio, producer, title="Steppe\nWinds")
    client.force_login(producer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("film:submit", args=[application.pk]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == "submitted"
    assert AuditEntry.objects.filter(action="film_application.submit").count() == 1
    assert [m.to for m in mail.outbox] == [[operator.email]]
    assert mail.outbox[0].subject == "Film application to review: Steppe Winds"


@pytest.mark.django_db
def test_a_failing_mail_server_is_logged_and_the_request_still_succeeds_once(
    client, settings, event, leeds, almaty, django_capture_on_commit_callbacks, caplog
):
    _failing_backend(settings)
    with django_capture_on_commit_callbacks(execute=True):
        response, saved = _meeting_request(client, leeds, almaty)
    assert response.status_code == 302
    assert saved.count() == 1
    assert "could not be sent" in caplog.text


@pytest.mark.django_db
def test_the_password_reset_mail_leaves_after_the_commit_and_a_failure_is_only_logged(
    client, settings, user, django_capture_on_commit_callbacks, caplog
):
    from django.urls import reverse

    url = reverse("core:password_reset")
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url, {"email": user.email})
    assert response.status_code == 302
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1 and "\n" not in mail.outbox[0].subject
    _failing_backend(settings)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"email": user.email}).status_code == 302
    assert "could not be sent" in caplog.text
