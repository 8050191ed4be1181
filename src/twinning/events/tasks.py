"""Background tasks: thin wrappers that take ids and call a service."""

from django_tasks import task

from twinning.events import services


@task()
def schedule_event(run_id: int) -> int:
    return services.schedule_run_execute(run_id=run_id).pk


@task()
def expire_requests() -> int:
    return services.requests_expire_due()
