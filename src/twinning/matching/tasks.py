"""Background tasks: thin wrappers that take identifiers and call a service."""

from typing import Any

from django_tasks import task

from twinning.matching import services


@task()
def recompute_matches(programme_slug: str, job_id: int, full: bool) -> dict[str, Any]:
    return services.recompute_with_job(programme_slug=programme_slug, job_id=job_id, full=full)
