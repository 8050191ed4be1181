"""Input no view can take is refused at the door with a readable, translated 400 (or 413)."""

import json

import pytest
from django import forms
from django.urls import reverse

from tests.api.conftest import bearer
from twinning.core.forms import StyledFormMixin

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_nul_in_the_query_string_is_a_translated_page_not_a_server_error(client):
    response = client.get(
        reverse("organisations:directory") + "?q=a%00b", HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.status_code == 400
    assert "Запрос содержит символ NUL" in response.content.decode()


def test_a_nul_in_the_path_or_a_form_field_is_refused(client, user):
    assert client.get("/organisations/a%00b/").status_code == 400
    client.force_login(user)
    response = client.post(reverse("core:account"), {"full_name": "A\x00B", "language": "en"})
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.full_name != "A\x00B"


def test_the_api_refuses_a_nul_deep_nesting_and_a_huge_body_in_its_error_format(client, user):
    headers = bearer(user)
    nul = client.put("/api/me", json.dumps({"full_name": "A\x00B"}), "application/json", **headers)
    assert nul.status_code == 400 and "NUL" in nul.json()["detail"]
    deep = "[" * 100_000 + "]" * 100_000
    nested = client.put("/api/me", deep, "application/json", **headers)
    assert (
        nested.status_code == 400 and nested.json()["detail"] == "The request is nested too deeply."
    )
    big = json.dumps({"full_name": "x" * 3_000_000})
    large = client.put("/api/me", big, "application/json", **headers)
    assert large.status_code == 413 and large.json()["errors"]["__all__"]


def test_an_over_long_email_at_sign_up_is_a_form_error(client):
    response = client.post(reverse("core:signup"), {
        "full_name": "A", "email": "a" * 300 + "@example.org", "password1": "x", "password2": "x",
        "language": "en", "consent": "on",
    })  # fmt: skip
    assert response.status_code == 200
    assert response.context["form"].errors["email"]


class _Count(StyledFormMixin, forms.Form):
    count = forms.IntegerField(min_value=1)


def test_an_integer_beyond_its_column_is_a_form_error_on_every_database():
    form = _Count({"count": str(2**31)})
    assert not form.is_valid() and "count" in form.errors
    assert _Count({"count": str(2**31 - 1)}).is_valid()


def test_the_api_and_the_page_refuse_an_absurd_amount_alike(client, operator):
    from tests.access import build_world
    from tests.film.access import _in_review

    world = build_world()
    _in_review(world)
    pk = world.film_application.pk
    data = {"amount": "1" + "0" * 30, "currency": "KZT"}
    client.force_login(operator)
    page = client.post(reverse("film:approve", args=[pk]), data)
    assert page.status_code in (200, 302)
    api = client.post(
        f"/api/film/applications/{pk}/approve", json.dumps(data), "application/json",
        **bearer(operator),
    )  # fmt: skip
    assert api.status_code == 400 and api.json()["errors"]["amount"]
    world.film_application.refresh_from_db()
    assert world.film_application.state == "under_review"


def test_a_body_that_is_not_json_is_a_400_in_the_api_format(client, user):
    response = client.put("/api/me", "{not json", "application/json", **bearer(user))
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"] == [
        "The request body could not be read: send JSON."
    ]


def test_a_time_with_an_offset_is_refused_as_the_page_refuses_it(client, operator):
    """Found by the fuzz test: PUT /api/events/{slug}/grid with "09:00:00+01:00" was a 500."""
    from tests.events.factories import EventFactory

    event = EventFactory()
    body = {
        "day": event.starts_on.isoformat(), "morning_start": "09:00:00+01:00",
        "morning_end": "12:00:00", "meeting_minutes": 30,
    }  # fmt: skip
    response = client.put(
        f"/api/events/{event.slug}/grid", json.dumps(body), "application/json", **bearer(operator)
    )
    assert response.status_code == 400
    assert response.json()["errors"]["morning_start"]
