"""Helpers for the browser tests: a page that counts dialogs, CSP violations, script errors
and requests leaving the server; screenshots into docs/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"

# Records of each page: dialogs opened, CSP violations, console errors, scripts that ran.
WATCH = """
window.__parley = {csp: [], errors: []};
document.addEventListener('securitypolicyviolation', function (e) {
  window.__parley.csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});
window.addEventListener('error', function (e) { window.__parley.errors.push(String(e.message)); });
"""


class Watched:
    """A page with its dialogs and requests counted."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", self._request)
        page.add_init_script(WATCH)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request: Any) -> None:
        if not request.url.startswith(self.base):
            self.outside.append(request.url)

    def goto(self, path: str, wait: str = "networkidle") -> Any:
        response = self.page.goto(self.base + path, wait_until="load")
        if wait != "load":
            self.page.wait_for_load_state(wait)
        return response

    def report(self) -> dict[str, Any]:
        got = self.page.evaluate("window.__parley || {csp: [], errors: []}")
        return {"dialogs": list(self.dialogs), "outside": list(self.outside), **got}


def screenshot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
