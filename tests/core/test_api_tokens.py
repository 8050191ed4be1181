"""The API tokens section of "My account": list, create (key shown once), revoke."""

import pytest
from django.urls import reverse

from tests import html_forms
from tests.factories import UserFactory
from twinning.core.models import ApiToken
from twinning.core.services import api_token_authenticate, api_token_create

pytestmark = pytest.mark.integration

ACCOUNT = reverse("core:account")
CREATE = reverse("core:api_token_create")
PASSWORD = "correct-horse-battery"


def test_new_key_is_shown_once_and_works(member_client, member):
    form = html_forms.find(member_client.get(ACCOUNT).content.decode(), action=CREATE)
    submission = form.submission(name="reporting script", password=PASSWORD)
    response = member_client.post(CREATE, submission, follow=True)
    key = response.context["new_key"]["key"]
    assert key in response.content.decode()
    assert api_token_authenticate(key=key) == member
    token = ApiToken.objects.get(user=member)
    assert token.name == "reporting script"
    again = member_client.get(ACCOUNT).content.decode()
    assert key not in again
    assert "reporting script" in again and token.prefix in again


def test_list_shows_only_my_live_tokens(member_client, member):
    api_token_create(user=member, name="laptop")
    api_token_create(user=UserFactory(), name="someone else's")
    gone, _key = api_token_create(user=member, name="old server")
    gone.revoked_at = gone.created_at
    gone.save()
    page = member_client.get(ACCOUNT).content.decode()
    assert "laptop" in page
    assert "someone else&#x27;s" not in page and "old server" not in page


def test_token_needs_a_name(member_client, member):
    response = member_client.post(CREATE, {"name": " ", "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert not ApiToken.objects.exists()
    assert response.context["new_key"] is None


def test_token_needs_the_accounts_password(member_client, member):
    response = member_client.post(CREATE, {"name": "script", "password": "guess"}, follow=True)
    assert "This password is not correct." in response.content.decode()
    assert not ApiToken.objects.exists()
    assert response.context["new_key"] is None


def test_revoke_own_token(member_client, member):
    token, key = api_token_create(user=member, name="laptop")
    url = reverse("core:api_token_revoke", args=[token.pk])
    assert member_client.post(url).status_code == 302
    assert api_token_authenticate(key=key) is None
    assert list(member_client.get(ACCOUNT).context["tokens"]) == []


def test_cannot_revoke_someone_elses_token(member_client):
    other = UserFactory()
    token, key = api_token_create(user=other, name="theirs")
    url = reverse("core:api_token_revoke", args=[token.pk])
    assert member_client.post(url).status_code == 404
    assert api_token_authenticate(key=key) == other


def test_anonymous_visitors_cannot_create_tokens(client, db):
    response = client.post(CREATE, {"name": "x"})
    assert response.status_code in (302, 403)
    assert not ApiToken.objects.exists()
