"""A small, real news site on 127.0.0.1 for tests: article pages plus every fault a crawler meets.

    with NewsSite() as site:
        site.url("/ar/geneva-talks.html")          # absolute URL on the loopback server
        site.requests_for("/ar/geneva-talks.html")  # what the server saw (path, headers)
        site.add("/custom", body=b"...", headers={"Content-Type": "text/html"})

The server is a ThreadingHTTPServer on port 0 (a free port), bound to 127.0.0.1 only. Pages are
written for these tests (not copied from any corpus): an Arabic RTL article in UTF-8, the same
kind of page in windows-1256 and ISO-8859-6, one served with a wrong "iso-8859-1" label, an
English article, and fault endpoints: 404/410/500/503, 429 with Retry-After, a stalled response,
a slow drip, redirect chains and loops, a huge streamed body, PDF/PNG, an empty body, and an
ETag/Last-Modified page answering 304 to a matching conditional request.

Web sources (see `_install_sources`): distinct Arabic and English stories under /news/, an RSS
feed, an Atom feed (relative links under xml:base), a sitemap index with a news sitemap and a
gzipped one, a feed full of faults (/feeds/faults.xml), feeds that are not XML or are hostile
(billion laughs, external entities, a file path as the body), a feed whose pages lost their
article text (template change), a feed answering 304, and /flaky/<status>/<n>/<name> pages that
fail n times before answering. `NewsSite(host="127.0.0.2")` is the "other host" that links
must never reach; `other=` gives its base URL to the main site's feeds and sitemaps.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# ---------------------------------------------------------------- page content

AR_TITLE = "وفدا روسيا وأوكرانيا يبدآن في جنيف جولة جديدة من المحادثات الفنية"
AR_SITE = "الوطن اليوم"
AR_PUBLISHED = "2026-02-10T09:15:00+02:00"
AR_PARAGRAPHS = (
    "بدأ وفدان من روسيا وأوكرانيا، صباح الثلاثاء، في مدينة جنيف السويسرية جولة جديدة من المحادثات "
    "الفنية تركز على تبادل الأسرى وسلامة المنشآت النووية، بحسب ما أفاد مصدران دبلوماسيان.",
    "وقال المتحدث باسم الخارجية السويسرية إن بلاده تستضيف الاجتماع بطلب من الطرفين، موضحاً أن "
    "الجلسات ستستمر يومين على الأقل بعيداً عن وسائل الإعلام.",
    "ملف الأسرى أولاً",
    "وتأمل كييف في التوصل إلى اتفاق يسمح بالإفراج عن مئات الجنود قبل نهاية الشهر، فيما تطالب موسكو "
    "بضمانات تتعلق بنقل المدنيين عبر الحدود.",
    "ولم يصدر عن الكرملين تعليق فوري على سير المحادثات، غير أن وسائل إعلام روسية نقلت عن مسؤول "
    "قوله إن «الأجواء عملية وهادئة».",
)
# Site furniture a cleaner must drop (written for these tests).
AR_JUNK = (
    "عاجل: انقطاع الكهرباء في عدة أحياء من العاصمة",
    "اقرأ أيضاً: أسعار الذهب ترتفع مع تراجع الدولار",
    "© 2026 الوطن اليوم. جميع الحقوق محفوظة",
    "Z2VuZXZhLXRhbGtzLTIwMjYtMDItMTA= الوطن نت",
)

EN_TITLE = "US and Ukrainian officials meet in Jeddah to draft a ceasefire framework"
EN_SITE = "The Daily Ledger"
EN_PUBLISHED = "2026-03-04T18:40:00-05:00"
EN_PARAGRAPHS = (
    "JEDDAH, Saudi Arabia — American and Ukrainian negotiators met for nine hours on Tuesday in the "
    "Red Sea port city, trading drafts of a framework that could lead to a 30-day ceasefire.",
    "A senior State Department official said the two delegations had agreed on the sequencing of a "
    "prisoner exchange but not on monitoring arrangements along the front line.",
    "Saudi officials, who hosted the meeting at a government guest palace, said another session "
    "could follow next week if both capitals approve the text.",
)
EN_JUNK = (
    "Read more: Oil prices slip as traders weigh supply outlook",
    "Share this article",
    "Copyright © 2026 The Daily Ledger. All rights reserved.",
    "BREAKING: Storm warning issued for the east coast",
)


def _paragraphs(items: tuple[str, ...]) -> str:
    return "\n".join(f"<p>{p}</p>" for p in items)


def arabic_page(charset: str | None = "utf-8") -> str:
    """An Arabic RTL article page with nav, ticker, share bar, related links and footer."""
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
{meta_charset}
<title>{AR_TITLE} - {AR_SITE}</title>
<meta property="og:title" content="{AR_TITLE}">
<meta property="og:site_name" content="{AR_SITE}">
<meta property="og:url" content="https://alwatan-today.example/politics/geneva-talks">
<meta property="article:published_time" content="{AR_PUBLISHED}">
<meta name="author" content="سامر الحلبي">
<link rel="canonical" href="/politics/geneva-talks">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{AR_TITLE}",
  "datePublished": "{AR_PUBLISHED}", "author": {{"@type": "Person", "name": "سامر الحلبي"}},
  "publisher": {{"@type": "Organization", "name": "{AR_SITE}"}}}}
</script>
</head>
<body>
<header>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<div class="ticker">{AR_JUNK[0]}</div>
</header>
<main>
<article>
<h1>{AR_TITLE}</h1>
<div class="byline">سامر الحلبي — <time datetime="{AR_PUBLISHED}">10 فبراير 2026</time></div>
<div class="share-bar"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
{_paragraphs(AR_PARAGRAPHS[:3])}
<p><a href="/economy/gold">{AR_JUNK[1]}</a></p>
{_paragraphs(AR_PARAGRAPHS[3:])}
<p>{AR_JUNK[3]}</p>
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/r/1">منتخب الشباب يتأهل إلى النهائي</a></li>
<li><a href="/r/2">توقعات بأمطار غزيرة نهاية الأسبوع</a></li></ul></aside>
</main>
<footer><p>{AR_JUNK[2]}</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body>
</html>
"""


def english_page() -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{EN_TITLE} | {EN_SITE}</title>
<meta property="og:site_name" content="{EN_SITE}">
<meta property="article:published_time" content="{EN_PUBLISHED}">
<link rel="canonical" href="https://ledger.example/world/jeddah-talks">
</head>
<body>
<header><div class="breaking">{EN_JUNK[3]}</div>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article>
<h1>{EN_TITLE}</h1>
<p class="byline">By Dana Whitfield</p>
<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
{_paragraphs(EN_PARAGRAPHS[:2])}
<p><a href="/markets/oil">{EN_JUNK[0]}</a></p>
{_paragraphs(EN_PARAGRAPHS[2:])}
<p>{EN_JUNK[1]}</p>
</article></main>
<footer><p>{EN_JUNK[2]}</p></footer>
</body>
</html>
"""


ETAG = '"v7-geneva"'
LAST_MODIFIED = "Tue, 10 Feb 2026 07:15:00 GMT"
RETRY_AFTER_SECONDS = 120
ROBOTS_TXT = "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n"
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" * 20
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


# ---------------------------------------------------------------- web sources

# Distinct stories (written for these tests): slug -> (language, title, lead sentence, published).
STORIES: dict[str, tuple[str, str, str, str]] = {
    "ar-geneva-1": (
        "ar",
        "الوفدان يختتمان في جنيف اليوم الأول من المحادثات",
        "اختتم الوفدان في جنيف اليوم الأول من المحادثات وسط تكتم شديد على التفاصيل.",
        "2026-02-10T18:30:00+02:00",
    ),
    "ar-legacy-1256": (
        "ar",
        "دبلوماسي: الجولة المقبلة قد تعقد في إسطنبول",
        "قال دبلوماسي غربي إن الجولة المقبلة قد تعقد في إسطنبول إذا تحقق تقدم في ملف الأسرى.",
        "2026-02-11T10:00:00+03:00",
    ),
    "ar-riyadh-2": (
        "ar",
        "الرياض تستضيف اجتماعاً تمهيدياً قبل القمة",
        "استضافت الرياض اجتماعاً تمهيدياً بين مسؤولين أمريكيين وروس لبحث ترتيبات القمة.",
        "2026-02-12T09:00:00+03:00",
    ),
    "ar-doha-3": (
        "ar",
        "قطر مستعدة للوساطة في ملف الأطفال",
        "أعلنت قطر استعدادها للوساطة في ملف إعادة الأطفال الأوكرانيين إلى ذويهم.",
        "2026-02-13T12:00:00+03:00",
    ),
    "en-jeddah-1": (
        "en",
        "Negotiators in Jeddah eye a joint statement",
        "Negotiators said a joint statement could be released by the end of the week.",
        "2026-03-04T18:40:00-05:00",
    ),
    "en-istanbul-2": (
        "en",
        "Turkey offers to host a follow-up meeting",
        "Turkish officials offered to host a follow-up meeting in Istanbul later this month.",
        "2026-03-05T08:00:00+03:00",
    ),
    "en-geneva-3": (
        "en",
        "Technical teams to reconvene in Geneva",
        "Swiss diplomats confirmed that the technical teams would reconvene in Geneva on Thursday.",
        "2026-03-06T11:00:00+01:00",
    ),
    "en-archive-4": (
        "en",
        "Earlier Riyadh round ended without a communique",
        "An earlier round of talks in Riyadh ended without a joint communique.",
        "2025-12-20T16:00:00+03:00",
    ),
    "en-faults-5": (
        "en",
        "Prisoner exchange completed overnight",
        "Officials in Abu Dhabi said a prisoner exchange had been completed overnight.",
        "2026-03-07T07:30:00+04:00",
    ),
    "en-quiet-6": (
        "en",
        "Envoys keep a low profile between rounds",
        "Envoys from both sides kept a low profile between rounds, aides said on Sunday.",
        "2026-03-08T10:00:00+00:00",
    ),
}
FEED_DATE = datetime.fromisoformat(STORIES["ar-geneva-1"][3])  # the RSS pubDate of ar-geneva-1
FEED_ETAG = '"feed-v1"'
XXE_SECRET = "xxe-secret-d41d8cd9"  # served at /xxe-secret: must never be requested or appear anywhere


def story_page(slug: str, base_url: str, charset: str = "utf-8") -> str:
    """An article page with its own canonical URL, so every story is its own article."""
    lang, title, lead, published = STORIES[slug]
    body = AR_PARAGRAPHS if lang == "ar" else EN_PARAGRAPHS
    direction = ' dir="rtl"' if lang == "ar" else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}"{direction}>
<head>
<meta charset="{charset}">
<title>{title}</title>
<meta property="og:site_name" content="{AR_SITE if lang == "ar" else EN_SITE}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{base_url}/news/{slug}.html">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><article>
<h1>{title}</h1>
<p>{lead}</p>
{_paragraphs(body)}
</article></main>
<footer><p>{AR_JUNK[2] if lang == "ar" else EN_JUNK[2]}</p></footer>
</body>
</html>
"""


def broken_template_page(n: int) -> str:
    """What a page looks like after a redesign the cleaner does not understand: no article text."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page {n}</title></head>
<body><div id="app" data-article-id="{n}"></div><script>window.__STATE__ = {{"id": {n}}};</script>
<footer><p>{EN_JUNK[2]}</p></footer></body></html>
"""


# Unclosed paragraphs, misnested and stray end tags, a table never closed, no </body> or </html>.
MALFORMED_HTML = f"""<html><head><title>{EN_TITLE}</title><meta charset="utf-8"></head><body>
<nav><a href="/">Home</a></nav><article><h1>{EN_TITLE}</h1><div><p>{EN_PARAGRAPHS[0]}
<p><b>{EN_PARAGRAPHS[1]}</div></span>
<p><i>{EN_PARAGRAPHS[2]}</b></i></em>
<table><tr><td><p>Monitors from both sides would meet again to settle the arrangements along the front line.
"""


def _rss(items: list[tuple[str, str | None, str | None]], title: str = EN_SITE) -> bytes:
    """RSS 2.0 with (link, title, RFC 822 date) items."""
    parts = []
    for link, item_title, date in items:
        t = f"<title>{item_title}</title>" if item_title else ""
        d = f"<pubDate>{date}</pubDate>" if date else ""
        parts.append(f"<item>{t}<link>{link.replace('&', '&amp;')}</link>{d}</item>")
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://ledger.example/</link><language>en</language>{''.join(parts)}</channel></rss>"
    ).encode()


def _rfc822(slug: str) -> str:
    return format_datetime(datetime.fromisoformat(STORIES[slug][3]))


def _urlset(entries: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(entries) + "</urlset>"
    ).encode()


def _news_url(loc: str, slug: str) -> str:
    lang, title, _, published = STORIES[slug]
    return (
        f"<url><loc>{loc}</loc><news:news><news:publication><news:name>{EN_SITE}</news:name>"
        f"<news:language>{lang}</news:language></news:publication>"
        f"<news:publication_date>{published}</news:publication_date><news:title>{title}</news:title>"
        "</news:news></url>"
    )


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>http://127.0.0.1/news/laughs.html</link></item></channel></rss>
"""


def xxe_feed(system_id: str) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{system_id}">]>
<rss version="2.0"><channel><title>t</title>
<item><title>&xxe;</title><link>http://127.0.0.1/news/xxe.html</link></item></channel></rss>
""".encode()


# ---------------------------------------------------------------- server


@dataclass(frozen=True)
class SeenRequest:
    path: str
    headers: dict[str, str]  # lower-cased names


@dataclass
class _Static:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class NewsSite:
    """A threaded HTTP server on 127.0.0.1 serving the pages above; use as a context manager."""

    def __init__(
        self, host: str = "127.0.0.1", *, other: str | None = None, robots: str | int | None = ROBOTS_TXT
    ) -> None:
        """`other`: base URL of another host the feeds link to; `robots`: robots.txt text, or an
        HTTP status to answer /robots.txt with (None: 404)."""
        if not host.startswith("127."):
            raise ValueError("the test site only ever binds a loopback address")
        self.stop = threading.Event()  # wakes stalled handlers so the server can shut down
        self.requests: list[SeenRequest] = []
        self.other = other or "http://127.0.0.2:9"  # port 9 (discard): nothing answers there
        self._lock = threading.Lock()
        self._routes: dict[str, Callable[[_Handler], None] | _Static] = {}
        self._prefixes: dict[str, Callable[[_Handler], None]] = {}
        self._hits: dict[str, int] = {}
        self.in_flight = 0  # /slow/ requests being answered right now
        self.max_in_flight = 0
        self._server = ThreadingHTTPServer((host, 0), _Handler)
        self._server.daemon_threads = True
        self._server.site = self  # type: ignore[attr-defined]
        self._install_routes()
        self._install_sources()
        if robots is None:
            del self._routes["/robots.txt"]
        elif isinstance(robots, int):
            self.add("/robots.txt", status=robots, body=b"error", headers={"Content-Type": "text/plain"})
        else:
            self.add("/robots.txt", body=robots.encode(), headers={"Content-Type": "text/plain"})
        self._thread = threading.Thread(target=self._server.serve_forever, name="newsite", daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(self, path: str, *, status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None) -> str:
        """Serve a fixed response at `path`; returns its URL."""
        self._routes[path] = _Static(status, body, dict(headers or {}))
        return self.url(path)

    def requests_for(self, path: str) -> list[SeenRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def paths_requested(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests]

    def hit(self, path: str) -> int:
        """Count a request to `path`; returns how many came before this one."""
        with self._lock:
            n = self._hits.get(path, 0)
            self._hits[path] = n + 1
            return n

    def close(self) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> NewsSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- routes

    def _install_routes(self) -> None:
        html = "text/html; charset=utf-8"
        ar_utf8 = arabic_page("utf-8").encode("utf-8")
        self.add("/robots.txt", body=ROBOTS_TXT.encode(), headers={"Content-Type": "text/plain"})
        self.add("/ar/geneva-talks.html", body=ar_utf8, headers={"Content-Type": html})
        self.add("/en/jeddah-talks.html", body=english_page().encode(), headers={"Content-Type": html})
        self.add(
            "/ar/legacy-1256.html",
            body=arabic_page("windows-1256").encode("cp1256"),
            headers={"Content-Type": "text/html"},
        )
        self.add(
            "/ar/legacy-8859-6.html",
            body=arabic_page("iso-8859-6").encode("iso8859_6", errors="replace"),
            headers={"Content-Type": "text/html"},
        )
        # A common misconfiguration: the server's default label on a windows-1256 page.
        self.add(
            "/ar/mislabelled-latin1.html",
            body=arabic_page(None).encode("cp1256"),
            headers={"Content-Type": "text/html; charset=iso-8859-1"},
        )
        self.add("/ar/plain.txt", body="\n\n".join(AR_PARAGRAPHS).encode(), headers={"Content-Type": "text/plain"})
        self.add("/no-content-type.html", body=ar_utf8)
        self.add(
            "/gzip.html",
            body=gzip.compress(ar_utf8),
            headers={"Content-Type": html, "Content-Encoding": "gzip"},
        )
        self.add("/empty.html", body=b"", headers={"Content-Type": html})
        self.add("/blank.html", body=b"  \r\n \n", headers={"Content-Type": html})
        self.add("/report.pdf", body=PDF_BYTES, headers={"Content-Type": "application/pdf"})
        self.add("/photo.png", body=PNG_BYTES, headers={"Content-Type": "image/png"})
        self.add("/disguised-pdf.html", body=PDF_BYTES, headers={"Content-Type": html})
        self.add("/garbage.html", body=b"\x00\x13\x07binary\x00\xfe" * 200, headers={"Content-Type": "text/html"})
        for code in (400, 403, 404, 410, 500, 502, 503):
            self.add(f"/status/{code}", status=code, body=b"<h1>error</h1>", headers={"Content-Type": html})
        self.add(
            "/status/429",
            status=429,
            body=b"slow down",
            headers={"Content-Type": "text/plain", "Retry-After": str(RETRY_AFTER_SECONDS)},
        )
        self.add(
            "/status/503-date",
            status=503,
            body=b"maintenance",
            headers={"Content-Type": "text/plain", "Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"},
        )
        self.add("/redirect/loop-a", status=302, headers={"Location": "/redirect/loop-b"})
        self.add("/redirect/loop-b", status=302, headers={"Location": "/redirect/loop-a"})
        self.add("/redirect/to-article", status=301, headers={"Location": "/ar/geneva-talks.html"})
        self.add("/redirect/relative/start", status=302, headers={"Location": "../../ar/geneva-talks.html"})
        self.add("/redirect/to-ftp", status=302, headers={"Location": "ftp://127.0.0.1/file.txt"})
        for n in range(1, 12):
            target = f"/redirect/hops/{n - 1}" if n > 1 else "/en/jeddah-talks.html"
            self.add(f"/redirect/hops/{n}", status=307, headers={"Location": target})
        self._routes["/etag/geneva.html"] = _Handler.conditional
        self._routes["/stall"] = _Handler.stall
        self._routes["/stall-before-headers"] = _Handler.stall_before_headers
        self._routes["/drip"] = _Handler.drip
        self._routes["/huge"] = _Handler.huge
        self._routes["/huge-declared"] = _Handler.huge_declared
        self._routes["/echo-headers"] = _Handler.echo_headers

    def _install_sources(self) -> None:
        html, base, other = "text/html; charset=utf-8", self.base_url, self.other
        for slug in STORIES:
            if slug != "ar-legacy-1256":
                self.add(f"/news/{slug}.html", body=story_page(slug, base).encode(), headers={"Content-Type": html})
        # legacy Arabic: windows-1256 bytes, declared only in <meta>; the server's header says latin-1
        self.add(
            "/news/ar-legacy-1256.html",
            body=story_page("ar-legacy-1256", base, "windows-1256").encode("cp1256"),
            headers={"Content-Type": "text/html; charset=iso-8859-1"},
        )
        self.add("/news/malformed.html", body=MALFORMED_HTML.encode(), headers={"Content-Type": html})
        self.add("/files/brief", body=PDF_BYTES, headers={"Content-Type": "application/pdf"})
        self.add("/files/photo", body=PNG_BYTES, headers={"Content-Type": "image/png"})
        self.add("/private/leak.html", body=story_page("en-faults-5", base).encode(), headers={"Content-Type": html})
        self.add("/redirect/offsite", status=302, headers={"Location": other + "/news/en-jeddah-1.html"})
        self.add("/redirect/to-private", status=302, headers={"Location": "/private/leak.html"})
        self.add("/xxe-secret", body=XXE_SECRET.encode(), headers={"Content-Type": "text/plain"})
        for n in (1, 2, 3):
            self.add(f"/broken/{n}.html", body=broken_template_page(n).encode(), headers={"Content-Type": html})
        rss = "application/rss+xml; charset=utf-8"

        self.add(
            "/feeds/rss.xml",
            headers={"Content-Type": rss},
            body=_rss(
                [
                    (
                        f"{base}/news/ar-geneva-1.html?utm_source=rss&utm_medium=feed",
                        STORIES["ar-geneva-1"][1],
                        _rfc822("ar-geneva-1"),
                    ),
                    (f"{base}/news/en-jeddah-1.html#comments", STORIES["en-jeddah-1"][1], _rfc822("en-jeddah-1")),
                    (f"{base}/news/ar-legacy-1256.html", STORIES["ar-legacy-1256"][1], _rfc822("ar-legacy-1256")),
                    (f"{base}/news/ar-geneva-1.html", "the same story again, without tracking parameters", None),
                ]
            ),
        )
        atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/news/" xml:lang="en">
<title>{EN_SITE}</title><id>urn:ledger</id><updated>2026-03-05T08:00:00Z</updated>
<entry><title>{STORIES["en-istanbul-2"][1]}</title><id>urn:2</id><link rel="alternate" href="en-istanbul-2.html"/>
<published>{STORIES["en-istanbul-2"][3]}</published><updated>2026-03-05T09:00:00Z</updated></entry>
<entry xml:lang="ar"><title>{STORIES["ar-riyadh-2"][1]}</title><id>urn:3</id><link href="ar-riyadh-2.html"/>
<published>{STORIES["ar-riyadh-2"][3]}</published></entry>
</feed>"""
        self.add("/feeds/atom.xml", body=atom.encode(), headers={"Content-Type": "application/atom+xml"})

        index = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/sitemaps/news.xml</loc></sitemap>"
            f"<sitemap><loc>{base}/sitemaps/archive.xml.gz</loc></sitemap>"
            f"<sitemap><loc>{other}/sitemaps/news.xml</loc></sitemap></sitemapindex>"
        )
        self.add("/sitemap_index.xml", body=index.encode(), headers={"Content-Type": "application/xml"})
        news = _urlset(
            [
                _news_url(f"{base}/news/en-geneva-3.html", "en-geneva-3"),
                _news_url(f"{base}/news/ar-doha-3.html", "ar-doha-3"),
                f"<url><loc>{base}/tag/politics/</loc></url>",
            ]
        )
        self.add("/sitemaps/news.xml", body=news, headers={"Content-Type": "application/xml"})
        archive = gzip.compress(
            _urlset([f"<url><loc>{base}/news/en-archive-4.html</loc><lastmod>2025-12-21</lastmod></url>"])
        )
        self.add("/sitemaps/archive.xml.gz", body=archive, headers={"Content-Type": "application/x-gzip"})

        self.add(
            "/feeds/faults.xml",
            headers={"Content-Type": rss},
            body=_rss(
                [
                    (f"{base}/news/en-faults-5.html", STORIES["en-faults-5"][1], _rfc822("en-faults-5")),
                    (f"{base}/news/malformed.html", "Malformed markup, readable text", None),
                    (f"{base}/status/404", "Gone missing", None),
                    (f"{base}/status/410", "Gone for good", None),
                    (f"{base}/status/500", "Server error every time", None),
                    (f"{base}/files/brief", "A PDF", None),
                    (f"{base}/files/photo", "An image", None),
                    (f"{base}/empty.html", "Nothing at all", None),
                    (f"{base}/garbage.html", "Binary junk", None),
                    (f"{base}/stall", "A server that stops talking", None),
                    (f"{base}/huge", "Fifty megabytes", None),
                    (f"{base}/redirect/loop-a", "Round and round", None),
                    (f"{base}/redirect/hops/9", "Too many hops", None),
                    (f"{base}/redirect/offsite", "Off to another host", None),
                    (f"{base}/private/leak.html", "Disallowed by robots.txt", None),
                    (f"{other}/news/en-jeddah-1.html", "Another host", None),
                    ("javascript:alert(1)", "Not a web link", None),
                    (f"{base}/flaky/503/1/faults", "Fails once, then works", None),
                    (f"{base}/flaky/429/1/faults-b", "Rate-limited once, then works", None),
                ]
            ),
        )
        self.add("/feeds/not-xml.xml", body=english_page().encode(), headers={"Content-Type": rss})
        self.add("/feeds/billion-laughs.xml", body=BILLION_LAUGHS, headers={"Content-Type": rss})
        self.add("/feeds/xxe-file.xml", body=xxe_feed("file:///etc/hostname"), headers={"Content-Type": rss})
        self.add("/feeds/xxe-http.xml", body=xxe_feed(f"{base}/xxe-secret"), headers={"Content-Type": rss})
        self.add(
            "/feeds/broken.xml",
            headers={"Content-Type": rss},
            body=_rss([(f"{base}/broken/{n}.html", f"Redesigned page {n}", None) for n in (1, 2, 3)]),
        )
        self._routes["/feeds/etag.xml"] = _Handler.conditional_feed
        self._prefixes["/flaky/"] = _Handler.flaky
        self._prefixes["/slow/"] = _Handler.slow


class _Handler(BaseHTTPRequestHandler):
    server_version = "newsite/1.0"
    protocol_version = "HTTP/1.0"  # one request per connection; bodies may end at close

    @property
    def site(self) -> NewsSite:
        return self.server.site  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        with self.site._lock:
            self.site.requests.append(SeenRequest(path, {k.lower(): v for k, v in self.headers.items()}))
        route = self.site._routes.get(path)
        if route is None:
            route = next((h for p, h in self.site._prefixes.items() if path.startswith(p)), None)
        try:
            if route is None:
                self._send(404, b"<h1>not found</h1>", {"Content-Type": "text/html"})
            elif isinstance(route, _Static):
                self._send(route.status, route.body, route.headers)
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (size cap, timeout): expected in these tests

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and status != 304:
            self.wfile.write(body)

    # -- dynamic routes

    def conditional(self) -> None:
        validators = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
        if self.headers.get("If-None-Match") == ETAG or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            self._send(304, b"", validators)
            return
        body = arabic_page("utf-8").encode()
        self._send(200, body, {"Content-Type": "text/html; charset=utf-8", **validators})

    def stall(self) -> None:
        """Headers and a first chunk, then silence: only a read timeout gets the client out."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<html><body><p>")
        self.wfile.flush()
        self.site.stop.wait(30)

    def stall_before_headers(self) -> None:
        self.site.stop.wait(30)

    def drip(self) -> None:
        """A byte every 0.2 s for up to 60 s: each read is quick, the whole never ends."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        for _ in range(300):
            if self.site.stop.wait(0.2):
                return
            self.wfile.write(b"x")
            self.wfile.flush()

    def huge(self) -> None:
        """50 MB streamed with no Content-Length: only counting while reading can stop it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        chunk = ("<p>" + "حشو " * 4000 + "</p>\n").encode()
        sent = 0
        while sent < 50_000_000 and not self.site.stop.is_set():
            self.wfile.write(chunk)
            sent += len(chunk)

    def huge_declared(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "50000000")
        self.end_headers()
        self.wfile.write(b"<p>" + b"a" * 1000)

    def conditional_feed(self) -> None:
        """A feed that answers 304 to its own ETag: re-runs find nothing new."""
        if self.headers.get("If-None-Match") == FEED_ETAG:
            self._send(304, b"", {"ETag": FEED_ETAG})
            return
        base = self.site.base_url
        body = _rss([(f"{base}/news/en-quiet-6.html", STORIES["en-quiet-6"][1], _rfc822("en-quiet-6"))])
        self._send(200, body, {"Content-Type": "application/rss+xml", "ETag": FEED_ETAG})

    def flaky(self) -> None:
        """/flaky/<status>/<n>/<name>: the first n requests get <status> (Retry-After: 0), then a story."""
        path = self.path.split("?", 1)[0]
        _, _, status, times, name = path.split("/", 4)
        if self.site.hit(path) < int(times):
            self._send(int(status), b"try again", {"Content-Type": "text/plain", "Retry-After": "0"})
            return
        page = story_page("en-faults-5", self.site.base_url).replace("en-faults-5", f"flaky-{name}")
        page = page.replace("overnight.", f"overnight, a spokesman for the {name} desk said.")
        self._send(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})

    def slow(self) -> None:
        """/slow/<name>: a story after 0.2 s, counting how many such requests overlap in those 0.2 s.
        The count drops before the answer is sent: once the client has the answer it may send the
        next request while this thread is still returning, which is no overlap."""
        with self.site._lock:
            self.site.in_flight += 1
            self.site.max_in_flight = max(self.site.max_in_flight, self.site.in_flight)
        try:
            self.site.stop.wait(0.2)
        finally:
            with self.site._lock:
                self.site.in_flight -= 1
        self._send(200, story_page("en-geneva-3", self.site.base_url).encode(), {"Content-Type": "text/html"})

    def echo_headers(self) -> None:
        lines = "".join(f"<p>{k}: {v}</p>\n" for k, v in self.headers.items())
        self._send(200, f"<html><body>{lines}</body></html>".encode(), {"Content-Type": "text/html; charset=utf-8"})
