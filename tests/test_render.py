"""Pure-Python checks of the graph page that kg.render builds."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import RenderError
from kg.render import render_html, to_pyvis, write_html
from kg.schema import TOPIC_COLOR, TYPE_COLORS

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = "<img src=x onerror=alert(1)> said \"hi\" & '</script><script>alert(2)</script>'"
HOSTILE_TITLE = "</script><b>bold</b>"

EXTERNAL_REF = re.compile(
    r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE
)
DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


# --------------------------------------------------------------------------- helpers


def add_actor(
    graph: nx.MultiDiGraph,
    key: str,
    name: str,
    type_: str = "PERSON",
    country: str | None = None,
    aliases: tuple[str, ...] = (),
    mentions: int = 1,
) -> None:
    """Add an actor node with every attribute of the graph contract."""
    graph.add_node(
        key, name=name, type=type_, country=country, aliases=list(aliases), mentions=mentions,
        statements=[],
    )


def add_event(graph: nx.MultiDiGraph, src: str, dst: str, key: str, **attrs: object) -> None:
    """Add an event edge; ``attrs`` override the defaults (a CONSULT talk)."""
    event = {
        "action": "held talks with",
        "lemma": "hold talks with",
        "cameo": "04",
        "plover": "CONSULT",
        "quad": 1,
        "goldstein": 1.0,
        "doc": "doc-1",
        "title": "Leaders meet",
        "sentence": 0,
        "text": f"{src} held talks with {dst}.",
        "date": "2025-12-29",
        "location": "Geneva",
        "modality": "asserted",
        "confidence": 0.9,
    }
    event.update(attrs)
    graph.add_edge(src, dst, key=key, **event)


def sample_graph() -> nx.MultiDiGraph:
    """Five actors, seven events: parallel, opposite, hostile and uncategorised ones."""
    g = nx.MultiDiGraph()
    add_actor(g, "USA", "United States", "COUNTRY", "USA", ("US", "Washington"), 9)
    add_actor(g, "CHN", "China", "COUNTRY", "CHN", ("Beijing",), 7)
    add_actor(g, "P_XI", "Xi Jinping", "PERSON", "CHN", ("Xi",), 4)
    add_actor(g, "UN", "United Nations", "IGO", None, ("UN",), 3)
    add_actor(g, "EVIL", HOSTILE_NAME, "GROUP", None, ("</script><script>alert(3)</script>",), 1)
    add_event(g, "USA", "CHN", "ev1")
    add_event(g, "USA", "CHN", "ev2", action="met", lemma="meet", date="2025-12-30")
    add_event(
        g, "USA", "CHN", "ev3", action="sanctioned", lemma="sanction", cameo="163",
        plover="SANCTION", quad=4, goldstein=-8.0, date=None,
    )
    add_event(
        g, "CHN", "USA", "ev4", action="criticized", lemma="criticize", cameo="11",
        plover="DISAPPROVE", quad=3, goldstein=-2.0, modality="reported",
    )
    add_event(g, "P_XI", "UN", "ev5", action="will visit", modality="future")
    add_event(
        g, "EVIL", "UN", "ev6", action="threatened", cameo="13", plover="THREATEN", quad=3,
        text=HOSTILE_TEXT, title=HOSTILE_TITLE, location="<b>loc</b>",
    )
    add_event(g, "UN", "UN", "ev7", action="reorganised", cameo=None, plover=None, quad=None,
              goldstein=None)
    return g


def payload(page: str) -> dict:
    """The JSON data block the page script draws from."""
    match = DATA_BLOCK.search(page)
    assert match, "no kg-data block in the page"
    return json.loads(match.group(1))


class TagCollector(HTMLParser):
    """Records the elements a browser's parser would create from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append(dict(attrs))


def parsed(page: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(page)
    collector.close()
    return collector


def graph_state(graph: nx.MultiDiGraph) -> tuple:
    return (
        copy.deepcopy(list(graph.nodes(data=True))),
        copy.deepcopy(list(graph.edges(keys=True, data=True))),
        copy.deepcopy(graph.graph),
    )


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample_graph(), title="Talks <&> \"tests\"")


# --------------------------------------------------------------------------- content


def test_page_contains_every_actor_and_event(page: str) -> None:
    data = payload(page)
    graph = sample_graph()
    assert sorted(n["key"] for n in data["nodes"]) == sorted(graph.nodes)
    assert sorted(e["event"] for e in data["edges"]) == sorted(k for _, _, k in graph.edges)
    assert [n["id"] for n in data["nodes"]] == list(range(5))
    assert [e["id"] for e in data["edges"]] == list(range(7))


def test_event_record_keeps_contract_fields(page: str) -> None:
    events = {e["event"]: e for e in payload(page)["edges"]}
    nodes = payload(page)["nodes"]
    ev = events["ev3"]
    assert nodes[ev["from"]]["key"] == "USA" and nodes[ev["to"]]["key"] == "CHN"
    assert (ev["action"], ev["cameo"], ev["plover"], ev["quad"]) == ("sanctioned", "163", "SANCTION", 4)
    assert ev["date"] is None and ev["modality"] == "asserted" and ev["goldstein"] == -8.0
    assert ev["article"] == "Leaders meet" and ev["doc"] == "doc-1"
    assert events["ev7"]["cat"] is None and events["ev7"]["quad"] is None


def test_the_page_is_drawn_from_a_pyvis_network() -> None:
    net = to_pyvis(sample_graph())
    assert type(net).__module__ == "pyvis.network"
    data = payload(render_html(sample_graph()))
    assert data["nodes"] == net.nodes and data["edges"] == net.edges
    assert data["options"] == net.options and data["options"]["physics"]["enabled"] is False


def test_actors_are_placed_in_python_with_their_community() -> None:
    nodes = payload(render_html(sample_graph()))["nodes"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)
    by_key = {n["key"]: n for n in nodes}
    assert by_key["USA"]["community"] == by_key["CHN"]["community"]
    assert all(n["physics"] is False for n in nodes)


def test_a_known_actor_links_to_wikidata() -> None:
    g = sample_graph()
    add_actor(g, "Q30", "United States of America", "COUNTRY")
    add_event(g, "Q30", "UN", "ev9")
    by_key = {n["key"]: n for n in payload(render_html(g))["nodes"]}
    assert by_key["Q30"]["wikidata"] == "Q30" and by_key["USA"]["wikidata"] is None


def test_no_external_resources(page: str) -> None:
    assert not EXTERNAL_REF.findall(page)
    assert "<link" not in page.lower()
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", page, re.IGNORECASE)
    assert "@import" not in page


def test_vis_network_is_inlined(page: str) -> None:
    assert "vis-network" in page  # the library's banner comment
    assert ".vis-network" in page or "vis-tooltip" in page  # its stylesheet
    assert "new vis.Network(" in page
    assert "sourceMappingURL" not in page


def test_csp_allows_exactly_the_inline_scripts(page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_legends_and_categories_are_in_words(page: str) -> None:
    meta = payload(page)["meta"]
    assert [t["type"] for t in meta["types"]] == [*TYPE_COLORS, "TOPIC"]
    assert [q["label"] for q in meta["quads"]] == [
        "verbal cooperation", "material cooperation", "verbal conflict", "material conflict",
        "unclassified"]
    assert {c["key"]: c["label"] for c in meta["categories"]} == {
        "CONSULT": "consult", "SANCTION": "sanction", "DISAPPROVE": "disapprove",
        "THREATEN": "threaten", None: "uncategorised"}


def test_every_node_type_has_its_own_colour() -> None:
    colours = [*TYPE_COLORS.values(), TOPIC_COLOR]
    assert len(set(colours)) == len(colours)

    def rgb(hex_colour: str) -> tuple[int, ...]:
        return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))

    for i, a in enumerate(colours):  # far apart: no two blues a reader confuses
        for b in colours[i + 1:]:
            assert sum(abs(x - y) for x, y in zip(rgb(a), rgb(b), strict=True)) > 90, (a, b)


def test_controls_are_present(page: str) -> None:
    for control in ('id="kg-search"', 'id="kg-collapse"', 'id="kg-category"', 'id="kg-fit"',
                    'id="kg-date-from"', 'id="kg-date-to"', 'id="kg-network"', 'id="kg-timeline"',
                    'id="kg-min-events"', 'id="kg-colour"', 'id="kg-png"', 'id="kg-csv"'):
        assert control in page


# --------------------------------------------------------------------------- escaping


def test_hostile_text_is_only_escaped(page: str) -> None:
    assert "<img" not in page
    assert "<script>alert" not in page
    assert "<b>bold</b>" not in page and "<b>loc</b>" not in page
    tags = parsed(page)
    assert "img" not in tags.tags and "b" not in tags.tags
    assert tags.scripts == [{"type": "application/json", "id": "kg-data"}, {}, {}]
    data = payload(page)  # ...yet the data keeps the text exactly, to be shown as text
    assert HOSTILE_NAME in [n["name"] for n in data["nodes"]]
    hostile = next(e for e in data["edges"] if e["event"] == "ev6")
    assert (hostile["text"], hostile["article"]) == (HOSTILE_TEXT, HOSTILE_TITLE)


def test_title_is_escaped(page: str) -> None:
    assert "<title>Talks &lt;&amp;&gt; &#34;tests&#34;</title>" in page
    hostile = render_html(nx.MultiDiGraph(), title="<script>alert(1)</script>")
    assert "<script>alert(1)" not in hostile
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile


def test_line_separators_cannot_break_the_data_block() -> None:
    g = nx.MultiDiGraph()
    add_actor(g, "A", "line\u2028sep\u2029arator <!-- x")
    add_actor(g, "B", "B")
    add_event(g, "A", "B", "e1")
    page = render_html(g)
    assert "\u2028" not in page and "<!--" not in page
    assert payload(page)["nodes"][0]["name"] == "line\u2028sep\u2029arator <!-- x"


# --------------------------------------------------------------------------- determinism


def test_output_is_deterministic(page: str) -> None:
    assert render_html(sample_graph(), title="Talks <&> \"tests\"") == page


def test_insertion_order_does_not_matter() -> None:
    forward = sample_graph()
    backward = nx.MultiDiGraph()
    backward.add_nodes_from(reversed(list(forward.nodes(data=True))))
    backward.add_edges_from(reversed(list(forward.edges(keys=True, data=True))))
    assert render_html(backward) == render_html(forward)


def test_render_does_not_mutate_the_graph() -> None:
    graph = sample_graph()
    before = graph_state(graph)
    render_html(graph, max_nodes=2, collapse=True)
    assert graph_state(graph) == before


# --------------------------------------------------------------------------- max_nodes


def test_max_nodes_keeps_the_busiest_actors_and_counts_the_rest() -> None:
    data = payload(render_html(sample_graph(), max_nodes=3))
    # degrees: USA 4, CHN 4, UN 4 (self-loop counts twice), P_XI 1, EVIL 1
    assert sorted(n["key"] for n in data["nodes"]) == ["CHN", "UN", "USA"]
    assert {e["event"] for e in data["edges"]} == {"ev1", "ev2", "ev3", "ev4", "ev7"}
    meta = data["meta"]
    assert (meta["shown_nodes"], meta["total_nodes"], meta["shown_events"], meta["total_events"]) == (
        3, 5, 5, 7)


def test_max_nodes_breaks_ties_by_id() -> None:
    g = nx.MultiDiGraph()
    for key in ("d", "b", "c", "a"):
        add_actor(g, key, key.upper())
    add_event(g, "a", "b", "e1")
    add_event(g, "c", "d", "e2")
    data = payload(render_html(g, max_nodes=2))
    assert [n["key"] for n in data["nodes"]] == ["a", "b"]


def test_actors_with_only_statements_are_not_drawn() -> None:
    g = nx.MultiDiGraph()
    for key in ("a", "b", "quiet"):
        add_actor(g, key, key.upper())
    add_event(g, "a", "b", "e1")
    data = payload(render_html(g))
    assert [n["key"] for n in data["nodes"]] == ["a", "b"]


def test_collapse_is_the_starting_state(page: str) -> None:
    assert payload(render_html(sample_graph(), collapse=True))["meta"]["collapse"] is True
    assert payload(page)["meta"]["collapse"] is False


def test_category_falls_back_to_cameo_in_words() -> None:
    g = sample_graph()
    add_event(g, "USA", "UN", "ev8", plover=None, cameo="057")
    data = payload(render_html(g))
    events = {e["event"]: e for e in data["edges"]}
    assert events["ev8"]["cat"] == "CAMEO 057" and events["ev1"]["cat"] == "CONSULT"
    add_event(g, "USA", "UN", "ev9", plover=None, cameo="01")
    labels = {c["key"]: c["label"] for c in payload(render_html(g))["meta"]["categories"]}
    assert labels["CAMEO 01"] == "make public statement (CAMEO 01)"


def test_big_graphs_open_on_communities(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.render

    monkeypatch.setattr(kg.render, "AGGREGATE_ABOVE", 3)
    meta = payload(render_html(sample_graph()))["meta"]
    assert meta["aggregate"] is True
    assert sum(c["size"] for c in meta["communities"]) == 5
    assert meta["communities"][0]["label"].startswith(("China", "United States", "United Nations"))


# --------------------------------------------------------------------------- odd input


def test_empty_graph_renders() -> None:
    data = payload(render_html(nx.MultiDiGraph()))
    assert data["nodes"] == [] and data["edges"] == []
    assert data["meta"]["dates"] is None


def test_missing_attributes_get_the_contracts_defaults() -> None:
    g = nx.MultiDiGraph()
    g.add_edge(1, 2, key=7)
    data = payload(render_html(g))
    assert [(n["name"], n["kind"], n["aliases"], n["mentions"]) for n in data["nodes"]] == [
        ("1", "OTHER", [], 0), ("2", "OTHER", [], 0)]
    ev = data["edges"][0]
    assert (ev["event"], ev["action"], ev["modality"], ev["cat"], ev["first"]) == (
        "7", "", "asserted", None, None)


def test_values_outside_the_contract_are_refused_not_coerced() -> None:
    g = nx.MultiDiGraph()
    g.add_edge(1, 2, key=7, goldstein=float("nan"))
    with pytest.raises(RenderError, match="JSON"):
        render_html(g)


@pytest.mark.parametrize(("attrs", "message"), [({"date": "Aug 2025"}, "not a day, month or year"),
                                               ({"quad": "2"}, "quad must be 1 to 4")])
def test_a_date_or_quad_the_page_cannot_filter_is_refused(attrs: dict, message: str) -> None:
    g = nx.MultiDiGraph()
    g.add_edge(1, 2, key=7, **attrs)
    with pytest.raises(RenderError, match=f"event 7: {message}"):
        render_html(g)


def test_events_carry_the_days_their_date_stands_for() -> None:
    g = sample_graph()
    add_event(g, "USA", "UN", "ev8", date="2025-02")
    events = {e["event"]: e for e in payload(render_html(g))["edges"]}
    assert (events["ev8"]["first"], events["ev8"]["last"]) == ("2025-02-01", "2025-02-28")
    assert (events["ev1"]["first"], events["ev1"]["last"]) == ("2025-12-29", "2025-12-29")


def test_plain_digraph_is_accepted() -> None:
    g = nx.DiGraph()
    g.add_edge("a", "b", action="met")
    assert payload(render_html(g))["edges"][0]["action"] == "met"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_nodes": 0}, "max_nodes"),
        ({"max_nodes": -3}, "max_nodes"),
        ({"max_nodes": True}, "max_nodes"),
        ({"max_nodes": "10"}, "max_nodes"),
        ({"title": None}, "title"),
        ({"collapse": "yes"}, "collapse"),
    ],
)
def test_bad_options_raise_render_error(options: dict, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        render_html(sample_graph(), **options)


def test_not_a_graph_raises_render_error() -> None:
    with pytest.raises(RenderError, match="networkx graph"):
        render_html({"a": "b"})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- write_html


def test_write_html_writes_atomically(tmp_path: Path) -> None:
    target = tmp_path / "graph.html"
    target.write_text("old page")
    written = write_html(sample_graph(), target, title="T", collapse=True)
    assert written == target
    assert target.read_text(encoding="utf-8") == render_html(
        sample_graph(), title="T", collapse=True
    )
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_write_html_accepts_str_paths(tmp_path: Path) -> None:
    written = write_html(nx.MultiDiGraph(), str(tmp_path / "g.html"))
    assert written == tmp_path / "g.html" and written.is_file()
    assert written.stat().st_mode & 0o644 == 0o644


def test_write_html_to_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="does not exist"):
        write_html(sample_graph(), tmp_path / "missing" / "g.html")


def test_write_html_to_a_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="is a folder"):
        write_html(sample_graph(), tmp_path)


def test_write_html_leaves_old_page_when_rendering_fails(tmp_path: Path) -> None:
    target = tmp_path / "graph.html"
    target.write_text("old page")
    with pytest.raises(RenderError):
        write_html(sample_graph(), target, max_nodes=0)
    assert target.read_text() == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
