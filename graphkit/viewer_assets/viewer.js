/* graphkit offline view: draws the graph JSON with vis-network; search, filters, details panel.
 * Every string from the data reaches the page as text (textContent, DOM nodes), never as HTML,
 * and nothing is passed to vis-network's `title` (its popup could render HTML).
 * State for tests and benchmarks: window.graphkitView = {data, network, nodes, edges, ready, drawnAt,
 * showNode(id), showEdge(id)}.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var view = window.graphkitView = { data: data, ready: false, drawnAt: null, stabilized: false };
  var nodeById = new Map(data.nodes.map(function (node) { return [node.id, node]; }));
  var edgeById = new Map(data.edges.map(function (edge) { return [edge.id, edge]; }));

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    if (className) { el.className = className; }
    return el;
  }

  function usd(amount) {
    var units = [[1e9, "B"], [1e6, "M"], [1e3, "K"]];
    for (var i = 0; i < units.length; i++) {
      if (amount >= units[i][0]) { return "$" + Number((amount / units[i][0]).toPrecision(3)) + units[i][1]; }
    }
    return "$" + Math.round(amount);
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  // --- the drawing ------------------------------------------------------------------------
  function visNode(node) {
    var style = data.labelStyles[node.style];
    return { id: node.id, label: node.name, shape: style.shape, color: style.color, value: node.value,
      x: node.x, y: node.y };
  }

  // Arrows and dashes cost most of a big graph's drawing time, so big graphs start without them.
  var edgeDetail = !data.big;
  function edgeLook(edge) {
    var style = data.relationStyles[edge.type] || { color: "#999", arrows: "to", dashes: false };
    return { id: edge.id, arrows: { to: { enabled: edgeDetail && style.arrows === "to" } },
      dashes: edgeDetail && style.dashes };
  }

  function visEdge(edge) {
    var style = data.relationStyles[edge.type] || { color: "#999" };
    var item = Object.assign(edgeLook(edge), { from: edge.source, to: edge.target,
      color: { color: style.color, highlight: style.color, hover: style.color, opacity: data.big ? 0.45 : 0.8 } });
    if (!data.big && edge.label) { item.label = edge.label; }
    return item;
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var options = {
    nodes: { scaling: { min: 8, max: 40, label: { enabled: true, min: 11, max: 22, drawThreshold: 6 } },
      font: { size: 12 }, borderWidth: 1 },
    edges: { width: 1, font: { size: 10, align: "top", strokeWidth: 3 },
      smooth: data.big ? false : { type: "continuous" }, arrows: { to: { scaleFactor: 0.6 } } },
    interaction: { hover: true, hideEdgesOnDrag: data.big, hideEdgesOnZoom: data.big,
      navigationButtons: false, keyboard: false },
    physics: data.big ? false : { solver: "forceAtlas2Based", stabilization: { iterations: 250, fit: true },
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110 } },
    layout: { improvedLayout: false }
  };
  var network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, options);
  view.network = network; view.nodes = nodes; view.edges = edges;
  network.once("afterDrawing", function () {
    view.drawnAt = performance.now();
    view.ready = true;
  });
  network.on("stabilized", function () { view.stabilized = true; });

  // --- header, legend and filters ---------------------------------------------------------
  document.getElementById("title").textContent = data.title;
  // What the filters hide now; vis-network itself skips edges with a hidden end.
  var nodeHidden = new Set(), edgeHidden = new Set();
  function showCounts() {
    var shownNodes = data.nodes.length - nodeHidden.size;
    var shownEdges = data.edges.filter(function (e) {
      return !edgeHidden.has(e.id) && !nodeHidden.has(e.source) && !nodeHidden.has(e.target);
    }).length;
    var text = data.nodes.length + " nodes, " + data.edges.length + " edges";
    if (shownNodes !== data.nodes.length || shownEdges !== data.edges.length) {
      text += " (showing " + shownNodes + " nodes, " + shownEdges + " edges)";
    }
    document.getElementById("counts").textContent = text;
  }

  var labelCounts = {}, relationCounts = {};
  data.nodes.forEach(function (node) {
    (node.labels.length ? node.labels : [""]).forEach(function (label) {
      labelCounts[label] = (labelCounts[label] || 0) + 1;
    });
  });
  data.edges.forEach(function (edge) { relationCounts[edge.type] = (relationCounts[edge.type] || 0) + 1; });
  var shownLabels = new Set(Object.keys(labelCounts)), shownRelations = new Set(Object.keys(relationCounts));

  function filterBox(container, name, text, count, swatch, chosen, apply) {
    var label = element("label");
    var box = element("input");
    box.type = "checkbox"; box.checked = true; box.value = name;
    box.addEventListener("change", function () {
      if (box.checked) { chosen.add(name); } else { chosen.delete(name); }
      apply();
    });
    label.append(box, swatch, element("span", text), element("span", count, "count"));
    container.appendChild(label);
  }

  // A node shows while any of its labels is ticked, an edge while its type is; only changes are sent.
  function toggle(hiddenSet, id, hidden, changes) {
    if (hidden === hiddenSet.has(id)) { return; }
    if (hidden) { hiddenSet.add(id); } else { hiddenSet.delete(id); }
    changes.push({ id: id, hidden: hidden });
  }

  function applyFilters() {
    var nodeChanges = [], edgeChanges = [];
    data.nodes.forEach(function (node) {
      var labels = node.labels.length ? node.labels : [""];
      toggle(nodeHidden, node.id, !labels.some(function (l) { return shownLabels.has(l); }), nodeChanges);
    });
    data.edges.forEach(function (edge) { toggle(edgeHidden, edge.id, !shownRelations.has(edge.type), edgeChanges); });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    showCounts();
  }

  Object.keys(data.labelStyles).forEach(function (label) {
    if (!labelCounts[label]) { return; }
    var style = data.labelStyles[label];
    var swatch = element("span", null, "swatch " + style.shape);
    swatch.style.background = style.color;
    filterBox(document.getElementById("label-filters"), label, label || "(no label)", labelCounts[label], swatch,
      shownLabels, applyFilters);
  });
  Object.keys(relationCounts).sort().forEach(function (type) {
    var style = data.relationStyles[type] || { color: "#999", dashes: false, arrows: "to" };
    var swatch = element("span", null, "line" + (style.dashes ? " dashed" : ""));
    swatch.style.borderTopColor = style.color;
    filterBox(document.getElementById("relation-filters"), type, type + (style.arrows ? " \u2192" : " \u2194"),
      relationCounts[type], swatch, shownRelations, applyFilters);
  });
  var detailBox = document.getElementById("edge-detail");
  detailBox.checked = edgeDetail;
  detailBox.addEventListener("change", function () {
    edgeDetail = detailBox.checked;
    edges.update(data.edges.map(edgeLook));
  });
  document.getElementById("size-note").textContent = data.sizeBy === "money"
    ? "Node size: US$ raised (log scale)." : "Node size: number of connections.";
  showCounts();

  // --- details panel and tooltip ----------------------------------------------------------
  function facts(pairs) {
    var list = element("dl");
    pairs.forEach(function (pair) {
      if (pair[1] === undefined || pair[1] === null || pair[1] === "" ||
          (Array.isArray(pair[1]) && !pair[1].length)) { return; }
      list.append(element("dt", pair[0]), element("dd", Array.isArray(pair[1]) ? pair[1].join(", ") : pair[1]));
    });
    return list;
  }

  function amountText(item) {
    if (item.amount_usd) { return usd(item.amount_usd) + (item.amount ? " (" + item.amount + ")" : ""); }
    return item.amount;
  }

  function evidenceBlock(item) {
    var block = element("div", null, "evidence");
    block.appendChild(element("blockquote", item.sentence));
    var source = element("div", null, "source");
    var url = safeUrl(item.url);
    var title = item.title || item.article || "source";
    if (url) {
      var link = element("a", title);
      link.href = url; link.target = "_blank"; link.rel = "noopener noreferrer";
      source.appendChild(link);
    } else {
      source.appendChild(element("span", title, "article-title"));
    }
    var extra = [item.date, amountText(item), item.round, item.led ? "led" : null].filter(Boolean);
    if (extra.length) { source.appendChild(element("span", " \u00b7 " + extra.join(" \u00b7 "))); }
    block.appendChild(source);
    return block;
  }

  function nodeName(id) { var node = nodeById.get(id); return node ? node.name : String(id); }

  function showNode(id) {
    var node = nodeById.get(id), panel = document.getElementById("details");
    panel.replaceChildren(element("h2", "Entity"), element("h3", node.name), facts([
      ["Labels", node.labels], ["Aliases", node.aliases], ["Mentions", node.mentions],
      ["Articles", node.articles], ["Connections", node.degree],
      ["Raised", node.raised_usd ? usd(node.raised_usd) : null]]));
    var connected = network.getConnectedEdges(id).map(function (e) { return edgeById.get(e); });
    if (connected.length) {
      panel.appendChild(element("h2", "Relationships"));
      var list = element("ul");
      connected.slice(0, 200).forEach(function (edge) {
        var item = element("li");
        var text = nodeName(edge.source) + " " + edge.type + " " + nodeName(edge.target);
        var link = element("a", edge.label ? text + " (" + edge.label + ")" : text);
        link.href = "#"; link.addEventListener("click", function (event) {
          event.preventDefault(); network.selectEdges([edge.id]); showEdge(edge.id);
        });
        item.appendChild(link);
        list.appendChild(item);
      });
      panel.appendChild(list);
    }
  }

  function showEdge(id) {
    var edge = edgeById.get(id), panel = document.getElementById("details");
    panel.replaceChildren(element("h2", "Relationship"),
      element("h3", nodeName(edge.source) + " " + edge.type + " " + nodeName(edge.target)),
      facts([["Amount", amountText(edge)], ["Round", edge.round], ["Date", edge.date],
        ["Led", edge.led ? "yes" : null], ["Sources", edge.source_count],
        ["Sources disagree on", edge.conflicts]]),
      element("h2", "Evidence (" + edge.evidence.length + ")"));
    edge.evidence.forEach(function (item) { panel.appendChild(evidenceBlock(item)); });
  }

  view.showNode = showNode; view.showEdge = showEdge;
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); } else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  var tooltip = document.getElementById("tooltip");
  function showTooltip(text, pointer) {
    tooltip.textContent = text;
    tooltip.style.left = (pointer.x + 14) + "px";
    tooltip.style.top = (pointer.y + 14) + "px";
    tooltip.hidden = false;
  }
  function pagePointer(params) {
    var box = document.getElementById("network").getBoundingClientRect();
    return { x: box.left + params.pointer.DOM.x, y: box.top + params.pointer.DOM.y };
  }
  network.on("hoverNode", function (params) {
    var node = nodeById.get(params.node);
    var lines = [node.name, node.labels.join(", ") || "(no label)"];
    if (node.aliases && node.aliases.length) { lines.push("also: " + node.aliases.join(", ")); }
    showTooltip(lines.join("\n"), pagePointer(params));
  });
  network.on("hoverEdge", function (params) {
    var edge = edgeById.get(params.edge);
    var lines = [nodeName(edge.source) + " " + edge.type + " " + nodeName(edge.target)];
    if (edge.label) { lines.push(edge.label); }
    if (edge.evidence.length) { lines.push("\u201c" + edge.evidence[0].sentence + "\u201d"); }
    showTooltip(lines.join("\n"), pagePointer(params));
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) {
    network.on(name, function () { tooltip.hidden = true; });
  });

  // --- search -----------------------------------------------------------------------------
  var names = document.getElementById("names");
  data.nodes.slice().sort(function (a, b) { return b.degree - a.degree; }).slice(0, 2000).forEach(function (node) {
    var option = element("option"); option.value = node.name; names.appendChild(option);
  });

  function findNodes(query) {
    var wanted = query.trim().toLowerCase();
    if (!wanted) { return []; }
    var exact = [], partial = [];
    data.nodes.forEach(function (node) {
      var all = [node.name].concat(node.aliases || []).map(function (n) { return n.toLowerCase(); });
      if (all.indexOf(wanted) >= 0) { exact.push(node); } else if (all.some(function (n) { return n.indexOf(wanted) >= 0; })) {
        partial.push(node);
      }
    });
    return exact.concat(partial);
  }
  view.findNodes = findNodes;

  // Enter again with the same text steps to the next match.
  var lastQuery = null, matchIndex = 0;
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("search").value;
    var found = findNodes(query);
    var status = document.getElementById("search-status");
    if (!found.length) { status.textContent = "no match"; lastQuery = null; return; }
    matchIndex = query === lastQuery ? (matchIndex + 1) % found.length : 0;
    lastQuery = query;
    status.textContent = found.length === 1 ? "1 match"
      : (matchIndex + 1) + " of " + found.length + " matches (Enter for the next)";
    var node = found[matchIndex];
    if (nodeHidden.has(node.id)) { status.textContent += "; hidden by a label filter"; }
    network.selectNodes([node.id]);
    network.focus(node.id, { scale: 1.2, animation: { duration: 400 } });
    showNode(node.id);
  });
})();
