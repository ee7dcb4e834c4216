/**
 * `--standard <profil.json>`: the one option every command that measures or computes with the
 * standard shares. It reads a city's profile (see src/core/profile.ts) and hands the command
 * the figures to use; without it the command uses the built-in standard.
 */
import { Command } from "commander";
import { constants, promises as fs } from "node:fs";
import { BUILT_IN_PROFILE, parseProfile, ProfileError, StandardProfile } from "../core/profile";
import { CliError, fileSystemError, fileSystemFailure } from "./errors";

/** A profile is a few hundred bytes; anything much larger is not one (and is not read whole). */
export const PROFILE_MAX_BYTES = 256 * 1024;

/** The option's flags and help, for commands that chain `.option(STANDARD_FLAG, STANDARD_OPTION_HELP)`. */
export const STANDARD_FLAG = "--standard <profil.json>";
export const STANDARD_OPTION_HELP = "Profil des Standards (JSON, z. B. einer Stadt) statt des eingebauten Rahmenstandards";

/** Registers `--standard <profil.json>` on a command. */
export function addStandardOption(command: Command): Command {
  return command.option(STANDARD_FLAG, STANDARD_OPTION_HELP);
}

/**
 * The bytes of a profile file: a regular file of at most PROFILE_MAX_BYTES. Opened without
 * blocking (a FIFO would wait for a writer) and checked on the open handle, so what is checked
 * is what is read.
 */
async function readBounded(file: string): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw fileSystemFailure(e, file, "lesen");
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw fileSystemError("EISDIR", file, "lesen");
    if (!info.isFile()) throw new CliError(`Profil „${file}“ ist keine gewöhnliche Datei.`);
    if (info.size > PROFILE_MAX_BYTES)
      throw new CliError(`Profil „${file}“ ist größer als ${PROFILE_MAX_BYTES / 1024} KB – das ist kein Profil des Standards.`);
    // Read one byte more than allowed: a file that grew after the stat is still refused.
    const buffer = Buffer.alloc(PROFILE_MAX_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > PROFILE_MAX_BYTES)
        throw new CliError(`Profil „${file}“ ist größer als ${PROFILE_MAX_BYTES / 1024} KB – das ist kein Profil des Standards.`);
    }
    return buffer.subarray(0, length);
  } catch (e) {
    throw fileSystemFailure(e, file, "lesen");
  } finally {
    await handle.close();
  }
}

/** Reads and checks a profile file; every refusal is one German line naming the file and the key. */
export async function readProfileFile(file: string): Promise<StandardProfile> {
  const bytes = await readBounded(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`Profil „${file}“ ist nicht in UTF-8 gespeichert.`);
  }
  try {
    return parseProfile(text);
  } catch (e) {
    if (e instanceof ProfileError) throw new CliError(`Profil „${file}“: ${e.message}`);
    throw e;
  }
}

/** The profile a command works with: the file given with `--standard`, else the built-in standard. */
export async function loadStandard(file: string | undefined): Promise<StandardProfile> {
  return file === undefined ? BUILT_IN_PROFILE : readProfileFile(file);
}
