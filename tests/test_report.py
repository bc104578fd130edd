"""The HTML report: built from a small warehouse with the contract's tables, checked as text
(labels present, nothing loaded from the network, Arabic isolated, data escaped) and then
opened in a real headless Chromium (DOM dump, net log and a screenshot that is not blank)."""

from __future__ import annotations

import html
import re
import subprocess
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import browser  # tests/browser.py: pytest puts this folder on sys.path
import duckdb
import pytest

from warehouse import report

SCHEMA = """
CREATE TABLE articles (article_id VARCHAR, source_uri VARCHAR, title VARCHAR, published_at TIMESTAMP,
    language VARCHAR, source VARCHAR, text VARCHAR, word_count INTEGER);
CREATE TABLE people (person_id VARCHAR, name_en VARCHAR, name_ar VARCHAR, role VARCHAR, country_code VARCHAR);
CREATE TABLE article_people (article_id VARCHAR, person_id VARCHAR, mentions INTEGER);
CREATE TABLE locations (location_id VARCHAR, name_en VARCHAR, name_ar VARCHAR, country_code VARCHAR, kind VARCHAR,
    latitude DOUBLE, longitude DOUBLE);
CREATE TABLE negotiation_rounds (round_id VARCHAR, label VARCHAR, location_id VARCHAR, start_date DATE,
    end_date DATE, date_precision VARCHAR, status VARCHAR, parties VARCHAR[], mediators VARCHAR[],
    round_number INTEGER, outcomes VARCHAR[], first_reported DATE, last_reported DATE, article_count INTEGER);
CREATE TABLE round_participants (round_id VARCHAR, person_id VARCHAR, side VARCHAR);
CREATE TABLE round_articles (round_id VARCHAR, article_id VARCHAR, evidence VARCHAR, reported_status VARCHAR,
    reported_start DATE);
"""

INJECTION = '<script>alert("pwned")</script>'
D = date.fromisoformat

LOCATIONS = [
    ("loc-ist", "Istanbul", "إسطنبول", "TR", "city", 41.0082, 28.9784),
    ("loc-riy", "Riyadh", "الرياض", "SA", "city", 24.7136, 46.6753),
    ("loc-jed", "Jeddah", "جدة", "SA", "city", 21.4858, 39.1925),
    ("loc-gva", "Geneva", "جنيف", "CH", "city", 46.2044, 6.1432),
    ("loc-auh", "Abu Dhabi", "أبوظبي", "AE", "city", 24.4539, 54.3773),
    ("loc-bud", "Budapest", "بودابست", "HU", "city", 47.4979, 19.0402),
    ("loc-anc", "Anchorage", "أنكوريج", "US", "city", 61.2181, -149.9003),
    ("loc-mia", "Miami", "ميامي", "US", "city", 25.7617, -80.1918),
    ("loc-vat", "Vatican City", "الفاتيكان", "VA", "city", 41.9029, 12.4534),
    ("loc-kyiv", "Kyiv", "كييف", "UA", "city", 50.4501, 30.5234),
    ("loc-dolma", "Dolmabahçe Palace", "قصر دولمة بهجة", "TR", "venue", None, None),
    ("loc-mct", "Muscat", "مسقط", "OM", "city", 23.588, 58.3829),
]

PEOPLE = [
    ("p-medinsky", "Vladimir Medinsky", "فلاديمير ميدينسكي", "presidential aide", "RU"),
    ("p-umerov", "Rustem Umerov", "رستم عمروف", "secretary of the security council", "UA"),
    ("p-witkoff", "Steve Witkoff", "ستيف ويتكوف", "special envoy", "US"),
    ("p-rubio", "Marco Rubio", "ماركو روبيو", "secretary of state", "US"),
    ("p-lavrov", "Sergei Lavrov", "سيرغي لافروف", "foreign minister", "RU"),
    ("p-dmitriev", "Kirill Dmitriev", None, "envoy", "RU"),
    ("p-fidan", "Hakan Fidan", "هاكان فيدان", "foreign minister", "TR"),
    ("p-ushakov", None, "يوري أوشاكوف", "presidential aide", "RU"),
]

# round_id, label, location, start, end, precision, status, parties, mediators, number, outcomes
ROUNDS = [
    (
        "r-riyadh",
        "محادثات الرياض بين الولايات المتحدة وروسيا",
        "loc-riy",
        D("2025-02-18"),
        None,
        "day",
        "held",
        ["RU", "US"],
        ["SA"],
        None,
        ["embassy_staffing"],
    ),
    (
        "r-jeddah",
        "US–Ukraine talks in Jeddah",
        "loc-jed",
        D("2025-03-11"),
        None,
        "day",
        "held",
        ["UA", "US"],
        ["SA"],
        None,
        ["ceasefire_proposal"],
    ),
    (
        "r-ist-1",
        "Istanbul talks, round 1",
        "loc-ist",
        D("2025-05-16"),
        None,
        "day",
        "held",
        ["RU", "UA"],
        ["TR", "US"],
        1,
        ["prisoner_exchange"],
    ),
    (
        "r-ist-2",
        "Istanbul talks, round 2",
        "loc-dolma",
        D("2025-06-02"),
        None,
        "day",
        "held",
        ["RU", "UA"],
        ["TR"],
        2,
        ["prisoner_exchange", "repatriation_of_bodies"],
    ),
    (
        "r-ist-3",
        "Istanbul talks, round 3",
        "loc-ist",
        D("2025-07-23"),
        None,
        "day",
        "held",
        ["RU", "UA"],
        ["TR"],
        3,
        ["prisoner_exchange"],
    ),
    ("r-alaska", "Alaska summit", "loc-anc", D("2025-08-15"), None, "day", "held", ["RU", "US"], [], None, []),
    (
        "r-budapest",
        "Budapest summit",
        "loc-bud",
        D("2025-10-01"),
        None,
        "month",
        "cancelled",
        ["RU", "US"],
        ["HU"],
        None,
        [],
    ),
    (
        "r-geneva",
        "Geneva consultations on the peace plan",
        "loc-gva",
        D("2025-11-23"),
        D("2025-11-24"),
        "day",
        "held",
        ["UA", "US"],
        ["CH"],
        None,
        ["peace_framework"],
    ),
    ("r-miami", "Miami talks", "loc-mia", D("2025-11-30"), None, "day", "held", ["UA", "US"], [], None, []),
    (
        "r-experts",
        "Expert-level consultations",
        None,
        D("2025-12-05"),
        D("2025-12-07"),
        "day",
        "ongoing",
        ["RU", "US"],
        [],
        None,
        [],
    ),
    (
        "r-abudhabi",
        "الجولة الثلاثية في أبوظبي",
        "loc-auh",
        D("2026-01-01"),
        None,
        "month",
        "planned",
        ["RU", "UA", "US"],
        ["AE"],
        None,
        [],
    ),
    (
        "r-vatican",
        "Proposed talks at the Vatican",
        "loc-vat",
        None,
        None,
        None,
        "proposed",
        ["RU", "UA"],
        ["VA"],
        None,
        [],
    ),
]

# a second negotiation: one round in Muscat, one in Geneva (where the Ukraine talks met too)
IRAN_ROUNDS = [
    ("r-muscat", "Iran–United States talks, Muscat", "loc-mct", D("2025-04-12"), None, "day", "held", ["IR", "US"],
     ["OM"], None, []),
    ("r-geneva-ir", "Iran–United States talks, Geneva", "loc-gva", D("2025-06-20"), None, "day", "held",
     ["IR", "US"], ["OM"], None, []),
]  # fmt: skip

# negotiation_id, label, sides, mediators, first_round_date, last_round_date, round_count, last_status
NEGOTIATIONS = [
    ("n-ukraine", "Russia–Ukraine–United States talks", ["RU", "UA", "US"], ["AE", "CH", "HU", "SA", "TR", "VA"],
     D("2025-02-18"), D("2026-01-01"), len(ROUNDS), "planned"),
    ("n-iran", "Iran–United States talks", ["IR", "US"], ["OM"], D("2025-04-12"), D("2025-06-20"), 2, "held"),
]  # fmt: skip

PARTICIPANTS = [
    ("r-riyadh", "p-rubio", "US"),
    ("r-riyadh", "p-witkoff", "US"),
    ("r-riyadh", "p-lavrov", "RU"),
    ("r-riyadh", "p-ushakov", "RU"),
    ("r-jeddah", "p-rubio", "US"),
    ("r-jeddah", "p-umerov", "UA"),
    ("r-ist-1", "p-medinsky", "RU"),
    ("r-ist-1", "p-umerov", "UA"),
    ("r-ist-1", "p-fidan", None),
    ("r-ist-2", "p-medinsky", "RU"),
    ("r-ist-2", "p-umerov", "UA"),
    ("r-ist-3", "p-medinsky", "RU"),
    ("r-ist-3", "p-umerov", "UA"),
    ("r-alaska", "p-witkoff", "US"),
    ("r-alaska", "p-dmitriev", "RU"),
    ("r-geneva", "p-rubio", "US"),
    ("r-geneva", "p-umerov", "UA"),
    ("r-miami", "p-witkoff", "US"),
    ("r-miami", "p-umerov", "UA"),
]

# article_id, source_uri, title, published_at, language, source
ARTICLES = [
    (
        "a-1",
        "https://www.aljazeera.net/news/2025/2/18/riyadh-talks",
        "انطلاق المحادثات الأمريكية الروسية في الرياض",
        datetime(2025, 2, 18, 9, 30),
        "ar",
        "Al Jazeera",
    ),
    (
        "a-2",
        "https://example.org/jeddah?x=1&y=2",
        "Ukraine backs 30-day ceasefire after Jeddah talks",
        datetime(2025, 3, 11, 20, 0),
        "en",
        "Example Wire",
    ),
    (
        "a-3",
        "https://www.aljazeera.net/news/2025/5/16/istanbul",
        "وفدا روسيا وأوكرانيا يلتقيان في إسطنبول",
        datetime(2025, 5, 16, 14, 0),
        "ar",
        "Al Jazeera",
    ),
    (
        "a-4",
        "javascript:alert(document.cookie)",
        f"{INJECTION} Second round in Istanbul",
        datetime(2025, 6, 2, 18, 0),
        "en",
        "Untrusted",
    ),
    (
        "a-5",
        "https://example.org/istanbul-3",
        "Third Istanbul round ends in an hour",
        datetime(2025, 7, 23, 21, 0),
        "en",
        "Example Wire",
    ),
    (
        "a-6",
        "https://example.org/alaska",
        "Trump and Putin meet in Anchorage",
        datetime(2025, 8, 15, 23, 0),
        "en",
        "Example Wire",
    ),
    (
        "a-7",
        "https://example.org/budapest-off",
        "Budapest summit shelved",
        datetime(2025, 10, 22, 8, 0),
        "en",
        "Example Wire",
    ),
    (
        "a-8",
        "https://www.aljazeera.net/news/2025/11/24/geneva",
        "مشاورات جنيف حول خطة السلام",
        datetime(2025, 11, 24, 10, 0),
        "ar",
        "Al Jazeera",
    ),
    ("a-9", "/data/in/miami.txt", None, datetime(2025, 12, 1, 7, 0), "en", None),
    ("a-10", "https://example.org/experts", "Experts meet again", datetime(2025, 12, 6, 12, 0), "en", "Example Wire"),
    (
        "a-11",
        "https://www.aljazeera.net/news/2025/12/20/abu-dhabi",
        "جولة ثلاثية مرتقبة في أبوظبي",
        datetime(2025, 12, 20, 16, 0),
        "ar",
        "Al Jazeera",
    ),
    ("a-12", "https://example.org/vatican", "Pope offers the Vatican as a venue", None, "en", "Example Wire"),
]

EVIDENCE = [
    (
        "r-riyadh",
        "a-1",
        "عقد وزير الخارجية الأمريكي ماركو روبيو ونظيره الروسي سيرغي لافروف محادثات في الرياض.",
        "held",
        D("2025-02-18"),
    ),
    (
        "r-jeddah",
        "a-2",
        "Ukraine said it was ready to accept a 30-day ceasefire after talks in Jeddah.",
        "held",
        D("2025-03-11"),
    ),
    (
        "r-ist-1",
        "a-3",
        "التقى وفدا روسيا وأوكرانيا في إسطنبول في أول محادثات مباشرة منذ عام 2022.",
        "held",
        D("2025-05-16"),
    ),
    (
        "r-ist-2",
        "a-4",
        f"The delegations met at Dolmabahçe Palace. {INJECTION}<img src=x onerror=alert(1)>",
        "held",
        D("2025-06-02"),
    ),
    ("r-ist-3", "a-5", "The third round in Istanbul lasted less than an hour.", "held", D("2025-07-23")),
    ("r-alaska", "a-6", "The two presidents met at a base in Anchorage, Alaska.", "held", D("2025-08-15")),
    ("r-budapest", "a-7", "The planned summit in Budapest has been put on hold.", "cancelled", None),
    (
        "r-geneva",
        "a-8",
        "بدأت في جنيف مشاورات بين الوفدين الأمريكي والأوكراني حول خطة السلام.",
        "held",
        D("2025-11-23"),
    ),
    ("r-miami", "a-9", "Umerov and Witkoff held talks in Miami.", "held", D("2025-11-30")),
    ("r-experts", "a-10", "Expert groups are meeting for a third day.", "ongoing", D("2025-12-05")),
    ("r-abudhabi", "a-11", "من المقرر أن تُعقد جولة ثلاثية في أبوظبي الشهر المقبل.", "planned", D("2026-01-01")),
    ("r-vatican", "a-12", "The Pope offered the Vatican as a venue for talks.", "proposed", None),
]

MENTIONS = [
    ("a-1", "p-rubio", 3),
    ("a-1", "p-lavrov", 2),
    ("a-1", "p-ushakov", 1),
    ("a-2", "p-rubio", 2),
    ("a-2", "p-umerov", 1),
    ("a-3", "p-medinsky", 2),
    ("a-3", "p-umerov", 2),
    ("a-3", "p-fidan", 1),
    ("a-4", "p-medinsky", 1),
    ("a-5", "p-umerov", 1),
    ("a-6", "p-witkoff", 2),
    ("a-6", "p-dmitriev", 1),
    ("a-8", "p-rubio", 1),
    ("a-8", "p-umerov", 2),
    ("a-9", "p-witkoff", 1),
    ("a-9", "p-umerov", 1),
]

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def build_warehouse(path: Path, *, empty: bool = False, tracks: bool = True) -> Path:
    """A warehouse with the contract's tables (and, unless empty, realistic rows). With tracks, two
    negotiations (the Ukraine talks and Iran–US) with sides and negotiation ids; without, a
    warehouse from before negotiations existed."""
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA)
        if not empty:
            _insert(con)
        if tracks:
            _add_tracks(con, empty)
    finally:
        con.close()
    return path


def _add_tracks(con: duckdb.DuckDBPyConnection, empty: bool) -> None:
    con.execute("ALTER TABLE negotiation_rounds ADD COLUMN sides VARCHAR[]")
    con.execute("ALTER TABLE negotiation_rounds ADD COLUMN negotiation_id VARCHAR")
    con.execute(
        "CREATE TABLE negotiations (negotiation_id VARCHAR, label VARCHAR, sides VARCHAR[], mediators VARCHAR[], "
        "first_round_date DATE, last_round_date DATE, round_count INTEGER, last_status VARCHAR)"
    )
    if empty:
        return
    con.execute("UPDATE negotiation_rounds SET sides = parties, negotiation_id = 'n-ukraine'")
    rounds = [(*r, r[3], r[3], 1, r[7], "n-iran") for r in IRAN_ROUNDS]
    con.executemany("INSERT INTO negotiation_rounds VALUES (" + ", ".join("?" * 16) + ")", rounds)
    con.executemany("INSERT INTO negotiations VALUES (?, ?, ?, ?, ?, ?, ?, ?)", NEGOTIATIONS)


def _insert(con: duckdb.DuckDBPyConnection) -> None:
    con.executemany("INSERT INTO locations VALUES (?, ?, ?, ?, ?, ?, ?)", LOCATIONS)
    con.executemany("INSERT INTO people VALUES (?, ?, ?, ?, ?)", PEOPLE)
    con.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, 'text', 100)", ARTICLES)
    con.executemany("INSERT INTO article_people VALUES (?, ?, ?)", MENTIONS)
    con.executemany("INSERT INTO round_participants VALUES (?, ?, ?)", PARTICIPANTS)
    con.executemany("INSERT INTO round_articles VALUES (?, ?, ?, ?, ?)", EVIDENCE)
    rounds = [(*r, r[3], r[3], 1) for r in ROUNDS]
    con.executemany("INSERT INTO negotiation_rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rounds)


@pytest.fixture(scope="module")
def warehouse_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("wh") / "warehouse.duckdb")


@pytest.fixture(scope="module")
def page(warehouse_path: Path) -> str:
    return report.render_report(warehouse_path)


class Elements(HTMLParser):
    """Collects (tag, attrs) of every element, and every text run with its enclosing element's attrs."""

    VOID: ClassVar[frozenset[str]] = frozenset(
        {"meta", "link", "img", "br", "hr", "input", "source", "area", "base", "col", "embed", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, dict[str, str | None], str]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        tag, attrs = self.stack[-1] if self.stack else ("", {})
        self.texts.append((tag, attrs, data))


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    parser.close()
    return parser


# ---------------------------------------------------------------- the page as text


def test_every_round_label_is_in_the_page(page: str) -> None:
    for r in ROUNDS + IRAN_ROUNDS:
        assert html.escape(r[1]) in page, r[1]
    assert page.count('<tr id="round-') == len(ROUNDS) + len(IRAN_ROUNDS)


def test_timeline_has_undated_lane_and_legend(page: str) -> None:
    assert "undated" in page
    for status in report.STATUSES:
        assert status in page
    svg = page[page.index('<svg class="timeline"') : page.index("</svg>")]
    assert "Proposed talks at the Vatican" in svg, "the undated round is drawn in the undated lane"
    assert "RU · UA" in svg, "parties are shown on the timeline"


def test_places_map_and_places_without_coordinates(page: str) -> None:
    assert '<svg class="map"' in page
    assert "Without coordinates" in page and "Dolmabahçe Palace" in page
    round_row = page[page.index("Expert-level consultations") :]
    assert "unknown" in round_row[: round_row.index("</tr>")], "a round without location says so"


def test_people_with_article_counts(page: str) -> None:
    people = page[page.index('<table class="people"') :]
    row = people[people.index("Rustem Umerov") :]
    row = row[: row.index("</tr>")]
    cells = re.findall(r"<td>(\d+)</td>", row)
    assert cells == ["5", "7", "6"], row  # articles, mentions, rounds


def test_no_external_resource_is_loaded(page: str) -> None:
    doc = parse(page)
    evidence_links = {report.safe_href(a[1]) for a in ARTICLES} - {None}
    for tag, attrs in doc.elements:
        assert tag not in ("script", "link", "img", "iframe", "object", "embed", "base"), tag
        for name in ("src", "srcset", "data", "poster", "xlink:href", "action", "background"):
            assert name not in attrs, (tag, name)
        href = attrs.get("href")
        if href is not None and not href.startswith("#"):
            assert tag == "a" and href in evidence_links, href
    assert not re.search(r"url\s*\(", page, re.I), "no CSS url(...) at all"
    assert not re.search(r"@import", page, re.I)
    assert "default-src 'none'" in page, "a CSP blocks any load that might slip through"


def test_only_http_links_and_no_script_injection(page: str) -> None:
    assert INJECTION not in page
    assert "<img src=x" not in page
    assert html.escape(INJECTION) in page, "the injected markup is shown as text"
    assert "javascript:" not in page.replace("javascript:alert(document.cookie)", ""), "only the text of the uri"
    assert 'href="javascript' not in page
    assert 'href="/data/in/miami.txt"' not in page
    assert 'href="https://example.org/jeddah?x=1&amp;y=2"' in page, "links are attribute-escaped"


def test_arabic_text_is_marked_right_to_left(page: str) -> None:
    doc = parse(page)
    arabic_runs = [(tag, attrs, text) for tag, attrs, text in doc.texts if ARABIC.search(text)]
    assert len(arabic_runs) > 20
    for tag, attrs, text in arabic_runs:
        marked = attrs.get("dir") in ("rtl", "auto") or attrs.get("lang") == "ar" or "direction" in attrs
        assert marked, (tag, attrs, text)
        if tag != "text" and tag != "title":  # HTML elements: a direction, not just a language
            assert attrs.get("dir") in ("rtl", "auto"), (tag, attrs, text)
    label = html.escape(ROUNDS[0][1])
    assert f'<bdi lang="ar" dir="rtl">{label}</bdi>' in page
    assert f'lang="ar">{label}</text>' in page, "the SVG label is marked too"


def test_output_is_deterministic(warehouse_path: Path, page: str) -> None:
    assert report.render_report(warehouse_path) == page
    assert "Generated from warehouse.duckdb: 12 articles, published 2025-02-18 – 2025-12-20" in page
    stamped = report.render_report(warehouse_path, generated_at="2026-01-02T03:04:05Z")
    assert "Generated at 2026-01-02T03:04:05Z" in stamped


def test_empty_warehouse_says_there_are_no_rounds(tmp_path: Path) -> None:
    db = build_warehouse(tmp_path / "empty.duckdb", empty=True)
    page = report.render_report(db)
    assert "There are no negotiation rounds in the warehouse yet." in page
    assert page.rstrip().endswith("</html>")


def test_warehouse_without_tables_renders_too(tmp_path: Path) -> None:
    db = tmp_path / "bare.duckdb"
    duckdb.connect(str(db)).close()
    assert "no negotiation rounds" in report.render_report(db)


def test_missing_warehouse_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        report.render_report(tmp_path / "nope.duckdb")
    assert not (tmp_path / "nope.duckdb").exists(), "reading never creates a warehouse"


def test_write_report_is_atomic_and_cli_works(warehouse_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "site" / "report.html"
    assert report.write_report(warehouse_path, out) == out
    assert out.read_text(encoding="utf-8") == report.render_report(warehouse_path)
    assert [p.name for p in out.parent.iterdir()] == ["report.html"], "no temp file left behind"
    again = tmp_path / "cli.html"
    assert report.main([str(warehouse_path), str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
    assert report.main([str(tmp_path / "missing.duckdb"), str(tmp_path / "x.html")]) == 1


def test_warehouse_open_for_writing_elsewhere_is_only_read(warehouse_path: Path) -> None:
    before = warehouse_path.stat().st_mtime_ns
    report.render_report(warehouse_path)
    assert warehouse_path.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("HTTP://Example.org/", "http://Example.org/"),
        ("javascript:alert(1)", None),
        ("  javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("file:///etc/passwd", None),
        ("/data/in/a.txt", None),
        ("https:///no-host", None),
        (None, None),
    ],
)
def test_safe_href(uri: str | None, expected: str | None) -> None:
    assert report.safe_href(uri) == expected


def test_dates_precision_and_axis_ticks() -> None:
    month = {"start_date": D("2025-10-01"), "end_date": None, "date_precision": "month"}
    assert report.round_span(month) == (D("2025-10-01"), D("2025-10-31"), True)
    assert report.fmt_dates(D("2025-10-01"), None, "month") == "October 2025"
    day = {"start_date": D("2025-12-06"), "end_date": D("2025-12-04"), "date_precision": "day"}
    assert report.round_span(day) == (D("2025-12-04"), D("2025-12-06"), False), "reversed dates are reordered"
    assert report.round_span({"start_date": None, "end_date": None, "date_precision": None}) is None
    weeks = report.ticks(report.Scale(D("2025-11-20"), D("2025-12-24"), 0, 100))
    assert [label for _, label in weeks] == ["24 Nov 2025", "1 Dec", "8 Dec", "15 Dec", "22 Dec"]
    months = report.ticks(report.Scale(D("2025-01-20"), D("2026-02-10"), 0, 100))
    assert [label for _, label in months][:2] == ["Mar 2025", "May 2025"] and len(months) <= 12


# ---------------------------------------------------------------- a real browser


@pytest.fixture(scope="module")
def chromium() -> str:
    binary, why = browser.ensure_chromium()
    if binary is None:
        pytest.skip(why)
    return binary


def test_report_renders_in_headless_chromium(chromium: str, warehouse_path: Path, tmp_path: Path) -> None:
    page = report.write_report(warehouse_path, tmp_path / "report.html")
    net_log, shot = tmp_path / "net.json", tmp_path / "shot.png"

    dump = browser.run_chromium(chromium, page, tmp_path, ["--dump-dom", f"--log-net-log={net_log}"])
    assert dump.returncode == 0, dump.stderr[-2000:]
    dom = dump.stdout
    for r in ROUNDS:
        assert html.escape(r[1], quote=False) in dom, r[1]
    assert "<script" not in dom.lower(), "no script element came out of the data"
    assert "There are no negotiation rounds" not in dom
    remote = [u for u in browser.page_requests(net_log) if not u.startswith("file:")]
    assert remote == [], f"the report asked for network resources: {remote}"

    try:
        run = browser.run_chromium(chromium, page, tmp_path, [f"--screenshot={shot}", "--window-size=1400,2000"])
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish the screenshot in time")
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    png = browser.read_png(shot)
    assert (png.width, png.height) == (1400, 2000)
    colours, inked = browser.colour_stats(png)
    assert colours > 200, f"only {colours} colours: the page looks blank"
    assert inked > 0.03, f"only {inked:.1%} of the page differs from the background"


def test_the_network_guard_sees_a_remote_load(chromium: str, tmp_path: Path) -> None:
    """The net-log check above is real: a page (without the report's CSP) that loads a remote
    image shows up in it, and the blocked resolver keeps it from going anywhere."""
    bad = tmp_path / "bad.html"
    bad.write_text('<html><body><img src="http://roundtable.invalid/x.png">x</body></html>', encoding="utf-8")
    net_log = tmp_path / "net.json"
    run = browser.run_chromium(chromium, bad, tmp_path, ["--dump-dom", f"--log-net-log={net_log}"])
    assert run.returncode == 0, run.stderr[-2000:]
    assert browser.page_requests(net_log) == ["http://roundtable.invalid/x.png"]


# ---------------------------------------------------------------- grouped by negotiation


def _between(page: str, start: str, end: str | None) -> str:
    i = page.index(start)
    return page[i : page.index(end, i) if end else len(page)]


def test_title_names_the_negotiations_not_one_fixed_talk(page: str, tmp_path: Path) -> None:
    assert "<h1>Negotiation rounds in 2 negotiations</h1>" in page
    assert "Russia–Ukraine–US peace talks" not in page
    one = tmp_path / "one.duckdb"
    build_warehouse(one)
    con = duckdb.connect(str(one))
    con.execute("DELETE FROM negotiation_rounds WHERE negotiation_id = 'n-iran'")
    con.execute("DELETE FROM negotiations WHERE negotiation_id = 'n-iran'")
    con.close()
    assert "<h1>Russia–Ukraine–United States talks: negotiation rounds</h1>" in report.render_report(one)


def test_negotiations_overview_most_recent_first(page: str) -> None:
    table = _between(page, '<table class="negotiations"', "</table>")
    ukraine, iran = table.index("Russia–Ukraine–United States talks"), table.index("Iran–United States talks")
    assert ukraine < iran, "the negotiation with the latest round comes first"
    assert '<a href="#negotiation-1">Russia–Ukraine–United States talks</a>' in table
    assert '<a href="#negotiation-2">Iran–United States talks</a>' in table
    assert "RU, UA, US" in table and "2025-04-12 – 2025-06-20" in table


def test_timeline_groups_rounds_under_their_negotiation(page: str) -> None:
    svg = _between(page, '<svg class="timeline"', "</svg>")
    ukraine = svg.index("Russia–Ukraine–United States talks (12 rounds)")
    iran = svg.index("Iran–United States talks (2 rounds)")
    assert ukraine < svg.index("Istanbul talks, round 2") < svg.index("Proposed talks at the Vatican") < iran
    assert iran < svg.index("Iran–United States talks, Muscat") < svg.index("Iran–United States talks, Geneva")
    assert 'href="#negotiation-2"' in svg
    assert "IR · US" in svg


def test_rounds_table_per_negotiation(page: str) -> None:
    ukraine = _between(page, '<h3 id="negotiation-1">', '<h3 id="negotiation-2">')
    iran = _between(page, '<h3 id="negotiation-2">', '<h2 id="places">')
    assert ukraine.count('<tr id="round-') == len(ROUNDS) and iran.count('<tr id="round-') == len(IRAN_ROUNDS)
    assert "Iran–United States talks, Muscat" in iran and "Istanbul talks, round 1" in ukraine
    assert "sides IR, US · mediators OM · 2 rounds" in iran


def test_map_colours_places_by_negotiation(page: str) -> None:
    svg = _between(page, '<svg class="map"', "</svg>")
    ukraine, iran = report.TRACK_COLOURS[:2]
    assert f'class="host" style="fill:{iran}"' in svg, "Muscat: only Iran–US talks"
    assert f'class="host" style="fill:{ukraine}"' in svg
    assert 'class="host multi"' in svg and "Geneva (2 rounds, 2 negotiations)" in svg
    after = page[page.index(svg) + len(svg) :]
    legend = after[: after.index("</p>")]
    assert "Russia–Ukraine–United States talks" in legend and "Iran–United States talks" in legend
    places = _between(page, '<table class="places"', "</table>")
    geneva = _between(places, "Geneva", "</tr>")
    assert '<a href="#negotiation-1">Russia–Ukraine–United States talks</a> (1)' in geneva
    assert '<a href="#negotiation-2">Iran–United States talks</a> (1)' in geneva


def test_a_warehouse_from_before_negotiations_renders_one_group(tmp_path: Path) -> None:
    old = build_warehouse(tmp_path / "old.duckdb", tracks=False)
    page = report.render_report(old)
    assert "<h1>Negotiation rounds</h1>" in page
    assert page.count('<tr id="round-') == len(ROUNDS)
    assert page.count("<h3 ") == 1
    assert "RU · UA" in _between(page, '<svg class="timeline"', "</svg>")


def test_group_tracks_orders_and_falls_back() -> None:
    def row(rid: str, start: str | None, nid: str | None) -> dict:
        return {"round_id": rid, "label": rid, "start_date": start and D(start), "end_date": None,
                "last_reported": None, "negotiation_id": nid, "sides": ["A", "B"], "parties": ["A", "B"]}  # fmt: skip

    def neg(nid: str) -> dict:
        return {"negotiation_id": nid, "label": nid.upper(), "sides": ["A", "B"], "mediators": [], "last_status": None}

    rounds = [row("r1", "2025-01-01", "n-a"), row("r2", "2025-06-01", "n-b"), row("r3", None, "n-a"),
              row("r4", "2024-01-01", "n-unknown"), row("r5", "2025-03-01", "n-a")]  # fmt: skip
    tracks = report.group_tracks(rounds, [neg("n-a"), neg("n-b")])
    assert [(t.label, [r["round_id"] for r in t.rounds]) for t in tracks] == [
        ("N-B", ["r2"]),
        ("N-A", ["r1", "r5", "r3"]),
        ("Negotiation rounds", ["r4"]),
    ]
    assert [t.anchor for t in tracks] == ["negotiation-1", "negotiation-2", "negotiation-3"]


# ---------------------------------------------------------------- local files, places without coordinates


def test_an_untitled_local_file_is_labelled_by_its_file_name(page: str) -> None:
    miami = _between(page, "Umerov and Witkoff held talks in Miami.", "</li>")
    evidence = page[: page.index(miami)]
    assert (
        evidence[evidence.rindex("<li>") :]
        == '<li>miami.txt<div class="muted">2025-12-01 · reported held · for 2025-11-30</div><blockquote>'
    )
    assert "/data/in/miami.txt" not in page
    assert report.text.file_name("file:///C:/news/a%20b.html") == "a b.html"
    assert report.text.file_name(r"C:\news\x.txt") == "x.txt"
    assert report.text.file_name("javascript:alert(1)") is None


def test_a_place_without_coordinates_is_drawn_at_its_venue_or_country(tmp_path: Path) -> None:
    db = build_warehouse(tmp_path / "places.duckdb")
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE locations ADD COLUMN parent_location_id VARCHAR")
    con.execute("UPDATE locations SET latitude = NULL, longitude = NULL WHERE location_id = 'loc-riy'")
    con.execute(
        "INSERT INTO locations VALUES ('loc-ritz', 'Ritz-Carlton', NULL, 'SA', 'venue', 24.66, 46.62, 'loc-riy')"
    )
    con.execute("UPDATE locations SET parent_location_id = 'loc-tr' WHERE location_id = 'loc-dolma'")
    con.execute("INSERT INTO locations VALUES ('loc-tr', 'Turkey', 'تركيا', 'TR', 'country', 39.0, 35.2, NULL)")
    con.close()
    page = report.render_report(db)
    svg = _between(page, '<svg class="map"', "</svg>")
    assert "Riyadh, Ritz-Carlton (1 round)" in svg, "a city's round at its venue's point"
    assert "Dolmabahçe Palace, Turkey (1 round)" in svg, "a venue's round at its country's point"
    assert "Without coordinates" not in page
    riyadh = _between(_between(page, '<table class="places"', "</table>"), "<td>Riyadh", "</tr>")
    assert '24.660, 46.620 <span class="muted">(from Ritz-Carlton)</span>' in riyadh
