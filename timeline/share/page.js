// The page of timeline.share.page: search the events, and zoom and pan the overview.
// The events are in the page as HTML (<li class="event">); the overview reads their times
// (fractional years, BC as negative astronomical years) from the JSON in #timeline-data.
(function () {
  "use strict";
  const events = JSON.parse(document.getElementById("timeline-data").textContent);
  const items = Array.from(document.querySelectorAll("li.event"));
  const words = items.map((li) => li.textContent.toLowerCase().replace(/\s+/g, " "));
  const search = document.getElementById("search");
  const status = document.getElementById("status");
  const svg = document.getElementById("overview");
  const NS = "http://www.w3.org/2000/svg";
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  let lo0 = Math.min(...events.map((e) => e.x0));
  let hi0 = Math.max(...events.map((e) => e.x1));
  if (!(hi0 - lo0 > 1 / 365)) { lo0 -= 1 / 365; hi0 += 1 / 365; }
  const pad = (hi0 - lo0) * 0.02;
  const whole = [lo0 - pad, hi0 + pad];
  let view = whole.slice();

  function utc(year, month, day) {  // milliseconds of a day, any year (astronomical)
    const d = new Date(0);
    d.setUTCFullYear(year, month, day);
    d.setUTCHours(0, 0, 0, 0);
    return d.getTime();
  }
  function yearAt(year, month, day) {  // the fractional year of a day
    const start = utc(year, 0, 1);
    return year + (utc(year, month, day) - start) / (utc(year + 1, 0, 1) - start);
  }
  function yearText(y) {
    return y <= 0 ? (1 - y) + " BC" : (y < 1000 ? "AD " + y : String(y));
  }
  function ticks(lo, hi, count) {  // [position, text] on whole days, months or years
    const span = hi - lo;
    const out = [];
    if (span * 365 <= count * 2) {  // days
      const step = Math.max(1, Math.ceil((span * 365) / count));
      for (let y = Math.floor(lo); y <= Math.ceil(hi); y++) {
        for (let m = 0; m < 12; m++) {
          for (let d = 1; d <= 31; d += step) {
            const x = yearAt(y, m, d);
            if (new Date(utc(y, m, d)).getUTCMonth() === m && x >= lo && x <= hi) {
              out.push([x, d + " " + MONTHS[m] + " " + yearText(y)]);
            }
          }
        }
      }
      return out;
    }
    if (span * 12 <= count * 1.5) {  // months
      const step = [1, 2, 3, 6].find((s) => (span * 12) / s <= count) || 6;
      for (let y = Math.floor(lo); y <= Math.ceil(hi); y++) {
        for (let m = 0; m < 12; m += step) {
          const x = yearAt(y, m, 1);
          if (x >= lo && x <= hi) out.push([x, MONTHS[m] + " " + yearText(y)]);
        }
      }
      return out;
    }
    let step = 1;  // 1, 2, 5, 10, 20, 50, ... years
    for (let k = 0; span / step > count; k++) step = [2, 5, 10][k % 3] * 10 ** Math.floor(k / 3);
    for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) out.push([y, yearText(y)]);
    return out;
  }

  function matches(i) {
    const query = search.value.trim().toLowerCase();
    return query.split(/\s+/).every((w) => words[i].includes(w));
  }
  function draw() {
    const width = svg.clientWidth || 800;
    const [lo, hi] = view;
    const at = (x) => ((x - lo) / (hi - lo)) * width;
    svg.replaceChildren();
    for (const [x, text] of ticks(lo, hi, Math.max(2, Math.floor(width / 110)))) {
      const line = document.createElementNS(NS, "line");
      line.setAttribute("x1", at(x)); line.setAttribute("x2", at(x));
      line.setAttribute("y1", 0); line.setAttribute("y2", 70);
      line.setAttribute("class", "tick");
      const label = document.createElementNS(NS, "text");
      label.setAttribute("x", at(x) + 3); label.setAttribute("y", 86);
      label.textContent = text;
      svg.append(line, label);
    }
    let shown = 0;
    events.forEach((e, i) => {
      const inView = e.x1 > lo && e.x0 < hi;
      const found = matches(i);
      items[i].hidden = !(inView && found);
      if (!items[i].hidden) shown++;
      if (!inView) return;
      const x0 = at(e.x0);
      const mark = document.createElementNS(NS, "rect");
      mark.setAttribute("x", Math.max(-5, x0 - (at(e.x1) - x0 < 6 ? 3 : 0)));
      mark.setAttribute("width", Math.min(width + 10, Math.max(6, at(e.x1) - x0)));
      mark.setAttribute("y", 4 + (i % 7) * 9); mark.setAttribute("height", 7);
      mark.setAttribute("fill", e.colour);
      mark.setAttribute("class", found ? "mark" : "mark faded");
      mark.dataset.i = i;
      const tip = document.createElementNS(NS, "title");
      tip.textContent = items[i].querySelector(".when").textContent + " · " +
        items[i].querySelector(".headline").textContent;
      mark.append(tip);
      svg.append(mark);
    });
    status.textContent = "Showing " + shown + " of " + events.length + " events";
  }
  function zoom(factor, centre) {
    const [lo, hi] = view;
    const c = centre === undefined ? (lo + hi) / 2 : centre;
    const span = Math.min(whole[1] - whole[0], Math.max(1 / 365 / 24, (hi - lo) * factor));
    const f = (c - lo) / (hi - lo);
    view = [c - f * span, c - f * span + span];
    draw();
  }
  search.addEventListener("input", draw);
  document.getElementById("zoom-in").addEventListener("click", () => zoom(0.5));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(2));
  document.getElementById("zoom-reset").addEventListener("click", () => { view = whole.slice(); draw(); });
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    const centre = view[0] + ((event.clientX - box.left) / box.width) * (view[1] - view[0]);
    zoom(event.deltaY < 0 ? 0.8 : 1.25, centre);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (event) => { drag = { x: event.clientX, view: view.slice() }; });
  window.addEventListener("pointerup", () => { drag = null; });
  window.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const shift = ((drag.x - event.clientX) / svg.clientWidth) * (drag.view[1] - drag.view[0]);
    view = [drag.view[0] + shift, drag.view[1] + shift];
    draw();
  });
  svg.addEventListener("click", (event) => {
    const i = event.target.dataset ? event.target.dataset.i : undefined;
    if (i === undefined) return;
    items[i].scrollIntoView({ block: "center" });
    items[i].classList.add("picked");
    setTimeout(() => items[i].classList.remove("picked"), 1500);
  });
  window.addEventListener("resize", draw);
  draw();
})();
