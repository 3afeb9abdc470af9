import { readFileSync } from "fs";

export function branches(a: number, b?: number): number {
  if (a > 0 && b !== undefined) {
    return 1;
  }
  return a > 1 ? 2 : 3;
}

export const loop = (n: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(i);
  }
  return out;
};

function fact(n: number): number {
  return n <= 1 ? 1 : n * fact(n - 1);
}

class Box<T> {
  constructor(private v: T) {}
  get(): T {
    return this.v;
  }
}

export function read(p: string): string {
  return readFileSync(p, "utf8");
}
