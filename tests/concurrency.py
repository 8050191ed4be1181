"""Real concurrent connections: two people acting at the same moment.

Only PostgreSQL can run two writers at once; SQLite serialises every writer, so there is no race
to test there and tests marked with `CONCURRENT` are skipped.
"""

import threading
import time

import pytest
from django.db import connection, connections

CONCURRENT = [
    pytest.mark.integration,
    # serialized_rollback restores the reference data (sides, regions) the flush would remove.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite takes one writer at a time, so there is no race to test",
    ),
]


# Each write waits this long first: a read-check-write without a lock is then always overtaken by
# the other thread between its check and its write, so a missing lock fails every time, not once
# in a while.
WRITE_DELAY = 0.1
WRITES = ("INSERT", "UPDATE", "DELETE")


def _slow_writes(execute, sql, params, many, context):
    if sql.lstrip().upper().startswith(WRITES):
        time.sleep(WRITE_DELAY)
    return execute(sql, params, many, context)


def at_once(*actions):
    """Run the actions in parallel threads, each on its own connection; return the outcomes.

    An action that raises gives its exception as its outcome, whatever it is: a deadlock or an
    integrity error must show in the test, not vanish in a thread.
    """
    barrier = threading.Barrier(len(actions))
    outcomes: list[object] = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            with connection.execute_wrapper(_slow_writes):
                outcomes[index] = action()
        except Exception as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def refused(outcomes, kind=Exception) -> int:
    """How many outcomes are exceptions of `kind`; anything else raised fails the test."""
    unexpected = [o for o in outcomes if isinstance(o, Exception) and not isinstance(o, kind)]
    assert not unexpected, unexpected
    return sum(isinstance(o, kind) for o in outcomes)
