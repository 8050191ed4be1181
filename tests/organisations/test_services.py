import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import (
    OperatorFactory,
    OpportunityFactory,
    OrganisationFactory,
    PublishedOpportunityFactory,
    UserFactory,
    region,
    sector,
    side,
)
from twinning.core.models import AuditEntry
from twinning.organisations import services
from twinning.organisations.models import Membership, Opportunity, Organisation
from twinning.organisations.registry import make_kz_bin

pytestmark = pytest.mark.integration


def create_kz_organisation(user, programme, **overrides):
    values = {
        "programme": programme,
        "by": user,
        "legal_name": "ТОО «Костанайский мясокомбинат»",
        "region": region("kostanay"),
        "sectors": [sector("10.11")],
        "working_languages": ["ru", "kk"],
        "registry_id": make_kz_bin("04084000123"),
        "kind": Organisation.Kind.COMPANY,
    }
    values.update(overrides)
    return services.organisation_create(**values)


def test_create_organisation_makes_the_creator_owner_and_fixes_the_side(user, programme):
    organisation = create_kz_organisation(user, programme)
    assert organisation.side == side("KZ")
    assert organisation.working_languages == "ru,kk"
    assert organisation.memberships.get().role == Membership.Role.OWNER
    assert "костанайский" in organisation.search_text
    assert AuditEntry.objects.filter(action="organisation.create", actor=user).exists()


def test_wrong_bin_check_digit_refused_and_nothing_created(user, programme):
    good = make_kz_bin("04084000123")
    wrong = good[:11] + str((int(good[11]) + 1) % 10)
    with pytest.raises(ValidationError) as error:
        create_kz_organisation(user, programme, registry_id=wrong)
    assert "registry_id" in error.value.message_dict
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()


def test_duplicate_registry_id_on_the_same_side_refused(user, programme):
    create_kz_organisation(user, programme)
    with pytest.raises(ValidationError):
        create_kz_organisation(user, programme, legal_name="Another")
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize("count", [0, 6])
def test_sector_count_must_be_one_to_five(user, programme, count):
    codes = ["10.11", "10.12", "10.13", "28.93", "46.32", "01.41"][:count]
    with pytest.raises(ValidationError):
        create_kz_organisation(user, programme, sectors=[sector(c) for c in codes])
    assert not Organisation.objects.exists()


def test_update_by_member_allowed_by_outsider_refused(member, outsider, organisation):
    services.organisation_update(organisation=organisation, by=member, description="New words")
    organisation.refresh_from_db()
    assert organisation.description == "New words"
    with pytest.raises(PermissionDenied):
        services.organisation_update(organisation=organisation, by=outsider, description="Hacked")
    organisation.refresh_from_db()
    assert organisation.description == "New words"


def test_moving_region_across_sides_revalidates_registry_id(member, organisation):
    services.organisation_update(organisation=organisation, by=member, registry_id="SC123456")
    with pytest.raises(ValidationError):
        services.organisation_update(
            organisation=organisation, by=member, region=region("almaty-city")
        )
    organisation.refresh_from_db()
    assert organisation.side == side("UK")


def test_membership_managed_by_owner_only(member, organisation, outsider):
    colleague = UserFactory()
    services.membership_add(organisation=organisation, user=colleague, by=member)
    assert organisation.members.filter(pk=colleague.pk).exists()
    with pytest.raises(PermissionDenied):
        services.membership_add(organisation=organisation, user=UserFactory(), by=outsider)
    with pytest.raises(PermissionDenied):
        services.membership_add(organisation=organisation, user=UserFactory(), by=colleague)


def test_last_owner_cannot_leave(member, organisation):
    with pytest.raises(ValidationError):
        services.membership_remove(organisation=organisation, user=member, by=member)
    assert organisation.memberships.count() == 1


def new_opportunity(organisation, member, **overrides):
    values = {
        "organisation": organisation,
        "by": member,
        "type": Opportunity.Type.BUSINESS_OFFER,
        "title": "Meat-processing lines",
        "summary": "We build complete meat-processing lines.",
        "sectors": [sector("28.93")],
        "languages": ["en"],
    }
    values.update(overrides)
    return services.opportunity_create(**values)


def test_opportunity_created_as_draft_with_reference_and_default_expiry(member, organisation):
    opportunity = new_opportunity(organisation, member)
    assert opportunity.status == Opportunity.Status.DRAFT
    assert opportunity.reference.startswith(f"UK{timezone.localdate().year}-")
    assert opportunity.expires_on == timezone.localdate() + dt.timedelta(days=365)


def test_outsider_cannot_create_opportunity_for_another_organisation(outsider, organisation):
    with pytest.raises(PermissionDenied):
        new_opportunity(organisation, outsider)
    assert not Opportunity.objects.exists()


def test_full_workflow_submit_publish_close_with_audit_and_mail(member, organisation, operator):
    member.language = "ru"
    member.save()
    opportunity = new_opportunity(organisation, member)
    services.opportunity_submit(opportunity=opportunity, by=member)
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.SUBMITTED
    services.opportunity_publish(opportunity=opportunity, by=operator)
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.PUBLISHED
    assert opportunity.published_at is not None
    services.opportunity_close(opportunity=opportunity, by=member)
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.CLOSED
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"opportunity.submit", "opportunity.publish", "opportunity.close"} <= actions


def test_notifications_go_out_after_commit_in_the_recipients_language(
    member, organisation, operator, django_capture_on_commit_callbacks
):
    member.language = "ru"
    member.save()
    opportunity = new_opportunity(organisation, member)
    with django_capture_on_commit_callbacks(execute=True):
        services.opportunity_submit(opportunity=opportunity, by=member)
    assert [m.to for m in mail.outbox] == [[operator.email]]
    with django_capture_on_commit_callbacks(execute=True):
        services.opportunity_publish(opportunity=opportunity, by=operator)
    assert mail.outbox[-1].to == [member.email]


def test_member_cannot_publish_own_opportunity(member, organisation):
    opportunity = new_opportunity(organisation, member)
    services.opportunity_submit(opportunity=opportunity, by=member)
    with pytest.raises(PermissionDenied):
        services.opportunity_publish(opportunity=opportunity, by=member)
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.SUBMITTED


def test_publishing_a_draft_is_refused_even_for_an_operator(member, organisation, operator):
    opportunity = new_opportunity(organisation, member)
    with pytest.raises(PermissionDenied):
        services.opportunity_publish(opportunity=opportunity, by=operator)


def test_reject_needs_a_reason_and_allows_editing_again(member, organisation, operator):
    opportunity = new_opportunity(organisation, member)
    services.opportunity_submit(opportunity=opportunity, by=member)
    with pytest.raises(ValidationError):
        services.opportunity_reject(opportunity=opportunity, by=operator, reason="  ")
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.SUBMITTED
    services.opportunity_reject(opportunity=opportunity, by=operator, reason="Add prices.")
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.REJECTED
    services.opportunity_update(opportunity=opportunity, by=member, summary="With prices.")
    services.opportunity_submit(opportunity=opportunity, by=member)
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.SUBMITTED


def test_published_opportunity_cannot_be_edited(member, organisation):
    opportunity = PublishedOpportunityFactory(organisation=organisation)
    with pytest.raises(PermissionDenied):
        services.opportunity_update(opportunity=opportunity, by=member, title="Changed")


def test_expiry_and_renewal(member, organisation):
    past = timezone.localdate() - dt.timedelta(days=1)
    opportunity = PublishedOpportunityFactory(organisation=organisation, expires_on=past)
    fresh = PublishedOpportunityFactory(organisation=organisation)
    assert services.opportunities_expire_due() == 1
    opportunity.refresh_from_db()
    fresh.refresh_from_db()
    assert opportunity.status == Opportunity.Status.EXPIRED
    assert fresh.status == Opportunity.Status.PUBLISHED
    services.opportunity_renew(opportunity=opportunity, by=member)
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.PUBLISHED
    assert opportunity.expires_on > timezone.localdate()


def test_outsider_cannot_close_or_renew(outsider, organisation):
    opportunity = PublishedOpportunityFactory(organisation=organisation)
    with pytest.raises(PermissionDenied):
        services.opportunity_close(opportunity=opportunity, by=outsider)
    with pytest.raises(PermissionDenied):
        services.opportunity_renew(opportunity=opportunity, by=outsider)
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.PUBLISHED


def test_operator_may_close_any_opportunity(organisation):
    opportunity = OpportunityFactory(organisation=organisation)
    services.opportunity_close(opportunity=opportunity, by=OperatorFactory())
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.CLOSED


def test_database_refuses_rejection_without_reason(organisation):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        OpportunityFactory(organisation=organisation, status="rejected", rejection_reason="")


def test_database_refuses_year_out_of_range(programme):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(programme=programme, year_founded=1200)


def test_profile_changes_queue_one_matching_refresh_per_transaction(
    member, organisation, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from twinning.core.models import JobProgress

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.organisation_update(organisation=organisation, by=member, description="One")
        services.organisation_update(organisation=organisation, by=member, description="Two")
    refreshes = JobProgress.objects.filter(
        kind="matching.refresh", label=organisation.programme.slug
    )
    assert refreshes.count() == 1


def test_publishing_queues_a_matching_refresh(
    member, organisation, operator, django_capture_on_commit_callbacks
):
    from twinning.core.models import JobProgress

    opportunity = OpportunityFactory(organisation=organisation, status=Opportunity.Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.opportunity_publish(opportunity=opportunity, by=operator)
    assert JobProgress.objects.filter(kind="matching.refresh").count() == 1


def test_a_rolled_back_change_queues_no_refresh(member, organisation):
    from django.db import transaction

    from twinning.core.models import JobProgress

    with pytest.raises(RuntimeError), transaction.atomic():
        services.organisation_update(organisation=organisation, by=member, description="Gone")
        raise RuntimeError("abort")
    assert not JobProgress.objects.filter(kind="matching.refresh").exists()
