/* Interactive org chart of a unit (ECharts tree series), for org/unit_chart.html.
 *
 * Data: GET data-url[&mode=unit|jabatan] → {mode, roots: [node]}; see org.selectors.unit_chart
 * and position_chart. Expanding and collapsing is handled here (not by ECharts) so the layout
 * box grows with the visible tree and boxes never overlap; roam gives zoom and pan.
 * No inline scripts: texts come from the json_script element "orgchart-text".
 */
(function () {
  "use strict";
  const el = document.getElementById("orgchart");
  if (!el || !window.echarts) return;
  const T = JSON.parse(document.getElementById("orgchart-text").textContent);
  const statusEl = document.getElementById("orgchart-status");
  const panel = document.getElementById("orgchart-panel");
  const legendEl = document.getElementById("orgchart-legend");
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  const UNIT_COLORS = {
    pemda: "#0b4f6c", sekretariat_daerah: "#1b6ca8", sekretariat_dprd: "#3d5a80",
    inspektorat: "#6a4c93", dinas: "#2a9d8f", badan: "#e76f51", satpol_pp: "#495057",
    rsud: "#c1121f", kecamatan: "#d68c1e", kelurahan: "#b5a22c", asisten: "#277da1",
    bagian: "#4d908e", sekretariat: "#577590", bidang: "#43aa8b", seksi: "#7fa650",
    subbagian: "#8a9a3b", inspektur_pembantu: "#9d4edd", upt: "#6c757d", puskesmas: "#d63384",
    sekolah: "#118ab2", kelompok_fungsional: "#8d99ae",
  };
  const POSITION_COLORS = {
    jpt_utama: "#0b4f6c", jpt_madya: "#0b4f6c", jpt_pratama: "#1b6ca8",
    administrator: "#2a9d8f", pengawas: "#43aa8b", fungsional: "#6a4c93", pelaksana: "#6c757d",
  };
  const NODE_W = 184;   // label box width (px at zoom 1)
  const GAP = 22;       // between sibling boxes (TB)
  const LEVEL_TB = 168; // between levels, top to bottom (taller than a card)
  const LEVEL_LR = 236; // between levels, left to right (wider than a card)
  const ROW_LR = 132;   // between siblings, left to right (taller than a card)

  const chart = echarts.init(el, null, {renderer: "canvas"});
  const state = {mode: "unit", orient: "TB", userOrient: false, root: null, zoom: null, left: 0, top: 0};

  // `forms` = [one, other] from ngettext on the server, with %(n)s for the number.
  function count(forms, n) {
    return (n === 1 ? forms[0] : forms[1]).replace("%(n)s", String(n));
  }

  function clean(text) {
    return String(text || "").replace(/[{}|]/g, " ");
  }

  function wrap(text, width, maxLines) {
    const words = clean(text).split(/\s+/).filter(Boolean);
    const lines = [];
    let line = "";
    for (const word of words) {
      if (line && (line + " " + word).length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    }
    if (line) lines.push(line);
    if (lines.length > maxLines) {
      lines.length = maxLines;
      lines[maxLines - 1] = lines[maxLines - 1].replace(/\s*\S*$/, "") + " …";
    }
    return lines;
  }

  function colorOf(raw) {
    return state.mode === "unit"
      ? UNIT_COLORS[raw.kind] || "#0b4f6c"
      : POSITION_COLORS[raw.kind] || "#6c757d";
  }

  function build(raw, depth) {
    return {
      raw: raw, depth: depth, collapsed: depth >= 1 && (raw.children || []).length > 0,
      children: (raw.children || []).map((c) => build(c, depth + 1)),
    };
  }

  function walk(node, fn) {
    fn(node);
    node.children.forEach((c) => walk(c, fn));
  }

  function leaves(node) {
    if (node.collapsed || !node.children.length) return 1;
    return node.children.reduce((sum, c) => sum + leaves(c), 0);
  }

  function levels(node) {
    if (node.collapsed || !node.children.length) return 1;
    return 1 + Math.max(...node.children.map(levels));
  }

  function labelText(node) {
    const d = node.raw;
    const out = [];
    const kinds = state.mode === "unit" ? T.unit_kinds : T.position_kinds;
    out.push("{kind|" + clean(kinds[d.kind] || d.kind) + "}");
    const title = state.mode === "unit" ? d.name : d.title;
    wrap(title, 22, 2).forEach((l) => out.push("{name|" + l + "}"));
    if (state.mode === "unit" && d.head_title) {
      wrap(d.head_title, 30, 2).forEach((l) => out.push("{title|" + l + "}"));
    }
    if (state.mode === "jabatan" && d.holders > 1) {
      out.push("{holder|" + clean(count(T.holders, d.holders)) + "}");
    } else if (d.holder) {
      const acting = d.acting ? d.acting.charAt(0).toUpperCase() + d.acting.slice(1) + " " : "";
      wrap(acting + d.holder, 27, 1).forEach((l) => out.push("{holder|" + l + "}"));
    } else if (state.mode === "jabatan" || d.head_title) {
      out.push("{vacant|" + clean(T.vacant) + "}");
    }
    if (state.mode === "unit") {
      out.push("{meta|" + clean(count(T.positions, d.positions) + " · " + count(T.people, d.people)) + "}");
    }
    if (node.collapsed && node.children.length) {
      const what = state.mode === "unit" ? T.subunits : T.subordinates;
      out.push("{more|+ " + clean(count(what, node.children.length)) + "}");
    }
    return out.join("\n");
  }

  function toItem(node) {
    const color = colorOf(node.raw);
    return {
      id: state.mode + "-" + node.raw.id,
      name: state.mode === "unit" ? node.raw.name : node.raw.title,
      value: node.raw.id,
      collapsed: node.collapsed,
      itemStyle: {color: node.collapsed ? color : "#fff", borderColor: color, borderWidth: 2},
      label: {
        formatter: labelText(node),
        borderColor: color,
        rich: {kind: {backgroundColor: color}},
      },
      children: node.children.map(toItem),
    };
  }

  function boxFor() {
    const cw = el.clientWidth, ch = el.clientHeight;
    const across = leaves(state.root);
    const down = levels(state.root);
    let w, h;
    // ECharts spreads n leaves over the box with half a slot of margin on each side, so a
    // box of n slots gives exactly one slot between neighbours.
    if (state.orient === "TB") {
      w = across * (NODE_W + GAP);
      h = Math.max(down - 1, 0) * LEVEL_TB;
    } else {
      w = Math.max(down - 1, 0) * LEVEL_LR;
      h = across * ROW_LR;
    }
    const fit = Math.min(1, cw / (w + 40), ch / (h + 150));
    return {w: w, h: h, cw: cw, ch: ch, fit: fit};
  }

  // ECharts scales node positions with the roam zoom but draws labels at a fixed size, so
  // the cards are re-drawn at `zoom` times their size: the whole chart zooms as one picture.
  function labelStyle(zoom) {
    const z = (v) => Math.max(v * zoom, 0.1);
    return {
      show: true,
      position: state.orient === "TB" ? "bottom" : "right",
      distance: 0,
      align: state.orient === "TB" ? "center" : "left",
      verticalAlign: state.orient === "TB" ? "top" : "middle",
      backgroundColor: "#fff", borderWidth: z(1.5), borderRadius: z(6),
      padding: [z(6), z(8), z(6), z(8)],
      width: z(NODE_W - 16), overflow: "truncate",
      shadowColor: "rgba(16, 24, 40, .12)", shadowBlur: z(6), shadowOffsetY: z(2),
      rich: {
        kind: {color: "#fff", fontSize: z(9), fontWeight: "bold", padding: [z(2), z(5)], borderRadius: z(3), lineHeight: z(18)},
        name: {color: "#111827", fontSize: z(12), fontWeight: "bold", lineHeight: z(15)},
        title: {color: "#4b5563", fontSize: z(10), lineHeight: z(13)},
        holder: {color: "#0b4f6c", fontSize: z(11), lineHeight: z(15)},
        vacant: {color: "#92400e", backgroundColor: "#fde68a", fontSize: z(10), fontWeight: "bold", padding: [z(1), z(6)], borderRadius: z(3), lineHeight: z(17)},
        meta: {color: "#6b7280", fontSize: z(9), lineHeight: z(14)},
        more: {color: "#0b4f6c", fontSize: z(9), fontWeight: "bold", lineHeight: z(14)},
      },
    };
  }

  function seriesView() {
    const series = (chart.getOption().series || [])[0] || {};
    return {zoom: series.zoom || state.zoom || 1, center: series.center || null};
  }

  // The tree's view: a layout point p (relative to the series box at state.left/top) shows
  // on screen at zoom * (p + offset - center) + defaultCenter (ECharts' View transform).
  function view() {
    const model = chart.getModel && chart.getModel();
    const series = model && model.getSeriesByIndex(0);
    const cs = series && series.coordinateSystem;
    if (!cs || !cs.getDefaultCenter) return null;
    return {data: series.getData(), base: cs.getDefaultCenter(), center: cs.getCenter(), zoom: cs.getZoom()};
  }

  function layoutOf(v, id) {
    for (let i = 0; i < v.data.count(); i++) {
      if (v.data.getId(i) === id) return v.data.getItemLayout(i);
    }
    return null;
  }

  function screenOf(v, p) {
    return [
      v.zoom * (p.x + state.left - v.center[0]) + v.base[0],
      v.zoom * (p.y + state.top - v.center[1]) + v.base[1],
    ];
  }

  // The view center that shows layout point p at screen point `target`.
  function centerFor(v, p, target) {
    return [
      p.x + state.left - (target[0] - v.base[0]) / v.zoom,
      p.y + state.top - (target[1] - v.base[1]) / v.zoom,
    ];
  }

  function render(options) {
    options = options || {};
    const b = boxFor();
    const zoom = options.zoom != null ? options.zoom : Math.min(1, Math.max(b.fit, 0.85));
    state.zoom = zoom;
    const left = (b.cw - b.w) / 2;
    const top = (b.ch - b.h) / 2;
    state.left = left;
    state.top = top;
    chart.setOption({
      textStyle: {fontFamily: FONT},
      tooltip: {show: false},
      series: [{
        type: "tree",
        data: [toItem(state.root)],
        orient: state.orient,
        layout: "orthogonal",
        edgeShape: "polyline",
        edgeForkPosition: state.orient === "TB" ? "82%" : "88%",
        left: left, top: top, width: Math.max(b.w, 1), height: Math.max(b.h, 1),
        right: null, bottom: null,
        roam: true,
        zoom: zoom,
        center: null,
        scaleLimit: {min: 0.1, max: 2.5},
        expandAndCollapse: false,
        initialTreeDepth: -1,
        symbol: "circle",
        symbolSize: 9,
        lineStyle: {color: "#b9c3cd", width: 1.4},
        // The card hangs below (TB) or right of (LR) its node, so every card of a level
        // starts on the same line and the edges run from card to card.
        label: labelStyle(zoom),
        emphasis: {focus: "none", label: {borderWidth: 2.5 * zoom}},
        animation: options.animate !== false,
        animationDuration: 300,
        animationDurationUpdate: 300,
      }],
    }, {replaceMerge: ["series"]});
    // Where should the view be? Keep a clicked node where it was on screen; otherwise put
    // the root near the top (TB) or the left (LR) when the tree does not fit.
    const v = view();
    let center = null;
    if (v && options.anchor) {
      const now = layoutOf(v, options.anchor.id);
      if (now) {
        center = centerFor(v, now, options.anchor.screen);
        // Bring a branch just opened into sight, keeping the clicked card on screen.
        const node = findNode(options.anchor.id);
        if (node && !node.collapsed) {
          const axis = state.orient === "TB" ? 1 : 0;
          const card = (state.orient === "TB" ? 140 : NODE_W) * zoom;
          let far = -Infinity;
          node.children.forEach((child) => {
            const at = layoutOf(v, state.mode + "-" + child.raw.id);
            if (at) far = Math.max(far, axis ? at.y - now.y : at.x - now.x);
          });
          const limit = axis ? b.ch : b.cw;
          const overflow = options.anchor.screen[axis] + far * zoom + card - (limit - 10);
          if (far > -Infinity && overflow > 0) {
            center[axis] += Math.min(overflow, options.anchor.screen[axis] - 20) / zoom;
          }
        }
      }
    } else if (v && zoom > b.fit + 1e-6) {
      const root = layoutOf(v, state.mode + "-" + state.root.raw.id);
      if (root) center = centerFor(v, root, state.orient === "TB" ? [b.cw / 2, 24] : [24, b.ch / 2]);
    }
    if (center) chart.setOption({series: [{center: center}]});
  }

  let rescaling = false;
  function onRoam(event) {
    if (!event || event.zoom == null || rescaling) return;
    rescaling = true;
    window.requestAnimationFrame(() => {
      rescaling = false;
      const z = seriesView().zoom;
      state.zoom = z;
      chart.setOption({series: [{label: labelStyle(z), emphasis: {label: {borderWidth: 2.5 * z}}}]});
    });
  }
  chart.on("treeroam", onRoam);
  chart.on("treeRoam", onRoam);

  function findNode(key) {
    let found = null;
    walk(state.root, (n) => {
      if (state.mode + "-" + n.raw.id === key) found = n;
    });
    return found;
  }

  function currentZoom() {
    return seriesView().zoom;
  }

  function showPanel(node) {
    const d = node.raw;
    const kinds = state.mode === "unit" ? T.unit_kinds : T.position_kinds;
    panel.querySelector("[data-field=kind]").textContent = kinds[d.kind] || d.kind;
    panel.querySelector("[data-field=name]").textContent = state.mode === "unit" ? d.name : d.title;
    const detail = panel.querySelector("[data-field=detail]");
    detail.replaceChildren();
    const line = (text, cls) => {
      const div = document.createElement("div");
      div.textContent = text;
      if (cls) div.className = cls;
      detail.appendChild(div);
    };
    if (state.mode === "unit") {
      if (d.head_title) line(d.head_title, "text-body-secondary");
      line(d.holder ? (d.acting ? d.acting.toUpperCase() + " " : "") + d.holder : (d.head_title ? T.vacant : ""), d.holder ? "" : "text-warning-emphasis fw-semibold");
      line(count(T.positions, d.positions) + " · " + count(T.people, d.people) + " · " + count(T.subunits, node.children.length), "text-body-secondary");
    } else {
      line(d.unit, "text-body-secondary");
      line(d.holders > 1 ? count(T.holders, d.holders) : (d.holder || T.vacant), d.holder ? "" : "text-warning-emphasis fw-semibold");
    }
    const link = panel.querySelector("[data-field=link]");
    const pattern = state.mode === "unit" ? el.dataset.unitUrl : el.dataset.positionUrl;
    link.href = pattern.replace(/\/0\/$/, "/" + d.id + "/");
    link.firstChild.textContent = (state.mode === "unit" ? T.open_unit : T.open_position) + " ";
    panel.classList.remove("d-none");
  }

  function drawLegend() {
    legendEl.replaceChildren();
    const seen = new Set();
    walk(state.root, (n) => seen.add(n.raw.kind));
    const kinds = state.mode === "unit" ? T.unit_kinds : T.position_kinds;
    const colors = state.mode === "unit" ? UNIT_COLORS : POSITION_COLORS;
    Object.keys(kinds).filter((k) => seen.has(k)).forEach((k) => {
      const item = document.createElement("span");
      item.className = "legend-item";
      const swatch = document.createElement("span");
      swatch.className = "legend-swatch";
      swatch.style.backgroundColor = colors[k] || "#6c757d";
      item.append(swatch, document.createTextNode(kinds[k]));
      legendEl.appendChild(item);
    });
    const vacant = document.createElement("span");
    vacant.className = "legend-item";
    const sw = document.createElement("span");
    sw.className = "legend-swatch legend-vacant";
    vacant.append(sw, document.createTextNode(T.vacant));
    legendEl.appendChild(vacant);
  }

  function setStatus(text) {
    statusEl.textContent = text || "";
    statusEl.classList.toggle("d-none", !text);
  }

  function load() {
    setStatus(null);
    statusEl.classList.remove("d-none");
    const url = new URL(el.dataset.url, window.location.href);
    url.searchParams.set("mode", state.mode);
    fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then((r) => r.json().then((body) => ({ok: r.ok, body: body})))
      .then(({ok, body}) => {
        if (!ok) throw new Error(body.message || T.error);
        const roots = body.roots || [];
        if (!roots.length) {
          chart.clear();
          legendEl.replaceChildren();
          setStatus(T.empty);
          return;
        }
        const raw = roots.length === 1 ? roots[0] : {
          id: 0, name: document.title, title: document.title, kind: "", unit: "", holder: "",
          holders: 0, acting: "", children: roots,
        };
        state.root = build(raw, 0);
        if (!state.userOrient) {
          state.orient = state.root.children.length > 14 ? "LR" : "TB";
          document.getElementById(state.orient === "TB" ? "orient-tb" : "orient-lr").checked = true;
        }
        panel.classList.add("d-none");
        setStatus(null);
        drawLegend();
        render();
        el.dataset.ready = "1";
      })
      .catch((err) => {
        chart.clear();
        setStatus(err && err.message ? err.message : T.error);
      });
  }

  chart.on("click", (params) => {
    const node = params.data && findNode(params.data.id);
    if (!node) return;
    showPanel(node);
    if (!node.children.length) return;
    const v = view();
    const before = v && layoutOf(v, params.data.id);
    const screen = before ? screenOf(v, before) : null;
    node.collapsed = !node.collapsed;
    render({zoom: currentZoom(), anchor: screen ? {id: params.data.id, screen: screen} : null});
  });

  document.querySelectorAll("input[name=chart-mode]").forEach((input) => {
    input.addEventListener("change", () => {
      state.mode = input.value;
      load();
    });
  });
  document.querySelectorAll("input[name=chart-orient]").forEach((input) => {
    input.addEventListener("change", () => {
      state.orient = input.value;
      state.userOrient = true;
      if (state.root) render();
    });
  });
  document.querySelectorAll("[data-chart-action]").forEach((button) => {
    button.addEventListener("click", () => {
      const action = button.dataset.chartAction;
      if (action === "close-panel") {
        panel.classList.add("d-none");
        return;
      }
      if (!state.root) return;
      if (action === "expand") {
        walk(state.root, (n) => { n.collapsed = false; });
        render({zoom: Math.min(1, Math.max(boxFor().fit, 0.6))});
      } else if (action === "collapse") {
        walk(state.root, (n) => { n.collapsed = n.depth >= 1 && n.children.length > 0; });
        render();
      } else if (action === "fit") {
        render({zoom: Math.max(boxFor().fit, 0.08)});
      } else if (action === "download") {
        const a = document.createElement("a");
        a.href = chart.getDataURL({type: "png", pixelRatio: 2, backgroundColor: "#fff"});
        a.download = (el.dataset.fileName || "bagan") + ".png";
        document.body.appendChild(a);
        a.click();
        a.remove();
      }
    });
  });
  // Resize the canvas at once; re-centre the tree a moment after the last resize, without
  // animation (a screenshot or a rotating phone must not catch cards in mid-flight).
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    chart.resize({animation: {duration: 0}});
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (state.root) render({zoom: currentZoom(), animate: false});
    }, 250);
  });
  load();
})();
