"""A static host as the site will have, on a loopback port: for the tests and the benchmark.

Correct types, gzip for text, revalidated caching; options (a subclass's attributes) make it a
plain host, a slow one, one that fails or damages a file once, or one that notes each request.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import socket
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, AnyStr, BinaryIO, ClassVar

if TYPE_CHECKING:
    from _typeshed import SupportsRead, SupportsWrite


@functools.lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    """Compressed once per file version, as a real host or CDN does."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A static host as the site will have: correct types, gzip for text, revalidated caching."""

    # Chromium revalidates what it cached (If-None-Match) only from an HTTP/1.1 host.
    protocol_version = "HTTP/1.1"

    # An instance attribute in the base class, so not a ClassVar here (mypy), though shared.
    extensions_map = {  # noqa: RUF012
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json",
    }
    COMPRESSIBLE = (
        ".html",
        ".css",
        ".js",
        ".mjs",
        ".json",
        ".svg",
        ".xml",
        ".wasm",
        ".txt",
        ".ipynb",
    )

    prefix = ""  # serve the site under a sub-path, as many static hosts do ("/guide")
    # Options, set on a subclass (serve(..., handler=type("X", (StaticHandler,), {...}))):
    compress = True  # False: a plain host that compresses nothing
    max_age: int | None = None  # Cache-Control: max-age=N, as many hosts send, instead of no-cache
    requests: list[str] | None = None  # when a list, every GET's path is appended to it
    fail_once: tuple[str, ...] = ()  # paths ending so answer 503 the first time they are asked for
    # Paths ending so answer 200 the first time with a damaged body, as a broken upload or proxy
    # would: "truncate" sends the first half (with a matching length), "garble" flips bytes in
    # the middle (the same length).
    damage_once: ClassVar[dict[str, str]] = {}
    bytes_per_second: int | None = None  # send bodies at this pace, as a slow network would
    sent: dict[str, int] | None = None  # when a dict, the bytes of each paced body sent, by path

    def do_GET(self) -> None:
        if self.requests is not None:
            self.requests.append(self.path)
        failing = [end for end in self.fail_once if self.path.endswith(end)]
        if failing:
            type(self).fail_once = tuple(e for e in self.fail_once if e not in failing)
            self.send_error(503, "try again")
            return
        damaged = [end for end in self.damage_once if self.path.endswith(end)]
        if damaged:
            how = self.damage_once[damaged[0]]
            type(self).damage_once = {e: h for e, h in self.damage_once.items() if e != damaged[0]}
            self.send_damaged(how)
            return
        super().do_GET()

    def send_damaged(self, how: str) -> None:
        path = Path(self.translate_path(self.path))
        body = path.read_bytes()
        middle = len(body) // 2
        if how == "truncate":
            body = body[:middle]
        else:
            body = (
                body[:middle]
                + bytes(b ^ 0x5A for b in body[middle : middle + 4096])
                + body[middle + 4096 :]
            )
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(self.path))
        self.send_header("Content-Length", str(len(body)))
        # The file's own validator, as a host sends it: a browser may revalidate its damaged copy.
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        if not getattr(self, "_cache_control_sent", False):
            self.send_header("Cache-Control", self.cache_control())
        self._cache_control_sent = False
        super().end_headers()

    def cache_control(self) -> str:
        return f"max-age={self.max_age}" if self.max_age is not None else "no-cache"

    def copyfile(self, source: SupportsRead[AnyStr], outputfile: SupportsWrite[AnyStr]) -> None:
        if self.bytes_per_second is None:
            return super().copyfile(source, outputfile)
        chunk = max(1, self.bytes_per_second // 20)
        try:
            while block := source.read(chunk):
                outputfile.write(block)
                if self.sent is not None:
                    self.sent[self.path] = self.sent.get(self.path, 0) + len(block)
                time.sleep(0.05)  # the server's pace, not a test's wait
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser dropped the download
        return None

    def translate_path(self, path: str) -> str:
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return str(Path(self.directory) / "__outside_the_sub_path__")
            path = path[len(self.prefix) :]
        return super().translate_path(path)

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the stdlib redirects /dir to /dir/
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (
            self.compress and wants_gzip and path.suffix in self.COMPRESSIBLE and path.is_file()
        ):
            return super().send_head()
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}-gz"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        body = _gzipped(path, stat.st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        # no-cache unless max_age: revalidate every time, by ETag
        self.send_header("Cache-Control", self.cache_control())
        self._cache_control_sent = True
        self.send_header("ETag", etag)
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: object
    ) -> None:
        """A browser that drops a connection mid-download is normal, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(
    directory: Path, prefix: str = "", handler: type = StaticHandler
) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free loopback port; returns the server and the site's base URL."""
    bound = functools.partial(
        type("Handler", (handler,), {"prefix": prefix}), directory=str(directory)
    )
    server = QuietServer(("127.0.0.1", 0), bound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"
