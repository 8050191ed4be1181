"""Public pages for NACE sectors: the browsable tree, search, and the picker forms use."""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.views import HtmxPartialMixin
from twinning.programmes import selectors

SEARCH_LIMIT = 100
PICKER_LIMIT = 15


class SectorsView(HtmxPartialMixin, PermissionRequiredMixin, TemplateView):
    """The 21 NACE sections, or the search results when a query is given."""

    permission_required = "core.view_public"
    template_name = "programmes/sectors.html"
    partial_template_name = "programmes/includes/sector_results.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            sectors = selectors.sectors_search(query=query, limit=SEARCH_LIMIT)
        else:
            sectors = selectors.sector_tree()
        return super().get_context_data(query=query, sectors=sectors, **kwargs)


class SectorDetailView(PermissionRequiredMixin, TemplateView):
    """One NACE item with the path to it and everything below it."""

    permission_required = "core.view_public"
    template_name = "programmes/sector_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        family = selectors.sector_family(code=self.kwargs["code"])
        if family is None:
            raise Http404(_("No such NACE code."))
        context = {
            "sector": family.sector,
            "ancestors": family.ancestors,
            "descendants": family.descendants,
        }
        return super().get_context_data(**context, **kwargs)


class SectorPickerView(PermissionRequiredMixin, TemplateView):
    """An HTML fragment of matching codes with "add" buttons, for the NACE field of forms."""

    permission_required = "core.view_public"
    template_name = "programmes/includes/sector_picker_results.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET.get("q", "").strip()[:100]
        sectors = selectors.sectors_search(query=query, limit=PICKER_LIMIT) if query else []
        target = self.request.GET.get("target", "id_sectors")
        context = {"query": query, "sectors": sectors, "target": target}
        return super().get_context_data(**context, **kwargs)
