"""What demo steps share: the plan, the objects created so far, and how to report."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from twinning.core.models import User
from twinning.demo.plan import DemoPlan

Report = Callable[[str], None]


@dataclass
class Tally:
    created: int = 0
    existing: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.existing} already there"


@dataclass
class DemoContext:
    plan: DemoPlan
    today: dt.date
    now: dt.datetime
    report: Report
    users: dict[str, User] = field(default_factory=dict)
    programme: Any = None
    organisations: dict[str, Any] = field(default_factory=dict)
    owners: dict[str, User] = field(default_factory=dict)

    @property
    def operator(self) -> User:
        login = next(login for login in self.plan.logins if login.is_operator)
        return self.users[login.email]


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[DemoContext], Tally]
