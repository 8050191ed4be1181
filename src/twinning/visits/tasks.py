"""Background tasks: thin wrappers that take identifiers and call a service."""

from django_tasks import task

from twinning.core.selectors import user_get
from twinning.core.site import serving
from twinning.visits import selectors, services


@task()
def send_follow_ups(visit_slug: str, by_id: int, site: str = "") -> int:
    """`site`: the address of the request that queued it, for the links in the mails."""
    visit, by = selectors.visit_get(slug=visit_slug), user_get(pk=by_id)
    if visit is None or by is None:
        return 0
    with serving(site):
        return services.follow_ups_send(visit=visit, by=by)
