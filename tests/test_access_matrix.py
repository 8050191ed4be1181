"""Every route × every role, against the declared rule (tests/access.py says how to declare one).

The routes come from the URLconf and from the OpenAPI schema, so a route added later is in the
matrix at once: without a declared rule its test fails, naming the file to declare it in.
"""

from __future__ import annotations

import copy
import re
import shutil
from typing import Any
from urllib.parse import urlparse

import pytest
from django.db import connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access import DENY, INVALID, LOGIN, OK, Route, World, app_rules, build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ANY = "any"  # the admin's own model permissions decide (never a server error)
ADMIN = Route(LOGIN, LOGIN, LOGIN, ANY, reason="Django admin: staff only; model permissions decide")
#: Routes outside the matrix, each with the reason.
UNROUTED = {
    "^media/(?P<path>.*)$": "only with DEBUG: serves public media (logos), nothing private",
}


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    found = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
            found += _walk(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            found.append((name or route, route))
    return found


def _api_schema() -> dict[str, Any]:
    from twinning.api.urls import api

    return api.get_openapi_schema()


def api_operations() -> list[str]:
    paths = _api_schema()["paths"]
    return sorted(f"{method.upper()} {path}" for path, item in paths.items() for method in item)


def page_routes() -> dict[str, str]:
    """URL name (or pattern, if unnamed) → pattern, for every route the API schema does not list."""
    documented = {operation.split(" ", 1)[1] for operation in api_operations()}
    return {
        name: route
        for name, route in _walk(get_resolver())
        if route not in UNROUTED
        and "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route) not in documented
    }


def _declarations(kind: str) -> dict[str, Route]:
    declared: dict[str, Route] = {}
    for access in app_rules():
        declared.update(getattr(access, kind, {}))
    return declared


PAGES = _declarations("PAGES")
API = _declarations("API")
ROUTES = page_routes()
OPERATIONS = api_operations()


def _rule(name: str) -> Route | None:
    if name not in PAGES and (name.startswith("admin:") or ROUTES[name].startswith("admin/")):
        return ADMIN
    return PAGES.get(name)


def _where(name: str) -> str:
    app = name.split(":")[0] if ":" in name else "core"
    return f"tests/{app}/access.py"


def _answer(response: Any, *, api: bool) -> str:
    status = response.status_code
    if status == 400:
        return INVALID
    if status in (401, 403, 404):
        return LOGIN if status == 401 else DENY
    if 300 <= status < 400 and not api:
        target = urlparse(response["Location"]).path
        return LOGIN if target in (reverse("core:login"), reverse("admin:login")) else OK
    return OK if 200 <= status < 300 else str(status)


def _client(world: Any, role: str, *, api: bool) -> Client:
    client = Client(raise_request_exception=False)
    user = world.users.get(role)
    if user is None:
        return client
    if api:
        from twinning.core.services import api_token_create

        _token, key = api_token_create(user=user, name="access matrix")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    else:
        client.force_login(user)
    return client


def _page_url(name: str, rule: Route, world: Any) -> str:
    if name.startswith("admin:") or name == ROUTES[name]:
        # The admin's routes: any object id (the sign-in check comes first); unnamed: the pattern.
        route = ROUTES[name]
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", "1", route)
    return reverse(name, args=rule.args(world))


def _probe(world: Any, role: str, rule: Route, url: str, *, api: bool) -> tuple[str, int]:
    with transaction.atomic(), CaptureQueriesContext(connections["default"]) as queries:
        client = _client(world, role, api=api)
        method = getattr(client, rule.method.lower())
        start = len(queries.captured_queries)  # after the token is made
        if api:
            body = rule.data(world)
            if rule.method in ("GET", "DELETE"):
                response = method(url, rule.query(world))
            elif rule.multipart:
                response = method(url, body)
            else:
                response = method(url, body, content_type="application/json")
        else:
            data = rule.query(world) if rule.method == "GET" else rule.data(world)
            response = method(url, data)
        if rule.method == "GET":
            sent = queries.captured_queries[start:]
            writes = [q["sql"][:80] for q in sent if _writes(q["sql"])]
            assert not writes, f"GET {url} as {role} writes: {writes}"
        transaction.set_rollback(True)
    # Every answer, refusals and redirects included, carries the Content-Security-Policy.
    assert "'self'" in response.get("Content-Security-Policy", ""), f"{url}: no CSP"
    return _answer(response, api=api), response.status_code


# What a GET may write: the session, the access log of who read a CV or exported data (an audit
# of the read itself), an API token's last use, the sign-in throttle's records, and the
# embeddings' cache (a text's vector, computed once when first needed and never changed).
READ_LOGS = (
    "django_session", "core_auditentry", "students_cvview", "core_apitoken", "axes_",
    "matching_embedding",
)  # fmt: skip
WRITE = re.compile(r'^\s*(?:INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM)\s+"?(\w+)', re.I)


def _writes(sql: str) -> bool:
    """A statement that changes a table other than READ_LOGS' (no writes on GET)."""
    found = WRITE.match(sql)
    return found is not None and not found.group(1).startswith(READ_LOGS)


def _check(world: Any, rule: Route, url: str, *, api: bool) -> None:
    rule.setup(world)
    missing = [role for role in rule.also if role not in world.users]
    assert not missing, f"{url}: no user in the world for {missing}"
    answers = {role: _probe(world, role, rule, url, api=api) for role in rule.roles()}
    wrong = {
        role: f"{answer} {status} (declared {rule.expected(role)})"
        for role, (answer, status) in answers.items()
        if answer != rule.expected(role) and not (rule.expected(role) == ANY and status < 500)
    }
    assert not wrong, f"{rule.method} {url}: {wrong}"


@pytest.fixture(scope="module")
def _shared_world(django_db_setup, django_db_blocker, tmp_path_factory):  # type: ignore[no-untyped-def]
    """One world for the whole module, built once in a transaction rolled back at its end.

    Each test runs in a savepoint inside it (pytest-django's own) and works on a deep copy of
    the objects, so what a test changes, in the database or in memory, leaves with the test; the
    private files are put back before each test.
    """
    from django.test import override_settings

    private = tmp_path_factory.mktemp("access-private")
    aliases = list(connections)
    with (
        django_db_blocker.unblock(),
        override_settings(
            PRIVATE_MEDIA_ROOT=private,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
    ):
        atomics = [transaction.atomic(using=alias) for alias in aliases]
        for atomic in atomics:
            atomic.__enter__()
        try:
            world = build_world()
            pristine = tmp_path_factory.mktemp("access-private-pristine")
            shutil.copytree(private, pristine, dirs_exist_ok=True)
            yield world, private, pristine
        finally:
            for alias, atomic in zip(reversed(aliases), reversed(atomics), strict=True):
                transaction.set_rollback(True, using=alias)
                atomic.__exit__(None, None, None)


@pytest.fixture
def world(_shared_world, _test_settings, settings) -> World:  # type: ignore[no-untyped-def]
    shared, private, pristine = _shared_world
    settings.PRIVATE_MEDIA_ROOT = private
    # The files a test removed (the rollback does not bring them back).
    shutil.copytree(pristine, private, dirs_exist_ok=True)
    return copy.deepcopy(shared)


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_page_access(name: str, world: World) -> None:
    rule = _rule(name)
    assert rule is not None, f"route {name!r} has no declared access rule: add it to {_where(name)}"
    _check(world, rule, _page_url(name, rule, world), api=False)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_api_access(operation: str, world: World) -> None:
    rule = API.get(operation)
    assert rule is not None, (
        f"API operation {operation!r} has no declared access rule: add it to the API dict of the "
        "tests/<app>/access.py of its router"
    )
    method, path = operation.split(" ", 1)
    assert method == rule.method, f"{operation}: declared as {rule.method}"
    url = path.format(**rule.args(world)) if "{" in path else path
    _check(world, rule, url, api=True)


def test_no_rule_is_declared_for_a_route_that_does_not_exist() -> None:
    assert sorted(set(PAGES) - set(ROUTES)) == []
    assert sorted(set(API) - set(OPERATIONS)) == []


def _with_body() -> list[str]:
    paths = _api_schema()["paths"]
    return sorted(
        f"{method.upper()} {path}"
        for path, item in paths.items()
        for method, operation in item.items()
        if "{" in path and "application/json" in operation.get("requestBody", {}).get("content", {})
    )


def _missing(value: Any) -> Any:
    return 987_654_321 if isinstance(value, int) else f"no-such-{value}"


@pytest.mark.parametrize("operation", _with_body())
def test_an_invalid_body_tells_a_stranger_nothing_about_the_object(
    operation: str, world: World
) -> None:
    """The API checks a body's shape before the operation looks its object up (django-ninja
    validates the declared parameters first), so a stranger's malformed body is refused before
    the 403 or 404 a well-formed one would get. That answer must be the same for an object that
    exists as for one that does not: it tells what /api/openapi.json publishes, nothing more.
    Operations that read their body themselves check permission first: the stranger then gets
    the 403 of an object they may see anyway (a hidden one is a 404, as a missing one is)."""
    rule = API[operation]
    rule.setup(world)
    method, path = operation.split(" ", 1)
    args = rule.args(world)
    client = _client(world, "other", api=True)
    answers = []
    for url in (path.format(**args), path.format(**{k: _missing(v) for k, v in args.items()})):
        with transaction.atomic():
            response = getattr(client, method.lower())(url, "1", content_type="application/json")
            transaction.set_rollback(True)
        answers.append((response.status_code, response.content))
    (real, _), (missing, _) = answers
    assert answers[0] == answers[1] or (real, missing) == (403, 404), f"{operation}: {answers}"
    assert real in (400, 403, 404), f"{operation}: {answers[0]}"


@pytest.mark.parametrize("operation", _with_body())
def test_a_body_that_is_not_an_object_is_refused_and_changes_nothing(
    operation: str, world: World
) -> None:
    """`1`, `"x"` or `[]` is no request body: before the shared `In` schema, ninja read it as an
    object of default values (a body of `1` registered the caller for an event)."""
    rule = API[operation]
    rule.setup(world)
    allowed = [role for role in rule.roles() if rule.expected(role) in (OK, INVALID)]
    client = _client(world, allowed[-1] if allowed else "member", api=True)
    method, path = operation.split(" ", 1)
    url = path.format(**rule.args(world))
    for body in ("1", '"x"', "[]"):
        with transaction.atomic():
            response = getattr(client, method.lower())(url, body, content_type="application/json")
            transaction.set_rollback(True)
        assert response.status_code == 400, f"{operation} {body}: {response.status_code}"
        assert response.json()["errors"], f"{operation} {body}: {response.content!r}"
