/**
 * A memoised getter: `build` runs on the first call, and every later call returns the same value.
 * Lexicons, tries, lookup tables and big regexes are built this way so that loading the extractor
 * costs next to nothing: a Worker isolate pays for a table only when an article first needs it.
 * (A global or sticky regex built once stays one object, so its lastIndex behaves as before.)
 *
 * @example
 * const SURNAMES = lazy(() => new Set(LIST.map(fold)));
 * SURNAMES().has("nguyen"); // built on this first call
 */
export function lazy<T>(build: () => T): () => T {
  let value: T;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
