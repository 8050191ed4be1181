"""The attendance sheet and the move targets over the API: the pages' services, by token."""

import pytest

from tests.api.conftest import bearer, send

pytestmark = pytest.mark.integration


def test_the_move_targets_over_the_api(client, day, operator, floor):
    first = floor["meetings"][0]
    auth = bearer(operator)
    url = f"/api/events/{day.slug}/meetings/{first.pk}/targets"
    answer = client.get(url, **auth).json()["items"]
    second = next(h for h in answer if h["slot"] == floor["slots"][1].pk)
    assert second["busy"] == ["Anna"] and second["free_count"] == 3


def test_the_sheet_over_the_api(client, day, operator, floor):
    first, second, third, _later = floor["meetings"]
    anna, _boris, cara = floor["people"][:3]
    auth = bearer(operator)
    url = f"/api/events/{day.slug}/attendance"
    rows = client.get(url, {"slot": floor["slots"][0].pk}, **auth).json()["items"]
    assert [r["meeting"] for r in rows] == [first.pk, second.pk, third.pk]
    answer = send(client, "POST", url, {"meetings": {first.pk: [anna.pk]}}, auth)
    assert answer.json() == {"changed": 1}
    first.refresh_from_db()
    assert first.no_show == cara
    refused = send(client, "POST", url, {"meetings": {first.pk: [], 10**6: []}}, auth)
    assert refused.status_code == 400
    first.refresh_from_db()
    assert first.no_show == cara


def test_a_whole_participant_absent_over_the_api(client, day, operator, floor):
    anna = floor["people"][0]
    answer = send(
        client,
        "POST",
        f"/api/events/{day.slug}/registrations/{anna.pk}/absent",
        None,
        bearer(operator),
    )
    assert answer.json() == {"changed": 2}
    refused = send(
        client,
        "POST",
        f"/api/events/{day.slug}/registrations/{anna.pk}/absent",
        None,
        bearer(anna.user),
    )
    assert refused.status_code == 403
