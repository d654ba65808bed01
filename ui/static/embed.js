/*
 * The compact chat behind the widget (/embed?agency=…&year=…&title=…): a plain page that calls
 * /api/ask with the scope from its URL and shows each answer with its citations.
 * All text goes into the page through textContent, never innerHTML, so nothing in a question,
 * an answer or a report is ever run as markup.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var agency = params.get("agency") || "";
  var year = params.get("year") || "";
  var title = params.get("title") || "政府信息公开年报问答";
  var history = [];
  var log = document.getElementById("log");
  var form = document.getElementById("ask");
  var input = document.getElementById("q");
  var send = document.getElementById("send");

  document.title = title;
  document.getElementById("scope").textContent =
    agency || year ? "查询范围：" + agency + (year ? " " + year + "年" : "") + "的报告" : "查询范围：全部报告";

  var examples = agency
    ? [agency + (year ? year + "年" : "") + "收到多少件政府信息公开申请？", "其中商业企业申请了多少件？"]
    : ["收到多少件政府信息公开申请？"];
  var box = document.getElementById("examples");
  examples.forEach(function (q) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = q;
    b.addEventListener("click", function () { input.value = q; ask(q); });
    box.appendChild(b);
  });

  function bubble(kind, text) {
    var div = document.createElement("div");
    div.className = "msg " + kind;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function show(div, answer) {
    div.textContent = answer.answer;
    div.className = "msg bot " + answer.status;
    var cites = answer.citations || [];
    if (cites.length) {
      var ol = document.createElement("ol");
      ol.className = "cites";
      ol.setAttribute("aria-label", "出处");
      cites.forEach(function (c) {
        var li = document.createElement("li");
        li.textContent = c.text + (c.page && c.text.indexOf("第" + c.page + "页") !== 0 ? "（第" + c.page + "页）" : "");
        ol.appendChild(li);
      });
      div.appendChild(ol);
    }
    log.scrollTop = log.scrollHeight;
  }

  function ask(question) {
    question = question.trim();
    if (!question) return;
    bubble("user", question);
    var pending = bubble("bot", "正在查找…");
    send.disabled = true;
    input.value = "";
    var body = { question: question, history: history.slice(-6), filters: {} };
    if (agency) body.filters.agency = agency;
    if (/^\d{4}$/.test(year)) body.filters.year = Number(year);
    fetch(new URL("api/ask", location.href), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(function (answer) {
        show(pending, answer);
        history.push({ role: "user", content: question }, { role: "assistant", content: answer.answer });
      })
      .catch(function (e) {
        pending.textContent = "暂时无法回答（" + e.message + "），请稍后再试。";
        pending.className = "msg bot refused";
      })
      .then(function () { send.disabled = false; input.focus(); });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    ask(input.value);
  });
})();
