"""A number too large for its column is refused by the API's input schemas with a field message
(never a server error, never stored wrapped round); an id too large for any key is a 404."""

import json
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.api.conftest import bearer

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

HUGE = 10**20


def _openapi(client: Client) -> dict[str, Any]:
    return client.get("/api/openapi.json").json()


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _is_integer(spec: dict[str, Any], schema: dict[str, Any]) -> bool:
    schema = _resolve(spec, schema)
    options = schema.get("anyOf", [schema])
    return any(_resolve(spec, option).get("type") == "integer" for option in options)


def _integer_fields(spec: dict[str, Any], operation: dict[str, Any]) -> list[str]:
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return []
    body = _resolve(spec, content["schema"])
    return sorted(
        name for name, field in body.get("properties", {}).items() if _is_integer(spec, field)
    )


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
    ]


def _url(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda m: "x" if "slug" in m.group(0) else "1", path)


@pytest.fixture
def operator():
    return get_user_model().objects.create_superuser(email="root@example.org", password="pw")


def test_every_integer_of_every_body_is_refused_when_it_overflows(operator) -> None:
    client = Client()
    spec = _openapi(client)
    headers = bearer(operator)
    tried, wrong = 0, {}
    for method, path, operation in _operations(spec):
        fields = _integer_fields(spec, operation)
        if not fields:
            continue
        tried += 1
        body = dict.fromkeys(fields, HUGE)
        call = getattr(client, method)
        response = call(_url(path), json.dumps(body), "application/json", **headers)
        errors = response.json().get("errors", {}) if response.status_code == 400 else {}
        missed = [name for name in fields if not any(k.startswith(name) for k in errors)]
        if response.status_code != 400 or missed:
            wrong[f"{method.upper()} {path}"] = (response.status_code, missed)
    assert tried > 20
    assert wrong == {}


def test_the_message_names_the_limit_in_the_callers_language(operator) -> None:
    client = Client()
    response = client.put(
        "/api/events/x/tables",
        json.dumps({"count": HUGE}),
        "application/json",
        HTTP_ACCEPT_LANGUAGE="ru",
        **bearer(operator),
    )
    assert response.status_code == 400
    assert response.json()["errors"]["count"] == [
        "Убедитесь, что это значение меньше либо равно 32767."
    ]


def test_lists_and_query_parameters_are_bounded_too(operator) -> None:
    client = Client()
    headers = bearer(operator)
    response = client.get(f"/api/sectors?level={HUGE}", **headers)
    assert response.status_code == 400, response.content
    response = client.get(f"/api/outcomes/dashboard/figures?event={HUGE}", **headers)
    assert response.status_code == 400, response.content


def test_an_id_too_large_for_any_key_is_not_found(operator) -> None:
    client = Client()
    spec = _openapi(client)
    headers = bearer(operator)
    tried, wrong = 0, {}
    for method, path, _operation in _operations(spec):
        if method != "get" or not re.search(r"\{(pk|job_id|fair_pk)\}", path):
            continue
        tried += 1
        url = re.sub(r"\{(pk|job_id|fair_pk)\}", str(HUGE), path).replace("{slug}", "x")
        url = re.sub(r"\{[^}]+\}", "1", url)
        response = client.get(url, **headers)
        if response.status_code >= 500 or response.status_code == 200:
            wrong[path] = response.status_code
    assert tried > 5
    assert wrong == {}
