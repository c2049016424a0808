(function(){
  "use strict";
  var form = document.getElementById("filters");
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var marks = Array.prototype.slice.call(document.querySelectorAll(".f[data-f],.fc[data-f]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody.seg"));
  var shown = document.getElementById("shown");
  var lit = [];

  function state(){
    var st = {sev: [], cat: [], only: false};
    Array.prototype.forEach.call(form.elements, function(el){
      if (el.name === "sev" && el.checked) st.sev.push(el.value);
      if (el.name === "cat" && el.checked) st.cat.push(el.value);
      if (el.name === "only") st.only = el.checked;
    });
    return st;
  }
  function fromHash(){
    var params = {};
    location.hash.replace(/^#/, "").split("&").forEach(function(kv){
      if (!kv) return;
      var i = kv.indexOf("=");
      params[decodeURIComponent(i < 0 ? kv : kv.slice(0, i))] = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1));
    });
    Array.prototype.forEach.call(form.elements, function(el){
      if ((el.name === "sev" || el.name === "cat") && params[el.name] !== undefined)
        el.checked = params[el.name].split(",").indexOf(el.value) >= 0;
      if (el.name === "only" && params.only !== undefined) el.checked = params.only === "1";
    });
    return params;
  }
  function toHash(st){
    var all = {sev: [], cat: []};
    Array.prototype.forEach.call(form.elements, function(el){ if (all[el.name]) all[el.name].push(el.value); });
    var parts = [];
    if (st.sev.length !== all.sev.length) parts.push("sev=" + st.sev.join(","));
    if (st.cat.length !== all.cat.length) parts.push("cat=" + st.cat.join(","));
    if (st.only) parts.push("only=1");
    var h = parts.length ? "#" + parts.join("&") : " ";
    if (history.replaceState) history.replaceState(null, "", h === " " ? location.pathname + location.search : h);
  }
  function apply(){
    var st = state(), visible = {}, n = 0;
    findings.forEach(function(li){
      var on = st.sev.indexOf(li.getAttribute("data-sev")) >= 0 && st.cat.indexOf(li.getAttribute("data-cat")) >= 0;
      visible[li.getAttribute("data-f")] = on;
      if (on) { li.removeAttribute("hidden"); n++; } else li.setAttribute("hidden", "");
    });
    marks.forEach(function(m){
      var on = m.getAttribute("data-f").split(" ").some(function(id){ return visible[id]; });
      m.classList.toggle("off", !on);
    });
    rows.forEach(function(tb){
      var keep = !st.only || tb.querySelector("li.finding:not([hidden])") !== null;
      if (keep) tb.removeAttribute("hidden"); else tb.setAttribute("hidden", "");
    });
    document.body.setAttribute("data-shown", String(n));
    shown.textContent = "Showing " + n + " of " + findings.length + " findings" +
      (st.only ? ", and only the segments that have them." : ".");
    return st;
  }
  function clear(){ lit.forEach(function(el){ el.classList.remove("hl"); }); lit = []; }
  function light(scope, attr, keys){
    keys.forEach(function(k){
      Array.prototype.forEach.call(scope.querySelectorAll("[" + attr + '~="' + k + '"]'), function(el){
        el.classList.add("hl"); lit.push(el);
      });
    });
  }
  function target(el){
    return el && el.closest ? el.closest("[data-l],[data-f]") : null;
  }
  function hover(el){
    clear();
    if (!el) return;
    var scope = el.closest("tbody.seg") || el.closest("section") || document;
    if (el.hasAttribute("data-l")) light(scope, "data-l", el.getAttribute("data-l").split(" "));
    if (el.hasAttribute("data-f")) light(scope, "data-f", el.getAttribute("data-f").split(" "));
  }
  document.addEventListener("mouseover", function(e){ hover(target(e.target)); });
  document.addEventListener("focusin", function(e){ hover(target(e.target)); });
  document.addEventListener("click", function(e){
    var li = e.target.closest ? e.target.closest("li.finding") : null;
    if (!li) return;
    var mark = document.querySelector('.f[data-f~="' + li.getAttribute("data-f") + '"]');
    if (mark) mark.scrollIntoView({block: "center"});
  });
  form.addEventListener("change", function(){ toHash(apply()); });
  var params = fromHash();
  apply();
  if (params.hl) {
    var el = document.querySelector('[data-l~="' + params.hl.replace(/"/g, "") + '"]');
    if (el) { hover(el); el.scrollIntoView({block: "center"}); }
  }
  if (params.focus) {
    var f = document.querySelector('li.finding[data-f="' + params.focus.replace(/"/g, "") + '"]');
    if (f) { hover(f); f.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", function(){ fromHash(); apply(); });
})();
