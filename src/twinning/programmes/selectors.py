"""Reads for programmes, sides, regions and NACE sectors."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from twinning.programmes.models import Programme, Region, Sector, Side


def programme_default() -> Programme | None:
    return Programme.objects.filter(is_active=True).select_related("side_a", "side_b").first()


def programme_get(*, slug: str) -> Programme | None:
    return Programme.objects.select_related("side_a", "side_b").filter(slug=slug).first()


def sides() -> QuerySet[Side]:
    return Side.objects.all()


def side_get(*, code: str) -> Side | None:
    return Side.objects.filter(code=code).first()


def side_lock(*, pk: int) -> Side:
    """The side's row, locked until the transaction ends: its opportunity references are
    numbered one at a time."""
    return Side.objects.select_for_update().get(pk=pk)


def regions(*, side: Side | None = None) -> QuerySet[Region]:
    queryset = Region.objects.select_related("side")
    return queryset.filter(side=side) if side is not None else queryset


def regions_by_slugs(*, slugs: list[str]) -> QuerySet[Region]:
    return Region.objects.select_related("side").filter(slug__in=slugs)


def region_get(*, slug: str) -> Region | None:
    return Region.objects.select_related("side").filter(slug=slug).first()


def sectors_search(
    *, query: str = "", level: int | None = None, limit: int = 50
) -> QuerySet[Sector]:
    """Sectors whose code starts with, or whose title in any language contains, the query."""
    queryset = Sector.objects.all()
    if level is not None:
        queryset = queryset.filter(level=level)
    query = query.strip()
    if query:
        words = query.lower().split()
        condition = Q(code__startswith=query.upper())
        text = Q()
        for word in words:
            text &= Q(search_text__contains=word)
        queryset = queryset.filter(condition | text)
    return queryset.order_by("code")[:limit]


def sectors_by_codes(*, codes: list[str]) -> QuerySet[Sector]:
    return Sector.objects.filter(code__in=codes)


def sector_get(*, code: str) -> Sector | None:
    """One NACE code with its ancestors (division, group, section) in the same query."""
    return Sector.objects.select_related("parent__parent__parent").filter(code=code).first()


def sector_tree(*, section: str | None = None) -> QuerySet[Sector]:
    queryset = Sector.objects.all()
    return queryset.filter(section=section) if section else queryset.filter(level=1)


@dataclass(frozen=True)
class SectorFamily:
    sector: Sector
    ancestors: list[Sector]
    descendants: list[Sector]


def sector_family(*, code: str) -> SectorFamily | None:
    """One NACE item with the path to it and everything below it."""
    code = code.upper()
    sector = sector_get(code=code)
    if sector is None:
        return None
    ancestors: list[Sector] = []
    parent = sector.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent
    descendants = [
        item
        for item in sector_tree(section=sector.section)
        if item.level > sector.level and (sector.level == 1 or item.code.startswith(code))
    ]
    return SectorFamily(sector=sector, ancestors=ancestors, descendants=descendants)


def home_intro_panel(*, user: Any) -> dict[str, Any]:
    """The home page's opening: the programme this site runs (or that none is set up yet)."""
    return {"programme": programme_default()}
