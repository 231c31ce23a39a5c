/*
 * kg graph page: draws the network pyvis wrote into the page (actors placed in Python, no
 * physics) and wires search, focus, filters, the timeline, colours, the URL fragment and
 * exports. The page's API is window.kg (see the README).
 *
 * Data flows one way: the state (filters, focus, open communities) gives the view (which
 * events and actors pass kg.schema.Filters' rule), the view gives the vis items, and every
 * control only changes the state.
 *
 * Every string in the data comes from news articles and is untrusted: it reaches the DOM
 * only through textContent / value (never innerHTML), links only when they are http(s).
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const meta = data.meta;
  const actors = data.nodes;   // actors[i].id === i
  const events = data.edges;   // events[j].id === j
  const NONE = "__none__";     // the category key of uncategorised events
  const MAX_LABELS = 400;
  const MAX_TIP_EVENTS = 4;
  const MAX_PANEL_EVENTS = 300;
  const MAX_GROUP_EDGES = 600;
  const NARROW = 900;  // px: below this the side panel starts hidden
  const FADED = 0.12;
  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
  const GREY = "#b5b5b5";
  const TOPIC = "TOPIC";  // the type of a topic node: a plan, a meeting, an issue
  const TOPICS = data.nodes.filter((a) => a.kind === TOPIC).length;

  const typeColor = {};
  meta.types.forEach((t) => { typeColor[t.type] = t.color; });
  const quadInfo = {};
  meta.quads.forEach((q) => { quadInfo[q.quad] = q; });
  const countryColor = {};
  meta.countries.forEach((c) => { countryColor[c.country] = c.color; });
  const categoryLabel = {};
  meta.categories.forEach((c) => { categoryLabel[c.key === null ? NONE : c.key] = c.label; });
  const communityOf = actors.map((a) => a.community);
  const communities = meta.communities;

  const byActor = actors.map(() => []);
  events.forEach((ev) => {
    byActor[ev.from].push(ev.id);
    if (ev.to !== ev.from) byActor[ev.to].push(ev.id);
  });

  const DEFAULTS = {
    focus: null, quads: [1, 2, 3, 4, 0], category: "", modalities: meta.modalities.slice(),
    types: meta.types.map((t) => t.type).filter((t) => !(meta.topics_hidden && t === TOPIC)),
    from: "", to: "", undated: true, minEvents: 1,
    colour: "type", collapse: !!meta.collapse, open: [], sectors: "apart",
  };
  let state = JSON.parse(JSON.stringify(DEFAULTS));
  // what the last render drew: the view, the names to label, the links left out, the clusters
  let view = { events: [], actors: new Set(), counts: new Map() };
  let labels = [];
  let drawnNames = [];
  let hiddenLinks = 0;
  let clusterCount = 0;

  // ------------------------------------------------------------------ DOM helpers

  function $(id) { return document.getElementById(id); }

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function row(parent, key, value) {
    if (value === undefined || value === null || value === "") return;
    const line = el("div", "kg-row");
    line.append(el("span", "kg-key", key), el("span", "kg-val", value));
    parent.append(line);
  }

  function link(text, href) {
    if (!/^https?:\/\//i.test(href || "")) return el("span", null, text);
    const a = el("a", null, text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  function rgba(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + alpha + ")";
  }

  const dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  const INK = dark ? "#e8e8e8" : "#1d1d1d";
  const PAPER = dark ? "#1e1f22" : "#ffffff";

  // ------------------------------------------------------------------ the view (kg.schema.Filters)

  function catKey(ev) { return ev.cat === null ? NONE : ev.cat; }

  /* kg.schema.in_date_range: a month or a year is in the range when its days overlap it;
     ev.first and ev.last are those days, computed in Python. */
  function dateOk(ev) {
    if (!ev.first) return state.undated;
    return !(state.from && ev.last < state.from) && !(state.to && ev.first > state.to);
  }

  function passes(ev, withDates) {
    return state.quads.includes(ev.quad || 0) &&
      (!state.category || catKey(ev) === state.category) &&
      state.modalities.includes(ev.modality) &&
      state.types.includes(actors[ev.from].kind) && state.types.includes(actors[ev.to].kind) &&
      (!withDates || dateOk(ev));
  }

  /* The shown events and actors: events that pass every filter, actors with at least
     minEvents of them, events between shown actors. */
  function computeView() {
    const passing = events.filter((ev) => passes(ev, true));
    const counts = new Map();
    passing.forEach((ev) => {
      counts.set(ev.from, (counts.get(ev.from) || 0) + 1);
      if (ev.to !== ev.from) counts.set(ev.to, (counts.get(ev.to) || 0) + 1);
    });
    const shown = new Set();
    counts.forEach((n, a) => { if (n >= state.minEvents) shown.add(a); });
    const list = passing.filter((ev) => shown.has(ev.from) && shown.has(ev.to));
    return { events: list, actors: shown, counts: counts };
  }

  // ------------------------------------------------------------------ colours and items

  function actorColor(a) {
    if (state.colour === "community") {
      return communities[a.community].size >= 3 ? PALETTE[a.community % PALETTE.length] : GREY;
    }
    if (state.colour === "country") return countryColor[a.country] || GREY;
    return typeColor[a.kind] || typeColor.OTHER;
  }

  /* The actor and its counterparts in the view, and where they are drawn. */
  function neighbourhood(id) {
    const at = endpoint(id);
    const near = new Set([id, at]);
    view.events.forEach((ev) => {
      const from = endpoint(ev.from), to = endpoint(ev.to);
      if (from === at) near.add(to).add(ev.to);
      if (to === at) near.add(from).add(ev.from);
    });
    return near;
  }

  function nodeItem(a, near) {
    const c = actorColor(a);
    const faded = near && !near.has(a.id);
    const fill = faded ? rgba(c, FADED) : c;
    const border = faded ? rgba("#555555", FADED) : (state.focus === a.id ? INK : "#3a3a3a");
    return {
      id: a.id, x: a.x, y: a.y, value: Math.max(a.degree, 1), physics: false, shape: a.shape,
      borderWidth: state.focus === a.id ? 3 : 1,
      color: { background: fill, border: border, highlight: { background: c, border: INK },
        hover: { background: c, border: INK } },
    };
  }

  function clusterItem(c, members, near) {
    const xs = members.map((a) => a.x), ys = members.map((a) => a.y);
    const degree = members.reduce((s, a) => s + (view.counts.get(a.id) || 0), 0);
    const faded = near !== null && !near.has("c" + c);
    return {
      id: "c" + c, x: xs.reduce((s, v) => s + v, 0) / xs.length,
      y: ys.reduce((s, v) => s + v, 0) / ys.length, value: Math.max(degree, 1), shape: "hexagon",
      physics: false,
      color: { background: faded ? rgba(GREY, FADED) : GREY, border: "#666",
        highlight: { background: GREY, border: INK }, hover: { background: GREY, border: INK } },
    };
  }

  function edgeWidth(count) { return Math.min(1.2 + 1.4 * Math.log2(count), 9); }

  function edgeItem(id, from, to, list, near) {
    const first = list[0];
    const quad = mostCommonQuad(list);
    const c = quadInfo[quad].color;
    const touches = near && (state.focus === from || state.focus === to);
    const faded = near && !touches;
    let label;
    if (touches) {
      const sameAction = list.every((ev) => ev.action === first.action);
      label = sameAction ? first.action : (categoryLabel[catKey(first)] || "events");
      if (list.length > 1) label += " ×" + list.length;
    }
    return {
      id: id, from: from, to: to, label: label || null, width: edgeWidth(list.length),
      color: { color: faded ? rgba(c, FADED) : c, highlight: c, hover: c },
      dashes: list.every((ev) => ev.modality !== "asserted"), kgEvents: list.map((ev) => ev.id),
    };
  }

  function mostCommonQuad(list) {
    const counts = new Map();
    list.forEach((ev) => counts.set(ev.quad || 0, (counts.get(ev.quad || 0) || 0) + 1));
    let best = 0, bestCount = -1;
    counts.forEach((n, q) => {
      if (n > bestCount || (n === bestCount && q < best)) { best = q; bestCount = n; }
    });
    return best;
  }

  /* Where an actor is drawn: itself, or its country when sectors are folded ("United States ·
     military" into the United States), or its community's cluster while that is closed. */
  function endpoint(id) {
    const fold = actors[id].fold;
    if (state.sectors === "folded" && fold !== null && id !== state.focus &&
        state.types.includes(actors[fold].kind)) id = fold;
    if (!meta.aggregate) return id;
    const c = communityOf[id];
    return state.open.includes(c) || communityOf[state.focus] === c ? id : "c" + c;
  }

  /* Parallel and opposite edges get increasingly round curves so they stay apart. */
  function spreadParallel(items) {
    const pairs = new Set(items.map((e) => e.from + ">" + e.to));
    const seen = new Map();
    items.forEach((e) => {
      const key = e.from + ">" + e.to;
      const k = seen.get(key) || 0;
      seen.set(key, k + 1);
      if (e.from === e.to) { e.selfReference = { size: 14 + 8 * k, angle: Math.PI / 4 }; return; }
      const step = k + (pairs.has(e.to + ">" + e.from) ? 1 : 0);
      e.smooth = step === 0 ? { enabled: false }
        : { enabled: true, type: "curvedCW", roundness: Math.min(0.18 * step, 1) };
    });
    return items;
  }

  function buildItems() {
    const near = state.focus !== null && view.actors.has(state.focus) ? neighbourhood(state.focus) : null;
    const nodes = [];
    const drawnActors = new Set();
    const clusters = new Map();
    view.actors.forEach((id) => {
      const at = endpoint(id);
      if (typeof at === "number") {
        if (!drawnActors.has(at)) { drawnActors.add(at); nodes.push(nodeItem(actors[at], near)); }
      } else {
        if (!clusters.has(at)) clusters.set(at, []);
        clusters.get(at).push(actors[id]);
      }
    });
    clusters.forEach((members, at) => nodes.push(clusterItem(Number(at.slice(1)), members, near)));
    const groups = new Map();
    view.events.forEach((ev) => {
      const from = endpoint(ev.from), to = endpoint(ev.to);
      const aggregated = typeof from === "string" || typeof to === "string";
      const key = aggregated ? "x" + from + ">" + to
        : (state.collapse ? "g" + from + ">" + to + ">" + catKey(ev) : "e" + ev.id);
      if (!groups.has(key)) groups.set(key, { from: from, to: to, list: [] });
      groups.get(key).list.push(ev);
    });
    let edges = [];
    const aggregatedEdges = [];
    groups.forEach((g, key) => {
      const item = edgeItem(key, g.from, g.to, g.list, near);
      if (key[0] === "x") aggregatedEdges.push(item); else edges.push(item);
    });
    aggregatedEdges.sort((a, b) => b.kgEvents.length - a.kgEvents.length || (a.id < b.id ? -1 : 1));
    hiddenLinks = Math.max(0, aggregatedEdges.length - MAX_GROUP_EDGES);
    edges = edges.concat(aggregatedEdges.slice(0, MAX_GROUP_EDGES));
    labels = labelOrder(nodes, near);
    return { nodes: nodes, edges: spreadParallel(edges), clusters: clusters.size };
  }

  // ------------------------------------------------------------------ drawing

  const nodesDS = new vis.DataSet();
  const edgesDS = new vis.DataSet();
  const drawn = { nodes: new Map(), edges: new Map() };

  function sync(ds, known, items) {
    const keep = new Set(items.map((i) => i.id));
    const gone = [];
    known.forEach((_, id) => { if (!keep.has(id)) gone.push(id); });
    gone.forEach((id) => known.delete(id));
    if (gone.length) ds.remove(gone);
    const changed = items.filter((i) => {
      const sig = JSON.stringify(i);
      if (known.get(i.id) === sig) return false;
      known.set(i.id, sig);
      return true;
    });
    if (changed.length) ds.update(changed);
  }

  const options = data.options;
  options.nodes.font = { color: INK };
  options.edges.font = Object.assign({}, options.edges.font, { color: INK, strokeColor: PAPER });
  const container = $("kg-network");
  const network = new vis.Network(container, { nodes: nodesDS, edges: edgesDS }, options);

  let fitted = false;

  function render(refit) {
    view = computeView();
    const items = buildItems();
    clusterCount = items.clusters;
    showState();
    sync(nodesDS, drawn.nodes, items.nodes);
    sync(edgesDS, drawn.edges, items.edges);
    updateStatus();
    renderFocusPanel();
    renderTimeline();
    writeHash();
    if (refit || !fitted) { network.fit({ animation: false }); fitted = true; }
  }

  /* The actors and the topics of the view. */
  function shownCounts() {
    let topics = 0;
    view.actors.forEach((id) => { if (actors[id].kind === TOPIC) topics += 1; });
    return { actors: view.actors.size - topics, topics: topics, events: view.events.length };
  }

  function updateStatus() {
    const shown = shownCounts();
    let text = fmt(shown.actors) + " of " + fmt(actors.length - TOPICS) + " actors · ";
    if (TOPICS) text += fmt(shown.topics) + " of " + fmt(TOPICS) + " topics · ";
    text += fmt(view.events.length) + " of " + fmt(events.length) + " events";
    if (clusterCount) text += " · " + fmt(clusterCount) + " communities (click one to open it)";
    if (hiddenLinks) text += " · strongest " + fmt(MAX_GROUP_EDGES) + " links between communities";
    $("kg-status").textContent = text;
    const note = $("kg-note");
    if (meta.shown_nodes < meta.total_nodes) {
      note.textContent = "This page holds the " + fmt(meta.shown_nodes) + " busiest of " +
        fmt(meta.total_nodes) + " actors and topics; " + fmt(meta.total_events - meta.shown_events) +
        " events are left out.";
      note.hidden = false;
    }
  }

  // ------------------------------------------------------------------ labels

  /* The names to draw, most important first: the focused actor, its counterparts, then
     the busiest actors and communities (none outside the focus). */
  function labelOrder(items, near) {
    const out = [];
    items.forEach((item) => {
      const isCluster = typeof item.id === "string";
      const name = isCluster ? communities[Number(item.id.slice(1))].label : actors[item.id].name;
      let rank = item.value;
      if (near) {
        if (item.id === state.focus) rank = 1e9;
        else if (!isCluster && near.has(item.id)) rank += 1e6;
        else return;
      }
      out.push({ id: item.id, x: item.x, y: item.y, name: name, rank: rank, cluster: isCluster });
    });
    return out.sort((a, b) => b.rank - a.rank);
  }

  /* The names of the most important actors at every zoom, at a constant size on screen and
     never on top of each other: more appear as one zooms in. */
  network.on("afterDrawing", (ctx) => {
    const scale = network.getScale();
    const centre = network.getViewPosition();
    const w = container.clientWidth, h = container.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    const placed = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    let count = 0;
    drawnNames = [];
    for (const item of labels) {
      if (count >= MAX_LABELS) break;
      const x = (item.x - centre.x) * scale + w / 2;
      const radius = Math.max(4, 14 * scale);
      const y = (item.y - centre.y) * scale + h / 2 + radius + 2;
      if (x < -50 || x > w + 50 || y < -20 || y > h + 20) continue;
      const size = item.rank >= 1e9 ? 16 : (count < 10 ? 14 : 12);
      ctx.font = (item.rank >= 1e9 || item.cluster ? "600 " : "") + size + "px system-ui, sans-serif";
      const width = ctx.measureText(item.name).width;
      const box = [x - width / 2 - 2, y - 1, x + width / 2 + 2, y + size + 1];
      if (placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
      placed.push(box);
      ctx.lineWidth = 3;
      ctx.strokeStyle = PAPER;
      ctx.strokeText(item.name, x, y);
      ctx.fillStyle = INK;
      ctx.fillText(item.name, x, y);
      drawnNames.push(item.name);
      count += 1;
    }
    ctx.restore();
  });

  // ------------------------------------------------------------------ info boxes

  function actorName(id) { return actors[id] ? actors[id].name : String(id); }

  function categoryText(ev) {
    const words = categoryLabel[catKey(ev)] || "uncategorised";
    const q = quadInfo[ev.quad || 0];
    return words + " · " + q.label;
  }

  function provenance(ev) {
    const box = el("div", "kg-source");
    const name = ev.article || ev.doc || "";
    if (name) box.append(link(name, ev.url));
    const extra = [];
    if (ev.author) extra.push("by " + ev.author);
    if (ev.article && ev.doc) extra.push(ev.doc);
    if (ev.sentence !== null && ev.sentence !== undefined) extra.push("sentence " + ev.sentence);
    if (extra.length) box.append(document.createTextNode(" (" + extra.join(", ") + ")"));
    return box;
  }

  function eventInfo(ev) {
    const box = el("div", "kg-event");
    box.append(el("div", "kg-head", actorName(ev.from) + " — " + ev.action + " → " + actorName(ev.to)));
    row(box, "Category", categoryText(ev));
    row(box, "Date", ev.date);
    row(box, "Modality", ev.modality);
    row(box, "Location", ev.location);
    if (ev.text) box.append(el("blockquote", "kg-evidence", ev.text));
    box.append(provenance(ev));
    return box;
  }

  /* "person", or for a topic "topic: plan". */
  function kindText(a) {
    return a.kind === TOPIC ? "topic: " + (a.topic || "other") : a.kind.toLowerCase();
  }

  function actorInfo(a) {
    const box = el("div", "kg-info");
    box.append(el("div", "kg-head", a.name));
    row(box, "Type", kindText(a));
    row(box, "Country", a.country);
    row(box, "Events", fmt(a.degree));
    return box;
  }

  // ------------------------------------------------------------------ tooltip

  const tip = $("kg-tooltip");

  function showTip(content, pointer) {
    tip.replaceChildren(content);
    tip.hidden = false;
    const rect = container.getBoundingClientRect();
    let x = rect.left + pointer.x + 14;
    let y = rect.top + pointer.y + 14;
    if (x + tip.offsetWidth > window.innerWidth - 4) x = Math.max(4, x - tip.offsetWidth - 28);
    if (y + tip.offsetHeight > window.innerHeight - 4) y = Math.max(4, window.innerHeight - tip.offsetHeight - 4);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  function hideTip() { tip.hidden = true; tip.replaceChildren(); }

  network.on("hoverNode", (p) => {
    if (typeof p.node === "string") {
      const c = communities[Number(p.node.slice(1))];
      const box = el("div", "kg-info");
      box.append(el("div", "kg-head", c.label), el("div", null, fmt(c.size) + " actors · click to open"));
      showTip(box, p.pointer.DOM);
    } else showTip(actorInfo(actors[p.node]), p.pointer.DOM);
  });
  network.on("hoverEdge", (p) => {
    const edge = edgesDS.get(p.edge);
    if (!edge) return;
    const box = el("div", "kg-info");
    edge.kgEvents.slice(0, MAX_TIP_EVENTS).forEach((j) => box.append(eventInfo(events[j])));
    if (edge.kgEvents.length > MAX_TIP_EVENTS) {
      box.append(el("div", "kg-more", "+" + fmt(edge.kgEvents.length - MAX_TIP_EVENTS) + " more"));
    }
    showTip(box, p.pointer.DOM);
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach((name) => network.on(name, hideTip));
  container.addEventListener("mouseleave", hideTip);

  // ------------------------------------------------------------------ focus

  let sortBy = "date";

  function focus(id, move) {
    if (id === null || id === undefined || !actors[id]) return;
    const c = communityOf[id];
    if (meta.aggregate && !state.open.includes(c)) state.open.push(c);
    state.focus = id;
    if (document.body.classList.contains("kg-no-panel")) showPanel(true);
    render(false);
    if (move !== false && view.actors.has(id)) {
      const near = Array.from(neighbourhood(id));
      network.fit({ nodes: near.filter((n) => nodesDS.get(n)), animation: false });
      if (near.length === 1) network.moveTo({ position: network.getPosition(id), scale: 1.2 });
    }
  }

  function clear() {
    if (state.focus === null) return;
    state.focus = null;
    network.unselectAll();
    render(false);
  }

  function renderFocusPanel() {
    const section = $("kg-focus");
    const body = $("kg-focus-body");
    if (state.focus === null) { section.hidden = true; body.replaceChildren(); return; }
    const a = actors[state.focus];
    section.hidden = false;
    const head = el("div", "kg-focus-head");
    head.append(el("strong", null, a.name));
    if (a.wikidata) {
      head.append(document.createTextNode(" · "));
      head.append(link("Wikidata " + a.wikidata, "https://www.wikidata.org/wiki/" + a.wikidata));
    }
    const facts = el("div", "kg-info");
    row(facts, "Type", kindText(a));
    row(facts, "Issues", a.issues.map((i) => i.toLowerCase().replace(/_/g, " ")).join(", "));
    row(facts, "Country", a.country);
    row(facts, "Also called", a.aliases.join(", "));
    const mine = view.events.filter((ev) => ev.from === a.id || ev.to === a.id);
    const all = byActor[a.id].length;
    row(facts, "Events", fmt(mine.length) + (mine.length < all ? " shown of " + fmt(all) : ""));
    const sorter = el("label", "kg-row-control", "Sort by ");
    const select = el("select");
    select.id = "kg-sort";
    [["date", "date"], ["category", "category"], ["counterpart", "counterpart"]].forEach(([v, t]) => {
      const option = el("option", null, t);
      option.value = v;
      select.append(option);
    });
    select.value = sortBy;
    select.addEventListener("change", () => { sortBy = select.value; renderFocusPanel(); });
    sorter.append(select);
    const list = el("ol", "kg-event-list");
    list.id = "kg-focus-events";
    const other = (ev) => actorName(ev.from === a.id ? ev.to : ev.from);
    const keyOf = {
      date: (ev) => ev.first || "9999",
      category: (ev) => categoryLabel[catKey(ev)] || "~",
      counterpart: other,
    }[sortBy];
    mine.slice().sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : keyOf(x) > keyOf(y) ? 1 : x.id - y.id))
      .slice(0, MAX_PANEL_EVENTS).forEach((ev) => {
        const item = el("li", "kg-event");
        const line = el("div", "kg-head");
        line.append(document.createTextNode((ev.from === a.id ? "→ " : "← ") + other(ev) + ": " + ev.action));
        item.append(line);
        row(item, "Category", categoryText(ev));
        row(item, "Date", ev.date || "undated");
        row(item, "Modality", ev.modality);
        if (ev.text) item.append(el("blockquote", "kg-evidence", ev.text));
        item.append(provenance(ev));
        list.append(item);
      });
    body.replaceChildren(head, facts, sorter, list);
    if (mine.length > MAX_PANEL_EVENTS) {
      body.append(el("div", "kg-more", "+" + fmt(mine.length - MAX_PANEL_EVENTS) + " more"));
    }
    if (a.said.length) body.append(statementList(a));
  }

  /* What the actor said or did without a recipient drawn on the page, earliest first. */
  function statementList(a) {
    const box = el("details", "kg-statements");
    box.append(el("summary", null, "Statements (" + fmt(a.statements) + ")"));
    const list = el("ol", "kg-event-list");
    a.said.forEach((s) => {
      const item = el("li", "kg-event");
      item.append(el("div", "kg-head", s.action + (s.target ? " → " + s.target : "")));
      row(item, "Date", s.date || "undated");
      row(item, "Modality", s.modality);
      if (s.text) item.append(el("blockquote", "kg-evidence", s.text));
      item.append(provenance({ article: s.title, doc: s.doc, url: s.url, sentence: s.sentence }));
      list.append(item);
    });
    box.append(list);
    if (a.statements > a.said.length) {
      box.append(el("div", "kg-more", "+" + fmt(a.statements - a.said.length) + " more"));
    }
    return box;
  }

  network.on("click", (p) => {
    if (p.nodes.length) {
      const id = p.nodes[0];
      if (typeof id === "string") {
        state.open.push(Number(id.slice(1)));
        render(false);
      } else focus(id, false);
    } else if (p.edges.length) {
      const edge = edgesDS.get(p.edges[0]);
      if (edge && typeof edge.from === "number") focus(edge.from, false);
    } else clear();
  });
  network.on("doubleClick", (p) => {
    if (p.nodes.length && typeof p.nodes[0] === "number") focus(p.nodes[0], true);
    else if (!p.nodes.length) network.fit({ animation: { duration: 300 } });
  });
  network.on("dragEnd", (p) => {
    p.nodes.forEach((id) => {
      if (typeof id !== "number") return;
      const pos = network.getPosition(id);
      actors[id].x = pos.x;
      actors[id].y = pos.y;
      labels.filter((l) => l.id === id).forEach((l) => { l.x = pos.x; l.y = pos.y; });
      drawn.nodes.delete(id);
    });
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { hidePicks(); clear(); }
  });

  // ------------------------------------------------------------------ search

  function matches(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const lower = (s) => (s || "").toLowerCase();
    const exact = actors.filter((a) => lower(a.name) === q || lower(a.key) === q ||
      a.aliases.some((s) => lower(s) === q));
    if (exact.length) return exact;
    return actors.filter((a) => lower(a.name).includes(q) || a.aliases.some((s) => lower(s).includes(q)))
      .sort((x, y) => y.degree - x.degree || (x.name < y.name ? -1 : 1));
  }

  function hidePicks() { $("kg-picks").hidden = true; $("kg-picks").replaceChildren(); }

  function search(text) {
    hidePicks();
    const found = matches(text);
    const msg = $("kg-search-msg");
    if (!found.length) { msg.textContent = "no actor matches"; return null; }
    msg.textContent = found.length > 1 ? fmt(found.length) + " actors match" : "";
    if (found.length > 1) {
      const picks = $("kg-picks");
      found.slice(0, 12).forEach((a) => {
        const item = el("li");
        const button = el("button", "kg-pick", a.name + " (" + kindText(a) + ", " + fmt(a.degree) + ")");
        button.type = "button";
        button.addEventListener("click", () => { hidePicks(); msg.textContent = ""; focus(a.id, true); });
        item.append(button);
        picks.append(item);
      });
      picks.hidden = false;
    }
    focus(found[0].id, true);
    return found[0].id;
  }

  $("kg-search-form").addEventListener("submit", (e) => { e.preventDefault(); search($("kg-search").value); });
  $("kg-fit").addEventListener("click", () => network.fit({ animation: { duration: 300 } }));

  /* The side panel can be hidden; in a narrow frame (a notebook's) it starts hidden, and
     focusing an actor shows it. */
  function showPanel(shown) {
    document.body.classList.toggle("kg-no-panel", !shown);
    $("kg-panel-toggle").setAttribute("aria-expanded", String(shown));
    network.redraw();
  }
  $("kg-panel-toggle").addEventListener("click", () => {
    showPanel(document.body.classList.contains("kg-no-panel"));
  });
  if (window.innerWidth < NARROW) showPanel(false);
  $("kg-clear").addEventListener("click", clear);

  // ------------------------------------------------------------------ controls

  function fillControls() {
    const types = $("kg-legend-types");
    meta.types.filter((t) => t.count).forEach((t) => {
      const item = el("li");
      const button = el("button", "kg-type");
      button.type = "button";
      button.dataset.type = t.type;
      const swatch = el("span", "kg-swatch " + (t.type === TOPIC ? "kg-diamond" : "kg-dot"));
      swatch.style.background = t.color;
      button.append(swatch, document.createTextNode((t.type === TOPIC ? "topics" : t.type.toLowerCase()) + " "),
        el("span", "kg-count", fmt(t.count)));
      if (t.type === TOPIC) button.title = "Show or hide the topics: plans, meetings, agreements, issues";
      button.addEventListener("click", () => {
        const on = state.types.includes(t.type);
        state.types = on ? state.types.filter((x) => x !== t.type) : state.types.concat([t.type]);
        render(true);
      });
      item.append(button);
      types.append(item);
    });
    const quads = $("kg-legend-quads");
    meta.quads.forEach((q) => {
      const item = el("li");
      const label = el("label");
      const box = el("input", "kg-quad");
      box.type = "checkbox";
      box.dataset.quad = q.quad;
      const swatch = el("span", "kg-swatch kg-line");
      swatch.style.background = q.color;
      label.append(box, swatch, document.createTextNode(q.label + " "), el("span", "kg-count", fmt(q.count)));
      box.addEventListener("change", () => {
        state.quads = Array.from(document.querySelectorAll("input.kg-quad"))
          .filter((b) => b.checked).map((b) => Number(b.dataset.quad));
        render(true);
      });
      item.append(label);
      quads.append(item);
    });
    const select = $("kg-category");
    const all = el("option", null, "all categories");
    all.value = "";
    select.append(all);
    meta.categories.forEach((c) => {
      const option = el("option", null, c.label + " (" + fmt(c.count) + ")");
      option.value = c.key === null ? NONE : c.key;
      select.append(option);
    });
    select.addEventListener("change", () => { state.category = select.value; render(true); });
    const modalities = $("kg-modalities");
    meta.modalities.forEach((m) => {
      const label = el("label", "kg-inline");
      const box = el("input", "kg-modality");
      box.type = "checkbox";
      box.value = m;
      box.addEventListener("change", () => {
        state.modalities = Array.from(document.querySelectorAll("input.kg-modality"))
          .filter((b) => b.checked).map((b) => b.value);
        render(true);
      });
      label.append(box, document.createTextNode(" " + m));
      modalities.append(label);
    });
    $("kg-colour").addEventListener("change", () => { state.colour = $("kg-colour").value; render(false); });
    $("kg-sectors").addEventListener("change", () => { state.sectors = $("kg-sectors").value; render(false); });
    $("kg-min-events").addEventListener("change", () => {
      state.minEvents = Math.max(1, Math.floor(Number($("kg-min-events").value) || 1));
      render(true);
    });
    $("kg-collapse").addEventListener("change", () => { state.collapse = $("kg-collapse").checked; render(false); });
    ["kg-date-from", "kg-date-to"].forEach((id) => $(id).addEventListener("change", () => {
      setDates($("kg-date-from").value, $("kg-date-to").value);
    }));
    $("kg-undated").addEventListener("change", () => { state.undated = $("kg-undated").checked; render(true); });
    $("kg-reset").addEventListener("click", () => setState({ focus: state.focus }));
    $("kg-png").addEventListener("click", savePng);
    $("kg-csv").addEventListener("click", saveCsv);
  }

  /* The controls show the state (after setState or a link with a state in its fragment). */
  function showState() {
    document.querySelectorAll("button.kg-type").forEach((b) => {
      b.classList.toggle("kg-off", !state.types.includes(b.dataset.type));
      b.setAttribute("aria-pressed", String(state.types.includes(b.dataset.type)));
    });
    document.querySelectorAll("input.kg-quad").forEach((b) => { b.checked = state.quads.includes(Number(b.dataset.quad)); });
    document.querySelectorAll("input.kg-modality").forEach((b) => { b.checked = state.modalities.includes(b.value); });
    $("kg-category").value = state.category;
    $("kg-colour").value = state.colour;
    $("kg-sectors").value = state.sectors;
    $("kg-min-events").value = state.minEvents;
    $("kg-collapse").checked = state.collapse;
    $("kg-date-from").value = state.from;
    $("kg-date-to").value = state.to;
    $("kg-undated").checked = state.undated;
    const msg = $("kg-date-msg");
    const impossible = state.from && state.to && state.from > state.to;
    msg.hidden = !impossible;
    msg.textContent = impossible ? "From is after To: no event can fall in this range." : "";
  }

  function setDates(from, to) {
    state.from = firstDay(from || "");
    state.to = lastDayOf(to || "");
    render(true);
  }

  /* kg.schema.date_bounds: a month or a year given as a range's end stands for its days. */
  function firstDay(text) {
    if (/^\d{4}$/.test(text)) return text + "-01-01";
    return /^\d{4}-\d{2}$/.test(text) ? text + "-01" : text;
  }

  function lastDayOf(text) {
    if (/^\d{4}$/.test(text)) return text + "-12-31";
    return /^\d{4}-\d{2}$/.test(text) ? lastDay(text) : text;
  }

  // ------------------------------------------------------------------ timeline

  const svgNS = "http://www.w3.org/2000/svg";
  const timeline = { months: [], x0: 0, step: 1 };

  function monthOf(day) { return day.slice(0, 7); }

  function addMonths(month, n) {
    let y = Number(month.slice(0, 4)), m = Number(month.slice(5, 7)) - 1 + n;
    y += Math.floor(m / 12);
    m = ((m % 12) + 12) % 12;
    return String(y).padStart(4, "0") + "-" + String(m + 1).padStart(2, "0");
  }

  function lastDay(month) {
    const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
    return month + "-" + String(d.getUTCDate()).padStart(2, "0");
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(svgNS, tag);
    Object.keys(attrs).forEach((k) => node.setAttribute(k, attrs[k]));
    return node;
  }

  /* Events per month stacked by QuadClass, over what passes every filter but the dates; a
     date of a year only is spread over no month (the note says how many). The range runs
     from the 1st to the 99th percentile of the months, so one stray date does not squash it. */
  function renderTimeline() {
    const root = $("kg-timeline-svg");
    const width = root.clientWidth || 600, height = root.clientHeight || 80;
    const dated = events.filter((ev) => passes(ev, false) && ev.first);
    const monthly = dated.filter((ev) => monthOf(ev.first) === monthOf(ev.last));
    root.replaceChildren();
    if (!monthly.length) {
      const t = svg("text", { x: 8, y: 20, class: "kg-axis" });
      t.textContent = dated.length ? fmt(dated.length) + " events dated by year only; choose a range with From and To"
        : "no dated events";
      root.append(t);
      return;
    }
    const months = monthly.map((ev) => monthOf(ev.first)).sort();
    const lo = months[Math.floor(0.01 * (months.length - 1))];
    const hi = months[Math.ceil(0.99 * (months.length - 1))];
    const all = [];
    for (let m = lo; m <= hi && all.length < 600; m = addMonths(m, 1)) all.push(m);
    const counts = all.map(() => [0, 0, 0, 0, 0]);
    const index = new Map(all.map((m, i) => [m, i]));
    monthly.forEach((ev) => {
      let i = index.get(monthOf(ev.first));
      if (i === undefined) i = monthOf(ev.first) < lo ? 0 : all.length - 1;
      counts[i][ev.quad || 0] += 1;
    });
    const top = Math.max(1, ...counts.map((c) => c.reduce((s, v) => s + v, 0)));
    const pad = 4, axis = 14;
    const step = (width - 2 * pad) / all.length;
    timeline.months = all;
    timeline.x0 = pad;
    timeline.step = step;
    const inRange = (m) => (!state.from || lastDay(m) >= state.from) && (!state.to || m + "-01" <= state.to);
    all.forEach((m, i) => {
      let y = height - axis;
      [1, 2, 3, 4, 0].forEach((q) => {
        const h = (counts[i][q] / top) * (height - axis - 6);
        if (!h) return;
        y -= h;
        root.append(svg("rect", {
          x: pad + i * step + 0.5, y: y, width: Math.max(1, step - 1), height: h,
          fill: quadInfo[q].color, opacity: inRange(m) ? 1 : 0.25,
        }));
      });
    });
    const every = Math.max(1, Math.ceil(all.length / Math.max(1, width / 60)));
    all.forEach((m, i) => {
      if (i % every) return;
      const t = svg("text", { x: pad + i * step, y: height - 2, class: "kg-axis" });
      t.textContent = m;
      root.append(t);
    });
    const yearly = dated.length - monthly.length;
    if (yearly) {
      const t = svg("text", { x: width - pad, y: 11, class: "kg-axis", "text-anchor": "end" });
      t.textContent = fmt(yearly) + " dated by year only";
      root.append(t);
    }
    root.append(svg("rect", { id: "kg-brush", x: 0, y: 0, width: 0, height: height - axis, class: "kg-brush" }));
  }

  function monthAt(clientX) {
    const rect = $("kg-timeline-svg").getBoundingClientRect();
    const i = Math.floor((clientX - rect.left - timeline.x0) / timeline.step);
    return timeline.months[Math.max(0, Math.min(timeline.months.length - 1, i))];
  }

  (function wireBrush() {
    const root = $("kg-timeline-svg");
    let start = null;
    root.addEventListener("pointerdown", (e) => {
      if (!timeline.months.length) return;
      start = e.clientX;
      root.setPointerCapture(e.pointerId);
    });
    root.addEventListener("pointermove", (e) => {
      if (start === null) return;
      const brush = $("kg-brush");
      const rect = root.getBoundingClientRect();
      brush.setAttribute("x", Math.min(start, e.clientX) - rect.left);
      brush.setAttribute("width", Math.abs(e.clientX - start));
    });
    root.addEventListener("pointerup", (e) => {
      if (start === null) return;
      const a = monthAt(Math.min(start, e.clientX)), b = monthAt(Math.max(start, e.clientX));
      start = null;
      setDates(a + "-01", lastDay(b));
    });
    root.addEventListener("dblclick", () => setDates("", ""));
  })();

  // ------------------------------------------------------------------ state in the URL

  function currentState() { return JSON.parse(JSON.stringify(state)); }

  function writeHash() {
    const changed = {};
    Object.keys(state).forEach((k) => {
      if (JSON.stringify(state[k]) !== JSON.stringify(DEFAULTS[k])) changed[k] = state[k];
    });
    const hash = Object.keys(changed).length ? "#view=" + encodeURIComponent(JSON.stringify(changed)) : "";
    if (hash !== window.location.hash) {
      history.replaceState(null, "", window.location.pathname + window.location.search + hash);
    }
  }

  function readHash() {
    const m = /^#view=(.*)$/.exec(window.location.hash);
    if (!m) return {};
    try { return JSON.parse(decodeURIComponent(m[1])); } catch (err) { return {}; }
  }

  /* Set the view's state (missing keys take their defaults); unknown keys and values of the
     wrong kind are ignored. */
  function setState(given) {
    const next = JSON.parse(JSON.stringify(DEFAULTS));
    Object.keys(given || {}).forEach((k) => {
      if (!(k in DEFAULTS)) return;
      const value = given[k];
      const want = DEFAULTS[k];
      if (k === "focus") next.focus = Number.isInteger(value) && actors[value] ? value : null;
      else if (Array.isArray(want)) { if (Array.isArray(value)) next[k] = value.slice(); }
      else if (typeof value === typeof want) next[k] = value;
    });
    next.minEvents = Math.max(1, Math.floor(next.minEvents));
    next.from = firstDay(next.from);
    next.to = lastDayOf(next.to);
    state = next;
    if (meta.aggregate && state.focus !== null && !state.open.includes(communityOf[state.focus])) {
      state.open.push(communityOf[state.focus]);
    }
    render(true);
    return currentState();
  }

  // ------------------------------------------------------------------ exports

  function download(name, href) {
    const a = el("a");
    a.href = href;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  }

  function savePng() {
    const canvas = container.querySelector("canvas");
    if (canvas) download("kg-view.png", canvas.toDataURL("image/png"));
  }

  /* A cell as CSV, defused for spreadsheets: a leading = + - @ would start a formula. */
  function cell(value) {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function visibleEventsCsv() {
    const head = ["source", "action", "target", "layer", "category", "cameo", "plover", "quad", "date",
      "modality", "doc", "title", "url", "sentence", "text"];
    const lines = [head.join(",")];
    view.events.forEach((ev) => {
      lines.push([actorName(ev.from), ev.action, actorName(ev.to), ev.layer, categoryLabel[catKey(ev)],
        ev.cameo, ev.plover, ev.quad, ev.date, ev.modality, ev.doc, ev.article, ev.url, ev.sentence,
        ev.text].map(cell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function saveCsv() {
    const blob = new Blob([visibleEventsCsv()], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    download("kg-events.csv", url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ------------------------------------------------------------------ start

  fillControls();
  const timing = { ready: null };
  const ready = new Promise((resolve) => {
    network.once("afterDrawing", () => requestAnimationFrame(() => {
      timing.ready = performance.now();
      document.body.dataset.kgReady = "true";  // lets tools wait with a CSS selector
      resolve(true);
    }));
  });
  setState(readHash());
  window.addEventListener("resize", () => renderTimeline());

  /* The page's API (see the README): the browser tests and notebooks drive the page with it. */
  window.kg = {
    ready: ready,
    network: network,
    search: search,
    focus: (id) => { focus(id, true); return state.focus; },
    clear: clear,
    state: currentState,
    setState: setState,
    counts: shownCounts,
    visibleEvents: () => view.events.map((ev) => ev.event),
    csv: visibleEventsCsv,
    timing: timing,
    labels: () => drawnNames.slice(),
  };
})();
