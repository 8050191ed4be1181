"""The API refuses what the pages refuse, with the same messages: the page's form is the rule."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from tests import html_forms
from tests.access import build_world
from tests.api.conftest import bearer
from tests.organisations.access import NEW_OPPORTUNITY

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _page_errors(client, url, changes):
    form = html_forms.find(client.get(url).content.decode())
    response = client.post(url, form.submission(**changes))
    assert response.status_code == 200
    return {
        name: [str(m) for m in messages]
        for name, messages in response.context["form"].errors.items()
    }


def _api_errors(client, user, body):
    response = client.post(
        "/api/opportunities", json.dumps(body), "application/json", **bearer(user)
    )
    assert response.status_code == 400, response.content
    return response.json()["errors"]


@pytest.mark.parametrize(
    ("field", "page_value", "api_value"),
    [
        ("expires_on", "2000-01-01", "2000-01-01"),
        ("expires_on", "0001-01-01", "0001-01-01"),
        ("target_regions", "atlantis", ["atlantis"]),
        ("summary", "x" * 501, "x" * 501),
    ],
)
def test_a_new_opportunity_is_refused_alike_by_the_page_and_the_api(
    client, field, page_value, api_value
):
    world = build_world()
    member = world.users["member"]
    client.force_login(member)
    url = reverse("organisations:opportunity_create", args=[world.organisation.slug])
    typed = {**NEW_OPPORTUNITY, "sectors": ", ".join(NEW_OPPORTUNITY["sectors"])}
    page = _page_errors(client, url, {**typed, field: page_value})
    body = {"organisation": world.organisation.slug, **NEW_OPPORTUNITY, field: api_value}
    api = _api_errors(client, member, body)
    assert api[field] == page[field]
    assert world.organisation.opportunities.count() == 1  # the world's own, nothing new


def test_a_future_expiry_is_taken_by_both(client):
    world = build_world()
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    body = {"organisation": world.organisation.slug, **NEW_OPPORTUNITY, "expires_on": future}
    response = client.post(
        "/api/opportunities", json.dumps(body), "application/json", **bearer(world.users["member"])
    )
    assert response.status_code == 201
    assert response.json()["expires_on"] == future
