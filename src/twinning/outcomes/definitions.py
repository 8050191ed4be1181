"""What every figure of the dashboard, the exports and the PDF report means (docs/outcomes.md)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DEFINITIONS = {
    "organisations": (
        _("Organisations"),
        _("Organisations of the programme registered by the end of the period."),
    ),
    "opportunities": (
        _("Published opportunities"),
        _(
            "Opportunities of those organisations that are published now and were published by "
            "the end of the period."
        ),
    ),
    "recommendations": (
        _("Recommendations"),
        _("Partners recommended to the organisations (their own lists, as last computed)."),
    ),
    "introductions_requested": (
        _("Introductions requested"),
        _("Expressions of interest sent in the period, by or to the organisations selected."),
    ),
    "introductions_accepted": (
        _("Introductions accepted"),
        _(
            "Of the introductions requested in the period, those the other side (or an "
            "operator) accepted."
        ),
    ),
    "meetings_requested": (
        _("Meetings requested"),
        _("Meeting requests for events that start in the period."),
    ),
    "meetings_accepted": (
        _("Meetings accepted"),
        _("Of those requests, the ones accepted (each became a meeting)."),
    ),
    "meetings_held": (
        _("Meetings held"),
        _("Meetings marked as held at check-in or afterwards."),
    ),
    "no_show_rate": (
        _("No-show rate"),
        _(
            "Meetings where a participant did not come, divided by meetings held plus those "
            "no-shows. Cancelled and still scheduled meetings do not count."
        ),
    ),
    "feedback": (
        _("Meeting feedback"),
        _("Answers participants gave after their meetings, one per participant and meeting."),
    ),
    "outcomes": (
        _("Outcomes"),
        _(
            "Register entries whose current stage was reached in the period, as reported by "
            "either party (confirmed or not)."
        ),
    ),
    "agreements": (
        _("Agreements"),
        _("Outcomes at the stage MoU signed, contract signed or in delivery."),
    ),
    "verified": (
        pgettext_lazy("outcome", "Verified"),
        _(
            "Outcomes the partner confirmed and an operator verified against uploaded evidence. "
            "Only these count in verified totals."
        ),
    ),
    "value_reported": (
        _("Value reported"),
        _(
            "The sum of the values of agreements as entered by the parties, each converted to "
            "GBP and to KZT at the exchange rate of the date given with it."
        ),
    ),
    "value_verified": (
        _("Value verified"),
        _("The same sum over verified agreements only."),
    ),
    "local_content": (
        _("Local-content share"),
        _(
            "The Kazakh share of a contract's goods, works and services. Shown per method and "
            "version, never summed across methods: the average of the shares, and the share of "
            "the total value (shares weighted by the GBP value)."
        ),
    ),
    "funnel": (
        _("Funnel"),
        _(
            "From recommendation to verified agreement: each step counts the programme's rows "
            "of that kind in the scope; a step is not a subset of the one before."
        ),
    ),
    "monthly": (
        _("Monthly series"),
        _(
            "Per calendar month: introductions accepted (by the date of acceptance), meetings "
            "held (by the day of the event), agreements and their verified value (by the date "
            "the stage was reached)."
        ),
    ),
}
