"""Pages: recommended partners with feedback, background refresh with progress, best pairs."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.pagination import page_of
from twinning.core.selectors import job_get
from twinning.core.spreadsheets import csv_bytes
from twinning.matching import selectors, services
from twinning.matching.forms import FeedbackForm, ListFilterForm
from twinning.organisations.selectors import (
    opportunities_published_for_organisation,
    opportunity_get_by_id,
    organisation_get_by_id,
    organisations_for_user,
)
from twinning.programmes.selectors import programme_default, programme_get

# Best pairs shown per NACE division (a division is one item of the paginated list).
PAIRS_PER_DIVISION = 5
POLL_SECONDS = 1


def _organisation_or_404(pk: int) -> Any:
    organisation = organisation_get_by_id(pk=pk)
    if organisation is None:
        raise Http404
    return organisation


class HomeView(LoginRequiredMixin, View):
    """Straight to the member's list when there is one organisation; a choice otherwise."""

    def get(self, request: HttpRequest) -> HttpResponse:
        memberships = list(organisations_for_user(user=request.user))
        if len(memberships) == 1:
            return redirect("matching:organisation", pk=memberships[0].organisation_id)
        return render(request, "matching/home.html", {"memberships": memberships})


class OrganisationAccessMixin(PermissionRequiredMixin):
    permission_required = "matching.view_recommendations"
    raise_exception = True

    def get_permission_object(self) -> Any:
        if not hasattr(self, "organisation"):
            self.organisation = _organisation_or_404(self.kwargs["pk"])
        return self.organisation


class RecommendationsView(OrganisationAccessMixin, TemplateView):
    """The organisation's recommended partners, or one of its opportunities' (``opportunity``)."""

    template_name = "matching/recommendations.html"

    def get_template_names(self) -> list[str]:
        if self.request.htmx and self.request.htmx.target == "recommendations":
            return ["matching/includes/list.html"]
        return [self.template_name]

    def _opportunity(self) -> Any:
        pk = self.kwargs.get("opportunity_pk")
        if pk is None:
            return None
        opportunity = opportunity_get_by_id(pk=pk)
        if opportunity is None or opportunity.organisation_id != self.organisation.pk:
            raise Http404
        return opportunity

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        kwargs.pop("opportunity_pk", None)
        organisation = self.organisation
        programme = organisation.programme
        mine_is_a = organisation.side_id == programme.side_a_id
        other = programme.side_b if mine_is_a else programme.side_a
        form = ListFilterForm(self.request.GET or None, side=other)
        opportunity = self._opportunity()
        page = selectors.recommendation_page(
            organisation=organisation,
            opportunity=opportunity,
            filters=form.filters(),
            shown=_shown(self.request),
        )
        opportunities = list(opportunities_published_for_organisation(organisation=organisation))
        computed_at = selectors.last_computed(organisation=organisation)
        return super().get_context_data(
            organisation=organisation,
            opportunity=opportunity,
            opportunities=opportunities,
            form=form,
            items=page.items,
            more_query=_more_query(self.request, page) if page.more else "",
            computed_at=computed_at,
            stale=_changed_since(computed_at, [organisation, *opportunities]),
            job=self._job(),
            poll_seconds=POLL_SECONDS,
            can_give_feedback=self.request.user.has_perm("matching.give_feedback", organisation),
            **kwargs,
        )

    def _job(self) -> Any:
        return job_shown_to(self.request, self.request.GET.get("job", ""))


def job_shown_to(request: HttpRequest, job_id: str) -> Any:
    """The matching job a page follows, if this user started it or operates matching."""
    job = job_get(job_id=int(job_id)) if job_id.isdigit() else None
    if job is None or not job.kind.startswith("matching."):
        return None
    if job.started_by_id != request.user.pk and not request.user.has_perm("matching.operate"):
        return None
    return job


def _local(request: HttpRequest, url: str) -> str:
    """``url`` if it stays on this site, else "" (no redirect elsewhere through ``next``)."""
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else ""


def _shown(request: HttpRequest) -> int:
    raw = request.GET.get("shown", "")
    return int(raw) if raw.isdigit() else selectors.PAGE


def _more_query(request: HttpRequest, page: selectors.RecommendationPage) -> str:
    """The current query string (filters kept) asking for PAGE more entries."""
    query = request.GET.copy()
    query["shown"] = str(page.shown + selectors.PAGE)
    return query.urlencode()


def _changed_since(computed_at: Any, profile_parts: list[Any]) -> bool:
    """Whether the profile was edited after its list was computed (offer a refresh)."""
    return computed_at is not None and any(p.updated_at > computed_at for p in profile_parts)


class FeedbackView(OrganisationAccessMixin, View):
    """Must meet / interesting / not interested, in place: HTMX gets the item back (or nothing,
    when it leaves the list); a plain form post goes back to the list."""

    permission_required = "matching.give_feedback"

    def post(self, request: HttpRequest, pk: int, candidate: int) -> HttpResponse:
        form = FeedbackForm(request.POST)
        other = _organisation_or_404(candidate)
        if not form.is_valid():
            return HttpResponse(status=400)
        kind = form.cleaned_data["kind"]
        services.feedback_set(organisation=self.organisation, candidate=other, kind=kind,
                              by=request.user)  # fmt: skip
        services.recompute_enqueue(
            programme=self.organisation.programme, by=request.user, full=False
        )
        if not request.htmx:
            messages.success(request, _("Thank you: your list will take this into account."))
            return redirect(_local(request, request.POST.get("next", "")) or self._list_url())
        return self._item(request, other, kind)

    def _list_url(self) -> str:
        return reverse("matching:organisation", kwargs={"pk": self.organisation.pk})

    def _item(self, request: HttpRequest, other: Any, kind: str) -> HttpResponse:
        """The item again, from the list it was shown in (the organisation's or one of its
        opportunities')."""
        if kind == "not_interested":
            return HttpResponse("")
        opportunity = self._shown_in(request.POST.get("opportunity", ""))
        items = selectors.recommendations_for(
            organisation=self.organisation, opportunity=opportunity
        )
        item = next((i for i in items if i.candidate.pk == other.pk), None)
        if item is None:
            return HttpResponse("")
        context = {
            "item": item,
            "organisation": self.organisation,
            "opportunity": opportunity,
            "can_give_feedback": True,
        }
        return render(request, "matching/includes/item.html", context)

    def _shown_in(self, pk: str) -> Any:
        opportunity = opportunity_get_by_id(pk=int(pk)) if pk.isdigit() else None
        if opportunity is None or opportunity.organisation_id != self.organisation.pk:
            return None
        return opportunity


class RefreshView(OrganisationAccessMixin, View):
    """Bring the lists up to date in the background; the page then follows the job."""

    permission_required = "matching.refresh"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = services.recompute_enqueue(
            programme=self.organisation.programme, by=request.user, full=False
        )
        return redirect(f"{reverse('matching:organisation', kwargs={'pk': pk})}?job={job.pk}")


class JobView(LoginRequiredMixin, View):
    """Progress of one recompute, polled by the page until it is finished."""

    def get(self, request: HttpRequest, job_id: int) -> HttpResponse:
        job = job_shown_to(request, str(job_id))
        if job is None:
            raise Http404  # also someone else's job: its existence is not theirs to know
        context = {"job": job, "poll_seconds": POLL_SECONDS}
        return render(request, "matching/includes/job.html", context)


class PairsView(PermissionRequiredMixin, TemplateView):
    """The operator's view: the best cross-side pairs per NACE division, and a CSV of them."""

    permission_required = "matching.operate"
    raise_exception = True
    template_name = "matching/pairs.html"

    def programme(self) -> Any:
        slug = self.request.GET.get("programme", "")
        programme = programme_get(slug=slug) if slug else programme_default()
        if programme is None:
            raise Http404
        return programme

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.GET.get("format") == "csv":
            return self._csv()
        return super().get(request, *args, **kwargs)

    def _pairs(self, per_sector: int) -> list[selectors.Pair]:
        division = self.request.GET.get("division", "").strip()
        return selectors.best_pairs(
            programme=self.programme(), per_sector=per_sector, division=division
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        programme = self.programme()
        pairs = self._pairs(per_sector=PAIRS_PER_DIVISION)
        divisions = sorted({p.division for p in pairs if p.division})
        titles = selectors.division_titles(divisions=divisions)
        groups = [(d, titles.get(d, ""), group) for d, group in selectors.group_pairs(pairs)]
        job_id = self.request.GET.get("job", "")
        return super().get_context_data(
            programme=programme,
            groups=page_of(self.request, groups, weight=PAIRS_PER_DIVISION),
            division=self.request.GET.get("division", ""),
            run=selectors.latest_run(programme=programme),
            job=job_shown_to(self.request, job_id),
            poll_seconds=POLL_SECONDS,
            **kwargs,
        )

    def _csv(self) -> HttpResponse:
        pairs = self._pairs(per_sector=50)
        headers = [_("NACE division"), _("Organisation"), _("Region"), _("Partner"),
                   _("Partner's region"), _("Score"), _("Reasons")]  # fmt: skip
        rows = [
            [pair.division, pair.first.display_name, pair.first.region.name,
             pair.second.display_name, pair.second.region.name, f"{pair.score:.3f}",
             " | ".join(pair.sentences)]
            for pair in pairs
        ]  # fmt: skip
        response = HttpResponse(csv_bytes(headers, rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="best-pairs.csv"'
        return response


class RecomputeView(PermissionRequiredMixin, View):
    """Operators start a full recompute; the pairs page follows its progress."""

    permission_required = "matching.operate"
    raise_exception = True

    def post(self, request: HttpRequest) -> HttpResponse:
        slug = request.POST.get("programme", "")
        programme = programme_get(slug=slug) if slug else programme_default()
        if programme is None:
            raise Http404
        job = services.recompute_enqueue(programme=programme, by=request.user, full=True)
        return redirect(f"{reverse('matching:pairs')}?programme={programme.slug}&job={job.pk}")
