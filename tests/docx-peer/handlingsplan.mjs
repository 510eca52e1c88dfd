// The handlingsplan built with the npm package docx (9.x) from the JSON export of the same plan snapshot the C#
// builder renders (tests/AsfPlatform.Benchmarks/Reports exports it). Same content: cover, table of contents,
// numbered sections with their stored text, process goals, budget and organisation tables, Bilaga 1 activity
// tables per process goal, Bilaga 2 indicator table with status shading and a bullet list per indicator, header
// and "Sida X av Y" footer. docx has no native charts, and the handlingsplan has none.
//
//   node handlingsplan.mjs [export.json] [iterations] [--out file.docx]
// Builds the document `iterations` times after a warm-up and prints the warm time per document.
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageBreak, PageNumber, Paragraph,
  ShadingType, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType,
} from "docx";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? args.splice(outIndex, 2)[1] : null;
const path = args[0] ?? process.env.ASF_PEER_JSON ?? join(tmpdir(), "asf-handlingsplan-2017.json");
const iterations = Number(args[1] ?? 200);
const data = JSON.parse(readFileSync(path, "utf8"));

const nbsp = "\u00a0";
const number = (v, decimals = 2) => {
  const [int, frac] = Math.abs(v).toFixed(decimals).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, nbsp);
  const f = frac?.replace(/0+$/, "");
  return (v < 0 ? "-" : "") + grouped + (f ? "," + f : "");
};
const money = (v) => number(Math.round(v), 0) + nbsp + "kr";
const statusWords = { Achieved: "Uppnått", OnTrack: "I fas", AtRisk: "Risk", OffTrack: "Ej i fas", NoData: "Saknar data" };
const statusFill = { Achieved: "E2F0D9", OnTrack: "DDEBF7", AtRisk: "FFF2CC", OffTrack: "F8D7DA", NoData: "EDEDED" };
const value = (kind, v) => v == null ? "saknar data"
  : kind === "Milestone" ? (v > 0 ? "Ja" : "Nej")
  : kind === "GrowthRelativeToBaseline" ? (v > 0 ? "+" : "") + number(v, 1) + nbsp + "%"
  : kind === "Rate" ? number(v, 1) + nbsp + "%" : number(v, 1);

const cell = (text, { bold = false, header = false, fill, align } = {}) => new TableCell({
  children: [new Paragraph({ alignment: align, children: [new TextRun({ text, bold: bold || header, color: header ? "FFFFFF" : undefined })] })],
  shading: header ? { type: ShadingType.CLEAR, fill: "1F3864", color: "auto" } : fill ? { type: ShadingType.CLEAR, fill, color: "auto" } : undefined,
});
const table = (headers, widths, rows) => new Table({
  width: { size: 100, type: WidthType.PERCENTAGE },
  rows: [
    new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => cell(h, { header: true })) }),
    ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => typeof c === "string" ? cell(c) : cell(c.text, c)) })),
  ],
  columnWidths: widths.map((w) => Math.round(9638 * w / 100)),
});
const heading = (text, level, numbered = true) => new Paragraph({
  text, heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1],
  numbering: numbered ? { reference: "headings", level: level - 1 } : undefined,
});
const bullets = (items) => items.map((t) => new Paragraph({ text: t, bullet: { level: 0 } }));

function storedText(text, level) {
  const out = [];
  for (const raw of (text ?? "").replace(/\r\n/g, "\n").split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("- ") || line.startsWith("• ")) out.push(...bullets([line.slice(2).trim()]));
    else if (/^\d+(\.\d+)+\s+\p{Lu}[^.:;]*$/u.test(line) && line.length <= 80) out.push(heading(line.replace(/^\S+\s+/, ""), Math.min(level, 3)));
    else out.push(new Paragraph({ text: line }));
  }
  return out;
}

function build() {
  const { plan, indicators, year } = data;
  const evaluations = new Map(indicators.map((e) => [e.indicatorId, e]));
  const body = [];
  // Cover
  body.push(new Paragraph({ children: [new TextRun({ text: data.owner.toUpperCase(), color: "2E74B5" })] }));
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, text: `Handlingsplan ${year}` }));
  body.push(new Paragraph({ text: data.insats ?? plan.title }));
  for (const [label, v] of [["Ägare", data.owner], ["Period", `${year}-01-01 – ${year}-12-31`], ["Version", String(data.version)]])
    body.push(new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun({ text: "\t" + v })] }));
  body.push(new Paragraph({ children: [new PageBreak()] }));
  body.push(new TableOfContents("Innehållsförteckning", { hyperlink: true, headingStyleRange: "1-3" }));
  body.push(new Paragraph({ children: [new PageBreak()] }));
  // Sections, with goals, budget and organisation where the C# plugin puts them
  for (const s of plan.sections) {
    const level = Math.min(s.number.split(".").length, 3);
    body.push(heading(s.title, level), ...storedText(s.text, Math.min(level + 1, 3)));
    if (s.title.startsWith("Processmål"))
      for (const g of plan.goals) body.push(new Paragraph({ children: [new TextRun({ text: `Processmål ${g.id}: `, bold: true }), new TextRun(g.text)] }));
    if (s.title.startsWith("Finansiering")) {
      const total = plan.budget.reduce((a, b) => a + b.amount, 0);
      body.push(table(["Budgetpost", "Belopp"], [70, 30], [...plan.budget.map((b) => [b.title, { text: money(b.amount), align: AlignmentType.RIGHT }]),
        [{ text: "Summa", bold: true }, { text: money(total), bold: true, align: AlignmentType.RIGHT }]]));
      body.push(new Paragraph({ text: `Budgeten för ${year} uppgår till sammanlagt ${money(total)}.` }));
    }
    if (s.title.startsWith("Organisation")) {
      const roles = new Map();
      for (const r of plan.organisation) roles.set(r.role, [...(roles.get(r.role) ?? []), r]);
      body.push(table(["Roll", "Funktion"], [30, 70], [...roles].map(([role, rs]) => [{ text: role, bold: true }, rs.map((r) => r.title).join(", ")])));
    }
  }
  // Bilaga 1
  body.push(new Paragraph({ children: [new PageBreak()] }), heading("Bilaga 1 – Aktivitetsplan", 1, false));
  for (const g of plan.goals) {
    const acts = plan.activities.filter((a) => a.goalId === g.id);
    if (!acts.length) continue;
    body.push(heading(`Processmål ${g.id}`, 2, false), new Paragraph({ children: [new TextRun({ text: g.text, italics: true })] }));
    body.push(table(["Aktivitet", "Hur", "Ansvarig", "När"], [22, 38, 24, 16], acts.map((a) => [a.activity, a.how, a.responsible, a.when])));
  }
  // Bilaga 2
  body.push(new Paragraph({ children: [new PageBreak()] }), heading("Bilaga 2 – Indikatorer för att mäta måluppfyllelse och effekt av insatsen", 1, false));
  body.push(new Paragraph({ text: `Utfall och status per ${data.asOf}, beräknade ur de registrerade uppgifterna.` }));
  body.push(table(["Indikator", "Utgångsläge", "Målbild", "Utfall", "Status"], [26, 20, 20, 19, 15], plan.indicators.map((d) => {
    const e = evaluations.get(d.id);
    const status = e?.status ?? "NoData";
    return [d.title, d.baselineValue != null ? `${value(d.kind, d.baselineValue)} (${d.baselineDate})` : "–",
      `${value(d.kind, d.targetValue)} (${d.targetDate})`, { text: value(d.kind, e?.value), align: AlignmentType.RIGHT },
      { text: statusWords[status], bold: true, fill: statusFill[status], align: AlignmentType.CENTER }];
  })));
  for (const d of plan.indicators) {
    const e = evaluations.get(d.id);
    body.push(new Paragraph({ children: [new TextRun({ text: d.title, bold: true })] }));
    const lines = [`Målbild: ${d.targetText ?? value(d.kind, d.targetValue)}`];
    if (d.goalId) lines.push(`Processmål: ${d.goalId}`);
    if (e) lines.push(`Utfall per ${data.asOf}: ${value(e.kind, e.value)} – ${e.statusText.toLowerCase()}`, `Källa: ${e.source}`);
    if (d.note) lines.push(`Kommentar: ${d.note}`);
    body.push(...bullets(lines));
  }

  return new Document({
    creator: data.owner, title: `Handlingsplan ${year}`, features: { updateFields: true },
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    numbering: { config: [{ reference: "headings", levels: [
      { level: 0, format: LevelFormat.DECIMAL, text: "%1.", style: { paragraph: { indent: { left: 432, hanging: 432 } } } },
      { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2", style: { paragraph: { indent: { left: 576, hanging: 576 } } } },
      { level: 2, format: LevelFormat.DECIMAL, text: "%1.%2.%3", style: { paragraph: { indent: { left: 720, hanging: 720 } } } },
    ] }] },
    sections: [{
      properties: { titlePage: true },
      headers: { default: new Header({ children: [new Paragraph({ text: `${data.owner}\tHandlingsplan ${year}` })] }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [
        new TextRun({ children: ["Sida ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES] })] })] }) },
      children: body,
    }],
  });
}

const once = () => Packer.toBuffer(build());
if (out) writeFileSync(out, await once());
const warmup = Math.min(50, Math.max(5, Math.floor(iterations / 4)));
for (let i = 0; i < warmup; i++) await once();
const times = [];
let bytes = 0;
for (let i = 0; i < iterations; i++) {
  const start = process.hrtime.bigint();
  bytes = (await once()).length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`docx ${JSON.parse(readFileSync(new URL("./node_modules/docx/package.json", import.meta.url))).version} on node ${process.version}: ` +
  `handlingsplan ${data.year}, ${iterations} documents after ${warmup} warm-up, ${bytes} bytes each`);
console.log(`mean ${mean.toFixed(2)} ms, median ${times[Math.floor(times.length / 2)].toFixed(2)} ms, ` +
  `p95 ${times[Math.floor(times.length * 0.95)].toFixed(2)} ms, min ${times[0].toFixed(2)} ms per document`);
