// Reads src/core/declarations.ts (data only, no imports) from plain Node, for the build and the
// source generator: TypeScript transpiles it to CommonJS in memory.
const { readFileSync } = require("fs");
const { join } = require("path");
const ts = require("typescript");

const FILE = join(__dirname, "..", "src", "core", "declarations.ts");

function loadDeclarations(file = FILE) {
  const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  const module = { exports: {} };
  new Function("module", "exports", outputText)(module, module.exports);
  return module.exports.DECLARATIONS;
}

module.exports = { FILE, loadDeclarations };
