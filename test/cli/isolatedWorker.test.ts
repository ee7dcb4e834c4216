import path from "node:path";
import { IsolatedWorker } from "../../src/cli/isolation/isolatedWorker";

/**
 * The thread that checks untrusted files: a job that hangs, runs out of memory, throws or ends
 * the thread is that job's outcome alone — the next job gets its answer from a fresh thread.
 */

const SCRIPT = path.join(__dirname, "..", "fixtures", "isolation", "behaviours.js");

function isolated(timeoutMs = 10_000): IsolatedWorker<string, string> {
  return new IsolatedWorker<string, string>({
    script: SCRIPT,
    workerData: null,
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 2 },
    timeoutMs,
  });
}

function threadOf(answer: unknown): string {
  const text = (answer as { answer: string }).answer;
  return text.replace(/.* von /, "");
}

describe("IsolatedWorker", () => {
  test("one thread answers job after job", async () => {
    const worker = isolated();
    try {
      const first = await worker.run("a");
      const second = await worker.run("b");
      expect(first).toEqual({ answer: expect.stringMatching(/^Antwort auf a von Thread \d+$/) });
      expect(second).toEqual({ answer: expect.stringMatching(/^Antwort auf b /) });
      expect(threadOf(second)).toBe(threadOf(first));
    } finally {
      await worker.close();
    }
  });

  test.each([
    ["hang", { crash: "time" }],
    ["memory", { crash: "memory" }],
    ["throw", { crash: "exit", detail: "kaputt" }],
    ["exit", { crash: "exit", detail: "Exit-Code 3" }],
  ])("a job that does %s is that job's crash; the next job is answered by a fresh thread", async (job, crash) => {
    const worker = isolated(job === "hang" ? 500 : 20_000);
    try {
      const before = await worker.run("vorher");
      expect(await worker.run(job)).toMatchObject(crash);
      const after = await worker.run("nachher");
      expect(after).toEqual({ answer: expect.stringMatching(/^Antwort auf nachher /) });
      expect(threadOf(after)).not.toBe(threadOf(before));
    } finally {
      await worker.close();
    }
  });

  test("a second job while one runs is a programming error, not a silent queue", async () => {
    const worker = isolated();
    try {
      const first = worker.run("a");
      expect(() => worker.run("b")).toThrow(/läuft noch/);
      await first;
    } finally {
      await worker.close();
    }
  });

  test("close() lets the running job finish (its answer, not a crash), then ends the thread; no job after it", async () => {
    const worker = isolated();
    const job = worker.run("slow");
    const closed = worker.close();
    expect(await job).toEqual({ answer: expect.stringMatching(/^Antwort auf slow /) });
    await closed;
    expect(() => worker.run("danach")).toThrow(/geschlossen/);
  });
});

describe("exitAfterThreads", () => {
  test("an early exit waits until every live thread has finished its job, and exits with the code reached by then", async () => {
    await jest.isolateModulesAsync(async () => {
      const { IsolatedWorker: Isolated } = await import("../../src/cli/isolation/isolatedWorker");
      const { exitAfterThreads, isExiting } = await import("../../src/cli/isolation/exitAfterThreads");
      const exit = jest.spyOn(process, "exit").mockImplementation((() => undefined) as never);
      try {
        const worker = new Isolated<string, string>({ script: SCRIPT, workerData: null, resourceLimits: {}, timeoutMs: 10_000 });
        const events: string[] = [];
        const job = worker.run("slow").then((outcome) => events.push("answer" in outcome ? "Antwort" : "Abbruch"));
        let code = 0;
        exitAfterThreads(() => code);
        expect(isExiting()).toBe(true);
        // The job finishes meanwhile and raises the exit code, as pruefen does.
        await job;
        code = 1;
        expect(exit).not.toHaveBeenCalled();
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(events).toEqual(["Antwort"]);
        expect(exit).toHaveBeenCalledTimes(1);
        expect(exit).toHaveBeenCalledWith(1);
        // A second early exit (another failed write) changes nothing.
        exitAfterThreads(() => 2);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(exit).toHaveBeenCalledTimes(1);
      } finally {
        exit.mockRestore();
      }
    });
  });
});
