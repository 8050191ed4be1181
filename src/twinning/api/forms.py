"""The pages' forms, applied to API input: one set of validation rules for both."""

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Schema


def cleaned(form_class: type[forms.BaseForm], data: Schema | dict[str, Any], **kwargs: Any) -> Any:
    """The page's form bound to the API's input; its errors are the API's 400, field by field."""
    values = data.model_dump(exclude_unset=False) if isinstance(data, Schema) else data
    form = form_class(data=_as_posted(values), **kwargs)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return form.cleaned_data


def _as_posted(values: dict[str, Any]) -> dict[str, Any]:
    """What a browser would post: absent optional values as empty fields, booleans as checkboxes."""
    posted: dict[str, Any] = {}
    for name, value in values.items():
        if value is None or value is False:
            continue
        posted[name] = "on" if value is True else value
    return posted


def require(request: HttpRequest, permission: str, target: Any = None) -> None:
    """The page's permission rule, answered 403 when the caller does not hold it."""
    if not request.user.has_perm(permission, target):
        raise PermissionDenied
