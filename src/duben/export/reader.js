/* duben reader: settings, the shared word card, keyboard moves and clean copying.
   One listener of each kind per reader (events are delegated), so the page stays light
   however long the text is. All text put into the page goes through textContent. */
(function () {
  "use strict";
  var KEY = "duben-reader-v1";
  var DEFAULTS = {pinyin: true, hsk: "0", tones: "pleco", sandhi: false, script: "display", size: "100"};

  function load() {
    var settings = {}, saved = null, k;
    for (k in DEFAULTS) settings[k] = DEFAULTS[k];
    try { saved = JSON.parse(window.localStorage.getItem(KEY) || "null"); } catch (e) { saved = null; }
    if (saved && typeof saved === "object") {
      for (k in DEFAULTS) if (Object.prototype.hasOwnProperty.call(saved, k) && typeof saved[k] === typeof DEFAULTS[k]) settings[k] = saved[k];
    }
    return settings;
  }

  function save(settings) {
    try { window.localStorage.setItem(KEY, JSON.stringify(settings)); } catch (e) { /* private mode, file:// quirks */ }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function init(root) {
    root.classList.remove("dr-nojs");
    var dataNode = root.querySelector("script.dr-data");
    var data = {words: [], glossary: {}};
    try { data = JSON.parse(dataNode.textContent); } catch (e) { /* keep the empty tables */ }
    var form = root.querySelector(".dr-controls");
    var text = root.querySelector(".dr-text");
    var card = root.querySelector(".dr-card");
    var settings = load();
    var current = null, hideTimer = null;

    function control(name) { return form ? form.elements.namedItem(name) : null; }

    function hasOption(select, value) {
      for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
      return false;
    }

    function apply() {
      root.classList.toggle("no-pinyin", !settings.pinyin);
      root.classList.toggle("sandhi", !!settings.sandhi && !!control("sandhi"));
      root.classList.toggle("display-script", settings.script === "display" && !!control("script"));
      root.setAttribute("data-hsk", control("hsk") ? settings.hsk : "0");
      var classes = root.className.split(/\s+/).filter(function (c) { return c.indexOf("tones-") !== 0; });
      classes.push("tones-" + settings.tones);
      root.className = classes.join(" ");
      root.style.setProperty("--scale", String(Number(settings.size) / 100));
      var out = control("sizeout");
      if (out) out.textContent = settings.size + "%";
      if (current) position(current);
    }

    function sync() {
      var c;
      if ((c = control("pinyin"))) c.checked = settings.pinyin;
      if ((c = control("sandhi"))) c.checked = settings.sandhi;
      if ((c = control("tones"))) { if (!hasOption(c, settings.tones)) settings.tones = DEFAULTS.tones; c.value = settings.tones; }
      if ((c = control("hsk"))) { if (!hasOption(c, settings.hsk)) settings.hsk = "0"; c.value = settings.hsk; }
      if ((c = control("script"))) { if (!hasOption(c, settings.script)) settings.script = DEFAULTS.script; c.value = settings.script; }
      if ((c = control("size"))) { c.value = settings.size; settings.size = c.value; }
    }

    /* Plain text of a node: no pinyin, no fallback brackets, only the script shown. */
    function plain(node) {
      var hidden = root.classList.contains("display-script") ? "st" : "sd";
      var out = [];
      (function walk(n) {
        if (n.nodeType === 3) { out.push(n.nodeValue); return; }
        if (n.nodeType !== 1 && n.nodeType !== 11) return;
        if (n.nodeType === 1) {
          var tag = n.tagName;
          if (tag === "RT" || tag === "RP" || tag === "SCRIPT" || tag === "STYLE" || (n.classList && n.classList.contains(hidden))) return;
        }
        for (var child = n.firstChild; child; child = child.nextSibling) walk(child);
        if (n.nodeType === 1 && /^(P|H[1-6]|LI|DT|DD)$/.test(n.tagName)) out.push("\n");
      })(node);
      return out.join("").replace(/\n{2,}/g, "\n").replace(/^\n+|\n+$/g, "");
    }

    function pinyinOf(word) {
      var rt = word.querySelector("rt");
      if (!rt) return null;
      var copy = rt.cloneNode(true);
      var drop = copy.querySelectorAll(root.classList.contains("sandhi") ? ".pc" : ".ps");
      for (var i = 0; i < drop.length; i++) drop[i].parentNode.removeChild(drop[i]);
      var span = el("span", "dc-py");
      span.setAttribute("lang", "zh-Latn-pinyin");
      while (copy.firstChild) span.appendChild(copy.firstChild);
      return span;
    }

    function fill(word) {
      while (card.firstChild) card.removeChild(card.firstChild);
      var head = el("p");
      var base = el("span", "dc-word", plain(word));
      var shown = word.querySelector(root.classList.contains("display-script") ? ".sd" : ".st");
      base.setAttribute("lang", (shown && shown.getAttribute("lang")) || (word.closest("[lang]") || root).getAttribute("lang") || "zh-Hans");
      head.appendChild(base);
      var py = pinyinOf(word);
      if (py) head.appendChild(py);
      card.appendChild(head);
      var term = word.closest(".term");
      var entry = term ? data.glossary[term.getAttribute("data-t")] : null;
      var info = word.hasAttribute("data-w") ? data.words[Number(word.getAttribute("data-w"))] : null;
      if (info) {
        var glosses = (info[0] || []).filter(function (g) { return !entry || g !== entry.gloss; });
        if (glosses.length) {
          var list = el("ol", "dc-gl");
          glosses.slice(0, 5).forEach(function (g) { list.appendChild(el("li", null, g)); });
          card.appendChild(list);
        }
        var meta = [];
        if (info[1] !== null && info[1] !== undefined) meta.push("HSK 3.0 level " + (info[1] >= 7 ? "7–9" : info[1]));
        if (info[2] !== null && info[2] !== undefined) meta.push("HSK 2.0 level " + info[2]);
        if (info[3] !== null && info[3] !== undefined) meta.push("frequency rank " + info[3]);
        if (meta.length) card.appendChild(el("p", "dc-meta", meta.join(" · ")));
      } else if (!entry) {
        card.appendChild(el("p", "dc-meta", "No dictionary gloss."));
      }
      if (entry) {
        var box = el("div", "dc-term");
        box.appendChild(el("p", "dc-label", "Policy term"));
        var name = el("p");
        var whole = plain(term) === plain(word);
        var zh = el("span", "dc-word", entry.term);
        zh.setAttribute("lang", "zh-Hans");
        name.appendChild(zh);
        var tpy = el("span", "dc-py", entry.pinyin);
        tpy.setAttribute("lang", "zh-Latn-pinyin");
        name.appendChild(tpy);
        if (!whole) box.appendChild(name);
        var gloss = el("p", "dc-gloss");
        gloss.appendChild(el("strong", null, entry.gloss));
        if (entry.official) { gloss.appendChild(document.createTextNode(" ")); gloss.appendChild(el("span", "official", "official rendering")); }
        box.appendChild(gloss);
        if (entry.literal) box.appendChild(el("p", null, "Literally: " + entry.literal));
        if (entry.explanation) box.appendChild(el("p", null, entry.explanation));
        if (entry.expansion && entry.expansion.length) {
          var items = el("ul");
          entry.expansion.forEach(function (x) {
            var li = el("li");
            var t = el("span", null, x[0]);
            t.setAttribute("lang", "zh-Hans");
            li.appendChild(t);
            if (x[1]) { var p = el("span", null, " " + x[1]); p.setAttribute("lang", "zh-Latn-pinyin"); li.appendChild(p); }
            if (x[2]) li.appendChild(document.createTextNode(": " + x[2]));
            items.appendChild(li);
          });
          box.appendChild(items);
        }
        var link = el("a", null, "Glossary entry ↓");
        link.setAttribute("href", entry.href);
        var more = el("p");
        more.appendChild(link);
        box.appendChild(more);
        card.appendChild(box);
      }
    }

    function position(word) {
      card.style.maxHeight = "";
      var r = word.getBoundingClientRect();
      var w = card.offsetWidth, h = card.offsetHeight;
      var vw = document.documentElement.clientWidth, vh = window.innerHeight;
      var below = vh - r.bottom - 14, above = r.top - 14, top;
      if (h <= below || (h > above && below >= above)) {
        top = r.bottom + 6;
        if (h > below) card.style.maxHeight = Math.max(below, 80) + "px";
      } else {
        if (h > above) { card.style.maxHeight = Math.max(above, 80) + "px"; h = card.offsetHeight; }
        top = r.top - h - 6;
      }
      card.style.left = Math.max(8, Math.min(r.left, vw - w - 8)) + "px";
      card.style.top = top + "px";
    }

    function show(word) {
      clearTimeout(hideTimer);
      if (current && current !== word) { current.classList.remove("dr-active"); current.removeAttribute("aria-describedby"); }
      current = word;
      fill(word);
      card.hidden = false;
      word.classList.add("dr-active");
      word.setAttribute("aria-describedby", card.id);
      position(word);
    }

    function hide() {
      clearTimeout(hideTimer);
      if (current) { current.classList.remove("dr-active"); current.removeAttribute("aria-describedby"); }
      current = null;
      card.hidden = true;
    }

    function hideSoon() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 250); }

    function wordOf(target) { return target && target.closest ? target.closest(".w") : null; }

    function words() { return text.querySelectorAll(".w"); }

    function move(from, step) {
      var all = words();
      var i = Array.prototype.indexOf.call(all, from) + step;
      if (i >= 0 && i < all.length) all[i].focus();
    }

    function copyText(value) {
      var status = control("status");
      function done(ok) { if (status) status.textContent = ok ? "Copied " + value.length + " characters." : "Copying failed: select the text and copy it instead."; }
      function fallback() {
        var area = el("textarea");
        area.value = value;
        area.setAttribute("readonly", "");
        area.style.position = "fixed"; area.style.opacity = "0";
        root.appendChild(area);
        area.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        root.removeChild(area);
        done(ok);
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).then(function () { done(true); }, fallback);
      } else {
        fallback();
      }
    }

    if (form) {
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.addEventListener("input", function (e) {
        var t = e.target;
        if (!t.name || t.name === "copy") return;
        if (t.type === "checkbox") settings[t.name] = t.checked;
        else if (Object.prototype.hasOwnProperty.call(DEFAULTS, t.name)) settings[t.name] = t.value;
        apply();
        save(settings);
      });
      var copy = control("copy");
      if (copy) copy.addEventListener("click", function () { copyText(plain(text)); });
    }

    /* Hovering opens the card at once; moving on to another word while a card is open
       waits a moment, so that the pointer can cross other words on its way to the card. */
    var switchTimer = null;
    text.addEventListener("mouseover", function (e) {
      var w = wordOf(e.target);
      clearTimeout(switchTimer);
      if (!w || w === current) { if (w) clearTimeout(hideTimer); return; }
      if (card.hidden) show(w);
      else switchTimer = setTimeout(function () { show(w); }, 180);
    });
    text.addEventListener("mouseout", function (e) { if (wordOf(e.target) && !card.contains(e.relatedTarget)) hideSoon(); });
    text.addEventListener("focusin", function (e) { var w = wordOf(e.target); if (w) show(w); });
    text.addEventListener("focusout", function (e) { if (!card.contains(e.relatedTarget) && !wordOf(e.relatedTarget)) hide(); });
    text.addEventListener("click", function (e) { var w = wordOf(e.target); if (w) show(w); });
    document.addEventListener("click", function (e) { if (current && !wordOf(e.target) && !card.contains(e.target)) hide(); });
    card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); clearTimeout(switchTimer); });
    card.addEventListener("mouseleave", hideSoon);
    text.addEventListener("keydown", function (e) {
      var w = wordOf(e.target);
      if (!w) return;
      if (e.key === "ArrowRight" || e.key === "ArrowDown") { move(w, 1); e.preventDefault(); }
      else if (e.key === "ArrowLeft" || e.key === "ArrowUp") { move(w, -1); e.preventDefault(); }
      else if (e.key === "Home" || e.key === "End") {
        var inBlock = w.parentNode.closest("p,h1,h2,h3,h4,h5,h6") || text;
        var list = inBlock.querySelectorAll(".w");
        if (list.length) list[e.key === "Home" ? 0 : list.length - 1].focus();
        e.preventDefault();
      } else if (e.key === "Escape") { hide(); }
      else if (e.key === "Enter") {
        var term = w.closest(".term");
        var entry = term ? data.glossary[term.getAttribute("data-t")] : null;
        if (entry) {
          var target = document.getElementById(entry.href.slice(1));
          if (target) { hide(); target.setAttribute("tabindex", "-1"); target.focus(); target.scrollIntoView({block: "start"}); }
          e.preventDefault();
        }
      }
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && current) hide(); });
    window.addEventListener("scroll", function () { if (current) position(current); }, {passive: true});
    window.addEventListener("resize", function () { if (current) position(current); });
    text.addEventListener("copy", function (e) {
      var selection = window.getSelection();
      if (!selection || selection.isCollapsed || !e.clipboardData) return;
      var parts = [];
      for (var i = 0; i < selection.rangeCount; i++) parts.push(plain(selection.getRangeAt(i).cloneContents()));
      e.clipboardData.setData("text/plain", parts.join("\n"));
      e.preventDefault();
    });

    sync();
    apply();
  }

  var roots = document.querySelectorAll(".duben.dr-nojs");
  for (var i = 0; i < roots.length; i++) init(roots[i]);
})();
