"""Why a candidate was recommended, as data.

A reason is a `kind` plus parameters (codes, type codes, phrases, numbers), so the web layer can
render it in English, Russian or Kazakh with its own translations. `render` gives the English
sentence used by the command line and logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

TYPE_LABELS: dict[str, str] = {
    "business_offer": "business offer",
    "business_request": "business request",
    "technology_offer": "technology offer",
    "technology_request": "technology request",
    "investment_offer": "investment offer",
    "investment_request": "investment request",
    "partnership": "partnership / joint venture",
    "distribution": "distribution / agency",
    "tourism": "tourism",
    "film_coproduction": "film co-production",
    "local_content": "local-content supply",
}

LANGUAGE_LABELS: dict[str, str] = {"en": "English", "ru": "Russian", "kk": "Kazakh"}


@dataclass(frozen=True)
class Reason:
    kind: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.params}

    @property
    def text(self) -> str:
        return render(self)


def _code(code: str, labels: Mapping[str, str] | None) -> str:
    label = (labels or {}).get(code)
    return f"NACE {code} ({label})" if label else f"NACE {code}"


def _types(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    mine, theirs = TYPE_LABELS[p["mine"]], TYPE_LABELS[p["theirs"]]
    return f'your {mine} "{p["mine_title"]}" meets their {theirs} "{p["theirs_title"]}"'


def _sector(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    if p["level"] == "class":
        return f"same activity: {_code(p['mine'], labels)}"
    mine, theirs = _code(p["mine"], labels), _code(p["theirs"], labels)
    return f"same NACE {p['level']}: your {mine}, their {theirs}"


def _chain(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    return (
        f"{p['chain_name']} supply chain: your {p['mine_stage']} ({_code(p['mine'], labels)}) "
        f"and their {p['theirs_stage']} ({_code(p['theirs'], labels)})"
    )


def _supply(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    side = "you buy from them" if p["buyer"] == "mine" else "they buy from you"
    return (
        f"supply chain in the ONS input-output tables ({side}): "
        f"{p['buyer_label'].lower()} spend {p['percent']}% of their inputs on "
        f"{p['product_label'].lower()}; your {_code(p['mine'], labels)}, "
        f"their {_code(p['theirs'], labels)}"
    )


def _chain_judgement(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    return _chain(p, labels) + " (brokers' judgement; the input-output tables are silent here)"


def _text(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    return f'similar wording: "{p["mine"]}" and "{p["theirs"]}"'


def _language(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    names = ", ".join(LANGUAGE_LABELS.get(code, code) for code in p["languages"])
    return f"you both work in {names}"


def _size(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    return f"comparable size: you are {p['mine']}, they are {p['theirs']}"


def _focus(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    return "inside the programme's sector focus: " + ", ".join(_code(c, labels) for c in p["codes"])


def _feedback(p: Mapping[str, Any], labels: Mapping[str, str] | None) -> str:
    return f"you marked them as {p['verdict'].replace('_', ' ')}"


_RENDERERS = {
    "types": _types,
    "sector": _sector,
    "chain": _chain_judgement,
    "supply": _supply,
    "text": _text,
    "language": _language,
    "size": _size,
    "focus": _focus,
    "feedback": _feedback,
}


def render(reason: Reason, nace_labels: Mapping[str, str] | None = None) -> str:
    """English sentence for a reason; `nace_labels` maps codes to names when the caller has them."""
    sentence = _RENDERERS[reason.kind](reason.params, nace_labels)
    return sentence[0].upper() + sentence[1:]
