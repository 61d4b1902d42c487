/**
 * Builds the Vietnamese custom-function metadata (functions.vi.json) from the generated
 * functions.json and the one translation table, src/functions/functions.vi.json. Ids, types and
 * options stay as generated; names and descriptions come from the table. Any function or
 * parameter without a translation, any translation of nothing, and any name Excel would refuse
 * fails the build.
 */
const { sources, WebpackError, Compilation } = require("webpack");
const fs = require("fs");

// Excel: a custom function's name starts with a letter, has at least 3 characters, and uses
// letters, digits, periods and underscores.
const FUNCTION_NAME = /^\p{L}[\p{L}\p{N}._]{2,}$/u;
const PARAMETER_NAME = /^\p{L}[\p{L}\p{N}_]*$/u;

function localizeMetadata(metadata, table) {
  const problems = [];
  const seenNames = new Set();
  const functions = metadata.functions.map((fn) => {
    const t = table[fn.id];
    if (!t) {
      problems.push(`${fn.id}: no translation`);
      return fn;
    }
    if (!FUNCTION_NAME.test(t.name || "")) problems.push(`${fn.id}: name "${t.name}" is not a valid function name`);
    if (seenNames.has(t.name)) problems.push(`${fn.id}: name "${t.name}" is used twice`);
    seenNames.add(t.name);
    if (!t.description) problems.push(`${fn.id}: no description`);
    const tp = t.parameters || {};
    for (const name of Object.keys(tp)) {
      if (!fn.parameters.some((p) => p.name === name)) problems.push(`${fn.id}: translation of unknown parameter ${name}`);
    }
    const parameters = fn.parameters.map((p) => {
      const tr = tp[p.name];
      if (!tr || !tr.description) {
        problems.push(`${fn.id}.${p.name}: no translation`);
        return p;
      }
      if (!PARAMETER_NAME.test(tr.name || "")) problems.push(`${fn.id}.${p.name}: name "${tr.name}" is not valid`);
      return { ...p, name: tr.name, description: tr.description };
    });
    return { ...fn, name: t.name, description: t.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`${id}: translation of unknown function`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

/** Emits `output` beside `input` (an asset of the same compilation) using `table` (a JSON path). */
class FunctionsLocalizationPlugin {
  constructor({ input, output, table }) {
    this.options = { input, output, table };
  }

  apply(compiler) {
    const { input, output, table } = this.options;
    compiler.hooks.thisCompilation.tap("FunctionsLocalizationPlugin", (compilation) => {
      compilation.fileDependencies.add(table);
      compilation.hooks.processAssets.tap(
        { name: "FunctionsLocalizationPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(input);
          if (!asset) {
            compilation.errors.push(new WebpackError(`FunctionsLocalizationPlugin: ${input} was not generated`));
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          const translations = JSON.parse(fs.readFileSync(table, "utf8"));
          const result = localizeMetadata(metadata, translations);
          for (const problem of result.problems) {
            compilation.errors.push(new WebpackError(`${table}: ${problem}`));
          }
          compilation.emitAsset(output, new sources.RawSource(JSON.stringify(result.metadata, null, 4)));
        },
      );
    });
  }
}

module.exports = { localizeMetadata, FunctionsLocalizationPlugin };
