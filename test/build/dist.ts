import fs from "fs";
import path from "path";

/** The repository root and the build output that `npm run build` writes before jest runs. */
export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

/** A file of the production build; fails with what to do when the build has not run. */
export function readDist(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) {
    throw new Error(`${path.relative(ROOT, full)} fehlt: zuerst \`npm run build\` ausführen (npm test tut das vor jest).`);
  }
  return fs.readFileSync(full, "utf8");
}
