"""Small profiles and deterministic stand-in embeddings for fast engine tests.

Unit tests do not load the language model: each text gets a fixed pseudo-random unit vector
derived from its hash, and texts can be pulled towards each other on purpose with `near`.
"""

from __future__ import annotations

import numpy as np

from twinning.matching.embeddings import DIM, text_key
from twinning.matching.profiles import Opportunity, Profile

UK, KZ = "yorkshire", "kazakhstan"


def vector(text: str) -> np.ndarray:
    seed = int(text_key(text)[:16], 16)
    v = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return v / np.linalg.norm(v)


def vectors_for(
    profiles: list[Profile], near: dict[str, str] | None = None
) -> dict[str, np.ndarray]:
    """Vectors for every text; `near` maps a text to another whose vector it should almost share."""
    out = {text_key(t): vector(t) for p in profiles for t in p.texts}
    for text, target in (near or {}).items():
        mixed = 0.9 * vector(target) + 0.1 * vector(text)
        out[text_key(text)] = (mixed / np.linalg.norm(mixed)).astype(np.float32)
    return out


def org(
    id: str,
    side: str,
    nace: tuple[str, ...],
    *opportunities: tuple[str, str],
    size: str = "medium",
    languages: tuple[str, ...] = ("en",),
    description: str = "",
) -> Profile:
    """opportunities: (type, title) pairs; the title doubles as the whole text."""
    return Profile(
        id=id,
        side=side,
        name=id,
        size=size,
        languages=languages,
        nace=nace,
        description=description,
        opportunities=tuple(
            Opportunity(f"{id}/{i}", kind, title, nace=nace)
            for i, (kind, title) in enumerate(opportunities)
        ),
    )


LEEDS_OFFER = "Meat-processing equipment: mincers, bowl cutters, sausage fillers"
KOSTANAY_REQUEST = "Ищем оборудование для переработки мяса"


def meat_and_friends() -> list[Profile]:
    return [
        org("leeds-meat-machinery", UK, ("28.93",), ("business_offer", LEEDS_OFFER)),
        org("york-tours", UK, ("79.12",), ("tourism", "Group tours of Yorkshire"), size="small"),
        org("leeds-software", UK, ("62.01",), ("business_offer", "Custom software development")),
        org(
            "hull-grain", UK, ("46.21",), ("business_request", "Milling wheat wanted"), size="large"
        ),
        org(
            "kostanay-meat-plant",
            KZ,
            ("10.11",),
            ("business_request", KOSTANAY_REQUEST),
            size="large",
            languages=("ru", "kk"),
        ),
        org(
            "almaty-travel",
            KZ,
            ("79.11",),
            ("tourism", "Алматыға турлар"),
            size="small",
            languages=("kk", "en"),
        ),
        org(
            "astana-egov",
            KZ,
            ("62.02",),
            ("business_request", "Субподрядчик по разработке ПО"),
            languages=("ru", "en"),
        ),
        org(
            "kostanay-grain",
            KZ,
            ("01.11",),
            ("business_offer", "Экспорт пшеницы"),
            languages=("ru",),
        ),
        org(
            "karaganda-mine",
            KZ,
            ("05.10",),
            ("business_request", "Запчасти для комбайнов"),
            size="large",
            languages=("ru",),
        ),
    ]


CODES = [
    "01.11",
    "01.42",
    "10.11",
    "10.13",
    "28.93",
    "46.32",
    "59.11",
    "77.39",
    "79.11",
    "55.10",
    "62.01",
    "64.19",
    "85.42",
    "35.11",
    "09.10",
    "28.14",
    "05.10",
    "25.62",
]
TYPES = [
    "business_offer",
    "business_request",
    "technology_offer",
    "technology_request",
    "partnership",
    "tourism",
    "film_coproduction",
    "local_content",
    "distribution",
]


def random_programme(per_side: int, seed: int = 7) -> list[Profile]:
    rng = np.random.default_rng(seed)
    profiles = []
    for side in (UK, KZ):
        for i in range(per_side):
            codes = tuple(rng.choice(CODES, size=rng.integers(1, 3), replace=False).tolist())
            kinds = rng.choice(TYPES, size=rng.integers(0, 3), replace=False).tolist()
            profiles.append(
                org(
                    f"{side}-{i}",
                    side,
                    codes,
                    *[(kind, f"{side} {i} {kind} text") for kind in kinds],
                    size=str(rng.choice(["micro", "small", "medium", "large"])),
                    languages=tuple(
                        rng.choice(
                            ["en", "ru", "kk"], size=rng.integers(1, 3), replace=False
                        ).tolist()
                    ),
                    description=f"{side} organisation {i}",
                )
            )
    return profiles
