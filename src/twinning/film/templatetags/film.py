"""Template helpers for the film pages."""

from django import template

from twinning.film import labels

register = template.Library()


@register.simple_tag
def scheme_name(code: str, default: str) -> str:
    """The scheme's name in the reader's language, for the bundled schemes."""
    return labels.scheme_name(code, default)
