"""One date and time format per language, set in twinning/core/formats and named everywhere."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation

from tests.factories import PublishedOpportunityFactory

SOURCE = Path(settings.BASE_DIR)
NAMED = {"DATE_FORMAT", "DATETIME_FORMAT", "TIME_FORMAT", "YEAR_MONTH_FORMAT"}
# `|date:"j M Y"`, `|time:'H:i'`, `date_format(value, "j F")`: any format argument at all.
TEMPLATE_FORMAT = re.compile(r"""\|(?:date|time):\s*["']([^"']*)["']""")
PYTHON_FORMAT = re.compile(r"""(?:date|time)_format\([^,()]+,\s*["']([^"']*)["']""")


def literal_formats(pattern: re.Pattern[str], paths: list[Path]) -> list[str]:
    return [
        f"{path.relative_to(SOURCE)}: {found}"
        for path in paths
        for found in pattern.findall(path.read_text(encoding="utf-8"))
        if found not in NAMED
    ]


@pytest.mark.unit
def test_no_template_spells_out_a_date_format() -> None:
    templates = [p for p in SOURCE.rglob("templates/**/*") if p.suffix in {".html", ".txt", ".ics"}]

    assert len(templates) > 100
    assert literal_formats(TEMPLATE_FORMAT, templates) == []


@pytest.mark.unit
def test_no_python_code_formats_a_date_with_a_literal_format() -> None:
    modules = [p for p in SOURCE.rglob("*.py") if "migrations" not in p.parts]

    assert literal_formats(PYTHON_FORMAT, modules) == []


@pytest.mark.unit
@pytest.mark.parametrize(
    ("language", "date", "moment"),
    [
        ("en", "25 July 2026", "25 July 2026, 14:30 BST"),
        ("ru", "25 июля 2026", "25 июля 2026, 14:30 BST"),
        ("kk", "25 шілде 2026", "25 шілде 2026, 14:30 BST"),
    ],
)
def test_each_language_has_one_date_and_one_date_and_time_format(language, date, moment) -> None:
    day = dt.date(2026, 7, 25)
    at = dt.datetime(2026, 7, 25, 14, 30, tzinfo=timezone.get_default_timezone())
    with translation.override(language):
        assert formats.date_format(day) == date
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == date
        assert formats.date_format(at, "DATETIME_FORMAT") == moment
        assert formats.time_format(at) == "14:30"


@pytest.mark.integration
@pytest.mark.parametrize(
    ("language", "written", "not_written"),
    [
        ("en", "25 July 2026", ["25 Jul 2026", "Jul. 25, 2026"]),
        ("ru", "25 июля 2026", ["25 Июл", "25 Июля", "июл. 2026"]),
        ("kk", "25 шілде 2026", ["25 Шілде", "25 шіл "]),
    ],
)
def test_the_directory_and_the_opportunity_page_write_a_date_the_same_way(
    client, db, language, written, not_written
) -> None:
    published = timezone.make_aware(dt.datetime(2026, 7, 25, 11))
    opportunity = PublishedOpportunityFactory(
        title="Cold storage", published_at=published, expires_on=dt.date(2026, 7, 25)
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    directory = client.get(reverse("organisations:directory")).content.decode()
    page = reverse("organisations:opportunity", args=[opportunity.pk])
    detail = client.get(page).content.decode()

    assert written in directory  # "published 25 July 2026" on the card
    assert detail.count(written) == 2  # published on, expires on
    assert [text for text in not_written if text in directory + detail] == []
