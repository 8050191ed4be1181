"""No list page escapes a query pin: every list page of the URLconf is pinned, or declared here.

The list pages are found in the views' source (tests/query_pins.py: a ListView, page_of, or a
selector read of many rows handed to the response), so a new list page is found without anyone
adding it to a list. Its pin is a test marked ``@pytest.mark.pins("app:route")`` that takes
``pinned_queries`` (one row, then three, the same number of queries); the fixture refuses a URL
of another route than the mark names. A list page with no such test fails below until it has
one, or until it is declared in one of the three mappings, each entry with its reason.
"""

import inspect

import pytest
from django.views.generic import ListView

from tests.query_pins import every_test, list_pages, marked_routes, pins, routes, why_a_list

pytestmark = pytest.mark.unit

#: Found as list pages but they show no rows of data to pin: why.
NOT_LISTS = {
    "events:detail": "the day's opening hours (two periods), not rows",
    "film:estimator": "a calculator form; the user's studios are its choices",
    "film:save_draft": "saves the estimator's draft; the user's studios are its choices",
    "matching:home": "sends the user to one of their organisations' lists (pinned there)",
    "introductions:new": "a form; the user's organisations are its choices",
    "outcomes:record": "a form; partners, methods and organisations are its choices",
    "outcomes:edit": "a form; the local-content methods are its choices",
    "students:cv": "one student's CV (a PDF); the organisations name who opened it",
    "students:fair_new": "a form; job-fair events with no fair yet are its choices",
    "students:check_in_scan": "one pass holder; the scanner's booths find the booth to note",
    "students:unsubscribe": "a personal link's page: the student's two contact purposes",
}

#: List pages pinned by a test of their own that does not go through `pinned_queries`: which.
PINNED_ELSEWHERE = {
    "programmes:sectors": "tests/programmes/test_views.py::"
    "test_search_query_count_does_not_grow_with_results",
    "outcomes:dashboard": "tests/outcomes/test_dashboard.py::test_dashboard_query_count_is_fixed",
}

#: List pages with no pin yet (none today; none may be an operator's paginated list or a
#: students' page): pin one, then remove it here. A new list page cannot join this set
#: unnoticed: it is the diff that adds it.
NOT_PINNED_YET: set[str] = set()

DECLARED = {
    "not a list": NOT_LISTS,
    "pinned elsewhere": PINNED_ELSEWHERE,
    "not yet": NOT_PINNED_YET,
}


@pytest.fixture(scope="module")
def found():  # type: ignore[no-untyped-def]
    return {"pages": list_pages(), "pins": pins(), "routes": routes()}


def test_every_list_page_is_pinned_or_declared(found):  # type: ignore[no-untyped-def]
    unpinned = {
        name: why
        for name, why in found["pages"].items()
        if name not in found["pins"] and not any(name in entries for entries in DECLARED.values())
    }
    assert unpinned == {}, (
        "List pages without a query pin: add a test marked @pytest.mark.pins(route) that takes "
        "pinned_queries (one row, then three), or declare the page in tests/test_query_pins.py"
    )


@pytest.mark.parametrize("kind", DECLARED)
def test_no_declaration_is_stale(found, kind):  # type: ignore[no-untyped-def]
    """A declared page is still a list page, and has no pin (then it belongs with the pins)."""
    declared = set(DECLARED[kind])
    assert sorted(declared - set(found["pages"])) == [], "no longer list pages: remove them"
    assert sorted(declared & set(found["pins"])) == [], "pinned now: remove them from here"


def test_a_page_is_declared_once():
    names = [name for entries in DECLARED.values() for name in entries]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_the_tests_named_as_pinning_elsewhere_exist():
    tests = {test for test, _function in every_test()}
    for route, where in PINNED_ELSEWHERE.items():
        path, function = where.split("::")
        assert f"{path.removesuffix('.py').replace('/', '.')}::{function}" in tests, (route, where)


def test_every_pin_names_a_route_and_takes_the_fixture(found):  # type: ignore[no-untyped-def]
    for test, function in every_test():
        marked = marked_routes(function)
        takes = "pinned_queries" in inspect.signature(function).parameters
        assert not set(marked) - set(found["routes"]), f"{test} pins no such route: {marked}"
        assert takes or not marked, f"{test} is marked pins but does not use pinned_queries"
        assert marked or not takes, f"{test} uses pinned_queries: mark it pins(route)"


class _Entries(ListView):
    """A ListView outside the project (the project's lists all use page_of today)."""


def test_the_detection_finds_each_kind_of_list_page(found):  # type: ignore[no-untyped-def]
    """The three ways a page is found, each on a page known to be a list, and two non-lists."""
    pages = found["pages"]
    assert why_a_list(_Entries.as_view()) == "a ListView"
    assert pages["organisations:queue"] == "paginated with page_of"
    assert "selectors.booths_of_user" in pages["students:booths_mine"]  # a selector's rows
    assert "selectors.leads_of" in pages["students:leads"]  # through exports.leads_xlsx
    assert "students:shortlist" not in pages  # POST only
    assert "core:privacy" not in pages  # a page of text
