(() => {
  // biome-ignore lint/suspicious/noRedundantUseStrict: the page inlines this file as a classic script, not a module
  "use strict";
  const data = JSON.parse(document.getElementById("cg-data").textContent);
  const info = data.info, nodeMeta = data.nodes, edgeMeta = data.edges, statements = data.statements;
  const aggregated = info.mode === "aggregated";
  statements.forEach((s) => {  // the page data leaves out the labels of nodes it holds
    if (s.to === undefined) s.to = nodeMeta[s.toId].label;
    if (s.from === undefined) s.from = nodeMeta[s.fromId].label;
    if (s.by === undefined) s.by = s.fromId;
  });
  const $ = (id) => document.getElementById(id);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null && text !== "") e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function add(parent, ...children) { children.forEach((c) => { if (c) parent.appendChild(c); }); return parent; }

  // ---- state: filters and selection, mirrored in the URL fragment ------------------------------
  // am: what the actor filter matches: "" = statements involving the actor, "said" = said by it (or for it)
  // dv: the dispute drawn alone (a claim id); list: the disputes list is open (by default in the aggregated view)
  const state = {hs: [], ht: [], actor: "", am: "", src: "", since: "", until: "", hm: [], contested: false, sel: "",
    dv: "", list: aggregated, fx: []};  // fx: nodes expanded in focus mode (only their neighbourhoods drawn)
  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const list = (k) => p.get(k) ? p.get(k).split("|").filter(Boolean) : [];
    state.hs = list("hs"); state.ht = list("ht"); state.hm = list("hm");
    state.actor = p.get("actor") || ""; state.am = p.get("am") === "said" ? "said" : ""; state.src = p.get("src") || "";
    state.since = p.get("since") || ""; state.until = p.get("until") || "";
    state.contested = p.get("contested") === "1"; state.sel = p.get("sel") || "";
    state.dv = data.disputes[p.get("dv")] ? p.get("dv") : "";
    state.list = p.has("dl") ? p.get("dl") === "1" : aggregated;
    state.fx = list("fx").filter((id) => nodeMeta[id]);
  }
  function writeHash(push) {  // push: a new view (a dispute, an expansion), so that Back returns to the last one
    const p = new URLSearchParams();
    if (state.sel) p.set("sel", state.sel);
    if (state.hs.length) p.set("hs", state.hs.join("|"));
    if (state.ht.length) p.set("ht", state.ht.join("|"));
    if (state.hm.length) p.set("hm", state.hm.join("|"));
    ["actor", "am", "src", "since", "until"].forEach((k) => { if (state[k]) p.set(k, state[k]); });
    if (state.contested) p.set("contested", "1");
    if (state.dv) p.set("dv", state.dv);
    if (state.list !== aggregated) p.set("dl", state.list ? "1" : "0");
    if (state.fx.length) p.set("fx", state.fx.join("|"));
    const hash = p.toString(), url = hash ? `#${hash}` : location.pathname + location.search;
    if (push && (hash ? `#${hash}` : "") !== location.hash) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  // ---- filtering: hide, never grey out --------------------------------------------------------
  let visibleEdge = Object.create(null), visibleNode = Object.create(null), visibleStatements = [];
  function statementPasses(s) {
    if (state.hm.indexOf(s.method) >= 0) return false;
    if (state.src && s.src !== state.src) return false;
    if (s.date && state.since && s.date < state.since) return false;
    if (s.date && state.until && s.date > state.until) return false;
    if (state.actor && state.am === "said" && s.kind === "statement" && s.fromId !== state.actor && s.by !== state.actor) return false;
    return true;
  }
  // ---- contested within the view: the rule of `claimgraph contested`, over the statements in view ----
  // A claim is contested when a supporter (asserts, accuses) and a different disputer (denies it, or asserts
  // a claim that contradicts it) are both among the statements in view (dates, source, method); statements
  // count for the actor they are attributed to. data.disputes holds the claims contested in the whole page
  // (no window can add a dispute) with the claims that contradict each.
  const SUPPORTING = {Assertion: true, Accusation: true}, DISPUTING = {Denial: true};
  const byClaim = Object.create(null);
  Object.keys(edgeMeta).forEach((id) => {
    const e = edgeMeta[id];
    if (e.kind !== "statement") return;
    if (!byClaim[e.to]) byClaim[e.to] = [];
    byClaim[e.to].push(...e.st);
  });
  function inWindow(s) {
    if (state.hm.indexOf(s.method) >= 0) return false;
    if (state.src && s.src !== state.src) return false;
    if (s.date && state.since && s.date < state.since) return false;
    if (s.date && state.until && s.date > state.until) return false;
    return true;
  }
  function actorOf(s) { return s.by || s.fromId; }
  function labelOf(id, fallback) { return nodeMeta[id] ? nodeMeta[id].label : fallback || id; }
  function contest(claim) {  // both sides of a claim among the statements in view; null when not contested
    const pro = new Map(), con = new Map(), st = [];
    (byClaim[claim] || []).forEach((i) => {
      const s = statements[i];
      if (!inWindow(s)) return;
      st.push(i);
      if (SUPPORTING[s.stance]) pro.set(actorOf(s), labelOf(actorOf(s), s.obo || s.from));
      else if (DISPUTING[s.stance]) con.set(actorOf(s), labelOf(actorOf(s), s.obo || s.from));
    });
    (data.disputes[claim] || []).forEach((other) => {
      (byClaim[other] || []).forEach((i) => {
        const s = statements[i];
        if (!SUPPORTING[s.stance] || !inWindow(s)) return;
        st.push(i);
        con.set(actorOf(s), labelOf(actorOf(s), s.obo || s.from));
      });
    });
    if (!pro.size || !con.size) return null;
    if (pro.size === 1 && con.size === 1 && [...pro.keys()][0] === [...con.keys()][0]) return null;
    return {pro, con, st};
  }
  let contestNow = Object.create(null);
  // Recomputed only when what it depends on changes (method, source, dates), not on a legend click: with
  // 2,000 disputes it read 20,000 statements each time. contestNow is a new object whenever it changes.
  let contestKey = null;
  function computeContested() {
    const key = [state.hm.join("|"), state.src, state.since, state.until].join("\n");
    if (key === contestKey) return;
    contestKey = key;
    contestNow = Object.create(null);
    Object.keys(data.disputes).forEach((c) => { const r = contest(c); if (r) contestNow[c] = r; });
  }
  function sides(claim) {  // [supporters, disputers] as sorted labels, in view
    const r = contestNow[claim];
    if (!r) return [[], []];
    return [[...r.pro.values()].sort(), [...r.con.values()].sort()];
  }
  function inDispute(e) {  // an edge of the dispute drawn alone
    if (e.kind === "structure") return e.from === state.dv;
    if (e.kind !== "statement") return false;
    return e.to === state.dv || ((data.disputes[state.dv] || []).indexOf(e.to) >= 0 && !!SUPPORTING[e.stance]);
  }
  function shownStatements() {  // speech acts only: mediation records ride on the same list
    return visibleStatements.filter((i) => statements[i].kind === "statement");
  }
  function typeOf(id) { const n = nodeMeta[id]; return n.kind === "actor" ? n.type : n.kind; }
  function edgePasses(e) {  // (the tests that turn most edges away first: a page aggregated from 100,000
    // statements holds 200,000 edges, and each click asks of every one)
    if (state.dv) { if (!inDispute(e)) return false; }
    else if (state.fx.length) { if (state.fx.indexOf(e.from) < 0 && state.fx.indexOf(e.to) < 0) return false; }
    else if (aggregated && e.kind !== "aggregate") return false;  // claims are drawn one dispute at a time
    if (state.hs.indexOf(e.kind === "affiliation" ? "affiliation" : e.stance) >= 0) return false;
    if (state.ht.indexOf(typeOf(e.from)) >= 0 || state.ht.indexOf(typeOf(e.to)) >= 0) return false;
    if (state.contested && !state.dv && !(e.kind === "statement" && contestNow[e.to])
        && !(e.kind === "structure" && contestNow[e.from])) return false;
    if (state.actor && state.am === "said") {  // statement edges: each statement is checked in statementPasses
      if (e.kind === "affiliation" ? e.from !== state.actor && e.to !== state.actor
          : e.kind !== "statement" && e.from !== state.actor) return false;
    } else if (state.actor && e.actors.indexOf(state.actor) < 0) return false;
    return true;
  }
  function computeVisible() {
    visibleEdge = Object.create(null); visibleNode = Object.create(null); visibleStatements = [];
    computeContested();
    const ids = Object.keys(edgeMeta), later = [], structure = [];
    ids.forEach((id) => {
      const e = edgeMeta[id];
      if (e.kind === "affiliation") { later.push(id); return; }
      if (e.kind === "structure") { structure.push(id); return; }
      if (!edgePasses(e)) return;
      const whole = e.kind === "aggregate";  // an aggregate edge stands for its statements: no filter of one applies
      let ok = e.st.length === 0 || whole;
      const passing = [];
      e.st.forEach((i) => { if (whole || statementPasses(statements[i])) { ok = true; passing.push(i); } });
      if (!ok) return;
      visibleEdge[id] = true; visibleNode[e.from] = true; visibleNode[e.to] = true;
      passing.forEach((i) => { visibleStatements.push(i); });
    });
    structure.forEach((id) => {  // what a drawn claim is about: its subject, object and targets come with it
      const e = edgeMeta[id];
      const wanted = visibleNode[e.from] || (!state.dv && state.fx.indexOf(e.to) >= 0);  // or the claims about an expanded actor
      if (wanted && edgePasses(Object.assign({}, e, {actors: [e.from, e.to]}))) {
        visibleEdge[id] = true; visibleNode[e.from] = true; visibleNode[e.to] = true;
      }
    });
    later.forEach((id) => {
      const e = edgeMeta[id];
      const expanded = !state.dv && (state.fx.indexOf(e.from) >= 0 || state.fx.indexOf(e.to) >= 0);
      if (((visibleNode[e.from] && visibleNode[e.to]) || expanded) && edgePasses(Object.assign({}, e, {actors: [e.from, e.to]}))) {
        visibleEdge[id] = true; visibleNode[e.from] = true; visibleNode[e.to] = true;
      }
    });
    if (state.actor && nodeMeta[state.actor] && state.ht.indexOf(typeOf(state.actor)) < 0 && !state.dv) visibleNode[state.actor] = true;
    if (state.dv) visibleNode[state.dv] = true;
    else state.fx.forEach((id) => { if (state.ht.indexOf(typeOf(id)) < 0) visibleNode[id] = true; });
    if (!state.actor && !state.contested && !state.src && !state.since && !state.until && !state.dv && !state.fx.length) {
      lonely.forEach((id) => { if (state.ht.indexOf(typeOf(id)) < 0) visibleNode[id] = true; });
    }
  }
  const linked = Object.create(null);
  Object.keys(edgeMeta).forEach((id) => { linked[edgeMeta[id].from] = true; linked[edgeMeta[id].to] = true; });
  const lonely = Object.keys(nodeMeta).filter((id) => !linked[id]);

  // ---- the network ------------------------------------------------------------------------------
  const nodes = new vis.DataSet(data.vis.nodes);
  const edges = new vis.DataSet(data.vis.edges);
  // The statements of disputes in the aggregated view come without a look, and go to vis-network only when first
  // drawn (addDrawn): made at the start, the tens of thousands of a page aggregated from 100,000 statements took
  // 2-3 s of its loading.
  function disputeEdge(id) {
    const e = edgeMeta[id], look = data.edgeLook[e.stance];
    if (!e.dispute || !look) return null;
    const label = e.st.length > 1 ? `${look.label} \u00d7${e.st.length}` : look.label;
    return Object.assign(JSON.parse(JSON.stringify(look)), {id, from: e.from, to: e.to, label});
  }
  computeVisible();
  const container = $("network");
  const network = new vis.Network(container, {nodes, edges}, data.vis.options);
  // What the filters drop is hidden in place (the option vis-network reads when it lists what to draw),
  // not removed: a DataView put back re-created every node and edge it added, 0.1-0.8 s at 2,000 nodes.
  // After the first pass only what was shown and what is to be shown is touched: an aggregated page holds the
  // hidden statement edges of every dispute (tens of thousands), and setting each took 0.1 s of every click.
  let shownNodes = null, shownEdges = null;  // the ids the last pass left visible (null: no pass yet)
  function addDrawn() {  // the dispute edges about to be drawn for the first time, at once
    const body = network.body, added = [];
    Object.keys(visibleEdge).forEach((id) => {
      if (!body.edges[id]) { const item = disputeEdge(id); if (item) added.push(item); }
    });
    if (!added.length) return;
    edges.add(added);
    if (drawOrder !== null) added.forEach((item) => { drawOrder.edges.place.set(item.id, drawOrder.edges.ids.push(item.id) - 1); });
  }
  function applyVisibility() {
    addDrawn();
    const body = network.body;
    if (shownNodes === null) {
      Object.keys(body.nodes).forEach((id) => { body.nodes[id].options.hidden = !visibleNode[id]; });
      Object.keys(body.edges).forEach((id) => { body.edges[id].options.hidden = !visibleEdge[id]; });
    } else {
      shownNodes.forEach((id) => { if (!visibleNode[id] && body.nodes[id]) body.nodes[id].options.hidden = true; });
      shownEdges.forEach((id) => { if (!visibleEdge[id] && body.edges[id]) body.edges[id].options.hidden = true; });
    }
    shownNodes = Object.keys(visibleNode);
    shownEdges = Object.keys(visibleEdge);
    shownNodes.forEach((id) => { if (body.nodes[id]) body.nodes[id].options.hidden = false; });
    shownEdges.forEach((id) => { if (body.edges[id]) body.edges[id].options.hidden = false; });
    // The lists vis-network draws from, as its _updateVisibleIndices makes them (shown, both ends shown, in the
    // order the items were added; no clusters here), from the shown items only: walking every item took 0.1 s.
    if (drawOrder === null) drawOrder = {nodes: ordered(body.nodes), edges: ordered(body.edges)};
    const drawnEdge = (id) => {
      const e = body.edges[id];
      return e && body.nodes[e.fromId] && body.nodes[e.toId] && visibleNode[e.fromId] && visibleNode[e.toId];
    };
    body.nodeIndices = inOrder(shownNodes, visibleNode, drawOrder.nodes, (id) => body.nodes[id]).map((id) => body.nodes[id].id);
    body.edgeIndices = inOrder(shownEdges, visibleEdge, drawOrder.edges, drawnEdge).map((id) => body.edges[id].id);
  }
  let drawOrder = null;  // vis-network's items in the order it lists them, with each one's place, read once
  function ordered(items) {
    const ids = Object.keys(items), place = new Map();
    ids.forEach((id, i) => { place.set(id, i); });
    return {ids, place};
  }
  function inOrder(shown, visible, order, keep) {  // the shown ids vis-network would list, in its order:
    // walked in that order when they are many of them, else sorted into it
    if (shown.length * 8 > order.ids.length) return order.ids.filter((id) => visible[id] && keep(id));
    return shown.filter(keep).sort((a, b) => order.place.get(a) - order.place.get(b));
  }
  window.network = network;
  // Level of detail: zoomed far out, dash patterns and arrow heads are under a pixel, yet drawing them took
  // 90% of a frame (0.9 s of 1.0 s at 14,000 edges); and zoomed in on a crowd, rasterising the dashes of
  // 10,000 edges crossing the window took 4 s where plain lines take 0.4 s. So below these scales, or
  // above these numbers of edges to draw, edges are drawn as plain lines without labels (zoom in further
  // for the patterns, heads and labels; the panel and the table say the same in words).
  const DASHES_FROM = 0.25, ARROWS_FROM = 0.2, DASHES_UPTO = 3000, ARROWS_UPTO = 6000, LABELS_UPTO = 3000;
  let detailShown = 7, exporting = false;  // exporting: the PNG is drawn in full detail  // bits: 1 arrow heads, 2 dash patterns, 4 edge labels
  function levelOfDetail() {  // edge options set in place, as paintDim does: vis-network reads them at each drawing
    const s = network.getScale(), n = network.body.edgeIndices.length, edgesNow = network.body.edges;
    const want = exporting ? 7 : (s >= ARROWS_FROM && n <= ARROWS_UPTO ? 1 : 0) | (s >= DASHES_FROM && n <= DASHES_UPTO ? 2 : 0)
      | (n <= LABELS_UPTO ? 4 : 0);
    if (want === 7 && detailShown === 7) return;
    // full detail puts back only the edges drawn with less (not every edge of the page: a page aggregated from
    // 100,000 statements holds tens of thousands of hidden ones)
    const ids = want === 7 ? [...reduced] : network.body.edgeIndices;
    if (want === 7) reduced.clear();
    ids.forEach((id) => {
      const e = edgesNow[id];
      if (!e) return;
      if (e.homeDashes === undefined) {
        e.homeDashes = e.options.dashes; e.homeArrow = e.options.arrows.to.enabled; e.homeLabel = e.options.label;
      }
      e.options.arrows.to.enabled = want & 1 ? e.homeArrow : false;
      e.options.dashes = want & 2 ? e.homeDashes : false;
      e.options.label = want & 4 ? e.homeLabel : undefined;
      if (want !== 7) reduced.add(id);
    });
    detailShown = want;
  }
  const reduced = new Set();  // the edges levelOfDetail drew with less than their own look
  // Culling: vis-network draws every edge, on screen or not, and zoomed in on 2,000 nodes the dashes of
  // thousands of unseen edges took seconds to rasterise. For one drawing, the list of edges to draw keeps
  // those whose box meets the window (with a margin for curves, arrow heads and labels); put back after.
  let allEdges = null, dimmedNodes = new Set(), dimmedEdges = new Set();  // (dimmed: see dim)
  function cullEdges() {  // the window is vis-network's canvas (made the drawing's size for the PNG)
    const body = network.body, w = network.canvas.frame.canvas.clientWidth, h = network.canvas.frame.canvas.clientHeight;
    if (!w || !h || exporting) return;
    const a = network.DOMtoCanvas({x: 0, y: 0}), b = network.DOMtoCanvas({x: w, y: h}), m = 60 / network.getScale();
    const left = a.x - m, top = a.y - m, right = b.x + m, bottom = b.y + m;
    allEdges = body.edgeIndices;
    body.edgeIndices = allEdges.filter((id) => {
      const e = body.edges[id], f = body.nodes[e.fromId], t = body.nodes[e.toId];
      return !(Math.max(f.x, t.x) < left || Math.min(f.x, t.x) > right || Math.max(f.y, t.y) < top || Math.min(f.y, t.y) > bottom);
    });
  }
  // Plain lines (more than 3,000 edges in view: no heads, dashes or labels) are drawn here, not by vis-network.
  // Chromium's software canvas took 30-40 us to rasterise each of its 2-px lines, 300 ms a frame zoomed in on
  // a 2,000-node page. Here a line is at most one pixel wide on screen (Skia's hairline, twice as fast), and a
  // dimmed edge (8% opacity: invisible at that width) is not drawn. A selected or hovered edge, a loop, or an
  // edge coloured by its nodes is left to vis-network.
  function drawPlainEdges(ctx) {
    const body = network.body, renderer = network.renderer, scale = network.getScale();
    if (detailShown !== 0 || exporting) return;
    const hidden = renderer.dragging && renderer.options.hideEdgesOnDrag || renderer.zooming && renderer.options.hideEdgesOnZoom;
    const keep = [];
    ctx.save();
    body.edgeIndices.forEach((id) => {
      const e = body.edges[id], o = e.options;
      if (e.selected || e.hover || e.fromId === e.toId || o.color.inherit) { keep.push(id); return; }
      if (!e.connected || hidden || dimmedEdges.has(id)) return;
      ctx.beginPath(); ctx.moveTo(e.from.x, e.from.y); ctx.lineTo(e.to.x, e.to.y);
      ctx.globalAlpha = o.color.opacity ?? 1; ctx.strokeStyle = o.color.color;
      ctx.lineWidth = Math.min(Math.max(o.width, 0.3 / scale), 1 / scale);
      ctx.stroke();
    });
    ctx.restore();
    ctx.beginPath();
    if (!allEdges) allEdges = body.edgeIndices;
    body.edgeIndices = keep;
  }
  network.on("beforeDrawing", (ctx) => {  // white, not transparent, so the PNG export reads
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
    cullEdges();
    levelOfDetail();
    drawPlainEdges(ctx);
  });
  network.on("afterDrawing", () => { if (allEdges) { network.body.edgeIndices = allEdges; allEdges = null; } });
  // vis-network draws at once on every data event (nodes added, removed, updated; edges the same): a filter
  // click drew the whole network four to six times, a second each at 2,000 nodes. Changes are made in a
  // batch and drawn once, on the next frame.
  let batchDepth = 0;
  function batched(fn) {
    if (batchDepth++ === 0) network.body.emitter.emit("_blockRedraw");
    try { return fn(); } finally {
      if (--batchDepth === 0) { network.body.emitter.emit("_allowRedraw"); network.body.emitter.emit("_requestRedraw"); }
    }
  }
  const home = {};
  data.vis.nodes.forEach((n) => { home[n.id] = {x: n.x, y: n.y}; });
  let arranged = "home";
  const displaced = new Set(), placedAt = Object.create(null);  // nodes away from their home position, and where
  function disputeLayout(claim) {  // one dispute: supporters left, the claim in the middle, disputers right
    const r = contest(claim) || {pro: new Map(), con: new Map()}, at = Object.create(null);
    const left = [], right = [], both = [], others = [];
    Object.keys(visibleNode).forEach((id) => {
      if (id === claim) return;
      if (nodeMeta[id].kind === "claim") others.push(id);
      else if (r.pro.has(id) && r.con.has(id)) both.push(id);
      else if (r.con.has(id)) right.push(id);
      else if (r.pro.has(id)) left.push(id);
      else both.push(id);  // speaks of it otherwise (reports, demands), or what it is about
    });
    const byLabel = (a, b) => nodeMeta[a].label.localeCompare(nodeMeta[b].label) || (a < b ? -1 : 1);
    // each group a block of rows about three times as tall as wide: sides grow outwards, the rest below
    const block = (ids, x0, dir, y0) => {
      const cols = Math.max(1, Math.ceil(Math.sqrt(ids.length / 3))), rows = Math.ceil(ids.length / cols);
      ids.sort(byLabel).forEach((id, i) => {
        const c = i % cols, r = Math.floor(i / cols);
        at[id] = dir ? {x: x0 + dir * c * 200, y: (r - (rows - 1) / 2) * 60} : {x: (c - (cols - 1) / 2) * 200, y: y0 + r * 60};
      });
      return rows * 60;
    };
    const high = Math.max(block(left, -420, -1), block(right, 420, 1));
    block(both, 0, 0, Math.max(160, high / 2 + 60));
    others.sort(byLabel).forEach((id, i) => { at[id] = {x: 0, y: -160 - i * 90}; });  // claims that contradict it
    at[claim] = {x: 0, y: 0};
    return at;
  }
  function arrange() {  // the layout of the view: home; contested (two sides of every claim); one dispute
    const want = state.dv ? `dv:${state.dv}` : state.fx.length ? `fx:${state.fx.join("|")}` : state.contested && !aggregated ? "sides" : "home";
    if (want === arranged && !state.dv) return;
    arranged = want;
    const moves = [], at = state.dv ? disputeLayout(state.dv) : null;
    Object.keys(nodeMeta).forEach((id) => {
      const m = nodeMeta[id];
      if (at) { if (at[id]) moves.push({id: id, x: at[id].x, y: at[id].y}); }
      else if (want === "sides" && m.cx !== undefined) moves.push({id: id, x: m.cx, y: m.cy});
      else if (displaced.has(id)) moves.push({id: id, x: home[id].x, y: home[id].y});
    });
    if (state.fx.length && !state.dv) {  // what has no place of its own (the claims of the aggregated view) rings what was expanded
      const placed = Object.create(null), where = Object.create(null);
      moves.forEach((m) => { where[m.id] = m; });
      state.fx.forEach((f) => {
        const ring = [];
        Object.keys(visibleEdge).forEach((id) => {
          const e = edgeMeta[id], other = e.from === f ? e.to : e.to === f ? e.from : "";
          if (other && nodeMeta[other].dispute && !placed[other] && state.fx.indexOf(other) < 0) { placed[other] = true; ring.push(other); }
        });
        const c = where[f] || home[f];
        ring.sort().forEach((id, i) => {
          const a = (2 * Math.PI * i) / ring.length, r = 260 + 12 * ring.length;
          where[id] = {id, x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a)};
        });
      });
      moves.length = 0;
      Object.keys(where).forEach((id) => { moves.push(where[id]); });
    }
    // only what moves is moved, in place (physics is off, so vis-network draws nodes where their x and y say):
    // a DataSet update re-read every option of each node moved, most of a second at 750 nodes
    const changed = moves.filter((m) => { const p = placedAt[m.id] || home[m.id]; return p.x !== m.x || p.y !== m.y; });
    changed.forEach((m) => {
      placedAt[m.id] = {x: m.x, y: m.y};
      if (m.x === home[m.id].x && m.y === home[m.id].y) displaced.delete(m.id); else displaced.add(m.id);
    });
    changed.forEach((m) => { const n = network.body.nodes[m.id]; n.x = m.x; n.y = m.y; });
  }
  // What each disputed claim's box says now. Set on the drawn node only (its label, border): the DataSet
  // keeps the look the page was written with, and a DataSet update would also put moved nodes back home.
  const drawnLook = Object.create(null), written = Object.create(null);
  data.vis.nodes.forEach((n) => { written[n.id] = n; });
  const relabelled = Object.create(null);  // the contestNow each claim's label shows
  function relabel() {  // a claim's box says CONTESTED (and how many on each side) only when it is, in view
    // drawn claims only (setOptions on thousands of hidden ones took 0.2 s a click); the rest when drawn
    Object.keys(data.disputes).forEach((id) => {
      const node = written[id];
      if (!node || !visibleNode[id] || relabelled[id] === contestNow) return;
      relabelled[id] = contestNow;
      const r = contestNow[id], base = drawnLook[id] ? drawnLook[id].base : node.label.split("\n").slice(1).join("\n");
      const label = r ? `CONTESTED \u00b7 ${r.pro.size} for, ${r.con.size} against\n${base}` : base;
      if (drawnLook[id] && drawnLook[id].label === label) return;
      drawnLook[id] = {base, label};
      const look = r ? data.look.contested : data.look.plain;
      network.body.nodes[id].setOptions({label, borderWidth: look[1], color: Object.assign({}, node.color, {border: look[0]})});
      network.body.nodes[id].options.hidden = false;  // drawn (setOptions may reset it; applyVisibility may not look again)
    });
  }

  // vis-network's fit measures every node of the page first, hidden or not (its _resizeNodes: 0.13 s a click on
  // a page aggregated from 100,000 statements); it is shown the drawn nodes only, which are all it fits to.
  function fitDrawn() {
    const body = network.body, all = body.nodes, drawn = Object.create(null);
    body.nodeIndices.forEach((id) => { drawn[id] = all[id]; });
    body.nodes = drawn;
    try { network.fit({animation: false}); } finally { body.nodes = all; }
  }
  function refresh(fit) { batched(() => { refreshNow(fit); }); }
  function refreshNow(fit) {
    computeVisible();
    arrange();
    relabel();
    applyVisibility();
    paintDim();
    updateCounts();
    if (tableOpen) fillTable();
    if (state.list) fillDisputes();
    if (fit) fitDrawn();
    writeHash();
    syncTimeline();
    $("unfocus").hidden = !state.dv && !state.fx.length;
  }

  // ---- legend with counts; clicking an entry toggles it --------------------------------------
  function swatchNode(type) {
    const spec = data.types[type], ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg"); svg.setAttribute("width", "18"); svg.setAttribute("height", "14");
    svg.setAttribute("aria-hidden", "true");
    let shape, c = spec[0], s = spec[1];
    if (s === "box") { shape = document.createElementNS(ns, "rect"); shape.setAttribute("x", "1"); shape.setAttribute("y", "2");
      shape.setAttribute("width", "16"); shape.setAttribute("height", "10"); shape.setAttribute("stroke", "#8a7a00"); }
    else if (s === "square") { shape = document.createElementNS(ns, "rect"); shape.setAttribute("x", "3"); shape.setAttribute("y", "1");
      shape.setAttribute("width", "12"); shape.setAttribute("height", "12"); }
    else if (s === "triangle" || s === "triangleDown" || s === "hexagon") { shape = document.createElementNS(ns, "polygon");
      shape.setAttribute("points", s === "triangle" ? "9,1 17,13 1,13" : s === "triangleDown" ? "1,1 17,1 9,13" : "5,1 13,1 17,7 13,13 5,13 1,7"); }
    else { shape = document.createElementNS(ns, "circle"); shape.setAttribute("cx", "9"); shape.setAttribute("cy", "7");
      shape.setAttribute("r", type === "person" ? "5" : "6"); }
    shape.setAttribute("fill", c);
    svg.appendChild(shape); return svg;
  }
  function swatchEdge(stance) {
    const spec = data.stances[stance], ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg"); svg.setAttribute("width", "30"); svg.setAttribute("height", "10");
    svg.setAttribute("aria-hidden", "true");
    const line = document.createElementNS(ns, "line");
    line.setAttribute("x1", "1"); line.setAttribute("y1", "5"); line.setAttribute("x2", "29"); line.setAttribute("y2", "5");
    line.setAttribute("stroke", spec[0]); line.setAttribute("stroke-width", stance === "Accusation" || stance === "Denial" ? "3" : "2");
    if (spec[1]) line.setAttribute("stroke-dasharray", spec[1].join(" "));
    svg.appendChild(line); return svg;
  }
  const legendCounts = {};
  function legendEntry(list, key, label, swatch, hidden) {
    const li = el("li"), b = el("button");
    b.type = "button"; b.dataset.key = key;
    b.setAttribute("aria-pressed", hidden.indexOf(key) >= 0 ? "false" : "true");
    const n = el("span", "", "n");
    add(b, swatch, el("span", label), n);
    b.addEventListener("click", () => {
      const i = hidden.indexOf(key);
      if (i >= 0) hidden.splice(i, 1); else hidden.push(key);
      b.setAttribute("aria-pressed", i >= 0 ? "true" : "false");
      refresh(false);
    });
    legendCounts[`${list.id}:${key}`] = n;
    list.appendChild(add(li, b));
  }
  const typeKeys = [], stanceKeys = [];
  Object.keys(nodeMeta).forEach((id) => { const t = typeOf(id); if (typeKeys.indexOf(t) < 0) typeKeys.push(t); });
  Object.keys(edgeMeta).forEach((id) => {
    const e = edgeMeta[id], k = e.kind === "affiliation" ? "affiliation" : e.stance;
    if (stanceKeys.indexOf(k) < 0) stanceKeys.push(k);
  });
  const typeOrder = Object.keys(data.types), stanceOrder = Object.keys(data.stances);
  typeKeys.sort((a, b) => typeOrder.indexOf(a) - typeOrder.indexOf(b));
  stanceKeys.sort((a, b) => stanceOrder.indexOf(a) - stanceOrder.indexOf(b));
  function buildLegend() {
    $("legend-types").replaceChildren(); $("legend-stances").replaceChildren();
    typeKeys.forEach((t) => { legendEntry($("legend-types"), t, data.types[t][2], swatchNode(t), state.ht); });
    stanceKeys.forEach((s) => {
      const verb = (data.stances[s] || ["", false, s])[2];
      legendEntry($("legend-stances"), s, verb, swatchEdge(data.stances[s] ? s : "Report"), state.hs);
    });
  }
  function actorFilterText() {
    const name = nodeMeta[state.actor].label;
    if (aggregated) return state.am === "said" ? `what ${name} said` : `everything involving ${name}`;
    return state.am === "said" ? `statements said by ${name} (or by someone for it)`
      : `statements involving ${name} (said by it, about it, aimed at it, or mediations it is party to)`;
  }
  function visibleCounts() {  // per node type and per stance, of what is drawn
    const tc = {}, sc = {};
    let shownNodes = 0;
    Object.keys(visibleNode).forEach((id) => { shownNodes++; const t = typeOf(id); tc[t] = (tc[t] || 0) + 1; });
    Object.keys(visibleEdge).forEach((id) => {
      const e = edgeMeta[id], k = e.kind === "affiliation" ? "affiliation" : e.stance;
      sc[k] = (sc[k] || 0) + (e.kind === "aggregate" ? e.weight : e.kind === "affiliation" || e.kind === "structure" ? 1 : e.st.filter((i) => statementPasses(statements[i])).length);
    });
    return {tc, sc, shownNodes};
  }
  function updateCounts() {
    const {tc, sc, shownNodes} = visibleCounts();
    typeKeys.forEach((t) => { legendCounts[`legend-types:${t}`].textContent = String(tc[t] || 0); });
    stanceKeys.forEach((s) => { legendCounts[`legend-stances:${s}`].textContent = String(sc[s] || 0); });
    const total = Object.keys(nodeMeta).filter((id) => !nodeMeta[id].dispute).length;
    const who = state.actor && nodeMeta[state.actor] ? actorFilterText() : "";
    $("f-actor-hint").textContent = who ? `Showing ${who}.` : "Pick an actor to show only its statements, or every statement that involves it.";
    $("summary").textContent = state.dv
      ? `One dispute: ${shownNodes} nodes \u00b7 ${shownStatements().length} statements shown`
      : aggregated
      ? `${shownNodes} of ${total} actors shown \u00b7 ${info.aggregated.statements} statements aggregated${who ? `; ${who}` : ""}`
      : `${shownNodes} of ${total} nodes \u00b7 ${shownStatements().length} statements shown${who ? `, ${who}` : ""}`;
  }

  // ---- filters ----------------------------------------------------------------------------------
  function fillSelect(select, entries) {
    entries.forEach((pair) => { const o = el("option", pair[1]); o.value = pair[0]; select.appendChild(o); });
  }
  const actorIds = Object.keys(nodeMeta).filter((id) => nodeMeta[id].kind === "actor");
  actorIds.sort((a, b) => nodeMeta[a].label.localeCompare(nodeMeta[b].label));
  fillSelect($("f-actor"), actorIds.map((id) => [id, nodeMeta[id].label]));
  const srcIds = Object.keys(data.sources).sort((a, b) => data.sources[a].title.localeCompare(data.sources[b].title));
  fillSelect($("f-source"), srcIds.map((id) => { const s = data.sources[id]; return [id, s.title + (s.date ? ` (${s.date})` : "")]; }));
  if (aggregated) $("f-contested").disabled = true;  // the disputes list is the contested view here
  function controlsFromState() {
    $("f-actor").value = state.actor; $("f-actor-mode").value = state.am; $("f-source").value = state.src;
    $("f-since").value = state.since; $("f-until").value = state.until;
    $("f-curated").checked = state.hm.indexOf("curated") < 0; $("f-extracted").checked = state.hm.indexOf("extracted") < 0;
    $("f-contested").checked = state.contested;
    buildLegend();
  }
  function stateFromControls() {
    state.actor = $("f-actor").value; state.am = $("f-actor-mode").value; state.src = $("f-source").value;
    state.since = $("f-since").value; state.until = $("f-until").value;
    state.hm = [];
    if (!$("f-curated").checked) state.hm.push("curated");
    if (!$("f-extracted").checked) state.hm.push("extracted");
    state.contested = $("f-contested").checked;
  }
  ["f-actor", "f-actor-mode", "f-source", "f-since", "f-until", "f-curated", "f-extracted", "f-contested"].forEach((id) => {
    $(id).addEventListener("change", () => { stateFromControls(); refresh(id === "f-contested" || id === "f-actor" || id === "f-actor-mode"); });
  });
  $("reset").addEventListener("click", () => {
    state.hs = []; state.ht = []; state.hm = []; state.actor = ""; state.am = ""; state.src = ""; state.since = ""; state.until = "";
    state.contested = false; controlsFromState(); refresh(true);
  });

  // ---- timeline: statements per day, week or month; two handles choose the dates shown ------------
  // The bars count every dated statement in the page; the handles set the From and To filters (so the
  // statements drawn, the table and "contested" follow them) and are sliders for the keyboard.
  const DAY = 86400000;
  const dayOf = (d) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY);
  const dateOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);
  // In the aggregated view the page holds the statements of the disputes (and samples of the rest): the bars
  // count those, which the dates choose among.
  const datedDays = [];
  const counted = aggregated ? Object.keys(edgeMeta).filter((id) => edgeMeta[id].dispute).flatMap((id) => edgeMeta[id].st)
    : statements.map((_s, i) => i);
  counted.forEach((i) => {
    const s = statements[i];
    if (s.kind === "statement" && /^\d{4}-\d{2}-\d{2}$/.test(s.date)) datedDays.push(dayOf(s.date));
  });
  const tl = {bins: [], unit: "", lo: 0, hi: 0};  // bins: [{start, end}] in days since 1970, consecutive
  (function timelineBins() {
    if (!datedDays.length) return;
    const first = Math.min(...datedDays), last = Math.max(...datedDays), span = last - first + 1;
    if (span <= 120) {
      tl.unit = "day";
      for (let d = first; d <= last; d++) tl.bins.push({start: d, end: d});
    } else if (span <= 3 * 366) {
      tl.unit = "week";  // weeks from Monday (1 January 1970 was a Thursday)
      for (let d = first - ((first + 3) % 7); d <= last; d += 7) tl.bins.push({start: d, end: d + 6});
    } else {
      tl.unit = "month";
      const a = new Date(first * DAY);
      for (let y = a.getUTCFullYear(), m = a.getUTCMonth(); ; m++) {
        const start = Date.UTC(y, m, 1) / DAY, end = Date.UTC(y, m + 1, 1) / DAY - 1;
        if (start > last) break;
        tl.bins.push({start, end});
      }
    }
  })();
  function binAt(day) {  // the bin holding `day`, clamped to the strip
    const bins = tl.bins;
    let lo = 0, hi = bins.length - 1;
    if (day <= bins[0].end) return 0;
    if (day >= bins[hi].start) return hi;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (bins[mid].start <= day) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function drawBars() {
    const counts = tl.bins.map(() => 0);
    datedDays.forEach((d) => { counts[binAt(d)]++; });
    const top = Math.max(1, ...counts), svg = $("tl-bars");
    svg.setAttribute("viewBox", `0 0 ${tl.bins.length} ${top}`);
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", counts.map((c, i) => (c ? `M${i + 0.1} ${top}v${-c}h0.8v${c}z` : "")).join(""));
    svg.replaceChildren(path);
    $("tl-first").textContent = dateOf(tl.bins[0].start);
    $("tl-last").textContent = dateOf(tl.bins[tl.bins.length - 1].end);
    $("tl-title").textContent = `${aggregated ? "Statements in disputes" : "Statements"} per ${tl.unit}`;
  }
  function binText(i, end) {
    const b = tl.bins[i];
    if (tl.unit === "day") return dateOf(b.start);
    if (tl.unit === "month") return dateOf(b.start).slice(0, 7);
    return end ? `week to ${dateOf(b.end)}` : `week of ${dateOf(b.start)}`;
  }
  function placeHandles() {  // the handles and shading where tl.lo and tl.hi are
    const n = tl.bins.length, left = (100 * tl.lo) / n, right = (100 * (tl.hi + 1)) / n;
    $("tl-from").style.left = `${left}%`; $("tl-to").style.left = `${right}%`;
    $("tl-before").style.width = `${left}%`; $("tl-after").style.width = `${100 - right}%`;
    [["tl-from", 0, tl.hi, tl.lo, false], ["tl-to", tl.lo, n - 1, tl.hi, true]].forEach(([id, min, max, now, end]) => {
      const h = $(id);
      h.setAttribute("aria-valuemin", String(min)); h.setAttribute("aria-valuemax", String(max));
      h.setAttribute("aria-valuenow", String(now));
      h.setAttribute("aria-valuetext", end ? dateOf(tl.bins[now].end) : dateOf(tl.bins[now].start));
      h.title = `${end ? "To" : "From"}: ${binText(now, end)} (drag, or arrow keys)`;
    });
  }
  function syncTimeline() {  // the handles from the date filters (the date inputs, the permalink)
    if (tl.bins.length < 2) return;
    tl.lo = state.since ? binAt(dayOf(state.since)) : 0;
    tl.hi = state.until ? binAt(dayOf(state.until)) : tl.bins.length - 1;
    if (tl.hi < tl.lo) tl.hi = tl.lo;
    placeHandles();
    const since = state.since ? dayOf(state.since) : -Infinity, until = state.until ? dayOf(state.until) : Infinity;
    const inRange = datedDays.filter((d) => d >= since && d <= until).length;
    $("tl-range").textContent = state.since || state.until
      ? `${state.since || "first"} to ${state.until || "last"}: ${inRange} of ${datedDays.length} dated statements`
      : `all dates: ${datedDays.length} dated statements`;
    $("tl-all").hidden = !state.since && !state.until;
  }
  function applyHandle(which) {  // the date filter the moved handle sets; the other one is left as it was
    if (which === "lo") state.since = tl.lo === 0 ? "" : dateOf(tl.bins[tl.lo].start);
    else state.until = tl.hi === tl.bins.length - 1 ? "" : dateOf(tl.bins[tl.hi].end);
    $("f-since").value = state.since; $("f-until").value = state.until;
    refresh(false);
  }
  function moveHandle(which, i) {  // visual only: applied when the drag ends or at once for a key
    const n = tl.bins.length;
    if (which === "lo") tl.lo = Math.max(0, Math.min(i, tl.hi));
    else tl.hi = Math.min(n - 1, Math.max(i, tl.lo));
    placeHandles();
  }
  if (tl.bins.length >= 2) {
    $("timeline").hidden = false;
    drawBars();
    const strip = $("tl-strip");
    const binFromX = (x) => {
      const r = strip.getBoundingClientRect();
      return Math.max(0, Math.min(tl.bins.length - 1, Math.floor(((x - r.left) / r.width) * tl.bins.length)));
    };
    let dragging = "";
    strip.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      const i = binFromX(ev.clientX);
      dragging = ev.target.id === "tl-from" ? "lo" : ev.target.id === "tl-to" ? "hi"
        : Math.abs(i - tl.lo) <= Math.abs(i - tl.hi) && i <= tl.hi ? "lo" : "hi";  // a click on the strip: the nearer handle
      strip.setPointerCapture(ev.pointerId);
      (dragging === "lo" ? $("tl-from") : $("tl-to")).focus();
      if (ev.target === strip || ev.target.id === "tl-bars" || ev.target.closest("#tl-bars")) moveHandle(dragging, i);
      ev.preventDefault();
    });
    strip.addEventListener("pointermove", (ev) => { if (dragging) moveHandle(dragging, binFromX(ev.clientX)); });
    const drop = () => { if (dragging) { const which = dragging; dragging = ""; applyHandle(which); } };
    strip.addEventListener("pointerup", drop);
    strip.addEventListener("pointercancel", drop);
    [["tl-from", "lo"], ["tl-to", "hi"]].forEach(([id, which]) => {
      $(id).addEventListener("keydown", (ev) => {
        const now = which === "lo" ? tl.lo : tl.hi, n = tl.bins.length;
        const to = {ArrowLeft: now - 1, ArrowDown: now - 1, ArrowRight: now + 1, ArrowUp: now + 1,
          PageDown: now - 10, PageUp: now + 10, Home: which === "lo" ? 0 : tl.lo, End: which === "lo" ? tl.hi : n - 1}[ev.key];
        if (to === undefined) return;
        ev.preventDefault();
        moveHandle(which, to);
        if ((which === "lo" ? tl.lo : tl.hi) !== now) applyHandle(which);
      });
    });
    $("tl-all").addEventListener("click", () => {
      state.since = ""; state.until = ""; $("f-since").value = ""; $("f-until").value = ""; refresh(false);
    });
  }

  // ---- evidence panel ---------------------------------------------------------------------------
  const panel = $("panel");
  function stanceVerb(s) { return (data.stances[s.kind === "affiliation" ? "affiliation" : s.stance] || ["", false, s.stance])[2]; }
  function stanceColour(s) { return (data.stances[s.kind === "affiliation" ? "affiliation" : s.stance] || ["#777"])[0]; }
  function stanceInk(s) { return (data.stances[s.kind === "affiliation" ? "affiliation" : s.stance] || [0, 0, 0, "#595959"])[3]; }
  const idByLabel = Object.create(null);
  Object.keys(nodeMeta).sort().forEach((id) => { const n = nodeMeta[id]; if (n.kind === "actor" && !idByLabel[n.label]) idByLabel[n.label] = id; });
  function goTo(id) {  // a name in the panel or the table: select that node, or say why not
    if (!nodeMeta[id]) return;
    if (visibleNode[id]) select(`n:${id}`, true);
    else $("search-status").textContent = `${nodeMeta[id].label} is hidden by the filters`;
  }
  function nameButton(label, id, cls) {  // a name that selects its node; plain text when it has none
    if (!id || !nodeMeta[id]) return el("span", label, cls);
    const b = el("button", label, cls ? `name ${cls}` : "name");
    b.type = "button"; b.dataset.node = id;
    b.title = `Select ${label}`;
    b.addEventListener("click", (ev) => { ev.stopPropagation(); goTo(id); });
    return b;
  }
  function oboId(s) {  // the node of the actor a statement was made for (its label is what the data names)
    return nodeMeta[s.by] && nodeMeta[s.by].label === s.obo ? s.by : idByLabel[s.obo];
  }
  function nameList(list) {  // labels joined by commas, each one a button
    const span = el("span");
    list.forEach((label, i) => { if (i) span.appendChild(document.createTextNode(", ")); span.appendChild(nameButton(label, idByLabel[label])); });
    return span;
  }
  function quote(sentence, span) {
    const q = el("blockquote");
    const i = span ? sentence.indexOf(span) : -1;
    if (i < 0) { q.textContent = sentence; return q; }
    add(q, document.createTextNode(sentence.slice(0, i)), el("mark", span), document.createTextNode(sentence.slice(i + span.length)));
    return q;
  }
  function sourceLine(s) {
    const src = data.sources[s.src] || {title: s.src}, p = el("div", "", "src");
    const bits = [src.title, src.publisher, src.date || s.date].filter(Boolean).join(" \u00b7 ");
    p.appendChild(document.createTextNode(`Source: ${bits}`));
    if (src.url) {
      const a = el("a", src.url); a.href = src.url; a.rel = "noopener noreferrer"; a.target = "_blank";
      add(p, document.createTextNode(" \u00b7 "), a);
    }
    const how = s.method ? s.method + (s.conf !== null && s.conf !== undefined ? ` (confidence ${s.conf})` : "") : "";
    if (how) p.appendChild(document.createTextNode(` \u00b7 ${how}`));
    return p;
  }
  function card(s, context) {
    const box = el("div", "", "card");
    box.style.borderLeftColor = stanceColour(s);
    const head = el("div");
    head.appendChild(nameButton(s.from, s.fromId, "who"));
    if (s.obo && s.obo !== s.from) add(head, document.createTextNode(" (acting for "), nameButton(s.obo, oboId(s)), document.createTextNode(")"));
    const st = el("span", stanceVerb(s), "stance"); st.style.color = stanceInk(s);
    head.appendChild(st);
    if (context) add(head, document.createTextNode(" "), nameButton(s.to, s.toId));
    if (s.date) head.appendChild(el("span", ` \u00b7 ${s.date}`, "muted"));
    add(box, head);
    if (s.sentence) box.appendChild(quote(s.sentence, s.span));
    if (s.src) box.appendChild(sourceLine(s));
    return box;
  }
  // The first cards at once, the rest on demand: 400 cards took 0.1-0.2 s to lay out on each selection.
  function cards(parent, list, context, first) {
    const box = parent.appendChild(el("div"));
    const show = (from, upto) => {
      list.slice(from, upto).forEach((i) => { box.appendChild(card(statements[i], context)); });
      if (upto >= list.length) return;
      const next = Math.min(list.length, upto + 200);
      const b = el("button", `Show ${next - upto} more of ${list.length - upto}`, "draw");
      b.type = "button"; b.title = "Or open the table: every statement in view, one row each";
      b.addEventListener("click", () => { b.remove(); show(upto, next); });
      box.appendChild(b);
    };
    show(0, Math.min(list.length, first || 50));
  }
  function dl(pairs) {
    const d = el("dl");
    pairs.forEach((p) => { if (p[1]) add(d, el("dt", p[0]), el("dd", p[1])); });
    return d;
  }
  function bySort(a, b) {
    const x = statements[a], y = statements[b];
    return (x.date || "").localeCompare(y.date || "") || x.id.localeCompare(y.id);
  }
  function intro() {
    panel.replaceChildren();
    add(panel, el("h2", "Evidence"),
        el("p", "Click a node or an edge to see the statements behind it: who said it, for whom, when, the exact sentence and its source."),
        el("p", "Search by name or alias, hide kinds and stances in the legend, narrow with the filters; \u201cCopy link\u201d shares this exact view.", "muted"));
    add(panel, el("p", "Double-click a node to expand its neighbourhood (focus mode); Back and Forward step through the views.", "muted"));
    if (aggregated) add(panel, el("p", "This is the aggregated view: the disputes list draws any contested claim; expanding an actor draws the disputed claims it speaks of.", "muted"));
  }
  function showNode(id) {
    const n = nodeMeta[id];
    if (!n) return false;
    panel.replaceChildren();
    add(panel, el("h2", n.label), el("p", n.kind === "actor" ? `Actor \u00b7 ${n.type}` : n.kind === "claim" ? "Claim" : "Mediation", "kind"));
    if (state.fx.indexOf(id) < 0) {  // the keyboard's double-click
      const b = el("button", aggregated && n.kind === "actor" ? "Expand: draw its disputed claims" : "Expand: draw its neighbourhood", "draw");
      b.type = "button"; b.title = "Focus mode: only what was expanded and its neighbours are drawn (or double-click the node)";
      b.addEventListener("click", () => { expand(id); });
      panel.appendChild(b);
    }
    const touching = [];
    Object.keys(edgeMeta).forEach((eid) => {
      const e = edgeMeta[eid];
      if (e.from === id || e.to === id || (!aggregated && e.actors.indexOf(id) >= 0 && e.kind === "statement")) {
        e.st.forEach((i) => { if (touching.indexOf(i) < 0) touching.push(i); });
      }
    });
    touching.sort(bySort);
    if (n.kind === "claim") {
      if (state.dv === id) {  // the dispute drawn alone: its statements and those asserting a contradicting claim
        (contestNow[id] ? contestNow[id].st : []).forEach((i) => { if (touching.indexOf(i) < 0 && statementPasses(statements[i])) touching.push(i); });
      }
      if (contestNow[id]) {
        const [forIt, against] = sides(id);
        panel.appendChild(el("p", "", "")).appendChild(el("span", "CONTESTED", "badge"));
        const box = el("div", "", "sides"), pro = el("div", "", "for"), con = el("div", "", "against");
        add(pro, el("h4", "For (asserts, accuses)"), add(el("div"), nameList(forIt)));
        add(con, el("h4", "Against (denies)"), add(el("div"), nameList(against)));
        panel.appendChild(add(box, pro, con));
      } else if (data.disputes[id]) {
        panel.appendChild(el("p", "Contested elsewhere, but not among the statements in view.", "muted"));
      }
      if (data.disputes[id] && state.dv !== id) {
        const b = el("button", "Draw this dispute alone", "draw"); b.type = "button";
        b.addEventListener("click", () => { drawDispute(id); });
        panel.appendChild(b);
      }
      panel.appendChild(el("h3", `Statements about this claim (${touching.length})`));
      const order = {Accusation: 0, Assertion: 1, Denial: 2};
      touching.sort((a, b) => {
        const x = order[statements[a].stance], y = order[statements[b].stance];
        return (x === undefined ? 3 : x) - (y === undefined ? 3 : y) || bySort(a, b);
      });
      cards(panel, touching, false);
    } else if (n.kind === "actor") {
      panel.appendChild(dl([["Also called", n.aliases.join("; ")], ["Acts as", n.affiliations.join("; ")]]));
      if (aggregated) {
        const counts = Object.keys(n.by_stance || {}).map((k) => `${stanceVerb({stance: k})} ${n.by_stance[k]}`).join(", ");
        panel.appendChild(dl([["Statements", String(n.statements)], ["By stance", counts], ["Aimed at it", String(n.received)]]));
        panel.appendChild(el("h3", "Draw its neighbourhood in full"));
        panel.appendChild(el("pre", `claimgraph render --actor '${n.label.replace(/'/g, "'\\''")}' --hops 1 -o actor.html`, "cmd"));
        panel.appendChild(el("h3", "Sample evidence"));
      } else {
        const own = touching.filter((i) => { const s = statements[i]; return s.fromId === id || s.by === id; });
        const about = touching.filter((i) => own.indexOf(i) < 0);
        panel.appendChild(el("h3", `Its statements (${own.length})`));
        cards(panel, own, true);
        if (about.length) { panel.appendChild(el("h3", `Statements about it or with it (${about.length})`)); cards(panel, about, true); }
        return true;
      }
      cards(panel, touching, true, 30);
    } else {
      panel.appendChild(el("h3", "Mediators and parties"));
      cards(panel, touching, true);
    }
    return true;
  }
  function showEdge(id) {
    const e = edgeMeta[id];
    if (!e) return false;
    panel.replaceChildren();
    const verb = e.kind === "affiliation" ? e.stance : stanceVerb({stance: e.stance, kind: e.kind});
    add(panel, el("h2", `${nodeMeta[e.from].label} ${verb} ${nodeMeta[e.to].label}`));
    if (aggregated) panel.appendChild(el("p", `${e.weight} statement(s) or mediation(s); a sample of the evidence:`, "kind"));
    else panel.appendChild(el("p", `${e.st.length} statement(s)`, "kind"));
    cards(panel, e.st.slice().sort(bySort), true);
    return true;
  }
  // ---- focus: a selection dims everything not joined to it ----------------------------------------
  // Drawn items' options are set in place (vis-network 9, as bundled by pyvis): thousands of DataSet updates
  // took 0.4 s at 1,000 nodes and 4,000 edges, this takes milliseconds. tests/test_browser.py checks the pixels.
  function fadeLabel(label, colour) {  // the colour each laid-out run of text is drawn in
    (label?.lines || []).forEach((line) => { (line.blocks || []).forEach((block) => { block.color = colour; }); });
  }
  function paintDim() {  // the items drawn only: every change of what is drawn paints again (refreshNow, restoreNow)
    const body = network.body;
    Object.keys(visibleNode).forEach((id) => {
      const n = body.nodes[id];
      if (!n) return;
      const off = dimmedNodes.has(id);
      n.options.opacity = off ? 0.2 : 1;
      fadeLabel(n.labelModule, off ? "rgba(26,26,26,0.3)" : n.options.font.color);
    });
    Object.keys(visibleEdge).forEach((id) => {
      const e = body.edges[id];
      if (!e) return;
      const off = dimmedEdges.has(id);
      if (e.homeOpacity === undefined) e.homeOpacity = e.options.color.opacity;
      e.options.color.opacity = off ? 0.08 : e.homeOpacity;
      fadeLabel(e.labelModule, off ? "rgba(51,51,51,0.15)" : e.options.font.color);
    });
  }
  function dim(sel) {  // sel: "n:ID", "e:ID" or "" (nothing dimmed)
    const keepNodes = new Set(), keepEdges = new Set(), kind = sel.slice(0, 2), id = sel.slice(2);
    if (kind === "n:") {
      keepNodes.add(id);
      Object.keys(visibleEdge).forEach((eid) => {
        const e = edgeMeta[eid];
        if (e.from === id || e.to === id) { keepEdges.add(eid); keepNodes.add(e.from); keepNodes.add(e.to); }
      });
    } else if (kind === "e:") {
      keepEdges.add(id); keepNodes.add(edgeMeta[id].from); keepNodes.add(edgeMeta[id].to);
    }
    dimmedNodes = new Set(sel ? Object.keys(nodeMeta).filter((n) => !keepNodes.has(n)) : []);
    dimmedEdges = new Set(sel ? Object.keys(edgeMeta).filter((e) => !keepEdges.has(e)) : []);
    paintDim();
    network.body.emitter.emit("_requestRedraw");  // drawn once with the selection, on the next frame
  }
  window.cgDimmed = () => ({nodes: [...dimmedNodes].sort(), edges: [...dimmedEdges].sort()});

  function select(sel, focus) { return batched(() => selectNow(sel, focus)); }
  function selectNow(sel, focus) {
    state.sel = "";
    let kind = sel.slice(0, 2), id = sel.slice(2), ok = false;
    if (kind === "n:" && visibleNode[id]) {
      ok = showNode(id);
      if (ok) { network.selectNodes([id]); if (focus) network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: false}); }
    } else if (kind === "e:" && visibleEdge[id]) {
      ok = showEdge(id);
      if (ok) { network.setSelection({nodes: [], edges: [id]}); if (focus) network.fit({nodes: [edgeMeta[id].from, edgeMeta[id].to], animation: false}); }
    }
    if (ok) state.sel = sel; else { network.unselectAll(); intro(); }
    dim(state.sel);
    writeHash();
    return ok;
  }
  network.on("doubleClick", (params) => { if (params.nodes.length) expand(params.nodes[0]); });
  network.on("click", (params) => {
    if (params.nodes.length) select(`n:${params.nodes[0]}`, false);
    else if (params.edges.length) select(`e:${params.edges[0]}`, false);
    else select("", false);
  });

  // ---- search by label or alias -----------------------------------------------------------------
  const names = [];
  Object.keys(nodeMeta).forEach((id) => {
    const n = nodeMeta[id];
    names.push([n.label.toLowerCase(), id, n.label]);
    (n.aliases || []).forEach((a) => { names.push([a.toLowerCase(), id, `${a} \u2192 ${n.label}`, a]); });
  });
  const dlist = $("search-names");
  names.filter((x) => nodeMeta[x[1]].kind !== "claim").slice(0, 5000).forEach((x) => {
    const o = document.createElement("option"); o.value = x[3] || nodeMeta[x[1]].label; o.label = x[2]; dlist.appendChild(o);
  });
  function compareKeys(a, b) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  }
  function matches(q) {  // every node whose label or alias matches: exact, then prefix, then anywhere; actors first
    q = q.trim().toLowerCase();
    if (!q) return [];
    const best = new Map();
    names.forEach((x) => {
      const tier = x[0] === q ? 0 : x[0].startsWith(q) ? 1 : x[0].includes(q) ? 2 : -1;
      if (tier < 0) return;
      const key = [tier, nodeMeta[x[1]].kind === "actor" ? 0 : 1, x[0].length, x[1]];
      if (!best.has(x[1]) || compareKeys(key, best.get(x[1])) < 0) best.set(x[1], key);
    });
    return [...best.keys()].sort((a, b) => compareKeys(best.get(a), best.get(b)));
  }
  const found = {q: "", ids: [], at: -1};
  function search(step) {  // step 0: a new query (first match); +1 / -1: next / previous match
    const q = $("search").value, status = $("search-status");
    if (q.trim() !== found.q || step === 0) {
      found.q = q.trim(); found.ids = matches(q); found.at = -1; step = 1;
    }
    const shown = found.ids.filter((id) => visibleNode[id]), hidden = found.ids.length - shown.length;
    $("search-prev").disabled = $("search-next").disabled = shown.length < 2;
    if (!found.q) { status.textContent = ""; return; }
    if (!found.ids.length) { status.textContent = "no match"; return; }
    if (!shown.length) {
      status.textContent = found.ids.length === 1 ? `${nodeMeta[found.ids[0]].label} is hidden by the filters`
        : `${found.ids.length} matches, all hidden by the filters`;
      return;
    }
    const current = shown.indexOf(found.ids[found.at]);
    const next = current < 0 ? (step > 0 ? 0 : shown.length - 1) : (current + step + shown.length) % shown.length;
    const hit = shown[next];
    found.at = found.ids.indexOf(hit);
    status.textContent = `${next + 1} of ${shown.length}${hidden ? ` (${hidden} more hidden by the filters)` : ""}: ${nodeMeta[hit].label}`;
    select(`n:${hit}`, true);
  }
  $("search").addEventListener("change", () => { if ($("search").value.trim() !== found.q) search(0); });
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { ev.preventDefault(); search(ev.shiftKey ? -1 : 1); }
    if (ev.key === "Escape") { $("search").value = ""; found.q = ""; found.ids = []; search(0); }
  });
  $("search-next").addEventListener("click", () => { search(1); });
  $("search-prev").addEventListener("click", () => { search(-1); });

  // ---- table: every visible row, sortable by column, drawn a window of rows at a time -------------
  let tableOpen = false;
  const COLUMNS = aggregated  // key, header (also the CSV's), width, numeric
    ? [["from", "From", "35%"], ["stance", "Stance", "15%"], ["to", "To", "35%"], ["weight", "Count", "15%", true]]
    : [["from", "Speaker", "12%"], ["obo", "Acting for", "9%"], ["stance", "Stance", "8%"], ["to", "Claim", "17%"],
       ["date", "Date", "7%"], ["sentence", "Evidence", "22%"], ["source", "Source", "10%"], ["method", "Method", "5%"],
       ["conf", "Confidence", "5%", true], ["id", "Statement", "5%"]];
  const table = {rows: [], key: "", dir: 1, rowHeight: 0, pending: false};
  const collator = new Intl.Collator(undefined, {numeric: true, sensitivity: "base"});
  function tableRows() {  // in the default order: by date, then statement
    if (aggregated) {
      return Object.keys(visibleEdge).sort().map((id) => {
        const e = edgeMeta[id];
        return {from: nodeMeta[e.from].label, stance: e.stance, to: nodeMeta[e.to].label, weight: e.weight,
                sel: `e:${id}`, ids: {from: e.from, to: e.to}};
      });
    }
    return shownStatements().sort(bySort).map((i) => {
      const s = statements[i], src = data.sources[s.src] || {title: s.src};
      return {from: s.from, obo: s.obo, stance: s.stance, to: s.to, date: s.date, sentence: s.sentence,
              source: src.title, method: s.method, conf: s.conf === null || s.conf === undefined ? "" : s.conf, id: s.id,
              sel: `e:${s.edge}`, ids: {from: s.fromId, obo: oboId(s), to: s.toId}};
    });
  }
  function sortedRows() {
    const rows = tableRows();
    const column = COLUMNS.find((c) => c[0] === table.key);
    if (!column) return rows;
    const k = column[0], dir = table.dir;
    const order = [...rows.keys()];
    const cmp = column[3]
      ? (a, b) => (rows[a][k] === "" ? -1 : rows[a][k]) - (rows[b][k] === "" ? -1 : rows[b][k])
      : (a, b) => collator.compare(String(rows[a][k] ?? ""), String(rows[b][k] ?? ""));
    order.sort((a, b) => dir * cmp(a, b) || a - b);
    return order.map((n) => rows[n]);
  }
  // A header row of sort buttons for `columns` ([key, name, width, ...]); a click on the current
  // column flips `order.dir`, on another one sorts by it (direction `firstDir(column)`), then
  // `refill` redraws.
  function sortableHead(target, columns, order, refill, firstDir) {
    const tr = el("tr");
    columns.forEach((c) => {
      const th = el("th"), b = el("button", c[1], "sort");
      th.scope = "col"; th.style.width = c[2];
      th.setAttribute("aria-sort", order.key === c[0] ? (order.dir > 0 ? "ascending" : "descending") : "none");
      b.type = "button"; b.dataset.key = c[0]; b.title = `Sort by ${c[1].toLowerCase()}`;
      b.addEventListener("click", () => {
        if (order.key === c[0]) order.dir = -order.dir; else { order.key = c[0]; order.dir = firstDir(c); }
        refill();
      });
      tr.appendChild(add(th, b));
    });
    target.tHead.replaceChildren(tr);
  }
  function tableHead() {
    sortableHead($("table"), COLUMNS, table, fillTable, () => 1);
  }
  function tableRow(r, n) {
    const tr = el("tr");
    tr.tabIndex = 0; tr.dataset.sel = r.sel; tr.setAttribute("aria-rowindex", String(n + 2));
    COLUMNS.forEach((c) => {
      const v = r[c[0]], text = v === null || v === undefined ? "" : String(v), td = el("td");
      if (r.ids[c[0]] && nodeMeta[r.ids[c[0]]]) td.appendChild(nameButton(text, r.ids[c[0]]));
      else td.textContent = text;
      if (text.length > 24) td.title = text;
      tr.appendChild(td);
    });
    return tr;
  }
  // Long tables draw only the rows in (and near) the scrolled-to window; every row has the same height.
  // win: {rows, rowHeight, pending}; makeRow(row, index) builds one <tr>.
  function drawWindow(win, tableEl, scroller, ncols, makeRow) {
    win.pending = false;
    const rows = win.rows, n = rows.length;
    const h = win.rowHeight || 24, view = Math.max(scroller.clientHeight, 200);
    const count = Math.ceil(view / h) + 20;
    const first = Math.max(0, Math.min(Math.floor(scroller.scrollTop / h) - 10, n - count));
    const last = Math.min(n, first + count);
    const frag = document.createDocumentFragment();
    const pad = (height) => {
      const tr = el("tr", "", "pad"), td = el("td");
      tr.setAttribute("aria-hidden", "true"); td.colSpan = ncols; td.style.height = `${height}px`;
      return add(tr, td);
    };
    if (first > 0) frag.appendChild(pad(first * h));
    for (let i = first; i < last; i++) frag.appendChild(makeRow(rows[i], i));
    if (last < n) frag.appendChild(pad((n - last) * h));
    tableEl.tBodies[0].replaceChildren(frag);
    if (!win.rowHeight && last > first) {  // measured once shown
      const measured = tableEl.tBodies[0].querySelector("tr:not(.pad)").getBoundingClientRect().height;
      if (measured) { win.rowHeight = measured; if (Math.abs(measured - h) > 0.5) drawWindow(win, tableEl, scroller, ncols, makeRow); }
    }
  }
  function drawRows() { drawWindow(table, $("table"), $("table-scroll"), COLUMNS.length, tableRow); }
  function fillTable() {
    table.rows = sortedRows();
    tableHead();
    $("table").setAttribute("aria-rowcount", String(table.rows.length + 1));
    drawRows();
    const column = COLUMNS.find((c) => c[0] === table.key);
    $("table-title").textContent = aggregated ? "Visible actor pairs" : "Visible statements";
    $("table-count").textContent = `${table.rows.length} row(s)` +
      (column ? `, sorted by ${column[1].toLowerCase()} (${table.dir > 0 ? "ascending" : "descending"})` : ", by date") +
      "; click a row for its evidence, a name to select it";
  }
  $("table-scroll").addEventListener("scroll", () => {
    if (!table.pending) { table.pending = true; requestAnimationFrame(drawRows); }
  });
  $("table").tBodies[0].addEventListener("click", (ev) => {
    const tr = ev.target.closest("tr[data-sel]");
    if (tr) select(tr.dataset.sel, true);
  });
  $("table").tBodies[0].addEventListener("keydown", (ev) => {
    const tr = ev.target.closest("tr[data-sel]");
    if (!tr || ev.target !== tr) return;
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(tr.dataset.sel, true); }
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      const next = ev.key === "ArrowDown" ? tr.nextElementSibling : tr.previousElementSibling;
      if (next?.dataset.sel) next.focus();
    }
  });
  $("toggle-table").addEventListener("click", () => {
    tableOpen = !tableOpen;
    $("table-box").hidden = !tableOpen;
    $("toggle-table").setAttribute("aria-expanded", String(tableOpen));
    if (tableOpen) { fillTable(); if (state.list) { state.list = false; showList(); writeHash(); } }
    network.redraw();
  });

  // ---- the disputes list: every claim contested among the statements in view, ranked --------------
  const DCOLS = [["claim", "Claim", "34%"], ["pro", "For", "17%", true], ["con", "Against", "17%", true],
    ["n", "Statements", "7%", true], ["arts", "Articles", "6%", true], ["first", "First", "7%"], ["last", "Latest", "7%"],
    ["method", "Method", "5%"]];
  const dsort = {key: "n", dir: -1};
  const rowsOf = {contest: null, rows: []};  // the rows of the disputes now in view, made once per contestNow
  function disputeRows() {
    if (rowsOf.contest !== contestNow) { rowsOf.contest = contestNow; rowsOf.rows = makeDisputeRows(); }
    return rowsOf.rows.slice();
  }
  function makeDisputeRows() {
    return Object.keys(contestNow).map((id) => {
      const r = contestNow[id], arts = new Set(), methods = new Set();
      let first = "", last = "";
      r.st.forEach((i) => {
        const s = statements[i];
        if (s.src) arts.add(s.src);
        if (s.method) methods.add(s.method);
        if (s.date && (!first || s.date < first)) first = s.date;
        if (s.date && (!last || s.date > last)) last = s.date;
      });
      const [forIt, against] = sides(id);
      return {id, claim: nodeMeta[id].label, pro: forIt.length, con: against.length, names: {pro: forIt, con: against},
              n: r.st.length, arts: arts.size, first, last, method: [...methods].sort().join(", ")};
    });
  }
  // Sorted again only when the disputes in view or the order change (a filter click re-sorted thousands with
  // a collator: 60 ms on every click of a 10,000-article page); callers get a copy.
  const sortedOf = {rows: null, key: null, dir: null, sorted: null};
  function sortedDisputes() {
    const rows = disputeRows();
    if (sortedOf.rows !== rowsOf.rows || sortedOf.key !== dsort.key || sortedOf.dir !== dsort.dir) {
      const col = DCOLS.find((c) => c[0] === dsort.key) || DCOLS[3], k = col[0];
      const cmp = col[3] ? (a, b) => a[k] - b[k] : (a, b) => collator.compare(a[k], b[k]);
      Object.assign(sortedOf, {rows: rowsOf.rows, key: dsort.key, dir: dsort.dir, sorted: rows.sort((a, b) =>
        dsort.dir * cmp(a, b) || b.n - a.n || collator.compare(a.claim, b.claim) || (a.id < b.id ? -1 : 1))});
    }
    return sortedOf.sorted.slice();
  }
  window.cgDisputes = () => sortedDisputes().map((r) => ({id: r.id, claim: r.claim, pro: r.names.pro, con: r.names.con,
    n: r.n, arts: r.arts, first: r.first, last: r.last, method: r.method}));
  // the list is drawn a window of rows at a time, like the table: 2,000 rows laid out anew on each filter
  // click took most of a second
  const dwin = {rows: [], rowHeight: 0, pending: false};
  function disputeRow(r) {
    const row = el("tr");
    row.dataset.claim = r.id;
    if (r.id === state.dv) row.className = "current";
    const claim = el("button", r.claim, "name"); claim.type = "button"; claim.title = "Draw this dispute";
    claim.addEventListener("click", () => { drawDispute(r.id); });
    const who = (k) => { const names = r.names[k]; return `${names.length}: ${names.slice(0, 4).join(", ")}${names.length > 4 ? ", \u2026" : ""}`; };
    return add(row, add(el("td"), claim), el("td", who("pro")), el("td", who("con")), el("td", r.n), el("td", r.arts),
        el("td", r.first), el("td", r.last), el("td", r.method));
  }
  function drawDisputeRows() { drawWindow(dwin, $("disputes"), $("disputes-scroll"), DCOLS.length, disputeRow); }
  $("disputes-scroll").addEventListener("scroll", () => {
    if (!dwin.pending) { dwin.pending = true; requestAnimationFrame(drawDisputeRows); }
  });
  function fillDisputes() {
    sortableHead($("disputes"), DCOLS, dsort, fillDisputes, (c) => (c[3] ? -1 : 1));
    const rows = sortedDisputes();
    dwin.rows = rows;
    $("disputes").setAttribute("aria-rowcount", String(rows.length + 1));
    drawDisputeRows();
    const total = Object.keys(data.disputes).length;
    $("disputes-count").textContent = `${rows.length} contested claim(s) among the statements in view` +
      (rows.length < total ? ` (${total} in the whole page)` : "") + "; click a claim to draw its dispute";
    $("whole-view").hidden = !state.dv && !state.fx.length;
  }
  function showList() {
    $("disputes-box").hidden = !state.list;
    $("toggle-disputes").setAttribute("aria-expanded", String(state.list));
    if (state.list) fillDisputes();
  }
  function drawDispute(id) {  // the claim, both sides, their statements and evidence; nothing else
    state.dv = id; state.fx = []; state.sel = `n:${id}`;
    writeHash(true);
    batched(() => { refresh(true); select(`n:${id}`, false); });
  }
  window.cgDrawDispute = drawDispute;
  function wholeView() {
    state.dv = ""; state.fx = []; state.sel = "";
    writeHash(true); batched(() => { refresh(true); select("", false); });
  }
  function expand(id) {  // focus mode: draw this node's neighbourhood too, from the data in the page
    if (!nodeMeta[id]) return;
    state.dv = "";
    if (state.fx.indexOf(id) < 0) state.fx = state.fx.concat([id]);
    state.sel = `n:${id}`;
    writeHash(true); batched(() => { refresh(true); select(`n:${id}`, false); });
  }
  window.cgExpand = expand;
  $("whole-view").addEventListener("click", wholeView);
  $("unfocus").addEventListener("click", wholeView);
  $("toggle-disputes").addEventListener("click", () => {
    state.list = !state.list;
    if (state.list && tableOpen) { tableOpen = false; $("table-box").hidden = true; $("toggle-table").setAttribute("aria-expanded", "false"); }
    showList(); writeHash(); network.redraw();
  });

  // ---- exports: CSV, PNG, SVG; permalink --------------------------------------------------------
  function csvCell(v) {
    let s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;  // never a formula in a spreadsheet
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }
  function toCsv() {  // the table as shown (sorted, filtered), with a BOM so that Excel reads UTF-8
    const lines = [COLUMNS.map((c) => csvCell(c[1])).join(",")];
    sortedRows().forEach((r) => { lines.push(COLUMNS.map((c) => csvCell(r[c[0]])).join(",")); });
    return `\ufeff${lines.join("\r\n")}\r\n`;
  }
  window.cgCsv = toCsv;
  // Save a Blob as a file: through an object URL, released once the click has taken it.
  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a"); a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => { URL.revokeObjectURL(url); }, 1000);
  }
  $("csv").addEventListener("click", () => {
    download("claimgraph-statements.csv", new Blob([toCsv()], {type: "text/csv;charset=utf-8"}));
  });

  // The exported legend: what is drawn, with counts. Laid out once, painted on a canvas (PNG) or as SVG.
  const LEGEND_FONT = "14px Arial, Helvetica, sans-serif", LEGEND_TITLE_FONT = "bold 15px Arial, Helvetica, sans-serif";
  const measurer = document.createElement("canvas").getContext("2d");
  function textWidth(text, font) { measurer.font = font; return measurer.measureText(text).width; }
  function legendLayout(width) {  // items placed in rows within `width` CSS px; {items, height}
    const {tc, sc} = visibleCounts(), items = [];
    typeKeys.forEach((t) => { if (tc[t]) items.push({node: t, text: `${data.types[t][2]} (${tc[t]})`}); });
    stanceKeys.forEach((k) => { if (sc[k]) items.push({stance: k, text: `${(data.stances[k] || ["", false, k])[2]} (${sc[k]})`}); });
    const title = `${data.title} \u00b7 ${$("summary").textContent}`;
    let x = 12, y = 40;
    items.forEach((item) => {
      const w = 40 + textWidth(item.text, LEGEND_FONT);
      if (x > 12 && x + w > width - 12) { x = 12; y += 24; }
      item.x = x; item.y = y; x += w + 18;
    });
    return {title, items, height: y + 22};
  }
  function polygon(shape, x, y, r) {  // the corners of a node shape of radius r around (x, y)
    if (shape === "triangle") return [[x, y - r], [x + r, y + 0.8 * r], [x - r, y + 0.8 * r]];
    if (shape === "triangleDown") return [[x - r, y - 0.8 * r], [x + r, y - 0.8 * r], [x, y + r]];
    if (shape === "hexagon") return [0, 1, 2, 3, 4, 5].map((k) => [x + r * Math.cos(k * Math.PI / 3), y + r * Math.sin(k * Math.PI / 3)]);
    if (shape === "square") return [[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r]];
    return null;
  }
  function paintLegend(ctx, layout, top) {
    ctx.save();
    ctx.translate(0, top);
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, ctx.canvas.width, layout.height);
    ctx.fillStyle = "#1a1a1a"; ctx.font = LEGEND_TITLE_FONT; ctx.textBaseline = "middle";
    ctx.fillText(layout.title, 12, 16);
    ctx.font = LEGEND_FONT;
    layout.items.forEach((item) => {
      const cx = item.x + 15, cy = item.y;
      ctx.setLineDash([]);
      if (item.node) {
        const [colour, shape] = data.types[item.node], corners = polygon(shape, cx, cy, 7);
        ctx.fillStyle = colour; ctx.beginPath();
        if (shape === "box") { ctx.rect(cx - 12, cy - 7, 24, 14); }
        else if (corners) { corners.forEach((c, k) => { if (k) ctx.lineTo(c[0], c[1]); else ctx.moveTo(c[0], c[1]); }); ctx.closePath(); }
        else ctx.arc(cx, cy, 7, 0, 2 * Math.PI);
        ctx.fill();
        if (shape === "box") { ctx.strokeStyle = "#8a7a00"; ctx.lineWidth = 1; ctx.stroke(); }
      } else {
        const [colour, dashes] = data.stances[item.stance] || ["#777777", false];
        ctx.strokeStyle = colour; ctx.lineWidth = item.stance === "Accusation" || item.stance === "Denial" ? 3 : 2;
        ctx.setLineDash(dashes || []);
        ctx.beginPath(); ctx.moveTo(cx - 14, cy); ctx.lineTo(cx + 14, cy); ctx.stroke();
      }
      ctx.fillStyle = "#1a1a1a"; ctx.fillText(item.text, item.x + 38, cy);
    });
    ctx.restore();
  }
  function drawingBox() {  // the bounding box of everything drawn, in canvas coordinates
    let box = null;
    Object.keys(visibleNode).forEach((id) => {
      const b = network.getBoundingBox(id);
      if (!b) return;
      box = box ? {left: Math.min(box.left, b.left), top: Math.min(box.top, b.top), right: Math.max(box.right, b.right),
                   bottom: Math.max(box.bottom, b.bottom)} : {left: b.left, top: b.top, right: b.right, bottom: b.bottom};
    });
    if (!box) return {left: 0, top: 0, right: 1, bottom: 1};
    const m = 40;  // room for edge labels and arrow heads at the rim
    return {left: box.left - m, top: box.top - m, right: box.right + m, bottom: box.bottom + m};
  }
  function fullDrawing() {
    // The whole drawing at its full resolution (one layout unit = one CSS px), the legend under it: the network is
    // drawn once more on a canvas the drawing's size, copied, and put back, all before the browser paints.
    const box = drawingBox(), ratio = window.devicePixelRatio || 1;
    let w = box.right - box.left, h = box.bottom - box.top;
    const scale = Math.min(1, 16000 / (w * ratio), 16000 / (h * ratio), Math.sqrt(1.2e8 / (w * h * ratio * ratio)));
    w = Math.ceil(w * scale); h = Math.ceil(h * scale);
    const view = {position: network.getViewPosition(), scale: network.getScale()};
    const layout = legendLayout(Math.max(w, 480));
    const out = document.createElement("canvas");
    out.width = Math.ceil(Math.max(w, 480) * ratio); out.height = Math.ceil((h + layout.height) * ratio);
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    try {
      exporting = true;
      network.setSize(`${w}px`, `${h}px`);
      network.moveTo({position: {x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2}, scale: scale, animation: false});
      network.redraw();
      ctx.drawImage(container.querySelector("canvas"), 0, 0);
    } finally {
      exporting = false;
      network.setSize("100%", "100%");
      network.moveTo({position: view.position, scale: view.scale, animation: false});
      network.redraw();
    }
    ctx.scale(ratio, ratio);
    paintLegend(ctx, layout, h);
    return out;
  }
  window.cgPng = () => fullDrawing().toDataURL("image/png");
  $("png").addEventListener("click", () => {
    fullDrawing().toBlob((blob) => { download("claimgraph.png", blob); }, "image/png");
  });

  // SVG: the same drawing as vector shapes (straight edges), for print and for editing in Inkscape or Illustrator.
  const SVG_NS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    const e = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach((k) => { if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function trim(from, to, node, pad) {  // where the line from `from` to `to` meets the shape of `node`
    const dx = to.x - from.x, dy = to.y - from.y, len = Math.hypot(dx, dy) || 1;
    let r;
    if (node.shape === "box") {
      const b = network.getBoundingBox(node.id), hw = (b.right - b.left) / 2, hh = (b.bottom - b.top) / 2;
      r = Math.min(Math.abs(dx) > 1e-9 ? hw / Math.abs(dx / len) : Infinity, Math.abs(dy) > 1e-9 ? hh / Math.abs(dy / len) : Infinity);
    } else r = node.size || 10;
    r = Math.min(r + pad, len / 2);
    return {x: to.x - (dx / len) * r, y: to.y - (dy / len) * r};
  }
  function drawingSvg() {
    const box = drawingBox(), w = Math.ceil(box.right - box.left), h = Math.ceil(box.bottom - box.top);
    const layout = legendLayout(Math.max(w, 480)), width = Math.max(w, 480);
    const svg = svgEl("svg", {width: width, height: h + layout.height,
                              viewBox: `0 0 ${width} ${h + layout.height}`, "font-family": "Arial, Helvetica, sans-serif"});
    svg.appendChild(svgEl("title", {}, `${data.title} \u00b7 ${$("summary").textContent}`));
    svg.appendChild(svgEl("rect", {width: "100%", height: "100%", fill: "#ffffff"}));
    const defs = svg.appendChild(svgEl("defs", {})), markers = {};
    function marker(colour, type) {
      const id = `m${Object.keys(markers).length}`, key = `${colour}|${type}`;
      if (markers[key]) return markers[key];
      const m = svgEl("marker", {id: id, viewBox: "0 0 10 10", refX: type === "bar" ? 5 : 10, refY: 5, markerWidth: 9, markerHeight: 9,
                                 markerUnits: "userSpaceOnUse", orient: "auto"});
      m.appendChild(type === "bar" ? svgEl("path", {d: "M5,0 L5,10", stroke: colour, "stroke-width": 3})
        : svgEl("path", {d: "M0,0 L10,5 L0,10 z", fill: colour}));
      defs.appendChild(m);
      markers[key] = id;
      return id;
    }
    const drawing = svg.appendChild(svgEl("g", {transform: `translate(${-box.left} ${-box.top})`}));
    const ids = Object.keys(visibleNode).sort(), pos = network.getPositions(ids);
    const edgeGroup = drawing.appendChild(svgEl("g", {class: "edges"})), labelGroup = svgEl("g", {class: "edge-labels"});
    Object.keys(visibleEdge).sort().forEach((id) => {
      const e = edges.get(id), a = pos[e.from], b = pos[e.to];
      if (!a || !b) return;
      const start = trim(b, a, nodes.get(e.from), 0), end = trim(a, b, nodes.get(e.to), 3);
      const colour = e.color.color, head = e.arrows.to.type;
      edgeGroup.appendChild(svgEl("line", {x1: start.x, y1: start.y, x2: end.x, y2: end.y, stroke: colour,
        "stroke-opacity": e.color.opacity, "stroke-width": e.width, "stroke-dasharray": e.dashes ? e.dashes.join(" ") : null,
        "marker-end": `url(#${marker(colour, head)})`}));
      if (e.label) {
        labelGroup.appendChild(svgEl("text", {x: (start.x + end.x) / 2, y: (start.y + end.y) / 2, "text-anchor": "middle",
          "dominant-baseline": "middle", "font-size": 11, fill: "#333333", stroke: "#ffffff", "stroke-width": 3,
          "paint-order": "stroke"}, e.label));
      }
    });
    drawing.appendChild(labelGroup);
    const nodeGroup = drawing.appendChild(svgEl("g", {class: "nodes"}));
    ids.forEach((id) => {
      const drawn = network.body.nodes[id].options;  // its label and border now (see relabel)
      const n = {...nodes.get(id), label: drawn.label, borderWidth: drawn.borderWidth, color: drawn.color};
      const p = pos[id], c = n.color, g = svgEl("g", {"data-node": id});
      const lines = String(n.label || "").split("\n");
      if (n.shape === "box") {
        const b = network.getBoundingBox(id);
        g.appendChild(svgEl("rect", {x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top, rx: 3,
          fill: c.background, stroke: c.border, "stroke-width": n.borderWidth}));
        lines.forEach((line, k) => {
          g.appendChild(svgEl("text", {x: p.x, y: p.y + (k - (lines.length - 1) / 2) * 17, "text-anchor": "middle",
            "dominant-baseline": "middle", "font-size": 14, fill: n.font.color}, line));
        });
      } else {
        const corners = polygon(n.shape, p.x, p.y, n.size);
        const attrs = {fill: c.background, stroke: c.border, "stroke-width": n.borderWidth};
        g.appendChild(corners ? svgEl("polygon", {...attrs, points: corners.map((q) => q.join(",")).join(" ")})
          : svgEl("circle", {...attrs, cx: p.x, cy: p.y, r: n.size}));
        g.appendChild(svgEl("text", {x: p.x, y: p.y + n.size + 14, "text-anchor": "middle", "dominant-baseline": "middle",
          "font-size": 14, fill: n.font.color, stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke"}, lines[0]));
      }
      nodeGroup.appendChild(g);
    });
    const legend = svg.appendChild(svgEl("g", {class: "legend", transform: `translate(0 ${h})`, "font-size": 14}));
    legend.appendChild(svgEl("text", {x: 12, y: 16, "dominant-baseline": "middle", "font-weight": "bold", "font-size": 15,
                                      fill: "#1a1a1a"}, layout.title));
    layout.items.forEach((item) => {
      const cx = item.x + 15, cy = item.y;
      if (item.node) {
        const [colour, shape] = data.types[item.node], corners = polygon(shape, cx, cy, 7);
        legend.appendChild(shape === "box" ? svgEl("rect", {x: cx - 12, y: cy - 7, width: 24, height: 14, fill: colour, stroke: "#8a7a00"})
          : corners ? svgEl("polygon", {points: corners.map((q) => q.join(",")).join(" "), fill: colour})
          : svgEl("circle", {cx: cx, cy: cy, r: 7, fill: colour}));
      } else {
        const [colour, dashes] = data.stances[item.stance] || ["#777777", false];
        legend.appendChild(svgEl("line", {x1: cx - 14, y1: cy, x2: cx + 14, y2: cy, stroke: colour,
          "stroke-width": item.stance === "Accusation" || item.stance === "Denial" ? 3 : 2, "stroke-dasharray": dashes ? dashes.join(" ") : null}));
      }
      legend.appendChild(svgEl("text", {x: item.x + 38, y: cy, "dominant-baseline": "middle", fill: "#1a1a1a"}, item.text));
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
  }
  window.cgSvg = drawingSvg;
  $("svg").addEventListener("click", () => {
    download("claimgraph.svg", new Blob([drawingSvg()], {type: "image/svg+xml;charset=utf-8"}));
  });
  // GEXF 1.3: the view as drawn (what the filters keep, positions and colours), for Gephi. Node and edge
  // attributes are what the panel says of them, counted among the statements in view.
  const GEXF_NS = "http://gexf.net/1.3", VIZ_NS = "http://gexf.net/1.3/viz";
  const NODE_ATTRS = [["kind", "string"], ["type", "string"], ["aliases", "string"], ["contested", "boolean"],
    ["for", "string"], ["against", "string"]];
  const EDGE_ATTRS = [["kind", "string"], ["stance", "string"], ["relation", "string"], ["statements", "integer"],
    ["first", "string"], ["latest", "string"]];
  function rgb(hex) {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || "") || [0, "77", "77", "77"];
    return {r: parseInt(m[1], 16), g: parseInt(m[2], 16), b: parseInt(m[3], 16)};
  }
  function drawingGexf() {
    const doc = document.implementation.createDocument(GEXF_NS, "gexf", null), root = doc.documentElement;
    const x = (parent, tag, attrs, ns) => {
      const e = doc.createElementNS(ns || GEXF_NS, tag);
      Object.keys(attrs || {}).forEach((k) => { e.setAttribute(k, String(attrs[k])); });
      parent.appendChild(e);
      return e;
    };
    root.setAttribute("version", "1.3");
    root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:viz", VIZ_NS);
    const meta = x(root, "meta");
    x(meta, "creator").textContent = "claimgraph";
    x(meta, "description").textContent = `${data.title} \u00b7 ${$("summary").textContent}`;
    const graph = x(root, "graph", {defaultedgetype: "directed", mode: "static"});
    [["node", NODE_ATTRS], ["edge", EDGE_ATTRS]].forEach(([cls, attrs]) => {
      const box = x(graph, "attributes", {class: cls});
      attrs.forEach(([id, type]) => { x(box, "attribute", {id, title: id, type}); });
    });
    const values = (parent, pairs) => {
      const box = x(parent, "attvalues");
      pairs.forEach(([k, v]) => { if (v !== "" && v !== undefined && v !== null) x(box, "attvalue", {for: k, value: v}); });
    };
    const ids = Object.keys(visibleNode).sort(), pos = network.getPositions(ids), nodeBox = x(graph, "nodes");
    ids.forEach((id) => {
      const m = nodeMeta[id], look = nodes.get(id), node = x(nodeBox, "node", {id, label: m.label});
      const [forIt, against] = m.kind === "claim" ? sides(id) : [[], []];
      values(node, [["kind", m.kind], ["type", m.kind === "actor" ? m.type : ""], ["aliases", (m.aliases || []).join("; ")],
        ["contested", m.kind === "claim" ? String(!!contestNow[id]) : ""], ["for", forIt.join("; ")], ["against", against.join("; ")]]);
      x(node, "viz:color", rgb(look.color.background), VIZ_NS);
      x(node, "viz:position", {x: pos[id].x, y: -pos[id].y, z: 0}, VIZ_NS);
      x(node, "viz:size", {value: look.shape === "box" ? 10 : look.size}, VIZ_NS);
    });
    const edgeBox = x(graph, "edges");
    Object.keys(visibleEdge).sort().forEach((id) => {
      const e = edgeMeta[id], look = edges.get(id);
      const shown = e.kind === "aggregate" ? e.st : e.st.filter((i) => statementPasses(statements[i]));
      const dates = shown.map((i) => statements[i].date).filter(Boolean).sort();
      const count = e.kind === "aggregate" ? e.weight : e.kind === "affiliation" || e.kind === "structure" ? 1 : shown.length;
      const edge = x(edgeBox, "edge", {id, source: e.from, target: e.to, label: look.label || stanceVerb(e), weight: count});
      values(edge, [["kind", e.kind], ["stance", e.stance], ["relation", e.relation || ""],
        ["statements", e.kind === "affiliation" || e.kind === "structure" ? "" : count],
        ["first", dates[0] || ""], ["latest", dates[dates.length - 1] || ""]]);
      x(edge, "viz:color", rgb(look.color.color), VIZ_NS);
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
  }
  window.cgGexf = drawingGexf;
  $("gexf").addEventListener("click", () => {
    download("claimgraph.gexf", new Blob([drawingGexf()], {type: "application/gexf+xml;charset=utf-8"}));
  });
  $("copy-link").addEventListener("click", () => {
    writeHash();
    const b = $("copy-link"), done = () => { b.textContent = "Link copied"; setTimeout(() => { b.textContent = "Copy link"; }, 1500); };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(location.href).then(done, () => { window.prompt("Copy this link", location.href); });
    else window.prompt("Copy this link", location.href);
  });
  $("fit").addEventListener("click", () => { fitDrawn(); });

  // ---- what the command line chose, and the aggregated notice ------------------------------------
  const notice = $("notice"), bits = [];
  if (data.note) bits.push(el("span", `${data.note}. `));
  if (aggregated) {
    const a = info.aggregated;
    bits.push(el("strong", "Aggregated view. "));
    bits.push(el("span", "The graph has " + a.nodes + " nodes, more than --max-nodes " + a.max_nodes +
      ", so only actors are drawn (" + a.actors_shown + " of " + a.actors + ", the most active), joined by accusation, denial and mediation edges weighted by their count" +
      (a.pairs_dropped ? ` (the ${a.pairs_shown} heaviest of ${a.pairs} pairs)` : "") + ". Drill in with "));
    ["--actor NAME --hops 1", "--since DATE", "--contested-only", "--max-nodes N"].forEach((c, i) => {
      if (i) bits.push(document.createTextNode(i === 3 ? " or a larger " : ", "));
      bits.push(el("code", c));
    });
    bits.push(document.createTextNode(". Every contested claim is in the page: pick one in the disputes list to draw it " +
      "(the dates, source and method filters apply to the list and to the dispute drawn)."));
  }
  if (bits.length) { bits.forEach((b) => { notice.appendChild(b); }); notice.hidden = false; }

  // ---- start: restore the view from the URL fragment --------------------------------------------
  function restore() { batched(restoreNow); }
  function restoreNow() {
    readHash();
    controlsFromState();
    computeVisible(); arrange(); relabel(); applyVisibility(); updateCounts(); showList();
    syncTimeline();
    $("unfocus").hidden = !state.dv && !state.fx.length;
    fitDrawn();
    if (state.sel) select(state.sel, true); else { intro(); dim(""); }
    writeHash();
  }
  window.addEventListener("hashchange", restore);
  restore();
  network.once("afterDrawing", () => { window.cgReady = true; document.body.dataset.ready = "1"; });
  network.redraw();
})();
