import fs from "fs";
import type { Compiler } from "webpack";
import { ENGLISH_FUNCTIONS } from "../../src/functions/translations";
import { englishMetadata, ENGLISH_METADATA_FILE } from "./localizedMetadata";
import { manifestFor } from "./manifest";

/** The files the build derives from functions.json and manifest.xml, by name; pure, so tests use it without webpack. */
export function addinFiles(functionsJson: string, manifestSource: string, baseUrl: string): Record<string, string> {
  return {
    [ENGLISH_METADATA_FILE]: englishMetadata(functionsJson, ENGLISH_FUNCTIONS),
    "manifest.xml": manifestFor(manifestSource, baseUrl),
  };
}

/**
 * Emits dist/manifest.xml (with the build's address) and dist/functions.en.json (from the
 * functions.json that custom-functions-metadata-plugin put into the compilation). A failure is
 * a compilation error, so `npm run build` fails with the reason.
 */
export class AddinFilesPlugin {
  constructor(readonly options: { manifest: string; baseUrl: string }) {}

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("AddinFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AddinFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(this.options.manifest);
        const functionsJson = compilation.getAsset("functions.json");
        if (!functionsJson) return; // the metadata plugin reported its own error
        try {
          const files = addinFiles(functionsJson.source.source().toString(), fs.readFileSync(this.options.manifest, "utf8"), this.options.baseUrl);
          for (const [name, content] of Object.entries(files)) compilation.emitAsset(name, new sources.RawSource(content));
        } catch (error) {
          compilation.errors.push(new WebpackError(error instanceof Error ? error.message : String(error)));
        }
      });
    });
  }
}
