// The workbench's only script besides the vendored libraries: draws the graph of a /graph page
// from the node list the page prints (the list stays as the readable, script-free version).
(function () {
  "use strict";

  var COLOURS = { center: "#8a1c1c", cited: "#1f5f8b", citing: "#2e7d32", missing: "#9e9e9e", entity: "#6a4c93" };

  function readElements(list) {
    var nodes = {}, edges = [];
    Array.prototype.forEach.call(list.querySelectorAll("li[data-node]"), function (li) {
      var id = li.dataset.node;
      if (!nodes[id]) {
        nodes[id] = { data: { id: id, label: li.dataset.label || id, role: li.dataset.role, href: li.dataset.href } };
      }
      if (li.dataset.from && li.dataset.to && li.dataset.from !== li.dataset.to) {
        edges.push({ data: { id: "e" + edges.length, source: li.dataset.from, target: li.dataset.to,
                             weight: Number(li.dataset.weight || 1) } });
      }
    });
    return Object.keys(nodes).map(function (k) { return nodes[k]; }).concat(edges.filter(function (e) {
      return nodes[e.data.source] && nodes[e.data.target];
    }));
  }

  function drawGraph() {
    var box = document.getElementById("graph"), list = document.getElementById("graph-data");
    if (!box || !list || !window.cytoscape) { return; }
    var cy = window.cytoscape({
      container: box,
      elements: readElements(list),
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 10, "text-wrap": "ellipsis", "text-max-width": 140,
          "background-color": function (n) { return COLOURS[n.data("role")] || "#555"; },
          "width": function (n) { return n.data("role") === "center" ? 28 : 16; },
          "height": function (n) { return n.data("role") === "center" ? 28 : 16; } } },
        { selector: "edge", style: {
          "width": function (e) { return Math.min(6, e.data("weight")); }, "line-color": "#bbb",
          "target-arrow-shape": "triangle", "target-arrow-color": "#bbb", "curve-style": "bezier" } }
      ],
      layout: { name: "concentric", concentric: function (n) { return n.data("role") === "center" ? 2 : 1; },
                levelWidth: function () { return 1; }, minNodeSpacing: 24 }
    });
    cy.on("tap", "node", function (evt) {
      var href = evt.target.data("href");
      if (href && href.charAt(0) === "/") { window.location.assign(href); }
    });
    box.dataset.ready = "true";
  }

  // Deferred scripts run in order before DOMContentLoaded: by then the vendored libraries are loaded.
  if (document.readyState === "complete") {
    drawGraph();
  } else {
    document.addEventListener("DOMContentLoaded", drawGraph);
  }
})();
