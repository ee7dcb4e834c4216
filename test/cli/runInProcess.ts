import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command line in this jest process (faster than a child process), capturing what it
 * writes; the bin itself is exercised by test/cli/budget.test.ts.
 */
export async function runInProcess(...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  process.exitCode = undefined;
  try {
    const code = await main(["node", "qm-planer", ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
