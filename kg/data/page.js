/*
 * kg graph page script: draws the embedded graph data with vis-network and wires the
 * search box, filters, collapse toggle, tooltips and details panel.
 *
 * Every string in the data comes from news articles and is untrusted: it reaches the
 * DOM only through textContent / value (never innerHTML) and the canvas labels.
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const meta = data.meta;
  const actors = data.nodes;
  const events = data.events;
  const UNCATEGORISED = "uncategorised";
  const MAX_TIP_EVENTS = 4;
  const MAX_DETAIL_EVENTS = 200;

  const typeColor = {};
  meta.types.forEach((t) => { typeColor[t.type] = t.color; });
  const quadInfo = {};
  meta.quads.forEach((q) => { quadInfo[q.quad] = q; });

  const state = {
    quads: new Set(meta.quads.map((q) => q.quad)),
    category: "",
    from: "",
    to: "",
    undated: true,
    collapse: meta.collapse,
  };
  const layout = {
    stabilized: false, stabilizedAt: null, iterations: 0, startedAt: null, createdAt: null,
  };

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

  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  // ------------------------------------------------------------------ vis items

  function nodeItem(actor) {
    const c = typeColor[actor.type] || typeColor.OTHER;
    return {
      id: actor.id,
      label: actor.name,
      value: Math.max(actor.degree, 1),
      color: {
        background: c, border: "#3a3a3a",
        highlight: { background: c, border: "#000" },
        hover: { background: c, border: "#000" },
      },
    };
  }

  /* Start from a sunflower spiral with the busiest actors in the middle: the physics
     then only refines, so far fewer iterations are needed than from random spots. */
  function seedPositions(items) {
    const order = items.slice().sort((a, b) => b.value - a.value || a.id - b.id);
    const golden = Math.PI * (3 - Math.sqrt(5));
    order.forEach((item, i) => {
      const r = 28 * Math.sqrt(i + 0.5);
      item.x = r * Math.cos(i * golden);
      item.y = r * Math.sin(i * golden);
    });
    return items;
  }

  function edgeWidth(count) { return Math.min(1.2 + 1.6 * Math.log2(count), 9); }

  function edgeColor(quad) {
    const c = (quadInfo[quad || 0] || quadInfo[0]).color;
    return { color: c, highlight: c, hover: c, opacity: 0.9 };
  }

  function eventEdge(ev, count) {
    return {
      id: "e" + ev.id, from: ev.from, to: ev.to, label: ev.action,
      width: edgeWidth(count), color: edgeColor(ev.quad),
      dashes: ev.modality !== "asserted", kgEvents: [ev.id],
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

  function groupEdge(list) {
    const first = list[0];
    const sameAction = list.every((ev) => ev.action === first.action);
    const name = sameAction ? first.action : (first.cat || UNCATEGORISED);
    return {
      id: "g" + first.group, from: first.from, to: first.to,
      label: list.length > 1 ? name + " ×" + list.length : name,
      width: edgeWidth(list.length), color: edgeColor(mostCommonQuad(list)),
      dashes: list.every((ev) => ev.modality !== "asserted"),
      kgEvents: list.map((ev) => ev.id),
    };
  }

  /* Parallel and opposite edges get increasingly round curves so they stay apart;
     curves cost nothing in the physics, unlike vis's "dynamic" smoothing. */
  function spreadParallel(items) {
    const pairs = new Set(items.map((e) => e.from + ">" + e.to));
    const seen = new Map();
    items.forEach((e) => {
      const key = e.from + ">" + e.to;
      const k = seen.get(key) || 0;
      seen.set(key, k + 1);
      if (e.from === e.to) {
        e.selfReference = { size: 16 + 8 * k, angle: Math.PI / 4 };
        return;
      }
      const step = k + (pairs.has(e.to + ">" + e.from) ? 1 : 0);
      e.smooth = step === 0 ? { enabled: false }
        : { enabled: true, type: "curvedCW", roundness: Math.min(0.18 * step, 1) };
    });
    return items;
  }

  // ------------------------------------------------------------------ filtering

  /* kg.schema.in_date_range: a month or a year is in the range when its days overlap it;
     ev.first and ev.last are those days, computed in Python. */
  function dateOk(ev) {
    if (!ev.first) return state.undated;
    return !(state.from && ev.last < state.from) && !(state.to && ev.first > state.to);
  }

  function eventVisible(ev) {
    if (!state.quads.has(ev.quad || 0)) return false;
    if (state.category && (ev.cat || UNCATEGORISED) !== state.category) return false;
    return dateOk(ev);
  }

  function buildEdges(visible) {
    const groups = new Map();
    visible.forEach((ev) => {
      if (!groups.has(ev.group)) groups.set(ev.group, []);
      groups.get(ev.group).push(ev);
    });
    if (state.collapse) return spreadParallel(Array.from(groups.values(), groupEdge));
    return spreadParallel(visible.map((ev) => eventEdge(ev, groups.get(ev.group).length)));
  }

  const nodesDS = new vis.DataSet(seedPositions(actors.map(nodeItem)));
  const edgesDS = new vis.DataSet();
  let shownEvents = 0;

  function applyFilters() {
    const visible = events.filter(eventVisible);
    const items = buildEdges(visible);
    const keep = new Set(items.map((e) => e.id));
    edgesDS.remove(edgesDS.getIds().filter((id) => !keep.has(id)));
    edgesDS.update(items);
    shownEvents = visible.length;
    updateStatus();
  }

  function updateStatus() {
    let text = fmt(actors.length) + " actors · " + fmt(shownEvents) + " of " +
      fmt(events.length) + " events";
    if (state.collapse) text += " · " + fmt(edgesDS.length) + " edges";
    if (!layout.stabilized && actors.length) text += " · laying out…";
    $("kg-status").textContent = text;
  }

  applyFilters();

  // ------------------------------------------------------------------ network

  function logScale(min, max, total, value) {
    if (max === min) return 0.5;
    return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
  }

  const options = {
    layout: { randomSeed: 7, improvedLayout: !meta.big },
    nodes: {
      shape: "dot",
      borderWidth: 1,
      scaling: {
        min: 7, max: 30, customScalingFunction: logScale,
        label: { enabled: true, min: 12, max: 18, drawThreshold: 6 },
      },
      font: { size: 14, color: "#1d1d1d", strokeWidth: 3, strokeColor: "#ffffff" },
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      smooth: false,
      font: { size: 11, color: "#444", strokeWidth: 3, strokeColor: "#ffffff" },
      hoverWidth: 1.5,
      selectionWidth: 1.5,
    },
    physics: {
      enabled: true,
      solver: "forceAtlas2Based",
      forceAtlas2Based: {
        gravitationalConstant: -70, centralGravity: 0.012, springLength: 110,
        springConstant: 0.06, damping: 0.5, avoidOverlap: 0.2, theta: meta.big ? 1.0 : 0.5,
      },
      maxVelocity: 60,
      minVelocity: 1,
      timestep: 0.5,
      stabilization: {
        enabled: true, iterations: meta.big ? 100 : 300, updateInterval: 10, fit: true,
      },
    },
    interaction: {
      hover: true, tooltipDelay: 150, keyboard: false, multiselect: false,
      hideEdgesOnDrag: meta.big, hideEdgesOnZoom: meta.big,
    },
  };

  const container = $("kg-network");
  layout.startedAt = performance.now();
  const network = new vis.Network(container, { nodes: nodesDS, edges: edgesDS }, options);
  layout.createdAt = performance.now();

  /* Physics runs for a bounded number of iterations, then stops for good so the page
     is calm and cheap; dragging a node afterwards moves only that node. */
  function finishLayout() {
    if (layout.stabilized) return;
    network.setOptions({ physics: { enabled: false } });
    layout.stabilized = true;
    layout.stabilizedAt = performance.now();
    document.body.dataset.kgLayout = "stable";  // lets tools wait with a CSS selector
    updateStatus();
    document.dispatchEvent(new CustomEvent("kg:stabilized", { detail: layout }));
  }

  network.on("stabilizationProgress", (p) => {
    layout.iterations = p.iterations;
    $("kg-status").textContent = "laying out " + fmt(actors.length) + " actors… " +
      Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", finishLayout);
  network.once("stabilized", finishLayout);
  if (!actors.length) finishLayout();

  // ------------------------------------------------------------------ info boxes

  function actorName(id) { return actors[id] ? actors[id].name : String(id); }

  function nodeInfo(actor) {
    const box = el("div", "kg-info");
    box.append(el("div", "kg-head", actor.name));
    row(box, "Type", actor.type);
    row(box, "Country", actor.country);
    row(box, "Aliases", actor.aliases.join(", "));
    row(box, "Mentions", fmt(actor.mentions));
    row(box, "Events", fmt(actor.degree));
    if (actor.key !== actor.name) row(box, "Id", actor.key);
    return box;
  }

  function categoryText(ev) {
    const parts = [];
    if (ev.cameo) parts.push("CAMEO " + ev.cameo);
    if (ev.plover) parts.push("PLOVER " + ev.plover);
    const q = quadInfo[ev.quad || 0];
    parts.push(ev.quad ? "Quad " + ev.quad + " " + q.label : q.label);
    return parts.join(" · ");
  }

  function sourceText(ev) {
    const parts = [];
    if (ev.title) parts.push(ev.title);
    if (ev.doc) parts.push(ev.title ? "(" + ev.doc + ")" : ev.doc);
    if (ev.sentence !== null && ev.sentence !== undefined) parts.push("sentence " + ev.sentence);
    return parts.join(" ");
  }

  function eventInfo(ev) {
    const box = el("div", "kg-event");
    box.append(el("div", "kg-head",
      actorName(ev.from) + " — " + ev.action + " → " + actorName(ev.to)));
    row(box, "Category", categoryText(ev));
    row(box, "Date", ev.date);
    row(box, "Modality", ev.modality);
    row(box, "Location", ev.location);
    if (ev.goldstein !== null) row(box, "Goldstein", ev.goldstein);
    if (ev.confidence !== null) row(box, "Confidence", ev.confidence.toFixed(2));
    if (ev.text) box.append(el("blockquote", "kg-evidence", ev.text));
    const source = sourceText(ev);
    if (source) box.append(el("div", "kg-source", source));
    return box;
  }

  function edgeInfo(edge, limit) {
    const list = edge.kgEvents.map((i) => events[i]);
    if (list.length === 1) return eventInfo(list[0]);
    const box = el("div", "kg-info");
    const first = list[0];
    box.append(el("div", "kg-head", actorName(first.from) + " → " + actorName(first.to) +
      ": " + (first.cat || UNCATEGORISED) + " ×" + list.length));
    list.slice(0, limit).forEach((ev) => box.append(eventInfo(ev)));
    if (list.length > limit) {
      box.append(el("div", "kg-more", "+" + fmt(list.length - limit) +
        " more (click the edge to list them)"));
    }
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
    if (y + tip.offsetHeight > window.innerHeight - 4) y = Math.max(4, y - tip.offsetHeight - 28);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  function hideTip() { tip.hidden = true; tip.replaceChildren(); }

  network.on("hoverNode", (p) => showTip(nodeInfo(actors[p.node]), p.pointer.DOM));
  network.on("hoverEdge", (p) => {
    const edge = edgesDS.get(p.edge);
    if (edge) showTip(edgeInfo(edge, MAX_TIP_EVENTS), p.pointer.DOM);
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach((name) => network.on(name, hideTip));
  container.addEventListener("mouseleave", hideTip);

  // ------------------------------------------------------------------ details panel

  function showDetails(content) { $("kg-details").replaceChildren(content); }

  network.on("click", (p) => {
    if (p.nodes.length) {
      showDetails(nodeInfo(actors[p.nodes[0]]));
    } else if (p.edges.length) {
      const edge = edgesDS.get(p.edges[0]);
      if (edge) showDetails(edgeInfo(edge, MAX_DETAIL_EVENTS));
    }
  });

  // ------------------------------------------------------------------ search

  function fillActorList() {
    const names = Array.from(new Set(actors.map((a) => a.name))).sort();
    const list = $("kg-actors");
    names.forEach((name) => {
      const option = document.createElement("option");
      option.value = name;
      list.append(option);
    });
  }

  function findActor(query) {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const lower = (s) => (s || "").toLowerCase();
    return actors.find((a) => lower(a.name) === q) ||
      actors.find((a) => a.aliases.some((s) => lower(s) === q) || lower(a.key) === q) ||
      actors.find((a) => lower(a.name).includes(q)) ||
      actors.find((a) => a.aliases.some((s) => lower(s).includes(q))) || null;
  }

  function search(event) {
    if (event) event.preventDefault();
    const actor = findActor($("kg-search").value);
    const msg = $("kg-search-msg");
    if (!actor) { msg.textContent = "no matching actor"; return; }
    msg.textContent = "";
    network.selectNodes([actor.id]);
    network.focus(actor.id, { scale: 1.4, animation: { duration: 400 } });
    showDetails(nodeInfo(actor));
  }

  fillActorList();
  $("kg-search-form").addEventListener("submit", search);
  $("kg-search").addEventListener("change", () => { if ($("kg-search").value) search(); });

  // ------------------------------------------------------------------ filters

  function fillCategories() {
    const counts = new Map();
    events.forEach((ev) => {
      const key = ev.cat || UNCATEGORISED;
      counts.set(key, (counts.get(key) || 0) + 1);
    });
    const select = $("kg-category");
    Array.from(counts.keys()).sort().forEach((key) => {
      const option = el("option", null, key + " (" + fmt(counts.get(key)) + ")");
      option.value = key;
      select.append(option);
    });
  }

  function readControls() {
    state.quads = new Set();
    document.querySelectorAll("input.kg-quad").forEach((box) => {
      if (box.checked) state.quads.add(Number(box.dataset.quad));
    });
    state.category = $("kg-category").value;
    state.from = $("kg-date-from").value;
    state.to = $("kg-date-to").value;
    state.undated = $("kg-undated").checked;
    state.collapse = $("kg-collapse").checked;
    applyFilters();
  }

  function resetControls() {
    document.querySelectorAll("input.kg-quad").forEach((box) => { box.checked = true; });
    $("kg-category").value = "";
    $("kg-date-from").value = "";
    $("kg-date-to").value = "";
    $("kg-undated").checked = true;
    readControls();
  }

  fillCategories();
  $("kg-collapse").checked = meta.collapse;  // a reload must not keep a stale toggle
  if (meta.dates) {
    ["kg-date-from", "kg-date-to"].forEach((id) => {
      $(id).min = meta.dates[0].slice(0, 10);
      $(id).max = meta.dates[1].slice(0, 10);
    });
  }
  document.querySelectorAll("input.kg-quad, #kg-category, #kg-date-from, #kg-date-to, " +
    "#kg-undated, #kg-collapse").forEach((input) => input.addEventListener("change", readControls));
  $("kg-reset").addEventListener("click", resetControls);

  window.kgNetwork = network;
  window.kgData = { nodes: nodesDS, edges: edgesDS, events: events, meta: meta };
  window.kgLayout = layout;
  window.kgApplyFilters = readControls;
})();
