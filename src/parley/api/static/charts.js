// Charts over the JSON API, drawn with the vendored Chart.js. Every bar or point opens the
// page with the sentences behind it. Labels are set as data, never as HTML.
"use strict";

(function () {
  var GREEN = "#2e7d32", RED = "#c62828", BLUE = "#1565c0", ORANGE = "#ef6c00", GREY = "#777";

  function q(params) {
    var out = [];
    Object.keys(params).forEach(function (k) {
      if (params[k] !== undefined && params[k] !== null && params[k] !== "") {
        out.push(encodeURIComponent(k) + "=" + encodeURIComponent(params[k]));
      }
    });
    return out.join("&");
  }

  function endOf(start, by) {
    var d = new Date(start + "T00:00:00Z");
    if (by === "month") { d.setUTCMonth(d.getUTCMonth() + 1); } else if (by === "day") { d.setUTCDate(d.getUTCDate() + 1); } else { d.setUTCDate(d.getUTCDate() + 7); }
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }

  function total(side) {
    if (!side) { return 0; }
    if (typeof side === "number") { return side; }
    if (typeof side.events === "number") { return side.events; }
    var src = side.by_type || side, n = 0;
    Object.keys(src).forEach(function (k) { if (typeof src[k] === "number") { n += src[k]; } });
    return n;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.json();
    });
  }

  function dyadChart(canvas) {
    var a = canvas.getAttribute("data-a"), b = canvas.getAttribute("data-b");
    var level = canvas.getAttribute("data-level") || "country";
    var from = canvas.getAttribute("data-from"), to = canvas.getAttribute("data-to");
    var by = canvas.getAttribute("data-by") || "week";
    var url = "/api/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b) + "?" +
      q({ level: level, by: by, date_from: from, date_to: to });
    getJSON(url).then(function (d) {
      var periods = d.periods || [];
      var labels = periods.map(function (p) { return p.start; });
      var chart = new window.Chart(canvas, {
        data: {
          labels: labels,
          datasets: [
            { type: "bar", label: a + " → " + b, data: periods.map(function (p) { return total(p.a_to_b); }), backgroundColor: BLUE },
            { type: "bar", label: b + " → " + a, data: periods.map(function (p) { return total(p.b_to_a); }), backgroundColor: ORANGE },
            { type: "line", label: "net cooperation", yAxisID: "net", data: periods.map(function (p) { var n = p.net_cooperation; return typeof n === "object" && n ? n.sum : n; }), borderColor: GREY, pointRadius: 3 }
          ]
        },
        options: {
          animation: false, responsive: false,
          scales: { y: { beginAtZero: true, title: { display: true, text: "events" } },
                    net: { position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: "net cooperation" } } },
          onClick: function (_e, items) {
            if (!items.length) { return; }
            var start = labels[items[0].index];
            var ds = items[0].datasetIndex;
            var params = { actor: ds === 1 ? b : a, recipient: ds === 1 ? a : b, level: level,
                           date_from: start, date_to: endOf(start, d.by || by) };
            if (ds === 2) { params.both = "true"; }
            location.href = "/events?" + q(params);
          }
        }
      });
      canvas.chart = chart;
      canvas.setAttribute("data-ready", String(periods.length));
    }).catch(function (err) {
      canvas.setAttribute("data-error", String(err && err.message || err));
    });
  }

  function networkChart(canvas) {
    var url = "/api/network?" + q({ date_from: canvas.getAttribute("data-from"), date_to: canvas.getAttribute("data-to") });
    getJSON(url).then(function (net) {
      var edges = (net.edges || []).slice(0, 150);
      var names = [];
      edges.forEach(function (e) { [e.a, e.b].forEach(function (n) { if (names.indexOf(n) < 0) { names.push(n); } }); });
      var pos = {};
      names.forEach(function (n, i) {
        var t = 2 * Math.PI * i / Math.max(names.length, 1);
        pos[n] = { x: Math.cos(t), y: Math.sin(t) };
      });
      var sets = edges.map(function (e) {
        var w = e.weight || 0;
        return { type: "line", label: e.a + " – " + e.b, data: [pos[e.a], pos[e.b]],
                 borderColor: w >= 0 ? GREEN : RED, borderWidth: Math.min(1 + Math.abs(w) / 4, 6),
                 pointRadius: 0, edge: e };
      });
      sets.push({ type: "scatter", label: "actors", pointRadius: 6, backgroundColor: "#333",
                  data: names.map(function (n) { return { x: pos[n].x, y: pos[n].y, name: n }; }) });
      var chart = new window.Chart(canvas, {
        data: { datasets: sets },
        options: {
          animation: false, responsive: false,
          plugins: { legend: { display: false },
                     tooltip: { callbacks: { label: function (ctx) {
                       var raw = ctx.raw || {};
                       if (raw.name) { return raw.name; }
                       var e = ctx.dataset.edge || {};
                       return e.a + " – " + e.b + ": weight " + e.weight;
                     } } } },
          scales: { x: { type: "linear", display: false, min: -1.35, max: 1.35 }, y: { type: "linear", display: false, min: -1.25, max: 1.25 } },
          onClick: function (_e, items) {
            if (!items.length) { return; }
            var ds = chart.data.datasets[items[0].datasetIndex];
            if (ds.edge) { location.href = "/events?" + q({ actor: ds.edge.a, recipient: ds.edge.b, both: "true" }); return; }
            var raw = ds.data[items[0].index];
            if (raw && raw.name) { location.href = "/actors/" + encodeURIComponent(raw.name); }
          }
        },
        plugins: [{ id: "names", afterDatasetsDraw: function (c) {
          var ctx = c.ctx, xs = c.scales.x, ys = c.scales.y;
          ctx.save(); ctx.fillStyle = "#111"; ctx.font = "12px sans-serif";
          names.forEach(function (n) { ctx.fillText(String(n), xs.getPixelForValue(pos[n].x) + 8, ys.getPixelForValue(pos[n].y) - 6); });
          ctx.restore();
        } }]
      });
      canvas.setAttribute("data-ready", String(edges.length));
    }).catch(function (err) {
      canvas.setAttribute("data-error", String(err && err.message || err));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.Chart) { return; }
    document.querySelectorAll("canvas.dyad-chart").forEach(dyadChart);
    document.querySelectorAll("canvas.network-chart").forEach(networkChart);
  });
})();
