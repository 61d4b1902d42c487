/**
 * Builds the Vietnamese custom-function metadata (functions.vi.json) from the generated
 * functions.json and the one declaration of every function (src/core/declarations.ts), and checks
 * that functions.json says what the declarations say. Ids, names, types and options stay as
 * generated: no function gets a localized name (README, "Function names"); descriptions and
 * parameter names and help come from the declarations. Any drift between the JSDoc and the
 * declarations, and any name Excel would refuse, fails the build.
 */
const { sources, WebpackError, Compilation } = require("webpack");
const { FILE: DECLARATIONS_FILE, loadDeclarations } = require("./declarations");
const { registrations, descriptionOf, viDescriptionOf } = require("./functions-source");

// Excel: a custom function's id uses A–Z, 0–9, periods and underscores, starts with a letter and
// has at least 3 characters; parameter names are letters, digits and underscores.
const FUNCTION_ID = /^[A-Z][A-Z0-9._]{2,}$/;
const PARAMETER_NAME = /^\p{L}[\p{L}\p{N}_]*$/u;

function localizeMetadata(metadata, declarations) {
  const problems = [];
  const expected = registrations(declarations);
  const ids = metadata.functions.map((fn) => fn.id);
  const wanted = expected.map((r) => r.id);
  if (ids.join() !== wanted.join())
    problems.push(`functions.json lists ${ids.join(", ")}; declared: ${wanted.join(", ")}`);
  if (new Set(wanted).size !== wanted.length) problems.push("a Vietnamese name repeats an id or another name");
  const functions = metadata.functions.map((fn) => {
    const registration = expected.find((r) => r.id === fn.id);
    if (!registration) {
      problems.push(`${fn.id}: not declared`);
      return fn;
    }
    const { of } = registration;
    if (!FUNCTION_ID.test(fn.id)) problems.push(`${fn.id}: not a valid function id`);
    if (fn.name !== fn.id) problems.push(`${fn.id}: name "${fn.name}" differs from the id`);
    if (fn.description !== descriptionOf(registration))
      problems.push(`${fn.id}: description differs from the declaration`);
    if (fn.parameters.length !== of.params.length)
      problems.push(`${fn.id}: ${fn.parameters.length} parameters, declared ${of.params.length}`);
    const parameters = fn.parameters.map((p, k) => {
      const declared = of.params[k];
      if (!declared) return p;
      if (p.name !== declared.name)
        problems.push(`${fn.id}: parameter ${k + 1} is ${p.name}, declared ${declared.name}`);
      if ((p.optional === true) !== (declared.default !== undefined))
        problems.push(`${fn.id}.${p.name}: optional differs from the declaration`);
      if (p.description !== declared.help.en)
        problems.push(`${fn.id}.${p.name}: description differs from the declaration`);
      if (!PARAMETER_NAME.test(declared.vi))
        problems.push(`${fn.id}.${p.name}: Vietnamese name "${declared.vi}" is not valid`);
      return { ...p, name: declared.vi, description: declared.help.vi };
    });
    return { ...fn, description: viDescriptionOf(registration), parameters };
  });
  return { metadata: { ...metadata, functions }, problems };
}

/** Emits `output` beside `input` (an asset of the same compilation) from the declarations. */
class FunctionsLocalizationPlugin {
  constructor({ input, output }) {
    this.options = { input, output };
  }

  apply(compiler) {
    const { input, output } = this.options;
    compiler.hooks.thisCompilation.tap("FunctionsLocalizationPlugin", (compilation) => {
      compilation.fileDependencies.add(DECLARATIONS_FILE);
      compilation.hooks.processAssets.tap(
        { name: "FunctionsLocalizationPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(input);
          if (!asset) {
            compilation.errors.push(new WebpackError(`FunctionsLocalizationPlugin: ${input} was not generated`));
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          const result = localizeMetadata(metadata, loadDeclarations());
          for (const problem of result.problems) {
            compilation.errors.push(
              new WebpackError(`${input} against src/core/declarations.ts: ${problem} (npm run functions)`),
            );
          }
          compilation.emitAsset(output, new sources.RawSource(JSON.stringify(result.metadata, null, 4)));
        },
      );
    });
  }
}

module.exports = { localizeMetadata, FunctionsLocalizationPlugin };
