"""Every named permission, checked both ways."""

import pytest
from django.utils import timezone

from tests.factories import MembershipFactory, OpportunityFactory, UserFactory
from twinning.organisations.models import Membership, Opportunity

pytestmark = pytest.mark.integration

S = Opportunity.Status


@pytest.fixture
def colleague(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.MEMBER).user


@pytest.mark.parametrize(
    ("permission", "allowed", "refused"),
    [
        ("organisations.view_private", ["member", "colleague", "operator"], ["outsider", "user"]),
        ("organisations.edit_organisation", ["member", "colleague", "operator"], ["outsider"]),
        ("organisations.manage_members", ["member", "operator"], ["colleague", "outsider"]),
        ("organisations.create_opportunity", ["member", "colleague"], ["outsider", "user"]),
    ],
)
def test_organisation_permissions(request, organisation, colleague, permission, allowed, refused):
    for name in allowed:
        assert request.getfixturevalue(name).has_perm(permission, organisation), name
    for name in refused:
        assert not request.getfixturevalue(name).has_perm(permission, organisation), name


def test_anonymous_has_no_organisation_permissions(organisation):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not anonymous.has_perm("organisations.edit_organisation", organisation)
    assert not anonymous.has_perm("organisations.view_private", organisation)


@pytest.mark.parametrize(
    ("permission", "status", "allowed", "refused"),
    [
        ("organisations.edit_opportunity", S.DRAFT, ["member", "operator"], ["outsider"]),
        ("organisations.edit_opportunity", S.REJECTED, ["member"], ["outsider"]),
        ("organisations.edit_opportunity", S.PUBLISHED, [], ["member", "operator"]),
        ("organisations.submit_opportunity", S.DRAFT, ["member"], ["outsider", "operator"]),
        ("organisations.submit_opportunity", S.SUBMITTED, [], ["member"]),
        ("organisations.validate_opportunity", S.SUBMITTED, ["operator"], ["member", "outsider"]),
        ("organisations.validate_opportunity", S.DRAFT, [], ["operator"]),
        ("organisations.close_opportunity", S.PUBLISHED, ["member", "operator"], ["outsider"]),
        ("organisations.close_opportunity", S.CLOSED, [], ["member", "operator"]),
        ("organisations.renew_opportunity", S.EXPIRED, ["member", "operator"], ["outsider"]),
        ("organisations.renew_opportunity", S.DRAFT, [], ["member"]),
        ("organisations.view_opportunity", S.PUBLISHED, ["member", "outsider", "user"], []),
        ("organisations.view_opportunity", S.DRAFT, ["member", "operator"], ["outsider", "user"]),
    ],
)
def test_opportunity_permissions(request, organisation, permission, status, allowed, refused):
    opportunity = OpportunityFactory(
        organisation=organisation,
        status=status,
        rejection_reason="r" if status == S.REJECTED else "",
        published_at=timezone.now() if status == S.PUBLISHED else None,
    )
    for name in allowed:
        assert request.getfixturevalue(name).has_perm(permission, opportunity), name
    for name in refused:
        assert not request.getfixturevalue(name).has_perm(permission, opportunity), name


def test_operator_permission(operator):
    assert operator.has_perm("core.operate")
    assert not UserFactory().has_perm("core.operate")
