"""Remove the personal data whose retention period is over (settings.RETENTION); run daily."""

from twinning.core.retention import retention_enforce
from twinning.core.site import SiteUrlCommand


class Command(SiteUrlCommand):
    help = (
        "Remove what settings.RETENTION says is due: CVs after a fair, inactive accounts (after "
        "a warning e-mail), rejected film applications and registrations, expired sign-ups and "
        "tokens. Run it daily (cron or a systemd timer; --site-url or SITE_URL gives the "
        "warning's link), or queue the enforce_retention task."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        super().add_arguments(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would be removed; change nothing"
        )

    def needs_site_url(self, options):  # type: ignore[no-untyped-def]
        return not options["dry_run"]  # a dry run mails nobody

    def handle_with_site(self, *args, **options):  # type: ignore[no-untyped-def]
        dry_run = options["dry_run"]

        def progress(done: int, total: int, label: str) -> None:
            if label:
                self.stdout.write(f"[{done + 1}/{total}] {label}")

        results = retention_enforce(dry_run=dry_run, progress=progress)
        verb = "would remove" if dry_run else "removed"
        for name, lines in results.items():
            for line in lines:
                self.stdout.write(f"  {name}: {line}")
        total = sum(len(lines) for lines in results.values())
        self.stdout.write(f"{total} item(s) {verb}.")
