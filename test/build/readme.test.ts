import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { functionReference, withReference } from "../../scripts/readme-functions";
import { TEMPLATES } from "../../src/templates/catalog";
import { DECLARATIONS } from "../../src/core/declarations";

const ROOT = join(__dirname, "..", "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

describe("README.md", () => {
  test("its function reference is the one generated from the declarations (npm run docs)", () => {
    const readme = read("README.md");
    expect(readme).toBe(withReference(readme, functionReference(DECLARATIONS)));
  });

  test("it documents HT.INWORDS and the decision on function names, with its evidence", () => {
    const readme = read("README.md");
    expect(readme).toContain("### HT.INWORDS(amount, [unit], [language], [style], [minor_unit])");
    const names = readme.split("## Function names")[1].split("\n## ")[0];
    expect(names).toContain("office-js/issues/891");
    expect(names).toContain("office-js/issues/6614");
    expect(names).toContain("custom-functions-naming");
  });

  test("its quick start is two commands, one to run the add-in and one to pass the tests", () => {
    const quickStart = read("README.md").split("## Quick start")[1].split("\n## ")[0];
    const commands = [...quickStart.matchAll(/^```sh\n([\s\S]*?)```/gm)].map((m) => m[1].trim());
    expect(commands).toEqual(["npm install && npm start", "npm install && npm test"]);
  });

  test("the screenshots it shows are in docs/", () => {
    const images = [...read("README.md").matchAll(/!\[[^\]]*\]\((docs\/[^)]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) expect(() => read(image)).not.toThrow();
  });

  test("stands alone: it and the docs it links to point only at files in the repository", () => {
    for (const doc of ["README.md", "docs/help.md", "docs/domain.md", "docs/functions.md"]) {
      const text = read(doc);
      expect(text).not.toMatch(/\.\.\/shared|\/work\//);
      const targets = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
        .map((m) => m[1])
        .filter((t) => !/^https?:/.test(t));
      for (const target of targets) expect([doc, existsSync(join(ROOT, dirname(doc), target))]).toEqual([doc, true]);
    }
  });

  test("shows every template of the catalog as its whole printed document (docs/print-<id>.png)", () => {
    const readme = read("README.md");
    for (const template of TEMPLATES) {
      expect(readme).toContain(`](docs/print-${template.id}.png)`);
      expect(existsSync(join(ROOT, "docs", `print-${template.id}.png`))).toBe(true);
    }
  });
});
