"""Import from the browser: paste URLs or upload files, and watch each article's result.

The results page is streamed: each article's row is sent as the importer
yields it, so a browser shows progress without any script. Uploads are
bounded (``UPLOAD_LIMIT`` a request); URLs go through the library's fetcher,
which refuses private and local addresses.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from quotes.errors import QuotesError
from quotes.services.importing import ImportResult, ImportSummary, import_articles
from quotes.sources.fetch import is_url
from quotes.web.common import check_csrf, database, render, require_edit, templates

UPLOAD_LIMIT = 20 * 1024 * 1024
MAX_FILES = 50


def import_page(request: Request) -> Response:
    require_edit(request)
    return render(request, "import.html", {"limit_mb": UPLOAD_LIMIT // (1024 * 1024)})


async def run_import(request: Request) -> Response:
    require_edit(request)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > UPLOAD_LIMIT:
        raise HTTPException(
            413, f"Too large: at most {UPLOAD_LIMIT // (1024 * 1024)} MB a request."
        )
    form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=UPLOAD_LIMIT)
    check_csrf(request, form)
    urls = [line.strip() for line in str(form.get("urls", "")).splitlines() if line.strip()]
    bad = [url for url in urls if not is_url(url)]
    if bad:
        raise HTTPException(400, f"Not an http(s) URL: {bad[0]}")
    folder = Path(tempfile.mkdtemp(prefix="quotes-upload-"))
    names: dict[str, str] = {}
    try:
        total = 0
        for index, upload in enumerate(form.getlist("files")):
            if not isinstance(upload, UploadFile) or not upload.filename:
                continue
            data = await upload.read()
            total += len(data)
            if total > UPLOAD_LIMIT:
                raise HTTPException(413, "Too large: the files add up to more than the limit.")
            # Only the file's own name, never a path the browser sent.
            safe = Path(upload.filename).name or f"upload-{index}"
            target = folder / f"{index:03d}-{safe}"
            target.write_bytes(data)
            names[str(target)] = safe
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    sources = [*names, *urls]
    if not sources:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(400, "Nothing to import: paste a URL or choose files.")
    return StreamingResponse(
        _stream(request, sources, names, folder), media_type="text/html; charset=utf-8"
    )


def _stream(
    request: Request, sources: list[str], names: dict[str, str], folder: Path
) -> Iterator[str]:
    head, row, tail = (
        templates.get_template(name)
        for name in ("_import_head.html", "_import_row.html", "_import_tail.html")
    )
    summary = ImportSummary()
    failure = None
    try:
        yield head.render(request=request, count=len(sources))
        try:
            for result in import_articles(database(request), sources):
                summary.add(result)
                yield row.render(result=_shown(result, names))
        except QuotesError as exc:  # the database itself refused: the rest cannot go on
            failure = str(exc)
        yield tail.render(summary=summary, failure=failure)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _shown(result: ImportResult, names: dict[str, str]) -> dict[str, object]:
    """The result as the schema's import result, the upload named as the person named it."""
    shown = dict(result.to_json())
    for path, name in names.items():
        source = str(shown["source"])
        if source.startswith(path):
            shown["source"] = name + source[len(path) :]
    return shown


routes = [
    Route("/import", import_page),
    Route("/import", run_import, methods=["POST"]),
]
