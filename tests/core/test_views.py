"""Account pages: home, sign-up, log-in/out, password reset, privacy, my account, dashboard."""

import io
import itertools
import json
import re
import zipfile

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests import html_forms
from tests.factories import (
    MembershipFactory,
    OpportunityFactory,
    OrganisationFactory,
    PublishedOpportunityFactory,
    UserFactory,
    region,
    sign_up_link,
)
from twinning.core import services
from twinning.core.models import Consent, User
from twinning.organisations.models import Membership, Opportunity

pytestmark = pytest.mark.integration

PASSWORD = "correct-horse-battery"
SIGN_UP = {
    "full_name": "Aigerim Sadykova",
    "email": "aigerim@example.kz",
    "password1": "Steppe-Falcon-2026",
    "password2": "Steppe-Falcon-2026",
    "language": "kk",
    "consent": "on",
}


# Home and privacy


def test_home_shows_live_counts(client, programme, organisation):
    OrganisationFactory(programme=programme, region=region("kostanay"))
    PublishedOpportunityFactory(organisation=organisation)
    OpportunityFactory(organisation=organisation)  # a draft is not counted
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    overview = response.context["overview"]
    assert overview["organisations_side_a"] == 1
    assert overview["organisations_side_b"] == 1
    assert overview["published_opportunities"] == 1
    assert overview["sections_represented"] == 1
    assert programme.name_en in response.content.decode()


def test_home_without_a_programme_still_renders(client, db):
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    assert "No programme has been set up yet" in response.content.decode()
    assert [panel.name for panel in response.context["panels"]] == ["programme"]


@pytest.mark.pins("core:home")
def test_home_query_count_does_not_grow_with_organisations(programme, pinned_queries):
    regions = iter([None, "kostanay", "kostanay"])  # one on side A, then two on side B

    def grow():
        name = next(regions)
        OrganisationFactory(programme=programme, **({"region": region(name)} if name else {}))

    pinned_queries(reverse("core:home"), grow)


def test_privacy_notice_shows_its_version(client, db, settings):
    response = client.get(reverse("core:privacy"))
    assert response.status_code == 200
    assert settings.PRIVACY_NOTICE_VERSION in response.content.decode()


def test_base_template_has_language_switcher_and_no_cdn(client, db):
    html = client.get(reverse("core:home")).content.decode()
    assert 'action="/i18n/setlang/"' in html
    for code in ("en", "ru", "kk"):
        assert f'name="language" value="{code}"' in html
    assert "Қазақша" in html and "Русский" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert reverse("core:privacy") in html


def test_switching_language_translates_the_page(client, db):
    response = client.post(reverse("set_language"), {"language": "ru", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert '<html lang="ru">' in response.content.decode()


# Sign-up


def test_signup_page_renders(client, db):
    response = client.get(reverse("core:signup"))
    assert response.status_code == 200
    assert reverse("core:privacy") in response.content.decode()


def test_signup_creates_a_closed_account_records_consent_and_mails_the_link(
    client, db, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core:signup"), SIGN_UP)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:signup_sent")
    user = User.objects.get(email="aigerim@example.kz")
    assert user.language == "kk"
    assert user.full_name == "Aigerim Sadykova"
    assert not user.is_active
    consent = Consent.objects.get(user=user, purpose="terms")
    assert consent.notice_version == settings.PRIVACY_NOTICE_VERSION
    assert consent.given_at is not None
    # The matching box was left unticked: recorded as declined, so the profile is not matched.
    assert not Consent.objects.get(user=user, purpose="matching").active
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mail.outbox] == [["aigerim@example.kz"]]
    confirm = client.get(sign_up_link(mail.outbox))
    form = html_forms.find(confirm.content.decode())
    response = client.post(confirm.wsgi_request.get_full_path(), form.submission())
    assert response["Location"] == reverse("core:dashboard")
    assert client.get(reverse("core:dashboard")).status_code == 200


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"consent": ""}, "consent"),
        ({"password2": "Something-Else-99"}, "password2"),
        ({"password1": "123", "password2": "123"}, "password1"),
        ({"email": "not-an-address"}, "email"),
        ({"full_name": ""}, "full_name"),
    ],
)
def test_signup_refuses_bad_input_and_creates_nothing(client, db, change, field):
    response = client.post(reverse("core:signup"), {**SIGN_UP, **change})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.exists()
    assert 'class="invalid-feedback' in response.content.decode()


def test_signup_redirects_someone_already_logged_in(member_client):
    response = member_client.get(reverse("core:signup"))
    assert response.status_code == 302


# Log-in, log-out, password reset


def test_login_with_email_and_password(client, user):
    response = client.post(reverse("core:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")


def test_login_with_a_wrong_password_is_refused(client, user):
    response = client.post(reverse("core:login"), {"username": user.email, "password": "nope"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post(member_client):
    assert member_client.get(reverse("core:logout")).status_code == 405
    response = member_client.post(reverse("core:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in member_client.session


def test_password_reset_sends_a_link_in_the_users_language(
    client, user, django_capture_on_commit_callbacks
):
    user.language = "ru"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):  # the mail leaves after the commit
        response = client.post(reverse("core:password_reset"), {"email": user.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    with translation.override("ru"):
        assert message.subject == gettext("Reset your Twinning password")
        assert gettext("Hello,") in message.body
    assert "/accounts/password-reset/" in message.body


@pytest.mark.parametrize(
    ("configured", "expected"),
    [("https://twinning.example.org", "https://twinning.example.org/"), ("", "http://elsewhere/")],
)
def test_the_password_reset_link_points_at_the_configured_site_not_the_host_header(
    client, user, settings, django_capture_on_commit_callbacks, configured, expected
):
    """With SITE_URL set, a forged Host header cannot send the reset link (and its token) to
    another server; without it the link follows the server as it was reached, as all mails do."""
    settings.SITE_URL = configured
    settings.ALLOWED_HOSTS = ["testserver", "elsewhere"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("core:password_reset"), {"email": user.email}, HTTP_HOST="elsewhere")
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    assert link.startswith(expected + "accounts/password-reset/"), link


def test_password_reset_link_sets_a_new_password(client, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("core:password_reset"), {"email": user.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get(f"/{path}", follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    new = {"new_password1": "Tulip-Garden-3141", "new_password2": "Tulip-Garden-3141"}
    response = client.post(form_url, new)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Tulip-Garden-3141")


def test_password_reset_for_an_unknown_address_sends_nothing(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize(
    "name", ["password_reset", "password_reset_done", "password_reset_complete", "login"]
)
def test_account_pages_render(client, db, name):
    assert client.get(reverse(f"core:{name}")).status_code == 200


# My account


@pytest.mark.parametrize("name", ["account", "account_export", "account_delete", "dashboard"])
def test_private_pages_send_visitors_to_login(client, db, name):
    response = client.get(reverse(f"core:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


def test_account_page_saves_name_language_and_time_zone(member_client, member):
    assert member_client.get(reverse("core:account")).status_code == 200
    data = {"full_name": "Jane Leeds", "phone": "", "language": "ru", "time_zone": "Asia/Almaty"}
    response = member_client.post(reverse("core:account"), data)
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.full_name, member.language, member.time_zone) == (
        "Jane Leeds",
        "ru",
        "Asia/Almaty",
    )
    assert response.cookies["django_language"].value == "ru"


def test_account_page_refuses_an_unknown_time_zone(member_client, member):
    data = {"full_name": "X", "language": "en", "time_zone": "Mars/Olympus"}
    response = member_client.post(reverse("core:account"), data)
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    member.refresh_from_db()
    assert member.full_name != "X"


def test_pages_show_times_in_the_users_time_zone(member_client, member):
    member.time_zone = "Asia/Almaty"
    member.save()
    html = member_client.get(reverse("core:home")).content.decode()
    assert "+05" in html or "ALMT" in html


@pytest.mark.pins("core:account")
def test_account_page_query_count_does_not_grow_with_tokens(member_client, member, pinned_queries):
    names = itertools.count(1)

    def check(response, rows):
        assert len(response.context["tokens"]) == rows
        assert response.content.decode().count("/revoke/") == rows

    pinned_queries(
        reverse("core:account"),
        lambda: services.api_token_create(user=member, name=f"Script {next(names)}"),
        client=member_client,
        check=check,
    )


@pytest.mark.pins("core:consents")
def test_consents_page_query_count_does_not_grow_with_the_record(
    member_client, member, pinned_queries
):
    """Each agreement withdrawn again stays a line of the record."""
    purposes = itertools.cycle(["matching", "marketing", "photos"])
    before = Consent.objects.filter(user=member).count()

    def grow():
        purpose = next(purposes)
        services.consent_give(user=member, purpose=purpose)
        services.consent_withdraw(user=member, purpose=purpose)

    def check(response, rows):
        assert len(response.context["consents"]) == before + rows

    pinned_queries(reverse("core:consents"), grow, client=member_client, check=check)


def test_export_gives_my_data_as_a_zip_without_the_password(member_client, member, organisation):
    response = member_client.get(reverse("core:account_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    body = b"".join(response.streaming_content)
    data = json.loads(zipfile.ZipFile(io.BytesIO(body)).read("data.json"))
    assert data["user"]["email"] == member.email
    assert data["organisations"]["memberships"][0]["organisation"] == organisation.pk
    assert member.password not in json.dumps(data)


def test_delete_account_needs_the_password(client, db):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("core:account_delete"), {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_account_refused_for_the_only_owner(member_client, member, organisation):
    response = member_client.post(
        reverse("core:account_delete"), {"password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 200
    assert str(organisation) in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_delete_account_removes_me_and_logs_me_out(client, organisation):
    user = UserFactory()
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.MEMBER)
    client.force_login(user)
    assert client.get(reverse("core:account_delete")).status_code == 200
    response = client.post(reverse("core:account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Membership.objects.filter(user_id=user.pk).exists()
    assert "_auth_user_id" not in client.session


# Dashboard


def test_dashboard_lists_my_organisations_and_opportunities(member_client, organisation):
    OpportunityFactory(organisation=organisation, title="Our draft")
    other = OpportunityFactory(title="Somebody else draft")
    response = member_client.get(reverse("core:dashboard"))
    html = response.content.decode()
    assert str(organisation) in html
    assert "Our draft" in html and str(Opportunity.Status.DRAFT.label) in html
    assert other.title not in html
    assert "queue_size" not in response.context


def test_dashboard_shows_operators_the_queue_size(operator_client):
    OpportunityFactory.create_batch(2, status=Opportunity.Status.SUBMITTED)
    response = operator_client.get(reverse("core:dashboard"))
    assert response.context["queue_size"] == 2
    assert reverse("organisations:queue") in response.content.decode()


@pytest.mark.pins("core:dashboard")
def test_dashboard_query_count_does_not_grow(member_client, organisation, pinned_queries):
    pinned_queries(
        reverse("core:dashboard"),
        lambda: OpportunityFactory(organisation=organisation),
        client=member_client,
    )


def test_logging_in_switches_to_the_preferred_language(client, db):
    UserFactory(email="irina@example.kz", language="ru")
    response = client.post(
        reverse("core:login"), {"username": "irina@example.kz", "password": PASSWORD}
    )
    assert response.cookies["django_language"].value == "ru"
    html = client.get(reverse("core:home")).content.decode()
    assert '<html lang="ru">' in html


def test_the_kazakh_sign_up_states_and_applies_the_password_rules_in_kazakh(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    url = reverse("core:signup")
    page = client.get(url).content.decode()
    assert "Құпиясөзде кемінде 8 таңба болуы керек." in page
    assert "Құпиясөз тек сандардан тұрмауы керек." in page
    form = html_forms.find(page)
    submission = form.submission(
        full_name="Айгерім Сапарова", email="aigerim@example.kz", password1="123",
        password2="123", consent="on",
    )  # fmt: skip

    refused = client.post(url, submission).content.decode()

    assert "Құпиясөз тым қысқа: онда кемінде 8 таңба болуы керек." in refused
    assert "Бұл құпиясөз тек сандардан тұрады." in refused
    assert "This password" not in refused


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "kk"])
def test_password_reset_page_is_translated(client, language):
    client.cookies["django_language"] = language
    english = client.get(reverse("core:password_reset"), HTTP_ACCEPT_LANGUAGE="en")
    page = client.get(reverse("core:password_reset")).content.decode()
    assert english.status_code == 200
    assert 'for="id_email"' in page
    label = re.search(r'<label[^>]*for="id_email"[^>]*>([^<]*)<', page).group(1).strip()
    assert label and label not in ("Email", "E-mail address")
