"""The operator's schedule grid narrowed to one participant or one table (a big day's grid was
400 KB on one page): filtered from the rendered form, refused values said, queries pinned."""

import itertools

import pytest
from django.urls import reverse

from tests import html_forms
from tests.events.factories import accepted_meeting, participant
from twinning.events.models import Meeting

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
NAMES = itertools.count()


def place(meeting: Meeting, slot: int, table: int) -> Meeting:
    event = meeting.event
    Meeting.objects.filter(pk=meeting.pk).update(
        slot=event.slots.get(number=slot), table=event.tables.get(number=table)
    )
    return Meeting.objects.get(pk=meeting.pk)


@pytest.fixture
def grid(day):  # type: ignore[no-untyped-def]
    names = ("Lucy Leeds", "Asel Almaty", "Bob Bradford", "Cara Astana", "Dina Shymkent")
    people = {name: participant(day, name=name) for name in (*names, "Erlan Karaganda")}
    p = people
    return {
        "people": p,
        "leeds_almaty": place(accepted_meeting(p["Lucy Leeds"], p["Asel Almaty"]), 1, 1),
        "bradford_astana": place(accepted_meeting(p["Bob Bradford"], p["Cara Astana"]), 1, 2),
        "leeds_shymkent": place(accepted_meeting(p["Lucy Leeds"], p["Dina Shymkent"]), 2, 3),
        "unplaced": accepted_meeting(p["Bob Bradford"], p["Erlan Karaganda"]),
    }


def shown(page: str, meeting: Meeting) -> bool:
    return f'data-meeting="{meeting.pk}"' in page


def filter_form(page: str, url: str) -> html_forms.Form:
    return html_forms.find(page, action=url, method="get")


def test_the_grid_narrows_to_one_participant_then_to_one_table(client, operator, day, grid):
    client.force_login(operator)
    url = reverse("events:schedule", args=[day.slug])
    whole = client.get(url).content.decode()
    assert all(shown(whole, grid[k]) for k in ("leeds_almaty", "bradford_astana", "leeds_shymkent"))
    lucy = grid["people"]["Lucy Leeds"]
    form = filter_form(whole, url)
    assert {"participant", "table"} <= form.names()
    page = client.get(url, form.submission(participant=str(lucy.pk))).content.decode()
    assert shown(page, grid["leeds_almaty"]) and shown(page, grid["leeds_shymkent"])
    assert not shown(page, grid["bradford_astana"])
    tables = day.tables.order_by("number")
    headers = [t.label for t in tables if f">Table {t.label}<" in page]
    assert headers == [tables[0].label, tables[2].label], "only the tables Lucy sits at"
    assert "Bob Bradford × Erlan Karaganda" not in page, "another's unplaced meeting is left out"
    assert "The whole day" in page
    # The second table alone, from the form as it is now rendered (the participant still chosen:
    # Lucy has no meeting there, so the grid says so).
    second = str(tables[1].pk)
    page = client.get(url, filter_form(page, url).submission(table=second)).content.decode()
    assert 'data-testid="grid-empty"' in page and not shown(page, grid["bradford_astana"])
    page = client.get(url, {"participant": "", "table": second}).content.decode()
    assert shown(page, grid["bradford_astana"]) and not shown(page, grid["leeds_almaty"])
    assert "Bob Bradford × Erlan Karaganda" in page, "unplaced meetings have no table to filter by"


def test_a_participant_of_another_day_is_refused_in_the_readers_language(
    client, operator, day, grid
):  # type: ignore[no-untyped-def]
    from tests.events.factories import EventFactory

    stranger = participant(EventFactory(programme=day.programme), name="Zed Elsewhere")
    client.force_login(operator)
    client.cookies["django_language"] = "ru"
    url = reverse("events:schedule", args=[day.slug])
    page = client.get(url, {"participant": str(stranger.pk)}).content.decode()
    assert "Выберите корректный вариант" in page and "is-invalid" in page
    assert "Zed Elsewhere" not in page
    assert shown(page, grid["leeds_almaty"]) and shown(page, grid["bradford_astana"])
    page = client.get(url, {"table": "x"}).content.decode()
    assert "Выберите корректный вариант" in page


@pytest.mark.pins("events:schedule")
def test_a_filtered_grid_pins_its_queries(client, operator, day, grid, pinned_queries):
    client.force_login(operator)
    lucy = grid["people"]["Lucy Leeds"]
    slots = itertools.count(3)

    def grow():  # type: ignore[no-untyped-def]
        other = participant(day, name=f"Partner {next(NAMES)}")
        place(accepted_meeting(lucy, other), next(slots), 1)

    url = reverse("events:schedule", args=[day.slug]) + f"?participant={lucy.pk}"
    pinned_queries(url, grow)
    page = client.get(url).content.decode()
    assert page.count("× Partner") == 3


def test_the_filter_is_the_operators_only(client, day, grid):  # type: ignore[no-untyped-def]
    lucy = grid["people"]["Lucy Leeds"]
    client.force_login(lucy.user)
    url = reverse("events:schedule", args=[day.slug])
    assert client.get(url, {"participant": str(lucy.pk)}).status_code == 403
