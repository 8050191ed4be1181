"""Schemathesis against the API's own OpenAPI schema: no generated input may end in a 5xx.

The schema is loaded from /api/openapi.json through the WSGI application, in process (no server
thread): each case is a real request through every middleware to the real database. Cases are
generated from each operation's declared parameters and bodies, with the path parameters of the
access matrix's world (a real event, organisation, meeting ...) so that the input reaches the
services instead of stopping at a 404. Each role (a member, an operator) tries every operation
with its own token; every case runs in a rolled-back savepoint, so one case never sees another's
writes. Bounded: a few derandomized examples per operation and role, within a time budget.

Fails on any 5xx, and on a 2xx or 4xx whose body does not match the schema's declared response.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings

from tests.access import build_world
from tests.test_access_matrix import API
from twinning.core.services import api_token_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

#: Examples per operation and role, and the whole run's budget in seconds (per role).
EXAMPLES = 4
BUDGET = 60.0


@pytest.fixture
def app():
    """The WSGI application, keeping the test's connection (as Django's test client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _path_parameters(operation: str, world: Any) -> dict[str, Any]:
    rule = API.get(operation)
    if rule is None:
        return {}
    try:
        with transaction.atomic():
            rule.setup(world)
            return dict(rule.args(world) or {})
    except Exception:  # a rule whose set-up needs more: generated parameters
        return {}


def _checks():
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance

    return [not_a_server_error, response_schema_conformance]


def _fuzz(app: Any, role: str) -> dict[str, Any]:
    import schemathesis
    from schemathesis import GenerationMode

    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    world = build_world()
    _token, key = api_token_create(user=world.users[role], name="fuzz")
    headers = {"Authorization": f"Bearer {key}"}
    checks = _checks()
    found: dict[str, str] = {}
    tried = {"operations": 0, "cases": 0, "2xx": 0, "4xx": 0, "5xx": 0, "of": 0}
    started = time.monotonic()
    for result in schema.get_all_operations():
        operation = result.ok()
        name = f"{operation.method.upper()} {operation.path}"
        tried["of"] += 1
        if time.monotonic() - started > BUDGET:
            continue  # over the budget (a loaded machine): counted, reported, not tried
        tried["operations"] += 1
        fixed = _path_parameters(name, world) or None
        # Both what the schema allows and what it forbids (wrong types, missing fields).
        strategy = operation.as_strategy(path_parameters=fixed) | operation.as_strategy(
            generation_mode=GenerationMode.NEGATIVE, path_parameters=fixed
        )

        _examples(strategy, name, headers, checks, tried, found)
    return {"tried": tried, "found": found, "seconds": round(time.monotonic() - started, 1)}


def _examples(strategy, name, headers, checks, tried, found) -> None:
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        tried["cases"] += 1
        with transaction.atomic():
            try:
                response = case.call(headers=headers)
                answer = f"{response.status_code // 100}xx"
                tried[answer] = tried.get(answer, 0) + 1
                case.validate_response(response, checks=checks)
            except (Exception, BaseExceptionGroup) as error:  # reported together
                found.setdefault(name, f"{type(error).__name__}: {str(error)[:400]}")
            transaction.set_rollback(True)

    run()


@pytest.mark.parametrize("role", ["member", "operator"])
def test_no_generated_input_is_a_server_error(app: Any, role: str) -> None:
    outcome = _fuzz(app, role)
    print(f"fuzz {role}: {outcome['tried']} in {outcome['seconds']} s")  # noqa: T201
    assert not outcome["found"], "\n\n".join(f"{k}\n{v}" for k, v in outcome["found"].items())


def _schemas(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("twinning."):
            found.append(sub)
        found += _schemas(sub)
    return found


def test_no_two_different_schemas_share_a_component_name() -> None:
    """The OpenAPI components are keyed by class name: a second, different class of the same
    name silently replaced the first, and the schema described the wrong body or answer."""
    from ninja import Schema

    import twinning.api.urls  # noqa: F401 - every router's schemas

    by_name: dict[str, set[str]] = {}
    for schema in _schemas(Schema):
        definition = json.dumps(schema.model_json_schema(), sort_keys=True)
        by_name.setdefault(schema.__name__, set()).add(definition)
    assert sorted(name for name, definitions in by_name.items() if len(definitions) > 1) == []
