import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from django.utils import translation

from tests.factories import (
    MembershipFactory,
    OperatorFactory,
    OrganisationFactory,
    ProgrammeFactory,
    UserFactory,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_configure(config):  # type: ignore[no-untyped-def]
    config.addinivalue_line(
        "markers",
        "pins(*routes): the test pins the queries of these list pages through `pinned_queries` "
        "(tests/test_query_pins.py fails on a list page that no test pins)",
    )


def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    """Every transactional test must restore the database it found (`serialized_rollback`).

    A transactional test without it ends with a flush that re-creates the content types and
    permissions; the next test that restores the saved contents then inserts them a second time
    and fails at set-up (seen in CI as UNIQUE errors on django_content_type, on whichever browser
    test followed the backup test on the same worker).
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None:
            continue
        transactional = marker.kwargs.get("transaction", False)
        restores = marker.kwargs.get("serialized_rollback", False)
        if transactional and not restores:
            raise pytest.UsageError(
                f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True "
                "so that the next transactional test finds the database it expects."
            )


@pytest.fixture(autouse=True)
def _english_by_default():  # type: ignore[no-untyped-def]
    """Each test starts in English, whatever language an earlier request left active."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    # Real hashing costs ~0.3 s per password; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def programme(db):  # type: ignore[no-untyped-def]
    return ProgrammeFactory()


@pytest.fixture
def operator(db):  # type: ignore[no-untyped-def]
    return OperatorFactory(email="operator@example.org")


@pytest.fixture
def member(db, programme):  # type: ignore[no-untyped-def]
    """A user who owns a Leeds company."""
    membership = MembershipFactory(organisation=OrganisationFactory(programme=programme))
    return membership.user


@pytest.fixture
def organisation(member):  # type: ignore[no-untyped-def]
    return member.organisations.get()


@pytest.fixture
def outsider(db, programme):  # type: ignore[no-untyped-def]
    """A user who owns a different organisation, in Kazakhstan."""
    from tests.factories import region

    other = OrganisationFactory(programme=programme, region=region("kostanay"))
    return MembershipFactory(organisation=other).user


@pytest.fixture
def user(db):  # type: ignore[no-untyped-def]
    return UserFactory()


def chromium_path() -> str | None:
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required for browser tests under CI=true but was not found.")
        pytest.skip("Browser tests need Chromium at /usr/bin/chromium (apt-get install chromium).")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    saved = {
        c.alias: c._test_serialized_contents
        for c in connections.all()
        if hasattr(c, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        # Playwright's event loop gives the tests a new context, so Django hands out new
        # connection objects; `serialized_rollback` needs the test database's saved contents on
        # them, or the reference data (regions, sectors) is gone after the first browser test.
        for alias, contents in saved.items():
            connections[alias]._test_serialized_contents = contents
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    threads_before = threading.active_count()
    page = context.new_page()
    yield page
    # A page that polls (job progress) may still have a request in the live server's threads:
    # leave the page, then let those requests end before the next test takes the database.
    page.goto("about:blank")
    context.close()
    deadline = time.monotonic() + 5
    while threading.active_count() > threads_before and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.fixture
def pinned_queries(request, client, django_assert_num_queries):  # type: ignore[no-untyped-def]
    """Pin a list page's queries: as many with three rows as with one (`grow` adds a row).

    Counts the page with one row, then asserts that exact number with three, and returns it
    (assert it too to pin the number itself). The first request, before counting, warms the
    caches (content types, the session, the programme) out of the count. Options:

    - `client`: another client than the test's (a member's, a producer's);
    - `method`, `data`: a POST, say; `data` (the query string of a GET) may be a function,
      called before each request, so that it can name the rows grown so far;
    - `headers`: request headers (`{"HX-Request": "true"}` for an htmx fragment);
    - `status`: the answer each request must get (a POST's 302);
    - `check(response, rows)`: asserts that the answer shows the rows (1, then 3), so that the
      pin cannot pass on a page that shows none of them.

    A test marked `@pytest.mark.pins("app:route", ...)` (the registry that
    tests/test_query_pins.py reads to find list pages with no pin) may pin only those routes:
    the URL must resolve to one of them."""
    from urllib.parse import urlsplit

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import resolve

    declared = [route for mark in request.node.iter_markers("pins") for route in mark.args]
    default_client = client

    def pin(  # type: ignore[no-untyped-def]
        url: str,
        grow,
        *,
        client=None,
        method="get",
        data=None,
        headers=None,
        status=200,
        check=None,
    ) -> int:
        if declared:
            route = resolve(urlsplit(url).path).view_name
            assert route in declared, f"{url} is {route}; the test is marked pins{declared}"
        browser = client or default_client
        send = getattr(browser, method.lower())

        def answer(rows: int):  # type: ignore[no-untyped-def]
            response = send(url, data() if callable(data) else (data or {}), headers=headers)
            assert response.status_code == status, (url, response.status_code)
            if check is not None and rows:
                check(response, rows)
            return response

        grow()
        answer(0)  # warm caches (content types, sessions) out of the count
        with CaptureQueriesContext(connection) as one:
            answer(1)
        grow()
        grow()
        with django_assert_num_queries(len(one.captured_queries)):
            answer(3)
        return len(one.captured_queries)

    return pin
