"""Background jobs of the outcomes app: thin django-tasks that take ids and call a service."""

from typing import Any

from django_tasks import task

from twinning.core.site import serving
from twinning.outcomes import services


@task()
def run_import(run_id: int, site: str = "") -> dict[str, Any]:
    """`site`: the address of the page that queued it, for the links the import mails."""
    with serving(site):
        return services.import_execute(run_id=run_id).result
