"""Take the README's pictures: a page written by ``kg build``, as headless Chromium shows it,
optionally in a given view (the page's state, as ``window.kg.setState`` takes it).

Usage: python scripts/screenshot.py graph.html docs/graph.png [--search NAME] [--state JSON]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def screenshot(page_path: Path, image_path: Path, width: int = 1400, height: int = 850,
               state: dict | None = None, search: str | None = None) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=60_000)
        if state:
            page.evaluate("(state) => kg.setState(state)", state)
        if search:
            page.fill("#kg-search", search)
            page.press("#kg-search", "Enter")
        page.wait_for_timeout(300)
        page.screenshot(path=str(image_path))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("image", type=Path)
    parser.add_argument("--state", type=json.loads, help="the view, e.g. '{\"from\": \"2020-01-01\"}'")
    parser.add_argument("--search", help="search for an actor and focus it")
    args = parser.parse_args()
    screenshot(args.page, args.image, state=args.state, search=args.search)
    print(f"wrote {args.image}")


if __name__ == "__main__":
    main()
