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
