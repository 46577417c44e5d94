// Draws the payloads tools/cards/pictures.py wrote, in headless Chromium, into PNG files, and notes what a
// person would trip over. Teams: the official Adaptive Cards renderer (npm adaptivecards) with the
// Microsoft Teams light host config and container CSS (npm adaptivecards-designer). Slack: slack.js/slack.css.
//
//   node tools/cards/render.mjs PAYLOADS.json OUT_DIR
//
// CHROMIUM names the browser (default /usr/bin/chromium, Debian's package). CARDS_SCALE the pixel ratio (2).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const pkg = (name, file) => join(dirname(require.resolve(`${name}/package.json`)), file);

export const WIDTHS = {
  teams: { desktop: 500, phone: 340 }, // the card's own width (Teams mobile draws cards 340 px wide)
  slack: { desktop: 600, phone: 375 }, // the message pane
};
// Segoe UI is Windows' and Teams' font; where it is missing, Open Sans is the nearest free one Debian has.
const TEAMS_FONT = "'Segoe UI', 'Selawik', 'Open Sans', 'Noto Sans', sans-serif";

const [payloadsPath, outDir] = process.argv.slice(2);
if (!payloadsPath || !outDir) {
  console.error("usage: node render.mjs PAYLOADS.json OUT_DIR");
  process.exit(2);
}
const items = JSON.parse(readFileSync(payloadsPath, "utf8"));
const hostConfig = JSON.parse(readFileSync(pkg("adaptivecards-designer", "lib/hostConfigs/microsoft-teams-light.json"), "utf8"));
for (const type of Object.values(hostConfig.fontTypes || {})) if (type.fontFamily?.includes("Segoe")) type.fontFamily = TEAMS_FONT;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--font-render-hinting=none", "--disable-gpu"],
});
const scale = Number(process.env.CARDS_SCALE || 2);
const context = await browser.newContext({ viewport: { width: 900, height: 800 }, deviceScaleFactor: scale });

async function teamsPage() {
  const page = await context.newPage();
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body><div id="host"></div></body></html>`);
  await page.addStyleTag({ path: pkg("adaptivecards-designer", "dist/containers/teams-container-light.css") });
  await page.addStyleTag({ path: join(here, "teams.css") });
  await page.addScriptTag({ path: pkg("markdown-it", "dist/markdown-it.min.js") });
  await page.addScriptTag({ path: pkg("adaptivecards", "dist/adaptivecards.min.js") });
  await page.evaluate((font) => {
    const md = window.markdownit();
    AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = md.render(text);
      result.didProcess = true;
    };
    document.documentElement.style.setProperty("--teams-font", font);
  }, TEAMS_FONT);
  return page;
}

async function slackPage() {
  const page = await context.newPage();
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body><div id="host"></div></body></html>`);
  await page.addStyleTag({ path: join(here, "slack.css") });
  await page.addScriptTag({ path: join(here, "slack.js") });
  return page;
}

// In the page: parse with the official renderer, draw into a Teams-like frame, measure.
function renderTeams({ item, px, phone, hostConfig }) {
  const host = document.getElementById("host");
  host.innerHTML = "";
  const findings = [];
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  const ctx = new AdaptiveCards.SerializationContext();
  card.parse(item.payload, ctx);
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    findings.push(`parse: ${e.message}`);
  }
  for (const issue of card.validateProperties().validationEvents) findings.push(`validation: ${issue.message}`);
  const frame = document.createElement("div");
  frame.className = `frame teams${phone ? " phone" : ""}`;
  const head = document.createElement("div");
  head.className = "who";
  head.innerHTML = `<span class="bot">R</span><b>Rounds</b> <span class="when">8:05 AM</span>`;
  const bubble = document.createElement("div");
  bubble.className = "teams-card";
  bubble.style.width = `${px}px`;
  const rendered = card.render();
  if (!rendered) findings.push("the renderer drew nothing");
  else bubble.appendChild(rendered);
  frame.append(head, bubble);
  host.appendChild(frame);
  return findings;
}

function measureTeams() {
  const findings = [];
  const bubble = document.querySelector(".teams-card");
  for (const b of bubble.querySelectorAll("button.ac-pushButton")) {
    const cut = [b, ...b.querySelectorAll("*")].some((el) => el.scrollWidth > el.clientWidth + 1);
    if (cut && b.offsetParent !== null) {
      findings.push(`button title cut: "${(b.getAttribute("aria-label") || b.title || b.textContent).trim()}" (${b.clientWidth} px)`);
    }
  }
  for (const t of bubble.querySelectorAll(".ac-textBlock")) {
    if (t.offsetParent !== null && [t, ...t.querySelectorAll("*")].some((el) => el.scrollWidth > el.clientWidth + 1)) {
      const where = t.closest(".ac-table, table, [role=table]") ? "table cell cut" : "text cut";
      findings.push(`${where}: "${t.textContent.trim().slice(0, 50)}" (${t.clientWidth} px)`);
    }
  }
  // A wrapping TextBlock breaks a word that does not fit its column mid-word ("Proje|ct"): find such words.
  const ruler = document.createElement("canvas").getContext("2d");
  const broken = { "table cells": [], text: [] };
  for (const t of bubble.querySelectorAll(".ac-textBlock")) {
    if (t.offsetParent === null || t.clientWidth === 0) continue;
    const style = getComputedStyle(t.querySelector("p") || t);
    ruler.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const where = t.closest(".ac-table, table, [role=table]") ? "table cells" : "text";
    for (const w of t.textContent.split(/[\s\u200b]+/)) {  // a zero-width space is a break opportunity too
      if (w && ruler.measureText(w).width > t.clientWidth + 0.5) broken[where].push([w, t.clientWidth]);
    }
  }
  for (const [where, words] of Object.entries(broken)) {
    if (!words.length) continue;
    const px = words.map(([, w]) => w);
    const shown = [...new Set(words.map(([w]) => w))].slice(0, 6).join('", "');
    findings.push(`${where} ${Math.min(...px)}–${Math.max(...px)} px wide break ${words.length} words mid-word: "${shown}"…`);
  }
  for (const t of bubble.querySelectorAll("table, .ac-table, [role=table]")) {
    if (t.offsetParent !== null && t.getBoundingClientRect().right > bubble.getBoundingClientRect().right + 1) {
      findings.push(`table is wider than the card (${Math.round(t.getBoundingClientRect().width)} px)`);
    }
  }
  const root = bubble.firstElementChild;
  if (root && root.scrollWidth > root.clientWidth + 1) findings.push(`card content is ${root.scrollWidth} px wide in ${root.clientWidth} px`);
  for (const img of bubble.querySelectorAll("img")) {
    if (!img.complete || img.naturalWidth === 0) findings.push(`image not drawn: ${img.alt || img.src.slice(0, 40)}`);
    else if (img.naturalWidth < img.clientWidth) findings.push(`image stretched: ${img.naturalWidth} px drawn ${img.clientWidth} px wide`);
  }
  return findings;
}

function openShowCards() {
  const closed = [...document.querySelectorAll(".teams-card button.ac-pushButton[aria-expanded=false]")];
  for (const b of closed) b.click();
  return closed.length > 0;
}

async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => (img.complete ? null : img.decode().catch(() => null))));
  });
}

const results = [];
const started = Date.now();
const pages = { teams: await teamsPage(), slack: await slackPage() };
for (const item of items) {
  const page = pages[item.platform];
  for (const [width, px] of Object.entries(WIDTHS[item.platform])) {
    const phone = width === "phone";
    const file = `${item.platform}-${item.kind}-${width}.png`;
    const t0 = Date.now();
    let findings;
    try {
      if (item.platform === "teams") {
        findings = await page.evaluate(renderTeams, { item, px, phone, hostConfig });
        await settle(page);
        findings.push(...(await page.evaluate(measureTeams)));
      } else {
        await page.evaluate(({ item, px, phone }) => window.renderSlack(item, px, phone), { item, px, phone });
        await settle(page);
        findings = await page.evaluate(() => window.measureSlack());
      }
      await page.locator("#host > .frame").screenshot({ path: join(outDir, file), animations: "disabled" });
    } catch (e) {
      findings = [`failed: ${String(e.message || e).split("\n")[0]}`];
    }
    findings = [...new Set(findings)];
    results.push({ kind: item.kind, about: item.about, platform: item.platform, where: item.where, width, px, file, findings, ms: Date.now() - t0 });
    if (item.platform === "teams" && (await page.evaluate(openShowCards))) {
      // The same card with every "More…" (Action.ShowCard) opened: the actions a phone keeps one tap away.
      const more = file.replace(/\.png$/, "-more.png");
      const t1 = Date.now();
      await settle(page);
      const found = [...new Set(await page.evaluate(measureTeams))];
      await page.locator("#host > .frame").screenshot({ path: join(outDir, more), animations: "disabled" });
      results.push({ kind: `${item.kind} (More… open)`, about: item.about, platform: item.platform, where: item.where, width, px, file: more, findings: found, ms: Date.now() - t1 });
    }
  }
}
await browser.close();
writeFileSync(join(outDir, "results.json"), JSON.stringify(results, null, 1));
console.log(`drew ${results.length} pictures in ${((Date.now() - started) / 1000).toFixed(1)} s`);
