"""Score the extractor on a PolNeAR-style folder with the shared scorer, in-process.

Runs ``score_attribution.py``'s own ``main()`` (its gold loading, matching,
speaker, name and date rules, and its output), so there is one scoring rule;
only the ``quotes ...`` command it starts once per article runs inside this
process instead of a new interpreter, which scores the 840 train articles in
well under a minute. The lines printed are the scorer's own.

    python benchmarks/score_polnear.py \
        ../shared/tools/score_attribution.py ../shared/data/polnear/dev
    python benchmarks/score_polnear.py SCORER GOLD_DIR --limit 50 --json
    python benchmarks/score_polnear.py SCORER GOLD_DIR --check 20

``--check N`` scores the first N articles both ways, in-process and with the
scorer's own subprocess per article, and fails unless the two print the same.
Any option besides SCORER and ``--check`` is passed to the scorer as is.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import subprocess
import sys
import time
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from click.testing import CliRunner

from quotes.cli import cli


def load_scorer(path: str) -> Any:
    """The shared scorer, loaded as a module from its file."""
    spec = importlib.util.spec_from_file_location("score_attribution", path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_in_process(args: Sequence[str], **options: Any) -> subprocess.CompletedProcess[str]:
    """``subprocess.run`` for the scorer: a ``quotes ...`` command runs here."""
    argv = list(args)
    if argv[0] != "quotes":
        return subprocess.run(argv, **options)  # any other command runs as the scorer would
    result = CliRunner().invoke(cli, argv[1:])
    return subprocess.CompletedProcess(argv, result.exit_code, result.stdout, result.stderr)


def _score(scorer_path: str, scorer_args: list[str], *, in_process: bool) -> str:
    """What the scorer prints for these arguments."""
    scorer = load_scorer(scorer_path)
    if in_process:
        scorer.subprocess = SimpleNamespace(run=_run_in_process)
    printed = io.StringIO()
    saved = sys.argv
    sys.argv = [scorer_path, *scorer_args]
    try:
        with contextlib.redirect_stdout(printed):
            scorer.main()
    finally:
        sys.argv = saved
    return printed.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scorer", help="path of score_attribution.py")
    parser.add_argument("--check", type=int, default=0, metavar="N")
    args, scorer_args = parser.parse_known_args()
    if args.check:
        scorer_args = [*scorer_args, "--limit", str(args.check)]
        ours = _score(args.scorer, scorer_args, in_process=True)
        theirs = _score(args.scorer, scorer_args, in_process=False)
        print(ours, end="")
        if ours != theirs:
            print("DIFFERS from the subprocess scorer:\n" + theirs, end="")
            sys.exit(1)
        print(f"same as the subprocess scorer on {args.check} articles")
        return
    started = time.process_time()
    print(_score(args.scorer, scorer_args, in_process=True), end="")
    print(f"cpu_seconds={time.process_time() - started:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
