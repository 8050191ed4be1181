"""A student's sectors of interest count in the fit with a position: a division in common
counts fully, a neighbouring one (same NACE section) in part, and saying nothing about sectors
neither helps nor harms."""

import datetime as dt

import numpy as np
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.api.conftest import bearer, send
from tests.factories import sector
from tests.students.factories import student
from tests.students.html_forms import post_form
from twinning.students import fit as fitting
from twinning.students import services


def side(pk, sectors=(), sections=()):  # type: ignore[no-untyped-def]
    vector = np.asarray([1.0, 0.0], np.float32)
    return fitting.Side(
        pk, vector, frozenset({"python"}), frozenset({"en"}), tuple(sectors), frozenset(sections)
    )


@pytest.mark.unit
def test_a_division_in_common_beats_a_neighbour_which_beats_another_section():
    me = side(1, ["62"], ["J"])
    same = side(10, ["62"], ["J"])
    neighbour = side(11, ["63"], ["J"])  # information services: same section J
    far = side(12, ["01"], ["A"])  # crop farming
    ranked = fitting.rank(me, [far, neighbour, same])
    assert [f.id for f in ranked] == [10, 11, 12]
    reasons = {r["kind"]: r for r in ranked[0].reasons}
    assert reasons["sectors"]["common"] == ["62"]
    assert {r["kind"]: r for r in ranked[1].reasons}["sectors"]["same_section"] is True


@pytest.mark.unit
def test_no_sectors_on_either_side_neither_helps_nor_harms():
    silent = side(1)
    with_sector, without = side(10, ["62"], ["J"]), side(11)
    scores = {f.id: f.score for f in fitting.rank(silent, [with_sector, without])}
    assert scores[10] == scores[11]
    # A student who named sectors is not ranked down against a position that names none.
    me = side(2, ["62"], ["J"])
    assert fitting.fit(me, without).score == fitting.fit(silent, without).score


def _position(organisation, member, operator, title, codes):  # type: ignore[no-untyped-def]
    position = services.position_create(
        organisation=organisation, by=member, title=title,
        description="Graduate role working with data.", language="en", kind="graduate",
        location="kz", closes_on=timezone.localdate() + dt.timedelta(days=30),
    )  # fmt: skip
    position.sectors.set([sector(code) for code in codes])
    services.position_submit(position=position, by=member)
    return services.position_publish(position=position, by=operator)


@pytest.mark.integration
def test_the_sectors_chosen_on_the_profile_page_put_their_positions_first(
    client, organisation, member, operator
):  # type: ignore[no-untyped-def]
    who = student(course="MSc Data Science", skills="python, sql")
    farming = _position(organisation, member, operator, "Data analyst", ["01"])
    banking = _position(organisation, member, operator, "Data analyst", ["64"])
    client.force_login(who.user)
    answer = post_form(client, "/students/me/", {"sectors": [str(sector("64").pk)]}, action="")
    assert answer.status_code == 302
    assert [s.code for s in who.sectors.all()] == ["64"]
    matches = services.positions_for_student(student=who, positions=[farming, banking])
    assert [m.position for m in matches] == [banking, farming]
    page = client.get(reverse("students:recommended")).content.decode()
    assert "Sectors in common (NACE):" in page


@pytest.mark.integration
def test_the_api_takes_division_codes_and_refuses_unknown_ones_by_name(client, db):  # type: ignore[no-untyped-def]
    who = student()
    headers = bearer(who.user)
    body = {"university": "leeds", "course": "MSc Finance", "level": who.level,
            "graduation_year": 2027, "language_en": "C1"}  # fmt: skip
    refused = send(client, "PUT", "/api/students/me", {**body, "sectors": ["64", "99.99"]},
                   headers=headers)  # fmt: skip
    assert refused.status_code == 400 and "99.99" in refused.content.decode()
    who.refresh_from_db()
    assert who.course == "MSc Data Science" and not who.sectors.exists()
    saved = send(client, "PUT", "/api/students/me", {**body, "sectors": ["64"]}, headers=headers)
    assert saved.status_code == 200 and saved.json()["sectors"] == ["64"]


@pytest.mark.integration
def test_the_service_takes_only_divisions(db):  # type: ignore[no-untyped-def]
    from django.core.exceptions import ValidationError

    who = student()
    with pytest.raises(ValidationError) as refused:
        services.student_update(student=who, by=who.user, sectors=[sector("64.19")])
    assert "sectors" in refused.value.message_dict
    assert not who.sectors.exists()
