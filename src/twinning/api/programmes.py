from django.http import HttpRequest
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.api.parity import pages
from twinning.api.schemas import RegionOut, SectorOut
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
def search_sectors(request: HttpRequest, q: str = "", level: int | None = None) -> list[SectorOut]:
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
