import { CONTRACT } from "../../src/templates/contract";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import { NUMBER_FORMATS, cellInput, safeSheetName, uniqueSheetName } from "../../src/sheet/cell-plan";
import { defaultInputs, validateInputs } from "../../src/templates/validate";
import { readPayload, type Stored } from "../../src/workbook/payload";
import { payloadXml } from "../support/legacy-payload";
import { TEMPLATES } from "../../src/templates/catalog";
import { fingerprint, type Written } from "../../src/workbook/update-plan";
import type { Inputs, TemplateDecl } from "../../src/templates/model";
import { NORM_SHEET } from "../../src/templates/norm-sheet";
import { PRICE_PLAN } from "../../src/templates/price-plan";
import {
  CONTRACT_TWO_GRADES,
  NORM_BASKETS,
  PLAN_1961_65,
  PLAN_COOPERATIVE,
  PRICE_PLAN_BASKETS,
} from "../fixtures/samples";
import { expectGolden } from "../support/golden";
import { describePlan } from "../support/describe-plan";
import { planPages } from "../support/plan-pages";
import { LONG, pricePlanWithMaterials } from "../fixtures/long";
import { SAMPLES } from "../fixtures/samples";

describe("rendered templates (golden files)", () => {
  test.each([
    ["plan-1961-65.vi.txt", PLAN_TARGETS, PLAN_1961_65, "vi"],
    ["plan-cooperative.en.txt", PLAN_TARGETS, PLAN_COOPERATIVE, "en"],
    ["contract-two-grades.vi.txt", CONTRACT, CONTRACT_TWO_GRADES, "vi"],
    ["contract-two-grades.en.txt", CONTRACT, CONTRACT_TWO_GRADES, "en"],
    ["price-plan-baskets.vi.txt", PRICE_PLAN, PRICE_PLAN_BASKETS, "vi"],
    ["price-plan-baskets.en.txt", PRICE_PLAN, PRICE_PLAN_BASKETS, "en"],
    ["norm-sheet-baskets.vi.txt", NORM_SHEET, NORM_BASKETS, "vi"],
    ["norm-sheet-baskets.en.txt", NORM_SHEET, NORM_BASKETS, "en"],
  ] as const)("%s", (file, template, inputs, lang) => {
    expect(validateInputs(template, inputs)).toEqual([]);
    expectGolden(file, describePlan(renderTemplate(template, inputs, lang)));
  });

  test.each(TEMPLATES.flatMap((t) => (["vi", "en"] as const).map((lang) => [t.id, lang, t] as const)))(
    "%s (%s): every cell written and every cell of a ruled table has a look, so every adapter sets it at the top of its row",
    (_id, lang, template) => {
      for (const inputs of [SAMPLES[template.id], (LONG as Partial<Record<string, Inputs>>)[template.id]]) {
        if (!inputs) continue;
        const plan = renderTemplate(template, inputs, lang);
        const looked = new Set<string>();
        for (const { area } of plan.styles)
          for (let r = area.row; r < area.row + area.rows; r++)
            for (let c = area.col; c < area.col + area.cols; c++) looked.add(`${r},${c}`);
        const cells = plan.cells.map((c) => `${c.row},${c.col}`);
        for (const area of plan.borders)
          for (let r = area.row; r < area.row + area.rows; r++)
            for (let c = area.col; c < area.col + area.cols; c++) cells.push(`${r},${c}`);
        expect(cells.filter((k) => !looked.has(k))).toEqual([]);
      }
    },
  );

  test("a price plan's lines past the 26th of a group go on aa, ab …: every line's number is its own", () => {
    const plan = renderTemplate(PRICE_PLAN, pricePlanWithMaterials(60), "vi");
    const codes = plan.cells
      .filter((c) => c.col === 0 && "text" in c.content && /^\d/.test(c.content.text))
      .map((c) => (c.content as { text: string }).text);
    expect(codes).toEqual(expect.arrayContaining(["1.1a", "1.1z", "1.1aa", "1.1ah"]));
    expect(codes.filter((code, k) => codes.indexOf(code) !== k)).toEqual([]);
  });

  test("rendering is pure: the same inputs give the same plan, and the inputs are not changed", () => {
    const before = JSON.stringify(PLAN_COOPERATIVE);
    expect(renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi")).toEqual(
      renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi"),
    );
    expect(JSON.stringify(PLAN_COOPERATIVE)).toBe(before);
  });

  test("the 1961–65 plan computes growth and average annual growth with RRI over the named plan years", () => {
    const plan = renderTemplate(PLAN_TARGETS, PLAN_1961_65, "en");
    const formulas = plan.cells.flatMap((c) => ("formula" in c.content ? [c.content.formula] : []));
    expect(formulas).toContain('=IF(OR(N(G17)<=0,Years<=0),"",RRI(Years,G17,H17))');
    expect(formulas).toContain("=PlanYear-BaseYear");
    expect(plan.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["BaseYear", "PlanYear", "Years", "HoursPerWorker"]),
    );
  });

  test("the number of plan cells grows with the rows, the number of styles, formats and names does not", () => {
    const rows = (n: number): Inputs => ({
      ...PLAN_COOPERATIVE,
      tables: {
        ...PLAN_COOPERATIVE.tables,
        products: Array.from({ length: n }, (_, i) => ({
          name: `P${i}`,
          uom: "cái",
          baseQty: 10,
          planQty: 12,
          price: 1,
          timeNorm: 1,
        })),
        materials: [],
      },
    });
    const small = renderTemplate(PLAN_TARGETS, rows(10), "vi");
    const large = renderTemplate(PLAN_TARGETS, rows(1000), "vi");
    expect(large.cells.length).toBeGreaterThan(small.cells.length * 50);
    expect(large.styles.length).toBe(small.styles.length);
    expect(large.formats.length).toBe(small.formats.length);
    expect(large.names.length).toBe(small.names.length);
    expect(large.merges.length).toBe(small.merges.length);
  });
});

describe("text into cells is never code", () => {
  test.each(['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "'quoted", "1966-01-15", "12/5", "1.458"])(
    "user text %s is written with a leading apostrophe, so it stays text",
    (text) => {
      expect(cellInput({ text })).toBe(`'${text}`);
    },
  );

  test("plain text, numbers and the template's own formulas are written as they are", () => {
    expect(cellInput({ text: "Làn mây" })).toBe("Làn mây");
    expect(cellInput({ number: 12.5 })).toBe(12.5);
    expect(cellInput({ formula: "=SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
  });

  test("a unit name that starts with = lands in the plan as text, not a formula", () => {
    const plan = renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi");
    const unit = plan.cells.find((c) => "text" in c.content && c.content.text === "=HTX Mây tre Phú Vinh");
    expect(unit && cellInput(unit.content)).toBe("'=HTX Mây tre Phú Vinh");
  });
});

describe("sheet names", () => {
  test("characters Excel forbids are replaced and the name is cut to 31 characters", () => {
    expect(safeSheetName("HĐ 12/HĐKT")).toBe("HĐ 12-HĐKT");
    expect(safeSheetName("a[b]c:d*e?f\\g")).toBe("a-b-c-d-e-f-g");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
  });

  test("a taken name gets a number, compared without case", () => {
    expect(uniqueSheetName("KH 1965", ["kh 1965", "KH 1965 (2)"])).toBe("KH 1965 (3)");
  });
});

describe("form validation", () => {
  test("a fresh form of each template names every required field it lacks, in both languages", () => {
    for (const template of TEMPLATES) {
      const issues = validateInputs(template, defaultInputs(template, "vi"));
      const required = template.fields.filter((f) => f.required && !("default" in f && f.default !== undefined));
      for (const field of required) expect(issues.map((i) => i.path)).toContain(field.key);
      for (const issue of issues) {
        expect(issue.message.vi).not.toBe("");
        expect(issue.message.en).not.toBe("");
      }
    }
  });

  test("a plan year before the base year is refused on the plan-year field", () => {
    const inputs = { ...PLAN_1961_65, fields: { ...PLAN_1961_65.fields, planYear: 1959 } };
    expect(validateInputs(PLAN_TARGETS, inputs).map((i) => i.path)).toEqual(["planYear"]);
  });

  test("text in a number field and an unknown product are named by row and column", () => {
    const inputs: Inputs = {
      ...PLAN_COOPERATIVE,
      tables: {
        ...PLAN_COOPERATIVE.tables,
        products: [{ ...PLAN_COOPERATIVE.tables.products[0], planQty: "nhiều" }, PLAN_COOPERATIVE.tables.products[1]],
        materials: [{ product: "Ghế", material: "Gỗ", uom: "m3", norm: 1, stateSupplied: null }],
      },
    };
    expect(validateInputs(PLAN_TARGETS, inputs).map((i) => i.path)).toEqual([
      "products[0].planQty",
      "materials[0].product",
    ]);
  });

  test("a processing contract needs all the material supplied by the buyer", () => {
    const goods = CONTRACT_TWO_GRADES.tables.goods.map((g) => ({ ...g, supplied: 30 }));
    const issues = validateInputs(CONTRACT, {
      ...CONTRACT_TWO_GRADES,
      tables: { ...CONTRACT_TWO_GRADES.tables, goods },
    });
    expect(issues.map((i) => i.path)).toEqual(["goods[0].supplied", "goods[1].supplied"]);
  });

  test("deliveries must add up to 100 %", () => {
    const deliveries = [{ date: "1966-06-30", note: "", share: 0.6 }];
    const issues = validateInputs(CONTRACT, {
      ...CONTRACT_TWO_GRADES,
      tables: { ...CONTRACT_TWO_GRADES.tables, deliveries },
    });
    expect(issues.map((i) => i.path)).toEqual(["deliveries[]"]);
  });

  test("duplicate grade labels are refused", () => {
    const grades = [
      { label: "Loại 1", coef: 1 },
      { label: " loại 1", coef: 0.9 },
    ];
    const issues = validateInputs(CONTRACT, {
      ...CONTRACT_TWO_GRADES,
      tables: { ...CONTRACT_TWO_GRADES.tables, grades },
    });
    expect(issues.map((i) => i.path)).toContain("grades[1].label");
  });
});

describe("stored inputs in a custom XML part (the format before the state sheet)", () => {
  const stored: Stored = {
    template: "contract",
    lang: "vi",
    inputs: CONTRACT_TWO_GRADES,
    placement: { sheetId: "{A1B2}", row: 0, col: 0, rows: 59, cols: 15 },
    // A custom XML part was never written as a state row.
    version: 0,
  };

  test("read back exactly as written, including text with < & > and quotes", () => {
    const tricky = {
      ...stored,
      inputs: { ...stored.inputs, fields: { ...stored.inputs.fields, place: `<Hà Nội> & "Hải Phòng" ]]>` } },
    };
    expect(readPayload(payloadXml(tricky))).toEqual(tricky);
  });

  test("read back after Excel adds an XML declaration and a namespace prefix", () => {
    const xml = payloadXml(stored)
      .replace("<payload", '<?xml version="1.0" encoding="UTF-8"?>\n<ns0:payload')
      .replace("</payload>", "</ns0:payload>");
    expect(readPayload(xml)).toEqual(stored);
  });

  test("a year-by-year plan's fingerprint, whose entry rows are the years between two fields, is read back", () => {
    const plan = renderTemplate(PLAN_TARGETS, PLAN_1961_65, "vi");
    const written = fingerprint(plan, { row: 0, col: 0 });
    expect(written.entries.some((e) => typeof e.source !== "string")).toBe(true);
    const yearly: Stored = {
      template: "plan",
      lang: "vi",
      inputs: PLAN_1961_65,
      placement: { sheetId: "{A1B2}", row: 0, col: 0, rows: plan.rows, cols: plan.cols, name: "HT_Tabc", written },
      version: 0,
    };
    expect(readPayload(payloadXml(yearly))).toEqual(yearly);
    const broken = { ...written, entries: written.entries.map((e) => ({ ...e, source: { years: { from: 1960 } } })) };
    const xml = payloadXml({ ...yearly, placement: { ...yearly.placement, written: broken as unknown as Written } });
    expect("problem" in readPayload(xml)).toBe(true);
  });

  test.each([
    ["foreign XML", '<other xmlns="urn:x">{}</other>'],
    ["broken JSON", payloadXml(stored).replace("{", "{{")],
    ["another version", payloadXml(stored).replace('"version":1', '"version":9')],
    ["unknown template", payloadXml(stored).replace('"template":"contract"', '"template":"invoice"')],
    [
      "inputs that fail validation",
      payloadXml({ ...stored, inputs: { ...stored.inputs, fields: { ...stored.inputs.fields, contractNo: null } } }),
    ],
    ["a negative placement", payloadXml({ ...stored, placement: { ...stored.placement, row: -1 } })],
    [
      "a placement below Excel's last row",
      payloadXml({ ...stored, placement: { ...stored.placement, row: 2_000_000 } }),
    ],
    [
      "a placement past Excel's last column",
      payloadXml({ ...stored, placement: { ...stored.placement, col: 16_380 } }),
    ],
  ])("%s is refused with a message in both languages", (_what, xml) => {
    const result = readPayload(xml);
    expect("problem" in result).toBe(true);
    const { problem } = result as { problem: { vi: string; en: string } };
    expect(problem.vi).toMatch(/không thay đổi gì/);
    expect(problem.en).toMatch(/nothing was changed/);
  });
});

describe("a plan placed away from A1", () => {
  const { relocateFormula } = jest.requireActual(
    "../../src/sheet/cell-plan",
  ) as typeof import("../../src/sheet/cell-plan");

  test("moves every reference, relative or absolute, with the block", () => {
    expect(relocateFormula("=SUM($G$13:$G$14)+E13*F13", { row: 4, col: 1 })).toBe("=SUM($H$17:$H$18)+F17*G17");
    expect(relocateFormula("=Z1+AA2", { row: 0, col: 1 })).toBe("=AA1+AB2");
  });

  test("leaves names, function names, text and the sheet's own words alone", () => {
    const formula = '=IF(OR(N(G13)<=0,Years<=0),"A1 B2",RRI(Years,G13,H13))+LOG10(A1)+HT.COSTPRICE(A1,B2)';
    expect(relocateFormula(formula, { row: 1, col: 1 })).toBe(
      '=IF(OR(N(H14)<=0,Years<=0),"A1 B2",RRI(Years,H14,I14))+LOG10(B2)+HT.COSTPRICE(B2,C3)',
    );
  });
});

/** Every formula string in a declaration: formulas, totals, first rows, statement cells, in both languages. */
function declaredFormulas(node: unknown): string[] {
  if (typeof node === "string") return node.startsWith("=") ? [node] : [];
  if (Array.isArray(node)) return node.flatMap(declaredFormulas);
  if (node !== null && typeof node === "object") return Object.values(node).flatMap(declaredFormulas);
  return [];
}

describe("template formulas refer to the template's own names through placeholders", () => {
  test.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: no raw defined name in any declared formula",
    (_id, template) => {
      const samples: Record<string, Inputs> = {
        plan: PLAN_COOPERATIVE,
        contract: CONTRACT_TWO_GRADES,
        pricePlan: PRICE_PLAN_BASKETS,
        normSheet: NORM_BASKETS,
      };
      // The names any template defines: none of them may be written raw in any template's formulas.
      const names = TEMPLATES.flatMap((t) => renderTemplate(t, samples[t.id], "vi").names.map((n) => n.name));
      expect(names).toEqual(expect.arrayContaining(["Years", "HoursPerWorker", "GradeTable", "ContractValue"]));
      const formulas = declaredFormulas(template.blocks);
      expect(formulas.length).toBeGreaterThan(3);
      for (const formula of formulas) {
        const bare = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/\{[^}]*\}/g, "X");
        for (const name of names) expect(bare).not.toMatch(new RegExp(`(?<![A-Za-z0-9_.])${name}(?![A-Za-z0-9_(])`));
      }
    },
  );

  test("the rendered formula still reads the name, so a person sees Years, not $C$11", () => {
    const plan = renderTemplate(PLAN_TARGETS, PLAN_1961_65, "vi");
    const formulas = plan.cells.flatMap((c) => ("formula" in c.content ? [c.content.formula] : []));
    expect(formulas.some((f) => f.includes("RRI(Years,"))).toBe(true);
    expect(formulas.some((f) => f.includes("/HoursPerWorker,"))).toBe(true);
  });
});

describe("document features declared as data", () => {
  test.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s has the national heading, ruled tables, page numbers in the footer and a print area one page wide",
    (_id, template) => {
      const samples: Record<string, Inputs> = {
        plan: PLAN_1961_65,
        contract: CONTRACT_TWO_GRADES,
        pricePlan: PRICE_PLAN_BASKETS,
        normSheet: NORM_BASKETS,
      };
      for (const lang of ["vi", "en"] as const) {
        const plan = renderTemplate(template, samples[template.id], lang);
        const texts = plan.cells.flatMap((c) => ("text" in c.content ? [c.content.text] : []));
        expect(texts).toContain(
          lang === "vi" ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM",
        );
        expect(texts).toContain(lang === "vi" ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness");
        const motto = plan.cells.find(
          (c) => "text" in c.content && c.content.text.startsWith(lang === "vi" ? "Độc lập" : "Independence"),
        )!;
        expect(plan.styles.find((s) => s.area.row === motto.row && s.area.col === motto.col)?.style).toBe("motto");
        expect(texts.some((t) => /\(Ký, họ tên, đóng dấu\)|\(Signature, full name, seal\)/.test(t))).toBe(true);
        expect(plan.borders.length).toBeGreaterThan(0);
        // Every table of the sample fits on a page: none repeats a header (src/sheet/page-setup.ts).
        expect(plan.printTitles).toBeUndefined();
        expect(plan.footer).toBe(lang === "vi" ? "Trang &P/&N" : "Page &P of &N");
        expect(plan.printArea).toEqual({ row: 0, col: 0, rows: plan.rows, cols: plan.cols });
      }
    },
  );

  test("a blank date and number print as gaps to fill by hand", () => {
    const plan = renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi");
    const texts = plan.cells.flatMap((c) => ("text" in c.content ? [c.content.text] : []));
    expect(texts).toContain("Số: ……");
    expect(texts).toContain("Chương Mỹ, ngày … tháng … năm …");
  });

  test("đồng have no decimals and negative amounts show in parentheses; rates show one decimal", () => {
    expect(NUMBER_FORMATS.amount).toBe("#,##0;(#,##0)");
    expect(NUMBER_FORMATS.percent).toBe("0.0%");
  });
});

describe("validation of the new fields", () => {
  const contract = (fields: Record<string, unknown>, tables: Partial<Inputs["tables"]> = {}): Inputs => ({
    fields: { ...CONTRACT_TWO_GRADES.fields, ...fields } as Inputs["fields"],
    tables: { ...CONTRACT_TWO_GRADES.tables, ...tables } as Inputs["tables"],
  });
  const paths = (template: typeof CONTRACT, inputs: Inputs) => validateInputs(template, inputs).map((i) => i.path);

  test.each(["0100107518", "0100107518-001"])("tax code %s is accepted", (code) => {
    expect(paths(CONTRACT, contract({ buyerTaxCode: code }))).toEqual([]);
  });

  test.each(["010010751", "01001075189", "0100107518-01", "0100107518001", "MST0100107518"])(
    "tax code %s is refused on its field with the shape it must have",
    (code) => {
      const issues = validateInputs(CONTRACT, contract({ sellerTaxCode: code }));
      expect(issues.map((i) => i.path)).toEqual(["sellerTaxCode"]);
      expect(issues[0].message.vi).toMatch(/10 chữ số/);
      expect(issues[0].message.en).toMatch(/10 digits/);
    },
  );

  test("a commercial contract refuses a penalty above 8 % on that penalty's field; a civil one accepts it", () => {
    expect(paths(CONTRACT, contract({ latePaymentPenalty: 0.1, refusalPenalty: 0.09 }))).toEqual([
      "latePaymentPenalty",
      "refusalPenalty",
    ]);
    expect(paths(CONTRACT, contract({ latePenaltyCap: 0.081 }))).toEqual(["latePenaltyCap"]);
    expect(paths(CONTRACT, contract({ latePenaltyCap: 0.08 }))).toEqual([]);
    expect(paths(CONTRACT, contract({ kind: "civil", latePaymentPenalty: 0.1, latePenaltyCap: 0.2 }))).toEqual([]);
  });

  test("a weekly late-delivery rate above its cap is refused", () => {
    expect(paths(CONTRACT, contract({ latePenalty: 0.05, latePenaltyCap: 0.04 }))).toEqual(["latePenalty"]);
  });

  test("dates in order: in force after signing, ending after starting, deliveries within the term", () => {
    expect(paths(CONTRACT, contract({ startDate: "1966-01-10" }))).toEqual(["startDate"]);
    expect(paths(CONTRACT, contract({ endDate: "1966-01-31" }))).toEqual([
      "endDate",
      "deliveries[0].date",
      "deliveries[1].date",
    ]);
    const late = [{ date: "1967-01-15", note: "", share: 1 }];
    expect(paths(CONTRACT, contract({}, { deliveries: late }))).toEqual(["deliveries[0].date"]);
  });

  test("a phone number with letters is refused", () => {
    expect(paths(CONTRACT, contract({ buyerPhone: "gọi cho tôi" }))).toEqual(["buyerPhone"]);
  });

  test("a fresh contract form starts with the clauses in the form's language", () => {
    expect(defaultInputs(CONTRACT, "vi").fields.forceMajeure).toMatch(/^Sự kiện bất khả kháng/);
    expect(defaultInputs(CONTRACT, "en").fields.forceMajeure).toMatch(/^A force majeure event/);
  });

  test("a price plan needs a planned output above 0, and VAT at most 10 %", () => {
    const base = PRICE_PLAN_BASKETS;
    expect(
      validateInputs(PRICE_PLAN, { ...base, fields: { ...base.fields, outputQty: 0 } }).map((i) => i.path),
    ).toEqual(["outputQty"]);
    expect(
      validateInputs(PRICE_PLAN, { ...base, fields: { ...base.fields, vatRate: 0.12 } }).map((i) => i.path),
    ).toEqual(["vatRate"]);
  });

  test("a norm needs at least two observations", () => {
    const one = { ...NORM_BASKETS.tables.timeNorms[0], o2: null, o3: null, o4: null, o5: null };
    const inputs = { ...NORM_BASKETS, tables: { ...NORM_BASKETS.tables, timeNorms: [one] } };
    expect(validateInputs(NORM_SHEET, inputs).map((i) => i.path)).toEqual(["timeNorms[0].o1"]);
  });

  test("a plan of 50 years or more is refused on the plan year", () => {
    const inputs = { ...PLAN_1961_65, fields: { ...PLAN_1961_65.fields, planYear: 2010 } };
    expect(validateInputs(PLAN_TARGETS, inputs).map((i) => i.path)).toEqual(["planYear"]);
  });
});

describe("the signature row", () => {
  const narrow: TemplateDecl = {
    id: "plan",
    name: { vi: "x", en: "x" },
    description: { vi: "x", en: "x" },
    sheetName: { vi: "x", en: "x" },
    fields: [],
    tables: [],
    widths: [5, 5, 20],
    orientation: "portrait",
    blocks: [
      {
        kind: "signatures",
        signers: [
          { title: { vi: "KẾ TOÁN TRƯỞNG", en: "CHIEF ACCOUNTANT" }, note: { vi: "(Ký)", en: "(Sign)" } },
          { title: { vi: "THỦ TRƯỞNG", en: "HEAD" }, note: { vi: "(Ký)", en: "(Sign)" } },
        ],
      },
    ],
  };

  test("splits the columns between the signers and gives a wrapped title the height of its lines", () => {
    const plan = renderTemplate(narrow, { fields: {}, tables: {} }, "en");
    expect(plan.merges).toContainEqual({ row: 0, col: 0, rows: 1, cols: 2 });
    expect(plan.cells).toContainEqual({ row: 0, col: 2, content: { text: "HEAD" } });
    // "CHIEF ACCOUNTANT" in 80 px: "CHIEF", then "ACCOUNTANT", wider than the cell in bold 13 px,
    // on two more: three lines of 15 points.
    expect(plan.heights).toEqual([{ row: 0, points: 45 }]);
    // Four rows to sign in between the note and the name.
    expect(plan.rows).toBe(1 + 1 + 4 + 1 + 1);
  });
});

describe("page breaks that hold in any program", () => {
  const documents: [string, TemplateDecl, Inputs][] = [
    ...TEMPLATES.filter((t) => t.id !== "planReport").map(
      (t) => [`${t.id} (long)`, t, LONG[t.id as keyof typeof LONG]] as [string, TemplateDecl, Inputs],
    ),
    ...TEMPLATES.map((t) => [t.id, t, SAMPLES[t.id]] as [string, TemplateDecl, Inputs]),
  ];
  test.each(documents)(
    "%s: every page starts at a manual break, and a program fitting 5 %% less per page breaks nowhere else",
    (_name, template, inputs) => {
      const plan = renderTemplate(template, inputs, "vi");
      const starts = (pages: [number, number][]) => pages.map(([first]) => first);
      expect(starts(planPages(plan))).toEqual([0, ...plan.pageBreaks]);
      expect(starts(planPages(plan, 0.95))).toEqual([0, ...plan.pageBreaks]);
    },
  );
});
