"""Sector pages: the NACE tree, search in three languages with HTMX, and the picker."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from twinning.programmes.models import Sector

pytestmark = pytest.mark.integration

HTMX = {"HTTP_HX_REQUEST": "true"}


def codes(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [sector.code for sector in response.context["sectors"]]


def test_sectors_page_lists_the_21_sections(client, db):
    response = client.get(reverse("programmes:sectors"))
    assert response.status_code == 200
    assert codes(response) == list("ABCDEFGHIJKLMNOPQRSTU")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("10.11", "10.11"),  # by code
        ("preserving of meat", "10.11"),  # English words
        ("МЯСА", "10.11"),  # Russian, upper case: Cyrillic case folding must work on SQLite
        ("Өңдеу өнеркәсібі", "C"),  # Kazakh section title
    ],
)
def test_search_by_code_or_words_in_any_language(client, db, query, expected):
    response = client.get(reverse("programmes:sectors"), {"q": query})
    assert response.status_code == 200
    assert expected in codes(response)


def test_search_with_htmx_returns_only_the_results(client, db):
    response = client.get(reverse("programmes:sectors"), {"q": "мяса"}, **HTMX)
    html = response.content.decode()
    assert "<html" not in html
    assert "10.11" in html


def test_search_without_results_says_so(client, db):
    response = client.get(reverse("programmes:sectors"), {"q": "zzzqqq"})
    assert codes(response) == []
    assert "No sector matches" in response.content.decode()


def test_search_query_count_does_not_grow_with_results(client, db):
    def queries(query: str) -> int:
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("programmes:sectors"), {"q": query})
        return len(context.captured_queries), len(codes(response))

    one, found = queries("10.11")
    assert found == 1
    three, found = queries("10.1")
    assert found == 4  # the group 10.1 and its three classes
    assert three == one


def test_sector_page_shows_the_path_and_what_lies_below(client, db):
    response = client.get(reverse("programmes:sector", args=["10.1"]))
    assert response.status_code == 200
    assert [s.code for s in response.context["ancestors"]] == ["C", "10"]
    assert [s.code for s in response.context["descendants"]] == ["10.11", "10.12", "10.13"]
    html = response.content.decode()
    assert "Переработка и консервирование мяса" in html


def test_section_page_lists_its_divisions_groups_and_classes(client, db):
    response = client.get(reverse("programmes:sector", args=["a"]))
    assert response.status_code == 200
    descendants = [s.code for s in response.context["descendants"]]
    assert "01" in descendants and "01.11" in descendants and "02" in descendants
    assert all(not code.startswith("10") for code in descendants)


def test_unknown_sector_is_404(client, db):
    assert client.get(reverse("programmes:sector", args=["99.99"])).status_code == 404


def test_picker_offers_codes_with_add_buttons(client, db):
    response = client.get(reverse("programmes:sector_picker"), {"q": "мяса", "target": "id_x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-pick-code="10.11"' in html
    assert 'data-pick-target="id_x"' in html
    assert "<html" not in html


@pytest.mark.pins("programmes:sector_picker")
def test_picker_query_count_does_not_grow_with_results(client, db, pinned_queries):
    """New classes under group 10.1 whose titles share a word that no NACE title holds."""
    group = Sector.objects.get(code="10.1")
    numbers = itertools.count(1)

    def grow():
        n = next(numbers)
        title = f"Zebrawood pickling {n}"
        Sector.objects.create(
            code=f"10.1{n}Z", level=Sector.Level.CLASS, section=group.section, parent=group,
            title_en=title, search_text=f"10.1{n}z {title}".lower(),
        )  # fmt: skip

    def check(response, rows):
        assert response.content.decode().count("data-pick-code=") == rows

    pinned_queries(
        reverse("programmes:sector_picker"),
        grow,
        data={"q": "zebrawood", "target": "id_sectors"},
        check=check,
    )


def test_picker_with_an_empty_query_returns_nothing(client, db):
    response = client.get(reverse("programmes:sector_picker"), {"q": ""})
    assert response.status_code == 200
    assert response.content.decode().strip() == ""


def test_kazakh_pages_name_divisions_in_kazakh_and_groups_in_russian(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    division = client.get(reverse("programmes:sector", args=["10"])).content.decode()
    assert '<span class="nace-code">10</span> Тамақ өнімдерін өндіру</h1>' in division
    group = client.get(reverse("programmes:sector", args=["10.1"])).content.decode()
    # OKED's Russian title, not the English one, where no Kazakh title exists yet.
    assert (
        '<span class="nace-code">10.1</span> <span lang="ru">Переработка и консервирование мяса'
        in group
    )


def test_a_title_in_another_language_than_the_page_is_marked_so(client, db, settings):
    from tests.factories import PublishedOpportunityFactory, sector

    opportunity = PublishedOpportunityFactory(sectors=[sector("10"), sector("10.11")])
    url = reverse("organisations:opportunity", args=[opportunity.pk])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    page = client.get(url).content.decode()
    # The division has a Kazakh title; the class has OKED's Russian one, said to be Russian.
    assert "Тамақ өнімдерін өндіру</li>" in page
    assert '<span lang="ru">Переработка и консервирование мяса</span>' in page
    assert 'title="Бұл саланың бұл тілде әзірге атауы жоқ.">(орысша)</small>' in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.get(url).content.decode()
    assert "Переработка и консервирование мяса</li>" in page
    assert "sector-title-fallback" not in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "sector-title-fallback" not in client.get(url).content.decode()


def test_the_kazakh_directory_filter_names_sections_and_divisions_in_kazakh(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    page = client.get(reverse("organisations:directory")).content.decode()
    assert "10 Тамақ өнімдерін өндіру" in page
    assert "Manufacture of food products" not in page
    assert "(орысша)" not in page and "(ағылшынша)" not in page
