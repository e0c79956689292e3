/** The largest JSON body a route reads; a larger one is refused with 413 before it is parsed. */
export const MAX_JSON_BYTES = 16 * 1024;
