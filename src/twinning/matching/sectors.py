"""Sector fit between two organisations through their NACE Rev. 2 codes.

UK SIC 2007 and Kazakhstan's OKED equal NACE Rev. 2 down to the 4-digit class, so one code compares
a Leeds firm with an Almaty firm whatever language they write in. Fit levels, best first:

    same class (28.93 = 28.93)                          1.0
    a supply link: one buys from the other              0.8
    same group (10.11 ~ 10.13)                          0.7
    a minor supply link (under 5% of inputs)            0.55
    same division (10.11 ~ 10.51)                       0.4

A supply link ranks above a shared group because twinning is about buyers meeting sellers: the
maker of meat-processing machinery needs meat plants more than other machinery makers.

Supply links come from the ONS input–output tables (`supply`: meat plants spend 34.8% of their
inputs on farm products). Only where those tables are silent (trade, investment goods, codes finer
or coarser than their cells) do the judgement chains below decide, and a judgement link is always
shown as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from twinning.matching.supply import Flow, flow_between, io_code, silence, silent

LEVELS: dict[str, float] = {
    "class": 1.0,
    "chain": 0.8,
    "group": 0.7,
    "minor": 0.55,
    "division": 0.4,
}

_DIGITS = re.compile(r"^\d{2,5}$")


def normalise_code(code: str) -> str:
    """'2893', '28.93', '28.93/0' or OKED '10111' -> '28.93' / '10.11'; '01.4' and '59' kept."""
    digits = re.sub(r"[.\s/]", "", code)
    if not _DIGITS.match(digits):
        raise ValueError(f"not a NACE code: {code!r}")
    digits = digits[:4]
    return digits if len(digits) == 2 else f"{digits[:2]}.{digits[2:]}"


def division(code: str) -> str:
    return code[:2]


def group(code: str) -> str | None:
    return code[:4] if len(code) >= 4 else None


def nace_class(code: str) -> str | None:
    return code if len(code) == 5 else None


@dataclass(frozen=True)
class Stage:
    label: str
    prefixes: tuple[str, ...]
    # Labels of the only stages this one links to (equipment serves its users, not the whole
    # chain: a maker of meat-processing machines is not a dairy farm's supplier); empty: all.
    serves: tuple[str, ...] = ()

    def links_to(self, other: Stage) -> bool:
        return (not self.serves or other.label in self.serves) and (
            not other.serves or self.label in other.serves
        )

    def holds(self, code: str) -> bool:
        return any(code.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Chain:
    slug: str
    name: str
    stages: tuple[Stage, ...]


def _chain(slug: str, name: str, *stages: tuple[str, ...]) -> Chain:
    """Stages as (label, "prefix prefix", optionally "served stage; served stage")."""
    return Chain(
        slug,
        name,
        tuple(
            Stage(s[0], tuple(s[1].split()), tuple(x.strip() for x in s[2].split(";")))
            if len(s) > 2
            else Stage(s[0], tuple(s[1].split()))
            for s in stages
        ),
    )


# Any two different stages of one chain complement each other (farm <-> wholesaler too, not only
# neighbours): brokers introduce across the whole chain. Prefixes are NACE divisions, groups or
# classes; "10.1" holds 10.11, 10.12 and 10.13.
CHAINS: tuple[Chain, ...] = (
    _chain(
        "meat",
        "meat and livestock",
        ("animal production", "01.4 01.5"),
        ("meat processing", "10.1"),
        ("animal feed", "10.91"),
        ("food-processing machinery", "28.93", "meat processing; animal feed"),
        ("meat and livestock wholesale", "46.32 46.23"),
        ("cold storage", "52.1"),
        ("veterinary services", "75"),
    ),
    _chain(
        "dairy",
        "dairy",
        ("dairy farming", "01.41 01.45"),
        ("dairy processing", "10.5"),
        ("food-processing machinery", "28.93", "dairy processing"),
        ("dairy wholesale", "46.33"),
    ),
    _chain(
        "grain",
        "grain, milling and bakery",
        ("crop growing", "01.1 01.6"),
        ("milling and bakery", "10.6 10.7"),
        ("agricultural machinery", "28.3", "crop growing; grain and feed wholesale"),
        ("food-processing machinery", "28.93", "milling and bakery"),
        ("fertilisers and agrochemicals", "20.15 20.2", "crop growing; grain and feed wholesale"),
        ("grain and feed wholesale", "46.21"),
        ("storage and handling", "52.1 52.24"),
    ),
    _chain(
        "food_trade",
        "food trade",
        ("farming and fishing", "01 03"),
        ("food and drink production", "10 11"),
        ("general food wholesale", "46.38 46.39"),
    ),
    _chain(
        "agritech",
        "farming technology",
        ("farming", "01"),
        ("agricultural machinery", "28.3", "farming"),
        ("agricultural research and testing", "72.1 71.2"),
        ("farm software and data", "62.01 63.11"),
    ),
    _chain(
        "wool",
        "wool and textiles",
        ("sheep and goat farming", "01.45"),
        ("spinning and weaving", "13.1 13.2 13.3"),
        ("textiles and clothing", "13.9 14"),
        ("textile wholesale", "46.41 46.42"),
    ),
    _chain(
        "tourism",
        "tourism",
        ("travel agencies and tour operators", "79"),
        ("accommodation", "55"),
        ("restaurants", "56"),
        ("passenger transport", "49.1 49.3 51.1"),
        ("culture and leisure", "91 93"),
    ),
    _chain(
        "film",
        "film and television production",
        ("film and TV production", "59.1 60.2"),
        ("equipment rental", "77"),
        ("travel and fixers", "79"),
        ("accommodation", "55"),
        ("catering", "56.2"),
        ("passenger transport", "49.3 51.1"),
        ("creative and performing arts", "90"),
    ),
    _chain(
        "oil_gas",
        "oil and gas",
        ("oil and gas extraction", "06 09.1"),
        ("refining and petrochemicals", "19.2 20.1"),
        (
            "pumps, valves and machinery",
            "28.1 28.92 28.99",
            "oil and gas extraction; refining and petrochemicals; pipelines and gas supply; "
            "repair and maintenance",
        ),
        ("steel products", "24.2 25.1"),
        ("engineering services", "71.1 71.2"),
        ("repair and maintenance", "33.1"),
        ("pipelines and gas supply", "49.5 35.2"),
    ),
    _chain(
        "power",
        "power and renewables",
        ("power generation and supply", "35.1"),
        ("electrical equipment", "27.1 27.3 27.9"),
        ("turbines and engines", "28.11"),
        ("power plant construction", "42.22 43.21"),
        ("engineering services", "71.12"),
        ("energy research", "72.19"),
    ),
    _chain(
        "mining",
        "mining and metals",
        ("mining", "05 07 08 09.9"),
        ("metal production", "24"),
        ("mining machinery", "28.92", "mining; machinery repair"),
        ("metal products and parts", "25"),
        ("machinery repair", "33.12"),
        ("metals wholesale", "46.72"),
        ("geology and engineering", "71.12"),
    ),
    _chain(
        "engineering",
        "engineering and manufacturing",
        ("metalworking", "25.5 25.6"),
        ("machinery", "28"),
        ("vehicles and rolling stock", "29 30"),
        ("repair and installation", "33"),
        ("engineering and testing", "71.12 71.2"),
        ("machinery wholesale", "46.6"),
    ),
    _chain(
        "it",
        "software and digital services",
        ("software development", "62 58.2"),
        ("data and hosting", "63.1"),
        ("telecommunications", "61"),
        ("computer hardware", "26.2 46.51"),
        ("management consultancy", "70.22"),
    ),
    _chain(
        "finance",
        "finance",
        ("banking and lending", "64.1 64.9"),
        ("investment funds", "64.3 66.3"),
        ("insurance", "65"),
        ("financial services support", "66.1 66.2"),
        ("fintech software", "62.01 63.11"),
        ("accounting and legal", "69"),
    ),
    _chain(
        "education",
        "education and research",
        ("higher education", "85.4"),
        ("schools and training", "85.3 85.5"),
        ("educational support", "85.6"),
        ("research and development", "72"),
        ("recruitment", "78"),
        ("publishing", "58.1"),
    ),
    _chain(
        "construction",
        "construction",
        ("building", "41 42"),
        ("specialised construction", "43"),
        ("architecture and engineering", "71.1"),
        ("building materials", "23.5 23.6 16.2"),
        ("building materials wholesale", "46.73"),
        ("construction equipment rental", "77.32"),
    ),
    _chain(
        "logistics",
        "logistics",
        ("road and rail freight", "49.2 49.4"),
        ("warehousing and forwarding", "52"),
        ("water and air freight", "50.2 51.2"),
        ("wholesale trade", "46.9"),
    ),
    _chain(
        "health",
        "health and pharmaceuticals",
        ("pharmaceuticals", "21"),
        ("medical instruments", "32.5 26.6"),
        ("hospitals and clinics", "86"),
        ("pharmaceutical wholesale", "46.46"),
        ("medical research", "72.11 72.19"),
    ),
)

CHAIN_BY_SLUG: dict[str, Chain] = {c.slug: c for c in CHAINS}

# (chain slug, stage index) for every stage: the nodes of the judgement graph.
NODES: tuple[tuple[str, int], ...] = tuple(
    (c.slug, i) for c in CHAINS for i in range(len(c.stages))
)
NODE_INDEX: dict[tuple[str, int], int] = {n: i for i, n in enumerate(NODES)}


@lru_cache(maxsize=4096)
def nodes_of(code: str) -> tuple[int, ...]:
    """Judgement-chain stages a normalised code belongs to."""
    return tuple(
        NODE_INDEX[(c.slug, i)]
        for c in CHAINS
        for i, stage in enumerate(c.stages)
        if stage.holds(code)
    )


# What a code's supply links depend on: its input-output cell and its judgement stages. Codes
# with equal keys link to exactly the same codes, so the engine needs one column per key.
LinkKey = tuple[str | None, tuple[int, ...]]


@lru_cache(maxsize=4096)
def link_key(code: str) -> LinkKey:
    return io_code(code), nodes_of(code)


@dataclass(frozen=True)
class SectorMatch:
    """The best sector evidence for one pair: level, the two codes, and for a supply link either
    the input-output flow (data) or the judgement chain."""

    level: str
    mine: str
    theirs: str
    chain: str = ""
    mine_stage: str = ""
    theirs_stage: str = ""
    flow: Flow | None = None
    mine_buys: bool = False

    @property
    def score(self) -> float:
        return LEVELS[self.level]


def _judgement_link(a: str, b: str) -> SectorMatch | None:
    for na, nb in product(nodes_of(a), nodes_of(b)):
        (chain_a, stage_a), (chain_b, stage_b) = NODES[na], NODES[nb]
        stages = CHAIN_BY_SLUG[chain_a].stages
        if chain_a == chain_b and _stages_link(chain_a, stage_a, stage_b):
            return SectorMatch("chain", a, b, chain_a, stages[stage_a].label, stages[stage_b].label)
    return None


def _stages_link(chain: str, i: int, j: int) -> bool:
    stages = CHAIN_BY_SLUG[chain].stages
    return i != j and stages[i].links_to(stages[j])


def supply_link(a: str, b: str) -> SectorMatch | None:
    """A supply link between two codes: from the input-output tables where they speak, from the
    judgement chains only where they are silent."""
    cell_a, cell_b = io_code(a), io_code(b)
    flow = flow_between(cell_a, cell_b)
    if flow is not None:
        level = "chain" if flow.major else "minor"
        return SectorMatch(level, a, b, flow=flow, mine_buys=flow.buyer == cell_a)
    return _judgement_link(a, b) if silent(cell_a, cell_b) else None


@lru_cache(maxsize=65536)
def keys_linked(a: LinkKey, b: LinkKey) -> str:
    """The level of `supply_link` ("chain", "minor" or "") for any two codes with these keys
    (what the vectorised engine uses)."""
    (cell_a, stages_a), (cell_b, stages_b) = a, b
    flow = flow_between(cell_a, cell_b)
    if flow is not None:
        return "chain" if flow.major else "minor"
    judged = silent(cell_a, cell_b) and any(
        NODES[x][0] == NODES[y][0] and _stages_link(NODES[x][0], NODES[x][1], NODES[y][1])
        for x, y in product(stages_a, stages_b)
    )
    return "chain" if judged else ""


@lru_cache(maxsize=65536)
def _pair_match(a: str, b: str, linkable: bool = True) -> SectorMatch | None:
    """The best of what holds for one pair of codes (supply links only when `linkable`)."""
    found = [supply_link(a, b) if linkable else None]
    if nace_class(a) and nace_class(a) == nace_class(b):
        found.append(SectorMatch("class", a, b))
    elif group(a) and group(a) == group(b):
        found.append(SectorMatch("group", a, b))
    elif division(a) == division(b):
        found.append(SectorMatch("division", a, b))
    return max((m for m in found if m), key=_strength, default=None)


def pair_fit(a: str, b: str, linkable: bool = True) -> float:
    """The sector fit of one pair of codes (what the vectorised engine tabulates)."""
    match = _pair_match(a, b, linkable)
    return match.score if match else 0.0


def _strength(m: SectorMatch) -> tuple[float, float]:
    """Best level first; among supply links the larger share of inputs, data before judgement."""
    return m.score, m.flow.share if m.flow else 0.0


def best_sector_match(
    mine: list[str],
    theirs: list[str],
    *,
    links: tuple[frozenset[str], frozenset[str]] | None = None,
) -> SectorMatch | None:
    """The strongest code pair between two organisations, or None if no code relates. With
    `links`, only those codes of each side take part in supply links (`Profile.link_nace`)."""
    found = [
        m
        for a, b in product(mine, theirs)
        if (m := _pair_match(a, b, links is None or (a in links[0] and b in links[1])))
    ]
    return max(found, key=_strength, default=None)


def sector_fit(mine: list[str], theirs: list[str]) -> float:
    match = best_sector_match(mine, theirs)
    return match.score if match else 0.0


def chain_sources() -> list[tuple[str, str, str, str]]:
    """(chain, stage, stage, source) for every pair of stages of every judgement chain: the
    input-output flow that confirms it, why the tables are silent (judgement kept), or that the
    tables show no material flow (link dropped). One row per pair of stages; where a stage pair
    has several prefixes, each verdict is listed."""
    rows = []
    for chain in CHAINS:
        for i, first in enumerate(chain.stages):
            for second in chain.stages[i + 1 :]:
                if not first.links_to(second):
                    rows.append((chain.slug, first.label, second.label, "not linked: equipment"))
                    continue
                verdicts = [_source(p, q) for p in first.prefixes for q in second.prefixes]
                rows.append((chain.slug, first.label, second.label, "; ".join(verdicts)))
    return rows


def _source(a: str, b: str) -> str:
    cell_a, cell_b = io_code(a), io_code(b)
    flow = flow_between(cell_a, cell_b)
    pair = f"{a}–{b}"
    if flow is not None:
        strength = "" if flow.major else ", minor"
        return f"{pair}: data, {flow.buyer} spends {flow.percent}% on {flow.product}{strength}"
    why = silence(cell_a, cell_b)
    return f"{pair}: judgement, silent: {why}" if why else f"{pair}: dropped, no material flow"


def main() -> None:
    """Print chain_sources() as a Markdown table (docs/supply-links.md)."""
    import sys

    sys.stdout.write("| chain | stage | stage | source |\n|---|---|---|---|\n")
    for row in chain_sources():
        sys.stdout.write("| " + " | ".join(row) + " |\n")


if __name__ == "__main__":
    main()
