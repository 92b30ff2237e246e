/* Small ECharts charts declared in HTML (no inline scripts, CSP-friendly):
 *   <div data-chart="pie|bars|hbars" data-chart-source="json-script-id" data-chart-key="key"></div>
 * The source is a {{ value|json_script:"id" }} element holding {key: [{name, value}, ...]}.
 */
(function () {
  "use strict";
  const PALETTE = ["#0b4f6c", "#f2a541", "#2a9d8f", "#e76f51", "#6a4c93", "#8ab17d", "#264653", "#e9c46a", "#c8553d", "#5c8dd6"];
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  function pie(el, rows) {
    return {
      color: PALETTE,
      textStyle: {fontFamily: FONT},
      tooltip: {trigger: "item", formatter: "{b}: {c} ({d}%)"},
      legend: {bottom: 0, type: "scroll", itemWidth: 10, itemHeight: 10, textStyle: {fontSize: 11}},
      series: [{
        type: "pie", radius: ["42%", "70%"], center: ["50%", "42%"], avoidLabelOverlap: true,
        itemStyle: {borderColor: "#fff", borderWidth: 2, borderRadius: 4},
        label: {show: false}, data: rows,
      }],
    };
  }

  function bars(el, rows, horizontal) {
    const names = rows.map((r) => r.name);
    const values = rows.map((r) => r.value);
    const crowded = !horizontal && names.length > 8;
    // Horizontal bars: long unit names are cut (the tooltip has them whole).
    const label = horizontal ? {width: 240, overflow: "truncate"} : {rotate: crowded ? 60 : 0};
    const category = {type: "category", data: names, axisTick: {show: false},
                      axisLabel: Object.assign({fontSize: crowded ? 9 : 11, interval: 0}, label)};
    const value = {type: "value", minInterval: 1, splitLine: {lineStyle: {color: "#eef0f3"}}, axisLabel: {fontSize: 10}};
    return {
      color: PALETTE,
      textStyle: {fontFamily: FONT},
      grid: {left: 12, right: horizontal ? 28 : 12, top: 10, bottom: 4, containLabel: true},
      tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({}, category, {inverse: true}) : value,
      series: [{type: "bar", data: values, barMaxWidth: 22, itemStyle: {borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]},
                label: {show: horizontal, position: "right", fontSize: 11}}],
    };
  }

  function render(el) {
    const source = document.getElementById(el.dataset.chartSource);
    if (!source || !window.echarts) return;
    const rows = (JSON.parse(source.textContent) || {})[el.dataset.chartKey] || [];
    const kind = el.dataset.chart;
    // One row per bar: a long list grows the chart instead of overprinting its labels.
    if (kind === "hbars") el.style.height = Math.max(el.clientHeight, rows.length * 22 + 40) + "px";
    const option = kind === "pie" ? pie(el, rows) : bars(el, rows, kind === "hbars");
    const chart = echarts.init(el, null, {renderer: "canvas"});
    chart.setOption(option);
    window.addEventListener("resize", () => chart.resize());
  }

  function init(root) {
    (root || document).querySelectorAll("[data-chart]").forEach(render);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => init());
  else init();
})();
