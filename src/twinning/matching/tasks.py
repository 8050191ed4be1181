"""Background tasks: thin wrappers that take identifiers and call a service."""

from typing import Any

from django_tasks import task

from twinning.matching import services
from twinning.programmes.selectors import programme_get


@task()
def recompute_matches(programme_slug: str, job_id: int, full: bool) -> dict[str, Any]:
    programme = programme_get(slug=programme_slug)
    if programme is None:
        raise ValueError(f"no programme {programme_slug!r}")
    return services.recompute_with_job(programme=programme, job_id=job_id, full=full)
