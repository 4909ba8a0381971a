// The web page's landscape (app.js): who works where, when and with what result, for the current
// search and filters. A world map of the matching records by country (world-atlas's shapes,
// served by the server as /world.json with alpha-2 ids; a click filters by the country), the
// records by start year with those still ongoing marked, their outcomes and why they failed.
// Every chart is the facets of one search: the page's own query and filters.
"use strict";
(function () {
  var P = window.PrecedentPage;
  var t = P.t, el = P.el, api = P.api;
  var SVG = "http://www.w3.org/2000/svg";
  var SHADES = 5;  // classes of the map's colour scale (app.css .shade-1 ... .shade-5)
  function $(id) { return document.getElementById(id); }
  var world = null, generation = 0;

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- TopoJSON: arcs quantized and delta-encoded, shared by neighbouring countries ----
  function decodeArcs(topology) {
    var scale = topology.transform.scale, shift = topology.transform.translate;
    return topology.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (point) {
        x += point[0];
        y += point[1];
        return [x * scale[0] + shift[0], y * scale[1] + shift[1]];
      });
    });
  }
  // An equirectangular projection of longitude -180..180 and latitude 84..-58 (Antarctica left out).
  var WIDTH = 960, TOP = 84, BOTTOM = -58, HEIGHT = WIDTH / 360 * (TOP - BOTTOM);
  function project(point) {
    return ((point[0] + 180) * WIDTH / 360).toFixed(1) + "," + ((TOP - point[1]) * WIDTH / 360).toFixed(1);
  }
  function ringPath(arcs, ring) {
    var points = [];
    ring.forEach(function (index) {
      var arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
      (points.length ? arc.slice(1) : arc).forEach(function (p) { points.push(p); });
    });
    // A ring across the antimeridian (Russia's east, Fiji) is drawn whole past the map's right
    // edge, which clips it, rather than with a stroke across the whole map.
    var crosses = points.some(function (p, i) { return i && Math.abs(p[0] - points[i - 1][0]) > 180; });
    if (crosses) points = points.map(function (p) { return p[0] < 0 ? [p[0] + 360, p[1]] : p; });
    return "M" + points.map(project).join("L") + "Z";
  }
  // Each country's SVG path, by its alpha-2 id.
  function countryShapes(topology) {
    var arcs = decodeArcs(topology);
    return topology.objects.countries.geometries.filter(function (g) { return g.id !== "AQ"; }).map(function (geometry) {
      var polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
      return { id: geometry.id || "", d: polygons.map(function (rings) { return rings.map(function (ring) { return ringPath(arcs, ring); }).join(""); }).join("") };
    });
  }
  function loadWorld() {
    if (!world) world = api("/world.json").then(countryShapes, function (error) { world = null; throw error; });
    return world;
  }

  // ---- what the charts show ----
  // The search the landscape shows, in words: the query and each filter.
  function searchTitle(s) {
    var ui = P.ui(), parts = [];
    if (s.q) parts.push(t("landscape_query", s.q));
    P.FILTERS.forEach(function (field) {
      if (s.filters[field].length) parts.push(t("facet_" + field) + ": " + s.filters[field].map(function (v) { return precedentValueLabel(ui, field, v); }).join(", "));
    });
    if (s.year_from || s.year_to) parts.push(t("years") + ": " + (s.year_from || "…") + "–" + (s.year_to || "…"));
    return parts.length ? parts.join(" · ") : t("landscape_all");
  }
  function facets(extra, names) {
    var params = P.stateQuery(P.state(), false);
    Object.keys(extra).forEach(function (name) { params.set(name, extra[name]); });
    params.set("facets", names);
    params.set("per_page", "1");
    return api("/v1/search?" + params.toString());
  }
  function legend(entries) {
    return el("ul", { className: "legend" }, entries.map(function (entry) {
      return el("li", {}, [el("span", { className: "swatch " + entry[0], "aria-hidden": "true" }), document.createTextNode(entry[1])]);
    }));
  }

  // ---- the map ----
  function shadeOf(count, max) { return count ? "shade-" + Math.max(1, Math.ceil(count / max * SHADES)) : "shade-0"; }
  function drawMap(target, shapes, counts) {
    var ui = P.ui(), byCountry = {}, max = 1;
    counts.forEach(function (entry) { byCountry[entry.value] = entry.count; max = Math.max(max, entry.count); });
    var map = svg("svg", { viewBox: "0 0 " + WIDTH + " " + HEIGHT.toFixed(0), class: "map", role: "group", "aria-label": t("map_title") });
    var drawn = {};
    shapes.forEach(function (shape) {
      var count = byCountry[shape.id] || 0, name = shape.id ? precedentValueLabel(ui, "country", shape.id) : "";
      var path = svg("path", { d: shape.d, class: "country " + shadeOf(count, max), "data-country": shape.id });
      path.appendChild(svg("title", {}, name + ": " + (count ? count + " " + t("records") : t("map_none"))));
      if (count) {
        drawn[shape.id] = true;
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", t("filter_by", name) + " (" + count + ")");
        var choose = function () {
          P.navigate(function (s) { if (s.filters.country.indexOf(shape.id) < 0) s.filters.country.push(shape.id); s.page = 1; });
        };
        path.addEventListener("click", choose);
        path.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(); } });
      }
      map.appendChild(path);
    });
    var steps = [];
    for (var i = 1; i <= SHADES; ++i) {
      var low = Math.floor((i - 1) * max / SHADES) + 1, high = Math.floor(i * max / SHADES);
      if (high >= low) steps.push(["shade-" + i, low === high ? String(low) : low + "–" + high]);
    }
    var missing = counts.filter(function (entry) { return !drawn[entry.value]; })
      .map(function (entry) { return precedentValueLabel(ui, "country", entry.value) + " (" + entry.count + ")"; });
    target.replaceChildren(map, legend([["shade-0", t("map_none")]].concat(steps)), el("p", { className: "help", text: t("map_help") }),
      missing.length ? el("p", { className: "help map-missing", text: t("map_missing", missing.join(", ")) }) : null);
  }

  // ---- records by start year, those still ongoing marked ----
  function drawYears(target, all, ongoing, total) {
    var counts = {}, open = {}, years = [];
    all.forEach(function (e) { counts[e.value] = e.count; years.push(Number(e.value)); });
    ongoing.forEach(function (e) { open[e.value] = e.count; });
    var dated = all.reduce(function (sum, e) { return sum + e.count; }, 0);
    if (!years.length) { target.replaceChildren(el("p", { className: "help", text: t("no_year", total) })); return; }
    var first = Math.min.apply(null, years), last = Math.max.apply(null, years);
    var max = Math.max.apply(null, all.map(function (e) { return e.count; }));
    var width = 960, height = 200, left = 28, bottom = 22, top = 8, span = last - first + 1;
    var step = (width - left - 4) / span, chart = svg("svg", { viewBox: "0 0 " + width + " " + height, class: "chart chart-years", role: "img" });
    chart.appendChild(svg("title", {}, years.sort().map(function (y) { return y + ": " + counts[y] + (open[y] ? " (" + open[y] + " " + t("ongoing_marked") + ")" : ""); }).join(", ")));
    var y = function (v) { return height - bottom - (height - bottom - top) * v / max; };
    chart.appendChild(svg("line", { x1: left, x2: width, y1: y(0), y2: y(0), class: "axis" }));
    chart.appendChild(svg("text", { x: left - 4, y: y(max) + 4, "text-anchor": "end", class: "label" }, String(max)));
    chart.appendChild(svg("text", { x: left - 4, y: y(0), "text-anchor": "end", class: "label" }, "0"));
    var every = span > 30 ? 10 : span > 12 ? 5 : 1;
    for (var year = first; year <= last; ++year) {
      var x = left + (year - first) * step, count = counts[year] || 0, still = Math.min(open[year] || 0, count);
      if (count) chart.appendChild(svg("rect", { x: x + 1, y: y(count), width: Math.max(1, step - 2), height: y(0) - y(count), class: "bar", "data-year": year }));
      if (still) chart.appendChild(svg("rect", { x: x + 1, y: y(still), width: Math.max(1, step - 2), height: y(0) - y(still), class: "bar-ongoing" }));
      if (year % every === 0 || span <= 12) chart.appendChild(svg("text", { x: x + step / 2, y: height - 6, "text-anchor": "middle", class: "label" }, String(year)));
    }
    target.replaceChildren(chart, legend([["bar", t("started")], ["bar-ongoing", t("ongoing_marked")]]),
      dated < total ? el("p", { className: "help", text: t("no_year", total - dated) }) : null);
  }

  // ---- horizontal bars: outcomes, failure reasons ----
  function barChart(target, entries, field, empty) {
    if (!entries.length) { target.replaceChildren(el("p", { className: "help", text: empty || t("no_results") })); return; }
    var ui = P.ui(), rowHeight = 24, labelWidth = 200, width = 480;
    var max = Math.max.apply(null, entries.map(function (e) { return e.count; }).concat([1]));
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + (entries.length * rowHeight + 4), role: "img", class: "chart chart-" + field });
    chart.appendChild(svg("title", {}, entries.map(function (e) { return precedentValueLabel(ui, field, e.value) + ": " + e.count; }).join(", ")));
    entries.forEach(function (entry, i) {
      var top = i * rowHeight + 2, length = (width - labelWidth - 40) * entry.count / max;
      chart.appendChild(svg("text", { x: labelWidth - 6, y: top + 16, "text-anchor": "end", class: "label" }, precedentValueLabel(ui, field, entry.value)));
      chart.appendChild(svg("rect", { x: labelWidth, y: top + 4, width: Math.max(1, length), height: rowHeight - 9,
                                      class: field === "outcome" ? "bar outcome-" + entry.value : "bar" }));
      chart.appendChild(svg("text", { x: labelWidth + length + 5, y: top + 16, class: "value" }, String(entry.count)));
    });
    target.replaceChildren(chart);
  }

  function drawLandscape() {
    var s = P.state(), mine = ++generation, title = searchTitle(s);
    $("landscape-status").textContent = t("loading");
    var outcomes = s.filters.outcome;
    var ongoing = outcomes.length && outcomes.indexOf("ongoing") < 0 ? Promise.resolve({ facets: {} })
                                                                      : facets({ outcome: "ongoing" }, "year");
    Promise.all([facets({}, "country,outcome,failure_reason,year"), ongoing, loadWorld()]).then(function (answers) {
      if (mine !== generation) return;
      var body = answers[0], found = body.facets || {};
      $("landscape-status").textContent = t("results", body.total) + " · " + title;
      [["map", "map_title"], ["years", "by_year"], ["outcome", "by_outcome"], ["failure", "by_failure"]].forEach(function (chart) {
        $("caption-" + chart[0]).replaceChildren(document.createTextNode(t(chart[1])), el("span", { className: "of-search", text: " — " + title }));
      });
      drawMap($("chart-map"), answers[2], found.country || []);
      drawYears($("chart-years"), found.year || [], (answers[1].facets || {}).year || [], body.total);
      barChart($("chart-outcome"), found.outcome || [], "outcome");
      barChart($("chart-failure"), found.failure_reason || [], "failure_reason", t("no_failure"));
    }).catch(function (error) {
      if (mine === generation) $("landscape-status").replaceChildren(el("span", { className: "error", text: P.errorText(error, true) }));
    });
  }

  P.views.landscape = drawLandscape;
})();
