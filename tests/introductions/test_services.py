import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, region
from tests.matching.scenario import build_scenario
from twinning.core.models import AuditEntry
from twinning.introductions import selectors, services
from twinning.introductions.models import Introduction

pytestmark = pytest.mark.integration


@pytest.fixture
def scenario(programme):
    return build_scenario(programme)


def request(scenario, message="We would like to supply your new sausage line."):
    return services.introduction_request(
        requester=scenario.leeds,
        recipient=scenario.kostanay,
        by=scenario.leeds_user,
        message=message,
        opportunity=scenario.kostanay_request,
    )


def test_request_notifies_the_recipient_and_is_audited(
    scenario, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        introduction = request(scenario)
    assert introduction.state == Introduction.State.REQUESTED
    assert [m.to for m in mail.outbox] == [[scenario.kostanay_user.email]]
    assert "sausage line" in mail.outbox[0].body
    # Kostanay's member reads Russian: the e-mail is in Russian around Leeds's own words.
    assert "Leeds Meat Machines Ltd" in mail.outbox[0].subject
    assert "познакомиться" in mail.outbox[0].subject
    assert "Их сообщение:" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="introduction.request").count() == 1


def test_contacts_are_revealed_to_both_only_after_acceptance(scenario):
    introduction = request(scenario)
    leeds_user, kostanay_user = scenario.leeds_user, scenario.kostanay_user
    assert not selectors.contacts_visible(leeds_user, scenario.kostanay)
    assert not selectors.contacts_visible(kostanay_user, scenario.leeds)
    assert not leeds_user.has_perm("organisations.view_contact", scenario.kostanay)
    services.introduction_accept(introduction=introduction, by=kostanay_user)
    assert selectors.contacts_visible(leeds_user, scenario.kostanay)
    assert selectors.contacts_visible(kostanay_user, scenario.leeds)
    assert leeds_user.has_perm("organisations.view_contact", scenario.kostanay)
    assert kostanay_user.has_perm("organisations.view_contact", scenario.leeds)
    # Nobody else gains anything.
    stranger = MembershipFactory(organisation=scenario.almaty_film).user
    assert not stranger.has_perm("organisations.view_contact", scenario.leeds)


def test_declined_and_withdrawn_introductions_reveal_nothing(scenario):
    declined = request(scenario)
    services.introduction_decline(introduction=declined, by=scenario.kostanay_user)
    assert not selectors.contacts_visible(scenario.leeds_user, scenario.kostanay)
    withdrawn = request(scenario, message="Second try")
    services.introduction_withdraw(introduction=withdrawn, by=scenario.leeds_user)
    assert not selectors.contacts_visible(scenario.kostanay_user, scenario.leeds)
    states = set(Introduction.objects.values_list("state", flat=True))
    assert states == {"declined", "withdrawn"}


def test_only_the_recipient_answers_and_only_the_requester_withdraws(scenario):
    introduction = request(scenario)
    with pytest.raises(PermissionDenied):
        services.introduction_accept(introduction=introduction, by=scenario.leeds_user)
    with pytest.raises(PermissionDenied):
        services.introduction_decline(introduction=introduction, by=UserFactory())
    with pytest.raises(PermissionDenied):
        services.introduction_withdraw(introduction=introduction, by=scenario.kostanay_user)
    introduction.refresh_from_db()
    assert introduction.state == Introduction.State.REQUESTED


def test_an_operator_brokers_on_behalf_of_the_recipient(
    scenario, operator, django_capture_on_commit_callbacks
):
    introduction = request(scenario)
    with django_capture_on_commit_callbacks(execute=True):
        services.introduction_accept(introduction=introduction, by=operator)
    introduction.refresh_from_db()
    assert introduction.state == Introduction.State.ACCEPTED
    assert introduction.brokered
    assert introduction.decided_by == operator
    assert AuditEntry.objects.filter(action="introduction.broker", actor=operator).exists()
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([scenario.leeds_user.email, scenario.kostanay_user.email])
    assert any(scenario.kostanay.contact_email in m.body for m in mail.outbox)


def test_a_superuser_outside_the_organisation_brokers_too(scenario):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    introduction = services.introduction_accept(introduction=request(scenario), by=superuser)
    assert introduction.brokered


def test_a_decided_introduction_cannot_be_answered_again(scenario, operator):
    introduction = request(scenario)
    services.introduction_decline(introduction=introduction, by=scenario.kostanay_user)
    with pytest.raises(PermissionDenied):
        services.introduction_accept(introduction=introduction, by=operator)


def test_one_open_introduction_per_pair_in_either_direction(scenario):
    request(scenario)
    with pytest.raises(ValidationError):
        request(scenario, message="Again")
    with pytest.raises(ValidationError):
        services.introduction_request(
            requester=scenario.kostanay,
            recipient=scenario.leeds,
            by=scenario.kostanay_user,
            message="Hello back",
        )
    assert Introduction.objects.count() == 1


def test_same_side_and_foreign_opportunity_refused(scenario):
    with pytest.raises(ValidationError):
        services.introduction_request(
            requester=scenario.leeds,
            recipient=scenario.sheffield_soft,
            by=scenario.leeds_user,
            message="Neighbours",
        )
    with pytest.raises(ValidationError):
        services.introduction_request(
            requester=scenario.leeds,
            recipient=scenario.kostanay,
            by=scenario.leeds_user,
            message="Wrong opportunity",
            opportunity=scenario.leeds_offer,
        )
    assert not Introduction.objects.exists()


def test_requesting_needs_membership_of_the_requester(scenario):
    with pytest.raises(PermissionDenied):
        services.introduction_request(
            requester=scenario.leeds,
            recipient=scenario.kostanay,
            by=scenario.kostanay_user,
            message="Pretending",
        )


def test_daily_limit_of_expressions_of_interest(scenario):
    programme = scenario.programme
    programme.interest_daily_limit = 2
    programme.save(update_fields=["interest_daily_limit"])
    for slug in ("aktobe-one", "aktobe-two"):
        other = OrganisationFactory(programme=programme, slug=slug, region=region("aktobe"))
        services.introduction_request(
            requester=scenario.leeds, recipient=other, by=scenario.leeds_user, message="Hello"
        )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        request(scenario)
    assert "2" in error.value.messages[0]
    assert "daily limit" in error.value.messages[0]
    assert Introduction.objects.filter(requester=scenario.leeds).count() == 2
    # The limit is per organisation: Kostanay may still write.
    services.introduction_request(
        requester=scenario.kostanay,
        recipient=scenario.bradford_film,
        by=scenario.kostanay_user,
        message="Здравствуйте",
    )
