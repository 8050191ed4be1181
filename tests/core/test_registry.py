"""Core's registry: apps add panels to core's pages and a say in account deletion."""

import pytest
from django.core.exceptions import ValidationError

from twinning.core import registry, services
from twinning.core.registry import ShownPanel


@pytest.fixture
def scratch_panel():
    yield "scratch"
    registry._panels["dashboard"].pop("scratch", None)
    registry._panels["dashboard"].pop("scratch-hidden", None)


def test_panels_come_in_their_order_and_hide_when_they_have_nothing(scratch_panel, user):
    registry.register_panel(
        page="dashboard", name="scratch", template="x.html", context=lambda user: {"n": 1}, order=1
    )
    registry.register_panel(
        page="dashboard", name="scratch-hidden", template="y.html", context=lambda user: None
    )
    shown = registry.panels_for(page="dashboard", user=user)
    assert shown[0] == ShownPanel(name="scratch", template="x.html", context={"n": 1})
    assert "scratch-hidden" not in [panel.name for panel in shown]


def test_an_unknown_page_is_refused():
    with pytest.raises(ValueError, match="unknown page"):
        registry.register_panel(page="nowhere", name="x", template="x.html", context=dict)


def test_the_apps_register_their_panels_and_checks():
    assert {"programme", "organisations"} <= set(registry._panels["home"])
    assert "organisations" in registry._panels["dashboard"]
    assert "organisations" in registry._deletion_checks


def test_a_registered_check_refuses_deletion_and_hooks_run_before_it(user):
    seen, pk = [], user.pk
    registry.register_deletion_check(name="scratch", check=lambda user: ["Not today."])
    registry.register_deletion_hook(name="scratch", hook=lambda user: seen.append(user.pk))
    try:
        with pytest.raises(ValidationError) as refused:
            services.user_delete(user=user)
        assert refused.value.messages == ["Not today."] and seen == []
        registry._deletion_checks.pop("scratch")
        services.user_delete(user=user)
        assert seen == [pk]
    finally:
        registry._deletion_checks.pop("scratch", None)
        registry._deletion_hooks.pop("scratch", None)


def test_a_failing_warm_up_is_logged_and_the_others_still_run(monkeypatch, caplog):
    from twinning.core.warmup import warm_caches

    ran = []

    def broken() -> None:
        raise RuntimeError("no model")

    monkeypatch.setattr(registry, "_warmups", {"a broken one": broken, "b": lambda: ran.append(1)})
    took = warm_caches()
    assert ran == [1]
    assert set(took) == {"b"}
    assert "warm-up a broken one failed" in caplog.text


def test_each_gunicorn_worker_warms_its_caches_and_says_so(monkeypatch):
    from twinning import gunicorn_conf

    said: list[str] = []

    class Worker:
        pid = 42
        notified = 0

        class log:  # gunicorn's attribute name
            @staticmethod
            def info(message: str, *args: object) -> None:
                said.append(message % args)

        def notify(self) -> None:
            self.notified += 1

    from django.db import connections

    closed = []
    monkeypatch.setattr(registry, "_warmups", {"scratch": lambda: None})
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    worker = Worker()
    gunicorn_conf.post_worker_init(worker)
    assert worker.notified == 1
    assert closed == [True]  # its first request opens its own connection
    assert said and said[0].startswith("worker 42 warmed scratch in ")
