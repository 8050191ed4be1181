"""Slugs for pages addressed by name (events, visits)."""

from collections.abc import Callable

from django.utils.text import slugify


def unique_slug(title: str, *, taken: Callable[[str], bool], fallback: str) -> str:
    """`title` as a slug no row holds yet: "-2", "-3"... are added until `taken` says no.

    "Leeds–Almaty" should read leeds-almaty, not leedsalmaty: dashes separate words.
    """
    root = slugify(title.replace("–", " ").replace("—", " "))[:100] or fallback
    slug, n = root, 1
    while taken(slug):
        n += 1
        slug = f"{root}-{n}"
    return slug
