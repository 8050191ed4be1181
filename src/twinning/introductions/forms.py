"""The expression-of-interest form."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.core.forms import StyledFormMixin
from twinning.introductions.services import MESSAGE_MAX


class ExpressInterestForm(StyledFormMixin, forms.Form):
    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Say who you are and what you would like to discuss. Your contact details are "
            "shared only if they accept."
        ),
    )

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, str(o)) for o in organisations]
        if len(organisations) == 1:
            # The only choice, carried in a hidden field: whatever the page's initial data said.
            self.fields["organisation"].widget = forms.HiddenInput()
            self.initial["organisation"] = organisations[0].pk
