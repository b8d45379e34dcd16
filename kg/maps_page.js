// anode-kg map page. Every piece of document text is put into the page with textContent, never as HTML.
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null && text !== "") e.textContent = String(text);
    return e;
  }

  function factList(item, limit) {
    var ul = el("ul", "kg-facts");
    var facts = item.facts || [];
    var shown = Math.min(facts.length, limit);
    for (var i = 0; i < shown; i++) {
      var f = facts[i];
      var li = el("li", null, f[0]);
      if (f[1]) li.appendChild(el("q", "kg-quote", f[1]));
      if (f[2]) li.appendChild(el("span", "kg-doc", f[2]));
      ul.appendChild(li);
    }
    var more = facts.length - shown + (item.more || 0);
    if (more > 0) ul.appendChild(el("li", null, "… and " + more + " more"));
    return ul;
  }

  function kindLabel(kind) {
    return (data.kinds[kind] && data.kinds[kind].label) || kind;
  }

  function tooltip(item, heading, sub) {
    var box = el("div");
    box.appendChild(el("strong", null, heading));
    box.appendChild(el("div", "kg-kind", sub));
    if (item.note) box.appendChild(el("div", null, item.note));
    if (item.facts && item.facts.length) box.appendChild(factList(item, 4));
    return box;
  }

  var labels = {};
  data.nodes.forEach(function (n) {
    labels[n.id] = n.name;
    n.title = tooltip(n, n.name, kindLabel(n.kind));
  });
  data.edges.forEach(function (e, i) {
    e.id = "e" + i;
    e.title = tooltip(e, (labels[e.from] || "") + " → " + (labels[e.to] || ""), e.label);
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var state = { network: network, nodes: nodes, edges: edges, drawn: false, buildMs: performance.now() - t0 };
  window.__kgMap = state;

  network.once("afterDrawing", function () {
    state.drawn = true;
    state.firstDrawMs = performance.now() - t0;
    state.nodeCount = nodes.length;
    document.body.setAttribute("data-node-count", String(nodes.length));
    document.body.setAttribute("data-drawn", "1");
  });

  var panel = document.getElementById("kg-panel");
  function show(item, heading, sub) {
    panel.replaceChildren();
    panel.appendChild(el("h2", null, heading));
    panel.appendChild(el("div", "kg-kind", sub));
    if (item.note) panel.appendChild(el("p", null, item.note));
    panel.appendChild(factList(item, 1000));
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      var n = nodes.get(params.nodes[0]);
      show(n, n.name, kindLabel(n.kind));
    } else if (params.edges.length) {
      var e = edges.get(params.edges[0]);
      show(e, (labels[e.from] || "") + " → " + (labels[e.to] || ""), e.label);
    }
  });

  // search: companies and markets by name (exact, then prefix, then substring; case-insensitive)
  var searchable = data.nodes.filter(function (n) { return n.kind === "company" || n.kind === "market"; });
  var list = document.getElementById("kg-search-list");
  searchable.map(function (n) { return n.name; }).sort().forEach(function (label) {
    var o = document.createElement("option");
    o.value = label;
    list.appendChild(o);
  });
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var tests = [
      function (l) { return l === q; },
      function (l) { return l.indexOf(q) === 0; },
      function (l) { return l.indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < searchable.length; i++) {
        if (tests[t](searchable[i].name.toLowerCase())) return searchable[i];
      }
    }
    return null;
  }
  function focusOn(query) {
    var status = document.getElementById("kg-search-status");
    var hit = find(query);
    if (!hit) {
      status.textContent = "not found";
      return null;
    }
    status.textContent = "";
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.4, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    var n = nodes.get(hit.id);
    show(n, n.name, kindLabel(n.kind));
    return hit.id;
  }
  state.focusOn = focusOn;
  document.getElementById("kg-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    focusOn(document.getElementById("kg-search-input").value);
  });
})();
