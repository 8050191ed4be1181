"""The directory's search: whole words with their endings, and other languages by meaning.

Run on SQLite and on PostgreSQL (full-text search there): the same answers on both.
"""

import pytest
from django.db import connection
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PublishedOpportunityFactory
from tests.organisations.search_data import publish_directory
from twinning.core import search
from twinning.organisations import selectors
from twinning.organisations.services import opportunity_search_text

pytestmark = pytest.mark.integration


@pytest.fixture
def directory(programme):  # type: ignore[no-untyped-def]
    return publish_directory(programme)


def found(directory, query: str, **filters: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The names of the offers the directory lists for the query, in its order."""
    names = {opportunity.pk: name for name, opportunity in directory.items()}
    asked = selectors.DirectoryFilters(query=query, **filters)
    return [names[o.pk] for o in selectors.opportunities_published(filters=asked)]


def test_a_russian_word_finds_its_other_endings(directory):
    assert found(directory, "конина")[0] == "konina"  # "Поставки конины…"
    assert found(directory, "КОНИНУ")[0] == "konina"
    assert found(directory, "говядина конина")[0] == "konina"


def test_a_word_matches_whole_words_not_the_inside_of_one(directory):
    # The Kazakh "ет" (meat) is in "еті"; "ищет" (seeks) ends with it and must not match.
    results = found(directory, "ет")
    assert results[0] == "horse"
    assert "packaging" not in results and "dairy" not in results


def test_yo_and_ye_are_the_same_letter(directory):
    # "охлаждённую" in the offer, typed without the dots.
    assert found(directory, "охлажденную")[0] == "konina"
    assert search.normalise("Охлаждённую") == "охлажденную"


def test_english_words_are_stemmed(directory):
    assert found(directory, "meats")[0] == "halal"
    assert found(directory, "knitting")[0] == "wool"


def test_a_word_in_one_language_finds_offers_on_it_in_another_below_the_exact_matches(directory):
    results = found(directory, "мясо")
    assert results[0] == "poultry"  # "Мясо птицы": the word itself
    assert {"lamb", "halal"} <= set(results[1:])  # the English meat offers, by meaning
    assert not {"software", "wool", "tours", "packaging"} & set(results)


def test_meaning_finds_nothing_for_a_word_no_offer_is_about(directory):
    assert found(directory, "упаковка") == ["packaging"]
    assert found(directory, "software") == ["software"]


def test_the_other_filters_still_apply_to_what_is_found_by_meaning(directory):
    assert found(directory, "мясо", side="KZ")[0] == "poultry"
    assert not {"lamb", "halal"} & set(found(directory, "мясо", side="KZ"))


def test_an_offer_without_a_stored_vector_is_found_by_its_words_only(directory, programme):
    late = PublishedOpportunityFactory(
        organisation=directory["lamb"].organisation, title="Mutton and goat meat", summary=""
    )
    late.search_text = opportunity_search_text(late)
    late.save(update_fields=["search_text"])
    ids = [o.pk for o in selectors.opportunities_published(
        filters=selectors.DirectoryFilters(query="мясо"))]  # fmt: skip
    assert late.pk not in ids
    ids = [o.pk for o in selectors.opportunities_published(
        filters=selectors.DirectoryFilters(query="mutton"))]  # fmt: skip
    assert ids == [late.pk]


def test_a_vector_stored_later_is_found_by_the_next_search_of_the_same_candidates(
    directory, programme
):
    """The search keeps its candidates' vectors stacked; one that had none is looked for again
    once matching has stored vectors since (the stack is not kept stale)."""
    from twinning.matching import services as matching

    late = PublishedOpportunityFactory(
        organisation=directory["lamb"].organisation, title="Mutton and goat meat", summary=""
    )
    late.search_text = opportunity_search_text(late)
    late.save(update_fields=["search_text"])
    meat = selectors.DirectoryFilters(query="мясо")
    assert late.pk not in [o.pk for o in selectors.opportunities_published(filters=meat)]
    assert late.pk not in [o.pk for o in selectors.opportunities_published(filters=meat)]
    matching.recompute_full(programme=programme)  # stores its vector; the row is not saved
    assert late.pk in [o.pk for o in selectors.opportunities_published(filters=meat)]


def test_the_directory_page_marks_what_was_found_by_meaning(client, directory):
    response = client.get(reverse("organisations:directory"), {"q": "мясо"})
    page = response.content.decode()
    listed = list(response.context["page"].object_list)

    assert listed[0] == directory["poultry"] and not listed[0].found_by_meaning
    assert all(o.found_by_meaning for o in listed[1:])
    assert page.count("Related in meaning") == len(listed) - 1
    assert page.index("Мясо птицы") < page.index("Lamb and beef cuts for export")


def test_a_search_costs_a_fixed_number_of_queries(client, directory):
    url = reverse("organisations:directory")
    client.get(url, {"q": "мясо"})  # the model and the vectors loaded once per process
    with CaptureQueriesContext(connection) as plain:
        client.get(url)
    with CaptureQueriesContext(connection) as first:
        client.get(url, {"q": "мясо"})
    with CaptureQueriesContext(connection) as second:
        client.get(url, {"q": "конина ет"})
    # The ids with the words, the candidates' texts, and (once) their vectors.
    assert len(first.captured_queries) == len(second.captured_queries)
    assert len(first.captured_queries) <= len(plain.captured_queries) + 3


def _cold_process() -> None:
    """As a new web worker starts: no passage keys, candidate ids nor stored vectors in memory."""
    from twinning.matching import retrieval

    selectors._keys.clear()
    selectors._ids.clear()
    selectors._keys_as_of[0] = None
    retrieval._vectors.clear()


def test_a_warmed_worker_serves_its_first_search_as_it_serves_the_next(client, directory):
    from twinning.core.warmup import warm_caches

    url = reverse("organisations:directory")
    counts = []
    for warm in (False, True):
        _cold_process()
        if warm:
            assert "directory search" in warm_caches()
        with CaptureQueriesContext(connection) as first:
            client.get(url, {"q": "мясо"})
        with CaptureQueriesContext(connection) as second:
            client.get(url, {"q": "мясо"})
        counts.append((len(first.captured_queries), len(second.captured_queries)))
    (cold_first, steady), (warm_first, warm_second) = counts
    assert cold_first > steady  # the texts and the vectors read on the first search
    assert warm_first == warm_second == steady


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a stored tsvector is PostgreSQL's")
def test_postgresql_searches_the_stored_vector_which_is_the_computed_one(directory):
    from twinning.organisations.models import Opportunity

    late = directory["konina"]
    late.title = "Ёлочные игрушки"
    late.search_text = opportunity_search_text(late)
    late.save(update_fields=["title", "search_text"])
    table = Opportunity._meta.db_table
    rows = Opportunity.objects.annotate(
        computed=search.pg_vector("title", "search_text"),
        stored=RawSQL(f'"{table}"."search_vector"', []),  # noqa: S611
    ).values_list("computed", "stored")
    assert rows and all(computed == stored for computed, stored in rows)
    with CaptureQueriesContext(connection) as queries:
        assert found(directory, "елочные")[0] == "konina"
    with_words = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
    assert len(with_words) == 1
    assert "search_vector" in with_words[0] and "to_tsvector" not in with_words[0]
