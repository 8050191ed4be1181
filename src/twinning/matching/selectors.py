"""Reads for recommendations: lists with their reasons in words, best pairs, job progress."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, F, OuterRef, QuerySet, Window
from django.db.models.functions import RowNumber

from twinning.introductions.selectors import open_introductions_with
from twinning.matching.models import Feedback, MatchingRun, Recommendation
from twinning.matching.wording import codes_in, reason_sentence
from twinning.organisations.selectors import OPPORTUNITY_PUBLISHED, organisation_ids_of_user
from twinning.programmes.selectors import sectors_by_codes

if TYPE_CHECKING:
    from twinning.core.models import User

PAGE = 10  # entries shown at first; "show more" adds as many again
MOST = 50  # entries stored per list (services.TOP_K)


@dataclass(frozen=True)
class ListFilters:
    """What the member narrowed the list to; empty values mean "any"."""

    sector: str = ""
    region: str = ""
    type: str = ""
    min_score: float | None = None


@dataclass
class RecommendedPartner:
    recommendation: Recommendation
    reasons: list[str]
    feedback: str = ""
    introduction: str = ""
    opportunity_ids: list[int] = field(default_factory=list)

    @property
    def candidate(self) -> Any:
        return self.recommendation.candidate


def _filtered(queryset: QuerySet[Recommendation], filters: ListFilters) -> QuerySet:
    if filters.sector:
        queryset = queryset.filter(candidate__sectors__code__startswith=filters.sector)
    if filters.region:
        queryset = queryset.filter(candidate__region__slug=filters.region)
    if filters.type:
        queryset = queryset.filter(
            candidate__opportunities__type=filters.type,
            candidate__opportunities__status=OPPORTUNITY_PUBLISHED,
        )
    if filters.min_score is not None:
        queryset = queryset.filter(score__gte=filters.min_score)
    return queryset.distinct() if filters.sector or filters.type else queryset


def nace_titles(reason_lists: list[list[dict[str, Any]]]) -> dict[str, str]:
    codes = set().union(*(codes_in(reasons) for reasons in reason_lists)) if reason_lists else set()
    return {s.code: s.marked_title for s in sectors_by_codes(codes=sorted(codes))} if codes else {}


def recommendations_for(
    *,
    organisation: Any,
    opportunity: Any = None,
    filters: ListFilters | None = None,
    limit: int | None = None,
) -> list[RecommendedPartner]:
    """The organisation's list (or one opportunity's), best first, with reasons in the active
    language, the organisation's own feedback and any open introduction; the first `limit` rows
    when given. A constant number of queries whatever the length."""
    queryset = Recommendation.objects.filter(organisation=organisation, opportunity=opportunity)
    queryset = (
        _filtered(queryset, filters or ListFilters())
        .exclude(
            candidate__in=Feedback.objects.filter(
                organisation=organisation, kind=Feedback.Kind.NOT_INTERESTED
            ).values("candidate")
        )
        .select_related("candidate__region", "candidate__side")
        .order_by("rank")
    )
    rows = list(queryset[:limit] if limit is not None else queryset)
    ids = [row.candidate_id for row in rows]
    said = dict(
        Feedback.objects.filter(organisation=organisation, candidate_id__in=ids).values_list(
            "candidate_id", "kind"
        )
    )
    introduced = open_introductions_with(organisation=organisation, candidate_ids=ids)
    titles = nace_titles([row.reasons for row in rows])
    return [
        RecommendedPartner(
            recommendation=row,
            reasons=[reason_sentence(reason, titles) for reason in row.reasons],
            feedback=said.get(row.candidate_id, ""),
            introduction=introduced.get(row.candidate_id, ""),
            opportunity_ids=_their_opportunities(row.reasons),
        )
        for row in rows
        if said.get(row.candidate_id) != Feedback.Kind.NOT_INTERESTED
    ]


@dataclass(frozen=True)
class RecommendationPage:
    """The first `shown` entries of a list and whether the filtered list holds more."""

    items: list[RecommendedPartner]
    shown: int
    more: bool


def recommendation_page(
    *, organisation: Any, opportunity: Any = None, filters: ListFilters | None = None, shown: int
) -> RecommendationPage:
    """`recommendations_for` cut to `shown` (PAGE to MOST) entries, reading one more to know
    whether to offer "show more"."""
    shown = min(max(shown, PAGE), MOST)
    items = recommendations_for(
        organisation=organisation, opportunity=opportunity, filters=filters, limit=shown + 1
    )
    return RecommendationPage(items[:shown], shown, len(items) > shown and shown < MOST)


def _their_opportunities(reasons: list[dict[str, Any]]) -> list[int]:
    return [r["theirs_opportunity"] for r in reasons if r["kind"] == "types"]


def recommendation_for_pair(*, organisation: Any, candidate: Any) -> Recommendation | None:
    return (
        Recommendation.objects.filter(
            organisation=organisation, candidate=candidate, opportunity=None
        )
        .select_related("candidate__region", "candidate__side")
        .first()
    )


def latest_run(*, programme: Any) -> MatchingRun | None:
    return MatchingRun.objects.filter(programme=programme).first()


def last_computed(*, organisation: Any) -> Any:
    row = Recommendation.objects.filter(organisation=organisation).order_by("-computed_at")
    return row.values_list("computed_at", flat=True).first()


# ---------------------------------------------------------------- the operator's view


@dataclass
class Pair:
    """Two organisations, one per side, with the better of the two directions' scores."""

    division: str
    first: Any
    second: Any
    score: float
    reasons: list[dict[str, Any]]
    sentences: list[str] = field(default_factory=list)


def _division_of(reasons: list[dict[str, Any]]) -> str:
    for reason in reasons:
        if reason["kind"] in {"sector", "chain", "supply"}:
            return str(reason["mine"])[:2]
    return ""


def best_pairs(*, programme: Any, per_sector: int = 5, division: str = "") -> list[Pair]:
    """The best cross-side pairs of the programme, grouped by the NACE division that links them
    (pairs linked by no code come last, under ""), each group best first."""
    # Plain rows first, model instances only for the pairs shown: a programme has thousands of
    # lists, and building every organisation took seconds.
    rows = (
        Recommendation.objects.filter(programme=programme, opportunity=None)
        .order_by("-score", "pk")
        .values_list(
            "pk", "organisation_id", "organisation__side_id", "candidate_id", "candidate__side_id",
            "score", "reasons",
        )
    )  # fmt: skip
    pairs: dict[tuple[int, int], Pair] = {}
    source: dict[tuple[int, int], int] = {}
    for pk, mine, my_side, theirs, their_side, score, reasons in rows:
        # One entry per unordered pair with its better score; reasons read from the side that
        # comes first, so "your" always means the first organisation.
        (_, first), (_, second) = sorted(((my_side, mine), (their_side, theirs)))
        key = (first, second)
        pair = pairs.setdefault(key, Pair(_division_of(reasons), first, second, score, []))
        if mine == first or not pair.reasons:
            pair.reasons, source[key] = reasons, pk
            pair.division = _division_of(reasons)
    grouped: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs.values():
        if not division or pair.division == division:
            grouped[pair.division].append(pair)
    ordered = sorted(grouped, key=lambda d: (d == "", d))
    chosen = [p for d in ordered for p in grouped[d][: per_sector if not division else None]]
    _load_organisations(chosen, [source[(p.first, p.second)] for p in chosen])
    titles = nace_titles([p.reasons for p in chosen])
    for pair in chosen:
        pair.sentences = [reason_sentence(r, titles) for r in pair.reasons]
    return chosen


def _load_organisations(pairs: list[Pair], recommendation_ids: list[int]) -> None:
    """Swap the organisation ids of the pairs for organisations, with their regions."""
    loaded = {}
    rows = Recommendation.objects.select_related("organisation__region", "candidate__region")
    for row in rows.filter(pk__in=recommendation_ids):
        loaded[row.organisation_id], loaded[row.candidate_id] = row.organisation, row.candidate
    for pair in pairs:
        pair.first, pair.second = loaded[pair.first], loaded[pair.second]


def division_titles(*, divisions: list[str]) -> dict[str, str]:
    return {s.code: s.title for s in sectors_by_codes(codes=divisions)}


def group_pairs(pairs: list[Pair]) -> list[tuple[str, list[Pair]]]:
    """Consecutive pairs of one division together, keeping best_pairs' order."""
    groups: list[tuple[str, list[Pair]]] = []
    for pair in pairs:
        if not groups or groups[-1][0] != pair.division:
            groups.append((pair.division, []))
        groups[-1][1].append(pair)
    return groups


NEW_RECOMMENDATIONS = 3
# An organisation's long texts, which a list of names does not show.
WIDE = ("description", "search_text")


def dashboard_panel(*, user: User) -> dict[str, Any] | None:
    """Each of the member's organisations' best partners it has not yet given feedback on."""
    mine = organisation_ids_of_user(user=user)
    if not mine:
        return None
    answered = Feedback.objects.filter(
        organisation=OuterRef("organisation"), candidate=OuterRef("candidate")
    )
    place = Window(RowNumber(), partition_by=F("organisation_id"), order_by=F("rank").asc())
    fresh = (
        Recommendation.objects.filter(organisation_id__in=mine, opportunity=None)
        .exclude(Exists(answered))
        .annotate(place=place)
        .filter(place__lte=NEW_RECOMMENDATIONS)  # the first few of each list, not all of them
        .select_related("organisation", "candidate__region")
        .defer(*(f"{who}__{name}" for who in ("organisation", "candidate") for name in WIDE))
        .order_by("organisation_id", "rank")
    )
    per_organisation: dict[int, list[Recommendation]] = defaultdict(list)
    for row in fresh:
        per_organisation[row.organisation_id].append(row)
    return {"fresh": list(per_organisation.values())} if per_organisation else None
