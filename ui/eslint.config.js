import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "src/bindings.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Document text is untrusted: build nodes with h()." },
        { property: "outerHTML", message: "Document text is untrusted: build nodes with h()." },
      ],
      eqeqeq: "error",
    },
  },
  {
    files: ["e2e/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
);
