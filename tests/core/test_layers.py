"""The house's layers, checked on the source: views read through selectors and write through
services. Every app's views are walked, so a new app's are checked without changes here."""

import ast
from pathlib import Path

import pytest

import twinning

SRC = Path(twinning.__file__).parent
# Calls that run a query or a write: a view asks a selector or a service instead.
ORM_CALLS = {
    "get_object_or_404", "get_list_or_404", "filter", "exclude", "order_by", "select_related",
    "prefetch_related", "annotate", "aggregate", "values_list", "get_or_create",
    "update_or_create", "bulk_create", "bulk_update", "first", "last", "count", "exists",
    "save", "delete", "select_for_update", "in_bulk",
}  # fmt: skip
# (`values` and `update` are left out: on a dict they are no query.)


def view_modules() -> list[Path]:
    return sorted(
        path
        for path in SRC.rglob("*.py")
        if "views" in path.relative_to(SRC).parts[1:] or path.name == "views.py"
    )


def orm_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        manager = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute)
        if manager and func.value.attr == "objects":
            found.append(f"{path.name}:{node.lineno} .objects.{func.attr}()")
            continue
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "all" and isinstance(func, ast.Attribute):  # a related manager's rows
            found.append(f"{path.name}:{node.lineno} .all()")
            continue
        if name in ORM_CALLS and not _is_plain_dict_or_str(func):
            found.append(f"{path.name}:{node.lineno} {name}()")
    return found


def _is_plain_dict_or_str(func: ast.expr) -> bool:
    # request.GET / POST / session / headers are dicts; messages, strings and lists are not ORM.
    if not isinstance(func, ast.Attribute):
        return False
    value = func.value
    if isinstance(value, ast.Attribute) and value.attr in {"GET", "POST", "session", "headers"}:
        return True
    return isinstance(value, ast.Constant)


@pytest.mark.unit
@pytest.mark.parametrize("path", view_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_views_read_through_selectors_and_write_through_services(path):
    relative = str(path.relative_to(SRC))
    calls = orm_calls(path)
    assert not calls, f"{relative} queries or writes itself: {calls}"


def _project_forms() -> list[type]:
    import importlib
    import inspect
    import pkgutil

    from django import forms

    found: set[type] = set()
    for module in pkgutil.walk_packages(twinning.__path__, "twinning."):
        if not module.name.split(".")[-1].startswith("forms") and ".forms." not in module.name:
            continue
        for _name, obj in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(obj, forms.BaseForm) and obj.__module__.startswith("twinning."):
                found.add(obj)
    return sorted(found, key=lambda form: f"{form.__module__}.{form.__qualname__}")


def test_every_form_of_the_project_is_built_on_the_core_form_mixin():
    """One way of showing errors: a form without the mixin fails without a word when the error
    is on a hidden field, and puts no service error on its field (the film app had a copy)."""
    from twinning.core.forms import StyledFormMixin

    forms = _project_forms()
    assert len(forms) > 80  # the walk finds the apps' forms
    assert [f"{form.__module__}.{form.__qualname__}" for form in forms
            if not issubclass(form, StyledFormMixin)] == []  # fmt: skip


def test_membership_is_asked_through_the_organisations_app_only():
    """One membership predicate (organisations.predicates, on organisations' selectors): another
    app that queries memberships itself is a sixth copy of the rule (film's list was one)."""
    root = Path(twinning.__file__).parent
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        if path.relative_to(root).parts[0] not in ("organisations", "demo")
        and "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "Membership.objects" in line or "memberships__" in line
    ]
    assert found == []
