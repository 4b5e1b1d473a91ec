"""Polite HTTP fetching with the standard library.

- a named user agent, ``Parley/0.1 (+https://github.com/parley)``;
- robots.txt, read once per host (a missing robots.txt allows all; one that fails with a
  5xx or times out disallows the host for this run, as RFC 9309 asks);
- a per-host rate limit (default one request a second per host);
- timeouts (default 20 s), retries with exponential back-off on timeouts, 429 and 5xx
  (default 2 retries: 1 s, 2 s; ``Retry-After`` is honoured up to 60 s);
- redirects followed by hand (at most 5), with a loop guard;
- conditional GET (``If-None-Match`` / ``If-Modified-Since``) from the validators of the
  last fetch of the same URL, kept in memory and optionally in a JSON file (written at
  each change, or with ``autosave=False`` only when :meth:`Fetcher.save` is called, e.g.
  once the articles of a run are stored).

- an overall deadline per page (default 60 s, ``deadline``) over connecting, the headers
  and the body, so a server that sends one byte every half second cannot hold a run;
- every transport failure is a :class:`FetchError`, never an exception that ends a URL
  list: a broken chunked body, too many or too long headers, a server that does not speak
  HTTP (``protocol``); a bad port or host (``bad_url``); a body shorter than its
  ``Content-Length`` (``short_body``); a host that cannot be reached is ``network`` (also
  when it was its robots.txt that could not be fetched), not ``robots``.

Every failure is a :class:`FetchError` with a short ``reason`` (``http_404``, ``http_500``,
``timeout``, ``redirect_loop``, ``too_many_redirects``, ``robots``, ``network``,
``protocol``, ``bad_url``, ``short_body``, ``too_large``) that becomes a Rejection at the
caller. Content that is not a page (``application/json``, images ...) is fetched but
:attr:`Response.is_page` is False, and the readers reject it as ``not_a_page``.
"""

from __future__ import annotations

import email.utils
import functools
import http.client
import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

USER_AGENT = "Parley/0.1 (+https://github.com/parley)"
MAX_BYTES = 20 * 1024 * 1024


class FetchError(Exception):
    def __init__(self, url: str, reason: str, detail: str) -> None:
        super().__init__(f"{url}: {reason} ({detail})")
        self.url = url
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # the final URL, after redirects
    status: int  # 200, or 304 when a conditional GET found nothing new
    body: bytes
    headers: dict[str, str]

    @property
    def charset(self) -> str | None:
        ctype = self.headers.get("content-type", "")
        for part in ctype.split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                return value.strip("\"' ")
        return None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def is_page(self) -> bool:
        """Whether the content can be an article: HTML, XHTML, plain text, a feed, or no
        declared type (sniffed later); not JSON, images, PDF, scripts ..."""
        ctype = self.content_type
        return (not ctype or ctype in PAGE_TYPES or ctype.endswith(("+xml", "/xml"))
                or ctype.startswith("text/") and ctype not in NOT_PAGE_TEXT)

    @property
    def not_a_page_detail(self) -> str:
        return (f"content type {self.content_type!r} is not a page (HTML, XHTML, text or a "
                "feed); not stored as article text")


PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
NOT_PAGE_TEXT = ("text/css", "text/javascript", "text/csv", "text/calendar", "text/vcard")


class _DeadlineSocket:
    """A socket whose every read waits at most until the page's deadline: a server that
    drips bytes cannot stretch one fetch beyond it (the per-read timeout alone restarts at
    each byte)."""

    def __init__(self, sock: socket.socket, deadline: float, timeout: float) -> None:
        self._sock, self._deadline, self._timeout = sock, deadline, timeout
        self._io_refs, self._closed = 0, False  # as socket.socket: close() waits for files

    def _arm(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the page's deadline passed")
        self._sock.settimeout(min(self._timeout, left))

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        self._arm()
        return self._sock.recv_into(buffer, nbytes, flags)

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        self._arm()
        return self._sock.recv(bufsize, flags)

    def makefile(self, mode: str = "r", buffering: int | None = None, **_: Any) -> Any:
        import io

        raw = socket.SocketIO(self, "rb")  # type: ignore[arg-type]
        self._io_refs += 1
        return io.BufferedReader(raw, buffering or io.DEFAULT_BUFFER_SIZE)

    def _decref_socketios(self) -> None:  # SocketIO.close() calls it
        self._io_refs = max(0, self._io_refs - 1)
        if self._closed and self._io_refs == 0:
            self._sock.close()

    def close(self) -> None:
        # urllib closes the connection's socket before the body is read: the file made by
        # makefile() keeps it open until it is closed too (the standard socket's rule)
        self._closed = True
        if self._io_refs == 0:
            self._sock.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _DeadlineHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()
        self.sock = _DeadlineSocket(self.sock, self._deadline, self.timeout)  # type: ignore[arg-type]


class _DeadlineHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()  # TCP and TLS under the per-read timeout
        self.sock = _DeadlineSocket(self.sock, self._deadline, self.timeout)  # type: ignore[arg-type]


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: Any) -> Any:
        return self.do_open(functools.partial(_DeadlineHTTPConnection, deadline=req.deadline), req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: Any) -> Any:
        return self.do_open(functools.partial(_DeadlineHTTPSConnection, deadline=req.deadline), req)


def to_uri(url: str) -> str:
    """An IRI as a URI: the host IDNA-encoded, the path and query percent-encoded where they
    hold non-ASCII characters (``http.client`` can send only ASCII). Raises ValueError for
    a URL that cannot be one (a broken IPv6 literal, a bad port)."""
    parts = urllib.parse.urlsplit(url)
    _ = parts.port  # ValueError for a port that is not a number in range
    if url.isascii():
        return url
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"host {host!r} cannot be IDNA-encoded") from exc
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{urllib.parse.quote(parts.username)}@{netloc}"
    safe = "/%:@!$&'()*+,;=-._~?"
    return urllib.parse.urlunsplit((parts.scheme, netloc, urllib.parse.quote(parts.path, safe),
                                    urllib.parse.quote(parts.query, safe + "="),
                                    urllib.parse.quote(parts.fragment, safe)))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class Fetcher:
    user_agent: str = USER_AGENT
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    per_host_interval: float = 1.0
    max_redirects: int = 5
    max_bytes: int = MAX_BYTES
    deadline: float = 60.0  # seconds for one page: connecting, headers and body together
    respect_robots: bool = True
    cache_path: Path | None = None
    autosave: bool = True  # write the cache at each change; else only on save()
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | FetchError | None] = field(default_factory=dict, repr=False)
    _validators: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(
            _NoRedirect(), _DeadlineHTTPHandler(), _DeadlineHTTPSHandler())
        if self.cache_path is not None and self.cache_path.exists():
            try:
                self._validators = json.loads(self.cache_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                logger.warning("ignoring unreadable fetch cache %s", self.cache_path)

    # -- politeness -----------------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            due = self._last.get(host, 0.0) + self.per_host_interval
            self._last[host] = max(now, due)
        if due > now:
            time.sleep(due - now)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url``. A host that cannot be reached at all
        raises its FetchError (``network``, ``timeout`` ...): the page cannot be fetched
        either, and the reason is the connection, not robots.txt."""
        if not self.respect_robots:
            return True
        parts = urllib.parse.urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            self._robots[base] = self._read_robots(base)
        rp = self._robots[base]
        if isinstance(rp, FetchError):
            raise FetchError(url, rp.reason, f"{rp.detail} (reaching {base})")
        return rp is None or rp.can_fetch(self.user_agent, url)

    def _read_robots(self, base: str) -> urllib.robotparser.RobotFileParser | FetchError | None:
        rp = urllib.robotparser.RobotFileParser()
        try:
            resp = self._request(f"{base}/robots.txt", {}, check_robots=False)
        except FetchError as exc:
            if exc.reason.startswith("http_4"):
                return None  # no robots.txt: everything allowed
            if exc.reason in ("network", "bad_url", "protocol"):
                return exc  # the host itself cannot be reached: say so for each URL
            logger.warning("robots.txt of %s failed (%s); not fetching from it", base, exc.reason)
            rp.parse(["User-agent: *", "Disallow: /"])
            return rp
        rp.parse(resp.body.decode("utf-8", "replace").splitlines())
        return rp

    # -- fetching -------------------------------------------------------------------------
    def get(self, url: str, conditional: bool = False, remember: bool = True) -> Response:
        """GET ``url`` politely; with ``conditional`` send the validators of the last fetch
        (a 304 answer comes back as ``Response(status=304, body=b"")``) and, unless
        ``remember`` is False, keep the new ones of a 200 answer (a caller that must first
        finish reading the answer keeps them itself with :meth:`remember`)."""
        if not url.startswith(("http://", "https://")):
            raise FetchError(url, "bad_url", "only http:// and https:// URLs can be fetched")
        try:
            url = to_uri(url)
        except ValueError as exc:
            raise FetchError(url, "bad_url", str(exc)) from None
        if not self.allowed(url):
            raise FetchError(url, "robots", f"robots.txt disallows {self.user_agent!r}")
        headers = {}
        if conditional:
            v = self._validators.get(url, {})
            if "etag" in v:
                headers["If-None-Match"] = v["etag"]
            if "last-modified" in v:
                headers["If-Modified-Since"] = v["last-modified"]
        resp = self._request(url, headers, check_robots=True)
        if conditional and remember and resp.status == 200:
            self.remember(url, resp)
        return resp

    def has_validators(self, url: str) -> bool:
        """Whether a conditional GET of ``url`` would send validators (ETag / Last-Modified)."""
        return bool(self._validators.get(url))

    def forget(self, url: str) -> None:
        """Drop ``url``'s validators, so that the next GET of it is a full one."""
        if self._validators.pop(url, None) is not None and self.autosave:
            self.save()

    def remember(self, url: str, resp: Response) -> None:
        """Keep ``resp``'s validators for a conditional GET of ``url`` next time."""
        v: dict[str, str] = {k: resp.headers[k] for k in ("etag", "last-modified")
                             if k in resp.headers}
        if v:
            self._validators[url] = v
            if self.autosave:
                self.save()

    def save(self) -> None:
        """Write the validators to ``cache_path`` (when there is one)."""
        if self.cache_path is None:
            return
        try:
            self.cache_path.write_text(json.dumps(self._validators), encoding="utf-8")
        except OSError as exc:
            logger.warning("cannot write fetch cache %s: %s", self.cache_path, exc)

    def _request(self, url: str, headers: dict[str, str], check_robots: bool) -> Response:
        seen = [url]
        current = url
        deadline = time.monotonic() + self.deadline  # one deadline over redirects and retries
        while True:
            resp = self._one(current, headers, deadline)
            if resp.status in (301, 302, 303, 307, 308):
                target = resp.headers.get("location")
                if not target:
                    raise FetchError(url, f"http_{resp.status}", "a redirect without a Location")
                try:
                    target = to_uri(urllib.parse.urljoin(current, target))
                except ValueError as exc:
                    raise FetchError(url, "bad_url", f"redirect to a bad URL: {exc}") from None
                if target in seen:
                    raise FetchError(url, "redirect_loop",
                                     " -> ".join(seen + [target]))
                if len(seen) > self.max_redirects:
                    raise FetchError(url, "too_many_redirects",
                                     f"more than {self.max_redirects} redirects")
                if check_robots and not self.allowed(target):
                    raise FetchError(target, "robots", "robots.txt disallows the redirect target")
                seen.append(target)
                current = target
                continue
            return resp

    def _one(self, url: str, headers: dict[str, str], deadline: float) -> Response:
        host = urllib.parse.urlsplit(url).netloc
        attempt = 0
        while True:
            self._wait_turn(host)
            retry_after: float | None = None
            try:
                req = urllib.request.Request(url, headers={
                    "User-Agent": self.user_agent, "Accept-Encoding": "identity", **headers})
                req.deadline = deadline  # type: ignore[attr-defined]
                with self._opener.open(req, timeout=self.timeout) as r:
                    body = r.read(self.max_bytes + 1)
                    hdrs = {k.lower(): v for k, v in r.headers.items()}
                    if len(body) > self.max_bytes:
                        raise FetchError(url, "too_large", f"over {self.max_bytes:,} bytes")
                    _check_length(url, body, hdrs)
                    return Response(r.geturl(), r.status, body, hdrs)
            except urllib.error.HTTPError as exc:
                hdrs = {k.lower(): v for k, v in (exc.headers or {}).items()}
                if exc.code in (301, 302, 303, 307, 308, 304):
                    return Response(url, exc.code, b"", hdrs)
                error = FetchError(url, f"http_{exc.code}", str(exc.reason))
                if exc.code != 429 and exc.code < 500:
                    raise error from None
                retry_after = _retry_after(hdrs.get("retry-after"))
            except TimeoutError as exc:
                error = self._timeout(url, exc, deadline)
            except urllib.error.URLError as exc:
                if isinstance(exc.reason, TimeoutError):
                    error = self._timeout(url, exc.reason, deadline)
                elif isinstance(exc.reason, (http.client.HTTPException, ValueError)):
                    raise _transport(url, exc.reason) from None
                else:
                    error = FetchError(url, "network", f"cannot connect: {exc.reason}")
            except (http.client.HTTPException, ValueError, UnicodeError) as exc:
                raise _transport(url, exc) from None
            except (ConnectionError, OSError) as exc:
                error = FetchError(url, "network", f"connection failed: {exc}")
            delay = retry_after if retry_after is not None else self.backoff * 2 ** attempt
            if attempt >= self.retries or time.monotonic() + delay >= deadline:
                raise error
            logger.info("%s: %s; retry %d in %.1f s", url, error.reason, attempt + 1, delay)
            time.sleep(delay)
            attempt += 1


    def _timeout(self, url: str, exc: BaseException, deadline: float) -> FetchError:
        if time.monotonic() >= deadline - 0.01:
            error = FetchError(url, "timeout",
                               f"the page took over {self.deadline:g} s in all (deadline)")
        else:
            error = FetchError(url, "timeout", f"no answer within {self.timeout:g} s")
        error.__cause__ = exc
        return error


def _transport(url: str, exc: BaseException) -> FetchError:
    """A broken answer (bad chunks, too many or too long headers, not HTTP) or a URL that
    cannot be sent (bad port, bad host): not worth a retry."""
    name = type(exc).__name__
    if isinstance(exc, (http.client.InvalidURL, UnicodeError)) or (
            isinstance(exc, ValueError) and not isinstance(exc, http.client.HTTPException)):
        return FetchError(url, "bad_url", f"{name}: {str(exc)[:200]}")
    if isinstance(exc, http.client.IncompleteRead):
        return FetchError(url, "short_body",
                          f"the body ended after {len(exc.partial):,} bytes: the connection "
                          "closed early or its chunked encoding is broken")
    return FetchError(url, "protocol", f"not a valid HTTP answer ({name}: {str(exc)[:200]})")


def _check_length(url: str, body: bytes, headers: dict[str, str]) -> None:
    """A body shorter than its ``Content-Length`` is a cut connection, not a page."""
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and "chunked" not in headers.get("transfer-encoding", "").lower() \
            and len(body) < int(declared):
        raise FetchError(url, "short_body",
                         f"{len(body):,} of the {int(declared):,} bytes the server announced")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return min(60.0, max(0.0, float(value)))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return min(60.0, max(0.0, parsed.timestamp() - time.time()))
