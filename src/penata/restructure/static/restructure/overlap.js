/* Tumpang tindih tugas: the unit × unit heat map (ECharts heatmap), declared in HTML:
 *   <div data-overlap-heatmap data-source="json-script-id"></div>
 * The source holds {units: [name…], cells: [[x, y, count]…], max} built by
 * penata.restructure.overlap_selectors.overlap_heatmap.
 */
(function () {
  "use strict";

  function render(el) {
    const source = document.getElementById(el.dataset.source);
    if (!source || !window.echarts) return;
    const data = JSON.parse(source.textContent) || {};
    const units = data.units || [];
    el.style.height = Math.max(360, Math.min(2400, units.length * 28 + 160)) + "px";
    const chart = window.echarts.init(el);
    chart.setOption({
      tooltip: {
        position: "top",
        formatter: function (info) {
          const v = info.value;
          return units[v[0]] + " × " + units[v[1]] + ": " + v[2] + " pasangan";
        },
      },
      grid: { left: 220, bottom: 160, right: 30, top: 20 },
      xAxis: { type: "category", data: units, axisLabel: { rotate: 45, width: 150, overflow: "truncate" } },
      yAxis: { type: "category", data: units, axisLabel: { width: 200, overflow: "truncate" } },
      visualMap: {
        min: 0, max: Math.max(1, data.max || 0), calculable: true, orient: "horizontal",
        left: "center", bottom: 0, inRange: { color: ["#f1f5f9", "#f59e0b", "#b91c1c"] },
      },
      series: [{ name: "Tumpang tindih", type: "heatmap", data: data.cells || [], label: { show: true } }],
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function start() {
    document.querySelectorAll("[data-overlap-heatmap]").forEach(render);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
