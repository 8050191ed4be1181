"""Every check constraint speaks the user's language: a violation reaching a form or a service
reads as a sentence in English, Russian and Kazakh, never "Constraint “x” is violated".

Models are walked from the app registry, so a new app's constraints are checked here too.
"""

import pytest
from django.apps import apps
from django.db.models import CheckConstraint, Q
from django.utils import translation

pytestmark = pytest.mark.unit


def check_constraints() -> list[tuple[type, CheckConstraint]]:
    return [
        (model, constraint)
        for model in apps.get_models()
        if model.__module__.startswith("twinning.")
        for constraint in model._meta.constraints
        if isinstance(constraint, CheckConstraint)
    ]


def ids(item: tuple[type, CheckConstraint]) -> str:
    return f"{item[0]._meta.label}.{item[1].name}"


def _choice_set(condition: Q) -> tuple[str, list[str]] | None:
    """`field__in=[...]` when that is the whole condition."""
    if condition.negated or len(condition.children) != 1 or isinstance(condition.children[0], Q):
        return None
    lookup, values = condition.children[0]
    return (lookup.removesuffix("__in"), list(values)) if lookup.endswith("__in") else None


@pytest.mark.parametrize("item", check_constraints(), ids=ids)
def test_each_check_constraint_has_its_own_message_in_every_language(item):
    _model, constraint = item
    message = constraint.violation_error_message
    assert message != constraint.default_violation_error_message, "give it a sentence"
    with translation.override("en"):
        english = str(message)
    for language in ("ru", "kk"):
        with translation.override(language):
            assert str(message) not in ("", english), f"no {language} translation: {english}"


@pytest.mark.parametrize(
    "item", [item for item in check_constraints() if _choice_set(item[1].condition)], ids=ids
)
def test_a_set_of_allowed_values_is_the_fields_choices(item):
    """So the form (a choice field) and the service (the enum) cannot write another value."""
    model, constraint = item
    name, allowed = _choice_set(constraint.condition)
    field = model._meta.get_field(name)
    assert sorted(allowed) == sorted(value for value, _label in field.choices or [])
