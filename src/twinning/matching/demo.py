"""Demo step: every organisation's and opportunity's recommended partners, computed once.

Embeddings land in the cache table, so loading the demo again (or the nightly recompute) only
embeds texts that changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from twinning.matching import services
from twinning.matching.models import Recommendation

if TYPE_CHECKING:
    from twinning.demo.steps.base import DemoContext, Tally


def load(context: DemoContext) -> Tally:
    from twinning.demo.steps.base import Tally

    if Recommendation.objects.filter(programme=context.programme).exists():
        return Tally(existing=1)
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
