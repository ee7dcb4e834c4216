/**
 * Native Excel charts added to a package exceljs has written (exceljs writes none). For each
 * sheet with a `ChartModel`: a chart part (a clustered column chart over the model's two
 * columns: categories, then values), a drawing part anchoring it over the model's range, their
 * relationships, the sheet's `<drawing>` element and the content types. The chart holds only
 * cell references, no cached numbers: Excel and LibreOffice draw it from the cells they compute.
 */
import type JSZip from "jszip";
import { columnLetter, parseCellAddress, sheetReference } from "../../core/template";
import type { ChartModel, WorkbookModel } from "../../core/template";

const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  main: "http://schemas.openxmlformats.org/drawingml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRel: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

const TYPES = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
} as const;

const REL_TYPES = {
  chart: `${NS.rel}/chart`,
  drawing: `${NS.rel}/drawing`,
} as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** "B5:C9" → the category and value ranges as absolute references on `sheet`. */
function seriesRanges(sheet: string, source: string): { categories: string; values: string } {
  const [first, last = first] = source.split(":");
  const a = parseCellAddress(first);
  const b = parseCellAddress(last);
  if (b.col !== a.col + 1) throw new Error(`Diagramm: ${source} sind nicht zwei nebeneinander liegende Spalten.`);
  const range = (c: number): string => sheetReference(sheet, `$${columnLetter(c)}$${a.row}:$${columnLetter(c)}$${b.row}`);
  return { categories: range(a.col), values: range(b.col) };
}

export function chartXml(sheet: string, chart: ChartModel): string {
  const { categories, values } = seriesRanges(sheet, chart.source);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.seriesName ?? chart.title)}</c:v></c:tx>` +
    `<c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeXml(categories)}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(values)}</c:f></c:numRef></c:val>` +
    `</c:ser>` +
    `<c:gapWidth val="80"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml('#,##0 "€"')}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

/** The drawing that places chart `rId1` over `position` (0-based anchors: from its first cell to past its last). */
export function drawingXml(position: string, name: string): string {
  const [first, last = first] = position.split(":");
  const a = parseCellAddress(first);
  const b = parseCellAddress(last);
  const anchor = (tag: string, col: number, row: number): string =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.main}">` +
    `<xdr:twoCellAnchor editAs="oneCell">` +
    anchor("from", a.col - 1, a.row - 1) +
    anchor("to", b.col, b.row) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function relationshipsXml(entries: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRel}">` +
    entries.map((e) => `<Relationship Id="${e.id}" Type="${e.type}" Target="${escapeXml(e.target)}"/>`).join("") +
    `</Relationships>`
  );
}

/** Elements that follow `<drawing>` in a worksheet (CT_Worksheet's order); it goes before the first present. */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];

function withDrawing(sheetXml: string, relId: string): string {
  if (sheetXml.includes("<drawing ")) throw new Error("Das Blatt hat schon eine Zeichnung.");
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) throw new Error("Tabellenblatt ohne </worksheet>.");
  const root = /<worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
  // The r: prefix must be declared on the root (exceljs declares it; a bare root gets it added).
  const xml = root.includes("xmlns:r=") ? sheetXml : sheetXml.replace(root, root.replace(/>$/, ` xmlns:r="${NS.rel}">`));
  const shift = xml.length - sheetXml.length;
  return `${xml.slice(0, at + shift)}<drawing r:id="${relId}"/>${xml.slice(at + shift)}`;
}

/** The worksheet part of each sheet, by its position in xl/workbook.xml, through the workbook's relationships. */
async function worksheetParts(zip: JSZip): Promise<string[]> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/\bId="([^"]+)"/.exec(m[0])?.[1], /\bTarget="([^"]+)"/.exec(m[0])?.[1]]));
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (!target) throw new Error("xl/workbook.xml: ein Blatt ohne Teil.");
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  });
}

/** Adds every chart of the model to the package exceljs wrote. */
export async function addCharts(zip: JSZip, model: WorkbookModel): Promise<void> {
  const charted = model.sheets.map((s, i) => ({ sheet: s, index: i })).filter((x) => x.sheet.chart);
  if (charted.length === 0) return;
  const parts = await worksheetParts(zip);
  const overrides: string[] = [];
  for (const [k, { sheet, index }] of charted.entries()) {
    const n = k + 1;
    const chart = sheet.chart!;
    const part = parts[index];
    const sheetXml = await zip.file(part)?.async("string");
    if (sheetXml === undefined) throw new Error(`exceljs hat ${part} nicht geschrieben.`);
    zip.file(`xl/charts/chart${n}.xml`, chartXml(sheet.name, chart));
    zip.file(`xl/drawings/drawing${n}.xml`, drawingXml(chart.position, `Diagramm ${n}`));
    zip.file(`xl/drawings/_rels/drawing${n}.xml.rels`, relationshipsXml([{ id: "rId1", type: REL_TYPES.chart, target: `../charts/chart${n}.xml` }]));
    const folder = part.slice(0, part.lastIndexOf("/"));
    const relsPart = `${folder}/_rels/${part.slice(folder.length + 1)}.rels`;
    const relId = "rIdQmChart1";
    const existing = await zip.file(relsPart)?.async("string");
    const relation = `<Relationship Id="${relId}" Type="${REL_TYPES.drawing}" Target="../drawings/drawing${n}.xml"/>`;
    zip.file(
      relsPart,
      existing ? existing.replace("</Relationships>", `${relation}</Relationships>`) : relationshipsXml([{ id: relId, type: REL_TYPES.drawing, target: `../drawings/drawing${n}.xml` }]),
    );
    zip.file(part, withDrawing(sheetXml, relId));
    overrides.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${TYPES.chart}"/>`);
    overrides.push(`<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="${TYPES.drawing}"/>`);
  }
  const typesPart = "[Content_Types].xml";
  const types = await zip.file(typesPart)?.async("string");
  if (types === undefined) throw new Error("exceljs hat keine [Content_Types].xml geschrieben.");
  zip.file(typesPart, types.replace("</Types>", `${overrides.join("")}</Types>`));
}
