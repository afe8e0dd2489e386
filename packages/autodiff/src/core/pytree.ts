import { NDArray, typeError } from "@nabla/ndarray";
import { Tracer } from "./tracer.js";
import type { Value } from "./value.js";

/**
 * The structure of a pytree: JS arrays and plain objects are nodes, numbers / NDArrays / tracers
 * are leaves, `null` and `undefined` are empty nodes (jax's None).
 */
export type TreeDef =
  | { readonly kind: "leaf" }
  | { readonly kind: "array"; readonly children: readonly TreeDef[] }
  | {
      readonly kind: "object";
      readonly keys: readonly string[];
      readonly children: readonly TreeDef[];
    }
  | { readonly kind: "none"; readonly value: null | undefined };

const LEAF: TreeDef = { kind: "leaf" };

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Appends the leaves of `tree` to `leaves` and returns its structure. */
export function flatten(fn: string, tree: unknown, leaves: Value[]): TreeDef {
  if (typeof tree === "number" || tree instanceof NDArray || tree instanceof Tracer) {
    leaves.push(tree);
    return LEAF;
  }
  if (Array.isArray(tree))
    return { kind: "array", children: tree.map((t) => flatten(fn, t, leaves)) };
  if (isPlainObject(tree)) {
    const keys = Object.keys(tree);
    return { kind: "object", keys, children: keys.map((k) => flatten(fn, tree[k], leaves)) };
  }
  if (tree === null || tree === undefined) return { kind: "none", value: tree };
  throw typeError(
    `${fn}: expected numbers, NDArrays, or arrays/objects of them (a pytree), got ${typeof tree === "object" ? (tree as object).constructor?.name : typeof tree}.`,
  );
}

/** Rebuilds a tree of `def`'s structure from `leaves`, starting at `at.i`. */
export function unflatten(def: TreeDef, leaves: readonly unknown[], at = { i: 0 }): unknown {
  switch (def.kind) {
    case "leaf":
      return leaves[at.i++];
    case "array":
      return def.children.map((c) => unflatten(c, leaves, at));
    case "object": {
      const out: Record<string, unknown> = {};
      def.keys.forEach((k, j) => {
        out[k] = unflatten(def.children[j], leaves, at);
      });
      return out;
    }
    default:
      return def.value;
  }
}

/** Number of leaves of a structure. */
export function leafCount(def: TreeDef): number {
  if (def.kind === "leaf") return 1;
  if (def.kind === "none") return 0;
  let n = 0;
  for (const c of def.children) n += leafCount(c);
  return n;
}

export function sameStructure(a: TreeDef, b: TreeDef): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "leaf" || a.kind === "none") return true;
  const bc = (b as { children: readonly TreeDef[] }).children;
  if (a.children.length !== bc.length) return false;
  if (
    a.kind === "object" &&
    (b as { keys: readonly string[] }).keys.join("\u0000") !== a.keys.join("\u0000")
  )
    return false;
  return a.children.every((c, i) => sameStructure(c, bc[i]));
}

/** A tree with every leaf replaced by `f(leaf)`. */
export function mapTree(fn: string, tree: unknown, f: (leaf: Value) => unknown): unknown {
  const leaves: Value[] = [];
  const def = flatten(fn, tree, leaves);
  return unflatten(def, leaves.map(f));
}

/** True for a (nested) JS array that holds only numbers: a list where an array was meant. */
export function isNumberList(x: unknown): boolean {
  if (!Array.isArray(x) || x.length === 0) return false;
  return x.every((v) => typeof v === "number" || isNumberList(v));
}
