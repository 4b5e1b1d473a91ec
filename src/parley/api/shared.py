"""Answers shared by the worker processes of one `parley serve --workers N`.

Each worker keeps its answers in memory; this folder (made by the parent process, removed
when it stops) lets a question that one worker has answered be read by the others instead
of computed again, and lets one worker compute a question while the others wait for it.
Plain files, no database: ``<hash>.json`` holds an answer's bytes (written to a temporary
name, then renamed, so a reader sees all of it or nothing); ``<hash>.claim``, made with
O_EXCL, says that some worker is computing it. The hash covers the question and the
store's data version, so an answer from before a change is never read.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Any


class SharedAnswers:
    def __init__(self, folder: str | Path, max_mb: float = 256.0) -> None:
        self.folder = Path(folder)
        self.max_bytes = int(max_mb * 1024 * 1024)
        self._writes = 0

    @staticmethod
    def name(key: Any) -> str:
        """A file name for a question (its repr is the same in every process)."""
        return hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"),
                               digest_size=16).hexdigest()

    def get(self, name: str) -> bytes | None:
        try:
            return (self.folder / f"{name}.json").read_bytes()
        except OSError:
            return None

    def claim(self, name: str, stale_s: float) -> bool:
        """True: this worker computes the question (no other claimed it, or its claim is
        older than ``stale_s``: that worker stopped or gave up)."""
        path = self.folder / f"{name}.claim"
        for _ in range(2):
            try:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                return True
            except FileExistsError:
                try:
                    if time.time() - path.stat().st_mtime < stale_s:
                        return False
                    path.unlink()
                except FileNotFoundError:
                    pass
            except OSError:
                return True  # the folder is gone or full: compute here, share nothing
        return False

    def release(self, name: str) -> None:
        try:
            (self.folder / f"{name}.claim").unlink()
        except OSError:
            pass

    def put(self, name: str, body: bytes) -> None:
        """Share an answer (best effort: a full disk only means the others compute it)."""
        tmp = self.folder / f"{name}.{os.getpid()}.tmp"
        try:
            tmp.write_bytes(body)
            os.replace(tmp, self.folder / f"{name}.json")
        except OSError:
            tmp.unlink(missing_ok=True)
        finally:
            self.release(name)
        self._writes += 1
        if self._writes % 100 == 0:
            self.prune()

    def prune(self) -> None:
        """Drop the oldest answers while the folder holds more than ``max_bytes``."""
        try:
            files = [(p.stat().st_mtime, p.stat().st_size, p)
                     for p in self.folder.glob("*.json")]
        except OSError:
            return
        total = sum(size for _, size, _ in files)
        for _, size, p in sorted(files, key=lambda f: f[0]):
            if total <= self.max_bytes:
                break
            p.unlink(missing_ok=True)
            total -= size
