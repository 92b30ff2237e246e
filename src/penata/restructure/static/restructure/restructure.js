/* Penataan struktur: org charts of a comparison (ECharts tree series), declared in HTML:
 *   <div data-org-tree data-source="json-script-id" data-key="left|right"></div>
 * The source holds {left: {tree, counts}, right: {tree, counts}} built by
 * penata.restructure.graph.chart.org_chart (changed nodes carry their colour already).
 */
(function () {
  "use strict";
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  const CHANGE_TEXT = {
    added: "baru", removed: "dihapus", moved: "pindah", converted: "disetarakan",
    renamed: "berganti nama", reports_to: "atasan berubah", head: "kepala unit berubah",
    role: "peran berubah", kind: "jenis berubah",
  };

  function escapeHtml(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }

  function tooltip(info) {
    const d = info.data || {};
    const lines = ["<strong>" + escapeHtml(d.name) + "</strong>"];
    if (d.kind === "unit" && d.head) lines.push("Kepala: " + escapeHtml(d.head));
    if (d.kind === "unit") lines.push("Pegawai di unit ini: " + (d.value || 0));
    if (d.kind === "position") lines.push("Jabatan · pemangku: " + (d.value || 0));
    if (d.kind === "folded") lines.push("Pegawai: " + (d.value || 0));
    if (d.change) lines.push("Perubahan: " + escapeHtml(CHANGE_TEXT[d.change] || d.change));
    return lines.join("<br>");
  }

  // Rows a tree needs when drawn as it opens: a collapsed branch or a leaf takes one row.
  function visibleRows(node) {
    if (!node.children || !node.children.length || node.collapsed) return 1;
    return node.children.reduce(function (sum, child) { return sum + visibleRows(child); }, 0);
  }

  function visibleDepth(node) {
    if (!node.children || !node.children.length || node.collapsed) return 1;
    return 1 + Math.max.apply(null, node.children.map(visibleDepth));
  }

  function render(el) {
    const source = document.getElementById(el.dataset.source);
    if (!source || !window.echarts) return;
    const data = (JSON.parse(source.textContent) || {})[el.dataset.key];
    if (!data || !data.tree) return;
    el.style.height = Math.max(420, Math.min(4000, visibleRows(data.tree) * 20 + 40)) + "px";
    // Each visible level gets room for its labels; wider than the card scrolls sideways.
    el.style.width = Math.max(el.parentElement.clientWidth, visibleDepth(data.tree) * 230 + 200) + "px";
    const chart = echarts.init(el, null, {renderer: "canvas"});
    chart.setOption({
      textStyle: {fontFamily: FONT},
      tooltip: {trigger: "item", triggerOn: "mousemove", formatter: tooltip, confine: true},
      series: [{
        type: "tree",
        data: [data.tree],
        orient: "LR",
        top: 12, bottom: 12, left: 190, right: 200,
        symbol: "circle", symbolSize: 8,
        roam: true,
        expandAndCollapse: true,
        initialTreeDepth: -1,
        animationDuration: 300,
        label: {position: "left", verticalAlign: "middle", align: "right", fontSize: 11,
                width: 170, overflow: "truncate"},
        leaves: {label: {position: "right", verticalAlign: "middle", align: "left"}},
        lineStyle: {color: "#c5ccd6", width: 1},
        emphasis: {focus: "descendant"},
      }],
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function init(root) {
    (root || document).querySelectorAll("[data-org-tree]").forEach(render);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { init(); });
  else init();
})();
