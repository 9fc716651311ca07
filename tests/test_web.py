"""quotes serve, route by route, with Starlette's TestClient, on SQLite and PostgreSQL.

The fixture is a small newsroom of made-up wire copy, with one article whose
text, speaker and outlet are hostile markup: every page must show it as text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from starlette.testclient import TestClient
from uvicorn.importer import import_from_string as import_string

from quotes.cli import cli
from quotes.services import stance as stances
from quotes.services.schema import FIELDS
from quotes.storage.database import Database
from quotes.storage.models import MergeSuggestion, Speaker, Statement
from quotes.web.app import SERVE_DATABASE, SERVE_EDIT, create_app
from quotes.web.routes import imports
from tests.quote_fixtures import Said, publish
from tests.test_statements import DAY, PARAPHRASE, PESKOV, PESKOV_FULL, middle_band
from tests.topic_fixtures import GRAIN, NEUTRAL, OPEN, REJECT, build_positions, statement_id

JETTY = "No boat will leave the eastern jetty until the divers have checked the hull."
SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_TEXT = f"We said {SCRIPT} and {IMG} at the harbour meeting on the eastern jetty."
HOSTILE_NAME = f"Ivo Marsh {IMG}"
HOSTILE_OUTLET = f"Gazette {SCRIPT}"


@pytest.fixture
def newsroom(database: Database) -> Database:
    publish(database, "Coast Wire", DAY, Said(JETTY, "Ilse Varga", role="board chair"))
    publish(database, "Bay Daily", DAY, Said(JETTY, "Ilse Varga"))
    publish(database, HOSTILE_OUTLET, DAY, Said(HOSTILE_TEXT, HOSTILE_NAME))
    band = middle_band(PARAPHRASE, PESKOV_FULL)
    publish(database, "A", DAY, Said(PESKOV_FULL, PESKOV))
    publish(database, "B", DAY, Said(PARAPHRASE, PESKOV), **band)
    return database


def client(database: Database, *, edit: bool = False) -> TestClient:
    return TestClient(create_app(database, edit=edit), raise_server_exceptions=False)


def ids(database: Database) -> dict[str, int]:
    with database.session() as session:
        statements = {s.canonical_text: s.id for s in session.scalars(select(Statement)).all()}
        speakers = {s.name: s.id for s in session.scalars(select(Speaker)).all()}
        suggestion = session.scalars(select(MergeSuggestion.id)).one()
    jetty = next(i for text, i in statements.items() if "eastern jetty until" in text)
    hostile = next(i for text, i in statements.items() if "harbour meeting" in text)
    varga = speakers["Ilse Varga"]
    hostile_speaker = next(i for name, i in speakers.items() if "Ivo" in name)
    return {
        "jetty": jetty,
        "hostile": hostile,
        "varga": varga,
        "hostile_speaker": hostile_speaker,
        "suggestion": suggestion,
    }


def no_markup_escaped(body: str) -> None:
    """The hostile markup is on the page as text, never as markup."""
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "onerror=alert(1)>" not in body.replace("onerror=alert(1)&gt;", "")


def test_search_statement_and_speaker_pages(newsroom: Database) -> None:
    found = ids(newsroom)
    web = client(newsroom)
    for path in ("/", "/search"):
        page = web.get(path)
        assert page.status_code == 200 and 'name="q"' in page.text
        assert "csrf_token" not in page.text  # read-only: no forms that write
    page = web.get("/search", params={"q": "boats leaving the jetty before divers check"})
    assert page.status_code == 200
    hit = page.text.split('<li class="hit">')[1]
    assert f'href="/statements/{found["jetty"]}"' in hit
    assert f'href="/speakers/{found["varga"]}">Ilse Varga</a>' in hit
    assert "<mark>jetty</mark>" in hit and "<mark>divers</mark>" in hit
    assert "2 outlets" in hit and str(DAY) in hit
    # Results as you type: the same results without the page around them.
    partial = web.get("/search", params={"q": "jetty divers"}, headers={"HX-Request": "true"})
    assert (
        partial.status_code == 200
        and "<!doctype" not in partial.text
        and "eastern <mark>jetty</mark>" in partial.text
    )
    # Filters narrow, and facets link to them.
    narrowed = web.get("/search", params={"q": "jetty", "outlet": "Bay Daily"})
    assert "eastern <mark>jetty</mark> until" in narrowed.text
    assert "/search?q=jetty" in page.text.replace("&amp;", "&") or "outlet=" in page.text
    none = web.get("/search", params={"q": "jetty", "since": "2030-01-01"})
    assert none.status_code == 200 and "No statement matches" in none.text

    statement = web.get(f"/statements/{found['jetty']}")
    assert statement.status_code == 200
    assert "Coast Wire" in statement.text and "Bay Daily" in statement.text
    assert "2 appearances in 2 outlets" in statement.text
    assert "https://coastwire.example/" in statement.text
    speaker = web.get(f"/speakers/{found['varga']}")
    assert speaker.status_code == 200 and "<svg" in speaker.text
    assert "board chair" in speaker.text and "eastern jetty" in speaker.text
    review = web.get("/review")
    assert review.status_code == 200 and PESKOV_FULL[:30] in review.text
    assert "Accept</button>" not in review.text  # read-only


def test_api_prints_the_cli_schema(newsroom: Database) -> None:
    found = ids(newsroom)
    web = client(newsroom)
    hits = web.get("/api/search", params={"q": "jetty divers", "speaker": "Ilse Varga"}).json()
    assert [list(hit) for hit in hits] == [FIELDS["search hit"]]
    assert hits[0]["statement_id"] == found["jetty"] and hits[0]["appearance_count"] == 2
    statement = web.get(f"/api/statements/{found['jetty']}").json()
    assert list(statement) == FIELDS["statement detail"]
    assert [list(a) for a in statement["appearances"]] == [FIELDS["appearance"]] * 2
    claim = web.get(f"/api/statements/{found['jetty']}.jsonld")
    assert claim.headers["content-type"].startswith("application/ld+json")
    assert claim.json()["@type"] == "Claim" and claim.json()["author"]["name"] == "Ilse Varga"
    speaker = web.get(f"/api/speakers/{found['varga']}").json()
    assert list(speaker) == FIELDS["speaker detail"] and speaker["name"] == "Ilse Varga"
    timeline = web.get("/api/timeline", params={"speaker": "Ilse Varga"}).json()
    assert [list(entry) for entry in timeline] == [FIELDS["timeline entry"]]
    assert timeline[0]["statement_id"] == found["jetty"]


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/statements/999999", 404, "statement 999999: no such statement"),
        ("/statements/abc", 404, "No such page"),
        ("/speakers/999999", 404, "no such speaker"),
        ("/nowhere", 404, "No such page"),
        ("/search?q=jetty&since=2025-13-45", 400, "since: &#39;2025-13-45&#39; is not a date"),
        ("/search?q=jetty&until=yesterday", 400, "is not a date"),
        ("/search?q=jetty&kind=shouted", 400, "kind"),
        ("/search?q=jetty&limit=0", 400, "limit"),
        ("/search?q=jetty&speaker=Nobody+Atall", 400, "no such speaker"),
        ("/api/statements/999999", 404, "no such statement"),
        ("/api/statements/999999.jsonld", 404, "no such statement"),
        ("/api/speakers/999999", 404, "no such speaker"),
        ("/api/search?q=", 400, "empty"),
        ("/api/search?q=jetty&since=03/04/2025", 400, "not a date"),
        ("/api/timeline", 400, "speaker"),
        ("/api/timeline?speaker=Ilse+Varga&until=soon", 400, "not a date"),
        ("/api/timeline?speaker=Nobody+Atall", 404, "no such speaker"),
    ],
)
def test_bad_ids_and_dates_say_why(newsroom: Database, path: str, status: int, says: str) -> None:
    response = client(newsroom).get(path)
    assert response.status_code == status, response.text
    assert says in response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "query",
    [
        SCRIPT,
        IMG,
        "' OR 1=1 --",
        "jetty AND NEAR(divers",
        '"unbalanced',
        "%_%",
        "a\x00b jetty",
        "🕊",
        "x" * 5000,
        "-jetty",
    ],
)
def test_hostile_search_text(newsroom: Database, query: str) -> None:
    web = client(newsroom)
    page = web.get("/search", params={"q": query})
    assert page.status_code == 200, page.text
    no_markup_escaped(page.text)
    api = web.get("/api/search", params={"q": query})
    assert api.status_code == 200 and isinstance(api.json(), list)


def test_the_hostile_article_is_text_everywhere(newsroom: Database) -> None:
    found = ids(newsroom)
    web = client(newsroom, edit=True)
    pages = [
        web.get("/search", params={"q": "harbour meeting jetty"}),
        web.get(f"/statements/{found['hostile']}"),
        web.get(f"/speakers/{found['hostile_speaker']}"),
        web.get("/review"),
    ]
    for page in pages:
        assert page.status_code == 200
        no_markup_escaped(page.text)
    assert "&lt;script&gt;" in pages[0].text and "&lt;script&gt;" in pages[1].text
    assert (
        "Ivo Marsh &#34;&gt;&lt;img" in pages[2].text
        or "Ivo Marsh &quot;&gt;&lt;img" in pages[2].text
    )
    # The SVG's titles too.
    svg = re.search(r"<svg.*?</svg>", pages[2].text, re.S)
    assert svg is not None and "&lt;script&gt;" in svg.group(0)


def test_no_stack_trace_reaches_a_page(newsroom: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr("quotes.web.routes.pages.get_statement", broken)
    monkeypatch.setattr("quotes.web.routes.api.get_statement", broken)
    web = client(newsroom)
    for path in ("/statements/1", "/api/statements/1"):
        response = web.get(path)
        assert response.status_code == 500
        assert "secret internals" not in response.text and "Traceback" not in response.text
        assert "went wrong" in response.text


def _token(web: TestClient, path: str = "/review") -> str:
    page = web.get(path)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match is not None, "no CSRF token on the page"
    return match.group(1)


def test_review_writes_only_with_edit_a_token_and_a_name(newsroom: Database) -> None:
    found = ids(newsroom)
    accept = f"/review/suggestions/{found['suggestion']}/accept"
    read_only = client(newsroom)
    assert read_only.post(accept, data={}).status_code == 403
    assert read_only.get("/import").status_code == 403

    web = client(newsroom, edit=True)
    token = _token(web)
    # No token, or another site's: refused.
    assert web.post(accept, data={}).status_code == 403
    assert web.post(accept, data={"csrf_token": "forged"}).status_code == 403
    # A token but no name: the change would not say who made it.
    response = web.post(accept, data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 400 and "who you are" in response.text
    response = web.post(
        "/who",
        data={"csrf_token": token, "who": "R. Editor", "next": "/review"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    response = web.post(accept, data={"csrf_token": token})
    assert response.status_code == 200 and "accepted by R. Editor" in response.text
    with newsroom.session() as session:
        target = session.get(MergeSuggestion, found["suggestion"])
        assert target is not None and target.status.value == "accepted"
        statement_id = target.statement_id
    page = web.get(f"/statements/{statement_id}")
    log = page.text.split("Change log")[1]
    assert "R. Editor" in log and "merge" in log
    # Twice is an error the person can read, not a crash.
    again = web.post(accept, data={"csrf_token": token})
    assert again.status_code == 400 and "already accepted" in again.text


def test_speaker_merge_and_split_from_the_review_page(newsroom: Database) -> None:
    web = client(newsroom, edit=True)
    token = _token(web)
    web.post("/who", data={"csrf_token": token, "who": "R. Editor"})
    response = web.post(
        "/review/speakers/merge",
        data={"csrf_token": token, "keep": "Ilse Varga", "other": PESKOV},
    )
    assert response.status_code == 200 and "merged into Ilse Varga by R. Editor" in response.text
    response = web.post(
        "/review/speakers/split",
        data={"csrf_token": token, "speaker": "Ilse Varga", "aliases": PESKOV, "name": PESKOV},
    )
    assert response.status_code == 200 and f"{PESKOV} (speaker" in response.text
    response = web.post(
        "/review/speakers/merge", data={"csrf_token": token, "keep": "Nobody", "other": PESKOV}
    )
    assert response.status_code == 404 and "no such speaker" in response.text


def test_import_uploads_with_results_and_limits(
    newsroom: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = client(newsroom, edit=True)
    token = _token(web, "/import")
    story = (
        "date 2026-04-03 Jetty\n\n"
        '"The ferry will not sail before the inspectors sign off," harbour master '
        "Petra Lind told reporters on Thursday.\n"
    )
    response = web.post(
        "/import",
        data={"csrf_token": token},
        files=[
            ("files", ("../../ferry.txt", story.encode(), "text/plain")),
            ("files", ("empty.html", b"<html><body></body></html>", "text/html")),
        ],
    )
    assert response.status_code == 200
    rows = re.findall(r'<tr class="status-(\w+)"><td>([^<]*)</td>', response.text)
    assert rows == [("new", "ferry.txt"), ("failed", "empty.html")]
    assert "Done: 2 read, 1 new" in response.text and "1 failed" in response.text
    assert "quotes-upload" not in response.text  # the server's folders are nobody's business
    hits = web.get("/api/search", params={"q": "ferry inspectors"}).json()
    assert hits and hits[0]["speaker"] == "Petra Lind"
    # Without the token, or too large: refused before anything is read.
    assert web.post("/import", files=[("files", ("a.txt", b"x", "text/plain"))]).status_code == 403
    monkeypatch.setattr(imports, "UPLOAD_LIMIT", 100)
    big = web.post(
        "/import",
        data={"csrf_token": token},
        files=[("files", ("big.txt", story.encode() * 5, "text/plain"))],
    )
    assert big.status_code == 413
    not_url = web.post("/import", data={"csrf_token": token, "urls": "file:///etc/passwd"})
    assert not_url.status_code == 400 and "Not an http(s) URL" in not_url.text


def test_serve_binds_to_this_machine_unless_told(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[dict[str, Any]] = []

    def run(app: Any, **options: Any) -> None:
        calls.append(options)

    monkeypatch.setattr("uvicorn.run", run)
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    result = CliRunner().invoke(cli, ["--db", database_url, "serve"])
    assert result.exit_code == 0, result.output
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 8000
    assert calls[-1]["workers"] == 3 and "3 worker processes" in result.output
    assert "127.0.0.1" in result.output and "this machine only" in result.output
    assert "read-only" in result.output
    result = CliRunner().invoke(cli, ["--db", database_url, "serve", "--host", "0.0.0.0", "--edit"])
    assert calls[-1]["host"] == "0.0.0.0" and "REACHABLE FROM OTHER MACHINES" in result.output


def test_serve_workers_each_open_the_database(
    newsroom: Database, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.append((app, options)))
    # Restored after the test: the command names the database in the environment.
    monkeypatch.setenv(SERVE_DATABASE, "")
    monkeypatch.setenv(SERVE_EDIT, "")
    result = CliRunner().invoke(cli, ["--db", database_url, "serve", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "2 worker processes" in result.output and "read-only" in result.output
    factory, options = started[-1]
    assert options["workers"] == 2 and options["factory"] is True
    # What each worker builds: the same database, read-only as the command said.
    app = import_string(factory)()
    with TestClient(app, raise_server_exceptions=False) as web:
        page = web.get("/search", params={"q": "jetty divers"})
        assert page.status_code == 200 and "eastern <mark>jetty</mark>" in page.text
        review = web.get("/review")
        assert review.status_code == 200 and "Accept</button>" not in review.text


def test_the_name_form_sends_back_to_this_site_only(newsroom: Database) -> None:
    web = client(newsroom, edit=True)
    token = _token(web)
    for target, expected in [
        ("/statements/1", "/statements/1"),
        ("//evil.example/", "/review"),
        ("/\\evil.example", "/review"),
        ("https://evil.example/", "/review"),
    ]:
        response = web.post(
            "/who",
            data={"csrf_token": token, "who": "R. Editor", "next": target},
            follow_redirects=False,
        )
        assert response.status_code == 303 and response.headers["location"] == expected


def test_a_url_import_from_the_browser_refuses_this_machine(newsroom: Database) -> None:
    web = client(newsroom, edit=True)
    token = _token(web, "/import")
    response = web.post("/import", data={"csrf_token": token, "urls": "http://127.0.0.1:9/secret"})
    assert response.status_code == 200
    rows = re.findall(r'<tr class="status-(\w+)"><td>([^<]*)</td>', response.text)
    assert rows == [("failed", "http://127.0.0.1:9/secret")]
    assert "1 failed" in response.text


MARK = re.compile(r'<a href="/statements/(\d+)" class="mark" data-stance="(\w+)">(.*?)</a>', re.S)


def marks(page: str) -> list[tuple[int, str, bool]]:
    """(statement id, stance, marked as a change) of each mark of the timeline picture."""
    (picture,) = re.findall(r'<svg[^>]*class="timeline".*?</svg>', page, re.S)
    return [
        (int(found), stance, 'class="change"' in inside)
        for found, stance, inside in MARK.findall(picture)
    ]


def test_the_speaker_timeline_marks_a_change_of_stance(database: Database) -> None:
    """Open to a ceasefire on day 0, a neutral remark on day 3, rejecting it on
    day 9: the rejection is the one change; the grain statement on another topic
    is none. Once a person says the first statement opposed it too, no change."""
    build_positions(database)
    opened, neutral = statement_id(database, OPEN), statement_id(database, NEUTRAL)
    rejected, grain = statement_id(database, REJECT), statement_id(database, GRAIN)
    with database.session() as session:
        peskov = session.scalars(select(Statement.speaker_id).where(Statement.id == opened)).one()
    web = client(database)
    page = web.get(f"/speakers/{peskov}")
    assert page.status_code == 200
    assert sorted(marks(page.text)) == sorted(
        [
            (opened, "supports", False),
            (neutral, "neutral", False),
            (rejected, "opposes", True),
            (grain, "neutral", False),
        ]
    )
    (change,) = re.findall(r'<ul class="changes">(.*?)</ul>', page.text, re.S)
    assert f'href="/statements/{rejected}"' in change and "<b>ceasefire</b> now opposes" in change
    assert f'href="/statements/{opened}"' not in change
    entries = web.get("/api/timeline", params={"speaker": str(peskov)}).json()
    assert {(e["statement_id"], e["topic"]) for e in entries if e["change"]} == {
        (rejected, "ceasefire")
    }

    with database.session() as session:
        stances.set_stance(session, opened, "ceasefire", "opposes", by="ed")
    page = web.get(f"/speakers/{peskov}")
    assert (opened, "opposes", False) in marks(page.text)
    assert not any(changed for _, _, changed in marks(page.text))
    assert '<ul class="changes">' not in page.text
    entries = web.get("/api/timeline", params={"speaker": str(peskov)}).json()
    assert not any(e["change"] for e in entries)
