// Block Kit drawn as HTML, as close to Slack's own look as CSS allows (slack.css). Loaded into the page by
// render.mjs; window.renderSlack(item, px) draws one message, App Home view or modal into #host and returns
// (window.measureSlack) what a person would trip over (a table wider than the message, text that runs out of its box).
// An approximation: Slack's real client is not available outside Slack.
(() => {
  const EMOJI = {
    white_check_mark: "✅", warning: "⚠️", x: "❌", lock: "🔒", bell: "🔔", calendar: "📆", memo: "📝",
    large_green_circle: "🟢", large_orange_circle: "🟠", red_circle: "🔴", large_yellow_circle: "🟡",
    hourglass_flowing_sand: "⏳", pushpin: "📌", no_entry: "⛔", tada: "🎉", eyes: "👀", rotating_light: "🚨",
    chart_with_upwards_trend: "📈", bar_chart: "📊", newspaper: "🗞️", triangular_flag_on_post: "🚩",
    shield: "🛡️", mag: "🔎", test_tube: "🧪", ballot_box_with_check: "☑️", watermelon: "🍉", zzz: "💤",
    information_source: "ℹ️", point_right: "👉", thumbsup: "👍", "+1": "👍", clipboard: "📋", link: "🔗",
  };

  const esc = (s) => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const emoji = (s) => s.replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] ?? m);

  // mrkdwn (already escaped by whoever built the block: &amp; &lt; &gt;) to HTML.
  function inline(s) {
    const codes = [];
    s = s.replace(/`([^`\n]+)`/g, (_, c) => `\u0000${codes.push(c) - 1}\u0000`);
    s = s.replace(/<([^<>|]+)(?:\|([^<>]+))?>/g, (m, target, label) => {
      if (target.startsWith("@")) return `<span class="mention">@${label ?? target.slice(1)}</span>`;
      if (target.startsWith("#")) return `<span class="mention">#${label ?? target.slice(1)}</span>`;
      if (target.startsWith("!")) return `<span class="mention">@${label ?? target.slice(1).split("^")[0]}</span>`;
      return `<a href="${target}">${label ?? target}</a>`;
    });
    s = s.replace(/&lt;(https?:\/\/[^|&]+)\|([^&]+)&gt;/g, '<a href="$1">$2</a>');
    const edge = "(^|[\\s(>\\u0000_~*])";
    const end = "(?=$|[\\s).,;:!?'\"<\\u0000_~*])";
    s = s.replace(new RegExp(`${edge}\\*(\\S(?:[^*\\n]*?\\S)?)\\*${end}`, "g"), "$1<b>$2</b>");
    s = s.replace(new RegExp(`${edge}_(\\S(?:[^_\\n]*?\\S)?)_${end}`, "g"), "$1<i>$2</i>");
    s = s.replace(new RegExp(`${edge}~(\\S(?:[^~\\n]*?\\S)?)~${end}`, "g"), "$1<s>$2</s>");
    s = emoji(s);
    return s.replace(/\u0000(\d+)\u0000/g, (_, i) => `<code>${codes[+i]}</code>`);
  }

  function mrkdwn(text) {
    const parts = String(text).split("```");
    return parts
      .map((part, i) => {
        if (i % 2 === 1) return `<pre>${part.replace(/^\n/, "")}</pre>`;
        const lines = part.split("\n");
        const out = [];
        for (const line of lines) {
          out.push(line.startsWith("&gt; ") ? `<span class="quote">${inline(line.slice(5))}</span>` : inline(line));
        }
        return out.join("<br>");
      })
      .join("");
  }

  // markdown (the `markdown` block: standard Markdown, as the AI-era block takes it).
  function markdown(text) {
    return mrkdwn(esc(text).replace(/\*\*([^*\n]+)\*\*/g, "*$1*").replace(/\[([^\]]+)\]\(([^)]+)\)/g, "<$2|$1>"));
  }

  function textObj(t) {
    if (!t) return "";
    return t.type === "mrkdwn" ? mrkdwn(t.text) : emoji(esc(t.text));
  }

  function richText(block) {
    const run = (el) => {
      if (el.type === "text") {
        let h = esc(el.text).replace(/\n/g, "<br>");
        const st = el.style || {};
        if (st.code) h = `<code>${h}</code>`;
        if (st.bold) h = `<b>${h}</b>`;
        if (st.italic) h = `<i>${h}</i>`;
        if (st.strike) h = `<s>${h}</s>`;
        return h;
      }
      if (el.type === "link") return `<a href="${esc(el.url)}">${esc(el.text || el.url)}</a>`;
      if (el.type === "emoji") return EMOJI[el.name] ?? (el.unicode ? String.fromCodePoint(...el.unicode.split("-").map((x) => parseInt(x, 16))) : `:${el.name}:`);
      if (el.type === "user") return `<span class="mention">@${esc(el.user_id)}</span>`;
      if (el.type === "channel") return `<span class="mention">#${esc(el.channel_id)}</span>`;
      return "";
    };
    const section = (s) => (s.elements || []).map(run).join("");
    return (block.elements || [])
      .map((s) => {
        if (s.type === "rich_text_section") return `<div>${section(s)}</div>`;
        if (s.type === "rich_text_preformatted") return `<pre>${section(s)}</pre>`;
        if (s.type === "rich_text_quote") return `<span class="quote">${section(s)}</span>`;
        if (s.type === "rich_text_list") {
          const tag = s.style === "ordered" ? "ol" : "ul";
          return `<${tag}>${(s.elements || []).map((li) => `<li>${section(li)}</li>`).join("")}</${tag}>`;
        }
        return "";
      })
      .join("");
  }

  function element(el) {
    switch (el.type) {
      case "button": {
        const style = el.style ? ` ${el.style}` : "";
        return `<button class="btn${style}" title="${esc(el.text.text)}">${emoji(esc(el.text.text))}</button>`;
      }
      case "overflow":
        return `<button class="btn overflow" title="${esc((el.options || []).map((o) => o.text.text).join(" · "))}">⋮</button>`;
      case "static_select":
      case "external_select":
      case "conversations_select":
      case "channels_select": {
        const chosen = el.initial_option ? el.initial_option.text.text : el.placeholder ? el.placeholder.text : "Select an item";
        return `<span class="select${el.initial_option ? "" : " placeholder"}">${emoji(esc(chosen))}<span class="caret">⌄</span></span>`;
      }
      case "users_select":
        return `<span class="select${el.initial_user ? "" : " placeholder"}">${el.initial_user ? "@" + esc(el.initial_user) : "Select a person"}<span class="caret">⌄</span></span>`;
      case "multi_users_select": {
        const users = el.initial_users || [];
        return `<span class="select multi${users.length ? "" : " placeholder"}">${users.length ? users.map((u) => `<span class="chip">@${esc(u)}</span>`).join("") : "Select people"}<span class="caret">⌄</span></span>`;
      }
      case "datepicker":
        return `<span class="select date${el.initial_date ? "" : " placeholder"}">📆 ${esc(el.initial_date || (el.placeholder ? el.placeholder.text : "Select a date"))}</span>`;
      case "plain_text_input":
        return `<span class="textinput${el.multiline ? " multiline" : ""}${el.initial_value ? "" : " placeholder"}">${esc(el.initial_value || (el.placeholder ? el.placeholder.text : ""))}</span>`;
      case "number_input":
        return `<span class="textinput${el.initial_value ? "" : " placeholder"}">${esc(el.initial_value || "")}</span>`;
      case "image":
        return `<img class="ctx-img" src="${esc(el.image_url)}" alt="${esc(el.alt_text)}">`;
      case "checkboxes":
      case "radio_buttons":
        return (el.options || []).map((o) => `<label class="choice">${el.type === "checkboxes" ? "☐" : "○"} ${textObj(o.text)}</label>`).join("");
      default:
        return `<span class="unknown">[${esc(el.type)}]</span>`;
    }
  }

  function table(block) {
    const settings = block.column_settings || [];
    const cell = (c) => (c.type === "raw_text" ? emoji(esc(c.text)) : c.type === "rich_text" ? richText(c) : textObj(c));
    const rows = (block.rows || [])
      .map((row, r) => {
        const tag = r === 0 ? "th" : "td";
        return `<tr>${row
          .map((c, i) => {
            const s = settings[i] || {};
            const cls = [s.align ? `align-${s.align}` : "", s.is_wrapped ? "wrap" : ""].join(" ").trim();
            return `<${tag} class="${cls}">${cell(c)}</${tag}>`;
          })
          .join("")}</tr>`;
      })
      .join("");
    return `<div class="table-scroll"><table class="bk-table">${rows}</table></div>`;
  }

  function block(b) {
    switch (b.type) {
      case "header":
        return `<div class="bk header">${emoji(esc(b.text.text))}</div>`;
      case "section": {
        const text = b.text ? `<div class="text">${textObj(b.text)}</div>` : "";
        const fields = b.fields ? `<div class="fields">${b.fields.map((f) => `<div class="field">${textObj(f)}</div>`).join("")}</div>` : "";
        const acc = b.accessory ? `<div class="accessory">${b.accessory.type === "image" ? `<img class="acc-img" src="${esc(b.accessory.image_url)}" alt="${esc(b.accessory.alt_text)}">` : element(b.accessory)}</div>` : "";
        return `<div class="bk section"><div class="main">${text}${fields}</div>${acc}</div>`;
      }
      case "context":
        return `<div class="bk context">${b.elements.map((e) => (e.type === "image" ? element(e) : `<span>${textObj(e)}</span>`)).join("")}</div>`;
      case "divider":
        return `<div class="bk divider"></div>`;
      case "actions":
        return `<div class="bk actions">${b.elements.map(element).join("")}</div>`;
      case "image": {
        const title = b.title ? `<div class="img-title">${textObj(b.title)}</div>` : "";
        // An uploaded file (slack_file) is the message's next chart, when it has one; else a marked placeholder.
        const src = b.image_url || (b.slack_file && uploads.length ? uploads.shift().src : "");
        if (!src) return `<div class="bk image">${title}<div class="unknown">[image: ${esc(b.alt_text)}]</div></div>`;
        return `<div class="bk image">${title}<img src="${esc(src)}" alt="${esc(b.alt_text)}"></div>`;
      }
      case "input": {
        const optional = b.optional ? ' <span class="optional">(optional)</span>' : "";
        const hint = b.hint ? `<div class="hint">${textObj(b.hint)}</div>` : "";
        return `<div class="bk input"><label>${emoji(esc(b.label.text))}${optional}</label>${element(b.element)}${hint}</div>`;
      }
      case "table":
        return `<div class="bk table">${table(b)}</div>`;
      case "rich_text":
        return `<div class="bk rich">${richText(b)}</div>`;
      case "markdown":
        return `<div class="bk section"><div class="main"><div class="text">${markdown(b.text)}</div></div></div>`;
      default:
        return `<div class="bk unknown">[${esc(b.type)} block]</div>`;
    }
  }

  let uploads = []; // the message's charts not yet shown by an image block
  const blocks = (list) => (list || []).map(block).join("");

  function files(list, phone) {
    if (!list || !list.length) return "";
    const shown = list
      .map((f) => `<div class="file"><div class="file-title">${esc(f.title)}</div><img src="${f.src}" alt="${esc(f.alt)}"></div>`)
      .join("");
    return `<div class="thread"><div class="thread-head">Rounds replied in the thread (${list.length} ${list.length === 1 ? "file" : "files"})</div>${shown}</div>`;
  }

  const AVATAR = '<div class="avatar">R</div>';
  const NAME = '<span class="name">Rounds</span><span class="app">APP</span><span class="time">8:05 AM</span>';

  function message(item, phone) {
    uploads = [...(item.files || [])];
    const body = item.payload.blocks ? blocks(item.payload.blocks) : `<div class="text">${mrkdwn(item.payload.text)}</div>`;
    const place = item.place ? (item.where === "dm" ? "Rounds · direct message" : item.place) : "";
    const ephemeral = item.where === "ephemeral" ? '<div class="ephemeral">👁 Only visible to you</div>' : "";
    return `<div class="pane-head">${esc(place)}</div>
      <div class="msg${item.where === "ephemeral" ? " is-ephemeral" : ""}">${ephemeral}
        <div class="msg-row">${AVATAR}<div class="msg-body"><div class="msg-head">${NAME}</div>
        ${body}
        ${files(uploads, phone)}</div></div></div>`;
  }

  function home(item) {
    uploads = [...(item.files || [])];
    return `<div class="home-head">${AVATAR}<span class="name">Rounds</span></div>
      <div class="tabs"><span class="tab on">Home</span><span class="tab">Messages</span><span class="tab">About</span></div>
      <div class="home-body">${blocks(item.payload.blocks)}</div>`;
  }

  function modal(item) {
    const v = item.payload;
    const submit = v.submit ? `<button class="btn primary">${esc(v.submit.text)}</button>` : "";
    const close = v.close ? `<button class="btn">${esc(v.close.text)}</button>` : "";
    return `<div class="modal"><div class="modal-head">${AVATAR}<span class="modal-title">${esc(v.title.text)}</span><span class="x">✕</span></div>
      <div class="modal-body">${blocks(v.blocks)}</div>
      <div class="modal-foot">${close}${submit}</div></div>`;
  }

  window.renderSlack = (item, px, phone) => {
    const host = document.getElementById("host");
    host.innerHTML = "";
    const frame = document.createElement("div");
    const surface = item.payload.type === "home" ? "home" : item.payload.type === "modal" ? "modal" : "message";
    frame.className = `frame slack ${surface}${phone ? " phone" : ""}`;
    frame.style.width = `${px}px`;
    frame.innerHTML = surface === "home" ? home(item) : surface === "modal" ? modal(item) : message(item, phone);
    host.appendChild(frame);
  };

  window.measureSlack = () => {
    const frame = document.querySelector("#host > .frame");
    const findings = [];
    for (const t of frame.querySelectorAll(".table-scroll")) {
      if (t.scrollWidth > t.clientWidth + 1) findings.push(`table is ${t.scrollWidth} px wide in ${t.clientWidth} px: it scrolls sideways`);
    }
    for (const el of frame.querySelectorAll(".bk, .btn, .select, .field")) {
      if (el.scrollWidth > el.clientWidth + 1 && !el.closest(".table-scroll")) {
        findings.push(`${el.className.split(" ").pop()} overflows (${el.scrollWidth} px in ${el.clientWidth} px): "${el.textContent.trim().slice(0, 40)}"`);
      }
    }
    for (const u of frame.querySelectorAll(".unknown")) findings.push(`not drawn: ${u.textContent}`);
    for (const img of frame.querySelectorAll("img")) {
      if (!img.complete || img.naturalWidth === 0) findings.push(`image not drawn: ${img.alt || img.src.slice(0, 40)}`);
      else if (img.naturalWidth < img.clientWidth) findings.push(`image stretched: ${img.naturalWidth} px drawn ${img.clientWidth} px wide`);
    }
    return findings;
  };
})();
