"""Expire meeting requests whose answer time has passed; meant for cron or a systemd timer."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from twinning.events import services


class Command(BaseCommand):
    help = (
        "Mark unanswered meeting requests past their expiry as expired "
        "(run it every few minutes from cron or a systemd timer)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        expired = services.requests_expire_due()
        self.stdout.write(
            ngettext(
                "%(count)d meeting request expired.", "%(count)d meeting requests expired.", expired
            )
            % {"count": expired}
        )
