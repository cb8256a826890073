"""Screenshots of each step of the web app, for the README: a real `sopan web` on a free
loopback port, driven by Debian's Chromium, through the bundled example invitation.

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


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    server = start_server(Path(tempfile.mkdtemp(prefix="sopan-shots-")))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])  # fmt: skip
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(server.start)
            page.set_input_files("#file", str(EXAMPLE))
            page.screenshot(path=str(out / "1-invitation.png"), full_page=True)
            page.click("form[action='/invitation'] button")
            page.wait_for_url("**/facts")
            page.screenshot(path=str(out / "2-facts.png"), full_page=True)
            page.click("button[name=confirm]")
            page.check("#intent-decline")
            page.select_option("#reason", "accepted-offer")
            page.check("#interest-no")
            page.screenshot(path=str(out / "3-situation.png"), full_page=True)
            page.click("form[action='/situation'] button[type=submit]")
            page.wait_for_url("**/plan")
            page.screenshot(path=str(out / "4-plan.png"), full_page=True)
            page.click("form[action='/plan'] button[type=submit]")
            page.wait_for_url("**/drafts")
            area = page.locator("textarea[name=text_email]")
            area.click()
            page.keyboard.press("End")
            page.keyboard.type(" Proses rekrutmennya terlalu lama.")
            page.locator("#findings-email >> text=menyalahkan").first.wait_for()
            page.screenshot(path=str(out / "5-drafts.png"), full_page=True)
            page.click("button[name=next]")
            page.wait_for_url("**/take")
            page.screenshot(path=str(out / "6-take.png"), full_page=True)
            browser.close()
    finally:
        stop_server(server)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
