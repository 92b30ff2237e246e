/* Kesiapan perubahan: the units × ADKAR heat map (ECharts heatmap), declared in HTML:
 *   <div data-readiness-heatmap data-source="json-script-id"></div>
 * The source holds {columns: [label…], units: [{id, name, suppressed, link}…],
 * cells: [[x, y, likert mean 1–5 or null, index 0–100 or null]…], min_group}
 * built by penata.change.readiness.heatmap_chart, and the tooltip texts in the page's language
 * (texts: {small, none, mean, open_hotspot, open_units}; "{n}", "{mean}", "{index}" are filled
 * in). Groups under min_group respondents arrive without values and are drawn grey. A row's
 * link is either "#titik-rawan-<id>" (its hotspot card) or "?pd=<id>" (its units).
 */
(function () {
  "use strict";

  function number(value, digits) {
    const lang = document.documentElement.lang || "id";
    return value.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function render(el) {
    const source = document.getElementById(el.dataset.source);
    if (!source || !window.echarts) return;
    const data = JSON.parse(source.textContent) || {};
    const columns = data.columns || [];
    const units = data.units || [];
    const cells = data.cells || [];
    const texts = data.texts || {};
    const small = fill(texts.small, { n: data.min_group || 5 });
    const shown = [];
    const hidden = [];
    cells.forEach(function (c) {
      if (c[2] === null) hidden.push([c[0], c[1], 0, null]);
      else shown.push(c);
    });
    const rowHeight = units.length > 20 ? 24 : 36;
    el.style.height = Math.max(280, units.length * rowHeight + 140) + "px";
    const chart = window.echarts.init(el);
    chart.setOption({
      tooltip: {
        position: "top",
        formatter: function (info) {
          const v = info.data;
          const unit = units[v[1]] || {};
          const head = escape(unit.name) + " · " + escape(columns[v[0]]) + "<br>";
          if (info.seriesIndex === 1) {
            return head + (unit.suppressed ? small : texts.none);
          }
          const hint = !unit.link ? "" : unit.link.charAt(0) === "#" ? texts.open_hotspot : texts.open_units;
          return head + fill(texts.mean, { mean: number(v[2], 2), index: number(v[3], 1) }) +
            (hint ? "<br>" + hint : "");
        },
      },
      grid: { left: 290, right: 20, top: 110, bottom: 20 },
      xAxis: {
        type: "category", data: columns, position: "top", splitArea: { show: true },
        axisLabel: { interval: 0, lineHeight: 16, formatter: function (label) { return label.replace(" (", "\n("); } },
      },
      yAxis: { type: "category", data: units.map(function (u) { return u.name; }), inverse: true, axisLabel: { width: 275, overflow: "truncate" }, splitArea: { show: true } },
      visualMap: {
        seriesIndex: 0, dimension: 2, min: 1, max: 5, precision: 1, calculable: true, orient: "horizontal",
        left: "center", top: 0, itemHeight: 160, text: [el.dataset.high || "5 siap", el.dataset.low || "1 belum siap"],
        inRange: { color: ["#b91c1c", "#f59e0b", "#facc15", "#84cc16", "#15803d"] },
      },
      series: [
        {
          name: el.dataset.series || "Kesiapan", type: "heatmap", data: shown,
          label: { show: true, formatter: function (info) { return number(info.data[2], 1); } },
          emphasis: { itemStyle: { borderColor: "#111827", borderWidth: 1 } },
        },
        {
          name: el.dataset.hidden || "Tidak ditampilkan", type: "heatmap", data: hidden,
          itemStyle: { color: "#e5e7eb" },
          label: { show: true, color: "#6b7280", formatter: function () { return "–"; } },
        },
      ],
    });
    chart.on("click", function (info) {
      const unit = units[info.data[1]];
      if (!unit || !unit.link) return;
      if (unit.link.charAt(0) === "#") {
        if (info.seriesIndex === 0) window.location.hash = unit.link.slice(1);
      } else {
        window.location.search = unit.link.slice(1);
      }
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function start() {
    document.querySelectorAll("[data-readiness-heatmap]").forEach(render);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
