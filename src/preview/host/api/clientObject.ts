/**
 * The proxy semantics of Office.js, which the simulated host reproduces so that tests catch
 * the bugs real Excel would show:
 * - an object returned by a method (getItem, getRange, add …) is resolved at the next sync,
 *   in queue order; a missing item is an error then ("ItemNotFound"), or a null object for
 *   the *OrNullObject variants (`isNullObject` readable after the sync);
 * - a property write or method call is queued and runs at `context.sync()`;
 * - reading a property that was neither loaded nor written throws "PropertyNotLoaded";
 *   a written value reads back as written (Office.js keeps it on the proxy);
 * - `load()` captures the values at its place in the queue.
 */
import { officeError } from "../errors";
import type { WorkbookModel } from "../model/workbook";
import type { RequestContext } from "./context";

export interface PropSpec<T> {
  get: (target: T, wb: WorkbookModel) => unknown;
  set?: (target: T, value: unknown, wb: WorkbookModel) => void;
}

export type Spec<T> = Record<string, PropSpec<T>>;

/** Load paths relative to an object: "values", "format/fill/color", "items/name". */
export type Paths = string[];

const ALL = "*";

/** Turns every load-option form of Office.js into paths. */
export function parseLoadOption(option: unknown): Paths {
  if (option === undefined || option === null) return [ALL];
  if (typeof option === "string") {
    const parts = option
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return parts.length ? parts : [ALL];
  }
  if (Array.isArray(option)) return option.flatMap((o) => parseLoadOption(String(o)));
  if (typeof option === "object") {
    const o = option as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      const select = o.select !== undefined ? parseLoadOption(o.select) : [];
      const expand = o.expand !== undefined ? parseLoadOption(o.expand).map((p) => `${p}/${ALL}`) : [];
      const paths = [...select, ...expand];
      return paths.length ? paths : [ALL];
    }
    const paths: Paths = [];
    for (const [key, value] of Object.entries(o)) {
      if (key === "$all") paths.push(ALL);
      else if (key.startsWith("$")) continue;
      else if (value === true) paths.push(key);
      else if (typeof value === "object" && value !== null) for (const sub of parseLoadOption(value)) paths.push(`${key}/${sub}`);
    }
    return paths.length ? paths : [ALL];
  }
  return [ALL];
}

function notLoaded(name: string, type: string): Error {
  return officeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${name}`,
  );
}

/** What a parent needs of a navigation property (format, fill …): loading, set() and toJSON(). */
export interface Navigable {
  capture(paths: Paths): void;
  set(properties: Record<string, unknown>): void;
  toJSON(): Record<string, unknown>;
}

export abstract class ClientObject<T> implements Navigable {
  readonly context: RequestContext;
  /** Office.js type name, for messages ("Range", "Worksheet"). */
  protected abstract readonly typeName: string;
  protected abstract readonly spec: Spec<T>;
  private readonly resolver: () => T | null;
  private target: T | null | undefined;
  private nullFlag: boolean | undefined;
  private readonly loaded = new Map<string, unknown>();

  /**
   * @param resolver finds the model object at sync time; returns null for a null object, or
   *                 throws (ItemNotFound …) when the object must exist.
   * @param instantiate true for objects returned by methods: their resolution is queued now.
   */
  constructor(context: RequestContext, resolver: () => T | null, instantiate: boolean) {
    this.context = context;
    this.resolver = resolver;
    if (instantiate) context.enqueue(() => `${this.typeName}.instantiate`, () => void this.resolve());
  }

  /** Navigation properties (format, font, fill, protection …) by name, for load paths and set(). */
  protected navigation(): Record<string, Navigable> {
    return {};
  }

  /** Whether a resolved target still exists (a deleted sheet does not). */
  protected isAlive(_target: T): boolean {
    return true;
  }

  /** The model object; resolved once, then kept (Office.js keeps object references too). */
  resolve(): T | null {
    if (this.target === undefined) this.target = this.resolver();
    if (this.target !== null && !this.isAlive(this.target)) {
      throw officeError("ItemNotFound", `The requested ${this.typeName} does not exist (it was deleted).`);
    }
    this.nullFlag = this.target === null;
    return this.target;
  }

  /** The model object for a write or method; a null object cannot be changed. */
  resolveTarget(): T {
    const t = this.resolve();
    if (t === null) throw officeError("ItemNotFound", `The ${this.typeName} does not exist (null object).`, this.typeName);
    return t;
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw notLoaded("isNullObject", this.typeName);
    return this.nullFlag;
  }

  protected read(name: string): unknown {
    if (this.loaded.has(name)) return this.loaded.get(name);
    if (this.nullFlag === true) return undefined;
    throw notLoaded(name, this.typeName);
  }

  protected write(name: string, value: unknown): void {
    const prop = this.spec[name];
    if (!prop?.set) throw officeError("InvalidArgument", `The property '${name}' of ${this.typeName} is read-only.`);
    this.loaded.set(name, value);
    this.context.enqueue(`${this.typeName}.${name}`, () => prop.set?.(this.resolveTarget(), value, this.context.model));
  }

  /** Queues a method call on the model object. */
  protected call(name: string, fn: (target: T, wb: WorkbookModel) => void): void {
    this.context.enqueue(`${this.typeName}.${name}`, () => fn(this.resolveTarget(), this.context.model));
  }

  /** Queues a method that returns a value (`ClientResult`), readable after the sync. */
  protected callWithResult<R>(name: string, fn: (target: T, wb: WorkbookModel) => R): ClientResult<R> {
    const result = new ClientResult<R>();
    this.context.enqueue(`${this.typeName}.${name}`, () => result.setValue(fn(this.resolveTarget(), this.context.model)));
    return result;
  }

  load(option?: unknown): this {
    const paths = parseLoadOption(option);
    this.context.enqueue(`${this.typeName}.load`, () => this.capture(paths));
    return this;
  }

  /** Reads the requested properties from the model now (inside a sync). */
  capture(paths: Paths): void {
    const t = this.resolve();
    if (t === null) return;
    const nav = this.navigation();
    for (const path of paths) {
      const [head, ...rest] = path.split("/").map((s) => s.trim());
      if (head === ALL) {
        for (const [name, prop] of Object.entries(this.spec)) this.loaded.set(name, prop.get(t, this.context.model));
      } else if (head in nav) {
        nav[head].capture(rest.length ? [rest.join("/")] : [ALL]);
      } else if (head in this.spec) {
        this.loaded.set(head, this.spec[head].get(t, this.context.model));
      } else if (head !== "isNullObject") {
        throw officeError("InvalidArgument", `The property '${head}' does not exist on ${this.typeName}.`, `${this.typeName}.load`);
      }
    }
  }

  /** `set({ … })`: several properties (and navigation properties) at once. */
  set(properties: Record<string, unknown>): void {
    const nav = this.navigation();
    for (const [key, value] of Object.entries(properties)) {
      if (key in nav && typeof value === "object" && value !== null) nav[key].set(value as Record<string, unknown>);
      else this.write(key, value);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.loaded) out[k] = Array.isArray(v) && v[0] instanceof ClientObject ? v.map((x: Navigable) => x.toJSON()) : v;
    for (const [k, child] of Object.entries(this.navigation())) {
      const json = child.toJSON();
      if (Object.keys(json).length) out[k] = json;
    }
    return out;
  }

  /** Office.js tracking is automatic here; these keep code written for Excel working. */
  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/**
 * A collection (worksheets, names, charts …): `items` after `load("items/name")` or
 * `load("name")`, each item a proxy already resolved to its model object.
 */
export abstract class ClientCollection<T, TItem, P extends ClientObject<TItem>> extends ClientObject<T> {
  protected readonly spec: Spec<T> = {};
  private itemProxies: P[] | undefined;
  private nullCollection = false;

  protected abstract itemsOf(target: T): TItem[];
  protected abstract proxyFor(item: TItem): P;

  get items(): P[] {
    if (this.itemProxies) return this.itemProxies;
    if (this.nullCollection) return [];
    return this.read("items") as P[];
  }

  override capture(paths: Paths): void {
    const t = this.resolve();
    if (t === null) {
      this.nullCollection = true;
      return;
    }
    const itemPaths = paths.map((p) => (p === "items" ? ALL : p.startsWith("items/") ? p.slice("items/".length) : p));
    this.itemProxies = this.itemsOf(t).map((item) => {
      const proxy = this.proxyFor(item);
      proxy.capture(itemPaths);
      return proxy;
    });
  }

  override toJSON(): Record<string, unknown> {
    return this.itemProxies ? { items: this.itemProxies.map((p) => p.toJSON()) } : {};
  }
}

/** `ClientResult<T>`: the value of a method call, readable after the sync. */
export class ClientResult<T> {
  private loaded = false;
  private v: T | undefined;

  setValue(v: T): void {
    this.v = v;
    this.loaded = true;
  }

  get value(): T {
    if (!this.loaded) {
      throw officeError("ValueNotLoaded", 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    }
    return this.v as T;
  }
}
