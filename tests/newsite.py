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
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
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

    def __init__(self) -> None:
        self.stop = threading.Event()  # wakes stalled handlers so the server can shut down
        self.requests: list[SeenRequest] = []
        self._lock = threading.Lock()
        self._routes: dict[str, Callable[[_Handler], None] | _Static] = {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.site = self  # type: ignore[attr-defined]
        self._install_routes()
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

    def echo_headers(self) -> None:
        lines = "".join(f"<p>{k}: {v}</p>\n" for k, v in self.headers.items())
        self._send(200, f"<html><body>{lines}</body></html>".encode(), {"Content-Type": "text/html; charset=utf-8"})
