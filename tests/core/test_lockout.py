"""Sign-in throttling (django-axes) with the real limits: the site's and the admin's sign-in, the
password-reset form and API token creation lock out after AXES_FAILURE_LIMIT attempts, refuse the
right password while locked, leave other accounts and other clients alone, and open again after
the cool-off."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests import html_forms
from tests.api.conftest import bearer, send
from tests.factories import OperatorFactory, UserFactory
from twinning.core.models import ApiToken

pytestmark = pytest.mark.integration

PASSWORD = "correct-horse-battery"
LOGIN = reverse("core:login")
ADMIN_LOGIN = reverse("admin:login")
RESET = reverse("core:password_reset")
LIMIT = settings.AXES_FAILURE_LIMIT


def sign_in(client: Client, url: str, email: str, password: str):  # type: ignore[no-untyped-def]
    """Post the sign-in form as the page renders it (its hidden fields included)."""
    form = html_forms.find(client.get(url).content.decode(), action=url)
    return client.post(url, form.submission(username=email, password=password))


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def fail(client: Client, url: str, email: str, times: int):  # type: ignore[no-untyped-def]
    return [sign_in(client, url, email, "wrong-guess").status_code for _ in range(times)]


def cool_off_passes() -> None:
    """Every recorded attempt is as old as the cool-off: the lock has run out."""
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= settings.AXES_COOLOFF_TIME
        attempt.save(update_fields=["attempt_time"])


def test_the_limit_is_real_in_the_tests():
    assert settings.AXES_ENABLED and LIMIT == 5
    assert settings.AUTHENTICATION_BACKENDS[0] == "twinning.core.lockout.PasswordAttemptsBackend"


def test_site_sign_in_locks_out_refuses_the_right_password_and_opens_after_the_cool_off(
    client, user
):
    assert fail(client, LOGIN, user.email, LIMIT - 1) == [200] * (LIMIT - 1)
    locked = sign_in(client, LOGIN, user.email, "wrong-guess")
    assert locked.status_code == 429
    assert gettext("Too many attempts") in locked.content.decode()
    right = sign_in(client, LOGIN, user.email.upper(), PASSWORD)
    assert right.status_code == 429
    assert not signed_in(client)
    cool_off_passes()
    assert sign_in(client, LOGIN, user.email, PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_lockout_leaves_other_accounts_and_other_clients_alone(client, user):
    fail(client, LOGIN, user.email, LIMIT)
    other = UserFactory()
    assert sign_in(client, LOGIN, other.email, PASSWORD).status_code == 302
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")
    assert sign_in(elsewhere, LOGIN, user.email, PASSWORD).status_code == 302
    assert signed_in(elsewhere)


def test_a_successful_sign_in_clears_the_count(client, user):
    fail(client, LOGIN, user.email, LIMIT - 1)
    assert sign_in(client, LOGIN, user.email, PASSWORD).status_code == 302
    client.post(reverse("core:logout"))
    assert fail(client, LOGIN, user.email, LIMIT - 1) == [200] * (LIMIT - 1)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_lockout_page_speaks_the_visitors_language(client, user, language):
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    fail(client, LOGIN, user.email, LIMIT - 1)
    page = sign_in(client, LOGIN, user.email, "wrong-guess").content.decode()
    with translation.override(language):
        title = gettext("Too many attempts")
        assert title != "Too many attempts"
        assert title in page
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        assert str(minutes) in page


def test_admin_sign_in_locks_out_too(client, db):
    operator = OperatorFactory(is_superuser=True)
    fail(client, ADMIN_LOGIN, operator.email, LIMIT - 1)
    assert sign_in(client, ADMIN_LOGIN, operator.email, "wrong-guess").status_code == 429
    assert sign_in(client, ADMIN_LOGIN, operator.email, PASSWORD).status_code == 429
    assert not signed_in(client)
    cool_off_passes()
    assert sign_in(client, ADMIN_LOGIN, operator.email, PASSWORD).status_code == 302


def test_an_operator_unlocks_from_the_command_line(client, user):
    fail(client, LOGIN, user.email, LIMIT)
    call_command("axes_reset_username", user.email)
    assert sign_in(client, LOGIN, user.email, PASSWORD).status_code == 302


def test_locked_attempts_are_listed_in_the_admin(client, user, db):
    fail(client, LOGIN, user.email, LIMIT)
    admin = Client()
    admin.force_login(OperatorFactory(is_superuser=True))
    page = admin.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert user.email in page


def request_reset(client: Client, email: str):  # type: ignore[no-untyped-def]
    form = html_forms.find(client.get(RESET).content.decode(), action=RESET)
    with TestCase.captureOnCommitCallbacks(execute=True):  # the mail leaves after the commit
        return client.post(RESET, form.submission(email=email))


def test_password_reset_requests_are_throttled_per_address_and_client(client, user):
    answers = [request_reset(client, user.email).status_code for _ in range(LIMIT - 1)]
    assert answers == [302] * (LIMIT - 1)
    assert len(mail.outbox) == LIMIT - 1
    refused = request_reset(client, user.email)
    assert refused.status_code == 429
    assert len(mail.outbox) == LIMIT - 1
    # Another address, another client and the sign-in itself are not blocked by it.
    assert request_reset(client, "someone.else@example.org").status_code == 302
    assert request_reset(Client(REMOTE_ADDR="203.0.113.9"), user.email).status_code == 302
    assert sign_in(client, LOGIN, user.email, PASSWORD).status_code == 302
    cool_off_passes()
    assert request_reset(client, user.email).status_code == 302


def test_unknown_addresses_are_throttled_the_same_way(client, db):
    answers = [request_reset(client, "nobody@example.org").status_code for _ in range(LIMIT)]
    assert answers == [302] * (LIMIT - 1) + [429]


def test_api_token_creation_asks_the_password_and_locks_out(client, user):
    headers = bearer(user)
    wrong = {"name": "script", "password": "wrong-guess"}
    answers = [send(client, "POST", "/api/me/tokens", wrong, headers) for _ in range(LIMIT)]
    assert [a.status_code for a in answers] == [400] * (LIMIT - 1) + [429]
    assert "Too many attempts" in answers[-1].json()["detail"]
    right = send(client, "POST", "/api/me/tokens", {**wrong, "password": PASSWORD}, headers)
    assert right.status_code == 429
    assert ApiToken.objects.filter(user=user).count() == 1  # the one `bearer` made
    # The account's sign-in from this client is locked as well: it is the same password.
    assert sign_in(Client(), LOGIN, user.email, PASSWORD).status_code == 429
    other = UserFactory()
    made = send(client, "POST", "/api/me/tokens", {**wrong, "password": PASSWORD}, bearer(other))
    assert made.status_code == 201
    cool_off_passes()
    assert send(client, "POST", "/api/me/tokens", right_data(), headers).status_code == 201


def right_data() -> dict[str, str]:
    return {"name": "script", "password": PASSWORD}


def test_token_page_locks_out_after_wrong_passwords(client, user):
    client.force_login(user)
    create = reverse("core:api_token_create")
    for _ in range(LIMIT - 1):
        assert client.post(create, {"name": "x", "password": "wrong"}).status_code == 302
    assert client.post(create, {"name": "x", "password": "wrong"}).status_code == 429
    assert client.post(create, {"name": "x", "password": PASSWORD}).status_code == 429
    assert not ApiToken.objects.exists()


def delete_account(client: Client, password: str):  # type: ignore[no-untyped-def]
    """Post the deletion form as the page renders it."""
    url = reverse("core:account_delete")
    form = html_forms.find(client.get(url).content.decode(), action="")
    return client.post(url, form.submission(password=password, confirm="on"))


def test_the_deletion_password_is_throttled_like_the_sign_in(client, user):
    client.force_login(user)
    answers = [delete_account(client, "wrong-guess").status_code for _ in range(LIMIT)]
    assert answers == [200] * (LIMIT - 1) + [429]
    assert delete_account(client, PASSWORD).status_code == 429
    assert type(user).objects.filter(pk=user.pk).exists()
    # Guessing here locks the sign-in too: it is the same password.
    assert sign_in(Client(), LOGIN, user.email, PASSWORD).status_code == 429
    cool_off_passes()
    assert delete_account(client, PASSWORD).status_code == 302
    assert not type(user).objects.filter(pk=user.pk).exists()


def test_the_api_deletion_password_is_throttled_too(client, user):
    headers = bearer(user)
    wrong = {"password": "wrong-guess", "confirm": True}
    answers = [send(client, "POST", "/api/me/delete", wrong, headers) for _ in range(LIMIT)]
    assert [a.status_code for a in answers] == [400] * (LIMIT - 1) + [429]
    right = send(client, "POST", "/api/me/delete", {**wrong, "password": PASSWORD}, headers)
    assert right.status_code == 429
    assert type(user).objects.filter(pk=user.pk).exists()


def from_address(number: int) -> Client:
    return Client(REMOTE_ADDR=f"198.51.100.{number}")


def test_guesses_spread_over_many_clients_lock_the_address_everywhere(client, user):
    limit = settings.AXES_USERNAME_FAILURE_LIMIT
    assert limit == 20 and limit > LIMIT
    # One guess from each of limit - 1 machines: no pair is near its limit, the address is not.
    for number in range(1, limit):
        assert sign_in(from_address(number), LOGIN, user.email, "wrong-guess").status_code == 200
    assert sign_in(from_address(200), LOGIN, user.email, PASSWORD).status_code == 302
    client.post(reverse("core:logout"))  # a success clears the count, as for one client
    for number in range(1, limit):
        sign_in(from_address(number), LOGIN, user.email, "wrong-guess")
    last = sign_in(from_address(limit), LOGIN, user.email, "wrong-guess")
    assert last.status_code == 429
    owner = from_address(201)
    assert sign_in(owner, LOGIN, user.email, PASSWORD).status_code == 429
    assert not signed_in(owner)
    # Other accounts are not affected; the cool-off opens the address again.
    assert sign_in(owner, LOGIN, UserFactory().email, PASSWORD).status_code == 302
    cool_off_passes()
    assert sign_in(from_address(202), LOGIN, user.email, PASSWORD).status_code == 302
