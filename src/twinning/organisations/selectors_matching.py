"""Reads the matching and introductions apps need: whole programmes at once, locks, look-ups.

Kept apart from `selectors` so that the matching layer's wide reads do not crowd the page reads.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from twinning.core.models import User
from twinning.organisations.models import Membership, Opportunity, Organisation


def _published_opportunities() -> Prefetch:
    published = Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED)
    return Prefetch(
        "opportunities",
        queryset=published.prefetch_related("sectors").order_by("pk"),
        to_attr="published_opportunities",
    )


def organisations_for_matching(
    *, programme_id: int, ids: list[int] | None = None
) -> QuerySet[Organisation]:
    """Organisations with their sectors, side, region and published opportunities (each with
    sectors) in `published_opportunities`: everything a matching profile needs, in five queries."""
    queryset = Organisation.objects.filter(programme_id=programme_id)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return (
        queryset.select_related("side", "region")
        .prefetch_related("sectors", _published_opportunities())
        .order_by("pk")
    )


def organisation_by_reference(*, reference: str) -> Organisation | None:
    """An organisation by its id or its slug, for the command line."""
    queryset = Organisation.objects.select_related("programme", "side", "region")
    if reference.isdigit():
        return queryset.filter(pk=int(reference)).first()
    return queryset.filter(slug=reference).first()


def organisation_get_by_id(*, pk: int) -> Organisation | None:
    return Organisation.objects.select_related("programme", "side", "region").filter(pk=pk).first()


def organisations_by_ids(*, ids: Iterable[int]) -> QuerySet[Organisation]:
    return Organisation.objects.select_related("side", "region").filter(pk__in=list(ids))


def organisation_lock(*, pk: int) -> Organisation:
    """The organisation's row, locked until the transaction ends (serialises per-day limits)."""
    return Organisation.objects.select_for_update().select_related("programme").get(pk=pk)


def organisation_ids_of_user(*, user: User) -> list[int]:
    if not user.is_authenticated:
        return []
    return list(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


def organisation_members_of(*, organisation_id: int) -> QuerySet[User]:
    """Active people of an organisation, who get its notifications."""
    return User.objects.filter(memberships__organisation_id=organisation_id, is_active=True)


def opportunity_get_by_id(*, pk: int) -> Opportunity | None:
    return Opportunity.objects.select_related("organisation__programme").filter(pk=pk).first()


def opportunity_ids_published_of(*, organisation_ids: list[int]) -> list[int]:
    return list(
        Opportunity.objects.filter(
            organisation_id__in=organisation_ids, status=Opportunity.Status.PUBLISHED
        ).values_list("pk", flat=True)
    )


def user_is_member(*, user: User, organisation_id: int) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user, organisation_id=organisation_id).exists()


def opportunity_type_choices() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in Opportunity.Type.choices]


def opportunity_type_label(code: str) -> str:
    return str(Opportunity.Type(code).label) if code in Opportunity.Type.values else code


def organisation_size_label(code: str) -> str:
    return str(Organisation.Size(code).label) if code in Organisation.Size.values else code


def user_faces(*, user: User, organisation: Organisation) -> bool:
    """Whether the user belongs to an organisation on the other side of `organisation`'s
    programme, i.e. may express interest in it."""
    if not user.is_authenticated:
        return False
    return (
        Membership.objects.filter(user=user, organisation__programme_id=organisation.programme_id)
        .exclude(organisation__side_id=organisation.side_id)
        .exists()
    )
