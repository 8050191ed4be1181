import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests import html_forms
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from twinning.events import services
from twinning.events.models import Event, Invitation, Registration

pytestmark = pytest.mark.integration


def test_operator_creates_an_event(operator, programme):
    event = services.event_create(
        programme=programme,
        by=operator,
        title_en="Leeds–Astana brokerage day",
        starts_on=dt.date(2027, 3, 12),
        ends_on=dt.date(2027, 3, 12),
        time_zone="Europe/London",
    )
    assert event.slug == "leeds-astana-brokerage-day"
    assert event.status == Event.Status.DRAFT


def test_event_needs_a_known_time_zone(operator, programme):
    with pytest.raises(ValidationError):
        services.event_create(
            programme=programme,
            by=operator,
            title_en="Nowhere",
            starts_on=dt.date(2027, 3, 12),
            ends_on=dt.date(2027, 3, 12),
            time_zone="Mars/Olympus",
        )


def test_member_cannot_create_events(member, programme):
    with pytest.raises(PermissionDenied):
        services.event_create(
            programme=programme,
            by=member,
            title_en="Mine",
            starts_on=dt.date(2027, 3, 12),
            ends_on=dt.date(2027, 3, 12),
        )


def test_registration_awaits_approval(event, member, organisation, operator):
    event.requires_approval = True
    event.save()
    registration = services.registration_create(event=event, user=member, organisation=organisation)
    assert registration.status == Registration.Status.PENDING
    assert registration.languages == "en"
    services.registration_approve(registration=registration, by=operator)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.APPROVED


def test_no_approval_needed_approves_at_once(event, member, organisation):
    registration = services.registration_create(event=event, user=member, organisation=organisation)
    assert registration.status == Registration.Status.APPROVED


def test_only_ones_own_organisation(event, member, programme):
    stranger_org = OrganisationFactory(programme=programme)
    with pytest.raises(ValidationError):
        services.registration_create(event=event, user=member, organisation=stranger_org)


def test_registration_window_is_respected(event, member, organisation):
    event.registration_closes_at = timezone.now() - dt.timedelta(hours=1)
    event.registration_opens_at = timezone.now() - dt.timedelta(days=5)
    event.save()
    with pytest.raises(PermissionDenied):
        services.registration_create(event=event, user=member, organisation=organisation)


def test_capacity_refuses_the_extra_seat(event, operator):
    event.capacity, event.requires_approval = 1, True
    event.save()
    people = []
    for _ in range(2):
        membership = MembershipFactory()
        people.append(
            services.registration_create(
                event=event, user=membership.user, organisation=membership.organisation
            )
        )
    services.registration_approve(registration=people[0], by=operator)
    with pytest.raises(ValidationError):
        services.registration_approve(registration=people[1], by=operator)


def test_invitation_in_the_invitees_language_and_rsvp(
    event, operator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_send(
            event=event, by=operator, email="Guest@Example.org", language="ru"
        )
    assert invitation.email == "guest@example.org"
    assert "Биржа контактов" in mailoutbox[-1].subject  # the title in the invitee's language
    assert f"/events/invitation/{invitation.token}/" in mailoutbox[-1].body
    guest = UserFactory(email="guest@example.org")
    services.invitation_respond(invitation=invitation, attending=True, user=guest)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.registration.status == Registration.Status.APPROVED


def test_declining_an_invitation(event, operator):
    invitation = services.invitation_send(event=event, by=operator, email="no@example.org")
    services.invitation_respond(invitation=invitation, attending=False)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    assert invitation.responded_at is not None


def test_leaving_withdraws_requests(meeting, leeds):
    services.registration_cancel(registration=leeds, by=leeds.user)
    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    assert meeting.request.status == "cancelled"


def test_registering_with_no_language_ticked_is_refused_not_stored_as_english(
    client, event, member, organisation
):
    with pytest.raises(ValidationError) as refused:
        services.registration_create(event=event, user=member, languages=[])
    assert "languages" in refused.value.message_dict
    client.force_login(member)
    url = reverse("events:register", args=[event.slug])
    form = html_forms.find(client.get(url).content.decode())
    submission = form.submission()
    submission.pop("languages", None)  # every box unticked

    page = client.post(url, submission).content.decode()

    assert "Tick at least one language you can meet in." in page
    assert not Registration.objects.filter(event=event, user=member).exists()


def test_a_cancelled_event_cannot_be_published_again(event, operator):
    services.event_cancel(event=event, by=operator)
    with pytest.raises(ValidationError, match="cancelled"):
        services.event_publish(event=event, by=operator)
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED


def test_cancelling_twice_mails_everyone_once(
    event, operator, member, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    services.registration_create(event=event, user=member, organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, by=operator)
    with pytest.raises(ValidationError), django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, by=operator)
    assert len(mailoutbox) == 1


def test_a_cancelled_registration_cannot_be_approved(event, operator, member, organisation):
    event.requires_approval = True
    event.save()
    registration = services.registration_create(event=event, user=member, organisation=organisation)
    services.registration_cancel(registration=registration, by=member)
    with pytest.raises(ValidationError):
        services.registration_approve(registration=registration, by=operator)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def _page_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_a_private_event_takes_registrations_by_invitation_only(event, operator):
    from django.urls import reverse

    event.is_public = False
    event.save()
    stranger, guest = UserFactory(), UserFactory(email="guest@example.org")
    register = reverse("events:register", args=[event.slug])
    # Neither the page nor the service lets an uninvited member in, so the list stays closed.
    assert _page_client(stranger).post(register, {"languages": ["en"]}).status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        services.registration_create(event=event, user=stranger)
    participants = reverse("events:participants", args=[event.slug])
    assert _page_client(stranger).get(participants).status_code in (403, 404)
    services.invitation_send(event=event, by=operator, email="Guest@example.org")
    registration = services.registration_create(event=event, user=guest)
    assert registration.status == Registration.Status.APPROVED


def test_registering_again_after_cancelling_reuses_the_registration(event, user):
    first = services.registration_create(event=event, user=user)
    for _round in range(2):
        services.registration_cancel(registration=first, by=user)
        again = services.registration_create(event=event, user=user, looking_for="Buyers")
        assert (again.pk, again.status, again.looking_for) == (first.pk, "approved", "Buyers")


def test_an_invitation_link_registers_only_the_invited_address(event, operator):
    invitation = services.invitation_send(event=event, by=operator, email="guest@example.org")
    holder = UserFactory(email="forwarded@example.org")
    with pytest.raises(ValidationError, match="sign in with that address"):
        services.invitation_respond(invitation=invitation, attending=True, user=holder)
    with pytest.raises(ValidationError):
        services.invitation_respond(invitation=invitation, attending=True, user=None)
    assert not event.registrations.exists()


def test_an_invitation_does_not_override_a_rejection(event, operator):
    guest = UserFactory(email="guest@example.org")
    event.requires_approval = True
    event.save()
    registration = services.registration_create(event=event, user=guest)
    services.registration_reject(registration=registration, by=operator)
    invitation = services.invitation_send(event=event, by=operator, email=guest.email)
    services.invitation_respond(invitation=invitation, attending=True, user=guest)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.REJECTED


def test_a_signed_out_no_does_not_cancel_the_invitees_registration(event, operator):
    from django.test import Client
    from django.urls import reverse

    guest = UserFactory(email="guest@example.org")
    invitation = services.invitation_send(event=event, by=operator, email=guest.email)
    services.invitation_respond(invitation=invitation, attending=True, user=guest)
    rsvp = reverse("events:rsvp", args=[invitation.token])
    Client().post(rsvp, {"answer": "no"})
    assert Registration.objects.get(user=guest).status == Registration.Status.APPROVED
    # The invitee, signed in, may.
    _page_client(guest).post(rsvp, {"answer": "no"})
    assert Registration.objects.get(user=guest).status == Registration.Status.CANCELLED


def test_a_forwarded_invitation_link_says_why_on_the_page(event, operator):
    from django.urls import reverse

    invitation = services.invitation_send(event=event, by=operator, email="guest@example.org")
    rsvp = reverse("events:rsvp", args=[invitation.token])
    page = _page_client(UserFactory()).post(rsvp, {"answer": "yes"}, follow=True)
    assert "This invitation is for guest@example.org" in page.content.decode()
    assert not event.registrations.exists()


@pytest.mark.parametrize("ended", ["cancelled", "over"])
def test_an_invitation_to_a_cancelled_or_past_event_takes_no_answer(event, operator, ended):
    """Accepting used to register the invitee for a cancelled event, approved at once."""
    from django.urls import reverse

    guest = UserFactory(email="guest@example.org")
    invitation = services.invitation_send(event=event, by=operator, email=guest.email)
    if ended == "cancelled":
        services.event_cancel(event=event, by=operator)
    else:
        type(event).objects.filter(pk=event.pk).update(
            starts_on=dt.date(2020, 1, 1), ends_on=dt.date(2020, 1, 1)
        )
    with pytest.raises(ValidationError, match="takes no more answers"):
        services.invitation_respond(invitation=invitation, attending=True, user=guest)
    rsvp = reverse("events:rsvp", args=[invitation.token])
    page = _page_client(guest).post(rsvp, {"answer": "yes"}, follow=True)
    assert "takes no more answers" in page.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "sent" and not event.registrations.exists()
