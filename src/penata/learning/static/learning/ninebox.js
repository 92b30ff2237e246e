// 9-box grid as an ECharts heatmap; data from the data-chart attribute (no inline script).
(function () {
  "use strict";
  var el = document.getElementById("ninebox-chart");
  if (!el || typeof echarts === "undefined") { return; }
  var rows = JSON.parse(el.getAttribute("data-chart") || "[]");
  // box → [potensial x, kinerja y] per PermenPAN-RB 3/2020 numbering
  var place = {1: [0, 0], 3: [1, 0], 6: [2, 0], 2: [0, 1], 5: [1, 1], 8: [2, 1], 4: [0, 2], 7: [1, 2], 9: [2, 2]};
  var data = rows.map(function (r) { var p = place[r.box]; return [p[0], p[1], r.count, r.box]; });
  var max = Math.max.apply(null, rows.map(function (r) { return r.count; }).concat([1]));
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { formatter: function (p) { return "Kotak " + p.data[3] + ": " + p.data[2] + " pegawai"; } },
    grid: { left: 110, right: 10, top: 10, bottom: 40 },
    xAxis: { type: "category", data: ["Rendah", "Menengah", "Tinggi"], name: "Potensial", nameLocation: "middle", nameGap: 28 },
    yAxis: { type: "category", data: ["Di bawah", "Sesuai", "Di atas"], name: "Kinerja" },
    visualMap: { show: false, min: 0, max: max, inRange: { color: ["#f8f9fa", "#198754"] } },
    series: [{ type: "heatmap", data: data, label: { show: true, formatter: function (p) { return "Kotak " + p.data[3] + "\n" + p.data[2]; } } }]
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
