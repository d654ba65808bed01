/*
 * reportqa chat widget. Add to any page:
 *   <script src="https://HOST/widget.js" data-agency="厚街镇人民政府" data-year="2023"
 *           data-title="政府信息公开年报问答" data-position="right"></script>
 * It draws a chat bubble in the page corner; clicking it opens a small chat (an iframe of
 * HOST/embed) scoped to the agency and year given.
 *
 * Everything lives in a shadow root with its own styles, so the host page's CSS cannot reach in
 * and ours cannot leak out; no global names are defined and no host script is used.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || script.getAttribute("data-reportqa-loaded")) return;
  script.setAttribute("data-reportqa-loaded", "1");

  var base = new URL(".", script.src);
  var data = script.dataset;
  var title = data.title || "政府信息公开年报问答";
  var side = data.position === "left" ? "left" : "right";

  var params = new URLSearchParams();
  if (data.agency) params.set("agency", data.agency);
  if (data.year) params.set("year", data.year);
  params.set("title", title);
  var src = new URL("embed?" + params.toString(), base).href;

  // a custom element: no host-page rule for div, button or iframe can select it
  var host = document.createElement("reportqa-widget");
  host.style.cssText = "all:initial;position:fixed;z-index:2147483000;bottom:0;" + side + ":0;";
  var root = host.attachShadow({ mode: "open" });

  var style = document.createElement("style");
  style.textContent = [
    ":host{all:initial}",
    "*{box-sizing:border-box;font-family:'Noto Sans CJK SC','Microsoft YaHei',system-ui,sans-serif}",
    ".bubble{position:fixed;bottom:20px;" + side + ":20px;width:56px;height:56px;border-radius:50%;border:0;",
    "cursor:pointer;background:#2563eb;display:flex;align-items:center;justify-content:center;",
    "box-shadow:0 4px 14px rgba(0,0,0,.25);padding:0;margin:0}",
    ".bubble:focus-visible{outline:3px solid #93c5fd}",
    ".panel{position:fixed;bottom:88px;" + side + ":20px;width:min(380px,calc(100vw - 40px));",
    "height:min(560px,calc(100vh - 110px));background:#fff;border-radius:12px;overflow:hidden;",
    "box-shadow:0 8px 30px rgba(0,0,0,.3);display:none;flex-direction:column}",
    ".panel.open{display:flex}",
    ".bar{display:flex;align-items:center;justify-content:space-between;background:#2563eb;color:#fff;",
    "padding:8px 12px;font-size:15px;font-weight:600}",
    ".close{background:transparent;border:0;color:#fff;font-size:20px;cursor:pointer;line-height:1}",
    "iframe{border:0;width:100%;flex:1;background:#fff}"
  ].join("");

  var bubble = document.createElement("button");
  bubble.className = "bubble";
  bubble.type = "button";
  bubble.setAttribute("aria-label", title);
  // an inline SVG (a constant, no outside text): emoji fonts are missing on many machines
  bubble.innerHTML = '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" fill="none" ' +
    'stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">' +
    '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg>';

  var panel = document.createElement("div");
  panel.className = "panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", title);
  var bar = document.createElement("div");
  bar.className = "bar";
  var heading = document.createElement("span");
  heading.textContent = title;
  var close = document.createElement("button");
  close.className = "close";
  close.type = "button";
  close.setAttribute("aria-label", "关闭");
  close.textContent = "×";
  bar.appendChild(heading);
  bar.appendChild(close);
  panel.appendChild(bar);

  var frame = null;
  function toggle(open) {
    if (open && !frame) {
      // created on first open, so a page that never opens the chat loads nothing more
      frame = document.createElement("iframe");
      frame.src = src;
      frame.title = title;
      frame.setAttribute("referrerpolicy", "no-referrer");
      panel.appendChild(frame);
    }
    panel.classList.toggle("open", open);
    bubble.setAttribute("aria-expanded", open ? "true" : "false");
  }
  bubble.addEventListener("click", function () { toggle(!panel.classList.contains("open")); });
  close.addEventListener("click", function () { toggle(false); });

  root.appendChild(style);
  root.appendChild(panel);
  root.appendChild(bubble);
  function mount() { document.body.appendChild(host); }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
