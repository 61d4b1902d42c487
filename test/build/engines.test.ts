/**
 * `npm install` on the README's Node prints no EBADENGINE: no direct dependency, as installed,
 * declares an `engines.node` range that excludes the Node running the tests.
 */
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

/** Whether `version` (x.y.z) satisfies a range of the forms npm packages use for engines.node. */
function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.replace(/^v/, "").split(".").map(Number);
  const compare = (spec: string): number => {
    const [a = 0, b = 0, c = 0] = spec
      .replace(/^v/, "")
      .split(".")
      .map((p) => (p === "x" || p === "*" ? 0 : Number(p)));
    return major - a || minor - b || patch - c;
  };
  const term = (t: string): boolean => {
    const m = /^(\^|~|>=|<=|>|<|=)?\s*(v?[\dx*]+(?:\.[\dx*]+){0,2})$/.exec(t);
    if (!m) throw new Error(`engines range term not understood: "${t}"`);
    const [, op = "=", spec] = m;
    const parts = spec.replace(/^v/, "").split(".");
    const c = compare(spec);
    switch (op) {
      case ">=":
        return c >= 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      case "<":
        return c < 0;
      case "^":
        return c >= 0 && major === Number(parts[0]);
      case "~":
        return c >= 0 && major === Number(parts[0]) && (parts.length < 2 || minor === Number(parts[1]));
      default: // "=" or a bare version: as npm reads "20" or "20.x", a whole major (or minor)
        return parts.every((p, i) => p === "x" || p === "*" || Number(p) === [major, minor, patch][i]);
    }
  };
  return range
    .split("||")
    .map((alternative) => alternative.trim())
    .some((alternative) => {
      if (alternative === "" || alternative === "*") return true;
      const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(alternative);
      if (hyphen) return term(`>=${hyphen[1]}`) && term(`<=${hyphen[2]}`);
      // Some packages write ">= 18": an operator binds to the version after it.
      return alternative
        .replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1")
        .split(/\s+/)
        .every(term);
    });
}

describe("engines", () => {
  test("the range reader agrees with npm on the forms dependencies use", () => {
    expect(satisfies("20.20.2", "^22.0.0 || ^24.0.0")).toBe(false);
    expect(satisfies("22.3.0", "^22.0.0 || ^24.0.0")).toBe(true);
    expect(satisfies("20.20.2", ">=18")).toBe(true);
    expect(satisfies("20.20.2", ">=20.19.0 <21 || >=22.12")).toBe(true);
    expect(satisfies("20.10.0", ">=20.19.0 <21 || >=22.12")).toBe(false);
    expect(satisfies("20.20.2", "20.x")).toBe(true);
    expect(satisfies("20.20.2", "14 - 18")).toBe(false);
    expect(satisfies("20.20.2", ">= 18")).toBe(true);
  });

  test("package.json's own engines admit the running Node", () => {
    const engines = readJson(join(ROOT, "package.json")).engines as { node: string };
    expect(satisfies(process.version, engines.node)).toBe(true);
  });

  test("no direct dependency, as installed, excludes the running Node", () => {
    const pkg = readJson(join(ROOT, "package.json")) as Record<string, Record<string, string> | undefined>;
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    const excluding = names.flatMap((name) => {
      const installed = readJson(join(ROOT, "node_modules", name, "package.json"));
      const node = (installed.engines as { node?: string } | undefined)?.node;
      return node && !satisfies(process.version, node) ? [`${name}@${String(installed.version)}: node ${node}`] : [];
    });
    expect(excluding).toEqual([]);
  });
});
