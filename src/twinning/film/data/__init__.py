"""The incentive data files shipped with the app: rules, MCI table, starting exchange rates."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_data_file(name: str) -> Any:
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
