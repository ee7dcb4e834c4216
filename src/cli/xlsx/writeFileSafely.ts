/**
 * Writes a file so that a failure leaves nothing behind and an existing file is never replaced
 * unless asked. The bytes go to a temporary file in the target folder (same file system), are
 * flushed to the disk, and only then published under the target's name in one step:
 * - without --force by a hard link, which the system refuses with EEXIST when the name is
 *   taken — the check for an existing file and the publishing are one call, so a file that
 *   appears meanwhile is never replaced (a check followed by a rename could replace it);
 * - with --force by a rename, which replaces the target atomically.
 * A reader therefore sees either no file or the whole file, never a half-written one; the
 * temporary file is removed on failure and on SIGINT/SIGTERM (see `removeOnSignal`).
 */
import { randomBytes } from "node:crypto";
import { promises as fs, rmSync, Stats } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { CliError, fileSystemError, fileSystemFailure } from "../errors";

/** What is at `file` (not following a final symbolic link), or undefined if nothing is. */
async function entry(file: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

function refuseOverwrite(target: string): CliError {
  return new CliError(`Die Datei „${target}“ gibt es schon; mit --force wird sie überschrieben.`);
}

/** What a non-regular entry is, in words; undefined for a file (or a symbolic link, replaced as a name). */
function specialKind(existing: Stats): string | undefined {
  if (existing.isFIFO()) return "eine benannte Pipe (FIFO)";
  if (existing.isCharacterDevice() || existing.isBlockDevice()) return "ein Gerät";
  if (existing.isSocket()) return "ein Socket";
  return undefined;
}

/**
 * A pipe, device or socket is never replaced, --force or not: renaming a file over `/dev/null`
 * (as root) would destroy the device, and whoever named a pipe wanted it written to, which an
 * atomic publish cannot do.
 */
function refuseSpecial(target: string, existing: Stats | undefined): void {
  const kind = existing && specialKind(existing);
  if (kind) throw new CliError(`„${target}“ ist keine gewöhnliche Datei, sondern ${kind}; dorthin wird nicht geschrieben, auch nicht mit --force.`);
}

/**
 * Fails early (before any work) when the target cannot be written: its folder is missing, it
 * is a folder itself, or it exists and may not be overwritten. Errors name `target`. This is a
 * courtesy to fail fast; the publishing step itself refuses a taken name again, atomically.
 */
export async function checkTarget(target: string, force: boolean): Promise<void> {
  try {
    if (!(await entry(path.dirname(path.resolve(target))))) throw fileSystemError("ENOENT", target, "schreiben");
    const existing = await entry(target);
    if (existing?.isDirectory()) throw fileSystemError("EISDIR", target, "schreiben");
    refuseSpecial(target, existing);
    if (existing && !force) throw refuseOverwrite(target);
  } catch (e) {
    throw fileSystemFailure(e, target, "schreiben");
  }
}

/** Temporary files being written right now; removed if the process is told to stop. */
const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM"] as const;

function onSignal(signal: NodeJS.Signals): void {
  // Synchronous: the process ends right after this handler, no promise would run.
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // End the way the signal would have ended us (a shell sees 130 / 143). When someone else
  // still listens (a test runner), leave the decision to them.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/** Removes `file` on SIGINT/SIGTERM until the returned function is called. */
function removeOnSignal(file: string): () => void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(file);
  return () => {
    pending.delete(file);
    if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

/**
 * File systems without hard links (FAT/exFAT sticks, some network shares) answer a link with
 * one of these; there the name is reserved by an exclusive create and then replaced by rename.
 */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV"]);

/** Publishes `temporary` as `target`; refuses with our sentence when `target` exists. */
async function publishNew(temporary: string, target: string, shownTarget: string): Promise<void> {
  try {
    try {
      await fs.link(temporary, target);
    } catch (e) {
      if (!NO_HARD_LINKS.has((e as NodeJS.ErrnoException).code ?? "")) throw e;
      await publishByPlaceholder(temporary, target);
      return;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw refuseOverwrite(shownTarget);
    throw e;
  }
  await fs.rm(temporary, { force: true });
}

/** Without hard links: the exclusive create is the atomic check, the rename then replaces only our empty placeholder. */
async function publishByPlaceholder(temporary: string, target: string): Promise<void> {
  await (await fs.open(target, "wx")).close();
  const release = removeOnSignal(target);
  try {
    await fs.rename(temporary, target);
  } catch (e) {
    await fs.rm(target, { force: true });
    throw e;
  } finally {
    release();
  }
}

/** Flushes the folder's entry list, so the new name survives a power cut (best effort: not every system allows it). */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(folder, "r");
    await handle.sync();
  } catch {
    // Windows cannot open folders, some file systems refuse fsync on them: the file itself is synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes `produce()`'s bytes to `target` through a temporary file in the same folder. A
 * file-system error is reported for `target` — the user never named the temporary file.
 * The temporary file is created before `produce` runs, so an interrupt while the (possibly
 * long) work runs finds it registered and removes it.
 */
export async function writeFileSafely(target: string, produce: () => Promise<Buffer>, force: boolean): Promise<void> {
  await checkTarget(target, force);
  const absolute = path.resolve(target);
  const folder = path.dirname(absolute);
  const temporary = path.join(folder, `.${path.basename(absolute)}.${randomBytes(6).toString("hex")}.tmp`);
  let release: (() => void) | undefined;
  try {
    const handle = await fs.open(temporary, "wx");
    release = removeOnSignal(temporary);
    try {
      await fs.writeFile(handle, await produce());
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (force) {
      // Again right before the rename: a pipe or device may have been put there meanwhile.
      refuseSpecial(target, await entry(absolute));
      await fs.rename(temporary, absolute);
    } else await publishNew(temporary, absolute, target);
    await syncFolder(folder);
  } catch (e) {
    await fs.rm(temporary, { force: true });
    throw fileSystemFailure(e, target, "schreiben");
  } finally {
    release?.();
  }
}
