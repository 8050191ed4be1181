"""The pages and the API agree: every page is mirrored by an API operation that names it
(`openapi_extra=pages(...)`), or declared page-only with a reason in its app's `urls.py`; every
list the API answers is paginated; the schema marks public operations and documents refusals."""

from importlib import import_module
from types import ModuleType

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from twinning.api.parity import PAGES_KEY
from twinning.api.urls import api

pytestmark = pytest.mark.integration

# The admin is Django's own back office; the API is the other side of the comparison.
NOT_PAGES = ("admin", "api")


def _walk(resolver: URLResolver, namespace: str = ""):
    """(name, pattern, urlconf module) for every named page URL under `resolver`."""
    module = resolver.urlconf_module
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).strip("/") in NOT_PAGES or entry.namespace in NOT_PAGES:
                continue
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from _walk(entry, inner.strip(":"))
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, str(entry.pattern), module


def page_names() -> dict[str, ModuleType]:
    return {name: module for name, _, module in _walk(get_resolver())}


def root_page_only() -> dict[str, str]:
    """The project's own table, for pages of included third-party URLconfs (full names)."""
    return dict(getattr(import_module(settings.ROOT_URLCONF), "PAGE_ONLY", {}))


def page_only() -> dict[str, str]:
    """Every `PAGE_ONLY` declaration, keyed by the page's full name."""
    declared = root_page_only()
    for name, module in page_names().items():
        short = name.rpartition(":")[2]
        reasons = getattr(module, "PAGE_ONLY", {})
        if short in reasons:
            declared[name] = reasons[short]
    return declared


def declared_page_only() -> dict[str, str]:
    """All the names the PAGE_ONLY tables mention, found or not (to catch stale entries)."""
    found = root_page_only()
    modules = set(page_names().values())
    for module in modules:
        namespace = getattr(module, "app_name", "")
        for short, reason in getattr(module, "PAGE_ONLY", {}).items():
            found[f"{namespace}:{short}" if namespace else short] = reason
    return found


def operations():
    for path, methods in api.get_openapi_schema()["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def mirrored() -> dict[str, list[str]]:
    """Page name -> the API operations that declare they do what it does."""
    found: dict[str, list[str]] = {}
    for label, operation in operations():
        for name in operation.get(PAGES_KEY, []):
            found.setdefault(name, []).append(label)
    return found


def test_every_page_has_an_endpoint_or_is_declared_page_only():
    exempt = page_only()
    missing = sorted(set(page_names()) - set(mirrored()) - set(exempt))
    assert not missing, (
        "These pages have no API operation. Add one that calls the same service "
        "(openapi_extra=pages(...)), or declare the page in PAGE_ONLY of its urls.py with a "
        f"reason (docs/api.md, 'Parity'): {missing}"
    )


def test_page_only_declarations_give_reasons_and_name_real_pages():
    declared = declared_page_only()
    assert not sorted(set(declared) - set(page_names())), "PAGE_ONLY names a page that is gone"
    assert all(len(reason.split()) >= 4 for reason in declared.values()), declared


def test_a_page_is_either_mirrored_or_page_only_not_both():
    assert not sorted(set(page_only()) & set(mirrored()))


def test_operations_name_pages_that_exist():
    unknown = sorted(set(mirrored()) - set(page_names()))
    assert not unknown, f"openapi_extra=pages(...) names pages that do not exist: {unknown}"


def test_every_list_is_paginated():
    lists = [
        label
        for label, operation in operations()
        if operation["responses"]
        .get(200, {})
        .get("content", {})
        .get("application/json", {})
        .get("schema", {})
        .get("type")
        == "array"
    ]
    assert not lists, f"lists answered without pagination (use @paginate): {lists}"


def test_every_operation_documents_its_refusals():
    for label, operation in operations():
        responses = operation["responses"]
        if operation.get("x-public"):
            assert {} in operation["security"], label
        else:
            assert 401 in responses, label
        if operation.get("parameters") or operation.get("requestBody"):
            assert 400 in responses, label
        for status in set(responses) - {200, 201, 202, 204}:
            content = responses[status].get("content", {})
            assert "application/json" in content, (label, status)
