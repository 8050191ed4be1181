"""Positions: posted by members, validated by an operator, listed publicly without contacts."""

import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.students.html_forms import post_form
from twinning.students import services
from twinning.students.models import Position

pytestmark = pytest.mark.integration


def new_position(organisation, user, **extra):  # type: ignore[no-untyped-def]
    fields = {
        "title": "Стажёр-аналитик данных",
        "description": "Анализ данных о добыче, SQL и Python.",
        "language": "ru",
        "kind": Position.Kind.INTERNSHIP,
        "location": Position.Location.KZ,
        "skills": "python, sql",
        "languages": "ru,en",
        "closes_on": timezone.localdate() + dt.timedelta(days=30),
        **extra,
    }
    return services.position_create(organisation=organisation, by=user, **fields)


def test_a_member_posts_from_the_rendered_form(client, organisation, member):
    client.force_login(member)
    url = f"/students/positions/new/{organisation.slug}/"
    closes = str(timezone.localdate() + dt.timedelta(days=9))
    changes = {
        "title": "Graduate engineer", "description": "Pipelines.", "language": "en",
        "kind": "graduate", "location": "uk", "closes_on": closes,
    }  # fmt: skip
    response = post_form(client, url, changes)
    assert response.status_code == 302
    assert Position.objects.get().state == Position.State.DRAFT


def test_an_outsider_cannot_post_for_an_organisation(client, organisation, outsider):
    client.force_login(outsider)
    assert client.get(f"/students/positions/new/{organisation.slug}/").status_code == 403


def test_workflow_submit_publish_and_public_listing_without_contacts(
    client, organisation, member, operator
):
    organisation.email = "hr@example.org"
    position = new_position(organisation, member)
    assert client.get(f"/students/positions/{position.pk}/").status_code == 302  # draft: hidden
    services.position_submit(position=position, by=member)
    with pytest.raises(PermissionDenied):
        services.position_publish(position=position, by=member)
    services.position_publish(position=position, by=operator)
    page = client.get("/students/positions/").content.decode()
    assert "Стажёр-аналитик данных" in page
    detail = client.get(f"/students/positions/{position.pk}/").content.decode()
    assert member.email not in detail and member.email not in page


def test_reject_needs_a_reason_and_the_database_insists(organisation, member, operator):
    position = new_position(organisation, member)
    services.position_submit(position=position, by=member)
    with pytest.raises(Exception, match="reason"):
        services.position_reject(position=position, by=operator, reason=" ")
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.filter(pk=position.pk).update(state="rejected", rejection_reason="")


@pytest.mark.parametrize("state", [s for s, _ in Position.State.choices])
def test_each_transition_is_allowed_only_from_its_declared_states(
    state, organisation, member, operator
):
    position = Position(organisation=organisation, state=state)
    assert member.has_perm("students.submit_position", position) == (state in {"draft", "rejected"})
    assert operator.has_perm("students.validate_position", position) == (state == "submitted")
    assert member.has_perm("students.close_position", position) == (state != "closed")
    assert not member.has_perm("students.validate_position", position)


def test_a_past_closing_date_is_refused(organisation, member):
    with pytest.raises(Exception, match="past"):
        new_position(organisation, member, closes_on=timezone.localdate() - dt.timedelta(days=1))


@pytest.mark.pins("students:positions")
def test_public_list_query_count(organisation, member, operator, pinned_queries):
    numbers = itertools.count()

    def grow():
        position = new_position(organisation, member, title=f"Position {next(numbers)}")
        services.position_submit(position=position, by=member)
        services.position_publish(position=position, by=operator)

    def check(response, rows):
        assert len(response.context["positions"]) == rows

    assert pinned_queries("/students/positions/", grow, check=check) == 3
