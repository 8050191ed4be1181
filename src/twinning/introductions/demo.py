"""Demo step: a few introductions between the demo logins' organisations, one in each state,
made through the workflow so the audit log and notifications are real."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from twinning.introductions import services
from twinning.introductions.models import Introduction

if TYPE_CHECKING:
    from twinning.demo.steps.base import DemoContext, Tally

# (from, to, message, what happens next): keys of the demo plan's organisations.
STORIES = (
    ("aire-valley", "kostanay-meat",
     "We make meat-processing lines and would like to quote for your new sausage shop.",
     "accept"),
    ("steppe-light", "bronte-moor",
     "Біз Қазақстанда түсірілім жүргіземіз. Бірлескен жоба туралы сөйлескіміз келеді.",
     "wait"),
    ("kostanay-meat", "leeds-chamber",
     "Ищем партнёров в Йоркшире для поставок халяльной говядины.",
     "broker"),
    ("aire-valley", "steppe-light",
     "Could your crews use our refrigerated catering trucks on location?",
     "decline"),
    ("bronte-moor", "kostanay-meat",
     "We would like to film a documentary at your plant.",
     "withdraw"),
)  # fmt: skip


def load(context: DemoContext) -> Tally:
    from twinning.demo.steps.base import Tally

    if Introduction.objects.filter(programme=context.programme).exists():
        return Tally(existing=1)
    created = 0
    for requester, recipient, message, then in STORIES:
        if requester in context.organisations and recipient in context.organisations:
            _story(context, requester, recipient, message, then)
            created += 1
    return Tally(created=created)


def _story(context: DemoContext, requester: str, recipient: str, message: str, then: str) -> Any:
    introduction = services.introduction_request(
        requester=context.organisations[requester],
        recipient=context.organisations[recipient],
        by=context.owners[requester],
        message=message,
    )
    if then == "accept":
        services.introduction_accept(introduction=introduction, by=context.owners[recipient])
    elif then == "broker":
        services.introduction_accept(introduction=introduction, by=context.operator)
    elif then == "decline":
        services.introduction_decline(introduction=introduction, by=context.owners[recipient])
    elif then == "withdraw":
        services.introduction_withdraw(introduction=introduction, by=context.owners[requester])
    return introduction
