from django.http import HttpRequest
from ninja import Router

from twinning.api.schemas import RegionOut, SectorOut
from twinning.programmes import selectors

router = Router(tags=["programmes"])


@router.get("/regions", response=list[RegionOut], auth=None)
def list_regions(request: HttpRequest, side: str | None = None) -> list[RegionOut]:
    chosen = selectors.side_get(code=side) if side else None
    return [
        RegionOut(slug=r.slug, side=r.side.code, name=r.name, time_zone=r.time_zone)
        for r in selectors.regions(side=chosen)
    ]


@router.get("/sectors", response=list[SectorOut], auth=None)
def search_sectors(
    request: HttpRequest, q: str = "", level: int | None = None, limit: int = 50
) -> list[SectorOut]:
    found = selectors.sectors_search(query=q, level=level, limit=min(limit, 200))
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
