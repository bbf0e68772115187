declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route that carries one base64 file: its decoded size limit, named in the 413 refusal. */
    uploadMaxBytes?: number;
  }
}

/** The body limit of a JSON request carrying one base64 file of at most `maxBytes` (plus room for its other fields). */
export function base64BodyLimit(maxBytes: number): number {
  return Math.ceil((maxBytes * 4) / 3) + 64 * 1024;
}
