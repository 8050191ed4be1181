"""Loads the regions and NACE sectors shipped in `data/` into the database.

Called from a data migration with historical models, so it takes the model classes as arguments.
"""

import csv
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"

SIDES = [
    {
        "code": "UK",
        "name_en": "Yorkshire (United Kingdom)",
        "name_ru": "Йоркшир (Великобритания)",
        "name_kk": "Йоркшир (Ұлыбритания)",
        "time_zone": "Europe/London",
    },
    {
        "code": "KZ",
        "name_en": "Kazakhstan",
        "name_ru": "Казахстан",
        "name_kk": "Қазақстан",
        "time_zone": "Asia/Almaty",
    },
]

# Known typos in the source files, corrected on load.
TITLE_FIXES = {
    "U0NDIFFERENTIATED": "UNDIFFERENTIATED",
    "ЭКСТЕРРИТОРИАЛЬНЫХОРГАНИЗАЦИЙ": "ЭКСТЕРРИТОРИАЛЬНЫХ ОРГАНИЗАЦИЙ",
}


def _fix(title: str) -> str:
    for wrong, right in TITLE_FIXES.items():
        title = title.replace(wrong, right)
    return title.strip()


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _kazakh_titles() -> dict[str, str]:
    titles: dict[str, str] = {}
    for name in ("nace_sections_kk.csv", "nace_divisions_kk.csv"):
        if (DATA / name).exists():
            titles.update({row["code"]: row["title_kk"] for row in _rows(name)})
    return titles


def load_sides_and_regions(side_model: Any, region_model: Any) -> None:
    sides = {}
    for side in SIDES:
        sides[side["code"]], _ = side_model.objects.update_or_create(
            code=side["code"], defaults=side
        )
    for row in _rows("regions.csv"):
        region_model.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "side": sides[row["side"]],
                "kind": row["kind"],
                "name_en": row["name_en"],
                "name_ru": row["name_ru"],
                "name_kk": row["name_kk"],
                "centre": row["centre_en"],
                "group": row["group_en"],
                "gss_code": row["gss_code"],
                "time_zone": row["time_zone"],
            },
        )


def load_kazakh_titles(sector_model: Any) -> int:
    """Kazakh titles added since the sectors were loaded; returns how many changed."""
    changed = 0
    for code, title_kk in _kazakh_titles().items():
        sector = sector_model.objects.filter(code=code).first()
        if sector is None or sector.title_kk == title_kk:
            continue
        sector.title_kk = title_kk
        sector.search_text = " ".join([code, sector.title_en, sector.title_ru, title_kk]).lower()
        sector.save(update_fields=["title_kk", "search_text"])
        changed += 1
    return changed


def load_sectors(sector_model: Any) -> None:
    kazakh = _kazakh_titles()
    by_code: dict[str, Any] = {}
    for row in _rows("nace_rev2_en_ru.csv"):
        code = row["code"]
        title_en, title_ru = _fix(row["title_en"]), _fix(row["title_ru_oked"])
        title_kk = kazakh.get(code, "")
        sector, _ = sector_model.objects.update_or_create(
            code=code,
            defaults={
                "level": int(row["level"]),
                "section": row["section"],
                "parent": by_code.get(row["parent"]),
                "title_en": title_en,
                "title_ru": title_ru,
                "title_kk": title_kk,
                "search_text": " ".join([code, title_en, title_ru, title_kk]).lower(),
            },
        )
        by_code[code] = sector
