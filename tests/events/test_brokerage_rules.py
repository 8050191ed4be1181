"""Brokerage rules across a programme: who may meet whom, a cap on an organisation's meetings
across the programme's events, pairs that already met, and a region quota per event."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from tests import html_forms
from tests.api.conftest import bearer, send
from tests.events.factories import EventFactory, accepted_meeting, participant, pending_request
from tests.factories import OrganisationFactory, ProgrammeFactory, region
from twinning.core.models import AuditEntry
from twinning.events import services
from twinning.events.models import BrokerageRules, Meeting, MeetingRequest

pytestmark = pytest.mark.integration


def set_rules(operator, **fields):
    return services.brokerage_rules_set(by=operator, **fields)


@pytest.fixture
def kostanay(event):
    org = OrganisationFactory(programme=event.programme, region=region("kostanay"))
    return participant(event, name="Kairat Kostanay", organisation=org)


@pytest.fixture
def leeds_too(event):
    return participant(event, name="Liam Leeds")


# 1. Who may meet whom -------------------------------------------------------------------------


def test_cross_side_rule_refuses_a_same_side_request_naming_the_rule(
    event, operator, leeds, leeds_too, almaty
):
    set_rules(operator, programme=event.programme, pairing="cross_side")
    for language, words in [
        ("en", "Only across the two sides of the programme"),
        ("ru", "Только между двумя сторонами программы"),
        ("kk", "Тек бағдарламаның екі жағы арасында"),
    ]:
        with translation.override(language), pytest.raises(ValidationError) as refused:
            services.request_create(requester=leeds, recipient=leeds_too, by=leeds.user)
        assert words in refused.value.messages[0]
    assert not MeetingRequest.objects.exists()
    services.request_create(requester=leeds, recipient=almaty, by=leeds.user)


def test_event_override_lets_anyone_meet(event, operator, leeds, leeds_too):
    set_rules(operator, programme=event.programme, pairing="cross_side")
    set_rules(operator, event=event, pairing="any")
    assert services.request_create(requester=leeds, recipient=leeds_too, by=leeds.user).pk


def test_the_rule_applies_at_acceptance_too(event, operator, leeds, leeds_too):
    request = pending_request(leeds, leeds_too)
    set_rules(operator, event=event, pairing="cross_side")
    with pytest.raises(ValidationError, match="Only across the two sides"):
        services.request_accept(request=request, by=leeds_too.user)
    assert not Meeting.objects.exists()


def test_browser_offers_only_the_other_side_and_the_page_names_the_rule(
    client, event, operator, leeds, leeds_too, almaty
):
    set_rules(operator, programme=event.programme, pairing="cross_side")
    client.force_login(leeds.user)
    client.cookies["django_language"] = "ru"
    page = client.get(reverse("events:participants", args=[event.slug])).content.decode()
    assert f"participant-{almaty.pk}" in page and f"participant-{leeds_too.pk}" not in page
    asked = reverse("events:request_create", args=[event.slug, almaty.pk])
    form = html_forms.find(page, action=asked)
    client.post(asked, form.submission())
    assert MeetingRequest.objects.filter(recipient=almaty).exists()
    # A forged post for someone the page does not offer is refused, with the rule named.
    forged = reverse("events:request_create", args=[event.slug, leeds_too.pk])
    page = client.post(forged, form.submission(), follow=True).content.decode()
    assert "Только между двумя сторонами программы" in page
    assert not MeetingRequest.objects.filter(recipient=leeds_too).exists()


def test_api_answers_the_refusal_naming_the_rule(client, event, operator, leeds, leeds_too):
    set_rules(operator, programme=event.programme, pairing="cross_side")
    path = f"/api/events/{event.slug}/requests"
    headers = {**bearer(leeds.user), "HTTP_ACCEPT_LANGUAGE": "kk"}
    response = send(client, "POST", path, {"recipient": leeds_too.pk}, headers)
    assert response.status_code == 400
    assert "Тек бағдарламаның екі жағы арасында" in str(response.json())
    assert not MeetingRequest.objects.exists()


# 2. A cap across the programme's events --------------------------------------------------------


def test_cap_counts_meetings_at_every_event_of_the_programme(event, operator, leeds, almaty):
    accepted_meeting(leeds, almaty)
    set_rules(operator, programme=event.programme, meeting_cap=1)
    later = EventFactory(programme=event.programme, starts_on=event.starts_on + dt.timedelta(7))
    lucy = participant(later, organisation=leeds.organisation)
    other = participant(later, organisation=OrganisationFactory(region=region("kostanay")))
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        services.request_create(requester=lucy, recipient=other, by=lucy.user)
    message = refused.value.messages[0]
    assert "1" in message and leeds.organisation.display_name in message
    with pytest.raises(ValidationError, match="already has 1"):
        services.request_create(requester=lucy, recipient=other, by=lucy.user)
    # Another programme's events do not count.
    elsewhere = EventFactory(programme=ProgrammeFactory(slug="another-programme"))
    first = participant(elsewhere, organisation=leeds.organisation)
    assert services.request_create(
        requester=first, recipient=participant(elsewhere), by=first.user
    ).pk


def test_cap_is_checked_when_the_recipient_accepts(event, operator, leeds, almaty, kostanay):
    waiting = pending_request(kostanay, leeds)
    accepted_meeting(leeds, almaty)
    set_rules(operator, programme=event.programme, meeting_cap=1)
    with pytest.raises(ValidationError, match="cap of 1 meeting"):
        services.request_accept(request=waiting, by=leeds.user)


# 3. Pairs that already met ----------------------------------------------------------------------


@pytest.fixture
def held_earlier(event, leeds, almaty):
    """Lucy and Aigerim's organisations met at this event; a later event of the programme."""
    meeting = accepted_meeting(leeds, almaty)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    later = EventFactory(programme=event.programme, starts_on=event.starts_on + dt.timedelta(30))
    return (
        later,
        participant(later, organisation=leeds.organisation, name="Lucy again"),
        participant(later, organisation=almaty.organisation, name="Aigerim again"),
    )


def test_pair_that_met_is_flagged_to_both_sides_and_the_operator(
    client, event, operator, held_earlier
):
    later, lucy, aigerim = held_earlier
    request = pending_request(lucy, aigerim)
    for person in (lucy, aigerim):
        client.force_login(person.user)
        page = client.get(reverse("events:my_requests", args=[later.slug])).content.decode()
        assert f"met-before-request-{request.pk}" in page and event.title in page
    client.force_login(lucy.user)
    page = client.get(reverse("events:participants", args=[later.slug])).content.decode()
    assert f"met-before-{aigerim.pk}" in page
    # The recipient's acceptance is the second ask: the meeting is made, and the operator sees it.
    services.request_accept(request=request, by=aigerim.user)
    client.force_login(operator)
    page = client.get(reverse("events:schedule", args=[later.slug])).content.decode()
    assert 'data-testid="repeat-pairs"' in page and event.title in page
    response = client.get(f"/api/events/{later.slug}/requests", **bearer(lucy.user))
    assert response.json()["items"][0]["met_before"] == event.title


def test_not_flagged_without_an_earlier_held_meeting(client, event, leeds, almaty):
    request = pending_request(leeds, almaty)
    client.force_login(leeds.user)
    page = client.get(reverse("events:my_requests", args=[event.slug])).content.decode()
    assert f"met-before-request-{request.pk}" not in page


def test_programme_may_refuse_pairs_that_already_met(event, operator, held_earlier):
    _, lucy, aigerim = held_earlier
    set_rules(operator, programme=event.programme, repeat_meetings="refuse")
    with translation.override("kk"), pytest.raises(ValidationError) as refused:
        services.request_create(requester=lucy, recipient=aigerim, by=lucy.user)
    assert f"«{event.title_kk}»" in refused.value.messages[0]


# 4. A region quota per event ------------------------------------------------------------------


def test_region_quota_per_participant(event, operator, leeds, almaty):
    set_rules(operator, event=event, region_quota=1)
    accepted_meeting(leeds, almaty)
    same_region = participant(event, organisation=OrganisationFactory(region=region("almaty-city")))
    with pytest.raises(ValidationError, match="already has 1 with"):
        services.request_create(requester=leeds, recipient=same_region, by=leeds.user)
    other_region = participant(event, organisation=OrganisationFactory(region=region("kostanay")))
    assert services.request_create(requester=leeds, recipient=other_region, by=leeds.user).pk


# The operators' pages, the admin, the API: permission both ways, history and audit -----------


def test_operator_sets_programme_rules_from_the_page(client, event, operator, member):
    url = reverse("events:programme_rules", args=[event.programme.slug])
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(operator)
    form = html_forms.find(client.get(url).content.decode())
    client.post(url, form.submission(pairing="cross_side", meeting_cap="8"))
    rules = BrokerageRules.objects.get(programme=event.programme)
    assert (rules.pairing, rules.meeting_cap) == ("cross_side", 8)
    assert rules.history.count() == 1
    entry = AuditEntry.objects.get(action="brokerage_rules.set")
    assert entry.data["changes"]["meeting_cap"] == [None, 8]
    page = client.get(url).content.decode()
    assert operator.email in page  # the history names who changed the rules


def test_bad_input_on_the_rules_page_changes_nothing(client, event, operator):
    url = reverse("events:rules", args=[event.slug])
    client.force_login(operator)
    client.cookies["django_language"] = "ru"
    form = html_forms.find(client.get(url).content.decode())
    page = client.post(url, form.submission(region_quota="0")).content.decode()
    assert "Квота должна быть не меньше 1 или пустой." in page
    assert not BrokerageRules.objects.exists()


def test_event_rules_page_overrides_and_participants_are_refused(client, event, operator, leeds):
    url = reverse("events:rules", args=[event.slug])
    client.force_login(leeds.user)
    assert client.get(url).status_code == 403
    assert client.post(url, {"pairing": "any"}).status_code == 403
    client.force_login(operator)
    form = html_forms.find(client.get(url).content.decode())
    client.post(url, form.submission(pairing="cross_side", region_quota="2"))
    rules = BrokerageRules.objects.get(event=event)
    assert (rules.pairing, rules.region_quota) == ("cross_side", 2)


def test_rules_service_refuses_non_operators(event, leeds):
    with pytest.raises(PermissionDenied):
        services.brokerage_rules_set(by=leeds.user, event=event, pairing="cross_side")
    assert not BrokerageRules.objects.exists()


def test_rules_through_the_api_both_ways(client, event, operator, leeds):
    path = f"/api/programmes/{event.programme.slug}/rules"
    refused = send(client, "PATCH", path, {"meeting_cap": 3}, bearer(leeds.user))
    assert refused.status_code == 403
    answer = send(client, "PATCH", path, {"meeting_cap": 3}, bearer(operator))
    assert answer.status_code == 200, answer.content
    assert answer.json()["meeting_cap"] == 3
    path = f"/api/events/{event.slug}/rules"
    assert send(client, "PATCH", path, {"pairing": "x"}, bearer(operator)).status_code == 400
    answer = send(client, "PATCH", path, {"pairing": "cross_side"}, bearer(operator)).json()
    assert answer["in_force"] == {
        "pairing": "cross_side",
        "meeting_cap": 3,
        "repeat_meetings": "flag",
        "region_quota": None,
    }
    assert client.get(path, **bearer(leeds.user)).status_code == 403
    assert AuditEntry.objects.filter(action="brokerage_rules.set").count() == 2


def test_admin_changes_are_kept_and_audited(admin_client, event):
    url = reverse("admin:events_brokeragerules_add")
    data = {"programme": event.programme.pk, "pairing": "cross_side", "repeat_meetings": "flag"}
    admin_client.post(url, data)
    rules = BrokerageRules.objects.get(programme=event.programme)
    assert rules.pairing == "cross_side" and rules.history.exists()
    assert AuditEntry.objects.filter(action="brokerage_rules.set").exists()


# 1b. By participation type ----------------------------------------------------------------------


def as_type(registration, participation):
    registration.participation = participation
    registration.save(update_fields=["participation"])
    return registration


def test_types_rule_pairs_buyers_with_suppliers_only(event, operator, leeds, almaty, kostanay):
    set_rules(operator, programme=event.programme, pairing="types")
    buyer, supplier = as_type(leeds, "buyer"), as_type(almaty, "supplier")
    as_type(kostanay, "buyer")
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        services.request_create(requester=buyer, recipient=kostanay, by=buyer.user)
    assert "Только взаимодополняющие типы участия" in refused.value.messages[0]
    assert "«Покупатель»" in refused.value.messages[0]
    assert services.request_create(requester=buyer, recipient=supplier, by=buyer.user).pk


def test_types_rule_refuses_someone_without_a_type_naming_them(event, operator, leeds, almaty):
    set_rules(operator, event=event, pairing="cross_side_types")
    as_type(leeds, "investor")
    with translation.override("kk"), pytest.raises(ValidationError) as refused:
        services.request_create(requester=leeds, recipient=almaty, by=leeds.user)
    message = refused.value.messages[0]
    assert "Екі тарап арасында" in message and almaty.organisation.display_name in message


def test_browser_offers_only_the_complementary_type(
    client, event, operator, leeds, almaty, kostanay
):
    set_rules(operator, programme=event.programme, pairing="types")
    as_type(leeds, "project"), as_type(almaty, "investor"), as_type(kostanay, "supplier")
    client.force_login(leeds.user)
    page = client.get(reverse("events:participants", args=[event.slug])).content.decode()
    assert f"participant-{almaty.pk}" in page and f"participant-{kostanay.pk}" not in page


def test_participants_say_their_type_on_registration_page_and_api(client, programme, member):
    event = EventFactory(programme=programme)
    url = reverse("events:register", args=[event.slug])
    client.force_login(member)
    form = html_forms.find(client.get(url).content.decode())
    client.post(url, form.submission(participation="supplier"))
    assert member.event_registrations.get(event=event).participation == "supplier"
    other = EventFactory(programme=programme)
    path = f"/api/events/{other.slug}/registrations"
    bad = send(client, "POST", path, {"participation": "spy"}, bearer(member))
    assert bad.status_code == 400 and not member.event_registrations.filter(event=other).exists()
    answer = send(client, "POST", path, {"participation": "buyer"}, bearer(member))
    assert answer.status_code == 201, answer.content
    assert answer.json()["participation"] == "buyer"
