"""Find (or install once) a headless Chromium, run it on local files only, and read its PNGs.

Used by the report's real-browser test. Chromium is told to open one file:// URL, every host
name is made unresolvable and every other request is sent to a dead proxy, so even a report that
did reference the network could not reach it (and the net log would show the attempt).
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENSURE_SCRIPT = ROOT / "scripts" / "ensure_chromium.sh"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_TIMEOUT_S = 900
RUN_TIMEOUT_S = 120

# The brief's flags plus belt-and-braces ones that keep Chromium's own background traffic off.
BASE_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--no-pings",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--hide-scrollbars",
)

_install_attempt: str | None = None  # the reason from the one install attempt of this process, if any


def find_chromium() -> str | None:
    """$ROUNDTABLE_CHROMIUM, else the first Chromium/Chrome on PATH or at /usr/bin/chromium."""
    override = os.environ.get("ROUNDTABLE_CHROMIUM")
    if override and os.access(override, os.X_OK):
        return override
    for name in CANDIDATES:
        if found := shutil.which(name):
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def ensure_chromium() -> tuple[str | None, str]:
    """(path, "") when Chromium is there, installing it once via apt when we are root;
    else (None, why not) for pytest.skip."""
    global _install_attempt
    if found := find_chromium():
        return found, ""
    if _install_attempt is not None:
        return None, _install_attempt
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        _install_attempt = "chromium not installed (and not root with apt-get to install it)"
        return None, _install_attempt
    try:
        proc = subprocess.run(
            ["bash", str(ENSURE_SCRIPT)], capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S, check=False
        )
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        _install_attempt = f"installing chromium failed: {tail[0]}"
    except (OSError, subprocess.TimeoutExpired) as exc:
        _install_attempt = f"installing chromium failed: {exc}"
    if found := find_chromium():
        return found, ""
    return None, _install_attempt


def chromium_args(binary: str, page: Path, profile: Path, extra: Sequence[str]) -> list[str]:
    return [binary, *BASE_FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()]


def run_chromium(binary: str, page: Path, workdir: Path, extra: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """One headless run on `page` with a fresh profile under `workdir`."""
    profile = workdir / f"profile-{len(list(workdir.glob('profile-*')))}"
    profile.mkdir(parents=True)
    return subprocess.run(
        chromium_args(binary, page, profile, extra),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
        cwd=workdir,
    )


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself asked the network stack for, from Chromium's --log-net-log JSON.

    Chromium's own background requests (update checks, sign-in) carry the initiator
    "not an origin" and are left out: the resolver rules and dead proxy stop those anyway. A
    request made by the file:// page carries its origin ("null") as initiator."""
    text = net_log.read_text(encoding="utf-8", errors="replace").rstrip().rstrip(",")
    if not text.endswith("}"):  # a log cut short at exit lacks its closing brackets
        text += "]}"
    try:
        log = json.loads(text)
    except json.JSONDecodeError:  # cut mid-event: keep every complete event before the cut
        log = json.loads(text[: text.rindex("},") + 1] + "]}")
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    url_of: dict[int, str] = {}  # a request's URL is on some of its events, keyed by source id
    from_page: set[int] = set()
    for ev in log.get("events", []):
        params, source = ev.get("params") or {}, ev.get("source", {}).get("id")
        if isinstance(params.get("url"), str):
            url_of.setdefault(source, params["url"])
        if ev.get("type") == start_job and params.get("initiator", "not an origin") != "not an origin":
            from_page.add(source)
    return sorted(url_of.get(s, f"<request {s}>") for s in from_page)


# ---------------------------------------------------------------- PNG, pure Python


@dataclass(frozen=True, slots=True)
class Png:
    width: int
    height: int
    channels: int
    rows: list[bytes]  # unfiltered scanlines


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(kind: int, line: bytearray, prev: bytes, bpp: int) -> bytes:
    n = len(line)
    if kind == 1:
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 0xFF
    elif kind == 2:
        for i in range(n):
            line[i] = (line[i] + prev[i]) & 0xFF
    elif kind == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            up_left = prev[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + _paeth(left, prev[i], up_left)) & 0xFF
    return bytes(line)


def read_png(path: Path) -> Png:
    """Decode an 8-bit RGB/RGBA/grey non-interlaced PNG (what Chromium writes)."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, [], b""
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos : pos + 4]), data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    raw, stride = zlib.decompress(b"".join(idat)), width * channels
    rows, prev = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        prev = _unfilter(raw[start], bytearray(raw[start + 1 : start + 1 + stride]), prev, channels)
        rows.append(prev)
    return Png(width, height, channels, rows)


def colour_stats(png: Png) -> tuple[int, float]:
    """(distinct colours, share of pixels that differ from the most common colour)."""
    counts: dict[bytes, int] = {}
    c = png.channels
    for row in png.rows:
        for i in range(0, len(row), c):
            px = row[i : i + c]
            counts[px] = counts.get(px, 0) + 1
    total = png.width * png.height
    return len(counts), 1 - max(counts.values()) / total if total else 0.0
