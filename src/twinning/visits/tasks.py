"""Background tasks: thin wrappers that take identifiers and call a service."""

from django_tasks import task

from twinning.core.selectors import user_get
from twinning.visits import selectors, services


@task()
def send_follow_ups(visit_slug: str, by_id: int) -> int:
    visit, by = selectors.visit_get(slug=visit_slug), user_get(pk=by_id)
    if visit is None or by is None:
        return 0
    return services.follow_ups_send(visit=visit, by=by)
