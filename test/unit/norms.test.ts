import {
  materialSaving,
  normCheck,
  normFulfil,
  oee,
  pieceRate,
  progressiveAvg,
  revisedPieceRate,
} from "../../src/core/norms";
import { priceVariance, usageVariance } from "../../src/core/variances";
import { expectClose, only } from "../support/close";

describe("HT.NORMFULFIL", () => {
  test("a 0.5-hour norm, 180 units in 80 hours is 112.5 % fulfilment", () => {
    // 0.5 × 180 / 80 = 1.125
    expectClose(only(normFulfil(0.5, 180, 80)), 1.125);
  });

  test("zero hours worked is #DIV/0!", () => {
    expect(only(normFulfil(0.5, 10, 0))).toMatchObject({ error: "#DIV/0!" });
  });

  test("a column of workers, with a spare blank row", () => {
    const result = normFulfil([[0.5], [0.5], [""]], [[160], [200], [""]], [[80], [80], [""]]);
    expectClose(result[0][0], 1);
    expectClose(result[1][0], 1.25);
    expect(result[2][0]).toBe("");
  });
});

describe("HT.MATERIALSAVING", () => {
  test("norm 2.5 kg × 400 units, 960 kg used, at 3,000 đồng a kg saves 120,000 đồng", () => {
    // (2.5 × 400 − 960) × 3000 = 40 × 3000
    expectClose(only(materialSaving(2.5, 400, 960, 3000)), 120000);
  });

  test("an overrun is negative, and without a price the result stays in quantity", () => {
    // 2.5 × 400 − 1030 = −30
    expectClose(only(materialSaving(2.5, 400, 1030)), -30);
  });
});

describe("HT.OEE", () => {
  test("480 planned, 420 run, 0.5 min ideal cycle, 800 made of which 780 good", () => {
    // availability 420/480 = 0.875; performance 0.5 × 800 / 420; quality 780/800; product = 0.5 × 780 / 480 = 0.8125
    expectClose(only(oee(480, 420, 0.5, 800, 780)), 0.8125);
  });

  test("more good pieces than pieces, or more run time than planned, is #NUM!", () => {
    expect(only(oee(480, 420, 0.5, 800, 801))).toMatchObject({ error: "#NUM!" });
    expect(only(oee(480, 481, 0.5, 800, 780))).toMatchObject({ error: "#NUM!" });
  });

  test("zero planned time, run time or count is #DIV/0!", () => {
    expect(only(oee(0, 0, 0.5, 800, 780))).toMatchObject({ error: "#DIV/0!" });
    expect(only(oee(480, 0, 0.5, 800, 780))).toMatchObject({ error: "#DIV/0!" });
    expect(only(oee(480, 420, 0.5, 0, 0))).toMatchObject({ error: "#DIV/0!" });
  });
});

describe("HT.PROGRESSIVEAVG", () => {
  const OBSERVATIONS = [[10], [12], [8], [9], [11]];

  test("DOMAIN.md: 10, 12, 8, 9, 11 hours give 9.5 by the half method and 9 by the advanced method", () => {
    expectClose(progressiveAvg(OBSERVATIONS), 9.5);
    expectClose(progressiveAvg(OBSERVATIONS, "lower", "half"), 9.5);
    expectClose(progressiveAvg(OBSERVATIONS, "lower", "advanced"), 9);
  });

  test("for an output norm the advanced values are the high ones", () => {
    // m = 10; advanced ≥ 10: 10, 12, 11 → 11; half (10 + 11) / 2 = 10.5
    expectClose(progressiveAvg(OBSERVATIONS, "higher"), 10.5);
    expectClose(progressiveAvg(OBSERVATIONS, "HIGHER", "Advanced"), 11);
  });

  test("blank cells are skipped, in a range of any shape", () => {
    expectClose(
      progressiveAvg([
        [10, ""],
        [12, 8],
        [null, 9],
        [11, undefined],
      ]),
      9.5,
    );
  });

  test("a value equal to the mean counts as advanced even when the mean is rounded", () => {
    // mean of 0.1, 0.2, 0.3 is 0.2 in decimals but 0.20000000000000004 in doubles
    expectClose(progressiveAvg([[0.1], [0.2], [0.3]], "higher", "advanced"), 0.25);
  });

  test("no number at all is #DIV/0!; text is #VALUE!; an unknown option is #VALUE!", () => {
    expect(progressiveAvg([[""], [null]])).toMatchObject({ error: "#DIV/0!" });
    expect(progressiveAvg([[1], ["x"]])).toMatchObject({ error: "#VALUE!" });
    expect(progressiveAvg(OBSERVATIONS, "faster")).toMatchObject({ error: "#VALUE!" });
    expect(progressiveAvg(OBSERVATIONS, "lower", "median")).toMatchObject({ error: "#VALUE!" });
  });
});

describe("HT.NORMCHECK", () => {
  test("a time norm of 0.45 h is at least as tight as the state's 0.5 h; 0.55 h is not", () => {
    expect(only(normCheck(0.45, 0.5))).toBe(true);
    expect(only(normCheck(0.5, 0.5))).toBe(true);
    expect(only(normCheck(0.55, 0.5))).toBe(false);
  });

  test("for output norms higher is tighter", () => {
    expect(only(normCheck(120, 100, "higher"))).toBe(true);
    expect(only(normCheck(90, 100, "higher"))).toBe(false);
  });
});

describe("HT.PIECERATE and HT.REVISEDPIECERATE", () => {
  test("a 3,000 đồng daily wage over an output norm of 60 pieces is 50 đồng a piece", () => {
    expectClose(only(pieceRate(3000, 60)), 50);
    expect(only(pieceRate(3000, 0))).toMatchObject({ error: "#DIV/0!" });
  });

  test("raising the norm from 60 to 75 with no incentive keeps earnings at the norm: 40 đồng", () => {
    // (50 × 60 + 0) / 75 = 40; 40 × 75 = 3000 = 50 × 60
    expectClose(only(revisedPieceRate(50, 60, 75)), 40);
  });

  test("incentive share 1 keeps the old rate; 0.4 sits between", () => {
    expectClose(only(revisedPieceRate(50, 60, 75, 1)), 50);
    // (3000 + 0.4 × 50 × 15) / 75 = 3300 / 75 = 44
    expectClose(only(revisedPieceRate(50, 60, 75, 0.4)), 44);
  });

  test("an incentive share outside [0, 1] is #NUM!", () => {
    expect(only(revisedPieceRate(50, 60, 75, 1.1))).toMatchObject({ error: "#NUM!" });
    expect(only(revisedPieceRate(50, 60, 75, -0.1))).toMatchObject({ error: "#NUM!" });
  });
});

describe("standard-cost variances", () => {
  test("paying 3,200 instead of 3,000 for 960 kg is an unfavourable price variance of 192,000", () => {
    expectClose(only(priceVariance(3200, 3000, 960)), 192000);
    expectClose(only(priceVariance(2900, 3000, 960)), -96000);
  });

  test("using 1,030 kg where 2.5 kg × 400 units are allowed, at 3,000, is 90,000 unfavourable", () => {
    // (1030 − 1000) × 3000
    expectClose(only(usageVariance(1030, 2.5, 400, 3000)), 90000);
  });
});
