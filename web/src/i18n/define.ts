/** A tree of messages: every leaf a string. */
export interface Tree {
  [key: string]: string | Tree;
}

/** The same keys as T, every leaf a string: Japanese must say everything English says. */
export type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

/**
 * One area's messages in both languages. The type makes a missing or extra Japanese key a compile
 * error; test/web-i18n.test.ts checks the same at run time and that every key the code uses exists.
 */
export function messages<T extends Tree>(m: { en: T; ja: Same<T> }): { en: T; ja: Same<T> } {
  return m;
}

/** Two areas' messages as one (an area split over files by concept). */
export function mergeMessages<A extends Tree, B extends Tree>(a: { en: A; ja: Same<A> }, b: { en: B; ja: Same<B> }): { en: A & B; ja: Same<A & B> } {
  return { en: { ...a.en, ...b.en }, ja: { ...a.ja, ...b.ja } as Same<A & B> };
}
