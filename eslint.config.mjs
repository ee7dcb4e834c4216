import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // Core must never import Office.js, React, Node's fs or the CLI (see ARCHITECTURE.md).
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "@fluentui/*", "fs", "node:*", "exceljs", "*/excel/*", "*/cli/*", "*/taskpane/*"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions"],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-globals": ["error", "Office", "Excel"] },
  },
);
