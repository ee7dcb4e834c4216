/**
 * `range.dataValidation`: rules are stored as given; list rules are checked for `valid`.
 */
import { qualifiedAddress } from "../address";
import { readValues } from "../model/cells";
import { clearValidation, listValid, setValidationProperty, setValidationRule, validationCovering, validationType } from "../model/objects";
import { ClientObject, type Spec } from "./clientObject";
import type { RequestContext } from "./context";
import type { RangeTarget } from "./range";

/** A list rule's source may be a Range proxy; Excel stores it as a reference formula. */
function withSourceAddress(rule: unknown): unknown {
  const list = (rule as { list?: { source?: unknown } } | null)?.list;
  const source = list?.source as { resolveTarget?: () => RangeTarget } | undefined;
  if (!list || typeof source !== "object" || source === null || typeof source.resolveTarget !== "function") return rule;
  const t = source.resolveTarget();
  return { ...(rule as object), list: { ...list, source: "=" + qualifiedAddress(t.sheet.name, t.rect, true) } };
}

const VALIDATION_SPEC: Spec<RangeTarget> = {
  type: { get: (t) => validationType(t.sheet, t.rect) },
  rule: {
    get: (t) => {
      if (validationType(t.sheet, t.rect) === "Inconsistent") return null;
      return JSON.parse(JSON.stringify(validationCovering(t.sheet, t.rect)?.rule ?? {}));
    },
    set: (t, v, wb) => setValidationRule(wb, t.sheet, t.rect, withSourceAddress(v)),
  },
  ignoreBlanks: {
    get: (t) => validationCovering(t.sheet, t.rect)?.ignoreBlanks ?? true,
    set: (t, v, wb) => setValidationProperty(wb, t.sheet, t.rect, "ignoreBlanks", v),
  },
  prompt: {
    get: (t) => validationCovering(t.sheet, t.rect)?.prompt ?? { showPrompt: false, title: "", message: "" },
    set: (t, v, wb) => setValidationProperty(wb, t.sheet, t.rect, "prompt", v),
  },
  errorAlert: {
    get: (t) => validationCovering(t.sheet, t.rect)?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" },
    set: (t, v, wb) => setValidationProperty(wb, t.sheet, t.rect, "errorAlert", v),
  },
  valid: { get: (t, wb) => listValid(validationCovering(t.sheet, t.rect), readValues(wb, t.sheet, t.rect)) },
};

export class DataValidationProxy extends ClientObject<RangeTarget> {
  protected readonly typeName = "DataValidation";
  protected readonly spec = VALIDATION_SPEC;

  constructor(context: RequestContext, resolver: () => RangeTarget | null) {
    super(context, resolver, false);
  }

  get type(): Excel.DataValidationType | string {
    return this.read("type") as string;
  }
  get rule(): Excel.DataValidationRule {
    return this.read("rule") as Excel.DataValidationRule;
  }
  set rule(v: Excel.DataValidationRule) {
    this.write("rule", v);
  }
  get ignoreBlanks(): boolean {
    return this.read("ignoreBlanks") as boolean;
  }
  set ignoreBlanks(v: boolean) {
    this.write("ignoreBlanks", v);
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.read("prompt") as Excel.DataValidationPrompt;
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this.write("prompt", v);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read("errorAlert") as Excel.DataValidationErrorAlert;
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.write("errorAlert", v);
  }
  get valid(): boolean {
    return this.read("valid") as boolean;
  }

  clear(): void {
    this.call("clear", (t, wb) => clearValidation(wb, t.sheet, t.rect));
  }
}
