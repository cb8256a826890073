"""Screenshots of each step of the web app, for the README: a real `sopan web` on a free
loopback port, driven by Debian's Chromium, through the bundled example invitation, at a
desktop's width and at a phone's (390 px: the week becomes a list of days).

Run: .venv/bin/python scripts/screenshots.py [OUT]   (default docs/screenshots)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from web.conftest import CHROMIUM, start_server, stop_server  # noqa: E402

EXAMPLE = ROOT / "examples" / "undangan_wawancara_id.eml"


def _walk(page: object, server: object, out: Path, prefix: str) -> None:
    """The flow from the first page to taking the drafts away, a picture at each step."""
    p: object = page
    base = server.base  # type: ignore[attr-defined]

    def shot(name: str) -> None:
        p.screenshot(path=str(out / f"{prefix}{name}.png"), full_page=True)  # type: ignore[attr-defined]

    p.goto(server.start)  # type: ignore[attr-defined]
    p.set_input_files("#file", str(EXAMPLE))  # type: ignore[attr-defined]
    shot("1-invitation")
    p.click("form[action='/invitation'] button")  # type: ignore[attr-defined]
    p.wait_for_url("**/facts")  # type: ignore[attr-defined]
    shot("2-facts")
    p.click("button[name=confirm]")  # type: ignore[attr-defined]
    p.check("#intent-decline")  # type: ignore[attr-defined]
    p.select_option("#reason", "accepted-offer")  # type: ignore[attr-defined]
    p.check("#interest-no")  # type: ignore[attr-defined]
    shot("3-situation")
    p.click("form.situation button[type=submit]")  # type: ignore[attr-defined]
    p.wait_for_url("**/plan")  # type: ignore[attr-defined]
    shot("4-plan")
    p.click("form.plan button[type=submit]")  # type: ignore[attr-defined]
    p.wait_for_url("**/drafts")  # type: ignore[attr-defined]
    area = p.locator("textarea[name=text_email]")  # type: ignore[attr-defined]
    area.click()
    blame = "\nProses rekrutmennya terlalu lama."
    p.keyboard.press("Control+End")  # type: ignore[attr-defined]
    p.keyboard.type(blame)  # type: ignore[attr-defined]
    found = p.locator("#findings-email li.finding", has_text="menyalahkan")  # type: ignore[attr-defined]
    found.first.wait_for()
    shot("5-drafts")
    for _ in blame:  # taken out again: the drafts taken away are the ones sopan wrote
        p.keyboard.press("Backspace")  # type: ignore[attr-defined]
    found.first.wait_for(state="detached")
    p.click("button[name=next]")  # type: ignore[attr-defined]
    p.wait_for_url("**/take")  # type: ignore[attr-defined]
    shot("6-take")
    p.goto(base + "/")  # type: ignore[attr-defined]
    shot("0-cases")


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="sopan-shots-"))
    # a person who saved their details (the example's), as after the details page
    config = ROOT / "src" / "sopan" / "data" / "example_config.toml"
    (folder / "config.toml").write_text(config.read_text("utf-8").split("\n", 1)[1], "utf-8")
    server = start_server(folder)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])  # fmt: skip
            wide = browser.new_context(viewport={"width": 1200, "height": 900})
            _walk(wide.new_page(), server, out, "")
            narrow = browser.new_context(viewport={"width": 390, "height": 844},
                                         device_scale_factor=1)  # fmt: skip
            _walk(narrow.new_page(), server, out, "390-")
            browser.close()
    finally:
        stop_server(server)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
