// Entity page: the monthly timeline (Chart.js) and the co-occurrence network (vis-network).
// The data is embedded in the page as JSON, so nothing is fetched after the page loads.
(function () {
  "use strict";
  var UI_FONT = "'Noto Sans Arabic', system-ui, sans-serif";
  var TYPE_COLORS = { PER: "#b56cc7", ORG: "#5c9e45", LOC: "#d9773f", MISC: "#8a8a8a" };

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function drawTimeline() {
    var canvas = document.getElementById("timeline");
    var points = readJson("timeline-data");
    if (!canvas || !points || !points.length || typeof Chart === "undefined") return;
    Chart.defaults.font.family = UI_FONT;
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: points.map(function (p) { return p.period; }),
        datasets: [
          { label: "اقتباسات له أو عنه", data: points.map(function (p) { return p.quotations; }), backgroundColor: "#e0b32e" },
          { label: "أحداث شارك فيها", data: points.map(function (p) { return p.events; }), backgroundColor: "#0f6d6a" }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: {
          legend: { rtl: true, position: "bottom" },
          tooltip: { rtl: true, textDirection: "rtl" }
        }
      }
    });
    canvas.dataset.ready = "1";
  }

  function drawNetwork() {
    var box = document.getElementById("network");
    var net = readJson("network-data");
    if (!box || !net || !net.nodes.length || typeof vis === "undefined") return;
    var maxWeight = Math.max.apply(null, net.nodes.map(function (n) { return n.weight || 1; }));
    var nodes = net.nodes.map(function (n) {
      var centre = n.id === net.centre;
      return {
        id: n.id,
        label: n.name,
        title: (n.latin || n.name) + " (" + n.weight + ")",
        value: centre ? maxWeight * 1.5 : n.weight,
        color: { background: TYPE_COLORS[n.type] || "#888", border: centre ? "#1d2430" : "#ffffff" },
        borderWidth: centre ? 3 : 1,
        font: { face: UI_FONT, size: centre ? 18 : 14, color: "#1d2430" }
      };
    });
    var edges = net.edges.map(function (e) {
      return { from: e.source, to: e.target, value: e.weight, color: { color: "#c9c6bb", highlight: "#0f6d6a" } };
    });
    var network = new vis.Network(box, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) }, {
      nodes: { shape: "dot", scaling: { min: 8, max: 28 } },
      edges: { scaling: { min: 1, max: 6 }, smooth: false },
      physics: { stabilization: { iterations: 150 }, barnesHut: { springLength: 110 } },
      interaction: { hover: true, tooltipDelay: 150 }
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      box.dataset.ready = "1";
    });
    network.on("doubleClick", function (params) {
      if (params.nodes.length && net.links[params.nodes[0]]) window.location = net.links[params.nodes[0]];
    });
    network.on("click", function (params) {
      var id = params.nodes.length ? params.nodes[0] : null;
      if (id !== null && id !== net.centre && net.links[id]) window.location = net.links[id];
    });
  }

  drawTimeline();
  drawNetwork();
})();
