import { templateById } from "../../src/templates/catalog";
import { validateInputs } from "../../src/templates/validate";
import { CONTRACT_TWO_GRADES, PLAN_1961_65 } from "../fixtures/samples";

const plan = templateById("plan")!;
const contract = templateById("contract")!;

describe("validation gives every problem at once: field checks and cross-field rules together", () => {
  test("a plan with a number that does not read and the years out of order names both", () => {
    const inputs = {
      ...PLAN_1961_65,
      fields: { ...PLAN_1961_65.fields, baseYear: 1966, planYear: 1965 },
      tables: {
        ...PLAN_1961_65.tables,
        products: [{ ...PLAN_1961_65.tables.products[0], baseQty: "1.5.0" }],
      },
    };
    expect(validateInputs(plan, inputs).map((i) => i.path)).toEqual(["products[0].baseQty", "planYear"]);
  });

  test("a contract with a share that does not read, deliveries not adding up and a penalty over 8 % names all three", () => {
    const inputs = {
      ...CONTRACT_TWO_GRADES,
      fields: { ...CONTRACT_TWO_GRADES.fields, latePaymentPenalty: 0.12 },
      tables: {
        ...CONTRACT_TWO_GRADES.tables,
        deliveries: [
          { ...CONTRACT_TWO_GRADES.tables.deliveries[0], share: "năm mươi" },
          CONTRACT_TWO_GRADES.tables.deliveries[1],
        ],
      },
    };
    const issues = validateInputs(contract, inputs);
    expect(issues.map((i) => i.path)).toEqual(["deliveries[0].share", "deliveries[]", "latePaymentPenalty"]);
    // The share that did not read counts as nothing in the sum, never as NaN.
    expect(issues[1].message.vi).toContain("hiện 50 %");
  });

  test("inputs that pass every check have no issue (the samples)", () => {
    expect(validateInputs(plan, PLAN_1961_65)).toEqual([]);
    expect(validateInputs(contract, CONTRACT_TWO_GRADES)).toEqual([]);
  });
});
