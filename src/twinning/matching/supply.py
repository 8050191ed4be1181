"""Which industries buy from which, from the ONS input–output tables (UK, 2010).

The combined use table at purchasers' prices (domestic and imported products) says how many
millions of pounds each industry spends on each product. Products and industries use the same codes
(CPA 2008 / SIC 2007 = NACE Rev. 2 divisions and groups, e.g. `01`, `10-1`, `41-43`), so a column
is an industry's input structure and one NACE code on each side of a pair finds its cell.

A pair of industries is a **supply link** when one spends a material and specific share of its
inputs on the other's products:

* the buyer spends at least `MIN_SHARE` (1%) of its intermediate inputs on the product, and
* at least twice the economy-wide share (`MIN_LIFT`: the average industry's share), so that inputs
  every industry buys (banking, transport, fuel) do not link everything to everything, and
* either the share is at least `STRONG_SHARE` (2%) or the buyer takes at least `MIN_SALES_SHARE`
  (10%) of what the product sells to industries.

A link is **major** (it scores like a judgement link) when the share is at least `MAJOR_SHARE`
(5%) or the buyer takes at least `MAJOR_SALES_SHARE` (25%) of the product's sales to industries;
other links are **minor** and score below a shared NACE group.

The table is **silent** (and the judgement chains in `sectors.CHAINS` decide) when:

* a code has no single cell (an organisation coded only as `10`, which the tables split);
* both codes fall in one cell (`28.93` and `28.30` are both `28`): the tables do not see inside it;
* one side is wholesale or retail trade (45, 46, 47): goods bought for resale are not intermediate
  consumption, so a meat wholesaler's purchases of meat are not in the table;
* one side makes investment goods: when at least `CAPITAL_SHARE` (20%) of what is bought of a
  product is gross fixed capital formation (machinery, vehicles, electrical equipment,
  construction, software), the tables record who sells it but not which industry invests in it.

Source: Office for National Statistics, UK Input–Output Analytical Tables 2010, licensed under the
Open Government Licence v3.0 (see data/input-output/README.md).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "input-output"
USE_TABLE = DATA / "uk_2010_combined_use_purchasers_prices.csv"
CODES = DATA / "codes.csv"

MIN_SHARE = 0.01
STRONG_SHARE = 0.02
MIN_SALES_SHARE = 0.10
MIN_LIFT = 2.0
# A link is major when the buyer spends at least this share of its inputs on the product, or takes
# at least this share of the product's sales to industries (farms take half of vets' services).
MAJOR_SHARE = 0.05
MAJOR_SALES_SHARE = 0.25
CAPITAL_SHARE = 0.20
TRADE = frozenset({"45", "46", "47"})
GFCF = "Gross fixed capital formation"
SOURCE = "ONS UK input-output analytical tables 2010"

# ONS codes that name their NACE content in the label rather than in the code itself.
_LETTER_CODES: dict[str, tuple[str, ...]] = {
    "20A": ("20.11", "20.13", "20.15"),
    "20B": ("20.14", "20.16", "20.17", "20.6"),
    "20C": ("20.12", "20.2"),
    "23OTHER": ("23.1", "23.2", "23.3", "23.4", "23.7", "23.8", "23.9"),
    "25OTHER": ("25.1", "25.2", "25.3", "25.5", "25.6", "25.7", "25.9"),
    "30OTHER": ("30.2", "30.4", "30.9"),
    "33OTHER": ("33.11", "33.12", "33.13", "33.14", "33.17", "33.19", "33.2"),
    "68-2IMP": (),  # owner-occupiers' imputed rent: no organisation does this
}
_RANGE = re.compile(r"^(\d{2})((?:-\d{1,2})*)$")


def nace_prefixes(code: str) -> tuple[str, ...]:
    """NACE prefixes an ONS code covers: `10-1` -> 10.1; `10-2-3` -> 10.2, 10.3; `41-43` ->
    41, 42, 43; `11-01-6` -> 11.01 … 11.06; `33-15` -> 33.15."""
    if code in _LETTER_CODES:
        return _LETTER_CODES[code]
    match = _RANGE.match(code)
    if not match:
        raise ValueError(f"not an ONS input-output code: {code!r}")
    head, parts = match.group(1), [p for p in match.group(2).split("-") if p]
    if not parts:
        return (head,)
    if len(parts[0]) == 2 and int(parts[0]) > int(head):  # a range of divisions
        return tuple(f"{d:02d}" for d in range(int(head), int(parts[0]) + 1))
    if len(parts[0]) == 2 and len(parts) == 1:  # one class
        return (f"{head}.{parts[0]}",)
    if len(parts[0]) == 2:  # a range of classes, 11-01-6
        first, last = int(parts[0]), int(parts[1])
        return tuple(f"{head}.{c:02d}" for c in range(first, last + 1))
    first, last = int(parts[0]), int(parts[-1])
    return tuple(f"{head}.{g}" for g in range(first, last + 1))


@dataclass(frozen=True)
class Flow:
    """`buyer` spends `share` of its intermediate inputs on `product`; that is `sales_share` of
    what the product sells to industries."""

    buyer: str
    product: str
    share: float
    sales_share: float
    buyer_label: str
    product_label: str

    @property
    def major(self) -> bool:
        return self.share >= MAJOR_SHARE or self.sales_share >= MAJOR_SALES_SHARE

    @property
    def percent(self) -> float:
        """The share as shown to people: percent with one decimal."""
        return round(100 * self.share, 1)


@dataclass(frozen=True)
class Tables:
    use: dict[tuple[str, str], float]  # (product, industry) -> £ million
    inputs: dict[str, float]  # industry -> total intermediate inputs
    sales: dict[str, float]  # product -> total sold to industries
    capital: frozenset[str]  # products bought mostly enough as investment
    product_labels: dict[str, str]
    industry_labels: dict[str, str]


@cache
def tables() -> Tables:
    use: dict[tuple[str, str], float] = {}
    gfcf: dict[str, float] = {}
    with USE_TABLE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            value = float(row["gbp_million"])
            if row["industry"] == GFCF:
                gfcf[row["product"]] = value
            else:
                use[(row["product"], row["industry"])] = value
    inputs: dict[str, float] = defaultdict(float)
    sales: dict[str, float] = defaultdict(float)
    for (product, industry), value in use.items():
        inputs[industry] += value
        sales[product] += value
    capital = frozenset(
        p for p, v in gfcf.items() if v >= CAPITAL_SHARE * (v + sales.get(p, 0.0)) and v > 0
    )
    with CODES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return Tables(
        use,
        dict(inputs),
        dict(sales),
        capital,
        {r["code"]: r["product_label"] for r in rows},
        {r["code"]: r["industry_label"] for r in rows},
    )


@cache
def _prefix_index() -> tuple[tuple[str, str], ...]:
    """(NACE prefix, ONS code), longest prefixes first."""
    pairs = [(p, code) for code in tables().product_labels for p in nace_prefixes(code)]
    return tuple(sorted(pairs, key=lambda pc: -len(pc[0])))


@lru_cache(maxsize=4096)
def io_code(nace: str) -> str | None:
    """The one ONS cell a normalised NACE code falls in; None when the code is coarser than the
    tables' split (`10` spans eight food cells) or is not covered."""
    for prefix, code in _prefix_index():
        if nace.startswith(prefix):
            return code
    inside = {code for prefix, code in _prefix_index() if prefix.startswith(nace)}
    return inside.pop() if len(inside) == 1 else None


def _flow(buyer: str, product: str) -> Flow | None:
    t = tables()
    value = t.use.get((product, buyer), 0.0)
    if value <= 0 or buyer == product:
        return None
    share = value / t.inputs[buyer]
    average = t.sales[product] / sum(t.inputs.values())
    sales_share = value / t.sales[product]
    material = share >= STRONG_SHARE or sales_share >= MIN_SALES_SHARE
    if share < MIN_SHARE or share < MIN_LIFT * average or not material:
        return None
    return Flow(
        buyer, product, share, sales_share, t.industry_labels[buyer], t.product_labels[product]
    )


@lru_cache(maxsize=65536)
def flow_between(a: str | None, b: str | None) -> Flow | None:
    """The stronger qualifying flow between two ONS cells, in either direction (None if none)."""
    if a is None or b is None:
        return None
    found = [f for f in (_flow(a, b), _flow(b, a)) if f]
    return max(found, key=lambda f: f.share, default=None)


@lru_cache(maxsize=65536)
def silent(a: str | None, b: str | None) -> bool:
    """True when the tables cannot say whether two cells trade (see the module docstring)."""
    return bool(silence(a, b))


def silence(a: str | None, b: str | None) -> str:
    """Why the tables cannot speak for two cells ("" when they can)."""
    if a is None or b is None:
        return "no single cell"
    if a == b:
        return f"one cell ({a})"
    if trade := sorted({a, b} & TRADE):
        return f"trade ({', '.join(trade)})"
    if capital := sorted({a, b} & tables().capital):
        return f"investment goods ({', '.join(capital)})"
    return ""


def cell_sector(cell: str, code: str) -> str:
    """The NACE code that names an ONS cell in a sentence: the cell's own prefix when it has one
    (`10-1` -> 10.1), else the organisation's code that fell in it (`41-43` -> 41.20)."""
    prefixes = nace_prefixes(cell)
    return prefixes[0] if len(prefixes) == 1 else code
