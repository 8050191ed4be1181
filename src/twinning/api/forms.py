"""The pages' forms, applied to API input: one set of validation rules for both."""

import datetime as dt
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Schema

F = TypeVar("F", bound=forms.BaseForm)


def cleaned_form(form_class: type[F], data: Schema | dict[str, Any], **kwargs: Any) -> F:
    """The page's form, posted as a browser posts it after rendering it (its initial values),
    with the fields the API request gives; valid, or its errors are the API's 400, field by
    field, in the request's language."""
    given = data.model_dump(exclude_unset=True) if isinstance(data, Schema) else data
    rendered = form_class(**kwargs)
    initial = {name: rendered.get_initial_for_field(f, name) for name, f in rendered.fields.items()}
    form = form_class(data=_as_posted({**initial, **given}), **kwargs)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return form


def cleaned(form_class: type[forms.BaseForm], data: Schema | dict[str, Any], **kwargs: Any) -> Any:
    """The cleaned data of the page's form for the API's input (see `cleaned_form`)."""
    return cleaned_form(form_class, data, **kwargs).cleaned_data


def _as_posted(values: dict[str, Any]) -> dict[str, Any]:
    """What a browser would post: absent optional values as empty fields, booleans as checkboxes."""
    posted: dict[str, Any] = {}
    for name, value in values.items():
        if value is None or value is False:
            continue
        if isinstance(value, list | tuple):
            value = [getattr(item, "pk", item) for item in value]
        if isinstance(value, dt.time):
            # As typed into the page: a time of day carries no offset ("12:00+01:00" is refused
            # as the page's field refuses it, instead of failing on a naive-aware comparison).
            value = value.isoformat()
        posted[name] = "on" if value is True else getattr(value, "pk", value)
    return posted


def require(request: HttpRequest, permission: str, target: Any = None) -> None:
    """The page's permission rule, answered 403 when the caller does not hold it."""
    if not request.user.has_perm(permission, target):
        raise PermissionDenied
