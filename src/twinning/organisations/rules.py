"""Named permissions for organisations and opportunities (django-rules)."""

import rules

from twinning.core.rules import is_operator
from twinning.introductions.selectors import contacts_visible
from twinning.organisations.models import Membership, Opportunity, Organisation
from twinning.organisations.predicates import is_member, is_member_of


@rules.predicate
def is_owner(user, organisation: Organisation | None) -> bool:  # type: ignore[no-untyped-def]
    if organisation is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, organisation=organisation, role=Membership.Role.OWNER
    ).exists()


is_opportunity_member = is_member_of(
    lambda opportunity: opportunity.organisation_id, name="is_opportunity_member"
)


@rules.predicate
def is_editable_state(user, opportunity: Opportunity | None) -> bool:  # type: ignore[no-untyped-def]
    editable = {Opportunity.Status.DRAFT, Opportunity.Status.REJECTED}
    return opportunity is not None and opportunity.status in editable


@rules.predicate
def is_published(user, opportunity: Opportunity | None) -> bool:  # type: ignore[no-untyped-def]
    return opportunity is not None and opportunity.status == Opportunity.Status.PUBLISHED


@rules.predicate
def is_submitted(user, opportunity: Opportunity | None) -> bool:  # type: ignore[no-untyped-def]
    return opportunity is not None and opportunity.status == Opportunity.Status.SUBMITTED


@rules.predicate
def is_closable_state(user, opportunity: Opportunity | None) -> bool:  # type: ignore[no-untyped-def]
    closable = {
        Opportunity.Status.DRAFT,
        Opportunity.Status.SUBMITTED,
        Opportunity.Status.PUBLISHED,
        Opportunity.Status.REJECTED,
        Opportunity.Status.EXPIRED,
    }
    return opportunity is not None and opportunity.status in closable


@rules.predicate
def is_renewable_state(user, opportunity: Opportunity | None) -> bool:  # type: ignore[no-untyped-def]
    renewable = {Opportunity.Status.PUBLISHED, Opportunity.Status.EXPIRED}
    return opportunity is not None and opportunity.status in renewable


can_view_organisation_private = is_member | is_operator
can_edit_organisation = is_member | is_operator
can_manage_members = is_owner | is_operator
can_create_opportunity = is_member
can_edit_opportunity = (is_opportunity_member | is_operator) & is_editable_state
can_submit_opportunity = is_opportunity_member & is_editable_state
can_validate_opportunity = is_operator & is_submitted
can_close_opportunity = (is_opportunity_member | is_operator) & is_closable_state
can_renew_opportunity = (is_opportunity_member | is_operator) & is_renewable_state
can_view_opportunity = is_published | is_opportunity_member | is_operator

rules.add_perm("organisations.view_private", can_view_organisation_private)
rules.add_perm("organisations.edit_organisation", can_edit_organisation)
rules.add_perm("organisations.manage_members", can_manage_members)
rules.add_perm("organisations.create_opportunity", can_create_opportunity)
rules.add_perm("organisations.edit_opportunity", can_edit_opportunity)
rules.add_perm("organisations.submit_opportunity", can_submit_opportunity)
rules.add_perm("organisations.validate_opportunity", can_validate_opportunity)
rules.add_perm("organisations.close_opportunity", can_close_opportunity)
rules.add_perm("organisations.renew_opportunity", can_renew_opportunity)
rules.add_perm("organisations.view_opportunity", can_view_opportunity)
# The same tests for the action buttons, without Django's superuser shortcut, which would offer
# a superuser every action whatever the opportunity's status.
for _name, _predicate in [
    ("edit_opportunity", can_edit_opportunity),
    ("submit_opportunity", can_submit_opportunity),
    ("validate_opportunity", can_validate_opportunity),
    ("close_opportunity", can_close_opportunity),
    ("renew_opportunity", can_renew_opportunity),
]:
    rules.add_rule(f"organisations.{_name}", _predicate)


@rules.predicate
def is_introduced(user, organisation: Organisation | None) -> bool:  # type: ignore[no-untyped-def]
    return organisation is not None and contacts_visible(user, organisation)


# Pages. Contact details are for members, operators and organisations with an accepted
# introduction (either direction).
can_view_contact = is_member | is_operator | is_introduced
rules.add_perm("organisations.view_contact", can_view_contact)
rules.add_perm("organisations.view_organisation", rules.always_allow)
rules.add_perm("organisations.browse_directory", rules.always_allow)
rules.add_perm("organisations.create_organisation", rules.is_authenticated)
rules.add_perm("organisations.view_validation_queue", is_operator)
