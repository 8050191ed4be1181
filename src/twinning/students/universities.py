"""The reference list of UK universities (data/universities.csv, source in data/README.md)."""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils import translation

DATA = Path(__file__).resolve().parent / "data" / "universities.csv"


@dataclass(frozen=True)
class University:
    slug: str
    name_en: str
    name_ru: str
    name_kk: str
    city: str
    yorkshire: bool

    @property
    def name(self) -> str:
        language = (translation.get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name_en


@cache
def universities() -> tuple[University, ...]:
    with DATA.open(encoding="utf-8") as handle:
        return tuple(
            University(
                slug=row["slug"],
                name_en=row["name_en"],
                name_ru=row["name_ru"],
                name_kk=row["name_kk"],
                city=row["city"],
                yorkshire=row["yorkshire"] == "1",
            )
            for row in csv.DictReader(handle)
        )


def university(slug: str) -> University | None:
    return next((u for u in universities() if u.slug == slug), None)


def university_choices() -> list[tuple[str, str]]:
    return [(u.slug, u.name) for u in universities()]
