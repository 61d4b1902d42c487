/* eslint-disable no-undef */
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const TerserPlugin = require("terser-webpack-plugin");
const { FunctionsLocalizationPlugin } = require("./scripts/functions-l10n");
const { httpsOptions } = require("./scripts/https-options");
const { devServerOptions } = require("./scripts/dev-server");
const { HelpPagePlugin } = require("./scripts/help-page");

const DEV_URL = "https://localhost:3000/";
// Where the add-in is hosted in production; the manifest in the repository points at the dev server.
const PUBLIC_URL = process.env.HT_PUBLIC_URL || DEV_URL;
// office.js is served from the pinned npm package so the add-in and its tests work offline;
// set OFFICE_JS_URL to Microsoft's CDN for a store submission.
const OFFICE_JS_URL = process.env.OFFICE_JS_URL || "office-js/office.js";
const OFFICE_JS_FILES = [
  "office.js", "excel-*.js", "excelwebapp-*.js", "custom-functions-runtime.js", "es6-promise.js",
  "o15apptofilemappingtable.js", "en-us/office_strings.js", "vi-vn/office_strings.js",
];

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  return {
    // Source maps in development; a production build ships none unless HT_SOURCE_MAPS=1 asks for them
    // (they would publish the whole source next to the add-in).
    devtool: dev || process.env.HT_SOURCE_MAPS === "1" ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.ts",
      preview: "./src/preview/index.ts",
      // The preview's .xlsx files are packed and unpacked in a worker (src/preview/xlsx-files.ts);
      // it loads ExcelJS's chunk with importScripts, as a worker must.
      "preview-xlsx-worker": { import: "./src/preview/xlsx-worker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
        { test: /\.css$/, type: "asset/resource", generator: { filename: "[name][ext]" } },
      ],
    },
    performance: { hints: false },
    optimization: {
      // office.js comes minified from Microsoft; the preview (HyperFormula, 2.4 MB) is a try-it page
      // Excel never loads. Minifying either would add a minute to every build for nothing.
      minimizer: [new TerserPlugin({ exclude: [/^office-js\//, /^preview/] })],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FunctionsLocalizationPlugin({ input: "functions.json", output: "functions.vi.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJsUrl: OFFICE_JS_URL },
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        templateParameters: { officeJsUrl: OFFICE_JS_URL },
      }),
      new HelpPagePlugin({ input: path.resolve(__dirname, "docs/help.md") }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/preview/preview.css", to: "preview.css" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : content.toString().replaceAll(DEV_URL, PUBLIC_URL)),
          },
          ...OFFICE_JS_FILES.map((pattern) => ({
            from: pattern,
            context: path.dirname(require.resolve("@microsoft/office-js/dist/office.js")),
            to: "office-js/",
          })),
        ],
      }),
    ],
    devServer: devServerOptions({
      root: path.resolve(__dirname, "dist"),
      https: env.WEBPACK_SERVE ? await httpsOptions() : {},
      // HT_PORT: npm start's port (scripts/dev-state.mjs), set when 3000 is taken.
      port: Number(process.env.HT_PORT || process.env.npm_package_config_dev_server_port || 3000),
    }),
  };
};
