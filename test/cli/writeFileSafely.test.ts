import { execFileSync } from "node:child_process";
import { promises as fsPromises, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeFileSafely } from "../../src/cli/xlsx/writeFileSafely";

const folders: string[] = [];

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "qm-planer-publish-"));
  folders.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => jest.restoreAllMocks());

const bytes = (text: string) => (): Promise<Buffer> => Promise.resolve(Buffer.from(text));

describe("writeFileSafely: no-clobber and atomic publishing", () => {
  test("a target that appears between the last check and the publishing step is not replaced", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    // The file appears at the very last moment — right before the publishing call itself: a
    // check followed by a rename would replace it; the hard link refuses.
    const realLink = fsPromises.link.bind(fsPromises);
    jest.spyOn(fsPromises, "link").mockImplementationOnce(async (from, to) => {
      writeFileSync(target, "von jemand anderem");
      return realLink(from, to);
    });
    const renameSpy = jest.spyOn(fsPromises, "rename");
    await expect(writeFileSafely(target, bytes("neu"), false)).rejects.toThrow(`Die Datei „${target}“ gibt es schon; mit --force wird sie überschrieben.`);
    expect(readFileSync(target, "utf8")).toBe("von jemand anderem");
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
    expect(renameSpy).not.toHaveBeenCalled();
  });

  test("a new file is published whole; no temporary file stays", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    await writeFileSafely(target, bytes("ganz"), false);
    expect(readFileSync(target, "utf8")).toBe("ganz");
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  test("the bytes are flushed to the disk before the file is published", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    const order: string[] = [];
    const realOpen = fsPromises.open.bind(fsPromises);
    jest.spyOn(fsPromises, "open").mockImplementation(async (...args: Parameters<typeof fsPromises.open>) => {
      const handle = await realOpen(...args);
      const sync = handle.sync.bind(handle);
      const opened = String(args[0]);
      const what = opened === dir ? "folder" : opened === target ? "target" : "temporary";
      handle.sync = () => (order.push(`sync ${what}`), sync());
      return handle;
    });
    const realLink = fsPromises.link.bind(fsPromises);
    jest.spyOn(fsPromises, "link").mockImplementation((from, to) => (order.push("link"), realLink(from, to)));
    await writeFileSafely(target, bytes("ganz"), false);
    expect(order).toEqual(["sync temporary", "link", "sync folder"]);
  });

  test("with --force an existing file is replaced in one rename", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    writeFileSync(target, "alt");
    await writeFileSafely(target, bytes("neu"), true);
    expect(readFileSync(target, "utf8")).toBe("neu");
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  test("on a file system without hard links the name is reserved exclusively, then replaced by rename", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    const noLinks = Object.assign(new Error("EPERM: operation not permitted, link"), { code: "EPERM", syscall: "link", errno: -1 });
    jest.spyOn(fsPromises, "link").mockRejectedValue(noLinks);
    await writeFileSafely(target, bytes("ganz"), false);
    expect(readFileSync(target, "utf8")).toBe("ganz");
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
    // …and there, too, a file that is already there is refused.
    await expect(writeFileSafely(target, bytes("neu"), false)).rejects.toThrow("gibt es schon");
    expect(readFileSync(target, "utf8")).toBe("ganz");
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  test("the temporary file exists while the bytes are produced, and is gone after a failure", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    let during: string[] = [];
    const produce = (): Promise<Buffer> => {
      during = readdirSync(dir);
      return Promise.reject(new Error("kaputt"));
    };
    await expect(writeFileSafely(target, produce, false)).rejects.toThrow("kaputt");
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.plan\.xlsx\.[0-9a-f]{12}\.tmp$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a named pipe (or device) is never replaced, not even with --force; nothing else is left", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    execFileSync("mkfifo", [target]);
    for (const force of [false, true])
      await expect(writeFileSafely(target, bytes("neu"), force)).rejects.toThrow(
        `„${target}“ ist keine gewöhnliche Datei, sondern eine benannte Pipe (FIFO); dorthin wird nicht geschrieben, auch nicht mit --force.`,
      );
    expect(lstatSync(target).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  test("with --force, a pipe put there while the bytes are produced is not replaced either", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    const produce = (): Promise<Buffer> => {
      execFileSync("mkfifo", [target]);
      return Promise.resolve(Buffer.from("neu"));
    };
    await expect(writeFileSafely(target, produce, true)).rejects.toThrow("keine gewöhnliche Datei");
    expect(lstatSync(target).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });
});
