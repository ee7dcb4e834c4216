import { excelRound } from "../../src/preview/host/engine/roundPlugin";
import { createSimulatedHost } from "../../src/preview/host";

describe("ROUND in the simulated host rounds as Excel does", () => {
  test.each([
    [69970.065, 2, 69970.07],
    [2.675, 2, 2.68],
    [-2.675, 2, -2.68],
    [1.005, 2, 1.01],
    [0.285, 2, 0.29],
    [1234.5, 0, 1235],
    [-1234.5, 0, -1235],
    [1250, -2, 1300],
    [1.2344999, 2, 1.23],
  ])("ROUND(%p, %p) = %p", (x, places, want) => {
    expect(excelRound(x, places)).toBe(want);
  });

  test("in a formula: a product exactly half a cent is rounded up (HyperFormula alone gives a cent less)", () => {
    const host = createSimulatedHost({ workbook: { sheets: { S: { A1: 0.5, B1: 2.01, C1: "=ROUND(A1*B1,2)", D1: "=ROUND(2.675,2)", E1: "=ROUND(2.5)" } } } });
    const sheet = host.workbook.findSheet("S")!;
    const at = (col: number) => host.workbook.cellView(sheet, 0, col).value;
    // 0,5 × 2,01 = 1,005 in decimals, 1,00499999… as a double: Excel shows 1,01; and the classic 2,675 → 2,68.
    expect(at(2)).toBe(1.01);
    expect(at(3)).toBe(2.68);
    expect(at(4)).toBe(3);
  });
});
