"""Tests for graphkit.readers: each format, detection by content, folders, and every bad input."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from graphkit.errors import InputError
from graphkit.readers import detect_format, read_article, read_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
DEV_ARTICLES = SHARED / "eval" / "dev" / "articles"

FRONT_MATTER = """---
title: "Verdant Cells raises EUR 12 million Series A"
excerpt: "Northwind Capital led the round in the battery start-up."
publishedDateTime: 2023-05-04T09:30:00Z
webUrl: "https://news.example/verdant"
provider:
  name: Example Wire
  domain: news.example
related:
  - title: "Battery maker Verdant Cells lands Series A"
    excerpt: "Harbor Ventures also joined."
    publishedDateTime: 2023-05-05T08:00:00Z
    webUrl: "https://other.example/verdant"
    provider:
      name: Other Daily
---

Verdant Cells said the money pays for a pilot line in Ghent.
"""

SCRAPED = """Advertisement
Energy storage
Get more with our app
Verdant Cells raises EUR 12 million Series A
Thursday, 2023 May 4

Verdant Cells, a Belgian battery start-up, raised EUR 12 million in a round led by
Northwind Capital, the company said.
Photo: Example Agency/Jane Roe
Follow Example Wire on Twitter
Harbor Ventures and Copperleaf Fund also took part.

Verdant Cells competes with Lumen Storage.
Stay up to date with the latest deals in the Example Wire Weekly newsletter.
Copy link
Advertisement
Markets
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Verdant Cells raises money | Example Wire</title>
<meta property="og:title" content="Verdant Cells raises EUR 12 million Series A">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2023-05-04T09:30:00+02:00">
<link rel="canonical" href="https://news.example/verdant">
<script>var tracking = "Northwind Capital invests";</script></head>
<body><header><nav><a href="/">Home</a><a href="/deals">Deals</a></nav></header>
<aside><p>Most read: Lumen Storage hires a new chief executive officer this week.</p></aside>
<div class="story"><h1>Verdant Cells raises EUR 12 million Series A</h1>
<p>Verdant Cells raised EUR 12 million in a round led by <b>Northwind Capital</b>.</p>
<p>Harbor Ventures also took part.</p></div>
<footer><p>Copyright Example Wire. All rights reserved, every single one of them.</p></footer>
<form><input name="email"><p>Sign up for our newsletter today</p></form></body></html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def errors_of(paths) -> list[str]:
    return [str(result.error) for result in read_paths(paths) if result.error]


def test_front_matter_main_section_and_related_sections(tmp_path):
    article = read_article(write(tmp_path, "verdant.md", FRONT_MATTER))
    assert article.id == "verdant"
    assert article.title == "Verdant Cells raises EUR 12 million Series A"
    assert article.published == "2023-05-04"
    assert article.source == "Example Wire"
    assert article.url == "https://news.example/verdant"
    main, related = article.sections
    assert main.text.split("\n\n") == [
        "Verdant Cells raises EUR 12 million Series A",
        "Northwind Capital led the round in the battery start-up.",
        "Verdant Cells said the money pays for a pilot line in Ghent.",
    ]
    assert related.url == "https://other.example/verdant"
    assert related.published == "2023-05-05"
    assert related.text == "Battery maker Verdant Cells lands Series A\n\nHarbor Ventures also joined."


def test_plain_text_drops_boilerplate_and_keeps_paragraphs(tmp_path):
    article = read_article(write(tmp_path, "verdant.txt", SCRAPED))
    assert article.title == "Verdant Cells raises EUR 12 million Series A"
    assert article.published == "2023-05-04"
    paragraphs = article.text.split("\n\n")
    assert paragraphs == [
        "Verdant Cells raises EUR 12 million Series A",
        "Verdant Cells, a Belgian battery start-up, raised EUR 12 million in a round led by "
        "Northwind Capital, the company said.",
        "Harbor Ventures and Copperleaf Fund also took part.",
        "Verdant Cells competes with Lumen Storage.",
    ]


def test_plain_text_cuts_repeated_byline_and_author_blurb(tmp_path):
    text = (
        "Verdant Cells raises money\n\n"
        + "Verdant Cells raised EUR 12 million from Northwind.\n\n" * 1
        + "It will build a factory.\n\nThe plant opens next year.\n\n"
        + "Example Desk Writers\nExample Desk Writers\n"
        + "The desk covers the energy industry and its investors across Europe.\n"
    )
    article = read_article(write(tmp_path, "byline.txt", text))
    assert "desk covers" not in article.text
    assert article.text.endswith("The plant opens next year.")


def test_html_takes_story_not_navigation(tmp_path):
    article = read_article(write(tmp_path, "verdant.html", HTML_PAGE))
    assert article.title == "Verdant Cells raises EUR 12 million Series A"
    assert article.published == "2023-05-04"
    assert article.url == "https://news.example/verdant"
    assert article.source == "Example Wire"
    assert article.text.split("\n\n") == [
        "Verdant Cells raises EUR 12 million Series A",
        "Verdant Cells raised EUR 12 million in a round led by Northwind Capital.",
        "Harbor Ventures also took part.",
    ]
    for chrome in ("Home", "Most read", "Copyright", "Sign up", "tracking"):
        assert chrome not in article.text


def test_html_date_from_time_tag_and_main_element(tmp_path):
    page = (
        "<html><body><nav><p>Menu item one, menu item two, menu item three and more.</p></nav>"
        "<main><h1>Copperleaf backs Lumen</h1><time datetime='2022-11-30'>Nov 30</time>"
        "<p>Copperleaf Fund invested in Lumen Storage.</p></main></body></html>"
    )
    article = read_article(write(tmp_path, "lumen.htm", page))
    assert article.published == "2022-11-30"
    assert article.title == "Copperleaf backs Lumen"
    assert "Menu" not in article.text


def test_json_list_of_records(tmp_path):
    records = [
        {
            "title": "Lumen Storage raises seed",
            "body": "Copperleaf Fund led the seed.",
            "date": "2021-02-01",
            "url": "https://x.example/1",
            "source": "X News",
        },
        {
            "title": "Verdant Cells raises Series A",
            "content": "<p>Northwind led.</p><p>Harbor joined.</p>",
            "published": "March 3, 2023",
        },
    ]
    first, second = [
        result.article for result in read_paths([write(tmp_path, "deals.json", json.dumps(records))])
    ]
    assert (first.id, first.published, first.source, first.url) == (
        "deals-1",
        "2021-02-01",
        "X News",
        "https://x.example/1",
    )
    assert first.text == "Lumen Storage raises seed\n\nCopperleaf Fund led the seed."
    assert (second.id, second.published) == ("deals-2", "2023-03-03")
    assert second.text == "Verdant Cells raises Series A\n\nNorthwind led.\n\nHarbor joined."


def test_json_single_record(tmp_path):
    path = write(tmp_path, "one.json", json.dumps({"title": "A raises B", "text": "Alpha raised money."}))
    assert read_article(path).id == "one"


def test_jsonl_records_and_bad_line_reported(tmp_path):
    lines = [
        json.dumps({"title": "First deal", "text": "Alpha raised money."}),
        '{"title": "broken", "text": }',
        json.dumps({"title": "Third deal", "excerpt": "Gamma raised money.", "date": "2020-01-02"}),
    ]
    results = list(read_paths([write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")]))
    assert [result.article.id for result in results if result.ok] == ["feed-1", "feed-3"]
    assert results[2].article.published == "2020-01-02"
    [error] = [str(result.error) for result in results if result.error]
    assert "feed.jsonl" in error and "line 2" in error and "invalid JSON" in error


def test_jsonl_cut_off_last_line_keeps_the_good_records(tmp_path):
    lines = [json.dumps({"title": "First deal", "text": "Alpha raised money."}), "",
             json.dumps({"title": "Second deal", "text": "Beta raised money."}), '{"title": "Cut off", "te']
    results = list(read_paths([write(tmp_path, "truncated.jsonl", "\n".join(lines))]))
    assert [result.article.id for result in results if result.ok] == ["truncated-1", "truncated-2"]
    [error] = [str(result.error) for result in results if result.error]
    assert "truncated.jsonl: line 4, column 22: invalid JSON" in error
    assert "\n" not in error


def test_format_detected_by_content_not_extension(tmp_path):
    assert read_article(write(tmp_path, "page.txt", HTML_PAGE)).url == "https://news.example/verdant"
    assert read_article(write(tmp_path, "meta.txt", FRONT_MATTER)).source == "Example Wire"
    records = json.dumps([{"title": "T", "text": "Alpha raised money."}])
    assert read_article(write(tmp_path, "records.data", records)).id == "records-1"
    assert detect_format('{"title": "a"}\n{"title": "b"}\n', ".txt") == "jsonl"
    assert detect_format("[Updated] Alpha raises money", ".txt") == "text"


def test_folders_are_read_recursively_skipping_hidden(tmp_path):
    write(tmp_path, "a.txt", "Alpha raises money\n\nAlpha raised money from Beta.\n")
    write(tmp_path, "deeper/still/b.md", FRONT_MATTER)
    write(tmp_path, ".hidden.txt", "Hidden raises money\n\nHidden text.\n")
    write(tmp_path, ".git/c.txt", "Git raises money\n\nGit text.\n")
    ids = sorted(result.article.id for result in read_paths([tmp_path]))
    assert ids == ["a", "b"]


def test_same_file_given_twice_is_read_once(tmp_path):
    path = write(tmp_path, "a.txt", "Alpha raises money\n\nAlpha raised money from Beta.\n")
    assert len(list(read_paths([path, tmp_path]))) == 1


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "file is empty"),
        ("blank.txt", "  \n\n \n", "file is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\xe9 raises money".encode("latin-1"), "not valid UTF-8"),
        ("utf16.txt", "Acme raises money".encode("utf-16"), "UTF-16 text"),
        ("bad.md", '---\ntitle: "unclosed\nexcerpt: [1, 2\n---\nbody\n', "malformed YAML front matter"),
        ("open.md", "---\ntitle: no closing line\n", "malformed YAML front matter"),
        ("numbers.json", "[1, 2, 3]", "JSON is not an article record"),
        ("object.json", '{"nodes": [], "edges": []}', "JSON is not an article record"),
        ("broken.json", '{"title": "x", ', "invalid JSON"),
    ],
)
def test_bad_file_gives_one_line_reason_and_run_continues(tmp_path, name, content, reason):
    write(tmp_path, "good.txt", "Alpha raises money\n\nAlpha raised money from Beta.\n")
    bad = write(tmp_path, name, content)
    results = list(read_paths([tmp_path]))
    [error] = [result.error for result in results if result.error]
    assert isinstance(error, InputError)
    assert error.path == str(bad) and reason in error.reason
    assert "\n" not in str(error) and str(bad) in str(error)
    assert [result.article.id for result in results if result.ok] == ["good"]


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "nothing").mkdir()
    (tmp_path / "only-hidden").mkdir()
    write(tmp_path, "only-hidden/.x.txt", "hidden")
    messages = errors_of([tmp_path / "missing.txt", tmp_path / "nothing", tmp_path / "only-hidden"])
    assert messages == [
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        f"{tmp_path / 'nothing'}: folder has no article files",
        f"{tmp_path / 'only-hidden'}: folder has no article files",
    ]


def test_large_file_rejected_from_its_size_without_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as out:
        out.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    started = time.perf_counter()
    [error] = errors_of([huge])
    assert time.perf_counter() - started < 1.0
    assert "huge.txt" in error and "too large" in error and "(200.0 MiB; the limit is 50 MiB)" in error


def test_size_limit_is_a_parameter(tmp_path):
    path = write(tmp_path, "a.txt", "Alpha raises money\n\nAlpha raised money from Beta.\n")
    [result] = read_paths([path], max_bytes=10)
    assert "too large" in str(result.error)


def test_read_article_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="file is empty"):
        read_article(write(tmp_path, "e.txt", ""))
    with pytest.raises(InputError, match="holds 2 articles"):
        read_article(
            write(
                tmp_path, "two.json", json.dumps([{"title": "a", "text": "x"}, {"title": "b", "text": "y"}])
            )
        )


def test_unreadable_file_reported(tmp_path):
    path = write(tmp_path, "locked.txt", "Alpha raises money\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file")
        [error] = errors_of([path])
        assert "locked.txt" in error and "cannot read file" in error
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not present")
def test_seed_articles_read_cleanly():
    articles = {result.article.id[:3]: result.article for result in read_paths([SEEDS])}
    assert len(articles) == 5
    front = articles["000"]
    assert front.published == "2021-03-12" and len(front.sections) > 1 and front.source
    scraped = articles["001"]
    for chrome in ("Advertisement", "myNEWS", "Learn more", "Photo:", "China technology"):
        assert chrome not in scraped.text
    assert not scraped.text.endswith("Post")
    assert articles["002"].published == "2024-04-14"
    assert "Global Writers" not in articles["002"].text and "Related Read" not in articles["002"].text
    crunchbase = articles["004"].text
    assert (
        "on Twitter" not in crunchbase
        and "Copy link" not in crunchbase
        and "Crunchbase Daily" not in crunchbase
    )
    assert articles["004"].title.startswith("China")


@pytest.mark.skipif(not DEV_ARTICLES.is_dir(), reason="shared dev articles not present")
def test_dev_articles_all_read():
    results = list(read_paths([DEV_ARTICLES]))
    assert all(result.ok for result in results)
    assert all(result.article.title and result.article.text for result in results)


def test_files_sharing_a_stem_get_distinct_ids(tmp_path):
    write(tmp_path, "2021/news.txt", "Alpha raises money\n\nAlpha raised money from Beta.\n")
    write(tmp_path, "2022/news.txt", "Gamma raises money\n\nGamma raised money from Delta.\n")
    write(tmp_path, "2022/news.json", json.dumps([{"title": "T", "text": "Epsilon raised money."}]))
    ids = sorted(result.article.id for result in read_paths([tmp_path]))
    assert ids == ["news", "news-json-1", "news-txt"]
    moved = sorted(
        result.article.id for result in read_paths([tmp_path / "2021", tmp_path / "2022" / "news.txt"])
    )
    assert moved == ["2021-news", "2022-news"]


def test_xhtml_with_xml_declaration_is_html(tmp_path):
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + HTML_PAGE.split("\n", 1)[1]
    assert read_article(write(tmp_path, "page.xhtml", page)).url == "https://news.example/verdant"


def test_symlink_loop_in_a_folder_does_not_hang(tmp_path):
    write(tmp_path, "a.txt", "Alpha raises money\n\nAlpha raised money from Beta.\n")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [result.article.id for result in read_paths([tmp_path])] == ["a"]


def test_html_story_with_each_paragraph_in_its_own_wrapper(tmp_path):
    paragraphs = [
        f"Paragraph {number} says Copperleaf Fund invested in Lumen Storage again." for number in range(4)
    ]
    page = (
        "<html><body><div class='links'><p>Short link list item.</p></div><div class='story'>"
        + "".join(f"<div class='para'><p>{text}</p></div>" for text in paragraphs)
        + "</div></body></html>"
    )
    article = read_article(write(tmp_path, "wrapped.html", page))
    assert article.text.split("\n\n")[-4:] == paragraphs
    assert "Short link" not in article.text
