"""Forms for the recommendations pages: list filters and feedback."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import StyledFormMixin
from twinning.matching.models import Feedback
from twinning.matching.selectors import ListFilters
from twinning.organisations.selectors import opportunity_type_choices
from twinning.programmes.selectors import regions


class ListFilterForm(StyledFormMixin, forms.Form):
    sector = forms.CharField(
        label=_("Sector (NACE code)"),
        required=False,
        max_length=8,
        help_text=_("A division, group or class, e.g. 10 or 28.93."),
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    type = forms.ChoiceField(label=_("They offer or ask for"), required=False)
    min_score = forms.FloatField(label=_("Minimum score"), required=False, min_value=0)

    def __init__(self, *args: Any, side: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_choice = [("", _("Any"))]
        places = regions(side=side) if side is not None else regions()
        self.fields["region"].choices = any_choice + [(r.slug, r.name) for r in places]
        self.fields["type"].choices = any_choice + opportunity_type_choices()

    def filters(self) -> ListFilters:
        if not self.is_valid():
            return ListFilters()
        data = self.cleaned_data
        return ListFilters(
            sector=data["sector"].strip(),
            region=data["region"],
            type=data["type"],
            min_score=data["min_score"],
        )


class FeedbackForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(choices=Feedback.Kind.choices)
