"""Take the README's picture: a page written by ``kg build``, as headless Chromium shows it.

Usage: python scripts/screenshot.py graph.html docs/graph.png
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def screenshot(page_path: Path, image_path: Path, width: int = 1400, height: int = 850) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body[data-kg-layout=stable]", state="attached", timeout=60_000)
        page.wait_for_timeout(300)
        page.screenshot(path=str(image_path))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("image", type=Path)
    args = parser.parse_args()
    screenshot(args.page, args.image)
    print(f"wrote {args.image}")


if __name__ == "__main__":
    main()
