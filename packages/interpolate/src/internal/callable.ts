// Interpolants are functions (call them like scipy's objects) that also carry data and methods,
// the way d3 scales do: the constructor returns a function whose prototype is the class's.

// biome-ignore lint/suspicious/noExplicitAny: the call signature is declared by each class
export function callable<T>(prototype: object, fn: (...args: any[]) => unknown): T {
  Object.setPrototypeOf(fn, prototype);
  return fn as unknown as T;
}
