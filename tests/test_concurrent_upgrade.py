"""Many importers starting at once on a new database upgrade it exactly once."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy.engine import URL

from quotes.storage.database import open_database
from quotes.storage.migrate import current_revision, head_revision
from tests.conftest import BACKENDS

OPEN_AND_REPORT = """
import sys
from quotes.storage.database import open_database
from quotes.storage.migrate import current_revision
database = open_database(sys.argv[1])
print(current_revision(database.engine))
database.close()
"""


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_concurrent_processes_upgrade_a_new_database_once(empty_database_url: URL) -> None:
    url = empty_database_url.render_as_string(hide_password=False)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AND_REPORT, url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    assert [out.strip() for out, _err in outputs] == [head_revision()] * 4


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_concurrent_threads_upgrade_a_new_database_once(empty_database_url: URL) -> None:
    def open_and_report(_: int) -> str | None:
        database = open_database(empty_database_url)
        try:
            return current_revision(database.engine)
        finally:
            database.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(open_and_report, range(4))) == [head_revision()] * 4
