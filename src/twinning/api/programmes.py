from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.bounds import Small
from twinning.api.parity import pages
from twinning.api.schemas import Error, RegionOut, SectorOut
from twinning.programmes import selectors

router = Router(tags=["programmes"])


@router.get("/regions", response=list[RegionOut], auth=None)
@paginate(LimitOffsetPagination)
def list_regions(request: HttpRequest, side: str | None = None) -> list[RegionOut]:
    chosen = selectors.side_get(code=side) if side else None
    return [
        RegionOut(slug=r.slug, side=r.side.code, name=r.name, time_zone=r.time_zone)
        for r in selectors.regions(side=chosen)
    ]


@router.get(
    "/sectors", response=list[SectorOut], auth=None, openapi_extra=pages("programmes:sectors")
)
@paginate(LimitOffsetPagination)
def search_sectors(
    request: HttpRequest, q: str = "", level: Small | None = None
) -> list[SectorOut]:
    """Sectors whose code starts with, or whose title in any language contains, `q`; pages of
    `limit` (default 100) from `offset`."""
    # Every NACE Rev. 2 code fits under this bound; the page is cut by the pagination.
    found = selectors.sectors_search(query=q, level=level, limit=5000)
    return [
        SectorOut(
            code=s.code,
            level=s.level,
            title=s.title,
            title_en=s.title_en,
            title_ru=s.title_ru,
            title_kk=s.title_kk,
        )
        for s in found
    ]


class SectorDetailOut(SectorOut):
    ancestors: list[SectorOut]
    children: list[SectorOut]


def sector_out(sector: Any) -> SectorOut:
    return SectorOut(
        code=sector.code,
        level=sector.level,
        title=sector.title,
        title_en=sector.title_en,
        title_ru=sector.title_ru,
        title_kk=sector.title_kk,
    )


@router.get(
    "/sectors/{code}",
    response={200: SectorDetailOut, 404: Error},
    auth=None,
    openapi_extra=pages("programmes:sector"),
)
def sector_detail(request: HttpRequest, code: str) -> SectorDetailOut:
    """One NACE item with the path to it and everything below it."""
    family = selectors.sector_family(code=code)
    if family is None:
        raise HttpError(404, _("No such NACE code."))
    return SectorDetailOut(
        **sector_out(family.sector).model_dump(),
        ancestors=[sector_out(s) for s in family.ancestors],
        children=[sector_out(s) for s in family.descendants],
    )
