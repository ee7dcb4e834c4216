/**
 * A ZIP reader for files from strangers. It reads the central directory (where the entries
 * are listed) from the end of the file and then only the entries asked for; it never trusts
 * a declared size to bound work: every entry is inflated with an output cap (the `Inflater`:
 * node's zlib in the CLI, the browser's DecompressionStream in the pane), then its length and
 * CRC-32 are compared with what the directory says.
 * Local headers must agree with the directory — two parsers must not see two different files.
 *
 * JSZip (already a dependency) is not used for reading: it inflates in JavaScript without an
 * output bound and reads every entry's data when it opens the archive.
 */
import type { ByteSource } from "./bytes";
import type { Inflater } from "./inflate";
import { damaged, WorkbookReadError } from "./errors";
import { bytesText, countText, Deadline, ReaderLimits } from "./limits";

/** The central directory could not be read at all: the caller decides what the file was meant to be. */
export class UnreadableZip extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "UnreadableZip";
  }
}

export interface ZipEntry {
  name: string;
  /** The name's bytes as stored, to compare with the local header. */
  rawName: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new UnreadableZip("eine 64-Bit-Angabe ist zu groß");
  return Number(value);
}

/** Part names compare case-insensitively (Open Packaging Conventions). */
export function partKey(name: string): string {
  return name.toLowerCase();
}

interface Directory {
  entries: number;
  size: number;
  offset: number;
  /** Where the directory's end record starts: the directory must lie before it. */
  end: number;
}

function findDirectory(source: ByteSource, limits: ReaderLimits): Directory {
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = source.read(tailStart, tailLength);
  let at = -1;
  for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) <= tailLength) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new UnreadableZip("kein Ende des ZIP-Verzeichnisses");
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw new UnreadableZip("mehrteiliges ZIP-Archiv");
  let dir: Directory = {
    entries: tail.readUInt16LE(at + 10),
    size: tail.readUInt32LE(at + 12),
    offset: tail.readUInt32LE(at + 16),
    end: tailStart + at,
  };
  if (dir.entries === U16_MAX || dir.size === U32_MAX || dir.offset === U32_MAX) {
    // ZIP64: the real figures are in the ZIP64 end record the locator just before points to.
    const locatorAt = dir.end - 20;
    if (locatorAt < 0) throw new UnreadableZip("ZIP64-Verweis fehlt");
    const locator = source.read(locatorAt, 20);
    if (locator.readUInt32LE(0) !== SIG_ZIP64_LOCATOR) throw new UnreadableZip("ZIP64-Verweis fehlt");
    const recordAt = u64(locator, 8);
    if (recordAt + 56 > locatorAt) throw new UnreadableZip("ZIP64-Verzeichnisende außerhalb der Datei");
    const record = source.read(recordAt, 56);
    if (record.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw new UnreadableZip("ZIP64-Verzeichnisende fehlt");
    dir = { entries: u64(record, 32), size: u64(record, 40), offset: u64(record, 48), end: recordAt };
  }
  if (dir.entries > limits.zipEntries)
    throw new WorkbookReadError(`Die Datei enthält ${countText(dir.entries)} ZIP-Einträge, mehr als die ${countText(limits.zipEntries)}, die gelesen werden.`);
  if (dir.offset + dir.size > dir.end) throw new UnreadableZip("das ZIP-Verzeichnis liegt außerhalb der Datei");
  return dir;
}

/** The ZIP64 extra field's 64-bit values for the fields the directory marks with 0xFFFFFFFF. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number => {
        if (p + 8 > at + 4 + length || p + 8 > extra.length) throw new UnreadableZip("ZIP64-Angaben unvollständig");
        const v = u64(extra, p);
        p += 8;
        return v;
      };
      if (entry.size === U32_MAX) entry.size = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localOffset === U32_MAX) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    private readonly source: ByteSource,
    private readonly limits: ReaderLimits,
    private readonly deadline: Deadline,
    private readonly inflater: Inflater,
  ) {}

  /** Reads the directory; UnreadableZip when there is none, WorkbookReadError when it breaks a bound or lies. */
  static open(source: ByteSource, limits: ReaderLimits, deadline: Deadline, inflater: Inflater): ZipArchive {
    const zip = new ZipArchive(source, limits, deadline, inflater);
    const dir = findDirectory(source, limits);
    const data = source.read(dir.offset, dir.size);
    let at = 0;
    for (let i = 0; i < dir.entries; i++) {
      deadline.check();
      if (at + 46 > data.length || data.readUInt32LE(at) !== SIG_CENTRAL) throw new UnreadableZip("ZIP-Verzeichnis unvollständig");
      const nameLength = data.readUInt16LE(at + 28);
      const extraLength = data.readUInt16LE(at + 30);
      const commentLength = data.readUInt16LE(at + 32);
      const end = at + 46 + nameLength + extraLength + commentLength;
      if (end > data.length) throw new UnreadableZip("ZIP-Verzeichnis unvollständig");
      const flags = data.readUInt16LE(at + 8);
      const rawName = data.subarray(at + 46, at + 46 + nameLength);
      const entry: ZipEntry = {
        // Bit 11: the name is UTF-8; else it is CP437, which for the ASCII names of a package is the same.
        name: rawName.toString(flags & 0x800 ? "utf8" : "latin1"),
        rawName,
        flags,
        method: data.readUInt16LE(at + 10),
        crc: data.readUInt32LE(at + 16),
        compressedSize: data.readUInt32LE(at + 20),
        size: data.readUInt32LE(at + 24),
        localOffset: data.readUInt32LE(at + 42),
      };
      applyZip64(entry, data.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
      const key = partKey(entry.name);
      // Two entries of one name: which one a program takes differs; no reading is the safe one.
      if (zip.entries.has(key)) throw new WorkbookReadError(`Die Datei ist beschädigt (der Teil ${entry.name} ist zweimal enthalten).`);
      zip.entries.set(key, entry);
      at = end;
    }
    return zip;
  }

  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /** The inflated size the directory declares (what `read` will insist on). */
  declaredSize(name: string): number {
    return this.entries.get(partKey(name))?.size ?? 0;
  }

  /** Bytes inflated so far. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /** Refuses at once when parts still to be read would break the per-workbook bound, before inflating any. */
  checkTotal(parts: readonly string[]): void {
    // A single part over its own bound is named (the more useful sentence than the total's).
    for (const p of parts) {
      const entry = this.entries.get(partKey(p));
      if (entry && entry.size > this.limits.partBytes) throw new WorkbookReadError(`${entry.name} ist entpackt größer als ${bytesText(this.limits.partBytes)}.`);
    }
    const total = parts.reduce((sum, p) => sum + this.declaredSize(p), this.inflated);
    if (total > this.limits.workbookBytes)
      throw new WorkbookReadError(`Die gelesenen Teile der Datei sind entpackt zusammen größer als ${bytesText(this.limits.workbookBytes)}.`);
  }

  /** The inflated bytes of one part, within the per-part and the per-workbook bound. */
  async read(name: string): Promise<Buffer> {
    const entry = this.entries.get(partKey(name));
    if (!entry) throw damaged(`${name} fehlt`);
    const { partBytes, workbookBytes } = this.limits;
    if (entry.flags & 0x1) throw new WorkbookReadError(`Der Teil ${entry.name} ist verschlüsselt; so kann die Datei nicht gelesen werden.`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new WorkbookReadError(`Der Teil ${entry.name} ist mit einem nicht unterstützten Verfahren gepackt (Nr. ${entry.method}).`);
    if (entry.size > partBytes) throw new WorkbookReadError(`${entry.name} ist entpackt größer als ${bytesText(partBytes)}.`);
    if (this.inflated + entry.size > workbookBytes)
      throw new WorkbookReadError(`Die gelesenen Teile der Datei sind entpackt zusammen größer als ${bytesText(workbookBytes)}.`);

    const local = this.source.read(entry.localOffset, 30);
    if (local.readUInt32LE(0) !== SIG_LOCAL) throw damaged(`der Eintrag ${entry.name} fehlt an seiner Stelle`);
    const nameLength = local.readUInt16LE(26);
    const extraLength = local.readUInt16LE(28);
    if (!this.source.read(entry.localOffset + 30, nameLength).equals(entry.rawName))
      throw damaged(`Verzeichnis und Eintrag nennen verschiedene Namen für ${entry.name}`);
    // Without a data descriptor (bit 3) the local header repeats CRC and sizes; they must agree.
    if (!(entry.flags & 0x8)) {
      const [crc, compressed, size] = [local.readUInt32LE(14), local.readUInt32LE(18), local.readUInt32LE(22)];
      const agrees = (localValue: number, central: number): boolean => localValue === central || localValue === U32_MAX;
      if (crc !== entry.crc || !agrees(compressed, entry.compressedSize) || !agrees(size, entry.size))
        throw damaged(`Verzeichnis und Eintrag machen verschiedene Angaben zu ${entry.name}`);
    }
    const compressed = this.source.read(entry.localOffset + 30 + nameLength + extraLength, entry.compressedSize);

    let data: Buffer;
    if (entry.method === 0) data = compressed;
    else {
      try {
        // The declared size bounds the output: a part that inflates to more is refused at once.
        data = await this.inflater.inflateRaw(compressed, Math.max(1, entry.size));
      } catch (err) {
        if (err instanceof RangeError)
          throw damaged(`${entry.name} ist entpackt größer als im ZIP-Verzeichnis angegeben`);
        throw damaged(`${entry.name} lässt sich nicht entpacken`);
      }
    }
    this.deadline.checkNow();
    if (data.length !== entry.size) throw damaged(`${entry.name} ist entpackt ${data.length < entry.size ? "kleiner" : "größer"} als im ZIP-Verzeichnis angegeben`);
    if (this.inflater.crc32(data) !== entry.crc) throw damaged(`die Prüfsumme von ${entry.name} stimmt nicht`);
    this.inflated += data.length;
    return data;
  }
}
