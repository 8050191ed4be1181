"""Background jobs of the outcomes app: thin django-tasks that take ids and call a service."""

from typing import Any

from django_tasks import task

from twinning.outcomes import services


@task()
def run_import(run_id: int) -> dict[str, Any]:
    return services.import_execute(run_id=run_id).result
