"""The readers of each format, and format detection."""

from __future__ import annotations

import datetime as dt

import pytest

from quotes.errors import SourceError
from quotes.sources import ArticleInput, content_hash
from quotes.sources.detect import format_from_content_type, format_from_name, sniff
from quotes.sources.html import parse_html
from quotes.sources.jsonl import parse_json, parse_jsonl_lines
from quotes.sources.text import parse_text

PESKOV = (
    '"We will not sign this agreement," Kremlin spokesman Dmitry Peskov told reporters on Monday.'
)


def test_text_with_a_wire_header() -> None:
    article = parse_text(f"date 2026-03-02 Kremlin rejects draft\n\n{PESKOV}\n", "a.txt")
    assert article.published == dt.date(2026, 3, 2)
    assert article.title == "Kremlin rejects draft"
    assert article.text == PESKOV


def test_text_without_a_header_takes_the_first_line_as_title() -> None:
    article = parse_text(f"Kremlin rejects draft\r\n{PESKOV}\r\n", "a.txt")
    assert (article.title, article.published, article.text) == (
        "Kremlin rejects draft",
        None,
        PESKOV,
    )


def test_text_of_one_paragraph_has_no_title() -> None:
    assert parse_text(PESKOV, "a.txt") == ArticleInput(text=PESKOV, origin="a.txt")


@pytest.mark.parametrize("text", ["", "  \n\n ", "date 2026-03-02 Only a header\n"])
def test_text_without_a_body_is_refused(text: str) -> None:
    with pytest.raises(SourceError, match="no article text"):
        parse_text(text, "a.txt")


def test_text_with_a_bad_header_date_is_refused() -> None:
    with pytest.raises(SourceError, match="2026-02-30"):
        parse_text(f"date 2026-02-30 Title\n{PESKOV}", "a.txt")


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Kremlin rejects draft | Northwind Daily</title>
<meta property="og:site_name" content="Northwind Daily">
<meta property="og:title" content="Kremlin rejects draft">
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2026-03-02T10:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Kremlin rejects draft</h1><p>{body}</p>
<p>Ukrainian President Volodymyr Zelensky said on Sunday that Kyiv was ready for a ceasefire.</p>
</article><footer>Copyright Northwind</footer></body></html>"""


def test_html_main_text_and_metadata() -> None:
    article = parse_html(PAGE.format(body=PESKOV), "p.html", url="https://www.northwind.example/a")
    assert article.text.startswith(PESKOV)
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.title == "Kremlin rejects draft"
    assert article.outlet == "Northwind Daily"
    assert article.author == "Maria Lindqvist"
    assert article.published == dt.date(2026, 3, 2)
    assert article.url == "https://www.northwind.example/a"


@pytest.mark.parametrize(
    "body",
    [
        "",
        "<nav>menu</nav>",
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/contact'>Contact</a></nav>",
        "<div>Accept cookies</div><div>Sign in</div>",
    ],
)
def test_html_page_without_an_article_is_refused(body: str) -> None:
    page = f"<html><head><title>Sign in</title></head><body>{body}</body></html>"
    with pytest.raises(SourceError, match=r"^login\.html: no article text found$"):
        parse_html(page, "login.html")


def test_a_short_html_brief_is_an_article() -> None:
    page = '<html><body><p>"The pier stays shut," Kovac said.</p></body></html>'
    assert parse_html(page, "brief.html").text == '"The pier stays shut," Kovac said.'


def test_json_object_and_array() -> None:
    one = list(parse_json('{"text": "Peskov spoke.", "published": "2026-03-02T09:00:00Z"}', "a"))
    assert one == [ArticleInput(text="Peskov spoke.", origin="a", published=dt.date(2026, 3, 2))]
    many = list(parse_json('[{"text": "one", "outlet": "Wire"}, {"title": "no text"}]', "b.json"))
    assert isinstance(many[0], ArticleInput) and many[0].outlet == "Wire"
    assert str(many[1]) == 'b.json[1]: no "text"'


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ("{", "not valid JSON"),
        ("[]", "empty JSON array"),
        ('"text"', "expected a JSON object, found a string"),
        ('{"text": 5}', '"text" is not a string'),
        ('{"text": "  "}', '"text" is empty'),
        ('{"text": "x", "published": "Monday"}', "is not an ISO date"),
        ('{"text": "x", "url": 7}', '"url" is not a string'),
    ],
)
def test_bad_json_is_refused_with_a_reason(document: str, reason: str) -> None:
    (error,) = parse_json(document, "a.json")
    assert isinstance(error, SourceError) and reason in error.reason


def test_jsonl_bad_line_fails_alone_with_its_number() -> None:
    lines = [b'{"text": "first"}\n', b"\n", b'{"text": broken\n', b'{"text": "fourth"}\n']
    results = list(parse_jsonl_lines(enumerate(lines, 1), "feed.jsonl"))
    assert [r.text for r in results if isinstance(r, ArticleInput)] == ["first", "fourth"]
    (error,) = [r for r in results if isinstance(r, SourceError)]
    assert error.source == "feed.jsonl:3" and "not valid JSON" in error.reason


def test_a_json_file_holding_several_objects_is_read_as_jsonl() -> None:
    results = list(parse_json('{"text": "a"}\n{"text": "b"}\n', "x.json"))
    assert [r.origin for r in results if isinstance(r, ArticleInput)] == ["x.json:1", "x.json:2"]


def test_detection() -> None:
    assert format_from_name("a/B.HTM") == "html" and format_from_name("x.ndjson") == "jsonl"
    assert format_from_name("https://x.example/feed.jsonl?page=2") == "jsonl"
    assert format_from_name("README") is None
    assert format_from_content_type("text/html; charset=utf-8") == "html"
    assert sniff(b"  <!doctype html><html>") == "html"
    assert sniff(b'{"text": "a"}\n{"text": "b"}\n') == "jsonl"
    assert sniff(b'{\n  "text": "a"\n}') == "json"
    assert sniff(b'[{"text": "a"}]') == "json"
    assert sniff(b"date 2026-03-02 Title\nBody") == "text"
    assert sniff("<html><body>x</body></html>".encode("utf-16")) == "html"


def test_content_hash_ignores_wrapping_and_composition() -> None:
    assert content_hash("Peskov  said\n“no”.") == content_hash("Peskov said “no”. ")
    assert content_hash("café") == content_hash("cafe\u0301")
    assert content_hash("Peskov said no.") != content_hash("Peskov said yes.")
