"""Background jobs: allocating a large fair takes up to a minute."""

from typing import Any

from django_tasks import task

from twinning.core.services import job_finish
from twinning.students import selectors, services


@task()
def allocate_fair(*, fair_id: int, job_id: int) -> dict[str, Any]:
    fair = selectors.fair_get(pk=fair_id)
    if fair is None:
        job_finish(job_id=job_id, failed=True)
        return {}
    summary = services.fair_allocate(
        fair=fair, by=None, time_limit=services.ALLOCATE_SECONDS_QUEUED
    )
    job_finish(job_id=job_id, result=summary)
    return summary
