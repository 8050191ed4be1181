"""Fictional but well-formed identities: registry numbers, people, e-mail addresses, phones."""

import random

from django.utils.text import slugify

from twinning.demo.content import people
from twinning.demo.content.places import phone_prefix
from twinning.demo.plan import Person
from twinning.organisations.registry import make_kz_bin


def uk_company_number(rng: random.Random, kind: str, suffix: str) -> str:
    if kind == "university":
        return f"RC{rng.randint(100, 999):06d}"  # royal charter bodies
    if suffix == "LLP":
        return f"OC{rng.randint(300_000, 449_999):06d}"
    return f"{rng.randint(2_000_000, 15_999_999):08d}"


def kz_bin(rng: random.Random, year: int) -> str:
    """A BIN: registration year and month, legal-entity marker 4, head-office marker 0, serial."""
    while True:
        month = rng.randint(1, 12)
        serial = rng.randint(0, 99_999)
        number = make_kz_bin(f"{max(year, 1996) % 100:02d}{month:02d}40{serial:05d}")
        if number:
            return number


def kz_iin(rng: random.Random, gender: str) -> str:
    """An individual's IIN (sole proprietors register under it): birth date, century/gender."""
    while True:
        year = rng.randint(1965, 1999)
        digit = 3 if gender == "m" else 4  # born in the 20th century
        base = f"{year % 100:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{digit}"
        number = make_kz_bin(f"{base}{rng.randint(0, 9999):04d}")
        if number:
            return number


def domain(name_en: str, kind: str) -> str:
    top = "example.com" if kind in {"company", "studio"} else "example.org"
    return f"{slugify(name_en)[:50].strip('-')}.{top}"


def phone(rng: random.Random, region: str) -> str:
    prefix = phone_prefix(region)
    if prefix.startswith("+44"):
        return f"{prefix}{rng.randint(0, 999):03d}"
    return f"{prefix}{rng.randint(10, 99)} {rng.randint(10, 99)}"


def uk_person(rng: random.Random, mail_domain: str, region: str) -> Person:
    first, last = rng.choice(people.UK_FIRST), rng.choice(people.UK_LAST)
    email = f"{first}.{last}@{mail_domain}".lower()
    return Person(email, f"{first} {last}", "en", phone(rng, region))


def kz_person(rng: random.Random, mail_domain: str, region: str, language: str) -> Person:
    first_latin, first, gender = rng.choice(people.KZ_FIRST)
    male_latin, male, female_latin, female = rng.choice(people.KZ_LAST)
    last_latin, last = (male_latin, male) if gender == "m" else (female_latin, female)
    email = f"{first_latin}.{last_latin}@{mail_domain}".lower()
    name = f"{first_latin} {last_latin}" if language == "en" else f"{first} {last}"
    return Person(email, name, language, phone(rng, region))
