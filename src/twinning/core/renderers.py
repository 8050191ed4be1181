"""The form renderer: Django's, with its select boxes written in Python.

Django renders every <option> through the template engine, about 0.2 ms each; the directory's
filters have some 150 options and the schedule's participant filter one per participant, so the
select boxes were most of those pages' time. The markup is Django's own (select.html,
select_option.html, attrs.html), byte for byte; a widget with its own option template is left to
the templates.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict[str, Any]) -> str:
    """attrs.html: a False value is left out, a True one is the bare name."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def _select(widget: dict[str, Any]) -> SafeString:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            value = conditional_escape(str(option["value"]))
            label = conditional_escape(option["label"])
            parts.append(f'\n  <option value="{value}"{_attrs(option["attrs"])}>{label}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


class Renderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if (
            template_name == SELECT
            and widget is not None
            and all(
                option["template_name"] == OPTION
                for _name, options, _index in widget["optgroups"]
                for option in options
            )
        ):
            return _select(widget)
        return super().render(template_name, context, request)
