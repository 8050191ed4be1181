"""Reads for organisations, memberships and opportunities: every page and API reads through here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import (
    Count,
    Exists,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.utils.translation import gettext_lazy as _

from twinning.core import search
from twinning.core.models import User
from twinning.core.replica import replica_reads
from twinning.matching.embeddings import text_key
from twinning.matching.retrieval import similar_keys
from twinning.matching.sources import opportunity_passage
from twinning.organisations.models import Membership, Opportunity, Organisation
from twinning.programmes.selectors import programme_default

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from django_stubs_ext import StrOrPromise

    from twinning.programmes.models import Programme


# Other apps reach organisations only through its selectors and compare no status strings.
OPPORTUNITY_PUBLISHED = Opportunity.Status.PUBLISHED


def organisation_get(*, slug: str) -> Organisation | None:
    return (
        Organisation.objects.select_related("region", "side", "programme")
        .prefetch_related("sectors")
        .filter(slug=slug)
        .first()
    )


def organisations_for_user(*, user: User) -> QuerySet[Membership]:
    """The user's memberships, with their organisations, for "my organisation" and the dashboard."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation__region", "organisation__side")
        .order_by("organisation__legal_name")
    )


def organisations_solely_owned_by(*, user: User) -> QuerySet[Organisation]:
    """Organisations whose only owner is this user."""
    other_owner = Membership.objects.filter(
        organisation=OuterRef("pk"), role=Membership.Role.OWNER
    ).exclude(user=user)
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.OWNER
    ).exclude(Exists(other_owner))


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__email")
    )


def membership_get(*, organisation: Organisation, user_id: int) -> Membership | None:
    return organisation_members(organisation=organisation).filter(user_id=user_id).first()


def user_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip(), is_active=True).first()


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: list[StrOrPromise] = field(default_factory=list)


# What a complete profile has, in the order members are asked to fill it in.
PROFILE_ITEMS: list[tuple[StrOrPromise, Callable[[Organisation], Any]]] = [
    (_("a name in English"), lambda o: o.name_en),
    (_("a name in Russian or Kazakh"), lambda o: o.name_ru or o.name_kk),
    (_("a description"), lambda o: len(o.description.strip()) >= 80),
    (_("the size"), lambda o: o.size),
    (_("the year founded"), lambda o: o.year_founded),
    (_("a website"), lambda o: o.website),
    (_("working languages"), lambda o: o.working_languages),
    (_("the registry identifier"), lambda o: o.registry_id),
    (_("a logo"), lambda o: o.logo),
    (_("a contact person"), lambda o: o.contact_name),
    (_("a contact e-mail"), lambda o: o.contact_email),
    (_("a contact phone"), lambda o: o.contact_phone),
]


def organisation_completeness(*, organisation: Organisation) -> Completeness:
    """How complete the profile is (%), and what is missing, for its members."""
    missing = [label for label, present in PROFILE_ITEMS if not present(organisation)]
    done = len(PROFILE_ITEMS) - len(missing)
    return Completeness(percent=round(100 * done / len(PROFILE_ITEMS)), missing=missing)


def _with_listing_relations(queryset: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    return queryset.select_related(
        "organisation__region", "organisation__side", "target_side"
    ).prefetch_related("sectors")


def opportunity_get(*, pk: int) -> Opportunity | None:
    return (
        _with_listing_relations(Opportunity.objects.all())
        .prefetch_related("target_regions")
        .filter(pk=pk)
        .first()
    )


def opportunities_for_organisation(*, organisation: Organisation) -> QuerySet[Opportunity]:
    return _with_listing_relations(Opportunity.objects.filter(organisation=organisation)).order_by(
        "-updated_at"
    )


def opportunities_for_user(*, user: User) -> QuerySet[Opportunity]:
    """Opportunities of every organisation the user belongs to."""
    mine = Opportunity.objects.filter(organisation__memberships__user=user)
    return _with_listing_relations(mine).order_by("-updated_at")


def opportunities_submitted() -> QuerySet[Opportunity]:
    """The operators' validation queue, oldest first."""
    queue = Opportunity.objects.filter(status=Opportunity.Status.SUBMITTED)
    return _with_listing_relations(queue).order_by("submitted_at", "pk")


def opportunities_published_for_organisation(
    *, organisation: Organisation
) -> QuerySet[Opportunity]:
    published = Opportunity.objects.filter(
        organisation=organisation, status=Opportunity.Status.PUBLISHED
    )
    return _with_listing_relations(published)


# A search lists at most this many opportunities that have its words, then at most SIMILAR_LIMIT
# that are about it in other words or another language.
SEARCH_LIMIT = 200
SIMILAR_LIMIT = 20
WARM_UP_QUERY = "export"  # any word: a warm-up search fills the caches whatever it finds


@dataclass(frozen=True)
class DirectoryFilters:
    """What a visitor asked the public directory for; empty values mean "any"."""

    query: str = ""
    type: str = ""
    sector: str = ""
    region: str = ""
    side: str = ""
    language: str = ""


@replica_reads
def opportunities_published(*, filters: DirectoryFilters | None = None) -> QuerySet[Opportunity]:
    """The public directory: published opportunities matching the filters, newest first.

    With a query, the opportunities that have its words come first, best match first (see
    `core.search`), then at most SIMILAR_LIMIT others whose text is about the query in any
    language (`matching.retrieval`), annotated `found_by_meaning`.
    """
    filters = filters or DirectoryFilters()
    queryset = _published_filtered(filters)
    if not search.words(filters.query):
        return _with_listing_relations(queryset).order_by("-published_at", "-pk")
    by_words = search.text_search(
        queryset, query=filters.query, title="title", text="search_text", stored="search_vector"
    )
    found = list(
        by_words.order_by("-search_rank", "-published_at", "-pk").values_list("pk", flat=True)[
            :SEARCH_LIMIT
        ]
    )
    # Relevance is judged among all the candidates, those with the words too (see retrieval).
    # Region, side and sector are other rows: an edit there does not move the opportunity's
    # updated_at, so candidates filtered by them are read afresh each time.
    remember = not (filters.region or filters.side or filters.sector)
    keys = _passage_keys(queryset, remember=remember)
    # The same candidates as of the same save: retrieval keeps their vectors' matrix.
    candidates = (str(queryset.order_by().query), _keys_as_of[0]) if remember else None
    about = similar_keys(
        query=filters.query, keys=keys, limit=SIMILAR_LIMIT + len(found), candidates=candidates
    )
    have_words = set(found)
    by_meaning = [pk for pk, _ in about if pk not in have_words][:SIMILAR_LIMIT]
    order = found + by_meaning
    listed = search.in_order(_with_listing_relations(Opportunity.objects.all()), order)
    return listed.annotate(
        found_by_meaning=Q(pk__in=by_meaning) if by_meaning else Value(False)
    ).order_by("search_order")


# Each opportunity's passage key (matching's text hash) as of its last save, kept per process.
# A save through the services moves updated_at, so while the table's row count and latest
# updated_at stay the same the keys are current, and a search reads only the candidates' ids;
# otherwise it reads their save times, and the texts of those saved since (reading 50,000 texts
# per search took seconds).
_keys: dict[int, tuple[Any, str]] = {}
_keys_as_of: list[object] = [None]
KEYS_KEPT = 200_000


# The candidates' ids of the last few filter combinations, as of the same latest save, and
# their keys once all are known.
_ids: dict[str, list[int]] = {}
_keyed: dict[str, dict[int, str]] = {}
IDS_KEPT = 32


def _passage_keys(queryset: QuerySet[Opportunity], *, remember: bool = True) -> dict[int, str]:
    # The latest save (an index read): an opportunity created, edited, published or closed moves
    # it; one deleted needs nothing, as only the candidates' own keys are returned.
    as_of = Opportunity.objects.aggregate(last=Max("updated_at"))["last"]
    key = str(queryset.order_by().query) if remember else ""
    if as_of == _keys_as_of[0]:
        if key and key in _keyed:
            return _keyed[key]
        ids = _ids.get(key) if key else None
        if ids is None:
            ids = list(queryset.order_by().values_list("pk", flat=True))
            _remember_ids(key, ids)
        if all(pk in _keys for pk in ids):
            found = {pk: _keys[pk][1] for pk in ids}
            if key:
                _keyed[key] = found
            return found
    _ids.clear()
    _keyed.clear()
    stamps = dict(queryset.order_by().values_list("pk", "updated_at"))
    stale = [pk for pk, stamp in stamps.items() if _keys.get(pk, (None,))[0] != stamp]
    if len(_keys) + len(stale) > KEYS_KEPT:
        _keys.clear()
        stale = list(stamps)
    for start in range(0, len(stale), 2000):
        rows = Opportunity.objects.filter(pk__in=stale[start : start + 2000]).values_list(
            "pk", "updated_at", "title", "summary", "description"
        )
        for pk, stamp, title, summary, description in rows:
            passage = opportunity_passage(title=title, summary=summary, description=description)
            _keys[pk] = (stamp, text_key(passage))
    _keys_as_of[0] = as_of
    _remember_ids(key, list(stamps))
    return {pk: _keys[pk][1] for pk in stamps if pk in _keys}


def directory_warm() -> None:
    """Fill this process's search caches (passage keys, stored vectors, the query model) as the
    first search would; reads only."""
    list(opportunities_published(filters=DirectoryFilters(query=WARM_UP_QUERY)).values("pk"))


def _remember_ids(key: str, ids: list[int]) -> None:
    if not key:
        return
    if len(_ids) >= IDS_KEPT:
        _ids.clear()
        _keyed.clear()
    _ids[key] = ids


def _published_filtered(filters: DirectoryFilters) -> QuerySet[Opportunity]:
    queryset = Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED)
    if filters.type:
        queryset = queryset.filter(type=filters.type)
    if filters.sector:
        queryset = queryset.filter(pk__in=_opportunities_in_sector(filters.sector))
    if filters.region:
        queryset = queryset.filter(organisation__region__slug=filters.region)
    if filters.side:
        queryset = queryset.filter(organisation__side__code=filters.side)
    if filters.language:
        queryset = queryset.filter(languages__contains=filters.language)
    return queryset


def _opportunities_in_sector(code: str) -> QuerySet[Opportunity, Any]:
    """Opportunities with a NACE code in a section ("C") or under a division or group ("10")."""
    # NACE codes nest by prefix (10 ⊃ 10.1 ⊃ 10.11); sections are letters kept on every row.
    condition = Q(sectors__section=code) if len(code) == 1 else Q(sectors__code__startswith=code)
    return Opportunity.objects.filter(condition).values("pk")


@replica_reads
def programme_overview(*, programme: Programme) -> dict[str, Any]:
    """Live figures for the home page: organisations per side, opportunities, sectors."""
    per_side = dict(
        Organisation.objects.filter(programme=programme)
        .values("side__code")
        .annotate(count=Count("pk"))
        .values_list("side__code", "count")
    )
    published = Opportunity.objects.filter(
        organisation__programme=programme, status=Opportunity.Status.PUBLISHED
    )
    sectors = (
        Organisation.sectors.through.objects.filter(organisation__programme=programme)
        .values("sector__section")
        .distinct()
        .count()
    )
    return {
        "organisations_side_a": per_side.get(programme.side_a.code, 0),
        "organisations_side_b": per_side.get(programme.side_b.code, 0),
        "published_opportunities": published.count(),
        "sections_represented": sectors,
    }


def memberships_with_counts(*, user: User) -> QuerySet[Membership]:
    """The user's memberships with how many opportunities each organisation has."""
    return organisations_for_user(user=user).annotate(
        opportunity_count=Count("organisation__opportunities", distinct=True),
    )


# Reads other apps need: whole programmes at once for matching, look-ups by id, locks, labels.


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


def organisations_by_ids(*, ids: Iterable[int]) -> QuerySet[Organisation]:
    return Organisation.objects.select_related("side", "region").filter(pk__in=list(ids))


def organisation_get_by_id(*, pk: int) -> Organisation | None:
    return Organisation.objects.select_related("programme", "side", "region").filter(pk=pk).first()


def organisations_lock(*pks: int) -> dict[int, Organisation]:
    """The organisations' rows by id, locked until the transaction ends (serialises per-day
    limits and pairs). Always in key order, so A→B and B→A at once wait rather than deadlock."""
    locked = Organisation.objects.select_for_update(of=("self",)).select_related("programme")
    return {o.pk: o for o in locked.filter(pk__in=sorted(set(pks))).order_by("pk")}


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


# Panels and checks this app registers with core (`core.registry`, from `apps.py`).


def home_figures_panel(*, user: User) -> dict[str, Any] | None:
    programme = programme_default()
    if programme is None:
        return None
    return {"programme": programme, "overview": programme_overview(programme=programme)}


def dashboard_panel(*, user: User) -> dict[str, Any]:
    context: dict[str, Any] = {
        "memberships": memberships_with_counts(user=user),
        "opportunities": opportunities_for_user(user=user)[:50],
    }
    if user.is_staff:
        context["queue_size"] = opportunities_submitted().count()
    return context


def account_deletion_refusals(*, user: User) -> list[str]:
    """An organisation must not be left with nobody able to manage it."""
    sole = list(organisations_solely_owned_by(user=user))
    if not sole:
        return []
    names = ", ".join(str(organisation) for organisation in sole)
    return [
        str(
            _(
                "You are the only owner of %(names)s. Add another owner or ask an operator "
                "before deleting your account."
            )
            % {"names": names}
        )
    ]
