"""Reasons rendered as sentences in the reader's language, from their stored structured form.

The engine's own `reasons.render` is English for the command line and logs; pages and e-mails use
these, so a Russian reader sees Russian words around the partner's own phrases.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinning.matching.reasons import Reason, render
from twinning.organisations.selectors import (
    opportunity_type_label,
    organisation_size_label,
)

CHAIN_NAMES = {
    "meat": gettext_lazy("meat and livestock"),
    "dairy": gettext_lazy("dairy"),
    "grain": gettext_lazy("grain, milling and bakery"),
    "food_trade": gettext_lazy("food trade"),
    "agritech": gettext_lazy("farming technology"),
    "wool": gettext_lazy("wool and textiles"),
    "tourism": gettext_lazy("tourism"),
    "film": gettext_lazy("film and television production"),
    "oil_gas": gettext_lazy("oil and gas"),
    "power": gettext_lazy("power and renewables"),
    "mining": gettext_lazy("mining and metals"),
    "engineering": gettext_lazy("engineering and manufacturing"),
    "it": gettext_lazy("software and digital services"),
    "finance": gettext_lazy("finance"),
    "education": gettext_lazy("education and research"),
    "construction": gettext_lazy("construction"),
    "logistics": gettext_lazy("logistics"),
    "health": gettext_lazy("health and pharmaceuticals"),
}
VERDICTS = {
    "must_meet": gettext_lazy("must meet"),
    "interesting": gettext_lazy("interesting"),
}


def codes_in(reasons: list[dict[str, Any]]) -> set[str]:
    """Every NACE code a list of stored reasons names, to fetch their titles in one go."""
    found: set[str] = set()
    for reason in reasons:
        if reason["kind"] in {"sector", "chain"}:
            found |= {reason["mine"], reason["theirs"]}
        elif reason["kind"] == "supply":
            found |= {reason["mine"], reason["theirs"]}
            found |= {reason["buyer_sector"], reason["product_sector"]}
        elif reason["kind"] == "focus":
            found |= set(reason["codes"])
    return found


def _code(code: str, titles: Mapping[str, str]) -> str:
    title = titles.get(code)
    return f"NACE {code} ({title})" if title else f"NACE {code}"


def _type(code: str) -> str:
    return opportunity_type_label(code).lower()


def _types(p: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    return _("Your %(mine)s “%(mine_title)s” meets their %(theirs)s “%(theirs_title)s”") % {
        "mine": _type(p["mine"]),
        "theirs": _type(p["theirs"]),
        "mine_title": p["mine_title"],
        "theirs_title": p["theirs_title"],
    }


def _sector(p: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    if p["level"] == "class":
        return _("Same activity: %(code)s") % {"code": _code(p["mine"], titles)}
    values = {"mine": _code(p["mine"], titles), "theirs": _code(p["theirs"], titles)}
    if p["level"] == "group":
        return _("Same NACE group: your %(mine)s, their %(theirs)s") % values
    return _("Same NACE division: your %(mine)s, their %(theirs)s") % values


def _chain(p: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    return _(
        "Along the %(chain)s supply chain, as brokers see it (the input–output tables do not "
        "cover this pair): your %(mine)s and their %(theirs)s"
    ) % {
        "chain": CHAIN_NAMES.get(p["chain"], p.get("chain_name", p["chain"])),
        "mine": _code(p["mine"], titles),
        "theirs": _code(p["theirs"], titles),
    }


def _supply(p: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    values = {
        "buyer": _code(p["buyer_sector"], titles),
        "product": _code(p["product_sector"], titles),
        "percent": number_format(p["percent"], 1),
        "mine": _code(p["mine"], titles),
        "theirs": _code(p["theirs"], titles),
    }
    if p["buyer"] == "mine":
        sentence = _(
            "Supply chain in the ONS input–output tables: %(buyer)s spends %(percent)s%% "
            "of its inputs on %(product)s; you buy, they sell (your %(mine)s, their %(theirs)s)"
        )
    else:
        sentence = _(
            "Supply chain in the ONS input–output tables: %(buyer)s spends %(percent)s%% "
            "of its inputs on %(product)s; they buy, you sell (your %(mine)s, their %(theirs)s)"
        )
    return sentence % values


def _text(p: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    return _("Similar wording: “%(mine)s” and “%(theirs)s”") % {
        "mine": p["mine"],
        "theirs": p["theirs"],
    }


def _language(p: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    names = dict(settings.LANGUAGES)
    shared = ", ".join(str(names.get(code, code)) for code in p["languages"])
    return _("You both work in %(languages)s") % {"languages": shared}


def _size(p: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    return _("Comparable size: you %(mine)s, they %(theirs)s") % {
        "mine": organisation_size_label(p["mine"]),
        "theirs": organisation_size_label(p["theirs"]),
    }


def _focus(p: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    codes = ", ".join(_code(c, titles) for c in p["codes"])
    return _("Inside the programme's sector focus: %(codes)s") % {"codes": codes}


def _feedback(p: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    verdict = VERDICTS.get(p["verdict"], p["verdict"])
    return _("You marked them as “%(verdict)s”") % {"verdict": verdict}


_SENTENCES = {
    "types": _types,
    "sector": _sector,
    "chain": _chain,
    "supply": _supply,
    "text": _text,
    "language": _language,
    "size": _size,
    "focus": _focus,
    "feedback": _feedback,
}


def reason_sentence(reason: Mapping[str, Any], titles: Mapping[str, str] | None = None) -> str:
    """One stored reason as a sentence in the active language; English from the engine for a
    kind this layer does not know yet."""
    params = {k: v for k, v in reason.items() if k != "kind"}
    sentence = _SENTENCES.get(reason["kind"])
    if sentence is None:
        return render(Reason(reason["kind"], params), titles)
    return sentence(params, titles or {})
