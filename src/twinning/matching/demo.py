"""Demo step: every organisation's and opportunity's recommended partners, computed once.

Embeddings land in the cache table, so loading the demo again (or the nightly recompute) only
embeds texts that changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from twinning.matching import services
from twinning.matching.models import Recommendation

if TYPE_CHECKING:
    from twinning.demo.steps.base import DemoContext, Tally

# Vectors of the demo's texts, shipped so that `make run` needs no embedding; regenerate with
# `manage.py embeddings_export src/twinning/matching/data/demo_embeddings.npz --programme SLUG`.
# Texts the file lacks (edited demo content, another model version) are embedded as usual.
DEMO_EMBEDDINGS = Path(__file__).resolve().parent / "data" / "demo_embeddings.npz"


def load(context: DemoContext) -> Tally:
    from twinning.demo.steps.base import Tally

    if Recommendation.objects.filter(programme=context.programme).exists():
        return Tally(existing=1)
    if DEMO_EMBEDDINGS.exists():
        services.embeddings_import(path=DEMO_EMBEDDINGS)
    last = [-1]

    def report(done: int, total: int, message: str) -> None:
        # A line per phase and every tenth of the way, not per batch.
        step = int(10 * done / max(total, 1))
        if step != last[0]:
            last[0] = step
            context.report(f"  {message}: {done}/{total}")

    result = services.recompute_full(programme=context.programme, progress=report)
    context.report(
        f"  {result.organisations} organisations, {result.lists} lists, "
        f"{result.embedded} texts embedded, {result.seconds:.1f} s"
    )
    return Tally(created=result.lists)
