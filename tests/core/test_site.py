"""Links in e-mails point at the server as it is reached, unless SITE_URL says otherwise."""

import http.cookiejar
import urllib.parse
import urllib.request

import pytest
from django.core import mail

from tests import html_forms
from tests.events.factories import EventFactory
from tests.factories import MembershipFactory, OperatorFactory, OrganisationFactory
from twinning.core.site import serving, site_url
from twinning.events.models import Registration

PASSWORD = "correct-horse-battery"


@pytest.mark.unit
def test_site_url_says_what_is_configured_else_what_is_served(settings):
    settings.SITE_URL = "https://twinning.example.org/"
    with serving("http://127.0.0.1:8123"):
        assert site_url() == "https://twinning.example.org"
    settings.SITE_URL = ""
    with serving("http://127.0.0.1:8123/"):
        assert site_url() == "http://127.0.0.1:8123"


class Browser:
    """A plain HTTP client with cookies, against the live server: what a person's browser sends."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path) as response:
            return response.read().decode()

    def submit(self, path: str, action: str) -> None:
        """Post the form of the page at `path` that posts to `action`, as it is rendered."""
        form = html_forms.find(self.get(path), action=action)
        body = urllib.parse.urlencode(form.submission(), doseq=True).encode()
        self.opener.open(self.base + (form.action or path), body).close()

    def log_in(self, email: str) -> None:
        form = html_forms.find(self.get("/accounts/login/"))
        data = form.submission(username=email, password=PASSWORD)
        body = urllib.parse.urlencode(data, doseq=True).encode()
        self.opener.open(self.base + "/accounts/login/", body).close()


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_mail_sent_by_a_page_links_to_the_port_the_server_runs_on(live_server, settings):
    settings.SITE_URL = ""
    event = EventFactory(requires_approval=True)
    organisation = OrganisationFactory(programme=event.programme)
    person = MembershipFactory(organisation=organisation).user
    registration = Registration.objects.create(
        event=event, user=person, organisation=organisation, languages="en"
    )
    operator = OperatorFactory()
    browser = Browser(live_server.url)
    browser.log_in(operator.email)
    action = f"/events/{event.slug}/manage/registrations/{registration.pk}/approve/"
    browser.submit(f"/events/{event.slug}/manage/", action)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.APPROVED
    (message,) = [m for m in mail.outbox if m.to == [person.email]]
    port = urllib.parse.urlsplit(live_server.url).port
    assert port != 8000
    assert f"{live_server.url}/events/{event.slug}/" in message.body
    assert f":{port}/" in message.body and ":8000" not in message.body
