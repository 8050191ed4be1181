"""Bad input, across every route: never a server error, always a refusal the user can read.

The routes come from the URLconf and the OpenAPI schema (as tests/test_access_matrix.py walks
them), each requested by a role its declared rule lets in. Pages: every form the page renders is
posted back with each kind of bad value typed into its fields, and the page is asked for with
bad query strings; the API: every operation is called with bad values for its declared query
parameters and body properties (read from the schema). Each kind is one row of the table below;
every request runs in a rolled-back savepoint against one world, so nothing leaks between rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
from django.db import transaction
from django.test import Client

from tests import html_forms
from tests.access import OK, build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NUL = "a\x00b"
HUGE = "99999999999999999999"
TEXT_KINDS = {"text", "textarea", "search", "email", "url", "tel", "password", ""}


def _bad_text(control: html_forms.Control) -> str | None:
    return NUL if control.kind in TEXT_KINDS else None


def _huge(control: html_forms.Control) -> str | None:
    numeric = control.kind in ("number", "range") or control.value.lstrip("-").isdigit()
    return HUGE if numeric and control.kind not in ("checkbox", "radio") else None


def _dates(early: bool) -> Callable[[html_forms.Control], str | None]:
    day = "0001-01-01" if early else "9999-12-31"

    def bad(control: html_forms.Control) -> str | None:
        if control.kind == "date":
            return day
        if control.kind == "datetime-local":
            return f"{day}T23:59"
        if control.kind == "time":
            return "25:99"
        return None

    return bad


def _garbage(control: html_forms.Control) -> str | None:
    return None if control.kind in ("checkbox", "csrfmiddlewaretoken") else "abc²"


def _long(control: html_forms.Control) -> str | None:
    if control.kind == "email":
        return "a" * 300 + "@example.org"
    return "x" * 20_000 if control.kind in TEXT_KINDS else None


FORM_KINDS: dict[str, Callable[[html_forms.Control], str | None]] = {
    "nul": _bad_text,
    "huge-number": _huge,
    "early-date": _dates(early=True),
    "late-date": _dates(early=False),
    "garbage": _garbage,
    "long-text": _long,
}


def _role(rule: Any) -> str | None:
    for role in ("member", "operator", "other"):
        if rule.expected(role) == OK:
            return role
    return "anon" if rule.anon == OK else None


def _client(world: Any, role: str, *, api: bool) -> Client:
    return _matrix()._client(world, role, api=api)


def _rolled_back(call: Callable[[], Any]) -> Any:
    with transaction.atomic():
        try:
            return call()
        finally:
            transaction.set_rollback(True)


def _matrix() -> Any:
    # Imported when the tests run: the matrix imports every tests/<package>/access.py it finds,
    # this module included, and would find this module half-imported.
    from tests import test_access_matrix

    return test_access_matrix


def _pages(world: Any) -> list[tuple[str, str, str]]:
    """(name, url, role) for every page a role may open with GET."""
    matrix = _matrix()
    ROUTES, _page_url, _rule = matrix.ROUTES, matrix._page_url, matrix._rule
    found = []
    for name in sorted(ROUTES):
        rule = _rule(name)
        if rule is None or rule.method != "GET" or name.startswith("admin:"):
            continue
        role = _role(rule)
        if role is None:
            continue
        try:
            with transaction.atomic():
                rule.setup(world)
                url = _page_url(name, rule, world)
        except Exception:  # noqa: S112 - a rule whose set-up needs its own world
            continue
        found.append((name, url, role))
    return found


def _server_errors(responses: list[tuple[str, Any]]) -> list[str]:
    return [
        f"{what}: {response.status_code}"
        for what, response in responses
        if response.status_code >= 500
    ]


@pytest.mark.parametrize("kind", sorted(FORM_KINDS))
def test_no_form_answers_bad_input_with_a_server_error(kind: str) -> None:
    world = build_world()
    bad = FORM_KINDS[kind]
    responses = []
    for name, url, role in _pages(world):
        client = _client(world, role, api=False)
        page = _rolled_back(lambda: client.get(url))  # noqa: B023
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        for form in html_forms.forms_in(page.content.decode()):
            changes = {
                control.name: value
                for control in form.controls
                if control.name != "csrfmiddlewaretoken" and (value := bad(control)) is not None
            }
            if not changes:
                continue
            data = form.submission(**changes)
            target = form.action or url
            send = client.post if form.method == "post" else client.get
            response = _rolled_back(lambda: send(target, data))  # noqa: B023
            responses.append((f"{name} {form.method.upper()} {target} {sorted(changes)}", response))
    assert responses, "no form was tried"
    assert _server_errors(responses) == []


QUERY_KINDS = {
    "nul": "%00",
    "huge-number": HUGE,
    "garbage": "abc%C2%B2",
    "early-date": "0001-01-01",
}
QUERY_NAMES = ("q", "page", "status", "kind", "region", "sector", "job", "next", "day", "sort")


@pytest.mark.parametrize("kind", sorted(QUERY_KINDS))
def test_no_page_answers_a_bad_query_string_with_a_server_error(kind: str) -> None:
    world = build_world()
    value = QUERY_KINDS[kind]
    query = "&".join(f"{name}={value}" for name in QUERY_NAMES)
    responses = []
    for name, url, role in _pages(world):
        client = _client(world, role, api=False)
        response = _rolled_back(lambda: client.get(f"{url}?{query}"))  # noqa: B023
        responses.append((f"{name} {url}", response))
        if "/" in url.strip("/"):  # a NUL or garbage in the last path segment too
            head, _slash, last = url.rstrip("/").rpartition("/")
            bad_url = f"{head}/{last}{quote(chr(0)) if kind == 'nul' else value}/"
            responses.append((f"{name} {bad_url}", _rolled_back(lambda: client.get(bad_url))))  # noqa: B023
    assert _server_errors(responses) == []


# The API: bad values for the parameters and body properties the schema declares.
def _schema() -> dict[str, Any]:
    from twinning.api.urls import api

    return api.get_openapi_schema()


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    for key in ("anyOf", "allOf", "oneOf"):
        if key in node:
            options = [_resolve(schema, n) for n in node[key] if n.get("type") != "null"]
            return options[0] if options else {}
    return node


def _bad_value(kind: str, prop: dict[str, Any]) -> Any:
    kind_of = prop.get("type")
    fmt = prop.get("format", "")
    if kind == "nul":
        return NUL if kind_of == "string" else None
    if kind == "huge-number":
        return 10**30 if kind_of in ("integer", "number") else None
    if kind == "big-number":
        return 2**31 + 7 if kind_of in ("integer", "number") else None
    if kind == "early-date":
        return {"date": "0001-01-01", "date-time": "0001-01-01T00:00:00Z"}.get(fmt)
    if kind == "late-date":
        return {"date": "9999-12-31", "date-time": "9999-12-31T23:59:59Z"}.get(fmt)
    if kind == "wrong-type":
        return {"a": [1]} if kind_of != "object" else [1, 2]
    if kind == "long-text":
        return "x" * 20_000 if kind_of == "string" and not fmt else None
    raise AssertionError(kind)


API_KINDS = (
    "nul",
    "huge-number",
    "big-number",
    "early-date",
    "late-date",
    "wrong-type",
    "long-text",
)


def _api_requests(kind: str, world: Any) -> list[tuple[str, str, str, Any, str]]:
    """(operation, method, url, body or query, role) for each operation with input to spoil."""
    schema = _schema()
    API, OPERATIONS = _matrix().API, _matrix().OPERATIONS
    found = []
    for operation in OPERATIONS:
        rule = API.get(operation)
        if rule is None or (role := _role(rule)) is None:
            continue
        method, path = operation.split(" ", 1)
        details = schema["paths"][path][method.lower()]
        try:
            with transaction.atomic():
                rule.setup(world)
                url = path.format(**rule.args(world)) if "{" in path else path
                given = rule.data(world) if method not in ("GET", "DELETE") else rule.query(world)
        except Exception:  # noqa: S112 - a rule whose set-up needs its own world
            continue
        query = {}
        for parameter in details.get("parameters", []):
            if parameter["in"] == "query":
                value = _bad_value(kind, _resolve(schema, parameter.get("schema", {})))
                if value is not None and not isinstance(value, dict | list):
                    query[parameter["name"]] = value
        if query:
            found.append(
                (
                    operation,
                    "GET",
                    f"{url}?" + "&".join(f"{k}={quote(str(v))}" for k, v in query.items()),
                    None,
                    role,
                )
            )
        body = details.get("requestBody", {}).get("content", {}).get("application/json")
        if body is None:
            continue
        properties = _resolve(schema, body["schema"]).get("properties", {})
        for name, prop in properties.items():
            value = _bad_value(kind, _resolve(schema, prop))
            if value is not None:
                found.append((f"{operation} {name}", method, url, {**given, name: value}, role))
    return found


@pytest.mark.parametrize("kind", API_KINDS)
def test_no_api_operation_answers_bad_input_with_a_server_error(kind: str) -> None:
    world = build_world()
    clients = {
        role: _client(world, role, api=True) for role in ("member", "operator", "other", "anon")
    }
    responses = []
    for operation, method, url, body, role in _api_requests(kind, world):
        client = clients[role]
        if body is None:
            response = _rolled_back(lambda: client.get(url))  # noqa: B023
        else:
            call = getattr(client, method.lower())
            payload = json.dumps(body)
            response = _rolled_back(lambda: call(url, payload, content_type="application/json"))  # noqa: B023
        responses.append((operation, response))
        if response.status_code == 400:
            assert response["Content-Type"].startswith("application/json"), operation
    assert responses, "no operation was tried"
    assert _server_errors(responses) == []


# What a page shows when it refuses a form: a field or the form marked in error, or a message.
# (Not `is-invalid` alone: a hidden field carries it too, where nobody sees it.)
SAYS_SOMETHING = ("invalid-feedback", "errorlist", "alert-", 'role="alert"')


def _says_something(html: str) -> bool:
    return any(sign in html for sign in SAYS_SOMETHING)


@pytest.mark.parametrize("kind", ["as-rendered", "garbage"])
def test_no_form_fails_without_a_word(kind: str) -> None:
    """Every POST form of every page, sent back as the browser would (as rendered, hidden fields
    included, or with garbage typed in): it succeeds (a redirect) or the page says why. The
    "Express interest" form failed on an emptied hidden field and re-rendered without a word."""
    world = build_world()
    silent = []
    tried = refused = 0
    for name, url, role in _pages(world):
        client = _client(world, role, api=False)
        page = _rolled_back(lambda: client.get(url))  # noqa: B023
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        for form in html_forms.forms_in(page.content.decode()):
            if form.method != "post":
                continue
            changes = {}
            if kind == "garbage":
                changes = {
                    control.name: value
                    for control in form.controls
                    if control.name != "csrfmiddlewaretoken"
                    and (value := _garbage(control)) is not None
                }
            target = form.action or url
            response = _rolled_back(
                lambda: client.post(target, form.submission(**changes))  # noqa: B023
            )
            tried += 1
            html = response.content.decode(errors="replace")
            refused += response.status_code == 200
            if response.status_code == 200 and not _says_something(html):
                silent.append(f"{name} POST {target}")
    assert tried > 50 and refused > 0, (tried, refused)
    assert silent == []


def test_the_silent_form_check_sees_an_error_only_where_a_person_does():
    hidden_only = '<form method="post"><input type="hidden" name="on_behalf" class="is-invalid">'
    shown = '<ul class="errorlist nonfield"><li>On behalf of: This field is required.</li></ul>'
    assert not _says_something(hidden_only)
    assert _says_something(hidden_only + shown)
