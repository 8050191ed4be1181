"""`{% sector_title sector %}`: a NACE title in the page's language, or marked as another's."""

from django import template
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from twinning.programmes.models import FALLBACK_MARKERS, Sector

register = template.Library()


@register.simple_tag
def sector_title(sector: Sector) -> str:
    """The title, capitalised; when it falls back to another language, in that language's `lang`
    with a visible marker whose tooltip says why."""
    title = capfirst(sector.title)
    if not sector.title_falls_back:
        return format_html("{}", title)
    return format_html(
        '<span lang="{}">{}</span> <small class="text-muted sector-title-fallback" title="{}">({})'
        "</small>",
        sector.title_language,
        title,
        _("This sector has no title in this language yet."),
        FALLBACK_MARKERS[sector.title_language],
    )
