"""The graph page in a real (headless) Chromium: offline, complete, and safe.

Skipped when /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import networkx as nx
import pytest

from kg.render import write_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = {"file", "data", "about", "blob"}
EVIDENCE = "Washington held talks with Beijing on trade in Geneva."
HOSTILE_TEXT = "<img src=x onerror=alert(1)> then <script>window.pwned=1</script> end"
HOSTILE_NAME = "<img src=y onerror=alert(2)>"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

# Where, in page coordinates, an edge is: a point at ``t`` along the straight line
# between its two nodes. The edges hovered below are single, hence drawn straight.
EDGE_POINT = """([edgeId, t]) => {
  const net = window.kgNetwork, edge = window.kgData.edges.get(edgeId);
  const pos = net.getPositions([edge.from, edge.to]);
  const a = net.canvasToDOM(pos[edge.from]), b = net.canvasToDOM(pos[edge.to]);
  const box = document.getElementById("kg-network").getBoundingClientRect();
  return {x: box.left + a.x + (b.x - a.x) * t, y: box.top + a.y + (b.y - a.y) * t};
}"""
EDGE_OF_EVENT = """(eventKey) => window.kgData.edges.get({
  filter: (e) => e.kgEvents.some((i) => window.kgData.events[i].event === eventKey),
})[0].id"""


def actor(graph: nx.MultiDiGraph, key: str, name: str, type_: str = "COUNTRY") -> None:
    graph.add_node(key, name=name, type=type_, country=None, aliases=[], mentions=1)


def event(graph: nx.MultiDiGraph, src: str, dst: str, key: str, **attrs: object) -> None:
    data = {
        "action": "held talks with", "lemma": "hold talks with", "cameo": "04",
        "plover": "CONSULT", "quad": 1, "goldstein": 1.0, "doc": "doc-7",
        "title": "Trade talks resume", "sentence": 2, "text": EVIDENCE, "date": "2025-12-29",
        "location": "Geneva", "modality": "asserted", "confidence": 0.9,
    }
    data.update(attrs)
    graph.add_edge(src, dst, key=key, **data)


def browser_graph() -> nx.MultiDiGraph:
    """Six actors, seven events; ev1 and ev6 are single edges, ev2/ev3 are parallel."""
    g = nx.MultiDiGraph()
    for key, name in (("USA", "United States"), ("CHN", "China"), ("RUS", "Russia"),
                      ("UKR", "Ukraine"), ("UN", "United Nations")):
        actor(g, key, name)
    actor(g, "EVIL", HOSTILE_NAME, "GROUP")
    event(g, "USA", "CHN", "ev1")
    event(g, "RUS", "UKR", "ev2", action="attacked", cameo="19", plover="FIGHT", quad=4,
          text="Russia attacked Ukraine.", date="2025-11-02")
    event(g, "RUS", "UKR", "ev3", action="shelled", cameo="19", plover="FIGHT", quad=4,
          text="Russia shelled Ukraine.", date="2025-11-03")
    event(g, "UKR", "RUS", "ev4", action="condemned", cameo="11", plover="DISAPPROVE", quad=3,
          text="Ukraine condemned Russia.", date=None)
    event(g, "UN", "UKR", "ev5", action="sent aid to", cameo="07", plover="AID", quad=2,
          text="The UN sent aid to Ukraine.", date="2025-10-01")
    event(g, "EVIL", "UN", "ev6", action="threatened", cameo="13", plover="THREATEN", quad=3,
          text=HOSTILE_TEXT, title="</script><b>t</b>", location="<i>x</i>")
    event(g, "UN", "CHN", "ev7", action="asked", cameo=None, plover=None, quad=None)
    return g


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(browser_graph(), tmp_path_factory.mktemp("page") / "graph.html")


class Visit:
    """An open graph page plus everything it tried to do."""

    def __init__(self, browser: object, path: Path) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", self._console)
        self.page.goto(path.as_uri())
        # A selector, not wait_for_function: the page's CSP forbids the eval that needs.
        self.page.wait_for_selector("body[data-kg-layout=stable]", state="attached")

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: object) -> None:
        if message.type == "error":  # CSP violations land here too
            self.errors.append(message.text)

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def hover_event(self, event_key: str) -> str:
        """Move the mouse onto the edge of ``event_key``; return the tooltip text."""
        edge_id = self.js(EDGE_OF_EVENT, event_key)
        tooltip = self.page.locator("#kg-tooltip")
        for t in (0.5, 0.4, 0.6, 0.3):
            point = self.js(EDGE_POINT, [edge_id, t])
            self.page.mouse.move(point["x"] + 8, point["y"] + 8)
            self.page.mouse.move(point["x"], point["y"])
            try:
                tooltip.wait_for(state="visible", timeout=1500)
            except sync_api.TimeoutError:
                continue
            return tooltip.inner_text()
        raise AssertionError(f"no tooltip on the edge of {event_key}")


@pytest.fixture()
def visit(browser: object, page_file: Path) -> Iterator[Visit]:
    opened = Visit(browser, page_file)
    yield opened
    opened.page.close()


def test_page_loads_offline_with_all_nodes_and_edges(visit: Visit) -> None:
    leaving = [url for url in visit.requests if urlsplit(url).scheme not in LOCAL_SCHEMES]
    assert leaving == []
    counts = visit.js(
        "() => [kgData.nodes.length, kgData.edges.length,"
        " Object.keys(kgNetwork.body.nodes).length, Object.keys(kgNetwork.body.edges).length]"
    )
    assert counts == [6, 7, 6, 7]
    assert visit.errors == []


def test_physics_stops_after_stabilisation(visit: Visit) -> None:
    assert visit.js("() => kgLayout.stabilized && kgNetwork.physics.options.enabled") is False
    assert visit.js("() => kgLayout.stabilized") is True
    positions = visit.js("() => kgNetwork.getPositions()")
    visit.page.wait_for_timeout(300)
    assert visit.js("() => kgNetwork.getPositions()") == positions


def test_edge_tooltip_shows_the_evidence(visit: Visit) -> None:
    text = visit.hover_event("ev1")
    assert EVIDENCE in text
    assert "Trade talks resume" in text and "doc-7" in text
    assert "CAMEO 04" in text and "PLOVER CONSULT" in text
    assert "2025-12-29" in text and "asserted" in text and "Geneva" in text


def test_hostile_text_renders_as_text(visit: Visit) -> None:
    text = visit.hover_event("ev6")
    assert HOSTILE_TEXT in text
    assert HOSTILE_NAME in text
    assert "</script><b>t</b>" in text
    point = visit.js(EDGE_POINT, [visit.js(EDGE_OF_EVENT, "ev6"), 0.5])
    visit.page.mouse.click(point["x"], point["y"])  # the details panel shows it too
    assert HOSTILE_TEXT in visit.page.inner_text("#kg-details")
    visit.page.wait_for_timeout(200)
    assert visit.page.locator("#kg-tooltip img, #kg-details img, #kg-panel b").count() == 0
    assert visit.js("() => typeof window.pwned") == "undefined"
    assert visit.dialogs == []
    assert visit.errors == []


def test_collapse_and_filters_change_the_edges(visit: Visit) -> None:
    visit.page.check("#kg-collapse")
    assert visit.js("() => kgData.edges.length") == 6  # ev2 and ev3 share one edge
    label = visit.js("() => kgData.edges.get({filter: (e) => e.kgEvents.length > 1})[0].label")
    assert label == "FIGHT ×2"
    visit.page.uncheck("#kg-collapse")
    visit.page.uncheck("input.kg-quad[data-quad='4']")
    assert visit.js("() => kgData.edges.length") == 5
    visit.page.select_option("#kg-category", "DISAPPROVE")
    assert visit.js("() => kgData.edges.length") == 1
    visit.page.click("#kg-reset")
    visit.page.fill("#kg-date-from", "2025-11-01")
    visit.page.fill("#kg-date-to", "2025-11-30")
    visit.page.uncheck("#kg-undated")
    assert visit.js("() => kgData.edges.length") == 2
    visit.page.click("#kg-reset")
    assert visit.js("() => kgData.edges.length") == 7


def test_search_selects_the_actor(visit: Visit) -> None:
    visit.page.fill("#kg-search", "ukraine")
    visit.page.press("#kg-search", "Enter")
    ukraine = visit.js("() => kgData.nodes.get({filter: (n) => n.label === 'Ukraine'})[0].id")
    assert visit.js("() => kgNetwork.getSelectedNodes()") == [ukraine]
    assert "Ukraine" in visit.page.inner_text("#kg-details")
    visit.page.fill("#kg-search", "atlantis")
    visit.page.press("#kg-search", "Enter")
    assert visit.page.inner_text("#kg-search-msg") == "no matching actor"


DATE_RANGES = [("2025-11-01", "2025-11-30"), ("2025-11-03", ""), ("", "2025-10-31"),
               ("2025-12-01", "2025-12-31")]


@pytest.mark.parametrize("undated", [True, False])
def test_the_date_filter_counts_what_filter_graph_counts(browser: object, tmp_path: Path,
                                                        undated: bool) -> None:
    from kg.graph import filter_graph

    graph = browser_graph()
    event(graph, "USA", "RUS", "month", date="2025-11")
    event(graph, "CHN", "RUS", "year", date="2025")
    opened = Visit(browser, write_html(graph, tmp_path / "dates.html"))
    try:
        for start, end in DATE_RANGES:
            opened.page.fill("#kg-date-from", start)
            opened.page.fill("#kg-date-to", end)
            opened.page.set_checked("#kg-undated", undated)
            opened.page.dispatch_event("#kg-date-to", "change")
            expected = filter_graph(graph, start=start or None, end=end or None, undated=undated)
            shown = opened.js("() => kgData.edges.length")
            assert shown == expected.number_of_edges(), (start, end, undated)
    finally:
        opened.page.close()
