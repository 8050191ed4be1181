from django.utils import timezone

from twinning.core.site import SiteUrlCommand
from twinning.outcomes.services import follow_ups_send_due


class Command(SiteUrlCommand):
    help = (
        "Ask the participants of brokerage days that ended 3 and 6 months ago (FOLLOW_UP_MONTHS) "
        "what became of each meeting they held, by e-mail in their language. Run it daily "
        "(cron or a systemd timer) with --site-url or SITE_URL for the links; running it twice "
        "asks nobody twice."
    )

    def handle_with_site(self, *args, **options):  # type: ignore[no-untyped-def]
        sent = follow_ups_send_due(today=timezone.localdate())
        self.stdout.write(f"Follow-up questions sent: {sent}")
