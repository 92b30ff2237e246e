/* Participation pages: charts declared in HTML and small form behaviours.
 * No inline scripts (the production CSP forbids them): data comes from json_script elements.
 *   <div data-pchart="unsur|trend|months|categories" data-source="json-script-id"></div>
 */
(function () {
  "use strict";
  const COLOR = "#0b4f6c";
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  // Mutu bands of PermenPAN-RB 14/2017 on the 25–100 scale.
  const BANDS = [
    {from: 25, to: 65, name: "D", color: "rgba(254, 226, 226, .55)"},
    {from: 65, to: 76.61, name: "C", color: "rgba(254, 243, 199, .55)"},
    {from: 76.61, to: 88.31, name: "B", color: "rgba(224, 242, 254, .55)"},
    {from: 88.31, to: 100, name: "A", color: "rgba(220, 252, 231, .6)"},
  ];

  // Labels in the page's language: 87,88 in Indonesian, 87.88 in English.
  function number(value, digits) {
    const lang = document.documentElement.lang || "id";
    return value.toLocaleString(lang, {minimumFractionDigits: digits, maximumFractionDigits: digits});
  }

  function unsur(rows) {
    return {
      textStyle: {fontFamily: FONT},
      grid: {left: 8, right: 40, top: 8, bottom: 8, containLabel: true},
      tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
      xAxis: {type: "value", min: 1, max: 4, interval: 0.5},
      yAxis: {type: "category", inverse: true, data: rows.map((r) => r.name), axisLabel: {fontSize: 11, width: 210, overflow: "truncate"}},
      series: [{type: "bar", data: rows.map((r) => r.value), itemStyle: {color: COLOR, borderRadius: [0, 4, 4, 0]}, barMaxWidth: 18,
                label: {show: true, position: "right", fontSize: 11, formatter: (p) => number(p.value, 2)}}],
    };
  }

  function trend(rows) {
    const values = rows.map((r) => r.value);
    const known = values.filter((v) => v !== null);
    const low = known.length ? Math.max(25, Math.floor(Math.min(...known) / 5) * 5 - 5) : 25;
    return {
      textStyle: {fontFamily: FONT},
      grid: {left: 8, right: 16, top: 16, bottom: 8, containLabel: true},
      tooltip: {trigger: "axis"},
      xAxis: {type: "category", data: rows.map((r) => r.name), axisLabel: {fontSize: 10}},
      yAxis: {type: "value", min: low, max: 100},
      series: [{
        type: "line", data: values, connectNulls: false, symbolSize: 8, lineStyle: {width: 3, color: COLOR}, itemStyle: {color: COLOR},
        label: {show: true, fontSize: 11, formatter: (p) => (p.value === null ? "" : number(p.value, 2))},
        markArea: {silent: true, data: BANDS.map((b) => [{yAxis: b.from, itemStyle: {color: b.color}, name: b.name}, {yAxis: b.to}]), label: {position: "insideRight", color: "#6b7280", fontSize: 10}},
      }],
    };
  }

  function bars(rows, horizontal) {
    const category = {type: "category", data: rows.map((r) => r.name), axisLabel: {fontSize: 10, interval: horizontal ? 0 : "auto"}};
    const value = {type: "value", minInterval: 1};
    return {
      textStyle: {fontFamily: FONT},
      grid: {left: 8, right: 24, top: 10, bottom: 8, containLabel: true},
      tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({}, category, {inverse: true}) : value,
      series: [{type: "bar", data: rows.map((r) => r.value), itemStyle: {color: horizontal ? "#f2a541" : COLOR}, barMaxWidth: 24}],
    };
  }

  function render(el) {
    const source = document.getElementById(el.dataset.source);
    if (!source || !window.echarts) return;
    const data = JSON.parse(source.textContent) || {};
    const kind = el.dataset.pchart;
    const rows = data[kind] || [];
    const option = kind === "unsur" ? unsur(rows) : kind === "trend" ? trend(rows) : bars(rows, kind === "categories");
    const chart = window.echarts.init(el, null, {renderer: "canvas"});
    chart.setOption(option);
    window.addEventListener("resize", () => chart.resize());
  }

  function replies() {
    const form = document.getElementById("comment-form");
    if (!form) return;
    const parent = document.getElementById("id_parent");
    const note = document.getElementById("reply-note");
    document.querySelectorAll("[data-reply-to]").forEach((button) => {
      button.addEventListener("click", () => {
        parent.value = button.dataset.replyTo;
        note.hidden = false;
        form.scrollIntoView({behavior: "smooth", block: "center"});
        form.querySelector("textarea").focus();
      });
    });
    const cancel = document.querySelector("[data-reply-cancel]");
    if (cancel) cancel.addEventListener("click", () => { parent.value = ""; note.hidden = true; });
  }

  function confirms() {
    document.querySelectorAll("form[data-confirm]").forEach((form) => {
      form.addEventListener("submit", (event) => {
        if (!window.confirm(form.dataset.confirm)) event.preventDefault();
      });
    });
  }

  function init() {
    document.querySelectorAll("[data-pchart]").forEach(render);
    replies();
    confirms();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
