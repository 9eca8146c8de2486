"""Headless Chromium, offline: open a page, read what it drew, screenshot it, print it to PDF.

graphreg uses the browser for two jobs: printing the household handbook to PDF, and checking
that a diagram really draws with no network (tests, and ``graphreg diagram --check``). The
browser always runs with networking blocked (a dead proxy and a resolver that resolves
nothing), a throw-away profile, and no background services.

:func:`inspect_page` speaks the DevTools protocol over ``--remote-debugging-pipe`` (file
descriptors 3 and 4, JSON messages ended by a NUL byte), so it needs no extra library.

    >>> "--proxy-server=127.0.0.1:9" in offline_flags("/tmp/x")
    True
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphreg.errors import MissingToolError

#: Where to look for the browser, in order (``GRAPHREG_CHROMIUM`` first when set).
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
              "/usr/bin/google-chrome-stable")
INSTALL_HINT = ("Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium "
                "fonts-noto-cjk`), or set GRAPHREG_CHROMIUM to a Chrome/Chromium executable.")


def find_chromium() -> str:
    """The Chromium executable to use.

    Returns
    -------
    The path of ``$GRAPHREG_CHROMIUM`` or the first installed of :data:`CANDIDATES`.

    Raises
    ------
    MissingToolError: no browser found; the message says how to install one.
    """
    env = os.environ.get("GRAPHREG_CHROMIUM")
    for c in ([env] if env else []) + list(CANDIDATES):
        if c and os.access(c, os.X_OK):
            return c
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise MissingToolError("headless Chromium was not found. " + INSTALL_HINT)


def offline_flags(profile: str) -> list[str]:
    """Command-line flags for a headless browser that cannot reach any network.

    Parameters
    ----------
    profile: a throw-away user-data directory.
    """
    return ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--host-resolver-rules=MAP * ~NOTFOUND"]


def print_to_pdf(html: Path, pdf: Path, *, timeout: float = 60) -> Path:
    """Print a local HTML file to PDF with headless Chromium (offline), A4, no header/footer.

    Parameters
    ----------
    html: the page to print.
    pdf: the PDF file to write.
    timeout: seconds before giving up.

    Returns
    -------
    ``pdf``.
    """
    exe = find_chromium()
    html, pdf = Path(html).resolve(), Path(pdf).resolve()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="graphreg-chromium-") as prof:
        cmd = [exe, *offline_flags(prof), "--no-pdf-header-footer",
               f"--print-to-pdf={pdf}", html.as_uri()]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if res.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise MissingToolError(f"Chromium could not print {html} to PDF (exit {res.returncode}): "
                               f"{res.stderr.strip()[-500:]}")
    return pdf


@dataclass
class PageReport:
    """What a headless browser saw when it opened a page."""

    #: Value of the page's ``window.graphreg`` object (node/edge counts of the data sets).
    data: dict[str, Any] = field(default_factory=dict)
    #: Console errors/warnings and uncaught exceptions, as text.
    errors: list[str] = field(default_factory=list)
    #: Every URL the page asked for that was not ``file:``, ``data:``, ``blob:`` or ``about:``.
    network: list[str] = field(default_factory=list)
    #: Seconds from navigation until the page reported it had drawn.
    seconds: float = 0.0


class _Pipe:
    """A DevTools connection over fds 3/4 of a Chromium started with --remote-debugging-pipe."""

    def __init__(self, exe: str, profile: str, width: int, height: int) -> None:
        to_child_r, self._w = os.pipe()
        self._r, from_child_w = os.pipe()

        def setup() -> None:  # runs in the child before exec
            # Copy both ends out of the way first: the pipes may themselves be fds 3..6.
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.proc = subprocess.Popen(
            [exe, *offline_flags(profile), "--remote-debugging-pipe",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=setup)  # our other fds are non-inheritable (PEP 446)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, *,
             session: str | None = None, timeout: float = 30) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self._id:
                if "error" in m:
                    raise RuntimeError(f"DevTools {method}: {m['error']}")
                return dict(m.get("result", {}))
            self.events.append(m)

    def _read(self, deadline: float) -> dict[str, Any]:
        import select
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from Chromium")
            ready, _, _ = select.select([self._r], [], [], left)
            if ready:
                chunk = os.read(self._r, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return dict(json.loads(raw))

    def pump(self, seconds: float) -> None:
        """Collect events for a while."""
        deadline = time.monotonic() + seconds
        try:
            while time.monotonic() < deadline:
                self.events.append(self._read(deadline))
        except TimeoutError:
            pass

    def close(self) -> None:
        try:
            os.write(self._w, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        finally:
            os.close(self._w)
            os.close(self._r)


def inspect_page(html: Path, *, screenshot: Path | None = None, timeout: float = 60,
                 width: int = 1400, height: int = 900) -> PageReport:
    """Open a local page in offline headless Chromium and report what it drew.

    The page is expected to set ``window.graphreg = {nodes, edges, drawn, ...}`` (every
    graphreg diagram does); the call waits until ``drawn`` is true or ``timeout`` passes.

    Parameters
    ----------
    html: the page.
    screenshot: when given, a PNG of the drawn page is written there.
    timeout: seconds to wait for the page to draw.
    width, height: the window size in pixels.

    Returns
    -------
    A :class:`PageReport`: the page's counts, console errors, and any network request it made.
    """
    exe = find_chromium()
    url = Path(html).resolve().as_uri()
    report = PageReport()
    with tempfile.TemporaryDirectory(prefix="graphreg-chromium-") as prof:
        pipe = _Pipe(exe, prof, width, height)
        try:
            try:
                target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            except (RuntimeError, TimeoutError, OSError) as e:
                raise MissingToolError(f"Chromium ({exe}) started but did not answer on the "
                                       f"DevTools pipe ({e}). Run `{exe} --headless "
                                       "--no-sandbox --dump-dom about:blank` to see why. "
                                       + INSTALL_HINT) from None
            sid = pipe.send("Target.attachToTarget", {"targetId": target, "flatten": True}
                            )["sessionId"]
            for dom in ("Runtime.enable", "Log.enable", "Network.enable", "Page.enable"):
                pipe.send(dom, session=sid)
            pipe.send("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1,
                       "mobile": False}, session=sid)
            t0 = time.monotonic()
            pipe.send("Page.navigate", {"url": url}, session=sid)
            expr = "JSON.stringify(window.graphreg || null)"
            while True:
                res = pipe.send("Runtime.evaluate", {"expression": expr, "returnByValue": True},
                                session=sid)
                value = res.get("result", {}).get("value")
                data = json.loads(value) if isinstance(value, str) else None
                if data and data.get("drawn"):
                    report.data = data
                    report.seconds = round(time.monotonic() - t0, 2)
                    break
                if time.monotonic() - t0 > timeout:
                    report.data = data or {}
                    report.errors.append(f"the page did not report drawn within {timeout} s")
                    break
                pipe.pump(0.2)
            pipe.pump(0.3)
            if screenshot:
                shot = pipe.send("Page.captureScreenshot", {"format": "png"}, session=sid)
                Path(screenshot).write_bytes(base64.b64decode(shot["data"]))
        finally:
            pipe.close()
    for ev in pipe.events:
        method, p = ev.get("method"), ev.get("params", {})
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            report.errors.append(f"console.{p.get('type')}: {args}")
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            report.errors.append("exception: " + str(d.get("exception", {}).get("description")
                                                    or d.get("text")))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            entry = p["entry"]
            report.errors.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            u = p.get("request", {}).get("url", "")
            if not u.startswith(("file:", "data:", "blob:", "about:")):
                report.network.append(u)
    return report
