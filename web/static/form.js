// Progressive improvements of the response form; without JavaScript it works the same.
// Triad questions get a triangle to tap or drag a point in; the three numbers follow.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  // Corners: a top, b bottom left, c bottom right.
  var A = [150, 12], B = [12, 250], C = [288, 250];
  function weightsAt(x, y) {
    var d = (B[1] - C[1]) * (A[0] - C[0]) + (C[0] - B[0]) * (A[1] - C[1]);
    var wa = ((B[1] - C[1]) * (x - C[0]) + (C[0] - B[0]) * (y - C[1])) / d;
    var wb = ((C[1] - A[1]) * (x - C[0]) + (A[0] - C[0]) * (y - C[1])) / d;
    wa = Math.min(1, Math.max(0, wa)); wb = Math.min(1 - wa, Math.max(0, wb));
    var a = Math.round(wa * 100), b = Math.round(wb * 100);
    return [a, b, 100 - a - b];
  }
  function pointOf(w) {
    var s = w[0] + w[1] + w[2];
    if (s !== 100) return null;
    return [(A[0] * w[0] + B[0] * w[1] + C[0] * w[2]) / 100, (A[1] * w[0] + B[1] * w[1] + C[1] * w[2]) / 100];
  }
  document.querySelectorAll("[data-triad]").forEach(function (set) {
    var inputs = set.querySelectorAll("input[type=number]");
    var labels = set.querySelectorAll(".triad-part label");
    var svg = el("svg", { viewBox: "0 0 300 262", "class": "triangle", role: "presentation", "aria-hidden": "true" });
    svg.appendChild(el("polygon", { points: [A, B, C].map(function (p) { return p.join(","); }).join(" "), "class": "tri" }));
    var dot = el("circle", { r: 9, "class": "dot", visibility: "hidden" });
    svg.appendChild(dot);
    var legend = document.createElement("p");
    legend.className = "hint triad-poles";
    legend.textContent = "▲ " + labels[0].textContent + " · ◣ " + labels[1].textContent + " · ◢ " + labels[2].textContent;
    set.insertBefore(legend, set.querySelector(".triad-part"));
    set.insertBefore(svg, legend);
    function show() {
      var p = pointOf([0, 1, 2].map(function (i) { return parseInt(inputs[i].value, 10) || 0; }));
      if (p) { dot.setAttribute("cx", p[0]); dot.setAttribute("cy", p[1]); dot.setAttribute("visibility", "visible"); }
    }
    function place(ev) {
      var box = svg.getBoundingClientRect();
      var x = (ev.clientX - box.left) * 300 / box.width, y = (ev.clientY - box.top) * 262 / box.height;
      var w = weightsAt(x, y);
      for (var i = 0; i < 3; i++) inputs[i].value = w[i];
      show();
    }
    var dragging = false;
    svg.addEventListener("pointerdown", function (ev) { dragging = true; svg.setPointerCapture(ev.pointerId); place(ev); });
    svg.addEventListener("pointermove", function (ev) { if (dragging) place(ev); });
    svg.addEventListener("pointerup", function () { dragging = false; });
    inputs.forEach(function (i) { i.addEventListener("input", show); });
    show();
  });
  // Sliders: the page sends a list of steps (it works without JavaScript); here it becomes
  // a slider that stays unset, and sends nothing, until the participant moves it.
  document.querySelectorAll("[data-slider]").forEach(function (box) {
    var select = box.querySelector("select");
    if (!select) return;
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = select.name;
    hidden.value = select.value;
    var range = document.createElement("input");
    range.type = "range";
    range.min = "0"; range.max = "100"; range.step = "1";
    range.id = select.id;
    range.value = select.value === "" ? "50" : select.value;
    ["aria-describedby", "aria-required", "autofocus"].forEach(function (a) {
      if (select.hasAttribute(a)) range.setAttribute(a, select.getAttribute(a));
    });
    var low = document.createElement("span"); low.className = "pole"; low.textContent = box.dataset.low;
    var high = document.createElement("span"); high.className = "pole"; high.textContent = box.dataset.high;
    var out = document.createElement("output");
    out.className = "slider-value";
    out.setAttribute("aria-live", "polite");
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "link slider-clear";
    clear.textContent = box.dataset.clear;
    function show() {
      var unset = hidden.value === "";
      box.classList.toggle("unset", unset);
      out.textContent = unset ? box.dataset.unset : hidden.value;
      range.setAttribute("aria-valuetext", unset ? box.dataset.unset : hidden.value);
      clear.hidden = unset;
    }
    range.addEventListener("input", function () { hidden.value = range.value; show(); });
    // A tap on the thumb where it rests fires no input event; it is an answer too.
    range.addEventListener("click", function () { hidden.value = range.value; show(); });
    clear.addEventListener("click", function () { hidden.value = ""; range.value = "50"; show(); range.focus(); });
    select.remove();
    box.append(low, range, high, hidden, out, clear);
    show();
  });
})();
