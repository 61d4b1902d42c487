// office-addin-lint's recommended rules for Office add-ins, for this project's TypeScript.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    // TypeScript already reports undefined names (it knows the DOM, Office and Excel globals)
    // and redeclarations (overloads are not redeclarations).
    rules: { "no-undef": "off", "no-redeclare": "off" },
  },
];
