/* Behaviours of the performance pages. No inline scripts (the production CSP forbids them):
 * - [data-minutes] buttons fill the duration field of the activity form;
 * - [data-check-all="name"] ticks every checkbox named `name` (bulk approval);
 * - [data-perf-chart] draws an ECharts chart from a json_script element
 *   (data-source = element id, data-kind = "predikat" | "city"), again after htmx swaps.
 */
(function () {
  "use strict";
  var COLORS = ["#2a9d8f", "#0b4f6c", "#f2a541", "#e76f51", "#264653"];
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-minutes]");
    if (!button) return;
    var group = button.closest("[data-minutes-target]");
    var input = group && document.getElementById(group.dataset.minutesTarget);
    if (input) input.value = button.dataset.minutes;
  });

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("[data-check-all]")) return;
    var form = box.form || document;
    form.querySelectorAll('input[type="checkbox"][name="' + box.dataset.checkAll + '"]').forEach(function (el) {
      if (!el.disabled) el.checked = box.checked;
    });
  });

  function predikatOption(data) {
    return {
      color: COLORS,
      textStyle: {fontFamily: FONT},
      grid: {left: 8, right: 16, top: 24, bottom: 4, containLabel: true},
      tooltip: {trigger: "axis", axisPointer: {type: "shadow"},
        formatter: function (items) { var i = items[0].dataIndex; return data.labels[i] + ": " + data.counts[i] + " (" + data.percents[i] + "%)"; }},
      xAxis: {type: "category", data: data.labels, axisLabel: {fontSize: 11, interval: 0}},
      yAxis: {type: "value", max: 100, axisLabel: {formatter: "{value}%", fontSize: 10}},
      series: [{type: "bar", barMaxWidth: 36, data: data.percents.map(function (v, i) { return {value: v, itemStyle: {color: COLORS[i]}}; }),
        label: {show: true, position: "top", fontSize: 11, formatter: function (p) { return data.counts[p.dataIndex]; }}}],
    };
  }

  function cityOption(data) {
    // Series names come translated from the page; the Indonesian ones are the fallback.
    var names = data.names || ["Mengisi log hari ini (%)", "Capaian indikator (%)"];
    return {
      color: ["#0b4f6c", "#f2a541"],
      textStyle: {fontFamily: FONT},
      legend: {top: 0, data: names},
      grid: {left: 8, right: 16, top: 32, bottom: 4, containLabel: true},
      tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
      xAxis: {type: "value", max: 100, axisLabel: {formatter: "{value}%", fontSize: 10}},
      yAxis: {type: "category", data: data.labels, inverse: true, axisLabel: {fontSize: 10, interval: 0}},
      series: [
        {name: names[0], type: "bar", data: data.logged, barMaxWidth: 10},
        {name: names[1], type: "bar", data: data.realisation, barMaxWidth: 10},
      ],
    };
  }

  function draw(el) {
    var source = document.getElementById(el.dataset.source);
    if (!source || !window.echarts) return;
    var data = JSON.parse(source.textContent);
    var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: "canvas"});
    chart.setOption(el.dataset.kind === "city" ? cityOption(data) : predikatOption(data), true);
    if (!el.dataset.resizeBound) {
      el.dataset.resizeBound = "1";
      window.addEventListener("resize", function () { chart.resize(); });
    }
  }

  function init(root) {
    (root || document).querySelectorAll("[data-perf-chart]").forEach(draw);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { init(); });
  else init();
  document.addEventListener("htmx:afterSwap", function (event) { init(event.target); });
})();
