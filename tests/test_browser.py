"""The graph page in a real (headless) Chromium, driven through its API (``window.kg``):
offline, laid out, readable, focusable, searchable, filterable, shareable and safe.

Skipped when /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import networkx as nx
import pytest

from kg.graph import filter_graph
from kg.render import write_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_SCHEMES = {"file", "data", "about", "blob"}
EVIDENCE = "Washington held talks with Beijing on trade in Geneva."
HOSTILE_TEXT = "<img src=x onerror=alert(1)> then <script>window.pwned=1</script> end"
HOSTILE_NAME = "<img src=y onerror=alert(2)>"
URL = "https://news.example.org/trade-talks"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

# Where, in page coordinates, an edge is: a point at ``t`` along the straight line between its
# two nodes (the edges hovered below are single, hence drawn straight).
EDGE_POINT = """([edgeId, t]) => {
  const net = kg.network, edge = net.body.data.edges.get(edgeId);
  const pos = net.getPositions([edge.from, edge.to]);
  const a = net.canvasToDOM(pos[edge.from]), b = net.canvasToDOM(pos[edge.to]);
  const box = document.getElementById("kg-network").getBoundingClientRect();
  return {x: box.left + a.x + (b.x - a.x) * t, y: box.top + a.y + (b.y - a.y) * t};
}"""
ON_SCREEN = """(id) => {
  const p = kg.network.canvasToDOM(kg.network.getPosition(id));
  const box = document.getElementById("kg-network");
  return p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight;
}"""
ACTOR_ID = """(name) => JSON.parse(document.getElementById("kg-data").textContent)
  .nodes.find((n) => n.name === name).id"""
NODE_COLOUR = "(id) => kg.network.body.data.nodes.get(id).color.background"


def actor(graph: nx.MultiDiGraph, key: str, name: str, type_: str = "COUNTRY",
          country: str | None = None) -> None:
    graph.add_node(key, name=name, type=type_, country=country, aliases=[], mentions=1, statements=[])


def event(graph: nx.MultiDiGraph, src: str, dst: str, key: str, **attrs: object) -> None:
    data = {
        "action": "held talks with", "lemma": "hold talks with", "cameo": "04",
        "plover": "CONSULT", "quad": 1, "goldstein": 1.0, "doc": "doc-7",
        "title": "Trade talks resume", "url": URL, "sentence": 2, "text": EVIDENCE,
        "date": "2025-12-29", "location": "Geneva", "modality": "asserted", "confidence": 0.9,
        "layer": "event",
    }
    data.update(attrs)
    graph.add_edge(src, dst, key=key, **data)


def browser_graph() -> nx.MultiDiGraph:
    """Seven actors, eight events: ev1 and ev6 are single edges, ev2/ev3 parallel, ev8 of a
    month only."""
    g = nx.MultiDiGraph()
    for key, name, country in (("Q30", "United States", "USA"), ("CHN", "China", "CHN"),
                               ("RUS", "Russia", "RUS"), ("UKR", "Ukraine", "UKR")):
        actor(g, key, name, country=country)
    actor(g, "UN", "United Nations", "IGO")
    actor(g, "ZEL", "Volodymyr Zelenskyy", "PERSON", "UKR")
    actor(g, "EVIL", HOSTILE_NAME, "GROUP")
    event(g, "Q30", "CHN", "ev1")
    event(g, "RUS", "UKR", "ev2", action="attacked", cameo="19", plover="FIGHT", quad=4,
          text="Russia attacked Ukraine.", date="2025-11-02")
    event(g, "RUS", "UKR", "ev3", action="shelled", cameo="19", plover="FIGHT", quad=4,
          text="Russia shelled Ukraine.", date="2025-11-03")
    event(g, "UKR", "RUS", "ev4", action="condemned", cameo="11", plover="DISAPPROVE", quad=3,
          text="Ukraine condemned Russia.", date=None, modality="reported")
    event(g, "UN", "UKR", "ev5", action="sent aid to", cameo="07", plover="AID", quad=2,
          text="The UN sent aid to Ukraine.", date="2025-10-01")
    event(g, "EVIL", "UN", "ev6", action="threatened", cameo="13", plover="THREATEN", quad=3,
          text=HOSTILE_TEXT, title="</script><b>t</b>", location="<i>x</i>", url="javascript:alert(3)")
    event(g, "UN", "CHN", "ev7", action="asked", cameo=None, plover=None, quad=None)
    event(g, "ZEL", "Q30", "ev8", action="met", date="2025-09", modality="future")
    g.nodes["UKR"]["statements"] = ["st1"]
    g.graph["statements"] = {"st1": {
        "actor": "UKR", "action": "expressed optimism", "target": None, "date": "2025-11-04",
        "modality": "asserted", "doc": "doc-8", "title": "Kyiv hopeful", "url": URL, "sentence": 1,
        "text": "Ukraine expressed optimism about the talks."}}
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

    def __init__(self, browser: object, path: Path, fragment: str = "",
                 viewport: tuple[int, int] = (1280, 800), scheme: str = "light") -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           color_scheme=scheme, accept_downloads=True)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", self._console)
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_selector("body[data-kg-ready=true]", state="attached")

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: object) -> None:
        if message.type == "error":  # CSP violations land here too
            self.errors.append(message.text)

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def actor(self, name: str) -> int:
        return self.js(ACTOR_ID, name)

    def counts(self) -> tuple[int, int]:
        found = self.js("kg.counts()")
        return found["actors"], found["events"]

    def close(self) -> None:
        self.context.close()

    def __enter__(self) -> Visit:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


@pytest.fixture()
def visit(browser: object, page_file: Path) -> Iterator[Visit]:
    opened = Visit(browser, page_file)
    yield opened
    opened.close()


# --------------------------------------------------------------------------- opening


def test_page_opens_offline_laid_out_without_physics(visit: Visit) -> None:
    leaving = [url for url in visit.requests if urlsplit(url).scheme not in LOCAL_SCHEMES]
    assert leaving == []
    assert visit.counts() == (7, 8)
    assert visit.js("kg.network.physics.options.enabled") is False
    data = visit.js("JSON.parse(document.getElementById('kg-data').textContent).nodes[0]")
    drawn = visit.js("kg.network.getPosition(0)")
    assert abs(drawn["x"] - data["x"]) < 1 and abs(drawn["y"] - data["y"]) < 1  # vis rounds
    assert all(visit.js(ON_SCREEN, i) for i in range(7))  # the first view fits the screen
    assert visit.errors == []


def test_the_busiest_actors_are_named_and_edges_only_when_focused(visit: Visit) -> None:
    assert {"Ukraine", "Russia", "United Nations"} <= set(visit.js("kg.labels()"))
    assert visit.js("kg.network.body.data.edges.get().filter((e) => e.label).length") == 0
    visit.js("(id) => kg.focus(id)", visit.actor("Ukraine"))
    visit.page.wait_for_timeout(100)
    labels = visit.js("kg.network.body.data.edges.get().filter((e) => e.label).map((e) => e.label)")
    assert sorted(labels) == ["attacked", "condemned", "sent aid to", "shelled"]
    assert visit.js("kg.labels()")[0] == "Ukraine"


def test_minimum_events_hides_the_quiet_actors(visit: Visit) -> None:
    visit.page.fill("#kg-min-events", "2")
    visit.page.dispatch_event("#kg-min-events", "change")
    assert visit.counts() == (5, 6)  # Zelenskyy and the hostile group have one event each
    assert visit.counts() == counts_of(filter_graph(browser_graph(), min_events=2))


# --------------------------------------------------------------------------- focus


def test_focus_dims_the_rest_and_lists_the_actors_events(visit: Visit) -> None:
    ukraine, china, russia = visit.actor("Ukraine"), visit.actor("China"), visit.actor("Russia")
    visit.page.fill("#kg-search", "Ukraine")
    visit.page.press("#kg-search", "Enter")
    assert visit.js("kg.state().focus") == ukraine
    assert visit.js(NODE_COLOUR, china).startswith("rgba(")  # not a counterpart: dimmed
    assert not visit.js(NODE_COLOUR, russia).startswith("rgba(")
    panel = visit.page.inner_text("#kg-focus")
    for text in ("Ukraine", "← Russia: attacked", "fight · material conflict", "2025-11-02",
                 "reported", "Ukraine condemned Russia.", "Trade talks resume", "undated"):
        assert text in panel
    assert visit.page.locator("#kg-focus-events a[href='" + URL + "']").count() == 4
    visit.page.select_option("#kg-sort", "category")
    first = visit.page.inner_text("#kg-focus-events li:first-child .kg-head")
    assert first == "← United Nations: sent aid to"  # "aid" before "disapprove" and "fight"
    visit.page.select_option("#kg-sort", "counterpart")
    assert "United Nations" in visit.page.inner_text("#kg-focus-events li:last-child")
    visit.page.click(".kg-statements summary")  # and what it said to no one in particular
    statements = visit.page.inner_text(".kg-statements")
    assert "Statements (1)" in statements and "Ukraine expressed optimism about the talks." in statements


def test_esc_and_a_click_on_empty_canvas_clear_the_focus(visit: Visit) -> None:
    visit.js(f"kg.focus({visit.actor('Russia')})")
    visit.page.keyboard.press("Escape")
    assert visit.js("kg.state().focus") is None and visit.page.locator("#kg-focus").is_hidden()
    visit.js(f"kg.focus({visit.actor('Russia')})")
    box = visit.page.locator("#kg-network").bounding_box()
    visit.page.mouse.click(box["x"] + 3, box["y"] + 3)
    assert visit.js("kg.state().focus") is None


def test_a_known_actor_links_to_wikidata(visit: Visit) -> None:
    visit.js(f"kg.focus({visit.actor('United States')})")
    assert visit.page.locator("#kg-focus a[href='https://www.wikidata.org/wiki/Q30']").count() == 1


def test_the_panel_scrolls_on_a_small_screen(browser: object, page_file: Path) -> None:
    small = Visit(browser, page_file, viewport=(1280, 720))
    try:
        small.js(f"kg.focus({small.actor('Ukraine')})")
        panel = small.page.locator("#kg-panel")
        assert panel.evaluate("(p) => getComputedStyle(p).overflowY") == "auto"
        assert panel.evaluate("(p) => p.getBoundingClientRect().bottom") <= 720
        assert panel.evaluate("(p) => p.scrollHeight > p.clientHeight")
        assert small.page.locator("#kg-focus").is_visible()
    finally:
        small.close()


# --------------------------------------------------------------------------- search


def test_each_search_moves_once_and_lands_on_screen(visit: Visit) -> None:
    for name in ("Ukraine", "China", "Volodymyr Zelenskyy", "Russia"):
        visit.page.fill("#kg-search", name)
        visit.page.press("#kg-search", "Enter")
        visit.page.wait_for_timeout(150)
        view = visit.js("kg.network.getViewPosition()")
        visit.page.wait_for_timeout(250)
        assert visit.js("kg.network.getViewPosition()") == view  # one move, then still
        assert visit.js("kg.state().focus") == visit.actor(name)
        assert visit.js(ON_SCREEN, visit.actor(name)), name


def test_several_matches_give_a_pick_list(visit: Visit) -> None:
    assert visit.js("kg.search('united')") is not None
    picks = visit.page.locator("#kg-picks button")
    assert picks.count() == 2
    assert {picks.nth(i).inner_text().split(" (")[0] for i in range(2)} == {
        "United Nations", "United States"}
    picks.filter(has_text="United States").click()
    assert visit.js("kg.state().focus") == visit.actor("United States")
    assert visit.page.locator("#kg-picks").is_hidden()
    assert visit.js("kg.search('atlantis')") is None
    assert visit.page.inner_text("#kg-search-msg") == "no actor matches"


def test_fit_shows_everything_again(visit: Visit) -> None:
    visit.js("kg.network.moveTo({scale: 8, position: kg.network.getPosition(0)})")
    assert not all(visit.js(ON_SCREEN, i) for i in range(7))
    visit.page.click("#kg-fit")
    visit.page.wait_for_timeout(500)
    assert all(visit.js(ON_SCREEN, i) for i in range(7))


# --------------------------------------------------------------------------- timeline and dates


def test_the_timeline_stacks_months_by_quadclass(visit: Visit) -> None:
    bars = visit.js("""Array.from(document.querySelectorAll('#kg-timeline-svg rect[fill]'))
                       .map((r) => r.getAttribute('fill'))""")
    # September: a consultation; October: aid; November: two fights; December: a
    # consultation, a threat and an uncategorised event (the condemnation has no date)
    assert sorted(bars) == sorted(["#2ca02c", "#17a6a6", "#d62728", "#2ca02c", "#ff8c1a", "#a3a3a3"])
    assert "2025-09" in visit.page.inner_text("#kg-timeline")


def test_dragging_on_the_timeline_chooses_a_range(visit: Visit) -> None:
    box = visit.page.locator("#kg-timeline-svg").bounding_box()
    months = visit.js("document.querySelectorAll('#kg-timeline-svg text').length")
    assert months >= 2
    y = box["y"] + box["height"] / 2
    # the range runs September to December 2025: four months, the second and third of them
    visit.page.mouse.move(box["x"] + box["width"] * 0.30, y)
    visit.page.mouse.down()
    visit.page.mouse.move(box["x"] + box["width"] * 0.70, y, steps=4)
    visit.page.mouse.up()
    assert (visit.js("kg.state().from"), visit.js("kg.state().to")) == ("2025-10-01", "2025-11-30")
    assert visit.page.input_value("#kg-date-from") == "2025-10-01"
    assert visit.counts() == counts_of(filter_graph(browser_graph(), start="2025-10-01",
                                                    end="2025-11-30", undated=True))


def test_an_impossible_range_says_so(visit: Visit) -> None:
    visit.page.fill("#kg-date-from", "2025-12-01")
    visit.page.fill("#kg-date-to", "2025-11-01")
    visit.page.dispatch_event("#kg-date-to", "change")
    assert "From is after To" in visit.page.inner_text("#kg-date-msg")
    visit.page.uncheck("#kg-undated")
    assert visit.counts() == (0, 0)


# --------------------------------------------------------------------------- filters


def counts_of(graph: nx.MultiDiGraph) -> tuple[int, int]:
    return graph.number_of_nodes(), graph.number_of_edges()


FILTERS = [
    ({"quads": [1, 2, 3, 0]}, {"quads": [1, 2, 3, 0]}),
    ({"category": "FIGHT"}, {"categories": ["FIGHT"]}),
    ({"category": "__none__"}, {"categories": [None]}),
    ({"modalities": ["asserted"]}, {"modalities": ["asserted"]}),
    ({"types": ["COUNTRY", "IGO"]}, {"types": ["COUNTRY", "IGO"]}),
    ({"from": "2025-09-15", "to": "2025-11-02", "undated": False},
     {"start": "2025-09-15", "end": "2025-11-02"}),
    ({"from": "2025-09-15", "undated": True}, {"start": "2025-09-15", "undated": True}),
    ({"quads": [4, 3], "minEvents": 2}, {"quads": [4, 3], "min_events": 2}),
]


def test_the_page_and_filter_graph_share_one_rule(visit: Visit) -> None:
    for page_state, python in FILTERS:
        visit.js(f"kg.setState({json.dumps(page_state)})")
        assert visit.counts() == counts_of(filter_graph(browser_graph(), **python)), page_state


def test_filters_hide_the_actors_they_leave_without_events(visit: Visit) -> None:
    visit.page.uncheck("input.kg-quad[data-quad='1']")
    assert visit.counts() == (5, 6)  # the United States and Zelenskyy only had consultations
    assert visit.js("(id) => kg.network.body.data.nodes.get(id)", visit.actor("United States")) is None
    visit.page.click("button.kg-type[data-type='IGO']")  # the legend is a filter
    assert visit.counts() == (2, 3)
    assert visit.page.locator("button.kg-type[data-type='IGO']").get_attribute("aria-pressed") == "false"
    visit.page.uncheck("input.kg-modality[value='reported']")
    assert visit.counts() == (2, 2)
    assert "fight (2)" in visit.page.inner_text("#kg-category")  # categories in words
    visit.page.click("#kg-reset")
    assert visit.counts() == (7, 8)


def test_collapse_joins_parallel_events(visit: Visit) -> None:
    visit.page.check("#kg-collapse")
    assert visit.js("kg.network.body.data.edges.length") == 7  # ev2 and ev3 share one edge
    visit.js(f"kg.focus({visit.actor('Russia')})")
    labels = visit.js("kg.network.body.data.edges.get().filter((e) => e.label).map((e) => e.label)")
    assert "fight ×2" in labels


# --------------------------------------------------------------------------- colour, state, exports


def test_colour_by_type_community_or_country(visit: Visit) -> None:
    ukraine = visit.actor("Ukraine")
    by_type = visit.js(NODE_COLOUR, ukraine)
    visit.page.select_option("#kg-colour", "country")
    by_country = visit.js(NODE_COLOUR, ukraine)
    assert by_country != by_type
    assert visit.js(NODE_COLOUR, visit.actor("Volodymyr Zelenskyy")) == by_country  # both Ukraine's
    visit.page.select_option("#kg-colour", "community")
    nodes = visit.js("JSON.parse(document.getElementById('kg-data').textContent).nodes")
    colours = {n["id"]: visit.js(NODE_COLOUR, n["id"]) for n in nodes}
    for a in nodes:  # one colour per community of three or more, grey for the smaller ones
        for b in nodes:
            if a["community"] == b["community"]:
                assert colours[a["id"]] == colours[b["id"]]
    assert len(set(colours.values())) >= 2


def test_the_url_fragment_reproduces_the_view(browser: object, page_file: Path, visit: Visit) -> None:
    visit.js(f"kg.setState({{focus: {visit.actor('Russia')}, quads: [3, 4], colour: 'country'}})")
    fragment = urlsplit(visit.page.url).fragment
    assert fragment.startswith("view=")
    again = Visit(browser, page_file, fragment="#" + fragment)
    try:
        assert again.js("kg.state()") == visit.js("kg.state()")
        assert again.counts() == visit.counts()
        assert again.page.locator("input.kg-quad[data-quad='1']").is_checked() is False
    finally:
        again.close()


def test_the_view_saves_as_png_and_its_events_as_csv(visit: Visit, tmp_path: Path) -> None:
    with visit.page.expect_download() as png:
        visit.page.click("#kg-png")
    assert png.value.suggested_filename == "kg-view.png"
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    visit.page.uncheck("input.kg-quad[data-quad='1']")
    with visit.page.expect_download() as csv_file:
        visit.page.click("#kg-csv")
    lines = Path(csv_file.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("source,action,target,layer,category")
    assert len(lines) == 1 + 6
    assert any(line.startswith("Russia,attacked,Ukraine,event,fight,19,FIGHT,4,2025-11-02") for line in lines)


def test_dark_mode_follows_the_system(browser: object, page_file: Path) -> None:
    dark = Visit(browser, page_file, scheme="dark")
    try:
        colour = dark.js("getComputedStyle(document.body).backgroundColor")
        assert colour == "rgb(30, 31, 34)"
    finally:
        dark.close()


# --------------------------------------------------------------------------- scale


def test_a_big_graph_opens_on_communities(browser: object, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.render

    monkeypatch.setattr(kg.render, "AGGREGATE_ABOVE", 3)
    opened = Visit(browser, write_html(browser_graph(), tmp_path / "big.html"))
    try:
        ids = opened.js("kg.network.body.data.nodes.getIds()")
        assert ids and all(isinstance(i, str) and i.startswith("c") for i in ids)
        assert "communities" in opened.page.inner_text("#kg-status")
        opened.js("kg.setState({open: [0]})")
        assert any(isinstance(i, int) for i in opened.js("kg.network.body.data.nodes.getIds()"))
        opened.js("kg.search('Ukraine')")  # a search opens the actor's community
        assert opened.js(f"kg.network.body.data.nodes.get({opened.actor('Ukraine')}) !== null")
        assert opened.errors == []
    finally:
        opened.close()


# --------------------------------------------------------------------------- topics


def topic_graph() -> nx.MultiDiGraph:
    """The browser graph with a meeting China hosts and Russia attends."""
    g = browser_graph()
    g.add_node("topic:summit@doc-7", name="summit", type="TOPIC", topic_kind="meeting",
               issues=["SANCTIONS"], aliases=[], mentions=2, statements=[])
    event(g, "CHN", "topic:summit@doc-7", "tp1", action="hosted", cameo=None, plover=None, quad=None,
          layer="topic")
    event(g, "RUS", "topic:summit@doc-7", "tp2", action="attend", cameo=None, plover=None, quad=None,
          layer="topic")
    return g


def test_topics_are_diamonds_with_a_switch(browser: object, tmp_path: Path) -> None:
    with Visit(browser, write_html(topic_graph(), tmp_path / "topics.html")) as opened:
        summit = opened.actor("summit")
        assert opened.js(f"kg.network.body.data.nodes.get({summit}).shape") == "diamond"
        assert opened.js("kg.counts()") == {"actors": 7, "topics": 1, "events": 10}
        assert "7 of 7 actors · 1 of 1 topics" in opened.page.inner_text("#kg-status")
        opened.page.click("button.kg-type[data-type=TOPIC]")
        assert opened.js("kg.counts()") == {"actors": 7, "topics": 0, "events": 8}
        assert opened.js("kg.state().types").count("TOPIC") == 0
        opened.js(f"kg.setState({{focus: {summit}}})")
        panel = opened.page.inner_text("#kg-focus")
        assert "topic: meeting" in panel and "sanctions" in panel
        assert opened.errors == []


def test_topics_start_hidden_on_a_page_of_many_actors(browser: object, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.render

    monkeypatch.setattr(kg.render, "TOPICS_SHOWN_UP_TO", 3)
    with Visit(browser, write_html(topic_graph(), tmp_path / "many.html")) as opened:
        assert opened.js("kg.counts()") == {"actors": 7, "topics": 0, "events": 8}
        opened.page.click("button.kg-type[data-type=TOPIC]")
        assert opened.js("kg.counts()") == {"actors": 7, "topics": 1, "events": 10}


# --------------------------------------------------------------------------- safety


def test_hostile_text_renders_as_text(visit: Visit) -> None:
    evil = visit.actor(HOSTILE_NAME)
    edge = visit.js("(evil) => kg.network.body.data.edges.get().find((e) => e.from === evil).id", evil)
    tooltip = visit.page.locator("#kg-tooltip")
    for t in (0.5, 0.4, 0.6):
        point = visit.js(EDGE_POINT, [edge, t])
        visit.page.mouse.move(point["x"] + 8, point["y"] + 8)
        visit.page.mouse.move(point["x"], point["y"])
        try:
            tooltip.wait_for(state="visible", timeout=1500)
            break
        except sync_api.TimeoutError:
            continue
    assert HOSTILE_TEXT in tooltip.inner_text() and HOSTILE_NAME in tooltip.inner_text()
    visit.js(f"kg.focus({evil})")
    panel = visit.page.inner_text("#kg-focus")
    assert HOSTILE_TEXT in panel and "</script><b>t</b>" in panel
    assert visit.page.locator("#kg-focus a").count() == 0  # a javascript: URL is no link
    assert visit.page.locator("#kg-tooltip img, #kg-panel img, #kg-panel b").count() == 0
    assert visit.js("typeof window.pwned") == "undefined"
    assert visit.dialogs == []
    assert visit.errors == []


def test_sectors_fold_into_their_country(browser: object, tmp_path: Path) -> None:
    graph = browser_graph()
    actor(graph, "RUS-MIL", "Russia · military", "GOV", "RUS")
    event(graph, "RUS-MIL", "ZEL", "ev9", action="shelled", cameo="19", plover="FIGHT", quad=4)
    opened = Visit(browser, write_html(graph, tmp_path / "sectors.html"))
    try:
        military, russia = opened.actor("Russia · military"), opened.actor("Russia")
        assert opened.js("(id) => kg.network.body.data.nodes.get(id) !== null", military)
        opened.page.select_option("#kg-sectors", "folded")
        assert opened.js("(id) => kg.network.body.data.nodes.get(id)", military) is None
        edges = opened.js("(id) => kg.network.body.data.edges.get().filter((e) => e.from === id).length",
                          russia)
        assert edges == 3  # Russia's two events and its military's one
        assert opened.counts() == (8, 9)  # the filters count actors, folded or not
        opened.page.click("button.kg-type[data-type='COUNTRY']")  # no country to fold into
        assert opened.js("(id) => kg.network.body.data.nodes.get(id) !== null", military)
    finally:
        opened.close()


def test_the_panel_hides_in_a_narrow_frame_and_comes_back(browser: object, page_file: Path) -> None:
    narrow = Visit(browser, page_file, viewport=(800, 500))
    try:
        assert narrow.page.locator("#kg-panel").is_hidden()
        narrow.page.click("#kg-panel-toggle")
        assert narrow.page.locator("#kg-panel").is_visible()
        narrow.page.click("#kg-panel-toggle")
        narrow.js(f"kg.focus({narrow.actor('Russia')})")  # a focus shows its events
        assert narrow.page.locator("#kg-focus").is_visible()
    finally:
        narrow.close()


def test_focus_labels_go_with_the_focus_and_a_month_ends_a_range(visit: Visit) -> None:
    visit.js(f"kg.focus({visit.actor('Ukraine')})")
    visit.js(f"kg.focus({visit.actor('China')})")
    labels = visit.js("kg.network.body.data.edges.get().filter((e) => e.label).map((e) => e.label)")
    assert sorted(labels) == ["asked", "held talks with"]  # none of Ukraine's left behind
    visit.js("kg.clear()")
    assert visit.js("kg.network.body.data.edges.get().filter((e) => e.label).length") == 0
    visit.js("kg.setState({from: '2025-11', to: '2025-11', undated: false})")
    assert visit.js("kg.state().to") == "2025-11-30"
    assert visit.counts() == counts_of(filter_graph(browser_graph(), start="2025-11", end="2025-11"))
