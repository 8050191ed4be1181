"""Sector fit between two organisations through their NACE Rev. 2 codes.

UK SIC 2007 and Kazakhstan's OKED equal NACE Rev. 2 down to the 4-digit class, so one code compares
a Leeds firm with an Almaty firm whatever language they write in. Fit levels, best first:

    same class (28.93 = 28.93)                          1.0
    complementary stages of one supply chain (CHAINS)   0.8
    same group (10.11 ~ 10.13)                          0.7
    same division (10.11 ~ 10.51)                       0.4

A supply-chain link ranks above a shared group because twinning is about buyers meeting sellers:
the maker of meat-processing machinery needs meat plants more than other machinery makers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

LEVELS: dict[str, float] = {"class": 1.0, "chain": 0.8, "group": 0.7, "division": 0.4}

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

    def holds(self, code: str) -> bool:
        return any(code.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Chain:
    slug: str
    name: str
    stages: tuple[Stage, ...]


def _chain(slug: str, name: str, *stages: tuple[str, str]) -> Chain:
    return Chain(slug, name, tuple(Stage(label, tuple(p.split())) for label, p in stages))


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
        ("food-processing machinery", "28.93"),
        ("food wholesale", "46.3 46.23"),
        ("cold storage", "52.1"),
        ("veterinary services", "75"),
    ),
    _chain(
        "dairy",
        "dairy",
        ("dairy farming", "01.41 01.45"),
        ("dairy processing", "10.5"),
        ("food-processing machinery", "28.93"),
        ("food wholesale", "46.3"),
    ),
    _chain(
        "grain",
        "grain, milling and bakery",
        ("crop growing", "01.1 01.6"),
        ("milling and bakery", "10.6 10.7"),
        ("agricultural machinery", "28.3"),
        ("food-processing machinery", "28.93"),
        ("fertilisers and agrochemicals", "20.15 20.2"),
        ("grain wholesale", "46.21 46.3"),
        ("storage and handling", "52.1 52.24"),
    ),
    _chain(
        "agritech",
        "farming technology",
        ("farming", "01"),
        ("agricultural machinery", "28.3"),
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
        ("pumps, valves and machinery", "28.1 28.92 28.99"),
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
        ("mining machinery", "28.92"),
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

# (chain slug, stage index) for every stage: the nodes of the supply-chain graph.
NODES: tuple[tuple[str, int], ...] = tuple(
    (c.slug, i) for c in CHAINS for i in range(len(c.stages))
)
NODE_INDEX: dict[tuple[str, int], int] = {n: i for i, n in enumerate(NODES)}


@lru_cache(maxsize=4096)
def nodes_of(code: str) -> tuple[int, ...]:
    """Supply-chain nodes a normalised code belongs to."""
    return tuple(
        NODE_INDEX[(c.slug, i)]
        for c in CHAINS
        for i, stage in enumerate(c.stages)
        if stage.holds(code)
    )


@dataclass(frozen=True)
class SectorMatch:
    """The best sector evidence for one pair: level, the two codes, and the chain if any."""

    level: str
    mine: str
    theirs: str
    chain: str = ""
    mine_stage: str = ""
    theirs_stage: str = ""

    @property
    def score(self) -> float:
        return LEVELS[self.level]


def _chain_link(a: str, b: str) -> SectorMatch | None:
    for na, nb in product(nodes_of(a), nodes_of(b)):
        (chain_a, stage_a), (chain_b, stage_b) = NODES[na], NODES[nb]
        if chain_a == chain_b and stage_a != stage_b:
            stages = CHAIN_BY_SLUG[chain_a].stages
            return SectorMatch("chain", a, b, chain_a, stages[stage_a].label, stages[stage_b].label)
    return None


def _pair_match(a: str, b: str) -> SectorMatch | None:
    if nace_class(a) and nace_class(a) == nace_class(b):
        return SectorMatch("class", a, b)
    link = _chain_link(a, b)
    if link:
        return link
    if group(a) and group(a) == group(b):
        return SectorMatch("group", a, b)
    if division(a) == division(b):
        return SectorMatch("division", a, b)
    return None


def best_sector_match(mine: list[str], theirs: list[str]) -> SectorMatch | None:
    """The strongest code pair between two organisations, or None if no code relates."""
    found = [m for a, b in product(mine, theirs) if (m := _pair_match(a, b))]
    return max(found, key=lambda m: m.score, default=None)


def sector_fit(mine: list[str], theirs: list[str]) -> float:
    match = best_sector_match(mine, theirs)
    return match.score if match else 0.0
