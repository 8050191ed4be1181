"""Writes for matchmaking: embeddings into the cache, full and incremental recompute, feedback.

The engine's index lives in the process that computed it (the background worker), keyed by
programme and tagged with the token of the full run it came from. An incremental recompute compares
every profile and verdict in the database with the index and feeds only the differences to the
engine, so it stays right even when another process made the changes; without a current index it
falls back to a full recompute.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.models import JobProgress, User
from twinning.core.rules import require
from twinning.core.services import job_advance, job_finish, job_start, job_update
from twinning.matching import embeddings
from twinning.matching.engine import MatchIndex, build
from twinning.matching.explain import Explainer
from twinning.matching.incremental import (
    clear_feedback,
    remove_profile,
    set_feedback,
    update_profile,
)
from twinning.matching.models import EmbeddingCache, Feedback, MatchingRun, Recommendation
from twinning.matching.opportunities import (
    OpportunityIndex,
    build_opportunities,
    opportunity_ranked,
    organisation_feedback,
    organisation_pairs,
    remove_organisation,
    unit_id,
    update_organisation,
)
from twinning.matching.profiles import Feedback as EngineFeedback
from twinning.matching.profiles import OrgId, Profile, Verdict
from twinning.matching.reasons import Reason
from twinning.matching.sources import organisation_profile, programme_rules
from twinning.organisations.selectors import organisations_for_matching
from twinning.programmes.selectors import programme_get

Progress = Callable[[int, int, str], None]
TOP_K = 50  # the pages show 10 and more on request, up to this many
EMBED_BATCH = 32
LOOKUP_CHUNK = 500  # keeps IN (...) lists under SQLite's variable limit

if TYPE_CHECKING:
    from twinning.organisations.models import Organisation
    from twinning.programmes.models import Programme


def _silent(done: int, total: int, message: str) -> None:
    """Progress sink for callers that do not report."""


# ---------------------------------------------------------------- embeddings


def vectors_for(*, texts: Iterable[str], progress: Progress = _silent) -> tuple[dict, int]:
    """Vectors for every text, from the cache where present, embedding and storing the rest.
    Returns the vectors by text key and how many texts had to be embedded."""
    texts = list(texts)
    vectors = _cached_vectors(sorted({embeddings.text_key(t) for t in texts}))
    todo = embeddings.missing(texts, vectors)
    for start in range(0, len(todo), EMBED_BATCH):
        fresh = embeddings.embed(todo[start : start + EMBED_BATCH])
        _store_vectors(fresh)
        vectors.update(fresh)
        progress(min(start + EMBED_BATCH, len(todo)), len(todo), _("Embedding texts"))
    return vectors, len(todo)


def _cached_vectors(keys: list[str]) -> dict[str, np.ndarray]:
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(keys), LOOKUP_CHUNK):
        rows = EmbeddingCache.objects.filter(
            model_version=embeddings.MODEL_VERSION, text_hash__in=keys[start : start + LOOKUP_CHUNK]
        ).values_list("text_hash", "vector")
        found.update({key: np.frombuffer(bytes(raw), dtype=np.float32) for key, raw in rows})
    return found


def _store_vectors(vectors: dict[str, np.ndarray]) -> None:
    rows = [
        EmbeddingCache(
            text_hash=key,
            model_version=embeddings.MODEL_VERSION,
            vector=np.asarray(vector, dtype=np.float32).tobytes(),
        )
        for key, vector in vectors.items()
    ]
    # Two workers may embed the same text; the first row stands.
    EmbeddingCache.objects.bulk_create(rows, ignore_conflicts=True)


def embeddings_import(*, path: Path) -> int:
    """Fill the cache from a file written by `embeddings_export`; returns the vectors offered.

    Vectors of another model version are ignored, so a stale file only costs time, never quality.
    """
    vectors = embeddings.load(path)
    _store_vectors(vectors)
    return len(vectors)


def embeddings_export(*, programme: Programme, path: Path) -> int:
    """Write the cached vectors of every text in the programme's profiles to `path`."""
    texts = [text for profile in _profiles(programme) for text in profile.texts]
    vectors = _cached_vectors(sorted({embeddings.text_key(t) for t in texts}))
    embeddings.save(path, vectors)
    return len(vectors)


# ---------------------------------------------------------------- the index in this process


@dataclass
class _Cached:
    token: str
    index: MatchIndex
    units: OpportunityIndex


_INDEXES: dict[int, _Cached] = {}
_LOCK = threading.RLock()


def _profiles(programme: Programme) -> list[Profile]:
    return [organisation_profile(o) for o in organisations_for_matching(programme_id=programme.pk)]


def _feedback(programme: Programme) -> list[EngineFeedback]:
    rows = Feedback.objects.filter(organisation__programme=programme).values_list(
        "organisation_id", "candidate_id", "kind"
    )
    return [EngineFeedback(viewer, candidate, Verdict(kind)) for viewer, candidate, kind in rows]


# ---------------------------------------------------------------- recompute


@dataclass(frozen=True)
class RecomputeResult:
    full: bool
    organisations: int
    lists: int
    embedded: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "full": self.full,
            "organisations": self.organisations,
            "lists": self.lists,
            "embedded": self.embedded,
            "seconds": round(self.seconds, 2),
        }


def recompute_full(*, programme: Programme, progress: Progress = _silent) -> RecomputeResult:
    """Every organisation's and every published opportunity's list, from scratch."""
    started = time.perf_counter()
    with _LOCK:
        profiles = _profiles(programme)
        progress(0, 1, _("Reading profiles"))
        vectors, embedded = vectors_for(
            texts=[t for p in profiles for t in p.texts], progress=progress
        )
        progress(0, 1, _("Scoring pairs"))
        feedback, rules = _feedback(programme), programme_rules(programme)
        index = build(profiles, vectors=vectors, feedback=feedback, rules=rules, k=TOP_K)
        units = build_opportunities(
            profiles, vectors=vectors, feedback=feedback, rules=rules, k=TOP_K, queries=False
        )
        ids = [p.id for p in profiles]
        with transaction.atomic():
            Recommendation.objects.filter(programme=programme).delete()
            lists = _store_lists(programme, index, units, ids, progress)
            run = MatchingRun.objects.create(
                programme=programme,
                organisations=len(profiles),
                texts_embedded=embedded,
                seconds=time.perf_counter() - started,
            )
        _INDEXES[programme.pk] = _Cached(str(run.token), index, units)
    return RecomputeResult(True, len(ids), lists, embedded, time.perf_counter() - started)


def recompute_changes(*, programme: Programme, progress: Progress = _silent) -> RecomputeResult:
    """Bring the lists up to date with what changed since the index was built: changed profiles
    get their own lists and their counterparts' lists redone, nobody else's."""
    started = time.perf_counter()
    with _LOCK:
        cached = _current_index(programme)
        if cached is None:
            return recompute_full(programme=programme, progress=progress)
        index, units = cached.index, cached.units
        profiles = {p.id: p for p in _profiles(programme)}
        changed_profiles = [p for p in profiles.values() if index.profiles.get(p.id) != p]
        vectors, embedded = vectors_for(texts=[t for p in changed_profiles for t in p.texts])
        changed: set[OrgId] = set()
        for gone in [i for i in index.profiles if i not in profiles]:
            changed |= remove_profile(index, gone) | remove_organisation(units, gone)
        for profile in changed_profiles:
            changed |= update_profile(index, profile, vectors=vectors)
            changed |= update_organisation(units, profile, vectors=vectors)
        changed |= _sync_feedback(index, units, programme)
        ids = sorted(i for i in changed if i in profiles)
        with transaction.atomic():
            Recommendation.objects.filter(programme=programme, organisation_id__in=ids).delete()
            lists = _store_lists(programme, index, units, ids, progress)
    return RecomputeResult(False, len(ids), lists, embedded, time.perf_counter() - started)


def _current_index(programme: Programme) -> _Cached | None:
    cached = _INDEXES.get(programme.pk)
    latest = MatchingRun.objects.filter(programme=programme).values_list("token", flat=True)
    token = latest.first()
    if cached is None or token is None or cached.token != str(token):
        return None
    return cached if cached.index.rules == programme_rules(programme) else None


def _sync_feedback(index: MatchIndex, units: OpportunityIndex, programme: Programme) -> set[OrgId]:
    wanted = {(f.viewer, f.candidate): f.verdict for f in _feedback(programme)}
    held = {(v, c): verdict for v, said in index.feedback.items() for c, verdict in said.items()}
    changed: set[OrgId] = set()
    for (viewer, candidate), verdict in wanted.items():
        if held.get((viewer, candidate)) != verdict and viewer in index.profiles:
            changed |= set_feedback(index, EngineFeedback(viewer, candidate, verdict))
            changed |= organisation_feedback(units, viewer, candidate, verdict)
    for viewer, candidate in held.keys() - wanted.keys():
        changed |= clear_feedback(index, viewer, candidate)
        changed |= organisation_feedback(units, viewer, candidate, None)
    return changed


# ---------------------------------------------------------------- storing lists


def _store_lists(
    programme: Programme,
    index: MatchIndex,
    units: OpportunityIndex,
    ids: list[OrgId],
    progress: Progress,
) -> int:
    """Recommendation rows for the organisations `ids` and their published opportunities."""
    now = timezone.now()
    rows: list[Recommendation] = []
    reasons = _Reasons(index, units)
    for done, org_id in enumerate(ids, start=1):
        found = _organisation_matches(index, units, org_id, reasons)
        rows += _rows(programme, org_id, None, found, now)
        for opportunity in index.profiles[org_id].opportunities:
            found = _opportunity_matches(index, units, org_id, opportunity.id, reasons)
            rows += _rows(programme, org_id, opportunity.id, found, now)
        if done % 25 == 0 or done == len(ids):
            progress(done, len(ids), _("Storing recommendations"))
    Recommendation.objects.bulk_create(rows, batch_size=1000)
    return len(ids) + sum(len(index.profiles[i].opportunities) for i in ids)


class _Reasons:
    """The reasons of each pair explained in one run, worked out once: an opportunity pair behind
    an organisation's entry is usually in that opportunity's own list too. The indexes do not
    change while a run stores its lists."""

    def __init__(self, index: MatchIndex, units: OpportunityIndex) -> None:
        self.of_organisations = Explainer(index)
        self.of_units = Explainer(units.index)


@dataclass(frozen=True)
class _Match:
    candidate: Profile
    score: float
    reasons: tuple[Reason, ...]


def _organisation_matches(
    index: MatchIndex, units: OpportunityIndex, org_id: OrgId, explained: _Reasons
) -> list[_Match]:
    """The list built from the organisation's opportunities' matches; each entry explained by the
    pair of opportunities behind its score (or by the organisations where their blend won)."""
    found = []
    for pair in organisation_pairs(units, index, org_id, k=TOP_K):
        if pair.mine is None or pair.theirs is None:
            reasons = explained.of_organisations.reasons(org_id, pair.candidate)
        else:
            reasons = explained.of_units.reasons(pair.mine, pair.theirs)
        found.append(_Match(index.profiles[pair.candidate], pair.score, reasons))
    return found


def _opportunity_matches(
    index: MatchIndex,
    units: OpportunityIndex,
    org_id: OrgId,
    opportunity_id: OrgId,
    explained: _Reasons,
) -> list[_Match]:
    mine = unit_id(org_id, opportunity_id)
    reasons = explained.of_units.reasons
    return [
        _Match(index.profiles[r.candidate], r.score, reasons(mine, r.unit))
        for r in opportunity_ranked(units, org_id, opportunity_id)[:TOP_K]
    ]


def _rows(
    programme: Programme,
    org_id: OrgId,
    opportunity_id: OrgId | None,
    found: Iterable[_Match],
    now: dt.datetime,
) -> list[Recommendation]:
    return [
        Recommendation(
            programme=programme,
            organisation_id=org_id,
            candidate_id=match.candidate.id,
            opportunity_id=opportunity_id,
            score=round(float(match.score), 4),
            rank=rank,
            reasons=[r.as_dict() for r in match.reasons],
            computed_at=now,
        )
        for rank, match in enumerate(found, start=1)
    ]


# ---------------------------------------------------------------- jobs


def recompute_enqueue(*, programme: Programme, by: User | None, full: bool) -> JobProgress:
    """Start a recompute in the background; the returned job shows its progress. A full one
    first embeds the texts missing from the cache in chunks that several workers take at once."""
    from twinning.matching.tasks import recompute_in_chunks, recompute_matches  # tasks import us

    kind = "matching.recompute" if full else "matching.refresh"
    job = job_start(kind=kind, label=programme.slug, by=by)
    follow = recompute_in_chunks if full else recompute_matches
    arguments = {"full": True} if follow is recompute_matches else {}
    follow.enqueue(programme_slug=programme.slug, job_id=job.pk, **arguments)
    return job


def embed_chunk_size() -> int:
    """Texts per background chunk (``MATCHING_EMBED_CHUNK``, 128 by default: two batches of
    the model): small enough that the demo's 576 texts make five chunks for several workers
    to share, large enough that the model's batches stay full."""
    return max(1, settings.MATCHING_EMBED_CHUNK)


def recompute_split(*, programme_slug: str, job_id: int) -> int:
    """Queue the programme's uncached texts as embedding chunks, one progress bar over them all;
    the chunk that completes the bar queues the scoring. Returns the number of chunks."""
    from twinning.matching.tasks import embed_texts, recompute_matches  # tasks import us

    programme = programme_get(slug=programme_slug)
    if programme is None:
        raise ValueError(f"no programme {programme_slug!r}")
    texts = [t for p in _profiles(programme) for t in p.texts]
    cached = _cached_vectors(sorted({embeddings.text_key(t) for t in texts}))
    todo = embeddings.missing(texts, cached)
    size = embed_chunk_size()
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    if len(chunks) < 2:
        recompute_matches.enqueue(programme_slug=programme_slug, job_id=job_id, full=True)
        return 0
    job_update(job_id=job_id, done=0, total=len(todo), message=_("Embedding texts"))
    for chunk in chunks:
        embed_texts.enqueue(programme_slug=programme_slug, job_id=job_id, texts=chunk)
    return len(chunks)


def embed_chunk(*, programme_slug: str, job_id: int, texts: list[str]) -> bool:
    """Embed one chunk into the cache and move the bar; the last chunk queues the scoring.
    Returns whether this chunk was the last."""
    from twinning.matching.tasks import recompute_matches  # tasks import us

    _store_vectors(embeddings.embed(texts))
    done, total = job_advance(job_id=job_id, by=len(texts), message=_("Embedding texts"))
    if done < total:
        return False
    recompute_matches.enqueue(programme_slug=programme_slug, job_id=job_id, full=True)
    return True


def profile_changed(*, programme: Programme) -> None:
    """Queue one incremental refresh of the programme's lists once the transaction commits.

    Called by the organisations services whenever what matching reads changes; many changes in
    one transaction (an import, the demo) still queue a single refresh, and a rolled-back
    transaction queues none. Every change registers a commit callback (Django drops them all on
    a rollback); the programme is marked as changed for this thread, and the first callback to
    run after the commit clears the mark and queues the refresh, so the others find nothing to do.
    A mark left by a rolled-back transaction only means the next commit refreshes, as it would.
    """
    changed = _changed_programmes()
    changed.add(programme.pk)

    def enqueue() -> None:
        if programme.pk in changed:
            changed.discard(programme.pk)
            recompute_enqueue(programme=programme, by=None, full=False)

    transaction.on_commit(enqueue)


_pending = threading.local()


def _changed_programmes() -> set[int]:
    if not hasattr(_pending, "programmes"):
        _pending.programmes = set()
    return _pending.programmes  # type: ignore[no-any-return]


def recompute_with_job(*, programme_slug: str, job_id: int, full: bool) -> dict[str, Any]:
    """Run a recompute, writing its progress and outcome (or failure) to the job."""

    def report(done: int, total: int, message: str) -> None:
        job_update(job_id=job_id, done=done, total=max(total, 1), message=message)

    try:
        programme = programme_get(slug=programme_slug)
        if programme is None:
            raise ValueError(f"no programme {programme_slug!r}")
        run = recompute_full if full else recompute_changes
        result = run(programme=programme, progress=report).as_dict()
    except Exception as error:
        job_finish(job_id=job_id, result={"error": str(error)[:300]}, failed=True)
        raise
    job_finish(job_id=job_id, result=result)
    return result


# ---------------------------------------------------------------- feedback


@transaction.atomic
def feedback_set(
    *, organisation: Organisation, candidate: Organisation, kind: str, by: User
) -> Feedback:
    """Record what the organisation thinks of a candidate. "Not interested" takes the candidate
    off all of the organisation's lists at once; the next recompute fills the gap."""
    require(by, "matching.give_feedback", organisation)
    if (
        candidate.programme_id != organisation.programme_id
        or candidate.side_id == organisation.side_id
    ):
        raise ValidationError(_("Feedback is for partners on the other side of the programme."))
    if kind not in Feedback.Kind.values:
        raise ValidationError(_("Unknown kind of feedback."))
    feedback, _created = Feedback.objects.update_or_create(
        organisation=organisation, candidate=candidate, defaults={"kind": kind, "by": by}
    )
    if kind == Feedback.Kind.NOT_INTERESTED:
        Recommendation.objects.filter(organisation=organisation, candidate=candidate).delete()
    return feedback


@transaction.atomic
def feedback_clear(*, organisation: Organisation, candidate: Organisation, by: User) -> None:
    require(by, "matching.give_feedback", organisation)
    Feedback.objects.filter(organisation=organisation, candidate=candidate).delete()
